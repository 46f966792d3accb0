"""argparse in Chinese: its usage line, help headings and error messages.

argparse looks its strings up through ``gettext`` at call time via the module globals ``_`` and
``ngettext``; while our parser runs they point at this table instead (no .mo file needed, and
nothing else in the process is affected afterwards). ``ChineseArgumentParser`` ends the help's
section headings with a full-width colon (参数：), which argparse writes as a literal ":".
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",  # Python 3.9 and earlier
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s（用 -h 查看用法）\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)r 这个选项（可选：%(choices)s）",
    "expected one argument": "后面需要一个值",
    "expected at least one argument": "后面至少需要一个值",
    "expected at most one argument": "后面最多一个值",
    "ignored explicit argument %r": "不接受值 %r",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "unexpected option string: %s": "意外的选项 %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令 %(parser_name)r（可用：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
}
PLURALS = {"expected %s argument": "后面需要 %s 个值"}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, count: int) -> str:
    if singular in PLURALS:
        return PLURALS[singular]
    return singular if count == 1 else plural


@contextmanager
def chinese_argparse() -> Iterator[None]:
    """argparse speaks Chinese inside this block."""
    module: Any = argparse
    saved = module._, module.ngettext
    module._, module.ngettext = translate, translate_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved


# a line never starts with these (标点禁则): they stay at the end of the line before
NO_LINE_START = frozenset("，。、；：？！）》」』”’")
COMMAND_LINE = re.compile(r"^[\s\u3000]*(示例：)?jianfu ")
_TOKENS = re.compile(r"\s+|[^\s\u2e80-\uffef]+|.")  # a space, a run of Latin (never split), one CJK character


def wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, a Chinese character taking two:
    argparse's textwrap counts characters and breaks only at spaces, so a Chinese sentence ran
    twice the terminal's width."""
    width = max(width, 20)
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKENS.findall(" ".join(text.split())):
        cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in token)
        if used + cells > width and line.strip() and token not in NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
            if token.isspace():
                continue
        line, used = line + token, used + cells
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(argparse.HelpFormatter):
    """Section headings as Chinese writes them: "选项：", not "选项:"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._headings: set[str] = set()

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.add(heading)
        super().start_section(heading)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Each line of a description or epilog filled on its own: the examples stay one a line
        (argparse joins every line into one paragraph)."""
        filled = []
        for line in text.splitlines():
            lead = indent + line[: len(line) - len(line.lstrip())]
            if COMMAND_LINE.match(line):  # an example command is copied whole: never broken
                filled.append(indent + line)
                continue
            filled.extend(lead + part for part in wrap_cells(line, width - len(lead)) or [""])
        return "\n".join(filled)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_cells(text, width)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:  # a heading is a line of its own, ending in argparse's ":"
            pattern = re.compile(f"^( *){re.escape(heading)}:$", re.MULTILINE)
            text = pattern.sub(lambda m: m.group(0)[:-1] + "：", text)
        return text


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help uses ``ChineseHelpFormatter``; its subcommands' parsers are
    of this class too (argparse makes them of the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
