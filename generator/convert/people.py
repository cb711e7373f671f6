"""Finding people in running text: who is named, as what, from which country.

Articles name people in many ways: "Dr S Jaishankar", "EAM Jaishankar",
"Jaishankar's", "@DrSJaishankar", a misspelt "Jaishanker", a title and a
name the registry has never seen ("Kenyan Foreign Minister Amina Odhiambo"),
or only an office ("the Ugandan foreign minister", "his Uzbek counterpart").
Registry names (the site's, then the converter's reference list) are found
first; other names count only when the text marks them as a person's (a title
before, an apposition after, "said" after). Every inexact reading says how it
was made, so a person can confirm it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from generator.content.dates import FuzzyDate
from generator.content.model import Person
from generator.content.registry import Registry
from generator.convert.places import NOT_PEOPLE, Gazetteer, default_gazetteer

_TOKEN = re.compile(r"@\w+|[^\W\d_]+(?:['\u2019][^\W\d_]{2,})?|\d+")
HONORIFICS = {"dr", "mr", "mrs", "ms", "shri", "smt", "sir", "dame", "prof", "eam", "pm",
              "president", "minister", "secretary", "ambassador", "senator", "general", "chancellor",
              "premier", "sheikh", "king", "queen", "prince", "princess", "admiral", "governor",
              "emir", "sultan", "director", "chairman", "chair", "speaker", "nsa", "fm", "hh", "hrh",
              # Malay, Brunei and Gulf honorifics: "Datuk Seri Anwar Ibrahim", "Pengiran Muda"
              "datuk", "dato", "datin", "seri", "tan", "tun", "pengiran", "haji", "hajah", "yang",
              "mulia", "hon", "honourable", "honorable", "counselor", "counsellor",
              # Cambodian and Thai: "Samdech Techo Hun Sen", "Samdech Moha Bovor Thipadei Hun Manet"
              "samdech", "techo", "moha", "bovor", "thipadei"}
# Words that, just before a capitalised run, say "a person's name follows".
PERSON_CUES = HONORIFICS | {
    "spokesperson", "spokesman", "spokeswoman", "counterpart", "envoy", "official", "adviser",
    "advisor", "diplomat", "commissioner", "chief", "deputy", "leader", "mp", "lawmaker", "emir",
    "crown", "mayor", "aide", "assistant", "head", "representative", "negotiator", "councillor",
    "councilor", "counsellor", "secretary-general", "vice", "delegate", "leaders", "ministers",
    "presidents", "correspondent", "reporter", "colonel", "minister-president", "chancellor",
    "affairs", "counterparts", "ambassadors", "officials", "premier", "presidente", "ministro",
    "ministra", "canciller", "chanceler", "ministre", "außenminister", "aussenminister",
    "präsident", "prasident", "bundeskanzler", "kanzler", "princess", "monarch", "homologue",
    "homólogo", "homologo", "homóloga", "homologa", "par", "omologo", "omologa", "amtskollege",
    "amtskollegin", "außenministerin", "aussenministerin", "bundesaußenministerin",
    "ministerin", "präsidentin", "kanzlerin", "presidenta", "primer", "primeira", "premier",
    "chef", "chefin", "secretario", "secretaria", "secrétaire", "ambassadeur", "embajador",
    "embaixador", "ambasciatore", "canciller", "vicepresidente", "vice-président", "prime",
    "commander", "governor", "director", "chairman", "chairwoman", "general", "supreme"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
             "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"}
SAY_VERBS = {"said", "says", "told", "stated", "added", "noted", "wrote", "posted", "explained",
             "announced", "remarked", "observed", "insisted", "argued", "tweeted", "stressed",
             "emphasised", "emphasized", "underlined", "highlighted", "reported", "informed",
             "confirmed", "claimed", "warned", "urged", "asserted", "declared"}
_PARTICLES = {"bin", "bint", "al", "ould", "ag", "de", "da", "dos", "das", "van", "von", "der", "del", "di",
              "la", "le", "ibn", "el", "du", "ben", "abu", "ter", "zu", "y"}
_COMMON = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "in", "on",
           "at", "as", "it", "its", "he", "she", "they", "we", "i", "meanwhile", "interestingly",
           "however", "according", "following", "speaking", "while", "when", "without", "after",
           "before", "during", "reiterating", "both", "all", "his", "her", "their", "our", "there",
           "if", "then", "also", "earlier", "later", "today", "yesterday", "here", "where", "what",
           "who", "why", "how", "with", "from", "for", "to", "of", "by", "via", "amid", "despite",
           "since", "until", "about", "over", "under", "between", "into", "says", "said", "will",
           "would", "could", "should", "may", "might", "must", "can", "did", "does", "do", "has",
           "have", "had", "is", "are", "was", "were", "be", "been", "being", "not", "no", "yes",
           "new", "top", "first", "last", "next", "more", "most", "other", "another", "some",
           "holds", "held", "meets", "met", "meet", "hold", "talks", "visits", "visit", "calls",
           "call", "speaks", "spoke", "discuss", "discusses", "discussed", "agree", "agrees",
           "sign", "signs", "urges", "warns", "vows", "seeks", "set", "hosts", "host", "arrives",
           "leaves", "departs", "joins", "slams", "backs", "thanks", "welcomes", "receives",
           "watch", "read", "also", "breaking", "live", "update", "updates", "exclusive",
           "opinion", "analysis", "editorial", "video", "photos", "photo", "image", "file",
           "source", "sources", "credit", "via", "related", "more", "latest", "news"}
TITLE_HEADS = (
    r"prime\s+ministers?|deputy\s+prime\s+minister|vice\s+premier|premiers?|presidents?|vice[\s-]president|"
    r"chancellor|foreign\s+ministers?|foreign\s+secretary|external\s+affairs\s+minister|"
    r"minister\s+of\s+(?:foreign|external)\s+affairs|minister\s+for\s+(?:foreign|external)\s+affairs|"
    r"secretary\s+of\s+state|state\s+secretary|defen[cs]e\s+(?:minister|secretary)|"
    r"secretary\s+of\s+defen[cs]e|minister\s+of\s+defen[cs]e|national\s+security\s+advi[sz]e?[eo]r|"
    r"security\s+advi[sz]e?[eo]r|foreign\s+affairs\s+minister|top\s+diplomat|king|queen|emir|"
    r"crown\s+prince|sultan|ambassador|envoy|special\s+envoy|minister|secretary[\s-]general|"
    r"state\s+councill?or|high\s+representative|foreign\s+policy\s+chief|counterparts?|colleagues?|leaders?|"
    r"ministers|delegations?|side")
# "the Ugandan foreign minister", "his Uzbek and Kazakh counterparts", "Egypt's foreign minister"
_OFFICE_REF = re.compile(  # (no word of "who" begins an office: "prime" is not a country of "minister")
    rf"\b(?:(?P<det>the|his|her|their|its|a)\s+)?(?P<who>(?:(?!(?:{TITLE_HEADS})\b)[A-Z][\w'\u2019.-]+\s+){{1,3}}?"
    rf"(?:(?:and\s+|,\s*|,\s+and\s+)(?:[A-Z][\w'\u2019.-]+\s+){{1,2}}?)*|"
    rf"(?:(?:[A-Z][\w'\u2019.-]+\s+)?[A-Z][\w'\u2019.-]+,\s+){{1,4}}(?:[A-Z][\w'\u2019.-]+\s+){{0,2}}"
    rf"and\s+(?:[A-Z][\w'\u2019.-]+\s+){{1,2}})?(?P<office>{TITLE_HEADS})\b", re.I)
_ARTICLES = {"la", "el", "le", "les", "los", "las", "the", "der", "die", "das", "il", "lo", "o", "a"}
_PORTFOLIOS = {"energy", "finance", "defence", "defense", "trade", "health", "economy", "interior",
               "justice", "agriculture", "education", "environment", "tourism", "culture", "transport",
               "industry", "labour", "labor", "information", "communications", "commerce", "planning",
               "development", "infrastructure", "investment", "petroleum", "mines", "water", "security"}
_REGION_WORD = re.compile(r"\b(?:Asian|African|European|American|Arab|Nordic|Baltic|Pacific|Atlantic|"
                          r"Caribbean|Balkan|Gulf|Latin|Oceanian|Asia|Africa|Europe|America)s?$")  # "Central Asian"
_VENUE_WORD = re.compile(r"\b(?:Villa|Palace|Palacio|Palais|Palazzo|House|Hotel|Airport|Embassy|"
                         r"Ministry|Stadium|Kremlin|Chancellery)\b")  # "Presidential Villa Abuja"
_THING = re.compile(r"\b(?:Sea|Ocean|River|Lake|Gulf|Bay|Strait|Straits|Declaration|Agreement|Accord|"
                    r"Accords|Treaty|Plan|Initiative|Corridor|Basin|Valley|Mountains|Islands?|"
                    r"Peninsula|Canal|Desert|Coast|Region|Province|State|Republic|Kingdom|"
                    r"Emirates|Union|Organisation|Organization|Agency|Fund|Bank|Programme|"
                    r"Program|Protocol|Charter|Convention|Pact|Framework|Strategy|Award|Prize|"
                    r"Cup|Games|Festival|Expo|Airport|Port|Palace|Hall|House|Hotel|Centre|"
                    r"Center|Square|Street|Road|Bridge|Dam|Pass|Party|Front|Movement|Army|"
                    r"Forces|Ministry|Council|Committee|Commission|Parliament|Assembly|Directorate|"
                    r"Department|Office|Service|Staff|Division|Bureau|Administration|Secretariat|"
                    r"Command|Corps|Guard|Police|Court|Tribunal|Institute|University|School|"
                    r"Exteriores|Estrangeiros|[ÉE]trang[èe]res|Esteri|Ausw[äa]rtigen|Relations|Cooperation|Affairs|"
                    r"Readout|Transcript|Remarks|Statement|Communiqu[eé]|Briefing|Release)$")
_TITLE_THEN_COMMA = re.compile(
    r"\b(?i:minister|ministre|ministro|ministra|ministerin|president|président|presidente|"
    r"präsident|chancellor|canciller|chanceler|kanzlerin|kanzler|secretary|secrétaire|"
    r"secretario|ambassador|ambassadeur|embajador|envoy|counterpart|homologue|homólogo|"
    r"homóloga|omologo|par|premier|king|emir|prince|spokes\w+|foreign\s+affairs|"
    r"affaires\s+étrangères|relaciones\s+exteriores|negócios\s+estrangeiros|esteri|"
    r"director|commissioner|chair(?:man|woman|person)?)(?:-\w+)?"  # "Secretary-General"
    r"(?:\s+(?!and\b|et\b|y\b|e\b)[\w'\u2019-]+){0,4},\s*$")
# One-word names that are also months, weekdays or common words: never a person alone.
_NOT_A_NAME = {"may", "march", "april", "june", "july", "august", "price", "rice", "young", "cook",
               "king", "bush", "brown", "white", "black", "green", "long", "little", "rich", "hope",
               "grant", "major", "church", "bishop", "sharp", "strong", "wise", "said", "rock",
               "will", "mark", "win", "sun", "moon", "park", "lee", "kim", "li", "wang", "khan",
               "singh", "ali", "han", "ma", "hu"}
_PRONOUN_LIKE = {"he", "me", "we", "us", "so", "no", "do", "go", "an", "as", "to", "up", "on", "by"}
_ROYAL = {"prince", "princess", "sheikh", "sheikha", "emir", "king", "sultan", "crown"}
_HEAD_OF = re.compile(r"\b(?:president|prime\s+minister|premier|chancellor|king|queen|emir|sultan|"
                      r"general\s+secretary\s+of\s+the\s+(?:\w+\s+){0,3}communist\s+party|"
                      r"crown\s+prince|leader|head\s+of\s+(?:state|government)|taoiseach|"
                      r"pr[ée]sidente?|pr[äa]sident(?:in)?|premier\s+ministre|primer\s+ministro|"
                      r"primeir[oa][\s-]ministr[oa]|primo\s+ministro|(?:bundes)?kanzler(?:in)?)\b", re.I)
_SPEAKER_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|press\s+secretary|reporter|"
                           r"correspondent|editor|columnist|analyst|journalist|anchor|"
                           r"press\s+service|commentator)\b", re.I)


# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L",
                          "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th",
                          "ð": "d", "\u2019": "'"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Compare names without case, accents, dots or a leading ``@``: "Støre" is "store"."""
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().lstrip("@")


