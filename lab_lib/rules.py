"""Recommendation rules a thematic team can edit without touching code.

Each theme keeps its thresholds (*ambang*) and its recommendations in a small
YAML file, ``notebooks/themes/aturan/<tema>.yaml``::

    ambang:
      jumlah_ruas_prioritas: 10
    rekomendasi:
      kejar_target:
        jika: selisih < 0
        bukti: [gambar_tren, tabel_kondisi]
        id: Percepat penanganan jalan {kelas} untuk menutup {kekurangan} poin.
        en: Speed up work on {kelas} roads to close the {kekurangan}-point gap.

The notebook computes the numbers; :meth:`RuleSet.apply` checks each rule's
condition (*jika*) against them, fills the sentence, and records it in the
brief with the cited evidence, so the evidence rule of
:meth:`lab_lib.brief.Brief.recommend` still holds.

A condition is one or more comparisons joined by ``dan`` (and) or ``atau``
(or), each ``name op value`` with op one of ``< <= > >= == !=`` and value a
number, ``benar``/``salah`` (true/false), a quoted word (``"kritis"``), or
another name. Names come from
the notebook's values and from ``ambang``. Nothing in the file is executed
as code.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lab_lib import fmt
from lab_lib.brief import Brief, Evidence, Recommendation
from lab_lib.errors import RuleError
from lab_lib.messages import LANGUAGES

__all__ = ["Rule", "RuleSet", "load_rules", "rules_dir"]


_OPERATORS = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_COMPARISON = re.compile(
    r"^\s*(\w+)\s*(<=|>=|==|!=|<|>)\s*(\S+|'[^']*'|\"[^\"]*\")\s*$"
)
_WORDS = {"benar": True, "salah": False, "true": True, "false": False}


@dataclass(frozen=True)
class Rule:
    """One recommendation: when it applies, what it says, what it cites."""

    name: str
    condition: str
    evidence: tuple[str, ...]
    texts: Mapping[str, str]


@dataclass(frozen=True)
class RuleSet:
    """The thresholds and recommendation rules of one theme."""

    tema: str
    path: Path
    thresholds: Mapping[str, float]
    rules: tuple[Rule, ...]

    def holds(self, rule: Rule, values: Mapping[str, Any]) -> bool:
        """Whether ``rule``'s condition is true for ``values``."""
        names = {**self.thresholds, **values}
        disjuncts = re.split(r"\s+atau\s+", rule.condition.strip())
        return any(
            all(
                self._compare(rule, part, names)
                for part in re.split(r"\s+dan\s+", disjunct)
            )
            for disjunct in disjuncts
        )

    def apply(
        self,
        brief: Brief,
        values: Mapping[str, Any],
        evidence: Mapping[str, Evidence],
    ) -> list[Recommendation]:
        """Record in ``brief`` every rule whose condition holds, in file order.

        Parameters
        ----------
        brief : Brief
            The brief to add recommendations to.
        values : mapping
            Numbers and words the conditions and sentences use.
        evidence : mapping of str to Evidence
            The figures and tables a rule may cite, by the names in ``bukti``.
        """
        made = []
        for rule in self.rules:
            if not self.holds(rule, values):
                continue
            cited = [self._evidence(rule, name, evidence) for name in rule.evidence]
            body = self._sentence(rule, values, brief.bahasa)
            made.append(brief.recommend(body, evidence=cited))
        return made

    def _compare(self, rule: Rule, part: str, names: Mapping[str, Any]) -> bool:
        match = _COMPARISON.match(part)
        if not match:
            raise RuleError(
                "rules.bad_condition", path=self.path, aturan=rule.name, syarat=part
            )
        left, op, right = match.groups()
        left_value = self._value(rule, left, names)
        right_value = self._literal(right)
        if right_value is None:
            right_value = self._value(rule, right, names)
        if _missing(left_value) or _missing(right_value):
            return False  # a missing number satisfies no condition
        return bool(_OPERATORS[op](left_value, right_value))

    def _value(self, rule: Rule, name: str, names: Mapping[str, Any]) -> Any:
        if name not in names:
            raise RuleError(
                "rules.unknown_name",
                path=self.path,
                aturan=rule.name,
                nama=name,
                tersedia=", ".join(sorted(names)),
            )
        return names[name]

    @staticmethod
    def _literal(token: str) -> float | bool | str | None:
        if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
            return token[1:-1]
        if token.lower() in _WORDS:
            return _WORDS[token.lower()]
        try:
            return float(token.replace(",", "."))
        except ValueError:
            return None

    def _evidence(
        self, rule: Rule, name: str, evidence: Mapping[str, Evidence]
    ) -> Evidence:
        if name not in evidence:
            raise RuleError(
                "rules.unknown_evidence",
                path=self.path,
                aturan=rule.name,
                nama=name,
                tersedia=", ".join(sorted(evidence)),
            )
        return evidence[name]

    def _sentence(self, rule: Rule, values: Mapping[str, Any], bahasa: str) -> str:
        shown = {key: _shown(value, bahasa) for key, value in values.items()}
        shown.update({k: _shown(v, bahasa) for k, v in self.thresholds.items()})
        try:
            return rule.texts[bahasa].format(**shown)
        except KeyError as exc:
            raise RuleError(
                "rules.unknown_name",
                path=self.path,
                aturan=rule.name,
                nama=exc.args[0],
                tersedia=", ".join(sorted(shown)),
            ) from None


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _shown(value: Any, bahasa: str) -> str:
    """Numbers as the brief writes them; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) and not 1900 <= value <= 2100:
        return fmt.number(value, 0, bahasa)
    if isinstance(value, int):
        return str(value)  # a year
    return fmt.number(value, 1, bahasa)


def rules_dir() -> Path:
    """The folder of rules files: ``aturan/`` beside the theme notebooks."""
    from lab_lib.paper import themes_dir

    return themes_dir() / "aturan"


def load_rules(tema: str, folder: Path | None = None) -> RuleSet:
    """Read the rules of a theme from ``aturan/<tema>.yaml``.

    Raises
    ------
    RuleError
        A missing file, or a rule without condition, evidence or a sentence
        in each language; the message names the file and the rule.
    """
    path = (folder or rules_dir()) / f"{tema}.yaml"
    if not path.is_file():
        raise RuleError("rules.missing", path=path, tema=tema)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise RuleError("rules.bad_file", path=path, detail=detail) from None
    thresholds = dict(data.get("ambang") or {})
    rules = tuple(
        _rule(path, name, body)
        for name, body in (data.get("rekomendasi") or {}).items()
    )
    return RuleSet(tema=tema, path=path, thresholds=thresholds, rules=rules)


def _rule(path: Path, name: str, body: Any) -> Rule:
    body = body if isinstance(body, dict) else {}
    needed = ["jika", "bukti", *LANGUAGES]
    missing = [key for key in needed if not body.get(key)]
    if missing:
        raise RuleError(
            "rules.incomplete", path=path, aturan=name, kunci=", ".join(missing)
        )
    evidence = body["bukti"]
    evidence = (evidence,) if isinstance(evidence, str) else tuple(evidence)
    texts = {lang: " ".join(str(body[lang]).split()) for lang in LANGUAGES}
    return Rule(name, str(body["jika"]), evidence, texts)
