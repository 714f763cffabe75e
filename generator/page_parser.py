"""Turns one page into one operation (with its page-local models) or a "not an operation" result."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal
from urllib.parse import urlsplit

from .diagnostics import Diagnostics
from .ir import (
    HTTP_METHODS,
    DefaultValue,
    Field,
    Model,
    Operation,
    Parameter,
    ParameterLocation,
    ReturnCode,
    SourceLocation,
    TypeRef,
)
from .names import FIELD_RESERVED, PARAMETER_RESERVED, snake_case, unique_names
from .page_reader import Block, PageDocument, Section, Table, read_page
from .type_mapping import parse_type

__all__ = ["OperationPage", "NotAnOperation", "PageResult", "parse_page"]

SectionKind = Literal[
    "description",
    "method",
    "address",
    "request",
    "response",
    "codes",
    "request_example",
    "response_example",
]

_SECTION_NAMES: dict[str, SectionKind] = {
    "description": "description",
    "描述": "description",
    "request method": "method",
    "请求方式": "method",
    "request address": "address",
    "请求地址": "address",
    "request parameter": "request",
    "请求参数": "request",
    "return parameter": "response",
    "response parameter": "response",
    "返回参数": "response",
    "return code": "codes",
    "response code": "codes",
    "返回码": "codes",
    "request example": "request_example",
    "请求示例": "request_example",
    "return example": "response_example",
    "response example": "response_example",
    "返回示例": "response_example",
}

ColumnKind = Literal["name", "type", "required", "default", "description", "example"]

_COLUMN_NAMES: dict[str, ColumnKind] = {
    "name": "name",
    "名称": "name",
    "参数名": "name",
    "type": "type",
    "类型": "type",
    "required or not": "required",
    "required": "required",
    "是否必选": "required",
    "是否必填": "required",
    "是否必需": "required",
    "是否必须": "required",
    "必填": "required",
    "必选": "required",
    "default value": "default",
    "default": "default",
    "默认值": "default",
    "description": "description",
    "描述": "description",
    "说明": "description",
    "example value": "example",
    "示例值": "example",
}

_CODE_COLUMNS = {
    "return code": "status",
    "返回码": "status",
    "http status": "status",
    "http status code": "status",
    "http状态码": "status",
    "状态码": "status",
    "error code": "error_code",
    "错误码": "error_code",
    "description": "description",
    "描述": "description",
    "explanation": "explanation",
    "说明": "explanation",
}

_NONE_WORDS = {"none", "无", "n/a", "-"}
_TRUE_WORDS = {"true", "yes", "是", "必选", "y"}
_FALSE_WORDS = {"false", "no", "否", "可选", "n", ""}

# Headers the client's signer sets itself: a page may list them, a caller never passes them.
SIGNING_HEADERS = frozenset(
    {
        "authorization",
        "x-jdcloud-date",
        "x-jdcloud-nonce",
        "x-jdcloud-content-sha256",
        "x-jdcloud-algorithm",
        "x-jdcloud-security-token",
    }
)
HEADER_PREFIX = "x-jdcloud-"
_QUERY_METHODS = {"GET", "DELETE", "HEAD"}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_HEADER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


@dataclass(frozen=True)
class PageModel:
    """A model table as one page defines it, and on which side of the call."""

    model: Model
    side: Literal["request", "response"]


@dataclass(frozen=True)
class OperationPage:
    """An operation page. Model references in it use the page's own model names."""

    operation: Operation
    models: tuple[PageModel, ...]


@dataclass(frozen=True)
class NotAnOperation:
    reason: str


PageResult = OperationPage | NotAnOperation | None  # None: an operation page with errors


@dataclass(frozen=True)
class _Row:
    name: str
    type_text: str
    required: bool
    default: str | None
    description: str
    location: SourceLocation


def section_kind(title: str) -> SectionKind | None:
    """The kind of a ``##`` heading, tolerant of case, plurals, spacing and ``#`` decoration."""
    key = " ".join(title.strip().strip("#").split()).lower()
    if key in _SECTION_NAMES:
        return _SECTION_NAMES[key]
    for plural in ("es", "s"):
        if key.endswith(plural) and key[: -len(plural)] in _SECTION_NAMES:
            return _SECTION_NAMES[key[: -len(plural)]]
    return None


