#!/bin/sh
# Installs what a fresh Debian machine with only Node.js and npm lacks: pnpm, the dependencies,
# and (with --redis) a redis-server binary. Idempotent; prints what it does.
set -eu
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1; then
  echo "ensure-tools: installing pnpm" >&2
  if ! npm install -g pnpm@10.34.9 >/dev/null 2>&1; then
    # No write access to npm's global prefix: install under the user's home instead.
    npm install -g --prefix "$HOME/.local" pnpm@10.34.9 >/dev/null
  fi
fi

if [ "${1:-}" = "--redis" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "ensure-tools: installing redis-server with apt-get" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null
fi

pnpm install --frozen-lockfile --prefer-offline >&2
