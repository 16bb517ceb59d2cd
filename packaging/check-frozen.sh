#!/usr/bin/env bash
# Run the frozen School Inspect the way a user would, in a throw-away profile: --version,
# demo data, a signed report, and the desktop window started offscreen and closed.
set -euo pipefail
BIN=$(realpath "$1")
HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export SCHOOL_INSPECT_HOME="$HOME_DIR" QT_QPA_PLATFORM=offscreen

"$BIN" --version
start=$(date +%s%N)
"$BIN" init --name "Frozen Check" --role inspector >/dev/null
echo "frozen start (init): $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$BIN" demo --schools 2 --inspections 4 >/dev/null
id=$("$BIN" list inspections --json | python3 -c "import json,sys; \
print(json.load(sys.stdin)[0]['id'])")
"$BIN" report "$id" --out "$HOME_DIR/report.pdf" >/dev/null
head -c 5 "$HOME_DIR/report.pdf" | grep -q "%PDF-" && echo "report: $(stat -c %s "$HOME_DIR/report.pdf") bytes"
# The window: SCHOOL_INSPECT_BENCH_EXIT=first-paint quits once it has painted.
start=$(date +%s%N)
SCHOOL_INSPECT_BENCH_EXIT=first-paint timeout 120 "$BIN"
echo "frozen window first paint and close: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "frozen binary OK"
