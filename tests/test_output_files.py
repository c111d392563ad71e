"""`check -o FILE` (atomic, refuses to overwrite without --force) and `--quiet`."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from schema_check import assert_valid_ndjson, assert_valid_output
from typer.testing import CliRunner, Result

from panelcli.check import Event, Interpreter
from panelcli.cli import app
from panelcli.errors import HungUp, Terminated
from panelcli.models import NOTICE

REPO = Path(__file__).resolve().parent.parent
FORMATS = ["table", "json", "ndjson", "csv", "fhir"]


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "120")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_holds_exactly_what_stdout_would(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    to_stdout = run("check", "samples/bad-rows.csv", "--format", fmt)
    to_file = run("check", "samples/bad-rows.csv", "--format", fmt, "-o", str(target))
    assert (to_file.exit_code, to_file.stdout, to_file.stderr) == (2, "", "")
    assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert os.listdir(tmp_path) == [target.name]  # no temporary file left behind
    if fmt == "json":
        assert_valid_output(json.loads(to_stdout.stdout))
    elif fmt == "ndjson":
        assert_valid_ndjson(to_stdout.stdout)


def test_table_in_a_file_is_plain_text_even_when_colour_is_forced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    target = tmp_path / "report.txt"
    result = run("check", "samples/cytokine-storm.csv", "--output", str(target))
    assert result.exit_code == 1
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text
    assert "IL-6" in text
    assert " ".join(NOTICE.split()[:6]) in " ".join(text.split())


def test_an_existing_file_is_refused_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("keep me")
    result = run("check", "samples/all-in-range.csv", "-f", "json", "-o", str(target))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"panelcli: '{target}' already exists; add --force to replace it\n"
    assert target.read_text() == "keep me"
    forced = run("check", "samples/all-in-range.csv", "-f", "json", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert_valid_output(json.loads(target.read_text()))


def test_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.csv"
    result = run("check", "samples/all-in-range.csv", "-f", "csv", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"panelcli: cannot write '{target}'")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_unreadable_input_writes_no_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / "out"
    result = run("check", "missing.csv", "-f", fmt, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == "panelcli: missing.csv: no such file\n"
    assert os.listdir(tmp_path) == []


def interrupt_after(
    count: int, stop: type[BaseException] = KeyboardInterrupt
) -> Callable[..., Iterator[list[Event]]]:
    """Interpreter.stream_batches that gives `count` real events, then acts as if Ctrl-C was
    pressed (or SIGTERM arrived, with `stop=Terminated`)."""
    real = Interpreter.stream_batches

    def batches(self: Interpreter, sources: list[str], size: int = 512) -> Iterator[list[Event]]:
        number = 0
        for batch in real(self, sources, size):
            for event in batch:
                if number == count:
                    raise stop
                number += 1
                yield [event]  # type: ignore[list-item]

    return batches


@pytest.mark.parametrize(
    ("stop", "code", "said"),
    [
        (KeyboardInterrupt, 130, "interrupted"),
        (Terminated, 143, "terminated"),
        (HungUp, 129, "hung up"),
    ],
    ids=["ctrl-c", "sigterm", "sighup"],
)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_interrupted_run_never_leaves_a_half_written_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    stop: type[BaseException],
    code: int,
    said: str,
) -> None:
    monkeypatch.setattr(Interpreter, "stream_batches", interrupt_after(5, stop))
    target = tmp_path / "out"
    result = run("check", "samples/cytokine-storm.csv", "-f", fmt, "-o", str(target))
    assert result.exit_code == code
    assert result.stderr == f"panelcli: {said}\n"
    assert os.listdir(tmp_path) == []
    # and with --force, the file that was there before is kept whole
    target.write_text("the previous report")
    result = run("check", "samples/cytokine-storm.csv", "-f", fmt, "-o", str(target), "--force")
    assert result.exit_code == code
    assert target.read_text() == "the previous report"
    assert os.listdir(tmp_path) == [target.name]


def test_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    run("check", "samples/all-in-range.csv", "-f", "json", "-o", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_dash_means_stdout() -> None:
    result = run("check", "samples/all-in-range.csv", "-f", "csv", "-o", "-")
    assert result.stdout.startswith("source,line,")
    assert not Path("-").exists()


# --- --quiet --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("sample", "extra", "code"),
    [
        ("all-in-range.csv", [], 0),
        ("cytokine-storm.csv", [], 1),
        ("cytokine-storm.csv", ["--fail-on", "never"], 0),
        ("bad-rows.csv", ["--fail-on", "never"], 2),
    ],
)
def test_quiet_prints_nothing_but_sets_the_exit_code(
    fmt: str, sample: str, extra: list[str], code: int
) -> None:
    result = run("check", f"samples/{sample}", "--format", fmt, "--quiet", *extra)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", "")


def test_quiet_with_output_still_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ndjson"
    result = run("check", "samples/cytokine-storm.csv", "-q", "-f", "ndjson", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    assert len(assert_valid_ndjson(target.read_text())) == 14


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "fhir"])
def test_machine_formats_are_utf8_whatever_the_locale(fmt: str) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "panelcli", "check", "samples/cytokine-storm.csv", "-f", fmt],
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert "IL-1β" in finished.stdout.decode("utf-8")


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_device_or_named_pipe_is_written_to_not_replaced(
    tmp_path: Path, force: list[str]
) -> None:
    """`-o /dev/null --force` once replaced /dev/null with a regular file (run as root)."""
    import os
    import stat
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = run("check", "samples/all-in-range.csv", "-f", "ndjson", "-o", str(fifo), *force)
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].count(b"\n") == 14  # 13 results and the closing line
    assert run("check", "samples/all-in-range.csv", "-o", os.devnull, *force).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


# --- output that cannot be written ---------------------------------------------------------------


def panelcli_process(*args: str, stdout: Any) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "panelcli", *args]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, timeout=60)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_one_clear_line_not_an_internal_error(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        to_stdout = panelcli_process("check", "samples/all-in-range.csv", "-f", fmt, stdout=full)
    full_disk = "No space left on device\n"
    assert to_stdout.returncode == 2
    assert to_stdout.stderr.decode() == f"panelcli: cannot write the output: {full_disk}"
    to_file = panelcli_process(
        "check", "samples/all-in-range.csv", "-f", fmt, "-o", "/dev/full", stdout=subprocess.PIPE
    )
    assert (to_file.returncode, to_file.stdout) == (2, b"")
    assert to_file.stderr.decode() == f"panelcli: cannot write '/dev/full': {full_disk}"


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="needs /dev/stdout")
def test_dev_stdout_writes_where_the_shell_put_stdout(tmp_path: Path) -> None:
    """QA: '-o /dev/stdout >> log' wiped the log, and with '(echo header; panelcli -o
    /dev/stdout; echo footer) > out' the header was lost and 'footer' written into the
    report: the path was opened anew (truncated, at offset 0), not as the shell's stdout."""
    args = ("check", "samples/all-in-range.csv", "-f", "csv", "-o", "/dev/stdout")
    log = tmp_path / "log.txt"
    log.write_text("OLD\n")
    with open(log, "a") as appended:
        assert panelcli_process(*args, stdout=appended).returncode == 0
    lines = log.read_text().splitlines()
    assert lines[0] == "OLD" and lines[1].startswith("source,line,") and len(lines) > 10
    out = tmp_path / "out.txt"
    script = 'echo header; "$@"; echo footer'
    with open(out, "w") as written:
        shell = ["sh", "-c", script, "sh", sys.executable, "-m", "panelcli", *args]
        assert subprocess.run(shell, stdout=written, timeout=60).returncode == 0
    lines = out.read_text().splitlines()
    assert (lines[0], lines[-1]) == ("header", "footer")
    assert lines[1].startswith("source,line,") and sum("footer" in line for line in lines) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="closing stdout with >&- is POSIX sh")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_closed_stdout_is_one_clear_line(tmp_path: Path, fmt: str) -> None:
    def closed_stdout(*args: str) -> subprocess.CompletedProcess[bytes]:
        shell = ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "panelcli", *args]
        return subprocess.run(shell, stderr=subprocess.PIPE, timeout=60)

    written = closed_stdout("check", "samples/all-in-range.csv", "-f", fmt)
    assert (written.returncode, written.stderr) == (2, b"panelcli: standard output is closed\n")
    # nothing to write there: --quiet, or -o FILE, work as usual
    quiet = closed_stdout("check", "samples/all-in-range.csv", "-f", fmt, "-q")
    assert (quiet.returncode, quiet.stderr) == (0, b"")
    target = tmp_path / "out"
    to_file = closed_stdout("check", "samples/all-in-range.csv", "-f", fmt, "-o", str(target))
    assert (to_file.returncode, to_file.stderr) == (0, b"")
    assert NOTICE.split()[0] in target.read_text(encoding="utf-8")


