"""Errors raised by the generated clients: a shallow tree keyed by meaning."""

from __future__ import annotations

__all__ = [
    "JDCloudError",
    "ConfigurationError",
    "ParameterError",
    "APIError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "TransportError",
    "APITimeoutError",
    "api_error",
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

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIError):
    """HTTP 400: the service rejected the parameters."""


class AuthenticationError(APIError):
    """HTTP 401: the signature or the access key was not accepted."""


class PermissionDeniedError(APIError):
    """HTTP 403: the access key may not do this."""


class NotFoundError(APIError):
    """HTTP 404: no such resource."""


class ConflictError(APIError):
    """HTTP 409: the resource is not in a state that allows this."""


class RateLimitError(APIError):
    """HTTP 429: too many requests."""


class InternalServerError(APIError):
    """HTTP 5xx: the service failed."""


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def api_error(
    message: str,
    *,
    status_code: int,
    code: str | None,
    request_id: str | None,
    body: str,
    kind: int | None = None,
) -> APIError:
    """The most specific APIError for an HTTP status (or for ``kind``, an error's own code)."""
    number = status_code if kind is None else kind
    error_class = _BY_STATUS.get(number)
    if error_class is None:
        error_class = InternalServerError if number >= 500 else APIError
    return error_class(
        message, status_code=status_code, code=code, request_id=request_id, body=body
    )


class TransportError(JDCloudError):
    """The request did not get an HTTP answer: connection failure or timeout."""


class APITimeoutError(TransportError):
    """No answer within the timeout."""
