"""Pictures of exercises, drawn from the catalog's own pose data.

>>> import upperback
>>> picture = upperback.illustrate(upperback.load_catalog()["band-row"], pose="end")
>>> picture.pose
'end'
>>> picture.svg.startswith("<svg")
True

Each exercise with a :class:`~upperback.Figure` gives one picture per key
pose: an accessible SVG line drawing with a title, a plain-language
description written from the joint angles and contacts, and no scripts,
fonts or outside files.

The layers: the pose data (:mod:`upperback.model`), kinematics (pure
functions from angles to points), then this module, which turns points and
props into shapes and words, and the SVG writer, which knows only shapes.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import math

import attrs

from . import _kinematics as kin
from ._i18n import NC_, check_locale, translations
from ._svg import Circle, Inset, Line, Polygon, Shape, document
from .exceptions import NoFigureError, UnknownVocabularyError
from .model import Arm, Arrow, BodySite, Contact, Exercise, Figure, Joints, Pose, Prop, View

__all__ = ["Illustration", "illustrate", "illustrations"]

#: Drawing units per body height.
_SCALE = 100.0
#: Space around the figure, as a fraction of body height.
_MARGIN = 0.06


@attrs.frozen
class Illustration:
    """One pose of an exercise, drawn.

    Args:
        exercise: The exercise id.
        pose: The pose's name, such as ``"start"``.
        label: The pose in words, such as ``"start position"``.
        title: A short name for the picture.
        alt: What the picture shows, in plain words, for people who cannot
            see it.
        svg: The SVG document, one ``<svg>`` element and a final newline.

    .. versionadded:: 0.1.0
    """

    exercise: str
    pose: str
    label: str
    title: str
    alt: str
    svg: str

    @property
    def filename(self) -> str:
        """A file name for the picture, such as ``band-row-start.svg``."""
        return f"{self.exercise}-{self.pose}.svg"


def illustrate(
    exercise: Exercise, pose: str | None = None, *, locale: str | None = None
) -> Illustration:
    """Draw *exercise* in *pose* (default: its first pose, the start).

    The title and the description are in *locale* (default: English); the
    exercise's name is used as given, so pass one from a catalog localized
    to the same language.

    Raises:
        NoFigureError: *exercise* has no figure.
        UnknownVocabularyError: *pose* is not one of the figure's poses.
        UnknownLocaleError: The package has no such language.

    .. versionadded:: 0.1.0
    """
    translations(locale)  # an unknown language fails before any drawing
    figure = _figure_of(exercise)
    names = [p.name for p in figure.poses]
    name = names[0] if pose is None else pose
    if name not in names:
        import difflib  # noqa: PLC0415 - lazy: only when a name is wrong

        close = difflib.get_close_matches(str(name), names, n=1, cutoff=0.5)
        raise UnknownVocabularyError("pose", name, names, close)
    scene = kin.scene(figure)
    index = names.index(name)
    return _draw(exercise, figure, scene, _layout(scene), index, locale=locale)


def illustrations(exercise: Exercise, *, locale: str | None = None) -> tuple[Illustration, ...]:
    """Draw every pose of *exercise*, in order; empty when it has no figure.

    .. versionadded:: 0.1.0
    """
    translations(locale)
    figure = exercise.figure
    if figure is None:
        return ()
    scene = kin.scene(figure)
    layout = _layout(scene)  # once for every pose: the work grows with the poses, not faster
    return tuple(
        _draw(exercise, figure, scene, layout, index, locale=locale)
        for index in range(len(figure.poses))
    )


def _figure_of(exercise: Exercise) -> Figure:
    if exercise.figure is None:
        raise NoFigureError(exercise.id)
    return exercise.figure


# -- shapes --------------------------------------------------------------------

Point2 = tuple[float, float]
Bounds = tuple[float, float, float, float]

#: The views from a side: the far side is drawn lighter, behind the trunk.
_SIDEWAYS = frozenset({View.SIDE, View.PROFILE})

#: Stroke widths, in drawing units: a limb, the trunk, and the paper gap
#: that sets a near limb apart from what is behind it.
_LIMB = 2 * kin.BODY_RADIUS * _SCALE
_TRUNK = 2 * kin.TRUNK_RADIUS * _SCALE
_GAP = 1.4
_ARROW = 2.2
_BAND = 1.6
#: A shoulder blade's drawn size, as fractions of body height: from its
#: middle up to its top edge and down to its lower tip, and its width.
_BLADE_TOP = 0.045
_BLADE_TIP = 0.075
_BLADE_WIDTH = 0.026
#: The ears, seen from behind: their radius and how far out from the
#: head's middle, in drawing units.
_EAR = 1.6
_EAR_OUT = kin.HEAD_RADIUS * _SCALE + 0.2
#: How far under the start's hands the band is anchored in the door, as a
#: fraction of body height.
_BAND_DROP = 0.16
#: The inset's size, as a fraction of the main picture's scale.
_INSET_SCALE = 0.5
_LOW_INSET_SCALE = 0.75


def _flat(point: kin.Vec, view: View) -> Point2:
    across, up, _ = kin.project(point, view)
    return across * _SCALE, up * _SCALE


def _near(point: kin.Vec, view: View) -> float:
    return kin.project(point, view)[2]


def _unit(a: kin.Vec, b: kin.Vec) -> kin.Vec:
    """The unit vector from *a* to *b*."""
    d = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    n = math.hypot(*d) or 1.0
    return (d[0] / n, d[1] / n, d[2] / n)


def _along(a: kin.Vec, direction: kin.Vec, k: float) -> kin.Vec:
    return (a[0] + direction[0] * k, a[1] + direction[1] * k, a[2] + direction[2] * k)


@attrs.frozen
class _Stage:
    """What every pose of a figure shares in one view: the box and the props' reach."""

    view: View
    bounds: Bounds
    #: The world box the props are drawn in: (low, high) corners.
    world: tuple[kin.Vec, kin.Vec]
    #: Where the floor's line runs on paper, under the lowest foot.
    floor: float = 0.0
    #: Seen from the side, where the floor's far edge runs (see
    #: :func:`_floor_far_edge`).
    floor_far: float = 0.0
    #: Whether the body lies on the floor in every pose.
    lying: bool = False
    #: The props drawn: an inset draws only those the body touches.
    props: frozenset[Prop] = frozenset()
    #: Whether the arms are drawn: an inset seen exactly from the side
    #: leaves out arms out to the sides, which its main view shows (from the
    #: side they were a stub that read as a row: review round 7).
    arms: bool = True
    #: Whether the pillow is drawn over the legs (see :func:`_pillow_hides_legs`).
    pillow_over_legs: bool = False
    #: Whether a back view draws its small marks of the back (see
    #: :func:`_seat`): not in an inset, where at half size they blur.
    details: bool = True


def _extent(
    scene: kin.Scene, view: View, xs: list[float], ys: list[float]
) -> tuple[list[float], list[float]]:
    """Add every pose's drawn reach to *xs* and *ys*; return the world's low and high corners."""
    low = [math.inf, math.inf, math.inf]
    high = [-math.inf, -math.inf, -math.inf]
    for body in scene.bodies.values():
        for name, point in body.points.items():
            radius = kin.point_radius(name) * _SCALE
            x, y = _flat(point, view)
            xs += [x - radius, x + radius]
            ys += [y - radius, y + radius]
            for i in range(3):
                low[i] = min(low[i], point[i])
                high[i] = max(high[i], point[i])
    return low, high


def _stage(scene: kin.Scene, view: View, *, inset: bool = False) -> _Stage:
    """The box every pose and every bounded prop fits in: one pass over the poses.

    An *inset* fits the body and the props it touches: the main view
    shows the rest, and a prop out of reach, such as the door a band is
    shut in, would only make the inset larger and cover the main view.
    """
    xs: list[float] = []
    ys: list[float] = []
    low, high = _extent(scene, view, xs, ys)
    reach = 0.3
    world: tuple[kin.Vec, kin.Vec] = (
        (low[0] - reach, -0.02, low[2] - reach),
        (high[0] + reach, max(high[1] + 0.15, 1.3), high[2] + reach),
    )
    props = frozenset(scene.figure.props)
    if inset:
        touched = {c.prop for pose in scene.figure.poses for c in pose.contacts}
        props = frozenset(prop for prop in props if prop in touched)
    for prop in props:
        if prop in {Prop.FLOOR, Prop.WALL}:
            continue
        for box in kin.PROP_BOXES[prop]:
            for corner in _corners(box, world):
                x, y = _flat(corner, view)
                xs.append(x)
                ys.append(y)
    if view is not View.TOP and Prop.FLOOR in props:
        under = kin.Box((low[0], -0.02, low[2]), (high[0], 0.0, high[2]))  # the floor below
        ys.extend(_flat(corner, view)[1] for corner in _corners(under, world))
    _arrow_room(scene, view, xs, ys)
    margin = _MARGIN * _SCALE
    bounds = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
    if inset and view in _HEAD_OR_FEET and _seated(scene):
        # From in front or behind, thighs point at the viewer and a seated
        # body's legs read as standing: the inset shows it from the seat up,
        # and the main view, from the side, shows the legs.
        seat = _flat((0.0, kin.SEAT_HEIGHT, 0.0), view)[1]
        bounds = (bounds[0], seat - margin, bounds[2], bounds[3])
    soles = [
        _flat(body[f"{side}.{end}"], view)[1]
        for body in scene.bodies.values()
        for side in ("r", "l")
        for end in ("heel", "toe")
    ]
    floor = min(soles) - kin.BODY_RADIUS * _SCALE
    stage = _Stage(view, bounds, world, floor, _floor_far_edge(scene), _lying(scene), props)
    return attrs.evolve(stage, pillow_over_legs=_pillow_hides_legs(scene, stage), details=not inset)


def _arrow_room(scene: kin.Scene, view: View, xs: list[float], ys: list[float]) -> None:
    """Add to *xs* and *ys* the room the arrows round the head need."""
    if any(arrow.part is BodySite.HEAD for arrow in scene.figure.arrows):
        # Room for the arrow over the head, and for its sides.
        ys.append(max(ys) + 6.0)
        xs.extend((min(xs) - 3.0, max(xs) + 3.0))
    if view in _SIDEWAYS:
        half = (_ARROW + 2 * _GAP) / 2 + _HEAD / 2
        for arrow in scene.figure.arrows:
            if _curls_forward(scene, arrow):
                for x, y in _curl_path(scene, arrow, view):
                    xs.extend((x - half, x + half))
                    ys.extend((y - half, y + half))


