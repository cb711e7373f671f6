"""JSON Schemas (draft 2020-12) of the hand-edited files, made from the field
declarations the loaders use (``fields``), for editors' YAML language servers.

They describe what the loader accepts as a YAML 1.2 editor reads the file:
``title: 2022`` is a number there but text to the loader, so text fields take
any scalar; dates take ``YYYY``, ``YYYY-MM`` or a real ``YYYY-MM-DD``."""

from __future__ import annotations

import json
from typing import Any

from generator.content import fields as F
from generator.content.dates import MAX_YEAR
from generator.content.fields import Field

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCALAR = {"type": ["string", "number", "boolean"]}
ID_PATTERN = r"^[^\sA-Z/\\.]+(-[^\sA-Z/\\.]+)*$"  # lower-case words joined by hyphens
_WORDS = ("true", "false", "yes", "no", "on", "off")
BOOL_WORDS = sorted({form for w in _WORDS for form in (w, w.capitalize(), w.upper())})
# http(s), relative or scheme-less links; the loader refuses any other scheme.
URL = {"type": "string", "pattern": r"^\s*(?:https?:|[^:]*$|[^:]*[/?#])"}
DATE = {"anyOf": [
    {"type": "string", "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$", "format": "date"},
    {"type": "string", "pattern": r"^\s*\d{4}(-(0[1-9]|1[0-2]))?\s*$"},
    {"type": "integer", "minimum": 1, "maximum": MAX_YEAR},
]}


def _kind(field: Field) -> dict[str, Any]:
    kind = field.kind
    if kind == "text":
        return dict(SCALAR)
    if kind == "url":
        return dict(URL)
    if kind == "date":
        return json.loads(json.dumps(DATE))
    if kind == "bool":
        return {"anyOf": [{"type": "boolean"}, {"enum": BOOL_WORDS}]}
    if kind == "names":
        return {"anyOf": [SCALAR, {"type": "array", "items": {"type": [*SCALAR["type"], "null"]}}]}
    if kind == "choice":
        return {"enum": [*field.choices, *(c.capitalize() for c in field.choices
                                              if c.capitalize() != c)]}
    if kind == "number":
        return {"type": "number"}
    if kind == "mapping":
        return {"type": "object"}
    if kind == "sources":
        return {"type": "array", "items": {"anyOf": [URL, mapping(F.SOURCE)]}}
    if kind == "roles":
        return {"type": "array", "items": {"anyOf": [{"type": "string"}, mapping(F.ROLE)]}}
    raise ValueError(f"no schema for field kind {kind!r}")


def _property(field: Field) -> dict[str, Any]:
    schema = _kind(field)
    if not field.required:  # an empty value is the same as leaving the key out
        schema = {"anyOf": [schema, {"type": "null"}]}
    return {"description": field.doc, **schema}


def mapping(fields: tuple[Field, ...]) -> dict[str, Any]:
    """An object with exactly these keys; required ones must be present."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _property(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        schema["required"] = required
    return schema


def registry(fields: tuple[Field, ...], what: str) -> dict[str, Any]:
    """A registry file: ids mapped to items."""
    return {"type": "object", "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": {**mapping(fields), "description": what}}


SCHEMAS = {
    "entry": ("Entry front matter", lambda: mapping(F.ENTRY)),
    "config": ("timeline.yaml", lambda: mapping(F.CONFIG)),
    "people": ("people.yaml", lambda: registry(F.PERSON, "a person")),
    "forums": ("forums.yaml", lambda: registry(F.FORUM, "a forum")),
    "outlets": ("outlets.yaml", lambda: registry(F.OUTLET, "an outlet")),
    "places": ("places.yaml", lambda: registry(F.PLACE, "a place")),
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema called ``name`` (a key of ``SCHEMAS``)."""
    title, make = SCHEMAS[name]
    return {"$schema": DRAFT, "$id": f"timeline-{name}.schema.json",
            "title": f"timeline: {title}", **make()}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
