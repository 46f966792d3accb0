"""The township rectification plan (整改方案) as a PDF a township office can print and sign."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LayoutError,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from jianfu.core.assessed import NOT_ASSESSED, NOT_ASSESSED_SHORT
from jianfu.core.assessment import Assessment
from jianfu.core.attribution import parse_attribution
from jianfu.core.checklist import Checklist, Handling
from jianfu.core.completeness import summary_text as completeness_summary
from jianfu.core.explanation import area_of, area_titles, evidence_lines
from jianfu.core.follow_up import NO_STATUS, FollowUp, status_text
from jianfu.core.not_applicable import NotApplicableEntry, not_applicable_entries
from jianfu.core.plan import (
    AnnexEntry,
    RectificationItem,
    local_wording,
    plan_annex,
    planned_rule_ids,
    problem_text,
    seal_name,
)
from jianfu.core.scoring import RuleHit, ScoreResult, raised_note
from jianfu.core.wording import join_clauses
from jianfu.reports.document import LANDSCAPE, PORTRAIT, GovernmentDocument, Styles, make_styles
from jianfu.reports.fonts import FontSet, register_fonts
from jianfu.reports.layout import (
    DATE_BLANKS,
    Column,
    blanks,
    chinese_number,
    fitted_widths,
    keep_with_table,
    shorten,
)
from jianfu.reports.radar import radar
from jianfu.reports.text import markup, official_spacing

GRID = colors.HexColor("#555555")
HEADER_FILL = colors.HexColor("#EDEDED")
AREA_FILL = colors.HexColor("#F7F7F7")
AREA_LEADING = 12  # an area's line in 三、主要问题: a label, tighter than a problem's lines
NO_DEPARTMENT = "综合协调事项（未指明部门）"
SEVERAL_DEPARTMENTS = "涉及多个部门的事项"
# the date beside 分管负责人 in the signature lines: narrower than DATE_BLANKS, so the two never meet
SIGNATURE_DATE_BLANKS = (("", 16 * mm), ("年", 0.0), ("", 10 * mm), ("月", 0.0), ("", 10 * mm), ("日", 0.0))


def plan_title(assessment: Assessment) -> str:
    return f"{assessment.township.name}{assessment.period.label}“指尖上的形式主义”自查整改方案"


def _title_lines(assessment: Assessment) -> list[str]:
    """The title as an office writes it: who, which period, what — each once (the county is in
    the first sentence, the issuing body on the seal line). Broken by hand so that no line starts
    with a closing quote (CJK line-break rules)."""
    return [f"{assessment.township.name}{assessment.period.label}", "“指尖上的形式主义”自查整改方案"]


def build_rectification_pdf(
    assessment: Assessment,
    checklist: Checklist,
    result: ScoreResult,
    output: Path | BinaryIO,
    fonts: FontSet | None = None,
    *,
    follow_up: FollowUp | None = None,
) -> None:
    """``follow_up``: last period's plan (``AssessmentService.follow_up``), reported beside each
    item this plan lists again and, for the rest, at the end of 附件1."""
    fonts = fonts or register_fonts()
    target = str(output) if isinstance(output, Path) else output
    filled_by = _answer(assessment, "profile.filled_by")
    document = GovernmentDocument(target, fonts, plan_title(assessment), author=filled_by)
    writer = _Writer(assessment, checklist, result, fonts, make_styles(fonts), document, follow_up=follow_up)
    try:
        document.build(writer.story())
    except LayoutError:
        # A cell taller than a page (pasted essays): allow rows to split across pages. Not the
        # default because it also splits ordinary rows at page ends, which reads badly.
        document = GovernmentDocument(target, fonts, plan_title(assessment), author=filled_by)
        writer = _Writer(
            assessment, checklist, result, fonts, make_styles(fonts), document, split_rows=True, follow_up=follow_up
        )
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
        follow_up: FollowUp | None = None,
    ) -> None:
        self.a = assessment
        self.follow_up = follow_up
        self.checklist = checklist
        self.result = result
        self.fonts = fonts
        self.styles = styles
        self.document = document
        self.plan = [item for item in assessment.plan if not item.rejected]
        self.split_rows = int(split_rows)
        self.left_out = annex_entries(assessment, checklist, result)
        self.titles = annex_titles(self.own_items(), self.escalated_items(), len(self.left_out), follow_up)

    # -------------------------------------------------------------------------------- helpers

    def p(self, text: str, style: Any, *, trusted: str = "") -> Paragraph:
        """A paragraph of user or answer text, escaped, numerals spaced as documents print them;
        ``trusted`` markup goes before it."""
        return Paragraph(trusted + markup(official_spacing(text), self.fonts, style.fontName), style)

    def story(self) -> list[Any]:
        title_style = self.styles.title
        title = "<br/>".join(markup(line, self.fonts, title_style.fontName) for line in _title_lines(self.a))
        story: list[Any] = [Paragraph(title, title_style), Spacer(1, self.styles.body.leading / 2)]
        story += self.basic_information()
        story += self.summary()
        story += self.findings()
        # The measures in brief, then the signature and seal kept with them on a portrait page;
        # the two lists follow as annexes (附件) on landscape pages, as a 公文 places them.
        story += self.closing()
        tables = [t for t in ANNEXES[:2] if t in self.titles]
        if tables:
            story += [NextPageTemplate(LANDSCAPE), PageBreak()]
        if ANNEXES[0] in self.titles:
            story += self.task_list()
        if ANNEXES[1] in self.titles:
            story += ([PageBreak()] if ANNEXES[0] in self.titles else []) + self.escalations()
        story += self.annex()
        return story

    def annex(self) -> list[Any]:
        """附件3 as a list, not a table: the reason once per group, one numbered line per problem
        (a table with the reason in every row took a page or two of its own)."""
        groups = annex_groups(self.left_out)
        if not groups:
            return []
        # every annex starts on a page of its own (公文: 附件另面编排); a list reads on a portrait page
        story: list[Any] = [NextPageTemplate(PORTRAIT), PageBreak(), *self.annex_heading(ANNEXES[2])]
        for heading, lines in groups:
            story.append(self.p(heading, self.styles.annex_group))
            story += [self.p(line, self.styles.annex_line) for line in lines]
        return story

    def own_items(self) -> list[RectificationItem]:
        return [item for item in self.plan if item.handling is Handling.OWN]

    def escalated_items(self) -> list[RectificationItem]:
        return [item for item in self.plan if item.handling is Handling.ESCALATE]

    def frame_height(self) -> float:
        return float(self.document.pagesize[1] - self.document.topMargin - self.document.bottomMargin)

    def table(self, rows: list[list[Any]], widths: list[float]) -> Table:
        return Table(
            rows,
            colWidths=widths,
            repeatRows=1,
            splitInRow=self.split_rows,
            style=_grid(self.fonts, self.split_rows),
        )

    def annex_heading(self, title: str) -> list[Any]:
        return [
            self.p(f"附件{annex_number(self.titles, title)}", self.styles.annex_label),
            self.p(title, self.styles.annex_title),
        ]

    # --------------------------------------------------------------------------------- parts

    def basic_information(self) -> list[Any]:
        return [
            self.p("一、基本情况", self.styles.heading),
            self.p(basic_text(self.a, self.checklist, self.result), self.styles.body),
        ]

    def summary(self) -> list[Any]:
        r = self.result
        text = summary_text(self.result, self.checklist)
        scores = list(r.manifestations.values())
        width = self.document.portrait_width
        chart = radar(
            [m.name for m in scores],
            [m.score if m.assessed else None for m in scores],
            self.fonts.body,
            width=width * 0.62,
            height=132,
        )
        header = [self.p(h, self.styles.header_cell) for h in ("表现", "得分", "等级")]
        rows = [header] + [[self.p(text, self.styles.cell_center) for text in row] for row in score_rows(r)[:-1]]
        overall = score_rows(r)[-1]
        rows.append(
            [
                self.p(overall[0], self.styles.header_cell),
                self.p(overall[1], self.styles.cell_center),
                self.p(overall[2], self.styles.cell_center),
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
        na_lines = not_applicable_lines(not_applicable_entries(self.checklist, self.a.answers))
        return [
            self.p("二、自查总体情况", self.styles.heading),
            self.p(text, self.styles.body),
            figure,
            *(self.p(line, self.styles.body) for line in na_lines),
        ]

    def findings(self) -> list[Any]:
        top = self.p("三、主要问题", self.styles.heading)
        story: list[Any] = [top]
        width = self.document.portrait_width
        for group in finding_groups(self.a, self.checklist, self.result):
            heading = self.p(group.heading, self.styles.group_heading)
            if not group.areas:
                text = nothing_found_text(self.result)
                if group.left_out:
                    text = all_left_out_text(group.left_out, self.annex_3)
                story += [heading, self.p(text, self.styles.body)]
                continue
            # the section's heading goes with its first table too, never alone at a page foot
            lead = [story.pop(), heading] if story[-1] is top else [heading]
            table = self.findings_table(group, width)
            story += [*keep_with_table(lead, table, width, self.frame_height(), hold=True), Spacer(1, 3 * mm)]
        return story

    @property
    def annex_3(self) -> int:
        return annex_number(self.titles, ANNEXES[2])

    def findings_table(self, group: FindingGroup, width: float) -> Table:
        """The table of one manifestation: a line per area above its problems, the problems left
        to 附件3 in one row at the end. Split between rows with its header repeated, never after an
        area's line (nor a row alone: ``keep_with_table(hold=True)``)."""
        # in 五号, as the annexes' tables (in the body's size the heaviest plans ran past 10 pages)
        cell, center, header = (_smaller(self.styles.cell), _smaller(self.styles.cell_center),
                                _smaller(self.styles.header_cell))  # fmt: skip
        # an area's line in 楷体, with little padding: a label, not a problem
        area_style = ParagraphStyle("area_cell", parent=cell, fontName=self.fonts.subheading, leading=AREA_LEADING)
        texts = [list(row) for row in group.rows]
        widths = fitted_widths(FINDING_COLUMNS, texts, width, cell.fontName, header.fontName, cell.fontSize)
        rows: list[list[Any]] = [[self.p(c.header, header) for c in FINDING_COLUMNS]]
        commands: list[tuple[Any, ...]] = []
        for title, area_rows in group.areas:
            r = len(rows)
            rows.append([self.p(area_label(title), area_style), "", ""])
            commands += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), AREA_FILL)]
            commands += [("TOPPADDING", (0, r), (-1, r), 1), ("BOTTOMPADDING", (0, r), (-1, r), 1.5)]
            commands.append(("NOSPLIT", (0, r), (-1, r + 1)))  # an area's line goes with its first problem
            rows += [[self.p(n, center), self.p(text, cell), self.p(points, center)] for n, text, points in area_rows]
        if group.left_out:
            r = len(rows)
            text = left_out_text(group.left_out, self.annex_3)
            rows.append([self.p(text, cell), "", self.p(f"{group.left_out_points:.1f}", center)])
            commands.append(("SPAN", (0, r), (1, r)))
        table = self.table(rows, widths)
        table.setStyle(TableStyle(commands))
        return table

    def task_list(self) -> list[Any]:
        own = self.own_items()
        story: list[Any] = self.annex_heading(ANNEXES[0])
        if not own:
            story.append(self.p(local_wording(NO_OWN_ITEMS, self.a.township.name), self.styles.body))
        else:
            texts = task_rows(own, self.follow_up)
            table = self.sized_table(
                TASK_COLUMNS, texts, {0, 4, 5}, self.document.landscape_width, task_rows(own), annex=True
            )
            story.append(table)
        return story + self.last_period()

    def sized_table(
        self,
        columns: Sequence[Column],
        texts: list[list[str]],
        centred: set[int],
        width: float,
        measured: list[list[str]] | None = None,
        *,
        annex: bool = False,
    ) -> Table:
        """``measured``: the rows the columns are fitted to, when ``texts`` adds notes that wrap
        within the width the rest needs (last period's 完成情况 under a date). ``annex``: in the
        annexes' 五号, as a 公文's annexed tables are set (in the body's size the heaviest plans
        ran to 12 pages)."""
        cell, center, header = (
            (_smaller(self.styles.cell), _smaller(self.styles.cell_center), _smaller(self.styles.header_cell))
            if annex
            else (self.styles.cell, self.styles.cell_center, self.styles.header_cell)
        )
        widths = fitted_widths(columns, measured or texts, width, cell.fontName, header.fontName, cell.fontSize)
        rows = [[self.p(c.header, header) for c in columns]]
        rows += [[self.p(text, center if i in centred else cell) for i, text in enumerate(row)] for row in texts]
        return self.table(rows, widths)

    def escalations(self) -> list[Any]:
        escalated = self.escalated_items()
        story: list[Any] = self.annex_heading(ANNEXES[1])
        story.append(self.p(local_wording(ESCALATION_INTRO, self.a.township.name), self.styles.body))
        rows = escalation_rows(escalated, self.follow_up)
        measured = escalation_rows(escalated)
        width = self.document.landscape_width
        return [
            *story,
            self.sized_table(
                escalation_columns(self.a.township.name), rows, ESCALATION_CENTRED, width, measured, annex=True
            ),
        ]

    def closing(self) -> list[Any]:
        """四、整改措施 in brief, the annex list, the signature lines and the seal, kept with the
        last lines of body text so that they never stand alone on a page (``_Closing``)."""
        own, escalated = self.own_items(), self.escalated_items()
        text = closing_text(
            own, escalated, self.a.township.name, len(self.left_out), self.result.complete, self.follow_up
        )
        style = self.styles.body
        size = style.fontSize
        filler = _answer(self.a, "profile.filled_by")
        date = _answer(self.a, "profile.fill_date")
        name_blank = 30 * mm
        signature_rows = [
            [
                blanks(
                    (("填报人：", 0.0), (filler, 0.0) if filler else ("", name_blank)), style.fontName, size, "LEFT"
                ),
                blanks((("审核人：", 0.0), ("", name_blank)), style.fontName, size, "LEFT"),
            ],
            [
                blanks((("填报日期：", 0.0), (_date_text(date), 0.0)), style.fontName, size, "LEFT")
                if date
                else blanks((("填报日期：", 0.0), *SIGNATURE_DATE_BLANKS), style.fontName, size, "LEFT"),
                blanks((("分管负责人：", 0.0), ("", name_blank)), style.fontName, size, "LEFT"),
            ],
        ]
        width = self.document.portrait_width
        signature = Table(
            signature_rows,
            colWidths=[width * 0.55, width * 0.45],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),  # else unembedded Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                ]
            ),
        )
        titles = self.titles
        annexes = [self.p(f"附件：1．{titles[0]}", self.styles.annex_list)] if titles else []
        annexes += [self.p(f"{n}．{t}", self.styles.annex_list_more) for n, t in enumerate(titles[1:], start=2)]
        tail = [
            Spacer(1, size / 2),
            *annexes,
            Spacer(1, 6 * mm),
            signature,
            Spacer(1, 12 * mm),  # room for the seal
            self.p(f"{seal_name(self.a.township.name)}（盖章）", self.styles.right),
            blanks(DATE_BLANKS, style.fontName, size),
        ]
        return [_Closing(self.p("四、整改措施", self.styles.heading), self.p(text, style), tail)]

    def last_period(self) -> list[Any]:
        """上期整改事项完成情况 at the end of 附件1, where the task list leaves room: how many items
        and 完成情况 entered, and the items this plan no longer lists (the others say theirs in
        their own rows). A section of its own in the body or a fourth annex made the heaviest
        plans a page longer."""
        if self.follow_up is None:
            return []
        heading = self.p(FOLLOW_UP_HEADING, self.styles.group_heading)
        heading.spaceBefore = 3 * mm  # apart from the task list's last row
        # in the tables' size: a note to the tables around it, kept short of a page end
        note = ParagraphStyle("follow_up_note", parent=_smaller(self.styles.cell), spaceAfter=3)
        text = self.p(follow_up_text(self.follow_up, self.plan, self.a.township.name), note)
        rows = follow_up_rows(self.follow_up, self.plan)
        if not rows:
            return [KeepTogether([heading, text])]
        width = self.document.landscape_width
        table = self.sized_table(FOLLOW_UP_COLUMNS, rows, {0, 3}, width, annex=True)
        # the heading and the paragraph go to the next page with the table's first rows
        brk, *kept = keep_with_table(text, table, width, self.frame_height())
        _, high = heading.wrap(width, self.frame_height())
        needed = min(brk.height + high + heading.getSpaceBefore() + heading.getSpaceAfter(), self.frame_height() - 1)
        return [CondPageBreak(needed), heading, *kept]


