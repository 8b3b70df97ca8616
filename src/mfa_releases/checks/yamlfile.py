"""YAML read strictly: duplicate keys are found (PyYAML silently keeps the last one) with their lines."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class DuplicateKey:
    key: str
    line: int  # 1-based line of the repeated key
    first_line: int  # 1-based line where the key first appears in the same mapping


@dataclass(frozen=True)
class YamlSyntaxError(Exception):
    line: int
    problem: str


def _walk(node: yaml.Node, found: list[DuplicateKey]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                found.append(DuplicateKey(key, line, seen[key]))
            else:
                seen[key] = line
            _walk(value_node, found)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk(item, found)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree (with line marks), or `YamlSyntaxError` with the line of the problem."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlSyntaxError(mark.line + 1 if mark else 1, problem) from None


def duplicate_keys(text: str) -> list[DuplicateKey]:
    """Every key repeated within one mapping, at any depth."""
    node = compose(text)
    found: list[DuplicateKey] = []
    if node is not None:
        _walk(node, found)
    return found
