"""Terminal safety, privacy, pipes, signals and the environment.

Text from files cannot take over a terminal (markup, ANSI/OSC escapes and control characters are
shown inert); messages quote at most the offending cell; `| head` closes quietly; Ctrl-C exits
130 with one line; odd environment variables do not crash or hang the run.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import as_from_a_terminal
from rich.console import Console
from typer.testing import CliRunner

from panelcli import check as core
from panelcli.check import check_file
from panelcli.cli import app
from panelcli.errors import HungUp, Terminated
from panelcli.render import two_processes
from panelcli.render.table import render_table
from tests.conftest import SAMPLES

CORPUS = Path(__file__).resolve().parent / "corpus"
HEADER = "sample_id,patient_id,collected_at,marker,value,unit"
runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # so that no cell is wrapped and each can be found whole
SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours, the only escapes allowed


def assert_inert(text: str) -> None:
    """No escape sequence, bell, backspace, DEL or bidi override reaches the terminal."""
    for bad in ("\x1b", "\x07", "\x08", "\x7f", "\u202e", "\x9b"):
        assert bad not in text, f"{bad!r} reached the output"


# --- terminal safety ----------------------------------------------------------------------------


def test_markup_and_escapes_in_a_file_are_shown_literally_in_the_table() -> None:
    markup = runner.invoke(app, ["check", str(CORPUS / "rich-markup.csv")], env=WIDE)
    assert markup.exit_code == 2
    assert "[bold]IL-66[/bold]" in markup.stdout
    assert "Sample [link=https://evil.example]SYN-1[/link]" in markup.stdout
    assert "value '[red]3.1' is not a number" in markup.stdout
    assert_inert(markup.stdout)

    escapes = runner.invoke(app, ["check", str(CORPUS / "control-chars.csv")], env=WIDE)
    assert escapes.exit_code == 2
    assert_inert(escapes.stdout)
    assert "IL-6\\x1b[31m" in escapes.stdout  # the escape shown as text, not obeyed
    assert "\\x1b]8;;https://evil.example\\x07SYN-1" in escapes.stdout
    assert "value '3\\x1b[2J.1' is not a number" in escapes.stdout
    assert "SYN-\\x07\\x08\\x7f" in escapes.stdout


def test_a_colour_terminal_gets_only_panelclis_own_colours() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=300)
    for name in ("control-chars.csv", "rich-markup.csv"):
        render_table(check_file(str(CORPUS / name)), console)
    shown = buffer.getvalue()
    assert "\x1b[" in shown, "the console did colour"
    assert_inert(SGR.sub("", shown))
    assert "[bold]IL-66[/bold]" in SGR.sub("", shown)


def test_json_output_escapes_control_characters() -> None:
    result = runner.invoke(app, ["check", str(CORPUS / "control-chars.csv"), "--format", "json"])
    assert_inert(result.stdout)
    markers = [r["marker"] for p in json.loads(result.stdout)["panels"] for r in p["results"]]
    assert "IL-6\x1b[31m" in markers  # the data itself is kept exactly


def test_csv_and_ndjson_output_are_inert_on_a_terminal_and_in_a_spreadsheet() -> None:
    escapes = str(CORPUS / "control-chars.csv")
    ndjson = runner.invoke(app, ["check", escapes, "--format", "ndjson"])
    assert_inert(ndjson.stdout)
    assert any(
        "IL-6\x1b[31m" in json.loads(line).get("marker", "") for line in ndjson.stdout.splitlines()
    )

    table = runner.invoke(app, ["check", escapes, "--format", "csv"])
    assert_inert(table.stdout)
    assert "\\x1b]8;;https://evil.example\\x07SYN-1" in table.stdout

    formulas = runner.invoke(app, ["check", str(CORPUS / "formula-cells.csv"), "--format", "csv"])
    cells = [cell for line in formulas.stdout.splitlines() for cell in line.split(",")]
    assert "'@SUM(1+1)" in cells and "'+SYN-1" in cells
    assert not any(cell.startswith(("=", "@", "+")) for cell in cells)
    assert "'=HYPERLINK" in formulas.stdout


def test_file_names_and_arguments_cannot_put_escapes_on_stderr(tmp_path: Path) -> None:
    name = str(tmp_path / "evil\x1b]0;owned\x07\x1b[2J.csv")
    missing = runner.invoke(app, ["check", name])
    assert missing.exit_code == 2
    assert_inert(missing.stderr)
    assert "evil\\x1b]0;owned\\x07\\x1b[2J.csv: no such file" in missing.stderr

    explained = runner.invoke(app, ["explain", "IL\x1b[31m-99"])
    assert explained.exit_code == 2
    assert_inert(explained.stderr)


def test_validate_shows_column_names_inert(tmp_path: Path) -> None:
    path = tmp_path / "columns.csv"
    path.write_text("marker,value,unit,\x1b[31mcomment\x1b[0m\nIL-6,abc\x1b[2J,pg/mL,x\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert_inert(result.stdout + result.stderr)
    assert "\\x1b[31mcomment" in result.stdout


# --- privacy ------------------------------------------------------------------------------------

SECRETS = ("Jane Q. Synthetic", "1 Fake Street", "SYNTH-SECRET-77")


def test_messages_quote_at_most_the_offending_cell(tmp_path: Path) -> None:
    rows = [
        ("abc", "pg/mL"),
        ("-2", "pg/mL"),
        ("4.2", "pmol/L"),
        ("4.2 ng/mL", "pg/mL"),
        ("12,500", "pg/mL"),  # 12.5 or 12500?
        ("x" * 500, "pg/mL"),
        ("4.2", "furlongs" * 60),
        ('"4.2"junk', "pg/mL"),
    ]
    lines = [f"{HEADER},name,address"]
    for value, unit in rows:
        cells = ["S-1", SECRETS[2], "2026-01-02", "IL-6", value, unit, SECRETS[0], SECRETS[1]]
        lines.append(",".join(c if c.startswith('"') or "," not in c else f'"{c}"' for c in cells))
    lines.append(f"S-2,{SECRETS[2]},2026-01-02,IL-6,4.2,pg/mL,{SECRETS[0]},{SECRETS[1]},extra")
    path = tmp_path / "patients.csv"
    path.write_text("\n".join(lines) + "\n")

    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    issues = document["rejected"] + document["warnings"]
    assert len(document["rejected"]) == len(rows) + 1
    for issue in issues:
        for secret in SECRETS:
            assert secret not in issue["message"], issue
        assert len(issue["message"]) < 250, issue
        assert "x" * 41 not in issue["message"] and "furlongs" * 6 not in issue["message"]


def test_an_internal_error_is_one_short_line_without_data(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError(f"bad row\n  input: S-1,{SECRETS[0]},{SECRETS[1]}\n" + "y" * 500)

    monkeypatch.setattr(core, "build_report", broken)
    result = runner.invoke(app, ["check", str(CORPUS / "valid.csv")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("panelcli: internal error (ValueError: bad row)")
    assert not any(secret in result.stderr for secret in SECRETS)

    debug = runner.invoke(app, ["check", str(CORPUS / "valid.csv"), "--debug"])
    assert "Traceback" in debug.stderr, "--debug shows the traceback for bug reports"


def test_nothing_is_written_but_stdout_and_stderr(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(home)}
    for args in (["check", str(CORPUS / "valid.csv")], ["validate", str(CORPUS / "valid.csv")]):
        subprocess.run(
            [sys.executable, "-m", "panelcli", *args], cwd=tmp_path, env=env, capture_output=True
        )
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["home"]


def test_no_network_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("panelcli opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = runner.invoke(app, ["check", str(CORPUS / "valid.csv"), "--format", "json"])
    assert result.exit_code == 1, result.stderr


# --- pipes and signals --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """900 results (the full table: ~90 KB, more than a pipe holds) with 300 rejected rows."""
    path = tmp_path_factory.mktemp("big") / "big.csv"
    rows = [f"S-{i // 9},P-1,2026-01-02,IL-{6 + i % 3},{i % 40}.5,pg/mL" for i in range(900)]
    rows += [f"S-{i},P-1,2026-01-02,IL-6,abc{i},pg/mL" for i in range(300)]
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    return path


def start_with_buffering(args: list[str], unbuffered: bool) -> subprocess.Popen[bytes]:
    """`python -m panelcli ARGS` with stdout and stderr piped, with or without PYTHONUNBUFFERED
    (unbuffered, Python once cut a big write short without an error)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    command = [sys.executable, "-m", "panelcli", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def read_a_line_then_close(process: subprocess.Popen[bytes]) -> str:
    """What `| head -n 1` does; returns stderr, after checking it holds no noise."""
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=60)
    errors = process.stderr.read().decode()
    assert first
    for noise in ("BrokenPipe", "Traceback", "Exception ignored", "Errno 32", "internal"):
        assert noise not in errors, errors
    return errors


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE and exit 141 are POSIX")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv", "fhir"])
def test_head_closing_the_pipe_stops_quietly_with_141(
    big_file: Path, fmt: str, unbuffered: bool
) -> None:
    """`set -o pipefail; panelcli check big.csv | head -n 1`: the run did not finish, so the
    exit code is 141 (128 + SIGPIPE), never 0 ("nothing flagged"), in every format."""
    process = start_with_buffering(["check", str(big_file), "-f", fmt], unbuffered)
    assert read_a_line_then_close(process) == ""
    assert process.returncode == 141  # every format writes far more than a pipe holds


