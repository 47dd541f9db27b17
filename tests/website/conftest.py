import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request under /en/ leaves English active in the test's thread (Django's LocaleMiddleware
    does not restore it): the next tests, here and in other modules, expect French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
