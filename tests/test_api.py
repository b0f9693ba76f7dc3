"""The query API and `kg query`, each question checked against the seeds' gold."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import kg
from kg.eval.evaluate import gold_spans, load_gold, norm_form
from tests.conftest import GOLD_SEEDS, SEEDS


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    from kg.run.build import build

    path = tmp_path_factory.mktemp("api")
    assert build([str(SEEDS / "*.txt")], path, progress=False).exit_code == 0
    return path


@pytest.fixture(scope="module")
def g(out):
    return kg.open(out)


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_SEEDS)


def gold_facts(gold, rtype: str) -> set[tuple[str, str, str]]:
    out = set()
    for doc in gold.values():
        for h, t, tl in doc.relations:
            if t == rtype:
                out.add((doc.entities[h].name, doc.entities[tl].name, doc.doc_id))
    return out


def same_entity(g, ours: str, theirs: str) -> bool:
    """Our canonical name and a gold name denote one entity (name or alias, either script)."""
    if norm_form(ours) == norm_form(theirs):
        return True
    rows = g.entities()
    aliases = rows.loc[rows["name"] == ours, "aliases"].str.split("|").explode()
    return norm_form(theirs) in {norm_form(a) for a in aliases if a}


def test_posts_of_a_person_with_evidence(g, gold):
    df = g.posts("徐一冰")
    expected = {(t, d) for h, t, d in gold_facts(gold, "HOLDS_POST") if h == "徐一冰"}
    assert {(r.organization, r.doc_id) for r in df.itertuples()} == expected
    assert df.loc[0, "title"] == "副局长" and "徐一冰" in df.loc[0, "sentence"]
    raw = (SEEDS / f"{df.loc[0, 'doc_id']}.txt").read_text(encoding="utf-8")
    assert raw[int(df.loc[0, "start"]):int(df.loc[0, "end"])] == df.loc[0, "sentence"]


def test_people_of_an_organization(g, gold):
    df = g.people("青岛聚大洋藻业集团有限公司")
    expected = {h for h, t, _ in gold_facts(gold, "HOLDS_POST") if t == "青岛聚大洋藻业集团有限公司"}
    assert set(df["person"]) == expected == {"吴仕鹏"}
    assert list(df["title"]) == ["董事长"]


def test_companies_in_a_park_are_gold_facts(g, gold):
    df = g.companies_in("青岛国际创新园")
    expected = {h for h, t, _ in gold_facts(gold, "LOCATED_IN") if t == "青岛国际创新园"}
    assert len(df) >= 2
    assert all(any(same_entity(g, c, e) for e in expected) for c in df["company"])


def test_parks_and_industries(g, gold):
    industries = g.industries_of("青岛国际创新园")
    expected = {t for h, t, _ in gold_facts(gold, "FOCUSES_ON") if h == "青岛国际创新园"}
    hits = {i for i in industries["industry"] if i in expected}
    assert len(hits) >= 6
    parks = g.parks_focusing_on("虚拟现实")
    assert "青岛国际创新园" in set(parks["park"])
    assert {h for h, t, _ in gold_facts(gold, "FOCUSES_ON") if t == "虚拟现实"} >= {"青岛国际创新园"}


def test_chain_leaders(g, gold):
    df = g.chain_leaders("新经济")
    expected = {(h, t) for h, t, _ in gold_facts(gold, "LEADS_CHAIN") if t == "新经济"}
    assert {(r.leader, r.industry) for r in df.itertuples()} == expected == {("刘雯", "新经济")}


def test_funds_with_sizes(g, gold):
    df = g.funds()
    ours = {r.fund: (r.size, r.size_yuan) for r in df.itertuples() if r.fund.startswith("青岛蓝谷")}
    expected = {e.name: e.attrs.get("size") for e in gold["000_2922254e8fabd16a"].entities.values() if e.type == "FUND"}
    assert {k: v[0] for k, v in ours.items()} == expected
    assert ours["青岛蓝谷产业基金"][1] == 9.6e9
    assert list(df["size_yuan"].dropna()) == sorted(df["size_yuan"].dropna(), reverse=True)


def test_partnerships_both_directions(g, gold):
    df = g.partnerships("中關村科技企業家協會")  # Traditional input finds the Simplified name
    expected = {t for h, t, _ in gold_facts(gold, "PARTNERS_WITH") if h == "中关村科技企业家协会"}
    assert set(df["partner"]) == expected == {"青岛市企业联合会"}
    assert set(g.partnerships("青岛市企业联合会")["partner"]) == {"中关村科技企业家协会"}


def test_where_an_entity_is_mentioned(g, gold):
    df = g.mentions("徐一冰")
    doc = gold["000_2922254e8fabd16a"]
    raw = (SEEDS / "000_2922254e8fabd16a.txt").read_text(encoding="utf-8")
    spans = {(s, e) for s, e, t in gold_spans(raw, doc) if t == "PERSON" and raw[s:e] == "徐一冰"}
    assert {(r.start, r.end) for r in df.itertuples()} == spans
    assert set(df["doc_id"]) == {"000_2922254e8fabd16a"}


def test_sparql_returns_a_dataframe_and_errors_are_clean(g):
    df = g.sparql("SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e kg:entityType ?type } GROUP BY ?type ORDER BY ?type")
    assert list(df.columns) == ["type", "n"] and set(df["type"]) == {"PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG"}
    assert df["n"].dtype.kind == "i"
    with pytest.raises(kg.errors.KgUsageError, match="SPARQL"):
        g.sparql("SELECT WHERE {")


def test_kg_query_cli_named_sparql_formats(out):
    run = [sys.executable, "-m", "kg.cli", "query", str(out)]
    table = subprocess.run([*run, "people", "--org", "青岛蓝谷管理局"], capture_output=True, text=True, check=True).stdout
    assert "徐一冰" in table and "副局长" in table
    rows = json.loads(subprocess.run([*run, "funds", "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert any(r["fund"] == "青岛蓝谷产业基金" and r["size"] == "96亿元" for r in rows)
    csv_out = subprocess.run([*run, "SELECT ?n WHERE { ?e rdfs:label ?n ; kg:entityType \"PERSON\" } ORDER BY ?n", "--format", "csv"],
                             capture_output=True, text=True, check=True).stdout
    assert csv_out.splitlines()[0] == "n" and "徐一冰" in csv_out
    bad = subprocess.run([*run, "people"], capture_output=True, text=True)
    assert bad.returncode == 2 and "needs --org" in bad.stderr and "Traceback" not in bad.stderr


# -- one name for a question in the API and in `kg query`

#: A value for every question's option (a question added later needs one here).
SAMPLE = {"person": "徐一冰", "org": "青岛蓝谷管理局", "park": "青岛国际创新园", "industry": "虚拟现实",
          "entity": "中关村科技企业家协会", "type": "PARK"}
VALUE_FOR = {"chain-leaders": "新经济", "industries-under": "生物医药"}  # where the option's sample finds nothing


def sample_args(q) -> dict[str, str]:
    return {q.option: VALUE_FOR.get(q.command, SAMPLE[q.option])} if q.option else {}


def test_every_question_is_the_api_method_of_the_same_name(out, g):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.query.api import QUESTIONS

    assert {"posts", "people", "companies-in", "parks-focusing-on", "industries-of", "chain-leaders", "funds",
            "partnerships", "mentions", "entities"} <= set(QUESTIONS)
    for command, q in QUESTIONS.items():
        assert command == q.method.replace("_", "-") and callable(getattr(g, q.method))
        args = [a for k, v in sample_args(q).items() for a in ("--" + k, v)]
        res = CliRunner().invoke(main, ["query", str(out), command, *args, "--format", "json"])
        assert res.exit_code == 0 and res.stderr == "", (command, res.output)
        expected = getattr(g, q.method)(**sample_args(q))
        assert json.loads(res.stdout) == json.loads(expected.to_json(orient="records", force_ascii=False)), command
        assert len(expected), f"{command} {args} found nothing on the seeds"


def test_query_help_lists_every_question_with_its_docstring():
    from click.testing import CliRunner

    from kg.cli import main
    from kg.query.api import QUESTIONS

    shown = " ".join(CliRunner().invoke(main, ["query", "--help"]).stdout.split())
    for command, q in QUESTIONS.items():
        summary = " ".join(q.summary.replace("``", "`").split())
        assert f"{command} {'--' + q.option if q.option and q.required else ''}".strip() in shown, command
        doc = getattr(kg.query.api.KnowledgeGraph, q.method).__doc__
        assert summary in shown and summary.startswith(" ".join(doc.split("\n")[0].replace("``", "`").split()))


def test_old_names_still_answer_with_a_notice(out, g):
    run = [sys.executable, "-m", "kg.cli", "query", str(out)]
    res = subprocess.run([*run, "companies", "--park", "青岛国际创新园", "--format", "json"], capture_output=True, text=True)
    assert res.returncode == 0
    assert res.stderr == ("kg query: `companies` is now `companies-in` (the name of the API method); the old name "
                          "will be removed\n")
    assert json.loads(res.stdout) == json.loads(g.companies_in(park="青岛国际创新园").to_json(orient="records", force_ascii=False))
