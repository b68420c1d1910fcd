#!/usr/bin/env bash
# Download throughput of `migdash download` against curl for the same archive on loopback, and peak RSS.
#
# `migdash simulate --archive-megabytes N` grows the exported migration 240498's archive to N MB; curl
# fetches its signed storage URL, and `migdash download` fetches the same bytes while a reader follows
# the file on disk (SHA-256, gzip CRC and length, every tar header) without ever holding the transfer
# up, then finishes whatever the reader has not reached, records the archive and puts it in place.
# The script splits migdash's time at its first `verifying` line (printed once the last byte is on
# disk), and also times curl followed by the same checks with the usual tools (sha256sum, tar -tzf),
# and `migdash inspect` (a full read-back with SHA-256).
#
# ARCHIVE_MB (default 1024) sizes the archive, RUNS (default 3) repeats each measurement (medians are
# printed), LINK_MB_PER_S paces the storage like a real link (say 119 for 1 Gbit/s; default: as fast as
# loopback goes), MIGDASH_BIN skips the release build and uses that binary. Needs curl and python3.
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

ARCHIVE_MB=${ARCHIVE_MB:-1024}
RUNS=${RUNS:-3}
TOKEN=migdash-demo-token
WORK=$(mktemp -d)
SIMULATOR=

cleanup() {
    [[ -n "$SIMULATOR" ]] && kill "$SIMULATOR" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }

if [[ -n "${MIGDASH_BIN:-}" ]]; then
    BIN=$MIGDASH_BIN
else
    say "building migdash (release)…" >&2
    swift build -c release --product migdash >/dev/null
    BIN="$(swift build -c release --show-bin-path)/migdash"
fi

# measure COMMAND...: prints "WALL_SECONDS PEAK_RSS_KB" for one run of a command, its output discarded.
measure() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
wall = time.monotonic() - start
if status != 0:
    sys.exit(f"{sys.argv[1]} exited with {status}")
print(f"{wall:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mbps() { awk -v bytes="$1" -v s="$2" 'BEGIN { printf "%.0f", bytes / 1048576 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# download_run COMMAND...: prints "WALL_SECONDS PEAK_RSS_KB TRANSFER_SECONDS" for one `migdash download`,
# the transfer being the time to its first `verifying` line (it prints plain lines into a pipe).
download_run() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
transfer = None
for line in child.stdout:
    if transfer is None and line.startswith("verifying"):
        transfer = time.monotonic() - start
status = child.wait()
wall = time.monotonic() - start
if status != 0:
    sys.exit(f"migdash download exited with {status}")
print(f"{wall:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} {transfer or wall:.3f}")
PY
}

pacing=()
[[ -n "${LINK_MB_PER_S:-}" ]] && pacing=(--storage-kilobytes-per-second "$((LINK_MB_PER_S * 1024))")
"$BIN" simulate --port 0 --archive-megabytes "$ARCHIVE_MB" "${pacing[@]}" >"$WORK/simulator.out" 2>&1 &
SIMULATOR=$!
for _ in $(seq 100); do grep -q '^listening on ' "$WORK/simulator.out" && break; sleep 0.1; done
API=$(sed -n 's/^listening on //p' "$WORK/simulator.out")
[[ -n "$API" ]] || { say "the simulator did not start:" >&2; cat "$WORK/simulator.out" >&2; exit 1; }

# A fresh signed URL for each fetch: the API's 302, read without following it.
storage_url() {
    curl -s -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer $TOKEN" \
        "$API/orgs/octo-org/migrations/240498/archive"
}

# The simulator builds the archive on the first request for it: time that once, before measuring.
started=$EPOCHREALTIME
SIZE=$(curl -sI "$(storage_url)" | tr -d '\r' | awk 'tolower($1) == "content-length:" { print $2 }')
built=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')

: >"$WORK/curl" && : >"$WORK/migdash" && : >"$WORK/inspect" && : >"$WORK/checks"
for run in $(seq "$RUNS"); do
    measure curl -s -o "$WORK/curl.tar.gz" "$(storage_url)" >>"$WORK/curl"
    # The checks migdash makes, with the usual tools, on curl's file.
    measure bash -c "sha256sum '$WORK/curl.tar.gz' && tar -tzf '$WORK/curl.tar.gz'" >>"$WORK/checks"
    rm -f "$WORK/curl.tar.gz"
    rm -rf "$WORK/out"
    download_run "$BIN" download --org octo-org 240498 --output "$WORK/out" --api-url "$API" --token "$TOKEN" \
        >>"$WORK/migdash"
    measure "$BIN" inspect "$WORK/out"/octo-org-migration-240498-*.tar.gz >>"$WORK/inspect"
    say "run $run of $RUNS done" >&2
done
rm -rf "$WORK/out"

curl_s=$(cut -d' ' -f1 "$WORK/curl" | median)
curl_rss=$(cut -d' ' -f2 "$WORK/curl" | median)
migdash_s=$(cut -d' ' -f1 "$WORK/migdash" | median)
migdash_rss=$(cut -d' ' -f2 "$WORK/migdash" | sort -n | tail -1)
transfer_s=$(cut -d' ' -f3 "$WORK/migdash" | median)
inspect_s=$(cut -d' ' -f1 "$WORK/inspect" | median)
checks_s=$(cut -d' ' -f1 "$WORK/checks" | median)
verify_s=$(awk -v a="$migdash_s" -v b="$transfer_s" 'BEGIN { printf "%.3f", a - b }')
with_checks=$(awk -v a="$curl_s" -v b="$checks_s" 'BEGIN { printf "%.3f", a + b }')

link="loopback"
[[ -n "${LINK_MB_PER_S:-}" ]] && link="loopback paced to about $LINK_MB_PER_S MB/s"
say "archive: $ARCHIVE_MB MB ($SIZE bytes), built by the simulator in ${built} s; medians of $RUNS runs, $link"
say "curl                          ${curl_s} s  $(mbps "$SIZE" "$curl_s") MB/s  peak RSS $(mb "$curl_rss") MB"
say "migdash download              ${migdash_s} s  $(mbps "$SIZE" "$migdash_s") MB/s  $(ratio "$curl_s" "$migdash_s")x curl  peak RSS $(mb "$migdash_rss") MB (highest run)  [targets: >= 0.9x curl, <= 40 MB]"
say "  transfer (checks alongside) ${transfer_s} s  $(mbps "$SIZE" "$transfer_s") MB/s  $(ratio "$curl_s" "$transfer_s")x curl  (every byte on disk)"
say "  then the checks' rest       ${verify_s} s  (SHA-256, gzip, tar the reader had not reached; manifest, rename)"
say "migdash inspect               ${inspect_s} s  $(mbps "$SIZE" "$inspect_s") MB/s  (a full read-back with SHA-256)"
say "curl + sha256sum + tar -tzf   ${with_checks} s  $(mbps "$SIZE" "$with_checks") MB/s  migdash: $(ratio "$with_checks" "$migdash_s")x its speed"
