"""What a convert run did, article by article: the summary line, ``--json`` and the exit status.

Kept apart from the command so that the counting rules (what "written",
"merged", "needs a date" and "failed" mean) are stated once and tested on
their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_FAILED = 1  # some article could not be read or fetched
EXIT_NEEDS_DATE = 3  # none failed, but some entry needs a date from the user

EPILOG = f"""\
exit status:
  {EXIT_OK}  every article was converted, merged, skipped or had no engagement
  {EXIT_FAILED}  some article failed (unreadable file, failed fetch), or a wrong option or
     manifest stopped the run before anything was converted
  {EXIT_NEEDS_DATE}  none failed, but some entry needs a date from you: its date is a guess
     (set its date: line by hand; its review: lines say why) or unknown
     (nothing written: convert it again with --published or a manifest row)"""


@dataclass
class EntryAction:
    """What happened to one engagement of an article."""

    action: str  # new, merged, skipped, not written
    path: str | None
    draft: bool = False  # the entry's date is a guess or unknown
    scheduled: bool = False
    reason: str | None = None  # why it was not written

    def as_json(self) -> dict:
        data = {"action": self.action, "path": self.path, "draft": self.draft,
                "scheduled": self.scheduled}
        return {**data, "reason": self.reason} if self.reason else data


@dataclass
class Outcome:
    """One article's result."""

    file: str | None
    url: str | None
    entries: list[EntryAction] = field(default_factory=list)
    error: str | None = None  # set when the article failed
    skipped: bool = False
    found: bool = True  # False when no engagement was found

    @property
    def needs_date(self) -> bool:
        return any(e.draft for e in self.entries)

    @property
    def status(self) -> str:
        """failed, skipped, needs date, nothing written or converted."""
        if self.error is not None:
            return "failed"
        if self.skipped:
            return "skipped"
        if self.needs_date:
            return "needs date"
        if not any(e.action in ("new", "merged") for e in self.entries):
            return "nothing written"
        return "converted"

    def as_json(self) -> dict:
        return {"file": self.file, "url": self.url, "status": self.status,
                "entries": [e.as_json() for e in self.entries],
                "needs_date": self.needs_date, "error": self.error}


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def summary(outcomes: list[Outcome], dry_run: bool = False, to_review: int = 0,
            ignored: int = 0) -> str:
    """``12 articles: 15 entries written, 3 merged, 2 skipped, 4 need a date from you, 1
    failed``: entries count engagements; skipped, need a date and failed count articles."""
    actions = [e.action for o in outcomes for e in o.entries if not o.skipped]
    written, merged = actions.count("new"), actions.count("merged")
    unmerged = sum(1 for o in outcomes for e in o.entries
                   if e.action == "not written" and e.path is not None)
    need = sum(1 for o in outcomes if o.needs_date)
    parts = [plural(written, "entry", "entries") + (" would be written" if dry_run else " written"),
             f"{merged} merged", f"{sum(o.skipped for o in outcomes)} skipped"]
    if unmerged:
        parts.append(f"{unmerged} could not be merged")
    nothing = sum(1 for o in outcomes if not o.found and o.error is None and not o.skipped)
    if nothing:
        parts.append(f"{nothing} with no engagement found")
    parts.append(f"{need} {'needs' if need == 1 else 'need'} a date from you")
    parts.append(f"{sum(o.error is not None for o in outcomes)} failed")
    text = f"{plural(len(outcomes), 'article')}: {', '.join(parts)}"
    if to_review:
        text += f"; {plural(to_review, 'entry', 'entries')} to review"
    if ignored:
        text += f" ({plural(ignored, 'other file')} ignored)"
    return ("dry run: " if dry_run else "") + text


def exit_status(outcomes: list[Outcome]) -> int:
    if any(o.error is not None for o in outcomes):
        return EXIT_FAILED
    if any(o.needs_date for o in outcomes):
        return EXIT_NEEDS_DATE
    return EXIT_OK
