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
import re
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.domain import limits as lim
from app.errors import BundleError
from app.sync import manifest as mf
from app.sync.bundle_blobs import BundleBlobs, capped_chunks
from app.sync.legacy import upgrade_record
from app.sync.record_table import RecordTable, Strings
from app.sync.records import check_record, records_digest

RECORD_PATH = re.compile(r"^records/([a-z_]+)\.ndjson$")
ATTACHMENT_PATH = re.compile(r"^attachments/([0-9a-f]{64})$")
CERTIFICATE_PATH = re.compile(r"^certificates/([0-9a-f]{64})\.pem$")
# Role records of the office and sealed confidential records (app/sync/device_roles.py,
# app/sync/confidential.py): checked by their own modules.
EXTRA_PATH = re.compile(r"^(roles\.json|confidential/[a-z0-9_-]{1,80}\.sealed)$")


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold (defaults from app/domain/limits.py, documented in
    docs/LIMITS.md); beyond this it is refused before anything is unpacked or parsed."""

    max_entries: int = lim.MAX_BUNDLE_ENTRIES
    max_total_bytes: int = lim.MAX_BUNDLE_BYTES
    max_ratio: int = 200           # unpacked / packed, checked on entries over `ratio_floor`
    ratio_floor: int = 1 << 20
    max_manifest_bytes: int = lim.MAX_JSON_BYTES
    max_records: int = lim.MAX_RECORDS
    max_line_bytes: int = lim.MAX_RECORD_LINE_BYTES


@dataclass
class Bundle:
    """A verified bundle: its manifest, records per table (compact, record_table.py),
    evidence files (read from the archive again when written, bundle_blobs.py) and
    certificates. Close it when done (it keeps the archive open for the evidence files)."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    records: dict[str, RecordTable] = field(default_factory=dict)
    blobs: BundleBlobs = field(default_factory=BundleBlobs)
    certificates: dict[str, bytes] = field(default_factory=dict)
    extras: dict[str, bytes] = field(default_factory=dict)
    # {template id: (body text, sha256, parsed Template)} of the templates it carries, once
    # `importer.check_templates` accepted them (answers and scores use them, not a reparse).
    templates: dict[str, tuple] = field(default_factory=dict)

    def close(self) -> None:
        self.blobs.close()

    def __enter__(self) -> "Bundle":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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
    archive = _open_zip(path)
    try:
        bundle = _read(path, archive, schema, limits)
    except BaseException:
        archive.close()
        raise
    if not bundle.blobs:
        archive.close()     # nothing to read again
    return bundle


def _read(path: Path, archive: zipfile.ZipFile, schema: dict, limits: Limits) -> Bundle:
    infos = _check_entries(archive, limits)
    manifest_bytes = _read_small(archive, infos, mf.MANIFEST, limits)
    if manifest_bytes is None:
        raise BundleError(f"{path.name}: manifest.json is missing; not a bundle.")
    manifest = mf.parse_manifest(manifest_bytes)
    mf.verify_signature(manifest_bytes, _read_small(archive, infos, mf.SIGNATURE, limits),
                        manifest)
    _check_promised_records(manifest, limits)
    bundle = Bundle(path, manifest, manifest_bytes, blobs=BundleBlobs(archive))
    strings = Strings()     # shared by every table while reading, then dropped
    for entry, info in _listed_files(archive, infos, manifest, limits):
        name = entry["path"]
        if match := RECORD_PATH.match(name):
            _stream_records(bundle, archive, info, entry, match.group(1), schema, limits,
                            strings)
        else:
            data = _read_capped(archive, info, entry["size"])
            _check_content(name, data, entry)
            _decode(bundle, name, data, info)
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
    """Read at most cap + 1 bytes whatever the headers claim (`_chunks`)."""
    return b"".join(_chunks(archive, info, cap))


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
        yield entry, info


def _check_ratio(info: zipfile.ZipInfo, limits: Limits) -> None:
    if info.file_size > limits.ratio_floor and \
            info.file_size > limits.max_ratio * max(info.compress_size, 1):
        raise BundleError(f"The bundle entry {info.filename!r} is compressed more than "
                          f"{limits.max_ratio}:1; refused as a possible zip bomb.")


def _check_content(name: str, data: bytes, entry: dict) -> None:
    _check_digest(name, len(data), hashlib.sha256(data).hexdigest(), entry)


def _check_digest(name: str, size: int, sha256: str, entry: dict) -> None:
    if size != entry["size"]:
        raise BundleError(f"{name}: its size ({size}{'+' if size > entry['size'] else ''}"
                          f" bytes) differs from the manifest ({entry['size']}); the bundle "
                          "was changed or damaged.")
    if sha256 != entry["sha256"]:
        raise BundleError(f"{name}: its SHA-256 hash differs from the manifest; the bundle "
                          "was changed or damaged.")