_TRANSLIT = (("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("gue", "ge"), ("gui", "gi"),
             ("ou", "u"), ("kh", "h"), ("w", "v"), ("z", "s"), ("j", "i"), ("y", "i"))


@lru_cache(maxsize=65536)
def translit(key: str) -> str:
    """A folded name as one transliteration: German "lawrow", French "sergue lavrov" and English
    "lavrov" agree ("sergei lavrov"); doubled letters count once."""
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return re.sub(r"(\w)\1+", r"\1", key)


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
    country: str | None = None  # as the registry or the text says
    title: str = ""  # the office the text gives, lower case ("foreign minister")
    speaker: bool = False  # a spokesperson, reporter or press secretary: reports, does not act
    titled: bool = False  # the title is the text's own words, not the registry's

    @property
    def leader(self) -> bool:
        return bool(_HEAD_OF.search(self.title))


@dataclass
class OfficeRef:
    """An office named without a name: "the Ugandan foreign minister"."""

    start: int
    end: int
    office: str  # lower case, spaces single
    countries: list[str]
    plural: bool
    text: str


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
    """Words; a hyphenated name is several words ("Amir-Abdollahian"), a possessive "'s" none."""
    out = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        if t in ("s", "S") and m.start() > 0 and text[m.start() - 1] in "'\u2019":
            continue
        out.append(Token(t, m.start(), m.end()))
    return out


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
    (r"^minister for foreign affairs$", "foreign minister"),
    (r"^(?:us |u s )?department of state spokesperson$", "state department spokesperson"),
    (r"advisor", "adviser"),
]


