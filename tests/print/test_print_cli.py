"""`spt-desktop print ...` as a user runs it: a subprocess on a real vault."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from spt_common.enums import ConsentPurpose
from spt_desktop.models.vault import Vault
from tests.conftest import PASSPHRASE
from tests.print.pdf_text import pages_text, text
from tests.print.print_seed import candidate, full_dossier

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPT_PASSPHRASE": passphrase, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "spt_desktop", "print", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_print_dossier_plan_and_aanbodkrant(vault: Vault, tmp_path: Path) -> None:
    seeded = full_dossier(vault)
    extra = candidate(vault, "Anouk", "de Boer", {p: True for p in ConsentPurpose})
    vault.lock()  # the command opens the vault itself
    out = tmp_path / "out"
    out.mkdir()

    dossier = out / "dossier.pdf"
    r = run("dossier", "--vault", str(vault.path), "--candidate", seeded.candidate_id,
            "-o", str(dossier))  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Joëlle Verhoeven" in text(dossier.read_bytes())
    assert stat.S_IMODE(dossier.stat().st_mode) == 0o600
    assert "pagina 1 van" in pages_text(dossier.read_bytes())[0]

    plan = out / "plan.pdf"
    r = run("plan", "--vault", str(vault.path), "--candidate", seeded.candidate_id,
            "-o", str(plan))  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Ondertekening" in text(plan.read_bytes())

    krant = out / "aanbodkrant.pdf"
    r = run("aanbodkrant", "--vault", str(vault.path), "--candidate", extra,
            "--candidate", seeded.candidate_id, "-o", str(krant))  # fmt: skip
    assert r.returncode == 0, r.stderr
    t = text(krant.read_bytes())
    assert "2 kandidaten" in t and "Anouk" not in t and "Verhoeven" not in t

    verslag = out / "verslag.pdf"
    r = run("bezoekverslag", "--vault", str(vault.path), "--visit", seeded.visit_id,
            "-o", str(verslag))  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Afspraak 1" in text(verslag.read_bytes())

    # Only the files asked for, and no temp files left beside them.
    assert sorted(p.name for p in out.iterdir()) == [
        "aanbodkrant.pdf", "dossier.pdf", "plan.pdf", "verslag.pdf"
    ]  # fmt: skip


def test_print_failures_say_what_to_do_and_write_nothing(vault: Vault, tmp_path: Path) -> None:
    seeded = full_dossier(vault)
    vault.lock()
    target = tmp_path / "dossier.pdf"
    args = ("dossier", "--vault", str(vault.path), "--candidate")

    r = run(*args, seeded.candidate_id, "-o", str(target), passphrase="niet de goede zin")
    assert r.returncode == 3 and "wachtwoordzin" in r.stderr

    r = run(*args, "00000000-0000-0000-0000-000000000000", "-o", str(target))
    assert r.returncode == 2 and "Geen kandidaat gevonden" in r.stderr
    assert "Traceback" not in r.stderr

    r = run(*args, seeded.candidate_id, "-o", str(tmp_path / "nergens" / "d.pdf"))
    assert r.returncode == 2 and "bestaat niet" in r.stderr

    assert list(tmp_path.glob("*.pdf")) == []


def test_print_by_name_or_dossier_number(vault: Vault, tmp_path: Path) -> None:
    """The GUI shows a name and a dossier number, never an id: the command takes those
    (issue 14 §5). Several candidates of one name: their dossier numbers, no names."""
    from spt_desktop.services.dto import dossier_number

    seeded = full_dossier(vault)
    first = candidate(vault, "Anouk", "de Boer", {})
    second = candidate(vault, "Anouk", "de Boer", {})
    vault.lock()
    target = tmp_path / "dossier.pdf"
    args = ("dossier", "--vault", str(vault.path), "-o", str(target), "--candidate")

    r = run(*args, "joëlle VERHOEVEN")
    assert r.returncode == 0, r.stderr
    assert "Joëlle Verhoeven" in text(target.read_bytes())
    target.unlink()

    r = run(*args, dossier_number(seeded.candidate_id).lower())
    assert r.returncode == 0, r.stderr
    target.unlink()

    r = run(*args, "Anouk de Boer")
    assert r.returncode == 2 and "2 kandidaten passen bij deze naam" in r.stderr
    assert dossier_number(first) in r.stderr and dossier_number(second) in r.stderr
    assert "Anouk" not in r.stderr, r.stderr
    assert not target.exists()
