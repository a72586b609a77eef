"""Member names of DCE archives: decode them right, refuse the dangerous ones.

Windows' built-in ZIP writes names in the OEM code page (cp850 on French systems) without
the UTF-8 flag; Python then decodes them as cp437, turning "Règlement" into "R╚glement" when
the code pages disagree, and some tools write ANSI (cp1252) or UTF-8 without the flag.
"""

from __future__ import annotations

import re
import struct
import zipfile

_UTF8_FLAG = 0x800
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP Unicode Path extra field: the UTF-8 name
_FRENCH_LOWER = set("éèêëàâäîïôöùûüçœæÿ")
_FRENCH_UPPER = set("ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŒÆŸ")
_OK_SYMBOLS = set("°«»’–—€²")
_DRIVE = re.compile(r"^[A-Za-z]:")


def raw_name(info: zipfile.ZipInfo) -> bytes:
    """The name bytes as stored (zipfile decoded them as cp437 when the UTF-8 flag is off)."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename.encode("utf-8")
    return info.filename.encode("cp437")


def decode_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    unicode_path = _unicode_path_extra(info.extra)
    if unicode_path is not None:
        return unicode_path
    raw = raw_name(info)
    if raw.isascii():
        return raw.decode("ascii")
    try:
        return raw.decode("utf-8")  # UTF-8 written without setting the flag
    except UnicodeDecodeError:
        pass
    candidates = [raw.decode(enc, errors="replace") for enc in ("cp850", "cp1252", "cp437")]
    # max() keeps the first of equal scores: cp850, the French Windows OEM code page.
    return max(candidates, key=_plausibility)


def _plausibility(name: str) -> int:
    """Higher for names that look like French: lower-case accents inside words."""
    score = 0
    for i, char in enumerate(name):
        if char.isascii():
            continue
        before = name[i - 1] if i else " "
        if char in _FRENCH_LOWER:
            score += 2
        elif char in _FRENCH_UPPER:
            # An accented capital after a lower-case letter ("rÚglement") is a mis-decoding.
            score += 1 if not before.islower() else -3
        elif char in _OK_SYMBOLS:
            score += 0
        else:
            score -= 3
    return score


def _unicode_path_extra(extra: bytes) -> str | None:
    pos = 0
    while pos + 4 <= len(extra):
        header_id, size = struct.unpack_from("<HH", extra, pos)
        body = extra[pos + 4 : pos + 4 + size]
        if header_id == _UNICODE_PATH_EXTRA and len(body) > 5 and body[0] == 1:
            try:
                return body[5:].decode("utf-8")
            except UnicodeDecodeError:
                return None
        pos += 4 + size
    return None


def unsafe_reason(name: str, info: zipfile.ZipInfo) -> str | None:
    """Why a member must not be read, in French, or None when it is safe."""
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or _DRIVE.match(normalized):
        return "chemin absolu interdit dans une archive (fichier refusé)"
    if ".." in normalized.split("/"):
        return "chemin sortant de l'archive (« ../ ») interdit (fichier refusé)"
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        return "lien symbolique dans l'archive (fichier refusé)"
    return None
