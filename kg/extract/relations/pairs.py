"""The learned pair classifier: relations the rules did not find, between two mentions of one sentence.

Every ordered pair of mentions in one sentence (:func:`~kg.extract.relations.reader.split_sentences`),
at most :data:`MAX_GAP` characters apart, whose types fit a relation type's signature
(:data:`SIGNATURES`, from the annotation guidelines) is a **candidate** (:func:`candidates`). Its
features (:func:`features`) are the two types and their order, the distance and the mentions between,
the words between (jieba, other names masked by their type, capped), two words before and after,
the trigger words of the rules' word lists (:data:`TRIGGER_LISTS`) between and around, the
punctuation between, whether the pair sits in one list, and which relations the rules already
state between the two. A multinomial logistic regression (python-crfsuite trained on one-item
sequences: labels ``NONE`` or a relation type) scores each candidate; the best type its signature
allows is kept when its probability reaches :data:`THRESHOLD`.

The model only **adds**: a pair the rules already relate by the same type keeps the rule's relation
(its rule name, ``model:pairs`` otherwise). The model is trained on the development gold and the seeds
by ``python -m kg.eval.pairs_train`` (:data:`TRAIN_CMD`); the shipped file is pinned by
:data:`MODEL_SHA256` and checked at load. It is **off by default**: cross-validation on the development
articles (``benchmarks/pairs_cv.py``, ``kg/data/models/README.md``) shows it adds nothing right on top
of the current rules (relation F1 0.667 → 0.659); ``kg build
--relation-model`` (``WorkSettings.pairs``) switches it on, and ``--rules-only`` never uses it.

>>> from kg.extract.entities import Mention
>>> text = "华峰科技有限公司入驻了西安高新区。"
>>> ms = [Mention(0, 8, "COMPANY", "华峰科技有限公司", "t"), Mention(11, 16, "PARK", "西安高新区", "t")]
>>> [(p.head.text, p.tail.text, p.types) for p in candidates(text, ms)]
[('华峰科技有限公司', '西安高新区', ('LOCATED_IN', 'INVESTS_IN', 'OPERATES', 'PARTNERS_WITH')), ('西安高新区', '华峰科技有限公司', ('INVESTS_IN',))]
>>> sorted(f for f in features(text, candidates(text, ms)[0], ms, {}) if f.startswith(("w=", "tg=")))
['tg=host_verbs', 'tg=join_verbs', 'tg=landing_verbs', 'w=了', 'w=入驻']
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.extract.entities import Mention
from kg.extract.jieba_dict import pos_dictionary
from kg.extract.relations.reader import ORG_LIKE, Relation, TitleLexicon, split_sentences
from kg.kb import rules
from kg.kb.pinned import check_model

#: The relation types the classifier may add, with the (head types, tail types) the guidelines allow.
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "HOLDS_POST": (("PERSON",), ORG_LIKE),
    "LOCATED_IN": (("COMPANY", "ORG"), ("PARK",)),
    "PART_OF": (("PARK",), ("PARK",)),
    "FOCUSES_ON": (("PARK", "ORG"), ("INDUSTRY",)),
    "INVESTS_IN": (("COMPANY", "FUND", "ORG", "PARK"), ("PARK", "COMPANY")),
    "OPERATES": (ORG_LIKE, ("PARK", "FUND")),
    "PARTNERS_WITH": (ORG_LIKE, ORG_LIKE),
    "SUBSIDIARY_OF": (("COMPANY", "ORG"), ("COMPANY", "ORG")),
}
#: The label of a candidate that states no relation.
NONE = "NONE"
#: Two mentions further apart than this (characters between them) make no candidate.
MAX_GAP = 120
#: Words between the two mentions that become features: the first and the last this many.
MAX_WORDS = 6
#: Rule word lists whose words are trigger features (each list is a feature, not each word).
TRIGGER_LISTS = ("join_verbs", "locate_verbs", "at_park_verbs", "landing_verbs", "host_verbs", "operate_verbs",
                 "park_build_verbs", "firm_build_verbs", "fund_setup_verbs", "partner_verbs", "cooperation_words",
                 "focus_triggers", "focus_cues", "part_role_nouns", "park_part_suffixes", "speech_verbs")
#: Rule lists whose entries are regular expressions themselves.
TRIGGER_PATTERNS = ("subsidiary_cues", "subsidiary_unit_nouns", "stake_verbs", "post_appointment_verbs")
#: What joins two items of one list.
_LIST_JOIN = re.compile(r"、|和|与|及|以及|,")

RULE = "model:pairs"
MODEL_FILE = "relation-pairs.crfsuite"
#: SHA-256 of the shipped model file (``python -m kg.eval.pairs_train`` prints it).
MODEL_SHA256 = "5972b9bdcc4e054d77687b6128e5215265ed9cab3405782f9ab22f56193e416b"
TRAIN_CMD = "python -m kg.eval.pairs_train --out kg/data/models/relation-pairs.crfsuite"
#: The probability a candidate's best type needs to become a relation (chosen by cross-validation on dev).
THRESHOLD = 0.6
#: The relation types the model adds (chosen by cross-validation on dev: the others gained nothing or lost).
ADD_TYPES = ("HOLDS_POST", "LOCATED_IN")
#: Whether the relations the rules state between the two ends are features. Measured off: with them, the
#: model leans on the rules' own decisions and adds next to nothing in cross-validation (model card).
RULE_FEATURE = False
#: Whether the model sees only the **residual** candidates, in training and when adding: pairs whose two names
#: the rules relate nowhere in the article (any type, either order), and no person whose post the rules read.
#: Off, it is trained on every candidate and mostly relearns what the rules already find (model card).
RESIDUAL = False
#: Training parameters of the shipped model (L-BFGS; one-item sequences make it a logistic regression).
PARAMS: dict[str, float | int] = {"c1": 0.0, "c2": 1.0, "max_iterations": 200}


@dataclass(frozen=True)
class Pair:
    """A candidate: ``head`` and ``tail`` in the sentence ``[sent_start, sent_end)``; ``types`` it may have."""

    head: Mention
    tail: Mention
    sent_start: int
    sent_end: int
    types: tuple[str, ...]


def allowed(head: Mention, tail: Mention) -> tuple[str, ...]:
    """The relation types whose signature fits ``head → tail`` (PARTNERS_WITH only in reading order).

    >>> allowed(Mention(0, 2, "PERSON", "王明", "t"), Mention(3, 9, "ORG", "青岛市科技局", "t"))
    ('HOLDS_POST',)
    """
    return tuple(t for t, (hs, ts) in SIGNATURES.items()
                 if head.type in hs and tail.type in ts and (t != "PARTNERS_WITH" or head.start < tail.start))


def candidates(text: str, mentions: Sequence[Mention]) -> list[Pair]:
    """The candidate pairs of ``text``: both orders of two non-overlapping mentions of one sentence."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    starts = [m.start for m in ms]
    out = []
    for ss, se in split_sentences(text):
        inside = [m for m in ms[bisect_left(starts, ss):bisect_left(starts, se)] if m.end <= se]
        for i, a in enumerate(inside):
            for b in inside[i + 1:]:
                if b.start - a.end > MAX_GAP:
                    break
                if b.start < a.end or a.text == b.text:
                    continue
                for h, t in ((a, b), (b, a)):
                    types = allowed(h, t)
                    if types:
                        out.append(Pair(h, t, ss, se, types))
    return out


