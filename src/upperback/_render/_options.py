"""How a handout is printed, and whose it is: one frozen options object.

The personal details are the reader's, not the program's: they go in the
handout's header only, never into a program or its JSON.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Literal

import attrs

from upperback.exceptions import InvalidOptionError

__all__ = ["PAPER_SIZES", "HandoutOptions", "PaperSize"]

#: A paper size a printed handout is laid out for.
PaperSize = Literal["letter", "a4"]

#: Every paper size :class:`HandoutOptions` accepts.
PAPER_SIZES: tuple[PaperSize, ...] = ("letter", "a4")
#: When a calendar's reminder rings, unless the caller says: 18:00, local time.
DEFAULT_REMINDER: dt.time = dt.time(18, 0)

_LETTER: PaperSize = "letter"

#: The longest name, phone number or note we print; more is a mistake, not a name.
_LIMITS = {
    "patient": 120,
    "provider": 120,
    "provider_phone": 40,
    "notes": 1200,
    "figures_dir": 200,
}


def _text(instance: HandoutOptions, attribute: attrs.Attribute[str | None], value: object) -> None:
    """Refuse what cannot be printed as it is: wrong type, control characters, too long."""
    del instance
    name = attribute.name
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidOptionError(name, f"expected text, got {type(value).__name__}")
    allowed = "\n" if name == "notes" else ""
    for position, char in enumerate(value):
        if char not in allowed and unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp", "Cs"}:
            raise InvalidOptionError(
                name, f"control character U+{ord(char):04X} at position {position} is not allowed"
            )
    limit = _LIMITS[name]
    if len(value) > limit:
        raise InvalidOptionError(name, f"at most {limit} characters, got {len(value)}")


def _day(
    instance: HandoutOptions, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    del instance
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise InvalidOptionError(attribute.name, f"expected a date, got {type(value).__name__}")


def _paper(instance: HandoutOptions, attribute: attrs.Attribute[PaperSize], value: object) -> None:
    del instance
    if value not in PAPER_SIZES:
        raise InvalidOptionError(
            attribute.name, f"expected one of {', '.join(PAPER_SIZES)}, got {value!r}"
        )


def _flag(instance: HandoutOptions, attribute: attrs.Attribute[bool], value: object) -> None:
    del instance
    if not isinstance(value, bool):
        raise InvalidOptionError(
            attribute.name, f"expected True or False, got {type(value).__name__}"
        )


def _blank_to_none(value: str | None) -> str | None:
    """Treat an empty or all-space detail as not given; trim the spaces around it."""
    if isinstance(value, str):
        return value.strip() or None
    return value


@attrs.frozen(kw_only=True)
class HandoutOptions:
    """Who a handout is for and how it is printed. Every field is optional.

    >>> import datetime as dt
    >>> options = HandoutOptions(patient="Sam Lee", next_visit=dt.date(2026, 2, 2), paper="a4")
    >>> options.large_print
    False

    Personal details are printed in the handout's header, escaped for the
    format. They are never stored in a program or in its JSON.

    Args:
        patient: The name of the person the handout is for.
        provider: The name of their doctor or physical therapist.
        provider_phone: The provider's phone number, as it should be
            printed.
        date_given: The day the handout was handed over.
        next_visit: The day of the next visit.
        notes: Free-text notes from the provider; line breaks are kept.
        paper: ``"letter"`` or ``"a4"``, for HTML and PDF.
        large_print: Print with a base font of at least 16 pt, for people
            with low vision (HTML and PDF).
        figures_dir: Markdown only: the folder, relative to the handout,
            where ``upperback figures`` wrote the pictures. Each exercise
            then links its start and end pictures. HTML carries its pictures
            inline and needs no folder; text has none.

    Raises:
        InvalidOptionError: A detail is not text, holds a control
            character, or is longer than we print (120 characters for a
            name, 40 for a phone number, 1,200 for the notes); a date is
            not a :class:`datetime.date`; *paper* is not a known size.
    """

    patient: str | None = attrs.field(default=None, converter=_blank_to_none, validator=_text)
    provider: str | None = attrs.field(default=None, converter=_blank_to_none, validator=_text)
    provider_phone: str | None = attrs.field(
        default=None, converter=_blank_to_none, validator=_text
    )
    date_given: dt.date | None = attrs.field(default=None, validator=_day)
    next_visit: dt.date | None = attrs.field(default=None, validator=_day)
    notes: str | None = attrs.field(default=None, converter=_blank_to_none, validator=_text)
    paper: PaperSize = attrs.field(default=_LETTER, validator=_paper)
    large_print: bool = attrs.field(default=False, validator=_flag)
    figures_dir: str | None = attrs.field(default=None, validator=_text, converter=_blank_to_none)


#: The options :func:`upperback.render` uses when given none.
DEFAULT_OPTIONS = HandoutOptions()
