"""Tests of the PDF reports: layout, signing, verification and the report CLI."""
