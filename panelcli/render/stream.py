"""Plumbing shared by the streamed formats (NDJSON, CSV): writing lines as they are made."""

from __future__ import annotations

import codecs
import shutil
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import BinaryIO, NamedTuple, TextIO, TypeVar

from panelcli.check import StreamEvent, Tally

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class Encoded(NamedTuple):
    """Lines already written as UTF-8 to a file (by another process), to copy out as bytes.

    Copying the bytes costs a fraction of decoding them and encoding them again (a tenth of
    the run on a big file).
    """

    file: BinaryIO


#: What the streamed formats give: texts, and parts already encoded.
Text = str | Encoded


class Rendered(NamedTuple):
    """Lines already made in the output's format elsewhere (another process), and their counts.

    Given among the lists of events to `ndjson_texts`/`csv_texts`, its texts are written as
    they are, in their place.
    """

    texts: Iterable[Text]
    tally: Tally


#: What the streamed formats are given: lists of events, and parts made elsewhere.
Batch = Sequence[StreamEvent] | Rendered


def batch_texts(
    batches: Iterable[Batch], tally: Tally, encode: Callable[[Sequence[StreamEvent]], str]
) -> Iterator[Text]:
    """Each list of events counted and encoded as one text; a `Rendered` part as it is."""
    for batch in batches:
        if type(batch) is Rendered:
            tally.add(batch.tally)
            yield from batch.texts
        else:
            tally.count(batch)  # type: ignore[arg-type]
            yield encode(batch)  # type: ignore[arg-type]


def remember(memo: dict[K, T], key: K, value: T, limit: int) -> T:
    """Store value under key, forgetting everything first when memo is full (bounded memory)."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


#: Characters gathered per write: one system call per line would cost more than the line.
BATCH_CHARS = 64 * 1024
#: ... but a slow source (a pipe fed row by row) still shows its lines within this many seconds.
BATCH_SECONDS = 0.2


def write_lines(texts: Iterable[Text], out: TextIO, tally: Tally, prompt: bool = False) -> None:
    """Write text (lines, or runs of lines) as it is made, in writes of about BATCH_CHARS.

    `prompt`: write each text at once (input from a pipe may pause at any row, and its lines
    must not wait for the next one). Holds back while no file was read yet: a run where every
    file is unreadable writes nothing (the caller reports the files on stderr); the held lines
    are a header and one rejection per file, so memory stays flat.
    """
    batch: list[str] = []
    size = 0
    last_write = time.monotonic()
    for text in texts:
        if type(text) is Encoded:  # only ever a part that was read: nothing to hold back
            out.write("".join(batch))
            batch.clear()
            size = 0
            copy_encoded(text.file, out)
            continue
        batch.append(text)  # type: ignore[arg-type]
        size += len(text)
        if not tally.read_something:
            continue
        if prompt or size >= BATCH_CHARS or time.monotonic() - last_write >= BATCH_SECONDS:
            out.write("".join(batch))
            out.flush()
            batch.clear()
            size = 0
            last_write = time.monotonic()
    if batch and not tally.nothing_read:
        out.write("".join(batch))
    out.flush()


#: Bytes copied at a time from an `Encoded` part (memory stays flat).
COPY_BLOCK = 1024 * 1024


def copy_encoded(file: BinaryIO, out: TextIO) -> None:
    """Copy a UTF-8 file's text to `out`: as bytes when `out` writes UTF-8 bytes, else decoded."""
    file.seek(0)
    binary: BinaryIO | None = getattr(out, "buffer", None)
    # Text mode changes no newline here: the other process exists only where fork does (POSIX).
    if binary is not None and codecs.lookup(out.encoding or "ascii").name == "utf-8":
        out.flush()
        shutil.copyfileobj(file, binary, COPY_BLOCK)
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    while block := file.read(COPY_BLOCK):
        out.write(decoder.decode(block))
    out.write(decoder.decode(b"", final=True))
