"""``timeline serve``: arguments in, a running preview out."""

from __future__ import annotations

import argparse
import asyncio
import errno
import shutil
import tempfile
import threading
import webbrowser
from pathlib import Path

from generator import logs
from generator.config import CONFIG_NAME, Config

HELP = ("preview the site with live reload: build into the output folder, rebuild on "
        "every save of content/, theme/ or the config, and refresh the browser")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000,
                        help="port (default: 8000; 0 picks a free one)")
    parser.add_argument("--open", action="store_true", help="open the site in a browser")
    parser.add_argument("--drafts", action="store_true",
                        help="include entries with draft: true (built into a temporary "
                        "folder, never into the output folder)")
    parser.add_argument("--poll", action="store_true",
                        help="poll for changes instead of using inotify (network drives)")


def run(args: argparse.Namespace, config: Config) -> int:
    from generator.serve.build_process import BuildProcess
    from generator.serve.server import Preview
    from generator.serve.watcher import PollingWatcher, Watched, make_watcher

    config_file = Path(config.path) if config.path else Path(args.config or CONFIG_NAME)
    # The output folder, as ``timeline build`` writes it (so both share the build
    # cache and a restart has nothing to redo); with drafts, a temporary folder,
    # so drafts never reach what ``publish`` pushes.
    work = Path(tempfile.mkdtemp(prefix="timeline-serve-")) if args.drafts else None
    output = work / "site" if work else Path(config.output)
    rebuilder = None
    try:
        rebuilder = BuildProcess(config, output, drafts=args.drafts, config_file=config_file)
        watched = Watched([config.content, config.theme], [config_file],
                          skip=[output, config.output])
        watcher = make_watcher(watched, polling=args.poll)
        preview = Preview(rebuilder, watcher, host=args.host, port=args.port,
                          out=logs.result, err=logs.problem)

        def ready(p: Preview) -> None:
            kind = "polling" if isinstance(watcher, PollingWatcher) else "inotify"
            logs.result(f"serving {p.url} (Ctrl-C to stop)")
            logs.result(f"watching {config.content}, {config.theme}, {config_file} ({kind}); "
                        f"building into {rebuilder.output}")
            if args.open:
                threading.Thread(target=webbrowser.open, args=(p.url,), daemon=True).start()

        try:
            asyncio.run(preview.run(ready))
        except KeyboardInterrupt:  # where signal handlers cannot be installed
            pass
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            logs.problem(f"port {args.port} is in use on {args.host}; try --port {args.port + 1}")
            return 1
        logs.result("stopped")
        return 0
    finally:
        if rebuilder is not None:
            rebuilder.close()
        if work:
            shutil.rmtree(work, ignore_errors=True)
