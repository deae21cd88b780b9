#!/bin/sh
# Fills the @@…@@ placeholders of classroom.conf or nginx.conf from the environment and prints the result. The bench
# (bench/lib/nginx.ts) renders the same files the same way. Example:
#
#   APPS="127.0.0.1:3001 127.0.0.1:3002" LISTEN=80 CACHE_DIR=/var/cache/nginx/classroom LOG_DIR=/var/log/nginx \
#     deploy/nginx/render.sh deploy/nginx/classroom.conf > /etc/nginx/conf.d/classroom.conf
#
# classroom.conf: APPS (the `next start` instances, host:port, space-separated), LISTEN, CACHE_DIR, LOG_DIR, and
# FILL_SOCKET (default /run/nginx-classroom-fill.sock: where the server fetching /live copies listens).
# nginx.conf, a whole configuration: also PID_FILE, TEMP_DIR and CLASSROOM_CONF (the rendered classroom.conf).
set -eu
template=${1:?usage: render.sh <classroom.conf|nginx.conf>}

servers=""
for app in ${APPS:-}; do
  servers="$servers    server $app max_fails=2 fail_timeout=5s;\\
"
done

sed -e "s|@@APP_SERVERS@@|${servers%\\
}|" \
    -e "s|@@LISTEN@@|${LISTEN:-}|g" \
    -e "s|@@CACHE_DIR@@|${CACHE_DIR:-}|g" \
    -e "s|@@FILL_SOCKET@@|${FILL_SOCKET:-/run/nginx-classroom-fill.sock}|g" \
    -e "s|@@LOG_DIR@@|${LOG_DIR:-}|g" \
    -e "s|@@PID_FILE@@|${PID_FILE:-}|g" \
    -e "s|@@TEMP_DIR@@|${TEMP_DIR:-}|g" \
    -e "s|@@CLASSROOM_CONF@@|${CLASSROOM_CONF:-}|g" \
    "$template" > "${TMPDIR:-/tmp}/render.$$"

# A placeholder left empty would make a configuration nginx reads differently from what was meant: refuse it.
if grep -nE '@@[A-Z_]+@@|(listen|proxy_cache_path|access_log|error_log|pid|include|_temp_path) +;' "${TMPDIR:-/tmp}/render.$$" >&2; then
  rm -f "${TMPDIR:-/tmp}/render.$$"
  echo "render.sh: the lines above need a value (see the variables at the top of this script)" >&2
  exit 1
fi
if grep -q '^upstream' "${TMPDIR:-/tmp}/render.$$" && ! grep -q '^ *server .*max_fails' "${TMPDIR:-/tmp}/render.$$"; then
  rm -f "${TMPDIR:-/tmp}/render.$$"
  echo "render.sh: APPS is empty: name the app instances, e.g. APPS=\"127.0.0.1:3001 127.0.0.1:3002\"" >&2
  exit 1
fi
cat "${TMPDIR:-/tmp}/render.$$"
rm -f "${TMPDIR:-/tmp}/render.$$"
