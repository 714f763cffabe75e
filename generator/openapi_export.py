"""The intermediate model as OpenAPI 3.1: one JSON document per service.

Servers are ``https://<host>`` and paths keep the page's version prefix
(``/v1/...``), so server + path is the real URL. JD Cloud's habits that OpenAPI
has no words for are vendor extensions: ``x-jdcloud-flattening`` on query
parameters sent as ``filters.1.name=...``, ``x-jdcloud-signature-versions`` on
the signing scheme, ``x-jdcloud-aliases`` for pages that document the same
request (method and path) as another operation.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .ir import Api, Field, Model, Operation, Parameter, ReturnCode, Service, TypeRef

__all__ = ["ERROR_ENVELOPE", "export_api", "service_document"]

ERROR_ENVELOPE = "ErrorEnvelope"
_SECURITY = "jdcloudSignature"
_PRIMITIVES: dict[str, dict[str, str]] = {
    "str": {"type": "string"},
    "int": {"type": "integer", "format": "int64"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
}
_HOST_VARIABLE = re.compile(r"\{([^{}]+)\}")
_STATUS = re.compile(r"[1-5][0-9][0-9]")
_SIGNING = (
    "JD Cloud request signing, HMAC-SHA256. The client sends `x-jdcloud-date` "
    "(yyyyMMddTHHmmssZ) and `x-jdcloud-nonce`, builds a canonical request (method, "
    "path, sorted query, lower-cased signed headers, SHA-256 of the body), signs it "
    "with a key derived from the secret key, date, region and service, and sends "
    "`Authorization: JDCLOUD3-HMAC-SHA256 Credential=<access key>/<date>/<region>/"
    "<service>/jdcloud3_request, SignedHeaders=<names>, Signature=<hex>`. JDCLOUD2, "
    "the version of the public signing guide, differs only in the algorithm name and "
    "the scope terminator (`jdcloud2_request`)."
)


def export_api(api: Api) -> dict[str, str]:
    """``<module>.openapi.json`` -> deterministic JSON text, for every service."""
    return {
        f"{service.module_name}.openapi.json": json.dumps(
            service_document(service), indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
        for service in api.services
    }


def service_document(service: Service) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for operation in service.operations:
        item = paths.setdefault(operation.path, {})
        method = operation.method.lower()
        if method in item:
            item[method].setdefault("x-jdcloud-aliases", []).append(operation.name)
        else:
            item[method] = _operation(operation, service.host)
    schemas = {model.name: _model_schema(model) for model in service.models}
    schemas[ERROR_ENVELOPE] = {
        "type": "object",
        "description": "The answer of a failed request.",
        "properties": {"requestId": {"type": "string"}, "error": _error_schema()},
        "required": ["error"],
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": f"JD Cloud {service.name} API", "version": service.version},
        "servers": [_server(service.host)],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                _SECURITY: {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": _SIGNING,
                    "x-jdcloud-signature-versions": ["JDCLOUD2", "JDCLOUD3"],
                }
            },
        },
        "security": [{_SECURITY: []}],
    }


def _server(host: str) -> dict[str, Any]:
    server: dict[str, Any] = {"url": f"https://{host}"}
    names = _HOST_VARIABLE.findall(host)
    if names:  # JD Cloud templates only the region into a host
        server["variables"] = {
            name: {"default": "cn-north-1", "description": "the region of the request"}
            for name in names
        }
    return server


def _operation(operation: Operation, service_host: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "operationId": operation.name,
        "x-python-name": operation.python_name,
        "responses": _responses(operation),
    }
    if operation.description:
        result["summary"] = operation.description.splitlines()[0]
        result["description"] = operation.description
    if operation.host != service_host:
        result["servers"] = [_server(operation.host)]
    parameters = [
        _parameter(p) for p in operation.parameters if p.location not in ("body", "payload")
    ]
    if parameters:
        result["parameters"] = parameters
    payload = next((p for p in operation.parameters if p.location == "payload"), None)
    body = [p for p in operation.parameters if p.location == "body"]
    if payload is not None:
        result["requestBody"] = {
            "required": payload.required,
            "content": {"application/json": {"schema": _property(payload)}},
            "x-jdcloud-parameter": payload.wire_name,
        }
    elif body:
        required = [p.wire_name for p in body if p.required]
        schema = _object_schema({p.wire_name: _property(p) for p in body}, required)
        result["requestBody"] = {
            "required": bool(required),
            "content": {"application/json": {"schema": schema}},
        }
    return result


def _parameter(parameter: Parameter) -> dict[str, Any]:
    result: dict[str, Any] = {
        "name": parameter.wire_name,
        "in": parameter.location,
        "required": parameter.required or parameter.location == "path",
        "schema": _property(parameter, described=False),
    }
    description = parameter.description
    if parameter.location == "query" and parameter.type.kind in ("list", "model", "map"):
        result["x-jdcloud-flattening"] = "indexed-dotted"
        note = (
            f"Sent flattened into the query string: `{parameter.wire_name}.1=...` for "
            f"list items (counted from 1), `{parameter.wire_name}.<member>=...` for "
            "members, nested alike (`filters.1.values.1=in-use`)."
        )
        description = f"{description} {note}" if description else note
    if description:
        result["description"] = description
    return result


def _responses(operation: Operation) -> dict[str, Any]:
    documented: dict[str, list[ReturnCode]] = {}
    for code in operation.return_codes:
        if _STATUS.fullmatch(code.status):
            documented.setdefault(code.status, []).append(code)
    if not documented:
        documented["200"] = []
    responses: dict[str, Any] = {}
    for status, codes in documented.items():
        text = "; ".join(dict.fromkeys(filter(None, map(_code_text, codes))))
        schema = (
            _success_schema(operation.result)
            if status.startswith("2")
            else {"$ref": f"#/components/schemas/{ERROR_ENVELOPE}"}
        )
        responses[status] = {
            "description": text or f"HTTP {status}",
            "content": {"application/json": {"schema": schema}},
        }
    return responses


def _code_text(code: ReturnCode) -> str:
    return f"{code.error_code}: {code.description}" if code.error_code else code.description


def _success_schema(result: TypeRef | None) -> dict[str, Any]:
    properties: dict[str, Any] = {"requestId": {"type": "string"}}
    if result is not None:
        properties["result"] = _type_schema(result)
    properties["error"] = _error_schema()
    return {"type": "object", "properties": properties}


def _error_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "status": {"type": "string"},
            "message": {"type": "string"},
        },
    }


def _model_schema(model: Model) -> dict[str, Any]:
    schema = _object_schema(
        {f.wire_name: _property(f) for f in model.fields},
        [f.wire_name for f in model.fields if f.required],
    )
    if model.description:
        schema["description"] = model.description
    return schema


def _object_schema(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def _property(item: Field | Parameter, described: bool = True) -> dict[str, Any]:
    """The schema of a field or parameter: its type, default and description."""
    schema = _type_schema(item.type)
    default = _typed_default(item.default, item.type)
    if default is not None:
        schema["default"] = default
    if described and item.description:
        schema["description"] = item.description
    return schema


def _type_schema(ref: TypeRef) -> dict[str, Any]:
    if ref.kind == "primitive":
        return dict(_PRIMITIVES[ref.name])
    if ref.kind == "list":
        assert ref.item is not None
        return {"type": "array", "items": _type_schema(ref.item)}
    if ref.kind == "model":
        return {"$ref": f"#/components/schemas/{ref.name}"}
    if ref.kind == "map":
        return {"type": "object", "additionalProperties": True}
    return {}


def _typed_default(text: str | None, ref: TypeRef) -> str | int | float | bool | None:
    """The documented default as a JSON value of the field's type; None when it does not parse."""
    if text is None or ref.kind != "primitive":
        return None
    if ref.name == "str":
        return text
    if ref.name == "bool":
        return {"true": True, "false": False}.get(text.strip().lower())
    try:
        number = int(text) if ref.name == "int" else float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
