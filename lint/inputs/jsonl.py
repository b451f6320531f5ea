"""JSON Lines sources: one document per record, and fixes spliced into the record's bytes.

A record's text is found by a dotted key path (``text``, ``content.body``). When a fix changes
a text, only the bytes of that one JSON string value are replaced; every other byte of the
file (other fields, key order, spacing, escaping of other values, other records, line endings,
a BOM) stays exactly as it was. The new string is escaped in the style of the old one:
``\\uXXXX`` escapes if the old value used them, ``\\/`` if the old value escaped slashes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import TYPE_CHECKING, Any

from cnlint.document import LONE_SURROGATE, Document, Record

if TYPE_CHECKING:
    from cnlint.inputs.sources import SourceOptions

BOM = b"\xef\xbb\xbf"
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
_LITERAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
WHOLE_FILE_HINT = "exclude it, or convert an array with jq -c '.[]'"


@dataclass
class JsonLines:
    """The file's lines (endings included) and, per document, its line and original text."""

    lines: list[bytes]
    text_path: tuple[str, ...]
    places: list[tuple[int, str]]

    def encode(self, texts: list[str | None], encoding: str = "utf-8") -> bytes:
        """The file with changed texts spliced in; a ``None`` text drops that record's line."""
        lines = list(self.lines)
        for (index, old), new in zip(self.places, texts, strict=True):
            if new is None:
                lines[index] = b""
            elif new != old:
                lines[index] = splice(lines[index], self.text_path, new)
        return b"".join(lines)


def parse(
    payload: bytes, display: str, options: SourceOptions, first_line: int = 1
) -> tuple[list[Document], JsonLines, list[str]]:
    """Documents of every readable record, the layout to write them back, and the problems.

    ``first_line`` is the file line the payload starts at (a range of a large file).
    """
    text_path = tuple(options.text_field.split("."))
    id_path = tuple(options.id_field.split("."))
    lines = split_lines(payload)
    documents: list[Document] = []
    places: list[tuple[int, str]] = []
    problems: list[str] = []
    hinted = False
    if first_line == 1 and (whole := _single_document(payload, lines)):
        problems.append(f"{whole}, not JSON Lines (one object a line); {WHOLE_FILE_HINT}")
        return documents, JsonLines(lines, text_path, places), problems
    for index, line in enumerate(lines):
        number = index + first_line
        body = line[3:] if index == 0 and line.startswith(BOM) else line
        if not body.strip():
            continue
        if len(body) > options.max_document_size:
            problems.append(
                f"line {number}: record is {len(body) / 1e6:.1f} MB, over max-document-size; "
                "skipped"
            )
            continue
        try:
            text, record_id, ignore = _fields(body, text_path, id_path, options)
        except MissingTextField as exc:
            # Every record of a dataset that names its text otherwise misses it: say how to
            # fix that once, not on each line.
            problems.append(f"line {number}: {exc.short if hinted else exc}")
            hinted = True
            continue
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        place = Record(number, record_id, ignore)
        documents.append(Document(text, path=display, record=place))
        places.append((index, text))
    return documents, JsonLines(lines, text_path, places), problems


def _single_document(payload: bytes, lines: list[bytes]) -> str | None:
    """``"a JSON array"`` or ``"one JSON document over N lines"`` when the file is not JSON Lines
    but one JSON value (a dump, a config file); None otherwise. Cheap on JSON Lines: only a
    file whose first line is ``[`` or not JSON at all is parsed whole."""
    head = payload.removeprefix(BOM).lstrip()
    if head[:1] == b"[":
        return "a JSON array"
    first = next((line for line in lines if line.strip()), b"").removeprefix(BOM)
    try:
        json.loads(first)
        return None
    except RecursionError:  # one deeply nested line: a record, read on its own
        return None
    except ValueError:  # JSONDecodeError, or UnicodeDecodeError
        pass
    try:
        json.loads(head)
    except (ValueError, RecursionError):
        return None
    return f"one JSON document over {len(lines)} lines"


def split_lines(payload: bytes) -> list[bytes]:
    """Lines split after each ``\\n`` (kept); a lone ``\\r`` is no break, unlike splitlines."""
    parts = payload.split(b"\n")
    lines = [part + b"\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _fields(
    body: bytes, text_path: tuple[str, ...], id_path: tuple[str, ...], options: SourceOptions
) -> tuple[str, str | None, tuple[str, ...]]:
    """The record's text, id and suppressed rules; ValueError says why it cannot be read."""
    try:
        record = _load(body)
    except RecursionError:
        # Some field nests deeper than json's recursion limit: read the two fields cnlint
        # needs from their own spans instead (splice finds them the same way). Such a record
        # suppresses nothing: its suppression field is not read.
        text, record_id = _deep_fields(body.decode("utf-8"), text_path, id_path, options.text_field)
        return text, record_id, ()
    return (
        _text_of(record, text_path, options.text_field),
        _id_of(record, id_path),
        suppressions(record, options.suppression_field),
    )


def _deep_fields(
    line: str, text_path: tuple[str, ...], id_path: tuple[str, ...], text_field: str
) -> tuple[str, str | None]:
    try:
        start, end = value_span(line, text_path)
    except (ValueError, IndexError) as exc:
        raise ValueError(
            f"JSON nested too deep to parse whole, and no text field {text_field!r} found in it"
        ) from exc
    if line[start] != '"':  # the text itself may be what nests too deep: never parse it
        kind = {"[": "array", "{": "object"}.get(line[start], "value")
        raise ValueError(f"text field {text_field!r} is a JSON {kind}, not a string")
    text = json.loads(line[start:end])
    try:
        start, end = value_span(line, id_path)
        return text, _id_of({"id": json.loads(line[start:end])}, ("id",))
    except (ValueError, IndexError, RecursionError):
        return text, None


