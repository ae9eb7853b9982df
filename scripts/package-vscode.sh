#!/usr/bin/env bash
# Builds the VS Code extension in editors/vscode into a .vsix file:
# installs its npm dependencies (exactly as locked), compiles the TypeScript
# client, runs the grammar tests and packages the result with vsce.
#
# Usage: scripts/package-vscode.sh [OUT.vsix]
#   (default target/vscode/deluge-<version>.vsix; needs node 20+ and npm)
# Install the result with: code --install-extension OUT.vsix
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if ! command -v npm >/dev/null 2>&1; then
  echo "package-vscode: node and npm are needed (node 20 or newer)" >&2
  exit 1
fi

cd editors/vscode
version="$(node -p 'require("./package.json").version')"
out="${1:-$root/target/vscode/deluge-$version.vsix}"
case "$out" in /*) ;; *) out="$root/$out" ;; esac
mkdir -p "$(dirname "$out")"

npm ci --no-audit --no-fund
npm run compile
npm test
npx vsce package --skip-license --out "$out"
echo "built $out"
