<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Dutch for the few texts of Qt's own dialogs that Qt's qtbase_nl.qm leaves in English.
     Loaded after qtbase_nl (spt_desktop/app.py); checked by tests/ui/test_qt_dutch.py.
     Compiled by scripts/translations.sh. -->
<TS version="2.1" language="nl_NL">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
</TS>
