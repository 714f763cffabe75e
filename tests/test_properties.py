"""Random pages from the format's grammar, with hostile names and texts.

Property: the generator either produces code that compiles, imports and
type-checks, or reports diagnostics that name a page and a line -- never an
unhandled exception.
"""

from __future__ import annotations

import importlib
import keyword
import sys
import tempfile
import typing
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mypy import api as mypy_api

from generator.output import write_tree
from generator.pipeline import BuildOptions, build

HOSTILE_NAMES = [
    *keyword.kwlist,
    "match", "case", "type", "_", "self", "cls", "rest", "data", "timeout", "extra_fields",
    "WIRE_NAMES", "to_dict", "from_dict", "Request", "BaseClient", "field", "Any", "list",
    "diskId", "disk_id", "DiskID", "spec.cpu", "spec_cpu", "2faEnabled", "x-label", "名称",
    "x-jdcloud-trace", "regionId", "body",
]
names = st.one_of(st.sampled_from(HOSTILE_NAMES), st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,8}", fullmatch=True))
texts = st.text(max_size=40)  # anything: quotes, backslashes, pipes, newlines, control characters
primitives = st.sampled_from(["String", "Integer", "Long", "Boolean", "Double", "Map", "Object", "Float", "Mystery"])


@st.composite
def pages(draw: st.DrawFn) -> dict[str, str]:
    """A service of a few operation pages sharing some models."""
    model_names = draw(st.lists(st.from_regex(r"[A-Z][A-Za-z0-9]{0,6}", fullmatch=True), max_size=3, unique=True))
    types = st.one_of(primitives, st.sampled_from(model_names) if model_names else primitives)
    types = st.one_of(types, types.map(lambda t: f"{t}[]"))

    def table(rows: list[tuple[str, str, bool, str, str]]) -> str:
        lines = ["|Name|Type|Required or Not|Default Value|Description|", "|---|---|---|---|---|"]
        lines += [f"|**{n}**|{t}|{'True' if r else 'False'}|{d}|{x}|" for n, t, r, d, x in rows]
        return "\n".join(lines)

    rows = st.lists(
        st.tuples(names, types, st.booleans(), st.sampled_from(["", "", "", "", "", "1", '"a"', "x"]), texts),
        max_size=4,
    )
    service = draw(st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True))
    result: dict[str, str] = {}
    for index in range(draw(st.integers(1, 3))):
        name = draw(st.from_regex(r"[a-z][A-Za-z]{0,10}", fullmatch=True)) + str(index)
        method = draw(st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "GET", "POST", "FETCH"]))
        placeholder = draw(names)
        page = [
            f"# {name}",
            "",
            "## Description",
            draw(texts).replace("\n", " ") or "-",
            "",
            "## Request Method",
            method,
            "",
            "## Request Address",
            f"https://{service}.jdcloud-api.com/v1/regions/{{regionId}}/things/{{{placeholder}}}"
            + draw(st.sampled_from(["", ":act"])),
            "",
            table([("regionId", "String", True, "", "Region"), (placeholder, "String", True, "", draw(texts))]),
            "",
            "## Request Parameter",
            table(draw(rows)) if draw(st.booleans()) else "None",
            "",
        ]
        for model in model_names:
            page += [f"### {model}", table(draw(rows)), ""]
        page += ["## Return Parameter", "|Name|Type|Description|", "|---|---|---|", "|**requestId**|String| |"]
        if draw(st.booleans()):
            page += [f"|**result**|{draw(st.sampled_from(['Result', 'String[]', *model_names]))}| |", "", "### Result"]
            page += [table(draw(rows))]
        page += ["", "## Return Code", "|Return Code|Description|", "|---|---|", "|**200**|OK|"]
        result[f"{service}/{name}.md"] = "\n".join(page) + "\n"
    return result


_RUN = 0


SEED = (Path(__file__).resolve().parent.parent / "specs" / "jdfusion" / "createTransferTask.md").read_text("utf-8")
OUTCOMES: dict[str, int] = {"code": 0, "diagnostics": 0}


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(pages())
@example({"jdfusion/createTransferTask.md": SEED, "jdfusion/class.md": SEED.replace("# createTransferTask", "# class")})
def test_random_pages_generate_valid_code_or_located_diagnostics(files: dict[str, str]) -> None:
    global _RUN
    _RUN += 1
    with tempfile.TemporaryDirectory() as temp:
        specs = Path(temp) / "specs"
        for relative, text in files.items():
            (specs / relative).parent.mkdir(parents=True, exist_ok=True)
            (specs / relative).write_text(text, "utf-8")
        generation = build(specs, BuildOptions(jobs=1))
        for diagnostic in generation.diagnostics.items:
            assert diagnostic.location.file.endswith(".md") and diagnostic.location.line >= 1
        if generation.files is None:
            assert generation.diagnostics.errors
            OUTCOMES["diagnostics"] += 1
            return
        OUTCOMES["code"] += 1
        package = f"prop_sdk_{_RUN}"
        out = Path(temp) / package
        write_tree(out, generation.files)
        sys.path.insert(0, temp)
        try:
            for service in generation.api.services:
                module = importlib.import_module(f"{package}.{service.module_name}")
                for model in service.models:
                    typing.get_type_hints(getattr(module, model.name))
        finally:
            sys.path.remove(temp)
            for key in [k for k in sys.modules if k.startswith(package)]:
                del sys.modules[key]
        stdout, stderr, status = mypy_api.run(["--strict", "--no-incremental", str(out)])
        assert status == 0, stdout + stderr


def test_random_pages_reached_both_outcomes() -> None:
    """The property above exercised both branches (runs after it, in file order)."""
    if sum(OUTCOMES.values()) == 0:
        import pytest

        pytest.skip("the property test did not run in this session")
    assert OUTCOMES["code"] > 0 and OUTCOMES["diagnostics"] > 0, OUTCOMES