def test_validate_closing_the_pipe_is_quiet(big_file: Path) -> None:
    process = start_with_buffering(["validate", str(big_file)], unbuffered=False)
    errors = read_a_line_then_close(process)
    assert errors in ("", "300 problems in 1 file (reference set arup-3002601 version 2026.11)\n")
    # its 300 lines may all fit in the pipe before it is closed: then the run did finish
    assert process.returncode in (2, 141)


def bytes_waiting(stream: object) -> int:
    """How much written to a pipe is still unread (Linux FIONREAD); -1 when unknown."""
    try:
        import fcntl
        import termios

        count = fcntl.ioctl(stream.fileno(), termios.FIONREAD, b"\0\0\0\0")  # type: ignore[attr-defined]
    except (ImportError, OSError):
        return -1
    return int.from_bytes(count, sys.byteorder)


def reading_slow_stdin(
    start_panelcli: Callable[..., subprocess.Popen[bytes]], *args: str, **options: Any
) -> subprocess.Popen[bytes]:
    """panelcli started with `args`, sent a header and one row on stdin, and waiting for more."""
    process = start_panelcli(*args, **options)
    assert process.stdin is not None
    process.stdin.write(f"{HEADER}\nS-1,P-1,2026-01-02,IL-6,4.2,pg/mL\n".encode())
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while bytes_waiting(process.stdin) > 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # until panelcli has read what we sent and waits for more
    if bytes_waiting(process.stdin) < 0:
        time.sleep(3)
    time.sleep(0.2)
    return process


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_while_reading_slow_stdin_exits_130_with_one_line(
    start_panelcli: Callable[..., subprocess.Popen[bytes]],
) -> None:
    process = reading_slow_stdin(start_panelcli, "check", "-")
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 130
    assert err.decode() == "panelcli: interrupted\n"
    assert out == b""


