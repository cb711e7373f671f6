"""``timeline convert``: articles in, reviewed-ready entries out.

Thin on purpose: read each input (``inputs``, ``fetch``), attach what the user
knows about it (options, ``manifest``), call ``extract``, then write, merge or
skip through ``store``/``merge``/``write``, and report (``report``). One bad
input prints one line and the batch goes on; a bad option or manifest stops the
run before anything is converted.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import textwrap
from pathlib import Path

from generator.content.dates import parse_fuzzy_date
from generator.content.entries import parse_entry
from generator.content.registry import load_people
from generator.convert.engagements import Engagement
from generator.convert.extract import Record, Registries, entry_title, extract
from generator.convert.fetch import DEFAULT_TIMEOUT
from generator.convert.inputs import Input, Known, gather, read_input
from generator.convert.manifest import check_url, find_manifest, load_manifest
from generator.convert.merge import MergeError, merge_text
from generator.convert.render import render_entry
from generator.convert.report import EPILOG, EntryAction, Outcome, exit_status, summary
from generator.convert.store import Store, Stored, more_precise, placeholder
from generator.convert.write import append_people, entry_name, replace_checked, write_new
from generator.errors import TimelineError, display_path

HELP = "turn saved or pasted news articles, or web addresses, into timeline entries"
DESCRIPTION = (
    "Convert articles (plain text, saved HTML pages, folders of them, http(s) addresses "
    "to fetch, or - for standard input) into entries. New engagements get a new file; an "
    "article about an engagement that already has an entry is merged into it as another "
    "source; an article converted before is skipped. Nothing is ever overwritten. "
    "Everything inferred is listed under 'review:' in the entry. What you know about an "
    "article (--url, --published, --outlet, or a manifest for a folder) wins over what the "
    "page says.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = textwrap.fill(DESCRIPTION, 78)
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("paths", nargs="+", metavar="INPUT",
                        help="article file (.txt or .html), folder of articles, http(s) "
                             "address to fetch, or - for stdin")
    parser.add_argument("--out", metavar="DIR",
                        help="entries folder to write and merge into (default: content/entries)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be written or merged; write nothing")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON record per article on stdout (progress goes to "
                             "stderr); combine with --dry-run to only extract")
    parser.add_argument("--add-people", action="store_true",
                        help="append unknown people to people.yaml, marked unconfirmed, and "
                             "people known from the converter's reference list with their roles")
    parser.add_argument("--full-text", action="store_true",
                        help="also keep the cleaned article text in the entry body")
    known = parser.add_argument_group(
        "what you know about an article (it wins over what the page says)")
    known.add_argument("--url", metavar="URL",
                       help="the article's address (one input only)")
    known.add_argument("--published", metavar="DATE",
                       help="its publication date: YYYY-MM-DD, YYYY-MM or YYYY (one input only)")
    known.add_argument("--outlet", metavar="NAME", help="the outlet that published it "
                       "(one input only)")
    known.add_argument("--manifest", metavar="FILE",
                       help="CSV or YAML with columns file, url, published, outlet for the "
                            "articles of a folder (default: the folder's manifest.csv, "
                            "manifest.yaml or manifest.yml)")
    parser.add_argument("--timeout", metavar="SECONDS", type=float, default=DEFAULT_TIMEOUT,
                        help=f"give up fetching an address after this long (default: "
                             f"{DEFAULT_TIMEOUT:g})")


# -- what the user knows ------------------------------------------------------

def _given(args: argparse.Namespace) -> tuple[Known, list[str]]:
    """``--url``, ``--published`` and ``--outlet``, checked, and which were given."""
    url = getattr(args, "url", None)
    published = getattr(args, "published", None)
    outlet = (getattr(args, "outlet", None) or "").strip() or None
    if url:
        check_url(url.strip(), "--url")
    try:
        date = parse_fuzzy_date(published) if published else None
    except ValueError as exc:
        raise TimelineError(f"--published: {exc}") from None
    names = [n for n, v in (("--url", url), ("--published", published), ("--outlet", outlet)) if v]
    return Known(url.strip() if url else None, date, outlet), names


def _manifests(items: list[Input], args: argparse.Namespace) -> dict[Path, Known]:
    """What the manifests say, by resolved file: ``--manifest``, else each input folder's own."""
    folders = [Path(p) for p in args.paths if p != "-" and Path(p).is_dir()]
    if getattr(args, "manifest", None):
        return load_manifest(Path(args.manifest), folders)
    known: dict[Path, Known] = {}
    for folder in folders:
        found = find_manifest(folder)
        if found is not None:
            known = {**load_manifest(found, [folder]), **known}
    return known


