"""Saved web pages: an article saved from a browser read as a free-text report.

Journalists and analysts keep the reports they follow the way the browser saves
them: ``.html`` (or ``.htm``) pages with menus, comments and related links around
the article. The article's own text, its publication date and its address are what
railtrack needs; finding them in a news page is what `trafilatura`_ is built and
evaluated for (main-text extraction with boilerplate removal, dates from the page's
metadata by htmldate), so railtrack uses it rather than rules of its own.

:func:`web_page_text` returns the page as a text report: ``key: value`` header lines
(``url`` the page's canonical address, ``published`` its publication day,
``relayed_by`` the site's name, from the page's metadata or else from the end of
its ``<title>``, :func:`title_site`) above the article's text, so the free-text reader
reads it as it reads a ``.txt`` report. Evidence offsets count in that text (what
``railtrack extract`` shows), not in the page's HTML.

.. _trafilatura: https://trafilatura.readthedocs.io/
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ["WEB_SUFFIXES", "NoArticle", "cited_reporter", "title_site", "web_page_text"]

WEB_SUFFIXES = (".html", ".htm")
"""File endings of saved web pages (a Telegram export's ``messages.html`` excepted)."""


class NoArticle(ValueError):
    """A web page in which no article text was found (a menu, an index, an empty page).

    Examples
    --------
    >>> web_page_text("<html><body></body></html>")
    Traceback (most recent call last):
        ...
    railtrack.io.webpage.NoArticle: page: a web page with no article text found; skipped
    """


# the site's name after the headline in a page's <title>: "... — Зеркало", "... - Onet",
# "... | Reuters" (a spaced dash, bar, bullet or guillemet before it)
_TITLE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-–—|·•»:]{1,2}\s+(?P<site>[^-–—|·•»:]+)$")
_SITE_WORDS = 4
"""The most words a site's name after a title's separator has ("The Kyiv Independent")."""


def title_site(html: str) -> str | None:
    """Return the site's name a page's ``<title>`` ends with ("... — Зеркало"), or None.

    A browser's title is the headline, a separator and the site (``og:site_name``
    is not always there). The part after the last spaced dash, bar or bullet is the
    site when it is a short name (at most four words, no full stop at its end) and
    the part before it is longer.

    Parameters
    ----------
    html
        The page's HTML.

    Returns
    -------
    str or None
        The site's name as written.

    Examples
    --------
    >>> title_site("<html><head><title>Эшелоны прибыли в Борисов — Зеркало</title></head></html>")
    'Зеркало'
    >>> title_site("<title>Two trains reached Brest | Reuters</title>")
    'Reuters'
    >>> title_site("<title>Trains - what we know</title>") is None
    True
    """
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        title = lxml_html.fromstring(html).findtext(".//title")
    except (ParserError, ValueError):
        return None
    match = _TITLE_SUFFIX.match(" ".join((title or "").split()))
    if match is None:
        return None
    site, head = match["site"].strip(), match["head"].strip()
    words = site.split()
    if not words or len(words) > _SITE_WORDS or site.endswith((".", "?", "!")):
        return None
    if len(head) <= len(site) or site[0].islower():
        return None
    return site


