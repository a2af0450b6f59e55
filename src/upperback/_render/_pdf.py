"""PDF handouts: the HTML handout, printed by WeasyPrint.

WeasyPrint is optional (the ``pdf`` extra): it is imported on the first PDF
render, never at import time. The PDF is made from the very HTML that the
``"html"`` format returns, so the two cannot drift apart; its print CSS
(``@page`` size and margins, cards that never split) is in ``style.css``.
"""

from __future__ import annotations

from typing import NoReturn

from upperback.exceptions import MissingExtraError

from ._view import Handout

__all__ = ["VARIANT", "render_pdf", "require_weasyprint"]

#: Tagged PDF for accessibility: screen readers follow the tags in order.
VARIANT = "pdf/ua-1"


def require_weasyprint() -> None:
    """Raise :class:`MissingExtraError` unless WeasyPrint can be imported.

    Raises:
        MissingExtraError: WeasyPrint (or a system library it loads, such
            as Pango) is missing.
    """
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401, PLC0415 - optional: only PDF needs it
    except ImportError:
        raise MissingExtraError("pdf", "weasyprint") from None
    except OSError as exc:  # WeasyPrint is there, Pango is not
        raise MissingExtraError("pdf", f"weasyprint (and Pango: {exc})") from None


def _no_fetching(url: str, *args: object, **kwargs: object) -> NoReturn:
    """Our handouts are self-contained: a template that links out fails loudly."""
    del args, kwargs
    msg = f"a handout must not load anything, but it asks for {url!r}"
    raise ValueError(msg)


def render_pdf(page: str, handout: Handout) -> bytes:
    """Print the HTML *page* of *handout* to a tagged PDF and return its bytes.

    The title comes from the page's ``<title>`` and the language from
    ``<html lang>``; the variant is PDF/UA-1.
    """
    import weasyprint  # noqa: PLC0415 - optional: only PDF needs it

    document = weasyprint.HTML(string=page, url_fetcher=_no_fetching)
    pdf = document.write_pdf(pdf_variant=VARIANT, pdf_tags=True, custom_metadata=False)
    if pdf is None:  # pragma: no cover - write_pdf returns bytes without a target
        msg = f"WeasyPrint returned no PDF for {handout.title!r}"
        raise RuntimeError(msg)
    return bytes(pdf)
