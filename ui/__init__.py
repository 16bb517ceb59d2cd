"""School Inspect desktop app (PySide6). Depends on app/ services; app/ never imports it."""
