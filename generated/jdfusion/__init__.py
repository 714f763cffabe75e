"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from .._runtime import APIError, Credentials, JDCloudError, TransportError
from .client import JdfusionClient
from .models import (
    CreateTransferTaskResult,
    TaskAddressInfo,
    TransferTaskInfo,
    TransferTaskInfoWithID,
)

__all__ = [
    "APIError",
    "Credentials",
    "JDCloudError",
    "TransportError",
    "JdfusionClient",
    "CreateTransferTaskResult",
    "TaskAddressInfo",
    "TransferTaskInfo",
    "TransferTaskInfoWithID",
]
