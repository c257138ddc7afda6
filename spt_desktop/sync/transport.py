"""HTTP to the SPT server (httpx): timeouts, retries with backoff, errors in Dutch.

Every request the client makes is safe to repeat: a push batch carries its id and the
server answers a replay from its record, so a retry after a lost reply changes nothing.
"""

from __future__ import annotations

import json
import random
import time
from typing import Any

import httpx

from spt_common import protocol as p

OK, ERROR, USAGE, AUTH, UNREACHABLE = 0, 1, 2, 3, 4


class SyncError(Exception):
    """A sync failure to show the coach: what happened and what to do, no personal data."""

    exit_code = ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unreachable(SyncError):
    exit_code = UNREACHABLE


class AuthFailed(SyncError):
    exit_code = AUTH


class DeviceRevoked(SyncError):
    exit_code = AUTH


class TokenExpired(SyncError):
    exit_code = AUTH


class TokenInvalid(AuthFailed):
    """The server did not accept a token (signed with a key it retired, say): worth one
    refresh before the coach is asked to log in again."""


def _wait(resp: httpx.Response) -> str:
    """How long the server says to wait (Retry-After, in seconds), in words."""
    value = resp.headers.get("retry-after", "")
    if not value.isdigit():
        return "hoogstens een kwartier"  # the server's longest wait
    seconds = int(value)
    if seconds <= 90:
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    minutes = -(-seconds // 60)
    return f"{minutes} minuten"


class Transport:
    """A small JSON client for the API; counts its requests (tests and bench use it)."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.2,
        client: httpx.Client | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self._client = client or httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"user-agent": "spt-desktop"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def post(self, path: str, body: Any, token: str | None = None) -> Any:
        """POST JSON, return the JSON answer; retried on network errors and 5xx."""
        return json.loads(self.post_bytes(path, body, token))

    def post_bytes(self, path: str, body: Any, token: str | None = None) -> bytes:
        """POST JSON, return the answer's bytes (for pydantic to parse and check in one
        pass); retried on network errors and 5xx."""
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        url = f"{self.base_url}{p.API_PREFIX}{path}"
        last: str = ""
        for attempt in range(self.retries + 1):
            if attempt:
                # Exponential backoff with jitter: devices coming back online together
                # (a whole team after a training day) do not retry in lockstep.
                time.sleep(self.backoff * 2 ** (attempt - 1) * (0.5 + random.random()))
            self.requests += 1
            try:
                resp = self._client.post(url, content=content, headers=headers)
            except httpx.TransportError as exc:
                last = type(exc).__name__
                continue
            if resp.status_code >= 500:
                last = f"HTTP {resp.status_code}"
                continue
            return self._answer(resp)
        raise Unreachable(
            "De SPT-server is niet bereikbaar"
            + (f" ({last})" if last else "")
            + ". Er is niets verloren: uw wijzigingen staan veilig in de kluis en gaan mee "
            "bij de volgende synchronisatie."
        )

    @staticmethod
    def _answer(resp: httpx.Response) -> bytes:
        if resp.status_code < 400:
            return resp.content
        try:
            detail = resp.json().get("detail") or {}
        except ValueError:
            detail = {}
        code = detail.get("code") if isinstance(detail, dict) else None
        if code == p.ERR_DEVICE_REVOKED:
            raise DeviceRevoked("Dit apparaat is ingetrokken door de beheerder.")
        if code == p.ERR_ACCOUNT_INACTIVE:
            raise AuthFailed(
                "Uw account bij de SPT-server is uitgeschakeld door de beheerder, dus "
                "aanmelden kan niet. Neem contact op met uw beheerder."
            )
        if code == p.ERR_TOKEN_REUSED:
            raise AuthFailed(
                "Uw aanmelding bij de SPT-server is om veiligheidsredenen beëindigd: een "
                "oudere aanmeldsleutel van dit apparaat werd nog eens gebruikt. Meld opnieuw "
                "aan (in de app bij Instellingen, of met 'spt-desktop login'). Er is niets "
                "verloren: uw wijzigingen staan veilig in de kluis en gaan mee bij de "
                "volgende synchronisatie. Gebeurt dit vaker, meld het dan bij de beheerder."
            )
        if code == p.ERR_TOKEN_EXPIRED:
            raise TokenExpired("De aanmelding is verlopen.")
        if code == p.ERR_BAD_CREDENTIALS:
            raise AuthFailed("E-mailadres of wachtwoord klopt niet. Probeer het opnieuw.")
        if code == p.ERR_RATE_LIMITED:
            raise AuthFailed(
                f"Te veel mislukte aanmeldpogingen. Wacht {_wait(resp)} en probeer het opnieuw."
            )
        if resp.status_code == 401:
            kind = TokenInvalid if code == p.ERR_TOKEN_INVALID else AuthFailed
            raise kind(
                "U bent niet (meer) aangemeld bij de SPT-server. Meld opnieuw aan met "
                "'spt-desktop login'."
            )
        raise SyncError(
            f"De SPT-server weigerde het verzoek (HTTP {resp.status_code}). Er is niets "
            "verloren; neem contact op met de beheerder als dit blijft gebeuren."
        )

    # --- the API -------------------------------------------------------------------

    def login(self, body: p.LoginRequest) -> p.TokenPair:
        return p.TokenPair.model_validate(self.post("/auth/login", body.model_dump()))

    def refresh(self, refresh_token: str) -> p.TokenPair:
        return p.TokenPair.model_validate(
            self.post("/auth/refresh", {"refresh_token": refresh_token})
        )

    def sync(self, token: str, request: dict[str, Any]) -> p.SyncResponse:
        return p.SyncResponse.model_validate_json(self.post_bytes("/sync", request, token))
