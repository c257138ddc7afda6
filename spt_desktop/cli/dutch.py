"""argparse in Dutch: the headless commands' help and usage errors speak the coach's language.

Python's argparse words its own texts ("usage:", "show this help message and exit",
"the following arguments are required") through ``gettext`` with no Dutch catalogue
shipped. It looks its ``_`` and ``ngettext`` up as module globals at the moment it
writes, so :func:`install` gives it ours. Texts not listed here stay as argparse has
them (English) rather than fail: a later Python may add a text, and the test in
tests/unit/test_cli_dutch.py names the ones a user meets.
"""

from __future__ import annotations

import argparse
from typing import Any

TEXTS = {
    "usage: ": "Gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "ignored explicit argument %r": "genegeerd argument %r",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "one of the arguments %s is required": "één van de argumenten %s is verplicht",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": (
        "optie %(option)s is niet eenduidig: die kan %(matches)s zijn"
    ),
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
}
PLURALS = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
}


def _translate(text: str) -> str:
    return TEXTS.get(text, text)


def _ntranslate(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get(singular, (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Make argparse word its own texts in Dutch (idempotent)."""
    module: Any = argparse
    module._ = _translate
    module.ngettext = _ntranslate
