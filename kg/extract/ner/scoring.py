"""Span-level exact-match precision, recall and F1 per label (micro-averaged over all labels too).

>>> s = score([[(0, 2, "PER"), (3, 5, "ORG")]], [[(0, 2, "PER"), (3, 4, "ORG")]])
>>> s["PER"]["f1"], s["ORG"]["f1"], s["ALL"]["p"]
(1.0, 0.0, 0.5)
"""

from __future__ import annotations

from collections import Counter


def score(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]],
          labels: tuple[str, ...] | None = None) -> dict[str, dict[str, float]]:
    tp, ng, np_ = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for x in gs:
            ng[x[2]] += 1
        for x in ps:
            np_[x[2]] += 1
        for x in gs & ps:
            tp[x[2]] += 1
    names = labels or tuple(sorted(set(ng) | set(np_)))
    out = {}
    for lab in (*names, "ALL"):
        t = sum(tp[x] for x in names) if lab == "ALL" else tp[lab]
        g = sum(ng[x] for x in names) if lab == "ALL" else ng[lab]
        q = sum(np_[x] for x in names) if lab == "ALL" else np_[lab]
        p = t / q if q else 0.0
        r = t / g if g else 0.0
        out[lab] = {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                    "gold": g, "pred": q, "tp": t}
    return out


def table(rows: dict[str, dict[str, dict[str, float]]]) -> str:
    """A Markdown table: one row per (set, label)."""
    lines = ["| set | label | P | R | F1 | gold | pred |", "|---|---|---:|---:|---:|---:|---:|"]
    for name, s in rows.items():
        for lab, v in s.items():
            lines.append(f"| {name} | {lab} | {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} | {v['gold']} | {v['pred']} |")
    return "\n".join(lines)
