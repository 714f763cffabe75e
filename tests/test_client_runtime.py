"""The generated client in production conditions: every method, retries, timeouts, async, secrets."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request as ServerRequest
from werkzeug import Response as ServerResponse

from conftest import FIXTURES, run_cli

SECRET = "SK-do-not-leak-4711"


@pytest.fixture
def vm(tmp_path: Path, import_package: Callable[[Path, str], Any]) -> Any:
    out = tmp_path / "runtime_sdk"
    assert run_cli("generate", FIXTURES / "pages", "-o", out, "-q") == 0
    return import_package(out, "runtime_sdk.vm")


def _options(vm: Any, server: HTTPServer, **extra: Any) -> dict[str, Any]:
    options: dict[str, Any] = {
        "endpoint": f"127.0.0.1:{server.port}",
        "scheme": "http",
        "retry": vm.RetryPolicy(initial_delay=0.01, max_delay=0.05),
    }
    options.update(extra)
    return options


def _sync(vm: Any, server: HTTPServer, **extra: Any) -> Any:
    return vm.VmClient(vm.Credentials("AK", SECRET), **_options(vm, server, **extra))


def _async(vm: Any, server: HTTPServer, **extra: Any) -> Any:
    return vm.AsyncVmClient(vm.Credentials("AK", SECRET), **_options(vm, server, **extra))


def _run(vm: Any, server: HTTPServer, mode: str, call: Callable[[Any], Any], **extra: Any) -> Any:
    """Make the same call with the sync client or, awaited, with the async one."""
    if mode == "sync":
        with _sync(vm, server, **extra) as client:
            return call(client)

    async def go() -> Any:
        async with _async(vm, server, **extra) as client:
            return await call(client)

    return asyncio.run(go())


MODES = ["sync", "async"]


def _counting(responses: list[ServerResponse]) -> tuple[Callable[[ServerRequest], ServerResponse], list[str]]:
    seen: list[str] = []

    def handler(request: ServerRequest) -> ServerResponse:
        seen.append(request.method)
        return responses[min(len(seen), len(responses)) - 1]

    return handler, seen


def _ok(result: Any) -> ServerResponse:
    return ServerResponse(
        json.dumps({"requestId": "req-ok", "result": result}), content_type="application/json"
    )


@pytest.mark.parametrize("mode", MODES)
def test_each_http_method_sends_parameters_where_they_belong(
    vm: Any, httpserver: HTTPServer, mode: str
) -> None:
    httpserver.expect_request("/v1/regions/r1/instances/i-1:modifyAttribute", method="PATCH").respond_with_json({"requestId": "a"})
    httpserver.expect_request("/v1/regions/r1/instances/i-1/tags", method="PUT").respond_with_json(
        {"requestId": "b", "result": {"tags": [{"key": "team", "value": "db", "since": 2020}]}}
    )
    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="HEAD").respond_with_data(
        "", status=200, headers={"x-jdcloud-request-id": "c"}
    )
    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="DELETE").respond_with_data("", status=204)

    def calls(client: Any) -> Any:
        async def both() -> Any:
            return [
                await client.modify_instance_attribute(region_id="r1", instance_id="i-1", name="web"),
                await client.replace_instance_tags(region_id="r1", instance_id="i-1", tags=[vm.Tag(key="team", value="db")]),
                await client.check_instance_exists(region_id="r1", instance_id="i-1"),
                await client.delete_instance(region_id="r1", instance_id="i-1"),
            ]

        if mode == "async":
            return both()
        return [
            client.modify_instance_attribute(region_id="r1", instance_id="i-1", name="web"),
            client.replace_instance_tags(region_id="r1", instance_id="i-1", tags=[vm.Tag(key="team", value="db")]),
            client.check_instance_exists(region_id="r1", instance_id="i-1"),
            client.delete_instance(region_id="r1", instance_id="i-1"),
        ]

    patched, replaced, exists, deleted = _run(vm, httpserver, mode, calls)
    assert patched is None and exists is None and deleted is None
    assert replaced.tags[0].key == "team" and replaced.tags[0].extra_fields == {"since": 2020}
    assert replaced._request_id == "b"
    methods = [(r.method, r.get_data()) for r, _ in httpserver.log]
    assert methods == [
        ("PATCH", b'{"name":"web"}'),
        ("PUT", b'{"tags":[{"key":"team","value":"db"}]}'),
        ("HEAD", b""),
        ("DELETE", b""),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_idempotent_call_is_retried_until_it_succeeds(vm: Any, httpserver: HTTPServer, mode: str) -> None:
    handler, seen = _counting(
        [ServerResponse("busy", status=503), ServerResponse("busy", status=502), _ok({"instanceIds": []})]
    )
    httpserver.expect_request("/v1/regions/r1/instances").respond_with_handler(handler)
    result = _run(vm, httpserver, mode, lambda c: c.describe_instances(region_id="r1"))
    assert seen == ["GET", "GET", "GET"]
    assert result.instances is None and result._request_id == "req-ok"
    dates = {r.headers["x-jdcloud-nonce"] for r, _ in httpserver.log}
    assert len(dates) == 3  # each attempt is signed afresh


@pytest.mark.parametrize("mode", MODES)
def test_post_is_not_retried_by_default(vm: Any, httpserver: HTTPServer, mode: str) -> None:
    handler, seen = _counting([ServerResponse("busy", status=503), _ok({"instanceIds": ["i"]})])
    httpserver.expect_request("/v1/regions/r1/instances", method="POST").respond_with_handler(handler)
    with pytest.raises(vm.InternalServerError) as raised:
        _run(vm, httpserver, mode, lambda c: c.create_instances(region_id="r1", instance_spec=vm.InstanceSpec(name="a", cpu=1)))
    assert seen == ["POST"]
    assert raised.value.status_code == 503


def test_post_is_retried_when_the_policy_allows_it(vm: Any, httpserver: HTTPServer) -> None:
    handler, seen = _counting([ServerResponse("busy", status=503), _ok({"instanceIds": ["i"]})])
    httpserver.expect_request("/v1/regions/r1/instances", method="POST").respond_with_handler(handler)
    policy = vm.RetryPolicy(initial_delay=0.01, retry_non_idempotent=True)
    result = _run(vm, httpserver, "sync", lambda c: c.create_instances(region_id="r1", instance_spec=vm.InstanceSpec(name="a", cpu=1)), retry=policy)
    assert seen == ["POST", "POST"] and result.instance_ids == ["i"]


def test_rate_limit_honours_retry_after_then_gives_up(vm: Any, httpserver: HTTPServer) -> None:
    limited = ServerResponse(
        json.dumps({"requestId": "req-429", "error": {"code": 429, "status": "TOO_MANY", "message": "slow down"}}),
        status=429,
        headers={"Retry-After": "0.2"},
        content_type="application/json",
    )
    handler, seen = _counting([limited])
    httpserver.expect_request("/v1/regions/r1/instances").respond_with_handler(handler)
    policy = vm.RetryPolicy(max_retries=1, initial_delay=0.0, max_delay=5)
    started = time.monotonic()
    with pytest.raises(vm.APIError) as raised:
        _run(vm, httpserver, "sync", lambda c: c.describe_instances(region_id="r1"), retry=policy)
    assert time.monotonic() - started >= 0.2
    assert seen == ["GET", "GET"]
    assert isinstance(raised.value, vm.RateLimitError)
    assert (raised.value.code, raised.value.request_id) == ("TOO_MANY", "req-429")


@pytest.mark.parametrize("mode", MODES)
def test_timeout_raises_timeout_error(vm: Any, httpserver: HTTPServer, mode: str) -> None:
    def slow(request: ServerRequest) -> ServerResponse:
        time.sleep(0.6)
        return _ok({})

    httpserver.expect_request("/v1/regions/r1/instances").respond_with_handler(slow)
    policy = vm.RetryPolicy(max_retries=0)
    with pytest.raises(vm.TransportError) as raised:
        _run(vm, httpserver, mode, lambda c: c.describe_instances(region_id="r1", timeout=0.1), retry=policy)
    assert isinstance(raised.value, vm.APITimeoutError)


@pytest.mark.parametrize("mode", MODES)
def test_error_envelope_and_unknown_fields(vm: Any, httpserver: HTTPServer, mode: str) -> None:
    httpserver.expect_request("/v1/regions/r1/instances/i-9", method="DELETE").respond_with_json(
        {"requestId": "req-404", "error": {"code": 404, "status": "NOT_FOUND", "message": "no i-9"}},
        status=404,
    )
    with pytest.raises(vm.APIError) as raised:
        _run(vm, httpserver, mode, lambda c: c.delete_instance(region_id="r1", instance_id="i-9"))
    error = raised.value
    assert isinstance(error, vm.NotFoundError)
    assert (error.status_code, error.code, error.message, error.request_id) == (404, "NOT_FOUND", "no i-9", "req-404")


def test_connection_refused_is_retried_then_raises_transport_error(vm: Any) -> None:
    client = vm.VmClient(
        vm.Credentials("AK", SECRET),
        endpoint="127.0.0.1:9",
        scheme="http",
        retry=vm.RetryPolicy(max_retries=2, initial_delay=0.01),
    )
    started = time.monotonic()
    with pytest.raises(vm.TransportError):
        client.describe_instances(region_id="r1")
    assert time.monotonic() - started < 5


def test_response_hook_sees_request_id_of_every_call(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="DELETE").respond_with_json({"requestId": "req-del"})
    seen: list[Any] = []
    _run(vm, httpserver, "sync", lambda c: c.delete_instance(region_id="r1", instance_id="i-1"), on_response=seen.append)
    assert [(r.request_id, r.status_code) for r in seen] == [("req-del", 200)]


def test_session_token_is_sent_and_signed(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="DELETE").respond_with_json({"requestId": "x"})
    client = vm.VmClient(vm.Credentials("AK", SECRET, "session-tok"), **_options(vm, httpserver))
    client.delete_instance(region_id="r1", instance_id="i-1")
    (request, _), = httpserver.log
    assert request.headers["x-jdcloud-security-token"] == "session-tok"
    assert "x-jdcloud-security-token" in request.headers["Authorization"]


def test_credentials_from_environment(vm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JDCLOUD_ACCESS_KEY", "AK-env")
    monkeypatch.setenv("JDCLOUD_SECRET_KEY", SECRET)
    assert vm.VmClient().credentials.access_key == "AK-env"
    monkeypatch.delenv("JDCLOUD_SECRET_KEY")
    with pytest.raises(vm.JDCloudError, match="JDCLOUD_SECRET_KEY"):
        vm.VmClient()


def test_secret_never_in_logs_reprs_or_errors(
    vm: Any, httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    handler, _ = _counting([ServerResponse("busy", status=503), ServerResponse(json.dumps({"error": {"message": "bad", "status": "X"}}), status=400)])
    httpserver.expect_request("/v1/regions/r1/instances").respond_with_handler(handler)
    texts: list[str] = []
    client = _sync(vm, httpserver)
    with pytest.raises(vm.APIError) as raised:
        client.describe_instances(region_id="r1", filters=[vm.Filter(name="n", values=["v"])])
    texts += [str(raised.value), repr(raised.value), repr(client), repr(client.credentials)]
    broken = vm.VmClient(vm.Credentials("AK", SECRET), endpoint="127.0.0.1:9", scheme="http", retry=vm.RetryPolicy(max_retries=1, initial_delay=0.01))
    with pytest.raises(vm.TransportError) as failed:
        broken.describe_instances(region_id="r1")
    texts += [str(failed.value), repr(failed.value), str(failed.value.__cause__)]
    texts += [record.getMessage() for record in caplog.records]
    assert any("retrying" in t for t in texts)  # the logs did record the calls
    assert all(SECRET not in t for t in texts)


@pytest.mark.parametrize("mode", MODES)
def test_own_httpx_client_is_used_with_its_features(vm: Any, httpserver: HTTPServer, mode: str) -> None:
    import httpx

    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="DELETE").respond_with_json({"requestId": "x"})
    seen: list[str] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.method)

    async def ahook(request: httpx.Request) -> None:
        seen.append(request.method)

    if mode == "sync":
        http = httpx.Client(event_hooks={"request": [hook]})
        vm.VmClient(vm.Credentials("AK", SECRET), http_client=http, **_options(vm, httpserver)).delete_instance(region_id="r1", instance_id="i-1")
    else:
        async def go() -> None:
            http = httpx.AsyncClient(event_hooks={"request": [ahook]})
            client = vm.AsyncVmClient(vm.Credentials("AK", SECRET), http_client=http, **_options(vm, httpserver))
            await client.delete_instance(region_id="r1", instance_id="i-1")
            await client.aclose()

        asyncio.run(go())
    assert seen == ["DELETE"] and len(httpserver.log) == 1


def test_in_process_transport(vm: Any) -> None:
    import httpx

    received: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(200, json={"requestId": "m", "result": {"instanceIds": ["i-3"]}})

    client = vm.VmClient(vm.Credentials("AK", SECRET), transport=httpx.MockTransport(handler))
    result = client.create_instances(region_id="r1", instance_spec=vm.InstanceSpec(name="n", cpu=1))
    assert result.instance_ids == ["i-3"] and result._request_id == "m"
    assert str(received[0].url) == "https://vm.jdcloud-api.com/v1/regions/r1/instances"


def test_environment_proxy_is_honoured_unless_bypassed(vm: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    client_module = __import__(vm.__name__.split(".")[0] + "._runtime.client", fromlist=["_env_proxy"])
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.setenv("NO_PROXY", "skip.example")
    assert client_module._env_proxy("https", "vm.jdcloud-api.com") == "http://proxy.internal:3128"
    assert client_module._env_proxy("https", "skip.example:443") is None
    assert client_module._env_proxy("http", "vm.jdcloud-api.com") is None


def test_error_envelope_in_a_200_answer_takes_its_kind_from_the_error_code(
    vm: Any, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1/regions/r1/instances/i-1", method="DELETE").respond_with_json(
        {"requestId": "req-e", "error": {"code": 403, "status": "PERMISSION_DENIED", "message": "no"}}
    )
    with pytest.raises(vm.PermissionDeniedError) as raised:
        _sync(vm, httpserver).delete_instance(region_id="r1", instance_id="i-1")
    assert (raised.value.status_code, raised.value.code) == (200, "PERMISSION_DENIED")


def test_an_answer_of_the_wrong_shape_raises_an_api_error(vm: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1/regions/r1/instances").respond_with_json(
        {"requestId": "req-odd", "result": {"instances": "not a list of objects"}}
    )
    with pytest.raises(vm.APIError, match="documented shape") as raised:
        _sync(vm, httpserver).describe_instances(region_id="r1")
    assert raised.value.request_id == "req-odd" and raised.value.status_code == 200
