"""Ed25519 signatures on exported files: one key per installation, kept in the data folder.

A signature proves which installation sent a file and that nobody changed it on the way; it
does not prove that the answers in it are true. The county binds each township to the first key
it sees (trust on first use) and holds files signed by any other key until an inspector confirms
the new key, for example after reading the fingerprint out over the phone.

The per-key sequence number only grows (it is stored beside the key and bumped before every
export), so the county orders a township's files by it instead of by clock text.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from jianfu.core.errors import JianfuError, os_error_reason, read_reason

ALGORITHM = "Ed25519"
MAX_SEQUENCE = 999_999_999  # a file's numbers stay within ±1e9 (core.limits)
KEY_FILENAME = "signing-key.pem"
SEQUENCE_FILENAME = "signing-sequence.txt"


class SigningError(JianfuError):
    """The installation's key cannot be read or its sequence number cannot be saved."""


@dataclass(frozen=True)
class Signer:
    """A private key with the sequence number the next signed file carries."""

    private_key: bytes  # the 32-byte Ed25519 seed
    sequence: int

    @property
    def public_key(self) -> bytes:
        return public_key_of(self.private_key)

    def sign(self, message: bytes) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.private_key).sign(message)


def public_key_of(private_key: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = Ed25519PrivateKey.from_private_bytes(private_key).public_key()
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def fingerprint(public_key: bytes) -> str:
    """What an inspector reads out over the phone: 16 hex digits of the key's SHA-256, in fours."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


# --------------------------------------------------------------------- the installation's key


def installation_fingerprint(folder: Path) -> str:
    return fingerprint(public_key_of(_load_or_create_key(folder)))


def next_signer(folder: Path) -> Signer:
    """The installation's key with its next sequence number, which is saved before it is used:
    a crash after this can skip a number, never reuse one."""
    private_key = _load_or_create_key(folder)
    sequence_path = folder / SEQUENCE_FILENAME
    advice = "请从备份恢复数据文件夹，或删除该文件后重试（县级会把此后的文件视为较旧）。"
    try:
        text = sequence_path.read_bytes()[:64].strip()
    except FileNotFoundError:
        text = b""
    except OSError as exc:
        raise SigningError(f"签名序号文件 {sequence_path} 无法读取（{read_reason(exc)}）。{advice}") from exc
    # ASCII digits only (int() would take "１２" or "-5"), and below the files' limit of 1e9
    if not re.fullmatch(rb"[0-9]{0,9}", text) or int(text or 0) + 1 > MAX_SEQUENCE:
        raise SigningError(f"签名序号文件 {sequence_path} 的内容不是有效的序号（应为不超过9位的数字）。{advice}")
    sequence = int(text or 0) + 1
    _write_atomically(sequence_path, f"{sequence}\n".encode("ascii"))
    return Signer(private_key, sequence)


def _load_or_create_key(folder: Path) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        load_pem_private_key,
    )

    path = folder / KEY_FILENAME
    if path.exists():
        try:
            key = load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise SigningError(
                f"签名密钥 {path} 无法读取（文件损坏或不是减负助手的密钥）。请从备份恢复数据文件夹；"
                "若确实丢失，删除该文件后程序会新建密钥，县级需要重新确认本镇的新密钥。"
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningError(f"签名密钥 {path} 不是 Ed25519 密钥。")
        return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    new_key = Ed25519PrivateKey.generate()
    folder.mkdir(parents=True, exist_ok=True)
    pem = new_key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    _write_atomically(path, pem, private=True)
    return new_key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _write_atomically(path: Path, data: bytes, private: bool = False) -> None:
    temporary = path.with_name(path.name + ".part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(temporary, flags, 0o600 if private else 0o644)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise SigningError(f"无法写入 {path}（{os_error_reason(exc)[0]}），请检查数据文件夹的磁盘空间和权限。") from exc
