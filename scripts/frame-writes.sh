#!/usr/bin/env bash
# Writes to the terminal per frame. Over SSH every write() to the terminal can leave as a packet of its
# own, so a frame should be one write. Runs the dashboard under strace in tmux at 120x40 against
# `migdash simulate`, does what draws (the first paint, pages arriving, the idle clock, keys, a dialog,
# resizes, Ctrl-Z and fg, quitting) and prints, for each, the turns of the dashboard's loop that wrote to
# the terminal, the write() calls each turn took and their bytes.
# Needs strace and tmux. MIGDASH_BIN uses that binary instead of a debug build (the build type does not
# change what is written). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

export LC_ALL=C.UTF-8
command -v strace >/dev/null || { echo "frame-writes: strace is not installed" >&2; exit 1; }
command -v tmux >/dev/null || { echo "frame-writes: tmux is not installed" >&2; exit 1; }
TOKEN=migdash-demo-token
SOCKET="migdash-frames-$$"
WORK=$(mktemp -d)
SIMULATOR=""

cleanup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    [[ -n $SIMULATOR ]] && kill "$SIMULATOR" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }
# mark LABEL: what happens from now on is reported under LABEL
mark() { printf '%s\t%s\n' "$EPOCHREALTIME" "$1" >>"$EVENTS"; }

# wait_for SESSION PATTERN [SECONDS]: poll the screen until an extended regex matches
wait_for() {
    local deadline=$(($(now_us) + ${3:-20} * 1000000))
    until tm capture-pane -p -t "$1" | grep -qE -- "$2"; do
        if (($(now_us) > deadline)); then
            echo "timed out waiting for /$2/ in $1; screen:" >&2
            tm capture-pane -p -t "$1" >&2
            exit 1
        fi
        sleep 0.01
    done
}
selected() { tm capture-pane -p -t "$1" | grep -m1 '^│▸' || true; }
wait_moved() { # SESSION BEFORE: wait until the selected row differs from BEFORE
    local deadline=$(($(now_us) + 10000000))
    until [[ $(selected "$1") != "$2" ]]; do
        (($(now_us) < deadline)) || { echo "the selection did not move" >&2; exit 1; }
        sleep 0.01
    done
}

# report TRACE EVENTS: the turns that wrote to a terminal, grouped under the mark before each.
# A turn ends where the loop's thread waits in poll() on its two descriptors (ncurses' own polls watch
# one), and where a stopped dashboard continues; a write counts when its descriptor is a terminal
# (strace -y prints /dev/pts/N).
report() {
    awk -v events="$2" '
        BEGIN {
            turns = 0
            while ((getline line < events) > 0) { split(line, f, "\t"); n++; at[n] = f[1]; label[n] = f[2] }
        }
        function call() { return substr($0, index($0, $3)) }
        function loop_wait(c) { return c ~ /^poll\(/ && c ~ /\], 2, / }
        FNR == NR { if (loop == "" && loop_wait(call())) loop = $1; next }
        {
            c = call()
            # A turn ends at the loop'"'"'s wait, and where the process was stopped (Ctrl-Z) and continued.
            if (($1 == loop && loop_wait(c)) || c ~ /^--- SIGCONT/) { if (writes[turns] > 0) turns++; next }
            if (c !~ /^writev?\([0-9]+<\/dev\/(pts|tty)/) next
            s = c; sub(/ <unfinished \.\.\.>$/, "", s); sub(/\) += .*$/, "", s)
            k = split(s, a, ", ")
            if (writes[turns] == 0) first[turns] = $2
            writes[turns]++; bytes[turns] = bytes[turns] + a[k]
            sizes[turns] = sizes[turns] (writes[turns] > 1 ? "+" : "") a[k]
        }
        END {
            if (writes[turns] > 0) turns++
            for (t = 0; t < turns; t++) {
                e = 1; for (i = 1; i <= n; i++) if (at[i] <= first[t]) e = i
                count[e]++; calls[e] = calls[e] (count[e] > 1 ? ", " : "") writes[t]
                total[e] = total[e] (count[e] > 1 ? ", " : "") bytes[t]
                if (writes[t] > 1) split_turns++
                if (writes[t] > most) most = writes[t]
            }
            for (i = 1; i <= n; i++) {
                if (count[i] == 0) { printf "%-44s no turn wrote\n", label[i]; continue }
                plural = (count[i] > 1) ? "s" : ""
                printf "%-44s %d turn%s; write() calls per turn: %s; bytes: %s\n", label[i], count[i], plural,
                    calls[i], total[i]
            }
            printf "turns that wrote: %d, of which in more than one write: %d (most in one turn: %d)\n",
                turns, split_turns, most
        }' "$1" "$1"
}

