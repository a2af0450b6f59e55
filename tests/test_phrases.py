"""Interface phrases: the gettext catalogs, and every phrase said in each language.

The .po files are the source; the .mo files beside them are what the package
reads at run time with the standard library's gettext. Babel, a test and
development tool only, reads the .po files here to check them.
"""

import datetime as dt
import gettext
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import upperback
from upperback import (
    Dosage,
    Frequency,
    Hold,
    HoldUnit,
    Period,
    Range,
    UnknownLocaleError,
    available_locales,
)
from upperback._i18n import date_span, long_date, minutes, short_date, translations
from upperback.program import weeks_phrase

from .strategies import dosages

ROOT = Path(__file__).resolve().parents[1]
LOCALES = Path(upperback.__file__).parent / "data" / "locales"
TRANSLATED = [locale for locale in available_locales() if locale != "en"]
#: The keywords of our markers, as docs/translating-phrases.md passes them to pybabel.
KEYWORDS = {
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    # As pybabel's defaults have it: the context, the singular and the plural.
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NC_": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def po_path(locale):
    return LOCALES / locale / "LC_MESSAGES" / "upperback.po"


def read(locale):
    with po_path(locale).open("rb") as file:
        return read_po(file, locale=locale)


def entries(locale):
    return [message for message in read(locale) if message.id]


def test_spanish_has_a_message_catalog():
    assert "es" in TRANSLATED
    assert po_path("es").is_file()
    assert (po_path("es").with_suffix(".mo")).is_file()


@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_entry_is_translated_and_none_is_fuzzy(locale):
    catalog = read(locale)
    assert not catalog.fuzzy
    untranslated = [
        message.id
        for message in entries(locale)
        if message.fuzzy
        or not message.string
        or (isinstance(message.string, tuple) and not all(message.string))
    ]
    assert untranslated == []
    assert len(entries(locale)) > 300  # every phrase, not a sample


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_translation_keeps_the_placeholders_of_its_phrase(locale):
    for message in entries(locale):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            # A singular form may say "one" in words instead of the number.
            assert set(PLACEHOLDER.findall(text)) <= wanted, (message.id, text)
            if len(strings) == 1 or text is strings[-1]:
                assert set(PLACEHOLDER.findall(text)) == wanted, (message.id, text)


#: The plural rule each language's .po declares: our decision, written down here, not read
#: from the installed Babel (docs/languages.md says why). Spanish follows CLDR 46 and later:
#: "one" for 1, "many" for whole millions ("1000000 de veces"), "other" for the rest.
PLURAL_RULES = {
    "es": (
        3,
        "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)",
        lambda n: 0 if n == 1 else 1 if n != 0 and n % 1_000_000 == 0 else 2,
    ),
}
#: The counts the issue asks for, and the edges of each form.
COUNTS = [0, 1, 2, 5, 21, 100, 1_000_000, 1_000_001, 2_000_000]


def test_every_translated_language_has_a_plural_rule_here():
    assert set(TRANSLATED) <= set(PLURAL_RULES)


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_po_declares_our_plural_rule(locale):
    forms, expression, _rule = PLURAL_RULES[locale]
    catalog = read(locale)
    header = dict(catalog.mime_headers)["Plural-Forms"]
    assert header == f"nplurals={forms}; plural={expression};"
    assert all(len(m.string) == forms for m in entries(locale) if isinstance(m.id, tuple))


@pytest.mark.parametrize("locale", TRANSLATED)
@pytest.mark.parametrize("count", COUNTS)
def test_gettext_picks_the_form_our_rule_names(locale, count):
    """At run time the stdlib's gettext reads the .mo; it must pick the form we decided."""
    _forms, _expression, rule = PLURAL_RULES[locale]
    index = rule(count)
    t = translations(locale)
    for message in entries(locale):
        if not isinstance(message.id, tuple):
            continue
        singular, plural = message.id
        said = (
            t.npgettext(message.context, singular, plural, count)
            if message.context
            else t.ngettext(singular, plural, count)
        )
        assert said == message.string[index], (message.id, count)


@pytest.mark.parametrize(
    ("count", "minutes_said", "weeks_said"),
    [
        (0, "0 minutos", "0 semanas"),
        (1, "1 minuto", "1 semana"),
        (2, "2 minutos", "2 semanas"),
        (5, "5 minutos", "5 semanas"),
        (21, "21 minutos", "21 semanas"),
        (100, "100 minutos", "100 semanas"),
        (1_000_000, "1000000 de minutos", "1000000 de semanas"),
    ],
)
def test_the_spanish_we_print_for_a_count(count, minutes_said, weeks_said):
    assert minutes(count, "es") == minutes_said
    assert weeks_phrase(count, "es") == weeks_said


@pytest.mark.parametrize(
    ("count", "said"),
    [(1, "1 vez"), (2, "2 veces"), (5, "5 veces"), (21, "21 veces"), (100, "100 veces")],
)
def test_a_spanish_dosage_for_a_count(count, said):
    """Counts in a catalog stop at 100 (model.MAX_COUNT), so a dosage never says "many"."""
    assert Dosage(reps=Range.exact(count)).describe(locale="es") == said


def test_the_dosage_agrees_with_its_numbers_in_spanish():
    assert Range(1, 1).describe(locale="es") == "1"
    assert Dosage(reps=Range.exact(1)).describe(locale="es") == "1 vez"
    assert Dosage(reps=Range.exact(2)).describe(locale="es") == "2 veces"
    assert Dosage(reps=Range.exact(5)).describe(locale="es") == "5 veces"
    assert Dosage(reps=Range(8, 12), sets=2).describe(locale="es") == "2 series de 8 a 12"
    one = Hold(Range.exact(1), HoldUnit.SECONDS)
    assert one.describe(locale="es") == "durante 1 segundo"
    assert Hold(Range.exact(5), HoldUnit.SECONDS).describe(locale="es") == "durante 5 segundos"
    assert Frequency(Period.DAY, Range.exact(1)).describe(locale="es") == "1 vez al día"
    assert Frequency(Period.WEEK, Range.exact(2)).describe(locale="es") == "2 veces por semana"
    assert Frequency(Period.DAY).describe(locale="es") == "varias veces al día"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_the_compiled_catalog_is_the_po_file(locale):
    """The .mo in the package says what compiling the .po says now: never stale.

    It compares the messages and the plural rule, not the header, where the
    compiling tool writes its own name and version.
    """
    catalog = read(locale)
    fresh = io.BytesIO()
    write_mo(fresh, catalog)
    fresh.seek(0)
    shipped = po_path(locale).with_suffix(".mo")
    with shipped.open("rb") as file:
        ours, theirs = gettext.GNUTranslations(file), gettext.GNUTranslations(fresh)
    hint = f"run: pybabel compile -d src/upperback/data/locales -D upperback -l {locale}"
    messages = {key: text for key, text in ours._catalog.items() if key != ""}
    assert messages == {key: text for key, text in theirs._catalog.items() if key != ""}, hint
    assert [ours.plural(n) for n in COUNTS] == [theirs.plural(n) for n in COUNTS], hint


@pytest.mark.skipif(not (ROOT / "babel.cfg").is_file(), reason="needs the source tree")
@pytest.mark.parametrize("locale", TRANSLATED)
def test_every_phrase_in_the_code_is_in_the_catalog(locale):
    """Extracting the phrases again finds nothing the .po lacks, and nothing it has extra."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    found = {
        (context, message if isinstance(message, str) else message[0])
        for _name, _line, message, _comments, context in extract_from_dir(
            ROOT,
            method_map,
            options_map,
            keywords=KEYWORDS,
            directory_filter=lambda path: not Path(path).name.startswith("."),
        )
    }
    known = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in entries(locale)}
    assert found - known == set(), "run pybabel extract and update (docs/translating-phrases.md)"
    assert known - found == set(), "the .po has phrases the code no longer says"


def test_an_unknown_language_says_which_ones_there_are():
    with pytest.raises(UnknownLocaleError, match=r"unknown language 'fr'; available: en, es"):
        Dosage(reps=Range.exact(3)).describe(locale="fr")
    with pytest.raises(UnknownLocaleError, match="available: en, es"):
        upperback.load_catalog()["band-row"].dosage.describe(locale="EN")


# -- properties ------------------------------------------------------------------------

#: Words that say a dosage in English and never in Spanish.
ENGLISH_DOSAGE_WORDS = {
    "set",
    "sets",
    "time",
    "times",
    "hold",
    "holding",
    "second",
    "seconds",
    "count",
    "each",
    "side",
    "several",
    "day",
    "week",
    "with",
    "your",
    "hands",
    "to",
    "or",
}


def numbers(text):
    return sorted(int(n) for n in re.findall(r"\d+", text))


def words(text):
    return set(re.findall(r"[^\W\d_]+", text.lower()))


@given(dosages)
def test_a_spanish_dosage_has_the_same_numbers_and_no_english(dosage):
    english = dosage.describe()
    spanish = dosage.describe(locale="es")
    assert numbers(spanish) == numbers(english)
    assert words(spanish) & ENGLISH_DOSAGE_WORDS == set()
    assert dosage.describe(locale="en") == english


DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
#: English names of months and weekdays; "May" and short names such as "Feb" are Spanish too.
ENGLISH_CALENDAR = {
    *["january", "february", "march", "april", "june", "july", "august", "september"],
    *["october", "november", "december"],
    *["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    *["jan", "apr", "aug", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"],
}


@given(DAYS, st.integers(min_value=0, max_value=400))
def test_spanish_dates_use_spanish_names_and_keep_the_numbers(day, days):
    end = day + dt.timedelta(days=days)
    for text in (long_date(day, "es"), short_date(day, "es"), date_span(day, end, "es")):
        assert words(text) & ENGLISH_CALENDAR == set(), text
        assert not set(text) - set(string.ascii_letters + string.digits + " ,áéíóú")
    assert str(day.day) in short_date(day, "es")
    assert long_date(day, "es").endswith(f"de {day.year}")
    assert long_date(day) == day.strftime("%A, %B ") + f"{day.day}, {day.year}"


def test_a_spanish_date_reads_as_spanish():
    assert long_date(dt.date(2026, 1, 5), "es") == "lunes, 5 de enero de 2026"
    assert short_date(dt.date(2026, 5, 9), "es") == "9 may"
    assert date_span(dt.date(2025, 12, 29), dt.date(2026, 1, 4), "es") == (
        "del 29 de diciembre de 2025 al 4 de enero de 2026"
    )
