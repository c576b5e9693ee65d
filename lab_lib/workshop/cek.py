"""The exercise checks of the workshop notebooks: ``cek.latihan_02(hasil)``.

Each check takes the participant's answer and returns a
:class:`~lab_lib.workshop.feedback.Feedback`: what is right, what is off and a
hint, in Bahasa Indonesia, never a traceback. :func:`ringkasan` tells which
exercises of this session were answered right.

A check lives in the module of its lesson (``lesson_02`` for notebook 02) and
is imported the first time it is used, so a notebook loads only what it needs.
"""

from __future__ import annotations

import importlib
from typing import Any

from lab_lib.workshop.feedback import summary as ringkasan

LESSONS = ("00", "01", "02", "03", "04", "05", "06")

__all__ = [*(f"latihan_{number}" for number in LESSONS), "ringkasan"]


def __getattr__(name: str) -> Any:
    number = name.removeprefix("latihan_")
    if name.startswith("latihan_") and number in LESSONS:
        module = importlib.import_module(f"lab_lib.workshop.lesson_{number}")
        check = getattr(module, name)
        globals()[name] = check
        return check
    raise AttributeError(
        f"cek tidak punya {name!r}. Yang ada: {', '.join(__all__)}.", name=name
    )


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
