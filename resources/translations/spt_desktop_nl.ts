<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="nl">
<context>
    <name></name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="99"/>
        <source>Behoudmoment na {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="105"/>
        <source>{0} bij {1}, gestart op {2}; dit behoudmoment stond op {3}. Is de kandidaat nog in dienst?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AcceptReferralDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="105"/>
        <source>Aanmelding accepteren: kandidaat inschrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="109"/>
        <source>Aanmelding geaccepteerd: kandidaat ingeschreven.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessExport</name>
    <message>
        <location filename="../../spt_desktop/ui/access_export.py" line="32"/>
        <source>Inzageverzoek (AVG) exporteren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="84"/>
        <source>Actie wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="91"/>
        <source>Actie opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivitiesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="26"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="42"/>
        <source>Activiteiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="27"/>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="28"/>
        <source>Activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="29"/>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="30"/>
        <source>Uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="31"/>
        <source>Notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="32"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="43"/>
        <source>Scholing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="33"/>
        <source>Opleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="34"/>
        <source>Opleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="35"/>
        <source>Rijksbekostigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="36"/>
        <source>Financiering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="37"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="38"/>
        <source>Tot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="39"/>
        <source>Stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="40"/>
        <source>Certificaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="46"/>
        <source>Activiteit plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="49"/>
        <source>Uitkomst vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="50"/>
        <source>Hoe ging de gekozen activiteit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="53"/>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="54"/>
        <source>Datum, locatie of soort van de gekozen activiteit wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="57"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="107"/>
        <source>Afzeggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="58"/>
        <source>De gekozen activiteit gaat niet door (blijft zichtbaar als geannuleerd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="63"/>
        <source>Scholing toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="66"/>
        <source>Scholing wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="80"/>
        <source>Kies eerst een activiteit in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="103"/>
        <source>Activiteit afzeggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="104"/>
        <source>{0} op {1} gaat niet door? Hij blijft in de lijst als geannuleerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="121"/>
        <source>Kies eerst een scholing in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="64"/>
        <source>Activiteit plannen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="67"/>
        <source>Uitkomst vastleggen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="69"/>
        <source>Activiteit wijzigen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="76"/>
        <source>Oriëntatie (Techcourt, Techniektuin, Beroepentuin, BTO/VTO) of werkgeversactiviteit (meet &amp; match, matchtafel, speeddate, banenmarkt). De uitkomst legt u vast als de activiteit geweest is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="83"/>
        <source>Plannen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="83"/>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="79"/>
        <source>Aanvulling op bezoek van {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="85"/>
        <source>Dit bezoekverslag is afgetekend en blijft zoals het is. Wat u hier schrijft komt er als aanvulling bij, met de datum van vandaag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="91"/>
        <source>Aanvulling vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssignTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="398"/>
        <source>Welke kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="401"/>
        <source>Kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="505"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="508"/>
        <source>Aangemeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="403"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="508"/>
        <source>Coaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="409"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="415"/>
        <source>Rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="420"/>
        <source>Toewijzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="426"/>
        <source>Toon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="431"/>
        <source>Aan coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="431"/>
        <source>in de rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="460"/>
        <source>Nieuwe aanmeldingen zonder coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="462"/>
        <source>Zonder {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="464"/>
        <source>Zonder enige coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="467"/>
        <source>Caseload van {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <source>Verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="505"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="537"/>
        <source>Geen nieuwe aanmeldingen zonder coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="538"/>
        <source>{0} aanmeldingen wachten op een loopbaancoach. Kies er een of meer, dan de coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="560"/>
        <source>Geen kandidaten in deze lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="561"/>
        <source>{0} kandidaten. Kies er een of meer (Ctrl of Shift voor meer), dan de coach en de rol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="577"/>
        <source>Kies eerst een of meer aanmeldingen in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="579"/>
        <source>Kies eerst een of meer kandidaten in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="586"/>
        <source>{0} heeft de rol {1} niet; kies een andere coach of rol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="603"/>
        <source>{0} aanmeldingen toegewezen. De coach ziet ze na haar volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="609"/>
        <source>{0} toegewezen; {1} eerdere toewijzingen beëindigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="612"/>
        <source> De coaches zien het na hun volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="88"/>
        <source>Nieuwe kandidaat inschrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="91"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="97"/>
        <source>Kandidaat ingeschreven.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatePage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="63"/>
        <source>← Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="65"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="85"/>
        <source>Bezoek vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="67"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="86"/>
        <source>Overdragen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="118"/>
        <source>Profiel en intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="95"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="119"/>
        <source>Plan van aanpak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="90"/>
        <source>PDF opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="91"/>
        <source>Afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="94"/>
        <source>Dossiersamenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="98"/>
        <source>Inzageverzoek opgeslagen. Geef het bestand alleen aan de kandidaat zelf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="100"/>
        <source>AVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="101"/>
        <source>Inzageverzoek (AVG) exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="104"/>
        <source>Alles wat deze kluis over de kandidaat bevat, als JSON-bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="108"/>
        <source>Afdrukken en exporteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="110"/>
        <source>Bezoekverslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="113"/>
        <source>Bezoekverslag (geselecteerd bezoek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="116"/>
        <source>Onderdelen van het dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="120"/>
        <source>Kandidaatreis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="121"/>
        <source>Activiteiten en scholing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="122"/>
        <source>Matches en plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="123"/>
        <source>Bezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="124"/>
        <source>Notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="125"/>
        <source>Overdrachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="126"/>
        <source>Aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="127"/>
        <source>Historie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="132"/>
        <source>Gespreksverslagen en aanvullingen op bezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="161"/>
        <source>Dossier laden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="178"/>
        <source>geen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="182"/>
        <source>Dossiernr. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="185"/>
        <source>vervolgafspraak: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="242"/>
        <source>Niet opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="244"/>
        <source>U hebt {0} gewijzigd en nog niet opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="245"/>
        <source> en </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="248"/>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="249"/>
        <source>Niet opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="250"/>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="309"/>
        <source>Afdrukvoorbeeld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="310"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="311"/>
        <source>Opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="350"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="85"/>
        <source>Zoek op naam, gemeente, vaardigheden, notities…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="88"/>
        <source>Zoeken in de caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="89"/>
        <source>Alle fasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="90"/>
        <source>Alle persona&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="91"/>
        <source>Alle statussen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="94"/>
        <source>Elke rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="97"/>
        <source>Alleen mijn kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="99"/>
        <source>Filters wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="100"/>
        <source>Alle filters uit: weer elke kandidaat tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="103"/>
        <source>Nieuwe kandidaat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="108"/>
        <source>Kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="125"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="184"/>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="224"/>
        <source>{0} kandidaten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="226"/>
        <source>1 kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="229"/>
        <source>{0} — filters staan aan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckpointDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="147"/>
        <source>Niet meer in dienst sinds {0}: registreer de uitval, met het lek.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="142"/>
        <source>Loketvraag afsluiten — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="145"/>
        <source>Afsluiten wist de naam en de contactgegevens van de vraagsteller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="155"/>
        <source>Loketvraag afgesloten.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="55"/>
        <source>De bewaartermijn van het dossier gaat in op de afsluitdatum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="58"/>
        <source>Sluit u af als gestopt, verhuisd, terugverwezen of anders, dan is dat uitval: kies dan ook het lek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="63"/>
        <source>Dossier afsluiten — {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="42"/>
        <source>niet afgeleverd: dossier niet meer van u</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="43"/>
        <source>geweigerd door de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="44"/>
        <source>elders verwijderd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="198"/>
        <source>Mijn versie houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="199"/>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="310"/>
        <source>Versie van de server houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="200"/>
        <source>Mijn versie van het veld houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="201"/>
        <source>Versie van de server houden of melding sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="194"/>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="209"/>
        <source>Conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="29"/>
        <source>niet afgeleverd: register van een ander SPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="30"/>
        <source>niet afgeleverd: loketvraag, u hebt geen rol loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="33"/>
        <source>niet afgeleverd: aanmelding is werk van het loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="36"/>
        <source>niet afgeleverd: aanmelding van een ander SPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="39"/>
        <source>niet afgeleverd: collega zonder account op de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="46"/>
        <source>hele record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="47"/>
        <source>{0}: aangemeld op {1} door {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="49"/>
        <source>{0} van {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="53"/>
        <source>nieuwe keuze: werk de app bij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="240"/>
        <source>{0} velden zijn hier én op de server gewijzigd. Kies per veld welke versie blijft; beide waarden staan hieronder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="252"/>
        <source>Bij {0} daarvan is de versie van de server een nieuwe keuze die deze versie van de app nog niet kent. Houdt u die, dan ziet u hem na het bijwerken van de app; tot dan staat hier uw eigen waarde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="260"/>
        <source>{0} keer kwam uw werk niet (meer) aan op de server. Uw tekst staat hieronder: geef hem zo nodig door en sluit de melding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="275"/>
        <source>Geen conflicten. Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="280"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="283"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server: 1 wijziging staat alleen op deze laptop. Koppelen kan bij Instellingen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="288"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server: {0} wijzigingen staan alleen op deze laptop. Koppelen kan bij Instellingen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="293"/>
        <source>Geen conflicten. 1 wijziging wacht nog op de volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="296"/>
        <source>Geen conflicten. {0} wijzigingen wachten nog op de volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="299"/>
        <source>Geen conflicten. Er is nog niet gesynchroniseerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="300"/>
        <source>Geen conflicten: alles is in overeenstemming met de server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="310"/>
        <source>Gezien, melding sluiten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPersonDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="48"/>
        <source>Contactpersoon bewerken — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="50"/>
        <source>Nieuwe contactpersoon — {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="132"/>
        <source>Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="135"/>
        <source>Onderdelen van de coördinatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="141"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="142"/>
        <source>Toewijzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="143"/>
        <source>SPT-monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="144"/>
        <source>Doelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="148"/>
        <source>Coördinatie: het SPT sturen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="199"/>
        <source>Gegevens ophalen bij de server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="214"/>
        <source>De server gaf geen antwoord; probeer Vernieuwen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="54"/>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="94"/>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="108"/>
        <source>Opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="162"/>
        <source>Niet opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="163"/>
        <source>Wat u hebt ingevuld is nog niet opgeslagen. Weggooien?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="65"/>
        <source>Plannen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="81"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="93"/>
        <source>Inschrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="18"/>
        <source>Overdragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="26"/>
        <source>Verslag opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="63"/>
        <source>Aanvulling vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="35"/>
        <source>Doel opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="68"/>
        <source>Actie opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="44"/>
        <source>Bezoek vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="62"/>
        <source>Wijzigingen opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="87"/>
        <source>Contact vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="326"/>
        <source>Voorstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="513"/>
        <source>Stap vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="43"/>
        <source>Plaatsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="64"/>
        <source>Vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="190"/>
        <source>Maken en opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="77"/>
        <source>Vraag opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="121"/>
        <source>Vraag afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="163"/>
        <source>Aanmelding vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="370"/>
        <source>Bevat een BSN; het SPT mag geen BSN vastleggen. Dit veld wordt niet als concept bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropoutDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="68"/>
        <source>Uitval registreren — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="72"/>
        <source>In welke fase haakte de kandidaat af, en door welk lek in de pijplijn?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Elsewhere</name>
    <message>
        <location filename="../../spt_desktop/ui/elsewhere.py" line="15"/>
        <source>een werkgever van een ander SPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/elsewhere.py" line="22"/>
        <source>vacature van een ander SPT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployerContactDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="119"/>
        <source>Werkgeverscontact bewerken — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="121"/>
        <source>Contact vastleggen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="128"/>
        <source>De vervolgafspraak komt op uw Vandaag op die datum.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="92"/>
        <source>Werkgever bewerken — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="94"/>
        <source>Nieuwe werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="105"/>
        <source>Transitiebereidheid: kijkt het bedrijf anders naar talent, met ruimte voor taal, niveau, begeleiding en ontwikkeling?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="113"/>
        <source>Geen opleidingsfonds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="135"/>
        <source>Er staat al een werkgever “{0}” in {1}{2}. Is dit echt een andere werkgever? Kies dan ‘Toch opslaan’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="143"/>
        <source>Toch opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="160"/>
        <source>Zoek naam, sector, gemeente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="161"/>
        <source>Zoek werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="164"/>
        <source>Filter op sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="165"/>
        <source>Alle sectoren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="169"/>
        <source>Filter op gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="170"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="370"/>
        <source>Alle gemeenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="172"/>
        <source>Met &amp;open vacatures of toekomstige behoefte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="175"/>
        <source>&amp;Nieuwe werkgever…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="179"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="293"/>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="208"/>
        <source>&amp;Werkgever bewerken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="211"/>
        <source>Onderdelen van de werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="214"/>
        <source>Vacatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="217"/>
        <source>&amp;Vacature…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="219"/>
        <source>&amp;Toekomstige behoefte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="221"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="248"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="265"/>
        <source>B&amp;ewerken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="222"/>
        <source>Vervu&amp;ld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="223"/>
        <source>&amp;Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="224"/>
        <source>&amp;Heropenen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="227"/>
        <source>&amp;Kandidaat voorstellen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="241"/>
        <source>Vacatures en toekomstige behoefte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="244"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="254"/>
        <source>Contacten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="247"/>
        <source>Contact &amp;vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="250"/>
        <source>Vervolg a&amp;fgerond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="258"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="272"/>
        <source>Contactpersonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="262"/>
        <source>&amp;Toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="267"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="467"/>
        <source>Ve&amp;rtrokken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="305"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="391"/>
        <source>Kies een werkgever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="348"/>
        <source>{0} werkgever(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="351"/>
        <source>Geen werkgevers gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="411"/>
        <source>onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="413"/>
        <source>Branche: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="414"/>
        <source>Opleidingsfonds: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="415"/>
        <source>geen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="417"/>
        <source>Transitiebereidheid: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="426"/>
        <source>Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="466"/>
        <source>Toch nog in &amp;dienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="475"/>
        <source>{0} uur per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="479"/>
        <source>{0} bruto per maand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="481"/>
        <source>Nederlands {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="485"/>
        <source>BBL/leerwerkplek mogelijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="487"/>
        <source>bron: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="38"/>
        <source>De wachtwoordzin klopt niet. Controleer hoofdletters en Caps Lock en probeer het opnieuw; bent u de wachtwoordzin kwijt, ontgrendel dan met uw herstelsleutel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="43"/>
        <source>Deze herstelsleutel is niet geldig: er is waarschijnlijk een teken verkeerd overgenomen. Controleer de sleutel (groepen van vier tekens) en probeer opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="48"/>
        <source>Deze herstelsleutel hoort niet bij deze kluis. Controleer of u de herstelsleutel van precies deze kluis gebruikt; past geen enkele sleutel, zet de kluis dan terug uit uw back-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="54"/>
        <source>Het sleutelbestand van de kluis ontbreekt ({path}). Zet het terug uit uw back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="59"/>
        <source>Het sleutelbestand van de kluis is beschadigd ({path}). Zet het terug uit uw back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="64"/>
        <source>Er is geen kluis op {path}. Kies het juiste bestand of maak een nieuwe kluis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="68"/>
        <source>Er staat al een kluis op {path}. Kies een andere plek; een bestaande kluis wordt nooit overschreven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="73"/>
        <source>{path} is geen SPT-kluis die bij dit sleutelbestand hoort ({reason}). Kies het juiste kluisbestand, of zet het terug uit uw back-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="78"/>
        <source>De kluis {path} is beschadigd of er is mee geknoeid: een deel ervan is niet meer te ontsleutelen. Er is niets gewijzigd. Zet de kluis terug uit uw back-up en synchroniseer; neem contact op met de IT van uw SPT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="84"/>
        <source>De kluis kan niet worden gelezen of opgeslagen ({path}: {reason}). Er is niets half opgeslagen. Maak ruimte vrij of controleer de map en uw rechten, en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="90"/>
        <source>Deze kluis is gemaakt met een nieuwere versie van SPT Desktop; werk de app bij en open de kluis daarna opnieuw. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="95"/>
        <source>De kluis is vergrendeld. Ontgrendel hem eerst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="99"/>
        <source>Deze installatie heeft geen werkende SQLCipher 4 (de SQLite-bibliotheek heeft geen versleuteling). Zonder versleuteling start SPT Desktop niet: installeer het pakket opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="105"/>
        <source>Deze installatie heeft geen werkende SQLCipher 4 (versie {version} is te oud). Zonder versleuteling start SPT Desktop niet: installeer het pakket opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="110"/>
        <source>Deze wachtwoordzin is te zwak ({reason}). Kies er een van minstens {minimum} tekens; een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="115"/>
        <source>Controleer de invoer — {fields}. Er is niets opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="119"/>
        <source>{what} bestaat niet (meer) in deze kluis. Misschien is het verwijderd of overgedragen; synchroniseer en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="124"/>
        <source>Deze plaatsing hoort bij een andere kandidaat. Kies een plaatsing van deze kandidaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="128"/>
        <source>Dit bezoekverslag is afgetekend en wordt niet meer gewijzigd; leg een aanvulling vast als nieuw bezoek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="133"/>
        <source>Deze kandidaat is {candidate_status}; meld hem of haar eerst opnieuw aan voordat de fase verandert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="138"/>
        <source>De kandidaat staat al in de fase {phase}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="142"/>
        <source>Deze kandidaat is al als uitgevallen geregistreerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="146"/>
        <source>Deze kandidaat doet al mee; opnieuw aanmelden is niet nodig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="150"/>
        <source>Deze vacature hoort bij een andere werkgever. Kies een vacature van deze werkgever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="154"/>
        <source>Een match met status &apos;{match_status}&apos; kan niet naar &apos;{to_status}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="158"/>
        <source>Een match met status &apos;{match_status}&apos; kan geen plaatsing meer worden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="162"/>
        <source>Dit meetmoment is al vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="166"/>
        <source>Deze plaatsing is al beëindigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="170"/>
        <source>Alleen een concept kan worden afgesproken. Begin een nieuwe versie om het plan van aanpak aan te passen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="175"/>
        <source>Een plan van aanpak heeft minstens één doel nodig. Voeg eerst een doel toe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="179"/>
        <source>Toestemming voor registratie intrekken betekent het dossier sluiten: sluit de kandidaat af via de kandidaatreis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="184"/>
        <source>Alleen het loket en de coördinator leggen loketvragen vast. U ziet de vragen die aan u zijn doorgezet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="189"/>
        <source>Deze collega heeft de rol {role} niet. Kies een andere rol of een andere collega.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="193"/>
        <source>Voor deze kandidaat wacht al een overdracht op acceptatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="197"/>
        <source>Alleen de ontvangende coach kan deze overdracht accepteren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="201"/>
        <source>Deze overdracht is al geaccepteerd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="205"/>
        <source>Kies &apos;Mijn versie houden&apos; of &apos;Versie van de server houden&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="209"/>
        <source>Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld. Maak een eigen kluis aan om te synchroniseren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="214"/>
        <source>Deze kluis is gekoppeld aan een server; daar komen geen verzonnen demogegevens in. Gebruik een nieuwe kluis voor de demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="219"/>
        <source>Dat is een map; kies een bestandsnaam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="223"/>
        <source>De schijf is vol; het bestand is niet opgeslagen. Maak ruimte vrij of kies een andere plek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="228"/>
        <source>In die map mag niet worden geschreven; het bestand is niet opgeslagen. Kies een andere map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="233"/>
        <source>Die map bestaat niet (meer); het bestand is niet opgeslagen. Kies een andere map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="237"/>
        <source>Het bestand kon niet worden opgeslagen. Kies een andere plek en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="241"/>
        <source>Geld uit een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) is er alleen voor wie werkt, en deze kandidaat is nog niet geplaatst. Kies een andere financiering, zoals een scholingsvoucher of gemeente / UWV, of leg eerst de plaatsing vast. Er is niets opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="248"/>
        <source>Dit bezoekverslag is nog niet afgetekend: pas het verslag zelf aan in plaats van een aanvulling te schrijven. Er is niets opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="253"/>
        <source>Dit is een oudere versie van het plan van aanpak; pas de nieuwste versie aan. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="258"/>
        <source>Deze activiteit is nog niet geweest: een uitkomst kan pas op of na de datum van de activiteit. Er is niets opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="263"/>
        <source>De kandidaat heeft geen toestemming (meer) gegeven om met de verwijzer te delen: er is geen terugkoppeling gemaakt. Leg eerst de toestemming vast in het dossier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="268"/>
        <source>Van deze aanmelding is al een kandidaat ingeschreven. Er is niets opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="272"/>
        <source>Deze aanmelding is aan een collega toegewezen: alleen zij kan haar accepteren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="276"/>
        <source>De SPT-server is niet bereikbaar: {reason}. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="281"/>
        <source>Dit apparaat is ingetrokken door de beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="285"/>
        <source>Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder; met een nieuwe kluis kunt u weer aanmelden als uw account actief is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="291"/>
        <source>Uw account bij de SPT-server is uitgeschakeld door de beheerder, dus aanmelden kan niet. Neem contact op met uw beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="296"/>
        <source>Uw aanmelding bij de SPT-server is om veiligheidsredenen beëindigd: een oudere aanmeldsleutel van dit apparaat werd nog eens gebruikt. Meld opnieuw aan (in de app bij Instellingen, of met &apos;spt-desktop login&apos;). Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie. Gebeurt dit vaker, meld het dan bij de beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="304"/>
        <source>De aanmelding is verlopen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="308"/>
        <source>E-mailadres of wachtwoord klopt niet. Probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="312"/>
        <source>Te veel mislukte aanmeldpogingen. Wacht {reason} en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="316"/>
        <source>U bent niet (meer) aangemeld bij de SPT-server. Meld opnieuw aan met &apos;spt-desktop login&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="321"/>
        <source>De SPT-server weigerde het verzoek (HTTP {status}). Er is niets verloren; neem contact op met de beheerder als dit blijft gebeuren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="326"/>
        <source>Deze kluis hoort bij een ander account. Meld aan met het account van de eigenaar, of maak een nieuwe kluis voor dit account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="331"/>
        <source>Dit is er alleen voor coördinatoren en beheerders, en een coördinator alleen voor haar eigen SPT. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="336"/>
        <source>De server kent deze kandidaat niet (meer), of niet in dit SPT. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="340"/>
        <source>Deze coach is niet actief in dit SPT of heeft deze rol niet. Er is niets gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="344"/>
        <source>De verbinding met de SPT-server is niet veilig op te zetten: deze laptop vertrouwt het certificaat van de server niet ({reason}). Er is niets verstuurd. Werkt uw organisatie met een eigen certificaatautoriteit of een proxy die verkeer controleert, dan moet de IT-afdeling dat certificaat op deze laptop installeren. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="353"/>
        <source>De SPT-server vraagt een nieuwere versie van SPT Desktop: minstens {minimum}, deze laptop heeft {version}. Werk de app bij (of vraag het uw IT-afdeling); tot dan synchroniseert deze laptop niet, en kunt u gewoon doorwerken. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="361"/>
        <source>Deze kluis is nog niet gekoppeld aan de SPT-server. Meld eerst aan met &apos;spt-desktop login --vault PAD --server URL --email E&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="373"/>
        <source>het bestand heeft geen kluisgegevens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="374"/>
        <source>het sleutelbestand hoort bij een andere kluis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="377"/>
        <source>het is een onversleuteld SQLite-bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="378"/>
        <source>het bestand is leeg of te kort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="379"/>
        <source>de sleutel past niet op dit bestand, of het is beschadigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="382"/>
        <source>de schijf is vol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="383"/>
        <source>u hebt geen rechten op dit bestand of deze map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="386"/>
        <source>de schijf is alleen-lezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="387"/>
        <source>dit is een map, geen bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="388"/>
        <source>een deel van het pad is een bestand, geen map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="391"/>
        <source>lees- of schrijffout van de schijf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="392"/>
        <source>de kluis is in gebruik door een ander programma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="395"/>
        <source>de kluis of de map is alleen-lezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="396"/>
        <source>het bestand of de map kan niet worden geopend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="399"/>
        <source>{detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="400"/>
        <source>onbekende fout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="401"/>
        <source>gebruik minstens {minimum} tekens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="402"/>
        <source>vermijd herhaalde tekens; kies een paar losse woorden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="405"/>
        <source>1 seconde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="406"/>
        <source>{seconds} seconden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="407"/>
        <source>{minutes} minuten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="408"/>
        <source>hoogstens een kwartier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="409"/>
        <source>er is geen verbinding (geen netwerk, of een verkeerd serveradres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="412"/>
        <source>de server antwoordt niet op tijd (trage of haperende verbinding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="415"/>
        <source>de verbinding viel halverwege weg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="416"/>
        <source>de server heeft een storing; de beheerder kan zien wat er mis is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="419"/>
        <source>het is uitgegeven door een certificaatautoriteit die deze laptop niet kent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="422"/>
        <source>het is verlopen of nog niet geldig; staan datum en tijd van deze laptop goed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="426"/>
        <source>het hoort bij een andere naam dan het serveradres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="429"/>
        <source>het is niet geldig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="437"/>
        <source>Deze kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="438"/>
        <source>Uw coachprofiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="439"/>
        <source>Deze coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="440"/>
        <source>Deze collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="441"/>
        <source>Deze jobcoach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="442"/>
        <source>Deze activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="443"/>
        <source>Deze opleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="444"/>
        <source>Dit intakeverslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="445"/>
        <source>Dit plan van aanpak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="446"/>
        <source>Een plan van aanpak van deze kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="447"/>
        <source>Dit doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="448"/>
        <source>Deze actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="449"/>
        <source>Dit bezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="450"/>
        <source>De werkgever van dit bezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="451"/>
        <source>Deze werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="452"/>
        <source>Deze contactpersoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="453"/>
        <source>Deze vacature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="454"/>
        <source>Dit werkgeverscontact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="455"/>
        <source>Deze loketvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="456"/>
        <source>Deze match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="457"/>
        <source>Deze plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="458"/>
        <source>Dit meetmoment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="459"/>
        <source>Deze overdracht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="460"/>
        <source>Deze aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="468"/>
        <source>verplicht veld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="469"/>
        <source>te lang (hoogstens {maximum} tekens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="470"/>
        <source>bevat een BSN; het SPT mag geen BSN vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="473"/>
        <source>geen geldig e-mailadres (zoals naam@voorbeeld.nl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="476"/>
        <source>geen geldig telefoonnummer (zoals 06 12345678)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="479"/>
        <source>onbekende waarde; kies uit {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="480"/>
        <source>geen geldige datum (jjjj-mm-dd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="481"/>
        <source>geen geldig tijdstip (jjjj-mm-dd uu:mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="482"/>
        <source>geen geheel getal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="483"/>
        <source>moet tussen {low} en {high} liggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="484"/>
        <source>dit veld bestaat niet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="485"/>
        <source>dit veld bestaat niet of wordt elders gewijzigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="488"/>
        <source>ligt in de toekomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="489"/>
        <source>dit tijdstip ligt in de toekomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="490"/>
        <source>geen gemeente in het werkgebied van de SPT&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="493"/>
        <source>geboortedatum ligt buiten de verwachte jaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="496"/>
        <source>zonder toestemming voor registratie en begeleiding kan het SPT niemand inschrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="500"/>
        <source>zonder toestemming om gegevens met het SPT te delen wordt de aanmelding niet vastgelegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="505"/>
        <source>kies minstens één rol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="506"/>
        <source>kies een sterkere wachtwoordzin (minstens {minimum} tekens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="509"/>
        <source>kies tussen {low} en {high} minuten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="512"/>
        <source>geen geldig serveradres (zoals https://spt.example.nl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="515"/>
        <source>kies een collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="516"/>
        <source>kies een collega; u kunt niet aan uzelf overdragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="519"/>
        <source>noteer minstens de besproken onderwerpen, afspraken of een notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="522"/>
        <source>vul minstens één onderdeel van het intakeverslag in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="525"/>
        <source>kies het opleidingsfonds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="526"/>
        <source>een fonds hoort alleen bij financiering door een opleidingsfonds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="529"/>
        <source>de einddatum ligt voor de begindatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="532"/>
        <source>licht &apos;anders&apos; kort toe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="533"/>
        <source>ligt vóór de aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="534"/>
        <source>kies de oorzaak (lek) van deze uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="537"/>
        <source>ligt vóór de start van de plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="540"/>
        <source>de klik geeft u na de kennismaking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="543"/>
        <source>ligt vóór de vorige stap ({day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="546"/>
        <source>er staat al een werkgever met deze naam in deze gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="549"/>
        <source>het maximum ligt onder het minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="550"/>
        <source>geef aan wanneer de toekomstige behoefte ontstaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="553"/>
        <source>dit contact ligt in de toekomst; plan het als vervolgafspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="556"/>
        <source>de vervolgafspraak ligt vóór de datum van het contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="559"/>
        <source>de opvolgdatum ligt vóór de datum van de vraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="562"/>
        <source>dit gegeven is niet (meer) bekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="563"/>
        <source>de koppeling past niet bij wat de vraag werd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="566"/>
        <source>er is nog geen intake vastgelegd: leg eerst de intake vast in het dossier (Profiel), dan kunt u terugkoppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="571"/>
        <source>er is nog geen plaatsing vastgelegd: leg eerst de plaatsing vast in het dossier, dan kunt u terugkoppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="576"/>
        <source>er is geen uitval vastgelegd: leg eerst de uitval vast in het dossier, dan kunt u terugkoppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="581"/>
        <source>het dossier is nog niet afgesloten: sluit het eerst af, dan kunt u terugkoppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="585"/>
        <source>geen contactpersoon van deze werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="692"/>
        <source>Er ging iets onverwachts mis. Uw ingevoerde gegevens zijn bewaard; probeer het opnieuw of start de app opnieuw. Blijft het gebeuren, meld het bij de beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="21"/>
        <source>Activiteit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="26"/>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="42"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="65"/>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="33"/>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="539"/>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="29"/>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="23"/>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="30"/>
        <source>bijv. Techcourt Hoorn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="22"/>
        <source>Uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="39"/>
        <source>Hoe ging het / notities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="18"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="38"/>
        <source>Voornaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="19"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="39"/>
        <source>Achternaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="20"/>
        <source>Geboortedatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="21"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="22"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="40"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="22"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="23"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="41"/>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="23"/>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="27"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="42"/>
        <source>Gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="26"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="23"/>
        <source>Verwezen door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="33"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="40"/>
        <source>Uitkering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="51"/>
        <source>Toestemming registratie en begeleiding (AVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="57"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="62"/>
        <source>Delen met werkgever (bezoekverslagen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="62"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="65"/>
        <source>Delen met verwijzer en financier (UWV, gemeente, werkcentrum, fonds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="67"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="68"/>
        <source>Delen met opleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="68"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="69"/>
        <source>Geanonimiseerd in de aanbodkrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="31"/>
        <source>Nog in dienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="32"/>
        <source>Niet meer in dienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="37"/>
        <source>Nog in dienst?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="43"/>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="27"/>
        <source>Afgesloten op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="30"/>
        <source>Oorzaak (lek) bij uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="68"/>
        <source>Toelichting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="20"/>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="21"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="21"/>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="20"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="33"/>
        <source>Functie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="68"/>
        <source>Soort contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="75"/>
        <source>Met wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="79"/>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="33"/>
        <source>Afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="80"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="109"/>
        <source>Vervolgafspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="21"/>
        <source>In de fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="28"/>
        <source>Oorzaak (lek)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="39"/>
        <source>Verder in de fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="44"/>
        <source>Waarom opnieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="23"/>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="29"/>
        <source>bijvoorbeeld Zaanstad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="31"/>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="34"/>
        <source>Brancheorganisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="40"/>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="50"/>
        <source>Opleidingsfonds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="46"/>
        <source>Praktijkopleiders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="53"/>
        <source>Middenkader (begeleiders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="58"/>
        <source>Begeleiding in het bedrijf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="61"/>
        <source>Transitiebereidheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="66"/>
        <source>Toelichting transitiebereidheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="39"/>
        <source>Aan collega, in de rol van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="44"/>
        <source>Samenvatting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="348"/>
        <source>Kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="353"/>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="356"/>
        <source>Vacature of toekomstige behoefte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="359"/>
        <source>Waarom deze match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="529"/>
        <source>Opnieuw voorstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="536"/>
        <source>Stap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="541"/>
        <source>dd-mm-jjjj (leeg: vandaag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="545"/>
        <source>Klik (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="546"/>
        <source>1 = geen klik … 5 = sterke klik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="549"/>
        <source>Afgewezen door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="551"/>
        <source>Waarom afgewezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="17"/>
        <source>Gesprek op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="18"/>
        <source>Verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="20"/>
        <source>Aanvulling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="23"/>
        <source>Soort contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="28"/>
        <source>Startdatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="29"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="36"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="98"/>
        <source>Uren per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="32"/>
        <source>Opleidingsfonds van de werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="17"/>
        <source>Doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="19"/>
        <source>Actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="20"/>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="21"/>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="21"/>
        <source>Opleider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="23"/>
        <source>bijv. ROC Nova, Installatiewerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="27"/>
        <source>Opleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="29"/>
        <source>bijv. Monteur W (BBL niveau 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="31"/>
        <source>Rijksbekostigd (mbo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="32"/>
        <source>Certificeerbare eenheden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="35"/>
        <source>Stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="40"/>
        <source>Begint op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="41"/>
        <source>Eindigt op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="44"/>
        <source>Financiering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="52"/>
        <source>Behaald certificaat of diploma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="28"/>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="34"/>
        <source>Verwacht per (toekomstige behoefte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="35"/>
        <source>Aantal plekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="38"/>
        <source>Werktijden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="42"/>
        <source>Salaris vanaf (€ bruto p/m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="49"/>
        <source>Salaris tot (€ bruto p/m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="56"/>
        <source>Vereist niveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="62"/>
        <source>Niveau van het werk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="66"/>
        <source>BBL / leerwerkplek mogelijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="67"/>
        <source>Bron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="22"/>
        <source>Tijdstip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="25"/>
        <source>Vorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="27"/>
        <source>Aanwezig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="28"/>
        <source>Besproken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="29"/>
        <source>Voortgang (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="31"/>
        <source>Welbevinden (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="34"/>
        <source>Vervolgbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="35"/>
        <source>Risico op uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="59"/>
        <source>Registratie en begeleiding door het SPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="94"/>
        <source>Taalniveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="99"/>
        <source>Beschikbaarheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="102"/>
        <source>Salarisverwachting (€/mnd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="107"/>
        <source>Vaardigheden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="108"/>
        <source>Interesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="112"/>
        <source>Gehouden op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="113"/>
        <source>Achtergrond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="114"/>
        <source>Motivatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="115"/>
        <source>Wensen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="116"/>
        <source>Belemmeringen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="117"/>
        <source>Waarom deze persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="28"/>
        <source>Regio (werkcentrum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="29"/>
        <source>Campagne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="30"/>
        <source>Organisatie van de verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="31"/>
        <source>Verwijzer (persoon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="34"/>
        <source>Contact van de verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="35"/>
        <source>e-mail of telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="37"/>
        <source>Aangemeld op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="43"/>
        <source>Vraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="44"/>
        <source>Wat al bekend is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="47"/>
        <source>Toestemming om gegevens met het SPT te delen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="53"/>
        <source>Toestemming voor terugkoppeling aan de verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="156"/>
        <source>Datum van de intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="173"/>
        <source>Reden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="209"/>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="21"/>
        <source>Wat het werd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="23"/>
        <source>Antwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="29"/>
        <source>Opvolgen op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="37"/>
        <source>Kanaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="44"/>
        <source>Van wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="49"/>
        <source>Onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="50"/>
        <source>Naam (alleen zolang de vraag open is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="51"/>
        <source>Bereikbaar via (e-mail of telefoon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="53"/>
        <source>Doorgezet naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="138"/>
        <source>Gekoppeld aan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="118"/>
        <source>Tabel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="123"/>
        <source>Opslaan als CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="168"/>
        <source>Grafiek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="170"/>
        <source>De tabel ernaast bevat dezelfde cijfers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="51"/>
        <source>Welkom bij SPT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="80"/>
        <source>Uw gegevens staan versleuteld in een kluis op deze laptop. Kies een wachtwoordzin: een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="110"/>
        <source>Uw naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="111"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="227"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="112"/>
        <source>Servicepunt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="113"/>
        <source>Uw rollen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="114"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="163"/>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="117"/>
        <source>Herhaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="124"/>
        <source>Kluis maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="137"/>
        <source>Nog niets ingevuld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="142"/>
        <source>De twee wachtwoordzinnen zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="161"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="162"/>
        <source>Rollen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="181"/>
        <source>Dit is uw herstelsleutel. Bent u uw wachtwoordzin kwijt, dan opent alleen deze sleutel de kluis nog. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem op een veilige plek, niet op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="191"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="195"/>
        <source>Ik heb de herstelsleutel veilig bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="199"/>
        <source>Beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="208"/>
        <source>Nu koppelen met de SPT-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="214"/>
        <source>Kan ook later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="226"/>
        <source>Serveradres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="228"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="256"/>
        <source>SPT Desktop — herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="260"/>
        <source>Bewaar dit blad op een veilige plek.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="173"/>
        <source>dd-mm-jjjj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="173"/>
        <source>dd-mm-jjjj uu:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="210"/>
        <source>geen geldige datum (dd-mm-jjjj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="215"/>
        <source>geen geldig tijdstip (dd-mm-jjjj uu:mm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="51"/>
        <source>Doel wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="58"/>
        <source>Doel opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="50"/>
        <source>Warme overdracht — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="54"/>
        <source>De collega accepteert de overdracht op haar eigen apparaat; tot dan blijft u de coach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="62"/>
        <source>Overdracht klaargezet; uw collega accepteert die op haar eigen apparaat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="67"/>
        <source>Kandidaatreis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="73"/>
        <source>Reden van de faseverandering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="74"/>
        <source>Reden (verplicht)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="76"/>
        <source>Fase wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="81"/>
        <source>Naar &amp;fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="105"/>
        <source>Behoud en uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="122"/>
        <source>Behoudmomenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="125"/>
        <source>&amp;Behoudmoment vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="127"/>
        <source>&amp;Uitval registreren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="129"/>
        <source>Opnieuw &amp;activeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="131"/>
        <source>Dossier af&amp;sluiten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="180"/>
        <source>zonder uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="181"/>
        <source>datum onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="182"/>
        <source>Dossier afgesloten op {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="185"/>
        <source>Uitgevallen op {0} in de fase {1}: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="191"/>
        <source>Volgend behoudmoment: na {0}, op {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="194"/>
        <source>{0} · geen open behoudmomenten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="256"/>
        <source>Reden: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="69"/>
        <source>Naar fase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoketPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="61"/>
        <source>Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="64"/>
        <source>Alleen &amp;open vragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="68"/>
        <source>Loketvragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="70"/>
        <source>&amp;Nieuwe vraag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="71"/>
        <source>&amp;Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="72"/>
        <source>&amp;Afsluiten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="73"/>
        <source>Doorzetten als aan&amp;melding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="75"/>
        <source>Een werkzoekende of werkende aanmelden bij het SPT, met wat al bekend is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="78"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="99"/>
        <source>Ontvangen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="100"/>
        <source>Kanaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="101"/>
        <source>Van wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="102"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="103"/>
        <source>Onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="104"/>
        <source>Doorgezet naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="105"/>
        <source>Opvolgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="106"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="107"/>
        <source>Werd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="133"/>
        <source>Vragen aan het loket van werkgevers, werkzoekenden, werkenden, intermediairs en onderwijs: {0} getoond.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="137"/>
        <source>Loketvragen die aan u zijn doorgezet: {0} getoond.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoketQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="99"/>
        <source>Loketvraag bewerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="99"/>
        <source>Nieuwe loketvraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="101"/>
        <source>Naam en contactgegevens blijven alleen bewaard zolang de vraag open is. De opvolgdatum komt op Vandaag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="115"/>
        <source>Loketvraag opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="115"/>
        <source>Bezig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="120"/>
        <source>Automatisch vergrendeld na een tijd zonder activiteit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="157"/>
        <source>&amp;Bestand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="159"/>
        <source>Nieuwe kandidaat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="161"/>
        <source>Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="163"/>
        <source>Afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="164"/>
        <source>&amp;Ga naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="166"/>
        <source>Zoeken in caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="177"/>
        <source>&amp;Acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="179"/>
        <source>Bezoek vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="181"/>
        <source>Nu synchroniseren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="292"/>
        <source>Vergrendeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="326"/>
        <source>Vergrendeld omdat de laptop in slaapstand ging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="328"/>
        <source>Vergrendeld omdat de computer werd vergrendeld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="360"/>
        <source>Deze kluis is niet gekoppeld aan de SPT-server. Koppel bij Instellingen; tot dan blijft alles op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="365"/>
        <source>Synchroniseren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="413"/>
        <source>{0} wijzigingen botsten met die van een collega. Kies bij Conflicten welke versie blijft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="421"/>
        <source>De server nam 1 wijziging niet aan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="423"/>
        <source>De server nam {0} wijzigingen niet aan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="428"/>
        <source>: een dossier dat niet (meer) van u is, of een collega of werkgever die de server niet kent. U vindt ze bij Conflicten; geef ze zo nodig door en sluit de melding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="443"/>
        <source>1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="446"/>
        <source>{0} wijzigingen kan deze versie van de app nog niet verwerken; werk de app bij</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="454"/>
        <source>Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="458"/>
        <source>Apparaat ingetrokken — de kluis is gewist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="471"/>
        <source>Offline — uw werk is veilig op deze laptop; we proberen het straks opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="479"/>
        <source>Nieuwe versie nodig om te synchroniseren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="481"/>
        <source>Certificaat van de server niet vertrouwd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="483"/>
        <source>  ·  uw werk is veilig op deze laptop; u kunt doorwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="491"/>
        <source>Niet aangemeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="494"/>
        <source>De server herkent uw aanmelding niet meer. Meld opnieuw aan bij Instellingen; uw werk blijft bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="498"/>
        <source>Synchroniseren mislukt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="519"/>
        <source>Oefenkluis met verzonnen gegevens (niet gekoppeld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="523"/>
        <source>1 wijziging nog niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="526"/>
        <source>{0} wijzigingen nog niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="528"/>
        <source>niets te versturen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="530"/>
        <source>Deze laptop is ingetrokken door de beheerder; de kluis is gewist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="532"/>
        <source>Alleen op deze laptop (niet gekoppeld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="534"/>
        <source>Nog niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="536"/>
        <source>Laatst gesynchroniseerd om {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="538"/>
        <source>  ·  1 conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="540"/>
        <source>  ·  {0} conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="542"/>
        <source>  ·  1 wijziging niet aangenomen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="544"/>
        <source>  ·  {0} wijzigingen niet aangenomen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="548"/>
        <source>  ·  nieuwe versie van SPT Desktop beschikbaar (bijwerken aanbevolen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchGaps</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="50"/>
        <source>Dagdienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="51"/>
        <source>Ploegendienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="52"/>
        <source>24/7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="53"/>
        <source>Flexibel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="59"/>
        <source>Salaris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="60"/>
        <source>Uren per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="61"/>
        <source>Beschikbaarheid en werktijden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="62"/>
        <source>Taalniveau Nederlands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="63"/>
        <source>Reizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="64"/>
        <source>Vaardigheden en interesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="65"/>
        <source>Toestemming delen met werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="71"/>
        <source>✓ past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="72"/>
        <source>⚠ verschil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="73"/>
        <source>? onbekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="80"/>
        <source>niet ingevuld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="88"/>
        <source> /mnd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="94"/>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="97"/>
        <source>{0} uur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="111"/>
        <source>gegeven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="113"/>
        <source>niet gegeven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="122"/>
        <source>Gemeente onbekend: reistijd navragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="123"/>
        <source>nog niet te vergelijken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="126"/>
        <source>Verwachting {0} boven de schaal: groei of aanvulling bespreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="129"/>
        <source>Past binnen de schaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="133"/>
        <source>Kandidaat wil {0} uur minder dan gevraagd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="137"/>
        <source>Kandidaat wil {0} uur meer dan geboden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="140"/>
        <source>Uren sluiten aan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="143"/>
        <source>Kandidaat kan alleen overdag; het werk vraagt ploegen of 24/7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="146"/>
        <source>Werktijden lijken haalbaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="149"/>
        <source>{0} niveau(s) onder wat gevraagd wordt: taaltraject of begeleiding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="152"/>
        <source>Taalniveau voldoet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="155"/>
        <source>Zelfde gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="156"/>
        <source>Zelfde arbeidsmarktregio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="159"/>
        <source>Andere regio binnen het SPT: reistijd bespreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="162"/>
        <source>Buiten de regio van het SPT: ver reizen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="168"/>
        <source>Geen overlap gevonden: kijk naar potentie en de klik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="171"/>
        <source>Overlap: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="175"/>
        <source>Nog geen toestemming: deel geen gegevens met de werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="178"/>
        <source>Toestemming gegeven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="304"/>
        <source>Toekomstige behoefte: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchStepDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="555"/>
        <source>Volgende stap — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="559"/>
        <source>Nu: {0}. Na de kennismaking legt u de klik vast: hoe goed kandidaat en werkgever bij elkaar passen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="73"/>
        <source>Match voorstellen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="75"/>
        <source>Naast elkaar…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="76"/>
        <source>Volgende stap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="77"/>
        <source>Plaatsen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="193"/>
        <source>{0} bij {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="57"/>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="51"/>
        <source>Geen indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="52"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="53"/>
        <source>Regio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="54"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="55"/>
        <source>Verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="59"/>
        <source>Fasen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="60"/>
        <source>Stromen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="61"/>
        <source>Uitval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="62"/>
        <source>Verblijfsduur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="63"/>
        <source>Duurzame plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="194"/>
        <source>Periode vanaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="195"/>
        <source>Periode tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="202"/>
        <source>Aantallen onder 5 afschermen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="204"/>
        <source>Toont aantallen van 1 tot 4 als &lt;5, zoals in de monitor van het hele SPT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="209"/>
        <source>Onderdelen van de monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="219"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="220"/>
        <source>tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="221"/>
        <source>Indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="226"/>
        <source>Monitor: de lekkende pijplijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="244"/>
        <source>Aanbodkrant opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="245"/>
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
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="271"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="273"/>
        <source>Cijfers berekenen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="307"/>
        <source> Aantallen onder 5 zijn afgeschermd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="309"/>
        <source>Periode {0} t/m {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="335"/>
        <source>Tabel opslaan als CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="340"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotStartedDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="180"/>
        <source>Niet gestart: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="41"/>
        <source>Gespreksverslag — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="45"/>
        <source>Een verslag wordt niet meer gewijzigd na opslaan; een correctie is een nieuw verslag. Leg geen BSN vast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="51"/>
        <source>Verslag opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="31"/>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="38"/>
        <source>Gespreksverslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="32"/>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="33"/>
        <source>Door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="34"/>
        <source>Soort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="35"/>
        <source>Verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="43"/>
        <source>Zoeken in de verslagen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="44"/>
        <source>Zoeken in de verslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="52"/>
        <source>Het gekozen verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="54"/>
        <source>Kies een verslag om het helemaal te lezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="56"/>
        <source>Gespreksverslag toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="61"/>
        <source>Gespreksverslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="64"/>
        <source>Aanvulling op bezoek {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="59"/>
        <source>Plaatsen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="63"/>
        <source>Na het plaatsen staan de behoudmomenten na 1, 3, 6 en 12 maanden klaar en gaat de kandidaat naar de fase &apos;Begeleiding en behoud&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanIntakeDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="160"/>
        <source>Intake plannen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanItem</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="27"/>
        <source>Dit plan is afgesproken: uw wijziging komt in een nieuwe conceptversie, die u daarna opnieuw afspreekt. De afgesproken versie blijft bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="51"/>
        <source>Doelen en acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Doel / actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="65"/>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Uiterlijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="58"/>
        <source>Nieuw doel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="58"/>
        <source>Nieuw doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="62"/>
        <source>Nieuwe actie bij het gekozen doel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="63"/>
        <source>Nieuwe actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="65"/>
        <source>Wie doet de actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="66"/>
        <source>Uiterlijk (datum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="68"/>
        <source>Doel toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="69"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="261"/>
        <source>Actie toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="70"/>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="71"/>
        <source>Het gekozen doel of de gekozen actie wijzigen (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="72"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="326"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="330"/>
        <source>Schrappen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="73"/>
        <source>Het gekozen doel of de gekozen actie schrappen (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="74"/>
        <source>Actie gedaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="75"/>
        <source>Actie vervalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="76"/>
        <source>De gekozen actie is niet meer nodig (blijft zichtbaar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="77"/>
        <source>Plan afspreken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="79"/>
        <source>Samenvatting van het plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="82"/>
        <source>Samenvatting: de route in een paar zinnen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="84"/>
        <source>Samenvatting opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="132"/>
        <source>Toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="156"/>
        <source>Nog geen plan van aanpak. Voeg een eerste doel toe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="161"/>
        <source>Versie {0} — {1}{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="247"/>
        <source>Voeg eerst een doel toe; een actie hoort altijd bij een doel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="255"/>
        <source>Bij welk doel?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="256"/>
        <source>Bij welk doel hoort de actie “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="262"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="332"/>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="292"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="310"/>
        <source>Kies eerst een doel of actie in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="300"/>
        <source>de actie “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="313"/>
        <source>het doel “{0}” met zijn acties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="319"/>
        <source>Wilt u {0} uit het plan schrappen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="322"/>
        <source>Het plan is afgesproken: dit gebeurt in een nieuwe conceptversie; de afgesproken versie blijft bewaard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="354"/>
        <source>Kies eerst een actie in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="239"/>
        <source>Uiterlijk: geen geldige datum (dd-mm-jjjj)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="152"/>
        <source>Afdrukvoorbeeld: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="182"/>
        <source>Opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="132"/>
        <source>Profiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="137"/>
        <source>Profiel opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="142"/>
        <source>Toestemming (AVG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="158"/>
        <source>Intakegesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="164"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="207"/>
        <source>Intake opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="200"/>
        <source>Laatst vastgelegd op {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="204"/>
        <source>Intake bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="224"/>
        <source>het profiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="226"/>
        <source>de intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="263"/>
        <source>Profiel opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="288"/>
        <source>Intake opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposeMatchDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="363"/>
        <source>Match voorstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="367"/>
        <source>Match op potentie: een vacature is niet nodig. De verschillen hieronder zijn om te bespreken, niet om iemand uit te sluiten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="378"/>
        <source>Geen vacature (match op potentie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="388"/>
        <source>Werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="389"/>
        <source>Vacature of toekomstige behoefte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReactivateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="108"/>
        <source>Opnieuw activeren — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="112"/>
        <source>De kandidaat doet weer mee. De kandidaatreis krijgt een stap met de reden.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="175"/>
        <source>Doorzetten als aanmelding — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="183"/>
        <source>Aanmelding vastgelegd; de loketvraag is afgesloten.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="71"/>
        <source>Nieuwe aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="74"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="80"/>
        <source>Aanmelding vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralLetterDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="205"/>
        <source>Terugkoppeling aan de verwijzer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="217"/>
        <source>Alleen met toestemming van de kandidaat om met de verwijzer te delen. De brief noemt de stap en de datum, geen notities of redenen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="225"/>
        <source>Terugkoppeling vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="46"/>
        <source>Verstuurde terugkoppelingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Verstuurd op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Aan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="55"/>
        <source>Terugkoppeling aan de verwijzer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="58"/>
        <source>Terugkoppelingen aan de verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="73"/>
        <source>Toestemming om met de verwijzer te delen: ja.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="76"/>
        <source>Geen toestemming om met de verwijzer te delen: er kan geen terugkoppeling worden gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="91"/>
        <source>Geen aanmelding vastgelegd: de kandidaat kwam binnen zonder warme overdracht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="96"/>
        <source>Aangemeld door {0} op {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="99"/>
        <source>Verwijzer: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="105"/>
        <source>Vraag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="102"/>
        <source>Status van de aanmelding: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="45"/>
        <source>Aanmeldingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="49"/>
        <source>Aanmeldingen die op u wachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Verwezen door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Aangemeld op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="52"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="52"/>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="63"/>
        <source>De gekozen aanmelding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="65"/>
        <source>Kies een aanmelding om alles te lezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="67"/>
        <source>Accepteren en inschrijven…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="69"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="70"/>
        <source>Intake plannen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="71"/>
        <source>Niet gestart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="72"/>
        <source>Nieuwe aanmelding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="115"/>
        <source>Geen aanmeldingen die op u wachten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="116"/>
        <source>{0} aanmeldingen wachten op u. Enter: accepteren en de kandidaat inschrijven met wat al bekend is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="139"/>
        <source>Verwezen door: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="140"/>
        <source>Verwijzer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="143"/>
        <source>Contact kandidaat: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="146"/>
        <source>Vraag: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="147"/>
        <source>Al bekend: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="148"/>
        <source>Terugkoppeling aan de verwijzer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="149"/>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="149"/>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="49"/>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="63"/>
        <source>SPT-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="72"/>
        <source>Koppelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="76"/>
        <source>Serveradres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="77"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="78"/>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="83"/>
        <source>Algemeen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="87"/>
        <source> minuten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="99"/>
        <source>Alle tekst van SPT Desktop groter; ook Windows&apos; Tekst groter maken telt mee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="104"/>
        <source>Automatisch vergrendelen na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="105"/>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="106"/>
        <source>Tekstgrootte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="110"/>
        <source>Beveiliging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="113"/>
        <source>Extra geheugenbeveiliging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="120"/>
        <source>Houdt de gegevens van de kluis vast in het werkgeheugen (nooit in het wisselbestand op schijf) en wist ze na gebruik. Synchroniseren wordt daardoor enkele malen trager. Voor organisaties die dit vereisen; geldt na het opnieuw starten van SPT Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="135"/>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="144"/>
        <source>Wachtwoordzin wijzigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="146"/>
        <source>Huidige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="147"/>
        <source>Nieuwe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="148"/>
        <source>Nieuwe (herhaal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="173"/>
        <source>Gekoppeld aan {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="178"/>
        <source>Oefenkluis met verzonnen gegevens: deze kluis wordt niet aan een server gekoppeld. Om te synchroniseren maakt u een eigen kluis aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="184"/>
        <source>Niet gekoppeld: u werkt alleen op deze laptop. Koppelen kan altijd later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="198"/>
        <source>Opnieuw starten nodig: de extra geheugenbeveiliging gaat aan zodra SPT Desktop opnieuw is gestart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="202"/>
        <source>Opnieuw starten nodig: de extra geheugenbeveiliging blijft aan tot SPT Desktop opnieuw is gestart (in een lopende app kan ze niet uit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="214"/>
        <source>Deze instelling kon niet worden bewaard: de map met instellingen van SPT Desktop is niet beschrijfbaar. Controleer de schijf en uw rechten, en probeer het opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="252"/>
        <source>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="267"/>
        <source>Wachtwoordzin gewijzigd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySideDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="281"/>
        <source>Naast elkaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="286"/>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="185"/>
        <source>Kandidaat en vacature naast elkaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="199"/>
        <source>Onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="200"/>
        <source>Verschil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="220"/>
        <source>Kandidaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="221"/>
        <source>Vacature / werkgever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="225"/>
        <source>Kies een werkgever om de verschillen te zien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="244"/>
        <source>{0} verschil(len) om te bespreken. Verschillen sluiten niemand uit: het SPT matcht op potentie, en de klik telt vaak zwaarder dan skills.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SptMonitorTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="34"/>
        <source>Geen indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="35"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="36"/>
        <source>Regio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="37"/>
        <source>Verwijzer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="50"/>
        <source>Periode vanaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="51"/>
        <source>Periode tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="56"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="86"/>
        <source>Indeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="59"/>
        <source>Tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="62"/>
        <source>Rapportage stuurgroep (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="65"/>
        <source>Per kwartaal van de gekozen periode: instroom, stromen, uitval, verblijfsduur, duurzame plaatsing en de doelen; alleen totalen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="74"/>
        <source>Onderdelen van de SPT-monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="84"/>
        <source>Van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="85"/>
        <source>tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="117"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="139"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="130"/>
        <source>Het hele SPT, {0} t/m {1}. Aantallen van 1 tot 4 staan er als &lt;5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="145"/>
        <source>Rapportage stuurgroep opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="155"/>
        <source>Rapportage stuurgroep opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="162"/>
        <source>Tabel opslaan als CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="168"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="608"/>
        <source>Te kort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="609"/>
        <source>Gebruik minstens {minimum} tekens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="612"/>
        <source>Zwak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="613"/>
        <source>Vermijd herhaalde tekens; kies een paar losse woorden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="616"/>
        <source>Redelijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="617"/>
        <source>Bruikbaar; een extra woord maakt hem sterker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="620"/>
        <source>Sterk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="621"/>
        <source>Goed; nog een woord maakt hem zeer sterk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="624"/>
        <source>Zeer sterk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="625"/>
        <source>Moeilijk te raden en met losse woorden goed te onthouden.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="177"/>
        <source>Instroom (aangemelde kandidaten)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="178"/>
        <source>Plaatsingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="179"/>
        <source>Duurzame plaatsingen (na 12 maanden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="180"/>
        <source>Uitval (% van de instroom, hoogstens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="193"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="199"/>
        <source>Jaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="203"/>
        <source>geen doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="211"/>
        <source>Doelen opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="216"/>
        <source>Doelen en realisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Streefwaarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Gerealiseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="246"/>
        <source>Doelen voor {0} opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="281"/>
        <source>binnen het doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="281"/>
        <source>boven het doel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="284"/>
        <source>{0} % van het doel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="56"/>
        <source>Oriëntatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="57"/>
        <source>Verdieping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="58"/>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="59"/>
        <source>Scholing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="60"/>
        <source>Behoud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="252"/>
        <source> dagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="253"/>
        <source>Apparaat te laat na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="259"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Coach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Let op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Rollen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Overdrachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Apparaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="263"/>
        <source>Laatste synchronisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="265"/>
        <source>Overdrachten die zij verstuurde en die wachten op acceptatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="267"/>
        <source>Caseload in de fase {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="273"/>
        <source>Apparaat of overdracht te laat na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="314"/>
        <source> (oudste {0} dagen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="323"/>
        <source>Nog nooit gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="327"/>
        <source>{0} dagen niet gesynchroniseerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="330"/>
        <source>Overdracht wacht te lang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="332"/>
        <source> (uitgeschakeld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="338"/>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="338"/>
        <source>Geen apparaat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="369"/>
        <source>{0} coaches. {1} apparaten langer dan {2} dagen niet gesynchroniseerd (hun werk staat nog alleen op de laptop); {3} coaches met een overdracht die langer wacht. Conflicten: de laatste {4} dagen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="38"/>
        <source>Vervolgafspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="42"/>
        <source>Behoudmomenten na plaatsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="34"/>
        <source>Overdrachten die op u wachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="43"/>
        <source>Vervolgbezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="82"/>
        <source>Vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="85"/>
        <source>Wat vandaag op u wacht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wanneer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="54"/>
        <location filename="../../spt_desktop/ui/pages/today.py" line="97"/>
        <source>Dossier openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="35"/>
        <source>Nieuwe aanmeldingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="36"/>
        <source>Loketvragen om op te volgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="37"/>
        <source>Intakes te doen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="39"/>
        <source>Werkgevers: vervolgafspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="40"/>
        <source>Matches die op antwoord wachten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="41"/>
        <source>Vacatures en toekomstige behoeften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="47"/>
        <source>Behoudmoment vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="48"/>
        <source>Bezoek vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="49"/>
        <location filename="../../spt_desktop/ui/pages/today.py" line="50"/>
        <source>Werkgever openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="51"/>
        <source>Accepteren en inschrijven…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="52"/>
        <source>Loketvraag openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="96"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="99"/>
        <source>Bezoek vastleggen…  (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="101"/>
        <source>Overdracht accepteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="138"/>
        <source>Vandaag — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="140"/>
        <source>Niets dat vandaag op u wacht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="143"/>
        <source>{0} punten vragen vandaag uw aandacht.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="162"/>
        <source>{0} bij een werkgever van een ander SPT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="75"/>
        <source>Scholing toevoegen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="77"/>
        <source>Scholing wijzigen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="85"/>
        <source>Een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) betaalt alleen voor wie werkt: kies het pas als de kandidaat geplaatst is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="91"/>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="94"/>
        <source>Levert een erkend certificaat of certificeerbare eenheden op</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="37"/>
        <source>SPT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="39"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="116"/>
        <source>Uw kluis is vergrendeld. Voer uw wachtwoordzin in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="44"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="46"/>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="57"/>
        <source>Laat leeg om de oude te houden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="59"/>
        <source>Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="60"/>
        <source>Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="71"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="126"/>
        <source>Herstelsleutel gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="74"/>
        <source>Ontgrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="85"/>
        <source>Demokluis met verzonnen gegevens. Wachtwoordzin: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="124"/>
        <source>Wachtwoordzin gebruiken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="137"/>
        <source>Voer uw herstelsleutel in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="142"/>
        <source>Voer uw wachtwoordzin in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VacancyDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="96"/>
        <source>Bewerken — {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="98"/>
        <source>Nieuwe toekomstige behoefte — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="100"/>
        <source>Nieuwe vacature — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="107"/>
        <source>Een toekomstige behoefte (les 10) krijgt een verwachte datum; zij komt op Vandaag een maand ervoor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="59"/>
        <source>Bezoek vastleggen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="63"/>
        <source>Bezoekverslag wijzigen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="69"/>
        <source>Tab naar het volgende veld, Ctrl+Enter legt vast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="74"/>
        <source>Bezoek vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="74"/>
        <source>Wijzigingen opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="90"/>
        <source>Bezoek vastgelegd.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="25"/>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="36"/>
        <source>Bezoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="26"/>
        <source>Tijdstip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="27"/>
        <source>Vorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="28"/>
        <source>Locatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="29"/>
        <source>Voortgang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="30"/>
        <source>Welbevinden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="31"/>
        <source>Uitvalrisico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="31"/>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="32"/>
        <source>Afgetekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="33"/>
        <source>Afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="39"/>
        <source>Het gekozen bezoekverslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="41"/>
        <source>Kies een bezoek om het verslag te lezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="44"/>
        <source>Wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="45"/>
        <source>Het verslag aanpassen zolang het niet is afgetekend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="48"/>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="136"/>
        <source>Aftekenen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="49"/>
        <source>Het verslag vastzetten; daarna kan alleen nog een aanvulling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="52"/>
        <source>Aanvulling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="53"/>
        <source>Iets toevoegen aan een afgetekend verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="61"/>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="64"/>
        <source>{0} (+{1} aanv.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="84"/>
        <source>Aanwezig: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="85"/>
        <source>Besproken: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="86"/>
        <source>Afspraken: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="87"/>
        <source>Afgetekend op {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="89"/>
        <source>Nog niet afgetekend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="93"/>
        <source>Aanvulling van {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="102"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="113"/>
        <source>Afgetekend verslag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="115"/>
        <source>Dit bezoekverslag is afgetekend op {0} en wordt niet meer gewijzigd. Wat u wilt toevoegen of rechtzetten, legt u vast als aanvulling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="118"/>
        <source>Aanvulling schrijven…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="131"/>
        <source>Bezoekverslag aftekenen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="133"/>
        <source>Na het aftekenen wordt dit verslag niet meer gewijzigd; later kan alleen een aanvulling. Aftekenen?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/work_tab.py" line="123"/>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="41"/>
        <source>Vandaag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="42"/>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="43"/>
        <source>Werkgevers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="44"/>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="45"/>
        <source>Conflicten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="46"/>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="47"/>
        <source>Coördinatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="48"/>
        <source>Aanmeldingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="49"/>
        <source>Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="62"/>
        <source>Pagina&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="102"/>
        <source>Pagina</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
