"""Amount normalization table: 万/亿/万亿, Arabic and Chinese numerals, decimals, 余/近/超, ranges, Traditional."""

from decimal import Decimal

import pytest

from kg.extract.amounts import parse_amount

CASES = [
    ("96亿元", "9600000000", "", None),
    ("总规模20亿元的引导基金", "2000000000", "", None),
    ("1亿元的成果转化基金", "100000000", "", None),
    ("1.5万亿元", "1500000000000", "", None),
    ("3.5万亿元", "3500000000000", "", None),
    ("3000億元", "300000000000", "", None),
    ("5000萬元", "50000000", "", None),
    ("九十六亿元", "9600000000", "", None),
    ("三千五百万元", "35000000", "", None),
    ("一点五亿元", "150000000", "", None),
    ("12亿元", "1200000000", "", None),
    ("1,200万元", "12000000", "", None),
    ("30亿元人民币", "3000000000", "", None),
    ("50余亿元", "5000000000", "more", None),
    ("1100多亿元", "110000000000", "more", None),
    ("近5亿元", "500000000", "nearly", None),
    ("超3000万元", "30000000", "over", None),
    ("逾百亿元", "10000000000", "over", None),
    ("约8亿元", "800000000", "about", None),
    ("10至20亿元", "1000000000", "", "2000000000"),
    ("10-20亿元", "1000000000", "", "2000000000"),
    ("两千万元", "20000000", "", None),
    ("500万美元", "5000000", "", None),
]


@pytest.mark.parametrize(("text", "yuan", "qualifier", "upper"), CASES, ids=[c[0] for c in CASES])
def test_amounts(text, yuan, qualifier, upper):
    a = parse_amount(text)
    assert a is not None
    assert a.yuan == Decimal(yuan)
    assert a.qualifier == qualifier
    assert a.upper == (Decimal(upper) if upper else None)


def test_currency_and_no_amount():
    assert parse_amount("500万美元").currency == "USD"
    assert parse_amount("连接重点企业350余家、院所100余家") is None
    assert parse_amount("年产800亿粒") is None
