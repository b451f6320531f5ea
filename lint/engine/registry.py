"""Discovering rules: every rule, built-in or not, comes from the ``cnlint.rules`` entry points.

An entry point names either a :class:`Rule` subclass or a module; for a module, every
``Rule`` subclass (with a ``code``) that it exposes and that is defined in it or, for a
package, in one of its submodules is registered (built-in families are packages with one
module per rule).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType

from cnlint.rule import Rule

ENTRY_POINT_GROUP = "cnlint.rules"


class RegistryError(Exception):
    pass


def rules_in(obj: object) -> list[type[Rule]]:
    if inspect.isclass(obj) and issubclass(obj, Rule):
        return [obj]
    if isinstance(obj, ModuleType):
        return [
            value
            for value in vars(obj).values()
            if inspect.isclass(value)
            and issubclass(value, Rule)
            and defined_within(value, obj)
            and "code" in vars(value)
        ]
    raise RegistryError(f"entry point object {obj!r} is neither a Rule class nor a module")


def defined_within(rule: type[Rule], module: ModuleType) -> bool:
    """Whether ``rule`` is defined in ``module`` or in a submodule of that package (not merely
    imported from elsewhere, such as a base class another plugin provides)."""
    return rule.__module__ == module.__name__ or rule.__module__.startswith(module.__name__ + ".")


class Registry:
    """All known rules, looked up by code, name, or code prefix."""

    def __init__(self, rules: Iterable[type[Rule]] = ()) -> None:
        self._by_code: dict[str, type[Rule]] = {}
        self._by_name: dict[str, type[Rule]] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule]) -> None:
        for attr in ("code", "name", "summary", "why"):
            if not getattr(rule, attr, None):
                raise RegistryError(f"rule {rule.__qualname__} lacks {attr!r}")
        clash = self._by_code.get(rule.code) or self._by_name.get(rule.name)
        if clash is not None and clash is not rule:
            raise RegistryError(
                f"rule {rule.code} {rule.name} clashes with {clash.code} {clash.name}"
            )
        self._by_code[rule.code] = rule
        self._by_name[rule.name] = rule

    def __iter__(self):
        return iter(sorted(self._by_code.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, key: str) -> type[Rule] | None:
        return self._by_code.get(key.upper()) or self._by_name.get(key.lower())

    def matching(self, selector: str) -> list[type[Rule]]:
        """Rules named by a selector: ``ALL``, a code, a code prefix (``P``, ``P1``), or a name."""
        if selector.upper() == "ALL":
            return list(self)
        exact = self.get(selector)
        if exact is not None:
            return [exact]
        prefix = selector.upper()
        return [rule for rule in self if rule.code.startswith(prefix)]


def load_registry() -> Registry:
    registry = Registry()
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry.load()
        except Exception as exc:
            raise RegistryError(
                f"cannot load rule plugin {entry.name!r} ({entry.value}): {exc}"
            ) from exc
        for rule in rules_in(loaded):
            registry.add(rule)
    return registry
