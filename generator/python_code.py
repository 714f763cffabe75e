"""Small pieces of Python source computed from the intermediate model.

Every text that comes from a page reaches generated code only through
``string_literal`` or ``docstring``, which escape it: page text is data,
never code.
"""

from __future__ import annotations

from collections.abc import Sequence

from .ir import TypeRef

__all__ = [
    "annotation",
    "docstring",
    "from_wire",
    "string_literal",
    "uses_any",
]


def string_literal(text: str) -> str:
    """A double-quoted Python literal for any text."""
    escaped = "".join(_escape_char(c) for c in text.replace("\\", "\\\\").replace('"', '\\"'))
    return f'"{escaped}"'


def _escape_char(char: str) -> str:
    code = ord(char)
    if char == "\n":
        return "\\n"
    if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
        return f"\\x{code:02x}"
    if char in "\u2028\u2029\ufeff" or 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return char


def docstring(paragraphs: Sequence[str], indent: str) -> str:
    """A triple-quoted docstring whose runtime text equals the given text exactly.

    Backslashes, quotes and control characters are escaped; lines are indented
    to the docstring's own level.
    """
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip()) or "No description."
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = "".join(c if c == "\n" else _escape_char(c) for c in body)
    lines = [line.rstrip() for line in body.split("\n")]
    joined = ("\n" + indent).join(lines).replace("\n" + indent + "\n", "\n\n")
    while ("\n" + indent + "\n") in joined:
        joined = joined.replace("\n" + indent + "\n", "\n\n")
    if "\n" in joined:
        return f'"""{joined}\n{indent}"""'
    return f'"""{joined}"""'


def annotation(ref: TypeRef) -> str:
    """The Python annotation of a type."""
    if ref.kind == "primitive":
        return ref.name
    if ref.kind == "model":
        return ref.name
    if ref.kind == "list" and ref.item is not None:
        return f"list[{annotation(ref.item)}]"
    if ref.kind == "map":
        return "dict[str, Any]"
    return "Any"


def from_wire(ref: TypeRef, source: str, required: bool) -> str:
    """An expression turning the JSON value named ``source`` into a value of type ``ref``.

    ``source`` must be a plain name (it may be evaluated twice); it may hold
    None unless ``required``.
    """
    converted = _convert(ref, source, 0)
    if converted == source or required:
        return converted
    return f"None if {source} is None else {converted}"


def _convert(ref: TypeRef, source: str, depth: int) -> str:
    if ref.kind == "model":
        return f"{ref.name}.from_dict({source})"
    if ref.kind == "list" and ref.item is not None:
        item = f"item{depth}"
        inner = _convert(ref.item, item, depth + 1)
        return source if inner == item else f"[{inner} for {item} in {source}]"
    return source


def uses_any(refs: Sequence[TypeRef]) -> bool:
    """Whether any of the annotations of these types mentions ``Any``."""
    return any("Any" in annotation(r) for r in refs)
