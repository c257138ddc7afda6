"""The main window: a shell of menus, a page host and a status bar. It swaps between the
first-run wizard, the unlock screen and the workspace, locks on idle, and shows sync."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spt_desktop.errors import SIGNED_OUT_CODES, Code, SptError, code_of
from spt_desktop.services.changes import EVERYTHING, Changes
from spt_desktop.services.desk import UnlockSummary, after_unlock
from spt_desktop.services.session import SyncRun, SyncStatus, VaultSession
from spt_desktop.ui.named import named
from spt_desktop.ui.ops import Ops, describe, without_gc_pauses
from spt_desktop.ui.os_lock import SLEEP, OsLockWatcher
from spt_desktop.ui.pages.monitor import keep_monitor_current
from spt_desktop.ui.unlock import UnlockScreen
from spt_desktop.ui.wizard import FirstRunWizard
from spt_desktop.ui.workspace import NAV, Workspace

SYNC_EVERY_MS = 5 * 60 * 1000
CONFIRM_MS = 5000  # how long "Bezoek vastgelegd." stays in the status bar
# Building the workspace (every page, styled) takes the UI thread a noticeable moment;
# an empty one is built while the coach types her passphrase, after the unlock screen
# has been painted, so unlocking only loads data.
SPARE_AFTER_MS = 400
INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
}  # fmt: skip


class MessageBar(QFrame):
    """One calm line at the top for errors: what happened and what to do."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("messageBar")
        self.text = named(QLabel(), "messageText")
        self.text.setWordWrap(True)
        close = named(QPushButton(self.tr("Sluiten")), "messageClose")
        close.setFlat(True)
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.text.setText(text)
        self.show()


