"""OPERATES (who runs a fund or a park) and INVESTS_IN (who invests to build it).

In this order: ``operates:fund`` per clause; ``operates:by`` (with ``partners:co-develop``) over the sentence and
in predicate form (`<park>由A、B共同打造`); ``operates:gloss`` (`<park>(A和B共建的…)`); ``invests:build`` (with
``operates:build``), ``invests:stake`` (`A增资B`) and ``invests:acquire`` (`A以N元收购B`, `B被A收购`) per mention; ``invests:inject`` (`A…资金投入B`) and
``invests:holder`` (`A成为B的战略投资者`, `B引入A作为战略投资者`); ``operates:build`` for a company subject that builds a park, per clause; ``operates:manages`` (`A管理B`, `管理B的A`); ``operates:under`` (`A辖下的B`); ``operates:entrusted`` (`<park>由A委托B管理`: B, not A). (A park that builds parks is in
:mod:`.part_of`.)
"""

from __future__ import annotations

import re

from kg.extract.amounts import parse_amount
from kg.extract.entities import Mention
from kg.extract.relations.reader import LEAD, ORG_LIKE, PARK_ANAPHOR, Reader, Sentence, Subject
from kg.kb import rules

_FUND_CUE = re.compile(rules.alternation("fund_setup_verbs"))
#: `并与B共同成立…基金`: a co-founder B after `与/和/同`, and `共同/联合` before the set-up verb.
_WITH_PARTNER = re.compile(r"(?:与|和|同)$")
_TOGETHER = re.compile(r"共同|联合")
#: `A支持/鼓励/引导B设立…基金`: A only supports; the fund is B's.
_SUPPORTS = re.compile(rules.alternation("support_verbs"))
#: `由A和B(合作)开发运营的`: the owners (group 1), an optional `合作/共同/联合` (group 2), the verb.
_OPERATED_BY = re.compile(rf"由([^。;]{{2,60}}?)(合作|共同|联合)?(?:{rules.alternation('operate_verbs')})的")
#: `由A和B(共同)打造。`: the owners (group 1) of the park subject before, in predicate form.
#: `<park>(A和B共建的…)`: the builders (group 1) in a bracketed gloss right after a park.
_GLOSS_BY = re.compile(rf"\(([^()。;]{{2,40}}?)(?:合作|共同|联合)?(?:共建|{rules.alternation('operate_verbs')})的[^()]{{0,30}}\)")
#: `由A投资建设的<project>在|落户<park>` (`在高新区|<park>`: a bare zone word may stand between): the park after the head noun is where
#: it stands, not what is built.
_SITE_OF_WHAT_IS_BUILT = re.compile(rf"^[^,;:]*(?:{rules.alternation('project_site_verbs')})(?:{rules.alternation('place_zone_suffixes')})?$")
_RUN_BY = re.compile(rf"由([^。;,]{{2,60}}?)(合作|共同|联合)?(?:{rules.alternation('operate_verbs')})(?!的[^。;,!?])")
#: `(总)投资N亿元,(在<park>)建设`: the amount (group 1).
_ADVERBS = rules.pattern("investment_adverbs")
#: `在<park>` (group 2) says where the thing built stands: the park there is no target (a LOCATED_IN, :mod:`.locations`).
_INVEST_TO_BUILD = re.compile(rf"(?:{_ADVERBS})?总?投资了?([^,。;]{{1,12}}?元)(?:人民币)?[,]?(?:在([^,。;]{{2,20}}?))?(?:{rules.alternation('firm_build_verbs')})了?")
#: `打造了近千亩的<park>`: a measure or a description ending with `的` between the verb and the park built.
_BUILT_MODIFIER = re.compile(r"[^,;:。□、]{1,10}?的")
#: `A增资B`, `A向B注资`: the verb right before the company (group 1: `向`).
_STAKE = re.compile(rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:宣布|表示)?(?:{_ADVERBS})*(?:(?:出资|投资|斥资|以)[^,;。]{{1,12}}?元)?"
                    rf"(?:{rules.pattern('stake_verbs')})了?")
#: `A收购德国电子零售商B`: a description of the company (a nationality, a trade) between the verb and its name.
_FIRM_DESCRIPTION = re.compile(rf"[^,;:。□、“”\d]{{1,12}}?(?:{rules.alternation('firm_class_nouns')})")
#: `A向B…`, `A(完成)对B的…投资`: the preposition before the company, the verb (perhaps a noun after `的`) after it.
_TOWARDS = re.compile(rf"(?:{_ADVERBS})*(?:完成|进行|实施)?了?(?:向|对)")
_STAKE_AFTER = re.compile(rf"(?:的(?:{rules.pattern('investment_kinds')})*|(?:进行|实施)了?(?:{rules.pattern('investment_kinds')})*)?"
                          rf"(?:{rules.pattern('stake_verbs')})"
                          r"(?=[,;:。、了\d]|$|[约近超逾数一二三四五六七八九十百千万亿])")  # not `对B的投资环境`
