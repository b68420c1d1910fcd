#!/usr/bin/env bash
# What `migdash watch` costs at an enterprise's scale, from a release build, each figure on its own line
# next to its target (issue 11; the targets are the dashboard's of issue 10, since it is the same core):
# `migdash simulate --orgs 20 --migrations 10000` (10,011 migrations); `migdash watch --ndjson
# --metrics-listen`: launch to the `ready` event; then over WINDOW_SECONDS the requests a minute counted at
# the simulator and the watch's CPU; a migration started by curl in octo-org-2 (its export takes 90 s)
# until its `migration_new` line, and its export until the `migration_state ... exported` line; one
# /metrics scrape's time and size.
# Needs curl. WINDOW_SECONDS (default 60) sets the window; MIGDASH_BIN skips the build and uses that binary.
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

WINDOW_SECONDS=${WINDOW_SECONDS:-60}
TOKEN=migdash-demo-token
WORK=$(mktemp -d)
PIDS=()
PATIENCE=300

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
seconds_since() { awk -v us="$(($(now_us) - $1))" 'BEGIN { printf "%.2f", us / 1000000 }'; }
ms_since() { awk -v us="$(($(now_us) - $1))" 'BEGIN { printf "%.0f", us / 1000 }'; }
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# lines FILE PATTERN [SECONDS]: waits until FILE has a line matching the extended regex; fails after SECONDS
lines() {
    local deadline=$(($(now_us) + ${3:-$PATIENCE} * 1000000))
    until grep -qE -- "$2" "$1" 2>/dev/null; do
        if (($(now_us) > deadline)); then
            say "-- no line /$2/ in $1 after ${3:-$PATIENCE} s" >&2
            return 1
        fi
        sleep 0.02
    done
}

if [[ -n ${MIGDASH_BIN:-} ]]; then
    BIN=$MIGDASH_BIN
    say "== using $BIN (MIGDASH_BIN), not a fresh release build"
else
    say "== build (release)"
    if ! log=$(swift build -c release --product migdash 2>&1); then
        printf '%s\n' "$log" >&2
        exit 1
    fi
    BIN="$(swift build -c release --show-bin-path)/migdash"
fi
TICKS_PER_SECOND=$(getconf CLK_TCK)
say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"

: >"$WORK/simulator.out"
"$BIN" simulate --port 0 --orgs 20 --migrations 10000 --export-seconds 90 >"$WORK/simulator.out" 2>&1 &
PIDS+=($!)
lines "$WORK/simulator.out" '^listening on ' 60
URL=$(sed -n 's/^listening on //p' "$WORK/simulator.out")
printf '%s\n' "$TOKEN" >"$WORK/token"
chmod 600 "$WORK/token"

start=$(now_us)
env -u XDG_CONFIG_HOME HOME="$WORK" "$BIN" watch --ndjson --metrics-listen 127.0.0.1:0 --api-url "$URL" \
    --token-file "$WORK/token" >"$WORK/events" 2>"$WORK/errors" &
WATCH=$!
PIDS+=($WATCH)
lines "$WORK/events" '"event":"ready"'
say "launch to ready (every list read): $(seconds_since "$start") s, $(grep -o '"migrations":[0-9]*' "$WORK/events" | head -1)"
METRICS=$(grep -o 'http://[^ ]*/metrics' "$WORK/errors")

curl -fsS -X DELETE "$URL/_simulator/requests" >/dev/null
ticks=$(cpu_ticks "$WATCH")
window=$(now_us)
sleep "$WINDOW_SECONDS"
log=$(curl -fsS "$URL/_simulator/requests")
ticks=$(($(cpu_ticks "$WATCH") - ticks))
seconds=$(awk -v us="$(($(now_us) - window))" 'BEGIN { print us / 1000000 }')
n=$(grep -o '"method" *:' <<<"$log" | wc -l)
n304=$(grep -o '"status" *: *304' <<<"$log" | wc -l)
awk -v n="$n" -v n304="$n304" -v s="$seconds" \
    'BEGIN { printf "requests a minute at the simulator: %.0f (%d in %.0f s, %d of them 304) (target <= 60)\n", n * 60 / s, n, s, n304 }'
awk -v t="$ticks" -v hz="$TICKS_PER_SECOND" -v s="$seconds" \
    'BEGIN { printf "CPU of the watch: %.2f %% of a core (target <= 0.5 %%)\n", 100 * t / hz / s }'

scrape=$(now_us)
bytes=$(curl -fsS "$METRICS" | wc -c)
say "one /metrics scrape: $(ms_since "$scrape") ms, $bytes bytes"

repository=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$URL/orgs/octo-org-2/repos?per_page=1" |
    grep -o '"name": *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')
started=$(now_us)
id=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"repositories\": [\"$repository\"]}" "$URL/orgs/octo-org-2/migrations" | grep -o '"id": *[0-9]*' | head -1 | tr -cd 0-9)
lines "$WORK/events" "\"event\":\"migration_new\".*\"id\":$id[,}]"
say "migration started elsewhere until its migration_new line: $(seconds_since "$started") s (target <= 60 s)"
until curl -fsS -H "Authorization: Bearer $TOKEN" "$URL/orgs/octo-org-2/migrations/$id" | grep -q '"state": *"exported"'; do
    sleep 0.05
done
exported=$(now_us)
lines "$WORK/events" "\"id\":$id,.*\"state\":\"exported\"|\"event\":\"migration_new\".*\"id\":$id,.*\"state\":\"exported\""
say "exported at the simulator until its line: $(seconds_since "$exported") s (target <= 10 s)"
