"""HTML handouts, from Jinja2 templates shipped with the package.

Jinja2 is optional (the ``html`` extra): it is imported here, on the first
HTML render, and never at import time.
"""

from __future__ import annotations

import functools
import html
import os
from pathlib import Path
from typing import TYPE_CHECKING

from upperback.exceptions import MissingExtraError, TemplateError

from ._options import DEFAULT_OPTIONS, HandoutOptions
from ._view import Handout

if TYPE_CHECKING:
    import jinja2

__all__ = ["TEMPLATE", "render_html", "unescape"]

#: The template a handout starts from; the others are included by it.
TEMPLATE = "handout.html"


def _require_jinja() -> None:
    try:
        import jinja2  # noqa: F401, PLC0415 - optional: only HTML needs it
    except ImportError:
        raise MissingExtraError("html", "jinja2") from None


#: The CSS name of each paper size, for ``@page { size: ... }``.
_PAGE_SIZES = {"letter": "letter", "a4": "A4"}


def render_html(
    handout: Handout,
    template_dir: str | os.PathLike[str] | None = None,
    options: HandoutOptions = DEFAULT_OPTIONS,
) -> str:
    """Return *handout* as one self-contained HTML page.

    *options* chooses the paper size and large print; the templates get
    them as ``page.size`` (``"letter"`` or ``"A4"``) and ``page.large``.

    Raises:
        MissingExtraError: Jinja2 is not installed.
        NotADirectoryError: *template_dir* is not a directory.
    """
    _require_jinja()
    folder = None
    if template_dir is not None:
        folder = Path(template_dir)
        if not folder.is_dir():
            raise NotADirectoryError(
                f"template_dir: {os.fspath(template_dir)!r} is not a directory"
            )
        folder = folder.resolve()
    import jinja2  # noqa: PLC0415 - optional: only HTML needs it

    try:
        return (
            _environment(folder)
            .get_template(TEMPLATE)
            .render(
                handout=handout,
                labels=handout.labels,
                page={"size": _PAGE_SIZES[options.paper], "large": options.large_print},
            )
        )
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(exc.message or "syntax error", exc.name, exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"no template named {exc.name!r}") from None
    except jinja2.TemplateError as exc:  # undefined names, the sandbox's refusals
        raise TemplateError(exc.message or type(exc).__name__) from None


def unescape(output: str) -> str:
    """Return the text of *output* with character references decoded."""
    return html.unescape(output)


@functools.lru_cache(maxsize=8)
def _environment(template_dir: Path | None) -> jinja2.Environment:
    import jinja2  # noqa: PLC0415 - optional: only HTML needs it
    import jinja2.sandbox  # noqa: PLC0415

    ours = jinja2.PackageLoader("upperback._render", "templates")
    loader: jinja2.BaseLoader = ours
    environment: type[jinja2.Environment] = jinja2.Environment
    if template_dir is not None:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(template_dir), ours])
        # Templates from elsewhere run in Jinja2's sandbox: no access to
        # Python internals. It is not a wall against every harm (a template
        # can still loop for long), so use only templates you trust.
        environment = jinja2.sandbox.SandboxedEnvironment
    return environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
