"""The generated signer: the public guide's worked example, and agreement with the vendor's SDK."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import ROOT, run_cli, vendor_authorization


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Any:
    import importlib
    import sys

    out = tmp_path_factory.mktemp("signing") / "signing_sdk"
    assert run_cli("generate", ROOT / "specs", "-o", out, "-q") == 0
    sys.path.insert(0, str(out.parent))
    try:
        yield importlib.import_module("signing_sdk._runtime.signing"), importlib.import_module(
            "signing_sdk._runtime"
        )
    finally:
        sys.path.remove(str(out.parent))
        for key in [k for k in sys.modules if k.startswith("signing_sdk")]:
            del sys.modules[key]


def test_guide_worked_example_reproduces_published_signature(runtime: Any) -> None:
    signing, package = runtime
    credentials = package.Credentials("TESTAK", "TESTSK")
    authorization = signing.sign(
        method="POST",
        host=None,
        path="/v1/resource:action",
        query="p1=p1&p0=p0&o=%&u=u",
        headers={
            "x-jdcloud-date": "20190214T104514Z",
            "x-jdcloud-nonce": "testnonce",
            "x-my-header": "test",
            "x-my-header_blank": " blank",
        },
        body=b"body data",
        credentials=credentials,
        service="test",
        region="cn-north-1",
        version="JDCLOUD2",
    )
    assert authorization == (
        "JDCLOUD2-HMAC-SHA256 Credential=TESTAK/20190214/cn-north-1/test/jdcloud2_request, "
        "SignedHeaders=x-jdcloud-date;x-jdcloud-nonce;x-my-header;x-my-header_blank, "
        "Signature=2a98f83c074e7bee260bfc8ef64f009c07595bd93f7f0c3f4e156bf6479ed9bf"
    )


def test_canonical_parts_match_the_guide(runtime: Any) -> None:
    signing, _ = runtime
    assert signing.canonical_uri("/v1/resource:action") == "/v1/resource%3Aaction"
    assert signing.canonical_query("p1=p1&p0=p0&o=%&u=u") == "o=%25&p0=p0&p1=p1&u=u"


@pytest.mark.parametrize(
    ("method", "path", "query", "extra", "body"),
    [
        ("GET", "/v1/regions/cn-north-1/instances", "pageNumber=1&filters.1.name=a%20b", {}, ""),
        ("POST", "/v1/regions/cn-north-1/instances/i-1:restart", "", {"x-jdcloud-x": " v "}, "{}"),
        ("DELETE", "/v1/regions/r/instances/i%2F2", "z=1&a=2&a=1", {}, ""),
        ("PUT", "/v1/x", "", {"content-type": "application/json"}, '{"name":"中文"}'),
    ],
)
def test_jdcloud3_agrees_with_vendor_signer(
    runtime: Any, method: str, path: str, query: str, extra: dict[str, str], body: str
) -> None:
    signing, package = runtime
    headers = {
        "x-jdcloud-date": "20240102T030405Z",
        "x-jdcloud-nonce": "4f7c3a4e-nonce",
        **extra,
    }
    ours = signing.sign(
        method=method,
        host="vm.jdcloud-api.com",
        path=path,
        query=query,
        headers=headers,
        body=body.encode("utf-8"),
        credentials=package.Credentials("AKID", "SECRET"),
        service="vm",
        region="cn-north-1",
    )
    url = f"https://vm.jdcloud-api.com{path}" + (f"?{query}" if query else "")
    assert ours == vendor_authorization(
        method=method,
        url=url,
        headers=headers,
        body=body,
        service="vm",
        region="cn-north-1",
        access_key="AKID",
        secret_key="SECRET",
    )
