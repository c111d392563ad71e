"""The command line: parse options, call the core, render, exit. No logic of its own."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import io
import itertools
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

import typer

from panelcli import __version__
from panelcli.descriptors import make_waiting
from panelcli.errors import (
    OUT_OF_MEMORY_AT_START,
    ExitStatus,
    OutputError,
    PanelcliError,
    Terminated,
    out_of_memory_advice,
    raised_for_signal,
    signal_stop,
)

if TYPE_CHECKING:
    from rich.console import Console

    from panelcli.check import CheckOptions, Interpreter, StreamEvent, Tally
    from panelcli.models import Report, ReportTotals
    from panelcli.ranges import ReferenceSet
    from panelcli.render.stream import Text

#: Lists of events, or of events and parts made elsewhere (see `_progress`).
Batched = TypeVar("Batched")

app = typer.Typer(
    name="panelcli",
    help="Interpret cytokine panel blood-test results against editable reference ranges.\n\n"
    "It informs; it never diagnoses. Example: panelcli check results.csv (no file at hand? "
    "panelcli demo cytokine-storm interprets a bundled synthetic one)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
ranges_app = typer.Typer(
    help="List, show, check and copy reference-range sets.\n\nExample: panelcli ranges list",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(ranges_app, name="ranges")


class _Argument(typer.core.TyperArgument):
    """An argument as `--help` lists it: 'FILE...', never typer's Python type ('FILE
    <list[str]>', 'SET <str>': QA found them in every command's help); in the usage line as
    command lines write it ('check [OPTIONS] FILE...', not '{FILE}...')."""

    def get_help_record(self, ctx: typer.Context) -> tuple[str, str] | None:  # type: ignore[override]
        record = super().get_help_record(ctx)
        return None if record is None else (self._named() + self._more(), record[1])

    def get_usage_pieces(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        name = self._named() if self.required else f"[{self._named()}]"
        return [name + self._more()]

    def _named(self) -> str:
        return self.metavar or (self.name or "").upper()

    def _more(self) -> str:
        return "..." if self.nargs != 1 else ""

    def display_type_rich(self, ctx: typer.Context) -> str | None:  # type: ignore[override]
        return None  # the same where help is drawn with rich

    def get_missing_message(self, ctx: typer.Context | None) -> str | None:  # type: ignore[override]
        # Next-step QA round 19: 'cat results.csv | panelcli check' said only 'Missing
        # argument', with no word that the piped rows are read when named '-' (worded for a
        # stdin that is no pipe too, cron's or </dev/null: review)
        if self.metavar == "FILE" and ctx is not None and _piped_in():
            return (
                f"To read rows from standard input, name it '-': cat results.csv | panelcli "
                f"{ctx.info_name} -"
            )
        return super().get_missing_message(ctx)


class _Command(typer.core.TyperCommand):
    """A command whose arguments' help names them as a command line does (see `_Argument`)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _Argument

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        _refuse_given_twice(ctx, self.params, args)
        return super().parse_args(ctx, args)


def _one_word(option: str, value: str) -> str:
    """An option's value as compared with itself given again: --sex's 'female' is 'F',
    --format's 'JSON' is 'json', --age's '40 y' is 40, a bundled set's name has no case
    (developer QA: each was 'given twice'); a path is compared as typed ('Lab' and 'lab' may
    be two folders)."""
    if option == "--sex":
        from panelcli.ranges import parse_sex  # only when --sex is given twice

        return parse_sex(value) or value
    if option == "--age":
        from panelcli.check import parse_age  # only when --age is given twice

        age = parse_age(value)
        return value if age is None else repr(age)
    if option in ("--format", "--fail-on"):
        return value.strip().casefold()
    if option == "--assume-unit":  # 'pg/mL' and 'pg/ml' are one unit (developer QA round 11)
        from panelcli.units import unit_key  # only when --assume-unit is given twice

        return unit_key(value.strip())
    if option == "--ranges" and os.path.exists(value):
        return os.path.realpath(value)  # a bundled set by its name and by its file: one set
    if option == "--ranges":
        from panelcli.ranges import bundled_sets  # only when --ranges is given twice

        # a bundled set's name has no case; a folder's has (review: 'mylab' and 'MYLAB')
        for name, path in bundled_sets().items():
            if value.casefold() == name.casefold():
                return os.path.realpath(path)
    return value


def _refuse_given_twice(ctx: typer.Context, params: list[Any], args: list[str]) -> None:
    """An option of one value given twice ('--ranges base.toml --ranges extra.toml'): the
    parser keeps the last without a word (QA: a lab's base set was dropped so)."""
    single = {
        name: param
        for param in params
        if isinstance(param, typer.core.TyperOption)
        and not (param.multiple or param.is_flag or param.count)
        for name in param.opts
    }
    # a flag and its opposite ('--force --no-force'): the parser keeps the last without a word
    switches = {
        name: (param, on)
        for param in params
        if isinstance(param, typer.core.TyperOption) and param.is_flag and param.secondary_opts
        for on, names in ((True, param.opts), (False, param.secondary_opts))
        for name in names
    }
    given: dict[str, str] = {}  # the value of each option met, by its param's name
    switched: dict[str, bool] = {}
    tokens = iter(args)
    for token in tokens:
        if token == "--":  # the rest are arguments, whatever they look like
            return
        if token in switches:
            switch, on = switches[token]
            if switched.setdefault(switch.name or token, on) != on:
                raise typer.BadParameter(  # developer QA: then 'add --force', which was given
                    f"given both {switch.opts[0]} and {switch.secondary_opts[0]}; give one",
                    ctx=ctx, param=switch, param_hint=f"'{switch.opts[0]}'",
                )  # fmt: skip
            continue
        if token.startswith("--"):
            name, equals, value = token.partition("=")
        elif len(token) > 2 and token[:2] in single:  # '-fjson': a short option's value joined
            name, equals, value = token[:2], "=", token[2:]  # (review: '-fjson -fcsv' passed)
        else:
            name, equals, value = token, "", ""
        param = single.get(name)
        if param is None:
            continue
        if not equals:
            value = next(tokens, "")
        before = given.get(param.name)
        option = max(param.opts, key=len)  # '--format' for '-f' too
        # the same twice says one thing ('--sex F --sex female'; QA)
        if before is not None and _one_word(option, before) != _one_word(option, value):
            from panelcli.values import visible  # only now: it imports pydantic

            raise typer.BadParameter(
                visible(
                    f"given twice ('{before}', then '{value}'); give it once"
                    + (
                        " (one set is used: sets are not added together)"
                        if option == "--ranges"
                        else ""
                    )
                ),
                ctx=ctx,
                param=param,
                param_hint=f"'{option}'",
            )
        given[param.name] = value


