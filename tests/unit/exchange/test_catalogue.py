from __future__ import annotations

import json
from pathlib import Path

import pytest

from jianfu.exchange.catalogue import CatalogueError, build_catalogue, read_catalogue, write_catalogue
from jianfu.exchange.demo import write_demo
from jianfu.services.county_import import collect_files, import_files
from jianfu.storage.county_inventory import imported_inventory_rows
from jianfu.storage.database import open_database


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


def choices(checklist, column: str) -> set[str]:
    return {c.value for c in checklist.item("apps.inventory").column(column).choices}


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
    # the kinds of the version the demo is answered on (v3 lists 派单平台); v1's levels
    read = read_catalogue(path, choices(library.latest(), "kind"), choices(checklist, "level"))
    assert read.entries == catalogue.entries and read.county == "云溪县"

    document = json.loads(path.read_text(encoding="utf-8"))
    document["entries"][0]["name"] = "改过的名字"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueError, match="校验码"):
        read_catalogue(path, choices(checklist, "kind"), choices(checklist, "level"))
