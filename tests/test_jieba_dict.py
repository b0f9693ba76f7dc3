"""kg's cache of jieba's dictionary (kg.extract.jieba_dict): the same tables as jieba's, and a cache that is
never required (missing, stale, damaged or unwritable: built from the dictionary)."""

import io
import os

import pytest

from kg.extract import jieba_dict
from kg.extract.jieba_dict import CACHE_FILE, load


@pytest.fixture(scope="module")
def jiebas_own():
    """FREQ and total by jieba's gen_pfdict, and jieba.posseg's word → tag table."""
    import jieba
    import jieba.posseg

    with jieba.dt.get_dict_file() as fh:
        freq, total = jieba.dt.gen_pfdict(io.BytesIO(fh.read()))
    return freq, total, jieba.posseg.dt.word_tag_tab


def _same(d, own):
    freq, total, tags = own
    assert d.total == total
    assert list(d.freq.items()) == list(freq.items())  # the same entries in the same order
    assert list(d.tags.items()) == list(tags.items())


def test_built_and_cached_tables_are_jiebas(tmp_path, jiebas_own):
    _same(load(tmp_path), jiebas_own)  # built, then written
    assert (tmp_path / CACHE_FILE).is_file()
    _same(load(tmp_path), jiebas_own)  # read back


def test_a_stale_or_damaged_cache_is_rebuilt(tmp_path, jiebas_own, monkeypatch):
    load(tmp_path)
    monkeypatch.setattr(jieba_dict, "FORMAT", "another format")  # as if made from another dictionary
    _same(load(tmp_path), jiebas_own)
    (tmp_path / CACHE_FILE).write_bytes(b"\x00not marshal")
    _same(load(tmp_path), jiebas_own)
    assert (tmp_path / CACHE_FILE).stat().st_size > 1_000_000  # and written again


def test_no_cache_folder_or_an_unwritable_one_still_loads(tmp_path, jiebas_own, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    assert jieba_dict.cache_dir() is None
    _same(load(None), jiebas_own)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    _same(load(blocked / "sub"), jiebas_own)
    assert os.listdir(tmp_path) == ["file"]
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    assert jieba_dict.cache_dir() == tmp_path / "c"
