"""Just enough of the protobuf wire format to read the few fields quizapp needs from an
Anki collection (a note type's kind, media file names). Bounds-checked: a damaged blob raises
ValueError, never reads past its end."""

from __future__ import annotations

from collections.abc import Iterator

VARINT, FIXED64, LENGTH, FIXED32 = 0, 1, 2, 5


def _varint(data: bytes, position: int) -> tuple[int, int]:
    value = 0
    for shift in range(0, 70, 7):
        if position >= len(data):
            raise ValueError("truncated varint")
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
    raise ValueError("varint too long")


def fields(data: bytes) -> Iterator[tuple[int, int, int | bytes]]:
    """(field number, wire type, value) for each field of one message, in order."""
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire = key >> 3, key & 7
        if wire == VARINT:
            value, position = _varint(data, position)
            yield number, wire, value
        elif wire == LENGTH:
            length, position = _varint(data, position)
            if position + length > len(data):
                raise ValueError("truncated field")
            yield number, wire, data[position : position + length]
            position += length
        elif wire in (FIXED64, FIXED32):
            size = 8 if wire == FIXED64 else 4
            if position + size > len(data):
                raise ValueError("truncated field")
            yield number, wire, int.from_bytes(data[position : position + size], "little")
            position += size
        else:
            raise ValueError(f"unsupported wire type {wire}")


def first_int(data: bytes, number: int, default: int = 0) -> int:
    for field_number, wire, value in fields(data):
        if field_number == number and wire == VARINT and isinstance(value, int):
            return value
    return default


def all_bytes(data: bytes, number: int) -> list[bytes]:
    return [
        value
        for field_number, wire, value in fields(data)
        if field_number == number and wire == LENGTH and isinstance(value, bytes)
    ]


def encode(*items: tuple[int, int | bytes | str]) -> bytes:
    """A message from (field number, value) pairs: ints as varints, text and bytes as
    length-delimited fields (tests build current-format Anki collections with it)."""
    out = bytearray()

    def varint(value: int) -> None:
        while True:
            byte = value & 0x7F
            value >>= 7
            if value:
                out.append(byte | 0x80)
            else:
                out.append(byte)
                return

    for number, value in items:
        if isinstance(value, int):
            varint(number << 3 | VARINT)
            varint(value)
        else:
            raw = value.encode("utf-8") if isinstance(value, str) else value
            varint(number << 3 | LENGTH)
            varint(len(raw))
            out += raw
    return bytes(out)
