"""The JSON Schemas agree with the loader: every file the loader accepts (the
demo, the starter site, the fixtures' registries) validates, and files it
rejects for a schema reason (a wrong field, type, date or choice) fail.

The files are read as an editor's YAML 1.2 language server reads them:
``2022-02-11`` is a string, ``yes`` is a string, ``true`` a boolean."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO
from generator.config import parse_config
from generator.content.entries import parse_entry, split_front_matter
from generator.content.fields import OUTLET, PLACE, names
from generator.content.jsonschema import SCHEMAS, schema
from generator.content.registry import parse_forums, parse_people
from generator.content.yamlfile import parse_yaml
from generator.errors import TimelineError

STARTER = REPO / "generator" / "starter" / "files"
FIXTURES = REPO / "tests" / "fixtures"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, near enough: no timestamps, booleans only true/false."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                   re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def as_editor_reads(text: str):
    return yaml.load(text, Loader=Yaml12Loader)


def validator(name: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def front_matter(text: str) -> str:
    return text.split("---\n", 2)[1]


def loader_accepts(kind: str, text: str) -> bool:
    """Whether the loader takes ``text`` as a ``kind`` file (schema checks only:
    an entry's names are resolved later)."""
    try:
        if kind == "entry":
            parse_entry(text, "entries/x.md", "x.md")
        else:
            data = parse_yaml(text, "x.yaml") or {}
            if kind == "config":
                parse_config(data, Path("."), "timeline.yaml")
            elif kind == "people":
                parse_people(data, "x.yaml")
            elif kind == "forums":
                parse_forums(data, "x.yaml")
        return True
    except TimelineError:
        return False


def accepted_files() -> list[tuple[str, Path]]:
    files = [("config", REPO / "timeline.yaml"), ("config", STARTER / "timeline.yaml"),
             ("entry", STARTER / "example-entry.md")]
    files += [("entry", p) for p in sorted((REPO / "content" / "entries").rglob("*.md"))]
    for folder in (REPO / "content", STARTER, *sorted(FIXTURES.rglob("registry"))):
        for name in ("people", "forums", "outlets", "places"):
            if (folder / f"{name}.yaml").is_file():
                files.append((name, folder / f"{name}.yaml"))
    return files


@pytest.mark.parametrize("kind,path", accepted_files(), ids=lambda v: str(v).replace(str(REPO), ""))
def test_every_file_the_loader_accepts_validates(kind, path):
    text = path.read_text(encoding="utf-8")
    if "$title" in text:  # the starter config's placeholders, as init fills them
        text = text.replace("$title", '"T"').replace("$description", '"D"').replace(
            "$base_url", "https://example.org/")
    assert kind not in ("entry", "config", "people", "forums") or loader_accepts(kind, text)
    data = as_editor_reads(front_matter(text) if kind == "entry" else text)
    errors = [e.message for e in validator(kind).iter_errors(data or {})]
    assert errors == []


ENTRY = "---\ntitle: A meets B\ndate: 2024-03-01\nkind: meeting\npeople: [A, B]\n---\nBody\n"
REJECTED_ENTRIES = {
    "unknown field": ENTRY.replace("people:", "peple:"),
    "no title": ENTRY.replace("title: A meets B\n", ""),
    "no date": ENTRY.replace("date: 2024-03-01\n", ""),
    "impossible date": ENTRY.replace("2024-03-01", "2023-02-29"),
    "month 13": ENTRY.replace("2024-03-01", "2024-13"),
    "a time": ENTRY.replace("2024-03-01", "2024-03-01T10:00"),
    "year 0": ENTRY.replace("2024-03-01", "0000"),
    "unknown kind": ENTRY.replace("kind: meeting", "kind: meting"),
    "not a boolean": ENTRY.replace("kind: meeting", "draft: maybe"),
    "people as a mapping": ENTRY.replace("[A, B]", "{A: B}"),
    "title as a list": ENTRY.replace("A meets B", "[A, B]"),
    "javascript link": ENTRY.replace("people: [A, B]", "sources: ['javascript:alert(1)']"),
    "unknown source field": ENTRY.replace("people: [A, B]", "sources: [{outlet: X, link: y}]"),
    "extra as text": ENTRY.replace("people: [A, B]", "extra: text"),
}
REJECTED_REGISTRIES = {
    ("people", "no name"): "a-b:\n  country: X\n",
    ("people", "unknown field"): "a-b:\n  name: A B\n  contry: X\n",
    ("people", "bad id"): "A B:\n  name: A B\n",
    ("people", "role without title"): "a-b:\n  name: A B\n  roles:\n    - from: 2020\n",
    ("people", "impossible role date"): "a-b:\n  name: A B\n  roles:\n    - title: T\n"
                                        "      from: 2021-02-30\n",
    ("forums", "members as a mapping"): "g:\n  name: G\n  members: {a: b}\n",
    ("forums", "not a mapping"): "g: just text\n",
    ("config", "unknown key"): "titel: X\n",
    ("config", "bad choice"): "order: random\n",
    ("config", "raw_html not a boolean"): "raw_html: sometimes\n",
}


@pytest.mark.parametrize("case", sorted(REJECTED_ENTRIES))
def test_entries_the_loader_rejects_fail_validation(case):
    text = REJECTED_ENTRIES[case]
    assert not loader_accepts("entry", text)
    assert list(validator("entry").iter_errors(as_editor_reads(front_matter(text))))
    assert loader_accepts("entry", ENTRY)
    assert not list(validator("entry").iter_errors(as_editor_reads(front_matter(ENTRY))))


@pytest.mark.parametrize("kind,case", sorted(REJECTED_REGISTRIES))
def test_registries_and_config_the_loader_rejects_fail_validation(kind, case):
    text = REJECTED_REGISTRIES[(kind, case)]
    assert not loader_accepts(kind, text)
    assert list(validator(kind).iter_errors(as_editor_reads(text)))


def test_every_schema_is_valid_and_printed_by_the_command():
    for name in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(schema(name))
        result = subprocess.run([sys.executable, "-m", "generator", "schema", name], cwd=REPO,
                                capture_output=True, text=True)
        assert result.returncode == 0 and '"$schema"' in result.stdout


def test_the_converters_registries_read_the_declared_fields():
    from generator.convert.outlets import OUTLET_FIELDS
    from generator.convert.places import PLACE_FIELDS

    assert names(OUTLET) == OUTLET_FIELDS and names(PLACE) == PLACE_FIELDS


def test_front_matter_helper_matches_the_loader():
    data, _, _ = split_front_matter(ENTRY, "x.md")
    assert dict(data) == {"title": "A meets B", "date": "2024-03-01", "kind": "meeting",
                          "people": ["A", "B"]}
