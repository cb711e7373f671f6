"""How commands show what the library logs: one plain line per record;
progress and results on standard output; warnings, errors and debugging on
standard error. Library code logs under ``generator``; commands call ``setup``."""

from __future__ import annotations

import logging
import sys

NAME = "generator"


class _Console(logging.Handler):
    """Writes to the streams ``sys`` has now (tests and pipes swap them)."""

    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stdout if record.levelno == logging.INFO else sys.stderr
        try:
            stream.write(self.format(record) + "\n")
            stream.flush()
        except (BrokenPipeError, ValueError):  # a closed pipe or stream: nobody reads
            pass


def setup(level: int = logging.INFO) -> None:
    """Show the library's records at ``level`` and above (once per process)."""
    logger = logging.getLogger(NAME)
    logger.setLevel(level)
    if not any(isinstance(h, _Console) for h in logger.handlers):
        handler = _Console()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def level() -> int:
    """The level ``setup`` set, for a process started to do part of a command."""
    return logging.getLogger(NAME).getEffectiveLevel()
