"""The tabs of the candidate dossier. Each gets the whole ``Dossier`` (one read,
``Services.dossier``) and shows its part; edits go through ops, and the use cases say
what they changed."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spt_common.entities import entity_label
from spt_common.enums import (
    ConsentPurpose,
    LanguageLevel,
)
from spt_common.field_words import fields_text
from spt_desktop.services import Services
from spt_desktop.services.dto import Dossier, PlacementDTO
from spt_desktop.ui.dialogs.candidate import PERSON
from spt_desktop.ui.forms import (
    QT_TRANSLATE_NOOP,
    DraftKeeper,
    Field,
    Form,
    choices_of,
    field_text,
    show_day,
)
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops
from spt_desktop.ui.pages.journey_tab import JourneyTab
from spt_desktop.ui.tables import Column, DtoTableModel, make_table, text_of


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


# The consent purposes as the coach reads them: their domain labels (a test holds them
# equal), as translatable texts of the forms' context.
CONSENT_WORDS = {
    ConsentPurpose.PROCESSING: QT_TRANSLATE_NOOP(
        "Field", "Registratie en begeleiding door het SPT"
    ),
    ConsentPurpose.SHARE_EMPLOYER: QT_TRANSLATE_NOOP(
        "Field", "Delen met werkgever (bezoekverslagen)"
    ),
    ConsentPurpose.SHARE_REFERRER_FUNDER: QT_TRANSLATE_NOOP(
        "Field", "Delen met verwijzer en financier (UWV, gemeente, werkcentrum, fonds)"
    ),
    ConsentPurpose.SHARE_TRAINING_PROVIDER: QT_TRANSLATE_NOOP("Field", "Delen met opleider"),
    ConsentPurpose.AANBODKRANT: QT_TRANSLATE_NOOP("Field", "Geanonimiseerd in de aanbodkrant"),
}


class Tab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dossier: Dossier | None = None

    @property
    def cid(self) -> str:
        assert self.dossier is not None
        return str(self.dossier.candidate.id)

    def show_dossier(self, d: Dossier) -> None:
        self.dossier = d


# --- profile and intake -------------------------------------------------------------

PROFILE = (
    *PERSON,
    Field(
        "language_level",
        QT_TRANSLATE_NOOP("Field", "Taalniveau Nederlands"),
        "choice",
        choices_of(LanguageLevel),
    ),
    Field("hours_per_week", QT_TRANSLATE_NOOP("Field", "Uren per week"), "number", low=1, high=60),
    Field("availability", QT_TRANSLATE_NOOP("Field", "Beschikbaarheid")),
    Field(
        "salary_expectation",
        QT_TRANSLATE_NOOP("Field", "Salarisverwachting (€/mnd)"),
        "number",
        low=0,
        high=20000,
    ),
    Field("skills", QT_TRANSLATE_NOOP("Field", "Vaardigheden"), "text"),
    Field("interests", QT_TRANSLATE_NOOP("Field", "Interesses"), "text"),
    Field("next_follow_up", QT_TRANSLATE_NOOP("Field", "Vervolgafspraak"), "date"),
)
INTAKE = (
    Field("held_on", QT_TRANSLATE_NOOP("Field", "Gehouden op"), "date"),
    Field("background", QT_TRANSLATE_NOOP("Field", "Achtergrond"), "text"),
    Field("motivation", QT_TRANSLATE_NOOP("Field", "Motivatie"), "text"),
    Field("wishes", QT_TRANSLATE_NOOP("Field", "Wensen"), "text"),
    Field("obstacles", QT_TRANSLATE_NOOP("Field", "Belemmeringen"), "text"),
    Field("persona_rationale", QT_TRANSLATE_NOOP("Field", "Waarom deze persona"), "text"),
)


class ProfileTab(Tab):
    """Profile, consent (AVG) and the intake conversation."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(ops, parent)
        inner = QWidget()
        row = QHBoxLayout(inner)
        left, right = QVBoxLayout(), QVBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)

        box = QGroupBox(self.tr("Profiel"))
        col = QVBoxLayout(box)
        self.profile = Form(PROFILE)
        self.profile.setObjectName("profileForm")
        col.addWidget(self.profile)
        self.save_profile = named(QPushButton(self.tr("Profiel opslaan")), "saveProfile")
        self.save_profile.clicked.connect(lambda: self._save_profile())
        col.addWidget(self.save_profile, 0, Qt.AlignmentFlag.AlignRight)
        left.addWidget(box)

        consent = QGroupBox(self.tr("Toestemming (AVG)"))
        ccol = QVBoxLayout(consent)
        self.consents: dict[ConsentPurpose, QCheckBox] = {}
        for purpose in ConsentPurpose:
            # Long purposes wrap (a check box does not by itself): the column fits 1366 px.
            words = field_text(CONSENT_WORDS[purpose])
            check = named(QCheckBox(textwrap.fill(words, 40)), f"consent_{purpose.value}")
            check.setAccessibleName(words)
            check.clicked.connect(lambda on, p=purpose: self._set_consent(p, on))
            self.consents[purpose] = check
            ccol.addWidget(check)
        self.consent_note = named(QLabel(), "consentNote")
        self.consent_note.setProperty("role", "muted")
        ccol.addWidget(self.consent_note)
        right.addWidget(consent)

        ibox = QGroupBox(self.tr("Intakegesprek"))
        icol = QVBoxLayout(ibox)
        self.intake = Form(INTAKE)
        self.intake.setObjectName("intakeForm")
        icol.addWidget(self.intake)
        self.intake_drafts = DraftKeeper("intake", self.intake, self._save_draft)
        self.save_intake = named(QPushButton(self.tr("Intake opslaan")), "saveIntake")
        self.save_intake.clicked.connect(lambda: self._save_intake())
        icol.addWidget(self.save_intake, 0, Qt.AlignmentFlag.AlignRight)
        right.addWidget(ibox)
        right.addStretch()
        left.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))
        self._saved_profile = self.profile.raw()  # what is saved, as the forms show it
        self._saved_intake = self.intake.raw()

    def _save_draft(self, _form_id: str, values: dict[str, Any]) -> None:
        if self.dossier is not None:
            form_id, about = f"intake:{self.cid}", self.cid
            self.ops.vault(lambda s: s.save_draft(form_id, values, about=about)).run()

    def show_dossier(self, d: Dossier) -> None:
        # What she typed and has not saved survives a reload (a sync, a save elsewhere
        # in the dossier): it is put back over the newly saved values.
        same = self.dossier is not None and self.dossier.candidate.id == d.candidate.id
        typed_profile = self.profile.raw() if same and self._profile_edited() else None
        typed_intake = self.intake.raw() if same and self._intake_edited() else None
        super().show_dossier(d)
        c = d.candidate
        self.profile.set_values({f.name: _plain(getattr(c, f.name)) for f in PROFILE})
        self._saved_profile = self.profile.raw()
        if typed_profile is not None:
            self.profile.set_values(typed_profile)
        else:
            self.profile.show_errors({})
        for purpose, check in self.consents.items():
            check.setChecked(c.has_consent(purpose))
        active = [x for x in c.consents if x.active]
        if active:
            last = max(x.recorded_on for x in active)
            self.consent_note.setText(self.tr("Laatst vastgelegd op {0}").format(show_day(last)))
        if d.intakes:
            latest = d.intakes[-1]
            self.intake.set_values({f.name: _plain(getattr(latest, f.name)) for f in INTAKE})
            self.save_intake.setText(self.tr("Intake bijwerken"))
        else:
            self.intake.set_values({f.name: None for f in INTAKE})
            self.save_intake.setText(self.tr("Intake opslaan"))
        self._saved_intake = self.intake.raw()
        if typed_intake is not None:
            self.intake.set_values(typed_intake)

    # --- unsaved edits -------------------------------------------------------------

    def _profile_edited(self) -> bool:
        return self.dossier is not None and self.profile.raw() != self._saved_profile

    def _intake_edited(self) -> bool:
        return self.dossier is not None and self.intake.raw() != self._saved_intake

    def unsaved(self) -> list[str]:
        """What she changed and has not saved, named for the question on leaving."""
        names = []
        if self._profile_edited():
            names.append(self.tr("het profiel"))
        if self._intake_edited():
            names.append(self.tr("de intake"))
        return names

    def save_unsaved(self, then: Callable[[], None]) -> None:
        """Save every edited form, one after the other; ``then()`` once all are saved.
        A wrong field stops it there, with its error shown (and ``then`` not called)."""
        if self._profile_edited():
            self._save_profile(lambda: self.save_unsaved(then))
        elif self._intake_edited():
            self._save_intake(lambda: self.save_unsaved(then))
        else:
            then()

    def discard_unsaved(self) -> None:
        """Back to what is saved; the intake's kept draft goes too."""
        if self.dossier is None:
            return
        self.intake_drafts.cancel()
        form_id = f"intake:{self.cid}"
        self.ops.vault(lambda s: s.drop_draft(form_id)).run()
        self.profile.set_values(self._saved_profile)
        self.profile.show_errors({})
        self.intake.set_values(self._saved_intake)
        self.intake.show_errors({})

    def _save_profile(self, then: Callable[[], None] | None = None) -> None:
        values = self.profile.values()
        if values is None:
            return
        cid = self.cid

        def saved(_: object) -> None:
            self._saved_profile = self.profile.raw()
            if then is not None:
                then()

        self.ops.write(lambda svc: svc.candidates.update(cid, values)).confirm(
            self.tr("Profiel opgeslagen.")
        ).success(saved).failure(self.profile.show_validation).owned_by(self).run()

    def _save_intake(self, then: Callable[[], None] | None = None) -> None:
        values = self.intake.values()
        if values is None or self.dossier is None:
            return
        if values.get("held_on") is None:
            values.pop("held_on")
        cid = self.cid
        form_id = f"intake:{cid}"
        existing = self.dossier.intakes[-1].id if self.dossier.intakes else None

        self.intake_drafts.cancel()

        def save(svc: Services) -> object:
            if existing:
                return svc.intake.update(existing, values)
            return svc.intake.record(cid, values)

        def saved(_: object) -> None:
            self._saved_intake = self.intake.raw()
            if then is not None:
                then()

        self.ops.write(save, drop_draft=form_id).confirm(self.tr("Intake opgeslagen.")).success(
            saved
        ).failure(self.intake.show_validation).owned_by(self).run()

    def _set_consent(self, purpose: ConsentPurpose, on: bool) -> None:
        cid = self.cid
        self.ops.write(lambda svc: svc.candidates.set_consent(cid, purpose, on)).run()

    def drafts(self) -> dict[str, dict[str, Any]]:
        """The profile and the intake as typed, when they differ from what is saved."""
        if self.dossier is None:
            return {}
        out = {}
        if self._profile_edited():
            out[f"profile:{self.cid}"] = self.profile.raw()
        saved = (
            {f.name: _plain(getattr(self.dossier.intakes[-1], f.name)) for f in INTAKE}
            if self.dossier.intakes
            else {}
        )
        typed = self.intake.raw()
        if any(str(typed.get(k) or "") != str(saved.get(k) or "") for k in typed if k != "held_on"):
            out[f"intake:{self.cid}"] = typed
        return out


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "label") else value


