"""The name tagger: a character CRF (python-crfsuite) over normalized text.

The shipped model ``kg/data/models/ner-crf.crfsuite`` is pinned by SHA-256
(:data:`MODEL_SHA256`) and checked when it is loaded; a missing or changed file
is a :class:`~kg.errors.KgUsageError`. Input must be *normalized* text
(``kg.text.normalize.normalize_text(raw).text``: Simplified, half-width); spans
refer to that text (map them back with the ``Normalized`` offset map).

Texts are tagged in sentence-size chunks (cut after 。！？；!?; and line
breaks, long sentences again after ，), as the training sentences were.

>>> tagger = NerTagger.default()
>>> [(s.text, s.label) for s in tagger.tag("昨天，李明华来到青岛参观。")]
[('李明华', 'PER'), ('青岛', 'LOC')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgUsageError
from kg.extract.ner.features import Featurizer, FeatureSpec
from kg.extract.ner.labels import spans_from_tags
from kg.kb.pinned import check_model

MODEL_FILE = "ner-crf.crfsuite"
#: SHA-256 of the shipped model file (``python -m kg.extract.ner.train`` prints it).
MODEL_SHA256 = "6297f8234f177141c1d8f72b9e0f412a6ea2f9adbac339775051870e2be42109"
#: The features the shipped model was trained with.
MODEL_FEATURES = "chars-v1"
TRAIN_CMD = "python -m kg.extract.ner.train --out kg/data/models/ner-crf.crfsuite"

#: Chunks longer than this are cut again after a comma (or hard, when there is none).
MAX_CHUNK = 200
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)")


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    label: str
    prob: float  # the smallest marginal probability of the span's tags
    text: str = ""


def models_dir() -> Path:
    with resources.as_file(resources.files("kg") / "data" / "models") as p:
        return Path(p)


def chunks(text: str, max_len: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentence-size pieces of ``text``, covering it without gaps.

    >>> chunks("甲。乙！丙")
    [(0, 2), (2, 4), (4, 5)]
    """
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        if s == e:
            continue
        while e - s > max_len:
            cut = text.rfind("，", s + 1, s + max_len)
            cut = text.rfind(",", s + 1, s + max_len) if cut < 0 else cut
            cut = s + max_len if cut < 0 else cut + 1
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


class NerTagger:
    """A loaded CRF model and the featurizer it was trained with. Load once, tag many texts."""

    def __init__(self, path: str | Path, spec: FeatureSpec, sha256: str | None = None) -> None:
        path = check_model(Path(path), sha256, "NER model file", TRAIN_CMD, reinstall=True)
        import pycrfsuite

        self.path = path
        self.spec = spec
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise KgUsageError(f"NER model file {path} could not be read as a CRFsuite model: {exc}") from exc
        self.featurizer = Featurizer(spec)

    @classmethod
    def default(cls) -> NerTagger:
        """The shipped model, checked against its pinned hash (loaded once per process)."""
        return _default()

    @classmethod
    def from_file(cls, path: str | Path) -> NerTagger:
        """A model trained by ``kg.extract.ner.train``, its features read from the JSON sidecar (no hash check)."""
        meta = json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))
        return cls(path, FeatureSpec.from_name(meta["features"]))

    def tag_chunk(self, text: str, with_prob: bool = True) -> list[NerSpan]:
        """Spans of one chunk (no further splitting)."""
        if not text:
            return []
        t = self._tagger
        t.set(self.featurizer.items(text))
        tags = t.tag()
        out = []
        for s, e, lab in spans_from_tags(tags):
            p = min(t.marginal(tags[i], i) for i in range(s, e)) if with_prob else 1.0
            out.append(NerSpan(s, e, lab, p, text[s:e]))
        return out

    def tag(self, text: str, with_prob: bool = True) -> list[NerSpan]:
        """Spans of a normalized text, offsets into ``text``."""
        out = []
        for s, e in chunks(text):
            for sp in self.tag_chunk(text[s:e], with_prob):
                out.append(NerSpan(sp.start + s, sp.end + s, sp.label, sp.prob, sp.text))
        return out


@lru_cache(maxsize=1)
def _default() -> NerTagger:
    return NerTagger(models_dir() / MODEL_FILE, FeatureSpec.from_name(MODEL_FEATURES), MODEL_SHA256)
