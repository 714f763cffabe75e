"""The ``openapi`` command: write one OpenAPI 3.1 document per service into a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .openapi_export import export_api
from .pipeline import Generation

__all__ = ["add_openapi_command", "run_openapi"]

_HELP = "write one OpenAPI 3.1 document per service of SPECS into DIR"


def add_openapi_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``openapi SPECS -o DIR``; the caller adds the options every run shares."""
    command = commands.add_parser("openapi", help=_HELP, description=_HELP)
    command.add_argument("specs", type=Path, metavar="SPECS", help="folder of pages")
    command.add_argument(
        "-o", "--out", type=Path, default=Path("openapi"), metavar="DIR", help="output folder"
    )
    return command


def run_openapi(args: argparse.Namespace, generation: Generation) -> int:
    """Write the documents; a file whose content did not change is left alone."""
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    documents = export_api(generation.api)
    for name, text in sorted(documents.items()):
        path = out / name
        if path.is_file() and path.read_text("utf-8") == text:
            continue
        path.write_text(text, "utf-8", newline="\n")
        written += 1
    if not args.quiet:
        print(
            f"{len(documents)} OpenAPI document(s) in {out}: {written} written, "
            f"{len(documents) - written} unchanged",
            file=sys.stderr,
        )
    return 0
