#!/usr/bin/env bash
# Refresh the translation sources from the UI's code and compile them:
#   scripts/translations.sh          lupdate (new texts appear unfinished) + lrelease
# Then translate the unfinished entries of resources/translations/spt_desktop_en.ts
# (pyside6-linguist, or by hand) and run it again. Dutch is the source language: its
# .ts keeps the texts, its .qm is (rightly) empty. tests/ui/test_error_messages.py checks
# that every error text has its English translation compiled into the .qm.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files 'spt_desktop/ui/*.py')
for lang in nl en; do
    .venv/bin/pyside6-lupdate "${sources[@]}" -ts "resources/translations/spt_desktop_${lang}.ts"
    .venv/bin/pyside6-lrelease "resources/translations/spt_desktop_${lang}.ts" \
        -qm "resources/translations/spt_desktop_${lang}.qm"
done
# Dutch for the texts of Qt's own dialogs that qtbase_nl.qm leaves in English (hand-written).
.venv/bin/pyside6-lrelease resources/translations/qt_extra_nl.ts -qm resources/translations/qt_extra_nl.qm
