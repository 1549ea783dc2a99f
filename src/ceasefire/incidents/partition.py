"""A partition of names into groups that share something (union-find), for grouping without pairs (pure)."""

from __future__ import annotations

__all__ = ["Partition"]


class Partition:
    """Names joined into groups: ``join`` puts two names in one group; ``groups`` counts them."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """The name that stands for ``x``'s group (adding ``x`` alone when it is new)."""
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self._parent[self.find(a)] = self.find(b)

    @property
    def groups(self) -> int:
        return len({self.find(x) for x in list(self._parent)})
