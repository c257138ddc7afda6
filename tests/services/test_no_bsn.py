"""No BSN in the vault (issue 10 §4): every written form of a BSN is refused in every
free-text field, the phone field and an e-mail address too, with an error at the field
that says why; a valid phone number and e-mail address are still accepted."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from spt_common.bsn import BSN_REFUSED
from spt_common.protocol import ENTITY_FIELDS
from spt_desktop.cli import messages as cli
from spt_desktop.models import Candidate, Note
from spt_desktop.services.errors import ValidationError
from spt_desktop.services.validation import free_text_fields
from tests.services.factories import ONLY_PROCESSING, employer, profile

# The forms from the issue (111222333 and 123456782 pass the elfproef).
FORMS = {
    "plain": "111222333",
    "dots": "1112.22.333",
    "dashes": "111-222-333",
    "spaces": "111 22 2333",
}


@pytest.mark.parametrize("written", FORMS.values(), ids=FORMS.keys())
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "{bsn}"),
        ("email", "piet{bsn}@example.nl"),
        ("notes", "Pasnummer {bsn} genoteerd"),
        ("skills", "{bsn}"),
        ("first_name", "Piet{bsn}"),
    ],
)
def test_a_bsn_in_any_candidate_field_is_refused_at_that_field(
    services, vault, field: str, value: str, written: str
) -> None:
    text = value.format(bsn=written.replace(" ", "") if field == "email" else written)
    with pytest.raises(ValidationError) as err:
        services.candidates.register(profile(**{field: text}), ONLY_PROCESSING)
    assert cli.field_texts(err.value)[field] == BSN_REFUSED
    assert written not in cli.text(err.value)  # the error never quotes it back
    with vault.transaction() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Candidate)) == 0


def test_a_valid_phone_number_and_email_are_still_accepted(services) -> None:
    for phone in ("06 12345678", "06-12345678", "+31 6 12345678", "020 123 4567"):
        cand = services.candidates.register(
            profile(phone=phone, email="fatma.yilmaz@example.nl"), ONLY_PROCESSING
        )
        assert cand.phone == phone


def test_a_bsn_is_refused_in_the_other_entities_free_text(services) -> None:
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    emp = services.employers.create(employer())
    attempts = {
        "text": lambda: services.candidates.add_note(cand.id, "bsn 1112.22.333"),
        "topics": lambda: services.visits.log(cand.id, {"topics": "BSN 111-222-333"}),
        "background": lambda: services.intake.record(cand.id, {"background": "123456782"}),
        "phone": lambda: services.employers.add_contact(
            emp.id, {"name": "Henk Zwart", "phone": "111 22 2333"}
        ),
        "email": lambda: services.employers.add_contact(
            emp.id, {"name": "Henk Zwart", "email": "henk111222333@example.nl"}
        ),
        "description": lambda: services.employers.add_vacancy(
            emp.id, {"title": "Monteur", "description": "vraag BSN 123.456.782"}
        ),
    }
    for field, attempt in attempts.items():
        with pytest.raises(ValidationError) as err:
            attempt()
        assert cli.field_texts(err.value).get(field) == BSN_REFUSED, field


def test_every_write_of_a_record_is_checked_not_only_the_forms(services, vault) -> None:
    """A use case that fills a field without a Checker still cannot store a BSN: the
    check holds at the flush, for every free-text field of every entity."""
    cand = services.candidates.register(profile(), ONLY_PROCESSING)
    with pytest.raises(ValidationError) as err, vault.transaction(cand.id) as s:
        s.add(
            Note(
                candidate_id=cand.id,
                author_id=vault.owner_id,
                written_at=sa.func.now(),
                text="111-22-2333",
            )
        )
    assert cli.field_texts(err.value) == {"text": BSN_REFUSED}
    with vault.transaction() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Note)) == 0


def test_the_free_text_fields_come_from_the_protocol_kinds() -> None:
    assert {"phone", "email", "notes", "first_name"} <= free_text_fields("candidate")
    assert "candidate_id" not in free_text_fields("note")  # a reference, not text
    for entity, fields in ENTITY_FIELDS.items():
        for name, spec in fields.items():
            is_text = spec.rstrip("?") == "text" or spec.startswith("str")
            assert (name in free_text_fields(entity)) == is_text, (entity, name)
