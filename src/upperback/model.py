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

import enum
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._i18n import NC_, or_list, translations
from ._suggest import suggest
from .exceptions import NoDosageError, UnknownVocabularyError
from .exceptions import short_repr as _short

__all__ = [
    "Arm",
    "Arrow",
    "Author",
    "BodySite",
    "Category",
    "Contact",
    "Dosage",
    "Equipment",
    "Exercise",
    "Extra",
    "Figure",
    "Frequency",
    "Hold",
    "HoldUnit",
    "Identifier",
    "IdentifierScheme",
    "Joints",
    "Leg",
    "Load",
    "Period",
    "Pose",
    "Position",
    "Progression",
    "ProgressionKind",
    "Prop",
    "Range",
    "Reference",
    "ReferenceKind",
    "Region",
    "Requirement",
    "Source",
    "Step",
    "View",
    "Vocabulary",
]

#: The largest count, hold or set number a catalog may hold. Nothing in a
#: home program comes near it; it stops typos such as ``150`` for ``15``
#: turning into a plan.
MAX_COUNT = 100

#: The most steps an exercise may have, and the most characters a step may
#: hold. A home exercise has a handful of short steps (the bundled ones: at
#: most 8, of at most 90 characters); the bounds keep a hostile catalog from
#: making a handout hundreds of pages long: one exercise with 400 long steps
#: took WeasyPrint minutes to print.
MAX_STEPS = 40
MAX_STEP_LENGTH = 2_000

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

if TYPE_CHECKING:
    from typing_extensions import Self


class FieldError(ValueError):
    """A value failed a validator; *field* names the attribute, if one."""

    def __init__(self, field: str | None, message: str) -> None:
        self.field = field
        super().__init__(message)


class FieldTypeError(FieldError, TypeError):
    """A value has the wrong type; *field* names the attribute."""


#: A language tag for a term's labels in other languages, such as ``"es"``.
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")


class _Vocabulary(str, enum.Enum):
    """A string enum whose values are slugs; the base of every vocabulary.

    The built-in terms are the enum's members. The open vocabularies
    (:class:`Equipment`, :class:`Position`, :class:`Region` and
    :class:`Category`) also take a catalog's own terms, made with
    :meth:`custom`: values of the same type, which compare equal by slug
    and carry the words a handout uses. They are never members, so
    ``list(Equipment)`` stays the built-in list.
    """

    def __str__(self) -> str:
        return str.__str__(self)

    @classmethod
    def _kind(cls) -> str:
        return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()

    @classmethod
    def parse(cls, value: str | Self) -> Self:
        """Return the built-in member for *value*, a member or its slug.

        A catalog's own terms are not known here: use
        :meth:`Catalog.term <upperback.Catalog.term>`, which knows them.

        Raises:
            UnknownVocabularyError: *value* is not a known slug. The error
                lists the valid slugs and suggests the closest.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls._value2member_map_.get(value)
            if member is not None:
                return member  # type: ignore[return-value]
        raise _unknown(cls, value, ())

    @property
    def is_custom(self) -> bool:
        """Whether this is a catalog's own term rather than a built-in member."""
        return self._value_ not in type(self)._value2member_map_

    @property
    def label(self) -> str:
        """The words a handout uses for the term, such as ``"wall corner"``.

        A catalog's own term has the label it was declared with; a built-in
        one, the English words of :meth:`describe`.
        """
        declared: str | None = self.__dict__.get("_label_")
        return declared if declared is not None else self.describe()

    @property
    def labels(self) -> Mapping[str, str]:
        """A catalog term's words in other languages, by language tag; empty for built-ins."""
        declared: Mapping[str, str] = self.__dict__.get("_labels_", _NO_LABELS)
        return declared

    def _declaration(self) -> tuple[object, ...]:
        """What two declarations of one term must agree on."""
        return (self._value_, self.label, tuple(sorted(self.labels.items())))

    def __reduce_ex__(self, protocol: object) -> tuple[object, ...]:
        if self.is_custom:
            return (_restore_term, (type(self), self._declaration_kwargs()))
        return (type(self), (self._value_,))

    def _declaration_kwargs(self) -> dict[str, object]:
        return {"id": self._value_, "label": self.label, "labels": dict(self.labels)}

    @classmethod
    def _make(cls, id: str, label: str, labels: Mapping[str, str] | None) -> Self:  # noqa: A002
        if not isinstance(id, str) or not _SLUG.fullmatch(id):
            raise FieldError(
                "id", f"expected a slug of lowercase letters, digits and hyphens, got {_short(id)}"
            )
        if id in cls._value2member_map_:
            raise FieldError(
                "id", f"{id!r} is a built-in {cls._kind()}; use it without declaring it"
            )
        _check_label("label", label)
        frozen: dict[str, str] = {}
        for tag, text in dict(labels or {}).items():
            if not isinstance(tag, str) or not _LANGUAGE.fullmatch(tag):
                raise FieldError(
                    "labels", f"expected a language tag such as 'es', got {_short(tag)}"
                )
            _check_label(f"labels.{tag}", text)
            frozen[tag] = text
        term = str.__new__(cls, id)
        term._value_ = id
        term._name_ = id.upper().replace("-", "_")
        vars(term)["_label_"] = label
        vars(term)["_labels_"] = MappingProxyType(frozen) if frozen else _NO_LABELS
        return term

    def describe(self, *, locale: str | None = None) -> str:
        """Return the member in plain words, such as ``"wall corner"``.

        A catalog's own term is said with its label (in *locale* when it
        gives one); a built-in term the package has no words for, as its
        slug with spaces for hyphens.

        .. versionadded:: 0.1.0
        """
        if self.is_custom:
            # A catalog's own term: its words in *locale* if it gives them,
            # else the words in its catalog's own language.
            return self.labels.get(locale or "", self.label)
        slug = str(self.value)
        words = _WORDS.get((self._kind(), slug))
        if words is None:
            return slug.replace("-", " ")
        return translations(locale).pgettext(self._kind(), words)


_NO_LABELS: Mapping[str, str] = MappingProxyType({})


