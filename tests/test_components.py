"""kg.extract.components: the build's spaCy-free pipeline gives the spaCy pipeline's tokens and mentions."""

import random

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from kg.extract.components import JiebaPipeline, doc_tokens


def _spacy_tokens(words, text, vocab=spacy.blank("xx").vocab):
    doc = Doc(vocab, *get_words_and_spaces(words, text))
    return [(t.idx, t.text) for t in doc]


@pytest.mark.parametrize("seed", range(3))
def test_doc_tokens_are_spacys_for_any_cut_of_any_spacing(seed):
    rng = random.Random(seed)
    alphabet = list("中国青岛 a1,。\n\t") + ["\u3000", "\xa0", "  ", "\r\n"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        cuts = sorted(rng.sample(range(1, len(text)), rng.randint(0, len(text) - 1))) if len(text) > 1 else []
        words = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        try:
            expected = _spacy_tokens(words, text)
        except ValueError:  # spaCy cannot align words that split white space so (jieba's never do)
            continue
        assert doc_tokens(words, text) == expected, (text, words)


def test_the_build_pipeline_finds_the_spacy_pipelines_mentions(processed_seeds, nlp):
    from kg.extract.nlp import mentions_of

    light = JiebaPipeline()
    for item in processed_seeds.values():
        text = item.normalized.text[:3000]
        assert light.mentions(text) == mentions_of(nlp(text))
