"""Python names for wire names: valid, unambiguous and stable by construction."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "FIELD_RESERVED",
    "METHOD_RESERVED",
    "PARAMETER_RESERVED",
    "RESERVED",
    "RUNTIME_EXPORTS",
    "class_name",
    "snake_case",
    "unique_names",
]

# Keywords, soft keywords and builtins get a trailing underscore: a generated
# module uses builtins (str, list, dict, ...) in annotations and bodies, and a
# field or argument of the same name would shadow them.
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))

# Names a generated model class uses in its own namespace or its module imports:
# a field of that name would shadow them (tests/test_names.py checks the
# templates against these lists).
FIELD_RESERVED = frozenset(
    {"to_dict", "from_dict", "extra_fields", "field", "dataclass", "annotations"}
    | {"Any", "ClassVar", "WireModel", "WIRE_NAMES"}
)
# Names a generated client method uses besides its arguments.
PARAMETER_RESERVED = frozenset(
    {"self", "timeout", "annotations", "parse_model", "parse_nothing", "parse_json", "data"}
    | {"cast", "response"}
    | {"Any", "Request", "BaseClient", "AsyncBaseClient"}
)

# What every generated package and service package re-exports from its runtime,
# for its users (one list: the templates print it, and no model may take these names).
RUNTIME_EXPORTS = (
    "APIError",
    "APIResponse",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "Credentials",
    "InternalServerError",
    "JDCloudError",
    "NotFoundError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryPolicy",
    "TransportError",
)

# Attributes a generated client has besides its operations.
METHOD_RESERVED = frozenset(
    {"async_operation", "close", "aclose", "credentials", "endpoint", "scheme", "region"}
    | {"timeout", "retry", "signature_version", "on_response", "SERVICE", "DEFAULT_HOST"}
)

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NOT_WORD = re.compile(r"[^0-9A-Za-z]+")


def _ascii_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", name)
    words: list[str] = []
    for chunk in _NOT_WORD.split(folded):
        words.extend(w for w in _CAMEL_BOUNDARY.split(chunk) if w)
    return words


def snake_case(name: str, reserved: Iterable[str] = ()) -> str:
    """``srcAddress`` -> ``src_address``; keywords and builtins get a trailing ``_``."""
    words = _ascii_words(name)
    result = "_".join(w.lower() for w in words) or "value"
    if result[0].isdigit():
        result = f"field_{result}"
    if result in RESERVED or result in set(reserved):
        result += "_"
    return result


def class_name(name: str) -> str:
    """``TransferTaskInfo`` stays; ``access-policy`` -> ``AccessPolicy``."""
    words = _ascii_words(name)
    result = "".join(w[0].upper() + w[1:] for w in words) or "Model"
    if result[0].isdigit():
        result = f"Model{result}"
    if result in RESERVED:
        result += "_"
    return result


def unique_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Make names distinct in order: a repeat gets ``_2``, ``_3``, ... (never a taken name)."""
    used = set(taken)
    result: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in used:
            n += 1
            candidate = f"{name}_{n}"
        used.add(candidate)
        result.append(candidate)
    return result
