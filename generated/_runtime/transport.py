"""Builds, signs and sends requests; turns responses into results or errors."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

import httpx

from .credentials import Credentials
from .errors import APIError, ConfigurationError, ParameterError, TransportError
from .query import encode_query, flatten_query, wire_text
from .serde import to_wire
from .signing import DATE_HEADER, NONCE_HEADER, TOKEN_HEADER, SignatureVersion, sign

__all__ = ["BaseClient", "Request", "Response", "DEFAULT_TIMEOUT", "DEFAULT_REGION"]

DEFAULT_TIMEOUT = 30.0
# The region a request is signed for when the operation has no regionId.
DEFAULT_REGION = "jdcloud-api"
REQUEST_ID_HEADER = "x-jdcloud-request-id"
USER_AGENT = "jdcloud-generated-python/1"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True)
class Request:
    """One call as the generated method describes it, with wire names as keys."""

    method: str
    path: str
    path_params: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, Any] = field(default_factory=dict)
    body: Mapping[str, Any] | None = None
    required: tuple[str, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class Response:
    """A successful answer: HTTP status, the envelope's ``result`` and ``requestId``."""

    status_code: int
    result: Any
    request_id: str | None


@dataclass(frozen=True)
class PreparedRequest:
    method: str
    url: str
    headers: dict[str, str]
    content: bytes


class BaseClient:
    """What every generated service client shares: configuration, signing and sending."""

    SERVICE = ""
    DEFAULT_HOST = ""

    def __init__(
        self,
        credentials: Credentials | None = None,
        *,
        endpoint: str | None = None,
        scheme: str = "https",
        timeout: float = DEFAULT_TIMEOUT,
        signature_version: SignatureVersion = "JDCLOUD3",
        http_client: httpx.Client | None = None,
    ) -> None:
        if scheme not in ("http", "https"):
            raise ConfigurationError(
                f"scheme must be 'http' or 'https', not {scheme!r}"
            )
        self.credentials = (
            credentials if credentials is not None else Credentials.from_env()
        )
        self.endpoint = endpoint or self.DEFAULT_HOST
        self.scheme = scheme
        self.timeout = timeout
        self.signature_version: SignatureVersion = signature_version
        self._http = http_client if http_client is not None else httpx.Client()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(endpoint={self.scheme}://{self.endpoint})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> BaseClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _prepare(self, request: Request) -> PreparedRequest:
        for name in request.required:
            value = {
                **request.path_params,
                **request.query,
                **request.headers,
                **(request.body or {}),
            }.get(name)
            if value is None:
                raise ParameterError(f"required parameter '{name}' is missing")
        path = request.path
        for name, value in request.path_params.items():
            path = path.replace("{" + name + "}", quote(wire_text(value), safe=""))
        query = encode_query(flatten_query(request.query))
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            DATE_HEADER: datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ"),
            NONCE_HEADER: str(uuid.uuid4()),
        }
        if self.credentials.session_token:
            headers[TOKEN_HEADER] = self.credentials.session_token
        for name, value in request.headers.items():
            if value is not None:
                headers[name] = wire_text(value)
        content = b""
        if request.body is not None and request.method in _BODY_METHODS:
            wire = {k: to_wire(v) for k, v in request.body.items() if v is not None}
            content = json.dumps(
                wire, ensure_ascii=False, separators=(",", ":")
            ).encode("utf-8")
        headers["authorization"] = sign(
            method=request.method,
            host=self.endpoint,
            path=path,
            query=query,
            headers=headers,
            body=content,
            credentials=self.credentials,
            service=self.SERVICE,
            region=request.region or DEFAULT_REGION,
            version=self.signature_version,
        )
        url = f"{self.scheme}://{self.endpoint}{path}" + (f"?{query}" if query else "")
        return PreparedRequest(request.method, url, headers, content)

    def _send(self, request: Request, timeout: float | None = None) -> Response:
        prepared = self._prepare(request)
        try:
            answer = self._http.request(
                prepared.method,
                prepared.url,
                headers=prepared.headers,
                content=prepared.content,
                timeout=self.timeout if timeout is None else timeout,
            )
        except httpx.TimeoutException as error:
            raise TransportError(
                f"{prepared.method} {prepared.url} timed out"
            ) from error
        except httpx.HTTPError as error:
            raise TransportError(
                f"{prepared.method} {prepared.url} failed: {error}"
            ) from error
        return parse_response(answer.status_code, answer.headers, answer.content)


def parse_response(status: int, headers: Mapping[str, str], content: bytes) -> Response:
    """The envelope ``{"requestId", "result", "error"}`` as a Response, or an APIError."""
    header_request_id = headers.get(REQUEST_ID_HEADER)
    text = content.decode("utf-8", errors="replace")
    envelope: Any = None
    if text.strip():
        try:
            envelope = json.loads(text)
        except ValueError:
            envelope = None
    if not isinstance(envelope, dict):
        if 200 <= status < 300 and not text.strip():
            return Response(status, None, header_request_id)
        raise APIError(
            (
                "response is not a JSON envelope"
                if 200 <= status < 300
                else (text[:200] or "no body")
            ),
            status_code=status,
            request_id=header_request_id,
            body=text,
        )
    request_id = envelope.get("requestId") or header_request_id
    error = envelope.get("error")
    if error or not 200 <= status < 300:
        detail: Mapping[str, Any] = error if isinstance(error, Mapping) else {}
        code = detail.get("status") or detail.get("code")
        raise APIError(
            str(detail.get("message") or f"HTTP {status}"),
            status_code=status,
            code=None if code is None else str(code),
            request_id=request_id,
            body=text,
        )
    return Response(status, envelope.get("result"), request_id)
