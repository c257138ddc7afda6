"""Compressed HTTP bodies, both ways: which encodings this end has, and how to use them.

zstd when the ``zstandard`` package is there (fast, and small on JSON), else gzip (the
standard library). Both ends negotiate: answers with ``Accept-Encoding`` /
``Content-Encoding``; request bodies with the encodings the server lists in the
``Accept-Encoding`` of its answers (RFC 7694). Decoding is bounded: a small body that
would unpack past ``limit`` bytes stops there (a zip bomb costs ``limit`` bytes at most).
"""

from __future__ import annotations

import io
import threading
import zlib
from types import ModuleType

zstandard: ModuleType | None
try:
    import zstandard
except ImportError:  # pragma: no cover - every supported install has it; gzip remains
    zstandard = None

GZIP, ZSTD = "gzip", "zstd"
ENCODINGS: tuple[str, ...] = (ZSTD, GZIP) if zstandard is not None else (GZIP,)
ACCEPT = ", ".join(ENCODINGS)  # in order of preference
MIN_SIZE = 1024  # bytes: below this a compressed body is hardly smaller
# zstd's level for an answer: on a first pull's pages (JSON records) level 1 packs them
# smaller than zstd's default 3 (0.098 against 0.103 of the JSON) in three quarters of
# its time (900 against 630 MB/s); push batches are packed at 1 already
# (``apply._PACK_LEVEL``). bench/SYNC.md (issue 13, helper "pullsrv").
_ZSTD_LEVEL = 1
_compressors = threading.local()  # a compressor per thread: made, one costs 100+ us
_GZIP_LEVEL = 5


ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # every zstd frame starts so


class Packed(bytes):
    """A body (its plain bytes) with its zstd form made already (``zstd``): a push batch
    is packed once, for the vault that keeps it until it is answered, and those very
    frames travel (``Transport`` sends ``zstd`` to a server that takes zstd, the plain
    bytes to one that does not, gzip to one that takes only that)."""

    zstd: bytes


def raw_frame(data: bytes) -> bytes:
    """``data`` as a zstd frame that stores it as it is (one raw block): for the few
    bytes around a packed batch (the request's head and tail), where a compressor made
    for them cost 100+ us and saved nothing. Read by any zstd decoder across frames."""
    if len(data) > 255:  # a one-byte content size; never so for a head or a tail
        assert zstandard is not None
        return bytes(zstandard.ZstdCompressor(level=1).compress(data))
    # Frame header: single segment, no checksum, the content size in one byte; one
    # block: last, raw, its size.
    size = len(data)
    return ZSTD_MAGIC + bytes((0x20, size)) + (1 | size << 3).to_bytes(3, "little") + data


class TooLarge(ValueError):
    """The body unpacks to more than the limit."""


def pick(header: str) -> str | None:
    """The encoding of ours that an ``Accept-Encoding`` value accepts first in our order
    of preference; None when it takes none of them."""
    offered = set()
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q=") and q[2:].strip() in ("0", "0.0", "0.00", "0.000"):
            continue
        offered.add(name.strip())
    return next((e for e in ENCODINGS if e in offered), None)


def encode(encoding: str, data: bytes) -> bytes:
    if encoding == ZSTD and zstandard is not None:
        compressor = getattr(_compressors, "zstd", None)
        if compressor is None:
            compressor = _compressors.zstd = zstandard.ZstdCompressor(level=_ZSTD_LEVEL)
        return bytes(compressor.compress(data))
    if encoding == GZIP:
        c = zlib.compressobj(_GZIP_LEVEL, zlib.DEFLATED, 31)
        return c.compress(data) + c.flush()
    raise ValueError(encoding)


def decode(encoding: str, data: bytes, limit: int) -> bytes:
    """``data`` unpacked, at most ``limit`` bytes of it: TooLarge past that, ValueError
    for an unknown encoding or bytes that are not one."""
    if encoding == GZIP:
        d = zlib.decompressobj(31)
        try:
            out = d.decompress(data, limit + 1)
        except zlib.error as exc:
            raise ValueError("gzip") from exc
        if len(out) > limit or d.unconsumed_tail:
            raise TooLarge()
        if not d.eof:
            raise ValueError("gzip")
        return out
    if encoding == ZSTD and zstandard is not None:
        try:
            with zstandard.ZstdDecompressor().stream_reader(
                io.BytesIO(data), read_across_frames=True
            ) as reader:
                out = reader.read(limit + 1)
        except zstandard.ZstdError as exc:
            raise ValueError("zstd") from exc
        if len(out) > limit:
            raise TooLarge()
        return bytes(out)
    raise ValueError(encoding)
