#!/usr/bin/env bash
# Builds the real Dockerfile with podman (no Docker engine needed) on local stand-ins for the .NET base images,
# then proves the image: read-only root with a tmpfs /data, /readyz, a topic page and a quote page, ETag/304,
# immutable static assets, the HEALTHCHECK, non-root, own content mounted at /content (with a broken file:
# logged as JSON, served without it, reported by /readyz), and a clean exit on SIGTERM. Cleans up after itself;
# the base images stay cached in $QA_DEPLOY_CACHE (default /var/cache/quotearchive-deploy) for the next run.
# Needs root, podman, buildah, runc, debootstrap, curl, jq, npx; under CI=true it installs what is missing.
# Exit status 0 when every check passed. Usage: deploy/test-image.sh
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '== %s (%ss)\n' "$*" $((SECONDS - started)); }
fail() { echo "FAIL: $*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------------------
need=()
for tool in podman:podman buildah:buildah runc:runc debootstrap:debootstrap curl:curl jq:jq npx:npm; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "${CI:-}" = true ]; then
    step "apt-get install ${need[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
  else
    fail "missing ${need[*]}: apt-get install -y ${need[*]}"
  fi
fi
[ "$(id -u)" -eq 0 ] || fail "run as root (podman with the vfs driver and chroot isolation)"
source deploy/podman-env.sh

# --- lint -------------------------------------------------------------------------------------------------
step "lint Dockerfile (dockerfilelint)"
deploy/lint-dockerfile.sh

# --- build ------------------------------------------------------------------------------------------------
step "stand-in base images"
eval "$(deploy/stand-in-images.sh)"
tag=localhost/quotearchive:test-$$
run_id=qa-test-$$
work=$(mktemp -d /tmp/quotearchive-image-test.XXXXXX)
cleanup() {
  podman rm -f -i "$run_id-baked" "$run_id-own" >/dev/null 2>&1 || true
  podman rmi -f "$tag" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "build Dockerfile on $SDK_IMAGE and $RUNTIME_IMAGE"
# --layers=false: with the vfs driver every cached layer is a full copy; one commit per stage is much faster.
# --network host: the build's restore reaches NuGet the way this machine does.
podman build --format docker --isolation chroot --layers=false --network host \
  --build-arg SDK_IMAGE="$SDK_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
  -t "$tag" -f Dockerfile . >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "image build"; }
grep -E '^imported ' "$work/build.log" || fail "the build did not import content/"

# --- helpers ----------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + $$ % 20000)); }
get() { curl -sS -m 10 -o "$work/body" -D "$work/headers" -w '%{http_code}' "$@"; }
header() { grep -i "^$1:" "$work/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
wait_ready() {  # bounded: 60 tries, 1 s apart
  local name=$1 url=$2 i
  for i in $(seq 60); do
    [ "$(podman inspect -f '{{.State.Running}}' "$name")" = true ] || { podman logs "$name" | tail -20; fail "$name exited"; }
    if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ]; then return 0; fi
    sleep 1
  done
  podman logs "$name" | tail -20; fail "$name not ready after 60 tries"
}
stop_cleanly() {  # SIGTERM, then the exit code must be 0 well before the 20 s kill
  local name=$1 t0=$SECONDS code
  podman stop -t 20 "$name" >/dev/null 2>&1
  code=$(podman inspect -f '{{.State.ExitCode}}' "$name")
  [ "$code" = 0 ] || fail "$name exited $code on SIGTERM"
  [ $((SECONDS - t0)) -lt 15 ] || fail "$name took $((SECONDS - t0)) s to stop"
}

# --- run 1: the archive baked into the image, read-only root, tmpfs /data ------------------------------------
# podman gives a tmpfs over an image folder that folder's mode but root as owner; ":U" hands it to the
# container's user (Docker's --tmpfs is world-writable, 1777, and needs no option). --read-only-tmpfs=false:
# no writable /tmp either, as with Docker's --read-only.
port=$(free_port); url=http://127.0.0.1:$port
step "run read-only with the baked-in archive on $url"
# The test is the operator: it sees /readyz details from wherever podman's port forwarding makes requests come from.
details='Health__DetailsNetworks=0.0.0.0/0, ::/0'
podman run -d --name "$run_id-baked" --read-only --read-only-tmpfs=false --tmpfs /data:rw,U -e "$details" -p "127.0.0.1:$port:8080" "$tag" >/dev/null 2>"$work/run.err" || { cat "$work/run.err"; fail "podman run"; }
wait_ready "$run_id-baked" "$url"
[ "$(podman inspect -f '{{.Config.User}}' "$run_id-baked")" != root ] || fail "image runs as root"
[ "$(podman exec "$run_id-baked" id -u)" != 0 ] || fail "process runs as uid 0"
podman exec "$run_id-baked" sh -c 'touch /app/probe' 2>/dev/null && fail "root file system is writable"

[ "$(get "$url/readyz")" = 200 ] || fail "/readyz"
jq -e '.status == "Healthy" and .checks.archive.data.topics > 0' "$work/body" >/dev/null || fail "/readyz: $(cat "$work/body")"

