#!/usr/bin/env bash
# Fails when building or testing migdash needs a Debian package that a fresh machine lacks, so the
# README's two commands cannot silently stop working for a new user while CI still passes.
#
# Checked against .ci/fresh-machine-packages.txt (the packages of a fresh machine of our kind):
#   - every package Package.swift names as a system-library provider (`.apt([...])`);
#   - every library a module map links (`link "X"`) and every header a shim includes: the
#     installed file's owning package (dpkg -S) must be on the list, and the file must exist;
#   - every package .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."

list=.ci/fresh-machine-packages.txt
failures=0
fail() {
    echo "fresh machine: $*" >&2
    failures=$((failures + 1))
}
on_list() { grep -qx -- "$1" "$list"; }

# The package that installed a file, without the architecture ("zlib1g-dev:amd64" -> "zlib1g-dev").
owner() { dpkg -S "$1" 2>/dev/null | head -n 1 | cut -d: -f1; }

for package in $(grep -oE '\.apt\(\[[^]]*\]' Package.swift | grep -oE '"[^"]+"' | tr -d '"' | sort -u); do
    on_list "$package" || fail "Package.swift names the Debian package $package, which a fresh machine does not have"
done

if ! command -v dpkg >/dev/null 2>&1; then
    echo "fresh machine: no dpkg here; library and header owners not checked" >&2
else
    for map in $(find Sources -name module.modulemap | sort); do
        for library in $(sed -nE 's/^[[:space:]]*link[[:space:]]+"([^"]+)".*/\1/p' "$map"); do
            file=$(find /usr/lib /usr/local/lib -name "lib$library.so" 2>/dev/null | head -n 1)
            if [ -z "$file" ]; then
                fail "$map links $library, and no lib$library.so is installed"
                continue
            fi
            package=$(owner "$file")
            [ -n "$package" ] && on_list "$package" ||
                fail "$map links $library from ${package:-no package} ($file), which a fresh machine does not have"
        done
        shim="$(dirname "$map")/shim.h"
        [ -f "$shim" ] || continue
        for header in $(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<([^>]+)>.*/\1/p' "$shim"); do
            file=$(find /usr/include /usr/local/include -path "*/$header" 2>/dev/null | head -n 1)
            if [ -z "$file" ]; then
                fail "$shim includes <$header>, which is not installed"
                continue
            fi
            package=$(owner "$file")
            [ -n "$package" ] && on_list "$package" ||
                fail "$shim includes <$header> from ${package:-no package} ($file), which a fresh machine does not have"
        done
    done
fi

for package in $(sed -nE 's/^packages=\((.*)\)$/\1/p' .ci/run); do
    on_list "$package" || fail ".ci/run installs $package, which a fresh machine does not have"
done

if [ "$failures" -gt 0 ]; then
    echo "fresh machine: $failures problem(s); see .ci/fresh-machine-packages.txt" >&2
    exit 1
fi
echo "fresh machine: every system package, library and header the build needs is on a fresh machine"
