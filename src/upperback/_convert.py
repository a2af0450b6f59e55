"""The one cattrs converter: strict structuring, tidy JSON, readable errors.

cattrs is lenient by default: it calls ``int()`` and ``str()`` on whatever
it is given, so ``"3"`` becomes ``3`` and ``"12"`` becomes the tuple
``("1", "2")``. Catalog files are written by hand, so this converter
refuses every coercion instead, and turns cattrs' exception groups into
one :class:`~upperback.exceptions.Problem` per mistake, each with its JSON
path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType, UnionType
from typing import TYPE_CHECKING, Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ._gc import collector_paused
from .exceptions import DataError, Problem, UnknownVocabularyError, describe_json, key_path
from .model import (
    _SLUG,
    _TYPE_CHECKS,
    MAX_COUNT,
    MAX_STEP_LENGTH,
    Category,
    Equipment,
    Extra,
    FieldError,
    FieldTypeError,
    Position,
    Range,
    Region,
    Step,
    Vocabulary,
    _OpenVocabulary,
    _unknown,
    _Vocabulary,
    forbidden_character,
)
from .model import _name as _model_name
from .model import _non_empty as _model_non_empty
from .model import _optional_text as _model_optional_text
from .model import _slug as _model_slug
from .model import _text as _model_text
from .model import _unique as _model_unique

if TYPE_CHECKING:
    from .catalog import Catalog

__all__ = ["converter", "dumps", "loads", "problems_of", "structure", "unstructure"]

T = TypeVar("T")


_describe = describe_json
#: Making an instance without its ``__init__``, once its values are checked.
_new = object.__new__
_set = object.__setattr__


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an int, got {_describe(value)}")
    return value


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {_describe(value)}")
    bad = forbidden_character(value)
    if bad is not None:
        raise ValueError(f"expected visible text, got {bad}")
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_describe(value)}")
    return value


#: The catalog terms a document may use while it is structured: those its
#: own ``vocabulary`` declares (or the catalog passed to :func:`loads`), by
#: kind and slug. A context variable, so threads loading at once never mix.
_DECLARED: ContextVar[Mapping[type, Mapping[str, _Vocabulary]]] = ContextVar(
    "upperback_declared_terms", default=MappingProxyType({})
)

_VOCABULARY_FIELDS: tuple[tuple[str, type[_OpenVocabulary]], ...] = (
    ("equipment", Equipment),
    ("positions", Position),
    ("regions", Region),
    ("categories", Category),
)


def _structure_member(value: object, cls: type[_Vocabulary]) -> _Vocabulary:
    # The enum's own value map first: a dict lookup, where calling the class
    # goes through Enum.__new__ (a hot path: every exercise has several).
    member = cls._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member  # type: ignore[return-value]
    if not isinstance(value, str):
        raise TypeError(f"expected a {cls._kind()} slug, got {_describe(value)}")
    declared = _DECLARED.get().get(cls, {})
    term = declared.get(value)
    if term is not None:
        return term
    raise _unknown(cls, value, declared)


@contextlib.contextmanager
def declared_terms(vocabulary: Vocabulary) -> Iterator[None]:
    """Let the documents structured inside the block use *vocabulary*'s terms."""
    token = _DECLARED.set(
        {kind: {t.value: t for t in vocabulary.terms(kind)} for _, kind in _VOCABULARY_FIELDS}
    )
    try:
        yield
    finally:
        _DECLARED.reset(token)


def _declaration_hook(kind: type[_OpenVocabulary]) -> Callable[[object, type], _OpenVocabulary]:
    keys = {"id", "label", "labels"} | ({"warm_up"} if kind is Category else set())

    def structure_declaration(value: object, _: type) -> _OpenVocabulary:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object with an id and a label, got {_describe(value)}")
        unexpected = set(value) - keys
        if unexpected:
            raise ForbiddenExtraKeysError("", kind, unexpected)
        if "id" not in value:
            raise FieldError("id", "required key missing")
        labels = value.get("labels", {})
        if not isinstance(labels, dict):
            raise FieldTypeError("labels", f"expected an object, got {_describe(labels)}")
        if "warm_up" in value and not isinstance(value["warm_up"], bool):
            raise FieldTypeError(
                "warm_up", f"expected true or false, got {_describe(value['warm_up'])}"
            )
        return kind.custom(**value)

    return structure_declaration


