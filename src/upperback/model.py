"""The domain model: frozen, typed records of exercises and their dosage.

Nothing here reads files. Every class validates its values when it is
built, so an object that exists is an object that makes sense: a dosage
cannot have zero sets, a range cannot run backwards, an exercise cannot
have no steps.

Vocabulary (positions, equipment, categories, regions) are string enums
whose values are stable slugs such as ``"lying-on-stomach"``. Use
``Position.parse("standing")`` to turn a slug into a member with a clear
error for a typo.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .exceptions import UnknownVocabularyError

__all__ = [
    "Author",
    "Category",
    "Dosage",
    "Equipment",
    "Exercise",
    "Frequency",
    "Hold",
    "HoldUnit",
    "Identifier",
    "IdentifierScheme",
    "Load",
    "Period",
    "Position",
    "Progression",
    "ProgressionKind",
    "Range",
    "Reference",
    "ReferenceKind",
    "Region",
    "Requirement",
    "Source",
    "Step",
]

#: The largest count, hold or set number a catalog may hold. Nothing in a
#: home program comes near it; it stops typos such as ``150`` for ``15``
#: turning into a plan.
MAX_COUNT = 100

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

if TYPE_CHECKING:
    from typing_extensions import Self


class FieldError(ValueError):
    """A value failed a validator; *field* names the attribute, if one."""

    def __init__(self, field: str | None, message: str) -> None:
        self.field = field
        super().__init__(message)


class _Vocabulary(str, enum.Enum):
    """A string enum whose values are slugs; the base of every vocabulary."""

    def __str__(self) -> str:
        return str.__str__(self)

    @classmethod
    def _kind(cls) -> str:
        return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()

    @classmethod
    def parse(cls, value: str | Self) -> Self:
        """Return the member for *value*, a member or its slug.

        Raises:
            UnknownVocabularyError: *value* is not a known slug. The error
                lists the valid slugs and suggests the closest.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        valid = [member.value for member in cls]
        close = difflib.get_close_matches(str(value), valid, n=3, cutoff=0.5)
        raise UnknownVocabularyError(cls._kind(), value, valid, close)


class Position(_Vocabulary):
    """A body position an exercise can be done in."""

    STANDING = "standing"
    SITTING = "sitting"
    LYING_ON_STOMACH = "lying-on-stomach"
    #: Sitting on the floor with the legs straight out in front.
    LONG_SITTING = "long-sitting"
    HANDS_AND_KNEES = "hands-and-knees"


class Equipment(_Vocabulary):
    """Something an exercise needs: a piece of kit or a place."""

    DOORWAY = "doorway"
    WALL_CORNER = "wall-corner"
    WALL = "wall"
    CHAIR = "chair"
    PILLOW = "pillow"
    FIRM_SURFACE = "firm-surface"
    FLOOR_SPACE = "floor-space"
    ELASTIC_BAND = "elastic-band"
    #: A door used to anchor a band.
    DOOR = "door"
    #: Any object that will not move when a band is pulled.
    STURDY_ANCHOR = "sturdy-anchor"
    SOUP_CANS = "soup-cans"
    SMALL_WEIGHTS = "small-weights"


class Category(_Vocabulary):
    """What kind of work an exercise does, and so where it goes in a session.

    - ``stretch``: a position held still to lengthen muscles. The
      pectoralis stretch and the thoracic stretch hold a position for
      seconds or a count.
    - ``mobility``: the spine or shoulders moved through their range,
      without holding and without resistance. The thoracic extension
      arches the upper back; the arm slide on wall moves the shoulders up
      a wall and back.
    - ``strengthening``: muscles work against gravity, a load or a band
      for sets of repetitions. The scapular squeeze, the mid-trap exercise
      and the rowing exercise all pull the shoulder blades together, in
      sets.
    - ``stabilization``: the trunk is held steady while the limbs move. The
      quadruped arm and leg raise keeps the belly tight while an arm and
      the opposite leg lift.
    """

    STRETCH = "stretch"
    MOBILITY = "mobility"
    STRENGTHENING = "strengthening"
    STABILIZATION = "stabilization"


