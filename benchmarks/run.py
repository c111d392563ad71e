"""Issue 7 ("Fast at every scale"): every benchmark in one command, printed as one table.

    python benchmarks/run.py                      # full run: 100k and 1M rows, 5 runs each
    python benchmarks/run.py --quick              # small files, 3 runs: a sanity check
    python benchmarks/run.py --frictionless /tmp/fl/bin/frictionless --markdown

Every figure is a ratio against a baseline measured in the same run (machines are noisy):
`python -c pass` for start-up, benchmarks/floor.py for throughput, `frictionless validate` for
a general-purpose validator. Times are medians of --runs runs after one warm-up run; a figure
and its baseline are run in turns (ABBA…), each run timed by hyperfine when it is on PATH,
else by a timing loop here. Peak RSS is the child's
ru_maxrss from os.wait4 in a small wrapper process. Nothing here asserts: the table says which
goals are met, and --strict turns a missed goal into exit 1. Only the standard library is
needed; hyperfine and frictionless are optional and never project dependencies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "cytokine-storm.csv"  # 13 markers, one sample
SCHEMA = HERE / "frictionless-schema.json"
MIB = 1024 * 1024
PANELCLI_EXITS = {0, 1, 2}  # nothing flagged / flagged / rejected rows: all expected here

sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (benchmarks/generate.py, next to this file)

# --- Finding the programs ------------------------------------------------------------------


def find_panelcli(given: str | None) -> Path:
    if given:
        return Path(given).resolve()
    beside = Path(sys.executable).parent / "panelcli"
    if beside.exists():
        return beside
    found = shutil.which("panelcli")
    if found:
        return Path(found)
    raise SystemExit("run.py: no panelcli next to this python or on PATH; pass --panelcli PATH")


def interpreter_of(script: Path) -> str:
    """The python a console script runs with (its #! line), so the baseline is the same one."""
    try:
        first = script.read_bytes()[:256].split(b"\n", 1)[0].decode()
    except OSError:
        return sys.executable
    if first.startswith("#!"):
        words = shlex.split(first[2:])
        if words and Path(words[0]).name.startswith("python") and Path(words[0]).exists():
            return words[0]
    return sys.executable


def find_frictionless(given: str | None) -> str | None:
    if given:
        if given.lower() in {"off", "none", "no"}:
            return None
        return given
    found = shutil.which("frictionless")
    if found:
        return found
    beside = Path(sys.executable).parent / "frictionless"
    return str(beside) if beside.exists() else None


# --- Measuring -----------------------------------------------------------------------------


class Timer:
    """Median wall times of commands run in turns: hyperfine if available, else a perf_counter
    loop."""

    def __init__(self, runs: int, warmup: int, hyperfine: str | None, scratch: Path) -> None:
        self.runs, self.warmup, self.hyperfine, self.scratch = runs, warmup, hyperfine, scratch

    @staticmethod
    def _once(argv: list[str], ok_exits: set[int]) -> float:
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode not in ok_exits:
            tail = done.stderr.decode(errors="replace")[-500:]
            raise SystemExit(f"run.py: {shlex.join(argv)} exited {done.returncode}: {tail}")
        return elapsed

    def in_turns(self, commands: Sequence[tuple[Sequence[str], set[int]]]) -> list[float]:
        """Median wall time of each command, the commands run in turns (ABBA…, one run each).

        A figure and the baseline it is divided by are measured this way: this VM has slow and
        fast phases lasting seconds to minutes, and runs in turns share them.
        """
        argvs = [([str(a) for a in argv], ok) for argv, ok in commands]
        for argv, ok in argvs:
            for _ in range(self.warmup):
                self._single(argv, ok)
        times: list[list[float]] = [[] for _ in argvs]
        for turn in range(self.runs):
            order = list(enumerate(argvs))
            for index, (argv, ok) in order if turn % 2 == 0 else reversed(order):
                times[index].append(self._single(argv, ok))
        return [statistics.median(t) for t in times]

    def _single(self, argv: list[str], ok_exits: set[int]) -> float:
        """One timed run: by hyperfine when it is available, else by `_once`."""
        if self.hyperfine:
            return self._hyperfine(argv, ok_exits)
        return self._once(argv, ok_exits)

    def _hyperfine(self, argv: list[str], ok_exits: set[int]) -> float:
        export = self.scratch / "hyperfine.json"
        command = [
            self.hyperfine,
            "--shell=none",
            "--ignore-failure",  # panelcli exits 1/2 when results are flagged or rejected
            "--style=none",
            "--runs=1",
            "--warmup=0",
            f"--export-json={export}",
            shlex.join(argv),
        ]
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode:
            tail = done.stderr.decode(errors="replace")[-500:]
            raise SystemExit(f"run.py: hyperfine failed on {shlex.join(argv)}: {tail}")
        result = json.loads(export.read_text())["results"][0]
        # --ignore-failure times any exit: a crash must not pass for a fast run.
        failed = [code for code in result.get("exit_codes", []) if code not in ok_exits]
        if failed:
            raise SystemExit(f"run.py: {shlex.join(argv)} exited {failed[0]}")
        return float(result["median"])


@dataclass
class Measured:
    peak_rss: int  # bytes
    exit_code: int
    seconds: float
    stopped: bool  # killed for passing the memory cap; peak_rss is then a lower bound
    tail: bytes  # the last bytes of stdout when asked for
    stderr: str


# A fresh, small process starts each measured child and reports its peak RSS. Linux carries the
# RSS of the process that forks (or vforks) a child into the child's ru_maxrss across exec, so a
# child started from run.py itself (which grows while it generates 1M rows) would report at
# least run.py's own peak. This wrapper imports only os, sys and time, runs with -S -I, and
# starts the child with posix_spawn; `python -c pass` measured through it is the floor.
WRAPPER = """
import os, sys, time
cap, report, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
stopped = 0
while True:
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if done:
        break
    if cap and not stopped:
        try:
            with open(f"/proc/{pid}/status") as handle:
                rss = [int(x.split()[1]) * 1024 for x in handle if x.startswith("VmRSS:")]
        except OSError:
            rss = []
        if rss and rss[0] > cap:
            os.kill(pid, 9)
            stopped = 1
    time.sleep(0.02)
seconds = time.perf_counter() - start
with open(report, "w") as handle:
    code = os.waitstatus_to_exitcode(status)
    handle.write(f"{usage.ru_maxrss} {code} {stopped} {seconds}")
"""


def measure(
    python: str, argv: Sequence[str], cap: int | None, scratch: Path, *, keep_tail: bool = False
) -> Measured:
    """Run `argv` once under the wrapper; its peak RSS, stopping it past `cap` bytes."""
    report = scratch / "rss-report.txt"
    report.unlink(missing_ok=True)
    command = [python, "-S", "-I", "-c", WRAPPER, str(cap or 0), str(report)]
    command += [str(a) for a in argv]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE if keep_tail else subprocess.DEVNULL, stderr=err
        )
        tail = bytearray()
        if proc.stdout is not None:  # the child writes straight into this pipe
            while chunk := proc.stdout.read(1 << 20):
                tail.extend(chunk)
                del tail[: max(0, len(tail) - 65536)]
            proc.stdout.close()
        proc.wait()
        err.seek(0)
        stderr = err.read()[-2000:].decode(errors="replace")
    if proc.returncode or not report.exists():
        raise SystemExit(f"run.py: the RSS wrapper failed on {shlex.join(command[7:])}: {stderr}")
    maxrss, code, stopped, seconds = report.read_text().split()
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Measured(
        peak_rss=int(maxrss) * scale,
        exit_code=int(code),
        seconds=float(seconds),
        stopped=stopped == "1",
        tail=bytes(tail),
        stderr=stderr,
    )


