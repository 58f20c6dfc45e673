#!/usr/bin/env bash
# Install what the browser and HTML tests need and the machine lacks:
# Debian's Chromium (Playwright cannot download its own browser here), a Java runtime and
# the Nu Html Checker (npm package vnu-jar, into .cache/node). Needs root for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
VNU_VERSION=26.9.27

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing with apt-get: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: missing ${missing[*]} and cannot install them (not root or no apt-get)." >&2
    echo "         Tests that need them are skipped locally and fail under CI=true." >&2
  fi
fi

jar=.cache/node/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ] && command -v npm >/dev/null; then
  npm install --no-audit --no-fund --silent --prefix .cache/node "vnu-jar@${VNU_VERSION}"
fi
