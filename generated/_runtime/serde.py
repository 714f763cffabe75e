"""Conversion of Python values to their JSON wire form."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

__all__ = [
    "WireModel",
    "model_list",
    "model_or_none",
    "parse_model",
    "parse_nothing",
    "to_wire",
    "wire_dict",
]


class WireModel:
    """Base class of the generated models: each knows its wire form.

    A model returned as an operation's result also carries ``_request_id``,
    the id of the request that produced it.
    """

    __slots__ = ()
    _request_id: str | None = None

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


M = TypeVar("M", bound=WireModel)
M_co = TypeVar("M_co", bound=WireModel, covariant=True)


class _FromDict(Protocol[M_co]):
    def from_dict(self, data: Mapping[str, Any], /) -> M_co: ...


def parse_model(model: _FromDict[M]) -> Callable[[Any], M]:
    """A parser of an envelope's result into ``model``; an absent result is an empty model."""

    def parse(data: Any) -> M:
        return model.from_dict(data if data is not None else {})

    return parse


def parse_nothing(data: Any) -> None:
    """The parser of operations that document no result."""
    return None


def wire_dict(extra: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """A model's wire form: its undocumented members, then every documented one that is set."""
    data = dict(extra)
    for key, value in values.items():
        if value is not None:
            data[key] = to_wire(value)
    return data


def model_or_none(model: _FromDict[M], value: Any) -> M | None:
    """``value`` parsed into ``model``, or None."""
    return None if value is None else model.from_dict(value)


def model_list(model: _FromDict[M], value: Any) -> list[M] | None:
    """A list of ``model`` parsed from ``value``, or None."""
    return None if value is None else [model.from_dict(item) for item in value]
