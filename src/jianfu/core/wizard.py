"""The township wizard's pages and their order, as plain data (no Qt).

Pages are the start page, one page per checklist section (basic information first), then
results, the rectification plan, and printing/export. The UI asks here where Next and Back go
and how complete each page is; it holds no such rules itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # not imported at start-up: the start page is shown before the checklist is loaded
    from collections.abc import Iterable

    from jianfu.core.answers import Answers
    from jianfu.core.checklist import Checklist, Item

START, RESULTS, PLAN, EXPORT = "start", "results", "plan", "export"


class WizardPage(NamedTuple):  # not a dataclass: making one costs ~1 ms before the first paint
    id: str
    title: str
    section_id: str | None = None  # set for pages that ask checklist items


def wizard_pages(checklist: Checklist) -> list[WizardPage]:
    pages = [WizardPage(START, "开始")]
    pages += [WizardPage(s.id, s.title, s.id) for s in checklist.sections]
    pages += [WizardPage(RESULTS, "自查结果"), WizardPage(PLAN, "整改方案"), WizardPage(EXPORT, "打印与导出")]
    return pages


def next_page(checklist: Checklist, current: str) -> str | None:
    ids = [p.id for p in wizard_pages(checklist)]
    index = ids.index(current)
    return ids[index + 1] if index + 1 < len(ids) else None


def previous_page(checklist: Checklist, current: str) -> str | None:
    ids = [p.id for p in wizard_pages(checklist)]
    index = ids.index(current)
    return ids[index - 1] if index > 0 else None


def page_completion(checklist: Checklist, answers: Answers, page_id: str) -> tuple[int, int] | None:
    """(answered, asked) for checklist pages; None for the others."""
    from jianfu.core.answers import completion

    if page_id not in {s.id for s in checklist.sections}:
        return None
    return completion(checklist, answers, page_id)


def first_page_to_confirm(checklist: Checklist, answers: Answers) -> str | None:
    """The first page with answers carried over from last period and not yet confirmed."""
    from jianfu.core.answers import unconfirmed

    found = unconfirmed(checklist, answers)
    return checklist.item(found[0]).section_id if found else None


def blocking_items(checklist: Checklist, answers: Answers) -> list[str]:
    """Required items still empty: results are shown anyway, but these are pointed out."""
    from jianfu.core.answers import missing_required

    return [item.id for item in missing_required(checklist, answers)]


def items_by_page(checklist: Checklist, item_ids: Iterable[str]) -> list[tuple[WizardPage, list[Item]]]:
    """``item_ids`` grouped under the pages that ask them, in wizard order (to say *where* an
    assessment is still incomplete, not only how many items)."""
    wanted = set(item_ids)
    grouped = []
    for page in wizard_pages(checklist):
        if page.section_id is not None:
            items = [item for item in checklist.section(page.section_id).items if item.id in wanted]
            if items:
                grouped.append((page, items))
    return grouped
