"""Drawing: shapes in, one self-contained SVG document out.

This module knows lines, circles, polygons and styles, and nothing of
bodies or exercises. Coordinates are in drawing units with y up; the
document flips them. Numbers are written with one decimal, so the same
shapes always give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

import attrs

__all__ = ["INK", "Circle", "Line", "Polygon", "Shape", "document"]

Point = tuple[float, float]

#: The palette, by role. Dark ink on white for what matters, a lighter gray
#: for the far side, a pale gray for props, and one accent for motion: all
#: far apart in lightness, so they still read in grayscale.
INK: dict[str, str] = {
    "near": "#1f1f1f",
    "far": "#8c8c8c",
    "prop": "#c8c8c8",
    "prop-fill": "#ececec",
    "band": "#6e6e6e",
    "accent": "#c0392b",
    "paper": "#ffffff",
}

#: Stroke widths, in drawing units, by role.
WIDTH: dict[str, float] = {"near": 3.0, "far": 3.0, "prop": 1.6, "band": 1.4, "accent": 2.0}


@attrs.frozen
class Line:
    """An open polyline with round caps and joins."""

    points: tuple[Point, ...]
    role: str


@attrs.frozen
class Circle:
    """A circle filled with paper, so that it hides what is behind it."""

    centre: Point
    radius: float
    role: str


@attrs.frozen
class Polygon:
    """A filled, closed shape."""

    points: tuple[Point, ...]
    role: str


Shape = Line | Circle | Polygon


def _number(value: float) -> str:
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def _points(points: Sequence[Point], height: float) -> str:
    return " ".join(f"{_number(x)},{_number(height - y)}" for x, y in points)


def document(  # noqa: PLR0913 - every part of the document is its own argument
    shapes: Sequence[Shape],
    *,
    box: tuple[float, float, float, float],
    title: str,
    desc: str,
    ident: str,
    width: float | None = None,
) -> str:
    """Return one SVG document drawing *shapes* in *box* (x, y, width, height, y up).

    Args:
        shapes: Drawn in order: later shapes cover earlier ones.
        box: The visible area, in drawing units with y up.
        title: The short accessible name.
        desc: The longer accessible description.
        ident: A prefix for the ids of the title and description, unique in
            the page the SVG may be placed in.
        width: A width attribute in drawing units, or None for none (the
            page decides).
    """
    x0, y0, w, h = box
    top = y0 + h  # y is flipped: drawing y becomes (top - y)
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"{_number(x0)} 0 {_number(w)} {_number(h)}",
            "role": "img",
            "aria-labelledby": f"{ident}-title {ident}-desc",
        },
    )
    if width is not None:
        svg.set("width", _number(width))
    ET.SubElement(svg, "title", {"id": f"{ident}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{ident}-desc"}).text = desc
    group = ET.SubElement(
        svg,
        "g",
        {"fill": "none", "stroke-linecap": "round", "stroke-linejoin": "round"},
    )
    for shape in shapes:
        if isinstance(shape, Line):
            ET.SubElement(
                group,
                "polyline",
                {
                    "points": _points(shape.points, top),
                    "stroke": INK[shape.role],
                    "stroke-width": _number(WIDTH[shape.role]),
                },
            )
        elif isinstance(shape, Circle):
            ET.SubElement(
                group,
                "circle",
                {
                    "cx": _number(shape.centre[0]),
                    "cy": _number(top - shape.centre[1]),
                    "r": _number(shape.radius),
                    "fill": INK["paper"],
                    "stroke": INK[shape.role],
                    "stroke-width": _number(WIDTH[shape.role]),
                },
            )
        else:
            fill = INK["prop-fill"] if shape.role == "prop" else INK[shape.role]
            ET.SubElement(
                group,
                "polygon",
                {
                    "points": _points(shape.points, top),
                    "fill": fill,
                    "stroke": INK[shape.role],
                    "stroke-width": _number(WIDTH.get(shape.role, 1.0)),
                },
            )
    return ET.tostring(svg, encoding="unicode") + "\n"
