"""Vietnamese numbers and quantities, as report prose writes them.

Every extraction rule reads its figures through here, so the conventions live in one place:
`.` groups thousands and `,` is the decimal mark (`12.473,69`), scale words multiply
(`20.792 tỷ đồng`), and anything that only looks numeric (dates, clock times, document codes,
years, ordinals, phone numbers, view counters) is refused rather than guessed at.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import regex


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in base units: VND or US dollars for money, the percent number for rates, else the count.

    `unit` is "VND", "USD" (`1,2 tỷ USD`, `3.400 đô la Mỹ`: dollars stay dollars), "percent",
    "count" (with the `noun` as written), "rank" (`thứ 31/63 tỉnh`) or "number" (nothing named
    after it). `bound` keeps the qualifier the prose put on the
    value ("over", "nearly", "about", "under", "at_least"); `per` is the unit money is quoted
    per (`đồng/người/năm` -> "người/năm").
    """

    value: Decimal
    unit: str
    noun: str | None = None
    of_total: Decimal | None = None
    bound: str | None = None
    per: str | None = None


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in running text; `text[num_start:num_end]` is its number as written."""

    start: int
    end: int
    num_start: int
    num_end: int
    quantity: Quantity


_Built = tuple[QuantityMatch, Decimal, str | None]  # a match, its scale (for ranges), its opening từ/giữa

_SP = r"[^\S\r\n]"  # horizontal space, NBSP and narrow NBSP included
_NUM = r"(?>[0-9](?:[0-9.,]*[0-9])?)"  # atomic: a digit run is read whole or not at all
_DIGITS = regex.compile(r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)?(?:,(?P<frac>[0-9]+))?")
_LITERAL = regex.compile(r"(?P<digits>[0-9.,]*[0-9])(?P<kmg>[kKmMgG])?")
_NEGATIVE = regex.compile(r"(?:-|(?i:âm)(?=\s))\s*(?P<rest>.*)", regex.DOTALL)

_ONE = Decimal(1)
_KMG = {"k": 10**3, "m": 10**6, "g": 10**9}
_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_UNITS = {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5,
          "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
# After "mươi" the units take their euphonic forms (hai mươi mốt, ba mươi tư, bốn mươi lăm).
_AFTER_TENS = {**{w: v for w, v in _UNITS.items() if v}, "mốt": 1, "tư": 4, "lăm": 5}
# "mười năm" is "ten years", never 15 (that is "mười lăm").
_AFTER_TEN = {**{w: v for w, v in _UNITS.items() if v and w != "năm"}, "lăm": 5}
_SPELLED_WORDS = sorted({*_UNITS, *_AFTER_TENS, *_SCALES, "mười", "mươi", "chục", "trăm", "linh", "lẻ"},
                        key=len, reverse=True)

_BOUNDS = {
    "hơn": "over", "trên": "over", "vượt": "over", "vượt quá": "over", "nhiều hơn": "over",
    "cao hơn": "over",
    "gần": "nearly", "gần như": "nearly",
    "khoảng": "about", "khoảng chừng": "about", "xấp xỉ": "about", "chừng": "about",
    "trên dưới": "about", "tầm": "about", "tầm khoảng": "about",
    "dưới": "under", "không quá": "under", "không tới": "under", "không đến": "under",
    "không hơn": "under", "không cao hơn": "under", "ít hơn": "under", "kém hơn": "under",
    "chưa tới": "under", "chưa đến": "under", "chưa đầy": "under",
    "ít nhất": "at_least", "tối thiểu": "at_least", "không ít hơn": "at_least", "không dưới": "at_least",
}
_SUFFIX_BOUNDS = {"trở lên": "at_least", "trở xuống": "under"}

# Words that end a count's noun: function words and the verbs that follow a count.
_NOT_NOUN = frozenset("""
    và hoặc hay của được đã đang sẽ bị là có không chưa cho với trong tại ở từ đến tới về theo
    trên dưới so đạt tăng giảm bằng chiếm thuộc gồm như mà thì này đó kia các những nhằm để khi
    do vì nên hơn gần khoảng trở ra vào qua sau trước cùng còn vẫn cũng đều phải nhưng nếu rằng
    nhất lại đi lên xuống hết mỗi mọi ngay vừa rồi luôn nữa đây làm thực hoàn triển vượt gấp đứng
    xếp một hai ba bốn sáu bảy tám chín mười
