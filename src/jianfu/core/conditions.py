"""Skip logic and row filters as data: a tiny condition language evaluated without ``eval``.

A condition is a mapping, one of::

    {item: ID, equals: V} / not_equals / in: [V…] / includes: V (multiple choice)
    {item: ID, gt: N} / gte / lt / lte
    {item: ID, answered: true|false}
    {item: ID, gt: {item: OTHER}}       (gt/gte/lt/lte: compared with another answer)
    {all: [C…]} / {any: [C…]} / {not: C}
    {table: ID, any_row: C}             (some row of a table answer; C speaks of ``column:``)

Inside a table (row filters of scoring rules) ``column:`` takes the place of ``item:``.
A reference whose answer is missing or "not applicable" makes every comparison false.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

COMPARISONS = ("equals", "not_equals", "in", "includes", "gt", "gte", "lt", "lte", "answered")
COMBINATORS = ("all", "any", "not")
ROW_QUANTIFIER = "any_row"  # {table: ID, any_row: C}: C holds for at least one row of the table


@dataclass(frozen=True)
class Condition:
    """A parsed condition: either a comparison (ref set) or a combinator (children set)."""

    op: str
    ref: str | None = None
    operand: Any = None
    children: tuple[Condition, ...] = ()

    def refs(self) -> list[str]:
        if self.op == ROW_QUANTIFIER:
            return [self.ref] if self.ref is not None else []
        if self.ref is not None:
            return [self.ref, *([self.operand.ref] if isinstance(self.operand, OtherAnswer) else [])]
        return [r for child in self.children for r in child.refs()]

    def distinct_refs(self) -> tuple[str, ...]:
        """``refs()`` without repeats, in order; worked out once (scoring asks on every rule)."""
        refs = self.__dict__.get("_distinct_refs")
        if refs is None:
            refs = tuple(dict.fromkeys(self.refs()))
            object.__setattr__(self, "_distinct_refs", refs)
        return refs

    def row_quantifiers(self) -> list[Condition]:
        """Every ``{table:, any_row:}`` in this condition (their inner refs are columns)."""
        if self.op == ROW_QUANTIFIER:
            return [self]
        return [q for child in self.children for q in child.row_quantifiers()]

    def evaluate(self, lookup: Callable[[str], Any]) -> bool:
        test = self.__dict__.get("_test")
        if test is None:  # frozen dataclass: the compiled test is kept beside the fields by hand
            test = _compile(self)
            object.__setattr__(self, "_test", test)
        return bool(test(lookup))


@dataclass(frozen=True)
class OtherAnswer:
    """The operand ``{item: ID}`` of a numeric comparison: the value of another answer."""

    ref: str


Test = Callable[[Callable[[str], Any]], bool]


def _compile(condition: Condition) -> Test:
    """The condition as one closure, built once: scoring, skip logic and completeness evaluate
    the same few hundred conditions for every assessment of an import."""
    op = condition.op
    if op in COMBINATORS or op == ROW_QUANTIFIER:
        tests = tuple(_compile(c) for c in condition.children)
        if op == "all":
            return lambda lookup: all(t(lookup) for t in tests)
        if op == "any":
            return lambda lookup: any(t(lookup) for t in tests)
        first = tests[0]
        if op == ROW_QUANTIFIER:
            table = condition.ref or ""

            def some_row(lookup: Callable[[str], Any]) -> bool:
                rows = lookup(table)
                if not isinstance(rows, list):
                    return False  # unanswered, "none" or 不适用: no row to speak of
                return any(isinstance(r, Mapping) and first(_cells(r)) for r in rows)

            return some_row
        return lambda lookup: not first(lookup)
    ref, operand = condition.ref, condition.operand
    assert ref is not None
    if op == "answered":
        wanted = bool(operand)
        return lambda lookup: ((value := lookup(ref)) is not None and value != [] and value != "") == wanted
    if isinstance(operand, OtherAnswer):
        other = operand.ref

        def against_other(lookup: Callable[[str], Any]) -> bool:
            value = lookup(ref)
            if value is None:
                return False
            against = lookup(other)
            if not isinstance(against, int | float) or isinstance(against, bool):
                return False  # the other answer missing or not applicable: nothing to compare with
            return _compare(op, value, against)

        return against_other
    if op == "equals":
        return lambda lookup: (value := lookup(ref)) is not None and bool(value == operand)
    if op == "not_equals":
        return lambda lookup: (value := lookup(ref)) is not None and bool(value != operand)
    return lambda lookup: (value := lookup(ref)) is not None and _compare(op, value, operand)


def _cells(row: Mapping[str, Any]) -> Callable[[str], Any]:
    cells = row.get("cells")
    return cells.get if isinstance(cells, Mapping) else (lambda _column: None)


def _compare(op: str, value: Any, operand: Any) -> bool:
    if op == "equals":
        return bool(value == operand)
    if op == "not_equals":
        return bool(value != operand)
    if op == "in":
        return value in operand
    if op == "includes":
        return isinstance(value, list) and operand in value
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    if op == "gt":
        return bool(value > operand)
    if op == "gte":
        return bool(value >= operand)
    if op == "lt":
        return bool(value < operand)
    return bool(value <= operand)  # lte


def parse_condition(raw: Any, where: str, ref_key: str = "item") -> tuple[Condition | None, list[str]]:
    """Parse ``raw`` into a Condition; return (condition, problems) with problems in Chinese."""
    problems: list[str] = []

    def parse(node: Any, path: str) -> Condition | None:
        if not isinstance(node, Mapping):
            problems.append(f"{path}：条件必须是键值表，而不是 {type(node).__name__}")
            return None
        keys = set(node)
        if ROW_QUANTIFIER in keys:
            if keys != {"table", ROW_QUANTIFIER} or not isinstance(node["table"], str):
                problems.append(f"{path}：any_row 须与 table（表格题编号）一起使用，且不能再有其他键")
                return None
            row = parse_rows(node[ROW_QUANTIFIER], f"{path}.any_row")
            return Condition(ROW_QUANTIFIER, ref=node["table"], children=(row,)) if row else None
        combinator = keys & set(COMBINATORS)
        if combinator:
            if len(keys) != 1:
                problems.append(f"{path}：all/any/not 必须单独使用")
                return None
            op = combinator.pop()
            body = node[op]
            if op == "not":
                child = parse(body, f"{path}.not")
                return Condition("not", children=(child,)) if child else None
            if not isinstance(body, list) or not body:
                problems.append(f"{path}.{op}：必须是非空列表")
                return None
            kids = [parse(c, f"{path}.{op}[{i}]") for i, c in enumerate(body)]
            if any(k is None for k in kids):
                return None
            return Condition(op, children=tuple(k for k in kids if k is not None))
        if ref_key not in node or not isinstance(node[ref_key], str):
            problems.append(f"{path}：缺少 {ref_key}（引用的题目或列）")
            return None
        ops = keys - {ref_key}
        if len(ops) != 1 or next(iter(ops)) not in COMPARISONS:
            problems.append(f"{path}：需要且只能有一个比较方式，可用 {', '.join(COMPARISONS)}")
            return None
        op = ops.pop()
        operand = node[op]
        if op in ("gt", "gte", "lt", "lte") and isinstance(operand, Mapping):
            if set(operand) != {ref_key} or not isinstance(operand[ref_key], str):
                problems.append(f"{path}.{op}：与另一回答比较时只能写 {{{ref_key}: 编号}}")
                return None
            return Condition(op, ref=node[ref_key], operand=OtherAnswer(operand[ref_key]))
        if op in ("gt", "gte", "lt", "lte") and (not isinstance(operand, int | float) or isinstance(operand, bool)):
            problems.append(f"{path}.{op}：必须是数字，或 {{{ref_key}: 编号}}（另一回答）")
            return None
        if op == "in" and not isinstance(operand, list):
            problems.append(f"{path}.in：必须是列表")
            return None
        if op == "answered" and not isinstance(operand, bool):
            problems.append(f"{path}.answered：必须是 true 或 false")
            return None
        return Condition(op, ref=node[ref_key], operand=operand)

    def parse_rows(node: Any, path: str) -> Condition | None:
        inner, found = parse_condition(node, path, ref_key="column")
        problems.extend(found)
        return inner

    condition = parse(raw, where)
    return (condition if not problems else None), problems
