"""The county platform catalogue (平台目录): the apps, groups and platforms known in the county.

The inspector builds it from the imported inventories and hands it to the townships, whose
inventory is then ticked from it rather than typed, so that names match across townships.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jianfu.core.attribution import department_key
from jianfu.core.errors import JianfuError
from jianfu.exchange import strict_json

FORMAT_NAME = "jianfu-catalogue"
FORMAT_VERSION = 1
FILE_SUFFIX = ".jianfu-catalogue"
MAX_BYTES = 2 * 1024 * 1024
FIELDS = ("name", "kind", "department", "level")


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    kind: str
    department: str
    level: str
    townships: int = 0  # how many townships reported it

    def cells(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in (
                ("name", self.name),
                ("kind", self.kind),
                ("department", self.department),
                ("level", self.level),
            )
            if v
        }


@dataclass(frozen=True)
class Catalogue:
    county: str
    created_at: str
    entries: list[CatalogueEntry]


class CatalogueError(JianfuError):
    def __init__(self, path: Path, reason: str) -> None:
        self.reason = reason
        super().__init__(f"平台目录文件 {path} 无效：{reason}。请向县里重新索取平台目录文件。")


def build_catalogue(rows: Iterable[tuple[int, dict[str, Any]]], county: str) -> Catalogue:
    """Inventory rows (township id, cells) of the imported assessments, merged by name and department."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    towns: dict[tuple[str, str], set[int]] = {}
    for township_id, cells in rows:
        name = str(cells.get("name") or "").strip()
        if not name:
            continue
        key = (department_key(name), department_key(str(cells.get("department") or "")))
        groups.setdefault(key, []).append(cells)
        towns.setdefault(key, set()).add(township_id)
    entries = []
    for key, variants in groups.items():

        def commonest(field: str, variants: list[dict[str, Any]] = variants) -> str:
            values = Counter(str(v.get(field) or "").strip() for v in variants)
            values.pop("", None)
            return values.most_common(1)[0][0] if values else ""

        entries.append(
            CatalogueEntry(
                commonest("name"), commonest("kind"), commonest("department"), commonest("level"), len(towns[key])
            )
        )
    entries.sort(key=lambda e: (e.department, -e.townships, e.name))
    return Catalogue(county, dt.datetime.now().isoformat(timespec="seconds"), entries)


def write_catalogue(path: Path, catalogue: Catalogue) -> None:
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "county": catalogue.county,
        "created_at": catalogue.created_at,
        "entries": [
            {"name": e.name, "kind": e.kind, "department": e.department, "level": e.level, "townships": e.townships}
            for e in catalogue.entries
        ],
    }
    document["sha256"] = _checksum(document)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)


def read_catalogue(path: Path, kinds: set[str], levels: set[str]) -> Catalogue:
    """Read and check a catalogue; ``kinds`` and ``levels`` are the values the checklist allows."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CatalogueError(path, "文件过大")
        document = strict_json.loads(path.read_bytes().decode("utf-8"))
    except strict_json.StrictJsonError as exc:
        raise CatalogueError(path, str(exc)) from exc
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CatalogueError(path, f"无法读取或不是 JSON（{exc.__class__.__name__}）") from exc
    problem = strict_json.check_text_and_dates(document)
    if problem:
        raise CatalogueError(path, f"内容不符合要求（{problem}）")
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise CatalogueError(path, "不是减负助手的平台目录")
    if document.get("format_version") != FORMAT_VERSION:
        raise CatalogueError(path, f"格式版本 {document.get('format_version')!r} 本程序不支持，请升级减负助手")
    if document.get("sha256") != _checksum(document):
        raise CatalogueError(path, "校验码与内容不符，文件被改动过或已损坏")
    entries = []
    for n, raw in enumerate(document.get("entries") or [], start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise CatalogueError(path, f"第 {n} 条缺少名称")
        values = {f: str(raw.get(f) or "")[:100] for f in FIELDS}
        if (values["kind"] and values["kind"] not in kinds) or (values["level"] and values["level"] not in levels):
            raise CatalogueError(path, f"第 {n} 条（{values['name']}）的类型或层级不是清单中的选项")
        entries.append(CatalogueEntry(**values, townships=int(raw.get("townships") or 0)))
    return Catalogue(str(document.get("county") or ""), str(document.get("created_at") or ""), entries)


def _checksum(document: dict[str, Any]) -> str:
    content = {k: v for k, v in document.items() if k != "sha256"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
