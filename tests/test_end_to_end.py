"""The generated clients against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request as ServerRequest

from conftest import FIXTURES, ROOT, run_cli, vendor_authorization

AUTHORIZATION = re.compile(
    r"JDCLOUD3-HMAC-SHA256 Credential=AKTEST/(\d{8})/(?P<region>[^/]+)/(?P<service>[^/]+)/"
    r"jdcloud3_request, SignedHeaders=(?P<signed>[a-z0-9;_-]+), Signature=[0-9a-f]{64}"
)


@pytest.fixture
def jdfusion(import_package: Callable[[Path, str], Any]) -> Any:
    return import_package(ROOT / "generated", "generated.jdfusion")


@pytest.fixture
def vm(tmp_path: Path, import_package: Callable[[Path, str], Any]) -> Any:
    out = tmp_path / "fixture_sdk"
    assert run_cli("generate", FIXTURES / "pages", "-o", out, "-q") == 0
    return import_package(out, "fixture_sdk.vm")


def _client(module: Any, name: str, server: HTTPServer, **options: Any) -> Any:
    credentials = module.Credentials("AKTEST", "SKTEST-secret")
    return getattr(module, name)(
        credentials, endpoint=f"127.0.0.1:{server.port}", scheme="http", **options
    )


def _vendor_signature(request: ServerRequest, signed: list[str]) -> str:
    """What the vendor SDK's signer computes for the request as the server received it."""
    match = AUTHORIZATION.fullmatch(request.headers["Authorization"])
    assert match is not None
    return vendor_authorization(
        method=request.method,
        url=request.url,  # http://127.0.0.1:PORT/path?query as received
        headers={name: request.headers[name] for name in signed if name != "host"},
        body=request.get_data().decode("utf-8"),
        service=match["service"],
        region=match["region"],
        access_key="AKTEST",
        secret_key="SKTEST-secret",
    )


def test_create_transfer_task_sends_a_signed_request_and_returns_typed_result(
    jdfusion: Any, httpserver: HTTPServer
) -> None:
    httpserver.expect_request(
        "/v1/regions/cn-north-1/oss_transferTasks", method="POST"
    ).respond_with_json(
        {
            "requestId": "req-201",
            "result": {
                "task": {
                    "id": "task-1",
                    "name": "nightly",
                    "srcAddress": {"bucket": "src", "storageType": "s3file"},
                    "dstAddress": {"bucket": "dst", "endpoint": "oss.example"},
                }
            },
        },
        status=201,
    )
    client = _client(jdfusion, "JdfusionClient", httpserver)
    task = jdfusion.TransferTaskInfo(
        name="nightly",
        src_address=jdfusion.TaskAddressInfo(bucket="src", storage_type="s3file"),
        dst_address=jdfusion.TaskAddressInfo(bucket="dst", access_key="AK2"),
    )
    result = client.create_transfer_task(
        region_id="cn-north-1", x_jdcloud_fusion_cloudid="cloud-7", task=task
    )

    assert isinstance(result, jdfusion.CreateTransferTaskResult)
    assert isinstance(result.task, jdfusion.TransferTaskInfoWithID)
    assert isinstance(result.task.src_address, jdfusion.TaskAddressInfo)
    assert result.task.id_ == "task-1"
    assert result.task.src_address.storage_type == "s3file"
    assert result.task.dst_address.endpoint == "oss.example"

    (request, _), = httpserver.log
    assert request.method == "POST"
    assert request.path == "/v1/regions/cn-north-1/oss_transferTasks"
    assert request.headers["x-jdcloud-fusion-cloudid"] == "cloud-7"
    assert json.loads(request.get_data()) == {
        "task": {
            "name": "nightly",
            "srcAddress": {"bucket": "src", "storageType": "s3file"},
            "dstAddress": {"bucket": "dst", "accessKey": "AK2"},
        }
    }
    match = AUTHORIZATION.fullmatch(request.headers["Authorization"])
    assert match is not None, request.headers["Authorization"]
    assert match["region"] == "cn-north-1" and match["service"] == "jdfusion"
    signed = match["signed"].split(";")
    assert {"host", "x-jdcloud-date", "x-jdcloud-nonce", "x-jdcloud-fusion-cloudid"} <= set(signed)
    assert request.headers["Authorization"] == _vendor_signature(request, signed)


def test_error_envelope_raises_typed_api_error(jdfusion: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/cn-north-1/oss_transferTasks").respond_with_json(
        {
            "requestId": "req-400",
            "error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "name is invalid"},
        },
        status=400,
    )
    client = _client(jdfusion, "JdfusionClient", httpserver)
    with pytest.raises(jdfusion.APIError) as raised:
        client.create_transfer_task(region_id="cn-north-1", x_jdcloud_fusion_cloudid="c")
    error = raised.value
    assert (error.status_code, error.code, error.message, error.request_id) == (
        400,
        "INVALID_ARGUMENT",
        "name is invalid",
        "req-400",
    )
    assert "SKTEST-secret" not in str(error) and "SKTEST-secret" not in repr(client)


