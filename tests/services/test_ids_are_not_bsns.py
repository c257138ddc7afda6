"""A record's id is not free text: a random UUID can hold nine digits that pass the
elfproef (``…-123456782abc``), and such an id was refused as a BSN — now and then a
match could not be proposed, and a form's choice was dropped from its draft."""

from __future__ import annotations

import pytest

from spt_common.bsn import contains_bsn
from spt_desktop.services.errors import NotFound
from tests.services.factories import employer

# A well-formed UUID4 whose last group starts with 123456782 (passes the elfproef).
BSN_LIKE_ID = "0a1b2c3d-4e5f-4a6b-8c7d-123456782abc"


def test_the_id_does_look_like_a_bsn_to_the_text_check() -> None:
    assert contains_bsn(BSN_LIKE_ID)


def test_proposing_with_such_an_id_is_not_refused_as_a_bsn(services) -> None:  # type: ignore[no-untyped-def]
    emp = services.employers.create(employer())
    # Not refused as a BSN: the id is looked up (and here names nobody).
    with pytest.raises(NotFound):
        services.matching.propose(BSN_LIKE_ID, emp.id)


def test_a_draft_keeps_a_chosen_id(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from spt_desktop.services.session import Owner, VaultSession
    from tests.conftest import FAST_KDF, PASSPHRASE

    session = VaultSession(tmp_path / "v.sptvault", kdf=FAST_KDF)
    session.create(PASSPHRASE, Owner("Sanne Bakker"))
    values = {"employer_id": BSN_LIKE_ID, "notes": "Pas 111222333"}
    assert session.save_draft("match:x", values, about=None) == [
        "notes"
    ]  # typed text still refused
    assert session.load_draft("match:x") == {"employer_id": BSN_LIKE_ID}
    session.lock()
