"""Coördinatie: the coordinator steers her SPT (issue 15). Only for accounts with the role
coordinator (or admin): the navigation hides it for everybody else, and the server checks
every request again.

Four tabs, every figure from the server (nothing of other coaches is copied into this
vault): Team (coaches, caseload, handovers, each laptop's last sync; laptops not seen for
more than N days and handovers waiting longer stand out), Toewijzen (pick candidates, a
coach and a role), SPT-monitor (the Monitor page's tabs over the whole SPT, counts under
5 shown as "<5") and Doelen (the year's targets against what is realised).

Every request: a valid token on the vault's worker (``CoordinationService.access``), then
the request itself on ``Ops.work``, off the vault's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spt_common.enums import Phase, Role
from spt_desktop.ui.contrast import readable_background
from spt_desktop.ui.elide import FullTextItem
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops

if TYPE_CHECKING:
    # Imported when first used: the protocol brings pydantic, which the window's cold
    # start does without (bench/UI.md).
    from spt_common import protocol as p
    from spt_desktop.services.coordination import Access

ATTENTION = QColor("#fde8e4")  # a calm red behind rows that need her attention
NOTE_COLUMN = 1  # the Team table's "Let op", beside the name: never scrolled out of view
# The Team table's caseload columns: one per phase, short headers (full name as tooltip).
PHASE_SHORT = {
    Phase.ORIENTATION.value: QT_TRANSLATE_NOOP("TeamTab", "Oriëntatie"),
    Phase.DEEP_ORIENTATION.value: QT_TRANSLATE_NOOP("TeamTab", "Verdieping"),
    Phase.MATCHING.value: QT_TRANSLATE_NOOP("TeamTab", "Matching"),
    Phase.TRAINING.value: QT_TRANSLATE_NOOP("TeamTab", "Scholing"),
    Phase.RETENTION.value: QT_TRANSLATE_NOOP("TeamTab", "Behoud"),
}


@dataclass(frozen=True)
class Ready:
    """What every request starts from: the token, the vault's today, the setting."""

    access: Access
    today: date
    overdue_days: int


def _prepare(svc: Any) -> Ready:

    c = svc.coordination
    return Ready(c.access(), svc.today(), c.overdue_days())


def role_label(code: str) -> str:
    try:
        return Role(code).label
    except ValueError:
        return code


def phase_label(code: str) -> str:
    try:
        return Phase(code).label
    except ValueError:
        return code


def days_since(moment: datetime | None, today: date) -> int | None:
    return None if moment is None else (today - moment.date()).days


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = FullTextItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table: keyboard users move on
    return table


