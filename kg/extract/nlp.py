"""The spaCy pipeline: a ``zh`` tokenizer with a configurable segmenter, and the name tagger, the
entity rules and the relation rules as registered components.

* :class:`Segmenter` — ``char`` (one token per character), ``jieba``, or
  ``pkuseg`` (the pinned default model, see :mod:`kg.kb.models`).
* ``kg_ner`` — the character CRF of :mod:`kg.extract.ner`: it proposes names
  (person, organization, location) in ``doc.user_data["kg_ner"]``; the model
  is loaded in :meth:`NameTagger.initialize` and saved with the pipeline.
* ``kg_entity_rules`` — a thin component around :func:`kg.extract.entities.find_mentions`,
  which types and checks the proposals with the rules.
  Lexicons are loaded in :meth:`EntityRules.initialize` and saved with the
  pipeline (``nlp.to_disk``), so a saved pipeline carries its data.
* ``kg_relations`` — the relation rules of :mod:`kg.extract.relations` over the mentions the
  entity rules found (and with their lexicons): ``doc._.kg_relations``.

Mentions are written to ``doc.spans["kg_mentions"]`` (token-aligned,
expanded to whole tokens), to ``doc.ents``, and with exact character
offsets to ``doc.user_data["kg_mentions"]``, which :mod:`kg.extract.document` reads.
What the components store is plain data (:mod:`kg.extract.doc_data`), so a ``Doc`` saves with
``DocBin(store_user_data=True)``.

The components read the normalized text (Simplified, half-width: :func:`kg.text.normalize.normalize_text`).
Their work on plain text is :mod:`kg.extract.components`, which a build runs without spaCy.

>>> nlp = make_nlp(relations=True)
>>> doc = nlp("青岛蓝谷管理局副局长徐一冰表示")
>>> [(e.text, e.label_) for e in doc.ents]
[('青岛蓝谷管理局', 'ORG'), ('徐一冰', 'PERSON')]
>>> [(r.head.text, r.relation, r.tail.text, r.attrs["title"]) for r in doc._.kg_relations]
[('徐一冰', 'HOLDS_POST', '青岛蓝谷管理局', '副局长')]
"""

from __future__ import annotations

import shutil
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

# doc_tokens, linear_viterbi, quiet_fast_jieba and pos_dictionary live where spaCy is not needed (a build
# runs without it) and are re-exported here, where callers have imported them from.
from kg.extract.components import EntityRuleSet, NameProposer, doc_tokens, words_mentions
from kg.extract.doc_data import (PROPOSALS_KEY, RELATIONS_KEY, SPANS_KEY, TEXT_KEY, mentions_of, proposals_of, relation_data,
                                 set_mentions)
from kg.extract.document import evidence_span
from kg.extract.entities import Mention
from kg.extract.fast_jieba import linear_viterbi, quiet_fast_jieba
from kg.extract.jieba_dict import pos_dictionary
from kg.extract.relations import find_relations
from kg.extract.relations.pairs import default_model
from kg.kb.confidence import confidence_of
from kg.kb.lexicons import Lexicons
# Segmenter and DEFAULT_SEGMENTER are defined in kg.options (light: `kg --help` builds its choices from
# them without loading spaCy) and re-exported here, where callers have always imported them from.
from kg.options import DEFAULT_SEGMENTER, Segmenter

__all__ = ["PROPOSALS_KEY", "RELATIONS_KEY", "SPANS_KEY", "DEFAULT_SEGMENTER", "Segmenter", "make_nlp", "mentions_of",
           "doc_tokens", "linear_viterbi", "pos_dictionary", "quiet_fast_jieba"]


@Language.factory("kg_ner", assigns=["doc.user_data"])
def make_name_tagger(nlp: Language, name: str) -> NameTagger:
    return NameTagger(name)


class NameTagger(NameProposer):
    """The ``kg_ner`` component: :class:`kg.extract.components.NameProposer`'s proposals on a ``Doc``."""

    MODEL_FILES = ("model.crfsuite", "model.crfsuite.json")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc.user_data[TEXT_KEY] = text  # for kg_entity_rules, next in the pipeline (it takes it away)
        doc.user_data[PROPOSALS_KEY] = self.proposals(text)
        return doc

    # -- serialization: the model file travels with the pipeline (with its sidecar, which names its features)

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        if self.tagger is None:
            self.initialize()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.tagger.path, path / self.MODEL_FILES[0])
        shutil.copyfile(str(self.tagger.path) + ".json", path / self.MODEL_FILES[1])

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> NameTagger:
        self.initialize(model=str(Path(path) / self.MODEL_FILES[0]))
        return self


