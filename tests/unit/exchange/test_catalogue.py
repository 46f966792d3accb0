from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianfu.exchange.catalogue import (
    Catalogue,
    CatalogueEntry,
    CatalogueError,
    build_catalogue,
    fit_catalogue,
    read_catalogue,
    write_catalogue,
)
from jianfu.exchange.demo import write_demo
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county_inventory import imported_inventory_rows
from jianfu.storage.database import open_database


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


def versions(library) -> list:
    return [library.get("township-selfcheck", v) for v in library.versions("township-selfcheck")]


@pytest.fixture(scope="module")
def county_catalogue(tmp_path_factory, library) -> Path:
    """The demo county's catalogue file, built from its imported (v3) inventories."""
    folder = tmp_path_factory.mktemp("county")
    write_demo(folder / "demo", library)
    db = open_database(folder / "county.sqlite3")
    import_files(db, library, collect_files([folder / "demo"]))
    path = folder / "云溪县平台目录.jianfu-catalogue"
    write_catalogue(path, build_catalogue(imported_inventory_rows(db), "云溪县"))
    db.close()
    return path


@pytest.mark.parametrize("version", [1, 2])
def test_a_township_on_an_earlier_version_lists_dispatch_platforms_as_business_systems(
    library, county_catalogue: Path, version: int
) -> None:
    """A township still finishing a v1/v2 assessment reads the county's v3 catalogue: its 派单平台
    entries become 网页平台/业务系统 (how v2 asked them to be listed), with a note; nothing is refused."""
    read = read_catalogue(county_catalogue)
    dispatch = [e for e in read.entries if e.kind == "dispatch_platform"]
    assert [e.name for e in dispatch] == ["数字城管平台"]
    fitted = fit_catalogue(read.entries, library.get("township-selfcheck", version), versions(library))
    assert [e.name for e in fitted.entries] == [e.name for e in read.entries]  # every entry offered
    by_name = {e.name: e for e in fitted.entries}
    assert all(by_name[e.name].kind == "web_platform" for e in dispatch)
    assert all(by_name[e.name] == e for e in read.entries if e.kind != "dispatch_platform")
    assert len(fitted.notes) == 1
    note = fitted.notes[0]
    assert note.startswith(f"{len(dispatch)} 条的类型为“派单平台（网格化、12345热线、数字城管等）”")
    assert f"本次自查所用的第 {version} 版清单没有这一类型" in note and "已按“网页平台/业务系统”列出" in note
    assert all(e.name in note for e in dispatch)


def test_unknown_kinds_are_left_out_with_a_note_and_old_columns_dropped(tmp_path: Path, library) -> None:
    """A kind no version here knows (a newer program's catalogue) leaves out its entries only;
    v1's 部门层级, which v3 no longer asks, is dropped from the entry, not refused."""
    path = tmp_path / "目录.jianfu-catalogue"
    entries = [
        CatalogueEntry("网格通", "dispatch_platform", "县委政法委", "", 9),
        CatalogueEntry("云上会议", "cloud_meeting", "县政府办", "", 2),
        CatalogueEntry("农技通", "app", "县农业农村局", "county", 3),
    ]
    write_catalogue(path, Catalogue("云溪县", "2026-12-01T09:00:00", entries))
    fitted = fit_catalogue(read_catalogue(path).entries, library.latest(), versions(library))
    assert fitted.entries == [entries[0], CatalogueEntry("农技通", "app", "县农业农村局", "", 3)]
    assert fitted.notes == [
        "1 条的类型“cloud_meeting”不是本程序任何版本清单中的选项（平台目录可能由更新版本的减负助手生成），"
        "未列出：云上会议。需要的请在清单中手工添加。"
    ]
    old = fit_catalogue(read_catalogue(path).entries, library.get("township-selfcheck", 1), versions(library))
    assert [e.name for e in old.entries] == ["网格通", "农技通"] and old.entries[1].level == "county"


def test_every_earlier_value_is_offered_by_the_earlier_versions(library) -> None:
    """A choice's ``earlier`` names a value each earlier version's same column offers."""
    for checklist in versions(library):
        for item in checklist.items():
            for column in item.columns:
                for choice in (c for c in column.choices if c.earlier):
                    for earlier in versions(library):
                        if earlier.version < checklist.version and earlier.has_item(item.id):
                            same = earlier.item(item.id).column(column.id)
                            assert same is not None and choice.earlier in {c.value for c in same.choices}


def test_catalogue_from_imported_inventories_round_trips(tmp_path: Path, library, checklist) -> None:
    write_demo(tmp_path / "demo", library)
    db = open_database(tmp_path / "county.sqlite3")
    import_files(db, library, collect_files([tmp_path / "demo"]))
    catalogue = build_catalogue(imported_inventory_rows(db), "云溪县")
    db.close()
    names = [e.name for e in catalogue.entries]
    assert "网格通" in names and len(names) == len(set(names))
    grid = next(e for e in catalogue.entries if e.name == "网格通")
    assert grid.department == "县委政法委" and grid.townships >= 5
    path = tmp_path / "云溪县平台目录.jianfu-catalogue"
    write_catalogue(path, catalogue)
    read = read_catalogue(path)
    assert read.entries == catalogue.entries and read.county == "云溪县"
    # the version the demo is answered on lists every entry as it is
    fitted = fit_catalogue(read.entries, library.latest(), versions(library))
    assert fitted.entries == catalogue.entries and fitted.notes == []

    document = json.loads(path.read_text(encoding="utf-8"))
    document["entries"][0]["name"] = "改过的名字"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError, match="校验码"):
        read_catalogue(path)
