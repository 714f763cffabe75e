"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import (
    WireModel,
    model_or_none,
    wire_dict,
)

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

    def to_dict(self) -> dict[str, Any]:
        return wire_dict(
            self.extra_fields,
            {
                "task": self.task,
            },
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateTransferTaskResult:
        rest = dict(data)
        return cls(
            task=model_or_none(TransferTaskInfoWithID, rest.pop("task", None)),
            extra_fields=rest,
        )


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

    access_key: str | None = None
    bucket: str | None = None
    endpoint: str | None = None
    prefix: str | None = None
    secret_key: str | None = field(default=None, repr=False)
    storage_type: str | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return wire_dict(
            self.extra_fields,
            {
                "accessKey": self.access_key,
                "bucket": self.bucket,
                "endpoint": self.endpoint,
                "prefix": self.prefix,
                "secretKey": self.secret_key,
                "storageType": self.storage_type,
            },
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddressInfo:
        rest = dict(data)
        return cls(
            access_key=rest.pop("accessKey", None),
            bucket=rest.pop("bucket", None),
            endpoint=rest.pop("endpoint", None),
            prefix=rest.pop("prefix", None),
            secret_key=rest.pop("secretKey", None),
            storage_type=rest.pop("storageType", None),
            extra_fields=rest,
        )


@dataclass(kw_only=True)
class TransferTaskInfo(WireModel):
    """The TransferTaskInfo structure.

    Attributes:
        dst_address (dstAddress): -
        name (name): Task Name
        src_address (srcAddress): -
        extra_fields: members the page does not document, kept as received.
    """

    dst_address: TaskAddressInfo | None = None
    name: str | None = None
    src_address: TaskAddressInfo | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return wire_dict(
            self.extra_fields,
            {
                "dstAddress": self.dst_address,
                "name": self.name,
                "srcAddress": self.src_address,
            },
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TransferTaskInfo:
        rest = dict(data)
        return cls(
            dst_address=model_or_none(TaskAddressInfo, rest.pop("dstAddress", None)),
            name=rest.pop("name", None),
            src_address=model_or_none(TaskAddressInfo, rest.pop("srcAddress", None)),
            extra_fields=rest,
        )


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

    dst_address: TaskAddressInfo | None = None
    id_: str | None = None
    name: str | None = None
    src_address: TaskAddressInfo | None = None
    extra_fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return wire_dict(
            self.extra_fields,
            {
                "dstAddress": self.dst_address,
                "id": self.id_,
                "name": self.name,
                "srcAddress": self.src_address,
            },
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TransferTaskInfoWithID:
        rest = dict(data)
        return cls(
            dst_address=model_or_none(TaskAddressInfo, rest.pop("dstAddress", None)),
            id_=rest.pop("id", None),
            name=rest.pop("name", None),
            src_address=model_or_none(TaskAddressInfo, rest.pop("srcAddress", None)),
            extra_fields=rest,
        )
