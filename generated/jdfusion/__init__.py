"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from .._runtime import (
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
from .client import AsyncJdfusionClient, JdfusionClient
from .models import (
    CreateTransferTaskResult,
    TaskAddressInfo,
    TransferTaskInfo,
    TransferTaskInfoWithID,
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
    "AsyncJdfusionClient",
    "JdfusionClient",
    "CreateTransferTaskResult",
    "TaskAddressInfo",
    "TransferTaskInfo",
    "TransferTaskInfoWithID",
]