def _check_label(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise FieldError(field, f"expected words for a handout, got {_short(value)}")
    bad = forbidden_character(value)
    if bad is not None:
        raise FieldError(field, f"expected visible text, got {bad}")


def _unknown(
    cls: type[_Vocabulary], value: object, declared: Iterable[str]
) -> UnknownVocabularyError:
    valid = [*(member.value for member in cls), *declared]
    close = suggest(value, valid) if isinstance(value, str) else []
    return UnknownVocabularyError(cls._kind(), value, valid, close)


def _restore_term(cls: type[_Vocabulary], kwargs: dict[str, Any]) -> _Vocabulary:
    """Rebuild a pickled catalog term (see ``_Vocabulary.__reduce_ex__``)."""
    return cls.custom(**kwargs)  # type: ignore[attr-defined, no-any-return]


class _OpenVocabulary(_Vocabulary):
    """A vocabulary a catalog may add its own terms to."""

    @classmethod
    def custom(
        cls,
        id: str,  # noqa: A002 - the key in catalog files
        label: str | None = None,
        *,
        labels: Mapping[str, str] | None = None,
    ) -> Self:
        """Return a catalog's own term: a value of this type that is not built in.

        Args:
            id: Its slug, such as ``"barbell"``; not a built-in one.
            label: The words a handout uses, such as ``"barbell"``: a bare
                noun phrase, as the built-in terms are (``"wall corner"``),
                with no article. Default: the slug with spaces for hyphens.
            labels: The words in other languages, by language tag, such
                as ``{"es": "una barra"}``.

        Raises:
            ValueError: The id is not a slug or is built in, or a label is
                empty or holds a control character.
        """
        if label is None:
            label = id.replace("-", " ") if isinstance(id, str) else id
        return cls._make(id, label, labels)


class Position(_OpenVocabulary):
    """A body position an exercise can be done in."""

    STANDING = "standing"
    SITTING = "sitting"
    LYING_ON_STOMACH = "lying-on-stomach"
    #: Sitting on the floor with the legs straight out in front.
    LONG_SITTING = "long-sitting"
    HANDS_AND_KNEES = "hands-and-knees"
    #: The catalog does not say. The builder never chooses such an exercise
    #: for a person who avoids any position.
    UNKNOWN = "unknown"


class Equipment(_OpenVocabulary):
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
    #: The catalog does not say what is needed. This is not "needs
    #: nothing" (an empty list of requirements): the builder never chooses
    #: such an exercise, whatever the person has.
    UNKNOWN = "unknown"


class Category(_OpenVocabulary):
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

    @property
    def warm_up(self) -> bool:
        """Whether this is warm-up work, done before the main work in a session.

        Stretches and mobility work are; strengthening and stabilization
        are not. A catalog's own category says so when it is declared.
        """
        declared: bool | None = self.__dict__.get("_warm_up_")
        if declared is not None:
            return declared
        return self in (Category.STRETCH, Category.MOBILITY)

    @classmethod
    def custom(
        cls,
        id: str,  # noqa: A002 - the key in catalog files
        label: str | None = None,
        *,
        labels: Mapping[str, str] | None = None,
        warm_up: bool = False,
    ) -> Category:
        """Return a catalog's own category, as ``Equipment.custom`` returns a piece of equipment.

        Args:
            id: Its slug, such as ``"plyometrics"``.
            label: The words a handout uses.
            labels: The words in other languages, by language tag.
            warm_up: Whether it is warm-up work, done first in a session.
        """
        if not isinstance(warm_up, bool):
            raise FieldError("warm_up", f"expected true or false, got {_short(warm_up)}")
        term = super().custom(id, label, labels=labels)
        vars(term)["_warm_up_"] = warm_up
        return term

    def _declaration(self) -> tuple[object, ...]:
        return (*super()._declaration(), self.warm_up)

    def _declaration_kwargs(self) -> dict[str, object]:
        return {**super()._declaration_kwargs(), "warm_up": self.warm_up}


class Region(_OpenVocabulary):
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

#: Unicode categories no text field may hold: control characters (ESC, BEL,
#: CR, NUL...), format characters (bidi overrides, zero-width spaces, the
#: BOM), line and paragraph separators, lone surrogates and private use.
#: Each could rewrite a terminal line, change a Markdown document's shape,
#: hide a difference between two names, or fail to encode as UTF-8.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


#: Unicode's noncharacters: U+FDD0 to U+FDEF, and the last two code points
#: of every plane (U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF). They are reserved
#: for a program's own use and never mean a character: XML (an SVG picture,
#: FHIR's XHTML) refuses U+FFFE and U+FFFF. Their list is fixed forever.
_NONCHARACTERS = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)

#: Unicode's ``Default_Ignorable_Code_Point`` property, as listed in
#: ``DerivedCoreProperties.txt`` (the same from Unicode 14.0, which added
#: U+180F, to 17.0): characters a renderer draws as nothing. Many are format
#: characters, refused in every text already; the rest (combining marks
#: such as U+034F and the variation selectors, the Hangul fillers, and
#: unassigned code points kept for more of the same) would let "Rowing
#: exercise" and "Rowing exercise" plus an invisible mark be two names.
#: The standard library's ``unicodedata`` has no such property, so the
#: ranges are written out here; ``tests/test_model.py`` checks them.
_DEFAULT_IGNORABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # SOFT HYPHEN
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x061C, 0x061C),  # ARABIC LETTER MARK
    (0x115F, 0x1160),  # HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ, AA
    (0x180B, 0x180F),  # MONGOLIAN FREE VARIATION SELECTORS, VOWEL SEPARATOR
    (0x200B, 0x200F),  # ZERO WIDTH SPACE ... RIGHT-TO-LEFT MARK
    (0x202A, 0x202E),  # LEFT-TO-RIGHT EMBEDDING ... RIGHT-TO-LEFT OVERRIDE
    (0x2060, 0x206F),  # WORD JOINER ... NOMINAL DIGIT SHAPES (U+2065 unassigned)
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1 to 16
    (0xFEFF, 0xFEFF),  # ZERO WIDTH NO-BREAK SPACE (the byte order mark)
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFF8),  # unassigned
    (0x1BCA0, 0x1BCA3),  # SHORTHAND FORMAT LETTER OVERLAP ... UP STEP
    (0x1D173, 0x1D17A),  # MUSICAL SYMBOL BEGIN BEAM ... END PHRASE
    (0xE0000, 0xE0FFF),  # tags, VARIATION SELECTOR-17 to 256, and unassigned
)
_DEFAULT_IGNORABLE = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _DEFAULT_IGNORABLE_RANGES) + "]"
)


