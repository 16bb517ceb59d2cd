"""Sync by signed bundle files: export, safe reading, trust, three-way merge, import, conflicts.

The bundle format (manifest shape, signature, file layout) is published in ARCHITECTURE.md
"Sync bundles"; `manifest.py` is the one place that builds and checks it.
"""
