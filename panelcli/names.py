"""Marker-name normalisation: the many ways labs spell the same cytokine map to one key."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from panelcli.patterns import lazy_pattern
from panelcli.values import MOLARITY, parse_lab_range, shorten, unmangled

# Greek letters and their spelled-out names collapse to one Latin letter, so that IL-1β, IL-1b,
# IL1 beta and IL-1 Beta all meet. A spelled-out letter must end its word ("alphabet" is not "a").
# The Latin look-alikes too (ɑ, ꞵ, ɣ: from a keyboard's or a font's IPA letters).
_GREEK = {"α": "a", "β": "b", "γ": "g", "δ": "d", "κ": "k", "ɑ": "a", "ꞵ": "b", "ɣ": "g"}
# A spelled-out letter may be glued to the name (TNFalpha, IFNgamma) but must end the word.
# 'alfa' and 'gama' are how Spanish, Portuguese and Nordic labs spell them.
_GREEK_WORDS = re.compile(r"(alpha|alfa|beta|gamma|gama|delta|kappa)(?![a-z])")
_GREEK_WORD_LETTER = {
    "alpha": "a", "alfa": "a", "beta": "b", "gamma": "g", "gama": "g", "delta": "d", "kappa": "k"
}  # fmt: skip
# Everything that is not a letter or digit is spelling noise: spaces, the ASCII hyphen, the
# Unicode hyphens and dashes U+2010–2015, the minus sign U+2212, dots, underscores, slashes.
# '?' and U+FFFD stay: they stand for a letter lost to an encoding ('TNF-?' was TNF-α or
# TNF-β), so 'TNF-?' must not fold to 'TNF' (found in QA).
_NOISE = re.compile(r"(?:[^\w?\ufffd]|_)+")
#: A footnote's mark after a name ('IL-6¹', 'TNF-α †'): NFKC would make '¹' a digit of the
#: name (lab QA round 8: 'IL-6¹' was no marker, and its 18-fold value passed with exit 0)
FOOTNOTE_MARKS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_AFTER = lazy_pattern(rf"[\s{FOOTNOTE_MARKS}]*[{FOOTNOTE_MARKS}]\s*$")


@lru_cache(maxsize=4096)
def marker_key(name: str) -> str:
    """The comparison key of a marker name: case, spaces, dashes and Greek spellings removed."""
    # ß (German exports' β) first: casefold would turn it into "ss".
    name = unmangled(name)  # first: UTF-8 read as Windows-1252 ends 'IFN-Î³', no footnote
    if name.rstrip()[-1:] in FOOTNOTE_MARKS:
        name = _FOOTNOTE_AFTER.sub("", name)
    text = unicodedata.normalize("NFKC", name).replace("ß", "β").casefold()
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    # Accents off ('Interferón'); Greek letters have none to lose, so they stay as they are
    text = without_accents(text)
    text = _GREEK_WORDS.sub(lambda m: _GREEK_WORD_LETTER[m.group(1)], text)
    key = _NOISE.sub("", text)
    for written, english in _OTHER_LANGUAGES:
        key = key.replace(written, english)
    if key[:2] == "ил":  # Russian 'ИЛ-6' (only first: 'ил' is in many words)
        key = f"il{key[2:]}"
    return key


def short_key(key: str) -> str:
    """A `marker_key` with the names in full as their short forms ('interleukin18' → 'il18'),
    so that a lab's own IL-18 is 'Interleukin-18' too (lab QA round 8: no_reference, exit 0, no
    hint); a key of its own, as typo hints measure the names as written."""
    for written, short in _IN_FULL:
        key = key.replace(written, short)
    return key


#: The Greek letters' names: a word that is one, or ends in a long one ('TNFalpha'), is no
#: slip of one ('zeta' is not 'beta'). Two-letter ones (mu, pi) would hide slips such as
#: 'kapi', and a word merely ending in a short one is no letter ('veta', 'alphi': review).
_GREEK_NAMES = (
    *_GREEK_WORD_LETTER, "epsilon", "zeta", "eta", "theta", "iota", "lambda", "omicron", "rho",
    "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
)  # fmt: skip
_LONG_GREEK_NAMES = tuple(name for name in _GREEK_NAMES if len(name) > 3)
_LETTERS = lazy_pattern(r"[^\W\d_]+")


#: Names of the cytokines, chemokines and growth factors that multiplex panels measure, as
#: `marker_key` folds them ('MCP-1' → 'mcp1'): a wide file's column of one that gives no unit
#: is a marker the set lacks, not some other field (QA: 'not a known marker or field'). Only
#: names no other lab test goes by (review: not PCT, plateletcrit too; Osm, osmolality).
_CYTOKINE_KEY = lazy_pattern(
    r"s?il\d{1,2}(?:[abfr]|ra|rb|r[12]|p\d\d)?|ccl\d{1,2}[a-z]?|cxcl\d{1,2}|cx3cl1|xcl[12]"
    r"|mcp[1-4]|mip[1-5][ab]?|ip10|eotaxin[1-3]?|rantes|fractalkine|tarc|mdc"
    r"|s?tnf(?:a|b|alpha|beta|r[12])?|ifn(?:a\d*|b|g|l\d?|alpha|beta|gamma)?"
    r"|tgf(?:b\d?|alpha|beta\d?)|(?:g|m|gm)csf|vegf[a-d]?|pdgf(?:aa|ab|bb)?|fgfbasic|bfgf"
    r"|fgf2|hgf|tslp|scd40l"
    # spelled out, ending at the name (review: not 'Interferon gamma Nil (IU/mL)', a TB
    # test's, nor 'Epidermal growth factor receptor', 'Insulin-like growth factor 1')
    r"|interleukin\d{1,2}[a-z]?|interferon(?:[abgl]|alpha|beta|gamma|lambda)?\d?"
    r"|tumou?rnecrosisfactor(?:[ab]|alpha|beta)?"
    r"|(?:vascularendothelial|nerve|hepatocyte|plateletderived|transforming)growthfactor"
    r"(?:[ab]|alpha|beta)?\d?|monocytechemoattractantprotein\d|macrophageinflammatoryprotein\d"
    r"(?:[ab]|alpha|beta)?|(?:granulocyte|granulocytemacrophage|macrophage)colonystimulatingfactor"
)


def looks_like_a_cytokine(name: str) -> bool:
    """Whether a header names a cytokine, chemokine or growth factor (`_CYTOKINE_KEY`), also
    with an instrument's words after it (QA: 'IL-18 (33)', a bead region, was not read)."""
    name = without_species(name) or name  # 'Hu IL-18 (33)' (review)
    if _CYTOKINE_KEY.fullmatch(marker_key(name)) is not None:
        return True
    bare = value_name(name)
    return bare is not None and _CYTOKINE_KEY.fullmatch(marker_key(bare)) is not None


