"""A small site with awkward text (markup, separators, long lines, non-ASCII), as a fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.builder.site import build_site
from generator.config import load_config

TRICKY_TITLE = "Talks on </script><script>alert(1)</script>, tariffs; and \\ back-slashes"
LONG_SUMMARY = ("Les ministres se sont rencontrés à Genève — déjà la troisième fois — "
                "pour parler d'énergie, de commerce et de la sécurité maritime; "
                "ils ont dit: «nous reviendrons».\nSecond line, with a comma.")

FILES = {
    "timeline.yaml": "title: Tricky <Timeline> & Co\nbase_url: https://example.org/sub/\n"
                     "author: Ed & Co\ncname: timeline.example.org\norder: oldest-first\n",
    "content/people.yaml": "ana-garcia:\n  name: Ana García\n  aliases: [García]\n"
                           "bo-li:\n  name: Bo Li\n",
    "content/forums.yaml": "geneva-talks:\n  name: Geneva Talks\n",
    "content/entries/2024-05-geneva.md": (
        "---\n"
        f"title: '{TRICKY_TITLE}'\n"
        "date: 2024-05-07\nkind: meeting\npeople: [Ana García, Bo Li]\nforums: [Geneva Talks]\n"
        "place: Genève, Palais des Nations\n"
        "summary: |-\n" + "".join(f"  {line}\n" for line in LONG_SUMMARY.splitlines()) +
        "sources:\n  - outlet: Wire\n    url: https://news.example.net/a?x=1&y=2\n"
        "    published: 2024-05-09\n"
        "---\nBody.\n"),
    "content/entries/2023-11-month.md": (
        "---\ntitle: A meeting known to the month\ndate: 2023-11\napproximate: true\n"
        "kind: call\npeople: [Ana García]\n---\n"),
    "content/entries/2022-year.md": (
        "---\ntitle: A visit known to the year\ndate: 2022\nkind: visit\npeople: [Bo Li]\n---\n"),
}


def write_project(root: Path) -> Path:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    theme = Path(__file__).resolve().parents[2] / "theme"
    (root / "timeline.yaml").write_text(FILES["timeline.yaml"] + f"theme: {theme}\n")
    return root / "timeline.yaml"


@pytest.fixture(scope="session")
def tricky_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tricky")
    config = load_config(write_project(root))
    build_site(config)
    return config.output
