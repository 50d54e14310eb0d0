"""The admin's tests use the public site's factory-built issue as well."""
from tests.web.conftest import front_page, paper, seeded  # noqa: F401  (fixtures)