@pytest.mark.parametrize(
    ("signal_as", "code", "said"),
    [
        (KeyboardInterrupt, 130, "interrupted"),
        (Terminated, 143, "terminated"),
        (HungUp, 129, "hung up"),
    ],
)
def test_ctrl_c_or_sigterm_inside_a_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch, signal_as: type[BaseException], code: int, said: str
) -> None:
    def stopped(*args: object, **kwargs: object) -> object:
        raise signal_as

    monkeypatch.setattr(core, "build_report", stopped)
    result = runner.invoke(app, ["check", str(CORPUS / "valid.csv")])
    assert (result.exit_code, result.stderr) == (code, f"panelcli: {said}\n")


@pytest.mark.parametrize(
    "stopped",
    [
        # while starting up
        "def interrupted(): raise KeyboardInterrupt\npanelcli.cli.run = interrupted\n",
        # QA: while typer reads the options, before a command runs, which typer turns into a
        # silent exit 130 (a Ctrl-C in the first tenth of a second said nothing)
        "def interrupted(*args, **kwargs): signal.raise_signal(signal.SIGINT)\n"
        "typer.core.TyperGroup.make_context = interrupted\n",
    ],
)
def test_ctrl_c_while_starting_up_is_one_line(stopped: str) -> None:
    program = f"import signal, typer.core, panelcli.cli, panelcli.__main__ as entry\n{stopped}"
    program += "entry.main()\n"
    # as from a terminal: a test run in the background (SIGINT ignored) must not hand that on
    done = subprocess.run(
        [sys.executable, "-c", program, "check", "x.csv"], capture_output=True, timeout=60,
        preexec_fn=as_from_a_terminal,
    )  # fmt: skip
    assert done.returncode == 130
    assert done.stderr.decode() == "panelcli: interrupted\n"


