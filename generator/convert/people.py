"""Finding the registry's people in running text.

Articles name people in many ways: "Dr S Jaishankar", "EAM Jaishankar",
"Jaishankar's", "@DrSJaishankar", a misspelt "Jaishanker", or only by office
("the US Secretary of State"). Every form except the exact ones is reported
with how it was read, so a person can confirm it. Names that look like people
but are not in the registry become candidates, never silent guesses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from generator.content.dates import FuzzyDate
from generator.content.model import Person
from generator.content.registry import Registry
from generator.convert.places import COUNTRIES, NOT_PEOPLE, country_of, is_place_word

_TOKEN = re.compile(r"@\w+|[^\W\d_]+|\d+")
HONORIFICS = {"dr", "mr", "mrs", "ms", "shri", "smt", "sir", "dame", "prof", "eam", "pm",
              "president", "minister", "secretary", "ambassador", "senator", "general", "chancellor",
              "premier", "sheikh", "king", "queen", "prince", "princess", "admiral", "governor"}
# Words that, just before a capitalised run, say "a person's name follows".
PERSON_CUES = HONORIFICS | {"spokesperson", "spokesman", "spokeswoman", "counterpart", "envoy",
                            "official", "adviser", "advisor", "diplomat", "commissioner", "director",
                            "chief", "deputy", "leader", "mp", "lawmaker", "emir", "crown", "mayor"}
SAY_VERBS = {"said", "says", "told", "stated", "added", "noted", "wrote", "posted", "explained",
             "announced", "remarked", "observed", "insisted", "argued"}
_PARTICLES = {"bin", "al", "de", "da", "van", "von", "der", "del", "di", "la", "le", "ibn", "el"}
_COMMON = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in", "on",
           "at", "as", "it", "its", "he", "she", "they", "we", "i", "meanwhile", "interestingly",
           "however", "according", "following", "speaking", "while", "when", "without", "after",
           "before", "during", "reiterating", "both", "all", "his", "her", "their", "our", "there"}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Compare names without case, accents, dots or a leading ``@``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().lstrip("@")


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in re.findall(r"@?\w+", name.replace("_", " ")) if t)


@dataclass
class Mention:
    """One way a person is named in a sentence."""

    person: str  # registry id, or the display name of a candidate
    name: str  # display name
    text: str  # as written
    start: int
    end: int
    how: str = ""  # "" when exact; otherwise why it was read this way
    candidate: bool = False


@dataclass
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text.rstrip("."))

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text.startswith("@")


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        # the "s" of a possessive is not a word of its own
        if t in ("s", "S") and m.start() > 0 and text[m.start() - 1] in "'\u2019":
            continue
        tokens.append(Token(t, m.start(), m.end()))
    return tokens


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, giving up (limit + 1) once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@dataclass(frozen=True)
class Office:
    """A role title reduced to its office words and, when it says so, its country."""

    words: str
    country: str | None


_OFFICE_SYNONYMS = [
    (r"\bdefense\b", "defence"), (r"\bdept\b", "department"), (r"\beam\b", "external affairs minister"),
    (r"\bpm\b", "prime minister"), (r"^defence secretary$", "secretary of defence"),
    (r"^state secretary$", "secretary of state"), (r"^foreign affairs minister$", "foreign minister"),
    (r"^minister of foreign affairs$", "foreign minister"), (r"^minister of defence$", "defence minister"),
    (r"^(?:us |u s )?department of state spokesperson$", "state department spokesperson"),
]


def office_of(title: str) -> Office:
    words = " ".join(re.findall(r"[a-z]+", fold(title)))
    country = None
    m = re.match(r"^(.+?) (?:of|to) (?:the )?([a-z ]+)$", words)
    if m:
        for name, forms in COUNTRIES.items():
            if m.group(2) in {fold(f) for f in forms} | {fold(name)}:
                country, words = name, m.group(1)
                break
    for rx, repl in _OFFICE_SYNONYMS:
        words = re.sub(rx, repl, words)
    return Office(words, country)


class PeopleIndex:
    """Registry names prepared for scanning text."""

    def __init__(self, people: Registry[Person]):
        self.people = people
        self.forms: dict[tuple[str, ...], str] = {}
        self.surnames: dict[str, set[str]] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                toks = name_tokens(name)
                while toks and toks[0] in HONORIFICS and len(toks) > 1:
                    self.forms.setdefault(toks, person.id)
                    toks = toks[1:]
                if toks:
                    self.forms.setdefault(toks, person.id)
            toks = name_tokens(person.name)
            if toks:
                self.surnames.setdefault(toks[-1], set()).add(person.id)
        self.max_len = max((len(k) for k in self.forms), default=1)
        self.single = {k[0]: v for k, v in self.forms.items() if len(k) == 1 and len(k[0]) >= 6}
        self.offices: list[tuple[Office, str, object]] = []
        for person in people:
            for role in person.roles:
                self.offices.append((office_of(role.title), person.id, role))
        self.office_words = sorted({o.words for o, _, _ in self.offices}, key=len, reverse=True)
        self.office_rx = [(w, re.compile(r"\b" + r"\s+".join(self._word_rx(x) for x in w.split())
                                         + r"\b(?!s\b)")) for w in self.office_words]

    def display(self, person_id: str) -> str:
        return self.people.items[person_id].name

    # -- names -------------------------------------------------------------
    def find(self, text: str, known: set[str] | None = None,
             common: set[str] | None = None) -> list[Mention]:
        """Registry people named in ``text`` (exact forms, known surnames, close spellings).

        ``common`` holds words the article also uses in lower case ("price"): such a
        one-word name opening a sentence counts only if the person is named elsewhere.
        """
        tokens = tokenize(text)
        out: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(tokens, i)
            if hit and hit[0] == 1 and common and tokens[i].key in common and i == 0 \
                    and hit[1] not in (known or set()):
                hit = None
            if hit:
                n, pid = hit
                start, end = tokens[i].start, tokens[i + n - 1].end
                out.append(Mention(pid, self.display(pid), text[start:end], start, end))
                i += n
                continue
            tok = tokens[i]
            if tok.capitalised and known:
                owners = self.surnames.get(tok.key, set()) & known
                if len(owners) == 1:
                    pid = next(iter(owners))
                    out.append(Mention(pid, self.display(pid), tok.text, tok.start, tok.end))
                    i += 1
                    continue
            fuzzy = self._close_spelling(tok, tokens, i)
            if fuzzy:
                out.append(Mention(fuzzy, self.display(fuzzy), tok.text, tok.start, tok.end,
                                   f'"{tok.text}" read as {self.display(fuzzy)} (close spelling)'))
            i += 1
        return out

    def _match_at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        if not tokens[i].capitalised and tokens[i].key not in HONORIFICS:
            return None
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            key = tuple(t.key for t in tokens[i:i + n])
            pid = self.forms.get(key)
            if pid and tokens[i + n - 1].capitalised:
                if n == 1 and not tokens[i].capitalised:
                    continue
                return n, pid
        return None

    def _close_spelling(self, tok: Token, tokens: list[Token], i: int) -> str | None:
        key = tok.key
        if (len(key) < 6 or not tok.text[:1].isupper() or key in self.single
                or tok.text in NOT_PEOPLE or is_place_word(tok.text) or key in _COMMON):
            return None
        limit = 1 if len(key) < 9 else 2
        found = {pid for form, pid in self.single.items()
                 if form[0] == key[0] and _edit_distance(key, form, limit) <= limit}
        return next(iter(found)) if len(found) == 1 else None

    # -- offices -----------------------------------------------------------
    def find_offices(self, text: str, when: FuzzyDate | None) -> list[Mention]:
        """Office phrases not followed by a name ("the US Secretary of State"), resolved by date."""
        out: list[Mention] = []
        low = fold(text)
        for words, rx in self.office_rx:
            for m in rx.finditer(low):
                if any(o.start <= m.start() < o.end for o in out):
                    continue
                after = text[m.end():m.end() + 40]
                if re.match(r"[\s,]*(?:(?:Dr|Mr|Ms|Mrs|Shri)\.?\s+)?(?:@\w|[A-Z][a-z]|[A-Z]\.?\s)", after):
                    continue  # a name follows: the name is what counts
                country = self._country_before(text, m.start())
                pid = self._holder(words, country, when)
                if pid:
                    phrase = text[m.start():m.end()]
                    if country:
                        phrase = f"{country} {phrase}"
                    out.append(Mention(pid, self.display(pid), text[m.start():m.end()], m.start(),
                                       m.end(), f'"the {phrase}" read as {self.display(pid)}'
                                       f" (holder of that office on {when.iso() if when else '?'})"))
        return out

    @staticmethod
    def _word_rx(word: str) -> str:
        if word == "defence":
            return "defen[cs]e"
        if word == "department":
            return "(?:department|dept)"
        return re.escape(word)

    @staticmethod
    def _country_before(text: str, pos: int) -> str | None:
        before = text[max(0, pos - 30):pos].split()
        for word in reversed(before[-2:]):
            country = country_of(word.strip(",.'\u2019"))
            if country:
                return country
        return None

    def _holder(self, words: str, country: str | None, when: FuzzyDate | None) -> str | None:
        found = set()
        for office, pid, role in self.offices:
            if office.words != words:
                continue
            person = self.people.items[pid]
            where = office.country or person.country
            if country and where != country:
                continue
            if not country and len(words.split()) < 3 and not office.country:
                continue  # "foreign minister" alone could be anyone's
            if when is not None and not role.held_on(when):  # type: ignore[attr-defined]
                continue
            found.add(pid)
        return next(iter(found)) if len(found) == 1 else None

    # -- unknown people ----------------------------------------------------
    def candidates(self, text: str, taken: list[tuple[int, int]], skip: set[str]) -> list[Mention]:
        """Capitalised runs that read like a person's name but match no one in the registry."""
        tokens = tokenize(text)
        out: list[Mention] = []
        covered = {t for s, e in taken for t in range(s, e)}  # a long text has thousands
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not self._name_word(tok) or tok.start in covered:
                i += 1
                continue
            j = i
            while j + 1 < len(tokens) and (self._name_word(tokens[j + 1])
                                           or tokens[j + 1].key in _PARTICLES) \
                    and tokens[j + 1].start - tokens[j].end <= 2 \
                    and tokens[j + 1].start not in covered:
                j += 1
            while j > i and tokens[j].key in _PARTICLES:
                j -= 1
            run = tokens[i:j + 1]
            if 2 <= len(run) <= 4 and self._cued(text, tokens, i, j):
                start, end = run[0].start, run[-1].end
                name = text[start:end]
                if fold(name) not in skip and not any(fold(w.text) in skip for w in run):
                    out.append(Mention(name, name, name, start, end,
                                       f'"{name}" looks like a person but is not in people.yaml',
                                       candidate=True))
            i = j + 1
        return out

    @staticmethod
    def _name_word(tok: Token) -> bool:
        t = tok.text
        return (t[:1].isupper() and not t.isupper() and len(t) > 1 and t not in NOT_PEOPLE
                and not is_place_word(t) and tok.key not in _COMMON and tok.key not in PERSON_CUES)

    @staticmethod
    def _cued(text: str, tokens: list[Token], i: int, j: int) -> bool:
        before = [t.key for t in tokens[max(0, i - 3):i]]
        if any(w in PERSON_CUES for w in before[-2:]):
            return True
        after = text[tokens[j].end:tokens[j].end + 60]
        if re.match(r"[\s,]*(?:\([^)]*\)\s*)?(?:" + "|".join(SAY_VERBS) + r")\b", after):
            return True
        return bool(re.match(r",\s+(?:the|a|an)\s+[\w' -]{0,40}?(?:minister|president|secretary|"
                             r"ambassador|spokesperson|spokesman|spokeswoman|official|envoy|"
                             r"adviser|chancellor|premier)\b", after, re.I))


def is_speaker(text: str, m: Mention) -> bool:
    """The person who reports ("..., Ned Price said") rather than the one acting."""
    after = text[m.end:m.end + 30]
    before = text[max(0, m.start - 40):m.start].lower()
    if re.match(r"\s*\(@\w+\)", after) and re.search(r"[\u2014\u2013-]\s*$", before):
        return True  # the author of a quoted post: "— Grace Liu (@StateSpoxLiu) June 8, 2022"
    if re.search(r"[\u2014\u2013]\s*$", before) and m.text.startswith("@"):
        return True
    if re.match(r"\s*(?:,[^,]{0,60},\s*)?(?:" + "|".join(SAY_VERBS) + r")\b(?!\s+(?:he|she|they)\b)",
                after):
        return not re.match(r"\s*said\s+(?:in\s+[\w ]{0,30}\s+)?that\s+(?:he|she)\b", after)
    return bool(re.search(r"(?:according to|said|spokesperson|spokesman|spokeswoman)$",
                          before.strip()))
