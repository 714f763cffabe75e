"""Hard cases: one fixture folder per kind of fault that broke other generators.

Each folder under ``tests/fixtures/cases/`` holds small pages (rewritten from
``shared/cases/<kind>/``); the tests below turn every statement of that kind's
EXPECTED.md into assertions on the generated package: the exact wire form against
a real HTTP server on 127.0.0.1, the Python names, compilation, type hints,
docstrings and round trips. Where the generator is known to be wrong, the single
test is marked ``xfail(strict=True)`` with the reason; the assertion stays as it
should be.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import json
import keyword
import shutil
import subprocess
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest
from mypy import api as mypy_api
from pytest_httpserver import HTTPServer

from conftest import FIXTURES, ROOT, read_tree, run_cli
from generator.diagnostics import Diagnostics
from generator.loader import load_api

CASES = FIXTURES / "cases"

# kind -> (service subpackage, what to generate from)
KINDS: dict[str, tuple[str, Path]] = {
    "empty-and-none-tables": ("blockstore", CASES / "empty-and-none-tables"),
    "header-params": ("hybridcloud", CASES / "header-params"),
    "heading-variants": ("edgenet", CASES / "heading-variants"),
    "invalid-identifier-names": ("objectstore", CASES / "invalid-identifier-names"),
    "map-and-object-types": ("labels", CASES / "map-and-object-types"),
    "path-action-suffix": ("compute", CASES / "path-action-suffix"),
    "python-keyword-names": ("transfer", CASES / "python-keyword-names"),
    "query-list-of-objects": ("volumes", CASES / "query-list-of-objects"),
    "quotes-and-backslashes-in-text": ("textsvc", CASES / "quotes-and-backslashes-in-text"),
    "recursive-models": ("catalog", CASES / "recursive-models"),
    "same-name-different-shape": ("alarms", CASES / "same-name-different-shape"),
    # The folder also holds a page whose default does not fit its type, which must
    # fail the run; the package is generated from the good page alone.
    "typed-defaults": ("audit", CASES / "typed-defaults" / "describeAuditLogs.md"),
}


def _package(kind: str) -> str:
    return "case_" + kind.replace("-", "_")


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The output folder of one kind, generated once per session."""
    cache: dict[str, Path] = {}

    def build(kind: str) -> Path:
        if kind not in cache:
            out = tmp_path_factory.mktemp("cases") / _package(kind)
            assert run_cli("generate", KINDS[kind][1], "-o", out, "-q") == 0
            cache[kind] = out
        return cache[kind]

    return build


@pytest.fixture
def case(
    generated: Callable[[str], Path], import_package: Callable[[Path, str], ModuleType]
) -> Callable[..., ModuleType]:
    """Import a kind's service package (or one of its modules: ``module="models"``)."""

    def load(kind: str, module: str | None = None) -> ModuleType:
        out = generated(kind)
        name = f"{out.name}.{KINDS[kind][0]}" + (f".{module}" if module else "")
        return import_package(out, name)

    return load


def _client(module: ModuleType, server: HTTPServer, **options: Any) -> Any:
    name = next(n for n in module.__all__ if n.endswith("Client") and not n.startswith("Async"))
    return getattr(module, name)(
        module.Credentials("AKCASES", "SKCASES-secret"),
        endpoint=f"127.0.0.1:{server.port}",
        scheme="http",
        retry=module.RetryPolicy(max_retries=0),
        **options,
    )


def _only_request(server: HTTPServer) -> Any:
    assert len(server.log) == 1, server.log
    return server.log[0][0]


def _query(request: Any) -> list[tuple[str, str]]:
    return parse_qsl(request.query_string.decode("ascii"), keep_blank_values=True)


def _model_classes(package: ModuleType) -> dict[str, type]:
    models = importlib.import_module(package.__name__ + ".models")
    return {name: getattr(models, name) for name in models.__all__}


def _public_methods(client_class: type) -> set[str]:
    return {n for n, v in vars(client_class).items() if callable(v) and not n.startswith("_")}


def _arguments(method: Callable[..., Any]) -> list[str]:
    return [p for p in inspect.signature(method).parameters if p != "self"]


def _load_ir(source: Path) -> tuple[Any, Diagnostics]:
    diagnostics = Diagnostics()
    api, _ = load_api(source, diagnostics)
    return api, diagnostics


def _py_compile(files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "py_compile", *map(str, files)],
        capture_output=True,
        text=True,
    )


def _line_of(page: Path, text: str) -> int:
    for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {page}")


# -- every kind ---------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_generated_modules_compile_with_warnings_as_errors(
    kind: str, generated: Callable[[str], Path]
) -> None:
    sources = sorted(generated(kind).rglob("*.py"))
    assert sources
    result = _py_compile(sources)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_type_hints_resolve_on_every_model_class_and_method(
    kind: str, case: Callable[..., ModuleType]
) -> None:
    package = case(kind)
    for name, cls in _model_classes(package).items():
        hints = typing.get_type_hints(cls)
        assert "extra_fields" in hints, name
        assert {f.name for f in dataclasses.fields(cls)} <= set(hints), name
    client = next(getattr(package, n) for n in package.__all__ if n.endswith("Client"))
    for name in _public_methods(client) - {"close", "aclose"}:
        typing.get_type_hints(getattr(client, name))


def test_every_case_package_passes_mypy_strict(
    generated: Callable[[str], Path], tmp_path: Path
) -> None:
    folders = [str(generated(kind)) for kind in sorted(KINDS)]
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), "--python-version", "3.11", *folders]
    )
    assert status == 0, stdout + stderr


# -- empty-and-none-tables ------------------------------------------------------

EMPTY = "empty-and-none-tables"


