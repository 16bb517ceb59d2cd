"""A `Workspace` is one open profile: paths, identity, keys, database and template catalogue.

Both the command line and the desktop app open one and hand it to the services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.clock import WallClock
from app.paths import AppPaths
from app.security import keys
from app.security.profile import Profile, load_profile, save_profile
from app.storage.store import Store


@dataclass
class Workspace:
    paths: AppPaths
    profile: Profile
    store: Store
    _templates: dict = field(default_factory=dict, repr=False)
    # The signing key's password, held in memory only, for this session once the user gave it.
    key_password: str | None = field(default=None, repr=False)

    @classmethod
    def open(cls, home: str | Path | None = None, *, clock: WallClock | None = None,
             load_builtins: bool = True) -> "Workspace":
        """Open (creating on first use) a profile and its database."""
        paths = AppPaths.resolve(home)
        paths.ensure()
        profile = load_profile(paths)
        keys.ensure_device_key(paths.keys)
        keys.ensure_signing_identity(paths.keys, profile.display_name, profile.organisation)
        store = Store(paths.database, device_id=profile.device_id, clock=clock)
        workspace = cls(paths, profile, store)
        workspace._wire_audit()
        if load_builtins:
            from app.services.templates import install_builtin_templates
            install_builtin_templates(workspace)
        return workspace

    def close(self) -> None:
        self.store.close()

    def _wire_audit(self) -> None:
        """Every synced write is logged in the audit chain; its heads are signed by the
        device key (app/security/audit.py, audit_heads.py)."""
        from app.security import audit
        self.store.write_log = lambda table, record_id, rev, fields: audit.log_write(
            self.store, self.actor, table, record_id, rev, fields)
        self.store.audit_signer = self.device_key.sign

    # -- identity -------------------------------------------------------------------------
    @property
    def actor(self) -> str:
        return self.profile.display_name

    def set_identity(self, *, name: str | None = None, role: str | None = None,
                     organisation: str | None = None, language: str | None = None) -> Profile:
        """Change who the user is; the signing certificate follows the name."""
        if name is not None:
            self.profile.user_name = name.strip()
        if role is not None:
            self.profile.role = role
        if organisation is not None:
            self.profile.organisation = organisation.strip()
        if language is not None:
            self.profile.language = language
        save_profile(self.paths, self.profile)
        if self.profile.user_name:
            self.signing_identity()
        return self.profile

    def signing_identity(self) -> tuple[Path, Path]:
        """(key path, certificate path) for signing reports, created on first need."""
        return keys.ensure_signing_identity(self.paths.keys, self.profile.display_name,
                                            self.profile.organisation, self.key_password)

    def signing_key(self):
        """The private key for signing reports; PasswordError when its password is needed or
        wrong (the password comes from `key_password`)."""
        key_path, _ = self.signing_identity()
        return keys.load_signing_key(key_path, self.key_password)

    def set_key_password(self, old: str | None, new: str | None) -> None:
        """Protect the signing key with a password (None removes it); needs the old one."""
        key_path, _ = self.signing_identity()
        keys.set_key_password(key_path, old, new)
        self.key_password = new

    @property
    def device_key(self):
        return keys.ensure_device_key(self.paths.keys)
