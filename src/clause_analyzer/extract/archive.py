"""DCE archives: the members of a ZIP (and of nested ZIPs), read in memory within limits.

Nothing is written to disk. Sizes are checked from the central directory first, then counted
while reading, because a forged directory can understate them.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import ArchiveError
from .zipnames import decode_name, unsafe_reason
from .zipsafe import SizeLimitExceeded, read_bounded

log = logging.getLogger(__name__)

_MB = 2**20
# Small members may compress very well without harm (a blank form, a repeated table); only
# members big enough to hurt are held to the ratio limit.
_RATIO_FLOOR = 1 * _MB
_JUNK_PARTS = ("__MACOSX",)
_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class ArchiveLimits:
    """Bounds on what one tender may unpack, whatever its nesting."""

    max_total_size: int = 500 * _MB  # uncompressed bytes read for the whole tender
    max_members: int = 5_000  # files in all archives of the tender
    max_ratio: float = 200.0  # uncompressed / compressed size of one member
    max_depth: int = 3  # ZIP inside ZIP inside ZIP…


DEFAULT_LIMITS = ArchiveLimits()


class Budget:
    """What the tender has used so far of its limits, shared by nested archives."""

    def __init__(self, limits: ArchiveLimits) -> None:
        self.limits = limits
        self.bytes_left = limits.max_total_size
        self.members_left = limits.max_members


@dataclass(frozen=True)
class Member:
    path: str  # display path, "DCE.zip/01 Pièces/CCAP.pdf"
    data: bytes


def is_junk(name: str) -> bool:
    """OS and editor droppings: macOS resource forks, thumbnails, Office lock files."""
    parts = name.replace("\\", "/").split("/")
    base = parts[-1]
    return (
        any(part in _JUNK_PARTS for part in parts)
        or base.casefold() in _JUNK_NAMES
        or base.startswith("~$")
        or base.startswith("._")
    )


def iter_members(data: bytes, display: str, budget: Budget) -> Iterator[Member | ArchiveError]:
    """Members of one ZIP, sorted by name; refused members come out as ArchiveError."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        yield ArchiveError(display, "archive ZIP corrompue ou tronquée : demandez un nouvel envoi")
        return
    with zf:
        files = [(decode_name(info), info) for info in infos if not info.is_dir()]
        files = [(name, info) for name, info in files if not is_junk(name)]
        limits = budget.limits
        if len(files) > budget.members_left:
            yield ArchiveError(
                display,
                f"archive refusée : plus de {limits.max_members} fichiers (limite de sécurité)",
            )
            return
        declared = sum(info.file_size for _, info in files)
        if declared > budget.bytes_left:
            yield ArchiveError(
                display,
                f"archive refusée : {declared // _MB} Mo une fois décompressée, au-delà de la "
                f"limite de {limits.max_total_size // _MB} Mo (bombe ZIP ?)",
            )
            return
        budget.members_left -= len(files)
        for name, info in sorted(files, key=lambda item: (item[0].casefold(), item[0])):
            member_path = f"{display}/{name.replace(chr(92), '/').strip('/')}"
            error = _refusal(name, info, limits)
            if error is not None:
                yield ArchiveError(member_path, error)
                continue
            yield from _read(zf, info, member_path, budget)


def _refusal(name: str, info: zipfile.ZipInfo, limits: ArchiveLimits) -> str | None:
    unsafe = unsafe_reason(name, info)
    if unsafe is not None:
        return unsafe
    if info.flag_bits & 0x1:
        return (
            "fichier chiffré dans l'archive (protégé par mot de passe) : "
            "fournissez l'archive sans mot de passe"
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
        return (
            f"fichier refusé : taux de compression anormal ({ratio:.0f} pour 1, limite "
            f"{limits.max_ratio:.0f}) – bombe ZIP probable"
        )
    return None


def _read(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, member_path: str, budget: Budget
) -> Iterator[Member | ArchiveError]:
    try:
        data = read_bounded(zf, info, budget.bytes_left)
    except SizeLimitExceeded as exc:
        budget.bytes_left = 0
        reason = (
            "taille réelle supérieure à la taille déclarée (archive falsifiée)"
            if exc.real_over_declared
            else "limite de taille décompressée de l'appel d'offres atteinte"
        )
        yield ArchiveError(member_path, f"fichier refusé : {reason}")
        return
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        log.info("%s: unreadable member (%s)", member_path, exc)
        yield ArchiveError(
            member_path, "fichier corrompu dans l'archive : demandez un nouvel envoi du DCE"
        )
        return
    budget.bytes_left -= len(data)
    yield Member(member_path, data)
