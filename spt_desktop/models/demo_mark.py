"""The vault setting that marks a demo vault: made-up people only, never linked to a
server. Here, below the services and the sync engine, so both check it
(``services.demo_mark`` says why and writes it; ``sync.engine`` refuses to link or
sync a vault that carries it, whoever calls it)."""

from __future__ import annotations

# The vault setting that marks a demo vault (its value: what made it).
DEMO_MARK = "demo.made_up_people"
