"""Friendly feedback for workshop exercises and for errors in participants' cells.

An exercise check is a function decorated with :func:`exercise`. It receives a
:class:`Check` to record what is right (:meth:`Check.right`), what is off
(:meth:`Check.wrong`, with a hint) and plain remarks (:meth:`Check.info`). The
decorated function returns a :class:`Feedback`, which Jupyter shows as a small
coloured box. It never raises: an answer left as ``...``, an answer of the
wrong kind, or a bug in the check itself all become sentences.

>>> @exercise("99", "Latihan contoh")
... def latihan_99(check, jawaban):
...     check.require(jawaban == 4, "Dua tambah dua memang 4.",
...                   "Jawabannya belum 4.", hint="Hitung 2 + 2.")
>>> print(latihan_99(4))
Latihan contoh: BENAR
  ✔ Dua tambah dua memang 4.
>>> bool(latihan_99(5))
False
>>> print(latihan_99(...))  # doctest: +ELLIPSIS
Latihan contoh: BELUM DIISI
  … Jawaban belum diisi: ganti ... di sel latihan dengan jawaban Anda, ...
>>> summary()["99"]
False
"""

from __future__ import annotations

import functools
import html
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lab_lib.errors import LabError

__all__ = [
    "Check",
    "Feedback",
    "StopCheck",
    "exercise",
    "explain",
    "start",
    "summary",
]

# The outcome of the latest call of each exercise check in this kernel.
_RESULTS: dict[str, bool] = {}

_MARKS = {"benar": "✔", "salah": "✘", "petunjuk": "→", "info": "•", "kosong": "…"}
_COLOURS = {
    "benar": "#1a7f37",
    "salah": "#b42318",
    "petunjuk": "#8a5a00",
    "info": "#333333",
    "kosong": "#555555",
}
_VERDICTS = {True: "BENAR", False: "BELUM BENAR", None: "BELUM DIISI"}
_BORDERS = {True: "#1a7f37", False: "#b42318", None: "#888888"}


@dataclass(frozen=True)
class Line:
    """One sentence of feedback and its kind (benar, salah, petunjuk, info)."""

    kind: str
    text: str


@dataclass
class Feedback:
    """What a check found, shown in Jupyter as a coloured box.

    ``benar`` is True when nothing is off, False when something is, and None
    when the answer was not filled in. The object is truthy only when right.
    """

    latihan: str
    judul: str
    lines: list[Line] = field(default_factory=list)

    @property
    def benar(self) -> bool | None:
        kinds = {line.kind for line in self.lines}
        if "kosong" in kinds:
            return None
        return "salah" not in kinds

    def __bool__(self) -> bool:
        return self.benar is True

    def __str__(self) -> str:
        head = f"{self.judul}: {_VERDICTS[self.benar]}"
        body = [f"  {_MARKS[line.kind]} {_plain(line.text)}" for line in self.lines]
        return "\n".join([head, *body])

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        border = _BORDERS[self.benar]
        items = "".join(
            f'<li style="color:{_COLOURS[line.kind]};list-style:none;margin:2px 0">'
            f"{_MARKS[line.kind]} {_html(line.text)}</li>"
            for line in self.lines
        )
        return (
            f'<div class="lab-cek" style="border-left:6px solid {border};'
            'padding:6px 12px;margin:6px 0;background:#fafafa">'
            f'<strong style="color:{border}">{html.escape(self.judul)}: '
            f"{_VERDICTS[self.benar]}</strong>"
            f'<ul style="padding-left:4px;margin:4px 0">{items}</ul></div>'
        )


class StopCheck(Exception):
    """Raised by :meth:`Check.stop` to end a check early (nothing more to see)."""


