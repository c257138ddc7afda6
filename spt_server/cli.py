"""``spt-server``: set up and run the central SPT server.

Exit codes as the desktop's: 0 ok, 1 error, 2 usage, 3 credentials, 4 unreachable.
The password of a new account comes from SPT_PASSWORD, else a prompt.
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

OK, ERROR, USAGE, AUTH, UNREACHABLE = 0, 1, 2, 3, 4
DEFAULT_RETENTION = 24  # months; spt_server.privacy.DEFAULT_MONTHS (not imported: slow)


class CliError(Exception):
    def __init__(self, message: str, code: int = ERROR) -> None:
        super().__init__(message)
        self.message, self.code = message, code


def default_db() -> str:
    """The embedded SQLite database in the server's data directory."""
    from platformdirs import user_data_dir

    base = Path(os.environ.get("SPT_SERVER_DATA") or user_data_dir("spt-server", "SPT"))
    base.mkdir(mode=0o700, parents=True, exist_ok=True)  # new: private to this user
    return f"sqlite:///{base / 'spt-server.db'}"


def _engine(args: argparse.Namespace) -> Any:
    import sqlalchemy as sa

    from spt_server.db import make_engine
    from spt_server.security import SecretFileError

    try:
        engine = make_engine(args.db or default_db())
        with engine.connect():
            pass
    except SecretFileError as exc:  # a database file others can read
        raise CliError(exc.message, ERROR) from None
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError):
        raise CliError("Ongeldige database-URL.", USAGE) from None
    except sa.exc.OperationalError:
        raise CliError("De database is niet bereikbaar.", UNREACHABLE) from None
    return engine


def _session(args: argparse.Namespace) -> Any:
    from sqlalchemy.orm import Session

    return Session(_engine(args))


