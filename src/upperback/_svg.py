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

__all__ = ["INK", "WIDTH", "Circle", "Inset", "Line", "Polygon", "Shape", "document"]

Point = tuple[float, float]

#: The palette, by role. Dark ink on white for the body's near side, a
#: lighter gray for its far side, a pale gray for props, and one accent for
#: motion: all far apart in lightness, so they still read in grayscale.
#: ``paper`` outlines what sits in front, so that it stands apart.
INK: dict[str, str] = {
    "near": "#1f1f1f",
    "far": "#8c8c8c",
    "prop": "#b4b4b4",
    "prop-fill": "#ececec",
    "band": "#5a5a5a",
    "accent": "#c0392b",
    "paper": "#ffffff",
}

#: Default stroke widths, in drawing units, by role.
WIDTH: dict[str, float] = {
    "near": 4.4,
    "far": 4.4,
    "prop": 1.2,
    "band": 1.6,
    "accent": 2.2,
    "paper": 1.0,
}


@attrs.frozen
class Line:
    """An open polyline with round caps and joins, *width* wide (default: the role's)."""

    points: tuple[Point, ...]
    role: str
    width: float | None = None


@attrs.frozen
class Circle:
    """A disc filled with the role's ink, or with paper and outlined when not *solid*."""

    centre: Point
    radius: float
    role: str
    solid: bool = False


@attrs.frozen
class Polygon:
    """A filled, closed shape: filled with *fill*'s ink (default: a prop's fill or the role's)."""

    points: tuple[Point, ...]
    role: str
    fill: str | None = None
    width: float | None = None


@attrs.frozen
class Inset:
    """A small picture inside the picture: *shapes* in their own *box*, shown in *frame*.

    Both are (x, y, width, height) with y up: *frame* in the outer
    picture's units, *box* in the inset's. What falls outside the box is
    cut off.
    """

    frame: tuple[float, float, float, float]
    box: tuple[float, float, float, float]
    shapes: tuple[Line | Circle | Polygon, ...]


Shape = Line | Circle | Polygon | Inset


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
    lang: str | None = None,
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
        lang: The language of the title and description, as a BCP 47 tag
            for ``xml:lang``, so that a screen reader reads them in the
            right voice; or None.
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
    if lang is not None:
        svg.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
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
        _draw(group, shape, top)
    return ET.tostring(svg, encoding="unicode") + "\n"


def _draw(group: ET.Element, shape: Shape, top: float) -> None:
    if isinstance(shape, Inset):
        fx, fy, fw, fh = shape.frame
        bx, by, bw, bh = shape.box
        inner = ET.SubElement(
            group,
            "svg",
            {
                "x": _number(fx),
                "y": _number(top - fy - fh),
                "width": _number(fw),
                "height": _number(fh),
                "viewBox": f"{_number(bx)} 0 {_number(bw)} {_number(bh)}",
                "overflow": "hidden",
            },
        )
        for child in shape.shapes:
            _draw(inner, child, by + bh)
    elif isinstance(shape, Line):
        ET.SubElement(
            group,
            "polyline",
            {
                "points": _points(shape.points, top),
                "stroke": INK[shape.role],
                "stroke-width": _number(WIDTH[shape.role] if shape.width is None else shape.width),
            },
        )
    elif isinstance(shape, Circle):
        attributes = {
            "cx": _number(shape.centre[0]),
            "cy": _number(top - shape.centre[1]),
            "r": _number(shape.radius),
        }
        if shape.solid:
            attributes["fill"] = INK[shape.role]
        else:
            attributes |= {
                "fill": INK["paper"],
                "stroke": INK[shape.role],
                "stroke-width": _number(WIDTH[shape.role]),
            }
        ET.SubElement(group, "circle", attributes)
    else:
        default = "prop-fill" if shape.role == "prop" else shape.role
        ET.SubElement(
            group,
            "polygon",
            {
                "points": _points(shape.points, top),
                "fill": INK[shape.fill or default],
                "stroke": INK[shape.role],
                "stroke-width": _number(WIDTH[shape.role] if shape.width is None else shape.width),
            },
        )
