"""Saved web pages: an article saved from a browser read as a free-text report.

Journalists and analysts keep the reports they follow the way the browser saves
them: ``.html`` (or ``.htm``) pages with menus, comments and related links around
the article. The article's own text, its publication date and its address are what
railtrack needs; finding them in a news page is what `trafilatura`_ is built and
evaluated for (main-text extraction with boilerplate removal, dates from the page's
metadata by htmldate), so railtrack uses it rather than rules of its own.

:func:`web_page_text` returns the page as a text report: ``key: value`` header lines
(``url`` the page's canonical address, ``published`` its publication day,
``relayed_by`` the site's name) above the article's text, so the free-text reader
reads it as it reads a ``.txt`` report. Evidence offsets count in that text (what
``railtrack extract`` shows), not in the page's HTML.

.. _trafilatura: https://trafilatura.readthedocs.io/
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["WEB_SUFFIXES", "NoArticle", "web_page_text"]

WEB_SUFFIXES = (".html", ".htm")
"""File endings of saved web pages (a Telegram export's ``messages.html`` excepted)."""


class NoArticle(ValueError):
    """A web page in which no article text was found (a menu, an index, an empty page)."""


def _header_value(value: object) -> str | None:
    """Return a metadata value fit for one header line (no line breaks), or None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def web_page_text(html: str, *, name: str | Path = "page") -> str:
    """Return a saved web page as a text report: header lines, a blank line, the article.

    Parameters
    ----------
    html
        The page's HTML, decoded.
    name
        The file's name, for the error message.

    Returns
    -------
    str
        ``url``, ``published`` (YYYY-MM-DD) and ``relayed_by`` header lines, where
        the page's metadata gives them, then the article's title and text.

    Raises
    ------
    NoArticle
        When the page holds no article text (trafilatura finds no main content).

    Examples
    --------
    >>> page = '''<html><head><meta property="article:published_time"
    ...   content="2023-01-12T10:00:00+03:00"><link rel="canonical"
    ...   href="https://example.org/news/1"></head><body><nav>Home | World</nav>
    ...   <article><h1>Echelon</h1><p>A train of 48 cars left Chepino for Rossosh on
    ...   11 January 2023, Belarusian Hajun reported.</p></article></body></html>'''
    >>> text = web_page_text(page)
    >>> text.splitlines()[:3]
    ['url: https://example.org/news/1', 'published: 2023-01-12', 'relayed_by: example.org']
    >>> "A train of 48 cars left Chepino for Rossosh" in text
    True
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True
    )
    page: dict[str, Any] = (
        {} if found is None else found if isinstance(found, dict) else found.as_dict()
    )
    text = str(page.get("text") or "")
    if not text.strip():
        msg = f"{Path(name).name}: a web page with no article text found; skipped"
        raise NoArticle(msg)
    header = {
        "url": _header_value(page.get("url")),
        "published": _header_value(page.get("date")),
        "relayed_by": _header_value(page.get("sitename") or page.get("hostname")),
    }
    lines = [f"{key}: {value}" for key, value in header.items() if value]
    title = _header_value(page.get("title"))
    body = text if not title or text.startswith(title) else f"{title}\n{text}"
    return "\n".join([*lines, "", body]) if lines else body