class Check:
    """Collects the findings of one exercise check."""

    def __init__(self, latihan: str, judul: str) -> None:
        self.feedback = Feedback(latihan, judul)

    def _add(self, kind: str, text: str) -> None:
        self.feedback.lines.append(Line(kind, text))

    def right(self, text: str) -> None:
        """Record something the participant got right."""
        self._add("benar", text)

    def wrong(self, text: str, hint: str | None = None) -> None:
        """Record something that is off, with an optional hint to fix it."""
        self._add("salah", text)
        if hint:
            self._add("petunjuk", hint)

    def info(self, text: str) -> None:
        """Record a remark that is neither right nor wrong."""
        self._add("info", text)

    def require(
        self, condition: object, right: str, wrong: str, hint: str | None = None
    ) -> bool:
        """Record ``right`` when ``condition`` holds, else ``wrong`` and ``hint``."""
        if condition:
            self.right(right)
            return True
        self.wrong(wrong, hint)
        return False

    def stop(self, text: str, hint: str | None = None) -> None:
        """Record ``text`` as wrong and end the check here."""
        self.wrong(text, hint)
        raise StopCheck


def exercise(
    latihan: str, judul: str, *, partial: bool = False
) -> Callable[[Callable[..., None]], Callable[..., Feedback]]:
    """Turn ``check_function(check, *answers)`` into a participant-facing check.

    The returned function takes the answers, returns a :class:`Feedback`, and
    remembers the outcome for :func:`summary`. An answer left as ``...`` makes
    the verdict BELUM DIISI. With ``partial=True`` (for checks that judge each
    answer on its own, skipping those left as ``...``) the answers already
    given are judged too, and the missing ones are named.
    """

    def decorate(function: Callable[..., None]) -> Callable[..., Feedback]:
        names = list(inspect.signature(function).parameters)[1:]

        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Feedback:
            check = Check(latihan, judul)
            given = {**dict(zip(names, args, strict=False)), **kwargs}
            missing = [name for name, value in given.items() if value is Ellipsis]
            if missing:
                check._add("kosong", _not_filled(missing, len(given)))
            if not missing or (partial and len(missing) < len(given)):
                try:
                    function(check, *args, **kwargs)
                except StopCheck:
                    pass
                except LabError as exc:
                    check.wrong("Jawaban ini belum bisa diperiksa.", explain(exc))
                except Exception as exc:
                    check.wrong(
                        "Pemeriksa belum bisa membaca jawaban ini.",
                        f"{explain(exc)} Bila jawaban Anda sudah sesuai petunjuk "
                        "latihan, tunjukkan pesan ini ke fasilitator (rincian "
                        f"untuk fasilitator: {type(exc).__name__}: {exc}).",
                    )
            _RESULTS[latihan] = check.feedback.benar is True
            return check.feedback

        return run

    return decorate


def _not_filled(missing: list[str], answers: int) -> str:
    if answers == 1 or len(missing) == answers:
        return (
            "Jawaban belum diisi: ganti `...` di sel latihan dengan jawaban "
            "Anda, lalu jalankan sel itu lagi."
        )
    listed = ", ".join(f"`{name}`" for name in missing)
    return (
        f"Belum diisi: {listed}. Ganti `...` dengan jawaban Anda, lalu jalankan "
        "sel itu lagi; jawaban yang sudah diisi diperiksa di bawah."
    )


def summary() -> dict[str, bool]:
    """Whether the latest answer to each exercise checked so far was right."""
    return dict(sorted(_RESULTS.items()))


