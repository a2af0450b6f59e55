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
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

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

if TYPE_CHECKING:
    from .catalog import Catalog

__all__ = ["converter", "dumps", "loads", "problems_of", "structure"]

T = TypeVar("T")


_describe = describe_json


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
) -> tuple[Any, ...]:
    """Structure the list *value* item by item, collecting every item's failure."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {_describe(value)}")
    item_type = get_args(type_)[0]
    items: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
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
    item_hook = conv.get_structure_hook(get_args(type_)[0])

    def structure_tuple(value: object, _: type) -> tuple[Any, ...]:
        return _structure_items(value, type_, item_hook)

    return structure_tuple


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


def _attrs_hook(cls: type[Any], conv: cattrs.Converter) -> Callable[[object, type], Any]:
    generated = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

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


def _structure_step(value: object, _: type) -> Step:
    if not isinstance(value, str):
        raise TypeError(f"expected a step as text, got {_describe(value)}")
    return Step(value)


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
_range_from_dict = make_dict_structure_fn(Range, converter, _cattrs_forbid_extra_keys=True)


def problems_of(exc: BaseException, path: str = "$") -> Iterator[Problem]:
    """Yield one :class:`Problem` for every failure inside *exc*."""
    if isinstance(exc, ClassValidationError | IterableValidationError | KeyedErrors):
        for sub, sub_path in _located(exc, path):
            yield from problems_of(sub, sub_path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(_key_path(path, key), "unexpected key")
    elif isinstance(exc, DataError):
        yield from exc.problems
    elif isinstance(exc, FieldError):
        yield Problem(f"{path}.{exc.field}" if exc.field else path, str(exc))
    elif isinstance(exc, KeyError) and not isinstance(exc, UnknownVocabularyError):
        yield Problem(path, "required key missing")
    else:
        yield Problem(path, str(exc))


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


def structure(data: object, cls: type[T]) -> T:
    """Structure plain data into *cls*, strictly.

    Raises:
        DataError: listing every problem, each with its JSON path.
    """
    error = _error_for(cls)
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        if not _is_data_failure(exc):
            raise  # a bug of ours, not a problem of the data: never hide it as one
        raise error(list(problems_of(exc))) from None


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


def dumps(obj: object) -> str:
    """Return *obj* as JSON text: sorted keys, two-space indent, final newline.

    Works for every public model type, a :class:`~upperback.Catalog` and a
    :class:`~upperback.Program`. Keys with default values are left out.
    """
    return (
        json.dumps(converter.unstructure(obj), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )


def loads(text: str | bytes, cls: type[T], *, catalog: Catalog | None = None) -> T:
    """Parse JSON *text* into an instance of *cls*, with the strict rules of the loader.

    A catalog file's terms are those it declares. An exercise or a program
    saved from a catalog with terms of its own loads with that *catalog*
    given, so that its terms are checked against the catalog's.

    Bytes must be UTF-8, without a byte order mark: the same rule as for
    catalog files. Numbers must be JSON numbers (``NaN`` and ``Infinity``
    are refused), no object may repeat a key, and nesting deeper than
    Python can parse is an error, not a crash.

    Raises:
        DataError: The text is not JSON (the error says line and column)
            or does not describe a valid *cls*; every problem is listed.
    """
    error = _error_for(cls)
    with collector_paused():
        data = parse_json(text, error)
        if catalog is None:
            return structure(data, cls)
        with declared_terms(catalog.vocabulary):
            return structure(data, cls)


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
                "$", f"expected UTF-8 text, got an invalid byte at offset {exc.start}"
            )
            raise error([problem]) from None
    if text.startswith("\ufeff"):
        raise error([Problem("$", "expected UTF-8 text without a byte order mark (BOM)")])
    found: list[bool] = []
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs_hook(found), parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        problem = Problem("$", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        raise error([problem]) from None
    except RecursionError:
        problem = Problem("$", "invalid JSON: nested too deeply to read")
        raise error([problem]) from None
    except ValueError as exc:  # a number with too many digits, or NaN
        reason = str(exc)
        reason = reason if len(reason) <= 120 else reason[:117] + "..."
        raise error([Problem("$", f"invalid JSON: {reason}")]) from None
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
                        _key_path(path, key), "duplicate key: each key may appear once in an object"
                    )
            stack.extend((_key_path(path, k), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
