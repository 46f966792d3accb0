"""All checklist versions shipped with the program, loaded on first use."""

from __future__ import annotations

import re
from pathlib import Path

from jianfu.core.checklist import Checklist, load_checklist
from jianfu.core.errors import UnknownChecklistError

DEFAULT_CHECKLIST_ID = "township-selfcheck"
_VERSION_FILE = re.compile(r"^v(\d+)\.yaml$")


class ChecklistLibrary:
    """Finds ``<root>/<checklist id>/v<version>.yaml`` files and caches what it loaded.

    An assessment is always scored with the version it was answered with, so every shipped
    version stays loadable.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[tuple[str, int], Checklist] = {}
        self._versions: dict[str, list[int]] = {}

    def versions(self, checklist_id: str) -> list[int]:
        """The shipped versions, listed once: they do not change while the program runs, and an
        import asks for the latest with every file."""
        if checklist_id not in self._versions:
            folder = self.root / checklist_id
            found = (_VERSION_FILE.match(p.name) for p in folder.iterdir()) if folder.is_dir() else iter(())
            self._versions[checklist_id] = sorted(int(m.group(1)) for m in found if m)
        return list(self._versions[checklist_id])

    def get(self, checklist_id: str, version: int) -> Checklist:
        key = (checklist_id, version)
        if key not in self._cache:
            if version not in self.versions(checklist_id):
                raise UnknownChecklistError(checklist_id, version)
            checklist = load_checklist(self.root / checklist_id / f"v{version}.yaml")
            if (checklist.id, checklist.version) != key:
                from jianfu.core.errors import ChecklistError

                raise ChecklistError(
                    checklist.path, [f"文件名与内容不符：内容为 {checklist.id} 第 {checklist.version} 版"]
                )
            self._cache[key] = checklist
        return self._cache[key]

    def latest(self, checklist_id: str = DEFAULT_CHECKLIST_ID) -> Checklist:
        versions = self.versions(checklist_id)
        if not versions:
            raise UnknownChecklistError(checklist_id, 1)
        return self.get(checklist_id, versions[-1])

    def all_files(self) -> list[Path]:
        return sorted(self.root.glob("*/v*.yaml"))
