#!/usr/bin/env bash
# Serving benchmark: the published app (Production) against nginx serving the very same bytes from disk and kiwix-serve
# serving a ZIM of the same pages, all on 127.0.0.1, measured with wrk in turn (A B C A B C …); one markdown table.
#   bench/serve.sh                 medium: 5,000 generated articles (random words, not quotations) plus content/
#   bench/serve.sh small|full      100 or 71,000 generated articles (full: on a quiet machine only)
#   bench/serve.sh --quick         (or BENCH_QUICK=1) small corpus, 1 s runs, a reduced matrix: checks that every peer
#                                  starts and every figure is produced, never that one is fast (CI runs it)
# SERVE_DURATION (5s), SERVE_CONNECTIONS ("1 16 64"), SERVE_MISS_PAGES (1000), SERVE_PORT (5190: the app; nginx and
# kiwix-serve on the next two), BENCH_WORK (/tmp/quotearchive-bench: generated dumps and the tables are kept there),
# SERVE_APP and SERVE_IMPORTER (the web app and the importer published already, as bench/run.sh does, both or neither).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
source "$repo/bench/corpus.sh"
quick=${BENCH_QUICK:-0}
corpus_size_arguments bench/serve.sh "$@"
if [[ $quick == 1 ]]; then
  duration=${SERVE_DURATION:-1s} connections=${SERVE_CONNECTIONS:-16} miss_pages=${SERVE_MISS_PAGES:-100}
else
  duration=${SERVE_DURATION:-5s} connections=${SERVE_CONNECTIONS:-"1 16 64"} miss_pages=${SERVE_MISS_PAGES:-1000}
