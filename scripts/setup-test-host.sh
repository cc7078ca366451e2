#!/usr/bin/env bash
# Installs the offline VS Code test host (code-server 4.100.3 = VS Code 1.100.3) into an ignored cache folder.
# Idempotent: a finished install leaves a marker file and is not redone.
set -euo pipefail
VERSION=4.100.3
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${RELEASE_POST_HOST_DIR:-$root/.vscode-test/code-server-$VERSION}"
marker="$cache/.ready"
[ -f "$marker" ] && exit 0

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test host: installing ${missing[*]} from Debian" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test host: please install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

echo "test host: installing code-server $VERSION into $cache (one time, about a minute)" >&2
rm -rf "$cache"
mkdir -p "$cache"
cd "$cache"
npm init -y >/dev/null
# npm now and then fails an install with ENOTEMPTY while it unpacks (a race in its own extraction); a second try
# on a clean folder succeeds, and a CI run should not fail on it.
if ! npm i --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION" >/dev/null; then
  echo "test host: npm install failed, trying once more" >&2
  rm -rf node_modules package-lock.json
  npm i --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION" >/dev/null
fi
npm rebuild argon2 --loglevel=error >/dev/null
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
GYP="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$GYP" ] || GYP=/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js
nodedir="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
for m in @vscode/spdlog node-pty native-watchdog; do
  (cd "node_modules/$m" && node "$GYP" rebuild --nodedir="$nodedir" >/dev/null 2>&1)
done
touch "$marker"
echo "test host: ready" >&2
