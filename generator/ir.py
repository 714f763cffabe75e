"""The intermediate model: plain, typed, immutable data between parsing and rendering.

The parser produces it, the renderer and the JSON inspector consume it; nothing
in here knows about Markdown or about Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Api",
    "DefaultValue",
    "Field",
    "HTTP_METHODS",
    "Model",
    "Operation",
    "Parameter",
    "ParameterLocation",
    "ReturnCode",
    "Service",
    "SkippedPage",
    "SourceLocation",
    "TypeKind",
    "TypeRef",
]

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")

TypeKind = Literal["primitive", "list", "model", "map", "any"]
DefaultValue = str | int | float | bool
# "payload": the parameter is the whole JSON body (a lone body parameter named ``body``).
ParameterLocation = Literal["path", "query", "header", "body", "payload"]


@dataclass(frozen=True)
class SourceLocation:
    """A line of an input page (1-based), for diagnostics."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class TypeRef:
    """A type as the page names it, resolved.

    ``primitive`` carries the Python type name in ``name`` (str, int, float, bool);
    ``model`` carries the model's class name; ``list`` carries ``item``;
    ``map`` and ``any`` carry nothing. ``source`` is the text of the Type cell.
    """

    kind: TypeKind
    name: str = ""
    item: TypeRef | None = None
    source: str = ""


@dataclass(frozen=True)
class Field:
    """One attribute of a model."""

    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    default: str | None
    description: str
    location: SourceLocation
    default_value: DefaultValue | None = None


@dataclass(frozen=True)
class Model:
    """A structured type defined by a ``###`` table (or an operation's result)."""

    name: str
    wire_name: str
    fields: tuple[Field, ...]
    description: str
    location: SourceLocation
    used_in_request: bool = False
    used_in_response: bool = False


@dataclass(frozen=True)
class Parameter:
    """One request parameter of an operation, with where it travels."""

    wire_name: str
    python_name: str
    type: TypeRef
    required: bool
    default: str | None
    description: str
    location: ParameterLocation
    source: SourceLocation
    default_value: DefaultValue | None = None


@dataclass(frozen=True)
class ReturnCode:
    """One documented answer of an operation: HTTP status, and the error code if any."""

    status: str
    description: str
    error_code: str = ""


@dataclass(frozen=True)
class Operation:
    """One API operation, as described by one page."""

    name: str
    python_name: str
    description: str
    method: str
    host: str
    version: str
    path: str
    parameters: tuple[Parameter, ...]
    result: TypeRef | None
    return_codes: tuple[ReturnCode, ...]
    source: SourceLocation
    request_example: str | None = None
    response_example: str | None = None

    @property
    def service_name(self) -> str:
        """The first label of the host that is not a ``{placeholder}``."""
        labels = [label for label in self.host.split(".") if "{" not in label]
        return (labels[0] if labels else self.host).split(":", 1)[0].lower()


@dataclass(frozen=True)
class Service:
    """All operations of one service (the first label of the request host)."""

    name: str
    module_name: str
    class_name: str
    host: str
    version: str
    operations: tuple[Operation, ...]
    models: tuple[Model, ...]


@dataclass(frozen=True)
class SkippedPage:
    """An input file that is not an operation page, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Api:
    """Everything read from one directory tree of pages."""

    services: tuple[Service, ...]
    skipped: tuple[SkippedPage, ...]
    superseded: tuple[SkippedPage, ...] = ()