class CoordinationPage(QWidget):
    """The coordinator's page: Team, Toewijzen, SPT-monitor, Doelen."""

    loaded = Signal(str)  # the tab key whose data just arrived (tests wait on it)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from spt_desktop.ui.pages.coordination_tabs import SptMonitorTab, TargetsTab

        self.ops = ops
        self.ready: Ready | None = None
        self.status = named(QLabel(), "coordinationStatus")
        self.status.setProperty("role", "muted")
        self.reload = named(QPushButton(self.tr("Vernieuwen")), "coordinationRefresh")
        self.reload.clicked.connect(self.refresh)
        self.tabs = named(QTabWidget(), "coordinationTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van de coördinatie"))
        self.team = TeamTab(self)
        self.assign = AssignTab(self)
        self.monitor = SptMonitorTab(self)
        self.targets = TargetsTab(self)
        for tab, title in (
            (self.team, QT_TRANSLATE_NOOP("CoordinationPage", "Team")),
            (self.assign, QT_TRANSLATE_NOOP("CoordinationPage", "Toewijzen")),
            (self.monitor, QT_TRANSLATE_NOOP("CoordinationPage", "SPT-monitor")),
            (self.targets, QT_TRANSLATE_NOOP("CoordinationPage", "Doelen")),
        ):
            self.tabs.addTab(tab, self.tr(str(title)))
        top = QHBoxLayout()
        top.addWidget(named(QLabel(self.tr("Coördinatie: het SPT sturen")), "pageTitle"))
        top.addStretch(1)
        top.addWidget(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self._load_current(only_new=True))
        self._shown_once = False

    # --- who sees the page ----------------------------------------------------------

    def hide_unless_coordinator(self, nav: QListWidget, key: str = "coordination") -> None:
        """Hide the page's entry in ``nav`` until the vault's owner proves a coordinator
        (or admin); the answer comes from the worker."""
        item = next(
            (nav.item(r) for r in range(nav.count())
             if nav.item(r).data(Qt.ItemDataRole.UserRole) == key),
            None,
        )  # fmt: skip
        if item is None:
            return
        item.setHidden(True)
        allowed = {Role.COORDINATOR, Role.ADMIN}

        def shown(roles: tuple[Role, ...]) -> None:
            item.setHidden(not set(roles) & allowed)

        # The owner's roles as the server gave them at login (the vault's coach record);
        # nothing of the coordination client is loaded until the page is opened.
        self.ops.read(lambda svc: svc.coaches.me().role_list).success(shown).owned_by(self).run()

    # --- loading --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def refresh(self) -> None:
        """Ask the server again for what the current tab shows."""
        self._load_current(only_new=False)

    def _load_current(self, only_new: bool) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, CoordinationTab) and (not only_new or not tab.has_data):
            tab.load()

    def ask(self, key: str, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """``fn(client)`` on ``Ops.work`` after a valid token; ``done(answer)`` after."""
        self.status.setText(self.tr("Gegevens ophalen bij de server…"))
        from spt_desktop.services.coordination import with_client

        def with_access(ready: Ready) -> None:
            self.ready = ready
            self.ops.work(lambda: with_client(ready.access, fn)).newest(
                f"coordination.{key}"
            ).success(answered).failure(failed).owned_by(self).run()

        def answered(value: Any) -> None:
            self.status.setText("")
            done(value)
            self.loaded.emit(key)

        def failed(exc: BaseException) -> bool:
            self.status.setText(self.tr("De server gaf geen antwoord; probeer Vernieuwen."))
            return False  # the window's message bar says why

        self.ops.vault(lambda session: _prepare(session.services)).success(with_access).failure(
            failed
        ).owned_by(self).run()

    def save_overdue_days(self, days: int) -> None:

        self.ops.vault(
            lambda session: session.services.coordination.set_overdue_days(days)
        ).owned_by(self).run()


class CoordinationTab(QWidget):
    """A tab of the page that loads its own data."""

    def __init__(self, page: CoordinationPage) -> None:
        super().__init__(page)
        self.page = page
        self.has_data = False

    def load(self) -> None:
        raise NotImplementedError


# --- Team ------------------------------------------------------------------------------


class TeamTab(CoordinationTab):
    """The coaches, one row per laptop; late laptops and old handovers in red."""

    def __init__(self, page: CoordinationPage) -> None:
        super().__init__(page)
        self.report: p.TeamReport | None = None
        self.overdue = named(QSpinBox(), "teamOverdueDays")
        self.overdue.setRange(1, 365)
        self.overdue.setValue(7)
        self.overdue.setSuffix(self.tr(" dagen"))
        self.overdue.setAccessibleName(self.tr("Apparaat te laat na"))
        self.overdue.valueChanged.connect(self._overdue_changed)
        self.summary = named(QLabel(), "teamSummary")
        self.summary.setWordWrap(True)
        self.table = _table(
            "teamTable",
            self.tr("Team"),
            [self.tr("Coach"), self.tr("Let op"), self.tr("Rollen")]
            + [self.tr(str(short)) for short in PHASE_SHORT.values()]
            + [self.tr("Overdrachten"), self.tr("Conflicten"), self.tr("Apparaat"),
               self.tr("Laatste synchronisatie")],
        )  # fmt: skip
        tips = {8: self.tr("Overdrachten die zij verstuurde en die wachten op acceptatie")}
        for i, phase in enumerate(PHASE_SHORT):
            tips[3 + i] = self.tr("Caseload in de fase {0}").format(phase_label(phase))
        for column, tip in tips.items():
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        row = QHBoxLayout()
        label = QLabel(self.tr("Apparaat of overdracht te laat na"))
        label.setBuddy(self.overdue)
        row.addWidget(label)
        row.addWidget(self.overdue)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.flagged: list[int] = []  # rows that stand out

    def load(self) -> None:
        self.page.ask("team", lambda c: c.team(), self._show)

    def _overdue_changed(self, days: int) -> None:
        self.page.save_overdue_days(days)
        self._fill()

    def _show(self, report: p.TeamReport) -> None:
        self.report = report
        self.has_data = True
        ready = self.page.ready
        if ready is not None and self.overdue.value() != ready.overdue_days:
            self.overdue.blockSignals(True)
            self.overdue.setValue(ready.overdue_days)
            self.overdue.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        report, ready = self.report, self.page.ready
        if report is None or ready is None:
            return
        limit, today = self.overdue.value(), ready.today
        rows: list[tuple[list[str], bool]] = []
        late_devices = late_handovers = 0
        for coach in report.coaches:
            caseload = [str(coach.caseload.get(ph, 0)) for ph in PHASE_SHORT]
            handover_age = days_since(coach.oldest_handover, today)
            handovers = str(coach.open_handovers)
            old_handover = handover_age is not None and handover_age > limit
            if coach.open_handovers and handover_age is not None:
                handovers += self.tr(" (oudste {0} dagen)").format(handover_age)
            late_handovers += old_handover
            devices: list[p.TeamDevice | None] = [*coach.devices] or [None]
            for device in devices:
                notes = []
                last = "—"
                if device is not None:
                    age = days_since(device.last_sync, today)
                    if device.last_sync is None:
                        notes.append(self.tr("Nog nooit gesynchroniseerd"))
                    else:
                        last = device.last_sync.astimezone().strftime("%d-%m-%Y %H:%M")
                        if age is not None and age > limit:
                            notes.append(self.tr("{0} dagen niet gesynchroniseerd").format(age))
                    late_devices += bool(notes)
                if old_handover:
                    notes.append(self.tr("Overdracht wacht te lang"))
                cells = [
                    coach.name + ("" if coach.active else self.tr(" (uitgeschakeld)")),
                    "; ".join(notes),
                    ", ".join(role_label(r) for r in coach.roles),
                    *caseload,
                    handovers,
                    str(coach.conflicts),
                    (device.name or self.tr("Laptop")) if device else self.tr("Geen apparaat"),
                    last,
                ]
                rows.append((cells, bool(notes)))
        self.table.setRowCount(len(rows))
        self.flagged = []
        bold = QFont()
        bold.setBold(True)
        attention = readable_background(ATTENTION, self.table.palette())
        for r, (cells, flag) in enumerate(rows):
            for c, text in enumerate(cells):
                item = _item(text)
                if flag and attention is not None:  # none in high contrast: the note says it
                    item.setBackground(QBrush(attention))
                    if c == NOTE_COLUMN:
                        item.setFont(bold)
                if 3 <= c < 3 + len(PHASE_SHORT) or c in (8, 9):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
            if flag:
                self.flagged.append(r)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        caps = {NOTE_COLUMN: 250, 2: 150}  # the note whole; long role lists elide (tooltip)
        for c in range(self.table.columnCount() - 1):
            header.resizeSection(c, min(header.sectionSize(c), caps.get(c, 200)))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary.setText(
            self.tr(
                "{0} coaches. {1} apparaten langer dan {2} dagen niet gesynchroniseerd (hun "
                "werk staat nog alleen op de laptop); {3} coaches met een overdracht die langer "
                "wacht. Conflicten: de laatste {4} dagen."
            ).format(len(report.coaches), late_devices, limit, late_handovers, report.conflict_days)
        )

    def note_text(self, row: int) -> str:
        item = self.table.item(row, NOTE_COLUMN)
        return item.text() if item else ""


# --- Toewijzen -------------------------------------------------------------------------

COACHING_ROLES = tuple(r.value for r in (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH, Role.JOBCOACH))


class AssignTab(CoordinationTab):
    """Pick candidates (those without a coach in a role, or a coach's caseload), a coach
    and a role: done. Whoever held that role on them loses it. First in the list: the new
    referrals (aanmeldingen) that wait for a loopbaancoach (issue 16)."""

    def __init__(self, page: CoordinationPage) -> None:
        super().__init__(page)
        self.coaches: list[p.TeamCoach] = []
        self.candidates: list[p.CoordinatedCandidate] = []
        self.referrals: list[p.CoordinatedReferral] = []
        self.showing_referrals = False
        self.role_before = 0  # the role picked before the referrals were shown
        self.show_which = named(QComboBox(), "assignShow")
        self.show_which.setAccessibleName(self.tr("Welke kandidaten"))
        self.table = _table(
            "assignCandidates",
            self.tr("Kandidaten"),
            [self.tr("Naam"), self.tr("Gemeente"), self.tr("Fase"), self.tr("Aangemeld"),
             self.tr("Coaches")],
        )  # fmt: skip
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pick_error = named(QLabel(), "assignPickError")
        self.pick_error.setProperty("role", "error")
        self.coach = named(QComboBox(), "assignCoach")
        self.coach.setAccessibleName(self.tr("Coach"))
        self.coach.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.coach.setMinimumWidth(220)
        self.empty = named(QLabel(), "assignEmpty")
        self.empty.setProperty("role", "muted")
        self.role = named(QComboBox(), "assignRole")
        self.role.setAccessibleName(self.tr("Rol"))
        for code in COACHING_ROLES:
            self.role.addItem(role_label(code), code)
        self.role_error = named(QLabel(), "assignRoleError")
        self.role_error.setProperty("role", "error")
        self.go = named(QPushButton(self.tr("Toewijzen")), "assignGo")
        self.go.setEnabled(False)
        self.go.clicked.connect(self._assign)
        self.result = named(QLabel(), "assignResult")

        top = QHBoxLayout()
        label = QLabel(self.tr("Toon"))
        label.setBuddy(self.show_which)
        top.addWidget(label)
        top.addWidget(self.show_which, 1)
        bottom = QHBoxLayout()
        for text, widget in ((self.tr("Aan coach"), self.coach), (self.tr("in de rol"), self.role)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            bottom.addWidget(lab)
            bottom.addWidget(widget)
        bottom.addWidget(self.go)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pick_error)
        layout.addLayout(bottom)
        layout.addWidget(self.role_error)
        layout.addWidget(self.result)
        self.show_which.currentIndexChanged.connect(lambda _i: self._load_candidates())
        self.coach.currentIndexChanged.connect(lambda _i: self.role_error.clear())
        self.role.currentIndexChanged.connect(lambda _i: self.role_error.clear())
        self.table.itemSelectionChanged.connect(self.pick_error.clear)

    def load(self) -> None:
        self.page.ask("assign.team", lambda c: c.team(), self._coaches_loaded)

    def _coaches_loaded(self, report: p.TeamReport) -> None:
        self.coaches = [c for c in report.coaches if c.active]
        keep_show, keep_coach = self.show_which.currentData(), self.coach.currentData()
        for combo in (self.show_which, self.coach):
            combo.blockSignals(True)
            combo.clear()
        self.show_which.addItem(self.tr("Nieuwe aanmeldingen zonder coach"), ("referrals", ""))
        for code in COACHING_ROLES:
            self.show_which.addItem(self.tr("Zonder {0}").format(role_label(code).lower()),
                                    ("role", code))  # fmt: skip
        self.show_which.addItem(self.tr("Zonder enige coach"), ("none", ""))
        for c in self.coaches:
            if set(c.roles) & set(COACHING_ROLES):
                self.show_which.addItem(self.tr("Caseload van {0}").format(c.name), ("coach", c.id))
                self.coach.addItem(c.name, c.id)
        for combo, keep in ((self.show_which, keep_show), (self.coach, keep_coach)):
            i = combo.findData(keep)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        self.go.setEnabled(self.coach.count() > 0)
        self._load_candidates()

    def _load_candidates(self) -> None:
        which = self.show_which.currentData()
        if not which:
            return
        kind, value = which
        # A referral goes to a loopbaancoach (the intake is hers): no other role to pick.
        # Passing over that entry (Home, Down in the list) leaves the role she had picked.
        referrals = kind == "referrals"
        if referrals and self.role.isEnabled():
            self.role_before = self.role.currentIndex()
            self.role.setCurrentIndex(max(self.role.findData(Role.LOOPBAANCOACH.value), 0))
        elif not referrals and not self.role.isEnabled():
            self.role.setCurrentIndex(self.role_before)
        self.role.setEnabled(not referrals)
        if referrals:
            self.page.ask("assign", lambda c: c.referrals(), self._show_referrals)
            return
        if kind == "role":
            fn: Callable[[Any], Any] = lambda c: c.candidates(role=value)  # noqa: E731
        elif kind == "coach":
            fn = lambda c: c.candidates(coach=value)  # noqa: E731
        else:
            fn = lambda c: c.candidates()  # noqa: E731
        self.page.ask("assign", fn, self._show)

    def _headers(self, referrals: bool) -> None:
        self.showing_referrals = referrals
        if referrals:
            labels = [self.tr("Naam"), self.tr("Gemeente"), self.tr("Verwijzer"),
                      self.tr("Aangemeld"), self.tr("Status")]  # fmt: skip
        else:
            labels = [self.tr("Naam"), self.tr("Gemeente"), self.tr("Fase"),
                      self.tr("Aangemeld"), self.tr("Coaches")]  # fmt: skip
        self.table.setHorizontalHeaderLabels(labels)

    def _show_referrals(self, answer: p.ReferralList) -> None:
        from spt_common.enums import ReferralSource, ReferralStatus

        self.has_data = True
        self._headers(referrals=True)
        self.referrals = answer.referrals
        self.table.setRowCount(len(answer.referrals))
        for r, ref in enumerate(answer.referrals):
            kind = ReferralSource(ref.referrer_kind).label
            who = (
                kind
                if not ref.referrer
                else (
                    ref.referrer
                    if kind.lower() in ref.referrer.lower()
                    else f"{kind}: {ref.referrer}"
                )
            )
            day = ref.referred_on.strftime("%d-%m-%Y")
            status = ReferralStatus(ref.status).label
            cells = [ref.name, ref.municipality or "—", who, day, status]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, _item(text, ref.id if c == 0 else None))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty.setText(
            self.tr("Geen nieuwe aanmeldingen zonder coach.") if not answer.referrals
            else self.tr("{0} aanmeldingen wachten op een loopbaancoach. Kies er een of meer, "
                         "dan de coach.").format(len(answer.referrals))
        )  # fmt: skip

    def _show(self, answer: p.CandidateList) -> None:
        self.has_data = True
        self._headers(referrals=False)
        self.candidates = answer.candidates
        names = {c.id: c.name for c in self.coaches}
        self.table.setRowCount(len(answer.candidates))
        for r, cand in enumerate(answer.candidates):
            holders = ", ".join(
                f"{names.get(a.coach_id, '?')} ({role_label(a.role).lower()})"
                for a in cand.assignments
            )
            cells = [cand.name, cand.municipality, phase_label(cand.phase),
                     cand.registered_on.strftime("%d-%m-%Y"), holders or "—"]  # fmt: skip
            for c, text in enumerate(cells):
                self.table.setItem(r, c, _item(text, cand.id if c == 0 else None))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty.setText(
            self.tr("Geen kandidaten in deze lijst.") if not answer.candidates
            else self.tr("{0} kandidaten. Kies er een of meer (Ctrl of Shift voor meer), dan "
                         "de coach en de rol.").format(len(answer.candidates))
        )  # fmt: skip

    def picked(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if self.showing_referrals:
            return [self.referrals[r].id for r in rows]
        return [self.candidates[r].id for r in rows]

    def _assign(self) -> None:
        ids = self.picked()
        coach_id, role = self.coach.currentData(), self.role.currentData()
        self.result.clear()
        if not ids:
            self.pick_error.setText(
                self.tr("Kies eerst een of meer aanmeldingen in de lijst.")
                if self.showing_referrals
                else self.tr("Kies eerst een of meer kandidaten in de lijst.")
            )
            self.table.setFocus()
            return
        coach = next((c for c in self.coaches if c.id == coach_id), None)
        if coach is None or role not in coach.roles:
            self.role_error.setText(
                self.tr("{0} heeft de rol {1} niet; kies een andere coach of rol.").format(
                    coach.name if coach else "?", role_label(role).lower()
                )
            )
            self.role.setFocus()
            return
        if self.showing_referrals:
            self.page.ask(
                "assign.done",
                lambda c: c.assign_referrals(ids, coach_id),
                self._referrals_assigned,
            )
            return
        self.page.ask("assign.done", lambda c: c.assign(ids, coach_id, role), self._assigned)

    def _referrals_assigned(self, result: p.ReferralAssignResult) -> None:
        self.result.setText(
            self.tr("{0} aanmeldingen toegewezen. De coach ziet ze na haar volgende "
                    "synchronisatie.").format(result.assigned)
        )  # fmt: skip
        self._load_candidates()

    def _assigned(self, result: p.AssignResult) -> None:
        text = self.tr("{0} toegewezen; {1} eerdere toewijzingen beëindigd.").format(
            result.assigned, result.ended
        )
        text += self.tr(" De coaches zien het na hun volgende synchronisatie.")
        self.result.setText(text)
        self._load_candidates()
