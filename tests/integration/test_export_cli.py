"""`spt-desktop export` as a real process: the AVG access request."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from spt_common.enums import ConsentPurpose
from spt_desktop.services import Services
from tests.conftest import PASSPHRASE


def run(*args: str, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPT_PASSPHRASE": passphrase}
    return subprocess.run(
        [sys.executable, "-m", "spt_desktop", *args],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip


def test_export_one_and_all(vault):
    svc = Services(vault)
    profile = {"last_name": "Öztürk", "municipality": "Haarlem", "referral_source": "gemeente",
               "persona": "employed_outside_tech", "benefit_status": "none"}  # fmt: skip
    a = svc.candidates.register(
        {**profile, "first_name": "Emre"}, {ConsentPurpose.PROCESSING: True}
    )
    svc.candidates.register({**profile, "first_name": "Derya"}, {ConsentPurpose.PROCESSING: True})
    svc.visits.log(a.id, {"topics": "Eerste werkdag"})
    path = str(vault.path)
    vault.lock()

    one = run("export", "--vault", path, "--candidate", a.id)
    assert one.returncode == 0, one.stderr
    doc = json.loads(one.stdout)
    (cand,) = doc["candidates"]
    assert (cand["id"], cand["first_name"], cand["last_name"]) == (a.id, "Emre", "Öztürk")
    assert cand["visits"][0]["topics"] == "Eerste werkdag"

    everyone = json.loads(run("export", "--vault", path).stdout)
    assert {c["first_name"] for c in everyone["candidates"]} == {"Emre", "Derya"}


def test_export_errors_are_one_dutch_line_with_exit_code(vault):
    path = str(vault.path)
    vault.lock()
    wrong = run("export", "--vault", path, passphrase="dit is niet de wachtwoordzin")
    assert wrong.returncode == 3 and wrong.stdout == ""
    assert "wachtwoordzin klopt niet" in wrong.stderr and "Traceback" not in wrong.stderr
    missing = run("export", "--vault", path, "--candidate", "bestaat-niet")
    assert missing.returncode == 2 and "Geen kandidaat gevonden" in missing.stderr  # usage
    assert "Traceback" not in missing.stderr
