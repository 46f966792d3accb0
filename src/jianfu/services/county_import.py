"""Importing township files into the county database: each checked first; bad files are listed
with the reason and change nothing.

Files are committed in batches (up to ``BATCH_FILES`` files or ``BATCH_SECONDS`` of work, one
fsync each) with a savepoint per file, so a file that fails undoes only itself. A crash loses
at most the uncommitted batch, never part of a file, and importing the same folder again
brings the lost files in (those already stored come back "unchanged").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from jianfu.core.carry import carry_assessment
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import FILE_SUFFIX, AssessmentFileError, read_assessment_file
from jianfu.storage.county import CountyStore, Outcome
from jianfu.storage.database import Database

BATCH_FILES = 100
BATCH_SECONDS = 1.0


@dataclass
class ImportSummary:
    outcomes: dict[Outcome, list[Path]] = field(default_factory=lambda: {o: [] for o in Outcome})
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False  # stopped early: the files before the stop are imported

    def count(self, outcome: Outcome) -> int:
        return len(self.outcomes[outcome])

    def describe(self) -> str:
        text = (
            f"导入 {self.count(Outcome.IMPORTED)} 个，更新 {self.count(Outcome.UPDATED)} 个，"
            f"未变 {self.count(Outcome.UNCHANGED)} 个，较旧未采用 {self.count(Outcome.OLDER)} 个，"
            f"拒收 {len(self.rejected)} 个。"
        )
        return text + ("（已取消，其余文件未导入。）" if self.cancelled else "")


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every ``.jianfu`` file inside the folders given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob(f"*{FILE_SUFFIX}") if p.is_file())
        else:
            files.append(path)
    return list(dict.fromkeys(files))


def import_files(
    db: Database,
    library: ChecklistLibrary,
    files: list[Path],
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import ``files``, reporting ``progress(done, total)``; ``should_stop()`` ends it between files."""
    county = CountyStore(db)
    summary = ImportSummary()
    batch_started, in_batch = 0.0, 0
    try:
        for done, path in enumerate(files):
            if should_stop and should_stop():
                summary.cancelled = True
                return summary
            if progress:
                progress(done, len(files))
            try:
                content = read_assessment_file(path, library)
            except AssessmentFileError as exc:
                summary.rejected.append((path, exc.reason))
                continue
            if not db.conn.in_transaction:
                db.conn.execute("BEGIN IMMEDIATE")
                batch_started, in_batch = time.monotonic(), 0
            # an earlier checklist version is carried to the current one, so the county compares like with like
            a = carry_assessment(library, content.assessment)
            checklist = library.get(a.checklist_id, a.checklist_version)
            content = replace(content, assessment=a)
            outcome = county.store_import(content, checklist, score_assessment(checklist, a.answers))
            summary.outcomes[outcome].append(path)
            in_batch += 1
            if in_batch >= BATCH_FILES or time.monotonic() - batch_started >= BATCH_SECONDS:
                db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:  # a bug or a crash of the disk: keep only whole batches
            db.conn.execute("ROLLBACK")
        raise
    finally:
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")
    if progress:
        progress(len(files), len(files))
    return summary
