"""--keep-going, [tool.generator] service names, and the rules for hosts and repeated operations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from conftest import FIXTURES, ROOT, run_cli

SEED = ROOT / "specs" / "jdfusion" / "createTransferTask.md"
BAD = FIXTURES / "bad"


def _page(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_keep_going_writes_the_good_pages_and_reports_the_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    _page(specs, "good/createTransferTask.md", SEED.read_text("utf-8"))
    bad = _page(specs, "bad/fetch.md", (BAD / "method_not_http_verb.md").read_text("utf-8"))
    out = tmp_path / "out"
    assert run_cli("generate", specs, "-o", out) == 2
    assert not out.exists()
    capsys.readouterr()
    assert run_cli("generate", specs, "-o", out, "--keep-going") == 2
    stderr = capsys.readouterr().err
    assert f"{bad.as_posix()}:" in stderr and ": error:" in stderr
    assert "1 with errors skipped (--keep-going)" in stderr
    assert "def create_transfer_task(" in (out / "jdfusion" / "client.py").read_text("utf-8")


def test_service_names_from_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    text = SEED.read_text("utf-8").replace("jdfusion.jdcloud-api.com", "idata-jmr-api.jcloud.com")
    _page(specs, "createTransferTask.md", text)
    out = tmp_path / "out"
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    assert (out / "idata_jmr_api" / "client.py").is_file()
    assert "class IdataJmrApiClient(BaseClient)" in (out / "idata_jmr_api" / "client.py").read_text("utf-8")

    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[tool.generator]\nservice-names = { "idata-jmr-api" = "jmr" }\n', "utf-8"
    )
    monkeypatch.chdir(project)
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["_runtime", "jmr"]
    client = (out / "jmr" / "client.py").read_text("utf-8")
    assert "class JmrClient(BaseClient)" in client
    assert 'DEFAULT_HOST = "idata-jmr-api.jcloud.com"' in client

    (project / "pyproject.toml").write_text('[tool.generator]\nservice-names = { "x" = "Not-A-Name" }\n', "utf-8")
    capsys.readouterr()
    assert run_cli("generate", specs, "-o", out, "-q") == 2
    assert "pyproject.toml" in capsys.readouterr().err


def test_repeated_operation_keeps_the_newest_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    text = SEED.read_text("utf-8")
    _page(specs, "a/createTransferTask.md", text)
    _page(specs, "b/createTransferTask.md", text.replace("/v1/", "/v2/"))
    _page(specs, "c/createTransferTask.md", text)  # a copy: same method and path
    capsys.readouterr()
    assert run_cli("inspect", specs, "-v") == 0
    captured = capsys.readouterr()
    (service,) = json.loads(captured.out)["services"]
    (operation,) = service["operations"]
    assert operation["path"].startswith("/v2/")
    lines = [line for line in captured.err.splitlines() if "also described by" in line]
    assert len(lines) == 2
    assert all(": warning: " in line and "not POST /v1/" in line for line in lines)


def test_translation_of_a_page_is_a_note_not_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = tmp_path / "specs"
    text = SEED.read_text("utf-8")
    _page(specs, "cn/createTransferTask.md", text.replace("## Description\nCreate Task", "## 描述\n创建任务"))
    _page(specs, "en/createTransferTask.md", text)
    capsys.readouterr()
    assert run_cli("generate", specs, "-o", tmp_path / "out") == 0
    stderr = capsys.readouterr().err
    assert "warning" not in stderr.split("summary:")[0]
    assert "warnings    0" in stderr


def test_operation_host_with_a_region_placeholder(
    tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    specs = tmp_path / "specs"
    text = SEED.read_text("utf-8")
    _page(specs, "createTransferTask.md", text)
    _page(
        specs,
        "putMetricData.md",
        text.replace("# createTransferTask", "# putMetricData")
        .replace("https://jdfusion.jdcloud-api.com/v1/regions/{regionId}/oss_transferTasks", "https://jdfusion.{regionId}.jdcloud-api.com/v1/customMetrics")
        .replace("|**regionId**|String|True| |Region ID|\n", ""),
    )
    out = tmp_path / "host_sdk"
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    client = (out / "jdfusion" / "client.py").read_text("utf-8")
    assert 'host="jdfusion.{regionId}.jdcloud-api.com"' in client

    sdk = import_package(out, "host_sdk.jdfusion")
    urls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        urls.append(str(request.url))
        return httpx.Response(200, json={"requestId": "r"})

    regional = sdk.JdfusionClient(
        sdk.Credentials("AK", "SK"), region="cn-east-2", transport=httpx.MockTransport(answer)
    )
    regional.put_metric_data(x_jdcloud_fusion_cloudid="c")
    regional.create_transfer_task(region_id="cn-north-1", x_jdcloud_fusion_cloudid="c")
    assert urls == [
        "https://jdfusion.cn-east-2.jdcloud-api.com/v1/customMetrics",
        "https://jdfusion.jdcloud-api.com/v1/regions/cn-north-1/oss_transferTasks",
    ]
    unset = sdk.JdfusionClient(sdk.Credentials("AK", "SK"), transport=httpx.MockTransport(answer))
    with pytest.raises(sdk.ConfigurationError, match="region"):
        unset.put_metric_data(x_jdcloud_fusion_cloudid="c")
