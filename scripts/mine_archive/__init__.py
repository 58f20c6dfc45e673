"""Japan's statements on the APMBC and the CCM: load, validate and render the archive.

The flow runs one way: ``statements`` loads and validates ``data/``, ``render`` and
``exports`` turn the resulting objects into text, ``pipeline`` collects that text,
and ``plugin`` (the only module that imports MkDocs) hands it to MkDocs.
"""
