"""Readable, safe URL slugs for any script (Latin, Cyrillic, Devanagari...)."""

from __future__ import annotations

import unicodedata

MAX_SLUG = 80
MAX_SLUG_BYTES = 200  # in UTF-8: 80 CJK or Devanagari letters would not fit a file name
# Names that some file systems or our own URL layout reserve.
RESERVED = {"con", "prn", "aux", "nul", "index", "static", "feeds",
            *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def slugify(text: str) -> str:
    """Lower-case letters, digits and marks joined by single hyphens.

    Never contains ``/``, ``\\``, ``.`` or NUL, so it cannot leave its folder.
    Returns "" when nothing usable is left; callers decide what that means.
    """
    # casefold() can undo composition (U+1FE2 -> three code points): compose again
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    out: list[str] = []
    dash = False
    for ch in text:
        if unicodedata.category(ch)[0] in "LNM":
            out.append(ch)
            dash = False
        elif out and not dash:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")
    limit = MAX_SLUG  # characters, and bytes: file names end at 255 bytes
    while len(slug[:limit].encode("utf-8")) > MAX_SLUG_BYTES:
        limit -= 1
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[limit // 2:] else cut
        slug = slug.strip("-")
    if slug in RESERVED:
        slug += "-page"
    return slug
