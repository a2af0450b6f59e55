"""Search by name or alias: an index built once per catalog, and exact scoring.

The score of a label is the better of two similarities (see
:meth:`upperback.Catalog.search`): the query against the whole label, and
each query word against its best word of the label. Both use
:class:`difflib.SequenceMatcher`, which is slow, so the index exists to
avoid calling it for labels that cannot reach the cutoff, without changing
a single score:

- labels are normalised once, and each distinct normalised label is scored
  once per query, however many exercises carry it;
- word similarities are computed once per (query word, label word) pair
  over the catalog's word vocabulary, not once per label;
- a label's word score is below the cutoff unless one of its words is at
  least that similar to a query word (the score is an average of values
  that are each at most 1), so only labels holding such a word are scored
  by words;
- the whole-label ratio is at most ``2 * min(a, b) / (a + b)`` for lengths
  ``a`` and ``b``, so only labels of a length that can reach the cutoff
  (or beat the results found so far) are compared whole.

Everything else follows the original loop: exercises in catalog order,
the first best label wins, ties keep catalog order.
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher

import attrs

from .model import Exercise

_WORDS = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Lowercase words of letters and digits, joined by single spaces."""
    return " ".join(_WORDS.findall(text.casefold()))


def labels(exercise: Exercise) -> tuple[str, ...]:
    """What an exercise can be found by: its name, its id as words, its aliases."""
    return (exercise.name, exercise.id.replace("-", " "), *exercise.aliases)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _length_bound(a: int, b: int) -> float:
    """The highest ratio two strings of lengths *a* and *b* can have."""
    return 2.0 * min(a, b) / (a + b) if a + b else 1.0


@attrs.frozen
class SearchIndex:
    """Normalised labels, their words and where they are, for one catalog."""

    #: Distinct normalised labels.
    texts: tuple[str, ...]
    #: The words of each distinct label, repeats kept.
    words: tuple[tuple[str, ...], ...]
    #: Each exercise's labels, in label order: (distinct label, original text).
    by_exercise: tuple[tuple[tuple[int, str], ...], ...]
    #: The exercises (positions) that carry each distinct label.
    holders: tuple[tuple[int, ...], ...]
    #: Distinct labels by each word they contain.
    postings: dict[str, tuple[int, ...]]
    #: The length of each distinct label.
    lengths: tuple[int, ...]
    #: For each character, its count in each distinct label: 16-bit lanes,
    #: read as one big integer so that a query sums them all at once.
    counts: dict[str, int]

    @classmethod
    def build(cls, exercises: Sequence[Exercise]) -> SearchIndex:
        """Index the labels of *exercises*."""
        number: dict[str, int] = {}
        holders: list[list[int]] = []
        by_exercise = []
        for position, exercise in enumerate(exercises):
            mine = []
            for label in labels(exercise):
                text = normalize(label)
                key = number.setdefault(text, len(number))
                if key == len(holders):
                    holders.append([])
                if not holders[key] or holders[key][-1] != position:
                    holders[key].append(position)
                mine.append((key, label))
            by_exercise.append(tuple(mine))
        texts = tuple(number)
        words = tuple(tuple(text.split()) for text in texts)
        postings: dict[str, list[int]] = defaultdict(list)
        for key in range(len(texts)):
            for word in dict.fromkeys(words[key]):
                postings[word].append(key)
        alphabet = set().union(*map(set, texts))
        counts = {
            char: int.from_bytes(array("H", [t.count(char) for t in texts]).tobytes(), "little")
            for char in alphabet
        }
        return cls(
            texts=texts,
            words=words,
            by_exercise=tuple(by_exercise),
            holders=tuple(tuple(h) for h in holders),
            postings={word: tuple(keys) for word, keys in postings.items()},
            lengths=tuple(map(len, texts)),
            counts=counts,
        )

    def search(
        self, exercises: Sequence[Exercise], text: str, limit: int, cutoff: float
    ) -> list[tuple[Exercise, float, str]]:
        """Return (exercise, unrounded score, label) of the best matches, best first."""
        query = normalize(text)
        if not query or limit <= 0:
            return []
        return _Query(self, query, cutoff).run(exercises, limit)


class _Ratios(dict[str, float]):
    """One query word's ratio to each label word, computed on first use."""

    def __init__(self, word: str) -> None:
        super().__init__()
        self.word = word

    def __missing__(self, label_word: str) -> float:
        value = self[label_word] = _ratio(self.word, label_word)
        return value