_SIGNAL_CODES_HELP = (
    "129 hung up (SIGHUP); 130 interrupted (Ctrl-C); 141 the reader of the output went away "
    "before the end (| head); 143 terminated (SIGTERM)."
)
EXIT_CODES_HELP = (
    "Exit codes: 0 nothing flagged; 1 at least one result flagged (see --fail-on); "
    "2 usage error, unreadable file, invalid ranges, output that cannot be written, or any "
    "rejected row (even with "
    "--fail-on never); " + _SIGNAL_CODES_HELP + " --quiet prints nothing but sets the same code."
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    fhir = "fhir"


#: Formats written row by row as the files are read (flat memory, `| head` works).
STREAMED = (OutputFormat.ndjson, OutputFormat.csv)
#: The format an `-o` file's name asks for where --format is not given (developer QA round 8:
#: '-o results.json' wrote the text table into it, with no word)
_FORMAT_OF_NAME = (
    (".fhir.json", OutputFormat.fhir), (".json", OutputFormat.json),
    (".ndjson", OutputFormat.ndjson), (".jsonl", OutputFormat.ndjson),
    (".csv", OutputFormat.csv), (".txt", OutputFormat.table),
    # developer QA round 10: '-o r.fhir' and '-o r.ldjson' got the text table, unsaid
    (".fhir", OutputFormat.fhir), (".ldjson", OutputFormat.ndjson),
)  # fmt: skip
#: ... and the names of the pages `--export` writes, which -o does not
_PAGE_NAMES = (".html", ".htm", ".svg")
#: ... and names of data formats panelcli does not write (developer QA round 9: '-o r.json.gz'
#: and '-o r.tsv' got the text table, unsaid)
_OTHER_DATA_NAMES = (
    ".gz", ".zip", ".bz2", ".xz", ".tsv", ".tab", ".xlsx", ".xls", ".ods", ".parquet", ".xml",
    ".pdf", ".yaml", ".yml", ".geojson",
)  # fmt: skip


def _output_format(given: OutputFormat | None, output: str | None, quiet: bool) -> OutputFormat:
    """--format as given; else as -o's name asks ('results.json': json), else the table. A
    name that asks for another format than the one given, or a page, is said on stderr."""
    name = (output or "").casefold()
    named = next((fmt for ending, fmt in _FORMAT_OF_NAME if name.endswith(ending)), None)
    if given is None and named is not None:
        return named
    chosen = given or OutputFormat.table
    if quiet or output in (None, "-"):
        return chosen
    if named is not None and named != chosen:
        _say(f"note: writing --format {chosen.value} to {output}, whose name says {named.value}")
    elif name.endswith(_PAGE_NAMES):
        _say(
            f"note: -o writes the report as text (--format {chosen.value}) to {output}; for a "
            f"page to share or print, use --export {output}"
        )
    elif given is None and name.endswith(_OTHER_DATA_NAMES):
        _say(
            f"note: writing the table (text) to {output}: its name is not one panelcli writes "
            "(.json, .ndjson, .csv, .fhir.json, .fhir or .txt; none is compressed); give "
            "--format to "
            "choose"
        )
    return chosen


#: Past this many results, a one-document format says that it cannot stream, and what can
#: (about 0.3 GB held by then: json needs about 2.8 kB a result, fhir about 20 kB).
BIG_DOCUMENT = 100_000
BIG_FHIR_DOCUMENT = 25_000


class RangesFormat(StrEnum):
    table = "table"
    json = "json"


class FailOn(StrEnum):
    abnormal = "abnormal"
    critical = "critical"
    never = "never"


Choice = TypeVar("Choice", bound=StrEnum)


def _one_of(choices: type[Choice]) -> Callable[[str], Choice]:
    """A parser for a choice: in any case ('JSON'), and a plain message for another word
    (typer's own said "Value error, 'xml' is not one of …", in pydantic's words; QA)."""

    def parse(text: str) -> Choice:
        for choice in choices:
            if choice.value == str(text).strip().casefold():
                return choice
        import difflib  # only for a word that is none of them

        word = str(text).strip().casefold()
        # another name of one, before a spelling close to another (next-step QA round 20:
        # 'jsonl' was sent to json, one document a line-by-line reader cannot use)
        meant = _OTHER_NAMES.get(word)
        close = [meant] if meant in list(choices) else difflib.get_close_matches(word, choices, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""  # developer QA: '-f jsn'
        raise _bad_parameter(f"'{text}' is not one of {', '.join(choices)}{hint}")

    return parse


#: Other names of a format, as other tools call it
_OTHER_NAMES = {
    "jsonl": "ndjson", "jsonlines": "ndjson", "json-lines": "ndjson", "json lines": "ndjson",
    "fhir.json": "fhir", "fhir-json": "fhir", "fhir json": "fhir", "txt": "table",
    "text": "table",
}  # fmt: skip


def _name_given(words: list[str] | None) -> list[str] | None:
    """`explain`'s and `demo`'s words, refused where they are blank ('' from an unset shell
    variable: next-step QA round 21, the overview or the list came out, exit 0)."""
    if words and not any(word.strip() for word in words):
        raise _bad_parameter(
            "the name is empty (an unset shell variable?); give a name, or leave it out"
        )
    return words


def _bad_parameter(message: str) -> typer.BadParameter:
    """typer's error for an option's value, its control characters inert (QA: an escape
    sequence in --format's or --export's value reached the terminal raw)."""
    from panelcli.values import visible  # here: pydantic is not imported for --help

    return typer.BadParameter(visible(message))


def _choices(choices: type[StrEnum]) -> str:
    """The metavar of a choice, as typer shows its own: '[table|json]'."""
    return f"[{'|'.join(choices)}]"


def _format_option(choices: type[Choice], help_text: str, **more: Any) -> Any:
    """A command's --format (-f): one of `choices`, in any case."""
    return typer.Option(
        "--format", "-f", parser=_one_of(choices), metavar=_choices(choices), help=help_text,
        **more,
    )  # fmt: skip


def _sex_option(value: str | None) -> str | None:
    """--sex read as the file's sex column is ('F', 'male', …), so both accept the same."""
    if value is None:
        return None
    from panelcli.check import parse_sex

    sex = parse_sex(value)
    if sex is None:
        raise _bad_parameter(f"'{value}' is not female or male (F, M)")
    return sex


def _say(message: str) -> None:
    """One line for a person on stderr, never on stdout; control characters from files inert."""
    from panelcli.values import visible  # here: pydantic is not imported for --help

    if message.startswith("-: "):  # messages name a file first; '-' is no name to a person
        message = "standard input: " + message[3:]
    _on_stderr(f"panelcli: {visible(message)}")


def _on_stderr(line: str) -> None:
    """A line for a person on stderr; one that cannot be written (2>/dev/full, a terminal
    closed: SIGHUP) is lost, and changes no result (QA)."""
    with contextlib.suppress(OSError):
        progress = sys.modules.get("panelcli.render.progress")  # a bar shown only if imported
        if progress is not None and progress.say_above(line):
            return
        print(line, file=sys.stderr)


def _say_out_of_memory(message: str) -> None:
    """The out-of-memory line, once a run; where saying it as usual fails too (it imports and
    allocates), written as bytes (review of round 12: the run ended with nothing said)."""
    global OUT_OF_MEMORY_SAID
    if OUT_OF_MEMORY_SAID:
        return
    try:
        _say(message)
    except Exception:  # noqa: BLE001 - any failure here is the memory's
        with contextlib.suppress(OSError):
            os.write(2, b"panelcli: " + message.encode("ascii", "replace") + b"\n")
    OUT_OF_MEMORY_SAID = True


def _stop_for_signal(exception: type[BaseException]) -> NoReturn:
    """Ctrl-C, SIGTERM or SIGHUP stopped the run: say so in one line, with the shell's exit
    code (after SIGHUP there may be no terminal to say it on)."""
    words, status = signal_stop(exception)
    _say(words)
    _stops_said.append(exception)
    raise typer.Exit(status) from None


#: The signal stops `_stop_for_signal` has said (`run` says one it has not).
_stops_said: list[type[BaseException]] = []


#: `panelcli --debug COMMAND`: a traceback for any command's failure, as its own --debug
_DEBUG_EVERYWHERE = False
#: Whether this run said it ran out of memory (a second MemoryError is the same failure)
OUT_OF_MEMORY_SAID = False
#: What to say if this run runs out of memory, once `check` knows its output (developer QA
#: round 9: a 13-row NDJSON run was told to stream); None: the start-up's advice
_MEMORY_ADVICE: str | None = None

#: Why the system refuses a path panelcli only asked after: said as such, not as a bug
_REFUSED_PATH = frozenset({
    errno.EACCES, errno.EPERM, errno.ENAMETOOLONG, errno.ELOOP, errno.EROFS, errno.ENOSPC,
    errno.EDQUOT, errno.ENOTDIR, errno.EISDIR, errno.EIO, errno.ENXIO, errno.ENODEV,
})  # fmt: skip

#: The environment variable click's shell completion answers to: one no shell sets
_NO_COMPLETION = "_PANELCLI_SHELL_COMPLETION_IS_NOT_OFFERED"


@contextlib.contextmanager
def fatal_errors(debug: bool = False) -> Iterator[None]:
    """Turn every failure into one clear line on stderr and an exit code; never a traceback."""
    global _MEMORY_ADVICE, OUT_OF_MEMORY_SAID
    _MEMORY_ADVICE = None  # until `check` knows its format (one process may run several)
    OUT_OF_MEMORY_SAID = False  # (entered by `run` and then by the command: before any failure)
    try:
        yield
    except typer.Exit:
        raise
    except PanelcliError as exc:
        if debug or _DEBUG_EVERYWHERE:
            traceback.print_exc()
        if isinstance(exc, OutputError):
            _drop_unwritten_output()
        _say(str(exc))
        for problem in getattr(exc, "problems", [])[1:]:
            _say(f"  also: {problem}")
        raise typer.Exit(ExitStatus.ERROR) from None
    except (KeyboardInterrupt, Terminated) as exc:
        _stop_for_signal(type(exc))
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, with the exit code of a writer
        # killed by SIGPIPE (never 0: the run did not finish).
        _drop_unwritten_output()
        raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
    except MemoryError as exc:
        # no bug (developer QA round 8: it was an "internal error"), but the machine's or a
        # limit's (`ulimit -v`) end: what holds most is said, once (developer QA round 12: a
        # second MemoryError as the stack unwound said it again, or gave a traceback, exit 1;
        # __main__ ends such a run with exit 2). The finished frames' locals (the report they
        # hold) are let go first.
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
        _drop_unwritten_output()
        _say_out_of_memory(_MEMORY_ADVICE or OUT_OF_MEMORY_AT_START)
        raise typer.Exit(ExitStatus.ERROR) from None
    except OSError as exc:
        if debug or _DEBUG_EVERYWHERE:
            traceback.print_exc()
        if exc.filename is None or exc.errno not in _REFUSED_PATH:  # (a missing file of
            _say_internal_error(exc)  # panelcli's own is a bug: review)
        else:
            # a path the system refused where panelcli only asked after it (developer QA
            # round 14: a folder the user may not search, a name over 255 bytes, said as an
            # internal error)
            from panelcli.values import shorten

            name = shorten(os.fsdecode(exc.filename), 120)
            _say(f"cannot use '{name}': {exc.strerror or type(exc).__name__}")
        raise typer.Exit(ExitStatus.ERROR) from None
    except Exception as exc:  # noqa: BLE001 - the promise is: no traceback, ever
        if debug or _DEBUG_EVERYWHERE:
            traceback.print_exc()
        signalled = raised_for_signal()
        if signalled is not None:  # a library wrapped what the signal handler raised
            _stop_for_signal(signalled)
        _say_internal_error(exc)
        raise typer.Exit(ExitStatus.ERROR) from None


def _say_internal_error(exc: BaseException) -> None:
    """The line for a failure panelcli did not foresee: a bug, to be reported."""
    from panelcli.values import shorten

    # The first line only, shortened: one line on stderr, and no row of data in it.
    first_line = next(iter(str(exc).splitlines()), "")
    _say(
        f"internal error ({type(exc).__name__}: {shorten(first_line, 120)}); please report "
        "it, and run again with --debug to see the details"
    )


def _drop_unwritten_output() -> None:
    """After stdout failed, keep Python from failing again (a second message, exit 120) when
    it flushes what is left in stdout's buffer at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _refuse_names_not_utf8(
    names: list[str], ranges: str | None = None, command: str = "check"
) -> None:
    """File names are written into every output (UTF-8 text): refuse one that is not UTF-8
    (`ranges`: the ranges file's, which standard input cannot stand in for)."""
    from panelcli.file_names import locale_message, name_problem

    given = [(name, True) for name in names] + ([(ranges, False)] if ranges is not None else [])
    refused: list[tuple[str, bool]] = []  # each such name as shown, and whether a lab file's
    for name, may_be_stdin in given:
        problem = name_problem(name)
        if problem is not None and problem.locale:  # UTF-8, read by an ASCII-only run (QA)
            raise PanelcliError(locale_message(problem, name))
        if problem is not None:
            refused.append((problem.shown, may_be_stdin))
    if not refused:
        return
    from panelcli.values import words_joined  # only when a name is refused

    # every one named at once (developer QA: renaming one showed the next)
    shown = words_joined([f"'{name}'" for name, _ in refused])
    one = len(refused) == 1
    # QA: a ranges file was told to go on standard input, where the lab file goes
    instead = "" if not (one and refused[0][1]) else (
        f", or give it on standard input ('panelcli {command} - < FILE')"
    )  # fmt: skip
    raise PanelcliError(
        f"the file {'name' if one else 'names'} {shown} {'is' if one else 'are'} not valid "
        f"UTF-8, so {'it' if one else 'they'} cannot be written in the output; rename the "
        f"{'file' if one else 'files'}{instead}"
    )


def _version(value: bool) -> None:
    if value:
        try:
            _print(f"panelcli {__version__}")
            sys.stdout.flush()  # here, not at exit: typer's own flush made a closed pipe exit 1
        except BrokenPipeError:  # (QA), which means flagged; 141 as every other command
            _drop_unwritten_output()
            raise typer.Exit(ExitStatus.BROKEN_PIPE) from None
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the Python traceback of a failure, for any command (bug reports)."
        ),
    ] = False,
) -> None:
    """Interpret cytokine panel blood-test results against editable reference ranges.

    It informs; it never diagnoses. Example: panelcli check results.csv (no file at hand?
    panelcli demo cytokine-storm interprets a bundled synthetic one)
    """
    global _DEBUG_EVERYWHERE
    # before the command as after it (developer QA: 'panelcli --debug check' was 'No such
    # option: --debug')
    _DEBUG_EVERYWHERE = debug


