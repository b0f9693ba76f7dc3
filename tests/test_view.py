"""`kg view`: the page holds the build, loads nothing from outside, survives hostile names, and draws in Chromium.

The browser tests start Debian's headless Chromium (installed by `make setup`)
on the page as a file, with a fresh profile in a temporary folder, and check
that no Chromium process of theirs is left afterwards. The screenshot of the
seeds' page is kept in ``artifacts/`` (git-ignored) and its path printed.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import lxml.html

from kg.export.graph import TYPE_COLORS
from kg.query.view import render_page, view_data, write_view
from tests.conftest import ROOT

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,900", "--hide-scrollbars",
]
ARTIFACTS = ROOT / "artifacts"


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _live_processes_with(marker: str) -> list[int]:
    """Pids of running (not zombie) processes whose command line contains ``marker``."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            pids.append(int(proc.name))
    return pids


def chromium(tmp_path: Path, url: str, *args: str) -> str:
    """Run headless Chromium on ``url`` with a fresh profile; its stdout. Fails if any of its processes outlive it."""
    binary = os.environ.get("KG_CHROMIUM") or shutil.which("chromium")
    assert binary, "headless Chromium is missing: `make setup` installs the Debian package chromium"
    profile = tmp_path / f"chromium-profile-{time.monotonic_ns()}"
    profile.mkdir()
    cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"chromium did not finish in 120 s: {cmd}") from None
    finally:
        deadline = time.monotonic() + 10
        while (left := _live_processes_with(str(profile))) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in left:  # ours: they carry our fresh profile folder
            os.kill(pid, signal.SIGKILL)
    assert not left, f"chromium processes outlived the browser: {left}"
    assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
    return out.decode("utf-8")


def dom_state(dom: str) -> tuple[dict[str, str], str, lxml.html.HtmlElement]:
    """The canvas's data attributes, the details panel's text, and the parsed document."""
    doc = lxml.html.document_fromstring(dom)
    canvas = doc.get_element_by_id("graph")
    return {k[5:]: v for k, v in canvas.attrib.items() if k.startswith("data-")}, doc.get_element_by_id("details").text_content(), doc


def png_size_and_colors(path: Path) -> tuple[tuple[int, int], set[tuple[int, int, int]]]:
    import matplotlib.image

    img = matplotlib.image.imread(str(path))
    rgb = (img[:, :, :3] * 255).round().astype(int).reshape(-1, 3)
    return (img.shape[1], img.shape[0]), {tuple(map(int, c)) for c in set(map(tuple, rgb))}


# -- the page without a browser


def test_page_holds_every_entity_and_relation_with_evidence(seed_build):
    entities = _rows(seed_build / "entities.csv")
    relations = _rows(seed_build / "relations.csv")
    data = view_data(seed_build)
    assert [n["id"] for n in data["nodes"]] == sorted(e["entity_id"] for e in entities)
    assert len(data["edges"]) == len(relations) > 100
    facts = {(data["nodes"][e["s"]]["id"], e["type"], data["nodes"][e["t"]]["id"], data["docs"][e["doc"]]["id"],
              e["start"], e["end"], data["sentences"][e["sent"]]) for e in data["edges"]}
    assert facts == {(r["head_id"], r["relation"], r["tail_id"], r["doc_id"], int(r["start"]), int(r["end"]), r["evidence"])
                     for r in relations}
    assert {t["type"]: t["color"] for t in data["types"]} == {t: "#%02x%02x%02x" % c for t, c in TYPE_COLORS.items()}


def test_page_is_self_contained_and_deterministic(seed_build, tmp_path):
    run = [sys.executable, "-m", "kg.cli", "view", str(seed_build)]
    first = subprocess.run([*run, "--out", str(tmp_path / "a.html")], capture_output=True, text=True, check=True)
    assert f"{len(_rows(seed_build / 'entities.csv'))} entities" in first.stderr
    subprocess.run([*run, "--out", str(tmp_path / "b.html")], capture_output=True, check=True)
    page = (tmp_path / "a.html").read_bytes()
    assert page == (tmp_path / "b.html").read_bytes()
    text = page.decode("utf-8")
    assert text.split('type="application/json">')[1].split("</script>")[0].isascii()  # data is \\u-escaped JSON
    for external in ("http:", "https:", "src=", "href=", "url(", "@import", "<link", "<iframe", "fetch(", "XMLHttpRequest"):
        assert external not in text, external
    assert re.search(r"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;; script-src &#x27;sha256-", text)
    assert list(seed_build.glob(".graph.html.*.tmp")) == []


def test_view_reports_a_folder_without_a_build(tmp_path):
    res = subprocess.run([sys.executable, "-m", "kg.cli", "view", str(tmp_path)], capture_output=True, text=True)
    assert res.returncode == 2 and "run `kg build" in res.stderr and "Traceback" not in res.stderr


NASTY = [
    "</script><script>document.title='pwned'</script>",
    "他说\"你好\"'好' & <b>加粗</b>",
    "第一行\n第二行\u2028第三行",
    "🚀火箭科技有限公司",
    "<!-- 注释 <script>",
]


