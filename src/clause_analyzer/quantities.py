"""Figures a buyer or auditor needs, read from clause text: hours, weights, shares, amounts.

Amounts in French drafts come as "1 500,00 € HT", "1.500 €", "1500 euros", "trois cent
cinquante heures": numbers are parsed from digits with French separators, and from words for
the small numbers buyers spell out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nlp import fold_aligned

_NUM = r"\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
_WORD_NUM = (
    r"(?:(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|cents?|mille|et)[- ]?)+"
)


def parse_number(text: str) -> float | None:
    """'1 500,50' → 1500.5; 'trois cent cinquante' → 350; None when it is not a number."""
    text = text.strip()
    if re.fullmatch(_NUM, text):
        return float(re.sub(r"[ .\u00a0\u202f]", "", text).replace(",", "."))
    return _words_to_number(text)


def _words_to_number(text: str) -> float | None:
    total, current = 0, 0
    words = [w for w in re.split(r"[- ]+", fold_aligned(text)) if w and w != "et"]
    if not words:
        return None
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in ("cent", "cents"):
            current = max(current, 1) * 100
        elif word == "mille":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


_HOURS = re.compile(
    rf"(?P<n>{_NUM}|{_WORD_NUM})\s*(?:\(\s*\d[\d\s]*\)\s*)?heures?\b(?P<after>[^.;\n]{{0,80}})",
)
_HOURS_PERCENT = re.compile(
    rf"(?P<n>{_NUM})\s*%\s*(?:du\s+nombre\s+|du\s+volume\s+)?(?:total\s+)?(?:des|d')\s*heures"
)
_PENALTY_PER_HOUR = re.compile(
    rf"(?P<n>{_NUM})\s*(?:€|euros?)\s*(?:h\.?t\.?\s*)?[^.;\d]{{0,40}}?(?:par|pour\s+chaque|/)\s*heure"
)
_INSERTION_CONTEXT = re.compile(r"insertion|eloigne|emploi|iae|siae|public")


def insertion_quantities(text: str) -> dict[str, float]:
    """Hours of insertion, share of hours worked, penalty per missing hour."""
    folded = fold_aligned(text)
    out: dict[str, float] = {}
    hours = []
    for m in _HOURS.finditer(folded):
        window = folded[max(0, m.start() - 120) : m.end()]
        value = parse_number(m["n"])
        # "350 heures d'insertion", "un volume de 350 heures réservé aux publics…"; not "8
        # heures par jour" or "48 heures avant".
        duration = re.match(r"\s*(par\s+(jour|semaine)|avant|apres|a\s+compter)", m["after"])
        if value and value >= 20 and _INSERTION_CONTEXT.search(window) and not duration:
            hours.append(value)
    if hours:
        out["insertion_hours"] = max(hours)
    if percent := _HOURS_PERCENT.search(folded):
        out["insertion_hours_percent"] = float(parse_number(percent["n"]) or 0)
    if penalty := _PENALTY_PER_HOUR.search(folded):
        out["insertion_penalty_per_hour_eur"] = float(parse_number(penalty["n"]) or 0)
    return out


@dataclass(frozen=True)
class Criterion:
    """One award criterion with its weight, read from the RC."""

    name: str
    weight_percent: float | None
    points: float | None = None


_CRITERION_LINE = re.compile(
    rf"^\s*(?:[-•*]\s*|(?:sous-)?crit[eè]re\s*(?:n\s*[°o]?\s*)?\d*\s*[:.)–-]?\s*|\d+(?:\.\d+)?\s*[.)–-]\s*|[a-z]\)\s*)?"
    rf"(?P<name>[A-Za-zÀ-ÿ'’][^|:\n]{{2,140}}?)\s*(?:[:|=–-]|\(|\s)\s*(?:pond[ée]r[ée]?e?\s*(?:à|a)?\s*)?"
    rf"(?P<n>{_NUM})\s*(?P<unit>%|points?|pts)\s*\)?\s*\.?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def criteria(text: str) -> list[Criterion]:
    """Criteria listed one per line or table row: "Prix : 60 %", "Valeur technique | 40 pts"."""
    found = []
    for m in _CRITERION_LINE.finditer(text.replace(" | ", " : ")):
        value = parse_number(m["n"])
        name = m["name"].strip(" -–:|")
        if value is None or not name or len(name.split()) > 20:
            continue
        if m["unit"] == "%":
            if value <= 100:
                found.append(Criterion(name, value))
        else:
            found.append(Criterion(name, None, value))
    return found


_PRICE_ONLY = re.compile(
    r"prix\s+(seul|uniquement)|seul\s+critere\s+(du|de)\s+prix"
    r"|critere\s+unique\s*(de\s+jugement\s+(des\s+offres\s+)?|d'attribution\s+)?(est\s+|:\s*)?(celui\s+du\s+|le\s+)?prix"
    r"|(unique|seul)\s+critere\s+(:\s*)?(le\s+)?prix"
    # "au prix le plus bas" as the award rule; not "offre la moins-disante" in a price-score
    # formula, which every multi-criteria RC has
    r"|(jugee?s?|attribuee?s?|jugement|attribution|retenue?)\s+(au|sur\s+la\s+base\s+du)\s+prix\s+le\s+plus\s+bas"
    r"|prix\s*[:|]\s*100\s*%"
)


def is_price_only(text: str) -> bool:
    return bool(_PRICE_ONLY.search(fold_aligned(text)))


_AMOUNT = re.compile(
    rf"montant\s+(?:total\s+)?(?:estime|previsionnel|estimatif|global\s+estime|maximum|max\.?)"
    rf"[^0-9\n]{{0,80}}?(?P<n>{_NUM})\s*(?P<scale>k|m|millions?)?\s*(?:€|euros?|eur\b)"
)


def estimated_amounts(text: str) -> list[float]:
    out = []
    for m in _AMOUNT.finditer(fold_aligned(text)):
        value = parse_number(m["n"])
        if value is None:
            continue
        scale = (m["scale"] or "").strip()
        value *= 1e3 if scale == "k" else 1e6 if scale.startswith("m") else 1
        out.append(value)
    return out


_SHARE = re.compile(
    rf"(?P<n>{_NUM})\s*%\s*(?:minimum\s+|au\s+moins\s+|en\s+valeur\s+)?(?:de\s+|d')\s*"
    r"(?:produits?|denrees|matieres?|materiaux|papier|fibres?|plastiques?|contenu)?\s*"
    r"(?P<what>[a-z' -]{0,60})"
)


def shares(text: str) -> dict[str, float]:
    """EGAlim shares and recycled / reused content percentages."""
    out: dict[str, float] = {}
    for m in _SHARE.finditer(fold_aligned(text)):
        value = parse_number(m["n"])
        if value is None or value > 100:
            continue
        what = m["what"]
        if re.search(r"\bbio|agriculture\s+biologique", what):
            out.setdefault("organic_percent", value)
        elif re.search(r"durables?|qualite|egalim|labellis", what):
            out.setdefault("sustainable_food_percent", value)
        elif re.search(r"recycl", what):
            out.setdefault("recycled_content_percent", value)
        elif re.search(r"reemploi|reutilis|reconditionn", what):
            out.setdefault("reuse_percent", value)
    return out
