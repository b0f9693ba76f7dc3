"""Check that two commits give byte-identical outputs: the proof a refactoring changed no behaviour.

Builds the same inputs with the code of each commit (a temporary ``git worktree``
per commit, run with this interpreter) and compares every output file byte for
byte. Two things differ by design and are compared without them: the timings in
``report.json`` and, in ``kg-state.jsonl.gz``, the header's hash of the extractor
code (which changes whenever the code does) and the version.

Usage (the issue's check: the seeds and the first 2,000 corpus articles)::

    python scripts/check_identity.py BASE_COMMIT [HEAD_COMMIT]      # HEAD_COMMIT defaults to HEAD

Exit code 0 when every file agrees, 1 when one differs (the first difference is printed).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news-zh.jsonl"
_VOLATILE_REPORT = ("throughput_chars_per_s", "timings_s")
_VOLATILE_STATE = ("extractor", "kg_version")


def _comparable(path: Path) -> bytes:
    """The file's bytes, without the parts that differ by design."""
    if path.name == "report.json":
        report = json.loads(path.read_text("utf-8"))
        for key in _VOLATILE_REPORT:
            report.pop(key, None)
        report["inputs"] = [Path(p).name for p in report.get("inputs", [])]
        return json.dumps(report, ensure_ascii=False, sort_keys=True).encode()
    if path.name == "kg-state.jsonl.gz":
        lines = gzip.decompress(path.read_bytes()).split(b"\n")
        header = json.loads(lines[0])
        for key in _VOLATILE_STATE:
            header.pop(key, None)
        return json.dumps(header, sort_keys=True).encode() + b"\n" + b"\n".join(lines[1:])
    return path.read_bytes()


def _build(tree: Path, inputs: list[Path], out: Path) -> None:
    # The installed entry point names this checkout's module for the spaCy factory; each tree registers
    # its own factory when imported, so the entry points of kg are hidden from spaCy here.
    boot = ("import sys, catalogue, importlib.metadata as m; "
            "catalogue.AVAILABLE_ENTRY_POINTS = m.EntryPoints(e for d in m.distributions() for e in d.entry_points if not e.value.startswith('kg.')); "
            "from kg.cli import main; sys.exit(main())")
    cmd = [sys.executable, "-c", boot, "build", *map(str, inputs), "--out", str(out)]
    subprocess.run(cmd, cwd=tree, check=True, stdout=subprocess.DEVNULL,
                   env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())})


def _compare(a: Path, b: Path) -> list[str]:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    problems = []
    for name in names:
        pa, pb = a / name, b / name
        if not (pa.exists() and pb.exists()):
            problems.append(f"{name}: only in {'base' if pa.exists() else 'head'}")
        elif _comparable(pa) != _comparable(pb):
            problems.append(f"{name}: differs (diff {pa} {pb})")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="the commit before the change")
    ap.add_argument("head", nargs="?", default="HEAD", help="the commit after it (default HEAD)")
    ap.add_argument("--articles", type=int, default=2000, help="corpus articles to build (default 2000)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-identity-"))
    corpus = work / "corpus.jsonl"
    with CORPUS.open("rb") as src, corpus.open("wb") as dst:
        dst.writelines(itertools.islice(src, args.articles))
    sets = {"seeds": [ROOT / "seeds"], "corpus": [corpus]}
    failed = False
    trees = []
    try:
        for side, commit in (("base", args.base), ("head", args.head)):
            sha = subprocess.run(["git", "rev-parse", commit], cwd=ROOT, check=True, capture_output=True,
                                 text=True).stdout.strip()
            tree = work / side
            subprocess.run(["git", "worktree", "add", "--detach", "-q", str(tree), sha], cwd=ROOT, check=True)
            trees.append(tree)
            for name, inputs in sets.items():
                print(f"building {name} at {side} {sha[:10]} …", file=sys.stderr, flush=True)
                _build(tree, inputs, work / f"{side}-{name}")
        for name in sets:
            problems = _compare(work / f"base-{name}", work / f"head-{name}")
            files = len(list((work / f"base-{name}").iterdir()))
            print(f"{name}: {files} files, " + ("identical" if not problems else "; ".join(problems)))
            failed |= bool(problems)
    finally:  # never leave a worktree registered behind, even after a failed build
        for tree in trees:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
        if args.keep:
            print(f"outputs kept in {work}", file=sys.stderr)
        else:
            subprocess.run(["rm", "-rf", str(work)], check=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
