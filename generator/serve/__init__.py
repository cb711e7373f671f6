"""``timeline serve``: the live preview.

watcher (inotify or polling) -> debounced changes -> rebuild (the build
decides what to re-render) -> the new tree is swapped in -> browsers told,
through livereload's protocol (livereload_bridge, the only module that
imports livereload). files and inject decide what is served, and how.
"""
