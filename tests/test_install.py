"""timeline as a user installs it: the wheel into a fresh virtual environment
outside the repository, then init -> new -> check -> build -> serve from a
temporary folder; and the README's "Start your own timeline" word for word.

Each step's time goes to test-artifacts/start-timings.txt."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import ARTIFACTS, REPO

# What a copy of "this repository" holds: everything but local state.
NOT_REPOSITORY = (".git", ".venv", "node_modules", "site", "build", "dist", "test-artifacts",
                  "*.egg-info", "__pycache__", ".pytest_cache", ".timeline-cache", ".site*")
WHEEL_PACKAGES = ("generator/builder/", "generator/content/", "generator/convert/",
                  "generator/serve/", "generator/starter/files/pages.yml",
                  "generator/default_theme/templates/base.html",
                  "generator/default_theme/static/style.css",
                  "generator/demo_content/entries/", "generator/content/data/cities.tsv",
                  "generator/content/data/city_keys.tsv", "generator/content/data/places.yaml",
                  "generator/convert/data/countries.yaml")


def clean_env() -> dict[str, str]:
    """The environment without this test run's Python paths or virtual environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(REPO)))
    return env


def copy_repository(dest: Path) -> Path:
    shutil.copytree(REPO, dest, symlinks=True, ignore=shutil.ignore_patterns(*NOT_REPOSITORY))
    return dest


class Steps:
    """Runs shell lines one by one, timing each."""

    def __init__(self, cwd: Path, name: str):
        self.cwd, self.name, self.times = cwd, name, []

    def run(self, line: str, env: dict[str, str], timeout: int = 600) -> str:
        started = time.perf_counter()
        result = subprocess.run(["bash", "-c", line], cwd=self.cwd, env=env, text=True,
                                capture_output=True, timeout=timeout)
        self.times.append((line, time.perf_counter() - started))
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
        return result.stdout + result.stderr

    def save(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        with open(ARTIFACTS / "start-timings.txt", "a", encoding="utf-8") as fh:
            fh.write(f"# {self.name}\n")
            fh.writelines(f"{seconds:7.2f} s  {line}\n" for line, seconds in self.times)


def serve_one_page(command: list[str] | str, cwd: Path, env: dict[str, str],
                   steps: Steps) -> str:
    """Start ``serve``, fetch the home page it announces, stop it with SIGTERM."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, text=True, shell=isinstance(command, str),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "serve stopped before it served"
            found = re.search(r"serving (http://\S+)", line)
            url = found.group(1) if found else None
        assert url, "serve did not say where it serves"
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode("utf-8")
        steps.times.append((f"{command} (until the first page was fetched)",
                            time.perf_counter() - started))
        return page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_the_wheel_installs_into_a_fresh_venv_and_runs_a_whole_site(tmp_path):
    repo = copy_repository(tmp_path / "src")
    work = tmp_path / "user"
    work.mkdir()
    env = clean_env()
    steps = Steps(work, "wheel -> fresh venv -> init -> new -> check -> build -> serve")
    steps.run(f"{sys.executable} -m pip wheel -q --no-deps -w {tmp_path / 'dist'} {repo}", env)
    wheel = next((tmp_path / "dist").glob("timeline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for prefix in WHEEL_PACKAGES:
        assert any(n.startswith(prefix) for n in names), prefix
    steps.run(f"{sys.executable} -m venv env && env/bin/pip install -q {wheel}", env)
    shutil.rmtree(repo)  # nothing may come from the source tree
    bin_ = work / "env" / "bin"
    steps.run(f"{bin_}/timeline init site --title 'Test timeline'", env)
    site = work / "site"
    steps.cwd = site
    steps.run(f"{bin_}/timeline new 'Guterres meets Kallas' --date 2025-01-20 "
              "--people 'António Guterres' --people 'Kaja Kallas' --place Brussels", env)
    out = steps.run(f"{bin_}/timeline check", env)
    assert "checked 2 entry files: 0 errors, 1 warning" in out  # Kaja Kallas is not registered
    steps.run(f"{bin_}/timeline build", env)
    page = serve_one_page([str(bin_ / "timeline"), "serve", "--port", "0"], site, env, steps)
    assert "Guterres meets Kallas" in page and "Test timeline" in page
    steps.save()


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Start your own timeline", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_start_your_own_timeline_section_word_for_word(tmp_path):
    commands = readme_commands()
    assert commands[0].startswith("python3 -m venv") and "pip install" in commands[0]
    assert commands[-1] == "timeline serve"
    copy_repository(tmp_path / "timeline")
    steps = Steps(tmp_path, "README: Start your own timeline")
    # One shell, as a person types: each line runs after the ones before it,
    # the last (serve) until the page is fetched.
    times = tmp_path / "times"
    timed = [f's=$EPOCHREALTIME; {line}; echo "$s $EPOCHREALTIME" >> {times}'
             for line in commands[:-1]]
    script = tmp_path / "steps.sh"
    script.write_text("set -e\n" + "\n".join(timed) + f"\nexec {commands[-1]}\n")
    page = serve_one_page(f"bash {script}", tmp_path, clean_env(), steps)
    assert "Guterres meets Ruritania" in page and "Diplomacy of Ruritania" in page
    total = steps.times.pop()[1]
    spans = [tuple(map(float, row.split())) for row in times.read_text().splitlines()]
    steps.times = [(line, end - start) for line, (start, end) in zip(commands, spans)]
    steps.times.append((commands[-1] + " (until the first page was fetched)",
                        total - sum(end - start for start, end in spans)))
    steps.save()
    site = tmp_path / "my-timeline"
    assert (site / "site" / "index.html").is_file()
    assert len(list((site / "content" / "entries").glob("*.md"))) == 2
