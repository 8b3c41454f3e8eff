"""The rights personas for the metrics tests."""

from tests.rights.conftest import administrator, anna  # noqa: F401 - fixtures
