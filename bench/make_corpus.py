#!/usr/bin/env python3
"""Write a synthetic timeline project of N entries, deterministic by seed.

    python bench/make_corpus.py OUT N [--seed 7] [--hugo HUGO_OUT]

OUT gets timeline.yaml, content/people.yaml, content/forums.yaml and
content/entries/YYYY/*.md: ~300 people with a skewed (Zipf-like) share of
engagements, 40 forums, dates over ten years with mixed precision, bodies of
250-400 words with lists, quotes and links. With --hugo, the same corpus is
also written as a Hugo site (taxonomies people, forums, years) for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = ["meeting", "meeting", "meeting", "call", "call", "video call", "summit", "visit",
         "statement"]
CITIES = ["New Delhi", "Washington", "Moscow", "Tokyo", "Canberra", "Paris", "Berlin", "Brasília",
          "Jakarta", "Nairobi", "Geneva", "New York", "Singapore", "Dhaka", "Colombo", "Cairo"]
COUNTRIES = ["India", "United States", "Russia", "Japan", "Australia", "France", "Germany",
             "Brazil", "Indonesia", "Kenya", "Switzerland", "Singapore", "Bangladesh", "Sri Lanka"]
FIRST = ["Asha", "Boris", "Chen", "Dana", "Emil", "Farah", "Goran", "Hana", "Ivan", "Jaya",
         "Kenji", "Lena", "Malik", "Nadia", "Omar", "Priya", "Quinn", "Ravi", "Sofia", "Tomas"]
LAST = ["Anand", "Berg", "Costa", "Dutt", "Evans", "Fischer", "Gupta", "Hayashi", "Ivanova",
        "Jansen", "Kumar", "Lopez", "Menon", "Novak", "Ortiz"]
WORDS = ("cooperation partnership security trade energy climate maritime defence technology "
         "supply chains vaccines investment connectivity dialogue region ministers agreed "
         "reviewed progress bilateral multilateral framework talks follow-up visit officials "
         "statement priorities development infrastructure space nuclear agriculture").split()


def people_list(rng: random.Random, n: int = 300) -> list[dict]:
    out, seen = [], set()
    i = 0
    while len(out) < n:
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        if i >= len(FIRST) * len(LAST):
            name += f" {i}"
        i += 1
        pid = name.lower().replace(" ", "-")
        if pid in seen:
            continue
        seen.add(pid)
        out.append({"id": pid, "name": name, "country": rng.choice(COUNTRIES),
                    "role": rng.choice(["Foreign Minister", "Defence Minister", "Ambassador",
                                        "Prime Minister", "Trade Minister", "Envoy"])})
    return out


def forums_list() -> list[dict]:
    return [{"id": f"forum-{i:02d}", "name": f"Forum {i:02d} Dialogue"} for i in range(40)]


def zipf_pick(rng: random.Random, items: list, k: int) -> list:
    weights = [1 / (r + 1) ** 1.1 for r in range(len(items))]
    chosen: list = []
    while len(chosen) < k:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def body(rng: random.Random, people: list[dict]) -> str:
    def sentence(n: int) -> str:
        words = [rng.choice(WORDS) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    parts = [" ".join(sentence(rng.randint(10, 18)) for _ in range(4)),
             "\n".join(f"- {sentence(rng.randint(5, 9))}" for _ in range(4)),
             f"> {sentence(14)}\n>\n> -- {rng.choice(people)['name']}",
             " ".join(sentence(rng.randint(10, 18)) for _ in range(4))
             + f" See [the statement](https://example.org/{rng.randint(1, 10**6)}).",
             " ".join(sentence(rng.randint(10, 18)) for _ in range(5))]
    return "\n\n".join(parts) + "\n"


def entries(rng: random.Random, n: int, people: list[dict], forums: list[dict]):
    for i in range(n):
        year = 2014 + rng.randrange(10)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        roll = rng.random()
        date = f"{year}-{month:02d}-{day:02d}" if roll < 0.85 else (
            f"{year}-{month:02d}" if roll < 0.97 else f"{year}")
        who = zipf_pick(rng, people, rng.randint(2, 4))
        fs = zipf_pick(rng, forums, 1) if rng.random() < 0.5 else []
        yield {
            "file": f"{year}/{date}-engagement-{i:05d}.md", "i": i, "date": date,
            "title": f"{who[0]['name']} and {who[1]['name']} hold talks ({i})",
            "kind": rng.choice(KINDS), "people": [p["name"] for p in who],
            "forums": [f["name"] for f in fs], "place": rng.choice(CITIES),
            "summary": f"Talks on {rng.choice(WORDS)} and {rng.choice(WORDS)}.",
            "url": f"https://example.org/news/{i}", "body": body(rng, people),
        }


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_ours(out: Path, people, forums, items) -> None:
    content = out / "content"
    (content / "entries").mkdir(parents=True, exist_ok=True)
    (out / "timeline.yaml").write_text(
        f"title: Synthetic timeline\nbase_url: http://127.0.0.1:8000/\ntheme: {REPO / 'theme'}\n")
    (content / "people.yaml").write_text("".join(
        f"{p['id']}:\n  name: {q(p['name'])}\n  country: {p['country']}\n"
        f"  roles:\n    - title: {p['role']}\n" for p in people))
    (content / "forums.yaml").write_text("".join(
        f"{f['id']}:\n  name: {q(f['name'])}\n  kind: grouping\n" for f in forums))
    for e in items:
        path = content / "entries" / e["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: {q(e['title'])}\ndate: {e['date']}\nkind: {e['kind']}\n"
            f"people: [{', '.join(q(p) for p in e['people'])}]\n"
            f"forums: [{', '.join(q(f) for f in e['forums'])}]\nplace: {e['place']}\n"
            f"summary: {q(e['summary'])}\nsources:\n  - outlet: Example News\n"
            f"    url: {e['url']}\n---\n{e['body']}", encoding="utf-8")


HUGO_CONFIG = """baseURL = "http://127.0.0.1:1313/"
title = "Synthetic timeline"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[taxonomies]
  person = "people"
  forum = "forums"
  year = "years"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>{{ .Title }}</title></head><body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2 Jan 2006\" }}"
    " {{ .Params.kind }}</p><p>{{ range .Params.people }}<a href=\"{{ \"/people/\" | relURL }}{{ . | urlize }}/\">{{ . }}</a> {{ end }}</p>"
    "<p>{{ .Params.summary }}</p>{{ .Content }}{{ with .PrevInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}"
    "{{ with .NextInSection }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li>{{ .Date.Format \"2 Jan 2006\" }}"
    " <a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>{{ end }}\n",
    "_default/terms.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1>{{ range (where .Site.RegularPages \"Section\" \"entries\").GroupByDate \"2006\" }}"
    "<h2>{{ .Key }}</h2><ol>{{ range first 50 .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}{{ end }}\n",
}


def write_hugo(out: Path, items) -> None:
    (out / "content" / "entries").mkdir(parents=True, exist_ok=True)
    (out / "config.toml").write_text(HUGO_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        p = out / "layouts" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    for e in items:
        date = e["date"] + ("-01" * (2 - e["date"].count("-")))
        path = out / "content" / "entries" / e["file"].split("/")[1]
        path.write_text(
            f"---\ntitle: {q(e['title'])}\ndate: {date}\nkind: {e['kind']}\n"
            f"people: [{', '.join(q(p) for p in e['people'])}]\n"
            f"forums: [{', '.join(q(f) for f in e['forums'])}]\nyears: [\"{e['date'][:4]}\"]\n"
            f"place: {e['place']}\nsummary: {q(e['summary'])}\n---\n{e['body']}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--hugo", type=Path, help="also write an equivalent Hugo site here")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    people = people_list(rng)
    forums = forums_list()
    items = list(entries(rng, args.n, people, forums))
    write_ours(args.out, people, forums, items)
    if args.hugo:
        write_hugo(args.hugo, items)
    print(f"wrote {len(items)} entries, {len(people)} people, {len(forums)} forums to {args.out}"
          + (f" and a Hugo site to {args.hugo}" if args.hugo else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
