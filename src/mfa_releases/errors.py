"""Errors as values: every problem with the input names a file, a line, a rule id and a fix.

They are collected while ingesting and rendered once, at the edge (the CLI prints `str(error)`).
"""

from __future__ import annotations

from dataclasses import dataclass


# Not frozen: raising sets attributes such as __traceback__ on the exception. Fields are never
# reassigned, so hashing them (for sets of errors) stays safe.
@dataclass(unsafe_hash=True)
class ReleaseError(Exception):
    """A problem with one input file. `str()` is one line: `path:line: [rule] message — hint`."""

    path: str
    line: int | None
    rule: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        text = f"{where}: [{self.rule}] {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def __reduce__(self):
        # Exceptions pickle through `args`, which a dataclass leaves empty; workers need the fields.
        return (type(self), (self.path, self.line, self.rule, self.message, self.hint))

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "rule": self.rule,
                "message": self.message, "hint": self.hint}
