import os

from hypothesis import HealthCheck, settings

# Input-generation speed is not behaviour: on a shared, loaded machine the
# too_slow health check failed whole catalogs at random.
settings.register_profile("dev", max_examples=50, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
