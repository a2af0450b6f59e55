"""The catalog: loading (bundled or from a file), validation and lookups.

The bundled catalog is read on the first call to :func:`load_catalog`, not
at import time, and the same object is returned after that. A catalog is
immutable: its collections are tuples and read-only mappings, so the
bundled one cannot be changed by anyone who holds it.
"""

from __future__ import annotations

import os
import re
import stat
import threading
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, ClassVar, TypeAlias, TypeVar, overload

import attrs

from . import _pydantic
from ._index import ExerciseIndex, select
from ._resources import read_data
from ._suggest import suggest
from ._validate import catalog_problems, name_key
from .exceptions import (
    CatalogError,
    DataError,
    Problem,
    UnknownExerciseError,
    UnknownVocabularyError,
    short_repr,
)
from .model import (
    Category,
    Equipment,
    Exercise,
    Extra,
    Position,
    Reference,
    Region,
    Source,
    Vocabulary,
    _as_tuple,
    _items,
    _OpenVocabulary,
    _optional_text,
    _text,
    _to_extra,
    canonical_base,
    language_tag,
)

if TYPE_CHECKING:
    from . import _locales

__all__ = ["Catalog", "SearchResult", "load_catalog"]

_V = TypeVar("_V", bound=_OpenVocabulary)

