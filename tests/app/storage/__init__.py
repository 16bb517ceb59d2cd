"""Tests of the SQLite store: migrations, revisions, history and blobs."""
