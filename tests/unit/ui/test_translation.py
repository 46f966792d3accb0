"""Every UI string has a Chinese translation, and the compiled .qm matches the .ts."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jianfu
from helpers.tools import find_tool
from jianfu.paths import resources_dir

TS = resources_dir() / "translations" / "jianfu_zh_CN.ts"


def _tool(name: str) -> str:
    """PySide6-Essentials ships lupdate and lrelease: missing means a broken environment."""
    found = find_tool(name)
    assert found, f"{name} comes with PySide6-Essentials"
    return found


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (Path(jianfu.__file__).parent / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = messages(TS)
    missing = [key for key in messages(fresh) if key not in shipped]
    assert not missing, f"run pyside6-lupdate and translate: {missing}"
    unfinished = [
        key
        for key, m in shipped.items()
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "vanished")
        or not (m.findtext("translation") or "").strip()
    ]
    assert not unfinished, unfinished


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run pyside6-lrelease on the .ts"


def test_chinese_is_the_default(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("YesNoEditor", "Yes") == "是"