def default_cap() -> int | None:
    """Stop a run past 75% of the memory available now (`--format json` holds everything)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024 * 3 // 4
    except OSError:
        pass
    return None


# --- Data ----------------------------------------------------------------------------------


def data_file(
    directory: Path, rows: int, seed: int, excel: bool = False
) -> tuple[Path, dict[str, Any]]:
    """Generate (or reuse, with its sidecar of stats) the long file with `rows` rows (`excel`:
    as a European Excel export, see generate.py)."""
    path = directory / f"long-{rows}-seed{seed}{'-excel' if excel else ''}.csv"
    sidecar = path.with_suffix(".json")
    if path.exists() and sidecar.exists():
        return path, json.loads(sidecar.read_text())
    partial = path.with_suffix(".partial")
    start = time.perf_counter()
    stats = generate.generate(rows, partial, seed, excel=excel)
    partial.replace(path)
    info = {
        "rows": stats.rows,
        "bad": stats.bad,
        "censored": stats.censored,
        "bad_values": stats.bad_values,
    }
    sidecar.write_text(json.dumps(info))
    took = time.perf_counter() - start
    print(f"  generated {path.name}: {stats.summary()} in {took:.1f} s", file=sys.stderr)
    return path, info


# --- Checks that the timed commands really did the work ------------------------------------


def check_ndjson_totals(name: str, got: Measured, info: dict[str, Any]) -> str:
    last = got.tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    try:
        totals = json.loads(last)["totals"]
    except (ValueError, KeyError):
        raise SystemExit(
            f"run.py: {name}: last NDJSON line has no totals (exit {got.exit_code}): "
            f"{last[:200]!r} {got.stderr}"
        ) from None
    seen = totals["results"] + totals["rejected"]
    if seen != info["rows"] or totals["rejected"] != info["bad"]:
        raise SystemExit(
            f"run.py: {name}: panelcli accounted for {seen} rows with {totals['rejected']} "
            f"rejected; the file has {info['rows']} rows with {info['bad']} bad values"
        )
    return f"{name}: {totals['results']} results + {totals['rejected']} rejected = all rows"


def check_frictionless(command: list[str], info: dict[str, Any]) -> str:
    done = subprocess.run(command, capture_output=True)
    try:
        task = json.loads(done.stdout)["tasks"][0]
    except (ValueError, KeyError, IndexError):
        raise SystemExit(
            f"run.py: frictionless gave no JSON report (exit {done.returncode}): "
            f"{done.stdout[:300]!r} {done.stderr[-300:]!r}"
        ) from None
    bad_values = info["bad_values"]
    # '<2.0' and the like and 'abc'/'n/a' are type errors for a number; '-3' is a number and
    # '' is a missing value, both valid to frictionless.
    expected = info["censored"] + bad_values.get("abc", 0) + bad_values.get("n/a", 0)
    rows, errors = task["stats"].get("rows"), task["stats"].get("errors")
    if rows != info["rows"] or errors != expected or task.get("warnings"):
        raise SystemExit(
            f"run.py: frictionless did not validate every row: rows={rows} errors={errors} "
            f"(expected {info['rows']} rows, {expected} type errors); "
            f"warnings={task.get('warnings')}"
        )
    kinds = sorted({e["type"] for e in task["errors"]})
    return f"frictionless: {rows} rows validated, {errors} errors ({', '.join(kinds)})"


# --- Import time ---------------------------------------------------------------------------


#: The modules a `check` run imports from other packages (typer ≥ 0.29 builds a pydantic
#: TypeAdapter per option in `typer._adapters`; pydantic's plugin loader is imported with the
#: first model). The table path also draws with rich.
LIBRARIES_JSON = (
    "typer", "typer.main", "typer._adapters", "pydantic", "pydantic.main",
    "pydantic.plugin._loader",
)  # fmt: skip
LIBRARIES_TABLE = (*LIBRARIES_JSON, "rich.console", "rich.table", "rich.markup")


def import_script(modules: Sequence[str]) -> str:
    """`python -c` code importing `modules`; one a library version lacks is skipped."""
    return (
        "import importlib, importlib.util\n"
        f"for m in {list(modules)!r}:\n"
        "    try:\n"
        "        importlib.import_module(m)\n"
        "    except ImportError:\n"
        "        pass\n"
    )


def import_breakdown(python: str, runs: int) -> list[str]:
    """`-X importtime` of `check` on the 13-marker sample: medians over `runs` runs."""
    samples: dict[str, list[tuple[int, int, int]]] = {}
    order: list[str] = []
    command = [python, "-X", "importtime", "-m", "panelcli", "check", str(SAMPLE)]
    for _ in range(runs):
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for line in done.stderr.decode(errors="replace").splitlines():
            if not line.startswith("import time:") or "imported package" in line:
                continue
            self_us, cumulative, name = line[len("import time:") :].split("|")
            depth = (len(name) - len(name.lstrip())) // 2
            module = name.strip()
            if module not in samples:
                samples[module] = []
                order.append(module)
            samples[module].append((int(self_us), int(cumulative), depth))
    if not order:
        return ["(no -X importtime output)"]
    median = {
        m: (
            statistics.median(s for s, _, _ in v),
            statistics.median(c for _, c, _ in v),
            v[0][2],
        )
        for m, v in samples.items()
    }
    stdlib = getattr(sys, "stdlib_module_names", set())
    total = sum(c for s, c, d in median.values() if d == 0) / 1000

    def package(module: str) -> str:
        top = module.split(".")[0]
        return f"{top} (stdlib)" if top in stdlib or top.startswith("_") else top

    by_package: dict[str, list[float]] = {}
    for module, (self_us, _, _) in median.items():
        entry = by_package.setdefault(package(module), [0.0, 0])
        entry[0] += self_us / 1000
        entry[1] += 1
    lines = [
        f"Import time of `panelcli check {SAMPLE.name}` (python -X importtime, median of "
        f"{runs}): {total:.0f} ms in {len(median)} modules",
        "",
        "By top-level package (sum of self time):",
    ]
    for name, (ms, count) in sorted(by_package.items(), key=lambda kv: -kv[1][0])[:10]:
        lines.append(f"  {ms:7.1f} ms  {ms / total:5.1%}  {count:4d} modules  {name}")
    lines += ["", "Top 10 modules by cumulative time (includes what they import):"]
    top = sorted(median.items(), key=lambda kv: -kv[1][1])[:10]
    for module, (self_us, cumulative, _) in top:
        lines.append(
            f"  {cumulative / 1000:7.1f} ms  (self {self_us / 1000:5.1f} ms)  {module}"
            f"  [{package(module)}]"
        )
    return lines


# --- Reporting -----------------------------------------------------------------------------


@dataclass
class Line:
    target: str
    measured: str
    baseline: str = "—"
    ratio: str = "—"
    goal: str = "—"
    ok: bool | None = None  # None: reported only, or skipped


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def mib(value: int) -> str:
    return f"{value / MIB:.1f} MiB"


def rows_label(rows: int) -> str:
    if rows >= 1_000_000 and rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    if rows >= 1000 and rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def render(lines: list[Line], markdown: bool, judged: bool = True) -> str:
    """The table; `judged=False` (a quick or smoke run) shows no verdicts: the goals are for
    the full run's sizes, and 50k rows would be judged by a 1M-row goal."""
    header = ["target", "measured (median)", "baseline", "ratio", "goal", "ok?"]
    cells = [
        [
            line.target,
            line.measured,
            line.baseline,
            line.ratio,
            line.goal,
            "—" if line.ok is None else "(full run)" if not judged else "yes" if line.ok else "NO",
        ]
        for line in lines
    ]
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        return "\n".join(out)
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, cells)])


