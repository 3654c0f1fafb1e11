"""Turn the bytes of an input into text, or say in one line why they are not text.

The rules, in order:

1. No bytes at all: an empty file.
2. A byte-order mark (UTF-8, UTF-16, UTF-32) names the encoding; it is trusted and removed.
3. NUL bytes without such a mark, or many control characters after decoding: a binary file.
4. Valid UTF-8 is read as UTF-8 (the common case, and the only one with no note).
5. Bytes that are *mostly* valid UTF-8 with a few broken sequences are a damaged UTF-8 file: rejected, with
   the offset of the first bad byte, rather than guessed into mojibake.
6. Anything else goes to charset-normalizer; a confident match (little "chaos" in the decoded text) is
   decoded and the document gets a note naming the encoding (``cp1251``, ``latin-1``…); no confident
   match is rejected as undecodable.

Line endings are normalised to ``\\n`` in every case, so that offsets downstream never straddle ``\\r\\n``.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Most chaos (per cent, as charset-normalizer measures it) a guessed encoding may leave in the text.
MAX_CHAOS_PERCENT = 10.0
# Share of control characters (other than tab, newline, carriage return, form feed) that marks binary data.
MAX_CONTROL_SHARE = 0.005
# How much of a large input the encoding guess looks at; the guess then decodes the whole input.
SNIFF_BYTES = 256 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\x0b")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding it was read as, and a note when that was not plain UTF-8."""

    text: str
    encoding: str
    note: str | None = None


@dataclass(frozen=True)
class NotText:
    """Why some bytes could not be read as text, in one line."""

    reason: str


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """NUL bytes with no UTF-16/32 byte-order mark: no text file holds them."""
    return b"\x00" in data and _bom_encoding(data) is None


def decode_bytes(data: bytes) -> Decoded | NotText:
    """Decode an input's bytes following the rules in the module docstring."""
    if not data:
        return NotText("empty file")
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, mark_length = bom
        try:
            text = data[mark_length:].decode(encoding)
        except UnicodeDecodeError as error:
            return NotText(
                f"not valid {encoding} although it starts with a {encoding} byte-order mark ({error.reason})"
            )
        note = None if encoding == "utf-8" else f"decoded as {encoding} (byte-order mark)"
        return _checked(Decoded(normalise_newlines(text), encoding, note))
    nul_offset = data.find(b"\x00")
    if nul_offset >= 0:
        return NotText(f"binary file (NUL byte at offset {nul_offset}), not text")
    try:
        return _checked(Decoded(normalise_newlines(data.decode("utf-8")), "utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _mostly_utf8(data):
        return NotText(
            f"invalid UTF-8 (bad byte 0x{data[first_bad]:02x} at offset {first_bad}) in a file that is otherwise UTF-8"
        )
    return _guess(data)


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed multi-byte UTF-8 characters than broken bytes: a damaged UTF-8 file, not another encoding."""
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    well_formed = sum(1 for char in decoded if ord(char) > 0x7F and char != "\ufffd")
    return well_formed >= broken


# Encodings that news on the web actually uses, most common first: among guesses that fit equally well
# (charset-normalizer often ties cp1251 with mac_cyrillic on short texts), the more common one wins.
_COMMON_ENCODINGS = (
    "cp1252", "latin-1", "iso8859-15", "cp1251", "koi8-r", "cp1250", "iso8859-2", "cp1256", "cp1253", "cp1254",
    "cp1255", "iso8859-7", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "utf-16",
)  # fmt: skip
_TIE_PERCENT = 1.0  # guesses within this much chaos of the best one count as a tie


def _rank(encoding: str) -> int:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return len(_COMMON_ENCODINGS)
    common = [codecs.lookup(known).name for known in _COMMON_ENCODINGS]
    return common.index(name) if name in common else len(common)


def _guess(data: bytes) -> Decoded | NotText:
    matches = list(from_bytes(data[:SNIFF_BYTES]))
    if not matches or min(m.percent_chaos for m in matches) > MAX_CHAOS_PERCENT:
        return NotText("not valid UTF-8, and no other text encoding fits (binary or corrupt file?)")
    least_chaos = min(m.percent_chaos for m in matches)
    tied = [m for m in matches if m.percent_chaos <= least_chaos + _TIE_PERCENT]
    best = min(tied, key=lambda m: _rank(m.encoding))  # min is stable: charset-normalizer's order breaks ties
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return NotText(f"not valid UTF-8, and not valid {encoding} past the first {SNIFF_BYTES} bytes either")
    return _checked(Decoded(normalise_newlines(text), encoding, f"decoded as {encoding} (not UTF-8)"))


def _checked(decoded: Decoded) -> Decoded | NotText:
    text = decoded.text
    if text:
        controls = sum(1 for char in text if char < " " and char not in _ALLOWED_CONTROLS)
        if controls / len(text) > MAX_CONTROL_SHARE:
            return NotText(f"binary file ({controls} control characters in {len(text)}), not text")
    return decoded
