"""What the templates render: flat, precomputed views of the intermediate model.

All decisions (annotations, defaults, wire conversions, imports, escaping) are
made here, so that the templates only loop and print.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ir import DefaultValue, Field, Model, Operation, Parameter, Service, TypeRef
from .python_code import (
    annotation,
    docstring,
    from_wire,
    string_literal,
    uses_any,
)

__all__ = ["ClientView", "FieldView", "MethodView", "ModelView", "ServiceView", "service_view"]

_CLASS_INDENT = " " * 4
_METHOD_INDENT = " " * 8


@dataclass(frozen=True)
class FieldView:
    python_name: str
    declaration: str


@dataclass(frozen=True)
class ModelView:
    class_name: str
    docstring: str
    fields: tuple[FieldView, ...]
    wire_names: tuple[str, ...]


@dataclass(frozen=True)
class MethodView:
    python_name: str
    signature: tuple[str, ...]
    return_annotation: str
    docstring: str
    request_args: tuple[str, ...]
    parser: str
    returns_value: bool
    result: str


@dataclass(frozen=True)
class ClientView:
    class_name: str
    docstring: str
    service_literal: str
    host_literal: str
    methods: tuple[MethodView, ...]
    model_imports: tuple[str, ...]
    runtime_imports: tuple[str, ...]
    needs_any: bool
    needs_cast: bool


@dataclass(frozen=True)
class ServiceView:
    module_docstring: str
    models: tuple[ModelView, ...]
    model_names: tuple[str, ...]
    client: ClientView


def service_view(service: Service) -> ServiceView:
    """The view of one service's package."""
    models = tuple(_model_view(m) for m in service.models)
    return ServiceView(
        module_docstring=docstring(
            [f"The {service.name} service ({service.host}, API {service.version})."], ""
        ),
        models=models,
        model_names=tuple(m.name for m in service.models),
        client=_client_view(service),
    )


# -- models -----------------------------------------------------------------


def _model_view(model: Model) -> ModelView:
    optional_only = model.used_in_response or not model.used_in_request
    fields = tuple(
        FieldView(
            f.python_name,
            _declaration(f, f.required and not optional_only, not optional_only),
        )
        for f in model.fields
    )
    return ModelView(
        class_name=model.name,
        docstring=docstring(
            [model.description or f"The {model.wire_name} structure.", _attributes(model.fields)],
            _CLASS_INDENT,
        ),
        fields=fields,
        wire_names=tuple(
            f"{string_literal(f.python_name)}: {string_literal(f.wire_name)}"
            for f in model.fields
            if f.python_name != f.wire_name
        ),
    )


_SECRET_WORDS = ("secret", "password", "passwd")


def _declaration(f: Field, required: bool, with_default: bool) -> str:
    """The annotation and default; fields that hold secrets stay out of ``repr``.

    A documented default applies to models only sent (never to parsed answers,
    where a missing member must read as None).
    """
    kind = annotation(f.type)
    hidden = any(word in f.wire_name.lower() for word in _SECRET_WORDS)
    if kind == "Any" and not required:
        return "Any = field(default=None, repr=False)" if hidden else "Any = None"
    if required:
        return f"{kind} = field(repr=False)" if hidden else kind
    default = _default_literal(f.default_value) if with_default else "None"
    if hidden:
        return f"{kind} | None = field(default={default}, repr=False)"
    return f"{kind} | None = {default}"


def _default_literal(value: DefaultValue | None) -> str:
    """A Python literal for a typed default (``None`` when there is none)."""
    if isinstance(value, str):
        return string_literal(value)
    return repr(value)


def _attributes(fields: tuple[Field, ...]) -> str:
    if not fields:
        return ""
    lines = ["Attributes:"]
    for f in fields:
        lines.append(f"    {f.python_name} ({f.wire_name}): {_one_line(f.description) or '-'}")
    lines.append("    extra_fields: members the page does not document, kept as received.")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- client -----------------------------------------------------------------


def _client_view(service: Service) -> ClientView:
    methods = tuple(_method_view(op, service.host) for op in service.operations)
    used: set[str] = set()
    refs: list[TypeRef] = []
    for op in service.operations:
        refs.extend(p.type for p in op.parameters)
        if op.result is not None:
            refs.append(op.result)
    for ref in refs:
        text = annotation(ref)
        for model in service.models:
            if model.name in _words(text):
                used.add(model.name)
    return ClientView(
        class_name=service.class_name,
        docstring=docstring(
            [
                f"Client of the {service.name} service (API {service.version}).",
                f"Requests go to https://{service.host} unless ``endpoint`` says otherwise; "
                "each is signed with the client's credentials.",
            ],
            _CLASS_INDENT,
        ),
        service_literal=string_literal(service.name),
        host_literal=string_literal(service.host),
        methods=methods,
        model_imports=tuple(sorted(used)),
        runtime_imports=_runtime_imports(service.operations),
        needs_any=uses_any(refs),
        needs_cast=any(m.result.startswith("cast(") for m in methods),
    )


