"""Lexicons of general knowledge the entity rules use, loaded from data files.

All files are UTF-8 under ``kg/data`` (documented in ``kg/data/README.md``
and ``kg/data/lexicons/README.md``): administrative divisions, titles,
legal-form / organization / park / fund suffixes, well-known enterprises,
national-level parks, industries, surnames and name-boundary words.

Entries of ``known_entities.tsv``, ``enterprises.tsv``, ``parks.tsv`` and
``industries.tsv`` may carry a ``sources`` column: the ids of the documents
an entry was learned from (empty = general knowledge). The
leave-one-document-out evaluation drops, while extracting document D, every
entry whose only source is D (:meth:`Lexicons.without_sources_of`).

>>> lex = Lexicons.load()
>>> lex.region_full("青岛")
'青岛市'
>>> "副局长" in lex.titles
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import KgUsageError

ENTITY_TYPES = ("PARK", "COMPANY", "FUND", "PERSON", "INDUSTRY", "ORG")


@dataclass(frozen=True)
class KnownEntity:
    """A name the lexicon knows, with its type and other surface forms."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    sources: frozenset[str] = frozenset()
    ambiguous: bool = False  # the short form is also a common word: needs context

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False)
class Lexicons:
    """Everything the rules look up, as plain immutable data.

    Compared and hashed by identity, so indexes built from it can be cached.
    """

    regions: dict[str, str]  # surface (青岛, 青岛市, 崂山区) -> full name (青岛市)
    titles: dict[str, str]  # title -> kind
    company_suffixes: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    park_suffixes: tuple[str, ...]
    fund_heads: tuple[str, ...]
    known: tuple[KnownEntity, ...]
    industries: dict[str, str]  # surface -> canonical industry name
    surnames: frozenset[str]
    boundaries: frozenset[str]
    departments: frozenset[str] = frozenset()
    directory: Path = field(default=Path(), compare=False)

    # -- loading

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Lexicons:
        """Load from ``directory`` (default: the files shipped in ``kg/data``)."""
        if directory is None:
            return _default()
        return _load(Path(directory))

    def region_full(self, surface: str) -> str | None:
        return self.regions.get(surface)

    @cached_property
    def cities(self) -> frozenset[str]:
        """Names of prefecture-level cities and their districts (`青岛`, `青岛市`, `崂山区`): every region
        of two characters or more but the provinces."""
        return frozenset(r for r in self.regions if len(r) >= 2 and not r.endswith(("省", "自治区")))

    @cached_property
    def longest_title(self) -> int:
        """The length of the longest title, in characters."""
        return max(map(len, self.titles), default=0)

    def title_ending_at(self, text: str, j: int, floor: int = 0) -> str | None:
        """The longest title of the lexicon ending at ``j`` and starting at or after ``floor``.

        >>> lex = Lexicons.load()
        >>> lex.title_ending_at("青岛市科技局副局长徐一冰", 9), lex.title_ending_at("青岛市科技局副局长徐一冰", 9, floor=6)
        ('科技局副局长', '副局长')
        """
        ends = self.title_last_chars
        if ends is not None and 0 < j <= len(text) and text[j - 1] not in ends:
            return None  # no title ends with the character before ``j`` (most positions asked about)
        return next((text[k:j] for k in range(max(floor, j - self.longest_title), j) if text[k:j] in self.titles), None)

    @cached_property
    def title_last_chars(self) -> frozenset[str] | None:
        """The characters the titles end with (None when an empty title is listed: it would end anywhere)."""
        return None if "" in self.titles else frozenset(t[-1] for t in self.titles)

    def without_sources_of(self, doc_id: str, forms: frozenset[str] = frozenset()) -> Lexicons:
        """The lexicons minus entries learned only from ``doc_id`` (leave-one-out).

        ``forms`` widens this to the strictest reading: every known name or
        industry any of whose forms is in ``forms`` (the names of that
        document's gold entities found in no other document) is dropped too,
        whatever its recorded source.
        """
        known = tuple(k for k in self.known if k.sources != frozenset({doc_id}) and not forms.intersection(k.forms))
        industries = self.industries
        if forms:
            dropped = {canon for surface, canon in industries.items() if surface in forms or canon in forms}
            industries = {a: c for a, c in industries.items() if c not in dropped}
        return replace(self, known=known, industries=industries)


def _data_dir() -> Path:
    with resources.as_file(resources.files("kg") / "data") as p:
        return Path(p)


@lru_cache(maxsize=1)
def _default() -> Lexicons:
    return _load(_data_dir())