class _Closing(Flowable):  # type: ignore[misc]
    """四's heading and paragraph, then the annex list, signature and seal (the tail).

    Kept whole on one page when it fits. Otherwise the heading and the paragraph's first lines
    close the page the findings end on and its last lines (at least ``KEPT_LINES``) go over with
    the tail — as Word lays out the .docx, whose closing paragraphs keep with the next: the seal's
    page still carries body text (公文), and the block, two thirds of a page, no longer moves whole
    and leaves the findings' last page half blank."""

    KEPT_LINES = 2

    def __init__(self, heading: Paragraph, paragraph: Paragraph, tail: list[Any]) -> None:
        super().__init__()
        self.heading, self.paragraph, self.tail = heading, paragraph, tail

    def _parts(self) -> list[Any]:
        return [self.heading, self.paragraph, *self.tail]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(_outer_height(f, available_width) for f in self._parts())
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for flowable in self._parts():
            y -= flowable.getSpaceBefore()
            wide, high = flowable.wrap(self.width, self.height)
            y -= high
            align = getattr(flowable, "hAlign", "LEFT")  # as a frame places it (the date: right)
            x = (
                self.width - wide
                if align == "RIGHT"
                else (self.width - wide) / 2
                if align in ("CENTER", "CENTRE")
                else 0
            )
            flowable.drawOn(self.canv, x, y)
            y -= flowable.getSpaceAfter()

    def split(self, available_width: float, available_height: float) -> list[Any]:
        leading = self.paragraph.style.leading
        room = available_height - _outer_height(self.heading, available_width) - self.paragraph.getSpaceBefore()
        # the paragraph may fit whole and the tail not: its last lines go over with the tail
        room = min(room, self.paragraph.wrap(available_width, 10_000)[1] - (self.KEPT_LINES - 0.5) * leading)
        while room >= self.KEPT_LINES * leading:  # at least two lines below the heading
            parts = self.paragraph.split(available_width, room)
            if len(parts) != 2:
                return []
            first, rest = parts
            rest.wrap(available_width, 10_000)
            if len(rest.blPara.lines) >= self.KEPT_LINES:
                return [self.heading, first, KeepTogether([rest, *self.tail])]
            room -= leading  # one more line goes over with the tail
        return []  # the whole block starts the next page