fi
most_connections=${connections##* }
app_port=${SERVE_PORT:-5190} nginx_port=$((${SERVE_PORT:-5190} + 1)) kiwix_port=$((${SERVE_PORT:-5190} + 2))
cache=${BENCH_WORK:-/tmp/quotearchive-bench}
work=$(mktemp -d /tmp/quotearchive-serve.XXXXXX)
lua=$repo/bench/serve.lua
zim_book=quotearchive
peers=(app nginx kiwix)
declare -A peer_name=([app]=QuoteArchive [nginx]=nginx [kiwix]=kiwix-serve)
declare -A peer_pid=()
problems=()

log() { echo "serve: [${SECONDS} s] $*" >&2; }
die() { log "$*"; exit 1; }
problem() { problems+=("$*"); log "problem: $*"; }

cleanup() {
  local peer
  for peer in "${!peer_pid[@]}"; do
    kill "${peer_pid[$peer]}" 2>/dev/null && wait "${peer_pid[$peer]}" 2>/dev/null || true
  done
  [[ -z ${wrk_pid:-} ]] || { kill "$wrk_pid" 2>/dev/null && wait "$wrk_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_tools() {
  local tool missing=()
  for tool in wrk nginx kiwix-serve zimwriterfs sqlite3 curl gzip; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  ((${#missing[@]} == 0)) || die "missing: ${missing[*]} (apt-get install -y wrk nginx-light kiwix-tools zim-tools sqlite3 curl)"
  brotli_module=$(ls /usr/lib/nginx/modules/ngx_http_brotli_static_module.so 2>/dev/null || true)
  if [[ -z $brotli_module ]]; then
    log "no brotli_static for nginx (apt-get install -y libnginx-mod-http-brotli-static): nginx answers br, gzip with gzip"
  fi
}

# Percent-encodes each line (UTF-8 bytes), leaving what a path and a query string need as it is.
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# Polls (curl in a loop, a deadline) until the URL answers 200; fails when the process ends first.
wait_for_200() {
  local url=$1 pid=$2 deadline=$(($(date +%s) + $3))
  until curl -fso /dev/null --max-time 10 "$url"; do
    kill -0 "$pid" 2>/dev/null || return 1
    (($(date +%s) < deadline)) || return 1
  done
}

build() {
  if [[ -n ${SERVE_APP:-} && -n ${SERVE_IMPORTER:-} ]]; then
    ln -s "$(realpath "$SERVE_APP")" "$work/app"
    ln -s "$(realpath "$SERVE_IMPORTER")" "$work/importer"
    return
  fi
  log "publishing the web app as the Dockerfile does, and the importer (Release)"
  "$repo/bench/publish-web.sh" "$work/app"
  dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
}

# content/ (the seed, Love and the other real pages) and a generated dump side by side in one folder, one archive.
import_corpus() {
  local dump started
  dump=$(generated_corpus "$articles" "$cache") # generated once, shared with bench/import-dump.sh
  mkdir -p "$work/corpus"
  cp -r "$repo/content/." "$work/corpus/"
  ln "$dump" "$work/corpus/" 2>/dev/null || cp "$dump" "$work/corpus/"
  started=$(date +%s%N)
  dotnet "$work/importer/QuoteArchive.Importer.dll" "$work/corpus" "$work/archive.db" >"$work/import.txt" 2>"$work/import-diagnostics.txt" || true
  [[ -s $work/archive.db ]] || { cat "$work/import-diagnostics.txt" >&2; die "the import failed"; }
  import_summary=$(tail -1 "$work/import.txt")
  log "$import_summary ($(ms_since "$started") ms)"
}

query() { sqlite3 -batch -noheader "$work/archive.db" "$1"; }

# The pages of the table: "name|path as stored|kind" (kind: page, json, redirect, missing).
choose_pages() {
  local seed=China–Russia_relations large largest_generated alias title author quote
  [[ -n $(query "SELECT 1 FROM Topics WHERE Slug = '$seed'") ]] || die "the seed ($seed) is not in the archive"
  large=Love
  largest_generated=$(query "SELECT t.Id || '|' || t.Slug || '|' || t.Title FROM Topics t JOIN Quotes q ON q.TopicId = t.Id
    WHERE t.SourcePath LIKE 'generated-%' GROUP BY t.Id ORDER BY count(*) DESC, t.Id LIMIT 1")
  IFS='|' read -r largest_id largest_slug title <<<"$largest_generated"
  alias=$(query "SELECT Slug FROM Redirects WHERE TopicId = $largest_id ORDER BY Slug LIMIT 1")
  author=$(query "SELECT Slug FROM Authors ORDER BY QuoteCount DESC, Slug LIMIT 1")
  quote=$(query "SELECT q.Id FROM Quotes q JOIN Topics t ON t.Id = q.TopicId WHERE t.Slug = '$seed' ORDER BY q.SectionId, q.Position LIMIT 1")
  [[ -n $alias && -n $author && -n $quote ]] || die "could not pick the pages from the archive"
  largest_quotes=$(query "SELECT count(*) FROM Quotes WHERE TopicId = $largest_id")
  love_quotes=$(query "SELECT count(*) FROM Quotes q JOIN Topics t ON t.Id = q.TopicId WHERE t.Slug = 'Love'")
  pages=(
    "home|/|page"
    "small topic (the seed)|/wiki/$seed|page"
    "large topic (Love, $love_quotes quotes)|/wiki/$large|page"
    "largest generated topic ($largest_quotes quotes)|/wiki/$largest_slug|page"
    "quote|/q/$quote|page"
    "search|/search?q=love|page"
    "author (most quotes)|/authors/$author|page"
    "API topic (the seed)|/api/topics/$seed|json"
    "301 redirect alias|/wiki/$alias|redirect"
    "301 non-canonical slug (spaces)|/wiki/$title|redirect"
    "404 unknown topic|/wiki/Not_in_this_archive|missing"
  )
}

start_app() {
  local started
  port_free "$app_port" || die "port $app_port is taken (SERVE_PORT to change)"
  started=$(date +%s%N)
  # Rate limit off: every connection comes from one address. The archive is served as it is.
  app_start "$work/app" "http://127.0.0.1:$app_port" "$work/archive.db" "$work/app.log"
  peer_pid[app]=$app_pid
  wait_for_200 "http://127.0.0.1:$app_port/" "${peer_pid[app]}" 60 || { cat "$work/app.log" >&2; die "the app did not answer 200"; }
  startup_ms=$(ms_since "$started")
  log "the app answered 200 in $startup_ms ms"
}

stop_peer() {
  kill "${peer_pid[$1]}" 2>/dev/null && wait "${peer_pid[$1]}" 2>/dev/null || true
  unset "peer_pid[$1]"
}

# Stores the app's answer for a path as a file of the static tree (path + .html or .json). Prints the status and,
# for a redirect, its location.
fetch_page() {
  local name=$1 path=$2 kind=$3 encoded file status location
  encoded=$(url_encode <<<"$path")
  read -r status location < <(curl -s -o "$work/fetched" -w '%{http_code} %{redirect_url}\n' "http://127.0.0.1:$app_port$encoded")
  if [[ $kind == page || $kind == json ]]; then
    file=$(static_file "$path" "$kind")
    mkdir -p "$(dirname "$work/site/$file")"
    mv "$work/fetched" "$work/site/$file"
  fi
  echo "$status ${location#http://127.0.0.1:$app_port}"
}

# The .gz and .br copies of a page of the static tree, for the pages with a compressed row: the app's own gzip and br
# answers as it sends them (curl does not decode them), so that nginx sends the very same compressed bytes.
fetch_compressed() {
  local path=$1 kind=$2 file coding encoding
  file=$work/site/$(static_file "$path" "$kind")
  for encoding in gzip br; do
    [[ $encoding == br && -z $brotli_module ]] && continue
    coding=$(curl -s -H "Accept-Encoding: $encoding" -o "$file.${encoding/gzip/gz}" -w '%header{content-encoding}' \
      "http://127.0.0.1:$app_port$(url_encode <<<"$path")") || coding="no answer"
    [[ $coding == "$encoding" ]] || problem "$path with Accept-Encoding: $encoding came as '${coding:-identity}'"
  done
}

static_file() {
  local path=${1%%\?*} ext=html
  [[ $2 == json ]] && ext=json
  [[ $path == / ]] && path=/index
  echo "${path#/}.$ext"
}

fetch_pages() {
  local page name path kind status location
  mkdir -p "$work/site"
  printf '%s' 'iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAOklEQVR42u3OQQ0AAAgEoOtkFjsZ2xbOBxsBSPW8EiEhISEhISEhISEhISEhISEhISEhISEhISGhOws8TpCIPkq5iQAAAABJRU5ErkJggg==' |
    base64 -d >"$work/site/illustration.png" # zimwriterfs wants a 48×48 PNG
  : >"$work/nginx-redirects.conf"
  for page in "${pages[@]}"; do
    IFS='|' read -r name path kind <<<"$page"
    read -r status location < <(fetch_page "$name" "$path" "$kind")
    app_status[$path]=$status
    if [[ $kind == page || $kind == json ]] && [[ $(encodings_of "$kind" "$name") == *br,gzip* ]]; then
      fetch_compressed "$path" "$kind"
    fi
    case $kind in
      page | json) [[ $status == 200 ]] || problem "$name: $path answered $status" ;;
      redirect) [[ $status == 301 ]] || problem "$name: $path answered $status, not 301"
        # nginx answers the same redirect from its configuration: the ceiling for a 301.
        printf 'location = "%s" { return 301 "%s"; }\n' "$path" "$location" >>"$work/nginx-redirects.conf" ;;
      missing) [[ $status == 404 ]] || problem "$name: $path answered $status, not 404" ;;
    esac
  done
  log "fetched the table's ${#pages[@]} pages"
}

# 1,000 (SERVE_MISS_PAGES) distinct topic and quote pages, half and half where there are topics enough, in an order
# that does not follow the archive's; each stored for nginx and kiwix-serve.
fetch_miss_pages() {
  local topics=$((miss_pages / 2)) bad
  query "SELECT '/wiki/' || Slug FROM Topics ORDER BY (Id * 2654435761) % 4294967296 LIMIT $topics" >"$work/miss-topics.txt"
  query "SELECT '/q/' || Id FROM Quotes ORDER BY Id LIMIT $((miss_pages - $(wc -l <"$work/miss-topics.txt")))" >"$work/miss-quotes.txt"
  paste -d '\n' "$work/miss-topics.txt" "$work/miss-quotes.txt" | sed '/^$/d' >"$work/miss-raw.txt"
  url_encode <"$work/miss-raw.txt" >"$work/miss-app.txt"
  sed "s|^|/$zim_book|; s|\$|.html|" "$work/miss-app.txt" >"$work/miss-kiwix.txt"
  paste -d '\n' <(sed "s|^|url = \"http://127.0.0.1:$app_port|; s|\$|\"|" "$work/miss-app.txt") \
    <(sed 's|^/\(.*\)|output = "'"$work"'/site/\1.html"|' "$work/miss-raw.txt") >"$work/miss-curl.txt"
  curl -s --create-dirs -K "$work/miss-curl.txt" -w '%{http_code}\n' >"$work/miss-status.txt"
  # As many other pages of the same kinds, never in the walk, to warm a fresh process up with before it.
  { query "SELECT '/wiki/' || Slug FROM Topics ORDER BY (Id * 2654435761) % 4294967296 LIMIT $topics OFFSET $topics"
    query "SELECT '/q/' || Id FROM Quotes ORDER BY Id DESC LIMIT $((miss_pages - topics))"; } | url_encode |
    sed "s|^|url = \"http://127.0.0.1:$app_port|; s|\$|\"\noutput = \"/dev/null\"|" >"$work/warm-up-curl.txt"
  bad=$(grep -vc '^200$' "$work/miss-status.txt" || true)
  ((bad == 0)) || problem "cache-miss pages: $bad of $miss_pages did not answer 200"
  miss_count=$(wc -l <"$work/miss-app.txt")
  log "fetched $miss_count pages for the cache-miss walk"
}

start_nginx() {
  port_free "$nginx_port" || die "port $nginx_port is taken (SERVE_PORT to change)"
  mkdir -p "$work/nginx"
  chmod o+rx "$work" && chmod -R o+rX "$work/site" # nginx's workers run as www-data when started by root
  {
    [[ -z $brotli_module ]] || echo "load_module $brotli_module;"
    cat <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  charset utf-8;
  charset_types application/json;
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000;
  open_file_cache max=10000 inactive=60s;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  gzip_static on;
  $([[ -z $brotli_module ]] || echo "brotli_static on;")
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/site;
    location = / { try_files /index.html =404; }
    location / { try_files \$uri.html \$uri.json =404; }
    include $work/nginx-redirects.conf;
  }
}
EOF
  } >"$work/nginx/nginx.conf"
  nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
  peer_pid[nginx]=$!
  wait_for_200 "http://127.0.0.1:$nginx_port/" "${peer_pid[nginx]}" 20 || { cat "$work/nginx/error.log" >&2; die "nginx did not start"; }
  log "nginx $(nginx -v 2>&1 | sed 's|.*/||') on port $nginx_port$([[ -z $brotli_module ]] && echo ', without brotli_static')"
}

start_kiwix() {
  port_free "$kiwix_port" || die "port $kiwix_port is taken (SERVE_PORT to change)"
  # Without .gz and .br copies: the ZIM holds each page once, and kiwix-serve compresses when asked.
  cp -r "$work/site" "$work/zim-site"
  find "$work/zim-site" \( -name '*.gz' -o -name '*.br' \) -delete
  zimwriterfs --welcome=index.html --illustration=illustration.png --language=eng --title="QuoteArchive benchmark" \
    --description="Generated benchmark corpus and content/" --creator=QuoteArchive --publisher=bench/serve.sh \
    --withoutFTIndex "$work/zim-site" "$work/$zim_book.zim" >"$work/zimwriterfs.log" 2>&1 ||
    { cat "$work/zimwriterfs.log" >&2; die "zimwriterfs failed"; }
  # --nosearchbar: the pages as they are, without kiwix-serve's bar on top.
  kiwix-serve --address=127.0.0.1 --port="$kiwix_port" --nosearchbar "$work/$zim_book.zim" >"$work/kiwix.log" 2>&1 &
  peer_pid[kiwix]=$!
  wait_for_200 "http://127.0.0.1:$kiwix_port/$zim_book/index.html" "${peer_pid[kiwix]}" 20 ||
    { cat "$work/kiwix.log" >&2; die "kiwix-serve did not start"; }
  log "kiwix-serve $(kiwix-serve --version 2>/dev/null | awk '/kiwix-tools/ { print $NF; exit }') on port $kiwix_port, ZIM of $(du -m "$work/$zim_book.zim" | cut -f1) MB"
}

# The URL of a page at a peer: the app's and nginx's are the same; kiwix-serve's is the stored file in the ZIM.
peer_url() {
  local peer=$1 path=$2 kind=$3 encoded
  encoded=$(url_encode <<<"$path")
  case $peer in
    app) echo "http://127.0.0.1:$app_port$encoded" ;;
    nginx) echo "http://127.0.0.1:$nginx_port$encoded" ;;
    kiwix)
      [[ $kind == redirect ]] && return 0 # the ZIM holds no redirects of ours
      [[ $kind == missing ]] && { echo "http://127.0.0.1:$kiwix_port/$zim_book$encoded.html"; return; }
      echo "http://127.0.0.1:$kiwix_port/$zim_book/$(static_file "$path" "$kind" | url_encode)" ;;
  esac
}

