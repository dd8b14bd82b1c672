#!/usr/bin/env bash
# "Topology: Show Diagram" in a real VS Code: installs the packaged .vsix into code-server with
# the project's kit (kit/install.sh and kit/run.sh), opens samples/shop.topo and runs
# diagram.real.mjs, which drives the workbench with headless Chromium.
#
#   npm run package && npm run test:real:diagram [-- SHOTS_DIR]
#
# env: KIT_HOME (where the kit installs code-server, Node and playwright-core, default
#      ~/.cache/vscode-real-kit), KIT_STATE (this check's own user data, extensions and logs,
#      default ~/.cache/vscode-real-kit-diagram), CS_PORT (default 18091),
#      KEEP_RUNNING=1 (leave code-server up afterwards).
# This check keeps its own state and port, so that it never stops or disturbs a code-server
# that another check of the kit runs at the same time; it shares the kit's installed programs.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
EXTENSION="$(cd "$HERE/../.." && pwd)"
REPO="$(cd "$EXTENSION/.." && pwd)"
KIT="$HERE/kit"
export KIT_STATE="${KIT_STATE:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-real-kit-diagram}"
export CS_PORT="${CS_PORT:-18091}"
SHOTS="$(mkdir -p "${1:-$EXTENSION/out/real-diagram}" && cd "${1:-$EXTENSION/out/real-diagram}" && pwd)"
rm -f "$SHOTS"/*.png "$SHOTS/report.json" "$SHOTS/exported.svg"  # nothing left from an earlier run
VSIX="$EXTENSION/$(node -p "const p = require('$EXTENSION/package.json'); p.name + '-' + p.version + '.vsix'")"
[ -f "$VSIX" ] || { echo "no $VSIX: run npm run package first" >&2; exit 2; }

"$KIT/install.sh" "$VSIX" | tail -3 || exit 1
"$KIT/run.sh" "$REPO/samples" || exit 1
trap '[ "${KEEP_RUNNING:-0}" = 1 ] || "$KIT/run.sh" --stop >/dev/null' EXIT

. "$KIT/env.sh"
enc_folder="$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$REPO/samples")"
CHECK_URL="http://$CS_HOST:$CS_PORT/?folder=$enc_folder" CHECK_SHOTS="$SHOTS" SAMPLES="$REPO/samples" \
  PATH="$NODE_HOME/bin:$PATH" node "$HERE/diagram.real.mjs"
status=$?
LOGDIR="$(ls -d "$USER_DATA_DIR"/logs/*/ 2>/dev/null | tail -1)"
rm -rf "$SHOTS/logs"; mkdir -p "$SHOTS/logs"; cp -r "$LOGDIR"/. "$SHOTS/logs/" 2>/dev/null
exit $status
