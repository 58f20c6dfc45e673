"""Check a YAML node tree against the JSON Schema subset used in ``schema``.

Works on nodes rather than loaded values so that each message carries the line
of the offending value. Implements: type, enum, pattern, minLength, maxLength,
minItems, uniqueItems, items, properties, required, additionalProperties (false or a schema),
minimum, maximum, exclusiveMinimum and the ``partial-date`` format. ``type`` may
be a list.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import yaml

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


def _has_type(node: yaml.Node, expected: str) -> bool:
    if expected == "object":
        return isinstance(node, yaml.MappingNode)
    if expected == "array":
        return isinstance(node, yaml.SequenceNode)
    if not isinstance(node, yaml.ScalarNode):
        return False
    try:
        value = scalar_value(node)
    except ValueError:
        return False
    return _TYPE_CHECKS[expected](value)


def validate(node: yaml.Node, schema: dict, line_of: LineOf, where: str = "") -> Iterator[Problem]:
    """Yield every problem of ``node`` against ``schema``; ``where`` names the field."""
    label = f"'{where}'" if where else "front matter"
    expected = schema.get("type")
    allowed = [expected] if isinstance(expected, str) else (expected or [])
    if allowed and not any(_has_type(node, kind) for kind in allowed):
        names = " or ".join(_TYPE_NAMES[kind] for kind in allowed)
        yield Problem(line_of(node), f"{label} must be {names}, not {describe(node)}")
        return
    if "enum" in schema:
        value = scalar_value(node) if isinstance(node, yaml.ScalarNode) else None
        if value not in schema["enum"] or isinstance(value, bool):
            allowed = ", ".join(str(v) for v in schema["enum"])
            yield Problem(line_of(node), f"{label} must be one of {allowed}; not {describe(node)}")
        return
    if isinstance(node, yaml.ScalarNode):
        yield from _validate_scalar(node, schema, line_of, label)
    elif isinstance(node, yaml.SequenceNode):
        yield from _validate_array(node, schema, line_of, where, label)
    elif isinstance(node, yaml.MappingNode):
        yield from _validate_object(node, schema, line_of, where, label)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPE_CHECKS: dict[str, Callable[[object], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
}


def _validate_scalar(node: yaml.ScalarNode, schema: dict, line_of: LineOf, label: str) -> Iterator[Problem]:
    value = scalar_value(node)
    if isinstance(value, str):
        yield from _validate_string(node, value, schema, line_of, label)
    elif _is_number(value):
        if "exclusiveMinimum" in schema and not value > schema["exclusiveMinimum"]:
            yield Problem(line_of(node), f"{label} must be more than {schema['exclusiveMinimum']}, not {value}")
        if not schema.get("minimum", value) <= value <= schema.get("maximum", value):
            yield Problem(
                line_of(node), f"{label} must be from {schema['minimum']} to {schema['maximum']}, not {value}"
            )


def _validate_string(node: yaml.ScalarNode, value: str, schema: dict, line_of: LineOf, label: str) -> Iterator[Problem]:
    if len(value.strip()) < schema.get("minLength", 0):
        yield Problem(line_of(node), f"{label} must not be empty")
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        yield Problem(line_of(node), f"{label} must be at most {schema['maxLength']} characters long")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        hint = schema.get("description", f"it must match {schema['pattern']}")
        yield Problem(line_of(node), f"{label} has the wrong form: {value!r}. {hint}")
    elif schema.get("format") == "partial-date":
        try:
            parse_partial_date(value)
        except ValueError as error:
            yield Problem(line_of(node), f"{label} is not a real date: {error}")


def _validate_array(
    node: yaml.SequenceNode, schema: dict, line_of: LineOf, where: str, label: str
) -> Iterator[Problem]:
    if len(node.value) < schema.get("minItems", 0):
        yield Problem(line_of(node), f"{label} must list at least {schema['minItems']} item(s)")
    if schema.get("uniqueItems"):
        seen: set[object] = set()
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                value = item.value
                if value in seen:
                    yield Problem(line_of(item), f"{label} lists {value!r} twice")
                seen.add(value)
    if "items" in schema:
        for index, item in enumerate(node.value):
            yield from validate(item, schema["items"], line_of, f"{where}[{index}]")


def _validate_object(
    node: yaml.MappingNode, schema: dict, line_of: LineOf, where: str, label: str
) -> Iterator[Problem]:
    properties = schema.get("properties", {})
    seen: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        field = f"{where}.{key}" if where else str(key)
        if not isinstance(key, str) or not key:
            yield Problem(line_of(key_node), f"field names in {label} must be text")
            continue
        if key in seen:
            yield Problem(line_of(key_node), f"field '{field}' is given twice (first on line {line_of(seen[key])})")
            continue
        seen[key] = key_node
        if key not in properties:
            extra = schema.get("additionalProperties", True)
            if isinstance(extra, dict):
                yield from validate(value_node, extra, line_of, field)
            elif extra is False:
                close = difflib.get_close_matches(key, properties, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; known fields: {', '.join(properties)}"
                yield Problem(line_of(key_node), f"unknown field '{field}'{hint}")
            continue
        yield from validate(value_node, properties[key], line_of, field)
    for required in schema.get("required", []):
        if required not in seen:
            field = f"{where}.{required}" if where else required
            yield Problem(line_of(node), f"required field '{field}' is missing")
