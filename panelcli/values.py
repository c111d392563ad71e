"""Reading a result cell: plain numbers, decimal commas and censored notations such as '<2.0'."""

from __future__ import annotations

import codecs
import functools
import math
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal, NamedTuple

from panelcli.models import Comparator
from panelcli.patterns import lazy_pattern

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
#: `PLAIN_NUMBER(text)` matches a bare number such as '12.5' (the common case, checked first).
PLAIN_NUMBER = _NUMBER.match
#: '1.234', '>12.500', '1.500 pg/mL': where ',' is the decimal mark, the '.' may group
#: thousands (a number with 1-3 digits, then a group of three after one dot, nothing more;
#: '1.234.567' can only group thousands, and is read so: lab QA round 21).
DOT_MAY_GROUP_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}\.\d{3}(?![\d.,])").search
#: The same for ',' where it is read as the decimal mark: '12,345' may mean 12345.
COMMA_MAY_GROUP_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d.,])").search
#: A number whose ',' can only group thousands: before a decimal point ('1,234.5')
COMMA_GROUPS_BEFORE_POINT = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+\.\d+(?![\d.,])").search
#: A number with a '.' (and no ',' or second '.' beside it)
_POINT_NUMBERS = re.compile(r"(?<![\d.,])\d*\.\d+(?![\d.,])").finditer


def value_shows_decimal_point(text: str) -> str | None:
    """The number in a value that writes '.' as its decimal point for certain: one whose '.'
    cannot group thousands as `DOT_MAY_GROUP_THOUSANDS` reads it ('2.5', '0.125', '1234.567',
    '1,234.5'; not '2.500'), else None."""
    if "." not in text:
        return None
    if text.replace(".", "", 1).isdecimal():  # '12.345', as most values are: read quickly
        point = text.index(".")
        may_group = 0 < point <= 3 and len(text) - point == 4 and text[0] != "0"
        return None if may_group else text
    grouped = COMMA_GROUPS_BEFORE_POINT(text)
    if grouped:
        return grouped.group()
    for number in _POINT_NUMBERS(text):
        if not DOT_MAY_GROUP_THOUSANDS(number.group()):
            return number.group()
    return None


def comma_grouping_shown(value: str) -> str | None:
    """The number in a value that groups thousands with ',' before its point ('1,340.5'), else
    None: a ',' file that writes it reads its '"1,120"' as 1120."""
    grouped = COMMA_GROUPS_BEFORE_POINT(value) if "," in value else None
    return grouped.group() if grouped else None


def decimal_point_shown(value: str, printed_range: str | None = None) -> str | None:
    """The number that shows '.' as the decimal point for certain (`value_shows_decimal_point`)
    in a value, else in its printed range ('0-7.5'), as a row's are met: one rule for each
    way a row is read."""
    return value_shows_decimal_point(value) or (
        value_shows_decimal_point(printed_range) if printed_range else None
    )


_COMPARATOR = lazy_pattern(r"^(?P<cmp><=|>=|=<|=>|<|>|≤|≥|⩽|⩾|≦|≧)\s*(?P<rest>.*)$")
_COMPARATOR_SPELLING: dict[str, Comparator] = {
    "<": "<", ">": ">", "<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=",
    "≤": "<=", "≥": ">=", "⩽": "<=", "⩾": ">=", "≦": "<=", "≧": ">=",
}  # fmt: skip
# Notations that carry no number: below detection / out of range. Keys are lower-case with
# spaces, dots, underscores and hyphens removed.
_NO_NUMBER: dict[str, Comparator] = {
    "nd": "<", "notdetected": "<", "notdetectable": "<", "undetectable": "<",
    "undetected": "<", "blq": "<", "bql": "<", "bloq": "<", "bdl": "<",
    "belowdetection": "<", "belowdetectionlimit": "<", "belowlod": "<", "<lod": "<",
    "<lloq": "<", "<loq": "<", "<dl": "<", "oor<": "<", "oorlow": "<",
    "belowlloq": "<", "belowloq": "<",  # QA: '<LLOQ' was read, 'below LLOQ' refused
    "oor>": ">", "oorhigh": ">", ">uloq": ">", "aboveuloq": ">", "abovelimit": ">",
    # 'OOR' spelled out (lab QA round 23: refused, with a hint to move words to a comment)
    "outofrange<": "<", "outofrangelow": "<", "outofrange>": ">", "outofrangehigh": ">",
    "alq": ">", "aql": ">", "aloq": ">",  # above the quantification limit (lab QA: refused)
    "nn": "<", "nichtnachweisbar": "<",  # German exports: 'n.n.', "not detectable"
    # ... and below its detection limit (Nachweisgrenze) or quantification limit
    # (Bestimmungsgrenze), also as 'kleiner NWG' (QA round 2: refused)
    "<nwg": "<", "<nachweisgrenze": "<", "unternachweisgrenze": "<", "<bg": "<",
    "<bestimmungsgrenze": "<", "unterbestimmungsgrenze": "<",
    # Spanish, French and Italian exports: "not detectable", below the detection limit (LD)
    "nodetectable": "<", "<ld": "<", "nondétectable": "<", "nondetectable": "<",
    "<ldd": "<", "nonrilevabile": "<", "nodetectado": "<",
    # lab QA round 11: Spanish, French, Portuguese, Italian and Dutch words refused
    "indetectable": "<", "nondétecté": "<", "nondetecte": "<", "indétectable": "<",
    "nãodetectável": "<", "naodetectavel": "<", "nãodetectado": "<", "naodetectado": "<",
    "indetectável": "<", "indetectavel": "<", "nonrilevato": "<", "nietaantoonbaar": "<",
    "nietdetecteerbaar": "<", "ondernachweisgrens": "<", "onderdetectiegrens": "<",
    "sottoillimitedirilevabilità": "<", "sottoillimitedirilevabilita": "<",
    "abaixodolimitededetecção": "<", "abaixodolimitededeteccao": "<",
    "pordebajodellímitededetección": "<", "pordebajodellimitededeteccion": "<",
    "inférieurauseuildedétection": "<", "inferieurauseuildedetection": "<",
    # MSD Discovery Workbench's words for a signal past the detection range or the fit curve
    "abovedetectionrange": ">", "abovefitcurverange": ">",
    "belowdetectionrange": "<", "belowfitcurverange": "<",
    # lab QA round 14 (refused as 'not a number'): not quantifiable, below the lower limit of
    # detection, German below the detection limit (NG) or above the measuring range, Danish,
    # Norwegian and Swedish 'not detected'
    "nq": "<", "<lld": "<", "unterhalbdernachweisgrenze": "<", "<ng": "<",
    "übermessbereich": ">", "ubermessbereich": ">", ">messbereich": ">", "uebermessbereich": ">",
    "untermessbereich": "<", "<messbereich": "<",
    "ikkepåvist": "<", "ikkepavist": "<", "ejpåvisbar": "<", "ejpavisbar": "<",
    "ikkepåviselig": "<", "ikkepaviselig": "<",
}  # fmt: skip
#: MSD's 'Detection Range' column: which side of its number the true value is on ('' for a
#: measured value). Keys as `_NO_NUMBER`'s.
_DETECTION_RANGE: dict[str, Literal["", "<", ">"]] = {
    "": "", "indetectionrange": "", "abovedetectionrange": ">", "abovefitcurverange": ">",
    "belowdetectionrange": "<", "belowfitcurverange": "<",
}  # fmt: skip
# Of those, the ones that mean "below quantification": the true value is under the LLOQ, which
# may be above the LOD, so only `lloq` may stand in for the number (`lod` would be unsound).
_BELOW_QUANTIFICATION = frozenset({
    "blq", "bql", "bloq", "<lloq", "<loq", "belowlloq", "belowloq", "oor<", "oorlow", "<bg",
    "outofrange<", "outofrangelow",
    "<bestimmungsgrenze", "unterbestimmungsgrenze", "nq",
})  # fmt: skip
#: Molarity as labs abbreviate it ('pM' is pmol/L; `units.unit_key` reads it): a unit with no
#: '/', so spelled out wherever a unit is recognised by its '/'. Never a bare 'M' (no cytokine
#: comes near a mole per litre, and an M there is more likely a misplaced sex); case matters.
MOLARITY_PREFIX = r"[fpnuµμm]|mc"
MOLARITY = rf"(?:{MOLARITY_PREFIX})M"
#: A unit after a value and a space ('12.5 pg/mL', 'ND pg/mL', '3 pM')
_UNIT_AT_END = rf"\s+(?P<unit>[^\d\s][^\s]*/[^\s]+|{MOLARITY})$"
#: Words and a unit after them ('ND pg/mL', 'OOR > pM'), as `_VALUE_WITH_UNIT` reads a number's.
_WORDS_WITH_UNIT = lazy_pattern(rf"^(?P<words>.*\S){_UNIT_AT_END}")
_VALUE_WITH_UNIT = lazy_pattern(rf"^(?P<number>[^\s]+){_UNIT_AT_END}")
#: A space between groups of three digits ('1 234,5'): a plain, no-break, narrow or thin one
_GROUPING_SPACES = r"[ \u00a0\u202f\u2009]"
_SPACE_GROUPED_DIGITS = rf"\d{{1,3}}(?:{_GROUPING_SPACES}\d{{3}})+(?:[.,]\d+)?"
#: A number grouped by spaces with its unit ('1 500,5 ng/L': lab QA, refused while '1 500,5'
#: and '1500 pg/mL' were read); asked only of a cell with a space (per-row cost)
_SPACED_VALUE_WITH_UNIT = lazy_pattern(rf"^(?P<number>{_SPACE_GROUPED_DIGITS}){_UNIT_AT_END}")
#: '12.5 H', '3.1L', '40 (HH)': a lab's high/low flag after the number.
_FLAGGED = lazy_pattern(
    r"^(?P<number>[+-]?[\d.,]*\d(?:[eE][+-]?\d+)?)\s*"
    r"(?P<flag>([(\[]?)(?:hh|ll|aa|ch|cl|hp|lp|hi|lo|high|low|h|l|normal|abnormal|n|a)[)\]]?)$",
    re.IGNORECASE,
)
#: A value with a starred flag after it ('512 H*': VA CPRS's critical high)
_STARRED_FLAG = lazy_pattern(r"^(?P<number>[+-]?[\d.,]*\d)\s+(?P<flag>[HhLl])\s?\*$")
#: A cell's last word, after a space: a lab's flag if `lab_flag` reads it ('ND N').
_AFTER_A_SPACE = lazy_pattern(r"^(?P<rest>.*\S)\s+(?P<flag>\S+)$")
#: ... its last two words ('Critical High')
_AFTER_TWO_WORDS = lazy_pattern(r"^(?P<rest>.*\S)\s+(?P<flag>\S+\s+\S+)$")
#: A lab's flag as written → as HL7 writes it: high, low, critically so, normal, abnormal.
_FLAG_CODE = {
    "hh": "HH", "ll": "LL", "h": "H", "hi": "H", "high": "H", "l": "L", "lo": "L", "low": "L",
    "n": "N", "normal": "N", "a": "A", "abnormal": "A",
    # Hospital systems' words (Epic writes 'Critical High'; found in QA)
    "critical high": "HH", "critical low": "LL", "critically high": "HH",
    "critically low": "LL", "panic high": "HH", "panic low": "LL", "crit high": "HH",
    "crit low": "LL", "kritisch hoch": "HH", "kritisch erhöht": "HH", "kritisch niedrig": "LL",
    "kritisch erniedrigt": "LL",
    # Critical, with no side: the value's side is taken where it is judged (`critical_side`)
    "critical": "CRIT", "crit": "CRIT", "crit.": "CRIT", "kritisch": "CRIT", "crítico": "CRIT",
    "aa": "CRIT",  # HL7's 'critically abnormal' (QA: unreadable, and '30 AA' refused)
    # hospital systems' critical flags (QA: 'CH' and 'Panic' were unreadable, the lab's
    # critical mark lost); a lone 'C' is not read: some systems mean 'corrected' by it
    "ch": "HH", "cl": "LL", "hp": "HH", "lp": "LL", "panic": "CRIT",
    "critico": "CRIT", "crítica": "CRIT", "critica": "CRIT",
    # German, French and Spanish LIS words (QA: 'hoch' refused the row it flagged), in each
    # gender ('alta', 'élevée', 'basse')
    "hoch": "H", "erhöht": "H", "erhoeht": "H", "élevé": "H", "eleve": "H", "élevée": "H",
    "elevee": "H", "alto": "H", "alta": "H", "elevado": "H", "elevada": "H",
    "niedrig": "L", "erniedrigt": "L", "bas": "L", "basse": "L", "bajo": "L", "baja": "L",
    "pathologisch": "A",
    "path.": "A", "path": "A", "anormal": "A", "auffällig": "A", "auffaellig": "A",
    # QA round 2: unreadable in a flag column
    "elevated": "H", "increased": "H", "decreased": "L", "reduced": "L",
    "abnormal high": "H", "abnormal low": "L", "high critical": "HH", "low critical": "LL",
    "critical hi": "HH", "critical lo": "LL", "unauffällig": "N", "unauffaellig": "N",
    "im normbereich": "N", "wnl": "N", "within normal limits": "N",
    "abn": "A", "abnl": "A",  # lab QA round 9: '12.3 ABN' was refused as not a number
    # Dutch, Italian, Portuguese and Spanish words (lab QA round 11: '12,5 hoog' and
    # '12,5 aumentato' were refused as not a number), in each gender
    "hoog": "H", "verhoogd": "H", "laag": "L", "verlaagd": "L", "afwijkend": "A",
    "normaal": "N",
    "aumentato": "H", "aumentata": "H", "elevato": "H", "elevata": "H", "basso": "L",
    "bassa": "L", "diminuito": "L", "diminuita": "L", "anomalo": "A", "anomala": "A",
    "aumentado": "H", "aumentada": "H", "baixo": "L", "baixa": "L", "diminuído": "L",
    "diminuido": "L", "diminuída": "L", "diminuida": "L", "disminuido": "L",
    "disminuida": "L",
}  # fmt: skip
#: Symbols a LIS writes in a flag column, read there only: in a value cell '*' marks an
#: estimate ('12.5*') and '-' a sign. A lone dash is no flag (see `is_no_flag`).
#: A known flag with a '*' or '!' after it ('H*', 'L!', 'HH!') is that flag.
_FLAG_SYMBOL = {
    "*": "A", "!": "A", "**": "A", "***": "A", "!!": "A", "+": "H", "↑": "H", "↓": "L",
    "++": "HH", "+++": "HH", "↑↑": "HH", "↑↑↑": "HH", "--": "LL", "↓↓": "LL", "↓↓↓": "LL",
    # an 'Abnormal?' column's answer (Epic; review: 'Y' was unreadable on every such row)
    **dict.fromkeys(("y", "yes", "ja", "oui", "sí", "si"), "A"),
    **dict.fromkeys(("no", "nein", "non"), "N"),
}  # fmt: skip
_FLAG_MARKS = "*!"  # what a LIS may write after a flag to draw the eye to it
#: A lone hyphen, en dash, em dash or minus sign: what exports write in a flag column for "no
#: flag" (a word processor or spreadsheet turns '-' into the others).
_NO_FLAG = frozenset({"-", "\u2013", "\u2014", "\u2212"})


