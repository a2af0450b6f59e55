"""Languages: which ones the package has, and the gettext translations of each.

A language is available when the package holds its content file
(``data/locales/<lang>.json``, the translated exercises) or its message
catalog (``data/locales/<lang>/LC_MESSAGES/upperback.mo``, the translated
phrases). English, the source language, is always available. Nothing is read
at import time: the data folder is listed on the first call.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import io
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .exceptions import MissingTranslationError, UnknownLocaleError

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Exercise

    if sys.version_info >= (3, 12):
        from importlib.resources.abc import Traversable
    else:
        from importlib_resources.abc import Traversable

#: The language the package is written in, and the one used when none is asked.
SOURCE_LOCALE = "en"

#: The gettext domain of the package's message catalogs.
DOMAIN = "upperback"


def _locales_folder() -> Traversable:
    if sys.version_info >= (3, 12):
        from importlib.resources import files  # noqa: PLC0415 - lazy: keeps import cheap
    else:  # pragma: no cover - depends on the Python version
        from importlib_resources import files  # noqa: PLC0415

    return files("upperback") / "data" / "locales"


@functools.cache
def available_locales() -> tuple[str, ...]:
    """Return the language tags the package has, sorted, English first."""
    found: set[str] = set()
    folder = _locales_folder()
    if folder.is_dir():
        for entry in folder.iterdir():
            name = entry.name
            if name.endswith(".json"):
                found.add(name.removesuffix(".json"))
            elif (entry / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file():
                found.add(name)
    found.discard(SOURCE_LOCALE)
    return (SOURCE_LOCALE, *sorted(found))


def check_locale(locale: object) -> str:
    """Return *locale* if the package has it; ``None`` means English.

    Raises:
        UnknownLocaleError: The package has no such language; the error
            lists the ones it has.
    """
    if locale is None or locale == SOURCE_LOCALE:  # always there: no need to list the folder
        return SOURCE_LOCALE
    available = available_locales()
    if not isinstance(locale, str) or locale not in available:
        raise UnknownLocaleError(locale, available)
    return locale


@functools.cache
def translations(locale: str | None) -> gettext.NullTranslations:
    """Return the gettext translations for *locale* (checked first).

    English, and a language with no message catalog, get
    :class:`gettext.NullTranslations`, which returns each phrase as given.
    """
    locale = check_locale(locale)
    if locale == SOURCE_LOCALE:
        return gettext.NullTranslations()
    mo = _locales_folder() / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(mo.read_bytes()))


def localized_exercise(exercise: Exercise, catalog: Catalog, localized: Catalog) -> Exercise:
    """*exercise*, of *catalog* or of *localized*, as *localized* has it.

    Raises:
        MissingTranslationError: *exercise* is in neither catalog, so it
            has no text in the language of *localized*.
    """
    if localized is catalog:
        return exercise
    if exercise.id in localized:
        mine = localized[exercise.id]
        if exercise in (mine, catalog.get(exercise.id)):
            return mine
    raise MissingTranslationError(localized.locale, (exercise.id,))


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark *message* as a phrase to translate where it is used; return it as is."""
    return message


