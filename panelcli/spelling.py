"""The symbols panelcli writes, spelled in ASCII for outputs whose encoding lacks them."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from functools import lru_cache

#: How the symbols panelcli writes read where the output's encoding lacks them.
ASCII = {
    "≤": "<=", "≥": ">=", "×": "x", "→": "->", "↗": "/", "↘": "\\", "↕": "^v", "…": "...",
    "·": ".",
    "═": "=", "●": "o", "◀": "<", "▶": ">", "▲": "^", "▼": "v", "‼": "!!", "✓": "ok",
    "✗": "x", "•": "*", "µ": "u", "μ": "u", "α": "alpha", "β": "beta", "γ": "gamma",
    "δ": "delta", "κ": "kappa", "‐": "-", "‑": "-", "–": "-", "—": "-", "−": "-",
    # a sparkline's eight heights as four, low to high (QA: as '_' and '#', a value that rose
    # and fell and one that rose steadily were both '___#'; digits would read as a number)
    **dict.fromkeys("▁▂", "_"), **dict.fromkeys("▃▄", "."), **dict.fromkeys("▅▆", "-"),
    **dict.fromkeys("▇█", "'"),
}  # fmt: skip


def spelled(text: str, encoding: str) -> str:
    """`text` with each character `encoding` lacks spelled in ASCII (as its code point,
    '\\u540d', if it has no spelling)."""
    encode = _encoder(encoding)
    try:
        encode(text)
        return text
    except UnicodeEncodeError:
        return "".join(spelled_char(ch, encoding) for ch in text)


def spelled_char(char: str, encoding: str) -> str:
    """One character as `encoding` can write it: itself, its ASCII spelling, or its code point
    ('\\u540d'; QA: sample ids '名前' and '日本' were both '??')."""
    try:
        _encoder(encoding)(char)
        return char
    except UnicodeEncodeError:
        return ascii_spelling(char)


def ascii_spelling(char: str) -> str:
    """A character an output lacks, in ASCII: its spelling ('≤' as '<='), else its code point."""
    spelling = ASCII.get(char)
    if spelling is not None:
        return spelling
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def writes_everything(encoding: str) -> bool:
    """Whether `encoding` is a Unicode one, which needs no spelling."""
    return codecs.lookup(encoding).name.startswith("utf")


@lru_cache(maxsize=8)
def _encoder(encoding: str) -> Callable[[str], tuple[bytes, int]]:
    return codecs.getencoder(encoding)
