"""Tests of sync by signed bundle files: export, verify, import and merge."""