check_peers_agree() {
  local page name path kind peer url status
  for page in "${pages[@]}"; do
    IFS='|' read -r name path kind <<<"$page"
    for peer in nginx kiwix; do
      url=$(peer_url "$peer" "$path" "$kind")
      [[ -n $url ]] || continue
      status=$(curl -s -o /dev/null -w '%{http_code}' "$url")
      [[ $status == "${app_status[$path]}" || ($peer == kiwix && $kind == redirect) ]] ||
        problem "$name: ${peer_name[$peer]} answered $status where the app answered ${app_status[$path]}"
    done
  done
}

# One wrk run; prints "rps p50 p99 bytes errors non2xx3xx". With a list of paths: one walk of the list.
measure() {
  local url=$1 conns=$2 encoding=$3 paths=${4:-} threads=2 header=() out limit=$duration
  ((conns >= 2)) || threads=1 # wrk wants at least one connection a thread
  [[ $encoding == br,gzip ]] && header=(-H 'Accept-Encoding: br, gzip')
  rm -rf "$work/walked" && mkdir "$work/walked"
  [[ -z $paths ]] || limit=$([[ $quick == 1 ]] && echo 30s || echo 120s)
  SERVE_PATHS=$paths SERVE_THREADS=$threads SERVE_DONE=$work/walked \
    wrk -t"$threads" -c"$conns" -d"$limit" --timeout 10s "${header[@]}" -s "$lua" "$url" >"$work/wrk.txt" 2>&1 &
  wrk_pid=$!
  # wrk sleeps its whole duration even when every thread has stopped: a finished walk ends it (SIGINT) at once.
  if [[ -n $paths ]]; then
    while kill -0 "$wrk_pid" 2>/dev/null && (($(ls "$work/walked" | wc -l) < threads)); do sleep 0.05; done
    kill -INT "$wrk_pid" 2>/dev/null || true
  fi
  wait "$wrk_pid" || true
  wrk_pid=
  out=$(grep '^serve: ' "$work/wrk.txt" || true)
  [[ -n $out ]] || { cat "$work/wrk.txt" >&2; return 0; }
  sed -E 's/.*rps=([^ ]+) p50_ms=([^ ]+) p99_ms=([^ ]+) bytes=([^ ]+) errors=([^ ]+) non2xx3xx=([^ ]+).*/\1 \2 \3 \4 \5 \6/' <<<"$out"
}

