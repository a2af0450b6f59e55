"""A Sphinx directive that draws every figure of the bundled catalog.

``{contact-sheet}`` becomes a grid of inline SVG pictures with their alt
text, drawn from the data when the docs are built, so the page can never
show a picture the data no longer makes.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import upperback

_STYLE = (
    "<style>"
    ".contact-sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));"
    "gap:1em;margin:1em 0}"
    ".contact-sheet figure{margin:0;padding:.5em;border:1px solid #c8c8c8;border-radius:6px;"
    "background:#fff;color:#111}"
    ".contact-sheet svg{display:block;width:100%;height:11em}"
    ".contact-sheet figcaption{font-size:.85em}"
    "</style>"
)


class ContactSheet(SphinxDirective):
    """Every pose of every exercise of the bundled catalog, with its alt text."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Draw the sheet as raw HTML."""
        parts = [_STYLE, '<div class="contact-sheet">']
        for exercise in upperback.load_catalog():
            for picture in upperback.illustrations(exercise):
                svg = picture.svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)
                parts.append(
                    f"<figure>{svg}<figcaption><strong>{html.escape(picture.title)}</strong>"
                    f"<br>{html.escape(picture.alt)}</figcaption></figure>"
                )
        parts.append("</div>")
        return [nodes.raw("", "\n".join(parts), format="html")]


def setup(app: Sphinx) -> dict[str, object]:
    """Register the directive."""
    app.add_directive("contact-sheet", ContactSheet)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
