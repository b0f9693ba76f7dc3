"""jieba's dictionary for kg: the prefix frequencies jieba cuts with and the part-of-speech tags kg
looks words up in, loaded in a third of the time.

A build needs both tables of jieba's ``dict.txt``: ``FREQ`` (every word and every prefix of one,
built by jieba's ``gen_pfdict``) and word → tag (the table ``jieba.posseg`` reads). jieba loads the
first from its own cache with ``marshal.load`` on a file object, which reads the 9 MB a few bytes
at a time (0.8 s), and kg read the dictionary again for the tags (0.4 s). Here both are kept in one
cache file of kg's, a few columns in ``marshal`` (plain data, no code), loaded in about 0.35 s with
the word strings shared between the two tables.

The cache is never required: it is named by the SHA-256 of the dictionary file it was made from
(with jieba's version and this format's), checked on every load, rebuilt from the dictionary when
it is missing, stale or unreadable, and written atomically (a temporary file renamed into place);
when it cannot be written, kg goes on without it. It lives in ``$KG_CACHE_DIR`` if set (set it to
an empty string to switch the cache off), else ``$XDG_CACHE_HOME/kg`` or ``~/.cache/kg``.
"""

from __future__ import annotations

import array
import hashlib
import io
import logging
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

#: Bumped whenever the file's layout changes (old files are then rebuilt, not misread).
FORMAT = "kg-jieba-dict-1"
CACHE_ENV = "KG_CACHE_DIR"
CACHE_FILE = "jieba-dict.marshal"

log = logging.getLogger(__name__)


class JiebaDict(NamedTuple):
    freq: dict[str, int]  # jieba's FREQ: word or prefix → frequency (0 for a prefix only)
    total: int  # jieba's total: the sum of the words' frequencies
    tags: dict[str, str]  # word → part of speech, as jieba.posseg's word_tag_tab


def cache_dir() -> Path | None:
    """Where kg keeps its caches: ``$KG_CACHE_DIR`` (empty: no cache), else the user's cache folder."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return Path(value) if value else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kg"


@lru_cache(maxsize=1)
def default_dict() -> JiebaDict:
    """The tables of jieba's default dictionary, loaded once per process (:func:`load` with :func:`cache_dir`)."""
    return load(cache_dir())


def load(folder: Path | None) -> JiebaDict:
    """The tables of jieba's default dictionary: from the cache in ``folder`` when it was made from this
    dictionary file, else built from it (and cached there; ``None``: no cache)."""
    import jieba

    with jieba.dt.get_dict_file() as fh:  # the default Tokenizer's file: jieba's own dict.txt
        data = fh.read()
    key = f"{FORMAT} jieba {getattr(jieba, '__version__', '?')} {hashlib.sha256(data).hexdigest()}"
    path = folder / CACHE_FILE if folder is not None else None
    found = _read(path, key) if path is not None else None
    if found is not None:
        return found
    built = _build(jieba.dt, data)
    if path is not None:
        _write(path, key, built)
    return built


def install(tokenizer: Any) -> None:
    """Give jieba's default ``Tokenizer`` its prefix dictionary from :func:`default_dict`, as its ``initialize``
    would (the same table), unless it is initialized already or cuts with another dictionary."""
    import jieba

    if tokenizer is not jieba.dt or tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return
    d = default_dict()
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total = d.freq, d.total
            tokenizer.initialized = True


def _build(tokenizer: Any, data: bytes) -> JiebaDict:
    """Both tables from the dictionary's bytes: ``FREQ`` by jieba's own ``gen_pfdict``, the tags as
    ``jieba.posseg`` reads them (jieba strips the bytes of each line), sharing the word strings."""
    freq, total = tokenizer.gen_pfdict(io.BytesIO(data))
    lines = [line.strip(" \t\n\r\x0b\x0c") for line in data.decode("utf-8").split("\n")]
    tags = {word: tag for word, _, tag in (line.split(" ") for line in lines if line)}
    same = {w: w for w in freq}
    return JiebaDict(freq, total, {same.get(w, w): sys.intern(t) for w, t in tags.items()})


def _columns(d: JiebaDict) -> tuple[Any, ...]:
    """The tables as plain columns: the words once (joined by newlines, which no word holds), the
    frequencies, and the tags as (word index, tag index) pairs in the tag table's order."""
    words = list(d.freq)
    index = {w: i for i, w in enumerate(words)}
    extra = [w for w in d.tags if w not in index]  # a tagged word jieba gave no frequency (none today)
    for w in extra:
        index[w] = len(words)
        words.append(w)
    names = sorted(set(d.tags.values()))
    name_index = {t: i for i, t in enumerate(names)}
    return (len(d.freq), d.total, "\n".join(words), array.array("q", d.freq.values()).tobytes(),
            array.array("i", map(index.__getitem__, d.tags)).tobytes(),
            array.array("i", map(name_index.__getitem__, d.tags.values())).tobytes(), names)


def _from_columns(columns: tuple[Any, ...]) -> JiebaDict:
    n_freq, total, joined, freqs, tag_words, tag_names, names = columns
    words = joined.split("\n")
    f, tw, tn = array.array("q"), array.array("i"), array.array("i")
    f.frombytes(freqs)
    tw.frombytes(tag_words)
    tn.frombytes(tag_names)
    if len(f) != n_freq or len(words) < n_freq or len(tw) != len(tn):
        raise ValueError("inconsistent columns")
    return JiebaDict(dict(zip(words[:n_freq], f)), total, dict(zip(map(words.__getitem__, tw), map(names.__getitem__, tn))))


def _read(path: Path, key: str) -> JiebaDict | None:
    try:
        stored_key, columns = marshal.loads(path.read_bytes())
        if stored_key != key:
            return None
        return _from_columns(columns)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - a damaged cache is rebuilt, never an error
        log.debug("jieba dictionary cache %s unreadable (%s): rebuilding it", path, exc)
        return None


def _write(path: Path, key: str, d: JiebaDict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps((key, _columns(d))))
            os.replace(tmp, path)  # readers see the old file or the whole new one
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        log.debug("jieba dictionary cache %s not written (%s)", path, exc)


def pos_dictionary() -> dict[str, str]:
    """Word → part of speech from jieba's dictionary (general-language knowledge).

    A lookup, not a tagger: a word the dictionary lacks gets no tag. The entries and their order are
    ``jieba.posseg``'s ``word_tag_tab``, read without importing ``jieba.posseg`` (its import builds that
    table in a slower loop, and loads its HMM tables, which kg does not use), from kg's cache of the
    dictionary (:func:`default_dict`).
    """
    return default_dict().tags
