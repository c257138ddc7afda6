"""`spt-desktop print stuurgroep` against a live server: the figures read back from the PDF
match a hand-computed fixture, counts under 5 are "<5", and no name, e-mail or id is in it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from spt_common.enums import DropoutReason
from spt_desktop.models.vault import Vault
from spt_desktop.services.coordination import quarters
from spt_desktop.sync import engine
from tests.print.pdf_text import text
from tests.print.test_print_cli import run
from tests.support.server_kit import (
    PASSWORD,
    Admin,
    LiveServer,
    candidate_change,
    make_db,
    uid,
)

pytest.importorskip("uvicorn")

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def squash(s: str) -> str:
    """Text without whitespace: a cell's words may wrap anywhere in a narrow column."""
    return re.sub(r"\s", "", s)


def _change(entity: str, **fields: Any) -> dict[str, Any]:
    return {"entity": entity, "id": uid(), "op": "upsert", "fields": fields}


def test_quarters_are_calendar_quarters_clipped_to_the_period() -> None:
    assert quarters(date(2026, 2, 15), date(2026, 7, 1)) == [
        ("2026 K1", date(2026, 2, 15), date(2026, 3, 31)),
        ("2026 K2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026 K3", date(2026, 7, 1), date(2026, 7, 1)),
    ]
    assert quarters(date(2025, 12, 1), date(2026, 1, 31))[0][0] == "2025 K4"


def test_stuurgroep_report_read_back(tmp_path: Path, vault: Vault) -> None:
    url = make_db("sqlite", tmp_path, None)
    admin = Admin(url)
    admin.add_coach("cora@spt.nl", roles="coordinator")
    admin.add_coach("anna@spt.nl")
    live = LiveServer(url).start()
    try:
        # The fixture, by hand: in 2026 K1 seven candidates via UWV (six of persona
        # "technical", one "no work, no benefit"); all start in orientation on 1 Feb, five
        # move on to deep orientation on 1 Mar and one of those moves back on 20 Mar; five
        # drop out of deep orientation over the language gap on 25 Mar. Nothing in K2.
        with httpx.Client(base_url=live.url + "/api/v1") as http:
            login = http.post("/auth/login", json={"email": "anna@spt.nl", "password": PASSWORD})
            auth = {"authorization": "Bearer " + login.json()["access_token"]}
            anna = login.json()["coach"]["id"]
            changes = []
            for i in range(7):
                cid = uid()
                persona = "no_work_no_benefit" if i == 6 else "no_work_benefit_technical"
                who = {"first_name": f"Kim{i}", "email": f"kim{i}@x.nl", "persona": persona}
                changes.append(candidate_change(cid, registered_on="2026-02-01", **who))
                move = {"candidate_id": cid, "coach_id": anna, "reason": "Gesprek met Kim"}
                changes.append(_change("journey_event", from_phase=None, to_phase="orientation",
                                       occurred_on="2026-02-01", **move))  # fmt: skip
                if i < 5:
                    changes.append(_change("journey_event", from_phase="orientation",
                                           to_phase="deep_orientation",
                                           occurred_on="2026-03-01", **move))  # fmt: skip
                    changes.append(_change("dropout", candidate_id=cid, phase="deep_orientation",
                                           reason="language_gap", occurred_on="2026-03-25",
                                           coach_id=anna, explanation="Kim stopt"))  # fmt: skip
            r = http.post("/sync", headers=auth,
                          json={"batch": {"batch_id": uid(), "changes": changes}})  # fmt: skip
            assert {x["status"] for x in r.json()["push"]["results"]} == {"applied"}, r.text
            cora = http.post("/auth/login", json={"email": "cora@spt.nl", "password": PASSWORD})
            r = http.put("/coordination/targets",
                         headers={"authorization": "Bearer " + cora.json()["access_token"]},
                         json={"year": 2026, "instroom": 40, "dropout_rate": 20})  # fmt: skip
            assert r.status_code == 200
        engine.login(vault, live.url, "cora@spt.nl", PASSWORD)
        vault.lock()
        out = tmp_path / "stuurgroep.pdf"
        done = run("stuurgroep", "--vault", str(vault.path), "--from", "2026-01-01",
                   "--to", "2026-06-30", "-o", str(out))  # fmt: skip
        assert done.returncode == 0, done.stderr
        pdf = text(out.read_bytes())
    finally:
        live.stop()
        admin.close()

    assert "Rapportage stuurgroep" in pdf and "SPT Noord-Holland" in pdf
    k1, k2 = pdf.split("2026 K2 (")[0], pdf.split("2026 K2 (")[1].split("Doelen en realisatie")[0]
    # Instroom K1: 7, all via UWV; per persona 6 and one suppressed; K2: none.
    assert "Instroom: 7 kandidaten" in k1
    assert "UWV 7" in k1
    assert " 6 " in k1.split("Persona Aantal")[1].split("Stromen")[0]
    assert "<5" in k1.split("Persona Aantal")[1].split("Stromen")[0]
    assert "Instroom: 0 kandidaten" in k2
    # Flows in K1: five forward from orientation to deep orientation.
    flows = k1.split("Stromen tussen fasen (ook terug)")[1].split("Uitval per fase en lek")[0]
    assert squash("Eerste oriëntatie Verdiepende oriëntatie verder 5") in squash(flows)
    # Uitval: five in deep orientation over the language gap.
    dropouts = k1.split("Uitval per fase en lek")[1].split("Verblijfsduur")[0]
    assert squash(f"{DropoutReason.LANGUAGE_GAP.label} 0 5 0 0 0 5") in squash(dropouts)
    # Targets 2026 against what is realised (the whole year so far: the seven).
    targets = pdf.split("Doelen en realisatie")[1]
    assert "Instroom 40 7" in targets and "Uitval (% van de instroom) 20 71,4" in targets
    # Aggregates only: no name, e-mail address or id.
    for word in ("Kim", "kim", "@", "Anna", "Cora", "Gesprek", "stopt"):
        assert word not in pdf, word
    assert not UUID.search(pdf)


def test_no_header_of_a_monitor_table_breaks_inside_a_word() -> None:
    """The uitval table has six figure columns on portrait A4: "Matchi/ng" and "Scholin/g"
    broke inside the word. Every column is at least as wide as its longest header word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from spt_common.enums import Phase
    from spt_common.monitor_figures import Table
    from spt_desktop.print.fonts import BOLD, register_fonts
    from spt_desktop.print.layout import CELL_PAD, CONTENT_W, SMALL_HEAD
    from spt_desktop.print.stuurgroep import column_widths

    register_fonts()
    rows = tuple(
        ("Zonder werk, met uitkering", r.label, *(12 for _ in Phase), 72) for r in DropoutReason
    )
    table = Table(
        "dropouts", "Uitval", ("Persona", "Oorzaak", *(p.label for p in Phase), "Totaal"), rows
    )
    widths = column_widths(table)
    assert abs(sum(widths) - 1) < 1e-6
    for title, w in zip(table.columns, widths, strict=True):
        longest = max(stringWidth(word, BOLD, SMALL_HEAD) for word in title.split())
        assert longest + 2 * CELL_PAD <= w * CONTENT_W, title
    # The reason column (long text) still gets the most room.
    assert widths[1] == max(widths)
