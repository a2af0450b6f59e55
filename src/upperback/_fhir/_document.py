"""A rendered HTML handout as a FHIR R4 ``DocumentReference``."""

from __future__ import annotations

import base64
import datetime as dt

from upperback._i18n import SOURCE_LOCALE, translations

from ._base import JSON, narrative

__all__ = ["document_reference"]


def document_reference(
    handout_html: str,
    *,
    title: str,
    patient: str | None,
    date: dt.datetime | None,
    locale: str = SOURCE_LOCALE,
) -> JSON:
    """Return the handout as a DocumentReference with the HTML as base64 data."""
    t = translations(locale)
    data = base64.b64encode(handout_html.encode("utf-8")).decode("ascii")
    return {
        "resourceType": "DocumentReference",
        "text": narrative(title, [t.gettext("A printable handout of the plan, as an HTML page.")]),
        "status": "current",
        "subject": {"reference": patient} if patient else None,
        "date": date.isoformat() if date is not None else None,
        "description": title,
        "content": [
            {
                "attachment": {
                    "contentType": "text/html",
                    "language": None if locale == SOURCE_LOCALE else locale,
                    "data": data,
                    "title": title,
                }
            }
        ],
    }
