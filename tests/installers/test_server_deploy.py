"""The server deployment files of docs/deploy.md (installers/server/): units that systemd
accepts, an nginx upstream that matches the instances, a database URL without a password,
and backup/restore scripts that really dump and restore a PostgreSQL database."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "installers" / "server"
UNIT = SERVER / "spt-server@.service"
TARGET = SERVER / "spt-server.target"
NGINX = SERVER / "nginx-spt-server.conf"
ENV = SERVER / "spt-server.env"
BACKUP = SERVER / "spt-server-backup.sh"
RESTORE_TEST = SERVER / "spt-server-restore-test.sh"
SPT_SERVER = Path(sys.executable).with_name("spt-server")
INSTALLED_SPT_SERVER = "/opt/spt-server/venv/bin/spt-server"


def env_db_url() -> str:
    m = re.search(r'^SPT_DB="([^"]+)"$', ENV.read_text(encoding="utf-8"), re.M)
    assert m, 'SPT_DB="..." ontbreekt in spt-server.env'
    return m.group(1)


# --- static ---------------------------------------------------------------------------


def test_env_file_url_is_postgresql_over_the_socket_without_password() -> None:
    url = sa.make_url(env_db_url())
    assert url.drivername == "postgresql+psycopg"
    assert url.password is None
    assert url.query["host"].startswith("/")  # a socket folder: peer authentication


def test_unit_runs_each_instance_on_its_loopback_port() -> None:
    text = UNIT.read_text(encoding="utf-8")
    execs = re.findall(r"^ExecStart=(.*)$", text, re.M)
    assert len(execs) == 1
    words = execs[0].split()
    assert words[0] == INSTALLED_SPT_SERVER and words[1] == "serve"
    assert words[words.index("--host") + 1] == "127.0.0.1"
    assert words[words.index("--port") + 1] == "%i"
    assert words[words.index("--db") + 1] == "${SPT_DB}"
    for option in ("User=spt", "ProtectSystem=strict", "NoNewPrivileges=yes", "UMask=0077"):
        assert re.search(rf"^{re.escape(option)}$", text, re.M), option


def test_nginx_upstream_has_exactly_the_instances_the_target_starts() -> None:
    wanted = re.search(r"^Wants=(.*)$", TARGET.read_text(encoding="utf-8"), re.M)
    assert wanted
    ports = {int(p) for p in re.findall(r"spt-server@(\d+)\.service", wanted.group(1))}
    upstream = re.search(r"upstream spt_server \{(.*?)\}", NGINX.read_text(), re.S)
    assert upstream
    backends = {int(p) for p in re.findall(r"server 127\.0\.0\.1:(\d+);", upstream.group(1))}
    assert len(ports) >= 2
    assert ports == backends


def test_nginx_lets_the_servers_own_size_limit_answer() -> None:
    from spt_server.app import MAX_BODY

    text = NGINX.read_text(encoding="utf-8")
    m = re.search(r"client_max_body_size (\d+)(m?);", text)
    assert m
    if m.group(1) == "0":
        # nginx does not judge the size at all (its own refusal would log the laptop's
        # address) and streams the body on, so the server's limit applies at once.
        assert "proxy_request_buffering off;" in text
    else:
        assert m.group(2) == "m" and int(m.group(1)) * 1024 * 1024 > MAX_BODY


def test_nginx_sends_hsts_and_logs_no_addresses() -> None:
    text = NGINX.read_text(encoding="utf-8")
    assert re.search(r'add_header Strict-Transport-Security "max-age=\d{8,}[^"]*" always;', text)
    fmt = re.search(r"log_format spt_zonder_persoonsgegevens\s+(.*?);", text, re.S)
    assert fmt
    for variable in ("$remote_addr", "$request_uri", "$request ", "$args", "$http_"):
        assert variable not in fmt.group(1)
    assert "$uri" not in fmt.group(1)  # only the route with the record id blanked
    for log in re.findall(r"^\s*access_log (\S+)(?: (\S+))?;", text, re.M):
        assert log[0] == "off" or log[1] == "spt_zonder_persoonsgegevens"


def _verify(units: list[Path]) -> str:
    done = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *[u.name for u in units]],
        cwd=units[0].parent,
        capture_output=True,
        text=True,
    )
    return f"rc={done.returncode} {done.stdout}{done.stderr}".strip()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="geen systemd-analyze")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    """systemd-analyze verify, with the installed paths pointed at this checkout (it checks
    that ExecStart's program exists). Any warning fails, not only errors."""
    env = tmp_path / "env"
    env.write_text(ENV.read_text(encoding="utf-8"), encoding="utf-8")
    for unit in SERVER.glob("*.service"):
        text = unit.read_text(encoding="utf-8")
        text = text.replace(INSTALLED_SPT_SERVER, str(SPT_SERVER))
        text = text.replace("/opt/spt-server/spt-server-backup.sh", str(BACKUP))
        text = text.replace("/etc/spt-server/env", str(env))
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    for other in (*SERVER.glob("*.target"), *SERVER.glob("*.timer")):
        shutil.copy(other, tmp_path / other.name)
    (tmp_path / "spt-server@8081.service").symlink_to(tmp_path / "spt-server@.service")
    units = [
        tmp_path / "spt-server@8081.service",
        tmp_path / "spt-server.target",
        tmp_path / "spt-server-backup.service",
        tmp_path / "spt-server-backup.timer",
    ]
    assert _verify(units) == "rc=0"
    # The check can fail: a misspelt option is reported.
    broken = tmp_path / "spt-server-backup.service"
    broken.write_text(broken.read_text().replace("ProtectHome=yes", "ProtectHome=misschien"))
    assert _verify([broken]) != "rc=0"


def test_shell_scripts_parse() -> None:
    for script in (BACKUP, RESTORE_TEST):
        assert os.access(script, os.X_OK), f"{script.name} is niet uitvoerbaar"
        subprocess.run(["bash", "-n", str(script)], check=True)


# --- backup and restore on a real PostgreSQL ------------------------------------------


@pytest.fixture(scope="module")
def postgres() -> Iterator[dict[str, str]]:
    """libpq settings of a PostgreSQL superuser: SPT_TEST_POSTGRES_URL, or a throwaway
    cluster from scripts/start-test-postgres.sh."""
    tools = ("pg_dump", "pg_restore", "createdb", "dropdb")
    required = os.environ.get("SPT_REQUIRE_POSTGRES", "").strip() not in ("", "0")
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        (pytest.fail if required else pytest.skip)("ontbreekt: " + ", ".join(missing))
    url, folder = os.environ.get("SPT_TEST_POSTGRES_URL"), None
    if not url:
        done = subprocess.run(
            [str(ROOT / "scripts" / "start-test-postgres.sh")], capture_output=True, text=True
        )
        if done.returncode != 0:
            (pytest.fail if required else pytest.skip)("PostgreSQL start niet: " + done.stderr)
        url, folder = done.stdout.strip().splitlines()[-1], done.stderr.strip().splitlines()[-1]
    parts = urlsplit(url.replace("postgresql+psycopg", "postgresql", 1))
    yield {
        "PGHOST": parts.hostname or "127.0.0.1",
        "PGPORT": str(parts.port or 5432),
        "PGUSER": parts.username or "postgres",
        **({"PGPASSWORD": parts.password} if parts.password else {}),
    }
    if folder:
        subprocess.run(
            [str(ROOT / "scripts" / "start-test-postgres.sh"), "--stop", folder],
            capture_output=True,
        )


def _add_coach(db_url: str, email: str) -> None:
    """What ``spt-server add-coach`` does, in-process (the scripts under test run the CLI)."""
    from sqlalchemy.orm import Session

    from spt_server import setup
    from spt_server.db import make_engine

    engine = make_engine(db_url)
    try:
        with Session(engine) as s, s.begin():
            setup.add_coach(
                s,
                email=email,
                name="Test",
                roles=["jobcoach"],
                spt="spt_midden",
                password="tien-tekens-of-meer",
            )
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_backup_then_restore_test_on_postgresql(postgres: dict[str, str], tmp_path: Path) -> None:
    name = "spt_backup_" + uuid.uuid4().hex[:10]
    env = {**os.environ, **postgres, "PGDATABASE": name}
    subprocess.run(["createdb", name], check=True, env=env)
    try:
        # libpq takes the password from PGPASSWORD (in env) when there is one.
        db = f"postgresql+psycopg://{postgres['PGUSER']}@{postgres['PGHOST']}:{postgres['PGPORT']}/{name}"
        subprocess.run([str(SPT_SERVER), "init", "--db", db], env=env, check=True)
        _add_coach(db, "een@example.org")

        backups = tmp_path / "backups"
        done = subprocess.run(
            [str(BACKUP), str(backups)], env=env, capture_output=True, text=True, check=True
        )
        dumps = list(backups.glob("spt-*.dump"))
        assert len(dumps) == 1 and str(dumps[0]) in done.stdout
        assert stat.S_IMODE(dumps[0].stat().st_mode) == 0o600  # personal data
        assert not list(backups.glob(".*.part"))

        def restore_test() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [str(RESTORE_TEST), str(dumps[0]), str(SPT_SERVER)],
                env=env,
                capture_output=True,
                text=True,
            )

        first = restore_test()
        assert first.returncode == 0, first.stdout + first.stderr
        _add_coach(db, "twee@example.org")
        second = restore_test()
        assert second.returncode == 1
        assert '"coaches": 2' in second.stdout and '"coaches": 1' in second.stdout
        # The scratch databases are gone again.
        listed = subprocess.run(
            ["psql", "-Atc", "SELECT datname FROM pg_database"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "spt_restore_test_" not in listed
    finally:
        subprocess.run(["dropdb", "--if-exists", name], env=env, check=False)