def _outer_height(flowable: Any, width: float) -> float:
    return float(flowable.wrap(width, 10_000)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter())


# ------------------------------------------------------------------ content (PDF and .docx alike)

FINDING_COLUMNS = (
    Column("序号", "fit"),
    Column("问题（按作答情况）", share=1.0),
    Column("计分", "fit"),
)
TASK_COLUMNS = (
    Column("序号", "fit"),
    Column("问题", share=0.45),
    Column("整改措施", share=0.55),
    Column("责任单位", "fit", cap=8),
    Column("责任人", "fit", cap=5),
    Column("整改时限", "fit", cap=12),
    Column("完成情况", "fit", cap=6),
)


def basic_text(assessment: Assessment, checklist: Checklist, result: ScoreResult) -> str:
    t = assessment.township
    done = result.completeness
    filler = _answer(assessment, "profile.filled_by") or "未填"
    position = _answer(assessment, "profile.filler_position")
    # the contradictions are counted in the reasons that follow, with what they are: not twice
    counts = completeness_summary(
        done.answered, done.not_applicable, done.not_applicable_without_reason, done.required_missing,
        len(done.table_not_applicable), 0, done.unconfirmed,
    )  # fmt: skip
    return (
        f"{t.county}{t.name}（区划代码 {t.division_code}）{_profile_clauses(assessment)}。"
        f"本次自查期间为{assessment.period.label}，依据{checklist.title}"
        f"（第{checklist.version}版）进行，共 {done.asked} 题，{counts}。"
        + (
            ""
            if result.complete
            else f"{join_clauses(result.completeness.incomplete_reasons())}，本次自查为“未完成”，不评定等级。"
        )
        + f"填报人：{filler}{('（' + position + '）') if position else ''}。"
    )


