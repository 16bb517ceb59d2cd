"""A bundle's files are deflated in worker threads (app/sync/bundle_zip.py) and, for whole
tables, made as soon as the table is read (app/sync/records_files.py): the zip must hold
exactly the entries zipfile itself writes, a stream must never stand for other bytes than
those it was made from, an early file never for records or lines that changed since, and a
failed write must leave no file behind."""

import os
import struct
import zipfile

import pytest

from app.services import schools
from app.sync.bundle_zip import Deflater, deflate, write_zip
from app.sync.export_lines import Lines
from app.sync.records import foreign_keys
from app.sync.records_files import RecordsFiles

FILES = {"records/a.ndjson": b'{"id":"1","note":"\xe5\xbc\x95\xe5\x8f\xb7"}\n' * 20_000,
         "records/empty.ndjson": b"",
         "confidential/x.sealed": os.urandom(300_000),       # does not compress
         "certificates/c.pem": b"-----BEGIN CERTIFICATE-----\n" + b"QUJD" * 300}
PHOTO = ("attachments/" + "ab" * 32, os.urandom(50_000))


def raw_stream(path, info: zipfile.ZipInfo) -> bytes:
    """The entry's bytes as stored in the zip (after its local header)."""
    with open(path, "rb") as f:
        f.seek(info.header_offset)
        header = f.read(30)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        f.seek(info.header_offset + 30 + name_length + extra_length)
        return f.read(info.compress_size)


def entries() -> list:
    return [*((n, d, zipfile.ZIP_DEFLATED) for n, d in FILES.items()),
            (*PHOTO, zipfile.ZIP_STORED)]


def test_the_zip_holds_the_entries_zipfile_writes(tmp_path):
    ours = tmp_path / "ours.sibundle"
    with Deflater() as deflater:
        deflater.add_all(FILES)
        write_zip(ours, entries(), deflater)
    theirs = tmp_path / "theirs.sibundle"
    with zipfile.ZipFile(theirs, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, compress in entries():
            archive.writestr(name, data, compress_type=compress)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.testzip() is None          # every CRC checks
        assert a.namelist() == b.namelist() == [n for n, _, _ in entries()]
        for x, y in zip(a.infolist(), b.infolist()):
            assert (x.compress_type, x.CRC, x.file_size, x.compress_size, x.external_attr) \
                == (y.compress_type, y.CRC, y.file_size, y.compress_size, y.external_attr)
            assert raw_stream(ours, x) == raw_stream(theirs, y)
            assert a.read(x) == {**FILES, PHOTO[0]: PHOTO[1]}[x.filename]
    assert raw_stream(ours, zipfile.ZipFile(ours).getinfo("records/a.ndjson")) \
        == deflate(FILES["records/a.ndjson"])
    assert not (tmp_path / "ours.sibundle.part").exists()


def test_a_stream_stands_only_for_the_bytes_it_was_made_from(tmp_path):
    old = b'{"id":"1","name":"old"}\n' * 1000
    new = b'{"id":"1","name":"new"}\n' * 1000
    out = tmp_path / "b.sibundle"
    with Deflater() as deflater:
        deflater.add("records/a.ndjson", old)
        assert deflater.stream("records/a.ndjson", bytearray(old)) is None   # equal, not it
        write_zip(out, [("records/a.ndjson", new, zipfile.ZIP_DEFLATED)], deflater)
    with zipfile.ZipFile(out) as archive:
        assert archive.read("records/a.ndjson") == new


def test_a_failed_write_leaves_no_file(tmp_path):
    def failing():
        yield "records/a.ndjson", b"x" * 10_000, zipfile.ZIP_DEFLATED
        raise OSError("disk full")
    out = tmp_path / "b.sibundle"
    with Deflater() as deflater, pytest.raises(OSError, match="disk full"):
        write_zip(out, failing(), deflater)
    assert list(tmp_path.iterdir()) == []


def test_an_early_file_is_made_again_when_its_records_changed(ws):
    first = schools.add_school(ws, name="第一小学", district="东区").created
    schools.add_school(ws, name="第二小学", district="东区")
    read = Lines(ws.store, foreign_keys(ws.store))
    with Deflater() as deflater:
        files = RecordsFiles(read, deflater, set())
        by_id = read.read("schools")
        files.early("schools", by_id)
        ids = sorted(by_id)
        unchanged = files.file("schools", ids)
        assert unchanged.count(b"\n") == 2 and "第一小学".encode() in unchanged
        assert files.file("schools", ids[:1]).count(b"\n") == 1    # other records
        assert files.order("schools", dict(by_id)) == ids
        other = {**dict(list(by_id.items())[:1]), "zz-not-read": {}}  # as many, not the same
        assert files.order("schools", other) == sorted(other)
        schools.edit_school(ws, first, name="新名小学")
        by_id.update(read.read_ids("schools", [first]))             # read again: new line
        again = files.file("schools", ids)
        assert "新名小学".encode() in again and "第一小学".encode() not in again
