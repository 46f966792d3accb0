"""Safe file names from text anyone may have typed (township, county and department names)."""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = frozenset('<>:"/\\|?*')  # Windows forbids these; "/" and "\\" would also make folders
# Windows device names are reserved with any extension ("CON.pdf" opens the console).
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)
_LONGEST_SUFFIX = 20


def safe_file_name(name: str, *, fallback: str, limit: int = 120) -> str:
    """``name`` as one file name: no folders, no control, forbidden or reserved names, no
    leading or trailing dots or spaces, at most ``limit`` characters with its suffix kept."""
    kept = "".join("_" if c in _FORBIDDEN or unicodedata.category(c) in ("Cc", "Cs") else c for c in name)
    kept = re.sub(r"\s+", " ", kept).strip(" .")
    if not kept:
        return fallback
    if kept.split(".")[0].strip().upper() in _RESERVED:
        kept = "_" + kept
    if len(kept) <= limit:
        return kept
    stem, dot, suffix = kept.rpartition(".")
    if not dot or not stem or len(suffix) > _LONGEST_SUFFIX:
        return kept[:limit].rstrip(" .") or fallback
    return stem[: limit - len(suffix) - 1].rstrip(" .") + "." + suffix
