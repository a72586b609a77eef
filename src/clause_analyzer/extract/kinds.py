"""Which piece of the DCE a file is (CCAP, CCTP, RC, AE, BPU), from its name then its text."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from ..types import DocKind

# Acronyms as whole tokens only: "CCAP" must not match inside "CCAG", "RC" not inside "RCS".
_ACRONYMS: dict[str, DocKind] = {
    "ccap": DocKind.CCAP,
    "cctp": DocKind.CCTP,
    "rc": DocKind.RC,
    "rpc": DocKind.RC,  # règlement particulier de la consultation
    "ae": DocKind.AE,
    "attri1": DocKind.AE,
    "attri": DocKind.AE,
    "dc3": DocKind.AE,  # the pre-2019 form of the acte d'engagement
    "bpu": DocKind.BPU,
    "dpgf": DocKind.BPU,
    "dqe": DocKind.BPU,
}

# Spelled-out titles, matched on accent-free lowercase text with words separated by one space.
_TITLES: tuple[tuple[re.Pattern[str], DocKind], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"\bcahier des clauses administratives particulieres\b", DocKind.CCAP),
        (r"\bclauses administratives particulieres\b", DocKind.CCAP),
        (r"\bcahier des clauses techniques particulieres\b", DocKind.CCTP),
        (r"\bclauses techniques particulieres\b", DocKind.CCTP),
        (r"\breglement (?:particulier )?(?:de (?:la )?)?consultation\b", DocKind.RC),
        (r"\bacte d ?engagement\b", DocKind.AE),
        (r"\bbordereau (?:des )?prix\b", DocKind.BPU),
        (r"\bdecomposition du prix global\b", DocKind.BPU),
        (r"\bdetail quantitatif estimatif\b", DocKind.BPU),
    )
)

# "C.C.T.P." → "cctp": dotted acronyms are common in file names and title pages.
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}[a-z]?\b\.?")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# "lot3" → "lot 3", "ccap2" → "ccap 2", but keep "attri1" and "dc3" whole.
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_KEEP_WHOLE = {"attri1", "dc3"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def _tokens(folded: str) -> list[str]:
    out: list[str] = []
    for token in folded.split():
        out.extend([token] if token in _KEEP_WHOLE else _LETTER_DIGIT.sub(" ", token).split())
    return out


def _kind_in(folded: str) -> DocKind | None:
    """The kind named earliest in the text: a title, or else an acronym token."""
    hits = [(m.start(), kind) for pattern, kind in _TITLES if (m := pattern.search(folded))]
    if hits:
        return min(hits, key=lambda hit: hit[0])[1]
    for token in _tokens(folded):
        if token in _ACRONYMS:
            return _ACRONYMS[token]
    return None


def guess_kind(path: str, first_page_text: str = "") -> DocKind:
    """Guess the piece from the file name ("02_CCAP_lot3_v2.pdf"), else from its first page."""
    stem = PurePosixPath(path.replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    kind = _kind_in(_fold(stem))
    if kind is None and first_page_text:
        kind = _kind_in(_fold(first_page_text[:3000]))
    return kind or DocKind.OTHER
