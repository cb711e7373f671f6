"""timeline: a static site generator for timelines of diplomatic engagements."""

__version__ = "0.1.0"
