"""Use cases of the desktop's session as the window runs them: what to restore right
after unlocking, and saving a form whose unsaved contents were kept as a draft. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from spt_desktop.services.changes import Changed
from spt_desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from spt_desktop.services import Services
    from spt_desktop.services.session import SyncStatus, VaultSession

T = TypeVar("T")


@dataclass(frozen=True)
class UnlockSummary:
    """What the window restores after an unlock."""

    auto_lock_minutes: int
    drafts: dict[str, dict[str, Any]]  # the form's values by form id
    names: dict[str, str]  # the name of the candidate a draft belongs to, by id
    sync: SyncStatus


def after_unlock(session: VaultSession) -> UnlockSummary:
    """Preferences, the drafts kept at the last lock (with the names of the candidates
    they belong to) and the sync status."""
    drafts = session.drafts()
    names: dict[str, str] = {}
    for cid in set(session.draft_owners().values()):
        if cid:
            try:
                names[cid] = session.services.candidates.get(cid).full_name
            except ServiceError:  # a candidate purged since: the draft still reopens
                names[cid] = ""
    return UnlockSummary(session.auto_lock_minutes(), drafts, names, session.sync_status())


def save_form(session: VaultSession, form_id: str, work: Callable[[Services], T]) -> Changed[T]:
    """Save a form (``work``) and, once saved, drop the draft kept of it."""
    changed = session.services.changing(work)
    session.drop_draft(form_id)
    return changed


__all__ = ["UnlockSummary", "after_unlock", "save_form"]
