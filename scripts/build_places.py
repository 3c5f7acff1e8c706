"""Build seeds/provinces.csv and seeds/districts.csv from the `vietnamadminunits` package.

Run once, by hand, when the reference data needs refreshing:

    .venv/bin/pip install -e '.[build]'   # or: .venv/bin/pip install vietnamadminunits
    .venv/bin/python scripts/build_places.py

The package is a build-time source only; the pipeline reads the committed CSVs. Output is
sorted and NFC so that a rerun over the same package version is byte-identical.

Successors come from the package's 2025 converter: `successor_code` is the new unit an old
province went into, `partial_successor_codes` any other new unit that received some of its
wards (a split). The package records no split at province level, so that column is empty
today; the pipeline and the roll-up view read it all the same.

What the package does not hold is curated here, in small tables that the build checks
against the package: spec names that differ from the package's (Thừa Thiên Huế, which the
package already calls "Thành phố Huế"), abbreviations used by the press, and the accented
names of districts merged away before 2025-07-01 (the package keeps them only as folded
keys such as "huyenkyson"; each curated name must fold back to its key or the build fails).
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
import unicodedata
from importlib import resources
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PROVINCE_HEADER = ("code", "era", "name", "kind", "successor_code", "aliases", "partial_successor_codes")
DISTRICT_HEADER = ("code", "name", "kind", "province_code", "aliases")

# Era-2008 rows whose spec name/kind differ from the package (which shows 2025-06-30).
_ERA_2008_OVERRIDES = {"46": ("Thừa Thiên Huế", "tỉnh")}

# Extra names by (era, canonical name); "*" applies to both eras.
_PROVINCE_ALIASES = {
    ("*", "Hồ Chí Minh"): ("TP.HCM", "TPHCM", "HCM", "Sài Gòn"),
    ("*", "Bà Rịa - Vũng Tàu"): ("BR-VT", "BRVT", "Bà Rịa Vũng Tàu"),
    ("2008", "Thừa Thiên Huế"): ("Huế", "TT-Huế"),
    ("2025", "Huế"): ("Thừa Thiên Huế", "TT-Huế"),
    ("*", "Đắk Lắk"): ("Đăk Lăk", "Đắc Lắc"),
    ("*", "Đắk Nông"): ("Đăk Nông",),
    ("*", "Kon Tum"): ("Kontum",),
    ("*", "Bắc Kạn"): ("Bắc Cạn",),
}

# Accented names for the package's folded former-district keys (type word stripped).
# Several package keys may reach one entry ("huyenkyson", "kyson").
_FORMER_DISTRICTS = {
    "thongnong": "Thông Nông",
    "phuchoa": "Phục Hòa",
    "quanguyen": "Quảng Uyên",
    "kyson": "Kỳ Sơn",
    "hoanhbo": "Hoành Bồ",
    "yendung": "Yên Dũng",
    "myloc": "Mỹ Lộc",
    "ninhbinh": "Ninh Bình",
    "dongson": "Đông Sơn",
    "tinhgia": "Tĩnh Gia",
    "cualo": "Cửa Lò",
    "namdong": "Nam Đông",
    "nongson": "Nông Sơn",
    "taytra": "Tây Trà",
    "cattien": "Cát Tiên",
    "dateh": "Đạ Tẻh",
    "datdo": "Đất Đỏ",
    "longdien": "Long Điền",
    "tanthanh": "Tân Thành",
    "2": "Quận 2",
    "9": "Quận 9",
}

# Abbreviations by district code.
_DISTRICT_ALIASES = {"094": ("ĐBP",)}

_TYPE_WORDS = ("thanhpho", "district", "thixa", "huyen", "quan", "tp", "tx", "q")


def _glue(name: str) -> str:
    """The package's key form: no accents, no spaces, lowercase."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


def _forms(key: str) -> set[str]:
    """A folded key with and without a type word: 'huyenkyson' -> {'huyenkyson', 'kyson'}.

    Both readings are kept because names may start like a type word (Quảng Uyên:
    'quanguyen'); numbered districts drop leading zeros ('q09' -> '9').
    """
    forms = {key}
    for word in _TYPE_WORDS:
        if key.startswith(word) and len(key) > len(word):
            forms.add(key[len(word):])
        if key.endswith(word) and len(key) > len(word):
            forms.add(key[: -len(word)])
    return {f.lstrip("0") or f for f in forms}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _kind(full_name: str) -> str:
    return "thành phố" if full_name.startswith("Thành phố") else "tỉnh"