def is_no_flag(text: str) -> bool:
    """Whether a flag cell says "no flag" with a lone dash ('-', '–', '—', '−')."""
    return text.strip() in _NO_FLAG


def writes_a_decimal_comma(text: str) -> bool:
    """Whether a cell shows ',' as the decimal mark ('12,5', '<7,0', '0,5-1,5'; not '12,345',
    nor '1,234.5', whose ',' groups thousands: QA, a tab file read so was then refused)."""
    return (
        "," in text and not COMMA_MAY_GROUP_THOUSANDS(text) and not COMMA_GROUPS_BEFORE_POINT(text)
    )


def value_shows_decimal_comma(text: str) -> bool:
    """Whether a value cell shows ',' as the decimal mark: '3,2' and '<2,5' do; '12,345' (it may
    group thousands) and '1,234.5' (it does) do not, nor a cell that is no value."""
    if not writes_a_decimal_comma(text):
        return False
    try:
        parse_value(text, True)
    except ValueProblem:
        return False
    return True


def comparator_of(text: str) -> Comparator | None:
    """A comparator cell's comparator ('<', '≤', '=>', 'LT', 'OOR <' …), else None ('=' is
    none either)."""
    sign = text.strip()
    return (
        _COMPARATOR_SPELLING.get(sign) or _COMPARATOR_WORDS.get(sign.casefold()) or oor_sign(sign)
    )


#: Comparators in letters, as some LIS write them (QA: 'LT', 'GT' were refused)
_COMPARATOR_WORDS: dict[str, Comparator] = {
    "lt": "<", "gt": ">", "le": "<=", "ge": ">=", "lte": "<=", "gte": ">=",
}  # fmt: skip


def bare_sign(text: str | None) -> Comparator | None:
    """The comparator a cell holds alone, as a sign ('<', '>=', '≤'), not a word ('LT')."""
    return _COMPARATOR_SPELLING.get(text.strip()) if text else None


#: A flag saying the value is past the assay's limits, an estimate ('Conc. > ULOQ', '< LLOQ',
#: 'Above ULOQ', 'Below fit curve range' as Simoa and others write it): its side
_PAST_A_LIMIT = lazy_pattern(
    r"^(?:conc(?:entration)?\.?\s*)?(?:(?P<above>>|above|over)|<|below|under)\s*(?:the\s*)?"
    r"(?:(?P<upper>uloq|ulq|highest\s*standard|upper\s*limit\s*of\s*quantification"
    r"|lin|linearity|linear\s*range)"  # lab QA round 13: '>LIN' was judged as exact
    r"|(?P<lower>l?loq|llq|lod|lld|lowest\s*standard|detection\s*limit"
    r"|lower\s*limit\s*of\s*quantification|quantification\s*limit)"
    r"|(?:standard\s*|fit\s*)?curve(?:\s*range)?)$",
    re.IGNORECASE,
)


def past_a_limit(flag: str) -> Literal["<", ">"] | None:
    """The side a flag cell says the value is past the assay's limit on ('Conc. > ULOQ' →
    '>'), else None: never the other side ('> LLOQ' was measured) nor a bare 'range' (review)."""
    found = _PAST_A_LIMIT.match(flag.strip())
    if (
        found is None
        or (found["above"] and found["lower"])
        or (not found["above"] and found["upper"])
    ):
        return None
    return ">" if found["above"] else "<"


#: A limit's name alone in a flag column ('LLOQ'): the value is past it, as '<LLOQ' says
_LIMIT_ALONE = {"lloq": "<LLOQ", "loq": "<LOQ", "lod": "<LOD", "lld": "<LOD", "uloq": ">ULOQ"}


def flag_past_a_limit(flag: str) -> tuple[Literal["<", ">"], str] | None:
    """The side a flag column's cell says the value is past the assay's limit on, and what a
    value cell with no number is read as beside it: HL7's '<' and '>' (off the instrument's
    scale), LabKey's 'OOR <', what a value cell says with no number ('BLQ', 'ND'), a limit's
    name ('LLOQ'), 'Conc. > ULOQ' (lab QA round 8: '3.2' beside '<' was judged high)."""
    side = past_a_limit(flag)
    if side is not None:
        return side, f"OOR {side}"
    text = flag.strip()
    sign = oor_sign(text)
    if sign is not None:
        return sign, f"OOR {sign}"
    key = re.sub(r"[\s._-]+", "", text).casefold()
    alone = _LIMIT_ALONE.get(key)
    if alone is not None:
        return ("<" if alone[0] == "<" else ">"), alone
    if key in _NO_NUMBER and key != "nn":  # never a bare 'NN', as `_no_number`
        return ("<" if _NO_NUMBER[key] == "<" else ">"), text
    return None


_OOR_SIGN = lazy_pattern(r"^(?:(?:oor|out\s+of\s+range)\s*)?(?P<sign>[<>])$", re.IGNORECASE)


def sign_cell(text: str | None) -> Comparator | None:
    """What a sign column's cell says: a sign alone ('<', '≥'), or after 'OOR' ('OOR <': lab QA
    round 8, a 'Censor Flag' of 'OOR <' was passed over)."""
    return (bare_sign(text) or oor_sign(text)) if text else None


def oor_sign(text: str) -> Literal["<", ">"] | None:
    """'<' or '>' alone, or after 'OOR' (out of range: 'OOR <', as Luminex and LabKey write
    it), else None."""
    found = _OOR_SIGN.match(text.strip())
    return None if found is None else ("<" if found["sign"] == "<" else ">")


def detection_range_side(text: str) -> Literal["", "<", ">"] | None:
    """A detection-range cell's side ('Above Detection Range' → '>', 'In Detection Range' or
    blank → ''), or None for text panelcli does not read."""
    return _DETECTION_RANGE.get(re.sub(r"[\s._-]+", "", text).casefold())


class ResultStatus(NamedTuple):
    """What a result status cell says: its warning's code, in words, and whether the row is
    judged (False: there is no result to judge)."""

    code: str
    words: str
    judged: bool


_PRELIMINARY = ResultStatus(
    "preliminary", "this result is preliminary, not yet final: the final result may differ", True
)
#: A preliminary status on a row with no value: a result still to come
PRELIMINARY_NO_VALUE = ResultStatus(
    "pending", "this result is preliminary and has no value yet: it is still pending", False
)
_CORRECTED = ResultStatus(
    "corrected", "this result corrects one the lab reported before", True,
)  # fmt: skip
#: HL7's 'N' ('not asked') beside a value: to many labs 'N' is normal (QA: IL-6 45, 18 times
#: the limit, was left out as cancelled, exit 0)
_N_BESIDE_A_VALUE = ResultStatus(
    "status-unread", "'not asked' in HL7's codes but normal to many labs; as a value is given, "
    "it was judged as a final result, as is any other row of this file with this status", True,
)  # fmt: skip


def row_status(text: str, value: str | None) -> ResultStatus | None:
    """`result_status` of a row's status cell beside its value cell: a preliminary status with
    no value yet is a pending one (QA: refused as empty), and 'N' beside a value is judged."""
    status = result_status(text)
    if status is None:
        return None
    written = (value or "").strip()
    says_none = (
        bool(written) and not written[:1].isdigit() and value_says_no_result(written) is not None
    )
    if says_none and (status.code == "preliminary" or text.strip().casefold() == "n"):
        # 'P' or 'N' beside 'pending', 'Cancelled': the value's words say what it is (QA: said
        # preliminary and not given; review: 'Cancelled' was said to be still pending)
        return None
    # a value left out as dashes ('-') is no value (review: 'N' beside it was refused)
    given = bool(written.strip("-–—"))
    if status.code == "preliminary" and not given:
        return PRELIMINARY_NO_VALUE
    if given and text.strip().casefold() == "n":
        return _N_BESIDE_A_VALUE
    return status


#: HL7's observation result statuses (table 0085) and the words LIS write for them; final
#: ones ('F', 'U') say nothing more (QA: preliminary, corrected and cancelled results were
#: all judged alike, a cancelled one as high)
_RESULT_STATUS = {
    **dict.fromkeys(("p", "r", "s", "prelim", "preliminary", "vorläufig", "préliminaire",
                     # review: a 'Verification Status' or 'Auth Status' not yet given
                     "unverified", "not verified", "unauthorised", "unauthorized",
                     "not authorised", "not authorized", "unvalidated", "not validated",
                     # German LIS (review 53: 'nicht validiert' was unread, judged as final)
                     "nicht validiert", "unvalidiert", "nicht freigegeben",
                     # lab QA round 14: Dutch, Spanish, a cobas infinity's 'technical' release
                     "voorlopig", "pendiente de validar", "pendiente validar", "sin validar",
                     "no validado", "technical validated", "technically validated",
                     "provisoire", "provvisorio"),
                    _PRELIMINARY),
    **dict.fromkeys(("c", "corrected", "correction", "korrigiert", "corrigé", "corrige",
                     # lab QA round 14: one such word left the whole column unread, and
                     # every correction in the file with it
                     # (not 'Replaced': in a history export that marks the old row: review)
                     "corr", "corr.", "updated", "corregido", "corrigido", "rectifié",
                     "rectifie", "corretto", "rettificato", "gecorrigeerd", "modificado",
                     "korrektur", "nachtrag/korrektur", "amended", "revised", "modified",
                     # LIS codes (lab QA round 20: 'COR' was unread, the withdrawn IL-6 of 45
                     # judged high; not 'Rev', which may say 'reviewed')
                     "cor", "cor.", "amd", "amd.", "amend", "amend.", "amnd", "amendment",
                     "korr", "korr.", "korrigiert."),
                    _CORRECTED),
    # CDISC SDTM's LBSTAT (second review: said to be 'cancelled')
    "not done": ResultStatus("cancelled", "this test was not done (no result)", False),
    **dict.fromkeys(("x", "cancelled", "canceled", "storniert", "annulé", "annule", "anulado"),
                    ResultStatus("cancelled", "this result was cancelled (no result)", False)),
    **dict.fromkeys(("d", "deleted", "gelöscht"),
                    ResultStatus("deleted", "this result was deleted", False)),
    "w": ResultStatus("wrong", "this result was reported in error", False),
    **dict.fromkeys(("i", "pending", "in process", "ausstehend", "in bearbeitung",
                     "en attente", "en cours", "pendiente"),
                    ResultStatus("pending", "this result is still pending", False)),
}  # fmt: skip


#: 'med. validiert' (a doctor released it: final) and 'techn. validiert' (checked only by
#: the lab's staff, not yet released: preliminary), as German LIS write them
_VALIDATED_BY: dict[str, ResultStatus | None] = {
    "med": None, "medizinisch": None, "ärztlich": None, "aerztlich": None,
    "techn": _PRELIMINARY, "technisch": _PRELIMINARY,
}  # fmt: skip


_FINAL = frozenset({
    "f", "u", "final", "verified", "validated", "complete", "completed", "resulted", "released",
    "endgültig", "définitif", "definitif", "definitivo",
    # review: 'Freigegeben; Nachtrag ausstehend' is final, as 'Released; addendum pending' is
    "freigegeben", "validiert", "abgeschlossen", "validé", "valide", "validado", "liberado",
    # Cerner's 'Auth (Verified)', its everyday final status (lab QA round 7: a warning a row)
    "auth", "authorized", "authorised", "authenticated",
    "comp",  # Meditech's (lab QA round 12: its status column was not read)
    # lab QA round 14: Dutch, Italian, Spanish (beside 'Voorlopig': the column was unread)
    "geautoriseerd", "gevalideerd", "definitief", "validato", "validada",
})  # fmt: skip
#: A status's first word that says what it is, whatever follows ('Final; addendum pending',
#: 'Corrected - previously reported in error': review, read by a later word)
_FIRST_WORD = {
    **dict.fromkeys(("corrected", "correction", "amended", "revised", "korrigiert", "corrigé",
                     "modified", "edited"),  # Cerner's 'Modified', Epic's 'Edited Result'
                    "corrected"),
    **dict.fromkeys(("preliminary", "prelim", "provisional", "partial", "vorläufig"),
                    "preliminary"),
}  # fmt: skip
#: Whole words or phrases that say there is no result (QA: 'Test cancelled', 'Entered in
#: Error', 'Voided', 'Specimen Rejected', 'QNS' were judged as final results); as words, not
#: parts ('avoid' is no 'void': review)
_NOT_GIVEN = {
    **dict.fromkeys(("cancelled", "canceled", "cancel", "cancellation", "storniert", "annulé",
                     "annule", "anulado", "voided", "void", "rejected", "reject", "qns", "dnp",
                     "not performed", "not done", "not received", "nicht durchgeführt"), "x"),
    **dict.fromkeys(("error", "wrong", "incorrect"), "w"),
    **dict.fromkeys(("pending", "ausstehend", "pendiente"), "i"),
}  # fmt: skip
#: Words after a final status's first word that cancel it ('Validé; annulé')
_CANCEL_WORDS = frozenset({"storniert", "annulé", "annule", "anulado", "cancelado"})
#: Words that say a cancel after a final status's first word is of a result it replaces
_REPLACING = frozenset({
    "replaces", "replaced", "replacing", "supersedes", "superseded", "previously", "previous",
    "formerly",
})  # fmt: skip
#: Words before a phrase that deny it ('not cancelled', 'no error', 'never voided')
_DENYING = (" not ", " no ", " never ")
#: Words after a final status's first word that make it a correction
# (not the round 14 words 'updated', 'corr': 'Updated - pending' and 'Final (not updated)'
# were read as corrections, a pending 85 in place of the final 1.5: review)
_CORRECTION_WORDS = frozenset(
    {"corrected", "amended", "korrigiert", "corrigé", "corrige", "corregido", "corrigido"}
)
_UNREAD_STATUS = ResultStatus(
    "status-unread", "nothing panelcli reads (such as P, C, F or X): the row was judged as a "
    "final result, as is any other row of this file with this status", True,
)  # fmt: skip


#: A column that marks a row's result: 'excluded' where a yes ('Excluded' Y, 'Outlier' X) says
#: it is not to be used, 'reportable' where a no does ('Reportable' N), 'released' where a no
#: says it is not yet final ('Verified' N) (lab QA round 19: an excluded IL-6 of 38 pg/mL was
#: judged high, exit 1)
MARK_KINDS = ("excluded", "reportable", "released")
#: (not '1' and '0': a count column so named, 'Rejected', would lose its rows marked 1, and
#: whether a column is one cannot wait for a row that shows a 3: second review)
_YES = frozenset({"y", "yes", "true", "x", "ja", "j", "oui", "o", "sí", "si", "wahr", "vrai",
                  "✓", "✔"})  # fmt: skip