# Results, one a line: "row encoding connections peer rps p50 p99 bytes errors non2xx3xx".
record() {
  local row=$1 encoding=$2 conns=$3 peer=$4 figures
  figures=$(measure "${@:5}")
  echo "$row $encoding $conns $peer ${figures:--}" >>"$work/results.txt"
  log "$(printf '%-42s %-8s c=%-3s %-12s %s' "${row_name[$row]}" "$encoding" "$conns" "${peer_name[$peer]}" "${figures:-no figures}")"
}

encodings_of() {
  local kind=$1 name=$2
  if [[ $kind == redirect || $kind == missing ]]; then echo identity
  elif [[ $quick == 1 && $name != "large topic"* ]]; then echo identity
  else echo "identity br,gzip"; fi
}

# The quick mode measures the peers on three pages only (their answers to every page are still checked).
measured() {
  local peer=$1 name=$2
  [[ $quick == 0 || $peer == app || $name == home || $name == "large topic"* || $name == 404* ]]
}

# Two seconds of wrk at the most connections on each of the table's pages, in each encoding measured, first: the
# runtime recompiles hot code with its optimizing tier only after the first seconds of load, so without this the
# first cells measured (the home page) carried the app's JIT (home 9,000 requests/s in its run, 28,000 once warm).
warm_up() {
  local page name path kind encoding header
  [[ $quick == 0 ]] || return 0
  for page in "${pages[@]}"; do
    IFS='|' read -r name path kind <<<"$page"
    for encoding in $(encodings_of "$kind" "$name"); do
      header=()
      [[ $encoding == br,gzip ]] && header=(-H 'Accept-Encoding: br, gzip')
      wrk -t2 -c"$most_connections" -d2s "${header[@]}" "$(peer_url app "$path" "$kind")" >/dev/null
    done
  done
  log "warmed up"
}