@lru_cache(maxsize=1)
def _triggers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = [(n, re.compile(rules.alternation(n))) for n in TRIGGER_LISTS]
    return tuple(found + [(n, re.compile(rules.pattern(n))) for n in TRIGGER_PATTERNS])


def _words(text: str) -> list[str]:
    """jieba's dictionary words of ``text`` (no HMM: the same words for the same text), spaces dropped."""
    import jieba

    return [w for w in jieba.lcut(text, HMM=False) if w.strip()]


def _masked_words(text: str, a: int, b: int, between: Sequence[Mention]) -> list[str]:
    """The words of ``text[a:b]``, each mention inside replaced by ``<TYPE>``."""
    out, i = [], a
    for m in between:
        out += _words(text[i:m.start]) + [f"<{m.type}>"]
        i = m.end
    return out + _words(text[i:b])


def _bucket(n: int) -> str:
    return next(f"{lo}" for lo in (40, 20, 10, 5, 2, 1, 0) if n >= lo)


def _title_features(text: str, first: Mention, second: Mention, pair: Pair, titles: TitleLexicon | None) -> list[str]:
    """Where known titles (the lexicon's) stand: ending right before the later end, right after either end."""
    if titles is None:
        return []
    f = []
    if titles.ending_at(text, second.start, first.end):
        f.append("title<2")  # `<org>副局长<person>`
    if titles.run_at(text, first.end, second.start):
        f.append("1>title")  # `<person>,<org>局长` / `<org>局长<person>`
    if titles.run_at(text, second.end, pair.sent_end):
        f.append("2>title")
    if titles.ending_at(text, first.start, pair.sent_start):
        f.append("title<1")
    return f


