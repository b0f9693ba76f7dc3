"""`kg eval`: score a build's outputs against gold JSONL (``../shared/gold-format.md``).

Four scores, micro-averaged precision/recall/F1, also per type:

1. **entities** (document level): a predicted entity (the mentions of one
   ``entity_id`` in one document) matches a gold entity of the same document
   and type when they share a surface form after normalization
   (Traditional→Simplified, full-width→half-width, spaces removed);
   one-to-one, greedy by most shared forms.
2. **mentions**: predicted ``(start, end, type)`` spans against gold spans
   recovered from the gold mention strings (every occurrence in the raw text,
   longest first, never overlapping a longer one, never inside the gold
   record's ``excluded`` boilerplate regions); exact match.
3. **relations**: ``(head, type, tail)`` with both ends matched by rule 1;
   ``PARTNERS_WITH`` ignores direction. A second reading,
   **relations_found_ends**, scores the relation stage alone: gold relations
   whose two ends the build found (matched by rule 1) against predicted
   relations between matched entities, so an entity miss or a spurious
   entity costs nothing there. Each relation miss says which ends were not
   found (``missing_ends``).
4. **linking** (corpus level): over gold entities matched in rule 1, pairs
   that gold says are one entity (same type and name) against pairs the
   build put in one graph node (same ``entity_id``).

>>> prf(8, 10, 16)
{'p': 0.8, 'r': 0.5, 'f1': 0.6154, 'tp': 8, 'n_pred': 10, 'n_gold': 16}
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from kg.errors import KgUsageError
from kg.text.normalize import script_view

SYMMETRIC = {"PARTNERS_WITH"}


def norm_form(text: str) -> str:
    """A surface form as rule 1 compares it.

    >>> norm_form("青島 高新區")
    '青岛高新区'
    """
    return re.sub(r"\s+", "", script_view(text))


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


# ---------------------------------------------------------------- loading


@dataclass
class GoldEntity:
    doc_id: str
    id: str
    type: str
    name: str
    mentions: list[str]
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def forms(self) -> set[str]:
        return {norm_form(m) for m in self.mentions}


@dataclass
class GoldDoc:
    doc_id: str
    entities: dict[str, GoldEntity]
    relations: list[tuple[str, str, str]]
    excluded: list[tuple[int, int]]


def load_gold(path: str | Path) -> dict[str, GoldDoc]:
    """Read gold JSONL; raises :class:`KgUsageError` naming the bad line."""
    docs: dict[str, GoldDoc] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = gold_doc(json.loads(line))
            except (KeyError, TypeError, ValueError) as exc:
                raise KgUsageError(f"{path}:{lineno}: not a gold record ({type(exc).__name__}: {exc})") from None
            docs[doc.doc_id] = doc
    return docs


def gold_doc(rec: dict[str, Any]) -> GoldDoc:
    """One gold record (a parsed JSONL line); raises ``ValueError`` for a relation end that is no entity."""
    doc_id = rec["doc_id"]
    ents = {
        e["id"]: GoldEntity(doc_id, e["id"], e["type"], e["name"], list(e["mentions"]), e.get("attrs", {}))
        for e in rec.get("entities", [])
    }
    rels = [(r["head"], r["type"], r["tail"]) for r in rec.get("relations", [])]
    excluded = [(int(s), int(e)) for s, e in rec.get("excluded", [])]
    for h, _, t in rels:
        if h not in ents or t not in ents:
            raise ValueError(f"relation end {h if h not in ents else t} is not an entity id")
    return GoldDoc(doc_id, ents, rels, excluded)


@dataclass
class Predicted:
    """A build's outputs as the scorer needs them."""

    mentions: list[dict[str, str]]
    relations: list[dict[str, str]]
    entity_names: dict[str, str]
    raw_texts: dict[str, str]


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_predicted(out_dir: str | Path, raw_texts: dict[str, str] | None = None) -> Predicted:
    out = Path(out_dir)
    if not (out / "mentions.csv").exists():
        raise KgUsageError(f"{out} has no mentions.csv; run `kg build INPUT --out {out}` first")
    entities = _read_csv(out / "entities.csv")
    texts = dict(raw_texts or {})
    if not texts:
        for row in _read_csv(out / "documents.csv"):
            p = Path(row.get("path", ""))
            if row.get("status") == "ok" and p.is_file():
                from kg.text.ingest import read_file

                texts[row["doc_id"]] = read_file(p, row["doc_id"]).raw_text
    return Predicted(
        _read_csv(out / "mentions.csv"), _read_csv(out / "relations.csv"),
        {e["entity_id"]: e["name"] for e in entities}, texts,
    )


