"""Joining Chinese clauses without doubled punctuation ("请改正其中一项。；")."""

from __future__ import annotations

from collections.abc import Iterable

CLAUSE_ENDS = "。；，"


def join_clauses(clauses: Iterable[str], separator: str = "；") -> str:
    """Clauses joined by ``separator``, each without its own closing "。": the caller ends the
    whole (a sentence end followed by a separator reads as a typo)."""
    return separator.join(text for c in clauses if (text := c.strip().rstrip(CLAUSE_ENDS)))
