#!/usr/bin/env bash
# Makes local stand-ins for mcr.microsoft.com/dotnet/sdk:10.0 and runtime-deps:10.0 where no registry is reachable:
# Debian bookworm (debootstrap --variant=minbase), and for the SDK this machine's .NET from /usr/share/dotnet.
# Prints two lines, "SDK_IMAGE=…" and "RUNTIME_IMAGE=…", to pass to the build as --build-arg.
# Each image is made once and kept in the podman storage of $QA_DEPLOY_CACHE; delete that folder to start over.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/podman-env.sh"

dotnet_root=${DOTNET_ROOT:-/usr/share/dotnet}
[ -x "$dotnet_root/dotnet" ] || { echo "no .NET at $dotnet_root (set DOTNET_ROOT)" >&2; exit 1; }
sdk_version=$(ls "$dotnet_root/sdk" | sort -V | tail -1)
base=localhost/quotearchive-stand-in/debian:bookworm-minbase
runtime=localhost/quotearchive-stand-in/runtime-deps:bookworm
sdk=localhost/quotearchive-stand-in/sdk:$sdk_version

exists() { podman image exists "$1"; }
log() { echo "stand-in: $*" >&2; }

if ! exists "$base"; then
  rootfs="$QA_DEPLOY_CACHE/bookworm-minbase"
  if [ ! -e "$rootfs/.complete" ]; then
    log "debootstrap bookworm into $rootfs"
    rm -rf "$rootfs"
    # libicu72: globalization (the app is not invariant); ca-certificates and libssl3: HTTPS for NuGet.
    debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3 bookworm "$rootfs" \
      "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$QA_DEPLOY_CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$QA_DEPLOY_CACHE/debootstrap.log" >&2; exit 1; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    touch "$rootfs/.complete"
  fi
  log "import $base"
  tar -C "$rootfs" --exclude=./.complete -c . | podman import --quiet - "$base" >/dev/null
fi

# Like the official runtime-deps image: what a self-contained .NET app needs from the system (ICU, OpenSSL, CA
# certificates: in the base), user "app" (APP_UID 1654), port 8080. No .NET: the app brings its own.
if ! exists "$runtime"; then
  log "make $runtime"
  c=$(buildah from --quiet "$base")
  buildah run --isolation chroot "$c" -- sh -c 'groupadd --gid 1654 app && useradd --uid 1654 --gid app --create-home app'
  buildah config --env APP_UID=1654 --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true "$c"
  buildah commit --quiet --rm "$c" "$runtime" >/dev/null
fi

# Like the official SDK image: the whole .NET. The build reaches NuGet as this machine does, so the
# machine's CA bundle goes in too (it may hold a proxy's CA); run the build with --network host.
if ! exists "$sdk"; then
  log "make $sdk"
  c=$(buildah from --quiet "$runtime")
  buildah copy --quiet "$c" "$dotnet_root" /usr/share/dotnet >/dev/null
  buildah run --isolation chroot "$c" -- ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
  buildah copy --quiet "$c" /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt >/dev/null
  buildah config --env DOTNET_CLI_TELEMETRY_OPTOUT=1 --env DOTNET_NOLOGO=1 --env DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
    --env NUGET_CERT_REVOCATION_MODE=offline "$c"
  buildah commit --quiet --rm "$c" "$sdk" >/dev/null
fi

echo "SDK_IMAGE=$sdk"
echo "RUNTIME_IMAGE=$runtime"
