"""Cleaning: find the article body in a scraped text and read its metadata.

Scraped news carries much that is not article: SEO spam lines, navigation,
metadata lines (``来源:``, ``原标题:``, dates, bylines), anti-scraping garbage
(``9 P8 {' k3 X- R: e``) on lines of its own or glued to real lines, photo
credits, hotline and copyright footers, related-news lists. The cleaner
classifies every line, keeps the body as raw-offset segments and records
each removal with its reason, so nothing is silently lost.

All rules run on :func:`~kg.text.normalize.script_view` of the raw text
(Simplified, half-width, same offsets), so one rule covers Traditional and
Simplified pages. Word lists live in ``kg/data/noise.tsv``; the structural
patterns (garbage runs, date lines, bylines) are below.

>>> from kg.text.ingest import Document
>>> raw = ("来源:青岛新闻网\\n2024-10-21 09:59:10\\n原标题:青岛蓝谷加快建设\\n"
...        "青岛蓝谷管理局副局长徐一冰表示,蓝谷将聚焦海洋产业。9 w1 B8 g, U& r& @\\n"
...        "作者|耿耿\\n想爆料?请拨打新闻热线。\\n")
>>> c = clean(Document("d", raw, "d.txt"))
>>> c.body_text()
'青岛蓝谷管理局副局长徐一冰表示,蓝谷将聚焦海洋产业。'
>>> c.meta.source, c.meta.date, c.meta.title, c.meta.author
('青岛新闻网', '2024-10-21T09:59:10', '青岛蓝谷加快建设', '耿耿')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.text.ingest import Document
from kg.text.normalize import script_view

# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Removal:
    """A raw span that is not article body, and why."""

    start: int
    end: int
    reason: str  # garbage | markup | spam | navigation | metadata | byline | credit | footer | related | header


@dataclass(frozen=True)
class Meta:
    """Article metadata. ``date`` is ISO 8601 (``2024-10-21`` or ``2024-10-21T09:59:10``)."""

    title: str = ""
    source: str = ""
    date: str = ""
    author: str = ""


@dataclass(frozen=True)
class CleanedDocument:
    """The body of a document as raw-offset segments, plus metadata and removals."""

    doc: Document
    segments: tuple[tuple[int, int], ...]
    separator_before: tuple[bool, ...]
    removed: tuple[Removal, ...]
    meta: Meta
    view: str = field(repr=False)

    def body_text(self) -> str:
        """The body as raw text, one line per body line."""
        raw = self.doc.raw_text
        out: list[str] = []
        for (s, e), sep in zip(self.segments, self.separator_before):
            if out and sep:
                out.append("\n")
            out.append(raw[s:e])
        return "".join(out)

    @property
    def n_body_chars(self) -> int:
        return sum(e - s for s, e in self.segments)


# ---------------------------------------------------------------- word lists


@dataclass(frozen=True)
class NoiseLexicon:
    """Word lists of ``kg/data/noise.tsv`` by kind."""

    spam: frozenset[str]  # strong terms: a clause with one is spam
    spam_weak: frozenset[str]  # count only towards a spam line (>= 2 terms)
    nav: frozenset[str]
    nav_prefix: tuple[str, ...]
    end: tuple[str, ...]
    footer: tuple[str, ...]
    related: tuple[str, ...]
    credit: tuple[str, ...]
    spam_phrase: tuple[str, ...] = ()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> NoiseLexicon:
        kinds: dict[str, list[str]] = {}
        with resources.as_file(resources.files("kg") / "data" / "noise.tsv") as p, open(p, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                kinds.setdefault(row["kind"], []).append(row["term"].lower())
        return cls(
            spam=frozenset(kinds.get("spam", [])),
            spam_weak=frozenset(kinds.get("spam_weak", [])),
            nav=frozenset(kinds.get("nav", [])),
            nav_prefix=tuple(kinds.get("nav_prefix", [])),
            end=tuple(kinds.get("end", [])),
            footer=tuple(kinds.get("footer", [])),
            related=tuple(kinds.get("related", [])),
            credit=tuple(kinds.get("credit", [])),
            spam_phrase=tuple(kinds.get("spam_phrase", [])),
        )


# ---------------------------------------------------------------- patterns

_CJK = r"\u4e00-\u9fff"
# Anti-scraping garbage: runs of >= 4 short printable-ASCII tokens separated
# by spaces (`9 P8 {' k3 X- R: e`). Real text has such runs only as plain
# words or numbers (`AI + 5G + VR`), so a run also needs tokens that mix a
# letter/digit with a symbol (see _is_garbage_run).
_GARBAGE_RUN = re.compile(r"(?<![!-~])[!-~]{1,3}(?:[ \t]+[!-~]{1,3}){3,}(?![!-~])")
_MIXED_TOKEN = re.compile(r"^(?:[A-Za-z0-9][^A-Za-z0-9]|[^A-Za-z0-9][A-Za-z0-9])$")
_SYMBOLIC = re.compile(r"[^A-Za-z0-9]")

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_DATE_LINE = re.compile(
    r"^\s*(?:《(?P<paper>[^》]{1,20})》)?\s*(?:发布时间|发布日期|时间|日期|更新时间)?\s*[:]?\s*"
    + _DATE.pattern
    + r"\s*(?:星期.|周.)?\s*(?:第?[0-9一二三四五六七八九十]+版|头版|[A-Z]\d{1,2}版)?\s*$"
)
_FIELD = re.compile(r"^\s*(?P<key>来源|稿源|出处|原标题|原题|作者|记者|责任编辑|责编|编辑|排版|校对|审核|审校|统筹|监制|美编|通讯员)\s*[:|｜/]\s*(?P<val>.*?)\s*$")
_BYLINE = re.compile(
    rf"^\s*[(\[【]?\s*(?:本报)?(?P<key>记者|见习记者|特约记者|通讯员|实习生|作者|撰文|文|图|图文|摄影|摄)\s*[:|｜/]?\s*"
    rf"(?P<val>[{_CJK}·]( ?[{_CJK}·]){{1,3}}(?:\s*[、,]?\s+(?:通讯员|记者)?\s*[{_CJK}·]( ?[{_CJK}·]){{1,3}})*)\s*[)\]】]?\s*$"
)
# Photo credit at the end of a caption line: `张凯 摄`, `记者 王凯 摄影`, `受访者提供`.
_CREDIT_TAIL = re.compile(rf"(?:(?<=[。.!?\s])|^)\s*(?:(?:记者|通讯员)?\s*[{_CJK}]{{2,4}}(?:\s*[、,]\s*[{_CJK}]{{2,4}})*\s*(?:摄|摄影)|(?P<word>[{_CJK}]{{3,6}}))\s*$")
# Lead-in byline of the first paragraph: `本报讯(记者 王凯)`, `(通讯员 张三)`.
_LEAD_BYLINE = re.compile(rf"^\s*(?:[{_CJK}]{{0,8}}讯\s*)?[(\[【](?:记者|通讯员|见习记者|本报记者)[^)\]】\n]{{1,40}}[)\]】]\s*")
# Closing byline of a paragraph: `(青岛日报/观海新闻记者 耿婷婷)`, `(记者 王凯 通讯员 李四)`.
_TAIL_BYLINE = re.compile(r"[(\[【](?:[^()\[\]【】\n]{0,20}?)(?:记者|通讯员|见习记者|撰稿)[^()\[\]【】\n]{1,40}[)\]】]\s*$")
_SITE_DATE = re.compile(r"^\S{2,20}\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# A listed headline with its date or comment count (`- 某某集团投资组建智库 2012/02/17`, `- 标题 评论6451条`):
# one related item on its own line, headline included.
_LISTED_HEADLINE = re.compile(r"^[-•·*]\s*\S.{3,80}?\s+(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|评论\d+条)\s*$")
_SENTENCE_END = re.compile(r"[。!?;…]")
# A byline value: empty or a few names (`王 凯`, `李四、张三`, `新华社记者 王凯`), no sentence.
_NAME_LIKE = re.compile(r"^[^。!?;,:…“”\"]{0,24}$")
_CLAUSE_DELIMS = frozenset("。!?;,、 \t")


# Markup inside a line of a Markdown or HTML-ish text: a tag (`<img src="…">`, `</figure>`), a Markdown
# link's target (`[文字](https://…)`: the text stays), a bare address. None of it is article text.
_MARKUP = re.compile(r"<[A-Za-z/!][^<>\n]{0,1000}>|(?<=\])\([^()\s]{1,2000}\)|(?:https?|ftp)://[!-~]+?(?=[\s<>()\[\]\"']|[^!-~]|$)")
# YAML front matter (`---` … `---` at the top of a Markdown file): `key: value` and `- item` lines.
_FRONT_MATTER_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w-]*\s*:.*|-\s.*|)$")
_FRONT_MATTER_FIELDS = {"title": "title", "date": "date", "author": "author", "source": "source"}

# A heading, a colon and one Markdown link, nothing after: `相关新闻: [标题](https://…)`.
_ONE_LINK_LINE = re.compile(r"^[^\[\]()]{1,12}[:：]\s*\[[^\]]+\](?:\([^()]+\))?\s*$")  # (the target may be cut as markup)
# The heading inside the link's text: `[相关新闻:标题](https://…)`.
_LINKED_HEADING_LINE = re.compile(r"^\[[^\[\]()]{1,12}[:：][^\[\]]+\](?:\([^()]+\))?\s*$")
# A line that is one Markdown link and nothing else: `[标题](https://…)`.
_LINK_ONLY_LINE = re.compile(r"^\s*\[[^\[\]]+\](?:\([^()]+\))?\s*$")
# Line kinds removed under another name in :class:`Removal` (the reasons it documents).
_REMOVAL_REASON = {"end": "footer", "related-link": "related"}


def _iso_date(m: re.Match[str]) -> str:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return ""
    iso = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"] is not None:
        iso += f"T{int(m['H']):02d}:{m['M']}:{m['S'] or '00'}"
    return iso


def _is_garbage_run(run: str) -> bool:
    tokens = run.split()
    mixed = sum(1 for t in tokens if _MIXED_TOKEN.match(t))
    symbolic = sum(1 for t in tokens if _SYMBOLIC.search(t))
    return mixed >= 2 or (len(tokens) >= 6 and symbolic >= 3)


def garbage_runs(line: str) -> list[tuple[int, int]]:
    """Spans of anti-scraping garbage in ``line``.

    >>> line = "促创新,构建海洋科技数字底座9 w1 B8 g, U& r& @"
    >>> [line[s:e] for s, e in garbage_runs(line)]
    ['9 w1 B8 g, U& r& @']
    >>> garbage_runs("以AI + 5G + VR为代表")
    []
    """
    return [m.span() for m in _GARBAGE_RUN.finditer(line) if _is_garbage_run(m.group())]


def markup_runs(line: str) -> list[tuple[int, int]]:
    """Spans of markup in ``line``: tags, Markdown link targets, bare addresses.

    >>> line = '<figure><img src="https://a.b/c.jpg"></figure>见[网站](https://a.b/x)。'
    >>> [line[s:e] for s, e in markup_runs(line)]
    ['<figure>', '<img src="https://a.b/c.jpg">', '</figure>', '(https://a.b/x)']
    """
    return [m.span() for m in _MARKUP.finditer(line)]


def _cuts(line: str) -> list[tuple[int, int, str]]:
    """Garbage and markup spans of ``line``, sorted, overlaps merged (the earlier reason kept)."""
    spans = sorted([(s, e, "garbage") for s, e in garbage_runs(line)] + [(s, e, "markup") for s, e in markup_runs(line)])
    out: list[tuple[int, int, str]] = []
    for s, e, why in spans:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]), out[-1][2])
        else:
            out.append((s, e, why))
    return out


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        e = end - 1 if end > pos and text[end - 1] == "\r" else end
        yield pos, e
        if nl < 0:
            break
        pos = nl + 1


def _strip(view: str, s: int, e: int) -> tuple[int, int]:
    while s < e and view[s].isspace():
        s += 1
    while e > s and view[e - 1].isspace():
        e -= 1
    return s, e


# ---------------------------------------------------------------- line classes


@dataclass
class _Line:
    start: int
    end: int
    pieces: list[tuple[int, int]]  # kept text after garbage runs and markup are cut out
    text: str  # script view of the kept pieces, joined
    raw: str  # the same characters in the raw text (same length as ``text``)
    had_garbage: bool = False
    cut_reasons: dict[int, str] = field(default_factory=dict)  # start of each cut -> garbage | markup
    kind: str = "body"  # body | blank | removal reason
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def is_paragraph(self) -> bool:
        return self.kind == "body" and (len(self.text) >= 50 or bool(_SENTENCE_END.search(self.text)))


class Cleaner:
    """Line classifier; see the module docstring. Stateless after construction."""

    def __init__(self, noise: NoiseLexicon | None = None) -> None:
        self.noise = noise or NoiseLexicon.default()
        spam = sorted(self.noise.spam | self.noise.spam_weak, key=len, reverse=True)
        self._spam_re = re.compile("|".join(map(re.escape, spam)), re.I) if spam else None
        strong = sorted(self.noise.spam, key=len, reverse=True)
        self._strong_spam_re = re.compile("|".join(map(re.escape, strong)), re.I) if strong else None
        # Spam brands spliced into sentences in place of a word (`产教凯时优质运营商、…`):
        # the brand with its usual tail, cut out exactly.
        brands = "|".join(map(re.escape, sorted(self.noise.spam_phrase, key=len, reverse=True))) or r"(?!)"
        self._spam_phrase_re = re.compile(
            rf"(?:{brands})(?:优质运营商|娱乐|官网|官方网站|平台|体育|国际|app|APP|首页|登录|注册)*"
            rf"|[{_CJK}]{{2}}(?:优质运营商|娱乐官网|官网登录|娱乐平台注册)"
        )

    # -- single lines

    def spam_terms(self, text: str) -> set[str]:
        return {m.group().lower() for m in self._spam_re.finditer(text)} if self._spam_re else set()

    def _is_spam_line(self, text: str) -> bool:
        """Two spam terms in a short line, or spam covering much of a long one."""
        if self._spam_re is None:
            return False
        hits = list(self._spam_re.finditer(text))
        if len({m.group().lower() for m in hits}) < 2:
            return False
        return len(text) <= 60 or sum(m.end() - m.start() for m in hits) >= 0.3 * len(text)

    def _is_nav(self, text: str) -> bool:
        low = text.lower()
        if any(low.startswith(p) for p in self.noise.nav_prefix) and len(text) <= 80:
            return True
        words = [w for w in re.split(r"[\s|/>»·]+", low) if w]
        return bool(words) and len(text) <= 24 and all(w in self.noise.nav for w in words)

    def _is_end_marker(self, text: str) -> bool:
        low = text.lower().lstrip("【[(#* ")
        return any(low.startswith(t) for t in self.noise.end) or (
            len(text) <= 40 and any(t in low for t in self.noise.end)
        )

    def _is_footer(self, text: str) -> bool:
        low = text.lower()
        if len(text) > 100 or _SENTENCE_END.search(text):
            return False
        return any(t in low for t in self.noise.footer) or low.startswith("©")

    def _is_related(self, text: str) -> bool:
        low = text.lower().rstrip()
        return any(low.endswith(t) for t in self.noise.related) or bool(_SITE_DATE.match(text) or _LISTED_HEADLINE.match(text))

    def _metadata(self, text: str, raw: str) -> dict[str, str] | None:
        """Fields of a metadata line (source, title, date, author, role credits), else None.

        Rules match the script view ``text``; values are taken, as written,
        from the same positions of the ``raw`` line.
        """
        if len(text) > 120:
            return None
        m = _FIELD.match(text)
        if m and m["key"] not in ("来源", "稿源", "出处", "原标题", "原题") and not _NAME_LIKE.match(m["val"]):
            m = None  # `记者：这两天…进展吗?` is an interview line, not a byline
        if m:
            key, val = m["key"], raw[m.start("val"):m.end("val")]
            if key in ("来源", "稿源", "出处"):
                return {"source": val}
            if key in ("原标题", "原题"):
                return {"title": val}
            if key in ("作者", "记者", "通讯员"):
                return {"author": re.sub(r"(?<=\S) (?=\S)", "", val) if len(val) <= 5 else val}
            return {"credit": val}
        m = _DATE_LINE.match(text)
        if m:
            out = {"date": _iso_date(m)}
            if m["paper"]:
                out["source"] = raw[m.start("paper"):m.end("paper")]
            return out
        m = _BYLINE.match(text)
        if m:
            val = raw[m.start("val"):m.end("val")].strip()
            if m["key"] in ("图", "摄影", "摄"):
                return {"credit": val}
            return {"author": re.sub(r"(?<=\S) (?=\S)", "", val) if " " in val and len(val) <= 5 else val}
        return None

    def _classify(self, line: _Line) -> None:
        text = line.text
        if not text.strip():
            reasons = set(line.cut_reasons.values())
            line.kind = "blank" if not reasons else "markup" if reasons == {"markup"} else "garbage"
            return
        if line.had_garbage and not re.search(rf"[{_CJK}]", text) and len(text.strip()) <= 3:
            line.kind = "garbage"
            return
        if self._is_spam_line(text):
            line.kind = "spam"
            return
        if self._is_nav(text):
            line.kind = "navigation"
            return
        fields = self._metadata(text, line.raw)
        if fields is not None:
            line.kind = "metadata" if "credit" not in fields else "byline"
            line.fields = fields
            return
        if self._is_end_marker(text):
            # `相关新闻: [标题](链接)` between paragraphs links one story and the article goes on; only a
            # heading on its own (the list follows) closes the article
            one_link = _ONE_LINK_LINE.match(text) or _LINKED_HEADING_LINE.match(text)
            line.kind = "related-link" if one_link else "end"
            return
        if self._is_footer(text):
            line.kind = "footer"
            return
        if self._is_related(text):
            line.kind = "related"

    # -- whole documents

    def _split_lines(self, view: str, raw: str) -> list[_Line]:
        lines = []
        for s, e in _lines(view):
            pieces, pos, reasons = [], s, {}
            for gs, ge, why in _cuts(view[s:e]):
                pieces.append((pos, s + gs))
                reasons[s + gs] = why
                pos = s + ge
            pieces.append((pos, e))
            had_garbage = "garbage" in reasons.values()
            pieces = [p for p in (_strip(view, a, b) for a, b in pieces) if p[1] > p[0]]
            text = "".join(view[a:b] for a, b in pieces)
            lines.append(_Line(s, e, pieces, text, "".join(raw[a:b] for a, b in pieces), had_garbage, reasons))
        return lines

    def clean(self, doc: Document) -> CleanedDocument:
        raw = doc.raw_text
        view = script_view(raw)
        lines = self._split_lines(view, raw)
        for line in lines:
            self._classify(line)
        self._mark_front_matter(lines)
        self._mark_header(lines)
        self._mark_tail(lines)
        removed: list[Removal] = []
        segments: list[tuple[int, int]] = []
        separator: list[bool] = []
        meta_fields: dict[str, str] = {}
        for line in lines:
            for key, val in line.fields.items():
                if val and key not in meta_fields:
                    meta_fields[key] = val
            if line.kind == "blank":
                continue
            if line.kind != "body":
                s, e = _strip(view, line.start, line.end)
                removed.append(Removal(s, e, _REMOVAL_REASON.get(line.kind, line.kind)))
                continue
            pos = line.start
            for a, b in line.pieces + [(line.end, line.end)]:
                if a > pos and view[pos:a].strip():
                    why = next((r for c, r in line.cut_reasons.items() if pos <= c < a), "garbage")
                    removed.append(Removal(*_strip(view, pos, a), why))
                pos = b
            for i, piece in enumerate(self._cut_spam_phrases(view, self._cut_credits(view, line, removed), removed)):
                segments.append(piece)
                separator.append(i == 0)
        if segments:
            separator[0] = False
        meta = self._meta(doc, lines, meta_fields)
        removed.sort(key=lambda r: (r.start, r.end))
        return CleanedDocument(doc, tuple(segments), tuple(separator), tuple(removed), meta, view)

    def _cut_credits(self, view: str, line: _Line, removed: list[Removal]) -> list[tuple[int, int]]:
        """Drop a photo credit at the end of a caption and a byline before the first words."""
        pieces = list(line.pieces)
        a, b = pieces[-1]
        m = _CREDIT_TAIL.search(view, a, b)
        if m and (m["word"] is None or m["word"] in self.noise.credit) and m.start() > a:
            cs, ce = _strip(view, m.start(), b)
            removed.append(Removal(cs, ce, "credit"))
            pieces[-1] = _strip(view, a, m.start())
        a, b = pieces[-1]
        m = _TAIL_BYLINE.search(view, a, b)
        if m and m.start() > a:
            removed.append(Removal(*_strip(view, m.start(), b), "byline"))
            pieces[-1] = _strip(view, a, m.start())
        a, b = pieces[0]
        m = _LEAD_BYLINE.match(view, a, b)
        if m and m.end() < b:
            removed.append(Removal(*_strip(view, a, m.end()), "byline"))
            pieces[0] = (m.end(), b)
        return [p for p in pieces if p[1] > p[0]]

    def _cut_spam_phrases(self, view: str, pieces: list[tuple[int, int]], removed: list[Removal]) -> list[tuple[int, int]]:
        """Cut injected spam out of body lines: brand phrases spliced into a
        sentence, and clauses with a strong spam word (`…新突破。欧美日韩无砖专区,蓝谷将…`)."""
        spliced: list[tuple[int, int]] = []
        for a, b in pieces:
            pos = a
            for m in self._spam_phrase_re.finditer(view, a, b):
                if m.start() > pos:
                    spliced.append((pos, m.start()))
                removed.append(Removal(m.start(), m.end(), "spam"))
                pos = m.end()
            if b > pos:
                spliced.append((pos, b))
        pieces = spliced
        if self._strong_spam_re is None:
            return pieces
        out: list[tuple[int, int]] = []
        for a, b in pieces:
            pos = a
            for m in self._strong_spam_re.finditer(view, a, b):
                if m.start() < pos:
                    continue
                cs = m.start()
                while cs > pos and view[cs - 1] not in _CLAUSE_DELIMS:
                    cs -= 1
                ce = m.end()
                while ce < b and view[ce] not in _CLAUSE_DELIMS:
                    ce += 1
                if ce < b:
                    ce += 1  # the clause's own delimiter goes with it
                if ce - cs > 40:
                    continue
                if cs > pos:
                    out.append(_strip(view, pos, cs))
                removed.append(Removal(cs, ce, "spam"))
                pos = ce
            out.append(_strip(view, pos, b))
        return [p for p in out if p[1] > p[0]]

    @staticmethod
    def _mark_front_matter(lines: list[_Line]) -> None:
        """YAML front matter (a Markdown file's `---` block at the top) is metadata: its title, date and
        author are read, none of it is article text (`tags:` lists name bodies the article may not)."""
        first = next((i for i, line in enumerate(lines) if line.raw.strip()), None)
        if first is None or lines[first].raw.strip() != "---":
            return
        close = next((i for i in range(first + 1, min(len(lines), first + 80)) if lines[i].raw.strip() == "---"), None)
        if close is None or not all(_FRONT_MATTER_LINE.match(lines[i].raw) for i in range(first + 1, close)):
            return
        for line in lines[first:close + 1]:
            line.kind = "metadata" if line.raw.strip() else "blank"
            key, _, val = line.raw.partition(":")
            field_name = _FRONT_MATTER_FIELDS.get(key.strip().lower())
            val = val.strip().strip("\"'").strip()
            line.fields = {field_name: val} if field_name and val else {}

    def _mark_header(self, lines: list[_Line]) -> None:
        """Short title/navigation lines above the last metadata line of the page header."""
        last_meta = -1
        for i, line in enumerate(lines):
            if line.is_paragraph:
                break
            if line.kind == "metadata":
                last_meta = i
        for line in lines[:max(last_meta, 0)]:
            if line.kind == "body":
                line.kind = "header"
                line.fields.setdefault("header_title", line.raw.strip())

    def _mark_tail(self, lines: list[_Line]) -> None:
        """Everything from a closing marker (hotline, copyright, related-news list) on."""
        seen_paragraph = False
        cut = None
        related_seen = 0
        for i, line in enumerate(lines):
            if line.is_paragraph:
                seen_paragraph = True
            if not seen_paragraph:
                continue
            if line.kind == "end":
                if self._links_then_article(lines, i):
                    continue
                cut = i
                break
            if line.kind == "related":
                related_seen += 1
                if related_seen == 1:
                    first_related = i
                if related_seen >= 2:
                    cut = self._related_block_start(lines, first_related)
                    break
        if cut is None:
            return
        reason = "footer" if lines[cut].kind == "end" else "related"
        for line in lines[cut:]:
            if line.kind in ("body", "related"):
                line.kind = reason

    @staticmethod
    def _links_then_article(lines: list[_Line], head: int) -> bool:
        """A related heading over link lines with a paragraph after them links stories mid-article.

        `相关报道:` / `[标题一](…)` / `[标题二](…)` / then the article goes on: the heading
        and its links are removed (kind `related-link`), the paragraphs after stay. A heading
        with no links under it, or links with no paragraph after them, ends the article.
        """
        links, i = [], head + 1
        while i < len(lines) and (lines[i].kind == "blank" or _LINK_ONLY_LINE.match(lines[i].text)):
            if lines[i].kind != "blank":
                links.append(i)
            i += 1
        if not links or i >= len(lines) or not lines[i].is_paragraph:
            return False
        for j in [head, *links]:
            lines[j].kind = "related-link"
        return True

    def _related_block_start(self, lines: list[_Line], first: int) -> int:
        """A related-news item is headline, snippet (`…[详细]`), `site date`.

        The block starts at the first item's headline: one line above a
        snippet, two above a `site date` line. A headline never ends a sentence.
        """
        text = lines[first].text.lower().rstrip()
        if _LISTED_HEADLINE.match(lines[first].text):
            return first  # the item holds its own headline
        back = 1 if any(text.endswith(t) for t in self.noise.related) else 2
        start, i = first, first - 1
        while i >= 0 and back:
            line = lines[i]
            if line.kind == "blank":
                i -= 1
                continue
            if line.kind != "body" or len(line.text) > 160:
                break
            if back == 1 and line.text.rstrip().endswith("。"):
                break
            start, back, i = i, back - 1, i - 1
        return start

    @staticmethod
    def _meta(doc: Document, lines: list[_Line], found: dict[str, str]) -> Meta:
        given = doc.meta
        title = given.get("title") or found.get("title") or found.get("header_title", "")
        date = given.get("date") or found.get("date", "")
        m = _DATE.search(date) if date else None
        if m and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:]+)?", date):
            date = _iso_date(m) or date
        elif re.fullmatch(r"\d{8}", date):
            date = f"{date[:4]}-{date[4:6]}-{date[6:]}"
        return Meta(
            title=title.strip(),
            source=(given.get("source") or found.get("source", "")).strip(),
            date=date,
            author=(given.get("author") or found.get("author", "")).strip(),
        )


_DEFAULT: Cleaner | None = None


def clean(doc: Document) -> CleanedDocument:
    """Clean one document with the default word lists."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Cleaner()
    return _DEFAULT.clean(doc)
