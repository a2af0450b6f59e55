import datetime as dt
import itertools

import attrs
import pytest
from hypothesis import given

import upperback
from upperback import (
    Action,
    Category,
    Equipment,
    Feedback,
    InvalidConstraintError,
    NoEligibleExercisesError,
    OmissionReason,
    Position,
    Program,
    ProgramRequest,
    Timing,
    UnknownVocabularyError,
    UpperbackError,
    adapt,
    build_program,
    ladder,
)

from . import strategies

WARM_UP = {Category.STRETCH, Category.MOBILITY}


@pytest.fixture(scope="module")
def catalog():
    return upperback.load_catalog()


@pytest.fixture(scope="module")
def default():
    return build_program()


def week_values(program, exercise_id, get):
    return [
        get(next(i for i in w.items if i.exercise == exercise_id).dosage) for w in program.weeks
    ]


class TestProperties:
    @given(strategies.constraints())
    def test_invariants(self, kwargs):
        catalog = upperback.load_catalog()
        try:
            program = build_program(**kwargs)
        except NoEligibleExercisesError as err:
            assert {o.exercise for o in err.omitted} == set(catalog.ids)  # noqa: PT017
            return
        equipment = set(kwargs["equipment"])
        avoided = set(kwargs["avoid_positions"])
        budget = dt.timedelta(minutes=kwargs["minutes_per_session"])
        chosen = program.exercise_ids
        assert len(program.weeks) == kwargs["weeks"]
        # omitted plus chosen is the whole catalog, once each
        omitted = [o.exercise for o in program.omitted]
        assert sorted([*chosen, *omitted]) == sorted(catalog.ids)
        for exercise_id in chosen:
            exercise = catalog[exercise_id]
            assert exercise.fits(equipment, avoid_positions=avoided)
            assert exercise_id not in kwargs["exclude"]
        for week in program.weeks:
            assert tuple(i.exercise for i in week.items) == chosen
            assert week.estimated_session_duration <= week.estimated_daily_duration <= budget
            assert week.estimated_session_duration == sum(
                (i.estimated_duration for i in week.items), dt.timedelta()
            )
            categories = [catalog[i.exercise].category in WARM_UP for i in week.items]
            assert categories == sorted(categories, reverse=True)  # warm-up first
            for item in week.items:
                self.assert_within_source(catalog[item.exercise], item.dosage)

    @staticmethod
    def assert_within_source(exercise, dosage):
        source = exercise.dosage
        assert dosage.sets == source.sets
        assert dosage.reps.is_exact
        assert dosage.reps.low in source.reps
        assert dosage.per_side == source.per_side
        assert dosage.frequency == source.frequency
        if source.hold is None:
            assert dosage.hold is None
        else:
            assert dosage.hold.unit is source.hold.unit
            assert dosage.hold.duration.low in source.hold.duration
        # The calendar applies no progression: a load comes only on a condition.
        assert dosage.load == source.load

    @given(strategies.catalogs(), strategies.constraints())
    def test_invariants_hold_for_any_catalog(self, catalog, kwargs):
        kwargs = {**kwargs, "include": [], "exclude": [], "catalog": catalog}
        try:
            program = build_program(**kwargs)
        except NoEligibleExercisesError as err:
            assert {o.exercise for o in err.omitted} == set(catalog.ids)  # noqa: PT017
            return
        budget = dt.timedelta(minutes=kwargs["minutes_per_session"])
        assert sorted([*program.exercise_ids, *(o.exercise for o in program.omitted)]) == sorted(
            catalog.ids
        )
        for week in program.weeks:
            assert week.estimated_daily_duration <= budget
            for item in week.items:
                exercise = catalog[item.exercise]
                assert exercise.fits(kwargs["equipment"], avoid_positions=kwargs["avoid_positions"])
                source = exercise.dosage
                assert item.dosage.sets == source.sets
                assert item.dosage.reps.low in source.reps
                # The calendar applies no progression, and a load needs the kit.
                assert item.dosage.load == source.load
                if source.load is not None:
                    assert set(source.load.options) & set(kwargs["equipment"])
                assert upperback.DOSE_CEILING.allows(source)

    @given(strategies.constraints())
    def test_same_inputs_equal_program(self, kwargs):
        try:
            first = build_program(**kwargs)
        except NoEligibleExercisesError:
            return
        assert build_program(**kwargs) == first

    @given(strategies.programs)
    def test_json_round_trip(self, program):
        assert upperback.loads(upperback.dumps(program), Program) == program

    @given(strategies.programs)
    def test_rebuilds_from_its_request(self, program):
        request = program.request
        rebuilt = build_program(**attrs.asdict(request, recurse=False))
        assert rebuilt == program

    @given(strategies.programs)
    def test_never_regresses_week_to_week(self, program):
        for before, after in zip(program.weeks, program.weeks[1:], strict=False):
            for a, b in zip(before.items, after.items, strict=True):
                assert b.dosage.reps.low >= a.dosage.reps.low
                if a.dosage.hold:
                    assert b.dosage.hold.duration.low >= a.dosage.hold.duration.low
                if a.dosage.load:
                    assert b.dosage.load == a.dosage.load

    @given(strategies.programs)
    def test_dates_follow_the_start(self, program):
        start = program.request.start
        for week in program.weeks:
            if start is None:
                assert week.start is None
                assert week.end is None
            else:
                assert week.start == start + dt.timedelta(weeks=week.number - 1)
                assert week.end - week.start == dt.timedelta(days=6)