def _decode(bundle: Bundle, name: str, data: bytes, info: zipfile.ZipInfo) -> None:
    if match := ATTACHMENT_PATH.match(name):
        if hashlib.sha256(data).hexdigest() != match.group(1):
            raise BundleError(f"{name}: the evidence file's content does not match its name "
                              "(SHA-256); refused.")
        bundle.blobs.add_entry(match.group(1), info, len(data))  # read again to write
    elif match := CERTIFICATE_PATH.match(name):
        if not data.startswith(b"-----BEGIN CERTIFICATE-----"):
            raise BundleError(f"{name}: not a PEM certificate.")
        bundle.certificates[match.group(1)] = data
    elif EXTRA_PATH.match(name):
        bundle.extras[name] = data
    else:
        raise BundleError(f"The bundle holds {name!r}, which is not a known kind of bundle "
                          "file (records/, attachments/, certificates/); refused.")


def _check_promised_records(manifest: dict, limits: Limits) -> None:
    """Refuse a bundle that promises too many records before parsing any of them."""
    promised = sum(manifest["counts"].values())
    if promised > limits.max_records:
        raise BundleError(f"The bundle promises {promised} records, more than the limit of "
                          f"{limits.max_records} for one bundle; refused (export in parts, "
                          "e.g. per school).")


def _stream_records(bundle: Bundle, archive, info, entry: dict, table: str, schema: dict,
                    limits: Limits, strings: Strings) -> None:
    """Parse records/<table>.ndjson line by line while hashing it: memory holds one chunk
    and the records (compactly), never the file's bytes or text. A parse error is reported only once
    the hash matched, so a changed file says "changed", not "malformed"."""
    name = entry["path"]
    if table not in schema:
        raise BundleError(f"{name}: unknown table {table!r}; refused.")
    promised = bundle.manifest["counts"].get(table, 0)
    parser = _RecordParser(name, table, schema[table], promised, limits, strings)
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(archive, info, entry["size"]):
        digest.update(chunk)
        size += len(chunk)
        parser.feed(chunk)
    _check_digest(name, size, digest.hexdigest(), entry)
    parser.finish()
    bundle.records[table] = parser.records


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int):
    """The entry's bytes in chunks, at most cap + 1 of them whatever the headers claim."""
    try:
        yield from capped_chunks(archive, info, cap)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as exc:
        raise BundleError(f"The bundle entry {info.filename!r} is damaged ({exc}); copy the "
                          "bundle again.") from exc
    except RuntimeError as exc:  # encrypted entries
        raise BundleError(f"The bundle entry {info.filename!r} cannot be read ({exc}).") from exc


class _RecordParser:
    """Splits chunks into lines and parses each strictly; the first problem is kept (not
    raised) so hashing can finish first."""

    def __init__(self, name: str, table: str, columns: dict, promised: int, limits: Limits,
                 strings: Strings):
        self.name, self.table, self.columns = name, table, columns
        self.promised, self.limits, self.strings = promised, limits, strings
        self.records = RecordTable()
        self.seen: set[str] = set()
        self.rest, self.number, self.problem = b"", 0, None

    def feed(self, chunk: bytes) -> None:
        if self.problem is not None:
            return
        lines = (self.rest + chunk).split(b"\n")
        self.rest = lines.pop()
        for line in lines:
            self._line(line)
        if len(self.rest) > self.limits.max_line_bytes and self.problem is None:
            self.problem = (f"{self.name}: line {self.number + 1} is longer than the "
                            f"limit of {self.limits.max_line_bytes} bytes; refused.")

    def finish(self) -> None:
        if self.problem is None and self.rest:
            self._line(self.rest)
        if self.problem is not None:
            raise BundleError(self.problem)

    def _line(self, line: bytes) -> None:
        if self.problem is not None:
            return
        self.number += 1
        if not line.strip():
            return
        where = f"{self.name}: line {self.number}"
        if len(line) > self.limits.max_line_bytes:
            self.problem = (f"{where} is longer than the limit of "
                            f"{self.limits.max_line_bytes} bytes; refused.")
            return
        try:
            record = lim.loads(line, where, error=BundleError,
                               max_bytes=self.limits.max_line_bytes)
            if len(self.records) >= self.promised:
                raise BundleError(f"{self.name} holds more records than the {self.promised} "
                                  "its manifest promises; refused.")
            upgrade_record(self.table, record)  # an older version's vocabulary, before checking
            check_record(record, self.table, self.columns, where, clean=True)
            if record["id"] in self.seen:
                raise BundleError(f"{where}: record {record['id']} appears twice.")
        except BundleError as exc:
            self.problem = str(exc)
            return
        self.seen.add(record["id"])
        self.records.append(record, self.strings)


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