#: A program's own signal in the tests below: Ctrl-C, SIGTERM and SIGHUP, with what each
#: stop says and its exit code.
signalled_to_itself = pytest.mark.parametrize(
    ("signal_name", "code", "said"),
    [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated"), ("SIGHUP", 129, "hung up")],
)


def run_stopped(program: str) -> tuple[int, str]:
    """Run `program` (which ends in panelcli's entry point) as panelcli is run."""
    if sys.platform == "win32":
        pytest.skip("signals to oneself are POSIX")
    done = subprocess.run(
        [sys.executable, "-c", program, "check", "x.csv"], capture_output=True,
        preexec_fn=as_from_a_terminal,
    )  # fmt: skip
    return done.returncode, done.stderr.decode()


@signalled_to_itself
def test_a_signal_that_pydantic_wraps_still_stops_the_run_with_one_line(
    signal_name: str, code: int, said: str
) -> None:
    """pydantic's serializer wraps what a Python callback raises in its own error: Ctrl-C
    inside `model_dump_json` was an 'internal error' with exit 2 (seen about 1 run in 40)."""
    program = (
        "import os, signal, pydantic, typer, panelcli.cli, panelcli.__main__ as entry\n"
        "class Event(pydantic.BaseModel):\n"
        "    value: int\n"
        "    @pydantic.field_serializer('value')\n"
        "    def signalled(self, value):\n"
        f"        os.kill(os.getpid(), signal.{signal_name})\n"
        "        for _ in range(1000): pass  # the handler runs here, inside the serializer\n"
        "        return value\n"
        "def run():\n"
        "    try:\n"
        "        with panelcli.cli.fatal_errors():\n"
        "            Event(value=1).model_dump_json()\n"
        "    except typer.Exit as stop:\n"
        "        raise SystemExit(stop.exit_code)\n"
        "panelcli.cli.run = run\n"
        "entry.main()\n"
    )
    assert run_stopped(program) == (code, f"panelcli: {said}\n")


@signalled_to_itself
def test_a_signal_that_lands_in_a_finalizer_still_ends_the_run_as_stopped(
    signal_name: str, code: int, said: str
) -> None:
    """Python drops an exception raised in a finalizer ('Exception ignored in ...'): a
    SIGTERM there let the run finish as if nothing had happened (exit 0)."""
    program = (
        "import os, signal, panelcli.cli, panelcli.__main__ as entry\n"
        "class Finalized:\n"
        "    def __del__(self):\n"
        f"        os.kill(os.getpid(), signal.{signal_name})\n"
        "        for _ in range(1000): pass  # the handler runs here, where Python cannot raise\n"
        "def app(prog_name, **options):\n"
        "    Finalized()  # dropped at once\n"
        "panelcli.cli.app = app\n"
        "entry.main()\n"
    )
    assert run_stopped(program) == (code, f"panelcli: {said}\n")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to a child is POSIX")
def test_sigterm_while_reading_slow_stdin_exits_143_with_one_line(
    start_panelcli: Callable[..., subprocess.Popen[bytes]],
) -> None:
    process = reading_slow_stdin(start_panelcli, "check", "-", "-f", "ndjson")
    process.terminate()
    out, err = process.communicate(timeout=20)
    assert process.returncode == 143
    assert err.decode() == "panelcli: terminated\n"
    assert out == b""  # held back until the start of the input is known


@pytest.mark.skipif(sys.platform == "win32", reason="SIGHUP is POSIX")
def test_sighup_under_nohup_is_still_ignored(
    start_panelcli: Callable[..., subprocess.Popen[bytes]],
) -> None:
    """`nohup panelcli check - ...`: a SIGHUP the caller ignores does not stop the run."""
    process = reading_slow_stdin(
        start_panelcli, "check", "-", "-f", "ndjson",
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )  # fmt: skip
    process.send_signal(signal.SIGHUP)
    out, err = process.communicate(b"S-1,P-1,2026-01-02,IL-10,3.1,pg/mL\n", timeout=20)
    assert (process.returncode, err) == (1, b"")  # IL-6 4.2 pg/mL is flagged high
    assert [json.loads(line).get("marker") for line in out.splitlines()[:2]] == ["IL-6", "IL-10"]


@pytest.fixture(scope="module")
def two_process_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Big enough (about 16 MB) to be read by two processes, and to take a while."""
    path = tmp_path_factory.mktemp("huge") / "huge.csv"
    with path.open("w") as out:
        out.write(HEADER + "\n")
        for start in range(0, 400_000, 10_000):
            out.writelines(
                f"S-{i // 9},P-{i // 900},2026-01-02,IL-{6 + i % 3},{i % 40}.5,pg/mL\n"
                for i in range(start, start + 10_000)
            )
    return path


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")  # ended, not yet collected


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("whom", ["panelcli", "its process group"])
@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGHUP, 129, "hung up")],
    ids=["sigterm", "sighup"],
)
def test_sigterm_or_sighup_with_output_file_leaves_no_file_and_no_process(
    two_process_file: Path, tmp_path: Path, whom: str, signum: int, code: int, said: str
) -> None:
    """`timeout 2 panelcli check huge.csv -f ndjson -o out.ndjson` (timeout signals the
    process group; `kill` only panelcli): no temporary file is left, here or in TMPDIR, and
    the second process ends with the first. SIGHUP (a closed terminal) likewise."""
    if not two_processes.fits([str(two_process_file)]):
        pytest.skip("two processes need two cores")
    out_dir, temp_dir = tmp_path / "out", tmp_path / "tmp"
    out_dir.mkdir()
    temp_dir.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "panelcli", "check", str(two_process_file), "-f", "ndjson",
         "-o", str(out_dir / "out.ndjson")],
        stderr=subprocess.PIPE, env={**os.environ, "TMPDIR": str(temp_dir)},
        start_new_session=True, preexec_fn=as_from_a_terminal,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    children: list[int] = []
    while not children and process.poll() is None and time.monotonic() < deadline:
        children = children_of(process.pid)
        time.sleep(0.01)
    assert children, "the second process was never seen"
    assert os.listdir(out_dir)  # the temporary file is being written
    if whom == "panelcli":
        process.send_signal(signum)
    else:
        os.killpg(process.pid, signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == code, err.decode()
    assert err.decode() == f"panelcli: {said}\n"
    assert os.listdir(out_dir) == []
    assert os.listdir(temp_dir) == []
    deadline = time.monotonic() + 10
    while not all(gone(child) for child in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(gone(child) for child in children)


# --- environment --------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["abc", "0", "-5", "1", "99999999", ""])
def test_odd_columns_values_neither_crash_nor_hang(columns: str) -> None:
    started = time.monotonic()
    result = runner.invoke(app, ["check", str(CORPUS / "valid.csv")], env={"COLUMNS": columns})
    assert time.monotonic() - started < 10
    assert result.exit_code == 1, result.stderr
    assert "Please note" in result.stdout


def test_a_bad_panelcli_ranges_variable_is_one_line() -> None:
    result = runner.invoke(
        app, ["check", str(CORPUS / "valid.csv")], env={"PANELCLI_RANGES": "no-such-set"}
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "panelcli: PANELCLI_RANGES=no-such-set: no reference set named 'no-such-set'"
    )
    assert result.stderr.count("\n") == 1


def codes_of(path: Path) -> list[str]:
    interpreter = core.Interpreter(core.load_ranges(None), core.CheckOptions())
    return [event.code for event in interpreter.stream([str(path)])]  # type: ignore[union-attr]


def test_a_header_only_file_still_reports_its_closing_warnings(tmp_path: Path) -> None:
    path = tmp_path / "header-only.csv"
    path.write_bytes(b"# r\xe9sum\xe9\nsample_id,marker,value,unit\n")
    assert codes_of(path) == ["encoding-fallback", "file-unreadable"]
    result = runner.invoke(app, ["check", str(path), "--format", "csv"])
    assert result.exit_code == 2
    assert "encoding-fallback" in result.stdout and "file-unreadable" in result.stdout


def test_an_unreadable_header_still_reports_what_was_seen_before(tmp_path: Path) -> None:
    path = tmp_path / "header-quote.csv"
    path.write_text('Lab report\nsample_id,marker,value,unit,"note"x\nS1,IL-6,3,pg/mL,\n')
    assert codes_of(path) == ["preamble-skipped", "column-ignored", "file-unreadable"]


def test_empty_stdin_given_twice_is_reported_twice_not_an_internal_error() -> None:
    result = runner.invoke(app, ["check", "-", "samples/all-in-range.csv", "-", "-f", "ndjson"],
                           input="")  # fmt: skip
    assert result.exit_code == 2
    assert "internal error" not in result.output
    assert result.stdout.count('"message":"the file is empty"') == 1
    assert result.stdout.count("'-' is given more than once") == 1


@pytest.mark.parametrize("command", [["check", "-f", "ndjson"], ["check"], ["validate"]])
def test_a_closed_stdin_is_an_unreadable_file_not_an_internal_error(command: list[str]) -> None:
    """`panelcli check - <&-` (found in review): Python's sys.stdin is then None."""
    import shlex

    argv = [sys.executable, "-m", "panelcli", *command, "-"]
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(argv)} <&-"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "internal error" not in done.stderr
    assert "closed before panelcli started; there is nothing to read" in done.stdout + done.stderr


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_terminal_that_lacks_the_symbols_gets_them_spelled_not_question_marks(
    encoding: str,
) -> None:
    """'≤ 2.5' came out as '? 2.5', TNF-α as 'TNF-?' (found in review)."""
    done = subprocess.run(
        [sys.executable, "-m", "panelcli", "check", "samples/cytokine-storm.csv"],
        capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding},
    )  # fmt: skip
    text = done.stdout.decode(encoding)
    assert done.returncode == 1
    assert "<= " in text and "TNF-alpha" in text and "IFN-gamma" in text
    assert "?" not in text
    # Spelled before layout, so the table's borders still line up (they did not: review).
    table = [line.rstrip() for line in text.splitlines() if line.startswith(("|", "+"))]
    assert len(table) > 13 and len({len(line) for line in table}) == 1, "\n".join(table)