def _password() -> str:
    value = os.environ.get("SPT_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError("SPT_PASSWORD is niet gezet en er is geen terminal.", USAGE)
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nogmaals ter controle: ") != first:
        raise CliError("De twee invoeren zijn niet gelijk.", USAGE)
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from spt_server.setup import upgrade

    _signing_key_config(args)  # with a key file or key, the database gets no key
    upgrade(_engine(args))
    print("Database klaar.")
    return OK


def cmd_add_coach(args: argparse.Namespace) -> int:
    from spt_server import setup

    roles = setup.parse_roles(args.role)
    password = _password()
    with _session(args) as s, s.begin():
        coach_id = setup.add_coach(
            s, email=args.email, name=args.name, roles=roles, spt=args.spt, password=password
        )
    print(coach_id)
    return OK


def _assign(args: argparse.Namespace, active: bool) -> int:
    from spt_server import setup

    with _session(args) as s, s.begin():
        setup.assign(s, args.candidate, args.coach, getattr(args, "role", None), active)
    return OK


# --- erasure and retention (spt_server.privacy) ------------------------------------


def cmd_erase(args: argparse.Namespace) -> int:
    from spt_server import privacy

    try:
        with _session(args) as s, s.begin():
            done = privacy.erase(s, args.candidate, actor=None)
    except privacy.NotFound:
        raise CliError("Geen kandidaat met deze id.", USAGE) from None
    print(
        f"Kandidaat gewist: {done.records} record(s) zonder inhoud, "
        f"{done.scopes} coach(es) wissen het dossier bij de volgende synchronisatie."
    )
    return OK


def _months(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 1200:
        raise ValueError(text)
    return value


def cmd_retention(args: argparse.Namespace) -> int:
    from spt_server import privacy, setup

    if args.spt not in setup.SPTS:
        raise CliError("Onbekend SPT; kies uit: " + ", ".join(setup.SPTS), USAGE)
    with _session(args) as s, s.begin():
        if args.months is not None:
            privacy.set_retention(s, args.spt, args.months, actor=None)
        months = privacy.retention_months(s, args.spt)
    print(f"{args.spt}: afgesloten dossiers worden {months} maanden na afsluiten gewist.")
    return OK


def _day(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def cmd_enforce_retention(args: argparse.Namespace) -> int:
    from datetime import date

    from sqlalchemy.orm import sessionmaker

    from spt_server import privacy

    n = privacy.enforce_retention(sessionmaker(_engine(args)), args.today or date.today())
    print(f"{n} afgesloten dossier(s) gewist na de bewaartermijn.")
    return OK


def cmd_dedupe_assignments(args: argparse.Namespace) -> int:
    from spt_server import store

    with _session(args) as s, s.begin():
        n = store.dedupe_assignments(s)
    print(f"{n} dubbele toewijzing(en) verwijderd.")
    return OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s, s.begin():
        n = setup.revoke_device(s, device_id=args.device, email=args.email)
    print(f"{n} apparaat/apparaten ingetrokken.")
    return OK


def cmd_devices(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s:
        for row in setup.devices(s, email=args.email):
            print(json.dumps(row))
    return OK


def cmd_set_roles(args: argparse.Namespace) -> int:
    from spt_server import setup

    roles = setup.parse_roles(args.role)
    with _session(args) as s, s.begin():
        setup.set_roles(s, email=args.email, roles=roles)
    print(
        "Rollen gezet: " + ", ".join(roles) + ". Bij de volgende synchronisatie krijgen haar "
        "apparaten wat erbij hoort, en verdwijnt wat er niet meer bij hoort."
    )
    return OK


def cmd_deactivate(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s, s.begin():
        n = setup.deactivate(s, email=args.email)
    print(
        f"Account uitgeschakeld; {n} apparaat/apparaten ingetrokken (hun kluis wordt "
        "gewist zodra ze de server bereiken)."
    )
    return OK


def cmd_reactivate(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s, s.begin():
        setup.reactivate(s, email=args.email)
    print(
        "Account weer actief; de coach meldt aan op een nieuwe kluis (haar oude "
        "apparaten blijven ingetrokken)."
    )
    return OK


def cmd_audit(args: argparse.Namespace) -> int:
    from datetime import datetime

    from spt_server import audit

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise CliError("Ongeldige datum bij --since; gebruik JJJJ-MM-DD.", USAGE) from None
    with _session(args) as s:
        for row in audit.entries(s, since=since, limit=args.limit):
            print(json.dumps(row.as_dict()))
    return OK


def cmd_stats(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s:
        json.dump(setup.stats(s), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return OK


def cmd_check_codes(args: argparse.Namespace) -> int:
    from spt_server.codecheck import bad_codes

    found = 0
    for bad in bad_codes(_engine(args)):
        if not found:
            print("Records met een code die SPT Desktop niet kent (entiteit, id, velden):")
        found += 1
        print(f"{bad.entity}  {bad.record_id}  {', '.join(bad.fields)}")
    if not found:
        print("Geen records met een onbekende code.")
        return OK
    print(
        f"{found} record(s) met een onbekende code. De laptops houden deze wijzigingen vast "
        "zonder dat de synchronisatie stopt; corrigeer ze in de app (zie docs/deploy.md)."
    )
    return ERROR


# Seconds an idle keep-alive connection stays open (uvicorn's default is 5). Longer than
# any client keeps one in its pool: the client then always drops an idle connection first.
# With the two equal (httpx, the desktop's client: 5 s), a client reusing a connection
# just under 5 s old raced the server closing it, and its request failed on a closed
# connection (the connection errors of bench/load_server.py at 200 devices, issue 18).
# nginx keeps its upstream connections (installers/server/nginx-spt-server.conf:
# ``keepalive``) up to its ``keepalive_timeout`` of 60 s by default; a POST it cannot
# send on one is not retried there but answered 502. Hence above 60 s, as for any load
# balancer's idle timeout.
KEEP_ALIVE = 75


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from spt_server import onewrite
    from spt_server.app import SERVE_DB_ENV, create_app, settle_heap, warm
    from spt_server.db import MAX_OVERFLOW_ENV, POOL_SIZE_ENV, POOL_TIMEOUT_ENV
    from spt_server.setup import upgrade

    url = args.db or default_db()
    _signing_key_config(args)
    if args.pool_size is not None:
        os.environ[POOL_SIZE_ENV] = str(args.pool_size)
    if args.max_overflow is not None:
        os.environ[MAX_OVERFLOW_ENV] = str(args.max_overflow)
    if args.pool_timeout is not None:
        os.environ[POOL_TIMEOUT_ENV] = str(args.pool_timeout)
    engine = _engine(args)
    try:
        if url.startswith("sqlite"):
            upgrade(engine)  # the embedded default works without a separate init
        else:
            _check_connections(engine, args)
    finally:
        engine.dispose()
    if bool(args.tls_cert) != bool(args.tls_key):
        raise CliError("Geef --tls-cert en --tls-key samen.", USAGE)
    _client_versions(args)
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.tls_cert,
        "ssl_keyfile": args.tls_key,
        "log_level": args.log_level,
        "access_log": False,  # paths carry record ids; keep logs free of them
        "timeout_keep_alive": KEEP_ALIVE,
        # Each answer in one write to the socket, not its head and body apart.
        "http": onewrite.protocol(),
    }
    if args.workers > 1:
        # Worker processes (uvicorn starts them fresh, each with its own pool), one port:
        # each makes its app from the environment. The retention job runs here, once.
        os.environ[SERVE_DB_ENV] = url
        if not args.no_retention:
            from spt_server import privacy
            from spt_server.db import make_engine, session_factory

            privacy.start_daily(session_factory(make_engine(url)))
        uvicorn.run("spt_server.app:app_from_env", factory=True, workers=args.workers, **options)
        return OK
    app = create_app(url)
    if not args.no_retention:
        from spt_server import privacy

        privacy.start_daily(app.state.server.sessions)  # once a day, beside the API
    warm(app.state.server)
    settle_heap()
    uvicorn.run(app, **options)
    return OK


def _check_connections(engine: Any, args: argparse.Namespace) -> None:
    """Refuse to serve with more PostgreSQL connections than the database allows: the
    pools would open them only under load, and there the connections past the limit
    fail (``too many clients``) and their requests with them."""
    from spt_server.db import connections_allowed, connections_per_process, pool_config

    per = connections_per_process()
    # The parent of several workers runs the retention job on a connection of its own.
    needed = args.workers * per + (1 if args.workers > 1 and not args.no_retention else 0)
    with engine.connect() as conn:
        most, allowed = connections_allowed(conn)
    if needed > allowed:
        size, overflow = pool_config()
        raise CliError(
            f"Te veel databaseverbindingen: {args.workers} proces(sen) × {per} (pool {size} "
            f"+ overflow {overflow} + 1 voor de revisies) = {needed}, en PostgreSQL staat er "
            f"{allowed} toe (max_connections {most}, de rest is gereserveerd). Verlaag "
            "--workers, --pool-size of --max-overflow, of verhoog max_connections.",
            USAGE,
        )


def _workers(text: str) -> int:
    """A whole number from 1 to 256 (argparse turns the ValueError into a usage error)."""
    value = int(text)
    if not 1 <= value <= 256:
        raise ValueError(text)
    return value


def _overflow(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 256:
        raise ValueError(text)
    return value


def _seconds(text: str) -> float:
    """Seconds, more than 0 and at most an hour."""
    value = float(text)
    if not 0 < value <= 3600:
        raise ValueError(text)
    return value


def _client_versions(args: argparse.Namespace) -> None:
    """Apply ``--min-client-version`` / ``--recommended-client-version`` (as the
    environment variables the app reads, spt_server/clients.py) and check both now, so a
    typo stops the server with a usage error instead of letting every version through."""
    from spt_common import protocol as p
    from spt_server.clients import BadVersion, ClientPolicy

    for value, env in (
        (args.min_client_version, p.MIN_CLIENT_VERSION_ENV),
        (args.recommended_client_version, p.RECOMMENDED_CLIENT_VERSION_ENV),
    ):
        if value is not None:
            os.environ[env] = value
    try:
        ClientPolicy.from_env()
    except BadVersion as exc:
        raise CliError(str(exc), USAGE) from None


def _count(text: str) -> int:
    """A whole number from 1 to 1,000,000 (argparse turns the ValueError into a usage error)."""
    value = int(text)
    if not 1 <= value <= 1_000_000:
        raise ValueError(text)
    return value


# --- secrets: the signing keys (docs/deploy.md, "Geheimen en sleutels") -------------------


def _secret_errors(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A SecretFileError (an unsafe, missing or damaged key file) as a CLI error."""

    def run(args: argparse.Namespace) -> int:
        from spt_server.security import SecretFileError

        try:
            return fn(args)
        except SecretFileError as exc:
            raise CliError(exc.message, ERROR) from None

    return run


def _signing_key_config(args: argparse.Namespace) -> None:
    """Apply ``--signing-key-file`` (as SPT_SIGNING_KEY_FILE, which the app reads) and
    check the configured keys now, so a bad key file stops the command with its fix."""
    from spt_server import security

    if getattr(args, "signing_key_file", None):
        os.environ[security.KEY_FILE_ENV] = str(Path(args.signing_key_file).absolute())
    try:
        security.configured_keys()
    except security.SecretFileError as exc:
        raise CliError(exc.message, ERROR) from None


def _when(moment: int) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _audit_keys(engine: Any, args: argparse.Namespace, action: str, kids: list[str]) -> None:
    """Log each key by its id (a one-way hash of the key: no key material in the log).

    A database not made yet (the deployment's order: the key file first, then ``init
    --signing-key-file``) is brought to the schema first, with this key file as the
    configured source, so it gets no key of its own (as ``init`` with the option)."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from spt_server import audit, security
    from spt_server.setup import upgrade

    if not sa.inspect(engine).has_table("admin_audit"):
        configured = security.key_source_configured()
        if not configured:
            os.environ[security.KEY_FILE_ENV] = str(Path(args.file).absolute())
        try:
            upgrade(engine)
        finally:
            if not configured:
                os.environ.pop(security.KEY_FILE_ENV, None)
    with Session(engine) as s, s.begin():
        for kid in kids:
            audit.log(s, action, "key", kid, actor=None)


@_secret_errors
def cmd_key_new(args: argparse.Namespace) -> int:
    import time

    from spt_server import security

    if args.activate_in < 0:
        raise CliError("--activate-in is een aantal minuten, 0 of meer.", USAGE)
    engine = _engine(args)  # its audit log: reachable before the file changes
    key = security.add_new_key(Path(args.file), delay=args.activate_in * 60)
    _audit_keys(engine, args, "signing_key_new", [key.kid])
    if key.signs_from <= time.time():
        print(f"Sleutel {key.kid} gemaakt in {args.file}; hij tekent meteen.")
    else:
        print(
            f"Sleutel {key.kid} toegevoegd aan {args.file}; de oude blijven geldig. Hij "
            f"tekent vanaf {_when(key.signs_from)}. Elke serverinstantie die dit bestand "
            "gebruikt, kent hem binnen een seconde (zonder herstart); zet het bestand vóór "
            "dat moment ook bij servers op andere machines."
        )
    return OK


@_secret_errors
def cmd_key_retire(args: argparse.Namespace) -> int:
    from spt_server import security

    path = Path(args.file)
    ring = security.read_key_file(path)
    engine = _engine(args)  # its audit log: reachable before the file changes
    kept = security.retire_keys(ring)
    gone = [k.kid for k in ring.keys if k not in kept.keys]
    if not gone:
        print(
            "Geen sleutel om af te voeren: elke oude sleutel kan nog geldige tokens hebben "
            f"getekend (tot {security.ACCESS_TTL // 60} minuten nadat een nieuwere begon)."
        )
        return OK
    security.write_key_file(path, kept)
    _audit_keys(engine, args, "signing_key_retire", gone)
    print(
        f"Afgevoerd: {', '.join(gone)}. Elke serverinstantie die dit bestand gebruikt, "
        "weigert hun tokens binnen een seconde (zonder herstart); zet het bestand ook bij "
        "servers op andere machines."
    )
    return OK


@_secret_errors
def cmd_key_move_out(args: argparse.Namespace) -> int:
    from spt_server import setup

    with _session(args) as s, s.begin():
        key = setup.move_key_out(s, Path(args.file))
    print(
        f"Sleutel {key.kid} staat nu in {args.file} en niet meer in de database. Start de "
        f"server(s) voortaan met SPT_SIGNING_KEY_FILE={args.file}. Maak daarna een nieuwe "
        "sleutel (signing-key new) en voer deze af (signing-key retire): hij staat nog in "
        "de back-ups van de database."
    )
    return OK


@_secret_errors
def cmd_key_list(args: argparse.Namespace) -> int:
    import time

    from spt_server import security

    ring = security.read_key_file(Path(args.file))
    signer, now = ring.signer(), time.time()
    for key in ring.keys:
        state = "tekent" if key == signer else "wacht" if key.signs_from > now else "geldig"
        print(f"{key.kid}  {state:6}  tekent vanaf {_when(key.signs_from)}")
    return OK


def _add_signing_key_commands(sub: Any) -> None:
    """``spt-server signing-key new|retire|move-out|list --file F``."""
    sp = sub.add_parser("signing-key", help="sleutels die aanmeldingen ondertekenen")
    actions = sp.add_subparsers(dest="key_command", metavar="ACTIE", required=True)
    file_help = "het sleutelbestand (alleen leesbaar voor de server: 600)"
    for name, fn, what in (
        ("new", cmd_key_new, "voeg een nieuwe sleutel toe; de oude blijven geldig"),
        ("retire", cmd_key_retire, "voer sleutels af die geen geldig token meer dragen"),
        ("move-out", cmd_key_move_out, "verplaats de sleutel uit de database naar het bestand"),
        ("list", cmd_key_list, "toon de sleutels (ids en tijden, geen geheimen)"),
    ):
        action = actions.add_parser(name, help=what)
        action.add_argument("--file", required=True, help=file_help)
        action.set_defaults(handler=fn)
        if name == "new":
            action.add_argument(
                "--activate-in",
                type=int,
                default=10,
                metavar="MINUTEN",
                help="tekent pas na zoveel minuten (standaard 10; herstart eerst elke "
                "instantie). De eerste sleutel van een nieuw bestand tekent meteen.",
            )
        if name in ("new", "retire", "move-out"):
            # new and retire: the database whose audit log records the act.
            action.add_argument("--db", help="database-URL (standaard: SQLite in de datamap)")


def _add_key_file_option(sp: Any) -> None:
    sp.add_argument(
        "--signing-key-file",
        help="sleutelbestand voor de tokens (als SPT_SIGNING_KEY_FILE); zonder: de sleutel "
        "in de database",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spt-server", description="De centrale SPT-server.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, fn: Callable[[argparse.Namespace], int], help: str) -> Any:
        sp = sub.add_parser(name, help=help)
        sp.add_argument("--db", help="database-URL (standaard: SQLite in de datamap)")
        sp.set_defaults(handler=fn)
        return sp

    _add_key_file_option(add("init", cmd_init, "maak of werk de database bij"))
    sp = add("add-coach", cmd_add_coach, "voeg een coach toe")
    sp.add_argument("--email", required=True)
    sp.add_argument("--name", required=True)
    sp.add_argument("--role", required=True, help="rol of rollen, komma-gescheiden")
    sp.add_argument("--spt", required=True)
    for name, active, what in (
        ("assign", True, "wijs een kandidaat toe aan een coach"),
        ("unassign", False, "haal een kandidaat weg bij een coach (de kluis wist hem)"),
    ):
        sp = add(name, functools.partial(_assign, active=active), what)
        sp.add_argument("--candidate", required=True)
        sp.add_argument("--coach", required=True, help="e-mailadres van de coach")
        if active:
            sp.add_argument("--role", help="rol (standaard: de eerste rol van de coach)")
    sp = add("revoke-device", cmd_revoke, "trek een apparaat in (wist de kluis bij contact)")
    sp.add_argument("--device", help="apparaat-id")
    sp.add_argument("--email", help="alle apparaten van deze coach")
    sp = add(
        "devices",
        cmd_devices,
        "de apparaten van een coach (JSON-regels, met de versie van SPT Desktop), voor "
        "revoke-device",
    )
    sp.add_argument("--email", required=True, help="e-mailadres van de coach")
    sp = add(
        "deactivate",
        cmd_deactivate,
        "schakel het account van een coach uit: geen aanmelding meer, alle apparaten ingetrokken",
    )
    sp.add_argument("--email", required=True, help="e-mailadres van de coach")
    sp = add(
        "set-roles",
        cmd_set_roles,
        "geef een coach andere rollen (vervangt de oude); een loket- of coördinatorrol "
        "brengt ook de eerdere loketvragen en aanmeldingen van haar SPT, en haalt ze weer "
        "van haar apparaten als ze die rol kwijtraakt",
    )
    sp.add_argument("--email", required=True, help="e-mailadres van de coach")
    sp.add_argument("--role", required=True, help="rol of rollen, komma-gescheiden")
    sp = add(
        "reactivate",
        cmd_reactivate,
        "schakel een account weer in (aanmelden op een nieuw apparaat; oude blijven ingetrokken)",
    )
    sp.add_argument("--email", required=True, help="e-mailadres van de coach")
    add("stats", cmd_stats, "aantallen per soort gegevens (JSON)")
    sp = add(
        "audit", cmd_audit, "het auditlog van beheer: wie trok in, wiste, wees toe (JSON-regels)"
    )
    sp.add_argument("--since", help="vanaf deze datum (JJJJ-MM-DD)")
    sp.add_argument(
        "--limit", type=_count, default=1000, help="hoogstens zoveel regels (de nieuwste)"
    )
    sp = add(
        "erase",
        cmd_erase,
        "wis een kandidaat (AVG art. 17): alles over haar, op de server en elk apparaat",
    )
    sp.add_argument("--candidate", required=True, help="id van de kandidaat")
    sp = add(
        "retention",
        cmd_retention,
        "toon of zet de bewaartermijn van een SPT: afgesloten dossiers worden zoveel "
        f"maanden na afsluiten gewist (standaard {DEFAULT_RETENTION}; een startwaarde, "
        "geen juridisch advies: de privacyfunctionaris van het SPT stelt hem vast)",
    )
    sp.add_argument("--spt", required=True)
    sp.add_argument("--months", type=_months, help="nieuwe termijn in maanden (1-1200)")
    sp = add(
        "enforce-retention",
        cmd_enforce_retention,
        "wis de afgesloten dossiers waarvan de bewaartermijn voorbij is (doet serve ook dagelijks)",
    )
    sp.add_argument("--today", type=_day, help="rekenen alsof het deze dag is (JJJJ-MM-DD)")
    add(
        "dedupe-assignments",
        cmd_dedupe_assignments,
        "verwijder dubbele toewijzingen (zelfde kandidaat, coach en rol)",
    )
    add(
        "check-codes",
        cmd_check_codes,
        "zoek opgeslagen records met een code die SPT Desktop niet kent (van voor de "
        "controle van codes); toont entiteit, id en veldnamen, nooit de waarden; "
        "afsluitcode 1 als er zijn",
    )
    sp = add("serve", cmd_serve, "start de server")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8080)
    sp.add_argument("--tls-cert", help="certificaat (PEM), voor gebruik zonder proxy")
    sp.add_argument("--tls-key", help="sleutel (PEM)")
    sp.add_argument("--log-level", default="warning")
    sp.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="aantal serverprocessen op deze poort (standaard 1; richtlijn: één per kern)",
    )
    sp.add_argument(
        "--pool-size",
        type=_workers,
        help="databaseverbindingen per proces (PostgreSQL; standaard 16)",
    )
    sp.add_argument(
        "--max-overflow",
        type=_overflow,
        help="extra verbindingen per proces boven de pool (standaard 4)",
    )
    sp.add_argument(
        "--pool-timeout",
        type=_seconds,
        metavar="SECONDEN",
        help="zo lang wacht een verzoek op een vrije databaseverbinding; daarna antwoordt de "
        "server 503 met Retry-After (standaard 30; ook: SPT_DB_POOL_TIMEOUT)",
    )
    sp.add_argument(
        "--min-client-version",
        metavar="VERSIE",
        help="oudere versies van SPT Desktop mogen niet synchroniseren en krijgen de melding "
        "dat ze moeten bijwerken (ook: SPT_MIN_CLIENT_VERSION)",
    )
    sp.add_argument(
        "--recommended-client-version",
        metavar="VERSIE",
        help="oudere versies van SPT Desktop synchroniseren gewoon, met het advies om bij te "
        "werken (ook: SPT_RECOMMENDED_CLIENT_VERSION)",
    )
    sp.add_argument(
        "--no-retention",
        action="store_true",
        help="de bewaartermijn niet dagelijks zelf handhaven (bijv. met een systemd-timer)",
    )
    _add_key_file_option(sp)
    _add_signing_key_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from spt_server.setup import AdminError

    try:
        code: int = args.handler(args)
        return code
    except AdminError as exc:
        print(f"spt-server: {exc}", file=sys.stderr)
        return USAGE
    except CliError as exc:
        print(f"spt-server: {exc.message}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
