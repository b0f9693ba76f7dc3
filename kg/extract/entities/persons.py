"""Persons: a name after a title (``副局长徐一冰``, title chains), a name before a phrase that
closes with a title (``陈硕,…联合创始人``), transliterated names after foreign heads of state
(``总统卢拉``) and names written in parts (``艾尔肯·吐尼亚孜``).

A Chinese name is a surname from the lexicon and one or two characters; which of the two is
decided by the words around it (``赵敏告诉`` is 赵敏).

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> def ctx(text): return _Ctx(text, lex, None, [False] * len(text))  # no tokens: characters
>>> sorted({m.text for m in _persons(ctx("崂山区科技局局长赵敏告诉记者,总统卢拉表示"))})
['卢拉', '赵敏']
>>> [m.text for m in _persons_title_after(ctx("陈硕,深圳极视角科技有限公司联合创始人,表示"))]
['陈硕']
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.entities.context import _CJK, _FUNCTION_CHARS, Mention, _Ctx, _tries
from kg.kb import rules


# Single characters that follow a person's name in news text (`赵敏告诉`,
# `徐一冰说`): a two-character name is chosen when the third character is one.
_AFTER_NAME = set("说讲表介指告认强称出主会带一赴到来参调走深也就对向率和与及为是同亲先接致提透坦答回等在的作陪、,。:;!?)(“”")

# Forms of address after a surname (`李先生`): the surname alone is no name (decisions: a surname is not the name).
_ADDRESS_WORDS = frozenset({"先生", "女士", "小姐", "太太", "夫人"})

# Function characters that never stand in a given name (和 may, before its last character: `张和平`).
_NOT_IN_GIVEN_NAME = frozenset("的了着是与及在等也则还将已都亦仍均对把被某")  # 某: `陈某`, a name withheld

# Punctuation that closes a name in a list or clause, and verbs of saying that may follow a name directly.
_NAME_CLOSERS = frozenset("、,。;:!?)")
_SAYING = frozenset("说称讲道")

# Verbs of saying of two characters (`表示`, `指出`): never a given name.
_SPEECH_VERBS = frozenset(w for w in rules.words("speech_verbs") if len(w) == 2)

# Two-character words that are not names even after a title (`局长表示`).
_NOT_NAME = frozenset(rules.words("non_name_words"))

# Parts of speech of function words: a name never starts with one (`关于|加强`, `对于`).
_FUNCTION_POS = frozenset({"p", "c", "u", "uj", "r"})

# Titles of foreign states' heads, after which names are transliterations (`总统卢拉`, `总统奥尔西`).
_FOREIGN_TITLES = frozenset(rules.words("foreign_titles"))


def _persons(ctx: _Ctx) -> list[Mention]:
    """Names right after a title (`副局长徐一冰`); after a foreign head's title, a transliteration."""
    text = ctx.text
    lex = ctx.lex
    out = []
    for i, title in _tries(ctx.lex)["titles"].finditer(text):
        if lex.titles.get(title) == "generic" and not _after_an_office(ctx, i):
            continue  # `发言人` alone is no post; `外交部发言人` is
        p = i + len(title)
        latin = _LATIN_NAME.match(text, p)
        if latin:  # `史丹福大学教授Frederick E. Terman`
            out.append(Mention(p, latin.end(), "PERSON", latin.group(), "person:title"))
            continue
        cover = ctx.by_pos.get(p)
        if cover is not None and cover[0] < i + len(title) - 1 and cover[1] > p and cover[2] is not None:
            continue  # `常任理事|国`: the title ends inside a word (`安理会常任理事国`), no name follows
        name = _name_at(ctx, p)
        if name is None and cover is not None and cover[0] == p and cover[2] in (None, "nr") and 3 <= cover[1] - p <= 4 \
                and text[p] in _FUNCTION_CHARS and text[p] in ctx.lex.surnames \
                and not _tries(ctx.lex)["titles"].longest_at(text, cover[1]):  # `委员由港方|委员出任`: a preposition
            name = text[p:cover[1]]  # `总裁于旭明`: a surname that is also a function word, one unknown word (a name) with the rest
        if title in _FOREIGN_TITLES:  # `乌拉圭总统奥尔西`: after a head of a foreign state, a short transliteration
            run = _foreign_name(text, p, min_len=2, any_first=False, words=ctx.words) or ""
            while len(run) > 2 and not ctx.is_token_boundary(p + len(run)) and not text[p + len(run):p + len(run) + 1].isspace():
                run = run[:-1]  # `奥尔西|特别`: the name ends where the next word starts (or at a space: `卡洛西 (左)`)
            name = run if len(run) >= 2 and (name is None or len(run) > len(name)) else name
        if name and cover is not None and cover[0] == p and cover[2] in ("i", "l") and cover[1] > p + len(name):
            continue  # `主席|高瞻远瞩`: an idiom after the title, not a name
        if name and cover is not None and cover[0] == p - 1 and cover[1] > p and text[p + len(name):p + len(name) + 1] not in _AFTER_NAME:
            continue  # `宜兴市|长江|稀土冶炼厂`: the title's last character opens a place, no name follows (`常州市长江涛表示`)
        if name:
            name = _dotted_name(ctx, p, name)
            out.append(Mention(p, p + len(name), "PERSON", name, "person:title"))
            out += _sharing_the_title(ctx, p + len(name))
    return out