def _profile_clauses(assessment: Assessment) -> str:
    """ "有在岗干部46人，辖行政村12个、社区2个": a figure left blank is said to be 未填, never printed as 0."""
    cadres = _answer(assessment, "profile.cadre_count")
    villages = _answer(assessment, "profile.village_count")
    communities = _answer(assessment, "profile.community_count")
    clauses = [f"有在岗干部{cadres}人" if cadres else "在岗干部人数未填"]
    governs = [
        text for value, text in ((villages, f"行政村{villages}个"), (communities, f"社区{communities}个")) if value
    ]
    if governs:
        clauses.append("辖" + "、".join(governs))
    blank = [name for name, value in (("行政村数", villages), ("社区数", communities)) if not value]
    if blank:
        clauses.append("、".join(blank) + "未填")
    return "，".join(clauses)


def not_applicable_lines(entries: Sequence[NotApplicableEntry]) -> list[str]:
    """Every 不适用 with the township's reason, at the end of the summary, for the county to check."""
    if not entries:
        return []
    lines = [f"本次自查标为“不适用”的题目共{len(entries)}题，所填理由如下，供县级核实："]
    for n, e in enumerate(entries, start=1):
        lines.append(f"{n}．{e.section}·{e.label}：{e.reason or '（未填写理由）'}（{e.status}）")
    return lines


