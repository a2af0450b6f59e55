"""Exceptions raised by upperback.

Every exception derives from :class:`UpperbackError`. Each one also derives
from the builtin that fits it, so callers can catch either: an unknown
exercise id is a :class:`KeyError`, an invalid catalog a :class:`ValueError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypedDict

import attrs

if TYPE_CHECKING:
    from typing_extensions import Self

    from .program import Omission

__all__ = [
    "CatalogError",
    "DataError",
    "ErrorDetails",
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


#: The longest text an error's ``input`` quotes; the most items of a list or object.
_INPUT_TEXT = 100
_INPUT_ITEMS = 10


def short_input(value: object, depth: int = 2) -> object:  # noqa: PLR0911 - one return a kind
    """Return *value* cut down to a small JSON value, for an error's ``input``.

    Text is cut to 100 characters, a list or object to its first 10 items
    (and two levels deep), a huge number to its description; anything that
    is not a JSON value becomes its short ``repr``.
    """
    if value is None or isinstance(value, bool | float):
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= 200 else short_repr(value)
    if isinstance(value, str):
        return value if len(value) <= _INPUT_TEXT else value[:_INPUT_TEXT] + "..."
    if isinstance(value, list | tuple):
        if depth == 0:
            return "..." if value else []
        items = [short_input(item, depth - 1) for item in value[:_INPUT_ITEMS]]
        return [*items, "..."] if len(value) > _INPUT_ITEMS else items
    if isinstance(value, dict):
        if depth == 0:
            return "..." if value else {}
        shown = list(value.items())[:_INPUT_ITEMS]
        cut = {str(short_input(k, 0)): short_input(v, depth - 1) for k, v in shown}
        if len(value) > _INPUT_ITEMS:
            cut["..."] = f"{len(value) - _INPUT_ITEMS} more"
        return cut
    return short_repr(value)


class ErrorDetails(TypedDict):
    """One problem of an error, as :meth:`UpperbackError.errors` lists it.

    The shape of pydantic's ``ValidationError.errors()``, so that a web
    app can return it as it is. Every value is plain JSON data.

    .. versionadded:: 0.1.0
    """

    #: The place of the problem, as keys and list indexes from the
    #: document's root, or the name of the argument, such as
    #: ``("exercises", 3, "id")`` or ``("minutes_per_session",)``; empty
    #: when it is about the whole.
    loc: tuple[str | int, ...]
    #: A stable code for the kind of problem, such as ``"missing"``; see
    #: the table in the docs. Codes are never renamed.
    type: str
    #: What is wrong, in words (English, or the language in use).
    msg: str
    #: The value that was wrong, shortened; ``None`` when there is none.
    input: object


class UpperbackError(Exception):
    """Base class of every error that upperback raises on purpose.

    :meth:`errors` lists its problems in a form a program can read.
    """

    #: The stable code of this kind of error, the ``type`` of
    #: :meth:`~upperback.UpperbackError.errors`.
    code: str = "error"
    #: The argument or field the error is about, as the ``loc`` of
    #: :meth:`~upperback.UpperbackError.errors`; empty when it is about the
    #: whole call.
    loc: tuple[str | int, ...] = ()
    #: The language in use where the error was raised (``None``: English).
    _locale: str | None = None

    def errors(self, *, locale: str | None = None) -> list[ErrorDetails]:
        """Return the problems of this error as plain data, one dict each.

        Each dict has ``loc``, ``type``, ``msg`` and ``input`` (see
        :class:`ErrorDetails`), as pydantic's ``ValidationError.errors()``
        has, so a web app can return the list in a 400 or 422 response.

        Args:
            locale: The language of ``msg`` for the errors a person acting
                on a request sees (an unknown term, a number out of range,
                no exercise that fits). Default: the language in use where
                the error was raised, such as that of the catalog given to
                :func:`~upperback.build_program`; English otherwise.
                Other messages are in English.

        .. versionadded:: 0.1.0
        """
        return [
            ErrorDetails(
                loc=self.loc,
                type=self.code,
                msg=self._person_message(locale or self._locale) or str(self),
                input=short_input(self._input()),
            )
        ]

    def _input(self) -> object:
        """The value that was wrong, for :meth:`errors`."""
        return None

    def _person_message(self, locale: str | None) -> str | None:
        """The message for a person, in *locale*; ``None`` where there is none but ``str()``."""
        del locale
        return None


_LOC_PART = re.compile(r'\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def path_to_loc(path: str) -> tuple[str | int, ...]:
    """``$.exercises[3].id`` as ``("exercises", 3, "id")``; what cannot be read stays one key."""
    if path == "$":
        return ()
    if not path.startswith("$"):
        return (path,)
    loc: list[str | int] = []
    at = 1
    while at < len(path):
        match = _LOC_PART.match(path, at)
        if match is None:
            loc.append(path[at:])
            break
        name, index, quoted = match.groups()
        if name is not None:
            loc.append(name)
        elif index is not None:
            loc.append(int(index))
        else:
            loc.append(json.loads(quoted))
        at = match.end()
    return tuple(loc)


@attrs.frozen
class Problem:
    """One thing wrong with a catalog or other data.

    Args:
        path: Where it is, as a JSON path from the document root, such as
            ``$.exercises[3].dosage.sets``.
        message: What was expected and what was found.
        code: The stable code of the kind of problem, such as
            ``"missing"`` (see :meth:`UpperbackError.errors`).
        input: The value that was wrong, if known (shortened when listed).
    """

    path: str
    message: str
    code: str = attrs.field(default="invalid_value", kw_only=True, eq=False)
    input: object = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The path as a tuple of keys and indexes, such as ``("exercises", 3, "id")``."""
        return path_to_loc(self.path)

    def details(self) -> ErrorDetails:
        """This problem as one dict of :meth:`UpperbackError.errors`."""
        return ErrorDetails(
            loc=self.loc, type=self.code, msg=self.message, input=short_input(self.input)
        )


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
    code: str = "invalid_data"

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

    def errors(self, *, locale: str | None = None) -> list[ErrorDetails]:
        """Return one dict per problem, in order: see :meth:`UpperbackError.errors`.

        ``loc`` is the problem's path as a tuple: ``$.exercises[3].id`` is
        ``("exercises", 3, "id")``. The messages are in English.
        """
        del locale
        return [problem.details() for problem in self.problems]


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

    code = "unknown_exercise"

    def _input(self) -> object:
        return self.exercise_id

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


