"""Every relation rule by name: what the ``rule`` column of ``relations.csv`` can say, and what it means.

One :class:`Rule` per rule name the code emits; ``docs/rules.md`` is generated from :data:`RULES` by
``scripts/gen_rules_doc.py``, and ``tests/test_relations_package.py`` checks that the table and the
code name the same rules. The part of a name before ``:`` is its family. Each rule's confidence (the
``confidence`` of an edge in the graph exports) is calibrated on the development gold pooled with
relations judged on unseen articles: ``kg/data/relation_confidence.tsv``, written by ``benchmarks/calibrate_relations.py --update``.

>>> BY_NAME["located:weiyu"].relations
('LOCATED_IN', 'PART_OF')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One relation rule."""

    name: str  # the value of the `rule` column: `<family>:<rule>`
    relations: tuple[str, ...]  # the relation types it emits
    modules: tuple[str, ...]  # the modules of kg/extract/relations/ that emit it
    description: str  # what it matches, one sentence
    example: str  # a short phrase it matches
    lists: tuple[str, ...] = ()  # the word lists (kg/data/rules/<name>.txt) of its cues

    @property
    def family(self) -> str:
        return self.name.split(":", 1)[0]


#: A rule that places through ``Reader.place``: LOCATED_IN for a company or organization, PART_OF for a park.
_PLACES = ("LOCATED_IN", "PART_OF")

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- HOLDS_POST
    Rule("post:org-title-name", ("HOLDS_POST",), ("posts",),
         "A title chain read back from the person's name: each organization in it with the title right after it; "
         "the chain goes on over an office named without its city (`南昌市委书记、市人大常委会主任A`) and over a board "
         "(`A公司董事局主席B`), a count (`A公司另一名执行董事B`) or a nationality or side (`A公司韩籍总经理B`, `中方`); a former "
         "post keeps its modifier (`前主席`).",
         "青岛市科技局局长、青岛高新区管委会主任王建国",
         ("post_title_modifiers", "post_unit_ends", "post_field_titles", "post_side_words")),
    Rule("post:pronoun", ("HOLDS_POST",), ("posts",),
         "`其<title><name>`: the post is in the company or organization named last, in an earlier sentence; "
         "`该公司/该协会<title><name>`: in the last one of that class, in this sentence too (over a nationality or side: "
         "`该公司韩籍法人代表B`).",
         "杭州海康威视数字技术股份有限公司召开发布会。其副总裁刘强表示,公司将持续创新。",
         ("post_title_modifiers", "firm_anaphor_classes", "org_anaphor_classes", "post_side_words")),
    Rule("post:org-de-title", ("HOLDS_POST",), ("posts",),
         "`<org>的<title><name>` (`A公司的创始人B`): the title chain read back from the name reaches `的` with the "
         "organization right before it.",
         "星辰智能科技有限公司的创始人张立明介绍说", ("post_title_modifiers",)),
    Rule("post:name-org-title", ("HOLDS_POST",), ("posts",),
         "`<name>,<org><title>` or `<name>(<org><title>)`, perhaps after a copula (`(同样是<org><title>)`) or the "
         "person's own title (`<name>关长(<org>关长)`): the organization and title right after the name.",
         "王磊(大疆创新执行总裁)", ("post_title_modifiers", "post_copulas")),
    Rule("post:roster", ("HOLDS_POST",), ("posts",),
         "`<org>的<people>包括/是<title><name>`: the first titled name of the list holds the post in the "
         "organization; the names after it take it on through the title chain.",
         "深圳华瑞科技有限公司的董事包括董事长李明", ("list_open_cues",)),
    Rule("post:title-list", ("HOLDS_POST",), ("posts",),
         "`<org>…<title>包括/有/:A、B及C`: untitled names listed after a title and a list cue hold that post in "
         "the organization the sentence is about (else the last firm it names before the title); names listed "
         "after a board right after its body (`加入A公司董事局,包括:B、C`) are members of that body's board; the "
         "list steps over a name the entity stage missed.",
         "华峰科技有限公司于2014年3月成立,董事包括柳俊、马超杰", ("list_open_cues",)),
    Rule("post:concurrent", ("HOLDS_POST",), ("posts",),
         "`身兼/兼任A<title>、B<title>的<role><name>`: the person holds each post listed before `的`.",
         "身兼华通协会常务副主席、星海促进会理事的计划发起人李立康表示", ("concurrent_post_openers",)),
    Rule("post:org-name-title", ("HOLDS_POST",), ("posts",),
         "`<org><name><title>`: the organization right before the name (or its closing bracket), the title right "
         "after it.",
         "华通科技有限公司李立康总裁表示,公司将扩产", ()),
    Rule("post:appointed", ("HOLDS_POST",), ("posts",),
         "`<name>曾任/现为/连任/获委任为<org><title>、<org><title>` (or organizations sharing one title after them, "
         "over items the entity stage missed before `等`): the person holds each post.",
         "董事刘洋同时是华峰集团、东方电气集团等多家公司董事",
         ("post_appointment_verbs", "post_unit_ends", "post_field_titles")),
    Rule("post:appointed-as", ("HOLDS_POST",), ("posts",),
         "`<org>…委任/聘任<name>为<title>` with no organization after `为`: a post of a company, an association or "
         "an academy is in the company (else the organization) the sentence names last before the verb.",
         "华峰科技有限公司于去年成立,今年3月委任李明为董事", ("post_appointer_verbs", "post_appointed_as")),
    Rule("post:on-behalf", ("HOLDS_POST",), ("posts",),
         "`<name>(<title>)代表<org>`: a person who speaks or acts for an organization holds a post in it (the "
         "title between, if any).",
         "邝家伦主席代表江西省光电行业协会致辞"),
    Rule("post:respectively", ("HOLDS_POST",), ("posts",),
         "`A和B,分别是<org><title>,以及<org><title>`: the people before `分别` hold the posts after it in their "
         "order, when there are as many posts as people.",
         "董事长邝家伦和董事韦子谦,分别是前任江西省科技厅厅长,以及现任南昌市工信局副局长", ("post_respective_verbs",)),
    Rule("post:then-title", ("HOLDS_POST",), ("posts",),
         "`时任/现任<org><title>的<name>`: a post given with a word of its time holds in the organization right "
         "before the title.",
         "时任江西省委副书记的邝家伦", ("post_time_words", "post_title_modifiers")),
    Rule("post:serves-at", ("HOLDS_POST",), ("posts",),
         "`<name>(目前)在<org>担任/任<title>`, `<name>辞去在<org><title>一职`: the person holds the title in the "
         "organization after `在` (a foreign country before it only locates it).",
         "韦子谦目前在泰和生物科技有限公司担任董事长", ("post_serve_verbs", "post_title_modifiers", "foreign_countries")),
    Rule("post:held-by", ("HOLDS_POST",), ("posts",),
         "`<org>(…)<title>由(<title>)<name>出任/担任`: the post named before `由` is in the organization right before it "
         "(a description of the post between); the person's own titles after `由` are not that post.",
         "华通协会港澳事务顾问由前局长韦子谦出任", ("post_serve_verbs",)),
    Rule("post:same-body", ("HOLDS_POST",), ("posts",),
         "`<org>董事长A,另一名董事B`, `该公司韩籍总经理A,…,而中方财务部长B`: a title opened by a count or a side, with "
         "no organization of its own, is a post in the organization of the last post named title before name earlier "
         "in the sentence (of the same kind of title after a count; in a company after a side).",
         "星海科技有限公司董事长李明和另一名董事王强出席", ("post_side_words",)),
    Rule("post:title-is", ("HOLDS_POST",), ("posts",),
         "`<org>的<title>是<words><name>和<words><name>`: the people named after the copula hold the title in the "
         "organization right before `的`.",
         "泰和生物科技有限公司的创始人是新加坡籍华人王志明和他的妻子李美玲。", ("post_title_modifiers",)),
    Rule("post:founded-by", ("HOLDS_POST",), ("posts",),
         "`<org>…由A及B(于2008年)创办`: the people named as founders are the 创办人 of the company or organization "
         "the sentence opens with; `A(2001年)成立的<org>`: the person right before the verb founded the body after `的`.",
         "星河大学由谷歌工程总监张伟明及企业家李志强于2008年创办,总部设于硅谷。", ("founding_verbs",)),
    # ---------------------------------------------------------------- FOCUSES_ON
    Rule("focus:carrier", ("FOCUSES_ON",), ("focus",),
         "`以A等为载体重点发展X`: the carrier parks A focus on the industries after the phrase.",
         "以张江科学城等为载体重点发展集成电路产业", ("carrier_roles",)),
    Rule("focus:strength", ("FOCUSES_ON",), ("focus",),
         "`X在<industries>…` followed by a strength word: the park or organization X focuses on them.",
         "西安高新区在虚拟现实产业的研发实力处于全国领先", ("focus_strength_words",)),
    Rule("focus:gloss", ("FOCUSES_ON",), ("focus",),
         "A bracketed gloss right after a park (`X(依托…重点发展Y等产业)`) with a focus cue inside: the park "
         "focuses on the industries inside the brackets.",
         "武昌大学科技园(依托学科优势,重点发展生物医药等产业)", ("focus_cues",)),
    Rule("focus:own", ("FOCUSES_ON",), ("focus",),
         "Industries named as a property (`主导产业`, `产业体系`) go to the park subject, else to the park of a "
         "locative frame before the clause (`在X,以A为核心的主导产业…`; there also clusters, `在X,A、B等产业集群正加速形成`), else to the park the sentence names, else to "
         "the park the text is about; never to a park that is the goal of a goal verb "
         "(`建设成为…产业基地`), to one that a focus verb governs (`聚焦<park>建设`) or to one that brackets part "
         "from the industry; never to an organization acting on the fields' firms (see focus:cue).",
         "成都高新区形成了电子信息、生物医药和数字经济三大主导产业",
         ("own_industry_words", "focus_goal_verbs", "org_focus_nondev_words", "firm_class_modifiers")),
    Rule("focus:cue", ("FOCUSES_ON",), ("focus",),
         "A clause with a focus cue: its park subject (or organization subject, with a strong cue or "
         "`推动<industry>…发展` ending the clause) focuses on the clause's industries; not an organization whose "
         "sentence acts on the fields' firms, workers or consumers (`…保护清单`, `…支持力度`, `促消费`) or that hosts "
         "the press conference reporting it; not fields that name a class of firms (`新增注册A、B等领域企业`); "
         "not a goal park (`建成…产业孵化基地`), not the organization of a person's "
         "title (`某委员会常委张三`, also carried from an earlier sentence), not a topic from paragraphs before, not "
         "across brackets; also the park built into an industry's base (`将<park>/将基地建设成为…光电子产业基地`).",
         "合肥高新区聚焦集成电路、人工智能等产业",
         ("focus_cues", "org_focus_cues", "focus_goal_verbs", "focus_goal_nouns", "park_anaphor_classes",
          "org_focus_nondev_words", "org_develop_verbs", "firm_class_modifiers")),
    # ---------------------------------------------------------------- LOCATED_IN
    Rule("located:frame", _PLACES, ("locations",),
         "A locative frame (`在X内,`, `在<regions>X,`, `走进X——` over the next paragraph, `漫步在X内`) holds for the "
         "explicit subjects of the clauses after it, for what `这是…` shows and for a firm whose site a clause shows "
         "(`…大楼是A公司的总部`).",
         "在张江科学城内,上海微电子装备(集团)股份有限公司正在加紧研发",
         ("frame_walk_verbs", "frame_inside_words", "frame_address_words", "frame_visit_verbs", "site_in_park_nouns")),
    Rule("located:host", _PLACES, ("locations",),
         "A park before a host verb (or the park subject) hosts the entities listed after it.",
         "中关村软件园已入驻联想、百度、腾讯等企业", ("host_verbs",)),
    Rule("located:here", _PLACES, ("locations",),
         "`A、B等…在此集聚`: the entities before `在此` are in the park it refers to (a park subject before, "
         "else the park of the sentence before).",
         "合肥高新区聚焦智能语音产业,科大讯飞等企业在此集聚。", ("host_verbs", "join_verbs")),
    Rule("located:join", ("LOCATED_IN",), ("locations",),
         "A company before a join verb (`入驻`, `落户`, `的生产基地设在`) is in the park right after it (or "
         "`这里`), unless others of it move (`A旗下十家企业搬迁到…`); `X的落户` in the one park the sentence names.",
         "鹏博士集团迁址青岛蓝谷", ("join_verbs", "site_in_park_nouns", "at_park_adverbs", "subject_other_heads")),
    Rule("located:at", ("LOCATED_IN",), ("locations",),
         "`<company>在<park><verb>`, the park perhaps after its province and city (`在江西省南昌市…`), also "
         "`<company><…项目>在<park>奠基`: the company (or the firm subject) is in the park, unless the sentence says "
         "the project was given up (`放弃`, `取消`).",
         "华为在东莞松山湖高新区投资建设", ("at_park_verbs", "at_park_adverbs", "site_in_park_nouns", "site_modifiers",
                                 "project_abandon_words")),
    Rule("located:weiyu", _PLACES, ("locations",),
         "`位于/地处<park>` (the park perhaps after its province and city): the subject before the verb is in the "
         "park; `位于X的Y`: Y is in X; `位于X北侧Y`: in Y.",
         "苏州生物医药产业园地处苏州工业园区", ("locate_verbs", "park_position_words")),
    Rule("located:opens", ("LOCATED_IN",), ("locations",),
         "`A挂牌运营/揭牌成立/投入运行`: a company or organization named as the clause's subject that opens, in a "
         "sentence that names no park, is in the park the text is about.",
         "赣江新区近年发展迅速。江西光电技术创新中心挂牌运营。", ("opening_verbs",)),
    Rule("located:nei-de", _PLACES, ("locations",),
         "`<park>内的Y`, also over a relative clause (`<park>内由A设立的Y`), or `<park>的<firm with its legal form>`: "
         "Y is in the park (not after a verb of running it, `管理X的Y公司`: its operator).",
         "西安高新区内的碑林环大学创新产业带", ("manage_verbs",)),
    Rule("located:project", ("LOCATED_IN",), ("locations",),
         "Companies whose listed projects go ahead are in the park the sentence (or the text) is about.",
         "长沙高新区…中联重科、三一重工等重点项目进展顺利", ("project_progress_words",)),
    Rule("located:project-by", ("LOCATED_IN",), ("operates",),
         "`由A(和B)投资建设的<project>在/落户<park>`: what the firms build is the project, so they are in the park "
         "(not its operators, `operates:by`).",
         "由甘肃某某机具制造有限责任公司投资建设的生产基地项目在高新区七里河园区开工建设",
         ("operate_verbs", "project_site_verbs", "place_zone_suffixes")),
    Rule("located:example", _PLACES, ("locations",),
         "`X是<park>…的一个实例/缩影`: X is in that park; `X是其中的代表企业之一`: in the sentence's park.",
         "华为仅是东莞松山湖高新区产业升级的一个缩影", ("example_nouns", "leading_firm_roles")),
    Rule("located:site", ("LOCATED_IN",), ("locations",),
         "`<org><park><site>` (`校区`, `基地`, `工厂`): the organization has a site in the park.",
         "浙江大学宁波高新区校区今年启用", ("site_in_park_nouns",)),
    Rule("located:tenant", ("LOCATED_IN",), ("locations",),
         "`A是<park>(内)的入驻企业/重点企业`: a tenant's noun after the park (not `的合作企业`, `的运营主体`).",
         "华岳新材料股份有限公司是苏州星湖产业园的入驻企业", ("tenant_copulas", "tenant_qualifiers", "tenant_nouns")),
    # ---------------------------------------------------------------- PART_OF
    Rule("part:adjacent", ("PART_OF",), ("part_of",),
         "A park named right after its parent (or after a zone and `的`: `苏州高新区的星湖科技园`) is part of it.",
         "成都高新区天府软件园"),
    Rule("part:zone-part", ("PART_OF",), ("part_of",),
         "A new zone's 启动区/起步区 named bare in a text that named the zone before is part of that zone.",
         "雄安新区建设有序推进。要集中力量推进启动区、起步区等建设"),
    Rule("part:carrier", ("PART_OF",), ("part_of",),
         "`以A等为载体`: the carrier parks A are part of the sentence's zone (its park subject, or the topic park).",
         "以临港新片区等为载体…,浦东新区正加快打造现代产业体系", ("carrier_roles",)),
    Rule("part:members", ("PART_OF",), ("part_of",),
         "`X分别是/包括/涉及/分为/辖A、B和C`, `X由A、B组成`: the listed parks are part of X (not `包括A、B在内的…`, which "
         "only qualifies).",
         "青岛高新区包括红岛片区、胶州湾片区", ("member_cues", "member_compose_verbs")),
    Rule("part:build", ("PART_OF",), ("part_of",),
         "A park subject that builds parks (`打造了A、B等`, `推进A规划建设`): they are part of it.",
         "南京江北新区正在建设南京软件园", ("park_build_verbs", "parent_zone_ends")),
    Rule("part:member-list", ("PART_OF",), ("part_of",),
         "After `X“一区多园”各有特色`, a clause's own park subject in the paragraphs that follow is part of X.",
         "苏州高新区“一区多园”各有特色。苏州科技城聚焦新一代信息技术产业",
         ("member_distributive_words", "parent_zone_ends")),
    Rule("part:multi", ("PART_OF",), ("part_of",),
         "`A、B…以“一区多园”模式建设X`: the parks before the pattern are part of X; `A为X“一区多园”之一`: A is.",
         "包括长沙高新区、株洲高新区在内的长株潭地区以“一区多园”模式建设湘江科学城", ("member_one_of", "role_copulas")),
    Rule("part:phrase", ("PART_OF",), ("part_of",),
         "`A、B作为/是…的先行启动区/核心区/组成部分`: the parks before the phrase are part of the park in it, "
         "or of the zone named last.",
         "作为合肥高新区的核心区,中国声谷重点发展智能语音产业", ("part_role_nouns", "parent_zone_ends")),
    Rule("part:gloss", ("PART_OF",), ("part_of",),
         "`A(B高新区,…)`: a bracketed gloss right after park A that opens with the name of a zone B (a parent "
         "zone ending) says where A lies: A is part of B.",
         "东湖大学科技园(武汉东湖高新区,大学科技园重点工程)", ("parent_zone_ends",)),
    Rule("part:merge", ("PART_OF",), ("part_of",),
         "`将A(与…一带)整合为B`: park A is merged into B; `X…联同C组成…D`: C and the park named before the cue "
         "(X) together form D, each part of it.",
         "将东湖软件园与周边一带整合为光谷软件新城", ("merge_verbs",)),
    # ---------------------------------------------------------------- OPERATES
    Rule("operates:manages", ("OPERATES",), ("operates",),
         "`A(同样)(负责)(受托)管理/运营(管理)B、C` with A an organization or company and the parks listed right after the verb "
         "(perhaps after items that are no entities), or `(负责)管理B的A`: A runs the parks.",
         "负责运营瑶湖科技园的赣江投资公司", ("manage_verbs", "manage_adverbs")),
    Rule("operates:under", ("OPERATES",), ("operates",),
         "`A(,在)辖下的B`, `A下辖B、C`, `A旗下的B产业园`: the organization or company A runs the parks listed right after "
         "the word (a company after it is a unit, SUBSIDIARY_OF).",
         "滨海投资集团有限公司,在辖下的滨海工业园鼓励企业落户", ("jurisdiction_words",)),
    Rule("operates:role", ("OPERATES",), ("operates",),
         "`A负责<park>的开发建设/运营管理` or `A是/作为<park>的运营主体/开发方`: the organization or company A runs the "
         "park (or fund) named right after the verb; after a copula only with a role noun (`主体`, `方`, `商`, `人`); "
         "also `<park>的运营方A`, `<fund>的(基金)管理人(是)A`.",
         "星湖发展集团有限公司是苏州星湖产业园的运营主体",
         ("operator_tasks", "operator_roles", "operator_duty_verbs", "role_copulas", "manage_adverbs")),
    Rule("operates:fund", ("OPERATES",), ("operates",),
         "A fund set up (`设立/成立/推出/启动…<fund>`) by the entity before the verb (not one that only supports "
         "another's: `国资委支持中央企业设立…基金`), else by the clause's subject or the park the text is about; "
         "the subject that founds it with a partner (`并与B共同成立…基金`) as well.",
         "合肥高新区设立总规模50亿元的天使投资基金", ("fund_setup_verbs", "support_verbs")),
    Rule("operates:by", ("OPERATES",), ("operates",),
         "`由A和B…开发运营的<park>`: A and B operate the park after it (or the park named last, for `的园区`); "
         "`<park>由A、B(共同)打造` (`<fund>由A管理`): they operate the park or fund subject.",
         "由江北新区管委会和南京扬子国资投资集团有限责任公司合作开发运营的南京软件园", ("operate_verbs", "park_anaphors")),
    Rule("operates:entrusted", ("OPERATES",), ("operates",),
         "`<park>(原本)是/由A委托B管理`, `<park>委托B运营管理`, `A委托B管理<park>`: the agent B right after `委托` runs the "
         "park listed after the verb, else the clause's park subject named in the sentence (A only entrusts).",
         "苏州星湖产业园原本是江苏省政府委托苏州市政府管理", ("manage_verbs", "manage_adverbs")),
    Rule("operates:gloss", ("OPERATES",), ("operates",),
         "`<park>(A和B共建的…)`: the organizations and companies named as builders in a bracketed gloss right "
         "after a park operate it.",
         "东山科技园(科技部和省政府共建的“国家级产业园”)", ("operate_verbs",)),
    Rule("operates:build", ("OPERATES",), ("part_of", "operates"),
         "A park subject that builds parks, a company that invests to build a park (`公司…投资N亿元,将基地建设成为…`), "
         "or a company subject that builds the park right after the verb (not `建设X是…`, a clause about building "
         "it): it operates it.",
         "南京江北新区正在建设南京软件园", ("park_build_verbs", "firm_build_verbs", "parent_zone_ends")),
    # ---------------------------------------------------------------- INVESTS_IN
    Rule("invests:build", ("INVESTS_IN",), ("operates",),
         "`X投资N亿元,建设<park>` (also `投资了N亿元,打造了近千亩的<park>`; a firm subject's `投资N亿元,将基地建设成为…`): "
         "X invests in the park (or company) built; ``amount`` is the sum.",
         "青岛聚大洋藻业集团有限公司投资12亿元,建设海洋生物医药科技园",
         ("investment_adverbs", "firm_build_verbs", "park_anaphor_classes")),
    Rule("invests:stake", ("INVESTS_IN",), ("operates",),
         "`A增资/注资/入股/收购/领投/投资组建B`, `A向/对B注资N亿元`, `A出资/投资N亿元入股/收购B`, "
         "`A(宣布)以N元收购<description>B` (`收购德国电子零售商B`), `A完成对B的投资`: A invests in the company B; "
         "also the company in force for a clause without a subject that opens with the verb (`…,2008年投资组建B`); "
         "not a take-over of B's business or assets (`收购B在日本的洗衣机业务`).",
         "恒远集团向恒远新材料有限公司注资5亿元", ("stake_verbs", "investment_adverbs", "firm_class_nouns", "acquire_verbs",
                                                   "acquire_object_tails")),
    Rule("invests:acquire", ("INVESTS_IN",), ("operates",),
         "`A(宣布,)(已经)(以N元的价格)收购/并购(<description>)B`, `A…完成了对B的收购`, `B被A收购`: the buyer A invests "
         "in the company B; not a rumour, wish, bid or failure in the clause (`或将`, `洽谈`, `竞购`, `放弃`), nor B's "
         "assets (`收购B的洗衣机业务`).",
         "华岳控股集团有限公司宣布,以33亿欧元的价格完成了对星辰智能科技有限公司的收购",
         ("acquire_verbs", "acquire_adverbs", "investment_adverbs", "acquire_price_verbs", "acquire_doubt_words",
          "acquire_object_tails", "firm_class_nouns", "foreign_countries")),
    Rule("invests:inject", ("INVESTS_IN",), ("operates",),
         "`A…(大量)资金/N亿元投入B`, `A向B投入资金N亿元`: A puts money into the company B (no name between A and the "
         "verb).",
         "此外,母公司华岳控股集团有限公司近期将调集大量资金投入星辰智能科技有限公司", ("capital_words",)),
    Rule("invests:holder", ("INVESTS_IN",), ("operates",),
         "`A成为/是B的(战略)投资者/(第二大)股东` (not `控股股东`), `B引入A作为(战略)投资者`: A invests in the company B.",
         "华岳控股集团有限公司成为星辰智能科技有限公司的战略投资者",
         ("investment_adverbs", "holder_modifiers", "investor_nouns", "role_copulas")),
    Rule("invests:received", ("INVESTS_IN",), ("operates",),
         "`B获得/获A(的)战略投资`, `B完成由A(和C)领投的…融资`: the investors named between the verb and the "
         "investment noun invest in the company B; `B由A及C持有`: the holders do.",
         "星辰智能科技有限公司获得华岳新材料股份有限公司投资",
         ("investment_receive_verbs", "investment_receive_adverbs", "investor_nouns", "investment_kinds", "investment_nouns",
          "investment_adverbs", "list_open_cues", "holding_verbs")),
    # ---------------------------------------------------------------- PARTNERS_WITH
    Rule("partners:sign", ("PARTNERS_WITH",), ("partners",),
         "`A与B、C签署/共建/合作…`, `A(今天)又与B签署…`, `A携手/牵手B` or `A、B(近日)联合印发/启动…`: every pair of the "
         "parties are partners (not the items of one side's list: `公司与A、B和C建立合作`, nor a buyer and supplier "
         "signing an order or a supply deal: "
         "`A与B签订…项目订单`, `A与B签署了一份供应协议`).",
         "苏州市科技局与华为技术有限公司、中国移动通信集团有限公司签署战略合作协议",
         ("partner_conjunctions", "partner_verbs", "partner_adverbs", "partner_standalone_verbs", "list_signing_cues",
          "supply_deal_words")),
    Rule("partners:joint", ("PARTNERS_WITH",), ("partners",),
         "`<subject>联合/携手/会同B`: the subject (each entity of a listed subject: `A、B会同C`) works with the partners "
         "named right after the verb.",
         "长沙经开区加快布局。联合三一集团对配套企业进行梳理"),
    Rule("partners:noun", ("PARTNERS_WITH",), ("partners",),
         "A partner named by the noun: `A(此次)的合作伙伴(“)B`, `B是A的(战略)合作伙伴`.",
         "诺林制药公司已经成为泰和生物科技有限公司的战略合作伙伴", ("partner_nouns", "partner_adverbs")),
    Rule("partners:with", ("PARTNERS_WITH",), ("partners",),
         "`<subject>…;与B合作/签署…`: a clause that opens with 与/同/跟 (or `其和/其与`) and no party of its own; "
         "the organization the sentence is about works with B (named perhaps after a modifier or a country: "
         "`其和瑞典的药企B`, `其和澳大利亚B`; the verb perhaps after a count of partners not named: "
         "`与B等首批10所高校共同启动…`).",
         "海外业务方面,彩讯科技股份有限公司管理电邮系统;与中兴通讯股份有限公司合作,取得项目。",
         ("partner_adverbs", "partner_verbs", "foreign_countries")),
    Rule("partners:joint-body", ("PARTNERS_WITH",), ("partners",),
         "`依托A和B…,X建立…联合体`: X partners with the hosts A and B.",
         "依托浙江大学和西湖大学,杭州未来科技城组建了创新联合体", ("joint_bodies",)),
    Rule("partners:co-develop", ("PARTNERS_WITH",), ("operates",),
         "`由A和B合作/共同开发运营的…`: the owners that develop together are partners.",
         "由江北新区管委会和南京扬子国资投资集团有限责任公司合作开发运营的南京软件园", ("operate_verbs",)),
    # ---------------------------------------------------------------- SUBSIDIARY_OF
    Rule("subsidiary:cue", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`A直属企业B`, `A旗下子公司B`, `A控股的B`, `A全资持有的B`, `A名下的B`, `A全资拥有B`: B is a unit of A.",
         "青岛蓝谷管理局直属企业青岛海洋科技投资发展集团有限公司", ("subsidiary_cues",)),
    Rule("subsidiary:inner", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`X内设/下设A、B`: the organizations and companies after the verb are units of X (`该委员会` resolved).",
         "中关村管委会下设中关村发展集团。", ("parent_anaphor_classes",)),
    Rule("subsidiary:is-unit", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`B是/为/属于A下属的…`, `B是A的全资子公司`, `B属于A的成员企业`, `B是由A…设立的…`: the clause's subject B is a unit of A; "
         "a later clause opening with `属于` speaks of the sentence's one firm (`B是…老企业,属于A成员公司`).",
         "南瑞科技有限公司是国家电网公司下属的高科技企业", ("subsidiary_cues", "subsidiary_unit_nouns", "subsidiary_found_verbs")),
    Rule("subsidiary:founded", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`由A设立/成立/组建的B`: B, named right after, is a unit of its one founder A.",
         "该中心由浙江大学设立的宁波研究院负责运营", ("subsidiary_found_verbs",)),
    Rule("subsidiary:list", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`A旗下有三家子公司,分别是B、C和D`: the listed companies and organizations are units of A.",
         "海通集团旗下有三家子公司,分别是海通电子有限公司、海通物流有限公司和海通科技有限公司",
         ("subsidiary_unit_nouns", "subsidiary_count_words", "list_open_cues")),
    Rule("subsidiary:implicit", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`(其)子公司(“)B` with no parent right before the cue: B is a unit of the company named earlier in the "
         "sentence (no person between).",
         "据介绍,恒远科技有限公司的中游环节放在江苏子公司恒远光电有限公司", ("subsidiary_unit_nouns",)),
    Rule("subsidiary:branch-name", ("SUBSIDIARY_OF",), ("subsidiary",),
         "A branch named by its parent's name, a place and `分公司` is a unit of the entity of that name in the text.",
         "宁波海通电子有限公司在宁波设有分支机构。宁波海通电子有限公司北仑分公司今年开业", ("branch_name_ends",)),
    # ---------------------------------------------------------------- LEADS_CHAIN
    Rule("subsidiary:belongs", ("SUBSIDIARY_OF", "PART_OF"), ("subsidiary",),
         "`B隶属于A` with A right after the verb: a company or organization B is a unit of A; a park B is part of "
         "the park A.",
         "星辰智能科技有限公司隶属于华岳控股集团有限公司", ("belong_verbs",)),
    Rule("subsidiary:stake", ("SUBSIDIARY_OF", "INVESTS_IN"), ("subsidiary",),
         "`A持有/获得B N%股权` (a share as a percentage, a fraction `三分之一` or tenths `4成`; `公司` for the company the "
         "sentence is about: `B同意A获得公司三分之一股权`): B is a unit of A when the share is over half, else A invests in B.",
         "华岳控股集团有限公司持有星辰智能科技有限公司51%股权", ("stake_hold_verbs",)),
    Rule("subsidiary:parent", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`B的母公司/控股股东(为)A` or `A是B的母公司`: the company or organization B is a unit of its parent A.",
         "星辰智能科技有限公司的控股股东为华岳控股集团有限公司", ("parent_nouns",)),
    Rule("subsidiary:parent-lead", ("SUBSIDIARY_OF",), ("subsidiary",),
         "`(此外,)(其)母公司/控股股东A…` opening a clause: the company named last before it (earlier in the sentence, "
         "else before it) is a unit of A.",
         "星辰智能科技有限公司今年营收增长三成。此外,母公司华岳控股集团有限公司将继续增资。", ("parent_nouns",)),
    Rule("chain:leader-company", ("LEADS_CHAIN",), ("chains",),
         "`链主企业X`: X leads the chains of the sentence's industries, else of the paragraph's `在X方面` frame.",
         "在新能源汽车方面,…“一主”即链主企业三一集团"),
    Rule("chain:leader-person", ("LEADS_CHAIN",), ("chains",),
         "A person within 10 characters of `链长` leads the chains of the sentence's industries.",
         "新能源汽车产业由区委书记张明担任链长。"),
    # ---------------------------------------------------------------- the learned pair classifier
    Rule("chain:leader-role", ("LEADS_CHAIN",), ("chains",),
         "`A是/被认定为<industry>链主企业`, `作为<industry>链主企业,A…`, `B担任<industry>链长`: the company (person) "
         "leads the industries named in the role phrase.",
         "华岳新材料股份有限公司被认定为新能源汽车产业链链主企业", ("chain_role_verbs",)),
    Rule("model:pairs", ("HOLDS_POST", "LOCATED_IN"), ("pairs",),
         "The learned pair classifier (off by default; `kg build --relation-model`): two mentions of one sentence "
         "that the rules do not relate, whose types, order, distance, words between and around, trigger words "
         "(the rules' lists) and list position give the relation a probability of at least the model's threshold.",
         "宁波高新区的宁波华峰电子集团今年订单增长三成。"),
)

#: The rules by name.
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}

#: Word lists the reader uses for every rule: clause openers, subjects, anaphors, list items.
SHARED_LISTS: tuple[str, ...] = (
    "clause_lead_words", "clause_lead_times", "clause_predicate_openers", "region_subject_words", "speech_verbs",
    "subject_other_heads", "park_anaphors", "park_anaphor_classes", "org_anaphor_classes", "list_item_name_ends",
    "name_leading_host_verbs", "subsidiary_cues", "post_title_modifiers", "parent_zone_ends",
    "subject_attribute_nouns", "firm_class_nouns")
