"""Township files for a county of any size, made from the sample county's assessments (answers,
plan items and requests to county departments all included), as townships export them."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from jianfu.core.assessment import Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments
from jianfu.exchange.signing import Signer

PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")


def county_files(
    folder: Path, library: ChecklistLibrary, townships: int, periods: int = 4, signed: bool = False
) -> list[Path]:
    """``townships`` × ``periods`` distinct files in ``folder``; township n is "测试镇n".

    ``signed``: each township signs with its own key, as the wizard does (sequence = period)."""
    folder.mkdir(parents=True, exist_ok=True)
    pairs = sample_assessments(library)
    paths = []
    for n in range(townships):
        township = Township(f"测试镇{n}", f"5199{n // 1000:02d}{n % 1000:03d}000", "测试县")
        for p, code in enumerate(PERIODS[-periods:]):
            assessment, result = pairs[(n * periods + p) % len(pairs)]
            copy = replace(assessment, township=township, period=Period(code))
            path = folder / f"t{n}-{code}.jianfu"
            signer = Signer(hashlib.sha256(f"key {n}".encode()).digest(), p + 1) if signed else None
            document = to_document(copy, result, exported_at=f"{code[:4]}-12-31T09:00:00", signer=signer)
            write_assessment_file(path, document)
            paths.append(path)
    return paths