# A Western name in Latin letters: capitalized words and initials (`Ray Kurzweil`, `Peter H. Diamandis`).
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-zA-Z'-]+))*(?: [A-Z][a-zA-Z'-]+)(?![A-Za-z])"
                         r"|[A-Z][a-z]{2,}[A-Z][a-z]{2,}(?![A-Za-z-])")  # or given and family name run together (`DavidSmith`);
# not before a hyphen: `KimYoung-ky` is one name the run-together form would cut


def _after_an_office(ctx: _Ctx, i: int) -> bool:
    """Does an organization's suffix end right before ``i`` (`外交部|发言人`, `指挥中心|发言人`)?"""
    return any(ctx.text[k:i] in ctx.lex.org_suffixes or ctx.text[k:i] in ctx.lex.company_suffixes
               for k in range(max(0, i - 4), i))


def _sharing_the_title(ctx: _Ctx, e: int) -> list[Mention]:
    """`副总裁刘中勇、严明志及朱晓南`: names listed right after a titled name share its title; the list
    ends at anything that is not a name closed by `、`, `及`, `和` or the clause's end."""
    text = ctx.text
    out = []
    while e < len(text) and text[e] in "、及和与":
        name = _name_at(ctx, e + 1)
        end = e + 1 + len(name) if name else e
        if not name or len(name) < 2 or (end < len(text) and text[end] not in "、及和与,。;:!?)等"):
            break
        out.append(Mention(e + 1, end, "PERSON", name, "person:title"))
        e = end
    return out


def _dotted_name(ctx: _Ctx, p: int, name: str) -> str:
    """`艾尔肯·吐尼亚孜`: a name written in parts joined by `·` (or a hyphen: `保罗-巴尔克`) is one name."""
    text = ctx.text
    e = p + len(name)
    while e + 2 < len(text) and text[e] in "·-" and _CJK.match(text[e + 1]):
        k = e + 1
        while k < len(text) and k - e <= 8 and _CJK.match(text[k]) and not (k > e + 2 and text[k:k + 2] in _NOT_NAME) \
                and text[k] not in _NOT_IN_GIVEN_NAME and not (k > e + 2 and ctx.words.get(text[k:k + 2], "")[:1] in ("t", "v")):
            k += 1  # up to the next word of the clause (`…吐尼亚孜|出席`, `…考文垂|的专访`, `…萨勒曼|当天`, `…杜姆弗|乘坐`)
        while k > e + 2 and not ctx.is_token_boundary(k):
            k -= 1  # the part ends where the next word starts
        e = k
    return text[p:e]


# A name of two to four characters opening a clause, then a comma or bracket (`陈硕,…`, `王建国(…`).
_NAME_THEN_TITLE = re.compile(r"(?:^|(?<=[。!?;,、\n“\"(:]))([\u4e00-\u9fff]{2,4})[,(]")


