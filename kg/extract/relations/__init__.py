"""Relations: typed facts between the entity mentions of one document.

Pure functions over the normalized text and its mentions (from
:mod:`kg.extract.entities`). Every relation carries the sentence that states it and
the rule that found it; :mod:`kg.extract.document` maps the sentence to raw offsets.

The text is read as paragraphs → sentences (``。!?``) → clauses (``,;:``,
``……``). Each clause gets a **subject**: the entity (or list of entities)
that opens it after adverbials (`近年来,`, `据悉,`, `其中`, `2022年以来`),
a head noun after a modifier (`总投资260亿元的甬江实验室`,
a person after a title or an age: `时任江西省委副书记的王明`, `47岁的李华`), an anaphor resolved
to what came before (`该公司`, `该委员会`, `这里`, `园区`, `示范区内`, `他` for the person named last), or a
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
  `其<title><name>`, `该公司(韩籍)<title><name>`, `<org>的<title><name>`; ``title`` is the post right after its organization
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
  `A、B作为先行启动区`, `以A等为载体`, a park named right after its parent, `X分为/辖A、B`, `X由A、B组成`,
  `B隶属于A`, `A的新工厂在X投产`, `选址X`, `A是X的入驻企业`, `X高新区的A园`.
  A company or organization is LOCATED_IN, a park is PART_OF.
* **OPERATES** — a fund set up (`设立/成立/推出…<fund>`) by the subject, a park
  that builds parks (`打造了A、B等孵化器`, `推进A规划建设`), `由A和B…开发运营的<park>`,
  a company that invests to build a park (also **INVESTS_IN** with ``amount``), `A负责X的开发建设`,
  `A是X的运营主体`, `X的运营方A`, `<fund>由A管理`, `X由A委托B管理` (B). **INVESTS_IN** also: `A增资/入股/领投B`, `B获得A投资`,
  `B完成由A领投的融资`, `B的投资方包括A`, `A对B增资`, `A持有B N%股权` (half or less), `A…资金投入B`, `A成为B的战略投资者`.
* **PARTNERS_WITH** (symmetric) — `A与B、C签署/签订/成立/共建/合作…` (every pair
  of the signing parties), `A携手/牵手B`, `A、B签订合作协议`, `由A和B合作开发运营`, `<subject>联合B`,
  `依托A和B…建立…联合体`.
* **SUBSIDIARY_OF** — `A直属企业B`, `A旗下B`, `A子公司B`, `该委员会内设…,其中B`, `B隶属于A`,
  `A持有B 51%股权`, `B的母公司A`, `(此外,)母公司A…` (the company named before), `B为A的全资附属公司`.
* **LEADS_CHAIN** — `链主企业X` or a `链长` with an industry in the sentence or
  in the `在X方面` frame of the paragraph; `X是/被认定为<industry>链主企业`, `B担任<industry>链长`.

The package: :mod:`.reader` is the shared machinery (sentences, clauses, subjects, the carried topic,
mention lookup); one module per relation family holds its rules (:mod:`.posts`, :mod:`.focus`,
:mod:`.locations`, :mod:`.part_of`, :mod:`.operates`, :mod:`.partners`, :mod:`.subsidiary`,
:mod:`.chains`), run on every sentence in the order of :data:`FAMILIES`; :mod:`.rule_table` names and
describes every rule (``docs/rules.md`` is generated from it); the word lists are in
``kg/data/rules/`` (:mod:`kg.kb.rules`).

>>> from kg.extract.entities import Mention
>>> text = "青岛蓝谷管理局副局长徐一冰表示,蓝谷聚焦海洋生物医药产业链。"
>>> ms = [Mention(0, 7, "ORG", "青岛蓝谷管理局", "t"), Mention(10, 13, "PERSON", "徐一冰", "t"),
...       Mention(16, 18, "PARK", "蓝谷", "t"), Mention(20, 29, "INDUSTRY", "海洋生物医药产业链", "t")]
>>> [(r.head.text, r.type, r.tail.text, r.attrs) for r in find_relations(text, ms, {"副局长": "gov"})]
[('徐一冰', 'HOLDS_POST', '青岛蓝谷管理局', {'title': '副局长'}), ('蓝谷', 'FOCUSES_ON', '海洋生物医药产业链', {})]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from kg.extract.entities import Mention
from kg.extract.relations import chains, focus, locations, operates, part_of, partners, posts, subsidiary
from kg.extract.relations.pairs import PairModel
from kg.extract.relations.reader import MAX_SENTENCE, ORG_LIKE, RELATION_TYPES, Reader, Relation, Sentence

__all__ = ["FAMILIES", "MAX_SENTENCE", "ORG_LIKE", "RELATION_TYPES", "Relation", "find_relations"]

#: The rule families in the order they run on every sentence. The order matters: when two rules find
#: the same (head, type, tail), the relation found first is kept.
FAMILIES: tuple[Callable[[Reader, Sentence], None], ...] = (
    posts.holds_post, focus.focuses_on, locations.locations, part_of.part_of, operates.operates,
    partners.partners, subsidiary.subsidiary, chains.leads_chain)


def find_relations(
    text: str, mentions: Sequence[Mention], titles: Mapping[str, str], regions: frozenset[str] | set[str] = frozenset(),
    model: PairModel | None = None,
) -> list[Relation]:
    """All relations in ``text`` between ``mentions``: the rules' in reading order, then those ``model`` adds.

    ``regions`` (city and district names) block a clause subject: what a city
    develops is no park's focus. ``model`` (:mod:`.pairs`, a build passes
    :func:`.pairs.default_model` unless ``--rules-only``) adds relations between
    mentions of one sentence that the rules do not relate by that type.
    """
    r = Reader(text, mentions, titles, regions)
    for sent in r.sentences():
        if sent.mentions:  # every relation has an end in its sentence: the rules have nothing to read in the rest
            for family in FAMILIES:
                family(r, sent)
        r.carry(sent)
    found = r.relations()
    if model is not None:
        found += model.relations(text, r.ms, found, r.titles)
    return found
