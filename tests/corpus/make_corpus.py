"""Write the bad-input corpus: small hostile files, each named for what is wrong with it.

Run `python tests/corpus/make_corpus.py` to (re)write the files next to this script;
tests/test_corpus.py checks that the committed files are exactly what this script makes.
Every value is synthetic. Huge files (a 100 MB line) are made at test time, never committed.
"""

from __future__ import annotations

import codecs
import gzip
import io
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "sample_id,patient_id,collected_at,marker,value,unit"


def _csv(*rows: str, header: str = HEADER, end: str = "\n") -> bytes:
    return end.join([header, *rows, ""]).encode("utf-8")


def _row(marker: str, value: str, unit: str = "pg/mL", sample: str = "SYN-1") -> str:
    return f"{sample},SYNTH-1,2026-01-02,{marker},{value},{unit}"


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


VALID = _csv(_row("IL-6", "4.2"), _row("TNF-α", "<4.0"), _row("IL-10", "2.0"))


def _toml(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


IL6 = '[markers."IL-6"]'
PG = 'unit = "pg/mL"'


def corpus() -> dict[str, bytes]:
    """Every corpus file by name (deterministic: the same bytes on every run)."""
    rng = random.Random(8)
    utf16 = ("\n".join([HEADER, _row("IL-6", "4.2"), _row("IL-8", "3.1")]) + "\n").encode(
        "utf-16-le"
    )
    return {
        "valid.csv": VALID,
        "empty.csv": b"",
        "blank-lines-only.csv": b"\n\r\n   \n\t\n",
        "header-only.csv": _csv(),
        "header-only-no-newline.csv": HEADER.encode(),
        "only-comments.csv": b"# exported by a LIMS\n# nothing else here\n",
        "binary-elf.csv": b"\x7fELF\x02\x01\x01" + bytes(200) + rng.randbytes(100),
        "random-bytes.csv": bytes(rng.randrange(1, 256) for _ in range(4096)),
        "gzip-named-csv.csv": gzip.compress(VALID, mtime=0),
        "zip-named-csv.csv": _zip("results.csv", VALID),
        "pdf-named-csv.csv": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n",
        "nul-bytes.csv": _csv(_row("IL-6", "4\x002"), _row("IL-8", "3.1"), _row("IL-10", "\x00")),
        "mixed-line-endings.csv": (
            f"{HEADER}\r\n{_row('IL-6', '4.2')}\n{_row('IL-8', '3.1')}\r"
            f"{_row('IL-10', '2.0')}\r\n{_row('IL-2', '1.0')}"
        ).encode(),
        "cr-only.csv": _csv(_row("IL-6", "4.2"), _row("IL-8", "3.1"), end="\r"),
        "unbalanced-quote.csv": _csv(
            _row("IL-6", "4.2"), _row("IL-8", '"3.1'), _row("IL-10", "2.0"), _row("IL-2", "1.0")
        ),
        "stray-quote.csv": _csv(_row("IL-6", '"4.2"x'), _row("IL-8", "3.1")),
        "quoted-newline.csv": _csv(
            _row("IL-6", "4.2", sample='"SYN-1\nsecond line\nthird"'), _row("IL-8", "3.1")
        ),
        "duplicate-headers.csv": _csv("IL-6,4.2,5.0", header="marker,value,value"),
        "duplicate-synonyms.csv": _csv("IL-6,IL-6,4.2", header="marker,analyte,value"),
        "missing-value-column.csv": _csv("SYN-1,IL-6,pg/mL", header="sample_id,marker,unit"),
        "missing-marker-column.csv": _csv("SYN-1,4.2,pg/mL", header="sample_id,value,unit"),
        # (no comment column last: its text split by a ',' is read whole)
        "extra-columns.csv": _csv(
            "IL-6,4.2,pg/mL,ok", "IL-8,3.1,pg/mL,ok,surprise", header="marker,value,unit,method"
        ),
        "short-rows.csv": _csv("SYN-1,SYNTH-1,2026-01-02,IL-6", _row("IL-8", "3.1")),
        "non-numeric.csv": _csv(
            _row("IL-6", "abc"), _row("IL-8", "positive"), _row("IL-10", "--"), _row("IL-2", "N/A")
        ),
        "nan-inf-1e309.csv": _csv(
            _row("IL-6", "NaN"),
            _row("IL-8", "inf"),
            _row("IL-10", "-Infinity"),
            _row("IL-2", "1e309"),
        ),  # fmt: skip
        "negative.csv": _csv(_row("IL-6", "-2.0"), _row("IL-8", "-0.5"), _row("IL-10", "-0")),
        "thousands-comma.csv": _csv(_row("IL-6", '"1,234"'), _row("IL-8", "3.1")),
        "thousands-semicolon.csv": b"sample_id;marker;value;unit\nSYN-1;IL-6;1,234.5;pg/mL\n",
        "absurd-values.csv": _csv(
            _row("IL-6", "1e300"), _row("IL-8", "5e12"), _row("IL-10", "9" * 40, unit="ng/mL")
        ),
        "unknown-markers.csv": _csv(_row("IL-66", "4.2"), _row("Foobarin", "3.1")),
        "unknown-units.csv": _csv(
            _row("IL-6", "4.2", unit="U/mL"),
            _row("IL-8", "3.1", unit="pmol/L"),
            _row("IL-10", "2.0", unit="furlongs"),
        ),  # fmt: skip
        "missing-unit.csv": _csv(_row("IL-6", "4.2", unit="")),
        "bom-inside-cell.csv": _csv(_row("\ufeffIL-6", "\ufeff4.2"), _row("IL-8", "3.1")),
        "concatenated-exports.csv": VALID + codecs.BOM_UTF8 + VALID,
        "invalid-utf8.csv": _csv(_row("IL-6", "4.2"))
        + b"SYN-\xff\x81\xc0\xaf,SYNTH-1,2026-01-02,IL-8,3.1,pg/mL\n",
        "utf16-truncated.csv": codecs.BOM_UTF16_LE + utf16 + b"\x41",
        "utf16-lone-surrogate.csv": codecs.BOM_UTF16_LE + utf16 + b"\x00\xd8\x0a\x00",
        "cp1252-excel.csv": _csv(_row("IL-8", "0.021", unit="µg/L")).decode().encode("cp1252"),
        "long-cell.csv": _csv(_row("IL-6", "7" * 50 + "x" * 20_000)),
        "control-chars.csv": _csv(
            _row("IL-6\x1b[31m", "4.2", sample="\x1b]8;;https://evil.example\x07SYN-1\x1b]8;;\x07"),
            _row("IL-8", "3\x1b[2J.1"),
            _row("IL-10\u202e", "2.0", sample="SYN-\x07\x08\x7f"),
        ),
        "rich-markup.csv": _csv(
            _row("[bold]IL-66[/bold]", "4.2", sample="[link=https://evil.example]SYN-1[/link]"),
            _row("IL-8", "[red]3.1"),
        ),
        "formula-cells.csv": _csv(
            _row('"=HYPERLINK(""https://evil.example"",""IL-6"")"', "4.2"),
            _row("@SUM(1+1)", "3.1", sample="+SYN-1"),
        ),
        "unicode-dashes.csv": _csv(
            _row("IL\u20106", "4.2"),
            _row("IL\u22128", "3.1"),
            _row("TNF\u2013α", "2.0"),
            _row("IL\u20141β", "1.0"),
        ),  # fmt: skip
        "preamble-too-long.csv": "".join(f"line {i} of a report\n" for i in range(120)).encode()
        + VALID,
        "wide-bad.csv": b"Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pmol/L)\n"
        b"SYN-1,4.2,abc,2.0\nSYN-2,,,\nSYN-3,1,2,3,4\n",
        # Rows cut off before the header's last columns: not cells left blank.
        "wide-short-rows.csv": "Sample ID,IL-6 (pg/mL),IL-8 (pg/mL),IL-10 (pg/mL),TNF-α (pg/mL)\n"
        "SYN-1,4.2,3.1,2.0,5.0\nSYN-2,1.0,2.0\nSYN-3\n".encode(),
        "ranges-unknown-key.toml": _toml(IL6, PG, "hihg = 7.0"),
        "ranges-low-above-high.toml": _toml(IL6, PG, "low = 10.0", "high = 2.0"),
        "ranges-critical-inside.toml": _toml(IL6, PG, "high = 10.0", "critical_high = 5.0"),
        "ranges-critical-low-above-high.toml": _toml(IL6, PG, "high = 10.0", "critical_low = 20.0"),
        "ranges-syntax-error.toml": _toml(IL6, PG, "high = 7.0", "low = "),
        "ranges-duplicate-alias.toml": _toml(
            IL6,
            PG,
            "high = 7.0",
            'aliases = ["IL6"]',
            '[markers."IL-8"]',
            PG,
            "high = 20.0",
            'aliases = ["IL6"]',
        ),  # fmt: skip
        "ranges-every-mistake.toml": _toml(
            "[set]",
            'nmae = "lab"',
            IL6,
            PG,
            "high = 10.0",
            "critical_high = 5.0",
            '[markers."IL-8"]',
            PG,
            "low = -1.0",
            "high = nan",
            '[markers."IL-10"]',
            "high = 3.0",
            '[markers."TNF-a"]',
            PG,
            "hihg = 3.0",
        ),  # fmt: skip
        "ranges-not-utf8.toml": _toml(IL6, "high = 7.0").replace(
            b"high", b'unit = "\xb5g/L"\nhigh'
        ),
        "ranges-wrong-types.toml": _toml("markers = 3"),
        "ranges-empty.toml": b"",
        "ranges-control-chars.toml": _toml(
            '[markers."IL-6\\u001b[2J"]', PG, "high = 10.0", "critical_high = 5.0"
        ),
    }


def main() -> None:
    for name, data in corpus().items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(corpus())} files to {HERE}")


if __name__ == "__main__":
    main()