run_matrix() {
  local i page name path kind encoding conns peer url connection_levels
  for i in "${!pages[@]}"; do
    IFS='|' read -r name path kind <<<"${pages[$i]}"
    row_name[$i]=$name row_kind[$i]=$kind
    connection_levels=$connections
    [[ $kind == redirect || $kind == missing ]] && connection_levels=$most_connections
    for encoding in $(encodings_of "$kind" "$name"); do
      for conns in $connection_levels; do
        for peer in "${peers[@]}"; do
          measured "$peer" "$name" || continue
          url=$(peer_url "$peer" "$path" "$kind")
          [[ -z $url ]] || record "$i" "$encoding" "$conns" "$peer" "$url" "$conns" "$encoding"
        done
      done
    done
  done
}

run_miss_mix() {
  local row=miss
  row_name[$row]="cache-miss mix ($miss_count pages)" row_kind[$row]=page
  record "$row" identity "$most_connections" nginx "http://127.0.0.1:$nginx_port/" "$most_connections" identity "$work/miss-app.txt"
  record "$row" identity "$most_connections" kiwix "http://127.0.0.1:$kiwix_port/" "$most_connections" identity "$work/miss-kiwix.txt"
  # A fresh process: the walk's pages were fetched through the app once, so its output cache holds them. Warmed up
  # on as many other topic and quote pages first, 8 at a time, so that the walk measures cache misses rather than a
  # cold process.
  stop_peer app
  start_app
  restart_ms=$startup_ms
  curl -s --parallel --parallel-max 8 -K "$work/warm-up-curl.txt" -w '%{http_code}\n' 2>/dev/null >"$work/warm-up-status.txt"
  record "$row" identity "$most_connections" app "http://127.0.0.1:$app_port/" "$most_connections" identity "$work/miss-app.txt"
  rss_after_miss=$(rss_mb "${peer_pid[app]}")
}

