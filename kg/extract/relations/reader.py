"""The shared machinery of the relation rules: one pass over a document, sentence by sentence.

:class:`Reader` splits the normalized text into paragraphs, sentences (:func:`split_sentences`) and
clauses (:func:`split_clauses`), gives each clause its subject (:meth:`Reader.subject_at`), carries a
topic from sentence to sentence (:meth:`Reader.carry`) and offers the rule families what they share:
mention lookup (:meth:`Reader.mentions_in`, :meth:`Reader.coordinated`, :meth:`Reader.list_at`), the
title lexicon (:class:`TitleLexicon`), anaphors (:meth:`Reader.resolve`) and :meth:`Reader.rel`, which
records a relation. The rule families themselves live in the sibling modules; the package's
``__init__`` runs them on every :class:`Sentence` this reader yields.

>>> split_sentences("园区成立于2010年。目前有企业百家!")
[(0, 11), (11, 19)]
>>> split_clauses("近年来,园区聚焦新材料;成效显著", 0, 16)
[(0, 3), (4, 11), (12, 16)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from kg.extract.entities import Mention
from kg.extract.jieba_dict import pos_dictionary
from kg.kb import rules

ORG_LIKE = ("ORG", "COMPANY", "PARK")
RELATION_TYPES = ("HOLDS_POST", "LOCATED_IN", "PART_OF", "FOCUSES_ON", "LEADS_CHAIN", "INVESTS_IN", "OPERATES",
                  "PARTNERS_WITH", "SUBSIDIARY_OF")


@dataclass(frozen=True)
class Relation:
    """A relation between two mentions, with the sentence (normalized offsets) that states it."""

    head: Mention
    type: str
    tail: Mention
    sent_start: int
    sent_end: int
    rule: str
    attrs: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


# ---------------------------------------------------------------- sentences and clauses

#: A "sentence" longer than this (a list run together with commas) is cut at commas,
#: so the per-sentence rules stay linear in the text.
MAX_SENTENCE = 400

#: Up to `。!?`, a line end, or a space between Chinese characters (`…万亿元 记者从海关获悉`: a headline and the next story).
_SENTENCE = re.compile(r"[^。!?\n]+?(?:[。!?]+|(?=\n)|$|(?<=[\u4e00-\u9fff”])(?=[ \t\u3000]+[\u4e00-\u9fff“\d]))")
_CLAUSE_SEP = re.compile(r"[,;:]|…+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: up to `。!?`, a line end or a space between Chinese characters; over-long ones cut at commas."""
    out = []
    for m in _SENTENCE.finditer(text):
        if not m.group().strip():
            continue
        a, b = m.span()
        while b - a > MAX_SENTENCE:
            cut = max(text.rfind(",", a, a + MAX_SENTENCE), text.rfind(";", a, a + MAX_SENTENCE))
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def split_clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Clause spans of the sentence ``[a, b)``: cut at `,;:` and `……` (the separators left out)."""
    out, i = [], a
    for m in _CLAUSE_SEP.finditer(text, a, b):
        if m.start() > i:
            out.append((i, m.start()))
        i = m.end()
    if i < b:
        out.append((i, b))
    return out or [(a, b)]


# ---------------------------------------------------------------- lexical cues

#: List markers: `一是`, `第二`, `三、`, `4.`.
_ENUMERATION = r"[一二三四五六七八九十]是|第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|\d+[.、]"
#: Adverbials, list markers and dates that may open a clause before its subject (tried in this order, repeatedly).
LEAD = re.compile(rf"(?:[\s“”\"‘’「」『』●•·\-*]+|{rules.alternation('clause_lead_words')}|{_ENUMERATION}|"
                  rf"{rules.pattern('clause_lead_times')})*")
#: Heads after an entity that make the clause about something else (`协会会员企业`, `歌尔科研人员`).
_OTHER_HEAD = re.compile(rules.pattern("subject_other_heads"))
_SPEAKER_HEAD = re.compile(r"(?:相关)?负责人|方面")
_SPEECH = re.compile(rf"^(?:在[^,]{{0,20}}时)?(?:{rules.alternation('speech_verbs')})$")
_BULLET = re.compile(r"[●•▪◆■·\-*]|\d+[.、]|[一二三四五六七八九十]+、|[一二三四五六七八九十]是")
_ITEM_SUFFIX = re.compile(r"(?:全球[A-Za-z]*)?(?:总部|基地|公司)?")
#: The rest of a name the entity stage cut short, or a whole name it missed (`兰化所青岛研发中心`).
_NAME_REST = re.compile(rf"[^,;:。的了是在将为对把被与和及、]{{1,22}}?(?:{rules.alternation('list_item_name_ends')})")
_VERB_START = re.compile(rules.alternation("name_leading_host_verbs"))
_NAME_CHUNK = re.compile(r"[^,;:。的了是在将为对把被与和及、等向]{1,12}")  # `A累计向甘肃、青海…`: a verb phrase, no name
_LIST_STOP = re.compile(r"等|在内|为代表|[,;:。)”]")
_SHORT_NAME = re.compile(r"[^,;:。的了是在将为对把被与和及、等\d]{2,8}")
_LIST_SEP = re.compile(r"、|以及|和|与|及|同|,")
#: An attribute noun opening a clause about the subject in force (`常住人口`, `规划面积`).
#: An age before a person's name (`47岁的李华`).
_AGE = re.compile(r"\d{1,3}岁$")
_ATTRIBUTE = re.compile(rf"(?:{rules.alternation('subject_attribute_nouns')})(?:约|达|为|超过?|近|\d)")

#: A park anaphor (`该园区`, `这里`, `示范区内`); also what `由A和B开发运营的园区` may end with.
PARK_ANAPHOR = re.compile(rf"{rules.pattern('park_anaphors')}|(?:{rules.alternation('park_anaphor_classes')})内?")
_ANAPHORS = (
    ("COMPANY", re.compile(r"该公司|该企业|该集团|公司|企业")),
    ("ORG", re.compile(rf"该({rules.alternation('org_anaphor_classes')})")),
    ("PARK", PARK_ANAPHOR),
)
#: Class words of a park anaphor (`示范区内`): it refers to the last park whose name ends with the word.
_PARK_CLASSES = rules.words("park_anaphor_classes")
#: Words a clause opens with when its subject is left out (`聚焦…`, `加快推进…`, `在…`, `依托…`).
_PREDICATE = re.compile(rules.alternation("clause_predicate_openers"))
_REGION_WORDS = re.compile(rules.alternation("region_subject_words"))
#: A description right before a subject's name: a class noun (`法资企业B`), a demonstrative (`正在建设的这个B`) or a
#: quantifier before a quoted name (`一个“B实验室”刚刚成立`).
_DESCRIBED = re.compile(rf"(?:[^,;:。□、“”\d的]{{1,6}}?(?:{rules.alternation('firm_class_nouns')})|[^,;:。□]{{1,12}}?的(?:这|该)[个座家所]|"
                        r"[一这该][个家座所][“\"「])")
_CAUSATIVE = re.compile(r"(?:也|就|更)?[让使令]")
#: Parts of speech (jieba's dictionary) of a word that opens a predicate: verbs, prepositions, adverbs, conjunctions.
_PREDICATE_POS = frozenset({"v", "vn", "vd", "vi", "p", "d", "ad", "c", "z"})
#: Modifiers a title may carry (`执行总裁`, `常务副总经理`), tried in this order.
_TITLE_MOD = rules.words("post_title_modifiers")
#: The words between a parent and its unit (`A直属企业B`, `A旗下B`): read through by subjects, a cue of SUBSIDIARY_OF.
SUBSIDIARY_CUE = re.compile(rf"^(?:{rules.pattern('subsidiary_cues')})$")
#: `以A等为载体`: the carriers (group 1) of a zone's plan; shared by FOCUSES_ON and PART_OF.
CARRIER = re.compile(rf"以([^,;]{{0,40}}?)等?为(?:{rules.alternation('carrier_roles')})")
#: Names of zones (a park that has parts: `高新区`, `科学城`, `蓝谷`).
ZONE = re.compile(rf"({rules.alternation('parent_zone_ends')})$")
#: Locative frames (:meth:`Reader.frame_of`): what may precede the park, what may follow it.
_FRAME_LEAD = re.compile(rf"\s*(?:而|但|并)?(?:{rules.alternation('frame_walk_verbs')})?(?:在|于)?")
_FRAME_REST = re.compile(rf"(?:[^,;]{{0,20}}?(?:范围内|区域内))?(?:{rules.alternation('frame_inside_words')})?")
_FRAME_ADDRESS = re.compile(rf"[^,;]{{0,16}}?(?:{rules.alternation('frame_address_words')})")


_LONGEST: dict[int, tuple[object, int]] = {}


def _longest(words: frozenset[str] | set[str]) -> int:
    """The length of the longest word (cached per set: the city names are the same for every document)."""
    hit = _LONGEST.get(id(words))
    if hit is None or hit[0] is not words:
        hit = (words, max((len(w) for w in words), default=0))
        _LONGEST[id(words)] = hit
    return hit[1]


_LENGTHS_BY_FIRST: dict[int, tuple[object, dict[str, tuple[int, ...]]]] = {}


def _lengths_by_first(words: frozenset[str] | set[str]) -> dict[str, tuple[int, ...]]:
    """First character → the lengths (two or more, longest first) of the words that start with it (cached per set)."""
    hit = _LENGTHS_BY_FIRST.get(id(words))
    if hit is None or hit[0] is not words:
        index: dict[str, set[int]] = {}
        for w in words:
            if len(w) >= 2:
                index.setdefault(w[0], set()).add(len(w))
        hit = (words, {c: tuple(sorted(ns, reverse=True)) for c, ns in index.items()})
        _LENGTHS_BY_FIRST[id(words)] = hit
    return hit[1]


def _first_word_pos(text: str, p: int, b: int) -> str | None:
    """The dictionary part of speech of the longest word (up to 4 characters) at ``p``."""
    pos = pos_dictionary()
    for n in range(min(4, b - p), 0, -1):
        tag = pos.get(text[p:p + n])
        if tag is not None:
            return tag
    return None


# ---------------------------------------------------------------- subjects


@dataclass(frozen=True)
class Subject:
    """Who a clause is about: entities (a list), a person, or a blocker (a region, a plan, another noun);
    ``industry`` for a clause about an industry of the subject in force."""

    kind: str  # entity | person | region | plan | other | industry
    ms: tuple[Mention, ...] = ()
    speech: bool = False  # `徐一冰表示,…`: the person only speaks; what follows is about the topic
    carried: bool = False  # resolved from earlier text (anaphor, topic), not named in the clause

    @property
    def head(self) -> Mention | None:
        return self.ms[0] if self.ms else None

    def of_type(self, *types: str) -> list[Mention]:
        return [m for m in self.ms if m.type in types] if self.kind == "entity" else []


_NONE = Subject("other")
_INDUSTRY = Subject("industry")
_PLAN = Subject("plan")  # `《数字青岛2021年行动方案》提出,…`: what follows is the plan's, no entity's


class TitleLexicon:
    """Titles with their modifiers (`执行总裁`, `常务副总经理`), matched back from a position."""

    _cache: dict[int, tuple[Mapping[str, str], TitleLexicon]] = {}

    def __init__(self, titles: Mapping[str, str]):
        self.titles = set(titles)
        self.kinds = dict(titles)
        self.maxlen = max((len(t) for t in self.titles), default=0)
        # the characters the titles end with (None when an empty title is listed: it would end anywhere)
        self.last_chars = None if "" in self.titles else frozenset(t[-1] for t in self.titles)
        self.first_chars = None if "" in self.titles else frozenset(t[0] for t in self.titles)

    def kind_of(self, title: str) -> str | None:
        """The kind of a title (`gov`, `party`, `company`, …): that of its longest known ending (`原副局长` → `副局长`)."""
        return next((self.kinds[title[k:]] for k in range(len(title)) if title[k:] in self.kinds), None)

    @classmethod
    def of(cls, titles: Mapping[str, str]) -> TitleLexicon:
        hit = cls._cache.get(id(titles))
        if hit is None or hit[0] is not titles:
            hit = (titles, cls(titles))
            cls._cache[id(titles)] = hit
        return hit[1]

    def ending_at(self, text: str, j: int, floor: int) -> str | None:
        """The longest title ending at ``j`` that starts at or after ``floor``, with its modifiers."""
        if self.last_chars is not None and 0 < j <= len(text) and text[j - 1] not in self.last_chars:
            return None  # no title ends with the character before ``j``
        for n in range(min(self.maxlen, j - floor), 0, -1):
            if text[j - n:j] in self.titles:
                k = j - n
                while True:
                    mod = next((p for p in _TITLE_MOD if k - len(p) >= floor and text.startswith(p, k - len(p))), None)
                    if mod is None:
                        break
                    k -= len(mod)
                return text[k:j]
        return None

    def _title_at(self, text: str, i: int, limit: int) -> str | None:
        """The longest title starting at ``i``."""
        if self.first_chars is not None and 0 <= i < len(text) and text[i] not in self.first_chars:
            return None  # no title starts with the character at ``i``
        return next((text[i:i + n] for n in range(min(self.maxlen, limit - i), 0, -1) if text[i:i + n] in self.titles), None)

    def run_at(self, text: str, i: int, limit: int) -> list[str]:
        """Titles starting at ``i`` (`副主任`, `创始人兼董事长` → two), up to a clause end."""
        out = []
        while i < limit:
            mod = ""
            while True:
                p = next((p for p in _TITLE_MOD if text.startswith(p, i + len(mod)) and not text.startswith(p + "长", i + len(mod))), None)
                if p is None:
                    break
                mod += p
            t = self._title_at(text, i + len(mod), limit)
            if t is None and mod:  # `首席执行官`: a title that opens with a modifier's words
                mod, t = "", self._title_at(text, i, limit)
            if t is None:
                break
            out.append(mod + t)
            i += len(mod) + len(t)
            if i < limit and text[i] in "、兼":
                i += 1
        return out


# ---------------------------------------------------------------- what a rule sees


@dataclass(frozen=True)
class Sentence:
    """One sentence as the rules see it: its span, mentions, clauses and their subjects."""

    start: int
    end: int
    mentions: list[Mention]  # the mentions inside the sentence, in reading order
    clauses: list[tuple[int, int]]
    subjects: list[Subject | None]  # the subject each clause names itself (None: it opens with its predicate)
    in_force: list[Subject | None]  # the subject in force in each clause: named, from a clause before or after, or carried
    main: Subject | None  # the first subject the sentence names: what it is about
    frame: list[tuple[int, Mention]]  # locative frames: (position from which it holds, park)

    def subject_park(self) -> Mention | None:
        """The first park among the subjects in force."""
        for s in self.in_force:
            if s is not None and s.of_type("PARK"):
                return s.of_type("PARK")[0]
        return None


@dataclass(frozen=True)
class Clause:
    """One clause of a :class:`Sentence`, with what the clause-level rules look at."""

    index: int  # its position in the sentence's clauses
    start: int
    end: int
    own: Subject | None  # the subject it names itself
    subject: Subject | None  # the subject in force
    mentions: list[Mention]
    seg: str  # its text with names masked: cue words are searched outside names

    @property
    def subject_parks(self) -> list[Mention]:
        return self.subject.of_type("PARK") if self.subject is not None else []

    @property
    def subject_firms(self) -> list[Mention]:
        return self.subject.of_type("COMPANY", "ORG") if self.subject is not None else []


# ---------------------------------------------------------------- the reader


_CLAUSE_BREAK = re.compile(r"[,;。]")
_LEAD_ITEMS = re.compile(r"(?:[^,;:。、]{1,20}、)+")
_SENTENCE_END_AT_END = re.compile(r"[。!?]$")
_SENTENCE_END_IN = re.compile(r"[。!?]")
_ITEM_OPENER = re.compile(r"\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[,、是]|[一二三四五六七八九十]+、)")
_WALK_INTO_AT_END = re.compile(r"(?:漫步|走进|来到)(?:在)?$")
_INSIDE = re.compile(r"(?:内|里|中)")
_WITHIN_AT_END = re.compile(r"范围内$")


class Reader:
    """One pass over a document: clause subjects, carried topics, and what the rules share.

    The rules run between :meth:`sentences` yielding a sentence and :meth:`carry` closing it; they add
    relations with :meth:`rel` and may update the paragraph state (``domain``, ``member_zone``).
    """

    def __init__(self, text: str, mentions: Sequence[Mention], titles: Mapping[str, str], regions: frozenset[str] | set[str]):
        self.text = text
        self.ms = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.ms]
        self.at_start: dict[int, Mention] = {}
        self.at_end: dict[int, Mention] = {}
        for m in self.ms:
            self.at_start.setdefault(m.start, m)
            if m.type in ORG_LIKE or m.type == "PERSON":
                self.at_end[m.end] = m
        # cue words are searched outside names: `有` in `有限公司`, `联合` in `企业联合会`
        chars = list(text)
        for m in self.ms:
            if m.type != "INDUSTRY":
                chars[m.start:m.end] = "□" * (m.end - m.start)
        self.masked = "".join(chars)
        self.titles = TitleLexicon.of(titles)
        self.regions = regions
        self.region_len = _longest(regions)
        self.region_lengths = _lengths_by_first(regions)
        self.out: list[Relation] = []
        # what earlier text makes available
        self.topic: Subject | None = None  # the subject carried to clauses without one
        self.topic_park: Mention | None = None  # the park the text is about
        self.last: dict[str, Mention] = {}  # the last mention of each type
        self.prev_parks: list[Mention] = []  # the parks of the previous sentence
        self.last_zone: Mention | None = None  # the last zone named (parent of `先行启动区`)
        self.member_zone: Mention | None = None  # `青岛高新区“一区多园”…` heading over member paragraphs
        self.scene: Mention | None = None  # `走进西安高新区,…——` over the next paragraph
        self.domain: list[Mention] = []  # industries of an `在X方面` frame in this paragraph
        self.pending_scene: Mention | None = None
        self.item_park: Mention | None = None  # the park an `一是…` item paragraph is about
        self.item_start = False
        self.walk_frame: Mention | None = None
        self.cur_sentence = (0, 0)
        self.prev_sentence: list[Mention] = []
        self.recent: list[Mention] = []  # ORG mentions of the last sentences (for `该委员会`)
        self.member_para = False  # the current paragraph set the member zone or named a member
        self._clauses: tuple[Sentence, list[Clause]] | None = None  # the last sentence's clauses (clauses_of)
        self._sentences: list[tuple[int, int]] | None = None  # split_sentences(text), made once

    # ------------------------------------------------------------ helpers

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The mentions inside ``[a, b)``, in reading order."""
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.ms) and self.ms[i].start < b:
            if self.ms[i].end <= b:
                out.append(self.ms[i])
            i += 1
        return out

    def near(self, sent: Sentence, h: Mention, p: int) -> bool:
        """Whether an actor named before the sentence (a carried topic, an anaphor's referent) is still what the
        text is about at ``p``: named in the same paragraph, or above it across heading lines only (a park
        heading over its bullets), not paragraphs of other sentences back."""
        if h.start >= sent.start:
            return True
        last = max((m.end for m in self.mentions_in(0, sent.start) if m.text == h.text), default=h.end)
        gap = self.text[last:p]
        return "\n" not in gap or not _SENTENCE_END_IN.search(gap)

    def rel(self, head: Mention, rtype: str, tail: Mention, sent: Sentence, rule: str, **attrs: str) -> None:
        """Record ``head -rtype-> tail`` stated by ``sent``, found by ``rule`` (a name in ``rule_table.RULES``)."""
        if head.start != tail.start and head.text != tail.text:
            self.out.append(Relation(head, rtype, tail, sent.start, sent.end, rule, attrs))

    def place(self, x: Mention, park: Mention, sent: Sentence, rule: str) -> None:
        """``x`` is in ``park``: LOCATED_IN for a company or organization, PART_OF for a smaller park."""
        if x.type in ("COMPANY", "ORG"):
            self.rel(x, "LOCATED_IN", park, sent, rule)
        elif x.type == "PARK" and park.type == "PARK" and x.text != park.text and not park.text.startswith(x.text):
            self.rel(x, "PART_OF", park, sent, rule)

    def region_at(self, p: int, limit: int) -> int:
        """The length of a region word or a city or district name at ``p`` (0 if none)."""
        text = self.text
        m = _REGION_WORDS.match(text, p, limit)
        if m:
            return m.end() - p
        if limit - p < 2 or limit > len(text):
            return 0 if limit - p < 2 else self._region_at_slow(p, limit)
        # only the lengths of the names that start with this character (the loop over all lengths was hot)
        for n in self.region_lengths.get(text[p], ()):
            if n <= limit - p and text[p:p + n] in self.regions:
                return n
        return 0

    def _region_at_slow(self, p: int, limit: int) -> int:
        for n in range(min(self.region_len, limit - p), 1, -1):
            if self.text[p:p + n] in self.regions:
                return n
        return 0

    def regions_before(self, p: int, q: int) -> bool:
        """Whether ``[p, q)`` is only region names, each perhaps with its level (`山东省`, `江苏省吴江市`): the
        place a park's name is given in (`位于山东省济南经济开发区`)."""
        while p < q:
            n = self.region_at(p, q)
            if not n:
                return False
            p += n
            if p < q and self.text[p] in "省市区县":
                p += 1
        return True

    def coordinated(self, first: Mention, limit: int) -> list[Mention]:
        """`A、B和C等`: the list of entities of the same kind that ``first`` opens.

        Items the entity stage did not find (`A、兰化所、B`) are stepped over; a
        mention glued to more name (`中科院` in `中科院兰化所青岛研发中心`) is only
        part of an item and is left out.
        """
        text = self.text
        org_like = first.type in ORG_LIKE
        items: list[Mention] = []
        i = first.start
        while i < limit:
            m = first if i == first.start else self.at_start.get(i)
            if m is not None and (m.type in ORG_LIKE) == org_like and m.type != "PERSON" and m.end <= limit:
                j = m.end + len(_ITEM_SUFFIX.match(text, m.end, limit).group())
                sep = _LIST_SEP.match(text, j, limit)
                if sep and not (sep.group() == "," and (not items or items[-1].type != m.type or
                                                        not _LIST_SEP.match(text, m.start - 1) and text[m.start - 1] != ",")):
                    items.append(m)
                    i = sep.end()
                    continue
                k = text.find("、", j, min(limit, j + 12))
                if k < 0 or _LIST_STOP.match(text, j) or not _NAME_CHUNK.fullmatch(text, j, k) or self.mentions_in(j, k):
                    items.append(m)
                    break
                i = k + 1  # a mention glued to more name: part of an item the entity stage cut
                continue
            if not items:
                break
            # an item the entity stage missed: step to the next `、`
            k = text.find("、", i, min(limit, i + 24))
            if k < 0 or not (_NAME_REST.fullmatch(text, i, k) or _SHORT_NAME.fullmatch(text, i, k)):
                break
            i = k + 1
        return items

    def list_at(self, p: int, limit: int, types: tuple[str, ...], lead_items: bool = False) -> list[Mention]:
        """Entities of ``types`` listed from ``p`` (after a count or modifier of up to 12 characters, or with
        ``lead_items`` after items that are no entities: `汇聚全球新材料创新中心、全国…发展高地、宁波鲲鹏生态产业园`)."""
        ms = [m for m in self.mentions_in(p, limit) if m.type in ORG_LIKE]
        if not ms or _CLAUSE_BREAK.search(self.text[p:ms[0].start]):
            return []
        if ms[0].start - p > 12 and not (lead_items and _LEAD_ITEMS.fullmatch(self.text[p:ms[0].start])):
            return []
        # a name that starts with a host verb took the verb by mistake (`引进培育海洋生物医药研究院`)
        return [m for m in self.coordinated(ms[0], limit) if m.type in types and not _VERB_START.match(m.text)]

    def floor_before(self, j: int) -> int:
        """A title never reaches into a name: the end of the last mention ending at or before ``j``."""
        i = bisect_left(self.starts, j) - 1
        floor = 0
        while i >= 0 and j - self.ms[i].start < 80:
            if self.ms[i].end <= j:
                floor = max(floor, self.ms[i].end)
            i -= 1
        return floor

    # ------------------------------------------------------------ subjects

    def subject_at(self, a: int, b: int) -> Subject | None:
        """The subject that opens the clause ``[a, b)``, or None (zero subject)."""
        text = self.text
        p = LEAD.match(text, a, b).end()
        if p >= b:
            return None
        m = self.at_start.get(p)
        if m is None:
            # `武汉光谷目前…`: a city name before a park name that leaves it out is the park's, not a region subject
            n = self.region_at(p, b)
            nxt = self.at_start.get(p + n) if n else None
            if nxt is not None and nxt.type == "PARK":
                m = nxt
        if m is None:
            # `法资企业赛诺菲…`, `正在建设的这个大数据产业园…`: a class noun (or a demonstrative) right before the name
            d = _DESCRIBED.match(self.masked, p, b)
            nxt = self.at_start.get(d.end()) if d else None
            if nxt is not None and nxt.type in ORG_LIKE:
                m = nxt
        if m is None:
            # `总投资260亿元的甬江实验室`, `位于崂山区的青岛高科技工业园`: the head noun after a modifier
            k = text.find("的", p, min(b, p + 31))
            while k >= 0:
                nxt = self.at_start.get(k + 1)
                if nxt is not None and (nxt.type in ORG_LIKE or nxt.type == "PERSON" and (
                        self.titles.ending_at(text, k, self.floor_before(k)) is not None or _AGE.search(text, p, k))):
                    m = nxt  # also `时任江西省委副书记的王明`, `47岁的李华`: a person after a title or an age
                    break
                k = text.find("的", k + 1, min(b, p + 31))
        if m is None:
            return self._unnamed_subject(p, b)
        if m.type == "INDUSTRY":
            return _INDUSTRY  # `数字经济产业链条不断完善`: about an industry of the subject in force
        if m.type == "PERSON":
            return Subject("person", (m,), speech=bool(_SPEECH.match(text[m.end:b].strip())))
        if m.type not in ORG_LIKE:
            return None
        # follow the noun phrase to its head: `青岛蓝谷管理局直属企业青岛海洋科技…`, `西安高新区集贤产业园`
        while True:
            nxt = next((x for x in self.mentions_in(m.end, b) if x.type in ORG_LIKE + ("PERSON",)), None)
            if nxt is None:
                break
            gap = text[m.end:nxt.start]
            if gap == "" or SUBSIDIARY_CUE.match(gap):
                m = nxt
                continue
            if nxt.type == "PERSON" and self.titles.run_at(text, m.end, nxt.start) and len(gap) <= 20:
                return Subject("person", (nxt,), speech=bool(_SPEECH.match(text[nxt.end:b].strip())))
            break
        if m.type == "PERSON":
            return Subject("person", (m,), speech=bool(_SPEECH.match(text[m.end:b].strip())))
        rest = text[m.end:b]
        if _SPEAKER_HEAD.match(rest):
            return Subject("entity", (m,), speech=True)
        if _OTHER_HEAD.match(rest):
            return _NONE
        return Subject("entity", tuple(x for x in self.coordinated(m, b) if x.type in ORG_LIKE) or (m,))

    def _unnamed_subject(self, p: int, b: int) -> Subject | None:
        """The subject of a clause that names no entity at ``p``: a region, an anaphor's referent, a plan,
        None when the clause opens with its predicate, else a noun that blocks (`大会`, `该项目`)."""
        text = self.text
        n = self.region_at(p, b)
        if n:
            return Subject("region")
        for etype, pat in _ANAPHORS:
            am = pat.match(text, p, b)
            if am:
                ref = self.resolve(etype, am.group(), p)
                return Subject("entity", (ref,), carried=True) if ref is not None else _NONE
        if text[p] in "他她" and text[p + 1:p + 2] not in ("们", "人"):
            ref = self.last_person(p)  # `A毕业于…,他曾任…`: the person named last
            return Subject("person", (ref,), carried=True) if ref is not None else _NONE
        if text.startswith("我们", p):
            ref = self.last.get("PARK")
            return Subject("entity", (ref,), carried=True) if ref is not None else _NONE
        if text.startswith("来自", p):
            return _NONE  # `来自A的150多家单位…`: a noun phrase about others, not a zero subject
        if text.startswith("这", p):
            if _CAUSATIVE.match(text, p + 1, b):
                return _NONE  # `这让合肥有了发展…的信心`: an event that makes someone else act
            if text[p + 1:p + 2] in ("些", "种", "类", "样"):
                return _NONE  # `这些边远山区…`, `这种模式…`: many things or a kind, never the one park named last
            if text[p + 1:p + 2] in ("个", "家", "座", "一") and not any(w in text[p + 2:min(b, p + 12)] for w in (*_PARK_CLASSES, "园")):
                return _NONE  # `这个场景创新处…`: a thing of its own kind (`这个产业园`, `这座科技园` refer back)
            # `这是…,这是…”漫步在X内`: the walk; else the park named last
            ref = self.walk_frame or self.last.get("PARK") or self.topic_park
            return Subject("entity", (ref,), carried=True) if ref is not None else _NONE
        if text.startswith(("《", "其"), p):
            return _PLAN if text[p] == "《" else (self.topic or _NONE)
        park = self.at_start.get(p + 1)
        if text[p] in "在于" and self.region_at(p + 1, b) and (park is None or park.type != "PARK"):
            return Subject("region")  # `在山东、山西等地区,…`: what follows happens in a city or province (not `在苏州工业园区`)
        if _ATTRIBUTE.match(text, p, b):
            return None  # `…,常住人口约200万,拥有…`: an attribute of the subject in force, which carries on
        if _PREDICATE.match(text, p, b) or _first_word_pos(text, p, b) in _PREDICATE_POS:
            return None  # the clause opens with its predicate: the subject is carried
        return _NONE  # a noun that names no entity (`大会`, `该项目`): the clause is about something else

    def last_person(self, p: int) -> Mention | None:
        """The person a `他/她` at ``p`` refers to: the last one named in the sentence before ``p``, else before it."""
        here = [m for m in self.mentions_in(self.cur_sentence[0], p) if m.type == "PERSON"]
        return here[-1] if here else self.last.get("PERSON")

    def resolve(self, etype: str, word: str, p: int | None = None) -> Mention | None:
        """The referent of an anaphor: the last mention of its type (ending with its class word, if any),
        earlier in the sentence (before ``p``) or before it."""
        if p is not None and etype in ("COMPANY", "ORG"):
            cls = word[1:] if word.startswith("该") else ""
            here = [m for m in self.mentions_in(self.cur_sentence[0], p) if m.type == etype and m.text.endswith(cls)]
            if here:
                return here[-1]
        if etype == "PARK":
            cls = word.rstrip("内")
            if cls in _PARK_CLASSES:
                if self.topic_park is not None and self.topic_park.text.endswith(cls):
                    return self.topic_park
                cand = self.last.get("PARK")
                return cand if cand is not None and cand.text.endswith(cls) else self.topic_park
            if word in ("这里", "此地", "该地"):
                # `在X,高村创新园不断升级,这里…`: the park named earlier in the sentence, else the last sentence's
                here = [m for m in self.mentions_in(self.cur_sentence[0], p)] if p is not None else []
                here = [m for m in here if m.type == "PARK"]
                if here:
                    return here[-1]
                if self.prev_parks:
                    return self.prev_parks[0]
            return self.topic_park
        if etype == "ORG":
            cls = word[1:]
            for m in reversed(self.recent):
                if m.type == "ORG" and m.text.endswith(cls):
                    return m
            return None
        return self.last.get(etype)

    # ------------------------------------------------------------ the pass

    def sentences(self) -> Iterator[Sentence]:
        """The sentences the rules run on, in reading order. Paragraph starts and heading lines (on which no
        rule runs) update the state here; the caller runs the rules on each sentence, then :meth:`carry`."""
        text = self.text
        prev_end = 0
        for ss, se in self.sentence_spans():
            gap = text[prev_end:ss]
            if ss == 0 or "\n" in gap or gap.strip() == "" and gap and not _SENTENCE_END_AT_END.search(text[:prev_end]):
                self.start_paragraph(ss)
            prev_end = se
            sent = self.open_sentence(ss, se)
            if sent is not None:
                yield sent

    def sentence_spans(self) -> list[tuple[int, int]]:
        """``split_sentences`` of the text, made once (the pass and the evidence both need them)."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    def relations(self) -> list[Relation]:
        """The relations found, each with its evidence extended over carried ends, the first of each pair kept."""
        sentences = self.sentence_spans()
        starts = [a for a, _ in sentences]
        return _dedupe([_with_evidence(r, sentences, starts) for r in self.out])

    def start_paragraph(self, ss: int) -> None:
        """A new paragraph starts at ``ss``: the paragraph frames end, a scene announced by the line before begins."""
        text = self.text
        prev_end = text.rfind("\n", 0, ss)
        prev_line = text[text.rfind("\n", 0, max(0, prev_end)) + 1:prev_end].strip() if prev_end > 0 else ""
        # `走进西安高新区,扑面而来的是…——`: the park is the scene of the next paragraph
        self.scene = self.pending_scene if prev_line.endswith(("——", ":")) else None
        self.pending_scene = None
        self.domain = []
        self.item_park = None
        self.item_start = bool(_ITEM_OPENER.match(text[ss:ss + 6]))
        if not self.member_para:
            self.member_zone = None  # a paragraph without a member ends the list
        self.member_para = False

    def open_sentence(self, ss: int, se: int) -> Sentence | None:
        """The sentence ``[ss, se)`` with its clauses and subjects, or None for a heading or caption."""
        self.cur_sentence = (ss, se)
        ms = self.mentions_in(ss, se)
        if self._heading(ss, se, ms):
            self.remember(ms)
            return None
        clauses = split_clauses(self.text, ss, se)
        frame = self.frame_of(ss, se, clauses)
        self.walk_frame = next((k for pos, k in frame if pos == ss and k is not self.scene), None)
        subjects = [self.subject_at(a, b) for a, b in clauses]
        explicit = [(i, s) for i, s in enumerate(subjects) if s is not None and s.kind != "industry"
                    and not (s.kind == "person" and s.speech)]
        main = explicit[0][1] if explicit else None
        in_force = self._in_force(clauses, subjects, explicit)
        return Sentence(ss, se, ms, clauses, subjects, in_force, main, frame)

    def _heading(self, ss: int, se: int, ms: list[Mention]) -> bool:
        """A heading line, a section heading or a caption (no rule runs on it), with its effect on the topic."""
        text = self.text
        body = text[ss:se].strip()
        line_end = se >= len(text) or text[se:se + 1].isspace() or text[se - 1:se] == "\n"
        orgs = [m for m in ms if m.type in ORG_LIKE]
        # a heading line (no sentence end) that is a park's name: the park is the topic of what follows
        if orgs and not _SENTENCE_END_AT_END.search(body) and len(body) <= len(orgs[0].text) + 2 and line_end:
            if orgs[0].type == "PARK":
                self.topic_park = orgs[0]
                self.topic = Subject("entity", (orgs[0],))
            self.member_zone = None
            return True
        if not _SENTENCE_END_AT_END.search(body) and len(body) <= 30 and line_end and not orgs and not _BULLET.match(body):
            self.member_zone = None  # a section heading ends a heading+list, and starts a new topic
            self.topic = None
            return True
        return bool(orgs and len(body) <= len(orgs[0].text) + 2)  # a caption `宁波甬江科创大走廊。`

    def _in_force(self, clauses: list[tuple[int, int]], subjects: list[Subject | None],
                  explicit: list[tuple[int, Subject]]) -> list[Subject | None]:
        """The subject in force in each clause: the last one named, or, before any, the first one named later
        (`聚焦海洋经济,青岛西海岸新区…`) unless that is a city past a `;`; else the topic carried from before."""
        eff: list[Subject | None] = []
        current: Subject | None = None
        carried = replace(self.topic, carried=True) if self.topic is not None else None
        for i, s in enumerate(subjects):
            if s is not None and s.kind == "industry":
                eff.append(current if current is not None else s)  # `…,数字经济产业链条不断完善`
                continue
            if s is not None and not (s.kind == "person" and s.speech):
                current = s
            if current is None and explicit:
                k, later = explicit[0]
                crosses = ";" in self.text[clauses[i][1]:clauses[k][0]]
                use = later if not (crosses and later.kind != "entity") else carried
            else:
                use = current if current is not None else carried
            eff.append(use)
        return eff

    def clauses_of(self, sent: Sentence) -> list[Clause]:
        """The clauses of ``sent`` as records for the clause-level rules (made once per sentence: two rule
        families read them, and neither changes them)."""
        if self._clauses is not None and self._clauses[0] is sent:
            return self._clauses[1]
        clauses = [Clause(i, a, b, own, s, self.mentions_in(a, b), self.masked[a:b])
                   for i, ((a, b), own, s) in enumerate(zip(sent.clauses, sent.subjects, sent.in_force))]
        self._clauses = (sent, clauses)
        return clauses

    def carry(self, sent: Sentence) -> None:
        """After the rules: carry what ``sent`` was about (topic, topic park, item park, scene, last zone)."""
        text, ss, se, ms, main = self.text, sent.start, sent.end, sent.mentions, sent.main
        orgs = [m for m in ms if m.type in ORG_LIKE]
        if main is not None and main.kind in ("entity", "region"):
            self.topic = main
            head = main.head
            if head is not None and head.type == "PARK":
                self.topic_park = head
        elif main is None:
            first = next((m for m in orgs if m.start - ss <= 12), None)
            if first is not None and first.type == "PARK" and se - ss >= 15:
                self.topic_park = first
        if self.item_start:
            # `一是加快推进海洋信息产业园规划建设。`: the park of the item's first sentence
            self.item_park = next((m for m in ms if m.type == "PARK" and (main is None or m not in main.ms)), None)
            self.item_start = False
        if text[ss:se].rstrip().endswith(("——", ":")):
            self.pending_scene = next((m for m in ms if m.type == "PARK"), None)
        zones = [m for m in ms if m.type == "PARK" and ZONE.search(m.text)]
        if zones:
            self.last_zone = zones[-1]
        self.remember(ms)

    def remember(self, ms: list[Mention]) -> None:
        """The mentions of the sentence just read become what later anaphors may refer to."""
        self.prev_sentence = ms
        for m in ms:
            self.last[m.type] = m
        parks = [m for m in ms if m.type == "PARK"]
        self.prev_parks = parks or self.prev_parks
        self.recent = (self.recent + [m for m in ms if m.type == "ORG"])[-12:]

    def located_lead(self, a: int, p: int) -> bool:
        """Whether ``[a, p)`` is a frame's `在` followed by the regions that locate the park at ``p``
        (`在辽宁沈阳中德产业园,…`)."""
        g = _FRAME_LEAD.match(self.text, a, p)
        return g is not None and g.end() < p and self.text[g.end() - 1:g.end()] in ("在", "于") \
            and self.regions_before(g.end(), p)

    def frame_of(self, ss: int, se: int, clauses: list[tuple[int, int]]) -> list[tuple[int, Mention]]:
        """Locative frames: (position from which it holds, park): `在X内,`, `X内,`, `漫步在X内`, `在X…的范围内,`."""
        out = []
        if self.scene is not None:
            out.append((ss, self.scene))
        for a, b in clauses:
            seg = self.text[a:b]
            parks = [m for m in self.mentions_in(a, b) if m.type == "PARK"]
            if not parks:
                continue
            k = parks[-1]
            rest = self.text[k.end:b]
            lead = self.text[a:parks[0].start]
            if (_FRAME_LEAD.fullmatch(lead) or self.located_lead(a, parks[0].start)) and _FRAME_REST.fullmatch(rest) \
                    and (rest or lead.strip()):
                out.append((b, k))
            elif _WALK_INTO_AT_END.search(self.text[max(a, k.start - 4):k.start]) and _INSIDE.match(rest):
                out.append((ss, k))  # `这是…,这是…”漫步在X内`: the walk frames the whole sentence
            elif "在" in seg[:2] and _WITHIN_AT_END.search(seg):
                out.append((b, k))
            elif not lead.strip() and _FRAME_ADDRESS.fullmatch(rest):
                out.append((b, k))  # `青岛西海岸新区滨海大道与琅琊台南路交叉口,…`: an address in the park
        return out


def _with_evidence(r: Relation, sentences: list[tuple[int, int]], starts: list[int]) -> Relation:
    """Extend the evidence back to the sentence of an end carried from earlier (topic, `其`, `这里`)."""
    first = min(r.head.start, r.tail.start)
    last = max(r.head.end, r.tail.end)
    start, end = r.sent_start, r.sent_end
    if first < start:
        i = bisect_right(starts, first) - 1
        start = sentences[i][0] if i >= 0 and first < sentences[i][1] else first
    if last > end:
        i = bisect_right(starts, last - 1) - 1
        end = sentences[i][1] if i >= 0 else last
    if (start, end) == (r.sent_start, r.sent_end):
        return r
    return Relation(r.head, r.type, r.tail, start, end, r.rule, r.attrs)


def _dedupe(rels: list[Relation]) -> list[Relation]:
    """The first relation of each (head, type, tail); PARTNERS_WITH is symmetric."""
    seen, out = set(), []
    for r in rels:
        key = (r.head.start, r.type, r.tail.start)
        if r.type == "PARTNERS_WITH":
            key = (min(r.head.start, r.tail.start), r.type, max(r.head.start, r.tail.start))
        if key not in seen and r.head.start != r.tail.start:
            seen.add(key)
            out.append(r)
    return out
