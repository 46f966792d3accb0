"""``jianfu verify FILE…``: who signed each file, checked in full, and — with ``--db`` — whether
the county knows that key for that township."""

from __future__ import annotations

import argparse
from pathlib import Path

from jianfu.cli.argparse_zh import ChineseArgumentParser
from jianfu.cli.each_file import EXIT_OK, report_each_file
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import AssessmentFile
from jianfu.exchange.file_flags import FLAG_UNSIGNED, describe_flags, file_flags
from jianfu.exchange.signing import b64, installation_fingerprint
from jianfu.paths import data_dir
from jianfu.services.county import known_signing_keys


def add_parser(commands: argparse._SubParsersAction[ChineseArgumentParser]) -> None:
    verify = commands.add_parser(
        "verify",
        help="查看自查文件由谁签名",
        description="完整检查每个 .jianfu 文件，并列出签名密钥的指纹和序号。签名只证明文件来自哪台电脑上的减负助手、"
        "导出后未被改动，不证明其中的回答属实。给出 --db 时，同时核对县级数据库中该乡镇已登记的密钥。"
        "不给文件时显示本机的密钥指纹（供电话核对）。",
        epilog="示例：jianfu verify 收到的文件/柳河镇-2026-Q4.jianfu --db 县级汇总.sqlite3",
    )
    verify.add_argument("files", metavar="FILE", type=Path, nargs="*", help="要查看签名的 .jianfu 自查文件，可给多个")
    verify.add_argument("--db", dest="county_db", metavar="DB", type=Path, help="县级数据库（只读取，不改动）")


def run(options: argparse.Namespace, library: ChecklistLibrary) -> int:
    if not options.files:
        print(f"本机的签名密钥指纹：{installation_fingerprint(data_dir())}")
        return EXIT_OK
    known = known_signing_keys(options.county_db) if options.county_db else None
    return report_each_file(options.files, library, lambda content: describe(content, known))


def describe(content: AssessmentFile, known: dict[str, str] | None) -> str:
    a = content.assessment
    who = f"{a.township.county}{a.township.name}（{a.township.division_code}）{a.period.label}"
    flags = [f for f in file_flags(content) if f != FLAG_UNSIGNED]
    extra = f"；注意：{describe_flags(flags)}" if flags else ""
    signature = content.signature
    if signature is None:
        return f"未签名（文件格式第 1 版）— {who}{extra}"
    text = f"签名有效 — {who}，密钥指纹 {signature.fingerprint}，序号 {signature.sequence}"
    if known is not None:
        bound = known.get(a.township.division_code)
        if bound is None:
            text += "；县级尚未登记该乡镇的密钥（首次导入时登记）"
        elif bound == b64(signature.public_key):
            text += "；与县级登记的密钥一致"
        else:
            text += "；与县级登记的密钥不同，导入后将待确认"
    return text + extra