class _Query:
    """The scoring of one query against one index, with its memos."""

    def __init__(self, index: SearchIndex, query: str, cutoff: float) -> None:
        self.index = index
        self.query = query
        self.cutoff = cutoff
        self.query_words = query.split()
        self.distinct = tuple(dict.fromkeys(self.query_words))
        tables = {word: _Ratios(word) for word in self.distinct}
        #: The ratio tables of the query words, in query order (repeats kept).
        self.tables = [tables[word] for word in self.query_words]
        self.ratios = tables
        self.by_word: dict[int, float] = {}
        self.whole: dict[int, float] = {}
        self.bounds: list[float] = []

    def ratio_of_words(self, word: str, label_word: str) -> float:
        return self.ratios[word][label_word]

    def candidates(self) -> set[int]:
        """Distinct labels that may score at least the cutoff."""
        index = self.index
        self.bounds = self.whole_bounds()
        if self.cutoff <= 0:
            return set(range(len(index.texts)))
        found: set[int] = set()
        for label_word, keys in index.postings.items():
            for word in self.distinct:
                if _length_bound(len(word), len(label_word)) < self.cutoff:
                    continue
                if self.ratio_of_words(word, label_word) >= self.cutoff:
                    found.update(keys)
                    break
        found.update(key for key, bound in enumerate(self.bounds) if bound >= self.cutoff)
        return found

    def whole_bounds(self) -> list[float]:
        """For each distinct label, the highest whole ratio it can reach with the query.

        The matching characters of two strings are at most, for each
        character, the smaller of its two counts (difflib's ``quick_ratio``).
        The counts of every label are capped and summed for all labels at
        once, lane by lane in one big integer. No lane overflows: each holds
        at most the query's length, kept under 255 here.
        """
        index = self.index
        size = len(self.query)
        if size >= 0xFF:  # a long query: the lengths alone bound the ratio
            return [_length_bound(size, length) for length in index.lengths]
        n = len(index.lengths)
        total = 0
        for char in set(self.query):
            column = index.counts.get(char)
            if column is None:
                continue
            wanted = self.query.count(char)
            table = bytes(min(v, wanted) for v in range(256))
            raw = column.to_bytes(2 * n, "little")
            capped = bytearray(2 * n)
            # Little-endian lanes: the low byte holds the count; the high
            # byte is 0 unless a label repeats the character 256 times.
            capped[0::2] = raw[0::2].translate(table)
            high = raw[1::2]
            if any(high):
                for lane, byte in enumerate(high):
                    if byte:
                        capped[2 * lane] = wanted
            total += int.from_bytes(capped, "little")
        matched = array("H")
        matched.frombytes(total.to_bytes(2 * n, "little"))
        return [
            2.0 * m / (size + length) if size + length else 1.0
            for m, length in zip(matched, index.lengths, strict=True)
        ]

    def word_score(self, key: int) -> float:
        value = self.by_word.get(key)
        if value is None:
            label_words = self.index.words[key]
            if not label_words:
                value = 0.0
            else:
                words = [
                    max(self.ratio_of_words(w, lw) for lw in label_words) for w in self.query_words
                ]
                value = sum(words) / len(words) * min(1.0, len(words) / len(label_words)) ** 0.5
            self.by_word[key] = value
        return value

    def whole_score(self, key: int) -> float:
        value = self.whole.get(key)
        if value is None:
            value = self.whole[key] = _ratio(self.query, self.index.texts[key])
        return value

    def run(self, exercises: Sequence[Exercise], limit: int) -> list[tuple[Exercise, float, str]]:
        index = self.index
        cutoff = self.cutoff
        candidates = self.candidates()
        positions = sorted({p for key in candidates for p in index.holders[key]})
        # The worst of the best so far: (score, -position), smallest first.
        kept: list[tuple[float, int, str]] = []
        for position in positions:
            # Below this, an exercise cannot enter the results.
            floor = kept[0][0] if len(kept) >= limit else None
            best = -1.0
            best_label = ""
            for key, label in index.by_exercise[position]:
                if key not in candidates:
                    continue  # it scores below the cutoff
                by_word = self.word_score(key)
                score = by_word
                bound = self.bounds[key]
                if (
                    bound > by_word
                    and bound > best
                    and bound >= cutoff
                    and (floor is None or bound > floor)
                ):
                    score = max(self.whole_score(key), by_word)
                if score > best:
                    best, best_label = score, label
            if best < cutoff:
                continue
            entry = (best, -position, best_label)
            if len(kept) < limit:
                heapq.heappush(kept, entry)
            elif best > kept[0][0]:
                heapq.heapreplace(kept, entry)
        ranked = sorted(kept, key=lambda entry: (-entry[0], -entry[1]))
        return [(exercises[-neg], score, label) for score, neg, label in ranked]
