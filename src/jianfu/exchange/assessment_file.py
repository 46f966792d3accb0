"""The assessment file (``.jianfu``): UTF-8 JSON with a format version, a SHA-256 over its
canonical form (RFC 8785) and, from format version 2, the sending installation's Ed25519 signature.

Reading checks, in this order and before anything is used: size, encoding, strict JSON syntax
(no duplicate keys, no out-of-range numbers), format name and version, the JSON Schema, text and
dates (no control characters, dates in 2000–2100), the checksum, the signature, the checklist
version, then every answer against its checklist item. Any failure raises AssessmentFileError
with the file and the reason in Chinese; nothing is returned half-read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jianfu import __version__
from jianfu.core.answers import Answer, check_answer, unconfirmed
from jianfu.core.assessment import Assessment, IdentityError, Period, Township
from jianfu.core.checklist import Handling
from jianfu.core.errors import AnswerError, JianfuError, UnknownChecklistError, read_reason
from jianfu.core.library import ChecklistLibrary
from jianfu.core.plan import RectificationItem
from jianfu.core.scoring import ScoreResult
from jianfu.exchange import schema_check, signing, strict_json
from jianfu.exchange.canonical import CanonicalError, canonical_bytes, canonical_text_of_parsed
from jianfu.paths import resources_dir

FORMAT_NAME = "jianfu-assessment"
FORMAT_VERSION = 2  # 2: RFC 8785 checksum and an Ed25519 signature; 1 is still read (unsigned)
FILE_SUFFIX = ".jianfu"
MAX_FILE_BYTES = 5 * 1024 * 1024  # a full assessment is ~50 KB; anything near this is not ours


class AssessmentFileError(JianfuError):
    """An assessment file that cannot be read. ``reason`` says why, in Chinese."""

    def __init__(self, path: Path | str, reason: str, advice: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        advice = advice or "请向报送单位重新索取从减负助手导出的原始文件。"
        super().__init__(f"文件 {path} 无效：{reason}。{advice}")


@dataclass(frozen=True)
class Signature:
    """Who signed a file: the installation's public key and the file's place in its sequence."""

    public_key: bytes
    sequence: int

    @property
    def fingerprint(self) -> str:
        return signing.fingerprint(self.public_key)


@dataclass(frozen=True)
class AssessmentFile:
    """What a valid file holds, ready to store."""

    assessment: Assessment
    scores: dict[str, Any]  # as computed at export
    app_version: str
    exported_at: str
    sha256: str
    raw: bytes  # the file as received, for the county's history
    signature: Signature | None = None  # None: an unsigned (format version 1) file
    # asked items still holding last period's answer, never confirmed (see Answer.carried_unconfirmed)
    unconfirmed: int = 0


# ------------------------------------------------------------------------------------ writing


def to_document(
    assessment: Assessment,
    result: ScoreResult,
    exported_at: str | None = None,
    app_version: str = __version__,
    signer: signing.Signer | None = None,
) -> dict[str, Any]:
    """The file content as a JSON-ready dict, signature and checksum included.

    Without a signer the file is unsigned (tests, tools); the wizard always signs."""
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": app_version,
        "exported_at": exported_at or dt.datetime.now().isoformat(timespec="seconds"),
        "checklist": {"id": assessment.checklist_id, "version": assessment.checklist_version},
        "township": {
            "name": assessment.township.name,
            "division_code": assessment.township.division_code,
            "county": assessment.township.county,
        },
        "period": assessment.period.code,
        "base_date": assessment.base_date.isoformat(),
        "updated_at": assessment.updated_at,
        "answers": {item_id: _answer_json(a) for item_id, a in sorted(assessment.answers.items())},
        "plan": [_plan_item_json(item) for item in assessment.plan],
        "scores": result.to_json(),
    }
    return seal(document, signer)


def _answer_json(answer: Answer) -> dict[str, Any]:
    """One answer in the file. ``declared_none`` (a table answered "none") and
    ``carried_unconfirmed`` (last period's answer, neither confirmed nor changed) are written only when
    set, so every file without one is byte for byte what earlier versions wrote and read."""
    entry: dict[str, Any] = {"value": answer.value, "not_applicable": answer.not_applicable, "note": answer.note}
    if answer.declared_none:
        entry["declared_none"] = True
    if answer.carried_unconfirmed:  # last period's answer, not confirmed for this period (same rule)
        entry["carried_unconfirmed"] = True
    return entry


def seal(document: dict[str, Any], signer: signing.Signer | None) -> dict[str, Any]:
    """Sign (when a signer is given; otherwise drop any signature) and checksum ``document``."""
    document.pop("signature", None)
    if signer is not None:
        document["signature"] = {
            "algorithm": signing.ALGORITHM,
            "public_key": signing.b64(signer.public_key),
            "sequence": signer.sequence,
        }
        document["signature"]["value"] = signing.b64(signer.sign(signed_bytes(document)))
    document["sha256"] = checksum(document)
    return document


class ExportRefusedError(JianfuError):
    """The file would be refused by the county's import; nothing was written. In Chinese."""


def check_exportable(document: dict[str, Any], library: ChecklistLibrary) -> None:
    """Run on ``document`` every check the county's import (and ``jianfu validate``) runs, so that
    a file is never written and signed that the county would refuse: a value stored by an older
    version or a bug (a deadline in 2207) is named here, with what to do, instead."""
    try:
        parse_assessment_bytes(_file_bytes(document), "导出的文件", library)
    except AssessmentFileError as exc:
        where = "整改方案页" if "整改事项" in exc.reason else "相应的页面"
        raise ExportRefusedError(
            f"未导出：县级导入会拒收这个文件——{exc.reason}。请在{where}改正后再导出。没有写出文件，也没有签名。"
        ) from None


def write_assessment_file(path: Path, document: dict[str, Any]) -> None:
    """Write atomically: a half-written file never replaces a good one."""
    data = _file_bytes(document)
    temporary = path.with_name(path.name + ".part")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(path)


def _file_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")


def signed_bytes(document: dict[str, Any]) -> bytes:
    """What the checksum and the signature cover: the RFC 8785 form of the document without
    ``sha256`` and without the signature's own ``value``."""
    return canonical_bytes(_signed_content(document))


def _signed_content(document: dict[str, Any]) -> dict[str, Any]:
    content = {k: v for k, v in document.items() if k != "sha256"}
    if isinstance(content.get("signature"), dict):
        content["signature"] = {k: v for k, v in content["signature"].items() if k != "value"}
    return content


def checksum(document: dict[str, Any]) -> str:
    return hashlib.sha256(signed_bytes(document)).hexdigest()


def _legacy_checksum(document: dict[str, Any]) -> str:
    """Format version 1 as first written: Python's json.dumps (``250.0`` for whole floats)."""
    content = {k: v for k, v in document.items() if k != "sha256"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plan_item_json(item: RectificationItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "rule_id": item.rule_id,
        "problem": item.problem,
        "measure": item.measure,
        "handling": item.handling.value,
        "responsible_unit": item.responsible_unit,
        "responsible_person": item.responsible_person,
        "deadline": item.deadline,
        "department": item.department,
        "status": item.status,
        "rejected": item.rejected,
        "triggered": item.triggered,
        "edited": sorted(item.edited),
    }


# ------------------------------------------------------------------------------------ reading


def read_assessment_file(path: Path, library: ChecklistLibrary) -> AssessmentFile:
    try:
        status = path.stat()
    except OSError as exc:
        raise AssessmentFileError(
            path, f"无法读取（{read_reason(exc)}）", "请检查文件是否存在、是否有权限读取。"
        ) from exc
    if stat.S_ISDIR(status.st_mode):
        raise AssessmentFileError(path, "这是一个文件夹，不是自查文件", "请指定文件夹中的 .jianfu 文件。")
    if not stat.S_ISREG(status.st_mode):
        raise AssessmentFileError(path, "不是普通文件（可能是设备或管道）", "请指定从减负助手导出的 .jianfu 文件。")
    size = status.st_size
    if size == 0:
        raise AssessmentFileError(path, "文件是空的")
    if size > MAX_FILE_BYTES:
        raise AssessmentFileError(
            path,
            f"文件过大（{size // 1024} KB，上限 {MAX_FILE_BYTES // 1024} KB），不是减负助手导出的自查文件",
        )
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:  # vanished, locked or unreadable since the check above
        raise AssessmentFileError(
            path, f"无法读取（{read_reason(exc)}）", "请检查文件是否存在、是否有权限读取。"
        ) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise AssessmentFileError(path, "文件在读取时变大，超过上限，不是减负助手导出的自查文件")
    return parse_assessment_bytes(raw, path, library)


def parse_assessment_bytes(raw: bytes, path: Path | str, library: ChecklistLibrary) -> AssessmentFile:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(raw) and exc.reason == "unexpected end of data":  # cut inside a character
            raise AssessmentFileError(path, f"文件不完整：在第{len(raw)}字节处中断，可能在复制或传送时被截断") from exc
        raise AssessmentFileError(path, f"不是 UTF-8 编码的文本（第 {exc.start} 字节处）") from exc
    # /etc/passwd or a renamed text file: "第 1 行第 1 列缺少内容" read as a damaged file of ours
    if not text.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        raise AssessmentFileError(path, "不是减负助手的自查文件（内容不是 JSON 格式）")
    try:
        document = strict_json.loads(text)
    except json.JSONDecodeError as exc:
        raise AssessmentFileError(
            path,
            f"不是完整的 JSON（{strict_json.decode_reason(exc)}），文件可能被截断或改动过",
        ) from exc
    except RecursionError as exc:
        raise AssessmentFileError(path, "嵌套层数过深，不是减负助手导出的自查文件") from exc
    except ValueError as exc:
        raise AssessmentFileError(path, str(exc)) from exc
    _check_envelope(document, path)
    problem = strict_json.check_sizes(document)
    if problem:
        raise AssessmentFileError(path, f"内容超出上限（{problem}）")
    _check_schema(document, path)
    try:  # once: the text check, the checksum and the signature all read the same canonical text
        canonical: str | None = canonical_text_of_parsed(_signed_content(document))
    except CanonicalError:
        canonical = None  # canonical_bytes below names the problem, after the text check has had its say
    serialised = None if canonical is None else canonical + _unsigned_text(document)
    problem = strict_json.check_text_and_dates(document, serialised)
    if problem:
        raise AssessmentFileError(path, f"内容不符合要求（{problem}）")
    try:
        content = signed_bytes(document) if canonical is None else canonical.encode("utf-8")
    except (CanonicalError, UnicodeEncodeError) as exc:
        raise AssessmentFileError(path, f"内容无法规范化（{exc}）") from exc
    expected = {hashlib.sha256(content).hexdigest()}
    if document["format_version"] == 1:
        expected.add(_legacy_checksum(document))
    if document["sha256"] not in expected:
        raise AssessmentFileError(path, "校验码（SHA-256）与内容不符，文件在导出后被改动过或已损坏")
    signature = _check_signature(document, content, path)
    return _to_assessment_file(document, raw, path, library, signature)


def _unsigned_text(document: dict[str, Any]) -> str:
    """The strings the signed text leaves out (the checksum, the signature's value) as JSON text,
    so that the text check sees every string of the file."""
    signature = document.get("signature")
    value = signature.get("value") if isinstance(signature, dict) else None
    return json.dumps([document.get("sha256"), value], ensure_ascii=False)


def _check_signature(document: dict[str, Any], content: bytes, path: Path | str) -> Signature | None:
    entry = document.get("signature")
    if entry is None:
        return None
    try:
        public_key = signing.unb64(entry["public_key"])
        value = signing.unb64(entry["value"])
    except ValueError as exc:
        raise AssessmentFileError(path, "签名或公钥不是有效的 Base64 文字") from exc
    if len(public_key) != 32 or len(value) != 64:
        raise AssessmentFileError(path, "签名或公钥的长度不对，不是 Ed25519 签名")
    if not signing.verify(public_key, value, content):
        raise AssessmentFileError(
            path, "签名与内容不符：文件在签名后被改动过，或签名是伪造的", "请向报送单位重新索取原始文件，并电话核实。"
        )
    return Signature(public_key, int(entry["sequence"]))


def _check_envelope(document: Any, path: Path | str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise AssessmentFileError(path, "不是减负助手的自查文件（缺少 format: jianfu-assessment）")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AssessmentFileError(path, "文件格式版本（format_version）缺失或无效")
    if version > FORMAT_VERSION:
        raise AssessmentFileError(
            path,
            f"文件格式版本为 {version}，由更新版本的减负助手导出，本程序只能读取到第 {FORMAT_VERSION} 版",
            "请升级减负助手后再导入。",
        )


def _schema(version: int) -> dict[str, Any]:
    """A fresh copy each call: fastjsonschema rewrites the references of the dict it compiles."""
    schema_path = resources_dir() / "schema" / f"assessment-file-v{version}.schema.json"
    return dict(json.loads(schema_path.read_text(encoding="utf-8")))


@cache
def _validator(version: int) -> Any:
    # fastjsonschema compiles the schema to Python once: ~1.4 ms a file against ~13 ms for
    # jsonschema; it gives the verdict and the place of any problem.
    import fastjsonschema

    return fastjsonschema.compile(_schema(version))


@cache
def _fast_check(version: int) -> schema_check.Check | None:
    """The same schema as a by-type yes/no check (~0.2 ms a file): "yes" is final, anything
    else goes to fastjsonschema for the verdict and the message."""
    try:
        return schema_check.compile_check(_schema(version))
    except schema_check.UnsupportedSchema:
        return None


def _check_schema(document: dict[str, Any], path: Path | str) -> None:
    import fastjsonschema

    fast = _fast_check(document["format_version"])
    if fast is not None and fast(document):
        return
    try:
        _validator(document["format_version"])(document)
    except fastjsonschema.JsonSchemaValueException as error:
        where = " → ".join(strict_json.printable(p) for p in _schema_where(document, error.path[1:])) or "顶层"
        raise AssessmentFileError(path, f"内容不符合文件格式（位置：{where}；{_schema_reason(error.rule)}）") from None


def _schema_where(document: Any, parts: list[Any]) -> list[str]:
    """fastjsonschema's path as the file has it: its parts are split at every dot, so an item id
    ("apps.inventory") is joined again; a list index is counted from 1, as people count."""
    where: list[str] = []
    value, pending = document, [str(p) for p in parts]
    while pending:
        if isinstance(value, list) and pending[0].isdigit() and int(pending[0]) < len(value):
            where.append(f"第{int(pending[0]) + 1}项")
            value, pending = value[int(pending[0])], pending[1:]
            continue
        taken = next(
            (n for n in range(len(pending), 0, -1) if isinstance(value, dict) and ".".join(pending[:n]) in value), 1
        )
        key = ".".join(pending[:taken])
        where.append(key)
        value, pending = value.get(key) if isinstance(value, dict) else None, pending[taken:]
    return where


def _schema_reason(rule: str | None) -> str:
    reasons = {
        "required": "缺少必需的字段",
        "type": "数据类型不对",
        "additionalProperties": "含有格式中没有的字段",
        "maxLength": "文字过长",
        "minLength": "文字为空或过短",
        "pattern": "写法不符合要求",
        "const": "取值不对",
        "enum": "取值不在允许的范围内",
        "maxItems": "条目过多",
        "maxProperties": "字段过多",
        "minimum": "数值过小",
        "maximum": "数值过大",
        "anyOf": "数据类型不对",
        "propertyNames": "题目编号写法不对",
    }
    return reasons.get(rule or "", "不符合格式要求")


def _to_assessment_file(
    document: dict[str, Any], raw: bytes, path: Path | str, library: ChecklistLibrary, signature: Signature | None
) -> AssessmentFile:
    checklist_ref = document["checklist"]
    try:
        checklist = library.get(checklist_ref["id"], checklist_ref["version"])
    except UnknownChecklistError as exc:
        raise AssessmentFileError(path, str(exc), "请升级减负助手后再导入。") from exc
    try:
        township = Township(**document["township"])
        period = Period(document["period"])
        base_date = dt.date.fromisoformat(document["base_date"])
    except (IdentityError, ValueError) as exc:
        raise AssessmentFileError(path, f"乡镇信息或评估期有误（{exc}）") from exc
    answers = {}
    for item_id, entry in document["answers"].items():
        answer = Answer(
            entry["value"],
            entry["not_applicable"],
            entry["note"],
            entry.get("declared_none", False),
            entry.get("carried_unconfirmed", False),
        )
        try:
            check_answer(checklist, item_id, answer)
        except AnswerError as exc:
            raise AssessmentFileError(path, f"答案有误（{exc}）") from exc
        answers[item_id] = answer
    plan = [
        RectificationItem(
            key=p["key"],
            rule_id=p["rule_id"],
            problem=p["problem"],
            measure=p["measure"],
            handling=Handling(p["handling"]),
            responsible_unit=p["responsible_unit"],
            responsible_person=p["responsible_person"],
            deadline=p["deadline"],
            department=p["department"],
            status=p["status"],
            rejected=p["rejected"],
            triggered=p["triggered"],
            edited=frozenset(p["edited"]),
        )
        for p in document["plan"]
    ]
    keys = [p.key for p in plan]
    if len(set(keys)) != len(keys):
        raise AssessmentFileError(path, "整改方案中有重复的事项编号")
    assessment = Assessment(
        township, period, checklist.id, checklist.version, base_date, answers, plan, document["updated_at"]
    )
    return AssessmentFile(
        assessment,
        document["scores"],
        document["app_version"],
        document["exported_at"],
        document["sha256"],
        raw,
        signature,
        len(unconfirmed(checklist, answers)) if any(a.carried_unconfirmed for a in answers.values()) else 0,
    )
