"""The county's 应报乡镇名单 (townships expected to report): a text or CSV file the inspector
loads, one "division code, name" a line. Read with the care of any file from outside: a size
limit, the encodings Excel and Notepad write on Chinese Windows (UTF-8 with or without a byte
order mark, GBK), and every name checked as a file's township name is, so that the summary PDF
and workbook print it."""

from __future__ import annotations

import re
from pathlib import Path

from jianfu.core.errors import JianfuError, read_reason
from jianfu.core.limits import MAX_NAME_LENGTH, text_problem

MAX_LIST_BYTES = 1024 * 1024  # a county has tens of townships; a prefecture a few thousand lines
_CODE = re.compile(r"[0-9]{12}")  # ASCII digits: str.isdigit() also takes full-width and other scripts' digits


def read_township_list(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """(townships, lines not understood) of the list at ``path``; JianfuError, in Chinese, when it
    cannot be read at all."""
    try:
        size = path.stat().st_size
        if size > MAX_LIST_BYTES:
            raise JianfuError(
                f"乡镇名单 {path} 过大（{size // 1024} KB，上限 {MAX_LIST_BYTES // 1024} KB），不是乡镇名单。"
                "请选择每行“区划代码,名称”的文本或 CSV 文件。"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise JianfuError(f"无法读取乡镇名单 {path}（{read_reason(exc)}）。") from exc
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on Chinese Windows saves CSV as GBK
        try:
            return parse_township_list(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise JianfuError(f"乡镇名单 {path} 不是 UTF-8 或 GBK 编码的文本。请在 Excel 中另存为“CSV UTF-8”后再载入。")


def parse_township_list(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Lines of "division code, name" (comma, tab or spaces); returns (townships, bad lines)."""
    townships, bad = [], []
    for line in text.splitlines():
        parts = [p.strip() for p in line.replace("，", ",").replace("\t", ",").split(",") if p.strip()]
        if len(parts) == 1 and " " in parts[0]:
            parts = parts[0].split(None, 1)
        if not parts:
            continue
        if (
            len(parts) >= 2
            and _CODE.fullmatch(parts[0])
            and len(parts[1]) <= MAX_NAME_LENGTH
            and text_problem(parts[1]) is None
        ):
            townships.append((parts[0], parts[1]))
        else:
            bad.append(line[:80])
    return townships, bad
