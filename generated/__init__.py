"""Generated JD Cloud clients.

Services: jdfusion.
Import a service's client from its package, e.g. ``from .jdfusion import ...``.
"""

from ._runtime import (
    APIError,
    APIResponse,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    Credentials,
    InternalServerError,
    JDCloudError,
    NotFoundError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    TransportError,
)

__all__ = [
    "APIError",
    "APIResponse",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "Credentials",
    "InternalServerError",
    "JDCloudError",
    "NotFoundError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "TransportError",
]
