"""Relations in the common phrasings of Chinese news, one invented sentence per phrasing.

The relation rules were first tuned on the development articles' wording; these batteries hold them to the
usual ways news states each relation type (`位于A的B`, `B落户A`, `A旗下B`, `A与B签署…`), with invented names so
that no case copies an article. Each near miss shares its phrasing's words but states no such relation.
"""

from __future__ import annotations

import pytest

from kg.extract.nlp import mentions_of
from kg.extract.relations import find_relations
from kg.text.normalize import normalize_text

# Invented names the entity stage finds by its grammars (legal forms, park suffixes, titles).
A = "华岳新材料股份有限公司"
B = "星辰智能科技有限公司"
G = "华岳控股集团有限公司"
D = "星湖发展集团有限公司"
P = "苏州星湖产业园"
Z = "苏州星湖高新区"
Q = "星湖科技园"
R = "云谷产业园"
F = "星湖科创基金"
U = "浙江大学"
M = "张立明"

#: (sentence, (head, relation, tail)) the pipeline must find.
CASES: list = [
    # HOLDS_POST: person → organization, company or park
    (f"{B}董事长{M}表示,公司将扩大产能。", (M, "HOLDS_POST", B)),
    (f"{M},{B}党委书记,在会上作了发言。", (M, "HOLDS_POST", B)),
    (f"{B}的创始人{M}介绍说,公司成立于2015年。", (M, "HOLDS_POST", B)),
    (f"{M}出任{B}CEO。", (M, "HOLDS_POST", B)),
    (f"{M}担任{B}副总裁。", (M, "HOLDS_POST", B)),
    (f"据{B}副总经理{M}介绍,新产线下月投产。", (M, "HOLDS_POST", B)),
    (f"{B}董事长兼总经理{M}说,今年订单翻了一番。", (M, "HOLDS_POST", B)),
    (f"{M}被任命为{B}总裁。", (M, "HOLDS_POST", B)),
    (f"{M}现任{B}董事长。", (M, "HOLDS_POST", B)),
    (f"{M}是{B}的创始人。", (M, "HOLDS_POST", B)),
    (f"{M}辞去在{B}总经理一职。", (M, "HOLDS_POST", B)),
    (f"2019年,{M}任{B}总经理。", (M, "HOLDS_POST", B)),
    (f"{B}成立于2010年,董事只有{M}及王建新。", (M, "HOLDS_POST", B)),
    (f"{B}相关负责人{M}告诉记者,项目进展顺利。", (M, "HOLDS_POST", B)),
    (f"记者从{B}获悉,该公司负责人{M}表示,新品将于年底上市。", (M, "HOLDS_POST", B)),
    (f"{U}校长{M}出席活动。", (M, "HOLDS_POST", U)),
    (f"{P}管委会主任{M}介绍了园区情况。", (M, "HOLDS_POST", f"{P}管委会")),
    # LOCATED_IN: company or organization → park
    (f"位于{P}的{A}今年产值突破百亿元。", (A, "LOCATED_IN", P)),
    (f"{A}坐落于{P}。", (A, "LOCATED_IN", P)),
    (f"{A}落户{P}。", (A, "LOCATED_IN", P)),
    (f"{A}扎根{P}十余年。", (A, "LOCATED_IN", P)),
    (f"{A}入驻{P}。", (A, "LOCATED_IN", P)),
    (f"{A}在{P}设立研发中心。", (A, "LOCATED_IN", P)),
    (f"{A}在{P}投资建设新工厂。", (A, "LOCATED_IN", P)),
    (f"{P}内的{A}正在加紧生产。", (A, "LOCATED_IN", P)),
    (f"{P}引进了{A}。", (A, "LOCATED_IN", P)),
    (f"{A}选址{P}。", (A, "LOCATED_IN", P)),
    (f"{P}已集聚{A}、{B}等企业。", (B, "LOCATED_IN", P)),
    (f"{P}曾孕育{A}、{B}等企业。", (B, "LOCATED_IN", P)),
    (f"{A}的新工厂在{P}正式投产。", (A, "LOCATED_IN", P)),
    (f"{A}总部设在{P}。", (A, "LOCATED_IN", P)),
    (f"{A}将在{P}建设生产基地。", (A, "LOCATED_IN", P)),
    (f"{A}签约入驻{P}。", (A, "LOCATED_IN", P)),
    (f"{A}项目落地{P}。", (A, "LOCATED_IN", P)),
    (f"{A}迁入{P}。", (A, "LOCATED_IN", P)),
    (f"{A}位于{P}。", (A, "LOCATED_IN", P)),
    (f"在{P},{A}不久前宣布在这里投资10亿元设立生产基地。", (A, "LOCATED_IN", P)),
    # OPERATES: organization, company or park → park or fund
    (f"{D}负责{P}的开发建设。", (D, "OPERATES", P)),
    (f"{D}负责{P}的运营管理。", (D, "OPERATES", P)),
    (f"{P}由{D}运营。", (D, "OPERATES", P)),
    (f"{P}由{D}开发建设。", (D, "OPERATES", P)),
    (f"{P}由{D}负责运营管理。", (D, "OPERATES", P)),
    (f"{D}是{P}的运营主体。", (D, "OPERATES", P)),
    (f"{D}是{P}的开发主体。", (D, "OPERATES", P)),
    (f"{D}作为{P}的运营方,引进了多家企业。", (D, "OPERATES", P)),
    (f"{D}运营管理{P}。", (D, "OPERATES", P)),
    (f"{D}受托管理{P}。", (D, "OPERATES", P)),
    (f"{D}设立了{F}。", (D, "OPERATES", F)),
    (f"{D}发起设立{F}。", (D, "OPERATES", F)),
    (f"{F}由{D}管理。", (D, "OPERATES", F)),
    (f"{D}投资20亿元建设{P}。", (D, "OPERATES", P)),
    # INVESTS_IN: company, fund, organization or park → park or company
    (f"{D}投资20亿元建设{P}。", (D, "INVESTS_IN", P)),
    (f"{A}增资{B}。", (A, "INVESTS_IN", B)),
    (f"{A}入股{B}。", (A, "INVESTS_IN", B)),
    (f"{A}领投{B}的B轮融资。", (A, "INVESTS_IN", B)),
    (f"{A}参股{B}。", (A, "INVESTS_IN", B)),
    (f"{B}由{A}及{D}持有,分别占4成及6成股份。", (D, "INVESTS_IN", B)),
    (f"{A}全资拥有{B}。", (A, "INVESTS_IN", B)),
    (f"{B}获得{A}投资。", (A, "INVESTS_IN", B)),
    (f"{B}完成由{A}领投的亿元A轮融资。", (A, "INVESTS_IN", B)),
    (f"{A}向{B}投资5亿元。", (A, "INVESTS_IN", B)),
    (f"{A}战略投资{B}。", (A, "INVESTS_IN", B)),
    (f"{F}投资了{B}。", (F, "INVESTS_IN", B)),
    (f"{A}对{B}增资2亿元。", (A, "INVESTS_IN", B)),
    (f"{B}获{A}战略投资。", (A, "INVESTS_IN", B)),
    (f"{A}出资3亿元入股{B}。", (A, "INVESTS_IN", B)),
    (f"{A}投资3亿元收购{B}80%股权。", (A, "INVESTS_IN", B)),
    (f"{F}完成对{B}的投资。", (F, "INVESTS_IN", B)),
    (f"{A}持有{B}20%股权。", (A, "INVESTS_IN", B)),
    # SUBSIDIARY_OF: company or organization → company or organization
    (f"{G}旗下的{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}是一家老企业,属于{G}成员公司,在全球拥有多家子公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}控股的{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}全资子公司{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}是{G}的子公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}属于{G}的成员企业。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}隶属于{G}。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}为{G}全资子公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}系{G}控股子公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}下属的{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}的全资子公司{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}是{G}旗下企业。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}持有{B}51%股权。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}旗下拥有{B}、{A}等多家企业。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}所属{B}发布了新产品。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}是{G}的一家子公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}将拥有{B}51%股权。", (B, "SUBSIDIARY_OF", G)),
    # PARTNERS_WITH (symmetric)
    (f"{A}与{B}签署战略合作协议。", (A, "PARTNERS_WITH", B)),
    (f"{A}携手{B}推出新产品。", (A, "PARTNERS_WITH", B)),
    (f"{A}和{B}达成合作。", (A, "PARTNERS_WITH", B)),
    (f"{A}联合{B}共建联合实验室。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{B}共同成立合资公司。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{B}达成战略合作。", (A, "PARTNERS_WITH", B)),
    (f"{A}同{B}签约。", (A, "PARTNERS_WITH", B)),
    (f"{A}牵手{B}。", (A, "PARTNERS_WITH", B)),
    (f"{A}、{B}签订合作框架协议。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{U}开展产学研合作。", (A, "PARTNERS_WITH", U)),
    (f"{A}与{B}建立战略合作伙伴关系。", (A, "PARTNERS_WITH", B)),
    (f"{A}和{B}正式签约。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{B}合资成立新公司。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{B}合资设立的新公司已投产。", (A, "PARTNERS_WITH", B)),
    # FOCUSES_ON: park or organization → industry
    (f"{P}重点发展生物医药产业。", (P, "FOCUSES_ON", "生物医药产业")),
    (f"{P}聚焦集成电路、人工智能等产业。", (P, "FOCUSES_ON", "集成电路")),
    (f"{P}以新能源汽车为主导产业。", (P, "FOCUSES_ON", "新能源汽车")),
    (f"{P}打造集成电路产业集群。", (P, "FOCUSES_ON", "集成电路产业集群")),
    (f"{P}主导产业为生物医药和高端装备。", (P, "FOCUSES_ON", "生物医药")),
    (f"{P}着力发展新材料产业。", (P, "FOCUSES_ON", "新材料产业")),
    (f"{P}围绕新一代信息技术产业招商引资。", (P, "FOCUSES_ON", "新一代信息技术")),
    (f"{P}形成了以集成电路为核心的产业体系。", (P, "FOCUSES_ON", "集成电路")),
    (f"{P}布局人工智能产业。", (P, "FOCUSES_ON", "人工智能产业")),
    (f"{P}致力于发展生物医药产业。", (P, "FOCUSES_ON", "生物医药产业")),
    (f"{P}已形成生物医药、新材料两大主导产业。", (P, "FOCUSES_ON", "新材料")),
    (f"{P}深耕集成电路产业。", (P, "FOCUSES_ON", "集成电路产业")),
    (f"{P}加快培育新能源汽车产业。", (P, "FOCUSES_ON", "新能源汽车产业")),
    (f"{P}的主导产业是生物医药。", (P, "FOCUSES_ON", "生物医药")),
    # PART_OF: park → park
    (f"{Q}是{Z}的核心区。", (Q, "PART_OF", Z)),
    (f"{Z}下辖{Q}和{R}。", (Q, "PART_OF", Z)),
    (f"{Z}包括{Q}、{R}两个片区。", (R, "PART_OF", Z)),
    (f"{Q}作为{Z}的重要组成部分,发展迅速。", (Q, "PART_OF", Z)),
    (f"{Z}由{Q}、{R}组成。", (R, "PART_OF", Z)),
    (f"{Q}隶属于{Z}。", (Q, "PART_OF", Z)),
    (f"{Q}位于{Z}。", (Q, "PART_OF", Z)),
    (f"{Z}辖{Q}、{R}两个园区。", (Q, "PART_OF", Z)),
    (f"{Q}是{Z}的片区之一。", (Q, "PART_OF", Z)),
    (f"{Z}分为{Q}和{R}两个片区。", (R, "PART_OF", Z)),
    # LEADS_CHAIN: person or company → industry
    (f"{A}是新材料产业链的链主企业。", (A, "LEADS_CHAIN", "新材料产业链")),
    (f"作为集成电路产业链链主企业,{A}带动了上下游企业集聚。", (A, "LEADS_CHAIN", "集成电路产业链")),
    (f"副市长{M}担任新能源汽车产业链链长。", (M, "LEADS_CHAIN", "新能源汽车产业链")),
    (f"{A}被认定为新能源汽车产业链链主企业。", (A, "LEADS_CHAIN", "新能源汽车产业链")),
    (f"由副市长{M}担任集成电路产业链链长。", (M, "LEADS_CHAIN", "集成电路产业链")),
    # A second round, every type: more of the ways news words each relation.
    (f"{A}在{P}注册成立。", (A, "LOCATED_IN", P)),
    (f"{P}吸引了{A}、{B}等企业入驻。", (B, "LOCATED_IN", P)),
    (f"{P}入驻企业包括{A}、{B}等。", (B, "LOCATED_IN", P)),
    (f"{A}将总部迁至{P}。", (A, "LOCATED_IN", P)),
    (f"{A}的研发中心落户{P}。", (A, "LOCATED_IN", P)),
    (f"{A}、{B}等企业相继落户{P}。", (B, "LOCATED_IN", P)),
    (f"{P}汇聚了{A}等一批龙头企业。", (A, "LOCATED_IN", P)),
    (f"{A}是{P}的入驻企业。", (A, "LOCATED_IN", P)),
    (f"{A}坐落在{P}内。", (A, "LOCATED_IN", P)),
    (f"{P}内聚集了{A}、{B}等企业。", (A, "LOCATED_IN", P)),
    (f"{A}成功签约{P}。", (A, "LOCATED_IN", P)),
    (f"{A}(位于{P})今年营收增长三成。", (A, "LOCATED_IN", P)),
    (f"{A}搬迁至{P}。", (A, "LOCATED_IN", P)),
    (f"{A}新工厂在{P}开工建设。", (A, "LOCATED_IN", P)),
    (f"{A}的生产基地就设在{P}。", (A, "LOCATED_IN", P)),
    (f"{D}承担{P}的开发运营。", (D, "OPERATES", P)),
    (f"{P}的运营方{D}表示,将继续招商。", (D, "OPERATES", P)),
    (f"{P}的开发商{D}介绍,园区已满租。", (D, "OPERATES", P)),
    (f"{P}是由{D}投资建设的。", (D, "OPERATES", P)),
    (f"{D}出资设立{F}。", (D, "OPERATES", F)),
    (f"{P}设立总规模10亿元的{F}。", (P, "OPERATES", F)),
    (f"{F}对{B}进行了投资。", (F, "INVESTS_IN", B)),
    (f"{B}近日完成数亿元B轮融资,由{A}领投。", (A, "INVESTS_IN", B)),
    (f"{B}宣布获得{A}数亿元战略投资。", (A, "INVESTS_IN", B)),
    (f"{A}拟收购{B}。", (A, "INVESTS_IN", B)),
    (f"{B}的投资方包括{A}。", (A, "INVESTS_IN", B)),
    (f"{A}将在{P}投资50亿元。", (A, "LOCATED_IN", P)),
    (f"{G}的控股子公司{B}发布了年报。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}的母公司{G}发布了年报。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}的控股股东为{G}。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}成立了全资子公司{B}。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}是{B}的母公司。", (B, "SUBSIDIARY_OF", G)),
    (f"{A}与{B}结成战略合作伙伴。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{U}共建联合研究院。", (A, "PARTNERS_WITH", U)),
    (f"{A}与{B}举行战略合作签约仪式。", (A, "PARTNERS_WITH", B)),
    (f"{A}和{B}将在新能源领域展开合作。", (A, "PARTNERS_WITH", B)),
    (f"{P}与{U}签约共建创新中心。", (P, "PARTNERS_WITH", U)),
    (f"{A}与{B}就芯片研发开展合作。", (A, "PARTNERS_WITH", B)),
    (f"{A}、{B}和{U}三方共同发起成立产业联盟。", (A, "PARTNERS_WITH", U)),
    (f"{U}在{P}设立研究院。", (U, "LOCATED_IN", P)),
    (f"{P}全力打造生物医药产业高地。", (P, "FOCUSES_ON", "生物医药")),
    (f"{P}重点布局集成电路、人工智能两大产业。", (P, "FOCUSES_ON", "人工智能")),
    (f"{P}着力构建以生物医药为主导的现代产业体系。", (P, "FOCUSES_ON", "生物医药")),
    (f"{P}的特色产业是新材料。", (P, "FOCUSES_ON", "新材料")),
    (f"{P}大力推进新能源汽车产业发展。", (P, "FOCUSES_ON", "新能源汽车产业")),
    (f"{P}定位于发展集成电路产业。", (P, "FOCUSES_ON", "集成电路产业")),
    (f"在{P},以集成电路、生物医药等为核心的一批主导产业正在加速发展。", (P, "FOCUSES_ON", "生物医药")),
    (f"{P}发力新能源汽车产业。", (P, "FOCUSES_ON", "新能源汽车产业")),
    (f"{P}锚定生物医药产业,持续发力。", (P, "FOCUSES_ON", "生物医药产业")),
    (f"市长来到{P}考察。这里重点发展生物医药产业。", (P, "FOCUSES_ON", "生物医药产业")),
    (f"市长来到{P}考察。这个产业园重点发展生物医药产业。", (P, "FOCUSES_ON", "生物医药产业")),
    ("星湖市科技局聚焦集成电路产业,印发《产业发展方案》。", ("星湖市科技局", "FOCUSES_ON", "集成电路产业")),
    (f"{Q}是{Z}的重要片区。", (Q, "PART_OF", Z)),
    (f"{Z}{Q}近日开园。", (Q, "PART_OF", Z)),
    (f"{Z}的{Q}是省级特色园区。", (Q, "PART_OF", Z)),
    (f"{Q}为{Z}“一区多园”之一。", (Q, "PART_OF", Z)),
    (f"{Z}规划建设{Q}和{R}。", (Q, "PART_OF", Z)),
    (f"{Z}{Q}管委会主任{M}介绍。", (M, "HOLDS_POST", f"{Z}{Q}管委会")),
    (f"{B}首席执行官{M}表示。", (M, "HOLDS_POST", B)),
    (f"{B}联合创始人、首席技术官{M}表示。", (M, "HOLDS_POST", B)),
    (f"“我们将加大投入。”{B}总经理{M}说。", (M, "HOLDS_POST", B)),
    (f"{B}董事长{M}、总经理李娜出席。", ("李娜", "HOLDS_POST", B)),
    (f"{M}当选{B}董事长。", (M, "HOLDS_POST", B)),
    (f"{B}任命{M}为首席执行官。", (M, "HOLDS_POST", B)),
    (f"{B}董事会聘任{M}为公司总经理。", (M, "HOLDS_POST", B)),
    (f"{A}作为新材料产业链链主企业,带动上下游集聚。", (A, "LEADS_CHAIN", "新材料产业链")),
    (f"新材料产业链链主企业{A}。", (A, "LEADS_CHAIN", "新材料产业链")),
    # members of a board listed after `;` in the roster that named it
    (f"政府委任8名新成员加入{B}董事会,包括:李立康、赵明轩;4名成员:王宏亮、{M},任期三年。", (M, "HOLDS_POST", B)),
    # posts one person holds at once, before `的` and a role
    (f"身兼{A}副董事长、{B}董事的计划发起人{M}表示,口罩供不应求。", (M, "HOLDS_POST", B)),
    # the organization right before the name, the title right after it
    (f"({B}){M}总裁很快答应召开会议。", (M, "HOLDS_POST", B)),
    # a nationality or side between the company (or `该公司`) and the title
    (f"记者从{B}获悉,该公司韩籍法人代表{M}已失联。", (M, "HOLDS_POST", B)),
    (f"{B}美籍首席执行官{M}表示,公司将扩产。", (M, "HOLDS_POST", B)),
    # money put into a company; an investor or shareholder named by its role
    (f"此外,母公司{G}近期将调集大量资金投入{B}。", (G, "INVESTS_IN", B)),
    (f"{G}向{B}投入资金3亿元。", (G, "INVESTS_IN", B)),
    (f"{G}成为{B}的战略投资者。", (G, "INVESTS_IN", B)),
    (f"{G}成为{B}第二大股东。", (G, "INVESTS_IN", B)),
    (f"{B}引入{G}作为战略投资者。", (G, "INVESTS_IN", B)),
    # a parent named by the noun that opens its clause; a Hong Kong 附属公司
    (f"{B}今年营收增长三成。此外,母公司{G}将继续增资。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}今年营收增长三成。其母公司{G}表示将继续投入。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}为{G}的全资附属公司。", (B, "SUBSIDIARY_OF", G)),
    # a park whose running is entrusted to an agent
    (f"{P}原本是江苏省政府委托{D}管理。", (D, "OPERATES", P)),
    (f"{P}委托{D}运营管理。", (D, "OPERATES", P)),
    # a fund's manager named by its role
    (f"{F}的管理人是{D}。", (D, "OPERATES", F)),
    (f"{F}的基金管理人是{D}。", (D, "OPERATES", F)),
    # a site in a park; a park whose name opens with its city after `在`
    (f"{A}在{P}设有生产基地。", (A, "LOCATED_IN", P)),
    (f"{A}计划投资20亿元,在{P}新建一条生产线。", (A, "LOCATED_IN", P)),
    # a project the firms build, sited in a park after `在`: the firms are in the park
    (f"由{A}投资建设的新材料生产基地项目在{P}开工建设。", (A, "LOCATED_IN", P)),
    # partners that join hands or form an alliance
    (f"{A}和{B}联手打造新平台。", (A, "PARTNERS_WITH", B)),
    (f"{A}与{B}结成战略联盟。", (A, "PARTNERS_WITH", B)),
    # phrasings of unseen news (2026-12 sample): money spent to build a park, a buyer of a described firm,
    # a project breaking ground, a described or pointed-at subject in a frame, a fund launched
    (f"去年,{D}投资了50多亿元,打造了近千亩的{P}。", (D, "INVESTS_IN", P)),
    (f"去年,{D}投资了50多亿元,打造了近千亩的{P}。", (D, "OPERATES", P)),
    (f"{G}宣布斥资2.31亿欧元收购德国个人电子消费企业{B}。", (G, "INVESTS_IN", B)),
    (f"{G}投资组建{B}。", (G, "INVESTS_IN", B)),
    (f"昨日上午,{A}发动机产能扩建项目在{P}奠基。", (A, "LOCATED_IN", P)),
    (f"在{P},法资企业{A}不久前宣布在这里投资10亿元设立全新的生产基地。", (A, "LOCATED_IN", P)),
    (f"在{Z},正在建设的这个{Q}审批时限大幅压缩。", (Q, "PART_OF", Z)),
    (f"{G}启动总规模800亿元的{F}。", (G, "OPERATES", F)),
    # a firm subject (`公司`) that invests to build the base named before into an industry's base
    (f"2005年,{A}和星湖光电产业基地应运而生。公司计划5年内投资约320亿元人民币,将基地建设成为全国最具规模的光电子产业基地。",
     (A, "INVESTS_IN", "星湖光电产业基地")),
    (f"2005年,{A}和星湖光电产业基地应运而生。公司计划5年内投资约320亿元人民币,将基地建设成为全国最具规模的光电子产业基地。",
     (A, "OPERATES", "星湖光电产业基地")),
    (f"2005年,{A}和星湖光电产业基地应运而生。公司计划5年内投资约320亿元人民币,将基地建设成为全国最具规模的光电子产业基地。",
     ("星湖光电产业基地", "FOCUSES_ON", "光电子")),
    # all the co-hosts listed after `由` are partners (only a list after `与/和/同` is the other side's)
    (f"由星湖电视台、{A}和{B}共同主办的博览会昨晚开幕。", (A, "PARTNERS_WITH", B)),
    (f"双方共同见证{A}和{B}签署合作协议。", (A, "PARTNERS_WITH", B)),
    # the subject that founds a fund together with a partner (`并与B共同成立…基金`) runs it too
    (f"团队入驻研究院成立了研发中心,{G}来提供应用场景和装备,并与{U}共同成立联合研究平台和{F}。", (G, "OPERATES", F)),
    # a clause without its own subject that opens with the verb: the company in force invests
    (f"{G}在转型上的脚步并未停止:2006年初重组整合了一家公司,2008年投资组建{B},2009年启动新业务。", (G, "INVESTS_IN", B)),
    (f"{A}与{B}签订战略合作协议,首批订单已交付。", (A, "PARTNERS_WITH", B)),
    # a unit its parent wholly holds, named after `全资持有的`
    (f"{G}全资持有的{B}今年营收增长三成。", (B, "SUBSIDIARY_OF", G)),
    # named bodies that jointly issue a document (joint action, like `联合`/`会同`)
    ("工业和信息化部、财政部近日联合印发《产业发展行动方案》。", ("工业和信息化部", "PARTNERS_WITH", "财政部")),
    # a topic park named in the paragraph's sentence before still holds its leading industries
    (f"{P}抓住了产业发展重点。今年前七个月,新能源汽车、生物医药两大主导产业产值超过2000亿元。", (P, "FOCUSES_ON", "新能源汽车")),
    # park profiles: `<park>位于…,由A开发运营` (a clause opening with `由` after the park's clause); `该园区由A运营`
    (f"{P}位于苏州市东部,由{D}负责开发建设和运营管理。", (D, "OPERATES", P)),
    (f"{P}占地500亩。该园区由{D}运营管理。", (D, "OPERATES", P)),
    # a groundbreaking held in a park, then the investment in a clause without its own subject (`正式宣布投资…,开建`)
    (f"{A}在{P}举行开工仪式,正式宣布投资50亿元,开建年产值250亿元的{R}。", (A, "LOCATED_IN", P)),
    (f"{A}在{P}举行开工仪式,正式宣布投资50亿元,开建年产值250亿元的{R}。", (A, "INVESTS_IN", R)),
    (f"{A}在{P}举行开工仪式,正式宣布投资50亿元,开建年产值250亿元的{R}。", (A, "OPERATES", R)),
    (f"{A}正式宣布投资30亿元,开建{R}。", (A, "INVESTS_IN", R)),
    # `A是Z的一个园区/子园区`
    (f"{Q}是{Z}的一个园区。", (Q, "PART_OF", Z)),
    (f"{Q}是{Z}的子园区,重点发展集成电路。", (Q, "PART_OF", Z)),
    # `与` inside `参与`, `同` inside `认同` join no party list: the parties after them are partners
    (f"参与改革的{A}与{B}签署战略合作协议。", (A, "PARTNERS_WITH", B)),
    (f"认同该方案的{A}与{B}签署战略合作协议。", (A, "PARTNERS_WITH", B)),
    # a take-over stated with a price, an announcement, a description or in the passive (invests:acquire)
    (f"{G}宣布,以33亿欧元的价格完成了对{B}的收购。", (G, "INVESTS_IN", B)),
    (f"{G}宣布计划出资21亿新加坡元(约17亿美元)收购糖果制造商{B}60%的股权。", (G, "INVESTS_IN", B)),
    (f"{G}125亿美元收购{B}。", (G, "INVESTS_IN", B)),
    (f"{B}2009年被{G}收购,成为其子公司。", (G, "INVESTS_IN", B)),
    (f"{G}已同意收购德国{B}。", (G, "INVESTS_IN", B)),
    # a time word or an adverb between the parties; `与B等10所高校共同…`; `现在是…的合作伙伴`; `A、B近日联合启动`
    (f"{G}今天(11月28日)与{U}签署战略合作框架协议。", (G, "PARTNERS_WITH", U)),
    (f"{A}4日和{B}共同启动“智能制造加速”活动。", (A, "PARTNERS_WITH", B)),
    (f"2010年9月,{G}又与{U}签署战略合作框架协议。", (G, "PARTNERS_WITH", U)),
    (f"{P}发布了人才新政,与{U}等首批10所高校共同启动创新创业实践基地。", (P, "PARTNERS_WITH", U)),
    (f"根据公司的说法,{B}现在是{G}的合作伙伴。", (B, "PARTNERS_WITH", G)),
    ("星湖市科技局、星湖市财政局近日联合启动2024年科技特派员招聘工作。", ("星湖市科技局", "PARTNERS_WITH", "星湖市财政局")),
    # `A、B会同C…`: every body of the listed subject acts with C, also before a verb phrase with a list (`向甘肃、青海`)
    ("星湖市应急管理局、星湖市民政局会同国家粮食和物资储备局累计向甘肃、青海两省调拨棉帐篷。",
     ("星湖市应急管理局", "PARTNERS_WITH", "国家粮食和物资储备局")),
    ("星湖市应急管理局、星湖市民政局会同国家粮食和物资储备局累计向甘肃、青海两省调拨棉帐篷。",
     ("星湖市民政局", "PARTNERS_WITH", "国家粮食和物资储备局")),
    # a unit under a body (`A所辖的B`, `A轄下的B`)
    (f"{D}与星湖铁路局所辖的星湖京列商贸中心达成专销协议。", ("星湖京列商贸中心", "SUBSIDIARY_OF", "星湖铁路局")),
    ("浙江省科技廳轄下的浙江省生產力促進中心今天回覆查詢。", ("浙江省生产力促进中心", "SUBSIDIARY_OF", "浙江省科技厅")),
    # `位于X的“Y”`; a new body introduced with a quantifier in a locative frame
    (f"位于{P}的“{A}”总部今年启用。", (A, "LOCATED_IN", P)),
    (f"眼下,在{Z},一个“星湖算力联合实验室”刚刚成立。", ("星湖算力联合实验室", "LOCATED_IN", Z)),
    ("企业大多集中于星岚园区发展有限公司全权管理的星岚工业园。", ("星岚园区发展有限公司", "OPERATES", "星岚工业园")),  # a relative clause
    ("发生爆炸的是星岚市陈家港化工园区的 [江苏星岚化工有限公司](https://example.com/x) ,火球直冲半空。", ("江苏星岚化工有限公司", "LOCATED_IN", "星岚市陈家港化工园区")),
]

