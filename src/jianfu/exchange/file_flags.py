"""What a county should notice about a file it accepts: unsigned, dated in the future, or holding
answers carried over from last period that the township never confirmed for this period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from jianfu.exchange.assessment_file import AssessmentFile

FUTURE_TOLERANCE = dt.timedelta(days=1)  # clocks on township PCs are often a little off
FLAG_UNSIGNED = "unsigned"
FLAG_FUTURE = "future"
FLAG_UNCONFIRMED = "unconfirmed"
FLAG_LABELS = {FLAG_UNSIGNED: "未签名", FLAG_FUTURE: "日期在未来", FLAG_UNCONFIRMED: "沿用上期未确认"}


def file_flags(content: AssessmentFile, now: dt.datetime | None = None) -> list[str]:
    flags = [] if content.signature else [FLAG_UNSIGNED]
    limit = (now or dt.datetime.now()) + FUTURE_TOLERANCE
    for text in (content.exported_at, content.assessment.updated_at):
        try:
            stamp = dt.datetime.fromisoformat(text) if text else None
        except ValueError:
            stamp = None
        if stamp is not None and stamp.replace(tzinfo=None) > limit:
            flags.append(FLAG_FUTURE)
            break
    if content.unconfirmed:
        flags.append(FLAG_UNCONFIRMED)
    return flags


def describe_flags(flags: Iterable[str]) -> str:
    return "、".join(FLAG_LABELS.get(f, f) for f in flags if f)
