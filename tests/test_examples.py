"""Response examples of the pages: they parse into the generated result classes and back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, corpus_dir, run_cli
from generator.diagnostics import Diagnostics
from generator.loader import LoadOptions, load_api

TREES = [FIXTURES / "pages", corpus_dir() / "en" / "API", corpus_dir() / "cn" / "API"]


def _examples(specs: Path) -> list[tuple[str, str, str, str]]:
    """(service, operation, result class, example JSON) for every page with a response example."""
    api, _ = load_api(specs, Diagnostics(), LoadOptions(jobs=2))
    return [
        (service.module_name, op.name, op.result.name, op.response_example)
        for service in api.services
        for op in service.operations
        if op.response_example and op.result is not None and op.result.kind == "model"
    ]


@pytest.mark.parametrize("specs", TREES, ids=["fixtures", "corpus-en", "corpus-cn"])
def test_response_examples_round_trip(
    specs: Path, tmp_path: Path, import_package: Callable[[Path, str], Any]
) -> None:
    if not specs.is_dir():
        pytest.skip(f"no pages at {specs}")
    examples = _examples(specs)
    if specs == FIXTURES / "pages":
        assert examples, "the fixture pages hold a response example"
    out = tmp_path / "examples_sdk"
    assert run_cli("generate", specs, "-o", out, "-q") == 0
    for service, operation, result_class, text in examples:
        envelope = json.loads(text)
        module = import_package(out, f"examples_sdk.{service}")
        result = getattr(module, result_class).from_dict(envelope["result"])
        assert result.to_dict() == envelope["result"], operation
