"""Hostile and odd bytes in the files the program reads (assessment files, the county's platform
catalogue): every refusal in Chinese, naming where; harmless editor habits (a byte order mark)
accepted; the county database read back unchanged."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from jianfu.exchange.assessment_file import AssessmentFileError, read_assessment_file
from jianfu.exchange.catalogue import Catalogue, CatalogueEntry, CatalogueError, read_catalogue, write_catalogue
from jianfu.services.county_import import import_files
from jianfu.storage.county import Outcome
from jianfu.storage.database import open_database

TARGET = "柳河镇-2026-Q4.jianfu"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    from jianfu.exchange.demo import write_demo

    directory = tmp_path_factory.mktemp("demo")
    write_demo(directory, library)
    return directory


def _ascii_words(text: str) -> list[str]:
    """English words in a message (file paths and JSON field names aside)."""
    import re

    return [w for w in re.findall(r"[A-Za-z]{4,}", text) if w not in ("JSON", "jianfu", "UTF")]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('"format":', '"format"', "第2行第11列：缺少冒号"),
        ('"format": "jianfu-assessment"', '"format": "jianfu\\q-assessment"', "无效的转义"),
        ('"format": "jianfu-assessment"', '"format": "jianfu\\u12-assessment"', "无效的 \\u 转义"),
        ('"format": "jianfu-assessment"', '"format": "jianfu\x01-assessment"', "字符串中有控制字符"),
        ('"format_version": 2,', '"format_version": 2,,', "缺少字段名"),
    ],
)
def test_broken_json_is_named_in_chinese(demo_dir, library, tmp_path, old, new, expected) -> None:
    text = (demo_dir / TARGET).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.jianfu"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(AssessmentFileError) as caught:
        read_assessment_file(path, library)
    assert expected in caught.value.reason and "不是完整的 JSON" in caught.value.reason
    assert _ascii_words(caught.value.reason) == [], caught.value.reason
    assert str(path) in str(caught.value)


def test_a_byte_order_mark_from_a_text_editor_is_read_and_imported(demo_dir, library, tmp_path) -> None:
    """Notepad saving the file again adds a BOM and, with CRLF, changes nothing the signature covers."""
    raw = (demo_dir / TARGET).read_bytes()
    path = tmp_path / TARGET
    path.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    content = read_assessment_file(path, library)
    assert content.assessment.township.name == "柳河镇" and content.signature is not None
    db = open_database(tmp_path / "county.sqlite3")
    summary = import_files(db, library, [path, demo_dir / TARGET])
    assert summary.rejected == [] and summary.count(Outcome.IMPORTED) == 1
    # the same content without the mark is the same file: stored once
    assert summary.count(Outcome.UNCHANGED) == 1
    db.close()


def _catalogue(tmp_path: Path) -> Path:
    path = tmp_path / "目录.jianfu-catalogue"
    write_catalogue(
        path, Catalogue("云溪县", "2026-12-01T09:00:00", [CatalogueEntry("网格通", "app", "县委政法委", "", 5)])
    )
    return path


def _resealed(path: Path, change) -> None:
    from jianfu.exchange.catalogue import _checksum

    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    document["sha256"] = _checksum(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["entries"][0].update(townships="五个"), "第1条的乡镇数应为不小于0的整数"),
        (lambda d: d["entries"][0].update(townships=[5]), "第1条的乡镇数应为不小于0的整数"),
        (lambda d: d["entries"][0].update(townships=-3), "第1条的乡镇数应为不小于0的整数"),
        (lambda d: d["entries"][0].update(kind={"a": 1}), "第1条的名称、类型、部门或层级不是文字"),
        (lambda d: d.update(entries=5), "条目（entries）应为列表"),
        (lambda d: d.update(county={"name": "云溪县"}), "县名或生成时间不是文字"),
    ],
)
def test_a_catalogue_with_hostile_entries_is_refused_in_chinese(tmp_path, change, expected) -> None:
    path = _catalogue(tmp_path)
    _resealed(path, change)
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path)
    assert expected in caught.value.reason and str(path) in str(caught.value)


def test_a_catalogue_that_is_not_json_is_named_in_chinese(tmp_path) -> None:
    path = _catalogue(tmp_path)
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(CatalogueError) as caught:
        read_catalogue(path)
    assert "不是完整的 JSON（第" in caught.value.reason
    assert _ascii_words(caught.value.reason) == [], caught.value.reason
    path.write_bytes("平台目录：网格通".encode("gb18030"))
    with pytest.raises(CatalogueError, match="不是 UTF-8 编码的文本"):
        read_catalogue(path)


def test_a_catalogue_saved_with_a_byte_order_mark_is_read(tmp_path) -> None:
    path = _catalogue(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [e.name for e in read_catalogue(path).entries] == ["网格通"]


def test_a_file_of_another_county_is_imported_with_a_note(demo_dir, library, tmp_path) -> None:
    """A county database collects one county's townships: a code of another county is named, so
    that a misdirected file (or a mistyped code) does not silently join the county's figures."""
    from helpers.hostile import _dump, _own

    document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
    document["township"].update(division_code="110101001000", county="东城区")
    stranger = tmp_path / "东城区-2026-Q4.jianfu"
    stranger.write_bytes(_dump(_own(document, 3)))
    db = open_database(tmp_path / "county.sqlite3")
    own = sorted(demo_dir.glob("*.jianfu"))
    first = import_files(db, library, own)
    assert first.notes == [] and first.rejected == []
    summary = import_files(db, library, [stranger])
    assert summary.count(Outcome.IMPORTED) == 1
    [(path, note)] = summary.notes
    assert path == stranger and "区划代码110101001000不属于本县" in note and "519901" in note and "云溪县" in note
    assert "不属于本县" in summary.describe()
    db.close()


