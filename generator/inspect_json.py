"""The intermediate model as JSON, for ``python -m generator inspect``."""

from __future__ import annotations

import dataclasses
import json

from .ir import Api

__all__ = ["api_to_json"]


def api_to_json(api: Api) -> str:
    return json.dumps(dataclasses.asdict(api), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
