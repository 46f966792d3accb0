"""Numbers in the windows' Chinese follow the documents' (公文) rule: no space between a Chinese
character and an Arabic numeral or a Chinese name (core/wording.py states it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from jianfu.core.completeness import summary_text
from jianfu.paths import resources_dir
from jianfu.reports.text import official_spacing

LATIN = {"path", "paths", "fingerprint", "old", "where"}  # file paths and key fingerprints keep their spaces


def test_no_translation_spaces_a_number_off_from_chinese() -> None:
    root = ET.parse(resources_dir() / "translations" / "jianfu_zh_CN.ts").getroot()
    spaced = []
    for message in root.iter("message"):
        text = message.findtext("translation") or ""
        # each placeholder as what it stands for: a number or a Chinese name ("7"), or a path
        filled = re.sub(r"\{(\w*)[^}]*\}", lambda m: "/data/x" if m.group(1) in LATIN else "7", text)
        filled = re.sub(r"%[0-9n]", "7", filled)
        if official_spacing(filled) != filled:
            spaced.append(text)
    assert not spaced, spaced


def tr(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def test_the_windows_write_numbers_as_documents_do() -> None:
    headline = tr("CountyWindow", "{count} townships reported for {period}.") + tr(
        "CountyWindow", "The heaviest burden across the county: {name} (average {score})."
    )
    assert headline.format(count=13, period="2026年第四季度", name="痕迹管理异化", score="47.8") == (
        "2026年第四季度共有13个乡镇（街道）报送。全县负担最重的是痕迹管理异化（平均47.8分）。"
    )
    assert tr("ResultsPage", " and {count} more").format(count=1) == "，另有1题"
    not_applicable = "Items the township marked 'not applicable', with the reason it gave. {count} in all."
    assert "共43题" in tr("DrilldownDialog", not_applicable).format(count=43)
    assert tr("MainWindow", "● {count} to confirm").format(count=5) == "● 5项待确认"
    assert summary_text(40, 3, 1, 2).startswith("已答40题，不适用3题（其中1题")
