#!/usr/bin/env bash
# Publishes the web app as the Dockerfile does: self-contained (.NET inside), the app, its packages and the framework
# precompiled together as one composite ReadyToRun image; start it as the image does, `<folder>/QuoteArchive.Web`.
# Benchmarks measure this build, not a framework-dependent one that compiles its code at start.
#   bench/publish-web.sh <output folder>
# Published from a copy of the sources without bin/ and obj/: a checkout's earlier Release build once left the
# ReadyToRun publish with uncompiled package assemblies, and the app then aborted at start.
set -euo pipefail

[[ $# == 1 ]] || { echo "usage: bench/publish-web.sh <output folder>" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
sources=$(mktemp -d /tmp/quotearchive-publish.XXXXXX)
trap 'rm -rf "$sources"' EXIT
tar -C "$repo" --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props src | tar -C "$sources" -xf -
dotnet publish "$sources/src/QuoteArchive.Web/QuoteArchive.Web.csproj" -c Release -r linux-x64 --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$1" --nologo -v quiet >/dev/null