#: (sentence, (head, relation, tail)) the pipeline must NOT find: the phrasing's words without its relation.
NEAR_MISSES: list[tuple[str, tuple[str, str, str]]] = [
    # a `由` clause after a company's own clause says who holds the company, not who runs the park
    (f"{A}位于{P},由{D}控股。", (D, "OPERATES", P)),
    # an event held in a park that is no project of the company's
    (f"{A}在{P}举行新品发布会。", (A, "LOCATED_IN", P)),
    (f"{B}由{A}管理。", (A, "INVESTS_IN", B)),  # managing is no holding
    (f"{M}在{B}工作多年。", (M, "HOLDS_POST", B)),  # no post named
    (f"{A}与{B}签约,属于{G}成员公司。", (A, "SUBSIDIARY_OF", G)),  # the sentence is about a pair, not one firm
    (f"{M}参观了{B}。", (M, "HOLDS_POST", B)),
    (f"{B}向{M}颁发了荣誉证书,{M}为公司做出贡献。", (M, "HOLDS_POST", B)),
    (f"{M}会见了{B}董事长李娜。", (M, "HOLDS_POST", B)),
    (f"代表{B}的资深律师{M}在庭上陈词。", (M, "HOLDS_POST", B)),
    (f"{B}举办招聘会,项目组成员:王宏亮、{M},任期三年。", (M, "HOLDS_POST", B)),
    (f"{A}考察了{P}。", (A, "LOCATED_IN", P)),
    (f"{A}的代表在{P}参加了招商推介会。", (A, "LOCATED_IN", P)),
    (f"{D}负责人介绍了{P}的情况。", (D, "OPERATES", P)),
    (f"{D}参观了{P}。", (D, "OPERATES", P)),
    (f"{B}属于{G}的客户。", (B, "SUBSIDIARY_OF", G)),  # a customer is no unit
    (f"由{A}投资建设的新材料生产基地项目在{P}开工建设。", (A, "OPERATES", P)),  # the project is built, not the park
    (f"{D}是{P}的入驻企业。", (D, "OPERATES", P)),
    (f"{D}是{P}的开发者之一。", (D, "OPERATES", P)),
    (f"{A}与{B}讨论了投资事宜。", (A, "INVESTS_IN", B)),
    (f"{A}向{B}采购了一批设备。", (A, "INVESTS_IN", B)),
    (f"{A}对{B}的投资环境表示满意。", (A, "INVESTS_IN", B)),
    (f"{B}获得{A}颁发的优秀供应商奖。", (A, "INVESTS_IN", B)),
    (f"{A}持有{B}5%股权。", (A, "SUBSIDIARY_OF", B)),
    (f"{B}与{G}的子公司签约。", (B, "SUBSIDIARY_OF", G)),
    (f"{G}持有{B}5%股权。", (B, "SUBSIDIARY_OF", G)),
    (f"{A}与{B}的竞争日趋激烈。", (A, "PARTNERS_WITH", B)),
    (f"{A}、{B}等企业签约入驻{P}。", (A, "PARTNERS_WITH", B)),
    (f"市贸促会分别与{A}、{B}签署合作协议。", (A, "PARTNERS_WITH", B)),
    (f"{A}、{B}等企业共同发布行业倡议。", (A, "PARTNERS_WITH", B)),
    (f"{A}和{B}均位于{P}。", (A, "PARTNERS_WITH", B)),
    (f"{P}举办集成电路产业大会。", (P, "FOCUSES_ON", "集成电路产业")),
    (f"在{P},市长参观了生物医药产业展。", (P, "FOCUSES_ON", "生物医药产业")),
    # an office issuing a document: what the document focuses on is not the office's focus
    ("近日,星湖市科技局印发《产业发展方案》,聚焦集成电路产业。", ("星湖市科技局", "FOCUSES_ON", "集成电路产业")),
    # `这些`/`这种` opens a clause about many things or a kind, not the park named last (`这里` still is)
    (f"市长来到{P}考察。这些边远山区要大力发展养老产业。", (P, "FOCUSES_ON", "养老产业")),
    (f"市长来到{P}考察。这个创新处今年成立,将重点发展低空经济产业。", (P, "FOCUSES_ON", "低空经济产业")),
    (f"{Q}学习借鉴{Z}的经验。", (Q, "PART_OF", Z)),
    (f"{Z}分为{Q}和{R}两个片区。", (Z, "PART_OF", R)),
    (f"{Q}管辖{Z}的部分区域。", (Z, "PART_OF", Q)),
    (f"{Q}与{Z}签署了合作协议。", (Q, "PART_OF", Z)),
    (f"{A}与新材料产业链链主企业开展合作。", (A, "LEADS_CHAIN", "新材料产业链")),
    (f"{A}是新材料产业链的配套企业,为链主企业供货。", (A, "LEADS_CHAIN", "新材料产业链")),
    (f"{M}会见了新能源汽车产业链链长。", (M, "LEADS_CHAIN", "新能源汽车产业链")),
    (f"{A}是{P}的合作企业。", (A, "LOCATED_IN", P)),
    (f"{A}与{B}的签约仪式设在{P}。", (A, "LOCATED_IN", P)),
    (f"{A}与{P}签约。", (A, "LOCATED_IN", P)),
    (f"{P}的合作伙伴{D}表示,将继续投资。", (D, "OPERATES", P)),
    (f"{B}的客户包括{A}。", (A, "INVESTS_IN", B)),
    (f"{B}完成新一轮融资,由{A}负责承销。", (A, "INVESTS_IN", B)),
    (f"{B}的股东包括{G}。", (B, "SUBSIDIARY_OF", G)),
    (f"{Q}学习{Z}“一区多园”的经验。", (Q, "PART_OF", Z)),
    (f"{B}的韩籍员工{M}表示,公司将扩产。", (M, "HOLDS_POST", B)),
    (f"{G}成为{B}的重要客户。", (G, "INVESTS_IN", B)),
    (f"{F}的出资人是{D}。", (D, "OPERATES", F)),
    (f"{G}投入资金采购{B}的设备。", (G, "INVESTS_IN", B)),
    (f"{B}表示,将拜访客户的母公司{G}。", (B, "SUBSIDIARY_OF", G)),
    (f"{B}与{G}的附属公司签约。", (B, "SUBSIDIARY_OF", G)),
    (f"{P}由江苏省政府委托{D}管理。", ("江苏省政府", "OPERATES", P)),
    (f"苏州市政府委托{D}开展招商推介,{P}将受益。", (D, "OPERATES", P)),
    (f"{A}宣布在{P}兴建数据中心,后来因成本高昂放弃了计划。", (A, "LOCATED_IN", P)),
    (f"{A}计划投资20亿元,在{P}新建一条生产线。", (A, "OPERATES", P)),
    (f"{A}计划投资20亿元,在{P}新建一条生产线。", (A, "INVESTS_IN", P)),
    # FOCUSES_ON only from the park or body the clause is about (unseen news, 2026-12 sample)
    # a property word inside an industry's name (`战略性新兴产业`) makes nothing a body's property
    (f"{Q}举办推介会。星湖市科技局表示,将引导资金加大对战略性新兴产业、先进制造业等领域的投资。",
     ("星湖市科技局", "FOCUSES_ON", "先进制造业")),
    # a topic park named paragraphs before is not what a later paragraph's zero subject is about
    (f"{P}举行开园仪式,吸引了企业入驻。\n总书记指出,要加强基础研究,当好龙头。\n在星湖大学,由院士带领的青年科研团队"
     "正在加紧攻关,推动新材料在储能、生物医药等领域加快落地。", (P, "FOCUSES_ON", "生物医药")),
    (f"{P}加快推进项目建设。\n海南持续扩大开放\n旅游业、现代服务业、高新技术产业四大主导产业占全省GDP比重将近七成。",
     (P, "FOCUSES_ON", "旅游业")),
    # a park that is the object in a clause about someone else (`中方支持…参与A等重大项目`)
    (f"中方支持企业参与印尼新首都、{P}等重大项目开发建设,做大做强数字经济、光伏、新能源汽车等新兴产业合作。",
     (P, "FOCUSES_ON", "光伏")),
    # `这让X…`: an event that makes a city act; `来自A的…单位`: a noun phrase about others
    (f"市长来到{P}考察。这让星湖市有了发展低空经济产业的信心。", (P, "FOCUSES_ON", "低空经济产业")),
    (f"{P}举办人才交流大会,来自{P}及周边地区的150多家用人单位发布人才需求,主要集中在金融、新能源等领域。",
     (P, "FOCUSES_ON", "新能源")),
    # items of one side's list are not each other's partners; a body that only supports another's fund;
    # the units of a group that move, not the group
    (f"公司与{G}、{A}和{B}建立了良好的合作关系。", (A, "PARTNERS_WITH", B)),
    (f"国务院国资委支持中央企业设立相应的{F}。", ("国务院国资委", "OPERATES", F)),
    (f"{G}旗下十家企业正式启动整体搬迁到{P}的工作。", (G, "LOCATED_IN", P)),
    (f"今天,{G}9家疏解企业(产业)集中落户{P}。", (G, "LOCATED_IN", P)),
    # a clause that names building a park as its subject (`建设X是…`); a fund of the firms a policy supports
    (f"在{A}展厅内,公司创始人向我们展示着公司迁入园区后的成果。建设{P}是星湖融入发展大潮的着力点。", (A, "OPERATES", P)),
    (f"近日,国务院国资委、国家发展改革委联合出台政策措施,支持中央企业聚焦重点领域,设立相应的{F}。",
     ("国务院国资委", "OPERATES", F)),
    (f"{A}、{B}等企业联合发布行业倡议。", (A, "PARTNERS_WITH", B)),  # not all the parties are named
    # the fields that tenants or goods cover (`涵盖/覆盖…领域`) are no park's focus
    (f"{P}首批项目集中入驻\n昨天,40多家企业集中入驻{P},这是首批市场化引进项目,涵盖智慧建造、生物医药、现代商业服务等领域。",
     (P, "FOCUSES_ON", "生物医药")),
    # an order signed is a supply deal (decisions: a supplier tie is no partnership)
    (f"今天,{A}与{B}在北京签订了18艘大型运输船项目订单。", (A, "PARTNERS_WITH", B)),
    # an industry named as a district's, after `这是`
    (f"{P}位于{Z}。这是花都汽车产业发展的一次飞跃。", (Z, "FOCUSES_ON", "汽车产业")),
    # a take-over that is a rumour, was refused, or buys only the company's business (invests:acquire)
    (f"{G}或将收购{B}。", (G, "INVESTS_IN", B)),
    (f"{G}此前以总价390亿美元收购{B}被当地政府否决。", (G, "INVESTS_IN", B)),
    (f"{G}正洽谈收购{B}。", (G, "INVESTS_IN", B)),
    (f"{G}宣布,以3亿元收购{B}在日本的洗衣机业务。", (G, "INVESTS_IN", B)),
    # a supply or trade deal signed is no partnership (decisions: a supplier tie)
    (f"2010年6月份,{A}与{B}曾签署了一份供应协议。", (A, "PARTNERS_WITH", B)),
    (f"{A}昨日和{B}签署了矿用自卸车出口协议。", (A, "PARTNERS_WITH", B)),
    ("管理星岚科学园的星岚科技园管理有限公司是法定机构。", ("星岚科技园管理有限公司", "LOCATED_IN", "星岚科学园")),  # its operator
]


def _triples(nlp, text: str) -> set[tuple[str, str, str]]:
    norm = normalize_text(text).text
    lex = nlp.get_pipe("kg_entity_rules").lexicons
    return {(r.head.text, r.type, r.tail.text) for r in find_relations(norm, mentions_of(nlp(norm)), lex.titles, lex.cities)}


def _has(got: set[tuple[str, str, str]], want: tuple[str, str, str]) -> bool:
    h, t, tl = want
    return want in got or t == "PARTNERS_WITH" and (tl, t, h) in got


def _want(case) -> tuple[str, str, str]:  # noqa: ANN001 - a tuple or a pytest.param
    return case.values[1] if hasattr(case, "values") else case[1]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[f"{_want(c)[1]}-{i}" for i, c in enumerate(CASES)])
def test_phrasing_gives_the_relation(nlp, text, want):
    assert _has(_triples(nlp, text), want)


@pytest.mark.parametrize(("text", "unwanted"), NEAR_MISSES, ids=[f"{w[1]}-near-{i}" for i, (_, w) in enumerate(NEAR_MISSES)])
def test_near_miss_gives_no_relation(nlp, text, unwanted):
    assert not _has(_triples(nlp, text), unwanted)
