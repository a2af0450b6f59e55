"""Content translations: the text of a catalog in another language, as data.

A content file (``data/locales/<lang>.json`` for the bundled catalog) holds,
for one language, each exercise's name, aliases, summary, steps, cautions
and progression conditions, keyed by exercise id, plus the catalog's
disclaimer, license and safety lines. Everything that is not words (ids,
dosage, figures, references, sources) stays in the catalog and is shared
by every language, like wger's translations beside its language-neutral
exercises.

The file is checked against the catalog it translates, as strictly as the
catalog itself: every exercise has a translation and no unknown id does; a
translation has as many steps, cautions and progressions as the original;
each translated text holds the same numbers as the one it translates; the
data versions match; and the text follows the catalog's character rules.
Nothing is read at import time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

import attrs

from ._suggest import suggest
from ._validate import name_key
from .exceptions import CatalogError, DataError, MissingTranslationError, Problem, short_repr
from .model import (
    Exercise,
    Step,
    _as_tuple,
    _items,
    _name,
    _steps,
    _text,
    _unique,
    language_tag,
)

if TYPE_CHECKING:
    from .catalog import Catalog

__all__ = ["CatalogText", "ExerciseText", "ProgressionText", "Translated", "translate"]

#: What counts as a number in a text: a run of digits. "4.0" and "4,0" both
#: hold 4 and 0, so a decimal comma translates a decimal point.
_NUMBER = re.compile(r"\d+")


@attrs.frozen
class ProgressionText:
    """The words of one progression: when it applies."""

    when: str = attrs.field(validator=_text)


@attrs.frozen
class ExerciseText:
    """The words of one exercise in another language.

    Each list has as many items as the exercise's own, in the same order.
    """

    name: str = attrs.field(validator=_name)
    summary: str = attrs.field(validator=_text)
    steps: tuple[Step, ...] = attrs.field(converter=_as_tuple, validator=[_steps, _items(Step)])
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=[_unique, attrs.validators.deep_iterable(_name)]
    )
    cautions: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_text)
    )
    progressions: tuple[ProgressionText, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(ProgressionText)
    )


@attrs.frozen
class CatalogText:
    """A content file: the words of a catalog in one language.

    Args:
        language: The language tag, such as ``"es"``.
        data_version: The data version of the catalog it translates.
        reviewed: Whether a clinician fluent in the language has reviewed it.
        disclaimer: The medical disclaimer.
        license: How the text is licensed.
        safety: The safety lines, one for each of the catalog's.
        exercises: Each exercise's words, by exercise id.
    """

    language: str = attrs.field(validator=language_tag)
    data_version: str = attrs.field(validator=_text)
    reviewed: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    disclaimer: str = attrs.field(validator=_text)
    license: str = attrs.field(validator=_text)
    exercises: Mapping[str, ExerciseText]
    safety: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_text)
    )

    #: What the converter raises when a document is not a valid content file.
    __upperback_error__: ClassVar[type[DataError]] = CatalogError


# -- checking a content file against its catalog ----------------------------


def _key(exercise_id: str) -> str:
    from ._convert import _key_path  # noqa: PLC0415 - cattrs loads with the first file

    return _key_path("$.exercises", exercise_id)


def _numbers(text: str) -> list[str]:
    return sorted(_NUMBER.findall(text))


def _same_numbers(path: str, original: str, translated: str) -> Iterator[Problem]:
    want, got = _numbers(original), _numbers(translated)
    if want != got:
        yield Problem(
            path,
            f"expected the numbers of the original text ({', '.join(want) or 'none'}), "
            f"got {', '.join(got) or 'none'}",
            code="translation_mismatch",
        )


def _paired(
    path: str, what: str, originals: tuple[str, ...], texts: tuple[str, ...], suffix: str = ""
) -> Iterator[Problem]:
    """As many texts as originals, and each with its original's numbers."""
    if len(originals) != len(texts):
        noun = what if len(originals) == 1 else f"{what}s"
        yield Problem(
            path,
            f"expected {len(originals)} {noun}, as in the catalog, got {len(texts)}",
            code="translation_mismatch",
        )
    for index, (original, text) in enumerate(zip(originals, texts, strict=False)):
        yield from _same_numbers(f"{path}[{index}]{suffix}", original, text)


def content_problems(content: CatalogText, catalog: Catalog, language: str) -> list[Problem]:
    """Return every way *content* fails to translate *catalog* into *language*."""
    problems: list[Problem] = []
    if content.language != language:
        problems.append(
            Problem(
                "$.language",
                f"expected {language!r}, the file's language, got {content.language!r}",
                code="translation_mismatch",
            )
        )
    if content.data_version != catalog.data_version:
        problems.append(
            Problem(
                "$.data_version",
                f"expected {catalog.data_version!r}, the version of the catalog it translates, "
                f"got {short_repr(content.data_version)}",
                code="translation_mismatch",
            )
        )
    problems += _paired("$.safety", "safety line", catalog.safety, content.safety)
    problems += _same_numbers("$.disclaimer", catalog.disclaimer, content.disclaimer)
    problems += _same_numbers("$.license", catalog.license, content.license)
    problems += (
        Problem(
            "$.exercises", f"no translation of exercise {exercise.id!r}", code="missing_translation"
        )
        for exercise in catalog
        if exercise.id not in content.exercises
    )
    for exercise_id, text in content.exercises.items():
        exercise = catalog.get(exercise_id)
        if exercise is None:
            close = suggest(exercise_id, catalog.ids)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(
                    _key(exercise_id),
                    f"unknown exercise {short_repr(exercise_id)}{hint}",
                    code="unknown_exercise",
                )
            )
            continue
        problems += _exercise_problems(_key(exercise_id), exercise, text)
    problems += _duplicate_labels(content)
    return problems