def _corners(box: kin.Box, limits: tuple[kin.Vec, kin.Vec]) -> list[kin.Vec]:
    """The corners of *box*, its unbounded sides cut at *limits*."""
    sides = []
    for i in range(3):
        low, high = box.low[i], box.high[i]
        sides.append((limits[0][i] if low is None else low, limits[1][i] if high is None else high))
    return [(x, y, z) for x in sides[0] for y in sides[1] for z in sides[2]]


def _hull(points: list[Point2]) -> tuple[Point2, ...]:
    """The convex hull of *points*, counterclockwise (Andrew's monotone chain)."""
    unique = sorted(set(points))
    if len(unique) < 3:
        return tuple(unique)

    def cross(o: Point2, a: Point2, b: Point2) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point2] = []
    upper: list[Point2] = []
    for p in unique:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(unique):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return tuple(lower[:-1] + upper[:-1])


def _box_shape(box: kin.Box, stage: _Stage, role: str = "prop") -> Polygon:
    flat = [_flat(corner, stage.view) for corner in _corners(box, stage.world)]
    return Polygon(_clip(_hull(flat), stage.bounds), role)


def _clip(points: tuple[Point2, ...], bounds: Bounds) -> tuple[Point2, ...]:
    """*points*, a convex polygon, cut to *bounds* (Sutherland-Hodgman)."""
    x0, y0, x1, y1 = bounds
    edges = ((0, x0, 1), (0, x1, -1), (1, y0, 1), (1, y1, -1))
    shape = list(points)
    for axis, value, sign in edges:
        if not shape:
            break
        kept: list[Point2] = []
        for i, current in enumerate(shape):
            previous = shape[i - 1]
            inside_now = sign * (current[axis] - value) >= 0
            inside_before = sign * (previous[axis] - value) >= 0
            if inside_now != inside_before:
                t = (value - previous[axis]) / (current[axis] - previous[axis])
                kept.append(
                    (
                        previous[0] + t * (current[0] - previous[0]),
                        previous[1] + t * (current[1] - previous[1]),
                    )
                )
            if inside_now:
                kept.append(current)
        shape = kept
    return tuple(shape)


def _prop_shapes(stage: _Stage) -> list[Shape]:
    """Props behind the body: the floor and walls first, then furniture."""
    view = stage.view
    props = stage.props
    shapes: list[Shape] = []
    if Prop.FLOOR in props and view in _SIDEWAYS:  # a band across the picture
        (x0, _, _), (x1, _, z1) = stage.world
        floor = kin.Box((x0 - 1.0, -0.02, stage.floor_far), (x1 + 1.0, 0.0, z1 - 0.18))
        shapes.append(_box_shape(floor, stage))
    elif Prop.FLOOR in props and view is not View.TOP and stage.lying:
        shapes.append(_lying_floor(stage))
    elif Prop.FLOOR in props and view is not View.TOP:  # seen from in front: a line
        y = stage.floor
        shapes.append(Line(((stage.bounds[0], y), (stage.bounds[2], y)), "prop", 1.6))
    for prop in (Prop.WALL, Prop.WALL_CORNER, Prop.DOORWAY, Prop.CHAIR):
        if prop in props:
            boxes = kin.PROP_BOXES[prop]
            if prop is Prop.DOORWAY and view is View.TOP:
                # From above, the bar across the top hid the opening: the
                # two sides only, with the way through between them.
                boxes = tuple(_wall_beside(box) for box in boxes[:2])
            shapes += [_box_shape(box, stage) for box in boxes]
            if prop is Prop.CHAIR:
                shapes += _chair_legs(stage) + _chair_rail(stage)
    if Prop.BAND in props:
        shapes += _door(stage)
    if Prop.PILLOW in props and not stage.pillow_over_legs:
        shapes += _pillow(stage)
    return shapes


def _lying_floor(stage: _Stage) -> Shape:
    """The mat a body lies on, seen from its head or its feet: as far back as its feet."""
    (x0, _, z0), (x1, _, z1) = stage.world
    floor = kin.Box((x0 + 0.1, -0.02, z0 - 1.0), (x1 - 0.1, 0.0, z1 + 1.0))
    return _box_shape(floor, stage)


def _pillow_hides_legs(scene: kin.Scene, stage: _Stage) -> bool:
    """Whether the pillow is drawn in front of the legs: a body lying face down, seen from its head.

    From the head at floor level, the legs lie behind the pillow: drawn
    over it, the thighs showed as two short legs under the head, as if
    standing (review round 10).
    """
    if Prop.PILLOW not in stage.props or stage.view not in _HEAD_OR_FEET:
        return False
    box = kin.PROP_BOXES[Prop.PILLOW][0]
    nearest = max(_near(corner, stage.view) for corner in _corners(box, stage.world))
    return stage.lying and all(
        _near(body[f"{side}.knee"], stage.view) < nearest
        for body in scene.bodies.values()
        for side in ("r", "l")
    )


#: How low a point is, as a fraction of body height, to count as on the
#: floor; and how far the floor reaches behind the farthest such point.
_ON_FLOOR = 0.06
_FLOOR_BEHIND = 0.03


#: How far the wall a door frame is set in reaches beside it, seen from above.
_WALL_BESIDE = 0.1


def _wall_beside(post: kin.Box) -> kin.Box:
    """A side of a door frame and the wall beside it, away from the opening: seen from above."""
    low, high = post.low[2] or 0.0, post.high[2] or 0.0
    if low > 0:
        return kin.Box(post.low, (post.high[0], post.high[1], high + _WALL_BESIDE))
    return kin.Box((post.low[0], post.low[1], low - _WALL_BESIDE), post.high)


def _floor_far_edge(scene: kin.Scene) -> float:
    """Where the floor's far edge runs, seen from the side: just behind what rests on it.

    Seen a little from above, a floor that reached far behind the body
    drew its far edge above the seat and the knees, so the body seemed to
    sit inside the floor rather than on it.
    """
    resting = [
        point[2]
        for body in scene.bodies.values()
        for point in body.points.values()
        if point[1] < _ON_FLOOR
    ]
    return min(resting, default=0.0) - _FLOOR_BEHIND


#: A body whose neck is lower than this, as a fraction of body height, in
#: every pose lies on the floor.
_LYING = 0.4


def _seated(scene: kin.Scene) -> bool:
    """Whether the body sits on a chair in every pose."""
    return all(Contact(BodySite.SEAT, Prop.CHAIR) in pose.contacts for pose in scene.figure.poses)


def _lying(scene: kin.Scene) -> bool:
    return all(body["neck"][1] < _LYING for body in scene.bodies.values())


#: The width of the chair back's top rail, in drawing units.
_RAIL = 3.2


def _chair_rail(stage: _Stage) -> list[Shape]:
    """The top edge of the chair's back, on the seat's side: a rounded rail.

    The edge an upper back arches over; drawn thick, so that it reads as
    where the bend turns, not as the edge of a box.
    """
    back = kin.PROP_BOXES[Prop.CHAIR][1]
    x, top = back.high[0] or 0.0, back.high[1] or 0.0
    z0, z1 = back.low[2] or 0.0, back.high[2] or 0.0
    ends = (_flat((x, top, z0), stage.view), _flat((x, top, z1), stage.view))
    return [Line(ends, "prop", _RAIL)]


def _chair_legs(stage: _Stage) -> list[Shape]:
    seat = kin.PROP_BOXES[Prop.CHAIR][0]
    x0, x1 = (seat.low[0] or 0.0) + 0.02, (seat.high[0] or 0.0) - 0.02
    z0, z1 = (seat.low[2] or 0.0) + 0.02, (seat.high[2] or 0.0) - 0.02
    top = seat.low[1] or 0.0
    legs = sorted(((x, z) for x in (x0, x1) for z in (z0, z1)), key=lambda p: p[1])
    return [
        Line((_flat((x, 0.0, z), stage.view), _flat((x, top, z), stage.view)), "prop", 1.8)
        for x, z in legs
    ]


def _door(stage: _Stage) -> list[Shape]:
    """The closed door the band is shut in: a panel with a knob."""
    door = kin.PROP_BOXES[Prop.BAND][0]
    knob = ((door.low[0] or 0.0), 0.5, 0.17)
    return [_box_shape(door, stage), Circle(_flat(knob, stage.view), 1.6, "band", solid=True)]


def _pillow(stage: _Stage) -> list[Shape]:
    """A pillow folded in half: a solid slab, its seam along the face nearest the viewer.

    Drawn filled, as the box it is, so that it holds up the chest; its
    outline is the slab's, so no stray curve of a fold shows beside the
    body (seen from the feet, a rounded fold read as letters).
    """
    box = kin.PROP_BOXES[Prop.PILLOW][0]
    lo = tuple(v or 0.0 for v in box.low)  # a pillow's box is bounded
    hi = tuple(v or 0.0 for v in box.high)
    middle = (lo[1] + hi[1]) / 2
    # The vertical faces' bottom edges, as (one end, other end); the seam
    # runs along the one whose middle is nearest the viewer.
    faces = (
        ((lo[0], middle, lo[2]), (lo[0], middle, hi[2])),
        ((hi[0], middle, lo[2]), (hi[0], middle, hi[2])),
        ((lo[0], middle, lo[2]), (hi[0], middle, lo[2])),
        ((lo[0], middle, hi[2]), (hi[0], middle, hi[2])),
    )
    seam = max(faces, key=lambda f: _near(f[0], stage.view) + _near(f[1], stage.view))
    flat = tuple(_flat(p, stage.view) for p in seam)
    return [_box_shape(box, stage), Line(flat, "prop", 1.4)]


def _band_shapes(scene: kin.Scene, body: kin.Body, stage: _Stage, side: str) -> list[Shape]:
    """The elastic band from its anchor in the door to the hand on *side*: a wavy strip."""
    if Prop.BAND not in stage.props:
        return []
    first = scene.bodies[scene.figure.poses[0].name]
    # A little under the hands at the start, so that the pull is nearly
    # straight back and the band rises to the hands: at the end it reaches
    # the hands beside the head across the face, in front of it, not over
    # the top of the head (review round 7).
    height = sum(first.palm(s)[1] for s in ("r", "l")) / 2 - _BAND_DROP
    door = kin.PROP_BOXES[Prop.BAND][0]
    anchor: kin.Vec = (door.low[0] or 0.0, height, 0.0)
    a, b = _flat(anchor, stage.view), _flat(body.palm(side), stage.view)
    length = math.dist(a, b)
    if length < 1.0:
        return []
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    # The same waves from the anchor, so both bands run side by side: a
    # little wavy, so that they read as elastic, not as rails, but taut at
    # the start too (drawn slack, the start read as "no pull yet": review
    # round 9), and stretched nearly straight after.
    # A whole number of waves, about 12 long, so that the band ends on the
    # hand, not beside it.
    wave = length / max(1, round(length / 12.0))
    amplitude = 0.5 if body is first else 0.25
    steps = max(8, round(length / wave * 6))
    points = tuple(
        (
            a[0] + ux * d - uy * amplitude * math.sin(2 * math.pi * d / wave),
            a[1] + uy * d + ux * amplitude * math.sin(2 * math.pi * d / wave),
        )
        for d in (length * i / steps for i in range(steps + 1))
    )
    # On a paper outline: where the band passes in front of the head, it
    # shows as a band in front, not as lines running into the head.
    shapes: list[Shape] = [Line(points, "paper", _BAND + 2 * _GAP), Line(points, "band", _BAND)]
    if side == "l" or stage.view not in _SIDEWAYS:
        shapes.append(Polygon(_square(a, 1.6), "band", "band"))  # shut in the door
    return shapes


