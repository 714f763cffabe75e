"""The OpenAPI 3.1 export: valid documents, snapshots, the model's counts, real pages.

Update intended snapshot changes with
`.venv/bin/python -m pytest tests/test_openapi.py --snapshot-update` and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from syrupy.assertion import SnapshotAssertion

from conftest import FIXTURES, ROOT, require_corpus, run_cli
from generator.ir import HTTP_METHODS, Api
from generator.openapi_export import ERROR_ENVELOPE, export_api
from generator.diagnostics import Diagnostics
from generator.loader import LoadOptions, load_api

TREES = {"specs": ROOT / "specs", "fixture_pages": FIXTURES / "pages"}
METHODS = {method.lower() for method in HTTP_METHODS}
# Not in the test extra: it requires httpx<0.29 and the extra pins httpx 0.29.0,
# so the test installs it into a virtualenv of its own (cached by pytest).
OPENAPI_PYTHON_CLIENT = "openapi-python-client==0.29.1"

Document = dict[str, Any]


def _api(specs: Path) -> Api:
    """The intermediate model of a tree (the export needs no rendered code)."""
    diagnostics = Diagnostics()
    api, _ = load_api(specs, diagnostics, LoadOptions(jobs=os.cpu_count() or 1))
    assert not diagnostics.has_errors(), [str(e) for e in diagnostics.errors]
    return api


def _export(specs: Path) -> tuple[Api, dict[str, Document]]:
    api = _api(specs)
    documents = export_api(api)
    return api, {name: json.loads(text) for name, text in documents.items()}


def _operations(document: Document) -> dict[str, Document]:
    """operationId -> operation, over every path and method."""
    return {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in METHODS
    }


def _validate_all(documents: dict[str, Document]) -> None:
    for document in documents.values():
        validate(document, cls=OpenAPIV31SpecValidator)


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_document_is_valid_openapi_3_1(tree: str) -> None:
    api, documents = _export(TREES[tree])
    assert sorted(documents) == sorted(f"{s.module_name}.openapi.json" for s in api.services)
    _validate_all(documents)


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_document_matches_snapshot(tree: str, snapshot: SnapshotAssertion) -> None:
    documents = export_api(_api(TREES[tree]))
    assert sorted(documents) == snapshot(name="file list")
    for name, text in documents.items():
        assert text == snapshot(name=name)


@pytest.mark.parametrize("tree", sorted(TREES))
def test_operations_parameters_and_models_round_trip(tree: str) -> None:
    api, documents = _export(TREES[tree])
    for service in api.services:
        document = documents[f"{service.module_name}.openapi.json"]
        operations = _operations(document)
        assert len(operations) == len(service.operations)
        assert set(operations) == {op.name for op in service.operations}
        for op in service.operations:
            exported = operations[op.name]
            request_body = exported.get("requestBody", {})
            body = request_body.get("content", {})
            body_names = list(body.get("application/json", {}).get("schema", {}).get("properties", {}))
            names = [(p["in"], p["name"]) for p in exported.get("parameters", [])]
            if "x-jdcloud-parameter" in request_body:  # one parameter is the whole body
                names.append(("payload", request_body["x-jdcloud-parameter"]))
            else:
                names += [("body", name) for name in body_names]
            assert sorted(names) == sorted((p.location, p.wire_name) for p in op.parameters)
        schemas = set(document["components"]["schemas"]) - {ERROR_ENVELOPE}
        assert len(schemas) == len(service.models)
        assert schemas == {model.name for model in service.models}


def test_server_and_path_make_the_request_url() -> None:
    api, documents = _export(FIXTURES / "pages")
    for service in api.services:
        document = documents[f"{service.module_name}.openapi.json"]
        for path, item in document["paths"].items():
            for operation in item.values():
                original = next(o for o in service.operations if o.name == operation["operationId"])
                assert document["servers"][0]["url"] + path == f"https://{original.host}{original.path}"


def test_fixture_pages_are_described_as_jd_cloud_sends_them() -> None:
    _, documents = _export(FIXTURES / "pages")
    document = documents["vm.openapi.json"]
    operations = _operations(document)

    query = {p["name"]: p for p in operations["describeInstances"]["parameters"]}
    assert query["filters"]["in"] == "query"
    assert query["filters"]["x-jdcloud-flattening"] == "indexed-dotted"
    assert "filters.1=" in query["filters"]["description"]
    assert "style" not in query["filters"]
    assert query["instanceIds"]["schema"] == {"type": "array", "items": {"type": "string"}}
    assert "x-jdcloud-flattening" not in query["pageSize"]
    assert query["pageSize"]["schema"]["default"] == 20
    assert query["withDeleted"]["schema"]["default"] is False
    assert (query["regionId"]["in"], query["regionId"]["required"]) == ("path", True)

    create = operations["createInstances"]
    header = next(p for p in create["parameters"] if p["in"] == "header")
    assert (header["name"], header["required"]) == ("x-jdcloud-client-token", False)
    body = create["requestBody"]
    assert body["required"] is True
    schema = body["content"]["application/json"]["schema"]
    assert schema["required"] == ["instanceSpec"]
    assert schema["properties"]["maxCount"]["default"] == 1
    assert schema["properties"]["instanceSpec"]["$ref"] == "#/components/schemas/InstanceSpec"

    deleted = operations["deleteInstance"]["responses"]
    assert set(deleted) == {"204", "404"}
    assert "result" not in deleted["204"]["content"]["application/json"]["schema"]["properties"]
    assert deleted["404"]["content"]["application/json"]["schema"] == {
        "$ref": f"#/components/schemas/{ERROR_ENVELOPE}"
    }
    listed = operations["describeInstances"]["responses"]["200"]["content"]["application/json"]
    envelope = listed["schema"]["properties"]
    assert envelope["result"] == {"$ref": "#/components/schemas/DescribeInstancesResult"}
    assert set(envelope) == {"requestId", "result", "error"}

    schemas = document["components"]["schemas"]
    assert schemas["Filter"]["required"] == ["name", "values"]
    assert schemas["Filter"]["properties"]["operator"]["default"] == "eq"
    instance = schemas["Instance"]["properties"]
    assert instance["tags"]["additionalProperties"] is True
    assert "type" not in instance["metadata"]
    assert schemas["DescribeInstancesResult"]["properties"]["totalCount"]["type"] == "number"

    scheme = document["components"]["securitySchemes"]["jdcloudSignature"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
    assert "JDCLOUD3-HMAC-SHA256" in scheme["description"]
    assert scheme["x-jdcloud-signature-versions"] == ["JDCLOUD2", "JDCLOUD3"]
    assert document["security"] == [{"jdcloudSignature": []}]


def test_same_request_alias_region_host_and_return_codes(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    delete = (FIXTURES / "pages" / "vm" / "deleteInstance.md").read_text("utf-8")
    codes = "|**204**|Deleted|\n|**404**|Instance not found|"
    with_error_codes = delete.replace(
        codes,
        "|HTTP Status|Error Code|Description|Explanation|\n|---|---|---|---|\n"
        "|**204**| |Deleted| |\n|**404**|NOT_FOUND|Instance not found| |\n"
        "|**404**|REGION_NOT_FOUND|Region not found|Check regionId|",
    ).replace("|Return Code|Description|\n|---|---|\n", "")
    (pages / "deleteInstance.md").write_text(with_error_codes, "utf-8")
    (pages / "removeInstance.md").write_text(
        delete.replace("# deleteInstance", "# removeInstance"), "utf-8"
    )
    stop = (
        delete.replace("# deleteInstance", "# stopInstance")
        .replace("DELETE", "POST")
        .replace("vm.jdcloud-api.com/v1/regions/{regionId}/instances/{instanceId}",
                 "vm.{regionid}.jdcloud-api.com/v1/regions/{regionId}/instances/{instanceId}:stop")
        .replace(codes, "|**OK**|Stopped|")
    )
    (pages / "stopInstance.md").write_text(stop, "utf-8")
    _, documents = _export(pages)
    _validate_all(documents)
    paths = documents["vm.openapi.json"]["paths"]
    deleted = paths["/v1/regions/{regionId}/instances/{instanceId}"]["delete"]
    assert deleted["x-jdcloud-aliases"] == ["removeInstance"]
    assert deleted["responses"]["404"]["description"] == (
        "NOT_FOUND: Instance not found; REGION_NOT_FOUND: Region not found Check regionId"
    )
    assert deleted["responses"]["204"]["description"] == "Deleted"
    stopped = paths["/v1/regions/{regionId}/instances/{instanceId}:stop"]["post"]
    assert stopped["responses"]["200"]["description"] == "HTTP 200"
    assert list(stopped["responses"]) == ["200"]
    assert stopped["servers"] == [
        {
            "url": "https://vm.{regionid}.jdcloud-api.com",
            "variables": {
                "regionid": {"default": "cn-north-1", "description": "the region of the request"}
            },
        }
    ]


def test_command_writes_documents_and_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    out = tmp_path / "openapi" / "nested"
    assert run_cli("openapi", FIXTURES / "pages", "-o", out, "-q") == 0
    document = out / "vm.openapi.json"
    assert document.read_text("utf-8") == export_api(_api(FIXTURES / "pages"))["vm.openapi.json"]
    os.utime(document, ns=(1_000_000_000, 1_000_000_000))
    assert run_cli("openapi", FIXTURES / "pages", "-o", out, "-q") == 0
    assert document.stat().st_mtime_ns == 1_000_000_000
    document.write_text("{}\n", "utf-8")
    assert run_cli("openapi", FIXTURES / "pages", "-o", out, "-q") == 0
    assert json.loads(document.read_text("utf-8"))["openapi"] == "3.1.0"


@pytest.mark.corpus
@pytest.mark.parametrize("language", ["en", "cn"])
def test_whole_corpus_exports_valid_documents(language: str) -> None:
    api, documents = _export(require_corpus(language, "API"))
    assert len(documents) == len(api.services) > 10
    _validate_all(documents)
    for service in api.services:
        operations = _operations(documents[f"{service.module_name}.openapi.json"])
        aliases = sum(len(op.get("x-jdcloud-aliases", [])) for op in operations.values())
        assert len(operations) + aliases == len(service.operations)


@pytest.fixture(scope="session")
def openapi_python_client(pytestconfig: pytest.Config) -> Path:
    """The openapi-python-client command, installed once into a cached virtualenv."""
    assert pytestconfig.cache is not None
    home = pytestconfig.cache.mkdir("openapi-python-client") / OPENAPI_PYTHON_CLIENT.split("==")[1]
    command = home / "bin" / "openapi-python-client"
    installed = home / "installed"
    if installed.exists():
        return command
    shutil.rmtree(home, ignore_errors=True)
    steps = [
        [sys.executable, "-m", "venv", str(home)],
        [str(home / "bin" / "python"), "-m", "pip", "install", "--quiet", OPENAPI_PYTHON_CLIENT],
    ]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
            pytest.skip(f"cannot install {OPENAPI_PYTHON_CLIENT} here: {detail}")
    installed.touch()
    return command


@pytest.mark.corpus
def test_openapi_python_client_generates_a_client(
    openapi_python_client: Path, tmp_path: Path
) -> None:
    pages = require_corpus("en", "API", "JDFusion")
    _, documents = _export(pages)
    path = tmp_path / "jdfusion.openapi.json"
    path.write_text(json.dumps(documents["jdfusion.openapi.json"]), "utf-8")
    out = tmp_path / "client"
    environment = os.environ | {
        "PATH": f"{openapi_python_client.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    }
    result = subprocess.run(
        [str(openapi_python_client), "generate", "--path", str(path),
         "--output-path", str(out), "--meta", "none"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr
    modules = sorted(out.rglob("*.py"))
    endpoints = [m for m in modules if m.parent.parent.name == "api" and m.name != "__init__.py"]
    assert len(endpoints) == len(_operations(documents["jdfusion.openapi.json"]))
    for module in modules:
        compile(module.read_text("utf-8"), str(module), "exec")