def greek_slip_mended(name: str) -> str | None:
    """The name with a Greek letter's name spelled one keystroke wrong put right ('TNF-alpa',
    'IFNgamme', 'IL-1 bta'); None when it has no such slip, or one that could be two letters."""
    for run in _LETTERS.finditer(name):
        mended = _greek_slip_in(run.group().casefold())
        if mended is not None:
            start, meant = mended
            at = run.start() + start
            return name[:at] + meant + name[run.end() :]
    return None


@lru_cache(maxsize=4096)  # words repeat across names ('serum'; developer QA round 11)
def _greek_slip_in(word: str) -> tuple[int, str] | None:
    """Where a word's end is a Greek letter's name one keystroke wrong, and that name."""
    if word in _GREEK_NAMES or word.endswith(_LONG_GREEK_NAMES):
        return None  # spelled right (folded by marker_key already), or another letter: 'zeta'
    # The word's end, longest first: it may be glued to the name ('TNFalpa'), and a shorter
    # end would read a wrong first letter as one more ('veta' as 'v' + 'beta').
    for start in range(max(0, len(word) - 6), len(word) - 2):
        tail = word[start:]
        meant = [w for w in _GREEK_WORD_LETTER if _one_slip_apart(tail, w)]
        letters = {_GREEK_WORD_LETTER[w] for w in meant}
        if len(letters) > 1:  # 'deta': beta or delta
            return None
        if letters:
            return start, meant[0]  # 'alpha' before 'alfa'
    return None