def _square(centre: Point2, half: float) -> tuple[Point2, ...]:
    x, y = centre
    return ((x - half, y - half), (x + half, y - half), (x + half, y + half), (x - half, y + half))


def _sides(view: View) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The far sides and the near sides of the body in *view*."""
    if view in _SIDEWAYS:
        return ("l",), ("r",)
    return (), ("r", "l")


def _limb(points: list[Point2], role: str, *, gap: bool, width: float = _LIMB) -> list[Shape]:
    shapes: list[Shape] = []
    if gap:
        shapes.append(Line(tuple(points), "paper", width + 2 * _GAP))
    shapes.append(Line(tuple(points), role, width))
    return shapes


def _arm(body: kin.Body, side: str, view: View, role: str, *, gap: bool) -> list[Shape]:
    """The arm on *side*: the upper arm, the forearm and a rounded hand."""
    flat = [_flat(body[f"{side}.{n}"], view) for n in ("shoulder", "elbow", "wrist")]
    palm = _flat(body.palm(side), view)
    hand = _LIMB * 0.62
    shapes = _limb([*flat, palm], role, gap=gap)
    # Every hand, the far one too, on a paper ring: a far hand on a far
    # thigh or behind the trunk still shows as a hand.
    shapes.append(Circle(palm, hand + _GAP, "paper", solid=True))
    shapes.append(Circle(palm, hand, role, solid=True))
    return shapes


def _arm_behind_head(body: kin.Body, side: str, view: View) -> list[Shape]:
    """The near arm of a side view whose hand is behind the head: part of the body's outline.

    No paper outline and no hand: the head covers the hand, and an outlined
    piece between the shoulder and the head read as a hand at the throat.
    """
    points = [_flat(body[f"{side}.{n}"], view) for n in ("shoulder", "elbow", "wrist")]
    return _limb([*points, _flat(body.palm(side), view)], "near", gap=False)


def _kneeling_flat(body: kin.Body, side: str) -> bool:
    """Whether the leg on *side* kneels with its toes pointed: shin and foot drawn as one bar."""
    sole_up = body[f"{side}.heel"][1] > body[f"{side}.ankle"][1]
    return sole_up and all(body[f"{side}.{n}"][1] < _ON_FLOOR for n in ("knee", "toe"))


def _onto(point: Point2, a: Point2, b: Point2) -> Point2:
    """The point of the segment from *a* to *b* nearest *point*."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)
    t = min(max(t, 0.0), 1.0)
    return (a[0] + t * dx, a[1] + t * dy)


_FOOT_SIDES = {BodySite.FOOT: "r", BodySite.FEET: "r", BodySite.OTHER_FOOT: "l"}


#: How much of a pointed foot in the air is drawn, from the ankle.
_POINTED_FOOT = 0.6


def _leg(body: kin.Body, side: str, view: View, role: str, *, gap: bool) -> list[Shape]:
    """The leg on *side*: the thigh, the shin and the foot.

    The outlines of the leg and the foot go under both, so no white gap
    shows at the ankle.
    """
    sole_up = body[f"{side}.heel"][1] > body[f"{side}.ankle"][1]
    if _kneeling_flat(body, side):
        # Kneeling with the toes pointed: the shin and the foot lie on the
        # floor as one bar from the knee to the toes. Drawn through the
        # ankle, which the ankle's limit lifts a little, they read as an
        # upside-down V.
        leg = [_flat(body[f"{side}.{n}"], view) for n in ("hip", "knee", "toe")]
        return _limb(leg, role, gap=gap)
    leg = [_flat(body[f"{side}.{n}"], view) for n in ("hip", "knee", "ankle")]
    # A foot whose sole faces up is drawn from the ankle straight to the
    # toes: its heel would stick up.
    parts = ("ankle", "toe") if sole_up else ("ankle", "heel", "toe")
    foot = [_flat(body[f"{side}.{n}"], view) for n in parts]
    if sole_up:
        # Pointed, in the air (a leg raised behind): a shorter foot, so it
        # reads as a foot and not as a shin bent down at the knee.
        (ax, ay), (tx, ty) = foot
        foot = [(ax, ay), (ax + (tx - ax) * _POINTED_FOOT, ay + (ty - ay) * _POINTED_FOOT)]
    shapes: list[Shape] = []
    if gap:
        outline = leg
        if _arm_hangs_by(body, side):
            # Below the trunk only: a rounded white cap at the hip, over
            # the trunk's lower end, read as a hand held in front (review
            # round 10).
            hip, knee = (body[f"{side}.{n}"] for n in ("hip", "knee"))
            # From where the outline's round end meets the trunk's lower edge.
            below = _along(hip, _unit(hip, knee), kin.BODY_RADIUS + (_LIMB / 2 + _GAP) / _SCALE)
            outline = [_flat(below, view), *leg[1:]]
        shapes.append(Line(tuple(outline), "paper", _LIMB + 2 * _GAP))
        shapes.append(Line(tuple(foot), "paper", _LIMB * 0.9 + 2 * _GAP))
    return [*shapes, Line(tuple(leg), role, _LIMB), Line(tuple(foot), role, _LIMB * 0.9)]


def _upright(body: kin.Body) -> bool:
    """Whether the trunk is about upright: standing or sitting up."""
    return body["neck"][1] - body["pelvis"][1] > 0.9 * (
        kin.SEGMENTS["lumbar"] + kin.SEGMENTS["thoracic"]
    )


def _shoulders_from_above(body: kin.Body, view: View) -> list[Shape]:
    """A standing trunk seen from above: the shoulders, as deep as the chest."""
    head, nose = body["head"], body["nose"]
    ahead = _unit((head[0], 0.0, head[2]), (nose[0], 0.0, nose[2]))
    corners = [
        _flat(_along(body[f"{side}.shoulder"], ahead, k * kin.TRUNK_RADIUS), view)
        for side in ("r", "l")
        for k in (1.0, -1.0)
    ]
    return [Polygon(_hull(corners), "near", "near", _LIMB)]


def _arm_hangs_by(body: kin.Body, side: str) -> bool:
    """Whether, standing up straight, the arm on *side* hangs down beside a straight leg."""
    upright = _upright(body)
    leg_down = body[f"{side}.hip"][1] - body[f"{side}.knee"][1] > 0.95 * kin.SEGMENTS["thigh"]
    arm_down = body[f"{side}.shoulder"][1] - body.palm(side)[1] > 0.8 * (
        kin.SEGMENTS["upper_arm"] + kin.SEGMENTS["forearm"]
    )
    return upright and leg_down and arm_down


def _torso(body: kin.Body, view: View, role: str) -> list[Shape]:
    """The trunk in two segments (lower back, upper back), the neck and the head.

    The trunk's lower end is rounded off at the hips' height, its upper end
    below the head, so that the neck shows between them.
    """
    pelvis, chest, neck = body["pelvis"], body["chest"], body["neck"]
    bottom = _along(pelvis, _unit(pelvis, chest), kin.TRUNK_RADIUS - kin.BODY_RADIUS)
    top = _along(neck, _unit(neck, chest), 0.02)
    # The spine bends smoothly through the chest, so a curl or an arch of
    # the upper back reads as a curve, not as a fold.
    spine = _curve(_flat(bottom, view), _flat(chest, view), _flat(top, view))
    shoulders = [_flat(body[f"{s}.shoulder"], view) for s in ("r", "l")]
    hips = [_flat(body[f"{s}.hip"], view) for s in ("l", "r")]
    # The trunk's sides at the chest, where it bends: the lower back and the
    # upper back are drawn apart, so a curl of the upper back does not read
    # as a lean from the hips.
    k = kin.SEGMENTS["lumbar"] / (kin.SEGMENTS["lumbar"] + kin.SEGMENTS["thoracic"])
    width = kin.SEGMENTS["hip"] + (kin.SEGMENTS["shoulder"] - kin.SEGMENTS["hip"]) * k
    ribs = [_flat(_along(chest, (0.0, 0.0, 1.0), w), view) for w in (width, -width)]
    shapes: list[Shape] = [
        Polygon(_hull([*ribs, *hips]), role, role, _LIMB),
        Polygon(_hull([*shoulders, *ribs]), role, role, _LIMB),
        Line(spine, role, _TRUNK),
        Line((_flat(neck, view), _flat(body["head"], view)), role, _LIMB),
    ]
    return shapes


def _shows_blades(body: kin.Body, view: View) -> bool:
    """Whether *view* shows *body*'s back, and so its shoulder blades."""
    back_up = body["neck"][1] - body["chest"][1] < kin.SEGMENTS["thoracic"] / 2
    return view is View.BACK or (view is View.TOP and back_up)


def _curve(a: Point2, corner: Point2, b: Point2, steps: int = 12) -> tuple[Point2, ...]:
    """A smooth line from *a* to *b*, bending near *corner* (a quadratic Bezier).

    The control point is set so that the curve passes through *corner*.
    """
    control = (2 * corner[0] - (a[0] + b[0]) / 2, 2 * corner[1] - (a[1] + b[1]) / 2)
    return _quadratic(a, control, b, steps)