def _structure_vocabulary(value: object, _: type) -> Vocabulary:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {_describe(value)}")
    fields: dict[str, tuple[_OpenVocabulary, ...]] = {}
    errors: list[Exception] = []
    unexpected = set(value) - {field for field, _kind in _VOCABULARY_FIELDS}
    if unexpected:
        errors.append(ForbiddenExtraKeysError("", Vocabulary, unexpected))
    for field, kind in _VOCABULARY_FIELDS:
        if field not in value:
            continue
        list_type = tuple[kind, ...]  # type: ignore[valid-type]
        try:
            fields[field] = _structure_items(value[field], list_type, _declaration_hook(kind))
        except Exception as exc:  # noqa: BLE001 - collected and re-raised below
            note = AttributeValidationNote(f"Structuring vocabulary @ {field}", field, list_type)
            setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
            errors.append(exc)
    if errors:
        raise ClassValidationError("While structuring Vocabulary", errors, Vocabulary)  # pyright: ignore[reportCallIssue]
    return Vocabulary(**fields)


def _unstructure_vocabulary(vocabulary: Vocabulary) -> dict[str, list[dict[str, object]]]:
    document: dict[str, list[dict[str, object]]] = {}
    for field, kind in _VOCABULARY_FIELDS:
        terms = vocabulary.terms(kind)
        if terms:
            document[field] = [_unstructure_term(term) for term in terms]
    return document


def _unstructure_term(term: _OpenVocabulary) -> dict[str, object]:
    written: dict[str, object] = {"id": term.value, "label": term.label}
    if term.labels:
        written["labels"] = dict(term.labels)
    if isinstance(term, Category):
        written["warm_up"] = term.warm_up
    return written


def _lenient_vocabulary(value: object) -> Vocabulary:
    """The terms a document declares, for structuring its exercises.

    Used only to look slugs up: a declaration with a mistake is reported by
    the strict pass, and its id still counts here, so one mistake is not
    reported again at every use.
    """
    with contextlib.suppress(Exception):  # the strict pass reports it
        return _structure_vocabulary(value, Vocabulary)
    fields: dict[str, list[_OpenVocabulary]] = {}
    if isinstance(value, dict):
        for field, kind in _VOCABULARY_FIELDS:
            items = value.get(field)
            seen: set[str] = set()
            for item in items if isinstance(items, list) else ():
                slug = item.get("id") if isinstance(item, dict) else None
                if not isinstance(slug, str) or slug in seen:
                    continue
                with contextlib.suppress(FieldError):
                    fields.setdefault(field, []).append(kind.custom(slug))
                    seen.add(slug)
    return Vocabulary(**fields)


def _structure_extra(value: object, _: type) -> Extra:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {_describe(value)}")
    return Extra.of(value)


def _is_homogeneous_tuple(type_: Any) -> bool:  # noqa: ANN401 - any type form
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_items(
    value: object,
    type_: Any,  # noqa: ANN401 - any type form
    item_hook: Callable[[Any, Any], Any],
    item_type: Any = None,  # noqa: ANN401 - any type form
) -> tuple[Any, ...]:
    """Structure the list *value* item by item, collecting every item's failure."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {_describe(value)}")
    if item_type is None:
        item_type = get_args(type_)[0]
    items: list[Any] = []
    append = items.append
    try:  # the common case: every item fits, so no note is needed
        for item in value:
            append(item_hook(item, item_type))
    except Exception:  # noqa: BLE001, S110 - that item, and those after it, are done again below
        pass
    else:
        return tuple(items)
    errors: list[Exception] = []
    for index, item in enumerate(value[len(items) :], len(items)):
        try:
            items.append(item_hook(item, item_type))
        except Exception as exc:  # noqa: BLE001 - collected and re-raised below
            notes = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(f"Structuring item {index}", index, item_type),
            ]
            setattr(exc, "__notes__", notes)  # noqa: B010 - add_note() is 3.11+
            errors.append(exc)
    if errors:
        message = f"While structuring {type_!r}"
        # cattrs' errors take (message, exceptions, type); pyright sees
        # only ExceptionGroup's two-argument constructor.
        raise IterableValidationError(message, errors, type_)  # pyright: ignore[reportCallIssue]
    return tuple(items)


def _tuple_hook(
    type_: Any,  # noqa: ANN401 - any type form
    conv: cattrs.Converter,
) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(type_)[0]
    item_hook = conv.get_structure_hook(item_type)
    if item_hook is _structure_member:
        return _members_hook(type_, item_type)

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        return _structure_items(value, type_, item_hook, item_type)

    return structure_tuple


def _members_hook(
    type_: Any,  # noqa: ANN401 - any type form
    kind: type[_Vocabulary],
) -> Callable[[object, type], tuple[Any, ...]]:
    """A list of terms: built-in slugs looked up all at once, as :func:`_structure_member` does."""
    find = kind._value2member_map_.get

    def structure_members(value: object, _: type) -> tuple[Any, ...]:
        if type(value) is list:
            try:
                found = tuple(map(find, value))
            except TypeError:  # an item that is not a slug (unhashable)
                found = (None,)
            if None not in found:
                return found
        return _structure_items(value, type_, _structure_member, kind)

    return structure_members


def _is_optional(type_: Any) -> bool:  # noqa: ANN401 - any type form
    """``X | None`` for one type X."""
    args = get_args(type_)
    return get_origin(type_) in (Union, UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(
    type_: Any,  # noqa: ANN401 - any type form
    conv: cattrs.Converter,
) -> Callable[[object, type], Any]:
    """``None``, or the one other type's hook, found once (cattrs looks it up at every call)."""
    inner = next(arg for arg in get_args(type_) if arg is not type(None))
    inner_hook = conv.get_structure_hook(inner)

    def structure_optional(value: object, _: type) -> Any:  # noqa: ANN401 - any type
        return None if value is None else inner_hook(value, inner)

    return structure_optional


