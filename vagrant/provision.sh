#!/bin/sh
# Provisions one demo VM (run as root by Vagrant's shell provisioner): installs the demo service
# uploaded to /tmp/demo-service.sh as the systemd unit `demo`, and records the peers' addresses
# (the arguments) in /etc/demo-peers for the cross-host check in checks/demo.yaml.
set -eu

export DEBIAN_FRONTEND=noninteractive
# python3 runs the service; curl is what smoker's http module uses to reach it.
if ! command -v python3 >/dev/null || ! command -v curl >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq python3 curl
fi

install -m 0755 /tmp/demo-service.sh /usr/local/bin/demo-service
printf '%s\n' "$@" >/etc/demo-peers

cat >/etc/systemd/system/demo.service <<'UNIT'
[Unit]
Description=smoker demo service (HTTP on port 8000)
After=network-online.target
Wants=network-online.target

[Service]
Type=forking
Environment=DEMO_DIR=/var/lib/demo DEMO_PORT=8000
PIDFile=/var/lib/demo/demo.pid
ExecStart=/usr/local/bin/demo-service start
ExecStop=/usr/local/bin/demo-service stop
Restart=on-failure
# An emulated (TCG) VM on a busy machine can take minutes to start python: systemd's 90s default is too short.
TimeoutStartSec=10min
TimeoutStopSec=2min

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now demo.service
systemctl is-active demo.service