# The table: one line per page, encoding and connection count; the peers side by side, the ratios last.
print_table() {
  echo "| page | encoding | conn. | QuoteArchive req/s | p50 ms | p99 ms | nginx req/s | p99 ms | kiwix-serve req/s | p99 ms | KB/req QA · nginx · kiwix | QA/nginx | QA/kiwix |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  local key
  for key in "${!pages[@]}" miss; do
    awk -v row="$key" -v name="${row_name[$key]}" '
      $1 == row { cell = $2 " " $3; if (!(cell in seen)) { seen[cell] = 1; order[++n] = cell }
                  rps[cell, $4] = $5; p50[cell, $4] = $6; p99[cell, $4] = $7; kb[cell, $4] = $8 / 1024 }
      function fig(v, f) { return v == "" || v == "-" ? "—" : sprintf(f, v) }
      function ratio(a, b) { return a == "" || b == "" || a == "-" || b == "-" || b == 0 ? "—" : sprintf("%.2f", a / b) }
      END { for (i = 1; i <= n; i++) { c = order[i]; split(c, part, " ")
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s · %s · %s | %s | %s |\n", name, part[1], part[2],
          fig(rps[c, "app"], "%.0f"), fig(p50[c, "app"], "%.2f"), fig(p99[c, "app"], "%.2f"),
          fig(rps[c, "nginx"], "%.0f"), fig(p99[c, "nginx"], "%.2f"), fig(rps[c, "kiwix"], "%.0f"), fig(p99[c, "kiwix"], "%.2f"),
          fig(kb[c, "app"], "%.1f"), fig(kb[c, "nginx"], "%.1f"), fig(kb[c, "kiwix"], "%.1f"),
          ratio(rps[c, "app"], rps[c, "nginx"]), ratio(rps[c, "app"], rps[c, "kiwix"]) } }' "$work/results.txt"
  done
}

