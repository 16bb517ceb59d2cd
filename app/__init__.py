"""School Inspect core: domain rules, storage, sync, reports and services. Never imports Qt."""

__version__ = "0.1.0"
