"""What went wrong with the data folder or the database, in words a cadre can act on.

Read-only, full, locked and damaged need different advice; none of them invites deleting
data that is intact.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

from jianfu.core.errors import JianfuError

# The window waits this long for another program's write to finish before saying so (the
# default 10 s froze the window).
GUI_BUSY_TIMEOUT_MS = 1500


class DataFolderError(JianfuError):
    """The data folder cannot hold the database: not a folder, read-only or full."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def read_only_message(folder: Path) -> str:
    return (
        f"减负助手的数据文件夹 {folder} 是只读的，不能保存修改。已有的数据没有损坏，请不要删除或移动它。"
        "请让管理员给这个文件夹写入权限（或把 U 盘的写保护打开），"
        "或者把整个文件夹复制到可写的位置，并让 JIANFU_HOME（或 --db）指向那里，然后重新启动减负助手。"
    )


def check_data_folder(database: Path) -> None:
    """Raise DataFolderError with advice when ``database`` cannot be created or written."""
    folder = database.parent
    if folder.exists() and not folder.is_dir():
        raise DataFolderError(
            "not_a_folder",
            f"减负助手的数据位置 {folder} 是一个文件，不是文件夹。请检查环境变量 JIANFU_HOME（或 --db）"
            "是否指错了位置：改成一个文件夹，或者去掉这个设置后重新启动。这个文件本身没有被改动。",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        raise DataFolderError(
            "not_a_folder",
            f"减负助手的数据位置 {folder} 的上级路径中有一个同名文件（{exc.filename}），无法建立数据文件夹。"
            "请检查环境变量 JIANFU_HOME（或 --db）是否指错了位置。",
        ) from exc
    except OSError as exc:
        raise DataFolderError("read_only", read_only_message(folder)) from exc
    try:
        handle, probe = tempfile.mkstemp(prefix=".jianfu-write-test-", dir=folder)
        os.close(handle)
        os.unlink(probe)
        if database.exists():
            with database.open("r+b"):
                pass
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DataFolderError("full", full_message(folder)) from exc
        raise DataFolderError("read_only", read_only_message(folder)) from exc


def full_message(folder: Path) -> str:
    return (
        f"数据所在的磁盘（{folder}）已满，这次修改没有保存；之前保存的内容都还在。请清理出一些磁盘空间，然后再改一次。"
    )


def damaged_message(database: Path) -> str:
    return (
        f"数据库文件 {database} 有部分内容已损坏，减负助手不能可靠地使用它。请不要删除这个文件："
        "先关闭减负助手，把它复制一份留存，再用最近的备份（同一文件夹中以 .bak 结尾的文件，或您另存的副本）"
        "替换它；没有备份时，请把副本交给县里的技术人员，已导出的 .jianfu 文件也可以重新导入。"
    )


def _read_only(database: Path) -> bool:
    """Whether the database, or the folder its journal goes in, refuses writing (after a failure)."""
    try:
        if database.exists():
            with database.open("r+b"):
                pass
        handle, probe = tempfile.mkstemp(prefix=".jianfu-write-test-", dir=database.parent)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    return False


def explain_database_failure(exc: sqlite3.Error, database: Path) -> str:
    """A message for a failed read or write, chosen by SQLite's reason."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            "数据库正被另一个程序占用（例如正在导入或导出的命令行 jianfu，或通过共享文件夹打开同一数据的另一台电脑），"
            "这次修改没有保存；之前保存的内容都还在。请等它结束或把它关闭，然后再改一次。"
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return read_only_message(database.parent)
    if "full" in text:
        return full_message(database.parent)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged_message(database)
    if "disk i/o" in text or "unable to open" in text:
        if _read_only(database):  # a read-only disk, share or write-protected USB stick says only "unable to open"
            return read_only_message(database.parent)
        return (
            f"读写数据文件 {database} 时出错，这次修改没有保存。"
            "请检查数据所在的磁盘或 U 盘是否还连着，然后再改一次；之前保存的内容都还在。"
        )
    return f"没有保存成功（{exc}）。请检查磁盘空间和数据所在的磁盘，然后再改一次；之前保存的内容都还在。"