_NO = frozenset({"n", "no", "false", "nein", "non", "falsch", "faux"})
#: A mark's cell left unfilled: says nothing, as a blank one (review: 'Reportable' '-' or
#: 'N/A' dropped its result)
_UNSET = frozenset({"-", "–", "—", "n/a", "na", "?"})
#: What a mark says of a result not to be used
MARKED_NOT_TO_USE = "this result is marked not to be used"
_EXCLUDED = ResultStatus("excluded", MARKED_NOT_TO_USE, False)
_MARKED_UNREAD = ResultStatus(
    "status-unread", "nothing panelcli reads as yes or no: the row was judged as a final "
    "result, as is any other row of this file with this mark", True,
)  # fmt: skip


def marked_status(text: str, kind: str, column: str = "") -> ResultStatus | None:
    """What a mark column's cell (`MARK_KINDS`) says of its row's result: not to be used, not
    yet final, a mark panelcli cannot read, or None where it says nothing more (or is blank).
    The column's own name is a yes ('Cancelled' in 'Cancelled': review)."""
    said = text.strip().casefold()
    if not said or said in _UNSET:
        return None
    own_name = bool(column) and said == column.strip().casefold()
    if said not in _YES and said not in _NO and not own_name:
        first = re.split(r"[\s,;:()]+|\s*-\s+", said, maxsplit=1)[0]  # 'Y - clotted' (review)
        if first in _UNSET:  # 'N/A - not reviewed' (third review: read as its 'N')
            return None
        if first not in _YES and first not in _NO or first == said:
            return _MARKED_UNREAD
        said = first
    yes = said in _YES or own_name
    if yes == (kind == "excluded"):  # 'Excluded' Y, 'Reportable' N, 'Verified' N
        return _PRELIMINARY if kind == "released" else _EXCLUDED
    return None


def result_status(text: str) -> ResultStatus | None:
    """What a result status cell says, where it says more than 'final' ('F') or nothing: by
    its code or word, else its first word ('Final …', 'Corrected …'), else a word anywhere
    that says there is no result; a status panelcli cannot read says so."""
    said = text.strip().casefold()
    if not said or said in _FINAL or said in _NO_VALUE_MARKS:  # '-': no status (QA: unread)
        return None
    if said in _RESULT_STATUS:
        return _RESULT_STATUS[said]
    if said == "n":  # HL7's 'not asked': no result
        return _RESULT_STATUS["x"]
    words = [word for word in re.split(r"[\W_]+", said) if word]  # 'entered-in-error' too
    if len(words) == 2 and words[1] in ("validiert", "freigegeben") and words[0] in _VALIDATED_BY:
        # a German LIS's 'Validierung' column (lab QA round 10: 'techn. validiert' was final)
        return _VALIDATED_BY[words[0]]
    first = words[0] if words else ""
    if first in _FINAL:  # 'Final; addendum pending', 'Final - no error' (review)
        if _CORRECTION_WORDS & set(words):  # 'Freigegeben; korrigiert' too (review)
            return _CORRECTED
        # a cancel after it ('Freigegeben; storniert', 'Final; cancelled - duplicate', 'Final;
        # QNS', 'Final; entered in error': review, QA), but not one said of a result it
        # replaces ('Final - replaces voided result', 'previously cancelled') or denied
        # ('Final; not cancelled', 'Final - no error'); not a pending addendum
        if _CANCEL_WORDS & set(words) and not _REPLACING & set(words):
            return _RESULT_STATUS["x"]
        if _REPLACING & set(words):
            return None
        return _not_given_in(words[1:], final=True, denied=True)
    if first in _FIRST_WORD:
        return _CORRECTED if _FIRST_WORD[first] == "corrected" else _PRELIMINARY
    return _not_given_in(words) or _UNREAD_STATUS


#: What a result cell holds in place of a number where the lab gives no result, besides the
#: cancelling and pending words of `_NOT_GIVEN` (as a status column says them), as words
#: anywhere in the cell ('Specimen hemolyzed', 'see comment below')
_NO_RESULT_VALUES = {
    **dict.fromkeys(
        ("tnp", "test not performed", "not tested", "not measured", "not analysed", "not run",
         "not analyzed", "nicht bestimmt", "nicht gemessen", "non effectué", "no realizado"),
        "the test was not performed",
    ),
    **dict.fromkeys(
        ("see comment", "see comments", "see note", "see report", "siehe befund",
         "siehe kommentar", "siehe bemerkung", "voir commentaire", "ver comentario"),
        "the result is given in words elsewhere, not as a number",
    ),
    **dict.fromkeys(
        ("hemolyzed", "hemolysed", "haemolysed", "haemolyzed", "hämolytisch", "hämolysiert",
         "hemolysis", "hämolyse", "hémolysé", "hemolizado", "clotted", "geronnen", "coagulé",
         # lab QA round 12: refused as 'not a number'; Nordic and Polish words too
         "wrong tube", "wrong container", "unlabelled specimen", "unlabeled specimen",
         "unlabelled sample", "unlabeled sample", "leaking sample", "leaking specimen",
         "leaked", "sample too old", "specimen too old", "hemolysert", "hemolyserad",
         "hæmolyseret", "hemolysoitunut", "hemolizowana", "hemolityczna", "lab accident",
         "laboratory accident"),
        "the specimen could not be used",
    ),
    **dict.fromkeys(
        ("qns", "q n s", "quantity not sufficient", "insufficient", "insufficient sample",
         # QA: German, French and Spanish LIS' words were refused as no number
         "zu wenig material", "material nicht ausreichend", "matériel insuffisant",
         "materiel insuffisant", "échantillon insuffisant", "echantillon insuffisant",
         "muestra insuficiente"),
        "there was not enough of the specimen to test",
    ),
    **dict.fromkeys(
        ("kein material", "material fehlt", "no specimen", "specimen not received",
         "sample not received", "pas de matériel", "pas de materiel", "sin muestra",
         "specimen lost", "sample lost"),
        "there was no specimen to test",
    ),
    # a result cancelled and its charge taken back (Sunquest, Cerner: lab QA round 12)
    "credited": "this result was cancelled (no result)",
    **dict.fromkeys(("no result", "kein ergebnis"), "the lab gave no result"),
    "cancelado": "this result was cancelled (no result)",
}  # fmt: skip
#: ... and words that say so anywhere in a value cell (lab QA: refused as no number), but in
#: a comment beside a blank value only as the whole of it, as within one they are a caveat on
#: a result ('slightly lipemic - result valid', 'repeat if needed': review)
_NO_RESULT_UNLESS_A_CAVEAT = {
    **dict.fromkeys(
        ("lipemic", "lipaemic", "lipämisch", "lipémique", "lipemico", "icteric", "ikterisch"),
        "the specimen could not be used",
    ),
    "not reported": "the lab gave no result",
    **dict.fromkeys(
        ("repeat", "rerun", "re run", "wird wiederholt"),
        "the lab is to repeat the test: there is no result yet",
    ),
    "to follow": "the result is still to come",
    # lab QA round 7: LIS words and codes for no result, refused as no number (exit 2); short
    # or common words, so in a comment only as the whole of it (review: 'Patient DNR', 'Probe
    # Nr fehlt', 'Invalid sample id format corrected' were said to mean no result)
    **dict.fromkeys(
        ("nr", "n r", "dnr", "not reportable", "unable to report", "do not report"),
        "the lab gave no result",
    ),
    **dict.fromkeys(("canc", "cxl"), "this result was cancelled (no result)"),
    **dict.fromkeys(
        ("referred", "sent out", "send out", "sendout", "referred out"),
        "the test was sent to another lab: there is no result here",
    ),
    "invalid": "the lab marked the result not valid (no result)",
    **dict.fromkeys(
        ("duplicate order", "duplicate request", "duplicate test"),
        "the test was ordered twice: this one has no result",
    ),
    **dict.fromkeys(("tbd", "to be determined"), "the result is still to come"),
    "pnd": "the result is still to come",  # Meditech's (lab QA round 12: refused)
}  # fmt: skip
#: A wide file's marker cell with only these is left empty on purpose, as a blank one is:
#: what spreadsheets put under a marker not run (QA: a row's '-' was refused, exit 2). Not
#: Excel's '#N/A' (a formula's error), nor in a long file, whose row is there to give a result
#: (QA: a '-' beside 'Above Detection Range', or after a preliminary result, hid it).
_NO_VALUE_MARKS = frozenset(
    {"-", "--", "---", "–", "—", "−", "n/a", "na", "n.a.", "n. a.", "k.a.", "k. a.",
     "."}  # SAS's and Stata's missing value (lab QA: a wide file's '.' was refused)
)  # fmt: skip


def is_no_value_mark(text: str) -> bool:
    """Whether a cell holds only a mark that it was left empty on purpose ('-', 'n/a'): read as
    blank in a wide file's marker cell, and in unit, status, comparator, flag, detection-range
    and units-row cells (not in a long file's value cell: see `_NO_VALUE_MARKS`)."""
    return text.strip().casefold() in _NO_VALUE_MARKS


#: Phrases of a cell that speaks of a result given, not of one withheld: it confirms it
#: ('Confirmed on repeat testing', 'result verified'), qualifies it ('Slightly hemolyzed;
#: interpret with caution') or replaces another ('Previous invalid result replaced'). Lab QA
#: round 10: such a row under a preliminary result was read as 'no result' and withdrew it.
#: Phrases, not words: 'Specimen hemolyzed - confirmed on visual inspection' and 'Gross
#: hemolysis observed' give no result (review 53), and a status word always wins
#: ('Cancelled - duplicate of previous order').
_OF_A_RESULT_GIVEN = (
    "interpret with caution", "interpret with care", "result confirmed", "results confirmed",
    "confirms result", "confirms the result", "confirmed on repeat", "confirmed by repeat",
    "confirmed on rerun", "result verified", "verified by repeat", "result is valid",
    "result valid", "result validated", "in agreement", "result replaced", "results replaced",
    "ergebnis bestätigt", "résultat confirmé", "resultado confirmado",
)  # fmt: skip
#: 'Referred to Dr Lee': a result shown to a doctor, not a test sent to another lab
_TO_A_DOCTOR = (" to dr ", " to doctor ", " to the doctor ", " to physician ", " to clinician ")
_SENT_OUT = (" referred ", " referred out ")


def _of_a_result_given(joined: str, words: list[str]) -> bool:
    """Whether a value cell's words (`joined`, spaced at both ends) speak of a result given
    (`_OF_A_RESULT_GIVEN`, 'Referred to Dr Lee'), with no status word that withholds one."""
    given = any(f" {phrase} " in joined for phrase in _OF_A_RESULT_GIVEN) or (
        any(sent in joined for sent in _SENT_OUT) and any(d in joined for d in _TO_A_DOCTOR)
    )
    return given and _not_given_in(words, denied=True) is None


#: 'in error' or 'incorrect': the lab's word that a result was wrong (an instrument's bare
#: 'Error' stays a row that cannot be used)
_RETRACTED = (" in error ", " incorrect ")


@functools.lru_cache(maxsize=1024)  # an export's words repeat (developer QA round 13: a file of
def value_says_no_result(text: str, in_a_comment: bool = False) -> str | None:  # 'abc' 10x slower)
    """Why a result cell's words say the lab gives no result ('Cancelled', 'QNS', 'TNP',
    'pending', 'see comment', 'Specimen hemolyzed'), in words, else None: a cell with a digit
    ('Cancelled 12'), 'ND', 'Error', or such a word denied ('no hemolysis')."""
    if text[:1].isdigit():
        return None  # nearly every cell: a number (asked of every cell of a wide file)
    said = text.strip().casefold()
    if not said or said[0] in "<>≤≥+-." or any(c.isdigit() for c in said):
        return None  # a censored number, or words with a number
    words = [word for word in re.split(r"[\W_]+", said) if word]
    joined = f" {' '.join(words)} "
    if not in_a_comment and _of_a_result_given(joined, words):
        return None  # words on a result given (it is then no number: refused, not withdrawn)
    for phrase, why in _NO_RESULT_VALUES.items():
        if _said_undenied(joined, phrase):
            return why
    # anywhere in a value cell ('Lipemic specimen'), as the whole of a comment only
    for phrase, why in _NO_RESULT_UNLESS_A_CAVEAT.items():
        if (joined.strip() == phrase) if in_a_comment else _said_undenied(joined, phrase):
            return why
    whole = _RESULT_STATUS.get(said) if len(said) > 1 else None  # 'en attente', not 'p'
    if whole is not None and not whole.judged:
        return whole.words
    status = _not_given_in(words, denied=True)
    if status is None or (status.code == "wrong" and not any(w in joined for w in _RETRACTED)):
        return None
    return status.words


def reads_as_result_status(text: str) -> bool:
    """Whether a cell is a result status `result_status` reads ('F', 'Final', 'P', 'X',
    'Cancelled'), not a flag or other words ('H', 'OK'); a lone 'N' (HL7's "not asked", also
    many labs' "normal") counts, but tells nothing alone."""
    return (
        bool(text.strip())
        and not is_no_value_mark(text)  # '-': a flag column's 'no flag' too
        and result_status(text) is not _UNREAD_STATUS
    )


def _not_given_in(
    words: list[str], final: bool = False, denied: bool = False
) -> ResultStatus | None:
    """The status a phrase of `_NOT_GIVEN` gives, as whole words; after a final word (`final`),
    not a pending one; with `denied`, not after a word that denies it ('not cancelled', 'no
    error')."""
    joined = f" {' '.join(words)} "
    for phrase, code in _NOT_GIVEN.items():
        if final and code == "i":
            continue
        if _said_undenied(joined, phrase) if denied else f" {phrase} " in joined:
            return _RESULT_STATUS[code]
    return None


def _said_undenied(joined: str, phrase: str) -> bool:
    """Whether words (`joined`, spaced at both ends) say a phrase, not after a word that
    denies it ('not cancelled', 'no hemolysis')."""
    at = joined.find(f" {phrase} ")
    return at >= 0 and not joined[: at + 1].endswith(_DENYING)


def parse_flag_of(text: str) -> str | None:
    """The lab flag written after a value ('12.5 H' → 'H'), if any."""
    flagged = _FLAGGED.match(text.strip())
    return lab_flag(flagged.group("flag")) if flagged else None


def lab_flag(text: str) -> str | None:
    """A lab's flag as an HL7 code ('(HH)' → 'HH', 'High' → 'H'); None for other text."""
    return _FLAG_CODE.get(" ".join(text.strip().strip("()[]").casefold().replace("-", " ").split()))


def flag_column_code(text: str) -> str | None:
    """A flag column's cell as an HL7 code: what `lab_flag` reads, and LIS symbols ('*' → 'A',
    '++' → 'HH', '↓' → 'L'). A lone dash ('-', '–', '—', '−') is 'N': many exports write it for
    "no flag", and read as low it would put a false "the lab flagged it low" on each normal
    row."""
    if is_no_flag(text):
        return "N"
    code = lab_flag(text) or _FLAG_SYMBOL.get(
        "".join(text.strip().strip("()[]").casefold().split())
    )
    if code is None:
        flag = text.strip().rstrip(_FLAG_MARKS)  # 'H*', 'HH!', 'Critical!'
        if flag.strip() and len(flag) < len(text.strip()):
            code = flag_column_code(flag)
    if code is None and ";" in text:
        # 'H;DELTA': a flag beside a delta check's mark, which says the value changed much
        # since the last test, not where it lies (lab QA round 9: unreadable); two flags that
        # say different things are none
        codes = {
            flag_column_code(part)
            for part in text.split(";")
            if part.strip() and part.strip().casefold() not in _DELTA_MARKS
        }
        code = codes.pop() if len(codes) == 1 else None
    return code


