"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from .._runtime import WireModel

__all__ = [
    "CreateTransferTaskResult",
    "TaskAddressInfo",
    "TransferTaskInfo",
    "TransferTaskInfoWithID",
]


@dataclass(kw_only=True)
class CreateTransferTaskResult(WireModel):
    """The result of createTransferTask.

    Attributes:
        task (task): -
        extra_fields: members the page does not document, kept as received.
    """

    task: TransferTaskInfoWithID | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class TaskAddressInfo(WireModel):
    """The TaskAddressInfo structure.

    Attributes:
        access_key (accessKey): accesskey of Source Address
        bucket (bucket): Bucket of Source Address
        endpoint (endpoint): Endpoint of Source Address
        prefix (prefix): Prefix of Source Address cannot start with /
        secret_key (secretKey): securitykey of Source Address
        storage_type (storageType): Task Type: s3file, aliyunfile are supported in the source address, only s3file is supported in the target
        extra_fields: members the page does not document, kept as received.
    """

    WIRE_NAMES: ClassVar[dict[str, str]] = {
        "access_key": "accessKey",
        "secret_key": "secretKey",
        "storage_type": "storageType",
    }

    access_key: str | None = None
    bucket: str | None = None
    endpoint: str | None = None
    prefix: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    storage_type: str | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class TransferTaskInfo(WireModel):
    """The TransferTaskInfo structure.

    Attributes:
        dst_address (dstAddress): -
        name (name): Task Name
        src_address (srcAddress): -
        extra_fields: members the page does not document, kept as received.
    """

    WIRE_NAMES: ClassVar[dict[str, str]] = {
        "dst_address": "dstAddress",
        "src_address": "srcAddress",
    }

    dst_address: TaskAddressInfo | None = None
    name: str | None = None
    src_address: TaskAddressInfo | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(kw_only=True)
class TransferTaskInfoWithID(WireModel):
    """The TransferTaskInfoWithID structure.

    Attributes:
        dst_address (dstAddress): -
        id_ (id): Task ID
        name (name): Task Name
        src_address (srcAddress): -
        extra_fields: members the page does not document, kept as received.
    """

    WIRE_NAMES: ClassVar[dict[str, str]] = {
        "dst_address": "dstAddress",
        "id_": "id",
        "src_address": "srcAddress",
    }

    dst_address: TaskAddressInfo | None = None
    id_: str | None = None
    name: str | None = None
    src_address: TaskAddressInfo | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)
