"""The page parser and the intermediate model it produces."""

from __future__ import annotations

import pytest

from generator.diagnostics import Diagnostics
from generator.ir import TypeRef
from generator.page_parser import NotAnOperation, OperationPage, parse_page, section_kind
from generator.type_mapping import parse_type

PAGE = """\
# describeThings


## Description
Find things.

## Request Method
GET

## Request Address
https://things.jdcloud-api.com/v2/regions/{regionId}/things:search

|Name|Type|Required or Not|Default Value|Description|
|---|---|---|---|---|
|**regionId**|String|True| |Region ID|

## Request Parameter
|Name|Type|Required or Not|Default Value|Description|
|---|---|---|---|---|
|**filters**|Filter[]|False| |Filters|
|**x-jdcloud-trace**|String|False| |Trace header|
|**x-jdcloud-date**|String|True| |Set by the signer|
|**size**|Integer|False|10|Size|

### Filter
|Name|Type|Required or Not|Default Value|Description|
|---|---|---|---|---|
|**name**|String|True| |Name, with a pipe: a \\| b|
|**values**|String[][]|False| |Values<br>on two lines|

## Return Parameter
|Name|Type|Description|
|---|---|---|
|**requestId**|String|Request ID|
|**result**|Result| |

### Result
|Name|Type|Description|
|---|---|---|
|**things**|Thing[]| |
|**mystery**|Frobnicator| |
### Thing
|Name|Type|Description|
|---|---|---|
|**id**|String| |

## Return Code
|Return Code|Description|
|---|---|
|**200**|OK|
"""


def _parse(text: str, file: str = "pages/describeThings.md") -> tuple[object, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_page(text, file, diagnostics), diagnostics


def test_operation_fields_are_read_from_the_page() -> None:
    page, diagnostics = _parse(PAGE)
    assert isinstance(page, OperationPage)
    op = page.operation
    assert (op.name, op.python_name, op.method) == ("describeThings", "describe_things", "GET")
    assert (op.host, op.version, op.path) == (
        "things.jdcloud-api.com",
        "v2",
        "/v2/regions/{regionId}/things:search",
    )
    assert op.service_name == "things"
    assert op.description == "Find things."
    located = [(p.wire_name, p.python_name, p.location, p.required) for p in op.parameters]
    assert located == [
        ("regionId", "region_id", "path", True),
        ("filters", "filters", "query", False),
        ("x-jdcloud-trace", "x_jdcloud_trace", "header", False),
        ("size", "size", "query", False),
    ]
    assert op.parameters[3].default == "10"
    assert op.result == TypeRef("model", name="Result", source="Result")
    assert [(c.status, c.description) for c in op.return_codes] == [("200", "OK")]
    assert op.source.line == 11


def test_models_keep_cells_with_escaped_pipes_and_breaks() -> None:
    page, _ = _parse(PAGE)
    assert isinstance(page, OperationPage)
    by_name = {(m.model.wire_name, m.side): m.model for m in page.models}
    flt = by_name[("Filter", "request")]
    assert [f.description for f in flt.fields] == ["Name, with a pipe: a | b", "Values\non two lines"]
    assert flt.fields[1].type == TypeRef(
        "list", item=TypeRef("list", item=TypeRef("primitive", name="str")), source="String[][]"
    )
    assert flt.fields[0].location.line == 28
    assert ("Thing", "response") in by_name


def test_unknown_type_is_any_with_a_warning_naming_file_and_line() -> None:
    page, diagnostics = _parse(PAGE)
    result = [m.model for m in page.models if m.model.wire_name == "Result"][0]  # type: ignore[union-attr]
    assert result.fields[1].type.kind == "any"
    warnings = [str(d) for d in diagnostics.warnings]
    assert any(
        w.startswith("pages/describeThings.md:41: warning:") and "Frobnicator" in w
        for w in warnings
    ), warnings


def test_signing_headers_listed_by_a_page_are_left_to_the_signer() -> None:
    page, diagnostics = _parse(PAGE)
    assert isinstance(page, OperationPage)
    assert "x-jdcloud-date" not in [p.wire_name for p in page.operation.parameters]
    assert any("x-jdcloud-date" in d.message for d in diagnostics.items if d.severity == "note")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Request Address", "address"),
        ("Request address", "address"),
        ("request addresses ", "address"),
        ("Request Parameters", "request"),
        ("Return Parameters", "response"),
        ("Return code", "codes"),
        ("请求方式", "method"),
        ("请求地址", "address"),
        ("返回参数", "response"),
        ("描述", "description"),
        ("Request  Method ##", "method"),
        ("Something Else", None),
    ],
)
def test_heading_variants(title: str, kind: str | None) -> None:
    assert section_kind(title) == kind


