"""Linking across documents: the entity table of a batch, one row per entity.

Mentions with the same type and link key (:mod:`kg.link.keys`, computed per document by
:mod:`kg.link.within`) are one entity across the whole build; the typo links found across
documents (:func:`kg.link.keys.link_across`) then merge rows, and mention and relation rows follow
the merged ids.

>>> from kg.extract.document import EntityMention
>>> table = EntityTable()
>>> rows = table.add([EntityMention("a", 0, 4, "青岛蓝谷", "PARK", "青岛蓝谷", "known", "青岛蓝谷"),
...                   EntityMention("b", 9, 13, "青岛蓝谷", "PARK", "青岛蓝谷", "known", "青岛蓝谷")])
>>> [(r["name"], r["n_docs"]) for r in table.csv_rows()]
[('青岛蓝谷', 2)]
"""

from __future__ import annotations

import json
from typing import Any

from kg.extract.document import EntityMention, EntityRelation, entity_id
from kg.link.keys import TypoLinks


class EntityTable:
    """Entities accumulated over the batch: grows with the graph, not the corpus."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def add(self, mentions: list[EntityMention]) -> list[dict[str, Any]]:
        """Register one document's mentions; return its mentions.csv rows."""
        out = []
        for m in mentions:
            eid = entity_id(m.type, m.key or m.name)
            row = self.rows.setdefault(eid, {"entity_id": eid, "type": m.type, "key": m.key or m.name, "name": m.name,
                                             "aliases": set(), "n_mentions": 0, "docs": set(), "names": set()})
            row["n_mentions"] += 1
            row["docs"].add(m.doc_id)
            row["names"].add(m.name)
            row["aliases"].add(m.text)
            for k, v in m.attrs:
                if k == "titles":
                    row.setdefault("titles", set()).update(v.split("|"))
                elif k in ("size", "size_yuan"):
                    row.setdefault(k, v)  # the first size stated
            out.append({"doc_id": m.doc_id, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
                        "entity_id": eid, "rule": m.rule})
        return out

    @staticmethod
    def relation_rows(relations: list[EntityRelation]) -> list[dict[str, Any]]:
        """relations.csv rows of one document (the same fact stated twice is one row, first sentence)."""
        out, seen = [], set()
        for r in relations:
            key = (entity_id(r.head_type, r.head_key or r.head_name), r.relation, entity_id(r.tail_type, r.tail_key or r.tail_name))
            if key in seen or key[0] == key[2]:
                continue
            seen.add(key)
            out.append({"head_id": key[0], "relation": r.relation, "tail_id": key[2], "doc_id": r.doc_id,
                        "start": r.start, "end": r.end, "evidence": r.evidence,
                        "attrs": json.dumps(dict(r.attrs), ensure_ascii=False, sort_keys=True) if r.attrs else "",
                        "rule": r.rule, "head": r.head_name, "tail": r.tail_name})
        return out

    def apply(self, links: TypoLinks) -> dict[str, str]:
        """Merge the entities that cross-document linking joined (kg.link.keys); return old id -> new id.

        The merged entity keeps the id of the kept key and is named by the member with the most mentions
        (the fullest of its names), so a typo seen first does not name the entity once the right name is
        seen more often.
        """
        moved = {}
        for eid, row in list(self.rows.items()):
            key = links.key(row["type"], row["key"])
            if key != row["key"]:
                moved[eid] = entity_id(row["type"], key)
        for old, new in moved.items():
            row = self.rows.pop(old)
            into = self.rows.setdefault(new, {**row, "entity_id": new, "key": links.key(row["type"], row["key"]),
                                              "aliases": set(), "n_mentions": 0, "docs": set(), "names": set()})
            into.setdefault("label_from", (into["n_mentions"], sorted(into["names"])))
            if row["n_mentions"] > into["label_from"][0]:
                into["label_from"] = (row["n_mentions"], sorted(row["names"]))
            into["n_mentions"] += row["n_mentions"]
            for k in ("aliases", "docs", "names"):
                into[k] |= row[k]
            if "titles" in row:
                into.setdefault("titles", set()).update(row["titles"])
            for k in ("size", "size_yuan"):
                if k in row:
                    into.setdefault(k, row[k])
        return moved

    @staticmethod
    def remap(moved: dict[str, str], mention_rows: list[dict[str, Any]], relation_rows: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
        """Mention and relation rows with merged ids (in place for mentions); relations are deduplicated again."""
        if not moved:
            return relation_rows
        for m in mention_rows:
            m["entity_id"] = moved.get(m["entity_id"], m["entity_id"])
        out, seen = [], set()
        for r in relation_rows:
            r = {**r, "head_id": moved.get(r["head_id"], r["head_id"]), "tail_id": moved.get(r["tail_id"], r["tail_id"])}
            key = (r["doc_id"], r["head_id"], r["relation"], r["tail_id"])
            if key not in seen and r["head_id"] != r["tail_id"]:
                seen.add(key)
                out.append(r)
        return out

    def csv_rows(self) -> list[dict[str, Any]]:
        out = []
        for r in self.rows.values():
            # the fullest name seen names the entity: the same whatever order documents came in
            name = max(r["label_from"][1] if "label_from" in r else r["names"], key=lambda n: (len(n), n))
            aliases = sorted((r["aliases"] | r["names"]) - {name})
            out.append({"entity_id": r["entity_id"], "type": r["type"], "name": name, "aliases": "|".join(aliases),
                        "n_mentions": r["n_mentions"], "n_docs": len(r["docs"]),
                        "titles": "|".join(sorted(r.get("titles", ()))), "size": r.get("size", ""),
                        "size_yuan": r.get("size_yuan", "")})
        return sorted(out, key=lambda r: (r["type"], r["name"], r["entity_id"]))
