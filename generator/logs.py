"""How commands show things. Library code logs under ``generator`` and never
prints; a command calls ``setup`` once, then ``result`` for what it reports.

- results (a build's summary, the preview's address and rebuilds): standard
  output, one line each; not with ``--quiet``;
- the library's records: standard error, plain lines; warnings and errors
  always, progress notes and the traceback of an internal error with
  ``--verbose``.
"""

from __future__ import annotations

import logging
import sys

NAME = "generator"
_results = True


class _Console(logging.Handler):
    """Writes to the standard error ``sys`` has now (tests and pipes swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        _write(sys.stderr, self.format(record))


def _write(stream, text: str) -> None:
    try:
        stream.write(text + "\n")
        stream.flush()
    except (BrokenPipeError, ValueError):  # a closed pipe or stream: nobody reads
        pass


def setup(verbose: bool = False, quiet: bool = False) -> None:
    """Records at WARNING and above (DEBUG and above with ``verbose``);
    results unless ``quiet``."""
    global _results
    _results = not quiet
    logger = logging.getLogger(NAME)
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING)
    if not any(isinstance(h, _Console) for h in logger.handlers):
        handler = _Console()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def settings() -> tuple[bool, bool]:
    """(verbose, quiet) as set, for a process started to do part of a command."""
    return logging.getLogger(NAME).getEffectiveLevel() <= logging.DEBUG, not _results


def result(text: str) -> None:
    """One line of what a command reports, on standard output."""
    if _results:
        _write(sys.stdout, text)


def problem(text: str) -> None:
    """One line of what went wrong, on standard error, always."""
    _write(sys.stderr, text)
