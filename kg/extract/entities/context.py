"""What the entity rules share: the :class:`Mention` record, the per-text context (:class:`_Ctx`),
the literal matcher (:class:`_Trie`) and the helpers that find where a name starts.

A name grows leftwards from its suffix (``有限公司``, ``管理局``, ``产业园``) over name characters
until a boundary word (``位于``, ``的``, ``企业``…), punctuation or a name already accepted. With
tokens (words from the segmenter, tagged with their part of speech in jieba's dictionary), whole
words are taken and a verb, preposition, adverb… ends the name. A body made only of generic words
(``两大科技`` before ``公司``) names no one:

>>> _generic("两大科技", {"科技"}), _generic("青岛科技", {"科技"})
(True, False)
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from kg.kb import rules
from kg.kb.lexicons import Lexicons


@dataclass(frozen=True)
class Mention:
    """An entity mention in the normalized text.

    ``key`` is the canonical name the rule proposes (the full name for a
    short form); :mod:`kg.extract.document` maps offsets back to the raw text.
    """

    start: int
    end: int
    type: str
    text: str
    rule: str
    key: str = ""


# A CJK character; a character that may stand in a name (with letters, digits, brackets and `·`).
_CJK = re.compile(r"[\u4e00-\u9fff]")

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()·]")

# A count inside a name (`两大`, `三类`, `8家`, `一区一`): the suffix heads a counted list, not a name.
_COUNT_INSIDE = re.compile(r"一些|某些|若干|[0-9一二两三四五六七八九十百几多]+[大个类批座条强]|(?:[0-9]+|[两三四五六七八九十几多数])[家地间所]|一[楼区园镇村]一")

# A count before a name: digits, or Chinese numerals with a measure word (`四大`, `数十个`; `数字` is no count).
_COUNT_PREFIX = re.compile(r"^(?:[0-9]+(?![0-9A-Za-z])[大个家所座类批项国条强]?|[一二两三四五六七八九十百千万几多数]+[大个家所座类批项国条强])+")


#: Up to this many forms, :meth:`_Trie.finditer_all` searches for each form instead of scanning the text.
_FEW_FORMS = 64


class _Trie:
    """Literal multi-string matcher: forms by their first two characters, longest first.

    >>> t = _Trie(["有限公司", "公司", "局"])
    >>> list(t.finditer("某某有限公司和科技局")), t.longest_at("公司", 0)
    ([(2, '有限公司'), (4, '公司'), (9, '局')], '公司')
    """

    def __init__(self, forms: Iterable[str]) -> None:
        forms = set(forms)
        self.short = frozenset(f for f in forms if len(f) == 1)
        long: dict[str, list[str]] = {}
        for f in forms:
            if len(f) >= 2:
                long.setdefault(f[:2], []).append(f)
        self.long = {k: sorted(v, key=lambda s: (-len(s), s)) for k, v in long.items()}
        # per first two characters, the lengths of the forms (longest first) and the forms: finditer tries
        # one slice per length, not every form (a pair such as `中国` opens hundreds of known names)
        self._by_length = {k: (tuple(sorted({len(f) for f in v}, reverse=True)), frozenset(v)) for k, v in long.items()}
        self._forms = [f for f in forms if f]
        self._compiled: re.Pattern[str] | None | bool = False  # the start pattern, made on first use
        self._last: tuple[str, list[tuple[int, str]]] | None = None  # finditer's last text and answer

    @property
    def _starts(self) -> re.Pattern[str] | None:
        """Where a form can start: a one-character form, or a first character of a longer form followed by
        a second character of one. The regex engine finds those positions, and the loops visit only them
        (a superset of the starts: the loops check the pair). Made on first use: a trie of one document's
        few names (:meth:`finditer_all`) does without it, and compiling costs more than its scan."""
        if self._compiled is False:
            def chars(cs: set[str] | frozenset[str]) -> str:
                return "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"

            alternatives = [chars(self.short)] if self.short else []
            if self.long:
                alternatives.append(chars({k[0] for k in self.long}) + "(?=" + chars({k[1] for k in self.long}) + ")")
            self._compiled = re.compile("|".join(alternatives)) if alternatives else None
        return self._compiled  # type: ignore[return-value]

    def _at(self, text: str, i: int) -> Iterator[str]:
        """The forms that start at ``i``, longest first."""
        for f in self.long.get(text[i:i + 2], ()):
            if text.startswith(f, i):
                yield f
        if text[i] in self.short:
            yield text[i]

    def _positions(self, text: str) -> Iterable[int]:
        """The positions where a form may start (its first character is there)."""
        return (m.start() for m in self._starts.finditer(text)) if self._starts is not None else ()

    def longest_at(self, text: str, i: int) -> str | None:
        """The longest form starting at ``i``, or None."""
        if i >= len(text):
            return None
        for f in self.long.get(text[i:i + 2], ()):
            if text.startswith(f, i):
                return f
        return text[i] if text[i] in self.short else None

    def finditer_all(self, text: str) -> Iterable[tuple[int, str]]:
        """Every (position, form) occurrence, all forms at each position (longest first)."""
        if len(self._forms) <= _FEW_FORMS:  # one search per form, in C; sorted as the scan finds them
            found = []
            for f in self._forms:
                i = text.find(f)
                while i >= 0:
                    found.append((i, f))
                    i = text.find(f, i + 1)
            found.sort(key=lambda x: (x[0], -len(x[1]), x[1]))
            yield from found
            return
        for i in self._positions(text):
            for f in self._at(text, i):
                yield i, f

    def finditer(self, text: str) -> list[tuple[int, str]]:
        """The longest form at each position where one starts.

        The rules ask the same trie about the same text many times per document: the last answer is
        kept, for the same string object (one tuple, replaced whole, so threads may share a trie)."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        found: list[tuple[int, str]] = []
        starts = self._starts
        if starts is not None:
            # longest_at, inlined: this loop visits most characters of every document. The longest form at i
            # is the slice of the greatest length that is a form (a slice cut short by the text's end can
            # only be a form that ends there, the longest one that fits)
            by_length, short = self._by_length, self.short
            for m in starts.finditer(text):
                i = m.start()
                bucket = by_length.get(text[i:i + 2])
                if bucket is not None:
                    lengths, forms = bucket
                    for n in lengths:
                        f = text[i:i + n]
                        if f in forms:
                            found.append((i, f))
                            break
                    else:
                        if text[i] in short:
                            found.append((i, text[i]))
                elif text[i] in short:
                    found.append((i, text[i]))
        self._last = (text, found)
        return found


