"""The domain's codes and labels, where the models and services have always found them;
they live in ``spt_desktop.enums`` (standard library only)."""

from spt_desktop.enums import *  # noqa: F403
from spt_desktop.enums import __all__ as __all__
