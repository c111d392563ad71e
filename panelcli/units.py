"""Exact conversion between units of one kind (mass, amount or activity per volume); every
other conversion is refused, never guessed."""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from panelcli.names import PLAIN_SLASHES, SLASHLESS_UNITS, unmangled
from panelcli.patterns import lazy_pattern
from panelcli.values import MOLARITY_PREFIX, shorten, unbracketed

_MASS_EXP = {"g": 0, "mg": -3, "ug": -6, "ng": -9, "pg": -12, "fg": -15}
_VOLUME_EXP = {"l": 0, "dl": -1, "cl": -2, "ml": -3, "ul": -6}
#: Russian units' parts, as their Latin letters ('пг/мл' is 'pg/ml')
_CYRILLIC_PARTS = {
    "мкг": "ug", "пг": "pg", "нг": "ng", "мг": "mg", "г": "g", "мкл": "ul", "мл": "ml",
    "дл": "dl", "л": "l", "ед": "u", "ме": "iu",
}  # fmt: skip
_CYRILLIC_UNIT = lazy_pattern("|".join(sorted(_CYRILLIC_PARTS, key=len, reverse=True)))
_MASS_PER_VOLUME = lazy_pattern(r"^(?P<mass>[fpnum]?g)/(?P<volume>[dcmu]?l)$")
_MOLARITY = lazy_pattern(rf"({MOLARITY_PREFIX})M")  # pM is pmol/L, µM µmol/L
_AMOUNT_EXP = {"mol": 0, "mmol": -3, "umol": -6, "nmol": -9, "pmol": -12, "fmol": -15}
_MOLAR_PARTS = lazy_pattern(r"^(?P<amount>[fpnum]?mol)/(?P<volume>[dcmu]?l)$")
_ARBITRARY_PARTS = lazy_pattern(r"^(?P<prefix>[kmu]?)(?P<unit>iu|u)/(?P<volume>[dcmu]?l)$")


