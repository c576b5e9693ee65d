"""The workshop kit behind ``notebooks/workshop``.

Participants of a learning-by-doing workshop are civil servants who have not
written Python before. Three things help them:

- :mod:`lab_lib.workshop.feedback`: exercise checks that answer in plain
  Bahasa Indonesia (what is right, what is off, a hint) and never with a
  traceback, and :func:`start`, which makes errors in a participant's own
  cells explain themselves.
- :mod:`lab_lib.workshop.cek`: one check per exercise, ``cek.latihan_02(...)``.
- :mod:`lab_lib.workshop.agency_files`: the messy agency spreadsheets that the
  cleaning lesson works on, generated from the sample catalog and marked as
  sample.

The kit speaks Indonesian only, as the workshop notebooks do.
"""

from lab_lib.workshop.feedback import Feedback, start

__all__ = ["Feedback", "start"]