def attach_known(items: list[Input], args: argparse.Namespace) -> None:
    """Give each input what the options and manifests say about it; raise on any problem."""
    given, names = _given(args)
    if names and len(items) > 1:
        raise TimelineError(f"{' and '.join(names)} {'describes' if len(names) == 1 else 'describe'}"
                            f" one article, but the inputs hold {len(items)}; for a folder, "
                            "write what you know in a manifest (see --manifest)")
    manifests = _manifests(items, args)
    for item in items:
        row = manifests.get(item.path.resolve()) if item.path is not None else None
        item.known = given.over(row or Known())


# -- the run ------------------------------------------------------------------

class Run:
    """One ``convert`` invocation: the store, what was done, and output."""

    def __init__(self, args: argparse.Namespace, config) -> None:
        self.args = args
        self.config = config
        self.out = Path(args.out) if getattr(args, "out", None) else Path(config.content) / "entries"
        self.reg = Registries.load(Path(config.content))
        self.store = Store.scan(self.out)
        self.timeout = getattr(args, "timeout", None) or DEFAULT_TIMEOUT
        self.virtual: dict[Path, str] = {}  # dry run: entries that would exist
        self.to_review: set[Path] = set()  # entries written or merged that have open items
        self.records: list[dict] = []
        self.log = sys.stderr if args.json else sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self.log)

    def convert_safely(self, item: Input, prefix: str) -> Outcome:
        """``convert``, with a failure printed as one line and reported, never raised."""
        try:
            return self.convert(item, prefix)
        except TimelineError as exc:
            print(f"{exc}; nothing written", file=sys.stderr)
            return self._failed(item, exc.message)
        except OSError as exc:
            print(f"{item.shown}: {exc.strerror or exc}; nothing written", file=sys.stderr)
            return self._failed(item, str(exc.strerror or exc))

    def _failed(self, item: Input, error: str) -> Outcome:
        outcome = Outcome(item.file, item.known.url or item.url, error=error)
        if self.args.json:
            self.records.append(outcome.as_json())
        return outcome

    def convert(self, item: Input, prefix: str) -> Outcome:
        read = read_input(item, self.timeout)
        known = item.known
        record = extract(read.text, self.reg, item.file, url=known.url or read.url,
                         published=known.published, outlet=known.outlet)
        if read.note:
            record.review.append(f"text: {read.note}")
        outcome = self._place(record, item, prefix)
        if self.args.json:
            engagements = [] if outcome.skipped else [e.as_json() for e in outcome.entries]
            details = {k: v for k, v in record_json(record, engagements).items()
                       if k not in ("file", "url")}
            self.records.append({**outcome.as_json(), **details})
        return outcome

    def _place(self, record: Record, item: Input, prefix: str) -> Outcome:
        """Skip the article, or write or merge each of its engagements."""
        outcome = Outcome(item.file, record.url)
        done = self.store.converted(record)
        if done is not None:
            outcome.skipped = True
            outcome.entries.append(EntryAction("skipped", display_path(done.path),
                                               done.entry.draft, done.entry.scheduled))
            self.say(f"{prefix}: skipped, already converted ({display_path(done.path)})")
        elif record.unsupported:
            outcome.found = False
            self.say(f"{prefix}: {record.unsupported}; nothing written")
        elif not record.engagements:
            outcome.found = False
            self.say(f"{prefix}: needs review: no engagement found (no meeting, call or visit "
                     "with its people or date); nothing written")
        else:
            if self.args.add_people and (record.candidates or record.reference_people):
                self._add_people(record, item)
            outcome.entries += [self._engagement(record, eng, prefix)
                                for eng in record.engagements]
        return outcome

    def _add_people(self, record: Record, item: Input) -> None:
        path = Path(self.config.content) / "people.yaml"
        names = [c.name for c in record.candidates]
        known = [self.reg.known_people.items[p] for p in record.reference_people
                 if p not in self.reg.people.items]
        added = names + [p.name for p in known] if self.args.dry_run else \
            append_people(path, names, item.shown, known)
        if not added:
            return
        verb = "would add" if self.args.dry_run else "added"
        self.say(f"  {verb} to {display_path(path)} (unconfirmed): {', '.join(added)}")
        if not self.args.dry_run:
            self.reg.people = load_people(path)
            self.reg.refresh()
        record.review = [r.replace("run with --add-people to add it as unconfirmed",
                                   "added to people.yaml as unconfirmed; check it")
                         if any(f'"{n}"' in r for n in added) else r for r in record.review
                         if not ("reference list, not in people.yaml" in r and not self.args.dry_run)]

    def _engagement(self, record: Record, eng: Engagement, prefix: str) -> EntryAction:
        if eng.date is None:  # the extractor guesses and flags instead; kept safe all the same
            who = ", ".join(m.name for m in eng.participants) or "unknown participants"
            self.say(f"{prefix}: needs a date from you: no usable date for the engagement of "
                     f"{who} (the text has none, and no publication date); nothing written: "
                     "give it with --published or a manifest, or add a date line to the "
                     "article, and convert again")
            return EntryAction("not written", None, True, eng.scheduled, "no usable date")
        found = self.store.match(eng, self.reg, record)
        if found is not None:
            return self._merge(record, eng, found[0], prefix, found[1])
        return self._write(record, eng, prefix)

    def _write(self, record: Record, eng: Engagement, prefix: str) -> EntryAction:
        text = render_entry(record, eng, self.args.full_text)
        title, _ = entry_title(record, eng)
        stem = entry_name(eng.date.iso(), title)
        if self.args.dry_run:
            path = self._virtual_path(stem)
            self.virtual[path] = text
            self.store.items.append(Stored(path, parse_entry(text, path.name, path.name)))
            self.say(f"{prefix}: would write {display_path(path)}" + _notes(text, eng))
            if not self.args.json:
                self.say(_indent(text))
        else:
            path = write_new(self.out, stem, text)
            self.store.add(path)
            self.say(f"{prefix}: new {display_path(path)}" + _notes(text, eng))
        if "\nreview:" in text:
            self.to_review.add(path)
        return EntryAction("new", display_path(path), eng.draft, eng.scheduled)

    def _virtual_path(self, stem: str) -> Path:
        path = self.out / f"{stem}.md"
        n = 2
        while path.exists() or path in self.virtual:
            path, n = self.out / f"{stem}-{n}.md", n + 1
        return path

    def _merge(self, record: Record, eng: Engagement, target: Stored, prefix: str,
               reason: str) -> EntryAction:
        raw = self.virtual[target.path].encode("utf-8") if target.path in self.virtual \
            else target.path.read_bytes()
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        old = raw.decode("utf-8-sig")
        new_date, note = _date_change(record, eng, target)
        shown = display_path(target.path)
        origin = record.title or record.url or record.file or "an article"
        why = (f"merged: \"{origin}\" was added as a source because it reports {reason}; if it "
               "is another engagement, move that source to an entry of its own")
        held = f'scheduled: removed; "{origin}" reports that it took place' \
            if target.entry.scheduled and not eng.scheduled else None
        try:
            merged = merge_text(old, record, new_date, note, why, _source_notes(record, eng, origin),
                                held)
        except MergeError as exc:
            self.say(f"{prefix}: needs review: belongs to {shown} but cannot be merged ({exc}); "
                     "nothing written")
            return EntryAction("not written", shown, eng.draft, eng.scheduled, str(exc))
        if self.args.dry_run:
            self.virtual[target.path] = bom + merged
            self.say(f"{prefix}: would merge into {shown}")
            if not self.args.json:
                diff = difflib.unified_diff(old.splitlines(), merged.splitlines(), shown, shown,
                                            lineterm="", n=1)
                self.say(_indent("\n".join(diff)))
        else:
            replace_checked(target.path, raw, bom + merged)
            self.say(f"{prefix}: merged into {shown}" + (" (date made more precise)" if note else ""))
        entry = parse_entry(merged.replace("\r\n", "\n"), target.entry.path, shown)
        self.store.items = [s for s in self.store.items if s.path != target.path]
        self.store.items.append(Stored(target.path, entry))
        if entry.review:
            self.to_review.add(target.path)
        return EntryAction("merged", shown, entry.draft, entry.scheduled)