class TestExamples:
    def test_default_program(self, default, catalog):
        assert default.request == ProgramRequest()
        assert default.data_version == catalog.data_version
        assert default.schedule.sessions_per_week == 7
        assert default.schedule.more_often == ("thoracic-extension",)
        assert default.schedule.describe() == "Do the session every day for 4 weeks."
        categories = {catalog[i].category for i in default.exercise_ids}
        assert categories & WARM_UP
        assert categories - WARM_UP
        assert all(w.start is None for w in default.weeks)

    def test_no_band_no_row(self, default):
        assert "band-row" not in default.exercise_ids
        (row,) = [o for o in default.omitted if o.exercise == "band-row"]
        assert row.reason is OmissionReason.MISSING_EQUIPMENT
        assert row.detail == "it needs elastic band, and door or sturdy anchor"

    def test_with_a_band_the_row_can_be_chosen(self):
        program = build_program(equipment=["elastic-band", "door", "chair"], minutes_per_session=30)
        assert "band-row" in program.exercise_ids

    @pytest.mark.parametrize(
        ("avoid", "removed"),
        [("lying-on-stomach", "mid-trap-raise"), ("hands-and-knees", "quadruped-arm-leg-raise")],
    )
    def test_avoiding_a_position(self, avoid, removed):
        program = build_program(avoid_positions=[avoid], minutes_per_session=60)
        assert removed not in program.exercise_ids
        (omission,) = [o for o in program.omitted if o.exercise == removed]
        assert omission.reason is OmissionReason.AVOIDED_POSITION

    def test_five_minute_budget(self):
        program = build_program(minutes_per_session=5)
        assert program.exercise_ids
        for week in program.weeks:
            assert week.estimated_session_duration <= dt.timedelta(minutes=5)
        reasons = {o.reason for o in program.omitted}
        assert OmissionReason.OVER_TIME_BUDGET in reasons

    def test_only_more_than_daily_work_is_more_often(self, catalog):
        once = upperback.Frequency(upperback.Period.DAY, upperback.Range.exact(1))
        extension = catalog["thoracic-extension"]
        daily = attrs.evolve(extension, dosage=attrs.evolve(extension.dosage, frequency=once))
        mine = attrs.evolve(catalog, exercises=(daily,))
        assert build_program(catalog=mine).schedule.more_often == ()
        assert build_program().schedule.more_often == ("thoracic-extension",)

    def test_excluded(self):
        program = build_program(exclude=["thoracic-extension"], minutes_per_session=60)
        assert "thoracic-extension" not in program.exercise_ids
        assert program.schedule.more_often == ()
        (omission,) = [o for o in program.omitted if o.exercise == "thoracic-extension"]
        assert omission.reason is OmissionReason.EXCLUDED

    def test_include_goes_first_in_the_choice(self):
        program = build_program(minutes_per_session=5, include=["scapular-squeeze"])
        assert "scapular-squeeze" in program.exercise_ids

    def test_progression_moves_to_the_top_of_the_range(self):
        program = build_program(minutes_per_session=60)
        assert week_values(program, "pectoralis-stretch", lambda d: d.hold.duration.low) == [
            15,
            20,
            25,
            30,
        ]
        assert week_values(program, "arm-slide-on-wall", lambda d: d.reps.low) == [8, 9, 11, 12]
        assert week_values(program, "thoracic-stretch", lambda d: d.hold.duration.low) == [15] * 4

    @pytest.mark.parametrize(
        "equipment",
        [
            None,
            ["firm-surface", "pillow", "soup-cans"],
            ["small-weights", *upperback.DEFAULT_EQUIPMENT],
        ],
    )
    def test_mid_trap_load_is_never_on_the_calendar(self, equipment):
        program = build_program(equipment=equipment, minutes_per_session=60)
        assert week_values(program, "mid-trap-raise", lambda d: d.load) == [None] * 4
        assert (
            week_values(program, "mid-trap-raise", lambda d: (d.sets, d.reps.low)) == [(3, 15)] * 4
        )

    def test_one_week_program_starts_at_the_bottom(self):
        program = build_program(weeks=1, minutes_per_session=60)
        (week,) = program.weeks
        dosage = {i.exercise: i.dosage for i in week.items}
        assert dosage["pectoralis-stretch"].hold.duration.low == 15
        assert dosage["mid-trap-raise"].load is None

    def test_dated_weeks(self):
        program = build_program(start=dt.date(2026, 1, 5), weeks=2)
        assert [(w.start, w.end) for w in program.weeks] == [
            (dt.date(2026, 1, 5), dt.date(2026, 1, 11)),
            (dt.date(2026, 1, 12), dt.date(2026, 1, 18)),
        ]

    def test_time_estimate(self, catalog):
        timing = Timing()
        squeeze = catalog["scapular-squeeze"].dosage
        # setup 20 + 2 sets x 15 reps x (3 s + 5 s hold) + 1 rest of 30
        assert timing.estimate(squeeze) == dt.timedelta(seconds=290)
        bird_dog = catalog["quadruped-arm-leg-raise"].dosage
        # setup 20 + 10 reps x 2 sides x (3 s + 5 s hold)
        assert timing.estimate(bird_dog) == dt.timedelta(seconds=180)
        assert Timing(setup=0, seconds_per_rep=1).estimate(
            catalog["thoracic-extension"].dosage
        ) == dt.timedelta(seconds=10)

    def test_overridable_timing_changes_the_choice(self):
        slow = Timing(seconds_per_rep=10, rest_between_sets=120, setup=120)
        assert len(build_program(timing=slow).exercise_ids) < len(build_program().exercise_ids)


