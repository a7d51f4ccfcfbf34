"""Writing small Word 97–2003 binary documents (``.doc``) for the reader's tests.

A compound file of 512-byte sectors holds a ``WordDocument`` stream (a FIB, then the text's
bytes) and a ``1Table`` stream (the piece table). Each piece of text is stored as UTF-16 or, when
``compressed``, as cp1252 bytes. Streams are padded to 4 KB so that they live in ordinary
sectors (no mini stream is needed).
"""

from __future__ import annotations

import struct

_SECTOR = 512
_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_NONE = 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding ``streams`` (at most three) under its root."""
    assert len(streams) <= 3
    bodies = [s + b"\0" * (-len(s) % _SECTOR) for s in streams.values()]
    counts = [len(b) // _SECTOR for b in bodies]
    data_sectors = sum(counts)
    fat_sectors = 1
    while fat_sectors * (_SECTOR // 4) < fat_sectors + 1 + data_sectors:
        fat_sectors += 1
    fat = [_FAT] * fat_sectors + [_END]  # the FAT's own sectors, then the directory's
    starts = []
    for n in counts:
        first = len(fat)
        starts.append(first)
        fat.extend(range(first + 1, first + n))
        fat.append(_END)
    fat.extend([_FREE] * (fat_sectors * (_SECTOR // 4) - len(fat)))
    header = bytearray(_SECTOR)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x003E, 0x0003, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 44, fat_sectors, fat_sectors, 0)  # FAT count, dir, tx
    struct.pack_into("<IIIII", header, 56, 4096, _END, 0, _END, 0)
    difat = list(range(fat_sectors)) + [_FREE] * (109 - fat_sectors)
    struct.pack_into("<109I", header, 76, *difat)
    entries = [_entry("Root Entry", 5, child=1 if streams else _NONE)]
    names = list(streams)
    for k, name in enumerate(names):
        right = k + 2 if k + 1 < len(names) else _NONE
        entries.append(_entry(name, 2, right=right, start=starts[k], size=len(streams[name])))
    while len(entries) < 4:
        entries.append(bytes(128))
    out = bytes(header) + struct.pack(f"<{len(fat)}I", *fat) + b"".join(entries)
    return out + b"".join(bodies)


def _entry(
    name: str,
    kind: int,
    *,
    child: int = _NONE,
    right: int = _NONE,
    start: int = _END,
    size: int = 0,
) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    e = bytearray(128)
    e[0 : len(raw)] = raw
    struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
    struct.pack_into("<III", e, 68, _NONE, right, child)
    struct.pack_into("<II", e, 116, start, size)
    return bytes(e)


def word_document(
    pieces: list[tuple[str, bool]],
    *,
    main: int | None = None,
    encrypted: bool = False,
    n_fib: int = 0x00C1,
    modifiers: bool = True,
) -> bytes:
    """A ``.doc`` whose text is ``pieces`` ((text, compressed) in order); the first ``main``
    characters are the main document (all by default), the rest another story."""
    total = sum(len(t) for t, _ in pieces)
    text_at = 0x800
    body = bytearray()
    cps, fcs = [0], []
    for text, compressed in pieces:
        at = text_at + len(body)
        body += text.encode("cp1252") if compressed else text.encode("utf-16-le")
        fcs.append((at * 2) | 0x40000000 if compressed else at)
        cps.append(cps[-1] + len(text))
    fib = bytearray(text_at)
    flags = 0x0200 | (0x0100 if encrypted else 0)
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, n_fib, 0, 0x0804, 0, flags)
    struct.pack_into("<H", fib, 32, 14)  # csw, then 14 words of FibRgW97
    struct.pack_into("<H", fib, 62, 22)  # cslw, then 22 longs of FibRgLw97
    struct.pack_into("<i", fib, 64 + 12, total if main is None else main)  # ccpText
    struct.pack_into("<H", fib, 152, 93)  # cbRgFcLcb: Word 97's 93 pairs
    plc = struct.pack(f"<{len(cps)}i", *cps) + b"".join(struct.pack("<HIH", 0, fc, 0) for fc in fcs)
    prc = b"\x01" + struct.pack("<h", 3) + b"\x00\x00\x00" if modifiers else b""
    clx = prc + b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", fib, 154 + 8 * 33, 0, len(clx))  # fcClx, lcbClx
    word = bytes(fib) + bytes(body)
    word += b"\0" * max(0, 4096 - len(word))
    table = clx + b"\0" * max(0, 4096 - len(clx))
    return compound_file({"WordDocument": word, "1Table": table})


def as_doc(text: str) -> bytes:
    """``text`` as a ``.doc``: one paragraph per line, each a piece of its own (cp1252 where
    it can be), then a header story (``某某省人民政府文件``, a page number) after the main text."""
    pieces = []
    for line in text.splitlines():
        if line.strip():
            pieces.append((line.strip() + "\r", line.isascii()))
    main = sum(len(t) for t, _ in pieces)
    return word_document([*pieces, ("某某省人民政府文件\r— 1 —\r", False)], main=main)