@lru_cache(maxsize=4096)
def office_words(title: str) -> str:
    words = " ".join(re.findall(r"[a-z]+", fold(title)))
    for rx, repl in _OFFICE_SYNONYMS:
        words = re.sub(rx, repl, words)
    return words


@lru_cache(maxsize=4096)
def office_of(title: str) -> Office:
    gaz = default_gazetteer()  # countries are the bundled list
    words = " ".join(re.findall(r"[a-z]+", fold(title)))
    country = None
    m = re.match(r"^(.+?) (of|to) (?:the )?([a-z ]+)$", words)
    if m and gaz.country_of(m.group(3).title()):
        words = m.group(1)  # "Ambassador to the United States" is the sender's office, not the host's
        country = gaz.country_of(m.group(3).title()) if m.group(2) == "of" else None
    return Office(office_words(words), country)


def office_clash(title: str, office: str) -> bool:
    """"President" and "top diplomat" are two people; "president" and "premier", said loosely of
    one head of government, may be one."""
    if same_office(title, office):
        return False
    if re.search(r"\b(?:top|chief)\s+diplomat|foreign\s+policy\s+chief|\bofficial\b", f"{title} | {office}"):
        return bool(_HEAD_OF.search(title)) != bool(_HEAD_OF.search(office))  # loose words: rank only
    return not (_HEAD_OF.search(title) and _HEAD_OF.search(office))


