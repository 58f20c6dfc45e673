"""Split a data file into YAML front matter and body, keeping line numbers.

YAML is read with ``safe_load`` semantics and two deliberate restrictions:
aliases are refused outright (an alias bomb expands a few hundred bytes into
gigabytes, and front matter never needs one), and dates stay strings, because
``2003-02`` and ``2003-02-08`` must keep the precision the source gives.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class FrontMatterSyntaxError(Exception):
    """Front matter that cannot be read at all; ``line`` is 1-based in the file."""

    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


class _AliasRefused(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps and without aliases."""

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)


_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _RESOLVERS

# libyaml's parser, when PyYAML has it, is several times faster; aliases are then found
# by a scan of the (equally fast) event stream before composing.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        pass

    _FastLoader.yaml_implicit_resolvers = _RESOLVERS


@dataclass(frozen=True)
class Document:
    """A data file's parts: the YAML node tree, the body and where each begins."""

    node: yaml.Node | None
    yaml_first_line: int  # file line of the first YAML line
    body: str
    body_first_line: int  # file line of the first body line

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.yaml_first_line


def split(text: str) -> Document:
    """Parse ``---`` fenced YAML front matter followed by a body."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise FrontMatterSyntaxError(1, "the file must begin with a '---' line opening the front matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            break
    else:
        raise FrontMatterSyntaxError(1, "front matter is not closed: no '---' line after the one on line 1")
    yaml_text = "\n".join(lines[1:index])
    node = compose(yaml_text, first_line=2)
    return Document(
        node=node,
        yaml_first_line=2,
        body="\n".join(lines[index + 1 :]),
        body_first_line=index + 2,
    )


def compose(yaml_text: str, first_line: int) -> yaml.Node | None:
    """Compose YAML into a node tree (nodes keep their marks for line numbers)."""
    loader = (_FastLoader or _Loader)(yaml_text)
    try:
        if _FastLoader is not None and "*" in yaml_text:
            for event in yaml.parse(yaml_text, Loader=_FastLoader):
                if isinstance(event, yaml.AliasEvent):
                    raise _AliasRefused(event.start_mark)
        return loader.get_single_node()
    except _AliasRefused as refused:
        raise FrontMatterSyntaxError(
            refused.mark.line + first_line,
            "YAML aliases ('*name') are not allowed in front matter; write the value out",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        problem = " ".join(filter(None, [error.context, error.problem]))
        if error.context_mark and error.context_mark.line + first_line != line:
            problem += f" (the construct began on line {error.context_mark.line + first_line})"
        raise FrontMatterSyntaxError(line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as error:
        raise FrontMatterSyntaxError(first_line, f"YAML error: {error}") from None
    finally:
        loader.dispose()


_STR_TAG = "tag:yaml.org,2002:str"


def scalar_value(node: yaml.ScalarNode) -> object:
    """The Python value of a plain scalar (str, int, float, bool or None)."""
    if node.tag == _STR_TAG:
        # Most scalars; PyYAML's constructor would return the same text, at the cost of
        # a constructor per value (a third of loading 1,000 statements).
        return node.value
    if node.tag not in PLAIN_TAGS:
        raise ValueError(f"unsupported YAML tag {node.tag!r}")
    return yaml.constructor.SafeConstructor().construct_object(node)


def plain(node: yaml.Node | None) -> object:
    """The plain Python value of a node tree that has passed validation."""
    if node is None:
        return None
    if isinstance(node, yaml.MappingNode):
        return {key.value: plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return scalar_value(node)


def mapping_fields(node: yaml.Node) -> dict[str, yaml.Node]:
    """A validated mapping node's values by key, to find the line of a field."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}
