"""Measure upperback at clinic scale, side by side with its baselines, in one run.

Run from the repository root, with the ``bench`` dependency group installed::

    pip install -e . --group bench
    python benchmarks/run.py            # sizes 1,000, 5,000 and 20,000, both generators
    python benchmarks/run.py --quick    # 1,000 exercises, fewer repeats: a quick look
    python benchmarks/run.py --generator realistic --sizes 20000

It writes the catalogs if they are missing, from two generators:
``benchmarks/generate.py`` (tidy names from four word lists) and
``benchmarks/realistic.py`` (realistic names: skewed word frequencies,
shared prefixes, variants, typos, abbreviations). It then prints, for each
generator and size, the median of several runs of every operation, the
ratio to its baseline measured in the same run, and the target. Start-up
is measured with whole processes, in pairs (ours, then the baseline,
again and again), so that a busy machine slows both alike. A benchmark,
not a test: numbers depend on the machine, which is printed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate
import realistic

import upperback
from upperback import Catalog

#: Queries timed for search: exact names, aliases, typos, word order, no match.
SEARCH_QUERIES = [
    "wall slide",
    "Pectoralis stretch",
    "bird dog",
    "pectorlis strech",
    "scapuler sqeeze",
    "slide wall arm",
    "row seated band",
    "Seated band row",
    "thorasic extention",
    "xyzzy",
    "the best exercise for my upper back pain when sitting at a desk",
    # names as realistic catalogs have them, typed with slips
    "dumbell row",
    "bent over barbell row wide grip",
    "cable face pull",
    "lat pulldown",
]

#: The catalog generators, by the name given to ``--generator``.
GENERATORS = {"synthetic": generate, "realistic": realistic}


#: The clock: wall time by default; ``--clock cpu`` counts this process's
#: CPU time (and its children's, for start-up) instead, which a machine
#: shared with other work disturbs far less.
CLOCK: Callable[[], float] = time.perf_counter


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


#: The clock of whole processes, to match CLOCK.
CHILD_CLOCK: Callable[[], float] = time.perf_counter


def median_s(func: Callable[[], object], repeat: int, number: int = 1) -> float:
    """The median, over *repeat* runs, of the time of one call of *func*."""
    times = []
    for _ in range(repeat):
        start = CLOCK()
        for _ in range(number):
            func()
        times.append((CLOCK() - start) / number)
    return statistics.median(times)


def _once(func: Callable[[], object]) -> float:
    """The time of one call of *func*."""
    start = CLOCK()
    func()
    return CLOCK() - start


def peak_mib(func: Callable[[], object]) -> float:
    """Peak memory allocated while *func* runs, in MiB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def paired_processes(ours: str, baseline: str, pairs: int) -> tuple[float, float]:
    """Median wall time of fresh processes running *ours* and *baseline*, run in pairs."""
    # One untimed run of each first, allowed to write bytecode, so that both
    # sides start from compiled modules, as an installed package does (pip
    # compiles at install); a work tree's stale .pyc files would otherwise
    # make every timed process compile our modules again.
    for code in (ours, baseline):
        subprocess.run([sys.executable, "-c", code], check=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    mine, theirs = [], []
    for _ in range(pairs):
        for code, times in ((ours, mine), (baseline, theirs)):
            start = CHILD_CLOCK()
            subprocess.run([sys.executable, "-c", code], check=True, env=env)
            times.append(CHILD_CLOCK() - start)
    return statistics.median(mine), statistics.median(theirs)


def machine() -> str:
    """Describe the machine: CPU, cores, Python, load."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}; {os.cpu_count()} cores; {platform.python_implementation()} "
        f"{platform.python_version()}; {platform.system()} {platform.release()}; "
        f"load average {load}"
    )


class Report:
    """Rows of results, printed as a Markdown table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, *cells: str) -> None:
        """Add a row and print it at once, so a long run shows progress."""
        self.rows.append(cells)
        print("| " + " | ".join(cells) + " |", flush=True)


