"""Sentences and quotations: the units every other step reasons about.

Abbreviations in names ("S. Jaishankar", "U.S. Secretary") must not end a
sentence, and long quotations are the speaker's words, not the reporter's
account of who met whom: analysis that decides participants, dates and
forums looks at the text with long quotations blanked out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.convert.dates import month_number

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "vs", "gen", "lt", "col", "sen", "rep", "gov",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "prof", "hon", "sr", "jr", "inc", "ltd", "co", "corp", "dept", "govt", "approx", "etc"}
_BOUNDARY = re.compile(r"([.!?])([\"'\u201d\u2019)\]]*)(?:\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9@])"
                       r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))")
# (the last two: sentences a page ran together when it lost its paragraph breaks, "today.President")
_QUOTE = re.compile(r"[\"\u201c\u201e]([^\"\u201c\u201d\u201e]{1,1200})(?:[\"\u201d]|$)|(?<!\w)[\u2018']"
                    r"([^\u2018\u2019']{3,300})[\u2019'](?!\w)")


@dataclass
class Sentence:
    text: str
    paragraph: int
    index: int  # position in the article
    plain: str  # the text with long quotations blanked (same length, same offsets)


def split_sentences(paragraph: str) -> list[str]:
    """Split on sentence ends, keeping initials, abbreviations and quotations whole."""
    out: list[str] = []
    start = 0
    scanned, curly, straight = 0, 0, 0  # quotation state up to ``scanned``, kept incrementally
    for m in _BOUNDARY.finditer(paragraph):
        if m.group(1) == ".":
            before = paragraph[max(start, m.start() - 40):m.start()].rsplit(None, 1)
            word = before[-1] if before else ""
            bare = word.strip("(\"'\u201c").lower()
            if (bare in _ABBREV or re.fullmatch(r"[a-z]", bare)
                    or re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare)):
                continue
            if re.fullmatch(r"[123]?\d", bare) and month_number(paragraph[m.end():m.end() + 12].split()[0].strip(",")):
                continue  # "Am 22. Februar": a German day, not a sentence end
        if not m.group(2):
            chunk = paragraph[scanned:m.start()]
            curly += chunk.count("\u201c") - chunk.count("\u201d")
            straight += chunk.count('"')
            scanned = m.start()
            if m.group(1) == "." and (curly > 0 or straight % 2 == 1):
                continue
        out.append(paragraph[start:m.end()].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


@functools.lru_cache(maxsize=64)  # asked again for each mention in one long sentence
def quote_spans(text: str, min_words: int = 5) -> tuple[tuple[int, int, str], ...]:
    """(start, end, words) of quotations with at least ``min_words`` words."""
    spans = []
    for m in _QUOTE.finditer(text):
        words = m.group(1) if m.group(1) is not None else m.group(2)
        if len(words.split()) >= min_words:
            spans.append((m.start(), m.end(), words))
    return tuple(spans)


def blank_quotes(text: str) -> str:
    """The text with long quotations replaced by spaces (offsets stay valid)."""
    chars = list(text)
    for start, end, _ in quote_spans(text):
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


MAX_SENTENCE = 2000  # characters; news sentences stay far below it


def bounded(sentence: str) -> list[str]:
    """A run-on "sentence" (a page without full stops) in pieces of at most
    ``MAX_SENTENCE`` characters cut at spaces: what is done for each name in a
    sentence with each other name and date in it must not grow with the page."""
    pieces = []
    while len(sentence) > MAX_SENTENCE:
        cut = sentence.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return pieces + [sentence] if sentence else pieces


def article_sentences(paragraphs: list[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for p, para in enumerate(paragraphs):
        for whole in split_sentences(para):
            for s in bounded(whole):
                sentences.append(Sentence(s, p, len(sentences), blank_quotes(s)))
    return sentences
