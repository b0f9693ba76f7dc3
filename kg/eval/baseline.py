"""The peer the quality tables compare with: ``jieba.posseg`` name tags alone.

What a user gets from the most common Chinese toolkit without this project:
part-of-speech tags for person names (``nr``, ``nrfg``, ``nrt``) and
organization names (``nt``). The mapping is the plainest one:

======================  ========================================
tag                     type
======================  ========================================
``nr`` ``nrfg`` ``nrt``  PERSON
``nt``                  COMPANY when it ends in 公司/集团, else ORG
======================  ========================================

Tagging runs on the Simplified, half-width view of the raw text (same
length, so offsets are raw offsets; ``jieba.posseg`` is many times slower on
Traditional text). The same string is one entity everywhere (its linking),
and there are no relations.

>>> [(m["text"], m["type"]) for m in tag_document("d", "国家主席习近平会见了华为技术有限公司代表")]
[('习近平', 'PERSON'), ('华为技术有限公司', 'COMPANY')]
"""

from __future__ import annotations

from pathlib import Path

from kg.eval.evaluate import Predicted
from kg.text.normalize import script_view

PERSON_TAGS = {"nr", "nrfg", "nrt"}
COMPANY_ENDINGS = ("公司", "集团")


def tag_document(doc_id: str, raw_text: str) -> list[dict[str, str]]:
    """``mentions.csv``-like rows for one document."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # no start-up chatter in the tables
    rows, pos = [], 0
    for pair in jieba.posseg.cut(script_view(raw_text)):
        word, flag = pair.word, pair.flag
        start, pos = pos, pos + len(word)
        if flag in PERSON_TAGS and len(word) > 1:
            etype = "PERSON"
        elif flag == "nt":
            etype = "COMPANY" if word.endswith(COMPANY_ENDINGS) else "ORG"
        else:
            continue
        rows.append({"doc_id": doc_id, "start": str(start), "end": str(pos), "text": raw_text[start:pos],
                     "type": etype, "entity_id": f"{etype}:{word}"})
    return rows


def predict(paths: dict[str, Path]) -> Predicted:
    """Baseline predictions for ``doc_id -> file``, in the scorer's shape."""
    from kg.text.ingest import read_file

    mentions, texts = [], {}
    for doc_id, path in sorted(paths.items()):
        texts[doc_id] = read_file(path, doc_id).raw_text
        mentions += tag_document(doc_id, texts[doc_id])
    names = {m["entity_id"]: m["entity_id"].split(":", 1)[1] for m in mentions}
    return Predicted(mentions, [], names, texts)