def _exercise_problems(path: str, exercise: Exercise, text: ExerciseText) -> Iterator[Problem]:
    yield from _same_numbers(f"{path}.summary", exercise.summary, text.summary)
    yield from _paired(
        f"{path}.steps",
        "step",
        tuple(s.text for s in exercise.steps),
        tuple(s.text for s in text.steps),
    )
    yield from _paired(f"{path}.cautions", "caution", exercise.cautions, text.cautions)
    yield from _paired(
        f"{path}.progressions",
        "progression",
        tuple(p.when for p in exercise.progressions),
        tuple(p.when for p in text.progressions),
        ".when",
    )


def _duplicate_labels(content: CatalogText) -> Iterator[Problem]:
    """Translated names and aliases are searched too: each must lead to one exercise."""
    owner: dict[str, str] = {}
    for exercise_id, text in content.exercises.items():
        labelled = [("name", text.name)] + [
            (f"aliases[{i}]", a) for i, a in enumerate(text.aliases)
        ]
        for field, label in labelled:
            other = owner.setdefault(name_key(label), exercise_id)
            if other != exercise_id:
                yield Problem(
                    f"{_key(exercise_id)}.{field}",
                    f"{short_repr(label)} already names exercise {other!r}",
                    code="duplicate_name",
                )


def parse_content(raw: bytes, source: str | None, catalog: Catalog, language: str) -> CatalogText:
    """Load the content file *raw* (read from *source*) that translates *catalog*.

    Raises:
        CatalogError: The file is not valid JSON, not a valid content file,
            or does not match *catalog*; every problem with its path.
    """
    from . import _convert  # noqa: PLC0415 - cattrs loads with the first file

    try:
        content = _convert.loads(raw, CatalogText)
    except DataError as exc:
        raise CatalogError(exc.problems, source) from None
    problems = content_problems(content, catalog, language)
    if problems:
        raise CatalogError(problems, source)
    return content


# -- the bundled content files ---------------------------------------------

_bundled: dict[str, CatalogText | None] = {}
_bundled_lock = threading.Lock()


def bundled_content(language: str, original: Catalog) -> CatalogText | None:
    """The bundled content file for *language*, read and checked once; ``None`` if there is none.

    *original* is the bundled catalog, which the file translates: the caller
    (``catalog``, a layer up) passes it in, so this module never imports it.
    """
    if language in _bundled:
        return _bundled[language]
    with _bundled_lock:
        if language not in _bundled:
            _bundled[language] = _read_bundled(language, original)
    return _bundled[language]


def _read_bundled(language: str, original: Catalog) -> CatalogText | None:
    from ._i18n import _locales_folder  # noqa: PLC0415

    resource = _locales_folder() / f"{language}.json"
    if not resource.is_file():
        return None
    source = f"upperback/data/locales/{language}.json"
    return parse_content(resource.read_bytes(), source, original, language)


# -- applying a translation ------------------------------------------------


@attrs.frozen
class Translated:
    """The words of a catalog in another language, ready to put in its place."""

    exercises: tuple[Exercise, ...]
    disclaimer: str
    safety: tuple[str, ...]
    license: str
    #: For a merged catalog: each exercise's translated disclaimer and safety.
    origins: Mapping[str, tuple[str, tuple[str, ...]]]


def translate(
    catalog: Catalog, language: str, content: CatalogText, original: Catalog
) -> Translated:
    """Return the words of *catalog* from *content*, which translates *original*.

    An exercise is translated only if it is the very exercise of *original*
    that *content* translates, and the same holds for the disclaimer, the
    license and the safety lines, including those that travel with each
    exercise of a merged catalog. Anything else would make a catalog in two
    languages, so it raises instead.

    Raises:
        MissingTranslationError: naming every exercise and every catalog
            text that *content* does not translate.
    """
    own = (original.disclaimer, original.safety)
    missing: list[str] = []
    origins: dict[str, tuple[str, tuple[str, ...]]] = {}
    for exercise in catalog:
        origin = catalog._origin(exercise.id)  # noqa: SLF001 - the catalog's own helper
        if (
            original.get(exercise.id) != exercise
            or exercise.id not in content.exercises
            or (origin.disclaimer, origin.safety) != own
        ):
            missing.append(exercise.id)
        origins[exercise.id] = (content.disclaimer, content.safety)
    texts = [
        name
        for name, mine, theirs in (
            ("disclaimer", catalog.disclaimer, original.disclaimer),
            ("safety", catalog.safety, original.safety),
            ("license", catalog.license, original.license),
        )
        if mine != theirs
    ]
    if missing or texts:
        raise MissingTranslationError(language, missing, texts)
    return Translated(
        exercises=tuple(_translate(e, content.exercises[e.id]) for e in catalog),
        disclaimer=content.disclaimer,
        safety=content.safety,
        license=content.license,
        origins=origins,
    )


def _translate(exercise: Exercise, text: ExerciseText) -> Exercise:
    return attrs.evolve(
        exercise,
        name=text.name,
        aliases=text.aliases,
        summary=text.summary,
        steps=text.steps,
        cautions=text.cautions,
        progressions=tuple(
            attrs.evolve(progression, when=words.when)
            for progression, words in zip(exercise.progressions, text.progressions, strict=True)
        ),
    )