def same_office(a: str, b: str) -> bool:
    """"foreign minister" and "minister of foreign affairs" are one office."""
    a, b = office_words(a), office_words(b)
    if a == b:
        return True
    foreign = {"foreign minister", "external affairs minister", "secretary of state",
               "foreign secretary", "top diplomat"}
    heads = {"president", "prime minister", "chancellor", "premier", "leader"}
    return (a in foreign and b in foreign) or (b == "leader" and a in heads) or \
        (a == "leader" and b in heads)


class PeopleIndex:
    """Registry names prepared for scanning text."""

    def __init__(self, people: Registry[Person], gazetteer: Gazetteer | None = None,
                 own: set[str] | None = None):
        """``own``: the ids of the site's own registry (close spellings are read only for
        them; the reference list must match exactly)."""
        self.people = people
        self.gaz = gazetteer or default_gazetteer()
        self.forms: dict[tuple[str, ...], str] = {}
        self.surnames: dict[str, set[str]] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                toks = name_tokens(name)
                while toks and toks[0] in HONORIFICS and len(toks) > 1:
                    self.forms.setdefault(toks, person.id)
                    toks = toks[1:]
                    if len(toks) == 1 and (own is not None and person.id not in own
                                           or toks[0] in _NOT_A_NAME):
                        toks = ()  # "Mrs May" is not "May"
                if toks and not (len(toks) == 1 and toks[0] in _NOT_A_NAME):
                    self.forms.setdefault(toks, person.id)
            toks = name_tokens(person.name)
            if toks:
                self.surnames.setdefault(toks[-1], set()).add(person.id)
            words = person.name.split()
            if (len(toks) == 2 or len(words) == 2 and "-" in words[1]) and len(toks[0]) >= 2 and \
                    toks[0] not in _PRONOUN_LIKE:  # "Wang" of Wang Yi, "Li" of Li Keqiang, "Yun" of
                self.surnames.setdefault(toks[0], set()).add(person.id)  # Yun Byung-se: family name first
        self._royal_short_forms(people)
        self.max_len = max((len(k) for k in self.forms), default=1)
        self.single = {k[0]: v for k, v in self.forms.items() if len(k) == 1 and len(k[0]) >= 6
                       and (own is None or v in own)}
        self.by_spelling: dict[str, str | None] = {}  # "sergei lavrov" -> id (None: two people)
        for k, v in self.forms.items():
            if 2 <= len(k) <= 3:
                key = translit(" ".join(k))
                self.by_spelling[key] = v if self.by_spelling.get(key, v) == v else None
        self.by_first: dict[str, list[tuple[str, str]]] = {}  # given name -> (surname, id)
        for k, v in self.forms.items():
            if len(k) == 2 and len(k[1]) >= 6:
                self.by_first.setdefault(k[0], []).append((k[1], v))
        self.offices: list[tuple[Office, str, object]] = []
        for person in people:
            if own is not None and person.id not in own:
                continue  # "the Georgian foreign minister" names the site's people only
            for role in person.roles:
                self.offices.append((office_of(role.title), person.id, role))
        self.office_words = sorted({o.words for o, _, _ in self.offices}, key=len, reverse=True)
        self.office_rx = [(w, re.compile(r"\b" + r"\s+".join(self._word_rx(x) for x in w.split())
                                         + r"\b(?!s\b)")) for w in self.office_words]

    def _royal_short_forms(self, people: Registry[Person]) -> None:
        """"Prince Faisal bin Farhan" is "Prince Faisal" after the first mention, "Sheikh
        Tamim bin Hamad" is "Sheikh Tamim": the title and the given name, when only one
        person has them."""
        short: dict[tuple[str, ...], set[str]] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                toks = name_tokens(name)
                if len(toks) >= 4 and toks[0] in _ROYAL and toks[2] in ("bin", "bint", "ibn"):
                    short.setdefault(toks[:2], set()).add(person.id)
        for form, ids in short.items():
            if len(ids) == 1:
                self.forms.setdefault(form, next(iter(ids)))

    def display(self, person_id: str) -> str:
        return self.people.items[person_id].name

    def country(self, person_id: str) -> str | None:
        item = self.people.items.get(person_id)
        return item.country if item else None

    def roles_on(self, person_id: str, when: FuzzyDate | None) -> list[str]:
        """Every office the registry gives the person on ``when``."""
        item = self.people.items.get(person_id)
        return [office_of(r.title).words for r in (item.roles if item else [])
                if when is None or r.held_on(when)]

    def role_on(self, person_id: str, when: FuzzyDate | None) -> str:
        """The office the registry gives the person on ``when`` ("" when none is known)."""
        item = self.people.items.get(person_id)
        if item is None:
            return ""
        roles = item.roles if when is not None else \
            sorted(item.roles, key=lambda r: r.end is not None)  # undated: the office held now
        for role in roles:
            if when is None or role.held_on(when):
                return office_of(role.title).words
        return ""

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
            hit = self._match_at(text, tokens, i)
            if hit and hit[0] == 1 and common and tokens[i].key in common and i == 0 \
                    and hit[1] not in (known or set()):
                hit = None
            if hit and hit[0] == 1 and self._after_another_first_name(text, tokens, i, hit[1]):
                hit = None  # "Vepa Hajiyev" is not Hikmet Hajiyev: another person of that surname
            if hit and hit[0] == 1 and self._in_longer_name(tokens, i):
                swapped = i + 1 < len(tokens) and \
                    fold(f"{tokens[i + 1].text} {tokens[i].text}") == fold(self.display(hit[1]))
                hit = (2, hit[1]) if swapped else None  # "Battsetseg Batmunkh" is Batmunkh
                # Battsetseg, family name first; but "Kim" of "Kim Jong Un" is not Kim alone
            if hit:
                n, pid = hit
                for k in range(1, n):  # "President Yoon" of "President Yoon Suk Yeol": the whole name
                    inner = self._match_at(text, tokens, i + k)
                    if inner and inner[1] == pid and k + inner[0] > n:
                        n = k + inner[0]
                start, end = tokens[i].start, tokens[i + n - 1].end
                out.append(self._mention(pid, text, start, end))
                i += n
                continue
            tok = tokens[i]
            if tok.capitalised and known:
                owners = self.surnames.get(tok.key, set()) & known
                if len(owners) == 1:
                    pid = next(iter(owners))
                    out.append(self._mention(pid, text, tok.start, tok.end))
                    i += 1
                    continue
            found = self._inexact(text, tokens, i)
            if found:
                pid, n, why = found
                end = tokens[i + n - 1].end
                m = self._mention(pid, text, tok.start, end)
                m.how = f'"{text[tok.start:end]}" read as {self.display(pid)} ({why})'
                out.append(m)
                i += n
                continue
            i += 1
        return out

    def _after_another_first_name(self, text: str, tokens: list[Token], i: int, pid: str) -> bool:
        """A surname right after a capitalised word that is no title, country or common word,
        and not a word of this person's name: someone else's first name."""
        if i == 0 or text[tokens[i - 1].end:tokens[i].start] != " ":
            return False
        prev = tokens[i - 1]
        if not prev.capitalised or prev.text.isupper() or prev.key in PERSON_CUES or prev.key in _COMMON or \
                prev.key in _PARTICLES or prev.key in _CALENDAR or self.gaz.country_of(prev.text):
            return False
        words = fold(self.display(pid)).replace("-", " ").split()
        if i >= 2 and tokens[i - 2].key in words:
            return False  # "Félix Antoine Tshisekedi": a middle name
        return not any(prev.key[:3] == w[:3] or _edit_distance(prev.key, w, 2) <= 2 for w in words)

    def _inexact(self, text: str, tokens: list[Token], i: int) -> tuple[str, int, str] | None:
        """A person named at token ``i`` not as the registry writes them: (id, words, why)."""
        titled = self._titled_surname(text, tokens, i)
        if titled:
            return titled, 1, f"the only {tokens[i].text} with that title"
        spelled = self._other_spelling(text, tokens, i)
        if spelled:
            return spelled[0], spelled[1], "another spelling"
        close = self._close_full_name(text, tokens, i)
        if close and not self._close_spelling(tokens[i + 1], tokens, i + 1):
            return close, 2, "close spelling"  # (a surname of the site's own person: read below)
        fuzzy = self._close_spelling(tokens[i], tokens, i)
        return (fuzzy, 1, "close spelling") if fuzzy else None

    def _mention(self, pid: str, text: str, start: int, end: int) -> Mention:
        return Mention(pid, self.display(pid), text[start:end], start, end,
                       country=self.country(pid))

    def _in_longer_name(self, tokens: list[Token], i: int) -> bool:
        """A one-word alias inside a run of capitalised words that is not itself a name."""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or not nxt.text[:1].isupper() or nxt.start - tokens[i].end > 1:
            return False
        return nxt.key not in _COMMON and nxt.text not in NOT_PEOPLE and \
            not self.gaz.is_place_word(nxt.text) and fold(nxt.text) not in PERSON_CUES

    def _match_at(self, text: str, tokens: list[Token], i: int) -> tuple[int, str] | None:
        if not tokens[i].capitalised and tokens[i].key not in HONORIFICS:
            return None
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            key = tuple(t.key for t in tokens[i:i + n])
            pid = self.forms.get(key)
            last = tokens[i + n - 1]
            if pid and (last.capitalised or n > 1 and text[tokens[i + n - 2].end:last.start] == "-"):
                if n == 1 and not tokens[i].capitalised:
                    continue
                if any(text[tokens[k].end:tokens[k + 1].start].strip(" .-\u2010") for k in
                       range(i, i + n - 1)):
                    continue  # not across a comma or a line
                return n, pid
        return None

    def _other_spelling(self, text: str, tokens: list[Token], i: int) -> tuple[str, int] | None:
        """"Sergej Lawrow", "Sergueï Lavrov", "Wladimir Selenskyj": a name as another language
        transliterates it (two or three words, one person only)."""
        for n in (3, 2):
            run = tokens[i:i + n]
            if len(run) < n or not all(t.capitalised for t in run) or \
                    any(text[a.end:b.start] != " " for a, b in zip(run, run[1:])):
                continue
            pid = self.by_spelling.get(translit(" ".join(t.key for t in run)))
            if pid:
                return pid, n
        return None

    def _titled_surname(self, text: str, tokens: list[Token], i: int) -> str | None:
        """"outgoing Prime Minister Marin": a surname after its office, when one person with that
        surname ever held an office of that name."""
        tok = tokens[i]
        if not tok.capitalised or i == 0 or len(tok.key) < 4 or tok.key in _NOT_A_NAME or \
                text[tokens[i - 1].end:tok.start] != " ":
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.capitalised and text[tok.end:nxt.start] in (" ", "-", "\u2010"):
            return None  # a longer name
        head = " ".join(t.key for t in tokens[max(0, i - 3):i])
        cue = re.search(r"(?:prime minister|foreign minister|president|chancellor|premier|"
                        r"secretary of state|foreign secretary|king|emir)$", head)
        if not cue:
            return None
        fits = {pid for pid in self.surnames.get(tok.key, set())
                if name_tokens(self.display(pid))[-1:] == (tok.key,) and any(
                    cue.group(0) in " ".join(name_tokens(r.title)) for r in self.people.items[pid].roles)}
        return next(iter(fits)) if len(fits) == 1 else None

    def _close_full_name(self, text: str, tokens: list[Token], i: int) -> str | None:
        """"Radoslaw Sikorskis" (a foreign paper's inflected form): the given name exactly,
        the surname one letter off, and only one person fits."""
        if i + 1 >= len(tokens) or not tokens[i].capitalised or not tokens[i + 1].capitalised \
                or text[tokens[i].end:tokens[i + 1].start] != " ":
            return None
        key = tokens[i + 1].key
        found = {pid for surname, pid in self.by_first.get(tokens[i].key, ())
                 if surname[:3] == key[:3] and _edit_distance(key, surname, 1) <= 1}
        return next(iter(found)) if len(found) == 1 else None

    def _close_spelling(self, tok: Token, tokens: list[Token], i: int) -> str | None:
        key = tok.key
        if (len(key) < 6 or not tok.text[:1].isupper() or key in self.single
                or tok.text in NOT_PEOPLE or self.gaz.is_place_word(tok.text) or key in _COMMON):
            return None
        limit = 1 if len(key) < 9 else 2
        found = {pid for form, pid in self.single.items()
                 if form[0] == key[0] and _edit_distance(key, form, limit) <= limit}
        return next(iter(found)) if len(found) == 1 else None

    # -- offices -----------------------------------------------------------
    def find_offices(self, text: str, when: FuzzyDate | None) -> list[Mention]:
        """Office phrases not followed by a name ("the US Secretary of State"), resolved by
        date to the registry's holder, only when the phrase says the country."""
        out: list[Mention] = []
        low = fold(text)
        for words, rx in self.office_rx:
            for m in rx.finditer(low):
                if any(o.start <= m.start() < o.end for o in out):
                    continue
                after = text[m.end():m.end() + 40]
                if re.match(r"[\s,]*(?:(?:Dr|Mr|Ms|Mrs|Shri)\.?\s+)?(?:@\w|[A-Z][a-z]|[A-Z]\.?\s)", after):
                    continue  # a name follows: the name is what counts
                if re.match(r"['\u2019]s?\s", after):
                    continue  # "the US President's envoy": the envoy, not the President
                country = self._country_before(text, m.start())
                pid = self._holder(words, country, when)
                if pid:
                    phrase = text[m.start():m.end()]
                    if country:
                        phrase = f"{country} {phrase}"
                    mention = self._mention(pid, text, m.start(), m.end())
                    mention.how = (f'"the {phrase}" read as {self.display(pid)}'
                                   f" (holder of that office on {when.iso() if when else '?'})")
                    mention.title = words
                    out.append(mention)
        return out

    @staticmethod
    def _word_rx(word: str) -> str:
        if word == "defence":
            return "defen[cs]e"
        if word == "department":
            return "(?:department|dept)"
        if word == "adviser":
            return "advi[sz]e?[eo]r"
        return re.escape(word)

    def _country_before(self, text: str, pos: int) -> str | None:
        before = text[max(0, pos - 30):pos].split()
        for word in reversed(before[-2:]):
            country = self.gaz.country_of(word.strip(",.'\u2019"))
            if country:
                return country
        return None

    def _holder(self, words: str, country: str | None, when: FuzzyDate | None) -> str | None:
        if not country:
            return None  # "the foreign minister" alone could be anyone's
        found = set()
        for office, pid, role in self.offices:
            if office.words != words:
                continue
            person = self.people.items[pid]
            if (office.country or person.country) != country:
                continue
            if when is not None and not role.held_on(when):  # type: ignore[attr-defined]
                continue
            found.add(pid)
        return next(iter(found)) if len(found) == 1 else None

    def office_refs(self, text: str, taken: list[tuple[int, int]]) -> list[OfficeRef]:
        """Offices named without a name after them ("his Uzbek and Kazakh counterparts")."""
        out = []
        for m in _OFFICE_REF.finditer(text):
            if any(a <= m.start("office") < b for a, b in taken):
                continue
            after = text[m.end():m.end() + 40]
            office = " ".join(m.group("office").lower().split()).replace("colleague", "counterpart")
            plural = office.endswith("s") and not office.endswith("ss")
            if not plural and re.match(r"\s*(?:,\s*)?(?:\[|(?:(?:Dr|Mr|Ms|Mrs|Prince|Sheikh)\.?\s+)?"
                                       r"(?:@\w|[A-Z][a-z]+(?:\s+[A-Z]|\b)))", after) and \
                    not re.match(r"\s*(?:,\s*)?(?:of|for|to|and|at|in|on|said|says)\b", after, re.I):
                continue  # a name follows
            who = m.group("who") or ""
            countries = []
            for part in re.split(r"\s+and\s+|,\s*", who.strip()):  # "South African", "Indian"
                words = part.split()
                found = self.gaz.country_of(part) if part else None
                for c in [found] if found else [self.gaz.country_of(w) for w in words]:
                    if c and c not in countries:
                        countries.append(c)
            tail = re.match(r"\s+(?:of|from)\s+(?:the\s+)?((?:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
                            r"(?:\s*\[[^\]]*\])?(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)?){1,8})",
                            text[m.end():m.end() + 200])
            if re.search(r"(?i)\b(?:former|ex|late|then|outgoing\s+former)[\s-]+$",
                         text[max(0, m.start("office") - 12):m.start("office")]):
                continue  # "Former president of the United States Donald Trump": not the holder
            if tail:
                for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r"\[[^\]]*\]", "", tail.group(1))):
                    c = self.gaz.country_of(part.strip()) or \
                        (self.gaz.country_of(part.split()[0]) if part.split() else None)
                    if c and c not in countries:
                        countries.append(c)
            if not countries and not (m.group("det") or "").lower() == "the":
                continue
            if who and not countries and who.strip() not in ("", "The"):
                continue  # "Foreign Minister" after some other capitalised words
            start = m.start("office")  # not "held talks with": from the determiner or the country
            for w in re.finditer(r"\S+", text[m.start():m.start("office")]):
                if w.group(0).lower() in ("the", "his", "her", "their", "its", "a") or \
                        w.group(0)[:1].isupper() and w.group(0).lower().strip(",.") not in _CALENDAR:
                    start = m.start() + w.start()
                    break
            out.append(OfficeRef(start, m.end(), office, countries, plural, text[start:m.end()]))
        return out

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
                                           or tokens[j + 1].key in _PARTICLES
                                           or text[tokens[j].end:tokens[j + 1].start] == "-") \
                    and tokens[j + 1].start - tokens[j].end <= 1 \
                    and text[tokens[j].end:tokens[j + 1].start] in ("", " ", "-") \
                    and tokens[j + 1].start not in covered:
                j += 1
            for k in range(i + 1, j):  # "Julius Maada Bio de la République de Sierra Leone": the name ends
                if tokens[k].key in _PARTICLES and tokens[k - 1].key not in _PARTICLES:
                    tail = text[tokens[k].end:tokens[j].end].strip()
                    if _THING.search(tail.split()[0] if tail.split()[0] not in ("la", "le", "l") else tail) or \
                            self.gaz.country_of(tail) or re.match(r"(?i)(?:la\s+|l['\u2019])?r[ée]publique\b|"
                                                                  r"(?:el\s+)?reino\b|royaume\b", tail):
                        j = k - 1
                        break
            while j > i and tokens[j].key in _PARTICLES:
                j -= 1
            while j > i and (tokens[i].key in _PORTFOLIOS or _THING.search(tokens[i].text)):
                i += 1  # "Minister of Energy Walid Fayad": the portfolio is not the name
            while j > i + 1 and self._ends_place(text, tokens, i):
                i += 1  # "of Bosnia and Herzegovina Elmedin Konakovic": the country's last word
            run = tokens[i:j + 1]
            if run[0].key in _ARTICLES:
                i = j + 1  # "La Libertad Avanza", "The Elders": a party or a body, not a person
                continue
            if 2 <= len(run) <= 5 and self._cued(text, tokens, i, j) and \
                    not re.search(r"\b[Tt]he\s+$", text[max(0, run[0].start - 5):run[0].start]) and \
                    not re.search(r"\b(?:Minister|Ministry|Secretary|Department|Commissioner)\s+(?i:of|for)\s+"
                                  r"(?:(?:[A-Z][\w-]+,?\s+){1,3}(?:[Aa]nd|&)\s+)?$",
                                  text[max(0, run[0].start - 60):run[0].start]):  # "the Shin Bet", "Minister
                # of Human Resource and Social Development", "... of Foreign Affairs and Regional
                # Integration": a body or a portfolio, not a person
                start, end = run[0].start, run[-1].end
                name = text[start:end]
                if not {fold(name), name} & skip and not any({fold(w.text), w.text} & skip for w in run) \
                        and not self._place_run(name):
                    out.append(Mention(name, name, name, start, end,
                                       f'"{name}" looks like a person but is not in people.yaml',
                                       candidate=True))
            i = j + 1
        return out

    def _ends_place(self, text: str, tokens: list[Token], i: int) -> bool:
        """Token ``i`` is the last word of a place named with the words before it."""
        for k in range(1, min(3, i) + 1):
            name = text[tokens[i - k].start:tokens[i].end]
            if self.gaz.country_of(name) or self.gaz.lookup(name):
                return True
        return False

    def _place_run(self, name: str) -> bool:
        """"Sri Lanka", "Sri Lankan", "Red Sea", "Astana Declaration": not a person."""
        if self.gaz.country_of(name) or _THING.search(name) or _VENUE_WORD.search(name) or \
                _REGION_WORD.search(name):
            return True
        words = name.split()
        if any(self.gaz.country_of(" ".join(words[k:])) for k in range(1, len(words))):
            return True  # "Asuntos Exteriores del Reino Unido", "Estado de Estados Unidos"
        hits = self.gaz.find(name)
        if hits and hits[0].start == 0 and hits[0].end >= len(name) - 1:
            return True
        big = {k for h in hits if h.place.population >= 500_000 for k in range(h.start, h.end)}
        return len(words) > 1 and all(m.start() in big for m in re.finditer(r"\S+", name))  # "Belgrade Pristina"
        # (not "Teresa Mbala": a name can be two small towns)

    def _name_word(self, tok: Token) -> bool:
        t = tok.text
        return (t[:1].isupper() and not t.isupper() and len(t) > 1 and t not in NOT_PEOPLE
                and not (self.gaz.country_of(t) and tok.key not in self.surnames)
                and tok.key not in _COMMON and tok.key not in PERSON_CUES
                and not re.search(r"\d", t))

    @staticmethod
    def _cued(text: str, tokens: list[Token], i: int, j: int) -> bool:
        if _TITLE_THEN_COMMA.search(text[max(0, tokens[i].start - 90):tokens[i].start]):
            return True  # "Le ministre sénégalais des Affaires étrangères, Ousmane Ndiaye"
        before = [t.key for t in tokens[max(0, i - 3):i]]
        gap = text[tokens[i - 1].end:tokens[i].start] if i else ""
        if any(w in PERSON_CUES for w in before[-2:]) and ";" not in gap and \
                ("." not in gap or before[-1:] and before[-1] in _ABBREVIATED):  # "Mr. Ralph Gonsalves"
            return True
        if before[-1:] and before[-1] in _PORTFOLIOS and any(w in PERSON_CUES for w in before[:-1]):
            return True  # "Minister of Energy Walid Fayad"
        if _TITLE_OF_BODY.search(text[max(0, tokens[i].start - 110):tokens[i].start]):
            return True  # "Minister of Foreign Affairs of Bosnia and Herzegovina Elmedin Konakovic"
        if re.search(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|met\s+with|meets\s+with|"
                     r"held\s+talks\s+with|holds\s+talks\s+with|spoke\s+(?:by\s+phone\s+)?with)\s+$",
                     text[max(0, tokens[i].start - 30):tokens[i].start]) and \
                re.match(r"\s*(?:,|\.|;|\s(?:at|in|on|and|to|for)\b)", text[tokens[j].end:tokens[j].end + 6]):
            return True  # "Araghchi received Mirjana Spoljaric Egger at his residence"
        if re.search(r"\[\s*$", text[:tokens[i].start]) and text[tokens[j].end:].lstrip()[:1] == "]":
            return True  # "the Kyrgyz Republic [Chingiz Aidarbekov]"
        after = text[tokens[j].end:tokens[j].end + 80]
        if re.match(r"[\s,]*(?:\([^)]*\)\s*)?(?:" + "|".join(SAY_VERBS) + r")\b", after):
            return True
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}\s*(?:,|;|\.|\s+and\b|$)",
                    after) and re.search(r"(?:,|\band|\bwere|\bincluding|\bincluded|:)\s*$", text[:tokens[i].start]):
            return True  # "Among them were X of Kenya, Selma Ashipala-Musavyi of Namibia, ..."
        return bool(re.match(r",\s+(?:the\s+|a\s+|an\s+|who\s+is\s+(?:the\s+|a\s+)?)?[\w'\u2019 -]{0,50}?"
                             r"(?:minister|president|secretary|ambassador|spokesperson|spokesman|"
                             r"spokeswoman|official|envoy|adviser|advisor|chancellor|premier|"
                             r"diplomat|aide|chief|leader|head|king|emir|prince|director|"
                             r"commissioner|governor|general|gouverneur|gobernador|governador|ministre|"
                             r"ministro|ministra|pr[ée]sident(?:e|a)?|vice-pr[ée]sidente?|vicepresident[ea])\b",
                             after, re.I))


_ABBREVIATED = {"dr", "mr", "mrs", "ms", "prof", "hon", "gen", "sen", "rep", "amb", "adm", "col", "lt", "h.e"}
_TITLE_OF_BODY = re.compile(
    r"\b(?:President|(?:Prime\s+|Foreign\s+)?Minister|Secretary(?:[- ]General)?|"
    r"(?i:director(?:[- ]general)?|secretary[- ]general)|"
    r"Chair(?:man|woman|person)?|Head|Ambassador|Commissioner|Governor|Speaker)\s+(?:of|for)\s+"
    r"(?:the\s+)?(?:(?:[A-Z][\w'\u2019-]*|\([A-Z][\w.-]*\)|of|and|the|for|on)(?:\s+|,\s+(?=[A-Z]))){0,8}"
    r"(?:[A-Z][\w'\u2019-]*|\([A-Z][\w.-]*\))(?:\s+|,\s+)$")  # "... Nations (FAO), Qu Dongyu"


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
