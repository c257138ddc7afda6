"""A loket question: record or change one (the loket, the coordinator; a coach the
questions passed on to her), and close one with what was answered and what it became.
Closing clears the asker's name and contact (issue 16 §2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from spt_common.enums import LoketAsker, LoketChannel, LoketOutcome
from spt_desktop.services import Services
from spt_desktop.services.loket import LoketColleague, LoketLink, LoketQuestionDTO
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.referral import ReferralDialog
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, choices_of
from spt_desktop.ui.ops import Ops

OUTCOME = Field(
    "outcome", QT_TRANSLATE_NOOP("Field", "Wat het werd"), "choice", choices_of(LoketOutcome)
)
ANSWER = Field("answer", QT_TRANSLATE_NOOP("Field", "Antwoord"), "text")


def question_fields(colleagues: list[LoketColleague], keeps: bool) -> tuple[Field, ...]:
    """The whole question for the register's keepers; the coach it was passed on to
    answers it and plans its follow-up."""
    follow = Field("follow_up_on", QT_TRANSLATE_NOOP("Field", "Opvolgen op"), "date")
    if not keeps:
        return (ANSWER, follow, OUTCOME)
    coaches = tuple((c.id, f"{c.name} ({c.roles})") for c in colleagues)
    return (
        Field("received_on", QT_TRANSLATE_NOOP("Field", "Datum"), "date", required=True),
        Field(
            "channel",
            QT_TRANSLATE_NOOP("Field", "Kanaal"),
            "choice",
            choices_of(LoketChannel),
            required=True,
        ),
        Field(
            "asker",
            QT_TRANSLATE_NOOP("Field", "Van wie"),
            "choice",
            choices_of(LoketAsker),
            required=True,
        ),
        Field("topic", QT_TRANSLATE_NOOP("Field", "Onderwerp"), required=True),
        Field("name", QT_TRANSLATE_NOOP("Field", "Naam (alleen zolang de vraag open is)")),
        Field("contact", QT_TRANSLATE_NOOP("Field", "Bereikbaar via (e-mail of telefoon)")),
        ANSWER,
        Field("to_coach_id", QT_TRANSLATE_NOOP("Field", "Doorgezet naar"), "choice", coaches),
        follow,
        OUTCOME,
    )


def _start(question: LoketQuestionDTO) -> dict[str, Any]:
    return {
        "received_on": question.received_on,
        "channel": question.channel.value,
        "asker": question.asker.value,
        "topic": question.topic,
        "name": question.name or "",
        "contact": question.contact or "",
        "answer": question.answer,
        "to_coach_id": question.to_coach_id or "",
        "follow_up_on": question.follow_up_on,
        "outcome": question.outcome.value if question.outcome else "",
    }


class LoketQuestionDialog(DraftDialog[LoketQuestionDTO]):
    """Record a question (``question`` None) or change one."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Vraag opslaan")

    def __init__(
        self,
        ops: Ops,
        colleagues: list[LoketColleague],
        keeps: bool,
        question: LoketQuestionDTO | None = None,
        draft: dict[str, Any] | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.question_id = question.id if question else None
        # The form id names the question: closing it drops the draft too.
        self.form_id = f"loket:{question.id}" if question else "loket"
        fields = question_fields(colleagues, keeps)
        start = draft
        if start is None and question is not None:
            names = {f.name for f in fields}
            start = {k: v for k, v in _start(question).items() if k in names}
        elif start is None and today is not None:
            start = {"received_on": today}
        title = self.tr("Loketvraag bewerken") if question else self.tr("Nieuwe loketvraag")
        intro = self.tr(
            "Naam en contactgegevens blijven alleen bewaard zolang de vraag open is. "
            "De opvolgdatum komt op Vandaag."
        )
        super().__init__(ops, title, fields, start, intro=intro, parent=parent)
        self.setObjectName("loketQuestionDialog")
        first = "channel" if "channel" in self.form.editors else "answer"
        self.form.editors[first].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> LoketQuestionDTO:
        if self.question_id is None:
            return svc.loket.register(values)
        return svc.loket.update(self.question_id, values)

    def done_text(self) -> str:
        return self.tr("Loketvraag opgeslagen.")


class CloseQuestionDialog(DraftDialog[LoketQuestionDTO]):
    """Close a question: what was answered and what it became."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Vraag afsluiten")

    def __init__(
        self,
        ops: Ops,
        question: LoketQuestionDTO,
        links: list[LoketLink],
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.question_id = question.id
        self.form_id = f"loket-close:{question.id}"
        start = draft or {
            "answer": question.answer,
            "outcome": question.outcome.value if question.outcome else "",
            "outcome_id": question.outcome_id or "",
        }
        link = Field("outcome_id", QT_TRANSLATE_NOOP("Field", "Gekoppeld aan"), "choice",
                     tuple((t.id, t.label) for t in links))  # fmt: skip
        super().__init__(
            ops,
            self.tr("Loketvraag afsluiten — {0}").format(question.topic),
            (ANSWER, OUTCOME, link),
            start,
            intro=self.tr("Afsluiten wist de naam en de contactgegevens van de vraagsteller."),
            parent=parent,
        )
        self.setObjectName("closeQuestionDialog")
        self.form.editors["answer"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> LoketQuestionDTO:
        return svc.loket.close(self.question_id, values)

    def done_text(self) -> str:
        return self.tr("Loketvraag afgesloten.")


class ReferQuestionDialog(ReferralDialog):
    """ "Doorzetten als aanmelding": the referral form, filled from the question
    (``LoketService.referral_prefill``); saved, the referral waits for a coach in
    Toewijzen and the question keeps the link and closes."""

    ok_text = QT_TRANSLATE_NOOP("DraftDialog", "Aanmelding vastleggen")

    def __init__(
        self,
        ops: Ops,
        question: LoketQuestionDTO,
        start: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        self.question_id = question.id
        self.form_id = f"loket-refer:{question.id}"
        super().__init__(ops, start, parent)
        self.setWindowTitle(self.tr("Doorzetten als aanmelding — {0}").format(question.topic))
        self.setObjectName("referQuestionDialog")
        self.form.editors["referrer_kind"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> LoketQuestionDTO:  # type: ignore[override]
        return svc.loket.refer(self.question_id, values)

    def done_text(self) -> str:
        return self.tr("Aanmelding vastgelegd; de loketvraag is afgesloten.")