#: A token from the segmenter: (start, end, part of speech from the
#: dictionary, or None for a word the dictionary does not know).
Token = tuple[int, int, "str | None"]

# Parts of speech (jieba's dictionary tag set) that never sit inside a name:
# verbs, prepositions, conjunctions, particles, adverbs, pronouns, numerals,
# measure words, locality words, time words, adjectives, interjections.
# Only whole words of two or more characters stop a name by their tag: the
# dictionary's tags are noisy (`高速` adverb, `北部` locality), and unknown
# brand names come out as single characters with any tag (`聚`, `极`).
STOP_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "rr", "rz", "y", "e", "o", "t", "tg", "v", "vd", "d"})

# Adverbial adjectives of the clause (`公开`, `积极`): unlike other `ad` words (`大全`), never inside a name.
_CLAUSE_ADVERBS = frozenset(rules.words("clause_adverbs"))

# Verbs (and words the dictionary tags as adverbs, `高新`) that are at home inside names (`创新中心`, `投资发展集团`).
_NAME_VERBS = frozenset(rules.words("name_verbs"))

# Function characters and parts of speech: never inside a name.
_FUNCTION_CHARS = set("与和及或在的将对向由以为从把被于等是予据")

# Conjunctions that open a clause and that the segmenter glues to an unknown name after them (`而雷马`).
_CLAUSE_CONJUNCTIONS = frozenset("而但且")

_FUNCTION_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "o"})

# Single characters that are adverbs or auxiliaries of the clause (`要全面…`, `并…`; the written `亦`, `却`,
# `惟` of Hong Kong and Taiwan prose: `惟|科技园`).
_CLAUSE_CHARS = frozenset("要让使并都也还就又才已曾而亦却惟")

# Adverbs that open an unknown word glued to a name after them (`刚进|公司`, `可交|刑事调查公司`). Alone they do not
# end a name: `可` opens `可再生能源` (`中国可再生能源学会`), a word of many names.
_CLAUSE_OPENING_CHARS = _CLAUSE_CHARS | frozenset("刚可")

