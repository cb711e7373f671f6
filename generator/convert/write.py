"""Writing at the edge: new entries, merged entries, and appended people.

Every write goes through a temporary file in the same folder and a rename, so a
reader never sees half a file. A new entry never replaces a file (the final
step is a hard link, which fails if the name exists); a merge replaces only
the file it read, and only if nobody changed it in the meantime.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from generator.content.model import Person
from generator.content.registry import name_key, parse_people
from generator.content.slugs import slugify
from generator.content.yamlfile import parse_yaml
from generator.content.schema import as_mapping
from generator.errors import TimelineError, display_path
from generator.fsutil import atomic_write

MAX_NAME = 70


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def entry_name(date_iso: str, title: str) -> str:
    """``2023-05-12-vogt-and-celik-meet``: accents dropped where a plain letter exists, so the
    name is the same on every file system (macOS stores accents decomposed)."""
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", title):
        if unicodedata.combining(c) and out and out[-1].isascii():
            continue  # an accent on a Latin letter; other scripts keep their marks
        out.append(c)
    slug = slugify("".join(out)) or slugify(title) or "entry"
    stem = f"{date_iso}-{slug}"
    if len(stem) > MAX_NAME:
        stem = stem[:MAX_NAME].rsplit("-", 1)[0]
    return stem


def write_new(out: Path, stem: str, text: str) -> Path:
    """Write ``stem.md`` (or ``stem-2.md``...) under ``out``; never replaces a file."""
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, 1000):
        path = out / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
        if not inside(path, out):
            raise TimelineError("refusing to write outside the output folder", path)
        if path.exists():
            continue
        try:
            atomic_write(path, text.encode("utf-8"), overwrite=False)
            return path
        except FileExistsError:
            continue
    raise TimelineError("too many entries with the same name", out / stem)


def replace_checked(path: Path, old: bytes, new_text: str) -> None:
    """Replace ``path`` with ``new_text`` unless its bytes changed since they were read."""
    if path.read_bytes() != old:
        raise TimelineError("the entry changed while converting; run convert again", path)
    atomic_write(path, new_text.encode("utf-8"), overwrite=True)


def append_people(path: Path, names: list[str], origin: str,
                  known_people: list[Person] | None = None) -> list[str]:
    """Append unknown names to ``people.yaml`` as unconfirmed, and people known from the
    converter's reference list with their country and dated roles; the rest of the file
    stays byte for byte.

    Returns the names added (names already present are left out).
    """
    raw = path.read_bytes() if path.exists() else b""
    text = raw.decode("utf-8-sig") if raw else ""
    data = parse_yaml(text.replace("\r\n", "\n"), display_path(path)) if text.strip() else None
    existing = as_mapping(data, display_path(path), 1, "the people registry") if data else {}
    taken_ids = set(existing)
    registry = parse_people(data, display_path(path)) if data else None
    known = set()
    if registry is not None:
        for p in registry:
            known |= {name_key(n) for n in (p.id, p.name, *p.aliases)}
    nl = "\r\n" if "\r\n" in text else "\n"
    added: list[str] = []
    block: list[str] = []
    wanted = [(name, None) for name in names] + [(p.name, p) for p in known_people or []]
    for name, person in wanted:
        if name_key(name) in known:
            continue
        base = (person.id if person else slugify(name)) or "person"
        pid, n = base, 2
        while pid in taken_ids:
            pid, n = f"{base}-{n}", n + 1
        taken_ids.add(pid)
        known.add(name_key(name))
        block += [f"{pid}:", f"  name: {_quoted(name)}"]
        block += _person_lines(person, known) if person else [
            "  unconfirmed: true", f"  description: {_quoted('Found by timeline convert in ' + origin)}"]
        added.append(name)
    if not added:
        return []
    stamp = dt.date.today().isoformat()
    head = "" if not text or text.endswith(("\n", "\r")) else nl
    head += nl + f"# Added by `timeline convert` on {stamp}: check each, complete it, then" \
                 f" remove 'unconfirmed'.{nl}"
    new_text = text + head + nl.join(block) + nl
    parse_people(as_mapping(parse_yaml(new_text.replace("\r\n", "\n"), display_path(path)),
                            display_path(path), 1, "the people registry"), display_path(path))
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
    atomic_write(path, (bom + new_text).encode("utf-8"), overwrite=True)
    return added


def _person_lines(person: Person, known: set[str]) -> list[str]:
    """A reference person as hand-written registry lines: aliases (those no one else in the
    file has), country, dated roles."""
    lines = []
    aliases = [a for a in person.aliases if name_key(a) not in known]
    known |= {name_key(a) for a in aliases}
    if aliases:
        lines.append("  aliases: [" + ", ".join(_quoted(a) for a in aliases) + "]")
    if person.country:
        lines.append(f"  country: {_quoted(person.country)}")
    if person.roles:
        lines.append("  roles:")
        for role in person.roles:
            lines.append(f"    - title: {_quoted(role.title)}")
            if role.start:
                lines.append(f"      from: {role.start.iso()}")
            if role.end:
                lines.append(f"      to: {role.end.iso()}")
    lines.append(f"  description: {_quoted('From the converter' + chr(39) + 's reference list')}")
    return lines


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