def test_none_and_wu_tables_make_no_parameters_models_or_names(
    case: Callable[..., ModuleType],
) -> None:
    """`None`, `无` and header-only tables mean "nothing here"; the words never become names."""
    api, diagnostics = _load_ir(KINDS[EMPTY][1])
    assert not diagnostics.errors
    (service,) = api.services
    operations = {o.name: o for o in service.operations}
    assert [p.location for p in operations["deleteSnapshot"].parameters] == ["path", "path"]
    assert [p.location for p in operations["enableAuditLog"].parameters] == ["path", "path"]
    assert operations["deleteSnapshot"].result is None
    assert operations["enableAuditLog"].result is None
    # No request model for the empty tables: only the declared (empty) ones exist.
    assert sorted(m.name for m in service.models) == ["EmptySettings", "UpdateEmptySettingsResult"]
    words = {"none", "无"}
    for op in service.operations:
        for p in op.parameters:
            assert p.wire_name.lower() not in words and p.type.source.lower() not in words
    for model in service.models:
        assert model.wire_name.lower() not in words
        assert all(f.wire_name.lower() not in words for f in model.fields)

    package = case(EMPTY)
    client = package.BlockstoreClient
    assert _arguments(client.delete_snapshot) == ["region_id", "snapshot_id", "timeout"]
    assert _arguments(client.enable_audit_log) == ["region_id", "instance_id", "timeout"]
    assert inspect.signature(client.delete_snapshot).return_annotation in (None, "None")
    assert inspect.signature(client.enable_audit_log).return_annotation in (None, "None")
    assert sorted(_model_classes(package)) == ["EmptySettings", "UpdateEmptySettingsResult"]


@pytest.mark.parametrize("status", [200, 204])
def test_delete_and_post_send_no_body_and_return_none_on_an_empty_answer(
    case: Callable[..., ModuleType], httpserver: HTTPServer, status: int
) -> None:
    package = case(EMPTY)
    httpserver.expect_request(
        "/v1/regions/r1/snapshots/snap-1", method="DELETE"
    ).respond_with_data("", status=status)
    httpserver.expect_request(
        "/v1/regions/r1/instances/i-1/auditLog", method="POST"
    ).respond_with_data("", status=status)
    client = _client(package, httpserver)
    assert client.delete_snapshot(region_id="r1", snapshot_id="snap-1") is None
    assert client.enable_audit_log(region_id="r1", instance_id="i-1") is None
    assert [r.method for r, _ in httpserver.log] == ["DELETE", "POST"]
    for request, _ in httpserver.log:
        assert request.get_data() == b""
        assert request.headers.get("Content-Length", "0") == "0"
        assert request.query_string == b""