class _ExerciseLacksError(UpperbackError, LookupError):
    """An exercise lacks what the caller asked of it; it is named by its id."""

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id: str = exercise_id
        super().__init__(exercise_id)

    def _input(self) -> object:
        return self.exercise_id


class NoFigureError(_ExerciseLacksError):
    """An exercise has no figure to draw.

    Attributes:
        exercise_id: The exercise without a figure.

    .. versionadded:: 0.1.0
    """

    code = "no_figure"

    def __str__(self) -> str:
        return f"exercise {self.exercise_id!r} has no figure to draw"


class NoDosageError(_ExerciseLacksError):
    """An exercise's catalog does not say how much to do.

    Raised by :meth:`upperback.Exercise.require_dosage`. The bundled catalog
    gives every exercise a dosage; a user catalog may leave it out.

    Attributes:
        exercise_id: The exercise without a dosage.

    .. versionadded:: 0.1.0
    """

    code = "no_dosage"

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

    code = "unknown_term"

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
        message += "; expected one of: " + _listed_terms(self.valid)
        more = len(self.valid) - MAX_LISTED_TERMS
        if more > 0:
            message += f" and {more} more (the error's valid attribute holds them all)"
        super().__init__(message)

    def _input(self) -> object:
        return self.value

    def _person_message(self, locale: str | None) -> str | None:
        from ._i18n import translations  # noqa: PLC0415 - gettext only when asked

        t = translations(locale)
        unknown = {
            "equipment": t.gettext("We do not know the equipment %(value)s."),
            "position": t.gettext("We do not know the position %(value)s."),
            "region": t.gettext("We do not know the body region %(value)s."),
            "category": t.gettext("We do not know the kind of exercise %(value)s."),
            "feedback": t.gettext("We do not know the answer %(value)s."),
        }.get(self.kind)
        if unknown is None:
            return None
        # "unknown" is what a catalog says when it does not know: never a choice.
        suggestions = [term for term in self.suggestions if term != "unknown"]
        valid = [term for term in self.valid if term != "unknown"]
        parts = [unknown % {"value": short_repr(self.value)}]
        if suggestions:
            parts.append(t.gettext("Did you mean %(term)s?") % {"term": short_repr(suggestions[0])})
        terms = _listed_terms(valid)
        more = len(valid) - MAX_LISTED_TERMS
        if more > 0:  # as short as str(): a catalog may declare thousands of terms
            choose = t.ngettext(
                "Choose from: %(terms)s and %(count)s more.",
                "Choose from: %(terms)s and %(count)s more.",
                more,
            )
            parts.append(choose % {"terms": terms, "count": more})
        else:
            parts.append(t.gettext("Choose from: %(terms)s.") % {"terms": terms})
        return " ".join(parts)


