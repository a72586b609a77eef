"""Command line: a thin shell over the library. Domain errors become one line on stderr.

Exit status: 0 every input analysed; 1 at least one input could not be read (the others are
still reported); 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .errors import ClauseAnalyzerError, ConfigError, ModelError

PROG = "clause-analyzer"
FORMATS = ("text", "json", "markdown", "html")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Repère les clauses sociales et environnementales des pièces de marchés "
        "publics (CCAP, CCTP, RC, AE… en PDF, DOCX, ODT, texte ou DCE ZIP).",
    )
    parser.add_argument("--debug", action="store_true", help="afficher les traces Python")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    p = sub.add_parser("analyze", help="analyser une ou plusieurs consultations")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="fichier, dossier ou ZIP (une consultation chacun)"
    )
    p.add_argument(
        "--format", choices=FORMATS, default="text", help="format du rapport (défaut : text)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="écrire le rapport dans FILE")
    _tender_options(p)
    _model_options(p)

    p = sub.add_parser(
        "classify", help="classer une clause (ou une par ligne sur l'entrée standard) en JSON lines"
    )
    p.add_argument(
        "text", nargs="?", help="texte de la clause ; sans argument, lit l'entrée standard"
    )
    p.add_argument("--heading", default="", help="titre de l'article qui contient la clause")
    p.add_argument(
        "--kind",
        default="",
        help="type de pièce : CCAP, CCTP, RC, AE, BPU, other (défaut : inconnu)",
    )
    _model_options(p)

    p = sub.add_parser("train", help="réentraîner le modèle livré à partir de training_data/")
    p.add_argument(
        "--data", default="training_data", help="dossier des données (défaut : training_data)"
    )
    p.add_argument(
        "--out", default=None, help="dossier du modèle (défaut : models/clause_classifier)"
    )

    p = sub.add_parser(
        "evaluate",
        help="mesurer le modèle sur la partie test de training_data/ ou sur vos clauses annotées",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="FILE.jsonl",
        help="clauses annotées au format de training_data/ (défaut : la partie test)",
    )
    p.add_argument(
        "--data", default="training_data", help="dossier des données (défaut : training_data)"
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    _model_options(p)

    sub.add_parser("schema", help="afficher le schéma JSON du rapport")

    from .audit.batch import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
    from .audit.tenders import GROUP_BY

    p = sub.add_parser(
        "audit",
        help="auditer des milliers de consultations archivées : indicateurs du Spaser, "
        "reprise après interruption",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="dossier d'archives (chaque ZIP, sous-dossier ou fichier direct = une consultation) "
        "ou fichier seul",
    )
    p.add_argument("--out", required=True, metavar="AUDIT_DIR", help="dossier des résultats")
    p.add_argument(
        "--jobs", type=int, metavar="N", help="processus d'analyse (défaut : nombre de cœurs)"
    )
    p.add_argument(
        "--metadata",
        metavar="FILE",
        help="CSV ou JSON par consultation : id, buyer, year, estimated_amount, cpv, "
        "considerationsSociales, considerationsEnvironnementales",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"délai maximal par consultation, en secondes (défaut : {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--max-memory",
        type=int,
        default=DEFAULT_MAX_MEMORY,
        metavar="MIO",
        help=f"mémoire maximale d'un processus d'analyse, en Mio (défaut : {DEFAULT_MAX_MEMORY})",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="ordonnanceur Dask existant (tcp://hôte:8786) : l'audit tourne sur la grappe",
    )
    p.add_argument(
        "--retry-failed", action="store_true", help="réanalyser les consultations en échec"
    )
    p.add_argument(
        "--group-by",
        choices=GROUP_BY,
        default="auto",
        help="auto : un ZIP, un sous-dossier ou un fichier direct par consultation ; "
        "path : chaque PATH est une consultation ; file : chaque fichier en est une",
    )
    _tender_options(p)
    return parser


def _tender_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `analyze` and `audit`: both run the single-tender path."""
    from .extract import DEFAULT_PDF_ENGINE, PDF_ENGINES

    p.add_argument(
        "--axes",
        metavar="FILE",
        help="axes de votre Spaser (TOML), voir examples/axes_metropole.toml",
    )
    p.add_argument(
        "--pdf-engine", choices=PDF_ENGINES, default=DEFAULT_PDF_ENGINE, help="moteur PDF"
    )
    p.add_argument(
        "--date",
        metavar="AAAA-MM-JJ",
        type=date.fromisoformat,
        help="date de lancement supposée (défaut : celle des pièces, sinon aujourd'hui)",
    )


