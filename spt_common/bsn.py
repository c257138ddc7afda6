"""Finding a BSN in free text. An SPT has no legal basis to hold a citizen service number
(DESIGN.md §2, "No BSN"), so every text field is refused when it holds one, on the device
and on the server. Standard library only: the server imports this module alone.

A BSN is a number of exactly nine digits that passes the eleven-test (elfproef). It is
found however it is written:

- with separators between groups of digits, in any grouping: ``111222333``,
  ``111 22 2333``, ``1112.22.333``, ``111-222-333``;
- glued to letters, as in an e-mail address: ``piet111222333@example.nl``.

A longer number is not a BSN, even when nine of its digits would pass: a Dutch mobile
number ``06-12345678`` has ten digits, ``+31 6 12345678`` eleven, an IBAN's account part
ten. Groups joined by one separator (or a parenthesis) count as one number, so the
digits of a phone number written in groups are never split into a nine-digit part
(``+31 (0)6 12345678`` is one number of twelve digits). The price: a BSN written
directly against another number with only a space between (``111222333 0612345678``)
reads as one long number and is not found; anything else between them (a word, a comma,
two spaces) separates them.
"""

from __future__ import annotations

import re

__all__ = ["BSN_REFUSED", "contains_bsn", "elfproef", "find_bsn", "may_hold_bsn", "nine_digits"]

# The reason a field is refused, on both sides (Dutch: the coach reads it).
BSN_REFUSED = "bevat een BSN; het SPT mag geen BSN vastleggen"

# Between two groups of digits: one space (also a no-break or narrow no-break space),
# dot or dash (also the Unicode hyphens and dashes a word processor puts in).
_SEPARATORS = " .\\-\u00a0\u202f\u2010\u2011\u2012\u2013\u2014"
# A number: groups of digits joined by single separators, as long as it goes on; a
# parenthesised group joins too, as the trunk prefix of ``+31 (0)6 12345678`` does.
# ASCII digits only (re.ASCII): other scripts' digits are not how a BSN is written here.
_JOIN = rf"(?:[{_SEPARATORS}]| ?\(|\) ?)"
_NUMBER = re.compile(rf"[0-9]+(?:{_JOIN}[0-9]+)*", re.ASCII)
_NOT_DIGIT = re.compile(r"[^0-9]", re.ASCII)
# Nine digits in a row, each pair joined as in a number (by nothing or one join): every
# number of nine digits or more holds such a run, so text without one holds no BSN. One
# search in C instead of a look at each number (a date's, a phone's) in Python: a
# server's push checks every text of every record it receives.
_NINE = re.compile(rf"[0-9](?:{_JOIN}?[0-9]){{8}}", re.ASCII)
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def elfproef(digits: str) -> bool:
    """True for nine digits that pass the BSN eleven-test (all zeros do not)."""
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True))
    return total % 11 == 0 and digits != "000000000"


# Each byte as "1" if it is an ASCII digit's, else "0" (in UTF-8 no other character has
# one of those bytes): a text's digits counted by one ``bytes.translate`` and a count.
_DIGIT_BYTES = bytes(0x31 if 0x30 <= b <= 0x39 else 0x30 for b in range(256))


def find_bsn(text: str) -> str | None:
    """The first BSN in ``text`` as it is written there, or None."""
    # First its digits counted, in C (the text's bytes without those that are not
    # digits): a text with fewer than nine holds no number of nine, whatever joins them.
    # Nearly every record's texts have fewer (95 % of a first push's, which a server
    # checks one by one), and ``_NINE``'s search cost ten times the count (issue 13,
    # round 13: ~5,000 instructions a record's texts, callgrind).
    if len(text) < 9:
        return None
    ones = text.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES)
    if ones.count(0x31) < 9:
        return None
    # Then only the numbers of nine digits or more are looked at (a phone number's,
    # a candidate's and a referral's texts have one: 10 digits), each from its first
    # digit as it is written there (``_NUMBER`` from that digit: the number
    # ``_NUMBER.finditer`` gives), and after it only when nine digits or more are left.
    # They were searched number by number from the text's start to its end, ~100
    # instructions a character (issue 13, round 15).
    if text.isascii():
        return _find_ascii(text, ones)
    at = 0
    while (nine := _NINE.search(text, at)) is not None:
        # Where _NINE finds nine joined digits first is a number's first digit: none of
        # them starts earlier in the same number, and none runs across from one before.
        number = _NUMBER.match(text, nine.start())
        assert number is not None  # the nine digits themselves are a number
        written = number.group()
        digits = _NOT_DIGIT.sub("", written)
        if len(digits) == 9 and elfproef(digits):
            return written
        at = number.end()
        if _digit_count(text[at:]) < 9:
            return None
    return None


