"""The version handshake, server side: which desktop versions may sync.

Every request of SPT Desktop names its version and protocol (``spt_common.protocol``,
"the version handshake"). The administrator sets a minimum client version (and, if she
likes, a recommended one) with ``spt-server serve --min-client-version`` /
``--recommended-client-version`` or the environment variables ``SPT_MIN_CLIENT_VERSION`` /
``SPT_RECOMMENDED_CLIENT_VERSION`` (docs/deploy.md). A client older than the minimum is
refused with 426 and ``update_required`` before any handler runs, so nothing of its
request is applied (its outbox stays on the laptop, sent again after the update); an
older one than the recommended gets its answers as usual, with ``X-SPT-Update:
recommended``. ``/health`` is never refused: monitoring and load balancers call it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spt_common import protocol as p
from spt_server import __version__

_CLIENT = p.CLIENT_VERSION_HEADER.lower().encode()
_PROTOCOL = p.PROTOCOL_HEADER.lower().encode()
_UPDATE = p.UPDATE_HEADER.lower().encode()
_EXEMPT = frozenset({f"{p.API_PREFIX}/health"})


class BadVersion(ValueError):
    """A configured version that is not one to four dotted whole numbers."""


def _configured(env: str) -> tuple[int, ...] | None:
    text = os.environ.get(env, "").strip()
    if not text:
        return None
    version = p.parse_version(text)
    if version is None:
        raise BadVersion(f"{env}={text!r} is geen versie (zoals 0.2.0)")
    return version


@dataclass(frozen=True)
class ClientPolicy:
    """The versions the server asks of clients (None: no such limit)."""

    minimum: tuple[int, ...] | None = None
    recommended: tuple[int, ...] | None = None

    @classmethod
    def from_env(cls) -> ClientPolicy:
        """The policy of ``SPT_MIN_CLIENT_VERSION`` / ``SPT_RECOMMENDED_CLIENT_VERSION``;
        ``BadVersion`` when one is set to something else than a version."""
        return cls(
            minimum=_configured(p.MIN_CLIENT_VERSION_ENV),
            recommended=_configured(p.RECOMMENDED_CLIENT_VERSION_ENV),
        )

    @property
    def active(self) -> bool:
        return self.minimum is not None or self.recommended is not None


def _shown(version: tuple[int, ...]) -> str:
    return ".".join(str(x) for x in (*version, 0, 0)[: max(3, len(version))])


class ClientVersions:
    """Pure ASGI middleware: the handshake on every request (a header lookup; nothing at
    all when no version is configured)."""

    def __init__(self, app: ASGIApp, policy: ClientPolicy | None = None) -> None:
        self.app = app
        self.policy = policy if policy is not None else ClientPolicy.from_env()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _EXEMPT:
            await self.app(scope, receive, send)
            return
        version = proto = None
        for name, value in scope["headers"]:
            if name == _CLIENT:
                version = value.decode("latin-1")
            elif name == _PROTOCOL:
                proto = value.decode("latin-1")
        if not self.policy.active and proto is None:
            await self.app(scope, receive, send)
            return
        advice = p.update_advice(
            version, proto, minimum=self.policy.minimum, recommended=self.policy.recommended
        )
        if advice == p.UPDATE_REQUIRED:
            await _drain(receive)
            await self._refuse(send)
        elif advice == p.UPDATE_RECOMMENDED:
            await self.app(scope, receive, _advising(send))
        else:
            await self.app(scope, receive, send)

    async def _refuse(self, send: Send) -> None:
        # Refused for its protocol alone: this server's own version is a fair floor.
        minimum = _shown(self.policy.minimum) if self.policy.minimum else __version__
        body = json.dumps(
            {
                "detail": {
                    "code": p.ERR_UPDATE_REQUIRED,
                    "message": "Deze versie van SPT Desktop is te oud voor deze server; "
                    "werk de app bij. Er is niets verwerkt.",
                }
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", b"%d" % len(body)),
            (_UPDATE, p.UPDATE_REQUIRED.encode()),
            (p.MIN_VERSION_HEADER.lower().encode(), minimum.encode()),
        ]
        await send(
            {"type": "http.response.start", "status": p.UPDATE_REQUIRED_STATUS, "headers": headers}
        )
        await send({"type": "http.response.body", "body": body})


async def _drain(receive: Receive) -> None:
    """Read the request body (the Guard outside bounds it) before answering: a client
    still sending a large batch to a connection answered and closed could see a reset
    instead of the 426, and take the refusal for a network failure."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return


def _advising(send: Send) -> Send:
    async def advised(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", []), (_UPDATE, p.UPDATE_RECOMMENDED.encode())]
            message = {**message, "headers": headers}
        await send(message)

    return advised
