"""The vocabulary of contribution checks: findings, rules, the files they look at, and a registry.

Modelled on how mature open datasets lint contributions: one rule per small module, each rule
looks at one kind of file and yields `Finding`s, and every finding says where (file and line),
which rule, what is wrong and how to fix it. Rules never print; the runner collects findings and
a renderer shows them once, at the edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
Kind = Literal["release", "annotation", "sources", "gazetteer"]
KINDS: tuple[Kind, ...] = ("release", "annotation", "sources", "gazetteer")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one file: `path:line`, the rule that found it, what is wrong, how to fix it."""

    path: str
    line: int
    rule: str
    severity: Severity
    message: str
    hint: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Target:
    """A file a contribution touches, with the kind of check it gets."""

    path: Path  # absolute
    display: str  # as shown in findings: relative to the repository root when inside it
    kind: Kind


@dataclass(frozen=True)
class Rule:
    """A single check: `check(target, context, report)` reports findings for one file of kind `scope`.

    `needs` names what must hold before the rule can run meaningfully ("text": the file decodes;
    "release": the header parses; "annotation": the JSON matches the schema). When it does not
    hold, the rule that reports the underlying problem has already fired, so this one is skipped
    rather than repeating it in other words.
    """

    id: str
    scope: Kind
    description: str
    check: Callable[[Target, Any, "Reporter"], None]
    needs: tuple[str, ...] = ()


_REGISTRY: dict[str, Rule] = {}


CheckFn = Callable[[Target, Any, "Reporter"], None]


def rule(id: str, scope: Kind, description: str, needs: tuple[str, ...] = ()) -> Callable[[CheckFn], CheckFn]:
    """Decorator registering `check(target, context, report)` as the rule `id`."""

    def register(fn: CheckFn) -> CheckFn:
        if id in _REGISTRY:
            raise ValueError(f"rule {id!r} registered twice")
        _REGISTRY[id] = Rule(id=id, scope=scope, description=description, check=fn, needs=needs)
        return fn

    return register


def registered_rules() -> dict[str, Rule]:
    """Every rule, by id, in registration (= evaluation) order."""
    from mfa_releases.checks import rules  # noqa: F401  (importing registers them)

    return dict(_REGISTRY)


@dataclass
class Reporter:
    """Builds findings for one rule on one file, so rules only say what and how to fix."""

    rule_id: str
    target: Target
    findings: list[Finding] = field(default_factory=list)

    def error(self, line: int | None, message: str, hint: str) -> Finding:
        return self._add("error", line, message, hint)

    def warning(self, line: int | None, message: str, hint: str) -> Finding:
        return self._add("warning", line, message, hint)

    def _add(self, severity: Severity, line: int | None, message: str, hint: str) -> Finding:
        finding = Finding(
            path=self.target.display,
            line=max(int(line or 1), 1),
            rule=self.rule_id,
            severity=severity,
            message=message,
            hint=hint,
        )
        self.findings.append(finding)
        return finding

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)


def line_of_offset(text: str, offset: int) -> int:
    """1-based line number of a character offset in `text`."""
    return text.count("\n", 0, max(offset, 0)) + 1
