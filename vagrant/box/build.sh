#!/usr/bin/env bash
# Builds the Vagrant box the demo VMs boot (libvirt provider, qcow2) from the Debian mirror alone, for
# machines without Vagrant Cloud:  sudo vagrant/box/build.sh OUTDIR
#
# OUTDIR gets smoker-bookworm64.box (metadata.json + box.img), and the image's kernel and initramfs
# (vmlinuz, initrd.img: ci/vagrant-smoke boots them once to see whether KVM works here).
# Add it with `vagrant box add --name smoker/bookworm64 OUTDIR/smoker-bookworm64.box` and bring the VMs
# up with SMOKER_VAGRANT_BOX=smoker/bookworm64 (see vagrant/README.md).
#
# Needs root and: debootstrap extlinux syslinux-common qemu-utils e2fsprogs fdisk util-linux.
# Settings (environment): DEBIAN_MIRROR (default http://deb.debian.org/debian), BOX_SUITE (bookworm).
set -euo pipefail

out=${1:?usage: build.sh OUTDIR}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${BOX_SUITE:-bookworm}
size_gib=4
# Everything a demo VM needs, so provisioning never reaches the network: sshd and sudo for Vagrant,
# ifupdown + dhclient for Vagrant's Debian guest network setup, python3 and curl for the demo service.
packages=openssh-server,systemd-sysv,linux-image-amd64,ifupdown,isc-dhcp-client,sudo,python3,iproute2,curl,procps,dbus,ca-certificates,netbase

here=$(cd "$(dirname "$0")" && pwd)
pubkey=${VAGRANT_INSECURE_PUBKEY:-$(ls /usr/share/rubygems-integration/all/gems/vagrant-*/keys/vagrant.pub /opt/vagrant/embedded/gems/gems/vagrant-*/keys/vagrant.pub 2>/dev/null | head -n 1 || true)}
[ "$(id -u)" = 0 ] || { echo "build.sh: must run as root (debootstrap, loop devices, mount)" >&2; exit 2; }
[ -n "$pubkey" ] && [ -r "$pubkey" ] || { echo "build.sh: Vagrant's insecure public key not found; set VAGRANT_INSECURE_PUBKEY" >&2; exit 2; }
for tool in debootstrap extlinux qemu-img sfdisk mkfs.ext4 losetup; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing" >&2; exit 2; }
done
mbr=/usr/lib/syslinux/mbr/mbr.bin
[ -r "$mbr" ] || { echo "build.sh: $mbr missing (syslinux-common)" >&2; exit 2; }

work=$(mktemp -d /var/tmp/smoker-box.XXXXXX)
root=$work/root
loop=
cleanup() {
  set +e
  for m in dev/pts dev proc sys ""; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  [ -n "$loop" ] && losetup -d "$loop"
  rm -rf "$work"
}
trap cleanup EXIT

echo "== raw disk: ${size_gib} GiB, one bootable ext4 partition from 1 MiB"
disk=$work/disk.raw
truncate -s "${size_gib}G" "$disk"
printf 'label: dos\nstart=2048, type=83, bootable\n' | sfdisk -q "$disk"
# Attach the partition by offset: losetup -P makes no partition devices in some containers.
loop=$(losetup --find --show --offset $((2048 * 512)) --sizelimit $(((size_gib * 1024 - 1) * 1024 * 1024)) "$disk")
# No 64bit feature: extlinux reads ext4 without it.
mkfs.ext4 -q -L root -O ^64bit "$loop"
uuid=$(blkid -s UUID -o value "$loop")
mkdir -p "$root"
mount "$loop" "$root"

