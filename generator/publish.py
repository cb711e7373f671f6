"""``timeline publish``: build, commit the output to ``gh-pages``, push.

Like ``mkdocs gh-deploy``, but with git plumbing only: the files go into a
temporary index (``GIT_INDEX_FILE``), become a tree and a commit on the
branch, and are pushed. The working tree, the index and the current branch
are never touched, so publishing is safe in the middle of other work.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator import logs
from generator.config import Config
from generator.errors import TimelineError, display_path

HELP = "build the site and push it to the gh-pages branch (GitHub Pages)"
DEFAULT_BASE_URL = Config().base_url
_GITHUB = re.compile(r"github\.com[:/]([^/]+)/([^/]+?)(?:\.git)?/?$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--remote", default="origin", help="git remote to push to "
                        "(default: origin)")
    parser.add_argument("--branch", default="gh-pages", help="branch that holds the built "
                        "site (default: gh-pages)")
    parser.add_argument("--message", "-m", help="commit message (default: 'Publish site "
                        "from <commit>')")
    parser.add_argument("--force", action="store_true", help="replace the branch's history "
                        "with a single commit (force push)")
    parser.add_argument("--allow-dirty", action="store_true", help="publish even when "
                        "content, theme or config have uncommitted changes")
    parser.add_argument("--base-url", metavar="URL", help="override base_url for this build")


@dataclass
class Published:
    commit: str
    branch: str
    remote: str
    files: int
    base_url: str
    changed: bool  # False when the branch already held exactly this build
    first: bool = False  # the branch did not exist before


class Git:
    """Runs git in one repository; failures become TimelineError with git's message."""

    def __init__(self, root: Path, env: dict[str, str] | None = None):
        self.root = root
        self.env = {**os.environ, "LC_ALL": "C", **(env or {})}

    def __call__(self, *args: str, input: bytes | None = None, check: bool = True,
                 env: dict[str, str] | None = None) -> str:
        proc = subprocess.run(["git", *args], cwd=self.root, input=input,
                              capture_output=True, env={**self.env, **(env or {})})
        if check and proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise TimelineError(f"git {args[0]} failed: {message[-1] if message else proc.returncode}")
        return proc.stdout.decode("utf-8", "replace").strip() if proc.returncode == 0 else ""


def repository_root(start: Path) -> Path:
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start,
                              capture_output=True, text=True)
    except FileNotFoundError:
        raise TimelineError("publish needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise TimelineError(f"{display_path(start)} is not inside a git repository; "
                            "run 'git init' and add a remote first")
    return Path(proc.stdout.strip())


def github_pages_url(remote_url: str) -> str | None:
    """``https://user.github.io/repo/`` (or the user site) for a GitHub remote."""
    m = _GITHUB.search(remote_url)
    if not m:
        return None
    user, repo = m.group(1), m.group(2)
    if repo.lower() == f"{user.lower()}.github.io":
        return f"https://{repo.lower()}/"
    return f"https://{user.lower()}.github.io/{repo}/"


def uncommitted(git: Git, config: Config, root: Path) -> list[str]:
    """Changed or untracked files among the site's inputs (content, theme, config)."""
    inputs = [config.content, config.theme]
    if config.path:
        inputs.append(config.root / Path(config.path).name)
    paths = []
    for p in inputs:
        try:
            paths.append(str(p.resolve().relative_to(root.resolve())))
        except ValueError:
            continue  # outside the repository: git cannot tell
    if not paths:
        return []
    out = git("status", "--porcelain", "--untracked-files=all", "--", *paths)
    return [line[3:] for line in out.splitlines() if line.strip()]


def list_files(out_dir: Path) -> list[str]:
    return sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())


def commit_tree(git: Git, out_dir: Path, parent: str | None, message: str) -> tuple[str, str]:
    """Write ``out_dir`` as a tree into a throwaway index; commit it. -> (commit, tree)."""
    files = list_files(out_dir)
    with tempfile.TemporaryDirectory(prefix="timeline-publish-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        paths = "\n".join(str(out_dir / f) for f in files).encode("utf-8") + b"\n"
        blobs = git("hash-object", "-w", "--no-filters", "--stdin-paths", input=paths,
                    env=env).split() if files else []
        if len(blobs) != len(files):
            raise TimelineError("git hash-object did not store every file")
        info = "".join(f"100644 {sha}\t{name}\n" for sha, name in zip(blobs, files))
        git("update-index", "--add", "--index-info", input=info.encode("utf-8"), env=env)
        tree = git("write-tree", env=env)
    if parent and git("rev-parse", f"{parent}^{{tree}}") == tree:
        return parent, tree
    args = ["commit-tree", tree, "-m", message] + (["-p", parent] if parent else [])
    return git(*args), tree


def remote_tip(git: Git, remote: str, branch: str) -> str | None:
    """The branch's commit on the remote, fetched so a new commit can build on it."""
    if not git("ls-remote", "--heads", remote, f"refs/heads/{branch}"):
        return None
    git("fetch", "--quiet", "--no-tags", remote, f"refs/heads/{branch}")
    return git("rev-parse", "FETCH_HEAD")


def publish(config: Config, remote: str = "origin", branch: str = "gh-pages",
            message: str | None = None, force: bool = False,
            allow_dirty: bool = False) -> Published:
    from generator.builder.lock import output_lock
    from generator.builder.site import build_site

    root = repository_root(config.root)
    git = Git(root)
    remotes = git("remote").split()
    if remote not in remotes:
        known = f" (remotes: {', '.join(remotes)})" if remotes else ""
        raise TimelineError(f"no git remote '{remote}'{known}; add one with "
                            f"'git remote add {remote} URL' or choose one with --remote")
    if not allow_dirty:
        dirty = uncommitted(git, config, root)
        if dirty:
            shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
            raise TimelineError(f"uncommitted changes in the site's inputs: {shown}; commit "
                                "them first (or pass --allow-dirty to publish them anyway)")
    if config.base_url == DEFAULT_BASE_URL:
        guessed = github_pages_url(git("remote", "get-url", remote))
        if guessed:
            config = config.with_overrides(base_url=guessed)
    head = git("rev-parse", "--short", "HEAD", check=False) or "an unborn branch"
    message = message or f"Publish site from {head}"
    parent = None if force else (remote_tip(git, remote, branch)
                                 or git("rev-parse", "--verify", "--quiet",
                                        f"refs/heads/{branch}", check=False) or None)
    existed = bool(parent) or bool(git("ls-remote", "--heads", remote, f"refs/heads/{branch}"))
    with output_lock(Path(config.output)):  # no other build changes what is committed
        result = build_site(config)
        commit, _ = commit_tree(git, Path(config.output), parent, message)
    git("update-ref", "-m", "timeline publish", f"refs/heads/{branch}", commit)
    spec = f"{'+' if force else ''}refs/heads/{branch}:refs/heads/{branch}"
    git("push", "--quiet", remote, spec)
    return Published(commit, branch, remote, result.files, config.base_url, commit != parent,
                     not existed)


def run(args: argparse.Namespace, config: Config) -> int:
    config = config.with_overrides(base_url=args.base_url)
    done = publish(config, args.remote, args.branch, args.message, args.force, args.allow_dirty)
    what = "published" if done.changed else "unchanged, pushed again"
    logs.result(f"{what}: {done.files} files at {done.base_url} -> {done.remote}/{done.branch} "
                f"({done.commit[:10]})")
    if done.first:
        logs.result(f"first publish: on GitHub, set Settings > Pages > Source to 'Deploy from a "
                    f"branch', branch '{done.branch}', folder '/ (root)'")
    return 0