def _header_value(value: object) -> str | None:
    """Return a metadata value fit for one header line (no line breaks), or None."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# A verb (or phrase) of citing in the five languages, then the outlet cited: a name in
# quotes, else up to four capitalised words (trial F121: "сообщает «Беларускі Гаюн»",
# "reports Belarusian Hajun", "podaje Biełaruski Hajun").
_CITING = (
    r"(?:сообщает|сообщил[аи]?|пишет|передает|передаёт|по\s+данным|по\s+информации"
    r"|повідомляє|повідомив|повідомила|повідомили|пише|за\s+даними|за\s+інформацією"
    r"|паведамляе|паведаміў|паведаміла|паведамілі|піша|паводле|па\s+звестках"
    r"|podaje|podał[ay]?|informuje|poinformował[ay]?|pisze|według|za"
    r"|reports|reported|according\s+to|said|says|writes|wrote)"
)
_NAME = r"(?:[A-ZА-ЯЁІЇЄЎҐŁŚŻŹĆŃÓ][\w'’-]*)(?: [A-ZА-ЯЁІЇЄЎҐŁŚŻŹĆŃÓ][\w'’-]*){0,3}"
# What the outlet is, said between the verb and its name ("сообщает мониторинговая
# группа «Беларускі Гаюн»", "podaje projekt monitoringowy", "the Belarusian Hajun
# monitoring group reported"): lower-case words of a group, a project, a channel, a
# community or monitoring, one to three of them, in any case form (trial11 T14).
_DESCRIPTOR_WORD = (
    r"(?:мониторинг\w*|моніторинг\w*|маніторынг\w*|monitoring\w*|групп?\w*|grup\w*|group"
    r"|проект\w*|проєкт\w*|праект\w*|projekt\w*|project|канал\w*|kanał\w*|kanal\w*|channel"
    r"|телеграм\w*|Телеграм\w*|telegram\w*|Telegram|сообществ\w*|спільнот\w*|супольнасц\w*|społeczności?"
    r"|community|инициатив\w*|ініціатив\w*|ініцыятыв\w*|inicjatyw\w*|initiative"
    r"|независим\w*|незалежн\w*|niezależn\w*|independent|волонтер\w*|валанцёр\w*|wolontari\w*"
    r"|volunteer|беларуск\w*|белорусск\w*|білоруськ\w*|białorusk\w*|belarusian)"
)
_DESCRIPTOR = rf"(?:(?-i:(?:{_DESCRIPTOR_WORD}))[\s-]+){{1,3}}"
_CITED = re.compile(
    rf"(?<!\w){_CITING}\s*[:,]?\s+(?:the\s+)?(?P<desc>{_DESCRIPTOR})?"
    rf"(?:«(?P<q1>[^»\n]{{2,60}})»|„(?P<q2>[^”“\"\n]{{2,60}})[”“\"]|\"(?P<q3>[^\"\n]{{2,60}})\""
    rf"|(?P<bare>{_NAME}))"
)
_CITED_BEFORE = re.compile(
    rf"(?P<bare>{_NAME})\s+(?P<desc>{_DESCRIPTOR})?(?:reported|reports|wrote|writes)\b"
)


def cited_reporter(text: str) -> str | None:
    """Return the outlet an article cites as the source of its news, else None.

    The first name cited with a verb of reporting ("сообщает «Беларускі Гаюн»",
    "reports Belarusian Hajun", "podaje Biełaruski Hajun", "according to the
    Belarusian Hajun", "Belarusian Hajun reported"); one word starting a sentence
    is not taken for a name.

    Parameters
    ----------
    text
        The article's text.

    Returns
    -------
    str or None
        The outlet's name as written (quotes dropped).

    Examples
    --------
    >>> cited_reporter("Эшелон вышел из Орши, сообщает «Беларускі Гаюн».")
    'Беларускі Гаюн'
    >>> cited_reporter("A train left Orsha, reports Belarusian Hajun.")
    'Belarusian Hajun'
    >>> cited_reporter("Pociąg wyjechał z Orszy, podaje Biełaruski Hajun.")
    'Biełaruski Hajun'
    >>> cited_reporter("Belarusian Hajun reported a train.")
    'Belarusian Hajun'
    >>> cited_reporter("A train arrived, the Belarusian Hajun monitoring group reported.")
    'Belarusian Hajun'
    >>> cited_reporter("Эшелон прибыл, сообщает мониторинговая группа «Беларускі Гаюн».")
    'Беларускі Гаюн'
    >>> cited_reporter("A train left Orsha on 6 March.") is None
    True
    """
    for pattern in (_CITED, _CITED_BEFORE):
        for found in pattern.finditer(text):
            name = next(
                (found.group(g) for g in ("q1", "q2", "q3", "bare") if found.groupdict().get(g)),
                None,
            )
            if name is None:
                continue
            name = " ".join(name.strip(" .,;:").split())
            # a bare single word could be any capitalised word: not a name, unless
            # the text says what it is ("the Hajun monitoring group reported")
            if found.groupdict().get("bare") and " " not in name and not found.group("desc"):
                continue
            if name:
                return name
    return None


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
        ``source`` (the outlet the article cites, :func:`cited_reporter`), ``url``,
        ``published`` (YYYY-MM-DD) and ``relayed_by`` header lines, where the text
        and the page's metadata give them, then the article's title and text.

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
    >>> text.splitlines()[:4]  # doctest: +NORMALIZE_WHITESPACE
    ['source: Belarusian Hajun', 'url: https://example.org/news/1', 'published: 2023-01-12',
     'relayed_by: example.org']
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
        "source": _header_value(cited_reporter(text)),
        "url": _header_value(page.get("url")),
        "published": _header_value(page.get("date")),
        "relayed_by": _header_value(
            page.get("sitename") or page.get("hostname") or title_site(html)
        ),
    }
    lines = [f"{key}: {value}" for key, value in header.items() if value]
    title = _header_value(page.get("title"))
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    # the headline is a paragraph of its own (it ends with no full stop: read on one
    # line with the lead, "два эшелона" and the first train became one sentence)
    body = f"{title}\n\n{text}" if title else text
    return "\n".join([*lines, "", body]) if lines else body
