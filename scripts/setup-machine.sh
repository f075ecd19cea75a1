#!/usr/bin/env bash
# Installs and starts the Debian parts the tests use (real peers, not mocks). Needs root and Debian's apt.
# The main command (`npm start`) does not need any of this: it has built-in fallbacks.
set -euo pipefail

# Debian packages: what each is for.
#   libxml2-utils   xmllint: validates every Konnektor SOAP message against the gematik XSDs
#   cups-ipp-utils  ippeveprinter (real IPP printers in the lab) and ipptool (ground truth for the probe)
#   dbus avahi-daemon avahi-utils  ippeveprinter refuses to start without DNS-SD
#   nmap            ground truth for the probe's --scan on loopback
#   poppler-utils   pdftotext/pdftoppm to check generated PDFs
#   postgresql      the server's test suite also runs on a real PostgreSQL
#   iproute2        network namespaces for DNS-SD tests (multicast stays inside them)
#   dovecot-imapd   real IMAP server the mail tests start on a loopback port (packages/mail test-support)
#   chromium        headless browser for the web UI end-to-end test (driven by playwright-core)
PKGS=(libxml2-utils cups-ipp-utils dbus avahi-daemon avahi-utils nmap poppler-utils postgresql iproute2 procps dovecot-imapd chromium)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL at 127.0.0.1:5432, trust auth, database `test`.
if command -v pg_lsclusters >/dev/null; then
  ver=$(ls /etc/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  fi
  hba=/etc/postgresql/$ver/main/pg_hba.conf
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$ver" main reload || true
  fi
  for i in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test' >/dev/null
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='root'" | grep -q 1 ||
    psql -h 127.0.0.1 -U postgres -c 'CREATE ROLE root SUPERUSER LOGIN' >/dev/null
fi

# D-Bus and Avahi for ippeveprinter. Avahi is limited to the loopback interface so that no mDNS
# packet leaves this machine.
# A socket file alone proves nothing: a killed dbus-daemon leaves it behind, and ippeveprinter then fails with
# "Unable to initialize DNS-SD". So ask the bus itself, and clear stale files before starting a new one.
dbus_alive() {
  dbus-send --system --dest=org.freedesktop.DBus --type=method_call --print-reply / \
    org.freedesktop.DBus.GetId >/dev/null 2>&1
}
mkdir -p /run/dbus
if ! dbus_alive; then
  rm -f /run/dbus/pid /run/dbus/system_bus_socket
  dbus-daemon --system --fork
fi
if command -v avahi-daemon >/dev/null; then
  conf=/etc/avahi/avahi-daemon.conf
  if ! grep -q '^allow-interfaces=lo' "$conf"; then
    sed -i 's/^#\?allow-interfaces=.*/allow-interfaces=lo/' "$conf"
    grep -q '^allow-interfaces=lo' "$conf" || sed -i '/^\[server\]/a allow-interfaces=lo' "$conf"
  fi
  if ! avahi-daemon --check 2>/dev/null || [ ! -S /run/avahi-daemon/socket ]; then
    avahi-daemon --kill 2>/dev/null || true
    rm -f /run/avahi-daemon/pid /run/avahi-daemon/socket
    avahi-daemon --daemonize --no-drop-root || echo "setup: avahi-daemon did not start (ippeveprinter runs without it)"
  fi
fi
for i in $(seq 1 50); do dbus_alive && break; sleep 0.1; done
dbus_alive || { echo "setup: D-Bus is not answering; ippeveprinter will not start" >&2; exit 1; }
echo "setup: machine ready"
