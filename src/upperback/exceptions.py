"""Exceptions raised by upperback.

Every exception derives from :class:`UpperbackError`. Each one also derives
from the builtin that fits it, so callers can catch either: an unknown
exercise id is a :class:`KeyError`, an invalid catalog a :class:`ValueError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from typing_extensions import Self

    from .program import Omission

__all__ = [
    "CatalogError",
    "DataError",
    "IncompleteHandoutError",
    "InvalidConstraintError",
    "InvalidOptionError",
    "MissingExtraError",
    "MissingTranslationError",
    "NoEligibleExercisesError",
    "NoFigureError",
    "Problem",
    "TemplateError",
    "UnknownExerciseError",
    "UnknownFormatError",
    "UnknownLocaleError",
    "UnknownVocabularyError",
    "UpperbackError",
]


#: The most problems a message lists; :attr:`DataError.problems` keeps them all.
MAX_LISTED_PROBLEMS = 50
#: The longest line a problem takes in a message, in characters.
MAX_PROBLEM_LENGTH = 300


def short_repr(value: object, limit: int = 60) -> str:
    """Return ``repr(value)`` cut to about *limit* characters, so that a message stays small.

    A value from a hostile file can be a megabyte of text or a number with
    thousands of digits; a message quotes only its start.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"a number of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
        return repr(value)[:limit] + "..."
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def describe_json(value: object) -> str:
    """Name a JSON value the way a JSON author would: ``null``, ``a list``, ``'3'``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return short_repr(value)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}")


def key_path(path: str, key: str) -> str:
    r"""``$.key`` for a plain key; ``$["odd key"]`` for any other, cut short.

    An odd key is quoted as JSON with every character outside ASCII
    escaped, so a key holding ESC, BEL or a bidi control prints as
    ``\u001b``, never as the control itself.
    """
    if _NAME.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key[:60])}]"


def _cut(text: str, limit: int = MAX_PROBLEM_LENGTH) -> str:
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


class UpperbackError(Exception):
    """Base class of every error that upperback raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with a catalog.

    Args:
        path: Where it is, as a JSON path from the document root, such as
            ``$.exercises[3].dosage.sets``.
        message: What was expected and what was found.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DataError(UpperbackError, ValueError):
    """Data is invalid; ``problems`` lists everything wrong with it.

    Raised by :func:`upperback.loads` for any type. Every problem that can
    be found is collected before raising, so one run tells you everything
    to fix.

    Attributes:
        problems: Each problem, with the JSON path where it is.
        source: The file that was loaded, or ``None`` for data that did
            not come from a file.
    """

    _what: str = "data"

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source: str | None = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self._what} in {self.source!r}" if self.source else self._what
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"invalid {_cut(where)} ({count} {noun}):"]
        lines.extend(f"  {_cut(str(problem))}" for problem in self.problems[:MAX_LISTED_PROBLEMS])
        if count > MAX_LISTED_PROBLEMS:
            lines.append(f"  ... and {count - MAX_LISTED_PROBLEMS} more")
        return "\n".join(lines)

    def with_source(self, source: str) -> Self:
        """Return the same error, naming *source* as the file it came from."""
        return type(self)(self.problems, source)


class CatalogError(DataError):
    """A catalog is invalid; ``problems`` lists everything wrong with it.

    The loader never half-loads: a catalog with any problem is not loaded
    at all, and nothing loaded before is changed.
    """

    _what: str = "catalog"


class UnknownExerciseError(UpperbackError, KeyError):
    """No exercise has the id that was asked for.

    Attributes:
        exercise_id: The id that was not found.
        suggestions: Known ids that look like it, closest first.
    """

    def __init__(self, exercise_id: str, suggestions: Sequence[str] = ()) -> None:
        self.exercise_id: str = exercise_id
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        super().__init__(exercise_id)

    def __str__(self) -> str:
        message = f"no exercise with id {short_repr(self.exercise_id)}"
        if self.suggestions:
            options = " or ".join(repr(s) for s in self.suggestions)
            message += f"; did you mean {options}?"
        return message


