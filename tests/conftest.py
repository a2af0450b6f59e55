import os

from hypothesis import HealthCheck, settings

# dev: the README's test command, 25 examples a test, so the suite stays under
# three minutes on two cores (issue 17). ci: the derandomized run of GitHub's
# test matrix, 100 examples; the fuzz profile is the long search.
# fast: derandomized and small, for the other Pythons and the oldest
# dependencies in .ci/run, where the point is "does it import and run here",
# not another search for counterexamples. Input-generation speed is not
# behaviour: on a shared, loaded machine the too_slow check fails at random.
# No profile has a deadline: a test's speed on a loaded or slow machine is not our
# behaviour (a fresh machine failed test_random_figures_validate at the 200 ms default).
settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fast",
    max_examples=10,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# fuzz: the long run of tests/test_fuzz.py, documented in docs/data.md.
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def pytest_collection_modifyitems(items):
    """Put the tests marked ``first`` first, in their own order.

    With ``-n``, such a test (fhircraft's, which first builds fhircraft's
    models for about 50 s) runs on one worker while the other workers share
    the rest; begun last, the other workers sat idle until it ended.
    """
    items.sort(key=lambda item: item.get_closest_marker("first") is None)
