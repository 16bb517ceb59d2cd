"""Writing a bundle's zip file, its entries deflated in the background.

Deflating the records files is half of an export's time. zlib works without Python's global
lock, so the files are deflated by worker threads as soon as they are made, while the export
goes on hashing them, reading evidence, checkpointing the audit chain and building and signing
the manifest; the zip then takes each file's stream as it is. A stream is made with the very
settings zipfile uses for ZIP_DEFLATED (default level, raw deflate), so every entry holds the
bytes zipfile would have written itself, and the zip's own CRC and sizes are zipfile's.

The zip is written under a temporary name and renamed, so a half-written bundle never has the
real name, and the temporary file does not outlive a failure.
"""

from __future__ import annotations

import os
import time
import zipfile
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

# What zipfile.ZipFile uses for ZIP_DEFLATED at the default level (zipfile._get_compressor).
_DEFLATE = (zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
WORKERS = 2


class Deflater:
    """Deflates files in worker threads. A file's stream is used only for the very bytes it
    was made from (`stream`), so a file made again after its first version was handed over
    is never written from the old stream."""

    def __init__(self, workers: int = WORKERS):
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="bundle-deflate")
        self._streams: dict[str, tuple[bytes, Future]] = {}

    def add(self, name: str, data: bytes) -> None:
        """Start deflating `data` as the file `name`, unless these very bytes already are."""
        held = self._streams.get(name)
        if held is None or held[0] is not data:
            self._streams[name] = (data, self._pool.submit(deflate, data))

    def add_all(self, files: dict[str, bytes]) -> None:
        """`add` every file, the largest first (the last to finish sets the pace)."""
        for name in sorted(files, key=lambda n: len(files[n]), reverse=True):
            self.add(name, files[name])

    def stream(self, name: str, data: bytes) -> bytes | None:
        """The deflated stream of `data` as the file `name` (waiting for it), if made."""
        held = self._streams.get(name)
        return held[1].result() if held is not None and held[0] is data else None

    def __enter__(self) -> "Deflater":
        return self

    def __exit__(self, *exc) -> None:
        # On a failure nothing waits for files nobody will write.
        self._pool.shutdown(wait=True, cancel_futures=True)


def deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(*_DEFLATE)
    return compressor.compress(data) + compressor.flush()


def write_zip(out: Path, entries, deflater: Deflater) -> None:
    """Write `entries` [(name, data, compress_type)] in order to `out`; a deflated entry whose
    stream `deflater` made is written from that stream."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data, compress in entries:
                stream = deflater.stream(name, data) if compress == zipfile.ZIP_DEFLATED else None
                if stream is None:
                    archive.writestr(name, data, compress_type=compress)
                else:
                    _write_deflated(archive, name, data, stream)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


class _Streamed:
    """zipfile's compressor interface over a stream deflated beforehand."""

    def __init__(self, stream: bytes):
        self._stream = stream

    def compress(self, _data: bytes) -> bytes:
        stream, self._stream = self._stream, b""
        return stream

    def flush(self, *_mode) -> bytes:
        return b""


def _write_deflated(archive: zipfile.ZipFile, name: str, data: bytes, stream: bytes) -> None:
    """`archive.writestr(name, data)` with the entry's stream already made: the same entry
    header (`writestr`'s), zipfile's CRC and sizes over `data`, then the stream. Should a
    Python's zipfile no longer hold its compressor as `_compressor`, the assignment changes
    nothing and zipfile deflates `data` itself: slower, the same bundle."""
    info = zipfile.ZipInfo(filename=name, date_time=time.localtime(time.time())[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16            # ?rw-------, as writestr sets it
    info.file_size = len(data)
    with archive.open(info, mode="w") as dest:
        dest._compressor = _Streamed(stream)
        dest.write(data)
