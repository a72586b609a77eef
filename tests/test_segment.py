"""Segmentation: numbering styles, heading paths, pages, offsets, long articles."""

from __future__ import annotations

import pytest

from clause_analyzer.segment import ARTICLE_MAX_CHARS, parse_heading, segment
from clause_analyzer.types import Block, BlockKind, DocKind, Document


def doc(*lines: str, pages: list[int] | None = None) -> Document:
    pages = pages or [1] * len(lines)
    return Document("CCAP.pdf", DocKind.CCAP, tuple(Block(t, page=p) for t, p in zip(lines, pages)))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ARTICLE 7 – PÉNALITÉS", "7"),
        ("Article 7 : Pénalités", "7"),
        ("Art. 12 Assurances", "12"),
        ("ARTICLE PREMIER - OBJET", "1"),
        ("Article 1er – Objet du marché", "1"),
        ("7.2.1 Gestion des déchets", "7.2.1"),
        ("7.2.1. Gestion des déchets", "7.2.1"),
        ("VII. Dispositions diverses", "VII"),
        ("Chapitre 2 – Exécution", "2"),
        ("TITRE II - CONDITIONS D'EXÉCUTION", "II"),
    ],
)
def test_numbering_styles_are_headings(text: str, number: str) -> None:
    heading = parse_heading(Block(text))
    assert heading is not None and heading.number == number


@pytest.mark.parametrize(
    "text",
    [
        "7.2 Le titulaire transmet chaque mois un état des heures réalisées, signé par le "
        "facilitateur, accompagné des contrats de travail.",
        "1 500 € HT par jour de retard.",
        "a) le prix ;",
        "- embauche directe ;",
        "Le titulaire respecte les délais.",
    ],
)
def test_body_text_is_not_a_heading(text: str) -> None:
    assert parse_heading(Block(text)) is None


def test_heading_path_and_numbers() -> None:
    clauses = segment(
        doc(
            "TITRE II – EXÉCUTION",
            "ARTICLE 9 – CONDITIONS D'EXÉCUTION",
            "9.1 Généralités",
            "Le titulaire respecte les délais.",
            "9.2 Clause d'insertion",
            "Le titulaire réalise 350 heures d'insertion.",
            "ARTICLE 10 – PÉNALITÉS",
            "Les pénalités sont de 100 € par jour.",
        )
    )
    assert [(c.number, c.title) for c in clauses] == [
        ("9.1", "9.1 Généralités"),
        ("9.2", "9.2 Clause d'insertion"),
        ("10", "ARTICLE 10 – PÉNALITÉS"),
    ]
    assert clauses[1].heading == (
        "TITRE II – EXÉCUTION > ARTICLE 9 – CONDITIONS D'EXÉCUTION > 9.2 Clause d'insertion"
    )
    assert clauses[2].heading == "TITRE II – EXÉCUTION > ARTICLE 10 – PÉNALITÉS"


def test_list_items_join_their_lead_in() -> None:
    clauses = segment(
        doc(
            "Article 4 – Modalités",
            "Le titulaire peut exécuter l'action d'insertion :",
            "- par embauche directe ;",
            "- par mise à disposition ;",
            "a) ou par sous-traitance.",
        )
    )
    assert len(clauses) == 1
    assert clauses[0].text.count("\n") == 3


def test_pages_and_offsets_point_into_document_text() -> None:
    document = doc(
        "ARTICLE 1 – OBJET",
        "Le marché porte sur l'entretien.",
        "ARTICLE 2 – DÉCHETS",
        "Le titulaire remet un SOGED.",
        "Il trie sur place.",
        pages=[1, 1, 1, 2, 3],
    )
    clauses = segment(document)
    waste = clauses[1]
    assert waste.pages == (2, 3) and waste.page == 2
    assert (
        document.text[waste.start : waste.end] == "Le titulaire remet un SOGED.\nIl trie sur place."
    )


def test_long_article_split_into_paragraphs_keeping_heading() -> None:
    paragraph = "Le titulaire réalise les prestations décrites au présent cahier. " * 6
    clauses = segment(doc("ARTICLE 5 – EXÉCUTION", paragraph, paragraph, paragraph))
    assert sum(len(p) for p in [paragraph] * 3) > ARTICLE_MAX_CHARS
    assert len(clauses) == 3
    assert {c.heading for c in clauses} == {"ARTICLE 5 – EXÉCUTION"}


def test_criteria_list_items_without_body_stay_clauses() -> None:
    clauses = segment(
        doc(
            "ARTICLE 6 – JUGEMENT DES OFFRES", "1. Prix : 60 %", "2. Valeur environnementale : 40 %"
        )
    )
    assert [c.text for c in clauses] == ["1. Prix : 60 %", "2. Valeur environnementale : 40 %"]
    assert all(c.heading == "ARTICLE 6 – JUGEMENT DES OFFRES" for c in clauses)


def test_style_headings_and_automatic_numbers() -> None:
    document = Document(
        "CCAP.docx",
        DocKind.CCAP,
        (
            Block(
                "Clause sociale d'insertion", kind=BlockKind.HEADING, level=1, number="Article 9 :"
            ),
            Block("Le titulaire réalise 350 heures d'insertion."),
        ),
    )
    [clause] = segment(document)
    assert clause.number == "9"
    assert clause.title == "Article 9 : Clause sociale d'insertion"


def test_document_title_does_not_enclose_articles() -> None:
    clauses = segment(
        doc(
            "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES",
            "ARTICLE 1 – OBJET",
            "Le marché porte sur l'entretien.",
        )
    )
    assert clauses[-1].heading == "ARTICLE 1 – OBJET"