#: `B获得A(的)战略投资`, `B完成由A领投的…融资`: the verb before the investor and the investment noun after it.
_RECEIVES = re.compile(rf"(?:{_ADVERBS}|{rules.pattern('investment_receive_adverbs')})*"
                       rf"(?:{rules.alternation('investment_receive_verbs')})了?由?")
#: `B的投资方包括A、C`: B's investors listed after the noun and a list cue.
_INVESTORS_OF = re.compile(rf"的(?:主要)?(?:{rules.alternation('investor_nouns')})(?:{rules.pattern('list_open_cues')}|有|为|是):?")
#: `B完成…融资,由A(和C)领投`: a clause that names the investors of the sentence's company (group 1).
_LED_BY = re.compile(rf"由([^,;。]{{2,60}}?)(?:{rules.pattern('investment_nouns')})")
_RECEIVED = re.compile(rf"的?(?:{rules.pattern('investment_kinds')})*(?:{rules.pattern('investment_nouns')})")
#: `(计划5年内)投资约N元(人民币),将<park or class word>建设成为`: the amount (1), the park (2; 3 for a class word).
_INVEST_INTO = re.compile(rf"(?:{_ADVERBS})*(?:\d+年内)?总?投资了?([^,。;□]{{1,12}}?元)(?:人民币)?,?(?:{_ADVERBS})?将"
                          rf"(□+|该?({rules.alternation('park_anaphor_classes')}))(?:{rules.alternation('firm_build_verbs')})")
#: `建设X是…的着力点`: a clause that opens with the verb and has a copula is about building X, by no one named.
_NOMINAL_BUILD = re.compile(r"[^,;。]*?(?:是|为)")
_FIRM_BUILD = re.compile(f"(?:投资)?(?:{rules.alternation('firm_build_verbs')})")
#: `A(同样)负责管理<parks>` after an organization; `管理<park>的A` before one.
_MANAGE = rules.alternation("manage_verbs")
_MANAGES = re.compile(rf"(?:{rules.pattern('manage_adverbs')})*(?:{_MANAGE})+")  # `运营管理` is two verbs
_MANAGING = re.compile(rf"(?:负责)?(?:{_MANAGE})$")
#: What may stand between the verb and the first park: a link's bracket, items that are no entities (`瑶湖、昌东、`).
_LEAD_ITEMS = re.compile(r"\s*[\[「“]?(?:[^,;:。、]{1,20}、)*")


def operates(r: Reader, sent: Sentence) -> None:
    """Every OPERATES and INVESTS_IN rule on ``sent``, in the order of the module docstring."""
    funds(r, sent)
    operated_by(r, sent)
    run_by(r, sent)
    glossed(r, sent)
    invests(r, sent)
    stake(r, sent)
    acquires(r, sent)
    received(r, sent)
    injects(r, sent)
    holder(r, sent)
    firm_builds(r, sent)
    invests_to_build_into(r, sent)
    manages(r, sent)
    under(r, sent)
    entrusted(r, sent)
    operator_role(r, sent)


#: `A(近期将)调集大量资金投入B`, `A投入3亿元到B`: money put into the company named right after the verb (no name between).
_CAPITAL = rf"(?:{rules.alternation('capital_words')}|\d[\d.]*[万亿]*[^,;:。□\d]{{0,2}}?元)"
_INJECT = re.compile(rf"[^,;:。□]{{0,12}}?{_CAPITAL}投入(?:到)?")
#: `A向B投入资金3亿元`: after the company, the verb and the money.
_INJECT_AFTER = re.compile(rf"(?:追加)?投入了?[^,;:。□]{{0,8}}?{_CAPITAL}")


def injects(r: Reader, sent: Sentence) -> None:
    """``invests:inject``: `A…(大量)资金投入B`, `A向B投入资金3亿元` — A puts money into the company B."""
    for x in sent.mentions:
        if x.type not in ("COMPANY", "ORG", "FUND"):
            continue
        m = _INJECT.match(r.masked, x.end, sent.end)
        y = r.at_start.get(m.end()) if m is not None else None
        if m is None:
            to = _TOWARDS.match(r.text, x.end, sent.end)
            y = r.at_start.get(to.end()) if to is not None else None
            y = y if y is not None and _INJECT_AFTER.match(r.masked, y.end, sent.end) else None
        if y is not None and y.type == "COMPANY" and y.text != x.text:
            r.rel(x, "INVESTS_IN", y, sent, "invests:inject")