def nothing_found_text(result: ScoreResult) -> str:
    return "本次自查未发现明显问题。" if result.complete else "自查未完成，不能据此认定没有问题。"


def score_rows(r: ScoreResult) -> list[list[str]]:
    """(表现, 得分, 等级) per manifestation and 综合 last: a manifestation with nothing it reads
    answered, and the overall when nothing at all is, say so instead of 0.0."""
    rows = [
        [m.name, f"{m.score:.1f}", m.level_label] if m.assessed else [m.name, NOT_ASSESSED_SHORT, m.level_label]
        for m in r.manifestations.values()
    ]
    overall = f"{r.overall:.1f}" if r.assessed else NOT_ASSESSED_SHORT
    return [*rows, ["综合", overall, r.overall_level_label]]


def summary_text(r: ScoreResult, checklist: Checklist) -> str:
    if not r.assessed:
        return (
            "按四种表现计分（0—100分，分数越高负担越重）。计分和“指尖”事务时长所依据的题目均尚未作答，"
            f"本次自查{NOT_ASSESSED}，不能据此认定没有负担。"
        )
    breakdown = "、".join(
        f"{term.label}{r.fingertip_breakdown.get(term.id, 0):.1f}小时" for term in checklist.fingertip_terms
    )
    missing = ""
    if r.not_assessed:  # the overall is the mean of the four: their 0 pulls it down
        missing = f"其中{'、'.join(r.not_assessed)}{NOT_ASSESSED}，暂按0分计入综合得分，综合得分因此偏低。"
    hours = (
        f"各项用时合计折算每名干部每月{r.fingertip_hours_per_cadre_month:.1f}小时（其中{breakdown}），"
        "超过全部工作时间，不可能都属实，须核对所填用时后再据此认定负担。"
        if r.hours_implausible  # a slip to correct, not a burden measured
        else f"折算每名干部每月用于“指尖”事务约{r.fingertip_hours_per_cadre_month:.1f}小时，其中{breakdown}。"
    )
    return (
        f"按四种表现计分（0—100分，分数越高负担越重），综合得分{r.overall:.1f}分，等级为“{r.overall_level_label}”。"
        + raised_note(r)
        + missing
        + hours
    )