SOURCE_FIELDS = ("outlet:", "published:", "title:")


def _source_notes(record: Record, eng: Engagement, origin: str) -> tuple[str, ...]:
    """The merged article's review lines about itself, naming it, so they are not lost."""
    lines = dict.fromkeys(r for r in record.review + eng.review if r.startswith(SOURCE_FIELDS))
    return tuple(f"{r.split(':', 1)[0]}: (merged source \"{origin}\"){r.split(':', 1)[1]}"
                 for r in lines)


def _date_change(record: Record, eng: Engagement, target: Stored) -> tuple:
    """The more precise date a merged article gives, and the review line saying so; a
    guessed date (a draft's) never replaces a date already entered."""
    origin = record.title or record.file or "a merged article"
    if not eng.draft and placeholder(target.entry.draft, target.entry.date):
        return eng.date, (f"date: {eng.date.iso()} from a merged source (\"{origin}\") replaces the "
                          "placeholder year; check it, then remove 'draft: true'")
    if eng.draft or not more_precise(eng.date, target.entry.date):
        return None, None
    return eng.date, (f"date: changed from {target.entry.date.iso()} to {eng.date.iso()} by a "
                      f"merged source (\"{origin}\"); check it")


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))


def _notes(text: str, eng: Engagement) -> str:
    """`` (3 to review, needs a date from you)`` after a written entry's name."""
    count = len(re.findall(r"^  - '", text.split("\nreview:\n", 1)[1], re.M)) \
        if "\nreview:\n" in text else 0
    notes = [f"{count} to review"] if count else []
    if eng.draft:
        notes.append("needs a date from you")
    if eng.scheduled:
        notes.append("scheduled, not yet held")
    return f" ({', '.join(notes)})" if notes else ""


