"""The bundled example tender, analysed as a buyer would: findings, pages, evidence, report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
TRUTH = json.loads((EXAMPLES / "TRUTH.json").read_text(encoding="utf-8"))


def _findings(report, kind: str, number: str):
    """Findings of the PDF of a given kind (the ZIP names its RC "Règlement de la consultation")."""
    paths = {d.path for d in report.documents if d.kind == kind and d.path.endswith(".pdf")}
    return [f for f in report.findings if f.clause.document in paths and f.clause.number == number]


def test_every_piece_is_read_with_its_kind(example_report) -> None:
    kinds = {Path(d.path).name: d.kind for d in example_report.documents}
    assert kinds["CCAP.docx"] == "CCAP" or kinds.get("CCAP.pdf") == "CCAP"
    assert "RC" in kinds.values() and "CCTP" in kinds.values()
    assert example_report.errors == ()


@pytest.mark.parametrize(
    ("doc", "clause"),
    [(doc, c) for doc, v in TRUTH["documents"].items() for c in (v.get("clauses") or [])],
)
def test_truth_clauses_are_found_with_page_and_family(
    example_report, doc: str, clause: dict
) -> None:
    found = _findings(example_report, doc, clause["article"])
    assert found, f"{doc} art. {clause['article']} ({clause['what']}) not flagged"
    assert any(clause["family"] in [str(x) for x in f.label.families] for f in found)
    assert any(f.clause.page == clause["page"] for f in found)


def test_insertion_clause_has_evidence_and_hours(example_report) -> None:
    [*found] = [f for f in _findings(example_report, "CCAP", "9.2") if "insertion" in f.label.axes]
    assert found
    best = max(found, key=lambda f: f.label.score)
    assert best.label.lever.value == "execution_condition"
    assert any(e.source == "rule" and e.id.startswith("insertion.") for e in best.label.evidence)
    assert example_report.quantities["insertion_hours"] == 350


@pytest.mark.parametrize("false_friend", ["siège social", "BOAMP", "environnement immédiat"])
def test_false_friends_are_not_flagged(example_report, false_friend: str) -> None:
    assert not [f for f in example_report.findings if false_friend.lower() in f.clause.text.lower()]


def test_report_dict_follows_contract(example_report) -> None:
    data = example_report.to_dict()
    assert data["schema_version"] == "1"
    finding = next(f for f in data["findings"] if "insertion" in f["axes"])
    for key in (
        "document",
        "clause",
        "heading",
        "page",
        "text",
        "family",
        "axes",
        "lever",
        "score",
        "evidence",
        "quantities",
    ):
        assert key in finding
    assert finding["quantities"]["insertion_hours"] == 350
    assert {a["id"] for a in data["axes"] if a["addressed"]} >= {
        "insertion",
        "handicap_reserve",
        "circularite_ressources",
    }
    assert {c["id"]: c["status"] for c in data["compliance"]}["env_award_criterion"] == "ok"


def test_cli_json_on_example_zip(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = subprocess.run(
        [sys.executable, "-m", "clause_analyzer", "analyze", str(EXAMPLES / "DCE_exemple.zip"),
         "--format", "json", "-o", str(out)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any("insertion" in f["axes"] for f in data["findings"])


def test_cli_bad_file_one_clear_line_and_others_still_analysed(tmp_path: Path) -> None:
    bad = tmp_path / "DCE"
    bad.mkdir()
    (bad / "CCAP.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (bad / "RC.txt").write_text(
        "ARTICLE 1 – OBJET\nLe marché porte sur le nettoyage des locaux.\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "clause_analyzer", "analyze", str(bad), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "CCAP.pdf" in lines[0]
    data = json.loads(result.stdout)
    assert [d["kind"] for d in data["documents"] if d["error"] is None] == ["RC"]


def test_cli_usage_error_exit_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clause_analyzer", "analyze"], capture_output=True, text=True
    )
    assert result.returncode == 2


def test_cli_classify_json_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clause_analyzer", "classify"],
        input=(
            "Le titulaire réalise 300 heures d'insertion au profit de personnes éloignées de "
            "l'emploi.\n"
            "Le siège social du titulaire est indiqué dans l'acte d'engagement.\n"
        ),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["social"] and "insertion" in rows[0]["axes"]
    assert rows[1]["axes"] == []


def test_api_classify_contract(analyzer) -> None:
    [label] = analyzer.classify(
        ["Les produits d'entretien sont titulaires de l'Écolabel européen ou équivalent."]
    )
    assert label.environmental and not label.social
    assert 0.0 <= label.score <= 1.0
    assert label.lever is not None


def test_example_against_the_metropole_spaser() -> None:
    import clause_analyzer as ca
    from clause_analyzer.axes import load_axes

    analyzer = ca.Analyzer(axes=EXAMPLES / "axes_metropole.toml")
    report = analyzer.analyze(EXAMPLES / "DCE_exemple.zip")
    coverage = {a.id: a for a in report.axes}
    assert [a.id for a in load_axes(EXAMPLES / "axes_metropole.toml").axes] == list(coverage)
    assert coverage["achats_inclusifs"].addressed
    assert coverage["achats_inclusifs"].lever.value in ("execution_condition", "reserved")
    assert coverage["achats_ecologiques"].addressed
    assert not coverage["developpement_economique"].addressed
    assert coverage["developpement_economique"].suggestion


def test_cli_unwritable_output_is_one_clear_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clause_analyzer", "analyze",
         str(EXAMPLES / "DCE_exemple" / "RC.pdf"), "-o", str(tmp_path / "absent" / "r.txt")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "impossible d'écrire" in result.stderr
