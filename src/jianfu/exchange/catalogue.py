"""The county platform catalogue (平台目录): the apps, groups and platforms known in the county.

The inspector builds it from the imported inventories and hands it to the townships, whose
inventory is then ticked from it rather than typed, so that names match across townships.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jianfu.core.attribution import department_key
from jianfu.core.checklist import Checklist, Choice
from jianfu.core.errors import JianfuError, read_reason
from jianfu.exchange import strict_json

FORMAT_NAME = "jianfu-catalogue"
FORMAT_VERSION = 1
FILE_SUFFIX = ".jianfu-catalogue"
MAX_BYTES = 2 * 1024 * 1024
FIELDS = ("name", "kind", "department", "level")
CHOICE_FIELDS = ("kind", "level")  # values the township's checklist version must offer
INVENTORY = "apps.inventory"


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


def read_catalogue(path: Path) -> Catalogue:
    """Read and check a catalogue file; what a township's checklist offers is ``fit_catalogue``'s."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CatalogueError(path, "文件过大")
        document = strict_json.loads(path.read_bytes().decode("utf-8"))
    except strict_json.StrictJsonError as exc:
        raise CatalogueError(path, str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(path, f"不是完整的 JSON（{strict_json.decode_reason(exc)}）") from exc
    except UnicodeDecodeError as exc:
        raise CatalogueError(path, f"不是 UTF-8 编码的文本（第 {exc.start} 字节处）") from exc
    except RecursionError as exc:
        raise CatalogueError(path, "嵌套层数过深") from exc
    except OSError as exc:
        raise CatalogueError(path, f"无法读取（{read_reason(exc)}）") from exc
    problem = strict_json.check_text_and_dates(document)
    if problem:
        raise CatalogueError(path, f"内容不符合要求（{problem}）")
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise CatalogueError(path, "不是减负助手的平台目录")
    if document.get("format_version") != FORMAT_VERSION:
        raise CatalogueError(path, f"格式版本 {document.get('format_version')!r} 本程序不支持，请升级减负助手")
    if document.get("sha256") != _checksum(document):
        raise CatalogueError(path, "校验码与内容不符，文件被改动过或已损坏")
    if any(not isinstance(document.get(f) or "", str) for f in ("county", "created_at")):
        raise CatalogueError(path, "县名或生成时间不是文字")
    listed = document.get("entries") or []
    if not isinstance(listed, list):
        raise CatalogueError(path, "条目（entries）应为列表")
    entries = []
    for n, raw in enumerate(listed, start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"].strip():
            raise CatalogueError(path, f"第 {n} 条缺少名称")
        if any(not isinstance(raw.get(f) or "", str) for f in FIELDS):
            raise CatalogueError(path, f"第{n}条的名称、类型、部门或层级不是文字")
        townships = raw.get("townships") or 0
        if isinstance(townships, bool) or not isinstance(townships, int) or townships < 0:
            raise CatalogueError(path, f"第{n}条的乡镇数应为不小于0的整数")
        values = {f: str(raw.get(f) or "")[:100] for f in FIELDS}
        entries.append(CatalogueEntry(**values, townships=townships))
    return Catalogue(str(document.get("county") or ""), str(document.get("created_at") or ""), entries)


@dataclass(frozen=True)
class FittedCatalogue:
    """The entries as the township's checklist version can list them, and what was changed or left out."""

    entries: list[CatalogueEntry]
    notes: list[str]  # Chinese, one per kind (or level) that had to be mapped or left out


def fit_catalogue(
    entries: Sequence[CatalogueEntry], checklist: Checklist, versions: Sequence[Checklist]
) -> FittedCatalogue:
    """Fit a catalogue to the inventory of ``checklist``, the township's version.

    The county builds its catalogue from every township's inventory, whatever version each was
    answered on, so it may carry a kind a newer version added (v3's 派单平台 for a township still on
    v2) or a column an older one had (v1's 部门层级). A value the township's table does not offer is
    mapped where the newer version declares how earlier versions list it (``Choice.earlier``);
    otherwise its entries are left out, never the whole catalogue. A column the table lacks is dropped.
    ``versions``: every version of the checklist this program knows, to name a value it does not offer.
    """
    table = checklist.item(INVENTORY)
    allowed: dict[str, set[str]] = {}
    for field in CHOICE_FIELDS:
        column = table.column(field)
        if column is not None:
            allowed[field] = {c.value for c in column.choices}
    result: list[CatalogueEntry] = []
    mapped: dict[tuple[str, str, str], list[str]] = {}  # (column label, value label, as label) → names
    left_out: dict[tuple[str, str, str], list[str]] = {}  # (column label, value label, why) → names
    for entry in entries:
        changes: dict[str, str] = {}
        skipped = False
        for field in CHOICE_FIELDS:
            value = getattr(entry, field)
            if not value or (field in allowed and value in allowed[field]):
                continue
            if field not in allowed:
                changes[field] = ""  # the township's version does not ask it
                continue
            label, choice = _known_choice(versions, field, value)
            if choice is not None and choice.earlier in allowed[field]:
                changes[field] = choice.earlier
                mapped.setdefault((label, choice.label, _label(checklist, field, choice.earlier)), []).append(
                    entry.name
                )
                continue
            if choice is None:
                why = "不是本程序任何版本清单中的选项（平台目录可能由更新版本的减负助手生成）"
                key = (label or field, value, why)
            else:
                key = (
                    label,
                    choice.label,
                    f"是较新版本清单的选项，本次自查所用的第 {checklist.version} 版清单没有对应选项",
                )
            left_out.setdefault(key, []).append(entry.name)
            skipped = True
            break
        if not skipped:
            result.append(replace(entry, kind=changes.get("kind", entry.kind), level=changes.get("level", entry.level)))
    notes = [
        f"{len(names)} 条的{column}为“{value}”，本次自查所用的第 {checklist.version} 版清单没有这一{column}，"
        f"已按“{target}”列出：{'、'.join(names)}。"
        for (column, value, target), names in mapped.items()
    ]
    notes += [
        f"{len(names)} 条的{column}“{value}”{why}，未列出：{'、'.join(names)}。需要的请在清单中手工添加。"
        for (column, value, why), names in left_out.items()
    ]
    return FittedCatalogue(result, notes)


def _known_choice(versions: Sequence[Checklist], field: str, value: str) -> tuple[str, Choice | None]:
    """The column's label and the choice ``value`` in the newest version that offers it."""
    label = ""
    for checklist in sorted(versions, key=lambda c: c.version, reverse=True):
        column = checklist.item(INVENTORY).column(field) if checklist.has_item(INVENTORY) else None
        if column is None:
            continue
        label = label or column.label
        for choice in column.choices:
            if choice.value == value:
                return column.label, choice
    return label, None


def _label(checklist: Checklist, field: str, value: str) -> str:
    column = checklist.item(INVENTORY).column(field)
    return next((c.label for c in column.choices if c.value == value), value) if column else value


def _checksum(document: dict[str, Any]) -> str:
    content = {k: v for k, v in document.items() if k != "sha256"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
