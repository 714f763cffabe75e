"""Command line: ``python -m generator generate|check|inspect``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .formatting import FormattingError
from .inspect_json import api_to_json
from .output import diff_tree, write_tree
from .pipeline import Generation, build

__all__ = ["main", "EXIT_OK", "EXIT_STALE", "EXIT_BAD_INPUT", "EXIT_INTERNAL"]

EXIT_OK = 0
EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3

_DESCRIPTION = """\
Generate a typed Python SDK from JD Cloud API reference pages (Markdown).

Exit codes: 0 ok; 1 output is stale (check); 2 bad input (each problem is
printed as file:line: message, and the output is left as it was); 3 internal error.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("generate", "write the SDK for the pages under SPECS into OUT"),
        ("check", "exit 1 with a diff when OUT is not what SPECS would generate"),
    ):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("specs", type=Path, metavar="SPECS", help="folder of pages")
        command.add_argument(
            "-o", "--out", type=Path, default=Path("generated"), help="output package folder"
        )
        command.add_argument("-q", "--quiet", action="store_true", help="print errors only")
        command.add_argument(
            "-v", "--verbose", action="store_true", help="also print notes and skipped pages"
        )
    inspect = commands.add_parser(
        "inspect",
        help="print the intermediate model of SPECS as JSON",
        description="print the intermediate model of SPECS as JSON",
    )
    inspect.add_argument("specs", type=Path, metavar="SPECS")
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    out = stdout or sys.stdout
    args = _parser().parse_args(argv)
    started = time.monotonic()
    if not args.specs.exists():
        print(f"error: {args.specs}: no such file or folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        generation = build(args.specs)
    except FormattingError as error:
        print(f"internal error: {error}", file=sys.stderr)
        return EXIT_INTERNAL
    quiet = getattr(args, "quiet", False)
    verbose = getattr(args, "verbose", False)
    _report(generation, verbose=verbose, quiet=quiet)
    if generation.files is None:
        print(
            f"error: {len(generation.diagnostics.errors)} error(s); nothing was written",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.command == "inspect":
        out.write(api_to_json(generation.api))
        return EXIT_OK
    if args.command == "check":
        diff = diff_tree(args.out, generation.files)
        if diff:
            out.write(diff)
            print(
                f"{args.out} is stale: run `python -m generator generate {args.specs} "
                f"-o {args.out}` (or `make generate`)",
                file=sys.stderr,
            )
            return EXIT_STALE
        if not quiet:
            print(f"{args.out} is up to date", file=sys.stderr)
        return EXIT_OK
    report = write_tree(args.out, generation.files)
    if not quiet:
        api = generation.api
        operations = sum(len(s.operations) for s in api.services)
        print(
            f"{generation.pages} pages: {operations} operations in {len(api.services)} "
            f"service(s), {len(api.skipped)} skipped, "
            f"{len(generation.diagnostics.warnings)} warning(s); "
            f"{report.written} file(s) written, {report.unchanged} unchanged, "
            f"{report.removed} removed in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
    return EXIT_OK


def _report(generation: Generation, *, verbose: bool, quiet: bool) -> None:
    for diagnostic in generation.diagnostics.items:
        if diagnostic.severity == "error" or (
            not quiet and (diagnostic.severity == "warning" or verbose)
        ):
            print(diagnostic, file=sys.stderr)
    if verbose:
        for page in generation.api.skipped:
            print(f"{page.file}: skipped: {page.reason}", file=sys.stderr)


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
