"""The one BSN detector (spt_common/bsn.py): every way a BSN is written is found; phone
numbers, IBANs and other longer numbers are not taken for one."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from spt_common.bsn import contains_bsn, elfproef, find_bsn
from spt_common.protocol import _holds_bsn

# Test numbers that pass the elfproef (not issued to anyone).
VALID = ("111222333", "123456782")

WRITTEN = [
    "111222333",
    "111 22 2333",
    "1112.22.333",
    "111-222-333",
    "111.222.333",
    "1-1-1-2-2-2-3-3-3",
    "BSN: 111222333.",
    "piet111222333@example.nl",
    "piet.111-22-2333@example.nl",
    "111222333piet@example.nl",
    "tel 06 12345678, bsn 123456782",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_every_written_form_of_a_bsn_is_found(text: str) -> None:
    assert contains_bsn(text), text


ALLOWED = [
    "06 12345678",
    "06-12345678",
    "0612345678",
    "+31 6 12345678",
    "+31612345678",
    "020 123 4567",
    "NL91ABNA0417164300",
    "NL91 ABNA 0417 1643 00",
    "fatma@example.nl",
    "1112223330",  # ten digits
    "11122233",  # eight digits
    "111222334",  # nine digits, fails the elfproef
    "000000000",
    "afspraak 12-03-2026 om 10.30 uur",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_phone_numbers_ibans_and_other_numbers_are_not_a_bsn(text: str) -> None:
    assert not contains_bsn(text), text


def _with_check_digit(eight: str) -> str | None:
    """The BSN that starts with ``eight`` digits, if a check digit makes one."""
    total = sum(int(d) * w for d, w in zip(eight, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
    check = total % 11
    return eight + str(check) if check < 10 and (eight + str(check)) != "000000000" else None


eight_digits = st.text(alphabet="0123456789", min_size=8, max_size=8)
separators = st.sampled_from([" ", ".", "-", "\u00a0", "\u2013"])
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz@,:;()", min_size=0, max_size=12)


@st.composite
def written_bsn(draw: st.DrawFn) -> tuple[str, str]:
    """A valid BSN and one way of writing it: split into groups at random points."""
    bsn = draw(eight_digits.map(_with_check_digit).filter(lambda b: b is not None))
    assert bsn is not None
    cuts = sorted(draw(st.sets(st.integers(1, 8), max_size=8)))
    parts, last = [], 0
    for cut in cuts:
        parts.append(bsn[last:cut])
        last = cut
    parts.append(bsn[last:])
    out = parts[0]
    for part in parts[1:]:
        out += draw(separators) + part
    return bsn, out


@given(written_bsn(), words, words)
@example(("111222333", "1112.22.333"), "", "")
def test_a_bsn_in_any_grouping_between_any_words_is_found(
    bsn_written: tuple[str, str], before: str, after: str
) -> None:
    bsn, written = bsn_written
    assert elfproef(bsn)
    # Words end on a letter or punctuation, never on a digit: the BSN stands alone.
    assert find_bsn(f"{before}{written}{after}") == written


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_dutch_mobile_numbers_in_every_usual_form_are_allowed(rest: str) -> None:
    for number in (
        f"06{rest}",
        f"06-{rest}",
        f"06 {rest}",
        f"06 {rest[:4]} {rest[4:]}",
        f"+316{rest}",
        f"+31 6 {rest}",
        f"+31 (0)6 {rest}",
        f"0031 6 {rest}",
    ):
        assert not contains_bsn(number), number


@given(st.text(alphabet="0123456789", min_size=10, max_size=34), words)
def test_a_longer_digit_run_is_never_a_bsn(digits: str, letters: str) -> None:
    assert not contains_bsn(f"NL{letters}{digits}")
    assert not contains_bsn(digits)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nine_digits_are_a_bsn_exactly_when_they_pass_the_elfproef(digits: str) -> None:
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    passes = total % 11 == 0 and digits != "000000000"
    assert contains_bsn(f"nummer {digits} graag") == passes


# Texts of digits, separators and parentheses around a few BSNs and phone numbers: where
# a look at several texts joined could go wrong, at their edges.
_PIECES = st.sampled_from(
    ["111222333", "111 22 2333", "06-12345678", "+31 (0)6 12345678", "(", ")", " ", "-", ".",
     "0", "12", "999999999", "a", "\u2013", "123456782"]
)  # fmt: skip
_TEXTS = st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=5)


@given(_TEXTS)
@example(["111222333"])
@example(["06-1234", "5678"])
@example(["123 (", ") 456789012"])
@example(["11122233", "3"])
def test_texts_joined_hold_a_bsn_exactly_when_one_of_them_does(texts: list[str]) -> None:
    """validate_fields looks at a record's texts joined by NUL at once (``_holds_bsn``):
    the same answer as looking at each (no number runs across the NUL)."""
    assert _holds_bsn("\x00".join(texts)) == any(contains_bsn(t) for t in texts)


def _found_by_the_search_alone(text: str) -> str | None:
    """``find_bsn`` without its first count of the digits: ``_NINE``'s search, then each
    number (the way it was before issue 13's round 13)."""
    from spt_common import bsn

    if len(text) < 9 or bsn._NINE.search(text) is None:
        return None
    for match in bsn._NUMBER.finditer(text):
        written = match.group()
        digits = bsn._NOT_DIGIT.sub("", written)
        if len(written) >= 9 and len(digits) == 9 and elfproef(digits):
            return written
    return None


@given(
    st.one_of(
        _TEXTS.map("\x00".join),
        st.text(st.sampled_from("0123456789 .-()a\u00a0\u2013\u0663\ud800é"), max_size=40),
        st.text(max_size=60),
    )
)
@example("11122233")  # eight digits: no BSN, whatever joins them
@example("1112.22.333")
@example("\u0661\u0661\u0661222333")  # other scripts' digits are not counted, nor read
@example("\ud800 111222333")  # a lone surrogate in the text
def test_the_count_of_digits_first_changes_no_answer(text: str) -> None:
    """A text with fewer than nine ASCII digits is answered by their count alone (in
    C): every answer is the search's, which ran on every text before."""
    assert find_bsn(text) == _found_by_the_search_alone(text)


# Texts of several numbers: BSNs (valid and not) before, between and after phone
# numbers, dates and house numbers, written with every join (ASCII and not), glued to
# words or apart: where find_bsn's look at the numbers of nine digits or more only, and
# at what is left after each, could differ from a look at every number.
_NUMBERS = st.sampled_from(
    ["111222333", "111 22 2333", "1112.22.333", "111-222-333", "123456782", "123456783",
     "06-12345678", "+31 (0)6 12345678", "0612345678", "020 123 4567", "12-03-2026",
     "10.30", "12", "7", "1234 AB", "999999999", "1 111222333", "111222333 4",
     "11122233", "3", "12 (3456789", "123) 456789", "1\u00a011222333", "111\u2013222\u2013333"]
)  # fmt: skip
_BETWEEN = st.sampled_from(
    ["", " ", "  ", "-", ".", "(", ")", " (", ") ", "a", " tel ", ", ", "\x00", "é", "\u00a0",
     "\u2013", "\u0663", "\ud800", "@x.nl ", "\n"]
)  # fmt: skip


@given(st.lists(st.tuples(_BETWEEN, _NUMBERS), max_size=8), _BETWEEN)
@example([("tel ", "06-12345678"), (", bsn ", "123456782")], "")
@example([("", "111222333"), (" ", "4")], "")
@example([("", "12"), (" ", "111222333")], "")
@example([("x", "11122233"), ("", "3")], "")
@example([("é ", "06-12345678"), (" ", "111 22 2333")], ".")
def test_numbers_after_a_phone_number_are_found_as_before(
    parts: list[tuple[str, str]], tail: str
) -> None:
    """find_bsn looks only at the numbers of nine digits or more, and past each only
    when nine digits or more are left (an ASCII text by the count of its digits in a
    window of 25 characters): the same answer as the look at every number."""
    text = "".join(a + b for a, b in parts) + tail
    assert find_bsn(text) == _found_by_the_search_alone(text)