def _pos_features(words: Sequence[str]) -> list[str]:
    """The dictionary parts of speech of the words between (jieba's dictionary, a lookup)."""
    pos = pos_dictionary()
    return sorted({f"pos={pos[w]}" for w in words if w in pos})


def features(text: str, pair: Pair, mentions: Sequence[Mention], rule_types: Mapping[tuple[int, int], set[str]],
             titles: TitleLexicon | None = None) -> list[str]:
    """The feature names of a candidate (each with value 1). ``mentions``: the document's, in reading order;
    ``rule_types``: (start of one end, start of the other) → the types the rules state between them;
    ``titles``: the title lexicon."""
    h, t = pair.head, pair.tail
    first, second = (h, t) if h.start < t.start else (t, h)
    order = "ht" if first is h else "th"
    between = [m for m in mentions if m.start >= first.end and m.end <= second.start]
    sig = f"{h.type}>{t.type}:{order}"
    f = ["bias", f"sig={sig}", f"gap={_bucket(second.start - first.end)}", f"nb={min(len(between), 3)}",
         f"sig_gap={sig}:{_bucket(second.start - first.end)}", f"hs={h.text[-1]}", f"ts={t.text[-1]}",
         f"hs2={h.text[-2:]}", f"ts2={t.text[-2:]}"]
    f += sorted({f"nbt={m.type}" for m in between})
    words = _masked_words(text, first.end, second.start, between)
    if len(words) > 2 * MAX_WORDS:
        words = words[:MAX_WORDS] + words[-MAX_WORDS:]
    f += sorted({f"w={w}" for w in words}) + _pos_features(words) + _title_features(text, first, second, pair, titles)
    if words:
        f += [f"w0={words[0]}", f"wl={words[-1]}", f"sig_w0={sig}:{words[0]}"]
    else:
        f.append("adjacent")
    gap = text[first.end:second.start]
    f += sorted({f"p={c}" for c in gap if c in "、,;:()“”"})
    before = _words(text[max(pair.sent_start, first.start - 8):first.start])[-2:]
    after = _words(text[second.end:min(pair.sent_end, second.end + 8)])[:2]
    f += [f"b{i}={w}" for i, w in enumerate(reversed(before))] + [f"a{i}={w}" for i, w in enumerate(after)]
    for name, rx in _triggers():
        if rx.search(gap):
            f += [f"tg={name}", f"sig_tg={sig}:{name}"]
        if rx.search(text[max(pair.sent_start, first.start - 12):first.start]):
            f.append(f"tb={name}")
        if rx.search(text[second.end:min(pair.sent_end, second.end + 12)]):
            f.append(f"ta={name}")
    if _LIST_JOIN.fullmatch(gap):
        f.append(f"list={gap}")
    if text[first.start - 1:first.start] == "、" or text[second.end:second.end + 1] == "、":
        f.append("in_list")
    if RULE_FEATURE:
        f += sorted(f"rule={r}" for r in rule_types.get((min(h.start, t.start), max(h.start, t.start)), ()))
    return f


def rule_index(relations: Sequence[Relation]) -> dict[tuple[int, int], set[str]]:
    """(start of one end, start of the other, in reading order) → the types the relations state between them."""
    out: dict[tuple[int, int], set[str]] = {}
    for r in relations:
        out.setdefault((min(r.head.start, r.tail.start), max(r.head.start, r.tail.start)), set()).add(r.type)
    return out


def ruled(relations: Sequence[Relation]) -> tuple[set[frozenset[str]], set[str]]:
    """(the pairs of names the rules relate, by any type; the names of persons whose post the rules read)."""
    return ({frozenset((r.head.text, r.tail.text)) for r in relations},
            {r.head.text for r in relations if r.type == "HOLDS_POST"})