def _describe_character(char: str) -> str:
    """``U+034F COMBINING GRAPHEME JOINER``: a character named so that it shows."""
    name = unicodedata.name(char, "") if not 0xD800 <= ord(char) <= 0xDFFF else ""
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def forbidden_character(text: str) -> str | None:
    """Return a description of the first character *text* may not hold, or ``None``."""
    # str.isprintable() is False only for "Other" and "Separator" characters
    # (other than the space), so the common case costs one C call.
    if text.isprintable():
        return None
    for index, char in enumerate(text):
        if unicodedata.category(char) in _FORBIDDEN_CATEGORIES:
            label = _describe_character(char)
            return f"an invisible or control character ({label}) at position {index}"
        if _NONCHARACTERS.match(char):
            return f"a noncharacter (U+{ord(char):04X}) at position {index}"
    return None


def ignorable_character(text: str) -> str | None:
    """Describe the first default-ignorable character of *text* (drawn as nothing), or ``None``."""
    if text.isascii():
        return None
    found = _DEFAULT_IGNORABLE.search(text)
    if found is None:
        return None
    label = _describe_character(found[0])
    return f"an invisible character ({label}) at position {found.start()}"


def without_ignorable(text: str) -> str:
    """*text* without its default-ignorable characters: what a reader sees of it."""
    return _DEFAULT_IGNORABLE.sub("", text)