class UnitProblem(ValueError):
    """A unit that cannot be converted; `code` is stable, the message says why in words."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@lru_cache(maxsize=512)
def unit_key(unit: str) -> str:
    """Normalise spelling: case, spaces, micro signs (µ, μ, u, mc), 'per', and a stray stop
    or semicolon at the end ('pg/ml.')."""
    if "^" in unit:  # HL7 v2's coded unit, unit^text^system: its code (lab QA: refused);
        code, _, rest = unit.partition("^")  # not a power ('10^9/L')
        if not rest[:1].isdigit() and rest[:1] not in ("-", "+"):
            unit = code
    text = unicodedata.normalize("NFKC", unmangled(unit)).replace(" ", "").rstrip(".;:,")
    if not text.isascii():  # a division or fraction slash, 'pg∕mL'
        text = text.translate(PLAIN_SLASHES)
    text = unbracketed(text)  # QA: a unit cell '(pg/mL)' could not be converted to pg/mL
    molarity = _MOLARITY.fullmatch(text)
    if molarity is not None:  # 'pM' (case matters: a capital M is molar)
        prefix = molarity.group(1)
        return f"{'u' if prefix in ('µ', 'μ', 'mc') else prefix}mol/l"
    text = text.casefold().replace("μ", "u").replace("per", "/")
    if not text.isascii() and "л" in text:  # Russian 'пг/мл', 'нг/л' (lab QA round 13)
        text = _CYRILLIC_UNIT.sub(lambda m: _CYRILLIC_PARTS[m[0]], text)
    # in words, as a person types them (QA: 'picograms per mL', 'pg mL-1' were no units)
    # (patterns compiled on first use: most files never write a unit so)
    if "gram" in text:
        text = re.sub(_MASS_WORD, lambda m: f"{_PREFIX_OF[m[1] or '']}g", text)
    if "lit" in text:
        text = re.sub(_VOLUME_WORD, lambda m: f"{_PREFIX_OF[m[1] or '']}l", text)
    if text.endswith("-1"):
        text = re.sub(_INVERSE_VOLUME, r"\1/\2", text)
    if text.startswith("mc") and text[2:3] in ("g", "i", "u", "m"):  # mcg, mcIU, mcU, mcmol
        text = "u" + text[2:]
    return text.replace("/mcl", "/ul")


_PREFIX_OF = {"pico": "p", "nano": "n", "micro": "u", "milli": "m", "deci": "d", "": ""}
_MASS_WORD = r"(pico|nano|micro|milli)?grams?"
_VOLUME_WORD = r"(milli|deci|micro)?lit(?:er|re)s?"
#: 'pgml-1': a mass and a volume to the power -1
_INVERSE_VOLUME = r"^([pnum]?g)([mdu]?l)-1$"


@lru_cache(maxsize=512)
def power_of_ten(unit: str) -> int | None:
    """log10 of the unit in g/L, or None when it is not a mass concentration."""
    match = _MASS_PER_VOLUME.match(unit_key(unit))
    if not match:
        return None
    return _MASS_EXP[match.group("mass")] - _VOLUME_EXP[match.group("volume")]


def unit_as_read(unit: str) -> str:
    """A unit as readers know it: 'ug/L' (sets and files write the ASCII form) as 'µg/L'; a
    terminal without 'µ' shows 'u' again."""
    if unit.startswith("u") and is_mass_concentration(unit):  # a mass unit: 'u' is micro there
        return f"µ{unit[1:]}"
    return unit


def is_mass_concentration(unit: str) -> bool:
    """True for mass-per-volume units (pg/mL, ng/L, µg/L, mg/dL …); `has_family` also takes
    amount (nmol/L) and activity (U/mL) per volume."""
    return power_of_ten(unit) is not None


def is_molar(unit: str) -> bool:
    """True for an amount of molecules per volume (pmol/L, nM)."""
    return _molar_power_of_ten(unit) is not None


def has_family(unit: str) -> bool:
    """True for units panelcli converts among others of their kind: mass per volume (pg/mL =
    ng/L), amount per volume (nmol/L = 1000 pmol/L) and units of activity (U/mL = kU/L =
    1000 U/L; µIU/mL = mIU/L, never U into IU). The rest convert to nothing but their own
    spellings."""
    return (
        is_mass_concentration(unit)
        or _molar_power_of_ten(unit) is not None
        or _activity_exponent(unit) is not None
    )


@lru_cache(maxsize=1024)
def conversion_exponent(from_unit: str, to_unit: str) -> int:
    """The power of ten that turns a value in `from_unit` into `to_unit`; raises UnitProblem."""
    if unit_key(from_unit) == unit_key(to_unit):
        return 0
    source, target = power_of_ten(from_unit), power_of_ten(to_unit)
    if source is not None and target is not None:
        return source - target
    activity = _activity_exponent(from_unit), _activity_exponent(to_unit)
    if activity[0] is not None and activity[1] is not None and activity[0][0] == activity[1][0]:
        return activity[0][1] - activity[1][1]  # U/mL = kU/L; IU and U are never mixed
    molar = _molar_power_of_ten(from_unit), _molar_power_of_ten(to_unit)
    if molar[0] is not None and molar[1] is not None:
        return molar[0] - molar[1]  # molecules per volume: nmol/L = 1000 pmol/L, exactly
    if (molar[0] is not None and target is not None) or (
        source is not None and molar[1] is not None
    ):
        # Plain words first; 'molar' last, for lab staff (educator QA).
        # QA: 'which varies' did not say what varies; 'pmol/L is a weight' (nmol/L's row)
        said = (
            f"unit '{shorten(from_unit)}' counts molecules (a molar unit), but {to_unit} is a "
            "weight"
            if molar[0] is not None
            else f"unit '{shorten(from_unit)}' is a weight, but {to_unit} counts molecules (a "
            "molar unit)"
        )
        raise UnitProblem(
            "unit-molar",
            f"{said}; a molecule's weight differs between tests, so panelcli does not "
            f"convert it; a ranges file in {shorten(from_unit)}, or (one row per result) the "
            "lab's range in the row, lets it be judged",
        )
    relative = SLASHLESS_UNITS.get(unit_key(from_unit))
    if relative is not None:  # not a concentration at all: no factor could help
        raise UnitProblem(
            "unit-not-concentration",
            f"unit '{shorten(from_unit)}' is {relative}, not a concentration; panelcli judges "
            f"concentrations (such as {to_unit}), so it cannot judge this value",
        )
    if source is None and target is not None and _ARBITRARY_PARTS.match(unit_key(from_unit)):
        raise UnitProblem(
            "unit-not-convertible",
            # QA: 'check the unit's spelling' sent lab staff looking for a typo in 'U/mL'
            f"unit '{shorten(from_unit)}' counts units of activity that each test defines in "
            f"its own way, so there is no fixed factor to {to_unit}; a ranges file in this "
            "unit, or (in a file with one row per result) the lab's own range in a "
            "reference-range column, lets panelcli judge it",
        )
    if source is None and target is not None:
        typo = unit_typo_of(from_unit)
        # 'pg/mL x2', '10³ pg/mL': a factor, which taking off as a slip would leave out (lab QA
        # round 9: 'did you mean pg/mL?' would have halved every value)
        factor = any(character.isdigit() for character in from_unit)
        raise UnitProblem(
            "unit-not-convertible",
            f"unit '{shorten(from_unit)}' cannot be converted to {to_unit}: panelcli knows no "
            "fixed factor between them (it converts mass per volume, such as pg/mL, ng/L, "
            "ng/mL, µg/L; "
            + (
                "a number in the unit may be a factor: give each value multiplied out, in a "
                "unit such as pg/mL)"
                if factor
                else "check the unit's spelling" + (f": did you mean {typo}?)" if typo else ")")
            ),
        )
    typo = unit_typo_of(to_unit)
    raise UnitProblem(
        "unit-mismatch",
        f"unit '{shorten(from_unit)}' does not match the reference unit {to_unit} "
        "and there is no fixed factor between them"
        # QA: a ranges file's 'pgs/ml' refused every pg/mL row, blaming the data
        + (f" (is the set's unit a slip for {typo}?)" if typo else ""),
    )


#: Units labs write for cytokines and their kin, for 'did you mean' hints.
_COMMON_UNITS = (
    "pg/mL", "ng/mL", "ng/L", "µg/L", "µg/mL", "mg/L", "mg/dL", "g/L", "pmol/L", "nmol/L",
    "U/mL", "U/L", "kU/L", "IU/mL", "mIU/mL", "IU/L",
)  # fmt: skip


@lru_cache(maxsize=256)  # asked per row of a unit it cannot convert: difflib is slow
def unit_typo_of(unit: str) -> str | None:
    """The common unit ('pg/mL') a unit panelcli cannot convert looks like a slip for
    ('pgs/ml'); None for a unit it converts, and for one like no common unit."""
    key = unit_key(unit)
    # Review: 'AU/mL' (arbitrary units), 'pg/mg' (per weight of tissue) and 'ng/mL/h' (a
    # rate) are units of their own, close as they look to U/mL, pg/mL and ng/mL.
    if has_family(unit) or key.startswith("au") or key.count("/") != 1 or key.endswith("g"):
        return None
    if any(character.isdigit() for character in key):  # a factor ('pg/mL x2'), not a slip
        return None
    keys = {unit_key(common): common for common in _COMMON_UNITS}
    # A 'µ' lost on saving as Windows-1252 or ASCII ('?g/L', '�g/L'), or DOS code page 850's
    # µ read as Windows-1252 ('æg/l'): µ is what it was (QA: '?g/L' was taken for 'g/L', a
    # million times more)
    written = unit.strip()
    if written[:1] in ("?", "\ufffd", "æ"):
        return keys.get(unit_key("µ" + written[1:]))
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.8)
    # never another prefix: 'xg/l' is no slip for g/L, a million times more, nor 'ag/mL' for
    # µg/mL, nor 'pg/nL' for pg/mL (QA)
    if not close or any(
        ours is not None and theirs is not None and ours != theirs
        for ours, theirs in zip(_prefixes(key), _prefixes(close[0]), strict=True)
    ):
        return None
    return keys[close[0]]


def _prefixes(key: str) -> tuple[str | None, str | None]:
    """The prefixes of a unit key's gram and litre ('p' and 'm' of 'pgs/ml'), None for a part
    with neither (a typo there, 'pq/ml' or 'mUI/mL', still gets its hint: review)."""
    numerator, _, denominator = key.partition("/")
    return (
        numerator[: numerator.index("g")] if "g" in numerator else None,
        denominator[: denominator.index("l")] if "l" in denominator else None,
    )


def _activity_exponent(unit: str) -> tuple[str, int] | None:
    """('u' or 'iu', log10 of the unit in units per litre) for U/mL, kIU/L …; else None."""
    match = _ARBITRARY_PARTS.match(unit_key(unit))
    if match is None:
        return None
    prefix = {"": 0, "k": 3, "m": -3, "u": -6}[match.group("prefix")]
    return match.group("unit"), prefix - _VOLUME_EXP[match.group("volume")]


@lru_cache(maxsize=256)
def _molar_power_of_ten(unit: str) -> int | None:
    """log10 of the unit in mol/L, or None when it is not an amount per volume."""
    match = _MOLAR_PARTS.match(unit_key(unit))
    if match is None:
        return None
    return _AMOUNT_EXP[match.group("amount")] - _VOLUME_EXP[match.group("volume")]


#: Nothing in blood is more concentrated than blood itself (about 1 kg per litre).
MAX_GRAMS_PER_LITRE = 1000.0
#: What a value or a limit past it is, in the words every message uses (review: three ways).
PAST_PHYSICAL_LIMIT = "more than 1 kg per litre, which no blood concentration reaches"


def exceeds_physical_limit(value: float, unit: str) -> bool:
    """True when a mass concentration is above 1 kg/L: a typo or a wrong unit, not a result."""
    power = power_of_ten(unit)
    return power is not None and value * 10.0**power > MAX_GRAMS_PER_LITRE


def convert(value: float, exponent: int) -> float:
    """Multiply by 10**exponent exactly in decimal, then round once to the nearest float."""
    if exponent == 0:
        return value
    return float(Decimal(repr(value)).scaleb(exponent))


@lru_cache(maxsize=256)
def ucum_code(unit: str) -> str | None:
    """The UCUM code for a unit panelcli recognises ('µg/L' → 'ug/L', 'IU/mL' → '[IU]/mL')."""
    key = unit_key(unit)
    for pattern in (_MASS_PER_VOLUME, _MOLAR_PARTS):
        match = pattern.match(key)
        if match:
            amount, volume = match.groups()
            return f"{amount}/{volume[:-1]}L"  # UCUM writes the litre as 'L'
    match = _ARBITRARY_PARTS.match(key)
    if match:
        prefix, kind, volume = match.groups()
        return f"{prefix}{'[IU]' if kind == 'iu' else 'U'}/{volume[:-1]}L"
    return "%" if key == "%" else None


def how_far_apart(a: str, b: str) -> str:
    """What a `unit-conflict` says of two units that differ: the factor between them only
    where both are mass per volume of known scale ('ng/mL' and 'pg/mL': 1000); else that
    panelcli cannot tell (QA: 'U/mL' against 'ng/mL' was said to be 1000 times off)."""
    first, second = power_of_ten(a), power_of_ten(b)
    if first is None or second is None or first == second:
        return "the two units differ; panelcli cannot tell which is right"
    return f"either could be {10 ** abs(first - second)} times off"


def same_family(a: str, b: str) -> bool:
    """Whether a value in unit `a` converts exactly to unit `b` (one written alike does)."""
    try:
        conversion_exponent(a, b)
    except UnitProblem:
        return False
    return True


def same_unit(a: str, b: str) -> bool:
    """'ng/L' and 'pg/mL' are one unit written two ways; 'ng/mL' and 'pg/mL' are not."""
    try:
        return conversion_exponent(a, b) == 0
    except UnitProblem:  # a unit panelcli cannot convert: the same only if spelled alike
        return unit_key(a) == unit_key(b)
