"""The network a coach's laptop really has (issue 17 §1): a server certificate from the
organisation's own CA, the system's trust store, a certificate problem worded as one (its
own message and exit code, not "niet bereikbaar"), and the office proxy. Real parts: the
SPT server under uvicorn with TLS on 127.0.0.1, ``spt-desktop`` in its own process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import certifi
import pytest

from spt_desktop.cli.messages import CERTIFICATE
from spt_desktop.errors import Code, Reason
from spt_desktop.models.vault import Vault
from tests.support.server_kit import (
    PASSPHRASE,
    Admin,
    LiveServer,
    add_candidate,
    count,
    make_db,
    make_vault,
)

trustme = pytest.importorskip("trustme")
from tests.support.tls_kit import ConnectProxy, ca_file, desktop, server_cert  # noqa: E402


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    """The municipality's own CA: in no public list, trusted only where IT installed it."""
    return trustme.CA(organization_name="Gemeente Voorbeeld intern")


@pytest.fixture
def tls_server(tmp_path: Path, ca: trustme.CA) -> Iterator[tuple[LiveServer, Admin]]:
    """The SPT server with a certificate of that CA, and one coach account (anna@spt.nl)."""
    db = make_db("sqlite", tmp_path, None)
    admin = Admin(db)
    admin.add_coach("anna@spt.nl")
    live = LiveServer(db, tls=server_cert(ca, tmp_path, "127.0.0.1")).start()
    yield live, admin
    live.stop()
    admin.close()


def linked_vault(tmp_path: Path, url: str, trust: dict[str, str]) -> Path:
    """Anna's vault, linked to the server (with ``trust``), holding one candidate that
    is not synced yet."""
    path = tmp_path / "anna.sptvault"
    vault = make_vault(path)
    vault.lock()
    login = desktop(
        "login", "--vault", str(path), "--server", url, "--email", "anna@spt.nl", env=trust
    )
    assert login.returncode == 0, login.stderr
    vault.unlock(PASSPHRASE)
    add_candidate(vault)
    vault.lock()
    return path


def outbox(path: Path) -> int:
    vault = Vault(path)
    vault.unlock(PASSPHRASE)
    try:
        return count(vault, "outbox")
    finally:
        vault.lock()


def test_a_certificate_the_laptop_does_not_trust_is_said_as_such_not_unreachable(
    tmp_path: Path, tls_server: tuple[LiveServer, Admin], ca: trustme.CA
) -> None:
    live, admin = tls_server
    trusted = {"SSL_CERT_FILE": str(ca_file(ca, tmp_path))}
    path = linked_vault(tmp_path, live.url, trusted)
    waiting = outbox(path)
    assert waiting > 0

    # A laptop without the organisation's CA: its own message and exit code; the server
    # is reachable, so "niet bereikbaar" (exit 4, the old answer) would send IT the wrong
    # way. Nothing is lost.
    refused = desktop("sync", "--vault", str(path))
    assert refused.returncode == CERTIFICATE == 6, refused.stderr
    assert "certificaat van de server niet" in refused.stderr
    assert "certificaatautoriteit die deze laptop niet kent" in refused.stderr
    assert "niet bereikbaar" not in refused.stderr
    assert "Traceback" not in refused.stderr
    assert outbox(path) == waiting
    assert admin.stats()["candidates"] == 0

    # Once the CA is installed (here: SSL_CERT_FILE, which OpenSSL and so the trust store
    # on Linux read), the same sync goes through.
    synced = desktop("sync", "--vault", str(path), "--json", env=trusted)
    assert synced.returncode == 0, synced.stderr
    assert '"pushed": ' + str(waiting) in synced.stdout
    assert outbox(path) == 0
    assert admin.stats()["candidates"] == 1