class Region(_Vocabulary):
    """A part of the body an exercise works on."""

    CHEST = "chest"
    SHOULDERS = "shoulders"
    SHOULDER_BLADES = "shoulder-blades"
    UPPER_BACK = "upper-back"
    NECK = "neck"
    CORE = "core"


class HoldUnit(_Vocabulary):
    """How a hold is measured: by the clock or by counting."""

    SECONDS = "seconds"
    #: Counted out loud or in the head, as in "hold for a count of 15".
    COUNTS = "counts"


class Period(_Vocabulary):
    """The period a frequency is counted in."""

    DAY = "day"
    WEEK = "week"


class ProgressionKind(_Vocabulary):
    """What a progression changes."""

    #: Hold something heavier; :attr:`Progression.load` says what.
    ADD_LOAD = "add-load"
    #: Do more repetitions, within the range the dosage gives.
    MORE_REPS = "more-reps"
    #: Hold longer, within the range the dosage gives.
    LONGER_HOLD = "longer-hold"
    #: Move on to another exercise; :attr:`Progression.exercise` names it.
    NEXT_EXERCISE = "next-exercise"


class ReferenceKind(_Vocabulary):
    """The kind of work a reference points to."""

    BOOK = "book"
    ARTICLE = "article"


class IdentifierScheme(_Vocabulary):
    """A scheme for identifying a published work."""

    DOI = "doi"
    PMID = "pmid"
    ISBN = "isbn"


# -- validators ------------------------------------------------------------