class TestErrors:
    def test_nothing_fits(self, catalog):
        with pytest.raises(NoEligibleExercisesError) as info:
            build_program(equipment=[], avoid_positions=["sitting", "standing"])
        err = info.value
        assert isinstance(err, ValueError)
        assert isinstance(err, UpperbackError)
        assert [o.exercise for o in err.omitted] == list(catalog.ids)
        message = str(err)
        assert message.startswith("no exercise fits these constraints:")
        assert "  scapular-squeeze: it is done sitting or standing, which is avoided" in message
        assert "  band-row: it needs elastic band, and door or sturdy anchor" in message

    def test_nothing_fits_in_the_time(self):
        with pytest.raises(NoEligibleExercisesError, match="does not fit in 1 minute with"):
            build_program(minutes_per_session=1, timing=Timing(setup=120))

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"weeks": 0}, "weeks: expected a whole number from 1 to 52, got 0"),
            ({"minutes_per_session": -5}, "minutes_per_session: expected a whole number"),
            ({"sessions_per_week": 8}, "sessions_per_week: expected a whole number from 1 to 7"),
            ({"weeks": 2.5}, "weeks: expected a whole number"),
            ({"weeks": True}, "weeks: expected a whole number"),
            ({"include": ["band-rwo"]}, "include: no exercise with id 'band-rwo'; did you mean"),
            ({"exclude": ["nope"]}, "exclude: no exercise with id 'nope'"),
            ({"start": "2026-01-05"}, "start: expected a date"),
            ({"start": dt.datetime(2026, 1, 5)}, "start: expected a date"),  # noqa: DTZ001
        ],
    )
    def test_nonsense_arguments(self, kwargs, message):
        with pytest.raises(InvalidConstraintError, match=message):
            build_program(**kwargs)

    def test_unknown_equipment_slug(self):
        with pytest.raises(UnknownVocabularyError, match="did you mean 'elastic-band'"):
            build_program(equipment=["elastic-bnd"])

    def test_strings_and_enums_are_both_accepted(self):
        by_slug = build_program(equipment=["wall", "chair"], avoid_positions=["sitting"])
        by_enum = build_program(
            equipment=[Equipment.WALL, Equipment.CHAIR], avoid_positions=[Position.SITTING]
        )
        assert by_slug == by_enum


