"""``spt-desktop --selftest`` from the source tree (the frozen bundle's run is in
installers/ci-bundle-check.sh): one line per check, non-zero exit on any failure."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spt_desktop import selftest


def _ok() -> str:
    return "alles goed"


def _refused() -> str:
    raise selftest.CheckFailed("de kluis bleef open na vergrendelen")


def _crashed() -> str:
    raise ValueError("onverwacht\ntweede regel")


def test_one_line_per_check_and_exit_code_1_on_any_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = selftest.run_selftest((("a", _ok), ("b", _refused), ("c", _crashed)))
    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "OK  a: alles goed",
        "FOUT b: de kluis bleef open na vergrendelen",
        "FOUT c: ValueError: onverwacht",  # first line only, no traceback
    ]
    assert "2 controle(s) mislukt" in err


def test_all_passing_checks_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.run_selftest((("a", _ok),)) == 0
    assert "alles in orde" in capsys.readouterr().err


def test_the_real_selftest_passes_from_the_source_tree() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "spt_desktop", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split(":")[0] for line in lines] == [
        f"OK  {name}" for name, _check in selftest.CHECKS
    ]
    # No personal data and no secrets: the throwaway passphrase is never printed.
    assert selftest.PASSPHRASE not in done.stdout + done.stderr