def test_ctrl_c_during_an_import_keeps_every_file_before_the_one_in_flight(demo_dir, library, tmp_path) -> None:
    files = sorted(demo_dir.glob("*.jianfu"))
    db = open_database(tmp_path / "county.sqlite3")

    def interrupt(done: int, total: int) -> None:
        if done == 5:  # reported before the sixth file is read
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_files(db, library, files, progress=interrupt)
    db.close()
    db = open_database(tmp_path / "county.sqlite3")
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.conn.execute("SELECT count(*) FROM assessment_history").fetchone()[0]
    assert stored == 5
    summary = import_files(db, library, files)  # the rest come in, the five are unchanged
    assert summary.count(Outcome.UNCHANGED) == 5 and summary.rejected == []
    db.close()


def test_a_file_of_nothing_but_brackets_is_refused_before_parsing(demo_dir, library, tmp_path) -> None:
    """5 MB of "[[]]" parses into two million lists (~200 MB): refused from the text, the county
    database unchanged."""
    good = (demo_dir / TARGET).read_bytes()
    room = 5 * 1024 * 1024 - len(good) - 100
    filler = b",".join([b"[[]]"] * (room // 5))
    path = tmp_path / "brackets.jianfu"
    path.write_bytes(good.replace(b'"answers": {', b'"zz": [' + filler + b'], "answers": {', 1))
    db = open_database(tmp_path / "county.sqlite3")
    import_files(db, library, [demo_dir / TARGET])
    before = list(db.conn.iterdump())
    summary = import_files(db, library, [path])
    [(rejected, reason)] = summary.rejected
    assert rejected == path and "结构过于复杂" in reason and "上限20000" in reason, reason
    assert list(db.conn.iterdump()) == before
    db.close()


def test_the_largest_real_file_is_far_from_the_structure_limit(demo_dir, library, tmp_path) -> None:
    from helpers.hostile import _dump, _own

    document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
    rows = [{"row_id": f"r{n:06d}", "cells": {"name": f"应用{n}", "kind": "app"}} for n in range(500)]
    document["answers"]["apps.inventory"]["value"] = rows
    document["answers"]["filing.tasks"]["value"] = [
        {"row_id": f"t{n:06d}", "cells": {"name": f"报表{n}", "platforms": [f"r{n:06d}", "r000001"]}}
        for n in range(500)
    ]
    template = document["plan"][0]
    document["plan"] = [{**template, "key": f"custom:{n}", "rule_id": None} for n in range(1000)]
    path = tmp_path / TARGET
    path.write_bytes(_dump(_own(document, 7)))
    content = read_assessment_file(path, library)
    assert len(content.assessment.plan) == 1000
    assert len(content.assessment.answers["filing.tasks"].value) == 500


def test_a_schema_problem_names_the_item_and_row_as_the_file_has_them(demo_dir, library, tmp_path) -> None:
    from helpers.hostile import _dump, _own

    document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
    document["plan"][1]["handling"] = "nuke"
    path = tmp_path / "plan.jianfu"
    path.write_bytes(_dump(_own(document, 7)))
    with pytest.raises(AssessmentFileError, match="位置：plan → 第2项 → handling；取值不在允许的范围内"):
        read_assessment_file(path, library)
    document = json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))
    document["answers"]["apps.inventory"]["declared_none"] = False
    path.write_bytes(_dump(_own(document, 7)))
    with pytest.raises(AssessmentFileError, match=re.escape("位置：answers → apps.inventory → declared_none")):
        read_assessment_file(path, library)


