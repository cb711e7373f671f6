"""Score ``timeline convert`` on a folder of article texts against hand labels.

    python bench/convert_score.py TEXTS_DIR GOLD.yaml [--registry DIR]
                                  [--split develop|measure] [--misses] [--json]

GOLD.yaml has the shape of ``../shared/corpus/gold.yaml`` (see its README):
one item per article (``file``, ``url``, ``title``, ``published``, ``outlet``,
``events``, ``same_event_as``, ``outside_knowledge``...), one item per
engagement under ``events``.

What is scored is what a user gets: the entry files the real command writes.
Articles reporting the same engagement (``same_event_as``) are converted one
after another into one folder, as a user would, so merging is scored too; every
other article gets a folder of its own. Each article is given its ``url`` (as
``--url`` or a manifest would), never its publication date.

Engagements are paired with entries by an optimal assignment (Hungarian
method) on how alike they are (an entry that cites every report of a same-event
group counts as more alike to that group's engagement); a pair must share a
participant, or agree on the date and the place or forum. Then, per pair and field:

- event date: the same value and precision. A null label (the text does not
  settle the date) is right when the entry flags its date (a ``date:`` review
  line or ``draft: true``); a field listed in ``outside_knowledge`` is right
  when it equals the label or is flagged.
- place and kind: equal (places compared through the gazetteer, so "St Petersburg" is
  "Saint Petersburg", else without case or accents); a null place label wants no place.
- participants and forums: F1 over the paired engagements; names match when
  the registry (the user's and the converter's reference lists) resolves both
  to one person, or their words agree up to order and one letter per long
  word ("Zelenskyy" / "Zelensky").
- silent errors: a wrong field whose entry has no review line about it.

Same-event groups are right when one entry cites every article of the group;
an entry citing articles about different engagements is a wrong merge.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.cli import build_parser  # noqa: E402
from generator.config import Config  # noqa: E402
from generator.content.entries import parse_entry  # noqa: E402
from generator.content.model import Entry  # noqa: E402
from generator.convert.extract import Registries  # noqa: E402

SPLIT_FILE = ROOT / "bench" / "corpus_split.yaml"
FIELDS = ("event_date", "kind", "place", "participants", "forums", "scheduled")
FLAG = {"event_date": "date:", "kind": "kind:", "place": "place:", "participants": "people:",
        "forums": "forums:", "scheduled": "date:", "title": "title:", "published": "published:",
        "outlet": "outlet:"}


# ---------------------------------------------------------------- names

def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace(".", " ").replace("-", " ").replace("\u2019", "'")
                    .split())


def _close(a: str, b: str) -> bool:
    """Two spellings of one word: equal, or one letter apart when both are long."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_SESSION = re.compile(r"(?i)(?:(?:foreign\s+)?ministers'?|ministerial|leaders'?|heads\s+of\s+state|senior\s+officials'?|"
                      r"coordinators'?|annual|extraordinary|special|\s)*(?:summit|meeting|conference|session|"
                      r"dialogue)(?:\s+of\s+(?:the\s+)?[\w' ]+)?")


def _outlet_core(name: str) -> str:
    """An outlet's name without its article, qualifier or kind: "The Japan News (Yomiuri
    Shimbun)" -> "japan", "ERR News" -> "err", "People's Daily Online" -> "people's daily"."""
    name = re.sub(r"\s*\([^)]*\)", "", fold(name))
    name = re.sub(r"^the\s+|\.(?:com|net|org|ge|in|co\.\w+)$", "", name)
    return re.sub(r"(?:\s+(?:news|online|agency|news\s+agency|world|daily\s+news))+$", "", name).strip()


