"""What the preview adds to pages: the reload script, and the build error.

livereload injects its script only before a lower-case ``</head>`` in the
first 64 KiB of a response and never into its 404 page; we inject ourselves,
into every HTML response, wherever the page lets us.
"""

from __future__ import annotations

import html
import re

HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
OVERLAY_ID = "timeline-build-error"


def reload_script(port: int | None = None) -> bytes:
    """Loads livereload.js from the preview server, whatever host name the
    browser used (127.0.0.1, localhost, a LAN address)."""
    port_js = str(port) if port else (
        "(window.location.port || (window.location.protocol == 'https:' ? 443 : 80))")
    return ('<script>(function(){var s=document.createElement("script");'
            f'var port={port_js};'
            's.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
            'document.head.appendChild(s);})();</script>').encode()


def _insert(page: bytes, snippet: bytes, before: re.Pattern[bytes], after: re.Pattern[bytes],
            at_end: bool) -> bytes:
    m = before.search(page)
    if m:
        return page[:m.start()] + snippet + page[m.start():]
    m = after.search(page)
    if m:
        return page[:m.end()] + snippet + page[m.end():]
    return page + snippet if at_end else snippet + page


def add_script(page: bytes, script: bytes) -> bytes:
    """Before ``</head>`` in any case; else at the start of ``<body>``; else at the end."""
    return _insert(page, script, HEAD_END, BODY_START, at_end=True)


def error_overlay(messages: list[str]) -> bytes:
    """A box over the page with the build error, in the terminal's words."""
    lines = "\n".join(html.escape(m) for m in messages)
    return (f'<div id="{OVERLAY_ID}" role="alert" style="position:fixed;inset:auto 0 0 0;'
            'z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1em 1.25em;'
            'background:#fff4f4;color:#5c0000;border-top:4px solid #c00;'
            'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;'
            'box-shadow:0 -4px 16px rgba(0,0,0,.25)">'
            '<strong style="font:bold 15px/1.4 system-ui,sans-serif">Build failed; '
            'showing the last good build. Fix the file and save.</strong>'
            f'<pre style="margin:.5em 0 0;white-space:pre-wrap">{lines}</pre></div>').encode()


def add_overlay(page: bytes, messages: list[str]) -> bytes:
    """Before ``</body>`` in any case, else at the end of the page."""
    overlay = error_overlay(messages)
    m = BODY_END.search(page)
    if m:
        return page[:m.start()] + overlay + page[m.start():]
    return page + overlay


def standalone(title: str, body: str) -> bytes:
    """A minimal page for when there is no build to show (first build failed)."""
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{html.escape(title)}</title>\n<link rel="icon" href="data:,">\n</head>\n'
            f'<body style="font-family:system-ui,sans-serif;margin:2em">\n<h1>{html.escape(title)}'
            f'</h1>\n<p>{html.escape(body)}</p>\n</body>\n</html>\n').encode()
