"""Re-export: the figures live in ``spt_desktop.monitor_figures`` (standard library only,
so the server can compute the same figures without the vault stack)."""

from __future__ import annotations

from spt_desktop.monitor_figures import *  # noqa: F403
from spt_desktop.monitor_figures import __all__ as __all__
