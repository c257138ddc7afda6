#!/usr/bin/env bash
# CI: build the Linux bundle, run its self-test (offscreen, without a display, on Xvfb),
# start the app on Xvfb, install the tarball in a throwaway home, and check what is (not)
# in the bundle.
# Exits non-zero on any failure. Run from a checkout (it installs what it needs):
#
#   installers/ci-bundle-check.sh
#
# Took 3 min 5 s on 2 busy cores (load 6–9; 66 s CPU): PyInstaller ~2 min, the X11 app
# start 20 s, tarball + install.sh ~35 s, the self-tests a few seconds each.
# SPT_BUNDLE_MAX_MB (default 250) is the size budget: it catches WebEngine or another
# heavy dependency sneaking in.
set -euo pipefail
cd "$(dirname "$0")/.."
BUNDLE=dist/spt-desktop
INTERNAL="$BUNDLE/_internal"
MAX_MB="${SPT_BUNDLE_MAX_MB:-250}"
failures=0
fail() { echo "FOUT bundel: $*" >&2; failures=$((failures + 1)); }
ok() { echo "OK  bundel: $*"; }

# Idempotent, and quick when nothing is missing: apt packages (strip, the Qt runtime for the
# offscreen self-test), then the virtualenv (build-linux.sh adds PyInstaller to it).
# The README's build line itself, as a reader on a fresh clone would paste it.
build_line=$(grep -o '`scripts/system-deps.sh bundle[^`]*`' README.md | head -1 | tr -d '`')
[ -n "$build_line" ] || { echo "FOUT: de bouwregel staat niet meer in README.md" >&2; exit 1; }
echo "README: $build_line"
bash -c "$build_line"

# The self-test once more without QT_QPA_PLATFORM or DISPLAY: the path a headless
# support session takes (falls back to offscreen by itself).
env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$BUNDLE/spt-desktop" --selftest >/dev/null \
    && ok "zelftest zonder beeldscherm" || fail "zelftest zonder beeldscherm mislukt"

# On a real X11 server (Xvfb): the self-test on the xcb platform, then the app itself on a
# demo vault in a throwaway home. The app only ends when closed, so it must still be running
# after 20 s (timeout's exit code 124); a crash on start (a module or library missing from
# the bundle) ends it sooner. Skipped where xvfb-run is missing.
if command -v xvfb-run >/dev/null; then
    xvfb=(env -u QT_QPA_PLATFORM -u WAYLAND_DISPLAY xvfb-run -a -s "-screen 0 1280x800x24")
    "${xvfb[@]}" "$BUNDLE/spt-desktop" --selftest >/dev/null 2>&1 \
        && ok "zelftest op X11 (Xvfb)" || fail "zelftest op X11 (Xvfb) mislukt"
    home=$(mktemp -d)
    rc=0
    # timeout's child is xvfb-run itself (env execs it): stopping it stops Xvfb, and the
    # app ends with its display.
    HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config" \
        timeout --kill-after=5 20 "${xvfb[@]}" "$BUNDLE/spt-desktop" --demo \
        >"$home/app.log" 2>&1 || rc=$?
    if [ "$rc" = 124 ] && ! grep -q Traceback "$home/app.log" \
        && [ -f "$home/share/spt-desktop/demo/coach.sptvault" ]; then
        ok "app start op X11 met een demokluis"
    else
        fail "app op X11 stopte met code $rc: $(tail -3 "$home/app.log" | tr '\n' ' ')"
    fi
    rm -rf "$home"
else
    echo "--  bundel: geen xvfb-run, X11-controles overgeslagen"
fi

# The CLI registry imports its command modules by name: all of them must be frozen in,
# so the bundle's --help equals the source tree's.
if diff <(.venv/bin/python -m spt_desktop --help) <("$BUNDLE/spt-desktop" --help) >/dev/null; then
    ok "alle opdrachten van de CLI aanwezig"
else
    fail "--help van de bundel wijkt af van de broncode (ontbrekende opdrachtmodule?)"
fi

# Nothing that must not ship.
webengine=$(find "$BUNDLE" -iname '*webengine*' | head -5)
[ -z "$webengine" ] && ok "geen WebEngine" || fail "WebEngine in de bundel: $webengine"
quick=$(find "$BUNDLE" -name 'libQt6Quick*' -o -name 'libQt6Qml*' | head -5)
[ -z "$quick" ] || fail "QtQuick/QML in de bundel: $quick"
tests=$(find "$BUNDLE" \( -type d \( -name tests -o -name test -o -name testing \
    -o -name _pytest -o -name pytest -o -name hypothesis -o -name pytestqt \) \
    -o -name 'test_*.py' -o -name 'conftest.py' \) | head -5)
[ -z "$tests" ] && ok "geen testbestanden" || fail "testbestanden in de bundel: $tests"
[ ! -e "$INTERNAL/spt_server" ] || fail "spt_server hoort niet in de desktopbundel"
find "$BUNDLE" -name '*.sptvault*' | grep -q . && fail "een kluisbestand in de bundel" || true

