"""Whether a document matches a search, decided in Python exactly as the vault's full-text
index decides it, so the caseload can test a few candidates' documents instead of asking
the index for every match (services/queries.py: the walk in name order).

The index (``search_fts``, vault migrations 0001/0018) splits and folds text with FTS5's
``unicode61`` tokenizer; a search (``queries.fts_query``) is one quoted phrase per word,
each a prefix (``"de"* "vries"*``): a document matches when it holds every phrase, its
tokens in a row and the last one as a prefix. Here a document's text becomes its tokens
with one space around each (`` de vries bv ``); a phrase matches where its tokens, a
space before them, stand in that string. The tokenizer's folding (lower case, diacritics
off, which characters separate tokens) is not written out again: it is learned per
character from SQLite's own ``unicode61`` on an in-memory database (no vault data: one
character at a time, never a document), the first time that character is seen.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import sqlcipher3.dbapi2 as sqlcipher

# The vault's tokenizer (search_fts, migration 0018); tests/services/test_search_walk.py
# holds this equal to the vault's own declaration.
TOKENIZER = "unicode61 remove_diacritics 2"
_PROBE_LEFT, _PROBE_RIGHT = "a", "b"


class _Folding(dict[int, str]):
    """Code point -> what the tokenizer makes of it: ``" "`` a separator, ``""`` dropped
    (a diacritic), otherwise the folded character. A ``str.translate`` table; a code
    point not seen before is learned on the spot."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._db: sqlcipher.Connection | None = None

    def __missing__(self, code: int) -> str:
        self.learn(chr(code))
        return self[code]

    def learn(self, chars: str) -> None:
        """Ask SQLite's tokenizer what each of ``chars`` becomes between two letters."""
        with self._lock:
            todo = sorted({ord(c) for c in chars} - self.keys())
            if not todo:
                return
            db = self._connection()
            db.execute("DELETE FROM probe")
            db.executemany(
                "INSERT INTO probe(rowid, x) VALUES (?, ?)",
                [(code, f"{_PROBE_LEFT}{chr(code)}{_PROBE_RIGHT}") for code in todo],
            )
            terms: dict[int, list[tuple[int, str]]] = {code: [] for code in todo}
            for term, doc, offset in db.execute("SELECT term, doc, offset FROM probe_terms"):
                terms[doc].append((offset, term))
            for code in todo:
                self[code] = _meaning(chr(code), [t for _, t in sorted(terms[code])])

    def _connection(self) -> sqlcipher.Connection:
        if self._db is None:
            db = sqlcipher.connect(":memory:", check_same_thread=False)
            db.execute(f"CREATE VIRTUAL TABLE probe USING fts5(x, tokenize = '{TOKENIZER}')")
            db.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, instance)")
            self._db = db
        return self._db


def _meaning(char: str, tokens: list[str]) -> str:
    if tokens == [_PROBE_LEFT, _PROBE_RIGHT]:
        return " "
    if len(tokens) == 1 and tokens[0].startswith(_PROBE_LEFT) and tokens[0].endswith(_PROBE_RIGHT):
        return tokens[0][1:-1]
    # Not one of the three (codepoint-local) outcomes unicode61 has: say so loudly.
    raise ValueError(f"unexpected tokenization of U+{ord(char):04X}")


FOLDING = _Folding()
FOLDING.learn("".join(map(chr, range(128))))


def tokens(text: str) -> list[str]:
    """``text``'s tokens as the index holds them."""
    return text.translate(FOLDING).split()


def phrases(words: Sequence[str]) -> list[str] | None:
    """The phrases of a search for ``words`` (each word's tokens, a space before them),
    or None when a word has no token (the index's own query decides that case)."""
    out = []
    for word in words:
        found = tokens(word)
        if not found:
            return None
        out.append(" " + " ".join(found))
    return out


def matches(text: str, wanted: Sequence[str]) -> bool:
    """Whether a document of ``text`` holds every phrase of ``wanted`` (``phrases``)."""
    # A separator becomes one space and a dropped diacritic nothing, so a token starts
    # after a space; only a phrase of several tokens needs them one space apart.
    held = " " + text.translate(FOLDING)
    if any(" " in p[1:] for p in wanted):
        held = " " + " ".join(held.split())
    return all(p in held for p in wanted)
