"""Pages that broke the generator once: each ends in working code or in located errors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from mypy import api as mypy_api

from conftest import run_cli

HEAD = "# op\n\n## Request Method\n{method}\n\n## Request Address\n{url}\n\n"
TABLE = "|Name|Type|Required or Not|Default Value|Description|\n|---|---|---|---|---|\n"


def page(url: str = "https://svc.jdcloud-api.com/v1/regions/{regionId}/x", method: str = "POST", body: str = "", title: str = "op") -> str:
    text = HEAD.format(method=method, url=url).replace("# op", f"# {title}")
    if "{regionId}" in url:
        text += TABLE + "|**regionId**|String|True| |Region|\n\n"
    return text + body


def params(*rows: str) -> str:
    return "## Request Parameter\n" + TABLE + "".join(r + "\n" for r in rows) + "\n"


def model(name: str, *rows: str) -> str:
    return f"### {name}\n" + TABLE + "".join(r + "\n" for r in rows) + "\n"


ERRORS = {
    "huge-integer-default": {"a.md": page(body=params("|n|Integer|False|" + "9" * 4400 + "| |"))},
    "infinite-float-default": {"a.md": page(body=params("|d|Double|False|1e999| |"))},
    "bad-ipv6-address": {"a.md": page(url="http://[::1/v1/x")},
    "fullwidth-host": {"a.md": page(url="https://svc／x.jdcloud-api.com/v1/x")},
    "non-ascii-header-name": {"a.md": page(body=params("|x-jdcloud-名称|String|False| | |"))},
    "header-listed-twice-in-two-cases": {"a.md": page(body=params("|x-jdcloud-h|String|False| | |", "|X-JDCLOUD-H|String|False| | |"))},
    "duplicate-model-field": {"a.md": page(body=params("|m|M|False| | |") + model("M", "|a|String|False| | |", "|a|Integer|False| | |"))},
}

WORKING = {
    "non-ascii-version-digits": {
        "a.md": page(url="https://svc.jdcloud-api.com/v1²/x", method="GET"),
        "b.md": page(url="https://svc.jdcloud-api.com/v1/y", method="GET"),
    },
    "very-deep-list-type": {"a.md": page(body=params("|a|String" + "[]" * 1200 + "|False| | |"))},
    "docstring-line-that-looks-like-code": {
        "a.md": page(body=params("|m|M|False| | |") + "### M\nNote:\n\n    def x\n\nasync def y\n\n@decorator\n\n" + TABLE + "|v|String|False| | |\n")
    },
    "line-separators-in-text": {"a.md": page(body="## Description\na\u2028b\u2028c\n\n" + params("|a|String|False| | |")).replace("# op\n", "# op\n\n## Description\nx\u2028y\n", 1)},
    "models-named-like-the-runtime": {
        "a.md": page(body=params("|a|Credentials|False| | |", "|b|Request|False| | |", "|c|BaseClient|False| | |", "|d|SvcClient|False| | |")
        + model("Credentials", "|v|String|False| | |") + model("Request", "|v|String|False| | |")
        + model("BaseClient", "|v|String|False| | |") + model("SvcClient", "|v|String|False| | |"))
    },
    "host-named-base": {"a.md": page(url="https://base.jdcloud-api.com/v1/x", method="GET")},
    "two-hosts-one-package-name": {
        "a.md": page(url="https://a-b.jdcloud-api.com/v1/x", method="GET", title="opA"),
        "b.md": page(url="https://a_b.jdcloud-api.com/v1/y", method="GET", title="opB"),
    },
    "region-in-every-host": {"a.md": page(url="https://{regionId}.svc.jdcloud-api.com/v1/regions/{regionId}/x", method="GET")},
    "unbalanced-braces-in-path": {"a.md": page(url="https://svc.jdcloud-api.com/v1/x/{id", method="GET")},
    "query-string-in-address": {"a.md": page(url="https://svc.jdcloud-api.com/v1/x?action=start", method="GET")},
    "integer-region": {"a.md": page(body=params()).replace("|**regionId**|String|", "|**regionId**|Integer|")},
    "model-named-string": {"a.md": page(body=params("|a|String|False| | |") + model("String", "|v|Integer|False| | |"))},
    "list-and-model-headers": {
        "a.md": page(body=params("|x-jdcloud-tags|String[]|False| | |", "|x-jdcloud-spec|M|False| | |") + model("M", "|v|String|False| | |"))
    },
    "secret-of-any-type": {"a.md": page(body=params("|m|M|False| | |") + model("M", "|secretKey|Object|False| | |"))},
}


def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    specs = tmp_path / "specs"
    for name, text in files.items():
        (specs / name).parent.mkdir(parents=True, exist_ok=True)
        (specs / name).write_text(text, "utf-8")
    return specs


@pytest.mark.parametrize("case", sorted(ERRORS))
def test_page_errors_are_located(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = _write(tmp_path, ERRORS[case])
    assert run_cli("generate", specs, "-o", tmp_path / "out", "--no-cache") == 2
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    assert any(line.startswith(str(specs)) and ": error: " in line for line in stderr.splitlines()), stderr
    assert max(len(line) for line in stderr.splitlines()) < 400  # page text is quoted short
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(WORKING))
def test_odd_pages_give_code_that_imports_and_type_checks(case: str, tmp_path: Path) -> None:
    specs = _write(tmp_path, WORKING[case])
    out = tmp_path / "hostile_sdk"
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(specs), "-o", str(out), "--no-cache"],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    packages = sorted(p.name for p in out.iterdir() if (p / "models.py").is_file())
    script = "import importlib, sys\nfor n in sys.argv[1:]: importlib.import_module(n)"
    imported = subprocess.run(
        [sys.executable, "-W", "error", "-c", script, *(f"hostile_sdk.{p}" for p in packages)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    stdout, stderr, status = mypy_api.run(["--strict", "--no-incremental", str(out)])
    assert status == 0, stdout + stderr
    if case == "two-hosts-one-package-name":
        assert packages == ["a_b", "a_b_2"]
    if case == "query-string-in-address":
        assert "query string" in completed.stderr
    if case == "unbalanced-braces-in-path":
        assert "braces" in completed.stderr


def _client(tmp_path: Path, import_package: Callable[[Path, str], Any], case: str, sent: list[httpx.Request]) -> Any:
    out = tmp_path / f"odd_{case.replace('-', '_')}"
    assert run_cli("generate", _write(tmp_path / case, WORKING[case]), "-o", out, "-q", "--no-cache") == 0
    svc = import_package(out, f"{out.name}.svc")

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"requestId": "r"})

    return svc, svc.SvcClient(svc.Credentials("AK", "SK"), transport=httpx.MockTransport(answer))


def test_headers_of_list_and_model_types_are_sent_as_text(
    tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    sent: list[httpx.Request] = []
    svc, client = _client(tmp_path, import_package, "list-and-model-headers", sent)
    client.op(region_id="r", x_jdcloud_tags=["a", "b"], x_jdcloud_spec=svc.M(v="z"))
    assert sent[0].headers["x-jdcloud-tags"] == "a,b"
    assert sent[0].headers["x-jdcloud-spec"] == '{"v":"z"}'


def test_models_named_like_the_runtime_leave_the_runtime_alone(
    tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    sent: list[httpx.Request] = []
    svc, client = _client(tmp_path, import_package, "models-named-like-the-runtime", sent)
    assert svc.Credentials.__module__.endswith("_runtime.credentials")
    client.op(region_id="r", a=svc.Credentials_(v="x"), b=svc.Request_(v="y"))
    assert sent[0].content == b'{"a":{"v":"x"},"b":{"v":"y"}}'


def test_secret_members_of_any_type_stay_out_of_repr(
    tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    svc, _ = _client(tmp_path, import_package, "secret-of-any-type", [])
    assert "hush" not in repr(svc.M(secret_key="hush"))
    assert svc.M(secret_key="hush").to_dict() == {"secretKey": "hush"}


def test_a_region_filled_into_the_host_must_be_a_host_label(
    tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    sent: list[httpx.Request] = []
    svc, client = _client(tmp_path, import_package, "region-in-every-host", sent)
    client.op(region_id="cn-north-1")
    assert str(sent[0].url) == "https://cn-north-1.svc.jdcloud-api.com/v1/regions/cn-north-1/x"
    with pytest.raises(svc.ParameterError):
        client.op(region_id="x/1 y")
