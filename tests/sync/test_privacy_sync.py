"""A purge through a real sync (issue 10 §4): when the server takes a candidate out of
the coach's scope (unassigned, handed over, erased), the drafts of forms about her leave
the vault with her; drafts about others stay."""

from __future__ import annotations

from pathlib import Path

from tests.support.server_kit import (
    Admin,
    LiveServer,
    add_candidate,
    window_session,
)


def test_unassigning_a_candidate_purges_her_drafts(
    tmp_path: Path, admin: Admin, live: LiveServer
) -> None:
    admin.add_coach("anna@spt.nl")
    path = tmp_path / "anna.sptvault"
    session = window_session(path, live.url)
    vault = session._vault
    gone = add_candidate(vault, "Gaat")
    keep = add_candidate(vault, "Blijft")
    session.sync()
    session.save_draft(f"visit:{gone}", {"topics": "Gaat-geheim: werkplek"}, about=gone)
    session.save_draft(f"intake:{gone}", {"background": "Gaat-geheim: achtergrond"}, about=gone)
    session.save_draft(f"visit:{keep}", {"topics": "over Blijft"}, about=keep)
    session.save_draft("register", {"first_name": "Nieuw"}, about=None)

    admin.assign(gone, "anna@spt.nl", active=False)
    report = session.sync()
    assert report["purged"] == 1
    assert set(session.drafts()) == {f"visit:{keep}", "register"}
    with vault.engine.connect() as conn:
        values = [v for (v,) in conn.exec_driver_sql("SELECT value FROM setting")]
    assert not any("Gaat-geheim" in v for v in values)
    session.lock()