def _require(path: Path) -> Path:
    """A lexicon file that is missing is an error: loading it as empty would silently change every result."""
    if not path.is_file():
        raise KgUsageError(f"lexicon file {path} is missing; reinstall kg or restore the file (see kg/data/README.md)")
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with open(_require(path), encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh, delimiter="\t")]


def _words(path: Path) -> list[str]:
    with open(_require(path), encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _sources(row: dict[str, str]) -> frozenset[str]:
    return frozenset(s.strip() for s in row.get("sources", "").replace(",", "|").split("|") if s.strip())


_ETDZ = "经济技术开发区"


def _etdz_variants(row: dict[str, str], regions: dict[str, str], zoned: set[str]) -> tuple[str, ...]:
    """The names news gives a national economic and technological development zone besides its own
    (`吴江经济技术开发区`): `吴江经济开发区`, `吴江市经济开发区` (a county-level city's old name too), and
    `吴江开发区` where the place has no national high-tech zone (``zoned``: first two characters of theirs)
    that `开发区` could mean as well.

    >>> _etdz_variants({"name": "吴江经济技术开发区", "kind": "etdz"}, {"吴江": "吴江区"}, set())
    ('吴江经济开发区', '吴江市经济开发区', '吴江开发区')
    >>> _etdz_variants({"name": "苏州工业园区", "kind": "etdz"}, {}, set())
    ()
    """
    name = row["name"]
    if row.get("kind") != "etdz" or not name.endswith(_ETDZ) or len(name) - len(_ETDZ) < 2:
        return ()
    region = name[: -len(_ETDZ)]
    out = [region + "经济开发区"]
    if not region.endswith(("市", "县", "区")):
        out.append(region + "市经济开发区")
    if region[:2] not in zoned:
        out.append(region + "开发区")
    return tuple(out)


def _load(data: Path) -> Lexicons:
    lexdir = data / "lexicons" if (data / "lexicons").is_dir() else data
    regions: dict[str, str] = {}
    for row in _rows(lexdir / "admin_divisions.tsv"):
        name, short = row["name"], row.get("short", "")
        regions.setdefault(name, name)
        if short and len(short) >= 2:
            regions.setdefault(short, name)
    titles = {r["title"]: r.get("kind", "") for r in _rows(lexdir / "titles.tsv") if r.get("title")}
    suffixes: dict[str, list[str]] = {"company": [], "org": [], "park": [], "fund": []}
    for r in _rows(lexdir / "legal_forms.tsv"):
        if r.get("kind") in suffixes and r.get("suffix"):
            suffixes[r["kind"]].append(r["suffix"])
    known: list[KnownEntity] = []
    for r in _rows(lexdir / "known_entities.tsv"):
        known.append(KnownEntity(r["name"], r["type"], _split(r.get("aliases", "")), _sources(r), r.get("note") == "ambiguous"))
    for r in _rows(lexdir / "enterprises.tsv"):
        forms = [f for f in (r.get("short", ""), *_split(r.get("aliases", ""))) if f and f != r["name"]]
        known.append(KnownEntity(r["name"], "COMPANY", tuple(dict.fromkeys(forms)), _sources(r), r.get("note") == "ambiguous"))
    park_rows = list(_rows(lexdir / "parks.tsv"))
    zoned = {r["name"][:2] for r in park_rows if r.get("kind") == "hightech_zone"}  # places with a high-tech zone too
    for r in park_rows:
        known.append(KnownEntity(r["name"], "PARK", _split(r.get("aliases", "")) + _etdz_variants(r, regions, zoned), _sources(r)))
    industries: dict[str, str] = {}
    for r in _rows(lexdir / "industries.tsv"):
        industries.setdefault(r["name"], r["name"])
        for a in _split(r.get("aliases", "")):
            industries.setdefault(a, r["name"])

    def by_length(items: list[str]) -> tuple[str, ...]:
        return tuple(sorted(set(items), key=lambda s: (-len(s), s)))

    return Lexicons(
        regions=regions,
        titles=titles,
        company_suffixes=by_length(suffixes["company"]),
        org_suffixes=by_length(suffixes["org"]),
        park_suffixes=by_length(suffixes["park"]),
        fund_heads=by_length(suffixes["fund"]),
        known=tuple(known),
        industries=industries,
        surnames=frozenset(_words(data / "surnames.txt")),
        boundaries=frozenset(_words(data / "name_boundaries.txt")),
        departments=frozenset(_words(data / "departments.txt")),
        directory=data,
    )
