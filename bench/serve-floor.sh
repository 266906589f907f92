#!/usr/bin/env bash
# Cached pages against their floor: how close the app comes to what ASP.NET Core itself can do, and how close that
# comes to nginx. Four servers answer the same pages on 127.0.0.1, measured with wrk in turn (A B C D A B C D …):
#   QuoteArchive        the app, published as the Dockerfile does, every page a hit of its output cache
#   Kestrel alone       bench/serve-floor.cs: the app's very answers (headers and bodies) from memory, one delegate
#   Kestrel + cache     the same behind routing and ASP.NET Core's output cache, as the app's hits are
#   nginx               the same bodies from files (its own headers), sendfile, brotli_static
#   bench/serve-floor.sh                    # content/ imported; home, the seed, a quote, Love
#   bench/serve-floor.sh archive.db         # any archive (the seed and Love are looked up in it)
# FLOOR_DURATION (5s a run), FLOOR_CONNECTIONS ("64"), FLOOR_ROUNDS (2: the table gives their median), FLOOR_PAGES
# ("home seed quote love"; also "largest" and "author", the topic and the author with the most quotes), FLOOR_PORT (5290, the others on the next four), FLOOR_APP (an app already published by
# bench/publish-web.sh; FLOOR_OTHER_APP adds a second, measured after the first, to compare two builds). The run is
# bounded (each wrk run has its duration), listens on loopback only and stops what it started.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
source "$repo/bench/app.sh"
duration=${FLOOR_DURATION:-5s} connections=${FLOOR_CONNECTIONS:-64} rounds=${FLOOR_ROUNDS:-2}
base_port=${FLOOR_PORT:-5290}
work=$(mktemp -d /tmp/quotearchive-floor.XXXXXX)
peers=(app kestrel cache nginx)
declare -A port=([app]=$base_port [kestrel]=$((base_port + 1)) [cache]=$((base_port + 2)) [nginx]=$((base_port + 3)) [other]=$((base_port + 4)))
declare -A peer_name=([app]=QuoteArchive [kestrel]="Kestrel alone" [cache]="Kestrel + cache" [nginx]=nginx [other]="other app")
[[ -z ${FLOOR_OTHER_APP:-} ]] || peers=(app other kestrel cache nginx)
declare -A pid=()
wrk_pid=

log() { echo "serve-floor: [${SECONDS} s] $*" >&2; }
die() { log "$*"; exit 1; }
cleanup() {
  local peer
  for peer in "${!pid[@]}"; do kill "${pid[$peer]}" 2>/dev/null && wait "${pid[$peer]}" 2>/dev/null || true; done
  [[ -z $wrk_pid ]] || kill "$wrk_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in wrk nginx curl sqlite3; do command -v "$tool" >/dev/null || die "missing: $tool (apt-get install -y wrk nginx-light sqlite3 curl)"; done
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[[ -f $brotli_module ]] || die "nginx's brotli_static is missing: apt-get install -y libnginx-mod-http-brotli-static"
for peer in "${peers[@]}"; do
  ! ss -ltn "sport = :${port[$peer]}" | grep -q LISTEN || die "port ${port[$peer]} is taken (FLOOR_PORT to change)"
done

wait_for() { # url pid
  local deadline=$((SECONDS + 60))
  until curl -fso /dev/null --max-time 5 "$1"; do
    kill -0 "$2" 2>/dev/null && ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

log "publishing the app and the floor"
if [[ -n ${FLOOR_APP:-} ]]; then app=$FLOOR_APP; else app=$work/app; "$repo/bench/publish-web.sh" "$app"; fi
dotnet publish "$repo/bench/serve-floor.cs" -c Release -o "$work/floor" --nologo -v quiet >/dev/null
archive=${1:-}
if [[ -z $archive ]]; then
  dotnet publish "$repo/src/QuoteArchive.Importer" -c Release -o "$work/importer" --nologo -v quiet >/dev/null
  archive=$work/archive.db
  content_archive "$work/importer" "$archive"
fi

# One public address for both apps, so that their pages' absolute links are the same bytes.
app_start "$app" "http://127.0.0.1:${port[app]}" "$archive" "$work/app.log" Site__PublicUrl="http://127.0.0.1:${port[app]}"
pid[app]=$app_pid
wait_for "http://127.0.0.1:${port[app]}/" "${pid[app]}" || { cat "$work/app.log" >&2; die "the app did not start"; }
if [[ -n ${FLOOR_OTHER_APP:-} ]]; then
  app_start "$FLOOR_OTHER_APP" "http://127.0.0.1:${port[other]}" "$archive" "$work/other.log" Site__PublicUrl="http://127.0.0.1:${port[app]}"
  pid[other]=$app_pid
  wait_for "http://127.0.0.1:${port[other]}/" "${pid[other]}" || { cat "$work/other.log" >&2; die "the other app did not start"; }
fi

# The pages: the seed is the content's first topic (China–Russia relations in content/), Love the large one.
query() { sqlite3 -batch -noheader "$archive" "$1"; }
seed=$(query "SELECT Slug FROM Topics WHERE Slug = 'China–Russia_relations' UNION ALL SELECT Slug FROM Topics LIMIT 1")
quote=$(query "SELECT q.Id FROM Quotes q JOIN Topics t ON t.Id = q.TopicId WHERE t.Slug = '$seed' ORDER BY q.SectionId, q.Position LIMIT 1")
love=$(query "SELECT Slug FROM Topics WHERE Slug = 'Love'")
pages=()
for page in ${FLOOR_PAGES:-home seed quote love}; do
  case $page in
    home) pages+=("home|/") ;;
    seed) pages+=("small topic (the seed)|/wiki/$seed") ;;
    quote) pages+=("quote|/q/$quote") ;;
    love) [[ -z $love ]] || pages+=("large topic (Love)|/wiki/Love") ;;
    # As bench/serve.sh picks them: the topic and the author with the most quotes.
    largest) pages+=("largest topic|/wiki/$(query "SELECT t.Slug FROM Topics t JOIN Quotes q ON q.TopicId = t.Id GROUP BY t.Id
      ORDER BY count(*) DESC, t.Id LIMIT 1")") ;;
    author) pages+=("author (most quotes)|/authors/$(query "SELECT Slug FROM Authors ORDER BY QuoteCount DESC, Slug LIMIT 1")") ;;
    *) die "unknown page in FLOOR_PAGES: $page (home, seed, quote, love, largest, author)" ;;
  esac
