"""Reads each named assessment file in turn and prints one line for it: ``validate`` and
``verify`` differ only in what they say about a valid file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import AssessmentFile, AssessmentFileError, read_assessment_file

EXIT_OK, EXIT_REJECTED = 0, 2


def report_each_file(
    paths: Iterable[Path], library: ChecklistLibrary, describe: Callable[[AssessmentFile], str]
) -> int:
    """Prints ``path: 有效…`` or ``path: 无效 — reason`` a line each; exit status 2 if any failed."""
    status = EXIT_OK
    for path in paths:
        try:
            content = read_assessment_file(path, library)
        except AssessmentFileError as exc:
            print(f"{path}: 无效 — {exc.reason}")
            status = EXIT_REJECTED
            continue
        print(f"{path}: {describe(content)}")
    return status
