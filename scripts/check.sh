#!/usr/bin/env bash
# The checks CI runs, for use before a commit: formatting, lints, tests.
set -euo pipefail
exec "$(dirname "$0")/../.ci/run"
