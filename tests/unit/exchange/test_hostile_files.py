"""Every class of hostile file gets a clean Chinese rejection or a held/flagged state, changes
nothing it should not, raises no traceback anywhere (reader, import, CLI), and never stops the
rest of a folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.hostile import HOSTILE, LEGACY, Hostile
from jianfu.exchange.assessment_file import AssessmentFileError, read_assessment_file
from jianfu.services.county_import import confirm_held, discard_held, gather, import_files
from jianfu.storage import county_signers
from jianfu.storage.county import CountyStore, Outcome
from jianfu.storage.database import open_database

TARGET = "柳河镇-2026-Q4.jianfu"
CODE = "519901101000"


def snapshot(db) -> dict[str, list]:
    tables = [r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: sorted(map(repr, db.conn.execute(f"SELECT * FROM {t}"))) for t in tables}


def _applied(db) -> dict[str, list]:
    """What the county's views read: unchanged by held, older and rejected files."""
    state = snapshot(db)
    return {t: rows for t, rows in state.items() if t not in ("assessment_history", "held_files")}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    from jianfu.exchange.demo import write_demo

    directory = tmp_path_factory.mktemp("demo")
    write_demo(directory, library)
    return directory


def _make(hostile: Hostile, demo_dir: Path, folder: Path) -> Path:
    document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
    path = folder / f"{hostile.name}.jianfu"
    path.write_bytes(hostile.make(document))
    return path


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: h.name)
def test_each_hostile_class(hostile: Hostile, demo_dir, library, tmp_path) -> None:
    db = open_database(tmp_path / "county.sqlite3")
    try:
        import_files(db, library, gather([demo_dir]).files)
        before, applied_before = snapshot(db), _applied(db)
        path = _make(hostile, demo_dir, tmp_path)
        summary = import_files(db, library, [path])
        if hostile.expect == "rejected":
            with pytest.raises(AssessmentFileError) as info:  # the one reader: GUI, validate, score, report
                read_assessment_file(path, library)
            ((where, reason),) = summary.rejected
            assert where == path and reason == info.value.reason and _chinese(reason)
            assert not any(ch < " " for ch in reason)  # the message itself is clean
            assert hostile.fragment in reason, reason
            assert snapshot(db) == before
        elif hostile.expect == "held":
            assert summary.outcomes[Outcome.HELD] == [path]
            assert _applied(db) == applied_before
            (held,) = county_signers.held_files(db.conn)
            assert held.division_code == CODE and held.known_fingerprint
            assert held.fingerprint != held.known_fingerprint and _chinese(held.reason)
            discard_held(db, held.id)
            assert snapshot(db) == before
        elif hostile.expect == "older":
            assert summary.outcomes[Outcome.OLDER] == [path]
            assert _applied(db) == applied_before
        elif hostile.expect == "flagged":
            assert summary.outcomes[Outcome.UPDATED] == [path]
            assert summary.notes == [(path, "日期在未来")]
            flags = db.conn.execute(
                "SELECT flags FROM assessment_history WHERE reason = 'current' AND division_code = ?"
                " AND period = '2026-Q4'",
                (CODE,),
            ).fetchone()[0]
            assert flags == "future"
        else:
            assert summary.outcomes[Outcome.UPDATED] == [path]
    finally:
        db.close()


def test_future_date_does_not_freeze_a_township(demo_dir, library, tmp_path) -> None:
    """A file dated 2099 is applied and flagged; the real correction with a higher sequence but
    an earlier clock replaces it."""
    db = open_database(tmp_path / "county.sqlite3")
    try:
        future = next(h for h in HOSTILE if h.name == "future-dated")
        document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
        import_files(db, library, [_make(future, demo_dir, tmp_path)])
        from helpers.hostile import _dump, _own

        document["answers"]["meetings.per_month"]["value"] = 1
        correction = tmp_path / "correction.jianfu"
        correction.write_bytes(_dump(_own(document, 6)))
        summary = import_files(db, library, [correction])
        assert summary.outcomes[Outcome.UPDATED] == [correction]
        county = CountyStore(db)
        (row,) = county.overview(county.periods()[0])
        assert county.assessments.load(row.assessment_id).answers["meetings.per_month"].value == 1
    finally:
        db.close()


