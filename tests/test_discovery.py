"""Which files a folder walk lints: include/exclude globs, hidden folders, .gitignore."""

from pathlib import Path

from cnlint.config import Config
from cnlint.inputs.discovery import discover

# Seed 000 line 3 is real scraped prose; its content does not matter to discovery.
TEXT = "民生无小事，枝叶总关情。\n"


def tree(root: Path, *names: str) -> Path:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
    return root


def found(root: Path, config: Config | None = None, *paths: Path) -> list[str]:
    files = discover(list(paths) or [root], config or Config()).files
    return sorted(p.relative_to(root).as_posix() for p in files)


def test_default_include_covers_every_format_and_compression(tmp_path):
    names = ["a.txt", "b.jsonl", "c.json", "d.txt.gz", "e.jsonl.gz", "f.json.zst", "g.md"]
    tree(tmp_path, *names)
    # A plain .json beside a corpus is metadata (dataset_info.json): read only when named.
    assert found(tmp_path) == sorted(set(names) - {"g.md", "c.json"})


def test_hidden_folders_and_git_are_skipped(tmp_path):
    tree(tmp_path, "keep.txt", ".git/x.txt", ".cache/y.txt", "sub/.hidden.txt", "sub/z.txt")
    assert found(tmp_path) == ["keep.txt", "sub/z.txt"]


def test_gitignore_is_respected_unless_told_not_to(tmp_path):
    tree(tmp_path, "raw/a.txt", "clean/b.txt", "clean/tmp.txt", "clean/deep/keep.txt", "c.txt")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("raw/\ntmp.txt\n", encoding="utf-8")
    (tmp_path / "clean" / ".gitignore").write_text("*.txt\n!keep.txt\n", encoding="utf-8")
    assert found(tmp_path) == ["c.txt", "clean/deep/keep.txt"]
    # Walking a subfolder still applies the repository root's .gitignore above it.
    assert found(tmp_path, Config(), tmp_path / "clean") == ["clean/deep/keep.txt"]
    everything = Config(respect_gitignore=False)
    assert found(tmp_path, everything) == [
        "c.txt",
        "clean/b.txt",
        "clean/deep/keep.txt",
        "clean/tmp.txt",
        "raw/a.txt",
    ]


def test_include_and_exclude_globs(tmp_path):
    tree(tmp_path, "a/x.txt", "a/y.jsonl", "b/z.txt")
    config = Config(include=("*.txt",), exclude=("b/*",))
    assert found(tmp_path, config) == ["a/x.txt"]


def test_a_named_file_is_linted_even_when_ignored(tmp_path):
    tree(tmp_path, "notes.md")
    (tmp_path / ".gitignore").write_text("notes.md\n", encoding="utf-8")
    assert found(tmp_path, Config(), tmp_path / "notes.md") == ["notes.md"]
