"""A generator of hostile ``.jianfu`` files, one per class of attack or damage, made from a good
signed sample file: what a forger, a broken exporter or another system could send a county."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jianfu.exchange.assessment_file import checksum, seal
from jianfu.exchange.demo import demo_signing_key
from jianfu.exchange.signing import Signer

Document = dict[str, Any]
STRANGER_KEY = hashlib.sha256(b"someone else's installation").digest()


@dataclass(frozen=True)
class Hostile:
    name: str
    expect: str  # "rejected", "held", "older", "flagged"
    fragment: str  # in the Chinese reason (rejected) or nothing
    make: Callable[[Document], bytes]


def _dump(document: Document) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _own(document: Document, sequence: int) -> Document:
    """Re-signed by the township's own key: only its owner could do this."""
    return seal(document, Signer(demo_signing_key(document["township"]["division_code"]), sequence))


def _rechecksummed(document: Document) -> bytes:
    """Changed, checksum recomputed with the project's own function, signature left as it was."""
    document["sha256"] = checksum(document)
    return _dump(document)


def _answers(document: Document) -> Document:
    document["answers"]["meetings.per_month"]["value"] = 0
    return document


def _key_swapped(document: Document) -> bytes:
    """The signature kept, the public key replaced by the forger's."""
    _answers(document)
    stranger = Signer(STRANGER_KEY, 1)
    document["signature"]["public_key"] = base64.b64encode(stranger.public_key).decode()
    document["sha256"] = checksum(document)
    return _dump(document)


def _forged_signature(document: Document) -> bytes:
    _answers(document)
    document["signature"]["value"] = base64.b64encode(bytes(64)).decode()
    document["sha256"] = checksum(document)
    return _dump(document)


def _garbled_signature(document: Document) -> bytes:
    document["signature"]["value"] = "!!" + document["signature"]["value"][2:]
    return _dump(document)


def _replace_text(old: str, new: str) -> Callable[[Document], bytes]:
    def make(document: Document) -> bytes:
        return _dump(document).replace(old.encode(), new.encode(), 1)

    return make


def _replace_number(new: str) -> Callable[[Document], bytes]:
    def make(document: Document) -> bytes:
        text = re.sub(r'"value": [0-9]+(\.[0-9]+)?,', f'"value": {new},', _dump(document).decode(), count=1)
        return text.encode()

    return make


def _set(change: Callable[[Document], None], own_key: bool = True) -> Callable[[Document], bytes]:
    """Changed and properly re-signed by the township's own key (so only the content check can
    catch it), or unsigned and re-checksummed."""

    def make(document: Document) -> bytes:
        change(document)
        if own_key:
            return _dump(_own(document, 3))
        document.pop("signature")
        document["sha256"] = checksum(document)
        return _dump(document)

    return make


def _rows(document: Document, count: int) -> None:
    document["answers"]["apps.inventory"]["value"] = [
        {"row_id": f"r{n:08d}", "cells": {"name": f"应用{n}"}} for n in range(count)
    ]


def _plan_items(document: Document, count: int) -> None:
    template = document["plan"][0]
    document["plan"] = [{**template, "key": f"custom:{n}", "rule_id": None} for n in range(count)]


def _impersonation(document: Document) -> bytes:
    """ "冒名镇" with 柳河镇's code, named 柳河镇, signed by another installation's key."""
    document["answers"]["meetings.per_month"]["value"] = 0
    return _dump(seal(document, Signer(STRANGER_KEY, 99)))


def _future_sequence_unsigned(document: Document) -> bytes:
    document["signature"]["sequence"] = 1_000_000_000
    document["sha256"] = checksum(document)
    return _dump(document)


def _unsigned_for_known(document: Document) -> bytes:
    _answers(document)
    document.pop("signature")
    document["sha256"] = checksum(document)
    return _dump(document)