def _quadratic(a: Point2, control: Point2, b: Point2, steps: int) -> tuple[Point2, ...]:
    """*steps* + 1 points of the quadratic Bezier curve from *a* to *b* pulled toward *control*."""
    return tuple(
        (
            (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * control[0] + t * t * b[0],
            (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * control[1] + t * t * b[1],
        )
        for t in (i / steps for i in range(steps + 1))
    )


#: How far below the chest the spine's groove ends, seen from behind.
_GROOVE_BELOW_CHEST = 0.09


def _blades(body: kin.Body, view: View, *, marks: bool = True) -> list[Shape]:
    """The shoulder blades, pale on the dark back: seen from behind only."""
    if not _shows_blades(body, view):
        return []
    up = _unit(body["chest"], body["neck"])
    # The spine's groove, from between the shoulders to the waist: the
    # blades sit either side of it.
    waist = _along(body["pelvis"], _unit(body["pelvis"], body["chest"]), 0.06)
    groove: tuple[kin.Vec, ...] = (_along(body["neck"], up, -0.04), body["chest"], waist)
    if view is View.BACK and marks:
        # From behind, only between the blades, apart from the buttocks'
        # cleft: from the neck to the waist it read as a tie (review round 10).
        groove = (groove[0], _along(body["chest"], up, -_GROOVE_BELOW_CHEST))
    shapes: list[Shape] = [Line(tuple(_flat(p, view) for p in groove), "paper", 0.8)]
    for side in ("r", "l"):
        # A blade as seen on the back: its inner edge upright beside the
        # spine, its top running out to the shoulder, its lower tip pointing
        # down (not a V under the neck).
        blade = body[f"{side}.blade"]
        out = _outward(body, side)
        corners = (
            _along(blade, up, _BLADE_TOP),
            _along(_along(blade, up, _BLADE_TOP + 0.008), out, _BLADE_WIDTH),
            _along(_along(blade, up, -_BLADE_TIP), out, 0.016),
            _along(blade, up, -_BLADE_TIP + 0.006),
        )
        shapes.append(Polygon(tuple(_flat(c, view) for c in corners), "paper", "paper", 1.0))
    return shapes


#: The buttocks seen from behind: each lobe's radius in drawing units, how
#: far out from the middle and down from the hip joints it is centred, and
#: how far down the cleft between them runs, as fractions of body height.
_LOBE = 5.2
_LOBE_OUT = 0.045
_LOBE_DOWN = 0.03
_CLEFT = 0.075


def _seat(body: kin.Body, view: View) -> list[Shape]:
    """Seen from behind, a body upright: the buttocks, two rounded lobes with a cleft.

    From behind, with a faceless head, the back read as a front view (the
    spine as a tie, the blades as lapels: review round 10); the buttocks
    are seen only from behind. With them go the hair on the head (see
    :func:`_hair`) and a spine's line only between the blades: the marks
    of the back, drawn in a main view (in an inset, at half size, they blur).
    """
    if view is not View.BACK or not _upright(body):
        return []
    pelvis = body["pelvis"]
    down = _unit(body["chest"], pelvis)
    shapes: list[Shape] = [
        Circle(
            _flat(_along(_along(pelvis, _outward(body, s), _LOBE_OUT), down, _LOBE_DOWN), view),
            _LOBE,
            "near",
            solid=True,
        )
        for s in ("r", "l")
    ]
    cleft = (_flat(pelvis, view), _flat(_along(pelvis, down, _CLEFT), view))
    shapes.append(Line(cleft, "paper", 0.8))
    return shapes


def _outward(body: kin.Body, side: str) -> kin.Vec:
    """Out to *side*, across the back: the way a blade is drawn from the spine.

    Along the hips, not toward the shoulder: the shoulder swings back as the
    blades pull, and a blade drawn toward it changed shape between the
    start and the end (review round 10). A blade keeps its shape and only
    slides toward the spine.
    """
    return _unit(body["pelvis"], body[f"{side}.hip"])


def _body_shapes(scene: kin.Scene, body: kin.Body, stage: _Stage) -> list[Shape]:
    """The body, far side behind the trunk and near side in front of it."""
    view = stage.view
    _, near = _sides(view)
    shapes, over_trunk = _far_limbs(scene, body, stage)
    shapes += _trunk_shapes(body, stage, near)
    marks = stage.details and _upright(body)
    shapes += _blades(body, view, marks=marks)
    shapes += _seat(body, view) if marks else []
    shapes += over_trunk
    in_front, over_head = _near_limbs(scene, body, stage)
    shapes += in_front
    if view not in _SIDEWAYS:  # both bands in front of the body
        for side in near:
            shapes += _band_shapes(scene, body, stage, side)
    # The head goes on top: hands behind it hide, and a hand beside it
    # never cuts it in two.
    return shapes + _head(body, view, marks=marks) + over_head


def _trunk_shapes(body: kin.Body, stage: _Stage, near: tuple[str, ...]) -> list[Shape]:
    """The trunk, and the near limbs (and a pillow over the legs) drawn behind it."""
    view = stage.view
    if view is View.TOP and _upright(body):
        # From above, a standing body is its shoulders under the head, and
        # its arms: the legs below it are hidden (drawn, they read as arms:
        # review round 10).
        return _shoulders_from_above(body, view)
    shapes: list[Shape] = []
    if view not in _SIDEWAYS:  # legs go behind the trunk, facing the viewer
        for side in near:
            shapes += _leg(body, side, view, "near", gap=False)
        if stage.pillow_over_legs:
            # The floor too, over the round ends of the feet's strokes.
            shapes += [_lying_floor(stage), *_pillow(stage)]
    elif hands_behind_head(body):
        # From the side, a near arm whose hand is behind the head shows
        # only as a short piece between the shoulder and the head: drawn
        # behind the trunk, it is part of the body's outline.
        for side in near:
            shapes += _arm_behind_head(body, side, view)
    return shapes + _torso(body, view, "near")


def _far_limbs(scene: kin.Scene, body: kin.Body, stage: _Stage) -> tuple[list[Shape], list[Shape]]:
    """The far limbs (and bands) behind the trunk, and those to draw over it, under the head."""
    view = stage.view
    behind: list[Shape] = []
    over_trunk: list[Shape] = []
    for side in _sides(view)[0]:
        behind += _band_shapes(scene, body, stage, side)
        behind += _leg(body, side, view, "far", gap=True)
        if _reaches_past_head(body, side, view):
            over_trunk += _arm(body, side, view, "far", gap=True)
        elif stage.arms and not _end_on(body, side, view):
            behind += _arm(body, side, view, "far", gap=False)
    return behind, over_trunk


def _reaches_past_head(body: kin.Body, side: str, view: View) -> bool:
    """Whether, seen turned from the side, the far arm on *side* is raised past the head.

    Behind the trunk and the head, such an arm showed only beyond the
    face, and seemed to grow out of the head (review round 10): it is drawn
    over the trunk, on a white outline, so it starts at its shoulder; the
    head still goes over it.
    """
    if view is not View.SIDE:
        return False
    shoulder, elbow = body[f"{side}.shoulder"], body[f"{side}.elbow"]
    head, palm = _flat(body["head"], view), _flat(body.palm(side), view)
    # Ahead: the way the upper back runs from the chest to the neck.
    ahead = math.copysign(1.0, _flat(body["neck"], view)[0] - _flat(body["chest"], view)[0])
    return elbow[1] >= shoulder[1] and (palm[0] - head[0]) * ahead > kin.HEAD_RADIUS * _SCALE


def _near_limbs(scene: kin.Scene, body: kin.Body, stage: _Stage) -> tuple[list[Shape], list[Shape]]:
    """The near limbs in front of the trunk, nearest last, and those to draw over the head."""
    view = stage.view
    far, near = _sides(view)
    pieces: list[tuple[float, int, list[Shape]]] = []
    over_head: list[Shape] = []
    for side in near:
        if view in _SIDEWAYS:
            leg_depth = _near(body[f"{side}.knee"], view)
            pieces.append((leg_depth, len(pieces), _leg(body, side, view, "near", gap=True)))
        arm_depth = sum(_near(body[f"{side}.{n}"], view) for n in ("elbow", "wrist")) / 2
        band = _band_shapes(scene, body, stage, side) if far else []
        hidden = (
            not stage.arms
            or _end_on(body, side, view)
            or (view in _SIDEWAYS and hands_behind_head(body))
        )
        arm = band + ([] if hidden else _arm(body, side, view, "near", gap=True))
        if _beside_head(body, side, view) and not hands_behind_head(body):
            # From the side, an arm beside the head and nearer than it is
            # drawn over it, with its band: it does not seem to grow out of
            # it, its elbow shows, and a hand holding a band beside the head
            # does not read as behind it (review round 7). Not when the
            # hands are behind the head: drawn over it, the arm merged with
            # the head into a "7".
            over_head += arm
            continue
        pieces.append((arm_depth, len(pieces), arm))
        # The near band is nearer than the head: where it crosses the head
        # it is drawn again over it, with no white outline, which cut the
        # top of the head off (review round 4); under it, it seemed to pass
        # through the head (review round 6).
        over_head += [
            line
            for line in band
            if isinstance(line, Line) and line.role == "band" and _crosses_head(body, line, view)
        ]
    shapes: list[Shape] = []
    for _, _, group in sorted(pieces, key=lambda p: (p[0], p[1])):
        shapes += group
    return shapes, over_head


#: An arm whose length on paper is less than this share of its length is
#: seen end on; and one whose hand is within this much of the shoulder's
#: height, as a fraction of body height, is level.
_END_ON = 0.4
_LEVEL = 0.06


def _end_on(body: kin.Body, side: str, view: View) -> bool:
    """Whether the arm on *side* is held level toward the viewer of a profile, seen end on.

    Exactly from the side, an arm held level out to the side is a short
    stub at the shoulder that reads as pointing up: it is left out. An arm
    out to the side that reaches down to the floor, or up toward the
    ceiling, is drawn: its short stroke shows which way it goes, the same
    for the near and the far arm.
    """
    if view is not View.PROFILE:
        return False
    shoulder, palm = body[f"{side}.shoulder"], body.palm(side)
    short = math.dist(_flat(shoulder, view), _flat(palm, view)) < (
        _END_ON * math.dist(shoulder, palm) * _SCALE
    )
    return short and abs(palm[1] - shoulder[1]) < _LEVEL


def _crosses_head(body: kin.Body, line: Shape, view: View) -> bool:
    """Whether *line* passes over the head on paper."""
    head = _flat(body["head"], view)
    reach = kin.HEAD_RADIUS * _SCALE + _GAP
    points = line.points if isinstance(line, Line) else ()
    return any(math.dist(p, head) < reach for p in points)


def _beside_head(body: kin.Body, side: str, view: View) -> bool:
    """Whether the arm on *side* is out to the side, nearer than the head, and crosses it."""
    head = _flat(body["head"], view)
    reach = kin.HEAD_RADIUS * _SCALE + _LIMB
    crosses = any(
        math.dist(_flat(body[f"{side}.{n}"], view), head) < reach for n in ("elbow", "wrist")
    )
    nearer = _near(body[f"{side}.elbow"], view) > _near(body["head"], view) + kin.HEAD_RADIUS
    return crosses and nearer


def _head(body: kin.Body, view: View, *, marks: bool = True) -> list[Shape]:
    """The head, with a nose, and eyes when the face looks at the viewer."""
    head = _flat(body["head"], view)
    nose = _flat(body["nose"], view)
    shapes: list[Shape] = [
        Circle(head, kin.HEAD_RADIUS * _SCALE + _GAP, "paper", solid=True),
        Circle(nose, kin.NOSE_RADIUS * _SCALE + _GAP, "paper", solid=True),
        Circle(head, kin.HEAD_RADIUS * _SCALE, "near", solid=True),
        Circle(nose, kin.NOSE_RADIUS * _SCALE, "near", solid=True),
    ]
    facing = _near(body["nose"], view) > _near(body["head"], view) + kin.HEAD_RADIUS / 2
    away = _near(body["nose"], view) < _near(body["head"], view) - kin.HEAD_RADIUS / 2
    if away:  # the back of the head: ears stand out at its sides, and no face
        ears = [(head[0] + dx, head[1] - 0.6) for dx in (-_EAR_OUT, _EAR_OUT)]
        shapes[2:2] = [Circle(ear, _EAR + _GAP, "paper", solid=True) for ear in ears]
        shapes[4:4] = [Circle(ear, _EAR, "near", solid=True) for ear in ears]
        if view is View.BACK and marks:  # not from above: a face down shows no hair
            shapes += _hair(head)
    if facing and math.dist(head, nose) < kin.HEAD_RADIUS * _SCALE / 2:
        shapes += [
            Circle((head[0] + dx, head[1] + 1.0), 1.0, "paper", solid=True) for dx in (-2.2, 2.2)
        ]
    return shapes


def _hair(head: Point2) -> list[Shape]:
    """Hair on the back of the head: thin strands from the crown down toward the nape.

    Lines that fall from the top, not one across the lower head, which read
    as a smile (review round 9); a head with no face and nothing on it read
    as a front view (review round 10).
    """
    r = kin.HEAD_RADIUS * _SCALE
    crown = (head[0], head[1] + r * 0.8)
    shapes: list[Shape] = []
    for k in (-0.62, -0.2, 0.2, 0.62):
        end = (head[0] + k * r * 1.05, head[1] - r * 0.62 + abs(k) * r * 0.3)
        control = (head[0] + k * r * 1.25, head[1] + r * 0.45)
        shapes.append(Line(_quadratic(crown, control, end, 8), "paper", 0.6))
    return shapes


def _site_centre(body: kin.Body, site: BodySite) -> kin.Vec:
    points = kin.site_points(body, site)
    n = len(points)
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )


#: The least a moving part must move on paper, as a fraction of body height,
#: for a view to show it with an arrow: smaller motions are not drawn.
MIN_MOTION = 0.03


def _arrow_paths(
    scene: kin.Scene, pose: Pose, view: View, skip: frozenset[Arrow] = frozenset()
) -> list[tuple[Arrow, Point2, Point2, Point2, float]]:
    """(arrow, start, end, centre to bow away from, lift) for each arrow seen in *view*."""
    paths = []
    for arrow in scene.arrows_from(pose.name):
        if arrow in skip:
            continue
        starts = kin.site_points(scene.bodies[arrow.start], arrow.part)
        ends = kin.site_points(scene.bodies[arrow.end], arrow.part)
        if view in _SIDEWAYS:  # both sides look alike: show the near one
            starts, ends = starts[:1], ends[:1]
        body = scene.bodies[arrow.start]
        # Arrows bow away from the middle of the body.
        flat = [_flat(p, view) for p in body.points.values()]
        centre = (sum(p[0] for p in flat) / len(flat), sum(p[1] for p in flat) / len(flat))
        lift = kin.HEAD_RADIUS * _SCALE + 3.5 if arrow.part is BodySite.HEAD else 5.0
        for index, (a, b) in enumerate(zip(starts, ends, strict=True)):
            fa, fb = _flat(a, view), _flat(b, view)
            if math.dist(fa, fb) < MIN_MOTION * _SCALE:
                continue
            side = _FOOT_SIDES.get(arrow.part)
            if side is not None and view in _SIDEWAYS and _kneeling_flat(body, side):
                # The heel is not drawn: start on the bar of shin and foot.
                bar = (_flat(body[f"{side}.knee"], view), _flat(body[f"{side}.toe"], view))
                fa = _onto(fa, *bar)
            fa, fb, on_part = _on_the_part(arrow.part, body, view, index, (fa, fb))
            paths.append((arrow, fa, fb, centre, 0.0 if on_part else lift))
    return paths


def _on_the_part(
    part: BodySite, body: kin.Body, view: View, index: int, path: tuple[Point2, Point2]
) -> tuple[Point2, Point2, bool]:
    """An arrow's path on paper, moved to where it is drawn; and whether it sits on the part.

    A blade's arrow lies on the blade, from its outer edge to where its
    inner edge arrives; a limb's starts at the edge of the hand (or foot,
    elbow, knee); a trunk's, seen from the side, runs beside the trunk.
    *index* is which of the part's points the path is of.
    """
    start, end = path
    if part is BodySite.SHOULDER_BLADES and _shows_blades(body, view):
        side = ("r", "l")[index]  # the blades' points: the right, then the left
        out = _outward(body, side)
        up = _unit(body["chest"], body["neck"])
        spine = _flat(body["neck"], view)[0]
        inward = abs(end[0] - spine) < abs(start[0] - spine)
        head = _flat(body["head"], view)
        clear = kin.HEAD_RADIUS * _SCALE + (_ARROW + _BLADE_OUTLINE) / 2
        # Across the blade, a little under its middle, so that the blade
        # shows above and below it (over the blades' tops the arrows sat at
        # the top of the shoulders and read as a shrug: review round 9); a
        # little lower when the head lies there on paper, so the arrow does
        # not hide the head.
        for lift in (-_BLADE_TIP / 4, -_BLADE_TIP / 2):
            high = _along(body[f"{side}.blade"], up, lift)
            rise = _flat(high, view)[1] - _flat(body[f"{side}.blade"], view)[1]
            # From the outer edge when it moves in, from the inner edge when it moves out.
            first = _flat(_along(high, out, _BLADE_WIDTH if inward else 0.0), view)
            last = (end[0], end[1] + rise)
            if min(math.dist(p, head) for p in (first, last)) > clear:
                break
        return first, last, True
    if view in _SIDEWAYS and part in _TRUNK_PARTS:
        return (*_off_the_trunk(body, view, start, end), True)
    if part in _LIMB_PARTS:
        k = _LIMB * 0.62 / math.dist(start, end)
        edge = (start[0] + (end[0] - start[0]) * k, start[1] + (end[1] - start[1]) * k)
        return edge, end, True
    return start, end, False


#: Parts at the end of a limb: their arrow starts on the limb, at the edge
#: of the hand, foot, elbow or knee, and is not lifted off it.
_LIMB_PARTS = frozenset(
    {
        BodySite.HANDS,
        BodySite.HAND,
        BodySite.OTHER_HAND,
        BodySite.ELBOWS,
        BodySite.KNEES,
        BodySite.KNEE,
        BodySite.OTHER_KNEE,
        BodySite.FEET,
        BodySite.FOOT,
        BodySite.OTHER_FOOT,
    }
)

#: Parts inside the trunk's outline: seen from the side, their arrow is
#: drawn beside the trunk, on the side the part moves to.
_TRUNK_PARTS = frozenset({BodySite.SHOULDERS, BodySite.CHEST, BodySite.BACK})


def _off_the_trunk(body: kin.Body, view: View, start: Point2, end: Point2) -> tuple[Point2, Point2]:
    """*start* and *end* moved out of the trunk, toward where the motion goes."""
    chest, neck = _flat(body["chest"], view), _flat(body["neck"], view)
    length = math.dist(chest, neck) or 1.0
    nx, ny = -(neck[1] - chest[1]) / length, (neck[0] - chest[0]) / length
    if (end[0] - start[0]) * nx + (end[1] - start[1]) * ny < 0:
        nx, ny = -nx, -ny
    away = kin.TRUNK_RADIUS * _SCALE + 3.0
    return (start[0] + nx * away, start[1] + ny * away), (end[0] + nx * away, end[1] + ny * away)


def _arrow_shapes(
    scene: kin.Scene, pose: Pose, view: View, skip: frozenset[Arrow] = frozenset()
) -> list[Shape]:
    """An arrow, shaft and head, for each motion that starts at *pose*, but those in *skip*."""
    shapes: list[Shape] = []
    for arrow, first, last, middle, lift in _arrow_paths(scene, pose, view, skip):
        a, b, centre = first, last, middle
        if arrow.part is BodySite.SHOULDER_BLADES and _shows_blades(
            scene.bodies[arrow.start], view
        ):
            # Short, on the blade: a smaller head, so the shaft still shows.
            shapes += _arrow(
                a,
                b,
                centre,
                lift,
                straight=True,
                size=_BLADE_HEAD,
                outline=_BLADE_OUTLINE,
                edge="near",
            )
            continue
        straight = arrow.part is BodySite.SHOULDER_BLADES or (
            view in _SIDEWAYS and arrow.part in _TRUNK_PARTS
        )
        beside = _beside_the_arm(scene.bodies[arrow.start], arrow.part, view, a, b)
        if beside is not None:
            (a, b), straight = beside, True
        elif _rises_end_on(arrow.part, view, a, b):
            # Seen end on, a hand that rises off the floor: straight up, so it
            # reads as "toward the ceiling", not as a sweep along the floor.
            b, straight = (a[0], b[1]), True
        if view in _SIDEWAYS and _curls_forward(scene, arrow):
            shapes += _curl_arrow(scene, arrow, view)
            continue
        if straight and view in _SIDEWAYS and _bends_back(scene, arrow):
            # The upper back arching: an arc along the back, round the
            # bend, not a straight push that read as "pull the elbows back".
            straight = False
            posed = scene.bodies[arrow.start]
            chest, neck = _flat(posed["chest"], view), _flat(posed["neck"], view)
            centre = chest
            a, b = _along_the_back(scene, arrow, view)
            # From the middle of the upper back, not from the base of the
            # neck, where it read as "tip the head back" (review round 7).
            a = (a[0] + (chest[0] - neck[0]) / 2, a[1] + (chest[1] - neck[1]) / 2)
        neck = _flat(scene.bodies[arrow.start]["neck"], view)
        shapes += _arrow(a, b, centre, lift, straight=straight, avoid=neck)
    return shapes


def _rises_end_on(part: BodySite, view: View, start: Point2, end: Point2) -> bool:
    """Whether, seen from the head or the feet, the end of a limb moves mostly up or down."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    return view in _HEAD_OR_FEET and part in _LIMB_PARTS and abs(dx) < _STEEP * abs(dy)


#: Views from the head or the feet (from in front of or behind the body).
_HEAD_OR_FEET = frozenset({View.FRONT, View.BACK})

#: How far a path may lean, across per unit up, and still count as "up".
_STEEP = 0.5


def _curl_arrow(scene: kin.Scene, arrow: Arrow, view: View) -> list[Shape]:
    """The arrow of an upper back curling forward: over the head and down in front.

    From the head, the arrow read as dropping the head toward the feet
    (review round 5); bent tightly round the head, as nodding it (round 7);
    rising from behind the upper back, as a swing (round 9). It is part of
    an oval centred on the upper back, below the neck: from over the back of
    the head, forward over it, clear of it, and down in front of the face.
    """
    points = list(_curl_path(scene, arrow, view))
    # End where the head begins: the head goes on along the last stretch,
    # from the last point a head's length back along the path.
    tip = points[-1]
    while len(points) > 2 and math.dist(points[-2], tip) < _HEAD * 0.7:
        points.pop()
    (x0, y0), (x1, y1) = points[-2], tip
    k = _HEAD * 0.7 / (math.hypot(x1 - x0, y1 - y0) or 1.0)
    shaft = (*points[:-1], (x1 - (x1 - x0) * k, y1 - (y1 - y0) * k))
    return _arrow_on(shaft, _HEAD, 2 * _GAP)


#: Where the curl's oval starts, over the back of the head, and ends, in
#: front of the face, in degrees round its centre (0 is straight ahead, 90 up).
_CURL_FROM = 125.0
_CURL_TO = -5.0


def _curl_path(scene: kin.Scene, arrow: Arrow, view: View) -> tuple[Point2, ...]:
    """The whole curl arrow's path, on an oval centred on the upper back of the start pose."""
    first = scene.bodies[arrow.start]
    head, chest, neck, nose = (_flat(first[n], view) for n in ("head", "chest", "neck", "nose"))
    facing = 1.0 if nose[0] >= head[0] else -1.0
    centre = ((chest[0] + neck[0]) / 2, (chest[1] + neck[1]) / 2)
    reach = kin.HEAD_RADIUS * _SCALE + _GAP + (_ARROW + 2 * _GAP) / 2
    tall = head[1] + reach + _GAP - centre[1]
    wide = kin.TRUNK_RADIUS * _SCALE + 4.0

    def oval(wide: float) -> list[Point2]:
        steps = 24
        return [
            (
                centre[0] + facing * wide * math.cos(math.radians(t)),
                centre[1] + tall * math.sin(math.radians(t)),
            )
            for t in (_CURL_FROM + (_CURL_TO - _CURL_FROM) * i / steps for i in range(steps + 1))
        ]

    points = oval(wide)
    while min(math.dist(p, head) for p in points) < reach and wide < 40:
        wide += 0.5
        points = oval(wide)
    return tuple(points)


def _along_the_back(scene: kin.Scene, arrow: Arrow, view: View) -> tuple[Point2, Point2]:
    """From just behind the upper back in the start to just behind the head in the end."""
    ends: list[Point2] = []
    for name, part, reach in (
        (arrow.start, "neck", kin.TRUNK_RADIUS),
        (arrow.end, "head", kin.HEAD_RADIUS),
    ):
        body = scene.bodies[name]
        chest, neck = _flat(body["chest"], view), _flat(body["neck"], view)
        nose, head = _flat(body["nose"], view), _flat(body["head"], view)
        length = math.dist(chest, neck) or 1.0
        nx, ny = -(neck[1] - chest[1]) / length, (neck[0] - chest[0]) / length
        if nx * (nose[0] - head[0]) + ny * (nose[1] - head[1]) > 0:
            nx, ny = -nx, -ny  # behind: away from the face
        point = _flat(body[part], view)
        away = reach * _SCALE + 3.0
        ends.append((point[0] + nx * away, point[1] + ny * away))
    return ends[0], ends[1]


#: How far, in degrees, the upper back must arch back for an arrow on the
#: trunk to curve along it: a slight arch (a body leaning through a door
#: frame) keeps its straight push.
_ARCH = 10


def _bends_back(scene: kin.Scene, arrow: Arrow) -> bool:
    """Whether *arrow* is on the trunk and the upper back arches well back along it."""
    if arrow.part not in _TRUNK_PARTS:
        return False
    figure = scene.figure
    arch = figure.pose(arrow.start).joints.spine - figure.pose(arrow.end).joints.spine
    return arch >= _ARCH


def _curls_forward(scene: kin.Scene, arrow: Arrow) -> bool:
    """Whether *arrow* is on the head or the trunk and the upper back curls well forward."""
    if arrow.part not in _TRUNK_PARTS | {BodySite.HEAD}:
        return False
    figure = scene.figure
    curl = figure.pose(arrow.end).joints.spine - figure.pose(arrow.start).joints.spine
    return curl >= _ARCH


def _beside_the_arm(
    body: kin.Body, part: BodySite, view: View, start: Point2, end: Point2
) -> tuple[Point2, Point2] | None:
    """The hands' path set beside the arm, when it would run along the arm: else None.

    Exactly from the side, hands held out to the side that rise from the
    floor toward the ceiling pass the shoulder: their arrow, drawn on the
    path, hid the whole arm. It runs straight beside the arm instead, on
    the side away from the head.
    """
    if part is BodySite.ELBOWS and view in _SIDEWAYS:
        return _below_the_upper_arm(body, view, start, end)
    if view is not View.PROFILE or part is not BodySite.HANDS:
        return None
    shoulder = _flat(body["r.shoulder"], view)
    if not min(start[1], end[1]) < shoulder[1] < max(start[1], end[1]):
        return None
    head = _flat(body["head"], view)
    away = math.copysign(_LIMB / 2 + _GAP + _ARROW, shoulder[0] - head[0])
    x = shoulder[0] + away
    return (x, start[1]), (x, end[1])


def _below_the_upper_arm(
    body: kin.Body, view: View, start: Point2, end: Point2
) -> tuple[Point2, Point2] | None:
    """The elbows' path set just below the near upper arm, when it would run along it: else None.

    From the side, elbows at shoulder level that pull straight back move
    along the upper arm: their arrow hid it. It runs straight just under
    the arm instead, clear of its stroke and of the neck.
    """
    shoulder, elbow = (_flat(body[f"r.{n}"], view) for n in ("shoulder", "elbow"))
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    if _to_segment(middle, shoulder, elbow) > _LIMB:
        return None
    drop = _LIMB / 2 + _GAP + _ARROW / 2 + _GAP
    low = min(shoulder[1], elbow[1]) - drop
    # It stops at the front of the chest: drawn across the chest it read
    # as leaning back (review round 7).
    chest, head, nose = (_flat(body[n], view) for n in ("chest", "head", "nose"))
    ahead = math.copysign(1.0, nose[0] - head[0])
    front = chest[0] + ahead * (kin.TRUNK_RADIUS * _SCALE + _GAP)
    stop = max(end[0], front) if ahead > 0 else min(end[0], front)
    return (start[0], low), (stop, low)


def _to_segment(point: Point2, a: Point2, b: Point2) -> float:
    """How far *point* is from the segment from *a* to *b*."""
    return math.dist(point, _onto(point, a, b))


#: The shortest arrow drawn, in drawing units: a small motion, such as the
#: shoulder blades pulling back, still gets a shaft that can be seen.
_MIN_ARROW = 15.0


#: The head of an arrow, and of the short arrow on a shoulder blade.
_HEAD = 5.5
_BLADE_HEAD = 3.6
#: A blade's arrow is outlined in the back's own ink, not in white: a white
#: outline on the white blade merged with it, so that the blade's shape
#: changed where the arrow crossed it (review round 10).
_BLADE_OUTLINE = 2 * _GAP


def _arrow(  # noqa: PLR0913 - the path, then how it is drawn
    start: Point2,
    end: Point2,
    centre: Point2,
    lift: float,
    *,
    straight: bool = False,
    size: float = _HEAD,
    avoid: Point2 | None = None,
    outline: float = 2 * _GAP,
    edge: str = "paper",
) -> list[Shape]:
    """An arrow from *start* to *end*, bowing away from *centre*, on an outline of *edge*.

    An arrow with the usual head is at least :data:`_MIN_ARROW` long; one
    with a smaller head is drawn as long as its motion. An arrow that would
    pass over *avoid* (the neck) bows the other way if that keeps it clearer:
    its white outline across the neck cut the head off the body.
    """
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1e-9:  # nowhere to point
        return []
    ux, uy = dx / length, dy / length
    if length < _MIN_ARROW and size >= _HEAD:  # keep the end where the part arrives
        start = (end[0] - ux * _MIN_ARROW, end[1] - uy * _MIN_ARROW)
        length = _MIN_ARROW
    nx, ny = -uy, ux
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    if (middle[0] - centre[0]) * nx + (middle[1] - centre[1]) * ny < 0:
        nx, ny = -nx, -ny  # bow away from the body
    if avoid is not None and not straight:
        clear = [
            min(math.dist(p, avoid) for p in _bow(start, end, (x, y), lift, size, bow=0.2 * length))
            for x, y in ((nx, ny), (-nx, -ny))
        ]
        if clear[0] < _NECK_CLEARANCE and clear[1] > clear[0] + _GAP:
            nx, ny = -nx, -ny
    curve = _bow(start, end, (nx, ny), lift, size, bow=0.0 if straight else 0.2 * length)
    return _arrow_on(curve, size, outline, edge)


def _arrow_on(
    curve: tuple[Point2, ...], size: float, outline: float, edge: str = "paper"
) -> list[Shape]:
    """An arrow along *curve*, its head of *size* at the end, on an outline of *edge*."""
    b = curve[-1]
    # The head points along the curve's last stretch.
    hx, hy = b[0] - curve[-2][0], b[1] - curve[-2][1]
    norm = math.hypot(hx, hy) or 1.0
    hx, hy = hx / norm, hy / norm
    tip = (b[0] + hx * size, b[1] + hy * size)
    left = (b[0] - hy * size * 0.62, b[1] + hx * size * 0.62)
    right = (b[0] + hy * size * 0.62, b[1] - hx * size * 0.62)
    head = (tip, left, right)
    shapes: list[Shape] = [Line(curve, edge, _ARROW + outline), Polygon(head, edge, edge, outline)]
    if edge != "paper":
        # A thin white rim inside a dark outline: red on the dark back is
        # dim in grayscale (review round 10), and the dark outline keeps it
        # from running into a white blade.
        shapes += [Line(curve, "paper", _ARROW + _RIM), Polygon(head, "paper", "paper", _RIM)]
    return [
        *shapes,
        Line(curve, "accent", _ARROW),
        Polygon(head, "accent", "accent", 0.6),
    ]


#: The white rim of an arrow on a dark outline, in drawing units.
_RIM = 1.0


#: How far an arrow keeps from the neck, in drawing units, where it can.
_NECK_CLEARANCE = kin.TRUNK_RADIUS * _SCALE + _GAP


def _bow(  # noqa: PLR0913 - the path, then its shape
    start: Point2,
    end: Point2,
    normal: Point2,
    lift: float,
    size: float,
    *,
    bow: float,
) -> tuple[Point2, ...]:
    """An arrow's shaft from *start* to *end*, lifted and bowing *bow* toward *normal*.

    It ends where the head of *size* begins.
    """
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    nx, ny = normal
    a = (start[0] + nx * lift, start[1] + ny * lift)
    b = (end[0] + nx * lift - ux * size * 0.7, end[1] + ny * lift - uy * size * 0.7)
    control = ((a[0] + b[0]) / 2 + nx * bow, (a[1] + b[1]) / 2 + ny * bow)
    return _quadratic(a, control, b, 8)


def _view_shapes(
    scene: kin.Scene, pose: Pose, stage: _Stage, skip: frozenset[Arrow] = frozenset()
) -> list[Shape]:
    body = scene.bodies[pose.name]
    return [
        *_prop_shapes(stage),
        *_body_shapes(scene, body, stage),
        *_arrow_shapes(scene, pose, stage.view, skip),
    ]


@attrs.frozen
class _Layout:
    """Where the main view and the inset go in one picture."""

    main: _Stage
    inset: _Stage | None
    box: Bounds
    #: The inset's frame, in the picture's units.
    frame: Bounds = (0.0, 0.0, 0.0, 0.0)


def _layout(scene: kin.Scene) -> _Layout:
    """Lay out the main view, and the inset beside it on its emptier side."""
    figure = scene.figure
    main = _stage(scene, figure.view)
    if figure.inset is None:
        return _Layout(main, None, main.bounds)
    inset = _stage(scene, figure.inset, inset=True)
    if figure.inset is View.PROFILE and figure.view not in _SIDEWAYS and _lying(scene):
        # Lying face down, arms out to the sides are a stub from the side;
        # standing, arms by the sides show how far back the shoulders go.
        inset = attrs.evolve(inset, arms=False)
    x0, y0, x1, y1 = main.bounds
    i0, j0, i1, j1 = inset.bounds
    # A long, low inset (a body lying down, from the side) is drawn larger,
    # so that it is not a thin line.
    k = _INSET_SCALE if (i1 - i0) < 2.5 * (j1 - j0) else _LOW_INSET_SCALE
    w, h = (i1 - i0) * k, (j1 - j0) * k
    pad = 0.5
    if (x1 - x0) < (y1 - y0) * 1.1:  # tall: the inset goes at the top, on the right
        # Tucked into the corner as far as the body leaves room, so that a
        # picture with space in front of the face does not grow wider and
        # draw its person smaller.
        bottom = y1 - h - 2 * pad
        left = max(x1 - w - 2 * pad, _right_reach(scene, main, bottom) + _INSET_CLEARANCE)
        frame = (left, bottom, left + w + 2 * pad, y1)
        box = (x0, y0, max(x1, frame[2] + pad), y1)
    else:  # wide: the inset goes above, at the left
        frame = (x0, y1, x0 + w + 2 * pad, y1 + h + 2 * pad)
        box = (x0, y0, x1, frame[3] + pad)
    return _Layout(main, inset, box, frame)


#: How far an inset's frame keeps from the body, in drawing units.
_INSET_CLEARANCE = 3.0


def _right_reach(scene: kin.Scene, stage: _Stage, above: float) -> float:
    """How far right the drawn body reaches, in any pose, above the height *above*.

    Each bone is sampled along its length, with the width it is drawn at.
    """
    reach = -math.inf
    for body in scene.bodies.values():
        for a, b, _ in kin.BONES:
            radius = kin.point_radius(a) * _SCALE
            for t in (i / 8 for i in range(9)):
                x, y = _flat(kin.mix(body[a], 1 - t, body[b], t), stage.view)
                if y + radius > above:
                    reach = max(reach, x + radius)
        for name in ("head", "nose"):
            x, y = _flat(body[name], stage.view)
            radius = kin.point_radius(name) * _SCALE
            if y + radius > above:
                reach = max(reach, x + radius)
    return reach


def _picture_shapes(scene: kin.Scene, pose: Pose, layout: _Layout) -> list[Shape]:
    shapes = _view_shapes(scene, pose, layout.main)
    if layout.inset is not None:
        # The inset shows only the motions the main view cannot.
        shown = frozenset(path[0] for path in _arrow_paths(scene, pose, layout.main.view))
        f0, g0, f1, g1 = layout.frame
        shapes.append(Polygon(((f0, g0), (f1, g0), (f1, g1), (f0, g1)), "prop", "paper", 1.0))
        i0, j0, i1, j1 = layout.inset.bounds
        pad = 0.5
        shapes.append(
            Inset(
                (f0 + pad, g0 + pad, f1 - f0 - 2 * pad, g1 - g0 - 2 * pad),
                (i0, j0, i1 - i0, j1 - j0),
                tuple(
                    s
                    for s in _view_shapes(scene, pose, layout.inset, shown)
                    if not isinstance(s, Inset)
                ),
            )
        )
    return shapes


def _draw(  # noqa: PLR0913 - the exercise, what is worked out once, the pose, the language
    exercise: Exercise,
    figure: Figure,
    scene: kin.Scene,
    layout: _Layout,
    index: int,
    *,
    locale: str | None,
) -> Illustration:
    t = translations(locale)
    pose = figure.poses[index]
    label = _pose_label(len(figure.poses), index, locale)
    title = t.gettext("%(name)s: %(pose)s") % {"name": exercise.name, "pose": label}
    alt = describe(figure, pose, scene, locale=locale)
    x0, y0, x1, y1 = layout.box
    svg = document(
        _picture_shapes(scene, pose, layout),
        box=(x0, y0, x1 - x0, y1 - y0),
        title=title,
        desc=alt,
        ident=f"figure-{exercise.id}-{pose.name}",
        lang=check_locale(locale),
    )
    return Illustration(
        exercise=exercise.id, pose=pose.name, label=label, title=title, alt=alt, svg=svg
    )


def _pose_label(count: int, index: int, locale: str | None) -> str:
    """The label of the pose at *index* of *count*: by its place, never by its name."""
    t = translations(locale)
    if index == 0:
        return t.gettext("start position")
    if index == count - 1:
        return t.gettext("end position")
    # A pose between the start and the end is named by its place: its name is
    # a slug of the data, in no particular language.
    return t.gettext("position %(number)s") % {"number": index + 1}


# -- words -----------------------------------------------------------------------
#
# Every sentence is a whole phrase to translate: the words for one arm and for
# both arms are written out, not made from each other, as languages agree
# their verbs and nouns differently.


def describe(
    figure: Figure, pose: Pose, scene: kin.Scene | None = None, *, locale: str | None = None
) -> str:
    """Say what *pose* of *figure* shows, in plain words, from its data."""
    t = translations(locale)
    scene = scene or kin.scene(figure)
    joints = pose.joints
    sentences = [_posture(pose, locale)]
    sentences += _trunk(pose, locale)
    sentences += _arms(pose, scene.bodies[pose.name], locale)
    sentences += _legs(joints, locale)
    if joints.shoulders >= 10:
        sentences.append(t.gettext("The shoulder blades pull back and together."))
    if Prop.BAND in figure.props:
        sentences.append(t.gettext("An elastic band runs from the hands to a door in front."))
    sentences += _motions(scene, pose, locale)
    if figure.inset is not None:
        sentences.append(_INSET_SENTENCES[figure.inset](t))
    return " ".join(sentences)


#: What the inset shows, by its view.
_INSET_SENTENCES = {
    View.SIDE: lambda t: t.gettext("A small picture shows the same pose from the side."),
    View.PROFILE: lambda t: t.gettext("A small picture shows the same pose from the side."),
    View.FRONT: lambda t: t.gettext("A small picture shows the same pose from the front."),
    View.BACK: lambda t: t.gettext("A small picture shows the same pose from behind."),
    View.TOP: lambda t: t.gettext("A small picture shows the same pose from above."),
}


def _has(pose: Pose, site: BodySite, prop: Prop) -> bool:
    return any(c.site is site and c.prop is prop for c in pose.contacts)


def _touches(pose: Pose, prop: Prop) -> bool:
    return any(c.prop is prop for c in pose.contacts)


def _posture(pose: Pose, locale: str | None) -> str:
    t = translations(locale)
    joints = pose.joints
    on_floor = {c.site for c in pose.contacts if c.prop is Prop.FLOOR}
    if _has(pose, BodySite.SEAT, Prop.CHAIR):
        text = t.gettext("Sitting on a chair")
    elif BodySite.SEAT in on_floor:
        text = t.gettext("Sitting on the floor, legs straight out in front")
    elif _has(pose, BodySite.CHEST, Prop.PILLOW):
        text = t.gettext("Lying face down, a folded pillow under the chest")
    elif joints.trunk >= 45 and on_floor & {BodySite.KNEES, BodySite.KNEE, BodySite.OTHER_KNEE}:
        both = BodySite.HANDS in on_floor and BodySite.KNEES in on_floor
        text = t.gettext("On hands and knees") if both else t.gettext("On one hand and one knee")
    elif joints.trunk >= 5:
        text = t.gettext("Standing, leaning forward")
    else:
        text = t.gettext("Standing")
    if _has(pose, BodySite.BACK, Prop.WALL):
        text = t.gettext("%(posture)s, with the back flat on a wall") % {"posture": text}
    if _touches(pose, Prop.DOORWAY):
        text = t.gettext("%(posture)s, hands on the sides of a door frame") % {"posture": text}
    if _touches(pose, Prop.WALL_CORNER):
        text = t.gettext("%(posture)s, hands on the two walls of a corner") % {"posture": text}
    return t.gettext("%(posture)s.") % {"posture": text}


#: Lying face down with the chest on a pillow, the upper back bends forward
#: over it by less than this, in degrees, to lie level: that is the pillow's
#: shape, not a curl, and is not named (review round 10).
_OVER_PILLOW = 20


def _trunk(pose: Pose, locale: str | None) -> list[str]:
    t = translations(locale)
    joints = pose.joints
    sentences = []
    over_pillow = _has(pose, BodySite.CHEST, Prop.PILLOW) and joints.spine < _OVER_PILLOW
    if joints.spine <= -5:
        sentences.append(t.gettext("The upper back arches backward."))
    elif joints.spine >= 5 and not over_pillow:
        sentences.append(t.gettext("The upper back rounds forward."))
    if joints.neck <= -10:
        sentences.append(t.gettext("The head tips back to look up."))
    elif joints.neck >= 10:
        sentences.append(t.gettext("The chin tucks down toward the chest."))
    return sentences


#: Words for an angle: the first row whose bound the angle is below; the
#: words for one arm, then for both arms.
_ELEVATION_WORDS = (
    (20, NC_("one arm", "hangs down by the side"), NC_("both arms", "hang down by the sides")),
    (70, NC_("one arm", "reaches down and forward"), NC_("both arms", "reach down and forward")),
    (111, NC_("one arm", "is at shoulder height"), NC_("both arms", "are at shoulder height")),
    (
        161,
        NC_("one arm", "is raised above the shoulder"),
        NC_("both arms", "are raised above the shoulder"),
    ),
    (181, NC_("one arm", "reaches up past the head"), NC_("both arms", "reach up past the head")),
)
_PLANE_WORDS = (
    (30, NC_("one arm", ", in front"), NC_("both arms", ", in front")),
    (101, NC_("one arm", ", out to the side"), NC_("both arms", ", out to the sides")),
    (
        181,
        NC_("one arm", ", drawn back behind the body"),
        NC_("both arms", ", drawn back behind the body"),
    ),
)
_ELBOW_WORDS = (
    (15, NC_("one arm", "the elbow straight"), NC_("both arms", "the elbows straight")),
    (70, NC_("one arm", "the elbow a little bent"), NC_("both arms", "the elbows a little bent")),
    (
        111,
        NC_("one arm", "the elbow bent at a right angle"),
        NC_("both arms", "the elbows bent at a right angle"),
    ),
    (181, NC_("one arm", "the elbow bent sharply"), NC_("both arms", "the elbows bent sharply")),
)


def _words(
    table: tuple[tuple[int, str, str], ...], angle: int, *, both: bool, locale: str | None
) -> str:
    row = next((row for row in table if angle < row[0]), table[-1])
    context = "both arms" if both else "one arm"
    return translations(locale).pgettext(context, row[2] if both else row[1])


#: How near a hand must be to a part of the body to rest on it, beyond
#: touching: a fraction of body height.
_NEAR = 0.03


def _world_angles(body: kin.Body, side: str) -> tuple[float, float]:
    """The upper arm's elevation from hanging straight down, and its plane, in the world.

    The plane is measured as the ISB plane is, from straight ahead (the way
    a standing figure faces) toward its own side.
    """
    shoulder, elbow = body[f"{side}.shoulder"], body[f"{side}.elbow"]
    dx, dy, dz = (elbow[i] - shoulder[i] for i in range(3))
    length = math.hypot(dx, dy, dz)
    elevation = math.degrees(math.acos(max(-1.0, min(1.0, -dy / length))))
    outward = dz if side == "r" else -dz
    plane = math.degrees(math.atan2(outward, dx)) if math.hypot(dx, dz) > 1e-9 else 0.0
    return elevation, plane


def _arm_words(
    body: kin.Body, side: str, arm: Arm, *, both: bool, locale: str | None
) -> dict[str, str]:
    elevation, plane = _world_angles(body, side)
    where = _words(_ELEVATION_WORDS, round(elevation), both=both, locale=locale)
    if elevation >= _ELEVATION_WORDS[0][0]:
        where += _words(_PLANE_WORDS, round(plane), both=both, locale=locale)
    return {"where": where, "elbow": _words(_ELBOW_WORDS, arm.elbow, both=both, locale=locale)}


def _segment_distance(point: kin.Vec, a: kin.Vec, b: kin.Vec) -> float:
    ab = [b[i] - a[i] for i in range(3)]
    length = sum(c * c for c in ab) or 1.0
    k = max(0.0, min(1.0, sum((point[i] - a[i]) * ab[i] for i in range(3)) / length))
    return math.dist(point, tuple(a[i] + k * ab[i] for i in range(3)))


def hands_on_thighs(body: kin.Body) -> bool:
    """Whether each hand rests on the thigh on its side."""
    reach = 2 * kin.BODY_RADIUS + _NEAR
    return all(
        _segment_distance(body.palm(s), body[f"{s}.hip"], body[f"{s}.knee"]) <= reach
        for s in ("r", "l")
    )


def hands_behind_head(body: kin.Body) -> bool:
    """Whether both hands are at the back of the head."""
    head, neck, chest = body["head"], body["neck"], body["chest"]
    front = _unit(chest, neck)  # the head's up; behind is against its front
    ahead = (front[1], -front[0])
    for side in ("r", "l"):
        palm = body.palm(side)
        if math.dist(palm, head) > kin.HEAD_RADIUS + kin.BODY_RADIUS + _NEAR:
            return False
        if (palm[0] - head[0]) * ahead[0] + (palm[1] - head[1]) * ahead[1] > 0:
            return False
    return True


def _arms(pose: Pose, body: kin.Body, locale: str | None) -> list[str]:
    t = translations(locale)
    arm, other = pose.joints.arms
    on_floor = {c.site for c in pose.contacts if c.prop is Prop.FLOOR}
    if BodySite.HANDS in on_floor:
        return [t.gettext("Both hands rest on the floor.")]
    if hands_behind_head(body):
        return [t.gettext("The hands are laced behind the head, elbows out to the sides.")]
    if hands_on_thighs(body):
        return [t.gettext("The hands rest on the thighs.")]
    words = [
        _arm_words(body, "r", arm, both=False, locale=locale),
        _arm_words(body, "l", other, both=False, locale=locale),
    ]
    floor = [BodySite.HAND in on_floor, BodySite.OTHER_HAND in on_floor]
    if words[0] == words[1] and not any(floor):
        return [
            t.gettext("Both arms %(where)s, with %(elbow)s.")
            % _arm_words(body, "r", arm, both=True, locale=locale)
        ]
    first = (
        t.gettext("One hand rests on the floor.")
        if floor[0]
        else t.gettext("One arm %(where)s, with %(elbow)s.") % words[0]
    )
    second = (
        t.gettext("The other hand rests on the floor.")
        if floor[1]
        else t.gettext("The other arm %(where)s, with %(elbow)s.") % words[1]
    )
    return [first, second]


def _legs(joints: Joints, locale: str | None) -> list[str]:
    t = translations(locale)
    leg, other = joints.legs
    if leg == other:
        return []
    sentences = (
        t.gettext("One leg stretches straight back."),
        t.gettext("The other leg stretches straight back."),
    )
    for sentence, one in zip(sentences, (leg, other), strict=True):
        if one.hip <= 10 and one.knee < 15 and joints.trunk >= 45:
            return [sentence]
    return []


#: Each way an arrow can point, in words.
_DIRECTION_WORDS = {
    ("up",): NC_("direction", "up"),
    ("down",): NC_("direction", "down"),
    ("forward",): NC_("direction", "forward"),
    ("back",): NC_("direction", "back"),
    ("out",): NC_("direction", "out"),
    ("together",): NC_("direction", "together"),
    ("up", "forward"): NC_("direction", "up and forward"),
    ("up", "back"): NC_("direction", "up and back"),
    ("up", "out"): NC_("direction", "up and out"),
    ("up", "together"): NC_("direction", "up and together"),
    ("down", "forward"): NC_("direction", "down and forward"),
    ("down", "back"): NC_("direction", "down and back"),
    ("down", "out"): NC_("direction", "down and out"),
    ("down", "together"): NC_("direction", "down and together"),
}

#: What an arrow on each part of the body says; ``%(direction)s`` is where it goes.
_ARROW_SENTENCES = {
    BodySite.HEAD: NC_("arrow", "An arrow shows the head moving %(direction)s."),
    BodySite.BACK: NC_("arrow", "An arrow shows the back moving %(direction)s."),
    BodySite.SEAT: NC_("arrow", "An arrow shows the seat moving %(direction)s."),
    BodySite.CHEST: NC_("arrow", "An arrow shows the chest moving %(direction)s."),
    BodySite.SHOULDERS: NC_("arrow", "An arrow shows the shoulders moving %(direction)s."),
    BodySite.SHOULDER_BLADES: NC_("arrow", "Arrows show the shoulder blades moving %(direction)s."),
    BodySite.ELBOWS: NC_("arrow", "An arrow shows the elbows moving %(direction)s."),
    BodySite.HANDS: NC_("arrow", "An arrow shows the hands moving %(direction)s."),
    BodySite.HAND: NC_("arrow", "An arrow shows one hand moving %(direction)s."),
    BodySite.OTHER_HAND: NC_("arrow", "An arrow shows the other hand moving %(direction)s."),
    BodySite.KNEES: NC_("arrow", "An arrow shows the knees moving %(direction)s."),
    BodySite.KNEE: NC_("arrow", "An arrow shows one knee moving %(direction)s."),
    BodySite.OTHER_KNEE: NC_("arrow", "An arrow shows the other knee moving %(direction)s."),
    BodySite.FEET: NC_("arrow", "An arrow shows the feet moving %(direction)s."),
    BodySite.FOOT: NC_("arrow", "An arrow shows one foot moving %(direction)s."),
    BodySite.OTHER_FOOT: NC_("arrow", "An arrow shows the other foot moving %(direction)s."),
}


#: The least motion the words name, as a fraction of body height.
_STILL = 0.02


def motion_words(scene: kin.Scene, arrow: Arrow) -> tuple[str, ...]:
    """Where *arrow*'s part goes, in world terms: ("up", "forward") and the like.

    Up and down first, then the larger of forward or back (the way the
    figure faces, standing) and out or together (away from or toward the
    middle of the body, for a pair of parts); either is left out when it is
    under half the other.
    """
    a_points = kin.site_points(scene.bodies[arrow.start], arrow.part)
    b_points = kin.site_points(scene.bodies[arrow.end], arrow.part)
    a, b = (
        _site_centre(scene.bodies[arrow.start], arrow.part),
        _site_centre(scene.bodies[arrow.end], arrow.part),
    )
    words: list[str] = []
    dy = b[1] - a[1]
    dx = b[0] - a[0]
    spread = 0.0
    if len(a_points) > 1:
        spread = abs(b_points[0][2] - b_points[-1][2]) - abs(a_points[0][2] - a_points[-1][2])
        spread /= 2
    across = max(abs(dx), abs(spread))
    # A slight drift beside a larger motion is not named.
    if abs(dy) > _STILL and abs(dy) >= across / 2:
        words.append("up" if dy > 0 else "down")
    if across > _STILL and across >= abs(dy) / 2:
        if abs(dx) >= abs(spread):
            words.append("forward" if dx > 0 else "back")
        else:
            words.append("out" if spread > 0 else "together")
    return tuple(words)


def _motions(scene: kin.Scene, pose: Pose, locale: str | None) -> list[str]:
    t = translations(locale)
    sentences = []
    for arrow in scene.arrows_from(pose.name):
        words = motion_words(scene, arrow)
        if words not in _DIRECTION_WORDS:
            words = words[:1]
        if not words:
            continue
        direction = t.pgettext("direction", _DIRECTION_WORDS[words])
        sentence = t.pgettext("arrow", _ARROW_SENTENCES[arrow.part])
        sentences.append(sentence % {"direction": direction})
    return sentences
