#!/usr/bin/env bash
# What the dashboard costs at an enterprise's scale, from a release build, each figure printed on its own
# line next to its target (issue 10):
#   (a) `migdash simulate --orgs 20 --migrations 10000` (10,011 migrations) with one source import moving:
#       launch to the first migrations and to the whole list on screen; then over WINDOW_SECONDS, requests a
#       minute counted at the simulator, CPU of the dashboard and bytes a second written to the terminal;
#       a migration started by curl in octo-org-2 until its row is on screen; the simulator's `exported`
#       for that migration until its row says so;
#   (b) the same load figures at 1,000 migrations (1,011 listed);
#   (c) 10,011 migrations and 100 more started by curl across the organizations: until all are listed,
#       requests and CPU while they export, and until every change (pending -> exporting -> exported)
#       is on screen.
# Needs tmux and curl. WINDOW_SECONDS (default 60) sets each measuring window; MIGDASH_BIN skips the build
# and uses that binary; ONLY=a, b or c runs one part.
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export LC_ALL=C.UTF-8
WINDOW_SECONDS=${WINDOW_SECONDS:-60}
ONLY=${ONLY:-}
ORGS=20
TOKEN=migdash-demo-token
SOCKET="migdash-bench-scale-$$"
WORK=$(mktemp -d)
SIMULATORS=()
# How long a figure may take before the script gives up on it and says so; well past every target.
PATIENCE=300

cleanup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    for pid in "${SIMULATORS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
# seconds SINCE_US: the seconds from that moment until now, to a hundredth
seconds_since() { awk -v us="$(($(now_us) - $1))" 'BEGIN { printf "%.2f", us / 1000000 }'; }
ms_since() { awk -v us="$(($(now_us) - $1))" 'BEGIN { printf "%.0f", us / 1000 }'; }

# A migration row in the Migrations pane (the left pane: its rows start the line), optionally one id.
ROW='^│[ ▸] +[0-9]+ '
row_of() { printf '^│[ ▸] +%s ' "$1"; }

# seen SESSION PATTERN [SECONDS] [INTERVAL]: polls the screen until an extended regex matches; fails
# (showing the screen on standard error) when it does not within SECONDS (PATIENCE by default).
seen() {
    local deadline=$(($(now_us) + ${3:-$PATIENCE} * 1000000))
    until tm capture-pane -p -t "$1" | grep -qE -- "$2"; do
        if (($(now_us) > deadline)); then
            say "-- not on screen after ${3:-$PATIENCE} s: /$2/ in $1; the screen:" >&2
            tm capture-pane -p -t "$1" >&2
            return 1
        fi
        sleep "${4:-0.05}"
    done
}

# wait_for: the same, for what must happen before anything can be measured: the script stops without it.
wait_for() { seen "$@" || exit 1; }

# cpu_ticks PID: user + system time in clock ticks
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# start_simulator ARGS...: starts `migdash simulate` and sets URL
start_simulator() {
    local out="$WORK/simulator-${#SIMULATORS[@]}.out"
    : >"$out"  # before the background start opens it, so the first look cannot miss the file
    "$BIN" simulate --port 0 "$@" >"$out" 2>&1 &
    SIMULATORS+=($!)
    for _ in $(seq 3000); do
        URL=$(sed -n 's/^listening on //p' "$out")
        [[ -n $URL ]] && return
        sleep 0.01
    done
    say "the simulator did not start: $(cat "$out")" >&2
    exit 1
}

# stop_simulator: ends the simulator started last
stop_simulator() { kill "${SIMULATORS[-1]}" 2>/dev/null || true; }

control() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$2" "$URL/_simulator/$1" >/dev/null; }
api() { curl -fsS -H "Authorization: Bearer $TOKEN" "$URL$1"; }

# start_migration ORG REPOSITORY: starts an organization migration as another client would; prints its id
start_migration() {
    curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"repositories\": [\"$2\"]}" "$URL/orgs/$1/migrations" | grep -o '"id": *[0-9]*' | head -1 |
        tr -cd 0-9
}

# state_of ORG ID: the state the simulator reports for a migration
state_of() { api "/orgs/$1/migrations/$2" | grep -o '"state": *"[a-z]*"' | head -1 | sed 's/.*"\([a-z]*\)"$/\1/'; }

# repositories_of ORG: the names of an organization's repositories, one a line
repositories_of() { api "/orgs/$1/repos?per_page=100" | grep -o '"full_name": *"[^"]*"' | sed 's/.*\/\([^"]*\)"$/\1/'; }