def test_impersonation_is_held_until_the_inspector_confirms_the_key(demo_dir, library, tmp_path) -> None:
    db = open_database(tmp_path / "county.sqlite3")
    try:
        import_files(db, library, [demo_dir / TARGET])
        (signer,) = county_signers.signers(db.conn)
        assert signer.division_code == CODE and len(signer.fingerprint) == 19
        impostor = _make(next(h for h in HOSTILE if h.name == "impersonation-other-key"), demo_dir, tmp_path)
        assert import_files(db, library, [impostor]).outcomes[Outcome.HELD] == [impostor]
        assert import_files(db, library, [impostor]).outcomes[Outcome.HELD] == [impostor]  # again: still held, once
        (held,) = county_signers.held_files(db.conn)
        assert held.known_fingerprint == signer.fingerprint and held.fingerprint != signer.fingerprint
        assert confirm_held(db, library, held.id) == [Outcome.UPDATED]  # after a phone call
        assert county_signers.held_files(db.conn) == []
        (rebound,) = county_signers.signers(db.conn)
        assert rebound.fingerprint == held.fingerprint and rebound.confirmed_at
        # the old key's next file is now the stranger
        old_key_file = _make(next(h for h in HOSTILE if h.name == "future-dated"), demo_dir, tmp_path)
        assert import_files(db, library, [old_key_file]).outcomes[Outcome.HELD] == [old_key_file]
    finally:
        db.close()


def test_unsigned_version_1_files_still_import_marked_unsigned(demo_dir, library, tmp_path) -> None:
    db = open_database(tmp_path / "county.sqlite3")
    try:
        path = _make(LEGACY, demo_dir, tmp_path)
        assert read_assessment_file(path, library).signature is None
        summary = import_files(db, library, [path])
        assert summary.outcomes[Outcome.IMPORTED] == [path]
        assert ("未签名" in summary.notes[0][1]) and county_signers.signers(db.conn) == []
    finally:
        db.close()


def _odd_files(folder: Path) -> list[Path]:
    (folder / "a-folder.jianfu").mkdir()
    (folder / "empty.jianfu").write_bytes(b"")
    (folder / "binary.jianfu").write_bytes(bytes(range(256)) * 4)
    os.mkfifo(folder / "pipe.jianfu")
    (folder / "dangling.jianfu").symlink_to(folder / "nowhere")
    return [folder / n for n in ("a-folder.jianfu", "empty.jianfu", "binary.jianfu", "pipe.jianfu", "dangling.jianfu")]


def test_a_folder_of_hostile_and_odd_files_imports_the_rest(demo_dir, library, tmp_path) -> None:
    folder = tmp_path / "收到的文件"
    folder.mkdir()
    for name in os.listdir(demo_dir):
        if name != TARGET:  # 柳河镇's real file arrives upper-case, as from a FAT USB disk
            shutil.copy(demo_dir / name, folder / name)
    shutil.copy(demo_dir / TARGET, folder / "柳河镇-2026-Q4.JIANFU")
    for hostile in HOSTILE:
        _make(hostile, demo_dir, folder)
    odd = _odd_files(folder)
    vanished = folder / "vanished.jianfu"
    db = open_database(tmp_path / "county.sqlite3")
    try:
        files = [*gather([folder]).files, vanished]
        summary = import_files(db, library, files)
        assert summary.count(Outcome.IMPORTED) == 18  # every good file, whatever came between
        rejected = {p.name: r for p, r in summary.rejected}
        assert set(rejected) >= {p.name for p in odd[1:]} | {vanished.name}  # a folder is looked into
        assert "无法读取" in rejected["vanished.jianfu"] and "不是普通文件" in rejected["pipe.jianfu"]
        assert all(_chinese(r) for r in rejected.values())
    finally:
        db.close()


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[3] / "src"), "JIANFU_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, env=env, timeout=300)


def test_the_command_line_never_prints_a_traceback(demo_dir, library, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile_files = [_make(h, demo_dir, folder) for h in HOSTILE]
    _odd_files(folder)
    shutil.copy(demo_dir / TARGET, folder / TARGET)
    home = tmp_path / "home"
    for command in (["validate"], ["verify"], ["score"], ["report", "-o", str(tmp_path / "x.pdf")]):
        files = [str(p) for p in hostile_files] if command[0] in ("validate", "verify") else [str(hostile_files[1])]
        result = _cli(*command, *files, home=home)
        assert "Traceback" not in result.stderr and result.returncode == 2, (command, result.stderr)
        assert _chinese(result.stdout + result.stderr)
    result = _cli("import", "--db", str(tmp_path / "c.sqlite3"), str(folder), home=home)
    assert "Traceback" not in result.stderr and result.returncode == 2, result.stderr
    assert "导入1个" in result.stdout and "拒收" in result.stdout
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    result = _cli("import", "--db", str(tmp_path / "c.sqlite3"), str(empty), home=home)
    assert result.returncode == 2 and "找到 0 个" in result.stderr and str(empty) in result.stderr
