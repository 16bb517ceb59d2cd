"""Where a profile keeps its files: one `AppPaths` value, overridable for tests and users.

The profile folder comes from `--home DIR`, else `SCHOOL_INSPECT_HOME`, else the platform's
user data folder. Nothing else in the code builds profile paths.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "SCHOOL_INSPECT_HOME"
ENV_PROFILE_PASSWORD = "SCHOOL_INSPECT_PASSWORD"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
PROJECT_EXPORTS = Path(__file__).resolve().parent.parent / "exports"


def default_home() -> Path:
    """The platform's per-user data folder for School Inspect."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "school-inspect"


@dataclass(frozen=True)
class AppPaths:
    """All paths of one profile."""

    home: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike | None = None) -> "AppPaths":
        chosen = home or os.environ.get(ENV_HOME) or default_home()
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.home / "school-inspect.db"

    @property
    def keys(self) -> Path:
        return self.home / "keys"

    @property
    def profile_file(self) -> Path:
        return self.home / "profile.json"

    @property
    def trust_store(self) -> Path:
        return self.home / "trust"

    @property
    def exports(self) -> Path:
        return self.home / "exports"

    @property
    def default_output(self) -> Path:
        """Where bundles and reports go unless the user says otherwise: the project's
        `exports/` when running from a source checkout, else the profile's own folder."""
        return PROJECT_EXPORTS if PROJECT_EXPORTS.is_dir() else self.exports

    @property
    def templates_dir(self) -> Path:
        return RESOURCES / "templates"

    @property
    def fonts_dir(self) -> Path:
        return RESOURCES / "fonts"

    def ensure(self) -> None:
        """Create the profile folders, private to the owner (0700) on a shared laptop; the
        files in them are written 0600 (`private_files` tightens what older versions left)."""
        self.home.mkdir(parents=True, exist_ok=True)
        for folder in (self.home, self.keys, self.trust_store, self.exports):
            folder.mkdir(exist_ok=True)
            _chmod(folder, 0o700)

    def private_files(self) -> None:
        """Owner-only files: the database (SQLite gives its -wal/-shm the same mode), the
        profile and the keys."""
        for path in (self.database, self.database.with_name(self.database.name + "-wal"),
                     self.database.with_name(self.database.name + "-shm"), self.profile_file,
                     *self.keys.glob("*")):
            if path.exists():
                _chmod(path, 0o600)


def _chmod(path: Path, mode: int) -> None:
    # Windows ignores POSIX modes; that is fine, the profile folder is per-user there.
    try:
        os.chmod(path, mode)
    except OSError:
        pass
