"""Reads one Markdown page into sections, paragraphs and tables, keeping source lines.

Built on markdown-it-py's token stream: every block token carries ``map``
(its source line range), which is what lets every diagnostic name a line.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["Block", "PageDocument", "Section", "Table", "TableRow", "read_page"]

# markdown-it's own cell splitter (it honours escaped pipes), used to count the
# cells actually written on a row: markdown-it pads short rows with empty cells.
_escaped_split: Callable[[str], list[str]] = importlib.import_module(
    "markdown_it.rules_block.table"
).escapedSplit

# text_join is off so that backslash escapes stay visible as ``text_special``
# tokens: a page's ``^\d+(\.\d+)?$`` is kept as written, not as CommonMark reads it.
_MARKDOWN = MarkdownIt("commonmark").enable("table").disable("text_join")

BlockKind = Literal["paragraph", "table", "code", "stray_row"]


@dataclass(frozen=True)
class TableRow:
    """A body row: its 1-based source line, its cell texts and how many cells were written."""

    line: int
    cells: tuple[str, ...]
    written_cells: int


@dataclass(frozen=True)
class Table:
    line: int
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Block:
    """A paragraph, a table, a code block, or a table row written outside any table."""

    kind: BlockKind
    line: int
    text: str = ""
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    """A heading and the blocks up to the next heading."""

    level: int
    title: str
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class PageDocument:
    title: str | None
    title_line: int
    sections: tuple[Section, ...]


def read_page(text: str) -> PageDocument:
    """Parse Markdown text into a PageDocument (never raises on odd Markdown)."""
    tokens = _MARKDOWN.parse(text)
    # Lines as markdown-it counts them: only \n, \r\n and \r end a line.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title: str | None = None
    title_line = 1
    sections: list[Section] = []
    current: tuple[int, str, int] | None = None
    blocks: list[Block] = []

    def close_section() -> None:
        if current is not None:
            sections.append(Section(current[0], current[1], current[2], tuple(blocks)))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            level = int(token.tag[1:])
            heading = _inline_text(tokens[i + 1])
            line = _line(token)
            if level == 1 and title is None and current is None:
                title, title_line = heading, line
            else:
                close_section()
                current = (level, heading, line)
                blocks = []
            i += 3
            continue
        if token.type == "table_open":
            end = _matching_close(tokens, i, "table_close")
            blocks.append(
                Block("table", _line(token), table=_read_table(tokens[i:end], lines))
            )
            i = end + 1
            continue
        if token.type == "paragraph_open":
            inline = tokens[i + 1]
            blocks.append(Block("paragraph", _line(token), text=_inline_text(inline)))
            # A table row with no header above it stays paragraph text in Markdown.
            for offset, source in enumerate(inline.content.splitlines()):
                if source.lstrip().startswith("|"):
                    blocks.append(Block("stray_row", _line(token) + offset, text=source))
            i += 3
            continue
        if token.type in ("fence", "code_block"):
            blocks.append(Block("code", _line(token), text=token.content))
        i += 1
    close_section()
    return PageDocument(title, title_line, tuple(sections))


def _read_table(tokens: Sequence[Token], lines: Sequence[str]) -> Table:
    header: list[str] = []
    rows: list[TableRow] = []
    in_head = False
    row_line = 0
    cells: list[str] = []
    for j, token in enumerate(tokens):
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row_line = _line(token)
            cells = []
        elif token.type in ("th_open", "td_open"):
            nxt = tokens[j + 1]
            cells.append(_inline_text(nxt) if nxt.type == "inline" else "")
        elif token.type == "tr_close":
            if in_head:
                header = cells
            else:
                source = lines[row_line - 1] if row_line - 1 < len(lines) else ""
                rows.append(TableRow(row_line, tuple(cells), _count_cells(source)))
    first_line = _line(tokens[0])
    return Table(first_line, tuple(header), tuple(rows))


def _count_cells(source_line: str) -> int:
    stripped = source_line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return len(_escaped_split(stripped))


def _matching_close(tokens: Sequence[Token], start: int, close: str) -> int:
    for j in range(start, len(tokens)):
        if tokens[j].type == close:
            return j
    return len(tokens) - 1


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def _inline_text(token: Token) -> str:
    """The plain text of an inline token: emphasis and links unwrapped, <br> as newline."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "text_special":
            parts.append(child.markup if child.info == "escape" else child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if child.type == "hardbreak" else " ")
        elif child.type == "html_inline":
            if child.content.lower().replace(" ", "").startswith("<br"):
                parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()