#: A word of a name or alias: a run of letters (accents are letters too).
_WORD = re.compile(r"[^\W\d_]+")
#: In another language, words this long or longer are search labels too:
#: shorter ones are articles and prepositions ("de", "la", "en", "los").
_SEARCH_WORD = 4


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
        vocabulary: The catalog's own terms (equipment, positions, regions
            and categories) beside the built-in ones; see :class:`Vocabulary`.
        title: The title of a handout of its exercises; ``None`` for the
            default.
        extra: An app's own data about the catalog (see :class:`Extra`).
        locale: The language its text is written in, such as ``"en"`` or
            ``"es"``. :meth:`localized` returns it in another language.
        fhir_base: The address under which :func:`~upperback.to_fhir`
            names this catalog's exercises (their canonical URLs), such as
            ``"https://clinic.example/fhir"``; ``None`` when the catalog
            declares none. upperback's own address names only its own
            exercises.
    """

    data_version: str = attrs.field(validator=_text)
    disclaimer: str = attrs.field(validator=_text)
    license: str = attrs.field(validator=_text)
    exercises: tuple[Exercise, ...] = attrs.field(converter=_as_tuple, validator=_items(Exercise))
    references: tuple[Reference, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Reference)
    )
    safety: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_text)
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Source)
    )
    vocabulary: Vocabulary = attrs.field(
        factory=Vocabulary, validator=attrs.validators.instance_of(Vocabulary)
    )
    title: str | None = attrs.field(default=None, validator=_optional_text)
    extra: Extra = attrs.field(factory=Extra, converter=_to_extra)
    locale: str = attrs.field(default="en", validator=language_tag)
    fhir_base: str | None = attrs.field(default=None, validator=canonical_base)

    #: What the converter raises when a document is not a valid catalog.
    __upperback_error__: ClassVar[type[DataError]] = CatalogError

    _by_id: Mapping[str, Exercise] = attrs.field(init=False, repr=False, eq=False)
    _references_by_id: Mapping[str, Reference] = attrs.field(init=False, repr=False, eq=False)
    _exercise_index: ExerciseIndex | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    #: A _search.SearchIndex once built (typed loosely: _search loads on first use).
    _search_index: object = attrs.field(init=False, default=None, repr=False, eq=False)
    #: The file the catalog was loaded from, if any: merge errors name it.
    _source: str | None = attrs.field(init=False, default=None, repr=False, eq=False)
    #: For a merged catalog, where each exercise came from (see _origin).
    _origins: Mapping[str, _Origin] = attrs.field(init=False, factory=dict, repr=False, eq=False)
    #: For a localized catalog, the catalog it was translated from.
    _original: Catalog | None = attrs.field(init=False, default=None, repr=False, eq=False)
    #: This catalog in other languages, made on the first call of localized().
    _translations: dict[str, Catalog] = attrs.field(init=False, factory=dict, repr=False, eq=False)
    #: Declared terms by kind and slug, made on first use by term().
    _term_indexes: dict[type, Mapping[str, Any]] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        problems = catalog_problems(self.exercises, self.references, self.vocabulary)
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

    def term(self, kind: type[_V], value: str | _V) -> _V:
        """Return the term of *kind* for *value*: a built-in member or one this catalog declares.

        >>> load_catalog().term(Equipment, "wall")
        <Equipment.WALL: 'wall'>

        Raises:
            UnknownVocabularyError: Neither built in nor declared; the error
                lists both and suggests the closest.
        """
        if isinstance(value, kind):
            return value
        if isinstance(value, str):
            member = kind._value2member_map_.get(value)
            if member is not None:
                return member  # type: ignore[return-value]
            found = self._declared_terms(kind).get(value)
            if found is not None:
                return found
        # A person chooses these: "unknown" (what a catalog says when it does
        # not know) is never offered.
        valid = [m.value for m in kind if m.value != "unknown"]
        valid += [term.value for term in self.vocabulary.terms(kind)]
        close = suggest(value, valid) if isinstance(value, str) else []
        error = UnknownVocabularyError(kind._kind(), value, valid, close)  # noqa: SLF001
        error._locale = self.locale  # noqa: SLF001 - the language in use
        raise error

    def _declared_terms(self, kind: type[_V]) -> Mapping[str, _V]:
        """The declared terms of *kind* by slug, indexed on first use.

        A scan of the declarations for each lookup made 10,000 declared
        terms take 19 seconds to resolve.
        """
        indexes = self._term_indexes
        index = indexes.get(kind)
        if index is None:
            # Two threads may both build it: the same dict, so either wins.
            index = {term.value: term for term in self.vocabulary.terms(kind)}
            indexes[kind] = index
        return index

    def _origin(self, exercise_id: str) -> _Origin:
        """The evidence and safety text that go with *exercise_id*.

        For a merged catalog, those of the catalog the exercise came from;
        otherwise this catalog's own.
        """
        origin = self._origins.get(exercise_id)
        if origin is None:
            return _Origin(
                self.disclaimer,
                self.safety,
                self.sources,
                self.license,
                self.title,
                self.fhir_base,
            )
        return origin

    def _evidence(self, exercises: Iterable[Exercise]) -> _Origin:
        """What a handout or export of *exercises* carries: their catalogs' own, joined.

        Only the catalogs those exercises came from count (after a merge,
        not always this one's own); the title is kept only when they agree.
        With no exercises, this catalog's own.
        """
        origins = list(dict.fromkeys(self._origin(e.id) for e in exercises)) or [self._origin("")]
        titles = {o.title for o in origins}
        return _Origin(
            disclaimer=" ".join(dict.fromkeys(o.disclaimer for o in origins)),
            safety=tuple(dict.fromkeys(line for o in origins for line in o.safety)),
            sources=tuple(dict.fromkeys(source for o in origins for source in o.sources)),
            license=" ".join(dict.fromkeys(o.license for o in origins)),
            title=titles.pop() if len(titles) == 1 else None,
        )

    def __reduce__(self) -> tuple[object, ...]:
        # The read-only mappings cannot be pickled; rebuild them instead, so
        # a catalog can go to a process pool and through copy.deepcopy.
        fields = tuple(getattr(self, f.name) for f in attrs.fields(Catalog) if f.init)
        return (_restore, (fields, dict(self._origins), self._source))

    def _close_ids(self, exercise_id: str) -> list[str]:
        return suggest(exercise_id, self._by_id)

    # -- queries ----------------------------------------------------------

    def filter(  # noqa: PLR0913 - one keyword a criterion
        self,
        *,
        category: str | Category | None = None,
        position: str | Position | None = None,
        avoid_positions: Iterable[str | Position] = (),
        equipment: Iterable[str | Equipment] | None = None,
        region: str | Region | None = None,
        can_start_now: bool | None = None,
    ) -> tuple[Exercise, ...]:
        """Return the exercises that meet every given criterion, in catalog order.

        Criteria take terms or their slugs, built in or declared by the
        catalog; a criterion left at ``None`` (or empty) is not applied.

        Args:
            category: Only this category.
            position: Only exercises that can be done in this position.
            avoid_positions: Only exercises with a position not in these.
                An exercise whose position is unknown is left out.
            equipment: What the person has: only exercises whose every
                requirement has an option among these. An exercise whose
                equipment is unknown is left out.
            region: Only exercises that work this region.
            can_start_now: Only exercises that may (or may not) start now.

        Raises:
            UnknownVocabularyError: A slug is not known; its ``errors()``
                name the criterion, and the index in a list.
        """
        bits = self._index.matching(
            category=self._criterion(Category, category, "category"),
            position=self._criterion(Position, position, "position"),
            avoided=set(self._terms(Position, avoid_positions, "avoid_positions")),
            equipment=None
            if equipment is None
            else set(self._terms(Equipment, equipment, "equipment")),
            region=self._criterion(Region, region, "region"),
            can_start_now=can_start_now,
        )
        return tuple(select(self.exercises, bits))

    def _criterion(self, kind: type[_V], value: str | _V | None, field: str) -> _V | None:
        """The term for one criterion of :meth:`filter`; an unknown one names *field*."""
        if value is None:
            return None
        try:
            return self.term(kind, value)
        except UnknownVocabularyError as err:
            err.loc = (field,)
            raise

    def _terms(self, kind: type[_V], values: Iterable[str | _V], field: str) -> tuple[_V, ...]:
        """Terms of *kind*, built in or declared here, each once, in order.

        One slug alone counts as one term, not as its letters. An unknown one
        raises with *field* and its index as where it is.
        """
        if isinstance(values, str):
            values = [values]
        terms: list[_V] = []
        for index, value in enumerate(values):
            try:
                terms.append(self.term(kind, value))
            except UnknownVocabularyError as err:
                err.loc = (field, index)
                raise
        return tuple(dict.fromkeys(terms))

    @property
    def _index(self) -> ExerciseIndex:
        """Bit sets of the exercises, built on the first query (a race builds an equal one)."""
        index = self._exercise_index
        if index is None:
            index = ExerciseIndex.build(self.exercises)
            object.__setattr__(self, "_exercise_index", index)
        return index

    def search(self, text: str, *, limit: int = 5, cutoff: float = 0.6) -> tuple[SearchResult, ...]:
        """Find exercises by name or alias, forgiving typos; best match first.

        Each exercise's score is its best label's: the similarity of the
        query to the whole label, or to the label's words taken in the
        query's order, whichever is higher (0 to 1; 1 is an exact match).
        Ties keep catalog order.

        A catalog in another language than English also finds an exercise
        by each word of four letters or more of its name and aliases: its
        names are phrases with articles and prepositions ("Deslizar los
        brazos en la pared"), so one word typed ("pared") would score too
        low against the whole name.

        Args:
            text: What the person typed, such as ``"wall angels"``.
            limit: At most this many results.
            cutoff: Leave out results that score below this.
        """
        from . import _search  # noqa: PLC0415 - lazy: difflib only when searching

        index = self._search_index
        if not isinstance(index, _search.SearchIndex):  # built on the first search; a race
            index = _search.SearchIndex.build([self._search_texts(e) for e in self.exercises])
            object.__setattr__(self, "_search_index", index)
        return tuple(
            SearchResult(exercise, round(score, 3), label)
            for exercise, score, label in index.search(self.exercises, text, limit, cutoff)
        )

    def _search_texts(self, exercise: Exercise) -> tuple[str, ...]:
        """What *exercise* is found by: its labels, and in another language their words."""
        from . import _i18n, _search  # noqa: PLC0415 - lazy, as in search()

        labels = _search.labels(exercise)
        if self.locale == _i18n.SOURCE_LOCALE:
            return labels
        words = (
            word
            for text in (exercise.name, *exercise.aliases)
            for word in _WORD.findall(text)
            if len(word) >= _SEARCH_WORD
        )
        return tuple(dict.fromkeys((*labels, *words)))

    # -- combining --------------------------------------------------------

    def merge(self, other: Catalog) -> Catalog:
        """Return a catalog with the exercises, references and terms of both.

        Each exercise keeps the evidence of the catalog it came from: a
        handout or export of it shows that catalog's disclaimer, safety
        lines, sources, license and title, and only the references it cites.
        The merged catalog's own metadata is *self*'s; the data versions are
        joined with ``+``, and the extras of *other* are added to those of
        *self* (*self*'s win on a shared key). A reference or a term both
        define must be the same in both.

        Raises:
            CatalogError: An exercise id, name or alias is in both, a shared
                reference id means different works, a term both declare has
                different words, or the two are in different languages (see
                :attr:`locale`).
        """
        if other.locale != self.locale:
            # One catalog, one language: a handout never mixes them.
            problem = Problem(
                "$.locale",
                f"the catalog is in {other.locale!r}, the one it is added to in "
                f"{self.locale!r}; localize both to one language first",
                code="locale_mismatch",
            )
            raise CatalogError([problem], other._source)
        mine = {r.id: r for r in self.references}
        clashes = [
            Problem(
                f"$.references[{i}]",
                f"reference {r.id!r} differs from the one already loaded",
                code="merge_conflict",
            )
            for i, r in enumerate(other.references)
            if r.id in mine and mine[r.id] != r
        ]
        clashes += _exercise_clashes(self, other)
        clashes += _term_clashes(self.vocabulary, other.vocabulary)
        if clashes:
            # The paths point into *other*, the file being added.
            raise CatalogError(clashes, other._source)
        merged = attrs.evolve(
            self,
            data_version=f"{self.data_version}+{other.data_version}",
            exercises=self.exercises + other.exercises,
            references=self.references + tuple(r for r in other.references if r.id not in mine),
            sources=self.sources + tuple(s for s in other.sources if s not in self.sources),
            vocabulary=_merged_vocabulary(self.vocabulary, other.vocabulary),
            extra=Extra.of({**other.extra, **self.extra}),
        )
        origins = {e.id: self._origin(e.id) for e in self.exercises}
        origins.update((e.id, other._origin(e.id)) for e in other.exercises)
        object.__setattr__(merged, "_origins", MappingProxyType(origins))
        return merged

    # -- languages --------------------------------------------------------

    def localized(
        self,
        locale: str,
        *,
        content: str
        | os.PathLike[str]
        | bytes
        | bytearray
        | memoryview
        | IO[bytes]
        | IO[str]
        | None = None,
        name: str | None = None,
        max_bytes: int | None = None,
    ) -> Catalog:
        """Return this catalog with its text in *locale*.

        The result holds the same typed objects (ids, dosage, figures,
        references, sources) with the translated names, aliases, summaries,
        steps, cautions, progressions, disclaimer, license and safety lines,
        and its :attr:`locale` is *locale*. Asking for the catalog's own
        language returns the catalog itself; a localized catalog asked for
        the language it came from returns that catalog. Each language is
        made once per catalog (the bundled one in each language is read
        once per process) and nothing is changed in place.

        The bundled content file of a language translates the bundled
        exercises: every exercise of this catalog must be one of them,
        unchanged, with the bundled disclaimer and safety lines. For a
        catalog of your own, pass *content*: a content file that
        translates this very catalog (see :doc:`/languages`). Localize
        each catalog before merging them.

        Args:
            locale: A language the package has, such as ``"es"``.
            content: A content file that translates this catalog, in
                place of the bundled one: a path, its bytes, or a file
                object, as for :func:`load_catalog`.
            name: What messages call *content*, such as an uploaded
                file's name. Default: the path, or nothing for bytes and
                file objects.
            max_bytes: The largest content file to read, in bytes
                (default ``MAX_CATALOG_BYTES``, 64 MiB).

        Raises:
            UnknownLocaleError: The package has no such language; the error
                lists the ones it has.
            MissingTranslationError: The content does not translate every
                exercise of this catalog, or its disclaimer, license or
                safety lines; the error names each.
            CatalogError: *content* is not a valid content file for this
                catalog; every problem with its path.

        .. versionadded:: 0.1.0
        """
        if locale == self.locale and content is None:
            return self
        from . import _i18n, _locales  # noqa: PLC0415 - only when another language is asked for

        locale = _i18n.check_locale(locale)
        if content is not None:
            limit = MAX_CATALOG_BYTES if max_bytes is None else max_bytes
            raw, source = read_source(content, limit, name)
            return self._translated(locale, _locales.parse_content(raw, source, self, locale), self)
        if self._original is not None:  # back to where it came from, or on from there
            return self._original.localized(locale)
        if self.locale != _i18n.SOURCE_LOCALE:
            return self._from_twin(locale)
        cached = self._translations.get(locale)
        if cached is not None:
            return cached
        with _translations_lock:
            cached = self._translations.get(locale)
            if cached is None:
                bundled = load_catalog()
                text = _locales.bundled_content(locale, bundled)
                if text is None:
                    from .exceptions import MissingTranslationError  # noqa: PLC0415

                    raise MissingTranslationError(locale, self.ids)
                cached = self._translated(locale, text, bundled)
                self._translations[locale] = cached
        return cached

    def _from_twin(self, locale: str) -> Catalog:
        """*locale* for a translated catalog that lost its original.

        A catalog read back from JSON or unpickled does not know the catalog
        it was translated from. If it is the bundled catalog in its
        language, that one does; anything else cannot be translated from
        words that are already translated.
        """
        from ._i18n import available_locales  # noqa: PLC0415
        from .exceptions import MissingTranslationError  # noqa: PLC0415

        if self.locale in available_locales():
            twin = load_catalog().localized(self.locale)
            if twin == self:
                return twin.localized(locale)
        raise MissingTranslationError(locale, self.ids)

    def _translated(self, locale: str, content: _locales.CatalogText, original: Catalog) -> Catalog:
        """This catalog with the words of *content*, which translates *original*."""
        from . import _locales  # noqa: PLC0415

        words = _locales.translate(self, locale, content, original)
        catalog = attrs.evolve(
            self,
            locale=locale,
            exercises=words.exercises,
            disclaimer=words.disclaimer,
            safety=words.safety,
            license=words.license,
        )
        if self._origins:
            origins = {
                exercise_id: attrs.evolve(
                    self._origins[exercise_id], disclaimer=disclaimer, safety=safety
                )
                for exercise_id, (disclaimer, safety) in words.origins.items()
            }
            object.__setattr__(catalog, "_origins", MappingProxyType(origins))
        object.__setattr__(catalog, "_source", self._source)
        object.__setattr__(catalog, "_original", self)
        return catalog


_translations_lock = threading.Lock()

# pydantic support (see _pydantic.py): the hooks only; pydantic is not imported.
_pydantic.install(Catalog)


@attrs.frozen
class _Origin:
    """What travels with an exercise from its catalog: safety text, sources, license, title."""

    disclaimer: str
    safety: tuple[str, ...]
    sources: tuple[Source, ...]
    license: str
    title: str | None
    fhir_base: str | None = None


_VOCABULARY_KINDS: tuple[tuple[str, type[_OpenVocabulary]], ...] = (
    ("equipment", Equipment),
    ("positions", Position),
    ("regions", Region),
    ("categories", Category),
)


def _term_clashes(base: Vocabulary, other: Vocabulary) -> list[Problem]:
    """Terms *other* declares differently from *base*, at their place in *other*."""
    problems = []
    for field, kind in _VOCABULARY_KINDS:
        mine = {term.value: term for term in base.terms(kind)}
        for i, term in enumerate(other.terms(kind)):
            known = mine.get(term.value)
            if known is not None and known._declaration() != term._declaration():  # noqa: SLF001
                problems.append(
                    Problem(
                        f"$.vocabulary.{field}[{i}]",
                        f"{kind._kind()} {term.value!r} is declared differently "  # noqa: SLF001
                        "in the catalog it is added to",
                        code="merge_conflict",
                    )
                )
    return problems


def _merged_vocabulary(base: Vocabulary, other: Vocabulary) -> Vocabulary:
    merged: dict[str, tuple[object, ...]] = {}
    for field, kind in _VOCABULARY_KINDS:
        mine = base.terms(kind)
        known = {term.value for term in mine}
        merged[field] = mine + tuple(t for t in other.terms(kind) if t.value not in known)
    return Vocabulary(**merged)


def _restore(
    fields: tuple[object, ...], origins: dict[str, _Origin], source: str | None
) -> Catalog:
    """Rebuild a pickled catalog (see :meth:`Catalog.__reduce__`)."""
    catalog = Catalog(*fields)  # type: ignore[arg-type]
    if origins:
        object.__setattr__(catalog, "_origins", MappingProxyType(origins))
    object.__setattr__(catalog, "_source", source)
    return catalog


def _exercise_clashes(base: Catalog, other: Catalog) -> list[Problem]:
    """Ids, names and aliases of *other* already used in *base*, at their place in *other*."""
    problems = [
        Problem(
            f"$.exercises[{i}].id",
            f"id {e.id!r} is already in the catalog it is added to",
            code="merge_conflict",
        )
        for i, e in enumerate(other.exercises)
        if e.id in base
    ]
    owner = {name_key(label): e.id for e in base.exercises for label in (e.name, *e.aliases)}
    for i, exercise in enumerate(other.exercises):
        labelled = [("name", exercise.name)] + [
            (f"aliases[{a}]", alias) for a, alias in enumerate(exercise.aliases)
        ]
        for field, text in labelled:
            taken = owner.get(name_key(text))
            if taken is not None:
                problems.append(
                    Problem(
                        f"$.exercises[{i}].{field}",
                        f"{short_repr(text)} already names exercise {taken!r} "
                        "of the catalog it is added to",
                        code="merge_conflict",
                    )
                )
    return problems


@attrs.frozen
class SearchResult:
    """One match of :meth:`Catalog.search`.

    Args:
        exercise: The exercise found.
        score: How well it matched, from 0 to 1.
        matched: The name or alias that matched best.
    """

    exercise: Exercise
    score: float
    matched: str


def index_of(catalog: Catalog) -> ExerciseIndex:
    """The bit sets of *catalog*'s exercises (for the program builder)."""
    return catalog._index  # noqa: SLF001 - this module's own


_bundled: Catalog | None = None
_bundled_lock = threading.Lock()


#: The largest catalog file :func:`load_catalog` reads by default: 64 MiB,
#: room for about 40,000 exercises. Pass ``max_bytes`` to change it.
MAX_CATALOG_BYTES = 64 * 1024 * 1024


#: Where a catalog or a content file can come from: a path, its bytes, or
#: a file object opened for reading (binary, or text read as UTF-8).
CatalogSource: TypeAlias = (
    "str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | IO[str]"
)


def load_catalog(
    path: str
    | os.PathLike[str]
    | bytes
    | bytearray
    | memoryview
    | IO[bytes]
    | IO[str]
    | None = None,
    *,
    locale: str | None = None,
    max_bytes: int = MAX_CATALOG_BYTES,
    name: str | None = None,
) -> Catalog:
    """Load the bundled catalog, or a catalog file.

    With no *path*, return the bundled catalog: the first call reads and
    validates it, every later call returns the same object. Many threads
    may make the first call at once; the file is read once.

    With a *path*, load that JSON file with the same rules. Use
    :meth:`Catalog.merge` to combine it with the bundled one. The file
    must be a regular file (not a pipe or a device) of UTF-8 text, at most
    *max_bytes* long.

    *path* may also be the file's content, as :class:`bytes` (an upload
    held in memory), or a file object opened for reading, such as an
    uploaded file's ``.file``: binary, or text, which is read as UTF-8.
    The same *max_bytes* limit applies, and a file object is read no
    further than one byte past it. Messages then name *name*, such as
    the name the uploader gave; no temporary path leaks into them. A
    :class:`str` is always a path: load JSON text with
    ``load_catalog(text.encode())``, or ``io.StringIO(text)``.

    >>> import io
    >>> load_catalog(b"{}", name="clinic.json")
    Traceback (most recent call last):
    ...
    upperback.exceptions.CatalogError: invalid catalog in 'clinic.json' (4 problems):
      $.data_version: required key missing
      $.disclaimer: required key missing
      $.license: required key missing
      $.exercises: required key missing

    With a *locale*, return the catalog in that language, as
    :meth:`Catalog.localized` does: ``load_catalog(locale="es")`` is the
    bundled catalog in Spanish, made once and then shared.

    Args:
        path: A catalog file (a path, bytes or a file object), or ``None``
            for the bundled catalog.
        locale: The language to return it in, such as ``"es"``; ``None``
            for the language it is written in.
        max_bytes: The largest file to read, in bytes (default
            ``MAX_CATALOG_BYTES``, 64 MiB). A bigger file is refused
            before it is read, so a huge or endless file cannot exhaust
            memory.
        name: What messages call the catalog, such as an uploaded file's
            name. Default: the path, or nothing for bytes and file objects.

    Raises:
        CatalogError: The file is not valid JSON (with line and column),
            not a valid catalog, bigger than *max_bytes*, not a regular
            file, or its name holds a null character; every problem is
            listed with its path.
        TypeError: *path* is none of the kinds above.
        OSError: The file cannot be opened or read.
        UnknownLocaleError: The package has no such language.
        MissingTranslationError: The language has no translation of some
            of the catalog's exercises (see :meth:`Catalog.localized`).
    """
    if locale is not None:
        return load_catalog(path, max_bytes=max_bytes, name=name).localized(locale)
    if path is None:
        return _load_bundled()
    raw, source = read_source(path, max_bytes, name)
    catalog = _parse(raw, source)
    object.__setattr__(catalog, "_source", source)
    return catalog


def read_source(
    source: CatalogSource, max_bytes: int, name: str | None
) -> tuple[bytes, str | None]:
    """The bytes of *source* (a path, bytes or a file object) and what messages call it.

    Raises:
        CatalogError: More than *max_bytes*, not a regular file, or a file
            object that gives neither bytes nor text.
        TypeError: *source* is none of those.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if isinstance(path, bytes):  # pragma: no cover - the annotation says str
            path = os.fsdecode(path)
        try:
            return _read_limited(path, max_bytes), name or path
        except CatalogError as exc:
            raise (exc.with_source(name) if name else exc) from None
    elif callable(getattr(source, "read", None)):
        raw = _read_file_object(source, max_bytes, name)
    else:
        msg = f"expected a path, bytes or a file object, got {type(source).__name__}"
        raise TypeError(msg)
    if len(raw) > max_bytes:
        raise CatalogError([_too_big(len(raw), max_bytes)], name)
    return raw, name


def _read_file_object(file: IO[bytes] | IO[str], max_bytes: int, name: str | None) -> bytes:
    data = file.read(max_bytes + 1)
    if isinstance(data, str):
        return data.encode("utf-8", "surrogatepass")
    if isinstance(data, bytes | bytearray):
        return bytes(data)
    problem = Problem(
        "$",
        f"expected the file object to give bytes or text, got {type(data).__name__}",
        code="wrong_type",
    )
    raise CatalogError([problem], name)


def _read_limited(source: str, max_bytes: int) -> bytes:
    """Read the regular file *source*, refusing one over *max_bytes*."""
    if "\0" in source:
        problem = Problem("$", "the file name holds a null character", code="not_a_file")
        raise CatalogError([problem], source)
    # O_NONBLOCK: opening a FIFO must not wait for a writer. It changes
    # nothing for a regular file.
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        problem = Problem(
            "$", "expected a regular file, got a pipe, device or folder", code="not_a_file"
        )
        raise CatalogError([problem], source)
    with os.fdopen(fd, "rb") as file:
        if info.st_size > max_bytes:
            raise CatalogError([_too_big(info.st_size, max_bytes)], source)
        raw = file.read(max_bytes + 1)  # a file can grow while we read it
    if len(raw) > max_bytes:
        raise CatalogError([_too_big(len(raw), max_bytes)], source)
    return raw


def _too_big(size: int, max_bytes: int) -> Problem:
    return Problem(
        "$",
        f"the file is {size} bytes; the limit is {max_bytes} bytes (see max_bytes)",
        code="too_large",
    )


def _load_bundled() -> Catalog:
    global _bundled  # noqa: PLW0603 - the one cache of the bundled catalog
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                _bundled = _parse(read_data("catalog.json"), "upperback/data/catalog.json")
    return _bundled


def _parse(raw: bytes, source: str | None) -> Catalog:
    from . import _convert  # noqa: PLC0415 - cattrs loads with the first catalog

    try:
        return _convert.loads(raw, Catalog)
    except DataError as exc:
        raise CatalogError(exc.problems, source) from None