def _legacy_v1(document: Document) -> bytes:
    """An unsigned format-1 file with the checksum as Python used to write it (250.0)."""
    document.pop("signature")
    document.pop("sha256")
    document["format_version"] = 1
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    document["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    return _dump(document)


def _future_dated(document: Document) -> Document:
    document["exported_at"] = "2099-12-31T09:00:00"
    document["updated_at"] = "2099-12-31T08:00:00"
    return document


HOSTILE: list[Hostile] = [
    # signatures and checksums
    Hostile("checksum-recomputed", "rejected", "签名与内容不符", lambda d: _rechecksummed(_answers(d))),
    Hostile("checksum-stale", "rejected", "校验码", lambda d: _dump(_answers(d))),
    Hostile("signature-forged", "rejected", "签名与内容不符", _forged_signature),
    Hostile("key-swapped", "rejected", "签名与内容不符", _key_swapped),
    Hostile("sequence-raised-without-key", "rejected", "签名与内容不符", _future_sequence_unsigned),
    Hostile("signature-not-base64", "rejected", "文件格式", _garbled_signature),
    Hostile("impersonation-other-key", "held", "", _impersonation),
    Hostile("signature-missing-known-township", "held", "", _unsigned_for_known),
    Hostile("older-sequence", "older", "", lambda d: _dump(_own(_answers(d), 1))),
    Hostile("future-dated", "flagged", "", lambda d: _dump(_own(_future_dated(_answers(d)), 5))),
    # strict JSON
    Hostile("duplicate-key", "rejected", "出现了两次", _replace_text('"period": ', '"period": "2027-Q1", "period": ')),
    Hostile("number-1e999", "rejected", "超出允许范围", _replace_number("1e999")),
    Hostile("number-huge", "rejected", "超出允许范围", _replace_number("12345678901234567890")),
    Hostile("number-nan", "rejected", "不允许的数值", _replace_number("NaN")),
    # text
    Hostile("control-vt-in-name", "rejected", "控制字符", _set(lambda d: d["township"].update(name="柳河\x0b镇"))),
    Hostile("control-bell-in-measure", "rejected", "控制字符", _set(lambda d: d["plan"][0].update(measure="整改\x07"))),
    Hostile(
        "control-ff-in-note",
        "rejected",
        "控制字符",
        _set(lambda d: d["answers"]["meetings.per_month"].update(note="\x0c")),
    ),
    Hostile(
        "control-in-key", "rejected", "文件格式", _set(lambda d: d["answers"].update({"x\x01": {}}), own_key=False)
    ),
    Hostile("lone-surrogate", "rejected", "代理字符", _replace_text('"name": "柳河镇"', '"name": "柳河\\ud800镇"')),
    Hostile("huge-name", "rejected", "文字过长", _set(lambda d: d["township"].update(name="镇" * 51))),
    Hostile("huge-measure", "rejected", "文字过长", _set(lambda d: d["plan"][0].update(measure="措" * 10_001))),
    # valid text, made harmless by every writer (reports/): accepted
    Hostile(
        "formula-name", "imported", "", _set(lambda d: d["township"].update(name='=HYPERLINK("http://x","柳河镇")'))
    ),
    # dates
    Hostile("base-date-9999", "rejected", "2000–2100", _set(lambda d: d.update(base_date="9999-12-31"))),
    Hostile("exported-9999", "rejected", "2000–2100", _set(lambda d: d.update(exported_at="9999-12-31T23:59:59"))),
    Hostile("deadline-1900", "rejected", "2000–2100", _set(lambda d: d["plan"][0].update(deadline="1900-01-01"))),
    Hostile("updated-not-a-date", "rejected", "不是有效的日期", _set(lambda d: d.update(updated_at="昨天"))),
    # sizes
    Hostile("too-many-rows", "rejected", "表格行数", _set(lambda d: _rows(d, 501))),
    Hostile("too-many-plan-items", "rejected", "超过上限 1000", _set(lambda d: _plan_items(d, 1001))),
    Hostile(
        "format-from-the-future", "rejected", "更新版本", _replace_text('"format_version": 2', '"format_version": 3')
    ),
]
LEGACY = Hostile("legacy-v1-unsigned", "imported", "", _legacy_v1)