""".split())
_TIME_NOUNS = frozenset({"năm", "tháng", "quý", "ngày", "tuần", "giờ", "phút"})
_NOUN_MAX_SYLLABLES = 5  # "tổ chức cơ sở đảng"


def _words(options) -> str:
    return "|".join(w.replace(" ", f"{_SP}+") for w in sorted(options, key=len, reverse=True))


_DOC_TYPE_NAMES = ("nghị quyết", "quyết định", "kế hoạch", "kết luận", "chỉ thị", "công văn",
                   "nghị định", "thông tư", "thông báo", "tờ trình", "văn bản", "luật", "đề án",
                   "chương trình")
_LABEL_NAMES = ("lần", "đợt", "khóa", "khoá", "tuần", "điều", "khoản", "chương", "mục", "phụ lục",
                "trang", "phường", "quận", "tổ", "khu", "thôn", "ấp", "xóm", "trung ương")
_DOC_TYPES = _words(_DOC_TYPE_NAMES)
_LABELS = _words(_LABEL_NAMES)
_SKIP = rf"""
  (?=[0-9(+])(?:
    (?:\+84{_SP}?|\(?0)[0-9]{{2,3}}\)?(?:[\x20.\-]?[0-9]){{6,8}}(?![0-9])              # phone
  | [0-9]{{1,2}}[/.\-][0-9]{{1,2}}[/.\-][0-9]{{2,4}}(?![0-9])                       # 14/9/2021
  | (?:19|20)[0-9]{{2}}-[0-9]{{1,2}}(?:-[0-9]{{1,2}})?(?![0-9])                       # 2022-09
  | [0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9])                                 # 14:54
  | (?:19|20)[0-9]{{2}}{_SP}*[\-–—]{_SP}*(?:19|20)[0-9]{{2}}(?![0-9])                 # 2020 - 2025
  | (?<=(?:^|\n){_SP}*)[0-9]{{1,2}}[.)](?!\S)                                       # list item "2. "
  | [0-9]+(?:[.,][0-9]+)*[\-/]\p{{Lu}}[\p{{L}}0-9/\-]*                                # 33-KH/TU
  | [0-9]+{_SP}+(?i:tháng{_SP}+(?:đầu{_SP}+năm|cuối{_SP}+năm|năm|qua|đầu|cuối)
                  |năm{_SP}+(?:qua|gần{_SP}+đây|trở{_SP}+lại{_SP}+đây))(?!\p{{L}})     # 6 tháng đầu năm
  )
  | (?=\p{{L}})(?<!\p{{L}})(?i:
        năm{_SP}+(?:19|20)[0-9]{{2}}
      | tháng{_SP}+(?:0?[1-9]|1[0-2])(?:[./\-][0-9]{{2,4}})?
      | quý{_SP}+[1-4](?:[./\-][0-9]{{2,4}})?
      | (?:ngày|hôm|sáng|chiều|trưa|tối|đêm){_SP}+[0-9]{{1,2}}(?:[./\-][0-9]{{1,2}}(?:[./\-][0-9]{{2,4}})?)?
      | (?:thứ|hạng){_SP}*[0-9]++(?!{_SP}*/{_SP}*[0-9])
      | (?:{_LABELS}|(?:{_DOC_TYPES})(?:{_SP}+số)?){_SP}+[0-9]++(?:[./\-][0-9]+)*+(?!,[0-9]|{_SP}+cuộc|{_SP}*%|{_SP}*[\-–—]{_SP}*[0-9][0-9.,]*{_SP}*%)
      | lượt{_SP}+(?:xem|đọc|truy{_SP}+cập|thích|chia{_SP}+sẻ){_SP}*:?{_SP}*[0-9][0-9.,]*
    )(?![0-9])