[ "$(get "$url/api/topics")" = 200 ] || fail "/api/topics"
slug=$(jq -r '.[0].slug' "$work/body")
[ "$(get "$url/wiki/$slug")" = 200 ] || fail "/wiki/$slug"
title=$(curl -s -m 10 "$url/api/topics/$slug" | jq -r '.title')
grep -qF "$(printf '%s' "$title" | sed 's/&/\&amp;/g')" "$work/body" || fail "/wiki/$slug does not show its title '$title'"
etag=$(header ETag); cache=$(header Cache-Control)
[[ "$etag" == W/\"* ]] || fail "/wiki/$slug has no ETag"
[[ "$cache" == public,*max-age=*stale-while-revalidate=* ]] || fail "/wiki/$slug Cache-Control: $cache"
[ "$(get -H "If-None-Match: $etag" "$url/wiki/$slug")" = 304 ] || fail "If-None-Match did not give 304"
echo "topic page /wiki/$slug: ETag $etag, Cache-Control $cache, revalidated 304"

quote=$(curl -s -m 10 "$url/api/topics/$slug" | jq -r '[.sections[].quotes[].id] | first')
[ "$(get "$url/q/$quote")" = 200 ] || fail "/q/$quote"
grep -q "/wiki/$slug" "$work/body" || fail "/q/$quote does not link back to its topic"
echo "quote page /q/$quote: $(header ETag)"
# The share image is drawn in the container, with the fonts its runtime stage installed.
[ "$(get "$url/q/$quote.png")" = 200 ] || fail "/q/$quote.png"
[ "$(head -c 8 "$work/body" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "/q/$quote.png is no PNG"

code=$(get "$url/random")
[[ "$code" == 30? ]] || fail "/random answered $code"
[ -z "$(header ETag)" ] && [[ "$(header Cache-Control)" == *no-store* ]] || fail "/random is cacheable: $(header Cache-Control)"
echo "/random: $code, Cache-Control $(header Cache-Control), no ETag"

[ "$(get "$url/")" = 200 ] || fail "/"
css=$(grep -o 'href="/css/[^"]*\.css"' "$work/body" | head -1 | cut -d'"' -f2)
[ "$(get "$url$css")" = 200 ] || fail "stylesheet $css"
[[ "$(header Cache-Control)" == *immutable* ]] || fail "$css is not immutable: $(header Cache-Control)"
echo "stylesheet $css: $(header Cache-Control)"

podman healthcheck run "$run_id-baked" >/dev/null 2>&1 || fail "HEALTHCHECK failed"
[ "$(podman inspect -f '{{.State.Health.Status}}' "$run_id-baked")" = healthy ] || fail "health status not healthy"
echo "HEALTHCHECK: healthy"
podman logs "$run_id-baked" 2>&1 | grep -E '(WRN|ERR|FTL)\]' && fail "warnings or errors in the log"
stop_cleanly "$run_id-baked"
echo "SIGTERM: exit 0"

# --- run 2: own content mounted read-only at /content, one file broken, JSON logs --------------------------
mkdir -p "$work/content/fr"
cp content/Warmness.txt "$work/content/"
cp content/fr/*.txt "$work/content/fr/" 2>/dev/null || true
: >"$work/content/Broken.txt"   # empty: "a topic needs at least a title"
chmod -R a+rX "$work"
expected=$(find "$work/content" -name '*.txt' -size +0 | wc -l)
port=$(free_port); url=http://127.0.0.1:$port
step "run with own content ($expected good files, 1 broken) on $url"
podman run -d --name "$run_id-own" --read-only --read-only-tmpfs=false --tmpfs /data:rw,U -v "$work/content:/content:ro" -e "$details" \
  -e 'Serilog__WriteTo__0__Args__formatter=Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact' \
  -p "127.0.0.1:$port:8080" "$tag" >/dev/null 2>"$work/run.err" || { cat "$work/run.err"; fail "podman run"; }
wait_ready "$run_id-own" "$url"
[ "$(get "$url/readyz")" = 200 ] || fail "/readyz with own content"
jq -e --argjson n "$expected" '.status == "Degraded" and .checks.archive.data.topics == $n
  and (.checks.archive.data.diagnostics | any(startswith("Broken.txt:1:1: error:")))' "$work/body" >/dev/null \
  || fail "/readyz does not report the broken file: $(cat "$work/body")"
echo "readyz: $(jq -c '{status, description: .checks.archive.description}' "$work/body")"
[ "$(get "$url/wiki/Warmness")" = 200 ] || fail "own content not served"
[ "$(get "$url/wiki/$slug")" = 404 ] || [ "$slug" = Warmness ] || fail "the baked-in archive is still served"
podman logs "$run_id-own" >"$work/own.log" 2>&1
# Every line after the bootstrap logger hands over is compact JSON ({"@t":…}).
grep -E '^\{' "$work/own.log" | jq -e -s 'length > 0 and all(has("@t"))' >/dev/null || fail "no JSON log lines"
grep -F 'Broken.txt:1:1: error:' "$work/own.log" | head -1 | jq -e '."@l" == "Error"' >/dev/null \
  || fail "the broken file's diagnostic is not logged as a JSON error"
echo "log: $(grep -c '^{' "$work/own.log") JSON lines, the diagnostic among them"
podman healthcheck run "$run_id-own" >/dev/null 2>&1 || fail "HEALTHCHECK failed with own content"
stop_cleanly "$run_id-own"

size=$(podman image inspect -f '{{.Size}}' "$tag")
step "image test passed; image $((size / 1000000)) MB"
