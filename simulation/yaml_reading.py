"""Reading YAML files strictly: a key given twice in one mapping is an error, not a silent overwrite.

PyYAML keeps the last of two equal keys, so a scenario with `overrides:` twice would lose the
first block without a word. `safe_load` here raises a `yaml.YAMLError` with the line of the second
key instead, which the loaders turn into their usual clear message.
"""

from __future__ import annotations

from typing import Any

import yaml


class _UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping",
                        node.start_mark,
                        f"the key '{key_node.value}' appears twice (merge the two blocks into one)",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, refusing a key that appears twice in one mapping."""
    return yaml.load(text, Loader=_UniqueKeyLoader)
