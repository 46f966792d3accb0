"""The two-stage start imports many names only for type checking and again inside the function
that needs them at run time. A function that forgets the second import passes mypy and fails only
when a user reaches it (a table answered "none" did). This finds such names statically."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "jianfu"


def _imported(node: ast.AST) -> set[str]:
    names: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, (ast.Import, ast.ImportFrom)):
            names |= {a.asname or a.name.split(".")[0] for a in n.names}
    return names


def _used_at_run_time_without_import(path: Path, root: Path = SOURCE) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only: set[str] = set()
    at_top: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only |= _imported(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            at_top |= _imported(node)
    typing_only -= at_top
    if not typing_only:
        return []
    annotations = {
        id(m)
        for n in ast.walk(tree)
        for attr in ("annotation", "returns")
        if getattr(n, attr, None) is not None
        for m in ast.walk(getattr(n, attr))
    }
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        local = _imported(function)
        for n in ast.walk(function):
            if (
                isinstance(n, ast.Name)
                and isinstance(n.ctx, ast.Load)
                and n.id in typing_only
                and n.id not in local
                and id(n) not in annotations
            ):
                found.append(f"{path.relative_to(root)}:{n.lineno} {n.id}")
    return found


def test_no_name_imported_only_for_type_checking_is_used_at_run_time() -> None:
    found = [hit for path in sorted(SOURCE.rglob("*.py")) for hit in _used_at_run_time_without_import(path)]
    assert found == []


def test_the_check_finds_a_forgotten_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import Answer\n"
        "def f(a: Answer) -> Answer:\n    return Answer()\n",
        encoding="utf-8",
    )
    assert _used_at_run_time_without_import(module, tmp_path) == ["m.py:5 Answer"]
