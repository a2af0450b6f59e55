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

import itertools
import math
from collections.abc import Iterable

import attrs

from . import _kinematics as kin
from ._i18n import NC_, translations
from ._svg import Circle, Line, Polygon, Shape, document
from .exceptions import NoFigureError, UnknownVocabularyError
from .model import Arm, BodySite, Exercise, Figure, Joints, Pose, Prop, View

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
    return _draw(exercise, figure, kin.scene(figure), figure.pose(name), locale)


def illustrations(exercise: Exercise, *, locale: str | None = None) -> tuple[Illustration, ...]:
    """Draw every pose of *exercise*, in order; empty when it has no figure.

    .. versionadded:: 0.1.0
    """
    translations(locale)
    figure = exercise.figure
    if figure is None:
        return ()
    scene = kin.scene(figure)
    return tuple(_draw(exercise, figure, scene, pose, locale) for pose in figure.poses)


def _figure_of(exercise: Exercise) -> Figure:
    if exercise.figure is None:
        raise NoFigureError(exercise.id)
    return exercise.figure


# -- shapes --------------------------------------------------------------------

Point2 = tuple[float, float]


def _flat(point: kin.Vec, view: View) -> Point2:
    across, up, _ = kin.project(point, view)
    return across * _SCALE, up * _SCALE


def _bounds(scene: kin.Scene) -> tuple[float, float, float, float]:
    """The world box every pose and every bounded prop fits in, in drawing units."""
    view = scene.figure.view
    xs: list[float] = []
    ys: list[float] = []
    head_moves = any(arrow.part is BodySite.HEAD for arrow in scene.figure.arrows)
    for body in scene.bodies.values():
        for name, point in body.points.items():
            radius = kin.HEAD_RADIUS if name == "head" else kin.BODY_RADIUS
            if name == "head" and head_moves:  # room for the arrow around it
                radius += 0.08
            x, y = _flat(point, view)
            xs += [x - radius * _SCALE, x + radius * _SCALE]
            ys += [y - radius * _SCALE, y + radius * _SCALE]
    for prop in scene.figure.props:
        for box in kin.PROP_BOXES[prop]:
            for corner in _corners(box, None):
                if corner is not None:
                    x, y = _flat(corner, view)
                    xs.append(x)
                    ys.append(y)
    if view is not View.TOP and Prop.FLOOR in scene.figure.props:
        ys.append(0.0)
    margin = _MARGIN * _SCALE
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


def _corners(box: kin.Box, limits: tuple[kin.Vec, kin.Vec] | None) -> Iterable[kin.Vec | None]:
    """The corners of *box*; unbounded sides take *limits*, or give None without."""
    values: list[tuple[float, float] | None] = []
    for i in range(3):
        low, high = box.low[i], box.high[i]
        if limits is not None:
            low = limits[0][i] if low is None else low
            high = limits[1][i] if high is None else high
        if low is None or high is None:
            values.append(None)
        else:
            values.append((low, high))
    if any(v is None for v in values):
        yield None
        return
    xs, ys, zs = (v for v in values if v is not None)
    for x in xs:
        for y in ys:
            for z in zs:
                yield (x, y, z)


def _prop_shapes(scene: kin.Scene, bounds: tuple[float, float, float, float]) -> list[Shape]:
    view = scene.figure.view
    x0, y0, x1, y1 = (v / _SCALE for v in bounds)
    # World limits wide enough for any view: the drawing clips to its box.
    span = max(x1 - x0, y1 - y0) + 1.0
    limits: tuple[kin.Vec, kin.Vec] = ((-span, -0.05, -span), (span, span, span))
    shapes: list[Shape] = []
    for prop in scene.figure.props:
        if prop is Prop.FLOOR:
            continue
        for box in kin.PROP_BOXES[prop]:
            corners = [c for c in _corners(box, limits) if c is not None]
            flat = [_flat(c, view) for c in corners]
            lo_x = max(min(p[0] for p in flat), bounds[0] - 10)
            hi_x = min(max(p[0] for p in flat), bounds[2] + 10)
            lo_y = max(min(p[1] for p in flat), bounds[1] - 10)
            hi_y = min(max(p[1] for p in flat), bounds[3] + 10)
            if hi_x - lo_x < 0.5 or hi_y - lo_y < 0.5:
                continue
            shapes.append(Polygon(((lo_x, lo_y), (hi_x, lo_y), (hi_x, hi_y), (lo_x, hi_y)), "prop"))
        if prop is Prop.CHAIR and view in {View.SIDE, View.FRONT, View.BACK}:
            shapes += _chair_legs(view)
    if Prop.FLOOR in scene.figure.props and view is not View.TOP:
        shapes.append(Line(((bounds[0] - 10, 0.0), (bounds[2] + 10, 0.0)), "prop"))
    return shapes


