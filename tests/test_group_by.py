"""``--statistics --group-by folder|FIELD``: counts and document metrics per source.

The corpus is real: the seeds, ../shared/corpus/external, and a crawl-like JSONL file built from
the dirty corpus with each document's source URL as PROVENANCE.md records it.
"""

import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

from cnlint.engine.registry import load_registry
from cnlint.report.groups import folder_group, group_label, url_host
from cnlint.report.metrics import nearest_rank

from conftest import CLEAN_CORPUS, DIRTY_CORPUS, SEEDS, SHARED, need, run_cli

EXTERNAL = SHARED / "corpus" / "external"
# `sogoucs_001.txt` — <doc> #1, http://news.sohu.com/20120612/n345428229.shtml
PROVENANCE_ENTRY = re.compile(r"^  - `(\w+\.txt)` — [^,\n]*, (https?://[^\s;]+)", re.M)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    """The dirty documents whose source URL is known, one JSONL record each, as a crawl
    writes them; and one .txt file beside it, which has no url field."""
    provenance = (need(EXTERNAL) / "PROVENANCE.md").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("crawl")
    with (folder / "crawl.jsonl").open("w", encoding="utf-8") as out:
        for name, url in PROVENANCE_ENTRY.findall(provenance):
            source = DIRTY_CORPUS / name
            if source.exists():
                record = {"id": name, "url": url, "text": source.read_text(encoding="utf-8")}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (folder / "seed.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    return folder


def grouped_json(*args: str) -> dict:
    result = run_cli("check", "--no-cache", "--statistics", "--format", "json", *args)
    assert result.returncode in (0, 1, 2), result.stderr
    return json.loads(result.stdout)


def assert_groups_add_up(numbers: dict) -> None:
    groups = numbers["group_by"]["groups"]
    everything = numbers["group_by"]["all"]
    for key in ("documents", "characters", "findings", "documents_affected"):
        assert sum(g[key] for g in groups) == numbers[key] == everything[key], key
    rules = Counter({r["code"]: r["findings"] for r in numbers["rules"]})
    assert sum((Counter(g["rules"]) for g in groups), Counter()) == rules
    families = sum((Counter(g["families"]) for g in groups), Counter())
    assert families == Counter({code: 0 for code in rules}) + _by_family(rules)
    for metric in numbers["group_by"]["metrics"]:
        key = metric["key"]
        for count in ("measured", "beyond_threshold"):
            total = sum(g["metrics"][key][count] for g in groups)
            assert total == everything["metrics"][key][count], (key, count)


def _by_family(rules: Counter) -> Counter:
    families: Counter = Counter()
    for code, count in rules.items():
        families[code.rstrip("0123456789")] += count
    return families


def test_folder_groups_add_up_to_the_totals():
    numbers = grouped_json("--group-by", "folder", str(need(EXTERNAL)), str(SEEDS))
    names = {g["name"] for g in numbers["group_by"]["groups"]}
    # Two checked folders: each group names the checked folder it is in.
    assert names == {f"{EXTERNAL}/{sub}" for sub in ("clean", "dirty", "dirty-encoding")} | {
        str(SEEDS)
    }
    assert_groups_add_up(numbers)
    by_name = {g["name"]: g for g in numbers["group_by"]["groups"]}
    assert by_name[str(SEEDS)]["documents"] == len(list(SEEDS.glob("*.txt")))
    assert by_name[f"{EXTERNAL}/clean"]["findings"] < by_name[f"{EXTERNAL}/dirty"]["findings"]


def test_one_checked_folder_groups_relative_to_it():
    numbers = grouped_json("--group-by", "folder", str(need(EXTERNAL)))
    names = [g["name"] for g in numbers["group_by"]["groups"]]
    assert names == ["dirty", "clean", "dirty-encoding"]  # most documents first
    seeds = grouped_json("--group-by", "folder", str(SEEDS))
    assert [g["name"] for g in seeds["group_by"]["groups"]] == ["."]


def test_a_url_field_groups_by_host(crawl):
    numbers = grouped_json("--group-by", "url", str(crawl))
    documents = {g["name"]: g["documents"] for g in numbers["group_by"]["groups"]}
    # PROVENANCE.md: 25 sohu_clickbait pages on www.sohu.com (one over https), 11 SogouCS
    # pages on news.sohu.com and 14 on biz.cn.yahoo.com, 10 university news pages.
    assert documents["sohu.com"] == 25
    assert documents["news.sohu.com"] == 11
    assert documents["biz.cn.yahoo.com"] == 14
    assert documents["zs.gdhsc.edu.cn"] == 10
    assert documents["(no url)"] == 1  # the .txt file
    assert_groups_add_up(numbers)


def test_stdin_jsonl_groups_by_its_field(crawl):
    text = (crawl / "crawl.jsonl").read_text(encoding="utf-8")
    result = run_cli(
        "check",
        "--statistics",
        "--format",
        "json",
        "--group-by",
        "url",
        "-",
        "--stdin-filename",
        "crawl.jsonl",
        stdin=text,
    )
    assert result.returncode in (0, 1), result.stderr
    documents = {g["name"]: g["documents"] for g in json.loads(result.stdout)["group_by"]["groups"]}
    assert documents["sohu.com"] == 25
    assert "(no url)" not in documents


def test_terminal_tables_show_every_group_and_the_total():
    result = run_cli(
        "check",
        "--no-cache",
        "--statistics",
        "--group-by",
        "folder",
        str(need(EXTERNAL)),
        env={"NO_COLOR": "1", "COLUMNS": "100"},
    )
    numbers = grouped_json("--group-by", "folder", str(EXTERNAL))
    counts = result.stdout.split("Documents by folder (3 groups")[1].split("Chinese share")[0]
    for group in [*numbers["group_by"]["groups"], numbers["group_by"]["all"]]:
        row = next(
            line.split() for line in counts.splitlines() if line.split()[:1] == [group["name"]]
        )
        assert row[1:4] == [
            f"{group['documents']:,}",
            f"{group['characters']:,}",
            f"{group['findings']:,}",
        ]
    symbol = result.stdout.split("Symbol ratio (Q102 max-ratio 0.05, flagged above)")[1]
    dirty = next(line.split() for line in symbol.splitlines() if line.startswith(" dirty "))
    spread = next(g for g in numbers["group_by"]["groups"] if g["name"] == "dirty")["metrics"][
        "Q102"
    ]
    assert dirty[1:] == [
        str(spread["measured"]),
        *(f"{spread[p]:.3f}" for p in ("p10", "p50", "p90", "max")),
        str(spread["beyond_threshold"]),
    ]


# The rule, its threshold option, the percentile a curator would pick, and other options that
# must not spare a document beyond the threshold (Q102 spares documents with one symbol).
THRESHOLDS = [
    ("Q102", "max-ratio", "p90", {"min-symbols": 0}),
    ("Q103", "max-ratio", "p90", {}),
    ("Q104", "max-share", "p50", {}),
    ("L102", "min-chinese-share", "p10", {}),
    ("Q101", "min-chars", "p10", {}),
]


@pytest.fixture(scope="module")
def corpus_metrics() -> dict:
    paths = [str(need(EXTERNAL)), str(SEEDS)]
    return grouped_json("--group-by", "folder", *paths)["group_by"]["all"]["metrics"]


def flagged_with(code: str, settings: dict, group_by: bool = False) -> tuple[int, dict]:
    """The rule's findings with these options, and the run's metrics with --group-by."""
    config = [
        arg for name, v in settings.items() for arg in ("--config", f"rules.{code}.{name} = {v!r}")
    ]
    grouping = ["--group-by", "folder"] if group_by else []
    numbers = grouped_json("--select", code, *grouping, *config, str(EXTERNAL), str(SEEDS))
    flagged = sum(r["findings"] for r in numbers["rules"] if r["code"] == code)
    return flagged, numbers["group_by"]["all"]["metrics"][code] if group_by else {}


@pytest.mark.parametrize(("code", "option", "percentile", "others"), THRESHOLDS)
def test_a_percentile_set_as_the_threshold_flags_what_the_table_counts(
    corpus_metrics, code, option, percentile, others
):
    """Set the option to a percentile read off the table: the rule flags exactly the
    documents the table counts beyond it, at most the share the percentile says (nearest
    rank); and the percentile is one document's value as the rule computes it: moved the
    least step toward the kept side, the threshold flags that document too. A metric
    computed otherwise than the rule computes it (even scaled) fails this."""
    before = corpus_metrics[code]
    value = before[percentile]
    flagged, after = flagged_with(code, {option: value, **others}, group_by=True)
    assert flagged == after["beyond_threshold"] > 0
    share = int(percentile[1:]) / 100
    assert flagged <= (share if percentile == "p10" else 1 - share) * before["measured"]
    above = percentile != "p10"  # the rules picked with p10 flag values below their minimum
    if isinstance(value, int):
        nudged = value - 1 if above else value + 1
    else:
        nudged = math.nextafter(value, -math.inf if above else math.inf)
    more, _ = flagged_with(code, {option: nudged, **others})
    assert more > flagged


def test_nearest_rank_is_a_measured_value():
    values = [0.0, 0.0, 0.01, 0.02, 0.5]
    assert nearest_rank(values, 10) == 0.0
    assert nearest_rank(values, 50) == 0.01
    assert nearest_rank(values, 90) == 0.5
    assert nearest_rank([3.0], 10) == 3.0


def test_url_hosts_and_other_values():
    assert url_host("http://www.News.Sohu.com:8080/20120612/n345428229.shtml") == "news.sohu.com"
    assert url_host("https://user@m.aisixiang.com/data/127006.html") == "m.aisixiang.com"
    assert url_host("news.sohu.com/20120612") is None  # no scheme: not read as a URL
    assert url_host("http://[::1") is None  # malformed
    assert group_label("人民网") == "人民网"
    assert group_label(2021) == "2021"
    assert group_label(["a", "b"]) == '["a", "b"]'
    assert group_label("") is None
    assert group_label(None) is None


def test_folder_group_of_files_named_on_the_command_line(tmp_path):
    (tmp_path / "a" / "x").mkdir(parents=True)
    inner = str(tmp_path / "a" / "x" / "f.txt")
    assert folder_group(inner, [str(tmp_path)]) == "a/x"
    assert folder_group(inner, [str(tmp_path / "a")]) == "x"
    assert folder_group(inner, [str(tmp_path), str(tmp_path / "a")]) == f"{tmp_path}/a/x"
    assert folder_group("corpus/f.txt", []) == "corpus"
    assert folder_group("f.txt", []) == "."


def test_group_by_needs_statistics():
    result = run_cli("check", "--group-by", "folder", str(SEEDS))
    assert result.returncode == 2
    assert "--group-by needs --statistics" in result.stderr


def test_every_metric_names_an_option_of_its_rule():
    for rule_cls in load_registry():
        if rule_cls.metric is not None:
            assert rule_cls.metric.threshold in rule_cls.options, rule_cls.code


def test_group_names_and_key_are_printed_as_they_are(tmp_path):
    """A field value is data: brackets in it are not rich markup (nor an error)."""
    text = next(need(CLEAN_CORPUS).glob("*.txt")).read_text(encoding="utf-8")
    record = {"text": text, "src": "[/bold][red]人民网"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    result = run_cli(
        "check",
        "--no-cache",
        "--statistics",
        "--group-by",
        "src",
        str(tmp_path),
        env={"NO_COLOR": "1"},
    )
    assert result.returncode in (0, 1), result.stderr
    assert "\n [/bold][red]人民网 " in result.stdout
    assert "Documents by src (1 group;" in result.stdout


def test_a_group_named_all_is_told_apart_from_the_total(tmp_path):
    """A field value "all" is one group; the row of every document is "(all)"."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(CLEAN_CORPUS).glob("*.txt"))[:3]]
    records = [{"text": t, "src": "all" if i else "人民网"} for i, t in enumerate(texts)]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    (tmp_path / "a.jsonl").write_text("".join(lines), "utf-8")
    args = ("--statistics", "--group-by", "src", str(tmp_path))
    result = run_cli("check", "--no-cache", *args, env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert result.returncode in (0, 1), result.stderr
    counts = result.stdout.split("Documents by src (2 groups")[1].split("Chinese share")[0]
    rows = {cells[0]: cells[1] for cells in map(str.split, counts.splitlines()) if len(cells) > 5}
    assert rows["all"] == "2" and rows["(all)"] == "3" and rows["人民网"] == "1"
    numbers = grouped_json("--group-by", "src", str(tmp_path))["group_by"]
    assert numbers["all"]["name"] == "(all)" and numbers["all"]["documents"] == 3
