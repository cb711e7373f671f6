"""``timeline check``: everything a build would refuse, plus warnings and review items."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.builder.site import render_site
from generator.config import Config
from generator.content.loader import load_content
from generator.errors import Problem, TimelineError, display_path


@dataclass
class CheckReport:
    entries: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    review: list[Problem] = field(default_factory=list)


def check_site(config: Config, drafts: bool = True) -> CheckReport:
    content = load_content(config.content, drafts=drafts)
    report = CheckReport(len(content.entries), list(content.errors), list(content.warnings))
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
            report.errors.append(exc.problem)
    return report
