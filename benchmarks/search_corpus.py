"""The recorded search corpus: queries, and the results the original scoring gave.

``python benchmarks/search_corpus.py`` records what :meth:`Catalog.search`
returns for every query below, on the bundled catalog and on the synthetic
catalog of 1,000 exercises, into ``tests/fixtures/search_corpus.json``.
It was run once, before search was made fast; ``tests/test_search_index.py``
checks that the fast search still gives exactly those results. Do not
re-record it to make a test pass. Once, on purpose: when search began to
drop accents ("omóplatos" is "omoplatos"), the five cases of the query
"Ärm slïde" were re-recorded from the original scoring with that change
(the test's ``_oracle``), not from the fast search.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate

import upperback

FIXTURE = Path(__file__).parent.parent / "tests" / "fixtures" / "search_corpus.json"

#: (kind, query): kinds say what each query probes.
QUERIES = [
    ("exact", "Arm slide on wall"),
    ("exact", "Rowing exercise"),
    ("exact", "Pectoralis stretch"),
    ("exact", "Quadruped arm and leg raise"),
    ("exact", "scapular squeeze"),
    ("exact", "THORACIC EXTENSION"),
    ("exact", "band-row"),
    ("exact", "Seated band row"),
    ("exact", "Thoracic rotation"),
    ("exact", "Wall shoulder stretch with pause"),
    ("alias", "wall angel"),
    ("alias", "wall slide"),
    ("alias", "bird dog"),
    ("alias", "pec stretch"),
    ("alias", "doorway stretch"),
    ("alias", "prone T raise"),
    ("alias", "seated back arch"),
    ("alias", "shoulder blade squeeze"),
    ("alias", "long-sitting back stretch"),
    ("typo", "wal slide"),
    ("typo", "pectorlis strech"),
    ("typo", "scapuler sqeeze"),
    ("typo", "thorasic extention"),
    ("typo", "quadraped arm leg rase"),
    ("typo", "brid dog"),
    ("typo", "rowwing"),
    ("typo", "midtrap"),
    ("typo", "sholder rotatoin"),
    ("typo", "chst opner"),
    ("order", "slide wall arm"),
    ("order", "row band"),
    ("order", "stretch pectoralis"),
    ("order", "squeeze scapular"),
    ("order", "raise leg and arm quadruped"),
    ("order", "row seated band"),
    ("order", "stretch chest doorway"),
    ("partial", "wall"),
    ("partial", "stretch"),
    ("partial", "row"),
    ("partial", "upper back"),
    ("partial", "shoulder"),
    ("partial", "band"),
    ("partial", "a"),
    ("partial", "t"),
    ("partial", "arm"),
    ("punctuation", "  Arm-slide, on WALL!! "),
    ("punctuation", "mid_trap raise"),
    ("punctuation", "Ärm slïde"),
    ("digits", "row 2"),
    ("digits", "12345"),
    ("none", "xyzzy"),
    ("none", "pizza delivery"),
    ("none", "qqqq wwww zzzz"),
    ("none", ""),
    ("none", "   "),
    ("none", "!!!"),
    ("long", "seated band row with pause to wall on toes at angle"),
    ("long", "the best exercise for my upper back pain when sitting at a desk"),
]

#: (limit, cutoff) pairs each query is run with.
SETTINGS = [(5, 0.6), (20, 0.3), (1, 0.9), (50, 0.0)]


def record() -> dict[str, object]:
    """Return the corpus with the results of the search as it is now."""
    catalogs = {
        "bundled": upperback.load_catalog(),
        "synthetic-1000": upperback.load_catalog(generate.write(1000)),
    }
    cases = []
    for name, catalog in catalogs.items():
        for kind, query in QUERIES:
            for limit, cutoff in SETTINGS:
                if name != "bundled" and cutoff == 0.0:
                    continue  # every exercise scores >= 0: 50 of 1,000 by catalog order
                results = catalog.search(query, limit=limit, cutoff=cutoff)
                cases.append(
                    {
                        "catalog": name,
                        "kind": kind,
                        "query": query,
                        "limit": limit,
                        "cutoff": cutoff,
                        "results": [[r.exercise.id, r.score, r.matched] for r in results],
                    }
                )
    fingerprints = {name: fingerprint(catalog) for name, catalog in catalogs.items()}
    return {"fingerprints": fingerprints, "cases": cases}


def fingerprint(catalog: upperback.Catalog) -> str:
    """A hash of the ids, names and aliases: what search results depend on."""
    labels = [[e.id, e.name, list(e.aliases)] for e in catalog]
    return hashlib.sha256(json.dumps(labels).encode()).hexdigest()


if __name__ == "__main__":
    FIXTURE.write_text(json.dumps(record(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(FIXTURE)