def _listed_terms(valid: Sequence[str]) -> str:
    """The first :data:`MAX_LISTED_TERMS` of *valid*, each cut to 40 characters."""
    return ", ".join(
        slug if len(slug) <= 40 else f"{slug[:37]}..." for slug in valid[:MAX_LISTED_TERMS]
    )


class UnknownLocaleError(UpperbackError, ValueError):
    """The language asked for is not one the package has.

    Attributes:
        locale: The language tag that was asked for.
        available: Every language tag the package has, such as ``("en", "es")``.
    """

    code = "unknown_locale"
    loc: tuple[str | int, ...] = ("locale",)

    def _input(self) -> object:
        return self.locale

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

    code = "missing_translation"
    loc: tuple[str | int, ...] = ("locale",)

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


#: A message that starts with the argument it is about: ``"weeks: expected ..."``.
_FIELD_FIRST = re.compile(r"([a-z_][a-z0-9_]*): (.+)", re.DOTALL)


class InvalidConstraintError(UpperbackError, ValueError):
    """An argument to the program builder or to ``adapt`` makes no sense.

    For example 0 weeks, negative minutes, or an unknown id in ``include``.
    ``str()`` reads ``"field: what is wrong"``.

    Args:
        field: The argument, such as ``"minutes_per_session"``; ``None``
            when the error is about the call as a whole.
        message: What is wrong with it.
        code: The ``type`` of :meth:`~UpperbackError.errors` (see the
            table of codes in the docs), such as ``"out_of_range"``.
        input: The value that was given.
        low: The smallest value allowed, for ``out_of_range``.
        high: The largest value allowed, for ``out_of_range``.

    Attributes:
        field: The argument the error is about, or ``None``.
        reason: What is wrong with it, without the argument's name.

    .. versionchanged:: 0.1.0
       The error names its *field*, and has a *code* and *input*.
    """

    code: str = "invalid_constraint"

    def __init__(  # noqa: PLR0913 - what a program reads of the error
        self,
        field: str | None,
        message: str | None = None,
        *,
        code: str = "invalid_constraint",
        input: object = None,  # noqa: A002 - the key of errors()
        low: int | None = None,
        high: int | None = None,
        locale: str | None = None,
    ) -> None:
        reason = message
        if reason is None:  # the message alone: "field: what is wrong", or no field
            named = _FIELD_FIRST.fullmatch(field or "")
            field, reason = (named[1], named[2]) if named else (None, field or "")
        self.field: str | None = field
        self.reason: str = reason
        self.code = code
        self.input: object = input
        self.low: int | None = low
        self.high: int | None = high
        self._locale = locale
        if field is not None:
            self.loc: tuple[str | int, ...] = (field,)
        super().__init__(f"{field}: {reason}" if field else reason)

    def _input(self) -> object:
        return self.input

    def _person_message(self, locale: str | None) -> str | None:
        if self.code != "out_of_range" or self.low is None or self.high is None:
            return None
        from ._i18n import translations  # noqa: PLC0415 - gettext only when asked

        t = translations(locale)
        sentence = {
            "minutes_per_session": t.gettext(
                "The minutes for each session must be a whole number from %(low)s to %(high)s."
            ),
            "sessions_per_week": t.gettext(
                "The sessions each week must be a whole number from %(low)s to %(high)s."
            ),
            "weeks": t.gettext("The weeks must be a whole number from %(low)s to %(high)s."),
        }.get(self.field or "")
        return None if sentence is None else sentence % {"low": self.low, "high": self.high}