class Names:
    """Person and forum names compared the way an editor would: through the registries the
    converter uses (the site's own and its reference lists), then by their words."""

    def __init__(self, reg: Registries):
        self.reg = reg

    def person(self, name: str) -> str:
        hit = self.reg.known_people.lookup(name)
        return f"id:{hit.id}" if hit else fold(name)

    def same_person(self, a: str, b: str) -> bool:
        ka, kb = self.person(a), self.person(b)
        if ka == kb:
            return True
        if ka.startswith("id:") and kb.startswith("id:"):
            return False
        wa, wb = fold(a).split(), fold(b).split()
        if sorted(wa) == sorted(wb):
            return True  # "Hayashi Yoshimasa" / "Yoshimasa Hayashi"
        if len(wa) == len(wb) and all(_close(x, y) for x, y in zip(wa, wb)):
            return True
        return False

    def place(self, name: str | None) -> str:
        """"St Petersburg" and "Saint Petersburg" are one city: through the gazetteer."""
        hit = self.reg.places.lookup(name) if name else None
        return f"place:{hit.venue_city}" if hit else fold(name or "")

    def forum(self, name: str) -> str:
        hit = self.reg.known_forums.lookup(name)
        if hit is None:  # "FOCAC Ministerial Meeting of Coordinators": a session of FOCAC
            words = name.split()
            hit = next((f for k in range(len(words) - 1, 0, -1)
                        if (f := self.reg.known_forums.lookup(" ".join(words[:k]))) is not None
                        and _SESSION.fullmatch(" ".join(words[k:]))), None)
        return f"id:{hit.id}" if hit else fold(name)

    def same_outlet(self, got: str | None, want: str | None) -> bool:
        """"ERR" and "ERR News", "The National (UAE)" and "The National", "Civil Georgia" and
        "Civil.ge": one outlet, by its registry names and domains, then by its name's core."""
        if fold(got or "") == fold(want or ""):
            return True
        if not got or not want:
            return False
        outlet = next((o for o in self.reg.known_outlets.items.values() if o.name == got), None)
        if outlet is not None and fold(want) in {fold(n) for n in (*outlet.aliases, *outlet.domains)}:
            return True
        return _outlet_core(got) == _outlet_core(want)

    def same_forum(self, a: str, b: str) -> bool:
        ka, kb = self.forum(a), self.forum(b)
        if ka == kb:
            return True
        wa, wb = fold(a).split(), fold(b).split()  # "Pacific Island(s) Leaders Meeting"
        return len(wa) == len(wb) and all(_close(x, y) for x, y in zip(wa, wb))


def matched(names: Names, want: list[str], got: list[str], same) -> int:
    """How many of ``want`` have a partner in ``got`` (each used once)."""
    left = list(got)
    hits = 0
    for w in want:
        for g in left:
            if same(w, g):
                left.remove(g)
                hits += 1
                break
    return hits


# ---------------------------------------------------------------- conversion

