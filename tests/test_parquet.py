"""Every CSV table of a build has a Parquet twin: the same rows read back by pandas, and DuckDB answers on it
what pandas answers on the CSV."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from kg.export.parquet import column_type
from kg.run.build import build, update

TABLES = ("documents", "mentions", "relations", "entities")


@pytest.fixture(scope="module")
def messy_build(tmp_path_factory):
    """A build with what CSV makes hard: quotes, commas, line breaks (CR alone too), emoji, rejected rows."""
    src = tmp_path_factory.mktemp("messy-in")
    records = [
        {"doc_id": "q1", "title": 'He said "好", then,\r\nleft', "text": "青岛蓝谷管理局副局长徐一冰表示,\"蓝谷\"聚焦海洋产业。\r"
                                                                     "鹏博士集团落户青岛蓝谷。😀\r青岛蓝谷设立总规模20亿元的引导基金。"},
        {"doc_id": "007", "text": "西安高新区管委会主任刘雯说,西安高新区重点发展人工智能产业。"},  # an id that looks like a number
        {"doc_id": "empty", "text": ""},
    ]
    (src / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    out = tmp_path_factory.mktemp("messy") / "out"
    assert build([str(src)], out, progress=False).exit_code == 3
    return out


def read_csv_as_written(path) -> pd.DataFrame:
    """A CSV table with each column read as its Parquet type (an empty cell is missing, as in the Parquet file)."""
    header = pd.read_csv(path, nrows=0).columns
    dtypes = {c: {"int64": "float64", "double": "float64", "bool": "boolean", "string": "str"}[column_type(c)]
              for c in header}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])


def read_parquet_alike(path) -> pd.DataFrame:
    """The Parquet table with the same pandas dtypes (integers as floats, because a column may hold a null)."""
    df = pd.read_parquet(path)
    for c in df.columns:
        kind = column_type(c)
        df[c] = df[c].astype({"int64": "float64", "double": "float64", "bool": "boolean", "string": "str"}[kind])
    return df


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("which", ["seeds", "messy"])
def test_parquet_round_trips_equal_to_the_csv(seed_build, messy_build, which, table):
    out = seed_build if which == "seeds" else messy_build
    csv_df, parquet_df = read_csv_as_written(out / f"{table}.csv"), read_parquet_alike(out / f"{table}.parquet")
    assert len(csv_df) > 0 and list(parquet_df.columns) == list(csv_df.columns)
    pd.testing.assert_frame_equal(parquet_df, csv_df)


def test_columns_are_typed_and_empty_cells_are_nulls(messy_build):
    schema = pq.read_schema(messy_build / "documents.parquet")
    assert str(schema.field("n_chars").type) == "int64" and str(schema.field("spun").type) == "bool"
    assert str(schema.field("doc_id").type) == "string"
    docs = pq.read_table(messy_build / "documents.parquet").to_pylist()
    by_id = {d["doc_id"]: d for d in docs}
    assert by_id["007"]["doc_id"] == "007"  # a string stays a string
    assert by_id["q1"]["title"] == 'He said "好", then,\r\nleft'
    assert by_id["empty"]["status"] == "rejected" and by_id["empty"]["spun"] is None and by_id["empty"]["error"]
    relations = pq.read_table(messy_build / "relations.parquet").to_pylist()
    assert relations and all(isinstance(r["start"], int) and r["start"] < r["end"] for r in relations)


def test_duckdb_answers_on_the_parquet_files_what_pandas_answers_on_the_csv(seed_build):
    # which parks have the most companies and organizations located in them, with the articles that say so
    query = f"""
        SELECT p.name AS park, count(*) AS n, count(DISTINCT r.doc_id) AS articles, min(r.start) AS first_offset
        FROM '{seed_build / "relations.parquet"}' r JOIN '{seed_build / "entities.parquet"}' p ON r.tail_id = p.entity_id
        WHERE r.relation = 'LOCATED_IN' AND p.type = 'PARK'
        GROUP BY p.name ORDER BY n DESC, park"""
    with duckdb.connect() as con:
        answer = con.execute(query).fetchall()
    relations = pd.read_csv(seed_build / "relations.csv", dtype=str, keep_default_na=False)
    entities = pd.read_csv(seed_build / "entities.csv", dtype=str, keep_default_na=False)
    joined = relations[relations["relation"] == "LOCATED_IN"].merge(
        entities[entities["type"] == "PARK"], left_on="tail_id", right_on="entity_id")
    expected = (joined.assign(start=joined["start"].astype(int))
                .groupby("name").agg(n=("head_id", "size"), articles=("doc_id", "nunique"), first_offset=("start", "min"))
                .reset_index().sort_values(["n", "name"], ascending=[False, True]))
    assert len(answer) >= 3
    assert answer == [tuple(r) for r in expected.itertuples(index=False)]


def test_duckdb_reads_every_table_with_the_rows_of_the_csv(seed_build):
    with duckdb.connect() as con:
        for table in TABLES:
            n = con.execute(f"SELECT count(*) FROM '{seed_build / f'{table}.parquet'}'").fetchone()[0]
            assert n == len(pd.read_csv(seed_build / f"{table}.csv", dtype=str)), table


def test_same_input_gives_byte_identical_parquet(tmp_path, seed_glob, seed_build):
    again = build([seed_glob], tmp_path / "again", progress=False, workers=2)
    assert again.exit_code == 0
    for table in TABLES:
        assert (tmp_path / "again" / f"{table}.parquet").read_bytes() == (seed_build / f"{table}.parquet").read_bytes()


def test_an_update_rewrites_the_parquet_tables_with_the_csv(tmp_path, seeds_dir, seed_build):
    files = sorted(seeds_dir.glob("*.txt"))
    out = tmp_path / "up"
    assert build([str(p) for p in files[:3]], out, progress=False).exit_code == 0
    assert update(out, [str(p) for p in files[3:]], progress=False).exit_code == 0
    for table in TABLES:  # the update equals the build of all five, and its Parquet its CSV
        assert (out / f"{table}.parquet").read_bytes() == (seed_build / f"{table}.parquet").read_bytes(), table
        pd.testing.assert_frame_equal(read_parquet_alike(out / f"{table}.parquet"), read_csv_as_written(out / f"{table}.csv"))


@pytest.mark.parametrize("kind, values", [
    ("string", ["青岛蓝谷", None, "", "a,\"b\"\n😀"]),
    ("string", []),
    ("string", [None, None]),
    ("int64", [0, None, -5, 2**40]),
    ("double", [2e9, None, 0.5]),
    ("bool", [True, False, None, True, True, False, False, True, True]),
])
def test_arrow_array_from_buffers_equals_pyarrow(kind, values):
    """The column built from its buffers is the array pyarrow's own converter makes: values, nulls, type."""
    import pyarrow as pa

    from kg.export.parquet import arrow_array

    types = {"string": pa.string(), "int64": pa.int64(), "double": pa.float64(), "bool": pa.bool_()}
    made = arrow_array(values, kind)
    made.validate(full=True)
    assert made.equals(pa.array(values, type=types[kind]))
    assert made.null_count == sum(v is None for v in values)


def test_a_build_does_not_import_pandas(tmp_path):
    """Writing the Parquet tables must not pull in pandas (0.4 s of every build's start-up)."""
    import subprocess
    import sys

    src = tmp_path / "a.txt"
    src.write_text("西安高新区管委会主任刘雯说,西安高新区重点发展人工智能产业。", encoding="utf-8")
    code = ("import sys; from kg.run.build import build; "
            f"build([{str(src)!r}], {str(tmp_path / 'out')!r}, progress=False); "
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert (tmp_path / "out" / "mentions.parquet").exists()
    assert out.strip().splitlines()[-1] == "False"
