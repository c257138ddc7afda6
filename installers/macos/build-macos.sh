#!/usr/bin/env bash
# Builds "SPT Desktop.app" and a .dmg on macOS (run on a Mac; Apple silicon or Intel builds
# for its own architecture).
#
#   installers/macos/build-macos.sh
#   CODESIGN_IDENTITY="Developer ID Application: ..." NOTARY_PROFILE=spt \
#       installers/macos/build-macos.sh          # signed, notarised and stapled
#
# Notarised, both the .app and the .dmg carry their ticket (stapled): the app is notarised
# on its own first (as a zip), stapled, and only then put into the DMG, which is notarised
# and stapled in turn. A coach who copies the app out of the DMG onto a laptop without
# network still gets past Gatekeeper, because the ticket travels inside the app.
#
# CODESIGN_IDENTITY is read by installers/spt_desktop.spec too (PyInstaller signs while it
# builds), so export it for the whole script, as above.
#
# Needs: Xcode command line tools (codesign, hdiutil, xcrun), the project's .venv made with
# a python.org or Homebrew Python 3.11+ (scripts/bootstrap.sh). Output:
# dist/SPT Desktop.app and dist/SPT-Desktop-<version>-macos-<arch>.dmg.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
APP="dist/SPT Desktop.app"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' spt_desktop/__init__.py)
ARCH=$(uname -m)
DMG="dist/SPT-Desktop-$VERSION-macos-$ARCH.dmg"

[ "$(uname -s)" = "Darwin" ] || { echo "Alleen op macOS." >&2; exit 1; }

# Submits one file to Apple's notary service and waits; fails (with Apple's log) unless
# the verdict is Accepted: `notarytool submit --wait` itself can end with exit code 0 on
# an Invalid verdict.
notarize() {
    local file=$1 result id
    result=$(xcrun notarytool submit "$file" --keychain-profile "$NOTARY_PROFILE" --wait \
        --output-format json)
    echo "$result"
    if ! grep -q '"status" *: *"Accepted"' <<<"$result"; then
        id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' <<<"$result" | head -n 1)
        [ -n "$id" ] && xcrun notarytool log "$id" --keychain-profile "$NOTARY_PROFILE" >&2
        echo "Notarisatie van $file niet geaccepteerd." >&2
        exit 1
    fi
}
"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install --quiet "pyinstaller>=6.10,<7"

started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installers/spt_desktop.spec
echo "Bouwtijd: $(( $(date +%s) - started )) s; .app: $(du -sh "$APP" | cut -f1)"

# The bundled self-test on the real platform (cocoa). A CI runner without a window
# server: run the script with QT_QPA_PLATFORM=offscreen.
"$APP/Contents/MacOS/spt-desktop" --selftest

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    # The spec passed CODESIGN_IDENTITY to PyInstaller, which signed every binary and then
    # the .app (hardened runtime, timestamp, installers/macos/entitlements.plist). Check it.
    codesign --verify --deep --strict --verbose=2 "$APP"
    codesign --display --verbose=2 "$APP" 2>&1 | grep -q "flags=.*runtime" \
        || { echo "De app is niet met de hardened runtime ondertekend." >&2; exit 1; }
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        # The app first, so that the copy in the DMG carries its own ticket. notarytool
        # takes a zip, dmg or pkg; ditto keeps the bundle's symlinks and attributes.
        ZIP_DIR=$(mktemp -d)
        ditto -c -k --keepParent "$APP" "$ZIP_DIR/app.zip"
        notarize "$ZIP_DIR/app.zip"
        rm -rf "$ZIP_DIR"
        xcrun stapler staple "$APP"
        xcrun stapler validate "$APP"
        spctl --assess --type execute -vv "$APP"
    fi
fi

# The disk image: the app and a link to /Applications to drag it onto.
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "SPT Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
    if [ -n "${NOTARY_PROFILE:-}" ]; then
        # Profile made once with: xcrun notarytool store-credentials spt --apple-id ...
        notarize "$DMG"
        xcrun stapler staple "$DMG"
        xcrun stapler validate "$DMG"
        spctl --assess --type open --context context:primary-signature -vv "$DMG"
    fi
fi
echo "Schijfkopie: $DMG ($(du -h "$DMG" | cut -f1))"