def _text(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Text must be a non-empty single line without outer white space."""
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
    if not value.strip():
        raise FieldError(attribute.name, "expected text, got an empty string")
    if value != value.strip() or "\n" in value:
        raise FieldError(attribute.name, f"expected one line without outer spaces, got {value!r}")


def _optional_text(instance: object, attribute: attrs.Attribute[str], value: str | None) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _slug(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise FieldError(
            attribute.name,
            f"expected a slug of lowercase letters, digits and single hyphens, got {value!r}",
        )


def _count(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """A whole number from 1 to MAX_COUNT; bools are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(attribute.name, f"expected an int >= 1, got {value!r}")
    if value < 1:
        raise FieldError(attribute.name, f"expected an int >= 1, got {value}")
    if value > MAX_COUNT:
        raise FieldError(attribute.name, f"expected an int <= {MAX_COUNT}, got {value}")


def _non_empty(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    if not value:
        raise FieldError(attribute.name, "expected at least one item, got none")


def _unique(_instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    seen: set[object] = set()
    for item in value:
        if item in seen:
            raise FieldError(attribute.name, f"expected no repeats, got {str(item)!r} twice")
        seen.add(item)


def _members(kind: type[_Vocabulary]) -> attrs.validators._ValidatorType[object]:  # type: ignore[name-defined]
    return attrs.validators.deep_iterable(attrs.validators.instance_of(kind))


# -- numbers ---------------------------------------------------------------


@attrs.frozen
class Range:
    """A whole-number range, ``low`` to ``high`` inclusive; an exact count has ``low == high``.

    In catalog files an exact count is written as a bare number (``15``)
    and a range as ``{"low": 8, "high": 12}``.
    """

    low: int = attrs.field(validator=_count)
    high: int = attrs.field(validator=_count)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise FieldError(None, f"expected low <= high, got low={self.low}, high={self.high}")

    @classmethod
    def exact(cls, value: int) -> Range:
        """Return the range that holds only *value*."""
        return cls(value, value)

    @property
    def is_exact(self) -> bool:
        """Whether the range holds a single number."""
        return self.low == self.high

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def describe(self) -> str:
        """Return ``"15"`` or ``"8 to 12"``."""
        return str(self.low) if self.is_exact else f"{self.low} to {self.high}"


@attrs.frozen
class Hold:
    """How long to hold a position, in seconds or in counts."""

    duration: Range
    unit: HoldUnit = attrs.field(validator=attrs.validators.instance_of(HoldUnit))

    def describe(self) -> str:
        """Return ``"15 to 30 seconds"`` or ``"for a count of 15"``."""
        if self.unit is HoldUnit.COUNTS:
            return f"for a count of {self.duration.describe()}"
        noun = "second" if self.duration.high == 1 else "seconds"
        return f"{self.duration.describe()} {noun}"


@attrs.frozen
class Frequency:
    """How often to do an exercise.

    ``times=None`` means the source gives no number, as in "several times
    each day".
    """

    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    times: Range | None = None

    def describe(self) -> str:
        """Return ``"several times each day"`` or ``"2 times each day"``."""
        if self.times is None:
            return f"several times each {self.period.value}"
        times = "time" if self.times.high == 1 else "times"
        return f"{self.times.describe()} {times} each {self.period.value}"


@attrs.frozen
class Load:
    """Extra weight to hold; any one of :attr:`options` will do."""

    options: tuple[Equipment, ...] = attrs.field(
        validator=[_non_empty, _unique, _members(Equipment)]
    )

    def describe(self) -> str:
        """Return ``"soup cans or small weights"``."""
        return _or(option.value.replace("-", " ") for option in self.options)


@attrs.frozen
class Dosage:
    """How much of an exercise to do in one session.

    Args:
        reps: Repetitions in each set: an exact count or a range.
        sets: How many sets.
        hold: How long to hold each repetition, or ``None`` for no hold.
        per_side: Whether the count is for each side of the body.
        frequency: How often, or ``None`` where the source does not say.
        load: Extra weight to hold, or ``None`` for none.
    """

    reps: Range
    sets: int = attrs.field(default=1, validator=_count)
    hold: Hold | None = None
    per_side: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    frequency: Frequency | None = None
    load: Load | None = None

    def describe(self) -> str:
        """Say the dosage in plain words.

        Examples: ``"2 sets of 8 to 12"``, ``"Hold 15 to 30 seconds. Do it 3
        times."``, ``"10 times on each side, holding 5 seconds"``.
        """
        reps = self.reps.describe()
        times = "time" if self.reps.high == 1 else "times"
        if self.hold is not None and self.sets == 1 and not self.per_side:
            text = f"Hold {self.hold.describe()}. Do it {reps} {times}"
            return self._tail(text) + "."
        text = f"{self.sets} sets of {reps}" if self.sets > 1 else f"{reps} {times}"
        if self.per_side:
            text += " on each side"
        if self.hold is not None:
            text += f", holding {self.hold.describe()}"
        return self._tail(text)

    def _tail(self, text: str) -> str:
        if self.load is not None:
            text += f", with {self.load.describe()} in your hands"
        if self.frequency is not None:
            text += f", {self.frequency.describe()}"
        return text


# -- exercises -------------------------------------------------------------


@attrs.frozen
class Step:
    """One action, in plain words. An exercise's steps keep their order.

    In catalog files a step is written as a plain string.
    """

    text: str = attrs.field(validator=_text)

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Requirement:
    """Something an exercise needs; any one of :attr:`any_of` will do."""

    any_of: tuple[Equipment, ...] = attrs.field(
        validator=[_non_empty, _unique, _members(Equipment)]
    )

    def is_met_by(self, available: Iterable[Equipment]) -> bool:
        """Whether one of the options is in *available*."""
        return not set(self.any_of).isdisjoint(available)

    def describe(self) -> str:
        """Return ``"a doorway or a wall corner"`` style words."""
        return _or(option.value.replace("-", " ") for option in self.any_of)


@attrs.frozen
class Progression:
    """A way to make an exercise harder once it gets easier.

    Args:
        when: When it applies, in plain words.
        kind: What changes.
        load: What to hold, for :attr:`ProgressionKind.ADD_LOAD`.
        exercise: The id of the next exercise, for
            :attr:`ProgressionKind.NEXT_EXERCISE`.
    """

    when: str = attrs.field(validator=_text)
    kind: ProgressionKind = attrs.field(validator=attrs.validators.instance_of(ProgressionKind))
    load: Load | None = None
    exercise: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))

    def __attrs_post_init__(self) -> None:
        if (self.kind is ProgressionKind.ADD_LOAD) != (self.load is not None):
            raise FieldError("load", "expected a load exactly when kind is 'add-load'")
        if (self.kind is ProgressionKind.NEXT_EXERCISE) != (self.exercise is not None):
            raise FieldError(
                "exercise", "expected an exercise id exactly when kind is 'next-exercise'"
            )

    def describe(self) -> str:
        """Say the progression in plain words."""
        change = {
            ProgressionKind.ADD_LOAD: f"hold {self.load.describe() if self.load else ''}",
            ProgressionKind.MORE_REPS: "do more repetitions, up to the top of the range",
            ProgressionKind.LONGER_HOLD: "hold longer, up to the top of the range",
            ProgressionKind.NEXT_EXERCISE: f"move on to {self.exercise}",
        }[self.kind]
        return f"{self.when[0].upper()}{self.when[1:]}: {change}."


@attrs.frozen
class Exercise:
    """One exercise of the catalog.

    Args:
        id: A stable slug; ids are public API and never change.
        name: The name patients see.
        aliases: Other names people search for, such as "bird dog".
        summary: One plain sentence on what it is for.
        category: What kind of work it does (see :class:`Category`).
        positions: Positions it can be done in; any one of them will do.
        equipment: What it needs; each requirement is met by any one of
            its options.
        regions: The parts of the body it works on.
        steps: What to do, one action a step, in order.
        dosage: How much to do.
        progressions: Ways to make it harder, in order.
        references: Ids of the :class:`Reference` records behind it.
        cautions: Safety statements for this exercise.
        can_start_now: Whether the source says it may be started right away.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    category: Category = attrs.field(validator=attrs.validators.instance_of(Category))
    positions: tuple[Position, ...] = attrs.field(
        validator=[_non_empty, _unique, _members(Position)]
    )
    steps: tuple[Step, ...] = attrs.field(validator=_non_empty)
    dosage: Dosage
    equipment: tuple[Requirement, ...] = ()
    regions: tuple[Region, ...] = attrs.field(default=(), validator=[_unique, _members(Region)])
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=[_unique, attrs.validators.deep_iterable(_text)]
    )
    progressions: tuple[Progression, ...] = ()
    references: tuple[str, ...] = attrs.field(
        default=(), validator=[_unique, attrs.validators.deep_iterable(_slug)]
    )
    cautions: tuple[str, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(_text)
    )
    can_start_now: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    @property
    def needs(self) -> frozenset[Equipment]:
        """Every piece of equipment named by any requirement."""
        return frozenset(option for req in self.equipment for option in req.any_of)

    def fits(
        self,
        equipment: Iterable[Equipment] | None = None,
        avoid_positions: Iterable[Position] = (),
    ) -> bool:
        """Whether a person with *equipment* who avoids *avoid_positions* can do it.

        ``equipment=None`` means "anything is available".
        """
        if set(self.positions) <= set(avoid_positions):
            return False
        if equipment is None:
            return True
        available = frozenset(equipment)
        return all(req.is_met_by(available) for req in self.equipment)


# -- references ------------------------------------------------------------


@attrs.frozen
class Author:
    """An author: family name and given names."""

    family: str = attrs.field(validator=_text)
    given: str = attrs.field(validator=_text)

    @property
    def initials(self) -> str:
        """Initials of the given names, without dots, such as ``"LA"``."""
        return "".join(part[0] for part in re.split(r"[\s.\-]+", self.given) if part)


@attrs.frozen
class Identifier:
    """An identifier of a published work, such as a DOI or a PMID."""

    scheme: IdentifierScheme = attrs.field(validator=attrs.validators.instance_of(IdentifierScheme))
    value: str = attrs.field(validator=_text)

    def __str__(self) -> str:
        return f"{self.scheme.value}:{self.value}"


@attrs.frozen
class Reference:
    """A published work behind the exercises.

    :meth:`cite` renders it in the AMA (11th edition) style, the one most
    US clinical handouts use.
    """

    id: str = attrs.field(validator=_slug)
    kind: ReferenceKind = attrs.field(validator=attrs.validators.instance_of(ReferenceKind))
    authors: tuple[Author, ...] = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_text)
    year: int = attrs.field(
        validator=attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1800), attrs.validators.le(2100)
        )
    )
    edition: int | None = attrs.field(default=None, validator=attrs.validators.optional(_count))
    publisher: str | None = attrs.field(default=None, validator=_optional_text)
    journal: str | None = attrs.field(default=None, validator=_optional_text)
    volume: str | None = attrs.field(default=None, validator=_optional_text)
    issue: str | None = attrs.field(default=None, validator=_optional_text)
    pages: str | None = attrs.field(default=None, validator=_optional_text)
    identifiers: tuple[Identifier, ...] = ()
    note: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.kind is ReferenceKind.ARTICLE and self.journal is None:
            raise FieldError("journal", "expected a journal for an article")
        if self.kind is ReferenceKind.BOOK and self.publisher is None:
            raise FieldError("publisher", "expected a publisher for a book")

    def identifier(self, scheme: IdentifierScheme) -> str | None:
        """Return the value of the identifier in *scheme*, if there is one."""
        return next((i.value for i in self.identifiers if i.scheme is scheme), None)

    def cite(self) -> str:
        """Return the citation, in AMA style.

        A book: ``Kisner C, Colby LA. Therapeutic Exercise: Foundations and
        Techniques. 6th ed. F. A. Davis Company; 2012.`` An article ends
        with its journal, volume, issue, pages and DOI.
        """
        names = ", ".join(f"{a.family} {a.initials}" for a in self.authors[:6])
        if len(self.authors) > 6:  # AMA lists up to six, else three and "et al"
            names = ", ".join(f"{a.family} {a.initials}" for a in self.authors[:3]) + ", et al"
        title = self.title.rstrip(".")
        if self.kind is ReferenceKind.BOOK:
            parts = [f"{names}. {title}."]
            if self.edition is not None and self.edition > 1:
                parts.append(f"{_ordinal(self.edition)} ed.")
            parts.append(f"{self.publisher}; {self.year}.")
        else:
            where = f"{self.journal}. {self.year}"
            if self.volume:
                where += f";{self.volume}"
                if self.issue:
                    where += f"({self.issue})"
            if self.pages:
                where += f":{self.pages}"
            parts = [f"{names}. {title}.", f"{where}."]
        doi = self.identifier(IdentifierScheme.DOI)
        if doi:
            parts.append(f"doi:{doi}")
        pmid = self.identifier(IdentifierScheme.PMID)
        if pmid:
            parts.append(f"PMID: {pmid}")
        return " ".join(parts)


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _or(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 2:
        return " or ".join(items)
    return ", ".join(items[:-1]) + f", or {items[-1]}"


@attrs.frozen
class Source:
    """The work a catalog's facts come from, credited in every handout."""

    title: str = attrs.field(validator=_text)
    developer: str = attrs.field(validator=_text)
    publisher: str = attrs.field(validator=_text)
    year: int = attrs.field(
        validator=attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1800), attrs.validators.le(2100)
        )
    )

    def credit(self) -> str:
        """Return a one-line credit naming the work, who made it and when."""
        return (
            f'Facts from "{self.title}", developed by {self.developer} '
            f"({self.publisher}, {self.year})."
        )