done

# Each page as the app answers it, from its output cache (a first request fills it): headers and the two bodies, for
# the floor; the same bodies as files for nginx, at the app's addresses.
mkdir -p "$work/site" "$work/www" "$work/nginx"
: >"$work/nginx/pages.conf"
n=0
for page in "${pages[@]}"; do
  path=${page#*|}
  url="http://127.0.0.1:${port[app]}$(url_encode <<<"$path")"
  for peer in app ${FLOOR_OTHER_APP:+other}; do # a first request fills the output cache
    curl -fso /dev/null "${url/:${port[app]}/:${port[$peer]}}" && curl -fso /dev/null -H 'Accept-Encoding: br' "${url/:${port[app]}/:${port[$peer]}}"
  done
  curl -fs -D "$work/site/$n.headers" -o "$work/site/$n.identity" "$url" || die "the app did not answer $path"
  curl -fs -H 'Accept-Encoding: br' -D "$work/site/$n.br-headers" -o "$work/site/$n.br" "$url"
  grep -qi '^content-encoding: br' "$work/site/$n.br-headers" || die "the app did not answer $path in br"
  tr -d '\r' <"$work/site/$n.headers" >"$work/site/$n.h" && mv "$work/site/$n.h" "$work/site/$n.headers"
  printf '%s\n' "$path" >"$work/site/$n.path"
  cp "$work/site/$n.identity" "$work/www/$n.html" && cp "$work/site/$n.br" "$work/www/$n.html.br"
  printf 'location = "%s" { try_files /%s.html =404; }\n' "$path" "$n" >>"$work/nginx/pages.conf"
  n=$((n + 1))
done

for mode in kestrel cache; do
  (cd "$work/floor" && exec ./serve-floor "$work/site" "http://127.0.0.1:${port[$mode]}" \
    "$([[ $mode == cache ]] && echo output-cache || echo kestrel)") >"$work/$mode.log" 2>&1 &
  pid[$mode]=$!
  wait_for "http://127.0.0.1:${port[$mode]}$(url_encode <<<"${pages[0]#*|}")" "${pid[$mode]}" || { cat "$work/$mode.log" >&2; die "the floor ($mode) did not start"; }
done
chmod o+rx "$work" && chmod -R o+rX "$work/www" # nginx's workers run as www-data when started by root
cat >"$work/nginx/nginx.conf" <<EOF
load_module $brotli_module;
worker_processes auto;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
  types { text/html html; }
  charset utf-8;
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000;
  open_file_cache max=100 inactive=60s;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  brotli_static on;
  server {
    listen 127.0.0.1:${port[nginx]};
    root $work/www;
    include $work/nginx/pages.conf;
  }
}
EOF
nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" -g 'daemon off;' &
pid[nginx]=$!
wait_for "http://127.0.0.1:${port[nginx]}$(url_encode <<<"${pages[0]#*|}")" "${pid[nginx]}" || { cat "$work/nginx/error.log" >&2; die "nginx did not start"; }

# Every server sends the app's bytes for every page, in both encodings (the other build answers 200).
for page in "${pages[@]}"; do
  path=${page#*|}
  for peer in "${peers[@]}"; do
    for encoding in identity br; do
      curl -fs -H "Accept-Encoding: $encoding" -o "$work/check" "http://127.0.0.1:${port[$peer]}$(url_encode <<<"$path")" ||
        die "${peer_name[$peer]} did not answer $path"
      expected=$(grep -l -x -F "$path" "$work/site/"*.path | head -1)
      # Another build may render a page otherwise (a changed footer): it only has to answer it.
      [[ $peer == other ]] || cmp -s "$work/check" "${expected%.path}.$encoding" || die "${peer_name[$peer]} sent other bytes for $path ($encoding)"
    done
  done
done
log "${#peers[@]} servers up, the same bytes for ${#pages[@]} pages; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# One wrk run: "rps p50 p99" (bench/serve.lua's figures).
measure() { # url conns encoding seconds
  local threads=2 header=()
  (($2 >= 2)) || threads=1
  [[ $3 == br ]] && header=(-H 'Accept-Encoding: br')
  wrk -t"$threads" -c"$2" -d"$4" --timeout 10s "${header[@]}" -s "$repo/bench/serve.lua" "$1" >"$work/wrk.txt" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || true
  wrk_pid=
  sed -nE 's/^serve: .*rps=([^ ]+) p50_ms=([^ ]+) p99_ms=([^ ]+) .*errors=([^ ]+) non2xx3xx=([^ ]+).*/\1 \2 \3 \4 \5/p' "$work/wrk.txt"
}

: >"$work/results.txt"
for page in "${pages[@]}"; do
  name=${page%%|*} path=$(url_encode <<<"${page#*|}")
  for encoding in identity br; do
    for c in $connections; do
      for peer in "${peers[@]}"; do measure "http://127.0.0.1:${port[$peer]}$path" "$c" "$encoding" 2s >/dev/null; done
      for ((round = 1; round <= rounds; round++)); do
        for peer in "${peers[@]}"; do
          read -r rps p50 p99 errors non2xx < <(measure "http://127.0.0.1:${port[$peer]}$path" "$c" "$encoding" "$duration") ||
            die "$name $encoding c=$c ${peer_name[$peer]}: no figures ($(head -c 300 "$work/wrk.txt"))"
          [[ ${errors:-x} == 0 && ${non2xx:-x} == 0 ]] || log "$name $encoding c=$c ${peer_name[$peer]}: errors ${errors:-?}, non-2xx ${non2xx:-?}"
          echo "$name|$encoding|$c|$peer|$round|$rps|$p99" >>"$work/results.txt"
          log "$(printf '%-24s %-8s c=%-3s %-16s %9s req/s  p50 %s ms  p99 %s ms' "$name" "$encoding" "$c" "${peer_name[$peer]}" "$rps" "$p50" "$p99")"
        done
      done
    done
  done
done

echo
echo "$(nproc) cores, wrk $duration a run, median of $rounds rounds; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo
other=${FLOOR_OTHER_APP:+1}
echo "| page | encoding | conn. | QuoteArchive req/s | p99 ms | Kestrel alone | Kestrel + cache | nginx | QA/nginx | Kestrel alone/nginx | Kestrel + cache/nginx | QA/(Kestrel + cache) |${other:+ other app | other/QA |}"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${other:+ ---: | ---: |}"
awk -F'|' -v other="$other" '
  function median(key,    n, i, j, t, v) {
    n = count[key]; for (i = 1; i <= n; i++) v[i] = values[key, i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  { row = $1 "|" $2 "|" $3; if (!(row in seen)) { seen[row] = 1; order[++rows] = row }
    key = row "|" $4; values[key, ++count[key]] = $6; values["p99" key, count[key]] = $7; count["p99" key] = count[key] }
  END {
    for (r = 1; r <= rows; r++) {
      split(order[r], part, "|")
      app = median(order[r] "|app"); kestrel = median(order[r] "|kestrel"); cache = median(order[r] "|cache"); nginx = median(order[r] "|nginx")
      printf "| %s | %s | %s | %.0f | %.2f | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f |", part[1], part[2], part[3],
        app, median("p99" order[r] "|app"), kestrel, cache, nginx, app / nginx, kestrel / nginx, cache / nginx, app / cache
      if (other) { o = median(order[r] "|other"); printf " %.0f | %.2f |", o, o / app }
      print ""
    }
  }' "$work/results.txt"
