<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name></name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="99"/>
        <source>Behoudmoment na {0} — {1}</source>
        <translation>Retention checkpoint after {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="105"/>
        <source>{0} bij {1}, gestart op {2}; dit behoudmoment stond op {3}. Is de kandidaat nog in dienst?</source>
        <translation>{0} at {1}, started on {2}; this checkpoint was due on {3}. Is the candidate still employed?</translation>
    </message>
</context>
<context>
    <name>AcceptReferralDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="105"/>
        <source>Aanmelding accepteren: kandidaat inschrijven</source>
        <translation>Accept referral: register candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="109"/>
        <source>Aanmelding geaccepteerd: kandidaat ingeschreven.</source>
        <translation>Referral accepted: candidate registered.</translation>
    </message>
</context>
<context>
    <name>AccessExport</name>
    <message>
        <location filename="../../spt_desktop/ui/access_export.py" line="32"/>
        <source>Inzageverzoek (AVG) exporteren</source>
        <translation>Export access request (GDPR)</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="84"/>
        <source>Actie wijzigen</source>
        <translation>Edit action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="91"/>
        <source>Actie opslaan</source>
        <translation>Save action</translation>
    </message>
</context>
<context>
    <name>ActivitiesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="26"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="42"/>
        <source>Activiteiten</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="27"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="28"/>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="29"/>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="30"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="31"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="32"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="43"/>
        <source>Scholing</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="33"/>
        <source>Opleider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="34"/>
        <source>Opleiding</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="35"/>
        <source>Rijksbekostigd</source>
        <translation>Publicly funded</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="36"/>
        <source>Financiering</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="37"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="38"/>
        <source>Tot</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="39"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="40"/>
        <source>Certificaat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="46"/>
        <source>Activiteit plannen…</source>
        <translation>Plan activity…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="49"/>
        <source>Uitkomst vastleggen…</source>
        <translation>Record outcome…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="50"/>
        <source>Hoe ging de gekozen activiteit?</source>
        <translation>How did the selected activity go?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="53"/>
        <source>Wijzigen…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="54"/>
        <source>Datum, locatie of soort van de gekozen activiteit wijzigen</source>
        <translation>Change the date, location or kind of the selected activity</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="57"/>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="107"/>
        <source>Afzeggen</source>
        <translation>Call off</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="58"/>
        <source>De gekozen activiteit gaat niet door (blijft zichtbaar als geannuleerd)</source>
        <translation>The selected activity will not take place (stays visible as cancelled)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="63"/>
        <source>Scholing toevoegen…</source>
        <translation>Add training…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="66"/>
        <source>Scholing wijzigen…</source>
        <translation>Edit training…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="80"/>
        <source>Kies eerst een activiteit in de lijst.</source>
        <translation>First select an activity in the list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="103"/>
        <source>Activiteit afzeggen</source>
        <translation>Call off activity</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="104"/>
        <source>{0} op {1} gaat niet door? Hij blijft in de lijst als geannuleerd.</source>
        <translation>{0} on {1} will not take place? It stays in the list as cancelled.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/activities_tab.py" line="121"/>
        <source>Kies eerst een scholing in de lijst.</source>
        <translation>First select a training in the list.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="64"/>
        <source>Activiteit plannen — {0}</source>
        <translation>Plan activity — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="67"/>
        <source>Uitkomst vastleggen — {0}</source>
        <translation>Record outcome — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="69"/>
        <source>Activiteit wijzigen — {0}</source>
        <translation>Edit activity — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="76"/>
        <source>Oriëntatie (Techcourt, Techniektuin, Beroepentuin, BTO/VTO) of werkgeversactiviteit (meet &amp; match, matchtafel, speeddate, banenmarkt). De uitkomst legt u vast als de activiteit geweest is.</source>
        <translation>Orientation (Techcourt, Techniektuin, Beroepentuin, BTO/VTO) or employer activity (meet &amp; match, matching table, speed date, job fair). Record the outcome once the activity has taken place.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="83"/>
        <source>Plannen</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="83"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="79"/>
        <source>Aanvulling op bezoek van {0} — {1}</source>
        <translation>Addendum to the visit of {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="85"/>
        <source>Dit bezoekverslag is afgetekend en blijft zoals het is. Wat u hier schrijft komt er als aanvulling bij, met de datum van vandaag.</source>
        <translation>This visit report is signed off and stays as it is. What you write here is added as an addendum, dated today.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="91"/>
        <source>Aanvulling vastleggen</source>
        <translation>Record addendum</translation>
    </message>
</context>
<context>
    <name>AssignTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="398"/>
        <source>Welke kandidaten</source>
        <translation>Which candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="401"/>
        <source>Kandidaten</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="507"/>
        <source>Fase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="402"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="505"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="508"/>
        <source>Aangemeld</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="403"/>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="508"/>
        <source>Coaches</source>
        <translation>Coaches</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="409"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="415"/>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="420"/>
        <source>Toewijzen</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="426"/>
        <source>Toon</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="431"/>
        <source>Aan coach</source>
        <translation>To coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="431"/>
        <source>in de rol</source>
        <translation>in the role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="460"/>
        <source>Nieuwe aanmeldingen zonder coach</source>
        <translation>New referrals without a coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="462"/>
        <source>Zonder {0}</source>
        <translation>Without {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="464"/>
        <source>Zonder enige coach</source>
        <translation>Without any coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="467"/>
        <source>Caseload van {0}</source>
        <translation>Caseload of {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="504"/>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="505"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="537"/>
        <source>Geen nieuwe aanmeldingen zonder coach.</source>
        <translation>No new referrals without a coach.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="538"/>
        <source>{0} aanmeldingen wachten op een loopbaancoach. Kies er een of meer, dan de coach.</source>
        <translation>{0} referrals are waiting for a career coach. Pick one or more, then the coach.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="560"/>
        <source>Geen kandidaten in deze lijst.</source>
        <translation>No candidates in this list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="561"/>
        <source>{0} kandidaten. Kies er een of meer (Ctrl of Shift voor meer), dan de coach en de rol.</source>
        <translation>{0} candidates. Pick one or more (Ctrl or Shift for more), then the coach and the role.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="577"/>
        <source>Kies eerst een of meer aanmeldingen in de lijst.</source>
        <translation>First pick one or more referrals in the list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="579"/>
        <source>Kies eerst een of meer kandidaten in de lijst.</source>
        <translation>First pick one or more candidates in the list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="586"/>
        <source>{0} heeft de rol {1} niet; kies een andere coach of rol.</source>
        <translation>{0} does not have the role {1}; choose another coach or role.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="603"/>
        <source>{0} aanmeldingen toegewezen. De coach ziet ze na haar volgende synchronisatie.</source>
        <translation>{0} referrals assigned. The coach sees them after her next sync.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="609"/>
        <source>{0} toegewezen; {1} eerdere toewijzingen beëindigd.</source>
        <translation>{0} assigned; {1} earlier assignments ended.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="612"/>
        <source> De coaches zien het na hun volgende synchronisatie.</source>
        <translation> The coaches see it after their next sync.</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="88"/>
        <source>Nieuwe kandidaat inschrijven</source>
        <translation>Register a new candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="91"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation>Do not record a BSN: the SPT has no legal basis for it.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="97"/>
        <source>Kandidaat ingeschreven.</source>
        <translation>Candidate registered.</translation>
    </message>
</context>
<context>
    <name>CandidatePage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="63"/>
        <source>← Caseload</source>
        <translation>← Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="65"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="85"/>
        <source>Bezoek vastleggen…</source>
        <translation>Log a visit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="67"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="86"/>
        <source>Overdragen…</source>
        <translation>Hand over…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="118"/>
        <source>Profiel en intake</source>
        <translation>Profile and intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="95"/>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="119"/>
        <source>Plan van aanpak</source>
        <translation>Plan of approach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="90"/>
        <source>PDF opgeslagen.</source>
        <translation>PDF saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="91"/>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="94"/>
        <source>Dossiersamenvatting</source>
        <translation>Dossier summary</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="98"/>
        <source>Inzageverzoek opgeslagen. Geef het bestand alleen aan de kandidaat zelf.</source>
        <translation>Access request saved. Give the file to the candidate only.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="100"/>
        <source>AVG</source>
        <translation>GDPR</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="101"/>
        <source>Inzageverzoek (AVG) exporteren…</source>
        <translation>Export access request (GDPR)…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="104"/>
        <source>Alles wat deze kluis over de kandidaat bevat, als JSON-bestand</source>
        <translation>Everything this vault holds about the candidate, as a JSON file</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="108"/>
        <source>Afdrukken en exporteren</source>
        <translation>Print and export</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="110"/>
        <source>Bezoekverslag</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="113"/>
        <source>Bezoekverslag (geselecteerd bezoek)</source>
        <translation>Visit report (selected visit)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="116"/>
        <source>Onderdelen van het dossier</source>
        <translation>Parts of the dossier</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="120"/>
        <source>Kandidaatreis</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="121"/>
        <source>Activiteiten en scholing</source>
        <translation>Activities and training</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="122"/>
        <source>Matches en plaatsing</source>
        <translation>Matches and placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="123"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="124"/>
        <source>Notities</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="125"/>
        <source>Overdrachten</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="126"/>
        <source>Aanmelding</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="127"/>
        <source>Historie</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="132"/>
        <source>Gespreksverslagen en aanvullingen op bezoeken</source>
        <translation>Conversation notes and addenda to visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="161"/>
        <source>Dossier laden…</source>
        <translation>Loading dossier…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="178"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="182"/>
        <source>Dossiernr. {0}</source>
        <translation>File no. {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="185"/>
        <source>vervolgafspraak: {0}</source>
        <translation>follow-up: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="242"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="244"/>
        <source>U hebt {0} gewijzigd en nog niet opgeslagen.</source>
        <translation>You changed {0} and have not saved it yet.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="245"/>
        <source> en </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="248"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="249"/>
        <source>Niet opslaan</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="250"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="309"/>
        <source>Afdrukvoorbeeld…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="310"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="311"/>
        <source>Opslaan als PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/candidate.py" line="350"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation>Choose a visit in the list first.</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="85"/>
        <source>Zoek op naam, gemeente, vaardigheden, notities…  (Ctrl+F)</source>
        <translation>Search by name, municipality, skills, notes…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="88"/>
        <source>Zoeken in de caseload</source>
        <translation>Search the caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="89"/>
        <source>Alle fasen</source>
        <translation>All phases</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="90"/>
        <source>Alle persona&apos;s</source>
        <translation>All personas</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="91"/>
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="94"/>
        <source>Elke rol</source>
        <translation>Any role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="97"/>
        <source>Alleen mijn kandidaten</source>
        <translation>Only my candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="99"/>
        <source>Filters wissen</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="100"/>
        <source>Alle filters uit: weer elke kandidaat tonen</source>
        <translation>All filters off: show every candidate again</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="103"/>
        <source>Nieuwe kandidaat…</source>
        <translation>New candidate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="108"/>
        <source>Kandidaten</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="125"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="184"/>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="224"/>
        <source>{0} kandidaten</source>
        <translation>{0} candidates</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="226"/>
        <source>1 kandidaat</source>
        <translation>1 candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/caseload.py" line="229"/>
        <source>{0} — filters staan aan</source>
        <translation>{0} — filters are on</translation>
    </message>
</context>
<context>
    <name>CheckpointDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="147"/>
        <source>Niet meer in dienst sinds {0}: registreer de uitval, met het lek.</source>
        <translation>No longer employed since {0}: record the dropout, with its leak.</translation>
    </message>
</context>
<context>
    <name>CloseQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="142"/>
        <source>Loketvraag afsluiten — {0}</source>
        <translation>Close desk question — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="145"/>
        <source>Afsluiten wist de naam en de contactgegevens van de vraagsteller.</source>
        <translation>Closing erases the asker&apos;s name and contact details.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="155"/>
        <source>Loketvraag afgesloten.</source>
        <translation>Desk question closed.</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="55"/>
        <source>De bewaartermijn van het dossier gaat in op de afsluitdatum.</source>
        <translation>The file&apos;s retention period starts on the closing date.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="58"/>
        <source>Sluit u af als gestopt, verhuisd, terugverwezen of anders, dan is dat uitval: kies dan ook het lek.</source>
        <translation>Closing as stopped, moved, referred back or other is a dropout: choose its leak too.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="63"/>
        <source>Dossier afsluiten — {0}</source>
        <translation>Close file — {0}</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="42"/>
        <source>niet afgeleverd: dossier niet meer van u</source>
        <translation>not delivered: no longer your dossier</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="43"/>
        <source>geweigerd door de server</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="44"/>
        <source>elders verwijderd</source>
        <translation>deleted elsewhere</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="198"/>
        <source>Mijn versie houden</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="199"/>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="310"/>
        <source>Versie van de server houden</source>
        <translation>Keep the server&apos;s version</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="200"/>
        <source>Mijn versie van het veld houden</source>
        <translation>Keep my version of the field</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="201"/>
        <source>Versie van de server houden of melding sluiten</source>
        <translation>Keep the server&apos;s version or close the notice</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="194"/>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="209"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="29"/>
        <source>niet afgeleverd: register van een ander SPT</source>
        <translation>not delivered: another SPT&apos;s register</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="30"/>
        <source>niet afgeleverd: loketvraag, u hebt geen rol loket</source>
        <translation>not delivered: desk question, you have no desk role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="33"/>
        <source>niet afgeleverd: aanmelding is werk van het loket</source>
        <translation>not delivered: referrals are the desk&apos;s work</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="36"/>
        <source>niet afgeleverd: aanmelding van een ander SPT</source>
        <translation>not delivered: referral of another SPT</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="39"/>
        <source>niet afgeleverd: collega zonder account op de server</source>
        <translation>not delivered: colleague without an account on the server</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="46"/>
        <source>hele record</source>
        <translation>whole record</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="47"/>
        <source>{0}: aangemeld op {1} door {2}</source>
        <translation>{0}: referred on {1} by {2}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="49"/>
        <source>{0} van {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="53"/>
        <source>nieuwe keuze: werk de app bij</source>
        <translation>new choice: update the app</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="240"/>
        <source>{0} velden zijn hier én op de server gewijzigd. Kies per veld welke versie blijft; beide waarden staan hieronder.</source>
        <translation>{0} fields were changed both here and on the server. Choose for each field which version stays; both values are shown below.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="252"/>
        <source>Bij {0} daarvan is de versie van de server een nieuwe keuze die deze versie van de app nog niet kent. Houdt u die, dan ziet u hem na het bijwerken van de app; tot dan staat hier uw eigen waarde.</source>
        <translation>For {0} of them the server&apos;s version is a new choice this version of the app does not know yet. If you keep it, you will see it after updating the app; until then your own value stays here.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="260"/>
        <source>{0} keer kwam uw werk niet (meer) aan op de server. Uw tekst staat hieronder: geef hem zo nodig door en sluit de melding.</source>
        <translation>{0} times your work did not (or no longer) reach the server. Your text is below: pass it on if needed and close the notice.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="275"/>
        <source>Geen conflicten. Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld.</source>
        <translation>No conflicts. This is a practice vault with made-up data; it is never linked to a server.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="280"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server.</source>
        <translation>No conflicts. This vault is not linked to a server.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="283"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server: 1 wijziging staat alleen op deze laptop. Koppelen kan bij Instellingen.</source>
        <translation>No conflicts. This vault is not linked to a server: 1 change exists only on this laptop. You can link it in Settings.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="288"/>
        <source>Geen conflicten. Deze kluis is niet gekoppeld aan een server: {0} wijzigingen staan alleen op deze laptop. Koppelen kan bij Instellingen.</source>
        <translation>No conflicts. This vault is not linked to a server: {0} changes exist only on this laptop. You can link it in Settings.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="293"/>
        <source>Geen conflicten. 1 wijziging wacht nog op de volgende synchronisatie.</source>
        <translation>No conflicts. 1 change is waiting for the next sync.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="296"/>
        <source>Geen conflicten. {0} wijzigingen wachten nog op de volgende synchronisatie.</source>
        <translation>No conflicts. {0} changes are waiting for the next sync.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="299"/>
        <source>Geen conflicten. Er is nog niet gesynchroniseerd.</source>
        <translation>No conflicts. Nothing has been synced yet.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="300"/>
        <source>Geen conflicten: alles is in overeenstemming met de server.</source>
        <translation>No conflicts: everything agrees with the server.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/conflicts.py" line="310"/>
        <source>Gezien, melding sluiten</source>
        <translation>Seen, close the notice</translation>
    </message>
</context>
<context>
    <name>ContactPersonDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="48"/>
        <source>Contactpersoon bewerken — {0}</source>
        <translation>Edit contact person — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="50"/>
        <source>Nieuwe contactpersoon — {0}</source>
        <translation>New contact person — {0}</translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="132"/>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="135"/>
        <source>Onderdelen van de coördinatie</source>
        <translation>Parts of coordination</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="141"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="142"/>
        <source>Toewijzen</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="143"/>
        <source>SPT-monitor</source>
        <translation>SPT monitor</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="144"/>
        <source>Doelen</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="148"/>
        <source>Coördinatie: het SPT sturen</source>
        <translation>Coordination: steering the SPT</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="199"/>
        <source>Gegevens ophalen bij de server…</source>
        <translation>Fetching data from the server…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="214"/>
        <source>De server gaf geen antwoord; probeer Vernieuwen.</source>
        <translation>The server did not answer; try Refresh.</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="54"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="94"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="108"/>
        <source>Opgeslagen.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="162"/>
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/base.py" line="163"/>
        <source>Wat u hebt ingevuld is nog niet opgeslagen. Weggooien?</source>
        <translation>What you entered has not been saved yet. Discard it?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="65"/>
        <source>Plannen</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="81"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="93"/>
        <source>Inschrijven</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="18"/>
        <source>Overdragen</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="26"/>
        <source>Verslag opslaan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="63"/>
        <source>Aanvulling vastleggen</source>
        <translation>Save addition</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="35"/>
        <source>Doel opslaan</source>
        <translation>Save goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="68"/>
        <source>Actie opslaan</source>
        <translation>Save action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="44"/>
        <source>Bezoek vastleggen</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="62"/>
        <source>Wijzigingen opslaan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="87"/>
        <source>Contact vastleggen</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="326"/>
        <source>Voorstellen</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="513"/>
        <source>Stap vastleggen</source>
        <translation>Record step</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="43"/>
        <source>Plaatsen</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="64"/>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="190"/>
        <source>Maken en opslaan als PDF…</source>
        <translation>Make and save as PDF…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="77"/>
        <source>Vraag opslaan</source>
        <translation>Save question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="121"/>
        <source>Vraag afsluiten</source>
        <translation>Close question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="163"/>
        <source>Aanmelding vastleggen</source>
        <translation>Record referral</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="370"/>
        <source>Bevat een BSN; het SPT mag geen BSN vastleggen. Dit veld wordt niet als concept bewaard.</source>
        <translation>Contains a BSN; the SPT may not record a BSN. This field is not kept in the draft.</translation>
    </message>
</context>
<context>
    <name>DropoutDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="68"/>
        <source>Uitval registreren — {0}</source>
        <translation>Record dropout — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="72"/>
        <source>In welke fase haakte de kandidaat af, en door welk lek in de pijplijn?</source>
        <translation>In which phase did the candidate drop out, and through which leak in the pipeline?</translation>
    </message>
</context>
<context>
    <name>Elsewhere</name>
    <message>
        <location filename="../../spt_desktop/ui/elsewhere.py" line="15"/>
        <source>een werkgever van een ander SPT</source>
        <translation>an employer of another SPT</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/elsewhere.py" line="22"/>
        <source>vacature van een ander SPT</source>
        <translation>vacancy of another SPT</translation>
    </message>
</context>
<context>
    <name>EmployerContactDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="119"/>
        <source>Werkgeverscontact bewerken — {0}</source>
        <translation>Edit employer contact — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="121"/>
        <source>Contact vastleggen — {0}</source>
        <translation>Log contact — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="128"/>
        <source>De vervolgafspraak komt op uw Vandaag op die datum.</source>
        <translation>The follow-up appears on your Today on that date.</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="92"/>
        <source>Werkgever bewerken — {0}</source>
        <translation>Edit employer — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="94"/>
        <source>Nieuwe werkgever</source>
        <translation>New employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="105"/>
        <source>Transitiebereidheid: kijkt het bedrijf anders naar talent, met ruimte voor taal, niveau, begeleiding en ontwikkeling?</source>
        <translation>Readiness for transition: does the company look at talent differently, with room for language, level, guidance and development?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="113"/>
        <source>Geen opleidingsfonds</source>
        <translation>No training fund</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="135"/>
        <source>Er staat al een werkgever “{0}” in {1}{2}. Is dit echt een andere werkgever? Kies dan ‘Toch opslaan’.</source>
        <translation>There already is an employer “{0}” in {1}{2}. Is this really another employer? Then choose ‘Save anyway’.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="143"/>
        <source>Toch opslaan</source>
        <translation>Save anyway</translation>
    </message>
</context>
<context>
    <name>EmployersPage</name>
    <message>
        <source>Zoek werkgever op naam…</source>
        <translation type="vanished">Search employer by name…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contactpersonen&lt;/b&gt;</source>
        <translation type="vanished">&lt;b&gt;Contact persons&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Vacatures en toekomstige behoefte&lt;/b&gt;</source>
        <translation type="vanished">&lt;b&gt;Vacancies and future needs&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="160"/>
        <source>Zoek naam, sector, gemeente…</source>
        <translation>Search name, sector, municipality…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="161"/>
        <source>Zoek werkgever</source>
        <translation>Search employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="164"/>
        <source>Filter op sector</source>
        <translation>Filter by sector</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="165"/>
        <source>Alle sectoren</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="169"/>
        <source>Filter op gemeente</source>
        <translation>Filter by municipality</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="170"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="370"/>
        <source>Alle gemeenten</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="172"/>
        <source>Met &amp;open vacatures of toekomstige behoefte</source>
        <translation>With &amp;open vacancies or future needs</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="175"/>
        <source>&amp;Nieuwe werkgever…</source>
        <translation>&amp;New employer…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="179"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="293"/>
        <source>Werkgevers</source>
        <translation>Employers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="208"/>
        <source>&amp;Werkgever bewerken…</source>
        <translation>Edit e&amp;mployer…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="211"/>
        <source>Onderdelen van de werkgever</source>
        <translation>Parts of the employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="214"/>
        <source>Vacatures</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="217"/>
        <source>&amp;Vacature…</source>
        <translation>&amp;Vacancy…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="219"/>
        <source>&amp;Toekomstige behoefte…</source>
        <translation>&amp;Future need…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="221"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="248"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="265"/>
        <source>B&amp;ewerken…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="222"/>
        <source>Vervu&amp;ld</source>
        <translation>Fi&amp;lled</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="223"/>
        <source>&amp;Sluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="224"/>
        <source>&amp;Heropenen</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="227"/>
        <source>&amp;Kandidaat voorstellen…</source>
        <translation>Propose &amp;candidate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="241"/>
        <source>Vacatures en toekomstige behoefte</source>
        <translation>Vacancies and future needs</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="244"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="254"/>
        <source>Contacten</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="247"/>
        <source>Contact &amp;vastleggen…</source>
        <translation>&amp;Log contact…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="250"/>
        <source>Vervolg a&amp;fgerond</source>
        <translation>Follow-up &amp;done</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="258"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="272"/>
        <source>Contactpersonen</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="262"/>
        <source>&amp;Toevoegen…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="267"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="467"/>
        <source>Ve&amp;rtrokken</source>
        <translation>Has le&amp;ft</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="305"/>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="391"/>
        <source>Kies een werkgever.</source>
        <translation>Choose an employer.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="348"/>
        <source>{0} werkgever(s)</source>
        <translation>{0} employer(s)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="351"/>
        <source>Geen werkgevers gevonden.</source>
        <translation>No employers found.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="411"/>
        <source>onbekend</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="413"/>
        <source>Branche: {0}</source>
        <translation>Branch: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="414"/>
        <source>Opleidingsfonds: {0}</source>
        <translation>Training fund: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="415"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="417"/>
        <source>Transitiebereidheid: {0}</source>
        <translation>Readiness for transition: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="426"/>
        <source>Begeleiding in het bedrijf: {0} praktijkopleider(s), {1} middenkader.</source>
        <translation>In-company guidance: {0} workplace trainer(s), {1} middle management.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="466"/>
        <source>Toch nog in &amp;dienst</source>
        <translation>Still &amp;employed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="475"/>
        <source>{0} uur per week</source>
        <translation>{0} hours a week</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="479"/>
        <source>{0} bruto per maand</source>
        <translation>{0} gross a month</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="481"/>
        <source>Nederlands {0}</source>
        <translation>Dutch {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="485"/>
        <source>BBL/leerwerkplek mogelijk</source>
        <translation>BBL/work-based place possible</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/employers.py" line="487"/>
        <source>bron: {0}</source>
        <translation>source: {0}</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="38"/>
        <source>De wachtwoordzin klopt niet. Controleer hoofdletters en Caps Lock en probeer het opnieuw; bent u de wachtwoordzin kwijt, ontgrendel dan met uw herstelsleutel.</source>
        <translation>The passphrase is not correct. Check capitals and Caps Lock and try again; if you have lost the passphrase, unlock with your recovery key.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="43"/>
        <source>Deze herstelsleutel is niet geldig: er is waarschijnlijk een teken verkeerd overgenomen. Controleer de sleutel (groepen van vier tekens) en probeer opnieuw.</source>
        <translation>This recovery key is not valid: a character was probably copied wrongly. Check the key (groups of four characters) and try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="48"/>
        <source>Deze herstelsleutel hoort niet bij deze kluis. Controleer of u de herstelsleutel van precies deze kluis gebruikt; past geen enkele sleutel, zet de kluis dan terug uit uw back-up.</source>
        <translation>This recovery key does not belong to this vault. Check that you are using the recovery key of exactly this vault; if no key fits, restore the vault from your backup.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="54"/>
        <source>Het sleutelbestand van de kluis ontbreekt ({path}). Zet het terug uit uw back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.</source>
        <translation>The vault&apos;s key file is missing ({path}). Restore it from your backup, or unlock with your recovery key: that makes it again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="59"/>
        <source>Het sleutelbestand van de kluis is beschadigd ({path}). Zet het terug uit uw back-up, of ontgrendel met uw herstelsleutel: dan wordt het opnieuw gemaakt.</source>
        <translation>The vault&apos;s key file is damaged ({path}). Restore it from your backup, or unlock with your recovery key: that makes it again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="64"/>
        <source>Er is geen kluis op {path}. Kies het juiste bestand of maak een nieuwe kluis.</source>
        <translation>There is no vault at {path}. Choose the right file or create a new vault.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="68"/>
        <source>Er staat al een kluis op {path}. Kies een andere plek; een bestaande kluis wordt nooit overschreven.</source>
        <translation>There is already a vault at {path}. Choose another place; an existing vault is never overwritten.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="73"/>
        <source>{path} is geen SPT-kluis die bij dit sleutelbestand hoort ({reason}). Kies het juiste kluisbestand, of zet het terug uit uw back-up.</source>
        <translation>{path} is not an SPT vault that belongs to this key file ({reason}). Choose the right vault file, or restore it from your backup.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="78"/>
        <source>De kluis {path} is beschadigd of er is mee geknoeid: een deel ervan is niet meer te ontsleutelen. Er is niets gewijzigd. Zet de kluis terug uit uw back-up en synchroniseer; neem contact op met de IT van uw SPT.</source>
        <translation>The vault {path} is damaged or has been tampered with: part of it can no longer be decrypted. Nothing was changed. Restore the vault from your backup and synchronise; contact your SPT&apos;s IT.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="84"/>
        <source>De kluis kan niet worden gelezen of opgeslagen ({path}: {reason}). Er is niets half opgeslagen. Maak ruimte vrij of controleer de map en uw rechten, en probeer het opnieuw.</source>
        <translation>The vault cannot be read or saved ({path}: {reason}). Nothing was half saved. Free up space or check the folder and your permissions, and try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="90"/>
        <source>Deze kluis is gemaakt met een nieuwere versie van SPT Desktop; werk de app bij en open de kluis daarna opnieuw. Er is niets gewijzigd.</source>
        <translation>This vault was made with a newer version of SPT Desktop; update the app and then open the vault again. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="95"/>
        <source>De kluis is vergrendeld. Ontgrendel hem eerst.</source>
        <translation>The vault is locked. Unlock it first.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="99"/>
        <source>Deze installatie heeft geen werkende SQLCipher 4 (de SQLite-bibliotheek heeft geen versleuteling). Zonder versleuteling start SPT Desktop niet: installeer het pakket opnieuw.</source>
        <translation>This installation has no working SQLCipher 4 (the SQLite library has no encryption). Without encryption SPT Desktop does not start: reinstall the package.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="105"/>
        <source>Deze installatie heeft geen werkende SQLCipher 4 (versie {version} is te oud). Zonder versleuteling start SPT Desktop niet: installeer het pakket opnieuw.</source>
        <translation>This installation has no working SQLCipher 4 (version {version} is too old). Without encryption SPT Desktop does not start: reinstall the package.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="110"/>
        <source>Deze wachtwoordzin is te zwak ({reason}). Kies er een van minstens {minimum} tekens; een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation>This passphrase is too weak ({reason}). Choose one of at least {minimum} characters; a few loose words are strong and easy to remember.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="115"/>
        <source>Controleer de invoer — {fields}. Er is niets opgeslagen.</source>
        <translation>Check the input — {fields}. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="119"/>
        <source>{what} bestaat niet (meer) in deze kluis. Misschien is het verwijderd of overgedragen; synchroniseer en probeer het opnieuw.</source>
        <translation>{what} no longer exists in this vault. It may have been deleted or handed over; synchronise and try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="124"/>
        <source>Deze plaatsing hoort bij een andere kandidaat. Kies een plaatsing van deze kandidaat.</source>
        <translation>This placement belongs to another candidate. Choose a placement of this candidate.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="128"/>
        <source>Dit bezoekverslag is afgetekend en wordt niet meer gewijzigd; leg een aanvulling vast als nieuw bezoek.</source>
        <translation>This visit report has been signed off and is no longer changed; record an addition as a new visit.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="133"/>
        <source>Deze kandidaat is {candidate_status}; meld hem of haar eerst opnieuw aan voordat de fase verandert.</source>
        <translation>This candidate is {candidate_status}; register him or her again before the phase changes.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="138"/>
        <source>De kandidaat staat al in de fase {phase}.</source>
        <translation>The candidate is already in the phase {phase}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="142"/>
        <source>Deze kandidaat is al als uitgevallen geregistreerd.</source>
        <translation>This candidate has already been recorded as dropped out.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="146"/>
        <source>Deze kandidaat doet al mee; opnieuw aanmelden is niet nodig.</source>
        <translation>This candidate is already taking part; registering again is not needed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="150"/>
        <source>Deze vacature hoort bij een andere werkgever. Kies een vacature van deze werkgever.</source>
        <translation>This vacancy belongs to another employer. Choose a vacancy of this employer.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="154"/>
        <source>Een match met status &apos;{match_status}&apos; kan niet naar &apos;{to_status}&apos;.</source>
        <translation>A match with status &apos;{match_status}&apos; cannot move to &apos;{to_status}&apos;.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="158"/>
        <source>Een match met status &apos;{match_status}&apos; kan geen plaatsing meer worden.</source>
        <translation>A match with status &apos;{match_status}&apos; can no longer become a placement.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="162"/>
        <source>Dit meetmoment is al vastgelegd.</source>
        <translation>This retention checkpoint has already been recorded.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="166"/>
        <source>Deze plaatsing is al beëindigd.</source>
        <translation>This placement has already ended.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="170"/>
        <source>Alleen een concept kan worden afgesproken. Begin een nieuwe versie om het plan van aanpak aan te passen.</source>
        <translation>Only a draft can be agreed. Start a new version to change the plan of approach.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="175"/>
        <source>Een plan van aanpak heeft minstens één doel nodig. Voeg eerst een doel toe.</source>
        <translation>A plan of approach needs at least one goal. Add a goal first.</translation>
    </message>
    <message>
        <source>Dit plan van aanpak is afgesproken en wordt niet meer gewijzigd. Begin een nieuwe versie om het aan te passen.</source>
        <translation type="vanished">This plan of approach has been agreed and is no longer changed. Start a new version to change it.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="179"/>
        <source>Toestemming voor registratie intrekken betekent het dossier sluiten: sluit de kandidaat af via de kandidaatreis.</source>
        <translation>Withdrawing consent for registration means closing the file: close the candidate&apos;s file in the Journey tab.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="184"/>
        <source>Alleen het loket en de coördinator leggen loketvragen vast. U ziet de vragen die aan u zijn doorgezet.</source>
        <translation>Only the desk and the coordinator record desk questions. You see the questions passed on to you.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="189"/>
        <source>Deze collega heeft de rol {role} niet. Kies een andere rol of een andere collega.</source>
        <translation>This colleague does not have the role {role}. Choose another role or another colleague.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="193"/>
        <source>Voor deze kandidaat wacht al een overdracht op acceptatie.</source>
        <translation>A handover of this candidate is already waiting to be accepted.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="197"/>
        <source>Alleen de ontvangende coach kan deze overdracht accepteren.</source>
        <translation>Only the receiving coach can accept this handover.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="201"/>
        <source>Deze overdracht is al geaccepteerd.</source>
        <translation>This handover has already been accepted.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="205"/>
        <source>Kies &apos;Mijn versie houden&apos; of &apos;Versie van de server houden&apos;.</source>
        <translation>Choose &apos;Keep my version&apos; or &apos;Keep the server&apos;s version&apos;.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="209"/>
        <source>Dit is een oefenkluis met verzonnen gegevens; die wordt niet aan een server gekoppeld. Maak een eigen kluis aan om te synchroniseren.</source>
        <translation>This is a practice vault with made-up data; it is never linked to a server. Create a vault of your own to synchronise.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="214"/>
        <source>Deze kluis is gekoppeld aan een server; daar komen geen verzonnen demogegevens in. Gebruik een nieuwe kluis voor de demo.</source>
        <translation>This vault is linked to a server; no made-up demo data go into it. Use a new vault for the demo.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="219"/>
        <source>Dat is een map; kies een bestandsnaam.</source>
        <translation>That is a folder; choose a file name.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="223"/>
        <source>De schijf is vol; het bestand is niet opgeslagen. Maak ruimte vrij of kies een andere plek.</source>
        <translation>The disk is full; the file was not saved. Free up space or choose another place.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="228"/>
        <source>In die map mag niet worden geschreven; het bestand is niet opgeslagen. Kies een andere map.</source>
        <translation>Writing to that folder is not allowed; the file was not saved. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="233"/>
        <source>Die map bestaat niet (meer); het bestand is niet opgeslagen. Kies een andere map.</source>
        <translation>That folder no longer exists; the file was not saved. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="237"/>
        <source>Het bestand kon niet worden opgeslagen. Kies een andere plek en probeer het opnieuw.</source>
        <translation>The file could not be saved. Choose another place and try again.</translation>
    </message>
    <message>
        <source>De SPT-server is niet bereikbaar ({detail}). Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation type="vanished">The SPT server cannot be reached ({detail}). Nothing is lost: your changes are safe in the vault and go along with the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="241"/>
        <source>Geld uit een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) is er alleen voor wie werkt, en deze kandidaat is nog niet geplaatst. Kies een andere financiering, zoals een scholingsvoucher of gemeente / UWV, of leg eerst de plaatsing vast. Er is niets opgeslagen.</source>
        <translation>Money from a training fund (Wij Techniek, OOM, A+O Metalektro) is only for people in work, and this candidate has not been placed yet. Choose other funding, such as a training voucher or the municipality / UWV, or record the placement first. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="248"/>
        <source>Dit bezoekverslag is nog niet afgetekend: pas het verslag zelf aan in plaats van een aanvulling te schrijven. Er is niets opgeslagen.</source>
        <translation>This visit report has not been signed off yet: edit the report itself instead of writing an addendum. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="253"/>
        <source>Dit is een oudere versie van het plan van aanpak; pas de nieuwste versie aan. Er is niets gewijzigd.</source>
        <translation>This is an older version of the plan of approach; edit the newest version. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="258"/>
        <source>Deze activiteit is nog niet geweest: een uitkomst kan pas op of na de datum van de activiteit. Er is niets opgeslagen.</source>
        <translation>This activity has not taken place yet: an outcome can only be recorded on or after its date. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="263"/>
        <source>De kandidaat heeft geen toestemming (meer) gegeven om met de verwijzer te delen: er is geen terugkoppeling gemaakt. Leg eerst de toestemming vast in het dossier.</source>
        <translation>The candidate has not given (or has withdrawn) consent to share with the referrer: no feedback letter was made. Record the consent in the file first.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="268"/>
        <source>Van deze aanmelding is al een kandidaat ingeschreven. Er is niets opgeslagen.</source>
        <translation>A candidate has already been registered from this referral. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="272"/>
        <source>Deze aanmelding is aan een collega toegewezen: alleen zij kan haar accepteren.</source>
        <translation>This referral is assigned to a colleague: only she can accept it.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="276"/>
        <source>De SPT-server is niet bereikbaar: {reason}. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation>The SPT server cannot be reached: {reason}. Nothing is lost: your changes are safe in the vault and go along with the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="281"/>
        <source>Dit apparaat is ingetrokken door de beheerder.</source>
        <translation>This device has been revoked by the administrator.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="285"/>
        <source>Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder; met een nieuwe kluis kunt u weer aanmelden als uw account actief is.</source>
        <translation>This device has been revoked by the administrator: all dossiers have been erased from this vault, and this vault can no longer log in. Contact your administrator; with a new vault you can log in again if your account is active.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="291"/>
        <source>Uw account bij de SPT-server is uitgeschakeld door de beheerder, dus aanmelden kan niet. Neem contact op met uw beheerder.</source>
        <translation>Your account on the SPT server has been disabled by the administrator, so logging in is not possible. Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="296"/>
        <source>Uw aanmelding bij de SPT-server is om veiligheidsredenen beëindigd: een oudere aanmeldsleutel van dit apparaat werd nog eens gebruikt. Meld opnieuw aan (in de app bij Instellingen, of met &apos;spt-desktop login&apos;). Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie. Gebeurt dit vaker, meld het dan bij de beheerder.</source>
        <translation>Your login to the SPT server was ended for security reasons: an older login key of this device was used again. Log in again (in the app under Settings, or with &apos;spt-desktop login&apos;). Nothing is lost: your changes are safe in the vault and go along with the next synchronisation. If this happens more often, report it to the administrator.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="304"/>
        <source>De aanmelding is verlopen.</source>
        <translation>The login has expired.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="308"/>
        <source>E-mailadres of wachtwoord klopt niet. Probeer het opnieuw.</source>
        <translation>E-mail address or password is not correct. Try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="312"/>
        <source>Te veel mislukte aanmeldpogingen. Wacht {reason} en probeer het opnieuw.</source>
        <translation>Too many failed login attempts. Wait {reason} and try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="316"/>
        <source>U bent niet (meer) aangemeld bij de SPT-server. Meld opnieuw aan met &apos;spt-desktop login&apos;.</source>
        <translation>You are not (or no longer) logged in to the SPT server. Log in again with &apos;spt-desktop login&apos;.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="321"/>
        <source>De SPT-server weigerde het verzoek (HTTP {status}). Er is niets verloren; neem contact op met de beheerder als dit blijft gebeuren.</source>
        <translation>The SPT server refused the request (HTTP {status}). Nothing is lost; contact the administrator if this keeps happening.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="326"/>
        <source>Deze kluis hoort bij een ander account. Meld aan met het account van de eigenaar, of maak een nieuwe kluis voor dit account.</source>
        <translation>This vault belongs to another account. Log in with the owner&apos;s account, or create a new vault for this account.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="331"/>
        <source>Dit is er alleen voor coördinatoren en beheerders, en een coördinator alleen voor haar eigen SPT. Er is niets gewijzigd.</source>
        <translation>This is only for coordinators and administrators, and for a coordinator only for her own SPT. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="336"/>
        <source>De server kent deze kandidaat niet (meer), of niet in dit SPT. Er is niets gewijzigd.</source>
        <translation>The server does not know this candidate (any more), or not in this SPT. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="340"/>
        <source>Deze coach is niet actief in dit SPT of heeft deze rol niet. Er is niets gewijzigd.</source>
        <translation>This coach is not active in this SPT or does not have this role. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="344"/>
        <source>De verbinding met de SPT-server is niet veilig op te zetten: deze laptop vertrouwt het certificaat van de server niet ({reason}). Er is niets verstuurd. Werkt uw organisatie met een eigen certificaatautoriteit of een proxy die verkeer controleert, dan moet de IT-afdeling dat certificaat op deze laptop installeren. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation>No secure connection to the SPT server can be made: this laptop does not trust the server&apos;s certificate ({reason}). Nothing was sent. If your organisation uses its own certificate authority or a proxy that inspects traffic, the IT department must install that certificate on this laptop. Nothing is lost: your changes are safe in the vault and go with the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="353"/>
        <source>De SPT-server vraagt een nieuwere versie van SPT Desktop: minstens {minimum}, deze laptop heeft {version}. Werk de app bij (of vraag het uw IT-afdeling); tot dan synchroniseert deze laptop niet, en kunt u gewoon doorwerken. Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de volgende synchronisatie.</source>
        <translation>The SPT server asks for a newer version of SPT Desktop: at least {minimum}, this laptop has {version}. Update the app (or ask your IT department); until then this laptop does not synchronise, and you can simply keep working. Nothing is lost: your changes are safe in the vault and go with the next synchronisation.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="361"/>
        <source>Deze kluis is nog niet gekoppeld aan de SPT-server. Meld eerst aan met &apos;spt-desktop login --vault PAD --server URL --email E&apos;.</source>
        <translation>This vault is not yet linked to the SPT server. First log in with &apos;spt-desktop login --vault PATH --server URL --email E&apos;.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="373"/>
        <source>het bestand heeft geen kluisgegevens</source>
        <translation>the file has no vault data</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="374"/>
        <source>het sleutelbestand hoort bij een andere kluis</source>
        <translation>the key file belongs to another vault</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="377"/>
        <source>het is een onversleuteld SQLite-bestand</source>
        <translation>it is an unencrypted SQLite file</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="378"/>
        <source>het bestand is leeg of te kort</source>
        <translation>the file is empty or too short</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="379"/>
        <source>de sleutel past niet op dit bestand, of het is beschadigd</source>
        <translation>the key does not fit this file, or it is damaged</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="382"/>
        <source>de schijf is vol</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="383"/>
        <source>u hebt geen rechten op dit bestand of deze map</source>
        <translation>you have no permission on this file or folder</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="386"/>
        <source>de schijf is alleen-lezen</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="387"/>
        <source>dit is een map, geen bestand</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="388"/>
        <source>een deel van het pad is een bestand, geen map</source>
        <translation>part of the path is a file, not a folder</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="391"/>
        <source>lees- of schrijffout van de schijf</source>
        <translation>disk read or write error</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="392"/>
        <source>de kluis is in gebruik door een ander programma</source>
        <translation>the vault is in use by another program</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="395"/>
        <source>de kluis of de map is alleen-lezen</source>
        <translation>the vault or the folder is read-only</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="396"/>
        <source>het bestand of de map kan niet worden geopend</source>
        <translation>the file or the folder cannot be opened</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="399"/>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="400"/>
        <source>onbekende fout</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="401"/>
        <source>gebruik minstens {minimum} tekens</source>
        <translation>use at least {minimum} characters</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="402"/>
        <source>vermijd herhaalde tekens; kies een paar losse woorden</source>
        <translation>avoid repeated characters; choose a few loose words</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="405"/>
        <source>1 seconde</source>
        <translation>1 second</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="406"/>
        <source>{seconds} seconden</source>
        <translation>{seconds} seconds</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="407"/>
        <source>{minutes} minuten</source>
        <translation>{minutes} minutes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="408"/>
        <source>hoogstens een kwartier</source>
        <translation>at most a quarter of an hour</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="409"/>
        <source>er is geen verbinding (geen netwerk, of een verkeerd serveradres)</source>
        <translation>there is no connection (no network, or a wrong server address)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="412"/>
        <source>de server antwoordt niet op tijd (trage of haperende verbinding)</source>
        <translation>the server does not answer in time (a slow or faltering connection)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="415"/>
        <source>de verbinding viel halverwege weg</source>
        <translation>the connection dropped halfway</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="416"/>
        <source>de server heeft een storing; de beheerder kan zien wat er mis is</source>
        <translation>the server has a fault; the administrator can see what is wrong</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="419"/>
        <source>het is uitgegeven door een certificaatautoriteit die deze laptop niet kent</source>
        <translation>it was issued by a certificate authority this laptop does not know</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="422"/>
        <source>het is verlopen of nog niet geldig; staan datum en tijd van deze laptop goed?</source>
        <translation>it has expired or is not valid yet; are this laptop&apos;s date and time right?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="426"/>
        <source>het hoort bij een andere naam dan het serveradres</source>
        <translation>it belongs to another name than the server address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="429"/>
        <source>het is niet geldig</source>
        <translation>it is not valid</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="437"/>
        <source>Deze kandidaat</source>
        <translation>This candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="438"/>
        <source>Uw coachprofiel</source>
        <translation>Your coach profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="439"/>
        <source>Deze coach</source>
        <translation>This coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="440"/>
        <source>Deze collega</source>
        <translation>This colleague</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="441"/>
        <source>Deze jobcoach</source>
        <translation>This job coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="442"/>
        <source>Deze activiteit</source>
        <translation>This activity</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="443"/>
        <source>Deze opleiding</source>
        <translation>This training</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="444"/>
        <source>Dit intakeverslag</source>
        <translation>This intake report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="445"/>
        <source>Dit plan van aanpak</source>
        <translation>This plan of approach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="446"/>
        <source>Een plan van aanpak van deze kandidaat</source>
        <translation>A plan of approach of this candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="447"/>
        <source>Dit doel</source>
        <translation>This goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="448"/>
        <source>Deze actie</source>
        <translation>This action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="449"/>
        <source>Dit bezoek</source>
        <translation>This visit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="450"/>
        <source>De werkgever van dit bezoek</source>
        <translation>The employer of this visit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="451"/>
        <source>Deze werkgever</source>
        <translation>This employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="452"/>
        <source>Deze contactpersoon</source>
        <translation>This contact person</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="453"/>
        <source>Deze vacature</source>
        <translation>This vacancy</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="454"/>
        <source>Dit werkgeverscontact</source>
        <translation>This employer contact</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="455"/>
        <source>Deze loketvraag</source>
        <translation>This desk question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="456"/>
        <source>Deze match</source>
        <translation>This match</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="457"/>
        <source>Deze plaatsing</source>
        <translation>This placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="458"/>
        <source>Dit meetmoment</source>
        <translation>This retention checkpoint</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="459"/>
        <source>Deze overdracht</source>
        <translation>This handover</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="460"/>
        <source>Deze aanmelding</source>
        <translation>This referral</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="468"/>
        <source>verplicht veld</source>
        <translation>required field</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="469"/>
        <source>te lang (hoogstens {maximum} tekens)</source>
        <translation>too long (at most {maximum} characters)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="470"/>
        <source>bevat een BSN; het SPT mag geen BSN vastleggen</source>
        <translation>contains a BSN; the SPT may not record a BSN</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="473"/>
        <source>geen geldig e-mailadres (zoals naam@voorbeeld.nl)</source>
        <translation>not a valid email address (such as name@example.nl)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="476"/>
        <source>geen geldig telefoonnummer (zoals 06 12345678)</source>
        <translation>not a valid phone number (such as 06 12345678)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="479"/>
        <source>onbekende waarde; kies uit {choices}</source>
        <translation>unknown value; choose from {choices}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="480"/>
        <source>geen geldige datum (jjjj-mm-dd)</source>
        <translation>not a valid date (yyyy-mm-dd)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="481"/>
        <source>geen geldig tijdstip (jjjj-mm-dd uu:mm)</source>
        <translation>not a valid time (yyyy-mm-dd hh:mm)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="482"/>
        <source>geen geheel getal</source>
        <translation>not a whole number</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="483"/>
        <source>moet tussen {low} en {high} liggen</source>
        <translation>must be between {low} and {high}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="484"/>
        <source>dit veld bestaat niet</source>
        <translation>this field does not exist</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="485"/>
        <source>dit veld bestaat niet of wordt elders gewijzigd</source>
        <translation>this field does not exist or is changed elsewhere</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="488"/>
        <source>ligt in de toekomst</source>
        <translation>is in the future</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="489"/>
        <source>dit tijdstip ligt in de toekomst</source>
        <translation>this time is in the future</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="490"/>
        <source>geen gemeente in het werkgebied van de SPT&apos;s</source>
        <translation>not a municipality in the SPTs&apos; area</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="493"/>
        <source>geboortedatum ligt buiten de verwachte jaren</source>
        <translation>date of birth outside the expected years</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="496"/>
        <source>zonder toestemming voor registratie en begeleiding kan het SPT niemand inschrijven</source>
        <translation>without consent to registration and guidance the SPT cannot enrol anyone</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="500"/>
        <source>zonder toestemming om gegevens met het SPT te delen wordt de aanmelding niet vastgelegd</source>
        <translation>without consent to share data with the SPT the referral is not recorded</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="505"/>
        <source>kies minstens één rol</source>
        <translation>choose at least one role</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="506"/>
        <source>kies een sterkere wachtwoordzin (minstens {minimum} tekens)</source>
        <translation>choose a stronger passphrase (at least {minimum} characters)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="509"/>
        <source>kies tussen {low} en {high} minuten</source>
        <translation>choose between {low} and {high} minutes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="512"/>
        <source>geen geldig serveradres (zoals https://spt.example.nl)</source>
        <translation>not a valid server address (such as https://spt.example.nl)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="515"/>
        <source>kies een collega</source>
        <translation>choose a colleague</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="516"/>
        <source>kies een collega; u kunt niet aan uzelf overdragen</source>
        <translation>choose a colleague; you cannot hand over to yourself</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="519"/>
        <source>noteer minstens de besproken onderwerpen, afspraken of een notitie</source>
        <translation>note at least the topics discussed, agreements or a note</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="522"/>
        <source>vul minstens één onderdeel van het intakeverslag in</source>
        <translation>fill in at least one part of the intake report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="525"/>
        <source>kies het opleidingsfonds</source>
        <translation>choose the training fund</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="526"/>
        <source>een fonds hoort alleen bij financiering door een opleidingsfonds</source>
        <translation>a fund only goes with funding by a training fund</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="529"/>
        <source>de einddatum ligt voor de begindatum</source>
        <translation>the end date is before the start date</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="532"/>
        <source>licht &apos;anders&apos; kort toe</source>
        <translation>briefly explain &apos;anders&apos;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="533"/>
        <source>ligt vóór de aanmelding</source>
        <translation>is before the registration</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="534"/>
        <source>kies de oorzaak (lek) van deze uitval</source>
        <translation>choose the cause (leak) of this drop-out</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="537"/>
        <source>ligt vóór de start van de plaatsing</source>
        <translation>is before the start of the placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="540"/>
        <source>de klik geeft u na de kennismaking</source>
        <translation>the klik comes after the introduction</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="543"/>
        <source>ligt vóór de vorige stap ({day})</source>
        <translation>is before the previous step ({day})</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="546"/>
        <source>er staat al een werkgever met deze naam in deze gemeente</source>
        <translation>there is already an employer of this name in this municipality</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="549"/>
        <source>het maximum ligt onder het minimum</source>
        <translation>the maximum is below the minimum</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="550"/>
        <source>geef aan wanneer de toekomstige behoefte ontstaat</source>
        <translation>say when the future need arises</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="553"/>
        <source>dit contact ligt in de toekomst; plan het als vervolgafspraak</source>
        <translation>this contact is in the future; plan it as a follow-up</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="556"/>
        <source>de vervolgafspraak ligt vóór de datum van het contact</source>
        <translation>the follow-up is before the date of the contact</translation>
    </message>
    <message>
        <source>noem de campagne waardoor zij zich aanmeldde</source>
        <translation type="vanished">name the campaign through which she signed up</translation>
    </message>
    <message>
        <source>zonder toestemming om gegevens met het SPT te delen kan de aanmelding niet worden vastgelegd</source>
        <translation type="vanished">without consent to share data with the SPT the referral cannot be recorded</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="559"/>
        <source>de opvolgdatum ligt vóór de datum van de vraag</source>
        <translation>the follow-up date is before the date of the question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="562"/>
        <source>dit gegeven is niet (meer) bekend</source>
        <translation>this record is not (or no longer) known</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="563"/>
        <source>de koppeling past niet bij wat de vraag werd</source>
        <translation>the link does not match what the question became</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="566"/>
        <source>er is nog geen intake vastgelegd: leg eerst de intake vast in het dossier (Profiel), dan kunt u terugkoppelen</source>
        <translation>no intake has been recorded yet: record the intake in the dossier first (Profile), then you can report back</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="571"/>
        <source>er is nog geen plaatsing vastgelegd: leg eerst de plaatsing vast in het dossier, dan kunt u terugkoppelen</source>
        <translation>no placement has been recorded yet: record the placement in the dossier first, then you can report back</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="576"/>
        <source>er is geen uitval vastgelegd: leg eerst de uitval vast in het dossier, dan kunt u terugkoppelen</source>
        <translation>no dropout has been recorded: record the dropout in the dossier first, then you can report back</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="581"/>
        <source>het dossier is nog niet afgesloten: sluit het eerst af, dan kunt u terugkoppelen</source>
        <translation>the dossier has not been closed yet: close it first, then you can report back</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="585"/>
        <source>geen contactpersoon van deze werkgever</source>
        <translation>not a contact person of this employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="692"/>
        <source>Er ging iets onverwachts mis. Uw ingevoerde gegevens zijn bewaard; probeer het opnieuw of start de app opnieuw. Blijft het gebeuren, meld het bij de beheerder.</source>
        <translation>Something unexpected went wrong. The data you entered has been kept; try again or restart the app. If it keeps happening, report it to the administrator.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="21"/>
        <source>Activiteit</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="26"/>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="42"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="65"/>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="33"/>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="539"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="29"/>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="23"/>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="30"/>
        <source>bijv. Techcourt Hoorn</source>
        <translation>e.g. Techcourt Hoorn</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="22"/>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/activity.py" line="39"/>
        <source>Hoe ging het / notities</source>
        <translation>How it went / notes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="18"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="38"/>
        <source>Voornaam</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="19"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="39"/>
        <source>Achternaam</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="20"/>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="21"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="22"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="40"/>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="22"/>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="23"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="41"/>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="23"/>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="27"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="42"/>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="26"/>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="23"/>
        <source>Verwezen door</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="33"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="40"/>
        <source>Uitkering</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="51"/>
        <source>Toestemming registratie en begeleiding (AVG)</source>
        <translation>Consent to registration and guidance (GDPR)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="57"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="62"/>
        <source>Delen met werkgever (bezoekverslagen)</source>
        <translation>Share with employer (visit reports)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="62"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="65"/>
        <source>Delen met verwijzer en financier (UWV, gemeente, werkcentrum, fonds)</source>
        <translation>Share with referrer and funder (UWV, municipality, work centre, fund)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="67"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="68"/>
        <source>Delen met opleider</source>
        <translation>Share with training provider</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/candidate.py" line="68"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="69"/>
        <source>Geanonimiseerd in de aanbodkrant</source>
        <translation>Anonymised in the candidate newsletter</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="31"/>
        <source>Nog in dienst</source>
        <translation>Still employed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="32"/>
        <source>Niet meer in dienst</source>
        <translation>No longer employed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="37"/>
        <source>Nog in dienst?</source>
        <translation>Still employed?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/checkpoint.py" line="43"/>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="27"/>
        <source>Afgesloten op</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="30"/>
        <source>Oorzaak (lek) bij uitval</source>
        <translation>Cause (leak) on dropout</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/closure.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="34"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="68"/>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="20"/>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="21"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="21"/>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="20"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="33"/>
        <source>Functie</source>
        <translation>Job title</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="68"/>
        <source>Soort contact</source>
        <translation>Kind of contact</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="75"/>
        <source>Met wie</source>
        <translation>With whom</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="79"/>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="33"/>
        <source>Afspraken</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/contact.py" line="80"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="109"/>
        <source>Vervolgafspraak</source>
        <translation>Follow-up appointment</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="21"/>
        <source>In de fase</source>
        <translation>In the phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="28"/>
        <source>Oorzaak (lek)</source>
        <translation>Cause (leak)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="39"/>
        <source>Verder in de fase</source>
        <translation>Continue in the phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="44"/>
        <source>Waarom opnieuw</source>
        <translation>Why again</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="23"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="29"/>
        <source>bijvoorbeeld Zaanstad</source>
        <translation>for example Zaanstad</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="31"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="34"/>
        <source>Brancheorganisatie</source>
        <translation>Industry association</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="40"/>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="50"/>
        <source>Opleidingsfonds</source>
        <translation>Training fund</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="46"/>
        <source>Praktijkopleiders</source>
        <translation>Workplace trainers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="53"/>
        <source>Middenkader (begeleiders)</source>
        <translation>Middle management (mentors)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="58"/>
        <source>Begeleiding in het bedrijf</source>
        <translation>Guidance in the company</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="61"/>
        <source>Transitiebereidheid</source>
        <translation>Readiness for transition</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/employer.py" line="66"/>
        <source>Toelichting transitiebereidheid</source>
        <translation>Notes on readiness for transition</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="39"/>
        <source>Aan collega, in de rol van</source>
        <translation>To colleague, in the role of</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="44"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="348"/>
        <source>Kandidaat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="353"/>
        <source>Werkgever</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="356"/>
        <source>Vacature of toekomstige behoefte</source>
        <translation>Vacancy or future need</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="359"/>
        <source>Waarom deze match</source>
        <translation>Why this match</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="529"/>
        <source>Opnieuw voorstellen</source>
        <translation>Propose again</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="536"/>
        <source>Stap</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="541"/>
        <source>dd-mm-jjjj (leeg: vandaag)</source>
        <translation>dd-mm-yyyy (empty: today)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="545"/>
        <source>Klik (1–5)</source>
        <translation>Click (1–5)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="546"/>
        <source>1 = geen klik … 5 = sterke klik</source>
        <translation>1 = no click … 5 = strong click</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="549"/>
        <source>Afgewezen door</source>
        <translation>Declined by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="551"/>
        <source>Waarom afgewezen</source>
        <translation>Why declined</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="17"/>
        <source>Gesprek op</source>
        <translation>Conversation on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="18"/>
        <source>Verslag</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="20"/>
        <source>Aanvulling</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="23"/>
        <source>Soort contract</source>
        <translation>Kind of contract</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="28"/>
        <source>Startdatum</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="29"/>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="36"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="98"/>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="32"/>
        <source>Opleidingsfonds van de werkgever</source>
        <translation>The employer&apos;s training fund</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="17"/>
        <source>Doel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="19"/>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="20"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="21"/>
        <source>Uiterlijk</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="21"/>
        <source>Opleider</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="23"/>
        <source>bijv. ROC Nova, Installatiewerk</source>
        <translation>e.g. ROC Nova, Installatiewerk</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="27"/>
        <source>Opleiding</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="29"/>
        <source>bijv. Monteur W (BBL niveau 2)</source>
        <translation>e.g. Monteur W (BBL level 2)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="31"/>
        <source>Rijksbekostigd (mbo)</source>
        <translation>State-funded (MBO)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="32"/>
        <source>Certificeerbare eenheden</source>
        <translation>Certifiable units</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="35"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="40"/>
        <source>Begint op</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="41"/>
        <source>Eindigt op</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="44"/>
        <source>Financiering</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="52"/>
        <source>Behaald certificaat of diploma</source>
        <translation>Certificate or diploma obtained</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="28"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="34"/>
        <source>Verwacht per (toekomstige behoefte)</source>
        <translation>Expected from (future need)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="35"/>
        <source>Aantal plekken</source>
        <translation>Number of places</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="38"/>
        <source>Werktijden</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="42"/>
        <source>Salaris vanaf (€ bruto p/m)</source>
        <translation>Salary from (€ gross per month)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="49"/>
        <source>Salaris tot (€ bruto p/m)</source>
        <translation>Salary up to (€ gross per month)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="56"/>
        <source>Vereist niveau Nederlands</source>
        <translation>Required level of Dutch</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="62"/>
        <source>Niveau van het werk</source>
        <translation>Level of the work</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="66"/>
        <source>BBL / leerwerkplek mogelijk</source>
        <translation>BBL / work-based learning possible</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="67"/>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="22"/>
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="25"/>
        <source>Vorm</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="27"/>
        <source>Aanwezig</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="28"/>
        <source>Besproken</source>
        <translation>Discussed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="29"/>
        <source>Voortgang (1–5)</source>
        <translation>Progress (1–5)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="31"/>
        <source>Welbevinden (1–5)</source>
        <translation>Well-being (1–5)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="34"/>
        <source>Vervolgbezoek</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="35"/>
        <source>Risico op uitval</source>
        <translation>Risk of dropout</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="59"/>
        <source>Registratie en begeleiding door het SPT</source>
        <translation>Registration and guidance by the SPT</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="94"/>
        <source>Taalniveau Nederlands</source>
        <translation>Dutch language level</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="99"/>
        <source>Beschikbaarheid</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="102"/>
        <source>Salarisverwachting (€/mnd)</source>
        <translation>Salary expectation (€/month)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="107"/>
        <source>Vaardigheden</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="108"/>
        <source>Interesses</source>
        <translation>Interests</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="112"/>
        <source>Gehouden op</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="113"/>
        <source>Achtergrond</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="114"/>
        <source>Motivatie</source>
        <translation>Motivation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="115"/>
        <source>Wensen</source>
        <translation>Wishes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="116"/>
        <source>Belemmeringen</source>
        <translation>Obstacles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="117"/>
        <source>Waarom deze persona</source>
        <translation>Why this persona</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="28"/>
        <source>Regio (werkcentrum)</source>
        <translation>Region (work centre)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="29"/>
        <source>Campagne</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="30"/>
        <source>Organisatie van de verwijzer</source>
        <translation>Referrer&apos;s organisation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="31"/>
        <source>Verwijzer (persoon)</source>
        <translation>Referrer (person)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="34"/>
        <source>Contact van de verwijzer</source>
        <translation>Referrer&apos;s contact details</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="35"/>
        <source>e-mail of telefoon</source>
        <translation>email or phone</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="37"/>
        <source>Aangemeld op</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="43"/>
        <source>Vraag</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="44"/>
        <source>Wat al bekend is</source>
        <translation>What is already known</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="47"/>
        <source>Toestemming om gegevens met het SPT te delen</source>
        <translation>Consent to share details with the SPT</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="53"/>
        <source>Toestemming voor terugkoppeling aan de verwijzer</source>
        <translation>Consent to report back to the referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="156"/>
        <source>Datum van de intake</source>
        <translation>Date of the intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="173"/>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="209"/>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="21"/>
        <source>Wat het werd</source>
        <translation>What it became</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="23"/>
        <source>Antwoord</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="29"/>
        <source>Opvolgen op</source>
        <translation>Follow up on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="37"/>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="44"/>
        <source>Van wie</source>
        <translation>From whom</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="49"/>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="50"/>
        <source>Naam (alleen zolang de vraag open is)</source>
        <translation>Name (only while the question is open)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="51"/>
        <source>Bereikbaar via (e-mail of telefoon)</source>
        <translation>Reachable via (email or phone)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="53"/>
        <source>Doorgezet naar</source>
        <translation>Passed on to</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="138"/>
        <source>Gekoppeld aan</source>
        <translation>Linked to</translation>
    </message>
</context>
<context>
    <name>FigureTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="118"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="123"/>
        <source>Opslaan als CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="168"/>
        <source>Grafiek</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="170"/>
        <source>De tabel ernaast bevat dezelfde cijfers.</source>
        <translation>The table beside it holds the same figures.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="51"/>
        <source>Welkom bij SPT Desktop</source>
        <translation>Welcome to SPT Desktop</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="80"/>
        <source>Uw gegevens staan versleuteld in een kluis op deze laptop. Kies een wachtwoordzin: een paar losse woorden zijn sterk en goed te onthouden.</source>
        <translation>Your data is kept encrypted in a vault on this laptop. Choose a passphrase: a few loose words are strong and easy to remember.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="110"/>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="111"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="227"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="112"/>
        <source>Servicepunt</source>
        <translation>Service point</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="113"/>
        <source>Uw rollen</source>
        <translation>Your roles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="114"/>
        <location filename="../../spt_desktop/ui/wizard.py" line="163"/>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="117"/>
        <source>Herhaal</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="124"/>
        <source>Kluis maken</source>
        <translation>Create vault</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="137"/>
        <source>Nog niets ingevuld.</source>
        <translation>Nothing entered yet.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="142"/>
        <source>De twee wachtwoordzinnen zijn niet gelijk.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="161"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="162"/>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="181"/>
        <source>Dit is uw herstelsleutel. Bent u uw wachtwoordzin kwijt, dan opent alleen deze sleutel de kluis nog. Hij wordt maar één keer getoond: druk hem af of schrijf hem over en bewaar hem op een veilige plek, niet op deze laptop.</source>
        <translation>This is your recovery key. If you lose your passphrase, only this key still opens the vault. It is shown only once: print it or copy it and keep it in a safe place, not on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="191"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="195"/>
        <source>Ik heb de herstelsleutel veilig bewaard</source>
        <translation>I have stored the recovery key safely</translation>
    </message>
    <message>
        <source>De SPT-server koppelen kan nu of later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation type="vanished">You can link the SPT server now or later in Settings; without it you simply work on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="199"/>
        <source>Beginnen</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="208"/>
        <source>Nu koppelen met de SPT-server</source>
        <translation>Link to the SPT server now</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="214"/>
        <source>Kan ook later bij Instellingen; zonder koppeling werkt u gewoon op deze laptop.</source>
        <translation>You can also do this later in Settings; without a link you simply work on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="226"/>
        <source>Serveradres</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="228"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="256"/>
        <source>SPT Desktop — herstelsleutel</source>
        <translation>SPT Desktop — recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/wizard.py" line="260"/>
        <source>Bewaar dit blad op een veilige plek.</source>
        <translation>Keep this sheet in a safe place.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="173"/>
        <source>dd-mm-jjjj</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="173"/>
        <source>dd-mm-jjjj uu:mm</source>
        <translation>dd-mm-yyyy hh:mm</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="210"/>
        <source>geen geldige datum (dd-mm-jjjj)</source>
        <translation>not a valid date (dd-mm-yyyy)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/forms.py" line="215"/>
        <source>geen geldig tijdstip (dd-mm-jjjj uu:mm)</source>
        <translation>not a valid time (dd-mm-yyyy hh:mm)</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="51"/>
        <source>Doel wijzigen</source>
        <translation>Edit goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="58"/>
        <source>Doel opslaan</source>
        <translation>Save goal</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="50"/>
        <source>Warme overdracht — {0}</source>
        <translation>Warm handover — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="54"/>
        <source>De collega accepteert de overdracht op haar eigen apparaat; tot dan blijft u de coach.</source>
        <translation>Your colleague accepts the handover on her own device; until then you remain the coach.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/handover.py" line="62"/>
        <source>Overdracht klaargezet; uw collega accepteert die op haar eigen apparaat.</source>
        <translation>Handover prepared; your colleague accepts it on her own device.</translation>
    </message>
</context>
<context>
    <name>JourneyTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="67"/>
        <source>Kandidaatreis</source>
        <translation>Journey</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="73"/>
        <source>Reden van de faseverandering</source>
        <translation>Reason for the phase change</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="74"/>
        <source>Reden (verplicht)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="76"/>
        <source>Fase wijzigen</source>
        <translation>Change phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="81"/>
        <source>Naar &amp;fase</source>
        <translation>To &amp;phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="105"/>
        <source>Behoud en uitval</source>
        <translation>Retention and dropout</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="122"/>
        <source>Behoudmomenten</source>
        <translation>Retention checkpoints</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="125"/>
        <source>&amp;Behoudmoment vastleggen…</source>
        <translation>Record &amp;checkpoint…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="127"/>
        <source>&amp;Uitval registreren…</source>
        <translation>Record &amp;dropout…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="129"/>
        <source>Opnieuw &amp;activeren…</source>
        <translation>Re&amp;activate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="131"/>
        <source>Dossier af&amp;sluiten…</source>
        <translation>&amp;Close file…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="180"/>
        <source>zonder uitkomst</source>
        <translation>without outcome</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="181"/>
        <source>datum onbekend</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="182"/>
        <source>Dossier afgesloten op {0}: {1}.</source>
        <translation>File closed on {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="185"/>
        <source>Uitgevallen op {0} in de fase {1}: {2}.</source>
        <translation>Dropped out on {0} in the phase {1}: {2}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="191"/>
        <source>Volgend behoudmoment: na {0}, op {1}.</source>
        <translation>Next retention checkpoint: after {0}, on {1}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="194"/>
        <source>{0} · geen open behoudmomenten.</source>
        <translation>{0} · no open retention checkpoints.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="256"/>
        <source>Reden: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/journey_tab.py" line="69"/>
        <source>Naar fase</source>
        <translation>To phase</translation>
    </message>
</context>
<context>
    <name>LoketPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="61"/>
        <source>Loket</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="64"/>
        <source>Alleen &amp;open vragen</source>
        <translation>Only &amp;open questions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="68"/>
        <source>Loketvragen</source>
        <translation>Desk questions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="70"/>
        <source>&amp;Nieuwe vraag…</source>
        <translation>&amp;New question…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="71"/>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="72"/>
        <source>&amp;Afsluiten…</source>
        <translation>&amp;Close…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="73"/>
        <source>Doorzetten als aan&amp;melding…</source>
        <translation>Pass on as a &amp;referral…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="75"/>
        <source>Een werkzoekende of werkende aanmelden bij het SPT, met wat al bekend is</source>
        <translation>Refer a job seeker or worker to the SPT, with what is already known</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="78"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="99"/>
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="100"/>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="101"/>
        <source>Van wie</source>
        <translation>From whom</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="102"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="103"/>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="104"/>
        <source>Doorgezet naar</source>
        <translation>Passed on to</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="105"/>
        <source>Opvolgen</source>
        <translation>Follow up</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="106"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="107"/>
        <source>Werd</source>
        <translation>Became</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="133"/>
        <source>Vragen aan het loket van werkgevers, werkzoekenden, werkenden, intermediairs en onderwijs: {0} getoond.</source>
        <translation>Questions to the desk from employers, job seekers, workers, intermediaries and education: {0} shown.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/loket.py" line="137"/>
        <source>Loketvragen die aan u zijn doorgezet: {0} getoond.</source>
        <translation>Desk questions passed on to you: {0} shown.</translation>
    </message>
</context>
<context>
    <name>LoketQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="99"/>
        <source>Loketvraag bewerken</source>
        <translation>Edit desk question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="99"/>
        <source>Nieuwe loketvraag</source>
        <translation>New desk question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="101"/>
        <source>Naam en contactgegevens blijven alleen bewaard zolang de vraag open is. De opvolgdatum komt op Vandaag.</source>
        <translation>Name and contact details are kept only while the question is open. The follow-up date appears on Today.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="115"/>
        <source>Loketvraag opgeslagen.</source>
        <translation>Desk question saved.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="115"/>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="120"/>
        <source>Automatisch vergrendeld na een tijd zonder activiteit.</source>
        <translation>Locked automatically after a period without activity.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="157"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="159"/>
        <source>Nieuwe kandidaat…</source>
        <translation>New candidate…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="161"/>
        <source>Vergrendelen</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="163"/>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="164"/>
        <source>&amp;Ga naar</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="166"/>
        <source>Zoeken in caseload</source>
        <translation>Search the caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="177"/>
        <source>&amp;Acties</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="179"/>
        <source>Bezoek vastleggen…</source>
        <translation>Log a visit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="181"/>
        <source>Nu synchroniseren</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="292"/>
        <source>Vergrendeld</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="326"/>
        <source>Vergrendeld omdat de laptop in slaapstand ging.</source>
        <translation>Locked because the laptop went to sleep.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="328"/>
        <source>Vergrendeld omdat de computer werd vergrendeld.</source>
        <translation>Locked because the computer was locked.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="360"/>
        <source>Deze kluis is niet gekoppeld aan de SPT-server. Koppel bij Instellingen; tot dan blijft alles op deze laptop.</source>
        <translation>This vault is not linked to the SPT server. Link it in Settings; until then everything stays on this laptop.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="365"/>
        <source>Synchroniseren…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="413"/>
        <source>{0} wijzigingen botsten met die van een collega. Kies bij Conflicten welke versie blijft.</source>
        <translation>{0} changes clashed with a colleague&apos;s. Choose in Conflicts which version stays.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="421"/>
        <source>De server nam 1 wijziging niet aan</source>
        <translation>The server did not accept 1 change</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="423"/>
        <source>De server nam {0} wijzigingen niet aan</source>
        <translation>The server did not accept {0} changes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="428"/>
        <source>: een dossier dat niet (meer) van u is, of een collega of werkgever die de server niet kent. U vindt ze bij Conflicten; geef ze zo nodig door en sluit de melding.</source>
        <translation>: a dossier that is not (or no longer) yours, or a colleague or employer the server does not know. You will find them under Conflicts; pass them on if needed and close the notice.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="443"/>
        <source>1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij</source>
        <translation>1 change cannot be processed by this version of the app yet; update the app</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="446"/>
        <source>{0} wijzigingen kan deze versie van de app nog niet verwerken; werk de app bij</source>
        <translation>{0} changes cannot be processed by this version of the app yet; update the app</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="454"/>
        <source>Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder.</source>
        <translation>This device was revoked by the administrator: all dossiers were wiped from this vault, and this vault can no longer log in. Contact your administrator.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="458"/>
        <source>Apparaat ingetrokken — de kluis is gewist</source>
        <translation>Device revoked — the vault was wiped</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="471"/>
        <source>Offline — uw werk is veilig op deze laptop; we proberen het straks opnieuw.</source>
        <translation>Offline — your work is safe on this laptop; we will try again shortly.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="479"/>
        <source>Nieuwe versie nodig om te synchroniseren</source>
        <translation>A newer version is needed to synchronise</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="481"/>
        <source>Certificaat van de server niet vertrouwd</source>
        <translation>The server&apos;s certificate is not trusted</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="483"/>
        <source>  ·  uw werk is veilig op deze laptop; u kunt doorwerken</source>
        <translation>  ·  your work is safe on this laptop; you can keep working</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="491"/>
        <source>Niet aangemeld</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="494"/>
        <source>De server herkent uw aanmelding niet meer. Meld opnieuw aan bij Instellingen; uw werk blijft bewaard.</source>
        <translation>The server no longer recognises your sign-in. Sign in again in Settings; your work is kept.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="498"/>
        <source>Synchroniseren mislukt</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="519"/>
        <source>Oefenkluis met verzonnen gegevens (niet gekoppeld)</source>
        <translation>Practice vault with made-up data (not linked)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="523"/>
        <source>1 wijziging nog niet gesynchroniseerd</source>
        <translation>1 change not yet synced</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="526"/>
        <source>{0} wijzigingen nog niet gesynchroniseerd</source>
        <translation>{0} changes not yet synced</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="528"/>
        <source>niets te versturen</source>
        <translation>nothing to send</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="530"/>
        <source>Deze laptop is ingetrokken door de beheerder; de kluis is gewist</source>
        <translation>This laptop was revoked by the administrator; the vault was wiped</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="532"/>
        <source>Alleen op deze laptop (niet gekoppeld)</source>
        <translation>On this laptop only (not linked)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="534"/>
        <source>Nog niet gesynchroniseerd</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="536"/>
        <source>Laatst gesynchroniseerd om {0}</source>
        <translation>Last synced at {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="538"/>
        <source>  ·  1 conflict</source>
        <translation>  ·  1 conflict</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="540"/>
        <source>  ·  {0} conflicten</source>
        <translation>  ·  {0} conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="542"/>
        <source>  ·  1 wijziging niet aangenomen</source>
        <translation>  ·  1 change not accepted</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="544"/>
        <source>  ·  {0} wijzigingen niet aangenomen</source>
        <translation>  ·  {0} changes not accepted</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="548"/>
        <source>  ·  nieuwe versie van SPT Desktop beschikbaar (bijwerken aanbevolen)</source>
        <translation>  ·  a new version of SPT Desktop is available (updating recommended)</translation>
    </message>
</context>
<context>
    <name>MatchGaps</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="50"/>
        <source>Dagdienst</source>
        <translation>Day shift</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="51"/>
        <source>Ploegendienst</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="52"/>
        <source>24/7</source>
        <translation>24/7</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="53"/>
        <source>Flexibel</source>
        <translation>Flexible</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="59"/>
        <source>Salaris</source>
        <translation>Salary</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="60"/>
        <source>Uren per week</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="61"/>
        <source>Beschikbaarheid en werktijden</source>
        <translation>Availability and working hours</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="62"/>
        <source>Taalniveau Nederlands</source>
        <translation>Dutch language level</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="63"/>
        <source>Reizen</source>
        <translation>Travel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="64"/>
        <source>Vaardigheden en interesses</source>
        <translation>Skills and interests</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="65"/>
        <source>Toestemming delen met werkgever</source>
        <translation>Consent to share with employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="71"/>
        <source>✓ past</source>
        <translation>✓ fits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="72"/>
        <source>⚠ verschil</source>
        <translation>⚠ gap</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="73"/>
        <source>? onbekend</source>
        <translation>? unknown</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="80"/>
        <source>niet ingevuld</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="88"/>
        <source> /mnd</source>
        <translation> /month</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="94"/>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="97"/>
        <source>{0} uur</source>
        <translation>{0} hours</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="111"/>
        <source>gegeven</source>
        <translation>given</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="113"/>
        <source>niet gegeven</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="122"/>
        <source>Gemeente onbekend: reistijd navragen</source>
        <translation>Municipality unknown: ask about travel time</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="123"/>
        <source>nog niet te vergelijken</source>
        <translation>cannot compare yet</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="126"/>
        <source>Verwachting {0} boven de schaal: groei of aanvulling bespreken</source>
        <translation>Expectation {0} above the range: discuss growth or a supplement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="129"/>
        <source>Past binnen de schaal</source>
        <translation>Within the range</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="133"/>
        <source>Kandidaat wil {0} uur minder dan gevraagd</source>
        <translation>Candidate wants {0} hours fewer than asked</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="137"/>
        <source>Kandidaat wil {0} uur meer dan geboden</source>
        <translation>Candidate wants {0} hours more than offered</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="140"/>
        <source>Uren sluiten aan</source>
        <translation>Hours match</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="143"/>
        <source>Kandidaat kan alleen overdag; het werk vraagt ploegen of 24/7</source>
        <translation>Candidate can only work days; the job asks for shifts or 24/7</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="146"/>
        <source>Werktijden lijken haalbaar</source>
        <translation>Working hours look feasible</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="149"/>
        <source>{0} niveau(s) onder wat gevraagd wordt: taaltraject of begeleiding</source>
        <translation>{0} level(s) below what is asked: language course or support</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="152"/>
        <source>Taalniveau voldoet</source>
        <translation>Language level is sufficient</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="155"/>
        <source>Zelfde gemeente</source>
        <translation>Same municipality</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="156"/>
        <source>Zelfde arbeidsmarktregio</source>
        <translation>Same labour-market region</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="159"/>
        <source>Andere regio binnen het SPT: reistijd bespreken</source>
        <translation>Another region within the SPT: discuss travel time</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="162"/>
        <source>Buiten de regio van het SPT: ver reizen</source>
        <translation>Outside the SPT&apos;s region: a long commute</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="168"/>
        <source>Geen overlap gevonden: kijk naar potentie en de klik</source>
        <translation>No overlap found: look at potential and the click</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="171"/>
        <source>Overlap: {0}</source>
        <translation>Overlap: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="175"/>
        <source>Nog geen toestemming: deel geen gegevens met de werkgever</source>
        <translation>No consent yet: share no data with the employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="178"/>
        <source>Toestemming gegeven</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="304"/>
        <source>Toekomstige behoefte: {0}{1}</source>
        <translation>Future need: {0}{1}</translation>
    </message>
</context>
<context>
    <name>MatchStepDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="555"/>
        <source>Volgende stap — {0}</source>
        <translation>Next step — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="559"/>
        <source>Nu: {0}. Na de kennismaking legt u de klik vast: hoe goed kandidaat en werkgever bij elkaar passen.</source>
        <translation>Now: {0}. After the introduction, record the click: how well candidate and employer fit together.</translation>
    </message>
</context>
<context>
    <name>MatchesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="73"/>
        <source>Match voorstellen…</source>
        <translation>Propose match…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="75"/>
        <source>Naast elkaar…</source>
        <translation>Side by side…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="76"/>
        <source>Volgende stap…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="77"/>
        <source>Plaatsen…</source>
        <translation>Place…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/matches_tab.py" line="193"/>
        <source>{0} bij {1}</source>
        <translation>{0} at {1}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../spt_desktop/ui/window.py" line="57"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MonitorPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="51"/>
        <source>Geen indeling</source>
        <translation>No split</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="52"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="53"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="54"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="55"/>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="59"/>
        <source>Fasen</source>
        <translation>Phases</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="60"/>
        <source>Stromen</source>
        <translation>Flows</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="61"/>
        <source>Uitval</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="62"/>
        <source>Verblijfsduur</source>
        <translation>Time in phase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="63"/>
        <source>Duurzame plaatsing</source>
        <translation>Lasting placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="194"/>
        <source>Periode vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="195"/>
        <source>Periode tot en met</source>
        <translation>Period up to and including</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="202"/>
        <source>Aantallen onder 5 afschermen</source>
        <translation>Shield counts under 5</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="204"/>
        <source>Toont aantallen van 1 tot 4 als &lt;5, zoals in de monitor van het hele SPT.</source>
        <translation>Shows counts from 1 to 4 as &lt;5, as the monitor of the whole SPT does.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="209"/>
        <source>Onderdelen van de monitor</source>
        <translation>Parts of the monitor</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="219"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="220"/>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="221"/>
        <source>Indeling</source>
        <translation>Split by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="226"/>
        <source>Monitor: de lekkende pijplijn</source>
        <translation>Monitor: the leaky pipeline</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="244"/>
        <source>Aanbodkrant opgeslagen.</source>
        <translation>Candidate showcase saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="245"/>
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
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="271"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="273"/>
        <source>Cijfers berekenen…</source>
        <translation>Computing figures…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="307"/>
        <source> Aantallen onder 5 zijn afgeschermd.</source>
        <translation> Counts under 5 are shielded.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="309"/>
        <source>Periode {0} t/m {1}.</source>
        <translation>Period {0} to {1}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="335"/>
        <source>Tabel opslaan als CSV</source>
        <translation>Save table as CSV</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/monitor.py" line="340"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation>Table saved as CSV.</translation>
    </message>
</context>
<context>
    <name>NotStartedDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="180"/>
        <source>Niet gestart: {0}</source>
        <translation>Not started: {0}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="41"/>
        <source>Gespreksverslag — {0}</source>
        <translation>Conversation note — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="45"/>
        <source>Een verslag wordt niet meer gewijzigd na opslaan; een correctie is een nieuw verslag. Leg geen BSN vast.</source>
        <translation>A note is not changed once saved; a correction is a new note. Do not record a BSN.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/note.py" line="51"/>
        <source>Verslag opslaan</source>
        <translation>Save note</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="31"/>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="38"/>
        <source>Gespreksverslagen</source>
        <translation>Conversation notes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="32"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="33"/>
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="34"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="35"/>
        <source>Verslag</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="43"/>
        <source>Zoeken in de verslagen…</source>
        <translation>Search the notes…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="44"/>
        <source>Zoeken in de verslagen</source>
        <translation>Search the notes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="52"/>
        <source>Het gekozen verslag</source>
        <translation>The selected note</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="54"/>
        <source>Kies een verslag om het helemaal te lezen.</source>
        <translation>Select a note to read it in full.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="56"/>
        <source>Gespreksverslag toevoegen…</source>
        <translation>Add conversation note…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="61"/>
        <source>Gespreksverslag</source>
        <translation>Conversation note</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/notes_tab.py" line="64"/>
        <source>Aanvulling op bezoek {0}</source>
        <translation>Addendum to visit {0}</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="59"/>
        <source>Plaatsen — {0}</source>
        <translation>Place — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/placement.py" line="63"/>
        <source>Na het plaatsen staan de behoudmomenten na 1, 3, 6 en 12 maanden klaar en gaat de kandidaat naar de fase &apos;Begeleiding en behoud&apos;.</source>
        <translation>Placing schedules the retention checkpoints at 1, 3, 6 and 12 months and moves the candidate to the phase &apos;Guidance and retention&apos;.</translation>
    </message>
</context>
<context>
    <name>PlanIntakeDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="160"/>
        <source>Intake plannen: {0}</source>
        <translation>Plan intake: {0}</translation>
    </message>
</context>
<context>
    <name>PlanItem</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/plan_item.py" line="27"/>
        <source>Dit plan is afgesproken: uw wijziging komt in een nieuwe conceptversie, die u daarna opnieuw afspreekt. De afgesproken versie blijft bewaard.</source>
        <translation>This plan has been agreed: your change goes into a new draft version, which you then agree again. The agreed version is kept.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="51"/>
        <source>Doelen en acties</source>
        <translation>Goals and actions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Doel / actie</source>
        <translation>Goal / action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="65"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Uiterlijk</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="53"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="58"/>
        <source>Nieuw doel…</source>
        <translation>New goal…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="58"/>
        <source>Nieuw doel</source>
        <translation>New goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="62"/>
        <source>Nieuwe actie bij het gekozen doel…</source>
        <translation>New action for the selected goal…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="63"/>
        <source>Nieuwe actie</source>
        <translation>New action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="65"/>
        <source>Wie doet de actie</source>
        <translation>Who does the action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="66"/>
        <source>Uiterlijk (datum)</source>
        <translation>Due (date)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="68"/>
        <source>Doel toevoegen</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="69"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="261"/>
        <source>Actie toevoegen</source>
        <translation>Add action</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="70"/>
        <source>Wijzigen…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="71"/>
        <source>Het gekozen doel of de gekozen actie wijzigen (F2)</source>
        <translation>Edit the selected goal or action (F2)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="72"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="326"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="330"/>
        <source>Schrappen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="73"/>
        <source>Het gekozen doel of de gekozen actie schrappen (Delete)</source>
        <translation>Remove the selected goal or action (Delete)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="74"/>
        <source>Actie gedaan</source>
        <translation>Action done</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="75"/>
        <source>Actie vervalt</source>
        <translation>Action dropped</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="76"/>
        <source>De gekozen actie is niet meer nodig (blijft zichtbaar)</source>
        <translation>The selected action is no longer needed (stays visible)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="77"/>
        <source>Plan afspreken</source>
        <translation>Agree plan</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="79"/>
        <source>Samenvatting van het plan</source>
        <translation>Summary of the plan</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="82"/>
        <source>Samenvatting: de route in een paar zinnen…</source>
        <translation>Summary: the route in a few sentences…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="84"/>
        <source>Samenvatting opslaan</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="132"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="156"/>
        <source>Nog geen plan van aanpak. Voeg een eerste doel toe.</source>
        <translation>No plan of approach yet. Add a first goal.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="161"/>
        <source>Versie {0} — {1}{2}</source>
        <translation>Version {0} — {1}{2}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="247"/>
        <source>Voeg eerst een doel toe; een actie hoort altijd bij een doel.</source>
        <translation>Add a goal first; an action always belongs to a goal.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="255"/>
        <source>Bij welk doel?</source>
        <translation>Which goal?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="256"/>
        <source>Bij welk doel hoort de actie “{0}”?</source>
        <translation>Which goal does the action “{0}” belong to?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="262"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="332"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="292"/>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="310"/>
        <source>Kies eerst een doel of actie in de lijst.</source>
        <translation>First select a goal or action in the list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="300"/>
        <source>de actie “{0}”</source>
        <translation>the action “{0}”</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="313"/>
        <source>het doel “{0}” met zijn acties</source>
        <translation>the goal “{0}” with its actions</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="319"/>
        <source>Wilt u {0} uit het plan schrappen?</source>
        <translation>Do you want to remove {0} from the plan?</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="322"/>
        <source>Het plan is afgesproken: dit gebeurt in een nieuwe conceptversie; de afgesproken versie blijft bewaard.</source>
        <translation>The plan has been agreed: this happens in a new draft version; the agreed version is kept.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="354"/>
        <source>Kies eerst een actie in de lijst.</source>
        <translation>First select an action in the list.</translation>
    </message>
    <message>
        <source>Kies eerst een doel (of voeg er een toe).</source>
        <translation type="vanished">Choose a goal first (or add one).</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/plan_tab.py" line="239"/>
        <source>Uiterlijk: geen geldige datum (dd-mm-jjjj)</source>
        <translation>Due: not a valid date (dd-mm-yyyy)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="152"/>
        <source>Afdrukvoorbeeld: {0}</source>
        <translation>Print preview: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/print_actions.py" line="182"/>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="132"/>
        <source>Profiel</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="137"/>
        <source>Profiel opslaan</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="142"/>
        <source>Toestemming (AVG)</source>
        <translation>Consent (GDPR)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="158"/>
        <source>Intakegesprek</source>
        <translation>Intake conversation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="164"/>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="207"/>
        <source>Intake opslaan</source>
        <translation>Save intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="200"/>
        <source>Laatst vastgelegd op {0}</source>
        <translation>Last recorded on {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="204"/>
        <source>Intake bijwerken</source>
        <translation>Update intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="224"/>
        <source>het profiel</source>
        <translation>the profile</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="226"/>
        <source>de intake</source>
        <translation>the intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="263"/>
        <source>Profiel opgeslagen.</source>
        <translation>Profile saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/dossier_tabs.py" line="288"/>
        <source>Intake opgeslagen.</source>
        <translation>Intake saved.</translation>
    </message>
</context>
<context>
    <name>ProposeMatchDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="363"/>
        <source>Match voorstellen</source>
        <translation>Propose match</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="367"/>
        <source>Match op potentie: een vacature is niet nodig. De verschillen hieronder zijn om te bespreken, niet om iemand uit te sluiten.</source>
        <translation>Match on potential: a vacancy is not needed. The gaps below are for discussion, not for ruling anyone out.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="378"/>
        <source>Geen vacature (match op potentie)</source>
        <translation>No vacancy (match on potential)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="388"/>
        <source>Werkgever</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="389"/>
        <source>Vacature of toekomstige behoefte</source>
        <translation>Vacancy or future need</translation>
    </message>
</context>
<context>
    <name>ReactivateDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="108"/>
        <source>Opnieuw activeren — {0}</source>
        <translation>Reactivate — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/dropout.py" line="112"/>
        <source>De kandidaat doet weer mee. De kandidaatreis krijgt een stap met de reden.</source>
        <translation>The candidate takes part again. The journey gets a step with the reason.</translation>
    </message>
</context>
<context>
    <name>ReferQuestionDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="175"/>
        <source>Doorzetten als aanmelding — {0}</source>
        <translation>Pass on as a referral — {0}</translation>
    </message>
    <message>
        <source>De aanmelding wacht bij de coördinator op een loopbaancoach. De loketvraag wordt afgesloten met een verwijzing naar de aanmelding.</source>
        <translation type="vanished">The referral waits with the coordinator for a career coach. The desk question is closed with a link to the referral.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/loket.py" line="183"/>
        <source>Aanmelding vastgelegd; de loketvraag is afgesloten.</source>
        <translation>Referral recorded; the desk question is closed.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="71"/>
        <source>Nieuwe aanmelding</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="74"/>
        <source>Leg geen BSN vast: het SPT heeft daar geen grondslag voor.</source>
        <translation>Do not record a BSN: the SPT has no legal basis for it.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="80"/>
        <source>Aanmelding vastgelegd.</source>
        <translation>Referral recorded.</translation>
    </message>
</context>
<context>
    <name>ReferralLetterDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="205"/>
        <source>Terugkoppeling aan de verwijzer: {0}</source>
        <translation>Feedback to the referrer: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="217"/>
        <source>Alleen met toestemming van de kandidaat om met de verwijzer te delen. De brief noemt de stap en de datum, geen notities of redenen.</source>
        <translation>Only with the candidate&apos;s consent to share with the referrer. The letter names the step and the date, no notes or reasons.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/referral.py" line="225"/>
        <source>Terugkoppeling vastgelegd.</source>
        <translation>Feedback recorded.</translation>
    </message>
</context>
<context>
    <name>ReferralTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="46"/>
        <source>Verstuurde terugkoppelingen</source>
        <translation>Feedback letters sent</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Verstuurd op</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="48"/>
        <source>Aan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="55"/>
        <source>Terugkoppeling aan de verwijzer…</source>
        <translation>Feedback to the referrer…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="58"/>
        <source>Terugkoppelingen aan de verwijzer</source>
        <translation>Feedback letters to the referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="73"/>
        <source>Toestemming om met de verwijzer te delen: ja.</source>
        <translation>Consent to share with the referrer: yes.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="76"/>
        <source>Geen toestemming om met de verwijzer te delen: er kan geen terugkoppeling worden gemaakt.</source>
        <translation>No consent to share with the referrer: no feedback letter can be made.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="91"/>
        <source>Geen aanmelding vastgelegd: de kandidaat kwam binnen zonder warme overdracht.</source>
        <translation>No referral recorded: the candidate came in without a warm handover.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="96"/>
        <source>Aangemeld door {0} op {1}.</source>
        <translation>Referred by {0} on {1}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="99"/>
        <source>Verwijzer: {0}.</source>
        <translation>Referrer: {0}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="105"/>
        <source>Vraag: {0}</source>
        <translation>Question: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referral_tab.py" line="102"/>
        <source>Status van de aanmelding: {0}.</source>
        <translation>Status of the referral: {0}.</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="45"/>
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="49"/>
        <source>Aanmeldingen die op u wachten</source>
        <translation>Referrals waiting for you</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Verwezen door</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="51"/>
        <source>Aangemeld op</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="52"/>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="63"/>
        <source>De gekozen aanmelding</source>
        <translation>The chosen referral</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="65"/>
        <source>Kies een aanmelding om alles te lezen.</source>
        <translation>Pick a referral to read all of it.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="67"/>
        <source>Accepteren en inschrijven…</source>
        <translation>Accept and register…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="69"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="70"/>
        <source>Intake plannen…</source>
        <translation>Plan intake…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="71"/>
        <source>Niet gestart…</source>
        <translation>Not started…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="72"/>
        <source>Nieuwe aanmelding…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="115"/>
        <source>Geen aanmeldingen die op u wachten.</source>
        <translation>No referrals waiting for you.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="116"/>
        <source>{0} aanmeldingen wachten op u. Enter: accepteren en de kandidaat inschrijven met wat al bekend is.</source>
        <translation>{0} referrals are waiting for you. Enter: accept and register the candidate with what is already known.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="139"/>
        <source>Verwezen door: {0}</source>
        <translation>Referred by: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="140"/>
        <source>Verwijzer: {0}</source>
        <translation>Referrer: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="143"/>
        <source>Contact kandidaat: {0}</source>
        <translation>Candidate contact: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="146"/>
        <source>Vraag: {0}</source>
        <translation>Question: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="147"/>
        <source>Al bekend: {0}</source>
        <translation>Already known: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="148"/>
        <source>Terugkoppeling aan de verwijzer: {0}</source>
        <translation>Feedback to the referrer: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="149"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/referrals.py" line="149"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="49"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="63"/>
        <source>SPT-server</source>
        <translation>SPT server</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="72"/>
        <source>Koppelen</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="76"/>
        <source>Serveradres</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="77"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="78"/>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="83"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="87"/>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="99"/>
        <source>Alle tekst van SPT Desktop groter; ook Windows&apos; Tekst groter maken telt mee.</source>
        <translation>All of SPT Desktop&apos;s text larger; Windows&apos; Make text bigger counts too.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="104"/>
        <source>Automatisch vergrendelen na</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="105"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="106"/>
        <source>Tekstgrootte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="110"/>
        <source>Beveiliging</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="113"/>
        <source>Extra geheugenbeveiliging</source>
        <translation>Extra memory security</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="120"/>
        <source>Houdt de gegevens van de kluis vast in het werkgeheugen (nooit in het wisselbestand op schijf) en wist ze na gebruik. Synchroniseren wordt daardoor enkele malen trager. Voor organisaties die dit vereisen; geldt na het opnieuw starten van SPT Desktop.</source>
        <translation>Keeps the vault&apos;s data locked in working memory (never in the swap file on disk) and wipes it after use. This makes syncing several times slower. For organisations that require it; takes effect after SPT Desktop is restarted.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="135"/>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="144"/>
        <source>Wachtwoordzin wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="146"/>
        <source>Huidige</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="147"/>
        <source>Nieuwe</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="148"/>
        <source>Nieuwe (herhaal)</source>
        <translation>New (repeat)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="173"/>
        <source>Gekoppeld aan {0}.</source>
        <translation>Linked to {0}.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="178"/>
        <source>Oefenkluis met verzonnen gegevens: deze kluis wordt niet aan een server gekoppeld. Om te synchroniseren maakt u een eigen kluis aan.</source>
        <translation>Practice vault with made-up data: this vault is never linked to a server. To synchronise, create a vault of your own.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="184"/>
        <source>Niet gekoppeld: u werkt alleen op deze laptop. Koppelen kan altijd later.</source>
        <translation>Not linked: you work on this laptop only. You can link at any time.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="198"/>
        <source>Opnieuw starten nodig: de extra geheugenbeveiliging gaat aan zodra SPT Desktop opnieuw is gestart.</source>
        <translation>Restart needed: extra memory security is switched on when SPT Desktop has been restarted.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="202"/>
        <source>Opnieuw starten nodig: de extra geheugenbeveiliging blijft aan tot SPT Desktop opnieuw is gestart (in een lopende app kan ze niet uit).</source>
        <translation>Restart needed: extra memory security stays on until SPT Desktop has been restarted (it cannot be switched off in a running app).</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="214"/>
        <source>Deze instelling kon niet worden bewaard: de map met instellingen van SPT Desktop is niet beschrijfbaar. Controleer de schijf en uw rechten, en probeer het opnieuw.</source>
        <translation>This setting could not be saved: the SPT Desktop settings folder cannot be written to. Check the disk and your permissions, and try again.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="252"/>
        <source>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</source>
        <translation>The two new passphrases are not the same.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/settings.py" line="267"/>
        <source>Wachtwoordzin gewijzigd.</source>
        <translation>Passphrase changed.</translation>
    </message>
</context>
<context>
    <name>SideBySideDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="281"/>
        <source>Naast elkaar</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="286"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="185"/>
        <source>Kandidaat en vacature naast elkaar</source>
        <translation>Candidate and vacancy side by side</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="199"/>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="200"/>
        <source>Verschil</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="220"/>
        <source>Kandidaat</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="221"/>
        <source>Vacature / werkgever</source>
        <translation>Vacancy / employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="225"/>
        <source>Kies een werkgever om de verschillen te zien.</source>
        <translation>Choose an employer to see the gaps.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/match.py" line="244"/>
        <source>{0} verschil(len) om te bespreken. Verschillen sluiten niemand uit: het SPT matcht op potentie, en de klik telt vaak zwaarder dan skills.</source>
        <translation>{0} gap(s) to discuss. Gaps rule no one out: the SPT matches on potential, and the click often counts for more than skills.</translation>
    </message>
</context>
<context>
    <name>SptMonitorTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="34"/>
        <source>Geen indeling</source>
        <translation>No split</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="35"/>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="36"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="37"/>
        <source>Verwijzer</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="50"/>
        <source>Periode vanaf</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="51"/>
        <source>Periode tot en met</source>
        <translation>Period up to and including</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="56"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="86"/>
        <source>Indeling</source>
        <translation>Split by</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="59"/>
        <source>Tonen</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="62"/>
        <source>Rapportage stuurgroep (PDF)…</source>
        <translation>Steering group report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="65"/>
        <source>Per kwartaal van de gekozen periode: instroom, stromen, uitval, verblijfsduur, duurzame plaatsing en de doelen; alleen totalen.</source>
        <translation>Per quarter of the chosen period: intake, flows, dropout, time in phase, lasting placement and the targets; totals only.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="74"/>
        <source>Onderdelen van de SPT-monitor</source>
        <translation>Parts of the SPT monitor</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="84"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="85"/>
        <source>tot en met</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="117"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="139"/>
        <source>De einddatum ligt vóór de begindatum.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="130"/>
        <source>Het hele SPT, {0} t/m {1}. Aantallen van 1 tot 4 staan er als &lt;5.</source>
        <translation>The whole SPT, {0} to {1}. Counts from 1 to 4 show as &lt;5.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="145"/>
        <source>Rapportage stuurgroep opslaan</source>
        <translation>Save steering group report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="155"/>
        <source>Rapportage stuurgroep opgeslagen.</source>
        <translation>Steering group report saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="162"/>
        <source>Tabel opslaan als CSV</source>
        <translation>Save table as CSV</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="168"/>
        <source>Tabel opgeslagen als CSV.</source>
        <translation>Table saved as CSV.</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="608"/>
        <source>Te kort</source>
        <translation>Too short</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="609"/>
        <source>Gebruik minstens {minimum} tekens.</source>
        <translation>Use at least {minimum} characters.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="612"/>
        <source>Zwak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="613"/>
        <source>Vermijd herhaalde tekens; kies een paar losse woorden.</source>
        <translation>Avoid repeated characters; choose a few separate words.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="616"/>
        <source>Redelijk</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="617"/>
        <source>Bruikbaar; een extra woord maakt hem sterker.</source>
        <translation>Usable; one more word makes it stronger.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="620"/>
        <source>Sterk</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="621"/>
        <source>Goed; nog een woord maakt hem zeer sterk.</source>
        <translation>Good; one more word makes it very strong.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="624"/>
        <source>Zeer sterk</source>
        <translation>Very strong</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/messages.py" line="625"/>
        <source>Moeilijk te raden en met losse woorden goed te onthouden.</source>
        <translation>Hard to guess, and with separate words easy to remember.</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="177"/>
        <source>Instroom (aangemelde kandidaten)</source>
        <translation>Intake (registered candidates)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="178"/>
        <source>Plaatsingen</source>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="179"/>
        <source>Duurzame plaatsingen (na 12 maanden)</source>
        <translation>Lasting placements (after 12 months)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="180"/>
        <source>Uitval (% van de instroom, hoogstens)</source>
        <translation>Dropout (% of intake, at most)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="193"/>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="199"/>
        <source>Jaar</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="203"/>
        <source>geen doel</source>
        <translation>no target</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="211"/>
        <source>Doelen opslaan</source>
        <translation>Save targets</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="216"/>
        <source>Doelen en realisatie</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Doel</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Streefwaarde</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Gerealiseerd</source>
        <translation>Realised</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="217"/>
        <source>Stand</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="246"/>
        <source>Doelen voor {0} opgeslagen.</source>
        <translation>Targets for {0} saved.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="281"/>
        <source>binnen het doel</source>
        <translation>within the target</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="281"/>
        <source>boven het doel</source>
        <translation>above the target</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination_tabs.py" line="284"/>
        <source>{0} % van het doel</source>
        <translation>{0} % of the target</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="56"/>
        <source>Oriëntatie</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="57"/>
        <source>Verdieping</source>
        <translation>Deeper orientation</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="58"/>
        <source>Matching</source>
        <translation>Matching</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="59"/>
        <source>Scholing</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="60"/>
        <source>Behoud</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="252"/>
        <source> dagen</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="253"/>
        <source>Apparaat te laat na</source>
        <translation>Device late after</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="259"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Let op</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="260"/>
        <source>Rollen</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Overdrachten</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="262"/>
        <source>Apparaat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="263"/>
        <source>Laatste synchronisatie</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="265"/>
        <source>Overdrachten die zij verstuurde en die wachten op acceptatie</source>
        <translation>Handovers this coach sent that await acceptance</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="267"/>
        <source>Caseload in de fase {0}</source>
        <translation>Caseload in the phase {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="273"/>
        <source>Apparaat of overdracht te laat na</source>
        <translation>Device or handover late after</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="314"/>
        <source> (oudste {0} dagen)</source>
        <translation> (oldest {0} days)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="323"/>
        <source>Nog nooit gesynchroniseerd</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="327"/>
        <source>{0} dagen niet gesynchroniseerd</source>
        <translation>Not synced for {0} days</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="330"/>
        <source>Overdracht wacht te lang</source>
        <translation>Handover waiting too long</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="332"/>
        <source> (uitgeschakeld)</source>
        <translation> (deactivated)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="338"/>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="338"/>
        <source>Geen apparaat</source>
        <translation>No device</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/coordination.py" line="369"/>
        <source>{0} coaches. {1} apparaten langer dan {2} dagen niet gesynchroniseerd (hun werk staat nog alleen op de laptop); {3} coaches met een overdracht die langer wacht. Conflicten: de laatste {4} dagen.</source>
        <translation>{0} coaches. {1} devices not synced for more than {2} days (their work is only on the laptop); {3} coaches with a handover waiting longer. Conflicts: the last {4} days.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="38"/>
        <source>Vervolgafspraken</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="42"/>
        <source>Behoudmomenten na plaatsing</source>
        <translation>Retention checkpoints after placement</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="34"/>
        <source>Overdrachten die op u wachten</source>
        <translation>Handovers waiting for you</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="43"/>
        <source>Vervolgbezoeken</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="82"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="85"/>
        <source>Wat vandaag op u wacht</source>
        <translation>What awaits you today</translation>
    </message>
    <message>
        <source>Kandidaat</source>
        <translation type="vanished">Candidate</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="54"/>
        <location filename="../../spt_desktop/ui/pages/today.py" line="97"/>
        <source>Dossier openen</source>
        <translation>Open dossier</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="35"/>
        <source>Nieuwe aanmeldingen</source>
        <translation>New referrals</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="36"/>
        <source>Loketvragen om op te volgen</source>
        <translation>Desk questions to follow up</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="37"/>
        <source>Intakes te doen</source>
        <translation>Intakes to do</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="39"/>
        <source>Werkgevers: vervolgafspraken</source>
        <translation>Employers: follow-ups</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="40"/>
        <source>Matches die op antwoord wachten</source>
        <translation>Matches waiting for an answer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="41"/>
        <source>Vacatures en toekomstige behoeften</source>
        <translation>Vacancies and future needs</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="47"/>
        <source>Behoudmoment vastleggen…</source>
        <translation>Record retention checkpoint…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="48"/>
        <source>Bezoek vastleggen…</source>
        <translation>Log a visit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="49"/>
        <location filename="../../spt_desktop/ui/pages/today.py" line="50"/>
        <source>Werkgever openen</source>
        <translation>Open employer</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="51"/>
        <source>Accepteren en inschrijven…</source>
        <translation>Accept and register…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="52"/>
        <source>Loketvraag openen</source>
        <translation>Open desk question</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="87"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="96"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="99"/>
        <source>Bezoek vastleggen…  (Ctrl+N)</source>
        <translation>Log a visit…  (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="101"/>
        <source>Overdracht accepteren</source>
        <translation>Accept handover</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="138"/>
        <source>Vandaag — {0}</source>
        <translation>Today — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="140"/>
        <source>Niets dat vandaag op u wacht.</source>
        <translation>Nothing waiting for you today.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="143"/>
        <source>{0} punten vragen vandaag uw aandacht.</source>
        <translation>{0} items need your attention today.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/today.py" line="162"/>
        <source>{0} bij een werkgever van een ander SPT</source>
        <translation>{0} at another SPT&apos;s employer</translation>
    </message>
</context>
<context>
    <name>TrainingDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="75"/>
        <source>Scholing toevoegen — {0}</source>
        <translation>Add training — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="77"/>
        <source>Scholing wijzigen — {0}</source>
        <translation>Edit training — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="85"/>
        <source>Een opleidingsfonds (Wij Techniek, OOM, A+O Metalektro) betaalt alleen voor wie werkt: kies het pas als de kandidaat geplaatst is.</source>
        <translation>A training fund (Wij Techniek, OOM, A+O Metalektro) only pays for people in work: choose it once the candidate is placed.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="91"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/training.py" line="94"/>
        <source>Levert een erkend certificaat of certificeerbare eenheden op</source>
        <translation>Leads to a recognised certificate or certifiable units</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="37"/>
        <source>SPT Desktop</source>
        <translation>SPT Desktop</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="39"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="116"/>
        <source>Uw kluis is vergrendeld. Voer uw wachtwoordzin in.</source>
        <translation>Your vault is locked. Enter your passphrase.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="44"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="46"/>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="57"/>
        <source>Laat leeg om de oude te houden</source>
        <translation>Leave empty to keep the old one</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="59"/>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="60"/>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="71"/>
        <location filename="../../spt_desktop/ui/unlock.py" line="126"/>
        <source>Herstelsleutel gebruiken</source>
        <translation>Use recovery key</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="74"/>
        <source>Ontgrendelen</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="85"/>
        <source>Demokluis met verzonnen gegevens. Wachtwoordzin: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Demo vault with made-up data. Passphrase: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="124"/>
        <source>Wachtwoordzin gebruiken</source>
        <translation>Use passphrase</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="137"/>
        <source>Voer uw herstelsleutel in.</source>
        <translation>Enter your recovery key.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/unlock.py" line="142"/>
        <source>Voer uw wachtwoordzin in.</source>
        <translation>Enter your passphrase.</translation>
    </message>
</context>
<context>
    <name>VacancyDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="96"/>
        <source>Bewerken — {0}, {1}</source>
        <translation>Edit — {0}, {1}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="98"/>
        <source>Nieuwe toekomstige behoefte — {0}</source>
        <translation>New future need — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="100"/>
        <source>Nieuwe vacature — {0}</source>
        <translation>New vacancy — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/vacancy.py" line="107"/>
        <source>Een toekomstige behoefte (les 10) krijgt een verwachte datum; zij komt op Vandaag een maand ervoor.</source>
        <translation>A future need (lesson 10) gets an expected date; it appears on Today a month before.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="59"/>
        <source>Bezoek vastleggen — {0}</source>
        <translation>Log a visit — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="63"/>
        <source>Bezoekverslag wijzigen — {0}</source>
        <translation>Edit visit report — {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="69"/>
        <source>Tab naar het volgende veld, Ctrl+Enter legt vast.</source>
        <translation>Tab to the next field, Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="74"/>
        <source>Bezoek vastleggen</source>
        <translation>Log visit</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="74"/>
        <source>Wijzigingen opslaan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/dialogs/visit.py" line="90"/>
        <source>Bezoek vastgelegd.</source>
        <translation>Visit logged.</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="25"/>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="36"/>
        <source>Bezoeken</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="26"/>
        <source>Tijdstip</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="27"/>
        <source>Vorm</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="28"/>
        <source>Locatie</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="29"/>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="30"/>
        <source>Welbevinden</source>
        <translation>Wellbeing</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="31"/>
        <source>Uitvalrisico</source>
        <translation>Dropout risk</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="31"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="32"/>
        <source>Afgetekend</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="33"/>
        <source>Afspraken</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="39"/>
        <source>Het gekozen bezoekverslag</source>
        <translation>The selected visit report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="41"/>
        <source>Kies een bezoek om het verslag te lezen.</source>
        <translation>Select a visit to read its report.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="44"/>
        <source>Wijzigen…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="45"/>
        <source>Het verslag aanpassen zolang het niet is afgetekend</source>
        <translation>Edit the report while it is not signed off</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="48"/>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="136"/>
        <source>Aftekenen</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="49"/>
        <source>Het verslag vastzetten; daarna kan alleen nog een aanvulling</source>
        <translation>Lock the report; after that only an addendum is possible</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="52"/>
        <source>Aanvulling…</source>
        <translation>Addendum…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="53"/>
        <source>Iets toevoegen aan een afgetekend verslag</source>
        <translation>Add something to a signed-off report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="61"/>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="64"/>
        <source>{0} (+{1} aanv.)</source>
        <translation>{0} (+{1} add.)</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="84"/>
        <source>Aanwezig: {0}</source>
        <translation>Present: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="85"/>
        <source>Besproken: {0}</source>
        <translation>Discussed: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="86"/>
        <source>Afspraken: {0}</source>
        <translation>Agreements: {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="87"/>
        <source>Afgetekend op {0}</source>
        <translation>Signed off on {0}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="89"/>
        <source>Nog niet afgetekend.</source>
        <translation>Not signed off yet.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="93"/>
        <source>Aanvulling van {0}: {1}</source>
        <translation>Addendum of {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="102"/>
        <source>Kies eerst een bezoek in de lijst.</source>
        <translation>First select a visit in the list.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="113"/>
        <source>Afgetekend verslag</source>
        <translation>Signed-off report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="115"/>
        <source>Dit bezoekverslag is afgetekend op {0} en wordt niet meer gewijzigd. Wat u wilt toevoegen of rechtzetten, legt u vast als aanvulling.</source>
        <translation>This visit report was signed off on {0} and is no longer changed. Record what you want to add or correct as an addendum.</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="118"/>
        <source>Aanvulling schrijven…</source>
        <translation>Write addendum…</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="131"/>
        <source>Bezoekverslag aftekenen</source>
        <translation>Sign off visit report</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/pages/visits_tab.py" line="133"/>
        <source>Na het aftekenen wordt dit verslag niet meer gewijzigd; later kan alleen een aanvulling. Aftekenen?</source>
        <translation>After signing off, this report is no longer changed; later only an addendum is possible. Sign off?</translation>
    </message>
</context>
<context>
    <name>WorkTab</name>
    <message>
        <location filename="../../spt_desktop/ui/pages/work_tab.py" line="123"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="41"/>
        <source>Vandaag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="42"/>
        <source>Caseload</source>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="43"/>
        <source>Werkgevers</source>
        <translation>Employers</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="44"/>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="45"/>
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="46"/>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="47"/>
        <source>Coördinatie</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="48"/>
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="49"/>
        <source>Loket</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="62"/>
        <source>Pagina&apos;s</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../spt_desktop/ui/workspace.py" line="102"/>
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Demokluis wordt aangemaakt…</source>
        <translation type="vanished">Creating the demo vault…</translation>
    </message>
</context>
</TS>
