"""Regression tests for hostile catalog files (issue 7, defects 1 to 6 and 20).

Each test names the defect it guards. The rule they share: only
``CatalogError`` (or an ``OSError`` about the file itself) leaves the
loader, with a JSON path, in a message of bounded size.
"""

import copy
import json
import os
import pickle
import sys
import tracemalloc
from pathlib import Path

import pytest

import upperback
from upperback import CatalogError, DataError, Exercise, ProgramRequest

FIXTURES = Path(__file__).parent / "fixtures"


def minimal():
    return json.loads((FIXTURES / "good" / "minimal.json").read_text(encoding="utf-8"))


def exercise(number, **changes):
    record = minimal()["exercises"][0]
    record.update(id=f"ex-{number}", name=f"Exercise {number}", aliases=[])
    record.update(changes)
    return record


def catalog_text(exercises, references=()):
    data = minimal()
    data["exercises"] = list(exercises)
    data["references"] = list(references)
    return json.dumps(data)


def reference(ref_id):
    return {
        "authors": [{"family": "Doe", "given": "Jane"}],
        "id": ref_id,
        "kind": "book",
        "publisher": "Press",
        "title": "A book",
        "year": 2000,
    }


def problems(text):
    with pytest.raises(CatalogError) as info:
        upperback.loads(text, upperback.Catalog)
    return info.value


# -- 1. memory blow-up of suggestions ------------------------------------------


def test_1_unknown_references_suggest_a_few_ids_not_the_whole_list():
    refs = [reference(f"ref-{i:04d}") for i in range(500)]
    exercises = [exercise(i, references=[f"nope-{i:04d}"]) for i in range(500)]
    text = catalog_text(exercises, refs)
    tracemalloc.start()
    error = problems(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(error.problems) == 500
    # Each problem is short: a few suggestions at most, never 500 ids.
    assert max(len(p.message) for p in error.problems) < 200
    assert "did you mean 'ref-0007'" in error.problems[7].message
    assert len(str(error)) < 20_000
    assert peak < 100 * 1024 * 1024


def test_1_a_message_lists_at_most_fifty_problems():
    error = problems(catalog_text([exercise(i, references=["nope"]) for i in range(120)]))
    assert len(error.problems) == 120
    assert str(error).endswith("... and 70 more")


# -- 2. other exceptions escape ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"data_version": ' + "9" * 5000 + "}", "invalid JSON"),
        ('{"data_version": NaN}', "expected a number, got NaN"),
        ('{"data_version": Infinity}', "expected a number, got Infinity"),
    ],
)
def test_2_deep_nesting_and_huge_numbers_are_catalog_errors(text, fragment, tmp_path):
    for source in (text, text.encode()):
        error = problems(source)
        assert error.problems[0].path == "$"
        assert fragment in error.problems[0].message
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(CatalogError, match=fragment):
        upperback.load_catalog(path)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b'{"a": "\xff"}', "expected UTF-8 text, got an invalid byte at offset 7"),
        ("{}".encode("utf-16"), "expected UTF-8 text"),
        ("{}".encode("utf-32"), "expected UTF-8 text"),
        (b"\xef\xbb\xbf{}", "without a byte order mark"),
    ],
)
def test_2_loads_bytes_and_load_catalog_agree_on_encodings(raw, fragment, tmp_path):
    with pytest.raises(CatalogError) as from_bytes:
        upperback.loads(raw, upperback.Catalog)
    path = tmp_path / "enc.json"
    path.write_bytes(raw)
    with pytest.raises(CatalogError) as from_file:
        upperback.load_catalog(path)
    assert fragment in str(from_bytes.value)
    assert from_bytes.value.problems == from_file.value.problems


def test_2_a_text_bom_is_refused_too():
    error = problems("\ufeff{}")
    assert "byte order mark" in str(error)


def test_2_a_null_byte_in_the_path_is_a_catalog_error():
    with pytest.raises(CatalogError, match="null character"):
        upperback.load_catalog("cat\0alog.json")


def test_2_other_types_get_the_same_rules():
    with pytest.raises(DataError, match="nested too deeply"):
        upperback.loads("[" * 100_000, ProgramRequest)


# -- 3 and 4. surrogates, control, bidi and zero-width characters -------------------

