"""Who this profile is: device id and name, the user's name and role, language.

Kept in `profile.json` beside the database rather than in a synced table: it describes this
machine and its user, and it must not change the content digest of the data.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field

from app.domain.status import USER_ROLES
from app.errors import ValidationError
from app.paths import AppPaths

ROLES = USER_ROLES
LANGUAGES = ("zh", "en")
SCHOOL_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


@dataclass
class Profile:
    device_id: str
    device_name: str
    user_name: str = ""
    role: str = "inspector"
    organisation: str = ""
    language: str = "zh"
    # A principal's schools (ids): what their role may touch (app/security/roles.py).
    schools: list = field(default_factory=list)
    # Set once this device has vouched for its own sign-offs made before they carried a device
    # signature (app/services/signoff_legacy.py); it never does that again.
    signoffs_backfilled: bool = False

    @property
    def display_name(self) -> str:
        return self.user_name or self.device_name


def check_school_id(school_id: str) -> None:
    if not isinstance(school_id, str) or not SCHOOL_ID.match(school_id):
        raise ValidationError(f"school: {school_id!r:.60} is not a school id (see `list "
                              "schools`).")


def load_profile(paths: AppPaths) -> Profile:
    """Read the profile, creating it (with a new device id) on first use."""
    if paths.profile_file.exists():
        data = json.loads(paths.profile_file.read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in Profile.__dataclass_fields__}
        return Profile(**known)
    import socket  # a new profile only
    import uuid
    profile = Profile(device_id=str(uuid.uuid4()), device_name=socket.gethostname() or "laptop")
    save_profile(paths, profile)
    return profile


def save_profile(paths: AppPaths, profile: Profile) -> None:
    if profile.role not in ROLES:
        raise ValidationError(f"role: must be one of {', '.join(ROLES)}.")
    if profile.language not in LANGUAGES:
        raise ValidationError("language: must be zh or en.")
    if not isinstance(profile.schools, list):
        raise ValidationError("schools: must be a list of school ids.")
    for school_id in profile.schools:
        check_school_id(school_id)
    tmp = paths.profile_file.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(profile), ensure_ascii=False, indent=2))
    os.replace(tmp, paths.profile_file)
