"""A call as a generated method describes it, and the signed HTTP request made from it."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .credentials import Credentials
from .errors import ParameterError
from .query import encode_query, flatten_query, wire_text
from .serde import to_wire
from .signing import DATE_HEADER, NONCE_HEADER, TOKEN_HEADER, SignatureVersion, sign

__all__ = ["Request", "PreparedRequest", "prepare", "DEFAULT_REGION", "USER_AGENT"]

# The region a request is signed for when the operation has no regionId.
DEFAULT_REGION = "jdcloud-api"
USER_AGENT = "jdcloud-generated-python/1"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


@dataclass(frozen=True)
class Request:
    """One call, with wire names as keys.

    ``body`` holds the members of the JSON body (None: the operation has no
    body); ``payload`` instead names the one parameter that is the whole body.
    ``host`` is the operation's own host when it differs from the service's
    (``{regionId}`` in it is filled from the call or the client's region).
    """

    method: str
    path: str
    path_params: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, Any] = field(default_factory=dict)
    body: Mapping[str, Any] | None = None
    payload: Mapping[str, Any] | None = None
    required: tuple[str, ...] = ()
    region: Any = None
    host: str | None = None


@dataclass(frozen=True)
class PreparedRequest:
    """What goes on the wire, signed."""

    method: str
    url: str
    headers: dict[str, str]
    content: bytes

    def __repr__(self) -> str:
        return f"PreparedRequest({self.method} {self.url})"


def _header_text(value: Any) -> str:
    """A header value: scalars as on the wire, lists comma-separated, objects as JSON."""
    wire = to_wire(value)
    if isinstance(wire, (list, tuple)):
        return ",".join(_header_text(item) for item in wire)
    if isinstance(wire, dict):
        return json.dumps(wire, ensure_ascii=False, separators=(",", ":"))
    return wire_text(wire)


def _check_required(request: Request) -> None:
    for name in request.required:
        for group in (
            request.path_params,
            request.query,
            request.headers,
            request.body or {},
            request.payload or {},
        ):
            if name in group:
                if group[name] is None:
                    raise ParameterError(
                        f"required parameter '{name}' is missing (None)"
                    )
                break


def prepare(
    request: Request,
    *,
    scheme: str,
    endpoint: str,
    credentials: Credentials,
    service: str,
    region: str | None,
    signature_version: SignatureVersion,
) -> PreparedRequest:
    """Check, encode and sign one request (a fresh date and nonce every time)."""
    _check_required(request)
    path = request.path
    for name, value in request.path_params.items():
        path = path.replace("{" + name + "}", quote(wire_text(value), safe=""))
    query = encode_query(flatten_query(request.query))
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        DATE_HEADER: time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()),
        NONCE_HEADER: str(uuid.uuid4()),
    }
    if credentials.session_token:
        headers[TOKEN_HEADER] = credentials.session_token
    for name, value in request.headers.items():
        if value is not None:
            headers[name] = _header_text(value)
    content = b""
    if request.method in _BODY_METHODS:
        wire: Any = None
        if request.body is not None:
            wire = {k: to_wire(v) for k, v in request.body.items() if v is not None}
        elif request.payload is not None:
            wire = next(
                (to_wire(v) for v in request.payload.values() if v is not None), {}
            )
        if wire is not None:
            content = json.dumps(
                wire, ensure_ascii=False, separators=(",", ":")
            ).encode("utf-8")
    host = endpoint.removesuffix(_DEFAULT_PORTS.get(scheme, "\0"))
    headers["authorization"] = sign(
        method=request.method,
        host=host,
        path=path,
        query=query,
        headers=headers,
        body=content,
        credentials=credentials,
        service=service,
        region=str(request.region or region or DEFAULT_REGION),
        version=signature_version,
    )
    url = f"{scheme}://{endpoint}{path}" + (f"?{query}" if query else "")
    return PreparedRequest(request.method, url, headers, content)
