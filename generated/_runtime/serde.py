"""Conversion of Python values to their JSON wire form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["WireModel", "to_wire"]


class WireModel:
    """Base class of the generated models: each knows its wire form."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError


def to_wire(value: Any) -> Any:
    """Models to dicts (wire names), lists and maps recursively; scalars unchanged."""
    if isinstance(value, WireModel):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {key: to_wire(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(item) for item in value]
    return value