RangesOpt = Annotated[
    str | None,
    typer.Option(
        "--ranges",
        "-r",
        metavar="SET",
        help="Reference set: a bundled name (see 'panelcli ranges list'), a TOML file or a "
        "folder. Default: $PANELCLI_RANGES, else arup-3002601.",
    ),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Show the Python traceback of a failure (for bug reports).")
]
#: The least --max-line-length: a header line of many columns needs this much.
MIN_LINE_LENGTH = 1024
#: ... and the most: csv's limit is a C long, and a line is read whole (2 GiB is plenty).
MAX_LINE_LENGTH = 2**31 - 1


def _max_line_option(text: str) -> int:
    """A number of characters, read here: typer's own check said 'Input should be greater than
    or equal to 1024', in pydantic's words (QA)."""
    value = int(text) if str(text).strip().isdecimal() else 0
    if not MIN_LINE_LENGTH <= value <= MAX_LINE_LENGTH:
        raise _bad_parameter(
            f"give a whole number of characters from {MIN_LINE_LENGTH} to {MAX_LINE_LENGTH}, "
            f"not '{text}'"
        )
    return value


MaxLineOpt = Annotated[
    int,
    typer.Option(
        parser=_max_line_option,
        metavar="CHARS",
        help=f"Longest line (and value) accepted, in characters ({MIN_LINE_LENGTH} or more).",
    ),
]


#: What an empty -o or --export is (QA: -o "" said "'.' is a folder").
_NO_FILE_NAME = "the file name is empty (an unset shell variable?)"


def _output_name(text: str) -> str:
    """-o's file, '-' for standard output; an empty name is refused before any data is read."""
    name = text.lstrip("=")  # '-o="$OUT"' with OUT unset gives '='
    if not name.strip():
        raise _bad_parameter(f"{_NO_FILE_NAME}; give a file name, or '-' for standard output")
    if name != text:  # QA: '-o=rep.json' wrote a file '=rep.json'
        raise _bad_parameter(
            f"the file name '{text}' starts with '=': write -o {name} or --output={name}"
        )
    trimmed = name.rstrip()
    if trimmed != name and trimmed.casefold().endswith(
        tuple(ending for ending, _ in _FORMAT_OF_NAME)
    ):  # script-author QA round 22: 'r.json ' (from `read` or a CRLF list) got the table
        raise _bad_parameter(
            f"the file name '{text}' ends in {name[len(trimmed) :]!r} after its ending; did "
            f"you mean {trimmed}?"
        )
    from panelcli.render.output import descriptor_named

    descriptor = descriptor_named(text)
    if descriptor == 1:  # standard output's own path, '/dev/stdout', '/dev/fd/1'
        return "-"  # as '-' in all (developer QA: --quiet printed the report, colour differed)
    if descriptor == 0:  # developer QA round 13: the file '< notes.txt' gave was overwritten
        raise _bad_parameter(
            f"'{text}' is standard input, which is read, not written: give a file name, or "
            "'-' for standard output"
        )
    return text


def _export_path(text: str) -> Path:
    """Refuse a wrong file type, or a folder's name ending in '/', before any data is read
    (QA: `Path` dropped the '/' of 'out.html/' and a file 'out.html' was written)."""
    import shlex

    from panelcli.render.export import EXPORT_SUFFIXES
    from panelcli.render.output import names_a_folder

    if not text.strip():
        raise _bad_parameter(f"{_NO_FILE_NAME}; give one ending in .html or .svg")
    if names_a_folder(text):
        raise _bad_parameter(f"'{text}' ends in '/', which names a folder; give a file name")
    path = Path(text)
    # an ending alone ('.html'), or a stray '.' after it ('r.html.'): not told to write text
    # to it (script-author QA round 22: "must end in .html …, not '.html'; … > .html")
    if path.name.casefold() in EXPORT_SUFFIXES:
        raise _bad_parameter(
            f"'{path.name}' is only a file's ending: give the file a name before it, such as "
            f"report{path.name}"
        )
    if (stripped := path.name.rstrip(". ")) != path.name and (
        Path(stripped).suffix.casefold() in EXPORT_SUFFIXES
    ):
        tail = path.name[len(stripped) :]
        said = f"'{path.name}' has {tail!r} after its ending"
        raise _bad_parameter(f"{said}; did you mean {stripped}?")
    if path.suffix.casefold() not in EXPORT_SUFFIXES:
        # where plain text was wanted, the shell writes it (educator QA round 12); a PDF is
        # printed from the page (round 14: '> x.pdf' wrote text no PDF reader opens)
        if path.suffix.casefold() == ".pdf":
            page = shlex.quote(str(path.with_suffix(".html")))
            raise _bad_parameter(
                f"panelcli does not write PDF files ('{path.name}'); for a PDF, export a page "
                f"(--export {page}), open it in a web browser and print it to PDF"
            )
        if text in ("-", "/dev/stdout", "/dev/fd/1"):  # next-step QA round 19: '> -'
            raise _bad_parameter(
                f"the file must end in .html (.htm) or .svg, not '{text}'; the report goes to "
                "standard output already: leave --export out"
            )
        # text only into a file named for text (educator QA round 21: '> s.png' was offered)
        suffix = path.suffix.casefold()
        plain = text if suffix in _TEXT_SUFFIXES else str(path.with_suffix(".txt"))
        picture = (
            f"for a picture, --export {shlex.quote(str(path.with_suffix('.svg')))}; "
            if suffix in _PICTURE_SUFFIXES
            else ""
        )
        raise _bad_parameter(
            f"the file must end in .html (.htm) or .svg, not '{path.name}'; {picture}for plain "
            f"text, send the output to a file instead: > {shlex.quote(plain)}"
        )
    return path


#: Names a shell's '> file' may write the text report to as it is; others get '.txt'
_TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".log", ".out"})
_PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff"})


ExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        parser=_export_path,
        metavar="FILE",
        help="Also write the report, with pictures and the notice, to a file to share or print: "
        "report.html (opens in a browser) or report.svg.",
    ),
]
#: explain's: what it writes is an explanation, a class's handout (docs QA round 18: "report")
ExplainExportOpt = Annotated[
    Path | None,
    typer.Option(
        "--export",
        parser=_export_path,
        metavar="FILE",
        help="Also write the explanation, with the notice, to a file to share or print (a "
        "handout): handout.html (opens in a browser) or handout.svg.",
    ),
]


SexOpt = Annotated[
    str | None,
    typer.Option(
        callback=_sex_option,
        metavar="female|male",
        help="Sex to use for rows that do not give one: female or male (also F, M), read "
        "as in the file's sex column.",
    ),
]


def _assume_unit_option(value: str | None) -> str | None:
    """'range' in any case, as the choices take it (QA: 'RANGE' was 'not a unit')."""
    from panelcli.check import assumed_unit_given

    return assumed_unit_given(value)


AssumeUnitOpt = Annotated[
    str | None,
    typer.Option(
        callback=_assume_unit_option,
        metavar="UNIT",
        help="Unit for rows that have none, e.g. pg/mL; 'range' means each marker's reference "
        "unit. Without it such rows are rejected.",
    ),
]


def _age_option(text: str) -> float:
    """An age read as an age column's is ('42', '18 mo'; review: the column's forms were
    refused here), not by typer's checks, which said 'nan' was more than 150 (QA)."""
    from panelcli.check import parse_age
    from panelcli.ranges import MAX_AGE

    value = parse_age(text)
    if value is None:
        raise _bad_parameter(
            f"give a number of years from 0 to {MAX_AGE} (or a child's age such as 18 mo, "
            f"6 wk, 10 d), not '{text}'"
        )
    from panelcli.check import age_width

    given = GivenAge(value)
    given.width = age_width(text)  # '0' is any age under 1, '7 mo' that month (review)
    return given


class GivenAge(float):
    """--age as read, with how much of a year it spans as written (`age_width`)."""

    width: float


AgeOpt = Annotated[
    float | None,
    typer.Option(
        parser=_age_option,
        metavar="AGE",
        help="Age for rows that do not give one: years (42), or a child's months, weeks or "
        "days (18 mo, 6 wk, 10 d).",
    ),
]


def _say_ranges_warnings(reference_set: ReferenceSet) -> None:
    """The warnings `ranges validate` gives about the set, once a run, on stderr: stdout may be
    data, and a slip in a lab's own file must not pass unseen (QA). They set no exit code."""
    if reference_set.warnings:
        from panelcli.render.lint import lint_lines

        for line in lint_lines(reference_set.path, "warning", reference_set.warnings):
            _say(line)


def _options(
    assume_unit: str | None, sex: str | None, age: float | None, max_line_length: int
) -> CheckOptions:
    """What `check` and `validate` take as options, as the core reads them."""
    from panelcli.check import CheckOptions

    return CheckOptions(
        assume_unit=assume_unit,
        sex=sex,  # type: ignore[arg-type]  # checked by _sex_option
        age=age,
        age_width=age.width if isinstance(age, GivenAge) else None,
        max_line_length=max_line_length,
    )


def _check_assumed_unit(unit: str | None, reference_set: ReferenceSet) -> None:
    """Refuse an --assume-unit no row could use, before reading (else every row is rejected)."""
    from panelcli.check import assumed_unit_problem

    problem = assumed_unit_problem(unit, reference_set)
    if problem:
        raise PanelcliError(f"--assume-unit: {problem}")


