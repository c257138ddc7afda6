"""What every use case shares: the vault, a clock, and loading rows that must exist."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from spt_desktop.errors import Thing
from spt_desktop.models.base import Synced, utcnow
from spt_desktop.services.changes import Changed, ChangeRecorder
from spt_desktop.services.errors import NotFound

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault

S = TypeVar("S", bound=Synced)
T = TypeVar("T")


@dataclass
class Context:
    """The vault and the clock the use cases run against (tests pass a fixed clock)."""

    vault: Vault
    today: Callable[[], date] = field(default=date.today)
    now: Callable[[], datetime] = field(default=utcnow)  # UTC, for bookkeeping times
    # Wall-clock time as the coach reads it: when a visit took place.
    local_now: Callable[[], datetime] = field(default=datetime.now)
    # Who acts: the vault's owner unless set (a support tool acting for a colleague).
    acting_as: str | None = None
    # The open transaction, so that a use case made of others reads them all in one
    # (``tx`` inside ``tx`` joins it), and the recorder of what the writes change.
    _session: Session | None = field(default=None, init=False, repr=False)
    _recorder: ChangeRecorder | None = field(default=None, init=False, repr=False)

    @property
    def actor_id(self) -> str:
        actor = self.acting_as or self.vault.owner_id
        assert actor is not None, "an unlocked vault always has an owner"
        return actor

    @contextmanager
    def tx(self) -> Iterator[Session]:
        """One transaction; inside another one of this context, that one."""
        if self._session is not None:
            yield self._session
            return
        with self.vault.transaction(self.actor_id) as session:
            if self._recorder is not None:
                self._recorder.watch(session)
            self._session = session
            try:
                yield session
            finally:
                self._session = None

    def recording(self, work: Callable[[], T]) -> Changed[T]:
        """Run ``work`` and say what its transactions changed."""
        outer, self._recorder = self._recorder, ChangeRecorder()
        recorder = self._recorder
        try:
            value = work()
        finally:
            self._recorder = outer
        if outer is not None:
            outer.tables |= recorder.tables
        return Changed(value, recorder.changes)


class Service:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx


def load(session: Session, model: type[S], record_id: str, what: Thing) -> S:
    """The live (not deleted) row ``record_id`` of ``model``; NotFound otherwise."""
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise NotFound(what)
    return row
