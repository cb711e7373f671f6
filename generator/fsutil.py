"""Atomic file writes: a reader sees the old bytes or the new, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, data: bytes, overwrite: bool = True, durable: bool = True) -> None:
    """Write via a temp file in the same folder and rename it into place.

    With ``overwrite=False`` an existing file is never replaced (the final step
    is a hard link, which fails if the name exists) and FileExistsError is raised.
    ``durable=False`` skips the flush to disk, for files that may be lost (caches).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
