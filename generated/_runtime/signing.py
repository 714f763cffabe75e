"""JD Cloud request signing (HMAC-SHA256), in the documented and the current version.

``JDCLOUD2`` is the version the public signing guide describes with a worked
example; ``JDCLOUD3`` is the version the vendor's current SDKs send. They differ
only in the algorithm name and the scope terminator.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
from collections.abc import Mapping
from typing import Literal
from urllib.parse import quote, unquote_plus

from .credentials import Credentials

__all__ = ["SignatureVersion", "canonical_query", "canonical_uri", "sign"]

SignatureVersion = Literal["JDCLOUD2", "JDCLOUD3"]

DATE_HEADER = "x-jdcloud-date"
NONCE_HEADER = "x-jdcloud-nonce"
TOKEN_HEADER = "x-jdcloud-security-token"
_UNSIGNED_HEADERS = frozenset({"authorization", "user-agent"})
_SLASHES = re.compile("/+")


def canonical_uri(path: str) -> str:
    """The path decoded once, repeated slashes collapsed, then percent-encoded (``/`` kept)."""
    decoded = _SLASHES.sub("/", unquote_plus(path))
    if not decoded:
        return "/"
    encoded = quote(decoded, safe="/~")
    return encoded if encoded.startswith("/") else "/" + encoded


def canonical_query(query: str) -> str:
    """Each name and value decoded once and re-encoded, pairs sorted by name then value."""
    pairs: list[list[str]] = []
    for item in query.split("&"):
        if not item:
            continue
        pairs.append(
            [quote(unquote_plus(part), safe="~") for part in item.split("=", 1)]
        )
    rendered: list[str] = []
    for pair in sorted(pairs):
        if not pair[0]:
            continue
        rendered.append(f"{pair[0]}={pair[1]}" if len(pair) == 2 else pair[0])
    return "&".join(rendered)


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()


@functools.lru_cache(maxsize=64)
def _signing_key(
    secret: str, day: str, region: str, service: str, version: str
) -> bytes:
    key = _hmac((version + secret).encode("utf-8"), day)
    for part in (region, service, f"{version.lower()}_request"):
        key = _hmac(key, part)
    return key


def sign(
    *,
    method: str,
    host: str | None,
    path: str,
    query: str,
    headers: Mapping[str, str],
    body: bytes,
    credentials: Credentials,
    service: str,
    region: str,
    version: SignatureVersion = "JDCLOUD3",
) -> str:
    """The ``Authorization`` header value for a request.

    ``headers`` must already hold ``x-jdcloud-date`` and ``x-jdcloud-nonce``
    (and the security token, if any); every header but ``Authorization`` and
    ``User-Agent`` is signed, as is ``host`` (None leaves it out, as the
    guide's worked example does; real requests always sign it).
    """
    lowered = {
        k.lower(): v for k, v in headers.items() if k.lower() not in _UNSIGNED_HEADERS
    }
    if host is not None:
        lowered["host"] = host
    date = lowered[DATE_HEADER]
    names = sorted(lowered)
    canonical_headers = "".join(f"{name}:{lowered[name].strip()}\n" for name in names)
    signed_headers = ";".join(names)
    canonical_request = "\n".join(
        [
            method.upper(),
            canonical_uri(path),
            canonical_query(query),
            canonical_headers,
            signed_headers,
            hashlib.sha256(body).hexdigest(),
        ]
    )
    algorithm = f"{version}-HMAC-SHA256"
    terminator = f"{version.lower()}_request"
    scope = f"{date[:8]}/{region}/{service}/{terminator}"
    string_to_sign = "\n".join(
        [
            algorithm,
            date,
            scope,
            hashlib.sha256(canonical_request.encode("utf-8")).hexdigest(),
        ]
    )
    key = _signing_key(credentials.secret_key, date[:8], region, service, version)
    signature = hmac.new(
        key, string_to_sign.encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return (
        f"{algorithm} Credential={credentials.access_key}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
