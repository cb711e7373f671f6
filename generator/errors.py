"""One exception type that knows where the problem is, so the CLI can print
``file:line: message`` and never a traceback."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """A located message: an error or a warning about the input."""

    message: str
    path: str | None = None
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}{prefix}{self.message}"


class TimelineError(Exception):
    """Bad input or a failed step, with the file and line it concerns."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = display_path(path) if path is not None else None
        self.line = line

    def __reduce__(self):  # keep file and line when sent from a worker process
        return (self.__class__, (self.message, self.path, self.line))

    @property
    def problem(self) -> Problem:
        return Problem(self.message, self.path, self.line)

    def __str__(self) -> str:
        return str(self.problem)


class ManyErrors(TimelineError):
    """Several independent problems found in one pass (e.g. ``check``)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def __reduce__(self):
        return (self.__class__, (self.problems,))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class Collector:
    """Gathers the problems of one file so that all are reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, exc: TimelineError) -> None:
        self.problems.extend(problems_of(exc))

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``fn(*args)``, or None after noting its problem."""
        try:
            return fn(*args, **kwargs)
        except TimelineError as exc:
            self.add(exc)
            return None

    def value(self, data: Any, path: str, fn: Callable[..., T], key: str, **kwargs: Any) -> T | None:
        """A typed reader's ``fn(data, key, path)``, or None after noting its problem."""
        return self.call(fn, data, key, path, **kwargs)

    def raise_any(self) -> None:
        """Raise the problems found, in the order of their lines."""
        self.problems.sort(key=lambda p: p.line or 0)
        if len(self.problems) == 1:
            p = self.problems[0]
            raise TimelineError(p.message, p.path, p.line)
        if self.problems:
            raise ManyErrors(self.problems)


def problems_of(exc: TimelineError) -> list[Problem]:
    """The problems an error stands for: several for ManyErrors, else one."""
    return list(exc.problems) if isinstance(exc, ManyErrors) else [exc.problem]


def display_path(path: str | Path) -> str:
    """A path relative to the working directory when inside it: short and clickable."""
    text = os.fspath(path)
    try:
        full = os.path.abspath(text)
        cwd = os.getcwd()
    except OSError:
        return text
    if full.startswith(cwd + os.sep):
        return full[len(cwd) + 1:]
    return text