def _is_keyed_records(type_: Any) -> bool:  # noqa: ANN401 - any type form
    """``Mapping[str, R]`` for an attrs class R: records keyed by id."""
    args = get_args(type_)
    return get_origin(type_) is Mapping and len(args) == 2 and args[0] is str and attrs.has(args[1])


class KeyedErrors(Exception):  # noqa: N818 - a carrier, never raised to users
    """The failures of some values of a mapping, each with its key."""

    def __init__(self, errors: list[tuple[str, Exception]]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} values failed")


def _keyed_records_hook(
    type_: Any,  # noqa: ANN401 - any type form
    conv: cattrs.Converter,
) -> Callable[[object, type], Mapping[str, Any]]:
    record_type = get_args(type_)[1]
    record_hook = conv.get_structure_hook(record_type)

    def structure_records(value: object, _: type) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_describe(value)}")
        records: dict[str, Any] = {}
        errors: list[tuple[str, Exception]] = []
        for key, item in value.items():
            try:
                records[key] = record_hook(item, record_type)
            except Exception as exc:  # noqa: BLE001 - collected and re-raised below
                errors.append((key, exc))
        if errors:
            raise KeyedErrors(errors)
        return MappingProxyType(records)

    return structure_records


#: attrs' own type checks, which the hooks have made already (see _value_checks).
_ATTRS_TYPE_CHECKS: tuple[type, ...] = (type(attrs.validators.instance_of(object)),)
_ATTRS_OPTIONAL: type = type(attrs.validators.optional(attrs.validators.instance_of(object)))


def _value_checks(validator: object) -> list[Callable[[Any, Any, Any], object]]:
    """The parts of a field's validator that check its value, not its type.

    On the load path the hooks have structured every value to its field's
    type, so checking the type again (``instance_of``, and the model's own
    type checks, listed in ``model._TYPE_CHECKS``) would
    only repeat work; the value checks (ranges, slugs, text rules, repeats)
    run once, here, with the model's own functions and messages.
    """
    if validator is None:
        return []
    parts = getattr(validator, "_validators", None)  # attrs' and_(), from a list of validators
    if isinstance(parts, tuple):
        return [check for part in parts for check in _value_checks(part)]
    if validator in _TYPE_CHECKS or isinstance(validator, _ATTRS_TYPE_CHECKS):
        return []
    if isinstance(validator, _ATTRS_OPTIONAL) and not _value_checks(
        getattr(validator, "validator", None)
    ):
        return []
    return [validator]  # type: ignore[list-item]


_ATTRS_DEEP_ITERABLE: type = type(
    attrs.validators.deep_iterable(attrs.validators.instance_of(object))
)

#: For the common hooks and checks, an expression (of the value ``{v}``)
#: that is true only when the hook would return the value as it is, or the
#: check would pass: the plain case is then decided in a few C calls, and
#: anything else goes to the hook or check itself, which words the error.
#: (``str.isprintable()`` is false for every character a text may not hold.)
_HOOK_ACCEPTS: dict[object, str] = {
    _strict_str: "type({v}) is str and {v}.isprintable()",
    _strict_bool: "{v} is True or {v} is False",
    _strict_int: "type({v}) is int",
}
_TEXT_ACCEPTS = "{v}.isprintable() and {v} != '' and {v}.strip() == {v}"
_CHECK_ACCEPTS: dict[object, str] = {
    _model_text: _TEXT_ACCEPTS,
    _model_name: f"{_TEXT_ACCEPTS} and {{v}}.isascii()",
    _model_optional_text: f"{{v}} is None or ({_TEXT_ACCEPTS})",
    _model_unique: "len(set({v})) == len({v})",
    _model_non_empty: "len({v}) > 0",
    _model_slug: "__slug({v}) is not None",
}


def _accepts(check: object) -> str | None:
    """The expression that passes *check*'s plain case, if there is one (see _CHECK_ACCEPTS)."""
    found = _CHECK_ACCEPTS.get(check)
    if found is None and isinstance(check, _ATTRS_DEEP_ITERABLE):
        member = _CHECK_ACCEPTS.get(getattr(check, "member_validator", None))
        if member is not None and getattr(check, "iterable_validator", None) is None:
            return "not {v} or all(" + member.format(v="x") + " for x in {v})"
    return found


