"""``timeline convert``: articles in, reviewed-ready entries out.

Thin on purpose: read each input, call ``extract``, then write, merge or skip
through ``store``/``merge``/``write``. One bad file prints one line and the
batch goes on.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.content.dates import parse_fuzzy_date
from generator.content.entries import parse_entry
from generator.content.registry import load_people
from generator.convert.extract import Record, Registries, entry_title, extract
from generator.convert.merge import MergeError, merge_text
from generator.convert.render import render_entry
from generator.convert.store import Store, Stored, more_precise
from generator.convert.write import append_people, entry_name, replace_checked, write_new
from generator.errors import TimelineError, display_path

HELP = "turn saved or pasted news articles into timeline entries"
DESCRIPTION = (
    "Convert articles (plain text, saved HTML pages, folders of them, or - for standard "
    "input) into entries. New engagements get a new file; an article about an engagement "
    "that already has an entry is merged into it as another source; an article converted "
    "before is skipped. Nothing is ever overwritten. Everything inferred is listed under "
    "'review:' in the entry.")
MAX_BYTES = 4 * 1024 * 1024
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = DESCRIPTION
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article file (.txt or .html), folder of articles, or - for stdin")
    parser.add_argument("--out", metavar="DIR",
                        help="entries folder to write and merge into (default: content/entries)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print what would be written or merged; write nothing")
    parser.add_argument("--json", action="store_true",
                        help="print the extracted records as JSON on stdout (progress goes to "
                             "stderr); combine with --dry-run to only extract")
    parser.add_argument("--add-people", action="store_true",
                        help="append unknown people to people.yaml, marked unconfirmed")
    parser.add_argument("--full-text", action="store_true",
                        help="also keep the cleaned article text in the entry body")
    parser.add_argument("--url", help="the address the (single) article was read from")
    parser.add_argument("--published", metavar="DATE",
                        help="the (single) article's publication date: YYYY-MM-DD, YYYY-MM or YYYY")


@dataclass
class Input:
    shown: str  # for messages
    file: str | None  # for the entry's source 'file:'
    path: Path | None  # None for standard input


def gather(paths: list[str]) -> tuple[list[Input], int]:
    """The articles to convert, in a stable order, and how many other files were ignored."""
    items: list[Input] = []
    ignored = 0
    for arg in paths:
        if arg == "-":
            items.append(Input("<stdin>", None, None))
            continue
        p = Path(arg)
        if p.is_dir():
            for f in sorted(p.rglob("*"), key=lambda x: x.relative_to(p).as_posix()):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or not f.is_file():
                    continue
                if f.suffix.lower() not in ARTICLE_SUFFIXES:
                    ignored += 1
                    continue
                items.append(Input(display_path(f), (Path(arg) / rel).as_posix(), f))
        else:
            items.append(Input(display_path(p), p.as_posix(), p))
    return items, ignored


# Characters YAML may not carry (C0 and C1 controls but tab and line ends,
# surrogates, non-characters): a page may hold them, an entry must not.
_NOT_IN_YAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
                          "\ud800-\udfff\ufffe\uffff]")


def decode_article(data: bytes, shown: str) -> str:
    """Article bytes as text without control characters; every refusal is one clear
    message."""
    return _NOT_IN_YAML.sub("", _decode_article(data, shown))


def _decode_article(data: bytes, shown: str) -> str:
    if len(data) > MAX_BYTES:
        raise TimelineError(f"{len(data) / 1024 / 1024:.1f} MB is more than the "
                            f"{MAX_BYTES // 1024 // 1024} MB an article may have; save only the "
                            "article's page or text", shown)
    if not data.strip():
        raise TimelineError("empty file: nothing to convert", shown)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TimelineError("cannot decode this UTF-16 text; save it as UTF-8", shown) from None
    if b"\x00" in data[:8192]:
        raise TimelineError("binary file, not an article; save the page as HTML or text", shown)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
        if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
            try:
                text = data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                text = None
            if text is not None:
                return text
        line = data[:exc.start].count(b"\n") + 1
        raise TimelineError("not valid UTF-8 text; save the article as UTF-8", shown, line) from None
    if not text.strip():
        raise TimelineError("empty file: nothing to convert", shown)
    return text


def read_input(item: Input) -> str:
    if item.path is None:
        return decode_article(sys.stdin.buffer.read(MAX_BYTES + 1), item.shown)
    try:
        size = item.path.stat().st_size
        if size > MAX_BYTES:
            return decode_article(b"x" * (MAX_BYTES + 1), item.shown)
        return decode_article(item.path.read_bytes(), item.shown)
    except FileNotFoundError:
        raise TimelineError("no such file", item.shown) from None
    except IsADirectoryError:
        raise TimelineError("is a folder", item.shown) from None
    except PermissionError:
        raise TimelineError("cannot read the file (permission denied)", item.shown) from None


class Run:
    """One ``convert`` invocation: counts, the store, and output."""

    def __init__(self, args: argparse.Namespace, config) -> None:
        self.args = args
        self.config = config
        self.out = Path(args.out) if getattr(args, "out", None) else Path(config.content) / "entries"
        self.reg = Registries.load(Path(config.content))
        self.store = Store.scan(self.out)
        self.virtual: dict[Path, str] = {}  # dry run: entries that would exist
        self.counts: Counter = Counter()
        self.to_review: set[Path] = set()  # entries written or merged that have open items
        self.records: list[dict] = []
        self.log = sys.stderr if args.json else sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self.log)

    def convert(self, item: Input, prefix: str) -> None:
        text = read_input(item)
        record = extract(text, self.reg, item.file, url=getattr(self.args, "url", None),
                         published=getattr(self.args, "published", None))
        actions: list[dict] = []
        done = self.store.converted(record)
        if done is not None:
            self.counts["skipped"] += 1
            self.say(f"{prefix}: skipped, already converted ({display_path(done.path)})")
            actions.append({"action": "skipped", "entry": display_path(done.path)})
        elif not record.engagements:
            self.counts["needs review"] += 1
            self.say(f"{prefix}: needs review: no engagement found (no meeting, call or visit "
                     "with its people or date); nothing written")
        else:
            if self.args.add_people and record.candidates:
                self._add_people(record, item)
            for eng in record.engagements:
                actions.append(self._engagement(record, eng, prefix))
        if self.args.json:
            status = "skipped" if done is not None else \
                "nothing written" if not record.engagements else "converted"
            self.records.append({**record_json(record, [] if done else actions), "status": status,
                                 **({"entry": display_path(done.path)} if done else {})})

    def _add_people(self, record: Record, item: Input) -> None:
        path = Path(self.config.content) / "people.yaml"
        names = [c.name for c in record.candidates]
        added = names if self.args.dry_run else append_people(path, names, item.shown)
        if not added:
            return
        verb = "would add" if self.args.dry_run else "added"
        self.say(f"  {verb} to {display_path(path)} (unconfirmed): {', '.join(added)}")
        if not self.args.dry_run:
            self.reg.people = load_people(path)
            self.reg.refresh()
        record.review = [r.replace("run with --add-people to add it as unconfirmed",
                                   "added to people.yaml as unconfirmed; check it")
                         if any(f'"{n}"' in r for n in added) else r for r in record.review]

    def _engagement(self, record: Record, eng, prefix: str) -> dict:
        who = ", ".join(m.name for m in eng.participants) or "unknown participants"
        if eng.date is None:
            self.counts["needs review"] += 1
            self.say(f"{prefix}: needs review: no usable date for the engagement of {who} "
                     "(the text has none, and no publication date); nothing written: add a "
                     "date line to the article and convert again")
            return {"action": "needs review", "reason": "no usable date"}
        target = self.store.match(eng, self.reg)
        if target is not None:
            return self._merge(record, eng, target, prefix)
        text = render_entry(record, eng, self.args.full_text)
        title, _ = entry_title(record, eng)
        stem = entry_name(eng.date.iso(), title)
        if self.args.dry_run:
            path = self.out / f"{stem}.md"
            n = 2
            while path.exists() or path in self.virtual:
                path, n = self.out / f"{stem}-{n}.md", n + 1
            self.virtual[path] = text
            self.store.items.append(Stored(path, parse_entry(text, path.name, path.name)))
            self.say(f"{prefix}: would write {display_path(path)}")
            if not self.args.json:
                self.say(_indent(text))
        else:
            path = write_new(self.out, stem, text)
            self.store.add(path)
            self.say(f"{prefix}: new {display_path(path)}" + _review_note(text))
        self.counts["converted"] += 1
        if "\nreview:" in text:
            self.to_review.add(path)
        return {"action": "new", "entry": display_path(path)}

    def _merge(self, record: Record, eng, target: Stored, prefix: str) -> dict:
        if target.path in self.virtual:
            raw = self.virtual[target.path].encode("utf-8")
        else:
            raw = target.path.read_bytes()
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        old = raw.decode("utf-8-sig")
        new_date = eng.date if more_precise(eng.date, target.entry.date) else None
        note = None
        if new_date is not None:
            origin = record.title or record.file or "a merged article"
            note = (f"date: changed from {target.entry.date.iso()} to {new_date.iso()} by a "
                    f"merged source (\"{origin}\"); check it")
        shown = display_path(target.path)
        try:
            merged = merge_text(old, record, new_date, note)
        except MergeError as exc:
            self.counts["needs review"] += 1
            self.say(f"{prefix}: needs review: belongs to {shown} but cannot be merged ({exc}); "
                     "nothing written")
            return {"action": "needs review", "entry": shown, "reason": str(exc)}
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
        self.store.items = [s for s in self.store.items if s.path != target.path]
        self.store.items.append(Stored(target.path, parse_entry(
            merged.replace("\r\n", "\n"), target.entry.path, shown)))
        self.counts["merged"] += 1
        if "\nreview:" in merged.replace("\r\n", "\n"):
            self.to_review.add(target.path)
        return {"action": "merged", "entry": shown, "date_changed": bool(note)}


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))


def _review_note(text: str) -> str:
    count = len(re.findall(r"^  - '", text.split("\nreview:\n", 1)[1], re.M)) \
        if "\nreview:\n" in text else 0
    return f" ({count} to review)" if count else ""


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


def run(args: argparse.Namespace, config) -> int:
    items, ignored = gather(args.paths)
    if (getattr(args, "url", None) or getattr(args, "published", None)) and len(items) != 1:
        raise TimelineError("--url and --published describe one article; give one file, or "
                            "a manifest for a folder")
    if getattr(args, "published", None):
        try:
            args.published = parse_fuzzy_date(args.published)
        except ValueError as exc:
            raise TimelineError(f"--published: {exc}") from None
    if not items:
        raise TimelineError("no articles found (looked for .txt and .html files)",
                            args.paths[0] if args.paths else None)
    state = Run(args, config)
    for problem in state.store.problems:
        print(str(problem), file=sys.stderr)
    failed = 0
    for k, item in enumerate(items, 1):
        prefix = f"[{k}/{len(items)}] {item.shown}" if len(items) > 1 else item.shown
        try:
            state.convert(item, prefix)
        except TimelineError as exc:
            failed += 1
            print(f"{exc}; nothing written", file=sys.stderr)
        except OSError as exc:
            failed += 1
            print(f"{item.shown}: {exc.strerror or exc}; nothing written", file=sys.stderr)
    c = state.counts
    summary = (f"{'dry run: ' if args.dry_run else ''}converted {c['converted']}, "
               f"merged {c['merged']}, skipped {c['skipped']}, "
               f"needs review {c['needs review'] + len(state.to_review)}"
               f", failed {failed}")
    if ignored:
        summary += f" ({ignored} other file{'s' if ignored != 1 else ''} ignored)"
    state.say(summary)
    if args.json:
        json.dump(state.records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0

