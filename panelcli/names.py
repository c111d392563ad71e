"""Marker-name normalisation: the many ways labs spell the same cytokine map to one key."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Greek letters and their spelled-out names collapse to one Latin letter, so that IL-1β, IL-1b,
# IL1 beta and IL-1 Beta all meet. A spelled-out letter must end its word ("alphabet" is not "a").
_GREEK = {"α": "a", "β": "b", "γ": "g", "δ": "d", "κ": "k", "ɑ": "a"}
# A spelled-out letter may be glued to the name (TNFalpha, IFNgamma) but must end the word.
_GREEK_WORDS = re.compile(r"(alpha|beta|gamma|delta|kappa)(?![a-z])")
_GREEK_WORD_LETTER = {"alpha": "a", "beta": "b", "gamma": "g", "delta": "d", "kappa": "k"}
# Everything that is not a letter or digit is spelling noise: spaces, the ASCII hyphen, the
# Unicode hyphens and dashes U+2010–2015, the minus sign U+2212, dots, underscores, slashes.
_NOISE = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def marker_key(name: str) -> str:
    """The comparison key of a marker name: case, spaces, dashes and Greek spellings removed."""
    # ß (German exports' β) first: casefold would turn it into "ss".
    text = unicodedata.normalize("NFKC", name).replace("ß", "β").casefold()
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    text = _GREEK_WORDS.sub(lambda m: _GREEK_WORD_LETTER[m.group(1)], text)
    return _NOISE.sub("", text)


_UNIT_SUFFIX = re.compile(r"^(?P<name>.*?)\s*[\(\[](?P<unit>[^\)\]]*)[\)\]]\s*$")


def split_header_unit(header: str) -> tuple[str, str | None]:
    """Split a wide-layout header such as 'IL-6 (pg/mL)' or 'TNF-α [pg/mL]' into name and unit."""
    match = _UNIT_SUFFIX.match(header)
    # Only a bracket holding a ratio is a unit: 'IL-12 (p70)' names a subunit, not a unit.
    if match and match.group("name").strip() and "/" in match.group("unit"):
        return match.group("name").strip(), match.group("unit").strip()
    return header.strip(), None