def nasty_build(out: Path) -> None:
    """A hand-made output folder (the CSV contract) whose names try every way out of the page."""
    out.mkdir()
    with open(out / "entities.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["entity_id", "type", "name", "aliases", "n_mentions", "n_docs", "titles", "size", "size_yuan"])
        for i, name in enumerate(NASTY):
            w.writerow([f"company-{i}", "COMPANY", name, "</SCRIPT >|a\\b", 1, 1, "", "", ""])
    with open(out / "relations.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["head_id", "relation", "tail_id", "doc_id", "start", "end", "evidence", "attrs", "rule", "head", "tail"])
        w.writerow(["company-3", "PARTNERS_WITH", "company-0", "d1", 0, 9, f"{NASTY[3]}与{NASTY[0]}签署协议", '{"note": "</script>"}',
                    "partners:x", NASTY[3], NASTY[0]])
    with open(out / "documents.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["doc_id", "path", "title", "source", "date", "author", "n_chars", "status", "error"])
        w.writerow(["d1", "d1.txt", "<script>alert(1)</script>标题", "来源&", "2024-01-01", "", 10, "ok", ""])


def test_hostile_names_stay_data(tmp_path):
    nasty_build(tmp_path / "out")
    data = view_data(tmp_path / "out")
    page = render_page(data)
    assert page.lower().count("</script") == 2 and page.count("<!--") == 0
    payload = page.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(payload) == json.loads(json.dumps(data))
    assert [n["name"] for n in json.loads(payload)["nodes"]] == NASTY


# -- in the browser


def test_seed_page_draws_every_node_in_chromium_and_shows_evidence(seed_build, tmp_path):
    entities = _rows(seed_build / "entities.csv")
    relations = _rows(seed_build / "relations.csv")
    page, _ = write_view(seed_build, tmp_path / "seeds.html")

    attrs, _, doc = dom_state(chromium(tmp_path, page.as_uri(), "--virtual-time-budget=10000", "--dump-dom"))
    assert int(attrs["drawn-nodes"]) == len(entities) > 200
    assert int(attrs["drawn-edges"]) == len(relations)
    assert [e.text_content().split(" (")[0] for e in doc.get_element_by_id("legend")] == [
        f"{t} {g}" for t, g in (("PARK", "园区"), ("COMPANY", "企业"), ("ORG", "机构"), ("PERSON", "人物"), ("INDUSTRY", "产业"), ("FUND", "基金"))]

    # search by name (from the address) selects the person and shows the sentence, article and relation type
    person = next(r for r in relations if r["relation"] == "HOLDS_POST")
    name = next(e["name"] for e in entities if e["entity_id"] == person["head_id"])
    attrs, details, _ = dom_state(chromium(tmp_path, page.as_uri() + "#q=" + quote(name), "--virtual-time-budget=10000", "--dump-dom"))
    assert int(attrs["matches"]) >= 1 and attrs["selected"] == person["head_id"]
    assert name in details and "HOLDS_POST" in details and person["doc_id"] in details
    assert person["evidence"] in details and f"chars {person['start']}–{person['end']}" in details

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "kg-view-seeds.png"
    shot.unlink(missing_ok=True)
    chromium(tmp_path, page.as_uri(), "--virtual-time-budget=10000", f"--screenshot={shot}")
    print(f"\nscreenshot of the seeds' page: {shot}")
    size, colors = png_size_and_colors(shot)
    assert size == (1400, 900)
    assert set(TYPE_COLORS.values()) <= colors  # a node of every type was painted in its colour


def test_hostile_names_render_as_text_in_chromium(tmp_path):
    nasty_build(tmp_path / "out")
    page, _ = write_view(tmp_path / "out", tmp_path / "nasty.html")
    attrs, details, doc = dom_state(chromium(tmp_path, page.as_uri() + "#q=" + quote("🚀"), "--virtual-time-budget=10000", "--dump-dom"))
    assert int(attrs["drawn-nodes"]) == len(NASTY) and attrs["matches"] == "1" and attrs["selected"] == "company-3"
    assert doc.findtext(".//title") != "pwned" and len(doc.findall(".//script")) == 2
    assert NASTY[3] in details and NASTY[0] in details and "<script>alert(1)</script>标题" in details
    assert f"{NASTY[3]}与{NASTY[0]}签署协议" in details.replace("\n", "")
    # every name comes back from the page as the exact text it was
    for i, name in enumerate(NASTY):
        attrs, details, _ = dom_state(chromium(tmp_path, page.as_uri() + "#q=" + quote(name), "--virtual-time-budget=10000", "--dump-dom"))
        assert attrs["selected"] == f"company-{i}", name
        assert name in details, name


def test_large_builds_keep_their_most_connected_entities(seed_build):
    max_nodes = 3
    data = view_data(seed_build, max_nodes=max_nodes)
    assert data["stats"]["shown"] == len(data["nodes"]) == max_nodes < data["stats"]["entities"]
    relations = _rows(seed_build / "relations.csv")
    degree: dict[str, int] = {}
    for r in relations:
        for k in ("head_id", "tail_id"):
            degree[r[k]] = degree.get(r[k], 0) + 1
    assert min(degree.get(n["id"], 0) for n in data["nodes"]) >= sorted(degree.values(), reverse=True)[max_nodes - 1]
    assert all(e["s"] < max_nodes and e["t"] < max_nodes for e in data["edges"])
