"""Properties of the generated package as a whole: self-contained, relocatable, discreet."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import ROOT, run_cli


def _imported_top_level_modules(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_generated_code_needs_only_the_standard_library_and_httpx() -> None:
    outside = _imported_top_level_modules(ROOT / "generated") - set(sys.stdlib_module_names)
    assert outside == {"httpx"}


def test_output_is_relocatable_under_any_package_name(tmp_path: Path) -> None:
    out = tmp_path / "mysdk"
    assert run_cli("generate", ROOT / "specs", "-o", out, "-q") == 0
    result = subprocess.run(
        [sys.executable, "-c", "import mysdk.jdfusion as m; print(m.JdfusionClient.__module__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "mysdk.jdfusion.client"


def test_secrets_stay_out_of_repr(import_package: Callable[[Path, str], Any]) -> None:
    sdk = import_package(ROOT / "generated", "generated.jdfusion")
    credentials = sdk.Credentials("AK-visible", "SK-hidden", "TOKEN-hidden")
    address = sdk.TaskAddressInfo(access_key="AK2", secret_key="bucket-secret")
    client = sdk.JdfusionClient(credentials)
    for text in (repr(credentials), repr(address), repr(client), str(address)):
        assert "hidden" not in text and "bucket-secret" not in text
    assert "AK-visible" in repr(credentials)
    assert address.to_dict()["secretKey"] == "bucket-secret"