def _text(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """Text must be a non-empty single line of visible characters, without outer white space."""
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected text, got {type(value).__name__}")
    if not value.strip():
        raise FieldError(attribute.name, "expected text, got an empty string")
    bad = forbidden_character(value)
    if bad is not None:
        raise FieldError(attribute.name, f"expected visible text, got {bad}")
    if value != value.strip():
        raise FieldError(
            attribute.name, f"expected one line without outer spaces, got {_short(value)}"
        )


def _name(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A name or an alias: visible text, and no character that is drawn as nothing.

    Two names that differ only by such a character print alike, so a
    reader could not tell which exercise a row means.
    """
    _text(instance, attribute, value)
    bad = ignorable_character(value)
    if bad is not None:
        raise FieldError(attribute.name, f"expected a name a reader can see whole, got {bad}")


def _step_text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A step: visible text of at most :data:`MAX_STEP_LENGTH` characters."""
    _text(instance, attribute, value)
    if len(value) > MAX_STEP_LENGTH:
        raise FieldError(
            attribute.name,
            f"expected a step of at most {MAX_STEP_LENGTH} characters, got {len(value)}",
        )


def _optional_text(instance: object, attribute: attrs.Attribute[str], value: str | None) -> None:
    if value is not None:
        _text(instance, attribute, value)


#: A language tag as gettext folders name them: ``es``, ``pt_BR``, ``sr-Latn``.
_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")


#: A FHIR canonical base: an http(s) address with no query, fragment or final slash.
_CANONICAL_BASE = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*[^\s/?#])?$")


def canonical_base(
    _instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    """``None``, or an address such as ``https://clinic.example/fhir`` (at most 200 characters)."""
    if value is None:
        return
    if not isinstance(value, str) or len(value) > 200 or not _CANONICAL_BASE.fullmatch(value):
        raise FieldError(
            attribute.name,
            "expected an http(s) address such as 'https://clinic.example/fhir', with no "
            f"final slash, query or fragment, got {_short(value)}",
        )


def language_tag(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A language tag such as ``es`` or ``pt_BR``."""
    if not isinstance(value, str) or not _LANGUAGE_TAG.fullmatch(value):
        raise FieldError(
            attribute.name,
            f"expected a language tag such as 'es' or 'pt_BR', got {_short(value)}",
        )


def _slug(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise FieldError(
            attribute.name,
            f"expected a slug of lowercase letters, digits and single hyphens, got {_short(value)}",
        )


def _count(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """A whole number from 1 to MAX_COUNT; bools are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(attribute.name, f"expected an int >= 1, got {_short(value)}")
    if value < 1:
        raise FieldError(attribute.name, f"expected an int >= 1, got {_short(value)}")
    if value > MAX_COUNT:
        raise FieldError(attribute.name, f"expected an int <= {MAX_COUNT}, got {_short(value)}")


def _as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Store any sequence given to a constructor as a tuple.

    A list passed to a constructor would stay shared with the caller, who
    could append to it later; text is refused, as ``("a", "b")`` is never
    what ``"ab"`` meant.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes | bytearray | Mapping) or not isinstance(value, Iterable):
        raise FieldTypeError(None, f"expected a list, got {type(value).__name__} {_short(value)}")
    return tuple(value)


#: The validators that check only a field's type. The loader's hooks make
#: every value of its field's type, so it skips these and runs the others
#: (see ``_convert._value_checks``); constructors run them all.
_TYPE_CHECKS: set[object] = set()


def _instance(kind: type | tuple[type, ...]) -> Any:  # noqa: ANN401 - an attrs validator
    """Check the type of a field, naming it in the error."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise FieldTypeError(attribute.name, f"expected {names}, got {type(value).__name__}")

    _TYPE_CHECKS.add(check)
    return check


def _optional(kind: type) -> Any:  # noqa: ANN401 - an attrs validator
    return _instance((kind, type(None)))


def _items(kind: type) -> Any:  # noqa: ANN401 - an attrs validator
    """Check the type of every item of a tuple field, naming the field and index."""

    def check(
        _instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                raise FieldTypeError(
                    attribute.name,
                    f"expected {kind.__name__} at index {index}, got {type(item).__name__}",
                )

    _TYPE_CHECKS.add(check)
    return check


def _non_empty(
    _instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    if not value:
        raise FieldError(attribute.name, "expected at least one item, got none")


def _steps(_instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """At least one step, and at most :data:`MAX_STEPS`."""
    if not value:
        raise FieldError(attribute.name, "expected at least one item, got none")
    if len(value) > MAX_STEPS:
        raise FieldError(attribute.name, f"expected at most {MAX_STEPS} steps, got {len(value)}")


def _unique(_instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    seen: set[object] = set()
    for item in value:
        if item in seen:
            raise FieldError(attribute.name, f"expected no repeats, got {_short(str(item))} twice")
        seen.add(item)


def _members(kind: type[_Vocabulary]) -> Any:  # noqa: ANN401 - an attrs validator
    return _items(kind)


def _parse_items(kind: type[_Vocabulary], value: Iterable[Any]) -> tuple[Any, ...]:
    """A tuple of *value* with each slug made a member of *kind*.

    Items that are not text are left for the field's validator, which
    names their type.
    """
    return tuple(kind.parse(item) if isinstance(item, str) else item for item in _as_tuple(value))


def _to_equipment(value: Iterable[Equipment | str]) -> tuple[Equipment, ...]:
    """Constructors take :class:`Equipment` members or their slugs."""
    return _parse_items(Equipment, value)


def _to_positions(value: Iterable[Position | str]) -> tuple[Position, ...]:
    """Constructors take :class:`Position` members or their slugs."""
    return _parse_items(Position, value)


def _to_regions(value: Iterable[Region | str]) -> tuple[Region, ...]:
    """Constructors take :class:`Region` members or their slugs."""
    return _parse_items(Region, value)


def _to_category(value: Category | str) -> Category:
    """Constructors take a :class:`Category` member or its slug."""
    return Category.parse(value) if isinstance(value, str) else value


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

    def describe(self, *, locale: str | None = None) -> str:
        """Return ``"15"`` or ``"8 to 12"``, in the words of *locale* (default: English)."""
        if self.is_exact:
            return str(self.low)
        return translations(locale).gettext("%(low)s to %(high)s") % {
            "low": self.low,
            "high": self.high,
        }


@attrs.frozen
class Hold:
    """How long to hold a position, in seconds or in counts."""

    duration: Range = attrs.field(validator=_instance(Range))
    unit: HoldUnit = attrs.field(validator=attrs.validators.instance_of(HoldUnit))

    def describe(self, *, locale: str | None = None) -> str:
        """Return ``"15 to 30 seconds"`` or ``"for a count of 15"``."""
        t = translations(locale)
        values = {"duration": self.duration.describe(locale=locale)}
        if self.unit is HoldUnit.COUNTS:
            return t.gettext("for a count of %(duration)s") % values
        return (
            t.ngettext("%(duration)s second", "%(duration)s seconds", self.duration.high) % values
        )


@attrs.frozen
class Frequency:
    """How often to do an exercise.

    ``times=None`` means the source gives no number, as in "several times
    each day".
    """

    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    times: Range | None = attrs.field(default=None, validator=_optional(Range))

    def describe(self, *, locale: str | None = None) -> str:
        """Return ``"several times each day"`` or ``"2 times each day"``."""
        t = translations(locale)
        if self.times is None:
            if self.period is Period.DAY:
                return t.gettext("several times each day")
            return t.gettext("several times each week")
        values = {"times": self.times.describe(locale=locale)}
        high = self.times.high
        if self.period is Period.DAY:
            return t.ngettext("%(times)s time each day", "%(times)s times each day", high) % values
        return t.ngettext("%(times)s time each week", "%(times)s times each week", high) % values


@attrs.frozen
class Load:
    """Extra weight to hold; any one of :attr:`options` will do."""

    options: tuple[Equipment, ...] = attrs.field(
        converter=_to_equipment, validator=[_non_empty, _unique, _members(Equipment)]
    )

    def __attrs_post_init__(self) -> None:
        if Equipment.UNKNOWN in self.options:
            raise FieldError("options", "expected a load that is known, got 'unknown'")

    def describe(self, *, locale: str | None = None) -> str:
        """Return ``"soup cans or small weights"``."""
        return or_list((option.describe(locale=locale) for option in self.options), locale)


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

    reps: Range = attrs.field(validator=_instance(Range))
    sets: int = attrs.field(default=1, validator=_count)
    hold: Hold | None = attrs.field(default=None, validator=_optional(Hold))
    per_side: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    frequency: Frequency | None = attrs.field(default=None, validator=_optional(Frequency))
    load: Load | None = attrs.field(default=None, validator=_optional(Load))

    def describe(self, *, locale: str | None = None) -> str:
        """Say the dosage in plain words, in *locale* (default: English).

        Examples: ``"2 sets of 8 to 12"``, ``"Hold 15 to 30 seconds. Do it 3
        times."``, ``"10 times on each side, holding 5 seconds"``. The
        numbers are the same in every language.

        Raises:
            UnknownLocaleError: The package has no such language.
        """
        t = translations(locale)
        high = self.reps.high
        values: dict[str, object] = {"reps": self.reps.describe(locale=locale), "sets": self.sets}
        if self.hold is not None and self.sets == 1 and not self.per_side:
            values["hold"] = self.hold.describe(locale=locale)
            text = (
                t.ngettext(
                    "Hold %(hold)s. Do it %(reps)s time",
                    "Hold %(hold)s. Do it %(reps)s times",
                    high,
                )
                % values
            )
            return self._tail(text, locale) + "."
        if self.sets > 1:
            text = t.ngettext("%(sets)s set of %(reps)s", "%(sets)s sets of %(reps)s", self.sets)
        else:
            text = t.ngettext("%(reps)s time", "%(reps)s times", high)
        text %= values
        if self.per_side:
            text = t.gettext("%(dosage)s on each side") % {"dosage": text}
        if self.hold is not None:
            text = t.gettext("%(dosage)s, holding %(hold)s") % {
                "dosage": text,
                "hold": self.hold.describe(locale=locale),
            }
        return self._tail(text, locale)

    def _tail(self, text: str, locale: str | None) -> str:
        t = translations(locale)
        if self.load is not None:
            text = t.gettext("%(dosage)s, with %(load)s in your hands") % {
                "dosage": text,
                "load": self.load.describe(locale=locale),
            }
        if self.frequency is not None:
            text = t.gettext("%(dosage)s, %(frequency)s") % {
                "dosage": text,
                "frequency": self.frequency.describe(locale=locale),
            }
        return text


# -- figures ---------------------------------------------------------------
#
# How to draw an exercise: the plain data. Kinematics (upperback._kinematics)
# turns it into points, drawing (upperback._svg) turns points into SVG.


class View(_Vocabulary):
    """Where the camera stands.

    The figure faces the direction ``front`` looks from: a side view shows
    the right side of the body, nearest the viewer.
    """

    #: From the right side, turned a little toward the front and seen a
    #: little from above, so that the far arm and leg show too.
    SIDE = "side"
    #: From the right side exactly, not turned, so that a flat prop, such as
    #: a door frame or a wall, shows edge on. An arm that points at the viewer is
    #: left out.
    PROFILE = "profile"
    FRONT = "front"
    BACK = "back"
    TOP = "top"


class Prop(_Vocabulary):
    """Something drawn with the figure: the floor, furniture or kit."""

    FLOOR = "floor"
    WALL = "wall"
    #: A door frame; the hands rest on its sides.
    DOORWAY = "doorway"
    WALL_CORNER = "wall-corner"
    CHAIR = "chair"
    PILLOW = "pillow"
    #: An elastic band, anchored in a door ahead of the figure.
    BAND = "band"
    #: Soup cans or small weights in the hands.
    WEIGHTS = "weights"


class BodySite(_Vocabulary):
    """A part of the body that touches a prop or moves.

    ``hand``, ``knee`` and ``foot`` are on the side of :attr:`Joints.arm`
    and :attr:`Joints.leg` (nearest the viewer in a side view); the
    ``other-`` sites are on the other side; the plurals mean both sides.
    """

    HEAD = "head"
    #: The back of the trunk, from the hips to the shoulders.
    BACK = "back"
    #: The hips, where the body sits.
    SEAT = "seat"
    CHEST = "chest"
    SHOULDERS = "shoulders"
    #: The two shoulder blades, on the upper back.
    SHOULDER_BLADES = "shoulder-blades"
    ELBOWS = "elbows"
    HANDS = "hands"
    HAND = "hand"
    OTHER_HAND = "other-hand"
    KNEES = "knees"
    KNEE = "knee"
    OTHER_KNEE = "other-knee"
    FEET = "feet"
    FOOT = "foot"
    OTHER_FOOT = "other-foot"


#: The widest angle a joint field may hold, in degrees. Normal ranges of
#: motion are narrower; the geometry checks test those.
MAX_DEGREES = 180


def _degrees(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    """A whole number of degrees from -180 to 180; bools are not numbers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(attribute.name, f"expected whole degrees, got {value!r}")
    if not -MAX_DEGREES <= value <= MAX_DEGREES:
        raise FieldError(
            attribute.name, f"expected degrees from {-MAX_DEGREES} to {MAX_DEGREES}, got {value}"
        )


def _angle() -> Any:  # noqa: ANN401 - an attrs field
    return attrs.field(default=0, validator=_degrees)


@attrs.frozen
class Arm:
    """The angles of one arm, in degrees.

    The shoulder follows the ISB convention (Wu et al. 2005): the arm
    rises by :attr:`elevation` in a vertical plane turned :attr:`plane`
    degrees out from straight ahead.

    Args:
        elevation: How far the arm is raised from hanging down: 90 is level,
            180 straight up past the head.
        plane: The direction it rises in: 0 forward, 90 out to the side,
            more than 90 behind the body, less than 0 across the body.
        elbow: Elbow bend: 0 straight, 90 a right angle.
        wrist: Wrist bend: positive bends the back of the hand up
            (extension), negative bends the palm down (flexion).
    """

    elevation: int = _angle()
    plane: int = _angle()
    elbow: int = _angle()
    wrist: int = _angle()


@attrs.frozen
class Leg:
    """The angles of one leg, in degrees.

    Args:
        hip: Hip bend: positive brings the thigh forward (flexion),
            negative takes it back (extension).
        abduction: How far the leg moves out to the side.
        knee: Knee bend: 0 straight.
        ankle: Positive points the toes (plantar flexion), negative pulls
            them up (dorsiflexion).
    """

    hip: int = _angle()
    abduction: int = _angle()
    knee: int = _angle()
    ankle: int = _angle()


@attrs.frozen
class Joints:
    """The angles of a whole body in one pose, in degrees.

    Args:
        trunk: How far the trunk leans forward from upright: 90 is lying
            face down or on hands and knees, negative leans back.
        spine: Bend of the upper back on the lower back: positive curls
            forward (flexion), negative arches (extension).
        neck: Bend of the head on the upper back: positive tucks the chin
            (flexion), negative looks up (extension).
        shoulders: How far the shoulder blades pull back (retraction).
        arm: The arm nearest the viewer in a side view; in other views, the
            right arm. Also the other arm, unless :attr:`other_arm` is set.
        leg: The leg on the same side as :attr:`arm`, and the other leg
            unless :attr:`other_leg` is set.
        other_arm: The other arm, when it differs.
        other_leg: The other leg, when it differs.
    """

    trunk: int = _angle()
    spine: int = _angle()
    neck: int = _angle()
    shoulders: int = _angle()
    arm: Arm = attrs.field(factory=Arm, validator=attrs.validators.instance_of(Arm))
    leg: Leg = attrs.field(factory=Leg, validator=attrs.validators.instance_of(Leg))
    other_arm: Arm | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Arm))
    )
    other_leg: Leg | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Leg))
    )

    @property
    def arms(self) -> tuple[Arm, Arm]:
        """The arm on :attr:`arm`'s side, then the other arm."""
        return self.arm, self.other_arm or self.arm

    @property
    def legs(self) -> tuple[Leg, Leg]:
        """The leg on :attr:`leg`'s side, then the other leg."""
        return self.leg, self.other_leg or self.leg


