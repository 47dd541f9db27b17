import pytest
from django.core.exceptions import ImproperlyConfigured

from eig.env import env_bool, env_int, env_list


def test_booleans_are_read_strictly(monkeypatch):
    monkeypatch.setenv("DEBUG", "yes")
    assert env_bool("DEBUG") is True
    monkeypatch.setenv("DEBUG", "0")
    assert env_bool("DEBUG", default=True) is False
    monkeypatch.setenv("DEBUG", "peut-être")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be a boolean"):
        env_bool("DEBUG")


def test_missing_values_take_the_default(monkeypatch):
    monkeypatch.delenv("EIG_UNSET", raising=False)
    assert env_bool("EIG_UNSET") is False
    assert env_int("EIG_UNSET", 3) == 3
    assert env_list("EIG_UNSET", ["a"]) == ["a"]


def test_integers_and_lists(monkeypatch):
    monkeypatch.setenv("EIG_PORT", "x25")
    with pytest.raises(ImproperlyConfigured, match="EIG_PORT must be an integer"):
        env_int("EIG_PORT", 25)
    monkeypatch.setenv("EIG_HOSTS", "a.example, b.example,")
    assert env_list("EIG_HOSTS", []) == ["a.example", "b.example"]
