"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra_fields)
        if self.task is not None:
            data["task"] = self.task.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateTransferTaskResult:
        return cls(
            task=(
                None
                if (value := data.get("task")) is None
                else TransferTaskInfoWithID.from_dict(value)
            ),
            extra_fields={
                key: item for key, item in data.items() if key not in ("task",)
            },
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
        data: dict[str, Any] = dict(self.extra_fields)
        if self.access_key is not None:
            data["accessKey"] = self.access_key
        if self.bucket is not None:
            data["bucket"] = self.bucket
        if self.endpoint is not None:
            data["endpoint"] = self.endpoint
        if self.prefix is not None:
            data["prefix"] = self.prefix
        if self.secret_key is not None:
            data["secretKey"] = self.secret_key
        if self.storage_type is not None:
            data["storageType"] = self.storage_type
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TaskAddressInfo:
        return cls(
            access_key=data.get("accessKey"),
            bucket=data.get("bucket"),
            endpoint=data.get("endpoint"),
            prefix=data.get("prefix"),
            secret_key=data.get("secretKey"),
            storage_type=data.get("storageType"),
            extra_fields={
                key: item
                for key, item in data.items()
                if key
                not in (
                    "accessKey",
                    "bucket",
                    "endpoint",
                    "prefix",
                    "secretKey",
                    "storageType",
                )
            },
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
        data: dict[str, Any] = dict(self.extra_fields)
        if self.dst_address is not None:
            data["dstAddress"] = self.dst_address.to_dict()
        if self.name is not None:
            data["name"] = self.name
        if self.src_address is not None:
            data["srcAddress"] = self.src_address.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TransferTaskInfo:
        return cls(
            dst_address=(
                None
                if (value := data.get("dstAddress")) is None
                else TaskAddressInfo.from_dict(value)
            ),
            name=data.get("name"),
            src_address=(
                None
                if (value := data.get("srcAddress")) is None
                else TaskAddressInfo.from_dict(value)
            ),
            extra_fields={
                key: item
                for key, item in data.items()
                if key
                not in (
                    "dstAddress",
                    "name",
                    "srcAddress",
                )
            },
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
        data: dict[str, Any] = dict(self.extra_fields)
        if self.dst_address is not None:
            data["dstAddress"] = self.dst_address.to_dict()
        if self.id_ is not None:
            data["id"] = self.id_
        if self.name is not None:
            data["name"] = self.name
        if self.src_address is not None:
            data["srcAddress"] = self.src_address.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TransferTaskInfoWithID:
        return cls(
            dst_address=(
                None
                if (value := data.get("dstAddress")) is None
                else TaskAddressInfo.from_dict(value)
            ),
            id_=data.get("id"),
            name=data.get("name"),
            src_address=(
                None
                if (value := data.get("srcAddress")) is None
                else TaskAddressInfo.from_dict(value)
            ),
            extra_fields={
                key: item
                for key, item in data.items()
                if key
                not in (
                    "dstAddress",
                    "id",
                    "name",
                    "srcAddress",
                )
            },
        )