# ---------------------------------------------------------------- gold spans


def gold_spans(text: str, doc: GoldDoc) -> set[tuple[int, int, str]]:
    """Recover gold mention spans: every occurrence, longest first, no overlaps, not excluded."""
    forms = sorted(
        {(m, e.type) for e in doc.entities.values() for m in e.mentions},
        key=lambda mt: (-len(mt[0]), mt[0], mt[1]),
    )
    taken = [False] * len(text)
    for s, e in doc.excluded:
        for i in range(max(s, 0), min(e, len(text))):
            taken[i] = True
    spans: set[tuple[int, int, str]] = set()
    for form, etype in forms:
        if not form:
            continue
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if not any(taken[start:end]):
                spans.add((start, end, etype))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(form, start + 1)
    return spans


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    entities: dict[str, Any]
    mentions: dict[str, Any]
    relations: dict[str, Any]
    linking: dict[str, Any]
    errors: dict[str, list[dict[str, Any]]]
    relations_found_ends: dict[str, Any] = field(default_factory=dict)
    relation_miss_causes: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"entities": self.entities, "mentions": self.mentions, "relations": self.relations,
                "relations_found_ends": self.relations_found_ends, "relation_miss_causes": self.relation_miss_causes,
                "linking": self.linking, "errors": self.errors}


