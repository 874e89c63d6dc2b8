#!/bin/sh
# The end-to-end suites run Debian's Chromium (it honours --load-extension; Google Chrome 137+
# does not) and Firefox ESR. Install them once when either launcher is missing (needs root).
set -e
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-browsers: /usr/bin/chromium or /usr/bin/firefox-esr is missing; run as root to install them" >&2
  exit 1
fi
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr
