#!/usr/bin/env bash
# Packs the one-folder Linux build (dist/spt-desktop, made by installers/build-linux.sh)
# into dist/spt-desktop-<version>-linux-<arch>.tar.gz, with the .desktop file, the icons
# and a per-user install script:
#
#   tar xzf spt-desktop-0.1.0-linux-x86_64.tar.gz
#   spt-desktop-0.1.0/install.sh           # -> ~/.local/opt/spt-desktop, menu entry, icon
#   spt-desktop-0.1.0/install.sh --remove  # removes the app; the vault stays
#
# The target needs glibc >= 2.34 (the wheels' manylinux tag) and the usual X11/Wayland
# libraries of a desktop (libxcb-cursor0 and friends; see docs/installers.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUNDLE="dist/spt-desktop"
[ -x "$BUNDLE/spt-desktop" ] || { echo "Eerst installers/build-linux.sh draaien." >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' spt_desktop/__init__.py)
ARCH=$(uname -m)
NAME="spt-desktop-$VERSION"
OUT="dist/$NAME-linux-$ARCH.tar.gz"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

mkdir -p "$STAGE/$NAME/share/icons/hicolor"
cp -a "$BUNDLE" "$STAGE/$NAME/app"
cp installers/linux/spt-desktop.desktop "$STAGE/$NAME/share/"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$STAGE/$NAME/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/spt-desktop-$size.png" \
        "$STAGE/$NAME/share/icons/hicolor/${size}x${size}/apps/spt-desktop.png"
done
mkdir -p "$STAGE/$NAME/share/icons/hicolor/scalable/apps"
cp resources/icons/spt-desktop.svg "$STAGE/$NAME/share/icons/hicolor/scalable/apps/"

cat > "$STAGE/$NAME/install.sh" <<'INSTALL'
#!/usr/bin/env sh
# Per-user install of SPT Desktop: no root needed. The vault (in ~/.local/share/spt-desktop)
# is never touched, also not by --remove.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/spt-desktop"
BIN="$HOME/.local/bin"
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$OPT" "$BIN/spt-desktop" "$PREFIX/applications/spt-desktop.desktop"
    find "$PREFIX/icons/hicolor" -name 'spt-desktop.*' -delete 2>/dev/null || true
    echo "SPT Desktop is verwijderd; uw kluis is bewaard."
    exit 0
fi
rm -rf "$OPT"
mkdir -p "$OPT" "$BIN" "$PREFIX/applications"
cp -a "$HERE/app/." "$OPT/"
ln -sf "$OPT/spt-desktop" "$BIN/spt-desktop"
cp -r "$HERE/share/icons" "$PREFIX/"
sed "s|^Exec=spt-desktop|Exec=$OPT/spt-desktop|; s|^TryExec=spt-desktop|TryExec=$OPT/spt-desktop|" \
    "$HERE/share/spt-desktop.desktop" > "$PREFIX/applications/spt-desktop.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/icons/hicolor" || true
echo "SPT Desktop is geïnstalleerd in $OPT."
"$OPT/spt-desktop" --selftest || echo "Let op: de zelftest meldt een probleem (zie hierboven)."
INSTALL
chmod +x "$STAGE/$NAME/install.sh"

# Reproducible-ish: fixed owner and sorted names, so two builds of one tree differ less.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$STAGE" -czf "$OUT" "$NAME"
echo "Tarball: $OUT ($(du -h "$OUT" | cut -f1))"