def parse_page(text: str, file: str, diagnostics: Diagnostics) -> PageResult:
    """Parse one page's text. Problems go to ``diagnostics``; errors make the result None."""
    if not text.strip():
        return NotAnOperation("empty file")
    document = read_page(text)
    return _PageParser(document, file, diagnostics).parse()


class _PageParser:
    def __init__(self, document: PageDocument, file: str, diagnostics: Diagnostics) -> None:
        self.document = document
        self.file = file
        self.diagnostics = diagnostics
        self.failed = False

    def at(self, line: int) -> SourceLocation:
        return SourceLocation(self.file, line)

    def error(self, line: int, message: str) -> None:
        self.failed = True
        self.diagnostics.error(self.at(line), message)

    def warning(self, line: int, message: str) -> None:
        self.diagnostics.warning(self.at(line), message)

    # -- structure ---------------------------------------------------------

    def parse(self) -> PageResult:
        main: dict[SectionKind, Section] = {}
        models: dict[str, list[tuple[Section, Literal["request", "response"]]]] = {}
        late: list[tuple[int, str]] = []
        owner: SectionKind | None = None
        for section in self.document.sections:
            if section.level <= 2:
                kind = section_kind(section.title)
                owner = kind
                if kind is None:
                    late.append(
                        (section.line, f"unrecognised heading '{section.title}'; section ignored")
                    )
                elif kind in main:
                    late.append(
                        (
                            section.line,
                            f"second '{section.title}' section ignored "
                            f"(the first is at line {main[kind].line})",
                        )
                    )
                else:
                    main[kind] = section
            elif owner in ("request", "response"):
                side: Literal["request", "response"] = (
                    "request" if owner == "request" else "response"
                )
                models.setdefault(section.title.strip(), []).append((section, side))
            else:
                late.append(
                    (
                        section.line,
                        f"heading '{section.title}' is not under a parameter section; ignored",
                    )
                )

        if "method" not in main and "address" not in main:
            return NotAnOperation("no request method or request address section")
        for line, message in late:
            self.warning(line, message)
        self._check_stray_rows()

        name = self._operation_name()
        method_line, method = self._method(main)
        address = self._address(main, method_line)
        # Without a method or an address the page fails, but its tables are still
        # read so that one run reports every problem of the page.
        host, version, path, address_line = address or ("", "", "/", method_line)

        model_names = set(models)
        page_models = self._models(models, model_names)
        path_rows = self._rows_of(main.get("address"), model_names, "path parameter")
        parameters = self._parameters(
            method or "GET", path, path_rows, main.get("request"), model_names, address_line
        )
        result = self._result(main.get("response"), model_names)
        codes = self._return_codes(main.get("codes"))
        if self.failed or method is None:
            return None
        operation = Operation(
            name=name,
            python_name=snake_case(name),
            description=self._paragraphs(main.get("description")),
            method=method,
            host=host,
            version=version,
            path=path,
            parameters=parameters,
            result=result,
            return_codes=codes,
            source=self.at(address_line),
            request_example=self._example(main.get("request_example")),
            response_example=self._example(main.get("response_example")),
        )
        return OperationPage(operation, page_models)

    def _check_stray_rows(self) -> None:
        for section in self.document.sections:
            for block in section.blocks:
                if block.kind == "stray_row":
                    self.error(
                        block.line,
                        "table row outside any table (a table needs a header row "
                        "and a |---| delimiter row right above its rows)",
                    )

    def _operation_name(self) -> str:
        stem = PurePosixPath(self.file).stem
        title = (self.document.title or "").strip()
        if title and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", title):
            return title
        return stem

    def _method(self, main: dict[SectionKind, Section]) -> tuple[int, str | None]:
        section = main.get("method")
        if section is None:
            line = main["address"].line
            self.error(line, "request address given but no request method section")
            return line, None
        text = _first_text(section.blocks)
        if text is None:
            self.error(section.line, "request method section is empty")
            return section.line, None
        word = text[1].strip().upper()
        if word not in HTTP_METHODS:
            self.error(
                text[0],
                f"request method '{text[1].strip()}' is not an HTTP method "
                f"(expected one of {', '.join(HTTP_METHODS)})",
            )
            return section.line, None
        return section.line, word

    def _address(
        self, main: dict[SectionKind, Section], method_line: int
    ) -> tuple[str, str, str, int] | None:
        section = main.get("address")
        if section is None:
            self.error(method_line, "request method given but no request address section")
            return None
        text = _first_text(section.blocks)
        if text is None:
            self.error(section.line, "request address section has no address")
            return None
        line, url = text[0], text[1].strip()
        try:
            parts = urlsplit(url)
        except ValueError as error:
            self.error(line, f"request address '{url}' is not a URL: {error}")
            return None
        if parts.query or parts.fragment:
            self.warning(
                line,
                f"request address '{url}' has a query string or fragment; it is ignored "
                "(document its values as request parameters)",
            )
        if not parts.netloc or not parts.path.startswith("/"):
            self.error(line, f"request address '{url}' is not an absolute URL with a path")
            return None
        segments = [s for s in parts.path.split("/") if s]
        version = segments[0] if segments and re.fullmatch(r"v\d+\w*", segments[0]) else ""
        if not version:
            self.warning(line, f"request address '{url}' has no version as first path segment")
        return parts.netloc, version, parts.path, line

    # -- tables ------------------------------------------------------------

    def _rows_of(self, section: Section | None, models: set[str], what: str) -> list[_Row]:
        if section is None:
            return []
        tables = [b.table for b in section.blocks if b.kind == "table" and b.table is not None]
        if not tables:
            return []
        if len(tables) > 1:
            self.warning(tables[1].line, f"more than one {what} table; only the first is read")
        return self._read_rows(tables[0], what)

    def _read_rows(self, table: Table, what: str) -> list[_Row]:
        columns = _columns(table.header)
        if "name" not in columns or "type" not in columns:
            self.error(
                table.line,
                f"{what} table needs 'Name' and 'Type' columns, found: "
                + " | ".join(table.header),
            )
            return []
        rows: list[_Row] = []
        width = len(table.header)
        for row in table.rows:
            if row.written_cells < width:
                self.error(
                    row.line,
                    f"{what} row has {row.written_cells} cells but the table has "
                    f"{width} columns",
                )
                continue
            if row.written_cells > width:
                self.warning(
                    row.line,
                    f"{what} row has {row.written_cells} cells but the table has "
                    f"{width} columns; extra cells ignored",
                )
            cell = dict(zip(columns, row.cells))
            name = cell.get("name", "").strip()
            if not name:
                self.error(row.line, f"{what} row has no name")
                continue
            type_text = cell.get("type", "").strip()
            if not type_text:
                self.error(row.line, f"{what} '{name}' has no type")
                continue
            required_text = cell.get("required", "").strip().lower()
            if required_text not in _TRUE_WORDS | _FALSE_WORDS:
                self.warning(
                    row.line,
                    f"'{cell.get('required')}' in the Required column of '{name}' "
                    "is neither true nor false; taken as not required",
                )
            default = cell.get("default", "").strip() or None
            rows.append(
                _Row(
                    name=name,
                    type_text=type_text,
                    required=required_text in _TRUE_WORDS,
                    default=default,
                    description=cell.get("description", "").strip(),
                    location=self.at(row.line),
                )
            )
        return rows

    def _type(self, row: _Row, models: set[str]) -> TypeRef:
        ref, known = parse_type(row.type_text, models)
        if not known:
            self.warning(
                row.location.line,
                f"unknown type '{row.type_text}' of '{row.name}'; typed as Any",
            )
        return ref

    # -- models ------------------------------------------------------------

    def _models(
        self,
        sections: dict[str, list[tuple[Section, Literal["request", "response"]]]],
        model_names: set[str],
    ) -> tuple[PageModel, ...]:
        result: list[PageModel] = []
        for name in sorted(sections):
            for section, side in sections[name]:
                rows = self._rows_of(section, model_names, f"model '{name}' field")
                first_lines: dict[str, int] = {}
                for r in rows:
                    if r.name in first_lines:
                        self.error(
                            r.location.line,
                            f"field '{r.name}' of model '{name}' is listed twice "
                            f"(first at line {first_lines[r.name]})",
                        )
                    first_lines.setdefault(r.name, r.location.line)
                python_names = unique_names(
                    (snake_case(r.name, FIELD_RESERVED) for r in rows), taken=FIELD_RESERVED
                )
                fields = []
                for r, p in zip(rows, python_names):
                    ref = self._type(r, model_names)
                    fields.append(
                        Field(
                            wire_name=r.name,
                            python_name=p,
                            type=ref,
                            required=r.required,
                            default=r.default,
                            description=r.description,
                            location=r.location,
                            default_value=self._default_value(r, ref),
                        )
                    )
                description = self._paragraphs(section, skip_none=True)
                model = Model(name, name, tuple(fields), description, self.at(section.line))
                result.append(PageModel(model, side))
        return tuple(result)

    # -- parameters --------------------------------------------------------

    def _parameters(
        self,
        method: str,
        path: str,
        path_rows: list[_Row],
        request: Section | None,
        models: set[str],
        address_line: int,
    ) -> tuple[Parameter, ...]:
        placeholders = _PLACEHOLDER.findall(path)
        if path.count("{") != len(placeholders) or path.count("}") != len(placeholders):
            self.warning(
                address_line,
                f"request address path '{_short(path)}' has braces that are not "
                "{placeholder}s; they are sent as written",
            )
        rows_by_name = {r.name: r for r in path_rows}
        located: list[tuple[_Row, ParameterLocation]] = []
        for name in placeholders:
            row = rows_by_name.get(name)
            if row is None:
                self.warning(
                    address_line,
                    f"path placeholder '{{{name}}}' is not in the path parameter table; "
                    "taken as a required String",
                )
                row = _Row(name, "String", True, None, "", self.at(address_line))
            located.append((row, "path"))
        request_rows = self._rows_of(request, models, "request parameter")
        request_names = {r.name for r in request_rows}
        for row in path_rows:
            if row.name in placeholders:
                continue
            if row.name in request_names:
                self.warning(
                    row.location.line,
                    f"path parameter '{row.name}' does not appear in the request address; "
                    "the request parameter of that name is used",
                )
            else:
                self.warning(
                    row.location.line,
                    f"path parameter '{row.name}' does not appear in the request address; "
                    "sent as an ordinary request parameter",
                )
                request_rows.append(row)
        for row in [r for r in request_rows if r.name in placeholders]:
            self.warning(
                row.location.line,
                f"request parameter '{row.name}' is also a path parameter; "
                "it is one argument, sent in the path",
            )
            request_rows.remove(row)
        payload = self._payload_row(method, request_rows, models)
        skipped_signing: list[str] = []
        for row in request_rows:
            lowered = row.name.lower()
            if lowered in SIGNING_HEADERS:
                skipped_signing.append(row.name)
            elif lowered.startswith(HEADER_PREFIX):
                if not _HEADER_NAME.fullmatch(row.name):
                    self.error(
                        row.location.line,
                        f"header parameter '{_short(row.name)}' is not a valid HTTP header name "
                        "(ASCII letters, digits and -)",
                    )
                located.append((row, "header"))
            elif row is payload:
                located.append((row, "payload"))
            elif method in _QUERY_METHODS:
                located.append((row, "query"))
            else:
                located.append((row, "body"))
        if skipped_signing:
            self.diagnostics.note(
                self.at(request.line if request else 1),
                "signing headers set by the client, not by the caller: "
                + ", ".join(skipped_signing),
            )
        seen: dict[str, int] = {}
        for row, where in located:
            # Header names are case-insensitive on the wire: X-JDCLOUD-A is x-jdcloud-a.
            key = row.name.lower() if where == "header" else row.name
            if key in seen:
                self.error(
                    row.location.line,
                    f"parameter '{row.name}' is listed twice (first at line {seen[key]})",
                )
            seen.setdefault(key, row.location.line)
        python_names = unique_names(
            (snake_case(row.name, PARAMETER_RESERVED) for row, _ in located),
            taken=PARAMETER_RESERVED,
        )
        parameters = []
        for (row, where), python_name in zip(located, python_names):
            ref = self._type(row, models)
            parameters.append(
                Parameter(
                    wire_name=row.name,
                    python_name=python_name,
                    type=ref,
                    required=row.required or where == "path",
                    default=row.default,
                    description=row.description,
                    location=where,
                    source=row.location,
                    default_value=self._default_value(row, ref),
                )
            )
        return tuple(parameters)

    def _default_value(self, row: _Row, ref: TypeRef) -> DefaultValue | None:
        """The Default Value cell typed by the Type column; a mismatch is an error.

        Integers stay exact, ``true``/``false`` are booleans only in a Boolean
        column, and a String default keeps its text with one pair of
        surrounding quotes removed (``"abc"`` is ``abc``, ``007`` stays ``007``).
        """
        text = (row.default or "").strip()
        if not text or text.lower() in _NONE_WORDS | {"null"}:
            return None
        line, name = row.location.line, row.name
        if ref.kind != "primitive":
            self.warning(
                line, f"default value '{text}' of '{name}' ({row.type_text}) is not applied"
            )
            return None
        if ref.name == "str":
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
                return text[1:-1]
            return text
        value: DefaultValue | None = None
        if ref.name == "bool" and text.lower() in ("true", "false"):
            value = text.lower() == "true"
        elif ref.name == "int" and re.fullmatch(r"[+-]?[0-9]{1,40}", text):
            value = int(text)
        elif ref.name == "float" and re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?", text):
            value = float(text)
            if not math.isfinite(value):
                value = None
        if value is None:
            self.error(
                line,
                f"default value '{_short(text)}' of '{name}' is not a valid {row.type_text} "
                "(fix the Default Value cell or the Type cell)",
            )
        return value

    def _payload_row(self, method: str, rows: list[_Row], models: set[str]) -> _Row | None:
        """A lone body parameter named ``body`` whose type is a model is the JSON body itself.

        Some services' pages name their whole request body that way; the
        service reads the model's members at the top level of the body.
        """
        if method in _QUERY_METHODS:
            return None
        body = [r for r in rows if not r.name.lower().startswith(HEADER_PREFIX)]
        body = [r for r in body if r.name.lower() not in SIGNING_HEADERS]
        if len(body) == 1 and body[0].name == "body" and body[0].type_text.strip() in models:
            return body[0]
        return None

    def _result(self, response: Section | None, models: set[str]) -> TypeRef | None:
        result: TypeRef | None = None
        for row in self._rows_of(response, models, "return parameter"):
            if row.name == "result":
                result = self._type(row, models)
            elif row.name not in ("requestId", "error"):
                self.warning(
                    row.location.line,
                    f"return parameter '{row.name}' is outside the result; ignored",
                )
        return result

    def _return_codes(self, section: Section | None) -> tuple[ReturnCode, ...]:
        """Two-column tables (code, description) and the newer four-column ones
        (HTTP status, error code, description, explanation)."""
        if section is None:
            return ()
        codes: list[ReturnCode] = []
        for block in section.blocks:
            if block.kind != "table" or block.table is None:
                continue
            kinds = [_CODE_COLUMNS.get(" ".join(h.split()).lower(), "") for h in block.table.header]
            if "status" not in kinds:
                kinds = ["status", "description", "", ""][: len(kinds)]
            for row in block.table.rows:
                cell = {k: c.strip() for k, c in zip(kinds, row.cells) if k}
                if not cell.get("status"):
                    continue
                text = " ".join(t for t in (cell.get("description"), cell.get("explanation")) if t)
                codes.append(ReturnCode(cell["status"], text, cell.get("error_code", "")))
        return tuple(codes)

    def _example(self, section: Section | None) -> str | None:
        if section is None:
            return None
        code = [b.text for b in section.blocks if b.kind == "code" and b.text.strip()]
        return code[0] if code else None

    def _paragraphs(self, section: Section | None, skip_none: bool = False) -> str:
        if section is None:
            return ""
        texts = [b.text for b in section.blocks if b.kind == "paragraph"]
        if skip_none:
            texts = [t for t in texts if t.strip().lower() not in _NONE_WORDS]
        return "\n\n".join(texts)


def _short(text: str, limit: int = 60) -> str:
    """Page text quoted in a message, cut to a readable length."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _columns(header: Sequence[str]) -> list[ColumnKind | str]:
    columns: list[ColumnKind | str] = []
    for title in header:
        key = " ".join(title.split()).lower()
        columns.append(_COLUMN_NAMES.get(key, f"other:{key}"))
    return columns


def _first_text(blocks: Sequence[Block]) -> tuple[int, str] | None:
    for block in blocks:
        if block.kind in ("paragraph", "code") and block.text.strip():
            return block.line, block.text.strip().splitlines()[0]
    return None
