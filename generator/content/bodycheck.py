"""A guard against entry bodies that Python-Markdown takes minutes to read.

Python-Markdown looks for the end of every ``[`` (links, images, footnotes) and
``<`` (inline HTML, ``<![CDATA[``) by scanning ahead within the paragraph, so a
paragraph of thousands of unclosed or deeply nested ``[`` or ``<`` costs time
that grows with the square of its length (20 KB of ``[`` took a minute). Real
text closes its brackets within a few words; this check adds up, per opener,
how far the scan would go, and refuses a body whose total passes ``MAX_SCAN``
plus ``SCAN_PER_CHAR`` per character (long articles scan more, but only in
proportion), with the line of the paragraph that passed it. It runs in linear
time.
"""

from __future__ import annotations

import re

MAX_SCAN = 4_000_000  # characters scanned: about a second of Markdown at worst
SCAN_PER_CHAR = 4  # and this many more per character of the body (a 5 MB article: ~6 s)
_BLOCK_END = re.compile(r"\n[ \t]*\n")
_MARKS = re.compile(r"\]\(|[\[\]<>()]")


def scan_cost(block: str) -> int:
    """Characters Markdown would scan to close every ``[``, link ``](`` and ``<`` of
    one block."""
    cost = 0
    brackets: list[int] = []
    parens: list[int] = []  # inside a link's "(...)", where Markdown counts nesting
    angles: list[int] = []
    for m in _MARKS.finditer(block):
        mark, at = m.group(), m.start()
        if mark == "[":
            brackets.append(at)
        elif mark == "<":
            angles.append(at)
        elif mark[0] == "]":
            if brackets:
                cost += at - brackets.pop()
            if mark == "](":
                parens.append(at)
        elif mark == "(" and parens:
            parens.append(at)
        elif mark == ")" and parens:
            cost += at - parens.pop()
        elif mark == ">" and angles:
            cost += sum(at - a for a in angles)  # each open '<' ends at this '>'
            angles.clear()
    end = len(block)
    cost += sum(end - a for a in brackets) + sum(end - a for a in parens)
    cost += sum(end - a for a in angles)
    return cost


def check_body(body: str) -> tuple[int, int] | None:
    """None when the body is fine; else (its cost so far, 0-based line of the block
    that took it past the limit)."""
    if len(body) < 2000 or ("[" not in body and "<" not in body):
        return None
    limit = MAX_SCAN + SCAN_PER_CHAR * len(body)
    openers = body.count("[") + body.count("<") + body.count("(")
    if openers * len(body) <= limit:  # each opener scans the body once at most
        return None
    total, start = 0, 0
    for end in [m.start() for m in _BLOCK_END.finditer(body)] + [len(body)]:
        block = body[start:end]
        total += scan_cost(block)
        if total > limit:
            first = len(block) - len(block.lstrip())
            return total, body.count("\n", 0, start + first)
        start = end
    return None
