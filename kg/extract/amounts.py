"""Money amounts in Chinese news, normalized to yuan.

``parse_amount`` reads the number and the unit itself (cn2an handles plain
numerals but not `3.5万亿`, `数十亿` or `30亿元人民币`): Arabic or Chinese
numerals, decimals, the units 万/亿/万亿 (Traditional 萬/億 too), currency
words, and qualifiers kept as a flag: 近 (nearly), 超/逾/超过 (over),
余/多 (more than), 约 (about). A range (`10-20亿元`, `10至20亿元`) gives its
lower bound and keeps the upper one.

>>> parse_amount("96亿元").yuan
Decimal('9600000000')
>>> parse_amount("1.5万亿").yuan
Decimal('1500000000000')
>>> a = parse_amount("总投资超3000億元")
>>> a.yuan, a.qualifier, a.text
(Decimal('300000000000'), 'over', '超3000億元')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.kb import rules

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Units, qualifiers and currencies are data (kg/data/rules); dicts keep the file order, which is the
# order the alternations below try them in (longest first).
_BIG_UNITS = {unit: 10 ** int(power) for unit, power in rules.table("amount_units")}
_QUALIFIERS = {row[0]: row[1] if len(row) > 1 else "" for row in rules.table("amount_qualifiers")}
_CURRENCIES = dict(rules.table("currencies"))
_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?|[零〇一二两兩三四五六七八九十拾百佰千仟]+(?:点[零〇一二三四五六七八九]+)?"
_UNIT, _QUAL, _CUR = ("|".join(map(re.escape, words)) for words in (_BIG_UNITS, _QUALIFIERS, _CURRENCIES))
_AMOUNT = re.compile(
    rf"(?P<qual>{_QUAL})?(?P<num>{_NUM})(?:\s*(?:-|~|—|至|到)\s*(?P<num2>{_NUM}))?(?P<more1>余|多)?\s*(?P<unit>{_UNIT})?(?P<more>余|多)?"
    rf"\s*(?P<cur>{_CUR})?"
)


@dataclass(frozen=True)
class Amount:
    """A parsed amount; ``yuan`` is in units of the currency (yuan for CNY)."""

    text: str
    yuan: Decimal
    currency: str = "CNY"
    qualifier: str = ""  # nearly | over | more | about | ""
    upper: Decimal | None = None


def chinese_numeral(s: str) -> Decimal:
    """`三千五百` → 3500, `十二` → 12, `一点五` → 1.5.

    >>> chinese_numeral("三千五百"), chinese_numeral("十二"), chinese_numeral("一点五")
    (Decimal('3500'), Decimal('12'), Decimal('1.5'))
    """
    if "点" in s:
        whole, frac = s.split("点", 1)
        return chinese_numeral(whole or "零") + Decimal("0." + "".join(str(_DIGITS[c]) for c in frac))
    total, current = 0, 0
    for ch in s:
        if ch in _DIGITS:
            current = current * 10 + _DIGITS[ch] if current and s.isdigit() else _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            total += (current or 1) * _SMALL_UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return Decimal(total + current)


def _number(s: str) -> Decimal:
    if s[0].isdigit():
        return Decimal(s.replace(",", ""))
    return chinese_numeral(s)


def _counted(text: str, end: int) -> bool:
    """`800亿粒`, `3亿人`: a big number of things, not money."""
    return end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in "的规投资元"


def parse_amount(text: str) -> Amount | None:
    """The first money amount in ``text``, or None.

    >>> parse_amount("投资项目21个") is None
    True
    >>> parse_amount("近五千万元").yuan, parse_amount("10至20亿元").upper
    (Decimal('50000000'), Decimal('2000000000'))
    """
    m = next((m for m in _AMOUNT.finditer(text) if m["cur"] or m["unit"] and not _counted(text, m.end())), None)
    if not m:
        return None
    scale = Decimal(_BIG_UNITS.get(m["unit"] or "", 1))
    value = _number(m["num"]) * scale
    upper = _number(m["num2"]) * scale if m["num2"] else None
    qualifier = _QUALIFIERS.get(m["qual"] or "", "")
    if m["more"] or m["more1"]:
        qualifier = "more"
    norm = lambda d: d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()  # noqa: E731
    currency = _CURRENCIES[m["cur"]] if m["cur"] else "CNY"
    return Amount(m.group().strip(), norm(value), currency, qualifier, norm(upper) if upper is not None else None)