def test_post_without_parameters_accepts_a_bare_envelope(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(EMPTY)
    httpserver.expect_request("/v1/regions/r1/instances/i-1/auditLog").respond_with_json(
        {"requestId": "req-audit"}
    )
    seen: list[Any] = []
    client = _client(package, httpserver, on_response=seen.append)
    assert client.enable_audit_log(region_id="r1", instance_id="i-1") is None
    assert seen[0].request_id == "req-audit"


@pytest.mark.parametrize(
    "answer",
    [
        {"requestId": "req-404", "error": {"code": 404, "status": "NOT_FOUND", "message": "gone"}},
        None,
    ],
    ids=["envelope", "empty"],
)
def test_404_still_raises_the_clients_error(
    case: Callable[..., ModuleType], httpserver: HTTPServer, answer: Any
) -> None:
    package = case(EMPTY)
    expectation = httpserver.expect_request("/v1/regions/r1/snapshots/missing", method="DELETE")
    if answer is None:
        expectation.respond_with_data("", status=404)
    else:
        expectation.respond_with_json(answer, status=404)
    client = _client(package, httpserver)
    with pytest.raises(package.APIError) as raised:
        client.delete_snapshot(region_id="r1", snapshot_id="missing")
    assert isinstance(raised.value, package.NotFoundError)
    assert raised.value.status_code == 404
    if answer is not None:
        assert (raised.value.code, raised.value.message) == ("NOT_FOUND", "gone")


def test_header_only_tables_become_valid_empty_classes(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(EMPTY)
    for cls in (package.EmptySettings, package.UpdateEmptySettingsResult):
        assert [f.name for f in dataclasses.fields(cls)] == ["extra_fields"]
        assert cls().to_dict() == {}
        assert cls.from_dict({}).to_dict() == {}
        # Unknown members are accepted, never an error (the README's rule: kept in extra_fields).
        tolerant = cls.from_dict({"laterField": [1, {"x": None}]})
        assert tolerant.extra_fields == {"laterField": [1, {"x": None}]}
        assert tolerant.to_dict() == {"laterField": [1, {"x": None}]}

    httpserver.expect_request("/v1/regions/r1/settings", method="PUT").respond_with_json(
        {"requestId": "req-s", "result": {}}
    )
    client = _client(package, httpserver)
    result = client.update_empty_settings(region_id="r1", settings=package.EmptySettings())
    assert isinstance(result, package.UpdateEmptySettingsResult)
    assert result.to_dict() == {}
    assert json.loads(_only_request(httpserver).get_data()) == {"settings": {}}


def test_empty_from_dict_has_no_unused_variables_and_the_module_is_lint_clean(
    generated: Callable[[str], Path],
) -> None:
    """The project's lint is mypy --strict (run for every case above); on top of it,
    no function assigns a name it never reads. Conversion lives in the runtime: the
    models module declares data only."""
    models = generated(EMPTY) / KINDS[EMPTY][0] / "models.py"
    serde = generated(EMPTY) / "_runtime" / "serde.py"
    model_tree = ast.parse(models.read_text("utf-8"))
    assert not [n for n in ast.walk(model_tree) if isinstance(n, ast.FunctionDef)]
    functions = [
        n for n in ast.walk(ast.parse(serde.read_text("utf-8"))) if isinstance(n, ast.FunctionDef)
    ]
    assert {"to_dict", "from_dict"} <= {f.name for f in functions}
    for function in functions:
        stored = {
            n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        loaded = {
            n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
        }
        assert stored - {"_"} <= loaded, (function.name, stored - loaded)
    assert _py_compile([models, serde]).returncode == 0


# -- header-params --------------------------------------------------------------

HEADERS = "header-params"


def test_get_sends_header_parameters_only_as_headers(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADERS)
    httpserver.expect_request("/v1/regions/r1/cloudAccounts", method="GET").respond_with_json(
        {"requestId": "req-1", "result": {"accountIds": ["a-1", "a-2"]}}
    )
    client = _client(package, httpserver)
    result = client.describe_cloud_accounts(
        region_id="r1",
        x_jdcloud_fusion_cloudid="cloud-7",
        x_jdcloud_account_id="acct-9",
        page_size=50,
    )
    assert result.account_ids == ["a-1", "a-2"]
    request = _only_request(httpserver)
    assert _query(request) == [("pageSize", "50")]
    assert request.get_data() == b""
    assert request.headers["x-jdcloud-fusion-cloudid"] == "cloud-7"
    assert request.headers["x-jdcloud-account-id"] == "acct-9"


def test_post_sends_header_parameter_as_header_and_model_member_in_body(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADERS)
    httpserver.expect_request("/v1/regions/r1/cloudKeypairs", method="POST").respond_with_json(
        {"requestId": "req-2", "result": {"keypairId": "kp-1"}}
    )
    client = _client(package, httpserver)
    result = client.create_cloud_keypair(
        region_id="r1",
        keypair=package.KeypairSpec(name="deploy", x_label="blue"),
        x_jdcloud_fusion_cloudid="cloud-7",
    )
    assert result.keypair_id == "kp-1"
    request = _only_request(httpserver)
    # `x-label` is a member of the KeypairSpec model: an ordinary body field, not a header.
    assert json.loads(request.get_data()) == {"keypair": {"name": "deploy", "x-label": "blue"}}
    assert request.headers["x-jdcloud-fusion-cloudid"] == "cloud-7"
    assert "x-label" not in request.headers
    assert request.query_string == b""


def test_header_parameters_have_valid_python_names(case: Callable[..., ModuleType]) -> None:
    package = case(HEADERS)
    client = package.HybridcloudClient
    assert _arguments(client.create_cloud_keypair) == [
        "region_id",
        "keypair",
        "x_jdcloud_fusion_cloudid",
        "timeout",
    ]
    assert _arguments(client.describe_cloud_accounts) == [
        "region_id",
        "x_jdcloud_fusion_cloudid",
        "x_jdcloud_account_id",
        "page_size",
        "timeout",
    ]
    assert [f.name for f in dataclasses.fields(package.KeypairSpec)] == [
        "name",
        "x_label",
        "extra_fields",
    ]
    signature = inspect.signature(client.describe_cloud_accounts)
    assert signature.parameters["x_jdcloud_fusion_cloudid"].default is inspect.Parameter.empty


def test_missing_required_header_raises_before_any_request(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADERS)
    client = _client(package, httpserver)
    with pytest.raises(package.ParameterError, match="x-jdcloud-fusion-cloudid"):
        client.describe_cloud_accounts(region_id="r1", x_jdcloud_fusion_cloudid=None)
    with pytest.raises(package.ParameterError, match="x-jdcloud-fusion-cloudid"):
        client.create_cloud_keypair(
            region_id="r1", keypair=package.KeypairSpec(name="k"), x_jdcloud_fusion_cloudid=None
        )
    with pytest.raises(TypeError):
        client.describe_cloud_accounts(region_id="r1")
    assert httpserver.log == []


def test_unset_optional_header_is_not_sent(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADERS)
    httpserver.expect_request("/v1/regions/r1/cloudAccounts").respond_with_json(
        {"requestId": "req-3", "result": {}}
    )
    client = _client(package, httpserver)
    client.describe_cloud_accounts(region_id="r1", x_jdcloud_fusion_cloudid="cloud-7")
    request = _only_request(httpserver)
    assert "x-jdcloud-account-id" not in request.headers
    assert all(value != "" for _, value in request.headers.items())
    assert all(not name.startswith("x-jdcloud-") for name, _ in _query(request))


# -- heading-variants -----------------------------------------------------------

HEADINGS = "heading-variants"
_CANONICAL_EN = [
    ("## Request method", "## Request Method"),
    ("## Request address", "## Request Address"),
    ("## Request Parameters", "## Request Parameter"),
    ("## Return Parameters", "## Return Parameter"),
    ("## Return code", "## Return Code"),
    ("|Return code|", "|Return Code|"),
    ("|Required or not|Default value|", "|Required or Not|Default Value|"),
]
_CANONICAL_CN = [
    ("[Result](describeRedirectSetting#result)", "Result"),
    ("[RedirectRule](describeRedirectSetting#redirectrule)", "RedirectRule"),
    ('### <div id="result">Result</div>', "### Result"),
    ('### <div id="redirectrule">RedirectRule</div>', "### RedirectRule"),
]


@pytest.mark.parametrize(
    ("page", "replacements"),
    [("associateAddress.md", _CANONICAL_EN), ("describeRedirectSetting.md", _CANONICAL_CN)],
)
def test_variant_headings_give_the_output_of_canonical_headings(
    page: str, replacements: list[tuple[str, str]], tmp_path: Path
) -> None:
    variant = (CASES / HEADINGS / page).read_text("utf-8")
    canonical = variant
    for old, new in replacements:
        assert old in canonical, old
        canonical = canonical.replace(old, new)
    trees = []
    for name, text in (("variant", variant), ("canonical", canonical)):
        pages = tmp_path / name / "pages"
        pages.mkdir(parents=True)
        (pages / page).write_text(text, "utf-8")
        out = tmp_path / name / "heading_sdk"
        assert run_cli("generate", pages, "-o", out, "-q") == 0
        trees.append(read_tree(out))
    assert trees[0] == trees[1]


def test_variant_headings_are_read_without_warnings() -> None:
    api, diagnostics = _load_ir(KINDS[HEADINGS][1])
    assert not diagnostics.errors and not diagnostics.warnings, diagnostics.items
    assert api.skipped == ()
    assert sorted(o.name for o in api.services[0].operations) == [
        "associateAddress",
        "createRedirectRule",
        "describeRedirectSetting",
    ]


def test_associate_address_posts_its_body_to_the_action_url(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADINGS)
    httpserver.expect_request(
        "/v1/regions/r1/networkInterfaces/eni-1:associateAddress", method="POST"
    ).respond_with_json({"requestId": "req-assoc"})
    seen: list[Any] = []
    client = _client(package, httpserver, on_response=seen.append)
    assert client.associate_address(
        region_id="r1", interface_id="eni-1", address_id="fip-1", private_ip="10.0.0.5"
    ) is None
    request = _only_request(httpserver)
    assert request.environ["REQUEST_URI"] == "/v1/regions/r1/networkInterfaces/eni-1:associateAddress"
    assert json.loads(request.get_data()) == {"addressId": "fip-1", "privateIp": "10.0.0.5"}
    assert seen[0].request_id == "req-assoc"
    assert _arguments(package.EdgenetClient.associate_address) == [
        "region_id",
        "interface_id",
        "address_id",
        "private_ip",
        "timeout",
    ]
    required = inspect.signature(package.EdgenetClient.associate_address).parameters
    assert required["address_id"].default is inspect.Parameter.empty
    assert required["private_ip"].default is None


def test_div_heading_defines_result_and_link_types_resolve_to_models(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADINGS)
    hints = typing.get_type_hints(package.DescribeRedirectSettingResult)
    assert hints["data"] == package.RedirectRule | None
    assert hints["history"] == list[package.RedirectRule] | None
    payload = {
        "data": {"ruleId": "rr-1", "enabled": True},
        "history": [{"ruleId": "rr-0", "enabled": False}, {"ruleId": "rr-00"}],
    }
    httpserver.expect_request("/v1/zones/z-1/redirectSetting", method="GET").respond_with_json(
        {"requestId": "req-r", "result": payload}
    )
    result = _client(package, httpserver).describe_redirect_setting(zone_id="z-1")
    assert isinstance(result, package.DescribeRedirectSettingResult)
    assert isinstance(result.data, package.RedirectRule) and result.data.enabled is True
    assert [type(r) for r in result.history] == [package.RedirectRule] * 2
    assert result.history[1].rule_id == "rr-00"
    assert result.to_dict() == payload
    assert package.DescribeRedirectSettingResult.from_dict(payload).to_dict() == payload


def test_chinese_required_column_is_read(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(HEADINGS)
    parameters = inspect.signature(package.EdgenetClient.create_redirect_rule).parameters
    assert parameters["rule"].default is inspect.Parameter.empty
    assert parameters["comment"].default is None
    fields = {f.name: f for f in dataclasses.fields(package.RuleSpec)}
    assert fields["target"].default is dataclasses.MISSING
    assert typing.get_type_hints(package.RuleSpec)["target"] is str
    client = _client(package, httpserver)
    with pytest.raises(package.ParameterError, match="rule"):
        client.create_redirect_rule(zone_id="z-1", rule=None)
    assert httpserver.log == []


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("## Request Parameters", "## Request Arguments", "unrecognised heading 'Request Arguments'"),
        ("## Description", "## Summary", "unrecognised heading 'Summary'"),
        (
            "## Request method",
            "### Caution\nBinding replaces the old address.\n\n## Request method",
            "heading 'Caution' is not under a parameter section",
        ),
    ],
    ids=["request-section", "description-section", "subheading"],
)
def test_unrecognised_heading_is_reported_with_file_and_line(
    old: str, new: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / "associateAddress.md"
    page.write_text((CASES / HEADINGS / "associateAddress.md").read_text("utf-8").replace(old, new))
    heading = new.split("\n")[0]
    line = _line_of(page, heading)
    capsys.readouterr()
    assert run_cli("generate", pages, "-o", tmp_path / "out") == 0
    stderr = capsys.readouterr().err
    assert f"{page.as_posix()}:{line}: warning: {message}" in stderr, stderr


# -- invalid-identifier-names ---------------------------------------------------

IDENTIFIERS = "invalid-identifier-names"


def test_names_that_are_not_identifiers_map_to_valid_distinct_identifiers(
    case: Callable[..., ModuleType],
) -> None:
    package = case(IDENTIFIERS)
    arguments = _arguments(package.ObjectstoreClient.update_bucket_settings)
    assert arguments == [
        "region_id",
        "bucket_name",
        "max_count",
        "spec_cpu",
        "spec_cpu_2",
        "field_2fa_enabled",
        "policy",
        "timeout",
    ]
    assert "AccessPolicy" in package.__all__
    policy_fields = [f.name for f in dataclasses.fields(package.AccessPolicy)]
    assert policy_fields == ["allow_list", "field_3rd_party", "content_type", "extra_fields"]
    result_fields = [f.name for f in dataclasses.fields(package.UpdateBucketSettingsResult)]
    assert result_fields == ["updated_at", "extra_fields"]
    for names in (arguments, policy_fields, result_fields):
        assert len(set(names)) == len(names)
        assert all(n.isidentifier() and not keyword.iskeyword(n) for n in names)


def test_wire_names_stay_as_written(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(IDENTIFIERS)
    httpserver.expect_request(
        "/v1/regions/r1/buckets/my bucket/x/settings", method="PUT"
    ).respond_with_json({"requestId": "req-b", "result": {"updated-at": "2024-05-01T00:00:00Z"}})
    client = _client(package, httpserver)
    result = client.update_bucket_settings(
        region_id="r1",
        bucket_name="my bucket/x",
        max_count=500,
        spec_cpu=2,
        spec_cpu_2=4,
        field_2fa_enabled=True,
        policy=package.AccessPolicy(
            allow_list=["10.0.0.0/8", "example.com"],
            field_3rd_party=False,
            content_type="image/png",
        ),
    )
    assert result.updated_at == "2024-05-01T00:00:00Z"
    request = _only_request(httpserver)
    assert request.environ["REQUEST_URI"] == "/v1/regions/r1/buckets/my%20bucket%2Fx/settings"
    assert json.loads(request.get_data()) == {
        "max-count": 500,
        "spec.cpu": 2,
        "spec_cpu": 4,
        "2faEnabled": True,
        "policy": {
            "allow-list": ["10.0.0.0/8", "example.com"],
            "3rdParty": False,
            "content-type": "image/png",
        },
    }
    wire = {"allow-list": ["a"], "3rdParty": True, "content-type": "text/plain"}
    assert package.AccessPolicy.from_dict(wire).to_dict() == wire
    assert package.AccessPolicy.from_dict(wire).field_3rd_party is True


# -- map-and-object-types -------------------------------------------------------

MAPS = "map-and-object-types"
_ANY_JSON = {
    "nested": {"deeper": {"list": [1, 2.5, True, None, "x", {"k": [None]}]}},
    "number": 3,
    "flag": True,
    "nothing": None,
    "items": ["a", 1, False],
}
_DATA_KEYS = {"costCenter": 1, "team-name": "a", "from": None, "class": {"in": [True]}}


def test_map_is_a_dict_and_object_is_any(case: Callable[..., ModuleType]) -> None:
    package = case(MAPS)
    hints = typing.get_type_hints(package.LabelsClient.update_resource_labels)
    assert hints["labels"] == dict[str, Any] | None
    assert hints["metadata"] in (Any, Any | None, typing.Optional[Any])
    result_hints = typing.get_type_hints(package.UpdateResourceLabelsResult)
    assert result_hints["attributes"] == dict[str, Any] | None
    assert result_hints["raw"] in (Any, typing.Optional[Any])
    assert typing.get_type_hints(package.LabelSet)["values"] == dict[str, Any]


def test_map_and_object_values_pass_through_both_ways_unchanged(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(MAPS)
    answer = {"attributes": _DATA_KEYS, "raw": [_ANY_JSON, None, 0, "s", False]}
    httpserver.expect_request(
        "/v1/regions/r1/resources/res-1/labels", method="PATCH"
    ).respond_with_json({"requestId": "req-l", "result": answer})
    client = _client(package, httpserver)
    result = client.update_resource_labels(
        region_id="r1",
        resource_id="res-1",
        labels=_DATA_KEYS,
        metadata=_ANY_JSON,
        extra=package.LabelSet(values={"team-name": "b", "async": None, "n": [1, {"m": True}]}),
    )
    request = _only_request(httpserver)
    assert json.loads(request.get_data()) == {
        "labels": _DATA_KEYS,
        "metadata": _ANY_JSON,
        "extra": {"values": {"team-name": "b", "async": None, "n": [1, {"m": True}]}},
    }
    # Keys inside Map/Object values are data: no snake_case, no keyword escaping.
    assert result.attributes == _DATA_KEYS
    assert result.raw == [_ANY_JSON, None, 0, "s", False]
    assert result.extra_fields == {}
    assert result.to_dict() == answer
    assert package.UpdateResourceLabelsResult.from_dict(answer).to_dict() == answer


def test_model_whose_only_field_is_a_map_is_generated_and_usable(
    case: Callable[..., ModuleType],
) -> None:
    package = case(MAPS)
    assert "LabelSet" in package.__all__
    wire = {"values": {"costCenter": 7, "from": None, "list": [1, "2"]}}
    labels = package.LabelSet.from_dict(wire)
    assert labels.values == wire["values"]
    assert labels.to_dict() == wire
    assert package.LabelSet(values={}).to_dict() == {"values": {}}


# -- path-action-suffix ---------------------------------------------------------

ACTIONS = "path-action-suffix"


def test_action_suffix_stays_literal_after_an_encoded_path_parameter(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(ACTIONS)
    httpserver.expect_request(
        "/v1/regions/r-1/instances/i/2:restart", method="POST"
    ).respond_with_json({"requestId": "req-restart"})
    client = _client(package, httpserver)
    assert client.restart_instance(region_id="r-1", instance_id="i/2", force=True) is None
    request = _only_request(httpserver)
    assert request.environ["REQUEST_URI"] == "/v1/regions/r-1/instances/i%2F2:restart"
    assert json.loads(request.get_data()) == {"force": True}
    assert request.query_string == b""


def test_action_url_without_placeholders(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(ACTIONS)
    httpserver.expect_request("/v1/recordDomains:config", method="POST").respond_with_json(
        {"requestId": "req-config"}
    )
    client = _client(package, httpserver)
    assert client.config_record_domains(domains=["a.example", "b.example"], enabled=False) is None
    request = _only_request(httpserver)
    assert request.environ["REQUEST_URI"] == "/v1/recordDomains:config"
    assert json.loads(request.get_data()) == {"domains": ["a.example", "b.example"], "enabled": False}


def test_method_names_and_arguments_come_from_the_page_not_the_url(
    case: Callable[..., ModuleType],
) -> None:
    package = case(ACTIONS)
    client = package.ComputeClient
    assert _public_methods(client) == {"config_record_domains", "restart_instance"}
    assert _arguments(client.restart_instance) == ["region_id", "instance_id", "force", "timeout"]
    assert _arguments(client.config_record_domains) == ["domains", "enabled", "timeout"]


# -- python-keyword-names -------------------------------------------------------

KEYWORDS = "python-keyword-names"


def test_keyword_names_become_valid_attributes_and_arguments(
    case: Callable[..., ModuleType], generated: Callable[[str], Path]
) -> None:
    folder = generated(KEYWORDS) / KINDS[KEYWORDS][0]
    result = _py_compile([folder / "client.py", folder / "models.py"])
    assert result.returncode == 0, result.stderr
    package = case(KEYWORDS)
    client = package.TransferClient
    assert _arguments(client.describe_transfer_windows) == [
        "region_id",
        "from_",
        "to",
        "global_",
        "lambda_",
        "timeout",
    ]
    assert _arguments(client.create_transfer_window) == ["region_id", "window", "from_", "timeout"]
    fields = {
        name: [f.name for f in dataclasses.fields(getattr(package, name))]
        for name in ("Window", "WindowSpec", "CreateTransferWindowResult")
    }
    assert fields == {
        "Window": ["class_", "from_", "async_", "none", "extra_fields"],
        "WindowSpec": ["class_", "import_", "return_", "extra_fields"],
        "CreateTransferWindowResult": ["lambda_", "extra_fields"],
    }
    for names in fields.values():
        assert all(n.isidentifier() and not keyword.iskeyword(n) for n in names)


def test_keyword_names_stay_as_written_on_the_wire(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(KEYWORDS)
    answer = {"windows": [{"class": "a", "from": "b", "None": "c", "async": True}]}
    httpserver.expect_request("/v1/regions/r1/transferWindows", method="GET").respond_with_json(
        {"requestId": "req-w", "result": answer}
    )
    httpserver.expect_request("/v1/regions/r1/transferWindows", method="POST").respond_with_json(
        {"requestId": "req-c", "result": {"lambda": "win-1"}}
    )
    client = _client(package, httpserver)
    found = client.describe_transfer_windows(
        region_id="r1", from_="2024-01-01T00:00:00Z", global_=True, lambda_=0.25
    )
    created = client.create_transfer_window(
        region_id="r1",
        window=package.WindowSpec(class_="gold", import_=True, return_=3),
        from_="2024-02-01T00:00:00Z",
    )
    (get, _), (post, _) = httpserver.log
    assert _query(get) == [
        ("from", "2024-01-01T00:00:00Z"),
        ("global", "true"),
        ("lambda", "0.25"),
    ]
    assert json.loads(post.get_data()) == {
        "window": {"class": "gold", "import": True, "return": 3},
        "from": "2024-02-01T00:00:00Z",
    }
    window = found.windows[0]
    assert isinstance(window, package.Window)
    assert (window.class_, window.from_, window.none, window.async_) == ("a", "b", "c", True)
    assert window.extra_fields == {}
    assert found.to_dict() == answer
    assert created.lambda_ == "win-1" and created.to_dict() == {"lambda": "win-1"}


# -- query-list-of-objects ------------------------------------------------------

QUERY = "query-list-of-objects"


def test_lists_of_objects_are_flattened_into_the_query(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(QUERY)
    httpserver.expect_request("/v1/regions/r1/disks", method="GET").respond_with_json(
        {
            "requestId": "req-d",
            "result": {"disks": [{"diskId": "d-1", "status": "in-use"}], "totalCount": 1},
        }
    )
    client = _client(package, httpserver)
    result = client.describe_disks(
        region_id="r1",
        page_number=1,
        filters=[
            package.Filter(name="status", values=["in-use", "available"]),
            package.Filter(name="zone", operator="eq", values=["z a"]),
        ],
        tags=[package.TagFilter(key="team")],
        disk_ids=["d-1", "d-2"],
    )
    request = _only_request(httpserver)
    assert request.get_data() == b""
    pairs = _query(request)
    assert sorted(pairs) == sorted(
        [
            ("pageNumber", "1"),
            ("filters.1.name", "status"),
            ("filters.1.values.1", "in-use"),
            ("filters.1.values.2", "available"),
            ("filters.2.name", "zone"),
            ("filters.2.operator", "eq"),
            ("filters.2.values.1", "z a"),
            ("tags.1.key", "team"),
            ("diskIds.1", "d-1"),
            ("diskIds.2", "d-2"),
        ]
    )
    raw = request.query_string.decode("ascii")
    assert "filters.2.values.1=z%20a" in raw or "filters.2.values.1=z+a" in raw
    for name, value in pairs:
        assert name not in ("filters", "tags", "filters.name", "filters.values")
        assert "[" not in name and "{" not in value and "0x" not in value
    assert isinstance(result.disks[0], package.Disk) and result.total_count == 1


def test_empty_or_absent_lists_add_no_query_keys(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(QUERY)
    httpserver.expect_request("/v1/regions/r1/disks").respond_with_json(
        {"requestId": "req-e", "result": {}}
    )
    client = _client(package, httpserver)
    client.describe_disks(region_id="r1", page_number=2, filters=[], disk_ids=[])
    client.describe_disks(
        region_id="r1", page_number=2, filters=[package.Filter(name="status", values=[])]
    )
    (first, _), (second, _) = httpserver.log
    assert _query(first) == [("pageNumber", "2")]
    assert _query(second) == [("pageNumber", "2"), ("filters.1.name", "status")]


# -- quotes-and-backslashes-in-text ---------------------------------------------

QUOTES = "quotes-and-backslashes-in-text"


def test_quoted_text_module_compiles_with_warnings_as_errors(
    generated: Callable[[str], Path],
) -> None:
    folder = generated(QUOTES) / KINDS[QUOTES][0]
    result = _py_compile([folder / "client.py", folder / "models.py"])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_docstrings_keep_backslashes_and_quotes_as_written(
    case: Callable[..., ModuleType],
) -> None:
    package = case(QUOTES)
    doc = package.TextsvcClient.describe_quoted_text.__doc__
    assert doc.startswith(
        'Gives back text holding """triple double""" and \'\'\'triple single\'\'\' quotes, '
        "the Windows path C:\\new\\table and a final backslash \\\n"
    )
    assert "\t" not in doc
    assert "A folder like C:\\temp\\x41\\u12 (query ``folder``)" in doc
    assert "The escape \\N{NOT A NAME} is plain text" in doc
    assert 'Finishes with a quoted word "done" (query ``quote``)' in doc
    assert 'OK "fine"' in doc
    result_doc = package.DescribeQuotedTextResult.__doc__
    assert "path (path): Finishes with a backslash C:\\out\\\n" in result_doc
    assert "text (text): Holds \"\"\" and ''' and " in result_doc


def test_docstring_keeps_backslash_before_punctuation(case: Callable[..., ModuleType]) -> None:
    package = case(QUOTES)
    doc = package.TextsvcClient.describe_quoted_text.__doc__
    assert "A regular expression like ^\\d+(\\.\\d+)?$ (query ``pattern``)" in doc


def test_escaped_pipe_is_a_literal_pipe_inside_one_cell(case: Callable[..., ModuleType]) -> None:
    api, diagnostics = _load_ir(KINDS[QUOTES][1])
    assert not diagnostics.errors and not diagnostics.warnings
    (operation,) = api.services[0].operations
    assert [p.wire_name for p in operation.parameters] == [
        "regionId",
        "pattern",
        "folder",
        "marker",
        "quote",
        "choice",
    ]
    choice = operation.parameters[-1]
    assert (choice.type.source, choice.required, choice.default) == ("String", False, None)
    assert choice.description == "Either a | b"
    doc = case(QUOTES).TextsvcClient.describe_quoted_text.__doc__
    assert "choice: Either a | b (query ``choice``)" in doc


# -- recursive-models -----------------------------------------------------------

RECURSIVE = "recursive-models"
_RECURSIVE_MODELS = {
    "CategoryNode",
    "DescribeCategoryTreeResult",
    "DescribeFolderContentsResult",
    "Document",
    "Folder",
    "Revision",
}


def test_recursive_models_generation_terminates(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(KINDS[RECURSIVE][1]), "-o",
         str(tmp_path / "recursive_sdk"), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_each_recursive_model_is_defined_exactly_once(generated: Callable[[str], Path]) -> None:
    models = generated(RECURSIVE) / KINDS[RECURSIVE][0] / "models.py"
    tree = ast.parse(models.read_text("utf-8"))
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    assert sorted(classes) == sorted(_RECURSIVE_MODELS)


@pytest.mark.parametrize(
    "order",
    [("models", "client"), ("client", "models"), ("",), ("models",)],
    ids=["models-first", "client-first", "package", "models-only"],
)
def test_recursive_models_import_in_any_order_and_hints_resolve(
    order: tuple[str, ...], generated: Callable[[str], Path]
) -> None:
    out = generated(RECURSIVE)
    base = f"{out.name}.{KINDS[RECURSIVE][0]}"
    modules = [base + (f".{m}" if m else "") for m in order]
    script = "\n".join(
        [
            "import importlib, typing",
            *(f"importlib.import_module({m!r})" for m in modules),
            f"models = importlib.import_module({base + '.models'!r})",
            "for name in models.__all__:",
            "    typing.get_type_hints(getattr(models, name))",
            "print(sorted(models.__all__))",
        ]
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", script],
        cwd=out.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(sorted(_RECURSIVE_MODELS))


def test_recursive_hints_point_at_the_classes_themselves(case: Callable[..., ModuleType]) -> None:
    package = case(RECURSIVE)
    node = typing.get_type_hints(package.CategoryNode)
    assert node["parent"] == package.CategoryNode | None
    assert node["children"] == list[package.CategoryNode] | None
    assert typing.get_type_hints(package.Folder)["documents"] == list[package.Document] | None
    assert typing.get_type_hints(package.Document)["latest"] == package.Revision | None
    assert typing.get_type_hints(package.Revision)["document"] == package.Document | None


def test_three_levels_deep_answers_deserialize_and_serialize_back(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(RECURSIVE)
    tree = {
        "root": {
            "nodeId": "n-1",
            "name": "all",
            "children": [
                {
                    "nodeId": "n-2",
                    "name": "books",
                    "parent": {"nodeId": "n-1"},
                    "children": [{"nodeId": "n-3", "name": "novels", "children": []}],
                }
            ],
        }
    }
    folder = {
        "folder": {
            "folderId": "f-1",
            "parent": {"folderId": "f-0"},
            "documents": [
                {
                    "documentId": "doc-1",
                    "folder": {"folderId": "f-1"},
                    "latest": {"revisionId": "rev-9", "document": {"documentId": "doc-1"}},
                }
            ],
        }
    }
    httpserver.expect_request("/v1/regions/r1/categoryTree").respond_with_json(
        {"requestId": "req-t", "result": tree}
    )
    httpserver.expect_request("/v1/regions/r1/folders/f-1").respond_with_json(
        {"requestId": "req-f", "result": folder}
    )
    client = _client(package, httpserver)
    categories = client.describe_category_tree(region_id="r1", root_id="n-1", depth=3)
    contents = client.describe_folder_contents(region_id="r1", folder_id="f-1")

    grandchild = categories.root.children[0].children[0]
    assert isinstance(grandchild, package.CategoryNode) and grandchild.name == "novels"
    assert isinstance(categories.root.children[0].parent, package.CategoryNode)
    document = contents.folder.documents[0]
    assert isinstance(document, package.Document)
    assert isinstance(document.latest, package.Revision)
    assert isinstance(document.latest.document, package.Document)
    assert document.latest.document.document_id == "doc-1"
    assert isinstance(document.folder, package.Folder)
    assert categories.to_dict() == tree
    assert contents.to_dict() == folder
    assert package.DescribeFolderContentsResult.from_dict(folder).to_dict() == folder


# -- same-name-different-shape --------------------------------------------------

SHAPES = "same-name-different-shape"


def test_each_shape_of_a_model_name_gets_its_own_class(case: Callable[..., ModuleType]) -> None:
    """README rule: one class per shape, named after its first operation."""
    package = case(SHAPES)
    assert sorted(_model_classes(package)) == [
        "DescribeAlarmRuleResult",
        "DescribeAlarmRuleRule",
        "DescribeForwardRulesResult",
        "DescribeForwardRulesRule",
    ]
    alarm = typing.get_type_hints(package.DescribeAlarmRuleResult)
    assert alarm["rule"] == package.DescribeAlarmRuleRule | None
    assert typing.get_type_hints(package.DescribeAlarmRuleRule)["threshold"] == float | None
    forward = typing.get_type_hints(package.DescribeForwardRulesResult)
    assert forward["rules"] == list[package.DescribeForwardRulesRule] | None
    rule = typing.get_type_hints(package.DescribeForwardRulesRule)
    assert (rule["protocol"], rule["port"]) == (str | None, int | None)
    assert typing.get_type_hints(package.AlarmsClient.describe_alarm_rule)["return"] is (
        package.DescribeAlarmRuleResult
    )
    assert typing.get_type_hints(package.AlarmsClient.describe_forward_rules)["return"] is (
        package.DescribeForwardRulesResult
    )


def test_shape_conflict_is_a_warning_naming_both_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = KINDS[SHAPES][1]
    capsys.readouterr()
    assert run_cli("generate", folder, "-o", tmp_path / "out") == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    alarm = (folder / "describeAlarmRule.md").as_posix()
    forward = (folder / "describeForwardRules.md").as_posix()
    rule_lines = (
        _line_of(folder / "describeAlarmRule.md", "### Rule"),
        _line_of(folder / "describeForwardRules.md", "### Rule"),
    )
    (warning,) = [w for w in warnings if "model 'Rule'" in w]
    assert warning.startswith(f"{alarm}:{rule_lines[0]}: warning:")
    assert f"{alarm}:{rule_lines[0]}" in warning and f"{forward}:{rule_lines[1]}" in warning


def test_each_operation_returns_the_shape_of_its_own_page(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(SHAPES)
    alarm = {"rule": {"ruleId": "ar-1", "metric": "cpu", "threshold": 0.75}}
    forward = {
        "rules": [
            {"ruleId": "fr-1", "protocol": "TCP", "port": 443},
            {"ruleId": "fr-2", "protocol": "UDP", "port": 53},
        ],
        "totalCount": 2,
    }
    httpserver.expect_request("/v1/regions/r1/alarmRules/ar-1").respond_with_json(
        {"requestId": "req-a", "result": alarm}
    )
    httpserver.expect_request("/v1/regions/r1/listeners/l-1/rules").respond_with_json(
        {"requestId": "req-f", "result": forward}
    )
    client = _client(package, httpserver)
    one = client.describe_alarm_rule(region_id="r1", rule_id="ar-1")
    many = client.describe_forward_rules(region_id="r1", listener_id="l-1")
    assert isinstance(one.rule, package.DescribeAlarmRuleRule)
    assert one.rule.threshold == 0.75 and one.rule.extra_fields == {}
    assert [type(r) for r in many.rules] == [package.DescribeForwardRulesRule] * 2
    assert [(r.protocol, r.port) for r in many.rules] == [("TCP", 443), ("UDP", 53)]
    assert many.rules[0].extra_fields == {}
    assert one.to_dict() == alarm and many.to_dict() == forward


def test_output_does_not_depend_on_the_order_pages_are_read_in(tmp_path: Path) -> None:
    folder = KINDS[SHAPES][1]
    trees = []
    for name, prefixes in (("forward", ("a", "b")), ("backward", ("b", "a"))):
        pages = tmp_path / name / "pages"
        pages.mkdir(parents=True)
        for prefix, page in zip(prefixes, ("describeAlarmRule.md", "describeForwardRules.md")):
            shutil.copy(folder / page, pages / f"{prefix}_{page}")
        out = tmp_path / name / "shapes_sdk"
        assert run_cli("generate", pages, "-o", out, "-q") == 0
        trees.append(read_tree(out))
    assert trees[0] == trees[1]


# -- typed-defaults -------------------------------------------------------------

DEFAULTS = "typed-defaults"
_TYPED_DEFAULTS: dict[str, Any] = {
    "page_number": 1,
    "page_size": 10,
    "ascending": True,
    "verbose": False,
    "ratio": 0.5,
    "since_id": 9007199254740993,
    "keyword": "abc",
    "code": "007",
    "level": "true",
}


def test_defaults_are_typed_by_the_type_column(case: Callable[..., ModuleType]) -> None:
    package = case(DEFAULTS)
    parameters = inspect.signature(package.AuditClient.describe_audit_logs).parameters
    defaults = {name: parameters[name].default for name in _TYPED_DEFAULTS}
    assert defaults == _TYPED_DEFAULTS
    assert {name: type(value) for name, value in defaults.items()} == {
        name: type(value) for name, value in _TYPED_DEFAULTS.items()
    }
    assert defaults["ascending"] is True and defaults["verbose"] is False


def test_defaults_are_sent_in_wire_form(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(DEFAULTS)
    httpserver.expect_request("/v1/regions/r1/auditLogs").respond_with_json(
        {"requestId": "req-a", "result": {"totalCount": 0}}
    )
    _client(package, httpserver).describe_audit_logs(region_id="r1")
    assert sorted(_query(_only_request(httpserver))) == sorted(
        [
            ("pageNumber", "1"),
            ("pageSize", "10"),
            ("ascending", "true"),
            ("verbose", "false"),
            ("ratio", "0.5"),
            ("sinceId", "9007199254740993"),
            ("keyword", "abc"),
            ("code", "007"),
            ("level", "true"),
        ]
    )


def test_booleans_and_big_integers_are_sent_in_wire_form(
    case: Callable[..., ModuleType], httpserver: HTTPServer
) -> None:
    package = case(DEFAULTS)
    httpserver.expect_request("/v1/regions/r1/auditLogs").respond_with_json(
        {"requestId": "req-b", "result": {"totalCount": 3}}
    )
    result = _client(package, httpserver).describe_audit_logs(
        region_id="r1", ascending=True, verbose=False, since_id=9007199254740993, code="007"
    )
    assert result.total_count == 3
    pairs = _query(_only_request(httpserver))
    assert {("ascending", "true"), ("verbose", "false")} <= set(pairs)
    assert ("sinceId", "9007199254740993") in pairs and ("code", "007") in pairs
    assert not {"True", "False"} & {value for _, value in pairs}


def test_integer_default_that_is_not_an_integer_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = CASES / DEFAULTS / "describeAuditLogsBadDefault.md"
    out = tmp_path / "bad_default_sdk"
    capsys.readouterr()
    assert run_cli("generate", page, "-o", out, "-q") == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    line = _line_of(page, "|**limit**|")
    assert any(e.startswith(f"{page.as_posix()}:{line}: error: ") and "limit" in e for e in errors), (
        errors
    )
    assert not out.exists()
