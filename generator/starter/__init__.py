"""``timeline init``: a ready site in a new or empty folder, written all at once
or not at all. The starter files live in ``files/``; ``--demo`` takes the
demo's content instead (the repository's ``content/``, which the wheel
carries as ``generator/demo_content``)."""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from generator.config import CONFIG_NAME, normalise_base_url
from generator.errors import TimelineError, display_path
from generator.fsutil import atomic_write
from generator.starter.editors import editor_files

FILES = Path(__file__).resolve().parent / "files"
PACKAGE = Path(__file__).resolve().parents[1]
_DEMO_CANDIDATES = (PACKAGE / "demo_content", PACKAGE.parent / "content")
DEMO_TITLE = "Diplomacy Timeline"
DEMO_DESCRIPTION = "Meetings, calls and summits of India's foreign policy, from news reports."
WORKFLOW = ".github/workflows/pages.yml"
# What pip installs in the Pages workflow when it cannot tell where timeline came from.
INSTALL_PLACEHOLDER = "git+https://github.com/OWNER/timeline  # where you installed timeline from"

log = logging.getLogger(__name__)


def install_source() -> str:
    """What the Pages workflow should ``pip install``: where this copy of
    timeline was installed from, when GitHub can reach it (a git repository or
    an https archive); else a placeholder, with a warning to fill it in."""
    try:
        text = importlib.metadata.distribution("timeline").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        text = None
    origin = json.loads(text) if text else {}
    url, vcs = origin.get("url", ""), origin.get("vcs_info")
    if vcs and url.startswith(("https://", "ssh://", "git@")):
        return f"git+{url}@{vcs.get('commit_id') or vcs.get('requested_revision', '')}".rstrip("@")
    if url.startswith("https://"):
        return url
    log.warning("warning: edit %s: set where pip installs timeline from (this copy came "
                "from %s, which GitHub cannot reach)", WORKFLOW, url or "a package index")
    return INSTALL_PLACEHOLDER


def demo_content() -> Path:
    for folder in _DEMO_CANDIDATES:
        if (folder / "entries").is_dir() and (folder / "people.yaml").is_file():
            return folder
    raise TimelineError(f"the demo content is missing from the installation ({PACKAGE}); "
                        "reinstall timeline")


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def site_files(title: str | None, base_url: str | None, demo: bool,
               install: str) -> dict[str, bytes]:
    """Every file of a new site, by path relative to its folder."""
    base = normalise_base_url(base_url, "--base-url", None) if base_url else \
        "http://127.0.0.1:8000/"
    description = DEMO_DESCRIPTION if demo else "Meetings, calls and summits, from news reports."
    config = (FILES / "timeline.yaml").read_text(encoding="utf-8")
    config = config.replace("$title", yaml_text(title or (DEMO_TITLE if demo else "Timeline")))
    config = config.replace("$description", yaml_text(description)).replace("$base_url", base)
    files = {CONFIG_NAME: config, ".gitignore": _read("gitignore"),
             WORKFLOW: _read("pages.yml").replace("$install", install)}
    if demo:
        source = demo_content()
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source).as_posix()
            if path.is_file() and rel.endswith((".yaml", ".md")) and "__" not in rel:
                files[f"content/{rel}"] = path.read_text(encoding="utf-8")
    else:
        for name in ("people.yaml", "forums.yaml", "outlets.yaml", "places.yaml"):
            files[f"content/{name}"] = _read(name)
        files["content/entries/2023-09-09-guterres-g20-new-delhi.md"] = _read("example-entry.md")
    out = {rel: text.encode("utf-8") for rel, text in files.items()}
    out.update(editor_files())
    return dict(sorted(out.items()))


def _read(name: str) -> str:
    return (FILES / name).read_text(encoding="utf-8")


def init_site(target: Path, title: str | None = None, base_url: str | None = None,
              demo: bool = False, install: str | None = None) -> list[Path]:
    """Write a new site into ``target`` (created if missing). Refuses, writing
    nothing, a file, a folder that holds a site or any file it would write, and
    a folder it cannot write to. ``install``: what the Pages workflow installs
    (default: where this copy came from, see ``install_source``)."""
    _refuse_unsuitable(target, site_files(title, base_url, demo, ""))
    files = site_files(title, base_url, demo, install if install is not None else install_source())
    if target.exists():
        _write_into(target, files)
    else:
        _write_new(target, files)
    log.debug("wrote %d files into %s", len(files), target)
    return [target / rel for rel in files]


def _refuse_unsuitable(target: Path, files: dict[str, bytes]) -> None:
    shown = display_path(target)
    if target.exists() and not target.is_dir():
        raise TimelineError(f"{shown} is a file, not a folder; give a new folder's name")
    if not target.exists():
        parent = _existing_parent(target)
        if not os.access(parent, os.W_OK | os.X_OK) or _immutable(parent):
            raise TimelineError(f"cannot create {shown}: {display_path(parent)} is not writable")
        return
    for marker in (CONFIG_NAME, "content"):
        if (target / marker).exists() or (target / marker).is_symlink():
            raise TimelineError(f"{shown} already holds a site ({marker}); nothing was written; "
                                "run init in a new or empty folder")
    clashes = [rel for rel in files if (target / rel).exists() or (target / rel).is_symlink()]
    if clashes:
        raise TimelineError(f"{shown} already has {', '.join(clashes)}; nothing was written; "
                            "move it away or run init in a new folder")
    if not os.access(target, os.W_OK | os.X_OK) or _immutable(target):
        raise TimelineError(f"{shown} is not writable; nothing was written")


def _existing_parent(path: Path) -> Path:
    parent = path.absolute().parent
    while not parent.exists():
        parent = parent.parent
    return parent


def _immutable(folder: Path) -> bool:
    """Whether a file can be made in ``folder`` (``os.access`` says yes to
    root even on a read-only mount or an immutable folder)."""
    try:
        fd, name = tempfile.mkstemp(prefix=".timeline-init-", dir=folder)
    except OSError:
        return True
    os.close(fd)
    os.unlink(name)
    return False


def _write_new(target: Path, files: dict[str, bytes]) -> None:
    """Stage the site beside ``target`` and rename it into place: all or nothing."""
    target.absolute().parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".init",
                                    dir=target.absolute().parent))
    try:
        for rel, data in files.items():
            atomic_write(staging / rel, data, durable=False)
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise TimelineError(f"cannot write {display_path(target)}: "
                            f"{exc.strerror or exc}; nothing was written") from None


def _write_into(target: Path, files: dict[str, bytes]) -> None:
    """Write into an existing folder, removing what was written if a write fails."""
    written: list[Path] = []
    try:
        for rel, data in files.items():
            new_dirs = [d for d in (target / rel).parents if not d.exists()]
            atomic_write(target / rel, data, overwrite=False, durable=False)
            written.extend([target / rel, *new_dirs])
    except OSError as exc:
        for path in written:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                path.unlink()
        raise TimelineError(f"cannot write {display_path(target)}: "
                            f"{exc.strerror or exc}; nothing was written") from None
