"""Spaser axes as data: the default set, or a buyer's own file mapping onto detected axes."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .detect.rules import AXES as DETECTED_AXES
from .detect.rules import LEVERS
from .errors import ConfigError
from .types import Family

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCHEMA = "clause-analyzer/axes/1"
_ID = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class Axis:
    """One axis of a Spaser, and which detections feed it."""

    id: str
    label: str
    family: Family
    detected: tuple[str, ...]  # detected axis ids (DOMAIN.md §4) that feed this axis
    levers: tuple[str, ...] = ()  # when given, only findings with these levers count
    keywords: tuple[str, ...] = ()  # when given, a finding counts only if its text has one
    suggestion: str = ""  # what a clause could require, shown when the axis is missing


@dataclass(frozen=True)
class AxisSet:
    name: str
    axes: tuple[Axis, ...]
    source: str  # file it came from, for messages

    def by_id(self, axis_id: str) -> Axis:
        for axis in self.axes:
            if axis.id == axis_id:
                return axis
        raise KeyError(axis_id)


def default_axes() -> AxisSet:
    text = (resources.files("clause_analyzer") / "data" / "axes.toml").read_text("utf-8")
    return parse_axes(text, "axes par défaut")


def load_axes(path: str | os.PathLike[str] | AxisSet | None) -> AxisSet:
    if path is None:
        return default_axes()
    if isinstance(path, AxisSet):
        return path
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path} : fichier d'axes illisible ({exc.strerror})") from exc
    return parse_axes(text, str(path))


def parse_axes(text: str, source: str) -> AxisSet:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source} : TOML invalide ({exc})") from exc
    if data.get("schema", SCHEMA) != SCHEMA:
        raise ConfigError(f"{source} : schéma {data.get('schema')!r} non pris en charge ({SCHEMA})")
    raw_axes = data.get("axis")
    if not isinstance(raw_axes, list) or not raw_axes:
        raise ConfigError(f"{source} : aucun axe ([[axis]]) défini")
    axes = [_parse_axis(raw, source, n) for n, raw in enumerate(raw_axes, 1)]
    seen: set[str] = set()
    for axis in axes:
        if axis.id in seen:
            raise ConfigError(f"{source} : identifiant d'axe en double « {axis.id} »")
        seen.add(axis.id)
    return AxisSet(str(data.get("name", source)), tuple(axes), source)


def _parse_axis(raw: Any, source: str, n: int) -> Axis:
    where = f"{source} : axe n° {n}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} : table attendue")
    axis_id = raw.get("id")
    if not isinstance(axis_id, str) or not _ID.match(axis_id):
        raise ConfigError(f"{where} : « id » manquant ou invalide (minuscules, chiffres, _)")
    where = f"{source} : axe « {axis_id} »"
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        raise ConfigError(f"{where} : « label » manquant")
    try:
        family = Family(raw.get("family", ""))
    except ValueError:
        raise ConfigError(
            f"{where} : « family » doit valoir social, environmental ou economic"
        ) from None
    detected = _str_list(raw, "detected", where)
    if not detected:
        raise ConfigError(f"{where} : axe vide (« detected » ne cite aucun axe détecté)")
    unknown = [d for d in detected if d not in DETECTED_AXES]
    if unknown:
        raise ConfigError(
            f"{where} : axe détecté inconnu {', '.join(unknown)} "
            f"(connus : {', '.join(DETECTED_AXES)})"
        )
    levers = _str_list(raw, "levers", where)
    bad = [lv for lv in levers if lv not in LEVERS]
    if bad:
        raise ConfigError(
            f"{where} : levier inconnu {', '.join(bad)} (connus : {', '.join(LEVERS)})"
        )
    extra = set(raw) - {"id", "label", "family", "detected", "levers", "keywords", "suggestion"}
    if extra:
        raise ConfigError(f"{where} : clé inconnue {', '.join(sorted(extra))}")
    return Axis(
        id=axis_id,
        label=label.strip(),
        family=family,
        detected=tuple(detected),
        levers=tuple(levers),
        keywords=tuple(k.lower() for k in _str_list(raw, "keywords", where)),
        suggestion=str(raw.get("suggestion", "")),
    )


def _str_list(raw: dict, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} : « {key} » doit être une liste de chaînes")
    return value
