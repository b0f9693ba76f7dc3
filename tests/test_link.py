"""Linking across documents: what must merge, what must stay apart, and stable ids."""

from __future__ import annotations

import csv

from kg.build import build
from tests.conftest import SEEDS


def _entities(out) -> list[dict[str, str]]:
    with open(out / "entities.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _build(tmp_path, docs: dict[str, str]):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in docs.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build([str(src)], out, progress=False).exit_code == 0
    return _entities(out)


def test_merges_scripts_and_region_prefixed_company_names(tmp_path):
    rows = _build(tmp_path, {
        "a": "深圳极视角科技有限公司总部落户青岛西海岸新区,成为新区人工智能企业的新成员。",
        "b": "極視角科技有限公司聯合創始人陳碩表示,青島西海岸新區有許多應用場景。",
    })
    companies = [r for r in rows if r["type"] == "COMPANY"]
    assert len(companies) == 1 and companies[0]["n_docs"] == "2"
    assert companies[0]["name"] == "深圳极视角科技有限公司"
    parks = [r for r in rows if r["type"] == "PARK" and r["name"] == "青岛西海岸新区"]
    assert len(parks) == 1 and parks[0]["n_docs"] == "2"


def test_keeps_apart_parks_of_two_cities_and_funds_of_two_owners(tmp_path):
    rows = _build(tmp_path, {
        "a": "西安高新区聚焦光电子信息产业。西安高新区设立了总规模50亿元的产业基金。",
        "b": "青岛高新区聚焦生物医药产业。青岛高新区设立了总规模20亿元的产业基金。",
    })
    parks = {r["name"] for r in rows if r["type"] == "PARK"}
    assert {"西安高新区", "青岛高新区"} <= parks
    funds = sorted(r["name"] for r in rows if r["type"] == "FUND")
    assert funds == ["西安高新区产业基金", "青岛高新区产业基金"]


def test_people_are_not_linked_by_name_alone(tmp_path):
    rows = _build(tmp_path, {
        "a": "青岛蓝谷管理局副局长王伟表示,蓝谷将聚焦海洋产业。",
        "b": "海尔集团董事长王伟说,公司将加快发展。",
        "c": "青岛蓝谷管理局副局长王伟介绍,园区已入驻企业200余家。",
    })
    people = [r for r in rows if r["type"] == "PERSON" and r["name"] == "王伟"]
    assert sorted(int(p["n_docs"]) for p in people) == [1, 2]  # same post: one person; another company: another


def test_adding_a_document_keeps_existing_ids(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    four = build([str(p) for p in seeds[:4]], tmp_path / "four", progress=False)
    five = build([str(p) for p in seeds], tmp_path / "five", progress=False)
    assert four.exit_code == five.exit_code == 0
    ids4 = {(r["entity_id"], r["type"]) for r in _entities(tmp_path / "four")}
    ids5 = {(r["entity_id"], r["type"]) for r in _entities(tmp_path / "five")}
    assert ids4 <= ids5