@pytest.mark.parametrize("blob", [b"not zlib at all", b"", "zip-bomb"])
def test_a_damaged_stored_file_is_named_never_unpacked_into_gigabytes(demo_dir, library, tmp_path, blob) -> None:
    """The held file the inspector confirms is unpacked from the database: damage (or a doctored
    blob that would unpack into gigabytes) is a Chinese message, the held file stays held."""
    import zlib

    from helpers.hostile import _impersonation
    from jianfu.core.errors import JianfuError
    from jianfu.services.county_import import confirm_held
    from jianfu.storage import county_signers

    db = open_database(tmp_path / "county.sqlite3")
    import_files(db, library, [demo_dir / TARGET])
    stranger = tmp_path / "冒名.jianfu"
    stranger.write_bytes(_impersonation(json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))))
    assert import_files(db, library, [stranger]).held == [stranger]
    [held_id] = [r[0] for r in db.conn.execute("SELECT id FROM held_files")]
    if blob == "zip-bomb":
        blob = zlib.compress(b" " * (64 * 1024 * 1024), 9)  # 64 MB of spaces in ~64 KB
    db.conn.execute("UPDATE held_files SET document = ? WHERE id = ?", (blob, held_id))
    before = list(db.conn.iterdump())
    with pytest.raises(JianfuError, match="已损坏，无法读出") as raised:
        confirm_held(db, library, held_id)
    assert "冒名.jianfu" in str(raised.value)
    assert list(db.conn.iterdump()) == before
    assert county_signers.is_held(db.conn, db.conn.execute("SELECT content_sha256 FROM held_files").fetchone()[0])
    db.close()


@pytest.mark.skipif(os.name != "posix", reason="names are UTF-16 text on Windows")
def test_a_file_named_in_gbk_bytes_is_held_with_its_name_read_as_gbk(demo_dir, library, tmp_path) -> None:
    """A zip made on Chinese Windows and unpacked on UOS keeps GBK bytes in its names; storing such
    a name (lone surrogates to Python) crashed the import and rolled back the files before it."""
    from helpers.hostile import _impersonation

    folder = tmp_path / "收到的文件"
    folder.mkdir()
    held = os.path.join(os.fsencode(folder), "冒名-柳河镇.jianfu".encode("gb18030"))
    with open(held, "wb") as handle:
        handle.write(_impersonation(json.loads((demo_dir / TARGET).read_text(encoding="utf-8"))))
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe.jianfu"), "wb") as handle:
        handle.write(_impersonation(json.loads((demo_dir / "石桥镇-2026-Q4.jianfu").read_text(encoding="utf-8"))))
    db = open_database(tmp_path / "county.sqlite3")
    import_files(db, library, [demo_dir / TARGET, demo_dir / "石桥镇-2026-Q4.jianfu"])
    summary = import_files(db, library, sorted(folder.iterdir()))
    assert len(summary.held) == 2 and summary.rejected == []
    names = sorted(r[0] for r in db.conn.execute("SELECT file_name FROM held_files"))
    assert names == sorted(["\ufffd\ufffd.jianfu", "冒名-柳河镇.jianfu"])
    db.close()


def test_a_bug_on_one_file_rejects_that_file_only(demo_dir, library, tmp_path, monkeypatch) -> None:
    """A program error while storing one file (its content reaching a bug) undoes that file alone
    and names it in Chinese; the files before and after it are imported."""
    from jianfu.services import county_import

    files = sorted(demo_dir.glob("*-2026-Q4.jianfu"))
    real = county_import._store

    def failing(county, library, content, name, held=None):
        if name == files[2].name:
            raise TypeError("'>' not supported between instances of 'str' and 'int'")
        return real(county, library, content, name, held)

    monkeypatch.setattr(county_import, "_store", failing)
    db = open_database(tmp_path / "county.sqlite3")
    summary = import_files(db, library, files)
    [(path, reason)] = summary.rejected
    assert path == files[2] and "程序缺陷" in reason and "supported" not in reason
    assert summary.count(Outcome.IMPORTED) == len(files) - 1
    stored = db.conn.execute("SELECT count(*) FROM assessment_history").fetchone()[0]
    assert stored == len(files) - 1
    db.close()


def test_a_file_cut_inside_a_character_is_called_incomplete(demo_dir, library, tmp_path) -> None:
    raw = (demo_dir / TARGET).read_bytes()
    cut = raw.index("柳河镇".encode()) + 1  # inside the first character's three bytes
    path = tmp_path / TARGET
    path.write_bytes(raw[:cut])
    with pytest.raises(AssessmentFileError, match=f"文件不完整：在第{cut}字节处中断"):
        read_assessment_file(path, library)
