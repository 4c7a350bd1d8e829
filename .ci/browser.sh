#!/usr/bin/env bash
# Install the browser the HTML report's test drives (tests/test_html_report.py): Debian's
# chromium, and a CJK font so that screenshots of Chinese reports show characters, not boxes.
# Does nothing when they are there; without root it only says what is missing (the test
# then skips).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list : family 2>/dev/null | grep -i "noto sans cjk" >/dev/null || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "browser.sh: not root; not installing ${missing[*]} (the browser test will skip)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# A package index out of reach is no failure of the project: the browser test skips then.
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "browser.sh: could not install ${missing[*]} (the browser test will skip)"
fi