"""
# After a scale word "đồng" is always money; alone it may begin "đồng chí", "đồng bào", "đồng bằng"…
_MONEY = rf"""(?:(?<=(?:nghìn|ngàn|triệu|tỷ|tỉ){_SP}*)(?i:đồng)
  |(?i:vn[dđ]|đ(?:ồng(?!{_SP}+(?:chí|bào|nghiệp|hồ|ruộng|thời|bằng|minh|loạt|bộ|ý|tâm|lòng|hương|đội|phục
                               |hành|tình|thuận|khởi|dao)(?!\p{{L}})))?))(?!\p{{L}})"""
# US dollars as reports write them; a bare "đô" only where no word follows (not "đô thị").
_USD = rf"""(?i:usd|us\$|\$|đô(?:{_SP}*-{_SP}*|{_SP}*)la(?:{_SP}+mỹ)?|đô{_SP}+mỹ|đô(?!{_SP}*\p{{L}}))(?!\p{{L}})"""
_CURRENCY_FIRST = r"(?i:vn[dđ$]|us[d$]|\$)"  # `VND1000`, `USD1,23`, `$10`
_UNIT = rf"""
    (?P<scale>(?:{_SP}*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{{L}}))*)
    (?:{_SP}*(?P<pct>%+|(?i:phần{_SP}+trăm)(?!\p{{L}}))
      |{_SP}*(?:(?P<money>{_MONEY})|(?P<usd>{_USD}))(?P<per>(?:{_SP}?/{_SP}?\p{{L}}[\p{{L}}\p{{N}}]*)+)?
    )?
"""
_QUANTITY = rf"""
    (?<![\p{{L}}\p{{N}}_/.,:+])(?<!\p{{L}}-)
    (?:(?P<bound>(?i:{_words(_BOUNDS)}))(?!\p{{L}}){_SP}*)?
    (?:(?P<from>(?i:từ|giữa)){_SP}+)?
    (?:(?P<rank>(?i:thứ|hạng)){_SP}*(?=[0-9]+{_SP}*/{_SP}*[0-9]))?
    (?P<neg>@NEG@)?
    (?P<cur>{_CURRENCY_FIRST}{_SP}?)?
    (?P<num>@NUM@)
    (?P<kmg>@KMG@(?=\P{{L}}|$))?
    (?=\P{{L}}|$|(?i:đ|vn[dđ]|usd))
    {_UNIT}