echo "== debootstrap $suite (minbase) from $mirror"
debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
  { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

echo "== configure: fstab, network, vagrant user, sshd, initramfs"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"

echo "UUID=$uuid / ext4 errors=remount-ro 0 1" >"$root/etc/fstab"
echo smoker-box >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 smoker-box\n' >"$root/etc/hosts"
printf 'deb %s %s main\n' "$mirror" "$suite" >"$root/etc/apt/sources.list"
cat >"$root/etc/network/interfaces" <<'EOF'
auto lo
iface lo inet loopback

allow-hotplug eth0
iface eth0 inet dhcp

source /etc/network/interfaces.d/*
EOF
# Each VM gets its own host keys at first boot, not the image's.
rm -f "$root"/etc/ssh/ssh_host_*
mkdir -p "$root/etc/systemd/system/ssh.service.d"
printf '[Service]\nExecStartPre=\nExecStartPre=/usr/bin/ssh-keygen -A\nExecStartPre=/usr/sbin/sshd -t\n' \
  >"$root/etc/systemd/system/ssh.service.d/host-keys.conf"
printf 'UseDNS no\n' >"$root/etc/ssh/sshd_config.d/vagrant.conf"

chroot "$root" useradd -m -s /bin/bash vagrant
echo 'vagrant:vagrant' | chroot "$root" chpasswd
install -d -m 0700 -o 1000 -g 1000 "$root/home/vagrant/.ssh"
install -m 0600 -o 1000 -g 1000 "$pubkey" "$root/home/vagrant/.ssh/authorized_keys"
echo 'vagrant ALL=(ALL) NOPASSWD:ALL' >"$root/etc/sudoers.d/vagrant"
chmod 0440 "$root/etc/sudoers.d/vagrant"

# A small initramfs: only the drivers a VM's disk needs (36 MB -> about 7 MB).
sed -i 's/^MODULES=.*/MODULES=list/' "$root/etc/initramfs-tools/initramfs.conf"
printf '%s\n' virtio_pci virtio_blk virtio_scsi virtio_net scsi_mod sd_mod ahci ata_piix ext4 crc32c_generic \
  >>"$root/etc/initramfs-tools/modules"
chroot "$root" update-initramfs -u -k all >/dev/null

echo "== bootloader: extlinux"
kernel=$(cd "$root/boot" && ls vmlinuz-* | sort -V | tail -n 1)
initrd=initrd.img-${kernel#vmlinuz-}
mkdir -p "$root/boot/extlinux"
cat >"$root/boot/extlinux/extlinux.conf" <<EOF
DEFAULT linux
TIMEOUT 1
PROMPT 0
LABEL linux
  LINUX /boot/$kernel
  INITRD /boot/$initrd
  APPEND root=UUID=$uuid ro net.ifnames=0 biosdevname=0 console=tty0 console=ttyS0,115200n8
EOF
extlinux --install "$root/boot/extlinux" >/dev/null
dd if="$mbr" of="$disk" bs=440 count=1 conv=notrunc status=none
cp "$root/boot/$kernel" "$work/vmlinuz"
cp "$root/boot/$initrd" "$work/initrd.img"

chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/log/*.log "$root/etc/machine-id"
touch "$root/etc/machine-id"
for m in dev/pts dev proc sys; do umount "$root/$m"; done
fstrim "$root" 2>/dev/null || true
umount "$root"
losetup -d "$loop"
loop=

echo "== qcow2 (compressed) and box"
qemu-img convert -c -O qcow2 "$disk" "$work/box.img"
rm -f "$disk"
printf '{"provider":"libvirt","format":"qcow2","virtual_size":%d}\n' "$size_gib" >"$work/metadata.json"
cp "$here/box-Vagrantfile" "$work/Vagrantfile"
mkdir -p "$out"
tar -C "$work" -cf "$out/smoker-bookworm64.box.tmp" metadata.json Vagrantfile box.img
mv "$out/smoker-bookworm64.box.tmp" "$out/smoker-bookworm64.box"
mv "$work/vmlinuz" "$work/initrd.img" "$out/"
echo "== done: $out/smoker-bookworm64.box ($(du -h "$out/smoker-bookworm64.box" | cut -f1))"
