<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
<context>
    <name>CandidateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="49"/>
        <source>Nieuwe kandidaat inschrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="52"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="80"/>
        <source>Zoek op naam, gemeente, vaardigheden, notities…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="83"/>
        <source>Alle fasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="84"/>
        <source>Alle persona&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="85"/>
        <source>Alle statussen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="88"/>
        <source>Elke rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="91"/>
        <source>Alleen mijn kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="93"/>
        <source>Nieuwe kandidaat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="113"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="184"/>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="225"/>
        <source>{0} kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="227"/>
        <source>1 kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictenPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="26"/>
        <source>niet afgeleverd: dossier niet meer van u</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="27"/>
        <source>geweigerd door de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="28"/>
        <source>elders verwijderd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="65"/>
        <source>Mijn versie houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="66"/>
        <source>Versie van de server houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="74"/>
        <source>Conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="88"/>
        <source>{0} velden zijn hier én op de server gewijzigd. Kies per veld welke versie blijft; beide waarden staan hieronder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicten.py" line="95"/>
        <source>Geen conflicten: alles is in overeenstemming met de server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="59"/>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="123"/>
        <source>Niet opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="124"/>
        <source>Wat u hebt ingevuld is nog niet opgeslagen. Weggooien?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="122"/>
        <source>Opslaan als CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="47"/>
        <source>Welkom bij SPT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="65"/>
        <source>Uw gegevens staan versleuteld in een kluis op deze laptop. Kies een wachtwoordzin: een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="95"/>
        <source>Uw naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="96"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="211"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="97"/>
        <source>Servicepunt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="98"/>
        <source>Uw rollen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="99"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="147"/>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="102"/>
        <source>Herhaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="109"/>
        <source>Kluis maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="122"/>
        <source>Nog niets ingevuld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="127"/>
        <source>De twee wachtwoordzinnen zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="145"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="146"/>
        <source>Rollen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="165"/>
        <source>Dit is uw herstelsleutel. Bent u uw wachtwoordzin kwijt, dan opent alleen deze sleutel de kluis nog. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem op een veilige plek, niet op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="175"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="179"/>
        <source>Ik heb de herstelsleutel veilig bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="183"/>
        <source>Beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="192"/>
        <source>Nu koppelen met de SPT-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="198"/>
        <source>Kan ook later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="210"/>
        <source>Serveradres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="212"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="240"/>
        <source>SPT Desktop — herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="244"/>
        <source>Bewaar dit blad op een veilige plek.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="40"/>
        <source>Warme overdracht — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="44"/>
        <source>De collega accepteert de overdracht op haar eigen apparaat; tot dan blijft u de coach.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstellingenPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="40"/>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="48"/>
        <source>SPT-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="56"/>
        <source>Koppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="60"/>
        <source>Serveradres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="61"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="62"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="67"/>
        <source>Algemeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="71"/>
        <source> minuten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="79"/>
        <source>Automatisch vergrendelen na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="80"/>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="83"/>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="92"/>
        <source>Wachtwoordzin wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="94"/>
        <source>Huidige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="95"/>
        <source>Nieuwe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="96"/>
        <source>Nieuwe (herhaal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="115"/>
        <source>Gekoppeld aan {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="119"/>
        <source>Niet gekoppeld: u werkt alleen op deze laptop. Koppelen kan altijd later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="154"/>
        <source>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/instellingen.py" line="169"/>
        <source>Wachtwoordzin gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="428"/>
        <source>Reden (verplicht)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="430"/>
        <source>Fase wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="436"/>
        <source>Naar fase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KandidaatPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="51"/>
        <source>← Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="53"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="62"/>
        <source>Bezoek vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="55"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="63"/>
        <source>Overdragen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="82"/>
        <source>Profiel en intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="72"/>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="83"/>
        <source>Plan van aanpak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="65"/>
        <source>PDF opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="68"/>
        <source>Afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="71"/>
        <source>Dossiersamenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="75"/>
        <source>Bezoekverslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="78"/>
        <source>Bezoekverslag (geselecteerd bezoek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="84"/>
        <source>Kandidaatreis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="85"/>
        <source>Activiteiten en scholing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="86"/>
        <source>Matches en plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="87"/>
        <source>Bezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="88"/>
        <source>Overdrachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="89"/>
        <source>Historie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="114"/>
        <source>Dossier laden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="165"/>
        <source>Afdrukvoorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="166"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="167"/>
        <source>Opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/kandidaat.py" line="206"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="97"/>
        <source>Bezig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="102"/>
        <source>Automatisch vergrendeld na een tijd zonder activiteit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="131"/>
        <source>&amp;Bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="133"/>
        <source>Nieuwe kandidaat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="135"/>
        <source>Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="137"/>
        <source>Afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="138"/>
        <source>&amp;Ga naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="140"/>
        <source>Zoeken in caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="152"/>
        <source>&amp;Acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="154"/>
        <source>Bezoek vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="156"/>
        <source>Nu synchroniseren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="252"/>
        <source>Vergrendeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="275"/>
        <location filename="../../spt_desktop/ui/window.py" line="286"/>
        <source>Vergrendeld omdat de laptop in slaapstand ging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="288"/>
        <source>Vergrendeld omdat de computer werd vergrendeld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="314"/>
        <source>Deze kluis is niet gekoppeld aan de SPT-server. Koppel bij Instellingen; tot dan blijft alles op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="319"/>
        <source>Synchroniseren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="332"/>
        <source>{0} wijzigingen botsten met die van een collega. Kies bij Conflicten welke versie blijft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="342"/>
        <source>Offline — uw werk is veilig op deze laptop; we proberen het straks opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="347"/>
        <source>Niet aangemeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="350"/>
        <source>De server herkent uw aanmelding niet meer. Meld opnieuw aan bij Instellingen; uw werk blijft bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="354"/>
        <source>Synchroniseren mislukt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="370"/>
        <source>{0} wijzigingen nog niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="372"/>
        <source>niets te versturen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="374"/>
        <source>Alleen op deze laptop (niet gekoppeld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="376"/>
        <source>Nog niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="378"/>
        <source>Laatst gesynchroniseerd om {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="380"/>
        <source>  ·  {0} conflicten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="48"/>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="45"/>
        <source>Geen indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="46"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="47"/>
        <source>Regio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="48"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="49"/>
        <source>Verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="53"/>
        <source>Fasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="54"/>
        <source>Stromen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="55"/>
        <source>Uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="56"/>
        <source>Verblijfsduur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="57"/>
        <source>Duurzame plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="196"/>
        <source>Aantallen onder 5 afschermen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="199"/>
        <source>Toont aantallen van 1 tot 4 als &lt;5, zoals in de monitor van het hele SPT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="211"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="213"/>
        <source>tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="216"/>
        <source>Indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="223"/>
        <source>Monitor: de lekkende pijplijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="242"/>
        <source>Aanbodkrant opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="243"/>
        <source>Aanbodkrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="250"/>
        <source>Afdrukvoorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="251"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="252"/>
        <source>Opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="273"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="275"/>
        <source>Cijfers berekenen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="312"/>
        <source> Aantallen onder 5 zijn afgeschermd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="314"/>
        <source>Periode {0} t/m {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="340"/>
        <source>Tabel opslaan als CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="345"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Doel / actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="283"/>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="274"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="278"/>
        <source>Nieuw doel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="281"/>
        <source>Nieuwe actie bij het gekozen doel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="287"/>
        <source>Doel toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="289"/>
        <source>Actie toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="291"/>
        <source>Actie gedaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="293"/>
        <source>Plan afspreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="324"/>
        <source>Nog geen plan van aanpak. Voeg een eerste doel toe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="329"/>
        <source>Versie {0} — {1}{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="379"/>
        <source>Kies eerst een doel (of voeg er een toe).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="385"/>
        <source>Uiterlijk: geen geldige datum (dd-mm-jjjj)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="138"/>
        <source>Afdrukvoorbeeld: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="170"/>
        <source>Opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="148"/>
        <source>Profiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="153"/>
        <source>Profiel opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="158"/>
        <source>Toestemming (AVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="171"/>
        <source>Intakegesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="177"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="209"/>
        <source>Intake opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="202"/>
        <source>Laatst vastgelegd op {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="206"/>
        <source>Intake bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="35"/>
        <source>SPT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="37"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="111"/>
        <source>Uw kluis is vergrendeld. Voer uw wachtwoordzin in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="43"/>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="54"/>
        <source>Laat leeg om de oude te houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="56"/>
        <source>Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="57"/>
        <source>Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="68"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="121"/>
        <source>Herstelsleutel gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="71"/>
        <source>Ontgrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="81"/>
        <source>Demokluis met verzonnen gegevens. Wachtwoordzin: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="119"/>
        <source>Wachtwoordzin gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="132"/>
        <source>Voer uw herstelsleutel in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="137"/>
        <source>Voer uw wachtwoordzin in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VandaagPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="25"/>
        <source>Vervolgafspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="26"/>
        <source>Behoudmomenten na plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="27"/>
        <source>Overdrachten die op u wachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="28"/>
        <source>Vervolgbezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="46"/>
        <source>Vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="50"/>
        <source>Wanneer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="58"/>
        <source>Dossier openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="60"/>
        <source>Bezoek vastleggen…  (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="63"/>
        <source>Overdracht accepteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="96"/>
        <source>Vandaag — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="98"/>
        <source>Niets dat vandaag op u wacht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/vandaag.py" line="101"/>
        <source>{0} punten vragen vandaag uw aandacht.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="47"/>
        <source>Bezoek vastleggen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="50"/>
        <source>Tab naar het volgende veld, Ctrl+Enter legt vast.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WerkgeversPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="42"/>
        <source>Zoek werkgever op naam…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="57"/>
        <source>&lt;b&gt;Contactpersonen&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="61"/>
        <source>&lt;b&gt;Vacatures en toekomstige behoefte&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="76"/>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="94"/>
        <source>Geen werkgevers gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/werkgevers.py" line="104"/>
        <source>Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="25"/>
        <source>Vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="26"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="27"/>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="28"/>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="29"/>
        <source>Conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="30"/>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../spt_desktop/app.py" line="134"/>
        <source>Demokluis wordt aangemaakt…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