class NoFigureError(UpperbackError, LookupError):
    """An exercise has no figure to draw.

    Attributes:
        exercise_id: The exercise without a figure.

    .. versionadded:: 0.1.0
    """

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id: str = exercise_id
        super().__init__(exercise_id)

    def __str__(self) -> str:
        return f"exercise {self.exercise_id!r} has no figure to draw"


class NoDosageError(UpperbackError, LookupError):
    """An exercise's catalog does not say how much to do.

    Raised by :meth:`upperback.Exercise.require_dosage`. The bundled catalog
    gives every exercise a dosage; a user catalog may leave it out.

    Attributes:
        exercise_id: The exercise without a dosage.

    .. versionadded:: 0.1.0
    """

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id: str = exercise_id
        super().__init__(exercise_id)

    def __str__(self) -> str:
        return (
            f"exercise {self.exercise_id!r} has no dosage: its catalog does not say how much "
            "to do; a provider can give one with build_program(dosages={...})"
        )


#: How many valid slugs an "unknown term" message lists; the error holds all.
MAX_LISTED_TERMS = 40


class UnknownVocabularyError(UpperbackError, ValueError):
    """A position, equipment, category or region slug is not one we know.

    Attributes:
        kind: What sort of word it was meant to be, such as ``"position"``.
        value: The value that was given.
        valid: Every valid slug of that kind.
        suggestions: Valid slugs that look like the value, closest first.
    """

    def __init__(
        self, kind: str, value: object, valid: Sequence[str], suggestions: Sequence[str] = ()
    ) -> None:
        self.kind: str = kind
        self.value: object = value
        self.valid: tuple[str, ...] = tuple(valid)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        message = f"unknown {kind} {short_repr(value)}"
        if self.suggestions:
            message += f" (did you mean {short_repr(self.suggestions[0])}?)"
        message += "; expected one of: " + ", ".join(
            slug if len(slug) <= 40 else f"{slug[:37]}..." for slug in self.valid[:MAX_LISTED_TERMS]
        )
        more = len(self.valid) - MAX_LISTED_TERMS
        if more > 0:
            message += f" and {more} more (the error's valid attribute holds them all)"
        super().__init__(message)


class UnknownLocaleError(UpperbackError, ValueError):
    """The language asked for is not one the package has.

    Attributes:
        locale: The language tag that was asked for.
        available: Every language tag the package has, such as ``("en", "es")``.
    """

    def __init__(self, locale: object, available: Sequence[str]) -> None:
        self.locale: object = locale
        self.available: tuple[str, ...] = tuple(available)
        super().__init__(
            f"unknown language {short_repr(locale)}; available: " + ", ".join(self.available)
        )


class MissingTranslationError(UpperbackError, LookupError):
    """A catalog cannot be given in a language: some of its text has no translation.

    A catalog is never half translated: a handout in two languages could
    be misread. The bundled content files translate the bundled
    exercises; a catalog of your own needs a content file of its own
    (see :meth:`upperback.Catalog.localized`).

    Attributes:
        locale: The language that was asked for.
        exercise_ids: The exercises without a translation, in catalog order.
        texts: Other text without a translation: ``"disclaimer"``,
            ``"safety"`` or ``"license"``.

    .. versionadded:: 0.1.0
    """

    def __init__(self, locale: str, exercise_ids: Sequence[str], texts: Sequence[str] = ()) -> None:
        self.locale: str = locale
        self.exercise_ids: tuple[str, ...] = tuple(exercise_ids)
        self.texts: tuple[str, ...] = tuple(texts)
        super().__init__(locale)

    def __str__(self) -> str:
        parts = []
        if self.exercise_ids:
            noun = "exercise" if len(self.exercise_ids) == 1 else "exercises"
            shown = ", ".join(short_repr(i) for i in self.exercise_ids[:MAX_LISTED_PROBLEMS])
            more = len(self.exercise_ids) - MAX_LISTED_PROBLEMS
            parts.append(f"{noun} {shown}" + (f" and {more} more" if more > 0 else ""))
        if self.texts:
            parts.append("the catalog's " + ", ".join(self.texts))
        return (
            f"no {self.locale!r} translation of "
            + " and of ".join(parts)
            + "; the bundled translations cover only the bundled exercises: give a catalog "
            "of your own its own content file (Catalog.localized(locale, content=...)), "
            "and localize catalogs before merging them"
        )


