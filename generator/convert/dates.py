"""Publication dates and event dates, kept apart.

A report published on Saturday about a meeting "on Friday" is about Friday:
the publication date anchors relative words, and every relative word that is
resolved says how, so a person can check it in the entry's ``review:`` list.
Tense matters: "met on Friday" is the Friday before publication, "will meet on
Friday" the one after, so each time expression is resolved both ways and the
engagement it belongs to picks one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from generator.content.dates import FuzzyDate

# Month and weekday names in the languages the converter reads.
_MONTH_WORDS = {
    1: "january jan januar janvier enero janeiro gennaio januari ocak stycznia",
    2: "february feb februar fevrier février febrero fevereiro febbraio februari şubat subat lutego",
    3: "march mar märz marz maerz mars marzo março marco mart maart maret marca",
    4: "april apr avril abril aprile nisan kwietnia",
    5: "may mai mayo maio maggio maj mei mayıs mayis maja",
    6: "june jun juni juin junio junho giugno haziran czerwca",
    7: "july jul juli juillet julio julho luglio julai temmuz lipca",
    8: "august aug août aout agosto avgust augustus agustus ogos ağustos agustos sierpnia",
    9: "september sep sept septembre septiembre setiembre setembro settembre septembar eylül eylul "
       "września wrzesnia",
    10: "october oct oktober octobre octubre outubro ottobre oktobar ekim października pazdziernika",
    11: "november nov novembre noviembre novembro novembar kasım kasim listopada",
    12: "december dec dezember décembre decembre diciembre dezembro dicembre decembar desember "
        "disember aralık aralik grudnia",
}
_MORE_MONTH_WORDS = {  # Lithuanian, Latvian, Hungarian, Czech, Romanian, Scandinavian date lines
    1: "sausio sausis sausius janvāris janvārī január ledna ianuarie",
    2: "vasario vasaris februāris február února unora februarie",
    3: "kovo kovas marts március března brezna martie",
    4: "balandžio balandzio balandis aprīlis április dubna aprilie",
    5: "gegužės geguzes gegužė maijs május května kvetna",
    6: "birželio birzelio birželis jūnijs június června cervna iunie",
    7: "liepos liepa jūlijs július července cervence iulie",
    8: "rugpjūčio rugpjucio rugpjūtis augusts augusztus srpna augusti",
    9: "rugsėjo rugsejo rugsėjis septembris szeptember září zari septembrie",
    10: "spalio spalis oktobris október října rijna octombrie",
    11: "lapkričio lapkricio lapkritis novembris listopadu noiembrie",
    12: "gruodžio gruodzio gruodis decembris prosince decembrie",
}
for _n, _words in _MORE_MONTH_WORDS.items():
    _MONTH_WORDS[_n] += " " + _words
# (Months of other languages' date lines: a page in English often prints its date in the
# site's own language, "26. oktobar 2023", "11 Ekim 2023".)
_MONTHS = {w: n for n, words in _MONTH_WORDS.items() for w in words.split()}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORDS = {
    0: "monday montag lundi lunes segunda-feira segunda lunedì lunedi",
    1: "tuesday dienstag mardi martes terça-feira terca-feira terça martedì martedi",
    2: "wednesday mittwoch mercredi miércoles miercoles quarta-feira quarta mercoledì mercoledi",
    3: "thursday donnerstag jeudi jueves quinta-feira quinta giovedì giovedi",
    4: "friday freitag vendredi viernes sexta-feira sexta venerdì venerdi",
    5: "saturday samstag sonnabend samedi sábado sabado",
    6: "sunday sonntag dimanche domingo domenica",
}
_WEEKDAY_OF = {w: n for n, words in _WEEKDAY_WORDS.items() for w in words.split()}

_ENGLISH_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
                   "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_OTHER_MONTHS = "|".join(sorted({w for w in _MONTHS if not w.isascii() or w not in
                                 _ENGLISH_MONTHS.lower().split("|")} - {"mar", "mai"},
                                key=len, reverse=True))
# Capitalised English month names only ("may" the verb is not May the month);
# other languages write months in lower case, so they match in any case.
MONTH = (rf"(?:{_ENGLISH_MONTHS}|{_ENGLISH_MONTHS.upper()}|(?i:{_OTHER_MONTHS})|Mai)\.?")
WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|monday|tuesday|wednesday|thursday|"
           r"friday|saturday|sunday|(?i:montag|dienstag|"
           r"mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|"
           r"samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
           r"segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira|luned[ìi]|"
           r"marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|domenica))")
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"((?:19|20)\d{2})(?!\d)"
_OF = r"(?:\s+(?:of|de|di|del)\s+|\.?\s*)"

# Full dates, as pages print them.
_FULL_FORMS = (
    ("iso", re.compile(rf"(?<!\d){_YEAR}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d)")),
    ("dmy", re.compile(rf"(?<!\d){_DAY}{_OF}({MONTH}),?(?:\s+(?:de\s+)?|\s*[/-]\s*){_YEAR}")),
    ("mdy", re.compile(rf"\b({MONTH})\s+{_DAY}(?:,?\s*|\s*/\s*){_YEAR}")),
    ("numeric", re.compile(rf"(?<![\d./-])(\d{{1,2}})([./-])(\d{{1,2}})\2{_YEAR}")),
    # "2024 m. sausio 11 d." (Lithuanian), "2024. január 11." (Hungarian)
    ("ymd_words", re.compile(rf"(?<!\d){_YEAR}(?:\s*m\.|\.|,)?\s+({MONTH})\s+(\d{{1,2}})(?!\d)(?:\.|\s+d\.)?")),
    # "22.abr.2023", "22 abr. 2023", "3 janv. 2024": a short month of another language
    ("dmy_short", re.compile(r"(?<!\d)(\d{1,2})[.\s]\s*(?i:(ene|gen|janv|f[eé]vr?|abr|avr|mag|giu|"
                             r"lug|juil|ago|ao[uû]t|set|ott|out|dic|dez|d[ée]c))\.\s*((?:19|20)\d{2})(?!\d)")),
)


def month_number(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return _WEEKDAY_OF.get(word.lower())


def _make(year: int, month: int, day: int | None = None) -> FuzzyDate | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9998:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return FuzzyDate(year, month, day)


def _numeric(first: int, second: int, year: int) -> FuzzyDate | None:
    """``20-02-2021`` or ``10/06/2025``: day first unless that cannot be (the US order)."""
    if first > 12:
        return _make(year, second, first)
    if second > 12:
        return _make(year, first, second)
    return _make(year, second, first)


def _from_match(form: str, m: re.Match) -> FuzzyDate | None:
    if form == "iso":
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if form == "dmy":
        return _make(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1)))
    if form == "mdy":
        return _make(int(m.group(3)), month_number(m.group(1)) or 0, int(m.group(2)))
    if form == "ymd_words":
        return _make(int(m.group(1)), month_number(m.group(2)) or 0, int(m.group(3)))
    if form == "dmy_short":
        return _make(int(m.group(3)), _SHORT_MONTHS.get(m.group(2).lower(), 0), int(m.group(1)))
    return _numeric(int(m.group(1)), int(m.group(3)), int(m.group(4)))


def find_full_date(text: str, anchored: bool = False) -> tuple[FuzzyDate, re.Match] | None:
    """The first complete day-month-year date in ``text`` (at its start if ``anchored``)."""
    best: tuple[FuzzyDate, re.Match] | None = None
    for form, rx in _FULL_FORMS:
        m = rx.match(text) if anchored else rx.search(text)
        if not m:
            continue
        date = _from_match(form, m)
        if date and (best is None or m.start() < best[1].start()):
            best = (date, m)
    return best


def numeric_order(said: str, text: str, month_first: bool = False) -> tuple[FuzzyDate, str] | None:
    """A date such as ``10/06/2025`` that reads either way, put in the order the page
    writes its dates in words ("June 10, 2025" month first, "10 June 2025" day first),
    else month first when ``month_first`` (a US government address), else day first.

    Returns (date, review note), or None when ``said`` is not such a date.
    """
    m = _FULL_FORMS[3][1].search(said) or _SHORT_YEAR_LINE.match(said)
    if not m:
        return None
    short = len(m.group(4)) == 2
    if not short and (m.group(1) == m.group(3) or max(int(m.group(1)), int(m.group(3))) > 12):
        return None
    first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4)) + (2000 if short else 0)
    mdy, dmy = len(_FULL_FORMS[2][1].findall(text)), len(_FULL_FORMS[1][1].findall(text))
    us = mdy > dmy or (mdy == dmy and month_first)  # (no dates in words: a US site's order)
    date = _make(year, first, second) if us and first <= 12 else _make(year, second, first)
    if date is None:
        return None
    if short:
        return date, (f'published: "{m.group(0).strip()}" read as {date.iso()} (a two-digit year, '
                      "day first); check it")
    order = ("month first, as the page writes its dates" if mdy > dmy else "month first, as US sites write "
             "them") if us else "day first"
    return date, f'published: "{m.group(0)}" read {order}; it could be the other way round'


_SHORT_YEAR_LINE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2})(?:\s+\d{1,2}:\d{2})?\s*$")


def parse_machine_date(value: str) -> FuzzyDate | None:
    """Dates from page metadata: ``2022-02-12T11:13:49+05:30``, ``2022-02-12``, ``2022-02``."""
    m = re.match(r"\s*((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?", value or "")
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    found = find_full_date(value or "")
    return found[0] if found else None


# ---------------------------------------------------------------- publication

_LEAD_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*")
_LABEL = re.compile(r"^\s*(?:last\s+updated|updated(?:\s+on|\s+at)?|published(?:\s+on|\s+at)?|"
                    r"first\s+published(?:\s+on)?|posted(?:\s+on)?|date(?:d)?|written(?:\s+on)?|"
                    r"created(?:\s+on)?|"
                    r"publication\s+date|issued(?:\s+on)?|released(?:\s+on)?|"
                    r"ver[öo]ffentlicht(?:\s+am)?|publi[ée](?:\s+le)?|publicado(?:\s+(?:el|em))?|"
                    r"pubblicato(?:\s+il)?|aggiornato(?:\s+il)?|actualizado)\s*[:\-\u2013|]?\s*"
                    r"(?:on\s+)?", re.I)
_DATELINE = re.compile(rf"^([A-Z][A-Za-z.\- ]{{1,30}}?|[A-Z][A-Z .\-]{{1,30}})(?:\s*\[[^\]]{{1,30}}\])?"
                       rf",\s*({MONTH})\s+(\d{{1,2}})(?!\d)(?!,?\s*(?:19|20)\d\d)"
                       rf"(?:\s*\(([^)]{{1,40}})\)|\.?\s*/([A-Za-z][\w ]{{1,30}})/)?")
_POST_DATE = re.compile(rf"[\u2014\u2013-]\s*[^\u2014\n]{{0,80}}\(@\w{{1,30}}\)\s*({MONTH}\s+\d{{1,2}},?\s*\d{{4}})\s*$")
_WEEKDAY_PREFIX = re.compile(rf"^(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+")
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?|Uhr|h)?\s*(?:[A-Z]{2,4}\b(?:[+-]\d{1,2})?)?"


@dataclass
class PubDate:
    """A publication date and the words it was read from."""

    date: FuzzyDate
    text: str
    how: str


def lead_date(line: str) -> tuple[FuzzyDate | None, str]:
    """A crawler's ``date 2022-01-05`` prefix: (date, rest of the line)."""
    m = _LEAD_DATE.match(line)
    if not m:
        return None, line
    return parse_machine_date(m.group(1)), line[m.end():]


