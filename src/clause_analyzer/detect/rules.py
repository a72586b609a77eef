"""Rules as data: high-precision cues, false friends, negations and lever cues.

Each rule lives in a TOML file under `detect/rules/`, has a stable id, and carries its own
`examples` (texts it must match) and `counter_examples` (texts it must not match), which the
test suite runs. A rule matches either a regex over the folded text (lower case, no accents,
same length: see `nlp.fold_aligned`) or a spaCy `Matcher` token pattern over lemmas, folded
like the text ({"LEMMA": "reemployer"}).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher

from ..errors import ConfigError
from ..nlp import Analysed, fold_aligned

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class Role(str, Enum):
    EVIDENCE = "evidence"  # the clause speaks of the axis
    FALSE_FRIEND = "false_friend"  # looks like the axis and is not ("siège social")
    NEGATION = "negation"  # the clause says the axis is absent ("ne comporte pas de clause…")
    LEVER = "lever"  # how the clause binds (award criterion, reserved…)


@dataclass(frozen=True)
class Rule:
    id: str
    role: Role
    description: str
    axes: tuple[str, ...] = ()
    lever: str | None = None
    weight: float = 1.0
    regex: re.Pattern[str] | None = None
    pattern: tuple[dict[str, Any], ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule: Rule
    text: str  # as written in the clause
    start: int  # character offsets in the clause text
    end: int


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    by_id: dict[str, Rule] = field(repr=False)

    @classmethod
    def of(cls, rules: list[Rule]) -> RuleSet:
        by_id: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in by_id:
                raise ConfigError(f"règle en double : {rule.id}")
            by_id[rule.id] = rule
        return cls(tuple(rules), by_id)


AXES = (
    "insertion",
    "handicap_reserve",
    "egalite_conditions",
    "climat_energie",
    "circularite_ressources",
    "biodiversite_sante",
    "alimentation_durable",
    "economie_pme_innovation",
)
LEVERS = ("specification", "execution_condition", "award_criterion", "reserved", "other")


def parse_rules(data: dict[str, Any], source: str) -> list[Rule]:
    rules = []
    for raw in data.get("rule", []):
        try:
            rules.append(_parse_rule(raw))
        except (KeyError, ValueError, re.error) as exc:
            raise ConfigError(f"{source} : règle {raw.get('id', '?')} invalide : {exc}") from exc
    return rules


def _parse_rule(raw: dict[str, Any]) -> Rule:
    role = Role(raw["role"])
    axes = tuple(raw.get("axes", ()))
    for axis in axes:
        if axis not in AXES:
            raise ValueError(f"axe inconnu {axis!r}")
    lever = raw.get("lever")
    if lever is not None and lever not in LEVERS:
        raise ValueError(f"levier inconnu {lever!r}")
    if role is Role.LEVER and lever is None:
        raise ValueError("une règle de levier indique son levier")
    if role is not Role.LEVER and not axes:
        raise ValueError("une règle indique les axes qu'elle concerne")
    if ("regex" in raw) == ("pattern" in raw):
        raise ValueError("une règle a soit `regex`, soit `pattern`")
    if "regex" in raw and fold_aligned(raw["regex"]) != raw["regex"]:
        # Regexes run on folded text; an accent or capital in one could never match.
        raise ValueError("écrivez la regex en minuscules sans accents ([^\\s] plutôt que \\S)")
    return Rule(
        id=raw["id"],
        role=role,
        description=raw.get("description", ""),
        axes=axes,
        lever=lever,
        weight=float(raw.get("weight", 1.0)),
        regex=re.compile(raw["regex"]) if "regex" in raw else None,
        pattern=tuple(raw.get("pattern", ())),
        examples=tuple(raw.get("examples", ())),
        counter_examples=tuple(raw.get("counter_examples", ())),
    )


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    rules: list[Rule] = []
    folder = resources.files("clause_analyzer.detect") / "rules"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            rules.extend(parse_rules(tomllib.loads(entry.read_text("utf-8")), entry.name))
    return RuleSet.of(rules)


class RuleMatcher:
    """Runs a rule set over analysed texts; built once, reused for every clause."""

    def __init__(self, rules: RuleSet, nlp: Language) -> None:
        self.rules = rules
        self._matcher = Matcher(nlp.vocab)
        for rule in rules.rules:
            if rule.pattern:
                self._matcher.add(rule.id, [list(rule.pattern)])

    def match(self, item: Analysed) -> list[RuleMatch]:
        text = item.doc.text
        found: list[RuleMatch] = []
        for rule in self.rules.rules:
            if rule.regex is not None:
                found.extend(_regex_matches(rule, item.aligned, text))
        for match_id, start, end in self._matcher(item.doc) if len(self._matcher) else ():
            rule = self.rules.by_id[item.doc.vocab.strings[match_id]]
            span = item.doc[start:end]
            found.append(RuleMatch(rule, span.text, span.start_char, span.end_char))
        return found


def _regex_matches(rule: Rule, aligned: str, text: str) -> Iterator[RuleMatch]:
    assert rule.regex is not None
    for m in rule.regex.finditer(aligned):
        yield RuleMatch(rule, text[m.start() : m.end()], m.start(), m.end())
