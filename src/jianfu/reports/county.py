"""The county summary (县级汇总): a PDF in the plan's document style, and an Excel workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from jianfu.core.assessed import NOT_ASSESSED
from jianfu.core.assessment import Period
from jianfu.core.attribution import parse_attribution
from jianfu.core.checklist import INCOMPLETE_LEVEL
from jianfu.core.consistency import TownshipToVerify, by_note
from jianfu.core.county import FIGURE_HEADERS, MANIFESTATIONS, DepartmentRow, EscalatedItem, OverviewRow
from jianfu.core.plan import local_wording
from jianfu.core.plan_text import as_read_anywhere

# Lighter for lighter burdens, also in greyscale (luminance 0.98, 0.93, 0.83, 0.71); the level is
# always printed as a word too, so colour is never the only signal. 未完成 has no level: no fill.
LEVEL_FILLS = {"low": "F7FBF7", "moderate": "FFEDB3", "high": "FFC98A", "severe": "F29D9D", "incomplete": "FFFFFF"}


@dataclass(frozen=True)
class CountySummary:
    county: str
    period: Period
    manifestation_names: dict[str, str]
    level_labels: dict[str, str]
    rows: list[OverviewRow]
    missing: list[tuple[str, str]]
    departments: list[DepartmentRow]
    common_problems: list[tuple[str, int]]  # (problem title, townships)
    escalated: dict[str, list[EscalatedItem]]
    plan_items: list[tuple[str, str, str, str, str, str, str, str, str, bool]]
    expected_loaded: bool = False  # whether the 应报乡镇名单 was loaded: only then are non-reporters known
    # the department figures asked of at least one township this round, with their headers: a
    # figure no township was asked (v2 has no 排名 or 在线时长 question) has no column
    figure_headers: dict[str, str] = field(default_factory=lambda: dict(FIGURE_HEADERS))
    # (township, answers) whose file still holds last period's answers nobody confirmed (沿用上期未确认)
    unconfirmed: list[tuple[str, int]] = field(default_factory=list)
    # townships whose answers the county should check against what it knows (请县级核实)
    to_verify: list[TownshipToVerify] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.county}{self.period.label}“指尖上的形式主义”整治情况汇总"

    @property
    def rated(self) -> list[OverviewRow]:
        """The townships given a level: an assessment left 未完成 (blank answers, 不适用 not
        accepted, contradictions, last period's answers unconfirmed) has scores the county cannot
        rely on, so it is listed but kept out of every county average."""
        return [r for r in self.rows if r.overall_level != INCOMPLETE_LEVEL]

    def average(self, manifestation: str) -> float:
        values = [r.overall if manifestation == "overall" else r.scores[manifestation] or 0.0 for r in self.rated]
        return round(sum(values) / len(values), 1) if values else 0.0

    def average_hours(self) -> float:
        rated = self.rated
        return round(sum(r.fingertip_hours for r in rated) / len(rated), 1) if rated else 0.0


# ------------------------------------------------------------------------------------- PDF

PDF_TOWNSHIP_LIMIT = 300  # beyond this the township table lists only what needs acting on
CELL_TEXT_LIMIT = 400  # characters of one measure in a table cell (the workbook has the full text)
TOWNS_IN_CELL = 30  # township names listed in one cell before "等N个"
UNATTRIBUTED = "（未注明部门）"


def write_county_pdf(summary: CountySummary, output: Path | BinaryIO) -> None:
    """The county summary. A cell that would outgrow a page (a pasted essay) makes the tables
    split their rows across pages instead of raising."""
    from reportlab.platypus import LayoutError

    try:
        _build_county_pdf(summary, output, split_rows=False)
    except LayoutError:
        if not isinstance(output, Path):
            output.seek(0)
            output.truncate()
        _build_county_pdf(summary, output, split_rows=True)


def _build_county_pdf(summary: CountySummary, output: Path | BinaryIO, split_rows: bool) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

    from jianfu.reports.document import LANDSCAPE, GovernmentDocument, make_styles
    from jianfu.reports.fonts import register_fonts
    from jianfu.reports.layout import (
        Column,
        chinese_number,
        fitted_widths,
        keep_with_table,
        shorten,
    )
    from jianfu.reports.radar import radar
    from jianfu.reports.text import markup

    fonts = register_fonts()
    styles = make_styles(fonts)
    target = str(output) if isinstance(output, Path) else output
    doc = GovernmentDocument(target, fonts, summary.title)
    frame_height = float(doc.pagesize[1] - doc.topMargin - doc.bottomMargin)
    wide_height = doc.landscape_height  # every table is on a landscape page

    def p(text: str, style: Any) -> Paragraph:
        """A paragraph; a leading "（一）…：" is set in 楷体, as GB/T 9704 sets second-level headings."""
        if style is styles.body and text.startswith("（") and "：" in text[:30]:
            lead, rest = text.split("：", 1)
            face = fonts.subheading
            return Paragraph(
                f'<font face="{face}">{markup(lead + "：", fonts, face)}</font>' + markup(rest, fonts, style.fontName),
                style,
            )
        return Paragraph(markup(text, fonts, style.fontName), style)

    def grid(header_rows: int = 1) -> TableStyle:
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EDEDED")),
                ("VALIGN", (0, 0), (-1, -1), "TOP" if split_rows else "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )

    def table(rows: list[list[str]], shares: list[float], width: float, centred: range | None = None) -> Table:
        """``centred``: the columns of short figures and labels (all but the first by default); prose
        columns are set flush left, as a centred paragraph's last line reads oddly."""
        centre = range(1, len(shares)) if centred is None else centred
        cells = [[p(h, styles.header_cell) for h in rows[0]]]
        cells += [
            [p(text, styles.cell_center if i in centre else styles.cell) for i, text in enumerate(row)]
            for row in rows[1:]
        ]
        return Table(
            cells, colWidths=[width * s for s in shares], repeatRows=1, splitInRow=int(split_rows), style=grid()
        )

    def kept(lead: list[Any], body: Table, width: float) -> list[Any]:
        """Headings and introduction moved on with the table's first rows, never alone at a page foot,
        and no row alone (a cell taller than a page splits anyhow: then rows split where they must)."""
        return keep_with_table(lead, body, width, wide_height, hold=not split_rows, whole_up_to=SHORT_TABLE_ROWS)

    names = summary.manifestation_names
    rows = summary.rows
    width = doc.portrait_width
    wide = doc.landscape_width
    level_ids = [level for level in summary.level_labels if level != INCOMPLETE_LEVEL]
    heavy = set(level_ids[-2:])  # the two heaviest levels (较重, 严重)
    story: list[Any] = [
        Paragraph(
            "<br/>".join(
                markup(t, fonts, styles.title.fontName)
                for t in (f"{summary.county}{summary.period.label}", "“指尖上的形式主义”整治情况汇总")
            ),
            styles.title,
        ),
        p(f"（共收到{len(rows)}个乡镇（街道）的自查文件）", styles.subtitle),
        # dated under the title: at the end it followed the last landscape table and was left
        # alone on a page of its own whenever that table filled its page
        p(f"汇总日期：{_date_text(dt.date.today())}", styles.subtitle),
    ]
    story += _act_on(summary, p, styles, heavy)
    # 二 starts a page of its own, unless 一 ran a few lines onto a second one (a long list of
    # townships to verify): then it follows them instead of leaving that page nearly blank
    story += [CondPageBreak(0.7 * frame_height), p("二、总体情况", styles.heading)]
    averages = {m: summary.average(m) for m in MANIFESTATIONS}
    heaviest = max(MANIFESTATIONS, key=lambda m: averages[m]) if rows else MANIFESTATIONS[0]
    rated = summary.rated
    unrated = len(rows) - len(rated)
    text = f"本期共有{len(rows)}个乡镇（街道）报送自查文件"
    if unrated:
        text += f"，其中{unrated}个自查未完成，不评定等级，不计入以下平均数"
    if rated:
        text += (
            f"。{'评定等级的' + str(len(rated)) + '个乡镇' if unrated else '全县'}四种表现平均得分："
            + "，".join(f"{names[m]}{averages[m]:.1f}分" for m in MANIFESTATIONS)
            + f"，综合{summary.average('overall'):.1f}分；其中{names[heaviest]}最为突出。"
            f"每名干部每月用于“指尖”事务平均约{summary.average_hours():.1f}小时。"
        )
    else:
        text += "。没有评定等级的自查，暂不计算全县平均数。"
    if summary.missing:
        text += f"尚未报送的有{len(summary.missing)}个：{_names([n for _, n in summary.missing])}。"
    story.append(p(text, styles.body))
    story.append(
        radar(
            [names[m] for m in MANIFESTATIONS],
            [averages[m] for m in MANIFESTATIONS],
            fonts.body,
            width=width,
            height=150,
        )
    )
    story.append(p("图1　全县四种表现平均得分（0—100分，越高负担越重）", styles.caption))

    story += [NextPageTemplate(LANDSCAPE), PageBreak()]
    listed = rows
    note = (
        "按区划代码排列，不作排名；等级以文字标明，底色由浅到深表示由轻到重；"
        "有上期数据的注明较上期的变化（负数为减轻）。"
        "综合得分为四项平均数；综合等级最多比最重的一项低一档，也不低于“指尖”工时门槛，因此可能高于平均分所在的档。"
    )
    if len(rows) > PDF_TOWNSHIP_LIMIT:
        listed = [r for r in rows if r.overall_level in heavy or _unfinished(r)]
        listed = listed[:PDF_TOWNSHIP_LIMIT]
        note += (
            f"乡镇数量较多（{len(rows)}个），此处只列综合等级较重以上或未完成的{len(listed)}个，"
            "全部乡镇见 Excel 汇总表“总览”。"
        )
    overview_lead = [p("三、各乡镇负担情况", styles.heading), p(note, styles.body)]
    header = ["乡镇（街道）", *(names[m] for m in MANIFESTATIONS), "综合", "每人每月指尖工时", "完成度"]
    body = [header]
    fills = []
    for index, row in enumerate(listed, start=1):
        cells = [row.township]
        levels = [*(row.levels[m] for m in MANIFESTATIONS), row.overall_level]
        for column, m in enumerate([*MANIFESTATIONS, "overall"], start=1):
            change = row.change(m)
            score = row.overall if m == "overall" else row.scores[m]
            cells.append(
                # nothing it reads answered: 0.0 would read as no burden. On two lines at the comma:
                # the narrow cell would otherwise break 未评估 itself.
                NOT_ASSESSED.replace("，", "，\n")
                if not row.assessed(m)
                else f"{score or 0.0:.1f} {summary.level_labels.get(levels[column - 1], '')}"
                + (f"\n较上期{change:+.1f}" if change is not None else "")
            )
            fill = LEVEL_FILLS.get(levels[column - 1], "FFFFFF")
            fills.append(("BACKGROUND", (column, index), (column, index), colors.HexColor("#" + fill)))
        hours = f"{row.fingertip_hours:.1f}" if row.assessed("overall") else "—"
        cells += [hours, _completeness_cell(row)]
        body.append(cells)
    overview = table(body, [0.15, 0.14, 0.14, 0.14, 0.14, 0.12, 0.09, 0.08], wide)
    overview.setStyle(TableStyle(fills))
    story += kept(overview_lead, overview, wide)

    story.append(Spacer(1, 4 * mm))
    figures = list(summary.figure_headers)  # a figure no township was asked has no column
    intro = (
        "下表列出各县级部门的应用、工作群和报表给多少个乡镇带来负担、每月耗费的工时合计，以及乡镇指明由该部门协调的事项数，"
        "供县里逐个部门督促整改。"
    )
    if any(d.unasked & set(figures) for d in summary.departments):
        intro += NOT_ASKED_NOTE  # before the table: a note after it can be pushed onto the next page
    dept_lead = [p("四、条线部门归因", styles.heading), p(intro, styles.body)]
    dept_rows = [["县级部门", *summary.figure_headers.values(), "月耗工时", "提请协调事项"]]
    dept_rows += [
        [d.name, *(_figure_text(d, f, NOT_ASKED_MARK) for f in figures), f"{d.hours:.0f}", str(d.requests)]
        for d in summary.departments
    ]
    # Figures as wide as their header wrapped at six characters (a checklist label can be long),
    # the department's name takes the rest: it never wraps before its last character.
    columns = [Column("", share=1.0), *(Column(h, "fit", cap=6) for h in dept_rows[0][1:])]
    size = styles.cell.fontSize
    widths = fitted_widths(columns, dept_rows, wide, styles.cell.fontName, styles.header_cell.fontName, size)
    story += kept(dept_lead, table(dept_rows, [w / wide for w in widths], wide), wide)

    story += [Spacer(1, 4 * mm)]
    problem_rows = [["问题", "涉及乡镇数"]] + [[title, str(n)] for title, n in summary.common_problems[:20]]
    story += kept([p("五、共性问题", styles.heading)], table(problem_rows, [0.8, 0.2], wide), wide)

    # 六's heading and introduction go on with its first department's table
    lead = [
        p("六、各乡镇提请县级协调事项", styles.heading),
        p(
            "先列指明了县级部门的事项，按部门汇总同类事项及提出的乡镇；未指明部门的事项列在最后，由县减负办统筹。"
            "逐条明细见 Excel 汇总表“提请协调事项”。",
            styles.body,
        ),
    ]
    story.append(Spacer(1, 4 * mm))
    if not summary.escalated:
        story += [*lead, p("本期没有乡镇提请县级协调的事项。", styles.body)]
    for number, (department, grouped) in enumerate(_escalations_by_problem(summary), start=1):
        item_rows = [["问题", "提出的乡镇（街道）", "乡镇数", "提请协调事项"]]
        item_rows += [
            # the townships' own words with the documents' numerals, as their plans print them
            [
                shorten(as_read_anywhere(title), CELL_TEXT_LIMIT),
                _names(towns),
                str(len(towns)),
                shorten(as_read_anywhere(measure), CELL_TEXT_LIMIT),
            ]
            for title, towns, measure in grouped
        ]
        heading = p(f"（{chinese_number(number)}）{department}", styles.group_heading)
        # the count as wide as its header; the rest shared by how much text each column holds, so
        # that the long requests wrap onto fewer lines (rows were as tall as a six-line request)
        columns = [Column("", share=0.22), Column("", share=0.22), Column("", "fit", cap=4), Column("", share=0.5)]
        widths = fitted_widths(
            columns, item_rows, wide, styles.cell.fontName, styles.header_cell.fontName, styles.cell.fontSize
        )
        shares = [w / wide for w in widths]
        story += kept([*lead, heading], table(item_rows, shares, wide, centred=range(2, 3)), wide)
        lead = []
    doc.build(story)


SHORT_TABLE_ROWS = 3  # held whole on one page; a longer table keeps two rows at each end together
NOT_ASKED_MARK = "—"
NOT_ASKED_NOTE = "表中“—”表示涉及该部门的乡镇所用的自查清单版本没有调查此项，不表示没有。"
NOT_ASKED_CELL = "未调查"  # in the workbook, where no note stands beside the table


def _figure_text(row: DepartmentRow, figure: str, mark: str) -> str:
    value = row.figure(figure)
    return mark if value is None else str(value)


def _not_applicable(row: OverviewRow) -> tuple[int, float] | None:
    """不适用 count and its share of the questions asked (None: imported before counts were kept)."""
    if row.completeness is None:
        return None
    count = row.completeness.not_applicable
    return count, (count / row.asked if row.asked else 0.0)


def _completeness_cell(row: OverviewRow) -> str:
    text = f"{round(100 * row.answered / row.asked) if row.asked else 0}%"
    na = _not_applicable(row)
    if na and na[0]:
        text += f"\n不适用\n{na[0]}题 {na[1]:.0%}"
    if row.completeness and row.completeness.table_not_applicable:
        text += f"\n表格不适用\n{row.completeness.table_not_applicable}张"
    if row.completeness and row.completeness.inconsistent:
        text += f"\n前后矛盾\n{row.completeness.inconsistent}处"
    return text


def _unfinished(row: OverviewRow) -> bool:
    """未完成: required answers missing or 不适用 unexplained (no level), or questions unanswered."""
    return row.overall_level == INCOMPLETE_LEVEL or bool(row.asked and row.answered < row.asked)


def _names(towns: list[str]) -> str:
    shown = "、".join(towns[:TOWNS_IN_CELL])
    return shown + (f"等{len(towns)}个" if len(towns) > TOWNS_IN_CELL else "")


def _act_on(summary: CountySummary, p: Any, styles: Any, heavy: set[str]) -> list[Any]:
    """一、本期需要督促的事项: one page of what the inspector acts on."""
    rows = summary.rows
    story: list[Any] = [p("一、本期需要督促的事项", styles.heading)]
    top = [d for d in summary.departments if d.hours > 0 or d.townships][:5]
    if top:
        story.append(
            p(
                "（一）负担最重的县级部门："
                + "；".join(f"{d.name}（涉及{d.townships}个乡镇，每月约{d.hours:.0f}小时）" for d in top)
                + "。",
                styles.body,
            )
        )
    else:
        story.append(p("（一）负担最重的县级部门：本期没有乡镇填报县级部门的应用或报表。", styles.body))
    burdened = sorted((r for r in rows if r.overall_level in heavy), key=lambda r: -r.overall)
    if burdened:
        shown = "、".join(f"{r.township}（{r.overall:.1f}分）" for r in burdened[:10])
        more = f"等{len(burdened)}个" if len(burdened) > 10 else f"共{len(burdened)}个"
        text = f"（二）负担较重的乡镇（综合等级较重以上）：{shown}{more}。"
    else:
        text = "（二）负担较重的乡镇：本期没有综合等级较重以上的乡镇。"
    story.append(p(text, styles.body))
    unfinished = [r.township for r in rows if _unfinished(r)]
    parts = []
    if unfinished:
        parts.append(f"自查未完成的{len(unfinished)}个：{_names(unfinished)}")
    if summary.unconfirmed:  # among them: last period's answers sent on, never confirmed
        parts.append(
            f"其中沿用上期回答未确认的{len(summary.unconfirmed)}个：{_names([n for n, _ in summary.unconfirmed])}"
        )
    if summary.missing:
        parts.append(f"尚未报送的{len(summary.missing)}个：{_names([n for _, n in summary.missing])}")
    roster = summary.expected_loaded or bool(summary.missing)  # without the list nobody is known missing
    if parts:
        text = "（三）未完成或未报送的乡镇：" + "；".join(parts) + "。请督促补报。"
    elif roster:
        text = "（三）未完成或未报送的乡镇：应报乡镇均已完成并报送。"
    else:
        text = "（三）未完成或未报送的乡镇：已收到的自查均已完成。"
    if not roster:
        text += "未导入应报乡镇名单，无法判断是否还有乡镇未报送。"
    story.append(p(text, styles.body))
    story.append(p(_changes_text(summary), styles.body))
    # an item naming two departments is listed under each, but is one item
    attributed = len({i for k, v in summary.escalated.items() if k != UNATTRIBUTED for i in v})
    unattributed = set(summary.escalated.get(UNATTRIBUTED, []))
    several = sum(1 for i in unattributed if parse_attribution(i.department).any_of)
    story.append(
        p(
            f"（五）提请县级协调事项：指明部门的{attributed}项（按部门列在第六部分），未指明部门的{len(unattributed)}项"
            + _several_text(several, len(unattributed))
            + "由县减负办统筹。",
            styles.body,
        )
    )
    if summary.to_verify:
        story.append(p("（六）请县级核实：" + "；".join(verify_lines(summary.to_verify)) + "。", styles.body))
    return story


def _several_text(several: int, unattributed: int) -> str:
    """How many of the items without a department named several possible ones (not the count twice)."""
    if not several:
        return ""
    said = "乡镇只说明来自所列几个部门之一或多个，未指明具体部门"
    return f"（均为{said}）" if several == unattributed else f"（其中{several}项{said}）"


def verify_lines(townships: list[TownshipToVerify]) -> list[str]:
    """Each "请县级核实" note once, said of the townships it is about: "石桥镇、河口镇（共2个）答……"
    (the first 30 named), without the closing "。"."""
    lines = []
    for note, towns in by_note(townships):
        listed = _names(towns) + (f"（共{len(towns)}个）" if 1 < len(towns) <= TOWNS_IN_CELL else "")
        own = next((w for w in ("本街道", "本镇", "本乡") if note.startswith(w)), None)
        text = listed + note[len(own) :] if own else f"{listed}：{county_voice(note)}"
        lines.append(text.rstrip("。"))
    return lines


def _changes_text(summary: CountySummary) -> str:
    with_previous = [r for r in summary.rated if r.change("overall") is not None]
    if not with_previous:
        return "（四）与上期相比：本期是首次汇总，或各乡镇均无上期数据，暂无变化可比。"
    now = sum(r.overall for r in with_previous) / len(with_previous)
    before = sum(r.previous_scores["overall"] for r in with_previous) / len(with_previous)
    changes = sorted(with_previous, key=lambda r: r.change("overall") or 0.0)
    falls = [r for r in changes if (r.change("overall") or 0) < 0][:3]
    rises = [r for r in reversed(changes) if (r.change("overall") or 0) > 0][:3]
    text = (
        f"（四）与上期相比：有上期数据的{len(with_previous)}个乡镇综合平均得分由{before:.1f}分变为{now:.1f}分"
        f"（{now - before:+.1f}分，负数为减轻）"
    )
    if rises:
        text += "；上升最多的：" + "、".join(f"{r.township}（{r.change('overall'):+.1f}）" for r in rises)
    if falls:
        text += "；下降最多的：" + "、".join(f"{r.township}（{r.change('overall'):+.1f}）" for r in falls)
    return text + "。"


def county_voice(text: str) -> str:
    """A township's own words (本镇/本乡/本街道) as the county says them of several townships: 乡镇."""
    for own in ("本街道", "本镇", "本乡"):
        text = text.replace(own, "乡镇")
    return text


def _escalations_by_problem(summary: CountySummary) -> list[tuple[str, list[tuple[str, list[str], str]]]]:
    """Per department: (problem, townships raising it, measure asked), the commonest first."""
    result = []
    for department, items in summary.escalated.items():
        groups: dict[str, tuple[list[str], str]] = {}
        listed: dict[str, list[str]] = {}  # departments a township gave without saying which one
        for item in items:
            title = item.rule_title or item.problem
            towns, _ = groups.setdefault(title, ([], county_voice(item.measure)))
            if item.township not in towns:
                towns.append(item.township)
            if department == UNATTRIBUTED:
                listed.setdefault(title, []).extend(parse_attribution(item.department).any_of)
        ordered = sorted(groups.items(), key=lambda g: -len(g[1][0]))
        label = "综合事项（未指明部门，由县减负办统筹）" if department == UNATTRIBUTED else department
        result.append(
            (
                label,
                [(_with_listed(county_voice(title), listed.get(title)), towns, m) for title, (towns, m) in ordered],
            )
        )
    # Departments the county can act on first; the unattributed rest last.
    return sorted(result, key=lambda g: g[0].startswith("综合事项（未指明部门"))


def _department_cell(department: str, item: EscalatedItem) -> str:
    """The department an item is listed under; an unattributed one says which it may be."""
    if department == UNATTRIBUTED and parse_attribution(item.department).any_of:
        return f"{UNATTRIBUTED}{item.department}"
    return department


def _with_listed(title: str, listed: list[str] | None) -> str:
    if not listed:
        return title
    return f"{title}（乡镇列出{'、'.join(dict.fromkeys(listed))}，未指明具体是哪个部门）"


# ----------------------------------------------------------------------------------- Excel


def write_county_workbook(summary: CountySummary, output: Path | BinaryIO) -> None:
    """Sheets 总览, 条线部门, 提请协调事项, 全部整改事项: formatted, filterable, printable, and safe
    for any text (see ``reports.workbook``)."""
    from jianfu.reports.workbook import CHANGE, INTEGER, NUMBER, PERCENT, Col, SheetWriter, new_workbook

    book = new_workbook()
    names = summary.manifestation_names
    overview = SheetWriter(
        book,
        "总览",
        [
            Col("区划代码", 14, wrap=False),
            Col("乡镇（街道）", 16),
            Col("评估期", 14, wrap=False),
            *(Col(names[m], 11, NUMBER) for m in MANIFESTATIONS),
            Col("综合", 9, NUMBER),
            Col("等级", 8),
            Col("每人每月指尖工时", 11, NUMBER),
            Col("完成度", 9, PERCENT),
            Col("不适用题数", 9, INTEGER),
            Col("不适用占比", 9, PERCENT),
            Col("上期", 14, wrap=False),
            *(Col(f"{names[m]}较上期", 11, CHANGE) for m in MANIFESTATIONS),
            Col("综合较上期", 10, CHANGE),
            Col("表格标为不适用（张）", 11, INTEGER),
            Col("作答前后矛盾（处）", 11, INTEGER),
            Col("请县级核实", 40),
        ],
        fills=LEVEL_FILLS,
    )
    verify = {t.division_code: t.notes for t in summary.to_verify}
    for r in summary.rows:
        overview.append(
            [
                r.division_code,
                r.township,
                summary.period.label,
                # nothing answered leaves a score blank: 0 would read as no burden
                *(r.scores[m] for m in MANIFESTATIONS),
                r.overall if r.assessed("overall") else None,
                summary.level_labels.get(r.overall_level, "") if r.assessed("overall") else NOT_ASSESSED,
                r.fingertip_hours if r.assessed("overall") else None,
                round(r.answered / r.asked, 3) if r.asked else 0,
                *((na[0], round(na[1], 3)) if (na := _not_applicable(r)) else (None, None)),
                Period(r.previous_period).label if r.previous_period else "",
                *(r.change(m) for m in MANIFESTATIONS),
                r.change("overall"),
                r.completeness.table_not_applicable if r.completeness else None,
                r.completeness.inconsistent if r.completeness else None,
                "".join(local_wording(n, r.township) for n in verify.get(r.division_code, ())),
            ],
            fills=[None, None, None, *(r.levels[m] for m in MANIFESTATIONS), r.overall_level],
        )
    overview.close()
    figures = list(summary.figure_headers)  # a figure no township was asked has no column
    headers = {**summary.figure_headers, "townships": "涉及乡镇数"}
    departments = SheetWriter(
        book,
        "条线部门",
        [
            Col("县级部门", 22),
            Col("其他写法", 22),
            *(Col(headers[f], 9, INTEGER) for f in figures),
            Col("月耗工时", 10, NUMBER),
            Col("提请协调事项（项）", 10, INTEGER),
        ],
    )
    departments.extend(
        [
            d.name,
            "、".join(s for s in d.spellings if s != d.name),
            *(NOT_ASKED_CELL if (v := d.figure(f)) is None else v for f in figures),
            d.hours,
            d.requests,
        ]
        for d in summary.departments
    )
    departments.close()
    escalated = SheetWriter(
        book,
        "提请协调事项",
        [Col("县级部门", 20), Col("乡镇（街道）", 14), Col("问题", 50), Col("提请协调事项", 50), Col("期望时限", 12)],
    )
    attributed_first = sorted(summary.escalated.items(), key=lambda group: group[0] == UNATTRIBUTED)
    escalated.extend(
        [
            _department_cell(dept, i),
            i.township,
            as_read_anywhere(i.problem, i.township),
            as_read_anywhere(i.measure, i.township),
            i.deadline,
        ]
        for dept, items in attributed_first
        for i in items
    )
    escalated.close()
    items = SheetWriter(
        book,
        "全部整改事项",
        [
            Col("乡镇（街道）", 14),
            Col("问题", 50),
            Col("整改措施", 50),
            Col("整改方式", 12),
            Col("责任单位", 14),
            Col("责任人", 10),
            Col("整改时限", 12, wrap=False),
            Col("涉及部门", 22),
            Col("完成情况", 12),
            Col("是否采纳", 8),
        ],
    )
    items.extend(
        [
            t,
            as_read_anywhere(problem, t),  # the townships' words in the documents' numerals
            as_read_anywhere(measure, t),
            "提请县级协调" if handling == "escalate" else "本镇自行整改",
            unit,
            person,
            deadline,
            dept,
            status,
            "否" if rejected else "是",
        ]
        for t, problem, measure, handling, unit, person, deadline, dept, status, rejected in summary.plan_items
    )
    items.close()
    book.save(output)


def _date_text(day: dt.date) -> str:
    """A date as documents write it: 2026年12月5日, not 2026年12月05日."""
    return f"{day.year}年{day.month}月{day.day}日"
