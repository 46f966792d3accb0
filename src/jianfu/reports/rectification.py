"""The township rectification plan (整改方案) as a PDF a township office can print and sign."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from jianfu.core.assessment import Assessment
from jianfu.core.checklist import Checklist, Handling
from jianfu.core.explanation import evidence_lines
from jianfu.core.plan import RectificationItem, problem_text, seal_name
from jianfu.core.scoring import RuleHit, ScoreResult
from jianfu.reports.document import LANDSCAPE, GovernmentDocument, Styles, make_styles
from jianfu.reports.fonts import FontSet, register_fonts
from jianfu.reports.radar import radar
from jianfu.reports.text import markup

CHINESE_NUMERALS = "一二三四五六七八九十"
GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#EDEDED")
NO_DEPARTMENT = "综合协调事项（未指明部门）"
SEVERAL_DEPARTMENTS = "涉及多个部门的事项"


def plan_title(assessment: Assessment) -> str:
    return f"{assessment.township.name}{assessment.period.label}“指尖上的形式主义”自查整改方案"


def _title_lines(assessment: Assessment) -> list[str]:
    # Broken by hand so that no line starts with a closing quote (CJK line-break rules).
    return [f"{assessment.township.name}{assessment.period.label}", "“指尖上的形式主义”自查整改方案"]


def build_rectification_pdf(
    assessment: Assessment,
    checklist: Checklist,
    result: ScoreResult,
    output: Path | BinaryIO,
    fonts: FontSet | None = None,
) -> None:
    fonts = fonts or register_fonts()
    target = str(output) if isinstance(output, Path) else output
    filled_by = _answer(assessment, "profile.filled_by")
    document = GovernmentDocument(target, fonts, plan_title(assessment), author=filled_by)
    writer = _Writer(assessment, checklist, result, fonts, make_styles(fonts), document)
    try:
        document.build(writer.story())
    except LayoutError:
        # A cell taller than a page (pasted essays): allow rows to split across pages. Not the
        # default because it also splits ordinary rows at page ends, which reads badly.
        document = GovernmentDocument(target, fonts, plan_title(assessment), author=filled_by)
        writer = _Writer(assessment, checklist, result, fonts, make_styles(fonts), document, split_rows=True)
        document.build(writer.story())


class _Writer:
    def __init__(
        self,
        assessment: Assessment,
        checklist: Checklist,
        result: ScoreResult,
        fonts: FontSet,
        styles: Styles,
        document: GovernmentDocument,
        split_rows: bool = False,
    ) -> None:
        self.a = assessment
        self.checklist = checklist
        self.result = result
        self.fonts = fonts
        self.styles = styles
        self.document = document
        self.plan = [item for item in assessment.plan if not item.rejected]
        self.split_rows = int(split_rows)

    # -------------------------------------------------------------------------------- helpers

    def p(self, text: str, style: Any, *, trusted: str = "") -> Paragraph:
        """A paragraph of user or answer text, escaped; ``trusted`` markup goes before it."""
        return Paragraph(trusted + markup(text, self.fonts, style.fontName), style)

    def story(self) -> list[Any]:
        title_style = self.styles.title
        title = "<br/>".join(markup(line, self.fonts, title_style.fontName) for line in _title_lines(self.a))
        story: list[Any] = [
            Paragraph(title, title_style),
            self.p(
                f"（{self.a.township.county}{self.a.township.name}　{self.a.period.label}）",
                self.styles.subtitle,
            ),
        ]
        story += self.basic_information()
        story += self.summary()
        story += self.findings()
        story += [NextPageTemplate(LANDSCAPE), PageBreak()]
        story += self.task_list()
        story += self.escalations()
        story += self.closing()
        return story

    # --------------------------------------------------------------------------------- parts

    def basic_information(self) -> list[Any]:
        t = self.a.township
        asked = self.result.completeness.asked
        cadres = _answer(self.a, "profile.cadre_count") or "—"
        villages = _answer(self.a, "profile.village_count") or "0"
        communities = _answer(self.a, "profile.community_count") or "0"
        filler = _answer(self.a, "profile.filled_by") or "—"
        position = _answer(self.a, "profile.filler_position")
        text = (
            f"{t.county}{t.name}（区划代码 {t.division_code}）有在岗干部{cadres}人，辖行政村{villages}个、"
            f"社区{communities}个。本次自查期间为{self.a.period.label}，依据{self.checklist.title}"
            f"（第{self.checklist.version}版）进行，应答{asked}题，{self.result.completeness.summary()}。"
            + ("" if self.result.complete else "必答题尚未答完或“不适用”未说明理由，本次自查为“未完成”，不评定等级。")
            + f"填报人：{filler}{('（' + position + '）') if position else ''}。"
        )
        return [self.p("一、基本情况", self.styles.heading), self.p(text, self.styles.body)]

    def summary(self) -> list[Any]:
        r = self.result
        breakdown = "、".join(
            f"{term.label}{r.fingertip_breakdown.get(term.id, 0):.1f}小时" for term in self.checklist.fingertip_terms
        )
        text = (
            f"按四种表现计分（0—100分，分数越高负担越重），综合得分{r.overall:.1f}分，等级为“{r.overall_level_label}”。"
            f"折算每名干部每月用于“指尖”事务约{r.fingertip_hours_per_cadre_month:.1f}小时，其中{breakdown}。"
        )
        scores = list(r.manifestations.values())
        width = self.document.portrait_width
        chart = radar(
            [m.name for m in scores],
            [m.score for m in scores],
            self.fonts.body,
            width=width * 0.62,
            height=132,
        )
        header = [self.p(h, self.styles.header_cell) for h in ("表现", "得分", "等级")]
        rows = [header] + [
            [
                self.p(m.name, self.styles.cell_center),
                self.p(f"{m.score:.1f}", self.styles.cell_center),
                self.p(m.level_label, self.styles.cell_center),
            ]
            for m in scores
        ]
        rows.append(
            [
                self.p("综合", self.styles.header_cell),
                self.p(f"{r.overall:.1f}", self.styles.cell_center),
                self.p(r.overall_level_label, self.styles.cell_center),
            ]
        )
        table = Table(
            rows,
            colWidths=[width * 0.21, width * 0.08, width * 0.08],
            style=_grid(self.fonts, self.split_rows),
        )
        caption = self.p("图1　四种表现得分（0—100分，越高负担越重）", self.styles.caption)
        figure = Table(
            [[chart, table], [caption, ""]],
            colWidths=[width * 0.63, width * 0.37],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("SPAN", (0, 1), (1, 1)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        return [self.p("二、自查总体情况", self.styles.heading), self.p(text, self.styles.body), figure]

    def findings(self) -> list[Any]:
        story: list[Any] = [self.p("三、主要问题", self.styles.heading)]
        by_main: dict[str, list[RuleHit]] = {m.id: [] for m in self.checklist.manifestations}
        for hit in self.result.hits:
            by_main[max(hit.rule.weights, key=lambda m: hit.rule.weights[m])].append(hit)
        # the user's own wording of a problem; drafted (possibly merged) texts are the findings' own
        problems = {item.rule_id: item.problem for item in self.a.plan if item.rule_id and "problem" in item.edited}
        for index, manifestation in enumerate(self.result.manifestations.values()):
            story.append(CondPageBreak(40 * mm))
            story.append(
                self.p(
                    f"（{CHINESE_NUMERALS[index]}）{manifestation.name}（{manifestation.score:.1f}分，"
                    f"{manifestation.level_label}）",
                    self.styles.group_heading,
                )
            )
            points = {c.rule_id: c.points for c in manifestation.contributions}
            hits = sorted(by_main[manifestation.id], key=lambda h: -points.get(h.rule.id, 0))
            if not hits:
                nothing = "本次自查未发现明显问题。" if self.result.complete else "自查未完成，不能据此认定没有问题。"
                story.append(self.p(nothing, self.styles.body))
                continue
            rows = [[self.p(h, self.styles.header_cell) for h in ("序号", "问题", "作答依据", "计分")]]
            for number, hit in enumerate(hits, start=1):
                evidence = self.evidence(hit)
                rows.append(
                    [
                        self.p(str(number), self.styles.cell_center),
                        self.p(problems.get(hit.rule.id) or problem_text(hit), self.styles.cell),
                        self.p(evidence, self.styles.cell),
                        self.p(f"{points.get(hit.rule.id, 0):.1f}", self.styles.cell_center),
                    ]
                )
            width = self.document.portrait_width
            story.append(
                Table(
                    rows,
                    colWidths=[width * s for s in (0.08, 0.48, 0.34, 0.10)],
                    repeatRows=1,
                    splitInRow=self.split_rows,
                    style=_grid(self.fonts, self.split_rows),
                )
            )
            story.append(Spacer(1, 3 * mm))
        return story

    def evidence(self, hit: RuleHit) -> str:
        """The answers behind a finding, as the results page and the county drill-down show them."""
        return "\n".join(evidence_lines(self.checklist, hit, self.a.answers))

    def task_list(self) -> list[Any]:
        own = [item for item in self.plan if item.handling is Handling.OWN]
        story: list[Any] = [self.p("四、整改任务清单", self.styles.heading)]
        if not own:
            return [*story, self.p("本次自查没有需要本镇自行整改的事项。", self.styles.body)]
        headers = ("序号", "问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况")
        shares = (0.05, 0.25, 0.29, 0.11, 0.08, 0.12, 0.10)
        rows = [[self.p(h, self.styles.header_cell) for h in headers]]
        for number, item in enumerate(own, start=1):
            rows.append(
                [
                    self.p(str(number), self.styles.cell_center),
                    self.p(item.problem, self.styles.cell),
                    self.p(item.measure, self.styles.cell),
                    self.p(item.responsible_unit, self.styles.cell),
                    self.p(item.responsible_person, self.styles.cell_center),
                    self.p(_date_text(item.deadline), self.styles.cell_center),
                    self.p(item.status, self.styles.cell),
                ]
            )
        width = self.document.landscape_width
        return [
            *story,
            Table(
                rows,
                colWidths=[width * s for s in shares],
                repeatRows=1,
                splitInRow=self.split_rows,
                style=_grid(self.fonts, self.split_rows),
            ),
        ]

    def escalations(self) -> list[Any]:
        escalated = [item for item in self.plan if item.handling is Handling.ESCALATE]
        story: list[Any] = [
            CondPageBreak(60 * mm),
            Spacer(1, 6 * mm),
            self.p("五、提请县级协调事项", self.styles.heading),
        ]
        if not escalated:
            return [*story, self.p("本次自查没有需要提请县级协调的事项。", self.styles.body)]
        story.append(
            self.p(
                "以下负担由县级部门（条线）的应用、报表或要求产生，本镇无权自行取消，提请县委、县政府统筹协调。"
                "按涉及的部门分组列出。",
                self.styles.body,
            )
        )
        width = self.document.landscape_width
        for index, (department, items) in enumerate(_by_department(escalated)):
            numeral = CHINESE_NUMERALS[index] if index < len(CHINESE_NUMERALS) else str(index + 1)
            several = department == SEVERAL_DEPARTMENTS
            headers = ["序号", "问题", "提请协调事项", "期望时限"]
            shares = [0.06, 0.40, 0.40, 0.14]
            if several:
                headers.insert(3, "涉及部门")
                shares = [0.06, 0.32, 0.34, 0.14, 0.14]
            rows = [[self.p(h, self.styles.header_cell) for h in headers]]
            for number, item in enumerate(items, start=1):
                row = [
                    self.p(str(number), self.styles.cell_center),
                    self.p(item.problem, self.styles.cell),
                    self.p(item.measure, self.styles.cell),
                    self.p(_date_text(item.deadline), self.styles.cell_center),
                ]
                if several:
                    row.insert(3, self.p(item.department, self.styles.cell))
                rows.append(row)
            table = Table(
                rows,
                colWidths=[width * s for s in shares],
                repeatRows=1,
                splitInRow=self.split_rows,
                style=_grid(self.fonts, self.split_rows),
            )
            story += [
                CondPageBreak(35 * mm),
                self.p(f"（{numeral}）{department}", self.styles.group_heading),
                table,
                Spacer(1, 3 * mm),
            ]
        return story

    def closing(self) -> list[Any]:
        filler = _answer(self.a, "profile.filled_by")
        date = _answer(self.a, "profile.fill_date")
        date_text = _date_text(date) if date else "　　年　　月　　日"
        style = self.styles.body
        signature = Table(
            [
                [self.p(f"填报人：{filler or '　' * 6}", style), self.p("审核人：" + "　" * 6, style)],
                [self.p(f"填报日期：{date_text}", style), self.p("分管负责人：" + "　" * 6, style)],
            ],
            colWidths=[self.document.landscape_width / 2] * 2,
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
        seal = [
            Spacer(1, 14 * mm),
            self.p(f"{seal_name(self.a.township.name)}（盖章）", self.styles.right),
            self.p("　　　　年　　月　　日", self.styles.right),
        ]
        return [KeepTogether([Spacer(1, 8 * mm), signature, *seal])]


def _grid(fonts: FontSet, split_rows: int = 0) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.body),  # else Table sets unembedded Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            # A row split across pages shows its short cells on the first page, not mid-row.
            ("VALIGN", (0, 0), (-1, -1), "TOP" if split_rows else "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )


def departments_of(item: RectificationItem) -> list[str]:
    parts = item.department.replace(",", "、").replace("，", "、").replace(";", "、").split("、")
    return [p.strip() for p in parts if p.strip()]


def _by_department(items: Sequence[RectificationItem]) -> list[tuple[str, list[RectificationItem]]]:
    """One group per single department, then items of several departments, then the rest."""
    groups: dict[str, list[RectificationItem]] = {}
    for item in items:
        departments = departments_of(item)
        key = departments[0] if len(departments) == 1 else SEVERAL_DEPARTMENTS if departments else NO_DEPARTMENT
        groups.setdefault(key, []).append(item)
    tail = (SEVERAL_DEPARTMENTS, NO_DEPARTMENT)
    named = sorted((g for g in groups.items() if g[0] not in tail), key=lambda g: (-len(g[1]), g[0]))
    return named + [(key, groups[key]) for key in tail if key in groups]


def _answer(assessment: Assessment, item_id: str) -> str:
    answer = assessment.answers.get(item_id)
    if answer is None or answer.not_applicable or answer.value in (None, ""):
        return ""
    value = answer.value
    return str(int(value)) if isinstance(value, float) and value == int(value) else str(value)


def _date_text(iso: str) -> str:
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"
