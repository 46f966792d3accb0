"""Repository-level promises: layout, README vs CI, lint and types."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.tools import find_tool

ROOT = Path(__file__).resolve().parents[1]
TOP_LEVEL = {"pyproject.toml", "README.md", "src", "tests", "resources", "installer"}


def test_top_level_layout_is_fixed() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    names = {line.split("/")[0] for line in tracked.stdout.splitlines()}
    assert names - TOP_LEVEL <= {n for n in names if n.startswith(".")}, names - TOP_LEVEL


def test_ci_runs_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"# 2\. Install and run the tests\n(.+)\n", readme)
    assert match, "README must start with the test command"
    assert match.group(1).strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "src", "tests"],
        ["ruff", "format", "--check", "src", "tests"],
        ["mypy"],
    ],
)
def test_code_quality(command: list[str]) -> None:
    # Part of the test extra: a missing tool is a broken environment, not a reason to skip.
    assert find_tool(command[0]), f"{command[0]} is part of the test extra"
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