@Language.factory(
    "kg_entity_rules",
    assigns=["doc.ents", "doc.spans"],
    default_config={"use_token_boundaries": True},
)
def make_entity_rules(nlp: Language, name: str, use_token_boundaries: bool) -> EntityRules:
    if str(getattr(getattr(nlp, "tokenizer", None), "segmenter", "")).endswith("jieba"):
        quiet_fast_jieba()  # a pipeline loaded with spacy.load is not made by make_nlp
        use_fast_jieba(nlp)
    return EntityRules(name, use_token_boundaries)


class EntityRules(EntityRuleSet):
    """The ``kg_entity_rules`` component: runs the entity grammars on ``doc.text``
    (:class:`kg.extract.components.EntityRuleSet`; see :mod:`kg.extract.entities`)."""

    def __call__(self, doc: Doc) -> Doc:
        user_data = doc.user_data
        lex = self.lexicons_for(user_data.get("kg_leave_out"), user_data.get("kg_leave_out_forms", ()))
        text = doc_text(doc)
        user_data.pop(TEXT_KEY, None)
        # offsets and lengths as arrays: making a Token object per word costs more than the lookups
        spans = doc.to_array(["IDX", "LENGTH"]).tolist() if len(doc) else []
        mentions = self.mentions(text, lex, [(a, text[a:a + n]) for a, n in spans], proposals_of(doc))
        set_mentions(doc, mentions)
        spans = [doc.char_span(m.start, m.end, label=m.type, alignment_mode="expand") for m in mentions]
        spans = [s for s in spans if s is not None]
        doc.spans[SPANS_KEY] = spans
        doc.ents = filter_spans(spans)
        return doc

    # -- serialization: the lexicon files travel with the pipeline

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        if self.lexicons is None:
            self.initialize()
        assert self.lexicons is not None
        if path.exists():
            shutil.rmtree(path)
        shutil.copytree(self.lexicons.directory, path, ignore=shutil.ignore_patterns("*.md", "__pycache__"))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EntityRules:
        self.lexicons = Lexicons.load(path)
        self._leave_out = {}
        return self


@Language.factory(
    "kg_relations",
    assigns=["doc._.kg_relations"],
    requires=["doc.ents"],
    default_config={"entities": "kg_entity_rules", "pairs": False},
)
def make_relations(nlp: Language, name: str, entities: str, pairs: bool) -> RelationRules:
    return RelationRules(nlp, name, entities, pairs)


class RelationRules:
    """Runs the relation rules (:func:`kg.extract.relations.find_relations`) over the mentions of the entity
    component named ``entities``, with its lexicons (titles, and the cities that block a clause subject);
    with ``pairs`` (config, off by default; ``make_nlp(pairs=True)``, as ``kg build --relation-model``) the
    learned pair classifier adds the relations it finds (:mod:`kg.extract.relations.pairs`).

    Each relation is stored as plain data (:func:`kg.extract.doc_data.relation_data`) and read as
    ``doc._.kg_relations``. A build calls the same function on the same mentions
    (:func:`kg.run.work.extract_document`), so a document's relations here are those of ``kg build``.
    """

    def __init__(self, nlp: Language, name: str, entities: str = "kg_entity_rules", pairs: bool = False) -> None:
        self.nlp = nlp
        self.name = name
        self.entities = entities
        self.pairs = pairs  # the learned pair classifier adds relations (kg.extract.relations.pairs)

    def _lexicons(self) -> Lexicons:
        if self.entities not in self.nlp.pipe_names:
            raise ValueError(f"{self.name} reads the mentions of the {self.entities!r} component, which the pipeline "
                             f"lacks: add it before ({self.entities!r}, then {self.name!r})")
        pipe = self.nlp.get_pipe(self.entities)
        if pipe.lexicons is None:
            pipe.initialize()
        return pipe.lexicons

    def __call__(self, doc: Doc) -> Doc:
        lex = self._lexicons()
        found = find_relations(doc.text, mentions_of(doc), lex.titles, lex.cities, default_model() if self.pairs else None)
        doc.user_data[RELATIONS_KEY] = [
            relation_data(r.head, r.type, r.tail, r.rule, confidence_of(r.rule),
                          evidence_span(doc.text, r.sent_start, r.sent_end), r.attrs)
            for r in found]
        return doc


