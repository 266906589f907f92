#!/usr/bin/env bash
# Lints the Dockerfile with npm's dockerfilelint (hadolint has no package here), installed under
# deploy/.tools on first use (git-ignored) so that nothing global changes. Settings: deploy/.dockerfilelintrc.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .tools/node_modules/.bin/dockerfilelint ]; then
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error dockerfilelint@1 >/dev/null
fi
.tools/node_modules/.bin/dockerfilelint -c . ../Dockerfile
