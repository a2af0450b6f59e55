"""What a reader sees in an HTML handout: its visible text, in document order.

A template from ``template_dir`` could keep a required sentence in the
output but out of sight: in a comment, a ``<meta>`` tag, the ``<head>``,
an element with ``hidden``, ``aria-hidden`` or an inline ``display: none``,
or one whose class or id a ``<style>`` rule hides. The completeness check
reads only the text this module returns, so none of those count.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["visible_text"]

#: Elements whose content is never shown as text.
_INVISIBLE = frozenset(
    {"head", "title", "style", "script", "template", "noscript", "meta", "iframe", "object"}
)
#: Elements that have no end tag.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
#: A CSS declaration that hides an element or its text.
_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*(hidden|collapse)|opacity\s*:\s*0*(\.0*)?\s*(;|$|!)"
    r"|font-size\s*:\s*0+(\.0*)?(px|pt|em|rem|%)?\s*(;|$|!)|content-visibility\s*:\s*hidden",
    re.IGNORECASE,
)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE = re.compile(r"^([.#])([A-Za-z0-9_-]+)$")


def _hidden_selectors(css: str) -> tuple[set[str], set[str]]:
    """Classes and ids that a style sheet hides with a simple selector."""
    classes: set[str] = set()
    ids: set[str] = set()
    for selectors, body in _RULE.findall(css):
        if not _HIDING.search(body):
            continue
        for selector in selectors.split(","):
            match = _SIMPLE.match(selector.strip().split()[-1] if selector.strip() else "")
            if match:
                (classes if match.group(1) == "." else ids).add(match.group(2))
    return classes, ids


class _Collector(HTMLParser):
    def __init__(self, hidden_classes: set[str], hidden_ids: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden_classes = hidden_classes
        self.hidden_ids = hidden_ids
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.hidden_depth = 0
        self.parts: list[str] = []

    def _hides(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in _INVISIBLE:
            return True
        values = {name.lower(): (value or "") for name, value in attrs}
        if "hidden" in values or values.get("aria-hidden", "").lower() == "true":
            return True
        if _HIDING.search(values.get("style", "")):
            return True
        if set(values.get("class", "").split()) & self.hidden_classes:
            return True
        return values.get("id", "") in self.hidden_ids

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        hides = self._hides(tag, attrs)
        self.stack.append((tag, hides))
        self.hidden_depth += hides
        self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, hides = self.stack.pop()
            self.hidden_depth -= hides
            if open_tag == tag:
                break
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.hidden_depth == 0:
            self.parts.append(data)


def visible_text(document: str) -> str:
    """Return the text of *document* a reader sees, white space collapsed to single spaces."""
    css = " ".join(re.findall(r"<style[^>]*>(.*?)</style>", document, re.DOTALL | re.IGNORECASE))
    collector = _Collector(*_hidden_selectors(css))
    collector.feed(document)
    collector.close()
    return " ".join("".join(collector.parts).split())