"""
_SPELLED = rf"(?i:(?:{'|'.join(_SPELLED_WORDS)})(?!\p{{L}})(?:{_SP}+(?:{'|'.join(_SPELLED_WORDS)})(?!\p{{L}}))*)"
_FLAGS = regex.VERBOSE | regex.V0


def _quantity_pattern(negative: str, number: str, suffix: str) -> str:
    return _QUANTITY.replace("@NEG@", negative).replace("@NUM@", number).replace("@KMG@", suffix)


# Running text: digits only (a spelled "năm" is mostly "year"), and only the `k` of `10k đồng`.
# In running text a minus counts only inside brackets, `(-1,07%)`: elsewhere `-` joins words and years.
_SCAN_NEGATIVE = rf"(?i:âm){_SP}+|(?<=\()[\-−]"
_SCAN = regex.compile(rf"(?P<skip>{_SKIP})|(?P<q>{_quantity_pattern(_SCAN_NEGATIVE, _NUM, '[kK]')})", _FLAGS)
_WHOLE = regex.compile(
    f"(?P<q>{_quantity_pattern(f'-{_SP}*|(?i:âm){_SP}+', f'{_NUM}|{_SPELLED}', '[kKmMgG]')})", _FLAGS)
# Scanning starts from digit runs (fast) and reads backwards for the words that may open a
# match (`hơn`, `năm`, `Kế hoạch số`, …): one `match` per number instead of a regex attempt at
# every character of the text.
_DIGIT_RUN = regex.compile(r"[0-9]+")
_LEAD_REACH = 40
_LEAD_WORDS = ("năm", "tháng", "quý", "ngày", "hôm", "sáng", "chiều", "trưa", "tối", "đêm", "thứ", "hạng")
_VIEWS = ("xem", "đọc", "truy cập", "thích", "chia sẻ")  # `lượt xem: 9487`
_LEAD = regex.compile(rf"""(?r)(?<!\p{{L}})(?:
    [+(]
  | (?<=\()[\-−]
  | (?i:{'|'.join(_LEAD_WORDS)}|{_LABELS}|(?:{_DOC_TYPES})(?:{_SP}+số)?
       |lượt{_SP}+(?:{'|'.join(v.replace(' ', f'{_SP}+') for v in _VIEWS)})){_SP}*:?{_SP}*
  | (?:(?i:{_words(_BOUNDS)})(?!\p{{L}}){_SP}*)?(?:(?i:từ|giữa){_SP}+)?(?:(?i:thứ|hạng){_SP}*)?
    (?:(?i:âm){_SP}+)?(?:{_CURRENCY_FIRST}{_SP}?)?
)""", _FLAGS)
# What a lead ends with, in lower case, before the spaces and colon that part it from its
# digits: a text that ends otherwise before a number has no lead, and _LEAD is not run.
_LEAD_ENDS = tuple({phrase.split()[-1] for phrase in (*_LEAD_WORDS, *_LABEL_NAMES, *_DOC_TYPE_NAMES, "số", *_VIEWS,
                                                      *_BOUNDS, "từ", "giữa", "âm")}
                   | {"vnd", "vnđ", "vn$", "usd", "us$", "$", "+", "(", "-", "−"})
_GROUP_NAMES = {p: sorted(p.groupindex, key=p.groupindex.get) for p in (_SCAN, _WHOLE)}
_NOUN_WORDS = regex.compile(rf"(?:{_SP}+(?P<w>\p{{L}}++)(?!\p{{N}})){{1,{_NOUN_MAX_SYLLABLES}}}")
_UNIT_AFTER_TOTAL = regex.compile(_UNIT, _FLAGS)
_RATIO = regex.compile(rf"{_SP}*/{_SP}*(?P<den>{_NUM})(?!\p{{L}}|[/\-:][0-9])")
_SUFFIX = regex.compile(rf"{_SP}+(?P<suffix>(?i:{_words(_SUFFIX_BOUNDS)}))(?!\p{{L}})")
_RANGE_GAP = regex.compile(rf"{_SP}*(?:[\-–—]|(?i:đến|tới|(?P<and>và))(?!\p{{L}})){_SP}*")
_YEAR = regex.compile(r"1[89][0-9]{2}|20[0-9]{2}|2100")
_DAY_MONTH = regex.compile(r"[0-9]{1,2}")


def parse_number(text: str) -> Decimal | None:
    """Read one whole Vietnamese number, or None when the text is anything else.

    Refusing beats guessing: `3.5` is not a Vietnamese grouping (Duckling's VI rules need
    three digits after each dot), so it is None, as are codes, dates and extra words.

    >>> parse_number("20.792"), parse_number("12.473,69"), parse_number(",77")
    (Decimal('20792'), Decimal('12473.69'), Decimal('0.77'))
    >>> parse_number("1,2 triệu"), parse_number("1 nghìn tỷ"), parse_number("âm 1.200.000")
    (Decimal('1200000'), Decimal('1000000000000'), Decimal('-1200000'))
    >>> parse_number("hai mươi mốt nghìn không trăm mười một"), parse_number("100K")
    (Decimal('21011'), Decimal('100000'))
    >>> [parse_number(t) for t in ("3.5", "33-KH/TU", "14/9/2021", "khóa XIII", "")]
    [None, None, None, None, None]
    """
    body = text.strip()
    negative = _NEGATIVE.fullmatch(body)
    if negative:
        body = negative["rest"]
    tokens: list[str | Decimal] = []
    for token in body.split():
        literal = _literal(token)
        tokens.append(token.lower() if literal is None else literal)
    value = _compose(tokens)
    if value is None:
        return None
    return _tidy(-value if negative else value)


def parse_quantity(text: str) -> Quantity | None:
    """Read one whole quantity (bound, number, unit or noun), or None.

    >>> parse_quantity("20.792 tỷ đồng")
    Quantity(value=Decimal('20792000000000'), unit='VND', noun=None, of_total=None, bound=None, per=None)
    >>> parse_quantity("28,2 triệu đồng/người/năm").per, parse_quantity("19,63%%").value
    ('người/năm', Decimal('19.63'))
    >>> q = parse_quantity("149 đơn/158 đơn"); (q.value, q.of_total, q.noun, q.unit)
    (Decimal('149'), Decimal('158'), 'đơn', 'count')
    >>> q = parse_quantity("hơn4.500 hồ sơ"); (q.value, q.noun, q.bound)
    (Decimal('4500'), 'hồ sơ', 'over')
    >>> parse_quantity("dưới bảy ngàn đồng").bound, parse_quantity("Lượt xem: 9487")
    ('under', None)
    """
    body = text.strip()
    m = _WHOLE.match(body)
    found = _build(body, m, scanning=False) if m else None
    if found is None or found[0].start != 0 or found[0].end != len(body):
        return None
    return found[0].quantity


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every figure-like quantity in running text, in order; see the module docstring for what is left out.

    A bare number before `đến`/`tới`/`-` takes the unit of the one after it
    (`từ 1 đến 2 tỷ đồng`), and the pair get the bounds "at_least" and "under".
    """
    found: list[_Built] = []
    pos = 0
    while (digits := _DIGIT_RUN.search(text, pos)) is not None:
        at = digits.start()
        reach = max(pos, at - _LEAD_REACH)
        lead = _LEAD.match(text, reach, at) if _may_lead(text, reach, at) else None
        m = (lead and lead.start() < at and _SCAN.match(text, lead.start())) or _SCAN.match(text, at)
        if m is None:
            pos = digits.end()
            continue
        pos = m.end()
        if m["q"] is not None:
            built = _build(text, m, scanning=True)
            if built is not None:
                found.append(built)
                pos = max(pos, built[0].end)  # past a ratio's total and the noun
    for i in range(len(found) - 1):
        found[i], found[i + 1] = _range(text, found[i], found[i + 1])
    return [match for match, _, _ in found]


def has_digits(text: str) -> bool:
    """Whether find_quantities may find anything in `text`: every quantity it reads starts
    from a run of ASCII digits."""
    return _DIGIT_RUN.search(text) is not None


def _may_lead(text: str, start: int, at: int) -> bool:
    """Whether text[start:at] may end with a lead (`hơn `, `năm `, `Kế hoạch số `, `(`): the
    cheap test before the reverse regex, generous with spaces, colons and case."""
    return text[start:at].rstrip().rstrip(":").rstrip().casefold().endswith(_LEAD_ENDS)


def _literal(token: str) -> Decimal | None:
    m = _LITERAL.fullmatch(token)
    value = _digits_value(m["digits"]) if m else None
    if value is None or not m["kmg"]:
        return value
    return value * _KMG[m["kmg"].lower()]


@lru_cache(maxsize=1024)
def _digits_value(digits: str) -> Decimal | None:
    """A digit run's value (cached: Decimals are immutable, and years, percentages and small
    counts come back in every text)."""
    if digits.isascii() and digits.isdigit():
        return Decimal(digits)
    m = _DIGITS.fullmatch(digits)
    if m is None or not (m["int"] or m["frac"]):
        return None
    return Decimal(f"{(m['int'] or '0').replace('.', '')}.{m['frac'] or '0'}")


def _tidy(value: Decimal) -> Decimal:
    """Integral values as plain integers, so `1,2 triệu` reads back as 1200000, not 1200000.0."""
    return value if value.same_quantum(_ONE) else (  # same_quantum: exponent 0, without building a tuple
        Decimal(int(value)) if value == value.to_integral_value() else value)


@lru_cache(maxsize=256)
def _scale(words: str) -> Decimal | None:
    """The value of the scale words after a number (`tỷ`, `nghìn tỷ`): a handful, read once each."""
    return _compose(words.split())


def _compose(tokens: list[str | Decimal]) -> Decimal | None:
    """Sections below a thousand joined by nghìn/triệu/tỷ; `nghìn tỷ` multiplies what precedes it."""
    groups: list[tuple[Decimal, int]] = []  # (value, scale), scales strictly decreasing
    section: list[str | Decimal] = []
    for token in tokens:
        scale = _SCALES.get(token) if isinstance(token, str) else None
        if scale is None:
            section.append(token)
            continue
        if section:
            value = _section(section, after_scale=bool(groups))
            if value is None:
                return None
            groups.append((value * scale, scale))
        else:
            below = [g for g in groups if g[1] < scale]
            if groups and not below:
                return None
            del groups[len(groups) - len(below):]
            groups.append(((sum(v for v, _ in below) or 1) * scale, scale))
        if len(groups) > 1 and groups[-2][1] <= scale:
            return None
        section = []
    if not groups and not section:
        return None
    tail = _section(section, after_scale=bool(groups)) if section else Decimal(0)
    if tail is None or (groups and tail >= groups[-1][1]):
        return None
    return sum((v for v, _ in groups), tail)


def _section(tokens: list[str | Decimal], after_scale: bool) -> Decimal | None:
    """One group below a thousand: a digit literal, or spelled hundreds, tens and units."""
    if any(isinstance(t, Decimal) for t in tokens):
        return tokens[0] if len(tokens) == 1 else None
    words: list[str] = tokens  # type: ignore[assignment]
    hundreds = None
    if len(words) >= 2 and words[1] == "trăm" and words[0] in _UNITS:
        hundreds, words = _UNITS[words[0]] * 100, words[2:]
    elif words and words[0] == "trăm":
        hundreds, words = 100, words[1:]
    rest = _below_hundred(words, zero_tens=hundreds is not None or after_scale)
    if rest is None or (hundreds is not None and words and words[0] == "không"):
        return None
    return Decimal((hundreds or 0) + rest)


def _below_hundred(words: list[str], zero_tens: bool) -> int | None:
    match words:
        case []:
            return 0 if zero_tens else None
        case [unit] if unit in _UNITS:
            return _UNITS[unit]
        case ["mười"]:
            return 10
        case ["mười", unit] if unit in _AFTER_TEN:
            return 10 + _AFTER_TEN[unit]
        case [tens, "mươi"] if _UNITS.get(tens, 0) >= 2:
            return 10 * _UNITS[tens]
        case [tens, "mươi", unit] if _UNITS.get(tens, 0) >= 2 and unit in _AFTER_TENS:
            return 10 * _UNITS[tens] + _AFTER_TENS[unit]
        case ["chục"]:
            return 10
        case [tens, "chục"] if _UNITS.get(tens, 0) >= 1:
            return 10 * _UNITS[tens]
        case ["linh" | "lẻ", unit] if zero_tens and _UNITS.get(unit, 0) >= 1:
            return _UNITS[unit]
    return None


def _noun(text: str, pos: int) -> tuple[str | None, int]:
    """The count's noun as written: up to five syllables, stopping at punctuation, digits and function words."""
    m = _NOUN_WORDS.match(text, pos)
    if m is None:
        return None, pos
    words: list[str] = []
    end = pos
    for word, word_end in zip(m.captures("w"), m.ends("w")):
        word = word.lower()
        if word in _NOT_NOUN or (words and word in _TIME_NOUNS):
            break
        if word == "việc" and words and words[-1] not in ("vụ", "công"):
            break  # "cuộc thanh tra việc thực hiện…": việc opens a new phrase
        words.append(word)
        end = word_end
        if word in _TIME_NOUNS:
            break
    return (" ".join(words) or None), end


def _build(text: str, m: regex.Match, scanning: bool) -> _Built | None:
    """The quantity a scan match stands for, with its scale (for ranges) and the `từ`/`giữa` it opened with."""
    g = dict(zip(_GROUP_NAMES[m.re], m.groups()))  # named access and groupdict() are slow on regex's matches
    num = g["num"]
    base = _digits_value(num) if num[0].isdigit() else parse_number(num)
    scale = _scale(g["scale"]) if g["scale"] else _ONE
    if base is None or scale is None:
        return None
    if g["kmg"]:
        scale *= _KMG[g["kmg"].lower()]
    noun = of_total = per = None
    end = m.end()
    if g["pct"]:
        unit = "percent"
    elif g["money"] or g["usd"] or g["cur"]:
        unit = "USD" if g["usd"] or (g["cur"] and not g["cur"].lower().startswith("vn")) else "VND"
        if g["per"]:
            per = "/".join(part.strip() for part in g["per"].split("/")[1:])
    else:
        noun, end = _noun(text, end)
        ratio = _RATIO.match(text, end) if text.startswith("/", end) or text[end:end + 1].isspace() else None
        if ratio:
            den = ratio["den"]
            total = _digits_value(den)
            if total is None:
                return None
            unit_after = None if noun or g["scale"] else _UNIT_AFTER_TOTAL.match(text, ratio.end())
            if unit_after and (unit_after["pct"] or unit_after["money"] or unit_after["usd"]):  # "45.799/36.875 tỷ đồng"
                return _ratio_of_amounts(m, base, total, unit_after)
            after, ratio_end = _noun(text, ratio.end())
            if not g["rank"] and _looks_like_date(num, den, noun, after):
                return None
            of_total, noun, end = total, after or noun, ratio_end
        elif g["rank"]:
            return None
        unit = "rank" if g["rank"] else "count" if noun else "number"
        if scanning and of_total is None and len(num) == 4 and _YEAR.fullmatch(num):
            return None  # a bare year, or a year with whatever word follows it
    bound = _BOUNDS[" ".join(g["bound"].lower().split())] if g["bound"] else None
    start, opener = m.start("q"), g["from"] and g["from"].lower()
    if opener and not bound:
        suffix = _SUFFIX.match(text, end)
        if suffix:
            bound, end = _SUFFIX_BOUNDS[" ".join(suffix["suffix"].lower().split())], suffix.end()
        else:  # a plain "từ" is no bound: the expression starts after it
            start = next(m.start(k) for k in ("rank", "neg", "cur", "num") if g[k])
    value = -base * scale if g["neg"] else base * scale
    quantity = Quantity(_tidy(value), unit, noun, None if of_total is None else _tidy(of_total), bound, per)
    return QuantityMatch(start, end, *m.span("num"), quantity), scale, opener


def _ratio_of_amounts(m: regex.Match, part: Decimal, total: Decimal, unit: regex.Match) -> _Built:
    """A part/total pair of amounts or rates whose unit is written once, after the total."""
    scale = _scale(unit["scale"]) if unit["scale"] else _ONE
    per = "/".join(p.strip() for p in unit["per"].split("/")[1:]) if unit["per"] else None
    kind = "percent" if unit["pct"] else "USD" if unit["usd"] else "VND"
    quantity = Quantity(_tidy(part * scale), kind, None, _tidy(total * scale),
                        None, per)
    return QuantityMatch(m.start("q"), unit.end(), *m.span("num"), quantity), scale, None


def _looks_like_date(num: str, den: str, noun: str | None, after: str | None) -> bool:
    """`20/3` with nothing counted after it is a day and month, not a ratio."""
    if (noun and noun not in _TIME_NOUNS) or (after and after not in _TIME_NOUNS):
        return False
    if not (_DAY_MONTH.fullmatch(num) and _DAY_MONTH.fullmatch(den)):
        return False
    return 1 <= int(num) <= 31 and 1 <= int(den) <= 12


def _range(text: str, low: _Built, high: _Built) -> tuple[_Built, _Built]:
    """`từ 1 đến 2 tỷ đồng`, `1.000-2.000 đồng`: the bare lower end takes the upper end's unit and scale."""
    (match, scale, opener), (upper_match, upper_scale, upper_opener) = low, high
    q, upper = match.quantity, upper_match.quantity
    gap = _RANGE_GAP.fullmatch(text, match.end, upper_match.start)
    if q.unit != "number" or q.of_total is not None or upper.unit == "number" or gap is None:
        return low, high
    if gap["and"] and opener != "giữa":
        return low, high
    value = q.value * upper_scale if scale == 1 else q.value
    q = replace(q, value=_tidy(value), unit=upper.unit, noun=upper.noun, per=upper.per, bound=q.bound or "at_least")
    upper = replace(upper, bound=upper.bound or "under")
    return ((replace(match, quantity=q), scale, opener),
            (replace(upper_match, quantity=upper), upper_scale, upper_opener))
