"""Inject defects in unseen wording into clean edited text and measure recall per category.

    .venv/bin/python bench/quality/inject.py                  # 24 injections per category
    .venv/bin/python bench/quality/inject.py --per-category 50 --seed 2 --keep out/

Each injected document is a window of about ten lines of an edited source of the benchmark
corpus (fiction, addresses, laws, encyclopedic prose) with exactly one defect put in. The
wordings are this file's own, composed at random from the parts below, and none is copied from
cnlint's phrase lists in rules/data: the benchmark asks whether a rule recognises what makes a
line chrome or a credit, not whether it knows a list. An injection is found when a finding of
a rule of its category (categories.py) covers it: for an inserted line, any finding on it; for
a change inside a line, a finding whose span overlaps the changed characters.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import opencc
from categories import CATEGORIES
from corpus import Finding, corpus_documents, run_cnlint, source_of, to_finding

SEED = 13
PER_CATEGORY = 24
BASE_SOURCES = {
    "translated-fiction",
    "new-year-addresses",
    "china-laws",
    "zhlipsum-zhufu",
    "zhlipsum-aspirin",
}
WINDOW_LINES = 10
HAN = re.compile(r"[\u4e00-\u9fff]")
PROSE_LINE = re.compile(r"[\u4e00-\u9fff].{18,}[。！？”」]$")


@dataclass(frozen=True)
class Injection:
    document: str  # file name in the injected folder
    category: str
    what: str  # a short description of the defect put in
    line: int  # 1-based first line of the defect
    end_line: int
    column: int | None  # 1-based span inside the line, None for whole inserted lines
    end_column: int | None  # exclusive


# --- wording parts (this file's own) ---------------------------------------------------------

NAMES = ["王晓峰", "陈丽", "赵海涛", "孙文静", "刘志强", "周敏", "何佳", "郑伟", "吴雪梅", "林涛"]
CITIES = ["杭州", "成都", "西宁", "南昌", "大连", "昆明", "太原", "福州", "长沙", "洛阳"]
SITES = ["东方资讯网", "江城在线", "晨报数字版", "云岭网", "海峡之声网"]
TITLES = [
    "我市召开春季植树动员会",
    "全省高考报名工作顺利结束",
    "社区开展消防安全宣传活动",
    "新建城市公园正式对市民开放",
    "区教育局部署暑期安全工作",
    "老旧小区改造项目全面启动",
]
SCENES = [
    "小学生在操场上参加升旗仪式",
    "工人正在检修输电线路",
    "游客在湖边观赏荷花",
    "村民在田间收割早稻",
    "医护人员为社区老人测量血压",
    "志愿者在地铁站引导乘客",
]
AGENCIES = ["东方IC", "视觉中国", "本报资料室", "受访单位"]


def date(rng: random.Random) -> str:
    return f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def pick(rng: random.Random, items: list[str]) -> str:
    return items[rng.randrange(len(items))]


NAVIGATION: list[Callable[[random.Random], str]] = [
    lambda r: f"◀ 前一则：{pick(r, TITLES)}　　后一则：{pick(r, TITLES)} ▶",
    lambda r: "字体：【特大　标准　偏小】　　背景色：【白　灰　米黄】",
    lambda r: f"我来说两句（已有{r.randint(2, 980)}条）",
    lambda r: "把这篇文章推给好友：QQ好友 | 微信朋友圈 | 新浪微博",
    lambda r: "点这里订阅每日早报",
    lambda r: f"您的位置：{pick(r, SITES)} » 地方频道 » 内容页",
    lambda r: "网站起始页 | 本地资讯 | 图片频道 | 视频点播 | 论坛社区",
    lambda r: "【记住本页】【发给朋友】【大字阅读】【离开】",
    lambda r: "走进我们 ｜ 服务指南 ｜ 互动交流 ｜ 政务公开",
    lambda r: "在手机上读本页请扫描右侧图案",
    lambda r: f"上一条：{pick(r, TITLES)}",
    lambda r: f"下一条：{pick(r, TITLES)}",
    lambda r: "请先登入再发表看法　免费开通账号",
    lambda r: "返回本栏目 ▲顶部",
]
CAPTION: list[Callable[[random.Random], str]] = [
    lambda r: f"图为{pick(r, SCENES)}。　{pick(r, NAMES)} 摄",
    lambda r: f"{pick(r, SCENES)}（{pick(r, NAMES)}／摄）",
    lambda r: f"▲{pick(r, SCENES)}　图片提供：{pick(r, AGENCIES)}",
    lambda r: "【附图】",
    lambda r: "（配图由受访者提供）",
    lambda r: f"图片：{pick(r, SCENES)}",
    lambda r: f"照片说明：{pick(r, SCENES)}（{pick(r, NAMES)} 拍摄）",
    lambda r: f"资料图　{pick(r, AGENCIES)}供图",
    lambda r: f"{pick(r, SCENES)}（图）",
]
BYLINE: list[Callable[[random.Random], str]] = [
    lambda r: (
        f"本报{pick(r, CITIES)}{r.randint(1, 12)}月{r.randint(1, 28)}日电　"
        f"（记者{pick(r, NAMES)}　通讯员{pick(r, NAMES)}）"
    ),
    lambda r: (
        f"新华网{pick(r, CITIES)}{r.randint(1, 12)}月{r.randint(1, 28)}日电"
        f"（记者 {pick(r, NAMES)}）"
    ),
    lambda r: f"{pick(r, CITIES)}日报记者　{pick(r, NAMES)}",
    lambda r: f"文／{pick(r, NAMES)}　图／{pick(r, NAMES)}",
    lambda r: f"（特约撰稿人　{pick(r, NAMES)}）",
    lambda r: f"记者 {pick(r, NAMES)} 报道",
    lambda r: f"中新社{pick(r, CITIES)}{r.randint(1, 12)}月{r.randint(1, 28)}日电",
]
METADATA: list[Callable[[random.Random], str]] = [
    lambda r: (
        f"发稿：{date(r)} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}　出处：{pick(r, SITES)}"
    ),
    lambda r: f"被阅读{r.randint(10, 99999)}次　　上传人：{pick(r, NAMES)}",
    lambda r: f"信息提供：区政府办公室　{date(r)}",
    lambda r: f"共有{r.randint(10, 9999)}人看过　更新于 {date(r)}",
    lambda r: f"文章录入：{pick(r, NAMES)}　　复核：{pick(r, NAMES)}",
    lambda r: f"【{date(r)}】【出处：{pick(r, SITES)}】",
]
COPYRIGHT: list[Callable[[random.Random], str]] = [
    lambda r: "本网站所有内容，未经书面授权，请勿复制或建立镜像。",
    lambda r: f"© {r.randint(2005, 2023)} {pick(r, SITES)} 保留一切权利",
    lambda r: f"本文版权属{pick(r, SITES)}，商业引用请先取得许可。",
    lambda r: f"{pick(r, SITES)}独家稿件，引用请标明出处。",
    lambda r: "内容如涉及著作权，请与本站联系处理。",
    lambda r: f"{pick(r, SITES)}　权利说明：本页文字受法律保护",
]
ENGLISH = [
    "in other words",
    "as soon as possible",
    "for the first time",
    "on the other hand",
    "at the end of the day",
    "more or less",
    "one of the most important",
    "as far as I know",
]
PINYIN = {
    "的": "de", "是": "shì", "中": "zhōng", "国": "guó", "人": "rén", "大": "dà",
    "在": "zài", "有": "yǒu", "我": "wǒ", "他": "tā", "这": "zhè", "个": "gè",
    "来": "lái", "上": "shàng", "时": "shí", "年": "nián", "生": "shēng", "出": "chū",
    "发": "fā", "和": "hé", "地": "dì", "说": "shuō", "们": "men", "会": "huì",
    "要": "yào", "就": "jiù", "到": "dào", "为": "wèi", "家": "jiā", "法": "fǎ",
}  # fmt: skip
ENTITIES = ["&nbsp;", "&amp;", "&#8220;", "<br>", "<br />", "&quot;", "&ensp;", "<p>", "</p>"]


# --- injectors ------------------------------------------------------------------------------

Lines = list[str]
Result = tuple[Lines, int, int, int | None, int | None, str]  # lines, line, end, col, end col


def insert_line(templates: list[Callable[[random.Random], str]]):
    def inject(rng: random.Random, lines: Lines) -> Result:
        text = pick(rng, templates)(rng)  # type: ignore[arg-type]
        at = rng.randint(0, len(lines))
        return [*lines[:at], text, *lines[at:]], at + 1, at + 1, None, None, text

    return inject


def byline(rng: random.Random, lines: Lines) -> Result:
    """Half on a line of their own, half as the dateline that opens the first paragraph."""
    text = pick(rng, BYLINE)(rng)
    if rng.random() < 0.5:
        return [text, *lines], 1, 1, None, None, text
    first = text + "　" + lines[0]
    return [first, *lines[1:]], 1, 1, 1, len(text) + 1, text


def prose_lines(lines: Lines) -> list[int]:
    return [i for i, line in enumerate(lines) if PROSE_LINE.search(line)]


def change_in_line(rng: random.Random, lines: Lines, edit) -> Result:
    """Apply ``edit(rng, line) -> (new line, start, end, what)`` to a random prose line."""
    for index in rng.sample(prose_lines(lines), len(prose_lines(lines))):
        changed = edit(rng, lines[index])
        if changed:
            line, start, end, what = changed
            new = [*lines[:index], line, *lines[index + 1 :]]
            return new, index + 1, index + 1, start + 1, end + 1, what
    raise LookupError("no line fits")


def punctuation(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        kinds = [
            ("，", ",", "half-width comma"),
            ("：", ":", "half-width colon"),
            ("？", "?", "half-width question mark"),
            ("！", "!", "half-width exclamation mark"),
            ("。", ".", "ASCII '.' as the full stop"),
            ("。", "。。", "doubled full stop"),
            ("，", "，，", "doubled comma"),
            ("，", "，。", "comma and full stop together"),
            ("……", "...", "ellipsis as three dots"),
        ]
        rng.shuffle(kinds)
        for old, new, what in kinds:
            positions = [m.start() for m in re.finditer(re.escape(old), line)]
            if old == "。":  # the last mark of a paragraph is the commonest place to meet it
                positions = [p for p in positions if p > 0 and HAN.match(line[p - 1])]
            if positions:
                at = pick(rng, positions)  # type: ignore[arg-type]
                return line[:at] + new + line[at + len(old) :], at, at + len(new), what
        return None

    return change_in_line(rng, lines, edit)


S2T = opencc.OpenCC("s2t")


def script(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        runs = [m for m in re.finditer(r"[\u4e00-\u9fff]{4,}", line)]
        rng.shuffle(runs)
        for run in runs:
            start = run.start() + rng.randrange(max(1, len(run.group()) - 3))
            span = line[start : start + 4]
            converted = S2T.convert(span)
            if converted != span:
                return line[:start] + converted + line[start + 4 :], start, start + 4, span
        return None

    return change_in_line(rng, lines, edit)


def pinyin(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        spots = [i for i, char in enumerate(line) if char in PINYIN]
        if not spots:
            return None
        at = pick(rng, spots) + 1  # type: ignore[arg-type]
        reading = PINYIN[line[at - 1]]
        note = f"({reading})" if rng.random() < 0.5 else f"（{reading}）"
        return line[:at] + note + line[at:], at - 1, at + len(note), line[at - 1] + note

    return change_in_line(rng, lines, edit)


def wrap_space(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        spots = [i for i in range(1, len(line)) if HAN.match(line[i - 1]) and HAN.match(line[i])]
        if not spots:
            return None
        at = pick(rng, spots)  # type: ignore[arg-type]
        return line[:at] + " " + line[at:], at - 1, at + 2, line[at - 1] + " " + line[at]

    return change_in_line(rng, lines, edit)


def english(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        spots = [i for i in range(1, len(line)) if HAN.match(line[i - 1]) and HAN.match(line[i])]
        if not spots:
            return None
        at = pick(rng, spots)  # type: ignore[arg-type]
        phrase = pick(rng, ENGLISH)
        inserted = f" {phrase} " if rng.random() < 0.5 else phrase
        return line[:at] + inserted + line[at:], at, at + len(inserted), phrase

    return change_in_line(rng, lines, edit)


def mojibake(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        runs = [m for m in re.finditer(r"[\u4e00-\u9fff]{6,}", line)]
        if not runs:
            return None
        run = pick(rng, runs)  # type: ignore[arg-type]
        span = run.group()[:6]
        kind = rng.randrange(3)
        if kind == 0:  # UTF-8 bytes read as GBK
            broken, what = span.encode("utf-8").decode("gbk", errors="replace"), "UTF-8 as GBK"
        elif kind == 1:  # UTF-8 bytes read as Latin-1, the C1 controls shown as cp1252 would
            broken = span.encode("utf-8").decode("cp1252", errors="replace")
            what = "UTF-8 as cp1252"
        else:  # characters lost on the way: one '?' per character, or U+FFFD
            broken, what = (("?" if rng.random() < 0.5 else "\ufffd") * 2 + span[2:]), "lost"
        start = run.start()
        return line[:start] + broken + line[start + 6 :], start, start + len(broken), what

    return change_in_line(rng, lines, edit)


def html(rng: random.Random, lines: Lines) -> Result:
    def edit(rng: random.Random, line: str):
        spots = [i for i in range(1, len(line)) if HAN.match(line[i - 1])]
        at = pick(rng, spots)  # type: ignore[arg-type]
        entity = pick(rng, ENTITIES)
        return line[:at] + entity + line[at:], at, at + len(entity), entity

    return change_in_line(rng, lines, edit)


def duplicate(rng: random.Random, lines: Lines) -> Result:
    candidates = prose_lines(lines)
    index = pick(rng, candidates)  # type: ignore[arg-type]
    kind = rng.randrange(3)
    if kind == 2:  # the paragraph's first sentence said twice
        line = lines[index]
        first = re.match(r"[^。！？]+[。！？]", line)
        if first and len(first.group()) < len(line):
            doubled = first.group() + line
            new = [*lines[:index], doubled, *lines[index + 1 :]]
            size = len(first.group())
            return new, index + 1, index + 1, size + 1, 2 * size + 1, "repeated sentence"
    copy = lines[index]
    what = "duplicated paragraph"
    if kind == 1:  # a near copy: one character dropped
        at = rng.randrange(1, len(copy) - 1)
        copy, what = copy[:at] + copy[at + 1 :], "near-duplicate paragraph"
    at = index + 1 + rng.randrange(0, 3)
    new = [*lines[:at], copy, *lines[at:]]
    return new, at + 1, at + 1, None, None, what


def broken(rng: random.Random, lines: Lines) -> Result:
    candidates = prose_lines(lines)
    index = pick(rng, candidates)  # type: ignore[arg-type]
    line = lines[index]
    spots = [i for i in range(4, len(line) - 4) if HAN.match(line[i - 1]) and HAN.match(line[i])]
    at = pick(rng, spots)  # type: ignore[arg-type]
    parts = [line[:at], line[at:]]
    if rng.random() < 0.5:
        parts.insert(1, "")  # the page put a blank line between the halves
    new = [*lines[:index], *parts, *lines[index + 1 :]]
    return new, index + 1, index + len(parts), None, None, line[at - 2 : at + 2]


INJECTORS: dict[str, Callable[[random.Random, Lines], Result]] = {
    "navigation": insert_line(NAVIGATION),
    "caption": insert_line(CAPTION),
    "byline": byline,
    "metadata": insert_line(METADATA),
    "copyright": insert_line(COPYRIGHT),
    "punctuation": punctuation,
    "script": script,
    "pinyin": pinyin,
    "duplicate": duplicate,
    "broken": broken,
    "wrap-space": wrap_space,
    "english": english,
    "mojibake": mojibake,
    "html": html,
}
assert set(INJECTORS) == set(CATEGORIES)


# --- building and measuring -----------------------------------------------------------------


def base_windows() -> list[Lines]:
    """Windows of prose lines from the edited sources the injections go into."""
    windows = []
    for path, _record, text in corpus_documents():
        if source_of(path).id not in BASE_SOURCES:
            continue
        lines = [line for line in text.split("\n") if line.strip()]
        for start in range(0, len(lines) - WINDOW_LINES + 1, WINDOW_LINES):
            window = lines[start : start + WINDOW_LINES]
            if len(prose_lines(window)) >= WINDOW_LINES // 2:
                windows.append(window)
    return windows


def build(folder: Path, per_category: int = PER_CATEGORY, seed: int = SEED) -> list[Injection]:
    """Write the injected documents into ``folder``; return what was put where."""
    rng = random.Random(seed)
    windows = base_windows()
    injections = []
    for category, injector in INJECTORS.items():
        made = 0
        while made < per_category:
            lines = pick(rng, windows)  # type: ignore[arg-type]
            try:
                new, line, end, column, end_column, what = injector(rng, list(lines))
            except (LookupError, ValueError, IndexError):
                continue  # this window has no place for this defect; draw another
            name = f"{category}-{made + 1:03d}.txt"
            (folder / name).write_text("\n".join(new) + "\n", encoding="utf-8")
            injections.append(Injection(name, category, what, line, end, column, end_column))
            made += 1
    return injections


def covers(finding: Finding, injection: Injection) -> bool:
    if finding.code not in CATEGORIES[injection.category]:
        return False
    if finding.end_line < injection.line or finding.line > injection.end_line:
        return False
    if injection.column is None or finding.line != finding.end_line:
        return True
    return finding.column < injection.end_column and finding.end_column > injection.column


def measure(
    per_category: int = PER_CATEGORY, seed: int = SEED, keep: Path | None = None
) -> tuple[dict[str, tuple[int, int]], list[tuple[Injection, bool]]]:
    """Recall per category: (found, injected), and each injection with whether it was found."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        injections = build(folder, per_category, seed)
        findings: dict[str, list[Finding]] = {}
        for raw in run_cnlint([folder]):
            finding = to_finding(raw, folder.resolve())
            findings.setdefault(finding.path, []).append(finding)
    results = [(i, any(covers(f, i) for f in findings.get(i.document, []))) for i in injections]
    recall = {
        category: (
            sum(found for i, found in results if i.category == category),
            sum(1 for i, _ in results if i.category == category),
        )
        for category in CATEGORIES
    }
    return recall, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-category", type=int, default=PER_CATEGORY)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--keep", type=Path, help="write the injected documents here")
    parser.add_argument("--missed", action="store_true", help="list the injections not found")
    args = parser.parse_args()
    recall, results = measure(args.per_category, args.seed, args.keep)
    if args.keep:
        lines = [
            json.dumps(asdict(i) | {"found": found}, ensure_ascii=False) for i, found in results
        ]
        (args.keep / "injections.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for category, (found, total) in recall.items():
        print(f"{category:12} {found:3}/{total:<3} {found / total:5.2f}")
    if args.missed:
        for injection, found in results:
            if not found:
                print(f"missed {injection.document}:{injection.line}  {injection.what}")


if __name__ == "__main__":
    main()
