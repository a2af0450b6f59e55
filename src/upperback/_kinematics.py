"""Kinematics: a figure's pose data in, points and prop shapes out.

Pure functions, no drawing. Lengths are fractions of body height (the body
is 1.0 tall), in a right-handed world: x forward (the way the standing
figure faces), y up, z to the figure's right (towards the viewer of a side
view). The floor is ``y = 0``.

Segment lengths come from the Drillis and Contini (1966) segment fractions
of body height H, as drawn in Winter DA, *Biomechanics and Motor Control of
Human Movement*, 4th ed. (Wiley, 2009), chapter 4, Figure 4.1 (the book
gives them as a figure, not a table). Heights above the floor from that
figure: top of head 1.000H, chin 0.870H, shoulder 0.818H, chest 0.720H,
hip (greater trochanter) 0.530H, knee 0.285H, ankle 0.039H; widths:
shoulders 0.259H, hips 0.191H; lengths: upper arm 0.186H, forearm 0.146H,
hand 0.108H, foot 0.152H. Segments are the differences of those heights.

Joint limits are the AAOS normal ranges of motion (American Academy of
Orthopaedic Surgeons, *Joint Motion: Method of Measuring and Recording*,
1965) as tabulated in Norkin CC, White DJ, *Measurement of Joint Motion: A
Guide to Goniometry*, Appendix A (Tables A.1 to A.3).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import attrs

from .model import Arm, Arrow, BodySite, Contact, Figure, Joints, Leg, Pose, Prop, View

__all__ = [
    "BODY_RADIUS",
    "HEAD_RADIUS",
    "LIMITS",
    "NOSE_RADIUS",
    "SEGMENTS",
    "SKEW",
    "TOLERANCE",
    "TRUNK_RADIUS",
    "Body",
    "Box",
    "Scene",
    "Vec",
    "contact_error",
    "figure_problems",
    "mix",
    "point_radius",
    "pose_body",
    "problems",
    "project",
    "scene",
]

Vec = tuple[float, float, float]

# -- the skeleton (Winter 2009, Figure 4.1, after Drillis and Contini 1966) --

_HEAD_TOP = 1.000
_CHIN = 0.870
_SHOULDER = 0.818
_CHEST = 0.720
_HIP = 0.530
_KNEE = 0.285
_ANKLE = 0.039

#: Radius of the head circle: half the chin-to-top height.
HEAD_RADIUS = (_HEAD_TOP - _CHIN) / 2
#: Half the width of a limb stroke. A contact holds when the stroke's edge,
#: not its centre line, touches the surface. A pictogram's limbs are drawn
#: about as wide as a real arm, 4 to 5% of body height.
BODY_RADIUS = 0.022
#: Half the depth of the trunk, front to back: a contact of the back or the
#: chest holds when the trunk's surface touches. About half the chest depth
#: of an adult (our own round figure for a drawing, not a measured norm).
TRUNK_RADIUS = 0.055
#: The radius of the nose, drawn on the face's side of the head.
NOSE_RADIUS = 0.02
#: How far a contact may miss, or a joint sink into a surface: 2% of height.
TOLERANCE = 0.02

#: Segment lengths as fractions of body height.
SEGMENTS: dict[str, float] = {
    "lumbar": _CHEST - _HIP,  # hip joints to chest level
    "thoracic": _SHOULDER - _CHEST,  # chest level to the shoulders
    "neck": (_HEAD_TOP + _CHIN) / 2 - _SHOULDER,  # shoulders to the centre of the head
    "shoulder": 0.259 / 2,  # centre to each shoulder
    "hip": 0.191 / 2,  # centre to each hip joint
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,
    "thigh": _HIP - _KNEE,
    "shank": _KNEE - _ANKLE,
    "heel": _ANKLE,  # ankle down to the sole
    "foot": 0.152,
}

#: Normal ranges of motion in degrees, (low, high) for each joint field:
#: AAOS values from Norkin and White, Appendix A. Table A.1: shoulder
#: flexion 180, extension 60, abduction 180; elbow flexion 150; wrist
#: flexion 80, extension 70. Table A.2: hip flexion 120, extension 30,
#: abduction 45; knee flexion 135; ankle dorsiflexion 20, plantar flexion
#: 50. Table A.3: cervical flexion 45, extension 45; thoracolumbar flexion
#: 80, extension 25. The shoulder's plane runs from 135 degrees across
#: the body (horizontal adduction) to 45 behind the side (horizontal
#: abduction). Shoulder-blade retraction is not in the tables: 25 degrees
#: is our own bound for a drawing, not a clinical norm. The trunk's lean
#: is a posture, not a joint: from lying on the back (-90) to lying face
#: down with the head a little low (100), our own bound, so that no figure
#: stands on its head.
LIMITS: dict[str, tuple[int, int]] = {
    "trunk": (-90, 100),
    "spine": (-25, 80),
    "neck": (-45, 45),
    "shoulders": (0, 25),
    "arm.elevation": (0, 180),
    "arm.plane": (-45, 135),
    "arm.elbow": (0, 150),
    "arm.wrist": (-80, 70),
    "leg.hip": (-30, 120),
    "leg.abduction": (0, 45),
    "leg.knee": (0, 135),
    "leg.ankle": (-20, 50),
}

#: How far the middle of a shoulder blade sits from the spine, as a fraction
#: of body height, at rest and fully pulled back; and the pull, in degrees,
#: at which it is fully back. Drawing figures of our own: the blades are
#: drawn, not measured; at rest the blade keeps clear of the arm (review round 9).
_BLADE_REST = 0.068
_BLADE_PULLED = 0.013
_BLADE_PULL_LIMIT = 25
#: How far below the shoulders the blade's middle sits: high on the back,
#: its top a little under the shoulders, as on a real back.
_BLADE_DROP = 0.1

#: Shoulder extension (an arm raised behind, in a plane near 180) is limited
#: to 60 degrees (Table A.1).
_EXTENSION_LIMIT = 60


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


def mix(a: Vec, ka: float, b: Vec, kb: float) -> Vec:
    """*ka* of *a* plus *kb* of *b*."""
    return (a[0] * ka + b[0] * kb, a[1] * ka + b[1] * kb, a[2] * ka + b[2] * kb)


def _rad(degrees: float) -> float:
    return math.radians(degrees)


def distance(a: Vec, b: Vec) -> float:
    """The distance between two points."""
    return math.dist(a, b)


@attrs.frozen
class Body:
    """The points of a posed body, by name, and the head's centre.

    Point names: ``pelvis``, ``chest``, ``neck``, ``head``, and for each
    side (``r`` for :attr:`Joints.arm`'s side, ``l`` for the other)
    ``shoulder``, ``elbow``, ``wrist``, ``fingers``, ``hip``, ``knee``,
    ``ankle``, ``heel``, ``toe``: ``r.elbow``, ``l.toe`` and so on.
    """

    points: dict[str, Vec]

    def __getitem__(self, name: str) -> Vec:
        return self.points[name]

    def moved(self, offset: Vec) -> Body:
        """The same body, moved by *offset*."""
        return Body({k: _add(v, offset) for k, v in self.points.items()})

    def palm(self, side: str) -> Vec:
        """The middle of the hand on *side*."""
        return mix(self.points[f"{side}.wrist"], 0.5, self.points[f"{side}.fingers"], 0.5)


#: The segments of a body: (from, to, length name).
BONES: tuple[tuple[str, str, str], ...] = (
    ("pelvis", "chest", "lumbar"),
    ("chest", "neck", "thoracic"),
    ("neck", "head", "neck"),
    *(
        bone
        for side in ("r", "l")
        for bone in (
            ("neck", f"{side}.shoulder", "shoulder"),
            (f"{side}.shoulder", f"{side}.elbow", "upper_arm"),
            (f"{side}.elbow", f"{side}.wrist", "forearm"),
            (f"{side}.wrist", f"{side}.fingers", "hand"),
            ("pelvis", f"{side}.hip", "hip"),
            (f"{side}.hip", f"{side}.knee", "thigh"),
            (f"{side}.knee", f"{side}.ankle", "shank"),
            (f"{side}.ankle", f"{side}.heel", "heel"),
            (f"{side}.heel", f"{side}.toe", "foot"),
        )
    ),
)


def pose_body(joints: Joints) -> Body:
    """Forward kinematics: the body in *joints*, with the pelvis at the origin.

    The neck segment ends at the centre of the head, which sits forward of
    the spine by its radius less the trunk's, so that the back of the head
    lines up with the back. Each shoulder blade (``r.blade``, ``l.blade``)
    sits on the upper back and slides toward the spine as the shoulders
    pull back.
    """
    t = _rad(joints.trunk)
    up: Vec = (math.sin(t), math.cos(t), 0.0)
    front: Vec = (math.cos(t), -math.sin(t), 0.0)
    pelvis: Vec = (0.0, 0.0, 0.0)
    chest = _add(pelvis, up, SEGMENTS["lumbar"])
    s = _rad(joints.spine)
    up2 = mix(up, math.cos(s), front, math.sin(s))
    front2 = mix(front, math.cos(s), up, -math.sin(s))
    neck = _add(chest, up2, SEGMENTS["thoracic"])
    n = _rad(joints.neck)
    up3 = mix(up2, math.cos(n), front2, math.sin(n))
    front3 = mix(front2, math.cos(n), up2, -math.sin(n))
    reach = SEGMENTS["neck"]
    offset = HEAD_RADIUS - TRUNK_RADIUS
    # The head's centre is `reach` from the neck, `offset` of it forward.
    along = math.sqrt(reach * reach - offset * offset)
    head = _add(_add(neck, up3, along), front3, offset)
    # The nose: centred on the face's outline, so that it stands out by its
    # whole width and a picture shows which way the head faces.
    nose = _add(head, front3, HEAD_RADIUS)
    points: dict[str, Vec] = {
        "pelvis": pelvis,
        "chest": chest,
        "neck": neck,
        "head": head,
        "nose": nose,
    }
    for side, sign, arm, leg in (
        ("r", 1.0, joints.arms[0], joints.legs[0]),
        ("l", -1.0, joints.arms[1], joints.legs[1]),
    ):
        lateral: Vec = (0.0, 0.0, sign)
        g = _rad(joints.shoulders)
        shoulder = _add(neck, mix(lateral, math.cos(g), front2, -math.sin(g)), SEGMENTS["shoulder"])
        points |= _arm(side, shoulder, arm, (up2, front2, lateral))
        # The blade's middle: below the shoulders on the upper back, from
        # _BLADE_REST of body height beside the spine to _BLADE_PULLED at
        # the full pull.
        pull = min(max(joints.shoulders, 0), _BLADE_PULL_LIMIT) / _BLADE_PULL_LIMIT
        spread = _BLADE_REST + (_BLADE_PULLED - _BLADE_REST) * pull
        points[f"{side}.blade"] = _add(_add(neck, up2, -_BLADE_DROP), lateral, spread)
        hip = _add(pelvis, lateral, SEGMENTS["hip"])
        points |= _leg(side, hip, leg, (up, front, lateral))
    return Body(points)


def _arm(side: str, shoulder: Vec, arm: Arm, frame: tuple[Vec, Vec, Vec]) -> dict[str, Vec]:
    up, front, lateral = frame
    p = _rad(arm.plane)
    horizontal = mix(front, math.cos(p), lateral, math.sin(p))

    def direction(angle: float) -> Vec:
        a = _rad(angle)
        return mix(horizontal, math.sin(a), up, -math.cos(a))

    elbow = _add(shoulder, direction(arm.elevation), SEGMENTS["upper_arm"])
    wrist = _add(elbow, direction(arm.elevation + arm.elbow), SEGMENTS["forearm"])
    fingers = _add(wrist, direction(arm.elevation + arm.elbow + arm.wrist), SEGMENTS["hand"])
    return {
        f"{side}.shoulder": shoulder,
        f"{side}.elbow": elbow,
        f"{side}.wrist": wrist,
        f"{side}.fingers": fingers,
    }


def _leg(side: str, hip: Vec, leg: Leg, frame: tuple[Vec, Vec, Vec]) -> dict[str, Vec]:
    up, front, lateral = frame
    a = _rad(leg.abduction)

    def direction(angle: float) -> Vec:
        f = _rad(angle)
        sagittal = mix(front, math.sin(f), up, -math.cos(f))
        return mix(sagittal, math.cos(a), lateral, math.sin(a))

    knee = _add(hip, direction(leg.hip), SEGMENTS["thigh"])
    shank = leg.hip - leg.knee
    ankle = _add(knee, direction(shank), SEGMENTS["shank"])
    heel = _add(ankle, direction(shank - leg.ankle), SEGMENTS["heel"])
    toe = _add(heel, direction(shank + 90 - leg.ankle), SEGMENTS["foot"])
    return {
        f"{side}.hip": hip,
        f"{side}.knee": knee,
        f"{side}.ankle": ankle,
        f"{side}.heel": heel,
        f"{side}.toe": toe,
    }


# -- props -------------------------------------------------------------------


@attrs.frozen
class Box:
    """An axis-aligned box: a prop, or a part of one. ``None`` is unbounded."""

    low: tuple[float | None, float | None, float | None]
    high: tuple[float | None, float | None, float | None]


#: Seat height: the knee height, so that a seated figure's thighs are level
#: and its feet flat.
SEAT_HEIGHT = _KNEE - BODY_RADIUS
_SEAT_DEPTH = 0.24
#: The chair's back: its top, above the seat, about level with the lower
#: shoulder blades, where a seated spine bends, so that the upper back arches
#: back over its top edge and the lower back stays against it (lower, it
#: read as arching the lower back: review round 7).
_CHAIR_BACK = 0.235
_PILLOW_HEIGHT = 0.06
_DOOR_HALF_WIDTH = 0.25
_JAMB = 0.06
_DOOR_HEIGHT = 1.2
_BIG = None

#: Each prop's solid parts. The body must not pass into them; contacts
#: touch their faces.
PROP_BOXES: dict[Prop, tuple[Box, ...]] = {
    Prop.FLOOR: (Box((None, None, None), (None, 0.0, None)),),
    # A wall behind the figure, its face at x = 0.
    Prop.WALL: (Box((None, 0.0, None), (0.0, None, None)),),
    # The two sides of a door frame, their near faces at x = 0.
    Prop.DOORWAY: (
        Box((0.0, 0.0, _DOOR_HALF_WIDTH), (0.1, _DOOR_HEIGHT, _DOOR_HALF_WIDTH + _JAMB)),
        Box((0.0, 0.0, -_DOOR_HALF_WIDTH - _JAMB), (0.1, _DOOR_HEIGHT, -_DOOR_HALF_WIDTH)),
        # The head of the frame, the bar across the top.
        Box(
            (0.0, _DOOR_HEIGHT, -_DOOR_HALF_WIDTH - _JAMB),
            (0.1, _DOOR_HEIGHT + _JAMB, _DOOR_HALF_WIDTH + _JAMB),
        ),
    ),
    # Two walls meeting in a corner ahead of the figure.
    Prop.WALL_CORNER: (
        Box((0.0, 0.0, _DOOR_HALF_WIDTH), (0.3, 1.25, _DOOR_HALF_WIDTH + 0.3)),
        Box((0.0, 0.0, -_DOOR_HALF_WIDTH - 0.3), (0.3, 1.25, -_DOOR_HALF_WIDTH)),
    ),
    # A chair: the seat, its front edge at x = 0, and a back whose top is
    # about level with the lower shoulder blades, so the upper back can arch over it.
    Prop.CHAIR: (
        Box((-_SEAT_DEPTH, SEAT_HEIGHT - 0.04, -0.22), (0.0, SEAT_HEIGHT, 0.22)),
        Box(
            (-_SEAT_DEPTH - 0.03, SEAT_HEIGHT, -0.22),
            (-_SEAT_DEPTH, SEAT_HEIGHT + _CHAIR_BACK, 0.22),
        ),
    ),
    # A folded pillow on the floor, centred on x = 0.
    Prop.PILLOW: (Box((-0.13, 0.0, -0.2), (0.13, _PILLOW_HEIGHT, 0.2)),),
    # A closed door ahead of the figure, its face at x = 0.
    Prop.BAND: (Box((0.62, 0.0, -0.25), (0.65, 1.15, 0.25)),),
    Prop.WEIGHTS: (),
}

#: The face a contact touches: (prop, axis, sign, value). The body stays on
#: the `sign` side of the plane `axis = value`.
_FACES: dict[Prop, tuple[int, int, float]] = {
    Prop.FLOOR: (1, 1, 0.0),
    Prop.WALL: (0, 1, 0.0),
    Prop.DOORWAY: (0, -1, 0.0),
    Prop.WALL_CORNER: (0, -1, 0.0),
    Prop.CHAIR: (1, 1, SEAT_HEIGHT),
    Prop.PILLOW: (1, 1, _PILLOW_HEIGHT),
    Prop.BAND: (0, -1, 0.62),
    Prop.WEIGHTS: (1, 1, 0.0),
}

#: Where on a prop's face a contact is centred along the axes its face
#: leaves free: (x, z), or None to leave that axis as it is.
_ANCHORS: dict[Prop, tuple[float | None, float | None]] = {
    # Sitting back, the back against the chair's back.
    Prop.CHAIR: (-_SEAT_DEPTH + TRUNK_RADIUS, 0.0),
    Prop.PILLOW: (0.0, 0.0),
}


def site_points(body: Body, site: BodySite) -> tuple[Vec, ...]:
    """The points of *body* that stand for *site*."""
    r, l = "r", "l"  # noqa: E741 - right and left
    both = (r, l)
    table: dict[BodySite, tuple[Vec, ...]] = {
        BodySite.HEAD: (body["head"],),
        BodySite.BACK: (body["pelvis"], body["chest"], body["neck"]),
        BodySite.SEAT: (body["pelvis"],),
        BodySite.CHEST: (body["chest"],),
        BodySite.SHOULDERS: tuple(body[f"{s}.shoulder"] for s in both),
        BodySite.SHOULDER_BLADES: tuple(body[f"{s}.blade"] for s in both),
        BodySite.ELBOWS: tuple(body[f"{s}.elbow"] for s in both),
        BodySite.HANDS: tuple(body.palm(s) for s in both),
        BodySite.HAND: (body.palm(r),),
        BodySite.OTHER_HAND: (body.palm(l),),
        BodySite.KNEES: tuple(body[f"{s}.knee"] for s in both),
        BodySite.KNEE: (body[f"{r}.knee"],),
        BodySite.OTHER_KNEE: (body[f"{l}.knee"],),
        BodySite.FEET: tuple(p for s in both for p in (body[f"{s}.heel"], body[f"{s}.toe"])),
        BodySite.FOOT: (body[f"{r}.heel"], body[f"{r}.toe"]),
        BodySite.OTHER_FOOT: (body[f"{l}.heel"], body[f"{l}.toe"]),
    }
    return table[site]


def _radius(site: BodySite) -> float:
    if site is BodySite.HEAD:
        return HEAD_RADIUS
    if site in {BodySite.BACK, BodySite.CHEST}:
        return TRUNK_RADIUS
    return BODY_RADIUS


#: The points drawn as the thick trunk. The pelvis is not one of them: the
#: trunk's lower end is drawn rounded off at the hips' height, so that a
#: seat touches it where it touches the thighs.
_TRUNK_POINTS = frozenset({"chest", "neck"})


def point_radius(name: str) -> float:
    """How far the drawn body reaches around the point called *name*."""
    if name == "head":
        return HEAD_RADIUS
    if name == "nose":
        return NOSE_RADIUS
    return TRUNK_RADIUS if name in _TRUNK_POINTS else BODY_RADIUS


def contact_error(body: Body, contact: Contact) -> float:
    """How far *contact* misses, as a fraction of height: 0 when it holds exactly.

    The larger of: the gap (or overlap) between each site point's stroke
    edge and the prop's face, and how far the point lies outside the face.
    """
    axis, sign, value = _FACES[contact.prop]
    worst = 0.0
    for point in site_points(body, contact.site):
        gap = sign * (point[axis] - value) - _radius(contact.site)
        worst = max(worst, abs(gap), _outside_face(point, contact.prop, axis))
    return worst


def _outside_face(point: Vec, prop: Prop, axis: int) -> float:
    """How far *point* lies beyond the edges of the nearest face of *prop*."""
    boxes = PROP_BOXES[prop]
    if not boxes:
        return 0.0
    best = math.inf
    for box in boxes:
        miss = 0.0
        for i in range(3):
            if i == axis:
                continue
            low, high = box.low[i], box.high[i]
            if low is not None and point[i] < low:
                miss = max(miss, low - point[i])
            if high is not None and point[i] > high:
                miss = max(miss, point[i] - high)
        best = min(best, miss)
    return best


def _place(body: Body, contacts: tuple[Contact, ...]) -> Body:
    """Move *body* so that *contacts* hold: the root placement.

    Along each axis, the offset is the mean of what each contact whose face
    is across that axis asks for; an axis no face fixes is set by the first
    contact whose prop has an anchor on it, else left as it is.
    """
    offset = [0.0, 0.0, 0.0]
    for axis in range(3):
        asks: list[float] = []
        for contact in contacts:
            face_axis, sign, value = _FACES[contact.prop]
            if face_axis != axis:
                continue
            asks.extend(
                value + sign * _radius(contact.site) - point[axis]
                for point in site_points(body, contact.site)
            )
        if asks:
            offset[axis] = sum(asks) / len(asks)
            continue
        for contact in contacts:
            anchor = _ANCHORS.get(contact.prop)
            target = None if anchor is None or axis == 1 else anchor[0 if axis == 0 else 1]
            if target is not None:
                points = site_points(body, contact.site)
                offset[axis] = target - sum(p[axis] for p in points) / len(points)
                break
    return body.moved((offset[0], offset[1], offset[2]))


def posed(pose: Pose) -> Body:
    """The body of *pose*, placed so that its contacts hold."""
    return _place(pose_body(pose.joints), pose.contacts)


# -- checks ------------------------------------------------------------------


def _angle_fields(joints: Joints) -> Iterator[tuple[str, str, str, int]]:
    """(label, limit name, JSON path in the joints, value) for every limited angle."""
    yield "trunk", "trunk", "trunk", joints.trunk
    yield "spine", "spine", "spine", joints.spine
    yield "neck", "neck", "neck", joints.neck
    yield "shoulders", "shoulders", "shoulders", joints.shoulders
    for label, key, arm in (
        ("arm", "arm", joints.arm),
        ("other arm", "other_arm", joints.other_arm),
    ):
        if arm is not None:
            for field in ("elevation", "plane", "elbow", "wrist"):
                yield f"{label} {field}", f"arm.{field}", f"{key}.{field}", getattr(arm, field)
    for label, key, leg in (
        ("leg", "leg", joints.leg),
        ("other leg", "other_leg", joints.other_leg),
    ):
        if leg is not None:
            for field in ("hip", "abduction", "knee", "ankle"):
                yield f"{label} {field}", f"leg.{field}", f"{key}.{field}", getattr(leg, field)


def _angle_problems(joints: Joints) -> Iterator[tuple[str, str]]:
    for label, limit, path, value in _angle_fields(joints):
        low, high = LIMITS[limit]
        if not low <= value <= high:
            yield path, f"{label} {value} is outside the normal range {low} to {high}"


def angle_problems(joints: Joints) -> list[str]:
    """Angles of *joints* outside the normal ranges of motion."""
    return [message for _, message in _angle_problems(joints)]


def problems(figure: Figure, pose: Pose) -> list[str]:
    """Everything wrong with *pose* of *figure*, in words; empty when it is right.

    Checks: the angles are within normal ranges of motion, every contact
    holds within :data:`TOLERANCE`, and no joint passes into a prop.
    """
    return [message for _, message in _pose_problems(figure, pose)]


def figure_problems(figure: Figure) -> list[tuple[str, str]]:
    """Everything wrong with *figure*: (JSON path inside the figure, message).

    The checks of :func:`problems`, for every pose: what a catalog's loader
    runs on each figure, so that a figure that cannot be drawn right never
    loads.
    """
    return [
        (f"poses[{index}]{'.' + path if path else ''}", f"pose {pose.name!r}: {message}")
        for index, pose in enumerate(figure.poses)
        for path, message in _pose_problems(figure, pose)
    ]


def _pose_problems(figure: Figure, pose: Pose) -> Iterator[tuple[str, str]]:
    angles = [(f"joints.{path}", message) for path, message in _angle_problems(pose.joints)]
    yield from angles
    if angles:  # a body bent out of range is placed nowhere sensible
        return
    body = posed(pose)
    for index, contact in enumerate(pose.contacts):
        error = contact_error(body, contact)
        if error > TOLERANCE:
            yield f"contacts[{index}]", f"contact {contact} misses by {error:.3f} of body height"
    for name, point in body.points.items():
        radius = point_radius(name)
        for prop in dict.fromkeys((*figure.props, Prop.FLOOR)):
            depth = _depth_inside(point, radius, prop)
            if depth > TOLERANCE:
                yield "", f"{name} is {depth:.3f} of body height inside the {prop.value}"


def _depth_inside(point: Vec, radius: float, prop: Prop) -> float:
    """How deep a ball at *point* reaches into *prop*; 0 when it stays out."""
    deepest = 0.0
    for box in PROP_BOXES[prop]:
        depth = math.inf
        for i in range(3):
            low, high = box.low[i], box.high[i]
            if low is not None:
                depth = min(depth, point[i] + radius - low)
            if high is not None:
                depth = min(depth, high - (point[i] - radius))
        deepest = max(deepest, depth)
    return deepest


# -- the view ----------------------------------------------------------------


#: How far a point's nearness shifts it on paper: (across, up) per unit of
#: nearness. A side view is turned a little, as if from in front and above,
#: so that the far arm and leg show beside the near ones; a back view
#: looks a little down, so that a body lying along the view line shows its
#: length; a front view is at eye level, so that a body lying face down,
#: seen from its head at floor height, shows its arms rising off the floor
#: (from above, "up the page" read as "toward the head": review round 9).
#: An oblique parallel projection: lengths across the view stay true, and
#: the same point always lands in the same place.
SKEW: dict[View, tuple[float, float]] = {
    View.SIDE: (-0.3, -0.13),
    View.PROFILE: (0.0, 0.0),
    View.FRONT: (0.0, 0.0),
    View.BACK: (0.0, -0.35),
    View.TOP: (0.0, 0.0),
}


def project(point: Vec, view: View) -> tuple[float, float, float]:
    """(across, up, nearness) of *point* seen from *view*; nearer is larger."""
    x, y, z = point
    if view in {View.SIDE, View.PROFILE}:
        across, up, near = x, y, z
    elif view is View.FRONT:
        across, up, near = -z, y, x
    elif view is View.BACK:
        across, up, near = z, y, -x
    else:
        across, up, near = x, -z, y
    skew_across, skew_up = SKEW[view]
    return across + skew_across * near, up + skew_up * near, near


@attrs.frozen
class Scene:
    """A posed figure and its props, ready to draw: everything in world units."""

    figure: Figure
    bodies: dict[str, Body]
    #: The figure's arrows by the pose they start from.
    arrows: dict[str, tuple[Arrow, ...]] = attrs.field(factory=dict)

    def arrows_from(self, pose: str) -> tuple[Arrow, ...]:
        """The arrows drawn on the pose called *pose*."""
        return self.arrows.get(pose, ())


def scene(figure: Figure) -> Scene:
    """Pose every key pose of *figure*."""
    arrows: dict[str, list[Arrow]] = {}
    for arrow in figure.arrows:
        arrows.setdefault(arrow.start, []).append(arrow)
    return Scene(
        figure,
        {pose.name: posed(pose) for pose in figure.poses},
        {name: tuple(found) for name, found in arrows.items()},
    )
