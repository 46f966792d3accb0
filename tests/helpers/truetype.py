"""Glyphs drawn in a PDF, told apart without trusting the code that drew them.

A font subset embedded by ReportLab renumbers its glyphs, so a drawn glyph is identified by its
fingerprint: the outline header (contour count and bounding box) and the advance width, read
from the embedded subset and from the original font file alike.
"""

from __future__ import annotations

import struct
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

Fingerprint = tuple[bytes, int]


class TrueType:
    def __init__(self, data: bytes) -> None:
        self.data = data
        count = struct.unpack(">H", data[4:6])[0]
        self.tables = {}
        for i in range(count):
            tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = data[offset : offset + length]

    @classmethod
    def from_file(cls, path: str | Path) -> TrueType:
        return cls(Path(path).read_bytes())

    def fingerprint(self, glyph: int) -> Fingerprint:
        long_offsets = struct.unpack(">h", self.tables["head"][50:52])[0] == 1
        loca = self.tables["loca"]
        if long_offsets:
            start, end = struct.unpack(">II", loca[4 * glyph : 4 * glyph + 8])
        else:
            start, end = (2 * v for v in struct.unpack(">HH", loca[2 * glyph : 2 * glyph + 4]))
        header = self.tables["glyf"][start : min(end, start + 10)]
        metrics = struct.unpack(">H", self.tables["hhea"][34:36])[0]
        advance = struct.unpack(">H", self.tables["hmtx"][4 * min(glyph, metrics - 1) :][:2])[0]
        return header, advance

    def subset_glyph(self, code: int) -> int:
        """The glyph of ``code`` in a ReportLab subset (its cmap is one format-6 table)."""
        cmap = self.tables["cmap"]
        offset = struct.unpack(">I", cmap[8:12])[0]
        first, count = struct.unpack(">HH", cmap[offset + 6 : offset + 10])
        glyphs = struct.unpack(f">{count}H", cmap[offset + 10 : offset + 10 + 2 * count])
        return glyphs[code - first]


def drawn_glyphs(pdf: bytes, font_name_part: str) -> list[Fingerprint]:
    """Fingerprints of the glyphs drawn in fonts whose name contains ``font_name_part``, in the
    order the content streams draw them (left to right within a line)."""
    reader = PdfReader(__import__("io").BytesIO(pdf))
    result: list[Fingerprint] = []
    for page in reader.pages:
        resources = page["/Resources"]["/Font"]
        subsets = {}
        for name, ref in resources.items():
            font = ref.get_object()
            if font_name_part in str(font["/BaseFont"]):
                subsets[name] = TrueType(font["/FontDescriptor"]["/FontFile2"].get_data())
        current = None
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = subsets.get(operands[0])
            elif current is not None and operator in (b"Tj", b"TJ"):
                items = operands[0] if operator == b"TJ" else [operands[0]]
                for item in items:
                    if isinstance(item, (int, float)):
                        continue
                    raw = item if isinstance(item, bytes) else item.get_original_bytes()
                    result.extend(current.fingerprint(current.subset_glyph(code)) for code in raw)
    return result
