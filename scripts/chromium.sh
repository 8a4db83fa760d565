#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (Playwright drives it; nothing is
# downloaded by Playwright itself). Installs it with apt-get when missing; refreshes the package lists only if the
# first attempt fails.
set -euo pipefail

say() { echo "chromium.sh: $*" >&2; }

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
command -v apt-get >/dev/null || { say "Chromium is not installed and apt-get is not available; install Chromium at /usr/bin/chromium."; exit 1; }
export DEBIAN_FRONTEND=noninteractive
say "Chromium not found; installing it with apt-get..."
if ! apt-get install -y -q chromium >&2; then
  say "install failed; refreshing the package lists and trying again..."
  apt-get update -q >&2
  apt-get install -y -q chromium >&2
fi
[[ -x /usr/bin/chromium ]] || { say "Chromium was installed but /usr/bin/chromium is missing."; exit 1; }
say "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)."