def labelled_date(line: str) -> tuple[FuzzyDate, str] | None:
    """``Last Updated : 12 Feb 2022 ...`` or ``Published on Jan 05, 2022 ...``."""
    m = _LABEL.match(line)
    if not m or m.end() == 0:
        return None
    rest = _WEEKDAY_PREFIX.sub("", line[m.end():])
    found = find_full_date(rest, anchored=True)
    if not found and len(rest.split()) <= 8:  # "Published 3:45 AM GMT+9, March 18, 2024"
        found = find_full_date(rest)
    if not found:
        return None
    return found[0], line.strip()


def leading_date(line: str) -> tuple[FuzzyDate, str, str] | None:
    """A line that starts with a full date (``November 10, 2023US Secretary ...``),
    perhaps after its time (``11:25 JST, May 7, 2023``) or a weekday.

    Returns (date, the date text, the rest of the line glued to it).
    """
    stripped = re.sub(r"^(?:[\u2022\u00b7\u25aa\u25cf*>|/-]\s*|\(?[A-Z][\w .-]{1,24}\)\s*)", "",
                      line.strip())  # "• 2024-01-11", "(Xinhua) 14:54, January 11, 2023"
    stripped = _WEEKDAY_PREFIX.sub("", stripped)
    clock = re.match(rf"{_TIME}\s*[,|\u2013\u2014-]?\s*", stripped)
    if clock and clock.end() and find_full_date(stripped[clock.end():], anchored=True):
        stripped = stripped[clock.end():]
    found = find_full_date(stripped, anchored=True)
    if not found:
        short = numeric_order(stripped, "")  # a date line alone: "24-04-25 12:11"
        return (short[0], stripped, "") if short and _SHORT_YEAR_LINE.match(stripped) else None
    date, m = found
    rest = stripped[m.end():]
    # a date line, a date with a time, or a date glued to the text (a crawler joined
    # the lines); not a sentence that merely begins with a date
    if rest.strip() and rest[:1] in " ,.;:" and not re.match(
            r"\s*(?:[,|\u2013\u2014-]\s*)?(?:at\s+|à\s+)?\d{1,2}[:.h]\d{2}\b|\s*[|\u2013\u2014_\u00b7\u2022]|\s*-\s|\s*_",
            rest):
        return None
    rest = re.sub(rf"^(?:\s*[|,\u2013\u2014_\u00b7\u2022-]?\s*(?:at\s+|à\s+)?{_TIME})*\s*"
                  rf"[|,\u2013\u2014_\u00b7\u2022-]?\s*(?:\d+\s+min(?:ute)?s?\s+read\s*)?", "", rest)
    return date, m.group(0), rest


