"""Plumbing shared by the streamed formats (NDJSON, CSV): writing lines as they are made."""

from __future__ import annotations

import codecs
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO, NamedTuple, TextIO, TypeVar

from panelcli.check import StreamEvent, Tally
from panelcli.render.output import output_error, writing

T = TypeVar("T")


class Encoded(NamedTuple):
    """Lines already written as UTF-8 to a file (by another process), to copy out as bytes.

    Copying the bytes costs a fraction of decoding them and encoding them again (a tenth of
    the run on a big file).
    """

    file: BinaryIO
    #: Byte ranges (start, end) of the file to leave out: warnings the other part gave.
    skip: tuple[tuple[int, int], ...] = ()


#: What the streamed formats give: text, UTF-8 bytes, and parts already written to a file.
Text = str | bytes | Encoded


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
    batches: Iterable[Batch],
    tally: Tally,
    encode: Callable[[Sequence[StreamEvent]], str | bytes],
) -> Iterator[Text]:
    """Each list of events counted and encoded as one text; a `Rendered` part as it is."""
    for batch in batches:
        if type(batch) is Rendered:
            tally.add(batch.tally)
            yield from batch.texts
        else:
            tally.count(batch)  # type: ignore[arg-type]
            yield encode(batch)  # type: ignore[arg-type]


#: Bytes gathered per write: one system call per line would cost more than the line.
BATCH_BYTES = 64 * 1024
#: ... but a slow source (a pipe fed row by row) still shows its lines within this many seconds.
BATCH_SECONDS = 0.2
#: Bytes copied at a time from an `Encoded` part (memory stays flat).
COPY_BLOCK = 1024 * 1024


def _kept(skip: Sequence[tuple[int, int]], size: int) -> Iterator[tuple[int, int]]:
    """The byte ranges of a file of `size` bytes that `skip` leaves (in order, none empty)."""
    position = 0
    for start, end in skip:
        if start > position:
            yield position, start
        position = end
    if size > position:
        yield position, size


def write_lines(texts: Iterable[Text], out: TextIO, tally: Tally, prompt: bool = False) -> None:
    """Write text (lines, or runs of lines) as it is made, in writes of about BATCH_BYTES.

    `prompt`: write each text at once (input from a pipe may pause at any row, and its lines
    must not wait for the next one). Holds back while no file was read yet: a run where every
    file is unreadable writes nothing (the caller reports the files on stderr); the held lines
    are a header and one rejection per file, so memory stays flat.
    """
    sink = Utf8Sink(out)
    errors = getattr(out, "errors", None) or "strict"
    batch: list[bytes] = []
    size = 0
    last_write = time.monotonic()
    for text in texts:
        if type(text) is Encoded:  # only ever a part that was read: nothing to hold back
            sink.write(b"".join(batch))
            batch.clear()
            size = 0
            sink.copy(text.file, text.skip)
            continue
        data = text if type(text) is bytes else text.encode("utf-8", errors)  # type: ignore[union-attr]
        batch.append(data)  # type: ignore[arg-type]
        size += len(data)
        if not tally.read_something:
            continue
        if prompt or size >= BATCH_BYTES or time.monotonic() - last_write >= BATCH_SECONDS:
            sink.write(b"".join(batch))
            sink.flush()
            batch.clear()
            size = 0
            last_write = time.monotonic()
    if batch and not tally.nothing_read:
        sink.write(b"".join(batch))
    sink.flush()


class Utf8Sink:
    """UTF-8 bytes to a text stream: straight to its binary buffer when that takes UTF-8
    (stdout and files do), else decoded (a StringIO, another encoding).

    A failure to write is reported as such (see `writing`): the texts written are made while
    the input is read, and reading has its own messages.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out
        binary: BinaryIO | None = getattr(out, "buffer", None)
        # Text mode may turn '\n' into os.linesep: where that is not '\n', bytes would skip it.
        utf8 = codecs.lookup(getattr(out, "encoding", None) or "ascii").name == "utf-8"
        if not utf8 or os.linesep != "\n":
            binary = None
        if binary is not None:
            with writing():
                out.flush()  # what was written as text before comes first
        self._binary = binary

    def write(self, data: bytes) -> None:
        with writing():
            if self._binary is not None:
                self._binary.write(data)
            elif data:
                self._out.write(data.decode("utf-8"))

    def copy(self, file: BinaryIO, skip: Sequence[tuple[int, int]] = ()) -> None:
        """Copy a whole file of UTF-8 text, from its start, but for the byte ranges in `skip`
        (whole lines, in order)."""
        if self._binary is not None and self._sent(file, skip):
            return
        decoder = codecs.getincrementaldecoder("utf-8")()  # a block may end inside a character
        position = 0
        for start, end in [*skip, (-1, -1)]:
            file.seek(position)
            left = start - position if start >= 0 else -1  # -1: to the end of the file
            # Block by block rather than shutil.copyfileobj, so that a failure to read this
            # (temporary) file is not reported as a failure to write the output.
            while left and (block := file.read(COPY_BLOCK if left < 0 else min(left, COPY_BLOCK))):
                left -= len(block) if left > 0 else 0
                with writing():
                    if self._binary is not None:
                        self._binary.write(block)
                    else:
                        self._out.write(decoder.decode(block))
            position = end
        if self._binary is None:
            with writing():
                self._out.write(decoder.decode(b"", final=True))

    def _sent(self, file: BinaryIO, skip: Sequence[tuple[int, int]]) -> bool:
        """`copy` by the system (`os.sendfile`: no block passes through Python, a tenth of a
        second on a million rows); False, with nothing written, where it cannot be used (no
        file descriptor, an output opened to append, a system that sends only to sockets)."""
        assert self._binary is not None
        sendfile = getattr(os, "sendfile", None)
        try:
            source, target = file.fileno(), self._binary.fileno()
        except (AttributeError, OSError, ValueError):  # a stream in memory
            return False
        if sendfile is None:
            return False
        self.flush()  # what was written before comes first
        size = os.fstat(source).st_size
        sent_any = False
        for start, end in [*_kept(skip, size)]:
            position = start
            while position < end:
                try:
                    sent = sendfile(target, source, position, end - position)
                except BrokenPipeError:  # the reader went away: not an error to report
                    raise
                except OSError as exc:
                    if not sent_any:
                        return False  # unsupported here (or a full disk, which they report)
                    raise output_error(exc) from exc
                if sent == 0:  # the file is shorter than it was: nothing more to send
                    break
                sent_any = True
                position += sent
        return True

    def flush(self) -> None:
        with writing():
            if self._binary is not None:
                self._binary.flush()
            self._out.flush()
