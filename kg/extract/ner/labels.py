"""The model's labels and the map from each training corpus's labels to them.

The character CRF proposes names with three coarse labels; the rules decide the
project's types later (a proposal labelled ORG may become COMPANY, ORG, PARK or
FUND by its suffix, PER becomes PERSON when the rules accept it).

====================  ===============  =====  ==========================================
corpus                source label     model  reason
====================  ===============  =====  ==========================================
MSRA                  PER              PER
MSRA                  ORG              ORG
MSRA                  LOC              LOC
Resume                NAME             PER
Resume                ORG              ORG
Resume                LOC              --     birthplaces with 人 (云南建水人): not a place name
Resume                CONT             --     nationality with 国籍 (中国国籍): not a place name
Resume                TITLE, EDU, PRO  --     not names (titles are the rules' lexicon)
Resume                RACE             --     ethnicity, not a name
CLUENER2020           NAME             PER
CLUENER2020           COMPANY          ORG    MSRA tags companies ORG: one label keeps the data consistent
CLUENER2020           GOVERNMENT       ORG
CLUENER2020           ORGANIZATION     ORG    (includes sports clubs: 罗马, 切尔西)
CLUENER2020           ADDRESS          LOC    (finer-grained than MSRA: 北京市海淀区…街)
CLUENER2020           SCENE            --     landmarks, tagged inconsistently with MSRA LOC
CLUENER2020           POSITION         --     job titles, not names
CLUENER2020           BOOK, GAME,      --     titles of works, not in the project's scope
                      MOVIE
project dev gold      PERSON           PER    (kg.eval.ner_gold writes the model labels)
project dev gold      ORG, COMPANY,    ORG
                      PARK, FUND
project dev gold      INDUSTRY         --     not a name
(dev gold articles)   region names     LOC    the division lexicon's names where no gold mention covers them
====================  ===============  =====  ==========================================

A dropped label's characters are trained as ``O`` (outside any name).

>>> map_label("cluener2020", "COMPANY"), map_label("resume", "NAME"), map_label("resume", "TITLE")
('ORG', 'PER', None)
>>> bio_tags(5, [(0, 2, "PER"), (3, 5, "ORG")])
['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG']
>>> spans_from_tags(['B-PER', 'I-PER', 'O', 'I-ORG', 'I-ORG', 'B-LOC'])
[(0, 2, 'PER'), (3, 5, 'ORG'), (5, 6, 'LOC')]
"""

from __future__ import annotations

#: The model's labels.
LABELS = ("PER", "ORG", "LOC")

#: corpus -> source label -> model label (a label not listed is dropped: trained as O).
LABEL_MAP: dict[str, dict[str, str]] = {
    "msra": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "resume": {"NAME": "PER", "ORG": "ORG"},
    "cluener2020": {"NAME": "PER", "COMPANY": "ORG", "GOVERNMENT": "ORG", "ORGANIZATION": "ORG", "ADDRESS": "LOC"},
    # the project's development gold, already in model labels (kg.eval.ner_gold)
    "gold": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
}

#: The variant measured against the default: CLUENER's companies as a label of their own.
LABEL_MAP_WITH_COMPANY: dict[str, dict[str, str]] = {
    **LABEL_MAP, "cluener2020": {**LABEL_MAP["cluener2020"], "COMPANY": "COMPANY"},
}

#: Which project types a coarse label can become (decided by the rules, not the model).
PROJECT_TYPES = {"PER": ("PERSON",), "ORG": ("COMPANY", "ORG", "PARK", "FUND"), "LOC": ()}


def corpus_of(record_id: str) -> str:
    """``msra-train-12`` -> ``msra``."""
    return record_id.split("-", 1)[0]


def map_label(corpus: str, label: str, label_map: dict[str, dict[str, str]] | None = None) -> str | None:
    return (label_map or LABEL_MAP)[corpus].get(label)


def bio_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, lab in spans:
        tags[s] = "B-" + lab
        for i in range(s + 1, e):
            tags[i] = "I-" + lab
    return tags


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> ``(start, end, label)``; a stray ``I-`` starts a span (as CRF output may)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate(tags):
        if t == "O" or t[0] == "B" or t[2:] != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = (-1, "") if t == "O" else (i, t[2:])
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans
