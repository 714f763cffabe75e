"""The vendor's published SDK (jdcloud-sdk) as an oracle for the corpus.

For every operation that both a corpus page and the vendor SDK describe (same
service, i.e. the first host label, and same operation name), our intermediate
model must agree with the SDK on the HTTP method, the path template (ours without
its leading ``/<version>``), the path-parameter names and the request-parameter
names (header parameters ``x-jdcloud-...`` and signing headers excluded: the SDK
takes them as headers). Every disagreement is listed, with its cause, in
``tests/oracle_disagreements.md``; the listed set must equal the computed set, so
a new disagreement or a fixed one fails with a message saying which.

The SDK compared against is not the installed one (pyproject.toml pins a current
release for its signer) but ``VENDOR_SDK_VERSION``, the release closest to the
corpus pages: it is downloaded once with ``pip download`` into pytest's cache
folder and its ``services/*/apis/*Request.py`` files are read with ``ast``,
never imported. Without network (or PyPI) these tests skip.

Run with ``-s`` to see the numbers (matched, agreeing, rate).
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest
from pytest_httpserver import HTTPServer

from conftest import ROOT, require_corpus, run_cli
from generator.diagnostics import Diagnostics
from generator.ir import Model, Operation
from generator.loader import load_api
from generator.page_parser import HEADER_PREFIX, SIGNING_HEADERS

# The jdcloud-sdk release the oracle reads: the one closest to the corpus pages (see
# tests/oracle_disagreements.md for how it was chosen). It is downloaded once (with
# pip, no dependencies) into pytest's cache folder and read with ``ast``, never
# imported, so the jdcloud-sdk installed from pyproject.toml (whose signer other
# tests use) is left alone.
VENDOR_SDK_VERSION = "1.6.1"
AGREEMENT_BAR = 0.95
DISAGREEMENTS = ROOT / "tests" / "oracle_disagreements.md"
DRIFT = "doc and SDK drifted apart"
GENERATOR_BUG = "generator bug: "
_ENTRY = re.compile(r"^(?P<key>[^\s.:]+\.[^\s.:]+): (?P<what>.+?) — (?P<why>.+)$")
_LOOKS_LIKE_ENTRY = re.compile(r"^[^\s.:#>*-][^\s.:]*\.[^\s.:]+: ")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
# services/<service>/apis/<Op>Request.py inside a wheel or an sdist of jdcloud-sdk
_REQUEST_FILE = re.compile(r"(?:^|/)jdcloud_sdk/(services/[^/]+/apis/[^/]+Request\.py)$")


class VendorSdkUnavailable(Exception):
    """The pinned jdcloud-sdk release could not be downloaded (e.g. no network)."""


def download_vendor_sdk(version: str, cache: Path) -> Path:
    """The ``services`` folder of jdcloud-sdk ``version`` (only its ``*Request.py``
    files), downloaded with pip into ``cache`` on first use and reused after."""
    target = cache / f"jdcloud-sdk-{version}"
    if (target / "services").is_dir():
        return target / "services"
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".jdcloud-sdk-{version}-", dir=cache) as work:
        downloads = Path(work, "downloads")
        command = [
            sys.executable, "-m", "pip", "download", f"jdcloud-sdk=={version}",
            "--no-deps", "--disable-pip-version-check", "--quiet", "-d", str(downloads),
        ]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise VendorSdkUnavailable(f"pip download jdcloud-sdk=={version}: {error}") from error
        archives = sorted(downloads.glob("jdcloud*sdk*")) if downloads.is_dir() else []
        if result.returncode != 0 or not archives:
            output = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise VendorSdkUnavailable(
                f"pip download jdcloud-sdk=={version} exited {result.returncode}: "
                + " | ".join(output)
            )
        tree = Path(work, "tree")
        extracted = _extract_request_files(archives[0], tree)
        if not extracted:
            raise VendorSdkUnavailable(f"no services/*/apis/*Request.py in {archives[0].name}")
        try:
            os.replace(tree, target)  # atomic: a concurrent run may have won, which is fine
        except OSError:
            if not (target / "services").is_dir():
                raise
    return target / "services"


def _extract_request_files(archive: Path, tree: Path) -> int:
    """Copies the ``jdcloud_sdk/services/*/apis/*Request.py`` members of a wheel or
    an sdist into ``tree/services/...``; returns how many."""
    members: dict[str, bytes] = {}
    if archive.name.endswith(".whl") or archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                if match := _REQUEST_FILE.search(name):
                    members[match[1]] = zipped.read(name)
    else:
        with tarfile.open(archive) as tarred:
            for member in tarred.getmembers():
                if member.isfile() and (match := _REQUEST_FILE.search(member.name)):
                    file = tarred.extractfile(member)
                    assert file is not None
                    members[match[1]] = file.read()
    for relative, data in members.items():
        path = tree.joinpath(*PurePosixPath(relative).parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return len(members)


@pytest.fixture(scope="session")
def vendor_services(request: pytest.FixtureRequest) -> Path:
    """The pinned jdcloud-sdk release's ``services`` folder; skips when it cannot be had."""
    cache = getattr(request.config, "cache", None)
    folder = (
        cache.mkdir("jdcloud-sdk-oracle")
        if cache is not None
        else Path(tempfile.gettempdir(), "jdcloud-sdk-oracle")
    )
    try:
        return download_vendor_sdk(VENDOR_SDK_VERSION, folder)
    except VendorSdkUnavailable as error:
        pytest.skip(f"vendor oracle needs jdcloud-sdk=={VENDOR_SDK_VERSION} from PyPI: {error}")


@dataclass(frozen=True)
class VendorOperation:
    """What the vendor SDK says about one operation."""

    method: str
    path: str
    parameters: frozenset[str]
    module: str

    @property
    def path_parameters(self) -> frozenset[str]:
        return frozenset(_PLACEHOLDER.findall(self.path))


@dataclass(frozen=True)
class Comparison:
    matched: dict[str, tuple[Operation, VendorOperation]]
    differences: dict[str, list[str]]
    unmatched: list[str]
    unreadable: list[str]

    @property
    def agreeing(self) -> int:
        return len(self.matched) - len(self.differences)

    @property
    def rate(self) -> float:
        return self.agreeing / len(self.matched)

    def summary(self) -> str:
        return (
            f"vendor oracle (jdcloud-sdk {VENDOR_SDK_VERSION}): {len(self.matched)} operations "
            f"matched, {self.agreeing} agree, {len(self.differences)} disagree, "
            f"rate {self.rate:.1%} (bar {AGREEMENT_BAR:.0%}); "
            f"{len(self.unmatched)} corpus operations without a vendor request class, "
            f"{len(self.unreadable)} vendor modules that do not parse"
        )


def vendor_operation(
    services: Path, service: str, operation: str
) -> VendorOperation | str | None:
    """The vendor's description of an operation, read from
    ``services/<service>/apis/<Op>Request.py`` without importing it; None when there
    is no such file, and the reason when it cannot be read (a broken vendor module)."""
    class_name = operation[:1].upper() + operation[1:]
    path = services / service / "apis" / f"{class_name}Request.py"
    module = f"jdcloud_sdk.services.{service}.apis.{class_name}Request"
    if not path.is_file():
        return None
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
        return _read_request_module(tree, class_name, module)
    except (SyntaxError, ValueError) as error:
        return f"{module}: {error}"


def _read_request_module(tree: ast.Module, class_name: str, module: str) -> VendorOperation:
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    request_class = classes.get(f"{class_name}Request")
    parameters_class = classes.get(f"{class_name}Parameters")
    if request_class is None or parameters_class is None:
        raise ValueError(f"no classes {class_name}Request and {class_name}Parameters")
    # <Op>Request.__init__(self, parameters, header=None, version="v1") calls
    # super(<Op>Request, self).__init__('<path without version>', '<METHOD>', header, version)
    url = method = None
    for node in ast.walk(_method(request_class, "__init__")):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and isinstance(node.func.value, ast.Call)
            and isinstance(node.func.value.func, ast.Name)
            and node.func.value.func.id == "super"
        ):
            arguments = dict(zip(("url", "method"), node.args))
            arguments.update((k.arg, k.value) for k in node.keywords if k.arg)
            url, method = _text(arguments.get("url")), _text(arguments.get("method"))
    if url is None or method is None:
        raise ValueError(f"{class_name}Request.__init__ passes no literal path and method")
    # <Op>Parameters: required ones are __init__ arguments, optional ones have setters;
    # every one is an attribute assigned in __init__ or in its setter.
    names: set[str] = set()
    for function in parameters_class.body:
        if not isinstance(function, ast.FunctionDef):
            continue
        if function.name == "__init__":
            signature = function.args
            names.update(a.arg for a in (*signature.posonlyargs, *signature.args)[1:])
            names.update(a.arg for a in signature.kwonlyargs)
        elif function.name.startswith("set") and len(function.name) > 3:
            assigned = _self_attributes(function)
            names.update(assigned or {function.name[3:4].lower() + function.name[4:]})
            continue
        else:
            continue
        names.update(_self_attributes(function))
    parameters = frozenset(n for n in names if not n.lower().startswith(HEADER_PREFIX))
    return VendorOperation(method.upper(), url, parameters, module)


def _method(class_def: ast.ClassDef, name: str) -> ast.FunctionDef:
    for node in class_def.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise ValueError(f"{class_def.name} has no {name}")


def _text(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _self_attributes(function: ast.FunctionDef) -> set[str]:
    """Names of the ``self.<name> = ...`` assignments in a method."""
    found: set[str] = set()
    for node in ast.walk(function):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign | ast.AugAssign)
            else []
        )
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                found.add(target.attr)
    return found


def _path_without_version(op: Operation) -> str:
    prefix = f"/{op.version}"
    if op.version and op.path.startswith(prefix + "/"):
        return op.path[len(prefix) :]
    return op.path


def _request_names(op: Operation, models: dict[str, Model]) -> frozenset[str]:
    """Request parameter names as they travel; a parameter that is the whole JSON body
    (location "payload") travels as its model's members."""
    names: set[str] = set()
    for p in op.parameters:
        if p.location == "header" or p.wire_name.lower() in SIGNING_HEADERS:
            continue
        if p.wire_name.lower().startswith(HEADER_PREFIX):
            continue
        if p.location == "payload" and p.type.kind == "model" and p.type.name in models:
            names.update(f.wire_name for f in models[p.type.name].fields)
        else:
            names.add(p.wire_name)
    return frozenset(names)


def _names(names: frozenset[str]) -> str:
    return "{" + ", ".join(sorted(names)) + "}"


def differences(op: Operation, vendor: VendorOperation, models: dict[str, Model]) -> list[str]:
    """What differs between our model of a page and the vendor SDK, as short phrases."""
    found: list[str] = []
    if op.method != vendor.method:
        found.append(f"method: page {op.method}, SDK {vendor.method}")
    ours_path = _path_without_version(op)
    if ours_path != vendor.path:
        found.append(f"path: page {ours_path}, SDK {vendor.path}")
    ours_path_params = frozenset(p.wire_name for p in op.parameters if p.location == "path")
    if ours_path_params != vendor.path_parameters:
        found.append(
            f"path parameters: page {_names(ours_path_params)}, "
            f"SDK {_names(vendor.path_parameters)}"
        )
    ours = _request_names(op, models)
    if ours != vendor.parameters:
        parts = []
        if ours - vendor.parameters:
            parts.append(f"page only {_names(ours - vendor.parameters)}")
        if vendor.parameters - ours:
            parts.append(f"SDK only {_names(vendor.parameters - ours)}")
        found.append("request parameters: " + ", ".join(parts))
    return found


def compare(services: Path) -> Comparison:
    """Our model of every corpus page against the vendor SDK in ``services``."""
    ours: dict[str, Operation] = {}
    models: dict[str, dict[str, Model]] = {}
    for language in ("en", "cn"):  # an English page wins over the Chinese page of an operation
        api, _ = load_api(require_corpus(language, "API"), Diagnostics())
        for service in api.services:
            for op in service.operations:
                if ours.setdefault(f"{service.name}.{op.name}", op) is op:
                    models[f"{service.name}.{op.name}"] = {m.name: m for m in service.models}
    matched: dict[str, tuple[Operation, VendorOperation]] = {}
    unmatched: list[str] = []
    unreadable: list[str] = []
    for key in sorted(ours):
        service_name, operation_name = key.split(".", 1)
        vendor = vendor_operation(services, service_name, operation_name)
        if vendor is None:
            unmatched.append(key)
        elif isinstance(vendor, str):
            unreadable.append(vendor)
        else:
            matched[key] = (ours[key], vendor)
    found = {
        key: d
        for key, (op, vendor) in matched.items()
        if (d := differences(op, vendor, models[key]))
    }
    return Comparison(matched, found, unmatched, unreadable)


@pytest.fixture(scope="module")
def comparison(vendor_services: Path) -> Comparison:
    return compare(vendor_services)


def listed_disagreements() -> dict[str, tuple[str, str]]:
    """``service.operation`` -> (what differs, why), from tests/oracle_disagreements.md."""
    entries: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(DISAGREEMENTS.read_text("utf-8").splitlines(), start=1):
        if not _LOOKS_LIKE_ENTRY.match(line):
            continue
        match = _ENTRY.match(line)
        assert match, f"{DISAGREEMENTS.name}:{number}: not 'service.operation: what — why': {line}"
        key = match["key"]
        assert key not in entries, f"{DISAGREEMENTS.name}:{number}: {key} is listed twice"
        entries[key] = (match["what"], match["why"])
    return entries


def _line(key: str, found: list[str], op: Operation) -> str:
    return f"{key}: {'; '.join(found)} — {DRIFT}?  (page {op.source.file})"


def test_oracle_matches_most_corpus_operations(comparison: Comparison) -> None:
    print(comparison.summary())
    assert len(comparison.matched) >= 600, comparison.summary()
    assert len(comparison.matched) > 4 * len(comparison.unmatched), comparison.summary()


def test_agreement_rate_reaches_the_bar(comparison: Comparison) -> None:
    print(comparison.summary())
    assert comparison.rate >= AGREEMENT_BAR, comparison.summary()


def test_every_disagreement_is_listed_and_every_listed_one_still_disagrees(
    comparison: Comparison,
) -> None:
    print(comparison.summary())
    listed = listed_disagreements()
    new = sorted(set(comparison.differences) - set(listed))
    fixed = sorted(set(listed) - set(comparison.differences))
    message = [comparison.summary()]
    if new:
        message.append(
            f"{len(new)} disagreement(s) not in {DISAGREEMENTS.name}; add a line each, "
            f"with why = '{DRIFT}' or '{GENERATOR_BUG}...':"
        )
        message.extend(
            "  " + _line(key, comparison.differences[key], comparison.matched[key][0])
            for key in new
        )
    if fixed:
        message.append(
            f"{len(fixed)} operation(s) listed in {DISAGREEMENTS.name} now agree with the "
            "SDK (or are no longer matched); remove their lines:"
        )
        message.extend(f"  {key}: {listed[key][0]} — {listed[key][1]}" for key in fixed)
    assert not new and not fixed, "\n".join(message)


def test_listed_disagreements_say_what_differs_and_why(comparison: Comparison) -> None:
    listed = listed_disagreements()
    assert listed, f"no entries found in {DISAGREEMENTS}"
    for key, (what, why) in listed.items():
        assert why == DRIFT or (why.startswith(GENERATOR_BUG) and len(why) > len(GENERATOR_BUG)), (
            f"{key}: why must be '{DRIFT}' or '{GENERATOR_BUG}<description>', not {why!r}"
        )
        if key in comparison.differences:
            aspects = {d.split(":", 1)[0] for d in comparison.differences[key]}
            described = {a.split(":", 1)[0] for a in what.split("; ")}
            assert described == aspects, (
                f"{key}: the file says {what!r}, the comparison finds "
                f"{'; '.join(comparison.differences[key])!r}"
            )


def test_vendor_reader_reads_a_known_operation(vendor_services: Path) -> None:
    vendor = vendor_operation(vendor_services, "vm", "describeInstances")
    assert isinstance(vendor, VendorOperation)
    assert (vendor.method, vendor.path) == ("GET", "/regions/{regionId}/instances")
    assert vendor.path_parameters == {"regionId"}
    assert {"regionId", "pageNumber", "pageSize", "filters"} <= vendor.parameters
    assert vendor.module == "jdcloud_sdk.services.vm.apis.DescribeInstancesRequest"
    assert vendor_operation(vendor_services, "vm", "noSuchOperation") is None
    assert vendor_operation(vendor_services, "no-such-service", "describeInstances") is None


def test_page_model_paths_drop_only_the_version(comparison: Comparison) -> None:
    for key, (op, _) in comparison.matched.items():
        stripped = _path_without_version(op)
        assert stripped.startswith("/"), key
        if op.version:
            assert op.path == f"/{op.version}{stripped}", key


def test_body_parameter_is_the_json_body_itself(
    tmp_path: Path,
    httpserver: HTTPServer,
    import_package: Callable[[Path, str], ModuleType],
) -> None:
    page = require_corpus("en", "API", "JDFusion", "Vpc", "createVpc.md")
    out = tmp_path / "oracle_body_sdk"
    assert run_cli("generate", page, "-o", out, "-q") == 0
    jdfusion = import_package(out, "oracle_body_sdk.jdfusion")
    httpserver.expect_request("/v1/regions/r1/vpc_vpcs", method="POST").respond_with_json(
        {"requestId": "req-vpc", "result": {}}
    )
    client = jdfusion.JdfusionClient(
        jdfusion.Credentials("AK", "SK"),
        endpoint=f"127.0.0.1:{httpserver.port}",
        scheme="http",
        retry=jdfusion.RetryPolicy(max_retries=0),
    )
    vpc = jdfusion.CreateVpc(cidr_block="10.0.0.0/16", name="v1")
    arguments = inspect.signature(client.create_vpc).parameters
    if "body" in arguments:
        client.create_vpc(
            region_id="r1", x_jdcloud_fusion_cloudid="c-1", body=jdfusion.CreateVpcReq(vpc=vpc)
        )
    else:
        client.create_vpc(region_id="r1", x_jdcloud_fusion_cloudid="c-1", vpc=vpc)
    (request, _), = httpserver.log
    assert json.loads(request.get_data()) == {"vpc": {"cidrBlock": "10.0.0.0/16", "name": "v1"}}