# One-character verbs of motion, giving and holding that stand before a place's or a park's name and are
# never the first word of one (`送|上海保税区`, `去|吴江开发区`, `掌|科技园`, `到|园区`); verbs common in
# names (`立`, `创`, `会`) are not among them.
_CLAUSE_VERBS = frozenset(rules.words("clause_verbs"))

# Verbs the dictionary tags as nouns (`委托/n`, `竞购/vn`), which would otherwise pass for words of a name.
_NOUN_TAGGED_VERBS = frozenset(rules.words("noun_tagged_verbs"))

# Verbs of planning and building that end a park's name on its left
# (`加快建设海洋生物医药科技园`); company and office names may contain them. So do words of position
# (`…新城北侧|北环工业园`): what stands before them only says where the park lies.
_PARK_BOUNDARY = frozenset(rules.words("park_boundary_verbs")) | frozenset(rules.words("park_position_words"))


@dataclass
class _Ctx:
    """One text as the rules see it: its tokens and dictionary, what is already taken, what was found.

    The indexes built from the tokens (by start, end and covered position) answer the rules'
    questions in constant time: does a word start here, which word ends here.
    """

    text: str
    lex: Lexicons
    tokens: list[Token] | None  # None: no word segmentation (characters)
    taken: list[bool]  # characters already inside an accepted name
    words: Mapping[str, str] = field(default_factory=dict)  # dictionary word -> part of speech
    found: list[Mention] = field(default_factory=list)  # names accepted so far (earlier passes)

    def __post_init__(self) -> None:
        tokens = self.tokens
        self.starts = frozenset(t[0] for t in tokens) if tokens is not None else None
        self.by_end = {t[1]: t for t in tokens} if tokens is not None else {}
        self._token_starts = [t[0] for t in tokens] if tokens is not None else []
        self.by_pos: dict[int, Token] = {i: t for t in tokens for i in range(t[0], t[1])} if tokens is not None else {}

    def with_taken(self, taken: list[bool]) -> _Ctx:
        """The same text, tokens and indexes (shared, not built again), with other characters taken."""
        other = copy.copy(self)
        other.taken, other.found = taken, []
        return other

    def tokens_in(self, a: int, b: int) -> list[Token]:
        """The tokens inside ``[a, b)`` (bisect on the sorted token starts: no full scan)."""
        if self.tokens is None:
            return []
        lo = bisect_left(self._token_starts, a)
        hi = bisect_left(self._token_starts, b)
        return [t for t in self.tokens[lo:hi] if t[1] <= b]

    def is_token_boundary(self, i: int) -> bool:
        """Does a word start at ``i`` (always true without tokens, and at the end of the text)?"""
        return self.starts is None or i in self.starts or i >= len(self.text)


@lru_cache(maxsize=8)
def _tries(lex: Lexicons) -> dict[str, _Trie]:
    """The lexicons' suffixes, titles, regions, boundary words and industries as tries (built once per lexicons)."""
    return {
        "company": _Trie(lex.company_suffixes),
        "org": _Trie(lex.org_suffixes),
        "park": _Trie(lex.park_suffixes),
        "fund": _Trie(lex.fund_heads),
        "titles": _Trie(lex.titles),
        "regions": _Trie(r for r in lex.regions if len(r) >= 2),
        "boundaries": _Trie(lex.boundaries),
        "industries": _Trie(i for i in lex.industries if len(i) >= 2),
    }


@lru_cache(maxsize=8)
def _bw_index(lex: Lexicons) -> dict[str, tuple[str, ...]]:
    """The boundary words by their last character, to look back from a position."""
    idx: dict[str, list[str]] = {}
    for w in lex.boundaries:
        idx.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in idx.items()}


def _boundary_ends_at(ctx: _Ctx, j: int) -> int:
    """Length of a boundary word ending at ``j`` (0 if none)."""
    if j <= 0:
        return 0
    text = ctx.text
    for w in _bw_index(ctx.lex).get(text[j - 1], ()):
        n = len(w)
        if n <= j and text.startswith(w, j - n) and ctx.is_token_boundary(j - n) and ctx.is_token_boundary(j):
            return n
    return 0


# Last characters of an unknown word of the segmenter that end the clause before a name: prepositions and
# the verbs of appointing and causing (`判予`, `现由`, `曾任`, `会令`).
_CLAUSE_ENDING_CHARS = frozenset(_FUNCTION_CHARS) | frozenset("任令替给让使")