# Socket errors, and answers other than the page's own status, under load: reported, not failed on.
print_load_errors() {
  local peer row encoding conns errors non2xx3xx
  while read -r row encoding conns peer _ _ _ _ errors non2xx3xx; do
    [[ ${row_kind[$row]} == missing ]] && non2xx3xx=0
    ((${errors:-0} + ${non2xx3xx:-0} == 0)) ||
      echo "- under load: ${row_name[$row]}, $encoding, $conns connections, ${peer_name[$peer]}: $errors socket errors, $non2xx3xx answers 4xx/5xx"
  done <"$work/results.txt"
}

# Redirects and misses against the app's cached small topic page, at the same connection count.
print_redirect_ratios() {
  local i name path kind
  for i in "${!pages[@]}"; do
    IFS='|' read -r name path kind <<<"${pages[$i]}"
    [[ $kind == redirect || $kind == missing ]] || continue
    awk -v row="$i" -v seed=1 -v c="$most_connections" -v name="$name" '
      $2 == "identity" && $3 == c && $4 == "app" && $1 == row { mine = $5 }
      $2 == "identity" && $3 == c && $4 == "app" && $1 == seed { topic = $5 }
      END { if (mine != "" && topic > 0) printf "- %s: %.2f× the small topic page (%d against %d req/s, %s connections)\n", name, mine / topic, mine, topic, c }' \
      "$work/results.txt"
  done
}

# The headline at the most connections: the cached pages' requests a second against the peers' (the pages both peers
# ran, by encoding) with the app's largest p99, and the cache-miss walk against nginx.
print_headline() {
  local cached=() i
  for i in "${!pages[@]}"; do [[ ${row_kind[$i]} == page || ${row_kind[$i]} == json ]] && cached+=("$i"); done
  awk -v c="$most_connections" -v cached=" ${cached[*]} " '
    $3 != c || $5 == "-" { next }
    { rps[$1, $2, $4] = $5; if ($4 == "app") p99[$1, $2] = $7; if ($1 != "miss") encodings[$2] = 1 }
    function range(lo, hi) { return sprintf(lo == hi ? "%.2f" : "%.2f–%.2f", lo, hi) }
    END {
      for (enc in encodings) {
        n = 0
        for (key in rps) { split(key, k, SUBSEP)
          if (k[2] != enc || k[3] != "app" || index(cached, " " k[1] " ") == 0) continue
          if (rps[k[1], enc, "nginx"] == "" || rps[k[1], enc, "kiwix"] == "") continue
          r = rps[key] / rps[k[1], enc, "nginx"]; q = rps[key] / rps[k[1], enc, "kiwix"]
          if (!n++ || r < lo) lo = r; if (n == 1 || r > hi) hi = r
          if (n == 1 || q < klo) klo = q; if (n == 1 || q > khi) khi = q
          if (n == 1 || p99[k[1], enc] > worst) worst = p99[k[1], enc] }
        if (n) printf "- cached pages, %s, %d connections: %s× nginx, %s× kiwix-serve, p99 up to %.1f ms (%d page%s)\n",
          enc, c, range(lo, hi), range(klo, khi), worst, n, n == 1 ? "" : "s" }
      if (rps["miss", "identity", "app"] != "" && rps["miss", "identity", "nginx"] != "")
        printf "- cache-miss walk: %.0f pages/s, p99 %.1f ms, %.2f× nginx\n", rps["miss", "identity", "app"],
          p99["miss", "identity"], rps["miss", "identity", "app"] / rps["miss", "identity", "nginx"] }' "$work/results.txt" | sort
}