@pytest.mark.skipif(shutil.which("openssl") is None, reason="geen openssl om te hashen")
def test_the_system_trust_store_is_used_not_a_bundled_list(
    tmp_path: Path, tls_server: tuple[LiveServer, Admin], ca: trustme.CA
) -> None:
    """On Linux the system store is OpenSSL's: a bundle file and a hashed directory of
    certificates (what ``update-ca-certificates`` / ``c_rehash`` make). IT puts the
    organisation's CA in the directory; the file stays the public list. The app trusts
    both, as every program of the system does (curl, the browser via NSS aside). Before
    issue 17 the app read only the file (httpx's bundled list, or SSL_CERT_FILE)."""
    live, admin = tls_server
    path = linked_vault(tmp_path, live.url, {"SSL_CERT_FILE": str(ca_file(ca, tmp_path))})
    store = tmp_path / "certs"
    store.mkdir()
    pem = ca_file(ca, tmp_path)
    digest = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(pem)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    shutil.copy(pem, store / f"{digest}.0")
    system = {"SSL_CERT_FILE": certifi.where(), "SSL_CERT_DIR": str(store)}

    synced = desktop("sync", "--vault", str(path), env=system)
    assert synced.returncode == 0, synced.stderr
    assert admin.stats()["candidates"] == 1

    # The public list alone does not hold the organisation's CA: refused as a certificate.
    again = desktop("sync", "--vault", str(path), env={"SSL_CERT_FILE": certifi.where()})
    assert again.returncode == CERTIFICATE, again.stderr


def test_sync_goes_through_the_office_proxy(
    tmp_path: Path, tls_server: tuple[LiveServer, Admin], ca: trustme.CA
) -> None:
    """HTTPS_PROXY (on Windows and macOS also the system setting) is honoured: the sync
    tunnels through the proxy, and NO_PROXY exempts the server again."""
    live, admin = tls_server
    trusted = {"SSL_CERT_FILE": str(ca_file(ca, tmp_path))}
    path = linked_vault(tmp_path, live.url, trusted)
    proxy = ConnectProxy()
    try:
        synced = desktop("sync", "--vault", str(path), env=trusted | {"HTTPS_PROXY": proxy.url})
        assert synced.returncode == 0, synced.stderr
        assert proxy.tunnels == [f"127.0.0.1:{live.port}"]
        assert admin.stats()["candidates"] == 1

        direct = desktop(
            "sync",
            "--vault",
            str(path),
            env=trusted | {"HTTPS_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"},
        )
        assert direct.returncode == 0, direct.stderr
        assert len(proxy.tunnels) == 1
    finally:
        proxy.close()


@pytest.mark.parametrize(
    ("names", "valid", "reason"),
    [
        (("localhost",), None, Reason.CERT_WRONG_HOST),  # made out to another name
        (("127.0.0.1",), "expired", Reason.CERT_EXPIRED),
    ],
)
def test_the_message_says_what_is_wrong_with_the_certificate(
    tmp_path: Path,
    ca: trustme.CA,
    monkeypatch: pytest.MonkeyPatch,
    names: tuple[str, ...],
    valid: str | None,
    reason: Reason,
) -> None:
    from spt_desktop.cli import messages
    from spt_desktop.sync.transport import CertificateRefused, Transport

    kw = {}
    if valid == "expired":
        now = datetime.now(UTC)
        kw = {"not_before": now - timedelta(days=400), "not_after": now - timedelta(days=35)}
    db = make_db("sqlite", tmp_path, None)
    live = LiveServer(db, tls=server_cert(ca, tmp_path, *names, **kw)).start()
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file(ca, tmp_path)))  # the CA is trusted
    try:
        with Transport(live.url, retries=3) as t, pytest.raises(CertificateRefused) as err:
            t.post("/auth/refresh", {"refresh_token": "x" * 20})
        assert t.requests == 1  # the same certificate would come back: not retried
    finally:
        live.stop()
    assert err.value.code is Code.CERTIFICATE
    assert err.value.params == {"reason": reason.value}
    assert messages.REASONS[reason] in messages.text(err.value)
