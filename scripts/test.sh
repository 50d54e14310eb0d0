#!/usr/bin/env bash
# Sets everything up (incl. Chromium for the browser tests) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-browser.sh
[ -f var/env ] && . var/env
exec .venv/bin/pytest "$@"