#: How many omissions a "no exercise fits" message lists; the error holds all.
MAX_LISTED_OMISSIONS = 20


class NoEligibleExercisesError(UpperbackError, ValueError):
    """The constraints leave no exercise to do.

    Attributes:
        omitted: Every exercise, with the constraint that removed it.
    """

    code = "no_eligible_exercises"

    def __init__(
        self,
        omitted: Sequence[Omission],
        *,
        explain: Callable[[Omission, str | None], str] | None = None,
        locale: str | None = None,
    ) -> None:
        self.omitted: tuple[Omission, ...] = tuple(omitted)
        self._explain = explain
        self._locale = locale
        super().__init__(self._lines("no exercise fits these constraints:", None))

    def _lines(self, headline: str, locale: str | None) -> str:
        lines = [headline]
        for omission in self.omitted[:MAX_LISTED_OMISSIONS]:
            detail = omission.detail
            if locale is not None and self._explain is not None:
                detail = self._explain(omission, locale)
            lines.append(f"  {omission.exercise}: {detail}")
        more = len(self.omitted) - MAX_LISTED_OMISSIONS
        if more > 0 and locale is None:
            lines.append(f"  ... and {more} more (see the error's omitted attribute)")
        elif more > 0:  # the person's message, in the person's language
            from ._i18n import translations  # noqa: PLC0415 - gettext only when asked

            t = translations(locale)
            rest = t.ngettext("... and %(count)s more", "... and %(count)s more", more)
            lines.append("  " + rest % {"count": more})
        return "\n".join(lines)

    def _person_message(self, locale: str | None) -> str | None:
        if locale is None or locale == "en":
            return None
        from ._i18n import translations  # noqa: PLC0415 - gettext only when asked

        headline = translations(locale).gettext("No exercise fits these choices:")
        return self._lines(headline, locale)


class UnknownFormatError(UpperbackError, ValueError):
    """The format asked for is not one we can render.

    Attributes:
        format: The format that was asked for.
        valid: Every format we can render.
    """

    code = "unknown_format"
    loc: tuple[str | int, ...] = ("format",)

    def _input(self) -> object:
        return self.format

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

    code = "missing_extra"

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

    code = "incomplete_handout"

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
        option: The option's name, such as ``"patient"``: also
            :attr:`field`, and the ``loc`` of :meth:`~UpperbackError.errors`.
        reason: What is wrong with it, without the option's name.
        input: The value that was given.
    """

    code = "invalid_option"

    def __init__(
        self,
        option: str,
        message: str,
        *,
        input: object = None,  # noqa: A002 - the key of errors()
    ) -> None:
        self.option: str = option
        self.reason: str = message
        self.input: object = input
        self.loc: tuple[str | int, ...] = (option,)
        super().__init__(f"{option}: {message}")

    @property
    def field(self) -> str:
        """The option's name, as :attr:`InvalidConstraintError.field` names an argument."""
        return self.option

    def _input(self) -> object:
        return self.input


class TemplateError(UpperbackError, ValueError):
    """A template from ``template_dir`` cannot be used.

    Raised for a Jinja2 syntax error, a missing template, an undefined
    name, an unsafe operation refused by the sandbox, and a
    ``template_dir`` given for a format that uses no templates.

    Attributes:
        template: The template's name, when the error is in one.
        line: The line of the template, when known.
    """

    code = "template_error"
    loc: tuple[str | int, ...] = ("template_dir",)

    def __init__(self, message: str, template: str | None = None, line: int | None = None) -> None:
        self.template: str | None = template
        self.line: int | None = line
        where = ""
        if template is not None:
            where = f"{template}, line {line}: " if line is not None else f"{template}: "
        super().__init__(f"template_dir: {where}{message}")
