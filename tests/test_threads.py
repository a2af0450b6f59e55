"""What is safe to share across threads (issue 21): the catalog, render, and PDF.

docs/webapp.md promises these: a web server shares one catalog between its
request threads, renders handouts in any of them, and prints PDFs in a
thread pool. Each test runs the work at once in several threads, started
together on a barrier, and compares with the same work done alone.
"""

import threading

import pytest

import upperback

THREADS = 8


def _at_once(work, count=THREADS):
    """Run work(index) in *count* threads started together; return results, raise any error."""
    barrier = threading.Barrier(count)
    results = [None] * count
    errors = []

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def test_one_catalog_serves_many_threads_for_every_text_format():
    catalog = upperback.load_catalog()
    spanish = catalog.localized("es")
    programs = [
        upperback.build_program(equipment=eq, catalog=catalog)
        for eq in (["wall"], ["wall", "chair"], None, ["doorway", "wall-corner"])
    ]
    formats = ("text", "markdown", "html")
    alone = {
        (i, fmt, lang): upperback.render(p, fmt, catalog=catalog, locale=lang)
        for i, p in enumerate(programs)
        for fmt in formats
        for lang in ("en", "es")
    }

    def work(index):
        out = {}
        for i, p in enumerate(programs):
            for fmt in formats:
                lang = "es" if (index + i) % 2 else "en"
                out[i, fmt, lang] = upperback.render(p, fmt, catalog=catalog, locale=lang)
        # Queries and localizing share the catalog's lazily built indexes too.
        out["filter"] = catalog.filter(equipment=["wall"])
        out["search"] = catalog.search("wall angle")
        out["es"] = catalog.localized("es") is spanish
        return out

    for result in _at_once(work):
        assert result.pop("es") is True
        assert result.pop("filter") == catalog.filter(equipment=["wall"])
        assert result.pop("search") == catalog.search("wall angle")
        for key, text in result.items():
            assert text == alone[key], key


def test_programs_built_at_once_are_the_programs_built_alone():
    catalog = upperback.load_catalog()
    requests = [{"minutes_per_session": m, "weeks": w} for m in (5, 10, 15) for w in (1, 4)]
    alone = [upperback.build_program(catalog=catalog, **r) for r in requests]
    results = _at_once(
        lambda _: [upperback.build_program(catalog=catalog, **r) for r in requests], count=4
    )
    assert all(result == alone for result in results)


def test_pdfs_printed_in_threads_are_the_pdfs_printed_alone():
    pytest.importorskip("weasyprint")
    catalog = upperback.load_catalog()
    program = upperback.build_program(equipment=["wall"], weeks=1, catalog=catalog)
    alone = upperback.render(program, "pdf", catalog=catalog)
    results = _at_once(lambda _: upperback.render(program, "pdf", catalog=catalog), count=3)
    assert results == [alone] * 3
