"""Command line: ``python -m generator generate|check|inspect|openapi`` (also ``jdcloud-sdk-generator``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import jinja2

from . import __version__
from .cache import Cache, default_cache_dir, digest, generator_fingerprint
from .config import ConfigError, load_config
from .formatting import FormattingError
from .inspect_json import api_to_json
from .loader import read_pages
from .openapi_cli import add_openapi_command, run_openapi
from .output import OutputError, WriteReport, diff_tree, is_intact, write_tree
from .pipeline import BuildOptions, Generation, build, inputs_fingerprint
from .progress import ProgressBar
from .templates_dir import templates_dir

__all__ = ["main", "main_entry", "EXIT_OK", "EXIT_STALE", "EXIT_BAD_INPUT", "EXIT_INTERNAL"]

EXIT_OK = 0
EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

_DESCRIPTION = """\
Generate a typed Python SDK from JD Cloud API reference pages (Markdown, one
operation per page, English or Chinese).

  generate SPECS -o OUT   write the SDK for every page under SPECS into OUT
  check SPECS -o OUT      exit 1 and print a diff when OUT is not what SPECS gives
  inspect SPECS           print the intermediate model as JSON
  openapi SPECS -o DIR    write one OpenAPI 3.1 document per service

Every problem is printed as file:line: severity: message.
Exit codes: 0 ok; 1 output is stale (check); 2 bad input (errors printed, output
left exactly as it was; with --keep-going the other pages are still written);
3 internal error.
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
        _add_run_options(command)
        if name == "generate":
            command.add_argument(
                "--watch",
                action="store_true",
                help="keep running: regenerate when a page or template changes",
            )
    inspect = commands.add_parser(
        "inspect",
        help="print the intermediate model of SPECS as JSON",
        description="print the intermediate model of SPECS as JSON",
    )
    inspect.add_argument("specs", type=Path, metavar="SPECS", help="folder of pages")
    _add_run_options(inspect)
    _add_run_options(add_openapi_command(commands))
    return parser


