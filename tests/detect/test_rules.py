"""Every rule matches its own examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from clause_analyzer.detect.rules import ConfigError, RuleMatcher, default_rules, parse_rules
from clause_analyzer.nlp import analyse

RULES = default_rules().rules
CASES = [(r.id, text, True) for r in RULES for text in r.examples] + [
    (r.id, text, False) for r in RULES for text in r.counter_examples
]


@pytest.fixture(scope="module")
def matcher(nlp) -> RuleMatcher:
    return RuleMatcher(default_rules(), nlp)


@pytest.mark.parametrize(("rule_id", "text", "expected"), CASES)
def test_rule_examples(matcher: RuleMatcher, nlp, rule_id: str, text: str, expected: bool) -> None:
    matched = {m.rule.id for m in matcher.match(analyse([text], nlp)[0])}
    assert (rule_id in matched) is expected


def test_every_rule_has_examples_both_ways() -> None:
    assert all(r.examples and r.counter_examples for r in RULES)


def test_match_offsets_point_into_original_text(matcher: RuleMatcher, nlp) -> None:
    text = "Le titulaire remet un SOGÉD, puis réalise 350 HEURES D'INSERTION."
    matches = matcher.match(analyse([text], nlp)[0])
    spans = {m.rule.id: text[m.start : m.end] for m in matches}
    assert spans["insertion.clause"] == "HEURES D'INSERTION"


def test_token_pattern_rules_run_on_lemmas(nlp) -> None:
    rules = parse_rules(
        {
            "rule": [
                {
                    "id": "t.recruit",
                    "role": "evidence",
                    "axes": ["insertion"],
                    "pattern": [{"LEMMA": "recruter"}],
                }
            ]
        },
        "test",
    )
    from clause_analyzer.detect.rules import RuleSet

    matcher = RuleMatcher(RuleSet.of(rules), nlp)
    found = matcher.match(analyse(["Le titulaire recrutera deux personnes."], nlp)[0])
    assert [m.text for m in found] == ["recrutera"]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"id": "x", "role": "evidence", "axes": ["nope"], "regex": "a"}, "axe inconnu"),
        ({"id": "x", "role": "evidence", "axes": ["insertion"], "regex": "É"}, "minuscules"),
        ({"id": "x", "role": "lever", "regex": "a"}, "levier"),
        ({"id": "x", "role": "evidence", "axes": ["insertion"]}, "regex"),
    ],
)
def test_invalid_rules_are_refused(raw: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_rules({"rule": [raw]}, "test.toml")
