"""Forums: the named format an engagement belongs to, versus forums merely named.

"Jaishankar and Blinken were in Melbourne for a meeting of the Quad foreign
ministers" places the meeting in the Quad; "cooperation at the Shanghai
Cooperation Organisation" only names the SCO. A forum belongs to the
engagement when the words around it make it a gathering (meeting, summit,
dialogue, sidelines...). Numbered editions ("COP27", "#UNGA78") are read as
their forum; a capitalised "... Summit" or "... Dialogue" that no registry
knows is a candidate for review, never dropped silently. The 2+2 format is
also recognised from who met: both countries' foreign and defence ministers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.content.dates import FuzzyDate
from generator.content.model import Forum, Person
from generator.content.registry import Registry
from generator.convert.dates import MONTH, WEEKDAY
from generator.convert.people import fold

GATHERING = r"(?:meeting|meetings|summit|summits|dialogue|talks|ministerial|ministers|conference|" \
            r"session|gathering|sidelines|margins|forum|consultations|council|assembly|retreat|format)"
_BEFORE = re.compile(rf"\b(?:{GATHERING}|sidelines|margins|at|during|attending|attend|attended|"
                     rf"(?i:en\s+el\s+marco\s+de(?:\s+la)?|al\s+margen\s+de(?:\s+la)?|no\s+[âa]mbito\s+d[ao]|"
                     rf"[àa]\s+margem\s+d[ao]|dans\s+le\s+cadre\s+d[eu]|en\s+marge\s+d[eu]|"
                     rf"(?:cumbre|cimeira|c[úu]pula|sommet|vertice|reuni[óo]n|reuni[ãa]o|r[ée]union)\s+"
                     rf"(?:de|do|du|del|des|da|di|dei|della))|"
                     rf"(?:heads\s+of\s+(?:state|government)|leaders)\s+of(?:\s+the\s+so-called)?|"
                     rf"as\s+part\s+of|within|in\s+the\s+framework\s+of|under|"
                     rf"{GATHERING}\s+(?:led|hosted|organi[sz]ed|convened|chaired)\s+by|"  # "meetings led by ASEAN"
                     rf"for|host(?:ed|s|ing)?|chair(?:ed|s|ing)?)\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|this\s+"
                     rf"(?:year'?s\s+)?)?(?:(?:annual|\d+(?:st|nd|rd|th)|virtual|informal|"
                     rf"extraordinary|special|on-?going|current|recent|high-level)\s+){{0,2}}[\"'\u201c\u2018]?$", re.I)
_AFTER = re.compile(rf"^[\"'\u201d\u2019]?(?:(?:\s+[\w'\u2019-]+){{0,2}}?\s+{GATHERING}\b|"
                    rf"(?:\s+\([A-Z]{{2,8}}\))?\s+[Hh]eads\s+of\s+[Ss]tate(?:\s+and\s+[Gg]overnment)?\s+{GATHERING}\b|"
                    rf"\s+(?:leaders|"
                    rf"ministers|heads\s+of\s+state|presidents|members)\s+(?:\w+\s+)?(?:meet|met|gather\w*|"
                    rf"open\w*|hold|held|convene\w*|agree\w*))", re.I)
_MEMBERS_OF = re.compile(rf"\b{GATHERING}\s+of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{1,6}}?of\s+(?:the\s+)?$",
                        re.I)  # "summit of Heads of State and Government of the ECOWAS"
_NAME_GATHERING = re.compile(r"\b(?:meeting|meetings|summit|summits|dialogue|talks|ministerial|"
                             r"conference|session|forum|consultations|retreat|format)\b", re.I)
TWO_PLUS_TWO = "2+2 Dialogue"
_EDITION = re.compile(r"(?<![\w#])#?(COP)\s?-?(\d{1,2})\b")
_ADJECTIVE_END = "|".join(rf"(?<={end}\s)" for end in ("al", "ic", "ive", "ign", "ity", "ment", "ce", "gy", "ade",
                                                       "ion"))  # "Foreign and ...", "Trade and ..."
_CANDIDATE = re.compile(
    r"\b(?:the\s+)?((?:[A-Z](?:[\w'\u2019+-]|\.(?=[\w-]))*\s+(?:(?:" + _ADJECTIVE_END + r")(?:and|for|of)\s+(?=[A-Z]))?){1,5}?"
    r"(?:Summit|Dialogue|Forum|Conference|Format|Process|Consultations|Ministerial|Meeting|Commission|Committee)s?"
    r"(?:\s+on\s+(?!(?:" + WEEKDAY + "|" + MONTH + r")\b)[A-Z][\w'\u2019-]+(?=[\s,.;:]|$)"
    r"(?!\s+(?:[A-Z]|and|on|in|at|for)\b))?)\b"
    r"(?!\s+(?:Minister|Ministers|Ministry|Secretary|Department|Commissioner|Agency)\b)")
# ("Foreign and Strategic Dialogue", "Dialogue on Afghanistan"; not "Social Dialogue Minister X")
_STANDING_BODY = re.compile(r"\b(?:Joint|Binational|Bi-[Nn]ational|Intergovernmental|Inter-[Gg]overnmental|Mixed|"
                            r"Bilateral)\b")
_SESSION_OF = re.compile(r"(?i)\b(?:meeting|session|round)\s+(?:[\w-]+\s+){0,4}?of\s+(?:the\s+)?"
                         r"(?:\d+(?:st|nd|rd|th)\s+)?$")  # "the second meeting ... of the 7th Joint Commission"
_CANDIDATE_FRAMEWORK = re.compile(  # "held in the framework of the Baltic Council of Ministers"
    r"\b(?:in|within|under)\s+the\s+(?:framework|format|auspices|umbrella)\s+of\s+(?:the\s+)?"
    r"((?:[A-Z][\w'\u2019-]*|of|for|and)(?:\s+(?:[A-Z][\w'\u2019-]*|of|for|and)){1,6})")
_CANDIDATE_HEAD_FIRST = re.compile(  # "Cimeira Brasil-Portugal", "Cumbre de las Américas"
    r"\b((?:Cimeira|Cumbre|C[úu]pula|Sommet|Vertice|Foro|Di[áa]logo|Conferencia|Confer[êe]ncia|"
    r"Conf[ée]rence)\s+(?:(?:de|do|da|dos|das|del|des|du|de\s+la|de\s+las|de\s+los|entre|UE)\s+)?"
    r"[A-Z][\w'\u2019-]+(?:[\s-](?:[A-Z][\w'\u2019-]+|y|e|et))*)")
def _summit_in_english(said: str) -> str | None:
    """"Cimeira Brasil-Portugal", "Cumbre México-Colombia": "Brazil-Portugal Summit"."""
    from generator.convert.places import country_of
    m = re.match(r"(?i)(?:cimeira|cumbre|c[úu]pula|sommet|vertice)\s+(?:\w+\s+)?([^\W\d_]+)[\s-]+"
                 r"(?:y\s+|e\s+|et\s+)?([^\W\d_]+)$", said)
    sides = [country_of(w) for w in m.groups()] if m else []
    return f"{sides[0]}-{sides[1]} Summit" if len(sides) == 2 and all(sides) else None


_GENERIC = {"annual", "ministerial", "meeting", "meetings", "summit", "conference", "dialogue",
            "forum", "leaders", "leaders'", "foreign", "ministers", "ministers'", "high-level",
            "level", "joint", "special", "extraordinary", "informal", "regional", "international",
            "bilateral", "strategic", "global", "world", "first", "second", "third", "plenary",
            "related", "other", "summits", "side", "several", "two", "both"}
_NOT_FORUM = re.compile(r"^(?:The|A|An|This|That|Its|His|Her|Their|Our|Foreign|First|Last|Next|Second|Third|Fourth|"
                        r"Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|\d+(?:st|nd|rd|th)|"
                        r"Annual|Security|National|Ministry|Press|Business|Media|Youth|Cabinet)$")


@dataclass
class ForumHit:
    forum: str  # display name
    start: int
    end: int
    text: str
    gathering: bool  # the words make it a gathering, not just a name
    registered: bool = True  # False: a candidate, listed for review only
    summit: bool = False  # a leaders' summit format: its own meeting is a summit


_TOKEN = re.compile(r"#?[\w+]+(?:[-\u2010.][\w+]+)*")


def _tok(word: str) -> str:
    return re.sub(r"[-\u2010.]", "", word.lstrip("#")).casefold()


@functools.lru_cache(maxsize=8)
def _index(names: tuple[tuple[str, str], ...]) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Forum names by their first word: (words, forum id, the name as written), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for name, fid in names:
        words = tuple(_tok(w) for w in _TOKEN.findall(name))
        if words:
            index.setdefault(words[0], []).append((words, fid, name))
    for bucket in index.values():
        bucket.sort(key=lambda x: -len(x[0]))
    return index


_COMPOUND = re.compile(r"([\w+]+)-(?i:(?:video|au[ßs]enminister|staats)?gipfel\w*|(?:au[ßs]enminister)?treffen|"
                       r"konferenz|summit|sommet|cumbre|c[úu]pula|cimeira|vertice)$")


class ForumIndex:
    def __init__(self, forums: Registry[Forum]):
        self.forums = forums
        names = tuple((n, f.id) for f in forums for n in sorted({f.name, *f.aliases}))
        self._index = _index(names)

    def _lookup(self, name: str) -> Forum | None:
        return self.forums.lookup(name)

    def with_acronyms(self, text: str) -> "ForumIndex":
        """"the Pacific Islands Forum Leaders Meeting (PIFLM) ... on the margins of the PIFLM":
        an acronym an article defines for a known forum names it in that article."""
        extra: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for hit in self.find(text):
            m = re.match(r"\s*\(([A-Z][A-Za-z0-9+-]{1,9})\)", text[hit.end:hit.end + 14])
            if m and hit.registered:
                forum = self.forums.lookup(hit.forum)
                if forum is not None and _tok(m.group(1)) not in self._index:
                    extra[_tok(m.group(1))] = [((_tok(m.group(1)),), forum.id, m.group(1))]
        if not extra:
            return self
        other = ForumIndex.__new__(ForumIndex)
        other.forums, other._index = self.forums, {**self._index, **extra}
        return other

    def find(self, text: str) -> list[ForumHit]:
        hits: list[ForumHit] = []
        for m in _EDITION.finditer(text):  # COP27: the edition is the forum's name
            hits.append(ForumHit(f"{m.group(1)}{m.group(2)}", m.start(), m.end(), m.group(0), True))
        words = list(_TOKEN.finditer(text))
        keys = [_tok(w.group(0)) for w in words]
        i = 0
        while i < len(words):
            found = None
            for toks, fid, name in self._index.get(keys[i], ()):
                n = len(toks)
                if tuple(keys[i:i + n]) != toks:
                    continue
                said = text[words[i].start():words[i + n - 1].end()]
                if len(name) <= 5 and said.lstrip("#").replace("-", "") != name.replace("-", ""):
                    continue  # short names keep their case: "SCO", not "sco"
                found = (n, fid, said)
                break
            if found is None:
                compound = _COMPOUND.match(words[i].group(0))
                head = self._index.get(_tok(compound.group(1)), ()) if compound else ()
                fid = next((f for toks, f, name in head if len(toks) == 1 and
                            (len(name) > 5 or compound.group(1) == name)), None)
                if fid is not None and not any(h.start < words[i].end() and words[i].start() < h.end
                                               for h in hits):  # "G7-Gipfeltreffen", "Nato-Gipfel"
                    start = words[i].start()
                    hits.append(ForumHit(self.forums.items[fid].name, start,
                                         start + len(compound.group(1)), compound.group(1), True,
                                         summit=self.forums.items[fid].kind == "summit"))
                i += 1
                continue
            n, fid, said = found
            start, end = words[i].start() + (1 if said.startswith("#") else 0), words[i + n - 1].end()
            prev = words[i - 1].group(0) if i else ""
            if n >= 2 and prev[:1].isupper() and prev not in ("The", "A", "An", "This") and \
                    not text[words[i - 1].end():start].strip():
                i += n  # "Supreme National Security Council" is not the UN Security Council
                continue
            if not any(h.start < end and start < h.end for h in hits):
                forum = self.forums.items[fid]
                hits.append(ForumHit(forum.name, start, end, text[start:end],
                                     self._gathering(text, start, end), summit=forum.kind == "summit"))
            i += n
        hits.sort(key=lambda h: h.start)
        return hits

    def candidates(self, text: str, hits: list[ForumHit]) -> list[ForumHit]:
        """Named formats no registry knows ("the Lake Victoria Basin Dialogue")."""
        out = []
        for m in _CANDIDATE.finditer(text):
            name = m.group(1).strip()
            words = name.split()
            while words and _NOT_FORUM.match(words[0]):
                words = words[1:]
            if len(words) < 2 or any(h.start < m.end(1) and m.start(1) < h.end and not (
                    is_generic(h.forum) and m.start(1) <= h.start and h.end <= m.end(1)) for h in hits):
                continue  # (a generic name inside: "the Australia-China Foreign and Strategic Dialogue")
            name = " ".join(words)
            if re.match(r"Commi", words[-1]) and not _STANDING_BODY.search(name):
                continue  # "the European Commission": an institution; "the Joint Economic Commission": a format
            if re.search(r"(?i)\bheads\s+of\s+$", text[max(0, m.start(1) - 10):m.start(1)]):
                continue  # "the EAC heads of State Summit": the bloc's summit, not a "State Summit"
            if self._lookup(name) or any(not w[:1].isupper() and w not in ("and", "for", "of", "on") for w in words) or \
                    all(w.lower().replace("\u2019", "'") in _GENERIC for w in words):
                continue
            start = m.end(1) - len(name)
            if re.search(r"(?i)\b(?:memorandum|mou|agreement|protocol|accord|treaty|convention)\b[^.;]{0,150}\bon\s+$",
                         text[max(0, start - 200):start]):
                continue  # "signed a Memorandum of Understanding ... on Political Consultations": its subject
            standing = re.match(r"Commi", words[-1]) is not None  # met in, or only named ("revive the ...")
            met = not standing or self._gathering(text, start, m.end(1)) or \
                bool(_SESSION_OF.search(text, max(0, start - 60), start))
            out.append(ForumHit(name, start, m.end(1), name, met, registered=False))
        for m in _CANDIDATE_FRAMEWORK.finditer(text):
            name = re.sub(r"(?:\s+(?:of|for|and))+$", "", m.group(1))
            if re.search(r"['\u2019]s?$", name) or re.match(r"(?:President|Prime|Minister|King|Queen|Chancellor|"
                                                            r"Premier|Emir|Sheikh|Secretary|Mr|Mrs|Ms|Dr)\b", name):
                continue  # "within the framework of President X's meetings": a person, not a format
            if len(name.split()) < 2 or self._lookup(name) or \
                    any(h.start < m.start(1) + len(name) and m.start(1) < h.end for h in hits + out):
                continue
            out.append(ForumHit(name, m.start(1), m.start(1) + len(name), name, True, registered=False))
        for m in _CANDIDATE_HEAD_FIRST.finditer(text):
            said = m.group(1).rstrip(" -")
            if self._lookup(said) or any(h.start < m.end(1) and m.start(1) < h.end for h in hits + out):
                continue
            name = _summit_in_english(said) or said
            known = self._lookup(name)
            out.append(ForumHit(known.name if known else name, m.start(1), m.start(1) + len(said), said,
                                True, registered=known is not None))
        return out

    def with_candidates(self, text: str) -> list[ForumHit]:
        """The formats a text names, the registry's and the candidates, a generic registered name
        ("Strategic Dialogue") giving way to the longer name around it."""
        hits = self.find(text)
        cands = self.candidates(text, hits)
        return [h for h in hits if not any(c.start <= h.start and h.end <= c.end for c in cands)] + cands

    @staticmethod
    def _gathering(text: str, start: int, end: int) -> bool:
        said = text[start:end]
        if _NAME_GATHERING.search(said) or "+" in said:
            return True  # "G20 summit", "2+2"; not "Security Council", "General Assembly"
        if re.match(r"\s+(?:member\s+)?(?:countries|states|nations)\b|\s+(?:membership|accession|candidacy|"
                    r"candidate\s+status|integration|enlargement|path|aspirations?|funds?|funding|sanctions|law|"
                    r"rules|standards|market)\b", text[end:end + 25], re.I) or \
                re.search(r"(?i)\bas\s+(?:the\s+)?(?:current\s+)?(?:chair|host|member|president)\s+of\s+(?:the\s+)?$",
                          text[max(0, start - 40):start]):
            return False  # "the leaders of SAARC countries", "as chair of SAARC": who, not where
        if _BEFORE.search(text[max(0, start - 70):start]) or _MEMBERS_OF.search(text[max(0, start - 90):start]):
            return True
        if re.search(r"(?i)\b(?:call|meeting|summit|talks|conference)\s+with\s+(?:the\s+|other\s+|fellow\s+)?$",
                     text[max(0, start - 40):start]) and \
                re.match(r"\s+(?:leaders|heads\s+of\s+state|ministers|members|counterparts)\b", text[end:end + 25]):
            return True  # "a video call with BRICS leaders"
        return bool(_AFTER.match(text[end:end + 40]))


def is_generic(name: str) -> bool:
    """"Strategic Dialogue", "Foreign Ministers' Meeting": a kind of format, not one format."""
    return all(w.lower() in _GENERIC for w in name.split())


_UNION_OFFICE = re.compile(r"^(?:European|EU)\b", re.I)


def _side(person: Person, when: FuzzyDate | None) -> str | None:
    """The side a person sits on: the Union for its own officers, else their country."""
    for role in person.roles:
        if (when is None or role.held_on(when)) and _UNION_OFFICE.search(role.title):
            return "European Union"
    return person.country


def summit_format(participants: list[str], forums: list[str], people: Registry[Person],
                  known: Registry[Forum], when: FuzzyDate | None) -> Forum | None:
    """"EU leaders held a summit with Premier Li": the registered summit of exactly these two
    sides (the EU-China Summit), from who took part and the groupings named."""
    sides = {_side(people.items[pid], when) for pid in participants if pid in people.items}
    sides |= {f.name for name in forums if (f := known.lookup(name)) and f.kind != "summit"}
    sides.discard(None)
    if len(sides) != 2:
        return None
    found = [f for f in known if f.kind == "summit" and len(f.members) == 2 and
             {known.lookup(m).name if known.lookup(m) else m for m in f.members} == sides]
    return found[0] if len(found) == 1 else None


_FOREIGN = re.compile(r"foreign|external affairs|secretary of state|state secretary", re.I)
_DEFENCE = re.compile(r"defen[cs]e", re.I)


def is_two_plus_two(participants: list[str], people: Registry[Person], when: FuzzyDate | None) -> bool:
    """Both countries' foreign and defence ministers took part: the 2+2 format."""
    foreign: set[str] = set()
    defence: set[str] = set()
    for pid in participants:
        person = people.items.get(pid)
        if person is None or not person.country:
            continue
        for role in person.roles:
            if when is not None and not role.held_on(when):
                continue
            if _DEFENCE.search(role.title) and "deputy" not in fold(role.title):
                defence.add(person.country)
            elif _FOREIGN.search(role.title) and "deputy" not in fold(role.title):
                foreign.add(person.country)
    return len(foreign) >= 2 and len(defence) >= 2 and len(foreign & defence) >= 2