def test_non_json_5xx_raises_api_error_with_status(jdfusion: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r/oss_transferTasks").respond_with_data(
        "upstream down", status=502, headers={"x-jdcloud-request-id": "req-502"}
    )
    client = _client(jdfusion, "JdfusionClient", httpserver)
    with pytest.raises(jdfusion.APIError) as raised:
        client.create_transfer_task(region_id="r", x_jdcloud_fusion_cloudid="c")
    assert raised.value.status_code == 502 and raised.value.request_id == "req-502"


def test_connection_failure_raises_transport_error(jdfusion: Any) -> None:
    client = jdfusion.JdfusionClient(
        jdfusion.Credentials("AK", "SK"), endpoint="127.0.0.1:9", scheme="http", timeout=2
    )
    with pytest.raises(jdfusion.TransportError):
        client.create_transfer_task(region_id="r", x_jdcloud_fusion_cloudid="c")


def test_get_sends_flattened_query_and_no_body(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/cn-east-2/instances", method="GET").respond_with_json(
        {
            "requestId": "req-1",
            "result": {
                "totalCount": 1,
                "instances": [
                    {
                        "instanceId": "i-1",
                        "spec": {"name": "web", "cpu": 2, "memoryGiB": 4.0},
                        "disks": [{"diskId": "d-1", "sizeGB": 40, "encrypted": True}],
                        "tags": {"team-name": "a", "from": None},
                        "futureField": {"kept": True},
                    }
                ],
            },
        }
    )
    client = _client(vm, "VmClient", httpserver)
    result = client.describe_instances(
        region_id="cn-east-2",
        page_number=1,
        with_deleted=False,
        filters=[
            vm.Filter(name="status", values=["in-use", "available"]),
            vm.Filter(name="zone", operator="eq", values=["z a"]),
        ],
        instance_ids=["i-1", "i-2"],
    )
    (request, _), = httpserver.log
    assert request.get_data() == b""
    assert parse_qsl(request.query_string.decode(), keep_blank_values=True) == [
        ("pageNumber", "1"),
        ("pageSize", "20"),  # the documented default, sent
        ("filters.1.name", "status"),
        ("filters.1.operator", "eq"),  # Filter.operator's documented default
        ("filters.1.values.1", "in-use"),
        ("filters.1.values.2", "available"),
        ("filters.2.name", "zone"),
        ("filters.2.operator", "eq"),
        ("filters.2.values.1", "z a"),
        ("instanceIds.1", "i-1"),
        ("instanceIds.2", "i-2"),
        ("withDeleted", "false"),
    ]
    assert b"z%20a" in request.query_string
    instance = result.instances[0]
    assert isinstance(instance, vm.Instance) and isinstance(instance.spec, vm.InstanceSpec)
    assert isinstance(instance.disks[0], vm.Disk) and instance.disks[0].size_gb == 40
    assert instance.tags == {"team-name": "a", "from": None}
    assert instance.extra_fields == {"futureField": {"kept": True}}
    assert instance.to_dict()["futureField"] == {"kept": True}
    assert result.total_count == 1


def test_delete_with_empty_204_returns_none(vm: Any, httpserver: HTTPServer) -> None:
    # The server decodes the path; the raw request line shows the encoding we sent.
    httpserver.expect_request(
        "/v1/regions/r1/instances/i/2", method="DELETE"
    ).respond_with_data("", status=204)
    client = _client(vm, "VmClient", httpserver)
    assert client.delete_instance(region_id="r1", instance_id="i/2") is None
    (request, _), = httpserver.log
    assert request.environ["REQUEST_URI"] == "/v1/regions/r1/instances/i%2F2"
    assert request.get_data() == b"" and request.query_string == b""


def test_post_header_parameter_and_required_body(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r1/instances", method="POST").respond_with_json(
        {"requestId": "req-2", "result": {"instanceIds": ["i-9"]}}
    )
    client = _client(vm, "VmClient", httpserver)
    result = client.create_instances(
        region_id="r1",
        instance_spec=vm.InstanceSpec(name="web", cpu=2),
        x_jdcloud_client_token="tok-1",
    )
    assert result.instance_ids == ["i-9"]
    (request, _), = httpserver.log
    assert request.headers["x-jdcloud-client-token"] == "tok-1"
    # maxCount: the documented default (1) is sent
    assert json.loads(request.get_data()) == {"instanceSpec": {"name": "web", "cpu": 2}, "maxCount": 1}
    client.create_instances(region_id="r1", instance_spec=vm.InstanceSpec(name="a", cpu=1))
    assert "x-jdcloud-client-token" not in httpserver.log[1][0].headers


def test_required_parameter_passed_as_none_raises_before_sending(
    vm: Any, httpserver: HTTPServer
) -> None:
    client = _client(vm, "VmClient", httpserver)
    with pytest.raises(vm.JDCloudError, match="instanceSpec"):
        client.create_instances(region_id="r1", instance_spec=None)
    assert httpserver.log == []


def test_result_that_is_a_plain_list(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r1/instanceIds").respond_with_json(
        {"requestId": "req-ids", "result": ["i-1", "i-2"]}
    )
    assert _client(vm, "VmClient", httpserver).describe_instance_ids(region_id="r1") == ["i-1", "i-2"]
