"""A `Workspace` is one open profile: paths, identity, keys, database and template catalogue.

Both the command line and the desktop app open one and hand it to the services.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.clock import WallClock
from app.paths import AppPaths
from app.security import keys, vault
from app.security.profile import Profile, load_profile, save_profile
from app.storage.store import Store


# Inspections stored as signed with no device-signed sign-off at all (checked at each open).
# Answered from the (status, id) index and the partial index of founded sign-offs alone
# (m023): no table row is read, so a cold start does not wait on the disk for it. A deleted
# claim is left out by the caller (claims are rare; reading `deleted` here read every row).
# Both indexes already hold their ids in order, so the ORDER BY makes SQLite merge the two
# sorted lists (MERGE (EXCEPT)) instead of probing the sign-offs once per signed inspection:
# 58 -> 20 ms CPU of every start at 100,000 inspections (54,000 of them signed).
UNFOUNDED_SIGNED_SQL = (
    "select id from inspections where status = 'signed' except "
    "select inspection_id from signatures where deleted = 0 and device_sig is not null "
    "order by 1")


@dataclass
class Workspace:
    paths: AppPaths
    profile: Profile
    store: Store
    _templates: dict = field(default_factory=dict, repr=False)
    # The signing key's password, held in memory only, for this session once the user gave it.
    key_password: str | None = field(default=None, repr=False)
    # Set while demo data is made (roles.training); None means the profile's role acts.
    acting: object = field(default=None, repr=False)
    # What opening the profile found worth saying (e.g. old sign-offs that no longer count).
    notices: list = field(default_factory=list, repr=False)

    @classmethod
    def open(cls, home: str | Path | None = None, *, clock: WallClock | None = None,
             load_builtins: bool = True, password: str | None = None,
             identity: bool = True) -> "Workspace":
        """Open (creating on first use) a profile and its database. A password-protected
        profile needs `password`; a wrong or missing one is refused before anything is
        written. `identity=False` leaves the signing key and certificate to the caller's
        `signing_identity()` (the window calls it once its first screen has painted)."""
        paths = AppPaths.resolve(home)
        paths.ensure()
        connection = vault.connect(paths.database, password) \
            if vault.is_encrypted(paths.database) else None
        profile = load_profile(paths)
        keys.check_device_key(paths.keys, password)
        if identity:
            keys.ensure_signing_identity(paths.keys, profile.display_name,
                                         profile.organisation, password)
        if not paths.database.exists():
            # Created empty and owner-only, so the database is never readable by others.
            os.close(os.open(paths.database, os.O_WRONLY | os.O_CREAT, 0o600))
        store = Store(paths.database, device_id=profile.device_id, clock=clock,
                      connection=connection)
        paths.private_files()
        workspace = cls(paths, profile, store, key_password=password)
        workspace._wire_audit()
        if not profile.signoffs_backfilled:  # once per profile: loaded only then
            from app.services.signoff_legacy import backfill_once
            workspace.notices = backfill_once(workspace)
        workspace._drop_unfounded_signed()
        if load_builtins:
            from app.services.templates import install_builtin_templates
            install_builtin_templates(workspace)
        return workspace

    def _drop_unfounded_signed(self) -> None:
        """An inspection stored as signed without any device-signed sign-off (e.g. its status
        edited with sqlite3) is re-derived at once, so no list calls it signed. One indexed
        query per open, from indexes only; the full check of each claim is `derive_status`'s,
        on every change."""
        claims = [row["id"] for row in self.store.query(UNFOUNDED_SIGNED_SQL)]
        if claims:
            from app.services.signoff import derive_status
            live = [i for i, row in self.store.get_many("inspections", claims).items()
                    if not row["deleted"]]
            with self.store.atomic():
                for inspection_id in live:
                    derive_status(self, inspection_id)

    def close(self) -> None:
        self.store.close()

    def _wire_audit(self) -> None:
        """Every synced write is logged in the audit chain; its heads are signed by the
        device key (app/security/audit.py, audit_heads.py)."""
        def write_log(table: str, record_id: str, rev: str, fields: list) -> None:
            from app.security import audit  # with the first write, not at every start
            audit.log_write(self.store, self.actor, table, record_id, rev, fields)
        self.store.write_log = write_log
        signer = []   # the device key, read when the audit log first signs its head

        def sign(data: bytes) -> bytes:
            if not signer:
                signer.append(self.device_key)
            return signer[0].sign(data)
        self.store.audit_signer = sign

    # -- identity -------------------------------------------------------------------------
    @property
    def actor(self) -> str:
        return self.profile.display_name

    def set_identity(self, *, name: str | None = None, role: str | None = None,
                     organisation: str | None = None, language: str | None = None,
                     schools: list[str] | None = None) -> Profile:
        """Change who the user is; the signing certificate follows the name."""
        if name is not None:
            self.profile.user_name = name.strip()
        if role is not None:
            self.profile.role = role
            if role != "principal" and schools is None:
                self.profile.schools = []
        if schools is not None:
            self.profile.schools = list(dict.fromkeys(schools))
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
        return keys.ensure_device_key(self.paths.keys, self.key_password)

    @property
    def protected(self) -> bool:
        """Whether the database is encrypted under a profile password."""
        return vault.is_encrypted(self.paths.database)

    def set_profile_password(self, new: str | None) -> Path | None:
        """Encrypt the database and keys under `new` (None removes the password); the current
        password is the one this workspace was opened with. Returns the backup made first (kept
        when it is itself encrypted; a plaintext copy is removed once the change holds)."""
        old, was_plain = self.key_password, not self.protected
        for name in vault.KEY_FILES:       # every key must open before anything changes
            if (self.paths.keys / name).exists():
                keys.load_private_key(self.paths.keys / name, old)
        self.store.checkpoint()
        self.store.close()
        try:
            made = vault.rekey(self.paths, old, new)
            vault.rekey_keys(self.paths.keys, old, new)
            self.key_password = new
        finally:
            connection = vault.connect(self.paths.database, self.key_password) \
                if vault.is_encrypted(self.paths.database) else None
            self.store = Store(self.paths.database, device_id=self.profile.device_id,
                               clock=self.store.clock, connection=connection)
            self._wire_audit()
            self.paths.private_files()
        if was_plain and new:
            made.unlink()      # a plaintext copy would defeat the password: not kept
            return None
        return made
