"""Start-up times of the commands an operator types, on the embedded default (SQLite), from a cold process.

    python bench/startup.py --runs 5

Measures, each as a fresh process with a clean environment in a scratch home (nothing of this checkout's
own var/ is touched):
- `waarborg --help`                         (budget 1 s)
- `waarborg policy check examples/*.yaml`   (budget 1 s)
- `waarborg staff add USER --role assessor --token`, on an existing home (budget 2 s)
- `waarborg serve`: from starting the process until /health/ready answers 200, the first start (which
  creates the home, its keys and the database) and a later start (budget 5 s)
with the CPU seconds each used (the median; what the command costs on an idle machine, whatever the load
of a shared one), and which heavy modules the process imported that it does not need (psycopg and
django.contrib.postgres on SQLite). Prints the best and the median of the runs; the budgets are for
docs/benchmarks.md, not a test (times on a shared machine move with its load).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
SERVED = str(ROOT / "examples" / "ikzorginassen.yaml")  # the policy `make run` serves; it has the assessor role
BUDGETS = {"waarborg --help": 1.0, "waarborg policy check (5 files)": 1.0, "waarborg staff add --token": 2.0,
           "waarborg serve, first start (migrates)": None, "waarborg serve, later start": 5.0}
HEAVY = ("psycopg", "django.contrib.postgres")


def env(home: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("WAARBORG_", "DATABASE_URL", "DJANGO_"))}
    return base | {"PYTHONPATH": str(ROOT / "src"), "WAARBORG_HOME": str(home), "WAARBORG_CONFIG": "",
                   "WAARBORG_ENV": "development", "PYTHONWARNINGS": "ignore"}


def _cpu() -> float:
    """CPU seconds used by finished child processes: what a command costs, whatever the machine's load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], home: Path, cwd: Path) -> tuple[float, float]:
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "waarborg", *args], env=env(home), cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, _cpu() - cpu


def serve(home: Path, cwd: Path) -> tuple[float, float]:
    """Seconds from starting `waarborg serve` until /health/ready answers 200 (and the CPU seconds of the
    process, counted when it has stopped: start-up and one probe, little else); then stop it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started, cpu = time.perf_counter(), _cpu()
    proc = subprocess.Popen([sys.executable, "-m", "waarborg", "serve", "--port", str(port), "--policy", SERVED],
                            env=env(home), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    answered = None
    try:
        while answered is None:
            if proc.poll() is not None:
                raise SystemExit(f"waarborg serve stopped with exit status {proc.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2) as answer:
                    if answer.status == 200:
                        answered = time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.perf_counter() - started > 120:
                raise SystemExit("waarborg serve did not answer within 120 s")
            time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return answered, _cpu() - cpu


def heavy_imports(args: list[str], home: Path, cwd: Path) -> list[str]:
    probe = ("import runpy, sys\nsys.argv = ['waarborg', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('waarborg', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             f"print('loaded:' + ','.join(sorted({{m for m in sys.modules if m.startswith({HEAVY!r}) and sys.modules[m]}})))")
    out = subprocess.run([sys.executable, "-c", probe, *args], env=env(home), cwd=cwd, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    line = next((line for line in reversed(out) if line.startswith("loaded:")), "loaded:")
    return [name for name in line.removeprefix("loaded:").split(",") if name]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="waarborg-startup-"))
    elsewhere = scratch / "elsewhere"  # commands run from a directory that is not the checkout
    elsewhere.mkdir()
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in BUDGETS}
    try:
        for run in range(args.runs):
            home = scratch / f"home-{run}"
            results["waarborg serve, first start (migrates)"].append(serve(home, elsewhere))
            results["waarborg serve, later start"].append(serve(home, elsewhere))
            results["waarborg --help"].append(timed(["--help"], home, elsewhere))
            results["waarborg policy check (5 files)"].append(timed(["policy", "check", *EXAMPLES], home, elsewhere))
            results["waarborg staff add --token"].append(
                timed(["staff", "add", f"bench{run}", "--role", "assessor", "--token"], home, elsewhere))
        loaded = heavy_imports(["staff", "add", "probe", "--role", "assessor", "--token"], scratch / "home-0", elsewhere)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    load = os.getloadavg()[0]
    print(f"start-up on the embedded default (SQLite), {args.runs} run(s), load average {load:.1f}, "
          f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"  {'command':<42} {'best':>7} {'median':>7} {'CPU':>7}  budget (on the best)")
    for name, runs in results.items():
        times, cpu = [wall for wall, _ in runs], [used for _, used in runs]
        budget = BUDGETS[name]
        verdict = "-" if budget is None else (f"{budget:.0f} s " + ("ok" if min(times) <= budget else "OVER"))
        print(f"  {name:<42} {min(times):>6.2f}s {statistics.median(times):>6.2f}s {statistics.median(cpu):>6.2f}s  "
              f"{verdict}")
    print(f"  heavy modules loaded by `staff add` on SQLite: {', '.join(loaded) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
