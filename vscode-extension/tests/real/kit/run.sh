#!/usr/bin/env bash
# Starts code-server (real VS Code) on 127.0.0.1 with the given folder open.
#
#   run.sh FOLDER        start (returns once the server answers), prints the URL
#   run.sh --stop        stop the server this script started (by its PID)
#
# Port: $CS_PORT (default 18080). Loopback only, no auth, no telemetry.
# Taken from the shared kit ../shared/vscode-real (run.sh), with its state in $KIT_STATE.
set -euo pipefail
KIT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$KIT_DIR/env.sh"
PIDFILE="$KIT_STATE/code-server.pid"

stop() {
  if [ -f "$PIDFILE" ]; then
    pid="$(cat "$PIDFILE")"
    if kill -0 "$pid" 2>/dev/null; then
      # code-server runs as a process group leader (setsid below): end the group it leads.
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$PIDFILE"
  fi
}

if [ "${1:-}" = "--stop" ]; then stop; echo "stopped"; exit 0; fi
FOLDER="$(readlink -f "${1:?usage: run.sh FOLDER | --stop}")"
[ -d "$FOLDER" ] || { echo "not a folder: $FOLDER" >&2; exit 2; }
[ -x "$CS_BIN" ] || { echo "code-server missing: run install.sh first" >&2; exit 2; }
stop

mkdir -p "$KIT_STATE"
cat >"$KIT_STATE/config.yaml" <<YAML
bind-addr: $CS_HOST:$CS_PORT
auth: none
cert: false
YAML
# Each run starts from the same user data: fresh logs, no restored editors or unsaved files.
rm -rf "$USER_DATA_DIR/logs" "$USER_DATA_DIR/User/workspaceStorage" "$USER_DATA_DIR/User/Backups" \
       "$USER_DATA_DIR/User/History" "$USER_DATA_DIR/coder.json"
# User settings: quiet, offline-friendly, and never saving the files under test (the web
# workbench auto-saves after 1 s by default). Workspace settings (FOLDER/.vscode) still apply.
mkdir -p "$USER_DATA_DIR/User"
cat >"$USER_DATA_DIR/User/settings.json" <<'JSON'
{
  "files.autoSave": "off",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 200,
  "window.commandCenter": false
}
JSON
LOG="$KIT_STATE/code-server.log"
PATH="$NODE_HOME/bin:$PATH" setsid "$CS_BIN" --config "$KIT_STATE/config.yaml" \
  --bind-addr "$CS_HOST:$CS_PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --disable-proxy --ignore-last-opened \
  --user-data-dir "$USER_DATA_DIR" --extensions-dir "$EXT_DIR" "$FOLDER" \
  >"$LOG" 2>&1 < /dev/null &
echo $! > "$PIDFILE"
for _ in $(seq 1 120); do
  if curl -fsS "http://$CS_HOST:$CS_PORT/healthz" >/dev/null 2>&1; then
    echo "code-server up: http://$CS_HOST:$CS_PORT/?folder=$FOLDER (pid $(cat "$PIDFILE"), log $LOG)"
    exit 0
  fi
  kill -0 "$(cat "$PIDFILE")" 2>/dev/null || { echo "code-server exited:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 0.5
done
echo "code-server did not answer in 60s" >&2; tail -20 "$LOG" >&2; exit 1
