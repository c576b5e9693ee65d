"""Shared test set-up."""

import pytest

from lab_lib.messages import set_language


@pytest.fixture(autouse=True)
def _language_from_environment():
    """Each test starts and ends with the language taken from the environment.

    A Brief sets the process language, as a notebook kernel should; tests must
    not leak it into each other.
    """
    set_language(None)
    yield
    set_language(None)