def _persons_title_after(ctx: _Ctx) -> list[Mention]:
    """`陈硕,深圳极视角科技有限公司联合创始人,…` and `赵敏(崂山区科技局局长)`:
    a name, a comma or bracket, then an organization and title closing the phrase."""
    text = ctx.text
    titles = _tries(ctx.lex)["titles"]
    out = []
    for m in _NAME_THEN_TITLE.finditer(text):
        p = m.start(1)
        name = _name_at(ctx, p)
        if not name or p + len(name) != m.end(1):
            continue
        tail_start = m.end()
        window = text[tail_start:tail_start + 40]
        stop = re.search(r"[,)。;、!?]", window)
        if not stop:
            continue
        phrase_end = tail_start + stop.start()
        for k in range(phrase_end - 1, tail_start - 1, -1):
            t = titles.longest_at(text, k)
            if t and k + len(t) == phrase_end and ctx.lex.titles.get(t) != "generic":
                out.append(Mention(p, p + len(name), "PERSON", name, "person:title-after"))
                break
    return out


def _persons_before_title(ctx: _Ctx) -> list[Mention]:
    """`王建国书记指出`, `习近平总书记强调`: a name right before a title, as whole words of the segmenter.

    The name must begin a clause or follow a word boundary that is not inside an organization's
    name, and it must not be a word of the dictionary (`区委书记` has no name `区委`)."""
    text = ctx.text
    out = []
    for i, title in _tries(ctx.lex)["titles"].finditer(text):
        if ctx.lex.titles.get(title) == "generic" or not ctx.is_token_boundary(i):
            continue
        for length in (3, 2, 4):
            p = i - length
            if p < 0 or not ctx.is_token_boundary(p) or _name_at(ctx, p) != text[p:i]:
                continue
            if length == 2 and title[0] in _OFFICE_CHARS:
                continue  # `卫福|部长`: two characters before `部长` are the office's short name, not a person
            if length == 3 and text[p - 1:p] == "的" and ctx.words.get(text[p + 1:i]) == "n":
                continue  # `认证的|高素质|工程师`: after `的`, a surname-like character and a noun describe the post holders
            if text[i - 1] in _BODY_END_CHARS:
                continue  # `居联会|主席`: a body's short name ending in `会`/`局`…, not a person
            if p > 0 and _CJK.match(text[p - 1]) and text[p - 1] not in _BEFORE_NAME and not (length == 3 and _after_word(ctx, p)):
                continue  # `高新区|管委会主任`-like runs: the "name" is the end of a longer phrase
            out.append(Mention(p, i, "PERSON", text[p:i], "person:before-title"))
            break
    return out


# The characters that end an office's name (`部`, `局`); a title starting with one (`部长`) may be read
# as the office's name plus `长`.
_OFFICE_CHARS = frozenset("部局厅处署司院委")

# The characters that end a body's (short) name right before its head's title (`居联会主席`, `民政局局长`):
# a given name does not end in one there.
_BODY_END_CHARS = frozenset("会局部厅处署司院委办所")

# Characters after which a name may start inside a run of Chinese characters (`会上王建国书记…`).
_BEFORE_NAME = set("上中后时的和与及同、")


def _after_word(ctx: _Ctx, p: int) -> bool:
    """Does a common word of the dictionary (two characters or more, not a name or place) end right at ``p``
    (`贯彻落实|习近平总书记`, `会见|王建国书记`)? A full name of three characters may follow one (shorter
    runs are too often words: `韩籍`, `房协`); it may not follow a name's part (`高新|区委书记`)."""
    t = ctx.by_end.get(p)
    return t is not None and t[1] - t[0] >= 2 and t[2] is not None and t[2] not in _NAME_POS


# Dictionary parts of speech of names, places and abbreviations: a run ending in one is a longer name.
_NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "ng"})


# A list of short names after a colon or `包括` (`8名新成员,包括:车品觉、蔡宏兴、何超平`): the items
# before the last are whole; the last runs on into the clause (`徐立之再获委任`) and is cut by _name_at.
# `任命|聘任|委任 <name> 为/担任 … <title>`: the verbs by which someone appoints a person to a post.
_APPOINTER = re.compile(rules.alternation("post_appointer_verbs"))
_AS_POST = re.compile(r"为|担任|出任")