#: `A成为/是B的(战略)投资者/股东` (not `控股股东`: a parent, :mod:`.subsidiary`); `B引入A作为(战略)投资者`.
_HOLDER_ROLE = rf"(?:{rules.pattern('holder_modifiers')})?(?:{rules.alternation('investor_nouns')})"
_BECOMES = re.compile(rf"(?:{_ADVERBS})*(?:成为|{rules.alternation('role_copulas')})了?")
_HOLDER_OF = re.compile(rf"的?{_HOLDER_ROLE}")
_BRINGS_IN = re.compile(rf"(?:{_ADVERBS})*(?:引入|引进)了?")
_AS_HOLDER = re.compile(rf"(?:作为|为|成为)(?:其|公司)?{_HOLDER_ROLE}")


def holder(r: Reader, sent: Sentence) -> None:
    """``invests:holder``: `A成为B的战略投资者/第二大股东`, `B引入A作为战略投资者` — A invests in the company B."""
    text = r.text
    for x in sent.mentions:
        if x.type not in ("COMPANY", "ORG", "FUND"):
            continue
        v = _BECOMES.match(text, x.end, sent.end)
        y = r.at_start.get(v.end()) if v is not None else None
        if y is not None and y.type == "COMPANY" and _HOLDER_OF.match(text, y.end, sent.end):
            r.rel(x, "INVESTS_IN", y, sent, "invests:holder")
        v = _BRINGS_IN.match(text, x.end, sent.end) if x.type == "COMPANY" else None
        y = r.at_start.get(v.end()) if v is not None else None
        if y is not None and y.type in ("COMPANY", "ORG", "FUND") and _AS_HOLDER.match(text, y.end, sent.end):
            r.rel(y, "INVESTS_IN", x, sent, "invests:holder")


#: `委托B管理/运营`: the agent right after `委托`; the verbs of running after it.
_ENTRUST = re.compile(r"委托")


def entrusted(r: Reader, sent: Sentence) -> None:
    """``operates:entrusted``: `<park>(原本)是/由A委托B管理`, `<park>委托B运营管理`, `A委托B管理<park>` — the agent B
    runs the park (listed right after the verb, else the park subject of the clause, named in this sentence)."""
    for (a, b), s in zip(sent.clauses, sent.in_force):
        for cue in _ENTRUST.finditer(r.masked, a, b):
            agent = r.at_start.get(cue.end())
            v = _MANAGES.match(r.masked, agent.end, b) if agent is not None and agent.type in ("ORG", "COMPANY") else None
            if v is None:
                continue
            parks = r.list_at(v.end(), b, ("PARK",))
            if not parks or parks[0].start != v.end():
                parks = [p for p in (s.of_type("PARK") if s is not None else []) if sent.start <= p.start < cue.start()][:1]
            for park in parks:
                r.rel(agent, "OPERATES", park, sent, "operates:entrusted")


#: `A负责<park>的开发建设`, `A是/作为<park>的运营主体`: the verb before the park (group 1) and the task or role
#: noun after it (group 2: a role noun, needed after a copula, where `的开发` alone is no operator).
_OPERATOR_VERB = re.compile(rf"(?:{rules.pattern('manage_adverbs')})*(?:({rules.alternation('operator_duty_verbs')})|"
                            rf"{rules.alternation('role_copulas')})")
_ROLE_OF = re.compile(rf"的(?:基金)?(?:{rules.alternation('operator_tasks')})+(?:{rules.alternation('operator_roles')})(?:为|是)?")  # `的管理人为A`
_OPERATOR_TASK = re.compile(rf"的(?:{rules.alternation('operator_tasks')})+({rules.alternation('operator_roles')})?")


def operator_role(r: Reader, sent: Sentence) -> None:
    """``operates:role``: `A负责/承担<park>的开发建设/运营管理`, `A是/作为<park>的运营主体/开发主体/运营方`, `<park>的
    运营方/开发商A`, `<fund>的管理人为A` — A runs the park (or fund)."""
    for x in sent.mentions:
        if x.type not in ("ORG", "COMPANY"):
            continue
        v = _OPERATOR_VERB.match(r.text, x.end, sent.end)
        y = r.at_start.get(v.end()) if v is not None else None
        if y is None or y.type not in ("PARK", "FUND"):
            continue
        task = _OPERATOR_TASK.match(r.text, y.end, sent.end)
        if task is not None and (v.group(1) or task.group(1)):  # a duty verb, or a copula and a role noun
            r.rel(x, "OPERATES", y, sent, "operates:role")
    for y in sent.mentions:  # `<park>的运营方A`, `<park>的开发商A`: the role noun between them
        role = _ROLE_OF.match(r.text, y.end, sent.end) if y.type in ("PARK", "FUND") else None
        x = r.at_start.get(role.end()) if role is not None else None
        if x is not None and x.type in ("ORG", "COMPANY"):
            r.rel(x, "OPERATES", y, sent, "operates:role")


