"""Diagnostics: what the generator has to say about its input, with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .ir import SourceLocation

__all__ = ["Diagnostic", "Diagnostics", "Severity"]

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Diagnostic:
    """One message about one place in the input."""

    severity: Severity
    location: SourceLocation
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class Diagnostics:
    """Collects every diagnostic of a run, so that one run reports every problem."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, location: SourceLocation, message: str) -> None:
        self._items.append(Diagnostic("error", location, message))

    def warning(self, location: SourceLocation, message: str) -> None:
        self._items.append(Diagnostic("warning", location, message))

    def note(self, location: SourceLocation, message: str) -> None:
        self._items.append(Diagnostic("note", location, message))

    def extend(self, other: Diagnostics) -> None:
        self._items.extend(other._items)

    def add_all(self, items: tuple[Diagnostic, ...]) -> None:
        self._items.extend(items)

    @property
    def items(self) -> tuple[Diagnostic, ...]:
        return tuple(sorted(self._items, key=_order))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.items if d.severity == "error")

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.items if d.severity == "warning")

    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self._items)


def _order(d: Diagnostic) -> tuple[str, int, str]:
    return (d.location.file, d.location.line, d.message)
