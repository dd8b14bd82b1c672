#!/usr/bin/env bash
# The extension in a real VS Code (code-server + headless Chromium, from Debian and npm
# packages only, see kit/): installs the packaged .vsix, then runs editor.real.mjs in two
# phases, each on a fresh code-server and a temporary copy of the samples (the repository's
# files are never edited): main (ending with the Korean locale), bad-java (a wrong
# topology.java.home).
#
#   npm run test:real [-- SHOTS_DIR]       (default SHOTS_DIR: out/real-editor)
#
# Builds nothing but the .vsix, with `npm run package`, when it is missing (that needs
# server/target/topo.jar from `mvn package`). First run on a fresh machine: 3.5-7 minutes of
# install (code-server's native modules, longer on a busy machine); then 2-3 minutes of checks.
# env: KIT_HOME (installed programs, default ~/.cache/vscode-real-kit), KIT_STATE (this test's
#      user data, extensions and logs, default ~/.cache/vscode-real-kit-editor), CS_PORT
#      (default 18092), CHECK_TIMEOUT_S (default 90), KEEP_WORKSPACE=1 (keep the temporary copies),
#      CHECK_PHASES (default "main bad-java").
set -uo pipefail
t0=$(date +%s)
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXTENSION="$(cd "$HERE/../.." && pwd)"
REPO="$(cd "$EXTENSION/.." && pwd)"
KIT="$HERE/kit"
export KIT_STATE="${KIT_STATE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-real-kit-editor}"
export CS_PORT="${CS_PORT:-18092}"
SHOTS="$(mkdir -p "${1:-$EXTENSION/out/real-editor}" && cd "${1:-$EXTENSION/out/real-editor}" && pwd)"
rm -rf "$SHOTS"/*.png "$SHOTS"/report-*.json "$SHOTS"/logs-*  # nothing left from an earlier run

VSIX="$EXTENSION/$(node -p "const p = require('$EXTENSION/package.json'); p.name + '-' + p.version + '.vsix'")"
if [ ! -f "$VSIX" ]; then
  [ -f "$REPO/server/target/topo.jar" ] || { echo "no server/target/topo.jar: run mvn package first" >&2; exit 2; }
  (cd "$EXTENSION" && npm run package) >/dev/null || { echo "npm run package failed" >&2; exit 1; }
fi
"$KIT/install.sh" "$VSIX" || exit 1
. "$KIT/env.sh"
t_installed=$(date +%s)

# The workspaces, copies in a temporary folder.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/topo-real.XXXXXX")"
cleanup() { "$KIT/run.sh" --stop >/dev/null 2>&1; [ "${KEEP_WORKSPACE:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
cp -r "$REPO/samples" "$WORK/main"
mkdir -p "$WORK/main/rename" "$WORK/main/format"
printf 'host node-01 {\n  os linux\n  cpu 4\n  memory 8GiB\n  runtime containerd\n}\n' > "$WORK/main/rename/nodes.topo"
printf 'import "nodes.topo"\n\ncluster rename-me {\n  nodes node-01\n}\n' > "$WORK/main/rename/cluster.topo"
printf 'host   fmt-01 {\nos linux\n      cpu 2\n}\n' > "$WORK/main/format/messy.topo"
mkdir -p "$WORK/bad-java/.vscode"; cp "$REPO/samples/rules/missing-limits.topo" "$WORK/bad-java/"
echo '{ "topology.java.home": "/nonexistent/jdk" }' > "$WORK/bad-java/.vscode/settings.json"

status=0
for phase in ${CHECK_PHASES:-main bad-java}; do
  "$KIT/run.sh" "$WORK/$phase" >/dev/null || { status=1; continue; }
  enc="$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$WORK/$phase")"
  CHECK_PHASE="$phase" CHECK_URL="http://$CS_HOST:$CS_PORT/?folder=$enc" CHECK_WORKSPACE="$WORK/$phase" \
    CHECK_SHOTS="$SHOTS" CHECK_EXT_DIR="$EXT_DIR" CHECK_LOG_ROOT="$USER_DATA_DIR/logs" \
    PATH="$NODE_HOME/bin:$PATH" node "$HERE/editor.real.mjs" || status=1
  mkdir -p "$SHOTS/logs-$phase"; cp -r "$USER_DATA_DIR/logs"/. "$SHOTS/logs-$phase/" 2>/dev/null
  "$KIT/run.sh" --stop >/dev/null
done

t1=$(date +%s)
echo "$([ $status = 0 ] && echo PASS || echo FAIL): the extension in a real VS Code, in $((t1 - t0))s" \
  "(install $((t_installed - t0))s, checks $((t1 - t_installed))s); screenshots and report-*.json in $SHOTS"
exit $status