def _load(body: bytes) -> dict[str, Any]:
    try:
        line = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 (byte 0x{body[exc.start]:02x} at byte {exc.start + 1}); "
            "JSON Lines must be UTF-8"
        ) from exc
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's messages for a bad string end in "at" ("Invalid control character at"):
        # drop it, or the column reads "at at column 15".
        message = exc.msg.removesuffix(" at")
        raise ValueError(f"not valid JSON ({message} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise ValueError(f"record is a JSON {_json_type(record)}, not an object")
    return record


def _lookup(record: dict[str, Any], path: tuple[str, ...]) -> tuple[bool, Any]:
    value: Any = record
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return False, None
        value = value[key]
    return True, value


def field_value(line: bytes, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in one record's line; None when it has none, or is no JSON object
    (or one nested too deep for json to parse whole)."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    found, value = _lookup(record, path) if isinstance(record, dict) else (False, None)
    return value if found else None


class MissingTextField(ValueError):
    """A record without the text field. The full message names the record's keys (the text
    is usually under another one: content, body) and the option; ``short`` says only what."""

    def __init__(self, name: str, record: dict[str, Any]) -> None:
        self.short = f"no text field {name!r}"
        keys = ", ".join(repr(key) for key in list(record)[:MAX_KEYS_SHOWN])
        more = ", …" if len(record) > MAX_KEYS_SHOWN else ""
        has = f"its keys: {keys}{more}; " if record else ""
        super().__init__(f"{self.short} ({has}set --text-field or text-field in config)")


MAX_KEYS_SHOWN = 8


def _text_of(record: dict[str, Any], path: tuple[str, ...], name: str) -> str:
    found, value = _lookup(record, path)
    if not found:
        raise MissingTextField(name, record)
    if not isinstance(value, str):
        raise ValueError(f"text field {name!r} is a JSON {_json_type(value)}, not a string")
    return value


def suppressions(record: dict[str, Any], field: str) -> tuple[str, ...]:
    """The rules a record suppresses for itself: ``"cnlint": {"ignore": ["P103", "B1"]}``."""
    value = record.get(field)
    if value is None:
        return ()
    ignore = value.get("ignore", []) if isinstance(value, dict) else None
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        raise ValueError(f'{field!r} must be an object like {{"ignore": ["P103"]}}, got {value!r}')
    return tuple(ignore)


def _id_of(record: dict[str, Any], path: tuple[str, ...]) -> str | None:
    found, value = _lookup(record, path)
    if not found or value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "array", str: "string"}[type(value)]


def splice(line: bytes, path: tuple[str, ...], new_text: str) -> bytes:
    """``line`` with the JSON string at ``path`` replaced by ``new_text``; nothing else moves."""
    bom = BOM if line.startswith(BOM) else b""
    decoded = line[len(bom) :].decode("utf-8")
    start, end = value_span(decoded, path)
    token = encode_like(new_text, decoded[start:end], decoded)
    return bom + (decoded[:start] + token + decoded[end:]).encode("utf-8")


def value_span(line: str, path: tuple[str, ...]) -> tuple[int, int]:
    """Character span of the value at ``path`` in one valid JSON object (last duplicate wins)."""
    span = (_skip(line, 0), len(line))
    for key in path:
        span = _member_span(line, span[0], key)
    return span


def _member_span(line: str, pos: int, key: str) -> tuple[int, int]:
    if line[pos] != "{":
        raise ValueError(f"expected an object at character {pos}")
    found: tuple[int, int] | None = None
    pos = _skip(line, pos + 1)
    while line[pos] != "}":
        name, pos = scanstring(line, pos + 1)
        pos = _skip(line, _skip(line, pos) + 1)  # past the colon
        end = _value_end(line, pos)
        if name == key:
            found = (pos, end)
        pos = _skip(line, end)
        if line[pos] == ",":
            pos = _skip(line, pos + 1)
    if found is None:
        raise ValueError(f"no member {key!r}")
    return found


def _value_end(line: str, pos: int) -> int:
    """Where the JSON value starting at ``pos`` ends."""
    try:
        return _DECODER.raw_decode(line, pos)[1]
    except RecursionError:
        return _deep_value_end(line, pos)


def _deep_value_end(line: str, pos: int) -> int:
    """The end of a value nested too deep for ``json``, found with a counter, not recursion.

    Only the brackets are matched: the value is skipped over, never used."""
    depth = 0
    while True:
        pos = _skip(line, pos)
        char = line[pos]
        if char in "[{":
            depth += 1
            pos += 1
            continue
        if char in ",:":
            pos += 1
            continue
        if char in "]}":
            depth -= 1
            pos += 1
        elif char == '"':
            pos = scanstring(line, pos + 1)[1]
        elif literal := _LITERAL.match(line, pos):
            pos = literal.end()
        else:
            raise ValueError(f"not valid JSON at character {pos}")
        if depth <= 0:
            return pos


def _skip(line: str, pos: int) -> int:
    return _WHITESPACE.match(line, pos).end()


def encode_like(text: str, old_token: str, line: str) -> str:
    """``text`` as a JSON string escaped the way ``old_token`` (or else its line) was."""
    if json.loads(old_token).isascii():  # the old value cannot tell: the line's style decides
        ascii_style = line.isascii() and "\\u" in line
    else:
        ascii_style = old_token.isascii()
    token = json.dumps(text, ensure_ascii=ascii_style)
    if not ascii_style:  # a lone surrogate cannot be UTF-8: it alone goes back to its escape
        token = LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", token)
    if "\\/" in old_token:
        token = token.replace("/", "\\/")
    return token
