"""Exceptions raised by lab_lib.

Every error a user can cause is a :class:`LabError`; its message is already in
the user's language and says what is wrong, where, and what to do. The command
line prints that message on one line and exits with the error's ``exit_code``.

Hierarchy::

    LabError
    ├── RegionError          a name or code that is not one region
    ├── CatalogError         the catalog or data folder cannot be used
    │   └── DataNotFoundError  no rows for the requested filter or year
    ├── DataValidationError  a dataset fails its schema
    ├── EvidenceError        a recommendation without evidence
    ├── RuleError            a recommendation rules file cannot be used
    ├── MapError             a map cannot be drawn from the data and options
    └── PaperError           a brief could not be built
        └── OfflineError     something would have to load from the network
"""

from __future__ import annotations

from lab_lib.messages import text

__all__ = [
    "CatalogError",
    "DataNotFoundError",
    "DataValidationError",
    "EvidenceError",
    "LabError",
    "MapError",
    "OfflineError",
    "PaperError",
    "RegionError",
    "RuleError",
]


class LabError(Exception):
    """Base class: a problem the user can fix, with a message saying how."""

    exit_code = 1

    def __init__(self, key: str, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(text(key, **fields))


class RegionError(LabError, LookupError):
    """A region name or code did not resolve to exactly one region."""

    exit_code = 3


class CatalogError(LabError):
    """The catalog, the data folder or a dataset cannot be found or read."""

    exit_code = 4


class DataNotFoundError(CatalogError, LookupError):
    """A filter (region, year, ...) selects no rows."""

    exit_code = 5


class DataValidationError(LabError, ValueError):
    """A dataset does not match its schema."""

    exit_code = 6


class EvidenceError(LabError, ValueError):
    """A recommendation does not cite a figure or table of the brief."""

    exit_code = 7


class RuleError(LabError, ValueError):
    """A theme's recommendation rules file or one of its rules is unusable."""

    exit_code = 7


class MapError(LabError, ValueError):
    """A thematic map cannot be drawn from the given data and options."""

    exit_code = 9


class PaperError(LabError):
    """A brief could not be executed or exported."""

    exit_code = 8


class OfflineError(PaperError):
    """A map or brief cannot be made to work without a network connection."""
