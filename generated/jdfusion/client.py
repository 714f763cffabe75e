"""The jdfusion service (jdfusion.jdcloud-api.com, API v1)."""

from __future__ import annotations

from .._runtime import (
    AsyncBaseClient,
    BaseClient,
    Request,
    async_operation,
    parse_model,
)
from .models import (
    CreateTransferTaskResult,
    TransferTaskInfo,
)

__all__ = ["JdfusionClient", "AsyncJdfusionClient"]


class JdfusionClient(BaseClient):
    """Client of the jdfusion service (API v1).

    Requests go to https://jdfusion.jdcloud-api.com unless ``endpoint`` says otherwise; each is signed with the client's credentials.
    """

    SERVICE = "jdfusion"
    DEFAULT_HOST = "jdfusion.jdcloud-api.com"

    def create_transfer_task(
        self,
        *,
        region_id: str,
        x_jdcloud_fusion_cloudid: str,
        task: TransferTaskInfo | None = None,
        timeout: float | None = None,
    ) -> CreateTransferTaskResult:
        """Create Task

        ``POST /v1/regions/{regionId}/oss_transferTasks`` (createTransferTask).

        Args:
            region_id: Region ID (path ``regionId``).
            x_jdcloud_fusion_cloudid: Cloud Registration Information ID (header ``x-jdcloud-fusion-cloudid``).
            task: - (body ``task``).
            timeout: seconds to wait for this call, instead of the client's default.

        Documented return codes: 400 Invalid Parameter, 201 Creation succeeded.

        Raises:
            APIError: the service answered with an error or a non-2xx status.
            TransportError: no answer (connection failure or timeout).
        """
        response = self._call(
            Request(
                method="POST",
                path="/v1/regions/{regionId}/oss_transferTasks",
                path_params={"regionId": region_id},
                headers={"x-jdcloud-fusion-cloudid": x_jdcloud_fusion_cloudid},
                body={"task": task},
                required=("regionId", "x-jdcloud-fusion-cloudid"),
                region=region_id,
            ),
            parse_model(CreateTransferTaskResult),
            timeout,
        )
        return response.result


class AsyncJdfusionClient(AsyncBaseClient):
    """The asynchronous twin of :class:`JdfusionClient`: the same methods, awaited."""

    SERVICE = "jdfusion"
    DEFAULT_HOST = "jdfusion.jdcloud-api.com"

    create_transfer_task = async_operation(JdfusionClient.create_transfer_task)