def manages(r: Reader, sent: Sentence) -> None:
    """``operates:manages``: `A(同样)管理/运营B、C` (A an organization or company, the parks listed right after the
    verb, perhaps after items that are no entities), `A(全权)管理的B` and `管理B的A` — A runs the parks."""
    text, ms = r.text, sent.mentions
    for x in ms:
        if x.type not in ("ORG", "COMPANY"):
            continue
        m = _MANAGES.match(r.masked, x.end, sent.end)
        if m is not None and text.startswith("的", m.end()):  # `A全权管理的B`: the park the relative clause names
            park = r.at_start.get(m.end() + 1)
            if park is not None and park.type == "PARK":
                r.rel(x, "OPERATES", park, sent, "operates:manages")
            continue
        parks = r.list_at(m.end(), sent.end, ("PARK",), lead_items=True) if m is not None else []
        if parks and _LEAD_ITEMS.fullmatch(text, m.end(), parks[0].start):
            for park in parks:
                r.rel(x, "OPERATES", park, sent, "operates:manages")
        park = r.at_end.get(x.start - 1) if text[x.start - 1:x.start] == "的" else None
        if park is not None and park.type == "PARK" and _MANAGING.search(r.masked, max(sent.start, park.start - 4), park.start):
            r.rel(x, "OPERATES", park, sent, "operates:manages")
    for i, (a, b) in enumerate(sent.clauses[1:], 1):  # `A是法定机构,管理自行兴建的B`: the verb opens the clause
        s = sent.in_force[i - 1]
        firms = s.of_type("ORG", "COMPANY") if s is not None and not s.carried else []
        m = _MANAGES.match(r.masked, LEAD.match(text, a, b).end(), b) if len(firms) == 1 else None
        d = _BUILT_MODIFIER.match(r.masked, m.end(), b) if m is not None else None
        park = r.at_start.get(d.end() if d else m.end()) if m is not None else None
        if park is not None and park.type == "PARK" and firms[0].start >= sent.start and text[park.end:park.end + 1] != "的":
            # (`管理B的C`: a relative clause about C, the operator named after it: no zero subject)
            r.rel(firms[0], "OPERATES", park, sent, "operates:manages")


#: `A(,)(在)辖下的`, `A下辖`, `A旗下的`: the word that puts the parks after it under A.
_UNDER = re.compile(rf",?(?:在|的)?(?:{rules.alternation('jurisdiction_words')})(?:有|拥有)?的?")


def under(r: Reader, sent: Sentence) -> None:
    """``operates:under``: `A(,在)辖下的B`, `A下辖B、C`, `A旗下的B产业园` (A an organization or company, the parks
    listed right after the word) — A runs the parks. A company after `旗下` is a unit (:mod:`.subsidiary`)."""
    for x in sent.mentions:
        if x.type not in ("ORG", "COMPANY"):
            continue
        m = _UNDER.match(r.masked, x.end, sent.end)
        parks = r.list_at(m.end(), sent.end, ("PARK",)) if m is not None else []
        if parks and parks[0].start - m.end() <= 6:
            for park in parks:
                r.rel(x, "OPERATES", park, sent, "operates:under")


def run_by(r: Reader, sent: Sentence) -> None:
    """``operates:by`` in predicate form: `<park>由A、B和C(共同)打造/开发运营。` — the owners operate the park
    subject; ``partners:co-develop`` when they do it `共同/合作`."""
    text = r.text
    for (a, b), own, force in zip(sent.clauses, sent.subjects, sent.in_force):
        parks, start = _run_by_subject(r, a, b, own, force)
        fund = r.at_start.get(LEAD.match(text, a, b).end())
        if not parks and fund is not None and fund.type == "FUND":  # `<fund>由A管理`: a fund is no subject
            parks, start = [fund], fund.end
        m = _RUN_BY.search(text, start, b) if parks else None
        if m is None or m.start() - start > 6:
            continue
        owners = [x for x in r.mentions_in(m.start(1), m.end(1)) if x.type in ("ORG", "COMPANY")
                  and "委托" not in text[x.end:m.end(1)]]  # `由A委托B管理`: A entrusts, B runs (operates:entrusted)
        for o in owners:
            r.rel(o, "OPERATES", parks[0], sent, "operates:by")
        if m.group(2) in ("合作", "共同"):
            for k, x in enumerate(owners):
                for y in owners[k + 1:]:
                    r.rel(x, "PARTNERS_WITH", y, sent, "partners:co-develop")