def _extend_left(ctx: _Ctx, s: int, max_len: int, extra_boundaries: frozenset[str] = frozenset(), inside: frozenset[str] = frozenset()) -> int:
    """Leftmost start of a name ending at ``s``: over name characters, not
    across punctuation, a boundary word or an accepted name. With tokens,
    whole words are taken and a verb, preposition, adverb… ends the name,
    except the words ``inside`` (verbs at home in the names of one kind)."""
    if ctx.tokens is not None:
        return _extend_left_tokens(ctx, s, max_len, extra_boundaries, inside)
    text = ctx.text
    j = s
    while j > 0 and s - j < max_len:
        if _boundary_ends_at(ctx, j) or any(text.startswith(w, j - len(w)) for w in extra_boundaries if j >= len(w)):
            break
        ch = text[j - 1]
        if ctx.taken[j - 1] or not _NAME_CHAR.match(ch):
            break
        if ch == ")" and "(" not in text[max(0, j - 8):j - 1]:
            break
        if ch == "(" and ")" not in text[j:s]:  # an opening bracket must close inside the name
            break
        j -= 1
    # a region name inside the window anchors the start (`直属企业青岛海洋…` → `青岛…`)
    return j


@lru_cache(maxsize=4)
def _city_initials(lex: Lexicons) -> frozenset[str]:
    """The first characters of the cities' names (`攀` of 攀枝花): the initial of a firm's short form."""
    return frozenset(c[0] for c in lex.cities)


def firm_short_form(word: str, pos: str | None, lex: Lexicons) -> bool:
    """`攀钢` (tagged a verb): a city's initial and its metal or fuel is a state firm's short form, not a verb."""
    return pos == "v" and len(word) == 2 and word[1] in "钢铁煤铝" and word[0] in _city_initials(lex)


def _stops_name(word: str, pos: str | None, lex: Lexicons, extra: frozenset[str]) -> bool:
    """Does the word (with its part of speech) end a name growing to the left?"""
    if word in lex.boundaries or word in extra:
        return True
    if firm_short_form(word, pos, lex):
        return False
    if len(word) == 1:
        return word in _FUNCTION_CHARS or word in _CLAUSE_CHARS or pos in _FUNCTION_POS or (pos == "v" and word in _CLAUSE_VERBS)
    if word[-1] == "到" and word not in lex.regions:
        return True  # `管道|输送到|园区`: a verb with its complement of direction ends the clause before a name
    if pos == "i" or (pos == "l" and _boundary_inside(word, lex)) or word in _NOUN_TAGGED_VERBS:
        return True  # an idiom or fixed phrase with a verb of the clause (`紧紧围绕`) is never inside a name
    if pos == "ad":
        return word in _CLAUSE_ADVERBS  # `公开|晶苑集团`, but `大全集团`
    return pos in STOP_POS and word not in _NAME_VERBS and not (len(word) >= 2 and pos in ("v", "d", "t") and word in lex.regions)  # `大连|`/d


def _adverb_and_verb(words: Mapping[str, str], word: str, pos: str | None = None) -> bool:
    """`充分肯定` (tagged ``nz``), `努力实现` (``nr``): an adverb and a verb that the dictionary keeps as one word
    under a noun's tag are a predicate, never inside a name; so is a fixed phrase (``l``) that ends with a verb
    not at home in names (`高度|重视`, but `技术|创新`)."""
    if pos == "l" and len(word) == 4 and words.get(word[2:]) == "v" and word[2:] not in _NAME_VERBS:
        return True
    return len(word) >= 4 and words.get(word[:2]) in ("d", "ad") and words.get(word[2:]) == "v"


@lru_cache(maxsize=8)
def _boundary_pattern(lex: Lexicons) -> re.Pattern[str]:
    """The boundary words of two or more characters as one pattern, longest first."""
    return re.compile("|".join(sorted((re.escape(b) for b in lex.boundaries if len(b) >= 2), key=len, reverse=True)))


def _boundary_inside(word: str, lex: Lexicons) -> bool:
    """Does the word contain a boundary word (`紧紧围绕`)?"""
    return _boundary_pattern(lex).search(word) is not None


