"""Peak memory of a PDF handout: how much one more PDF costs a long-running process.

Run from the repository root with the ``pdf`` extra installed::

    python benchmarks/pdf_memory.py

Each measurement is a fresh process that imports upperback and WeasyPrint,
builds the default program and renders its HTML (so that imports, fonts
and caches are counted apart), then prints the rise of its peak resident
memory (``ru_maxrss``) over the first PDF, and over the next ones (one at a
time, then two threads at once). A measurement, not a test: the numbers
depend on the machine, the fonts installed and the WeasyPrint version,
which are printed. docs/webapp.md quotes its results.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys

CHILD = r"""
import json, resource, sys, threading, time
import upperback, weasyprint

def peak():
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20

catalog = upperback.load_catalog()
program = upperback.build_program(catalog=catalog)
upperback.render(program, "html", catalog=catalog)
start = peak()
began = time.perf_counter()
upperback.render(program, "pdf", catalog=catalog)
first_seconds = time.perf_counter() - began
first = peak()
for _ in range(3):
    upperback.render(program, "pdf", catalog=catalog)
serial = peak()
threads = [
    threading.Thread(target=upperback.render, args=(program, "pdf"), kwargs={"catalog": catalog})
    for _ in range(2)
]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
both = peak()
print(json.dumps({
    "weasyprint": weasyprint.__version__,
    "before_mib": round(start, 1),
    "first_pdf_mib": round(first - start, 1),
    "three_more_mib": round(serial - first, 1),
    "two_threads_mib": round(both - serial, 1),
    "first_pdf_seconds": round(first_seconds, 2),
}))
"""


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.platform()}")
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    print(f"WeasyPrint {runs[0]['weasyprint']}; three fresh processes:")
    for run in runs:
        print(
            f"  peak before the first PDF {run['before_mib']} MiB; first PDF "
            f"+{run['first_pdf_mib']} MiB ({run['first_pdf_seconds']} s); three more, one "
            f"at a time, +{run['three_more_mib']} MiB; two at once in threads "
            f"+{run['two_threads_mib']} MiB"
        )


if __name__ == "__main__":
    main()