def _one_slip_apart(a: str, b: str) -> bool:
    """Whether two words differ by one keystroke: a letter wrong, left out, added or two
    swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > 2 and len(b) > 2 and a[0] != b[0] and a[-1] != b[-1]:
        return False  # one keystroke leaves the first or the last letter as it was (speed)
    if len(a) == len(b):
        wrong = [i for i in range(len(a)) if a[i] != b[i]]
        return len(wrong) == 1 or (
            len(wrong) == 2 and wrong[1] == wrong[0] + 1 and a[wrong[0]] == b[wrong[1]]
            and a[wrong[1]] == b[wrong[0]]
        )  # fmt: skip
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


#: The words of marker names in French, Spanish, Italian, Portuguese, German and Polish
#: exports, as keys, and the English key each stands for ('Interleucina 6' is 'Interleukin
#: 6'; QA: 'Interferone gamma', 'Tumornekrosefaktor alpha' and 'Gamma-Interferon' were not)
_OTHER_LANGUAGES = (
    # the soluble IL-2 receptor, in the English word order (lab QA round 19: 'löslicher
    # IL-2-Rezeptor', "Récepteur soluble de l'IL-2" at 5000 pg/mL were no_reference, exit 0)
    ("recepteursolubledelinterleukine2", "solubleinterleukin2receptor"),
    ("recepteursolubledelil2", "solubleil2receptor"),
    ("receptorsolubledeinterleucina2", "solubleinterleukin2receptor"),
    ("receptorsolubledeil2", "solubleil2receptor"),
    ("recettoresolubiledellinterleuchina2", "solubleinterleukin2receptor"),
    ("recettoresolubiledellil2", "solubleil2receptor"),
    ("loslicher", "soluble"), ("losliche", "soluble"), ("rezeptor", "receptor"),
    ("interleucina", "interleukin"), ("interleukine", "interleukin"),
    ("interleuchina", "interleukin"), ("interleukina", "interleukin"),
    ("interferone", "interferon"), ("interferao", "interferon"), ("ginterferon", "interferong"),
    ("factordenecrosistumoral", "tumornecrosisfactor"),
    ("facteurdenecrosetumorale", "tumornecrosisfactor"),
    ("fattoredinecrositumorale", "tumornecrosisfactor"),
    ("fatordenecrosetumoral", "tumornecrosisfactor"), ("tumornekrosefaktor", "tumornecrosisfactor"),
    ("proteinacreactiva", "creactiveprotein"), ("proteinecreactive", "creactiveprotein"),
    ("ferritina", "ferritin"), ("ferritine", "ferritin"),
    # lab QA round 12: Greek, Russian, Turkish, Polish names had no hint (accents are off
    # already: 'ιντερλευκίνη' is 'ιντερλευκινη', 'nowotworów' 'nowotworow')
    ("ιντερλευkινη", "interleukin"), ("ιντερφερονη", "interferon"),  # (κ is read as k)
    ("интерлеикин", "interleukin"), ("интерферон", "interferon"), ("фно", "tnf"),  # (й: и)
    ("interlokin", "interleukin"), ("czynnikmartwicynowotworow", "tumornecrosisfactor"),
    # the Greek letters' names in Russian and Greek, as keys (review: 'Интерферон гамма',
    # 'Ιντερφερόνη γάμμα', 'ФНО-альфа' were not read)
    ("гамма", "g"), ("альфа", "a"), ("бета", "b"), ("gαμμa", "g"), ("αλφa", "a"),
    ("bητa", "b"),
    # Chinese and Japanese (lab QA round 13: '白细胞介素-6' had no hint)
    ("白细胞介素", "interleukin"), ("干扰素", "interferon"),
    ("肿瘤坏死因子", "tumornecrosisfactor"),
    ("インターロイキン", "interleukin"), ("インターフェロン", "interferon"),
    ("腫瘍壊死因子", "tumornecrosisfactor"),
)  # fmt: skip
#: ... and the English names in full, as keys, and the short form each is written as
_IN_FULL = (
    ("interleukin", "il"), ("interferon", "ifn"), ("tumornecrosisfactor", "tnf"),
    ("tumournecrosisfactor", "tnf"),
)  # fmt: skip


# A unit after the name: in brackets ('IL-6 (pg/mL)', '[pg/mL]', '{pg/mL}'), or bare after a
# space or comma ('IL-6 pg/mL', 'IL-6, pg/mL'); a footnote's mark after it is left out ('*',
# '†', '¹': lab QA round 8, 'IL-6 (pg/mL)¹' was not read).
# A bare one must be a concentration ('Fasting Y/N', 'Sex M/F' are not units).
_MOLARITY = lazy_pattern(MOLARITY)  # 'pM', 'nM' (case matters: 'IL-6 (PM)' is no unit)
_UNIT_SUFFIX = lazy_pattern(
    # 'IL-6 in pg/mL': the 'in' is no part of the name (QA: read as a marker 'IL-6 in')
    r"^(?P<name>.*?)(?:\s+in(?=[\s(\[{]))?\s*"
    r"(?:[(\[{](?P<unit>[^)\]}]*)[)\]}]"
    r"|[,;]?\s+(?P<bare>(?:(?:mc|[pnµμumk])?g|[pnµμum]?mol|k?i?u)/[mdµμu]?l))"
    rf"\s*[{FOOTNOTE_MARKS}]*\s*$",
    re.IGNORECASE,
)
#: A mass per volume in words ('picograms per mL', 'ng per millilitre', 'pg mL-1')
_UNIT_IN_WORDS = (  # compiled on first use (start-up)
    r"(?:pico|nano|micro|milli)?grams?\s+per\s+\S+|[pnuµμm]?g\s+per\s+\S+|[pnuµμm]?g\s*m?l-1"
)
# 'IL-10_pg_mL', 'IL-10 pg per mL', 'IL-6 (pg per mL)': a mass per volume spelled without a
# slash (QA: in brackets it was no unit, and the column of IL-6 was not read).
# (REDCap's 'il6_pgml' glues the two: lab QA, the column was not read and the run exited 0)
_SPELLED_UNIT = lazy_pattern(
    r"^(?P<name>.*?)[\s_]+(?P<open>[(\[{]\s*)?(?P<mass>(?:mc|[pnµμum])?g)[\s_]*(?:per|/|_)?[\s_]*"
    r"(?P<volume>[md]?l)(?(open)\s*[)\]}])\s*$",
    re.IGNORECASE,
)
#: R's write.csv of a data frame read with its default check.names, which turns every
#: character but letters and digits into '.': 'IL-6 (pg/mL)' is 'IL.6..pg.mL.' (lab QA: the
#: file was refused as 'no header')
_R_NAMED_UNIT = lazy_pattern(
    r"^(?P<name>.+?)\.\.(?P<mass>(?:mc|[pnµμum])?g)\.(?P<volume>[md]?l)\.$", re.IGNORECASE
)
#: Units written without a slash that labs put in a header ('IL-6 (MFI)'): not convertible,
#: but a unit all the same, so the column is read and its cells refused with that reason.
SLASHLESS_UNITS = {
    "mfi": "a median fluorescence intensity (MFI)",
    "fi": "a fluorescence intensity",
    "od": "an optical density (OD)",
    "au": "arbitrary units",
    "%": "a percentage",
    "npx": "Olink's relative log2 scale (NPX)",
}  # each unit as written (casefolded) → what it is, in words: never a concentration


def without_accents(text: str) -> str:
    """A text with its letters' accents taken off ('Límite' as 'Limite')."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


