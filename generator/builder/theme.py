"""Where a site's templates and static files come from: the site's own theme
folder first, then the default theme shipped inside the package, template by
template and file by file (as MkDocs' ``custom_dir`` and Hugo's lookup do)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from generator.config import Config
from generator.errors import TimelineError, display_path
from generator.fsutil import atomic_write

STATIC_DIR = "static"
TEMPLATES_DIR = "templates"
PACKAGE = Path(__file__).resolve().parents[1]
# In a wheel the default theme is ``generator/default_theme`` (pyproject.toml
# maps the repository's ``theme/`` there); in a source checkout it is ``theme/``.
_CANDIDATES = (PACKAGE / "default_theme", PACKAGE.parent / "theme")

log = logging.getLogger(__name__)


def default_theme() -> Path:
    """The folder of the theme that ships with the package."""
    for folder in _CANDIDATES:
        if (folder / TEMPLATES_DIR / "base.html").is_file():
            return folder
    raise TimelineError(f"the default theme is missing from the installation ({PACKAGE}); "
                        "reinstall timeline")


def site_theme(config: Config) -> Path | None:
    """The site's own theme folder, or None when it has none. A ``theme:`` set
    in the config that names no folder is an error at that line."""
    folder = config.theme
    if folder.is_dir():
        return folder
    if config.theme_line is None and not folder.exists():
        return None
    raise TimelineError(f"'theme' is set to {display_path(folder)}, which is not a folder; "
                        "fix the path or remove the setting to use the default theme",
                        config.path or "timeline.yaml", config.theme_line)


def theme_dirs(config: Config) -> list[Path]:
    """The theme folders to look in, the site's first; the default is always last."""
    default = default_theme()
    own = site_theme(config)
    if own is None or own.resolve() == default.resolve():
        return [default]
    return [own, default]


def template_dirs(config: Config) -> list[Path]:
    return [d / TEMPLATES_DIR for d in theme_dirs(config) if (d / TEMPLATES_DIR).is_dir()]


def read_static(config: Config) -> dict[str, bytes]:
    """Static files by path under ``static/``; a site's file replaces the default's."""
    files: dict[str, bytes] = {}
    for folder in reversed(theme_dirs(config)):
        static = folder / STATIC_DIR
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[path.relative_to(static).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))


def eject(config: Config, force: bool = False) -> list[Path]:
    """Copy the default theme into the site's theme folder. Without ``force``
    nothing is written when any file already exists there (all are named)."""
    source, target = default_theme(), config.theme
    if target.exists() and not target.is_dir():
        raise TimelineError("the theme folder is a file; remove it or set 'theme' elsewhere",
                            display_path(target))
    pairs = [(source / rel, target / rel) for rel in _files(source)]
    clashes = [dst for _, dst in pairs if dst.exists() or dst.is_symlink()]
    if clashes and not force:
        names = ", ".join(display_path(p) for p in clashes[:5])
        more = f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        raise TimelineError(f"{len(clashes)} file(s) already exist ({names}{more}); nothing "
                            "was copied; add --force to replace them with the default theme's")
    for src, dst in pairs:
        atomic_write(dst, src.read_bytes())
        log.debug("wrote %s", dst)
    return [dst for _, dst in pairs]


def _files(root: Path) -> list[str]:
    """Paths of the theme's files, relative to ``root``, sorted."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        rel = Path(folder).relative_to(root)
        found.extend((rel / n).as_posix() for n in names if not n.startswith("."))
    return sorted(p for p in found if Path(p).parts[0] in (TEMPLATES_DIR, STATIC_DIR))