def _supports_fast_path(cls: type[Any]) -> bool:
    """Whether :func:`_structure_fn` can make *cls* as its ``__init__`` would."""
    fields = attrs.fields(cls)
    return (
        not hasattr(cls, "__attrs_pre_init__")
        and not any(
            isinstance(f.default, attrs.Factory) and f.default.takes_self  # type: ignore[arg-type]
            for f in fields
        )
        and not any(f.alias != f.name for f in fields if f.init)
        and "__attrs_cached_hash" not in getattr(cls, "__slots__", ())
    )


def _structure_fn(cls: type[Any], conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """A structuring function for the attrs class *cls* that checks each value once.

    It reports failures exactly as cattrs' detailed structuring does (the
    same notes, the same groups), so that :func:`problems_of` words them
    the same; but it makes the instance without its ``__init__``, so that
    a value is not checked again after its hook has checked it. The value
    checks of each field's validator (see :func:`_value_checks`) and the
    class's ``__attrs_post_init__`` run once, in the order ``__init__``
    runs them. Public constructors still check everything.
    """
    if not _supports_fast_path(cls):
        return make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)
    attrs.resolve_types(cls)
    name = cls.__name__
    fields = attrs.fields(cls)
    names: dict[str, object] = {
        "__new": object.__new__,
        "__set": object.__setattr__,
        "__cls": cls,
        "__avn": AttributeValidationNote,
        "__cve": ClassValidationError,
        "__feke": ForbiddenExtraKeysError,
        "__known": frozenset(f.name for f in fields if f.init),
        "__slug": _SLUG.fullmatch,
    }
    lines = ["def structure(o, _=None):", "  errors = []"]
    made = ["  self = __new(__cls)"]
    checks = []
    for i, field in enumerate(fields):
        default = _default_expression(i, field, names)
        if not field.init:
            if default is not None:
                made.append(f"  __set(self, {field.name!r}, {default})")
            continue
        lines += _structuring_lines(i, field, default, conv=conv, names=names, name=name)
        made.append(f"  __set(self, {field.name!r}, v{i})")
        checks += _checking_lines(i, field, names)
    lines += [
        "  unknown = o.keys() - __known",
        "  if unknown:",
        "    errors.append(__feke('', __cls, set(unknown)))",
        f"  if errors: raise __cve('While structuring ' + {name!r}, errors, __cls)",
        *made,
    ]
    if hasattr(cls, "__attrs_post_init__"):
        checks.append("    self.__attrs_post_init__()")
    if checks:
        lines += [
            "  try:",
            *checks,
            "  except Exception as exc:",
            f"    raise __cve('While structuring ' + {name!r}, [exc], __cls)",
        ]
    lines.append("  return self")
    namespace: dict[str, Any] = {}
    source = "\n".join(lines)
    # Our own code, made from the class's fields, as cattrs and attrs do.
    exec(compile(source, f"<upperback structure {name}>", "exec"), names, namespace)  # noqa: S102
    structure: Callable[[Any, Any], Any] = namespace["structure"]
    return structure


def _default_expression(
    i: int, field: attrs.Attribute[Any], names: dict[str, object]
) -> str | None:
    """The expression of *field*'s default (a factory is called each time), or ``None``."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        names[f"__d{i}"] = default.factory  # type: ignore[union-attr]
        return f"__d{i}()"
    names[f"__d{i}"] = default
    return f"__d{i}"


def _structuring_lines(  # noqa: PLR0913 - the parts of one field's code
    i: int,
    field: attrs.Attribute[Any],
    default: str | None,
    *,
    conv: cattrs.Converter,
    names: dict[str, object],
    name: str,
) -> list[str]:
    """The code that structures *field* into ``v{i}``, noting a failure as cattrs does."""
    hook = conv.get_structure_hook(field.type)
    names[f"__h{i}"] = hook
    names[f"__t{i}"] = field.type
    where = f"Structuring class {name} @ attribute {field.name}"
    note = f"__avn({where!r}, {field.name!r}, __t{i})"
    plain = _HOOK_ACCEPTS.get(hook)
    structured = (
        [f"  v{i} = __h{i}(o[{field.name!r}], __t{i})"]
        if plain is None
        else [
            f"  v{i} = o[{field.name!r}]",
            f"  if not ({plain.format(v=f'v{i}')}):",
            f"    v{i} = __h{i}(v{i}, __t{i})",
        ]
    )
    attempt = [
        "try:",
        *structured,
        "except Exception as e:",
        f"  e.__notes__ = getattr(e, '__notes__', []) + [{note}]",
        "  errors.append(e)",
    ]
    if default is None:
        return [f"  {line}" for line in attempt]
    return [
        f"  if {field.name!r} in o:",
        *(f"    {line}" for line in attempt),
        "  else:",
        f"    v{i} = {default}",
    ]


def _checking_lines(i: int, field: attrs.Attribute[Any], names: dict[str, object]) -> list[str]:
    """The code that runs *field*'s value checks on ``v{i}``, the plain case inline."""
    lines = []
    for j, check in enumerate(_value_checks(field.validator)):
        names[f"__c{i}_{j}"] = check
        names[f"__a{i}"] = field
        plain = _accepts(check)
        call = f"__c{i}_{j}(self, __a{i}, v{i})"
        if plain is None:
            lines.append(f"    {call}")
        else:
            lines.append(f"    if not ({plain.format(v=f'v{i}')}): {call}")
    return lines