def _chair_legs(view: View) -> list[Shape]:
    seat = kin.PROP_BOXES[Prop.CHAIR][0]
    low_x, high_x = seat.low[0] or 0.0, seat.high[0] or 0.0
    low_z, high_z = seat.low[2] or 0.0, seat.high[2] or 0.0
    top = (seat.low[1] or 0.0) + 0.005
    feet = (
        [(low_x + 0.02, 0.0), (high_x - 0.02, 0.0)]
        if view is View.SIDE
        else [(0.0, low_z + 0.02), (0.0, high_z - 0.02)]
    )
    shapes: list[Shape] = []
    for a, b in feet:
        base = (a, 0.0, b) if view is View.SIDE else (seat.low[0] or 0.0, 0.0, b)
        top_point = (base[0], top, base[2])
        shapes.append(Line((_flat(base, view), _flat(top_point, view)), "prop"))
    return shapes


#: The limbs as chains of points, for each side.
_CHAINS = (
    ("neck", "{s}.shoulder", "{s}.elbow", "{s}.wrist", "{s}.fingers"),
    ("pelvis", "{s}.hip", "{s}.knee", "{s}.ankle", "{s}.heel", "{s}.toe"),
)


def _body_shapes(body: kin.Body, view: View) -> list[Shape]:
    """The body as strokes, far to near, the head hiding what is behind it."""
    pieces: list[tuple[float, int, Shape]] = []
    for side in ("r", "l"):
        role = "far" if view is View.SIDE and side == "l" else "near"
        for chain in _CHAINS:
            names = [n.format(s=side) for n in chain]
            for a, b in itertools.pairwise(names):
                depth = (kin.project(body[a], view)[2] + kin.project(body[b], view)[2]) / 2
                if view is View.SIDE:  # the far side stays behind, whatever its depth
                    depth += 10.0 if side == "r" else -10.0
                line = Line((_flat(body[a], view), _flat(body[b], view)), role)
                pieces.append((depth, len(pieces), line))
    spine = Line(tuple(_flat(body[n], view) for n in ("pelvis", "chest", "neck", "head")), "near")
    pieces.append((kin.project(body["chest"], view)[2], len(pieces), spine))
    head = body["head"]
    head_depth = kin.project(head, view)[2] + kin.HEAD_RADIUS / 2
    pieces.append(
        (head_depth, len(pieces), Circle(_flat(head, view), kin.HEAD_RADIUS * _SCALE, "near"))
    )
    return [shape for _, _, shape in sorted(pieces, key=lambda p: (p[0], p[1]))]


def _site_centre(body: kin.Body, site: BodySite) -> kin.Vec:
    points = kin.site_points(body, site)
    n = len(points)
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )


def _arrow_shapes(scene: kin.Scene, pose: Pose) -> list[Shape]:
    """Curved arrows for each motion that starts at *pose*."""
    shapes: list[Shape] = []
    view = scene.figure.view
    for arrow in scene.figure.arrows:
        if arrow.start != pose.name:
            continue
        starts = kin.site_points(scene.bodies[arrow.start], arrow.part)
        ends = kin.site_points(scene.bodies[arrow.end], arrow.part)
        if view is View.SIDE:  # both sides look alike: show the near one
            starts, ends = starts[:1], ends[:1]
        body = scene.bodies[arrow.start]
        # Arrows bow away from the head, where the eye goes first; a moving
        # head's arrow bows away from the middle of the body.
        centre = _flat(body["head"], view)
        if arrow.part is BodySite.HEAD:
            flat = [_flat(p, view) for p in body.points.values()]
            centre = (sum(p[0] for p in flat) / len(flat), sum(p[1] for p in flat) / len(flat))
        # Clear of the head when the head moves; a little off the limb otherwise.
        lift = kin.HEAD_RADIUS * _SCALE + 3.0 if arrow.part is BodySite.HEAD else 5.0
        for a, b in zip(starts, ends, strict=True):
            shapes += _arrow(_flat(a, view), _flat(b, view), centre, lift)
    return shapes


