"""Matching on potential (whitepaper lessons 10–11): propose a candidate to an employer,
with or without a vacancy; see candidate and vacancy side by side with the gaps the
whitepaper names; record each next step of a match and the klik.

``ProposeMatchDialog`` starts from a candidate (the dossier) or from a vacancy or
employer (Werkgevers): what is given is fixed, the rest is picked. The gaps are shown,
never used to leave a candidate out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import ConsentPurpose, MatchParty, MatchStatus, VacancyKind
from spt_desktop.errors import Code, code_of
from spt_desktop.services import Services
from spt_desktop.services.dto import CaseloadRow, EmployerDTO, MatchDTO, VacancyDTO
from spt_desktop.services.match_gaps import Gap, Level, SideBySide, Topic, Travel, terms_of
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.elsewhere import capitalised, employer_text
from spt_desktop.ui.fit import FitScroll
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of, show_day
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops


def euro(amount: int | None) -> str:
    return f"€ {amount:,}".replace(",", ".") if amount is not None else ""


# --- the gaps in words ---------------------------------------------------------------


def pattern_label(code: str) -> str:
    """A working-time pattern's words (the vacancy's code; an unknown code as it is)."""
    return {
        "day": QCoreApplication.translate("MatchGaps", "Dagdienst"),
        "shifts": QCoreApplication.translate("MatchGaps", "Ploegendienst"),
        "around_the_clock": QCoreApplication.translate("MatchGaps", "24/7"),
        "flexible": QCoreApplication.translate("MatchGaps", "Flexibel"),
    }.get(code, code)


def topic_label(topic: Topic) -> str:
    return {
        Topic.SALARY: QCoreApplication.translate("MatchGaps", "Salaris"),
        Topic.HOURS: QCoreApplication.translate("MatchGaps", "Uren per week"),
        Topic.PATTERN: QCoreApplication.translate("MatchGaps", "Beschikbaarheid en werktijden"),
        Topic.LANGUAGE: QCoreApplication.translate("MatchGaps", "Taalniveau Nederlands"),
        Topic.TRAVEL: QCoreApplication.translate("MatchGaps", "Reizen"),
        Topic.SKILLS: QCoreApplication.translate("MatchGaps", "Vaardigheden en interesses"),
        Topic.CONSENT: QCoreApplication.translate("MatchGaps", "Toestemming delen met werkgever"),
    }[topic]


def level_text(level: Level) -> str:
    return {
        Level.FITS: QCoreApplication.translate("MatchGaps", "✓ past"),
        Level.GAP: QCoreApplication.translate("MatchGaps", "⚠ verschil"),
        Level.UNKNOWN: QCoreApplication.translate("MatchGaps", "? onbekend"),
    }[level]


def sides(gap: Gap, view: SideBySide) -> tuple[str, str]:
    """What the candidate and the vacancy (or employer) say on the gap's topic."""
    c, t, d = view.candidate, terms_of(view.vacancy), gap.detail
    none = QCoreApplication.translate("MatchGaps", "niet ingevuld")
    if gap.topic == Topic.SALARY:
        rng = (
            f"{euro(t.salary_low) or '…'} – {euro(t.salary_high) or '…'}"
            if t.salary_low is not None or t.salary_high is not None
            else none
        )
        return (
            euro(c.salary_expectation) + QCoreApplication.translate("MatchGaps", " /mnd")
            if c.salary_expectation
            else none
        ), rng
    if gap.topic == Topic.HOURS:
        return (
            QCoreApplication.translate("MatchGaps", "{0} uur").format(c.hours_per_week)
            if c.hours_per_week
            else none,
            QCoreApplication.translate("MatchGaps", "{0} uur").format(t.hours) if t.hours else none,
        )
    if gap.topic == Topic.PATTERN:
        return (c.availability or none), (pattern_label(t.pattern) if t.pattern else none)
    if gap.topic == Topic.LANGUAGE:
        return (d.get("has") or none), (d.get("needs") or none)
    if gap.topic == Topic.TRAVEL:
        return (d.get("from") or none), (d.get("to") or none)
    if gap.topic == Topic.SKILLS:
        own = "; ".join(x for x in (c.skills, c.interests) if x) or none
        asked = t.title or (view.employer.sector.label if view.employer else none)
        return own, asked
    consent = c.has_consent(ConsentPurpose.SHARE_EMPLOYER)
    return (
        QCoreApplication.translate("MatchGaps", "gegeven")
        if consent
        else QCoreApplication.translate("MatchGaps", "niet gegeven")
    ), ""