#: A division or fraction slash as the '/' it looks like ('pg∕mL': lab QA round 22, refused)
PLAIN_SLASHES = str.maketrans({"\u2215": "/", "\u2044": "/"})


def one_spaced(text: str) -> str:
    """`text` with each run of white space (and '_') as one space (or '_'): the patterns that
    read names try each way to part a run, so a long one took minutes (fuzz: 1,000 spaces)."""
    if len(text) < 64 or _WHITE_RUN.search(text) is None:  # short: no time to lose (per row)
        return text
    return _WHITE_RUN.sub(lambda run: "_" if run[0].strip("_") == "" else " ", text)


_WHITE_RUN = lazy_pattern(r"[\s_]{2,}")


def split_header_unit(header: str) -> tuple[str, str | None]:
    """Split a wide-layout header such as 'IL-6 (pg/mL)' or 'TNF-α [pg/mL]' into name and unit."""
    header = one_spaced(header)
    if "\u2215" in header or "\u2044" in header:  # 'IL-6 (pg∕mL)'
        header = header.translate(PLAIN_SLASHES)
    match = _UNIT_SUFFIX.match(header)
    if match and match.group("name").strip():
        unit = (match.group("unit") or match.group("bare") or "").strip()
        # Only a ratio (or a known unit word) is a unit: 'IL-12 (p70)' names a subunit.
        if (
            "/" in unit
            or unit.casefold() in SLASHLESS_UNITS
            or _MOLARITY.fullmatch(unit)
            or (
                ("per" in unit or "-1" in unit)
                and re.fullmatch(_UNIT_IN_WORDS, unit, re.IGNORECASE) is not None
            )  # 'picograms per mL' (QA)
        ):
            # 'IL-6 level (pg/mL)': with a unit, 'level' is the value's word (QA); without
            # one, 'IL-6 level' may be a column of words ('High': review)
            name = match.group("name").strip().rstrip(",")
            if name.casefold().endswith(("level", "levels")):
                name = re.sub(r"\s+levels?$", "", name, flags=re.IGNORECASE) or name
            return name, unit
    spelled = _SPELLED_UNIT.match(header) or (".." in header and _R_NAMED_UNIT.match(header))
    if spelled and spelled.group("name").strip():
        return spelled.group("name").strip(), f"{spelled['mass']}/{spelled['volume']}"
    # The unit before an instrument's words ('IL-10 pg/mL Rep 1', 'IL-6 (pg/mL) (19)'): the
    # words stay with the name, which says which replicate or bead region it is.
    tail = _TAIL.match(header.strip())
    if tail:
        name, unit = split_header_unit(tail["name"])
        if unit is not None:
            return f"{name} {header.strip()[tail.end('name') :].strip()}", unit
    return header.strip(), None


#: A header with words after its unit ('IL-6 (pg/mL) Day 7', 'IL-8 (pg/mL).1', 'IL-6 (pg/mL)
#: [0-7.0]', 'IL-2 pg/mL (0-2.1)'): the head up to the first unit, and the words
_WORDS_AFTER_UNIT = lazy_pattern(
    r"^(?P<head>.*?(?:[(\[][^()\[\]]*/[^()\[\]]*[)\]]|[^\s(\[]+/[^\s)\]]+))"
    r"(?P<words>(?:\s+|(?=[.(\[-])|(?<=[)\]])(?=[a-z]$)).*?\S)\s*$"
)


