#!/usr/bin/env bash
# Performance figures for migdash, from a release build, each printed on its own line next to its target:
#   (a) idle cost of a dashboard watching 1,011 finished migrations: CPU and bytes written to the terminal,
#       with htop in the same terminal size for comparison;
#   (b) launch to first frame, and to the first frame with data;
#   (c) key press to redrawn selection;
#   (d) DashboardView.render time for 1,000 and 100,000 migrations;
#   (e) bytes written when one row changes, against a full repaint;
#   (f) key press to redrawn selection while three 2 GB archives download at loopback speed (one in the
#       dashboard, two by `migdash download` beside it), against the same presses before they start.
# Needs tmux and curl (and htop for the comparison, installed with apt-get when missing and possible).
# IDLE_SECONDS (default 60) sets the idle window; MIGDASH_BIN skips the build and uses that binary;
# ONLY_DOWNLOADS=1 runs (f) alone.
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export LC_ALL=C.UTF-8
IDLE_SECONDS=${IDLE_SECONDS:-60}
TOKEN=migdash-demo-token
SOCKET="migdash-bench-$$"
WORK=$(mktemp -d)
SIMULATORS=()

cleanup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    for pid in "${SIMULATORS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
# rows of the migrations pane still moving, or an import still running
BUSY='^│[ ▸] +[0-9]+ .* (pending|exporting) | importing +│'

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wait_for SESSION PATTERN [SECONDS]: poll the screen until an extended regex matches
wait_for() {
    local deadline=$(($(now_us) + ${3:-20} * 1000000))
    until tm capture-pane -p -t "$1" | grep -qE -- "$2"; do
        if (($(now_us) > deadline)); then
            say "timed out waiting for /$2/ in $1; screen:" >&2
            tm capture-pane -p -t "$1" >&2
            exit 1
        fi
        sleep 0.005
    done
}

# wait_settled SESSION: waits until no migration row is pending or exporting and no import is running
wait_settled() {
    local deadline=$(($(now_us) + 30000000))
    while tm capture-pane -p -t "$1" | grep -qE "$BUSY"; do
        (($(now_us) < deadline)) || { say "the dashboard never settled" >&2; exit 1; }
        sleep 0.1
    done
}

# cpu_ticks PID: user + system time in clock ticks
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# start_simulator ARGS...: starts `migdash simulate` and sets URL
start_simulator() {
    local out="$WORK/simulator-${#SIMULATORS[@]}.out"
    "$BIN" simulate --port 0 "$@" >"$out" 2>&1 &
    SIMULATORS+=($!)
    for _ in $(seq 500); do
        URL=$(sed -n 's/^listening on //p' "$out")
        [[ -n $URL ]] && return
        sleep 0.01
    done
    say "the simulator did not start: $(cat "$out")" >&2
    exit 1
}

control() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$2" "$URL/_simulator/$1" >/dev/null; }

# dashboard_command: the pane command for a dashboard against $URL, with a home of its own
dashboard_command() {
    mkdir -p "$WORK/home"
    printf 'exec env -u XDG_CONFIG_HOME HOME=%q %q --api-url %q --token %q' "$WORK/home" "$BIN" "$URL" "$TOKEN"
}

# record SESSION FILE: appends what the pane's program writes to FILE until stop_recording SESSION
record() { : >"$2" && tm pipe-pane -o -t "$1" "cat >> '$2'"; }
stop_recording() { tm pipe-pane -t "$1" && sleep 0.2; }
size_of() { wc -c <"$1" | tr -d ' '; }

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
say "machine: $(nproc) cores, $(date -u +%Y-%m-%d)"

# time_presses SESSION: 20 key presses (j and k in turn, so a short list does not run out), each timed from
# the press to the moved selection on screen; prints the microseconds, one a line.
time_presses() {
    local key before start
    for n in $(seq 20); do
        key=$([[ $((n % 2)) == 1 ]] && echo j || echo k)
        before=$(tm capture-pane -p -t "$1" | grep -m1 '^│▸' || true)
        start=$(now_us)
        tm send-keys -t "$1" "$key"
        until [[ $(tm capture-pane -p -t "$1" | grep -m1 '^│▸' || true) != "$before" ]]; do
            (($(now_us) - start < 10000000)) || { say "the selection did not move" >&2; exit 1; }
        done
        echo $(($(now_us) - start))
    done
}