def _run_by_subject(r: Reader, a: int, b: int, own: Subject | None, force: Subject | None) -> tuple[list[Mention], int]:
    """The park a `由A运营` clause ``[a, b)`` is about, and where its `由` phrase may start: the park the clause
    names; or the park of an anaphor (`该园区由A运营`); or, for a clause opening with `由`, the park in force
    (`X产业园位于…,由A开发运营`)."""
    if own is not None and not own.carried:
        parks = own.of_type("PARK")
        return parks, (parks[0].end if parks else b)
    k = LEAD.match(r.text, a, b).end()
    if own is None and not r.text.startswith("由", k):
        return [], b
    subject = own if own is not None else force
    return (subject.of_type("PARK") if subject is not None else []), k


def stake(r: Reader, sent: Sentence) -> None:
    """``invests:stake``: `A增资B`, `A将收购B两成股权`, `A投资3亿元收购B`, `A向B注资5亿元`, `A完成对B的投资` — A invests
    in the company B."""
    text, ms = r.text, sent.mentions
    for i, x in enumerate(ms):
        if x.type not in ("COMPANY", "ORG", "FUND"):
            continue
        m = _STAKE.match(text, x.end, sent.end)
        to = _TOWARDS.match(text, x.end, sent.end) if m is None else None
        if to is not None:  # `A向B注资`, `A(完成)对B的战略投资`: the verb after B
            y = r.at_start.get(to.end())
            m = _STAKE_AFTER.match(text, y.end, sent.end) if y is not None else None
            y = y if m is not None else None
        else:
            y = r.at_start.get(m.end()) if m is not None else None
            if m is not None and y is None:
                d = _FIRM_DESCRIPTION.match(r.masked, m.end(), sent.end)
                y = r.at_start.get(d.end()) if d else None
        if y is not None and y.type == "COMPANY" and y is not x and not _buys_assets(r, sent, m, y):
            r.rel(x, "INVESTS_IN", y, sent, "invests:stake")
    zero_subject_stake(r, sent)


def _buys_assets(r: Reader, sent: Sentence, m: re.Match[str], y: Mention) -> bool:
    """Does a take-over verb in ``m`` buy only the company's business or assets (`收购B在日本的洗衣机业务`)?"""
    b = min((e for _, e in sent.clauses if e >= y.end), default=sent.end)
    return bool(re.search(_ACQ_VERB, m.group(0))) and _ACQ_ASSETS.match(r.text, y.end, b) is not None


def zero_subject_stake(r: Reader, sent: Sentence) -> None:
    """``invests:stake`` in a clause without a subject of its own that opens with the verb (`…,2008年投资组建B`,
    `…,并收购了B`): the company or organization in force invests in B."""
    text = r.text
    for (a, b), own, s in zip(sent.clauses, sent.subjects, sent.in_force):
        firms = s.of_type("COMPANY", "ORG") if own is None and s is not None else []
        p = LEAD.match(text, a, b).end()
        m = _STAKE.match(text, p, b) if firms else None
        if m is None:
            continue
        y = r.at_start.get(m.end())
        if y is None:
            d = _FIRM_DESCRIPTION.match(r.masked, m.end(), b)
            y = r.at_start.get(d.end()) if d else None
        if y is not None and y.type == "COMPANY" and y not in firms and not _buys_assets(r, sent, m, y):
            r.rel(firms[0], "INVESTS_IN", y, sent, "invests:stake")


#: `A(宣布,)(已经)(以N元的价格)收购/并购(<description>)B`, `A…完成了对B的收购`: the buyer's verb before the company.
_ACQ_VERB = rules.pattern("acquire_verbs")
_ACQ_ADV = rf"(?:{rules.pattern('acquire_adverbs')}|{_ADVERBS})"
_PRICE_NOUN = r"(?:的(?:价格|代价|对价))"
_ACQ_PRICE = (rf"(?:(?:{rules.pattern('acquire_price_verbs')})?(?:总价|总额)?约?\d[\d.,]*[^,;:。□\d]{{0,8}}?元"
              rf"{_PRICE_NOUN}?(?:\([^()]{{1,20}}\))?,?)")
_ACQUIRE = re.compile(rf"(?:\d{{1,2}}月\d{{1,2}}日)?,?(?:正式)?(?:宣布|表示|称|透露)?,?(?:{_ACQ_ADV})*{_ACQ_PRICE}?(?:{_ACQ_ADV})*"
                      rf"(?:(?P<done>(?:完成|实施)了?对)|(?:{_ACQ_VERB})了?)")
