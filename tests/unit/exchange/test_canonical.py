"""The checksum is reproducible by other systems: RFC 8785 bytes, recomputed here by a separate
tiny implementation, by node's JSON.stringify and by jq, for every sample file."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jianfu.exchange import strict_json
from jianfu.exchange.canonical import (
    CanonicalError,
    canonical_bytes,
    canonical_bytes_reference,
    canonical_text_of_parsed,
    format_number,
)


def tiny_jcs(value: object) -> str:
    """An independent JCS for the values a Jianfu file holds (numbers below 1e21)."""
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + tiny_jcs(v) for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(tiny_jcs(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)  # shortest round trip; plain notation for the numbers in our files
    return json.dumps(value, ensure_ascii=False)


def _content(path: Path) -> dict:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("sha256")
    document["signature"].pop("value")
    return document


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory, library) -> list[Path]:
    from jianfu.exchange.demo import write_demo

    return write_demo(tmp_path_factory.mktemp("demo"), library)


def test_every_sample_checksum_is_recomputed_by_an_independent_implementation(demo_files) -> None:
    assert len(demo_files) == 18
    whole_floats = 0
    for path in demo_files:
        content = _content(path)
        text = tiny_jcs(content)
        whole_floats += path.read_text(encoding="utf-8").count(".0,") + path.read_text(encoding="utf-8").count(".0\n")
        assert text.encode("utf-8") == canonical_bytes(content)
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == json.loads(path.read_text("utf-8"))["sha256"]
    assert whole_floats > 0  # the case Python alone got wrong (250.0) is in the sample


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_json_stringify_reproduces_every_checksum(demo_files) -> None:
    script = r"""
const fs = require('fs'), crypto = require('crypto');
const sort = v => Array.isArray(v) ? v.map(sort) : (v && typeof v === 'object')
  ? Object.keys(v).sort().reduce((o, k) => (o[k] = sort(v[k]), o), {}) : v;