def _attrs_hook(cls: type[Any], conv: cattrs.Converter) -> Callable[[object, type], Any]:
    generated = _structure_fn(cls, conv)

    declares = any(field.type in (Vocabulary, "Vocabulary") for field in attrs.fields(cls))

    def structure_object(value: object, _: type) -> Any:  # noqa: ANN401 - any attrs class
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_describe(value)}")
        try:
            if declares and "vocabulary" in value:
                with declared_terms(_lenient_vocabulary(value["vocabulary"])):
                    return generated(value, cls)
            return generated(value, cls)
        except ClassValidationError as exc:
            more = _unreached_field_errors(cls, value, exc, conv)
            if more:
                errors = [*exc.exceptions, *more]
                raise ClassValidationError(exc.message, errors, cls) from None  # pyright: ignore[reportCallIssue]
            raise

    return structure_object


def _unreached_field_errors(
    cls: type[Any], value: dict[str, Any], exc: ClassValidationError, conv: cattrs.Converter
) -> list[FieldError]:
    """Run the validators that never ran because another field failed.

    attrs validates in ``__init__``, which cattrs does not call once any
    field has failed to structure. So ``{"reps": "10", "sets": 0}`` would
    report only the reps; this finds the sets too, so that one load
    reports every problem.
    """
    failed = {note.name for _, note in exc.group_exceptions()[0] if hasattr(note, "name")}
    if not failed:  # every field structured, so __init__ ran its validators
        return []
    errors: list[FieldError] = []
    for field in attrs.fields(cls):
        if field.name in failed or field.name not in value or field.validator is None:
            continue
        try:
            field.validator(None, field, conv.structure(value[field.name], field.type))
        except FieldError as error:
            errors.append(error)
        except Exception:  # noqa: BLE001, S112 - reported by the structuring that failed
            continue
    return errors


def _structure_range(value: object, _: type) -> Range:
    if type(value) is int and 1 <= value <= MAX_COUNT:  # the common case, checked here once
        made: Range = _new(Range)
        _set(made, "low", value)
        _set(made, "high", value)
        return made
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return Range.exact(value)
        except FieldError as exc:  # a bare number has no "low" to point at
            raise FieldError(None, str(exc)) from None
    if isinstance(value, dict):
        return _range_from_dict(value, Range)
    raise TypeError(f"expected a number or an object with low and high, got {_describe(value)}")


def _unstructure_range(value: Range) -> int | dict[str, int]:
    return value.low if value.is_exact else {"low": value.low, "high": value.high}


_STEP_TEXT = attrs.fields(Step).text
_STEP_CHECK: Callable[[object, attrs.Attribute[str], str], object] = _STEP_TEXT.validator  # type: ignore[assignment]


def _structure_step(value: object, _: type) -> Step:
    if not isinstance(value, str):
        raise TypeError(f"expected a step as text, got {_describe(value)}")
    if not (  # see _TEXT_ACCEPTS; and a step's length (model.MAX_STEP_LENGTH)
        value.isprintable()
        and value != ""
        and value.strip() == value
        and len(value) <= MAX_STEP_LENGTH
    ):
        _STEP_CHECK(None, _STEP_TEXT, value)  # Step's one check, with its message
    step: Step = _new(Step)
    _set(step, "text", value)
    return step


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date as YYYY-MM-DD, got {_describe(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _structure_timedelta(value: object, _: type) -> dt.timedelta:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"expected whole seconds >= 0, got {_describe(value)}")
    return dt.timedelta(seconds=value)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    # Type hooks dispatch on the class hierarchy: our string enums would
    # reach the str hook if _Vocabulary had none of its own.
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(_Vocabulary, _structure_member)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.timedelta, _structure_timedelta)
    conv.register_unstructure_hook(dt.timedelta, lambda td: int(td.total_seconds()))
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda t, c: _list_unstructurer(get_args(t)[0], c)
    )
    conv.register_structure_hook_factory(attrs.has, _attrs_hook)
    conv.register_structure_hook_factory(_is_optional, _optional_hook)
    conv.register_structure_hook(Range, _structure_range)
    conv.register_unstructure_hook(Range, _unstructure_range)
    # Classes that set __upperback_write_defaults__ are written in full.
    conv.register_unstructure_hook_factory(
        lambda t: attrs.has(t) and getattr(t, "__upperback_write_defaults__", False),
        lambda t, c: make_dict_unstructure_fn(t, c, _cattrs_omit_if_default=False),
    )
    conv.register_structure_hook(Step, _structure_step)
    conv.register_unstructure_hook(Step, lambda step: step.text)
    conv.register_structure_hook(Extra, _structure_extra)
    conv.register_unstructure_hook(Extra, Extra.to_json)
    conv.register_structure_hook(Vocabulary, _structure_vocabulary)
    conv.register_unstructure_hook(Vocabulary, _unstructure_vocabulary)
    conv.register_structure_hook_factory(_is_keyed_records, _keyed_records_hook)
    conv.register_unstructure_hook_factory(
        _is_keyed_records,
        lambda t, c: _mapping_unstructurer(get_args(t)[1], c),
    )
    return conv


