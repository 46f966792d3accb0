from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jianfu.core.checklist import MANIFESTATION_IDS, FieldType, load_checklist
from jianfu.core.errors import ChecklistError, UnknownChecklistError
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment


def test_every_shipped_checklist_loads_and_scores(library: ChecklistLibrary) -> None:
    files = library.all_files()
    assert files, "no checklist shipped"
    for path in files:
        checklist = load_checklist(path)
        assert library.get(checklist.id, checklist.version).id == checklist.id
        result = score_assessment(checklist, {})
        assert set(result.manifestations) == set(MANIFESTATION_IDS)
        assert all(m.score == 0 for m in result.manifestations.values())


def test_item_bank_covers_the_areas_in_at_most_45_inputs(checklist) -> None:
    assert [s.id for s in checklist.sections] == ["profile", "apps", "filing", "traces", "meetings"]
    assert 30 <= len(checklist.items()) <= 45
    for item in checklist.items():
        assert item.help, item.id
        assert item.source, item.id
    tables = [i for i in checklist.items() if i.type is FieldType.TABLE]
    assert {t.id for t in tables} == {"apps.inventory", "filing.tasks"}


def test_every_manifestation_is_fed_by_several_areas(checklist) -> None:
    areas: dict[str, set[str]] = {m: set() for m in MANIFESTATION_IDS}
    for rule in checklist.rules:
        refs = rule.signal.condition.refs() if rule.signal.condition else [rule.signal.ref]
        for manifestation in rule.weights:
            areas[manifestation].update(checklist.item(r).section_id for r in refs)
    for manifestation, fed_by in areas.items():
        assert len(fed_by) >= 2, (manifestation, fed_by)


def test_no_item_is_read_as_a_burden_both_ways(checklist) -> None:
    """Monotonic scoring needs one burden direction per yes/no answer."""
    direction: dict[str, object] = {}

    def visit(condition) -> None:
        if condition.op in ("all", "any"):
            for child in condition.children:
                visit(child)
        elif condition.op == "equals":
            assert direction.setdefault(condition.ref, condition.operand) == condition.operand, condition.ref

    for rule in checklist.rules:
        if rule.signal.condition is not None:
            visit(rule.signal.condition)


def test_unknown_version_is_a_clear_error(library: ChecklistLibrary) -> None:
    with pytest.raises(UnknownChecklistError, match="升级"):
        library.get("township-selfcheck", 999)


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "v1.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def raw_checklist(library: ChecklistLibrary) -> dict:
    path = library.all_files()[0]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_unknown_item_type_names_file_and_item(tmp_path: Path, raw_checklist: dict) -> None:
    raw_checklist["sections"][1]["items"][1]["type"] = "slider"
    path = _write(tmp_path, raw_checklist)
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    message = str(info.value)
    assert str(path) in message
    assert "slider" in message and "apps.official_accounts_followed" in message


def test_skip_logic_must_reference_an_earlier_item(tmp_path: Path, raw_checklist: dict) -> None:
    item = raw_checklist["sections"][1]["items"][2]
    item["show_if"] = {"item": "meetings.per_month", "gt": 3}
    with pytest.raises(ChecklistError, match=r"meetings\.per_month"):
        load_checklist(_write(tmp_path, raw_checklist))


def test_rule_weights_must_name_a_manifestation(tmp_path: Path, raw_checklist: dict) -> None:
    raw_checklist["rules"][0]["weights"] = {"laziness": 5}
    with pytest.raises(ChecklistError, match="laziness"):
        load_checklist(_write(tmp_path, raw_checklist))


def test_every_manifestation_needs_a_rule(tmp_path: Path, raw_checklist: dict) -> None:
    raw_checklist["rules"] = [r for r in raw_checklist["rules"] if "algorithm_centrism" not in r["weights"]]
    with pytest.raises(ChecklistError, match="algorithm_centrism"):
        load_checklist(_write(tmp_path, raw_checklist))


def test_department_rows_must_be_rows_of_a_table_with_a_department(tmp_path: Path, raw_checklist: dict) -> None:
    raw_checklist["rules"][0]["department_rows"] = {"table": "meetings.per_month"}
    raw_checklist["rules"][1]["department_rows"] = {
        "table": "apps.inventory",
        "where": {"column": "colour", "equals": 1},
    }
    with pytest.raises(ChecklistError) as info:
        load_checklist(_write(tmp_path, raw_checklist))
    assert "department_rows" in str(info.value) and "colour" in str(info.value)


def test_measure_handling_and_deadline_are_checked(tmp_path: Path, raw_checklist: dict) -> None:
    raw_checklist["rules"][0]["measure"]["deadline_days"] = 800
    raw_checklist["rules"][1]["measure"]["handling"] = "ignore"
    with pytest.raises(ChecklistError) as info:
        load_checklist(_write(tmp_path, raw_checklist))
    assert "deadline_days" in str(info.value) and "handling" in str(info.value)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "v1.yaml"
    path.write_text("format: jianfu-checklist\nsections: [\n  - a: b\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="行"):
        load_checklist(path)


def test_yaml_cannot_run_code(tmp_path: Path) -> None:
    path = tmp_path / "v1.yaml"
    path.write_text("!!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    with pytest.raises(ChecklistError):
        load_checklist(path)


@pytest.fixture
def raw_v3(library: ChecklistLibrary) -> dict:
    path = library.root / "township-selfcheck" / "v3.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dispatch_check(raw: dict) -> dict:
    return next(c for c in raw["consistency"] if c["id"] == "dispatch_denied_but_listed")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # verify: was read after the problems were counted, so any mistake in it loaded silently
        (lambda d: d["verify"][0]["when"].update(item="apps.nope"), "verify[0].when：引用的题目 apps.nope 不存在"),
        (lambda d: d["verify"][0].pop("message"), "verify[0]：message 必须是非空文字"),
        (lambda d: d["verify"].append(dict(d["verify"][0])), "verify[1]：id no_platform_dispatch 重复"),
        (lambda d: d.pop("title"), "title 必须是非空文字"),
        # set_when: a value the target cannot hold was dropped at every carry, silently
        (
            lambda d: d["carry_forward"]["set_when"][0].update(value="none"),
            "不是题目 apps.dispatch_per_month 可以保存的回答",
        ),
        (lambda d: d["carry_forward"]["set_when"][0].update(note=0), "set_when[0]：note 必须是文字"),
        # carried one version at a time: any other from_version fails at the first carry
        (lambda d: d["carry_forward"].update(from_version=1), "from_version 必须是上一版（2），而不是1"),
        # a term listed twice counts its hours twice towards the floor
        (
            lambda d: d["manifestation_floor"]["platform_formalism"].append({"fingertip": "apps"}),
            "指尖工时项 apps 重复列出",
        ),
        # a misspelt choice in any_row never matches: the check would be dead
        (
            lambda d: _dispatch_check(d)["contradicted_when"]["all"][1]["any"][1]["any_row"].update(equals="dispatch"),
            "'dispatch' 不是列 kind 的选项",
        ),
    ],
)
def test_v3_sections_are_checked_when_loading(tmp_path: Path, raw_v3: dict, change, expected: str) -> None:
    change(raw_v3)
    path = tmp_path / "v3.yaml"
    path.write_text(yaml.safe_dump(raw_v3, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    assert expected in str(info.value) and str(path) in str(info.value)
