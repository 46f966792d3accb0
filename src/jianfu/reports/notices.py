"""One notice per county department (督办函): what it imposes on the townships and what they ask of it.

For each department: the apps and groups it runs (how many townships, which demands: check-in,
ranking, online time, forced download), the reporting tasks it requires (how often, hours a
month), the hours its burdens cost, and the townships' requests addressed to it. One PDF each,
named after the department (sanitised), one or two pages. Requests a township said come from
"one or more of" several departments are no department's: a notice lists those naming it apart,
as possibly concerning it, and no department gets a notice for them alone.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from jianfu.core import file_names
from jianfu.core.attribution import UNKNOWN_DEPARTMENT, department_key, parse_attribution
from jianfu.reports.county import UNATTRIBUTED, CountySummary, county_voice

ROWS_SHOWN = 8  # per table: a notice stays at one or two pages; the workbook has everything
REQUESTS_SHOWN = 4
DEMANDS = (
    ("checkin", "打卡签到"),
    ("ranking", "积分排名"),
    ("online_time", "在线时长"),
    ("forced_download", "强制下载注册"),
    ("duplicate", "功能重复"),
)
ISSUER = "整治形式主义为基层减负专项工作机制办公室"
POSSIBLE_NOTE = (
    "以上事项乡镇只说明来自所列部门之一或多个，未指明具体是哪个部门，不认定为你单位造成的负担；"
    "请核实是否涉及你单位，涉及的一并整改。"
)


@dataclass
class AppLine:
    name: str
    kind: str
    townships: set[str] = field(default_factory=set)
    demands: dict[str, set[str]] = field(default_factory=dict)  # demand → townships


@dataclass
class TaskLine:
    name: str
    frequency: str
    townships: set[str] = field(default_factory=set)
    hours: float = 0.0  # per month, all townships


@dataclass
class DepartmentNotice:
    name: str
    county: str
    period_label: str
    townships: int
    hours: float
    apps: list[AppLine]
    tasks: list[TaskLine]
    requests: list[tuple[str, list[str], str]]  # problem, townships, measure asked
    # items the townships said come from one or more of several departments, this one among them,
    # without saying which: (problem, townships, the departments listed); never said to be its own
    possible: list[tuple[str, list[str], str]] = field(default_factory=list)
    # a demand's wording as the checklist asks it (v2 asks 打卡、排名或在线时长 in one column)
    demand_labels: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"关于减轻乡镇（街道）“指尖上的形式主义”负担的督办函（{self.name}）"


NOTICE_TABLES = ("apps.inventory", "filing.tasks")


def department_notices(
    summary: CountySummary,
    checklist: Any,
    table_rows: Iterable[tuple[str, str, dict[str, Any]]],
    aliases: dict[str, tuple[str, str]],
) -> list[DepartmentNotice]:
    """A notice for every department that burdens a township or is asked to act, heaviest first.

    ``table_rows`` are (township, item id, cells) of the period's app inventories and filing
    tasks (``NOTICE_TABLES``); ``aliases`` map a department key to (canonical key, name).
    """
    labels = _choice_labels(checklist)
    demand_labels = _demand_labels(checklist)

    def key_of(name: str) -> str:
        return aliases.get(department_key(name), (department_key(name), ""))[0]

    notices: dict[str, DepartmentNotice] = {}
    for d in summary.departments:
        if d.name != UNKNOWN_DEPARTMENT:
            notices[d.key] = DepartmentNotice(
                d.name, summary.county, summary.period.label, d.townships, d.hours, [], [], [], [], demand_labels
            )
    apps: dict[tuple[str, str], AppLine] = {}
    tasks: dict[tuple[str, str], TaskLine] = {}
    frequency_times = labels.get("frequency_times", {})
    for township, item_id, cells in table_rows:
        department = str(cells.get("department") or "").strip()
        key = key_of(department) if department else ""
        if key not in notices:
            continue
        name = str(cells.get("name") or "").strip() or "（未填名称）"
        if item_id == "apps.inventory":
            kind = labels.get("kind", {}).get(str(cells.get("kind") or ""), "")
            line = apps.setdefault((key, department_key(name)), AppLine(name, kind))
            line.townships.add(township)
            for demand, _ in DEMANDS:
                if cells.get(demand) is True:
                    line.demands.setdefault(demand, set()).add(township)
        else:
            choice = str(cells.get("frequency") or "")
            task = tasks.setdefault(
                (key, department_key(name)), TaskLine(name, labels.get("frequency", {}).get(choice, ""))
            )
            task.townships.add(township)
            minutes = cells.get("minutes_each")
            if isinstance(minutes, (int, float)) and minutes > 0:
                task.hours += frequency_times.get(choice, 0.0) * float(minutes) / 60
    for (key, _), app in apps.items():
        notices[key].apps.append(app)
    for (key, _), task in tasks.items():
        notices[key].tasks.append(task)
    unique = dict.fromkeys(item for items in summary.escalated.values() for item in items)
    possible: dict[str, dict[str, tuple[list[str], str]]] = {}
    for item in unique:
        listed = parse_attribution(item.department)
        for name in listed.possible:  # a department gets no notice for these alone
            towns, _ = possible.setdefault(key_of(name), {}).setdefault(
                item.rule_title or item.problem, ([], "、".join(listed.any_of))
            )
            if item.township not in towns:
                towns.append(item.township)
    for department, items in summary.escalated.items():
        if department == UNATTRIBUTED:
            continue
        key = key_of(department)
        if key not in notices:
            notices[key] = DepartmentNotice(
                department, summary.county, summary.period.label, 0, 0.0, [], [], [], [], demand_labels
            )
        grouped: dict[str, tuple[list[str], str]] = {}
        for item in items:
            towns, _ = grouped.setdefault(item.rule_title or item.problem, ([], county_ask(item.measure)))
            if item.township not in towns:
                towns.append(item.township)
        notices[key].requests += [(title, towns, measure) for title, (towns, measure) in grouped.items()]
    for key, notice in notices.items():
        notice.possible = sorted(
            ((title, towns, listed) for title, (towns, listed) in possible.get(key, {}).items()),
            key=lambda r: (-len(r[1]), r[0]),
        )
        notice.apps.sort(key=lambda a: (-len(a.townships), a.name))
        notice.tasks.sort(key=lambda t: (-t.hours, -len(t.townships), t.name))
        notice.requests.sort(key=lambda r: (-len(r[1]), r[0]))
    return sorted(notices.values(), key=lambda n: (-n.hours, -len(n.requests), n.name))


_COUNTY = r"(?:县减负办|县级主管部门|县级|县里|县)"
_ASK = re.compile(rf"(?:(?:提请|报请){_COUNTY}?|报{_COUNTY})(?:督促|协调)?(?:相关部门|主管部门)?")
_SENTENCES = re.compile(r"[^。；;]+")
GENERAL_ASK = "请研究解决。"


def county_ask(measure: str) -> str:
    """What the townships ask the department to do, worded for a county letter.

    A township's measure mixes what it does itself ("梳理本街道干部须使用的应用…") with what it
    asks the county for ("提请县级统筹整合为一个入口"); the letter keeps only the ask, and says
    乡镇 where the township wrote 本镇/本乡/本街道.
    """
    asks = []
    for sentence in _SENTENCES.findall(measure):
        for clause_start in [m for m in _ASK.finditer(sentence)][:1]:
            ask = sentence[clause_start.end() :].strip("，, ")
            if ask:
                asks.append(ask)
    if not asks:
        stated = measure.strip()
        if stated.startswith("请"):  # already worded as a request to the county
            asks = [stated[1:].rstrip("。")]
        else:
            return GENERAL_ASK
    return "请" + county_voice("；".join(dict.fromkeys(asks))) + "。"


def _choice_labels(checklist: Any) -> dict[str, dict[str, Any]]:
    """Labels of the app kinds and task frequencies, and how many times a month each frequency is."""
    result: dict[str, dict[str, Any]] = {"kind": {}, "frequency": {}, "frequency_times": {}}
    for item_id, column_id, target in (("apps.inventory", "kind", "kind"), ("filing.tasks", "frequency", "frequency")):
        if not checklist.has_item(item_id):
            continue
        column = checklist.item(item_id).column(column_id)
        for choice in getattr(column, "choices", ()) or ():
            result[target][choice.value] = choice.label
            if target == "frequency":
                result["frequency_times"][choice.value] = float(choice.numeric or 0.0)
    return result


def _demand_labels(checklist: Any) -> dict[str, str]:
    """Each app demand's wording from the inventory's own column, where the checklist has one."""
    if not checklist.has_item("apps.inventory"):
        return {}
    inventory = checklist.item("apps.inventory")
    return {d: column.label for d, _ in DEMANDS if (column := inventory.column(d)) is not None}


def safe_file_name(name: str, limit: int = 60) -> str:
    """A file name from a department name typed by anyone (see core.file_names)."""
    return file_names.safe_file_name(name, fallback="未命名部门", limit=limit)


def write_department_notices(
    notices: list[DepartmentNotice],
    directory: Path,
    write: Callable[[Path, Callable[[Path], None]], None] | None = None,
) -> list[Path]:
    """One PDF per department in ``directory``; names made unique when two sanitise alike."""
    directory.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    paths = []
    for notice in notices:
        stem = f"督办函-{safe_file_name(notice.name)}"
        candidate, n = stem, 1
        while candidate.lower() in used:
            n += 1
            candidate = f"{stem}-{n}"
        used.add(candidate.lower())
        path = directory / f"{candidate}.pdf"
        if write is None:
            write_notice_pdf(notice, path)
        else:
            write(path, lambda partial, notice=notice: write_notice_pdf(notice, partial))  # type: ignore[misc]
        paths.append(path)
    return paths


def write_notice_pdf(notice: DepartmentNotice, output: Path | BinaryIO) -> None:
    """One or two pages where the content allows: fewer requests are listed (the rest are in the
    workbook) until the notice fits on two pages, down to two requests."""
    from reportlab.platypus import LayoutError

    data = b""
    for shown in range(REQUESTS_SHOWN, 1, -1):
        buffer = io.BytesIO()
        try:
            pages = _build_notice(notice, buffer, split_rows=False, requests_shown=shown)
        except LayoutError:  # a cell taller than a page
            buffer = io.BytesIO()
            pages = _build_notice(notice, buffer, split_rows=True, requests_shown=shown)
        data = buffer.getvalue()
        if pages <= 2 or max(len(notice.requests), len(notice.possible)) <= shown - 1:
            break
    if isinstance(output, Path):
        output.write_bytes(data)
    else:
        output.write(data)


def _build_notice(notice: DepartmentNotice, output: BinaryIO, split_rows: bool, requests_shown: int) -> int:
    """Build the notice; the number of pages."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from jianfu.reports.document import GovernmentDocument, make_styles
    from jianfu.reports.fonts import register_fonts
    from jianfu.reports.layout import DATE_BLANKS, Column, blanks, fitted_widths, keep_with_table, shorten
    from jianfu.reports.text import markup

    fonts = register_fonts()
    styles = make_styles(fonts)
    doc = GovernmentDocument(output, fonts, notice.title)
    width = doc.portrait_width
    frame_height = float(doc.pagesize[1] - doc.topMargin - doc.bottomMargin)

    def p(text: str, style: Any) -> Paragraph:
        return Paragraph(markup(text, fonts, style.fontName), style)

    def table(columns: list[Column], texts: list[list[str]], centred: set[int]) -> Table:
        cell = styles.cell
        widths = fitted_widths(columns, texts, width, cell.fontName, styles.header_cell.fontName, cell.fontSize)
        rows = [[p(c.header, styles.header_cell) for c in columns]]
        rows += [[p(t, styles.cell_center if i in centred else cell) for i, t in enumerate(r)] for r in texts]
        return Table(
            rows,
            colWidths=widths,
            repeatRows=1,
            splitInRow=int(split_rows),
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP" if split_rows else "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            ),
        )

    def more(total: int, what: str) -> list[Any]:
        if total <= ROWS_SHOWN:
            return []
        return [p(f"（另有{total - ROWS_SHOWN}{what}，见县级汇总 Excel 表。）", styles.caption)]

    story: list[Any] = [
        p("督办函", styles.title),
        p(f"（{notice.county}{notice.period_label}“指尖上的形式主义”整治）", styles.subtitle),
        p(f"{notice.name}：", styles.annex_label),
    ]
    scope = (
        f"你单位主管或要求的应用、工作群和报送任务涉及{notice.townships}个乡镇（街道），"
        f"折算每月耗费基层干部约{notice.hours:.0f}小时"
        if notice.townships
        else "乡镇（街道）在自查中提请你单位协调若干事项"
    )
    story.append(
        p(
            f"根据{notice.county}各乡镇（街道）{notice.period_label}“指尖上的形式主义”自查结果，{scope}。"
            "现将有关情况函告如下，请对照研究整改，并将整改情况书面反馈。",
            styles.body,
        )
    )
    section = 0
    numerals = "一二三四五六"
    if notice.apps:
        heading = p(f"{numerals[section]}、涉及的应用和工作群", styles.heading)
        section += 1
        texts = [
            [
                shorten(a.name, 60),
                a.kind,
                str(len(a.townships)),
                "、".join(
                    f"{notice.demand_labels.get(d, label)}（{len(a.demands[d])}）"
                    for d, label in DEMANDS
                    if d in a.demands
                )
                or "—",
            ]
            for a in notice.apps[:ROWS_SHOWN]
        ]
        columns = [
            Column("名称", share=0.5),
            Column("类型", "fit", cap=6),
            Column("涉及乡镇数", "fit", cap=5),
            Column("对基层的要求（涉及乡镇数）", share=0.5),
        ]
        story += [*keep_with_table(heading, table(columns, texts, {2}), width, frame_height)]
        story += more(len(notice.apps), "个应用或工作群")
    if notice.tasks:
        heading = p(f"{numerals[section]}、涉及的报送任务", styles.heading)
        section += 1
        texts = [
            [shorten(t.name, 60), t.frequency or "—", str(len(t.townships)), f"{t.hours:.1f}"]
            for t in notice.tasks[:ROWS_SHOWN]
        ]
        columns = [
            Column("报送任务", share=1.0),
            Column("频率", "fit", cap=6),
            Column("涉及乡镇数", "fit", cap=5),
            Column("每次用时折合每月小时", "fit", cap=6),
        ]
        story += [Spacer(1, 2 * mm), *keep_with_table(heading, table(columns, texts, {1, 2, 3}), width, frame_height)]
        story += more(len(notice.tasks), "项报送任务")
    if notice.requests:
        heading = p(f"{numerals[section]}、乡镇提请你单位协调的事项", styles.heading)
        section += 1
        texts = [
            [shorten(title, 60), _towns(towns), str(len(towns)), shorten(measure, 100)]
            for title, towns, measure in notice.requests[:requests_shown]
        ]
        columns = [
            Column("问题", share=0.27),
            Column("提出的乡镇（街道）", share=0.23),
            Column("乡镇数", "fit", cap=4),
            Column("提请协调事项", share=0.5),
        ]
        story += [Spacer(1, 2 * mm), *keep_with_table(heading, table(columns, texts, {2}), width, frame_height)]
        if len(notice.requests) > requests_shown:
            story.append(p(f"（另有{len(notice.requests) - requests_shown}项，见县级汇总 Excel 表。）", styles.caption))
    if notice.possible:
        heading = p(f"{numerals[section]}、可能涉及你单位的事项（乡镇未指明具体部门）", styles.heading)
        section += 1
        texts = [
            [shorten(title, 60), _towns(towns), str(len(towns)), shorten(listed, 100)]
            for title, towns, listed in notice.possible[:requests_shown]
        ]
        columns = [
            Column("问题", share=0.35),
            Column("提出的乡镇（街道）", share=0.25),
            Column("乡镇数", "fit", cap=4),
            Column("乡镇列出的部门", share=0.4),
        ]
        story += [
            Spacer(1, 2 * mm),
            *keep_with_table(heading, table(columns, texts, {2}), width, frame_height),
            p(POSSIBLE_NOTE, styles.caption),
        ]
        if len(notice.possible) > requests_shown:
            story.append(p(f"（另有{len(notice.possible) - requests_shown}项，见县级汇总 Excel 表。）", styles.caption))
    closing = [
        p(f"{numerals[section]}、整改要求", styles.heading),
        p(
            "请逐项研究：能取消的取消，能整合的整合，同一数据只报一次、纳入“一张表”；确需保留的应用和工作群，"
            "不得要求乡镇干部打卡签到、积分排名、在线时长和强制下载注册，不得以留痕多少评价工作。"
            "整改情况请于　　年　　月　　日前书面反馈，县里将在下一评估期复查。",
            styles.body,
        ),
        Spacer(1, 7 * mm),
        p(f"{notice.county}{ISSUER}（盖章）", styles.right),
        blanks(DATE_BLANKS, styles.body.fontName, styles.body.fontSize),
    ]
    # The seal stays with the last paragraph: never alone on a page.
    story += [Spacer(1, 2 * mm), KeepTogether(closing)]
    doc.build(story)
    return int(doc.page)


def _towns(towns: list[str], shown: int = 5) -> str:
    return "、".join(towns[:shown]) + (f"等{len(towns)}个" if len(towns) > shown else "")
