"""The by-type schema check built from the file format's schema is never more lenient than
fastjsonschema on the same schema: whatever it accepts, fastjsonschema accepts (it may refuse
more; those files go to fastjsonschema, which decides). Checked on valid files mutated at random
places with the values at and past the schema's limits."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange import assessment_file, schema_check
from jianfu.exchange.demo import sample_assessments
from jianfu.exchange.signing import Signer

VERSIONS = (1, 2)
_LIMITS = (0, 1, 19, 20, 21, 40, 41, 50, 51, 100, 101, 200, 201, 2000, 2001, 10000, 10001)
_POOL: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    2,
    -1,
    1.0,
    2.0,
    0.5,
    100,
    100.5,
    -0.5,
    10**9,
    "",
    "x",
    "own",
    "escalate",
    "Ed25519",
    "jianfu-assessment",
    "2026-Q4",
    "2026-Q4\n",
    "2026",
    "2026-H3",
    "2026-02-29",
    "2028-02-29",
    "2026-13-01",
    "2026-1-01",
    "２０２６-01-01",
    "2026-01-01\n",
    "519901101000",
    "519901101000\n",
    "51990110100",
    "a" * 43 + "=",
    "a" * 86 + "==",
    "0" * 64,
    "0" * 64 + "\n",
    "workload.apps",
    [],
    [""],
    ["x"] * 21,
    [{"row_id": "r1", "cells": {}}],
    [{"row_id": "", "cells": {}}],
    [{"row_id": "r1", "cells": {"c": [1]}}],
    [{"row_id": "r1"}],
    {},
    {"value": None, "not_applicable": False, "note": ""},
    {"score": 50, "level": "x", "level_label": "x"},
    *("镇" * n for n in _LIMITS),
    *(["字" * 40] * n for n in (20, 21, 100, 101, 500, 501)),
]


@cache
def _documents(library: ChecklistLibrary) -> list[dict[str, Any]]:
    """Valid files: signed and unsigned, full and empty (treat as read-only: mutants are copies)."""
    documents = []
    for n, (assessment, result) in enumerate(sample_assessments(library)[:4]):
        signer = Signer(bytes(range(n, n + 32)), n + 1) if n % 2 else None
        documents.append(assessment_file.to_document(assessment, result, "2026-12-31T09:00:00", signer=signer))
    checklist = library.latest()
    empty = sample_assessments(library)[0][0]
    empty = type(empty)(empty.township, empty.period, checklist.id, checklist.version, empty.base_date, {}, [], "")
    documents.append(assessment_file.to_document(empty, score_assessment(checklist, {}), "2026-12-31T09:00:00"))
    return documents


def _places(value: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((value, key))
            _places(item, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((value, index))
            _places(item, found)
    return found


def _mutate(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    mutant = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        places = _places(mutant, [])
        container, key = places[data.draw(st.integers(0, len(places) - 1))]
        action = data.draw(st.sampled_from(["replace", "replace", "replace", "delete", "add", "rename", "grow"]))
        replacement = copy.deepcopy(data.draw(st.sampled_from(_POOL)))
        if action == "replace":
            container[key] = replacement
        elif action == "delete":
            del container[key]
        elif action == "add" and isinstance(container, dict):
            container[data.draw(st.sampled_from(["extra", "a.b", "A.b", "a.b\n", "value", "cells"]))] = replacement
        elif action == "add":
            container.append(replacement)
        elif action == "rename" and isinstance(container, dict):
            container[data.draw(st.sampled_from(["x", "a.b", "workload.apps\n", "镇.b"]))] = container.pop(key)
        elif action == "grow" and isinstance(container[key], str):
            container[key] += "镇" * data.draw(st.sampled_from([1, 20, 40, 100, 2000, 10000]))
        elif action == "grow" and isinstance(container[key], list) and container[key]:
            container[key] *= data.draw(st.sampled_from([2, 30, 600]))
    return mutant


def _schema_accepts(version: int, document: Any) -> bool:
    try:
        assessment_file._validator(version)(document)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


@pytest.mark.parametrize("version", VERSIONS)
def test_valid_files_take_the_fast_path(library: ChecklistLibrary, version: int) -> None:
    check = _fast_check(version)
    for document in _documents(library):
        if version == 1:
            document = {k: v for k, v in document.items() if k != "signature"} | {"format_version": 1}
        assert _schema_accepts(version, document)
        assert check(document)


@cache
def _fast_check(version: int) -> schema_check.Check:
    return schema_check.compile_check(assessment_file._schema(version))


@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_what_the_fast_check_accepts_the_schema_accepts(library: ChecklistLibrary, data: st.DataObject) -> None:
    mutant = _mutate(data.draw(st.sampled_from(_documents(library))), data)
    for version in VERSIONS:
        if _fast_check(version)(mutant):
            assert _schema_accepts(version, mutant)


def test_mutants_are_both_accepted_and_refused_so_the_test_above_has_teeth(library: ChecklistLibrary) -> None:
    check = _fast_check(2)
    document = copy.deepcopy(_documents(library)[1])
    assert check(document)
    for path, value in [
        (("township", "division_code"), "519901101000\n"),
        (("period",), "2026-H3"),
        (("base_date",), "2026-13-01"),
        (("format_version",), 2.0),
        (("checklist", "version"), True),
        (("app_version",), "镇" * 41),
        (("plan", 0, "handling"), "both"),
        (("plan", 0, "deadline"), "2026-1-01"),
        (("scores", "overall", "score"), 100.5),
    ]:
        mutant = copy.deepcopy(document)
        target: Any = mutant
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        assert not check(mutant), path


def test_a_keyword_it_does_not_know_makes_it_refuse_the_schema() -> None:
    with pytest.raises(schema_check.UnsupportedSchema):
        schema_check.compile_check({"type": "object", "patternProperties": {"^x": {}}})
    with pytest.raises(schema_check.UnsupportedSchema):
        schema_check.compile_check({"type": "string", "format": "email"})
    with pytest.raises(schema_check.UnsupportedSchema):
        schema_check.compile_check({"$ref": "#/$defs/loop", "$defs": {"loop": {"$ref": "#/$defs/loop"}}})