@attrs.frozen
class Contact:
    """A part of the body that rests on a prop, as in ``back: wall``."""

    site: BodySite = attrs.field(validator=attrs.validators.instance_of(BodySite))
    prop: Prop = attrs.field(validator=attrs.validators.instance_of(Prop))

    def __str__(self) -> str:
        return f"{self.site.value}: {self.prop.value}"


@attrs.frozen
class Pose:
    """One key pose of a figure: a name, the joint angles, the contacts to keep.

    Args:
        name: A slug, such as ``"start"`` or ``"end"``.
        joints: The joint angles.
        contacts: What must touch what. The figure is placed so that these
            hold.
    """

    name: str = attrs.field(validator=_slug)
    joints: Joints = attrs.field(validator=attrs.validators.instance_of(Joints))
    contacts: tuple[Contact, ...] = attrs.field(default=(), validator=_unique)


@attrs.frozen
class Arrow:
    """A motion arrow: *part* moves from its place in pose *start* to pose *end*.

    It is drawn on the figure of the *start* pose.
    """

    part: BodySite = attrs.field(validator=attrs.validators.instance_of(BodySite))
    start: str = attrs.field(validator=_slug)
    end: str = attrs.field(validator=_slug)

    def __attrs_post_init__(self) -> None:
        if self.start == self.end:
            raise FieldError("end", f"expected another pose than start, got {self.end!r}")


