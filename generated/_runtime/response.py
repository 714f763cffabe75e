"""Turns an HTTP answer into the envelope's result, or into an APIError."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .errors import api_error

__all__ = ["APIResponse", "parse_response", "REQUEST_ID_HEADER"]

REQUEST_ID_HEADER = "x-jdcloud-request-id"
T = TypeVar("T")


@dataclass(frozen=True)
class APIResponse(Generic[T]):
    """A successful answer: the parsed result, the request id, the HTTP status and headers."""

    result: T
    request_id: str | None
    status_code: int
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)


def parse_response(
    status: int, headers: Mapping[str, str], content: bytes
) -> APIResponse[Any]:
    """The envelope ``{"requestId", "result", "error"}``; raises APIError for errors."""
    header_request_id = headers.get(REQUEST_ID_HEADER)
    text = content.decode("utf-8", errors="replace")
    ok = 200 <= status < 300
    envelope: Any = None
    if text.strip():
        try:
            envelope = json.loads(text)
        except ValueError:
            envelope = None
    if not isinstance(envelope, dict):
        if ok and not text.strip():
            return APIResponse(None, header_request_id, status, headers)
        raise api_error(
            (
                "response is not a JSON envelope"
                if ok
                else (" ".join(text.split())[:200] or "no body")
            ),
            status_code=status,
            code=None,
            request_id=header_request_id,
            body=text,
        )
    request_id = envelope.get("requestId") or header_request_id
    error = envelope.get("error")
    if error or not ok:
        detail: Mapping[str, Any] = error if isinstance(error, Mapping) else {}
        code = detail.get("status") or detail.get("code")
        # An error envelope with a 2xx answer: its numeric code says what kind of error.
        numeric = detail.get("code")
        kind = numeric if ok and isinstance(numeric, int) and numeric >= 400 else status
        raise api_error(
            str(detail.get("message") or f"HTTP {status}"),
            status_code=status,
            kind=kind,
            code=None if code is None else str(code),
            request_id=None if request_id is None else str(request_id),
            body=text,
        )
    return APIResponse(
        envelope.get("result"),
        None if request_id is None else str(request_id),
        status,
        headers,
    )
