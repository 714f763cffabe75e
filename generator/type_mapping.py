"""Maps the Type column of a page to a TypeRef."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from .ir import TypeRef

__all__ = ["parse_type", "rename_models", "referenced_models"]

_PRIMITIVES = {
    "string": "str",
    "str": "str",
    "integer": "int",
    "int": "int",
    "long": "int",
    "short": "int",
    "boolean": "bool",
    "bool": "bool",
    "double": "float",
    "float": "float",
    "number": "float",
}
_MAPS = {"map"}
# Deeper lists than this are not a type any page means; they are reported as unknown.
MAX_LIST_DEPTH = 4
_ANY = {"object"}


def parse_type(text: str, models: Collection[str]) -> tuple[TypeRef, bool]:
    """Resolve a Type cell; returns the type and whether its name was understood.

    ``X[]`` is a list of X (``X[][]`` a list of lists); a name defined by a
    ``###`` table on the page is that model; an unknown name is ``any``.
    """
    source = " ".join(text.split())
    name = source
    depth = 0
    while name.endswith("[]"):
        name = name[:-2].rstrip()
        depth += 1
    if depth > MAX_LIST_DEPTH:
        return TypeRef("any", source=source), False
    known = True
    base: TypeRef
    if name.lower() in _PRIMITIVES:  # a model may not take a primitive's name
        base = TypeRef("primitive", name=_PRIMITIVES[name.lower()])
    elif name.lower() in _MAPS:
        base = TypeRef("map")
    elif name.lower() in _ANY:
        base = TypeRef("any")
    elif name in models:
        base = TypeRef("model", name=name)
    else:
        base, known = TypeRef("any"), False
    for _ in range(depth):
        base = TypeRef("list", item=base)
    return replace(base, source=source), known


def rename_models(ref: TypeRef, names: dict[str, str]) -> TypeRef:
    """The same type with model names replaced through ``names``."""
    if ref.kind == "model":
        return replace(ref, name=names.get(ref.name, ref.name))
    if ref.kind == "list" and ref.item is not None:
        return replace(ref, item=rename_models(ref.item, names))
    return ref


def referenced_models(ref: TypeRef) -> str | None:
    """The model a type refers to, through any number of list levels."""
    while ref.kind == "list" and ref.item is not None:
        ref = ref.item
    return ref.name if ref.kind == "model" else None
