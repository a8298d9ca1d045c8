# deploy/nginx.conf pointed at local nodes, for the load figures (sourced by bench/cluster-load.sh
# and bench/proxied-vs-pg.sh): the lines marked "test:" get this run's user, prefix, listening port
# and upstream ports, and the access log is off (a benchmark measures the proxy, not its disk).
# shellcheck shell=bash

# nginx_front DIR LISTEN_PORT UPSTREAM_PORT... : writes DIR/nginx.conf
nginx_front() {
  local dir=$1 listen=$2 servers="" p
  shift 2
  mkdir -p "$dir"
  for p in "$@"; do servers="$servers    server 127.0.0.1:$p max_fails=1 fail_timeout=10s;\n"; done
  sed -e "s#^user .*#user $(id -un);#" -e "s#^pid .*#pid $dir/nginx.pid;#" \
      -e "s#^error_log .*#error_log $dir/error.log warn;#" \
      -e "s#access_log .*#access_log off;#" -e "s#listen 80;.*#listen 127.0.0.1:$listen;#" \
      -e "/server 127.0.0.1:7072/d" -e "s#^    server 127.0.0.1:7071.*#$servers#" \
      deploy/nginx.conf > "$dir/nginx.conf"
}

# nginx_start DIR / nginx_reload DIR / nginx_stop DIR
nginx_start() { /usr/sbin/nginx -p "$1" -c "$1/nginx.conf"; }
nginx_reload() { /usr/sbin/nginx -p "$1" -c "$1/nginx.conf" -s reload; }
nginx_stop() { [ -f "$1/nginx.pid" ] && /usr/sbin/nginx -p "$1" -c "$1/nginx.conf" -s stop 2>/dev/null || true; }
