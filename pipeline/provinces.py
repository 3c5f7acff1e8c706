"""Provinces and districts of Việt Nam across the 1 July 2025 merger, and where a text names them.

Reference data lives in seeds/provinces.csv and seeds/districts.csv (built once by
scripts/build_places.py). Codes were reused across the merger (82 was Tiền Giang, is now
Đồng Tháp), so a province is keyed by (code, era): era "2008" for the 63 units in force
2008-08-01…2025-06-30, "2025" for the 34 from 2025-07-01. Districts are the pre-2025 ones.

A unit is a name in an era, never a number: `resolve_unit` picks the era from what the text
says next to the name (`Phú Thọ (mới)`, `Yên Bái cũ`), then from the eras the name exists in,
then from the dates, and only then takes that unit's code.
"""
from __future__ import annotations

from bisect import bisect_right

import csv
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import regex

_SEEDS = Path(__file__).resolve().parents[1] / "seeds"
MERGER = date(2025, 7, 1)
NEW, OLD = "new", "old"
_CITY = "thành phố"


@dataclass(frozen=True, slots=True)
class Province:
    """A province or centrally-run city in one era; `successor_code` is its 2025 unit's code."""

    code: str
    era: str
    name: str
    kind: str
    successor_code: str | None
    aliases: tuple[str, ...]
    partial_successor_codes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class District:
    """A pre-2025 district; `province_code` is a 2008-era code."""

    code: str
    name: str
    kind: str
    province_code: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in a text; the span covers a leading "tỉnh "/"huyện "/"TP. " too.

    `marker` is what the text writes right after a province's name: NEW for `(mới)`, `sau sáp
    nhập`…, OLD for `(cũ)`, `trước sáp nhập`…, else None; `province` is already in its era.
    """

    start: int
    end: int
    kind: str
    province: Province
    district: District | None
    marker: str | None = None


def _fold_char(char: str) -> str:
    """Lowercase without accents, one code point for one, so folded offsets are text offsets."""
    if char in "Đđ\u00d0":
        return "d"
    if char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        return "-"
    if char.isspace() and char != "\n":
        return " "
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    return bare if len(bare) == 1 else char


_FOLD = {
    cp: folded
    for cp in (*range(0x41, 0x5B), *range(0x09, 0x0E), *range(0xA0, 0x250), *range(0x1E00, 0x1F00),
               *range(0x2000, 0x2030), 0x205F, 0x2212, 0x3000)
    if (folded := _fold_char(chr(cp))) != chr(cp)
}
# The same table as one string indexed by code point: str.translate reads it four times faster
# than a dict (no integer object to hash per character); code points past its end stay as written.
_FOLD_TABLE = "".join(_FOLD.get(cp, chr(cp)) for cp in range(max(_FOLD) + 1))
_NON_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SEPARATORS = regex.compile(r"([ .\-]+)")
_NUMBERED = regex.compile(r"Quận (\d+)")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")

# Folded words that introduce a place, and what each introduces.
_PREFIXES = {
    "tinh uy": "province", "thanh uy": "city", "huyen uy": "district", "thi uy": "district",
    "quan uy": "district", "thanh pho": "city", "thi xa": "district", "tinh": "province",
    "huyen": "district", "quan": "district", "bao": "newspaper", "tp": "city", "tx": "district",
}
# The same prefixes as written, for checking that "tình"/"quan" in running text is not "tỉnh"/"quận".
_PREFIX_SPELLINGS = ("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy", "thành phố", "thị xã",
                     "tỉnh", "huyện", "quận", "báo", "tp", "tx")
_ABBREVIATED = ("tp", "tx")  # written "TP." / "TP" / "TP.HCM"
_KIND_OF_PREFIX = {"huyen": "huyện", "huyen uy": "huyện", "quan": "quận", "quan uy": "quận",
                   "thi xa": "thị xã", "thi uy": "thị xã", "tx": "thị xã", "thanh pho": _CITY,
                   "thanh uy": _CITY, "tp": _CITY}
# Bare "Hồ Chí Minh" in these texts is the president ("tư tưởng Hồ Chí Minh"), not the city.
_NOT_BARE = frozenset({"ho chi minh"})
# "Nguyễn Thị Huế", "Trần Văn Thái Bình": a province name after a middle name is a person.
_MIDDLE_NAMES = ("Thị ", "Văn ")


@lru_cache(maxsize=4096)
def place_key(name: str) -> str:
    """Case-, accent-, Ð/Đ-, tone-placement- and punctuation-insensitive form of a name
    (cached: the same names come back in every text)."""
    folded = unicodedata.normalize("NFC", name).translate(_FOLD_TABLE).lower()
    return _NON_ALNUM.sub(" ", folded).strip()


@lru_cache(maxsize=4096)
def _signature(text: str) -> tuple[tuple[str, str], ...]:
    """Letters and tone of each syllable, so Hòa == Hoà and Thủy == Thuỷ but Hòa != Hoa
    (cached: the same names come back in every text)."""
    syllables = []
    for word in _WORD.findall(text.replace("\u00d0", "Đ")):
        nfd = unicodedata.normalize("NFD", word)
        tone = "".join(sorted(c for c in nfd if c in _TONES))
        letters = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        syllables.append((letters.casefold(), tone))
    return tuple(syllables)


_PREFIX_SIGNATURES = frozenset(_signature(p) for p in _PREFIX_SPELLINGS)


class _Places:
    """The seeds, their lookup indexes and the one find_places pattern, built on first use."""

    def __init__(self) -> None:
        self.provinces = tuple(self._read_provinces())
        self.districts = tuple(self._read_districts())
        self.by_code = {(p.code, p.era): p for p in self.provinces}
        self.province_keys: dict[str, list[Province]] = {}
        self.district_keys: dict[str, list[District]] = {}
        self.spellings: dict[str, set[tuple[tuple[str, str], ...]]] = {}
        surfaces: set[str] = set()
        for province in self.provinces:
            for spelling in (province.name, *province.aliases):
                self._index(self.province_keys, spelling, province)
                self.spellings.setdefault(place_key(spelling), set()).add(_signature(spelling))
                surfaces.add(spelling)
        for district in self.districts:
            for spelling in (district.name, *district.aliases):
                self._index(self.district_keys, spelling, district)
                self.spellings.setdefault(place_key(spelling), set()).add(_signature(spelling))
                surfaces.add(spelling)
                number = _NUMBERED.fullmatch(spelling)
                if number:  # "quận 1" is prefix + "1"
                    self._index(self.district_keys, number[1], district)
                    surfaces.add(number[1])
        self.pattern = self._compile(surfaces)

    @staticmethod
    def _read_provinces():
        with (_SEEDS / "provinces.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield Province(row["code"], row["era"], row["name"], row["kind"],
                               row["successor_code"] or None, _split(row["aliases"]),
                               _split(row.get("partial_successor_codes") or ""))

    @staticmethod
    def _read_districts():
        with (_SEEDS / "districts.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield District(row["code"], row["name"], row["kind"], row["province_code"],
                               _split(row["aliases"]))

    @staticmethod
    def _index(index: dict, spelling: str, unit) -> None:
        units = index.setdefault(place_key(spelling), [])
        if unit not in units:
            units.append(unit)

    @staticmethod
    def _compile(surfaces: set[str]) -> re.Pattern:
        """The stdlib engine: on this ~1,000-name alternation it scans 5 KB in 0.3 ms, `regex` in 2 ms.

        A place opens after a non-word character, which the pattern consumes (`\\W`) rather than
        looks behind at: a pattern that opens on a character set lets the engine skip straight to
        the breaks between words. The text searched starts with a space, so that a place opening
        the text has one before it (pipeline.provinces.find_places), and the place itself is the
        group `place`."""
        names = _trie_pattern({_name_atoms(s) for s in surfaces})
        words = "|".join(p.replace(" ", "[ ]+") for p in sorted(_PREFIXES, key=len, reverse=True)
                         if p not in _ABBREVIATED)
        return re.compile(
            rf"\W(?P<place>(?:(?P<prefix>{words})[ ]+|(?P<abbr>{'|'.join(_ABBREVIATED)})(?:[ ]*\.[ ]*|[ ]+)|)"
            rf"(?P<name>{names})(?!\w))"
        )


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a for a in aliases.split(";") if a)


def _name_atoms(spelling: str) -> tuple[str, ...]:
    """A folded name as pattern atoms that tolerate "Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu", "TP. HCM"."""
    if spelling.isdigit():  # "1" of "Quận 1": only right after "quận", never any number in the text
        return ("(?<=quan )", *spelling)
    atoms = []
    for token in _SEPARATORS.split(spelling.translate(_FOLD_TABLE).lower()):
        if "." in token:
            atoms.append(r"\.[ ]*")
        elif token and token.strip(" -") == "":
            atoms.append("[ -]+")
        else:
            atoms.extend(re.escape(c) for c in token)
    return tuple(atoms)


def _trie_pattern(names: set[tuple[str, ...]]) -> str:
    """One alternation factored by common prefixes: a flat one of ~1,000 names is 8 times slower.

    A name that continues into a longer one becomes a group with an empty last branch, so the
    longest name is tried first and a shorter one is still found when the longer fails.
    """
    trie: dict = {}
    for atoms in names:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and len(branches[0]) == 1:
            return branches[0] + "?"
        return "(?:" + "|".join(branches) + "|)"  # `(?:…|)`, not `(?:…)?`: the same, and a branch is cheaper to try

    return emit(trie)


@cache
def _places() -> _Places:
    return _Places()


def _era(on: date | None) -> str:
    return "2025" if on is not None and on >= MERGER else "2008"


def _pick_province(candidates: list[Province], on: date | None) -> Province | None:
    era = _era(on)
    in_era = [p for p in candidates if p.era == era]
    return (in_era or candidates or [None])[0]


_STRIPPABLE = ("ubnd", *sorted(_PREFIXES, key=len, reverse=True))


def _stripped_keys(key: str):
    """The key, then the key with each leading prefix word removed ("ubnd tinh quang nam"…)."""
    yield key
    while True:
        for prefix in _STRIPPABLE:
            if key.startswith(prefix + " "):
                key = key[len(prefix) + 1:]
                yield key
                break
        else:
            return


def lookup_province(name: str, on: date | None = None) -> Province | None:
    """The province a name denotes, in the era in force on `on`, else in the other era.

    Without `on` the 2008 era is preferred: most reports predate the merger. A province that
    no longer exists on `on` ("Tiền Giang" in 2026) is still returned, in its own era.
    """
    index = _places().province_keys
    for key in _stripped_keys(place_key(name)):
        if key in index:
            return _pick_province(index[key], on)
    return None


def lookup_district(name: str, province: Province | None = None) -> District | None:
    """The district a name denotes; a name shared by several provinces needs `province`, else lowest code."""
    index = _places().district_keys
    for key in _stripped_keys(place_key(name)):
        if key in index:
            candidates = [d for d in index[key] if province is None or _belongs(d, province)]
            return candidates[0] if candidates else None
    return None


def _belongs(district: District, province: Province) -> bool:
    if province.era == "2008":
        return district.province_code == province.code
    return _places().by_code[(district.province_code, "2008")].successor_code == province.code


def provinces(era: str | None = None) -> list[Province]:
    return [p for p in _places().provinces if era is None or p.era == era]


def districts() -> list[District]:
    return list(_places().districts)


def successor(province: Province) -> Province | None:
    """The 2025 unit a 2008-era province merged into (None for a 2025-era province)."""
    if province.successor_code is None:
        return None
    return _places().by_code.get((province.successor_code, "2025"))


# What a text writes right after a province's name to say which unit it means. A bare "mới"
# is also the adverb "only" (`Lào Cai mới đạt 40%`): a marker only before a pause.
_NEW_MARK = regex.compile(
    r"[ \t]*(?:\([ \t]*)?(?:mới(?=[ \t]*(?:[),.;:(\n]|$|sau\b|gồm\b))|sau (?:khi )?(?:sáp nhập|hợp nhất))(?!\w)",
    regex.I)
_OLD_MARK = regex.compile(r"[ \t]*(?:\([ \t]*)?(?:cũ|trước (?:khi )?(?:sáp nhập|hợp nhất))(?!\w)", regex.I)
_MARKED_ERA = {NEW: "2025", OLD: "2008"}


def marker_after(text: str, end: int) -> str | None:
    """NEW or OLD when the text right after `end` says which side of the merger it means."""
    if _NEW_MARK.match(text, end):
        return NEW
    if _OLD_MARK.match(text, end):
        return OLD
    return None


def dated_era(published: date | None, period_end: date | None) -> str:
    """The era a text dated so speaks in: 2025 only when everything known is on or after
    1 July 2025 (a 2025 plan published in 2024 is the old unit's); undated, 2008."""
    known = [d for d in (published, period_end) if d is not None]
    return "2025" if known and all(d >= MERGER for d in known) else "2008"


@lru_cache(maxsize=4096)
def resolve_unit(name: str, *, marker: str | None = None, published: date | None = None,
                 period_end: date | None = None) -> Province | None:
    """The unit a name means, and so its code and era: the era its marker says, else the only
    era that has the name (Yên Bái after the merger is still Yên Bái, era 2008), else the era
    of the dates. Never a code looked up by number across eras."""
    index = _places().province_keys
    candidates = next((index[k] for k in _stripped_keys(place_key(name)) if k in index), None)
    if not candidates:
        return None
    era = _MARKED_ERA.get(marker) or dated_era(published, period_end)
    return next((p for p in candidates if p.era == era), candidates[0])


def unit_at(places: list[PlaceMatch], province: Province, at: int, *, published: date | None,
            period_end: date | None, starts: list[int] | None = None) -> Province:
    """The unit a figure at offset `at` about `province` is filed under: the province's name
    resolved with the marker of its last mention before `at`. `starts` (the places' starts)
    lets a long text find that mention by bisection."""
    last = bisect_right(starts, at) if starts is not None else len(places)
    marker = next((places[j].marker for j in range(last - 1, -1, -1)
                   if places[j].end <= at and places[j].province == province), None)
    return resolve_unit(province.name, marker=marker, published=published, period_end=period_end) or province


def find_places(text: str, prefer: Province | None = None, on: date | None = None) -> list[PlaceMatch]:
    """Places named in NFC running text, in order, non-overlapping, the longest name winning.

    Bare names must be written as names (capitalised, accents as spelled, not after "Thị"/"Văn",
    and never bare "Hồ Chí Minh", the president); after a prefix ("tỉnh", "Tỉnh ủy", "huyện",
    "thị xã", "quận", "thành phố", "TP.", "Báo") case and accents may be off. Districts are
    found only after a prefix; "thành phố"/"TP." before a centrally-run city names the
    province. A district name shared by several provinces ("Châu Thành") goes to `prefer`'s
    district when it has one, else to the lowest code. A marker after a province's name
    (`Phú Thọ (mới)`, `Yên Bái cũ`) picks its era; else `on` does, as in lookup_province.
    """
    places = _places()
    folded = " " + text.translate(_FOLD_TABLE)  # a break before the first word: offsets shift by one
    matches = []
    position = 0  # in the text: the pattern's break before a place at `position` stands at `position` in `folded`
    while (found := places.pattern.search(folded, position)) is not None:
        start, end, name_start = found.start("place") - 1, found.end("place") - 1, found.start("name") - 1
        prefix = found.group("prefix") or found.group("abbr")
        match = _resolve(places, text, start, end, name_start, found.group("name"), prefix, prefer, on)
        if match is not None:
            matches.append(match)
            position = end
        elif name_start > start:
            position = name_start  # "cơ quan Tây Ninh": retry the name bare
        else:
            position = end
    return _marked(places, text, matches)


_LIST_GAP = regex.compile(r"[ \t]*(?:,|;|và|,[ \t]*và)[ \t]*")


def _marked(places: _Places, text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """A marker after a province's name holds for it and for the provinces listed right
    before it (`Lâm Đồng, Đắk Nông và Bình Thuận (cũ)`), each then taken in the marked era."""
    marked = list(matches)
    for i, match in enumerate(matches):
        if match.kind != "province" or not (marker := marker_after(text, match.end)):
            continue
        j = i
        while True:
            candidates = next((places.province_keys[k] for k in _stripped_keys(
                place_key(text[matches[j].start:matches[j].end])) if k in places.province_keys), [])
            marked[j] = replace(matches[j], marker=marker, province=_in_era(
                candidates, matches[j].province, _MARKED_ERA[marker]))
            if j == 0 or matches[j - 1].kind != "province" or not _LIST_GAP.fullmatch(
                    text, matches[j - 1].end, matches[j].start):
                break
            j -= 1
    return marked


def _in_era(candidates: list[Province], chosen: Province, era: str) -> Province:
    return chosen if chosen.era == era else next((p for p in candidates if p.era == era), chosen)


def _resolve(places: _Places, text: str, start: int, end: int, name_start: int, name: str, prefix: str | None,
             prefer: Province | None, on: date | None) -> PlaceMatch | None:
    """The place the pattern found at text[start:end]: its name (from `name_start`) written
    after `prefix`, or bare."""
    key = place_key(name)
    if prefix is None:
        return _bare(places, text, start, end, key, on)
    prefix = " ".join(prefix.split())
    written = text[start:name_start]
    unaccented = text[start:end].isascii() and not key.isdigit()  # "tinh Lang Son", not "co quan 1"
    if _signature(written) not in _PREFIX_SIGNATURES and not unaccented:
        return None
    introduces = _PREFIXES[prefix]
    if introduces == "newspaper":  # "Báo Quảng Ngãi"; "Báo Điện Biên Phủ" is Điện Biên's
        if not _written_as_name(places, text, name_start, end, key):
            return None
        province = _pick_province(places.province_keys.get(key, []), on)
        named_districts = places.district_keys.get(key, [])
        if province is None and len(named_districts) == 1:
            province = places.by_code[(named_districts[0].province_code, "2008")]
        return province and PlaceMatch(start, end, "province", province, None)
    province_candidates = places.province_keys.get(key, [])
    if introduces == "province" or (
            introduces == "city" and any(p.kind == _CITY for p in province_candidates)):
        province = _pick_province(province_candidates, on)
        return province and PlaceMatch(start, end, "province", province, None)
    district = _choose_district(places.district_keys.get(key, []), _KIND_OF_PREFIX[prefix], prefer)
    if district is not None:
        province = places.by_code[(district.province_code, "2008")]
        return PlaceMatch(start, end, "district", province, district)
    if introduces == "city" and province_candidates:
        return PlaceMatch(start, end, "province", _pick_province(province_candidates, on), None)
    return None


def _bare(places: _Places, text: str, start: int, end: int, key: str, on: date | None) -> PlaceMatch | None:
    candidates = places.province_keys.get(key)
    if not candidates or key in _NOT_BARE or not _written_as_name(places, text, start, end, key):
        return None
    return PlaceMatch(start, end, "province", _pick_province(candidates, on), None)


def _written_as_name(places: _Places, text: str, start: int, end: int, key: str) -> bool:
    """Capitalised, accented as some spelling of it (tone placement aside), not a person's name."""
    written = text[start:end]
    return (
        text[max(0, start - 4):start] not in _MIDDLE_NAMES
        and all(word[0].isupper() or word[0].isdigit() for word in _WORD.findall(written))
        and _signature(written) in places.spellings[key]
    )


def _choose_district(candidates: list[District], kind: str, prefer: Province | None) -> District | None:
    if not candidates:
        return None
    return min(candidates, key=lambda d: (d.kind != kind, prefer is None or not _belongs(d, prefer), d.code))
