"""Errors that are the user's environment's fault (a bad file), not bugs.

Each carries a message in Chinese naming the file, the place and what to do; the CLI prints
it and exits with status 2, the GUI shows it in a dialog.
"""

from __future__ import annotations

import errno


class JianfuError(Exception):
    """Base of every error a user can cause and fix."""


class ChecklistError(JianfuError):
    """A checklist file is malformed."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  …另有 {len(problems) - 20} 处问题" if len(problems) > 20 else ""
        super().__init__(
            f"清单文件 {path} 有误，无法加载：\n{listed}{more}\n请改正上述问题，或换回随程序发布的清单文件。"
        )


class AnswerError(JianfuError):
    """An answer does not fit its checklist item."""

    def __init__(self, item_id: str, message: str) -> None:
        self.item_id = item_id
        self.message = message
        super().__init__(f"题目 {item_id}：{message}")


class UnknownChecklistError(JianfuError):
    """An assessment names a checklist id or version this program does not have."""

    def __init__(self, checklist_id: str, version: int) -> None:
        self.checklist_id = checklist_id
        self.version = version
        super().__init__(
            f"找不到清单 {checklist_id} 第 {version} 版；该评估可能由更新版本的减负助手生成，请升级本程序。"
        )


# errno → (what is wrong, what to do), for files the user chose to write. Windows reports a file
# open in Excel or WPS as EACCES (a sharing violation), so that reason names it too.
_WRITE_REASONS = {
    errno.ENOENT: ("所在的文件夹不存在", "请先建立这个文件夹，或换一个保存位置"),
    errno.ENOTDIR: ("路径中有一段是文件而不是文件夹", "请检查路径，或换一个保存位置"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "请在文件夹后面写上文件名"),
    errno.EACCES: (
        "没有写入权限，或者这个文件正被其他程序（如 Excel、WPS）打开",
        "请关闭打开它的程序后重试，或换一个有写入权限的位置",
    ),
    errno.EPERM: ("没有写入权限", "请换一个有写入权限的位置，或请管理员开放权限"),
    errno.EROFS: ("所在的磁盘是只读的（例如写保护的 U 盘或光盘）", "请换一个位置保存，或打开 U 盘的写保护"),
    errno.ENOSPC: ("磁盘空间已满", "请清理出一些磁盘空间，或换一个磁盘保存"),
    getattr(errno, "EDQUOT", errno.ENOSPC): ("磁盘空间已满", "请清理出一些磁盘空间，或换一个磁盘保存"),
    errno.EBUSY: ("这个文件正被其他程序占用", "请关闭占用它的程序后重试"),
    errno.ENAMETOOLONG: ("文件名或路径太长", "请换一个短一些的文件名或位置"),
    errno.EINVAL: ("文件名中有系统不允许的字符", '请换一个文件名（不要用 \\ / : * ? " < > | 等字符）'),
}


def os_error_reason(exc: OSError) -> tuple[str, str]:
    """(what is wrong, what to do) in Chinese for an OSError, whatever the system's language."""
    known = _WRITE_REASONS.get(exc.errno or 0)
    if known:
        return known
    code = f"，错误码 {exc.errno}" if exc.errno else ""
    return f"系统报告错误{code}", "请检查这个位置是否可以写入、磁盘是否已满，或换一个位置保存"


def write_error(path: object, exc: OSError) -> JianfuError:
    """A JianfuError naming ``path``, why it could not be written and what to do."""
    reason, advice = os_error_reason(exc)
    return JianfuError(f"无法写入 {path}：{reason}。{advice}。")


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in Chinese."""
    if exc.errno == errno.ENOENT:
        return "文件不存在"
    if exc.errno == errno.EISDIR:
        return "这是一个文件夹，不是文件"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    return os_error_reason(exc)[0]
