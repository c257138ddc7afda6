"""Demo data: a deterministic, realistic caseload of SPT coaches in Noord-Holland.

    data = generate(200, seed=7, today=date(2026, 11, 30), owner_id=vault.owner_id)
    fill_vault(vault, 200, seed=7, today=date.today())

Everything comes from one ``random.Random(seed)``: the same arguments give the same rows,
on every machine. Record ids come from a second stream seeded with the seed *and* the
vault owner, so two coaches' demo vaults never share ids when they sync.

The people are made up; their names are the names of Noord-Holland today. The journeys
follow the whitepaper "Leeropbrengsten 5 jaar SPT": five personas, five phases that go
back and forth, the orientation and matching activities, the funds, and every leak of
the pipeline as a dropout reason. Rows are plain dicts per table, parents first, ready
for ``spt_desktop.models.bulk``.

The modules, in the order ``generate`` uses them: ``coaches``, ``employers`` (with
``places`` and ``people``), then per candidate ``scenarios`` (where they end) and
``candidates``, which calls ``journeys``, ``plans`` and ``placements``; ``visits`` last.
``draw`` holds the seeded helpers, ``state`` what they all fill, ``fill`` the vault side.
"""

from __future__ import annotations

from spt_desktop.demo.fill import fill_vault, reuse_colleagues
from spt_desktop.demo.generator import generate
from spt_desktop.demo.state import TABLES, DemoData, Row

__all__ = ["TABLES", "DemoData", "Row", "fill_vault", "generate", "reuse_colleagues"]
