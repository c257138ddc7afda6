"""Record ids are time-ordered UUIDs (version 7): made in order, they sort in order."""

from __future__ import annotations

import random
import re
import time
import uuid

import pytest

from spt_common import ids
from spt_common.protocol import UUID_PATTERN
from spt_desktop.demo.draw import id_stream
from spt_desktop.models.base import new_id


def test_a_new_id_is_a_version_7_uuid_of_now() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000
    parsed = uuid.UUID(made)
    assert re.match(UUID_PATTERN, made)
    assert str(parsed) == made
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert before <= parsed.int >> 80 <= after


def test_ids_made_one_after_another_sort_as_made() -> None:
    made = [ids.uuid7() for _ in range(20_000)]  # many share a millisecond
    assert made == sorted(made)
    assert len(set(made)) == len(made)


def test_the_clock_going_back_does_not_go_back_in_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    first = ids.uuid7()
    earlier = (uuid.UUID(first).int >> 80) - 5_000  # five seconds back
    monkeypatch.setattr(ids.time, "time_ns", lambda: earlier * 1_000_000)
    later = [ids.uuid7() for _ in range(5_000)]  # more than one millisecond's counter
    assert [first, *later] == sorted({first, *later})


def test_ids_made_together_are_as_ids_made_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    first = ids.uuid7()
    together = ids.uuid7s(10_000)  # more than one millisecond's counter
    after = ids.uuid7()
    made = [first, *together, after]
    assert made == sorted(set(made))
    assert all(re.match(UUID_PATTERN, m) and uuid.UUID(m).version == 7 for m in together)
    assert len({m[19:] for m in together}) == len(together)  # the random part, each its own
    assert ids.uuid7s(0) == []
    # The clock gone back: they still follow the last id made.
    earlier = (uuid.UUID(after).int >> 80) - 5_000
    monkeypatch.setattr(ids.time, "time_ns", lambda: earlier * 1_000_000)
    later = ids.uuid7s(3)
    assert [after, *later] == sorted({after, *later})


def test_the_demo_ids_are_the_same_for_a_seed_and_in_order() -> None:
    one, two, other = id_stream("2026/a"), id_stream("2026/a"), id_stream("2026/b")
    a = [one() for _ in range(1_000)]
    assert a == [two() for _ in range(1_000)]
    assert a == sorted(a)
    assert set(a).isdisjoint(other() for _ in range(1_000))
    assert all(uuid.UUID(x).version == 7 for x in a)


def test_as_text_puts_each_part_in_its_place() -> None:
    rand_b = random.Random(1).getrandbits(62)
    text = ids.as_text(0x0123456789AB, 0xCDE, rand_b)
    value = uuid.UUID(text).int
    assert text.startswith("01234567-89ab-7cde-")
    assert value & ((1 << 62) - 1) == rand_b
    assert (value >> 62) & 0b11 == 0b10


def test_dossier_numbers_of_one_minute_differ_and_old_ones_stay() -> None:
    from spt_desktop.services.dto import dossier_number

    made = [ids.uuid7() for _ in range(200)]  # one minute's dossiers share the first 8
    assert len({m[:8] for m in made}) < 5
    numbers = {dossier_number(m) for m in made}
    assert len(numbers) == len(made)
    assert all(re.fullmatch(r"[0-9A-F]{8}", n) for n in numbers)
    assert dossier_number(made[0]) == made[0][-8:].upper()
    old = "3f2a91c0-5b1e-4c2d-9e8f-0123456789ab"  # a random (version 4) id keeps its number
    assert dossier_number(old) == "3F2A91C0"
