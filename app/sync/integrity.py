"""What a trusted peer may not do with a bundle, checked on import (the trust rules of
ARCHITECTURE.md, as refined by issue 8):

- sign-offs: every signature row carries the capturing device's Ed25519 signature; one that
  does not verify against that device's key as trusted here refuses the bundle. A row of a
  device not trusted here is kept but unverified: it never makes an inspection signed.
- "signed" is derived: after merging, every inspection the bundle touched gets the status its
  sign-offs give it (`signoff.derive_status`); a claim of `signed` without a valid sign-off is
  kept as completed and said so in the import's notices.
- revs: one strict shape (records.py) and a horizon: a rev more than `horizon` hours ahead of
  this device's clock refuses the bundle, naming the sender device and the time, before our
  clock could adopt it.
- certificates: at most the sender's own leaf certificate (no CA, a signing key usage, the
  sender's name as subject); it is kept as that device's certificate, never as a root.
"""

from __future__ import annotations

import datetime as dt

from app.clock import Timestamp
from app.errors import BundleError
from app.security import anchors
from app.security.signoffs import DeviceKeys, verify_row
from app.sync.record_table import column_of
from app.sync.records import ANCESTRY

DEFAULT_HORIZON_HOURS = 24.0
HORIZON_SETTING = "sync_rev_horizon_hours"


# -- sign-offs -------------------------------------------------------------------------------
def check_signoffs(ws, bundle) -> list[str]:
    """Refuse forged sign-offs; returns notices about the ones that cannot be checked here."""
    keys = DeviceKeys.of(ws, bundle.sender)
    notices = []
    for number, row in enumerate(bundle.records.get("signatures", []), 1):
        where = f"records/signatures.ndjson: line {number}"
        device = row.get("captured_by")
        key = keys.key(device)
        if key is None:
            notices.append(f"sign-off {row['id']} of inspection {row.get('inspection_id')} was "
                           f"captured by device {device or '(unknown)'}, which is not trusted "
                           "here: kept, but it does not count as a signature.")
            continue
        if not verify_row(row, key):
            who = _device_name(ws, bundle, device)
            raise BundleError(f"{where}: sign-off {row['id']} of inspection "
                              f"{row.get('inspection_id')} does not carry a valid signature of "
                              f"device {who}, which it names as its capturer: it was forged "
                              "or changed after signing. Nothing was imported.")
    return notices


def _device_name(ws, bundle, device_id: str) -> str:
    if device_id == bundle.sender["device_id"]:
        return f"{bundle.sender.get('name') or '?'} ({device_id})"
    row = ws.store.get("devices", device_id)
    return f"{row['name']} ({device_id})" if row else device_id


def touched_inspections(bundle) -> set[str]:
    ids = set(column_of(bundle.records.get("inspections", []), "id"))
    for table in ("responses", "attachments", "actions", "signatures"):
        ids |= set(filter(None, column_of(bundle.records.get(table, []), "inspection_id")))
    return ids


def derive_signed(ws, bundle, newly_trusted: bool) -> list[str]:
    """Inside the import transaction: every inspection whose sign-offs or content the bundle
    touched gets the status its sign-offs give it. Returns notices for refused claims."""
    from app.services.signoff import derive_status
    store = ws.store
    ids = touched_inspections(bundle)
    if newly_trusted:
        # Sign-offs relayed earlier by others become checkable once their device is trusted.
        ids |= {r["inspection_id"] for r in store.query(
            "select distinct inspection_id from signatures where captured_by = ? and "
            "inspection_id is not null",      # a row written outside the app may lack it
            [bundle.sender["device_id"]])}
    keys = DeviceKeys.of(ws, bundle.sender)
    notices = []
    for inspection_id in sorted(_with_signing_state(store, ids)):
        before = store.get("inspections", inspection_id)["status"]
        after = derive_status(ws, inspection_id, keys=keys)
        if before == "signed" and after != "signed":
            notices.append(f"inspection {inspection_id} arrived marked signed without a valid "
                           "sign-off over its content by a device trusted here: it is kept as "
                           "completed, not signed.")
    return notices


def _with_signing_state(store, ids: set[str]) -> set[str]:
    """Of `ids`, the inspections that are marked signed or hold any sign-off."""
    found, ordered = set(), sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found |= {r["id"] for r in store.query(
            f"select id from inspections where id in ({marks}) and (status = 'signed' or "
            f"exists (select 1 from signatures s where s.inspection_id = inspections.id))",
            chunk)}
    return found


# -- revs ------------------------------------------------------------------------------------
def horizon_hours(ws, given: float | None = None) -> float:
    if given is not None:
        return given
    try:
        return float(ws.store.setting(HORIZON_SETTING) or DEFAULT_HORIZON_HOURS)
    except ValueError:
        return DEFAULT_HORIZON_HOURS


def check_rev_horizon(ws, bundle, hours: float) -> None:
    """Refuse a bundle holding a rev (or base rev, or ancestry) too far in our future."""
    now_ms = ws.store.clock.ms()
    limit = now_ms + int(hours * 3_600_000)
    # Revs were checked for shape when read (13 digits of milliseconds first): comparing
    # that prefix as text is a cheap first look; Timestamp.parse decides.
    bound = f"{limit:013d}" if 0 <= limit < 10 ** 13 else ""
    for table, rows in bundle.records.items():
        # Column by column, in the order of records (no dict per record).
        for number, (rev, base_rev, ancestry) in enumerate(zip(
                column_of(rows, "rev"), column_of(rows, "base_rev"),
                column_of(rows, ANCESTRY))):
            for rev in (rev, base_rev, *(ancestry or ())):
                if rev is not None and rev[:13] > bound and Timestamp.parse(rev).ms > limit:
                    _refuse_future(bundle, table, rows[number], rev, now_ms, hours)


def _refuse_future(bundle, table, row, rev, now_ms, hours) -> None:
    sender = bundle.sender
    raise BundleError(
        f"The bundle from device {sender.get('name') or '?'} ({sender['device_id']}) holds a "
        f"rev dated {_when(Timestamp.parse(rev).ms)} ({table} record {row['id']}), more than "
        f"{hours:g} h ahead of this device's clock ({_when(now_ms)}); refused. Check the "
        "clock of that device (and of this one), then export again.")


def _when(ms: int) -> str:
    try:
        moment = dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return f"{ms} ms"
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# -- certificates ----------------------------------------------------------------------------
def check_certificates(bundle) -> bytes | None:
    """The sender's own leaf certificate, or None; anything else refuses the bundle."""
    certs = list(bundle.certificates.items())
    if len(certs) > 1:
        raise BundleError(f"The bundle carries {len(certs)} certificates; a bundle may carry "
                          "only its sender's own certificate. Refused.")
    if not certs:
        return None
    name, pem = certs[0]
    problem = anchors.leaf_problem(pem, bundle.sender.get("name") or "")
    if problem:
        raise BundleError(f"certificates/{name}.pem: {problem} A bundle may carry only its "
                          "sender's own signing certificate; trust anchors are added by the "
                          "user (trust add). Refused.")
    return pem
