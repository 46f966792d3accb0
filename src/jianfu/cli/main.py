"""``jianfu``: with no arguments the desktop application, otherwise a command.

Exit status: 0 success; 2 an input was rejected (the message names the file and the reason,
in Chinese); 1 anything else.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jianfu import __version__
from jianfu.cli.argparse_zh import ChineseArgumentParser, chinese_argparse
from jianfu.core.errors import JianfuError, write_error
from jianfu.paths import resources_dir

if TYPE_CHECKING:  # the commands' modules are imported when run: the window must start fast
    from jianfu.core.assessment import Assessment
    from jianfu.core.follow_up import FollowUp
    from jianfu.core.library import ChecklistLibrary

EXIT_OK, EXIT_FAILURE, EXIT_REJECTED = 0, 1, 2
COUNTY_DB = "县级数据库文件（由 jianfu import 或县级汇总窗口建立）"
COUNTY_DB_NEW = "县级数据库文件（不存在时新建）"


def build_parser() -> argparse.ArgumentParser:
    """Build inside ``chinese_argparse()`` so that argparse's own help strings are Chinese."""
    parser = ChineseArgumentParser(
        prog="jianfu",
        description="基层“指尖减负”自查助手。不带参数运行时打开桌面程序。",
        epilog="示例：jianfu demo 示例县 && jianfu score 示例县/柳河镇-2026-Q4.jianfu --json",
    )
    parser.add_argument("--version", action="version", version=f"jianfu {__version__}", help="显示版本号并退出")
    parser.add_argument(
        "--db",
        metavar="DB",
        type=Path,
        help="桌面程序使用的数据库文件（默认在用户数据目录，或 $JIANFU_HOME）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")

    demo = commands.add_parser(
        "demo",
        help="生成示例县的自查文件",
        description="在目录 DIR 中为示例县的每个乡镇（街道）写一个 .jianfu 自查文件。",
        epilog="示例：jianfu demo ./示例县",
    )
    demo.add_argument("directory", metavar="DIR", type=Path, help="写入示例文件的目录（不存在时新建）")

    validate = commands.add_parser(
        "validate",
        help="检查自查文件是否有效",
        description="逐个检查 .jianfu 文件，每个文件输出一行：有效，或无效的原因。",
        epilog="示例：jianfu validate 示例县/*.jianfu",
    )
    validate.add_argument("files", metavar="FILE", type=Path, nargs="+", help="要检查的 .jianfu 自查文件，可给多个")

    score = commands.add_parser(
        "score",
        help="计算四种表现的得分",
        description="用文件作答时的清单版本重新计算四种表现的得分和等级（0–100，越高负担越重）。",
        epilog="示例：jianfu score 示例县/柳河镇-2026-Q4.jianfu --json",
    )
    score.add_argument("file", metavar="FILE", type=Path, help="要计分的 .jianfu 自查文件")
    score.add_argument("--json", action="store_true", help="以 JSON 输出")

    report = commands.add_parser(
        "report",
        help="打印整改方案（PDF 或可编辑的 Word 文档）",
        description="把自查文件中的整改方案排成公文格式的 PDF 或 .docx（Word/WPS 可编辑）：基本情况、得分、"
        "主要问题、整改措施和落款，附件为整改任务清单和提请县级协调事项。",
        epilog="示例：jianfu report 示例县/柳河镇-2026-Q4.jianfu -o 柳河镇整改方案.docx\n"
        "　　　jianfu report 柳河镇-2026-Q4.jianfu --previous 柳河镇-2026-Q3.jianfu -o 柳河镇整改方案.pdf",
    )
    report.add_argument("file", metavar="FILE", type=Path, help="本期的 .jianfu 自查文件")
    report.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf|OUT.docx",
        type=Path,
        required=True,
        help="输出文件：.pdf 或 .docx（按扩展名）",
    )
    report.add_argument(
        "--previous",
        metavar="FILE",
        type=Path,
        help="本乡镇上一期的自查文件：方案在每项下注出上期完成情况和时限，并列出本期不再列入的上期事项",
    )

    imports = commands.add_parser(
        "import",
        help="把乡镇自查文件导入县级数据库",
        description="逐个检查并导入 .jianfu 文件（可给文件夹）：同一文件重复导入不变；同一乡镇同一期较新的文件替换"
        "较旧的，较旧的留在历史中；无效文件列出原因，不改动数据库。有文件被拒收时退出码为 2。",
        epilog="示例：jianfu import --db 县级汇总.sqlite3 收到的文件/",
    )
    imports.add_argument("--db", dest="county_db", metavar="DB", type=Path, required=True, help=COUNTY_DB_NEW)
    imports.add_argument(
        "paths", metavar="PATH", type=Path, nargs="+", help="乡镇报来的 .jianfu 文件或存放它们的文件夹，可给多个"
    )

    county = commands.add_parser(
        "county",
        help="输出县级汇总（PDF 或 Excel）",
        description="按评估期输出全县汇总：各乡镇得分、条线部门归因、共性问题、提请县级协调事项。",
        epilog="示例：jianfu county --db 县级汇总.sqlite3 -o 县级汇总.xlsx --period 2026-Q4\n"
        "　　　jianfu county --db 县级汇总.sqlite3 --departments -o 督办函/",
    )
    county.add_argument("--db", dest="county_db", metavar="DB", type=Path, required=True, help=COUNTY_DB)
    county.add_argument(
        "-o",
        "--output",
        metavar="OUT.pdf|OUT.xlsx|DIR",
        type=Path,
        required=True,
        help="输出文件：.pdf 为汇总报告，.xlsx 为 Excel 工作簿；与 --departments 同用时为目录",
    )
    county.add_argument("--departments", action="store_true", help="为每个县级部门生成一份督办函（PDF），写入目录 DIR")
    county.add_argument("--period", metavar="PERIOD", help="评估期，如 2026-Q4（默认最新一期）")

    catalogue = commands.add_parser(
        "catalogue",
        help="从县级数据库导出平台目录",
        description="汇总已导入乡镇填报的政务应用、平台和工作群（名称、类型、主管部门、层级），写成平台目录文件，"
        "供乡镇在应用清单中直接勾选。",
        epilog="示例：jianfu catalogue --db 县级汇总.sqlite3 -o 云溪县平台目录.jianfu-catalogue",
    )
    catalogue.add_argument("--db", dest="county_db", metavar="DB", type=Path, required=True, help=COUNTY_DB)
    catalogue.add_argument(
        "-o", "--output", metavar="OUT.jianfu-catalogue", type=Path, required=True, help="要写入的平台目录文件"
    )
    from jianfu.cli import verify

    verify.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if not args:
        return _run_gui(None)
    if len(args) == 1 and args[0].lower().endswith(".jianfu") and not args[0].startswith("-"):
        return _run_gui(None, Path(args[0]))  # a double-clicked assessment file
    with chinese_argparse():
        options = build_parser().parse_args(args)
    if options.command is None:
        return _run_gui(options.db)
    _utf8_output()
    from jianfu.cli import verify
    from jianfu.core.library import ChecklistLibrary

    library = ChecklistLibrary(resources_dir() / "checklists")
    try:
        handler = {
            "demo": _demo,
            "validate": _validate,
            "score": _score,
            "report": _report,
            "import": _import,
            "county": _county,
            "catalogue": _catalogue,
            "verify": verify.run,
        }[options.command]
        return handler(options, library)
    except JianfuError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:  # Ctrl-C: no traceback; an import keeps the files done before it
        print(
            "\n已中断（Ctrl+C），命令没有做完。导入时，中断前已处理完的文件都已保存，再导入一次同样的文件即可补全。",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _run_gui(database: Path | None, open_file: Path | None = None) -> int:
    import gc

    # Python's cycle collector would run ~50 times while Qt and the window's modules load (~2.5 ms
    # before the first paint) and find next to nothing: it is turned on again after that paint.
    gc.disable()
    from jianfu.ui.app import run

    return run(database, open_file)


def _demo(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.exchange.demo import write_demo

    written = write_demo(options.directory, library)
    for path in written:
        print(path)
    print(f"已生成 {len(written)} 个自查文件。")
    return EXIT_OK


def _validate(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.cli.each_file import report_each_file
    from jianfu.exchange.assessment_file import AssessmentFile

    def describe(content: AssessmentFile) -> str:
        a = content.assessment
        title = library.get(a.checklist_id, a.checklist_version).title  # read: the version is known
        text = f"有效 — {a.township.county}{a.township.name} {a.period.label}，《{title}》第{a.checklist_version}版"
        if content.unconfirmed:  # valid as a file, but not yet this period's answers
            text += f"；注意：{content.unconfirmed} 项沿用上期的回答未确认，自查未完成，不评定等级"
        return text

    return report_each_file(options.files, library, describe)


def _score(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.core.assessed import NOT_ASSESSED, scores_json
    from jianfu.core.carry import carry_assessment
    from jianfu.core.scoring import raised_note, score_assessment
    from jianfu.exchange.assessment_file import read_assessment_file

    content = read_assessment_file(options.file, library)
    assessment = carry_assessment(library, content.assessment)  # an older version: scored as now
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    if options.json:
        print(json.dumps(scores_json(result), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{assessment.township.county}{assessment.township.name} {assessment.period.label}")
    for m in result.manifestations.values():  # nothing answered is no score of 0 (core.assessed)
        print(f"  {m.name}：{m.score:5.1f} 分  {m.level_label}" if m.assessed else f"  {m.name}：{NOT_ASSESSED}")
    if result.assessed:
        print(f"  综合：{result.overall:5.1f} 分  {result.overall_level_label}")
        hours = result.fingertip_hours_per_cadre_month
        print(
            f"  每名干部每月“指尖工时”：合计{hours:.1f}小时，超过全部工作时间，不可能都属实，待核对"
            if result.hours_implausible
            else f"  每名干部每月“指尖工时”：{hours:.1f} 小时"
        )
        if note := raised_note(result):
            print(f"  {note}")
    else:
        print(f"  综合：{NOT_ASSESSED}")
    print(f"  完成度：{result.completeness.summary()}" + ("" if result.complete else "（未完成，不评定等级）"))
    for reason in result.completeness.incomplete_reasons():
        print(f"  未完成原因：{reason}")
    answered_on = content.assessment.checklist_version
    if answered_on != checklist.version:  # the county's ruler: the township saw other numbers
        print(
            f"  计分版本：按第{checklist.version}版清单计分（本文件作答于第{answered_on}版），"
            f"与县级汇总一致；乡镇当时看到的分数按第{answered_on}版计算，可能不同。"
        )
    return EXIT_OK


def _report(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from dataclasses import replace

    from jianfu.core.carry import carry_assessment
    from jianfu.core.plan import rederive_departments
    from jianfu.core.scoring import score_assessment
    from jianfu.exchange.assessment_file import read_assessment_file
    from jianfu.reports.rectification import build_rectification_pdf

    assessment = carry_assessment(library, read_assessment_file(options.file, library).assessment)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    result = score_assessment(checklist, assessment.answers)
    # a file drafted before: no department named where the township did not name one
    plan = rederive_departments(assessment.plan, result, checklist.plan_min_intensity)
    assessment = replace(assessment, plan=plan)
    output: Path = options.output
    if output.suffix.lower() not in (".pdf", ".docx"):
        raise JianfuError(f"输出文件 {output} 应以 .pdf 或 .docx 结尾。")
    follow_up = _follow_up(options.previous, assessment, library) if options.previous else None
    if output.suffix.lower() == ".docx":
        from jianfu.reports.plan_docx import build_rectification_docx as build
    else:
        build = build_rectification_pdf
    _write_whole(output, lambda partial: build(assessment, checklist, result, partial, follow_up=follow_up))
    print(f"已生成整改方案：{output}")
    return EXIT_OK


def _follow_up(path: Path, assessment: Assessment, library: ChecklistLibrary) -> FollowUp:
    """Last period's plan from the township's previous file, as the wizard reads it from its database."""
    from jianfu.core.follow_up import follow_up_day, last_period_follow_up, not_previous_reason
    from jianfu.exchange.assessment_file import AssessmentFileError, read_assessment_file

    try:
        previous = read_assessment_file(path, library).assessment
    except AssessmentFileError as exc:
        raise JianfuError(f"--previous 给出的{exc}") from exc
    reason = not_previous_reason(assessment, previous)
    if reason is not None:
        raise JianfuError(f"上期文件 {path} 不能用：{reason}。请用 --previous 指定本乡镇上一期导出的 .jianfu 文件。")
    return last_period_follow_up(previous, follow_up_day(assessment, dt.date.today()))


def _refuse_new_county_at_township_place(database: Path) -> None:
    """A county database made where the desktop program keeps the township's own: the program
    would then refuse to open there (another kind of database), with no way to the county window."""
    from jianfu.paths import default_database_path

    township = default_database_path()
    if not database.exists() and database.resolve() == township.resolve():
        raise JianfuError(
            f"{database} 是本机桌面程序存放本镇自查的位置，不能在这里新建县级汇总数据库。"
            "请换一个文件名或位置，例如 --db 县级汇总.sqlite3。"
        )


def _import(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.services.county import CountyService
    from jianfu.services.county_import import gather

    _refuse_new_county_at_township_place(options.county_db)
    collected = gather(options.paths)
    for path, reason in collected.problems:
        print(f"跳过 {path}：{reason}")
    if not collected.files:
        where = "、".join(str(p) for p in options.paths)
        if not any(p.exists() for p in options.paths):  # nothing there to look in: not "0 files in it"
            raise JianfuError(f"{where} 不存在，没有导入任何内容。请检查路径是否写对。")
        raise JianfuError(f"在 {where} 中找到 0 个 .jianfu 文件，没有导入任何内容。请检查文件夹是否选对。")
    with CountyService.open(options.county_db, library) as county:
        summary = county.import_files(collected.files, _progress_bar)
    if sys.stderr.isatty():
        print(file=sys.stderr)  # the bar's line ends
    for path, reason in summary.rejected:
        print(f"拒收 {path}：{reason}")
    for path in summary.held:
        print(f"待确认 {path}：签名密钥与该乡镇已登记的不同或未签名，未采用（在县级窗口“签名与待确认”中核实）")
    for path in summary.older:
        print(f"较旧未采用 {path}：签名序号不比已导入的新")
    for path, note in summary.notes:
        print(f"注意 {path}：{note}")
    print(summary.describe())
    return EXIT_REJECTED if summary.rejected or collected.problems else EXIT_OK


def _progress_bar(done: int, total: int) -> None:
    """A bar redrawn in place on a terminal; into a log or a pipe, the start and the end as lines
    of their own (a "\r" there ran them into one line)."""
    if not sys.stderr.isatty():
        if done in (0, total):
            print(f"导入进度：{done}/{total}", file=sys.stderr, flush=True)
        return
    width = 30
    filled = width * done // total if total else width
    print(f"\r导入进度 [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end="", file=sys.stderr, flush=True)


def _county(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.core.assessment import Period
    from jianfu.reports.county import write_county_pdf, write_county_workbook
    from jianfu.services.county import CountyService

    output: Path = options.output
    suffix = output.suffix.lower()
    if options.departments:
        if output.exists() and not output.is_dir():
            raise JianfuError(f"{output} 不是目录：--departments 把每个部门的督办函写入一个目录。")
    elif suffix not in (".pdf", ".xlsx"):
        raise JianfuError(f"输出文件 {output} 应以 .pdf 或 .xlsx 结尾。")
    with CountyService.open(options.county_db, library, must_exist=True) as county:
        summary = county.summary(Period(options.period) if options.period else None)
        notices = county.department_notices(summary) if options.departments else []
    if options.departments:
        from jianfu.reports.notices import write_department_notices

        try:
            paths = write_department_notices(notices, output, _write_whole)
        except OSError as exc:
            raise write_error(exc.filename or output, exc) from exc
        print(f"已生成 {len(paths)} 份部门督办函：{output}")
        return EXIT_OK
    writer = write_county_pdf if suffix == ".pdf" else write_county_workbook
    _write_whole(output, lambda partial: writer(summary, partial))
    print(f"已生成县级汇总：{output}")
    return EXIT_OK


def _catalogue(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    from jianfu.exchange.catalogue import write_catalogue
    from jianfu.services.county import CountyService

    with CountyService.open(options.county_db, library, must_exist=True) as county:
        catalogue = county.catalogue()
    try:
        write_catalogue(options.output, catalogue)
    except OSError as exc:
        raise write_error(options.output, exc) from exc
    print(f"已导出平台目录（{len(catalogue.entries)} 项）：{options.output}")
    return EXIT_OK


def _write_whole(output: Path, write: Callable[[Any], object]) -> None:
    """Build the document in memory, write it beside ``output`` and rename: a failed or
    interrupted write never leaves half a file, and a place that cannot be written fails in
    plain file calls (a writer streaming into it, like openpyxl, would print its own tracebacks)."""
    if output.is_dir():
        example = output / f"新文件{output.suffix}"
        raise JianfuError(f"无法写入 {output}：这是一个文件夹，不是文件。请在后面写上文件名，例如 {example}。")
    if not output.parent.is_dir():
        raise JianfuError(f"无法写入 {output}：文件夹 {output.parent} 不存在。请先建立这个文件夹，或换一个保存位置。")
    buffer = io.BytesIO()
    write(buffer)
    partial = output.with_name(output.name + ".part")
    try:
        partial.write_bytes(buffer.getvalue())
        partial.replace(output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise write_error(output, exc) from exc


def _utf8_output() -> None:
    # Windows consoles default to a legacy code page; Chinese must not crash the output.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
