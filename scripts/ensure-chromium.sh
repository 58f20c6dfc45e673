#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing.
# Playwright cannot download its own browser here, so the tests drive /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing chromium with apt-get (browser tests need /usr/bin/chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "warning: /usr/bin/chromium is missing and cannot be installed (not root or no apt-get)." >&2
echo "         Browser tests will be skipped locally, and fail under CI=true." >&2