def _query(db: sqlite3.Connection, sql: str) -> list[tuple]:
    return [tuple(_nfc(v) if isinstance(v, str) else v for v in row) for row in db.execute(sql)]


def _receivers(converter: dict) -> dict[str, set[str]]:
    """Old province key -> every new province key that received one of its wards."""
    receivers: dict[str, set[str]] = {}
    for new, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for old_wards in wards.values():
            for old_ward in old_wards:
                receivers.setdefault(old_ward.split("_")[0], set()).add(new)
    for new, old_wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_ward in old_wards:
            receivers.setdefault(old_ward.split("_")[0], set()).add(new)
    return receivers


def _provinces(db: sqlite3.Connection, converter: dict) -> list[tuple[str, ...]]:
    merges: dict[str, list[str]] = converter["DICT_PROVINCE"]
    columns = "SELECT DISTINCT provinceCode, province, provinceShort, provinceKey FROM"
    legacy = _query(db, f"{columns} admin_units_legacy")
    current = _query(db, f"{columns} admin_units")
    new_code = {key: code for code, _, _, key in current}
    successor = {old: new_code[new] for new, olds in merges.items() for old in olds}
    receivers = _receivers(converter)
    rows = []
    for era, units in (("2008", legacy), ("2025", current)):
        for code, full, short, key in units:
            name, kind = (short, _kind(full))
            if era == "2008":
                name, kind = _ERA_2008_OVERRIDES.get(code, (name, kind))
            aliases = _PROVINCE_ALIASES.get(("*", name), ()) + _PROVINCE_ALIASES.get((era, name), ())
            partial = sorted({new_code[n] for n in receivers.get(key, ())} - {successor[key]}) if era == "2008" else []
            rows.append((code, era, name, kind, successor[key] if era == "2008" else "", ";".join(aliases),
                         ";".join(partial)))
    used = {(era, name) for _, era, name, *_ in rows}
    unused = [k for k in _PROVINCE_ALIASES if k not in used and ("2008", k[1]) not in used]
    if unused:
        sys.exit(f"curated aliases name no province: {unused}")
    return sorted(rows, key=lambda r: (r[1], r[0]))


def _district_aliases(code: str, name: str, package_aliases: str | None) -> tuple[str, ...]:
    aliases: list[str] = list(_DISTRICT_ALIASES.get(code, ()))
    own = _glue(name)
    for key in json.loads(package_aliases or "[]"):
        forms = _forms(key)
        if own in forms:
            continue  # same place under its former type (thị xã became thành phố)
        display = next((_FORMER_DISTRICTS[f] for f in sorted(forms) if f in _FORMER_DISTRICTS), None)
        if display is None:
            sys.exit(f"district {code} {name}: no curated name for package alias {key!r}")
        if not forms & _forms(_glue(display)):
            sys.exit(f"curated name {display!r} does not fold to {key!r}")
        if display not in aliases:
            aliases.append(display)
    return tuple(aliases)


def _districts(db: sqlite3.Connection) -> list[tuple[str, ...]]:
    units = _query(
        db,
        "SELECT DISTINCT districtCode, districtShort, districtType, provinceCode, districtAlias "
        "FROM admin_units_legacy",
    )
    rows = []
    for code, short, kind, province_code, package_aliases in units:
        name = short.split(" (")[0]  # "Kỳ Anh (Thị xã)": the package's own disambiguation
        aliases = _district_aliases(code, name, package_aliases)
        rows.append((code, name, kind.lower(), province_code, ";".join(aliases)))
    return sorted(rows)


def _write(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main() -> None:
    data = resources.files("vietnamadminunits") / "data"
    converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as db:
        provinces = _provinces(db, converter)
        districts = _districts(db)
    _write(SEEDS / "provinces.csv", PROVINCE_HEADER, provinces)
    _write(SEEDS / "districts.csv", DISTRICT_HEADER, districts)


if __name__ == "__main__":
    main()
