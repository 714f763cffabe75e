"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from .._runtime import APIError, Credentials, JDCloudError, RetryPolicy, TransportError
from .client import AsyncJdfusionClient, JdfusionClient
from .models import (
    CreateTransferTaskResult,
    TaskAddressInfo,
    TransferTaskInfo,
    TransferTaskInfoWithID,
)

__all__ = [
    "APIError",
    "AsyncJdfusionClient",
    "Credentials",
    "JDCloudError",
    "RetryPolicy",
    "TransportError",
    "JdfusionClient",
    "CreateTransferTaskResult",
    "TaskAddressInfo",
    "TransferTaskInfo",
    "TransferTaskInfoWithID",
]
