"""Regenerate docs/screenshots/*.png: every page of the app on a demo vault.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshots.py [PREFIX ...]

With prefixes (e.g. ``19-``), only the screenshots whose names start with one are written.

Uses a fresh demo vault in a temp folder (made-up people only) and a fixed date.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
TODAY = date(2026, 11, 30)


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from spt_desktop.app import build, load_style
    from spt_desktop.models.keyfile import KdfParams
    from spt_desktop.services.session import DEMO_PASSPHRASE

    app = QApplication(sys.argv)
    load_style(app)
    tmp = Path(tempfile.mkdtemp(prefix="spt-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp))
    kdf = KdfParams(time_cost=2, memory_kib=19 * 1024, parallelism=1)
    OUT.mkdir(parents=True, exist_ok=True)

    def settle(ops, extra: float = 0.3) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + 60
        while (ops.pending or time.monotonic() < end - 60 + extra) and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

    only = tuple(a for a in sys.argv[1:] if not a.startswith("-"))

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        if only and not name.startswith(only):
            return
        app.processEvents()
        widget.grab().save(str(OUT / f"{name}.png"))
        print("wrote", name)

    # First run, on an empty folder.
    first, _first_ops = build(tmp / "new" / "coach.sptvault", kdf=kdf)
    first.resize(1280, 800)
    first.show()
    first.start_first_run()
    first.wizard.name.setText("Sanne Bakker")
    first.wizard.passphrase.setText("tulp fiets molen kaas")
    first.wizard.repeat.setText("tulp fiets molen kaas")
    shot(first, "01-eerste-start")
    first.close()

    window, ops = build(
        tmp / "demo" / "coach.sptvault",
        demo=True,
        kdf=kdf,
        today=lambda: TODAY,
        now=lambda: datetime(2026, 11, 30, 9, 15),
    )
    window.resize(1360, 840)
    window.show()
    ops.vault(lambda s: s.ensure_demo(TODAY)).run()
    settle(ops)
    window.show_unlock()
    shot(window, "02-ontgrendelen")
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.submit()
    settle(ops, 1.0)
    ws = window.workspace
    shot(window, "03-vandaag")
    ws.show_page("caseload")
    settle(ops)
    shot(window, "04-caseload")
    ws.caseload.search.setText("lasser")
    settle(ops, 0.6)
    shot(window, "05-caseload-zoeken")
    ws.caseload.search.clear()
    ws.caseload.status.setCurrentIndex(ws.caseload.status.findText("Geplaatst"))
    settle(ops, 0.6)
    row = ws.caseload.model.rows[0]
    ws.open_candidate(row.id)
    settle(ops, 0.6)
    for i, name in enumerate(
        (
            "profiel",
            "plan",
            "reis",
            "activiteiten",
            "matches",
            "bezoeken",
            "overdrachten",
            "historie",
        )
    ):
        ws.candidate_page.tabs.setCurrentIndex(i)
        shot(window, f"{6 + i:02d}-kandidaat-{name}")
    ws.candidate_page._visit()
    settle(ops)
    dialog = ws.dialogs[-1]
    dialog.form.editors["topics"].setPlainText("Eerste weken besproken; werktijden bevallen goed.")
    shot(dialog, "14-bezoek-vastleggen")
    dialog.done(0)
    ws.candidate_page._handover()
    settle(ops)
    shot(ws.dialogs[-1], "15-warme-overdracht")
    ws.dialogs[-1].done(0)
    ws.show_page("employers")
    settle(ops, 0.6)
    shot(window, "16-werkgevers")
    ws.show_page("conflicts")
    settle(ops)
    shot(window, "17-conflicten")
    ws.show_page("settings")
    settle(ops)
    shot(window, "18-instellingen")
    ws.settings_page.memory_security.click()  # kept in memory only: build() has no file
    settle(ops)
    shot(window, "18-instellingen-geheugenbeveiliging")
    ws.settings_page.memory_security.click()
    settle(ops)
    ws.show_page("monitor")
    settle(ops, 1.0)
    shot(window, "19-monitor")
    for key in ("flows", "dropouts", "time_in_phase", "retention"):
        ws.monitor.tabs.setCurrentWidget(ws.monitor.figures[key])
        shot(window, f"19-monitor-{key.replace('_', '-')}")
    ws.monitor.by.setCurrentIndex(ws.monitor.by.findText("Persona"))
    ws.monitor.suppress.setChecked(True)
    ws.monitor.tabs.setCurrentWidget(ws.monitor.figures["phases"])
    settle(ops, 1.0)
    shot(window, "19-monitor-persona-afgeschermd")
    ws.open_candidate(row.id)
    settle(ops, 0.6)
    ws.candidate_page.print_actions["dossier_preview"].trigger()
    settle(ops, 1.0)
    preview = ws.candidate_page.printing.preview_dialog
    if preview is not None:
        preview.resize(1000, 820)
        settle(ops, 0.5)
        shot(preview, "19-afdrukvoorbeeld")
        preview.reject()
    window.close()
    ops.wait_idle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