def _model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", metavar="DIR", help="autre dossier de modèle que celui livré")
    p.add_argument(
        "--trust-model",
        action="store_true",
        help="accepter de charger ce modèle (un fichier de modèle peut exécuter du code)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if not args.debug:
        # Library warnings about unreadable files are printed by the CLI itself, once.
        logging.getLogger("clause_analyzer").setLevel(logging.ERROR)
    try:
        return _COMMANDS[args.command](args)
    except (ConfigError, ModelError) as exc:
        _error(str(exc))
        return 2
    except ClauseAnalyzerError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        _error("interrompu")
        return 130
    except Exception as exc:  # never a traceback for a user, unless asked
        if args.debug:
            raise
        _error(
            f"erreur interne ({type(exc).__name__}: {exc}) ; relancez avec --debug et signalez-la"
        )
        return 1


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _analyzer(args: argparse.Namespace, **kwargs):
    from .analyzer import Analyzer

    return Analyzer(model=args.model, trust_model=args.trust_model, **kwargs)


def _analyze(args: argparse.Namespace) -> int:
    from .report import render

    analyzer = _analyzer(args, axes=args.axes, pdf_engine=args.pdf_engine, today=args.date)
    colour = (
        args.format == "text"
        and not args.output
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    try:
        target = (
            open(args.output, "w", encoding="utf-8")  # noqa: SIM115 (closed by the with below)
            if args.output
            else contextlib.nullcontext(sys.stdout)
        )
    except OSError as exc:
        raise ConfigError(
            f"{args.output} : impossible d'écrire le rapport ({exc.strerror})"
        ) from exc
    status = 0
    reports = []
    with target as out:
        for path in args.paths:
            if not os.path.exists(path):
                _error(f"{path} : fichier ou dossier introuvable")
                status = 1
                continue
            try:
                report = analyzer.analyze(path)
            except ClauseAnalyzerError as exc:
                _error(str(exc))
                status = 1
                continue
            for error in report.errors:
                _error(f"{error['path']} : {error['message']}")
            if report.errors:
                status = 1
            if args.format == "json" and len(args.paths) > 1:
                reports.append(report.to_dict())
            else:
                # Written as each tender completes: an interruption keeps what is done.
                out.write(render(report, args.format, colour=colour))
                out.flush()
        if reports:
            out.write(json.dumps(reports, ensure_ascii=False, indent=2) + "\n")
    return status


def _classify(args: argparse.Namespace) -> int:
    from .report.tender import LEGAL_BASIS

    texts = [args.text] if args.text else [line.rstrip("\n") for line in sys.stdin if line.strip()]
    analyzer = _analyzer(args)
    for label in analyzer.classify(texts, heading=args.heading, doc_kind=args.kind):
        row = {
            "text": label.text,
            "social": label.social,
            "environmental": label.environmental,
            "economic": label.economic,
            "axes": list(label.axes),
            "lever": str(label.lever) if label.lever else None,
            "legal_basis": LEGAL_BASIS[label.lever] if label.lever else None,
            "score": label.score,
            "scores": {a: round(s, 4) for a, s in label.scores.items()},
            "evidence": [
                {"source": e.source, "id": e.id, "text": e.text, "axis": e.axis}
                for e in label.evidence
            ],
            "vetoed_by": list(label.vetoed_by),
        }
        print(json.dumps(row, ensure_ascii=False))
    return 0


def _train(args: argparse.Namespace) -> int:
    from .detect.model import default_model_dir
    from .training.evaluate import format_metrics
    from .training.train import train

    logging.getLogger("clause_analyzer").setLevel(logging.INFO)
    out = Path(args.out) if args.out else default_model_dir()
    card = train(Path(args.data), out)
    print(f"modèle écrit dans {out}")
    if "test_metrics" in card:
        print(format_metrics(card["test_metrics"]))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .detect.detector import Detector
    from .training.dataset import load_corpus, load_jsonl
    from .training.evaluate import evaluate, format_metrics

    if args.files:
        examples = load_jsonl(Path(f) for f in args.files)
        if not examples:
            raise ConfigError(f"{', '.join(args.files)} : aucune clause annotée")
    else:
        examples = load_corpus(Path(args.data)).test
        if not examples:
            raise ConfigError(f"{args.data}/test : aucun exemple de test")
    detector = Detector.load(Path(args.model) if args.model else None, trust_model=args.trust_model)
    metrics = evaluate(detector, examples)
    print(
        json.dumps(metrics, indent=2, ensure_ascii=False) if args.json else format_metrics(metrics)
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .report.schema import report_schema

    print(json.dumps(report_schema(), indent=2, ensure_ascii=False))
    return 0


def _audit(args: argparse.Namespace) -> int:
    from .audit import audit

    logging.getLogger("clause_analyzer.audit").setLevel(logging.WARNING)
    summary = audit(
        args.paths,
        args.out,
        jobs=args.jobs,
        metadata=args.metadata,
        axes=args.axes,
        timeout=args.timeout,
        max_memory=args.max_memory,
        scheduler=args.scheduler,
        retry_failed=args.retry_failed,
        group_by=args.group_by,
        today=args.date,
        pdf_engine=args.pdf_engine,
        progress=True,
    )
    if summary.interrupted:
        _error(
            f"interrompu : {summary.analysed + summary.failed} consultation(s) enregistrée(s) "
            "dans cette exécution ; relancez la même commande pour reprendre"
        )
        return 130
    print(
        f"{summary.tenders} consultation(s) : {summary.analysed} analysée(s), "
        f"{summary.skipped} déjà faite(s), {summary.failed_total} en échec — "
        f"{Path(summary.out) / 'index.html'}"
    )
    if summary.failed_total:
        _error(
            f"{summary.failed_total} consultation(s) en échec (causes dans index.html) ; "
            "--retry-failed pour les reprendre"
        )
    return 0 if summary.ok else 1


_COMMANDS = {
    "analyze": _analyze,
    "classify": _classify,
    "train": _train,
    "evaluate": _evaluate,
    "schema": _schema,
    "audit": _audit,
}
