"""Languages: which ones the package has, and the gettext translations of each.

A language is available when the package holds its content file
(``data/locales/<lang>.json``, the translated exercises) or its message
catalog (``data/locales/<lang>/LC_MESSAGES/upperback.mo``, the translated
phrases). English, the source language, is always available. Nothing is read
at import time: the data folder is listed on the first call.
"""

from __future__ import annotations

import functools
import gettext
import io
import sys
from typing import TYPE_CHECKING

from .exceptions import UnknownLocaleError

if TYPE_CHECKING:
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
    if locale is None:
        return SOURCE_LOCALE
    available = available_locales()
    if not isinstance(locale, str) or locale not in available:
        raise UnknownLocaleError(locale, available)
    return locale


@functools.cache
def translations(locale: str) -> gettext.NullTranslations:
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