#: The words after a unit that only say which of a marker's columns it is: a visit or time
#: point ('Day 7', 'V2', 'Week 4', 'baseline'), a panel or run ('- Panel 1'), pandas' or R's
#: copy ('.1'), or 'final' (not 'C1', a control's level to some kits: review 53b); a range
#: in brackets is read apart. Anything else (a role, 'Ref High', 'Critical High', 'Flag'; a
#: derived number, 'Change', 'Ratio'; a control; another specimen, 'CSF'; 'converted to
#: pg/mL') may be no result of the marker: not read (review 53)
_WHICH_COLUMN = lazy_pattern(
    r"[-–:,_]?\s*(?:\.\d{1,2}"
    r"|(?:day|d|visit|v|week|wk|w|month|mo|year|yr|timepoint|tp|t|hour|hr|h|cycle|panel|plate"
    r"|run|batch|time\s*point)\s*[-_#]?\s*-?\d{1,3}[a-z]?"
    r"|baseline|screening|follow[\s-]?up|pre[\s-]?dose|post[\s-]?dose|pre|post|final"
    r"|admission|discharge|end\s+of\s+study|eos|unscheduled"
    # lab QA round 11: the blood it was measured in, the method, or a word for 'result' (three
    # high cytokines were dropped, exit 0); never another fluid ('CSF'), read apart
    r"|[(\[]?\s*(?:(?:edta|heparin|li[\s-]*heparin|citrate?)[\s-]*)?(?:serum|s[ée]rum|plasma|siero"
    r"|suero|soro|(?:whole\s+)?blood|edta)\s*[)\]]?"
    r"|[(\[]?\s*(?:e?clia|elisa|luminex|multiplex|elecsys|cobas|simoa|msd|ella|immulite|atellica"
    r"|architect|alinity|liaison)\s*[)\]]?"
    r"|ergebnis|resultado|r[ée]sultat|risultato|uitslag"
    # the assay's limit or the count of wells, as a note with its number ('(LLOQ 1,5)', '[LOD:
    # 0,5]', '(n=2)'), or a footnote's letter ('(pg/ml)a'): lab QA round 22, IL-10 at 18 times
    # its limit was dropped, exit 0
    r"|[(\[]\s*(?:lloq|uloq|llod|lod|loq|lld|lql|uql)\s*[:=]?\s*[<>≤≥]?=?\s*\d[\d.,]*\s*[)\]]"
    r"|[(\[]\s*n\s*=\s*\d{1,4}\s*[)\]]|(?-i:[a-e]))",
    re.IGNORECASE,
)


#: A range in brackets after a unit ('[0-7.0]', '(< 5,3)'): signs and numbers only
_BRACKETED_RANGE = lazy_pattern(  # (a bare number, '(19)', is a bead region, no range)
    r"\(\s*(?:[<>≤≥]=?\s*\d[\d.,]*|\d[\d.,]*\s*[-–]\s*\d[\d.,]*)\s*\)"
    r"|\[\s*(?:[<>≤≥]=?\s*\d[\d.,]*|\d[\d.,]*\s*[-–]\s*\d[\d.,]*)\s*\]"
)


#: Longer than any header a lab writes: a cell so long is not read as one
MAX_HEADER_LENGTH = 500


def words_after_unit(header: str) -> tuple[str, str, str] | None:
    """A header's name, unit and the words after its unit where they only say which of the
    marker's columns it is (`_WHICH_COLUMN`: 'IL-6 (pg/mL) Day 7' → 'IL-6', 'pg/mL', 'Day 7')
    or are a range in brackets ('[0-7.0]'); None for any other header."""
    after = any_words_after_unit(header)
    if after is None:
        return None
    words = after[2]
    if (
        _BRACKETED_RANGE.fullmatch(words) is None
        and _WHICH_COLUMN.fullmatch(words) is None
        and not _worded_range(words)
    ):
        return None
    return after


def _worded_range(words: str) -> bool:
    """Whether words after a unit are a lab's range in brackets with its words, as a range
    column reads them ('(bis 2,1)', '(Ref.: 0-2,1)', '(0,0-2,1 pg/ml)': lab QA round 21, the
    column was not read and its high values unsaid); never a bare number ('(19)', a bead's)."""
    if words[:1] not in "([" or words[-1:] not in ")]":
        return False
    inside = words[1:-1].strip()
    return (
        any(c.isalpha() or c in "<>≤≥=-–" for c in inside) and parse_lab_range(inside) is not None
    )


def any_words_after_unit(header: str) -> tuple[str, str, str] | None:
    """A header's name, unit and whatever words follow its unit ('IL-6 (pg/mL) hs' → 'IL-6',
    'pg/mL', 'hs'); None for a header with none, or one longer than any header is (fuzzing:
    the pattern's search took 48 s over an 80,000-character cell)."""
    if len(header) > MAX_HEADER_LENGTH:
        return None
    found = _WORDS_AFTER_UNIT.match(one_spaced(header.strip()))
    if found is None:
        return None
    name, unit = split_header_unit(found["head"])
    words = found["words"].strip()
    if unit is None or not name or not words:
        return None
    return name, unit, words


