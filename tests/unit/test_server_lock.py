"""The server's lock file covers its extra: a dependency added to pyproject.toml without
renewing requirements/server.lock would install unpinned (or not at all, with --no-deps)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    name = re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_server_dependency_is_pinned_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {
        _name(r) for r in project["dependencies"] + project["optional-dependencies"]["server"]
    }
    lock = (ROOT / "requirements" / "server.lock").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", lock, flags=re.M))
    assert wanted <= {_name(n) for n in pinned}, wanted - {_name(n) for n in pinned}
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n\n", 1)[-1].strip())
    assert all("--hash=sha256:" in b for b in blocks if "==" in b)
    # Nothing of the desktop's stack on a server.
    assert not {"pyside6-essentials", "sqlcipher3", "reportlab"} & {_name(n) for n in pinned}