_ACQUIRED = re.compile(rf"的(?:{_ACQ_VERB})")
#: `B被A(以N元)收购`: the buyer after `被`, the verb after it.
_ACQUIRED_BY = re.compile(rf"(?:\d{{4}}年[^,;:。□被]{{0,4}}?)?(?:{_ACQ_ADV})*被")
_ACQ_DOUBT = re.compile(rules.pattern("acquire_doubt_words"))
_ACQ_COUNTRY = re.compile(rules.alternation("foreign_countries"))
#: `收购B的洗衣机业务`, `收购B在日本的资产`: the company's assets are bought, not the company.
_ACQ_ASSETS = re.compile(rf"(?:在[^,;:。□]{{1,12}}?)?的?[^,;:。□]{{0,16}}?(?:{rules.pattern('acquire_object_tails')})")


def acquires(r: Reader, sent: Sentence) -> None:
    """``invests:acquire``: `A(宣布,)以N元(的价格)收购<description>B`, `A完成了对B的收购`, `B被A收购` — the buyer A
    invests in the company B; not a rumour, wish, bid or failure (`或将`, `洽谈`, `放弃`), nor B's assets (`B的…业务`)."""
    text, ms = r.text, sent.mentions
    for x in ms:
        if x.type not in ("COMPANY", "ORG", "FUND"):
            continue
        m = _ACQUIRE.match(text, x.end, sent.end)
        if m is not None:
            buyer, verb_end, y = x, m.end(), r.at_start.get(m.end())
            if m.group("done"):
                after = _ACQUIRED.match(text, y.end, sent.end) if y is not None else None
                y = y if after is not None else None
            elif y is None:
                d = _FIRM_DESCRIPTION.match(r.masked, m.end(), sent.end) or _ACQ_COUNTRY.match(text, m.end(), sent.end)
                y = r.at_start.get(d.end()) if d else None
        else:
            p = _ACQUIRED_BY.match(text, x.end, sent.end)
            buyer = r.at_start.get(p.end()) if p is not None else None
            m = _ACQUIRE.match(text, buyer.end, sent.end) if buyer is not None else None
            if m is None or m.group("done"):
                continue
            y, verb_end = x, m.end()
        if y is None or y.type != "COMPANY" or buyer.type not in ("COMPANY", "ORG", "FUND") or y is buyer:
            continue
        a = max((c for c, _ in sent.clauses if c <= min(x.start, y.start)), default=sent.start)
        b = min((e for _, e in sent.clauses if e >= max(verb_end, y.end)), default=sent.end)
        if _ACQ_DOUBT.search(r.masked, a, b) or (y is not x and _buys_assets(r, sent, m, y)):
            continue  # `A收购B被当地政府否决`: the whole clause
        r.rel(buyer, "INVESTS_IN", y, sent, "invests:acquire")


#: `B由A(及C)(共同)持有`: the holders between `由` and the verb of holding.
_HELD_BY = re.compile(r"(?:目前|现)?由")
_HELD = re.compile(rules.pattern("holding_verbs"))


def received(r: Reader, sent: Sentence) -> None:
    """``invests:received``: `B获得/获A(的)战略投资`, `B完成由A(和C)领投的…融资`, `B的投资方包括A、C`, `B完成…融资,
    由A领投`, `B由A及C持有` — the investors or holders named invest in the company B."""
    text = r.text
    for x in sent.mentions:
        v = _RECEIVES.match(text, x.end, sent.end) if x.type == "COMPANY" else None
        y = r.at_start.get(v.end()) if v is not None else None
        if y is None or y.type not in ("COMPANY", "ORG", "FUND"):
            continue
        investors = [m for m in r.coordinated(y, sent.end) if m.type in ("COMPANY", "ORG", "FUND")]
        if _RECEIVED.match(text, investors[-1].end, sent.end):
            for m in investors:
                r.rel(m, "INVESTS_IN", x, sent, "invests:received")
    for x in sent.mentions:  # `B的投资方包括A、C`
        cue = _INVESTORS_OF.match(r.masked, x.end, sent.end) if x.type == "COMPANY" else None
        for m in r.list_at(cue.end(), sent.end, ("COMPANY", "ORG", "FUND")) if cue is not None else []:
            r.rel(m, "INVESTS_IN", x, sent, "invests:received")
    for x in sent.mentions:  # `B由A及C持有,分别占4成及6成股份`
        by = _HELD_BY.match(text, x.end, sent.end) if x.type == "COMPANY" else None
        y = r.at_start.get(by.end()) if by is not None else None
        holders = [m for m in r.coordinated(y, sent.end) if m.type in ("COMPANY", "ORG", "FUND")] if y is not None else []
        for m in holders if holders and _HELD.match(text, holders[-1].end, sent.end) else []:
            r.rel(m, "INVESTS_IN", x, sent, "invests:received")
    firm = sent.main.head if sent.main is not None and sent.main.kind == "entity" else None
    for (a, b) in sent.clauses[1:] if firm is not None and firm.type == "COMPANY" else []:
        by = _LED_BY.match(text, LEAD.match(text, a, b).end(), b)  # `B完成融资,由A领投`
        for m in [m for m in r.mentions_in(by.start(1), by.end(1)) if m.type in ("COMPANY", "ORG", "FUND")] if by else []:
            r.rel(m, "INVESTS_IN", firm, sent, "invests:received")