def _refuse_existing_export(path: Path | None, force: bool) -> None:
    """Like -o: never replace a file by surprise; checked before any data is read."""
    if path is not None:
        from panelcli.render.output import folder_missing, is_special, refuse_existing

        if not is_special(path):  # a named pipe is written to, as -o writes it (QA round 21)
            refuse_existing(path, force)
        folder = path.parent
        if not folder.is_dir():  # as -o says it, before the run rather than after (QA)
            raise PanelcliError(f"cannot write '{path}': {folder_missing(folder)}")
        # a folder it cannot write in, too (developer QA round 9: the whole report went to
        # stdout first, then exit 2, which a script cannot tell from rows refused)
        import tempfile

        try:
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise PanelcliError(f"cannot write '{path}': {exc.strerror or exc}") from None


def _refuse_one_file_for_two(
    output: str | None, export: Path | None, files: list[str], ranges: str | None
) -> None:
    """-o or --export naming an input (a CSV file or the ranges file), or one file for both:
    one would overwrite the other, and --force must not replace a lab's export (QA)."""
    written = [(option, path) for option, path in (("-o", output), ("--export", export)) if path]
    read = [("FILE", name) for name in files] + ([("--ranges", ranges)] if ranges else [])
    for number, (option, path) in enumerate(written):
        if path == "-":
            continue
        for other, name in [*written[number + 1 :], *read]:
            if name != "-" and _same_file(path, name):
                # each as given, where they differ (QA: '-o a.html' was said to name 'b.html')
                both = (
                    f"{option} and {other} both name '{name}'"
                    if os.path.abspath(path) == os.path.abspath(name)
                    else f"{option} '{path}' and {other} '{name}' name one file"
                )
                raise PanelcliError(f"{both}; give {option} another file")


def _refuse_writing_over_what_is_read(
    output: str | None, export: Path | None, files: list[str], reference_set: ReferenceSet
) -> None:
    """After the set is found: -o or --export naming its file (found by name, folder or
    $PANELCLI_RANGES), or the file standard input is redirected from (QA)."""
    for option, path in (("-o", output), ("--export", export)):
        if not path or path == "-":
            continue
        if _same_file(path, reference_set.path):
            raise PanelcliError(
                f"{option} names the ranges file '{reference_set.path}'; give {option} another file"
            )
        if "-" in files and sys.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                given, read = os.stat(path), os.fstat(sys.stdin.fileno())
                if (given.st_dev, given.st_ino) == (read.st_dev, read.st_ino):
                    raise PanelcliError(
                        f"{option} names '{path}', which standard input is read from; give "
                        f"{option} another file"
                    )


def _same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """One file by both names (also by another name, or links, to one not made yet: QA)."""
    if os.path.abspath(first) == os.path.abspath(second):
        return True
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _draw_table(report: Report, console: Console) -> None:
    """The table of a whole report, drawn into `console` (for --export)."""
    from panelcli.render.table import render_table as draw

    draw(report, console)


def _export(
    path: Path, draw: Callable[[Console], None], quiet: bool = False, title: str = "panelcli report"
) -> None:
    from panelcli.render.export import export_report

    export_report(path, draw, title)
    if not quiet:
        _say(f"wrote {path}")


@app.command(epilog=EXIT_CODES_HELP)
def check(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE", help="CSV files to read; '-' reads standard input."),
    ],
    given_format: Annotated[
        OutputFormat | None,
        _format_option(
            OutputFormat,
            "table for people; json (one document), ndjson (a line per result, streamed), csv "
            "(a row per result, streamed) or fhir (FHIR R4 Bundle) for programs. Not given: as "
            "-o's file name says (.json, .ndjson, .csv, .fhir.json), else table.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            parser=_output_name,
            metavar="FILE",
            help="Write to this file instead of stdout (atomically: all or nothing).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Let --output and --export replace an existing file.")
    ] = False,
    ranges: RangesOpt = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            parser=_one_of(FailOn),
            metavar=_choices(FailOn),
            help="What sets exit code 1: abnormal (low, high or critical), critical, or never "
            "(critical needs critical limits: the bundled sets give none; a ranges file or the "
            "lab's file may).",
        ),
    ] = FailOn.abnormal,
    assume_unit: AssumeUnitOpt = None,
    sex: SexOpt = None,
    age: AgeOpt = None,
    max_line_length: MaxLineOpt = 1024 * 1024,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing; only set the exit code.")
    ] = False,
    export: ExportOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Interpret lab results and summarise them in plain language.

    Example: panelcli check results.csv --format json -o results.json

    No file of your own yet? panelcli demo cytokine-storm --csv > results.csv writes a bundled
    synthetic one (panelcli demo lists them all).

    To share or print: panelcli check results.csv --export report.html
    """
    with fatal_errors(debug):  # first, so Ctrl-C during the imports is handled too
        _refuse_names_not_utf8(files, ranges)
        _refuse_existing_export(export, force)
        _refuse_one_file_for_two(output, export, files, ranges)
        output_format = _output_format(given_format, output, quiet)
        global _MEMORY_ADVICE
        _MEMORY_ADVICE = out_of_memory_advice(output_format.value, export is not None)
        from panelcli.check import Interpreter, PersonsSeen, Tally, build_report
        from panelcli.ranges import has_critical_limits, load_ranges
        from panelcli.render.output import open_output

        options = _options(assume_unit, sex, age, max_line_length)
        reference_set = load_ranges(ranges)
        started()
        # A table on stdout lists them at its end (and so does an exported page): said once,
        # but for a run that stops before its table (review: then they were said nowhere)
        in_table = output_format == OutputFormat.table and output in (None, "-")
        if not quiet and not in_table:
            _say_ranges_warnings(reference_set)
        if fail_on == FailOn.critical and not quiet and not has_critical_limits(reference_set):
            # developer QA: with the bundled sets '--fail-on critical' never gave 1, unsaid
            _say(
                f"note: the reference set {reference_set.name} gives no critical limits, so "
                "--fail-on critical sets exit 1 only for a result past a lab's critical limit "
                "in the file"
            )
        with _said_if_it_stops(reference_set, in_table and not quiet):
            _refuse_writing_over_what_is_read(output, export, files, reference_set)
            _check_assumed_unit(assume_unit, reference_set)
            if not quiet:
                _say_if_typed_in(files)
            # --quiet with -o still writes the file; '-o -' is stdout, kept empty by --quiet (QA)
            writes = (output is not None and output != "-") or not quiet
            with open_output(output, force, utf8=output_format != OutputFormat.table) as out:
                # Nothing to write (--quiet, no -o, no --export): only the totals are needed,
                # counted as the rows stream in whatever the format (developer QA round 8:
                # '-q -f json' held a million rows' report, 93 s and 2.8 GB, to print nothing)
                if (output_format in STREAMED or not writes) and export is None:
                    piped = _reads_a_stream(files)
                    totals = None
                    if not piped and writes:
                        totals = _in_two_processes(
                            files, reference_set, options, output_format, out, quiet
                        )
                    if totals is None:
                        interpreter = Interpreter(reference_set, options)
                        batches = _batches(interpreter, files, quiet, streamed_to=out)
                        tally = Tally(interpreter.synthetic_sources)
                        totals = _stream(
                            batches, tally, reference_set, output_format, out, writes, piped
                        )
                elif output_format in STREAMED:  # with --export: streamed, and kept for its table
                    assert export is not None
                    interpreter = Interpreter(reference_set, options)
                    interpreter.persons = PersonsSeen()  # every event is kept, for its table
                    kept: list[StreamEvent] = []
                    batches = _keeping(_batches(interpreter, files, quiet, streamed_to=out), kept)
                    tally = Tally(interpreter.synthetic_sources)
                    totals = _stream(
                        batches, tally, reference_set, output_format, out, writes,
                        _reads_a_stream(files),
                    )  # fmt: skip
                    report = build_report(
                        iter(kept), reference_set, interpreter.synthetic_sources,
                        interpreter.wide_sources, interpreter.persons,
                    )  # fmt: skip
                    _export(export, lambda console: _draw_table(report, console), quiet)
                elif output_format == OutputFormat.table:
                    interpreter = Interpreter(reference_set, options)
                    interpreter.persons = PersonsSeen()  # until it is too big for a table
                    events = _events(interpreter, files, quiet)
                    totals = _table(events, reference_set, out, writes, interpreter, export, quiet)
                else:
                    interpreter = Interpreter(reference_set, options)
                    interpreter.persons = PersonsSeen()  # a report held whole
                    events = _events(interpreter, files, quiet)
                    if not quiet:
                        events = _say_when_big(events, output_format)
                    report = build_report(
                        events,
                        reference_set,
                        interpreter.synthetic_sources,
                        interpreter.wide_sources,
                        interpreter.persons,
                    )
                    _stop_if_nothing_read(report)
                    if writes:
                        _render(report, output_format, out, reference_set)
                    if export is not None:
                        _export(export, lambda console: _draw_table(report, console), quiet)
                    totals = report.totals
        raise typer.Exit(_exit_status(totals, fail_on))


@contextlib.contextmanager
def _said_if_it_stops(reference_set: ReferenceSet, owed: bool) -> Iterator[None]:
    """Say the ranges file's warnings on stderr where the table that would list them is not
    drawn, as when no file given can be read (`owed`: they were not said before)."""
    try:
        yield
    except (PanelcliError, _NothingRead):
        if owed:
            _say_ranges_warnings(reference_set)
        raise


def started() -> None:
    """Start-up is over: what it made is kept out of the cyclic collector's walks, which the
    entry point paused for it (`panelcli.__main__`); nothing changes where it was not paused."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _say_if_typed_in(files: list[str]) -> None:
    """'-' with standard input a terminal: the rows are to be typed or pasted, so say so and
    how to end them (QA: it waited without a word, and looked hung)."""
    if _typed_in(files):
        end = "Ctrl-Z then Enter" if sys.platform == "win32" else "Ctrl-D"
        _say(f"reading standard input: type or paste the rows, then press {end} to end them")


def _typed_in(files: list[str]) -> bool:
    """Whether the rows of '-' are typed at a terminal (standard input is one)."""
    return "-" in files and _stdin_a_terminal() is True


def _piped_in() -> bool:
    """Whether standard input is a pipe or a file, not a terminal (nor closed)."""
    return _stdin_a_terminal() is False


def _stdin_a_terminal() -> bool | None:
    """Whether standard input is a terminal; None where there is none, or it has no file
    descriptor."""
    if sys.stdin is None:
        return None
    try:
        return os.isatty(sys.stdin.fileno())
    except (ValueError, io.UnsupportedOperation):  # a stdin without a file descriptor
        return None