# The plan of approach: ui/pages/plan_tab.py.


# --- journey: its own module (journey_tab.py), with behoud en uitval -----------------

# --- lists: matches, handovers, history (activities, visits, notes: their own modules) --


class ListsTab(Tab):
    """One or more read-only tables, each filled from a part of the dossier."""

    def __init__(
        self,
        ops: Ops,
        tables: list[tuple[str, str, tuple[Column, ...]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.layout_ = QVBoxLayout(self)
        self.models: dict[str, DtoTableModel] = {}
        self.views: dict[str, Any] = {}
        for attr, title, columns in tables:
            if len(tables) > 1:
                self.layout_.addWidget(QLabel(f"<b>{title}</b>"))
            model = DtoTableModel(columns, self)
            view = make_table(model, self, name=title)
            view.setObjectName(f"table_{attr}")
            self.models[attr], self.views[attr] = model, view
            self.layout_.addWidget(view, 1)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch()
        self.layout_.addLayout(self.buttons)

    def add_button(self, text: str, name: str, slot: Any) -> QPushButton:
        b = named(QPushButton(text), name)
        b.clicked.connect(slot)
        self.buttons.insertWidget(self.buttons.count() - 1, b)
        return b

    def show_dossier(self, d: Dossier) -> None:
        super().show_dossier(d)
        for attr, model in self.models.items():
            model.replace(getattr(d, attr))


def checkpoints_text(p: PlacementDTO) -> str:
    parts = []
    for c in p.checkpoints:
        if c.outcome is None:
            parts.append(f"{c.months} mnd: open ({c.due_on.strftime('%d-%m-%Y')})")
        else:
            parts.append(f"{c.months} mnd: {c.outcome.label.lower()}")
    return "  ·  ".join(parts)


def lists_tabs(ops: Ops, names: Callable[[], Dossier | None]) -> dict[str, ListsTab]:
    """The read-mostly tabs; ``names`` gives coach and employer names by id."""
    from spt_desktop.ui.pages.matches_tab import MatchesTab  # it builds on ListsTab

    def coach(coach_id: str) -> str:
        d = names()
        return d.coaches.get(coach_id, "") if d else ""

    def employer(employer_id: str) -> str:
        d = names()
        return d.employers.get(employer_id, "") if d else ""

    return {
        "matches": MatchesTab(ops, names),  # its own module: the matching actions
        "handovers": ListsTab(ops, [
            ("handovers", "Overdrachten", (
                Column("Gemaakt", lambda h: h.created_at, width=130),
                Column("Van", lambda h: f"{coach(h.from_coach_id)} ({h.from_role.label})", width=230),  # noqa: E501
                Column("Naar", lambda h: f"{coach(h.to_coach_id)} ({h.to_role.label})", width=230),
                Column("Status", lambda h: h.status, width=140),
                Column("Samenvatting", lambda h: h.summary))),
        ]),
        "history": ListsTab(ops, [
            ("history", "Historie", (
                Column("Wanneer", lambda e: e.at, width=140),
                Column("Wie", lambda e: coach(e.actor_id) if e.actor_id else "", width=160),
                Column("Actie", lambda e: {"create": "aangemaakt", "update": "gewijzigd", "delete": "verwijderd"}.get(e.action, e.action), width=110),  # noqa: E501
                Column("Onderdeel", lambda e: entity_label(e.entity), width=140),
                Column("Velden", lambda e: fields_text(e.entity, e.fields)))),
        ]),
    }  # fmt: skip


__all__ = [
    "Dossier",
    "JourneyTab",
    "ListsTab",
    "ProfileTab",
    "lists_tabs",
    "text_of",
]