def _persons_appointed(ctx: _Ctx) -> list[Mention]:
    """`市政府任命王立新为市科技局局长`, `董事会聘任赵明远为公司总经理`: the name between a verb of
    appointing and `为`/`担任` that a title follows within the clause is a person with that post."""
    text = ctx.text
    out = []
    for v in _APPOINTER.finditer(text):
        name = _name_at(ctx, v.end())
        if not name:
            continue
        e = v.end() + len(name)
        if len(name) == 2 and not _AS_POST.match(text, e) and _CJK.match(text[e:e + 1]) and _AS_POST.match(text, e + 1):
            e, name = e + 1, text[v.end():e + 1]  # `查毅|超为`: the segmenter glued the third character to 为
        after = _AS_POST.match(text, e)
        clause = re.match(r"[^,;。!?]{0,16}", text[after.end():]) if after else None
        if clause and any(ctx.lex.titles.get(t) != "generic" for _, t in _tries(ctx.lex)["titles"].finditer(clause.group())):
            out.append(Mention(v.end(), e, "PERSON", name, "person:appointed"))
    return out


# `赵明远任|现任|曾任 <org><title>`: the verb by which the person before it holds the post after it.
_TAKES_POST = re.compile(rf"(?:{rules.alternation('post_holding_verbs')})$")
_NAME_OPENERS = frozenset(",。;:、!?\n“(年月日")


def _persons_before_a_post(ctx: _Ctx, found: list[Mention]) -> list[Mention]:
    """`2019年,赵明远任苏州高新区管委会主任`, `会上,王建新任…集团董事长`: a name that opens its clause right
    before a verb of holding a post, an organization already found and a (non-generic) title after it; or
    `赵明远在星湖集团担任销售公司总经理一职`: the name, `在`, the organization, a verb of serving and a title
    in the clause. The segmenter often glues the name's end to the verb (`新任`, `远任`): the characters decide,
    not its words."""
    text = ctx.text
    out = []
    for m in found:
        end = _post_holder_end(ctx, m) if m.type in ("ORG", "COMPANY", "PARK") else None
        if end is None:
            continue
        for length in (3, 2):
            p = end - length
            cand = text[p:end] if p >= 0 else ""
            sur = cand[:2] if cand[:2] in ctx.lex.surnames else cand[:1]
            if not cand or (p > 0 and text[p - 1] not in _NAME_OPENERS) or sur not in ctx.lex.surnames \
                    or not all(_CJK.match(c) for c in cand) or cand in _NOT_NAME or set(cand[1:]) & _NOT_IN_GIVEN_NAME \
                    or (ctx.words.get(cand) or "nr")[:2] != "nr" or any(ctx.taken[p:end]) or cand[-1] == "时":
                continue  # `2003年沙士时担任…`: "when" ends a clause of time, not a name
            out.append(Mention(p, end, "PERSON", cand, "person:takes-post"))
            break
    return out


_SERVES = re.compile(rf"(?:{rules.alternation('post_serve_verbs')})")


def _post_holder_end(ctx: _Ctx, m: Mention) -> int | None:
    """Where the name of the post's holder ends before the organization ``m``: right before the verb
    (`…任<org><title>`), or right before `在` when a verb of serving and a title follow the organization
    within the clause (`在<org>担任…<title>`)."""
    text = ctx.text
    titles = _tries(ctx.lex)["titles"]
    verb = _TAKES_POST.search(text, max(0, m.start - 2), m.start)
    if verb:
        title = titles.longest_at(text, m.end)
        return verb.start() if title and ctx.lex.titles.get(title) != "generic" else None
    serve = _SERVES.match(text, m.end) if text[m.start - 1:m.start] == "在" else None
    clause = re.match(r"[^,;。!?]{1,16}", text[serve.end():]) if serve else None
    if clause and any(ctx.lex.titles.get(t) != "generic" for _, t in titles.finditer(clause.group())):
        return m.start - 1
    return None


