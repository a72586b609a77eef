"""Automatic numbering of a DOCX, rebuilt from numbering.xml the way Word renders it.

Many CCAPs number their articles automatically ("Article %1 :", "%1.%2"): the number is not
in the text, so without this the article numbers of the whole document would be lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"


def wattr(element: etree._Element | None, name: str) -> str | None:
    return None if element is None else element.get(f"{_W}{name}")


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str  # decimal, lowerLetter, upperRoman, bullet, none…
    text: str  # "%1.%2", "Article %1 :"
    legal: bool  # isLgl: every level shown as decimal


@dataclass
class Numbering:
    """Counters for every list of the document, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, _Level]]  # abstractNumId → ilvl → level
    nums: dict[str, tuple[str, dict[int, int]]]  # numId → (abstractNumId, start overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _overridden: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: etree._Element | None, style_num: dict[str, str]) -> Numbering:
        """`style_num` maps a style id to its numId, for numStyleLink indirections."""
        if root is None:
            return cls({}, {})
        levels: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        for abstract in root.iter(f"{_W}abstractNum"):
            aid = wattr(abstract, "abstractNumId") or ""
            link = abstract.find(f"{_W}numStyleLink")
            if link is not None:
                links[aid] = wattr(link, "val") or ""
            levels[aid] = {
                int(wattr(lvl, "ilvl") or 0): _Level(
                    start=int(wattr(lvl.find(f"{_W}start"), "val") or 1),
                    fmt=wattr(lvl.find(f"{_W}numFmt"), "val") or "decimal",
                    text=wattr(lvl.find(f"{_W}lvlText"), "val") or "",
                    legal=lvl.find(f"{_W}isLgl") is not None,
                )
                for lvl in abstract.findall(f"{_W}lvl")
            }
        nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in root.findall(f"{_W}num"):
            overrides = {
                int(wattr(o, "ilvl") or 0): int(wattr(o.find(f"{_W}startOverride"), "val") or 1)
                for o in num.findall(f"{_W}lvlOverride")
                if o.find(f"{_W}startOverride") is not None
            }
            nums[wattr(num, "numId") or ""] = (
                wattr(num.find(f"{_W}abstractNumId"), "val") or "",
                overrides,
            )
        numbering = cls(levels, nums)
        # A list style ("numStyleLink") points at the abstractNum that really defines levels.
        for aid, style_id in links.items():
            target = nums.get(style_num.get(style_id, ""))
            if target and target[0] in levels and target[0] != aid:
                levels[aid] = levels[target[0]]
        return numbering

    def next_label(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """The label of the next paragraph of this list and whether it is a bullet."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None, False
        aid, overrides = self.nums[num_id]
        levels = self.levels.get(aid, {})
        level = levels.get(ilvl)
        if level is None:
            return None, False
        counters = self.counters.setdefault(aid, {})
        if num_id not in self._overridden and overrides:
            # A w:num with startOverride restarts the shared abstract list ("restart at 1").
            self._overridden.add(num_id)
            for restart_ilvl, start in overrides.items():
                counters[restart_ilvl] = start - 1
                for deeper in [k for k in counters if k > restart_ilvl]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return None, True
        if level.fmt == "none" or not level.text:
            return (level.text or None), False
        label = level.text
        for k in range(ilvl, -1, -1):
            lvl = levels.get(k)
            if lvl is None:
                continue
            value = counters.get(k, lvl.start)
            fmt = "decimal" if (level.legal and k < ilvl) else lvl.fmt
            label = label.replace(f"%{k + 1}", format_number(value, fmt))
        return label.strip() or None, False


def format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("a") + rem) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def to_roman(value: int) -> str:
    out = ""
    for arabic, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= arabic:
            out += numeral
            value -= arabic
    return out