_SHORT_MONTHS = {"ene": 1, "gen": 1, "janv": 1, "fev": 2, "fév": 2, "févr": 2, "abr": 4, "avr": 4,
                 "mai": 5, "mag": 5, "giu": 6, "juin": 6, "lug": 7, "juil": 7, "ago": 8, "août": 8,
                 "set": 9, "ott": 10, "out": 10, "dic": 12, "dez": 12, "déc": 12}
_DATELINE_DM = re.compile(r"^([A-Z][^\W\d][\w.\- ]{0,29}?),\s*(\d{1,2})\s+([^\W\d]{3,9})\.?"
                          r"(?!\s*,?\s*(?:19|20)\d\d)\s*\(([^)]{1,40})\)")


def dateline(line: str) -> tuple[str, int, int, str | None] | None:
    """``Washington, Dec 27 (IANS)`` or ``Bogotá, 21 ago (EFE)``: (place, month, day,
    credit); the year is unknown."""
    m = _DATELINE.match(line.strip())
    if m and re.match(rf"(?i)(?:on|in|at|by|from|since|until|last|this|next|early|late|on\s+)?\s*"
                      rf"{WEEKDAY}\b|(?:on|in|at|by|from|since|until|last|this|next)\s", m.group(1)):
        return None  # "On Saturday, February 22, ...": a date the sentence opens with, not a place
    if m:
        month = month_number(m.group(2))
        return (m.group(1).strip(), month, int(m.group(3)), m.group(4) or m.group(5)) \
            if month else None
    m = _DATELINE_DM.match(line.strip())  # day first, with a wire credit: Spanish, French ...
    if not m:
        return None
    month = month_number(m.group(3)) or _SHORT_MONTHS.get(m.group(3).lower())
    if not month or not 1 <= int(m.group(2)) <= 31:
        return None
    return m.group(1).strip(), month, int(m.group(2)), m.group(4)


