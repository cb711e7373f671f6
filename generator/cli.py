"""The ``timeline`` command: parse arguments, call the library, show results
(through ``logs``, so that ``--quiet`` and ``--verbose`` apply to all) and
errors, one line each."""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
from pathlib import Path

from generator import __version__, logs
from generator.config import Config, load_config
from generator.content.jsonschema import SCHEMAS
from generator.errors import ManyErrors, TimelineError, display_path

FORMATS = ("text", "json", "github")
SCHEMA_NAMES = tuple(SCHEMAS)
# Subcommands that live in their own modules: name -> module with HELP,
# add_arguments(parser) and run(args, config) -> exit code.
PLUGGED = {
    "convert": "generator.convert.command",
    "serve": "generator.serve.command",
    "publish": "generator.publish",
}


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_build(args: argparse.Namespace, config: Config) -> int:
    from generator.builder.site import build_site

    config = config.with_overrides(output=Path(args.out) if args.out else None,
                                   base_url=args.base_url)
    result = build_site(config, drafts=args.drafts)
    for warning in result.warnings:
        _err(str(warning))
    logs.result(f"{result.summary()} -> {config.output}")
    return 0


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    from generator.builder.check import check_site, report_lines

    report = check_site(config, drafts=True)
    problems, notes = report_lines(report, args.format)
    for line in problems:
        _err(line)
    for line in notes:
        logs.result(line)
    failed = bool(report.errors) or (args.strict and bool(report.warnings))
    if args.format == "text":
        logs.result(f"checked {plural(report.files, 'entry file')}: "
                    f"{plural(len(report.errors), 'error')}, "
                    f"{plural(len(report.warnings), 'warning')}, "
                    f"{len(report.review)} with open review items"
                    + (" (strict: warnings are errors)" if args.strict and report.warnings else ""))
    return 1 if failed else 0


def cmd_new(args: argparse.Namespace, config: Config) -> int:
    from generator.content.creating import create_entry

    path, warnings = create_entry(config, args.title, args.date, args.kind, args.people,
                                  args.forums, args.place, args.url)
    for warning in warnings:
        _err(str(warning))
    logs.result(f"wrote {path}")
    return 0


def cmd_theme(args: argparse.Namespace, config: Config) -> int:
    from generator.builder.theme import eject

    written = eject(config, force=args.force)
    logs.result(f"copied the default theme into {display_path(config.theme)} "
                f"({plural(len(written), 'file')}); edit or delete any of them: a deleted "
                "file falls back to the default")
    return 0


def cmd_init(args: argparse.Namespace, config: Config | None) -> int:
    from generator.starter import init_site

    target = Path(args.dir)
    init_site(target, title=args.title, base_url=args.base_url, demo=args.demo)
    logs.result(f"wrote a new {'demo ' if args.demo else ''}site in {display_path(target)}; next:")
    where = "" if target.resolve() == Path.cwd().resolve() else f"cd {display_path(target)} && "
    logs.result(f"  {where}timeline build    # or: timeline serve")
    return 0


def cmd_schema(args: argparse.Namespace, config: Config | None) -> int:
    from generator.content.jsonschema import schema_text

    sys.stdout.write(schema_text(args.name))
    return 0


def plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description="Build a static timeline site of diplomatic engagements.")
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    parser.add_argument("--config", "-c", metavar="FILE",
                        help="site config file (default: ./timeline.yaml)")
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("--verbose", "-v", action="store_true",
                          help="say more (internal errors with their traceback)")
    loudness.add_argument("--quiet", "-q", action="store_true",
                          help="only warnings and errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("build", help="build the site into the output folder",
                       description="Build the site. Writes nothing unless the whole build "
                       "succeeds; then a large change is swapped in as a complete new "
                       "tree, a small one (at most 200 files) file by atomic file. One "
                       "build at a time per output folder: another build, serve or publish "
                       "of it waits (the lock is .<output>.lock beside the folder).")
    p.add_argument("--out", metavar="DIR", help="output folder (default: from config, site/)")
    p.add_argument("--base-url", metavar="URL", help="override base_url, e.g. "
                   "https://user.github.io/repo/")
    p.add_argument("--drafts", action="store_true", help="include entries with draft: true")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("check", help="validate config, registries and entries",
                       description="Validate everything; print one line per problem as "
                       "file:line: message. Exit 1 on errors.")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text: file:line: message (default); json: one JSON document on "
                   "standard output; github: workflow commands (::error file=...,line=...::) "
                   "that GitHub shows on the lines of a pull request")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("new", help="write a ready-to-edit entry",
                       description="Write a new entry file under content/entries/; never "
                       "overwrites an existing file.")
    p.add_argument("title", help="the engagement's title")
    p.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM or YYYY")
    p.add_argument("--kind", default="meeting", help="meeting, call, video call, summit, "
                   "visit, statement or other (default: meeting)")
    p.add_argument("--people", action="append", default=[], metavar="NAME",
                   help="a participant (repeat, or separate with commas)")
    p.add_argument("--forums", action="append", default=[], metavar="NAME",
                   help="a forum (repeat, or separate with commas)")
    p.add_argument("--place", help="city or place")
    p.add_argument("--url", help="the source article's URL")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("init", help="start a new site in a folder",
                       description="Write a ready site into DIR (default: the current folder): "
                       "timeline.yaml, content/ with starter registries and one example entry, "
                       ".gitignore, the GitHub Pages workflow, JSON Schemas and VS Code "
                       "settings. Refuses a folder that already holds a site or any of those "
                       "files, and writes nothing then.")
    p.add_argument("dir", nargs="?", default=".", metavar="DIR", help="the site's folder")
    p.add_argument("--title", help="the site's title")
    p.add_argument("--base-url", metavar="URL", help="where it will be published, e.g. "
                   "https://user.github.io/repo/")
    p.add_argument("--demo", action="store_true", help="the demo timeline instead of a "
                   "starter (a full site to look at)")
    p.set_defaults(func=cmd_init, needs_config=False)

    p = sub.add_parser("schema", help="print the JSON Schema of a file format",
                       description="Print a JSON Schema for editors: entry (front matter), "
                       "config (timeline.yaml), people, forums, outlets or places.")
    p.add_argument("name", choices=SCHEMA_NAMES, help="which file format")
    p.set_defaults(func=cmd_schema, needs_config=False)

    p = sub.add_parser("theme", help="work with the site's theme",
                       description="A site uses the default theme that ships with timeline; "
                       "files in its own theme folder (theme/templates/*.html, "
                       "theme/static/*) replace the default's one by one.")
    theme_sub = p.add_subparsers(dest="theme_command", metavar="ACTION")
    theme_sub.required = True
    q = theme_sub.add_parser("eject", help="copy the default theme into the site's theme folder",
                             description="Copy every template and static file of the default "
                             "theme into the site's theme folder, for full control. Refuses "
                             "(and copies nothing) when any of those files exists.")
    q.add_argument("--force", action="store_true", help="replace files that already exist")
    q.set_defaults(func=cmd_theme)

    for name, module_name in PLUGGED.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # not built yet
            raise
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.setup(verbose=args.verbose, quiet=args.quiet)
    try:
        config = None
        if getattr(args, "needs_config", True):
            config = load_config(Path(args.config) if args.config else None)
        return args.func(args, config)
    except ManyErrors as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err(f"{plural(len(exc.problems), 'error')}; nothing was written")
        return 1
    except TimelineError as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """The console command: ``main`` and the exit handlers (they finish deleting
    staging folders), then leave without freeing the heap object by object (a
    build of 10,000 entries would spend 0.17 s on it)."""
    code = main()
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
