"""Importing township files into the county database: each checked first; bad files are listed
with the reason and change nothing, and one bad, vanished or unreadable file never stops the others.

Files are committed in batches (up to ``BATCH_FILES`` files or ``BATCH_SECONDS`` of work, one
fsync each) with a savepoint per file, so a file that fails undoes only itself. A crash loses
at most the uncommitted batch, never part of a file, and importing the same folder again
brings the lost files in (those already stored come back "unchanged").
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from jianfu.core.carry import carry_assessment
from jianfu.core.errors import JianfuError, read_reason
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import rederive_departments
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import (
    FILE_SUFFIX,
    AssessmentFile,
    AssessmentFileError,
    parse_assessment_bytes,
    read_assessment_file,
)
from jianfu.exchange.file_flags import describe_flags, file_flags
from jianfu.storage import county_signers
from jianfu.storage.county import CountyStore, Outcome
from jianfu.storage.database import Database, transaction


class NoFilesFound(JianfuError):
    """A folder (or list of paths) without a single ``.jianfu`` file."""


LOG = logging.getLogger(__name__)
UNEXPECTED = (
    "本程序处理这个文件时出错（程序缺陷，不是文件的问题），这个文件没有导入；请把它交给技术人员，其余文件照常导入"
)
BATCH_FILES = 100
BATCH_SECONDS = 1.0
# SQLite's page cache while importing (KiB; 2 MB otherwise): each file adds rows all over the
# county tables' indexes, which a small cache reads back again and again (~10% of the SQL time).
IMPORT_CACHE_KIB = 32 * 1024


@dataclass
class ImportSummary:
    outcomes: dict[Outcome, list[Path]] = field(default_factory=lambda: {o: [] for o in Outcome})
    rejected: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)  # accepted, but worth a look
    cancelled: bool = False  # stopped early: the files before the stop are imported

    def count(self, outcome: Outcome) -> int:
        return len(self.outcomes[outcome])

    @property
    def held(self) -> list[Path]:
        """Files held as 待确认: another key, or unsigned once the township has a key."""
        return self.outcomes[Outcome.HELD]

    @property
    def older(self) -> list[Path]:
        return self.outcomes[Outcome.OLDER]

    def describe(self) -> str:
        text = (
            f"导入{self.count(Outcome.IMPORTED)}个，更新{self.count(Outcome.UPDATED)}个，"
            f"未变{self.count(Outcome.UNCHANGED)}个，较旧未采用{self.count(Outcome.OLDER)}个，"
            f"待确认{self.count(Outcome.HELD)}个，拒收{len(self.rejected)}个。"
        )
        if self.notes:  # accepted, but the inspector should look (unsigned, dated in the future)
            text += f"其中{len(self.notes)}个文件需留意（未签名、日期在未来或不属于本县等，见各文件说明）。"
        return text + ("（已取消，其余文件未导入。）" if self.cancelled else "")


@dataclass
class Collected:
    files: list[Path]
    problems: list[tuple[Path, str]]  # folders that could not be listed, paths that do not exist


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every ``.jianfu`` file inside the folders given (any letter case)."""
    return gather(paths).files


def gather(paths: Iterable[Path]) -> Collected:
    """Like ``collect_files``, and the paths that could not be read, each with the reason."""
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            files += _walk(path, problems)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append((path, "未找到（文件或文件夹不存在）"))
    return Collected(list(dict.fromkeys(files)), problems)


def _walk(folder: Path, problems: list[tuple[Path, str]]) -> list[Path]:
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        problems.append((Path(error.filename or folder), f"无法读取文件夹（{read_reason(error)}）"))

    for root, _dirs, names in os.walk(folder, onerror=unreadable):
        found += [Path(root) / n for n in names if n.lower().endswith(FILE_SUFFIX)]
    return sorted(found)


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
    counties = county.county_codes()
    cache_size = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
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
            try:
                outcome = _store(county, library, content, file_name(path))
            except (sqlite3.Error, OSError, MemoryError):
                raise  # the database or the disk: every file after it would fail too
            except Exception:  # a bug on this file's content: its savepoint undid it; the others go on
                LOG.exception("import of %s failed", path)
                summary.rejected.append((path, UNEXPECTED))
                continue
            summary.outcomes[outcome].append(path)
            if outcome in (Outcome.IMPORTED, Outcome.UPDATED):
                notes = [describe_flags(file_flags(content)), _other_county(content, counties)]
                if any(notes):
                    summary.notes.append((path, "；".join(n for n in notes if n)))
                if not counties:  # the first township names the county
                    counties = county.county_codes()
            in_batch += 1
            if in_batch >= BATCH_FILES or time.monotonic() - batch_started >= BATCH_SECONDS:
                db.conn.execute("COMMIT")
    except KeyboardInterrupt:
        # Ctrl-C: every file's savepoint is whole (one interrupted inside its store undid itself),
        # so the files before the one in flight are kept, as after Cancel
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")
        raise
    except BaseException:
        if db.conn.in_transaction:  # a bug or a crash of the disk: keep only whole batches
            db.conn.execute("ROLLBACK")
        raise
    finally:
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")
        db.conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    if progress:
        progress(len(files), len(files))
    return summary


def file_name(path: Path) -> str:
    """``path``'s name as text that can be stored and shown. A name that is not UTF-8 (a zip made
    on Chinese Windows, unpacked on Linux, keeps its GBK bytes) reaches Python as lone surrogates,
    which SQLite and Qt refuse: read as GBK, or with the undecodable bytes replaced."""
    raw = os.fsencode(path.name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def _other_county(content: AssessmentFile, counties: dict[str, str]) -> str:
    """A note when every township imported so far is of one county and this file's is of another
    (a file sent to the wrong county, or a code mistyped): imported, but the inspector should look."""
    code = content.assessment.township.division_code
    if len(counties) != 1 or code[:6] in counties:
        return ""
    ((known, name),) = counties.items()
    return (
        f"区划代码{code}不属于本县（已导入的乡镇区划代码都以{known}开头{'，' + name if name else ''}），"
        "可能是其他县（市、区）的文件或代码填错，请核实"
    )


def _store(
    county: CountyStore, library: ChecklistLibrary, content: AssessmentFile, name: str, held: int | None = None
) -> Outcome:
    # an earlier checklist version is carried to the current one, so the county compares like with like
    a = carry_assessment(library, content.assessment)
    checklist = library.get(a.checklist_id, a.checklist_version)
    result = score_assessment(checklist, a.answers)
    # and its plan names departments as the current rule does (not every one of a "which departments" answer)
    a = replace(a, plan=rederive_departments(a.plan, result, checklist.plan_min_intensity))
    content = replace(content, assessment=a)
    return county.store_import(content, checklist, result, name, held)


def confirm_held(db: Database, library: ChecklistLibrary, held_id: int) -> list[Outcome]:
    """The inspector confirmed a held file (and so its key): apply it and every other file held for
    the same township and key, in signed order."""
    county = CountyStore(db)
    outcomes = []
    for each in county_signers.same_key_held(db.conn, held_id):
        stored = county_signers.held_document(db.conn, each)
        if stored is None:
            continue
        raw, name = stored
        content = parse_assessment_bytes(raw, name, library)  # checked again: the reader may be newer
        outcomes.append(_store(county, library, content, name, held=each))
    return outcomes


def discard_held(db: Database, held_id: int) -> None:
    """The inspector refused a held file: it is dropped and nothing else changes."""
    with transaction(db.conn):
        county_signers.release(db.conn, held_id)
