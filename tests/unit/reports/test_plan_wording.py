"""The plan says only what was answered, without doubled punctuation: an unanswered figure is
未填, never 0; joined reasons do not read "。；"."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from docx import Document
from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.scoring import score_assessment
from jianfu.core.wording import join_clauses
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.plan_docx import build_rectification_docx
from jianfu.reports.rectification import build_rectification_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _with(library, changes: dict[str, Answer | None]):
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    answers = dict(assessment.answers)
    for item_id, answer in changes.items():
        if answer is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = answer
    assessment = replace(assessment, answers=answers)
    return assessment, checklist, score_assessment(checklist, answers)


def _pdf_text(assessment, checklist, result) -> str:
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    return squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages))


def _docx_paragraphs(assessment, checklist, result, tmp_path) -> list[str]:
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    return [p.text for p in Document(str(path)).paragraphs]


def test_a_blank_community_count_is_not_printed_as_zero(library, tmp_path) -> None:
    assessment, checklist, result = _with(library, {"profile.community_count": None})
    villages = assessment.answers["profile.village_count"].value
    text = _pdf_text(assessment, checklist, result)
    assert f"辖行政村{villages}个，社区数未填。" in text
    assert "社区0个" not in text
    basic = next(p for p in _docx_paragraphs(assessment, checklist, result, tmp_path) if "区划代码" in p)
    assert f"辖行政村{villages}个，社区数未填。" in basic and "社区0个" not in basic


def test_blank_cadres_and_villages_are_said_to_be_unanswered(library) -> None:
    assessment, checklist, result = _with(library, {"profile.cadre_count": None, "profile.village_count": None})
    communities = assessment.answers["profile.community_count"].value
    text = _pdf_text(assessment, checklist, result)
    assert f"在岗干部人数未填，辖社区{communities}个，行政村数未填。" in text
    assert "干部—人" not in text and "行政村0个" not in text


def test_join_clauses_drops_the_clauses_own_full_stop() -> None:
    assert join_clauses(["次数不能多于总次数。请改正其中一项。", "人数多于在岗干部人数。请改正其中一项。"]) == (
        "次数不能多于总次数。请改正其中一项；人数多于在岗干部人数。请改正其中一项"
    )
    assert join_clauses(["必答题未答2题", "", "作答前后矛盾1处：x。"]) == "必答题未答2题；作答前后矛盾1处：x"


@pytest.fixture
def contradictory(library):
    cadres = 30
    return _with(
        library,
        {
            "profile.cadre_count": Answer(cadres),
            "meetings.attendees": Answer(cadres + 15),
            "meetings.per_month": Answer(2),
            "meetings.video_per_month": Answer(5),
        },
    )


def test_contradictions_are_joined_without_doubled_punctuation(contradictory, tmp_path) -> None:
    assessment, checklist, result = contradictory
    reasons = result.completeness.incomplete_reasons()
    assert any(r.startswith("作答前后矛盾2处：") for r in reasons)
    assert "请改正其中一项；" in "".join(reasons)
    assert not any(mark in "".join(reasons) for mark in ("。；", "；；", "。，"))
    text = _pdf_text(assessment, checklist, result)
    assert "请改正其中一项，本次自查为“未完成”" in text
    assert "。；" not in text and "。，" not in text
    path = tmp_path / "contradictory.jianfu"
    write_assessment_file(path, to_document(assessment, result, exported_at="2026-12-05T09:00:00"))
    out = subprocess.run(
        [sys.executable, "-m", "jianfu", "score", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "未完成原因：作答前后矛盾2处：" in out and "请改正其中一项；" in out
    assert "。；" not in out


def test_the_plan_pdf_sets_numerals_without_spaces_as_official_documents_do(library) -> None:
    """Typed or drafted "共 43 题" and "约 12.6 小时" print "共43题", as "有在岗干部39人"."""
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages)
    code = assessment.township.division_code
    assert f"（区划代码{code}）" in text and re.search(r"共\d+题，已答\d+题", text)
    spaced = re.findall(r"[\u4e00-\u9fff] +[0-9]|[0-9%] +[\u4e00-\u9fff]", text)
    # the radar's labels (痕迹管理异化 93.4) are a figure's, not prose
    assert len(spaced) <= 4, spaced


def test_annex_3_numbers_its_groups_only_when_there_are_several(library) -> None:
    from jianfu.core.plan import AnnexEntry
    from jianfu.reports.rectification import annex_entries, annex_groups

    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    reasons = {entry.reason for entry in annex_entries(assessment, checklist, result)}
    assert len(reasons) == 1  # the sample's left-out problems all wait for the next period
    (reason,) = reasons
    text = _pdf_text(assessment, checklist, result)
    annex = text[text.rindex("附件3") :]
    assert squeeze(reason) in annex and f"一、{squeeze(reason)}" not in annex
    two = annex_groups([AnnexEntry("甲", "原因一"), AnnexEntry("乙", "原因二")])
    assert [heading for heading, _ in two] == ["一、原因一（1个）", "二、原因二（1个）"]


def test_the_plan_docx_sets_numerals_as_the_pdf_does(library, tmp_path) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    texts = [p.text for p in document.paragraphs] + cells
    basic = next(t for t in texts if "区划代码" in t)
    assert f"（区划代码{assessment.township.division_code}）" in basic and re.search(r"共\d+题，已答\d+题", basic)
    spaced = [t for t in texts if re.search(r"[\u4e00-\u9fff] +[0-9]|[0-9%] +[\u4e00-\u9fff]", t)]
    assert not spaced, spaced


@pytest.mark.parametrize("kind", ["街道", "乡"])
def test_a_street_or_xiang_plan_says_its_own_word_everywhere(library, tmp_path, kind: str) -> None:
    """QA: 城关街道's plan said "本镇每年接受督查…" in 主要问题 and headed 附件2's column "本镇跟进"."""
    from jianfu.exchange.demo import sample_assessments

    assessment, result = next(
        (a, r) for a, r in sample_assessments(library) if a.township.name.endswith(kind) and a.period.code == "2026-Q4"
    )
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    pdf = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, pdf)
    build_rectification_docx(assessment, checklist, result, tmp_path / "plan.docx")
    document = Document(str(tmp_path / "plan.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for text in (squeeze("".join(p.extract_text() for p in PdfReader(pdf).pages)), "".join(cells)):
        assert "本镇" not in text and "镇站所" not in text
        assert f"本{kind}跟进" in text
        assert f"本{kind}" in text.split("三、主要问题")[-1].split("四、整改措施")[0]