print_report() {
  local report=$cache/serve-$size-$(date -u +%Y%m%dT%H%M%SZ).md
  {
    echo "## bench/serve.sh $size$([[ $quick == 1 ]] && echo ' --quick'), $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), wrk $duration a run (-t2; -t1 at 1 connection);" \
      "load average $load_before before the runs, $load_after after (other work on the machine skews every figure);" \
      "archive: $import_summary"
    echo
    print_table
    echo
    print_headline
    print_redirect_ratios
    print_load_errors
    echo "- 5xx logged by the app: $(grep -c '" responded 5' "$work/app.log" || true)"
    echo "- start-up (process start to first 200 of /): ${startup_first_ms} ms; again for the cache-miss walk: ${restart_ms} ms"
    echo "- app RSS: ${rss_rest} MB at rest, ${rss_after} MB after the serving runs, ${rss_after_miss} MB after the cache-miss walk (fresh process)"
    echo "- pages: $(for page in "${pages[@]}"; do IFS='|' read -r name path _ <<<"$page"; printf '%s `%s`; ' "$name" "$path"; done | sed 's/; $//')"
    ((${#problems[@]} == 0)) || printf -- '- problem: %s\n' "${problems[@]}"
  } | tee "$report"
  log "table kept in $report"
}

# Every figure there and numeric: what the quick mode (CI) checks, and any run.
check_figures() {
  local expected actual bad
  expected=$(awk '{ n++ } END { print n + 0 }' "$work/results.txt")
  bad=$(awk 'NF != 10 || $5 !~ /^[0-9.]+$/ || $6 !~ /^[0-9.]+$/ || $7 !~ /^[0-9.]+$/ || $8 !~ /^[0-9.]+$/ || $5 == 0' "$work/results.txt")
  [[ -z $bad ]] || { log "runs without figures:"; echo "$bad" >&2; return 1; }
  for actual in "$startup_first_ms" "$restart_ms" "$rss_rest" "$rss_after" "$rss_after_miss"; do
    [[ $actual =~ ^[0-9]+$ ]] || { log "a start-up or RSS figure is missing"; return 1; }
  done
  log "$expected runs, every figure there"
}

main() {
  local started
  started=$(date +%s)
  require_tools
  build
  import_corpus
  choose_pages
  declare -gA app_status=() row_name=() row_kind=()
  start_app
  startup_first_ms=$startup_ms
  rss_rest=$(rss_mb "${peer_pid[app]}")
  fetch_miss_pages
  fetch_pages
  start_nginx
  start_kiwix
  check_peers_agree
  : >"$work/results.txt"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  warm_up
  run_matrix
  rss_after=$(rss_mb "${peer_pid[app]}")
  run_miss_mix
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  print_report
  log "done in $(($(date +%s) - started)) s"
  check_figures
  # A peer that answered otherwise than the app did means the comparison is wrong: fail, as for a missing figure.
  ((${#problems[@]} == 0))
}

main
