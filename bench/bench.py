"""Measure what users wait for: import, first load, queries, building a program.

Run: ``python bench/bench.py`` (with upperback installed). Prints the best of
several runs for each, in milliseconds. A benchmark, not a test: numbers
depend on the machine, so nothing here passes or fails.
"""

from __future__ import annotations

import subprocess
import sys
import timeit


def best_ms(stmt: str, setup: str = "import upperback", number: int = 100) -> float:
    runs = timeit.repeat(stmt, setup=setup, number=number, repeat=5)
    return min(runs) / number * 1000


def fresh_process_ms(setup: str, stmt: str) -> float:
    """Best of five fresh interpreters: *stmt* timed after *setup*."""
    code = f"import time; {setup}; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"
    command = [sys.executable, "-c", code]
    runs = [
        float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        for _ in range(5)
    ]
    return min(runs) * 1000


def main() -> None:
    loaded = "import upperback; c = upperback.load_catalog()"
    rows = [
        ("import upperback (fresh process)", fresh_process_ms("pass", "import upperback")),
        (
            "first load_catalog() (fresh process)",
            fresh_process_ms("import upperback", "upperback.load_catalog()"),
        ),
        ("cached load_catalog()", best_ms("upperback.load_catalog()", number=10000)),
        ("catalog['band-row']", best_ms("c['band-row']", loaded, number=10000)),
        (
            "filter(equipment=..., avoid_positions=...)",
            best_ms(
                "c.filter(equipment=['wall', 'chair'], avoid_positions=['sitting'])", loaded, 1000
            ),
        ),
        ("search('wall angels')", best_ms("c.search('wall angels')", loaded, 200)),
        ("build_program() defaults", best_ms("upperback.build_program()", loaded, 200)),
        (
            "dumps(build_program())",
            best_ms("upperback.dumps(p)", loaded + "; p = upperback.build_program()", 200),
        ),
    ]
    width = max(len(name) for name, _ in rows)
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:9.3f} ms")


if __name__ == "__main__":
    main()
