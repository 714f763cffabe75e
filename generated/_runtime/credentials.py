"""Access keys, given explicitly or read from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import ConfigurationError

__all__ = ["Credentials", "ACCESS_KEY_ENV", "SECRET_KEY_ENV", "SESSION_TOKEN_ENV"]

ACCESS_KEY_ENV = "JDCLOUD_ACCESS_KEY"
SECRET_KEY_ENV = "JDCLOUD_SECRET_KEY"
SESSION_TOKEN_ENV = "JDCLOUD_SESSION_TOKEN"


@dataclass(frozen=True)
class Credentials:
    """An access key pair and an optional session token. The secret never shows in ``repr``."""

    access_key: str
    secret_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls) -> Credentials:
        """Read ``JDCLOUD_ACCESS_KEY``, ``JDCLOUD_SECRET_KEY`` and ``JDCLOUD_SESSION_TOKEN``."""
        access_key = os.environ.get(ACCESS_KEY_ENV, "")
        secret_key = os.environ.get(SECRET_KEY_ENV, "")
        if not access_key or not secret_key:
            raise ConfigurationError(
                f"no credentials given and {ACCESS_KEY_ENV} / {SECRET_KEY_ENV} are not set"
            )
        return cls(access_key, secret_key, os.environ.get(SESSION_TOKEN_ENV) or None)