def _mapping_unstructurer(
    item_type: Any,  # noqa: ANN401 - any type form
    conv: cattrs.Converter,
) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    item_hook = conv.get_unstructure_hook(item_type)
    return lambda value: {key: item_hook(item) for key, item in value.items()}


def _list_unstructurer(
    item_type: Any,  # noqa: ANN401 - any type form
    conv: cattrs.Converter,
) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_hook = conv.get_unstructure_hook(item_type)
    return lambda value: [item_hook(item) for item in value]


converter = _make_converter()
_range_from_dict: Callable[[Any, Any], Range] = _structure_fn(Range, converter)


def problems_of(exc: BaseException, path: str = "$", data: object = None) -> Iterator[Problem]:
    """Yield one :class:`Problem` for every failure inside *exc*.

    With the *data* that failed, each problem quotes the value at its path
    (for a missing key, the object that lacks it).
    """
    for problem in _problems_of(exc, path):
        if problem.input is None and data is not None:
            problem = attrs.evolve(problem, input=_value_at(data, problem.loc))  # noqa: PLW2901
        yield problem


def _problems_of(exc: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(exc, ClassValidationError | IterableValidationError | KeyedErrors):
        for sub, sub_path in _located(exc, path):
            yield from _problems_of(sub, sub_path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(_key_path(path, key), "unexpected key", code="extra_forbidden")
    elif isinstance(exc, DataError):
        yield from exc.problems
    elif isinstance(exc, FieldError):
        code = "wrong_type" if isinstance(exc, TypeError) else "invalid_value"
        yield Problem(f"{path}.{exc.field}" if exc.field else path, str(exc), code=code)
    elif isinstance(exc, UnknownVocabularyError):
        yield Problem(path, str(exc), code=exc.code)
    elif isinstance(exc, KeyError):
        yield Problem(path, "required key missing", code="missing")
    elif isinstance(exc, TypeError):
        yield Problem(path, str(exc), code="wrong_type")
    else:
        yield Problem(path, str(exc))


def _value_at(data: object, loc: tuple[str | int, ...]) -> object:
    """The value at *loc* in *data*, or at the deepest part of *loc* that is there."""
    for part in loc:
        found = (isinstance(data, dict) and isinstance(part, str) and part in data) or (
            isinstance(data, list | tuple) and isinstance(part, int) and part < len(data)
        )
        if not found:
            break
        data = data[part]  # type: ignore[index]
    return data


def _located(
    exc: ClassValidationError | IterableValidationError | KeyedErrors, path: str
) -> Iterator[tuple[BaseException, str]]:
    """The failures a group holds, each with the path where it is."""
    if isinstance(exc, KeyedErrors):
        for key, sub in exc.errors:
            yield sub, _key_path(path, key)
        return
    with_notes, without_notes = exc.group_exceptions()
    for sub, note in with_notes:
        if isinstance(note, IterableValidationNote):
            yield sub, f"{path}[{note.index}]"
        else:
            yield sub, f"{path}.{note.name}"
    for sub in without_notes:
        yield sub, path


_key_path = key_path


def _error_for(cls: type) -> type[DataError]:
    """The error for a failure to make *cls*: a class may name a narrower one."""
    error: type[DataError] = getattr(cls, "__upperback_error__", DataError)
    return error


def structure(data: object, cls: type[T], *, catalog: Catalog | None = None) -> T:
    """Check plain data and build an instance of *cls* from it, with the rules of :func:`loads`.

    *data* is what :func:`unstructure` returns, or what ``json.loads``
    gives: dicts with text keys, lists, text, whole numbers, finite
    floats, ``True``, ``False`` and ``None``. Nothing is coerced: ``"3"``
    is not a number and a string is not a list. As with :func:`loads`,
    *catalog* lets a document use that catalog's own terms.

    >>> import upperback
    >>> upperback.structure({"reps": {"low": 8, "high": 12}, "sets": 2}, upperback.Dosage)
    Dosage(reps=Range(low=8, high=12), sets=2, hold=None, frequency=None, per_side=False, load=None)

    Raises:
        DataError: The data does not describe a valid *cls*; every
            problem is listed with its JSON path. For a :class:`Catalog`
            it is a :class:`CatalogError`.

    .. versionadded:: 0.1.0
    """
    error = _error_for(cls)
    with collector_paused():
        odd = list(_not_json(data))
        if odd:
            raise error(odd)
        if catalog is None:
            return _structure(data, cls, error)
        with declared_terms(catalog.vocabulary):
            return _structure(data, cls, error)


def _structure(data: object, cls: type[T], error: type[DataError]) -> T:
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        if not _is_data_failure(exc):
            raise  # a bug of ours, not a problem of the data: never hide it as one
        raise error(list(problems_of(exc, data=data))) from None


#: The most values :func:`_not_json` reports: one bad value is usually many.
_MAX_ODD = 50


def _not_json(data: object) -> Iterator[Problem]:
    """Problems for each value of *data* that JSON cannot hold, with its path; iterative."""
    stack: list[tuple[str, object]] = [("$", data)]
    found = 0
    while stack and found < _MAX_ODD:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    stack.append((_key_path(path, key), item))
                else:
                    found += 1
                    yield Problem(
                        path,
                        f"expected text keys, got the key {_describe(key)}",
                        code="wrong_type",
                        input=key,
                    )
        elif isinstance(value, list | tuple):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            found += 1
            yield Problem(path, f"expected a number, got {value!r}", code="json_invalid")
        elif value is not None and not isinstance(value, str | int | float):
            found += 1
            yield Problem(
                path,
                f"expected a JSON value, got a {type(value).__name__}",
                code="wrong_type",
                input=repr(value),
            )


#: What the hooks and validators raise for data that does not fit: anything
#: else raised while structuring is a bug, and must not read as "$: ...".
_DATA_FAILURES = (
    TypeError,
    ValueError,
    KeyError,
    OverflowError,
    FieldError,
    DataError,
    ForbiddenExtraKeysError,
)


def _is_data_failure(exc: BaseException) -> bool:
    """Whether *exc*, and every failure grouped in it, says the data does not fit."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        return all(_is_data_failure(sub) for sub in exc.exceptions)
    if isinstance(exc, KeyedErrors):
        return all(_is_data_failure(sub) for _, sub in exc.errors)
    return isinstance(exc, _DATA_FAILURES)


def unstructure(obj: object) -> Any:  # noqa: ANN401 - any JSON value
    """Return *obj* as plain JSON values: the very data :func:`dumps` writes.

    Dicts with text keys, lists, text, numbers, ``True``, ``False`` and
    ``None``, ready for ``json.dumps``, a web framework's JSON
    response or a document database. :func:`structure` turns it back.
    *obj* may be any object :func:`dumps` takes.

    >>> import upperback
    >>> upperback.unstructure(upperback.load_catalog()["band-row"].dosage)
    {'reps': 15, 'sets': 2}

    Raises:
        TypeError: *obj* holds something that is not one of our types,
            a container of them or a JSON value; the error says where.

    .. versionadded:: 0.1.0
    """
    data = converter.unstructure(obj)
    odd = next(_not_json(data), None)
    if odd is not None:
        raise TypeError(f"cannot write {type(obj).__name__} as JSON: {odd}")
    return data


def dumps(obj: object, *, compact: bool = False) -> str:
    r"""Return *obj* as JSON text: sorted keys, two-space indent, final newline.

    *obj* may be any public model type (an :class:`~upperback.Exercise`,
    a :class:`~upperback.Dosage`, an enum member such as
    :attr:`~upperback.Equipment.WALL`, ...), a :class:`~upperback.Catalog`,
    a :class:`~upperback.Program` or its parts, an
    :class:`~upperback.Adjustment`, a :class:`~upperback.SearchResult`,
    and lists, tuples and dicts (with text keys) of any of these. Keys with
    default values are left out. The data is that of :func:`unstructure`.

    Letters of every language are written as they are; a character that
    does not show (a control, a bidi override, a lone surrogate...) is
    written as its ``\uXXXX`` escape, so printing the JSON cannot drive
    a terminal or reorder a line. The data is the same either way.

    Args:
        obj: What to write.
        compact: Write it on one line with no spaces and no final newline,
            for a network or a database; the keys are still sorted.

    Raises:
        TypeError: *obj* holds something JSON cannot hold.

    .. versionchanged:: 0.1.0
       The *compact* option.
    """
    data = converter.unstructure(obj)
    if compact:
        text = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
        return escape_unseen(text)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    return escape_unseen(text) + "\n"


#: Characters JSON text may hold raw but a reader must not get raw: DEL and
#: every character outside ASCII, each checked by :func:`_escape_if_unseen`.
_MAYBE_UNSEEN = re.compile("[^\x00-\x7e]|\x7f")
#: Unicode categories of characters that do not show: controls (C1 among
#: them), format characters (bidi overrides, zero-width characters), line
#: and paragraph separators, surrogates, private use, and unassigned code
#: points (noncharacters among them).
_UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def escape_unseen(text: str) -> str:
    r"""JSON *text* with every character that does not show written as a ``\uXXXX`` escape.

    Such characters can only be inside JSON strings (JSON's own syntax is
    ASCII), where the escape means the same character.
    """
    # str.isprintable() is false for every character escaped here (and for
    # a few that are kept, such as the no-break space): the common case is
    # one C call. json.dumps has escaped every other control but DEL already.
    if text.replace("\n", "").isprintable():
        return text
    return _MAYBE_UNSEEN.sub(_escape_if_unseen, text)


def _escape_if_unseen(match: re.Match[str]) -> str:
    char = match[0]
    if unicodedata.category(char) not in _UNSEEN_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def loads(
    text: str | bytes, cls: type[T], *, catalog: Catalog | None = None, name: str | None = None
) -> T:
    """Parse JSON *text* into an instance of *cls*, with the strict rules of the loader.

    A catalog file's terms are those it declares. An exercise or a program
    saved from a catalog with terms of its own loads with that *catalog*
    given, so that its terms are checked against the catalog's.

    Bytes must be UTF-8, without a byte order mark: the same rule as for
    catalog files. Numbers must be JSON numbers (``NaN`` and ``Infinity``
    are refused), no object may repeat a key, and nesting deeper than
    Python can parse is an error, not a crash.

    *name* names the text in error messages, such as the name of an
    uploaded file; the default names nothing. No size limit applies here:
    :func:`~upperback.load_catalog` reads bytes and files with one.

    Raises:
        DataError: The text is not JSON (the error says line and column)
            or does not describe a valid *cls*; every problem is listed.
    """
    error = _error_for(cls)
    try:
        with collector_paused():
            data = parse_json(text, error)
            if catalog is None:
                return _structure(data, cls, error)
            with declared_terms(catalog.vocabulary):
                return _structure(data, cls, error)
    except DataError as exc:
        if name is None:
            raise
        raise exc.with_source(name) from None


class _Object(dict[str, Any]):
    """A JSON object in which a key was repeated: :attr:`repeated` says which."""

    repeated: list[str]


def _pairs_hook(found: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that marks objects with a repeated key and notes it in *found*."""

    def pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        marked = _Object(obj)
        seen: set[str] = set()
        marked.repeated = []
        for key, _ in pairs:
            if key in seen:
                marked.repeated.append(key)
            seen.add(key)
        found.append(True)
        return marked

    return pairs_to_dict


def _refuse_constant(name: str) -> object:
    raise ValueError(f"expected a number, got {name}")


def parse_json(text: str | bytes, error: type[DataError] = DataError) -> object:
    """Parse JSON *text* strictly; raise *error* with a located problem otherwise."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem(
                "$",
                f"expected UTF-8 text, got an invalid byte at offset {exc.start}",
                code="json_encoding",
            )
            raise error([problem]) from None
    if text.startswith("\ufeff"):
        raise error(
            [
                Problem(
                    "$", "expected UTF-8 text without a byte order mark (BOM)", code="json_encoding"
                )
            ]
        )
    found: list[bool] = []
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs_hook(found), parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        problem = Problem(
            "$",
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
            code="json_invalid",
        )
        raise error([problem]) from None
    except RecursionError:
        problem = Problem("$", "invalid JSON: nested too deeply to read", code="json_invalid")
        raise error([problem]) from None
    except ValueError as exc:  # a number with too many digits, or NaN
        reason = str(exc)
        reason = reason if len(reason) <= 120 else reason[:117] + "..."
        raise error([Problem("$", f"invalid JSON: {reason}", code="json_invalid")]) from None
    if found:
        raise error(list(_repeated_keys(data)))
    return data


def _repeated_keys(data: object) -> Iterator[Problem]:
    """Find the objects marked by :func:`_pairs_hook`, with their paths; iterative."""
    stack: list[tuple[str, object]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _Object):
                for key in dict.fromkeys(value.repeated):
                    yield Problem(
                        _key_path(path, key),
                        "duplicate key: each key may appear once in an object",
                        code="duplicate_key",
                    )
            stack.extend((_key_path(path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
