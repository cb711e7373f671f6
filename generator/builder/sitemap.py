"""``sitemap.xml``, ``robots.txt`` and ``CNAME``: what crawlers and GitHub Pages read.

Crawlers read ``robots.txt`` only at a host's root, so for a project site
(``https://user.github.io/repo/``) it is written but not consulted; the
sitemap is still found through it on user sites and custom domains.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.builder.outputs import ROBOTS, SITEMAP, Kept, nothing_kept
from generator.config import Config

NOT_LISTED = ("404.html",)


def render_sitemap(page_paths: list[str], config: Config) -> bytes:
    urls = sorted({config.base_url + p for p in page_paths if p not in NOT_LISTED})
    body = "".join(f"<url><loc>{escape(u)}</loc></url>\n" for u in urls)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{body}</urlset>\n").encode("utf-8")


def sitemap_files(page_paths: list[str], config: Config,
                  kept: Kept = nothing_kept) -> dict[str, bytes]:
    sitemap = kept(SITEMAP)
    files = {SITEMAP: render_sitemap(page_paths, config) if sitemap is None else sitemap,
             ROBOTS: (f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}{SITEMAP}\n"
                      ).encode("utf-8")}
    if config.cname:
        files["CNAME"] = (config.cname.strip() + "\n").encode("utf-8")
    return files
