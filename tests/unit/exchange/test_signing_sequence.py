"""The signing sequence file (signing-sequence.txt) is read like any file from outside: damage is
named in Chinese with what to do, never exported as a file the county would refuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from jianfu.exchange.signing import SEQUENCE_FILENAME, SigningError, next_signer


def test_the_sequence_grows_from_what_the_file_says(tmp_path: Path) -> None:
    assert next_signer(tmp_path).sequence == 1
    assert next_signer(tmp_path).sequence == 2
    (tmp_path / SEQUENCE_FILENAME).write_text("41\r\n", encoding="ascii")
    assert next_signer(tmp_path).sequence == 42
    assert (tmp_path / SEQUENCE_FILENAME).read_text(encoding="ascii") == "42\n"


@pytest.mark.parametrize("content", ["abc", "-5", "１２", "1e3", "999999999", "12345678901234567890", "\x00\x00"])
def test_a_damaged_sequence_file_is_named_in_chinese_and_left_alone(tmp_path: Path, content: str) -> None:
    path = tmp_path / SEQUENCE_FILENAME
    path.write_bytes(content.encode("utf-8"))
    with pytest.raises(SigningError) as raised:
        next_signer(tmp_path)
    message = str(raised.value)
    assert str(path) in message and "不是有效的序号" in message and "备份" in message
    assert "invalid literal" not in message
    assert path.read_bytes() == content.encode("utf-8")