_NAME_LIST = re.compile(r"(?:[:]|包括)((?:[\u4e00-\u9fff]{2,4}、)+)(?=[\u4e00-\u9fff]{2})")


def _person_lists(ctx: _Ctx) -> list[Mention]:
    """`3名现任董事:马衡、倪以理、徐立之再获委任`: every item of a list of names, in a sentence that names
    a post. The list counts only when each item is a name by itself (a surname, not a word of the
    dictionary), so a list of firms or places is left alone."""
    text = ctx.text
    out: list[Mention] = []
    with_title = {i for i, t in _tries(ctx.lex)["titles"].finditer(text) if ctx.lex.titles.get(t) != "generic"}
    for m in _NAME_LIST.finditer(text):
        start = m.start(1)
        sentence = max(text.rfind(c, 0, start) for c in "。!?;\n") + 1
        end_of_sentence = min((k for k in (text.find(c, start) for c in "。!?;\n") if k >= 0), default=len(text))
        if not any(sentence <= i < end_of_sentence for i in with_title):
            continue
        items, p = [], start
        for item in m.group(1).split("、")[:-1]:
            items.append((p, item))
            p += len(item) + 1
        last = _name_at(ctx, p)
        tail = None  # `…、管秩生及童小旋`: the last name after a conjunction
        if last is not None and text[p + len(last):p + len(last) + 1] in ("及", "和", "与"):
            tail = _name_at(ctx, p + len(last) + 1)
        if last is None or len(items) + (tail is not None) < 2 or any(_name_at(ctx, q) != item for q, item in items):
            continue
        if len(last) == 2 and sum(len(item) == 3 for _, item in items) * 2 > len(items) and p + 2 < len(text) \
                and _CJK.match(text[p + 2]) and text[p + 2] not in _AFTER_NAME:
            last = text[p:p + 3]  # `马衡、倪以理、徐立之再获委任`: the last name is as long as most of the others
        if tail is not None:
            items.append((p, last))
            p, last = p + len(last) + 1, tail
        out.extend(Mention(q, q + len(item), "PERSON", item, "person:list") for q, item in items + [(p, last)])
    return out


# Characters of transliterated foreign names (`古特雷斯`, `穆罕默德`).
_TRANSLIT = frozenset(rules.words("transliteration_characters")) | {"·"}  # `·` joins the parts of a name


def _foreign_name(text: str, p: int, min_len: int = 4, any_first: bool = True, words: Mapping[str, str] | None = None) -> str | None:
    """A transliterated name of ``min_len`` or more characters starting at ``p``
    (with ``any_first``, the first may be any character: `武切维奇`); a dictionary's time word or verb after two
    characters of the last part of a dotted name (``words``) is the clause's (`…萨勒曼|当天`, `…特朗普|签署`)."""
    e = p + 1 if any_first and p < len(text) and _CJK.match(text[p]) else p
    while e < len(text) and e - p < 12 and text[e] in _TRANSLIT:
        e += 1
    dot = text.rfind("·", p, e)
    if dot > p:  # the last part of a dotted name may hold any character (`艾伦·莫瑞(`): to the clause's next word
        while e < len(text) and e - dot <= 5 and _CJK.match(text[e]) and text[e] not in _AFTER_NAME \
                and not (words is not None and e - dot > 2 and words.get(text[e:e + 2], "")[:1] in ("t", "v")):
            e += 1
    name = text[p:e].strip("·")
    return name if len(name) >= min_len else None


# Adverbs (and the 之 of `X之女`) that follow a name of two or three characters: never in a married name's given name.
_ADVERB_AFTER_NAME = frozenset("今昨曾将已也又再仍均都亦则还连之")


#: Verbs of saying that may follow a married name whose last character forms a word with their first (`叶刘淑仪|表示`).
_SAYING_WORDS = ("表示", "指出", "认为", "强调", "透露")


