"""When and how long to wait before trying a request again."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["RetryPolicy", "IDEMPOTENT_METHODS", "RETRY_STATUSES"]

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Retries with exponential backoff and full jitter.

    Connection errors, timeouts, 429 and 5xx are retried, on idempotent methods
    only unless ``retry_non_idempotent`` is set (a POST may have taken effect).
    A ``Retry-After`` header is honoured, up to ``max_delay``.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    retry_non_idempotent: bool = False

    def allows(self, method: str, attempt: int) -> bool:
        """Whether a failed attempt (0-based) of this method may be tried again."""
        if attempt >= self.max_retries:
            return False
        return self.retry_non_idempotent or method.upper() in IDEMPOTENT_METHODS

    def delay(self, attempt: int, headers: Mapping[str, str] | None = None) -> float:
        """Seconds to wait after failed attempt ``attempt`` (0-based)."""
        retry_after = _retry_after(headers or {})
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_delay)
        ceiling = min(self.initial_delay * (2**attempt), self.max_delay)
        return random.uniform(0, ceiling)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_to_datetime(value) if value else None
    if parsed is None:
        return None
    return parsed.timestamp() - time.time()