def _reads_a_stream(files: list[str]) -> bool:
    """Whether any input is a pipe, terminal or socket: its rows come as they come, and each
    row's line must be written as soon as the row is read (the core hands rows on early when
    such an input has nothing more for now). A name that cannot be read does not count: it
    is reported as unreadable.
    """
    from panelcli.reading import is_stream

    for name in files:
        if name == "-" and sys.stdin is None:  # closed: reported as unreadable
            continue
        try:
            mode = os.fstat(sys.stdin.fileno()).st_mode if name == "-" else os.stat(name).st_mode
        except (ValueError, io.UnsupportedOperation):  # a stdin without a file descriptor
            return True
        except OSError:
            continue
        if is_stream(mode):
            return True
    return False


def _stop_if_nothing_read(report: Report) -> None:
    """When every file was unreadable (and nothing else happened), say why and stop; a file
    whose every row was skipped with a warning has something to show (as `Tally` counts it)."""
    unreadable = [i for i in report.rejected if i.code == "file-unreadable"]
    if (
        unreadable
        and not report.panels
        and not report.warnings
        and len(unreadable) == len(report.rejected)
    ):
        _stop_unread()


class _NothingRead(typer.Exit):
    """No file given could be read: the run stops with nothing written."""


def _stop_unread() -> NoReturn:
    """No file could be read: stop, writing nothing (`_saying_unreadable` said why)."""
    raise _NothingRead(ExitStatus.ERROR)


def _exit_status(totals: ReportTotals, fail_on: FailOn) -> ExitStatus:
    """2 for any rejected row (even with --fail-on never), else 1 if a counted status occurred."""
    from panelcli.check import counts_as_flagged
    from panelcli.models import Status

    if totals.rejected:
        return ExitStatus.ERROR
    flagged = any(
        count and counts_as_flagged(Status(status), fail_on.value)  # type: ignore[arg-type]
        for status, count in totals.by_status.items()
    )
    return ExitStatus.FLAGGED if flagged else ExitStatus.OK


def _events(interpreter: Interpreter, files: list[str], quiet: bool) -> Iterator[StreamEvent]:
    """The core's stream of events, with a progress bar on stderr if a person is watching."""
    return itertools.chain.from_iterable(_batches(interpreter, files, quiet))


def _batches(
    interpreter: Interpreter,
    files: list[str],
    quiet: bool,
    size: int = 512,
    streamed_to: TextIO | None = None,
) -> Iterator[list[StreamEvent]]:
    """The core's events in lists of about `size`, with a progress bar if a person watches
    (`streamed_to`: see `_shows_progress`)."""
    batches = _saying_unreadable(interpreter.stream_batches(files, size))
    # no bar on the line rows are typed on (QA round 19: it hid the cursor, wiped each key)
    watch = _progress(interpreter, quiet or _typed_in(files), size, streamed_to)
    return batches if watch is None else watch(batches)


def _keeping(
    batches: Iterator[list[StreamEvent]], kept: list[StreamEvent]
) -> Iterator[list[StreamEvent]]:
    """Pass lists of events on, keeping every event in `kept` (for --export's table beside a
    streamed format, written in file order as without it: QA)."""
    for batch in batches:
        kept.extend(batch)
        yield batch


def _saying_unreadable(batches: Iterator[list[StreamEvent]]) -> Iterator[list[StreamEvent]]:
    """A file that cannot be read (or stops being readable) gets one line on stderr as it is
    met, in every format and with --quiet; the output lists it as well."""
    from panelcli.check import UNREADABLE
    from panelcli.models import Issue

    for batch in batches:
        last = batch[-1] if batch else None  # `stopped_reading` puts it last in its list
        if type(last) is Issue and last.code == UNREADABLE:
            _say(f"{last.source or repr('')}: {last.message}")  # '': an empty name given
        yield batch


