"""CommonMark escaping: the one path every Markdown output takes.

The handout (:mod:`._plain`) and the CERT report (:mod:`._cert`) write
catalog text into Markdown. Catalog text is data: a name such as
``Row <img src=x>`` or a step such as ``![x](https://example.org/p.png)``
must print as those characters, never become HTML, a link or an image.
Both outputs escape through the two functions here, and the tests parse
both back with markdown-it-py to prove it.
"""

from __future__ import annotations

import re

__all__ = ["block", "inline", "unescape"]

#: Every character that can start inline syntax in CommonMark: emphasis
#: (``*`` ``_``), code (`````), links and images (``[`` ``]``), raw HTML
#: and autolinks (``<`` ``>``), entities (``&``), table cells (``|``),
#: strikethrough (``~``), a heading (``#``) and the escape itself.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
#: What can open a block at the start of a line: a list item, a thematic
#: break or setext underline (``---``, ``===``), a quote.
_BLOCK_START = re.compile(r"^(\d+[.)]|[-+=>])")


def inline(text: str) -> str:
    """Return *text* escaped so that no character of it is Markdown syntax."""
    return _SPECIAL.sub(r"\\\1", text)


def block(text: str) -> str:
    """Return *text* escaped so that, at the start of a line too, it opens no block."""
    text = inline(text)
    return _BLOCK_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def unescape(output: str) -> str:
    """Return the words a reader of Markdown sees: *output* without backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", output)