def test_chinese_page_with_none_table() -> None:
    text = PAGE.replace("## Request Method", "## 请求方式").replace(
        "## Request Address", "## 请求地址"
    )
    start = text.index("## Request Parameter")
    end = text.index("## Return Parameter")
    text = text[:start] + "## 请求参数\n无\n\n" + text[end:]
    page, diagnostics = _parse(text)
    assert isinstance(page, OperationPage), [str(d) for d in diagnostics.items]
    assert [p.wire_name for p in page.operation.parameters] == ["regionId"]
    assert not diagnostics.has_errors()


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "# Overview\n\nSome words.\n\n## Version\nv1\n"],
    ids=["empty", "blank", "overview"],
)
def test_pages_without_an_operation_are_not_operations(text: str) -> None:
    page, diagnostics = _parse(text)
    assert isinstance(page, NotAnOperation)
    assert diagnostics.items == ()


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("String", TypeRef("primitive", name="str", source="String")),
        ("Long", TypeRef("primitive", name="int", source="Long")),
        ("integer", TypeRef("primitive", name="int", source="integer")),
        ("Boolean", TypeRef("primitive", name="bool", source="Boolean")),
        ("Double", TypeRef("primitive", name="float", source="Double")),
        ("Float", TypeRef("primitive", name="float", source="Float")),
        ("Number", TypeRef("primitive", name="float", source="Number")),
        ("Map", TypeRef("map", source="Map")),
        ("Object", TypeRef("any", source="Object")),
        ("Tag[]", TypeRef("list", item=TypeRef("model", name="Tag"), source="Tag[]")),
    ],
)
def test_type_mapping(cell: str, expected: TypeRef) -> None:
    assert parse_type(cell, {"Tag"}) == (expected, True)


def test_unknown_type_name_is_reported_as_unknown() -> None:
    assert parse_type("Widget", set()) == (TypeRef("any", source="Widget"), False)


NEWER_LAYOUT = """\
# describeFilters

## 描述
查询过滤器

## 请求方式
GET

## 请求地址
https://things.jdcloud-api.com/v1/regions/{regionId}/filters

|名称|类型|是否必选|示例值|描述|
|---|---|---|---|---|
|**regionId**|String|是|cn-north-1|地域ID|

## 请求参数
|名称|类型|是否必选|示例值|描述|
|---|---|---|---|---|
|**filters**|[Filter[]](#filter)|否| |过滤条件|
|**pageSize**|Integer|是|20|页大小|

### <div id="Filter">Filter</div>
|名称|类型|是否必选|示例值|描述|
|---|---|---|---|---|
|**name**|String|是|status|名称|
|**values**|String[]|否|["a"]|取值|

## 返回参数
|名称|类型|描述|
|---|---|---|
|**result**|[Result](#result)| |

### <div id="Result">Result</div>
|名称|类型|描述|
|---|---|---|
|**filters**|[Filter](#filter)[]| |

## 返回码
|HTTP状态码|错误码|描述|说明|
|---|---|---|---|
|**200**| |OK| |
|**400**|INVALID_ARGUMENT|参数错误|pageSize 超出范围|
|**400**|OUT_OF_RANGE|越界|页码过大|
"""


def test_newer_page_layout() -> None:
    page, diagnostics = _parse(NEWER_LAYOUT, "pages/describeFilters.md")
    assert isinstance(page, OperationPage), [str(d) for d in diagnostics.items]
    assert not diagnostics.warnings, [str(d) for d in diagnostics.warnings]
    by_name = {p.wire_name: p for p in page.operation.parameters}
    assert by_name["filters"].type == TypeRef(
        "list", item=TypeRef("model", name="Filter"), source="Filter[]"
    )
    assert by_name["filters"].required is False and by_name["pageSize"].required is True
    assert by_name["pageSize"].default is None  # an example value is not a default
    models = {(m.model.wire_name, m.side): m.model for m in page.models}
    assert [f.required for f in models[("Filter", "request")].fields] == [True, False]
    assert models[("Result", "response")].fields[0].type.kind == "list"
    codes = [(c.status, c.error_code, c.description) for c in page.operation.return_codes]
    assert codes == [
        ("200", "", "OK"),
        ("400", "INVALID_ARGUMENT", "参数错误 pageSize 超出范围"),
        ("400", "OUT_OF_RANGE", "越界 页码过大"),
    ]