#: The shortest arrow drawn, in drawing units: a small motion, such as the
#: shoulder blades pulling back, still gets an arrow that can be seen.
_MIN_ARROW = 9.0


def _arrow(start: Point2, end: Point2, centre: Point2, lift: float) -> list[Shape]:
    """A curved arrow from *start* to *end*, bowing away from *centre*."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < 1.0:
        return []
    ux, uy = dx / length, dy / length
    if length < _MIN_ARROW:
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        start = (middle[0] - ux * _MIN_ARROW / 2, middle[1] - uy * _MIN_ARROW / 2)
        end = (middle[0] + ux * _MIN_ARROW / 2, middle[1] + uy * _MIN_ARROW / 2)
        length = _MIN_ARROW
    nx, ny = -uy, ux
    middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    if (middle[0] - centre[0]) * nx + (middle[1] - centre[1]) * ny < 0:
        nx, ny = -nx, -ny  # bow away from the body
    bow = 0.18 * length
    a = (start[0] + nx * lift + ux * 2, start[1] + ny * lift + uy * 2)
    b = (end[0] + nx * lift - ux * 4, end[1] + ny * lift - uy * 4)
    control = ((a[0] + b[0]) / 2 + nx * bow, (a[1] + b[1]) / 2 + ny * bow)
    steps = 10
    curve = tuple(
        (
            (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * control[0] + t * t * b[0],
            (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * control[1] + t * t * b[1],
        )
        for t in (i / steps for i in range(steps + 1))
    )
    # The head points along the curve's last stretch.
    hx, hy = b[0] - curve[-2][0], b[1] - curve[-2][1]
    norm = math.hypot(hx, hy) or 1.0
    hx, hy = hx / norm, hy / norm
    size = 4.5
    tip = (b[0] + hx * size * 0.6, b[1] + hy * size * 0.6)
    left = (b[0] - hx * size - hy * size * 0.6, b[1] - hy * size + hx * size * 0.6)
    right = (b[0] - hx * size + hy * size * 0.6, b[1] - hy * size - hx * size * 0.6)
    return [Line(curve, "accent"), Polygon((tip, left, right), "accent")]


def _band_shapes(scene: kin.Scene, body: kin.Body) -> list[Shape]:
    """The band: from the anchor in the door to each hand."""
    if Prop.BAND not in scene.figure.props:
        return []
    view = scene.figure.view
    first = scene.bodies[scene.figure.poses[0].name]
    height = (first.palm("r")[1] + first.palm("l")[1]) / 2
    door = kin.PROP_BOXES[Prop.BAND][0]
    anchor: kin.Vec = (door.low[0] or 0.0, height, 0.0)
    return [
        Line((_flat(anchor, view), _flat(body.palm(side), view)), "band") for side in ("l", "r")
    ]


def _draw(
    exercise: Exercise, figure: Figure, scene: kin.Scene, pose: Pose, locale: str | None
) -> Illustration:
    bounds = _bounds(scene)
    body = scene.bodies[pose.name]
    shapes: list[Shape] = [
        *_prop_shapes(scene, bounds),
        *_band_shapes(scene, body),
        *_body_shapes(body, figure.view),
        *_arrow_shapes(scene, pose),
    ]
    t = translations(locale)
    label = _pose_label(figure, pose, locale)
    title = t.gettext("%(name)s: %(pose)s") % {"name": exercise.name, "pose": label}
    alt = describe(figure, pose, scene, locale=locale)
    x0, y0, x1, y1 = bounds
    svg = document(
        shapes,
        box=(x0, y0, x1 - x0, y1 - y0),
        title=title,
        desc=alt,
        ident=f"figure-{exercise.id}-{pose.name}",
    )
    return Illustration(
        exercise=exercise.id, pose=pose.name, label=label, title=title, alt=alt, svg=svg
    )


def _pose_label(figure: Figure, pose: Pose, locale: str | None) -> str:
    t = translations(locale)
    if pose is figure.poses[0]:
        return t.gettext("start position")
    if pose is figure.poses[-1]:
        return t.gettext("end position")
    # A pose between the start and the end is named by its place: its name is
    # a slug of the data, in no particular language.
    return t.gettext("position %(number)s") % {"number": figure.poses.index(pose) + 1}


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
    sentences += _trunk(joints, locale)
    sentences += _arms(joints, locale)
    sentences += _legs(joints, locale)
    if joints.shoulders >= 10:
        sentences.append(t.gettext("The shoulder blades pull back and together."))
    if Prop.BAND in figure.props:
        sentences.append(t.gettext("An elastic band runs from the hands to a door in front."))
    sentences += _motions(scene, pose, locale)
    return " ".join(sentences)


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


def _trunk(joints: Joints, locale: str | None) -> list[str]:
    t = translations(locale)
    sentences = []
    if joints.spine <= -5:
        sentences.append(t.gettext("The upper back arches backward."))
    elif joints.spine >= 5:
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


def _arm_words(arm: Arm, *, both: bool, locale: str | None) -> dict[str, str]:
    where = _words(_ELEVATION_WORDS, arm.elevation, both=both, locale=locale)
    if arm.elevation >= _ELEVATION_WORDS[0][0]:
        where += _words(_PLANE_WORDS, arm.plane, both=both, locale=locale)
    return {"where": where, "elbow": _words(_ELBOW_WORDS, arm.elbow, both=both, locale=locale)}


def _arms(joints: Joints, locale: str | None) -> list[str]:
    t = translations(locale)
    arm, other = joints.arms
    hands_on_head = all(a.elevation >= 110 and a.elbow >= 120 for a in (arm, other))
    if hands_on_head:
        return [t.gettext("The hands are laced behind the head, elbows out to the sides.")]
    if arm == other:
        return [
            t.gettext("Both arms %(where)s, with %(elbow)s.")
            % _arm_words(arm, both=True, locale=locale)
        ]
    return [
        t.gettext("One arm %(where)s, with %(elbow)s.")
        % _arm_words(arm, both=False, locale=locale),
        t.gettext("The other arm %(where)s, with %(elbow)s.")
        % _arm_words(other, both=False, locale=locale),
    ]


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


_DIRECTIONS = {
    View.SIDE: ("forward", "back"),
    View.FRONT: ("out", "out"),
    View.BACK: ("out", "out"),
    View.TOP: ("forward", "back"),
}

#: Each way an arrow can point, in words.
_DIRECTION_WORDS = {
    ("up",): NC_("direction", "up"),
    ("down",): NC_("direction", "down"),
    ("forward",): NC_("direction", "forward"),
    ("back",): NC_("direction", "back"),
    ("out",): NC_("direction", "out"),
    ("up", "forward"): NC_("direction", "up and forward"),
    ("up", "back"): NC_("direction", "up and back"),
    ("up", "out"): NC_("direction", "up and out"),
    ("down", "forward"): NC_("direction", "down and forward"),
    ("down", "back"): NC_("direction", "down and back"),
    ("down", "out"): NC_("direction", "down and out"),
}

#: What an arrow on each part of the body says; ``%(direction)s`` is where it goes.
_ARROW_SENTENCES = {
    BodySite.HEAD: NC_("arrow", "An arrow shows the head moving %(direction)s."),
    BodySite.BACK: NC_("arrow", "An arrow shows the back moving %(direction)s."),
    BodySite.SEAT: NC_("arrow", "An arrow shows the seat moving %(direction)s."),
    BodySite.CHEST: NC_("arrow", "An arrow shows the chest moving %(direction)s."),
    BodySite.SHOULDERS: NC_("arrow", "An arrow shows the shoulders moving %(direction)s."),
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


def _motions(scene: kin.Scene, pose: Pose, locale: str | None) -> list[str]:
    t = translations(locale)
    sentences = []
    view = scene.figure.view
    for arrow in scene.figure.arrows:
        if arrow.start != pose.name:
            continue
        a = kin.project(_site_centre(scene.bodies[arrow.start], arrow.part), view)
        b = kin.project(_site_centre(scene.bodies[arrow.end], arrow.part), view)
        dx, dy = b[0] - a[0], b[1] - a[1]
        words = []
        if dy > 0.02:
            words.append("up")
        elif dy < -0.02:
            words.append("down")
        if abs(dx) > 0.02:
            ahead, behind = _DIRECTIONS[view]
            words.append(ahead if dx > 0 else behind)
        if not words:
            continue
        direction = t.pgettext("direction", _DIRECTION_WORDS[tuple(words)])
        sentence = t.pgettext("arrow", _ARROW_SENTENCES[arrow.part])
        sentences.append(sentence % {"direction": direction})
    return sentences