# requests_seen: how many requests both listeners answered since the log was last cleared, and how many
# of them were 304s, as "TOTAL 304S"
requests_seen() {
    local log
    log=$(curl -fsS "$URL/_simulator/requests")
    echo "$(grep -o '"method" *:' <<<"$log" | wc -l) $(grep -o '"status" *: *304' <<<"$log" | wc -l)"
}
forget_requests() { curl -fsS -X DELETE "$URL/_simulator/requests" >/dev/null; }

printf '%s\n' "$TOKEN" >"$WORK/token"
chmod 600 "$WORK/token"

# dashboard SESSION: starts the dashboard against $URL in a 120x40 tmux session with a home of its own
dashboard() {
    mkdir -p "$WORK/home"
    tm new-session -d -s "$1" -x 120 -y 40 "$(printf 'exec env -u XDG_CONFIG_HOME HOME=%q %q --api-url %q --token-file %q' \
        "$WORK/home" "$BIN" "$URL" "$WORK/token")"
}

# record SESSION FILE: appends what the pane's program writes to FILE until stop_recording SESSION
record() { : >"$2" && tm pipe-pane -o -t "$1" "cat >> '$2'"; }
stop_recording() { tm pipe-pane -t "$1" && sleep 0.2; }
size_of() { wc -c <"$1" | tr -d ' '; }

# measure_window SESSION LABEL: over WINDOW_SECONDS, the requests a minute at the simulator, the dashboard's
# CPU as % of one core and the bytes a second it writes to the terminal, each on a line
measure_window() {
    local pid ticks start_us seconds counts
    pid=$(tm display-message -p -t "$1" '#{pane_pid}')
    forget_requests
    record "$1" "$WORK/$1.bytes"
    ticks=$(cpu_ticks "$pid")
    start_us=$(now_us)
    sleep "$WINDOW_SECONDS"
    counts=$(requests_seen)
    ticks=$(($(cpu_ticks "$pid") - ticks))
    seconds=$(awk -v us="$(($(now_us) - start_us))" 'BEGIN { print us / 1000000 }')
    stop_recording "$1"
    awk -v n="${counts% *}" -v n304="${counts#* }" -v s="$seconds" -v label="$2" \
        'BEGIN { printf "%s: requests a minute at the simulator: %.0f (%d in %.0f s, %d of them 304) (target <= 60)\n", label, n * 60 / s, n, s, n304 }'
    awk -v t="$ticks" -v hz="$TICKS_PER_SECOND" -v s="$seconds" -v label="$2" \
        'BEGIN { printf "%s: CPU of the dashboard: %.2f %% of a core (target <= 0.5 %%)\n", label, 100 * t / hz / s }'
    awk -v b="$(size_of "$WORK/$1.bytes")" -v s="$seconds" -v label="$2" \
        'BEGIN { printf "%s: written to the terminal: %.1f bytes/s\n", label, b / s }'
}