# time_echoes SESSION: 20 letters typed into SESSION (running `cat`), each timed from the press to its echo on
# screen: the round trip through tmux with no program of ours in it; prints the microseconds, one a line.
time_echoes() {
    local start base
    base=$(tm capture-pane -p -t "$1" | tr -cd x | wc -c)
    for n in $(seq 20); do
        start=$(now_us)
        tm send-keys -t "$1" x
        until (($(tm capture-pane -p -t "$1" | tr -cd x | wc -c) >= base + n)); do
            (($(now_us) - start < 10000000)) || { say "the echo never came" >&2; exit 1; }
        done
        echo $(($(now_us) - start))
    done
}

if [[ -z ${ONLY_DOWNLOADS:-} ]]; then
# (a) idle cost
say "== (a) idle: 1,011 migrations, 120x40, all finished, ${IDLE_SECONDS} s"
start_simulator --migrations 1000 --export-seconds 2
tm new-session -d -s idle -x 120 -y 40 "$(dashboard_command)"
wait_for idle 'Migrations \(1011\)'
control advance '{"seconds": 3600}'
wait_settled idle
DASHBOARD_PID=$(tm display-message -p -t idle '#{pane_pid}')

HTOP_PID=""
if ! command -v htop >/dev/null && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y htop >/dev/null 2>&1 || true
fi
if command -v htop >/dev/null; then
    tm new-session -d -s htop -x 120 -y 40 "exec env HOME='$WORK/home' htop"
    wait_for htop 'PID'
    HTOP_PID=$(tm display-message -p -t htop '#{pane_pid}')
fi

record idle "$WORK/idle.bytes"
[[ -n $HTOP_PID ]] && record htop "$WORK/htop.bytes"
dashboard_start=$(cpu_ticks "$DASHBOARD_PID")
[[ -n $HTOP_PID ]] && htop_start=$(cpu_ticks "$HTOP_PID")
sleep "$IDLE_SECONDS"
dashboard_ticks=$(($(cpu_ticks "$DASHBOARD_PID") - dashboard_start))
[[ -n $HTOP_PID ]] && htop_ticks=$(($(cpu_ticks "$HTOP_PID") - htop_start))
stop_recording idle
[[ -n $HTOP_PID ]] && stop_recording htop

percent() { awk -v t="$1" -v hz="$TICKS_PER_SECOND" -v s="$IDLE_SECONDS" 'BEGIN { printf "%.2f", 100 * t / hz / s }'; }
per_second() { awk -v b="$1" -v s="$IDLE_SECONDS" 'BEGIN { printf "%.1f", b / s }'; }
say "idle CPU, migdash: $(percent "$dashboard_ticks") % of a core (target <= 0.5 %)"
say "idle output, migdash: $(per_second "$(size_of "$WORK/idle.bytes")") bytes/s (target <= 20 bytes/s)"
if [[ -n $HTOP_PID ]]; then
    say "idle CPU, htop (comparison): $(percent "$htop_ticks") % of a core"
    say "idle output, htop (comparison): $(per_second "$(size_of "$WORK/htop.bytes")") bytes/s"
    tm kill-session -t htop
else
    say "idle, htop (comparison): skipped, htop is not installed and could not be"
fi

# (b) first frame
say "== (b) launch to first frame, 5 runs"
first=() data=()
for run in 1 2 3 4 5; do
    start=$(now_us)
    tm new-session -d -s "launch$run" -x 120 -y 40 "$(dashboard_command)"
    wait_for "launch$run" 'Migrations \('
    first+=($(($(now_us) - start)))
    wait_for "launch$run" 'Migrations \(1011\)'
    data+=($(($(now_us) - start)))
    tm kill-session -t "launch$run"
done
say "first frame: median $(ms "$(printf '%s\n' "${first[@]}" | median)") ms over 5 runs (target <= 100 ms)"
say "first frame with data (1,011 migrations): median $(ms "$(printf '%s\n' "${data[@]}" | median)") ms over 5 runs"