class TestLadderAndAdapt:
    def test_ladders(self, catalog):
        words = {e.id: [d.describe() for d in ladder(e)] for e in catalog}
        assert words["pectoralis-stretch"] == [
            "Hold 15 seconds. Do it 3 times.",
            "Hold 20 seconds. Do it 3 times.",
            "Hold 25 seconds. Do it 3 times.",
            "Hold 30 seconds. Do it 3 times.",
        ]
        assert words["arm-slide-on-wall"] == [f"2 sets of {n}" for n in range(8, 13)]
        assert words["mid-trap-raise"] == [
            "3 sets of 15",
            "3 sets of 15, with soup cans or small weights in your hands",
        ]
        assert words["band-row"] == ["2 sets of 15"]

    @pytest.mark.parametrize("kit", ["default", "everything"])
    @pytest.mark.parametrize("exercise_id", upperback.load_catalog().ids)
    def test_adapt_at_the_bottom_and_top_of_every_range(self, catalog, exercise_id, kit):
        exercise = catalog[exercise_id]
        if kit == "default":
            steps = ladder(exercise, equipment=upperback.DEFAULT_EQUIPMENT)
            adapt = upperback.adapt
        else:
            everything = [e for e in Equipment if e is not Equipment.UNKNOWN]
            steps = ladder(exercise, equipment=everything)
            assert steps == ladder(exercise)

            def adapt(*args, **kwargs):
                return upperback.adapt(*args, equipment=everything, **kwargs)

        bottom, top = steps[0], steps[-1]

        easier = adapt(exercise, bottom, "too-hard")
        assert easier.action is Action.STOP
        assert easier.dosage is None
        assert "provider" in easier.message

        at_top = adapt(exercise, top, Feedback.TOO_EASY)
        assert at_top.action is Action.KEEP
        assert at_top.dosage == top
        assert "Ask your provider before you do more" in at_top.message

        for step in steps:
            hurt = adapt(exercise, step, "painful")
            assert hurt.action is Action.STOP
            assert hurt.dosage is None
            assert "Contact your provider" in hurt.message
            same = adapt(exercise, step, "just-right")
            assert (same.action, same.dosage) == (Action.KEEP, step)

        for lower, higher in itertools.pairwise(steps):
            up = adapt(exercise, lower, "too-easy")
            assert (up.action, up.dosage) == (Action.PROGRESS, higher)
            down = adapt(exercise, higher, "too-hard")
            assert (down.action, down.dosage) == (Action.REGRESS, lower)

        # A dosage said as sentences ("Do it 3 times.") ends a message once.
        for step in steps:
            for feedback in Feedback:
                for locale in (None, "es"):
                    message = adapt(exercise, step, feedback, locale=locale).message
                    assert ".." not in message, message

    def test_the_source_dosage_is_the_first_step(self, catalog):
        exercise = catalog["arm-slide-on-wall"]
        result = adapt(exercise, exercise.dosage, "too-easy")
        assert result.dosage.reps.low == 9

    def test_off_ladder_dosage(self, catalog):
        exercise = catalog["band-row"]
        too_much = attrs.evolve(exercise.dosage, sets=5)
        with pytest.raises(InvalidConstraintError, match="is not a step of 'band-row'"):
            adapt(exercise, too_much, "too-easy")

    def test_unknown_feedback(self, catalog):
        with pytest.raises(UnknownVocabularyError, match="unknown feedback 'meh'"):
            adapt(catalog["band-row"], catalog["band-row"].dosage, "meh")