for (const file of process.argv.slice(1)) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const expected = doc.sha256; delete doc.sha256; delete doc.signature.value;
  const got = crypto.createHash('sha256').update(JSON.stringify(sort(doc)), 'utf8').digest('hex');
  console.log(got === expected ? 'ok' : 'MISMATCH ' + file);
}"""
    result = subprocess.run(
        ["node", "-e", script, *map(str, demo_files)], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["ok"] * len(demo_files)


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
def test_jq_reproduces_every_checksum(demo_files) -> None:
    for path in demo_files:
        out = subprocess.run(
            ["jq", "-S", "-c", "del(.sha256) | del(.signature.value)", str(path)],
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout.rstrip(b"\n")
        assert hashlib.sha256(out).hexdigest() == json.loads(path.read_text("utf-8"))["sha256"]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_numbers_are_written_as_ecmascript_writes_them() -> None:
    rng = random.Random(8785)
    numbers = [0.0, -0.0, 1.0, 250.0, 0.1, 1e-7, 1.5e-6, 1e21, 1e20, 123456789012.5, -3.25, 2**53]
    numbers += [rng.uniform(-1e6, 1e6) for _ in range(200)] + [
        rng.random() * 10 ** rng.randint(-12, 25) for _ in range(200)
    ]
    script = "for (const x of JSON.parse(process.argv[1])) console.log(JSON.stringify(x));"
    out = subprocess.run(
        ["node", "-e", script, json.dumps(numbers)], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert [format_number(n) for n in numbers] == out


def test_values_without_a_canonical_form_are_refused() -> None:
    for bad in (float("inf"), float("nan"), 2**60, {"a": object()}, "\ud800"):
        with pytest.raises(CanonicalError):
            canonical_bytes(bad)
    assert (
        canonical_bytes({"b": [1.0, "x\n\u0007"], "a": None, "é": True})
        == '{"a":null,"b":[1,"x\\n\\u0007"],"é":true}'.encode()
    )


# Strings with what RFC 8785 escapes, keys whose UTF-16 order differs from code point order
# (U+E000–U+FFFF against the astral planes), and every kind of number; now and then a value
# without a canonical form (a lone surrogate, infinity, NaN, a huge integer), which both must refuse.
_tricky_text = st.text(
    alphabet=st.sampled_from(['"', "\\", "\b", "\t", "\n", "\f", "\r", "\x00", "\x1f", "\x7f", "\u2028", "a", "é"])
    | st.characters(min_codepoint=0xE000, max_codepoint=0xFFFF)
    | st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF)
    | st.characters(exclude_categories=["Cs"]),
    max_size=6,
)
_numbers = (
    st.integers(min_value=-(2**53), max_value=2**53)
    | st.floats(min_value=-1e6, max_value=1e6).map(lambda x: round(x, 3))
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(min_value=-1e22, max_value=1e22).map(lambda x: float(round(x)))
    | st.sampled_from([0.0, -0.0, 250.0, 0.1, 1e-7, 1.5e-6, 1e16, 1e21, 2.0**53, 2.0**53 + 2, 1e-300])
)
_invalid = st.sampled_from([float("inf"), float("nan"), 2**60, "x\ud800", "\udfff", object()])
_leaves = st.integers(0, 39).flatmap(
    lambda pick: _invalid if pick == 0 else (st.none() | st.booleans() | _numbers | _tricky_text)
)
_json_values = st.recursive(
    _leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_tricky_text, inner, max_size=5),
    max_leaves=15,
)


def _reference_outcome(value: object) -> bytes | type[Exception]:
    try:
        return canonical_bytes_reference(value)
    except CanonicalError:
        return CanonicalError


@settings(max_examples=300, deadline=None)
@given(_json_values)
def test_the_fast_canonical_form_equals_the_reference_writer(value: object) -> None:
    expected = _reference_outcome(value)
    if expected is CanonicalError:
        with pytest.raises(CanonicalError):
            canonical_bytes(value)
    else:
        assert canonical_bytes(value) == expected


def test_the_fast_canonical_form_equals_the_reference_on_every_demo_file(demo_files) -> None:
    for path in demo_files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert canonical_bytes(document) == canonical_bytes_reference(document)


def test_keys_are_ordered_by_utf16_code_units_not_code_points() -> None:
    # U+1F600 is D83D DE00 in UTF-16, so it sorts before U+FF01 there, after it by code point.
    value = {"\uff01": 1, "\U0001f600": 2, "a": {"\U0001f600x": 1.5, "\ufb01": [1e-7, 250.0]}}
    expected = '{"a":{"\U0001f600x":1.5,"\ufb01":[1e-7,250]},"\U0001f600":2,"\uff01":1}'
    assert canonical_bytes(value) == canonical_bytes_reference(value) == expected.encode("utf-8")


# What the strict reader returns: text keys, integers of at most 12 digits, finite numbers.
_parsed_numbers = (
    st.integers(min_value=-(10**12) + 1, max_value=10**12 - 1)
    | st.floats(min_value=-1e6, max_value=1e6).map(lambda x: round(x, 3))
    | st.floats(min_value=-1e15, max_value=1e15, allow_nan=False)
    | st.floats(min_value=-1e12, max_value=1e12).map(lambda x: float(round(x)))
    | st.sampled_from([0.0, -0.0, 250.0, -3.0, 0.1, 1e-7, 1.5e-6, 1e16, 2.0**53])
)
# Text that looks like a whole float where only the quotes tell it is text.
_lookalike_text = st.lists(
    st.sampled_from(['"', "\\", ":", ",", "]", "}", "[", "-0", "250", ".0", "e-7", "\n", "a", "\U0001f600"]),
    max_size=6,
).map("".join)
_parsed_values = st.recursive(
    st.none() | st.booleans() | _parsed_numbers | _lookalike_text | _tricky_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_lookalike_text | _tricky_text, inner, max_size=5),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_lookalike_text | _tricky_text, _parsed_values, max_size=5))
def test_the_parsed_document_shortcut_equals_the_reference_writer(document: dict) -> None:
    expected = _reference_outcome(document)
    if expected is CanonicalError:  # a lone surrogate: the reader's encode step refuses it
        with pytest.raises(UnicodeEncodeError):
            canonical_text_of_parsed(document).encode("utf-8")
    else:
        assert canonical_text_of_parsed(document).encode("utf-8") == expected


def test_the_parsed_document_shortcut_rewrites_whole_floats_outside_strings_only() -> None:
    text = '{"a": 250.0, "b": [-0.0, 1.0, 2.5, "x:1.0,", ":-0.0]"], "c": {"d": 3.0}, "e": "\\\\", "f": 7.0}'
    document = strict_json.loads(text)
    expected = '{"a":250,"b":[0,1,2.5,"x:1.0,",":-0.0]"],"c":{"d":3},"e":"\\\\","f":7}'
    assert canonical_text_of_parsed(document) == expected
    assert canonical_bytes_reference(document) == expected.encode("utf-8")
    del document["e"]  # without the escaped backslash the quotes alone decide
    assert canonical_text_of_parsed(document).encode("utf-8") == canonical_bytes_reference(document)


def test_the_parsed_document_shortcut_on_every_demo_file(demo_files) -> None:
    for path in demo_files:
        document = strict_json.loads(path.read_text(encoding="utf-8"))
        assert canonical_text_of_parsed(document).encode("utf-8") == canonical_bytes_reference(document)
