"""The runtime shared by every generated service client."""

from .client import (
    DEFAULT_TIMEOUT,
    AsyncBaseClient,
    BaseClient,
    ResponseHook,
    async_operation,
)
from .credentials import Credentials
from .errors import (
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    InternalServerError,
    JDCloudError,
    NotFoundError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    TransportError,
)
from .request import Request
from .response import APIResponse
from .retries import RetryPolicy
from .serde import WireModel, parse_json, parse_model, parse_nothing, to_wire

__all__ = [
    "APIError",
    "APIResponse",
    "APITimeoutError",
    "AsyncBaseClient",
    "AuthenticationError",
    "BadRequestError",
    "BaseClient",
    "ConfigurationError",
    "ConflictError",
    "Credentials",
    "DEFAULT_TIMEOUT",
    "InternalServerError",
    "JDCloudError",
    "NotFoundError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "Request",
    "ResponseHook",
    "RetryPolicy",
    "TransportError",
    "WireModel",
    "async_operation",
    "parse_json",
    "parse_model",
    "parse_nothing",
    "to_wire",
]
