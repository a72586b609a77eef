"""Character-level clean-up shared by every reader: spaces, ligatures, bullets."""

from __future__ import annotations

import re

# Non-breaking and thin spaces French typography puts before ":" and in amounts ("1 500,00 €").
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u3000\t"), " ")
# Presentation ligatures from PDF fonts; zero-width chars and soft hyphens carry no text.
_LIGATURES = {
    ord("\ufb00"): "ff",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\ufb03"): "ffi",
    ord("\ufb04"): "ffl",
    ord("\ufb05"): "st",
    ord("\ufb06"): "st",
    ord("\u00ad"): None,
    ord("\u200b"): None,
    ord("\u200c"): None,
    ord("\u200d"): None,
    ord("\ufeff"): None,
}
_TABLE = {**_SPACES, **_LIGATURES}
_MULTI_SPACE = re.compile(r" {2,}")

# Bullets as Word/LibreOffice export them: Symbol-font private-use glyphs (U+F0B7, U+F0A7,
# U+F0D8, U+F076…), typographic bullets, and the dash French drafters use as a bullet.
BULLET_CHARS = (
    "\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0e8\uf0a8"  # Symbol / Wingdings private-use glyphs
    "\u2022\u25aa\u25cf\u25e6\u25a0\u25a1\u2023\u2043\u27a2\u2794\u2192\u25ba\u2713\u2714\u00b7"
)
_BULLET = re.compile(rf"^\s*(?:[{BULLET_CHARS}]|[-–—*](?=\s)|o(?=\s{{2,}}|\t))\s*")


def normalize(text: str) -> str:
    """Unify spaces and ligatures; keep the text otherwise as written."""
    return _MULTI_SPACE.sub(" ", text.translate(_TABLE)).strip()


def split_bullet(text: str) -> tuple[bool, str]:
    """(True, text without its bullet) when the line starts with a bullet glyph."""
    match = _BULLET.match(text)
    if match is None:
        return False, text
    return True, text[match.end() :]
