"""The one passphrase rule of every vault, whoever makes it: the wizard, the headless
``spt-desktop vault create|passwd|recover`` and ``Vault.create`` itself.

A simple, explainable estimate: length counts most, then variety and words. Not a
cracking model; it steers coaches towards a few loose words. It returns a level, not
words: the wizard's meter words it (``ui/messages.py``), the CLI words a refusal
(``WEAK_PASSPHRASE`` in ``cli/messages.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

MIN_PASSPHRASE = 10


class Level(IntEnum):
    """How strong a passphrase is; the value is the meter's score."""

    TOO_SHORT = 0  # under MIN_PASSPHRASE characters
    REPEATED = 1  # long enough, but a few characters repeated
    FAIR = 2
    STRONG = 3
    VERY_STRONG = 4


@dataclass(frozen=True)
class Strength:
    """How strong a passphrase is: 0 (unusable) to 4 (strong)."""

    score: int

    @property
    def level(self) -> Level:
        return Level(self.score)

    @property
    def acceptable(self) -> bool:
        return self.score >= Level.FAIR


def passphrase_strength(text: str) -> Strength:
    """The score the strength meter shows and every vault checks."""
    if len(text) < MIN_PASSPHRASE:
        return Strength(Level.TOO_SHORT)
    words = len([w for w in re.split(r"[\s\-_.]+", text) if len(w) >= 3])
    kinds = sum(bool(re.search(p, text)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    if len(set(text)) <= 3:
        return Strength(Level.REPEATED)
    return Strength(min(2 + (len(text) >= 16) + (len(text) >= 24 or words >= 3 or kinds >= 3), 4))
