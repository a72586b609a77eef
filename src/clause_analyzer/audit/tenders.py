"""Which files make one tender, and the content hash that identifies it across runs.

Grouping rule (`group_by="auto"`), for each PATH given:
- a file (ZIP or single document) is one tender;
- a folder: each ZIP directly inside is one tender, each direct subfolder is one tender (read
  recursively), and each other file directly inside is a tender on its own.

`group_by="path"` makes each PATH one tender (a folder that is a single DCE); `group_by="file"`
makes every file found below the PATHs a tender of its own.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..extract.archive import is_junk

GROUP_BY = ("auto", "path", "file")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class TenderSource:
    """One tender found on disk, before its content is hashed."""

    key: str  # stable display id: path relative to the PATH's parent, with "/" separators
    path: Path
    signature: str  # size and mtime of every file: a changed signature means hash again

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Tender:
    key: str
    path: Path
    content_hash: str  # sha256 of the bytes (a file) or of the sorted (name, hash) list (folder)


def discover(paths: Iterable[str | os.PathLike[str]], group_by: str = "auto") -> list[TenderSource]:
    """Every tender under `paths`, sorted by key, each once even if PATHs overlap."""
    if group_by not in GROUP_BY:
        raise ConfigError(
            f"--group-by {group_by!r} inconnu : choisissez parmi {', '.join(GROUP_BY)}"
        )
    found: dict[Path, TenderSource] = {}
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise ConfigError(f"{raw} : fichier ou dossier introuvable")
        base = root.resolve().parent
        for item in _group(root.resolve(), group_by):
            if item not in found:
                key = item.relative_to(base).as_posix()
                found[item] = TenderSource(key, item, _signature(item))
    return sorted(found.values(), key=lambda t: t.key)


def _group(root: Path, group_by: str) -> Iterator[Path]:
    if group_by == "path" or root.is_file():
        yield root
    elif group_by == "file":
        yield from _files(root)
    else:
        for child in sorted(root.iterdir()):
            if not is_junk(child.name) and (child.is_dir() or child.is_file()):
                yield child


def _files(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not is_junk(d))
        for name in sorted(filenames):
            if not is_junk(name):
                yield Path(dirpath) / name


def _signature(path: Path) -> str:
    files = [path] if path.is_file() else list(_files(path))
    parts = []
    for f in files:
        st = f.stat()
        parts.append(f"{f.relative_to(path) if f != path else ''}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def content_hash(path: Path) -> str:
    """The same DCE copied elsewhere, or renamed, keeps its hash; a changed byte changes it."""
    if path.is_file():
        return _file_hash(path)
    digest = hashlib.sha256()
    for f in _files(path):
        digest.update(f.relative_to(path).as_posix().encode() + b"\0")
        digest.update(_file_hash(f).encode() + b"\n")
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
