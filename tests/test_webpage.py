"""Saved web pages, extensionless files and looping links in a folder (trial F47)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from railtrack import load_reports
from railtrack.io.webpage import NoArticle, web_page_text

# Written here in the shape of a news page that relays a Hajun post: a menu, the
# article (headline, lead, the report's sentence) and a footer of related links.
PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Эшелон | Новости</title>
<meta property="article:published_time" content="2023-01-12T09:30:00+03:00">
<meta property="og:site_name" content="Пример Новости">
<link rel="canonical" href="https://news.example.org/2023/01/12/eshelon"></head>
<body><nav><a href="/">Главная</a> | <a href="/world">В мире</a> | <a href="/sport">Спорт</a></nav>
<article><h1>В Россошь ушёл эшелон с техникой</h1>
<p>Эшелон из 48 вагонов отправился со станции Чепино в Россошь 11 января 2023 года,
сообщил «Беларускі Гаюн». В составе были платформы с бронетехникой.</p></article>
<aside><ul><li><a href="/a">Курс валют на сегодня</a></li>
<li><a href="/b">Погода</a></li></ul></aside>
<footer>© 2023 Пример Новости</footer></body></html>
"""


def test_page_text_has_the_article_and_its_metadata() -> None:
    text = web_page_text(PAGE)
    header, _, body = text.partition("\n\n")
    assert header.splitlines() == [
        "source: Беларускі Гаюн",  # the outlet the article cites (trial F121)
        "url: https://news.example.org/2023/01/12/eshelon",
        "published: 2023-01-12",
        "relayed_by: Пример Новости",
    ]
    assert "Эшелон из 48 вагонов" in body
    assert "Курс валют" not in body
    assert "Главная" not in body


def test_a_page_with_no_article_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(NoArticle, match="no article text"):
        web_page_text("<html><head><title></title></head><body></body></html>")
    (tmp_path / "menu.html").write_text("<html><body></body></html>", "utf-8")
    reports = load_reports(tmp_path)
    assert [p.message for p in reports.problems] == [
        "a web page with no article text found; skipped"
    ]


def test_a_saved_page_in_a_folder_is_read_as_a_report(tmp_path: Path) -> None:
    (tmp_path / "article.html").write_text(PAGE, "utf-8")
    (tmp_path / "notes.txt").write_text("Nothing about trains today.", "utf-8")
    reports = load_reports(tmp_path)
    (ship,) = reports.shipments
    assert ship.cars.total == 48
    assert str(ship.source.published) == "2023-01-12"
    assert ship.source.url == "https://news.example.org/2023/01/12/eshelon"
    assert ship.source.relayed_by == "Пример Новости"
    assert ship.departure is not None
    assert str(ship.departure.earliest) == "2023-01-11"


def test_extensionless_text_and_looping_links_are_named(tmp_path: Path) -> None:
    (tmp_path / "NOEXT").write_text("Эшелон из 30 вагонов прибыл в Осиповичи.", "utf-8")
    (tmp_path / "photo").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")  # not text: silent
    (tmp_path / "README").write_text("What this folder holds.", "utf-8")  # skipped by name
    os.symlink(tmp_path / "lb", tmp_path / "la")
    os.symlink(tmp_path / "la", tmp_path / "lb")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling")
    problems = {Path(p.path).name: p.message for p in load_reports(tmp_path).problems}
    assert set(problems) == {"NOEXT", "la", "lb", "dangling"}
    assert problems["NOEXT"].startswith("a text file with no file extension; not read")
    assert problems["la"] == "a symbolic link that loops (it leads back to itself); skipped"
    assert problems["dangling"] == "a symbolic link to nothing (dangling); skipped"


def test_cli_names_a_looping_link_given_as_the_input(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    run = subprocess.run(
        [sys.executable, "-m", "railtrack", "load", str(tmp_path / "a"), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "no such file" not in run.stderr
    assert "loops" in run.stderr + run.stdout


def test_extract_reads_a_saved_page(tmp_path: Path) -> None:
    page = tmp_path / "article.htm"
    page.write_text(PAGE, "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "railtrack", "extract", str(page), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    ships = [r for r in records if r.get("record") == "shipment"]
    assert len(ships) == 1, run.stderr
    assert ships[0]["cars"]["total"] == 48
