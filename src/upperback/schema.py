"""JSON Schemas (draft 2020-12) for catalog files, content files, programs and sessions.

The schemas ship as files in ``upperback/data/schema/`` for tools in any
language; :func:`json_schema` returns them as Python dicts. A schema checks
the structure of a document. The loader checks more: unique ids and names,
references that resolve, progressions without cycles, and ``low <= high``
in ranges, rules JSON Schema cannot say.
"""

from __future__ import annotations

import difflib
import functools
import json
from typing import Any, Literal

from ._resources import read_data
from .exceptions import UnknownVocabularyError

__all__ = ["SCHEMA_NAMES", "json_schema"]

#: The names :func:`json_schema` knows.
SCHEMA_NAMES: tuple[str, ...] = ("catalog", "content", "program", "session", "log")


@functools.cache
def _read(name: str) -> str:
    return read_data("schema", f"{name}.schema.json").decode("utf-8")


def json_schema(
    name: Literal["catalog", "content", "program", "session", "log"] | str,  # noqa: PYI051
) -> dict[str, Any]:
    """Return the JSON Schema for catalog files, content files or programs.

    The names are ``"catalog"``, ``"content"`` (the words of a catalog in
    another language, see :doc:`/languages`), ``"program"``,
    ``"session"`` (a guided session) and ``"log"`` (what was done; see
    :doc:`/sessions` for both).

    Each call returns a fresh copy, so changing it changes nothing else.

    Raises:
        UnknownVocabularyError: *name* is not one of those.

    .. versionadded:: 0.1.0
    """
    if name not in SCHEMA_NAMES:
        close = difflib.get_close_matches(str(name), SCHEMA_NAMES, n=1, cutoff=0.5)
        raise UnknownVocabularyError("schema", name, SCHEMA_NAMES, close)
    schema: dict[str, Any] = json.loads(_read(name))  # parsing makes a fresh copy
    return schema
