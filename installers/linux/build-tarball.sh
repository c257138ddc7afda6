#!/usr/bin/env bash
# Packs the one-folder Linux build (dist/spt-desktop, made by installers/build-linux.sh)
# into dist/spt-desktop-<version>-linux-<arch>.tar.gz, with the .desktop file, the icons
# and a per-user install script:
#
#   tar xzf spt-desktop-0.1.0-linux-x86_64.tar.gz
#   spt-desktop-0.1.0/install.sh           # -> ~/.local/opt/spt-desktop, menu entry, icon
#   spt-desktop-0.1.0/install.sh --remove  # removes the app; the vault stays
#
# The target needs the glibc the bundle's binaries ask for (measured here from their
# symbol versions, written into the tarball as GLIBC_FLOOR and checked by install.sh: built
# on Debian 12 that is 2.36) and the usual X11/Wayland libraries of a desktop
# (libxcb-cursor0 and friends; see docs/installers.md). A SHA256SUMS file goes beside it.
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

# The newest glibc symbol version any binary of the bundle needs: the real floor.
FLOOR=$(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
    | grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -1 | sed 's/GLIBC_//')
[ -n "$FLOOR" ] || { echo "Kon de glibc-eis van de bundel niet bepalen." >&2; exit 1; }
echo "$FLOOR" > "$STAGE/$NAME/GLIBC_FLOOR"

cat > "$STAGE/$NAME/install.sh" <<'INSTALL'
#!/usr/bin/env sh
# Per-user install of SPT Desktop: no root needed. The vault (in ~/.local/share/spt-desktop)
# is never touched, also not by --remove, and --remove leaves nothing else behind: the
# folders this install made (listed in its manifest) go when they are empty again.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/spt-desktop"
BIN="$HOME/.local/bin"
MANIFEST="$OPT/.installed-folders"
if [ "${1:-}" = "--remove" ]; then
    made=$(cat "$MANIFEST" 2>/dev/null || true)
    rm -rf "$OPT" "$BIN/spt-desktop" "$PREFIX/applications/spt-desktop.desktop"
    find "$PREFIX/icons/hicolor" -name 'spt-desktop.*' -delete 2>/dev/null || true
    # Folders this install made, deepest first: the caches the desktop tools wrote into
    # them go too, then the folder when nothing else is in it.
    printf '%s\n' "$made" | sort -r | while IFS= read -r dir; do
        [ -n "$dir" ] && [ -d "$dir" ] || continue
        rm -f "$dir/mimeinfo.cache" "$dir/icon-theme.cache"
        rmdir "$dir" 2>/dev/null || true
    done
    command -v update-desktop-database >/dev/null && [ -d "$PREFIX/applications" ] \
        && update-desktop-database -q "$PREFIX/applications" || true
    echo "SPT Desktop is verwijderd; uw kluis is bewaard."
    exit 0
fi
need=$(cat "$HERE/GLIBC_FLOOR")
have=$(getconf GNU_LIBC_VERSION 2>/dev/null | sed 's/glibc //')
if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$need" "$have" | sort -t. -k1,1n -k2,2n | head -1)" != "$need" ]; then
    echo "Deze versie van SPT Desktop vraagt glibc $need of nieuwer; deze computer heeft $have." >&2
    echo "Vraag uw beheerder om een nieuwere Linux-versie of een build voor deze versie." >&2
    exit 1
fi
# Every folder this install will make, so --remove can take them away again.
made=""
for dir in "$HOME/.local" "$HOME/.local/opt" "$OPT" "$BIN" "$PREFIX" "$PREFIX/applications" \
    "$PREFIX/icons" "$PREFIX/icons/hicolor"; do
    [ -d "$dir" ] || made="$made$dir
"
done
for icon in "$HERE"/share/icons/hicolor/*; do
    size="$PREFIX/icons/hicolor/$(basename "$icon")"
    [ -d "$size" ] || made="$made$size
$size/apps
"
    [ -d "$size/apps" ] || made="$made$size/apps
"
done
rm -rf "$OPT"
mkdir -p "$OPT" "$BIN" "$PREFIX/applications"
cp -a "$HERE/app/." "$OPT/"
printf '%s' "$made" | sort -u > "$MANIFEST"
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
(cd "$(dirname "$OUT")" && sha256sum "$(basename "$OUT")" > "$(basename "$OUT").sha256")
echo "Tarball: $OUT ($(du -h "$OUT" | cut -f1)), needs glibc >= $FLOOR; checksum in $OUT.sha256"
