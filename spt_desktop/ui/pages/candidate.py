"""Kandidaat: one candidate's dossier in tabs — profile and intake (with consent), plan
of approach, journey, activities and training, matches and placement, visits, notes
(gespreksverslagen), handovers, history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.services.changes import Changes
from spt_desktop.services.dto import Dossier
from spt_desktop.ui.access_export import AccessExport
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.activities_tab import ActivitiesTab
from spt_desktop.ui.pages.dossier_tabs import JourneyTab, ProfileTab, lists_tabs
from spt_desktop.ui.pages.notes_tab import NotesTab
from spt_desktop.ui.pages.plan_tab import PlanTab
from spt_desktop.ui.pages.referral_tab import ReferralTab
from spt_desktop.ui.pages.visits_tab import VisitsTab
from spt_desktop.ui.pages.work_tab import Opener, open_here
from spt_desktop.ui.print_actions import Document, Printing
from spt_desktop.ui.tables import row_at


class CandidatePage(QWidget):
    back = Signal()
    log_visit = Signal(str, str)  # candidate id, name
    hand_over = Signal(str, str)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dossier: Dossier | None = None
        self.candidate_id: str | None = None
        self._pending_intake: dict[str, Any] | None = None
        self._pending_profile: dict[str, Any] | None = None
        self.leave_box: QMessageBox | None = None  # the question on leaving, while open
        self._pending_dialogs: list[tuple[str, dict[str, Any]]] = []
        self.name = named(QLabel(), "pageTitle")
        # A long name (100+ characters) wraps in the header instead of widening the
        # window past the screen; its minimum is the longest word (issue 14 §2).
        self.name.setWordWrap(True)
        self.name.setMinimumWidth(200)
        self.facts = named(QLabel(), "dossierFacts")
        self.facts.setProperty("role", "muted")
        self.facts.setWordWrap(True)
        self.facts.setMinimumWidth(200)
        back = named(QPushButton(self.tr("← Caseload")), "backButton")
        back.clicked.connect(self.back)
        visit = named(QPushButton(self.tr("Bezoek vastleggen…")), "dossierVisit")
        visit.clicked.connect(self._visit)
        handover = named(QPushButton(self.tr("Overdragen…")), "dossierHandover")
        handover.clicked.connect(self._handover)

        self.profile = ProfileTab(ops)
        self.plan = PlanTab(ops)
        self.journey = JourneyTab(ops)
        self.lists: dict[str, Any] = dict(lists_tabs(ops, lambda: self.dossier))
        self.activities = ActivitiesTab(ops)
        self.visits = VisitsTab(ops)
        self.notes = NotesTab(ops)
        self.referral = ReferralTab(ops)
        self.referral.make_letter.connect(lambda: self.make_letter())
        self.lists["activities"] = self.activities
        self.lists["visits"] = self.visits
        self.lists["notes"] = self.notes
        self.dialog_host: Opener = open_here  # the workspace's: a lock keeps the drafts
        for tab in (self.plan, self.activities, self.visits, self.notes):
            tab.opener = self._open_dialog
        self.lists["visits"].add_button(self.tr("Bezoek vastleggen…"), "visitsNew", self._visit)
        self.lists["handovers"].add_button(self.tr("Overdragen…"), "handoversNew", self._handover)
        self.notice = named(QLabel(), "dossierNotice")
        self.notice.setProperty("role", "muted")
        self.printing = Printing(ops, self)
        self.printing.on_saved = lambda _path: ops.confirmed.emit(self.tr("PDF opgeslagen."))
        self.print_button = named(QPushButton(self.tr("Afdrukken")), "dossierPrint")
        self.print_menu = QMenu(self.print_button)
        self.print_actions: dict[str, QAction] = {}
        self._print_menu("dossier", self.tr("Dossiersamenvatting"), self.print_menu)
        self._print_menu("plan", self.tr("Plan van aanpak"), self.print_menu)
        self.access_export = AccessExport(ops, self)
        self.access_export.on_saved = lambda _path: self.notice.setText(
            self.tr("Inzageverzoek opgeslagen. Geef het bestand alleen aan de kandidaat zelf.")
        )
        self.print_menu.addSection(self.tr("AVG"))
        self.access_action = self.print_menu.addAction(self.tr("Inzageverzoek (AVG) exporteren…"))
        self.access_action.setObjectName("dossierAccessExport")
        self.access_action.setToolTip(
            self.tr("Alles wat deze kluis over de kandidaat bevat, als JSON-bestand")
        )
        self.access_action.triggered.connect(self.export_access)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setAccessibleName(self.tr("Afdrukken en exporteren"))
        visit_report = self.lists["visits"].add_button(
            self.tr("Bezoekverslag"), "visitReport", lambda: None
        )
        visit_menu = QMenu(visit_report)
        self._print_menu("visit", self.tr("Bezoekverslag (geselecteerd bezoek)"), visit_menu)
        visit_report.setMenu(visit_menu)
        self.tabs = named(QTabWidget(), "dossierTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van het dossier"))
        for widget, title in (
            (self.profile, self.tr("Profiel en intake")),
            (self.plan, self.tr("Plan van aanpak")),
            (self.journey, self.tr("Kandidaatreis")),
            (self.lists["activities"], self.tr("Activiteiten en scholing")),
            (self.lists["matches"], self.tr("Matches en plaatsing")),
            (self.lists["visits"], self.tr("Bezoeken")),
            (self.notes, self.tr("Notities")),
            (self.lists["handovers"], self.tr("Overdrachten")),
            (self.referral, self.tr("Aanmelding")),
            (self.lists["history"], self.tr("Historie")),
        ):
            self.tabs.addTab(widget, title)
        # A short title (all tabs fit 1366 px); the tooltip says what it holds.
        self.tabs.setTabToolTip(
            self.tabs.indexOf(self.notes), self.tr("Gespreksverslagen en aanvullingen op bezoeken")
        )

        head = QHBoxLayout()
        head.addWidget(back)
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.facts)
        head.addLayout(titles, 1)
        # The actions a row of their own inside the head: at 200 % the head stands in a
        # column and the three buttons stay on one line under the titles.
        actions = QHBoxLayout()
        actions.addWidget(visit)
        actions.addWidget(handover)
        actions.addWidget(self.print_button)
        head.addLayout(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        ops.changed.connect(self._on_changed)

    def tab_widgets(self) -> list[Any]:
        return [self.profile, self.plan, self.journey, *self.lists.values(), self.referral]

    def show_candidate(self, candidate_id: str) -> None:
        if candidate_id != self.candidate_id:
            self.notice.clear()  # it was about the previous candidate
            self.tabs.setCurrentIndex(0)
            self.name.setText(self.tr("Dossier laden…"))
            self.facts.clear()
        self.candidate_id = candidate_id
        self.reload()

    def reload(self) -> None:
        cid = self.candidate_id
        if cid is None:
            return
        self.ops.read(lambda svc: svc.dossier(cid)).success(self._show).owned_by(self).run()

    def _show(self, d: Dossier) -> None:
        if d.candidate.id != self.candidate_id:
            return
        self.dossier = d
        c = d.candidate
        self.name.setText(c.full_name)
        follow = c.next_follow_up.strftime("%d-%m-%Y") if c.next_follow_up else self.tr("geen")
        # The dossier number is what the headless commands and a colleague on the phone
        # can use instead of her name.
        self.facts.setText(
            self.tr("Dossiernr. {0}").format(c.dossier_number)
            + f"  ·  {c.phase.label}  ·  {c.status.label}  ·  {c.persona.label}"
            + f"  ·  {c.municipality}  ·  "
            + self.tr("vervolgafspraak: {0}").format(follow)
        )
        for tab in self.tab_widgets():
            tab.show_dossier(d)
        if self._pending_intake is not None:
            self.profile.intake.set_values(self._pending_intake)
            self._pending_intake = None
        if self._pending_profile is not None:
            self.profile.profile.set_values(self._pending_profile)
            self._pending_profile = None
        mine = [p for p in self._pending_dialogs if p[0].rpartition(":")[2] == c.id]
        self._pending_dialogs = [p for p in self._pending_dialogs if p not in mine]
        for form_id, values in mine:
            self.reopen(form_id, values)

    def _on_changed(self, changes: Changes) -> None:
        if self.candidate_id and (
            changes.dossier
            or changes.visits
            or changes.handovers
            or changes.candidates
            or changes.sync
        ):
            self.reload()

    def restore_intake(self, values: dict[str, Any]) -> None:
        """Put an intake draft back once the dossier has loaded."""
        self._pending_intake = values

    def restore_profile(self, values: dict[str, Any]) -> None:
        """Put a profile kept at lock back once the dossier has loaded."""
        self._pending_profile = values

    def drafts(self) -> dict[str, dict[str, Any]]:
        return self.profile.drafts() if self.dossier else {}

    def draft_owners(self) -> dict[str, str]:
        """The profile's and the intake's drafts are about the open dossier's candidate."""
        return dict.fromkeys(self.drafts(), self.dossier.candidate.id) if self.dossier else {}

    # --- leaving with unsaved edits --------------------------------------------------

    def has_unsaved(self) -> bool:
        return bool(self.profile.unsaved())

    def leave(self, proceed: Callable[[], None]) -> None:
        """Go on with ``proceed`` once nothing typed here would be lost: with edits not
        saved, ask first (Opslaan / Niet opslaan / Annuleren), as a desktop app does."""
        unsaved = self.profile.unsaved()
        if not unsaved:
            proceed()
            return
        if self.leave_box is not None:
            return  # already asking
        box = QMessageBox(self)
        box.setObjectName("unsavedQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Niet opgeslagen"))
        box.setText(
            self.tr("U hebt {0} gewijzigd en nog niet opgeslagen.").format(
                self.tr(" en ").join(unsaved)
            )
        )
        save = box.addButton(self.tr("Opslaan"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Niet opslaan"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        self.leave_box = box

        def answered(button: object) -> None:
            box.buttonClicked.disconnect(answered)  # one answer per question
            self.leave_box = None
            box.deleteLater()
            if button is save:
                self.tabs.setCurrentWidget(self.profile)  # a wrong field shows here
                self.profile.save_unsaved(proceed)
            elif button is discard:
                self.profile.discard_unsaved()
                proceed()

        box.buttonClicked.connect(answered)
        box.open()

    # --- the working tabs' dialogs -----------------------------------------------------

    DIALOG_KINDS = frozenset(
        {
            "activity",
            "training",
            "note",
            "visitedit",
            "amend",
            "goal",
            "action",
            "dropout",
            "reactivate",
            "closure",
            "referral_letter",
        }
    )

    def _open_dialog(self, dialog: DraftDialog[Any]) -> object:
        return self.dialog_host(dialog)

    def restore_dialog(self, form_id: str, values: dict[str, Any]) -> None:
        """Reopen a dossier dialog left unsaved (at a lock) once its dossier is shown."""
        self._pending_dialogs.append((form_id, values))

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        for tab in (self.activities, self.notes, self.visits, self.plan):
            if tab.reopen(form_id, values):
                return True
        if form_id.startswith("referral_letter:"):
            self.make_letter(values)
            return True
        return self.journey.reopen(form_id)

    # --- printing --------------------------------------------------------------------

    def _print_menu(self, kind: str, title: str, menu: QMenu) -> None:
        section = menu.addSection(title)
        section.setObjectName(f"print_{kind}_section")
        for verb, label in (
            ("preview", self.tr("Afdrukvoorbeeld…")),
            ("print", self.tr("Afdrukken…")),
            ("save", self.tr("Opslaan als PDF…")),
        ):
            action = menu.addAction(label)
            action.setObjectName(f"print_{kind}_{verb}")
            action.triggered.connect(lambda _=False, k=kind, v=verb: self.print_document(k, v))
            self.print_actions[f"{kind}_{verb}"] = action

    def document(self, kind: str) -> Document | None:
        """The document ``kind`` (dossier, plan, visit) for the candidate in view."""
        d = self.dossier
        if d is None:
            return None
        cid, last = d.candidate.id, d.candidate.last_name
        if kind == "dossier":
            return Document(
                "Dossiersamenvatting",
                f"dossier-{last}",
                lambda svc: svc.documents.dossier(cid),
            )
        if kind == "plan":
            return Document(
                "Plan van aanpak", f"plan-van-aanpak-{last}",
                lambda svc: svc.documents.plan(cid),
            )  # fmt: skip
        visit = row_at(self.lists["visits"].views["visits"])
        if visit is None:
            return None
        vid = visit.id
        return Document(
            "Bezoekverslag",
            f"bezoekverslag-{last}-{visit.visited_at:%Y%m%d}",
            lambda svc: svc.documents.visit_report(vid),
        )

    def print_document(self, kind: str, verb: str) -> None:
        """Afdrukvoorbeeld / Afdrukken / Opslaan als PDF of one document."""
        doc = self.document(kind)
        if doc is None:
            if kind == "visit" and self.dossier is not None:
                self.ops.error.emit(self.tr("Kies eerst een bezoek in de lijst."))
            return
        self.notice.clear()
        {"preview": self.printing.preview, "print": self.printing.print,
         "save": self.printing.save_pdf}[verb](doc)  # fmt: skip

    def make_letter(self, draft: dict[str, Any] | None = None) -> None:
        """Terugkoppeling aan de verwijzer: the dialog keeps that it was sent, then the
        letter is saved as PDF where the coach chooses (refused without consent).
        ``draft``: what was typed before a lock."""
        from spt_desktop.ui.dialogs.referral import ReferralLetterDialog

        d = self.dossier
        if d is None:
            return
        self.notice.clear()
        last = d.candidate.last_name
        dialog = ReferralLetterDialog(
            self.ops, d.candidate.id, d.candidate.full_name, draft, parent=self
        )

        def saved(data: Any) -> None:
            self.printing.save_pdf(
                Document("Terugkoppeling", f"terugkoppeling-{last}", lambda _svc: data)
            )

        dialog.on_saved = saved
        self._open_dialog(dialog)

    def export_access(self) -> None:
        """Inzageverzoek (AVG): everything held about the candidate in view, as JSON."""
        if self.dossier is None:
            return
        self.notice.clear()
        c = self.dossier.candidate
        self.access_export.export(c.id, c.last_name)

    def _visit(self) -> None:
        if self.dossier:
            self.log_visit.emit(self.dossier.candidate.id, self.dossier.candidate.full_name)

    def _handover(self) -> None:
        if self.dossier:
            self.hand_over.emit(self.dossier.candidate.id, self.dossier.candidate.full_name)