def _progress(
    interpreter: Interpreter, quiet: bool, size: int, streamed_to: TextIO | None = None
) -> Callable[[Iterator[Batched]], Iterator[Batched]] | None:
    """A progress bar on stderr around lists of `size` events, if `_shows_progress`."""
    if not _shows_progress(quiet, streamed_to):  # first: rich.progress costs start-up time
        return None
    from panelcli.render.progress import with_progress

    return functools.partial(with_progress, interpreter=interpreter, every=max(1, 4096 // size))


def _shows_progress(quiet: bool, streamed_to: TextIO | None = None) -> bool:
    """Whether a progress bar helps: stderr is a terminal (a person watches) and no streamed
    format writes its lines to a terminal as they come (`streamed_to`: its output). On one
    screen the bar got glued to those lines (QA), and the lines arriving show the run goes
    on. A table or JSON on a terminal comes at the end, once the bar is gone; a file or pipe
    keeps the bar."""
    if quiet or not _is_terminal(sys.stderr):
        return False
    return streamed_to is None or not _is_terminal(streamed_to)


def _is_terminal(stream: TextIO | None) -> bool:
    """Whether `stream` is a terminal; False for none, or one closed or without a descriptor."""
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):
        return False


def _say_when_big(
    events: Iterator[StreamEvent], output_format: OutputFormat
) -> Iterator[StreamEvent]:
    """Pass events on; once they pass BIG_DOCUMENT results and issues (fhir:
    BIG_FHIR_DOCUMENT), say why memory grows (in time to stop the run and choose a streamed
    format). Issues too: a file of rows that are all refused is held as well (QA)."""
    big = BIG_FHIR_DOCUMENT if output_format == OutputFormat.fhir else BIG_DOCUMENT
    for held, event in enumerate(events, 1):
        yield event
        if held == big + 1:
            _say(
                # 'note:' and 'the run goes on': read as a failure by a developer (QA)
                f"note: more than {big:,} results and issues: --format {output_format.value} "
                f"is one document that groups results by sample{_OVER_TIME[output_format]}, "
                "so it holds every one in memory (the run goes on); for big files use --format "
                "ndjson or csv, which stream in flat memory"
            )


#: What a one-document format does with the whole run besides grouping (developer QA: FHIR
#: was said to follow patients over time, which only json's trends do)
_OVER_TIME = {
    OutputFormat.json: " and follows patients over time",
    OutputFormat.fhir: " (one Bundle)",
    OutputFormat.table: " and follows patients over time",
}


def _stream(
    batches: Iterator[list[StreamEvent]],
    tally: Tally,
    reference_set: ReferenceSet,
    output_format: OutputFormat,
    out: TextIO,
    writes: bool,
    prompt: bool = False,
) -> ReportTotals:
    """Interpret and write as the files are read, a batch at a time, counting in `tally`;
    returns the totals seen. `prompt`: write every batch at once (input from a pipe).
    """
    from panelcli.batches import collector_paused
    from panelcli.render.stream import write_lines

    # Each list of results lives for one batch and holds no cycles, yet Python's cyclic
    # collector walked the young ones a few times a batch: 1% of a plain row's work, more of a
    # messy one's (valgrind).
    with collector_paused():
        if writes:
            make_texts = _streamed_texts(output_format)
            write_lines(make_texts(batches, reference_set.info, tally), out, tally, prompt)
        else:
            for batch in batches:
                tally.count(batch)
    return _streamed_totals(tally)


def _streamed_texts(output_format: OutputFormat) -> Callable[..., Iterator[Text]]:
    """`ndjson_texts` or `csv_texts`: lists of events to the format's text."""
    from panelcli.render.csv import csv_texts
    from panelcli.render.ndjson import ndjson_texts

    return ndjson_texts if output_format == OutputFormat.ndjson else csv_texts


def _streamed_totals(tally: Tally) -> ReportTotals:
    """What a streamed run counted; when every file was unreadable, the run stops here."""
    if tally.nothing_read:
        _stop_unread()
    return tally.totals()


def _in_two_processes(
    files: list[str],
    reference_set: ReferenceSet,
    options: CheckOptions,
    output_format: OutputFormat,
    out: TextIO,
    quiet: bool,
) -> ReportTotals | None:
    """One big file, read by two processes at once; None when it does not qualify (see
    `panelcli.render.two_processes`)."""
    from panelcli.batches import collector_paused
    from panelcli.check import Interpreter, Tally
    from panelcli.render import two_processes
    from panelcli.render.stream import write_lines

    if not two_processes.fits(files):
        return None
    interpreter = Interpreter(reference_set, options)
    tally = Tally(interpreter.synthetic_sources)
    with collector_paused():  # as in _stream; the forked process inherits it
        done = two_processes.write_in_two_processes(
            files[0], interpreter, _streamed_texts(output_format), reference_set.info, tally,
            lambda texts: write_lines(texts, out, tally),
            _progress(interpreter, quiet, two_processes.BATCH, out),
        )  # fmt: skip
    if not done:
        return None
    for issue in tally.unreadable:  # one that stops being readable part way (see _batches)
        _say(f"{issue.source}: {issue.message}")
    return _streamed_totals(tally)


def _table(
    events: Iterator[StreamEvent],
    reference_set: ReferenceSet,
    out: TextIO,
    writes: bool,
    interpreter: Interpreter,
    export: Path | None = None,
    quiet: bool = False,
) -> ReportTotals:
    """The table; past MAX_TABLE_RESULTS results or MAX_TABLE_ISSUES issues, a per-sample
    overview built as rows stream (the `interpreter`'s synthetic and wide files are read once
    the events are); the same drawn to `export`'s page too (developer QA round 8: the page of
    a million rows held their whole report, 2.9 GB, for the overview it shows)."""
    from panelcli.check import build_overview, build_report
    from panelcli.models import Issue
    from panelcli.render.console import make_console
    from panelcli.render.table import needs_overview, render_overview

    files_of = (interpreter.synthetic_sources, interpreter.wide_sources)
    head: list[StreamEvent] = []
    results = issues = 0
    for event in events:
        head.append(event)
        if isinstance(event, Issue):
            issues += 1
        else:
            results += 1
        if needs_overview(results, issues):
            break
    else:  # small enough: the whole table
        report = build_report(head, reference_set, *files_of, interpreter.persons)
        _stop_if_nothing_read(report)
        if writes:
            _render(report, OutputFormat.table, out, reference_set)
        if export is not None:
            _export(export, functools.partial(_draw_table, report), quiet)
        return report.totals
    interpreter.persons = None  # the overview follows no trends: memory stays flat
    overview = build_overview(itertools.chain(head, events), reference_set, *files_of)
    if writes:
        from panelcli.render.output import writing

        with writing():  # every row was read: an OSError now is the output's
            render_overview(overview, make_console(out, plain=out is not sys.stdout))
    if export is not None:
        _export(export, lambda console: render_overview(overview, console), quiet)
    return overview.totals


def _render(
    report: Report, output_format: OutputFormat, out: TextIO, reference_set: ReferenceSet
) -> None:
    """Write a finished report: every row was read, so an OSError now is the output's."""
    from panelcli.render.output import writing

    with writing():
        _write_report(report, output_format, out, reference_set)


def _write_report(
    report: Report, output_format: OutputFormat, out: TextIO, reference_set: ReferenceSet
) -> None:
    if output_format == OutputFormat.json:
        from panelcli.render.json_document import write_report_json

        write_report_json(report, out)
        return
    if output_format == OutputFormat.fhir:
        from panelcli.render.fhir import write_fhir_bundle

        write_fhir_bundle(report, reference_set, out)
        return
    from panelcli.render.console import make_console
    from panelcli.render.table import render_table

    render_table(report, make_console(out, plain=out is not sys.stdout))


@app.command(
    epilog="Exit codes: 0 no errors (warnings only, or nothing found); 2 a row was rejected "
    "(an error), a file cannot be read, a usage error, invalid ranges or output that cannot be "
    "written; " + _SIGNAL_CODES_HELP
)
def validate(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FILE", help="CSV files to check; '-' = standard input."),
    ],
    ranges: RangesOpt = None,
    assume_unit: AssumeUnitOpt = None,
    sex: SexOpt = None,
    age: AgeOpt = None,
    max_line_length: MaxLineOpt = 1024 * 1024,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print nothing; only set the exit code (2: a problem)."),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """List every problem in lab files, like a linter.

    One line each: file:line: column: severity code: message (no column when the problem is
    the whole row, no line when it is the whole file).

    Example: panelcli demo bad-rows --csv > rows.csv && panelcli validate rows.csv

    (bad-rows is a bundled synthetic file with rows that cannot be used; give your own files,
    as many as you like: panelcli validate a.csv b.csv)
    """
    with fatal_errors(debug):
        _refuse_names_not_utf8(files, ranges, "validate")
        from panelcli.check import UNREADABLE, Interpreter, validation_problems
        from panelcli.ranges import is_bundled, load_ranges
        from panelcli.render.lint import issue_line, problems_count, ranges_warning_line

        options = _options(assume_unit, sex, age, max_line_length)
        reference_set = load_ranges(ranges)
        started()
        # Listed and counted with the rows' problems (QA: said on stderr, the count left it out).
        set_warnings = reference_set.warnings
        if not quiet:  # as check's --quiet (developer QA: validate had none)
            for message in set_warnings:
                _print(ranges_warning_line(reference_set.path, message))
        _check_assumed_unit(assume_unit, reference_set)
        if not quiet:  # as check (review: validate -q printed the prompt)
            _say_if_typed_in(files)
        errors = warnings = 0
        interpreter = Interpreter(reference_set, options)
        # a bar as check shows one, where the lines do not come to the same terminal (QA)
        watch = _progress(interpreter, quiet or _typed_in(files), 512, streamed_to=sys.stdout)
        for issue in validation_problems(interpreter, files, watch):
            errors += issue.severity == "error"
            warnings += issue.severity != "error"
            if not quiet:
                _print(issue_line(issue))
            elif issue.code == UNREADABLE:  # as check's (developer QA: exit 2, not a word)
                _say(f"{issue.source or repr('')}: {issue.message}")
        if not quiet:
            yours = not is_bundled(reference_set.path)  # maybe under a bundled set's name
            _on_stderr(problems_count(errors, warnings, len(files), reference_set.info, yours))
        raise typer.Exit(ExitStatus.ERROR if errors else ExitStatus.OK)


#: The bundled samples as `demo --help` names them (a test holds them to samples/index.toml)
DEMO_SAMPLE_NAMES = (
    "all-in-range", "infection-like", "cytokine-storm", "mild-rise", "below-detection",
    "serial-monitoring", "messy-export", "bad-rows",
)  # fmt: skip


# short_help: `panelcli --help` cut the first sentence at 80 columns ("… interpret one...").
@app.command(short_help="Show the synthetic sample panels, or interpret one.")
def demo(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SAMPLE",
            # named here, not read from samples/index.toml: help is built on every run
            # (educator QA round 22: a class prepared from --help did not learn them)
            help="A sample to interpret (words need no quotes: cytokine storm): "
            f"{', '.join(DEMO_SAMPLE_NAMES)}; leave out to list them with what each shows.",
            callback=_name_given,
        ),
    ] = None,
    export: ExportOpt = None,
    force: Annotated[bool, typer.Option(help="Let --export replace an existing file.")] = False,
    csv_file: Annotated[
        bool,
        typer.Option(
            "--csv",
            help="Print the sample's CSV file as it is, instead of interpreting it (to save it, "
            "or to pipe it into 'panelcli check -').",
        ),
    ] = False,
    debug: DebugOpt = False,
) -> None:
    """Show the bundled synthetic sample panels, or interpret one with a short story.

    The samples are always judged by the default bundled set, which their stories describe
    (PANELCLI_RANGES is not used here). Exits 0 whatever a sample's results: use
    'panelcli check' on a file for exit codes, and --csv to get the file.

    Example: panelcli demo cytokine-storm --export storm.html

    Example: panelcli demo cytokine-storm --csv | panelcli check - --format json
    """
    from panelcli.names import words_as_one
    from panelcli.samples import (
        EVERY_SAMPLE,
        find_sample,
        list_samples,
        named_by_file_name,
        sample_named,
        suggest_sample,
    )

    with fatal_errors(debug):
        _refuse_existing_export(export, force)
        from panelcli.render.console import make_console
        from panelcli.render.output import writing
        from panelcli.render.text import render_sample_list, render_story

        console = make_console()
        name = words_as_one(words)
        every = name is not None and name.strip().casefold() in EVERY_SAMPLE  # ('demo all')
        if csv_file and (name is None or every):  # (educator QA: it spoke of an --export)
            raise PanelcliError(
                "--csv prints one sample's file: give the sample's name (panelcli demo "
                "cytokine-storm --csv)"
            )
        if csv_file and export is not None:
            raise PanelcliError("--csv prints the sample's file, not a report: leave out --export")
        if name is None or every:
            with writing():
                render_sample_list(list_samples(), console)
            if export is not None:
                _export(
                    export,
                    lambda target: render_sample_list(list_samples(), target),
                    title="Sample panels (panelcli demo, synthetic)",
                )
            return
        sample = find_sample(name)
        named = [sample_named(word) for word in words or ()]
        several = list(dict.fromkeys(s.name for s in named if s is not None))
        if sample is None and named and None not in named:  # each word a sample's whole name
            if len(several) == 1:  # 'all-in-range all-in-range' (review)
                sample = find_sample(several[0])
            else:  # QA: 'no sample named …' listed both among the samples
                runs = "', then 'panelcli demo ".join(several)
                raise PanelcliError(f"demo shows one sample at a time: run 'panelcli demo {runs}'")
        if sample is None:
            names = ", ".join(s.name for s in list_samples())
            close = suggest_sample(name)
            hint = f" (did you mean {close}?)" if close else ""
            raise PanelcliError(f"no sample named '{name}'{hint}; samples: {names}")
        if csv_file:  # its bytes as they are: the messy export is Windows-1252, on purpose
            with writing():
                sys.stdout.buffer.write(sample.path.read_bytes())
                sys.stdout.flush()
            return
        from panelcli.check import check_file
        from panelcli.ranges import DEFAULT_SET, bundled_sets
        from panelcli.render.table import render_table

        # The stories speak of this set's results ("the line that asks for prompt care"): the
        # bundled file, never a copy of it under the same name in the user's config folder.
        report = check_file(str(sample.path), ranges=bundled_sets()[DEFAULT_SET])
        # The story says the sample is synthetic in its own words: the table need not again.
        report = named_by_file_name(report, sample).model_copy(update={"synthetic_sources": []})

        def draw(target: Console) -> None:
            render_table(report, target, intro=lambda shown: render_story(sample, target, shown))

        with writing():
            draw(console)
        if export is not None:
            _export(export, draw, title=f"{sample.title} (panelcli demo, synthetic)")


@app.command()
def explain(
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="MARKER",
            help="A marker name or alias (words need no quotes: interferon gamma), or several "
            "(IL-6 TNF-α, or IL-6 and TNF-α); all for every marker (a handout: explain all "
            "--export all.html); leave out (or say cytokine storm) for an overview.",
            callback=_name_given,
        ),
    ] = None,
    ranges: RangesOpt = None,
    export: ExplainExportOpt = None,
    force: Annotated[bool, typer.Option(help="Let --export replace an existing file.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Explain a marker (or cytokines in general) in plain words.

    It shows the marker's range in every reference set, yours too; the set that check uses
    is marked.

    Example: panelcli explain IL-6 --ranges mayo-adult

    Example: panelcli explain IL-6 TNF-α --export il6-tnf.html
    """
    from panelcli import explain as explaining

    with fatal_errors(debug):
        _refuse_names_not_utf8([], ranges)
        _refuse_existing_export(export, force)
        from panelcli.render.console import make_console
        from panelcli.render.output import writing
        from panelcli.render.text import render_explanations, render_overview

        console = make_console()
        sets, notes = explaining.sets_to_show(ranges)

        marker, words = explaining.question_read(words or [], sets)
        for note in notes:  # a broken set of yours: the others are still shown
            _say(note)
        for shown in sets:
            if shown.in_use:
                _say_ranges_warnings(shown.reference_set)
        if marker is None or explaining.asks_for_the_overview(marker):
            yours = explaining.markers_without_text(sets)

            def overview(target: Console) -> None:
                render_overview(explaining.overview(), explaining.known_markers(), target, yours)

            with writing():
                overview(console)
            if export is not None:  # educator QA: a class's handout (known since round 8)
                # titled as it is (educator QA round 21: 'panelcli report')
                _export(export, overview, title="Cytokines explained (panelcli)")
            return
        each = explaining.explanations_asked(marker, words or [], sets)
        with writing():
            render_explanations(each, console)
        if export is not None:
            from panelcli.values import words_joined

            markers = [found.marker for found in each]
            names = (
                f"{', '.join(markers[:5])} and more" if len(markers) > 5
                else words_joined(markers, "and")
            )  # fmt: skip
            title = f"{names} explained (panelcli)"
            # a handout keeps what stderr said of the set in use, before its notice (educator
            # QA round 20: an edited copy's '≤ 10 pg/mL' stood beside its copied source's
            # '<=2.5 pg/mL', with no word of it on the page)
            doubted = [s.reference_set.info for s in sets if s.in_use and s.reference_set.warnings]

            def warnings_of_the_set(target: Console) -> None:
                from panelcli.render.table import render_ranges_warnings  # (imports the core)

                for info in doubted:
                    render_ranges_warnings(target, info)

            _export(
                export,
                lambda target: render_explanations(
                    each, target, warnings_of_the_set if doubted else None
                ),
                title=title,
            )


class SchemaName(StrEnum):
    output = "output"
    ndjson = "ndjson"
    ranges = "ranges"
    ranges_list = "ranges-list"
    ranges_show = "ranges-show"


@app.command()
def schema(
    which: Annotated[
        SchemaName,
        typer.Argument(
            parser=_one_of(SchemaName),
            metavar="WHICH",
            help="output (check --format json), ndjson (one line of --format ndjson), ranges "
            "(a ranges file), ranges-list (ranges list --format json) or ranges-show (ranges "
            "show --format json).",
        ),
    ],
    debug: DebugOpt = False,
) -> None:
    """Print a JSON Schema generated from panelcli's own models.

    Example: panelcli schema output > panelcli-output.schema.json
    """
    with fatal_errors(debug):
        # What is written (serialization), open to fields added later; a ranges file is
        # input, where an unknown key is a typo and refused.
        if which == SchemaName.output:
            from panelcli.models import Report, open_to_additions

            document = open_to_additions(Report.model_json_schema(mode="serialization"))
        elif which == SchemaName.ndjson:
            from pydantic import TypeAdapter

            from panelcli.models import NdjsonLine, open_to_additions

            document = open_to_additions(TypeAdapter(NdjsonLine).json_schema(mode="serialization"))
        elif which == SchemaName.ranges_list:
            from panelcli.listing import SetListing
            from panelcli.models import open_to_additions

            document = open_to_additions(SetListing.model_json_schema(mode="serialization"))
        elif which == SchemaName.ranges_show:
            # the set as loaded, after the versions and the set's identity (developer QA round
            # 18, was round 12 #5: it had none, and 'ranges' refused it)
            from pydantic import create_model

            from panelcli.models import NOTICE, ReferenceSetInfo, open_to_additions
            from panelcli.ranges import RangesFile

            shown = create_model(
                "RangesShown", __base__=RangesFile, schema_version=(str, ...),
                panelcli_version=(str, ...), reference_set=(ReferenceSetInfo, ...),
                notice=(str, NOTICE),
            )  # fmt: skip
            document = open_to_additions(shown.model_json_schema(mode="serialization"))
        else:
            from panelcli.ranges import RangesFile

            document = RangesFile.model_json_schema()
        # Said, so that a validator need not guess the draft (pydantic writes 2020-12).
        titled = {"title": f"panelcli {which.value}", **document}
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **titled}
        _print_json(json.dumps(document, indent=2, ensure_ascii=False))


