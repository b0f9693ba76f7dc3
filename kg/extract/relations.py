"""Relations: typed facts between the entity mentions of one document.

Pure functions over the normalized text and its mentions (from
:mod:`kg.extract.entities`). Every relation carries the sentence that states it and
the rule that found it; :mod:`kg.extract.document` maps the sentence to raw offsets.

The text is read as paragraphs → sentences (``。!?``) → clauses (``,;:``,
``……``). Each clause gets a **subject**: the entity (or list of entities)
that opens it after adverbials (`近年来,`, `据悉,`, `其中`, `2022年以来`),
a head noun after a modifier (`总投资260亿元的甬江实验室`), an anaphor resolved
to what came before (`该公司`, `该委员会`, `这里`, `园区`, `示范区内`), or a
blocker: a city or district (cities are not entities), a plan (`《…》提出`),
any other noun (`大会聚焦…`). A clause that opens with its predicate
(`聚焦…`, `依托…`: a cue list and the dictionary part of speech of the first
word) has no subject of its own and takes the one of the clause before it,
or, at the start of a sentence, the first subject named later
(`聚焦海洋经济,青岛西海岸新区建立了…`), or the topic carried from earlier
sentences and from a heading line (`杭州城西科创大走廊` over its bullets); a
section heading or a story's headline ends the topic. Rules follow the cues
of the annotation guidelines and distribute over enumerations (`A、B和C等`):

* **HOLDS_POST** — title chains read back from the name, one relation per
  organization in the chain (`中关村科技企业家协会会长、北京大北农科技股份有限公司
  董事长邵根伙`, `市委常委,青岛西海岸新区工委书记、区委书记孙永红`), `<name>,<org><title>`,
  `其<title><name>`; ``title`` is the post right after its organization
  (`创始人兼董事长` kept whole), modifiers included (`执行总裁`).
* **FOCUSES_ON** — industries of a clause with a focus cue (`聚焦`, `重点发展`,
  `打造…产业链`, `围绕`, `瞄准`, `以…为主导方向`) go to its park or organization
  subject; `…等主导产业` and `产业体系` to the park the sentence names;
  `以A等为载体重点发展X` to the carriers.
* **LOCATED_IN / PART_OF** — `入驻/落户/迁址/搬到这里` after a company,
  `集聚/汇聚/引进/入驻了` before a list, `在此集聚` after one, `位于/地处`,
  a locative frame (`在西安高新区内,`, `走进X——` over the next paragraph,
  `漫步在X内`), a company's project going ahead in a park (`A、B等重点项目进展迅速`),
  `X是<park>…的一个实例`, members of `一区多园`/`一城多园` (also over the
  paragraphs after such a heading), `分别是/包括/涉及`, `作为/是…的核心区/组成部分`,
  `A、B作为先行启动区`, `以A等为载体`, a park named right after its parent.
  A company or organization is LOCATED_IN, a park is PART_OF.
* **OPERATES** — a fund set up (`设立/成立/推出…<fund>`) by the subject, a park
  that builds parks (`打造了A、B等孵化器`, `推进A规划建设`), `由A和B…开发运营的<park>`,
  a company that invests to build a park (also **INVESTS_IN** with ``amount``).
* **PARTNERS_WITH** (symmetric) — `A与B、C签署/签订/成立/共建/合作…` (every pair
  of the signing parties), `由A和B合作开发运营`, `<subject>联合B`,
  `依托A和B…建立…联合体`.
* **SUBSIDIARY_OF** — `A直属企业B`, `A旗下B`, `A子公司B`, `该委员会内设…,其中B`.
* **LEADS_CHAIN** — `链主企业X` or a `链长` with an industry in the sentence or
  in the `在X方面` frame of the paragraph.

>>> from kg.extract.entities import Mention
>>> text = "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋生物医药产业链。"
>>> ms = [Mention(0, 7, "ORG", "青岛蓝谷管理局", "t"), Mention(10, 13, "PERSON", "徐一冰", "t"),
...       Mention(16, 18, "PARK", "蓝谷", "t"), Mention(20, 29, "INDUSTRY", "海洋生物医药产业链", "t")]
>>> [(r.head.text, r.type, r.tail.text, r.attrs) for r in find_relations(text, ms, {"副局长": "gov"})]
[('徐一冰', 'HOLDS_POST', '青岛蓝谷管理局', {'title': '副局长'}), ('蓝谷', 'FOCUSES_ON', '海洋生物医药产业链', {})]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from kg.extract.amounts import parse_amount
from kg.kb import rules
from kg.extract.entities import Mention

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


#: A "sentence" longer than this (a list run together with commas) is cut at commas,
#: so the per-sentence rules stay linear in the text.
MAX_SENTENCE = 400

#: Up to `。!?`, a line end, or a space between Chinese characters (`…万亿元 记者从海关获悉`: a headline and the next story).
_SENTENCE = re.compile(r"[^。!?\n]+?(?:[。!?]+|(?=\n)|$|(?<=[\u4e00-\u9fff”])(?=[ \t\u3000]+[\u4e00-\u9fff“\d]))")
_CLAUSE_SEP = re.compile(r"[,;:]|…+")


def _sentences(text: str) -> list[tuple[int, int]]:
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


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, i = [], a
    for m in _CLAUSE_SEP.finditer(text, a, b):
        if m.start() > i:
            out.append((i, m.start()))
        i = m.end()
    if i < b:
        out.append((i, b))
    return out or [(a, b)]


# ---------------------------------------------------------------- lexical cues

#: Adverbials, list markers and dates that may open a clause before its subject.
_LEAD = re.compile(
    r"(?:[\s“”\"‘’「」『』●•·\-*]+|其中|目前|同时|此外|另外|而且|并且|而|并|但是|但|还|也|已经|已|正在|正|将|近年来|近几年|近期|"
    r"近日|日前|如今|当前|现在|今年以来|今年|去年|明年|未来|随后|此前|据悉|据介绍|据了解|对此|为此|因此|由此|截至目前|截至去年底|"
    r"在此基础上|首先|其次|最后|[一二三四五六七八九十]是|第[一二三四五六七八九十]+|[一二三四五六七八九十]+、|\d+[.、]|"
    r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:以来|起|底|末|初)?|\d{1,2}月(?:\d{1,2}日)?(?:以来|起)?|\d{1,2}日|"
    r"(?:今年|去年|前年)?(?:前|头)?[一二三四五六七八九十\d]+个?(?:月|季度)|(?:今年|去年)?[上下]半年|全年|年内|年底|年初|"
    r"近[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年来|多年来|截至[^,;]{0,12}?(?:底|末|目前)?)*"
)
#: Heads after an entity that make the clause about something else (`协会会员企业`, `歌尔科研人员`).
_OTHER_HEAD = re.compile(r"会员企业|会员单位|会员|成员单位|成员|企业家们?|科研人员|研发人员|工作人员|员工|团队|一行")
_SPEAKER_HEAD = re.compile(r"(?:相关)?负责人|方面")
_SPEECH = re.compile(rf"^(?:在[^,]{{0,20}}时)?(?:{rules.alternation('speech_verbs')})$")
_BULLET = re.compile(r"[●•▪◆■·\-*]|\d+[.、]|[一二三四五六七八九十]+、|[一二三四五六七八九十]是")
_ITEM_SUFFIX = re.compile(r"(?:全球[A-Za-z]*)?(?:总部|基地|公司)?")
#: The rest of a name the entity stage cut short, or a whole name it missed (`兰化所青岛研发中心`).
_NAME_REST = re.compile(r"[^,;:。的了是在将为对把被与和及、]{1,22}?(?:所|院|中心|公司|集团|大学|学院|园|园区|基地|实验室|协会|联盟|局|委员会|"
                        r"平台|工场|孵化器|硅巷|街区|产业带|科学城|科技城|高新区|开发区|新区|示范区|走廊|银行|医院)")
_VERB_START = re.compile(r"培育|引进|入驻|集聚|聚集|落户|依托|汇聚")
_NAME_CHUNK = re.compile(r"[^,;:。的了是在将为对把被与和及、等]{1,12}")
_LIST_STOP = re.compile(r"等|在内|为代表|[,;:。)”]")
_SHORT_NAME = re.compile(r"[^,;:。的了是在将为对把被与和及、等\d]{2,8}")
_LIST_SEP = re.compile(r"、|以及|和|与|及|同|,")
_ANAPHORS = (
    ("COMPANY", re.compile(r"该公司|该企业|该集团|公司|企业")),
    ("ORG", re.compile(r"该(委员会|协会|中心|局|机构|联盟|实验室|研究院|平台|学会|商会)")),
    ("PARK", re.compile(r"该区域|该园区|该区|该园|该基地|园区内?|园内|区内|这里|此地|该地|这两片区域|(?:示范区|新区|高新区|开发区|"
                        r"科学城|科技城|大走廊|硅巷|片区|基地|产业园|创新园)内?")),
)
#: Words a clause opens with when its subject is left out (`聚焦…`, `加快推进…`, `在…`, `依托…`).
_PREDICATE = re.compile(
    r"聚焦|围绕|重点|大力|加快|加速|加大|加强|推动|推进|打造|建设|建成|构建|建立|形成|实现|发展|培育|壮大|做强|做大|做优|引进|引入|集聚|"
    r"聚集|汇聚|汇集|吸引|吸纳|设立|成立|组建|规划|布局|瞄准|依托|坚持|深化|强化|完善|提升|持续|积极|全力|不断|进一步|着力|致力|努力|"
    r"先后|累计|共有|主要|以|在|于|通过|立足|面向|按照|根据|结合|对|联合|携手|会同|作为|是|有|拥有|获批|获得|入选|成为|带动|助力|"
    r"促进|实施|开展|组织|举办|签署|签订|签约|投资|总投资|新增|新开工|开工|确定|明确|出台|制定|梳理|优选|搭建|入驻|落户|落地|迁址|"
    r"参股|出资|发起|推出|计划|预计|力争|争取|确保|突出|深耕|抢抓|紧盯|紧扣|锚定|勇当|走在|位于|地处|坐落|涉及|包括|涵盖|分别|承接|"
    r"探索|引领|领跑|跻身|迈向|加入|加盟|支持|鼓励|牵头|常态化|全面|深入|扎实|精准|初步|基本|逐步|率先|又|均|都|同时|即|不仅|由|"
    r"致力|展示|展现|彰显|集|搭建|设有|建有|聚合|融合|承载|吸附|覆盖")
_REGION_WORDS = re.compile(r"全市|全省|全区|我市|我省|我国|全国|本市|该市|市里|各地|地方|当地")
#: Parts of speech (jieba's dictionary) of a word that opens a predicate: verbs, prepositions, adverbs, conjunctions.
_PREDICATE_POS = frozenset({"v", "vn", "vd", "vi", "p", "d", "ad", "c", "z"})


_FOCUS_CUE = re.compile(
    r"聚焦|重点发展|大力发展|加快发展|发展|主攻|围绕|瞄准|布局|培育|壮大|做强|做大|做优|打造|构建|建立|确定|梳理|形成|集聚|聚集|汇聚|"
    r"引领|领先|前列|推动|推进|突破|排头兵|高地|策源地|创新中心|方面|领域|主导|特色|优势|支柱|产业体系|方向|赛道|集群|产业链|嵌入|"
    r"为代表|产业园")
_STRENGTH = re.compile(r"优势|领先|实力|前列|集聚度|竞争力|影响力")
_ORG_FOCUS_CUE = re.compile(r"聚焦|重点发展|主攻|围绕|瞄准|布局|培育|打造|专注|致力|深耕|主导|产业体系")
_OWN_CUE = re.compile(r"主导产业|优势产业|特色产业|支柱产业|重点产业|新兴产业|产业体系|主导方向|特色方向|产业方向|产业领域")
_CARRIER = re.compile(r"以([^,;]{0,40}?)等?为(?:载体|依托|平台|抓手|核心载体)")
_JOIN_CUE = re.compile(r"入驻|落户|迁址|迁入|迁至|迁到|搬到|搬迁至|搬迁到|落地|扎根|进驻|安家|总部设在|加盟|加入")
_HOST_CUE = re.compile(r"入驻|集聚|聚集|集结|汇聚|汇集|聚合|引进培育|引进|引入|吸引|落户|落地|拥有|内有|有")
_HERE = re.compile(r"(?:在|于|到)(?:此|这里|这儿)")
_LOCATE_AT = re.compile(r"位于|地处|坐落于|坐落在|落户于|位处|扎根于")
_AT_VERB = re.compile(r"(?:投资|建设|设立|布局|落地|打造|建成|成立|开设|启用|投产|开业|运营|扎根|办公|注册|建有)")
_PROJECT_LIST = re.compile(r"等[^,;:。等]{0,12}?项目")
_PROJECT_GO = re.compile(r"进展|落地|开工|投产|建设|签约|推进|推动|启动|竣工|实施|加速推进|引进")
_EXAMPLE = re.compile(r"^(?:仅|只|也|正|就)?是(.{0,30}?)的?(?:一个|一家|一处)?(?:实例|缩影|代表|样本|典型|案例)")
_MEMBERS = re.compile(r"分别是|分别为|包括|包含|涉及|涵盖|下辖|囊括")
_MULTI = re.compile(r"一区多园|一城多园|一区[两三四五六七八九十\d]+园|多园")
_DISTRIBUTIVE = re.compile(r"各个园区|各园区|各园|各有特色|分别|各具特色|每个园区")
_PART_PHRASE = re.compile(r"(作为|是|为|成为|属于)([^,。;!?]{0,25}?)(先行启动区|核心区|片区|分园|组成部分|核心载体|重要载体|主园区|园区之一|一部分)")
_ZONE = re.compile(r"(高新区|新区|开发区|示范区|科学城|科技城|大走廊|谷|创新园|自贸试验区|片区)$")
_BUILD = re.compile(r"打造|建设|建成|规划建设|设立|布局|兴建|新建|建立")
_FUND_CUE = re.compile(r"设立|成立|发起|组建|推出|参股成立|出资")
_PARTNER_CUE = re.compile(r"签署|签订|签约|成立|共建|携手|合作|达成|共同|合资|联合")
_COJOIN = re.compile(r"^(?:与|和|同|跟|携手|联合)$")
_JOINT_BODY = re.compile(r"联合体|联盟|共同体|创新中心|研究院|实验室|平台")
_TITLE_MOD = ("常务副", "执行副", "执行", "常务", "首席", "名誉", "荣誉", "联席", "分管", "专职", "副")
_SUBSIDIARY_CUE = re.compile(r"^(?:直属企业|直属|旗下|旗下的|下属企业|下属|全资子公司|控股子公司|子公司)$")


_LONGEST: dict[int, tuple[object, int]] = {}


def _longest(words: frozenset[str] | set[str]) -> int:
    """The length of the longest word (cached per set: the city names are the same for every document)."""
    hit = _LONGEST.get(id(words))
    if hit is None or hit[0] is not words:
        hit = (words, max((len(w) for w in words), default=0))
        _LONGEST[id(words)] = hit
    return hit[1]


def _first_word_pos(text: str, p: int, b: int) -> str | None:
    """The dictionary part of speech of the longest word (up to 4 characters) at ``p``."""
    from kg.extract.nlp import pos_dictionary

    pos = pos_dictionary()
    for n in range(min(4, b - p), 0, -1):
        tag = pos.get(text[p:p + n])
        if tag is not None:
            return tag
    return None


# ---------------------------------------------------------------- subjects


@dataclass(frozen=True)
class _Subject:
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


_NONE = _Subject("other")
_INDUSTRY = _Subject("industry")
_PLAN = _Subject("plan")  # `《数字青岛2021年行动方案》提出,…`: what follows is the plan's, no entity's


class _TitleLexicon:
    """Titles with their modifiers (`执行总裁`, `常务副总经理`), matched back from a position."""

    _cache: dict[int, tuple[Mapping[str, str], _TitleLexicon]] = {}

    def __init__(self, titles: Mapping[str, str]):
        self.titles = set(titles)
        self.maxlen = max((len(t) for t in self.titles), default=0)

    @classmethod
    def of(cls, titles: Mapping[str, str]) -> _TitleLexicon:
        hit = cls._cache.get(id(titles))
        if hit is None or hit[0] is not titles:
            hit = (titles, cls(titles))
            cls._cache[id(titles)] = hit
        return hit[1]

    def ending_at(self, text: str, j: int, floor: int) -> str | None:
        """The longest title ending at ``j`` that starts at or after ``floor``, with its modifiers."""
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
            t = next((text[i + len(mod):i + len(mod) + n] for n in range(min(self.maxlen, limit - i - len(mod)), 0, -1)
                      if text[i + len(mod):i + len(mod) + n] in self.titles), None)
            if t is None:
                break
            out.append(mod + t)
            i += len(mod) + len(t)
            if i < limit and text[i] in "、兼":
                i += 1
        return out


# ---------------------------------------------------------------- the reader


class _Reader:
    """One pass over a document: clause subjects, carried topics, and the rules."""

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
        self.titles = _TitleLexicon.of(titles)
        self.regions = regions
        self.region_len = _longest(regions)
        self.out: list[Relation] = []
        # what earlier text makes available
        self.topic: _Subject | None = None  # the subject carried to clauses without one
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

    # ------------------------------------------------------------ helpers

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.ms) and self.ms[i].start < b:
            if self.ms[i].end <= b:
                out.append(self.ms[i])
            i += 1
        return out

    def rel(self, head: Mention, rtype: str, tail: Mention, sent: tuple[int, int], rule: str, **attrs: str) -> None:
        if head.start != tail.start and head.text != tail.text:
            self.out.append(Relation(head, rtype, tail, sent[0], sent[1], rule, attrs))

    def region_at(self, p: int, limit: int) -> int:
        m = _REGION_WORDS.match(self.text, p, limit)
        if m:
            return m.end() - p
        for n in range(min(self.region_len, limit - p), 1, -1):
            if self.text[p:p + n] in self.regions:
                return n
        return 0

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
        if not ms or re.search(r"[,;。]", self.text[p:ms[0].start]):
            return []
        if ms[0].start - p > 12 and not (lead_items and re.fullmatch(r"(?:[^,;:。、]{1,20}、)+", self.text[p:ms[0].start])):
            return []
        # a name that starts with a host verb took the verb by mistake (`引进培育海洋生物医药研究院`)
        return [m for m in self.coordinated(ms[0], limit) if m.type in types and not _VERB_START.match(m.text)]

    # ------------------------------------------------------------ subjects

    def subject_at(self, a: int, b: int) -> _Subject | None:
        """The subject that opens the clause ``[a, b)``, or None (zero subject)."""
        text = self.text
        p = _LEAD.match(text, a, b).end()
        if p >= b:
            return None
        m = self.at_start.get(p)
        if m is None:
            # `总投资260亿元的甬江实验室`, `位于崂山区的青岛高科技工业园`: the head noun after a modifier
            k = text.find("的", p, min(b, p + 31))
            while k >= 0:
                nxt = self.at_start.get(k + 1)
                if nxt is not None and nxt.type in ORG_LIKE:
                    m = nxt
                    break
                k = text.find("的", k + 1, min(b, p + 31))
        if m is None:
            n = self.region_at(p, b)
            if n:
                return _Subject("region")
            for etype, pat in _ANAPHORS:
                am = pat.match(text, p, b)
                if am:
                    ref = self.resolve(etype, am.group(), p)
                    return _Subject("entity", (ref,), carried=True) if ref is not None else _NONE
            if text.startswith("我们", p):
                ref = self.last.get("PARK")
                return _Subject("entity", (ref,), carried=True) if ref is not None else _NONE
            if text.startswith("这", p):
                # `这是…,这是…”漫步在X内`: the walk; else the park named last
                ref = self.walk_frame or self.last.get("PARK") or self.topic_park
                return _Subject("entity", (ref,), carried=True) if ref is not None else _NONE
            if text.startswith(("《", "其"), p):
                return _PLAN if text[p] == "《" else (self.topic or _NONE)
            if text[p] in "在于" and self.region_at(p + 1, b):
                return _Subject("region")  # `在山东、山西等地区,…`: what follows happens in a city or province
            if _PREDICATE.match(text, p, b) or _first_word_pos(text, p, b) in _PREDICATE_POS:
                return None  # the clause opens with its predicate: the subject is carried
            return _NONE  # a noun that names no entity (`大会`, `该项目`): the clause is about something else
        if m.type == "INDUSTRY":
            return _INDUSTRY  # `数字经济产业链条不断完善`: about an industry of the subject in force
        if m.type == "PERSON":
            return _Subject("person", (m,), speech=bool(_SPEECH.match(text[m.end:b].strip())))
        if m.type not in ORG_LIKE:
            return None
        # follow the noun phrase to its head: `青岛蓝谷管理局直属企业青岛海洋科技…`, `西安高新区集贤产业园`
        while True:
            nxt = next((x for x in self.mentions_in(m.end, b) if x.type in ORG_LIKE + ("PERSON",)), None)
            if nxt is None:
                break
            gap = text[m.end:nxt.start]
            if gap == "" or _SUBSIDIARY_CUE.match(gap):
                m = nxt
                continue
            if nxt.type == "PERSON" and self.titles.run_at(text, m.end, nxt.start) and len(gap) <= 20:
                return _Subject("person", (nxt,), speech=bool(_SPEECH.match(text[nxt.end:b].strip())))
            break
        if m.type == "PERSON":
            return _Subject("person", (m,), speech=bool(_SPEECH.match(text[m.end:b].strip())))
        rest = text[m.end:b]
        if _SPEAKER_HEAD.match(rest):
            return _Subject("entity", (m,), speech=True)
        if _OTHER_HEAD.match(rest):
            return _NONE
        return _Subject("entity", tuple(x for x in self.coordinated(m, b) if x.type in ORG_LIKE) or (m,))

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
            if cls in ("示范区", "新区", "高新区", "开发区", "科学城", "科技城", "大走廊", "硅巷", "片区", "基地", "产业园", "创新园"):
                if self.topic_park is not None and self.topic_park.text.endswith(cls):
                    return self.topic_park
                cand = self.last.get("PARK")
                return cand if cand is not None and cand.text.endswith(cls) else self.topic_park
            if word in ("这里", "此地", "该地") and self.prev_parks:
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

    def read(self) -> list[Relation]:
        text = self.text
        prev_end = 0
        for ss, se in _sentences(text):
            gap = text[prev_end:ss]
            if ss == 0 or "\n" in gap or gap.strip() == "" and gap and not re.search(r"[。!?]$", text[:prev_end]):
                self.start_paragraph(ss)
            prev_end = se
            self.sentence(ss, se)
        sentences = _sentences(text)
        starts = [a for a, _ in sentences]
        return _dedupe([_with_evidence(r, sentences, starts) for r in self.out])

    def start_paragraph(self, ss: int) -> None:
        text = self.text
        prev_end = text.rfind("\n", 0, ss)
        prev_line = text[text.rfind("\n", 0, max(0, prev_end)) + 1:prev_end].strip() if prev_end > 0 else ""
        # `走进西安高新区,扑面而来的是…——`: the park is the scene of the next paragraph
        self.scene = self.pending_scene if prev_line.endswith(("——", ":")) else None
        self.pending_scene = None
        self.domain = []
        self.item_park = None
        self.item_start = bool(re.match(r"\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]+[,、是]|[一二三四五六七八九十]+、)", text[ss:ss + 6]))
        if not self.member_para:
            self.member_zone = None  # a paragraph without a member ends the list
        self.member_para = False

    def sentence(self, ss: int, se: int) -> None:
        text = self.text
        self.cur_sentence = (ss, se)
        sent = (ss, se)
        ms = self.mentions_in(ss, se)
        body = text[ss:se].strip()
        line_end = se >= len(text) or text[se:se + 1].isspace() or text[se - 1:se] == "\n"
        orgs = [m for m in ms if m.type in ORG_LIKE]
        # a heading line (no sentence end) that is a park's name: the park is the topic of what follows
        if orgs and not re.search(r"[。!?]$", body) and len(body) <= len(orgs[0].text) + 2 and line_end:
            if orgs[0].type == "PARK":
                self.topic_park = orgs[0]
                self.topic = _Subject("entity", (orgs[0],))
            self.member_zone = None
            self.remember(ms)
            return
        if not re.search(r"[。!?]$", body) and len(body) <= 30 and line_end and not orgs and not _BULLET.match(body):
            self.member_zone = None  # a section heading ends a heading+list, and starts a new topic
            self.topic = None
            self.remember(ms)
            return
        if orgs and len(body) <= len(orgs[0].text) + 2:  # a caption `宁波甬江科创大走廊。`
            self.remember(ms)
            return
        clauses = _clauses(text, ss, se)
        frame = self.frame_of(ss, se, clauses)
        self.walk_frame = next((k for pos, k in frame if pos == ss and k is not self.scene), None)
        subjects = [self.subject_at(a, b) for a, b in clauses]
        explicit = [(i, s) for i, s in enumerate(subjects) if s is not None and s.kind != "industry"
                    and not (s.kind == "person" and s.speech)]
        main = explicit[0][1] if explicit else None
        # the subject in force in each clause: the last one named, or, before any, the first one named later
        # (`聚焦海洋经济,青岛西海岸新区…`) unless that is a city past a `;`; else the topic carried from before
        eff: list[_Subject | None] = []
        current: _Subject | None = None
        carried = replace(self.topic, carried=True) if self.topic is not None else None
        for i, s in enumerate(subjects):
            if s is not None and s.kind == "industry":
                eff.append(current if current is not None else s)  # `…,数字经济产业链条不断完善`
                continue
            if s is not None and not (s.kind == "person" and s.speech):
                current = s
            if current is None and explicit:
                k, later = explicit[0]
                crosses = ";" in text[clauses[i][1]:clauses[k][0]]
                use = later if not (crosses and later.kind != "entity") else carried
            else:
                use = current if current is not None else carried
            eff.append(use)
        self.holds_post(ms, sent)
        self.focuses_on(ss, se, clauses, eff, ms, sent)
        self.locations(ss, se, clauses, subjects, eff, ms, sent, frame)
        self.part_of(ss, se, clauses, eff, ms, sent, main)
        self.operates(ss, se, clauses, eff, ms, sent)
        self.partners(ss, se, clauses, eff, ms, sent)
        self.subsidiary(ss, se, ms, sent)
        self.leads_chain(ss, se, clauses, ms, sent)
        # carry what this sentence was about
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
        zones = [m for m in ms if m.type == "PARK" and _ZONE.search(m.text)]
        if zones:
            self.last_zone = zones[-1]
        self.remember(ms)

    def remember(self, ms: list[Mention]) -> None:
        self.prev_sentence = ms
        for m in ms:
            self.last[m.type] = m
        parks = [m for m in ms if m.type == "PARK"]
        self.prev_parks = parks or self.prev_parks
        self.recent = (self.recent + [m for m in ms if m.type == "ORG"])[-12:]

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
            if re.fullmatch(r"\s*(?:而|但|并)?(?:漫步|走进|来到|走在)?(?:在|于)?", lead) and re.fullmatch(
                    r"(?:[^,;]{0,20}?(?:范围内|区域内))?(?:内|里|中|之内|一带)?", rest) and (rest or lead.strip()):
                out.append((b, k))
            elif re.search(r"(?:漫步|走进|来到)(?:在)?$", self.text[max(a, k.start - 4):k.start]) and re.match(r"(?:内|里|中)", rest):
                out.append((ss, k))  # `这是…,这是…”漫步在X内`: the walk frames the whole sentence
            elif "在" in seg[:2] and re.search(r"范围内$", seg):
                out.append((b, k))
            elif not lead.strip() and re.fullmatch(r"[^,;]{0,16}?(?:路|大道|大街|街|交叉口|交汇处|附近)", rest):
                out.append((b, k))  # `青岛西海岸新区滨海大道与琅琊台南路交叉口,…`: an address in the park
        return out

    # ------------------------------------------------------------ HOLDS_POST

    def holds_post(self, ms: list[Mention], sent: tuple[int, int]) -> None:
        text = self.text
        for i, p in enumerate(ms):
            if p.type != "PERSON":
                continue
            # the title chain read back from the name: `A会长、B董事长邵根伙`, `A副主任、科技局局长赵敏`
            j, seg, floor_of = p.start, [], self.floor_before
            while j > sent[0] and p.start - j <= 60:
                t = self.titles.ending_at(text, j, floor_of(j))
                if t is not None:
                    seg.insert(0, t)
                    j -= len(t)
                    if text[j - 1:j] == "兼":
                        seg.insert(0, "兼")
                        j -= 1
                    continue
                org = self.at_end.get(j)
                if org is not None and org.type in ORG_LIKE and seg:
                    self.rel(p, "HOLDS_POST", org, sent, "post:org-title-name", title=_post(seg))
                    seg = []
                    j = org.start
                    continue
                if text[j - 1] in "、," and seg or text[j - 1] in "、" and not seg:
                    seg = []
                    j -= 1
                    continue
                break
            # 其<title><name>: the organization of the previous sentences
            k = text.rfind("其", max(sent[0], p.start - 12), p.start)
            prev = self.last.get("COMPANY") or self.last.get("ORG")
            if k >= 0 and prev is not None and prev.start < sent[0]:
                found = self.titles.run_at(text, k + 1, p.start)
                if found and k + 1 + sum(len(t) for t in found) + found.__len__() - 1 >= p.start - 1:
                    self.rel(p, "HOLDS_POST", prev, sent, "post:pronoun", title=found[0])
            # <name>,<org><title> and <name>(<org><title>)
            if i + 1 < len(ms) and ms[i + 1].type in ORG_LIKE and text[p.end:ms[i + 1].start] in (",", "(", ""):
                q = ms[i + 1]
                found = self.titles.run_at(text, q.end, min(sent[1], q.end + 20))
                after = q.end + sum(len(t) for t in found)
                nxt = self.at_start.get(after) or self.at_start.get(after + 1)
                if found and not (nxt is not None and nxt.type == "PERSON"):  # not the title chain of the next name
                    self.rel(p, "HOLDS_POST", q, sent, "post:name-org-title", title=found[0])

    def floor_before(self, j: int) -> int:
        """A title never reaches into a name: the end of the last mention ending at or before ``j``."""
        i = bisect_left(self.starts, j) - 1
        floor = 0
        while i >= 0 and j - self.ms[i].start < 80:
            if self.ms[i].end <= j:
                floor = max(floor, self.ms[i].end)
            i -= 1
        return floor

    # ------------------------------------------------------------ FOCUSES_ON

    def focuses_on(self, ss, se, clauses, eff, ms, sent) -> None:
        text = self.text
        parks_in_sentence = [m for m in ms if m.type == "PARK"]
        for (a, b), s in zip(clauses, eff):
            inds = [m for m in self.mentions_in(a, b) if m.type == "INDUSTRY"]
            if not inds:
                continue
            seg = self.masked[a:b]
            # 以A等为载体重点发展X: the carriers focus on X
            car = _CARRIER.search(seg)
            if car:
                carriers = [m for m in self.mentions_in(a + car.start(1), a + car.end(1)) if m.type == "PARK"]
                for c in carriers:
                    for ind in inds:
                        if ind.start >= a + car.end():
                            self.rel(c, "FOCUSES_ON", ind, sent, "focus:carrier")
            # `X在人工智能、…等方面的资源与优势`, `X在虚拟现实产业的研发实力…处于全国领先`: X's strength
            for x in self.mentions_in(a, b):
                if x.type in ("PARK", "ORG") and text.startswith("在", x.end):
                    inner = [i for i in inds if i.start > x.end and not re.search(r"[,;]", text[x.end:i.start])]
                    if inner and _STRENGTH.search(seg, inner[-1].end - a):
                        for ind in inner:
                            self.rel(x, "FOCUSES_ON", ind, sent, "focus:strength")
            own = _OWN_CUE.search(seg)
            holders: list[Mention] = []
            if s is not None and s.kind == "entity":
                holders = [m for m in s.ms if m.type in ("PARK", "ORG")]
                if s.carried and self.item_park is not None:
                    holders = [self.item_park]  # an `一是…` item paragraph is about its own park
            if own and not [h for h in holders if h.type == "PARK"] and (s is None or s.kind not in ("region", "plan")):
                # `…等主导产业`, `产业体系`: a property of the park the sentence names
                before = [m for m in parks_in_sentence if m.end <= inds[0].start] or parks_in_sentence
                if before:
                    holders = [before[-1]]
                elif s is None or s.kind == "industry" or s.kind == "entity" and s.carried:
                    holders = [self.topic_park] if self.topic_park is not None else []
            if not holders or not (own or _FOCUS_CUE.search(seg)):
                continue
            # an organization needs a strong cue: a ministry that `发布促进光伏产业发展的通知` focuses on nothing
            holders = [h for h in holders if h.type == "PARK" or own or _ORG_FOCUS_CUE.search(seg)]
            for h in holders:
                for ind in inds:
                    if not (h.start <= ind.start < h.end):
                        self.rel(h, "FOCUSES_ON", ind, sent, "focus:own" if own else "focus:cue")

    # ------------------------------------------------------------ LOCATED_IN and PART_OF

    def place(self, x: Mention, park: Mention, sent, rule: str) -> None:
        """``x`` is in ``park``: LOCATED_IN for a company or organization, PART_OF for a smaller park."""
        if x.type in ("COMPANY", "ORG"):
            self.rel(x, "LOCATED_IN", park, sent, rule)
        elif x.type == "PARK" and park.type == "PARK" and x.text != park.text and not park.text.startswith(x.text):
            self.rel(x, "PART_OF", park, sent, rule)

    def locations(self, ss, se, clauses, subjects, eff, ms, sent, frame) -> None:
        text = self.text
        for idx, ((a, b), s) in enumerate(zip(clauses, eff)):
            cms = self.mentions_in(a, b)
            seg = self.masked[a:b]
            subj_parks = s.of_type("PARK") if s is not None else []
            subj_firms = s.of_type("COMPANY", "ORG") if s is not None else []
            own = subjects[idx]
            # the last locative frame before the clause holds for its explicit subjects, and for `这是X` in a walk
            park = next((k for pos, k in reversed(frame) if pos <= a), None)
            if park is not None and not any(pos == b for pos, _ in frame):
                if own is not None and own.kind == "entity" and not own.carried:
                    for x in own.ms:
                        self.place(x, park, sent, "located:frame")
                shown = re.match(r"[“\"]?这(?:里)?是", seg)
                if shown:
                    x = self.at_start.get(a + shown.end())
                    if x is not None:
                        self.place(x, park, sent, "located:frame")
            # host: <park>集聚/入驻了/引进 A、B等
            for cue in _HOST_CUE.finditer(seg):
                if _HERE.search(text, a + max(0, cue.start() - 3), a + cue.start()):
                    continue
                hosts = [m for m in cms if m.type == "PARK" and m.end <= a + cue.start()] or subj_parks
                if not hosts:
                    continue
                host = hosts[-1]
                rep = re.match(r"了?以([^,;。]{1,40}?)为代表", seg[cue.end():])
                if rep:  # `集聚了以首个…——国家高速列车技术创新中心为代表的十几家平台`
                    inner = [m for m in self.mentions_in(a + cue.end() + rep.start(1), a + cue.end() + rep.end(1)) if m.type in ORG_LIKE]
                    listed = [m for m in self.coordinated(inner[0], a + cue.end() + rep.end(1)) if m.type in ORG_LIKE] if inner else []
                else:
                    listed = self.list_at(a + cue.end(), b, ORG_LIKE, lead_items=True)
                if cue.group() in ("有", "拥有") and not listed:
                    continue
                for x in listed:
                    self.place(x, host, sent, "located:host")
                if listed:
                    break
            # A、B等…在此集聚: the subject of the sentence (or the park before) hosts them
            here = _HERE.search(seg)
            if here and _HOST_CUE.search(seg, here.end()) or here and _JOIN_CUE.search(seg, here.end()) or \
                    here and re.search(r"起航|发展|落户|扎根", seg[here.end():]):
                ref = self.here_referent(clauses, eff, idx)
                if ref is not None:
                    for x in [m for m in cms if m.end <= a + here.start() and m.type in ORG_LIKE] or subj_firms:
                        self.place(x, ref, sent, "located:here")
            # join: <company>入驻/落户/迁址<park>, `搬到这里`
            for cue in _JOIN_CUE.finditer(seg):
                firms = [m for m in cms if m.type in ("COMPANY", "ORG") and m.end <= a + cue.start()]
                firms = firms[-1:] if firms else subj_firms
                if not firms:
                    # `公司的研发总部搬到这里`: the company named last
                    named = [m for m in ms if m.type == "COMPANY" and m.end <= a] or [m for m in self.prev_sentence if m.type == "COMPANY"]
                    if re.match(r"[^,;]{0,4}?(?:该|其|将)?公司的?[^,;]{0,8}$", seg[:cue.start()]) and named:
                        firms = named[-1:]
                    else:
                        continue
                target = next((m for m in cms if m.type == "PARK" and m.start >= a + cue.end() and m.start - (a + cue.end()) <= 4), None)
                if target is None and re.match(r"(?:到)?(?:这里|此)", seg[cue.end():]):
                    target = self.here_referent(clauses, eff, idx)
                if target is None:
                    continue
                for f in firms:
                    self.rel(f, "LOCATED_IN", target, sent, "located:join")
            # `极视角的落户`: a company's arrival in the park the sentence names
            nominal = re.search(r"的(?:落户|入驻|落地)", seg)
            if nominal:
                firm = next((m for m in reversed(cms) if m.type in ("COMPANY", "ORG") and m.end == a + nominal.start()), None)
                parks = [m for m in ms if m.type == "PARK"]
                if firm is not None and len({p.text for p in parks}) == 1:
                    self.rel(firm, "LOCATED_IN", parks[0], sent, "located:join")
            # <company>在<park>投资/建设/启用
            for m in cms:
                if m.type == "PARK" and text[m.start - 1:m.start] == "在" and _AT_VERB.match(text, m.end):
                    x = self.at_end.get(m.start - 1)
                    firms = [x] if x is not None and x.type in ("COMPANY", "ORG") else subj_firms
                    for f in firms:
                        self.rel(f, "LOCATED_IN", m, sent, "located:at")
            # 位于/地处<park>
            for cue in _LOCATE_AT.finditer(seg):
                parks = []
                for m in cms:
                    if m.type == "PARK" and m.start >= a + cue.end() and (not parks and m.start - (a + cue.end()) <= 2 or parks and m.start == parks[-1].end):
                        parks.append(m)
                if not parks:
                    continue
                after = text[parks[-1].end:b]
                if after.startswith("的"):  # 位于X的Y
                    y = self.at_start.get(parks[-1].end + 1)
                    targets = [y] if y is not None and y.type in ORG_LIKE else []
                else:
                    targets = [m for m in (s.ms if s is not None and s.kind == "entity" else ()) if m.end <= a + cue.start() or m.start < a]
                for t in targets:
                    for p in parks:
                        self.place(t, p, sent, "located:weiyu")
            # <park>内的<park>: `西安高新区内的碑林环大学创新产业带`
            for m in cms:
                if m.type == "PARK" and re.match(r"(?:内|里)的", text[m.end:m.end + 2]):
                    y = self.at_start.get(m.end + 2)
                    if y is not None:
                        self.place(y, m, sent, "located:nei-de")
            # `A、B等(重点)项目进展迅速`, `推进A、B等259个在建项目`, `A…、B…等大项目的落地`: projects of companies in the park
            proj = _PROJECT_LIST.search(seg)
            if proj:
                go_after = _PROJECT_GO.match(seg, proj.end()) or seg.startswith("的落地", proj.end())
                firms = [m for m in cms if m.type == "COMPANY" and m.end <= a + proj.start()
                         and (m.start == _LEAD.match(text, a, b).end() or text[m.start - 1] in "、和" or
                              _PROJECT_GO.search(text, max(a, m.start - 4), m.start))]
                go_before = firms and _PROJECT_GO.search(text, a, firms[0].start)
                holder = subj_parks[0] if subj_parks else self.park_of_sentence(clauses, eff)
                if holder is None and (s is None or s.carried or set(s.ms) <= set(firms)):
                    holder = self.topic_park
                if holder is not None and (go_after or go_before):
                    for x in firms:
                        self.rel(x, "LOCATED_IN", holder, sent, "located:project")
            # X(仅)是<park>…的一个实例 / X是代表企业之一
            ex_subject = subjects[idx]
            if ex_subject is not None and ex_subject.kind == "entity":
                x = ex_subject.ms[0]
                rest = text[x.end:b]
                em = _EXAMPLE.match(rest)
                if em:
                    inner = [m for m in self.mentions_in(x.end + em.start(1), x.end + em.end(1)) if m.type == "PARK"]
                    if inner:
                        self.place(x, inner[0], sent, "located:example")
                if re.match(r"^(?:是|为)(?:其中的?)?(?:代表|龙头|骨干|重点)企业之一", rest):
                    park = self.park_of_sentence(clauses, eff)
                    if park is not None:
                        self.place(x, park, sent, "located:example")

    def here_referent(self, clauses, eff, idx) -> Mention | None:
        """`在此`/`这里`: a park subject earlier in the sentence, else the first park of the sentence before."""
        for s in reversed(eff[:idx]):
            if s is not None and s.of_type("PARK"):
                return s.of_type("PARK")[0]
        a, b = clauses[idx]
        inside = [m for m in self.mentions_in(clauses[0][0], a) if m.type == "PARK"]
        if inside:
            return inside[-1]
        return self.prev_parks[0] if self.prev_parks else self.topic_park

    def park_of_sentence(self, clauses, eff) -> Mention | None:
        for s in eff:
            if s is not None and s.of_type("PARK"):
                return s.of_type("PARK")[0]
        return None

    def part_of(self, ss, se, clauses, eff, ms, sent, main) -> None:
        text = self.text
        parks = [m for m in ms if m.type == "PARK"]
        # a park named right after its parent: `西安高新区集贤产业园`
        for x, y in zip(parks, parks[1:]):
            if y.start == x.end:
                self.rel(y, "PART_OF", x, sent, "part:adjacent")
        for (a, b), s in zip(clauses, eff):
            seg = self.masked[a:b]
            subj_parks = s.of_type("PARK") if s is not None else []
            # 以A等为载体: carriers of the sentence's zone
            car = _CARRIER.search(seg)
            if car:
                zone = self.park_of_sentence(clauses, eff) if not subj_parks else subj_parks[0]
                if zone is None and main is None:
                    zone = self.topic_park
                for c in [m for m in self.mentions_in(a + car.start(1), a + car.end(1)) if m.type == "PARK"]:
                    if zone is not None:
                        self.place(c, zone, sent, "part:carrier")
            # X分别是/包括/涉及 A、B和C
            mem = _MEMBERS.search(seg)
            if mem and not re.search(r"在内", seg[mem.end():]):  # `包括A、B在内的…` only qualifies
                before = [m for m in self.mentions_in(a, a + mem.start()) if m.type == "PARK"]
                parent = before[-1] if before else (subj_parks[0] if subj_parks else (self.topic_park if s is None or s.carried else None))
                if parent is not None:
                    members = [m for m in parks if m.start >= a + mem.end() and (m.start == a + mem.end() or text[m.start - 1] in "、和及与:" or
                                                                                    text[m.start - 1] == ";" or m.start in {c[0] for c in clauses})]
                    for m in members:
                        self.place(m, parent, sent, "part:members")
            # a park builds parks: `青岛国际创新园打造了A、B、C等孵化器`, `推进A规划建设`
            if subj_parks:
                for cue in _BUILD.finditer(seg):
                    objs = self.list_at(a + cue.end(), b, ("PARK",))
                    for o in objs:
                        if not _ZONE.search(o.text) or len(o.text) < len(subj_parks[0].text):
                            self.rel(subj_parks[0], "OPERATES", o, sent, "operates:build")
                            self.rel(o, "PART_OF", subj_parks[0], sent, "part:build")
                    if objs:
                        break
                m = re.search(r"(?:推进|推动|加快|启动)", seg)
                if m:
                    o = next((x for x in self.mentions_in(a + m.end(), b) if x.type == "PARK"), None)
                    if o is not None and re.match(r"(?:规划)?建设", text[o.end:o.end + 4]) and o.text != subj_parks[0].text:
                        self.rel(subj_parks[0], "OPERATES", o, sent, "operates:build")
                        self.rel(o, "PART_OF", subj_parks[0], sent, "part:build")
            # member paragraphs after an `一区多园` heading
            own = self.subject_at(a, b)
            if self.member_zone is not None and own is not None and own.kind == "entity":
                for x in own.of_type("PARK"):
                    if x.text != self.member_zone.text and not (_ZONE.search(x.text) and x.text.endswith(self.member_zone.text[-3:])):
                        self.rel(x, "PART_OF", self.member_zone, sent, "part:member-list")
                        self.member_para = True
        # 包括A、B在内的…以“一城多园”模式建设X
        multi = _MULTI.search(text, ss, se)
        if multi:
            after = [m for m in parks if m.start >= multi.end()]
            before = [m for m in parks if m.end <= multi.start()]
            zone_here = next((m for m in reversed(before) if m.end == multi.start() or text[m.end:multi.start()] in ("“", "\"")), None)
            if zone_here is not None:
                if _DISTRIBUTIVE.search(self.masked, multi.end(), se):
                    self.member_zone = zone_here  # `青岛高新区“一区多园”各有特色…`: members follow
                    self.member_para = True
            elif after and re.search(r"(?:建设|打造|建成|组建)$", text[multi.end():after[0].start].rstrip("“”\"")):
                zone = after[0]
                for m in before:
                    self.place(m, zone, sent, "part:multi")
        # `A、B、C作为先行启动区`, `A是B的核心载体`
        for cue in _PART_PHRASE.finditer(text, ss, se):
            inner = [p for p in parks if p.start >= cue.start(2) and p.end <= cue.end(2)]
            topic = self.last_zone if self.last_zone is not None else self.topic_park
            parent = inner[-1] if inner else (topic if topic is not None and _ZONE.search(topic.text) else None)
            if parent is None:
                continue
            children: list[Mention] = []
            for p in reversed([p for p in parks if p.end <= cue.start()]):
                gap = text[p.end:(children[-1].start if children else cue.start())]
                if children and gap not in ("、", "和", "及", "与"):
                    break
                if not children and (len(gap) > 40 or re.search(r"[。;!?]", gap) or re.search(r"[,]", gap) and not inner):
                    break
                children.append(p)
            if not children:
                idx = next((i for i, (a, b) in enumerate(clauses) if a <= cue.start() < b), None)
                s = eff[idx] if idx is not None else None
                children = s.of_type("PARK")[:1] if s is not None else []
            for c in children:
                self.rel(c, "PART_OF", parent, sent, "part:phrase")

    # ------------------------------------------------------------ OPERATES and INVESTS_IN

    def operates(self, ss, se, clauses, eff, ms, sent) -> None:
        text = self.text
        for (a, b), s in zip(clauses, eff):
            for f in [m for m in self.mentions_in(a, b) if m.type == "FUND"]:
                cue = _FUND_CUE.search(self.masked, max(a, f.start - 25), f.start)
                if not cue:
                    continue
                before = [m for m in self.mentions_in(a, cue.start()) if m.type in ORG_LIKE]
                if before:
                    head = before[-1]
                elif s is not None and s.kind == "entity" and s.ms:
                    head = s.ms[0]
                elif s is None:
                    head = self.topic_park
                else:
                    continue
                if head is not None:
                    self.rel(head, "OPERATES", f, sent, "operates:fund")
        # 由A和B(合作)开发运营的<park>; 由A联合…打造的…,<park>
        for m in re.finditer(r"由([^。;]{2,60}?)(合作|共同|联合)?(?:开发运营|开发建设|投资建设|运营|建设|管理|打造)的", text[ss:se]):
            a, b = ss + m.start(1), ss + m.end(1)
            owners = [x for x in ms if x.start >= a and x.end <= b and x.type in ORG_LIKE]
            owners = owners if not re.search(r"联合", text[a:b]) else owners[:1]
            target = next((x for x in ms if x.type == "PARK" and x.start >= ss + m.end()), None)
            if target is None and _ANAPHORS[2][1].match(text, ss + m.end()):
                target = self.last.get("PARK")  # `这个由A和B合作开发运营的园区`: the park named last
            for o in owners:
                if target is not None:
                    self.rel(o, "OPERATES", target, sent, "operates:by")
            if m.group(2) or re.search(r"合作|共同", text[a:b]):
                for x, y in zip(owners, owners[1:]):
                    self.rel(x, "PARTNERS_WITH", y, sent, "partners:co-develop")
        # X投资N亿元,建设<park>
        for i, x in enumerate(ms):
            if x.type not in ("COMPANY", "ORG", "FUND", "PARK"):
                continue
            m = re.match(r"投资([^,。;]{1,12}?元)[,]?(?:建设|打造|兴建|新建)", text[x.end:x.end + 24])
            if not m:
                continue
            target = next((y for y in ms[i + 1:] if y.type in ("PARK", "COMPANY") and y.start <= x.end + m.end() + 2), None)
            if target is not None:
                amount = parse_amount(m.group(1))
                self.rel(x, "INVESTS_IN", target, sent, "invests:build", amount=amount.text if amount else m.group(1))
                if target.type == "PARK":
                    self.rel(x, "OPERATES", target, sent, "operates:build")
        # a company that builds or will build a park: `将打造青岛国际海洋寡糖制备中心产业化基地`
        for (a, b), s in zip(clauses, eff):
            firms = s.of_type("COMPANY") if s is not None else []
            if not firms:
                continue
            cue = re.search(r"(?:投资)?(?:建设|打造|兴建|新建|开发)", text[a:b])
            if cue:
                o = next((m for m in self.mentions_in(a + cue.end(), b) if m.type == "PARK" and m.start - (a + cue.end()) <= 2), None)
                if o is not None:
                    self.rel(firms[0], "OPERATES", o, sent, "operates:build")

    # ------------------------------------------------------------ PARTNERS_WITH

    def partners(self, ss, se, clauses, eff, ms, sent) -> None:
        text = self.text
        done: set[int] = set()
        for i, x in enumerate(ms):
            if x.type not in ORG_LIKE or x.start in done:
                continue
            # A与B(、C)签署…: every pair of the parties
            nxt = next((m for m in ms[i + 1:] if m.start >= x.end), None)
            if nxt is None or nxt.type not in ORG_LIKE or not _COJOIN.match(text[x.end:nxt.start]):
                continue
            parties = [x] + [m for m in self.coordinated(nxt, se) if m.type in ORG_LIKE]
            tail_end = parties[-1].end
            if text[x.end:nxt.start] in ("携手",) or _PARTNER_CUE.search(self.masked, tail_end, min(se, tail_end + 12)):
                for k, p in enumerate(parties):
                    done.add(p.start)
                    for q in parties[k + 1:]:
                        self.rel(p, "PARTNERS_WITH", q, sent, "partners:sign")
        # <subject>联合B对…: joint work with a named partner
        for (a, b), s in zip(clauses, eff):
            seg = self.masked[a:b]
            for cue in re.finditer(r"联合|携手|会同", seg):
                partners = self.list_at(a + cue.end(), b, ORG_LIKE)
                if not partners or partners[0].start != a + cue.end():
                    continue
                before = [m for m in self.mentions_in(a, a + cue.start()) if m.type in ORG_LIKE]
                heads = before[-1:] if before else (s.of_type(*ORG_LIKE)[:1] if s is not None else [])
                for h in heads:
                    for p in partners:
                        self.rel(h, "PARTNERS_WITH", p, sent, "partners:joint")
            # 依托A和B…,X建立…联合体
            dep = re.search(r"依托", seg)
            if dep:
                hosts = [m for m in self.mentions_in(a + dep.end(), b) if m.type in ("ORG", "COMPANY")]
                later = [(c, e) for c, e in zip(clauses, eff) if c[0] >= a]
                for (c0, c1), e in later:
                    if re.search(r"(?:建立|组建|共建|成立|打造)[^,;]{0,20}(?:" + _JOINT_BODY.pattern + ")", text[c0:c1]):
                        heads = e.of_type(*ORG_LIKE)[:1] if e is not None else []
                        for h in heads:
                            for o in hosts:
                                self.rel(h, "PARTNERS_WITH", o, sent, "partners:joint-body")
                        break

    # ------------------------------------------------------------ SUBSIDIARY_OF

    def subsidiary(self, ss, se, ms, sent) -> None:
        text = self.text
        for x, y in zip(ms, ms[1:]):
            if x.type in ORG_LIKE and y.type in ("COMPANY", "ORG") and _SUBSIDIARY_CUE.match(text[x.end:y.start]):
                self.rel(y, "SUBSIDIARY_OF", x, sent, "subsidiary:cue")
        # `该委员会内设A、B…,其中C…`, `X下设…`
        for m in re.finditer(r"内设|下设", text[ss:se]):
            k = ss + m.start()
            parent = self.at_end.get(k)
            if parent is None:
                an = re.search(r"该(委员会|协会|中心|局|机构|联盟|集团|公司)$", text[max(ss, k - 6):k])
                parent = self.resolve("ORG" if an and an.group(1) not in ("集团", "公司") else "COMPANY", an.group()) if an else None
            if parent is None:
                continue
            for y in [y for y in ms if y.start > k and y.type in ("ORG", "COMPANY")]:
                self.rel(y, "SUBSIDIARY_OF", parent, sent, "subsidiary:inner")

    # ------------------------------------------------------------ LEADS_CHAIN

    def leads_chain(self, ss, se, clauses, ms, sent) -> None:
        text = self.text
        for a, b in clauses:
            dm = re.match(r"\s*在([^,]{1,20})(?:方面|领域)$", text[a:b])
            if dm:
                self.domain = [m for m in self.mentions_in(a, b) if m.type == "INDUSTRY"] or self.domain
        industries = [m for m in ms if m.type == "INDUSTRY"]
        for m in ms:
            if m.type == "COMPANY" and text[max(0, m.start - 6):m.start].endswith(("链主企业", "链主")):
                for ind in industries or self.domain:
                    self.rel(m, "LEADS_CHAIN", ind, sent, "chain:leader-company")
            if m.type == "PERSON" and re.search(r"链长", text[max(ss, m.start - 10):min(se, m.end + 10)]):
                for ind in industries:
                    self.rel(m, "LEADS_CHAIN", ind, sent, "chain:leader-person")


def _post(seg: list[str]) -> str:
    """The post of one organization in a chain: the first title, or titles joined by 兼 (`创始人兼董事长`)."""
    if "兼" in seg:
        k = seg.index("兼")
        return "".join(seg[max(0, k - 1):k + 2])
    return next(t for t in seg if t != "兼")


def find_relations(
    text: str, mentions: Sequence[Mention], titles: Mapping[str, str], regions: frozenset[str] | set[str] = frozenset()
) -> list[Relation]:
    """All relations in ``text`` between ``mentions``, in reading order.

    ``regions`` (city and district names) block a clause subject: what a city
    develops is no park's focus.
    """
    return _Reader(text, mentions, titles, regions).read()


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
    seen, out = set(), []
    for r in rels:
        key = (r.head.start, r.type, r.tail.start)
        if r.type == "PARTNERS_WITH":
            key = (min(r.head.start, r.tail.start), r.type, max(r.head.start, r.tail.start))
        if key not in seen and r.head.start != r.tail.start:
            seen.add(key)
            out.append(r)
    return out

