#!/usr/bin/env bash
# Proves scripts/system-deps.sh on a fresh Debian: a debootstrap (minbase) root, as a container starts.
# Root, network to a Debian mirror and several minutes are needed, so this is run by hand, not by npm test:
#   sudo bash scripts/system-deps-chroot.sh [/path/to/root]   (debootstraps bookworm there if it is empty)
# It runs the check three times in the chroot: as a user (one line naming the sudo command, nothing
# installed), as root (every package installed with apt-get), and as root again (all present, exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."

root=${1:-/tmp/giliran-system-deps-root}
if [[ ! -x $root/bin/bash ]]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cp scripts/system-deps.sh "$root/system-deps.sh"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# As in Debian's container images: packages do not start services inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mount -t proc proc "$root/proc"
trap 'umount "$root/proc"' EXIT

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

echo "== 1. as user nobody on a fresh Debian"
set +e
in_root setpriv --reuid=65534 --regid=65534 --clear-groups /bin/bash /system-deps.sh
echo "exit $?"
echo "== 2. as root"
in_root /bin/bash /system-deps.sh >"$root/system-deps-install.log" 2>&1
echo "exit $? (apt-get output in $root/system-deps-install.log)"
tail -n 3 "$root/system-deps-install.log"
echo "== 3. as root again"
time in_root /bin/bash /system-deps.sh
echo "exit $?"
