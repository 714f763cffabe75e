"""Models and their JSON wire form, both ways.

Every generated model is a dataclass that extends ``WireModel`` and names,
in ``WIRE_NAMES``, the wire name of each attribute whose Python name differs.
The conversion plan of a class (wire names and how to parse each member, read
from its type hints) is worked out once, on first use.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Protocol, Self, TypeVar

__all__ = [
    "WireModel",
    "parse_json",
    "parse_model",
    "parse_nothing",
    "to_wire",
]

Parser = Callable[[Any], Any]


class WireModel:
    """Base class of the generated models: conversion from and to the wire form.

    Members the page does not document are kept in ``extra_fields`` and sent
    back as they came. A model returned as an operation's result also carries
    ``_request_id``, the id of the request that produced it.
    """

    __slots__ = ()
    WIRE_NAMES: ClassVar[Mapping[str, str]] = {}
    extra_fields: dict[str, Any]
    _request_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The wire form: wire names, set members only, undocumented members kept."""
        data = dict(self.extra_fields)
        for python_name, wire_name, _ in _plan(type(self)):
            value = getattr(self, python_name)
            if value is not None:
                data[wire_name] = to_wire(value)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """A model from its wire form; members it does not document go to ``extra_fields``."""
        rest = dict(data)
        values: dict[str, Any] = {}
        for python_name, wire_name, parse in _plan(cls):
            if wire_name in rest:
                value = rest.pop(wire_name)
                values[python_name] = (
                    value if value is None or parse is None else parse(value)
                )
        make: Callable[..., Self] = (
            cls  # a generated dataclass: keyword arguments per field
        )
        return make(**values, extra_fields=rest)


_PLANS: dict[type, tuple[tuple[str, str, Parser | None], ...]] = {}


def _plan(cls: type[WireModel]) -> tuple[tuple[str, str, Parser | None], ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = tuple(
            (f.name, cls.WIRE_NAMES.get(f.name, f.name), _parser(hints[f.name]))
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.name != "extra_fields"
        )
        _PLANS[cls] = plan
    return plan


def _parser(hint: Any) -> Parser | None:
    """How to parse a JSON value into ``hint``: None when the value is used as it is."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        kinds = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = kinds[0] if len(kinds) == 1 else Any
    if isinstance(hint, type) and issubclass(hint, WireModel):
        return hint.from_dict
    if typing.get_origin(hint) is list:
        item = _parser(typing.get_args(hint)[0])
        if item is not None:
            return lambda value: [None if v is None else item(v) for v in value]
    return None


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


def parse_json(data: Any) -> Any:
    """The parser of results used as they come (scalars, lists of scalars, maps)."""
    return data


def parse_nothing(data: Any) -> None:
    """The parser of operations that document no result."""
    return None
