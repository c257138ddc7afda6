"""A retention checkpoint (behoudmoment): still in service or not, with a note. "Niet
meer in dienst" leads straight into the uitval form (issue 12 §3).

``open_dialog`` is how the pages that start these dialogs (Vandaag, the dossier) open
one: with the draft kept of it, if any (so what was typed before a lock comes back when
the coach opens the same form again), and known to the workspace's list of open dialogs
when there is one, so a lock keeps its contents as a draft too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from spt_common.enums import CheckpointOutcome, Phase
from spt_desktop.services import Services
from spt_desktop.services.dto import CheckpointDTO
from spt_desktop.services.journey import CheckpointInfo
from spt_desktop.services.session import VaultSession
from spt_desktop.services.today import months_text
from spt_desktop.ui.dialogs.base import DraftDialog
from spt_desktop.ui.dialogs.dropout import DropoutDialog
from spt_desktop.ui.elsewhere import employer_text
from spt_desktop.ui.forms import QT_TRANSLATE_NOOP, Field, show_day
from spt_desktop.ui.ops import Ops

IN_SERVICE = (
    ("yes", QT_TRANSLATE_NOOP("Field", "Nog in dienst")),
    ("no", QT_TRANSLATE_NOOP("Field", "Niet meer in dienst")),
)
FIELDS = (
    Field(
        "in_service",
        QT_TRANSLATE_NOOP("Field", "Nog in dienst?"),
        "choice",
        IN_SERVICE,
        required=True,
    ),
    Field("done_on", QT_TRANSLATE_NOOP("Field", "Datum"), "date", required=True),
    Field("note", QT_TRANSLATE_NOOP("Field", "Notitie"), "text"),
)

Opened = Callable[[dict[str, Any] | None], DraftDialog[Any]]


def checkpoint_form(checkpoint_id: str, candidate_id: str) -> str:
    """The draft's form id (the dialog says whom the draft is about: models/drafts.py)."""
    return f"checkpoint:{checkpoint_id}:{candidate_id}"


def open_dialog(ops: Ops, form_id: str, parent: QWidget, make: Opened) -> None:
    """Open the dialog ``make(draft)`` builds, with the draft kept for ``form_id``."""
    ops.vault(lambda s: s.load_draft(form_id)).success(
        lambda draft: show(make(draft), parent)
    ).owned_by(parent).run()


def show(dialog: DraftDialog[Any], parent: QWidget) -> None:
    """Open ``dialog`` (window-modal) and let the workspace know of it (``dialogs``:
    what a lock collects drafts from)."""
    host: QWidget | None = parent
    while host is not None and not isinstance(getattr(host, "dialogs", None), list):
        host = host.parentWidget()
    if host is not None:
        kept: list[DraftDialog[Any]] = host.dialogs  # type: ignore[attr-defined]
        kept.append(dialog)

        def forget(*_: object) -> None:
            if dialog in kept:
                kept.remove(dialog)

        dialog.finished.connect(forget)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


class CheckpointDialog(DraftDialog[CheckpointDTO]):
    """Record one retention checkpoint."""

    ok_text = "Vastleggen"

    def __init__(
        self,
        ops: Ops,
        info: CheckpointInfo,
        today: date,
        draft: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        point = info.checkpoint
        self.form_id = checkpoint_form(point.id, info.candidate_id)
        self.about = info.candidate_id
        self.info = info
        super().__init__(
            ops,
            self.tr("Behoudmoment na {0} — {1}").format(
                months_text(point.months), info.candidate_name
            ),
            FIELDS,
            draft,
            intro=self.tr(
                "{0} bij {1}, gestart op {2}; dit behoudmoment stond op {3}. Is de kandidaat "
                "nog in dienst?"
            ).format(
                info.job_title,
                employer_text(info.employer),  # another SPT's: says so, not an empty name
                show_day(info.starts_on),
                show_day(point.due_on),
            ),
            parent=parent,
        )
        self.setObjectName("checkpointDialog")
        if draft is None:
            self.form.set_values({"done_on": min(today, max(point.due_on, info.starts_on))})
        self.form.editors["in_service"].setFocus()

    def save(self, svc: Services, values: dict[str, Any]) -> CheckpointDTO:
        return svc.journey.checkpoint(
            self.info.checkpoint.id,
            values["in_service"] == "yes",
            values["note"],
            values["done_on"],
        )


def record_checkpoint(
    ops: Ops, checkpoint_id: str, parent: QWidget, on_dropout: Callable[[], None] | None = None
) -> None:
    """Open the checkpoint dialog for ``checkpoint_id``; "niet meer in dienst" saved opens
    the uitval form for the candidate, in the phase Begeleiding en behoud, on that day."""

    def read(s: VaultSession) -> tuple[CheckpointInfo, date, dict[str, Any] | None]:
        info = s.services.journey.checkpoint_info(checkpoint_id)
        draft = s.load_draft(checkpoint_form(checkpoint_id, info.candidate_id))
        return info, s.services.today(), draft

    def opened(got: tuple[CheckpointInfo, date, dict[str, Any] | None]) -> None:
        info, today, draft = got
        dialog = CheckpointDialog(ops, info, today, draft, parent=parent)

        def saved(point: CheckpointDTO) -> None:
            if point.outcome == CheckpointOutcome.LEFT:
                day = point.done_on or today
                intro = QCoreApplication.translate(
                    "CheckpointDialog",
                    "Niet meer in dienst sinds {0}: registreer de uitval, met het lek.",
                ).format(show_day(day))
                open_dialog(
                    ops,
                    f"dropout:{info.candidate_id}",
                    parent,
                    lambda d: DropoutDialog(
                        ops, info.candidate_id, info.candidate_name, Phase.RETENTION, day, d,
                        intro=intro, parent=parent,
                    ),
                )  # fmt: skip
                if on_dropout is not None:
                    on_dropout()

        dialog.on_saved = saved
        show(dialog, parent)

    ops.vault(read).success(opened).owned_by(parent).run()


__all__ = ["CheckpointDialog", "open_dialog", "record_checkpoint", "show"]