# --- what instruments write after a marker's name -----------------------------------------------
# Bio-Plex, xPONENT and MSD name a column or analyte with the marker and their own words after
# it: 'IL-6 Conc. (pg/mL)', 'IL-6 (19)' (the bead region), 'IL-10 Rep 1'. Only these words are
# taken off, and only where what is left is a marker's name (see ReferenceSet.resolve).
# LEGENDplex and BD CBA name a bead by a letter and a number ('IL-6 (B4)', 'Human IL-6 Flex Set
# (A7)'; lab QA round 9: a 13-plex file was refused whole, or IL-8 at 45 had no range, exit 0).
_BEAD_ID = r"(?:\d{1,3}|[a-j]\d{1,2})"
_BEAD = (
    rf"[(\[]\s*(?:(?:bead|region)\s*#?\s*)?{_BEAD_ID}\s*[)\]]|(?:bead|region)\s*#?\s*{_BEAD_ID}"
    r"|flex\s*set(?:\s*[(\[]\s*[a-j]\d{1,2}\s*[)\]])?"
)
_VALUE = (  # German 'Konz.', 'Konzentration' too (QA: 'IL-10 Konz.' got no hint even)
    r"(?:(?:calc(?:\.|ulated)?|obs(?:\.|erved)?)\s*)?(?:conc(?:\.|entration)?"
    r"|konz(?:\.|entration)?)|results?|neat|undiluted"  # (not diluted: the value as measured)
)
#: A diluted sample's result, as a plate's over-range samples come back ('IL-6 x10', 'IL-6
#: 1:10', 'IL-6 dil', 'IL-6 DF10'; lab QA round 15: IL-6 at 1250 pg/mL had no range, exit 0):
#: the marker's, read as at least the number written, which may not be multiplied out
#: (A factor of 2 or more: '1x' and '1:1' are the sample neat. A bare 'Dil' is the factor's
#: column, as 'Dilution' is: review, a wide 'IL-6 Dil' of 10 was read as IL-6 ≥10, high.)
_FACTOR = r"(?:[2-9]|[1-9]\d{1,4})"
_DILUTED = (
    rf"x\s*{_FACTOR}|{_FACTOR}\s*x|1\s*[:/]\s*{_FACTOR}|diluted|dil\.?\s*1\s*[:/]\s*{_FACTOR}"
    rf"|df\s*{_FACTOR}"
)
#: ... and a sample id that names it so after the sample's own, as plate software names a
#: sample run again diluted (lab QA round 19: 'PT-301 1:100' was a sample of its own, its 2.0
#: normal, exit 0): a ratio ('1:100'), x5 or more ('x10', '10x'), 'DF', 'dil'; not after a '-'
#: ('PT-301-D10' may be day 10), nor what may be an aliquot, a date or a place ('(1/2)',
#: '(1/12)', '1/15', '1/81', 'x2': reviews)
_TIMES = r"(?:[5-9]|[1-9]\d{1,4})"
_DILUTED_SAMPLE = lazy_pattern(
    rf"\S(?:\s+(?:[(\[]\s*)?|_|\s*[(\[])(?:1\s*:\s*{_FACTOR}|x\s*{_TIMES}|{_TIMES}\s*x"
    rf"|df\s*{_FACTOR}"
    rf"|dil(?:\.|uted|ution)?\s*(?:1\s*[:/]\s*)?{_FACTOR}|diluted)\s*[)\]]?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)  # asked of each row of a sample off the short path
def names_a_diluted_sample(sample_id: str) -> bool:
    """Whether a sample id ends in a dilution ('PT-301 1:100'; `_DILUTED_SAMPLE`)."""
    if (
        " " not in sample_id and "_" not in sample_id and "(" not in sample_id
        and "[" not in sample_id and "\t" not in sample_id
    ):  # fmt: skip
        return False  # most ids ('S-0001'): no pattern run
    return _DILUTED_SAMPLE.search(sample_id) is not None


_MEAN = r"mean|average|avg\.?"
#: A test run again (lab QA round 9: 'IL-10 Retest' at 30 pg/mL had no range, 'IL-8 (pg/mL)
#: repeat' was not read, and the first run's 'normal' decided the exit code): the marker's
#: result as much as the first run's, each judged, as a marker measured twice is
_RERUN = r"re-?runs?|re-?tests?|repeat(?:ed)?|(?:2nd|second)\s+run"
_REPLICATE = r"rep(?:\.|licate)?\s*#?\s*\d{1,2}"
#: Words of a column that holds no result of the marker it names: a standard's expected
#: value, a fluorescence, a bead count, a spread of replicates, a recovery, a dilution, or
#: the assay's limits (review: 'IL-6 LOD (pg/mL)' was read as a marker's results).
_NOT_A_VALUE = (
    r"exp(?:\.|ected)?\s*conc(?:\.|entration)?|m?fi|(?:bead\s*)?count|%\s*cv|cv\s*%?"
    r"|sd|std\.?\s*dev\.?|stdev|sem|std\.?\s*err(?:\.|or)?|%?\s*recovery|dilution(?:\s*factor)?"
    r"|dil\.?"
    r"|lod|l?loq|uloq|lld|detection\s*limit|limit\s*of\s*detection"
)


_ASSAY_LIMIT = lazy_pattern(r"lod|l?loq|uloq|lld|detection|limit", re.IGNORECASE)


def whose_figure(words: str) -> str:
    """Whose a figure that is no result is, for messages: "the assay's 'LOD'" (a detection or
    quantitation limit: QA, called the instrument's), else "the instrument's 'FI'"."""
    whose = "the assay's" if _ASSAY_LIMIT.search(words) else "the instrument's"
    return f"{whose} '{shorten(words)}'"


@lru_cache(maxsize=1)
def _figure() -> re.Pattern[str]:
    """A cell of the row some exports put under a wide header, naming what each column under
    a marker holds ('FI', 'Obs Conc', 'Exp Conc (pg/mL)'): 'value' for a result, else 'other'.
    Compiled when first asked (once a wide file is opened): 0.3 ms of every start-up else."""
    return re.compile(
        rf"^\s*(?:(?P<value>{_VALUE}|value|final\s*conc(?:\.|entration)?)|(?P<other>"
        rf"{_NOT_A_VALUE}|fi\s*-\s*bkgd|net\s*m?fi|median|od|signal))\s*"
        r"(?:[(\[](?P<unit>[^()\[\]]{1,20})[)\]])?\s*$",
        re.IGNORECASE,
    )


def figure_named(cell: str) -> tuple[bool, str | None] | None:
    """What a sub-header cell names: (whether it is a result, the unit it gives), or None for
    a cell that names no figure of an instrument."""
    match = _figure().match(cell)
    if match is None:
        return None
    return match["value"] is not None, (match["unit"] or "").strip() or None


_TAIL = lazy_pattern(
    rf"^(?P<name>.*?[^\s_])(?:[\s_]+|(?=[(\[{{]))(?P<open>[(\[{{]\s*)?"  # 'IL-6 (SD)' (QA)
    rf"(?:(?P<bead>{_BEAD})|(?P<value>{_VALUE})|(?P<mean>{_MEAN})|(?P<replicate>{_REPLICATE})"
    rf"|(?P<rerun>{_RERUN})|(?P<diluted>{_DILUTED})|(?P<other>{_NOT_A_VALUE}))"
    r"(?(open)\s*[)\]}])\s*$",
    re.IGNORECASE,
)
# IL-12 (40) may be IL-12 p40, not IL-12 at bead region 40: after a marker that comes in
# subunit forms a bare number is not taken for a bead region.
_HAS_FORMS = lazy_pattern(r"(?:il|interleukin)(?:12|23|27|35)")
# 'Complement (C3)' names complement's part C3, not a bead C3 (review 52)
_HAS_PARTS = frozenset({"complement", "complementcomponent"})


# 'IL-12 (40)', 'IL-12 (70)': IL-12's p40 and p70 forms written without their 'p'.
_FORM_NUMBER = lazy_pattern(r"^(?P<name>.*?[^\s_])\s*[(\[]\s*[pP]?(?P<form>40|70)\s*[)\]]\s*$")


@lru_cache(maxsize=4096)
def subunit_form_name(name: str) -> str | None:
    """The name of IL-12's form a name gives by a bare number ('IL-12 (40)' → 'IL-12 p40'),
    not a bead region; None for any other name."""
    written = _FORM_NUMBER.match(name)
    if written is None or marker_key(written["name"]) not in ("il12", "interleukin12"):
        return None
    return f"{written['name']} p{written['form']}"


_TAIL_KINDS = ("bead", "value", "mean", "replicate", "rerun", "diluted", "other")


class InstrumentName(NamedTuple):
    """A name read without the instrument's words after it ('IL-6 Conc.' is IL-6's value)."""

    marker: str  # the marker's name as written, the words off
    replicate: bool = False  # one replicate's value ('Rep 1')
    mean: bool = False  # the mean of replicates ('Mean', 'Average')
    not_a_value: str | None = None  # the words of a column that holds no value ('SD', 'FI')
    diluted: bool = False  # a diluted sample's value ('x10', '1:10'), maybe not multiplied out


@lru_cache(maxsize=4096)
def instrument_name(name: str) -> InstrumentName | None:
    """The marker a name gives with an instrument's words after it ('IL-6 Conc.', 'IL-6 (19)',
    'IL-10 Rep 1', 'IL-6 SD'); None for a name without them. The marker may be unknown."""
    marker, kinds, other = name.strip(), set[str](), None
    while (tail := _TAIL.match(marker)) is not None:
        kind = next(k for k in _TAIL_KINDS if tail[k])
        if kind in kinds or {kind, *kinds} >= {"mean", "replicate"}:
            break  # each word once; 'IL-6 Mean Rep 1' says not which it is
        bare = kind == "bead" and tail[kind].strip("()[] ").isdigit()  # '(40)', not 'Bead 40'
        if bare and _HAS_FORMS.fullmatch(marker_key(tail["name"])):
            break
        if kind == "bead" and marker_key(tail["name"]) in _HAS_PARTS:
            break
        marker, other = tail["name"], tail[kind] if kind == "other" else other
        kinds.add(kind)
    if not kinds:
        return None
    return InstrumentName(marker, "replicate" in kinds, "mean" in kinds, other, "diluted" in kinds)


def value_name(name: str) -> str | None:
    """The marker's name in the name of its value with an instrument's words after it
    ('IL-6 Conc.', 'IL-6 (19)' → 'IL-6'); None for any other name ('IL-6 SD', 'IL-6')."""
    read = instrument_name(name)
    return read.marker if read is not None and read.not_a_value is None else None


#: 'Hu IL-6', 'Human IL-10', 'hIL-6': Bio-Plex and other kits name the species first (QA:
#: 'Hu IL-6 (19)' at 250 pg/mL had no range, exit 0); 'h' only glued to a capital letter
_HUMAN = lazy_pattern(r"\s*(?:[Hh][Uu](?:[Mm][Aa][Nn])?\b[\s._-]*|h(?=[A-Z]))(?P<rest>\S.*)")


#: What an LIS's test name adds to a marker's, after it: a blood specimen (not another
#: fluid's: a CSF's result is no blood's, nor a method's or a highly sensitive assay's, whose
#: ranges are their own: those get a hint) or 'Level' ('IL-6, Serum', 'IL6 SER', 'IL-6 Level')
_LIS_TAIL = lazy_pattern(
    r"(?P<name>.*?[^\s,;:_-])(?:[\s,;:_-]+[(\[]?|\s*[(\[])\s*"
    r"(?:serum|ser|plasma|plas|(?:whole\s+)?blood|bld|edta(?:[\s-]+plasma)?|levels?"
    # ... in other languages (lab QA round 19: 'IL-6 im Serum', 'IL-6 plasmatique', 'IL-6
    # sérico' at 5000 pg/mL were no_reference, exit 0)
    r"|(?:im|in|en|dans\s+le|nel|no|na)\s+(?:serum|plasma|blut|s[ée]rum|suero|siero|soro"
    r"|sangre|sangue|sang)|s[ée]rique|plasmatique|s[ée]ric[oa]|plasm[áa]tic[oa]|sieric[oa]"
    # ... and a blood word alone after it (second review of round 20: 'IL-6 (Blut)'; note 63:
    # '(Suero)', '(Siero)', '(Sérum)', 'Vollblut')
    r"|blut|vollblut|sangre|sangue|sang|s[ée]rum|suero|siero|soro)"
    r"\s*[)\]]?",
    re.IGNORECASE,
)
#: ... and before it: 'Serum IL-8', 'plasma IL-6 level', in other languages too ('Sérum IL-6':
#: no_reference and no hint, lab QA round 19)
_LIS_HEAD = lazy_pattern(
    r"(?:s[ée]rum|plasma|(?:whole\s+)?blood|edta(?:[\s-]+plasma)?|suero|siero|soro|sangre|sangue"
    r"|sang|blut|vollblut)[\s,:_-]+"
    r"(?P<name>\S.*)",
    re.IGNORECASE,
)


#: LOINC's names of a blood test, long and short: 'Interleukin 6 [Mass/volume] in Serum or
#: Plasma (by Immunoassay)', 'IL6 SerPl-mCnc' (lab QA round 12: each was no_reference, exit
#: 0); not another fluid's ('… in Cerebral spinal fluid', 'IL6 CSF-mCnc')
_LOINC_TAIL = lazy_pattern(
    r"(?P<name>.*?\S)\s*\[(?:mass|moles|substance|units|arbitrary\s+units)/volume\]\s+in\s+"
    # not '… by High sensitivity method' (review: hs-CRP was judged by CRP's range), whose
    # assay has ranges of its own, as 'hs-CRP' has
    r"(?:serum\s+or\s+plasma|serum|plasma|(?:whole\s+)?blood)(?:\s+by\s+(?!high\s+sensitiv)\S.*)?"
    r"|(?P<short>\S.*?)\s+(?:SerPl|Ser|Plas|Bld)-[ams]?Cnc",
    re.IGNORECASE,
)
#: NPU's (Nordic lab codes') system before a blood test's name: 'P-IL-6' (plasma), 'S-' serum,
#: 'B-' blood, 'fP-' fasting plasma; Finnish labs write 'P -IL6' (lab QA round 12:
#: no_reference, exit 0); a name after it, not a sample's id or a row split by another
#: delimiter ('S-0001;P-0001;…', as the delimiter's sniffing asks: each was resolved again,
#: 1.4% of a 20,000-row file's run)
_NPU_HEAD = lazy_pattern(r"(?:f?P|f?S|B|Pl|Se) ?-(?P<name>[^\W\d_][^;,\t|]*)")


def words_as_one(words: Sequence[str] | None) -> str | None:
    """A name typed as several words (`explain IL 6`, `demo cytokine storm`) read as if
    quoted; None for no name or a blank one (`explain ""`: the overview or the list)."""
    return " ".join(words or ()).strip() or None


def lis_name(name: str) -> str | None:
    """The name without what an LIS's test name adds to the marker's (`_LIS_TAIL`,
    `_LIS_HEAD`, `_LOINC_TAIL`, `_NPU_HEAD`): 'Serum IL-6, Level' → 'IL-6'; None for a name
    without such words."""
    bare = name.strip()
    if (loinc := _LOINC_TAIL.fullmatch(bare)) is not None:
        bare = loinc["name"] or loinc["short"]
    elif (npu := _NPU_HEAD.fullmatch(bare)) is not None:
        bare = npu["name"]
    while (tail := _LIS_TAIL.fullmatch(bare)) is not None:
        bare = tail["name"]
    if (head := _LIS_HEAD.fullmatch(bare)) is not None:
        bare = head["name"]
    return None if bare == name.strip() else bare


def without_species(name: str) -> str | None:
    """The name without a leading word for human ('Hu IL-6 (19)' → 'IL-6 (19)'); None for a
    name without one. Another species' ('Mu IL-6') is kept: a human range is not its."""
    found = _HUMAN.fullmatch(name)
    return None if found is None else found["rest"]
