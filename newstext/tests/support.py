"""Helpers the newstext tests share (test modules do not import each other)."""

from collections.abc import Mapping


def differences(item: object, expected: Mapping[str, object]) -> dict[str, tuple[object, object]]:
    """The attributes of `item` that are not as `expected`: name → (actual, expected).

    `assert differences(article, {...}) == {}` checks many fields at once and names every
    field that is off, not only the first.
    """
    actual = {name: getattr(item, name) for name in expected}
    return {
        name: (actual[name], value) for name, value in expected.items() if actual[name] != value
    }