# one text each (docs QA round 18, was developer QA round 15 #12: one for both)
ListFormatOpt = Annotated[
    RangesFormat,
    _format_option(
        RangesFormat,
        "table for a person; json for scripts: every set, with its version, path and sha256.",
    ),
]
ShowFormatOpt = Annotated[
    RangesFormat,
    _format_option(
        RangesFormat, "table for a person; json for scripts: the set as loaded, with its source."
    ),
]


@ranges_app.command("list", short_help="List the reference sets: bundled ones and yours.")
def ranges_list(output_format: ListFormatOpt = RangesFormat.table, debug: DebugOpt = False) -> None:
    """List the reference sets: bundled ones and yours (in the config folder's ranges/).

    A set whose file is broken is listed too, marked broken with its first problem (exit 2).
    Example: panelcli ranges list (or, for scripts: panelcli ranges list --format json)
    """
    from panelcli.ranges import case_twins, list_sets, sets_not_read
    from panelcli.values import counted, visible

    with fatal_errors(debug):
        listing = list_sets()
        if output_format == RangesFormat.json:  # (developer QA round 8)
            from panelcli.values import json_inert

            _print_json(json_inert(listing.model_dump_json(indent=2)))
        broken = []
        for listed in listing.sets:
            shown = f" ({', '.join(listed.tags)})" if listed.tags else ""
            if "broken" in listed.tags:
                broken.append(listed.name)
                where = f" {listed.path}" if listed.path is not None else ""
                problems = counted(listed.problems or 1, "problem", "problems")
                line = f"{listed.name}{shown}: {listed.problem} [{problems}]{where}"
            else:
                described = f"{listed.description} " if listed.description else ""
                markers = counted(listed.markers or 0, "marker", "markers")
                line = f"{listed.name}{shown}: {described}[{markers}] {listed.path}"
            if output_format == RangesFormat.table:
                _print(visible(line))
        for said in sets_not_read():  # QA: left out without a word
            _say(visible(f"not read: {said}"))
        for twins in case_twins():
            broken.append(" or ".join(twins))
            _say(visible(
                f"{' and '.join(twins)} (yours): names that differ only in case, so neither is "
                "chosen by name; rename one"
            ))  # fmt: skip
        if broken:
            _say(
                f"{counted(len(broken), 'broken set', 'broken sets')}, which check refuses: "
                f"{', '.join(broken)}; "
                "'panelcli ranges validate NAME' lists every problem"
            )
            raise typer.Exit(ExitStatus.ERROR)


@ranges_app.command("show", short_help="Show a set's markers with their ranges and units.")
def ranges_show(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="SET",
            help="Set name, file or folder (default: the set check uses, from $PANELCLI_RANGES "
            "or the default bundled set).",
        ),
    ] = None,
    output_format: ShowFormatOpt = RangesFormat.table,
    debug: DebugOpt = False,
) -> None:
    """Show every marker of a set with its interval(s), unit and source.

    Example: panelcli ranges show mayo-adult
    """
    from panelcli.ranges import load_ranges

    with fatal_errors(debug):
        loaded = load_ranges(name)
        _say_ranges_warnings(loaded)  # as check says them (QA: only 'ranges validate' did)
        if output_format == RangesFormat.json:
            from panelcli.models import NOTICE, PANELCLI_VERSION, SCHEMA_VERSION
            from panelcli.values import json_inert

            # the versions, as every JSON panelcli writes (developer QA round 8); the notice,
            # as the table's (educator QA round 20: a portal may show these 'normal ranges')
            payload = {
                "schema_version": SCHEMA_VERSION, "panelcli_version": PANELCLI_VERSION,
                "reference_set": loaded.info.model_dump(), **loaded.data.model_dump(),
                "notice": NOTICE,
            }  # fmt: skip
            # json_inert: a set's texts are a file's, as a report's are (review: a U+202E
            # in a description reached the terminal raw)
            _print_json(json_inert(json.dumps(payload, indent=2, ensure_ascii=False)))
            return
        from panelcli.render.console import make_console
        from panelcli.render.output import writing
        from panelcli.render.text import render_ranges

        with writing():
            render_ranges(loaded, make_console())