def gap_text(gap: Gap) -> str:
    """The gap in a few Dutch words: what to talk about, not a verdict."""
    d = gap.detail
    if gap.level == Level.UNKNOWN:
        if gap.topic == Topic.TRAVEL:
            return QCoreApplication.translate("MatchGaps", "Gemeente onbekend: reistijd navragen")
        return QCoreApplication.translate("MatchGaps", "nog niet te vergelijken")
    if gap.topic == Topic.SALARY:
        if gap.level == Level.GAP:
            return QCoreApplication.translate(
                "MatchGaps", "Verwachting {0} boven de schaal: groei of aanvulling bespreken"
            ).format(euro(d["short"]))
        return QCoreApplication.translate("MatchGaps", "Past binnen de schaal")
    if gap.topic == Topic.HOURS:
        diff = int(d["diff"])
        if gap.level == Level.GAP and diff < 0:
            return QCoreApplication.translate(
                "MatchGaps", "Kandidaat wil {0} uur minder dan gevraagd"
            ).format(-diff)
        if gap.level == Level.GAP:
            return QCoreApplication.translate(
                "MatchGaps", "Kandidaat wil {0} uur meer dan geboden"
            ).format(diff)
        return QCoreApplication.translate("MatchGaps", "Uren sluiten aan")
    if gap.topic == Topic.PATTERN:
        if gap.level == Level.GAP:
            return QCoreApplication.translate(
                "MatchGaps", "Kandidaat kan alleen overdag; het werk vraagt ploegen of 24/7"
            )
        return QCoreApplication.translate("MatchGaps", "Werktijden lijken haalbaar")
    if gap.topic == Topic.LANGUAGE:
        if gap.level == Level.GAP:
            return QCoreApplication.translate(
                "MatchGaps", "{0} niveau(s) onder wat gevraagd wordt: taaltraject of begeleiding"
            ).format(d["steps"])
        return QCoreApplication.translate("MatchGaps", "Taalniveau voldoet")
    if gap.topic == Topic.TRAVEL:
        return {
            Travel.SAME.value: QCoreApplication.translate("MatchGaps", "Zelfde gemeente"),
            Travel.REGION.value: QCoreApplication.translate(
                "MatchGaps", "Zelfde arbeidsmarktregio"
            ),
            Travel.SPT.value: QCoreApplication.translate(
                "MatchGaps", "Andere regio binnen het SPT: reistijd bespreken"
            ),
            Travel.FAR.value: QCoreApplication.translate(
                "MatchGaps", "Buiten de regio van het SPT: ver reizen"
            ),
        }[d["how"]]
    if gap.topic == Topic.SKILLS:
        if gap.level == Level.GAP:
            return QCoreApplication.translate(
                "MatchGaps", "Geen overlap gevonden: kijk naar potentie en de klik"
            )
        return QCoreApplication.translate("MatchGaps", "Overlap: {0}").format(
            ", ".join(d["shared"][:5])
        )
    if gap.level == Level.GAP:
        return QCoreApplication.translate(
            "MatchGaps", "Nog geen toestemming: deel geen gegevens met de werkgever"
        )
    return QCoreApplication.translate("MatchGaps", "Toestemming gegeven")


