"""Files that make editors know the format: the JSON Schemas and a VS Code
settings file mapping them onto the site's YAML files (for the YAML language
server of the Red Hat YAML extension)."""

from __future__ import annotations

import json

from generator.content.jsonschema import SCHEMAS, schema_text

SCHEMA_DIR = "schemas"
# Which files each schema describes, as globs relative to the site folder.
# Entry front matter sits inside Markdown, which the YAML language server does
# not read; its schema is written for tools that can, and `timeline check`.
TARGETS = {
    "config": ["timeline.yaml"],
    "people": ["content/people.yaml"],
    "forums": ["content/forums.yaml"],
    "outlets": ["content/outlets.yaml"],
    "places": ["content/places.yaml"],
}


def schema_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.schema.json"


def vscode_settings() -> str:
    settings = {
        "yaml.schemas": {f"./{schema_path(name)}": globs for name, globs in TARGETS.items()},
    }
    return json.dumps(settings, indent=2) + "\n"


def editor_files() -> dict[str, bytes]:
    """Path in the site -> bytes, for ``timeline init``."""
    files = {schema_path(name): schema_text(name).encode("utf-8") for name in SCHEMAS}
    files[".vscode/settings.json"] = vscode_settings().encode("utf-8")
    files[".vscode/extensions.json"] = (json.dumps(
        {"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n").encode("utf-8")
    return files
