"""Bezoeken: the jobcoach's visit reports. One not signed off yet can be edited and
signed off; a signed-off report is append-only (services/visits.py): editing it is
refused, and what comes later is an aanvulling, shown under the report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from spt_desktop.services.dto import Dossier, NoteDTO, VisitDTO
from spt_desktop.ui.dialogs.note import AmendDialog
from spt_desktop.ui.dialogs.visit import VisitDialog
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.notes_tab import local
from spt_desktop.ui.pages.work_tab import WorkTab
from spt_desktop.ui.tables import Column


class VisitsTab(WorkTab):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        self.amendments: dict[str, list[NoteDTO]] = {}
        super().__init__(ops, [
            ("visits", self.tr("Bezoeken"), (
                Column(self.tr("Tijdstip"), lambda v: v.visited_at, width=130),
                Column(self.tr("Vorm"), lambda v: v.mode, width=90),
                Column(self.tr("Locatie"), lambda v: v.site, width=180),
                Column(self.tr("Voortgang"), lambda v: v.progress_score, width=100),
                Column(self.tr("Welbevinden"), lambda v: v.wellbeing_score, width=115),
                Column(self.tr("Uitvalrisico"), lambda v: self.tr("ja") if v.dropout_risk else "", width=105),  # noqa: E501
                Column(self.tr("Afgetekend"), self._signed, width=165),
                Column(self.tr("Afspraken"), lambda v: v.agreements or v.topics))),
        ], parent)  # fmt: skip
        view = self.views["visits"]
        view.setAccessibleName(self.tr("Bezoeken"))
        self.report = named(QPlainTextEdit(), "visitText")
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Het gekozen bezoekverslag"))
        self.report.setMaximumHeight(170)
        self.report.setPlaceholderText(self.tr("Kies een bezoek om het verslag te lezen."))
        self.layout_.insertWidget(self.layout_.indexOf(view) + 1, self.report)
        self.edit_button = self.button(
            self.tr("Wijzigen…"), "visitEdit", self.edit_visit,
            self.tr("Het verslag aanpassen zolang het niet is afgetekend"),
        )  # fmt: skip
        self.sign_button = self.button(
            self.tr("Aftekenen"), "visitSignOff", self.sign_off,
            self.tr("Het verslag vastzetten; daarna kan alleen nog een aanvulling"),
        )  # fmt: skip
        self.amend_button = self.button(
            self.tr("Aanvulling…"), "visitAmend", self.amend,
            self.tr("Iets toevoegen aan een afgetekend verslag"),
        )  # fmt: skip
        view.activated.connect(lambda _i: self.edit_visit())
        view.selectionModel().currentRowChanged.connect(lambda *_: self._selection())
        self._selection()

    def _signed(self, v: VisitDTO) -> str:
        if v.signed_off_at is None:
            return self.tr("nee")
        extra = len(self.amendments.get(v.id, ()))
        day = local(v.signed_off_at).strftime("%d-%m-%Y")
        return self.tr("{0} (+{1} aanv.)").format(day, extra) if extra else day

    def show_dossier(self, d: Dossier) -> None:
        self.amendments = {}
        for n in d.notes:
            if n.visit_id:
                self.amendments.setdefault(n.visit_id, []).append(n)
        super().show_dossier(d)
        self._selection()

    def _selection(self) -> None:
        v = self.selected("visits")
        self.sign_button.setEnabled(v is not None and v.signed_off_at is None)
        self.amend_button.setEnabled(v is not None and v.signed_off_at is not None)
        self.edit_button.setEnabled(v is not None)
        self.report.setPlainText("" if v is None else self._text(v))

    def _text(self, v: VisitDTO) -> str:
        lines = [
            f"{v.visited_at:%d-%m-%Y %H:%M} — {v.mode.label} — {v.site}",
            self.tr("Aanwezig: {0}").format(v.attendees) if v.attendees else "",
            self.tr("Besproken: {0}").format(v.topics) if v.topics else "",
            self.tr("Afspraken: {0}").format(v.agreements) if v.agreements else "",
            self.tr("Afgetekend op {0}").format(f"{local(v.signed_off_at):%d-%m-%Y %H:%M}")
            if v.signed_off_at
            else self.tr("Nog niet afgetekend."),
        ]
        for n in self.amendments.get(v.id, ()):
            lines.append(
                self.tr("Aanvulling van {0}: {1}").format(
                    f"{local(n.written_at):%d-%m-%Y %H:%M}", n.text
                )
            )
        return "\n".join(line for line in lines if line)

    def _visit(self) -> VisitDTO | None:
        v: VisitDTO | None = self.selected("visits")
        if v is None:
            self.say(self.tr("Kies eerst een bezoek in de lijst."))
        return v

    def edit_visit(self) -> None:
        v = self._visit()
        if v is None:
            return
        self.say("")
        if v.signed_off_at is not None:
            # Append-only once signed: say so, and offer what is possible instead.
            self.ask(
                self.tr("Afgetekend verslag"),
                self.tr(
                    "Dit bezoekverslag is afgetekend op {0} en wordt niet meer gewijzigd. "
                    "Wat u wilt toevoegen of rechtzetten, legt u vast als aanvulling."
                ).format(f"{local(v.signed_off_at):%d-%m-%Y}"),
                self.tr("Aanvulling schrijven…"),
                self.amend,
                "signedVisitQuestion",
            )
            return
        self.opener(VisitDialog(self.ops, self.cid, self.name, parent=self, visit=v))

    def sign_off(self) -> None:
        v = self._visit()
        if v is None or v.signed_off_at is not None:
            return
        vid = v.id
        self.ask(
            self.tr("Bezoekverslag aftekenen"),
            self.tr(
                "Na het aftekenen wordt dit verslag niet meer gewijzigd; later kan alleen een "
                "aanvulling. Aftekenen?"
            ),
            self.tr("Aftekenen"),
            lambda: self.run(lambda svc: svc.visits.sign_off(vid)),
            "signOffQuestion",
        )

    def amend(self) -> None:
        v = self._visit()
        if v is not None and v.signed_off_at is not None:
            self.opener(AmendDialog(self.ops, self.cid, self.name, v, parent=self))

    def reopen(self, form_id: str, values: dict[str, Any]) -> bool:
        # "kind:visit:candidate" (the candidate last: models/drafts.py)
        kind, _, rest = form_id.partition(":")
        vid = rest.rpartition(":")[0]
        v = next((x for x in self.models["visits"].rows if x.id == vid), None)
        if v is None:
            return False
        if kind == "visitedit" and v.signed_off_at is None:
            self.opener(VisitDialog(self.ops, self.cid, self.name, values, self, visit=v))
            return True
        if kind == "amend":
            self.opener(AmendDialog(self.ops, self.cid, self.name, v, values, parent=self))
            return True
        return False
