"""Tools for annotating and adjudicating the development and test gold.

The annotators' files are the gold format (``../shared/gold-format.md``), one
JSON object per document in ``annotations/<annotator>/<doc_id>.json``, with
two keys in place of ``excluded`` offsets, because people count lines, not
characters:

* ``excluded_lines``: ``[[first, last], ...]``, 1-based inclusive line
  numbers of the text :func:`doc_text` returns (whole boilerplate lines, with
  their newline);
* ``excluded_text``: exact strings of boilerplate inside a body line
  (anti-scraping garbage, a byline at the end of a paragraph); every
  occurrence is excluded.

Commands::

    python benchmarks/gold/annotate.py text DOC_ID        # the text kg reads, numbered lines
    python benchmarks/gold/annotate.py check FILE.json... # validate annotator files
    python benchmarks/gold/annotate.py diff DOC_ID        # the two annotations side by side
    python benchmarks/gold/annotate.py names [FOLDER]     # canonical names that differ across articles
    python benchmarks/gold/annotate.py agree A B          # agreement of two annotators (folders)
    python benchmarks/gold/annotate.py decisions         # adjudicators' decisions -> docs/annotation-decisions.md
    python benchmarks/gold/annotate.py sources           # provenance files -> sources.jsonl
    python benchmarks/gold/annotate.py split             # fix the split of new articles
    python benchmarks/gold/annotate.py assemble           # adjudicated/ -> dev.jsonl, test.jsonl

The text of an HTML page is what ``kg`` extracts from it (``kg.text.ingest``),
so gold offsets and mentions refer to the same string the build reports.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
ANNOTATIONS = HERE / "annotations"

ENTITY_TYPES = ("PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG")
# relation -> (allowed head types, allowed tail types), from the guidelines' table
SIGNATURES: dict[str, tuple[set[str], set[str]]] = {
    "HOLDS_POST": ({"PERSON"}, {"ORG", "COMPANY", "PARK"}),
    "LOCATED_IN": ({"COMPANY", "ORG"}, {"PARK"}),
    "PART_OF": ({"PARK"}, {"PARK"}),
    "FOCUSES_ON": ({"PARK", "ORG"}, {"INDUSTRY"}),
    "LEADS_CHAIN": ({"PERSON", "COMPANY"}, {"INDUSTRY"}),
    "INVESTS_IN": ({"COMPANY", "FUND", "ORG", "PARK"}, {"PARK", "COMPANY"}),
    "OPERATES": ({"ORG", "COMPANY", "PARK"}, {"PARK", "FUND"}),
    "PARTNERS_WITH": ({"ORG", "COMPANY", "PARK"}, {"ORG", "COMPANY", "PARK"}),
    "SUBSIDIARY_OF": ({"COMPANY", "ORG"}, {"COMPANY", "ORG"}),
}


def article_path(doc_id: str) -> Path:
    """The stored article of ``doc_id`` (``.txt`` or ``.html``)."""
    for p in sorted(ARTICLES.glob(f"{doc_id}.*")):
        if p.stem == doc_id:
            return p
    raise SystemExit(f"no article {doc_id} in {ARTICLES}")


def doc_text(doc_id: str) -> str:
    """The raw text ``kg`` reads from the article (HTML: the extracted body)."""
    from kg.text.ingest import read_file

    return read_file(article_path(doc_id), doc_id).raw_text


def excluded_offsets(text: str, lines: list[list[int]], strings: list[str]) -> list[list[int]]:
    """Line ranges and strings → merged ``[start, end)`` character regions.

    >>> excluded_offsets("ab\\ncd\\nef X1 y\\n", [[1, 1]], ["X1 y"])
    [[0, 3], [9, 13]]
    """
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    starts.append(len(text))
    regions = []
    for first, last in lines:
        if not 1 <= first <= last < len(starts):
            raise ValueError(f"line range {first}-{last} outside 1-{len(starts) - 1}")
        regions.append([starts[first - 1], min(starts[last], len(text))])
    for s in strings:
        if not s:
            continue
        at = text.find(s)
        if at < 0:
            raise ValueError(f"excluded_text {s!r} not in the text")
        while at >= 0:
            regions.append([at, at + len(s)])
            at = text.find(s, at + 1)
    merged: list[list[int]] = []
    for s, e in sorted(regions):
        if merged and text[merged[-1][1]:s].strip() == "":  # overlapping, or only blank space between
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return merged


def check_record(rec: dict[str, Any], text: str) -> list[str]:
    """Problems with one annotator record (empty list: fine)."""
    problems = []
    ents = {}
    for e in rec.get("entities", []):
        eid = e.get("id")
        if eid in ents:
            problems.append(f"duplicate entity id {eid}")
        ents[eid] = e
        if e.get("type") not in ENTITY_TYPES:
            problems.append(f"{eid}: unknown type {e.get('type')}")
        if not e.get("name"):
            problems.append(f"{eid}: empty name")
        if not e.get("mentions"):
            problems.append(f"{eid}: no mentions")
        for m in e.get("mentions", []):
            if m not in text:
                problems.append(f"{eid}: mention {m!r} is not in the text")
    seen = {}
    for e in ents.values():
        key = (e.get("type"), e.get("name"))
        if key in seen:
            problems.append(f"{e['id']} and {seen[key]}: same type and name {key[1]!r} (merge them)")
        seen[key] = e.get("id")
    for r in rec.get("relations", []):
        h, t, rt = r.get("head"), r.get("tail"), r.get("type")
        if rt not in SIGNATURES:
            problems.append(f"unknown relation type {rt}")
            continue
        if h not in ents or t not in ents:
            problems.append(f"relation {h} {rt} {t}: end is not an entity id")
            continue
        heads, tails = SIGNATURES[rt]
        if ents[h]["type"] not in heads or ents[t]["type"] not in tails:
            problems.append(f"relation {h} {rt} {t}: {ents[h]['type']} -> {ents[t]['type']} not allowed")
    try:
        excluded_offsets(text, rec.get("excluded_lines", []), rec.get("excluded_text", []))
    except ValueError as exc:
        problems.append(str(exc))
    return problems


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def cmd_text(args: argparse.Namespace) -> None:
    for i, line in enumerate(doc_text(args.doc_id).split("\n"), 1):
        print(f"{i:>4}| {line}")


def cmd_check(args: argparse.Namespace) -> None:
    bad = 0
    for name in args.files:
        p = Path(name)
        try:
            rec = load(p)
            problems = check_record(rec, doc_text(rec["doc_id"]))
        except (ValueError, KeyError) as exc:
            problems = [f"unreadable: {exc}"]
        if rec.get("doc_id") != p.stem:
            problems.append(f"doc_id {rec.get('doc_id')!r} differs from the file name")
        for pr in problems:
            print(f"{p}: {pr}")
        bad += bool(problems)
        if not problems:
            print(f"{p}: ok ({len(rec['entities'])} entities, {len(rec.get('relations', []))} relations)")
    sys.exit(1 if bad else 0)


def to_gold(rec: dict[str, Any], text: str) -> dict[str, Any]:
    """An annotator/adjudicated record in the gold format, ``excluded`` as offsets."""
    out = {"doc_id": rec["doc_id"],
           "entities": [{"id": e["id"], "type": e["type"], "name": e["name"], "mentions": e["mentions"],
                         "attrs": e.get("attrs", {})} for e in rec["entities"]],
           "relations": [{"head": r["head"], "type": r["type"], "tail": r["tail"], "attrs": r.get("attrs", {})}
                         for r in rec.get("relations", [])]}
    out["excluded"] = excluded_offsets(text, rec.get("excluded_lines", []), rec.get("excluded_text", []))
    return out


def write_gold(folder: Path, doc_ids: list[str], dest: Path) -> int:
    rows = []
    for doc_id in doc_ids:
        rec = load(folder / f"{doc_id}.json")
        rows.append(json.dumps(to_gold(rec, doc_text(doc_id)), ensure_ascii=False))
    dest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def gold_docs(folder: Path, doc_ids: list[str], texts: dict[str, str]) -> dict:
    """Annotator files → ``kg.eval.evaluate.GoldDoc`` records."""
    from kg.eval.evaluate import gold_doc

    return {d: gold_doc(to_gold(load(folder / f"{d}.json"), texts[d])) for d in doc_ids}


def agreement(a: Path, b: Path, doc_ids: list[str] | None = None) -> dict[str, Any]:
    """Inter-annotator F1 of two folders over the documents both annotated.

    B is scored as if it were a system against A as gold; micro F1 is
    symmetric, so the figure does not depend on which is which.
    """
    from kg.eval.evaluate import gold_as_predicted, score

    both = sorted({p.stem for p in a.glob("*.json")} & {p.stem for p in b.glob("*.json")})
    if doc_ids is not None:
        both = [d for d in both if d in set(doc_ids)]
    texts = {d: doc_text(d) for d in both}
    gold_a, gold_b = gold_docs(a, both, texts), gold_docs(b, both, texts)
    s = score(gold_a, gold_as_predicted(gold_b, texts))
    return {"documents": len(both), "entities": s.entities, "mentions": s.mentions,
            "relations": s.relations, "linking": s.linking}


def diff(doc_id: str, a: Path, b: Path) -> str:
    """Where two annotations of one article differ, for the adjudicator.

    Entities pair up as the scorer pairs them (same type, a shared normalized
    surface form); the rest is listed per side, then the relations each side
    alone has (ends named by canonical name).
    """
    from kg.eval.evaluate import norm_form

    ra, rb = load(a / f"{doc_id}.json"), load(b / f"{doc_id}.json")
    ea, eb = {e["id"]: e for e in ra["entities"]}, {e["id"]: e for e in rb["entities"]}
    forms = {k: {norm_form(m) for m in e["mentions"]} for k, e in [*(("a" + i, e) for i, e in ea.items()),
                                                                  *(("b" + i, e) for i, e in eb.items())]}
    pairs, used = {}, set()
    for ia, x in ea.items():
        cands = sorted((-len(forms["a" + ia] & forms["b" + ib]), ib) for ib, y in eb.items()
                       if y["type"] == x["type"] and forms["a" + ia] & forms["b" + ib] and ib not in used)
        if cands:
            pairs[ia] = cands[0][1]
            used.add(cands[0][1])
    out = [f"# {doc_id}", f"excluded_lines  A {ra.get('excluded_lines', [])}  B {rb.get('excluded_lines', [])}",
           f"excluded_text   A {ra.get('excluded_text', [])}  B {rb.get('excluded_text', [])}", "", "## entities both have"]
    for ia, ib in pairs.items():
        x, y = ea[ia], eb[ib]
        note = []
        if x["name"] != y["name"]:
            note.append(f"name A {x['name']} | B {y['name']}")
        if sorted(x["mentions"]) != sorted(y["mentions"]):
            note.append(f"mentions A {x['mentions']} | B {y['mentions']}")
        if x.get("attrs", {}) != y.get("attrs", {}):
            note.append(f"attrs A {x.get('attrs', {})} | B {y.get('attrs', {})}")
        out.append(f"  {x['type']:<9}{x['name']}" + ("   <- " + "; ".join(note) if note else ""))
    for side, ents, taken in (("A", ea, set(pairs)), ("B", eb, used)):
        out += ["", f"## entities only {side} has"]
        out += [f"  {e['type']:<9}{e['name']}  mentions {e['mentions']}" for i, e in ents.items() if i not in taken]

    def rels(rec: dict, ents: dict) -> set[tuple[str, str, str, str]]:
        return {(ents[r["head"]]["name"], r["type"], ents[r["tail"]]["name"], json.dumps(r.get("attrs", {}), ensure_ascii=False))
                for r in rec.get("relations", [])}

    rename = {eb[ib]["name"]: ea[ia]["name"] for ia, ib in pairs.items()}  # B's names in A's words
    sa = rels(ra, ea)
    sb = {(rename.get(h, h), t, rename.get(tl, tl), at) for h, t, tl, at in rels(rb, eb)}
    key = lambda r: r[:3]  # noqa: E731 - compare without attributes
    ka, kb = {key(r) for r in sa}, {key(r) for r in sb}
    out += ["", f"## relations both have: {len(ka & kb)}"]
    for side, mine, other in (("A", sa, kb), ("B", sb, ka)):
        out += ["", f"## relations only {side} has (names in A's words)"]
        out += [f"  {h} -{t}-> {tl} {at if at != '{}' else ''}" for h, t, tl, at in sorted(mine) if (h, t, tl) not in other]
    return "\n".join(out)


def name_conflicts(folder: Path) -> list[str]:
    """Surface forms that one folder's articles give different canonical names (linking gold).

    The same string of the same type should be the same entity in every
    article unless the articles mean different things by it.
    """
    from collections import defaultdict

    from kg.eval.evaluate import norm_form

    seen: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for p in sorted(folder.glob("*.json")):
        for e in load(p)["entities"]:
            for m in e["mentions"]:
                seen[(e["type"], norm_form(m))][e["name"]].add(p.stem)
    return [f"{t} {form}: " + " | ".join(f"{n} ({', '.join(sorted(docs))})" for n, docs in sorted(names.items()))
            for (t, form), names in sorted(seen.items()) if len(names) > 1]


def cmd_names(args: argparse.Namespace) -> None:
    for line in name_conflicts(ANNOTATIONS / args.folder):
        print(line)


def cmd_diff(args: argparse.Namespace) -> None:
    print(diff(args.doc_id, ANNOTATIONS / "a", ANNOTATIONS / "b"))


def cmd_agree(args: argparse.Namespace) -> None:
    result = agreement(Path(args.a), Path(args.b))
    if args.write:
        rows = [json.loads(line) for line in (HERE / "sources.jsonl").read_text(encoding="utf-8").splitlines() if line]
        groups: dict[str, list[str]] = {}
        for row in rows:
            groups.setdefault(row["group"], []).append(row["doc_id"])
        out = {"what": "annotator b scored against annotator a with kg's scorer, before adjudication",
               "command": "python benchmarks/gold/annotate.py agree annotations/a annotations/b --write",
               "all": result}
        out["by_group"] = {g: agreement(Path(args.a), Path(args.b), ids) for g, ids in sorted(groups.items()) if g != "seed"}
        batches: dict[str, list[str]] = {}
        for row in rows:
            batches.setdefault(str(row.get("batch", 1)), []).append(row["doc_id"])
        out["by_batch"] = {b: agreement(Path(args.a), Path(args.b), ids) for b, ids in sorted(batches.items())}
        (HERE / "agreement.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    from kg.eval.evaluate import format_table

    print(f"{result['documents']} documents annotated by both")
    for key in ("entities", "mentions", "relations"):
        print(format_table(key, result[key]))
    lk = result["linking"]
    print(f"linking  P {lk['p']:.3f}  R {lk['r']:.3f}  F1 {lk['f1']:.3f}")


def cmd_assemble(args: argparse.Namespace) -> None:
    split = read_split()
    missing = sorted(d for d in split if not (ANNOTATIONS / "adjudicated" / f"{d}.json").exists())
    if missing:
        raise SystemExit(f"{len(missing)} articles are not adjudicated yet: {' '.join(missing)}")
    for name in ("dev", "test"):
        ids = sorted(d for d, s in split.items() if s == name)
        n = write_gold(ANNOTATIONS / "adjudicated", ids, HERE / f"{name}.jsonl")
        print(f"{name}.jsonl: {n} documents")


def read_split() -> dict[str, str]:
    """``doc_id -> dev|test`` from ``split.tsv``."""
    out = {}
    for line in (HERE / "split.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            doc_id, split = line.split("\t")[:2]
            out[doc_id] = split
    return out


SEED_SCRIPTS = {"001_e1396a31a0e51d86": "Traditional", "003_bbc57c0f6fe69939": "Traditional"}
SPLIT_SEED, DEV_SHARE = 2026, 0.6


def cmd_sources(args: argparse.Namespace) -> None:
    """Merge the per-group provenance files and the seeds into ``sources.jsonl``."""
    import hashlib

    rows = []
    for name in ("sources-corpus.jsonl", "sources-traditional.jsonl", "sources-web.jsonl", "sources-more.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["file"] = f"benchmarks/gold/{row['file']}"
                rows.append(row)
    root = HERE.parents[1]
    for path in sorted((root / "seeds").glob("*.txt")):
        data = path.read_bytes()
        rows.append({"doc_id": path.stem, "group": "seed", "script": SEED_SCRIPTS.get(path.stem, "Simplified"),
                     "region": "Qingdao", "source": "seed article (../shared/seeds)", "repo": "", "commit": "",
                     "path": f"seeds/{path.name}", "record": "", "url": "", "date": "", "title": "",
                     "file": f"seeds/{path.name}", "sha256": hashlib.sha256(data).hexdigest(),
                     "chars": len(data.decode("utf-8"))})
    for row in rows:
        digest = hashlib.sha256((root / row["file"]).read_bytes()).hexdigest()
        if digest != row["sha256"]:
            raise SystemExit(f"{row['file']}: sha256 {digest} differs from the recorded {row['sha256']}")
    with open(HERE / "sources.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"sources.jsonl: {len(rows)} articles")


def cmd_split(args: argparse.Namespace) -> None:
    """Give every unseen article without a split one: per group, a seeded 60/40 draw.

    Articles already in ``split.tsv`` keep their split: the split is fixed once
    made. Articles of a later batch (``batch`` ≥ 2 in their provenance row, drawn
    after tuning began) all go to dev, so that the test split stays the set fixed
    before any tuning.
    """
    import random

    path = HERE / "split.tsv"
    have = read_split() if path.exists() else {}
    rows = [json.loads(line) for line in (HERE / "sources.jsonl").read_text(encoding="utf-8").splitlines() if line]
    new = {}
    for group in sorted({r["group"] for r in rows} - {"seed"}):
        ids = sorted(r["doc_id"] for r in rows if r["group"] == group and r["doc_id"] not in have
                     and r.get("batch", 1) == 1)
        random.Random(f"{SPLIT_SEED}-{group}").shuffle(ids)
        n_dev = round(DEV_SHARE * len(ids))
        new.update({d: "dev" if i < n_dev else "test" for i, d in enumerate(ids)})
    new.update({r["doc_id"]: "dev" for r in rows if r.get("batch", 1) > 1 and r["doc_id"] not in have})
    groups = {r["doc_id"]: r["group"] for r in rows}
    merged = {**have, **new}
    with open(path, "w", encoding="utf-8") as out:
        out.write("# doc_id\tsplit\tgroup -- fixed before any tuning (annotate.py split); test is for reporting only\n")
        for doc_id in sorted(merged, key=lambda d: (groups.get(d, ""), d)):
            out.write(f"{doc_id}\t{merged[doc_id]}\t{groups.get(doc_id, '')}\n")
    print(f"split.tsv: {len(merged)} articles ({len(new)} new): "
          f"{sum(v == 'dev' for v in merged.values())} dev, {sum(v == 'test' for v in merged.values())} test")


DECISIONS_DOC = HERE.parents[1] / "docs" / "annotation-decisions.md"
DECISIONS_HEADING = "## 9. Decisions from the development and test gold"


def cmd_decisions(args: argparse.Namespace) -> None:
    """Rewrite section 9 of docs/annotation-decisions.md from the adjudicators' DECISIONS files."""
    import re

    files = sorted((ANNOTATIONS / "adjudicated").glob("DECISIONS-*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    parts = [DECISIONS_HEADING, "",
             "Settled by the third reading of the unseen articles of `benchmarks/gold/` (each adjudicator's",
             "file in `benchmarks/gold/annotations/adjudicated/`, regenerated here by",
             "`python benchmarks/gold/annotate.py decisions`). Each line gives the rule, the article it came",
             "from and the reason. Where a later adjudicator refined an earlier one, the later line says so.", ""]
    for f in files:
        lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        parts += [f"### {f.stem.replace('DECISIONS-', 'Adjudicator ')}", ""] + lines + [""]
    text = DECISIONS_DOC.read_text(encoding="utf-8")
    head = text.split(DECISIONS_HEADING)[0].rstrip() + "\n\n"
    DECISIONS_DOC.write_text(head + "\n".join(parts).rstrip() + "\n", encoding="utf-8")
    print(f"{DECISIONS_DOC}: section 9 from {len(files)} files")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("text", help="print the text kg reads, with line numbers")
    p.add_argument("doc_id")
    p.set_defaults(func=cmd_text)
    p = sub.add_parser("check", help="validate annotator files")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("agree", help="inter-annotator agreement of two folders")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--json", action="store_true")
    p.add_argument("--write", action="store_true", help="also write agreement.json (overall and per group)")
    p.set_defaults(func=cmd_agree)
    p = sub.add_parser("diff", help="where the two annotations of an article differ")
    p.add_argument("doc_id")
    p.set_defaults(func=cmd_diff)
    p = sub.add_parser("names", help="one surface form, several canonical names across articles")
    p.add_argument("folder", nargs="?", default="adjudicated")
    p.set_defaults(func=cmd_names)
    p = sub.add_parser("decisions", help="docs/annotation-decisions.md section 9 from the adjudicators' files")
    p.set_defaults(func=cmd_decisions)
    p = sub.add_parser("sources", help="merge provenance files into sources.jsonl")
    p.set_defaults(func=cmd_sources)
    p = sub.add_parser("split", help="assign a split to articles that have none")
    p.set_defaults(func=cmd_split)
    p = sub.add_parser("assemble", help="adjudicated files -> dev.jsonl and test.jsonl")
    p.set_defaults(func=cmd_assemble)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
