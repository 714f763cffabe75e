"""Client-side cost of one call: ours (generated, over httpx.MockTransport) vs the vendor SDK's.

Both make the same createTransferTask call with the same arguments and parse
the same canned 201 answer; the vendor's HTTP layer (requests.request) is
stubbed. Prints microseconds per call for each and their ratio, and writes JSON.

Usage: python bench/client_call.py [--calls N] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
ANSWER = {
    "requestId": "req-bench",
    "result": {
        "task": {
            "id": "task-1",
            "name": "nightly",
            "srcAddress": {"bucket": "src", "storageType": "s3file", "endpoint": "e1"},
            "dstAddress": {"bucket": "dst", "storageType": "s3file", "endpoint": "e2"},
        }
    },
}
BODY = json.dumps(ANSWER).encode()


def ours(calls: int) -> float:
    sys.path.insert(0, str(ROOT))
    from generated.jdfusion import Credentials, JdfusionClient, TaskAddressInfo, TransferTaskInfo

    transport = httpx.MockTransport(
        lambda request: httpx.Response(201, content=BODY, headers={"content-type": "application/json"})
    )
    client = JdfusionClient(Credentials("AK", "SK"), transport=transport)
    task = TransferTaskInfo(
        name="nightly",
        src_address=TaskAddressInfo(bucket="src", storage_type="s3file", endpoint="e1"),
        dst_address=TaskAddressInfo(bucket="dst", storage_type="s3file", endpoint="e2"),
    )
    result = None
    started = time.perf_counter()
    for _ in range(calls):
        result = client.create_transfer_task(
            region_id="cn-north-1", x_jdcloud_fusion_cloudid="cloud-1", task=task
        )
    elapsed = time.perf_counter() - started
    assert result is not None and result.task is not None and result.task.id_ == "task-1"
    return elapsed / calls


def ours_runtime_only(calls: int) -> float:
    """Our own share of a call: build, sign, serialise, parse -- no HTTP objects at all."""
    from generated._runtime.client import _ClientCore
    from generated._runtime.request import Request
    from generated._runtime.response import parse_response
    from generated.jdfusion import Credentials, TaskAddressInfo, TransferTaskInfo
    from generated.jdfusion.models import CreateTransferTaskResult

    core = _ClientCore(Credentials("AK", "SK"))
    core.SERVICE, core.endpoint = "jdfusion", "jdfusion.jdcloud-api.com"
    task = TransferTaskInfo(
        name="nightly",
        src_address=TaskAddressInfo(bucket="src", storage_type="s3file", endpoint="e1"),
        dst_address=TaskAddressInfo(bucket="dst", storage_type="s3file", endpoint="e2"),
    )
    headers = {"content-type": "application/json"}
    started = time.perf_counter()
    for _ in range(calls):
        core._prepare(
            Request(
                method="POST",
                path="/v1/regions/{regionId}/oss_transferTasks",
                path_params={"regionId": "cn-north-1"},
                headers={"x-jdcloud-fusion-cloudid": "cloud-1"},
                body={"task": task},
                required=("regionId", "x-jdcloud-fusion-cloudid"),
                region="cn-north-1",
            )
        )
        result = CreateTransferTaskResult.from_dict(parse_response(201, headers, BODY).result)
    elapsed = time.perf_counter() - started
    assert result.task is not None
    return elapsed / calls


class _StubResponse:
    status_code = 201
    headers = {"Content-Length": str(len(BODY))}
    content = BODY


def vendor(calls: int) -> float:
    import logging

    from jdcloud_sdk.core import jdcloudclient
    from jdcloud_sdk.core.credential import Credential
    from jdcloud_sdk.core.logger import ERROR, Logger
    from jdcloud_sdk.services.jdfusion.apis.CreateTransferTaskRequest import (
        CreateTransferTaskParameters,
        CreateTransferTaskRequest,
    )
    from jdcloud_sdk.services.jdfusion.client.JdfusionClient import JdfusionClient
    from jdcloud_sdk.services.jdfusion.models.TaskAddressInfo import TaskAddressInfo
    from jdcloud_sdk.services.jdfusion.models.TransferTaskInfo import TransferTaskInfo

    jdcloudclient.requests.request = lambda *args, **kwargs: _StubResponse()  # type: ignore[attr-defined]
    client = JdfusionClient(Credential("AK", "SK"), logger=Logger(ERROR))
    result: Any = None
    started = time.perf_counter()
    for _ in range(calls):
        parameters = CreateTransferTaskParameters("cn-north-1")
        parameters.setTask(
            TransferTaskInfo(
                name="nightly",
                srcAddress=TaskAddressInfo(bucket="src", storageType="s3file", endpoint="e1"),
                dstAddress=TaskAddressInfo(bucket="dst", storageType="s3file", endpoint="e2"),
            )
        )
        request = CreateTransferTaskRequest(parameters, header={"x-jdcloud-fusion-cloudid": "cloud-1"})
        result = client.send(request)
    elapsed = time.perf_counter() - started
    assert result.result["task"]["id"] == "task-1"
    return elapsed / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    ours(200), vendor(200)  # warm up both
    ours_cost = min(ours(args.calls) for _ in range(3))
    runtime_cost = min(ours_runtime_only(args.calls) for _ in range(3))
    vendor_cost = min(vendor(args.calls) for _ in range(3))
    figures = {
        "calls": args.calls,
        "ours_us_per_call": round(ours_cost * 1e6, 1),
        "ours_runtime_only_us_per_call": round(runtime_cost * 1e6, 1),
        "vendor_us_per_call": round(vendor_cost * 1e6, 1),
        "ratio_ours_to_vendor": round(ours_cost / vendor_cost, 3),
        "target_ratio": 0.5,
    }
    print(
        f"client call: ours {figures['ours_us_per_call']} us, vendor {figures['vendor_us_per_call']} us, "
        f"ratio {figures['ratio_ours_to_vendor']} (target <= 0.5: "
        f"{'met' if ours_cost <= 0.5 * vendor_cost else 'MISSED'}); our runtime alone "
        f"(no httpx objects) {figures['ours_runtime_only_us_per_call']} us"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