# (c) key press
say "== (c) key press to redrawn selection, 20 presses"
selected() { tm capture-pane -p -t idle | grep -m1 '^│▸' || true; }
presses=()
for _ in $(seq 20); do
    before=$(selected)
    start=$(now_us)
    tm send-keys -t idle j
    until [[ $(selected) != "$before" ]]; do
        (($(now_us) - start < 10000000)) || { say "the selection did not move" >&2; exit 1; }
    done
    presses+=($(($(now_us) - start)))
done
# The same round trip through tmux with no program in it: the terminal's own echo of a typed letter.
tm new-session -d -s echo -x 120 -y 40 "exec cat"
echoes=($(time_echoes echo))
tm kill-session -t echo
say "key press (j) to new selection on screen: median $(ms "$(printf '%s\n' "${presses[@]}" | median)") ms" \
    "(target: within one frame, 16.7 ms at 60 Hz)"
say "the same round trip to the terminal's own echo, no program involved: median" \
    "$(ms "$(printf '%s\n' "${echoes[@]}" | median)") ms (what tmux and the polling add)"

# (d) render
say "== (d) DashboardView.render"
say "$("$BIN" benchmark render --migrations 1000 --frames 500) (no target of its own)"
say "$("$BIN" benchmark render --migrations 100000 --frames 200) (target <= 2 ms)"

# (e) one changed row against a full repaint
say "== (e) bytes for one changed row"
start_simulator --export-seconds 600
tm new-session -d -s change -x 120 -y 40 "$(dashboard_command)"
wait_for change 'Migrations \(11\)'
control advance '{"seconds": 3600}'
wait_for change 'Source imports \(3\)'
wait_settled change
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"repositories": ["octocat/dotfiles"]}' "$URL/user/migrations" >/dev/null
tm send-keys -t change r
wait_for change 'Migrations \(12\)'
wait_for change '^│[ ▸] +[0-9]+ user +pending '
sleep 1
record change "$WORK/change.bytes"
control advance '{"seconds": 300}'
wait_for change '→ exporting'
stop_recording change
say "one row changing state (pending -> exporting, with its Activity line): $(size_of "$WORK/change.bytes") bytes"
record change "$WORK/repaint.bytes"
tm resize-window -t change -x 119 -y 40
activity_border() { tm capture-pane -p -t change | grep -m1 '^┌─ Activity' || true; }
line=$(activity_border)
until ((${#line} == 119)); do sleep 0.005 && line=$(activity_border); done
sleep 0.3
stop_recording change
say "full repaint (resize to 119x40) for comparison: $(size_of "$WORK/repaint.bytes") bytes"
fi

# (f) key presses while archives download
say "== (f) key press while three 2 GB archives download at loopback speed, 20 presses before and during"
start_simulator --archive-megabytes 2048
# The simulator builds the archive on its first request: have it built before anything is timed.
signed=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Authorization: Bearer $TOKEN" \
    "$URL/orgs/octo-org/migrations/240498/archive")
curl -sI "$signed" >/dev/null
tm new-session -d -s busy -x 120 -y 40 "$(dashboard_command) --download-dir '$WORK/dashboard'"
wait_for busy 'Migrations \(11\)'
control advance '{"seconds": 3600}'
wait_settled busy
quiet=$(time_presses busy | median)
tm new-session -d -s busyecho -x 120 -y 40 "exec cat"
quiet_echo=$(time_echoes busyecho | median)
until tm capture-pane -p -t busy | grep -q '^│▸ *240498 '; do tm send-keys -t busy j && sleep 0.05; done
tm send-keys -t busy d
downloads=()
for n in 1 2; do
    "$BIN" download --org octo-org 240498 --output "$WORK/cli$n" --api-url "$URL" --token "$TOKEN" >/dev/null &
    downloads+=($!)
done
wait_for busy '↓'
busy_presses=$(time_presses busy | median)
busy_echo=$(time_echoes busyecho | median)
still=$(tm capture-pane -p -t busy | grep -c '↓' || true)
for pid in "${downloads[@]}"; do wait "$pid"; done
wait_for busy '^│▸? *240498 .*✓' 60
say "key press before the downloads: median $(ms "$quiet") ms (tmux's own echo: $(ms "$quiet_echo") ms)"
say "key press during three downloads: median $(ms "$busy_presses") ms, tmux's own echo $(ms "$busy_echo") ms" \
    "(rows still downloading in the dashboard after the presses: $still)"
