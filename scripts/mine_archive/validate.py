"""Check a YAML node tree against a JSON Schema (``schema``) with ``jsonschema``.

``jsonschema`` checks the values; this module maps each of its errors back to the
YAML node it is about, so that every message carries that node's line, and words the
messages for editors (``'date' is not a real date: …``). What a loaded value can no
longer show is checked on the nodes first: a field given twice, a field name that is
not text. Every problem is reported, not only the first.

Two keywords mean a little more here than in JSON Schema: ``minLength`` counts the
text without surrounding white space (a title of blanks is empty), and the format
``partial-date`` is a real ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import jsonschema
import yaml
from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from .dates import parse_partial_date
from .frontmatter import scalar_value

_TYPE_NAMES = {
    "object": "a mapping of fields",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


LineOf = Callable[[yaml.Node], int]


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    try:
        value = scalar_value(node)
    except ValueError:
        return f"a value tagged {node.tag}"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"{value!r}"


class _Tagged:
    """A scalar with a tag the archive does not read (``!!binary``): no schema type matches it."""


def _min_length(validator, minimum, instance, schema):  # noqa: ANN001, ANN202 - jsonschema's keyword signature
    if validator.is_type(instance, "string") and len(instance.strip()) < minimum:
        yield ValidationError("must not be empty")


_FORMATS = FormatChecker(formats=())


@_FORMATS.checks("partial-date", raises=ValueError)
def _partial_date(value: object) -> bool:
    if isinstance(value, str):
        parse_partial_date(value)
    return True


_Validator = jsonschema.validators.extend(Draft202012Validator, {"minLength": _min_length})


_VALIDATORS: dict[int, tuple[dict, Draft202012Validator]] = {}


def _for(schema: dict) -> Draft202012Validator:
    """One validator per schema (the schemas are module constants), made on first use."""
    known = _VALIDATORS.get(id(schema))
    if known is None or known[0] is not schema:
        known = _VALIDATORS[id(schema)] = (schema, _Validator(schema, format_checker=_FORMATS))
    return known[1]


class _Tree:
    """A node tree as plain values, remembering each value's node (and each field's key node)."""

    def __init__(self, line_of: LineOf) -> None:
        self.line_of = line_of
        self.nodes: dict[tuple, yaml.Node] = {}
        self.keys: dict[tuple, yaml.Node] = {}
        self.problems: list[tuple[int, str]] = []

    def value(self, node: yaml.Node, path: tuple, where: str) -> object:
        self.nodes[path] = node
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, index), where) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, where)
        try:
            return scalar_value(node)
        except ValueError:
            return _Tagged()

    def _mapping(self, node: yaml.MappingNode, path: tuple, where: str) -> dict:
        label = f"'{where}'" if where else "front matter"
        values: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or not key:
                self.problems.append((self.line_of(key_node), f"field names in {label} must be text"))
                continue
            field = f"{where}.{key}" if where else key
            if key in values:
                first = self.line_of(self.keys[(*path, key)])
                self.problems.append(
                    (self.line_of(key_node), f"field '{field}' is given twice (first on line {first})")
                )
                continue
            self.keys[(*path, key)] = key_node
            values[key] = self.value(value_node, (*path, key), field)
        return values


def _where(path: tuple, base: str) -> str:
    where = base
    for part in path:
        where = f"{where}[{part}]" if isinstance(part, int) else f"{where}.{part}" if where else part
    return where


def validate(node: yaml.Node, schema: dict, line_of: LineOf, where: str = "") -> Iterator[Problem]:
    """Yield every problem of ``node`` against ``schema``, in the order of their lines;
    ``where`` names the field the node is the value of."""
    tree = _Tree(line_of)
    instance = tree.value(node, (), where)
    problems = list(tree.problems)
    errors = list(_for(schema).iter_errors(instance))
    # A value of the wrong type, or not among the allowed ones, gets that one message.
    decided = {tuple(e.absolute_path) for e in errors if e.validator in ("type", "enum")}
    misshapen = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator not in ("type", "enum") and path in decided:
            continue
        if error.validator == "format" and path in misshapen:
            continue
        problems += _problems(error, path, tree, where)
    for line, message in sorted(dict.fromkeys(problems), key=lambda problem: problem[0]):
        yield Problem(line, message)


def _problems(error: ValidationError, path: tuple, tree: _Tree, base: str) -> list[tuple[int, str]]:
    """One jsonschema error as (line, message) pairs in the archive's words."""
    node = tree.nodes[path]
    line = tree.line_of(node)
    where = _where(path, base)
    label = f"'{where}'" if where else "front matter"
    kind, expected, schema = error.validator, error.validator_value, error.schema
    if kind == "type":
        allowed = [expected] if isinstance(expected, str) else expected
        return [(line, f"{label} must be {' or '.join(_TYPE_NAMES[k] for k in allowed)}, not {describe(node)}")]
    if kind == "enum":
        return [(line, f"{label} must be one of {', '.join(str(v) for v in expected)}; not {describe(node)}")]
    if kind == "minLength":
        return [(line, f"{label} must not be empty")]
    if kind == "maxLength":
        return [(line, f"{label} must be at most {expected} characters long")]
    if kind == "pattern":
        hint = schema.get("description", f"it must match {expected}")
        return [(line, f"{label} has the wrong form: {error.instance!r}. {hint}")]
    if kind == "format":
        return [(line, f"{label} is not a real date: {error.cause}")]
    if kind == "exclusiveMinimum":
        return [(line, f"{label} must be more than {expected}, not {error.instance}")]
    if kind in ("minimum", "maximum"):
        return [(line, f"{label} must be from {schema['minimum']} to {schema['maximum']}, not {error.instance}")]
    if kind == "minItems":
        return [(line, f"{label} must list at least {expected} item{'s' if expected != 1 else ''}")]
    if kind == "uniqueItems":
        seen: set[object] = set()
        twice = []
        for index, item in enumerate(error.instance):
            if item in seen:
                twice.append((tree.line_of(tree.nodes[(*path, index)]), f"{label} lists {item!r} twice"))
            seen.add(item)
        return twice
    if kind == "required":
        # jsonschema reports each missing field as an error of its own; each says all of them.
        return [
            (line, f"required field '{_where((*path, name), base)}' is missing")
            for name in expected
            if name not in error.instance
        ]
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        unknown = []
        for key in error.instance:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(known)}"
            field = _where((*path, key), base)
            unknown.append((tree.line_of(tree.keys[(*path, key)]), f"unknown field '{field}'{hint}"))
        return unknown
    return [(line, f"{label}: {error.message}")]