def text_mentions(nlp: Language, text: str, leave_out: str | None = None, forms: Iterable[str] = ()) -> list[Mention]:
    """The mentions the pipeline finds in ``text`` (``mentions_of(nlp(text))``, with ``leave_out`` and
    ``forms`` as ``doc.user_data["kg_leave_out"]`` and ``["kg_leave_out_forms"]``).

    For kg's own pipeline on jieba (:func:`make_nlp`: the tagger, if any, then the entity rules) the
    components' work is done on the words without building a ``Doc``, which a build never reads: the
    words and their offsets are those of the ``Doc`` (jieba's cut, aligned to the text by spaCy's own
    ``get_words_and_spaces``), so the mentions are the same. Any other pipeline runs as spaCy runs it.
    """
    cut = _own_pipeline_cut(nlp)
    if cut is None:
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the components read it from here: spaCy's doc.text joins the tokens again
        if leave_out:
            doc.user_data["kg_leave_out"] = leave_out
            doc.user_data["kg_leave_out_forms"] = sorted(forms)  # plain data, as every user_data value
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return mentions_of(doc)
    tagger = nlp.get_pipe("kg_ner") if "kg_ner" in nlp.pipe_names else None
    return words_mentions(cut, tagger, nlp.get_pipe("kg_entity_rules"), text, leave_out, forms)


def _own_pipeline_cut(nlp: Language) -> Any:
    """The jieba cut of a pipeline :func:`make_nlp` makes (components and tokenizer as it sets them), else None."""
    from kg.extract.fast_jieba import Cut

    tokenizer = nlp.tokenizer
    cut = getattr(tokenizer, "jieba_seg", None)
    if not isinstance(cut, Cut) or not str(getattr(tokenizer, "segmenter", "")).endswith("jieba"):
        return None
    names = nlp.pipe_names
    if names not in (["kg_ner", "kg_entity_rules"], ["kg_entity_rules"]):
        return None
    if type(nlp.get_pipe("kg_entity_rules")) is not EntityRules or (names[0] == "kg_ner" and type(nlp.get_pipe("kg_ner")) is not NameTagger):
        return None
    return cut


def doc_text(doc: Doc) -> str:
    """``doc.text``, from ``doc.user_data[TEXT_KEY]`` when the caller or an earlier component put it there:
    spaCy joins the tokens again on every access. The stored text is checked against the tokens' end."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None or not len(doc) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        return doc.text  # nobody handed it over, or the tokens changed since
    return text


def use_fast_jieba(nlp: Language) -> None:
    """The pipeline's jieba tokenizer cuts with :class:`kg.extract.fast_jieba.Cut`: jieba's words, faster.

    spaCy's tokenizer calls ``jieba_seg.cut(text, cut_all=False)`` on the jieba module; this puts in
    its place an object with the same ``cut`` over jieba's own dictionary (jieba itself is untouched)."""
    import jieba

    from kg.extract.fast_jieba import Cut

    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "jieba_seg", None) is jieba:
        tokenizer.jieba_seg = Cut(jieba.dt)


def make_nlp(segmenter: str | Segmenter = DEFAULT_SEGMENTER, model: bool = True, relations: bool = False,
             pairs: bool = False) -> Language:
    """A ready ``zh`` pipeline: the name tagger (unless ``model`` is false: the rules alone), the entity rules,
    and with ``relations`` the relation rules (``kg.load_pipeline()`` is this with ``relations=True``), with
    ``pairs`` (and ``model``) also the learned relation pair classifier.

    A build leaves ``kg_relations`` out: it runs the relation rules once over a whole document
    after the entity components have run over its pieces (:func:`kg.run.work.extract_document`).

    The pkuseg model and the tagger's model are checked against their pinned hashes before loading.
    """
    import spacy

    seg = Segmenter.parse(segmenter)
    if seg is Segmenter.jieba:
        try:
            import jieba  # noqa: F401
        except ImportError:  # pragma: no cover - jieba is a dependency
            raise ImportError("the jieba segmenter needs jieba: pip install jieba") from None
        quiet_fast_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": seg.value}}})
    if seg is Segmenter.jieba:
        use_fast_jieba(nlp)
    if seg is Segmenter.pkuseg:
        from kg.kb.models import verify

        nlp.tokenizer.initialize(pkuseg_model=str(verify()))
    if model:
        nlp.add_pipe("kg_ner")
        nlp.get_pipe("kg_ner").initialize()
    nlp.add_pipe("kg_entity_rules")
    nlp.get_pipe("kg_entity_rules").initialize()
    if relations:
        nlp.add_pipe("kg_relations", config={"pairs": pairs and model})
    return nlp