def groups(articles: list[dict]) -> list[list[dict]]:
    """Articles linked by ``same_event_as`` (at article or event level), in file order."""
    parent = {a["file"]: a["file"] for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a in articles:
        links = _links(a.get("same_event_as")) + [x for e in a.get("events") or []
                                                   for x in _links(e.get("same_event_as"))]
        for other in links:
            if other in parent:
                parent[find(a["file"])] = find(other)
    out: dict[str, list[dict]] = {}
    for a in sorted(articles, key=lambda x: x["file"]):
        out.setdefault(find(a["file"]), []).append(a)
    return list(out.values())


def _links(value) -> list[str]:
    """``same_event_as`` names one file, or a list of them."""
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def convert_group(articles: list[dict], texts: Path, registry: Path, out: Path) -> list[str]:
    """Run ``timeline convert`` on each article of a group into ``out``; the lines it printed."""
    config = Config(content=registry, root=registry)
    printed = []
    for a in articles:
        argv = ["convert", str(texts / a["file"]), "--out", str(out)]
        if a.get("url"):
            argv += ["--url", a["url"]]
        args = build_parser().parse_args(argv)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
            args.func(args, config)
        printed.append(buf.getvalue())
    return printed


def read_entries(out: Path) -> list[Entry]:
    entries = []
    for path in sorted(out.rglob("*.md")):
        entries.append(parse_entry(path.read_text(encoding="utf-8"), path.name, str(path)))
    return entries


def cited(entry: Entry) -> set[str]:
    return {Path(s.file).name for s in entry.sources if s.file}


# ---------------------------------------------------------------- engagements

@dataclass
class Expected:
    """One engagement: the labels of every article that reports it."""

    members: list[tuple[dict, dict]] = field(default_factory=list)  # (article, event)

    @property
    def files(self) -> set[str]:
        return {a["file"] for a, _ in self.members}


def expected(group: list[dict]) -> list[Expected]:
    """The group's engagements: events linked by ``same_event_as`` are one."""
    items: list[Expected] = []
    owner: dict[tuple[str, int], Expected] = {}
    for a in group:
        for k, e in enumerate(a.get("events") or []):
            others = _links(e.get("same_event_as"))
            candidates = [exp for (f, j), exp in owner.items() if a["file"] not in exp.files and (
                f in others or any(a["file"] in _links(ev.get("same_event_as"))
                                   for fa, ev in exp.members if fa["file"] == f))
                and _alike(e, exp.members[0][1])]
            # an event that names this article itself is its twin before one that only shares a file
            twin = next((exp for exp in candidates if any(a["file"] in _links(ev.get("same_event_as"))
                                                          for _, ev in exp.members)),
                        candidates[0] if candidates else None)
            if twin is None:
                twin = Expected()
                items.append(twin)
            twin.members.append((a, e))
            owner[(a["file"], k)] = twin
    return items


def _alike(a: dict, b: dict) -> bool:
    return a.get("kind") == b.get("kind") or set(a.get("participants") or []) == \
        set(b.get("participants") or [])


NOT_A_DOUBT = ("reference list, not in people.yaml",)  # registry advice, not doubt about the field


def _flagged(entry: Entry, prefix: str) -> bool:
    if prefix == "date:" and entry.draft:
        return True
    return any(r.startswith(prefix) and not any(n in r for n in NOT_A_DOUBT) for r in entry.review)


def field_ok(names: Names, article: dict, event: dict, entry: Entry, name: str) -> bool:
    outside = set(article.get("outside_knowledge") or [])
    if name == "event_date":
        want = event.get("event_date")
        if want is None:
            return _flagged(entry, "date:")
        right = entry.date.iso() == str(want) and entry.date.precision == event.get("precision")
        return right or ("event_date" in outside and _flagged(entry, "date:"))
    if name == "kind":
        return entry.kind == event.get("kind")
    if name == "place":
        want = event.get("place")
        right = names.place(entry.place) == names.place(want)
        return right or ("place" in outside and _flagged(entry, "place:"))
    if name == "participants":
        want = event.get("participants") or []
        got = entry.people
        if "participants" in outside and _flagged(entry, "people:"):
            return True
        return len(want) == len(got) == matched(names, want, got, names.same_person)
    if name == "forums":
        want, got = event.get("forums") or [], entry.forums
        return len(want) == len(got) == matched(names, want, got, names.same_forum)
    if name == "scheduled":
        return bool(event.get("scheduled")) == entry.scheduled
    raise ValueError(name)


def similarity(names: Names, exp: Expected, entry: Entry) -> float:
    best = -1.0
    for a, e in exp.members:
        want, got = e.get("participants") or [], entry.people
        common = matched(names, want, got, names.same_person)
        union = len(want) + len(got) - common
        jaccard = common / union if union else 1.0
        date = field_ok(names, a, e, entry, "event_date")
        place = bool(e.get("place")) and field_ok(names, a, e, entry, "place")
        forum = bool(e.get("forums")) and field_ok(names, a, e, entry, "forums")
        if not (common or (date and (place or forum)) or (not want and date)):
            continue
        score = 2 * jaccard + date + field_ok(names, a, e, entry, "kind") + 0.5 * place + \
            0.5 * forum
        best = max(best, score)
    if best >= 0 and len(exp.files) > 1 and exp.files <= cited(entry):
        best += 1  # it cites every report of this engagement: the merge says which one it is
    return best


def hungarian(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Rows paired with columns for the largest total weight (negative: never paired)."""
    n = max(len(weights), len(weights[0]) if weights else 0)
    if n == 0:
        return []
    big = max((w for row in weights for w in row), default=0) + 1
    cost = [[big - (weights[i][j] if i < len(weights) and j < len(weights[i])
                    and weights[i][j] >= 0 else -big) for j in range(n)] for i in range(n)]
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = []
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < len(weights) and j - 1 < len(weights[i]) and weights[i][j - 1] >= 0:
            pairs.append((i, j - 1))
    return pairs


# ---------------------------------------------------------------- scoring

@dataclass
class Report:
    right: dict = field(default_factory=dict)  # field -> right count
    total: dict = field(default_factory=dict)
    tp: dict = field(default_factory=lambda: {"participants": 0, "forums": 0})
    fp: dict = field(default_factory=lambda: {"participants": 0, "forums": 0})
    fn: dict = field(default_factory=lambda: {"participants": 0, "forums": 0})
    articles: int = 0
    with_events: int = 0
    with_entry: int = 0
    engagements: int = 0
    found: int = 0
    spurious: int = 0
    groups: int = 0
    merged: int = 0
    wrong_merges: int = 0
    silent: int = 0
    misses: list[str] = field(default_factory=list)

    def count(self, name: str, ok: bool, where: str = "", detail: str = "") -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + ok
        if not ok and where:
            self.misses.append(f"{where}: {name}: {detail}")

    def rate(self, name: str) -> float:
        return self.right.get(name, 0) / self.total[name] if self.total.get(name) else 1.0

    def f1(self, name: str) -> float:
        tp, fp, fn = self.tp[name], self.fp[name], self.fn[name]
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    def summary(self) -> dict:
        return {
            "articles": self.articles, "articles_with_events": self.with_events,
            "articles_with_entry": self.with_entry,
            "engagements": self.engagements, "found": self.found,
            "found_rate": self.found / self.engagements if self.engagements else 1.0,
            "spurious_entries": self.spurious,
            **{f"{f}_rate": self.rate(f) for f in ("event_date", "kind", "place", "scheduled",
                                                     "title", "published", "outlet")},
            "participants_f1": self.f1("participants"), "forums_f1": self.f1("forums"),
            "same_event_groups": self.groups, "groups_merged": self.merged,
            "wrong_merges": self.wrong_merges, "silent_errors": self.silent,
        }

    def table(self) -> str:
        s = self.summary()
        rows = [
            f"articles with an entry   {s['articles_with_entry']}/{s['articles_with_events']} "
            f"(of {s['articles']}, {s['articles'] - s['articles_with_events']} report none)",
            f"engagements found        {s['found']}/{s['engagements']} "
            f"({100 * s['found_rate']:.0f} %), {s['spurious_entries']} entries with no engagement",
        ]
        for f in ("event_date", "kind", "place", "scheduled"):
            rows.append(f"{f.replace('_', ' '):<24} {self.right.get(f, 0)}/{self.total.get(f, 0)} "
                        f"({100 * self.rate(f):.0f} %)")
        rows.append(f"participants F1          {s['participants_f1']:.2f}")
        rows.append(f"forums F1                {s['forums_f1']:.2f}")
        for f in ("title", "published", "outlet"):
            rows.append(f"{f:<24} {self.right.get(f, 0)}/{self.total.get(f, 0)} "
                        f"({100 * self.rate(f):.0f} %)")
        rows.append(f"same-event groups merged {s['groups_merged']}/{s['same_event_groups']}, "
                    f"wrong merges {s['wrong_merges']}")
        rows.append(f"silent errors            {s['silent_errors']}")
        return "\n".join(rows)


def _score_fields(report: Report, names: Names, exp: Expected, entry: Entry) -> None:
    where = f"{'+'.join(sorted(exp.files))} [{entry.path}]"
    a0, e0 = exp.members[0]
    for name in FIELDS:
        ok = any(field_ok(names, a, e, entry, name) for a, e in exp.members)
        got = {"event_date": entry.date.iso() if entry.date else None, "kind": entry.kind,
               "place": entry.place, "participants": entry.people, "forums": entry.forums,
               "scheduled": entry.scheduled}[name]
        want = e0.get(name) if name != "scheduled" else bool(e0.get("scheduled"))
        report.count(name, ok, where, f"expected {want!r}, got {got!r}")
        if not ok and not _flagged(entry, FLAG[name]):
            report.silent += 1
            report.misses.append(f"{where}: {name}: SILENT (no review line)")
    for name in ("participants", "forums"):
        best = None
        for a, e in exp.members:
            want = e.get(name) or []
            got = entry.people if name == "participants" else entry.forums
            same = names.same_person if name == "participants" else names.same_forum
            hits = matched(names, want, got, same)
            cand = (hits, len(got) - hits, len(want) - hits)
            if best is None or (cand[1] + cand[2]) < (best[1] + best[2]):
                best = cand
        report.tp[name] += best[0]
        report.fp[name] += best[1]
        report.fn[name] += best[2]


def _score_article(report: Report, names: Names, article: dict, entries: list[Entry]) -> None:
    mine = [e for e in entries if article["file"] in cited(e)]
    if article.get("events"):
        report.with_entry += bool(mine)
        report.with_events += 1
    if not mine:
        if article.get("events"):
            report.misses.append(f"{article['file']}: no entry cites it")
        return
    entry = mine[0]
    source = next(s for s in entry.sources if s.file and Path(s.file).name == article["file"])
    review = [r for e in mine for r in e.review]
    got = {"title": source.title, "published": source.published.iso() if source.published
           else None, "outlet": source.outlet}
    for name in ("title", "published", "outlet"):
        want = article.get(name)
        want = str(want) if want is not None else None
        if name == "title":
            ok = (got[name] or None) == want
        elif name == "outlet":
            ok = names.same_outlet(got[name], want)
        else:
            ok = got[name] == want
        flagged = any(r.startswith(FLAG[name]) for r in review)
        if want is None and got[name] is None and name != "title":
            ok = ok and flagged
        report.count(name, ok, article["file"], f"expected {want!r}, got {got[name]!r}")
        if not ok and not flagged:
            report.silent += 1
            report.misses.append(f"{article['file']}: {name}: SILENT (no review line)")


def score_group(report: Report, names: Names, group: list[dict], entries: list[Entry]) -> None:
    files = {a["file"] for a in group}
    entries = [e for e in entries if cited(e) & files]
    exps = expected(group)
    report.articles += len(group)
    report.engagements += len(exps)
    weights = [[similarity(names, x, e) for e in entries] for x in exps] if entries else []
    pairs = hungarian(weights) if weights else []
    paired_entries = set()
    for i, j in pairs:
        report.found += 1
        paired_entries.add(j)
        _score_fields(report, names, exps[i], entries[j])
        if len(exps[i].files) > 1:
            report.groups += 1
            if exps[i].files <= cited(entries[j]):
                report.merged += 1
            else:
                report.misses.append(f"{'+'.join(sorted(exps[i].files))}: not merged")
        if cited(entries[j]) - exps[i].files:
            report.wrong_merges += 1
            report.misses.append(f"{entries[j].path}: wrongly merges "
                                 f"{sorted(cited(entries[j]) - exps[i].files)}")
    for i, x in enumerate(exps):
        if i not in {p[0] for p in pairs}:
            if len(x.files) > 1:
                report.groups += 1
            a, e = x.members[0]
            report.misses.append(f"{a['file']}: MISSED engagement {e.get('event_date')} "
                                 f"{e.get('kind')} {e.get('participants')}")
    for j, e in enumerate(entries):
        if j not in paired_entries:
            report.spurious += 1
            report.misses.append(f"{sorted(cited(e))}: SPURIOUS entry {e.date.iso()} {e.kind} "
                                 f"{e.people} [{e.path}]")
    for a in group:
        _score_article(report, names, a, entries)


def split_ids(name: str | None) -> set[str] | None:
    if not name:
        return None
    data = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))
    return {str(x) for x in data[name]}


def score_folder(texts: Path, gold_path: Path, registry: Path, ids: set[str] | None = None,
                 work: Path | None = None) -> Report:
    """Convert every labelled article in ``texts`` and score the entries written."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    if ids is not None:
        gold = [a for a in gold if a["file"].split("_")[0] in ids]
    names = Names(Registries.load(registry))
    report = Report()
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        for k, group in enumerate(groups(gold)):
            out = Path(tmp) / f"g{k}"
            convert_group(group, texts, registry, out)
            score_group(report, names, group, read_entries(out) if out.exists() else [])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path, help="folder of article texts named as in the gold file")
    parser.add_argument("gold", type=Path, help="labels (the corpus' gold.yaml format)")
    parser.add_argument("--registry", type=Path, default=ROOT / "content",
                        help="folder with people.yaml, forums.yaml, outlets.yaml "
                             "(default: this repository's content/)")
    parser.add_argument("--split", choices=("develop", "measure"),
                        help="only the articles of one half of bench/corpus_split.yaml")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    report = score_folder(args.texts, args.gold, args.registry, split_ids(args.split))
    if args.json:
        print(json.dumps(report.summary(), indent=2))
    else:
        if args.misses:
            print("\n".join(report.misses) + "\n")
        print(report.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
