"""bench/RESULTS.md, one section per benchmark: a script rewrites its own section only."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().with_name("RESULTS.md")


def write_section(title: str, body: str) -> None:
    """Replace (or add at the end) the ``## title`` section, leaving the others alone."""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    section = f"## {title}\n\n" + body.strip() + "\n"
    m = re.search(rf"(?ms)^## {re.escape(title)}\n.*?(?=^## |\Z)", old)
    new = (old[:m.start()].rstrip("\n") + "\n\n" + section + ("\n" if old[m.end():] else "")
           + old[m.end():] if m else old.rstrip("\n") + "\n\n" + section)
    RESULTS.write_text(new, encoding="utf-8")
