#!/usr/bin/env bash
# Runs a full org and user migration lifecycle with plain curl against `migdash simulate`:
# start, poll to exported, list repositories, read the 302, download without the token,
# unlock, delete the archive. A client no one here wrote, so the simulator is held to GitHub's wire format.
# Usage: scripts/curl-lifecycle.sh [path/to/migdash]
set -euo pipefail
migdash=${1:-migdash}
token=lifecycle-token
work=$(mktemp -d)
passed=0
failed=0

"$migdash" simulate --token "$token" --export-seconds 2 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q '^listening on ' "$work/out" && break; sleep 0.1; done
api=$(sed -n 's/^listening on //p' "$work/out" | head -1)
[ -n "$api" ] || { echo "simulator did not start: $(cat "$work/err")" >&2; exit 1; }

check() { # name expected actual
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1"; else
        failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}
call() { # method path [body] -> prints status; body in $work/body, headers in $work/headers
    local args=(-s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X "$1"
        -H "Authorization: Bearer $token" -H 'Accept: application/vnd.github+json'
        -H 'X-GitHub-Api-Version: 2022-11-28')
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' --data "$3")
    curl "${args[@]}" "$api$2"
}
field() { python3 -c "import json,sys; print(json.load(open('$work/body'))$1)"; }

lifecycle() { # scope-path repo-name
    local base=$1 repo=$2 id state status location
    check "$base: start" 201 "$(call POST "$base" "{\"repositories\":[\"$repo\"],\"lock_repositories\":true}")"
    id=$(field "['id']")
    check "$base: starts pending" pending "$(field "['state']")"
    for _ in $(seq 60); do
        call GET "$base/$id" >/dev/null
        state=$(field "['state']")
        [ "$state" = exported ] && break
        sleep 0.2
    done
    check "$base: reaches exported" exported "$state"
    check "$base: list repositories" 200 "$(call GET "$base/$id/repositories")"
    check "$base: one repository listed" 1 "$(field ".__len__()")"
    check "$base: archive answers 302" 302 "$(call GET "$base/$id/archive")"
    location=$(grep -i '^location:' "$work/headers" | tr -d '\r' | cut -d' ' -f2-)
    check "$base: 302 body is the Location" "$location" "$(cat "$work/body")"
    status=$(curl -s -o "$work/archive.tar.gz" -w '%{http_code}' "$location")
    check "$base: storage serves the archive without the token" 200 "$status"
    # List to a file first: `grep -q` stopping early would kill tar with SIGPIPE under pipefail.
    tar tzf "$work/archive.tar.gz" >"$work/listing" || true
    check "$base: archive holds schema.json" yes "$(grep -qx 'schema.json' "$work/listing" && echo yes || echo no)"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$location")
    check "$base: storage refuses a request carrying Authorization" 400 "$status"
    check "$base: unlock" 204 "$(call DELETE "$base/$id/repos/${repo#*/}/lock")"
    check "$base: unlock again is 404" 404 "$(call DELETE "$base/$id/repos/${repo#*/}/lock")"
    check "$base: delete archive" 204 "$(call DELETE "$base/$id/archive")"
    check "$base: archive gone" 404 "$(call GET "$base/$id/archive")"
    check "$base: migration still readable" 200 "$(call GET "$base/$id")"
}

check "no token is 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$api/user")"
check "GET /user" 200 "$(call GET /user)"
lifecycle /orgs/octo-org/migrations octo-repo
lifecycle /user/migrations octocat/Hello-World
echo "curl lifecycle: $passed checks passed, $failed failed"
[ "$failed" -eq 0 ]