@pytest.mark.parametrize(
    ("command", "text"),
    [(["schema", "ranges"], "männlich"), (["ranges", "show", "-f", "json"], "TNF-α")],
)
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_documents_are_utf8_whatever_the_locale(
    command: list[str], text: str, encoding: str
) -> None:
    """QA: in a Latin-1 locale 'schema ranges' wrote Latin-1, and in an ASCII one 'ranges show
    -f json' wrote the key 'TNF-alpha' for 'TNF-α', while check's JSON kept it (README: JSON
    is always UTF-8)."""
    done = subprocess.run(
        [sys.executable, "-m", "panelcli", *command],
        capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding}, check=True,
    )  # fmt: skip
    assert text.lower().encode() in done.stdout.lower()  # as UTF-8, not spelled or escaped
    assert json.loads(done.stdout.decode("utf-8"))


def test_demo_s_csv_to_a_closed_stdout_is_one_clear_line() -> None:
    """QA: 'demo cytokine-storm --csv >&-' was an internal error (no attribute 'buffer')."""
    import shlex

    argv = [sys.executable, "-m", "panelcli", "demo", "cytokine-storm", "--csv"]
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(argv)} >&-"], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr) == (2, "panelcli: standard output is closed\n")


def test_ranges_init_with_stdout_closed_makes_its_copy_and_says_so(tmp_path: Path) -> None:
    """QA: 'ranges init ./lab >&-' made the copy but exited 2 ('standard output is closed'),
    and a retry then met 'already exists'. Its line is a message: stderr."""
    import shlex

    argv = [sys.executable, "-m", "panelcli", "ranges", "init", str(tmp_path / "lab")]
    done = subprocess.run(
        ["sh", "-c", f"{shlex.join(argv)} >&-"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr.startswith("Copied arup-3002601 to ")
    assert (tmp_path / "lab" / "arup-3002601.toml").is_file()


def test_validate_with_stderr_full_exits_as_it_would_have() -> None:
    """QA: 'validate clean.csv 2>/dev/full' exited 2: its closing count, a message, was lost."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    argv = [sys.executable, "-m", "panelcli", "validate", str(SAMPLES / "all-in-range.csv")]
    with open("/dev/full", "w") as full:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=full, timeout=60)
    assert done.returncode == 0


def test_spelled_text_keeps_its_styles_on_the_same_characters() -> None:
    from rich.text import Text

    from panelcli.render.console import SpelledOut

    text = Text("α ≤ 2")
    text.stylize("red", 0, 1)
    text.stylize("bold", 4, 5)
    spelled = SpelledOut("ascii").spelled(text)
    assert isinstance(spelled, Text) and spelled.plain == "alpha <= 2"
    assert [(spelled.plain[s.start : s.end], str(s.style)) for s in spelled.spans] == [
        ("alpha", "red"),
        ("2", "bold"),
    ]
    assert SpelledOut("latin-1").spelled(Text("µ ≤ 2")).plain == "µ <= 2"  # type: ignore[union-attr]


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["validate"]])
def test_a_closed_stderr_changes_nothing_on_stdout(command: list[str]) -> None:
    """`check … 2>&-` was an internal error (sys.stderr is then None), printed on stdout; and
    validate's count of problems went to stdout (print(file=None)) (found in review)."""
    import shlex

    argv = [sys.executable, "-m", "panelcli", command[0], "samples/all-in-range.csv", *command[1:]]
    closed = subprocess.run(
        ["sh", "-c", f"{shlex.join(argv)} 2>&-"], capture_output=True, text=True, timeout=60
    )
    open_ = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    assert (closed.returncode, closed.stdout) == (open_.returncode, open_.stdout)
    assert closed.returncode == 0 and "internal error" not in closed.stdout


def test_other_invisible_format_characters_are_shown_escaped() -> None:
    """The Arabic letter mark (bidi), tag characters and a soft hyphen reached the table raw
    (found in QA)."""
    from panelcli.values import visible

    assert visible("S1\u061cZ S3\U000e0041Z a\xadb") == "S1\\u061cZ S3\\U000e0041Z a\\xadb"


def test_json_writes_the_invisible_characters_as_escapes_too() -> None:
    """NDJSON and FHIR wrote U+061C, tags and soft hyphens raw (found in QA)."""
    import json

    from panelcli.values import json_inert

    text = json.dumps({"id": "S\u061cZ\U000e0041\xad"}, ensure_ascii=False)
    inert = json_inert(text)
    assert inert == '{"id": "S\\u061cZ\\udb40\\udc41\\u00ad"}'
    assert json.loads(inert) == json.loads(text)


def test_a_file_name_s_escape_sequence_is_inert_in_every_message(tmp_path: Path) -> None:
    """QA: the 'valid' line of ranges validate, ranges init's confirmation and the errors of
    --format and --export showed an OSC sequence (it sets a terminal's title) raw."""
    osc = "\x1b]0;PWNED\x07"
    named = tmp_path / f"r{osc}.toml"
    named.write_bytes(
        (Path(__file__).parent.parent / "reference_ranges/mayo-adult.toml").read_bytes()
    )
    lab = tmp_path / "lab.csv"
    lab.write_text("sample_id,marker,value,unit\nS1,IL-6,1,pg/mL\n", encoding="utf-8")
    runs = [
        ["ranges", "validate", str(named)],
        ["ranges", "init", str(tmp_path / f"d{osc}")],
        ["check", str(lab), "--export", f"x{osc}.csv"],
        ["check", str(lab), "--format", osc],
        ["check", str(lab), "--age", f"4{osc}"],
        ["check", str(lab), "--sex", osc],
    ]
    for args in runs:
        result = runner.invoke(app, args)
        assert "\x1b" not in result.output and "\x07" not in result.output, args
        assert "\\x1b]0;PWNED\\x07" in result.output, args


def test_characters_a_terminal_lacks_stay_apart_as_their_code_points(tmp_path: Path) -> None:
    """On an ASCII terminal samples '名前' and '日本' were both 'Sample ??', and a file name
    '名.csv' was '?.csv' (QA): each is now its code point, as control characters are."""
    from panelcli.render.console import SpelledOut
    from panelcli.spelling import spelled

    assert spelled("名前 ≤ 2", "ascii") == "\\u540d\\u524d <= 2"
    assert SpelledOut("latin-1").spelled("日本 µ") == "\\u65e5\\u672c µ"
    path = tmp_path / "名.csv"
    path.write_text("sample_id,marker,value,unit\n日本,IL-6,x,pg/mL\n", encoding="utf-8")
    said = subprocess.run(
        [sys.executable, "-m", "panelcli", "validate", str(path)], capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"}, check=False,
    )  # fmt: skip
    assert b"\\u540d.csv:2: value: error value-not-a-number" in said.stdout, said
