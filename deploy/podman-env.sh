# Sourced by the deploy scripts: podman and buildah as root on a machine without a Docker engine,
# with their storage in a cache folder that later runs reuse (base images are made once).
# QA_DEPLOY_CACHE overrides the folder.
QA_DEPLOY_CACHE=${QA_DEPLOY_CACHE:-/var/cache/quotearchive-deploy}
mkdir -p "$QA_DEPLOY_CACHE"

# vfs works on any file system (no overlay or fuse needed); runc and cgroupfs need no systemd.
cat > "$QA_DEPLOY_CACHE/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
cat > "$QA_DEPLOY_CACHE/storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "$QA_DEPLOY_CACHE/storage"
runroot = "/run/$(basename "$QA_DEPLOY_CACHE")"
CONF
export CONTAINERS_CONF="$QA_DEPLOY_CACHE/containers.conf"
export CONTAINERS_STORAGE_CONF="$QA_DEPLOY_CACHE/storage.conf"
