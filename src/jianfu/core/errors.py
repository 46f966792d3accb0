"""Errors that are the user's environment's fault (a bad file), not bugs.

Each carries a message in Chinese naming the file, the place and what to do; the CLI prints
it and exits with status 2, the GUI shows it in a dialog.
"""

from __future__ import annotations


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