def machine(python: str, panelcli: Path) -> list[str]:
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    nproc = "?"
    if shutil.which("nproc"):
        nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    target_python = subprocess.run(
        [python, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True, text=True
    ).stdout.strip()
    version = subprocess.run([str(panelcli), "--version"], capture_output=True, text=True)
    commit = "?"
    if shutil.which("git"):
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "panelcli"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        commit = (head or "?") + (" + uncommitted changes in panelcli/" if dirty else "")
    return [
        f"date: {dt.date.today().isoformat()}",
        f"platform: {platform.platform()}",
        f"cpu: {model}; os.cpu_count()={os.cpu_count()}; nproc={nproc}",
        f"python: runner {platform.python_version()}, panelcli's {target_python} ({python})",
        f"panelcli: {version.stdout.strip() or '?'} at {panelcli}; code {commit}",
    ]


# --- The benchmarks ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run issue 7's benchmarks and print one table of ratios.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rows-large", type=int, default=1_000_000)
    parser.add_argument("--rows-medium", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (median)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated files")
    parser.add_argument(
        "--frictionless",
        metavar="PATH",
        help="frictionless executable (default: on PATH or next to this python; 'off' skips it)",
    )
    parser.add_argument("--panelcli", metavar="PATH", help="panelcli script to measure")
    parser.add_argument("--data-dir", type=Path, help="keep and reuse the generated files here")
    parser.add_argument("--quick", action="store_true", help="50k/10k rows, 3 runs")
    parser.add_argument("--smoke", action="store_true", help="2k/1k rows, 1 run, no warm-up")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument(
        "--no-hyperfine", action="store_true", help="time with the loop here even if hyperfine"
    )
    parser.add_argument(
        "--memory-cap-mib",
        type=int,
        help="stop a run past this peak RSS (default: 75%% of the memory available)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if a goal is missed")
    args = parser.parse_args(argv)
    warmup = 1
    if args.quick:
        args.rows_large, args.rows_medium, args.runs = 50_000, 10_000, 3
    if args.smoke:
        args.rows_large, args.rows_medium, args.runs, warmup = 2_000, 1_000, 1, 0

    panelcli = find_panelcli(args.panelcli)
    python = interpreter_of(panelcli)
    frictionless = find_frictionless(args.frictionless)
    if frictionless and not (Path(frictionless).exists() or shutil.which(frictionless)):
        print(f"run.py: {frictionless} not found; frictionless lines skipped", file=sys.stderr)
        frictionless = None
    hyperfine = None if args.no_hyperfine else shutil.which("hyperfine")
    cap = args.memory_cap_mib * MIB if args.memory_cap_mib else default_cap()

    with tempfile.TemporaryDirectory(prefix="panelcli-bench-") as scratch_name:
        scratch = Path(scratch_name)
        # Measure with bytecode cached, as after `pip install`: a PYTHONDONTWRITEBYTECODE in the
        # environment (or an editable install never run before) would make every run compile
        # every module again. The cache goes to the scratch folder, never into the source tree.
        bytecode = "cached in a scratch PYTHONPYCACHEPREFIX (filled by the warm-up runs)"
        if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
            bytecode += "; PYTHONDONTWRITEBYTECODE was unset for the children"
        if "PYTHONPYCACHEPREFIX" in os.environ:
            bytecode = f"PYTHONPYCACHEPREFIX={os.environ['PYTHONPYCACHEPREFIX']} (given)"
        else:
            os.environ["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
        print("\n".join(machine(python, panelcli)))
        print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(
            f"timing: {'hyperfine' if hyperfine else 'perf_counter loop'}, median of "
            f"{args.runs} run(s) after {warmup} warm-up; bytecode {bytecode}; "
            f"memory cap {mib(cap) if cap else 'none'}"
        )
        print(flush=True)
        data_dir = args.data_dir or scratch
        data_dir.mkdir(parents=True, exist_ok=True)
        timer = Timer(args.runs, warmup, hyperfine, scratch)
        lines: list[Line] = []
        notes: list[str] = []
        big, big_info = data_file(data_dir, args.rows_large, args.seed)
        medium, medium_info = data_file(data_dir, args.rows_medium, args.seed)
        n_big, n_med = rows_label(args.rows_large), rows_label(args.rows_medium)
        pc = [str(panelcli)]

        def step(text: str) -> None:
            print(f"  … {text}", file=sys.stderr, flush=True)

        # 1. Start-up, against `python -c pass` on panelcli's own interpreter, run in turns.
        step("start-up")
        for label, command, goal in [
            ("`panelcli --version`", [*pc, "--version"], 6),
            ("`check` 13-marker panel, table", [*pc, "check", SAMPLE], 14),
            ("`check` 13-marker panel, --format json", [*pc, "check", SAMPLE, "-f", "json"], 12),
        ]:
            floor_start, took = timer.in_turns(
                [([python, "-c", "pass"], {0}), (command, PANELCLI_EXITS)]
            )
            ratio = took / floor_start
            lines.append(
                Line(
                    label,
                    seconds(took),
                    f"{seconds(floor_start)} (python -c pass)",
                    f"{ratio:.1f}×",
                    f"≤ {goal}×",
                    ratio <= goal,
                )
            )

        # What the libraries alone take to import, for the two `check` lines above to be read
        # against: panelcli cannot start faster than the packages it is built on.
        for label, modules in [
            ("imports alone: typer + pydantic (what json needs)", LIBRARIES_JSON),
            ("imports alone: typer + pydantic + rich table", LIBRARIES_TABLE),
        ]:
            floor_start, took = timer.in_turns(
                [([python, "-c", "pass"], {0}), ([python, "-c", import_script(modules)], {0})]
            )
            lines.append(
                Line(
                    label,
                    seconds(took),
                    f"{seconds(floor_start)} (python -c pass)",
                    f"{took / floor_start:.1f}×",
                    "report",
                )
            )

        def frictionless_validate(path: Path) -> list[str]:
            assert frictionless is not None
            return [
                frictionless,
                "validate",
                "--trusted",  # without it an absolute path is refused in 0.05 s
                "--schema",
                str(SCHEMA),
                "--limit-errors",
                "0",  # no limit: the default stops at 1,000 errors, before the end
                "--json",
                str(path),
            ]

        # 2. Throughput on the large file, in turns with the floor script (and frictionless).
        ndjson_big = [*pc, "check", big, "--format", "ndjson"]
        in_turns = [(ndjson_big, PANELCLI_EXITS), ([python, HERE / "floor.py", big], {0})]
        if frictionless:
            notes.append(check_frictionless(frictionless_validate(big), big_info))
            in_turns.append((frictionless_validate(big), {0, 1}))
        step(f"{n_big} rows: ndjson, floor.py{', frictionless' if frictionless else ''}")
        took_big, took_floor, *took_fl_big = timer.in_turns(in_turns)
        rate = args.rows_large / took_big
        lines.append(
            Line(
                f"`check` {n_big} rows --format ndjson: rows/s",
                f"{rate / 1000:.0f}k rows/s ({seconds(took_big)})",
                goal="≥ 350k rows/s",
                ok=rate >= 350_000,
            )
        )
        ratio = took_big / took_floor
        lines.append(
            Line(
                f"`check` {n_big} rows --format ndjson vs floor",
                seconds(took_big),
                f"{seconds(took_floor)} (floor.py)",
                f"{ratio:.1f}×",
                "≤ 3.4×",
                ratio <= 3.4,
            )
        )

        # 3. Against frictionless validate, start-up included, run in turns.
        took_fl_med: list[float] = []
        took_med = 0.0
        if frictionless:
            notes.append(check_frictionless(frictionless_validate(medium), medium_info))
            step(f"{n_med} rows: ndjson, frictionless")
            ndjson_med = [*pc, "check", medium, "--format", "ndjson"]
            took_med, *took_fl_med = timer.in_turns(
                [(ndjson_med, PANELCLI_EXITS), (frictionless_validate(medium), {0, 1})]
            )
        for rows, took_pc, took_fl, goal, label in [
            (args.rows_medium, took_med, took_fl_med, 4, ""),
            (args.rows_large, took_big, took_fl_big, 15, " (issue text)"),
        ]:
            target = f"vs `frictionless validate`, {rows_label(rows)} rows"
            if not took_fl:
                lines.append(Line(target, "skipped (frictionless not installed)"))
                continue
            faster = took_fl[0] / took_pc
            lines.append(
                Line(
                    target,
                    f"panelcli {seconds(took_pc)}",
                    f"{seconds(took_fl[0])} (frictionless)",
                    f"{faster:.1f}× faster",
                    f"≥ {goal}× faster{label}",
                    faster >= goal,
                )
            )

        # 3b. A European Excel export of the same rows (';', decimal commas, the lab's range in
        # each row), in turns with the plain file: real exports must not fall off the fast path.
        excel, excel_info = data_file(data_dir, args.rows_medium, args.seed, excel=True)
        step(f"{n_med} rows: Excel-style export and the plain file, ndjson")
        ndjson_excel = [*pc, "check", excel, "--format", "ndjson"]
        ndjson_plain = [*pc, "check", medium, "--format", "ndjson"]
        took_excel, took_plain = timer.in_turns(
            [(ndjson_excel, PANELCLI_EXITS), (ndjson_plain, PANELCLI_EXITS)]
        )
        got = measure(python, ndjson_excel, cap, scratch, keep_tail=True)
        notes.append(check_ndjson_totals(f"ndjson {n_med} Excel-style", got, excel_info))
        lines.append(
            Line(
                f"`check` {n_med} rows, Excel-style export (`;`, decimal commas, lab's range)",
                seconds(took_excel),
                f"{seconds(took_plain)} (the plain file)",
                f"{took_excel / took_plain:.2f}×",
                "report",
            )
        )

        # 4. Peak RSS, one fresh child per measurement.
        step("peak RSS, python -c pass (the floor of this measurement)")
        rss_floor = measure(python, [python, "-c", "pass"], cap, scratch)
        rss: dict[tuple[str, str], Measured] = {}
        for fmt in ("ndjson", "csv", "json"):
            for size, path, info in [(n_med, medium, medium_info), (n_big, big, big_info)]:
                step(f"peak RSS, {fmt}, {size} rows")
                command = [*pc, "check", path, "--format", fmt]
                got = measure(python, command, cap, scratch, keep_tail=True)
                if not got.stopped and got.exit_code not in PANELCLI_EXITS:
                    raise SystemExit(
                        f"run.py: panelcli --format {fmt} on {path.name} exited "
                        f"{got.exit_code}: {got.stderr}"
                    )
                if fmt == "ndjson":
                    notes.append(check_ndjson_totals(f"ndjson {size}", got, info))
                rss[fmt, size] = got

        def rss_text(got: Measured) -> str:
            return (
                f"> {mib(got.peak_rss)} (stopped at the cap)" if got.stopped else mib(got.peak_rss)
            )

        nd_med, nd_big = rss["ndjson", n_med], rss["ndjson", n_big]
        lines.append(
            Line(
                f"peak RSS, --format ndjson, {n_med} rows",
                rss_text(nd_med),
                f"{mib(rss_floor.peak_rss)} (python -c pass)",
                goal="≤ 50 MiB",
                ok=not nd_med.stopped and nd_med.peak_rss <= 50 * MIB,
            )
        )
        growth = nd_big.peak_rss / nd_med.peak_rss
        lines.append(
            Line(
                f"peak RSS, --format ndjson, {n_big} rows",
                rss_text(nd_big),
                f"{mib(nd_med.peak_rss)} ({n_med})",
                f"{growth:.2f}×",
                "≤ 50 MiB and ≤ 1.10×",
                not nd_big.stopped and nd_big.peak_rss <= 50 * MIB and growth <= 1.10,
            )
        )
        for fmt, goal in [("csv", "report (README: flat)"), ("json", "report")]:
            small, large = rss[fmt, n_med], rss[fmt, n_big]
            lines.append(
                Line(
                    f"peak RSS, --format {fmt}, {n_big} vs {n_med} rows",
                    rss_text(large),
                    f"{rss_text(small)} ({n_med})",
                    f"{large.peak_rss / small.peak_rss:.2f}×",
                    goal,
                )
            )

        step("import time")
        breakdown = import_breakdown(python, min(3, args.runs))
        load_end = " ".join(f"{x:.2f}" for x in os.getloadavg())

    judged = not (args.quick or args.smoke)
    print(render(lines, args.markdown, judged))
    print()
    print(f"load average at end: {load_end}")
    print("Checked: the measured commands did all the work")
    for note in notes:
        print(f"  {note}")
    print()
    print("\n".join(breakdown))
    print()
    if not judged:
        print(
            "Goals not judged: they are for the full run (1M and 100k rows, 5 runs); this run "
            "checks that every command works and does all the work."
        )
        return 0
    missed = [line.target for line in lines if line.ok is False]
    print(f"{len(missed)} {'goal' if len(missed) == 1 else 'goals'} missed" + (
        ": " + "; ".join(missed) if missed else ""
    ))  # fmt: skip
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