def _runtime_imports(operations: tuple[Operation, ...]) -> tuple[str, ...]:
    names = {"AsyncBaseClient", "BaseClient", "Request"}
    for op in operations:
        if op.result is not None and op.result.kind != "model":
            if from_wire(op.result, "data", False) == "data":
                names.add("parse_json")
    if operations:
        names.add("async_operation")
    for op in operations:
        if op.result is None:
            names.add("parse_nothing")
        elif op.result.kind == "model":
            names.add("parse_model")
    return tuple(sorted(names))


def _words(text: str) -> set[str]:
    for sep in "[],|":
        text = text.replace(sep, " ")
    return set(text.split())


def _method_view(op: Operation, service_host: str) -> MethodView:
    ordered = sorted(op.parameters, key=lambda p: not p.required)
    signature = [
        f"{p.python_name}: {annotation(p.type)}"
        if p.required
        else f"{p.python_name}: {annotation(p.type)} | None = {_default_literal(p.default_value)}"
        for p in ordered
    ]
    signature.append("timeout: float | None = None")

    def mapping(location: str) -> str:
        items = [
            f"{string_literal(p.wire_name)}: {p.python_name}"
            for p in op.parameters
            if p.location == location
        ]
        return "{" + ", ".join(items) + "}"

    args = [
        f"method={string_literal(op.method)}",
        f"path={string_literal(op.path)}",
    ]
    for location, name in (("path", "path_params"), ("query", "query"), ("header", "headers")):
        if any(p.location == location for p in op.parameters):
            args.append(f"{name}={mapping(location)}")
    if any(p.location == "body" for p in op.parameters):
        args.append(f"body={mapping('body')}")
    if any(p.location == "payload" for p in op.parameters):
        args.append(f"payload={mapping('payload')}")
    required = [string_literal(p.wire_name) for p in op.parameters if p.required]
    if required:
        args.append(f"required=({', '.join(required)}{',' if len(required) == 1 else ''})")
    region = next((p for p in op.parameters if p.wire_name == "regionId"), None)
    if region is not None:
        args.append(f"region={region.python_name}")
    if op.host != service_host or "{" in op.host:
        args.append(f"host={string_literal(op.host)}")

    result = "response.result"
    if op.result is None:
        return_annotation, parser = "None", "parse_nothing"
    elif op.result.kind == "model":
        return_annotation, parser = op.result.name, f"parse_model({op.result.name})"
    else:
        return_annotation = f"{annotation(op.result)} | None"
        converted = from_wire(op.result, "data", False)
        # A JSON value used as it is comes back as Any: say what the page documents.
        parser = "parse_json" if converted == "data" else f"lambda data: {converted}"
        result = f"cast({string_literal(return_annotation)}, response.result)"
    return MethodView(
        python_name=op.python_name,
        signature=tuple(signature),
        return_annotation=return_annotation,
        docstring=docstring(
            [
                op.description or op.name,
                f"``{op.method} {op.path}`` ({op.name}).",
                _args_doc(ordered),
                _returns_doc(op),
            ],
            _METHOD_INDENT,
        ),
        request_args=tuple(args),
        parser=parser,
        returns_value=op.result is not None,
        result=result,
    )


def _args_doc(parameters: list[Parameter]) -> str:
    lines = ["Args:"]
    for p in parameters:
        default = f" Default: {p.default}." if p.default is not None else ""
        text = _one_line(p.description) or "-"
        lines.append(f"    {p.python_name}: {text} ({p.location} ``{p.wire_name}``).{default}")
    lines.append("    timeout: seconds to wait for this call, instead of the client's default.")
    return "\n".join(lines)


def _returns_doc(op: Operation) -> str:
    codes = ", ".join(f"{c.status} {_one_line(c.description)}".strip() for c in op.return_codes)
    lines = []
    if codes:
        lines.append(f"Documented return codes: {codes}.")
    lines.append(
        "Raises:\n    APIError: the service answered with an error or a non-2xx status.\n"
        "    TransportError: no answer (connection failure or timeout)."
    )
    return "\n\n".join(lines)
