"""PDF handouts: the HTML handout, printed by WeasyPrint.

WeasyPrint is optional (the ``pdf`` extra): it is imported on the first PDF
render, never at import time. The PDF is made from the very HTML that the
``"html"`` format returns, so the two cannot drift apart; its print CSS
(``@page`` size and margins, cards that never split) is in ``style.css``.
"""

from __future__ import annotations

import functools
from typing import Any, NoReturn

from upperback.exceptions import MissingExtraError, TemplateError, short_repr

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


@functools.cache
def _no_fetching() -> tuple[Any, type[BaseException]]:
    """A WeasyPrint URL fetcher that refuses every URL, and the error it stops with.

    WeasyPrint (70 and later) takes a :class:`weasyprint.urls.URLFetcher`;
    an error that derives from its ``FatalURLFetchingError`` stops the
    rendering instead of becoming a warning. A plain function, as earlier
    versions took, failed there with an ``AttributeError``.
    """
    from weasyprint.urls import (  # type: ignore[import-untyped]  # noqa: PLC0415
        FatalURLFetchingError,
        URLFetcher,
    )

    class FetchRefusedError(FatalURLFetchingError):  # type: ignore[misc]  # untyped base
        """Carries the refused URL out of WeasyPrint, which catches ordinary errors."""

        def __init__(self, url: str) -> None:
            self.url = url
            super().__init__(url)

    class NoFetching(URLFetcher):  # type: ignore[misc]  # untyped base
        def fetch(self, url: str, headers: object = None) -> NoReturn:
            del headers
            raise FetchRefusedError(url)

    return NoFetching(), FetchRefusedError


def render_pdf(page: str, handout: Handout) -> bytes:
    """Print the HTML *page* of *handout* to a tagged PDF and return its bytes.

    The title comes from the page's ``<title>`` and the language from
    ``<html lang>``; the variant is PDF/UA-1.

    Raises:
        TemplateError: The page asks to load something (an image, a style
            sheet, a font): only a template from ``template_dir`` can.
    """
    import weasyprint  # noqa: PLC0415 - optional: only PDF needs it

    fetcher, refused = _no_fetching()
    try:
        document = weasyprint.HTML(string=page, url_fetcher=fetcher)
        pdf = document.write_pdf(pdf_variant=VARIANT, pdf_tags=True, custom_metadata=False)
    except refused as exc:
        url = getattr(exc, "url", "")
        raise TemplateError(
            f"a handout must not load anything, but it asks for {short_repr(url)}"
        ) from None
    if pdf is None:  # pragma: no cover - write_pdf returns bytes without a target
        msg = f"WeasyPrint returned no PDF for {handout.title!r}"
        raise RuntimeError(msg)
    return bytes(pdf)