@dataclass(frozen=True)
class FindingGroup:
    """One manifestation under 三、主要问题: its "（一）" heading; the problems the plan takes up,
    grouped by the checklist area whose answers show them (meetings and documents count in
    痕迹管理异化 too: the area says where a problem comes from), each row (序号, 问题, 计分); and
    how many of its problems, with how many points, are left to the annex instead."""

    heading: str
    areas: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]
    left_out: int = 0
    left_out_points: float = 0.0

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        return [row for _, rows in self.areas for row in rows]


def area_label(title: str) -> str:
    """An area's line above its problems: "会议、发文与督查检查方面"."""
    return f"{title or '其他'}方面"


def left_out_text(count: int, annex: int) -> str:
    """The problems of a manifestation not taken up by the plan, in one line (附件3 lists them)."""
    return f"另有{count}个问题未列入本期方案，见附件{annex}"


def all_left_out_text(count: int, annex: int) -> str:
    """A manifestation none of whose problems the plan takes up."""
    return f"本项发现的{count}个问题均未列入本期方案（见附件{annex}）。"


def finding_groups(assessment: Assessment, checklist: Checklist, result: ScoreResult) -> list[FindingGroup]:
    """Per manifestation, the problems its score comes from, each under the manifestation it
    weighs most in. Only those the plan takes up (at the checklist's ``plan.min_intensity`` and
    within ``plan.max_items``) are 主要问题: a 0.2-point finding is not one; the rest are counted
    here and listed in 附件3 with the reason."""
    by_main: dict[str, list[RuleHit]] = {m.id: [] for m in checklist.manifestations}
    for hit in result.hits:
        by_main[max(hit.rule.weights, key=lambda m: hit.rule.weights[m])].append(hit)
    planned = planned_rule_ids(result, checklist.plan_min_intensity, checklist.plan_max_items)
    titles = area_titles(checklist)
    # the user's own wording of a problem; drafted (possibly merged) texts are the findings' own
    problems = {item.rule_id: item.problem for item in assessment.plan if item.rule_id and "problem" in item.edited}
    groups = []
    for index, manifestation in enumerate(result.manifestations.values(), start=1):
        score = f"{manifestation.score:.1f}分，{manifestation.level_label}" if manifestation.assessed else NOT_ASSESSED
        heading = f"（{chinese_number(index)}）{manifestation.name}（{score}）"
        points = {c.rule_id: c.points for c in manifestation.contributions}
        hits = sorted(by_main[manifestation.id], key=lambda h: -points.get(h.rule.id, 0))
        by_area: dict[str, list[RuleHit]] = {}
        for hit in hits:
            if hit.rule.id in planned:
                by_area.setdefault(area_of(titles, hit.item_ids), []).append(hit)
        # the area with most points first, as the results page lists them ("来自：…")
        ordered = sorted(by_area.items(), key=lambda pair: -sum(points.get(h.rule.id, 0) for h in pair[1]))
        number, areas = 0, []
        for title, area_hits in ordered:
            rows = []
            for hit in area_hits:
                number += 1
                text = finding_text(assessment, checklist, hit, problems.get(hit.rule.id))
                rows.append((str(number), text, f"{points.get(hit.rule.id, 0):.1f}"))
            areas.append((title, tuple(rows)))
        rest = [h for h in hits if h.rule.id not in planned]
        groups.append(FindingGroup(heading, tuple(areas), len(rest), sum(points.get(h.rule.id, 0) for h in rest)))
    return groups


def finding_text(assessment: Assessment, checklist: Checklist, hit: RuleHit, edited: str | None) -> str:
    """The problem as drafted states the answer as given (issue 9), so the answers are not
    repeated beside it: one row per finding keeps the section short. A problem the township
    reworded no longer carries the answer, so the answers follow it."""
    if not edited:
        return local_wording(problem_text(hit), assessment.township.name)  # as the plan words it
    return f"{edited}\n（作答：{'；'.join(evidence_lines(checklist, hit, assessment.answers))}）"


def task_rows(own: Sequence[RectificationItem], follow_up: FollowUp | None = None) -> list[list[str]]:
    """An item last period's plan listed too says, in its own row, last period's deadline (when
    it was renewed) and 完成情况, so that listing it again reports its follow-up."""
    rows = []
    for number, item in enumerate(own, start=1):
        last = follow_up.of(item.key) if follow_up else None
        deadline, status = _date_text(item.deadline), item.status
        if last is not None:
            if last.deadline != item.deadline and last.deadline:
                deadline += f"\n（上期{_date_text(last.deadline)}）"
            status = "\n".join(t for t in (status, last_status(last)) if t)
        rows.append(
            [str(number), item.problem, item.measure, item.responsible_unit, item.responsible_person, deadline, status]
        )
    return rows


