"""The mark of a demo vault: made-up people only, never linked to an SPT server.

Linked, a demo vault pushed thousands of invented candidates into the real register and
the coordinator's monitor. So a vault the demo makes (``spt-desktop --demo``,
``spt-desktop demo``) carries a vault setting, written in the same run that fills it, and
linking it (Instellingen, ``spt-desktop login``) or synchronising it is refused with
``Code.DEMO_NOT_LINKED`` before anything is sent or stored; the sync engine refuses it
too (``sync.engine.login``, ``Syncer.begin``), for any caller that skips the services.
The other way round, the demo command does not pour made-up people into a vault that is
linked (``Code.DEMO_INTO_LINKED``).

The demo generator itself (``spt_desktop.demo.fill_vault``) writes no mark: the benches
and the sync tests fill a throwaway vault with it and push it to a throwaway server on
purpose. Only what a coach can start herself is marked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spt_desktop.errors import Code
from spt_desktop.models.demo_mark import DEMO_MARK
from spt_desktop.services.errors import RuleViolation

if TYPE_CHECKING:
    from spt_desktop.models.vault import Vault

# The settings a link leaves in a vault (``sync.engine``): any of them, and it is linked.
LINK_KEYS = ("sync.server_url", "sync.account_id", "sync.refresh_token")


def mark_demo(vault: Vault, made_by: str) -> None:
    """Mark ``vault`` (unlocked) as a demo vault; ``made_by``: the command that made it."""
    from spt_desktop.models import Setting

    with vault.transaction() as s:
        row = s.get(Setting, DEMO_MARK)
        if row is None:
            s.add(Setting(key=DEMO_MARK, value=made_by))


def is_demo(vault: Vault) -> bool:
    """Whether ``vault`` (unlocked) is a demo vault (read past the ORM: a sync asks it
    before anything else, ``Vault.read_settings``)."""
    return DEMO_MARK in vault.read_settings((DEMO_MARK,))


def is_linked(vault: Vault) -> bool:
    """Whether ``vault`` (unlocked) is, or was, linked to a server."""
    from sqlalchemy import select

    from spt_desktop.models import Setting

    with vault.transaction() as s:
        found = s.execute(select(Setting.key).where(Setting.key.in_(LINK_KEYS))).first()
        return found is not None


def refuse_link_of_demo(vault: Vault) -> None:
    """Raise ``RuleViolation(DEMO_NOT_LINKED)`` when ``vault`` is a demo vault."""
    if is_demo(vault):
        raise RuleViolation(Code.DEMO_NOT_LINKED)


def refuse_demo_into_linked(vault: Vault) -> None:
    """Raise ``RuleViolation(DEMO_INTO_LINKED)`` when ``vault`` is linked to a server."""
    if is_linked(vault):
        raise RuleViolation(Code.DEMO_INTO_LINKED)
