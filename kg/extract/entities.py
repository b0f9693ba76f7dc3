"""Entity rules: grammars, triggers and lexicons that find the six entity types.

Pure functions over the normalized text (Simplified, half-width, de-spun);
the spaCy component in :mod:`kg.extract.nlp` is a thin wrapper. The rules:

* **known names** from the lexicons (well-known enterprises, national parks,
  central organizations), longest first;
* **suffix grammars**: a legal form (``有限公司``), organization type
  (``管理局``), park or carrier type (``高新区``, ``产业园``) or fund head
  (``引导基金``) extended to the left over name characters until a
  boundary word (``位于``, ``的``, ``企业``…), punctuation or another name;
* **titles** before a name for people (``副局长徐一冰``, title chains);
* **industries**: ``X产业链``/``X产业``, enumerations governed by one
  suffix (``A、B、C等九大产业链`` → A, B, C) and lists after focus triggers
  (``聚焦``, ``重点发展``);
* **context triggers** for companies without a legal form (``链主企业X``,
  ``A、B等企业``, ``入驻A、B``);
* **short forms** of names found in the same document (``聚大洋`` for
  ``青岛聚大洋藻业集团有限公司``, ``蓝谷`` for ``青岛蓝谷``).

Candidates are resolved longest-first without overlaps.
``tokens`` (words from the segmenter, tagged with their part of speech in
jieba's dictionary) let a name extend only over noun-like words, make
boundary words count only where they are whole words, and choose between
two- and three-character person names.

>>> from kg.kb.lexicons import Lexicons
>>> lex = Lexicons.load()
>>> [(m.text, m.type) for m in find_mentions("青岛蓝谷管理局副局长徐一冰表示,蓝谷将聚焦海洋生物医药产业链。", lex)]
[('青岛蓝谷管理局', 'ORG'), ('徐一冰', 'PERSON'), ('蓝谷', 'PARK'), ('海洋生物医药产业链', 'INDUSTRY')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from kg.kb.lexicons import KnownEntity, Lexicons

# ---------------------------------------------------------------- records


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


# ---------------------------------------------------------------- character classes

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()·]")

# Single characters that follow a person's name in news text (`赵敏告诉`,
# `徐一冰说`): a two-character name is chosen when the third character is one.
_AFTER_NAME = set("说讲表介指告认强称出主会带一赴到来参调走深也就对向率和与及为是同亲先接致提透坦答回等在的作、,。:;!?)(“”")
# Two-character words that are not names even after a title (`局长表示`).
_NOT_NAME = {
    "贺信", "贺电", "贺词",  # the dictionary tags these as names (`主席贺信`)
    "表示", "介绍", "指出", "认为", "强调", "告诉", "说明", "透露", "坦言", "称赞", "一行", "带队", "出席", "主持",
    "会见", "参加", "调研", "考察", "走访", "等人", "同志", "先生", "女士", "也是", "就是", "对此", "还有",
    "关怀", "关心", "卓越", "高度", "亲切", "亲自", "殷切", "深切", "本人", "重视", "明确", "首次", "曾经",
}

# Words that are generic in front of a park/carrier suffix: a park whose name
# is only these is not a named park (`四大千亩产业园`, `科技园区`).
_GENERIC_PARK_BODY = {
    "千亩", "万亩", "百亩", "省级", "市级", "国家级", "专业", "特色", "主题", "新型", "各类", "相关", "重点", "配套",
    "一批", "该", "这个", "这些", "科技", "产业", "创新", "创业", "高新", "工业", "数字", "数字经济", "试点", "示范",
    "现代", "现代化", "大型", "小型", "综合", "专业化", "智慧", "智能", "高端", "传统", "老旧", "闲置", "城市", "园区",
    "经济", "开发", "高新技术", "战略性新兴", "两", "三", "四", "五", "六", "七", "八", "九", "十", "多", "个", "大",
    "其他", "周边", "当地", "本地", "全国", "国内", "一流", "头部", "第一阵营", "先进", "孵化", "众创", "省", "市", "区",
    "分", "老", "子", "新", "主", "各", "面向", "科创", "海洋", "海上", "涉海",
    # parts of zone kinds and general classes (`自贸试验区`, `沿海工业园区`, `旅游消费集聚区`)
    "自贸", "自由贸易", "综合保税", "保税", "沿海", "夜间", "消费", "旅游消费", "特色小", "小",
}
_COUNT_INSIDE = re.compile(r"[0-9一二两三四五六七八九十百几多]+(?:大|个|类|批|座|条|强)|(?:[0-9]+|[两三四五六七八九十几多数])[家地]|一[楼区园镇村]一")
# A count before a name: digits, or Chinese numerals with a measure word (`四大`, `数十个`; `数字` is no count).
_COUNT_PREFIX = re.compile(r"^(?:[0-9]+(?![0-9A-Za-z])(?:大|个|家|所|座|类|批|项|国|条|强)?|[一二两三四五六七八九十百千万几多数]+(?:大|个|家|所|座|类|批|项|国|条|强))+")

_GENERIC_COMPANY_BODY = {
    "上市", "平台", "子", "分", "母", "控股", "投资", "科技", "国有", "民营", "外资", "合资", "该", "本", "其", "一家",
    "这家", "多家", "龙头", "头部", "空壳", "技术经理人", "运营", "建设", "管理", "销售", "物流", "贸易", "代理",
    "分子", "总", "集团", "服务", "新", "老", "两家", "几家", "各", "区属", "市属", "省属", "国资", "城投", "保险",
    "中介", "咨询", "科技型", "高科技", "互联网", "医药", "制药", "企业", "相关", "一批", "100多家", "机构",
    "中国", "国际", "大型", "商业", "外币", "人民币", "六大", "国", "国家", "全球", "跨国", "外国", "本国", "航空",
    "石油", "汽车", "能源", "电力", "地方", "大", "小", "中",
    # kinds and markets of firms (`农民专业合作社`, `A股上市公司`, `市调公司`, `律师事务所`)
    "农民", "专业", "律师", "会计师", "市调", "市场研究", "评级", "A股", "港股", "美股", "H股", "新", "交易所", "发展", "建设",
    "媒体", "传媒", "出版", "一些", "部分", "不少", "众多", "多家", "各家",
}
_GENERIC_ORG_BODY = {
    "该", "本", "其", "各", "相关", "有关", "市", "区", "省", "县", "镇", "全市", "全区", "全省", "各级", "地方",
    "当地", "上级", "主管", "职能", "业务", "行业", "科研", "高校", "院所", "重点", "国家", "国家级", "省级", "市级",
    "专业", "一流", "新型", "研发", "创新", "技术", "工程", "孵化", "服务", "展示", "招商", "超算", "算力", "数据",
    "运营", "管理", "办事", "政务", "文化", "体育", "活动", "会议", "交易", "检测", "测试", "培训", "指挥", "营销",
    "中试", "实验", "成果转化", "企业服务", "党群服务", "客户", "物流", "配送", "分拨", "总部", "结算", "研究",
    "产业", "科创", "人民", "行动", "党和国家", "党和政府", "城市", "乡村", "自治区", "自治州", "自治县",
}
_ORG_NEEDS_PROPER_BODY = {"中心", "实验室", "平台", "办公室", "委员会", "工作站", "研究院", "研究所", "联盟"}
_GENERIC_INDUSTRY = {
    "重点", "主导", "优势", "新兴", "特色", "相关", "支柱", "传统", "未来", "该", "各", "全", "本", "现代",
    "战略性新兴", "主要", "核心", "上下游", "配套", "优质", "骨干", "全部", "整个", "其他", "多个", "两大", "九大",
    "重点海洋", "千亿级", "新", "高", "老", "大", "小", "区域", "本地", "当地", "地方", "城市", "周边", "我国",
    "全市", "全省", "全区", "国家", "国内", "省", "市", "区", "这些", "一批", "等", "该区", "园区", "整体",
    "高新技术", "规模以上", "中国", "国家首批", "首批", "关联", "产业", "创新", "科技", "互联网", "不靠", "加快",
    "第一", "第二", "第三", "重要", "绿色", "各类", "相应",
    # scope and size words of general news (`国际产业链`, `强大产业链`, `县域富民产业`, `国家战略性产业`)
    "国际", "世界", "地区", "县域", "很多", "一些", "强大", "完整", "畅通", "明星", "富民", "战略性", "国家战略性",
    "战略新兴", "国家级", "省级", "千亿", "百亿", "万亿", "高科技", "全", "上中下游", "乡村特色", "乡村", "具体", "生态",
    "联盟", "县市区", "县市", "政策",
}

# Verbs that end an industry name on its left (`发展集成电路产业`).
_INDUSTRY_BOUNDARY = (
    "发展", "打造", "构建", "壮大", "推动", "培育", "延伸", "嵌入", "做强", "做大", "做优", "布局", "引领", "带动",
    "完善", "提升", "聚焦", "围绕", "主攻", "突破", "抢占", "瞄准", "助推", "促进", "加快", "加速", "集聚", "形成",
    "建设", "建立", "拓展", "强化", "深耕", "涵盖", "覆盖", "涉及", "包括", "补齐", "锻造", "引进", "招引", "服务",
    "支持", "融入", "实现", "推进", "聚力", "发力", "开展", "成为", "作为", "拥有", "培养", "重点", "主导", "优势",
)
# `产业` followed by these is part of another word (`产业资源`, `产业园`), not a suffix.
_NOT_AFTER_INDUSTRY = (r"(?!园|化|基金|资本|资源|项目|发展|工人|结构|升级|政策|转型|协同|联盟|大会|研究院|投资|服务|用地|空间|布局|"
                       r"规模(?!化)|生态|体系|集聚|创新|营收|图谱|平台|载体|门类|基础|需求|链|集群|领域|基地|新城|中心|方向|赛道|高地|"
                       r"特色|优势|能级|动能|竞争|人才|配套|园区|带|社区|学院|工委|委员会|研究|合作|技术|成果|资金|用户|价值|链接)")
# Governing words that end a list item (`以A为核心、B为支撑的…`).
_ITEM_TAIL = re.compile(r"为(?:核心|支撑|保障|引领|主导|重点|主体|龙头|特色|基础|主|代表)的?$|等(?:传统|未来|新兴|战略性新兴)?$")
# Not an industry name: amounts, function words inside (`科研院所科技成果向`), verbs of
# organizing (`内设`), counts (`两大`, `一楼一`) and abstract heads (`结构`, `底座`).
_NOT_INDUSTRY_BODY = re.compile(r"[0-9]+[亿万]|最|全球|[的等新]$|^[的等]|[为向把被从对将暨]|内设|结构|底座|千亿级|"
                                r"[0-9一二两三四五六七八九十]+[大个]|一[楼区园镇村]一|生产$|研发制造$|"
                                # qualities, layers, capacities and roles (`原创性`, `基础层`, `带动力`, `金融中心`)
                                r"性$|层$|(?:带动|生产|能|实|活|竞争|影响|创新|驱动|吸引|凝聚)力$|中心$|能否|可靠|自强|"
                                # policy actions (`超前布局`, `积极发展新兴产业`, `传统产业转型升级`)
                                r"^(?:积极|超前|全面|较|具有|推进|深化|促进|推动|加快|加强|着力|大力|壮大|构建|培育|做大|做强|做优|"
                                r"打造|升级|谋划|赋能|助力|引领|带动|完善|延伸)|转型升级|高质量发展|一体建设|"
                                r"(?:场景|环境|体系|机制|模式|格局|全|机构|发展)$|"
                                # directions of change (`高端化、智能化、绿色化`), not industries (`影视文化` is one)
                                r"(?:智能|绿色|高端|数字|信息|网络|国际|现代|市场|低碳|服务|集约|规模|标准|品牌|融合|链条|集群|智慧|"
                                r"精细|特色|专业|法治|便利|自由|工业|城镇|产业|一体)化$")
# Trailing words that frame an industry rather than name it (`海洋经济发展主题`, `…为特色方向`).
_INDUSTRY_FRAME_TAIL = re.compile(r"(?:为(?:核心|支撑|引领|主导|重点|主体|龙头|特色|基础|主|代表))?(?:的)?(?:发展|生长)?(?:主题|方向)$")
# Companies as the subject of a list of fields: their own business lines (guidelines: not INDUSTRY).
_COMPANY_LINES = re.compile(r"企业[^。!?;,]{0,12}?(?:覆盖|涵盖|涉及|分布于|来自|包括)$")
_INDUSTRY_CUE = re.compile(r"产业|聚焦|重点发展|主导|布局|赛道|集群|新兴")
_CLAUSE = re.compile(r"[^。!?;,:\n]+")
# Fields named for what is done in them together or by whom (`等领域合作`, `等行业跨国企业负责人`), not
# industries a region develops.
_NOT_DEVELOPED_AFTER = re.compile(r"(?:的|中的)?(?:务实|互利|深度|双边|多边|广泛)?(?:合作|交流|对话|会晤)|[\u4e00-\u9fff]{0,4}(?:企业|公司|厂商)")
# A product's uses after a list of fields (`等领域的全面应用`).
_APPLICATION = re.compile(r"(?:的|中的|内的)?[\u4e00-\u9fff]{0,6}?(?:全面|广泛|深度|规模化|推广)?(?:应用|使用)")
# Verbs that introduce a firm's business lines.
_LINES_VERB = re.compile(r"(?:覆盖|涵盖|涉及|涉足|布局|主营|业务(?:范围)?(?:包括|涵盖|覆盖)?)$")
# Last words that make a phrase an industry (`智能装备`, `先进材料`).
_INDUSTRY_HEADS = ("装备", "制造", "材料", "能源", "医药", "家电", "家居", "汽车", "芯片", "电子", "信息", "软件", "通信",
                   "机器人", "传感器", "显示", "器械", "物流", "金融", "服务业", "制造业", "产业")
_INDUSTRY_SUFFIX_RE = re.compile(r"(?:产业集群|产业链条|产业链|产业)$")
# Heads that make a modifier phrase a process, not an industry (`绿色转型`, `数字治理`).
_NOT_INDUSTRY_HEADS = ("转型", "发展", "治理", "改造", "升级", "建设", "应用", "场景", "技术", "平台", "生活", "社会", "政府")
# Domain modifiers that form one industry with a known industry after them (`海洋数字经济`).
_INDUSTRY_MODIFIER = ("海洋", "海上", "涉海", "智能", "智慧", "数字", "绿色", "低碳", "新一代", "下一代", "新型", "高端")
# Boundary verbs that are also the head noun of an industry when they end it (`海洋高技术服务`).
_HEAD_VERBS = frozenset({"服务", "制造"})
# Verbs that end an industry name on its left wherever they stand in a word (`大力发展`, `做大做强`).
_DEVELOPMENT_VERBS = ("发展", "壮大", "做强", "做大", "做优", "升级", "谋划", "赋能", "助力", "培育", "打造", "推动", "推进",
                      "促进", "带动", "引领", "加快", "聚焦", "围绕", "布局", "构建", "延伸", "完善")
_INDUSTRY_BOUNDARY_SET = frozenset(_INDUSTRY_BOUNDARY) | {"梳理", "优选", "确定", "明确", "提出", "形成", "围绕", "包括"}
_FOCUS_TRIGGERS = ("聚焦", "重点发展", "主攻", "重点布局", "大力发展", "培育壮大", "做强做优", "着力发展", "主导产业为",
                   "主导产业是", "产业体系", "重点产业", "主导产业")
# What precedes the head of a list (`等重点…产业链`, `九大…产业`).
_LIST_HEAD_BEFORE = re.compile(r"(?:等|[0-9一二两三四五六七八九十]+大)(?:重点|主导|优势|新兴|战略性新兴|千亿级|传统|未来|特色|支柱|现代)*$")
# A typology in front of a sector (`融合型`, `资源型`; `新型` is part of names such as `新型显示`).
_TYPE_QUALIFIER = re.compile(r"[\u4e00-\u9fff]{2}型")
_INDUSTRY_LIST_SUFFIX = ("产业集群", "产业链条", "产业链", "产业领域", "产业")

# ---------------------------------------------------------------- helpers


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
        # the regex engine finds the positions where a form can start: the loops visit only those
        firsts = sorted({k[0] for k in self.long} | self.short)
        self._starts = re.compile("[" + "".join(re.escape(c) for c in firsts) + "]") if firsts else None

    def _at(self, text: str, i: int) -> Iterator[str]:
        """The forms that start at ``i``, longest first."""
        for f in self.long.get(text[i:i + 2], ()):
            if text.startswith(f, i):
                yield f
        if text[i] in self.short:
            yield text[i]

    def _positions(self, text: str) -> Iterable[int]:
        return (m.start() for m in self._starts.finditer(text)) if self._starts is not None else ()

    def longest_at(self, text: str, i: int) -> str | None:
        return next(self._at(text, i), None) if i < len(text) else None

    def finditer_all(self, text: str) -> Iterable[tuple[int, str]]:
        """Every (position, form) occurrence, all forms at each position."""
        for i in self._positions(text):
            for f in self._at(text, i):
                yield i, f

    def finditer(self, text: str) -> Iterable[tuple[int, str]]:
        """The longest form at each position where one starts."""
        for i in self._positions(text):
            f = next(self._at(text, i), None)
            if f is not None:
                yield i, f


#: A token from the segmenter: (start, end, part of speech from the
#: dictionary, or None for a word the dictionary does not know).
Token = tuple[int, int, "str | None"]

# Parts of speech (jieba's dictionary tag set) that never sit inside a name:
# verbs, prepositions, conjunctions, particles, adverbs, pronouns, numerals,
# measure words, locality words, time words, adjectives, interjections.
# Only whole words of two or more characters stop a name by their tag: the
# dictionary's tags are noisy (`高速` adverb, `北部` locality), and unknown
# brand names come out as single characters with any tag (`聚`, `极`).
STOP_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "rr", "rz", "y", "e", "o", "t", "tg", "v", "vd",
                      "d"})
# Verbs (and words the dictionary tags as adverbs, `高新`) that are at home inside names (`创新中心`, `投资发展集团`).
_NAME_VERBS = frozenset({"高新", "创新", "联创", "创业", "孵化", "制造", "发展", "投资", "建设", "服务", "研究", "开发", "转化",
                         "交易", "管理", "运营", "设计", "检测", "测试", "验证", "推广", "促进", "合作", "协同", "引领",
                         "示范", "实验", "集成", "应用", "配置", "咨询", "监督", "招商", "引资", "指挥", "审批", "协调",
                         "保障", "监管", "融合", "创造", "智造", "生产", "加工", "制备", "营销", "传播", "控股",
                         "高速", "共同", "联合", "综合", "全面"})
_FUNCTION_CHARS = set("与和及在的将对向由以为从把被于等是")
_FUNCTION_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "y", "e", "o"})
# Verbs of planning and building that end a park's name on its left
# (`加快建设海洋生物医药科技园`); company and office names may contain them.
_PARK_BOUNDARY = frozenset({"服务", "建设", "锚定", "谋划", "加码", "全域", "发展", "加盟", "加入", "推进", "打造", "构建",
                            "促进", "总结", "全面", "培育", "实现", "率先", "完善", "提升", "布局", "规划", "建成", "建立", "入驻", "落户", "创建",
                            "申建", "申报", "获批", "晋级", "迁址", "运营", "管理", "高水平", "高标准", "高质量"})


@dataclass
class _Ctx:
    text: str
    lex: Lexicons
    tokens: list[Token] | None  # None: no word segmentation (characters)
    taken: list[bool]  # characters already inside an accepted name
    words: Mapping[str, str] = field(default_factory=dict)  # dictionary word -> part of speech
    found: list[Mention] = field(default_factory=list)  # names accepted so far (earlier passes)

    def __post_init__(self) -> None:
        self.starts = frozenset(t[0] for t in self.tokens) if self.tokens is not None else None
        self.by_end = {t[1]: t for t in self.tokens} if self.tokens is not None else {}
        self._token_starts = [t[0] for t in self.tokens] if self.tokens is not None else []
        self.by_pos: dict[int, Token] = {}
        if self.tokens is not None:
            for t in self.tokens:
                for i in range(t[0], t[1]):
                    self.by_pos[i] = t

    def tokens_in(self, a: int, b: int) -> list[Token]:
        """The tokens inside ``[a, b)`` (bisect on the sorted token starts: no full scan)."""
        if self.tokens is None:
            return []
        lo = bisect_left(self._token_starts, a)
        hi = bisect_left(self._token_starts, b)
        return [t for t in self.tokens[lo:hi] if t[1] <= b]

    def is_token_boundary(self, i: int) -> bool:
        return self.starts is None or i in self.starts or i >= len(self.text)


@lru_cache(maxsize=8)
def _tries(lex: Lexicons) -> dict[str, _Trie]:
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
def _known_index(lex: Lexicons) -> tuple[_Trie, dict[str, KnownEntity]]:
    by_form: dict[str, KnownEntity] = {}
    for k in lex.known:
        for f in k.forms:
            if len(f) >= 2 or f.isascii():
                by_form.setdefault(f, k)
    return _Trie(by_form), by_form


@lru_cache(maxsize=8)
def _bw_index(lex: Lexicons) -> dict[str, tuple[str, ...]]:
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


def _extend_left(ctx: _Ctx, s: int, max_len: int, extra_boundaries: frozenset[str] = frozenset()) -> int:
    """Leftmost start of a name ending at ``s``: over name characters, not
    across punctuation, a boundary word or an accepted name. With tokens,
    whole words are taken and a verb, preposition, adverb… ends the name."""
    if ctx.tokens is not None:
        return _extend_left_tokens(ctx, s, max_len, extra_boundaries)
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


def _stops_name(word: str, pos: str | None, lex: Lexicons, extra: frozenset[str]) -> bool:
    if word in lex.boundaries or word in extra:
        return True
    if len(word) == 1:
        return word in _FUNCTION_CHARS or word in _CLAUSE_CHARS or pos in _FUNCTION_POS
    if pos == "i" or (pos == "l" and _boundary_inside(word, lex)):
        return True  # an idiom or fixed phrase with a verb of the clause (`紧紧围绕`) is never inside a name
    return pos in STOP_POS and word not in _NAME_VERBS


# Single characters that are adverbs or auxiliaries of the clause (`要全面…`, `并…`).
_CLAUSE_CHARS = frozenset("要让使并都也还就又才已曾而")


@lru_cache(maxsize=8)
def _boundary_pattern(lex: Lexicons) -> re.Pattern[str]:
    return re.compile("|".join(sorted((re.escape(b) for b in lex.boundaries if len(b) >= 2), key=len, reverse=True)))


def _boundary_inside(word: str, lex: Lexicons) -> bool:
    return _boundary_pattern(lex).search(word) is not None


def _extend_left_tokens(ctx: _Ctx, s: int, max_len: int, extra: frozenset[str] = frozenset()) -> int:
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
        if _stops_name(word, pos, ctx.lex, extra):
            break
        if pos is None and len(word) > 1 and word[0] in _FUNCTION_CHARS:  # `与鹏` from an unknown word
            j = ts + 1
            break
        if s - ts > max_len:
            break
        j = ts
    return j


def _anchor_region(ctx: _Ctx, j: int, s: int) -> int:
    """Move a start forward to the first region name inside ``[j, s)`` when
    what precedes that region is not itself part of a region/name chain."""
    if ctx.tokens is not None:  # with words, the extension already stopped at the right word
        return j
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
    return _COUNT_PREFIX.sub("", body)


def _generic(body: str, generic: set[str]) -> bool:
    """True when ``body`` is made only of generic words (greedy split)."""
    body = _strip_count(body)
    if not body:
        return True
    i = 0
    words = sorted(generic, key=len, reverse=True)
    while i < len(body):
        for w in words:
            if body.startswith(w, i):
                i += len(w)
                break
        else:
            return False
    return True


# ---------------------------------------------------------------- rules


def _known(ctx: _Ctx) -> list[Mention]:
    trie, by_form = _known_index(ctx.lex)
    text = ctx.text
    out = []
    # ASCII brand names are matched regardless of case (`VIVO`, `vivo`)
    hits = list(trie.finditer(text))
    folded = text.lower()
    if folded != text:
        seen = {i for i, _ in hits}
        hits += [(i, f) for i, f in trie.finditer(folded) if f.isascii() and i not in seen]
    for i, form in hits:
        k = by_form[form]
        end = i + len(form)
        if form.isascii():
            # ASCII names (NEC, TCL) must stand alone, not inside a longer word
            if (i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()) or (end < len(text) and text[end].isascii() and text[end].isalnum()):
                continue
        if (k.ambiguous or form.isdigit()) and not _company_context(text, i, end):
            continue  # `360度`, `360亿` are numbers unless the text says company
        if ctx.starts is not None and len(form) <= 4:
            aligned = (ctx.is_token_boundary(i), ctx.is_token_boundary(end))
            if not all(aligned) if len(form) <= 2 else not any(aligned):
                continue  # `安联` inside `西安|联创`: a short known name must be whole words
            crossing = ctx.by_pos.get(end - 1)
            if not aligned[1] and crossing is not None and crossing[2] is not None and crossing[1] > end:
                if crossing[2] == "nt" and crossing[0] == i and k.type == "ORG":  # `国务院新闻办公室`: the dictionary's
                    out.append(Mention(i, crossing[1], "ORG", text[i:crossing[1]], "known", text[i:crossing[1]]))  # body of it
                continue  # `人社部|门` is `人社|部门`: the name ends inside a dictionary word
        start = i
        country = next((c for c in _COUNTRIES if text.startswith(c, i - len(c))), None) if k.type == "ORG" else None
        if country:  # `美国国务院` is not 国务院: the country's own body, a name of its own
            out.append(Mention(i - len(country), end, "ORG", text[i - len(country):end], "known", text[i - len(country):end]))
            continue
        if k.type == "COMPANY":  # `青岛华大基因`: a region right before a brand belongs to the name
            for n in (4, 3, 2):
                if i - n >= 0 and text[i - n:i] in ctx.lex.regions and (i - n == 0 or not _CJK.match(text[i - n - 1]) or _boundary_ends_at(ctx, i - n)):
                    start = i - n
                    break
        out.append(Mention(start, end, k.type, text[start:end], "known", k.name if start == i else text[start:end]))
    return out


def _company_context(text: str, s: int, e: int) -> bool:
    after = text[e:e + 4]
    before = text[max(0, s - 6):s]
    return after.startswith(("集团", "公司", "股份", "科技", "控股")) or before.endswith(("企业", "公司", "集团", "品牌"))


# Suffixes too generic to make a name: `重点企业`, `生产厂`, `子公司`.
_WEAK_COMPANY_SUFFIX = frozenset({"企业", "厂", "工厂", "生产厂", "制造厂", "总厂", "子公司", "分公司", "工作室", "总公司", "母公司",
                                  "上市公司"})
# One-character office suffixes: an ORG only after a department word (`科技局`).
_ONE_CHAR_ORG_SUFFIX = frozenset({"局", "委", "厅", "办", "处", "部", "署", "司"})
# Party committees are named only as part of a title (`市委书记`): not ORG.
_PARTY_COMMITTEE = re.compile(r"(?:[省市区县]委|党委|党组|纪委|监委)$")


# Associations and alliances are often named by their members (`企业联合会`).
_MEMBER_NAMED = frozenset({"联盟", "联合会", "协会", "商会", "促进会", "联谊会", "总会"})
_LEADING_DATE = re.compile(r"(?:[0-9]{2,4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:以来)?|[下简]称|又称|即)")


def _suffix_names(ctx: _Ctx, kind: str, etype: str, max_len: int, generic: set[str], min_body: int = 1) -> list[Mention]:
    text = ctx.text
    out = []
    extra = _PARK_BOUNDARY if kind == "park" else frozenset()
    for i, suf in _tries(ctx.lex)[kind].finditer(text):
        e = i + len(suf)
        if kind == "company" and suf in _WEAK_COMPANY_SUFFIX:
            continue
        crossing = ctx.by_pos.get(e - 1) if ctx.tokens is not None else None
        if crossing is not None and crossing[1] > e and crossing[2] is not None and not _tries(ctx.lex)["titles"].longest_at(text, e):
            continue  # the suffix ends inside a dictionary word (`重庆中心城区`), not before a title (`局局长`)
        # the suffix must end a word: `局` in `局长`, `委` in `委员`, `部` in `部长` are titles
        if e < len(text) and kind == "org" and text[e] in "长员":
            continue
        s = _extend_left(ctx, i, max_len, extra)
        if kind == "park":
            s = _over_ji(ctx, s, i, "及与和")  # `海洋大数据与智能超算创新园`
        s = _anchor_region(ctx, s, i)
        if kind == "org":
            s = _back_to_region(ctx, s)
        member_named = False
        if s == i and suf in _MEMBER_NAMED:  # `企业联盟`, `青岛市企业联合会`: named by their members
            tok = ctx.by_end.get(i) if ctx.tokens is not None else None
            if tok and tok[2] in ("n", "nz", "nt") and tok[1] - tok[0] >= 2 and not any(ctx.taken[tok[0]:tok[1]]):
                s = tok[0]
                member_named = True
                while (prev := ctx.by_end.get(s)) and prev[2] in ("n", "nt", "ns") and prev[1] - prev[0] >= 2 and i - prev[0] <= 10 \
                        and not any(ctx.taken[prev[0]:prev[1]]):
                    s = prev[0]
        lead = _LEADING_DATE.match(text, s, i)
        if lead:  # `2011年宝钢集团`, `下称宝钢集团`
            s = lead.end()
        if re.match(r"[0-9]+[家个只所批]", text[s:i]):  # `85家食用菌专业合作社`: a count, not a name
            continue
        if s >= 2 and text[s - 1] in "—－" and text[s - 3:s - 1] == "中国" and kind in ("park", "org"):
            s -= 3  # `中国—中东欧国家经贸合作示范区`, `中国—东盟信息港`: China and its partner name the body
        body = text[s:i]
        if body[:1] in ")]":
            continue  # `必和必拓(BHP)矿业公司` cut after a known name: a fragment
        if suf in _MEMBER_NAMED and len(body) >= 2 and ctx.words.get(body) in ("n", "nz", "nt"):
            member_named = True  # `院所联盟`: the members' kind names the alliance
        if len(body) < min_body or (_generic(body, generic) and not member_named):
            continue
        if kind == "company":
            s = _drop_glued_boundary(ctx, s, e)
            s = _drop_locating_country(text, s, i)
            if _COUNT_INSIDE.search(text, s, i) or re.match(r"(?:首批)?有?[0-9一二两三四五六七八九十百几多数]+家", text[s:i]):
                continue  # `中国石油两大集团`, `日本三大汽车公司`, `有8家新公司`: a count of firms, not a name
        if kind == "company" and suf == "公司" and not _brand_like(ctx, s, i):
            continue  # `A股上市公司`, `细分领域公司`: a kind of company, not a name
        if kind == "org":
            if _COUNT_INSIDE.search(body):  # `四个专业委员会`
                continue
            if suf in _ONE_CHAR_ORG_SUFFIX and not any(body.endswith(d) for d in ctx.lex.departments):
                continue
            if suf in ("政府", "人民政府") and not _place_like(ctx, body):
                continue
        if suf in ("银行", "学校", "医院", "中学") and not (_place_like(ctx, body) or _proper_body(ctx, body, s, unknown_ok=False)):
            continue  # `有关银行`, `中小学校` name no one
        if suf.endswith(("中心", "平台")) and not _proper_noun_in(ctx, body, s) and not (suf.endswith("中心") and _region_named(ctx, body)):
            continue  # `公共资源服务中心`, `青岛数字经济平台`: a function, not a name
        if kind == "org":
            if _PARTY_COMMITTEE.search(text[s:e]) and not _place_like(ctx, body):
                continue
            if suf in _ORG_NEEDS_PROPER_BODY and suf != "联盟" and not member_named \
                    and not _proper_body(ctx, body, s) and not _region_named(ctx, body):
                continue
        if kind in ("org", "company") and _MEDIA.search(text, s, e):
            continue  # `中央广播电视总台社教节目中心`: media outlets are neither (guidelines)
        if kind == "org" and re.search(r"[0-9]{4}年", body):
            continue  # `谋划好2026年政协`: a date inside, a clause rather than a name
        if kind == "org" and text.startswith(_OFFICE_OF, e) and not suf.endswith(_OFFICE_OF):
            e += next(len(o) for o in _OFFICE_OF if text.startswith(o, e))  # `…指挥部办公室`: the body's office is one ORG
        q = _QUALIFIER.match(text, e)
        if q and kind in ("org", "company") and _tries(ctx.lex)["regions"].longest_at(text, e + 1) and not suf.endswith(")"):
            e = q.end()  # `山东大学(青岛)`: a campus or branch qualifier belongs to the name
        out.append(Mention(s, e, etype, text[s:e], f"suffix:{kind}"))
    return out


def _back_to_region(ctx: _Ctx, s: int) -> int:
    """`青岛市|先进|封装|测试中心`: a name that stopped at a verb or adjective
    goes back to a region one or two content words further left, when nothing
    between them is a function or boundary word."""
    if ctx.tokens is None:
        return s
    gap: list[str | None] = []
    j = s
    while len(gap) < 2 and (tok := ctx.by_end.get(j)) is not None:
        word = ctx.text[tok[0]:tok[1]]
        if word in ctx.lex.regions and tok[1] - tok[0] >= 2:
            break
        if word in ctx.lex.boundaries or word in _PARK_BOUNDARY or any(ctx.taken[tok[0]:tok[1]]):
            return s
        gap.insert(0, tok[2])
        j = tok[0]
    tok = ctx.by_end.get(j)
    # modifiers, or a modifier and a verb (`先进|封装`); a verb alone is the sentence's (`北京召开…`)
    if not gap or gap[0] not in ("a", "an", "b") or any(p not in ("a", "an", "b", "v", "vn") for p in gap):
        return s
    if tok is not None and ctx.text[tok[0]:tok[1]] in ctx.lex.regions and not any(ctx.taken[tok[0]:tok[1]]):
        return tok[0]
    return s


# Countries that locate a foreign firm rather than name it (`德国大众汽车集团` is 大众汽车集团).
_COUNTRIES = ("美国", "日本", "英国", "德国", "法国", "韩国", "荷兰", "意大利", "加拿大", "澳大利亚", "俄罗斯", "印度", "瑞士",
              "瑞典", "西班牙", "新加坡", "以色列", "芬兰", "丹麦", "挪威", "比利时", "奥地利", "巴西", "墨西哥", "沙特")


def _drop_locating_country(text: str, s: int, suffix_start: int) -> int:
    """A foreign firm's name without the country in front, when a name is left
    (`荷兰国际集团` keeps its country: `国际集团` names no one)."""
    for c in _COUNTRIES:
        rest = text[s + len(c):suffix_start]
        if text.startswith(c, s) and len(rest) >= 2 and not _generic(rest, _GENERIC_COMPANY_BODY):
            return s + len(c)
    return s


def _drop_glued_boundary(ctx: _Ctx, s: int, e: int) -> int:
    """`联合国实集团`: the segmenter glued a boundary word (`联合`) to the name's
    first character (`联合国|实`). The name starts after the boundary word when
    the rest stands alone elsewhere in the text (`依托国实集团、…`)."""
    text = ctx.text
    for n in (2, 3):
        w, rest = text[s:s + n], text[s + n:e]
        if w in ctx.lex.boundaries and len(rest) >= 4 and not ctx.is_token_boundary(s + n):
            k = text.find(rest)
            while k >= 0:
                if k != s + n and (k == 0 or not _NAME_CHAR.match(text[k - 1]) or _boundary_ends_at(ctx, k)):
                    return s + n
                k = text.find(rest, k + 1)
    return s


def _region_named(ctx: _Ctx, body: str) -> bool:
    """A body that opens with a region and goes on to say what the body does
    (`青岛市先进封装测试` + 中心): the region makes a function into a name."""
    r = _tries(ctx.lex)["regions"].longest_at(body, 0)
    return bool(r) and len(body) - len(r) >= 3 and len(r) >= 2


_OFFICE_OF = ("办公室", "秘书处")
_MEDIA = re.compile(r"电视台|广播电视|总台|日报|晚报|报社|新闻社|通讯社|杂志社|出版社|融媒体|媒体|新闻中心")
_QUALIFIER = re.compile(r"\([\u4e00-\u9fff]{2,6}\)")
def _proper_noun_in(ctx: _Ctx, body: str, start: int) -> bool:
    """Does ``body`` hold a proper noun or brand, beyond a region and generic
    words? `国家`/`中国` at the head count (`国家海洋技术转移中心`)."""
    rest = body
    r = _tries(ctx.lex)["regions"].longest_at(rest, 0) if rest else None
    if r:
        rest = rest[len(r):]
    if rest.startswith(("国家", "中国", "中科")) and not rest.startswith(("国家级",)):
        return True
    if ctx.tokens is None:
        return bool(rest) and ctx.words.get(rest) is None and not _generic(rest, _GENERIC_ORG_BODY)
    offset = start + len(body) - len(rest)
    for ts, te, pos in ctx.tokens_in(offset, start + len(body)):
        if te - ts >= 2:
            word = ctx.text[ts:te]
            if pos in ("nz", "nt", "nr", "nrt") or (pos is None and word not in ctx.lex.industries and not _generic(word, _GENERIC_ORG_BODY)):
                return True
    return False


_PLACE_PARK_SUFFIX = ("高新技术产业开发区", "经济技术开发区", "高新区", "经开区", "开发区", "新区", "自贸试验区", "自由贸易试验区",
                      "综合保税区", "保税区", "示范区")


def _place_like(ctx: _Ctx, body: str) -> bool:
    """A body that names a place: a division, a dictionary place name, or a name ending in 省/市/区/县/国…"""
    if body in ctx.lex.regions or ctx.words.get(body) == "ns":
        return True
    if re.search(r"[两各多外本该双][国方]", body):
        return False  # `用好两国政府间…`: two governments, not a place's
    return len(body) >= 2 and body[-1] in "省市区县州镇乡国" and not _generic(body, _GENERIC_ORG_BODY | {"两国", "各国", "外国", "本国", "该国"})


def _proper_body(ctx: _Ctx, body: str, start: int | None = None, unknown_ok: bool = True) -> bool:
    """A name body that is more than generic words: it starts with a region
    or 国家/中国, or (with tokens) contains a proper noun or a word the
    dictionary does not know, as brand names are."""
    if body.startswith(("国家级", "省级", "市级")):
        body = body[3:]
    if _tries(ctx.lex)["regions"].longest_at(body, 0) or body.startswith(("国家", "中国", "中科", "全国")):
        return True
    if ctx.tokens is not None and start is not None:
        for ts, te, pos in ctx.tokens_in(start, start + len(body)):
            if te - ts >= 2 and (
                    pos in ("nz", "nt", "nr", "ns", "nrt") or (pos is None and unknown_ok and ctx.text[ts:te] not in ctx.lex.industries)):
                return True
    return False


# Park suffixes too generic alone (gardens, air bases, valleys, transport
# corridors); `X产业基地`, `X科创走廊` come from longer suffixes, `蓝谷` from its rule.
_WEAK_PARK_SUFFIX = ("园", "基地", "谷", "走廊", "花园", "公园", "乐园", "家园", "陵园")
# Sub-areas named after a known park are that park (`蓝色硅谷核心区` is 青岛蓝谷, per the guidelines).
_SUB_AREA = ("核心区", "功能区")


def _has_place(ctx: _Ctx, m: Mention) -> bool:
    """A region, or (with words) a place name or unknown proper word, in the name."""
    name = m.text
    if any(name.startswith(r) or r in name for r in _regions_in(ctx, name)):
        return True
    if ctx.tokens is None:
        return False
    return any((pos in ("ns", "nz", "nt", "nr") or (pos is None and te - ts >= 2))
               and not ctx.text[ts:te].endswith(_PLACE_PARK_SUFFIX) for ts, te, pos in ctx.tokens_in(m.start, m.end))


def _regions_in(ctx: _Ctx, name: str) -> list[str]:
    trie = _tries(ctx.lex)["regions"]
    return [r for i in range(len(name)) if (r := trie.longest_at(name, i))]


def _named_park_body(ctx: _Ctx, name: str) -> bool:
    """Is there a proper name in front of a generic park word? Region, status
    and industry words alone do not name a park."""
    body = re.sub(r"(产业园区|园区|集聚区|功能区)$", "", name)
    r = _tries(ctx.lex)["regions"].longest_at(body, 0)
    if r:
        body = body[len(r):]
        province = ctx.lex.regions.get(r, "").endswith(("省", "自治区")) or r in ("中国", "全国")
        if len(body) >= 2 and not province and not re.search(r"[省市区县]级|国家级|^级", name[:len(r) + 3]):
            return True  # `莱西市新能源汽车培育园区`: a place and a focus name one park; `山东省级…园区` is a class
    body = re.sub(r"^(省级|市级|国家级|国家|级)", "", body)
    for term in sorted((t for t in ctx.lex.industries if t in body), key=len, reverse=True):
        body = body.replace(term, "")
    return bool(body) and not _generic(body, _GENERIC_PARK_BODY | {"产业", "经济", "引领", "示范", "培育", "试点", "高新技术"})


# A zone suffix inside a longer park name, with a named park after it.
_INNER_ZONE = re.compile(r"(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区|自贸试验区|保税区)(?=[\u4e00-\u9fff]{2,}(?:产业园|科技园|工业园|园区|孵化器|基地|小镇)$)")
# Parts of a zone keep the zone's name (`山东自贸试验区青岛片区`, `…高新区核心区`).
_SUB_PARK = ("片区", "分区", "核心区", "功能区", "先行区", "启动区", "分园", "园区")


def _parks(ctx: _Ctx) -> list[Mention]:
    out = _suffix_names(ctx, "park", "PARK", 14, _GENERIC_PARK_BODY, 2)  # `各自|贸|试验区`: one character names no park
    strong = [x for x in ctx.lex.park_suffixes if x not in _WEAK_PARK_SUFFIX and len(x) > 1]
    keep = []
    for m in out:
        if m.text.endswith(_WEAK_PARK_SUFFIX) and not any(m.text.endswith(x) for x in strong):
            continue
        body = m.text
        # a counted list head (`四大千亩产业园`) and `X园区` without a proper name are generic
        if _COUNT_PREFIX.match(body) and not _tries(ctx.lex)["regions"].longest_at(body, 0):
            continue
        if _COUNT_INSIDE.search(body):  # `海洋信息四大千亩产业园`: the suffix heads a counted list
            continue
        if body.endswith(_PLACE_PARK_SUFFIX) and not _has_place(ctx, m):
            continue  # `促进新区`, `构筑起国家高新区`: such zones are named after a place
        if body.endswith(("园区", "集聚区", "功能区")) and not _named_park_body(ctx, body):
            continue  # `山东省级数字经济园区`, `智能制造产业园区`: a kind of park, not a name
        if re.search(r"(?:有限公司|股份公司|集团)(?=.)", body):  # `某某有限公司西安基地` is a company's site
            continue
        if m.end < len(ctx.text) and ctx.text[m.end] == "·":  # `倍格硅巷·西安宏府大厦`: one carrier, two names
            tail = re.match(r"·([\u4e00-\u9fffA-Za-z0-9]{3,12}?)(?=[等和及与、,。;:!?()“”\s]|$)", ctx.text[m.end:])
            if tail and not any(ctx.taken[m.end:m.end + tail.end()]):
                m = Mention(m.start, m.end + tail.end(), "PARK", ctx.text[m.start:m.end + tail.end()], m.rule)
        inner = _INNER_ZONE.search(body)
        if inner and not body.endswith(_SUB_PARK):
            # `西安高新区集贤产业园`: a named park inside a zone is a second park (two names)
            k = m.start + inner.end()
            if _named_park_body(ctx, body[inner.end():]) or not _generic(body[inner.end():-2], _GENERIC_PARK_BODY):
                keep += [Mention(m.start, k, "PARK", ctx.text[m.start:k], m.rule), Mention(k, m.end, "PARK", ctx.text[k:m.end], m.rule)]
                continue
        keep.append(m)
    return keep + _valley_parks(ctx)


_NOT_VALLEY = {"山谷", "河谷", "峡谷", "低谷", "深谷", "波谷", "稻谷", "五谷", "谷物", "金谷"}


def _valley_parks(ctx: _Ctx) -> list[Mention]:
    """Parks named `X谷` (蓝谷, 光谷, 药谷), with a region prefix when given."""
    text = ctx.text
    out = []
    for m in re.finditer(r"[蓝光药智云数硅绿]谷", text):
        s, e = m.span()
        if text[s:e] in _NOT_VALLEY or (e < len(text) and text[e] in "物子歌雨"):
            continue
        regions = _tries(ctx.lex)["regions"]
        for k in (3, 2):
            if s - k >= 0 and regions.longest_at(text, s - k) == text[s - k:s]:
                s -= k
                break
        out.append(Mention(s, e, "PARK", text[s:e], "park:valley"))
    return out


_INVESTMENT_WORD = re.compile(r"产业|投资|创投|创业|引导|母|天使|种子|成果转化|股权|科创|风险|并购|发展|专项|影视|人才|纾困")
_NOT_INVESTMENT = re.compile(r"医保|医疗保障|保险|社保|养老|公积金|货币|救助|保障基金")




def _party_committees(ctx: _Ctx) -> list[Mention]:
    """A named Party committee (`青岛市委`, `崂山区委`) is an ORG; a bare
    `市委` in a title (`市委书记`) is not."""
    text = ctx.text
    out = []
    for m in re.finditer(r"[省市区县]委(?!员|会)", text):
        e = m.end()
        for n in (4, 3, 2):
            s = m.start() - n
            if s >= 0 and (text[s:m.start() + 1] in ctx.lex.regions) and not any(ctx.taken[s:e]):
                dept = _COMMITTEE_DEPT.match(text, e)
                if dept:  # `云南省委统战部`: a department of the committee is one body
                    out.append(Mention(s, dept.end(), "ORG", text[s:dept.end()], "org:committee"))
                    break
                out.append(Mention(s, e, "ORG", text[s:e], "org:committee"))
                # `青岛市委、市政府`: the government after the committee is the same place's
                gov = re.compile(r"[、和及与]" + re.escape(text[m.start()]) + r"(?:人民)?政府").match(text, e)
                if gov and not any(ctx.taken[gov.start() + 1:gov.end()]):
                    region = text[s:m.start() + 1]
                    out.append(Mention(gov.start() + 1, gov.end(), "ORG", text[gov.start() + 1:gov.end()], "org:committee",
                                       region + text[gov.start() + 2:gov.end()]))
                break
    return out


_COMMITTEE_DEPT = re.compile(r"(?:统战部|宣传部|组织部|政法委|办公厅|办公室|政策研究室|外事办|台办|网信办|编办|农办|财经委|金融委)")


def _funds(ctx: _Ctx) -> list[Mention]:
    text = ctx.text
    out = []
    for i, head in _tries(ctx.lex)["fund"].finditer(text):
        e = i + len(head)
        tail = text[e:e + 3]
        if tail.startswith(("联盟", "会", "管理", "公司")) or re.match(r"\d|[一二三四五六七八九十]+[只支个]", tail):
            continue
        s = _extend_left(ctx, i, 10)
        body = text[s:i]
        # a bare `基金` needs a name or kind in front of it; `总规模…的` is not a name
        body = re.sub(r"^.*?的", "", body) if "的" in body else body
        body = re.sub(r"^.*?[0-9.]+[万亿]*元", "", body)  # `总计3000亿元产业基金`
        s = i - len(body)
        if head == "基金" and (not body or _generic(body, _GENERIC_INDUSTRY) or not _INVESTMENT_WORD.search(body)):
            continue
        if _NOT_INVESTMENT.search(text[s:e]):  # social insurance and currency funds
            continue
        out.append(Mention(s, e, "FUND", text[s:e], "fund:head"))
    return out


def _persons(ctx: _Ctx) -> list[Mention]:
    text = ctx.text
    lex = ctx.lex
    out = []
    for i, title in _tries(ctx.lex)["titles"].finditer(text):
        if lex.titles.get(title) == "generic":
            continue
        p = i + len(title)
        cover = ctx.by_pos.get(p)
        if cover is not None and cover[0] < i + len(title) - 1 and cover[1] > p and cover[2] is not None:
            continue  # `常任理事|国`: the title ends inside a word (`安理会常任理事国`), no name follows
        name = _name_at(ctx, p)
        if title in _FOREIGN_TITLES:  # `乌拉圭总统奥尔西`: after a head of a foreign state, a short transliteration
            run = _foreign_name(text, p, min_len=2, any_first=False) or ""
            while len(run) > 2 and not ctx.is_token_boundary(p + len(run)):
                run = run[:-1]  # `奥尔西|特别`: the name ends where the next word starts
            name = run if len(run) >= 2 and (name is None or len(run) > len(name)) else name
        if name and cover is not None and cover[0] == p and cover[2] in ("i", "l") and cover[1] > p + len(name):
            continue  # `主席|高瞻远瞩`: an idiom after the title, not a name
        if name:
            name = _dotted_name(ctx, p, name)
            out.append(Mention(p, p + len(name), "PERSON", name, "person:title"))
    return out


def _dotted_name(ctx: _Ctx, p: int, name: str) -> str:
    """`艾尔肯·吐尼亚孜`: a name written in parts joined by `·` is one name."""
    text = ctx.text
    e = p + len(name)
    while e + 2 < len(text) and text[e] == "·" and _CJK.match(text[e + 1]):
        k = e + 1
        while k < len(text) and k - e <= 8 and _CJK.match(text[k]) and not (k > e + 2 and text[k:k + 2] in _NOT_NAME):
            k += 1  # up to the next word of the clause (`…吐尼亚孜|出席`)
        while k > e + 2 and not ctx.is_token_boundary(k):
            k -= 1  # the part ends where the next word starts
        e = k
    return text[p:e]


# Titles of foreign states' heads, after which names are transliterations (`总统卢拉`, `总统奥尔西`).
_FOREIGN_TITLES = frozenset({"总统", "副总统", "首相", "国王", "女王", "王储", "总督", "议长"})


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


# Characters of transliterated foreign names (`古特雷斯`, `穆罕默德`).
_TRANSLIT = set("阿埃艾安奥巴拜班邦贝本比彼宾波伯博布查达戴丹德迪蒂丁东杜顿多厄恩尔法范菲费芬弗福盖冈戈格根古哈海汉豪赫亨"
                "胡霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利莉林琳卢鲁伦罗洛马迈麦曼芒梅门米敏莫默姆穆纳内尼涅"
                "努诺欧帕潘佩皮普奇齐乔切萨塞桑瑟森沙尚舍什施斯苏索塔泰坦汤特提托图瓦万威韦维温沃乌西希谢辛休雅亚扬伊因尤"
                "约泽扎詹兹佐夫契娃娅娜朔济玛登耶芙茨蒙连龙罕南科申昂·")


def _foreign_name(text: str, p: int, min_len: int = 4, any_first: bool = True) -> str | None:
    """A transliterated name of ``min_len`` or more characters starting at ``p``
    (with ``any_first``, the first may be any character: `武切维奇`)."""
    e = p + 1 if any_first and p < len(text) and _CJK.match(text[p]) else p
    while e < len(text) and e - p < 12 and text[e] in _TRANSLIT:
        e += 1
    name = text[p:e].strip("·")
    return name if len(name) >= min_len else None


def _name_at(ctx: _Ctx, p: int) -> str | None:
    """A person's name starting at ``p`` (surname + one or two characters)."""
    text = ctx.text
    if p >= len(text) or not _CJK.match(text[p]) or text[p] in _FUNCTION_CHARS:
        return None
    sur = text[p:p + 2] if text[p:p + 2] in ctx.lex.surnames else text[p]
    if sur not in ctx.lex.surnames:
        return None
    foreign = _foreign_name(text, p)
    if foreign:  # `谢夫乔维奇`: a transliterated name is taken whole, before any length heuristic
        return foreign
    s = p + len(sur)
    options = []
    for given in (2, 1):
        e = s + given
        cand = text[p:e]
        if e > len(text) or not all(_CJK.match(c) for c in cand):
            continue
        if cand in _NOT_NAME or cand in ctx.lex.titles or _tries(ctx.lex)["titles"].longest_at(text, s):
            continue
        pos = ctx.words.get(cand)
        if pos is not None and not pos.startswith("nr"):  # an ordinary word (`关于`, `来到`), not a name
            continue
        head = ctx.words.get(text[p:p + 2])
        followed = e < len(text) and text[e] in "说在表介指告称强,、"
        if given == 2 and head is not None and not head.startswith("nr") and not followed:
            continue  # `关于党`, `高度重视`, `关心引领`: starts with an ordinary word
        options.append((given, e, cand))
    options = [o for o in options if not set(o[2][1:]) & set("的了着是和与及在等")]  # `卓越的` is no name
    if not options:
        return None
    two = [o for o in options if o[0] == 1]
    three = [o for o in options if o[0] == 2]
    # a typical follower right after three characters decides first (`赵豪志在`, where `志在` is a word)
    if three and three[0][1] < len(text) and text[three[0][1]] in "说在表介指告称强":
        return three[0][2]
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