HOSTILE_CHARACTERS = [
    "\ud800",  # a lone surrogate
    "\x1b[2J",  # ESC: clears a terminal
    "\x07",  # BEL
    "\r",  # CR: overwrites a line; a line break in Markdown
    "\x00",  # NUL
    "\x0b",  # VT
    "\x0c",  # FF
    "\u2028",  # LINE SEPARATOR
    "\u2029",  # PARAGRAPH SEPARATOR
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066",  # LEFT-TO-RIGHT ISOLATE
    "\u200b",  # ZERO WIDTH SPACE
    "\u200d",  # ZERO WIDTH JOINER
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE
    "\u00ad",  # SOFT HYPHEN
    "\ue000",  # private use
    "\ufffe",  # noncharacters (issue 18): XML, so SVG and FHIR XHTML, refuses them
    "\uffff",
    "\ufdd0",
    "\U0001fffe",
    "\U0010ffff",
]


@pytest.mark.parametrize("char", HOSTILE_CHARACTERS, ids=lambda c: f"U+{ord(c[0]):04X}")
@pytest.mark.parametrize(
    ("where", "path"),
    [
        ({"steps": ["Sit up tall.", "Slide your chin{c} back."]}, "$.exercises[0].steps[1]"),
        ({"name": "Chin{c} tuck"}, "$.exercises[0].name"),
        ({"summary": "Moves{c} your head."}, "$.exercises[0].summary"),
        ({"cautions": ["Go{c} slowly."]}, "$.exercises[0].cautions"),
    ],
)
def test_3_4_invisible_and_control_characters_are_refused_with_their_path(char, where, path):
    changes = {
        key: (
            [item.replace("{c}", char) for item in value]
            if isinstance(value, list)
            else value.replace("{c}", char)
        )
        for key, value in where.items()
    }
    # Through JSON escapes, as a hostile file would write them.
    error = problems(catalog_text([exercise(1, **changes)]))
    assert [p.path for p in error.problems] == [path] or error.problems[0].path.startswith(path)
    assert "expected visible text" in str(error)
    assert f"U+{ord(char[0]):04X}" in str(error)


def test_3_a_surrogate_in_a_key_is_refused_and_the_message_prints():
    data = json.loads(catalog_text([exercise(1)]))
    data["\ud800"] = 1
    error = problems(json.dumps(data))
    assert "unexpected key" in str(error)
    # The message itself can be written anywhere: it holds no surrogate.
    str(error).encode("utf-8")


def test_4_text_fields_of_the_constructors_refuse_them_too():
    with pytest.raises(ValueError, match="U\\+202E"):
        upperback.Step("Lift\u202e your arms.")
    with pytest.raises(ValueError, match="U\\+001B"):
        upperback.Author("Doe", "J\x1b")


def test_4_plain_accented_text_is_still_fine():
    assert upperback.Step("Lève le bras, à droite.").text == "Lève le bras, à droite."


# -- 5. duplicate keys ---------------------------------------------------------------


def test_5_a_repeated_top_level_key_is_refused_not_last_wins():
    text = catalog_text([exercise(1)])
    text = text[:-1] + ', "exercises": []}'
    error = problems(text)
    assert [str(p) for p in error.problems] == [
        "$.exercises: duplicate key: each key may appear once in an object"
    ]


def test_5_a_repeated_nested_key_names_its_path():
    text = catalog_text([exercise(1), exercise(2)])
    text = text.replace('"reps": 10', '"reps": 150, "reps": 10', 2)
    error = problems(text)
    assert [p.path for p in error.problems] == [
        "$.exercises[0].dosage.reps",
        "$.exercises[1].dosage.reps",
    ]


# -- 6. long progression chains ------------------------------------------------------


def chain(length, *, cycle=False):
    exercises = []
    for i in range(length):
        target = i + 1 if i + 1 < length else (0 if cycle else None)
        progressions = (
            []
            if target is None
            else [{"exercise": f"ex-{target}", "kind": "next-exercise", "when": "it is easy"}]
        )
        exercises.append(exercise(i, progressions=progressions))
    return catalog_text(exercises)


def test_6_a_chain_longer_than_the_recursion_limit_loads():
    length = sys.getrecursionlimit() + 500
    catalog = upperback.loads(chain(length), upperback.Catalog)
    assert len(catalog) == length


def test_6_a_long_cycle_is_found_and_named():
    length = sys.getrecursionlimit() + 500
    error = problems(chain(length, cycle=True))
    (problem,) = error.problems
    assert problem.path == "$.exercises[0].progressions"
    assert problem.message.startswith("progressions form a cycle: ex-0 -> ex-1 -> ")
    assert problem.message.endswith(f"ex-{length - 1} -> ex-0")


# -- 9 and 10, in the library: size limit, regular files only ---------------------


def test_9_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(" " * 2000 + json.dumps(minimal()))
    with pytest.raises(CatalogError, match="the limit is 1000 bytes"):
        upperback.load_catalog(path, max_bytes=1000)
    assert len(upperback.load_catalog(path)) == 1


