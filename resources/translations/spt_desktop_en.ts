<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>CandidateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="49"/>
        <source>Nieuwe kandidaat inschrijven</source>
        <translation>Register a new candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="52"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation>Do not record a BSN: the SPT has no legal basis for it.</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="80"/>
        <source>Zoek op naam, gemeente, vaardigheden, notities…  (Ctrl+F)</source>
        <translation>Search by name, municipality, skills, notes…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="83"/>
        <source>Alle fasen</source>
        <translation>All phases</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="84"/>
        <source>Alle persona&apos;s</source>
        <translation>All personas</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="85"/>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="88"/>
        <source>Elke rol</source>
        <translation>Any role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="91"/>
        <source>Alleen mijn kandidaten</source>
        <translation>Only my candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="93"/>
        <source>Nieuwe kandidaat…</source>
        <translation>New candidate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="113"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="184"/>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="225"/>
        <source>{0} kandidaten</source>
        <translation>{0} candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="227"/>
        <source>1 kandidaat</source>
        <translation>1 candidate</translation>
    </message>
</context>
<context>
    <name>ConflictenPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="26"/>
        <source>niet afgeleverd: dossier niet meer van u</source>
        <translation>not delivered: no longer your dossier</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="27"/>
        <source>geweigerd door de server</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="28"/>
        <source>elders verwijderd</source>
        <translation>deleted elsewhere</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="65"/>
        <source>Mijn versie houden</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="66"/>
        <source>Versie van de server houden</source>
        <translation>Keep the server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="74"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="88"/>
        <source>{0} velden zijn hier én op de server gewijzigd. Kies per veld welke versie blijft; beide waarden staan hieronder.</source>
        <translation>{0} fields were changed both here and on the server. Choose for each field which version stays; both values are shown below.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="95"/>
        <source>Geen conflicten: alles is in overeenstemming met de server.</source>
        <translation>No conflicts: everything agrees with the server.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="59"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="123"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="124"/>
        <source>Wat u hebt ingevuld is nog niet opgeslagen. Weggooien?</source>
        <translation>What you entered has not been saved yet. Discard it?</translation>
    </message>
</context>
<context>
    <name>FigureTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="122"/>
        <source>Opslaan als CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="47"/>
        <source>Welkom bij SPT Desktop</source>
        <translation>Welcome to SPT Desktop</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="65"/>
        <source>Uw gegevens staan versleuteld in een kluis op deze laptop. Kies een wachtwoordzin: een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation>Your data is kept encrypted in a vault on this laptop. Choose a passphrase: a few loose words are strong and easy to remember.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="95"/>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="96"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="211"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="97"/>
        <source>Servicepunt</source>
        <translation>Service point</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="98"/>
        <source>Uw rollen</source>
        <translation>Your roles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="99"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="147"/>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="102"/>
        <source>Herhaal</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="109"/>
        <source>Kluis maken</source>
        <translation>Create vault</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="122"/>
        <source>Nog niets ingevuld.</source>
        <translation>Nothing entered yet.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="127"/>
        <source>De twee wachtwoordzinnen zijn niet gelijk.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="145"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="146"/>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="165"/>
        <source>Dit is uw herstelsleutel. Bent u uw wachtwoordzin kwijt, dan opent alleen deze sleutel de kluis nog. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem op een veilige plek, niet op deze laptop.</source>
        <translation>This is your recovery key. If you lose your passphrase, only this key still opens the vault. It is shown only once: print it or copy it and keep it in a safe place, not on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="175"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="179"/>
        <source>Ik heb de herstelsleutel veilig bewaard</source>
        <translation>I have stored the recovery key safely</translation>
    </message>
    <message>
        <source>De SPT-server koppelen kan nu of later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation type="vanished">You can link the SPT server now or later in Settings; without it you simply work on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="183"/>
        <source>Beginnen</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="192"/>
        <source>Nu koppelen met de SPT-server</source>
        <translation>Link to the SPT server now</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="198"/>
        <source>Kan ook later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation>You can also do this later in Settings; without a link you simply work on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="210"/>
        <source>Serveradres</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="212"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="240"/>
        <source>SPT Desktop — herstelsleutel</source>
        <translation>SPT Desktop — recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="244"/>
        <source>Bewaar dit blad op een veilige plek.</source>
        <translation>Keep this sheet in a safe place.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="40"/>
        <source>Warme overdracht — {0}</source>
        <translation>Warm handover — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="44"/>
        <source>De collega accepteert de overdracht op haar eigen apparaat; tot dan blijft u de coach.</source>
        <translation>Your colleague accepts the handover on her own device; until then you remain the coach.</translation>
    </message>
