"""File digests that are recomputed only when a file's status changes.

A builder kept alive by ``timeline serve`` checks 10,000 entry files per
rebuild; a ``stat`` costs microseconds where reading and hashing costs far
more. The status key includes the change time and inode, which every write,
rename or editor's save-by-replace changes.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def status_key(st: os.stat_result) -> tuple[int, int, int, int]:
    """What changes whenever a file's bytes may have changed."""
    return (st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino)


class FileDigests:
    """Within one build (between two ``begin`` calls) a file is looked at once."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[tuple[int, int, int, int], str]] = {}
        self._now: dict[str, str] = {}

    def begin(self) -> None:
        self._now = {}

    def digest(self, path: Path | str) -> str:
        name = os.fspath(path)
        value = self._now.get(name)
        if value is None:
            value = self._now[name] = self._digest(name)
        return value

    def learn(self, name: str, key: tuple[int, int, int, int], value: str) -> None:
        """This build's look at a file, taken elsewhere (a parse worker): ``key``
        is its status before the read, ``value`` the digest of the bytes read."""
        self._now[name] = value
        self._seen[name] = (key, value)

    def _digest(self, name: str) -> str:
        try:
            st = os.stat(name)
        except OSError as exc:  # a broken link: the loader reports it
            return f"unreadable-{exc.errno}"
        if not stat.S_ISREG(st.st_mode):  # never open a pipe: it would wait forever
            return f"not-a-file-{stat.S_IFMT(st.st_mode)}"
        key = status_key(st)
        seen = self._seen.get(name)
        if seen is not None and seen[0] == key:
            return seen[1]
        with open(name, "rb") as fh:
            value = digest_bytes(fh.read())
        self._seen[name] = (key, value)
        return value