@ranges_app.command("validate", short_help="Check a ranges file and list every problem.")
def ranges_validate(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SET...",
            help="The TOML file, a folder holding one, or a set's name, or several (default: "
            "the set check uses, from $PANELCLI_RANGES or the default bundled set).",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Check ranges files and list every problem; exit 0 when all are valid, 2 when not.

    Example: panelcli ranges validate mayo-adult

    (or a folder of your own after editing it: panelcli ranges validate ./mylab, where
    panelcli ranges init ./mylab made it; several at once: panelcli ranges validate
    mylab/*.toml)
    """
    # one after another, each said, the exit code of the worst (script-author QA: a second
    # set was refused as an extra argument)
    targets: list[str | None] = list(names) if names else [None]
    valid = True
    for name in targets:
        try:
            with fatal_errors(debug):
                _validate_one(name, several=len(targets) > 1)
        except typer.Exit as stopped:
            if stopped.exit_code not in (ExitStatus.OK, ExitStatus.ERROR):
                raise  # a closed pipe or a signal ends the run
            valid = valid and stopped.exit_code == ExitStatus.OK
    if not valid:
        raise typer.Exit(ExitStatus.ERROR)


def _validate_one(name: str | None, several: bool) -> None:
    """`ranges validate` of one set: its lines on stdout, its count on stderr; exits 2 where
    it is invalid (`several`: the count names the file)."""
    from panelcli.ranges import check_ranges_bytes, find_set, problem_lines, ranges_warnings
    from panelcli.render.lint import lint_lines
    from panelcli.values import counted, visible

    if name is None:  # as 'ranges show' does: the set 'check' would use (QA)
        file = find_set(None)
    else:
        file = Path(name)  # a str first: Path("") would be "." (the current folder)
        # a folder from 'ranges init', a set's name, or no file there: as 'check' says it
        # (ranges QA round 17: 'cannot read …' here, 'does not exist' there)
        if not name.strip() or (
            not file.is_file() and (file.is_dir() or not file.suffix or not file.exists())
        ):
            file = find_set(name)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise PanelcliError(f"cannot read '{file}': {exc.strerror}") from None
    problems = check_ranges_bytes(raw)
    for line in lint_lines(file, "error", problems, problem_lines(raw, problems)):
        _print(line)
    if problems:
        whose = visible(f"{file}: ") if several else ""
        _on_stderr(
            f"{whose}{counted(len(problems), 'problem', 'problems')}; panelcli check will "
            "refuse this file (warnings, such as a missing source, are listed once it is "
            "valid)"
        )
        raise typer.Exit(ExitStatus.ERROR)
    warnings = ranges_warnings(raw, file.stem)
    for line in lint_lines(file, "warning", warnings, problem_lines(raw, warnings)):
        _print(line)
    # on stderr, as validate's count: stdout holds one line per problem (developer QA)
    also = f" ({counted(len(warnings), 'warning', 'warnings')})" if warnings else ""
    _on_stderr(visible(f"{file}: valid{also}"))  # (code review 11: 2>/dev/full gave exit 2)


def _folder_name(text: str) -> Path:
    """ranges init's folder; an empty name is refused (developer QA: '' wrote into '.')."""
    if not text.strip():
        raise _bad_parameter(
            "the folder name is empty (an unset shell variable?); give a folder, or '.' for "
            "this one"
        )
    if text == "-":  # next-step QA round 21: a folder named '-' was made; '-' is a stream
        raise _bad_parameter(
            "'-' is not standard input or output here; give a folder (for one named '-': ./-)"
        )
    return Path(text)


@ranges_app.command("init", short_help="Copy a set into a new folder so you can edit it.")
def ranges_init(
    dest: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER", parser=_folder_name, help="Folder to create with a copy of the set."
        ),
    ],
    name: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="SET",
            help="The set to copy: a bundled set's name, or a ranges file or folder "
            "(default: the default set).",
        ),
    ] = None,
    debug: DebugOpt = False,
) -> None:
    """Copy a bundled set (or another) into a new folder so you can edit it.

    Example: panelcli ranges init ./mylab (then edit the file it copies there, and use it:
    panelcli check results.csv --ranges ./mylab)
    """
    from panelcli.ranges import is_bundled, load_ranges, names_a_set, renamed_set, toml_files
    from panelcli.values import visible

    with fatal_errors(debug):
        # `Path` drops a './': a folder given as a set's name is told apart only by --from
        as_set_name = names_a_set(str(dest))
        if as_set_name and name is None:  # QA: 'ranges init mayo-adult' copied the default
            raise PanelcliError(
                f"'{dest}' is the name of a reference set; to copy it, give a folder to copy "
                f"it to: panelcli ranges init ./my-lab --from {dest}"
            )
        if dest.suffix.casefold() == ".toml" and not dest.exists():  # QA: made a folder so named
            # the set asked for, else the one the file is named after ('mayo-adult.toml'); QA:
            # '--from lab' of 'lab.toml' was refused, and '--from mayo-adult' was lost
            copy_of = name or (dest.stem if names_a_set(dest.stem) else None)
            raise PanelcliError(
                f"'{dest}' is a ranges file's name, but ranges init makes a folder to hold "
                f"one: panelcli ranges init ./my-lab{f' --from {copy_of}' if copy_of else ''}"
            )
        from panelcli.file_names import locale_message, name_problem

        unwritable = name_problem(str(dest))
        if unwritable is not None:  # developer QA round 13: an internal error, an empty file
            raise PanelcliError(
                locale_message(unwritable, str(dest))
                if unwritable.locale
                else f"the folder name '{unwritable.shown}' is not valid UTF-8, so the copy's "
                "[set] name cannot hold it: choose another folder name"
            )
        # Loaded, not only found: a copy of a broken file would be refused only later (QA).
        copied = load_ranges(name)
        source = copied.path
        bundled = is_bundled(source)
        what = copied.name if bundled else f"{copied.name} ({source})"
        if dest.exists() and not dest.is_dir():
            raise PanelcliError(f"'{dest}' is a file, not a folder; give a folder to create")
        target = dest / source.name
        if target.exists():  # (said here before the set is copied; `_write_new_file` too)
            raise PanelcliError(f"'{target}' already exists; choose another folder")
        held = toml_files(dest) if dest.is_dir() else []  # the files --ranges FOLDER reads
        if held:  # it needs exactly one
            raise PanelcliError(
                f"'{dest}' already holds a ranges file ({held[0].name}); --ranges '{dest}' "
                "would not know which to use: choose another folder"
            )
        # Renamed, so that reports judged by the edited copy do not name the bundled set.
        try:
            folder_name = dest.resolve().name or "ranges"  # ('/' has none: review, ' (from …)')
        except (OSError, RuntimeError) as exc:  # a link loop (developer QA round 14)
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "a link loop"
            raise PanelcliError(f"cannot use '{dest}': {why}") from None
        copy_name = f"{folder_name} (from {copied.name.split(' (from ')[0]})"
        text, renamed = renamed_set(source.read_text(encoding="utf-8"), copy_name)
        _write_new_file(dest, target, text)
        named = f" as '{copy_name}' (its [set] name)" if renamed else ""
        # as a path, never a bare name, which a set of yours so named would take (QA round 15:
        # 'ranges init ./mylab' said '--ranges mylab'; a bundled set's name chose the set)
        shown = str(dest)
        use = shown if dest.is_absolute() or shown.startswith(("./", "../")) else f"./{shown}"
        # pasted as it is shown (QA: a folder name with a space; review: '$HOME' in double
        # quotes is still read by the shell)
        import shlex

        use = f'"{use}"' if sys.platform == "win32" and " " in use else shlex.quote(use)
        # A message, on stderr: the copy is made, so a closed or full stdout must not turn it
        # into a failure (QA: exit 2, then 'already exists' on the retry)
        _on_stderr(visible(f"Copied {what} to {target}{named}. Edit it, then use: --ranges {use}"))
        overrides = _overridden_by_copy(target)
        if overrides:  # developer QA round 13: every default run was judged by it, unsaid
            from panelcli.ranges import DEFAULT_SET

            _say(
                f"note: {dest} is the folder of your own sets, where a set named as a bundled "
                f"one replaces it: '{overrides}' now means this copy in every run that names "
                f"it{' and in default runs' if overrides == DEFAULT_SET else ''}; to keep the "
                "bundled set, move the copy to another folder"
            )


#: What `os.link` fails with where a file system has no hard links
_NO_HARD_LINKS = frozenset(  # (EINVAL: FAT on Windows)
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS, errno.EINVAL}
)


def _write_new_file(folder: Path, target: Path, text: str) -> None:
    """Write `text` as the new file `target` all or nothing, making `folder` if need be: a
    temporary file beside it, linked to its name only once whole (developer QA round 14: a
    full disk left an empty copy that refused every retry as 'already exists')."""
    made = not folder.exists()
    temporary = folder / f".{target.name}.{os.getpid()}.tmp"
    there = PanelcliError(f"'{target}' already exists; choose another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        try:
            os.link(temporary, target)  # never over a file made meanwhile (two runs at once)
        except FileExistsError:
            raise there from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            if target.exists():  # a file system with no hard links (FAT)
                raise there from None
            os.rename(temporary, target)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PanelcliError(f"cannot create '{target}': {reason}") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if made and not target.exists():
            with contextlib.suppress(OSError):
                folder.rmdir()  # made here and left empty by a failure


def _overridden_by_copy(target: Path) -> str | None:
    """The bundled set a copy just made replaces, where it lands in the folder of your own
    sets under a bundled set's file name; else None."""
    from panelcli.ranges import bundled_sets, user_config_dir

    try:
        mine = target.parent.resolve() == (user_config_dir() / "ranges").resolve()
    except OSError:
        return None
    stem = target.stem.casefold()
    return (
        next((name for name in bundled_sets() if name.casefold() == stem), None) if mine else None
    )


# The words 'ranges --help' uses for them ('check and copy'), as people then type them (QA:
# 'No such command'); hidden, so that each command is listed once.
ranges_app.command("check", hidden=True)(ranges_validate)
ranges_app.command("copy", hidden=True)(ranges_init)


def run() -> NoReturn:
    """Entry point used by `python -m panelcli` and the console script."""
    status: int | str | None = 0
    try:
        with fatal_errors():
            # left non-blocking by another program, a streamed run stopped after 94 of 100,001
            # lines, 'write could not complete without blocking' (developer QA round 13)
            make_waiting(sys.stdout)
            make_waiting(sys.stderr)
            stdout = sys.stdout
            try:
                # click's completion hook answers to _PANELCLI_COMPLETE: set (a leaked CI
                # variable, click's recipe), it took over any command, exit 1 (developer QA
                # round 14); completion is not offered, so the hook gets a name none sets
                app(prog_name="panelcli", complete_var=_NO_COMPLETION)
            except SystemExit as done:  # typer's standalone mode always exits
                status = done.code
                if sys.stdout is not stdout:
                    # A reader gone while typer wrote (`--help | true`): it swaps stdout and
                    # exits 1, which means flagged (QA); 141 as every other command
                    sys.stdout = stdout
                    _drop_unwritten_output()
                    status = ExitStatus.BROKEN_PIPE
            except OSError as exc:  # typer's own writes (--help, a usage error) failed
                _output_failed(exc)
            # What stdout still holds is written at exit, where a full disk would give
            # Python's own two-line error and exit 120: write it while it can be reported.
            if sys.stdout is not None:
                try:
                    sys.stdout.flush()
                except OSError as exc:
                    _output_failed(exc)
    except typer.Exit as stopped:
        status = stopped.exit_code
    signalled = raised_for_signal()
    if signalled is not None and (status != signal_stop(signalled)[1] or not _stops_said):
        # The handler's exception was swallowed where Python cannot raise (a finalizer run
        # by the garbage collector): the run went on, but it was asked to stop all the same.
        # Or typer took Ctrl-C while it read the options, for a silent exit 130 (QA).
        words, status = signal_stop(signalled)
        _say(words)
    raise SystemExit(status)


def _print(text: str) -> None:
    """A line of output on stdout; a failure to write it is reported as `writing` does."""
    try:
        print(text)
    except OSError as exc:
        _output_failed(exc)


def _print_json(text: str) -> None:
    """A JSON document on stdout, in UTF-8 whatever the locale, as check's JSON is (QA: a
    Latin-1 locale wrote Latin-1, and an ASCII one 'TNF-alpha' for the key 'TNF-α')."""
    from panelcli.render.output import open_output, writing

    with open_output(None, utf8=True) as out, writing():
        out.write(text + "\n")


def _output_failed(exc: OSError) -> NoReturn:
    """Report an OSError from writing stdout as `writing` does (one line; a closed pipe: 141)."""
    if isinstance(exc, BrokenPipeError):
        raise exc
    from panelcli.render.output import output_error  # only now: it imports the core

    raise output_error(exc) from exc


# Every command, those added later too, lists its arguments as `_Command` does.
for _registered in (*app.registered_commands, *ranges_app.registered_commands):
    if _registered.cls in (None, typer.core.TyperCommand):  # typer's default, not one chosen
        _registered.cls = _Command