def _extend_left_tokens(ctx: _Ctx, s: int, max_len: int, extra: frozenset[str] = frozenset(), inside: frozenset[str] = frozenset()) -> int:
    """:func:`_extend_left` over whole words: back until a word that stops a name (or ``max_len``)."""
    text = ctx.text
    j = s
    inner = ctx.by_pos.get(s)
    if inner is not None and inner[0] < s:  # the suffix starts inside a word: take the word's head
        head = text[inner[0]:s]
        if _NAME_CHAR.match(head[-1]) and not _stops_name(head, None, ctx.lex, extra) and head[-1] not in _FUNCTION_CHARS:
            j = inner[0]
        else:
            return s
    while j > 0 and s - j < max_len:
        tok = ctx.by_end.get(j)
        if tok is None:
            break
        ts, te, pos = tok
        word = text[ts:te]
        if any(ctx.taken[i] for i in range(ts, te)) or not all(_NAME_CHAR.match(c) for c in word):
            break
        if "(" in word and ")" not in text[ts + word.index("("):s]:  # an opening bracket must close inside the name
            break
        if word in inside and j < s and _proper_word(ctx, j):
            break  # `采购|滨江大学`: the clause's verb before a place or a name, not a word of the name
        if word not in inside and (_stops_name(word, pos, ctx.lex, extra) or _adverb_and_verb(ctx.words, word, pos) or pos is None and word[0] in "该此"):
            break  # `该厅|公路管理局`: an anaphor of a body is not part of the next one's name
        if pos is None and len(word) > 1 and (word[0] in _FUNCTION_CHARS or word[0] in _CLAUSE_CONJUNCTIONS):
            # `与鹏`, `而雷马` from an unknown word: the clause's function word or conjunction;
            # `或令|科技园`: "or make", no name's head
            j = ts + 1 if word[1:] not in _CLAUSE_ENDING_CHARS else te
            break
        if pos is None and len(word) > 1 and word[0] in _CLAUSE_OPENING_CHARS:
            break  # `刚进|公司`, `可交|刑事调查公司`: an unknown word that opens with the clause's adverb
        if pos is None and len(word) > 1 and word[-1] in _CLAUSE_ENDING_CHARS:
            break  # `判予|`, `现由|`, `曾任|`, `会令|`: an unknown word that ends with the clause's preposition or verb
        if s - ts > max_len:
            break
        j = ts
    return j


def _proper_word(ctx: _Ctx, j: int) -> bool:
    """Is the word starting at ``j`` a place or a proper name (`滨江`, a division, a ``ns``/``nt``/``nz``/``nr`` word)?"""
    tok = ctx.by_pos.get(j)
    return tok is not None and tok[0] == j and (tok[2] in ("ns", "nt", "nz", "nr", "nrt") or ctx.text[tok[0]:tok[1]] in ctx.lex.regions)


def _anchor_region(ctx: _Ctx, j: int, s: int) -> int:
    """Move a start forward to the first region name inside ``[j, s)`` when
    what precedes that region is not itself part of a region/name chain."""
    if ctx.tokens is not None:  # with words, the extension already stopped at the right word, but for
        tok = ctx.by_pos.get(j)  # `原` (former) as a word of its own: `原|中国民航学院`, not `原平市`, `原子能`
        return j + 1 if ctx.text[j:j + 1] == "原" and tok is not None and tok[:2] == (j, j + 1) and s - j > 2 else j
    regions = _tries(ctx.lex)["regions"]
    text = ctx.text
    if regions.longest_at(text, j) if j < len(text) else None:
        return j
    for i in range(j + 1, s):
        r = regions.longest_at(text, i)
        if r and i + len(r) <= s:
            before = text[j:i]
            if len(before) >= 2 and not _CJK.search(before[-1:]) is None:
                return i
    return j


def _strip_count(body: str) -> str:
    """The body without a count in front (`四大`, `12个`)."""
    return _COUNT_PREFIX.sub("", body)


def _generic(body: str, generic: frozenset[str]) -> bool:
    """True when ``body`` is made only of generic words (greedy split)."""
    body = _strip_count(body)
    if not body:
        return True
    # the longest word at each position: by length, longest first (sorting the words per call cost more)
    lengths = _lengths(generic) if isinstance(generic, frozenset) else _word_lengths(generic)
    i, n = 0, len(body)
    while i < n:
        for k in lengths:
            if i + k <= n and body[i:i + k] in generic:
                i += k
                break
        else:
            return False
    return True


def _word_lengths(words: Iterable[str]) -> tuple[int, ...]:
    """The lengths of the (non-empty) words, longest first."""
    return tuple(sorted({len(w) for w in words if w}, reverse=True))


@lru_cache(maxsize=32)
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    return _word_lengths(words)
