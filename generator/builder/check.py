"""``timeline check``: everything a build would refuse, plus warnings and review
items, and the forms the command can report them in."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator.builder.site import render_site
from generator.config import Config
from generator.content.loader import load_content
from generator.errors import Problem, TimelineError, display_path, problems_of


@dataclass
class CheckReport:
    entries: int = 0  # entries that load
    files: int = 0  # entry files, broken ones included
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    review: list[Problem] = field(default_factory=list)


def check_site(config: Config, drafts: bool = True) -> CheckReport:
    content = load_content(config.content, drafts=drafts)
    report = CheckReport(len(content.entries), content.found, list(content.errors),
                         list(content.warnings))
    for entry in content.entries:
        if entry.review:
            shown = display_path(content.files[entry.path])
            items = "; ".join(entry.review)
            report.review.append(Problem(f"review: {len(entry.review)} open item(s): {items}",
                                         shown, entry.lines.get("review"), "note"))
    if not report.errors:  # templates are checked by rendering, in memory only
        try:
            render_site(content, config)
        except TimelineError as exc:
            report.errors.extend(problems_of(exc))
    return report


def report_lines(report: CheckReport, form: str) -> tuple[list[str], list[str]]:
    """(problem lines for standard error, other lines for standard output) in
    ``form``: text, json or github."""
    problems = report.errors + report.warnings
    if form == "json":
        return [], [json.dumps(as_json(report), ensure_ascii=False)]
    if form == "github":
        return [], [github_command(p) for p in problems + report.review]
    return [str(p) for p in problems], [str(p) for p in report.review]


def as_json(report: CheckReport) -> dict:
    def items(problems: list[Problem]) -> list[dict]:
        return [{"file": p.path, "line": p.line, "message": p.message} for p in problems]

    return {"files": report.files, "entries": report.entries, "errors": items(report.errors),
            "warnings": items(report.warnings), "review": items(report.review)}


_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def github_command(problem: Problem) -> str:
    """A GitHub Actions workflow command: the message shows on that line of the diff."""
    props = []
    if problem.path:
        props.append(f"file={_escape_property(problem.path)}")
        if problem.line:
            props.append(f"line={problem.line}")
    head = _LEVELS.get(problem.severity, "error")
    return f"::{head} {','.join(props)}::{_escape_data(problem.message)}" if props else \
        f"::{head}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