def _add_run_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-j", "--jobs", type=_positive, default=os.cpu_count() or 1, help="worker processes (default: all cores)"
    )
    command.add_argument(
        "--keep-going",
        action="store_true",
        help="skip pages with errors (they are reported) and generate the rest; exit code 2 remains",
    )
    command.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help=f"where parses and formatted code are cached (default: {default_cache_dir()})",
    )
    command.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    command.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    command.add_argument(
        "-v", "--verbose", action="store_true", help="also print notes"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None) -> int:
    args = _parser().parse_args(argv)
    out = stdout or sys.stdout
    if not args.specs.exists():
        print(f"error: {args.specs}: no such file or folder", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if getattr(args, "watch", False):
            from .watch import watch

            return watch([args.specs, templates_dir()], lambda: _guarded_run(args, out))
        return _guarded_run(args, out)
    except KeyboardInterrupt:
        print("interrupted; the output was left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED


def _guarded_run(args: argparse.Namespace, out: TextIO) -> int:
    """One run, with the generator's own failures turned into exit codes and messages."""
    try:
        return _run(args, out)
    except OutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (jinja2.TemplateError, FileNotFoundError, FormattingError) as error:
        where = f" ({error.filename}:{error.lineno})" if isinstance(error, jinja2.TemplateSyntaxError) else ""
        print(f"internal error: {type(error).__name__}: {error}{where}", file=sys.stderr)
        return EXIT_INTERNAL


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


def _run(args: argparse.Namespace, out: TextIO) -> int:
    started = time.monotonic()
    quiet, verbose = args.quiet, args.verbose
    cache_dir = None if args.no_cache else (args.cache_dir or default_cache_dir())
    pages = read_pages(args.specs)
    if not pages:
        print(f"error: {args.specs}: no Markdown pages (*.md) found", file=sys.stderr)
        return EXIT_BAD_INPUT
    target = getattr(args, "out", None)
    try:
        config = load_config(Path.cwd())
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT

    fingerprint = record = ""
    generator_key = generator_fingerprint(templates_dir()) if cache_dir is not None else ""
    if cache_dir is not None and target is not None and args.command in ("generate", "check"):
        fingerprint = inputs_fingerprint(pages, generator_key + config.fingerprint())
        record = digest("run", str(target.resolve()))
        previous = Cache(cache_dir).get("run", record)
        if isinstance(previous, dict) and previous.get("fingerprint") == fingerprint and is_intact(target):
            # Nothing changed: say again what the run that made this output said.
            for severity, line in previous.get("diagnostics", []):
                if not quiet and (severity == "warning" or verbose):
                    print(line, file=sys.stderr)
            if not quiet:
                print(
                    "\n".join(previous.get("summary", []))
                    + f"\n{target} is up to date ({len(pages)} pages unchanged; "
                    f"{time.monotonic() - started:.2f}s)",
                    file=sys.stderr,
                )
            return EXIT_OK

    bar = ProgressBar(sys.stderr) if not quiet else None
    options = BuildOptions(
        jobs=args.jobs,
        cache_dir=cache_dir,
        generator_key=generator_key,
        keep_going=args.keep_going,
        progress=bar,
        config=config,
    )
    try:
        generation = build(pages, options)
    finally:
        if bar is not None:
            bar.clear()
    _report(generation, verbose=verbose, quiet=quiet)
    errors = len(generation.diagnostics.errors)
    if generation.files is None:
        action = "nothing was written" if args.command == "generate" else "stopped"
        print(f"error: {errors} error(s); {action}", file=sys.stderr)
        return EXIT_BAD_INPUT
    status = EXIT_BAD_INPUT if errors else EXIT_OK

    if args.command == "inspect":
        out.write(api_to_json(generation.api))
        return status
    if args.command == "openapi":
        return run_openapi(args, generation) or status
    if args.command == "check":
        diff = diff_tree(args.out, generation.files)
        if diff:
            out.write(diff)
            print(
                f"{args.out} is stale: run `python -m generator generate {args.specs} "
                f"-o {args.out}`",
                file=sys.stderr,
            )
            return EXIT_STALE
        if not quiet:
            print(f"{args.out} is up to date", file=sys.stderr)
        return status

    report = write_tree(args.out, generation.files)
    summary = _summary(generation, report, time.monotonic() - started)
    if fingerprint and not errors:
        Cache(cache_dir or default_cache_dir()).put(
            "run",
            record,
            {
                "fingerprint": fingerprint,
                "diagnostics": [(d.severity, str(d)) for d in generation.diagnostics.items],
                "summary": summary[:-1],  # without the time
            },
        )
    if not quiet:
        print("\n".join(summary), file=sys.stderr)
    return status


def _report(generation: Generation, *, verbose: bool, quiet: bool) -> None:
    for diagnostic in generation.diagnostics.items:
        if diagnostic.severity == "error" or (
            not quiet and (diagnostic.severity == "warning" or verbose)
        ):
            print(diagnostic, file=sys.stderr)


def _summary(generation: Generation, report: WriteReport, seconds: float) -> list[str]:
    """The closing lines of a run: skipped pages, then the counts (time last)."""
    api = generation.api
    operations = sum(len(s.operations) for s in api.services)
    failed = len({d.location.file for d in generation.diagnostics.errors})
    lines = [f"{page.file}: skipped: {page.reason}" for page in api.skipped]
    lines += [
        "summary:",
        f"  pages       {generation.pages} read: {operations} operations in "
        f"{len(api.services)} service(s), {len(api.skipped)} skipped (not operations), "
        f"{len(api.superseded)} superseded (another page of the same operation is used)"
        + (f", {failed} with errors skipped (--keep-going)" if failed else ""),
        f"  warnings    {len(generation.diagnostics.warnings)}",
        f"  files       {report.written} written, {report.unchanged} unchanged, "
        f"{report.removed} removed",
        f"  time        {seconds:.1f}s",
    ]
    return lines