#: A delta check's marks, which LIS write beside a flag ('H;DELTA')
_DELTA_MARKS = frozenset({"delta", "d", "dlt", "delta check", "deltacheck", "δ"})


def critical_side(flag: str, judged: str | None) -> str:
    """A lab's flag with a critical one's side taken from panelcli's own judgement of the
    value ('Critical' of a value above the range is 'HH'); any other flag as it is."""
    if flag != "CRIT":
        return flag
    if judged in ("H", "HH"):
        return "HH"
    return "LL" if judged in ("L", "LL") else flag


#: Of two flags of one side and different severities, the one both say (see `flags_together`).
_CERTAIN_SEVERITY = {
    frozenset({"H", "HH"}): "H", frozenset({"L", "LL"}): "L",
}  # fmt: skip


def flags_together(written: str, column: str) -> str | None:
    """What the flag after a value ('12 H') and its flag column's say together; None where they
    contradict ('H' beside 'L' or 'N', 'A' beside 'N'). 'A' (abnormal) beside a flag that
    says more is that flag; 'Critical' (no side) beside one with a side is critically so
    ('H' → 'HH'); 'H' beside 'HH' is 'H', the severity both say (`flag_severities_differ`)."""
    if written == column:
        return written
    pair = frozenset({written, column})
    if "N" in pair:
        return None
    if "A" in pair:
        return written if column == "A" else column
    if "CRIT" in pair:
        return "HH" if pair & {"H", "HH"} else "LL"
    return _CERTAIN_SEVERITY.get(pair)


def flag_severities_differ(written: str, column: str) -> bool:
    """Whether two flags say one side with different severities ('H' beside 'HH')."""
    return frozenset({written, column}) in _CERTAIN_SEVERITY


def flag_in(cell: str, code: str) -> str:
    """A value cell's flag as the cell writes it ('(H)', 'hoch' in '12 hoch', 'L' in '50L'),
    else its code."""
    return _number_and_flag(cell, code)[1] or code


def without_flag(cell: str, code: str) -> str:
    """A value cell without the flag `code` after its number ('50L', '3.0 (H)', '<50 HH' as
    '50', '3.0', '<50'; review: only a flag after a space was taken off)."""
    return _number_and_flag(cell, code)[0]


def _number_and_flag(cell: str, code: str) -> tuple[str, str | None]:
    """A value cell split before the flag `code` written after it, if it has one."""
    text = cell.strip()
    if text.endswith("!"):  # '12.3!', '12.3 H!' (see `parse_value`)
        unmarked = text.rstrip("!")
        number, flag = _number_and_flag(unmarked, code)
        return number, (flag or "") + text[len(unmarked) :]
    before, _, last = text.rpartition(" ")
    if before and lab_flag(last) == code:
        return before.rstrip(), last
    sign = text[: len(text) - len(text.lstrip("<>≤≥="))]  # '<2H' (review)
    glued = _FLAGGED.match(text[len(sign) :].lstrip())
    if glued is not None and lab_flag(glued["flag"]) == code:
        return sign + glued["number"], glued["flag"]
    return text, None


_VALUE_GLUED_TO_UNIT = lazy_pattern(
    rf"^(?P<number>[+-]?[\d.,]*\d(?:[eE][+-]?\d+)?)(?P<unit>[^\d\s.,][^\s]*/[^\s]+|{MOLARITY})$"
)


class ParsedValue(NamedTuple):
    """A result cell read as number, comparator and (rarely) a unit written in the cell."""

    number: float | None
    comparator: Comparator | None
    unit: str | None = None
    #: With no number: the reference-set limits ('lod', 'lloq', 'uloq') that may soundly stand
    #: in for it, best first.
    limits: tuple[str, ...] = ()
    #: A lab's flag written after the number ('12.5 H', '3 (LL)'), left out of the number: 'H',
    #: 'HH', 'L', 'LL', 'N' (normal) or 'A' (abnormal).
    flag: str | None = None


#: A lab flag's code in words, as messages say it.
FLAG_WORDS = {
    "H": "high", "HH": "critically high", "L": "low", "LL": "critically low", "N": "normal",
    "A": "abnormal", "CRIT": "critical", "AA": "critical",
}  # fmt: skip
#: HL7's flag of a critical result on no side named: panelcli's for a number critically low
#: read one way and critically high read the other ('1.000' in a ';' file)
CRITICAL_NO_SIDE = "AA"
#: The side of the range a flag puts a value on (CRIT and A name none).
FLAG_SIDE = {"LL": "low", "L": "low", "H": "high", "HH": "high"}


def flag_said(written: str, code: str) -> str:
    """A lab's flag as the file writes it, then what it means: "'+++' (critically high)",
    "'kritisch' (critical)" (QA: some warnings said only "high", others quoted the flag)."""
    return f"'{shorten(written)}' ({FLAG_WORDS[code]})"


def flag_contradicts(
    parsed: ParsedValue, value: str | None = None, written: str | None = None
) -> str | None:
    """Why a lab's flag cannot be right for a value with no number, if it cannot: 'ND' flagged
    high (QA). A number ('<2 H') could still be past a limit below it. `value`: the cell;
    `written`: the flag as the file writes it (else the value's last word)."""
    if parsed.flag is None or parsed.number is not None or parsed.comparator is None:
        return None
    below = parsed.comparator in ("<", "<=")
    if parsed.flag not in (("H", "HH") if below else ("L", "LL")):
        return None
    said = f"value '{shorten(value)}'" if value is not None else "the value"
    if written is None:
        written = flag_in(value, parsed.flag) if value is not None else parsed.flag
    return (
        f"{said} is {'below' if below else 'above'} what the test can measure, but the lab "
        f"flagged it {flag_said(written, parsed.flag)}; one of them is wrong, so it was not "
        "judged"
    )


class ValueProblem(ValueError):
    """A cell that is not a usable result; `code` is stable, the message is for a lab tech."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# Also the other invisible format characters: a soft hyphen, the Arabic letter mark (a bidi
# mark), word joiners, tag characters (found in QA: they reached the table raw).
_INVISIBLE = (
    "\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
)
# and the two noncharacters no XML may hold (review: an SVG export with one did not open)
# (and lone surrogates: a byte of a name that is not UTF-8, shown as the \xff of file names)
_CONTROL = lazy_pattern(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}\ud800-\udfff\ufffe\uffff]")
# the invisible ones alone: an id keeps a control character, to be shown inert (\x1b …)
_INVISIBLE_ONLY = lazy_pattern(f"[{_INVISIBLE}]")


def without_invisible(text: str) -> str:
    """Text with its control and invisible format characters left out (for comparing names)."""
    return _CONTROL.sub("", text)


def visible(text: str) -> str:
    """Show control characters (ANSI escapes, NUL, bidi overrides) as inert \\xNN text."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # the byte os.fsdecode kept (developer QA: '\udcff' here, but
        code -= 0xDC00  # '\xff' in file names' messages)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# What JSON leaves raw but a terminal obeys (DEL, C1 controls, bidi overrides, line separators).
_RAW_IN_JSON = lazy_pattern(f"[\x7f-\x9f{_INVISIBLE}]")


def json_inert(document: str) -> str:
    """A JSON text with those characters as \\u escapes: the same data, harmless on a terminal."""
    # Most lines have none: ASCII but for DEL (Python keeps an ASCII flag; no scan for it).
    if document.isascii() and "\x7f" not in document:
        return document
    return _RAW_IN_JSON.sub(_json_escape, document)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # past the first plane, JSON escapes a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def words_joined(words: Sequence[str], last: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (or 'A, B or C' with `last` 'or')."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def counted(count: int, one: str, many: str) -> str:
    """'1 row', '2 rows', '1,204 rows': a count with its word."""
    return f"{count:,} {one if count == 1 else many}"


