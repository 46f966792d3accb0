"""Who may report for a township: each division code is bound to the first signing key the county
sees (trust on first use). A file signed by another key, or unsigned once a key is known, is held
as 待确认 and not applied until the inspector confirms it, typically after reading the new key's
fingerprint out with the township over the phone.

Which of a township's files is newer is decided by the signed sequence number, never by the
clock text inside the file; unsigned files (format version 1) count in the order received.
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass

from jianfu.exchange.assessment_file import MAX_FILE_BYTES, AssessmentFile, Signature
from jianfu.exchange.signing import b64
from jianfu.storage.database import DatabaseError


@dataclass(frozen=True)
class SignerRow:
    division_code: str
    township: str
    fingerprint: str
    first_seen: str
    confirmed_at: str | None  # when an inspector confirmed a replacement key


@dataclass(frozen=True)
class HeldFile:
    id: int
    division_code: str
    period: str
    township: str
    fingerprint: str | None  # None: the file is unsigned
    known_fingerprint: str | None  # the key the county knows for this township
    sequence: int | None
    file_name: str
    received_at: str
    reason: str


def hold_reason(conn: sqlite3.Connection, content: AssessmentFile, trusted: bool, stamp: str) -> str | None:
    """Bind the township on first use; say why the file must wait for the inspector, or None.

    ``trusted``: the inspector confirmed this file, so its key replaces the known one."""
    a = content.assessment
    code = a.township.division_code
    signature = content.signature
    known = conn.execute(
        "SELECT public_key, fingerprint, township FROM county_signers WHERE division_code = ?", (code,)
    ).fetchone()
    if signature is None:
        if known is None or trusted:
            return None
        return f"文件未签名，而 {a.township.name}（{code}）此前的文件都由密钥 {known[1]} 签名"
    key_text = b64(signature.public_key)
    if known is None:
        conn.execute(
            "INSERT INTO county_signers (division_code, public_key, fingerprint, township, first_seen)"
            " VALUES (?, ?, ?, ?, ?)",
            (code, key_text, signature.fingerprint, a.township.name, stamp),
        )
        return None
    if known[0] == key_text:
        return None
    if trusted:
        conn.execute(
            "UPDATE county_signers SET public_key = ?, fingerprint = ?, township = ?, confirmed_at = ?"
            " WHERE division_code = ?",
            (key_text, signature.fingerprint, a.township.name, stamp, code),
        )
        return None
    renamed = (
        f"；文件中的乡镇名称“{a.township.name}”也与此前的“{known[2]}”不同"
        if known[2] and known[2] != a.township.name
        else ""
    )
    return (
        f"签名密钥 {signature.fingerprint} 与 {code}（{known[2] or '此前报送的乡镇'}）此前使用的密钥 {known[1]} 不同"
        f"{renamed}：可能是该乡镇换了电脑或重装了程序，也可能是他人冒名。请电话核对新密钥指纹后再确认"
    )


def is_newer(conn: sqlite3.Connection, content: AssessmentFile) -> bool:
    """Whether ``content`` should replace the township's current file for its period."""
    a = content.assessment
    current = conn.execute(
        "SELECT signer_fingerprint, sequence FROM assessment_history WHERE division_code = ? AND period = ?"
        " AND reason = 'current'",
        (a.township.division_code, a.period.code),
    ).fetchone()
    if current is None:
        return True
    signature: Signature | None = content.signature
    if signature is None or current[0] != signature.fingerprint:
        # Unsigned: in the order received. Another key: only reaches here once it is the bound
        # (confirmed) key, whose files supersede the replaced key's.
        return True
    return current[1] is None or signature.sequence > int(current[1])


def hold(conn: sqlite3.Connection, content: AssessmentFile, file_name: str, reason: str, stamp: str) -> None:
    a = content.assessment
    signature = content.signature
    conn.execute(
        "INSERT OR IGNORE INTO held_files (division_code, period, township, public_key, fingerprint, sequence,"
        " content_sha256, file_name, received_at, reason, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.township.division_code,
            a.period.code,
            a.township.name,
            b64(signature.public_key) if signature else None,
            signature.fingerprint if signature else None,
            signature.sequence if signature else None,
            content.sha256,
            file_name,
            stamp,
            reason,
            zlib.compress(content.raw, 1),
        ),
    )


def is_held(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM held_files WHERE content_sha256 = ?", (sha256,)).fetchone() is not None


def signers(conn: sqlite3.Connection) -> list[SignerRow]:
    return [
        SignerRow(*row)
        for row in conn.execute(
            "SELECT division_code, township, fingerprint, first_seen, confirmed_at FROM county_signers"
            " ORDER BY division_code"
        )
    ]


def unsigned_townships(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(division code, name) of townships whose current file is unsigned and that have no key yet."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT DISTINCT h.division_code, coalesce(t.name, '') FROM assessment_history h"
            " LEFT JOIN townships t ON t.division_code = h.division_code"
            " WHERE h.reason = 'current' AND h.signer_fingerprint IS NULL"
            " AND h.division_code NOT IN (SELECT division_code FROM county_signers) ORDER BY h.division_code"
        )
    ]


def held_files(conn: sqlite3.Connection) -> list[HeldFile]:
    return [
        HeldFile(*row)
        for row in conn.execute(
            "SELECT h.id, h.division_code, h.period, h.township, h.fingerprint, s.fingerprint, h.sequence,"
            " h.file_name, h.received_at, h.reason FROM held_files h"
            " LEFT JOIN county_signers s ON s.division_code = h.division_code ORDER BY h.division_code, h.id"
        )
    ]


def held_document(conn: sqlite3.Connection, held_id: int) -> tuple[bytes, str] | None:
    row = conn.execute("SELECT document, file_name FROM held_files WHERE id = ?", (held_id,)).fetchone()
    return (unpack_stored_file(row[0], row[1]), row[1]) if row else None


def unpack_stored_file(blob: bytes, name: str) -> bytes:
    """A received file as stored (zlib): never more than any file the import accepts, so that a
    damaged or doctored database cannot unpack into gigabytes; damage is named in Chinese."""
    try:
        unpacker = zlib.decompressobj()
        data = unpacker.decompress(blob, MAX_FILE_BYTES + 1)
        complete = unpacker.eof and not unpacker.unconsumed_tail
    except (zlib.error, TypeError):
        complete = False
        data = b""
    if not complete or len(data) > MAX_FILE_BYTES:
        raise DatabaseError(f"县级数据库中保存的文件 {name} 已损坏，无法读出。请向报送单位重新索取这个文件，重新导入。")
    return data


def release(conn: sqlite3.Connection, held_id: int) -> None:
    conn.execute("DELETE FROM held_files WHERE id = ?", (held_id,))


def same_key_held(conn: sqlite3.Connection, held_id: int) -> list[int]:
    """The held files for the same township and key as ``held_id`` (itself first), in signed order:
    confirming a key applies all of them."""
    row = conn.execute("SELECT division_code, public_key FROM held_files WHERE id = ?", (held_id,)).fetchone()
    if row is None or row[1] is None:
        return [held_id] if row else []
    others = conn.execute(
        "SELECT id FROM held_files WHERE division_code = ? AND public_key = ? AND id != ? ORDER BY sequence",
        (row[0], row[1], held_id),
    )
    return [held_id, *(r[0] for r in others)]
