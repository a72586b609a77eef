"""The text forms the detectors read: folded text and lemmas."""

from clause_analyzer.nlp import analyse, fold


def test_lemmas_are_lemmas_whatever_the_case_and_accents(nlp) -> None:
    plain, shouted = analyse(
        [
            "Les heures travaillées sont réservées aux personnes éloignées de l'emploi.",
            "LES HEURES TRAVAILLEES SONT RESERVEES AUX PERSONNES ELOIGNEES DE L'EMPLOI.",
        ],
        nlp,
    )
    assert plain.lemmas == shouted.lemmas
    words = plain.lemmas.split()
    # Inflected forms reach their lemma (an unaccented capital "A" stays ambiguous: "a" is
    # read as the verb, so the sentence avoids it): plural nouns, participles, articles.
    assert {"heure", "travailler", "reserver", "personne", "eloigner", "le"} <= set(words)
    assert "heures" not in words and "travaillees" not in words


def test_numbers_become_one_token(nlp) -> None:
    assert analyse(["350 heures"], nlp)[0].lemmas == "0 heure"


def test_fold_keeps_length_and_drops_accents() -> None:
    assert fold("  Réalisation   ÉCOLOGIQUE ") == "realisation ecologique"
