"""YAML text -> plain data in one walk over libyaml's nodes (explainer files are large).

PyYAML's constructor costs more than libyaml's parser: generators and bookkeeping for
every node, and a resolver that matches every plain scalar against regular expressions.
Here libyaml composes the nodes, with the tag of each plain scalar remembered (an
explainer repeats the same keys and numbers thousands of times), and one walk builds the
dicts, lists and scalars and refuses nesting deeper than a limit. A node outside plain
maps, lists, strings, numbers, booleans and nulls (an explicit tag, a merge key, a set, a
list as a key) sends the whole text to PyYAML's own constructor, so the data is always
what ``yaml.load`` gives. Aliases are the caller's to refuse before (a node met twice is
built twice here).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
SCALARS = ("null", "bool", "int", "float")  # the other scalars built here (besides str)
PLAIN_TAGS_KEPT = 1 << 16  # plain scalars whose tag is remembered


class TooDeep(Exception):
    """Nesting deeper than allowed, at ``line`` (1-based)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Unusual(Exception):
    """A node only PyYAML's constructor builds."""


def load(text: str, loader: type[yaml.SafeLoader], max_depth: int) -> Any:
    """The data of ``text`` as ``yaml.load(text, Loader=loader)`` gives it (``loader``: a
    safe loader); :class:`TooDeep` past ``max_depth`` nested collections, YAML errors as
    PyYAML raises them."""
    node = yaml.compose(text, Loader=_composer(loader))
    if node is None:
        return None
    build = _Builder(max_depth)
    try:
        return build(node, 0)
    except _Unusual:
        return yaml.load(text, Loader=loader)


class _Builder:
    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        constructor = SafeConstructor()
        self.scalars: dict[str, Callable[[Node], Any]] = {
            f"tag:yaml.org,2002:{name}": getattr(constructor, f"construct_yaml_{name}")
            for name in SCALARS}

    def __call__(self, node: Node, depth: int) -> Any:
        if isinstance(node, ScalarNode):
            if node.tag == STR:
                return node.value
            construct = self.scalars.get(node.tag)
            if construct is None:
                raise _Unusual
            return construct(node)
        depth += 1
        if depth > self.max_depth:
            raise TooDeep(node.start_mark.line + 1)
        if isinstance(node, SequenceNode) and node.tag == SEQ:
            return [self(child, depth) for child in node.value]
        if isinstance(node, MappingNode) and node.tag == MAP:
            data = {}
            for key, value in node.value:
                try:
                    data[self(key, depth)] = self(value, depth)
                except TypeError:  # a list or a map as a key: PyYAML's error
                    raise _Unusual from None
            return data
        raise _Unusual


@cache
def _composer(loader: type[yaml.SafeLoader]) -> type:
    """``loader`` with each plain scalar's tag remembered (it depends on the value alone:
    the loader has no path resolvers)."""
    probe = Resolver()
    probe.yaml_implicit_resolvers = loader.yaml_implicit_resolvers
    plain = lru_cache(maxsize=PLAIN_TAGS_KEPT)(
        lambda value: probe.resolve(ScalarNode, value, (True, False)))

    class Composer(loader):  # type: ignore[valid-type, misc]
        def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode and implicit[0] and not self.yaml_path_resolvers:
                return plain(value)
            return super().resolve(kind, value, implicit)

    return Composer