def funds(r: Reader, sent: Sentence) -> None:
    """``operates:fund``: a fund set up (`设立/成立/推出…<fund>`) by the entity before the cue, else by the
    clause's subject, else by the park the text is about (`设立10亿元海洋产业基金`)."""
    for (a, b), s in zip(sent.clauses, sent.in_force):
        for f in [m for m in r.mentions_in(a, b) if m.type == "FUND"]:
            cue = _FUND_CUE.search(r.masked, max(a, f.start - 25), f.start)
            if not cue:
                continue
            before = [m for m in r.mentions_in(a, cue.start()) if m.type in ORG_LIKE]
            if before and _SUPPORTS.search(r.masked, before[-1].end, cue.start()):
                continue  # `国资委…支持中央企业设立…基金`: the party supported sets the fund up
            if before:
                head = before[-1]
            elif s is not None and s.kind == "entity" and s.ms:
                head = s.ms[0]
                if head.end <= cue.start() and _SUPPORTS.search(r.masked, head.end, cue.start()):
                    continue  # `国资委…出台政策措施,支持中央企业…,设立…基金`: the firms supported set it up
            elif s is None:
                head = r.topic_park
            else:
                continue
            if head is not None:
                r.rel(head, "OPERATES", f, sent, "operates:fund")
            # `(A…,)并与B共同成立…基金`: the subject that founds it together with B runs it too
            if before and s is not None and s.kind == "entity" and s.ms and s.ms[0] is not head \
                    and _WITH_PARTNER.search(r.masked, max(a, head.start - 3), head.start) \
                    and _TOGETHER.search(r.masked, head.end, cue.start()):
                r.rel(s.ms[0], "OPERATES", f, sent, "operates:fund")


def operated_by(r: Reader, sent: Sentence) -> None:
    """``operates:by``: `由A和B(合作)开发运营的<park>`, `由A联合…打造的…` (only A), `这个由A和B合作开发运营的园区`
    (the park named last); ``partners:co-develop``: the owners that `合作/共同` develop are partners."""
    text, ss, se, ms = r.text, sent.start, sent.end, sent.mentions
    for m in _OPERATED_BY.finditer(text[ss:se]):
        a, b = ss + m.start(1), ss + m.end(1)
        owners = [x for x in ms if x.start >= a and x.end <= b and x.type in ORG_LIKE]
        owners = owners if not re.search(r"联合", text[a:b]) else owners[:1]
        target = next((x for x in ms if x.type == "PARK" and x.start >= ss + m.end()), None)
        if target is None and PARK_ANAPHOR.match(text, ss + m.end()):
            target = r.last.get("PARK")  # `这个由A和B合作开发运营的园区`: the park named last
        between = text[ss + m.end():target.start] if target is not None else ""
        site = _SITE_OF_WHAT_IS_BUILT.search(between)  # `由A投资建设的…项目在<park>开工`: A builds the project, sited there
        for o in owners if target is not None else []:  # (a park after a comma may be in apposition: `…平台,<park>`)
            if site:
                r.rel(o, "LOCATED_IN", target, sent, "located:project-by")
            else:
                r.rel(o, "OPERATES", target, sent, "operates:by")
        if m.group(2) or re.search(r"合作|共同", text[a:b]):
            for x, y in zip(owners, owners[1:]):
                r.rel(x, "PARTNERS_WITH", y, sent, "partners:co-develop")


