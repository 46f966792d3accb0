"""A township's database and a county's share one schema: each entry point refuses the other
kind, in Chinese, leaving the file byte for byte as it was (another township's files must never
appear in the wizard's list, nor the wizard edit what the county received)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jianfu.core.assessment import Period, Township
from jianfu.core.errors import JianfuError
from jianfu.exchange.demo import write_demo
from jianfu.services.county import CountyService
from jianfu.services.county_import import collect_files
from jianfu.services.failures import open_for_window
from jianfu.services.township import AssessmentService
from jianfu.storage.database import COUNTY, TOWNSHIP, database_kind, open_database


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    write_demo(directory, library)
    return directory


def _township_database(path: Path, library) -> None:
    service = AssessmentService.open(path, library)
    service.create(Township("测试镇", "519901199000", "云溪县"), Period("2026-Q4"))
    service.store.db.close()


def _county_database(path: Path, library, demo_dir: Path) -> None:
    with CountyService.open(path, library) as county:
        county.import_files(collect_files([demo_dir]))


def _files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


def test_importing_into_a_township_database_is_refused_unchanged(tmp_path: Path, library, demo_dir) -> None:
    database = tmp_path / "jianfu.sqlite3"
    _township_database(database, library)
    before = _files(database)
    with pytest.raises(JianfuError) as raised:
        CountyService.open(database, library)
    message = str(raised.value)
    assert str(database) in message and "乡镇自查的数据库" in message and "未作任何改动" in message
    assert _files(database) == before
    service = AssessmentService.open(database, library)  # still the township's own, alone
    assert [a.summary.township.name for a in service.my_assessments()] == ["测试镇"]
    service.store.db.close()


def test_the_wizard_refuses_a_county_database_unchanged(tmp_path: Path, library, demo_dir) -> None:
    database = tmp_path / "county.sqlite3"
    _county_database(database, library, demo_dir)
    before = _files(database)
    for opener in (AssessmentService.open, open_for_window):
        with pytest.raises(JianfuError) as raised:
            opener(database, library)
        message = str(raised.value)
        assert str(database) in message and "县级汇总数据库" in message and "县级汇总（督查用）" in message
    assert _files(database) == before


def test_the_command_line_import_names_the_wrong_database(tmp_path: Path, library, demo_dir) -> None:
    database = tmp_path / "jianfu.sqlite3"
    _township_database(database, library)
    before = _files(database)
    run = subprocess.run(
        [sys.executable, "-m", "jianfu", "import", "--db", str(database), str(demo_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "乡镇自查的数据库" in run.stderr and str(database) in run.stderr
    assert _files(database) == before


def test_kind_is_read_from_what_the_database_holds(tmp_path: Path, library, demo_dir) -> None:
    empty = open_database(tmp_path / "empty.sqlite3")
    assert database_kind(empty.conn) is None  # claimed by whichever opens it first
    empty.close()
    _township_database(tmp_path / "t.sqlite3", library)
    _county_database(tmp_path / "c.sqlite3", library, demo_dir)
    for name, kind in (("t.sqlite3", TOWNSHIP), ("c.sqlite3", COUNTY)):
        db = open_database(tmp_path / name)
        assert database_kind(db.conn) == kind
        db.close()
    # a sample township alone makes a township database too
    service = AssessmentService.open(tmp_path / "sample.sqlite3", library)
    service.open_sample()
    assert database_kind(service.store.db.conn) == TOWNSHIP
    service.store.db.close()
    with pytest.raises(JianfuError, match="乡镇自查的数据库"):
        CountyService.open(tmp_path / "sample.sqlite3", library)


@pytest.mark.parametrize("case", ["folder", "township", "truncated", "not-sqlite"])
def test_verify_never_reads_a_wrong_database_as_no_key_known(tmp_path: Path, library, demo_dir, capsys, case) -> None:
    """ "县级尚未登记该乡镇的密钥" would make a forged file look like a first file, trusted on first use."""
    from jianfu.cli.main import main

    database = tmp_path / "county.sqlite3"
    if case == "folder":
        database.mkdir()
    elif case == "township":
        _township_database(database, library)
    elif case == "truncated":
        _county_database(database, library, demo_dir)
        database.write_bytes(database.read_bytes()[:8192])
    elif case == "not-sqlite":
        database.write_text("县级汇总", encoding="utf-8")
    before = database.is_dir() or database.read_bytes()
    code = main(["verify", str(demo_dir / "柳河镇-2026-Q4.jianfu"), "--db", str(database)])
    out, err = capsys.readouterr()
    assert code == 2 and "尚未登记" not in out and str(database) in err, (out, err)
    assert (
        database.is_dir() or database.read_bytes()
    ) == before  # (a read-only look may leave an empty -wal beside it)


def test_a_county_value_damaged_on_disk_is_named_by_the_commands_that_read_it(
    tmp_path: Path, library, demo_dir, capsys
) -> None:
    from jianfu.cli.main import main

    database = tmp_path / "county.sqlite3"
    _county_database(database, library, demo_dir)
    db = open_database(database)
    db.conn.execute("UPDATE table_rows SET cells = '{\"name\": \"网格' WHERE item_id = 'apps.inventory'")
    db.conn.execute("UPDATE answers SET value = 'fals' WHERE item_id = 'apps.dispatch_used'")
    db.close()
    code = main(["catalogue", "--db", str(database), "-o", str(tmp_path / "目录.jianfu-catalogue")])
    err = capsys.readouterr().err
    assert code == 2 and "已损坏" in err and str(database) in err and "Traceback" not in err
    with CountyService.open(database, library) as county, pytest.raises(JianfuError, match="已损坏"):
        county.to_verify(county.periods()[0])