_ITEM_COUNT_TAIL = re.compile(r"[0-9一二两三四五六七八九十]+大.*$|等.*$")


def _industry_item(ctx: _Ctx, a: int, b: int) -> tuple[int, int] | None:
    """Trim governing words off an industry item; None when nothing industry-like is left."""
    text = ctx.text
    tail = _INDUSTRY_FRAME_TAIL.search(text, a, b)
    if tail and tail.start() > a:
        b = tail.start()
    tail = _ITEM_TAIL.search(text, a, b) or _ITEM_COUNT_TAIL.search(text, a, b)
    if tail and tail.start() > a:
        b = tail.start()
    k = text.rfind("的", a, b)
    if k >= a:
        a = k + 1
    if text.startswith("以", a) and b - a > 3:
        a += 1
    item = text[a:b]
    if b - a < 2 or _generic(item, _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(item) or re.search(r"[0-9](?![0-9]*[A-Za-z])|至|个", item):
        return None
    if _is_place(ctx, item):
        return None
    if ctx.words.get(item) in ("v", "vd", "vn", "ad", "d") and not _known_industry(ctx, item):
        return None  # `升级`, `促进`: a verb, not an industry
    return a, b


def _known_industry(ctx: _Ctx, word: str) -> bool:
    """A lexicon industry, or a word that starts with one (`人工智能芯片`)."""
    return word in ctx.lex.industries or bool(_tries(ctx.lex)["industries"].longest_at(word, 0))


def _industry_shaped(word: str) -> bool:
    """Built like an industry name: a domain modifier before a noun (`智能家居`)
    or an industry head at the end (`…装备`, `…材料`). Decides only inside a
    list whose other items are known industries.

    >>> _industry_shaped("智能家居"), _industry_shaped("自动化生产线")
    (True, False)
    """
    return (word.startswith(_INDUSTRY_MODIFIER) and len(word) >= 4 and not word.endswith(_NOT_INDUSTRY_HEADS)) \
        or word.endswith(_INDUSTRY_HEADS)


def _company_lines(ctx: _Ctx, list_start: int) -> bool:
    """Is the list the business of a company named earlier in its sentence?
    (`北京某某科技集团股份有限公司成立于1993年,覆盖种业、…等领域`)"""
    text = ctx.text
    verb = _LINES_VERB.search(text, max(0, list_start - 8), list_start)
    if not verb:
        return False
    sentence = max(text.rfind(c, 0, verb.start()) for c in "。!?;\n") + 1
    subjects = [m for m in ctx.found if sentence <= m.start < verb.start() and m.type in ("COMPANY", "PARK", "ORG")]
    return bool(subjects) and subjects[0].type == "COMPANY"


def _list_of_industries(ctx: _Ctx, ss: int, se: int) -> bool:
    """Are at least half the items of the `、` list in the clause ``ss:se`` known industries?
    `在教育、医疗、商贸、环保等细分领域` is a list of fields: one known word in it (`商贸`)
    does not make it a list of industries."""
    pieces = ctx.text[ss:se].split("、")
    if len(pieces) < 2:
        return False
    industries = ctx.lex.industries
    trie = _tries(ctx.lex)["industries"]
    # the first piece may start with other words (`在教育`), the last go on (`环保等细分领域`)
    marks = [any(pieces[0][i:] in industries for i in range(len(pieces[0]) - 1)),
             *(p in industries for p in pieces[1:-1]),
             bool(pieces[-1]) and bool(trie.longest_at(pieces[-1], 0))]
    return 2 * sum(marks) >= len(pieces)


def _known_list_head(ctx: _Ctx, end: int) -> tuple[int, int] | None:
    """A known industry after `等` that closes a list ending at ``end`` and its clause."""
    text = ctx.text
    if not text.startswith("等", end):
        return None
    head = _tries(ctx.lex)["industries"].longest_at(text, end + 1) if end + 1 < len(text) else None
    if not head:
        return None
    b = end + 1 + len(head)
    return (end + 1, b) if b >= len(text) or text[b] in ",。;!?\n" else None


def _is_place(ctx: _Ctx, word: str) -> bool:
    """A division or a dictionary place name; the dictionary also tags sea and
    coast words as places (`海洋`/ns), which name industries (`海洋产业`)."""
    return word in ctx.lex.regions or (ctx.words.get(word) == "ns" and word not in _INDUSTRY_MODIFIER)


def _industries(ctx: _Ctx) -> list[Mention]:
    text = ctx.text
    out: list[Mention] = []
    # 1. lists governed by one suffix: `A、B和C等九大重点产业链`
    quoted = r"(?:\"[^\"“”]{1,8}\"|“[^”]{1,8}”)?"  # `“6+1”`, before or after the modifiers
    for m in re.finditer(r"(?:等|的)?" + quoted + r"(?:[0-9一二两三四五六七八九十]+大)?(?:重点|主导|优势|新兴|战略性新兴|千亿级|传统|未来|特色|支柱|现代)*"
                         + quoted + r"(?:海洋)?(?:产业集群|产业链条|产业链|产业领域|产业体系|产业)" + _NOT_AFTER_INDUSTRY, text):
        for s, e in _list_before(ctx, m.start()):
            span = _industry_item(ctx, s, e)
            if span:
                out.append(Mention(span[0], span[1], "INDUSTRY", text[span[0]:span[1]], "industry:list"))
    # 2. lists after a focus trigger: `聚焦A、B、C`
    for trig in _FOCUS_TRIGGERS:
        for m in re.finditer(re.escape(trig) + r"(?:[为是::]|的)?", text):
            items = _list_after(ctx, m.end())
            head = _known_list_head(ctx, items[-1][1]) if len(items) >= 2 else None
            if head:  # `大力发展芯片、面板、5G等数字经济`: an industry heads the list, its items are industries
                out.append(Mention(head[0], head[1], "INDUSTRY", text[head[0]:head[1]], "industry:focus"))
            for s, e in items:
                span = _industry_item(ctx, s, e)
                if not span:
                    continue
                s, e = span
                body = text[s:e]
                if head or body in ctx.lex.industries or body.endswith(_INDUSTRY_LIST_SUFFIX) \
                        or _tries(ctx.lex)["industries"].longest_at(body, 0):
                    out.append(Mention(s, e, "INDUSTRY", body, "industry:focus"))
    # 2b. `A、B、C为主的…产业链条体系`: the items of a list the phrase is made of
    for m in re.finditer(r"为(?:主|核心|重点|主导)的[\u4e00-\u9fff]{0,10}?(?:产业链条|产业链|产业体系|产业集群|产业)"
                         + _NOT_AFTER_INDUSTRY, text):  # not `…产业园区`: a park, not a list
        for s, e in _list_before(ctx, m.start()):
            span = _industry_item(ctx, s, e)
            if span:
                out.append(Mention(span[0], span[1], "INDUSTRY", text[span[0]:span[1]], "industry:list"))
    # 2c. `A、B、C等(行业)?(细分)?领域`: the known industries among the items
    for m in re.finditer(r"等(?:[0-9一二两三四五六七八九十]+个)?(?:重点|行业|细分|新兴|相关)*(?:领域|行业)", text):
        items = _list_before(ctx, m.start())
        if items and (_COMPANY_LINES.search(text, max(0, items[0][0] - 24), items[0][0]) or _company_lines(ctx, items[0][0])):
            continue  # `来访企业覆盖农业科技、新材料等领域`: the firms' own lines, not a region's industries
        if _APPLICATION.match(text, m.end()) or _NOT_DEVELOPED_AFTER.match(text, m.end()) \
                or (items and re.search(r"(?:应用|运用|用)[在于]$", text[max(0, items[0][0] - 4):items[0][0]])):
            continue  # `在医药、食品等领域的全面应用`, `…等领域合作`, `…等行业跨国企业`: uses, cooperation, firms' lines
        closed_focus = any(text.rfind(t, max(0, (items[0][0] if items else m.start()) - 8), items[0][0] if items else m.start()) >= 0
                           for t in _FOCUS_TRIGGERS) if items else False
        spans = [sp for s, e in items if (sp := _industry_item(ctx, s, e))]
        known = [len(text[a:b]) >= 3 and _known_industry(ctx, text[a:b]) for a, b in spans]
        mostly_known = 2 * sum(known) >= len(spans) > 0
        for (a, b), is_known in zip(spans, known):
            word = text[a:b]
            if closed_focus or is_known or (mostly_known and _industry_shaped(word)):
                out.append(Mention(a, b, "INDUSTRY", word, "industry:list"))
    # 3. known industries in a sentence about industries (`在海洋数字经济方面,蓝谷规划了…产业链`)
    trie = _tries(ctx.lex)["industries"]
    for clause in _CLAUSE.finditer(text):
        ss, se = clause.span()
        if not (_INDUSTRY_CUE.search(text, ss, se) or re.search(r"方面$|在[^、]{2,12}领域$", text[ss:se])):
            continue
        for i, term in trie.finditer(text[ss:se]):
            a, b = ss + i, ss + i + len(term)
            mod = next((w for w in _INDUSTRY_MODIFIER if text.startswith(w, a - len(w)) and a - len(w) >= ss), None)
            if mod:
                a -= len(mod)
                term = mod + term
            elif a > ss and _CJK.match(text[a - 1]) and text[a - 1] not in "、和及与等的在为以从向对" and not _boundary_ends_at(ctx, a):
                continue  # the end of a longer word (`功效食品`, `越疆机械人`)
            if not _industry_ends_free(ctx, a, b):
                continue  # inside a longer word (`人工智能科创机构`) or an ASCII token (`SAI`)
            in_list = (a > 0 and text[a - 1] in "、") or (b < len(text) and text[b] in "、")
            framed = text.startswith("以", a - 1) and text.startswith("为", b)  # `以超算为主要产业方向`
            if len(term) <= 2 and not framed and not text.startswith("产业", b) \
                    and not (in_list and _list_of_industries(ctx, ss, se)):
                continue  # short sector words (`体育`, `能源`) only in lists of industries, framed or before 产业
            if _generic(_INDUSTRY_SUFFIX_RE.sub("", term), _GENERIC_INDUSTRY):
                continue  # `战略性新兴产业`, `未来产业`: classes of industries, not one industry
            out.append(Mention(a, b, "INDUSTRY", term, "industry:lexicon"))
    # 4. single phrases with their own suffix: `海洋生物医药产业链`
    for m in re.finditer(r"(?:产业集群|产业链条|产业链|产业)" + _NOT_AFTER_INDUSTRY.replace("项目|发展|", "项目|"), text):
        s = _industry_start(ctx, m.start())
        if _TYPE_QUALIFIER.match(text, s, m.start() - 2):
            s += 3  # `融合型数字产业`, `服务型数字产业`: kinds of one sector are that sector
        e = m.end()
        # `冰雪旅游全产业链`: the whole chain of 冰雪旅游 (the canonical name drops 全产业链)
        body = text[s:m.start() - 1] if text.startswith("全", m.start() - 1) and m.start() - 1 > s else text[s:m.start()]
        bare = next((body[len(w):] for w in _INDUSTRY_MODIFIER if body.startswith(w) and len(body) > len(w)), body)
        if len(body) < 2 or _generic(body, _GENERIC_INDUSTRY) or _NOT_INDUSTRY_BODY.search(body) \
                or (bare != body and _generic(bare, _GENERIC_INDUSTRY)):  # `海洋新兴产业`: a class of the sea economy
            continue
        if _is_place(ctx, body) or _tries(ctx.lex)["regions"].longest_at(body, 0) == body:
            continue  # `青岛产业`, `碑林产业`: a place, not an industry
        if _LIST_HEAD_BEFORE.search(text, max(0, s - 12), s):
            continue  # `A、B等重点海洋产业链`: the head of a list names the class of its items
        if text.startswith("发展", m.end()) and not (_known_industry(ctx, body) or _known_industry(ctx, body + "产业")
                                                     or _industry_shaped(body)):
            continue  # `X产业发展` names an industry only when X is one (`加快区域产业发展` does not)
        if body.endswith(_NOT_INDUSTRY_HEADS):
            continue  # `应用场景全产业链`: a process or setting, not an industry
        out.append(Mention(s, e, "INDUSTRY", text[s:e], "industry:suffix"))
    return out


def _industry_ends_free(ctx: _Ctx, a: int, b: int) -> bool:
    """An industry word at ``a:b`` that is not the head of a longer noun
    (`影视中心`, `人工智能科创机构`) nor part of an ASCII token (`SAI`).

    Words that may follow an industry: suffixes, list glue, `领域`, `发展`, `相关`.
    """
    text = ctx.text
    if b < len(text) and _CJK.match(text[b]) and text[b] not in "产业等和及与、的为" \
            and not text.startswith(("领域", "方面", "技术", "发展", "生长", "相关", "行业", "赛道"), b):
        return False
    return not (a > 0 and text[a - 1].isascii() and text[a - 1].isalnum())


def _industry_start(ctx: _Ctx, s: int, max_len: int = 10, item: bool = False) -> int:
    """Start of an industry name ending at ``s``: back over words until a
    verb of development (`发展`, `聚焦`…), a boundary word or punctuation."""
    text = ctx.text
    if ctx.tokens is not None:
        j = _extend_left_tokens(ctx, s, max_len, _INDUSTRY_BOUNDARY_SET)
        last = ctx.by_end.get(s)
        if item and j == s and last is not None and text[last[0]:s] in _HEAD_VERBS:
            # `海洋高技术服务`: a verb of the boundary list that ends the item is its head noun
            j = _extend_left_tokens(ctx, last[0], max_len - (s - last[0]), _INDUSTRY_BOUNDARY_SET)
            if j == last[0]:  # nothing in front: a bare `服务` names no industry
                return s
    else:
        j = s
        while j > 0 and s - j < max_len:
            ch = text[j - 1]
            if (not _CJK.match(ch) and not ch.isalnum()) or ctx.taken[j - 1]:
                break
            if any(text.startswith(w, j - len(w)) for w in _INDUSTRY_BOUNDARY if j - len(w) >= 0) or _boundary_ends_at(ctx, j):
                break
            j -= 1
    # a development verb inside a word the segmenter made (`大力发展`, `做大做强`) ends the name too
    cut = max((k + len(w) for w in _DEVELOPMENT_VERBS if (k := text.rfind(w, j, s)) >= 0), default=j)
    j = cut if cut < s else j
    # prefer a known industry that ends here when the span is longer than it
    known = _longest_known_industry_ending(ctx, j, s)
    if known is not None:
        return known
    return _over_ji(ctx, j, s)


def _clean_left(ctx: _Ctx, end: int, start: int) -> bool:
    """Is ``start:end`` free of boundary words and development verbs (`支持交通物流` is not)?
    Parts of speech are not asked: the dictionary tags nouns of industry names as verbs (`显示`)."""
    text = ctx.text
    return not any(_boundary_ends_at(ctx, k) for k in range(start + 1, end + 1)) \
        and not any(w in text[start:end] for w in _INDUSTRY_BOUNDARY_SET)


def _over_ji(ctx: _Ctx, j: int, s: int, joiners: str = "及") -> int:
    """Move a name start ``j`` back over `A及` when `A` and the industry after
    `及` are both known industries: `及` joins them into one name
    (`生物医药及医疗器械`, `生物医药及医疗器械产业园`)."""
    text = ctx.text
    if j < 3 or text[j - 1] not in joiners or text[j - 2] == "以":
        return j
    trie = _tries(ctx.lex)["industries"]
    after = next((trie.longest_at(text, j + len(mod)) for mod in ("",) + _INDUSTRY_MODIFIER
                  if text.startswith(mod, j) and trie.longest_at(text, j + len(mod))), None)
    if not after or j + len(after) > s:
        return j
    for k in range(max(0, j - 9), j - 2):
        a = text[k:j - 1]
        core = next((a[len(mod):] for mod in _INDUSTRY_MODIFIER if a.startswith(mod)), a)
        if (a in ctx.lex.industries or core in ctx.lex.industries) and not any(ctx.taken[k:j - 1]):
            return k
    return j


def _longest_known_industry_ending(ctx: _Ctx, j: int, s: int) -> int | None:
    industries = ctx.lex.industries
    for k in range(j, s - 1):
        if ctx.text[k:s] in industries:
            return k if k > j else None
    return None


_CONJ = ("以及", "和", "及", "与")


def _list_before(ctx: _Ctx, end: int, max_item: int = 12) -> list[tuple[int, int]]:
    """Items of an enumeration ending at ``end`` (`A、B、C和D`), right to left.

    Items are separated by `、`; a conjunction separates only the last item
    (`高端化工及新材料` inside the list stays one item). The leftmost item is
    trimmed at a boundary word or verb (`梳理出新一代半导体` → `新一代半导体`).
    """
    text = ctx.text
    items: list[tuple[int, int]] = []
    e = end
    first = True
    while e > 0:
        s = e
        while s > 0 and e - s < 40 and text[s - 1] != "、" and (_CJK.match(text[s - 1]) or text[s - 1].isalnum()) and not ctx.taken[s - 1]:
            s -= 1
        segment = (s, e)
        if first:
            if "等" in text[s:e] or _ITEM_TAIL.search(text, s, e):
                return []  # `…等细分领域集聚了一批…产业`: the list is not governed by this suffix
            for conj in _CONJ:
                k = text.rfind(conj, s, e)
                if k > s:
                    items.append((k + len(conj), e))
                    segment = (s, k)
                    break
            first = False
        ss, se = segment
        if s == 0 or text[s - 1] != "、":  # leftmost item: trim at a boundary
            ss = _industry_start(ctx, se, max_item, item=True)
            if (s == 0 or text[s - 1] in ",。;:!?\n") and s + 2 <= ss - 1 <= s + 6 and text[ss - 1] in "与及" \
                    and _clean_left(ctx, ss - 1, s) and not _generic(text[s:ss - 1], _GENERIC_INDUSTRY):
                ss = s  # `,基因与细胞、类脑智能…`: a clause-initial item joined by 与/及 is one name
        k = text.find("和", ss, se)
        if segment == (s, e) and ss < k < se - 1 and k - ss >= 2:
            # `和` joins two items inside a list (`海洋高端装备和海洋文旅`); `及` usually
            # joins the parts of one name (`高端化工及新材料`) and is left alone
            items.append((k + 1, se))
            se = k
        if 2 <= se - ss <= max_item:
            items.append((ss, se))
        if s > 0 and text[s - 1] == "、" and ss == s:
            e = s - 1
            continue
        break
    trimmed = []
    for a, b in items:
        for trim in (_INDUSTRY_FRAME_TAIL, _ITEM_TAIL):
            tail = trim.search(text, a, b)
            if tail and tail.start() > a:
                b = tail.start()
        if text.startswith("以", a) and b - a > 3:
            a += 1
        trimmed.append((a, b))
    items = [(a, b) for a, b in trimmed if b - a >= 2 and not _generic(text[a:b], _GENERIC_INDUSTRY)
             and not _NOT_INDUSTRY_BODY.search(text[a:b]) and text[a:b] not in ctx.lex.regions]
    return sorted(items) if len(items) >= 2 else []


def _list_after(ctx: _Ctx, start: int) -> list[tuple[int, int]]:
    """Items of an enumeration starting at ``start``: `A、B、C等…` (left to right)."""
    text = ctx.text
    items = []
    s = start
    n = len(text)
    while s < n:
        e = s
        while e < n and e - s < 14 and (_CJK.match(text[e]) or text[e].isalnum()) and not text.startswith(("等", "以及", "和", "及"), e):
            e += 1
        if 2 <= e - s <= 14:
            items.append((s, e))
        if e < n and text[e] == "、":
            s = e + 1
            continue
        if text.startswith("及", e) and not text.startswith("以及", e - 1) and items and items[-1] == (s, e) \
                and text[s:e].removeprefix("以") in ctx.lex.industries and _tries(ctx.lex)["industries"].longest_at(text, e + 1):
            # `生物医药及医疗器械`: one name, as in lists before a suffix
            b = e + 1 + len(_tries(ctx.lex)["industries"].longest_at(text, e + 1) or "")
            if b >= n or not _CJK.match(text[b]) or text.startswith(("为", "等", "和", "产业"), b):
                items[-1] = (s, b)
                e = b
        if e < n and text[e] == "、":
            s = e + 1
            continue
        for conj in ("以及", "和", "及"):
            if text.startswith(conj, e):
                s = e + len(conj)
                break
        else:
            break
    return items


def _companies_by_context(ctx: _Ctx) -> list[Mention]:
    """Companies without a legal form: `链主企业鹏博士集团`, `A、B等龙头企业`, `入驻A、B等企业`."""
    text = ctx.text
    out = []
    for m in _COMPANY_LIST_HEAD.finditer(text):
        items = [(s, s + len(_SITE_TAIL.sub("", text[s:e]))) for s, e in _name_list_before(ctx, m.start(), brand_check=False, max_item=12)]
        if any(_known_industry(ctx, text[s:e]) for s, e in items):
            continue  # `雷达、传感器、核心电机等上下游企业`: firms named by what they make
        brands = [e - s >= 2 and _brand_like(ctx, s, e) for s, e in items]
        # beside a brand, an item the dictionary does not know as one word is a name too (`喜马拉雅万物声`);
        # a counted head (`等30余家文创机构`) says outright that the items are named firms
        counted = "家" in m.group()
        items = [(s, e) for (s, e), b in zip(items, brands)
                 if b or (any(brands) and _unknown_phrase(ctx, s, e, proper=not counted))]
        if len(items) >= 2:  # `阿里巴巴总部、VIVO全球AI总部、字节跳动等头部互联网企业`: the firms, not their sites
            out.extend(Mention(s, e, "COMPANY", text[s:e], "company:list") for s, e in items)
    # project lists name companies only when the items look like firms: `美锦氢能源、金能科技等259个在建项目`,
    # when known companies stand in the same list: `科大讯飞、优刻得、越疆机械人、商汤科技等重点新经济项目`,
    # or when the projects land somewhere: `秦淮硅巷落地华博精工、慧之友等重点项目`
    for m in re.finditer(r"等(?:[0-9一二三四五六七八九十百]+个)?(?:在建|重点|重大)?[\u4e00-\u9fff]{0,4}?项目", text):
        items = _name_list_before(ctx, m.start(), brand_check=False)
        if not items:
            continue
        known = sum(_known_company(ctx, text[s:e]) for s, e in items)
        firms = sum(text[s:e].endswith(_FIRM_WORDS) for s, e in items)
        landing = _LANDING.search(text, max(0, items[0][0] - 4), items[0][0]) is not None
        if firms == len(items) or 2 * known >= len(items) or (landing or firms) and all(
                _brand_like(ctx, s, e) or text[s:e].endswith(_FIRM_WORDS) or (landing and text[s:e] not in ctx.words
                                                                                and not _known_industry(ctx, text[s:e]))
                for s, e in items):
            out.extend(Mention(s, e, "COMPANY", text[s:e], "company:list") for s, e in items
                       if _known_company(ctx, text[s:e]) or text[s:e].endswith(_FIRM_WORDS) or _brand_like(ctx, s, e)
                       or (landing and text[s:e] not in ctx.words))
    return out


# The head of a list of firms: `等龙头企业`, `等20余家文创机构`, `等头部互联网企业`.
_COMPANY_LIST_HEAD = re.compile(r"等(?:[0-9]+余?家|[一二两三四五六七八九十百几多数]+家)?(?:(?![与和及在的将对向由以为从把被于等是进])[\u4e00-\u9fff]){0,10}?"
                                r"(?:龙头链主企业|链主企业|龙头企业|重点企业|骨干企业|领军企业|相关企业|企业|(?:文创|金融|投资|创投|中介)机构)")
# A firm's site after its name in a list (`阿里巴巴总部`, `VIVO全球AI总部`).
_SITE_TAIL = re.compile(r"(?:全球|中国|亚太|华北|华东|华南|华中|西北|西南|东北|北方|南方|区域)?[A-Za-z]*(?:总部|研发中心|生产基地|基地)$")
# Verbs by which projects arrive in a place.
_LANDING = re.compile(r"(?:落地|引进|引入|招引|签约|落户|入驻|集聚|聚集)$")


# The head of a list names the type of its items: `A、B、C等众创空间与孵化器` are
# parks (innovation carriers) even when one of them is called 中心.
_TYPED_LIST_HEAD = re.compile(
    r"等(?:[0-9一二两三四五六七八九十]+[家个所座大]|一批)?(?:国家级|省级|市级|新型|重点|专业|特色|高水平)*"
    r"(?P<park>众创空间|孵化器|加速器|创新载体|创新创业载体|双创载体|产业园区|产业园|园区|产业基地)?"
    r"(?P<org>(?(park)|(?:研发机构|科研机构|科研院所|研究机构|高校|高等院校|创新平台|研发平台|概念验证平台)))"
)


_PARK_ONLY_SUFFIXES = ("孵化器", "加速器", "众创空间", "产业园", "园区", "基地", "高新区", "开发区", "新区", "科技园")


def _typed_lists(ctx: _Ctx) -> list[Mention]:
    """Names in a list whose head says their type: `A、B、C等众创空间与孵化器` → PARK,
    `A、B等9家新型研发机构` → ORG. Each item must still look like a name (a
    name suffix of the lexicons ends it)."""
    text = ctx.text
    out = []
    suffixes = ctx.lex.park_suffixes + ctx.lex.org_suffixes + ctx.lex.company_suffixes + ("中心", "空间")
    for m in _TYPED_LIST_HEAD.finditer(text):
        etype = "PARK" if m.group("park") else "ORG" if m.group("org") else None
        if etype is None:
            continue
        # a counted head (`等六大概念验证平台`) types even a single item before it
        counted = bool(re.match(r"等[0-9一二两三四五六七八九十]+[家个所座大]", m.group()))
        items = _name_list_before(ctx, m.start(), brand_check=False, max_item=16, min_items=1 if counted else 2)
        if items:  # the leftmost item may hold a verb of building (`碑林区建设骨骼智能验证中心`)
            s0, e0 = items[0]
            cut = max((k + len(w) for w in _PARK_BOUNDARY if (k := text.rfind(w, s0, e0)) >= 0 and e0 - k - len(w) >= 4
                       and ctx.is_token_boundary(k)), default=s0)
            items[0] = (cut, e0)
        for s, e in items:
            name = text[s:e]
            if name.endswith(suffixes) and len(name) >= (4 if len(items) > 1 else 6):
                own = "PARK" if name.endswith(_PARK_ONLY_SUFFIXES) else etype  # `…孵化器` is a park whatever the head
                out.append(Mention(s, e, own, name, "list:typed"))
    return out


_FIRM_WORDS = ("科技", "能源", "集团", "股份", "电子", "智能", "生物", "医药", "精工", "控股", "实业", "新材", "汽车", "重工", "电气")


_LIST_GLUE = ("以及", "和", "及", "与", "、")


def _name_list_before(ctx: _Ctx, end: int, brand_check: bool = True, max_item: int = 10, min_items: int = 2) -> list[tuple[int, int]]:
    """Names in `A、B、C` before ``end``; places (`德国、意大利等企业`) are not names.

    Items between two `、` are taken whole: the segmenter often splits an
    unknown brand (`同方知网` → `同/方知/网`), the separators do not. Only the
    leftmost item is cut at a conjunction or boundary word (`以及同方知网`).
    """
    text = ctx.text
    items = []
    e = end
    while e > 0:
        s = e
        while s > 0 and e - s < max_item and _NAME_CHAR.match(text[s - 1]):
            s -= 1
        whole = s > 0 and text[s - 1] == "、"
        if not whole:  # the leftmost item: back only to a conjunction, boundary word or verb
            s = e
            while s > 0 and e - s < max_item and _NAME_CHAR.match(text[s - 1]) and not ctx.taken[s - 1] and not _boundary_ends_at(ctx, s) \
                    and not any(text.startswith(g, s - len(g)) for g in _LIST_GLUE[:4] if s - len(g) >= 0 and e - s >= 2):
                s -= 1
        if 2 <= e - s <= max_item:
            items.append((s, e))
        if whole:
            e = s - 1
            continue
        break
    if any(text[a:b] in ctx.lex.regions or ctx.words.get(text[a:b]) == "ns" for a, b in items):
        return []
    if brand_check:
        items = [(a, b) for a, b in items if _brand_like(ctx, a, b)]
    return sorted(items) if len(items) >= min_items else []


def _unknown_phrase(ctx: _Ctx, a: int, b: int, proper: bool = True) -> bool:
    """Several words that make no dictionary word or industry together (`喜马拉雅万物声`),
    with a proper or unknown word among them unless ``proper`` is False (`荔枝声音馆`)."""
    item = ctx.text[a:b]
    toks = ctx.tokens_in(a, b)
    return len(toks) >= 2 and item not in ctx.words and not _known_industry(ctx, item) and b - a >= 3 \
        and (not proper or any(pos in ("nr", "ns", "nz", "nt", "nrt") or pos is None for _, _, pos in toks))


def _known_company(ctx: _Ctx, name: str) -> bool:
    k = _known_index(ctx.lex)[1].get(name)
    return k is not None and k.type == "COMPANY"


def _brand_like(ctx: _Ctx, a: int, b: int) -> bool:
    """A list item that can be a company name: not an industry or a common
    phrase (`城市建设`, `超算应用`); it has letters, a proper noun or a word
    the dictionary does not know."""
    item = ctx.text[a:b]
    if item in ctx.lex.industries or _tries(ctx.lex)["industries"].longest_at(item, 0):
        return False
    if re.search(r"[A-Za-z]", item):
        return True
    if ctx.tokens is None:
        return ctx.words.get(item) is None
    toks = ctx.tokens_in(a, b)
    if len(toks) >= 2 and any(te - ts == 1 and pos in ("p", "c", "u", "r", "d") for ts, te, pos in toks):
        return True  # a function character split off an unknown name (`同/方知/网`): no ordinary phrase
    return any(pos in ("nz", "nt", "nr", "nrt") or (pos is None and te - ts >= 2) or (te - ts == 1 and pos is None)
               for ts, te, pos in toks) and not all(pos in ("n", "vn", "v") for _, _, pos in toks)


# ---------------------------------------------------------------- short forms


def _short_forms(ctx: _Ctx, mentions: Sequence[Mention]) -> list[Mention]:
    """Find later short forms of long names in the same text."""
    text = ctx.text
    regions = _tries(ctx.lex)["regions"]
    out = []
    wanted: dict[str, Mention] = {}
    for m in mentions:
        if m.type not in ("COMPANY", "PARK", "ORG"):
            continue
        for short in _short_candidates(m, regions, ctx.lex):
            if len(short) >= 2 and not _common_word(ctx, short):
                wanted.setdefault(short, m)
    for i, short in _Trie(wanted).finditer_all(text):  # one scan for all short forms
        m = wanted[short]
        out.append(Mention(i, i + len(short), m.type, short, "short", m.key or m.text))
    return out


# Parts of speech of ordinary words: a "short form" that is one (`海洋` left of
# `青岛海洋科技投资发展集团有限公司`) would tag every use of the word.
_COMMON_POS = frozenset({"n", "v", "vn", "a", "an", "ad", "d", "ns", "s", "f", "m", "q", "t", "b", "l", "i"})


def _common_word(ctx: _Ctx, short: str) -> bool:
    """True when ``short`` is an ordinary word, a place, an industry or a bare park/zone term.

    >>> from kg.kb.lexicons import Lexicons
    >>> ctx = _Ctx("", Lexicons.load(), None, [], {"海洋": "n"})
    >>> _common_word(ctx, "海洋"), _common_word(ctx, "高新区"), _common_word(ctx, "聚大洋")
    (True, True, False)
    """
    lex = ctx.lex
    if ctx.words.get(short) in _COMMON_POS or short in lex.regions or short in lex.industries:
        return True
    bare = re.sub(r"^(?:国家级|国家|省级|市级)", "", short)
    return bare in lex.park_suffixes or bare in _GENERIC_PARK_BODY or bare in ("产业园", "园区", "高新区", "开发区")


_LEGAL = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
_TRADE = ("科技", "信息技术", "技术", "信息", "生物科技", "生物", "电子", "藻业", "实业", "发展", "投资", "控股",
          "网络", "数据", "智能", "电子商务", "医药", "制药", "新材料", "能源", "环境", "装备")


def _short_candidates(m: Mention, regions: _Trie, lex: Lexicons) -> list[str]:
    name = m.text
    out = []
    if m.type == "COMPANY":
        core = name
        for suf in _LEGAL:
            if core.endswith(suf):
                core = core[: -len(suf)]
                break
        core = re.sub(r"\([^)]*\)", "", core)
        r = regions.longest_at(core, 0) if core else None
        if r and len(core) - len(r) >= 2:
            with_region = core
            core = core[len(r):]
            if with_region != name:
                out.append(with_region)
        changed = True
        while changed:
            changed = False
            for t in _TRADE:
                if core.endswith(t) and len(core) - len(t) >= 2:
                    core = core[: -len(t)]
                    changed = True
        if core != name and len(core) >= 2:
            out.append(core)
    elif m.type == "PARK":
        r = regions.longest_at(name, 0)
        if r and len(name) - len(r) >= 2:
            rest = name[len(r):]
            if rest not in _GENERIC_PARK_BODY and not _generic(rest[:-2] if len(rest) > 2 else rest, _GENERIC_PARK_BODY) or len(rest) == 2:
                out.append(rest)
            # `碑林产业带` for `碑林环大学创新产业带`: the region with the kind of carrier
            kind = max((x for x in lex.park_suffixes if len(x) >= 3 and rest.endswith(x)), key=len, default="")
            if kind and len(rest) - len(kind) >= 2:
                out.append(r + kind)
    return out


# ---------------------------------------------------------------- resolution


_RULE_RANK = {"known": 0, "suffix:company": 1, "suffix:org": 1, "suffix:park": 1, "park:valley": 2, "fund:head": 1,
              "person:title": 1, "person:title-after": 2, "industry:suffix": 2, "industry:list": 2, "industry:focus": 3, "industry:lexicon": 3, "org:committee": 1, "park:sub-area": 0, "company:list": 3, "list:typed": 0,
              "short": 4, "repeat": 5}


def _resolve(cands: Iterable[Mention]) -> list[Mention]:
    """Longest first, then by rule reliability; no overlaps."""
    chosen: list[Mention] = []
    taken: set[int] = set()
    for m in sorted(cands, key=lambda m: (-(m.end - m.start), _RULE_RANK.get(m.rule, 9), m.start)):
        if m.end <= m.start or any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def find_mentions(
    text: str, lex: Lexicons, tokens: Sequence[Token] | None = None, words: Mapping[str, str] | None = None
) -> list[Mention]:
    """All entity mentions in ``text`` (normalized), sorted by position.

    ``tokens`` are the segmenter's words with dictionary parts of speech;
    without them the rules work on characters. ``words`` is a dictionary of
    common words (word → part of speech) that keeps ordinary words out of
    person names.
    """
    ctx = _Ctx(text, lex, list(tokens) if tokens is not None else None, [False] * len(text), words or {})

    for m in re.finditer(r"《[^》\n]{1,60}》", text):  # names inside document titles are not mentions
        for i in range(m.start(), m.end()):
            ctx.taken[i] = True

    def accept(found: list[Mention]) -> list[Mention]:
        chosen = _resolve(m for m in found if not any(ctx.taken[i] for i in range(m.start, m.end)))
        for m in chosen:
            for i in range(m.start, m.end):
                ctx.taken[i] = True
        ctx.found.extend(chosen)
        return chosen

    # pass 1: names the lexicons know; pass 2: grammars for names and people;
    # pass 3: industries, list members, short forms and repeats, around them
    known_found = _known(ctx)
    # an office, institute or company may carry a known name at its start
    # (`青岛蓝谷管理局`, `中科院生物能源研究所`, `海尔集团`): those grammars see known names as free text
    ctx_sub = _Ctx(text, lex, ctx.tokens, list(ctx.taken), ctx.words)
    sub_named = (_suffix_names(ctx_sub, "company", "COMPANY", 24, _GENERIC_COMPANY_BODY, 2)
                 + _suffix_names(ctx_sub, "org", "ORG", 22, _GENERIC_ORG_BODY, 1)
                 + _typed_lists(ctx_sub))
    # a park may carry a company's name (`中电光谷工业园` is one PARK), not another park's,
    # except a sub-area named after it, which is that park (`蓝色硅谷核心区`)
    known_at: dict[int, list[Mention]] = {}
    for k in known_found:
        known_at.setdefault(k.start, []).append(k)
    sub_parks = [m for m in _parks(ctx_sub) if any(k.end < m.end and k.type == "COMPANY" for k in known_at.get(m.start, ()))]
    for k in known_found:
        if k.type == "PARK" and text.startswith(_SUB_AREA, k.end):
            tail = next(a for a in _SUB_AREA if text.startswith(a, k.end))
            sub_parks.append(Mention(k.start, k.end + len(tail), "PARK", text[k.start:k.end + len(tail)], "park:sub-area", k.key))
    known = accept(known_found + sub_parks + [m for m in sub_named if any(k.end < m.end for k in known_at.get(m.start, ()))])
    named = accept(
        _suffix_names(ctx, "company", "COMPANY", 24, _GENERIC_COMPANY_BODY, 2)
        + _suffix_names(ctx, "org", "ORG", 22, _GENERIC_ORG_BODY, 1)
        + _parks(ctx)
        + _funds(ctx)
        + _persons(ctx)
        + _persons_title_after(ctx)
        + _party_committees(ctx)
        + _typed_lists(ctx)
    )
    first = known + named
    later = accept(_industries(ctx) + _companies_by_context(ctx) + _short_forms(ctx, first))
    # a name established in the text is a mention wherever it occurs again (`徐一冰说`, `人工智能`)
    found = first + later
    repeats = []
    by_text = {m.text: m for m in found if len(m.text) >= 2}
    for i, form in _Trie(by_text).finditer_all(text):  # one scan for all established names
        m, e = by_text[form], i + len(form)
        if m.type == "INDUSTRY" and e - i <= 2 and not _industry_ends_free(ctx, i, e):
            continue  # `影视` again in `影视中心`: a modifier there, not the industry
        if not any(ctx.taken[i:e]) and _whole_word(ctx, i, e):
            repeats.append(Mention(i, e, m.type, m.text, "repeat", m.key))
    return sorted(found + accept(repeats), key=lambda m: m.start)


def _whole_word(ctx: _Ctx, a: int, b: int) -> bool:
    """A repeat must not cut an ASCII word (`AI` in `SAI`) or, with words, start or end inside one."""
    text = ctx.text
    if text[a:b].isascii() and ((a > 0 and text[a - 1].isalnum() and text[a - 1].isascii()) or (b < len(text) and text[b].isalnum() and text[b].isascii())):
        return False
    if ctx.starts is not None and len(text[a:b]) <= 3:
        return ctx.is_token_boundary(a) or ctx.is_token_boundary(b)
    return True