def _married_name(ctx: _Ctx, p: int) -> str | None:
    """`林郑月娥`, `郑李锦芬`: a married woman's name in Hong Kong carries her husband's surname before her
    own, then her given name: two single surnames and two more characters, closed like a name
    (`林郑月娥表示`, `罗范椒芬:`), the given name not a word (`李强|调研` is no name of four)."""
    text = ctx.text
    if p + 4 > len(text) or text[p + 1] not in ctx.lex.surnames or text[p:p + 2] in ctx.lex.surnames:
        return None
    given = text[p + 2:p + 4]
    if not all(_CJK.match(c) and c not in _FUNCTION_CHARS for c in given) or given in ctx.words \
            or text[p + 1:p + 3] in ctx.words or given in _NOT_NAME or set(given) & _ADVERB_AFTER_NAME or given[-1] in _AFTER_NAME:
        return None  # `陈时中今(31/5)宣告`, `汪文斌曾于`, `黄国则获`: a shorter name, then "today", an adverb or 之
    if text[p + 3:p + 5] in ctx.words and text[p + 4:p + 6] not in _SAYING_WORDS:
        return None  # `次长陈宗彦担任`: the fourth character opens the next word (`担任`); not `叶刘淑仪|表示`
    closed = p + 4 == len(text) or text[p + 4] in _AFTER_NAME or text[p + 4] in _NAME_CLOSERS \
        or ctx.lex.title_ending_at(text, p) is not None  # `特首林郑月娥委任…`: after a title, the four are the name
    return text[p:p + 4] if closed else None


def _name_at(ctx: _Ctx, p: int) -> str | None:
    """A person's name starting at ``p`` (surname + one or two characters)."""
    text = ctx.text
    if p >= len(text) or not _CJK.match(text[p]) or text[p] in _FUNCTION_CHARS:
        return None
    sur = text[p:p + 2] if text[p:p + 2] in ctx.lex.surnames else text[p]
    if sur not in ctx.lex.surnames:
        return None
    foreign = _foreign_name(text, p, words=ctx.words)
    if foreign:  # `谢夫乔维奇`: a transliterated name is taken whole, before any length heuristic
        return foreign
    married = _married_name(ctx, p)
    if married:
        return married
    s = p + len(sur)
    if text[s:s + 2] in _ADDRESS_WORDS:
        return None  # `李先生`, `陈女士`: a surname and a form of address, not a name
    if _clause_word_after_surname(ctx, s):
        return None
    options = []
    for given in (2, 1):
        e = s + given
        cand = text[p:e]
        if e > len(text) or not all(_CJK.match(c) for c in cand):
            continue
        if cand in _NOT_NAME or cand in ctx.lex.titles or _tries(ctx.lex)["titles"].longest_at(text, s) or text[s:s + 2] in _SPEECH_VERBS:
            continue  # (`总经理田中|表示`: a two-character surname and a verb of saying, no given name)
        if given == 2 and cand[-1] == "时" and ctx.by_pos.get(e - 1, (0, 0))[:2] == (e - 1, e):
            continue  # `2003年沙士|时|担任`: "when", not a given name's character
        pos = ctx.words.get(cand)
        if pos is not None and not pos.startswith("nr"):  # an ordinary word (`关于`, `来到`), not a name
            continue
        head = ctx.words.get(text[p:p + 2])
        followed = e < len(text) and text[e] in "说在表介指告称强,、"
        if given == 2 and head is not None and (not head.startswith("nr") and not followed or head in _FUNCTION_POS):
            continue  # `关于党`, `高度重视`, `关心引领`: starts with an ordinary word
        options.append((given, e, cand))
    # `卓越的` is no name; inside a given name 和 is a name's character (`张和平`, `田中和宏`), the others are not
    options = [o for o in options if not set(o[2][1:]) & _NOT_IN_GIVEN_NAME and o[2][-1] != "和"]
    if not options:
        return None
    two = [o for o in options if o[0] == 1]
    three = [o for o in options if o[0] == 2]
    # a typical follower right after three characters decides first (`赵豪志在`, where `志在` is a word)
    if three and three[0][1] < len(text) and text[three[0][1]] in "说在表介指告称强是也今亲出会上试曾还则将已":
        e3 = three[0][1]
        if two and text[e3] in "出会上" and (ctx.words.get(text[e3 - 1:e3 + 1]) or "")[:1] == "v" and text[e3:e3 + 2] not in ctx.words:
            return two[0][2]  # `总裁韩松|交出`: the third character opens a verb with the follower (not `陈国生|出席`)
        return three[0][2]
    # a name closed by punctuation (`省委书记易炼红、`) is the three characters, unless the third is a verb
    # of saying (`副总裁高慧称,`); the segmenter splits rare given names (`易炼|红`)
    if three and three[0][1] < len(text) and text[three[0][1]] in _NAME_CLOSERS:
        if three[0][2][-1] in _SAYING and not two and text[p:s + 1] not in _NOT_NAME and ctx.is_token_boundary(s + 1):
            return text[p:s + 1]  # `教授路风说,`: a name that is also a word (`路风`), then the verb of saying
        return two[0][2] if two and three[0][2][-1] in _SAYING else three[0][2]
    if three and two and _third_character_split(ctx, p, two[0][1]):
        return three[0][2]
    if two and three and _leads_a_group(ctx, two[0][1]):
        return two[0][2]  # `书记王海|率代表团`: 率 leads a group, it is no given name's character
    if ctx.starts is not None:
        for _given, e, cand in options:
            if e in ctx.starts and p in ctx.starts and all(q not in ctx.starts for q in range(p + 1, e) if q != s):
                return cand
    # heuristic: a two-character name when a typical follower comes right after it
    two_fits = bool(two) and (two[0][1] >= len(text) or text[two[0][1]] in _AFTER_NAME)
    three_fits = bool(three) and three[0][1] < len(text) and text[three[0][1]] in "说在表介"
    if two_fits and not three_fits:
        return two[0][2]
    if three:
        return three[0][2]
    return two[0][2] if two else None