_DATED_DATELINE = re.compile(
    r"^([A-Z](?:[^\W\d_]|[.'\-/ ]){1,30}?|[A-Z][A-Z .'\-/]{1,30})(?:\s*\[[^\]]{1,30}\])?\s*"
    r"(?:,\s*(?P<a>(?:[^()/\n]|/(?=\d)){6,40}?(?:19|20)\d\d)\s*,?\s*(?:\((?P<c1>[^)]{1,40})\)|/(?P<c2>[^/]{1,30})/)?"
    r"|\((?P<b>[^)]{0,60}?(?:19|20)\d\d)\))\s*(?:[-\u2013\u2014:]+\s*)?")


_CAPS_DATELINE = re.compile(  # "MANILA 09 January 2024 — ...": a capitals city, no comma
    r"^([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})\s+(\d{1,2}\s+[A-Z][a-z]+\.?\s+(?:19|20)\d\d|"
    r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+(?:19|20)\d\d)\s*[-\u2013\u2014:]+\s*")
_PLACE_PARTICLES = {"de", "del", "da", "do", "dos", "das", "di", "of", "the", "upon", "am", "an", "la", "le",
                    "les", "el", "al", "es", "en", "sur", "y"}


def dated_dateline(line: str) -> tuple[str, FuzzyDate, str | None, int] | None:
    """``BALI, 09 July 2022, (TON)``, ``NEW DELHI (UrduPoint News / Sputnik - 10th September,
    2020)``, ``Addis Abeba, June 26/2020 -`` or ``MANILA 09 January 2024 -``: (place, date,
    credit, where the text starts)."""
    caps = _CAPS_DATELINE.match(line.strip())
    if caps and (found := find_full_date(caps.group(2), anchored=True)):
        return caps.group(1).strip(), found[0], None, caps.end() + len(line) - len(line.lstrip())
    m = _DATED_DATELINE.match(line.strip())
    if not m or any(w[:1].islower() and w not in _PLACE_PARTICLES for w in m.group(1).split()):
        return None  # "Vučić-Kurti meeting in Brussels, 18 August 2022": a caption, not a place
    said = m.group("a") or m.group("b") or ""
    found = find_full_date(said)
    if not found:
        return None
    credit = m.group("c1") or m.group("c2")
    if m.group("b"):
        credit = re.split(r"\s+-\s+|\s*[\u2013\u2014]\s*", said)[0].split("/")[-1].strip() or None
    offset = len(line) - len(line.lstrip())
    return m.group(1).strip(), found[0], credit, m.end() + offset


def social_post_date(line: str) -> FuzzyDate | None:
    """The date that ends a quoted post: ``— Ned Price (@StateDeptSpox) March 30, 2022``."""
    m = _POST_DATE.search(line.strip())
    if not m:
        return None
    found = find_full_date(m.group(1))
    return found[0] if found else None


# ---------------------------------------------------------------- event times

@dataclass
class Reading:
    """One way to read a time expression: the date, and how it was worked out."""

    date: FuzzyDate | None
    how: str = ""  # for the review line; "" when the text gives the date outright
    approximate: bool = False


@dataclass
class TimeExpr:
    """A time expression in a sentence, read for a past and for a future event."""

    text: str
    start: int
    end: int
    past: Reading
    future: Reading
    form: str = ""
    month: int | None = None  # for a date without a year: what the text does say
    day: int | None = None
    weekday: int | None = None
    span: str = ""  # "6 to 8 May": the engagement's days, said in the review

    def at(self, future: bool) -> Reading:
        return self.future if future else self.past

    @property
    def date(self) -> FuzzyDate | None:
        return self.past.date

    @property
    def how(self) -> str:
        return self.past.how

    @property
    def approximate(self) -> bool:
        return self.past.approximate

    @property
    def relative(self) -> bool:
        """Read against the publication date (not given outright)."""
        return bool(self.past.how or self.future.how)


