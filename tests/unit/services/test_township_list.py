"""The 应报乡镇名单 the inspector loads: the encodings Chinese Excel and Notepad write, hostile lines
left out (never stored, so the summary PDF and workbook can print every name), and a file that is
no list refused in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from jianfu.core.errors import JianfuError
from jianfu.services.township_list import MAX_LIST_BYTES, parse_township_list, read_township_list

LIST = "519901101000,柳河镇\r\n519901102000，石桥镇\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_list_saved_by_excel_or_notepad_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes(LIST.encode(encoding))
    assert read_township_list(path) == ([("519901101000", "柳河镇"), ("519901102000", "石桥镇")], [])


def test_hostile_lines_are_left_out() -> None:
    text = "\n".join(
        [
            "５１９９０１１０１０００,全角数字镇",  # full-width digits pass str.isdigit()
            "519901103000,控制\x07字符",
            "519901104000," + "长" * 51,
            "519901105000,新民街道",
        ]
    )
    townships, bad = parse_township_list(text)
    assert townships == [("519901105000", "新民街道")]
    assert len(bad) == 3 and all(len(line) <= 80 for line in bad)


def test_a_file_that_is_no_list_is_refused_in_chinese(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"519901101000,x\n" * (MAX_LIST_BYTES // 15 + 1))
    with pytest.raises(JianfuError, match="过大") as raised:
        read_township_list(big)
    assert str(big) in str(raised.value)
    binary = tmp_path / "名单.xlsx"
    binary.write_bytes(b"PK\x03\x04\x80\xff\xfe" * 10)
    with pytest.raises(JianfuError, match="不是 UTF-8 或 GBK 编码的文本"):
        read_township_list(binary)
    with pytest.raises(JianfuError, match="无法读取乡镇名单"):
        read_township_list(tmp_path / "missing.csv")