def _find_ascii(text: str, ones: bytes) -> str | None:
    """``find_bsn`` of an ASCII text, whose digits are the "1"s of ``ones`` at the same
    places. Each number is looked at from its first digit only when nine digits or
    more follow within 25 characters (nine digits with a join of at most two
    characters between each: the first nine of a number of nine or more are that
    close), one ``bytes.count`` a number instead of the regular expressions' look at
    every character."""
    at = ones.find(0x31)
    while at >= 0:
        if ones.count(0x31, at, at + 25) >= 9:
            number = _NUMBER.match(text, at)
            assert number is not None  # ``at`` is a digit
            end = number.end()
            if ones.count(0x31, at, end) == 9:
                written = number.group()
                if elfproef(_NOT_DIGIT.sub("", written)):
                    return written
            if ones.count(0x31, end) < 9:
                return None
        else:
            # No number of nine starts here; the next that may starts at a later run of
            # digits (one of this number's own: it has fewer than nine, and so has what
            # is left of it from there).
            end = ones.find(0x30, at)
            if end < 0:
                return None
        at = ones.find(0x31, end)
    return None


def _digit_count(text: str) -> int:
    """The ASCII digits of ``text``, counted in C (as ``find_bsn``'s first look)."""
    return text.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES).count(0x31)


# ``nine_digits``' translate: each ASCII digit's byte to "1", every other byte deleted but
# that of "\x01", which ends each part (in UTF-8 no other character has one of those bytes).
_ONES = bytes.maketrans(b"0123456789", b"1111111111")
_NEITHER = bytes(b for b in range(256) if not (0x30 <= b <= 0x39 or b == 1))
_NINE_ONES = b"1" * 9


def nine_digits(joined: str, n: int) -> list[int] | None:
    """Of the ``n`` parts of ``joined`` (each ended by ``"\x01"``), the indices of those
    with nine ASCII digits or more, in order; None when ``joined`` does not have ``n``
    such ends (a part holds ``"\x01"`` itself). ``find_bsn``'s first look (its count of
    digits) for many texts at once, in C: one encode, one translate that leaves only
    the digits (as "1") and the ends, and a search for nine ones in a row, which only
    a part with nine digits or more has. A server's first push checks the texts of
    thousands of new records a batch, 95 % of which have fewer (issue 13, round 14)."""
    compact = joined.encode("utf-8", "surrogatepass").translate(_ONES, _NEITHER)
    if compact.count(b"\x01") != n:
        return None
    found: list[int] = []
    at = compact.find(_NINE_ONES)
    part = start = 0
    while at >= 0:
        part += compact.count(b"\x01", start, at)
        found.append(part)
        start = compact.find(b"\x01", at)  # the end of this part
        at = compact.find(_NINE_ONES, start)
    return found


def may_hold_bsn(text: str) -> bool:
    """False when ``text`` holds no BSN for sure (no number of nine digits or more); True
    when it may (``find_bsn`` says). Texts joined by a character that is neither a digit
    nor a join (``"\\x00"``) are checked at once: no number runs across it."""
    return _NINE.search(text) is not None


def contains_bsn(text: str) -> bool:
    """True when ``text`` holds a BSN (see the module's description)."""
    return find_bsn(text) is not None
