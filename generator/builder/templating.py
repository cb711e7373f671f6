"""The Jinja2 environment of a theme, with template errors located."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from generator.builder import urls
from generator.content.dates import MONTH_NAMES, FuzzyDate
from generator.errors import TimelineError

TEMPLATES_DIR = "templates"


class Paths:
    """Site paths, exposed to templates as ``paths.entry(slug)`` and so on."""

    entry = staticmethod(urls.entry_path)
    person = staticmethod(urls.person_path)
    forum = staticmethod(urls.forum_path)
    year = staticmethod(urls.year_path)
    country = staticmethod(urls.country_path)
    relation = staticmethod(urls.relation_path)
    place = staticmethod(urls.place_path)


def date_tag(d: FuzzyDate) -> Markup:
    """``<time>`` with the ISO date and the date as shown. A function, not a
    macro: lists print thousands, and a macro call costs five times more."""
    title = ' title="approximate date"' if d.approximate else ""
    return Markup(f'<time datetime="{escape(d.iso())}"{title}>{escape(d.display())}</time>')


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, by file and source
    (Jinja2 checks the source's checksum): a new environment, made for every
    build, compiles only templates that changed. Compiling is most of a small
    build's time. Every environment here has the same options, so they share it."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment(template_dirs: list[Path]) -> jinja2.Environment:
    """Templates looked up in ``template_dirs`` in order: a site's own
    ``entry.html`` replaces only the default theme's ``entry.html``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False, cache_size=-1, bytecode_cache=_COMPILED)
    env.globals.update(paths=Paths, month_name=lambda m: MONTH_NAMES[m], date_tag=date_tag)
    return env


def template_error(exc: Exception, theme: Path) -> TimelineError:
    """Turn a Jinja2 error into ``templates/x.html:12: message``; ``theme`` is
    the folder named when the error has no file of its own."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or (theme / TEMPLATES_DIR / (exc.name or "?"))
        return TimelineError(f"template error: {exc.message}", where, exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return TimelineError(f"template not found: {exc.name}", theme / TEMPLATES_DIR)
    frames = traceback.extract_tb(sys.exc_info()[2] or exc.__traceback__)
    for frame in reversed(frames):
        if frame.filename.endswith((".html", ".xml", ".txt")) and Path(frame.filename).exists():
            return TimelineError(f"template error: {exc}", frame.filename, frame.lineno)
    return TimelineError(f"template error: {exc}", theme / TEMPLATES_DIR)


def render(env: jinja2.Environment, name: str, context: dict[str, Any], theme: Path) -> str:
    try:
        return env.get_template(name).render(context)
    except TimelineError:
        raise
    except Exception as exc:  # noqa: BLE001 - any template failure becomes one line
        raise template_error(exc, theme) from None
