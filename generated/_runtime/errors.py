"""Errors raised by the generated clients."""

from __future__ import annotations

__all__ = [
    "JDCloudError",
    "ConfigurationError",
    "ParameterError",
    "APIError",
    "TransportError",
]


class JDCloudError(Exception):
    """Base class of every error a generated client raises."""


class ConfigurationError(JDCloudError):
    """The client cannot be set up: missing credentials or an invalid setting."""


class ParameterError(JDCloudError, ValueError):
    """A call's arguments are invalid (e.g. a required parameter is None); nothing was sent."""


class APIError(JDCloudError):
    """The service answered with an error envelope or a non-2xx status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        request_id: str | None = None,
        body: str = "",
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.body = body
        super().__init__(self.__str__())

    def __str__(self) -> str:
        parts = [f"HTTP {self.status_code}"]
        if self.code:
            parts.append(self.code)
        text = " ".join(parts) + f": {self.message}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text


class TransportError(JDCloudError):
    """The request did not get an HTTP answer: connection failure or timeout."""
