"""Content: the model, fuzzy dates, registries, and loading a ``content/`` folder."""
