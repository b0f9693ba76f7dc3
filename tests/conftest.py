"""Shared fixtures: paths built from this file, never from the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD_SEEDS = ROOT / "benchmarks" / "gold" / "seeds.jsonl"  # the seeds' gold (seeds/ holds articles only)
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_glob() -> str:
    """The main job's input: the seed articles."""
    return str(SEEDS / "*.txt")


@pytest.fixture(scope="session")
def processed_seeds():
    """The five seeds after ingest → clean → normalize, by doc_id."""
    from kg.run.build import ProcessedDocument, iter_processed

    out = {}
    for item in iter_processed([str(SEEDS / "*.txt")]):
        assert isinstance(item, ProcessedDocument), item
        out[item.doc.doc_id] = item
    return out


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """`kg build 'seeds/*.txt'` once per session, for tests that only read the outputs."""
    from kg.run.build import build

    out = tmp_path_factory.mktemp("seed-build")
    assert build([str(SEEDS / "*.txt")], out, progress=False).exit_code == 0
    return out


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (jieba), loaded once for the entity and relation tests."""
    from kg.extract.nlp import make_nlp

    return make_nlp("jieba")