def _clause_word_after_surname(ctx: _Ctx, s: int) -> bool:
    """Is the word right after a surname character an adverb, numeral or conjunction of the clause
    (`议员|时|曾经|批评`, `6席|当然|委员`, `但|几位|合伙人`)? Then the surname is no surname."""
    tok = ctx.by_pos.get(s) if ctx.tokens is not None else None
    sur = ctx.by_pos.get(s - 1) if tok is not None else None
    if tok is not None and tok[2] == "m" and ctx.lex.title_ending_at(ctx.text, s - 1):
        return False  # `技术总监|智|百年`: after a title a numeral-like given name (`百年`) is a name's
    return tok is not None and tok[0] == s and tok[1] - s == 2 and tok[2] in ("d", "m", "c", "p", "r") \
        and not (sur is not None and sur[2] == "nr")  # `王|立新` (a surname the dictionary knows as one)


def _leads_a_group(ctx: _Ctx, e: int) -> bool:
    """Is ``text[e]`` the verb 率 ("leads") with a noun right after it (`率|代表团`, `率|工作组`)?"""
    text = ctx.text
    return text[e:e + 1] == "率" and any((ctx.words.get(text[e + 1:e + 1 + k]) or "")[:1] == "n" for k in (3, 2))


def _third_character_split(ctx: _Ctx, p: int, e: int) -> bool:
    """Did the segmenter cut a rare three-character name after two characters, an unknown word, and glue
    the third to what follows (`庄太|量分析`, the rest a word) or leave it alone (`关焯|照|同样`)?"""
    if ctx.tokens is None or ctx.by_pos.get(p, (0, 0, "x"))[:3] != (p, e, None) or e >= len(ctx.text):
        return False
    nxt = ctx.by_pos.get(e)
    if nxt is None or nxt[0] != e or ctx.text[e] in _AFTER_NAME or ctx.text[e] in _FUNCTION_CHARS:
        return False
    rest = ctx.text[e + 1:nxt[1]]
    if not rest:  # a character of its own, then a word of the clause
        after = ctx.by_pos.get(e + 1)
        return nxt[2] in ("n", "ng", None) and after is not None and after[0] == e + 1 and after[2] in ("d", "v", "p", "c")
    return nxt[2] in ("l", "i", None) and ctx.words.get(rest) in ("v", "vn", "d")