# Everything that must ship.
for f in spt_desktop/models/migrations/env.py spt_desktop/models/migrations/script.py.mako \
    spt_desktop/models/migrations/versions/*.py resources/fonts/*.ttf resources/icons/spt-desktop.svg; do
    [ -f "$INTERNAL/$f" ] || fail "ontbreekt: $f"
done
src_qm=$(find resources/translations -name '*.qm' 2>/dev/null | wc -l)
dst_qm=$(find "$INTERNAL/resources/translations" -name '*.qm' 2>/dev/null | wc -l)
[ "$src_qm" = "$dst_qm" ] && ok "vertalingen: $dst_qm .qm-bestand(en)" \
    || fail "vertalingen: $src_qm .qm in resources/, $dst_qm in de bundel"
for plugin in platforms/libqxcb.so platforms/libqwayland.so platforms/libqoffscreen.so \
    imageformats/libqsvg.so iconengines/libqsvgicon.so printsupport/libcupsprintersupport.so; do
    [ -f "$INTERNAL/PySide6/Qt/plugins/$plugin" ] || fail "Qt-plugin ontbreekt: $plugin"
done
# X11 libraries Qt's xcb plugin needs and many desktops lack (scripts/system-deps.sh bundle
# installs them on the build machine so PyInstaller copies them in).
for lib in libxcb-cursor.so.0 libxkbcommon-x11.so.0 libxcb-image.so.0 libxcb-render-util.so.0; do
    [ -e "$INTERNAL/$lib" ] || fail "X11-bibliotheek ontbreekt in de bundel: $lib"
done
find "$INTERNAL" -name 'libpdfium*' | grep -q . && ok "PDFium (afdrukvoorbeeld)" \
    || fail "PDFium ontbreekt: afdrukvoorbeeld en afdrukken werken niet"
dangling=$(find "$BUNDLE" -xtype l | head -5)
[ -z "$dangling" ] || fail "verwijzingen naar niets: $dangling"

# The tarball and its per-user install.sh, in a throwaway home: installs, the installed
# program passes its self-test, the menu entry is valid, and --remove keeps the vault.
tarball=$(ls -t dist/spt-desktop-*-linux-*.tar.gz | head -1)
home=$(mktemp -d)
tar xzf "$tarball" -C "$home"
mkdir -p "$home/share/spt-desktop" && echo x >"$home/share/spt-desktop/coach.sptvault"
if HOME="$home" XDG_DATA_HOME="$home/share" QT_QPA_PLATFORM=offscreen \
    sh "$home"/spt-desktop-*/install.sh >"$home/install.log" 2>&1 \
    && grep -q "zelftest: alles in orde" "$home/install.log" \
    && [ -x "$home/.local/bin/spt-desktop" ] \
    && { ! command -v desktop-file-validate >/dev/null \
        || desktop-file-validate "$home/share/applications/spt-desktop.desktop"; }; then
    ok "tarball: install.sh installeert, zelftest en menu-item in orde ($(du -h "$tarball" | cut -f1))"
else
    fail "tarball: install.sh mislukt: $(tail -3 "$home/install.log" | tr '\n' ' ')"
fi
HOME="$home" XDG_DATA_HOME="$home/share" sh "$home"/spt-desktop-*/install.sh --remove >/dev/null
# Nothing may be left but the vault (and what the test itself put in the home).
leftover=$(find "$home" -mindepth 1 -not -path "$home/spt-desktop-*" -not -name install.log \
    -not -path "$home/share" -not -path "$home/share/spt-desktop" \
    -not -path "$home/share/spt-desktop/coach.sptvault" | head -5)
if [ -f "$home/share/spt-desktop/coach.sptvault" ] && [ -z "$leftover" ]; then
    ok "tarball: install.sh --remove verwijdert alles behalve de kluis"
else
    fail "tarball: install.sh --remove liet achter: ${leftover:-(de kluis is weg)}"
fi
( cd "$(dirname "$tarball")" && sha256sum -c --quiet "$(basename "$tarball").sha256" ) \
    && ok "tarball: SHA256-controlesom klopt; vraagt glibc $(cat "$home"/spt-desktop-*/GLIBC_FLOOR)" \
    || fail "tarball: controlesom ontbreekt of klopt niet"
rm -rf "$home"

size_mb=$(( $(du -sb "$BUNDLE" | cut -f1) / 1024 / 1024 ))
[ "$size_mb" -le "$MAX_MB" ] && ok "grootte $size_mb MB (budget $MAX_MB MB)" \
    || fail "grootte $size_mb MB boven het budget van $MAX_MB MB"

if [ "$failures" -gt 0 ]; then
    echo "Bundelcontrole: $failures fout(en)." >&2
    exit 1
fi
echo "Bundelcontrole: alles in orde."