if [[ -n ${MIGDASH_BIN:-} ]]; then
    BIN=$MIGDASH_BIN
else
    swift build --product migdash >/dev/null
    BIN="$(swift build --show-bin-path)/migdash"
fi
echo "== $BIN"

"$BIN" simulate --port 0 --export-seconds 2 >"$WORK/simulator.out" 2>&1 &
SIMULATOR=$!
for _ in $(seq 500); do
    URL=$(sed -n 's/^listening on //p' "$WORK/simulator.out")
    [[ -n $URL ]] && break
    sleep 0.01
done
[[ -n $URL ]] || { echo "the simulator did not start" >&2; exit 1; }
printf '%s' "$TOKEN" >"$WORK/token"
chmod 600 "$WORK/token"
mkdir -p "$WORK/home"
DASHBOARD=(env -u XDG_CONFIG_HOME HOME="$WORK/home" "$BIN" --api-url "$URL" --token-file "$WORK/token")
STRACE=(strace -f -ttt -y -s 0 -e trace=execve,poll,write,writev -e signal=SIGCONT)

# Everything but Ctrl-Z, with strace starting the dashboard, so the first paint is seen.
EVENTS="$WORK/launch.events"
mark "launch: first paint, then pages arriving"
tm new-session -d -s frames -x 120 -y 40 \
    "$(printf '%q ' "${STRACE[@]}" -o "$WORK/launch.trace" "${DASHBOARD[@]}"); echo EXIT=\$?; sleep 30"
wait_for frames 'Source imports \(3\)'
curl -fsS -X POST -d '{"seconds": 3600}' "$URL/_simulator/advance" >/dev/null
wait_for frames 'updated [0-9]+s ago' 60
mark "idle 12 s: the clock (updated Ns ago)"
sleep 12
for key in j k; do
    before=$(selected frames)
    mark "key $key: the selection moves"
    tm send-keys -t frames "$key"
    wait_moved frames "$before"
    sleep 0.5
done
mark "? opens the help"
tm send-keys -t frames '?'
wait_for frames '─ Keys ─'
sleep 0.5
mark "Esc closes it"
tm send-keys -t frames Escape
sleep 0.8
for size in 100x30 120x40; do
    mark "resize to $size: a full repaint"
    tm resize-window -t frames -x "${size%x*}" -y "${size#*x}"
    sleep 1
done
mark "q: the terminal restored"
tm send-keys -t frames q
wait_for frames 'EXIT='
echo "== writes to the terminal per turn of the loop, 120x40"
report "$WORK/launch.trace" "$EVENTS"

# Ctrl-Z and fg need the shell's job control: strace attaches to the dashboard once it runs.
EVENTS="$WORK/suspend.events"
printf "PS1='shell\$ '\n" >"$WORK/rc"
tm new-session -d -s shell -x 120 -y 40 "env HOME='$WORK/home' bash --noprofile --rcfile '$WORK/rc' -i"
wait_for shell 'shell\$'
tm send-keys -t shell "$(printf '%q ' "${DASHBOARD[@]}")" Enter
wait_for shell 'Source imports \(3\)'
wait_for shell 'updated'
sleep 2
pid=$(pgrep -n -P "$(tm display-message -p -t shell '#{pane_pid}')" migdash)
"${STRACE[@]}" -p "$pid" -o "$WORK/suspend.trace" 2>/dev/null &
tracer=$!
sleep 1
mark "Ctrl-Z: the terminal restored"
tm send-keys -t shell C-z
wait_for shell 'Stopped'
mark "fg: the dashboard back, repainted"
tm send-keys -t shell fg Enter
wait_for shell 'Migrations \(11\)'
sleep 1
mark "q"
tm send-keys -t shell q
wait "$tracer" || true
echo "== the same, Ctrl-Z and fg"
report "$WORK/suspend.trace" "$EVENTS"
