"""How a build uses CPython's cycle collector: a build allocates millions of
short-lived objects and makes few cycles, and a builder kept alive by
``timeline serve`` holds a large heap that lives on."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def fewer_collections() -> Iterator[None]:
    """A build allocates millions of short-lived objects and makes few cycles:
    collecting the young ones 70 times less often saves 0.3 s of 9 on a cold
    build of 10,000 entries, for 10 MB more at the peak."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def settle_memory(full: bool) -> None:
    """Keep CPython's cycle collector off the long-lived heap of a kept-alive build.

    A full collection walks every object (120 ms at 10,000 entries) and starts
    by itself every few builds; frozen objects are skipped. After a small build
    only young objects are collected, after a large one (slow anyway) all."""
    if full:
        gc.unfreeze()
        gc.collect()
    else:
        gc.collect(1)
    gc.freeze()
