"""Query strings in JD Cloud's flattening convention.

Lists are numbered from 1 and objects spread into dotted names:
``filters.1.name=status&filters.1.values.1=in-use``. Unset values add nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from .serde import to_wire

__all__ = ["flatten_query", "encode_query", "wire_text"]


def wire_text(value: Any) -> str:
    """A scalar as it travels in a query string or header (``true``, not ``True``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flatten_query(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Flatten wire-named parameters into ordered (name, value) pairs."""
    pairs: list[tuple[str, str]] = []
    for name, value in params.items():
        _flatten(name, to_wire(value), pairs)
    return pairs


def _flatten(prefix: str, value: Any, pairs: list[tuple[str, str]]) -> None:
    if value is None:
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            _flatten(f"{prefix}.{key}", item, pairs)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value, start=1):
            _flatten(f"{prefix}.{index}", item, pairs)
    else:
        pairs.append((prefix, wire_text(value)))


def encode_query(pairs: list[tuple[str, str]]) -> str:
    """Percent-encode names and values (space as ``%20``), joined with ``&``."""
    return "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in pairs)
