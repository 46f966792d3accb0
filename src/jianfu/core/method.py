"""The scoring method document (评分方法说明) shipped beside each checklist version.

``resources/checklists/<id>/method-v<version>.md`` explains, in one page a party secretary can
read, how the version's answers become scores, levels and fingertip hours. A version without
its own document shows the newest one written for an earlier version.
"""

from __future__ import annotations

import re
from pathlib import Path

from jianfu.core.checklist import Checklist
from jianfu.core.errors import read_reason

_METHOD_FILE = re.compile(r"^method-v(\d+)\.md$")


def method_path(checklist: Checklist) -> Path | None:
    folder = Path(checklist.path).parent
    if not folder.is_dir():
        return None
    found = {int(m.group(1)): p for p in folder.iterdir() if (m := _METHOD_FILE.match(p.name))}
    usable = [v for v in found if v <= checklist.version]
    return found[max(usable)] if usable else None


def method_text(checklist: Checklist) -> str:
    path = method_path(checklist)
    if path is None:
        return "本清单版本没有附带评分方法说明。"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        return f"无法读取评分方法说明 {path}（{read_reason(exc)}），请重新安装减负助手。"
