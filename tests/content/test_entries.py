from pathlib import Path

import pytest

from generator.content.entries import parse_entry
from generator.content.loader import load_content
from generator.content.registry import Registry, name_key, parse_people
from generator.content.yamlfile import parse_yaml
from generator.errors import TimelineError

GOOD = """---
title: A call
date: 2022-01-04
kind: call
people: [Lavrov, "@DrSJaishankar"]
sources:
  - outlet: Example Times
    url: https://example.org/a
    published: 2022-01-05
---
Body text.
"""


def parse(text: str):
    return parse_entry(text, "entries/x.md", "content/entries/x.md")


def test_a_good_entry_parses_with_body_and_lines():
    e = parse(GOOD)
    assert e.title == "A call" and e.kind == "call" and e.date.iso() == "2022-01-04"
    assert e.people == ["Lavrov", "@DrSJaishankar"]
    assert e.sources[0].published.iso() == "2022-01-05"
    assert e.body == "Body text.\n" and e.body_line == 11
    assert e.slug == "x"


@pytest.mark.parametrize("front,line,message", [
    ("title: x\n", 2, "'date' is required"),
    ("date: 2022-01-01\n", 2, "'title' is required"),
    ("title: x\ndate: 2022-02-30\n", 3, "not a real date"),
    ("title: x\ndate: 2022-01-01\nkind: meting\n", 4, "did you mean 'meeting'"),
    ("title: x\ndate: 2022-01-01\npeople: a\nplase: Rome\n", 5, "did you mean 'place'"),
    ("title: x\ndate: 2022-01-01\ndraft: maybe\n", 4, "true or false"),
    ("title: [a, b]\ndate: 2022-01-01\n", 2, "'title' must be text"),
    ("title: x\ndate: 2022-01-01\nsources:\n  - url: javascript:alert(1)\n", 5,
     "scheme 'javascript:'"),
    ("title: x\ndate: 2022-01-01\nsources:\n  - url: ' data:text/html,x'\n", 5, "not allowed"),
    ("title: x\ntitle: y\ndate: 2022-01-01\n", 3, "duplicate key"),
])
def test_bad_front_matter_names_the_line(front, line, message):
    with pytest.raises(TimelineError) as err:
        parse(f"---\n{front}---\nbody\n")
    assert err.value.path == "content/entries/x.md"
    assert err.value.line == line
    assert message in err.value.message


def test_yaml_traps_become_text():
    e = parse("---\ntitle: no\ndate: 2022\nplace: 2022\n---\n")
    assert e.title == "no" and e.place == "2022" and e.date.precision == "year"


def test_missing_front_matter_is_explained():
    for text in ("title: x\n", "---\ntitle: x\n"):
        with pytest.raises(TimelineError, match="---"):
            parse(text)


def test_registry_matches_ids_names_aliases_and_suggests():
    data = parse_yaml("s-jaishankar:\n  name: S. Jaishankar\n  aliases: [Jaishankar, '@DrSJaishankar']\n"
                      "antony-blinken:\n  name: Antony Blinken\n  roles:\n    - title: Secretary of State\n"
                      "      from: 2021-01-26\n")
    reg: Registry = parse_people(data, "people.yaml")
    for name in ("s-jaishankar", "S. Jaishankar", "s jaishankar", "JAISHANKAR", "@drsjaishankar"):
        assert reg.lookup(name).id == "s-jaishankar"
    assert reg.lookup("Jaishanker") is None
    assert reg.suggest("Jaishanker") == ["S. Jaishankar"]
    from generator.content.dates import parse_fuzzy_date
    assert [p.id for p in reg.holders("secretary of state", parse_fuzzy_date("2022-01"))] == ["antony-blinken"]
    assert reg.holders("Secretary of State", parse_fuzzy_date("2020-05")) == []
    assert name_key("  Dr.  S.  Jaishankar ") == "dr s jaishankar"


def test_registry_refuses_shared_alias_and_bad_ids():
    with pytest.raises(TimelineError, match="names both"):
        parse_people(parse_yaml("a:\n  name: A\n  aliases: [X]\nb:\n  name: B\n  aliases: [x]\n"), "p.yaml")
    with pytest.raises(TimelineError, match="lower-case") as err:
        parse_people(parse_yaml("ok:\n  name: A\n'Bad Id':\n  name: B\n"), "p.yaml")
    assert err.value.line == 3
    with pytest.raises(TimelineError, match="did you mean 'aliases'"):
        parse_people(parse_yaml("a:\n  name: A\n  alias: [X]\n"), "p.yaml")


def write(root: Path, rel: str, text: str) -> None:
    p = root / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def test_loader_resolves_names_warns_on_unknown_and_collects_errors(tmp_path):
    write(tmp_path, "people.yaml", "s-jaishankar:\n  name: S. Jaishankar\n  aliases: [Jaishankar]\n")
    write(tmp_path, "forums.yaml", "quad:\n  name: Quad\n")
    write(tmp_path, "entries/2022/a.md", "---\ntitle: A\ndate: 2022-02\npeople: [Jaishankar, Jaishanker, Marise Payne]\nforums: [quad]\n---\n")
    write(tmp_path, "entries/b.md", "---\ntitle: B\ndate: 2022-02-30\n---\n")
    write(tmp_path, "entries/2023/a.md", "---\ntitle: dup\ndate: 2023\n---\n")
    write(tmp_path, "entries/.hidden.md", "not an entry")
    write(tmp_path, "entries/d.md", "---\ntitle: D\ndate: 2021\ndraft: true\n---\n")
    c = load_content(tmp_path)
    assert [e.title for e in c.entries] == ["A"]
    a = c.entries[0]
    assert a.people == ["s-jaishankar", "jaishanker", "marise-payne"]
    assert a.forums == ["quad"]
    messages = [str(w) for w in c.warnings]
    assert any("unknown person 'Jaishanker'; did you mean 'S. Jaishankar'?" in m for m in messages)
    assert any(m.endswith(":4: warning: unknown person 'Marise Payne'; add it to people.yaml") for m in messages)
    assert not c.people.items["marise-payne"].registered
    errors = sorted(str(e) for e in c.errors)
    assert any("b.md:3: 'date'" in e for e in errors)
    assert any("also made by" in e and "2022/a.md" in e and "2023/a.md" in e for e in errors)
    assert len(load_content(tmp_path, drafts=True).entries) == 2
