"""`school-inspect trust whoami | revoke`: this device's own fingerprint (to read out when a
receiver compares it) and withdrawing trust from another device."""

from __future__ import annotations

from app.cli.context import command, workspace
from app.cli.lazy import deferred
from app.cli.output import emit


# Loaded when a command runs (see app/cli/lazy.py): `--help` stays light.
@deferred
def revocation():
    from app.sync import revocation
    return revocation


def register_self(sub, common) -> None:
    command(sub, common, "whoami", cmd_whoami,
            "this device's id, name, role and key fingerprint (read it out to a receiver)")
    s = command(sub, common, "revoke", cmd_revoke,
                "stop trusting a device: every later bundle it signs is refused")
    s.add_argument("device", help="device id (see `trust list`)")


def cmd_whoami(args) -> int:
    me = revocation.whoami(workspace(args))
    emit(args, me, f"{me['name']} ({me['role'] or 'no role'})\ndevice {me['device_id']}\n"
                   f"fingerprint {me['fingerprint']}")
    return 0


def cmd_revoke(args) -> int:
    device = revocation.revoke_device(workspace(args), args.device)
    lines = [f"revoked: {device['name'] or device['id']} — its later bundles are refused"]
    lines += [f"no longer signed: inspection {i} (its sign-off was captured by that device)"
              for i in device["unsigned"]]
    emit(args, {"device_id": device["id"], "name": device["name"],
                "revoked_at": device["revoked_at"], "unsigned": device["unsigned"]},
         "\n".join(lines))
    return 0