</context>
<context>
    <name>InstellingenPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="40"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="48"/>
        <source>SPT-server</source>
        <translation>SPT server</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="56"/>
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="60"/>
        <source>Serveradres</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="61"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="62"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="67"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="71"/>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="79"/>
        <source>Automatisch vergrendelen na</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="80"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="83"/>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="92"/>
        <source>Wachtwoordzin wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="94"/>
        <source>Huidige</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="95"/>
        <source>Nieuwe</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="96"/>
        <source>Nieuwe (herhaal)</source>
        <translation>New (repeat)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="115"/>
        <source>Gekoppeld aan {0}.</source>
        <translation>Linked to {0}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="119"/>
        <source>Niet gekoppeld: u werkt alleen op deze laptop. Koppelen kan altijd later.</source>
        <translation>Not linked: you work on this laptop only. You can link at any time.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="154"/>
        <source>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</source>
        <translation>The two new passphrases are not the same.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="169"/>
        <source>Wachtwoordzin gewijzigd.</source>
        <translation>Passphrase changed.</translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="428"/>
        <source>Reden (verplicht)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="430"/>
        <source>Fase wijzigen</source>
        <translation>Change phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="436"/>
        <source>Naar fase</source>
        <translation>To phase</translation>
    </message>
</context>
<context>
    <name>KandidaatPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="51"/>
        <source>← Caseload</source>
        <translation>← Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="53"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="62"/>
        <source>Bezoek vastleggen…</source>
        <translation>Log a visit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="55"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="63"/>
        <source>Overdragen…</source>
        <translation>Hand over…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="82"/>
        <source>Profiel en intake</source>
        <translation>Profile and intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="72"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="83"/>
        <source>Plan van aanpak</source>
        <translation>Plan of approach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="65"/>
        <source>PDF opgeslagen.</source>
        <translation>PDF saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="68"/>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="71"/>
        <source>Dossiersamenvatting</source>
        <translation>Dossier summary</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="75"/>
        <source>Bezoekverslag</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="78"/>
        <source>Bezoekverslag (geselecteerd bezoek)</source>
        <translation>Visit report (selected visit)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="84"/>
        <source>Kandidaatreis</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="85"/>
        <source>Activiteiten en scholing</source>
        <translation>Activities and training</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="86"/>
        <source>Matches en plaatsing</source>
        <translation>Matches and placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="87"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="88"/>
        <source>Overdrachten</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="89"/>
        <source>Historie</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="114"/>
        <source>Dossier laden…</source>
        <translation>Loading dossier…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="165"/>
        <source>Afdrukvoorbeeld…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="166"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="167"/>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="206"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation>Choose a visit in the list first.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="97"/>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="102"/>
        <source>Automatisch vergrendeld na een tijd zonder activiteit.</source>
        <translation>Locked automatically after a period without activity.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="131"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="133"/>
        <source>Nieuwe kandidaat…</source>
        <translation>New candidate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="135"/>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="137"/>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="138"/>
        <source>&amp;Ga naar</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="140"/>
        <source>Zoeken in caseload</source>
        <translation>Search the caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="152"/>
        <source>&amp;Acties</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="154"/>
        <source>Bezoek vastleggen…</source>
        <translation>Log a visit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="156"/>
        <source>Nu synchroniseren</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="252"/>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="275"/>
        <location filename="../../spt_desktop/ui/window.py" line="286"/>
        <source>Vergrendeld omdat de laptop in slaapstand ging.</source>
        <translation>Locked because the laptop went to sleep.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="288"/>
        <source>Vergrendeld omdat de computer werd vergrendeld.</source>
        <translation>Locked because the computer was locked.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="314"/>
        <source>Deze kluis is niet gekoppeld aan de SPT-server. Koppel bij Instellingen; tot dan blijft alles op deze laptop.</source>
        <translation>This vault is not linked to the SPT server. Link it in Settings; until then everything stays on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="319"/>
        <source>Synchroniseren…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="332"/>
        <source>{0} wijzigingen botsten met die van een collega. Kies bij Conflicten welke versie blijft.</source>
        <translation>{0} changes clashed with a colleague&apos;s. Choose in Conflicts which version stays.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="342"/>
        <source>Offline — uw werk is veilig op deze laptop; we proberen het straks opnieuw.</source>
        <translation>Offline — your work is safe on this laptop; we will try again shortly.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="347"/>
        <source>Niet aangemeld</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="350"/>
        <source>De server herkent uw aanmelding niet meer. Meld opnieuw aan bij Instellingen; uw werk blijft bewaard.</source>
        <translation>The server no longer recognises your sign-in. Sign in again in Settings; your work is kept.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="354"/>
        <source>Synchroniseren mislukt</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="370"/>
        <source>{0} wijzigingen nog niet gesynchroniseerd</source>
        <translation>{0} changes not yet synced</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="372"/>
        <source>niets te versturen</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="374"/>
        <source>Alleen op deze laptop (niet gekoppeld)</source>
        <translation>On this laptop only (not linked)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="376"/>
        <source>Nog niet gesynchroniseerd</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="378"/>
        <source>Laatst gesynchroniseerd om {0}</source>
        <translation>Last synced at {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="380"/>
        <source>  ·  {0} conflicten</source>
        <translation>  ·  {0} conflicts</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="48"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="45"/>
        <source>Geen indeling</source>
        <translation>No split</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="46"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="47"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="48"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="49"/>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="53"/>
        <source>Fasen</source>
        <translation>Phases</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="54"/>
        <source>Stromen</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="55"/>
        <source>Uitval</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="56"/>
        <source>Verblijfsduur</source>
        <translation>Time in phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="57"/>
        <source>Duurzame plaatsing</source>
        <translation>Lasting placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="196"/>
        <source>Aantallen onder 5 afschermen</source>
        <translation>Shield counts under 5</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="199"/>
        <source>Toont aantallen van 1 tot 4 als &lt;5, zoals in de monitor van het hele SPT.</source>
        <translation>Shows counts from 1 to 4 as &lt;5, as the monitor of the whole SPT does.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="211"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="213"/>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="216"/>
        <source>Indeling</source>
        <translation>Split by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="223"/>
        <source>Monitor: de lekkende pijplijn</source>
        <translation>Monitor: the leaky pipeline</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="242"/>
        <source>Aanbodkrant opgeslagen.</source>
        <translation>Candidate showcase saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="243"/>
        <source>Aanbodkrant</source>
        <translation>Candidate showcase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="250"/>
        <source>Afdrukvoorbeeld…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="251"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="252"/>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="273"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="275"/>
        <source>Cijfers berekenen…</source>
        <translation>Computing figures…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="312"/>
        <source> Aantallen onder 5 zijn afgeschermd.</source>
        <translation> Counts under 5 are shielded.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="314"/>
        <source>Periode {0} t/m {1}.</source>
        <translation>Period {0} to {1}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="340"/>
        <source>Tabel opslaan als CSV</source>
        <translation>Save table as CSV</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="345"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation>Table saved as CSV.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Doel / actie</source>
        <translation>Goal / action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="283"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="278"/>
        <source>Nieuw doel…</source>
        <translation>New goal…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="281"/>
        <source>Nieuwe actie bij het gekozen doel…</source>
        <translation>New action for the selected goal…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="287"/>
        <source>Doel toevoegen</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="289"/>
        <source>Actie toevoegen</source>
        <translation>Add action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="291"/>
        <source>Actie gedaan</source>
        <translation>Action done</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="293"/>
        <source>Plan afspreken</source>
        <translation>Agree plan</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="324"/>
        <source>Nog geen plan van aanpak. Voeg een eerste doel toe.</source>
        <translation>No plan of approach yet. Add a first goal.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="329"/>
        <source>Versie {0} — {1}{2}</source>
        <translation>Version {0} — {1}{2}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="379"/>
        <source>Kies eerst een doel (of voeg er een toe).</source>
        <translation>Choose a goal first (or add one).</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="385"/>
        <source>Uiterlijk: geen geldige datum (dd-mm-jjjj)</source>
        <translation>Due: not a valid date (dd-mm-yyyy)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="138"/>
        <source>Afdrukvoorbeeld: {0}</source>
        <translation>Print preview: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="170"/>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="148"/>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="153"/>
        <source>Profiel opslaan</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="158"/>
        <source>Toestemming (AVG)</source>
        <translation>Consent (GDPR)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="171"/>
        <source>Intakegesprek</source>
        <translation>Intake conversation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="177"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="209"/>
        <source>Intake opslaan</source>
        <translation>Save intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="202"/>
        <source>Laatst vastgelegd op {0}</source>
        <translation>Last recorded on {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="206"/>
        <source>Intake bijwerken</source>
        <translation>Update intake</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="35"/>
        <source>SPT Desktop</source>
        <translation>SPT Desktop</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="37"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="111"/>
        <source>Uw kluis is vergrendeld. Voer uw wachtwoordzin in.</source>
        <translation>Your vault is locked. Enter your passphrase.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="43"/>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="54"/>
        <source>Laat leeg om de oude te houden</source>
        <translation>Leave empty to keep the old one</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="56"/>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="57"/>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="68"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="121"/>
        <source>Herstelsleutel gebruiken</source>
        <translation>Use recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="71"/>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="81"/>
        <source>Demokluis met verzonnen gegevens. Wachtwoordzin: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Demo vault with made-up data. Passphrase: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="119"/>
        <source>Wachtwoordzin gebruiken</source>
        <translation>Use passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="132"/>
        <source>Voer uw herstelsleutel in.</source>
        <translation>Enter your recovery key.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="137"/>
        <source>Voer uw wachtwoordzin in.</source>
        <translation>Enter your passphrase.</translation>
    </message>
</context>
<context>
    <name>VandaagPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="25"/>
        <source>Vervolgafspraken</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="26"/>
        <source>Behoudmomenten na plaatsing</source>
        <translation>Retention checkpoints after placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="27"/>
        <source>Overdrachten die op u wachten</source>
        <translation>Handovers waiting for you</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="28"/>
        <source>Vervolgbezoeken</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="46"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Kandidaat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="58"/>
        <source>Dossier openen</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="60"/>
        <source>Bezoek vastleggen…  (Ctrl+N)</source>
        <translation>Log a visit…  (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="63"/>
        <source>Overdracht accepteren</source>
        <translation>Accept handover</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="96"/>
        <source>Vandaag — {0}</source>
        <translation>Today — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="98"/>
        <source>Niets dat vandaag op u wacht.</source>
        <translation>Nothing waiting for you today.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="101"/>
        <source>{0} punten vragen vandaag uw aandacht.</source>
        <translation>{0} items need your attention today.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="47"/>
        <source>Bezoek vastleggen — {0}</source>
        <translation>Log a visit — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="50"/>
        <source>Tab naar het volgende veld, Ctrl+Enter legt vast.</source>
        <translation>Tab to the next field, Ctrl+Enter saves.</translation>
    </message>
</context>
<context>
    <name>WerkgeversPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="42"/>
        <source>Zoek werkgever op naam…</source>
        <translation>Search employer by name…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="57"/>
        <source>&lt;b&gt;Contactpersonen&lt;/b&gt;</source>
        <translation>&lt;b&gt;Contact persons&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="61"/>
        <source>&lt;b&gt;Vacatures en toekomstige behoefte&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vacancies and future needs&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="76"/>
        <source>Werkgevers</source>
        <translation>Employers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="94"/>
        <source>Geen werkgevers gevonden.</source>
        <translation>No employers found.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="104"/>
        <source>Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader.</source>
        <translation>In-company guidance: {0} workplace trainer(s), {1} middle management.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="25"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="26"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="27"/>
        <source>Werkgevers</source>
        <translation>Employers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="28"/>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="29"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="30"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../spt_desktop/app.py" line="134"/>
        <source>Demokluis wordt aangemaakt…</source>
        <translation>Creating the demo vault…</translation>
    </message>
</context>
</TS>
