"""Search by name or alias: an index built once per catalog, and exact scoring.

The score of a label is the better of two similarities (see
:meth:`upperback.Catalog.search`): the query against the whole label, and
each query word against its best word of the label. Both use
:class:`difflib.SequenceMatcher`, which is slow, so the index exists to
call it only for the few labels that can reach the results, without
changing a single score. Every label gets a cheap upper bound on each
similarity, computed for all labels at once with Python's big integers
(one bit, or one small lane, per label):

- **whole label**: difflib's matches form a common subsequence, so its
  ratio is at most ``2 * LCS / (a + b)``. The longest common subsequence
  of the query with every label is computed at once by the bit-parallel
  algorithm (Allison and Dix; Hyyrö), each label in its own lane of one
  big integer, a few integer operations per character of the query;
- **words**: the ratio of each query word to each word of the catalog's
  vocabulary is computed once per query; a label's best ratio for a query
  word is then bounded from above by levels (steps of 0.05), read from
  bit sets of the labels holding a word at that level, and the levels are
  summed for all labels at once in a bit-sliced counter.

The search then looks at thresholds from high to low: it scores exactly
the exercises having a label whose bound reaches the threshold, and stops
as soon as it holds enough results at or above it (no other exercise can
beat them). Scores are computed as the original loop did; ranking is by
score, then catalog order, and the first best label of an exercise wins.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from itertools import compress, groupby

import attrs

from ._gc import collector_paused
from .model import Exercise

_WORDS = re.compile(r"[a-z0-9]+")

#: Word levels: a query word's best ratio in a label is bounded by the
#: lowest level above it; below the first level, by the first level.
_LOW = 0.2
_STEP = 0.05
_LEVELS = tuple((4 + i) / 20 for i in range(16))  # 0.2, 0.25, ... 0.95

#: Labels are packed in lanes of a multiple of 8 bits, one spare bit at the
#: top of each; longer labels (rare) are bounded by their length only.
_MAX_LANE = 128
#: Longer queries are bounded by lengths only (the LCS costs per character).
_MAX_QUERY = 128
#: Thresholds tried from high to low before the cutoff.
_THRESHOLDS = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1)
#: Slack against rounding in float bounds: bounds err on the high side.
_EPS = 1e-9
#: Bytes of bit sets the index may hold for each word of its labels. The
#: words held by the most labels get a bit set of them (a query ORs it in
#: one step), as long as the budget lasts; the others keep the numbers of
#: their labels, set bit by bit when a query needs them. So the index grows
#: with the catalog, whatever its words, and a catalog of common words
#: (most are) has a bit set for every word.
_DENSE = 64
#: Labels of more words than this are grouped with those of this many (the
#: word score's length factor only shrinks with more words, so the group's
#: bound holds for all of them).
_MAX_COUNT = 64


def normalize(text: str) -> str:
    """Lowercase words of letters and digits, joined by single spaces, accents dropped.

    ``"Omóplatos"`` and ``"omoplatos"`` are the same word: people type
    without accents, and a letter with an accent must not split a word.
    """
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        )
    return " ".join(_WORDS.findall(folded))


def labels(exercise: Exercise) -> tuple[str, ...]:
    """What an exercise can be found by: its name, its id as words, its aliases."""
    return (exercise.name, exercise.id.replace("-", " "), *exercise.aliases)


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def _length_bound(a: int, b: int) -> float:
    """The highest ratio two strings of lengths *a* and *b* can have."""
    return 2.0 * min(a, b) / (a + b) if a + b else 1.0


def _bits(flags: bytes) -> int:
    """The bit set of the positions whose byte in *flags* is ``b"1"`` (others ``b"0"``)."""
    return int(flags[::-1], 2) if flags else 0


def _set_of(positions: Iterable[int], size: int) -> int:
    """The bit set of *positions*, all below *size*."""
    packed = bytearray(size // 8 + 1)
    for position in positions:
        packed[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(packed, "little")


def _positions(bits: int, size: int) -> list[int]:
    """The positions of the set bits of *bits*, ascending."""
    text = format(bits, "b")[::-1].encode("ascii").translate(_ONE)
    return list(compress(range(size), text))


_ONE = bytes.maketrans(b"01", b"\x00\x01")
#: For each n, a table turning byte n into b"1" and every other byte into b"0".
_EQUAL = [bytes(0x31 if i == n else 0x30 for i in range(256)) for n in range(256)]
#: For each n, a table turning byte n into 1 and every other byte into 0.
_EQUAL_FLAG = [bytes(int(i == n) for i in range(256)) for n in range(256)]
#: For each n, a table turning a byte into b"1" if it is at least n, else b"0".
_AT_LEAST = [bytes(0x31 if i >= n else 0x30 for i in range(256)) for n in range(257)]


def _lcs(pattern: dict[str, int], size: int, text: str) -> int:
    """The length of the longest common subsequence of a word and *text*.

    *pattern* maps each character of the word to the bit set of its
    positions; *size* is the word's length (bit-parallel, Hyyro's algorithm).
    """
    full = (1 << size) - 1
    v = full
    for char in text:
        m = pattern.get(char)
        if m:
            u = v & m
            v = ((v + u) | (v ^ u)) & full
    return size - v.bit_count()


@functools.lru_cache(maxsize=4096)
def _reached(size: int, length: int) -> bytes:
    """A table from the LCS of two words, of lengths *size* and *length*, to the levels reached.

    The bound on difflib's ratio is ``2 * LCS / (size + length)``.
    """
    total = size + length
    if 2.0 * min(size, length) / total < _LOW:
        return bytes(256)
    return bytes(
        sum(1 for level in _LEVELS if 2.0 * lcs / total + _EPS >= level)
        for lcs in range(min(size, length) + 1)
    ).ljust(256, b"\0")


def _word_levels(vocabulary: _Texts, word: str) -> bytes:
    """For each word of *vocabulary*, how many levels the bound on its ratio to *word* reaches."""
    size = len(word)
    matches = vocabulary.matches(word)
    pattern = _pattern(word)
    parts = []
    for length, (start, stop) in vocabulary.by_length.items():
        table = _reached(size, length)
        if stop <= vocabulary.laned:
            parts.append(matches[start:stop].translate(table))
        else:  # too long for a lane (rare): one at a time
            texts = vocabulary.texts[start:stop]
            parts.append(bytes(table[_lcs(pattern, size, text)] for text in texts))
    return b"".join(parts)


def _pattern(word: str) -> dict[str, int]:
    found: dict[str, int] = defaultdict(int)
    for i, char in enumerate(word):
        found[char] |= 1 << i
    return found


@attrs.frozen
class _Lanes:
    """Labels of one lane width, for the bit-parallel LCS of all of them at once."""

    #: Bits per lane (a multiple of 8).
    width: int
    #: How many labels (lanes).
    size: int
    #: The label positions of every lane.
    full: int
    #: For each character, the positions that hold it.
    masks: dict[str, int]
    #: SWAR masks for counting bits: 0x55.., 0x33.., 0x0f.. over all lanes.
    m1: int
    m2: int
    m4: int

    @classmethod
    def build(cls, texts: Sequence[str], width: int) -> _Lanes:
        padded = "".join(text.ljust(width, "\0") for text in texts).encode("latin-1")
        alphabet = set("".join(texts))
        masks = {}
        for char in alphabet:
            code = ord(char)
            table = bytes(0x31 if i == code else 0x30 for i in range(256))
            masks[char] = _bits(padded.translate(table))
        table = bytes(0x30 if i == 0 else 0x31 for i in range(256))
        full = _bits(padded.translate(table))
        size = len(texts) * width // 8
        return cls(
            width=width,
            size=len(texts),
            full=full,
            masks=masks,
            m1=int.from_bytes(b"\x55" * size, "little"),
            m2=int.from_bytes(b"\x33" * size, "little"),
            m4=int.from_bytes(b"\x0f" * size, "little"),
        )

    def matches(self, query: str) -> bytes:
        """For each label, the length of its longest common subsequence with *query*."""
        full = self.full
        masks = self.masks
        v = full
        for char in query:
            m = masks.get(char)
            if m:
                u = v & m
                v = ((v + u) | (v ^ u)) & full
        x = full ^ v  # the matched positions
        x -= (x >> 1) & self.m1
        x = (x & self.m2) + ((x >> 2) & self.m2)
        x = (x + (x >> 4)) & self.m4  # each byte holds its count
        total = x
        for shift in range(8, self.width, 8):
            total += x >> shift  # no byte overflows: a lane holds under 128 bits
        step = self.width // 8
        return total.to_bytes(self.size * step + 1, "little")[0 : self.size * step : step]


@attrs.frozen
class _Texts:
    """Distinct texts, shortest first, packed in lanes for the LCS of all of them at once."""

    #: The texts, shortest first.
    texts: tuple[str, ...]
    #: For each length, the run of texts of that length: (start, stop).
    by_length: dict[int, tuple[int, int]]
    #: The texts of each lane width, in order; longer ones come last, unlaned.
    lanes: tuple[_Lanes, ...]
    #: How many texts are in lanes (the first ones).
    laned: int

    @classmethod
    def build(cls, texts: Sequence[str]) -> _Texts:
        """Pack *texts*, which must come shortest first."""
        by_length: dict[int, tuple[int, int]] = {}
        start = 0
        for length, run in groupby(map(len, texts)):
            stop = start + sum(1 for _ in run)
            by_length[length] = (start, stop)
            start = stop
        widths: dict[int, tuple[int, int]] = {}
        for length, (start, stop) in by_length.items():
            if length < _MAX_LANE:
                width = length // 8 * 8 + 8
                widths[width] = (widths.get(width, (start, stop))[0], stop)
        lanes = tuple(
            _Lanes.build(texts[start:stop], width) for width, (start, stop) in widths.items()
        )
        return cls(
            texts=tuple(texts),
            by_length=by_length,
            lanes=lanes,
            laned=sum(lane.size for lane in lanes),
        )

    def matches(self, query: str) -> bytes:
        """For each laned text, the length of its longest common subsequence with *query*."""
        return b"".join(lanes.matches(query) for lanes in self.lanes)


def _by_length(texts: Iterable[str]) -> list[str]:
    """*texts* without repeats, shortest first (ties in order of first use)."""
    return sorted(dict.fromkeys(texts), key=len)


@attrs.frozen
class SearchIndex:
    """Normalised labels, their words and where they are, for one catalog.

    Distinct labels are numbered by length (shortest first), so that labels
    of one length, and of one lane width, are runs of numbers; so are the
    distinct words. Everything here is linear in the size of the labels:
    a word held by many labels keeps a bit set of them, a rarer word the
    list of their numbers.
    """

    #: Distinct normalised labels, shortest first, in lanes.
    labels: _Texts
    #: The words of each distinct label, repeats kept.
    words: tuple[tuple[str, ...], ...]
    #: Each exercise's labels, in label order: (distinct label, original text).
    by_exercise: tuple[tuple[tuple[int, str], ...], ...]
    #: The exercises (positions) that carry each distinct label.
    holders: tuple[tuple[int, ...], ...]
    #: The catalog's distinct words, shortest first, in lanes.
    vocabulary: _Texts
    #: For each word, the labels that hold it (their numbers, ascending).
    word_holders: tuple[tuple[int, ...], ...]
    #: The bit set of the labels holding each word that many labels hold.
    dense: dict[int, int]
    #: For each number of words (up to :data:`_MAX_COUNT`), the bit set of the
    #: labels with that many; labels with more count as :data:`_MAX_COUNT`.
    by_word_count: dict[int, int]

    #: :attr:`dense` as a list, by word number (``None`` for a rare word).
    dense_list: list[int | None] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        dense_list: list[int | None] = [None] * len(self.word_holders)
        for i, bits in self.dense.items():
            dense_list[i] = bits
        object.__setattr__(self, "dense_list", dense_list)

    @property
    def texts(self) -> tuple[str, ...]:
        """The distinct normalised labels, shortest first."""
        return self.labels.texts

    @classmethod
    def build(cls, texts: Sequence[Sequence[str]]) -> SearchIndex:
        """Index the labels of each exercise: *texts* holds one sequence of texts an exercise.

        An exercise is found by any of its texts (see :func:`labels`); the
        result of a search names the text it matched.
        """
        with collector_paused():  # many small tuples, no cycles
            return cls._build(texts)

    @classmethod
    def _build(cls, texts: Sequence[Sequence[str]]) -> SearchIndex:
        first, holders, found = _number_labels(texts)
        order = sorted(range(len(first)), key=lambda key: len(first[key]))
        renumber = [0] * len(order)
        for new, old in enumerate(order):
            renumber[old] = new
        label_texts = tuple(first[old] for old in order)
        words = tuple(tuple(text.split()) for text in label_texts)
        vocabulary = _by_length(word for label_words in words for word in label_words)
        number = {word: i for i, word in enumerate(vocabulary)}
        word_holders: list[list[int]] = [[] for _ in vocabulary]
        for key, label_words in enumerate(words):
            for word in dict.fromkeys(label_words):
                word_holders[number[word]].append(key)
        size = len(label_texts)
        dense: dict[int, int] = {}
        budget = _DENSE * sum(len(keys) for keys in word_holders)
        cost = size // 8 + 1
        for i in sorted(range(len(vocabulary)), key=lambda i: -len(word_holders[i])):
            if budget < cost:
                break
            dense[i] = _set_of(word_holders[i], size)
            budget -= cost
        counts = bytes(min(len(label_words), _MAX_COUNT) for label_words in words)
        return cls(
            labels=_Texts.build(label_texts),
            words=words,
            by_exercise=tuple(tuple((renumber[k], label) for k, label in mine) for mine in found),
            holders=tuple(tuple(holders[old]) for old in order),
            vocabulary=_Texts.build(vocabulary),
            word_holders=tuple(tuple(keys) for keys in word_holders),
            dense=dense,
            by_word_count={
                count: _bits(counts.translate(_EQUAL[count])) for count in sorted(set(counts))
            },
        )

    def search(
        self, exercises: Sequence[Exercise], text: str, limit: int, cutoff: float
    ) -> list[tuple[Exercise, float, str]]:
        """Return (exercise, unrounded score, label) of the best matches, best first."""
        query = normalize(text)
        if not query or limit <= 0:
            return []
        return _Query(self, query, cutoff).run(exercises, limit)


def _number_labels(
    texts: Sequence[Sequence[str]],
) -> tuple[list[str], list[list[int]], list[list[tuple[int, str]]]]:
    """Number the distinct normalised labels in order of first use.

    Returns the labels, the exercises (positions) holding each, and each
    exercise's labels as (number, original text).
    """
    number: dict[str, int] = {}
    holders: list[list[int]] = []
    found = []
    for position, mine_texts in enumerate(texts):
        mine = []
        for label in mine_texts:
            key = number.setdefault(normalize(label), len(number))
            if key == len(holders):
                holders.append([])
            if not holders[key] or holders[key][-1] != position:
                holders[key].append(position)
            mine.append((key, label))
        found.append(mine)
    return list(number), holders, found


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
        #: For each label, an upper bound on its matches with the whole query.
        self.matched = self.whole_matches()
        #: Bit-sliced counter: for each label, the sum of its word levels.
        self.levels = self.word_levels()

    # -- bounds, for all labels at once -----------------------------------

    def whole_matches(self) -> bytes:
        """For each label, at most how many characters difflib can match (LCS or lengths)."""
        labels_ = self.index.labels
        size = len(self.query)
        if size <= _MAX_QUERY:
            found = labels_.matches(self.query)
        else:
            found = bytes(min(size, len(text)) for text in labels_.texts[: labels_.laned])
        return found + bytes([255]) * (len(labels_.texts) - len(found))

    def word_levels(self) -> list[int]:
        """Sum, over the query words, of how many levels each reaches in each label."""
        counter: list[int] = []
        repeats = {word: self.query_words.count(word) for word in self.distinct}
        for word in self.ratios:
            # Labels reaching level i: those with a word reaching i or more.
            for reach in self.reach(word):
                for _ in range(repeats[word]):
                    _add(counter, reach)
        return counter

    def reach(self, word: str) -> Iterator[int]:
        """For each level reached, from the top, the bit set of the labels reaching it.

        A label reaches level i when one of its words does: when the bound
        on that word's ratio to *word* is at least the level's.
        """
        index = self.index
        levels = _word_levels(index.vocabulary, word)
        dense = index.dense_list
        word_holders = index.word_holders
        packed = bytearray(len(index.labels.texts) // 8 + 1)  # the rare words' labels
        reach = 0
        for level in range(len(_LEVELS), 0, -1):
            if level in levels:
                sparse = False
                for i in compress(range(len(levels)), levels.translate(_EQUAL_FLAG[level])):
                    bits = dense[i]
                    if bits is None:
                        for key in word_holders[i]:
                            packed[key >> 3] |= 1 << (key & 7)
                        sparse = True
                    else:
                        reach |= bits
                if sparse:
                    reach |= int.from_bytes(packed, "little")
            if reach:
                yield reach

    def candidates(self, threshold: float) -> int:
        """The bit set of the labels whose score may reach *threshold*."""
        index = self.index
        everything = (1 << len(index.texts)) - 1
        if threshold <= 0:
            return everything
        # Whole label: 2 * matched / (query + label) >= threshold.
        size = len(self.query)
        runs = []
        laned = index.labels.laned
        for length, (start, stop) in sorted(index.labels.by_length.items()):
            need = math.ceil(threshold * (size + length) / 2 - _EPS)
            runs.append(self.matched[start:stop].translate(_AT_LEAST[max(0, min(need, 256))]))
        found = _bits(b"".join(runs)) | (everything ^ ((1 << laned) - 1))
        # Words: the mean of the bounds, times the length factor, >= threshold.
        m = len(self.query_words)
        for count, labels_ in index.by_word_count.items():
            if count == 0:
                continue  # the word score is 0
            factor = min(1.0, m / count) ** 0.5
            need = math.ceil(((threshold - _EPS) * m / factor - m * _LOW) / _STEP - 1e-6)
            if need <= 0:
                found |= labels_
            else:
                found |= labels_ & _at_least(self.levels, need, everything)
        return found

    # -- exact scores --------------------------------------------------------

    def word_score(self, key: int) -> float:
        value = self.by_word.get(key)
        if value is None:
            label_words = self.index.words[key]
            if not label_words:
                value = 0.0
            else:
                words = [max(table[lw] for lw in label_words) for table in self.tables]
                value = sum(words) / len(words) * min(1.0, len(words) / len(label_words)) ** 0.5
            self.by_word[key] = value
        return value

    def whole_bound(self, key: int) -> float:
        size = len(self.query)
        length = len(self.index.texts[key])
        matched = self.matched[key]
        if matched == 255:
            return _length_bound(size, length)
        return 2.0 * matched / (size + length) + _EPS

    def whole_score(self, key: int) -> float:
        value = self.whole.get(key)
        if value is None:
            value = self.whole[key] = _ratio(self.query, self.index.texts[key])
        return value

    def run(self, exercises: Sequence[Exercise], limit: int) -> list[tuple[Exercise, float, str]]:
        index = self.index
        cutoff = self.cutoff
        size = len(index.texts)
        # The worst of the best so far: (score, -position, label), smallest first.
        kept: list[tuple[float, int, str]] = []
        seen: set[int] = set()
        looked = 0
        for threshold in (*(t for t in _THRESHOLDS if t > cutoff), cutoff):
            fresh = self.candidates(threshold) & ~looked
            looked |= fresh
            positions = sorted(
                {p for key in _positions(fresh, size) for p in index.holders[key]} - seen
            )
            seen.update(positions)
            for position in positions:
                self.score(position, kept, limit)
            if len(kept) >= limit and kept[0][0] >= threshold:
                break  # every exercise not scored is below the threshold
        ranked = sorted(kept, key=lambda entry: (-entry[0], -entry[1]))
        return [(exercises[-neg], score, label) for score, neg, label in ranked]

    def score(self, position: int, kept: list[tuple[float, int, str]], limit: int) -> None:
        """Score the exercise at *position* exactly and keep it if it is among the best."""
        cutoff = self.cutoff
        floor = kept[0][0] if len(kept) >= limit else None
        best = -1.0
        best_label = ""
        for key, label in self.index.by_exercise[position]:
            by_word = self.word_score(key)
            score = by_word
            bound = self.whole_bound(key)
            if (
                bound > by_word
                and bound > best
                and bound >= cutoff
                and (floor is None or bound >= floor)
            ):
                score = max(self.whole_score(key), by_word)
            if score > best:
                best, best_label = score, label
        if best < cutoff:
            return
        entry = (best, -position, best_label)
        if len(kept) < limit:
            heapq.heappush(kept, entry)
        elif entry > kept[0]:
            heapq.heapreplace(kept, entry)


def _add(counter: list[int], bits: int) -> None:
    """Add 1 to the bit-sliced *counter* at every set bit of *bits*."""
    carry = bits
    for i, digit in enumerate(counter):
        counter[i] = digit ^ carry
        carry &= digit
        if not carry:
            return
    counter.append(carry)


def _at_least(counter: list[int], need: int, everything: int) -> int:
    """The bit set of the positions where the bit-sliced *counter* is at least *need*."""
    if need >= 1 << len(counter):
        return 0
    greater = 0
    equal = everything
    for i in range(len(counter) - 1, -1, -1):
        digit = counter[i]
        if need >> i & 1:
            equal &= digit
        else:
            greater |= equal & digit
            equal &= ~digit
    return greater | equal