def featurized(text: str, mentions: Sequence[Mention], relations: Sequence[Relation],
               titles: TitleLexicon | None = None, residual: bool | None = None) -> Iterator[tuple[Pair, list[str]]]:
    """Every candidate of ``text`` with its features, the rules' ``relations`` and the title lexicon given;
    with ``residual`` (default :data:`RESIDUAL`) only those the rules leave open (:func:`ruled`)."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    index = rule_index(relations)
    related, posted = ruled(relations) if (RESIDUAL if residual is None else residual) else (set(), set())
    for pair in candidates(text, ms):
        if frozenset((pair.head.text, pair.tail.text)) in related or pair.head.type == "PERSON" and pair.head.text in posted:
            continue
        yield pair, features(text, pair, ms, index, titles)


# ---------------------------------------------------------------- training and the model


def fit(examples: Sequence[tuple[list[str], str]], path: str | Path, params: Mapping[str, float | int] | None = None) -> Path:
    """Train on (features, label) examples and write the model to ``path`` (deterministic: same data, same bytes).

    >>> import tempfile, pathlib
    >>> p = fit([(["w=入驻"], "LOCATED_IN"), (["w=和"], "NONE")] * 3, pathlib.Path(tempfile.mkdtemp()) / "m")
    >>> PairModel(p).probabilities(["w=入驻"])["LOCATED_IN"] > 0.5
    True
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, label in examples:
        trainer.append(pycrfsuite.ItemSequence([{k: 1.0 for k in feats}]), [label])
    trainer.select("lbfgs", "crf1d")
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(path))
    return Path(path)


class PairModel:
    """A trained pair classifier; :meth:`relations` adds what it finds to the rules' relations."""

    def __init__(self, path: str | Path, sha256: str | None = None, threshold: float = THRESHOLD,
                 types: tuple[str, ...] = ADD_TYPES, record: bool = False) -> None:
        path = check_model(Path(path), sha256, "relation pair model", TRAIN_CMD)
        import pycrfsuite

        self.path = path
        self.threshold = threshold
        self.types = types  # the relation types it may add
        self.record = record  # keep each relation's probability as attribute ``p`` (cross-validation)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.labels = tuple(self._tagger.labels())

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """The probability of each label for one candidate's features."""
        import pycrfsuite

        self._tagger.set(pycrfsuite.ItemSequence([{k: 1.0 for k in feats}]))
        self._tagger.tag()
        return {lab: self._tagger.marginal(lab, 0) for lab in self.labels}

    def best(self, pair: Pair, feats: list[str]) -> tuple[str, float]:
        """The most probable relation type the pair's signature and :attr:`types` allow, with its probability."""
        probs = self.probabilities(feats)
        return max(((t, probs.get(t, 0.0)) for t in pair.types if t in self.types), key=lambda x: (x[1], x[0]),
                   default=(NONE, 0.0))

    def relations(self, text: str, mentions: Sequence[Mention], found: Sequence[Relation],
                  titles: TitleLexicon | None = None) -> list[Relation]:
        """Relations the model finds between candidates the rules do not already relate by that type."""
        have = {(r.head.start, r.type, r.tail.start) for r in found}
        have |= {(r.tail.start, r.type, r.head.start) for r in found if r.type == "PARTNERS_WITH"}
        posted = {r.head.start for r in found if r.type == "HOLDS_POST"}  # a person whose post the rules read
        out = []
        for pair, feats in featurized(text, mentions, found, titles):
            rtype, p = self.best(pair, feats)
            if p < self.threshold or (pair.head.start, rtype, pair.tail.start) in have:
                continue
            if rtype == "HOLDS_POST" and pair.head.start in posted:
                continue  # the rules read this mention's title chain; a further post is the model misreading it
            have.add((pair.head.start, rtype, pair.tail.start))
            attrs = {"p": f"{p:.4f}"} if self.record else {}
            if rtype == "HOLDS_POST" and titles is not None and pair.tail.end <= pair.head.start:
                title = titles.ending_at(text, pair.head.start, pair.tail.end)
                if title:
                    attrs["title"] = title
            out.append(Relation(pair.head, rtype, pair.tail, pair.sent_start, pair.sent_end, RULE, attrs))
        return out


def models_dir() -> Path:
    """The folder of the shipped models (``kg/data/models``)."""
    with resources.as_file(resources.files("kg") / "data" / "models") as p:
        return Path(p)


_OVERRIDE: list[PairModel | None] = []


@contextmanager
def using(model: PairModel | None) -> Iterator[None]:
    """Within the block, builds in this process use ``model`` (``None``: none) instead of the shipped one
    (an evaluation aid: cross-validation trains a model per fold)."""
    _OVERRIDE.append(model)
    try:
        yield
    finally:
        _OVERRIDE.pop()


def default_model() -> PairModel | None:
    """The model a build with the pair classifier on uses: the one of :func:`using`, else the shipped one."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> PairModel:
    return PairModel(models_dir() / MODEL_FILE, MODEL_SHA256)


def model_card() -> dict[str, object]:
    """The sidecar of the shipped model (training data, parameters, figures)."""
    return json.loads((models_dir() / (MODEL_FILE + ".json")).read_text(encoding="utf-8"))
