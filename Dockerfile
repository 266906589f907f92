# QuoteArchive: the web app with the default archive imported at build time.
#   docker build -t quotearchive .
#   docker run --rm --read-only -p 8080:8080 quotearchive
#   docker run --rm --read-only --tmpfs /data -v ./my-content:/content:ro -p 8080:8080 quotearchive
# Base images are arguments so that the image can be built on other (or local) bases; see docs/self-hosting.md.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# No MSBuild node outliving the build: under buildah's chroot isolation it would stay running on the host.
ENV MSBUILDDISABLENODEREUSE=1

# The platform the app is compiled for: ReadyToRun code is native code (linux-arm64 for an arm64 image).
ARG RUNTIME_ID=linux-x64

# Restore from the project files alone, so that a change to code or content reuses this layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/QuoteArchive.Storage/QuoteArchive.Storage.csproj src/QuoteArchive.Storage/
COPY src/QuoteArchive.Importer/QuoteArchive.Importer.csproj src/QuoteArchive.Importer/
COPY src/QuoteArchive.Web/QuoteArchive.Web.csproj src/QuoteArchive.Web/
RUN dotnet restore src/QuoteArchive.Web/QuoteArchive.Web.csproj -r "$RUNTIME_ID" -p:SelfContained=true -p:PublishReadyToRun=true

# Publish the app with .NET inside it, precompiled as one composite image (ReadyToRun): the app's code, its packages'
# and the framework's are compiled to native code together when the image is built, generic code across them too,
# so almost nothing is compiled at start (bench/startup.sh); the importer for the next step only.
COPY src/ src/
RUN dotnet publish src/QuoteArchive.Web/QuoteArchive.Web.csproj --no-restore -c Release -r "$RUNTIME_ID" --self-contained true \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o /app \
 && dotnet publish src/QuoteArchive.Importer/QuoteArchive.Importer.csproj --no-restore -c Release -p:UseAppHost=false -o /importer

# Import the default content, so the image serves at once; a content file with an error fails the build.
# Topics outside a language-code folder take the default language: --build-arg Archive__DefaultLanguage=fr.
ARG Archive__DefaultLanguage=en
COPY content/ content/
RUN dotnet /importer/QuoteArchive.Importer.dll --language "$Archive__DefaultLanguage" content /archive/archive.db

FROM ${RUNTIME_IMAGE} AS runtime
ARG Archive__DefaultLanguage=en
WORKDIR /app
COPY --from=build /app/ /app/
COPY --from=build /archive/archive.db /app/archive/archive.db

# /data is the only place the app writes, and only when own content is mounted at /content:
# it imports that folder into /data/archive.db at start. Without it, the archive above is served as it is,
# so the container runs with --read-only and needs no volume at all.
# APP_UID (1654, user "app") comes from the official .NET images.
USER root
# The share images (/q/{id}.png) are drawn with the system's fonts, found through fontconfig: Debian's (or Ubuntu's)
# DejaVu and Noto packages, the way any program on the platform gets its fonts.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libfontconfig1 fonts-dejavu-core fonts-noto-core \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir /data && chown "$APP_UID" /data
USER $APP_UID

# Data protection keys live in memory, per process: the site sets no cookies and has no forms to post, so no
# key has to outlive a replica; keep the read-only home folder's warnings about that out of the log.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Archive__ContentPath=/content \
    Archive__DefaultLanguage=$Archive__DefaultLanguage \
    Archive__DatabasePath=/data/archive.db \
    Archive__BundledDatabasePath=/app/archive/archive.db \
    Serilog__MinimumLevel__Override__Microsoft.AspNetCore.DataProtection=Error
EXPOSE 8080

# The app's own binary probes /healthz: no curl or wget in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/app/QuoteArchive.Web", "--health-check", "http://127.0.0.1:8080/healthz"]

# Exec form: the app is PID 1 and receives SIGTERM itself, so the host drains requests and exits 0.
ENTRYPOINT ["/app/QuoteArchive.Web"]
