"""Links to other articles inside a report: "Читайте также: «...»", "Read also: ...".

A news page (and an article copied from one) sets links to the outlet's other articles
between its paragraphs: a cue ("Чытайце таксама", "Читайте також", "Czytaj także",
"Read also") and the other article's headline. That headline tells of another train
("У Асіповічы прыбыў эшалон з 36 вагонаў") and, read as a sentence of the report, gave
its destination and count to the report's own second train (trial13 T2). A line that
opens with such a cue (lexicon key ``related_links``) is blanked before the report is
read: spaces of the same length, so every offset still points into the text as written.
"""

from __future__ import annotations

import re

from railtrack.extract.lexicon import lexicon

__all__ = ["blank_related_links"]

_LINE_START = re.compile(r"^[\s*_#>•·\-–—|]*", re.MULTILINE)
"""Markup and bullets a line may open with before its first word ("**Read also:**")."""

_AFTER_CUE = re.compile(r"\s*(?:[*_]+\s*)?(?:[:：\-–—»«\"“„>]|$)")
"""What follows a link cue: a colon, a dash, a quote or the line's end (a cue word used
in a sentence, "по теме переговоров", is no link)."""


def blank_related_links(text: str, lang: str) -> str:
    """Return ``text`` with each line that links to another article blanked.

    Parameters
    ----------
    text
        A report's text.
    lang
        Its language (one of :data:`railtrack.extract.lexicon.LANGUAGES`), whose
        ``related_links`` cues are looked for.

    Returns
    -------
    str
        The same text, of the same length, with every line that opens with a cue
        followed by a colon, dash or quote (or nothing) turned into spaces.

    Examples
    --------
    >>> text = "Two trains arrived.\\nRead also: Train with 36 cars arrives in Asipovichy\\nEnd."
    >>> blank_related_links(text, "en").splitlines()[1].strip()
    ''
    >>> len(blank_related_links(text, "en")) == len(text)
    True
    >>> blank_related_links("По теме переговоров эшелон не сказано.", "ru")
    'По теме переговоров эшелон не сказано.'
    """
    cue = lexicon(lang).related_links
    if cue is None:
        return text
    parts = []
    for line in text.splitlines(keepends=True):
        start = _LINE_START.match(line)
        at = start.end() if start else 0
        found = cue.match(line, at)
        if found is not None and _AFTER_CUE.match(line, found.end()):
            body = line.rstrip("\r\n")
            line = " " * len(body) + line[len(body) :]
        parts.append(line)
    return "".join(parts)
