"""Convert: news articles in, timeline entries out.

One article flows through plain functions, each in its own module:
``html`` (saved pages: main text and metadata) -> ``clean`` (the article's own
paragraphs; boilerplate set aside) -> ``sentences`` -> ``people``, ``dates``,
``forums``, ``outlets`` (what each sentence names) -> ``engagements`` (when,
what kind, who took part, where; one article may report several) ->
``extract`` (the record, with review notes) -> ``render`` (entry text).
File work stays at the edge: ``store`` (existing entries), ``merge``
(text-level source insertion), ``write`` (atomic writes), ``command`` (the CLI).
"""
