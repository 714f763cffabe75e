"""The generator's settings from ``[tool.generator]`` in the pyproject.toml of the working folder.

    [tool.generator]
    service-names = { "idata-jmr-api" = "jmr" }   # host label -> service (package) name
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Config", "ConfigError", "load_config"]


class ConfigError(Exception):
    """A ``[tool.generator]`` setting that cannot be used."""


@dataclass(frozen=True)
class Config:
    service_names: dict[str, str] = field(default_factory=dict)

    def fingerprint(self) -> str:
        return repr(sorted(self.service_names.items()))


def load_config(folder: Path) -> Config:
    path = folder / "pyproject.toml"
    if not path.is_file():
        return Config()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error
    section = data.get("tool", {}).get("generator", {})
    names = section.get("service-names", {})
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.isidentifier() and v.islower()
        for k, v in names.items()
    ):
        raise ConfigError(
            f"{path}: [tool.generator] service-names must map host labels to "
            "lower-case Python identifiers, e.g. { \"idata-jmr-api\" = \"jmr\" }"
        )
    return Config(service_names=dict(names))
