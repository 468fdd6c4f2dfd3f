#!/usr/bin/env bash
# The system packages the tests (and the coming central server) need: the ONE list, used by `npm test`
# (first step) and by .ci/run (before `npm ci`, as better-sqlite3 may compile). Plain bash, no node_modules.
#
# Each missing package is installed with apt-get on Debian or Ubuntu when run as root (CI, containers);
# anywhere else the script stops with one line naming the command to run. Exit 0 when all are present.
# Only bash builtins are used to check, so it runs where nothing else is installed yet.
set -euo pipefail

# Debian package | how to tell it is there: commands on PATH or files, any one of them (`|`) | Fedora package
# (CHROMIUM_PATH: the browser the e2e tests start, ${CHROMIUM_PATH:-/usr/bin/chromium}, see tests/support/browser.ts)
# python3, make, g++: better-sqlite3 compiles from source when its prebuilt download is unreachable.
# chromium: the e2e tests drive the real pages. fonts-dejavu-extra: the PDF reports' DejaVu Sans Condensed
# (apps/hub/src/pdf); it depends on fonts-dejavu-core, which pages and ticket previews render with.
# espeak-ng, sox: announcements are spoken offline and their WAVs measured.
# poppler-utils: pdftoppm turns the printable PDF reports into PNG pages to check and look at.
# openssl: the HTTPS tests make a self-signed certificate with it (postgresql brings it on Debian, not elsewhere).
# postgresql: the central server's database. systemd: systemd-analyze verifies the hub's service unit (deploy/linux).
PACKAGES='
python3            python3                                                   python3
make               make                                                      make
g++                g++                                                       gcc-c++
chromium           CHROMIUM_PATH                                             chromium
fonts-dejavu-extra /usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf|/usr/share/fonts/dejavu-sans-fonts/DejaVuSansCondensed.ttf  dejavu-sans-fonts
espeak-ng          espeak-ng                                                 espeak-ng
sox                sox                                                       sox
poppler-utils      pdftoppm                                                  poppler-utils
openssl            /usr/bin/openssl|openssl                                  openssl
postgresql         pg_ctlcluster|pg_ctl|postgres|/usr/lib/postgresql/*/bin/postgres  postgresql-server
systemd            /usr/bin/systemd-analyze|/bin/systemd-analyze|systemd-analyze  systemd
'

# True when any alternative is present: a path (glob allowed) that exists, or a command on PATH.
present() {
  local alternative
  local IFS='|'
  for alternative in $1; do
    if [[ $alternative == CHROMIUM_PATH ]]; then
      [[ -x ${CHROMIUM_PATH:-/usr/bin/chromium} ]] && return 0
    elif [[ $alternative == /* ]]; then
      compgen -G "$alternative" >/dev/null && return 0
    else
      command -v "$alternative" >/dev/null 2>&1 && return 0
    fi
  done
  return 1
}

# Prints the missing packages as "debian fedora" pairs, one a line.
missing_packages() {
  local debian check fedora
  while read -r debian check fedora; do
    [[ -z $debian ]] && continue
    present "$check" || echo "$debian $fedora"
  done <<<"$PACKAGES"
}

# "ID ID_LIKE" of /etc/os-release (in a subshell: the file is shell assignments).
os_like() {
  [[ -r /etc/os-release ]] || return 0
  (
    . /etc/os-release
    echo "${ID:-} ${ID_LIKE:-}"
  )
}

main() {
  local missing debian=() fedora=() os sudo=''
  missing=$(missing_packages)
  [[ -z $missing ]] && return 0
  while read -r d f; do
    debian+=("$d")
    fedora+=("$f")
  done <<<"$missing"
  os=" $(os_like) "
  [[ $EUID -ne 0 ]] && sudo='sudo '

  if [[ $os == *' debian '* || $os == *' ubuntu '* ]] && command -v apt-get >/dev/null 2>&1; then
    if [[ -z $sudo ]]; then
      echo "system-deps: installing ${debian[*]}" >&2
      apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${debian[@]}" >&2
      missing=$(missing_packages | while read -r d _; do echo -n "${d}, "; done)
      [[ -z $missing ]] && return 0
      echo "system-deps: still missing after apt-get install: ${missing%, }${CHROMIUM_PATH:+ (CHROMIUM_PATH is $CHROMIUM_PATH)}" >&2
      return 1
    fi
    echo "The tests need system packages that are missing; run: ${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${debian[*]}" >&2
  elif [[ $os == *' fedora '* || $os == *' rhel '* ]] && command -v dnf >/dev/null 2>&1; then
    echo "The tests need system packages that are missing; run: ${sudo}dnf install -y ${fedora[*]}" >&2
  else
    echo "The tests need system packages that are missing (Debian names; no apt-get or dnf here to name the command): ${debian[*]}" >&2
  fi
  return 1
}

main "$@"