class MainWindow(QMainWindow):
    def __init__(
        self,
        ops: Ops,
        *,
        demo_passphrase: str | None = None,
        set_language: Callable[[str], None] | None = None,
        language: str = "nl",
        set_text_scale: Callable[[int], None] | None = None,
        text_scale: int = 100,
    ) -> None:
        super().__init__()
        self.ops = ops
        self.workspace: Workspace | None = None
        self._set_language = set_language
        self._language = language
        self._set_text_scale = set_text_scale
        self._text_scale = text_scale
        self.setWindowTitle("SPT Desktop" + (" — demo" if demo_passphrase else ""))
        self.resize(1360, 860)

        self._quit_confirmed = False  # the coach answered the unsaved-edit question
        self.message = MessageBar()
        self.stack = named(QStackedWidget(), "shell")
        self.unlock_screen = UnlockScreen(ops, demo_passphrase)
        self.unlock_screen.unlocked.connect(self._unlocked)
        self.stack.addWidget(self.unlock_screen)
        self.wizard: FirstRunWizard | None = None
        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(0)
        col.addWidget(self.message)
        col.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.sync_label = named(QLabel(), "syncStatus")
        # A long status ("… 14.648 wijzigingen nog niet gesynchroniseerd") is cut, never
        # widens the window past the screen; the whole text is its tooltip.
        self.sync_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.busy_label = named(QLabel(), "busy")
        self.statusBar().addWidget(self.sync_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        ops.error.connect(self.message.show_message)
        ops.confirmed.connect(self.confirm)
        ops.busy_changed.connect(lambda b: self.busy_label.setText(self.tr("Bezig…") if b else ""))
        ops.changed.connect(self._changed)

        self.idle = QTimer(self, singleShot=True)
        self.idle.timeout.connect(
            lambda: self.lock(self.tr("Automatisch vergrendeld na een tijd zonder activiteit."))
        )
        self.sync_timer = QTimer(self, interval=SYNC_EVERY_MS)
        self.sync_timer.timeout.connect(lambda: self.sync_now(quiet=True))
        self._spare: Workspace | None = None
        self._spare_timer = QTimer(self, singleShot=True, interval=SPARE_AFTER_MS)
        self._spare_timer.timeout.connect(self._prepare_spare)
        self._closing = False
        self.os_lock: OsLockWatcher | None = None
        _app().applicationStateChanged.connect(self._app_state)
        self._watch_network()
        self._build_menus()
        self._set_unlocked_actions(False)
        self._syncing = False  # a step of a sync is on a worker
        self._sync_run: SyncRun | None = None
        self._linked = False
        self._demo = False  # a demo vault: never linked (services/demo_mark.py)
        # The version handshake: the server recommends a newer app (status bar), and the
        # refusals already worded in the message bar (once, not every five minutes).
        self._update_advice: str | None = None
        self._told: set[Code] = set()
        # Held changes (sync.held) said in the message bar: said again only when more come.
        self._held_said = 0

    # --- menus and shortcuts -------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Callable[[], Any], *keys: str) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        self.menuBar().clear()
        ws = self._in_workspace
        f = self.menuBar().addMenu(self.tr("&Bestand"))
        self.a_new = self._action(
            f, self.tr("Nieuwe kandidaat…"), ws(lambda w: w.new_candidate()), "Ctrl+Shift+N"
        )
        self.a_lock = self._action(f, self.tr("Vergrendelen"), self.lock, "Ctrl+L")
        f.addSeparator()
        self._action(f, self.tr("Afsluiten"), self.close, "Ctrl+Q")
        g = self.menuBar().addMenu(self.tr("&Ga naar"))
        self.a_search = self._action(
            g, self.tr("Zoeken in caseload"), ws(lambda w: w.focus_search()), "Ctrl+F"
        )
        self.a_pages = [
            self._action(
                g,
                QCoreApplication.translate("Workspace", label),  # type: ignore[arg-type]  # PySide6 stub: QT_TRANSLATE_NOOP returns the str it gets
                ws(_showing(key)),
                shortcut,
            )
            for key, label, shortcut in NAV
        ]
        a = self.menuBar().addMenu(self.tr("&Acties"))
        self.a_visit = self._action(
            a, self.tr("Bezoek vastleggen…"), ws(lambda w: w.new_visit_here()), "Ctrl+N"
        )
        self.a_sync = self._action(a, self.tr("Nu synchroniseren"), self.sync_now, "Ctrl+S", "F5")

    def _in_workspace(self, act: Callable[[Workspace], object]) -> Callable[[], None]:
        """A menu slot that acts on the workspace, when there is one (unlocked)."""

        def run(*_checked: object) -> None:  # triggered(bool) may pass 'checked'
            if self.workspace is not None:
                act(self.workspace)

        return run

    def _set_unlocked_actions(self, on: bool) -> None:
        for action in (
            self.a_new,
            self.a_lock,
            self.a_search,
            self.a_visit,
            self.a_sync,
            *self.a_pages,
        ):
            action.setEnabled(on)

    # --- start, unlock, lock -------------------------------------------------------

    def start_first_run(self) -> None:
        self.wizard = FirstRunWizard(self.ops)
        self.wizard.finished.connect(self._wizard_done)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)

    def _wizard_done(self) -> None:
        assert self.wizard is not None
        self.stack.removeWidget(self.wizard)
        self.wizard.deleteLater()
        self.wizard = None
        self._unlocked()

    def show_unlock(self, message: str | None = None) -> None:
        self.unlock_screen.reset(message)
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.passphrase.setFocus()
        if not self._closing:
            self._spare_timer.start()

    def _unlocked(self) -> None:
        self.message.hide()
        self._build_workspace()
        self.ops.vault(after_unlock).success(self._restore).owned_by(self).run()
        keep_monitor_current(self.ops, self)
        self._set_unlocked_actions(True)
        self.sync_timer.start()
        # Only while unlocked: every event of the app passes this filter.
        _app().installEventFilter(self)

    def _new_workspace(self) -> Workspace:
        workspace = Workspace(self.ops)
        workspace.settings_page.set_language(self._language)
        workspace.language_changed.connect(self.change_language)
        workspace.settings_page.set_text_scale(self._text_scale)
        workspace.text_scale_changed.connect(self.change_text_scale)
        self.stack.addWidget(workspace)
        workspace.ensurePolished()
        return workspace

    def _prepare_spare(self) -> None:
        """An empty workspace, ready before the unlock. It holds no data: the pages
        load only in ``Workspace.start()``, after the key is there."""
        if self._spare is None and self.workspace is None and not self._closing:
            self._spare = self._new_workspace()

    def _drop_spare(self) -> None:
        self._spare_timer.stop()
        if self._spare is not None:
            self.stack.removeWidget(self._spare)
            self._spare.deleteLater()
            self._spare = None

    def _build_workspace(self) -> Workspace:
        self._spare_timer.stop()
        workspace = self._spare or self._new_workspace()
        self.workspace, self._spare = workspace, None
        # start() before it is shown: showing makes the navigation pick Vandaag, and its
        # slow query would then be queued before the caseload's quick first page.
        workspace.start()
        self.stack.setCurrentWidget(workspace)
        return workspace

    def _restore(self, summary: UnlockSummary) -> None:
        self.idle.setInterval(summary.auto_lock_minutes * 60 * 1000)
        self.idle.start()
        self._show_sync(summary.sync)
        if self.workspace is not None and summary.drafts:
            self.workspace.restore_drafts(summary.drafts, summary.names)

    def lock(self, message: str | None = None, *, keep_drafts: bool = True) -> None:
        """Keep what was typed as encrypted drafts (unless the vault was just wiped: then
        what is on screen is the wiped data), close the vault, forget every model."""
        if self.workspace is None:
            return
        drafts = self.workspace.collect_drafts() if keep_drafts else {}
        owners = self.workspace.draft_owners()
        workspace, self.workspace = self.workspace, None
        _app().removeEventFilter(self)
        for dialog in list(workspace.dialogs):
            dialog.drafts.cancel()
            dialog.done(0)
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        self.idle.stop()
        self.sync_timer.stop()
        self._set_unlocked_actions(False)
        self.sync_label.setText(self.tr("Vergrendeld"))
        self.show_unlock(message)

        def save_and_lock(session: VaultSession) -> None:
            try:
                for form_id, values in drafts.items():
                    session.save_draft(form_id, values, about=owners.get(form_id))
            finally:
                session.lock()

        self.ops.vault(save_and_lock).run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: input comes from the window system
        # (spontaneous), so that cheap check goes first; event.type() builds a Python
        # enum each call, too dear for every timer and paint event.
        if event.spontaneous() and event.type() in INPUT_EVENTS and self.idle.isActive():
            self.idle.start()  # restart the countdown
        return False

    def _app_state(self, state: Qt.ApplicationState) -> None:
        # Only mobile platforms report Suspended; desktops go through watch_os_lock.
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._os_locked(SLEEP)

    def watch_os_lock(self, watcher: OsLockWatcher | None = None) -> OsLockWatcher:
        """Lock when the OS reports a session lock or sleep (see ``ui.os_lock`` for
        where it does); ``watcher`` lets tests use a private D-Bus."""
        self.os_lock = watcher or OsLockWatcher(self)
        self.os_lock.lock_requested.connect(self._os_locked)
        return self.os_lock

    def _os_locked(self, reason: str) -> None:
        if reason == SLEEP:
            self.lock(self.tr("Vergrendeld omdat de laptop in slaapstand ging."))
        else:
            self.lock(self.tr("Vergrendeld omdat de computer werd vergrendeld."))

    # --- sync ----------------------------------------------------------------------

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance():
                QNetworkInformation.instance().reachabilityChanged.connect(self._reachability)
        except (ImportError, RuntimeError):  # no backend on this platform: timer only
            pass

    def _reachability(self, reach: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reach == QNetworkInformation.Reachability.Online:
            self.sync_now(quiet=True)

    def sync_now(self, quiet: bool = False) -> None:
        if self.workspace is None or self._syncing:
            return
        if self._demo:  # not "koppel bij Instellingen": it is never linked
            if not quiet:
                from spt_desktop.ui import messages

                self.message.show_message(messages.text(SptError(Code.DEMO_NOT_LINKED)))
            return
        if not self._linked:
            if not quiet:
                self.message.show_message(
                    self.tr(
                        "Deze kluis is niet gekoppeld aan de SPT-server. Koppel bij Instellingen; tot dan blijft alles op deze laptop."  # noqa: E501
                    )
                )
            return
        self._syncing = True
        self.sync_label.setText(self.tr("Synchroniseren…"))
        # In steps (services.session.SyncRun): the vault thread reads and writes, the
        # pool for work without the vault waits for the server, so a search or a dossier
        # opened meanwhile waits for no network.
        self.ops.vault(lambda s: without_gc_pauses(s.sync_start)).success(self._sync_step).failure(
            self._sync_failed
        ).owned_by(self).run()

    def _sync_step(self, run: SyncRun) -> None:
        """A vault step of the sync is done: the next request, or what the sync did."""
        if self.workspace is None:  # locked meanwhile: the lock ended the sync
            self._syncing = False
            return
        self._sync_run = run
        if run.finished:
            self._synced(run)
            return
        self.ops.work(run.send).success(lambda _sent: self._sync_answer(run)).failure(
            self._sync_failed
        ).owned_by(self).run()

    def _sync_answer(self, run: SyncRun) -> None:
        """The server answered: the vault step that applies it."""
        if self.workspace is None:
            self._syncing = False
            return
        self.ops.vault(lambda s: without_gc_pauses(lambda: s.sync_step(run))).success(
            self._sync_step
        ).failure(self._sync_failed).owned_by(self).run()

    def _synced(self, run: SyncRun) -> None:
        # Said once, at the end: every page refreshing after each page of a pull would
        # only queue reads between the sync's steps.
        self.ops.changed.emit(EVERYTHING)
        self._syncing = False
        self._sync_run = None
        keep_monitor_current(self.ops, self)
        report, status = run.report, run.status
        if report.get("wiped") or status is None:
            self._wiped()
            return
        self._told.clear()
        self._update_advice = report.get("update")
        self._show_sync(status)
        said = []
        if report.get("conflicts"):
            said.append(
                self.tr(
                    "{0} wijzigingen botsten met die van een collega. Kies bij Conflicten welke versie blijft."  # noqa: E501
                ).format(report["conflicts"])
            )
        refused = report.get("refused") or 0
        if refused:
            # Not a conflict: nobody else changed anything; the server did not take it
            # (not her dossier or SPT, or a colleague without an account there).
            what = (
                self.tr("De server nam 1 wijziging niet aan")
                if refused == 1
                else self.tr("De server nam {0} wijzigingen niet aan").format(refused)
            )
            said.append(
                what
                + self.tr(
                    ": een dossier dat niet (meer) van u is, of een collega of werkgever die de server niet kent. U vindt ze bij Conflicten; geef ze zo nodig door en sluit de melding."  # noqa: E501
                )
            )
        held = report.get("held") or 0
        if held > self._held_said:
            said.append(self._held_text(held) + ".")
        self._held_said = held
        if said:
            self.message.show_message(" ".join(said))

    def _held_text(self, held: int) -> str:
        """Colleagues' changes this version cannot store yet (``sync.held``): how many
        and what to do, nothing of what they hold."""
        if held == 1:
            return self.tr(
                "1 wijziging kan deze versie van de app nog niet verwerken; werk de app bij"
            )
        return self.tr(
            "{0} wijzigingen kan deze versie van de app nog niet verwerken; werk de app bij"
        ).format(held)

    def _wiped(self) -> None:
        """The server said this laptop is revoked and the sync wiped the vault: close
        the dossiers still on screen and say what happened."""
        self.lock(
            self.tr(
                "Dit apparaat is ingetrokken door de beheerder: alle dossiers zijn uit deze kluis gewist, en deze kluis kan niet meer aanmelden. Neem contact op met uw beheerder."  # noqa: E501
            ),
            keep_drafts=False,
        )
        self.sync_label.setText(self.tr("Apparaat ingetrokken — de kluis is gewist"))

    def _sync_failed(self, exc: BaseException) -> bool:
        self._syncing = False
        run, self._sync_run = self._sync_run, None
        code = code_of(exc)
        if self.workspace is None or code is Code.VAULT_LOCKED:
            return True  # locked meanwhile: the lock ended the sync, and says so
        if run is not None and run.applied:
            self.ops.changed.emit(EVERYTHING)  # the pages it did apply are in the vault
        if code is Code.UNREACHABLE:
            self.sync_label.setText(
                self.tr(
                    "Offline — uw werk is veilig op deze laptop; we proberen het straks opnieuw."
                )
            )
            return True
        if code is Code.UPDATE_REQUIRED or code is Code.CERTIFICATE:
            # Calm: the work stays on this laptop and the app goes on offline; what to
            # do is said once in the message bar, the status bar keeps saying why.
            if code is Code.UPDATE_REQUIRED:
                state = self.tr("Nieuwe versie nodig om te synchroniseren")
            else:
                state = self.tr("Certificaat van de server niet vertrouwd")
            self.sync_label.setText(
                state + self.tr("  ·  uw werk is veilig op deze laptop; u kunt doorwerken")
            )
            self.sync_label.setToolTip(self.sync_label.text())
            if code not in self._told:
                self._told.add(code)
                self.message.show_message(describe(exc))
            return True
        if code in SIGNED_OUT_CODES:
            self.sync_label.setText(self.tr("Niet aangemeld"))
            self.message.show_message(
                self.tr(
                    "De server herkent uw aanmelding niet meer. Meld opnieuw aan bij Instellingen; uw werk blijft bewaard."  # noqa: E501
                )
            )
            return True
        self.sync_label.setText(self.tr("Synchroniseren mislukt"))
        self.message.show_message(describe(exc))
        return True

    def _changed(self, changes: Changes) -> None:
        if (
            self.workspace is not None
            and not self._syncing
            and ((changes.any and not changes.settings) or changes.sync)
        ):
            self.ops.vault(lambda s: s.sync_status()).success(self._show_sync).owned_by(self).run()

    def confirm(self, text: str) -> None:
        """A short confirmation in the status bar, where it does not block the work,
        gone after a few seconds (a lock or the next confirmation replaces it)."""
        self.statusBar().showMessage(text, CONFIRM_MS)

    def _show_sync(self, status: SyncStatus) -> None:
        self._linked = status.linked
        self._demo = status.demo
        if status.demo:  # made-up people, never synchronised: no count of "waiting"
            self.sync_label.setText(self.tr("Oefenkluis met verzonnen gegevens (niet gekoppeld)"))
            self.sync_label.setToolTip(self.sync_label.text())
            return
        if status.unsynced == 1:
            waiting = self.tr("1 wijziging nog niet gesynchroniseerd")
        elif status.unsynced:
            count = f"{status.unsynced:,}".replace(",", ".")
            waiting = self.tr("{0} wijzigingen nog niet gesynchroniseerd").format(count)
        else:
            waiting = self.tr("niets te versturen")
        if status.revoked:
            text = self.tr("Deze laptop is ingetrokken door de beheerder; de kluis is gewist")
        elif not status.linked:
            text = self.tr("Alleen op deze laptop (niet gekoppeld)")
        elif status.last_sync is None:
            text = self.tr("Nog niet gesynchroniseerd")
        else:
            text = self.tr("Laatst gesynchroniseerd om {0}").format(_local(status.last_sync))
        if status.conflicts == 1:
            text += self.tr("  ·  1 conflict")
        elif status.conflicts:
            text += self.tr("  ·  {0} conflicten").format(status.conflicts)
        if status.refused == 1:
            text += self.tr("  ·  1 wijziging niet aangenomen")
        elif status.refused:
            text += self.tr("  ·  {0} wijzigingen niet aangenomen").format(status.refused)
        if status.held and status.linked:
            text += "  ·  " + self._held_text(status.held)
        if self._update_advice and status.linked:
            text += self.tr("  ·  nieuwe versie van SPT Desktop beschikbaar (bijwerken aanbevolen)")
        self.sync_label.setText(f"{text}  ·  {waiting}")
        self.sync_label.setToolTip(self.sync_label.text())

    # --- language and closing --------------------------------------------------------

    def change_language(self, code: str) -> None:
        if code == self._language or self._set_language is None:
            return
        self._language = code
        self._set_language(code)
        self._drop_spare()  # built with the old language
        self._build_menus()
        self._set_unlocked_actions(self.workspace is not None)
        self._rebuild_workspace()

    def change_text_scale(self, percent: int) -> None:
        """All text at ``percent`` of normal (Instellingen ▸ Tekstgrootte): the style and
        the fonts at once; the workspace is built again, as its forms lay themselves out
        for the text size (labels above the fields from 150 %)."""
        if percent == self._text_scale or self._set_text_scale is None:
            return
        self._text_scale = percent
        self._set_text_scale(percent)
        self._drop_spare()  # built at the old size
        self._rebuild_workspace()

    def _rebuild_workspace(self) -> None:
        """A new workspace on Instellingen, with what was typed in the old one's dialogs."""
        if self.workspace is not None:
            drafts = self.workspace.collect_drafts()
            old, self.workspace = self.workspace, None
            self.stack.removeWidget(old)
            old.deleteLater()
            workspace = self._build_workspace()
            workspace.show_page("settings")
            if drafts:
                workspace.restore_drafts(drafts, {})

    def _quit(self) -> None:
        self._quit_confirmed = True
        self.close()

    def closeEvent(self, event: Any) -> None:
        workspace = self.workspace
        if workspace is not None and not self._quit_confirmed and workspace.has_unsaved():
            # Ctrl+Q with an edit open: ask (Opslaan / Niet opslaan / Annuleren) first.
            event.ignore()
            workspace.leave(self._quit)
            return
        self._closing = True
        self._drop_spare()
        self.lock()
        self.ops.wait_idle()
        super().closeEvent(event)


def _app() -> QApplication:
    """The application (the window exists only inside one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _showing(key: str) -> Callable[[Workspace], None]:
    return lambda workspace: workspace.show_page(key)


def _local(when: datetime) -> str:
    from datetime import UTC

    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%d-%m %H:%M")