def number_text(value: float) -> str:
    """A number as a lab writes it: 0.00001, 1000000, 10.40000001 (never '1e-05' or '1e+06',
    and not cut to 6 digits as '{:g}' is, which made 10.40000001 look like its limit 10.4)."""
    if value == 0 or not math.isfinite(value) or not 1e-20 <= abs(value) < 1e15:
        return f"{value:g}"  # 0, inf, and sizes no lab prints: the exponent is clearer
    # 12 significant digits: every lab's digits, but not a float's noise (0.30000000000000004)
    text = format(Decimal(f"{value:.12g}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def shorten(text: str, limit: int = 40) -> str:
    """Quote at most `limit` characters of a cell in messages (privacy), control chars inert."""
    text = visible(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: The longest cell read as a value, but for a plain number ('0.1000…', which reads as one).
MAX_VALUE_LENGTH = 100


@functools.cache
def _structured_number() -> re.Pattern[str]:
    """HL7's structured number of one value: a comparator, '^', the number ('<^2.0',
    '^12.5'); compiled when first asked, as few files have one."""
    return re.compile(r"^(?:(?P<cmp><=|>=|<|>)|=)?\^(?P<number>[+-]?[\d.,]*\d)$")


#: Marks that show nothing at the start or end of a cell
_INVISIBLE_AT_ENDS = lazy_pattern(f"^[{_INVISIBLE}]+|[{_INVISIBLE}]+$")


#: What to do with an empty value, as its refusal says (educator QA round 8: a bare 'value is
#: empty'), wherever a value is found empty
FILL_IN_THE_RESULT = "; fill in the result (or 'not done' where the lab gave none)"


def parse_value(text: str, decimal_comma: bool = False) -> ParsedValue:
    """Parse a result cell; raises ValueProblem with a plain reason when it cannot be used."""
    cell = text.strip()
    if _NUMBER.match(cell):  # the common case first: a plain number
        return ParsedValue(_checked(float(cell), cell), None)
    cell = cell.strip("\ufeff\u200b \t")
    if not cell:
        raise ValueProblem("value-missing", "value is empty" + FILL_IN_THE_RESULT)
    if not cell.isascii() and (signed := _signed_in_words(cell)) is not None:
        return parse_value(signed, decimal_comma)  # Japanese '2.0未満' is '<2.0'
    if (guarded := text_guarded(cell)) is not None and '"' not in guarded:
        # ="12.5": a formula whose result is its text, not one to work out (lab QA: refused)
        return parse_value(guarded, decimal_comma)
    if "\u2212" in cell:  # the minus sign of typeset text ('−2': QA, 'not a number')
        # quoting the cell as written (review)
        return _parsed_as_written(cell.replace("\u2212", "-"), cell, decimal_comma)
    if "\n" in cell or "\r" in cell or "\u2028" in cell or "\u2029" in cell:
        # rows swallowed by an open quote, however long (and Unicode's line and paragraph
        # separators: review of round 9, '2\u20285' was read as 25)
        raise ValueProblem(
            "value-not-a-number",
            f"value '{shorten(cell)}' runs over several lines, so it is not a number (is a "
            "quote left open?)",
        )
    if len(cell) > MAX_VALUE_LENGTH:  # no result is this long; spares the patterns below
        raise ValueProblem("value-not-a-number", f"value '{shorten(cell)}' is not a number")
    if ("'" in cell or "’" in cell) and _APOSTROPHE_GROUPS.fullmatch(cell):
        # Swiss '1'234.5': an apostrophe groups thousands and means nothing else in a number
        # (lab QA round 12: refused, though its message named the form)
        return parse_value(cell.replace("'", "").replace("’", ""), decimal_comma)
    if not cell.isascii() and (seen := _INVISIBLE_AT_ENDS.sub("", cell)) != cell and seen:
        # marks that show nothing at a cell's ends: a web LIS's text copied with its direction
        # marks ('\u200e12.5': lab QA round 9, 'not a number' with an escape code quoted);
        # never between its characters ('1\u200b2.5' may be two numbers: review)
        return parse_value(seen, decimal_comma)
    starred = _STARRED_FLAG.match(cell) if cell.endswith("*") else None
    if starred is not None:
        # 'H*' and 'L*' after a value (VA CPRS's; lab QA round 14: '512 H*', the file's most
        # urgent result, was refused as an estimate past the curve): the flag as a flag
        # column's 'H*' is read, H or L (review: a critical HH was said only in warnings)
        return parse_value(f"{starred['number']} {starred['flag']}", decimal_comma)
    if cell.startswith("*") or cell.endswith("*"):
        # Bio-Plex and xPONENT star a value extrapolated beyond the standard curve; a star at
        # the end is that to some systems and 'out of range' to others: the number is in doubt.
        try:
            parse_value(cell.strip("*"), decimal_comma)
        except ValueProblem:
            pass  # not a number without the star either: said below
        else:
            first = cell.startswith("*")
            also = "" if first else " (and some labs a value out of range)"
            raise ValueProblem(
                "value-extrapolated" if first else "value-starred",
                f"value '{shorten(cell)}' is starred, {_OFF_THE_CURVE}{also}; {_NOT_JUDGED} "
                "(remove the '*' to judge it as it is)",
            )
    if "oor" in cell.casefold() and (out := _OOR_NUMBER.fullmatch(cell)) is not None:
        # 'OOR > 10000', '>10000 (OOR)': out of the curve's range, past the number (lab QA
        # round 20: 'not a number', where 'OOR >' alone is read); quoted as written (review)
        bound = f"{out['sign'] or out['after']}{out['number'] or out['limit']}"
        return _parsed_as_written(bound, cell, decimal_comma)
    if ("(" in cell or "[" in cell or cell[-1:].isalpha() or cell.endswith(".")) and (
        estimate := _ESTIMATE_MARKED.fullmatch(cell)
    ) is not None:
        try:
            inside = parse_value(estimate["number"] or estimate["bracketed"], decimal_comma)
        except ValueProblem:
            inside = None  # not a number without the mark either: said below
        # a number alone, not '[ND]', '[<LOD]' or 'ND (est)' (review: called estimates)
        if inside is not None and inside.number is not None and inside.comparator is None:
            # lab QA round 20: '45.0 (extrapolated)', '[45.0]', '45.0 (est)' were a bare 'not a
            # number', though each marks an estimate off the curve, as a star does
            how = f"marked '{shorten(estimate['mark'])}'" if estimate["mark"] else "in brackets"
            raise ValueProblem(
                "value-extrapolated",
                f"value '{shorten(cell)}' is {how}, {_OFF_THE_CURVE}; {_NOT_JUDGED} (write the "
                "number alone to judge it as it is)",
            )
    if cell.endswith("!") and cell[:1] != "!":
        # '12.3!', '12.3 H!': a LIS's mark to draw the eye to a value (a critical one, or one
        # much changed since the last test): the number as it is, flagged abnormal where no
        # flag says more (lab QA round 9: refused as 'not a number')
        try:
            marked = parse_value(cell.rstrip("!"), decimal_comma)
        except ValueProblem as problem:
            if problem.code == "value-negative":  # as '-5' is said ('-5!': review)
                raise _as_written(problem, cell.rstrip("!"), cell) from None
            # not a number without the '!' either: said below, as the cell is
        else:
            if marked.number is not None:
                return marked if marked.flag else marked._replace(flag="A")
    if (
        ("10" in cell or "E" in cell or "e" in cell)  # ('12.5 H' is asked no further: speed)
        and any(c in cell for c in "xX×*·^ ")
        and (powered := _POWER_OF_TEN.fullmatch(cell))
    ):
        # '1.2x10^3', '1,2 × 10³', '7.0 E+01' (lab QA round 13: 'not a number'), as '1.2e3'
        power = (powered["power"] or powered["power2"] or powered["sup"]).translate(_SUPERSCRIPTS)
        mantissa = powered["mantissa"]
        if "," in mantissa and _ONLY_A_DECIMAL_COMMA.match(mantissa):  # '1,2': no thousands
            mantissa = mantissa.replace(",", ".")
        as_e = f"{powered['cmp'] or ''}{mantissa}e{power}"
        return _parsed_as_written(as_e, cell, decimal_comma)
    if _WITH_SPREAD.match(cell):  # QA: '3,0+/-0,2' was read as 3 in the unit '+/-0,2'
        raise ValueProblem(
            "value-not-a-number",
            f"value '{shorten(cell)}' is a mean with its spread (±), not one result; give the "
            "result alone",
        )
    if "^" in cell and (structured := _structured_number().match(cell)):
        # HL7's structured number, '<^2.0' (QA: refused as not a number)
        return parse_value(f"{structured['cmp'] or ''}{structured['number']}", decimal_comma)
    no_number = _no_number(cell)
    if no_number is not None:
        return no_number
    worded = _WORDS_WITH_UNIT.match(cell)  # 'ND pg/mL', as '<2 pg/mL' is read (QA)
    if worded and (no_number := _no_number(worded.group("words"))) is not None:
        return no_number._replace(unit=worded.group("unit"))
    signed = worded_comparator(cell)
    after_words = "" if signed is None else signed.lstrip("<>=")
    if signed is not None and after_words[:1].isalpha():
        # a limit after the words ('less than LOD', 'greater than ULOQ'), as '<LOD' is read,
        # or as 'below …' and 'above …' are ('less than detection limit': QA)
        side = "below " if signed.startswith("<") else "above "
        no_number = _no_number(signed) or _no_number(side + after_words)
        if no_number is not None:
            return no_number
    elif signed is not None and after_words:  # a number after them ('less than 2')
        return _parsed_as_written(signed, cell, decimal_comma)
    # '<LLOQ (0.7)', 'ND (<0.5)', 'BLQ <0.7', 'Below LLOQ: 0.7', '< 0.7 (LLOQ)': words past
    # a limit with the limit's number, the bound they say (lab QA: refused, 'not a number')
    # (neither starts with a digit: '12.5 H', a flag after the number, is asked no more)
    starts_with_digit = cell[:1].isdigit()
    if not starts_with_digit and (named := _limit_with_its_number(cell, decimal_comma)) is not None:
        return named
    # 'H 12.5', '↑ 45', '12.5 ↑': a flag before the number, or an arrow either side, as some
    # LIS and reports print them (lab QA: refused as 'not a number')
    beside = (None if starts_with_digit else _FLAG_BEFORE.match(cell)) or (
        _ARROW_AFTER.match(cell) if not cell.isascii() else None
    )
    if cell[0] in "HL" and (glued := _FLAG_GLUED_BEFORE.match(cell)) is not None:
        # quoting the cell as written (review: '1,250')
        unflagged = _parsed_as_written(glued["number"], cell, decimal_comma)
        return unflagged._replace(flag=glued["flag"])
    if beside and (flag := lab_flag(beside["flag"]) or _ARROWS.get(beside["flag"])):
        parsed = _parsed_as_written(beside["rest"].strip(), cell, decimal_comma)
        if parsed.flag is None or parsed.flag == flag:
            return parsed._replace(flag=flag)
        raise ValueProblem(
            "value-not-a-number",
            f"value '{shorten(cell)}' gives two flags that disagree, '{beside['flag']}' and "
            f"'{parsed.flag}'; give one",
        )
    # 'ND N', '12.5 pg/mL H': a flag after any value; two words first ('400 Critical High':
    # QA, read as '400 Critical' flagged 'High')
    for after in (_AFTER_TWO_WORDS.match(cell), _AFTER_A_SPACE.match(cell)):
        if after and (flag := lab_flag(after.group("flag"))):
            # quoting the cell as written, flag too (QA: '- H')
            return _parsed_as_written(after.group("rest"), cell, decimal_comma)._replace(flag=flag)
    comparator: Comparator | None = None
    rest = cell
    match = _COMPARATOR.match(cell)
    if match:
        comparator = _COMPARATOR_SPELLING[match.group("cmp")]
        rest = match.group("rest").strip()
        if not rest:
            raise ValueProblem(
                "value-not-a-number", f"value '{shorten(cell)}' has a '<' or '>' but no number"
            )
    unit = flag = None
    flagged = _FLAGGED.match(rest)
    if flagged:
        rest, flag = flagged.group("number"), lab_flag(flagged.group("flag"))
    with_unit = _VALUE_WITH_UNIT.match(rest) or _VALUE_GLUED_TO_UNIT.match(rest)  # '5pg/mL'
    if with_unit is None and (" " in rest or not rest.isascii()):
        with_unit = _SPACED_VALUE_WITH_UNIT.match(rest)
    if with_unit:
        rest, unit = with_unit.group("number"), with_unit.group("unit")
    number = _parse_number(rest, cell, decimal_comma)
    if comparator == "<" and number == 0.0:  # judged 'normal' (QA); '<=0' is 0 and may stand
        if any(digit in "123456789" for digit in re.split("[eE]", rest)[0]):
            # '<1e-400' is 0 once read: say the number as written (QA: 'less than 0')
            why = f"less than {shorten(rest)}, a number too small to work with (it rounds to 0)"
        else:
            why = "less than 0, which no concentration can be"
        raise ValueProblem(
            "value-impossible", f"value '{shorten(cell)}' says {why}; check the value"
        )
    return ParsedValue(number, comparator, unit, (), flag)


#: Why a starred or bracketed value is refused, as the starred and the estimate messages say it
_OFF_THE_CURVE = "as instruments mark a value estimated beyond their standard curve"
_NOT_JUDGED = "panelcli does not judge such values"


def _parsed_as_written(read: str, cell: str, decimal_comma: bool) -> ParsedValue:
    """`parse_value` of `read`, a form of `cell` ('−2' read as '-2'); a problem with it quotes
    the cell as written."""
    try:
        return parse_value(read, decimal_comma)
    except ValueProblem as problem:
        raise _as_written(problem, read, cell) from None


def _as_written(problem: ValueProblem, read: str, cell: str) -> ValueProblem:
    """`problem`, met reading `read` in place of `cell`, quoting the cell as written."""
    said = str(problem).replace(f"'{shorten(read)}'", f"'{shorten(cell)}'", 1)
    return ValueProblem(problem.code, said)


def _no_number(cell: str) -> ParsedValue | None:
    """A notation that carries no number ('ND', 'OOR >', 'n.n.'), read; else None."""
    key = re.sub(r"[\s._-]+", "", cell).casefold()  # 'below-detection-range' too (QA)
    if key not in _NO_NUMBER or (key == "nn" and "." not in cell):  # 'n.n.', never a bare 'NN'
        return None
    side = _NO_NUMBER[key]
    if side == ">":
        limits: tuple[str, ...] = ("uloq",)
    else:
        limits = ("lloq",) if key in _BELOW_QUANTIFICATION else ("lod", "lloq")
    return ParsedValue(None, side, None, limits)


#: A lab's flag before a value's number ('H 12.5', '(L) 0.5', '↑ 45', '↑45'): letters or an
#: arrow, never a sign ('- 5' may be a minus) ...
_FLAG_BEFORE = lazy_pattern(
    r"^(?P<flag>[A-Za-z]{1,2}(?=\s)|\([A-Za-z]{1,2}\)|↑{1,3}|↓{1,3})\s*"
    r"(?P<rest>[<>≤≥]?\s*\.?\d.*)$"
)  # (letters then a space: review, a well 'A1' was read as 1 flagged A)
#: ... glued to it ('H12,5', lab QA round 11: refused): only H, L, HH or LL, before a number
#: with a decimal mark, which no plate's well has ('H12', 'L12')
_FLAG_GLUED_BEFORE = lazy_pattern(r"^(?P<flag>HH|LL|H|L)(?P<number>\d+[.,]\d+)$")
#: ... and arrows after it ('12.5 ↑'), which a value cell's other flags are read as; two or
#: three as a flag column reads them, critical (lab QA round 10: '12.5 ↑↑' was refused, and
#: '12.5↑↑' read as only high)
_ARROW_AFTER = lazy_pattern(r"^(?P<rest>.*\d[^\s↑↓]*)\s*(?P<flag>↑{1,3}|↓{1,3})$")
_ARROWS = {mark: code for mark, code in _FLAG_SYMBOL.items() if mark[0] in "↑↓"}


_WORDS_THEN_LIMIT = lazy_pattern(
    r"^(?P<words>[<>]?\s*[^\W\d_][^\W\d_ .]*(?:[ .]+[^\W\d_]+)*\.?)\s*(?::\s*|\(\s*|\s)"
    r"(?P<cmp><=|>=|[<>≤≥])?\s*(?P<number>\d[\d.,]*)\s*\)?$"
)
_LIMIT_THEN_WORD = lazy_pattern(
    r"^(?P<cmp><=|>=|[<>≤≥])\s*(?P<number>\d[\d.,]*)\s*[(\[]\s*(?P<words>[^\W\d_]+)\s*[)\]]$"
)
#: The limits a bound may be named by in brackets after it ('< 0.7 (LLOQ)')
_LIMIT_NAMES = frozenset({"lloq", "uloq", "loq", "lod", "lld", "llq", "ulq", "lob"})


def _limit_with_its_number(cell: str, decimal_comma: bool) -> ParsedValue | None:
    """A value of words past a limit and the limit's number ('<LLOQ (0.7)' → '<0.7'), or of
    a bound and its limit's name ('< 0.7 (LLOQ)'); None for any other cell."""
    if (after := _LIMIT_THEN_WORD.match(cell)) is not None:
        if after["words"].casefold() not in _LIMIT_NAMES:
            return None
        bound = f"{after['cmp']}{after['number']}"
    else:
        found = _WORDS_THEN_LIMIT.match(cell)
        if found is None or (words := _no_number(found["words"])) is None:
            return None
        side = words.comparator
        if found["cmp"] and (comparator_of(found["cmp"]) in ("<", "<=")) != (side == "<"):
            return None  # 'ND (>0.5)': said as not a number
        bound = f"{found['cmp'] or side}{found['number']}"
    # quoting the cell as written (review: 'ND 0' as '<0')
    return _parsed_as_written(bound, cell, decimal_comma)


def _not_a_number(cell: str, decimal_comma: bool = False) -> str:
    """Why a cell is no number, for what labs and spreadsheets are known to write."""
    if _EXCEL_ERROR.match(cell):
        return (
            f"value '{shorten(cell)}' is a spreadsheet's error (a formula that failed), "
            "not a number"
        )
    if _FORMULA.match(cell.strip()):  # QA: only 'not a number', where '#DIV/0!' says more
        return (
            f"value '{shorten(cell)}' is a spreadsheet formula, not its result; export or "
            "paste the values, not the formulas"
        )
    if _APPROXIMATE.match(cell.strip()):
        return (
            f"value '{shorten(cell)}' marks the number as approximate; "
            "write the number alone if it is the lab's result"
        )
    stripped = cell.strip()
    if _DOUBLED_POINT.fullmatch(stripped):  # lab QA round 7: '12..5' was 'a range'
        return f"value '{shorten(cell)}' has two points in a row; a typing slip?"
    if _ACCOUNTING_NEGATIVE.fullmatch(stripped):  # '(0.35)', '0.35-' (lab QA round 7)
        return (
            f"value '{shorten(cell)}' is a negative number as accounting and some lab systems "
            "write one; a concentration cannot be below zero"
            # (lab QA round 20: some instruments bracket an estimate off their curve so)
            + (
                " (or an estimate an instrument put in brackets: ask the lab)"
                if "(" in cell
                else ""
            )
        )
    if _TWO_NUMBERS.match(cell.strip()):
        return f"value '{shorten(cell)}' gives two numbers; write one value in each row"
    if cell.strip() and set(cell.strip()) == {"#"}:
        return (
            f"value '{shorten(cell)}' is what Excel shows where a column is too narrow for its "
            "number; widen the column and save the file again"
        )
    if cell.strip() == ".":  # a long file's (a wide file's is read as 'not measured')
        return (
            "value '.' is how SAS and Stata write a missing value: there is no result to "
            "judge (remove the row, or give its value)"
        )
    if set(cell) == {"*"}:
        return (
            f"value '{shorten(cell)}' is what instruments (Bio-Plex) write when they could not "
            "calculate a concentration; there is no number to judge"
        )
    if _SPACE_GROUPED.match(cell) or _SPACED_VALUE_WITH_UNIT.match(cell.strip()):
        # ('1 500 pg/mL' too: it was only 'not a number', where '1 500' says why; note 48)
        return (
            f"value '{shorten(cell)}' has a space inside; if it groups thousands, write the "
            "number without it"
        )
    if _RANGE_BETWEEN.match(
        cell.replace(",", ".") if decimal_comma else _lone_decimal_commas(cell)
    ):
        # Not skipped as a range row unless labelled so: a sample's id beside ranges may be a
        # slip (QA), and a refused row is seen where a skipped one may go unnoticed.
        return (
            f"value '{shorten(cell)}' is a range, not a result; a lab's ranges go in a "
            "'Reference range' column (in a file with a column per marker, also in a row "
            "labelled 'Reference range' or 'Normal', which is skipped)"
        )
    # (each asked only of a cell that may be one: compiling a pattern costs ~3 ms)
    if cell.lstrip().startswith("'") and _TEXT_MARK.match(cell.strip()):  # QA: 'not a number'
        return (
            f"value '{shorten(cell)}' starts with ', which spreadsheets use to keep a number as "
            "text; remove the ' to have the number read"
        )
    if (
        any(c.isdigit() for c in cell)
        and any(c.isalpha() for c in cell)
        and _SPREADSHEET_DATE.match(cell.strip())
    ):  # QA: only 'not a number'
        return (
            f"value '{shorten(cell)}' looks like a date a spreadsheet made of a number (such as "
            "1.10 or 1-10); check the number in the lab's report, and keep the column as text "
            "when opening the file"
        )
    if is_no_value_mark(cell):  # QA: lab staff took '-' for 'not tested' (a wide file's is)
        return (
            f"value '{shorten(cell)}' is not a number; a row with no result can say so in words "
            "('Not tested', 'Cancelled'), which are read as the lab giving none"
        )
    if cell.lstrip()[:1] in ("?", "\ufffd") and any(c.isdigit() for c in cell):
        # lab QA round 8: Excel saved '≥ 500' in a code page without '≥' as '? 500'
        return (
            f"value '{shorten(cell)}' is not a number; its '{cell.lstrip()[0]}' may be a sign "
            "(≥, ≤) lost when the file was saved in an encoding without it: save it as UTF-8 "
            "(CSV UTF-8 in Excel)"
        )
    if _LOST_GROUPING.search(cell):
        # lab QA round 18: a French Excel saved '1\u202f234,5' in Windows-1252 as '1?234,5'
        return (
            f"value '{shorten(cell)}' is not a number; its '?' between digits may be a space "
            "that grouped thousands, lost when the file was saved in an encoding without it: "
            "save it as UTF-8 (CSV UTF-8 in Excel)"
        )
    key = cell.strip().casefold().replace(" ", "")
    if key in ("uloq", "lloq", "lod", "loq", "ulq", "llq"):  # lab QA round 10
        side = ">" if key.startswith("u") else "<"
        return (
            f"value '{shorten(cell)}' names one of the assay's limits but not which side of it "
            f"the result is: write '{side}{cell.strip()}' if the result is "
            f"{'above' if side == '>' else 'below'} it"
        )
    if key in ("n/d", "n.d", "n/d."):  # lab QA round 10: 'n.d.' is read, 'N/D' was not
        return (
            f"value '{shorten(cell)}' may mean 'not detected' or 'not done': write 'ND' if the "
            "test found none, or 'not done' if there is no result"
        )
    words = cell.split()
    if len(words) >= 4 and not any(c.isdigit() for c in cell):  # lab QA round 10: a sentence
        return (
            f"value '{shorten(cell)}' is not a number but words; if they are the lab's comment "
            "on a result, put them in a 'Comment' column beside it, where they are read as one"
        )
    return f"value '{shorten(cell)}' is not a number"


#: A number written times a power of ten, or with a space before its 'E'
_POWER_OF_TEN = lazy_pattern(
    r"(?P<cmp>[<>]=?|[≤≥])?\s*(?P<mantissa>\d+(?:[.,]\d+)?)\s*(?:[eE]\s*(?P<power>[+-]?\d{1,3})"
    r"|[xX×*·]\s*10\s*(?:(?:\^|\*\*)\s*(?P<power2>[+-]?\d{1,3})|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
#: Japanese words after a number that make it a bound ('2.0未満' less than 2.0, '7.0以下' 7.0 or
#: less; lab QA round 13: refused as 'not a number', and the lab's range unread)
_BOUND_WORDS = {"未満": "<", "以下": "<=", "以上": ">=", "超": ">"}


def _signed_in_words(cell: str) -> str | None:
    """A cell with such a word after its number, written with the sign before it; else None."""
    for word, sign in _BOUND_WORDS.items():
        if cell.endswith(word) and (number := cell[: -len(word)].strip())[:1].isdigit():
            return sign + number
    return None


#: '12..5': a number with a point typed twice
_DOUBLED_POINT = lazy_pattern(r"\d+\.{2,}\d+")
#: A lost character between a number's digits, in groups of three after it ('1?234,5')
_LOST_GROUPING = lazy_pattern(r"(?<![\d.,])[1-9]\d{0,2}(?:[?\ufffd]\d{3})+(?:[.,]\d+)?(?![\d.,])")
#: '1'500', '1'500.5': thousands grouped with an apostrophe (Swiss formats)
_APOSTROPHE_GROUPS = lazy_pattern(r"\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?")
#: An instrument's mark of a value estimated beyond its standard curve, in words after the
#: number ('45.0 (extrapolated)', '45.0 [E]', '45.0 est.'), or the number in brackets ('[45.0]')
_ESTIMATE_WORD = r"(?:extrapolated|extrap\.?|estimated|est\.?|ext\.?)"
_ESTIMATE_MARKED = lazy_pattern(
    rf"(?P<number>[^\s()\[\]]+)\s*(?P<mark>\(\s*(?:{_ESTIMATE_WORD}|e)\s*\)"
    rf"|\[\s*(?:{_ESTIMATE_WORD}|e)\s*\]|{_ESTIMATE_WORD})|\[\s*(?P<bracketed>[^\s()\[\]]+)\s*\]",
    re.IGNORECASE,
)
#: 'OOR > 10000': out of the standard curve's range, past the number given
_OOR_NUMBER = lazy_pattern(
    r"oor\s*(?P<sign>[<>]=?)\s*(?P<number>\d[\d.,]*)"
    r"|(?P<after>[<>]=?)\s*(?P<limit>\d[\d.,]*)\s*[(\[]\s*oor\s*[)\]]",
    re.IGNORECASE,
)
#: '(0.35)', '0.35-': a negative number as accounting and mainframe exports write it
_ACCOUNTING_NEGATIVE = lazy_pattern(r"\(\s*\d+(?:[.,]\d+)?\s*\)|\d+(?:[.,]\d+)?-")


def _both_readings(text: str) -> str:
    """'1,200' → "1200 or 1.2": the two numbers a comma-grouped value may be."""
    whole = text.replace(",", "")
    point = text.replace(",", ".", 1)
    return f"{whole} or {point.rstrip('0').rstrip('.') if '.' in point else point}"


#: "'5,2", "'<2.0": a spreadsheet's mark that a number is kept as text
_TEXT_MARK = lazy_pattern(r"^'\s*[<>≤≥]?\s*\d")
#: '01. Okt', 'Oct-01', '1-Oct', '3. Mär': a number such as 1.10 that a spreadsheet turned into
#: a date (months in English, German and French)
_MONTH = (
    r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|mar(?:ch|s)?|m[äa]rz|mrz|m[äa]r"
    r"|apr(?:il)?|avr(?:il)?|ma[iy]|jun[ei]?|juin|jul[yi]?|juil(?:let)?|aug(?:ust)?|ao[uû]t"
    r"|sep(?:t|tember)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|de[cz](?:ember)?"
    r"|d[ée]c(?:embre)?)\.?"
)
_SPREADSHEET_DATE = lazy_pattern(
    rf"^(?:\d{{1,2}}\.?[\s\-/]*{_MONTH}|{_MONTH}[\s\-/]*\d{{1,4}})$", re.I
)
#: '=A1+B2', '=AVERAGE(C2:C4)': a formula saved as its text
_FORMULA = lazy_pattern(r"^=\s*\S")  # review: '=5*2', '="<2"' too
#: '3.0 ± 0.2', '3,0+/-0,2': a mean and its standard deviation, as plate summaries give them
_WITH_SPREAD = lazy_pattern(r"^[<>≤≥=]*\s*\d[\d.,]*\s*(?:±|\+/-|\+-|\+/−)\s*\d[\d.,]*(?:\s.*)?$")
_EXCEL_ERROR = lazy_pattern(
    r"^(?:#(?:N/A|DIV/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!"
    # Google Sheets' and LibreOffice's own (lab QA round 19: '#ERROR!' was 'not a number')
    r"|ERROR!|LOADING\.*"
    # German, French and Spanish Excel (QA: '#WERT!' and '#NV' were only 'not a number')
    r"|NV|WERT!|BEZUG!|ZAHL!|ÜBERLAUF!|VALEUR!|NOM\?|NOMBRE!|NUL!|PROPAG!"
    r"|¡VALOR!|¡REF!|¿NOMBRE\?|¡NUM!|¡NULO!|¡DIV/0!|¡DESBORDAMIENTO!)|Err:\d{3})$",
    re.I,
)
#: 'ca. 3,5', '~12', 'approx. 40': a number said to be about right
_APPROXIMATE = lazy_pattern(r"^(?:ca\.?|circa|approx\.?|approximately|etwa|env\.?|~|≈)\s*\d", re.I)
#: '3,5/4,0', '3,5 / 4', '12; 15': two numbers in one cell (not a titer's '1/40' or '1 / 40':
#: a slash counts only beside a number with decimals; review)
_TWO_NUMBERS = lazy_pattern(
    r"^(?:\d+[.,]\d+\s*/\s*\d[\d.,]*|\d+\s*/\s*\d+[.,]\d+|\d[\d.,]*\s*[;|]\s*\d[\d.,]*)$"
)
#: What a decimal-comma file's number with more than one mark may hold: digits and marks
_DIGITS_AND_MARKS = lazy_pattern(r"[+-]?[\d.,]+\Z")
#: '1 234,5', '1 234.5' (a space, no-break space or narrow one between groups of three digits)
#: ... also after a sign ('>1 000', '< 1 000': lab QA round 22, only 'not a number')
_SPACE_GROUPED = lazy_pattern(rf"^(?:[<>≤≥]=?\s*)?[+-]?{_SPACE_GROUPED_DIGITS}$")
#: ... read as one number: a no-break, narrow or thin space (only number formatting writes
#: them), or plain spaces before decimals ('1 250,0'); not '100 200', which may be two
#: numbers, nor '0 125' (review)
_SPACE_GROUPED_NUMBER = lazy_pattern(
    r"[+-]?[1-9]\d{0,2}(?:(?:\u00a0\d{3})+|(?:\u202f\d{3})+|(?:\u2009\d{3})+"
    r"|(?: \d{3})+[.,]\d+|(?:[\u00a0\u202f\u2009]\d{3})+[.,]\d+)\Z"
)
_GROUPING_SPACE = lazy_pattern(_GROUPING_SPACES)


_ONLY_A_DECIMAL_COMMA = lazy_pattern(r"[+-]?(?:\d+,(?:\d{1,2}|\d{4,})|0,\d+)\Z")
#: '1.234,5' and '1,234.5': groups of three after the first, then the other mark once; the
#: last mark can only be the decimal one.
_GROUPED_BY_DOTS = lazy_pattern(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+\Z")
_GROUPED_BY_COMMAS = lazy_pattern(r"[+-]?[1-9]\d{0,2}(?:,\d{3})+\.\d+\Z")


def _parse_number(text: str, cell: str, decimal_comma: bool) -> float:
    if (" " in text or not text.isascii()) and _SPACE_GROUPED_NUMBER.match(text):
        # '1 250,0', '1\u202f250': thousands grouped by spaces, as French and Swiss Excel
        # write them (and ISO 80000), in groups of three: one reading only (lab QA: refused)
        text = _GROUPING_SPACE.sub("", text)
    if "," in text:
        if decimal_comma and "." not in text and text.count(",") == 1:
            text = text.replace(",", ".")
        elif decimal_comma and _GROUPED_BY_DOTS.match(text):  # QA: '1.234,5' was refused
            text = text.replace(".", "").replace(",", ".")
        elif decimal_comma and _RANGE_BETWEEN.match(text.replace(",", ".")):
            # '2,0-3,0', as a German lab writes a range (QA: told to drop a thousands separator)
            raise ValueProblem("value-not-a-number", _not_a_number(cell, decimal_comma=True))
        elif decimal_comma and not _DIGITS_AND_MARKS.match(text):
            # 'ca. 3,5', '3,5/4,0': no thousands separator to take out (QA)
            raise ValueProblem("value-not-a-number", _not_a_number(cell, decimal_comma=True))
        elif decimal_comma:
            mixes = (
                "mixes '.' and ','" if "." in text
                else "has ',' more than once, though ',' is this file's decimal mark"
            )  # fmt: skip
            raise ValueProblem(
                "value-thousands-separator",
                f"value '{shorten(cell)}' {mixes}; write it without a thousands separator",
            )
        elif _ONLY_A_DECIMAL_COMMA.match(text):
            # '3,2' or '0,125' (quoted in a ',' file): a thousands separator is followed by
            # exactly three digits and never follows a lone 0, so this comma is a decimal mark.
            text = text.replace(",", ".")
        elif _GROUPED_BY_COMMAS.match(text):  # '"1,234.5"' quoted in a ',' file
            text = text.replace(",", "")
        elif _GROUPED_BY_DOTS.match(text):  # '"1.234,5"' there too: one reading only (QA)
            text = text.replace(".", "").replace(",", ".")
        elif not _DIGITS_AND_MARKS.match(text):  # 'ca. 3,5', '3,5/4,0' (QA): not a comma's
            raise ValueProblem("value-not-a-number", _not_a_number(cell))
        else:
            raise ValueProblem(
                "value-ambiguous-comma",
                f"value '{shorten(cell)}' has a comma; in a comma-separated file panelcli cannot "
                "tell a decimal comma from a thousands separator: write the number without a "
                f"thousands separator, or with a decimal point ({_both_readings(text)})",
            )
    if text.count(".") > 1 and _DOTS_ONLY_GROUP.fullmatch(text):
        # '1.234.567': two points can only group thousands (lab QA round 21: 'not a number'
        # with no reason, where '1.234.567,0' was read)
        if decimal_comma:
            return _checked(float(text.replace(".", "")), cell)
        raise ValueProblem(
            "value-thousands-separator",
            f"value '{shorten(cell)}' has '.' more than once, which may group thousands "
            f"({text.replace('.', '')}); write it without a thousands separator",
        )
    if _NUMBER.match(text):
        return _checked(float(text), cell)
    lowered = text.casefold()
    if lowered in {"nan", "inf", "+inf", "-inf", "infinity", "-infinity"}:
        raise ValueProblem("value-not-finite", f"value '{shorten(cell)}' is not a finite number")
    raise ValueProblem("value-not-a-number", _not_a_number(cell))


#: Thousands grouped by points alone, two groups or more ('1.234.567')
_DOTS_ONLY_GROUP = lazy_pattern(r"[1-9]\d{0,2}(?:\.\d{3}){2,}")


def _checked(number: float, cell: str) -> float:
    if not math.isfinite(number):
        raise ValueProblem(
            "value-not-finite", f"value '{shorten(cell)}' is too large to be a real measurement"
        )
    if number < 0:
        raise ValueProblem(
            "value-negative",
            f"value '{shorten(cell)}' is negative; a concentration cannot be below zero (a "
            "plate reading below its blank is below what the test can measure: give it as "
            "'ND' or '<' the assay's lower limit)",  # lab QA round 9: what to do with it
        )
    if number in PLACEHOLDER_NUMBERS and cell.strip().isdigit():
        # lab QA: Epic Clarity's ORD_NUM_VALUE is 9999999 where the result is no number; it was
        # judged as 689,655 times the upper limit and called strong inflammation
        raise ValueProblem(
            "value-placeholder",
            f"value '{shorten(cell)}' is the number some lab systems (Epic) write where the "
            "result is not a number, not a measurement; see the lab's report for the result",
        )
    return number + 0.0  # turns -0.0 into 0.0


#: Numbers lab systems write in place of a result that is none (all nines); a reader's short
#: path leaves them to `parse_value` (`check._plain_number`)
PLACEHOLDER_NUMBERS = frozenset({9999999.0, 99999999.0})


_NUM = r"(\d+(?:\.\d+)?)"
# The unit after a range, bare ('0-7 pg/mL') or in brackets as a header gives it ('0-7 (pg/mL)',
# '[pg/mL]', '{pg/mL}': a lab's range cell, QA), where it may have spaces ('( pg / mL )').
_RANGE_UNIT = (
    rf"(?P<unit>[(\[{{][^()\[\]{{}}]*/[^()\[\]{{}}]*[)\]}}]|\S*/\S+|[(\[{{]?{MOLARITY}[)\]}}]?)"
)
# 'to' and its German, Spanish and French words ('0 bis 7', '0 a 7', '0 à 7')
# (case only in the words: a molar unit's case matters; review)
# and Italian, Portuguese, Dutch 'from 0 to 7' ('da 0 a 7', 'de 0 a 7', 'van 0 tot 7') and the
# '~' of Asian LIS (lab QA round 11: unreadable, the set's range judged instead of the lab's)
_RANGE_BETWEEN = lazy_pattern(
    rf"^(?:(?i:da|de|van|from|von)\s+(?=\d))?{_NUM}\s*"
    # (a minus sign, a figure dash, a Unicode hyphen as the dash too: lab QA round 22)
    rf"(?:-|–|—|−|‒|‐|‑|\.\.|~|～|(?<=\s)(?i:to|bis|a|à|tot)(?=\s)|to)\s*{_NUM}\s*{_RANGE_UNIT}?$"
)
_RANGE_ONE_SIDED = lazy_pattern(
    rf"^(?P<cmp><=|>=|=<|=>|<|>|≤|≥|⩽|⩾|≦|≧)\s*{_NUM}\s*{_RANGE_UNIT}?$"
)
#: Quest's and LabCorp's '<OR=5.0', '< or = 18.0' (lab QA: unreadable, and the set's range,
#: under which the value was normal, judged it instead of the lab's)
_OR_EQUAL = lazy_pattern(r"([<>])\s*or\s*=\s*", re.IGNORECASE)
#: 'up to 7' as German, Spanish and French LIS print it ('bis 7,0'; QA: was unreadable)
_RANGE_UP_TO = lazy_pattern(  # and Italian, Portuguese, Dutch (lab QA round 11)
    rf"^(?i:up\s+to|bis|hasta|jusqu['’]?\s*(?:à|a)|fino\s+a|at[ée]|tot|do)\s*{_NUM}\s*{_RANGE_UNIT}?$"
)
_CLOSING_BRACKET = {"(": ")", "[": "]", "{": "}"}
#: A label before a printed range ('Ref: 0-7') or in brackets after it ('0-7 (reference)')
#: that says only that it is the reference range: left off (QA: such ranges were unreadable,
#: and the set's, three times stricter, judged the value). Never one naming a group ('Adults',
#: '18+ yrs', 'Male', 'Children': QA, an adult range judged a child of 4) nor another interval
#: ('Elevated: 7-20': review, read as the normal range), nor a unit ('(IU)').
_USUAL = (
    r"(?:ref\.?(?:erence)?|normal|usual|expected)(?:\s+(?:ranges?|intervals?|values?))?|range"
    r"|referenzbereich|referenzwerte?|normbereich|normalwerte|valores?\s+de\s+referencia"
    r"|valeurs?\s+de\s+r[ée]f[ée]rence|intervalle\s+de\s+r[ée]f[ée]rence"
)  # English, German, Spanish, French (review: 'Referenzbereich: 0-7' was unread)


#: Comparators in words, as LIS print them ('Less than 7.0', French 'inférieur à 8,1'),
#: in a range or before a value's number ('less than 2', 'kleiner 2': lab QA, refused)
_WORDED = (
    (r"less\s+than\s+or\s+equal\s+to|inf[ée]rieur\s+ou\s+[ée]gal\s+[àa]", "<="),
    (r"greater\s+than\s+or\s+equal\s+to|sup[ée]rieur\s+ou\s+[ée]gal\s+[àa]", ">="),
    (
        r"less\s+than|lower\s+than|below|under|inf[ée]rieur\s+[àa]|kleiner\s+als|kleiner\s+dan"
        r"|kleiner|unter|menor\s+que|menor\s+de|moins\s+de"
        # lab QA round 11: Spanish, Portuguese, Italian, Dutch
        r"|inferiore?\s+a|minore\s+di|menos\s+de|menos\s+que|minder\s+dan",
        "<",
    ),
    (
        r"greater\s+than|more\s+than|higher\s+than|above|over|sup[ée]rieur\s+[àa]"
        r"|gr(?:ö|oe)(?:ß|ss)er\s+als"
        r"|gr(?:ö|oe)(?:ß|ss)er|über|mayor\s+que|mayor\s+de|plus\s+de"
        r"|superiore?\s+a|maggiore\s+di|maior\s+que|maior\s+de|groter\s+dan|meer\s+dan",
        ">",
    ),
)


#: The first words of `_WORDED`: only a cell that starts so is matched against it (compiling
#: the patterns cost 0.3% of a 20,000-row file's run that had a cell of other words)
_WORDED_STARTS = frozenset({
    "less", "lower", "below", "under", "more", "higher", "inférieur", "inferieur", "kleiner",
    "unter", "menor", "moins", "inferior", "inferiore", "minore", "menos", "minder",
    "greater", "above", "over", "supérieur", "superieur", "größer", "groesser", "grösser",
    "groeßer", "über", "mayor", "plus", "superior", "superiore", "maggiore", "maior", "groter",
    "meer",
})  # fmt: skip


@functools.cache
def _worded_values() -> tuple[tuple[re.Pattern[str], str], ...]:
    """`_WORDED` at the start of a cell (a value or a printed range), compiled when first asked."""
    return tuple((re.compile(rf"^(?i:{words})\s*"), sign) for words, sign in _WORDED)


def worded_comparator(cell: str) -> str | None:
    """A value whose comparator is in words ('less than 2', 'inférieur à 2', 'less than LOD')
    with its sign ('<2', '<LOD'); None for any other."""
    if not cell[:1].isalpha() or cell.split(None, 1)[0].casefold() not in _WORDED_STARTS:
        return None
    return _signed(cell)


def _signed(cell: str) -> str | None:
    """A cell that starts with a comparator in words, that comparator written as its sign
    ('Less than 7.0' as '<7.0'); None for any other (a value's or a printed range's)."""
    for words, sign in _worded_values():
        if words.match(cell):
            return words.sub(sign, cell, count=1)
    return None


@functools.cache
def _range_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The labels a printed range may have, compiled when first asked (every start-up paid
    for them: review of the start-up's instructions); its worded comparators are `_signed`'s."""
    return (
        # 'Ref: 0-7', and with no colon before a limit 'Norm < 2,1', 'RR: <2.1' (lab QA round
        # 21: unread, in a header's brackets or a range column; German's 'Norm', 'RR', 'RI')
        re.compile(rf"^(?i:{_USUAL}|norm|rr|ri)\s*(?::\s*|(?=[<>≤≥\d]))"),
        re.compile(rf"\s*[(\[]\s*(?i:{_USUAL})\s*[)\]]$"),
    )  # fmt: skip


def _without_label(cell: str) -> str:
    """A printed range without a label saying it is the reference range, and with a
    comparator in words as its sign."""
    if not any(character.isalpha() for character in cell):
        return cell  # '0-7', '<7.0': nearly every range (no pattern asked)
    before, after = _range_words()
    cell = after.sub("", before.sub("", cell, count=1), count=1).strip()
    cell = _OR_EQUAL.sub(r"\1=", cell)
    return _signed(cell) or cell


def _range_text(text: str) -> str:
    """A printed range's cell as it is read: out of brackets that hold it whole ('(1.5-7.0)',
    as some labs print it: QA) or hold it before its unit ('(0.0-9.1) pg/mL': lab QA round
    13), without its reference range's label ('Ref: 0-7')."""
    text = text.strip()
    before_unit = _BRACKETED_BEFORE_UNIT.match(text) if "/" in text else None
    if before_unit is not None:
        text = f"{before_unit['round'] or before_unit['square']} {before_unit['unit']}"
    return _without_label(unbracketed(text))


_BRACKETED_BEFORE_UNIT = lazy_pattern(
    r"^(?:\((?P<round>[^()\[\]]+)\)|\[(?P<square>[^()\[\]]+)\])\s*(?P<unit>\S*/\S+)$"
)


def range_label(text: str) -> str | None:
    """The label a printed range panelcli cannot read has ('Adults', 'Male', 'see note'), to
    say why: one before it, or in brackets after it, once the reference range's own label is
    left off ('Reference range: 0-7 (Male)' is for 'Male': review); never a unit ('(IU)')."""
    from panelcli.names import SLASHLESS_UNITS  # (names reads this module)

    found = _any_label().search(_range_text(text))
    label = None if found is None else (found.group(1) or found.group(2)).strip()
    return None if label is None or label.casefold() in SLASHLESS_UNITS else label


@functools.cache
def _any_label() -> re.Pattern[str]:
    return re.compile(
        r"^\s*([^\W\d_][^\d:<>≤≥=]{0,40}?)\s*:|[(\[]([^()\[\]/]*[^\W\d_][^()\[\]/]*)[)\]]\s*$"
    )


def unbracketed(text: str) -> str:
    """`text` without brackets that match round it: '(pg/mL)' and '[ng/mL]' as 'pg/mL' and
    'ng/mL' (units are written so in headers, units rows, ranges and unit cells)."""
    if len(text) > 2 and _CLOSING_BRACKET.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def _range_unit(written: str | None) -> str | None:
    """A range cell's unit as written, without brackets that match round it ('(pg/mL)')."""
    return unbracketed(written) if written else written


_COMMA_NUMBER = lazy_pattern(r"\d+(?:,\d+)+")


def _lone_decimal_commas(text: str) -> str:
    """Each number in `text` whose comma cannot group thousands, with a decimal point."""
    return _COMMA_NUMBER.sub(
        lambda m: m[0].replace(",", ".") if _ONLY_A_DECIMAL_COMMA.match(m[0]) else m[0], text
    )


class LabRange(NamedTuple):
    """A reference range as printed by the performing lab in the row ('0-7', '<7.0')."""

    low: float | None
    high: float | None
    unit: str | None
    #: '>0.5', '<7.0': the limit itself is outside the range (not so for '0-7', '<=7', '≤ 7').
    low_exclusive: bool = False
    high_exclusive: bool = False


def unmangled(text: str) -> str:
    """Text whose UTF-8 was once read as Windows-1252 or Mac Roman and saved again, as it
    was first ('TNF-Î±' or 'TNF-Œ±' → 'TNF-α', 'Âµg/L' or '¬µg/L' → 'µg/L', 'mÃ¤nnlich' →
    'männlich': an Excel accident); other text as it is."""
    for encoding, marks in _MANGLING:
        if any(mark in text for mark in marks):
            try:
                return text.encode(encoding).decode("utf-8")
            except UnicodeError:  # not such text after all
                continue
    return text


#: Encodings UTF-8 is misread in, with how they write the lead bytes of µ, ä ö ü ß é, α β γ,
#: ≤ (QA: an old Mac's Excel turned IFN-γ into 'IFN-Œ≥', judged as no marker at all).
_MANGLING = (("cp1252", "ÂÃÎÏâ"), ("mac_roman", "¬√Œœ‚"))


def parse_lab_range(text: str, decimal_comma: bool = False) -> LabRange | None:
    """Read a printed reference range; None when it is not in a form panelcli understands."""
    cell = _range_text(unmangled(text))  # QA: '‚â§ 7,0', a Mac's '≤ 7,0', was unreadable
    if not cell.isascii() and (signed := _signed_in_words(cell)) is not None:
        cell = signed  # Japanese '7.0以下' is '<=7.0'
    cell = _RANGE_GROUPED.sub(_ungrouped, cell)
    # Elsewhere, as for values, a comma that cannot group thousands is a decimal mark ('<7,5').
    cell = cell.replace(",", ".") if decimal_comma else _lone_decimal_commas(cell)
    between = _RANGE_BETWEEN.match(cell)
    if between:
        low, high = float(between.group(1)), float(between.group(2))
        # low > high ('7-0') is returned as written: the caller says what is wrong with it
        unit = _range_unit(between.group("unit"))
        return LabRange(low, high, unit) if math.isfinite(high) else None
    one_sided = _RANGE_ONE_SIDED.match(cell)
    if one_sided:
        bound = float(one_sided.group(2))
        if not math.isfinite(bound):
            return None
        comparator = _COMPARATOR_SPELLING[one_sided.group("cmp")]
        unit = _range_unit(one_sided.group("unit"))
        if comparator in ("<", "<="):
            return LabRange(None, bound, unit, high_exclusive=comparator == "<")
        return LabRange(bound, None, unit, low_exclusive=comparator == ">")
    up_to = _RANGE_UP_TO.match(cell)
    if up_to and math.isfinite(bound := float(up_to.group(1))):
        return LabRange(None, bound, _range_unit(up_to.group("unit")))
    if cell.endswith((")", "]")) and (remark := _METHOD_REMARK.search(cell)) is not None:
        return parse_lab_range(cell[: remark.start()], decimal_comma)
    if ";" in cell and (said := _range_with_remark(cell, decimal_comma)) is not None:
        return said
    if (flagged := _FLAG_AFTER_RANGE.match(cell)) is not None:
        # the result's flag an LIS wrote after its range ('0-7 H': lab QA round 22, unread)
        return parse_lab_range(flagged["range"], decimal_comma)
    return _worded_range(cell, in_brackets=text.strip()[:1] == "[")


#: A printed range with the result's flag after it ('0-7 H', '<5.0 HH')
_FLAG_AFTER_RANGE = lazy_pattern(r"(?P<range>.*\d(?:\s*(?i:[a-zµμ/]+))?)\s+(?:HH|LL|H|L|N|A)\Z")


#: A limit whose thousands are grouped as only a number's are ('1.200,0', '1,200.0', '1'200',
#: '1 200' with a no-break, narrow or thin space, '1 200,0'), as values are read (lab QA round
#: 18: unread, the set's range judged sIL-2R 1300 normal where the lab's said high); not
#: '1,200' or '1.200' alone, which may be 1.2, nor '100 200', which may be two numbers.
_RANGE_GROUPED = lazy_pattern(
    r"(?<![\d.,'’])[1-9]\d{0,2}(?:(?:\.\d{3})+,\d+|(?:,\d{3})+\.\d+|(?:['’]\d{3})+(?:[.,]\d+)?"
    r"|(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|(?: \d{3})+[.,]\d+)(?![\d.,'’])"
)


def _ungrouped(found: re.Match[str]) -> str:
    """A grouped limit (`_RANGE_GROUPED`) as a plain number: its last '.' or ',' is its
    decimal mark, the other marks group its thousands."""
    number = found[0]
    point = max(number.rfind("."), number.rfind(","))
    whole, decimals = (number[:point], number[point + 1 :]) if point >= 0 else (number, "")
    digits = "".join(filter(str.isdigit, whole))
    return f"{digits}.{decimals}" if decimals else digits


def _range_with_remark(cell: str, decimal_comma: bool) -> LabRange | None:
    """'<8.1 pg/mL; >8.1 elevated': a range, then what is past its limit, each after ';' (lab
    QA round 13: unread, the set's looser range judged 12 normal); else None. Only remarks on
    the range's own limits: '0-7; 0-10 children' is two groups' ranges, not read."""
    first, *rest = cell.split(";")
    found = parse_lab_range(first, decimal_comma)
    if found is None:
        return None
    limits = {found.low, found.high} - {None}
    for part in rest:
        remark = _PAST_LIMIT_REMARK.match(part.strip())
        if remark is None or float(remark.group(1)) not in limits:
            return None
    return found


_PAST_LIMIT_REMARK = lazy_pattern(
    rf"^(?:[<>]=?|[≤≥])\s*{_NUM}\s*(?:{_RANGE_UNIT}\s*)?"
    r"(?i:elevated|high|raised|increased|abnormal|positive|low|decreased|reduced|erhöht"
    r"|erniedrigt|élevé|elevado|elevato|aumentato|verhoogd|verlaagd)$"
)


#: Printed ranges in words (lab QA round 12: each was unreadable, and the set's range, three
#: times stricter, judged the value): '7.0 max', 'max. 7.0', 'ND-7.0' (nothing found up to
#: 7.0), '[0.0;7.0]' (an interval as mathematics writes it), 'normal < 7.0'
_RANGE_MAX = lazy_pattern(
    rf"^(?i:max\.?|maximum)\s*{_NUM}\s*{_RANGE_UNIT}?$|^{_NUM}\s*(?i:max\.?|maximum)$"
)
_RANGE_MIN = lazy_pattern(
    rf"^(?i:min\.?|minimum)\s*{_NUM}\s*{_RANGE_UNIT}?$|^{_NUM}\s*(?i:min\.?|minimum)$"
)
_RANGE_FROM_NOTHING = lazy_pattern(
    rf"^(?i:n\.?d\.?|neg\.?|negative)\s*[-–—]\s*{_NUM}\s*{_RANGE_UNIT}?$"
)
_RANGE_IN_SEMICOLONS = lazy_pattern(rf"^{_NUM}\s*;\s*{_NUM}$")  # its brackets taken off
_RANGE_SAID_NORMAL = lazy_pattern(
    r"^(?i:normal|norm(?:al)?\s+range|normal\s+value)\s*:?\s+(?=[<>≤≥\d])"
)


def _worded_range(cell: str, in_brackets: bool) -> LabRange | None:
    """A printed range in words (`_RANGE_MAX` …), else None; `in_brackets`: the cell was
    written in square brackets ('[0.0;7.0]', read as '0.0;7.0')."""
    if not cell[:1].isalnum():
        return None
    for pattern, upper in ((_RANGE_MAX, True), (_RANGE_MIN, False)):
        if (found := pattern.match(cell)) is not None:
            bound = float(found.group(1) or found.group(3))  # before the word, or after it
            if not math.isfinite(bound):
                return None
            unit = _range_unit(found.group("unit"))
            return LabRange(None, bound, unit) if upper else LabRange(bound, None, unit)
    if (found := _RANGE_FROM_NOTHING.match(cell)) is not None:
        bound = float(found.group(1))
        return (
            LabRange(None, bound, _range_unit(found.group("unit")))
            if math.isfinite(bound)
            else None
        )
    if in_brackets and (found := _RANGE_IN_SEMICOLONS.match(cell)) is not None:
        low, high = float(found.group(1)), float(found.group(2))
        return LabRange(low, high, None) if math.isfinite(high) else None
    if (said := _RANGE_SAID_NORMAL.match(cell)) is not None:
        return parse_lab_range(cell[said.end() :])
    return None


#: A remark in brackets after a printed range that names the test's method, maker or blood
#: specimen, not a group of people: the lab's own range all the same (lab QA round 9:
#: '0-4.4 pg/mL (ECLIA)' was dropped as a label, and a wider set range called 5.0 normal)
_METHOD_REMARK = lazy_pattern(
    r"\s*[(\[]\s*(?:e?clia|ecl|cmia|elisa|eia|ria|luminex|multiplex|bead\s+array|simoa|msd"
    r"|elecsys|cobas|roche|siemens|immulite|atellica|abbott|architect|alinity|beckman|diasorin"
    r"|liaison|quanterix|ella"
    r"|(?:(?:edta|heparin|citrate)[\s-]*)?(?:serum|plasma)|edta|heparin|(?:whole\s+)?blood)"
    r"\s*[)\]]\s*$",
    re.IGNORECASE,
)


def is_plain_number(text: str) -> bool:
    """True for a bare number such as '-2.5' or '1e3': text a spreadsheet shows, never runs."""
    return _NUMBER.fullmatch(text) is not None


#: What a date cell may say for a date not known ('N/A', '-'): read as a blank cell, not as a
#: date (QA: 'unknown' beside '2026-03-14' was a sample-conflict, and a date in trends).
NOT_KNOWN_DATES = frozenset({"n/a", "na", "-", "--", "?", "unknown", "not known", "none", "nil"})


def given_date(cell: str) -> str | None:
    """A date cell as written (stripped), or None when it is blank or says none is known."""
    text = cell.strip()
    if not text.isascii():  # as ids: a zero-width space is no other date (QA round 2)
        text = _INVISIBLE_ONLY.sub("", text).strip()
    return None if not text or text.casefold() in NOT_KNOWN_DATES else text


#: What a patient's id cell may say for a person not known ('N/A', '-', 'unknown'): read as a
#: blank cell, no one's id (QA: two rows of 'N/A', two unknown people, made one patient's trend
#: 'Patient N/A … IL-6 fell').
NOT_KNOWN_IDS = NOT_KNOWN_DATES | frozenset({
    "n.a.", "n.a", "n/k", "n.k.", "---", "—", "–", "−", "unk", "null", "#n/a", "not given",
    "not available", "not applicable", "unbekannt", "inconnu", "desconocido",
})  # fmt: skip


#: A range or limit cell saying none is known: an id's words, and German 'k.A.' (keine Angabe)
NOT_KNOWN_RANGES = NOT_KNOWN_IDS | frozenset({"k.a.", "k. a.", "keine angabe"})
#: Those words with their dots and spaces left out ('n. a.', 'k.a' as 'na', 'ka'; review)
_NOT_KNOWN_KEYS = frozenset(re.sub(r"[\s.]", "", word) for word in NOT_KNOWN_RANGES)


def says_none_known(cell: str) -> bool:
    """Whether a range or limit cell says no range is known ('N/A', 'n. a.', '-', 'k.A.')."""
    return re.sub(r"[\s.]", "", cell.casefold()) in _NOT_KNOWN_KEYS and bool(cell.strip())


#: Body fluids other than blood that a specimen or sample type cell may name, and how a
#: reader says each: cytokine levels there are not blood's, so a blood range does not fit
_OTHER_FLUIDS = (
    # (and its Spanish, Portuguese, Italian, French and Dutch words: lab QA round 11)
    (r"\bcsf\b|cerebro-?spinal|\bliquor\b|\blcr\b|\blcs\b|spinal\s+fluid"
     r"|c[eé]falo-?rr?a(?:qu|ch)[ií]d|c[ée]phalo-?rachidien|hersenvocht",
     "cerebrospinal fluid (CSF)"),
    (r"synovi|sinovi|joint\s+fluid|gelenk", "joint (synovial) fluid"),
    (r"\bnasal\b|nasopharyn", "nasal fluid"),  # before 'lavage': a nasal lavage (review)
    (r"\bbalf?\b|bronch?o-?alveolar|bronchial\s+lavage|lung\s+lavage", "lung wash fluid (BAL)"),
    (r"lavage|lavado|lavaggio", "a wash (lavage) fluid"),
    (r"seminal|\bsemen\b|samenplasma|seminalplasma", "semen"),
    (r"\burin|\bharn\b|\borina\b", "urine"),
    (r"saliva|speichel|salive|speeksel", "saliva"),
    (r"sputum", "sputum"),
    (r"pleur", "pleural fluid"),
    (r"ascit|peritone", "abdominal fluid (ascites)"),
    (r"pericard|perikard", "fluid from around the heart"),
    (r"vitreous|aqueous|glask[öo]rper|kammerwasser", "fluid from the eye"),
    (r"\btears?\b|tränen", "tears"),
    (r"supernatant|culture|überstand", "cell culture fluid"),
    (r"amnio|fruchtwasser", "amniotic fluid"),
    (r"\bstool\b|\bf(?:a)?eces\b|\bf(?:a)?ecal\b|\bstuhl\b", "stool"),
    (r"\bmilk\b|muttermilch", "breast milk"),
    (r"tissue|homogenate|\blysate|gewebe", "tissue"),  # (not 'dialysate': review)
    (r"dialysate|dialysat", "dialysis fluid"),
    (r"punctaat|punktat|\bdrain", "fluid drawn from the body (a puncture or a drain)"),
)  # fmt: skip
#: Words of blood: a cell that names one is blood's, whatever else it says ('Serum/CSF pair')
_BLOOD = (  # (not 'seminal plasma', 'Seminalplasma', 'Samenplasma': review)
    r"serum|(?<!seminal)(?<!seminal[\s_-])(?<!samen)plasma|blood|\bblut|edta|heparin|citrat"
    r"|\bsang\b|\bsangre\b|\bsiero\b|s[ée]rum|\bsuero\b|\bsoro\b|\bsangue\b|\bbloed\b"
)


@functools.cache
def _fluid_patterns() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """`_BLOOD` and `_OTHER_FLUIDS`, compiled when a file first names a specimen."""
    return re.compile(_BLOOD, re.IGNORECASE), tuple(
        (re.compile(words, re.IGNORECASE), said) for words, said in _OTHER_FLUIDS
    )


def other_fluid(cell: str | None) -> str | None:
    """The body fluid other than blood a specimen cell names ('CSF' → 'cerebrospinal fluid
    (CSF)'), in words; None for blood ('Serum', 'EDTA plasma'), a blank, or other words."""
    fluid = fluid_named(cell)
    return None if fluid == BLOOD else fluid


#: What `fluid_named` says of a cell that names blood ('Serum', 'EDTA plasma')
BLOOD = "blood"


#: Words of blood `fluid_named` knows without its patterns (but in 'seminal plasma')
_PLAIN_BLOOD = ("serum", "plasma", "blood")


@functools.lru_cache(maxsize=256)
def fluid_named(cell: str | None) -> str | None:
    """The body fluid a specimen cell names, in words: `BLOOD`, or another ('CSF' →
    'cerebrospinal fluid (CSF)'); None for a blank or other words."""
    if not cell or not cell.strip() or cell.strip().isdigit():
        return None
    lowered = cell.casefold()
    if any(word in lowered for word in _PLAIN_BLOOD) and not any(
        word in lowered for word in ("semin", "samen")
    ):
        return BLOOD  # before the patterns are compiled: the bundled sets' specimens are blood's
    blood, fluids = _fluid_patterns()
    if blood.search(cell):
        return BLOOD
    return next((said for words, said in fluids if words.search(cell)), None)


def text_guarded(cell: str) -> str | None:
    """The text of Excel's guard ="…", which LIS write so that Excel keeps a cell's text as it
    is (zeros, signs), else None."""
    return cell[2:-1] if cell.startswith('="') and cell.endswith('"') and len(cell) > 2 else None


#: An id as Excel shows a number of 12 or more digits ('1.23457E+11', '1,23457E+11'): its
#: digits past the sixth are lost.
EXCEL_ROUNDED_ID = lazy_pattern(r"[1-9](?:[.,]\d{1,14})?E\+(?:1[1-9]|[2-9]\d)", re.I)


def given_id(cell: str) -> str | None:
    """A patient's (or sample's) id cell as written (stripped), or None when it is blank or
    says no one's is known (`NOT_KNOWN_IDS`)."""
    text = cell.strip()
    # ('in' first: no call for the ids of every row on the general path)
    if '="' in text and (guarded := text_guarded(text)) is not None:
        text = guarded.strip()  # ="00123"
    elif text[:1] == "'" and text[1:2].isdigit():
        # Excel's mark that keeps '00125 as text (lab QA round 12: kept in the id, so '00125
        # and 00125 were two samples); not before a letter ('t Hooft is a name)
        text = text[1:]
    if not text.isascii():  # 'Mu' + a combining '¨' is 'Mü' (QA: one patient became two)
        # nor is a zero-width space or a BOM (two exports joined by `cat`) another id (lab QA)
        text = _INVISIBLE_ONLY.sub("", as_composed(text)).strip()
    return None if not text or text.casefold() in NOT_KNOWN_IDS else text


def as_composed(text: str) -> str:
    """Text with its accents as one character each (Unicode NFC): some programs write 'ü' as
    'u' and a combining '¨', which looks the same but compares apart."""
    return unicodedata.normalize("NFC", text)


#: What a file is, by its first bytes, and what to do about it (a data file's advice).
_BINARY_MAGIC = {
    b"\x1f\x8b": (
        "a gzip-compressed file",
        "extract it first, or send it on standard input: zcat FILE | panelcli check -",
    ),
    b"PK\x03\x04": (
        "a zip archive (an Excel .xlsx workbook is one)",
        "extract it, or save the sheet as CSV",
    ),
    b"BZh": ("a bzip2-compressed file", "extract it first"),
    b"\xfd7zXZ\x00": ("an xz-compressed file", "extract it first"),
    b"%PDF": ("a PDF document", "export the results as CSV instead"),
    b"\xd0\xcf\x11\xe0": ("an old Excel (.xls) workbook", "save the sheet as CSV"),
}


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """What a file's first bytes say it is where it is no text ('a gzip-compressed file'), and
    what to do about it; None for anything else (one table for data and ranges files: QA)."""
    for magic, kind in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return kind
    return None


def person_key(text: str) -> str:
    """A patient id or name as two rows' are compared: no case, runs of spaces as one, no
    invisible characters (QA: a zero-width space split one patient's trend in two), and a
    whole number as pandas writes one in a column with a blank cell ('123.0' is '123':
    trends QA round 17, the highest result was left out of 123's trend unsaid)."""
    # split first: a tab between names is a space, a control character, not nothing
    key = " ".join(without_invisible(" ".join(as_composed(text).split())).split()).casefold()
    if "." in key and (whole := _WHOLE_NUMBER_AS_FLOAT.fullmatch(key)) is not None:
        return whole[1] + (whole[2] or "")
    return key


#: ... also with a study's site read after it ('123.0 (site 01)': review)
_WHOLE_NUMBER_AS_FLOAT = lazy_pattern(r"(\d+)\.0+( \(.+\))?")


def is_utf32(head: bytes) -> bool:
    """Whether bytes are UTF-32 text: its BOM, or ASCII's three NULs in every four bytes,
    always at the same three places (one rule for data and ranges files: review)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return True
    if len(head) < 8:
        return False
    places = sorted(head[i::4].count(0) for i in range(4))
    return places[1] * 4 >= len(head) * 0.9  # three places (nearly) all NULs