def ms(seconds: float) -> str:
    """Seconds as milliseconds, to three significant figures."""
    return f"{seconds * 1000:.3g} ms"


def verdict(ok: bool) -> str:  # noqa: FBT001 - a flag is what it shows
    """Met or not met."""
    return "met" if ok else "NOT met"


def bench_size(
    generator: str, size: int, repeat: int, report: Report, growth: dict[str, list[float]]
) -> None:
    """Measure every operation on the catalog of *size* exercises made by *generator*."""
    from pydantic_baseline import ADAPTER  # noqa: PLC0415 - pydantic only when measuring

    raw = GENERATORS[generator].write(size).read_bytes()
    label = f"{size:,} {generator}"
    load_s = median_s(lambda: upperback.loads(raw, Catalog), repeat)
    json_s = median_s(lambda: json.loads(raw), repeat)
    pyd_s = median_s(lambda: ADAPTER.validate_json(raw), repeat)
    growth["load + validate"].append(load_s)
    target = size == max(generate.SIZES)
    report.add(
        label,
        "load + validate",
        ms(load_s),
        f"{load_s / pyd_s:.2f}x pydantic ({ms(pyd_s)}); {load_s / json_s:.2f}x json.loads "
        f"({ms(json_s)})",
        "<= 0.6x pydantic, <= 3x json.loads",
        verdict(load_s <= 0.6 * pyd_s and load_s <= 3 * json_s) if target else "",
    )
    peak_ours = peak_mib(lambda: upperback.loads(raw, Catalog))
    peak_json = peak_mib(lambda: json.loads(raw))
    peak_pyd = peak_mib(lambda: ADAPTER.validate_json(raw))
    report.add(
        label,
        "peak memory of load",
        f"{peak_ours:.1f} MiB",
        f"json.loads {peak_json:.1f} MiB; pydantic {peak_pyd:.1f} MiB; file "
        f"{len(raw) / 2**20:.1f} MiB",
        "reported",
        "",
    )

    # Indexes are built once per catalog, on first use: timed here apart,
    # on a catalog of its own, then left out of the per-call times below.
    fresh = upperback.loads(raw, Catalog)
    first_search = _once(lambda: fresh.search("wall slide"))
    first_filter = _once(lambda: fresh.filter(category=upperback.Category.STRETCH))
    first_build = _once(lambda: upperback.build_program(catalog=fresh))
    report.add(
        label,
        "first use (indexes built once per catalog)",
        f"search {ms(first_search)}; filter {ms(first_filter)}; build_program {ms(first_build)}",
        "",
        "reported",
        "",
    )

    catalog = upperback.loads(raw, Catalog)
    catalog.search("warm up the index")  # an index built once is not a query's cost
    catalog.filter()  # nor are the bit sets filter and the builder share
    per_query = [median_s(lambda q=q: catalog.search(q), repeat) for q in SEARCH_QUERIES]
    worst = max(per_query)
    growth["search (slowest query)"].append(worst)
    report.add(
        label,
        "search, per query",
        f"median {ms(statistics.median(per_query))}, slowest {ms(worst)}",
        f"{len(SEARCH_QUERIES)} queries",
        "< 50 ms",
        verdict(worst < 0.05) if target else "",
    )

    build_s = median_s(lambda: upperback.build_program(catalog=catalog), repeat)
    growth["build_program"].append(build_s)
    report.add(
        label,
        "build_program (defaults)",
        ms(build_s),
        "",
        "< 50 ms",
        verdict(build_s < 0.05) if target else "",
    )

    have = frozenset(upperback.DEFAULT_EQUIPMENT)
    avoid = frozenset({upperback.Position.SITTING})
    category = upperback.Category.STRENGTHENING

    def scan() -> list[upperback.Exercise]:
        return [
            e
            for e in catalog
            if e.category is category
            and not set(e.positions) <= avoid
            and all(not have.isdisjoint(r.any_of) for r in e.equipment)
        ]

    def query() -> tuple[upperback.Exercise, ...]:
        return catalog.filter(category=category, equipment=have, avoid_positions=avoid)

    if list(query()) != scan():
        raise SystemExit("filter and the scan disagree")
    filter_s = median_s(query, repeat, number=20)
    scan_s = median_s(scan, repeat, number=5)
    growth["filter"].append(filter_s)
    report.add(
        label,
        "filter (category, equipment, avoid)",
        ms(filter_s),
        f"{scan_s / filter_s:.1f}x faster than a list comprehension ({ms(scan_s)})",
        ">= 10x faster",
        verdict(scan_s / filter_s >= 10) if target else "",
    )

    ids = catalog.ids
    first, last = ids[0], ids[-1]
    get_s = median_s(lambda: (catalog[first], catalog[last]), repeat, number=10_000) / 2
    growth["catalog[id]"].append(get_s)
    report.add(label, "catalog[id]", f"{get_s * 1e9:.0f} ns", "", "constant", "")


