from __future__ import annotations

from pathlib import Path

from jianfu.core.county import Outcome
from jianfu.services.county_import import ImportSummary


def test_the_summary_line_says_when_accepted_files_need_a_look() -> None:
    summary = ImportSummary()
    summary.outcomes[Outcome.IMPORTED].extend([Path("a.jianfu"), Path("b.jianfu")])
    assert "需留意" not in summary.describe()
    summary.notes.append((Path("b.jianfu"), "日期在未来"))
    text = summary.describe()
    assert text.startswith("导入2个") and "其中1个文件需留意" in text
