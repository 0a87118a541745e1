#!/usr/bin/env bash
# Installs what the web application's browser test and schemathesis run need, and exports the
# variables that turn those tests on (Tests/ProcuraCLITests/WebToolTests.swift):
#
#   source .ci/web-tools.sh      # in .ci/run, before `swift test`
#
# - Debian's chromium, chromium-driver and python3-selenium (apt), used by /usr/bin/python3;
# - poppler-utils (apt): pdfinfo, with which the exposure report's PDF test counts its pages;
# - schemathesis from PyPI in a virtual environment (.build/web-tools-venv), pinned below.
#
# Exports PROCURA_BROWSER_TESTS=1, PROCURA_PYTHON, PROCURA_SCHEMATHESIS, and the bounds of the
# schemathesis run (examples per operation, seconds in all) unless already set. When an install
# fails, the variables are not exported and the tests report themselves skipped (a message says
# so) — except under CI=true, where a failed install ends the run with exit status 1.
# Takes about 1-3 minutes on a fresh machine (downloads), seconds when already installed.

procura_web_tools() {
  local root venv schemathesis_version
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  venv="$root/.build/web-tools-venv"
  schemathesis_version="${PROCURA_SCHEMATHESIS_VERSION:-4.32.5}"

  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
    || ! /usr/bin/python3 -c "import selenium" >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
    echo "== installing chromium, chromium-driver, python3-selenium, poppler-utils (Debian packages)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || return 1
    apt-get install -y -qq --no-install-recommends chromium chromium-driver python3-selenium poppler-utils >&2 || return 1
  fi
  if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "== installing schemathesis $schemathesis_version (PyPI) into $venv" >&2
    python3 -m venv "$venv" >&2 || return 1
    "$venv/bin/pip" install -q "schemathesis==$schemathesis_version" >&2 || return 1
  fi
  export PROCURA_BROWSER_TESTS=1
  export PROCURA_PYTHON=/usr/bin/python3
  export PROCURA_SCHEMATHESIS="$venv/bin/schemathesis"
  export PROCURA_SCHEMATHESIS_EXAMPLES="${PROCURA_SCHEMATHESIS_EXAMPLES:-30}"
  export PROCURA_SCHEMATHESIS_SECONDS="${PROCURA_SCHEMATHESIS_SECONDS:-600}"
  echo "== web tools: $(chromium --version 2>/dev/null | head -n 1); $("$venv/bin/schemathesis" --version 2>/dev/null | head -n 1)" >&2
}

if ! procura_web_tools; then
  if [ "${CI:-}" = "true" ]; then
    # CI fails closed: a tool that cannot be installed fails the run, it never skips tests.
    echo "== web tools could not be installed — CI=true, so the run fails instead of skipping the browser and schemathesis tests" >&2
    unset -f procura_web_tools
    exit 1
  fi
  echo "== web tools could not be installed: the browser and schemathesis tests will be skipped" >&2
  unset PROCURA_BROWSER_TESTS
fi
unset -f procura_web_tools
# Run directly (not sourced): print the exports for the caller to evaluate.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  for name in PROCURA_BROWSER_TESTS PROCURA_PYTHON PROCURA_SCHEMATHESIS PROCURA_SCHEMATHESIS_EXAMPLES PROCURA_SCHEMATHESIS_SECONDS; do
    [ -n "${!name:-}" ] && echo "export $name=\"${!name}\""
  done
fi
true
