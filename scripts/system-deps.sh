#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages SPT Desktop needs, only when some are missing.
#   scripts/system-deps.sh app    Qt runtime + what a real X11/Wayland window needs
#   scripts/system-deps.sh test   Qt runtime (offscreen) + PostgreSQL for the server tests,
#                                 desktop-file-validate for tests/installers
#   scripts/system-deps.sh bundle what installers/build-linux.sh needs: strip (binutils), the
#                                 Qt runtime for the offscreen self-test, and the X11 libraries
#                                 PyInstaller then copies into the bundle (libxcb-cursor0 & co.,
#                                 which many desktops lack); Xvfb to start the bundle on X11
set -euo pipefail
what="${1:-test}"
qt_runtime="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
qt_window="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1"
case "$what" in
    app) wanted="$qt_runtime $qt_window" ;;
    test) wanted="$qt_runtime postgresql poppler-utils desktop-file-utils dbus-daemon" ;;
    bundle) wanted="$qt_runtime $qt_window binutils xvfb xauth" ;;
    *) echo "usage: $0 app|test|bundle" >&2; exit 2 ;;
esac
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    wanted="$wanted python3-venv"
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian-like system: install the equivalents of: $wanted" >&2
    exit 0
fi
missing=""
for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Missing packages and no sudo: install them as root:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