def test_9_the_default_limit_is_documented():
    assert upperback.load_catalog.__doc__
    assert "64 MiB" in upperback.load_catalog.__doc__
    assert upperback.catalog.MAX_CATALOG_BYTES == 64 * 1024 * 1024


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_10_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(CatalogError, match="expected a regular file"):
        upperback.load_catalog(fifo)


def test_10_a_folder_or_device_is_refused(tmp_path):
    with pytest.raises(CatalogError, match="expected a regular file"):
        upperback.load_catalog(tmp_path)
    if Path("/dev/zero").exists():
        with pytest.raises(CatalogError, match="expected a regular file"):
            upperback.load_catalog("/dev/zero")


# -- 20. look-alike names, and merge clashes named in the user's file -----------------


@pytest.mark.parametrize(
    "lookalike",
    [
        "Chin tu\u0441k",  # Cyrillic es
        "\u0421hin tuck",  # Cyrillic capital es
        "Chin  tuck",  # two spaces
        "CHIN TUCK",
        "\uff23\uff48\uff49\uff4e tuck",  # full-width letters
        "Chín tuck",  # an accent
    ],
)
def test_20_look_alike_names_clash(lookalike):
    error = problems(catalog_text([exercise(1, name="Chin tuck"), exercise(2, name=lookalike)]))
    assert [p.path for p in error.problems] == ["$.exercises[1].name"]
    assert "already names exercise 'ex-1'" in str(error)


def test_20_a_zero_width_space_cannot_make_a_name_look_new():
    error = problems(
        catalog_text([exercise(1, name="Chin tuck"), exercise(2, name="Chin\u200b tuck")])
    )
    assert "U+200B" in str(error)


#: Characters drawn as nothing that are not format characters, from issue 18.
IGNORABLE_IN_NAMES = [
    "\u034f",  # COMBINING GRAPHEME JOINER
    "\ufe0f",  # VARIATION SELECTOR-16
    "\ufe00",  # VARIATION SELECTOR-1
    "\U000e0100",  # VARIATION SELECTOR-17
    "\u180b",  # MONGOLIAN FREE VARIATION SELECTOR ONE
    "\u17b4",  # KHMER VOWEL INHERENT AQ
    "\u3164",  # HANGUL FILLER
    "\u115f",  # HANGUL CHOSEONG FILLER
    "\u1160",  # HANGUL JUNGSEONG FILLER
]


@pytest.mark.parametrize("char", IGNORABLE_IN_NAMES, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(("field", "path"), [("name", "name"), ("aliases", "aliases")])
def test_18_a_name_or_alias_with_an_invisible_character_is_refused(char, field, path):
    value = f"Rowing exercise{char}"
    error = problems(
        catalog_text([exercise(1, **{field: [value] if field == "aliases" else value})])
    )
    assert error.problems[0].path.startswith(f"$.exercises[0].{path}")
    assert f"U+{ord(char):04X}" in str(error)
    assert "expected a name a reader can see whole" in str(error)
    with pytest.raises(ValueError, match=f"U\\+{ord(char):04X}"):
        upperback.Exercise(
            id="x",
            name=value,
            summary="S.",
            category="strengthening",
            positions=["standing"],
            steps=[upperback.Step("Do it.")],
            dosage=None,
        )


@pytest.mark.parametrize("char", IGNORABLE_IN_NAMES, ids=lambda c: f"U+{ord(c):04X}")
def test_18_the_name_key_drops_characters_drawn_as_nothing(char):
    from upperback._validate import name_key  # noqa: PLC0415

    assert name_key(f"Rowing exercise{char}") == name_key("Rowing exercise")
    assert name_key(f"Row{char}ing exercise") == name_key("Rowing exercise")


def test_18_other_text_may_hold_a_variation_selector():
    # Only names must be seen whole; a step may show an emoji in its text style.
    assert upperback.Step("Smile \u263a\ufe0f.").text == "Smile \u263a\ufe0f."


def test_18_the_default_ignorable_table_is_sorted_and_holds_the_examples():
    from upperback.model import _DEFAULT_IGNORABLE_RANGES, ignorable_character  # noqa: PLC0415

    flat = [bound for pair in _DEFAULT_IGNORABLE_RANGES for bound in pair]
    assert flat == sorted(flat)
    assert all(first <= last for first, last in _DEFAULT_IGNORABLE_RANGES)
    for char in [*IGNORABLE_IN_NAMES, "\u00ad", "\u200b", "\u2065", "\U000e0fff"]:
        assert ignorable_character(f"a{char}") is not None
    for char in ["a", "\u00e9", "\u0301", "\u0435", "\u1100", "\u3165", "\U000e1000"]:
        assert ignorable_character(f"a{char}") is None


def test_18_the_default_ignorable_table_matches_a_second_source():
    """The ``regex`` package knows the property; where it is installed, the tables agree."""
    regex = pytest.importorskip("regex")
    from upperback.model import _DEFAULT_IGNORABLE_RANGES  # noqa: PLC0415

    theirs = regex.compile(r"\p{Default_Ignorable_Code_Point}")
    ours = {c for first, last in _DEFAULT_IGNORABLE_RANGES for c in range(first, last + 1)}
    assert {c for c in range(sys.maxunicode + 1) if theirs.match(chr(c))} == ours


def test_20_a_merge_clash_names_the_users_file_and_index(tmp_path):
    bundled = upperback.load_catalog()
    mine = minimal()
    mine["exercises"].append(exercise(2, name="Rowing exercise"))  # a bundled name
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(mine))
    with pytest.raises(CatalogError) as info:
        bundled.merge(upperback.load_catalog(path))
    assert info.value.source == str(path)
    assert [p.path for p in info.value.problems] == ["$.exercises[1].name"]
    assert "'Rowing exercise' already names exercise 'band-row'" in str(info.value)
    assert str(path) in str(info.value)