class SideBySideView(QGroupBox):
    """Candidate and vacancy side by side, one row per whitepaper gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kandidaat en vacature naast elkaar"), parent)
        self.setObjectName("sideBySide")
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(14)
        for col, stretch in enumerate((2, 3, 3, 4)):
            self.grid.setColumnStretch(col, stretch)
        self.heads = [QLabel(), QLabel(), QLabel(), QLabel()]
        for col, label in enumerate(self.heads):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # a long employer's name (and at 200 % text)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.grid.addWidget(label, 0, col)
        self.heads[0].setText(self.tr("Onderwerp"))
        self.heads[3].setText(self.tr("Verschil"))
        self.cells: dict[Topic, tuple[QLabel, QLabel, QLabel, QLabel]] = {}
        for row, topic in enumerate(Topic, start=1):
            labels = (QLabel(topic_label(topic)), QLabel(), QLabel(), QLabel())
            for col, label in enumerate(labels):
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.grid.addWidget(label, row, col, Qt.AlignmentFlag.AlignTop)
            labels[3].setObjectName(f"gap_{topic.value}")
            labels[1].setObjectName(f"gapCandidate_{topic.value}")
            labels[2].setObjectName(f"gapVacancy_{topic.value}")
            self.cells[topic] = labels
        self.note = named(QLabel(), "sideBySideNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.grid.addWidget(self.note, len(Topic) + 1, 0, 1, 4)
        self.clear()

    def clear(self) -> None:
        self.heads[1].setText(self.tr("Kandidaat"))
        self.heads[2].setText(self.tr("Vacature / werkgever"))
        for labels in self.cells.values():
            for label in labels[1:]:
                label.clear()
        self.note.setText(self.tr("Kies een werkgever om de verschillen te zien."))

    def show_view(self, view: SideBySide) -> None:
        self.heads[1].setText(view.candidate.full_name)
        # Another SPT's employer: its name is not on this laptop; say whose it is.
        head = view.employer.name if view.employer is not None else capitalised(employer_text(None))
        if view.vacancy is not None:
            head = f"{view.vacancy.title} — {head}"
        self.heads[2].setText(head)
        for gap in view.gaps:
            labels = self.cells[gap.topic]
            cand, vac = sides(gap, view)
            labels[1].setText(cand)
            labels[2].setText(vac)
            labels[3].setText(f"{level_text(gap.level)} — {gap_text(gap)}")
            labels[3].setAccessibleName(f"{topic_label(gap.topic)}: {labels[3].text()}")
        gaps = sum(1 for g in view.gaps if g.level == Level.GAP)
        self.note.setText(
            self.tr(
                "{0} verschil(len) om te bespreken. Verschillen sluiten niemand uit: het SPT "
                "matcht op potentie, en de klik telt vaak zwaarder dan skills."
            ).format(gaps)
        )
        self._fit()

    def _fit(self) -> None:
        """Wrapped labels need height for their width: grow the window to it (a dialog
        sizes itself before the texts are in)."""
        window = self.window()
        layout = window.layout()
        if layout is None or window is self:
            return
        layout.activate()
        wanted = max(layout.totalHeightForWidth(window.width()), layout.totalMinimumSize().height())
        if wanted > window.height():
            window.resize(window.width(), wanted)
        # With the window as context: a dialog closed before the next turn drops the call.
        QTimer.singleShot(0, window, lambda: self._grow(window))

    @staticmethod
    def _grow(window: QWidget) -> None:
        """Once shown and laid out: the height the wrapped texts need at this width."""
        layout = window.layout()
        if layout is None:
            return
        wanted = layout.totalHeightForWidth(window.width())
        if wanted > window.height():
            window.resize(window.width(), wanted)


class SideBySideDialog(QDialog):
    """The side-by-side view of one match, read-only."""

    def __init__(self, ops: Ops, match: MatchDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sideBySideDialog")
        self.setWindowTitle(self.tr("Naast elkaar"))
        self.setMinimumWidth(min(900, self.screen().availableGeometry().width() - 80))
        self.view = SideBySideView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        close.setIcon(QIcon())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(FitScroll(self.view), 1)  # scrolls at 200 % text (WCAG 1.4.4)
        layout.addWidget(buttons)
        cid, eid, vid = match.candidate_id, match.employer_id, match.vacancy_id
        ops.read(lambda svc: svc.matching.side_by_side(cid, eid, vid)).success(
            self.view.show_view
        ).owned_by(self).run()


# --- propose -------------------------------------------------------------------------


def _vacancy_label(v: VacancyDTO) -> str:
    if v.kind == VacancyKind.FUTURE_NEED:
        when = f" ({show_day(v.expected_on)})" if v.expected_on else ""
        return QCoreApplication.translate("MatchGaps", "Toekomstige behoefte: {0}{1}").format(
            v.title, when
        )
    return v.title


def proposal_form(
    candidate_id: str | None, vacancy_id: str | None = None, employer_id: str | None = None
) -> str:
    """The draft id of a proposal: ``match:<candidate>`` from a dossier; from Werkgevers,
    where no candidate is chosen yet, ``matchvacancy.<vacancy or employer>`` (no
    candidate in it, so it is not taken for one)."""
    if candidate_id:
        return f"match:{candidate_id}"
    return f"matchvacancy.{vacancy_id or employer_id or 'new'}"


class ProposeMatchDialog(DraftDialog[MatchDTO]):
    """Propose a match. Give ``candidate_id`` (from the dossier) and the employer and
    vacancy are picked; give ``vacancy_id`` and/or ``employer_id`` (from Werkgevers) and
    the candidate is picked. No vacancy is a match on potential."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Voorstellen")

    def __init__(
        self,
        ops: Ops,
        *,
        candidate_id: str | None = None,
        vacancy_id: str | None = None,
        employer_id: str | None = None,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.fixed_candidate = candidate_id
        # Its draft is about her (models/drafts.py keeps it only while she is in the
        # vault, and drops it with her); from Werkgevers there is none yet.
        self.about = candidate_id
        self.form_id = proposal_form(candidate_id, vacancy_id, employer_id)
        fields = (
            []
            if candidate_id
            else [
                Field(
                    "candidate_id", QT_TRANSLATE_NOOP("Field", "Kandidaat"), "choice", required=True
                )
            ]
        )
        fields += [
            Field("employer_id", QT_TRANSLATE_NOOP("Field", "Werkgever"), "choice", required=True),
            Field(
                "vacancy_id",
                QT_TRANSLATE_NOOP("Field", "Vacature of toekomstige behoefte"),
                "choice",
            ),
            Field("notes", QT_TRANSLATE_NOOP("Field", "Waarom deze match"), "text"),
        ]
        super().__init__(
            ops,
            self.tr("Match voorstellen"),
            fields,
            None,
            intro=self.tr(
                "Match op potentie: een vacature is niet nodig. De verschillen hieronder "
                "zijn om te bespreken, niet om iemand uit te sluiten."
            ),
            parent=parent,
        )
        self.setObjectName("proposeMatchDialog")
        self.setMinimumWidth(min(900, self.screen().availableGeometry().width() - 80))
        self.side = SideBySideView(self)
        self.body.insertWidget(self.body.count() - 2, self.side)  # above the error
        self.employer_box: QComboBox = self.form.editors["employer_id"]  # type: ignore[assignment]
        self.vacancy_box: QComboBox = self.form.editors["vacancy_id"]  # type: ignore[assignment]
        self.vacancy_box.setItemText(0, self.tr("Geen vacature (match op potentie)"))
        self.candidate_box: QComboBox | None = self.form.editors.get("candidate_id")  # type: ignore[assignment]
        for box in (self.employer_box, self.candidate_box):
            if box is not None:
                box.setEditable(True)
                box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                completer = box.completer()
                if completer is not None:
                    completer.setFilterMode(Qt.MatchFlag.MatchContains)
                    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.employer_box.setAccessibleName(self.tr("Werkgever"))
        self.vacancy_box.setAccessibleName(self.tr("Vacature of toekomstige behoefte"))
        # What to select once the lists are in: a draft, or what the caller gave.
        self.wanted: dict[str, Any] = dict(draft or {})
        if vacancy_id:
            self.wanted.setdefault("vacancy_id", vacancy_id)
        if employer_id:
            self.wanted.setdefault("employer_id", employer_id)
        self._loading = True
        ops.read(lambda svc: self._lists(svc, vacancy_id)).success(self._fill).owned_by(self).run()

    def _lists(
        self, svc: Services, vacancy_id: str | None
    ) -> tuple[list[EmployerDTO], list[CaseloadRow] | None, str | None]:
        employer = None
        if vacancy_id:
            employer = next(
                (v.employer_id for v in svc.employers.vacancies(status=None) if v.id == vacancy_id),
                None,
            )
        people = None if self.fixed_candidate else svc.queries.caseload()
        return svc.employers.find(), people, employer

    def _fill(self, lists: tuple[list[EmployerDTO], list[CaseloadRow] | None, str | None]) -> None:
        employers, people, vacancy_employer = lists
        if vacancy_employer:
            self.wanted.setdefault("employer_id", vacancy_employer)
        self.form._loading = True  # filling lists is not an edit
        try:
            self.employer_box.clear()
            for e in employers:
                self.employer_box.addItem(f"{e.name} ({e.municipality})", e.id)
            if self.candidate_box is not None and people is not None:
                self.candidate_box.clear()
                for p in people:
                    self.candidate_box.addItem(f"{p.full_name} ({p.municipality})", p.id)
                self._select(self.candidate_box, self.wanted.get("candidate_id"))
            self._select(self.employer_box, self.wanted.get("employer_id"))
            if self.wanted.get("notes"):
                self.form.set_values({"notes": self.wanted["notes"]})
        finally:
            self.form._loading = False
        self.employer_box.currentIndexChanged.connect(self._employer_changed)
        self.vacancy_box.currentIndexChanged.connect(lambda _=0: self._compare())
        if self.candidate_box is not None:
            self.candidate_box.currentIndexChanged.connect(lambda _=0: self._compare())
        self._employer_changed()
        (self.candidate_box or self.employer_box).setFocus()

    @staticmethod
    def _select(box: QComboBox, value: Any) -> None:
        index = box.findData(value) if value else -1
        box.setCurrentIndex(max(index, 0) if box.count() else -1)

    def _employer_changed(self, *_: object) -> None:
        eid = self.employer_box.currentData()
        if not eid:
            self.side.clear()
            return
        self.ops.read(lambda svc: svc.employers.vacancies(eid)).success(
            lambda vs: self._vacancies(eid, vs)
        ).owned_by(self).run()

    def _vacancies(self, employer_id: str, vacancies: list[VacancyDTO]) -> None:
        if self.employer_box.currentData() != employer_id:
            return
        self.form._loading = True
        try:
            while self.vacancy_box.count() > 1:
                self.vacancy_box.removeItem(1)
            for v in vacancies:
                self.vacancy_box.addItem(_vacancy_label(v), v.id)
            wanted = self.wanted.pop("vacancy_id", None)
            index = self.vacancy_box.findData(wanted) if wanted else 0
            self.vacancy_box.setCurrentIndex(max(index, 0))
        finally:
            self.form._loading = False
        self._compare()

    def _candidate(self) -> str | None:
        if self.fixed_candidate:
            return self.fixed_candidate
        return self.candidate_box.currentData() if self.candidate_box is not None else None

    def _compare(self) -> None:
        cid, eid = self._candidate(), self.employer_box.currentData()
        vid = self.vacancy_box.currentData() or None
        if not cid or not eid:
            self.side.clear()
            return
        self.ops.read(lambda svc: svc.matching.side_by_side(cid, eid, vid)).success(
            self.side.show_view
        ).newest(f"sideBySide:{id(self)}").owned_by(self).run()

    def save(self, svc: Services, values: dict[str, Any]) -> MatchDTO:
        cid = self.fixed_candidate or values.get("candidate_id") or ""
        return svc.matching.propose(
            cid, values.get("employer_id") or "", values.get("vacancy_id") or None,
            notes=values.get("notes") or "",
        )  # fmt: skip


# --- the next step -------------------------------------------------------------------

STEPS = (
    MatchStatus.INTRODUCED,
    MatchStatus.TRIAL,
    MatchStatus.HIRED,
    MatchStatus.DECLINED,
    MatchStatus.PROPOSED,
)
# The step that usually follows.
NATURAL_NEXT = {
    MatchStatus.PROPOSED: MatchStatus.INTRODUCED,
    MatchStatus.INTRODUCED: MatchStatus.HIRED,
    MatchStatus.TRIAL: MatchStatus.HIRED,
    MatchStatus.HIRED: MatchStatus.DECLINED,
    MatchStatus.DECLINED: MatchStatus.PROPOSED,
}


class MatchStepDialog(DraftDialog[MatchDTO]):
    """The next step of a match: kennismaking (with the klik), proefplaatsing,
    aangenomen, afgewezen (by whom and why), or proposed again after a 'no'."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Stap vastleggen")

    def __init__(
        self,
        ops: Ops,
        match: MatchDTO,
        employer_name: str,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.form_id = f"matchstep:{match.id}:{match.candidate_id}"
        self.about = match.candidate_id
        self.match = match
        steps = tuple(
            (
                s.value,
                QT_TRANSLATE_NOOP("Field", "Opnieuw voorstellen")
                if s == MatchStatus.PROPOSED
                else s.label,
            )
            for s in STEPS
        )
        fields = (
            Field("status", QT_TRANSLATE_NOOP("Field", "Stap"), "choice", steps, required=True),
            Field(
                "on",
                QT_TRANSLATE_NOOP("Field", "Datum"),
                "date",
                placeholder=QT_TRANSLATE_NOOP("Field", "dd-mm-jjjj (leeg: vandaag)"),
            ),
            Field(
                "klik",
                QT_TRANSLATE_NOOP("Field", "Klik (1–5)"),
                placeholder=QT_TRANSLATE_NOOP("Field", "1 = geen klik … 5 = sterke klik"),
            ),
            Field(
                "by", QT_TRANSLATE_NOOP("Field", "Afgewezen door"), "choice", choices_of(MatchParty)
            ),
            Field("reason", QT_TRANSLATE_NOOP("Field", "Waarom afgewezen"), "text"),
        )
        super().__init__(
            ops,
            self.tr("Volgende stap — {0}").format(employer_name),
            fields,
            None,
            intro=self.tr(
                "Nu: {0}. Na de kennismaking legt u de klik vast: hoe goed kandidaat en "
                "werkgever bij elkaar passen."
            ).format(match.status.label.lower()),
            parent=parent,
        )
        self.setObjectName("matchStepDialog")
        nxt = NATURAL_NEXT.get(match.status, MatchStatus.INTRODUCED)
        self.form.set_values({"status": nxt.value, **(draft or {})})
        status: QComboBox = self.form.editors["status"]  # type: ignore[assignment]
        status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        status.setFocus()

    def _status_changed(self, *_: object) -> None:
        declined = self.form.raw().get("status") == MatchStatus.DECLINED.value
        for name in ("by", "reason"):
            self.form.editors[name].setEnabled(declined)

    def _failed(self, exc: BaseException) -> bool:
        """A step out of order is said at the step field, worded as every error is."""
        from spt_desktop.ui.ops import describe

        if code_of(exc) == Code.MATCH_STEP_NOT_ALLOWED:
            self.buttons.setEnabled(True)
            self.form.show_errors({"status": describe(exc)})
            return True
        return super()._failed(exc)

    def save(self, svc: Services, values: dict[str, Any]) -> MatchDTO:
        declined = values.get("status") == MatchStatus.DECLINED.value
        by = values.get("by") if declined else None
        return svc.matching.advance(
            self.match.id,
            MatchStatus(values["status"]),
            values.get("klik") or None,
            on=values.get("on"),
            by=MatchParty(by) if by else None,
            reason=(values.get("reason") or "") if declined else "",
        )


__all__ = [
    "MatchStepDialog",
    "ProposeMatchDialog",
    "SideBySideDialog",
    "SideBySideView",
    "gap_text",
]