def _by_type(pairs: Iterable[tuple[str, int, int, int]]) -> dict[str, Any]:
    """``(type, tp, n_pred, n_gold)`` rows → overall and per-type scores."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for t, tp, npred, ngold in pairs:
        a = acc[t]
        a[0] += tp
        a[1] += npred
        a[2] += ngold
    total = [sum(v[i] for v in acc.values()) for i in range(3)]
    return {"overall": prf(*total), "by_type": {t: prf(*v) for t, v in sorted(acc.items())}}


Errors = dict[str, list[dict[str, Any]]]
Match = dict[tuple[str, str], str]  # (doc_id, predicted entity_id) -> gold entity id


def score(gold: dict[str, GoldDoc], pred: Predicted) -> Score:
    """Score predictions on the documents that have gold (the four rules of docs/quality.md)."""
    errors: Errors = {"entity_misses": [], "entity_false_hits": [], "relation_misses": [], "relation_false_hits": []}
    match, ent_rows = _match_entities(gold, pred, errors)
    men_rows = _mention_rows(gold, pred)
    rel_rows, found_rows = _relation_rows(gold, pred, match, errors)
    linking = _linking(gold, match, errors)
    return Score(_by_type(ent_rows), _by_type(men_rows), _by_type(rel_rows), linking, errors, _by_type(found_rows),
                 miss_causes(errors["relation_misses"]))


def _match_entities(gold: dict[str, GoldDoc], pred: Predicted, errors: Errors) -> tuple[Match, list]:
    """Rule 1: greedy one-to-one matching of predicted and gold entities per document and type."""
    pred_forms: dict[tuple[str, str], set[str]] = defaultdict(set)
    pred_type: dict[tuple[str, str], str] = {}
    for m in pred.mentions:
        if m["doc_id"] in gold:
            key = (m["doc_id"], m["entity_id"])
            pred_forms[key].add(norm_form(m["text"]))
            pred_type[key] = m["type"]
    match: Match = {}
    ent_rows = []
    for doc_id, gdoc in sorted(gold.items()):
        preds = sorted(k for k in pred_forms if k[0] == doc_id)
        cands = []
        for pk in preds:
            for gid, ge in gdoc.entities.items():
                if ge.type == pred_type[pk]:
                    shared = len(pred_forms[pk] & ge.forms)
                    if shared:
                        cands.append((-shared, pk[1], gid, pk))
        used_gold: set[str] = set()
        for _, _, gid, pk in sorted(cands):
            if pk not in match and gid not in used_gold:
                match[pk] = gid
                used_gold.add(gid)
        types = {e.type for e in gdoc.entities.values()} | {pred_type[pk] for pk in preds}
        for t in types:
            tp = sum(1 for pk in preds if pk in match and pred_type[pk] == t)
            ent_rows.append((t, tp, sum(pred_type[pk] == t for pk in preds),
                             sum(e.type == t for e in gdoc.entities.values())))
        for gid, ge in sorted(gdoc.entities.items()):
            if gid not in used_gold:
                errors["entity_misses"].append({"doc_id": doc_id, "type": ge.type, "name": ge.name, "mentions": ge.mentions})
        for pk in preds:
            if pk not in match:
                errors["entity_false_hits"].append({"doc_id": doc_id, "type": pred_type[pk], "entity_id": pk[1],
                                                    "name": pred.entity_names.get(pk[1], ""), "forms": sorted(pred_forms[pk])})
    return match, ent_rows


def _mention_rows(gold: dict[str, GoldDoc], pred: Predicted) -> list[tuple[str, int, int, int]]:
    """Rule 2: exact mention spans."""
    men_rows = []
    for doc_id, gdoc in sorted(gold.items()):
        text = pred.raw_texts.get(doc_id)
        if text is None:
            continue
        gspans = gold_spans(text, gdoc)
        pspans = {(int(m["start"]), int(m["end"]), m["type"]) for m in pred.mentions if m["doc_id"] == doc_id}
        for t in {s[2] for s in gspans | pspans}:
            g = {s for s in gspans if s[2] == t}
            p = {s for s in pspans if s[2] == t}
            men_rows.append((t, len(g & p), len(p), len(g)))
    return men_rows


def _relation_rows(gold: dict[str, GoldDoc], pred: Predicted, match: Match, errors: Errors) -> tuple[list, list]:
    """Rule 3: relations between matched entities; also the rows of the found-ends subset."""
    rel_rows, found_rows = [], []
    matched_gold = {(doc_id, gid) for (doc_id, _), gid in match.items()}
    for doc_id, gdoc in sorted(gold.items()):
        gold_rels = {_rel_key(h, t, tl) for h, t, tl in gdoc.relations}
        pred_rels: set[tuple[str, str, str]] = set()
        unmatched: set[tuple[str, str, str]] = set()
        for r in pred.relations:
            if r["doc_id"] != doc_id:
                continue
            h, t = match.get((doc_id, r["head_id"])), match.get((doc_id, r["tail_id"]))
            if h and t:
                pred_rels.add(_rel_key(h, r["relation"], t))
            else:
                unmatched.add((r["head_id"], r["relation"], r["tail_id"]))
        for rtype in {k[1] for k in gold_rels | pred_rels} | {u[1] for u in unmatched}:
            g = {k for k in gold_rels if k[1] == rtype}
            p = {k for k in pred_rels if k[1] == rtype}
            n_unmatched = sum(1 for u in unmatched if u[1] == rtype)
            rel_rows.append((rtype, len(g & p), len(p) + n_unmatched, len(g)))
            g_found = {k for k in g if (doc_id, k[0]) in matched_gold and (doc_id, k[2]) in matched_gold}
            found_rows.append((rtype, len(g_found & p), len(p), len(g_found)))
        _relation_errors(doc_id, gdoc, pred, gold_rels, pred_rels, unmatched, matched_gold, errors)
    return rel_rows, found_rows


def _relation_errors(doc_id: str, gdoc: GoldDoc, pred: Predicted, gold_rels: set, pred_rels: set, unmatched: set,
                     matched_gold: set[tuple[str, str]], errors: Errors) -> None:
    names = {gid: e.name for gid, e in gdoc.entities.items()}
    for h, rtype, t in sorted(gold_rels - pred_rels):
        miss = {"doc_id": doc_id, "head": names[h], "relation": rtype, "tail": names[t]}
        missing = [names[x] for x in (h, t) if (doc_id, x) not in matched_gold]
        if missing:
            miss["missing_ends"] = missing
        miss["cause"] = _miss_cause(h, rtype, t, missing, pred_rels)
        errors["relation_misses"].append(miss)
    for h, rtype, t in sorted(pred_rels - gold_rels):
        errors["relation_false_hits"].append({"doc_id": doc_id, "head": names[h], "relation": rtype, "tail": names[t]})
    for h, rtype, t in sorted(unmatched):
        errors["relation_false_hits"].append({"doc_id": doc_id, "head": pred.entity_names.get(h, h), "relation": rtype,
                                              "tail": pred.entity_names.get(t, t), "note": "an end matches no gold entity"})


#: The causes of a relation miss, in the order the table shows them.
MISS_CAUSES = ("end_missed", "wrong_type", "wrong_direction", "pattern_missed")


def _miss_cause(h: str, rtype: str, t: str, missing: list[str], pred_rels: set[tuple[str, str, str]]) -> str:
    """Why a gold relation was missed: an end not found; the reverse predicted with its type (wrong direction);
    the pair related with another type (wrong type); else no rule read the pair (pattern missed).

    >>> _miss_cause("a", "LOCATED_IN", "b", [], {("b", "LOCATED_IN", "a")})
    'wrong_direction'
    >>> _miss_cause("a", "LOCATED_IN", "b", [], {("b", "PART_OF", "a")}), _miss_cause("a", "PART_OF", "b", ["b"], set())
    ('wrong_type', 'end_missed')
    """
    if missing:
        return "end_missed"
    if (t, rtype, h) in pred_rels:
        return "wrong_direction"
    if any({ph, pt} == {h, t} for ph, _, pt in pred_rels):
        return "wrong_type"
    return "pattern_missed"


def miss_causes(misses: list[dict[str, Any]]) -> dict[str, Any]:
    """The relation misses counted by cause (:data:`MISS_CAUSES`), overall and per relation type."""
    by_type: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MISS_CAUSES, 0))
    for m in misses:
        by_type[m["relation"]][m["cause"]] += 1
    overall = {c: sum(v[c] for v in by_type.values()) for c in MISS_CAUSES}
    return {"overall": overall, "by_type": {t: v for t, v in sorted(by_type.items())}}


def format_miss_causes(block: dict[str, Any]) -> str:
    """A plain-text table of the relation misses by cause.

    >>> print(format_miss_causes(miss_causes([{"relation": "PART_OF", "cause": "end_missed"}])))
    relation misses by cause
      type              end missed  wrong type   wrong dir  pattern missed
      PART_OF                    1           0           0               0
      overall                    1           0           0               0
    """
    lines = ["relation misses by cause",
             f"  {'type':<15}{'end missed':>13}{'wrong type':>12}{'wrong dir':>12}{'pattern missed':>16}"]
    for t, row in list(block["by_type"].items()) + [("overall", block["overall"])]:
        a, b, c, d = (row[k] for k in MISS_CAUSES)
        lines.append(f"  {t:<15}{a:>13}{b:>12}{c:>12}{d:>16}")
    return "\n".join(lines)


def _linking(gold: dict[str, GoldDoc], match: Match, errors: Errors) -> dict[str, Any]:
    """Rule 4: pairs of matched gold entities that are one entity, against pairs the build linked."""
    matched = [(doc_id, gid, eid) for (doc_id, eid), gid in match.items()]
    gold_pairs, pred_pairs = set(), set()
    for a, b in combinations(sorted(matched), 2):
        ga, gb = gold[a[0]].entities[a[1]], gold[b[0]].entities[b[1]]
        pair = ((a[0], a[1]), (b[0], b[1]))
        if (ga.type, ga.name) == (gb.type, gb.name):
            gold_pairs.add(pair)
        if a[2] == b[2]:
            pred_pairs.add(pair)

    def pair_row(pair: tuple[tuple[str, str], tuple[str, str]]) -> dict[str, Any]:
        (da, ga), (db, gb) = pair
        a, b = gold[da].entities[ga], gold[db].entities[gb]
        return {"type": a.type, "a": {"doc_id": da, "name": a.name}, "b": {"doc_id": db, "name": b.name}}

    errors["linking_misses"] = [pair_row(p) for p in sorted(gold_pairs - pred_pairs)]
    errors["linking_false_hits"] = [pair_row(p) for p in sorted(pred_pairs - gold_pairs)]
    return prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))


def _rel_key(head: str, rtype: str, tail: str) -> tuple[str, str, str]:
    if rtype in SYMMETRIC and tail < head:
        head, tail = tail, head
    return head, rtype, tail


# ---------------------------------------------------------------- report


def format_table(name: str, block: dict[str, Any]) -> str:
    """A plain-text table of one score block."""
    lines = [f"{name}", f"  {'type':<15}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    rows = list(block["by_type"].items()) + [("overall", block["overall"])]
    for t, s in rows:
        lines.append(f"  {t:<15}{s['p']:>8.3f}{s['r']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['n_pred']:>6}{s['n_gold']:>6}")
    return "\n".join(lines)


def format_report(s: Score, show_errors: bool = True) -> str:
    parts = [format_table("entities (document level)", s.entities), format_table("mentions", s.mentions),
             format_table("relations", s.relations)]
    if s.relations_found_ends:
        parts.append(format_table("relations whose gold ends were both found", s.relations_found_ends))
    if s.relation_miss_causes:
        parts.append(format_miss_causes(s.relation_miss_causes))
    lk = s.linking
    parts.append(f"linking (pairwise)\n  P {lk['p']:.3f}  R {lk['r']:.3f}  F1 {lk['f1']:.3f}  (tp {lk['tp']}, pred {lk['n_pred']}, gold {lk['n_gold']})")
    if show_errors:
        for key, rows in s.errors.items():
            if rows:
                parts.append(f"{key} ({len(rows)})")
                for r in rows:
                    parts.append("  " + json.dumps(r, ensure_ascii=False))
    return "\n\n".join(parts)


def score_by(gold: dict[str, GoldDoc], pred: Predicted, labels: dict[str, str]) -> dict[str, Score]:
    """One :class:`Score` per label (e.g. script or source) of the gold documents.

    Documents without a label are scored under ``"?"``; linking is scored
    within each group.
    """
    groups: dict[str, dict[str, GoldDoc]] = defaultdict(dict)
    for doc_id, doc in gold.items():
        groups[labels.get(doc_id, "?")][doc_id] = doc
    return {label: score(docs, pred) for label, docs in sorted(groups.items())}


def format_by(by: str, scores: dict[str, Score], n_docs: dict[str, int]) -> str:
    """A plain-text table: one row per group, the headline F1 of each score.

    >>> s = Score(*[{"overall": prf(1, 2, 2), "by_type": {}}] * 3, prf(0, 0, 0), {})
    >>> print(format_by("script", {"Simplified": s}, {"Simplified": 3}))
    by script
      group                          docs  entity P  entity R entity F1 mention F1    rel F1   link F1
      Simplified                        3     0.500     0.500     0.500      0.500     0.500     0.000
    """
    lines = [f"by {by}", f"  {'group':<30}{'docs':>5}{'entity P':>10}{'entity R':>10}{'entity F1':>10}"
                         f"{'mention F1':>11}{'rel F1':>10}{'link F1':>10}"]
    for label, s in scores.items():
        e = s.entities["overall"]
        lines.append(f"  {label[:30]:<30}{n_docs[label]:>5}{e['p']:>10.3f}{e['r']:>10.3f}{e['f1']:>10.3f}"
                     f"{s.mentions['overall']['f1']:>11.3f}{s.relations['overall']['f1']:>10.3f}{s.linking['f1']:>10.3f}")
    return "\n".join(lines)


def gold_as_predicted(gold: dict[str, GoldDoc], texts: dict[str, str]) -> Predicted:
    """A gold annotation in the shape of a build's outputs, to score one annotator against another.

    Mentions are the recovered gold spans; an entity's id is its type and
    canonical name, so two documents' entities with one name are one node.

    >>> doc = GoldDoc("d", {"e1": GoldEntity("d", "e1", "PERSON", "李强", ["李强"])}, [], [])
    >>> gold_as_predicted({"d": doc}, {"d": "总理李强说"}).mentions
    [{'doc_id': 'd', 'start': '2', 'end': '4', 'text': '李强', 'type': 'PERSON', 'entity_id': 'PERSON:李强'}]
    """
    mentions: list[dict[str, str]] = []
    relations: list[dict[str, str]] = []
    names: dict[str, str] = {}
    for doc_id, doc in sorted(gold.items()):
        text = texts[doc_id]
        ids = {gid: f"{e.type}:{e.name}" for gid, e in doc.entities.items()}
        by_form = {(m, e.type): ids[gid] for gid, e in doc.entities.items() for m in e.mentions}
        names.update({ids[gid]: e.name for gid, e in doc.entities.items()})
        for s, e, etype in sorted(gold_spans(text, doc)):
            mentions.append({"doc_id": doc_id, "start": str(s), "end": str(e), "text": text[s:e], "type": etype,
                             "entity_id": by_form[(text[s:e], etype)]})
        relations += [{"doc_id": doc_id, "head_id": ids[h], "relation": r, "tail_id": ids[t]} for h, r, t in doc.relations]
    return Predicted(mentions, relations, names, dict(texts))


def exclusive_gold_forms(gold_path: str | Path) -> dict[str, frozenset[str]]:
    """Per gold document, the normalized names and mentions no other gold document has: what
    ``kg build --leave-one-out GOLD`` switches off in the lexicons while it extracts that document."""
    gold = load_gold(gold_path)
    forms = {d: {norm_form(f) for e in g.entities.values() for f in [e.name, *e.mentions]} for d, g in gold.items()}
    return {d: frozenset(f - set().union(*(o for k, o in forms.items() if k != d))) for d, f in forms.items()}
