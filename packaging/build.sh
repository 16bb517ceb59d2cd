#!/usr/bin/env bash
# Build the one-folder School Inspect app with PyInstaller into dist/school-inspect/, then
# check the frozen binary runs: --version, demo, a report, and the window opened offscreen
# and closed. Usage: packaging/build.sh [--no-check]
set -euo pipefail
cd "$(dirname "$0")/.."

python -m PyInstaller --version >/dev/null 2>&1 || python -m pip install -q "pyinstaller>=6.0"
start=$(date +%s)
python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/school-inspect.spec
echo "built dist/school-inspect in $(( $(date +%s) - start )) s, $(du -sh dist/school-inspect | cut -f1)"

[ "${1:-}" = "--no-check" ] && exit 0
exec packaging/check-frozen.sh dist/school-inspect/school-inspect
