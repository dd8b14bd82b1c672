# Sourced by the kit's scripts: where everything lives.
# Adapted from the shared kit ../shared/vscode-real (env.sh). One change: the installed
# programs (KIT_HOME: Node, code-server, playwright-core) are apart from a check's own state
# (KIT_STATE: user data, extensions, logs), so that several checks share one install (the
# code-server build takes minutes) without disturbing each other's runs.
KIT_DIR="${KIT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
# The shared kit's default place: a machine that has run it already reuses its install.
export KIT_HOME="${KIT_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/vscode-real-kit}"
export KIT_STATE="${KIT_STATE:-$KIT_HOME/default}"
NODE_HOME="$KIT_HOME/node"
CS_PREFIX="$KIT_HOME/code-server"
CS_BIN="$CS_PREFIX/bin/code-server"
DRIVER_DIR="$KIT_HOME/driver"
USER_DATA_DIR="$KIT_STATE/user-data"
EXT_DIR="$KIT_STATE/extensions"
CS_PORT="${CS_PORT:-18080}"
CS_HOST=127.0.0.1
# code-server must not write to ~/.config or ~/.local: keep its config and logs in the state too.
export XDG_CONFIG_HOME="$KIT_STATE/xdg/config" XDG_DATA_HOME="$KIT_STATE/xdg/data" XDG_CACHE_HOME="$KIT_STATE/xdg/cache"
cs_cli() {
  PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --config "$KIT_STATE/config.yaml" \
    --user-data-dir "$USER_DATA_DIR" --extensions-dir "$EXT_DIR" "$@"
}