def _check_poses(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Pose, ...]
) -> None:
    """At least a start and an end, each with its own name."""
    if len(value) < 2:  # a start and an end
        raise FieldError(attribute.name, f"expected at least 2 poses, got {len(value)}")
    _unique(instance, attribute, tuple(pose.name for pose in value))


@attrs.frozen
class Figure:
    """How to draw an exercise: a view, props, two or more key poses and arrows.

    Args:
        view: Where the camera stands: the view that shows the movement.
        props: What is drawn with the body; every contact's prop is one.
        poses: The key poses, in order; the first is the start.
        arrows: Motions to show, each between two of the poses.
        inset: A second view, drawn small in a corner of each picture, for
            what the main view cannot show; or ``None``.

    .. versionadded:: 0.1.0
    """

    view: View = attrs.field(validator=attrs.validators.instance_of(View))
    props: tuple[Prop, ...] = attrs.field(validator=[_unique, _members(Prop)])
    poses: tuple[Pose, ...] = attrs.field(validator=_check_poses)
    arrows: tuple[Arrow, ...] = ()
    inset: View | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(View))
    )

    def __attrs_post_init__(self) -> None:
        names = {pose.name for pose in self.poses}
        for pose in self.poses:
            for contact in pose.contacts:
                if contact.prop not in self.props:
                    raise FieldError(
                        "poses",
                        f"pose {pose.name!r}: contact {str(contact)!r} needs "
                        f"{contact.prop.value!r} in props",
                    )
        for arrow in self.arrows:
            for name in (arrow.start, arrow.end):
                if name not in names:
                    raise FieldError("arrows", f"expected a pose name, got {name!r}")
        if self.inset is self.view:
            raise FieldError("inset", f"expected another view than view, got {self.view.value!r}")

    def pose(self, name: str) -> Pose:
        """Return the pose called *name*.

        Raises:
            KeyError: No pose has that name.
        """
        for pose in self.poses:
            if pose.name == name:
                return pose
        raise KeyError(name)


# -- a catalog's own terms and data -----------------------------------------

#: How deep an :class:`Extra` may nest: room for any app's data, and a bound
#: that keeps a hostile file from exhausting the stack.
MAX_EXTRA_DEPTH = 32