def record_json(record: Record, actions: list[dict]) -> dict:
    """The extracted record as plain JSON data, for scripts."""
    def names(mentions):
        return [m.name for m in mentions]
    return {
        "file": record.file, "fingerprint": record.fingerprint, "title": record.title,
        "outlet": record.outlet, "agency": record.agency,
        "published": record.published.iso() if record.published else None, "url": record.url,
        "engagements": [{
            "date": e.date.iso() if e.date else None,
            "precision": e.date.precision if e.date else None, "kind": e.kind,
            "participants": names(e.participants), "forums": e.forums, "place": e.place,
            "title": entry_title(record, e)[0], "review": e.review,
            **(actions[i] if i < len(actions) else {}),
        } for i, e in enumerate(record.engagements)],
        "mentioned": names(record.mentioned), "forums_mentioned": record.forums_mentioned,
        "candidates": names(record.candidates),
        "quotes": [{"speaker": q.speaker, "text": q.text} for q in record.quotes],
        "review": record.review,
    }


def _prepare(args: argparse.Namespace) -> tuple[list[Input], int]:
    """The inputs with what the user knows attached; any problem stops the run here."""
    items, ignored = gather(args.paths)
    if not items:
        raise TimelineError("no articles found (looked for .txt and .html files)",
                            args.paths[0] if args.paths else None)
    timeout = getattr(args, "timeout", None)
    try:
        if timeout is not None and not 0 < timeout <= 3600:
            raise TimelineError(f"--timeout {timeout:g}: give a number of seconds above 0, "
                                "at most 3600")
        attach_known(items, args)
    except TimelineError as exc:
        raise TimelineError(f"{exc.message}; nothing converted", exc.path, exc.line) from None
    return items, ignored


def run(args: argparse.Namespace, config) -> int:
    items, ignored = _prepare(args)
    state = Run(args, config)
    for problem in state.store.problems:
        print(str(problem), file=sys.stderr)
    outcomes = []
    for k, item in enumerate(items, 1):
        prefix = f"[{k}/{len(items)}] {item.shown}" if len(items) > 1 else item.shown
        outcomes.append(state.convert_safely(item, prefix))
    state.say(summary(outcomes, args.dry_run, len(state.to_review), ignored))
    if args.json:
        json.dump(state.records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return exit_status(outcomes)