LAST_STATUS_LIMIT = 12  # last period's 完成情况 in a row: its gist, so that the row grows no taller


def last_status(last: RectificationItem, narrow: bool = False) -> str:
    """ "上期：已完成", or "上期未填写完成情况": last period's 完成情况 under this period's; ``narrow``:
    in lines no wider than a date's ("上期", "未填写", "完成情况": not a lone "况" at the end)."""
    status = last.status.strip()
    if not status:
        return "上期\n未填写\n完成情况" if narrow else f"上期{NO_STATUS}"
    return ("上期：\n" if narrow else "上期：") + shorten(status, LAST_STATUS_LIMIT)


FOLLOW_UP_HEADING = "上期整改事项完成情况"
FOLLOW_UP_COLUMNS = (
    Column("序号", "fit"),
    Column("上期整改事项", share=1.0),
    Column("责任单位（人）", "fit", cap=12),
    Column("上期时限", "fit", cap=11),
    Column("完成情况", "fit", cap=12),
)
FOLLOW_UP_TEXT_LIMIT = 40  # the problem in brief: last period's plan has it whole
FOLLOW_UP_STATUS_LIMIT = 40


def follow_up_text(follow_up: FollowUp, plan: Sequence[RectificationItem], township: str) -> str:
    """The follow-up in brief (two lines on a landscape page): how many items, how many with a
    完成情况 entered, how many past their deadline without, and where each one's stands."""
    label = follow_up.period_label
    if not follow_up.items:
        return f"上期（{label}）整改方案未列整改事项。"
    entered, blank, passed = follow_up.counts()
    counts = [f"已填写完成情况{entered}项"] if entered else []
    if blank:
        counts.append(f"未填写{blank}项" + (f"（其中{passed}项已过时限）" if passed else ""))
    text = f"上期（{label}）方案列整改事项{len(follow_up.items)}项：{'，'.join(counts)}。"
    rest = len(follow_up.not_listed(plan))
    again = len(follow_up.items) - rest
    if again:
        text += f"本期仍列入的{again}项，上期完成情况注在附件中该项行内" + ("；" if rest else "。")
    if rest:
        text += f"本期未再列入的{rest}项如下，复查销号："
    return local_wording(text, township)


def follow_up_rows(follow_up: FollowUp, plan: Sequence[RectificationItem]) -> list[list[str]]:
    """Last period's items this plan does not list: the problem in brief (its measure where none
    was written), who, the deadline, and the 完成情况 as entered (or that none was)."""
    rows = []
    for number, item in enumerate(follow_up.not_listed(plan), start=1):
        status = status_text(item)
        if not item.status.strip() and follow_up.deadline_passed(item):
            status += "，时限已过"
        rows.append(
            [
                str(number),
                shorten(item.problem or item.measure, FOLLOW_UP_TEXT_LIMIT),
                "·".join(t for t in (item.responsible_unit, item.responsible_person) if t),
                _date_text(item.deadline),
                shorten(status, FOLLOW_UP_STATUS_LIMIT),
            ]
        )
    return rows


ESCALATION_COLUMNS = (
    Column("序号", "fit"),
    Column("问题", share=0.5),
    Column("提请协调事项", share=0.5),
    Column("涉及部门", share=0.25),
    # Who in the township follows the request up with the county: the item's own unit above its
    # person, and the date on two lines, so that the problem and the measure keep their width
    # (two more columns made the heaviest sample plan a page longer).
    Column("本镇跟进", "fit", cap=8),
    Column("期望时限", "fit", cap=12),
)
ESCALATION_CENTRED = {0, 4, 5}


def escalation_columns(township: str) -> tuple[Column, ...]:
    """The columns as a 乡 or 街道 heads them ("本街道跟进", as the paragraph above says)."""
    return tuple(replace(c, header=local_wording(c.header, township)) for c in ESCALATION_COLUMNS)


def escalation_rows(escalated: Sequence[RectificationItem], follow_up: FollowUp | None = None) -> list[list[str]]:
    """One table, each item once, ordered by department (the departments with most items first,
    then items of several departments): per-department tables with their own headings left
    half-empty pages whenever a heading and its first row did not fit below the last table."""
    rows = []
    number = 0
    for _, items in _by_department(escalated):
        for item in items:
            number += 1
            department = item.department or NO_DEPARTMENT
            deadline = _date_text(item.deadline).replace("年", "年\n", 1)
            last = follow_up.of(item.key) if follow_up else None
            if last is not None:  # as in the task list (task_rows), in the narrow deadline column
                deadline += "\n" + last_status(last, narrow=True)
            rows.append(
                [
                    str(number),
                    item.problem,
                    item.measure,
                    department,
                    "\n".join(t for t in (item.responsible_unit, item.responsible_person) if t),
                    deadline,
                ]
            )
    return rows