class Extra(Mapping[str, Any]):
    """An immutable JSON object: an app's own data on an exercise or a catalog.

    Keys are text; values are ``None``, booleans, numbers, text, tuples
    (JSON arrays) and :class:`Extra` objects, nested at most
    ``MAX_EXTRA_DEPTH`` (32) deep. It is kept exactly through load, save and
    merge, and nothing in the package reads it.

    >>> extra = Extra.of({"level": "beginner", "images": ["a/0.jpg"]})
    >>> extra["images"]
    ('a/0.jpg',)
    >>> extra.to_json()
    {'level': 'beginner', 'images': ['a/0.jpg']}
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = {} if data is None else Extra.of(data)._data  # noqa: SLF001
        self._hash: int | None = None

    @classmethod
    def of(cls, value: object, field: str | None = None) -> Extra:
        """Return *value*, a mapping of JSON values, as an :class:`Extra`.

        Raises:
            TypeError: A key is not text, or a value is not JSON.
            ValueError: A text holds a lone surrogate, or it nests too deep.
        """
        if isinstance(value, Extra):
            return value
        if not isinstance(value, Mapping):
            raise FieldTypeError(field, f"expected an object, got {type(value).__name__}")
        extra = cls.__new__(cls)
        extra._data = _freeze_object(value, field or "", 1)  # noqa: SLF001 - its own class
        extra._hash = None  # noqa: SLF001
        return extra

    def __getitem__(self, key: str) -> Any:  # noqa: ANN401 - any JSON value
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Extra):
            return self._data == other._data
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(sorted(self._data.items(), key=lambda kv: kv[0])))
        return self._hash

    def __repr__(self) -> str:
        return f"Extra({self._data!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return (Extra.of, (self.to_json(),))

    def to_json(self) -> dict[str, Any]:
        """Return a new plain ``dict`` (with lists for tuples), as it is written to JSON."""
        return {key: _thaw(value) for key, value in self._data.items()}


def _freeze_object(value: Mapping[object, object], path: str, depth: int) -> dict[str, Any]:
    if depth > MAX_EXTRA_DEPTH:
        raise FieldError(path, f"expected at most {MAX_EXTRA_DEPTH} levels of nesting")
    frozen: dict[str, Any] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise FieldTypeError(path, f"expected text keys, got {type(key).__name__}")
        frozen[key] = _freeze(item, f"{path}.{key}" if path else key, depth)
    return frozen


def _freeze(value: object, path: str, depth: int) -> Any:  # noqa: ANN401 - any JSON value
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise FieldError(path, "expected a JSON number, got NaN or infinity")
        return value
    if isinstance(value, str):
        if any(0xD800 <= ord(char) <= 0xDFFF for char in value):
            raise FieldError(path, "expected text, got a lone surrogate")
        return value
    if isinstance(value, Mapping):
        extra = Extra.__new__(Extra)
        extra._data = _freeze_object(value, path, depth + 1)  # noqa: SLF001
        extra._hash = None  # noqa: SLF001
        return extra
    if isinstance(value, list | tuple):
        if depth + 1 > MAX_EXTRA_DEPTH:
            raise FieldError(path, f"expected at most {MAX_EXTRA_DEPTH} levels of nesting")
        return tuple(_freeze(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
    raise FieldTypeError(path, f"expected a JSON value, got {type(value).__name__}")


def _thaw(value: object) -> Any:  # noqa: ANN401 - any JSON value
    if isinstance(value, Extra):
        return value.to_json()
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    return value


def _to_extra(value: Mapping[str, Any]) -> Extra:
    """Constructors take any mapping of JSON values and keep an immutable copy."""
    return Extra.of(value, "extra")


_NO_EXTRA = Extra()


def _declared(kind: type[_OpenVocabulary]) -> Any:  # noqa: ANN401 - an attrs validator
    """Check a vocabulary list: catalog terms of *kind*, each id once."""

    def check(
        _instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        seen: set[str] = set()
        for index, term in enumerate(value):
            if not isinstance(term, kind) or not term.is_custom:
                raise FieldTypeError(
                    attribute.name,
                    f"expected a term made with {kind.__name__}.custom() at index {index}, "
                    f"got {_short(term)}",
                )
            if term.value in seen:
                raise FieldError(attribute.name, f"expected each id once, got {term.value!r} twice")
            seen.add(term.value)

    return check


def _declarations(terms: tuple[_Vocabulary, ...]) -> tuple[tuple[object, ...], ...]:
    return tuple(term._declaration() for term in terms)  # noqa: SLF001


@attrs.frozen
class Vocabulary:
    """A catalog's own terms, beside the built-in ones.

    Each is a value of the built-in type, made with ``custom()``, such as
    ``Equipment.custom("barbell", "barbell")``: the catalog file declares
    them in its ``vocabulary`` section. A declared term is never assumed:
    no default equipment list holds one, so an exercise that needs a barbell
    is chosen only for a person who says they have one.

    Two vocabularies are equal when they declare the same ids with the
    same words.
    """

    equipment: tuple[Equipment, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_declared(Equipment), eq=_declarations
    )
    positions: tuple[Position, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_declared(Position), eq=_declarations
    )
    regions: tuple[Region, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_declared(Region), eq=_declarations
    )
    categories: tuple[Category, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_declared(Category), eq=_declarations
    )

    def terms(self, kind: type[_T]) -> tuple[_T, ...]:
        """The terms declared for *kind* (:class:`Equipment`, :class:`Position`...)."""
        found: tuple[_T, ...] = getattr(self, _VOCABULARY_FIELDS[kind])
        return found

    def __bool__(self) -> bool:
        return bool(self.equipment or self.positions or self.regions or self.categories)


_T = TypeVar("_T", bound="_OpenVocabulary")

_VOCABULARY_FIELDS: dict[type, str] = {
    Equipment: "equipment",
    Position: "positions",
    Region: "regions",
    Category: "categories",
}


# -- exercises -------------------------------------------------------------


@attrs.frozen
class Step:
    """One action, in plain words. An exercise's steps keep their order.

    In catalog files a step is written as a plain string.
    """

    text: str = attrs.field(validator=_step_text)

    def __str__(self) -> str:
        return self.text


@attrs.frozen
class Requirement:
    """Something an exercise needs; any one of :attr:`any_of` will do."""

    any_of: tuple[Equipment, ...] = attrs.field(
        converter=_to_equipment, validator=[_non_empty, _unique, _members(Equipment)]
    )

    def __attrs_post_init__(self) -> None:
        if Equipment.UNKNOWN in self.any_of and len(self.any_of) > 1:
            raise FieldError("any_of", "expected 'unknown' alone, not beside other equipment")

    def is_met_by(self, available: Iterable[Equipment]) -> bool:
        """Whether one of the options is in *available*; an unknown need is never met."""
        if Equipment.UNKNOWN in self.any_of:
            return False
        return not set(self.any_of).isdisjoint(available)

    def describe(self, *, locale: str | None = None) -> str:
        """Return ``"doorway or wall corner"`` style words."""
        if Equipment.UNKNOWN in self.any_of:
            return translations(locale).gettext("equipment that is not known")
        return or_list((option.describe(locale=locale) for option in self.any_of), locale)


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
    load: Load | None = attrs.field(default=None, validator=_optional(Load))
    exercise: str | None = attrs.field(default=None, validator=attrs.validators.optional(_slug))

    def __attrs_post_init__(self) -> None:
        if (self.kind is ProgressionKind.ADD_LOAD) != (self.load is not None):
            raise FieldError("load", "expected a load exactly when kind is 'add-load'")
        if (self.kind is ProgressionKind.NEXT_EXERCISE) != (self.exercise is not None):
            raise FieldError(
                "exercise", "expected an exercise id exactly when kind is 'next-exercise'"
            )

    def describe(self, *, locale: str | None = None) -> str:
        """Say the progression in plain words.

        :attr:`when` is content: pass the progression of a localized
        catalog to have it in the same language as the rest.
        """
        t = translations(locale)
        when = f"{self.when[0].upper()}{self.when[1:]}"
        if self.kind is ProgressionKind.ADD_LOAD:
            load = self.load.describe(locale=locale) if self.load else ""
            return t.gettext("%(when)s: hold %(load)s.") % {"when": when, "load": load}
        if self.kind is ProgressionKind.NEXT_EXERCISE:
            return t.gettext("%(when)s: move on to %(exercise)s.") % {
                "when": when,
                "exercise": self.exercise,
            }
        if self.kind is ProgressionKind.MORE_REPS:
            text = t.gettext("%(when)s: do more repetitions, up to the top of the range.")
        else:
            text = t.gettext("%(when)s: hold longer, up to the top of the range.")
        return text % {"when": when}


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
        dosage: How much to do, or ``None`` when the catalog does not say
            (never in the bundled catalog). The builder never prescribes
            an exercise without a dosage unless the caller gives one, and
            a handout says to ask the provider how much to do.
        progressions: Ways to make it harder, in order.
        references: Ids of the :class:`Reference` records behind it.
        cautions: Safety statements for this exercise.
        can_start_now: Whether the source says it may be started right away.
        figure: How to draw it, start and end pose (see :class:`Figure`), or
            ``None`` for no drawing.
        extra: An app's own data about it, such as a level, image paths or
            an id in another database (see :class:`Extra`). Kept exactly and
            ignored by the builder and the handouts.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_name)
    summary: str = attrs.field(validator=_text)
    category: Category = attrs.field(
        converter=_to_category, validator=attrs.validators.instance_of(Category)
    )
    positions: tuple[Position, ...] = attrs.field(
        converter=_to_positions, validator=[_non_empty, _unique, _members(Position)]
    )
    steps: tuple[Step, ...] = attrs.field(converter=_as_tuple, validator=[_steps, _items(Step)])
    dosage: Dosage | None = attrs.field(validator=_optional(Dosage))
    equipment: tuple[Requirement, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Requirement)
    )
    regions: tuple[Region, ...] = attrs.field(
        default=(), converter=_to_regions, validator=[_unique, _members(Region)]
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=[_unique, attrs.validators.deep_iterable(_name)],
    )
    progressions: tuple[Progression, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Progression)
    )
    references: tuple[str, ...] = attrs.field(
        default=(),
        converter=_as_tuple,
        validator=[_unique, attrs.validators.deep_iterable(_slug)],
    )
    cautions: tuple[str, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=attrs.validators.deep_iterable(_text)
    )
    can_start_now: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    figure: Figure | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Figure))
    )
    extra: Extra = attrs.field(factory=lambda: _NO_EXTRA, converter=_to_extra)

    def __attrs_post_init__(self) -> None:
        if Position.UNKNOWN in self.positions and len(self.positions) > 1:
            raise FieldError("positions", "expected 'unknown' alone, not beside other positions")

    def require_dosage(self) -> Dosage:
        """Its dosage, which the bundled catalog always gives.

        For code that knows its catalog gives every dosage (the bundled one
        does, and a test keeps it so): no ``None`` check, and a clear error
        if a user catalog left this one out.

        Raises:
            NoDosageError: The catalog does not say how much to do.

        .. versionadded:: 0.1.0
        """
        if self.dosage is None:
            raise NoDosageError(self.id)
        return self.dosage

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

        ``equipment=None`` means "anything is available". An exercise whose
        position is unknown does not fit a person who avoids any position;
        one whose equipment is unknown fits only ``equipment=None``.
        """
        avoided = set(avoid_positions)
        if set(self.positions) <= avoided:
            return False
        if avoided and Position.UNKNOWN in self.positions:
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
    authors: tuple[Author, ...] = attrs.field(
        converter=_as_tuple, validator=[_non_empty, _items(Author)]
    )
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
    identifiers: tuple[Identifier, ...] = attrs.field(
        default=(), converter=_as_tuple, validator=_items(Identifier)
    )
    note: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.kind is ReferenceKind.ARTICLE and self.journal is None:
            raise FieldError("journal", "expected a journal for an article")
        if self.kind is ReferenceKind.BOOK and self.publisher is None:
            raise FieldError("publisher", "expected a publisher for a book")

    def identifier(self, scheme: IdentifierScheme) -> str | None:
        """Return the value of the identifier in *scheme*, if there is one."""
        return next((i.value for i in self.identifiers if i.scheme is scheme), None)

    def cite(self, *, locale: str | None = None) -> str:
        """Return the citation, in AMA style.

        A book: ``Kisner C, Colby LA. Therapeutic Exercise: Foundations and
        Techniques. 6th ed. F. A. Davis Company; 2012.`` An article ends
        with its journal, volume, issue, pages and DOI. The work's own
        words stay as published; what the citation adds, the edition, is
        said in *locale* (``"6.ª ed."`` in Spanish).

        Raises:
            UnknownLocaleError: The package has no such language.
        """
        names = ", ".join(f"{a.family} {a.initials}" for a in self.authors[:6])
        if len(self.authors) > 6:  # AMA lists up to six, else three and "et al"
            names = ", ".join(f"{a.family} {a.initials}" for a in self.authors[:3]) + ", et al"
        title = self.title.rstrip(".")
        if self.kind is ReferenceKind.BOOK:
            parts = [f"{names}. {title}."]
            if self.edition is not None and self.edition > 1:
                parts.append(_edition(self.edition, locale))
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


