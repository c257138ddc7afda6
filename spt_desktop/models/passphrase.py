"""The one passphrase rule of every vault, whoever makes it: the wizard, the headless
``spt-desktop vault create|passwd|recover`` and ``Vault.create`` itself.

A simple, explainable estimate: length counts most, then variety and words. Not a
cracking model; it steers coaches towards a few loose words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class Strength:
    """How strong a passphrase is: 0 (unusable) to 4 (strong), with a Dutch hint."""

    score: int
    label: str
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def passphrase_strength(text: str) -> Strength:
    """The score the strength meter shows and every vault checks."""
    if len(text) < MIN_PASSPHRASE:
        return Strength(0, "Te kort", f"Gebruik minstens {MIN_PASSPHRASE} tekens.")
    words = len([w for w in re.split(r"[\s\-_.]+", text) if len(w) >= 3])
    kinds = sum(bool(re.search(p, text)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    if len(set(text)) <= 3:
        return Strength(1, "Zwak", "Vermijd herhaalde tekens; kies een paar losse woorden.")
    score = min(2 + (len(text) >= 16) + (len(text) >= 24 or words >= 3 or kinds >= 3), 4)
    labels = {2: "Redelijk", 3: "Sterk", 4: "Zeer sterk"}
    hints = {
        2: "Bruikbaar; een extra woord maakt hem sterker.",
        3: "Goed; nog een woord maakt hem zeer sterk.",
        4: "Moeilijk te raden en met losse woorden goed te onthouden.",
    }
    return Strength(score, labels[score], hints[score])
