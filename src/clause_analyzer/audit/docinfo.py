"""Year and buyer of a tender read from its documents, for audits run without metadata.

Deliberately simple, and documented in the README:
- year: the most frequent year (2000-2039) among full dates ("12/03/2021", "12 mars 2021")
  and market numbers ("marché n° 2021-…") in the first 4,000 characters of each document;
  ties go to the year seen first;
- buyer: the first short line, near the top of the RC, the AE or the CCAP, that names a
  public body ("Ville de…", "Métropole…", "Communauté d'agglomération…") or follows a
  label such as "Pouvoir adjudicateur :" or "Acheteur :".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..types import DocKind, Document

_HEAD_CHARS = 4_000
_HEAD_BLOCKS = 25
_MONTHS = (
    "janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|"
    "novembre|decembre|décembre"
)
_YEAR = r"(20[0-3]\d)"
_YEAR_PATTERNS = (
    re.compile(rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]{_YEAR}\b"),
    re.compile(rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\bmarch[ée]\s+n\s*[°o]\s*:?\s*{_YEAR}", re.IGNORECASE),
)
_BUYER_LABEL = re.compile(
    r"^\s*(?:pouvoir adjudicateur|entit[ée] adjudicatrice|acheteur(?: public)?|"
    r"ma[îi]tre d'ouvrage|personne publique)\s*:\s*(?P<name>.{3,120})$",
    re.IGNORECASE,
)
_BUYER_START = re.compile(
    r"^\s*(?:Ville d[e'u]|Commune d[e'u]|Mairie d[e'u]|Métropole|Communauté (?:urbaine|"
    r"d'agglomération|de communes)|Département d|Conseil (?:départemental|régional)|"
    r"Région\b|Syndicat|Centre hospitalier|Centre communal|Office public|Établissement public|"
    r"SDIS|Université)",
)
# A buyer line often goes on with its department: keep the body's name only.
_BUYER_TAIL = re.compile(r"\s+[–—-]\s+.*$|,.*$")


def guess_year(documents: Sequence[Document]) -> int | None:
    years: Counter[int] = Counter()
    order: dict[int, int] = {}
    for document in documents:
        head = document.text[:_HEAD_CHARS]
        hits = sorted((m.start(), int(m[1])) for p in _YEAR_PATTERNS for m in p.finditer(head))
        for _, year in hits:
            years[year] += 1
            order.setdefault(year, len(order))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], -order[y]))


def guess_buyer(documents: Sequence[Document]) -> str | None:
    rank = {DocKind.RC: 0, DocKind.AE: 1, DocKind.CCAP: 2}
    for document in sorted(documents, key=lambda d: rank.get(d.kind, 3)):
        for block in document.blocks[:_HEAD_BLOCKS]:
            line = block.text.strip().split("\n", 1)[0]
            if m := _BUYER_LABEL.match(line):
                return _BUYER_TAIL.sub("", m["name"]).strip() or None
            if len(line) <= 160 and _BUYER_START.match(line):
                return _BUYER_TAIL.sub("", line).strip()
    return None
