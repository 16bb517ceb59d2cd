"""Who this profile is: device id and name, the user's name and role, language.

Kept in `profile.json` beside the database rather than in a synced table: it describes this
machine and its user, and it must not change the content digest of the data.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass

from app.domain.status import USER_ROLES
from app.errors import ValidationError
from app.paths import AppPaths

ROLES = USER_ROLES
LANGUAGES = ("zh", "en")


@dataclass
class Profile:
    device_id: str
    device_name: str
    user_name: str = ""
    role: str = "inspector"
    organisation: str = ""
    language: str = "zh"

    @property
    def display_name(self) -> str:
        return self.user_name or self.device_name


def load_profile(paths: AppPaths) -> Profile:
    """Read the profile, creating it (with a new device id) on first use."""
    if paths.profile_file.exists():
        data = json.loads(paths.profile_file.read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in Profile.__dataclass_fields__}
        return Profile(**known)
    profile = Profile(device_id=str(uuid.uuid4()), device_name=socket.gethostname() or "laptop")
    save_profile(paths, profile)
    return profile


def save_profile(paths: AppPaths, profile: Profile) -> None:
    if profile.role not in ROLES:
        raise ValidationError(f"role: must be one of {', '.join(ROLES)}.")
    if profile.language not in LANGUAGES:
        raise ValidationError("language: must be zh or en.")
    tmp = paths.profile_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(profile), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, paths.profile_file)