def bench_startup(pairs: int, report: Report) -> None:
    """Whole processes, in pairs: ours against the baseline."""
    ours, attrs_only = paired_processes("import upperback", "import attrs", pairs)
    report.add(
        "-",
        "start-up: import upperback",
        ms(ours),
        f"{ours / attrs_only:.2f}x `import attrs` ({ms(attrs_only)})",
        "<= 1.0x",
        verdict(ours <= attrs_only),
    )
    first_program = (
        "import upperback; c = upperback.load_catalog(); "
        "p = upperback.build_program(catalog=c); upperback.render(p, 'text', catalog=c)"
    )
    ours, base = paired_processes(first_program, "import attrs, cattrs", pairs)
    report.add(
        "-",
        "start-up: import, load, build, render text",
        ms(ours),
        f"{ours / base:.2f}x `import attrs, cattrs` ({ms(base)})",
        "<= 1.3x",
        verdict(ours <= 1.3 * base),
    )


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print the results as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(generate.SIZES))
    parser.add_argument(
        "--generator",
        choices=[*GENERATORS, "both"],
        default="both",
        help="which catalogs to measure (default both)",
    )
    parser.add_argument("--no-startup", action="store_true", help="leave out start-up")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall time (default), or CPU time, steadier on a busy machine",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--pairs", type=int, default=20, help="process pairs (default 20)")
    parser.add_argument(
        "--quick", action="store_true", help="1,000 exercises only, 3 runs, 6 pairs"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeat, args.pairs = [1_000], 3, 6
    if args.clock == "cpu":
        global CLOCK, CHILD_CLOCK  # chosen once, before measuring
        CLOCK, CHILD_CLOCK = time.process_time, _children_cpu
    print(f"upperback {upperback.__version__}; {machine()}")
    print(
        f"medians of {args.repeat} runs; start-up: medians of {args.pairs} process pairs; "
        f"{args.clock} time\n"
    )
    print("| size | operation | time | against the baseline | target | at 20,000 |")
    print("|---|---|---|---|---|---|")
    report = Report()
    generators = list(GENERATORS) if args.generator == "both" else [args.generator]
    growths = {}
    for generator in generators:
        growth: dict[str, list[float]] = {
            "load + validate": [],
            "search (slowest query)": [],
            "build_program": [],
            "filter": [],
            "catalog[id]": [],
        }
        for size in args.sizes:
            bench_size(generator, size, args.repeat, report, growth)
        growths[generator] = growth
    if not args.no_startup:
        bench_startup(args.pairs, report)
    if len(args.sizes) > 1:
        small, big = args.sizes[0], args.sizes[-1]
        print(f"\nGrowth from {small:,} to {big:,} exercises ({big / small:.0f}x the exercises):\n")
        print("| operation | " + " | ".join(generators) + " |")
        print("|---|" + "---|" * len(generators))
        for name in growths[generators[0]]:
            ratios = [growths[g][name][-1] / growths[g][name][0] for g in generators]
            print(f"| {name} | " + " | ".join(f"{r:.1f}x" for r in ratios) + " |")


if __name__ == "__main__":
    main()
