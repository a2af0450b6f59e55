"""The catalog: loading (bundled or from a file), validation and lookups.

The bundled catalog is read on the first call to :func:`load_catalog`, not
at import time, and the same object is returned after that. A catalog is
immutable: its collections are tuples and read-only mappings, so the
bundled one cannot be changed by anyone who holds it.
"""

from __future__ import annotations

import difflib
import os
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import overload

import attrs

from . import _convert
from ._validate import catalog_problems
from .exceptions import CatalogError, DataError, Problem, UnknownExerciseError
from .model import Exercise, Reference, Source, _text

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:  # pragma: no cover - depends on the Python version
    from importlib_resources import files

__all__ = ["Catalog", "load_catalog"]


@attrs.frozen
class Catalog:
    """Exercises and the references behind them, plus the facts about the data.

    A catalog behaves like a read-only collection of exercises:
    ``catalog["band-row"]`` returns one (or raises
    :class:`~upperback.exceptions.UnknownExerciseError`),
    ``catalog.get("band-row")`` returns one or ``None``, ``"band-row" in
    catalog`` tests for an id, ``len(catalog)`` counts them, and iterating
    yields them in the order of :attr:`exercises` (for the bundled catalog:
    sorted by id).

    Building a catalog checks it: duplicate ids or names, references that
    do not resolve and progression cycles raise
    :class:`~upperback.exceptions.CatalogError` listing every problem.

    Args:
        data_version: The version of the data, kept apart from the package
            version (like tzdata's ``IANA_VERSION``).
        disclaimer: The medical disclaimer every handout carries.
        safety: When to stop and call a provider, one line each.
        license: How the text of the catalog is licensed.
        sources: The works its facts come from.
        references: The published works the exercises cite.
        exercises: The exercises.
    """

    data_version: str = attrs.field(validator=_text)
    disclaimer: str = attrs.field(validator=_text)
    license: str = attrs.field(validator=_text)
    exercises: tuple[Exercise, ...]
    references: tuple[Reference, ...] = ()
    safety: tuple[str, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(_text)
    )
    sources: tuple[Source, ...] = ()

    _by_id: Mapping[str, Exercise] = attrs.field(init=False, repr=False, eq=False)
    _references_by_id: Mapping[str, Reference] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = catalog_problems(self.exercises, self.references)
        if problems:
            raise CatalogError(problems)
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.exercises}))
        object.__setattr__(
            self, "_references_by_id", MappingProxyType({r.id: r for r in self.references})
        )

    # -- the collection protocol ------------------------------------------

    def __getitem__(self, exercise_id: str) -> Exercise:
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise UnknownExerciseError(exercise_id, self._close_ids(exercise_id)) from None

    @overload
    def get(self, exercise_id: str) -> Exercise | None: ...
    @overload
    def get(self, exercise_id: str, default: Exercise) -> Exercise: ...
    def get(self, exercise_id: str, default: Exercise | None = None) -> Exercise | None:
        """Return the exercise with *exercise_id*, or *default*."""
        return self._by_id.get(exercise_id, default)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    @property
    def ids(self) -> tuple[str, ...]:
        """The exercise ids, in catalog order."""
        return tuple(self._by_id)

    def reference(self, reference_id: str) -> Reference:
        """Return the reference with *reference_id*.

        Raises:
            KeyError: No reference has that id.
        """
        return self._references_by_id[reference_id]

    def references_for(self, exercise: Exercise) -> tuple[Reference, ...]:
        """Return the references *exercise* cites, in its order."""
        return tuple(self._references_by_id[r] for r in exercise.references)

    def _close_ids(self, exercise_id: str) -> list[str]:
        return difflib.get_close_matches(exercise_id, list(self._by_id), n=3, cutoff=0.5)

    # -- combining --------------------------------------------------------

    def merge(self, other: Catalog) -> Catalog:
        """Return a catalog with the exercises and references of both.

        The metadata (disclaimer, license, safety) of *self* is kept; the
        data versions are joined with ``+``. A reference both define must be
        the same in both.

        Raises:
            CatalogError: An exercise id, name or alias is in both, or a
                shared reference id means different works.
        """
        mine = {r.id: r for r in self.references}
        clashes = [
            Problem(f"$.references[{i}]", f"reference {r.id!r} differs from the one already loaded")
            for i, r in enumerate(other.references)
            if r.id in mine and mine[r.id] != r
        ]
        if clashes:
            raise CatalogError(clashes)
        return attrs.evolve(
            self,
            data_version=f"{self.data_version}+{other.data_version}",
            exercises=self.exercises + other.exercises,
            references=self.references + tuple(r for r in other.references if r.id not in mine),
            sources=self.sources + tuple(s for s in other.sources if s not in self.sources),
        )


_convert.ERRORS[Catalog] = CatalogError

_bundled: Catalog | None = None
_bundled_lock = threading.Lock()


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """Load the bundled catalog, or a catalog file.

    With no *path*, return the bundled catalog: the first call reads and
    validates it, every later call returns the same object. Many threads
    may make the first call at once; the file is read once.

    With a *path*, load that JSON file with the same rules. Use
    :meth:`Catalog.merge` to combine it with the bundled one.

    Raises:
        CatalogError: The file is not valid JSON (with line and column) or
            not a valid catalog; every problem is listed with its path.
        OSError: The file cannot be read.
    """
    if path is None:
        return _load_bundled()
    source = os.fspath(path)
    return _parse(Path(source).read_bytes(), source)


def _load_bundled() -> Catalog:
    global _bundled  # noqa: PLW0603 - the one cache of the bundled catalog
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                resource = files("upperback") / "data" / "catalog.json"
                _bundled = _parse(resource.read_bytes(), "upperback/data/catalog.json")
    return _bundled


def _parse(raw: bytes, source: str) -> Catalog:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = Problem("$", f"expected UTF-8 text, got an invalid byte at offset {exc.start}")
        raise CatalogError([problem], source) from None
    try:
        return _convert.loads(text, Catalog)
    except DataError as exc:
        raise CatalogError(exc.problems, source) from None
