#!/usr/bin/env bash
# Browser tests need Debian's Chromium (never a browser downloaded by a test tool).
# Installs it, with CJK fonts for readable screenshots, when it is missing and we may.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  exit 0
fi
echo "Browser tests need Chromium at $chromium_path: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
