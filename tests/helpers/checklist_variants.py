"""Variants of the shipped v2 checklist, written to a temporary file, for tests of rules as data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from jianfu.core.checklist import Checklist, load_checklist
from jianfu.paths import resources_dir


def v2_variant(directory: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """v2.yaml changed by ``change`` (which edits the parsed tree in place), as a file in ``directory``."""
    data = yaml.safe_load((resources_dir() / "checklists" / "township-selfcheck" / "v2.yaml").read_text("utf-8"))
    change(data)
    path = directory / "v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def offering_not_applicable_everywhere(directory: Path) -> Checklist:
    """v2 with 不适用 offered wherever it fits (no ``offered_on``), its reason and share rules kept:
    how those rules hold on scored items, should a checklist offer 不适用 there."""
    return load_checklist(v2_variant(directory, lambda data: data["not_applicable"].pop("offered_on")))
