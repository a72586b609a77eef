"""A corpus of archived tenders generated at test time, with the truth of what each contains.

Shared by tests/audit and benchmarks/bench_audit.py. Each tender is a ZIP, a subfolder or a
lone file in one archive folder; its documents name the buyer on their first line and carry
the year in a market number and a deadline date, as real DCEs do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from builders import Line, ZipEntry, make_docx, make_pdf, make_zip, p

BUYERS = ("Ville de Lézardeville", "Métropole du Val de Seine")

SOCIAL = (
    "Clause sociale d'insertion",
    "En application de l'article L. 2112-2 du code de la commande publique, le titulaire "
    "s'engage à réaliser une action d'insertion professionnelle au profit de personnes "
    "rencontrant des difficultés sociales ou professionnelles particulières. Le volume d'heures "
    "d'insertion à réaliser est fixé à {hours} heures pendant la durée du marché.",
)
ENVIRONMENTAL = (
    "Condition d'exécution environnementale",
    "En application de l'article L. 2112-2 du code de la commande publique, le titulaire trie "
    "à la source les déchets de chantier et en valorise au moins 70 % par recyclage ; il "
    "justifie la traçabilité des déchets par les bordereaux de suivi remis au maître d'ouvrage.",
)
NEUTRAL = (
    (
        "Prix",
        "Les prix sont fermes et actualisables selon l'index TP01. Ils comprennent toutes "
        "les sujétions d'exécution des prestations.",
    ),
    (
        "Délai de paiement",
        "Le délai global de paiement est fixé à trente jours à compter de la "
        "réception de la demande de paiement.",
    ),
    (
        "Pénalités de retard",
        "En cas de retard, le titulaire encourt une pénalité de 150 euros "
        "par jour calendaire, sans mise en demeure préalable.",
    ),
    (
        "Réception",
        "La réception des travaux est prononcée dans les conditions de l'article 41 "
        "du CCAG Travaux.",
    ),
)
FILLER = (
    "Le titulaire exécute les prestations conformément aux règles de l'art et aux documents "
    "techniques unifiés en vigueur à la date de remise des offres. Il désigne un interlocuteur "
    "unique chargé du suivi du marché et tient le maître d'ouvrage informé de l'avancement."
)


@dataclass
class TenderTruth:
    key: str  # as the audit names it: "<archive folder name>/<entry>"
    year: int
    buyer: str
    social: bool
    environmental: bool
    hours: int | None = None
    status: str = "done"  # "done" or "failed"
    errors: int = 0  # unreadable files inside a done tender
    extra: dict = field(default_factory=dict)


def clauses(truth: TenderTruth, filler_pages: int = 0) -> list[tuple[str, str]]:
    out = [
        (
            "Objet du marché",
            "Le présent marché a pour objet des travaux de réfection de "
            "voirie et de réseaux sur le territoire de l'acheteur.",
        )
    ]
    out += list(NEUTRAL[:2])
    if truth.social:
        out.append((SOCIAL[0], SOCIAL[1].format(hours=truth.hours)))
    if truth.environmental:
        out.append(ENVIRONMENTAL)
    out += list(NEUTRAL[2:])
    out += [(f"Exécution, partie {i + 1}", FILLER) for i in range(filler_pages * 4)]
    return out


def _head(truth: TenderTruth, n: int, title: str) -> list[str]:
    return [
        truth.buyer,
        title,
        f"Marché n° {truth.year}-{n:03d} – Travaux de voirie",
        f"Date limite de réception des offres : 15/03/{truth.year}",
    ]


def _wrap(text: str, width: int = 95) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def ccap_pdf(truth: TenderTruth, n: int, filler_pages: int = 0) -> bytes:
    pages: list[list[Line | str]] = [
        [
            Line(t, bold=i == 1)
            for i, t in enumerate(
                _head(truth, n, "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES")
            )
        ]
    ]
    page = pages[0]
    for number, (heading, text) in enumerate(clauses(truth, filler_pages), start=1):
        block = [Line(f"ARTICLE {number} – {heading}", bold=True, gap=1)] + [
            Line(x) for x in _wrap(text)
        ]
        if len(page) + len(block) > 40:
            page = []
            pages.append(page)
        page.extend(block)
    return make_pdf(pages, header=None)


def ccap_docx(truth: TenderTruth, n: int, filler_pages: int = 0) -> bytes:
    body = "".join(
        p(t) for t in _head(truth, n, "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES")
    )
    for number, (heading, text) in enumerate(clauses(truth, filler_pages), start=1):
        body += p(f"Article {number} – {heading}", "Heading1") + p(text)
    return make_docx(body)


def rc_pdf(truth: TenderTruth, n: int) -> bytes:
    lines = _head(truth, n, "RÈGLEMENT DE LA CONSULTATION") + [
        Line("ARTICLE 1 – Objet de la consultation", bold=True, gap=1),
        "La consultation porte sur des travaux de réfection de voirie.",
        Line("ARTICLE 2 – Jugement des offres", bold=True, gap=1),
        "Les offres sont jugées sur le prix (60 %) et la valeur technique (40 %).",
    ]
    return make_pdf([lines], header=None)


def build_corpus(
    root: Path, count: int = 24, seed: int = 7, filler_pages: int | tuple[int, int] = 0
) -> list[TenderTruth]:
    """`count` ordinary tenders in root/archives, cycling ZIP / subfolder / lone file.

    `filler_pages`: pages of ordinary clauses added to each CCAP, or a (min, max) range drawn
    per tender (realistic sizes for the benchmark).
    """
    rng = random.Random(seed)
    archive = root / "archives"
    archive.mkdir(parents=True, exist_ok=True)
    truths = []
    for n in range(count):
        kind = n % 4  # 0 none, 1 social, 2 environmental, 3 both
        truth = TenderTruth(
            key="",
            year=2022 + n % 3,
            buyer=BUYERS[(n // 3) % 2],
            social=kind in (1, 3),
            environmental=kind in (2, 3),
            hours=rng.choice((200, 350, 500, 1200)) if kind in (1, 3) else None,
        )
        pages = rng.randint(*filler_pages) if isinstance(filler_pages, tuple) else filler_pages
        layout = n % 3
        if layout == 0:
            name = f"DCE_{n:03d}.zip"
            data = make_zip(
                [
                    ZipEntry("RC.pdf", rc_pdf(truth, n)),
                    ZipEntry("Pièces/CCAP.pdf", ccap_pdf(truth, n, pages)),
                ]
            )
            (archive / name).write_bytes(data)
        elif layout == 1:
            name = f"consultation_{n:03d}"
            (archive / name).mkdir()
            (archive / name / "RC.pdf").write_bytes(rc_pdf(truth, n))
            (archive / name / "CCAP.docx").write_bytes(ccap_docx(truth, n, pages))
        else:
            name = f"CCAP_{n:03d}.pdf"
            (archive / name).write_bytes(ccap_pdf(truth, n, pages))
        truth.key = f"archives/{name}"
        truths.append(truth)
    return truths


def add_pathological(root: Path) -> list[TenderTruth]:
    """Broken, encrypted, bomb, hanging and duplicate tenders beside the ordinary ones."""
    archive = root / "archives"
    base = TenderTruth("", 2023, BUYERS[0], social=True, environmental=False, hours=300)
    out = []
    # A corrupt PDF next to a good CCAP: the tender is done, with one unreadable file.
    good = ccap_pdf(base, 900)
    (archive / "DCE_900_corrompu.zip").write_bytes(
        make_zip([ZipEntry("RC.pdf", b"%PDF-1.7\n garbage \x00\x01"), ZipEntry("CCAP.pdf", good)])
    )
    out.append(
        TenderTruth("archives/DCE_900_corrompu.zip", 2023, BUYERS[0], True, False, 300, errors=1)
    )
    # An encrypted PDF in a folder with a good CCAP.
    t = TenderTruth("", 2024, BUYERS[1], False, True)
    folder = archive / "consultation_901_chiffree"
    folder.mkdir()
    (folder / "CCAP.pdf").write_bytes(ccap_pdf(t, 901))
    (folder / "CCTP.pdf").write_bytes(make_pdf([["Secret"]], encrypt_password="secret"))
    t.key, t.errors = f"archives/{folder.name}", 1
    out.append(t)
    # A ZIP bomb: one member inflating 1000-fold; the whole tender has nothing readable.
    bomb = make_zip([ZipEntry("CCAP.pdf", b"\0" * (60 << 20))])
    (archive / "DCE_902_bombe.zip").write_bytes(bomb)
    out.append(
        TenderTruth(
            "archives/DCE_902_bombe.zip", 0, "", False, False, errors=1, extra={"no_year": True}
        )
    )
    # A tender that hangs (CLAUSE_ANALYZER_TEST_HANG=__HANG__): recorded as failed.
    (archive / "DCE_903__HANG__.pdf").write_bytes(ccap_pdf(base, 903))
    out.append(
        TenderTruth(
            "archives/DCE_903__HANG__.pdf", 2023, BUYERS[0], True, False, 300, status="failed"
        )
    )
    # A tender that eats memory (CLAUSE_ANALYZER_TEST_HOG=__HOG__): stopped by the memory cap.
    (archive / "DCE_904__HOG__.pdf").write_bytes(ccap_pdf(base, 904))
    out.append(
        TenderTruth(
            "archives/DCE_904__HOG__.pdf", 2023, BUYERS[0], True, False, 300, status="failed"
        )
    )
    return out


def duplicate(root: Path, key: str, new_name: str) -> None:
    """The same DCE under another name: counted once (same content hash)."""
    archive = root / "archives"
    src = root / key
    (archive / new_name).write_bytes(src.read_bytes())
