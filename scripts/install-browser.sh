#!/bin/sh
# Installs what the browser tests need: Debian's Chromium (never `playwright install`,
# which downloads its own build), a small CJK font so screenshots show Chinese rather
# than boxes, and axe-core into the project's node_modules.
set -eu
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=""
[ -x /usr/bin/chromium ] || missing="chromium chromium-driver"
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing="$missing fonts-wqy-microhei"
if [ -n "$missing" ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
[ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --silent
