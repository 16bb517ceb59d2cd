"""`school-inspect trust set-role | list`: the devices this profile trusts, with the role and
school scope recorded for each (docs/ROLES.md)."""

from __future__ import annotations

from app.cli.context import command, workspace
from app.cli.lazy import deferred
from app.cli.output import emit
from app.domain.status import USER_ROLES as ROLES


# Loaded when a command runs (see app/cli/lazy.py): `--help` stays light.
@deferred
def device_roles():
    from app.sync import device_roles
    return device_roles


@deferred
def trusted_certificates():
    from app.reports.verify import trusted_certificates
    return trusted_certificates


def register_trust(sub, common) -> None:
    s = command(sub, common, "set-role", cmd_set_role,
                "record a device's role and schools (the district office only); the signed "
                "record travels in the office's bundles")
    s.add_argument("device", help="device id (see `trust list`)")
    s.add_argument("--role", choices=ROLES, required=True)
    s.add_argument("--school", action="append", default=[], metavar="ID",
                   help="a principal's school id (repeatable)")
    command(sub, common, "list", cmd_trust_list,
            "trusted devices with their recorded role and scope, then the certificates "
            "trusted when verifying reports")
    command(sub, common, "certificates", cmd_trust_certificates,
            "the certificates trusted when verifying reports")


def cmd_set_role(args) -> int:
    ws = workspace(args)
    device_roles.set_role(ws, args.device, args.role, args.school)
    row = next(d for d in device_roles.list_devices(ws) if d["device_id"] == args.device)
    emit(args, row, f"{row['name'] or row['device_id']}: {_role_text(row)}")
    return 0


def _role_text(row: dict) -> str:
    if not row["role"]:
        return "role not recorded"
    scope = f" of {', '.join(row['schools'])}" if row["schools"] else ""
    return f"{row['role']}{scope} ({row['role_source']})"


def cmd_trust_list(args) -> int:
    ws = workspace(args)
    devices = device_roles.list_devices(ws)
    lines = [f"{d['device_id']}  {d['name']:20} {d['fingerprint']}  {_role_text(d)}"
             for d in devices] or ["(no devices)"]
    lines += [f"certificate {r['file']}  {r['subject']}" for r in trusted_certificates(ws)]
    emit(args, devices, "\n".join(lines))
    return 0


def cmd_trust_certificates(args) -> int:
    rows = trusted_certificates(workspace(args))
    emit(args, rows, "\n".join(f"{r['file']}  {r['subject']}" for r in rows) or "(none)")
    return 0
