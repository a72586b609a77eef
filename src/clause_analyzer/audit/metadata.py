"""Per-tender metadata given by the auditor (CSV or JSON), joined to the results.

Columns / keys: `id` (or `path`), `buyer`, `year`, `estimated_amount`, `cpv`, and the DECP
declared values `considerationsSociales`, `considerationsEnvironnementales` (several values
separated by "|" or ";", or a JSON list). `id` matches a tender's key ("2021/DCE_12.zip"),
its file or folder name ("DCE_12.zip") or that name without extension ("DCE_12").
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import ConfigError

SOCIAL_VALUES = (
    "Clause sociale",
    "Critère social",
    "Marché réservé",
    "Pas de considération sociale",
)
ENV_VALUES = (
    "Clause environnementale",
    "Critère environnemental",
    "Pas de considération environnementale",
)
NO_SOCIAL, NO_ENV = SOCIAL_VALUES[-1], ENV_VALUES[-1]


@dataclass(frozen=True)
class TenderMeta:
    id: str
    buyer: str | None = None
    year: int | None = None
    estimated_amount: float | None = None
    cpv: str | None = None
    declared_social: tuple[str, ...] = ()
    declared_environmental: tuple[str, ...] = ()


class Metadata:
    """The auditor's table, looked up by any of a tender's keys."""

    def __init__(self, rows: Iterable[TenderMeta] = ()) -> None:
        self._rows: dict[str, TenderMeta] = {}
        for row in rows:
            if row.id in self._rows:
                raise ConfigError(f"métadonnées : identifiant {row.id!r} en double")
            self._rows[row.id] = row

    def __len__(self) -> int:
        return len(self._rows)

    def find(self, keys: Iterable[str]) -> TenderMeta | None:
        for key in keys:
            name = PurePosixPath(key).name
            for candidate in (key, name, name.rsplit(".", 1)[0] if "." in name else name):
                if candidate in self._rows:
                    return self._rows[candidate]
        return None


def load_metadata(path: str | Path | None) -> Metadata:
    if path is None:
        return Metadata()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} : métadonnées illisibles ({exc})") from exc
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path} : JSON invalide, ligne {exc.lineno} : {exc.msg}") from exc
        if isinstance(data, dict):  # {"id": {...}, ...}
            data = [{"id": k, **v} for k, v in data.items()]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ConfigError(f"{path} : attendu une liste d'objets, un par consultation")
        records: list[Mapping[str, Any]] = data
    else:
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:  # one column, or too few lines to tell: the usual comma
            dialect = csv.excel
        records = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    return Metadata(_row(r, path, n) for n, r in enumerate(records, start=2))


def _row(record: Mapping[str, Any], path: Path, line: int) -> TenderMeta:
    where = f"{path}, ligne {line}" if path.suffix.lower() != ".json" else f"{path}, n° {line - 1}"
    ident = _text(record.get("id")) or _text(record.get("path"))
    if not ident:
        raise ConfigError(f"{where} : colonne id (ou path) vide")
    return TenderMeta(
        id=ident,
        buyer=_text(record.get("buyer")),
        year=_number(record.get("year"), int, where, "year"),
        estimated_amount=_number(record.get("estimated_amount"), float, where, "estimated_amount"),
        cpv=_text(record.get("cpv")),
        declared_social=_declared(record.get("considerationsSociales"), SOCIAL_VALUES, where),
        declared_environmental=_declared(
            record.get("considerationsEnvironnementales"), ENV_VALUES, where
        ),
    )


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _number(value: Any, kind: type, where: str, column: str) -> Any:
    text = _text(value)
    if text is None:
        return None
    try:
        # French spreadsheets write "1 250 000,50".
        return kind(float(re.sub(r"[\s\u00a0\u202f]", "", text).replace(",", ".")))
    except ValueError:
        raise ConfigError(f"{where} : {column} {text!r} n'est pas un nombre") from None


def _declared(value: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else re.split(r"[|;]", str(value))
    out = []
    for item in (str(i).strip() for i in items):
        if not item:
            continue
        match = next((a for a in allowed if a.casefold() == item.casefold()), None)
        if match is None:
            raise ConfigError(f"{where} : valeur DECP {item!r} inconnue ({' / '.join(allowed)})")
        out.append(match)
    return tuple(out)
