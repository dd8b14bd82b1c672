#!/usr/bin/env bash
# Neovim and Emacs (eglot) against the real server, configured as docs/editors.md says
# (editors.test.mjs reads the configuration from the page). Needs server/target/topo.jar
# (`mvn -B package -DskipTests`), Java 17 and Node 20. Installs Debian's neovim, emacs-nox and
# elpa-eglot with apt-get when they are missing; without apt-get it skips, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

has_eglot() {
  command -v emacs >/dev/null &&
    emacs --batch --eval '(progn (package-activate-all) (require (quote eglot)))' >/dev/null 2>&1
}

missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
has_eglot || missing+=(elpa-eglot)

if ((${#missing[@]})); then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    started=$SECONDS
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    echo "editors-test: installed ${missing[*]} in $((SECONDS - started)) s"
  else
    {
      echo "#####################################################################"
      echo "## editors-test SKIPPED: ${missing[*]} missing, and no apt-get as root"
      echo "## to install them. Neovim and Emacs were NOT tested against the docs."
      echo "#####################################################################"
    } >&2
    exit 0
  fi
fi

started=$SECONDS
node --test editors-test/
echo "editors-test: ran in $((SECONDS - started)) s"