ESCALATION_INTRO = (
    "以下负担由县级部门（条线）的应用、报表或要求产生，本镇无权自行取消，提请县委、县政府统筹协调。按涉及的部门排列，"
    "“本镇跟进”为对接催办的单位和人员。"
)
ANNEXES = ("整改任务清单", "提请县级协调事项", "未列入本期方案的问题")
NO_OWN_ITEMS = "本次自查没有需要本镇自行整改的事项。"


def annex_groups(entries: Sequence[AnnexEntry]) -> list[tuple[str, list[str]]]:
    """附件3's problems grouped by why they are not in the plan: "一、<reason>（N个）" and the
    problems numbered on through the groups, so that the last number is the count the body gives.
    A lone group is not numbered: "一、" with no "二、" reads as if something were missing."""
    by_reason: dict[str, list[str]] = {}
    for entry in entries:
        by_reason.setdefault(entry.reason, []).append(entry.problem)
    groups, number = [], 0
    for index, (reason, problems) in enumerate(by_reason.items(), start=1):
        lines = [f"{number + n}．{problem}" for n, problem in enumerate(problems, start=1)]
        number += len(problems)
        numbered = f"{chinese_number(index)}、" if len(by_reason) > 1 else ""
        groups.append((f"{numbered}{reason}（{len(problems)}个）", lines))
    return groups


def annex_entries(assessment: Assessment, checklist: Checklist, result: ScoreResult) -> list[AnnexEntry]:
    """Problems found but not in the plan, and why (the checklist's focus rules)."""
    return plan_annex(result, checklist.plan_min_intensity, checklist.plan_max_items, assessment.township.name)


def annex_titles(
    own: Sequence[RectificationItem],
    escalated: Sequence[RectificationItem],
    annexed: int = 0,
    follow_up: FollowUp | None = None,
) -> tuple[str, ...]:
    """The annexes this plan has, in order (附件1, 2, …): only those with something in them — a
    landscape page saying "no items" is not an annex. The task list stays while it carries last
    period's follow-up."""
    present = (bool(own) or follow_up is not None, bool(escalated), bool(annexed))
    return tuple(title for title, there in zip(ANNEXES, present, strict=True) if there)


def annex_number(titles: Sequence[str], title: str) -> int:
    return titles.index(title) + 1


def closing_text(
    own: Sequence[RectificationItem],
    escalated: Sequence[RectificationItem],
    township: str,
    annexed: int = 0,
    complete: bool = True,
    follow_up: FollowUp | None = None,
) -> str:
    titles = annex_titles(own, escalated, annexed, follow_up)
    if not own and not escalated and not complete:  # an unfinished assessment found nothing yet
        text = "本次自查尚未完成，暂不能确定需要整改的事项，完成自查后再制定整改措施。"
    elif not own and not escalated:
        text = "本次自查未发现需要整改的事项，下一评估期继续自查。"
    else:
        own_part = (
            f"本镇自行整改{len(own)}项，逐项明确责任单位、责任人和整改时限，见附件{annex_number(titles, ANNEXES[0])}"
            if own
            else "本镇没有需要自行整改的事项"
        )
        escalated_part = (
            f"由县级部门（条线）的应用、报表或要求产生、本镇无权自行取消的{len(escalated)}项，"
            f"提请县级协调，见附件{annex_number(titles, ANNEXES[1])}"
            if escalated
            else "没有需要提请县级协调的事项"
        )
        parts = (own_part, escalated_part) if own else (escalated_part, own_part)
        text = f"针对上述问题，{'；'.join(parts)}。整改完成后逐项填写完成情况，下一评估期复查。"
    if annexed:
        text += f"另有{annexed}个问题本期未列入方案，原因见附件{annex_number(titles, ANNEXES[2])}。"
    if follow_up is not None:
        text += f"上期（{follow_up.period_label}）整改事项完成情况见附件{annex_number(titles, ANNEXES[0])}。"
    return local_wording(text, township)


ANNEX_CELL_SIZE, ANNEX_CELL_LEADING = 10.5, 13.5  # 五号


def _smaller(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"annex_{style.name}", parent=style, fontSize=ANNEX_CELL_SIZE, leading=ANNEX_CELL_LEADING)


def _grid(fonts: FontSet, split_rows: int = 0) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.body),  # else Table sets unembedded Helvetica
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            # A row split across pages shows its short cells on the first page, not mid-row.
            ("VALIGN", (0, 0), (-1, -1), "TOP" if split_rows else "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def departments_of(item: RectificationItem) -> list[str]:
    """The departments the item names as imposing it ("one or more of" several names none)."""
    return list(parse_attribution(item.department).named)


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