def invests(r: Reader, sent: Sentence) -> None:
    """``invests:build`` (``amount`` attribute) and ``operates:build`` for a park: `X投资N亿元,建设<park>`; also in
    a clause without its own subject that opens with the investment (`A在B举行开工仪式,正式宣布投资N亿元,开建<park>`),
    by the firm in force."""
    text, ms = r.text, sent.mentions
    for i, x in enumerate(ms):
        if x.type not in ("COMPANY", "ORG", "FUND", "PARK"):
            continue
        at = _ANNOUNCES.match(text, x.end, sent.end).end()  # `A正式宣布投资…`
        m = _INVEST_TO_BUILD.match(text[at:at + 24])
        if m:
            _invest_to_build(r, sent, x, at, m)
    firms: list[Mention] = []
    for (a, b), own, force in zip(sent.clauses, sent.subjects, sent.in_force):
        if own is not None and own.ms:
            firms = own.of_type("COMPANY", "ORG")
            continue  # a clause naming its subject: `firms` are what later clauses without one carry
        lead = _ANNOUNCES.match(text, a, b)
        m = _INVEST_TO_BUILD.match(text[lead.end():lead.end() + 24])
        if firms and m and m.group(1)[:1].isdigit():  # `正式宣布投资50亿元`: no subject of its own
            _invest_to_build(r, sent, firms[0], lead.end(), m)


#: What may open a clause before its investment verb (`正式宣布`, `计划`).
_ANNOUNCES = re.compile(rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:正式)?(?:宣布|表示)?(?:{_ADVERBS})*")


def _invest_to_build(r: Reader, sent: Sentence, x: Mention, at: int, m: re.Match[str]) -> None:
    """The relations of an `投资N亿元(,)建设<park/company>` match ``m`` read at ``at``, with ``x`` the investor."""
    where = (at + m.start(2), at + m.end(2)) if m.group(2) else (0, 0)
    end = at + m.end()
    mod = _BUILT_MODIFIER.match(r.masked, end, sent.end)
    reach = max(end + 2, mod.end() if mod else 0)
    target = next((y for y in sent.mentions if y.start >= end and y.type in ("PARK", "COMPANY") and y.start <= reach
                   and not where[0] <= y.start < where[1]), None)
    if target is not None and target is not x:
        amount = parse_amount(m.group(1))
        r.rel(x, "INVESTS_IN", target, sent, "invests:build", amount=amount.text if amount else m.group(1))
        if target.type == "PARK":
            r.rel(x, "OPERATES", target, sent, "operates:build")


def invests_to_build_into(r: Reader, sent: Sentence) -> None:
    """``invests:build`` and ``operates:build`` for a firm subject: `公司计划5年内投资约320亿元,将基地建设成为…`
    — the company or organization the clause is about (named or `公司`) invests in and builds the park after `将`
    (a class word for the park named before)."""
    text = r.text
    for (a, b), s in zip(sent.clauses, sent.subjects):
        firms = s.of_type("COMPANY", "ORG") if s is not None else []
        m = _INVEST_INTO.search(r.masked, a, sent.end) if firms else None
        if m is None or m.start() >= b:
            continue
        p = m.start(2)
        park = r.at_start.get(p)
        if park is None or park.type != "PARK" or park.end != m.end(2):
            park = r.resolve("PARK", text[p:m.end(2)], p) if m.group(3) else None
        if park is not None:
            amount = parse_amount(m.group(1))
            r.rel(firms[0], "INVESTS_IN", park, sent, "invests:build", amount=amount.text if amount else m.group(1))
            r.rel(firms[0], "OPERATES", park, sent, "operates:build")


def firm_builds(r: Reader, sent: Sentence) -> None:
    """``operates:build``: a company subject that builds or will build a park right after the cue
    (`将打造青岛国际海洋寡糖制备中心产业化基地`)."""
    text = r.text
    for (a, b), s in zip(sent.clauses, sent.in_force):
        firms = s.of_type("COMPANY") if s is not None else []
        if not firms:
            continue
        cue = _FIRM_BUILD.search(text[a:b])
        if cue and not (cue.start() == 0 and _NOMINAL_BUILD.match(text, a + cue.end(), b)):
            o = next((m for m in r.mentions_in(a + cue.end(), b) if m.type == "PARK" and m.start - (a + cue.end()) <= 2), None)
            if o is not None:
                r.rel(firms[0], "OPERATES", o, sent, "operates:build")


def glossed(r: Reader, sent: Sentence) -> None:
    """``operates:gloss``: `长城科技园(A和省政府共建的“国防产业园”)` — the organizations and companies named as
    builders in a bracketed gloss right after a park operate it."""
    for x in sent.mentions:
        m = _GLOSS_BY.match(r.text, x.end, sent.end) if x.type == "PARK" else None
        if m is None:
            continue
        for o in r.mentions_in(m.start(1), m.end(1)):
            if o.type in ("ORG", "COMPANY"):
                r.rel(o, "OPERATES", x, sent, "operates:gloss")
