"""Where each page lives. Paths are relative to the site root ("entries/x/");
links add the base path so a project site under ``/repo/`` works."""

from __future__ import annotations


def entry_path(slug: str) -> str:
    return f"entries/{slug}/"


def person_path(person_id: str) -> str:
    return f"people/{person_id}/"


def forum_path(forum_id: str) -> str:
    return f"forums/{forum_id}/"


def country_path(code: str) -> str:
    return f"countries/{code}/"


def relation_path(pair: str) -> str:
    return f"relations/{pair}/"


def place_path(slug: str) -> str:
    return f"places/{slug}/"


def year_path(year: int) -> str:
    return f"years/{year}/"


def output_file(path: str) -> str:
    """The file a URL path is written to: ``entries/x/`` -> ``entries/x/index.html``."""
    if path == "" or path.endswith("/"):
        return path + "index.html"
    return path


class Linker:
    """Turns site paths into links under the base path (``/repo/entries/x/``)."""

    def __init__(self, base_path: str, base_url: str):
        self.base_path = base_path
        self.base_url = base_url

    def href(self, path: str) -> str:
        return self.base_path + path.lstrip("/")

    def absolute(self, path: str) -> str:
        return self.base_url + path.lstrip("/")
