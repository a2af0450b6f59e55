"""Did-you-mean suggestions that help rather than mislead.

A suggestion is followed: a wrong one corrupts data. ``difflib`` ranks by
shared letters, so it offered ``stretch`` for ``strength`` (while
``strengthening`` exists), ``upper-back`` for ``lower back`` and ``wall``
for ``barbell``. The rule here, in order:

1. Terms that begin with what was typed (``strength`` -> ``strengthening``).
2. Terms that contain it (``blades`` -> ``shoulder-blades``).
3. Terms a typo away: at most one edit (an insertion, deletion,
   substitution or swap of two neighbours) for each four letters typed,
   and never fewer than one. ``elastic-bnd`` -> ``elastic-band``.
   Only for text of at most :data:`MAX_TYPO` characters: the check's time
   grows with the product of the two lengths, and a name that long is no
   typo.

Anything else suggests nothing. Text is compared in slug form: lower
case, with spaces and underscores read as hyphens, and a term that is
what was typed in that form comes first (``Wall`` -> ``wall``, ahead of
``wall-corner``). Within step 1, a term that is also a typo away comes
first (``wal`` -> ``wall``, then ``wall-corner``). Steps 1 and 2 need at
least three letters typed, so ``a`` does not match every term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["suggest"]

#: The fewest letters that may match as a prefix or a part of a term.
MIN_PART = 3

#: The longest text checked for a typo (step 3 of the rule).
MAX_TYPO = 64


def _slugish(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def _distance(a: str, b: str) -> int:
    """Edits from *a* to *b*: insert, delete, substitute or swap neighbours."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def suggest(value: object, terms: Iterable[str], n: int = 3) -> list[str]:
    """Return up to *n* of *terms* that *value* was probably meant to be, best first.

    Terms keep their given order within each step of the rule above, so
    the result does not depend on alphabetical order.
    """
    if not isinstance(value, str):
        return []
    typed = _slugish(value)
    if not typed:
        return []
    candidates = [t for t in dict.fromkeys(terms) if t != value]
    # A dict keeps the order found (a term found again keeps its place) and
    # answers "found already?" at once, so 10,000 terms that all match cost
    # 10,000 steps, not their square.
    found: dict[str, None] = {}
    if typed in candidates:  # the same term in other case or spacing: surely meant
        found[typed] = None
    near: list[str] = []
    if len(typed) <= MAX_TYPO:
        limit = max(1, len(typed) // 4)
        near = [
            t
            for _, _, t in sorted(
                (d, i, t)
                for i, t in enumerate(candidates)
                # The lengths' difference is a lower bound of the distance: cheap
                # to check first, and it keeps long terms out of the square.
                if abs(len(t) - len(typed)) <= limit
                for d in [_distance(typed, t)]
                if d <= limit
            )
        ]
    if len(typed) >= MIN_PART:
        begins = [t for t in candidates if t.startswith(typed)]
        # A term that begins with the text and is a typo away from it is what
        # was meant, ahead of longer ones: "wal" -> "wall", then "wall-corner".
        close = set(near)
        found.update(dict.fromkeys(t for t in begins if t in close))
        found.update(dict.fromkeys(begins))
        found.update(dict.fromkeys(t for t in candidates if typed in t))
    found.update(dict.fromkeys(near))
    return list(found)[:n]
