"""Reading a bundle safely: every check that needs no database happens here, before the
importer touches anything.

Refused: not a zip or truncated; too many entries, too many bytes, or a compression ratio
that looks like a zip bomb; names that escape (`../`, absolute, drive letters, backslashes),
symlinks, duplicate names; a missing or wrong signature; a file not in the manifest, missing,
or with a size or SHA-256 that differs from it; malformed NDJSON; unknown tables or columns.
A hostile bundle may be validly signed by its author, so none of this relies on trust.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.errors import BundleError
from app.sync import manifest as mf
from app.sync.legacy import upgrade_record
from app.sync.records import check_record, records_digest

RECORD_PATH = re.compile(r"^records/([a-z_]+)\.ndjson$")
ATTACHMENT_PATH = re.compile(r"^attachments/([0-9a-f]{64})$")
CERTIFICATE_PATH = re.compile(r"^certificates/([0-9a-f]{64})\.pem$")
CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold; beyond this it is treated as a zip bomb."""

    max_entries: int = 20_000
    max_total_bytes: int = 1 << 30
    max_ratio: int = 200           # unpacked / packed, checked on entries over `ratio_floor`
    ratio_floor: int = 1 << 20
    max_manifest_bytes: int = 16 << 20


@dataclass
class Bundle:
    """A verified bundle: its manifest, records per table, evidence files and certificates."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    records: dict[str, list[dict]] = field(default_factory=dict)
    blobs: dict[str, bytes] = field(default_factory=dict)
    certificates: dict[str, bytes] = field(default_factory=dict)

    @property
    def bundle_id(self) -> str:
        return self.manifest["bundle_id"]

    @property
    def sender(self) -> dict:
        return self.manifest["sender"]


def read_bundle(path: Path | str, schema: dict[str, dict[str, type]],
                limits: Limits = Limits()) -> Bundle:
    """Open, check and decode a bundle; `schema` is {table: {column: type}} of synced tables."""
    path = Path(path)
    with _open_zip(path) as archive:
        infos = _check_entries(archive, limits)
        manifest_bytes = _read_small(archive, infos, mf.MANIFEST, limits)
        if manifest_bytes is None:
            raise BundleError(f"{path.name}: manifest.json is missing; not a bundle.")
        manifest = mf.parse_manifest(manifest_bytes)
        mf.verify_signature(manifest_bytes, _read_small(archive, infos, mf.SIGNATURE, limits),
                            manifest)
        bundle = Bundle(path, manifest, manifest_bytes)
        for entry, data in _listed_files(archive, infos, manifest, limits):
            _decode(bundle, entry["path"], data, schema)
    _check_counts(bundle)
    return bundle


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        head = path.open("rb").read(4)
    except OSError as exc:
        raise BundleError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        if head == b"PK\x03\x04":
            raise BundleError(f"{path.name} is truncated or damaged (the zip directory cannot "
                              "be read); copy the bundle again.") from exc
        raise BundleError(f"{path.name} is not a bundle: it is not a zip file.") from exc


def _check_entries(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise BundleError(f"The bundle holds {len(infos)} files, more than the limit of "
                          f"{limits.max_entries}; refused as a possible zip bomb.")
    seen: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        _check_name(info)
        if info.filename in seen:
            raise BundleError(f"The bundle holds the entry {info.filename!r} twice (duplicate "
                              "names); refused.")
        seen[info.filename] = info
    return seen


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = PurePosixPath(name).parts
    if (name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name)
            or ".." in parts or not parts):
        raise BundleError(f"The bundle entry {name!r} has an unsafe path (absolute or "
                          "escaping with ../); refused.")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise BundleError(f"The bundle entry {name!r} is a symbolic link; refused.")


def _read_small(archive, infos, name: str, limits: Limits) -> bytes | None:
    info = infos.get(name)
    if info is None:
        return None
    return _read_capped(archive, info, limits.max_manifest_bytes)


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read at most cap + 1 bytes whatever the headers claim, so lying headers cannot
    make us unpack more than the signed manifest allows."""
    chunks, total = [], 0
    try:
        with archive.open(info) as handle:
            while total <= cap:
                chunk = handle.read(min(CHUNK, cap + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise BundleError(f"The bundle entry {info.filename!r} is damaged ({exc}); copy the "
                          "bundle again.") from exc
    except RuntimeError as exc:  # encrypted entries
        raise BundleError(f"The bundle entry {info.filename!r} cannot be read ({exc}).") from exc
    return b"".join(chunks)


def _listed_files(archive, infos, manifest: dict, limits: Limits):
    listed = {}
    for entry in manifest["files"]:
        if entry["path"] in listed or entry["path"] in (mf.MANIFEST, mf.SIGNATURE):
            raise BundleError(f"manifest.json lists {entry['path']!r} twice or lists itself.")
        listed[entry["path"]] = entry
    extra = sorted(set(infos) - set(listed) - {mf.MANIFEST, mf.SIGNATURE})
    if extra:
        raise BundleError(f"The bundle holds a file not listed in its manifest: {extra[0]!r}; "
                          "refused.")
    total = sum(e["size"] for e in listed.values())
    if total > limits.max_total_bytes:
        raise BundleError(f"The bundle would unpack to {total} bytes, more than the limit of "
                          f"{limits.max_total_bytes}; refused as a possible zip bomb.")
    for name, entry in listed.items():
        info = infos.get(name)
        if info is None:
            raise BundleError(f"The bundle is missing {name!r}, which its manifest lists.")
        _check_ratio(info, limits)
        data = _read_capped(archive, info, entry["size"])
        _check_content(name, data, entry)
        yield entry, data


def _check_ratio(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.ratio_floor and \
            info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise BundleError(f"The bundle entry {info.filename!r} is compressed more than "
                          f"{limits.max_ratio}:1; refused as a possible zip bomb.")


def _check_content(name: str, data: bytes, entry: dict) -> None:
    if len(data) != entry["size"]:
        raise BundleError(f"{name}: its size ({len(data)}{'+' if len(data) > entry['size'] else ''}"
                          f" bytes) differs from the manifest ({entry['size']}); the bundle "
                          "was changed or damaged.")
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise BundleError(f"{name}: its SHA-256 hash differs from the manifest; the bundle "
                          "was changed or damaged.")


def _decode(bundle: Bundle, name: str, data: bytes, schema: dict) -> None:
    if match := RECORD_PATH.match(name):
        table = match.group(1)
        if table not in schema:
            raise BundleError(f"{name}: unknown table {table!r}; refused.")
        bundle.records[table] = _parse_ndjson(name, data, table, schema[table])
    elif match := ATTACHMENT_PATH.match(name):
        if hashlib.sha256(data).hexdigest() != match.group(1):
            raise BundleError(f"{name}: the evidence file's content does not match its name "
                              "(SHA-256); refused.")
        bundle.blobs[match.group(1)] = data
    elif match := CERTIFICATE_PATH.match(name):
        if not data.startswith(b"-----BEGIN CERTIFICATE-----"):
            raise BundleError(f"{name}: not a PEM certificate.")
        bundle.certificates[match.group(1)] = data
    else:
        raise BundleError(f"The bundle holds {name!r}, which is not a known kind of bundle "
                          "file (records/, attachments/, certificates/); refused.")


def _parse_ndjson(name: str, data: bytes, table: str, columns: dict) -> list[dict]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError(f"{name}: not UTF-8 text.") from None
    records, seen = [], set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BundleError(f"{name}: line {number} is not valid JSON ({exc.msg}).") from None
        upgrade_record(table, record)      # an older version's vocabulary, before checking
        check_record(record, table, columns, f"{name}: line {number}")
        if record["id"] in seen:
            raise BundleError(f"{name}: line {number}: record {record['id']} appears twice.")
        seen.add(record["id"])
        records.append(record)
    return records


def _check_counts(bundle: Bundle) -> None:
    counts = bundle.manifest["counts"]
    for table, rows in bundle.records.items():
        if counts.get(table) != len(rows):
            raise BundleError(f"records/{table}.ndjson holds {len(rows)} records but the "
                              f"manifest promises {counts.get(table)}.")
    for table, promised in counts.items():
        if promised and table not in bundle.records:
            raise BundleError(f"The manifest promises {promised} {table} records but the "
                              "bundle has none.")
    promised_digest = bundle.manifest.get("records_sha256")
    if promised_digest is not None and promised_digest != records_digest(bundle.records):
        raise BundleError("The records do not match the manifest's records_sha256.")