def NC_(context: str, message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark *message* as a phrase to translate in *context*; return it as is."""
    del context
    return message


def or_list(words: Iterable[str], locale: str | None = None) -> str:
    """Join *words* as alternatives: ``"a or b"``, ``"a, b, or c"``."""
    t = translations(locale)
    items = list(words)
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return t.gettext("%(first)s or %(second)s") % {"first": items[0], "second": items[1]}
    return t.gettext("%(items)s, or %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


# -- dates: our own translated names, never the process-wide locale module ----

_MONTHS = (
    NC_("month", "January"),
    NC_("month", "February"),
    NC_("month", "March"),
    NC_("month", "April"),
    NC_("month", "May"),
    NC_("month", "June"),
    NC_("month", "July"),
    NC_("month", "August"),
    NC_("month", "September"),
    NC_("month", "October"),
    NC_("month", "November"),
    NC_("month", "December"),
)
_MONTHS_SHORT = (
    NC_("short month", "Jan"),
    NC_("short month", "Feb"),
    NC_("short month", "Mar"),
    NC_("short month", "Apr"),
    NC_("short month", "May"),
    NC_("short month", "Jun"),
    NC_("short month", "Jul"),
    NC_("short month", "Aug"),
    NC_("short month", "Sep"),
    NC_("short month", "Oct"),
    NC_("short month", "Nov"),
    NC_("short month", "Dec"),
)
_WEEKDAYS = (
    NC_("weekday", "Monday"),
    NC_("weekday", "Tuesday"),
    NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"),
    NC_("weekday", "Friday"),
    NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
)
_WEEKDAYS_SHORT = (
    NC_("short weekday", "Mon"),
    NC_("short weekday", "Tue"),
    NC_("short weekday", "Wed"),
    NC_("short weekday", "Thu"),
    NC_("short weekday", "Fri"),
    NC_("short weekday", "Sat"),
    NC_("short weekday", "Sun"),
)


def month_name(day: dt.date, locale: str | None = None, *, short: bool = False) -> str:
    """The month of *day*: ``"January"``, or ``"Jan"`` when *short*."""
    names = _MONTHS_SHORT if short else _MONTHS
    context = "short month" if short else "month"
    return translations(locale).pgettext(context, names[day.month - 1])


def weekday_name(day: dt.date, locale: str | None = None, *, short: bool = False) -> str:
    """The day of the week of *day*: ``"Monday"``, or ``"Mon"`` when *short*."""
    names = _WEEKDAYS_SHORT if short else _WEEKDAYS
    context = "short weekday" if short else "weekday"
    return translations(locale).pgettext(context, names[day.weekday()])


def long_date(day: dt.date, locale: str | None = None) -> str:
    """``"Monday, January 5, 2026"``, in the words of *locale*."""
    return translations(locale).gettext("%(weekday)s, %(month)s %(day)s, %(year)s") % {
        "weekday": weekday_name(day, locale),
        "month": month_name(day, locale),
        "day": day.day,
        "year": day.year,
    }


def day_and_month(day: dt.date, locale: str | None = None, *, year: bool = False) -> str:
    """``"January 5"``, or ``"January 5, 2026"`` with *year*."""
    t = translations(locale)
    values = {"month": month_name(day, locale), "day": day.day, "year": day.year}
    if year:
        return t.gettext("%(month)s %(day)s, %(year)s") % values
    return t.gettext("%(month)s %(day)s") % values


def short_date(day: dt.date, locale: str | None = None) -> str:
    """``"Jan 5"``: a month's short name and the day, for a table's column."""
    values = {"month": month_name(day, locale, short=True), "day": day.day}
    return translations(locale).pgettext("short date", "%(month)s %(day)s") % values


def date_span(start: dt.date, end: dt.date, locale: str | None = None) -> str:
    """``"January 5 to 11, 2026"``, ``"January 26 to February 1, 2026"``.

    The month is said once when both days are in it, and the first year
    only if it differs from the last; one day is said as a date.
    """
    if start == end:
        return day_and_month(start, locale, year=True)
    if (start.year, start.month) == (end.year, end.month):
        return translations(locale).gettext("%(month)s %(first)s to %(last)s, %(year)s") % {
            "month": month_name(start, locale),
            "first": start.day,
            "last": end.day,
            "year": start.year,
        }
    first = day_and_month(start, locale, year=start.year != end.year)
    last = day_and_month(end, locale, year=True)
    return translations(locale).gettext("%(first)s to %(last)s") % {"first": first, "last": last}


def minutes(count: int, locale: str | None = None) -> str:
    """``"1 minute"``, ``"12 minutes"``."""
    return translations(locale).ngettext("%(count)s minute", "%(count)s minutes", count) % {
        "count": count
    }


def week_span(first: int, last: int, locale: str | None = None, *, lower: bool = False) -> str:
    """``"Week 1"``, ``"Weeks 1 and 2"``, ``"Weeks 2 to 4"``; in lower case with *lower*.

    Two weeks are joined with "and": "Weeks 1 to 2" reads as a range that
    is not one, in Spanish above all ("Semanas 1 a 2").
    """
    t = translations(locale)
    values = {"number": first, "first": first, "last": last}
    if lower:
        if first == last:
            return t.pgettext("lower case", "week %(number)s") % values
        if last == first + 1:
            return t.pgettext("lower case", "weeks %(first)s and %(last)s") % values
        return t.pgettext("lower case", "weeks %(first)s to %(last)s") % values
    if first == last:
        return t.gettext("Week %(number)s") % values
    if last == first + 1:
        return t.gettext("Weeks %(first)s and %(last)s") % values
    return t.gettext("Weeks %(first)s to %(last)s") % values
