"""Readability of Spanish text: our own syllable counter and two formulas.

Nothing at run time uses this module: the tests gate the Spanish content
with it, and docs/languages.md documents it. It is ours because the
syllable counts of the usual tools are wrong for Spanish (a dictionary of
hyphenation points, as pyphen has, is not a count of syllables: "así",
"una" and "atrás" have two syllables, and no hyphenation point).

**Syllables.** A Spanish word has one syllable per vowel nucleus. The
counter finds the vowels of a word and groups adjacent ones into nuclei by
the rules of Spanish spelling (Ortografía de la lengua española, 2010):

1. The vowels are ``a e i o u``, with or without a written accent, and
   ``ü``. The open (strong) vowels are ``a e o`` (``á é ó``); the closed
   (weak) ones are ``i u ü``.
2. ``u`` after ``q``, and after ``g`` before ``e`` or ``i``, is silent: it
   is not a vowel ("que", "guitarra"). ``ü`` is always a vowel
   ("pingüino").
3. ``y`` is a vowel only at the end of a word after a vowel ("hoy",
   "muy", "Uruguay"), or when it is the whole word ("y"); elsewhere it is
   a consonant ("yo", "ayuda").
4. ``h`` between two vowels does not separate them ("prohibir" has the
   nuclei "o-hi" → "prohi-bir"), as in speech; "ch" is a consonant.
5. Two open vowels side by side are a hiatus: two syllables ("poeta",
   "leer").
6. An open and a closed vowel, in either order, are a diphthong: one
   syllable ("bueno", "aire"); two different closed vowels are one too
   ("ciudad", "cuidado"). The same closed vowel twice is a hiatus
   ("chiita").
7. A closed vowel with a written accent (``í``, ``ú``) next to an open
   vowel is a hiatus: it stands alone ("día", "país", "reúne"). Two
   closed vowels stay one syllable even with an accent ("cuídese",
   "lingüística").
8. Closed, open, closed is a triphthong: one syllable ("buey",
   "estudiáis"). Rules 5 to 8 together: a nucleus holds at most one open
   vowel, and an accented ``í`` or ``ú`` shares it only with one closed
   vowel before it.
9. A number written in digits is one word with one syllable for each
   digit ("90" counts 2; "noventa" has 3, "15", "quince", 2): an estimate,
   as numbers are few in a handout.
10. A word with no vowel at all (an initial such as "T") counts one
    syllable.

**Fernández Huerta** (1959), in its corrected form (Law, 2011), which
textstat and legible.es use too: ``206.84 - 60 * S / W - 1.02 * W / F``.
**INFLESZ** (Barrio-Cantalejo et al., 2008) reads the Szigriszt-Pazos
perspicuity, ``206.835 - 62.3 * S / W - W / F``, on its own scale (65 to
80 "fairly easy", above 80 "very easy"). ``S`` is syllables, ``W`` words
and ``F`` sentences.

**Words and sentences.** A word is a run of letters or of digits. A
sentence ends at ``.``, ``!``, ``?``, ``;`` or ``:`` followed by a space or
the end, and at the end of a line: a heading or a list item with no full
stop is a sentence of its own. A list item's number or bullet at the start
of a line is not a word.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

_OPEN = frozenset("aeoáéó")
_CLOSED = frozenset("iuü")
_ACCENTED_CLOSED = frozenset("íú")
_VOWELS = _OPEN | _CLOSED | _ACCENTED_CLOSED

_WORD = re.compile(r"[^\W\d_]+|\d+")
_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?;:](?=\s|$)")


def _letters(word: str) -> str:
    """The word in lower case, with its letters composed (``"u" + accent`` is ``"ú"``)."""
    return unicodedata.normalize("NFC", word.casefold())


def _vowel_positions(word: str) -> list[int]:
    """The positions of the letters of *word* that are vowels (rules 1 to 3)."""
    found = []
    last = len(word) - 1
    for i, char in enumerate(word):
        if char in _VOWELS:
            if char == "u" and i > 0 and i < last:
                before, after = word[i - 1], word[i + 1]
                if before == "q" or (before == "g" and after in "eéií"):
                    continue  # silent: "que", "guitarra"
            found.append(i)
        elif char == "y" and (len(word) == 1 or (i == last and i > 0 and word[i - 1] in _VOWELS)):
            found.append(i)
    return found


def _joins(nucleus: list[str], vowel: str) -> bool:
    """Whether *vowel* joins the *nucleus* before it, rather than starting its own (5 to 8)."""
    previous = nucleus[-1]
    vowel = "i" if vowel == "y" else vowel
    if vowel in _ACCENTED_CLOSED:  # "día", "reúne"; but "cuídese", "lingüística"
        return len(nucleus) == 1 and previous in _CLOSED and previous != vowel
    if previous in _ACCENTED_CLOSED:
        return False
    if vowel in _OPEN:
        return not any(v in _OPEN for v in nucleus)
    # a closed vowel: joins an open one, or a different closed one
    return len(nucleus) < 3 and previous != vowel and (previous in _OPEN or len(nucleus) == 1)


def syllables(word: str) -> int:
    """The number of syllables of one Spanish *word*, by the rules of this module."""
    if word.isdigit():
        return len(word)
    text = _letters(word)
    positions = _vowel_positions(text)
    if not positions:
        return 1
    count = 0
    nucleus: list[str] = []
    previous = -2
    for position in positions:
        vowel = text[position]
        between = text[previous + 1 : position]
        adjacent = position == previous + 1 or between == "h"
        if nucleus and adjacent and _joins(nucleus, vowel):
            nucleus.append("i" if vowel == "y" else vowel)
        else:
            count += 1
            nucleus = ["i" if vowel == "y" else vowel]
        previous = position
    return count


def words(text: str) -> list[str]:
    """The words of *text*: runs of letters, and runs of digits; list markers left out."""
    return _WORD.findall(_MARKER.sub(" ", unicodedata.normalize("NFC", text)))


def sentences(text: str) -> list[str]:
    """The sentences of *text* that hold at least one word."""
    found = []
    for line in _MARKER.sub("", unicodedata.normalize("NFC", text)).splitlines():
        found += [part for part in _SENTENCE_END.split(line) if _WORD.search(part)]
    return found


@attrs.frozen
class Counts:
    """The counts the formulas need."""

    syllables: int
    words: int
    sentences: int

    @classmethod
    def of(cls, text: str) -> Counts:
        """Count the syllables, words and sentences of *text*."""
        found = words(text)
        return cls(sum(map(syllables, found)), len(found), len(sentences(text)))

    def fernandez_huerta(self) -> float:
        """Fernández Huerta's reading ease: 206.84 - 60 S/W - 1.02 W/F."""
        return 206.84 - 60 * self.syllables / self.words - 1.02 * self.words / self.sentences

    def inflesz(self) -> float:
        """The Szigriszt-Pazos perspicuity, read on the INFLESZ scale: 206.835 - 62.3 S/W - W/F."""
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences


def fernandez_huerta(text: str) -> float:
    """Fernández Huerta's reading ease of *text* (higher is easier; 80 to 90 is "easy")."""
    return Counts.of(text).fernandez_huerta()


def inflesz(text: str) -> float:
    """The INFLESZ score of *text* (65 to 80 is "fairly easy", above 80 "very easy")."""
    return Counts.of(text).inflesz()
