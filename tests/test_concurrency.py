"""Many threads at once (issue 7, robustness suite: concurrency).

32 threads start together on a barrier. In a fresh process they make the
first, lazy load of the bundled catalog, build the default program and
render it as text: all must get the one catalog object and the same text.
"""

import hashlib
import json
import subprocess
import sys
import threading
from pathlib import Path

import upperback

THREADS = 32

# Run in a child process, so the load the threads race on really is the
# first: the bundled catalog is cached once per process. It prints one JSON
# line for the parent to check.
CHILD = """
import hashlib, json, sys, threading
import upperback
from upperback import catalog as catalog_module

assert catalog_module._bundled is None, "the catalog was loaded before the threads started"
threads = int(sys.argv[1])
barrier = threading.Barrier(threads)
results = [None] * threads
errors = []

def work(index):
    try:
        barrier.wait()
        catalog = upperback.load_catalog()
        program = upperback.build_program()
        text = upperback.render(program, "text")
        results[index] = (id(catalog), hashlib.sha256(text.encode()).hexdigest(), len(text))
    except BaseException as exc:
        errors.append(repr(exc))

workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
print(json.dumps({
    "errors": errors,
    "catalog_ids": sorted({r[0] for r in results if r}),
    "bundled_id": id(upperback.load_catalog()),
    "outputs": sorted({(r[1], r[2]) for r in results if r}),
    "done": sum(1 for r in results if r),
}))
"""


def test_first_load_build_and_render_from_32_threads_at_once():
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(THREADS)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).parent,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == []
    assert report["done"] == THREADS
    # One catalog object for every thread: the one the cache keeps.
    assert report["catalog_ids"] == [report["bundled_id"]]
    # The same text for every thread, and the text a single thread makes.
    assert len(report["outputs"]) == 1
    text = upperback.render(upperback.build_program(), "text")
    assert isinstance(text, str)
    digest, length = report["outputs"][0]
    assert length == len(text)
    assert digest == hashlib.sha256(text.encode()).hexdigest()


def test_32_threads_build_and_render_the_same_text_in_process():
    expected = upperback.render(upperback.build_program(), "text")
    barrier = threading.Barrier(THREADS)
    catalogs: list[object] = []
    outputs: list[str | bytes] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            catalogs.append(upperback.load_catalog())
            outputs.append(upperback.render(upperback.build_program(), "text"))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    workers = [threading.Thread(target=work) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert len(outputs) == THREADS
    assert all(catalog is upperback.load_catalog() for catalog in catalogs)
    assert set(outputs) == {expected}