# -- 19. pickling and deep copies ------------------------------------------------------


def test_19_a_catalog_pickles_and_deep_copies():
    bundled = upperback.load_catalog()
    for copied in (
        pickle.loads(  # noqa: S301 - our own bytes
            pickle.dumps(bundled)
        ),
        copy.deepcopy(bundled),
    ):
        assert copied == bundled
        assert copied is not bundled
        assert copied.ids == bundled.ids
        assert copied.search("wall slide")[0].exercise.id == "arm-slide-on-wall"
        assert copied.filter(category="stretch") == bundled.filter(category="stretch")


def test_19_a_merged_catalog_keeps_where_its_exercises_came_from():
    mine = upperback.load_catalog(FIXTURES / "good" / "minimal.json")
    merged = upperback.load_catalog().merge(mine)
    copied = pickle.loads(  # noqa: S301 - our own bytes
        pickle.dumps(merged)
    )
    assert copied == merged
    assert upperback.render(copied["chin-tuck"], catalog=copied) == upperback.render(
        merged["chin-tuck"], catalog=merged
    )


def test_19_exercises_still_pickle():
    exercise_ = upperback.load_catalog()["band-row"]
    assert (
        pickle.loads(  # noqa: S301 - our own bytes
            pickle.dumps(exercise_)
        )
        == exercise_
    )
    assert isinstance(exercise_, Exercise)


# -- 18. a bound on steps, so one exercise cannot make a handout of hundreds of pages ------


def test_18_an_exercise_has_at_most_40_steps_of_at_most_2000_characters():
    from upperback.model import MAX_STEP_LENGTH, MAX_STEPS  # noqa: PLC0415

    assert (MAX_STEPS, MAX_STEP_LENGTH) == (40, 2_000)
    fine = [f"Step {i}: " + "a" * (MAX_STEP_LENGTH - 10) for i in range(MAX_STEPS)]
    assert all(len(step) <= MAX_STEP_LENGTH for step in fine)
    catalog = upperback.loads(catalog_text([exercise(1, steps=fine)]), upperback.Catalog)
    assert len(catalog["ex-1"].steps) == MAX_STEPS

    error = problems(catalog_text([exercise(1, steps=[*fine, "One more."])]))
    assert [str(p) for p in error.problems] == [
        "$.exercises[0].steps: expected at most 40 steps, got 41"
    ]
    error = problems(catalog_text([exercise(1, steps=["Sit up.", "a" * 2_001])]))
    assert [str(p) for p in error.problems] == [
        "$.exercises[0].steps[1].text: expected a step of at most 2000 characters, got 2001"
    ]
    with pytest.raises(ValueError, match="at most 2000 characters"):
        upperback.Step("a" * 2_001)


def test_18_the_schema_says_the_same_bounds():
    jsonschema = pytest.importorskip("jsonschema")
    schema = upperback.json_schema("catalog")
    validator = jsonschema.Draft202012Validator(schema)
    ok = json.loads(catalog_text([exercise(1, steps=["Sit up."] * 40)]))
    assert not list(validator.iter_errors(ok))
    too_many = json.loads(catalog_text([exercise(1, steps=["Sit up."] * 41)]))
    too_long = json.loads(catalog_text([exercise(1, steps=["a" * 2_001])]))
    assert list(validator.iter_errors(too_many))
    assert list(validator.iter_errors(too_long))
