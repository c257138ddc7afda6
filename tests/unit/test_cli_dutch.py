"""The headless commands speak Dutch in their help and usage errors, not argparse's English."""

from __future__ import annotations

import subprocess
import sys

import pytest

from spt_desktop.cli import build_parser

ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "required")
COMMANDS = (
    [],
    ["vault"],
    ["vault", "create"],
    ["login"],
    ["sync"],
    ["export"],
    ["print"],
    ["print", "dossier"],
    ["demo"],
)


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(w) or "top")
def test_help_is_dutch(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*words, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Gebruik: spt-desktop") and "toon deze hulp en stop" in out
    for word in ENGLISH:
        assert word not in out.lower()
    # Metavars are words too: no English placeholder in the usage line.
    for metavar in ("VAULT", "FILE", "COMMAND", "EMAIL", "NAME", "SERVER "):
        assert metavar not in out


def test_usage_error_is_dutch_and_exit_2() -> None:
    """A missing required argument, as a process: the text a support desk gets to see."""
    done = subprocess.run(
        [sys.executable, "-m", "spt_desktop", "print", "dossier", "-o", "x.pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "fout: deze argumenten zijn verplicht: --vault" in done.stderr
    assert "error" not in done.stderr and "usage" not in done.stderr


def test_wrong_choice_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["print", "folder"])
    err = capsys.readouterr().err
    assert "ongeldige keuze: 'folder' (kies uit" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """IT's detection rules ask the program its version."""
    from spt_desktop import __version__

    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"spt-desktop {__version__}"