#: "3rd ed.": one whole phrase for each English ordinal ending, so that a
#: language says the edition its own way ("3.ª ed." in Spanish).
_EDITIONS = {
    "st": NC_("edition", "%(number)sst ed."),
    "nd": NC_("edition", "%(number)snd ed."),
    "rd": NC_("edition", "%(number)srd ed."),
    "th": NC_("edition", "%(number)sth ed."),
}


def _edition(number: int, locale: str | None) -> str:
    """``"3rd ed."`` in English, ``"3.ª ed."`` in Spanish."""
    if 10 <= number % 100 <= 20:  # the teens all take "th"
        ending = "th"
    else:
        ending = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return translations(locale).pgettext("edition", _EDITIONS[ending]) % {"number": number}


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

    def credit(self, *, locale: str | None = None) -> str:
        """Return a one-line credit naming the work, who made it and when."""
        return translations(locale).gettext(
            'Facts from "%(title)s", developed by %(developer)s (%(publisher)s, %(year)s).'
        ) % {
            "title": self.title,
            "developer": self.developer,
            "publisher": self.publisher,
            "year": self.year,
        }


#: The words of each built-in term, by its kind and slug: phrases to translate.
_WORDS: dict[tuple[str, str], str] = {
    ("position", "standing"): NC_("position", "standing"),
    ("position", "sitting"): NC_("position", "sitting"),
    ("position", "lying-on-stomach"): NC_("position", "lying on stomach"),
    ("position", "long-sitting"): NC_("position", "long sitting"),
    ("position", "hands-and-knees"): NC_("position", "hands and knees"),
    ("position", "unknown"): NC_("position", "unknown"),
    ("equipment", "doorway"): NC_("equipment", "doorway"),
    ("equipment", "wall-corner"): NC_("equipment", "wall corner"),
    ("equipment", "wall"): NC_("equipment", "wall"),
    ("equipment", "chair"): NC_("equipment", "chair"),
    ("equipment", "pillow"): NC_("equipment", "pillow"),
    ("equipment", "firm-surface"): NC_("equipment", "firm surface"),
    ("equipment", "floor-space"): NC_("equipment", "floor space"),
    ("equipment", "elastic-band"): NC_("equipment", "elastic band"),
    ("equipment", "door"): NC_("equipment", "door"),
    ("equipment", "sturdy-anchor"): NC_("equipment", "sturdy anchor"),
    ("equipment", "soup-cans"): NC_("equipment", "soup cans"),
    ("equipment", "small-weights"): NC_("equipment", "small weights"),
    ("equipment", "unknown"): NC_("equipment", "unknown"),
    ("category", "stretch"): NC_("category", "stretch"),
    ("category", "mobility"): NC_("category", "mobility"),
    ("category", "strengthening"): NC_("category", "strengthening"),
    ("category", "stabilization"): NC_("category", "stabilization"),
    ("region", "chest"): NC_("region", "chest"),
    ("region", "shoulders"): NC_("region", "shoulders"),
    ("region", "shoulder-blades"): NC_("region", "shoulder blades"),
    ("region", "upper-back"): NC_("region", "upper back"),
    ("region", "neck"): NC_("region", "neck"),
    ("region", "core"): NC_("region", "core"),
}
