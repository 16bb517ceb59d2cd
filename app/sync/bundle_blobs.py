"""A bundle's evidence files, read from the archive again when they are written rather than
held from reading to merging (a real visit's photos reach hundreds of MB).

The reader checks each file's size and SHA-256 against the signed manifest and its name, then
keeps only where it lies in the archive. Writing reads it again and checks its SHA-256 again:
the archive stays open, but a file changed in place meanwhile (or an archive that reads
differently the second time) must not slip in; that refusal comes inside the import's
transaction, so nothing is kept. Files opened from a confidential envelope arrive as bytes
and are kept as such (they are few and already decrypted in memory).
"""

from __future__ import annotations

import hashlib
import zipfile
from typing import Iterator

from app.errors import BundleError

CHUNK = 1 << 16


def capped_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
    """An entry's bytes in chunks, at most cap + 1 of them whatever its headers claim, so
    lying headers cannot make us unpack more than the signed manifest allows. The zip
    module's errors pass through: the reader and the writer say different things of them."""
    total = 0
    with archive.open(info) as handle:
        while total <= cap:
            chunk = handle.read(min(CHUNK, cap + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            yield chunk


class BundleBlobs:
    """{sha256: evidence file} of a bundle: membership and names in memory, content on demand."""

    def __init__(self, archive: zipfile.ZipFile | None = None):
        self._archive = archive
        self._where: dict[str, tuple[zipfile.ZipInfo, int] | bytes] = {}

    def add_entry(self, sha256: str, info: zipfile.ZipInfo, size: int) -> None:
        """An archive entry of `size` bytes (the manifest's) whose content was checked
        against `sha256`."""
        self._where[sha256] = (info, size)

    def __setitem__(self, sha256: str, data: bytes) -> None:
        self._where[sha256] = bytes(data)

    def __contains__(self, sha256) -> bool:
        return sha256 in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __bool__(self) -> bool:
        return bool(self._where)

    def items(self) -> Iterator[tuple[str, bytes]]:
        """(sha256, content) one file at a time, each checked again."""
        for sha256 in list(self._where):
            yield sha256, self.read(sha256)

    def read(self, sha256: str) -> bytes:
        found = self._where[sha256]
        if isinstance(found, bytes):
            return found
        info, size = found
        data = self._read_entry(info, size)
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
            raise BundleError(f"{info.filename}: the evidence file changed while the bundle "
                              "was imported; copy the bundle again. Nothing was imported.")
        return data

    def _read_entry(self, info: zipfile.ZipInfo, size: int) -> bytes:
        """At most size + 1 bytes, whatever the headers claim now."""
        try:
            return b"".join(capped_chunks(self._archive, info, size))
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as exc:
            raise BundleError(f"{info.filename}: the evidence file can no longer be read "
                              f"({exc}); copy the bundle again. Nothing was imported.") from exc

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