#: Every command that writes to stdout, besides check (above).
OTHER_COMMANDS = [
    ["--version"], ["--help"], ["check", "--help"], ["explain"], ["explain", "IL-6"], ["demo"],
    ["demo", "cytokine-storm"], ["validate", "samples/bad-rows.csv"], ["schema", "output"],
    ["ranges", "list"], ["ranges", "show"], ["ranges", "show", "-f", "json"],
    # a file with problems: a valid set writes nothing on stdout ('valid' is on stderr)
    ["ranges", "validate", "tests/corpus/ranges-unknown-key.toml"],
]  # fmt: skip


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", OTHER_COMMANDS, ids=" ".join)
def test_every_command_says_a_full_disk_in_one_line(args: list[str]) -> None:
    """Not 'internal error', a traceback (--help), or Python's own error at exit (code 120)."""
    with open("/dev/full", "w") as full:
        done = panelcli_process(*args, stdout=full)
    assert (done.returncode, done.stderr.decode()) == (
        2, "panelcli: cannot write the output: No space left on device\n"
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="closing stdout with >&- is POSIX sh")
@pytest.mark.parametrize("args", OTHER_COMMANDS, ids=" ".join)
def test_every_command_says_a_closed_stdout_in_one_line(args: list[str]) -> None:
    """Not a silent exit 0 with nothing written."""
    shell = ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "panelcli", *args]
    done = subprocess.run(shell, stderr=subprocess.PIPE, timeout=60)
    assert (done.returncode, done.stderr) == (2, b"panelcli: standard output is closed\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_that_cannot_be_finished_is_named_and_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out"
    result = run("check", "samples/all-in-range.csv", "-f", fmt, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"panelcli: cannot write '{target}': No space left on device\n"
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_an_error_while_reading_is_not_called_a_write_error(
    monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Streamed formats read and write in turns: only a write may be reported as one."""
    real = Interpreter.stream_batches

    def failing(self: Interpreter, sources: list[str], size: int = 512) -> Iterator[list[Event]]:
        yield from itertools.islice(real(self, sources, size), 1)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Interpreter, "stream_batches", failing)
    result = run("check", "samples/cytokine-storm.csv", "-f", fmt)
    assert result.exit_code == 2
    assert "cannot write" not in result.stderr
    assert "Input/output error" in result.stderr


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    """--force made a report locked to 600 (and an export to 640) readable by all (QA)."""
    report, export = tmp_path / "report.json", tmp_path / "report.html"
    for path, mode in ((report, 0o600), (export, 0o640)):
        path.write_text("old", encoding="utf-8")
        path.chmod(mode)
    sample = str(Path("samples/all-in-range.csv").resolve())
    result = run("check", sample, "-f", "json", "-o", str(report), "--export", str(export),
                 "--force")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert [(p.stat().st_mode & 0o777) for p in (report, export)] == [0o600, 0o640]
    assert report.read_text(encoding="utf-8").startswith("{")


def test_a_replaced_file_keeps_its_hard_links(tmp_path: Path) -> None:
    """Developer QA: --force swapped the file for a new one, so a hard link to it kept the
    old report."""
    report, linked = tmp_path / "report.json", tmp_path / "linked.json"
    report.write_text("old", encoding="utf-8")
    os.link(report, linked)
    sample = str(Path("samples/all-in-range.csv").resolve())
    result = run("check", sample, "-f", "json", "-o", str(report), "--force")
    assert result.exit_code == 0, result.output
    assert linked.read_text(encoding="utf-8").startswith("{")
    assert report.stat().st_ino == linked.stat().st_ino
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_a_replaced_file_keeps_its_owner_where_the_user_may_give_it(tmp_path: Path) -> None:
    """Developer QA: a root cron job's --force gave a user's report to root."""
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    os.chown(report, 65534, 65534)
    sample = str(Path("samples/all-in-range.csv").resolve())
    result = run("check", sample, "-f", "json", "-o", str(report), "--force")
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("{")
    assert (report.stat().st_uid, report.stat().st_gid) == (65534, 65534)


def test_an_output_name_ending_in_a_slash_is_refused_as_a_folder(tmp_path: Path) -> None:
    """'-o reports/' (no such folder yet) wrote a file called 'reports' without a word (QA)."""
    folder = f"{tmp_path / 'reports'}/"
    result = run("check", "samples/all-in-range.csv", "-f", "json", "-o", folder)
    assert result.exit_code == 2
    assert f"'{folder}' ends in '/', which names a folder; give a file name" in result.stderr
    dotted = run("check", "samples/all-in-range.csv", "-f", "json", "-o", f"{folder}.")
    assert dotted.exit_code == 2  # review: 'reports/.' still wrote a file 'reports'
    assert not (tmp_path / "reports").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_an_export_that_cannot_be_written_is_named_not_the_output_file(tmp_path: Path) -> None:
    """A full disk under --export was said as "cannot write 'report.json'" (QA)."""
    full = tmp_path / "full.html"
    full.symlink_to("/dev/full")
    report = tmp_path / "report.json"
    result = run("check", "samples/all-in-range.csv", "-f", "json", "-o", str(report),
                 "--export", str(full), "--force")  # fmt: skip
    assert result.exit_code == 2
    assert f"cannot write '{full}': No space left on device" in result.stderr
    assert not report.exists()


def test_an_empty_output_or_export_name_is_said_as_empty() -> None:
    """QA: '-o "$OUT"' with OUT unset said "'.' is a folder; give a file name to write to"."""
    sample = str(REPO / "samples" / "all-in-range.csv")
    for option, hint in (("-o", "or '-' for standard output"), ("--export", "ending in .html")):
        result = CliRunner().invoke(app, ["check", sample, option, ""])
        assert result.exit_code == 2 and not result.stdout
        said = " ".join(result.stderr.split())
        assert "the file name is empty (an unset shell variable?)" in said and hint in said
    # QA: '-o="$OUT"' with OUT unset wrote a file '=', and '-o=rep.json' one '=rep.json'
    unset = CliRunner().invoke(app, ["check", sample, "-o="])
    assert unset.exit_code == 2 and "the file name is empty" in unset.stderr
    for given in ("-o=rep.json", "-o==rep.json"):  # review: '-o==x' was told to write '-o =x'
        glued = CliRunner().invoke(app, ["check", sample, given])
        said = " ".join(glued.stderr.split())
        assert glued.exit_code == 2
        assert "starts with '=': write -o rep.json or --output=rep.json" in said


@pytest.mark.parametrize("option", ["-o", "--export"])
def test_a_link_is_written_through_as_a_shell_redirection_writes(
    tmp_path: Path, option: str
) -> None:
    """QA: with --force, '-o latest.json' (a link to a report) replaced the link by a file of
    its own, so the report it names went stale; a dangling link is written through too, as
    '>' does, creating the file it names."""
    suffix = ".html" if option == "--export" else ".json"
    report = tmp_path / f"report{suffix}"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o600)
    link = tmp_path / f"latest{suffix}"
    link.symlink_to(report.name)
    extra = ["-q"] if option == "--export" else ["-f", "json"]
    refused = run("check", "samples/all-in-range.csv", *extra, option, str(link))
    assert refused.exit_code == 2 and "already exists; add --force" in refused.stderr
    done = run("check", "samples/all-in-range.csv", *extra, option, str(link), "--force")
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and os.readlink(link) == report.name
    assert report.read_text(encoding="utf-8") != "old" and report.stat().st_mode & 0o777 == 0o600
    dangling = tmp_path / f"dangling{suffix}"
    dangling.symlink_to("new-report" + suffix)
    assert run("check", "samples/all-in-range.csv", *extra, option, str(dangling)).exit_code == 0
    assert dangling.is_symlink() and (tmp_path / f"new-report{suffix}").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_link_that_loops_is_refused_not_replaced(tmp_path: Path) -> None:
    """Review: '-o loop1' (loop1 -> loop2 -> loop1) replaced the link by a file, no --force."""
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    done = run("check", "samples/all-in-range.csv", "-f", "json", "-o", str(tmp_path / "loop1"))
    assert done.exit_code == 2 and "is a link that leads to no file" in done.stderr
    assert (tmp_path / "loop1").is_symlink()


def test_o_and_export_through_links_to_one_file_not_made_yet_are_refused(
    tmp_path: Path,
) -> None:
    """QA: '-o c.html --export d2.html', both links to nt.html (not there yet): the export
    was silently written over; refused, naming each as given."""
    (tmp_path / "c.html").symlink_to("nt.html")
    (tmp_path / "d2.html").symlink_to("nt.html")
    done = run(
        "check", "samples/all-in-range.csv", "-o", str(tmp_path / "c.html"),
        "--export", str(tmp_path / "d2.html"),
    )  # fmt: skip
    assert done.exit_code == 2
    assert f"-o '{tmp_path / 'c.html'}' and --export '{tmp_path / 'd2.html'}' name one file" in (
        done.stderr
    )
    assert not (tmp_path / "nt.html").exists()
