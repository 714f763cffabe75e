"""Renders the intermediate model into the files of a generated package (unformatted)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from .ir import Api
from .names import RUNTIME_EXPORTS
from .templates_dir import templates_dir
from .views import service_view

__all__ = ["RUNTIME_MODULES", "render_api"]

RUNTIME_MODULES = (
    "__init__",
    "client",
    "credentials",
    "errors",
    "query",
    "request",
    "response",
    "retries",
    "serde",
    "signing",
)


def _environment(root: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(root)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )


def render_api(api: Api, root: Path | None = None) -> dict[str, str]:
    """Every output file, keyed by its POSIX path relative to the output folder."""
    env = _environment(root or templates_dir())
    files: dict[str, str] = {}
    services = [s.module_name for s in api.services]
    files["__init__.py"] = env.get_template("package/__init__.py.jinja").render(
        services=services, runtime_exports=RUNTIME_EXPORTS
    )
    files["py.typed"] = ""
    for module in RUNTIME_MODULES:
        files[f"_runtime/{module}.py"] = env.get_template(f"runtime/{module}.py.jinja").render()
    for service in api.services:
        view = service_view(service)
        for module in ("__init__", "models", "client"):
            template = env.get_template(f"service/{module}.py.jinja")
            files[f"{service.module_name}/{module}.py"] = template.render(
                service=view, client=view.client, runtime_exports=RUNTIME_EXPORTS
            )
        files[f"{service.module_name}/py.typed"] = ""
    return files
