"""The county summary (县级汇总): a PDF in the plan's document style, and an Excel workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from jianfu.core.assessment import Period
from jianfu.core.county import MANIFESTATIONS, DepartmentRow, EscalatedItem, OverviewRow

LEVEL_FILLS = {"low": "E8F5E9", "moderate": "FFF8E1", "high": "FFE0B2", "severe": "FFCDD2", "incomplete": "EEEEEE"}


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

    @property
    def title(self) -> str:
        return f"{self.county}{self.period.label}“指尖上的形式主义”整治情况汇总"

    def average(self, manifestation: str) -> float:
        values = [r.overall if manifestation == "overall" else r.scores[manifestation] for r in self.rows]
        return round(sum(values) / len(values), 1) if values else 0.0


# ------------------------------------------------------------------------------------- PDF


def write_county_pdf(summary: CountySummary, output: Path | BinaryIO) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle

    from jianfu.reports.document import LANDSCAPE, GovernmentDocument, make_styles
    from jianfu.reports.fonts import register_fonts
    from jianfu.reports.radar import radar
    from jianfu.reports.text import markup

    fonts = register_fonts()
    styles = make_styles(fonts)
    target = str(output) if isinstance(output, Path) else output
    doc = GovernmentDocument(target, fonts, summary.title)

    def p(text: str, style: Any) -> Paragraph:
        return Paragraph(markup(text, fonts, style.fontName), style)

    def grid(header_rows: int = 1) -> TableStyle:
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#EDEDED")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )

    def table(rows: list[list[str]], shares: list[float], width: float, centre_from: int = 1) -> Table:
        cells = [[p(h, styles.header_cell) for h in rows[0]]]
        cells += [
            [p(text, styles.cell if i < centre_from else styles.cell_center) for i, text in enumerate(row)]
            for row in rows[1:]
        ]
        return Table(cells, colWidths=[width * s for s in shares], repeatRows=1, style=grid())

    names = summary.manifestation_names
    rows = summary.rows
    story: list[Any] = [
        Paragraph(
            "<br/>".join(
                markup(t, fonts, styles.title.fontName)
                for t in (f"{summary.county}{summary.period.label}", "“指尖上的形式主义”整治情况汇总")
            ),
            styles.title,
        ),
        p(f"（共收到{len(rows)}个乡镇（街道）的自查文件）", styles.subtitle),
        p("一、总体情况", styles.heading),
    ]
    averages = {m: summary.average(m) for m in MANIFESTATIONS}
    heaviest = max(MANIFESTATIONS, key=lambda m: averages[m]) if rows else MANIFESTATIONS[0]
    hours = sum(r.fingertip_hours for r in rows) / len(rows) if rows else 0.0
    text = (
        f"本期共有{len(rows)}个乡镇（街道）报送自查文件。全县四种表现平均得分："
        + "，".join(f"{names[m]}{averages[m]:.1f}分" for m in MANIFESTATIONS)
        + f"；其中{names[heaviest]}最为突出。每名干部每月用于“指尖”事务平均约{hours:.1f}小时。"
    )
    if summary.missing:
        text += f"尚未报送的有：{'、'.join(name for _, name in summary.missing)}。"
    story.append(p(text, styles.body))
    width = doc.portrait_width
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

    story += [
        NextPageTemplate(LANDSCAPE),
        PageBreak(),
        p("二、各乡镇负担情况", styles.heading),
        p("按区划代码排列，不作排名；有上期数据的注明较上期的变化（负数为减轻）。", styles.body),
    ]
    wide = doc.landscape_width
    header = ["乡镇（街道）", *(names[m] for m in MANIFESTATIONS), "综合", "每人每月指尖工时", "完成度"]
    body = [header]
    fills = []
    for index, row in enumerate(rows, start=1):
        cells = [row.township]
        for column, m in enumerate(MANIFESTATIONS, start=1):
            change = row.change(m)
            cells.append(
                f"{row.scores[m]:.1f} {summary.level_labels.get(row.levels[m], '')}"
                + (f"\n较上期{change:+.1f}" if change is not None else "")
            )
            fills.append(
                (
                    "BACKGROUND",
                    (column, index),
                    (column, index),
                    colors.HexColor("#" + LEVEL_FILLS.get(row.levels[m], "FFFFFF")),
                )
            )
        cells += [
            f"{row.overall:.1f}",
            f"{row.fingertip_hours:.1f}",
            f"{round(100 * row.answered / row.asked) if row.asked else 0}%",
        ]
        body.append(cells)
    overview = table(body, [0.14, 0.15, 0.15, 0.15, 0.15, 0.08, 0.10, 0.08], wide)
    overview.setStyle(TableStyle(fills))
    story.append(overview)

    story += [
        CondPageBreak(50 * mm),
        Spacer(1, 4 * mm),
        p("三、条线部门归因", styles.group_heading),
        p(
            "下表列出各县级部门的应用、工作群和报表给多少个乡镇带来负担，以及每月耗费的工时合计，供县里逐个部门督促整改。",
            styles.body,
        ),
    ]
    dept_rows = [
        ["县级部门", "涉及乡镇", "应用/群", "打卡", "排名", "在线时长", "强制下载", "报表任务", "重复报送", "月耗工时"]
    ]
    dept_rows += [[d.name, *map(str, d.figures()), f"{d.hours:.0f}"] for d in summary.departments]
    story.append(table(dept_rows, [0.19, 0.08, 0.08, 0.07, 0.07, 0.09, 0.09, 0.09, 0.09, 0.15], wide))

    story += [CondPageBreak(50 * mm), Spacer(1, 4 * mm), p("四、共性问题", styles.group_heading)]
    problem_rows = [["问题", "涉及乡镇数"]] + [[title, str(n)] for title, n in summary.common_problems[:20]]
    story.append(table(problem_rows, [0.8, 0.2], wide))

    story += [
        CondPageBreak(50 * mm),
        Spacer(1, 4 * mm),
        p("五、各乡镇提请县级协调事项", styles.group_heading),
        p("按部门汇总同类事项及提出的乡镇；逐条明细见 Excel 汇总表“提请协调事项”。", styles.body),
    ]
    if not summary.escalated:
        story.append(p("本期没有乡镇提请县级协调的事项。", styles.body))
    for number, (department, grouped) in enumerate(_escalations_by_problem(summary), start=1):
        story += [CondPageBreak(30 * mm), p(f"（{number}）{department}", styles.group_heading)]
        item_rows = [["问题", "提出的乡镇（街道）", "乡镇数", "提请协调事项"]]
        item_rows += [[title, "、".join(towns), str(len(towns)), measure] for title, towns, measure in grouped]
        story.append(table(item_rows, [0.22, 0.30, 0.08, 0.40], wide, centre_from=2))
    story += [Spacer(1, 10 * mm), p(f"汇总日期：{dt.date.today():%Y年%m月%d日}", styles.right)]
    doc.build(story)


def _escalations_by_problem(summary: CountySummary) -> list[tuple[str, list[tuple[str, list[str], str]]]]:
    """Per department: (problem, townships raising it, measure asked), the commonest first."""
    result = []
    for department, items in summary.escalated.items():
        groups: dict[str, tuple[list[str], str]] = {}
        for item in items:
            title = item.rule_title or item.problem
            towns, _ = groups.setdefault(title, ([], item.measure))
            if item.township not in towns:
                towns.append(item.township)
        ordered = sorted(groups.items(), key=lambda g: -len(g[1][0]))
        label = "综合事项（未指明部门，由县减负办统筹）" if department == "（未注明部门）" else department
        result.append((label, [(title, towns, measure) for title, (towns, measure) in ordered]))
    return result


# ----------------------------------------------------------------------------------- Excel


def write_county_workbook(summary: CountySummary, output: Path | BinaryIO) -> None:
    """Sheets 总览, 条线部门, 提请协调事项, 全部整改事项: plain cells that WPS and Excel both open."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: list[list[Any]], widths: list[int], first: bool = False) -> Any:
        ws = book.active if first else book.create_sheet()
        ws.title = title
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor="EDEDED")
        for row in rows:
            ws.append(row)
        for index, width in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + index)].width = width
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        return ws

    names = summary.manifestation_names
    overview = sheet(
        "总览",
        [
            "区划代码",
            "乡镇（街道）",
            "评估期",
            *(names[m] for m in MANIFESTATIONS),
            "综合",
            "等级",
            "每人每月指尖工时",
            "完成度",
            "上期",
            *(f"{names[m]}较上期" for m in MANIFESTATIONS),
        ],
        [
            [
                r.division_code,
                r.township,
                summary.period.label,
                *(r.scores[m] for m in MANIFESTATIONS),
                r.overall,
                summary.level_labels.get(r.overall_level, ""),
                r.fingertip_hours,
                round(r.answered / r.asked, 3) if r.asked else 0,
                Period(r.previous_period).label if r.previous_period else "",
                *(r.change(m) for m in MANIFESTATIONS),
            ]
            for r in summary.rows
        ],
        [14, 14, 14, 12, 12, 12, 12, 8, 8, 14, 8, 14, 12, 12, 12, 12],
        first=True,
    )
    for index, r in enumerate(summary.rows, start=2):
        for column, m in enumerate(MANIFESTATIONS, start=4):
            overview.cell(index, column).fill = PatternFill("solid", fgColor=LEVEL_FILLS.get(r.levels[m], "FFFFFF"))
    sheet(
        "条线部门",
        [
            "县级部门",
            "其他写法",
            "涉及乡镇数",
            "应用/群",
            "打卡",
            "排名",
            "在线时长",
            "强制下载",
            "报表任务",
            "重复报送",
            "月耗工时",
        ],
        [
            [d.name, "、".join(s for s in d.spellings if s != d.name), *d.figures(), d.hours]
            for d in summary.departments
        ],
        [22, 22, 10, 9, 7, 7, 9, 9, 9, 9, 10],
    )
    sheet(
        "提请协调事项",
        ["县级部门", "乡镇（街道）", "问题", "提请协调事项", "期望时限"],
        [
            [dept, i.township, i.problem, i.measure, i.deadline]
            for dept, items in summary.escalated.items()
            for i in items
        ],
        [20, 12, 50, 50, 12],
    )
    sheet(
        "全部整改事项",
        [
            "乡镇（街道）",
            "问题",
            "整改措施",
            "整改方式",
            "责任单位",
            "责任人",
            "整改时限",
            "涉及部门",
            "完成情况",
            "是否采纳",
        ],
        [
            [
                t,
                problem,
                measure,
                "提请县级协调" if handling == "escalate" else "本镇自行整改",
                unit,
                person,
                deadline,
                dept,
                status,
                "否" if rejected else "是",
            ]
            for t, problem, measure, handling, unit, person, deadline, dept, status, rejected in summary.plan_items
        ],
        [12, 50, 50, 14, 14, 10, 12, 24, 12, 8],
    )
    book.save(output)