def explain(exc: BaseException) -> str:
    """A sentence in Indonesian saying what usually causes ``exc`` and what to do.

    >>> explain(NameError("name 'jalan' is not defined", name="jalan"))[:35]
    'Nama `jalan` belum dikenal Python. '
    """
    if isinstance(exc, LabError):
        return str(exc)
    if isinstance(exc, NameError):
        name = getattr(exc, "name", None) or _quoted(str(exc)) or "itu"
        return (
            f"Nama `{name}` belum dikenal Python. Biasanya sel yang membuatnya belum "
            "dijalankan: pilih menu Run → Jalankan semua di atas sel yang dipilih. "
            "Bisa juga salah ketik; Python membedakan huruf besar dan kecil."
        )
    if isinstance(exc, KeyError):
        key = exc.args[0] if exc.args else ""
        return (
            f"`{key}` tidak ditemukan. Bila itu nama kolom, lihat daftar kolom "
            "dengan `tabel.columns` (ganti `tabel` dengan nama variabel Anda); ejaan, "
            "spasi dan huruf besar/kecil harus sama persis."
        )
    if isinstance(exc, AttributeError):
        name = getattr(exc, "name", None) or "itu"
        return (
            f"Isi variabel ini tidak punya `{name}`. Periksa ejaannya, lalu periksa "
            "isinya: tulis nama variabel saja di sel baru dan jalankan."
        )
    if isinstance(exc, ModuleNotFoundError):
        return (
            f"Paket `{exc.name}` belum terpasang. Tutup JupyterLab, jalankan "
            "`make lab` dari folder proyek, lalu buka notebook ini lagi."
        )
    if isinstance(exc, FileNotFoundError):
        name = exc.filename or _quoted(str(exc)) or "itu"
        return (
            f"File `{name}` tidak ditemukan. Periksa nama dan foldernya; panel kiri "
            "JupyterLab (File Browser) menampilkan file yang ada."
        )
    if isinstance(exc, TypeError):
        return (
            "Jenis data tidak cocok. Sering terjadi bila angka masih tersimpan "
            'sebagai teks (mis. "1.234,5") atau bila fungsi diberi isian yang '
            "salah jenis; lihat contoh pemakaian di sel sebelumnya."
        )
    if isinstance(exc, ZeroDivisionError):
        return "Ada pembagian dengan nol. Periksa apakah pembaginya kosong atau 0."
    if isinstance(exc, IndexError):
        return (
            "Posisi yang diminta tidak ada: tabel atau daftar lebih pendek dari "
            "yang Anda kira. Periksa panjangnya dengan `len(...)`."
        )
    if isinstance(exc, ValueError):
        return (
            "Nilainya tidak bisa dipakai di sini. Baca rincian di bawah: biasanya "
            "ada teks di tempat angka, atau pilihan yang tidak dikenal."
        )
    return (
        "Terjadi kesalahan yang tidak biasa. Baca rinciannya, jalankan ulang sel "
        "dari atas, dan tanyakan ke fasilitator bila masih muncul."
    )


@dataclass(frozen=True)
class _ErrorNote:
    """How an error in a participant's cell is shown after :func:`start`."""

    exc: BaseException

    def _repr_html_(self) -> str:
        return (
            '<div class="lab-galat" style="border-left:6px solid #b42318;'
            'padding:6px 12px;margin:6px 0;background:#fff5f5">'
            '<strong style="color:#b42318">Ada yang perlu diperbaiki</strong>'
            f'<p style="margin:4px 0">{_html(explain(self.exc))}</p></div>'
        )

    def __repr__(self) -> str:
        return f"Ada yang perlu diperbaiki: {_plain(explain(self.exc))}"


def start(*, detail: bool = False) -> None:
    """Prepare a workshop notebook: errors explain themselves in Indonesian.

    After this call an error in a cell shows a short explanation and one line
    of technical detail (the error's name and message) instead of a traceback.
    The cell still counts as failed, so "Run All" stops there. ``detail=True``
    shows the whole traceback instead of the one line (for facilitators).
    Charts show inline. Outside IPython nothing happens.
    """
    from lab_lib.messages import set_language

    set_language("id")
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python: nothing to set up
        return
    shell = get_ipython()
    if shell is None:
        return

    def show(
        shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None
    ) -> list[str]:
        display(_ErrorNote(value))
        lines = [f"{etype.__name__}: {value}"]
        if detail:
            lines = shell.InteractiveTB.structured_traceback(
                etype, value, tb, tb_offset=tb_offset
            )
        # The kernel's error output: the cell shows as failed, with one line.
        shell._showtraceback(etype, value, lines)
        return lines

    shell.set_custom_exc((Exception,), show)
    # Charts returned by lab_lib.charts show as pictures, not as <Figure ...>.
    shell.run_line_magic("matplotlib", "inline")


def _quoted(message: str) -> str | None:
    found = re.search(r"'([^']+)'", message)
    return found.group(1) if found else None


def _plain(text: str) -> str:
    return text.replace("`", "")


def _html(text: str) -> str:
    """Escape ``text`` and turn `code` spans into <code> elements."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))