class InvalidConstraintError(UpperbackError, ValueError):
    """An argument to the program builder or to ``adapt`` makes no sense.

    For example 0 weeks, negative minutes, or an unknown id in ``include``.
    """


#: How many omissions a "no exercise fits" message lists; the error holds all.
MAX_LISTED_OMISSIONS = 20


class NoEligibleExercisesError(UpperbackError, ValueError):
    """The constraints leave no exercise to do.

    Attributes:
        omitted: Every exercise, with the constraint that removed it.
    """

    def __init__(self, omitted: Sequence[Omission]) -> None:
        self.omitted: tuple[Omission, ...] = tuple(omitted)
        lines = ["no exercise fits these constraints:"]
        lines.extend(f"  {o.exercise}: {o.detail}" for o in self.omitted[:MAX_LISTED_OMISSIONS])
        more = len(self.omitted) - MAX_LISTED_OMISSIONS
        if more > 0:
            lines.append(f"  ... and {more} more (see the error's omitted attribute)")
        super().__init__("\n".join(lines))


class UnknownFormatError(UpperbackError, ValueError):
    """The format asked for is not one we can render.

    Attributes:
        format: The format that was asked for.
        valid: Every format we can render.
    """

    def __init__(self, format: object, valid: Sequence[str]) -> None:  # noqa: A002 - mirrors render()
        self.format: object = format
        self.valid: tuple[str, ...] = tuple(valid)
        super().__init__(
            f"unknown format {short_repr(format)}; expected one of: " + ", ".join(self.valid)
        )


class MissingExtraError(UpperbackError, ImportError):
    """An optional dependency is not installed.

    HTML handouts need Jinja2, which comes with the ``html`` extra.

    Attributes:
        extra: The extra to install, such as ``"html"``.
    """

    def __init__(self, extra: str, package: str) -> None:
        self.extra: str = extra
        super().__init__(
            f'{package} is needed for this; install it with: pip install "upperback[{extra}]"',
            name=package,
        )


class IncompleteHandoutError(UpperbackError, ValueError):
    """A handout left out something every handout must carry.

    Our own templates never do; a template from ``template_dir`` that drops
    the disclaimer, a safety line, a citation, the source credit or the
    data version raises this instead of producing the handout.

    Attributes:
        missing: What was left out, word for word.
    """

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing: tuple[str, ...] = tuple(missing)
        lines = ["the handout leaves out text every handout must carry:"]
        lines.extend(f"  {_cut(text)}" for text in self.missing[:MAX_LISTED_PROBLEMS])
        more = len(self.missing) - MAX_LISTED_PROBLEMS
        if more > 0:
            lines.append(f"  ... and {more} more (the error's missing attribute holds them all)")
        super().__init__("\n".join(lines))


class InvalidOptionError(UpperbackError, ValueError):
    """A handout option cannot be printed as given.

    Raised by :class:`upperback.HandoutOptions` for a personal detail that
    holds a control character or is too long, a date that is not a date,
    or an unknown paper size.

    Attributes:
        option: The option's name, such as ``"patient"``.
    """

    def __init__(self, option: str, message: str) -> None:
        self.option: str = option
        super().__init__(f"{option}: {message}")


class TemplateError(UpperbackError, ValueError):
    """A template from ``template_dir`` cannot be used.

    Raised for a Jinja2 syntax error, a missing template, an undefined
    name, an unsafe operation refused by the sandbox, and a
    ``template_dir`` given for a format that uses no templates.

    Attributes:
        template: The template's name, when the error is in one.
        line: The line of the template, when known.
    """

    def __init__(self, message: str, template: str | None = None, line: int | None = None) -> None:
        self.template: str | None = template
        self.line: int | None = line
        where = ""
        if template is not None:
            where = f"{template}, line {line}: " if line is not None else f"{template}: "
        super().__init__(f"template_dir: {where}{message}")
