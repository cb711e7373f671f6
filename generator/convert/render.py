"""Entry files as text: front matter a person can read and edit, and a short body.

The YAML is written by hand rather than dumped so the key order is the one
people expect, values are quoted only when they must be, and every file
parses back with ``parse_entry``. The body cites; it does not republish: a
summary, a few key quotations with their speakers, and the source.
"""

from __future__ import annotations

import json
import re
import textwrap

from generator.content.dates import FuzzyDate
from generator.convert.engagements import Engagement
from generator.convert.extract import Record, entry_title

_PLAIN = re.compile(r"^[^\W\d_][\w .'()/&+\u2019-]*$|^[0-9][\w.+-]*$")
_YAML_WORDS = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#])")


def scalar(value: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML)."""
    value = " ".join(value.split())
    if _PLAIN.match(value) and value.lower() not in _YAML_WORDS and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow_item(value: str) -> str:
    text = scalar(value)
    return json.dumps(value, ensure_ascii=False) if "," in text and not text.startswith('"') else text


def flow_list(values: list[str]) -> str:
    return "[" + ", ".join(flow_item(v) for v in values) + "]"


def single_quoted(value: str) -> str:
    """Review lines read best single-quoted: their double quotes stay as they are."""
    value = " ".join(value.split())
    return "'" + value.replace("'", "''") + "'"


def md_text(text: str) -> str:
    """Inline Markdown with the characters that would format or make HTML escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return text.replace("&", "&amp;").replace("<", "&lt;")


def source_lines(record: Record, indent: str = "  ", dash: str = "- ") -> list[str]:
    """One ``sources:`` list item, as lines, for a new entry or for a merge."""
    fields: list[tuple[str, str]] = []
    if record.outlet:
        fields.append(("outlet", scalar(record.outlet)))
    if record.title:
        fields.append(("title", json.dumps(" ".join(record.title.split()), ensure_ascii=False)))
    if record.url:
        fields.append(("url", scalar(record.url)))
    if record.published:
        fields.append(("published", record.published.iso()))
    if record.agency:
        fields.append(("agency", scalar(record.agency)))
    if record.file:
        fields.append(("file", scalar(record.file)))
    fields.append(("fingerprint", record.fingerprint))
    inner = indent + " " * len(dash)
    return [f"{indent}{dash}{k}: {v}" if i == 0 else f"{inner}{k}: {v}"
            for i, (k, v) in enumerate(fields)]


def _when(date: FuzzyDate) -> str:
    return f"on {date.display()}" if date.precision == "day" else f"in {date.display()}"


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summary(eng: Engagement) -> str:
    """One or two sentences built from the extracted facts, not copied from the article."""
    names = [m.name for m in eng.participants]
    who = _names(names) or "The participants"
    verb = {"call": "spoke by phone", "video call": "held a video call",
            "summit": "held a summit", "visit": "visited" if eng.place else "made a visit",
            "statement": "issued a statement"}.get(eng.kind, "met" if len(names) > 1 else "held talks")
    if eng.scheduled:
        verb = {"spoke by phone": "are to speak by phone", "held a video call": "are to hold a video call",
                "held a summit": "are to hold a summit", "issued a statement": "are to issue a statement",
                "met": "are to meet", "held talks": "is to hold talks"}.get(verb, verb)
        if verb.startswith("visit") or verb == "made a visit":
            verb = "is to visit" if eng.place else "is to make a visit"
        if len(names) == 1 and verb.startswith("are "):
            verb = "is " + verb[4:]
    text = who + " " + verb
    if eng.place:
        text += f" {eng.place}" if eng.kind == "visit" else f" in {eng.place}"
    if eng.date and not eng.draft:  # a draft's year is a placeholder, not a fact
        text += " " + _when(eng.date)
    if eng.forums:
        text += f" ({', '.join(eng.forums)})"
    text += "."
    if eng.topic:
        pronoun = "They" if len(names) != 1 else "The talks"
        verb = "discussed" if pronoun == "They" else "covered"
        agreed = re.match(r"agreed\s+to\s+(.+)", eng.topic)
        if agreed and pronoun == "They":
            text += f" They agreed to {agreed.group(1).rstrip('.')}."
        else:
            text += f" {pronoun} {verb} {re.sub(r'^agreed to ', '', eng.topic).rstrip('.')}."
    return text


def _quotes_for(record: Record, eng: Engagement, limit: int = 3) -> list:
    """Quotations closest to this engagement's sentences, its participants first."""
    if len(record.engagements) == 1:
        return record.quotes[:limit]
    mine = []
    for q in record.quotes:
        nearest = min(record.engagements, key=lambda e: min(
            abs(q.sentence - s) for s in e.sentences or [0]))
        if nearest is eng:
            mine.append(q)
    return mine[:limit]


def attribution(record: Record) -> str:
    who = record.outlet or "Unknown outlet"
    if record.agency:
        who += f" ({record.agency})"
    parts = [md_text(who)]
    if record.title:
        title = md_text(record.title)
        parts.append(f"[{title}]({record.url})" if record.url else f"\u201c{title}\u201d")
    if record.published:
        parts.append(record.published.display())
    return "Source: " + ", ".join(parts) + "."


def render_entry(record: Record, eng: Engagement, full_text: bool = False,
                 extra_review: list[str] | None = None) -> str:
    """The complete text of a new entry file."""
    assert eng.date is not None
    title, title_note = entry_title(record, eng)
    mentioned = [m.name for m in record.mentioned]
    review = list(eng.review) + [r for r in record.review if r not in eng.review]
    if title_note:
        review.append(title_note)
    review += extra_review or []
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {eng.date.iso()}"]
    if eng.date.approximate:
        lines.append("approximate: true")
    if eng.draft:
        lines.append("draft: true")
    if eng.scheduled:
        lines.append("scheduled: true")
    lines.append(f"kind: {eng.kind}")
    lines.append(f"people: {flow_list([m.name for m in eng.participants])}")
    lines.append(f"mentioned: {flow_list(mentioned)}")
    lines.append(f"forums: {flow_list(eng.forums)}")
    if eng.place:
        lines.append(f"place: {scalar(eng.place)}")
    lines.append("summary: >-")
    lines += ["  " + x for x in textwrap.wrap(summary(eng), 76)]
    lines.append("sources:")
    lines += source_lines(record)
    if review:
        lines.append("review:")
        lines += [f"  - {single_quoted(r)}" for r in review]
    lines.append("---")
    body: list[str] = []
    quotes = _quotes_for(record, eng)
    if quotes:
        body.append("Key quotes:")
        body.append("")
        body += [f"- {md_text(q.speaker)}: \u201c{md_text(q.text)}\u201d" for q in quotes]
        body.append("")
    body.append(attribution(record))
    if full_text and record.paragraphs:
        body += ["", "## Article text (cleaned)", ""]
        for p in record.paragraphs:
            body += [md_text(p), ""]
        body.pop()
    return "\n".join(lines + body) + "\n"
