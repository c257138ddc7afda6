#!/usr/bin/env bash
# Builds the Linux one-folder bundle of SPT Desktop and runs its self-test offscreen.
#
#   installers/build-linux.sh            # -> dist/spt-desktop/ (+ its --selftest output)
#   installers/build-linux.sh --tarball  # also dist/spt-desktop-<version>-linux-x86_64.tar.gz
#
# Needs the project's virtualenv (scripts/bootstrap.sh); installs PyInstaller into it when
# missing. Prints the build time and the bundle size; exits non-zero when the build or the
# bundled self-test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PY="$ROOT/.venv/bin/python"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
BUNDLE="$DIST/spt-desktop"
PYINSTALLER_SPEC="${PYINSTALLER_SPEC:-pyinstaller>=6.10,<7}"

if [ ! -x "$PY" ]; then
    echo "Geen .venv gevonden: draai eerst scripts/bootstrap.sh." >&2
    exit 1
fi
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    echo "PyInstaller installeren in .venv ..."
    "$PY" -m pip install --quiet "$PYINSTALLER_SPEC"
fi

started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" installers/spt_desktop.spec
built=$(date +%s)

echo "Bundel: $BUNDLE"
echo "Bouwtijd: $(( built - started )) s"
echo "Grootte: $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes, $(find "$BUNDLE" -type f | wc -l) bestanden)"

# The frozen app's own self-test, offscreen: no display is needed on a build machine.
echo "Zelftest van de bundel:"
QT_QPA_PLATFORM=offscreen "$BUNDLE/spt-desktop" --selftest

if [ "${1:-}" = "--tarball" ]; then
    installers/linux/build-tarball.sh
fi
