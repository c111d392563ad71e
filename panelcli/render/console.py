"""Consoles that colour only a terminal, honour NO_COLOR, and never interpret file text."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from panelcli.values import visible


class _QuietOnBrokenPipe(Console):
    """rich exits 1 by itself when the reader goes away; let cli.fatal_errors decide instead."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(
    stream: TextIO | None = None, *, stderr: bool = False, plain: bool = False
) -> Console:
    """A rich console for stdout/stderr; colour and markup only where a person is looking.

    `plain` (for `-o FILE`) never writes escape codes, whatever FORCE_COLOR says.
    """
    stream = stream or (sys.stderr if stderr else sys.stdout)
    is_terminal = hasattr(stream, "isatty") and stream.isatty()
    return _QuietOnBrokenPipe(
        file=stream,
        force_terminal=False if plain else None,
        no_color=bool(os.environ.get("NO_COLOR")) or not is_terminal,
        highlight=False,
        emoji=False,
        width=_width(stream, is_terminal),
        soft_wrap=False,
    )


def _width(stream: TextIO, is_terminal: bool) -> int:
    """$COLUMNS, else the terminal's width, else 100; kept sane (COLUMNS=99999999 would hang)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0 and is_terminal:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (OSError, ValueError):
            columns = 0
    return min(max(columns, 20), 1000) if columns > 0 else 100


def inert(text: object) -> Text:
    """Text from a file, shown literally: markup is not interpreted, control chars are escaped."""
    return Text(visible(str(text)))