# first_load SESSION TOTAL LABEL: launches the dashboard and prints the time until the first migrations and
# until all TOTAL are on screen (the Migrations pane's title counts them)
first_load() {
    local start title
    start=$(now_us)
    dashboard "$1"
    if seen "$1" "$ROW" "$PATIENCE" 0.005; then
        title=$(tm capture-pane -p -t "$1" | grep -o 'Migrations ([^)]*)' | head -1)
        say "$3: launch to the first migrations on screen: $(ms_since "$start") ms, showing $title (target <= 1000 ms)"
    else
        say "$3: launch to the first migrations on screen: none after $PATIENCE s (target <= 1000 ms)"
    fi
    if seen "$1" "Migrations \\($2\\)" "$PATIENCE" 0.02; then
        say "$3: launch to all $2 migrations on screen: $(seconds_since "$start") s (target <= 15 s)"
    else
        say "$3: launch to all $2 migrations on screen: not within $PATIENCE s (target <= 15 s)"
        exit 1
    fi
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

# Migrations take 10 simulated minutes (pending for the first 2) and the import legacy-svn five days, so
# once the clock is an hour on, the showcase migrations have finished and that import alone moves.
SLOW=(--orgs "$ORGS" --export-seconds 600 --import-seconds 86400)

if [[ -z $ONLY || $ONLY == a ]]; then
    say "== (a) $ORGS organizations, 10,011 migrations, one import moving, 120x40, ${WINDOW_SECONDS} s windows"
    start_simulator "${SLOW[@]}" --migrations 10000
    control advance '{"seconds": 3600}'
    ELSEWHERE=octo-org-2
    repository=$(repositories_of "$ELSEWHERE" | head -1)
    first_load big 10011 "10,011"
    sleep 2
    measure_window big "10,011"

    start=$(now_us)
    id=$(start_migration "$ELSEWHERE" "$repository")
    if seen big "$(row_of "$id")"; then
        say "a migration started by curl in $ELSEWHERE, until its row is on screen: $(seconds_since "$start") s" \
            "(target <= 60 s)"
    else
        say "a migration started by curl in $ELSEWHERE, until its row is on screen: not within $PATIENCE s" \
            "(target <= 60 s)"
    fi
    if seen big "$(row_of "$id")" 1; then
        control advance '{"seconds": 600}'
        until [[ $(state_of "$ELSEWHERE" "$id") == exported ]]; do sleep 0.02; done
        start=$(now_us)
        if seen big "$(row_of "$id").* exported "; then
            say "the simulator's exported, until the row says exported: $(seconds_since "$start") s (target <= 10 s)"
        else
            say "the simulator's exported, until the row says exported: not within $PATIENCE s (target <= 10 s)"
        fi
    else
        say "the simulator's exported, until the row says exported: not measured, the row never showed"
    fi
    tm kill-session -t big
    stop_simulator
fi

if [[ -z $ONLY || $ONLY == b ]]; then
    say "== (b) $ORGS organizations, 1,011 migrations, one import moving, 120x40, ${WINDOW_SECONDS} s window"
    start_simulator "${SLOW[@]}" --migrations 1000
    control advance '{"seconds": 3600}'
    first_load small 1011 "1,011"
    sleep 2
    measure_window small "1,011"
    tm kill-session -t small
    stop_simulator
fi

if [[ -z $ONLY || $ONLY == c ]]; then
    say "== (c) 10,011 migrations, then 100 more exporting at once across $ORGS organizations"
    # An hour to export (pending for the first 12 minutes); the clock is moved on past the showcase ones.
    start_simulator --orgs "$ORGS" --export-seconds 3600 --import-seconds 86400 --migrations 10000
    control advance '{"seconds": 15000}'
    # Five in each organization, each of one of its repositories (none of them one that fails).
    owners=() repos=()
    for n in $(seq "$ORGS"); do
        org=$([[ $n == 1 ]] && echo octo-org || echo "octo-org-$n")
        mapfile -t names < <(repositories_of "$org" | grep -v broken)
        for k in 0 1 2 3 4; do owners+=("$org") && repos+=("${names[$((k % ${#names[@]}))]}"); done
    done
    first_load many 10011 "10,011"
    # The filter keeps the rows whose state reads `exporting`; the title counts them: "(K of N)".
    tm send-keys -t many / e x p o r t i n g Enter
    wait_for many 'Migrations \(0 of 10011\)' 20
    first=$(now_us)
    for k in "${!owners[@]}"; do start_migration "${owners[$k]}" "${repos[$k]}" >/dev/null; done
    last=$(now_us)
    if seen many 'Migrations \(0 of 10111\)'; then
        say "100 started elsewhere by curl (taking $(awk -v us=$((last - first)) 'BEGIN { printf "%.1f", us / 1e6 }') s)," \
            "from the last start until all are listed: $(seconds_since "$last") s (target <= 60 s)"
    else
        say "100 started elsewhere by curl, until all are listed: not within $PATIENCE s (target <= 60 s)"
    fi
    measure_window many "100 pending of 10,111"
    forget_requests
    changes=$(now_us)
    control advance '{"seconds": 720}'
    start=$(now_us)
    if seen many 'Migrations \(100 of 10111\)'; then
        say "100 going pending -> exporting at once, until every row says so: $(seconds_since "$start") s" \
            "(target <= 60 s)"
    else
        say "100 going pending -> exporting at once: not all on screen within $PATIENCE s (target <= 60 s)"
    fi
    control advance '{"seconds": 2880}'
    start=$(now_us)
    if seen many 'Migrations \(0 of 10111\)'; then
        say "100 going exporting -> exported at once, until every row says so: $(seconds_since "$start") s" \
            "(target <= 60 s)"
    else
        say "100 going exporting -> exported at once: not all on screen within $PATIENCE s (target <= 60 s)"
    fi
    counts=$(requests_seen)
    awk -v n="${counts% *}" -v s="$(seconds_since "$changes")" \
        'BEGIN { printf "requests a minute while those changes were shown: %.0f (%d in %.0f s) (target <= 60)\n", n * 60 / s, n, s }'
    tm kill-session -t many
    stop_simulator
fi