_PART = r"(?:\s+(?:night|evening|morning|afternoon)|(?i:morgen|vormittag|mittag|nachmittag|abend))?"  # "Montagmorgen"
_ON = r"(?:(?:[Ee]l|[Ll]a|[Oo]|[Nn]a|[Ii]l)\s+(?:pr[óo]xim[oa]|pasad[oa]|passad[oa]|prossimo|scorso)|" \
      r"[Pp]r[óo]xim[oa]|[Oo]n|[Ll]ast|[Tt]his\s+past|[Tt]his|[Ee]arlier\s+on|[Ll]ater\s+on|[Ll]ate\s+on|" \
      r"[Ee]arly\s+on|[Ss]ince|[Bb]y|[Nn]ext|[Cc]oming|[Aa]m|[Ee]l|[Ll]e|[Nn]a|[Nn]o|[Ii]l|[Dd]i)"
_RANGE_SEP = r"\s*(?:-|\u2013|to|and|through|till|until|bis|au|al|a)\s*"
_EVENT_FORMS: list[tuple[str, re.Pattern]] = [
    ("range", re.compile(
        rf"\b(?:from\s+|between\s+)?(?:{_DAY}{_RANGE_SEP}(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})"
        rf"|({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_SEP}(\d{{1,2}})(?:st|nd|rd|th)?)(?!\d)"
        rf"(?:,?\s+{_YEAR})?")),
    ("full", re.compile(rf"\b(?:(?:{_ON})\s+)?(?:(?:the\s+)?{WEEKDAY},?\s+)?(?:{_DAY}{_OF}({MONTH}),?"
                        rf"(?:\s+(?:de\s+)?|\s*[/-]\s*){_YEAR}|({MONTH})\s+{_DAY}(?:,?\s+|\s*/\s*){_YEAR})")),
    ("iso", re.compile(rf"(?<!\d){_YEAR}-(\d{{2}})-(\d{{2}})(?!\d)")),
    _FULL_FORMS[-1],  # "(22.abr.2023)"
    ("numeric", re.compile(rf"(?<![\d./-])(\d{{1,2}})([./-])(\d{{1,2}})\2{_YEAR}")),
    ("month_year", re.compile(rf"\b(?:(early|mid|late|the\s+middle\s+of|the\s+end\s+of|the\s+start\s+of)"
                              rf"[\s-]+)?({MONTH}),?\s+(?:de\s+)?{_YEAR}")),
    ("day_month", re.compile(rf"\b(?:(?:{_ON})\s+)?(?:(?:the\s+)?({WEEKDAY}),?\s+\(?)?(?:the\s+)?"
                             rf"(?:{_DAY}{_OF}({MONTH})|({MONTH})\s+{_DAY})"
                             rf"(?![\d,]*\s*(?:19|20)\d\d)(?!\d)")),
    ("in_month", re.compile(rf"\b(?:in|during|since|from|until|by|next|this|last|im|en|em|nel|fin|d[eé]but)\s+"
                            rf"(?:the\s+(?:first|second|third|fourth|last|final)\s+(?:week|half|days|"
                            rf"fortnight)\s+of\s+)?"  # "in the first week of January"
                            rf"(?:(early|mid|late)[\s-]+)?({MONTH})(?!\s*\d)")),
    ("day_only", re.compile(rf"\b(?:yesterday|today|tomorrow|(?:(?:{_ON})\s+)?{WEEKDAY}{_PART})"
                            r"\s*\(([12]?\d|3[01])(?:st|nd|rd|th)?\)", re.I)),  # "this Tuesday (24th)"
    ("day_only", re.compile(rf"\b(?:(?:{_ON})\s+)?{WEEKDAY}{_PART},\s*([12]?\d|3[01])(?:st|nd|rd|th|º)?"
                            rf"(?![\d.:/])(?!\s*(?:de\s+)?{MONTH})")),  # "na quarta-feira, 19,"
    ("weekday", re.compile(rf"\b(?:({_ON})\s+)?({WEEKDAY})(?:'s|\u2019s)?{_PART}\b")),
    ("day_only", re.compile(r"\b(?:on\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?the\s+"
                            r"([12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:century|round|session|edition|"
                            r"anniversary|time|summit|meeting|annual|of\s+[A-Z]))(?!\s+(?-i:[A-Z]))",
                            re.I)),
    ("same_day", re.compile(r"\b((?:later|earlier)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day|"
                            r"later\s+that\s+(?:morning|afternoon|evening|night))\b", re.I)),
    ("next_day", re.compile(r"\b(the\s+(?:next|following)\s+(?:day|morning)|a\s+day\s+later)\b", re.I)),
    ("day_before", re.compile(r"\b(the\s+(?:day\s+before|previous\s+day)(?!\s+(?:the|his|her|their|its|an?|"
                              r"yesterday)\b)(?!\s+(?-i:[A-Z]))|a\s+day\s+(?:earlier|before))\b", re.I)),
    ("today", re.compile(r"\b(today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
                         r"later\s+today|"
                         r"aujourd['\u2019]hui|ce\s+matin|hoy|hoje|heute|oggi|stamattina)\b", re.I)),
    ("yesterday", re.compile(r"\b(yesterday|last\s+night|hier|ayer|ontem|"
                             r"gestern|ieri)\b", re.I)),
    ("day_after_tomorrow", re.compile(r"\b(the\s+day\s+after\s+tomorrow|(?-i:\u00fcbermorgen)|"
                                      r"pasado\s+ma\u00f1ana|apr\u00e8s-demain|depois\s+de\s+amanh\u00e3|"
                                      r"dopodomani)\b", re.I)),
    ("tomorrow", re.compile(r"\b(tomorrow|(?<!la\s)(?<!esta\s)(?<!una\s)ma\u00f1ana(?!\s+de\b)|"
                            r"amanh\u00e3|demain|domani|(?-i:morgen))\b", re.I)),
    ("this_week", re.compile(r"\b(earlier\s+this\s+week|later\s+this\s+week|this\s+week)\b", re.I)),
    ("next_week", re.compile(r"\b(next\s+week|the\s+coming\s+week)\b", re.I)),
    ("last_week", re.compile(r"\b(last\s+week|earlier\s+last\s+week|the\s+previous\s+week)\b", re.I)),
    ("this_month", re.compile(r"\b(earlier\s+this\s+month|later\s+this\s+month|this\s+month)\b", re.I)),
    ("next_month", re.compile(r"\b(next\s+month)\b", re.I)),
    ("last_month", re.compile(r"\b(last\s+month)\b", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|en|em|im|nel)\s+{_YEAR}\b")),
    ("last_year", re.compile(r"\b(last\s+year)(?:'s|\u2019s)?\b", re.I)),
]
_NEED_DIGITS = {"range", "full", "iso", "dmy_short", "numeric", "month_year", "day_month", "day_only",
                "year"}  # forms that cannot match a sentence without a digit: skipped there


def _latest_on_or_before(month: int, day: int | None, pub: FuzzyDate) -> FuzzyDate | None:
    """The latest (month, day) not after the publication date."""
    limit = pub.last_day()
    for y in (pub.year, pub.year - 1):
        try:
            candidate = dt.date(y, month, day or 1)
        except ValueError:
            continue
        if candidate <= limit:
            return FuzzyDate(y, month, day)
    return None


def _earliest_on_or_after(month: int, day: int | None, pub: FuzzyDate) -> FuzzyDate | None:
    """The earliest (month, day) not before the publication date."""
    start = pub.first_day()
    for y in (pub.year, pub.year + 1):
        try:
            candidate = dt.date(y, month, day or calendar.monthrange(y, month)[1])
        except ValueError:
            continue
        if candidate >= start:
            return FuzzyDate(y, month, day)
    return None


def _weekday(target: int, pub: FuzzyDate, future: bool) -> FuzzyDate:
    base = pub.first_day()
    if future:
        d = base + dt.timedelta(days=(target - base.weekday()) % 7)
    else:
        d = base - dt.timedelta(days=(base.weekday() - target) % 7)
    return FuzzyDate(d.year, d.month, d.day)


def _shift(pub: FuzzyDate, days: int) -> FuzzyDate:
    d = pub.first_day() + dt.timedelta(days=days)
    return FuzzyDate(d.year, d.month, d.day)


def _month_of(day: FuzzyDate, plus: int = 0) -> FuzzyDate:
    y, m = day.year, (day.month or 1) + plus
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 12
    return FuzzyDate(y, m)


def _week(pub: FuzzyDate, weeks: int) -> Reading:
    """A week gives no day: the month is kept (approximate when the week spans two)."""
    monday = _shift(pub, -pub.first_day().weekday() + 7 * weeks)
    sunday = _shift(monday, 6)
    approx = (monday.year, monday.month) != (sunday.year, sunday.month)
    first = monday if weeks or monday.month == pub.month else pub
    return Reading(FuzzyDate(first.year, first.month), "", approx)


def _both(reading: Reading) -> tuple[Reading, Reading]:
    return reading, reading


def _resolve(form: str, m: re.Match, pub: FuzzyDate | None) -> tuple[Reading, Reading, dict]:
    """(past reading, future reading, what the text says) for one matched expression."""
    text = m.group(0).strip()
    day_pub = pub is not None and pub.precision == "day"
    unknown = Reading(None, f'"{text}" cannot be resolved: the publication date is unknown')
    if form == "full":
        if m.group(1):
            date = _make(int(m.group(3)), month_number(m.group(2)) or 0, int(m.group(1)))
        else:
            date = _make(int(m.group(6)), month_number(m.group(4)) or 0, int(m.group(5)))
        return *_both(Reading(date)), {}
    if form == "iso":
        return *_both(Reading(_make(int(m.group(1)), int(m.group(2)), int(m.group(3))))), {}
    if form == "dmy_short":
        return *_both(Reading(_from_match(form, m))), {}
    if form == "numeric":
        date = _numeric(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        how = "" if max(int(m.group(1)), int(m.group(3))) > 12 or m.group(1) == m.group(3) else \
            f'"{text}" read day first; it could be month first'
        return *_both(Reading(date, how)), {}
    if form == "month_year":
        date = _make(int(m.group(3)), month_number(m.group(2)) or 0)
        return *_both(Reading(date, f'"{text}" gives only the month' if m.group(1) else "")), {}
    if form in ("range", "day_month", "in_month"):
        return _resolve_no_year(form, m, text, pub)
    if form == "weekday":
        target = weekday_number(m.group(2))
        said = {"weekday": target}
        if not day_pub or target is None:
            how = f'"{text}" cannot be resolved: the publication day is unknown'
            return Reading(None, how), Reading(None, how), said
        iso = pub.iso()  # type: ignore[union-attr]
        lead = " ".join((m.group(1) or "").lower().split())
        lead = "next" if re.search(r"pr[óo]xim|prossimo", lead) else \
            "last" if re.search(r"pasad|passad|scorso", lead) else lead  # "el próximo martes"
        past = Reading(_weekday(target, pub, False), f'"{text}" resolved against publication {iso} '  # type: ignore[arg-type]
                       f'(the most recent {WEEKDAYS[target].title()} on or before it)')
        future = Reading(_weekday(target, pub, True), f'"{text}" resolved against publication {iso} '  # type: ignore[arg-type]
                         f'(the first {WEEKDAYS[target].title()} on or after it)')
        if lead in ("last", "this past", "since"):
            if lead == "last" and past.date == pub:  # "last Thursday" in a Thursday paper: a week ago
                past = Reading(_shift(pub, -7), f'"{text}" read as the {WEEKDAYS[target].title()} '  # type: ignore[arg-type]
                               f"before publication {iso}")
            future = past
        elif lead in ("next", "coming"):
            past = future
        return past, future, said
    if form == "year":  # "apply for membership in 2024", said in 2021: no past engagement's year
        year = FuzzyDate(int(m.group(1)))
        past = Reading(year) if pub is None or year.year <= pub.year else \
            Reading(None, f'"{text}" is after publication {pub.iso()}')
        future = Reading(year) if pub is None or year.year >= pub.year else \
            Reading(None, f'"{text}" is before publication {pub.iso()}')
        return past, future, {}
    if form == "day_only":
        day = int(m.group(1))
        if not day_pub or not 1 <= day <= 31:
            how = f'"{text}" cannot be resolved: the publication day is unknown'
            return Reading(None, how), Reading(None, how), {"day": day}
        month = _month_of(pub)  # type: ignore[arg-type]
        back = month if day <= (pub.day or 0) else _month_of(pub, -1)  # type: ignore[arg-type]
        ahead = month if day >= (pub.day or 0) else _month_of(pub, 1)  # type: ignore[arg-type]
        past = _make(back.year, back.month or 1, day)
        future = _make(ahead.year, ahead.month or 1, day)
        iso = pub.iso()  # type: ignore[union-attr]
        named = re.search(WEEKDAY, text)
        target = weekday_number(named.group(0)) if named else None
        fits = [d for d in (past, future) if d is not None and target is not None and
                d.first_day().weekday() == target]
        if len(set(fits)) == 1:  # "na quarta-feira, 19": the 19th that is a Wednesday
            how = f'"{text}" read as {fits[0].iso()}, the {WEEKDAYS[target].title()} nearest publication {iso}'  # type: ignore[index]
            return Reading(fits[0], how), Reading(fits[0], how), {"day": day}
        return (Reading(past, f'"{text}" read as the latest such day on or before publication {iso}'),
                Reading(future, f'"{text}" read as the first such day on or after publication {iso}'),
                {"day": day})
    if pub is None:
        return unknown, unknown, {}
    iso = pub.iso()
    if form == "last_year":
        return *_both(Reading(FuzzyDate(pub.year - 1), f'"{text}" read as {pub.year - 1}')), {}
    if form in ("this_month", "next_month", "last_month"):
        shift = {"this_month": 0, "next_month": 1, "last_month": -1}[form]
        what = {0: "the publication month", 1: "the month after publication",
                -1: "the month before publication"}[shift]
        return *_both(Reading(_month_of(pub, shift), f'"{text}" read as {what} ({iso})')), {}
    if not day_pub:
        how = f'"{text}" cannot be resolved: the publication day is unknown'
        return Reading(None, how), Reading(None, how), {}
    if form == "today":
        return *_both(Reading(pub, f'"{text}" read as the publication date {iso}')), {}
    if form == "next_day":  # "leaves on Sunday, ahead of a meeting the next day"
        how = f'"{text}": the day after the day said before it'
        return Reading(None, how), Reading(None, how), {}
    if form == "day_before":  # "spoke the day before with X": before the day said before it
        return *_both(Reading(_shift(pub, -1), f'"{text}" read as the day before publication {iso} '
                                               f'(no day is said before it)')), {}
    if form == "same_day":  # "Later in the day he met X": the day of the meeting before
        return (Reading(None, f'"{text}": the day of the engagement reported before it'),
                Reading(pub, f'"{text}" read as the publication date {iso}'), {})
    if form == "yesterday":
        return *_both(Reading(_shift(pub, -1), f'"{text}" read as the day before publication '
                                               f'{iso}')), {}
    if form == "day_after_tomorrow":
        return *_both(Reading(_shift(pub, 2), f'"{text}" read as two days after publication '
                                              f'{iso}')), {}
    if form == "tomorrow":
        return *_both(Reading(_shift(pub, 1), f'"{text}" read as the day after publication '
                                              f'{iso}')), {}
    weeks = {"this_week": 0, "next_week": 1, "last_week": -1}[form]
    reading = _week(pub, weeks)
    reading.how = f'"{text}" gives no day (publication {iso}); only the month is kept'
    return *_both(reading), {}


def _resolve_no_year(form: str, m: re.Match, text: str, pub: FuzzyDate | None):
    span, last = "", 0
    if form == "range":
        if m.group(3):
            month, day, last = month_number(m.group(3)) or 0, int(m.group(1)), int(m.group(2))
            span = f"{m.group(1)}-{m.group(2)} {m.group(3)}"
        else:
            month, day, last = month_number(m.group(4)) or 0, int(m.group(5)), int(m.group(6))
            span = f"{m.group(4)} {m.group(5)}-{m.group(6)}"
        if m.group(7):
            date = _make(int(m.group(7)), month, day)
            return *_both(Reading(date)), {"span": span}
    elif form == "day_month":
        month = month_number(m.group(3) or m.group(4)) or 0
        day = int(m.group(2) or m.group(5))
    else:
        month, day = month_number(m.group(2)) or 0, None
    said = {"month": month, "day": day, "span": span,
            "weekday": weekday_number(m.group(1)) if form == "day_month" and m.group(1) else None}
    if not 1 <= month <= 12:
        bad = Reading(None, f'"{text}" is not a real date')
        return bad, bad, said
    if pub is None:
        how = f'"{text}" has no year and the publication date is unknown'
        return Reading(None, how), Reading(None, how), said
    iso = pub.iso()
    past = _latest_on_or_before(month, day, pub)
    future = _earliest_on_or_after(month, day, pub)
    if past and last and past.year == pub.year and month == pub.month and day <= (pub.day or 0) <= last:
        how = f'"{text}" has no year: read as the days around publication {iso}'
        return Reading(past, how), Reading(past, how), said  # "is visiting on April 27-29", on the 28th
    if said["weekday"] is not None and past and future and past != future:
        fits = [d for d in (past, future) if d.first_day().weekday() == said["weekday"]]
        if len(fits) == 1:  # "on Friday (May 23)": the year in which it is a Friday
            how = f'"{text}" has no year: read as the {fits[0].iso()} that falls on that weekday'
            return Reading(fits[0], how), Reading(fits[0], how), said
    return (Reading(past, f'"{text}" has no year: read as the latest such date on or before '
                          f'publication {iso}' if past else f'"{text}" is not a real date'),
            Reading(future, f'"{text}" has no year: read as the first such date on or after '
                            f'publication {iso}' if future else f'"{text}" is not a real date'),
            said)


_NAMES_A_THING = re.compile(  # a date as an adjective, unless what it dates is an engagement
    r"\s+(?!(?:meeting|meetings|talks|summit|call|visit|conversation|session|dialogue|consultations|"
    r"round|phone|telephone|video|virtual|bilateral|trilateral)\b)(?:[A-Za-z][\w-]*\s+){0,2}?"
    r"(?:agreement|deal|accord|elections?|vote|referendum|attacks?|ceasefire|declaration|decision|"
    r"resolution|statement|incident|clashes|deadline|announcement|law|order|ruling|protests?|"
    r"massacre|bombing|strikes?|coup|truce|memorandum|pact|treaty)\b", re.I)


def find_times(sentence: str, pub: FuzzyDate | None) -> list[TimeExpr]:
    """Every time expression in a sentence, longest match first where they overlap."""
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    digits = any(c.isdigit() for c in sentence)
    for form, rx in _EVENT_FORMS:
        if not digits and form in _NEED_DIGITS:
            continue
        for m in rx.finditer(sentence):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            past, future, said = _resolve(form, m, pub)
            if past.date is None and future.date is None and not past.how:
                continue
            if _NAMES_A_THING.match(sentence, end) and re.match(r"(?i)the\s", m.group(0).lstrip()):
                continue  # "to implement the April 19 EU-mediated agreement": which agreement
            window = max(0, start - 30)
            ahead = re.search(r"(?i)\b(?:on\s+)?(?:the\s+)?next\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:and|to|-)\s+)?$",
                              sentence[window:start]) if form in ("day_month", "day_only", "range") else None
            if ahead is not None:  # "a trip to Buenos Aires on the next 23rd and 24th of January"
                start, past = window + ahead.start(), future
            taken.append((start, end))
            found.append(TimeExpr(sentence[start:end].strip(), start, end, past, future, form, **said))
    found.sort(key=lambda t: t.start)
    return [t for t, after in zip(found, found[1:] + [None])  # "sábado (22.abr.2023)": the date
            if not (after is not None and t.form == "weekday" and after.past.date is not None and
                    after.form in ("full", "iso", "numeric", "dmy_short") and
                    re.fullmatch(r"\s*[(,]?\s*", sentence[t.end:after.start]))]
