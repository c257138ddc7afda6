"""A candidate's match at another SPT's employer, which this laptop never receives (the
server sends a coach her own SPT's employers only), still shows on Vandaag, and says
whose employer it is. Before, the inner join on the employer dropped it from the list
(and vault migration 0017 lets such a row be written locally at all)."""

from __future__ import annotations

from spt_common.enums import Role
from tests.conftest import PASSPHRASE
from tests.ui.conftest import TODAY, register_kim, settle

OUTSIDE = "00000000-0000-4000-8000-0000000000ee"  # a Groot-Amsterdam employer, not here


def test_a_match_at_another_spts_employer_shows_on_vandaag(build_window, qtbot):  # type: ignore[no-untyped-def]
    from spt_desktop.services.session import Owner

    window, ops = build_window()
    roles = (Role.LOOPBAANCOACH, Role.ARBEIDSMARKTCOACH)
    ops.vault(lambda s: s.create(PASSPHRASE, Owner("Sanne Bakker", roles=roles))).run()
    settle(qtbot, ops)
    kim = register_kim(ops)
    # Set-up as the pull writes it: her match, at an employer this vault does not hold.
    with ops.session._vault.engine.begin() as c:
        me = c.exec_driver_sql("SELECT value FROM setting WHERE key = 'owner_coach_id'").scalar()
        c.exec_driver_sql(
            "INSERT INTO match (id, candidate_id, employer_id, vacancy_id, coach_id, status,"
            " proposed_on, notes, modified_at, deleted) VALUES ('m-out', ?, ?, ?, ?,"
            " 'introduced', ?, '', '2026-12-01 10:00:00', 0)",
            (kim.id, OUTSIDE, OUTSIDE, me, TODAY.isoformat()),
        )
    window._unlocked()
    settle(qtbot, ops)
    ws = window.workspace
    ws.show_page("today")
    settle(qtbot, ops)
    tree = ws.today.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    kims = [r.text(1) for r in rows if r is not None and r.text(0) == "Kim de Vries"]
    assert "Kennismaking bij een werkgever van een ander SPT" in kims
