#!/usr/bin/env python3
"""Synthetic Japanese Markdown corpus shaped like the handbook, for bench/run.sh.

Deterministic: the same --pages and --seed give byte-identical files (Python's Mersenne
Twister `random.Random(seed)`, whose `random()`/`randrange()` sequence is stable across
Python 3 versions). Standard library only.

Two shapes (--shape): `folders`, 50 chapters per part folder (--per-part), each part with a
`_part.md` lead, as content/handbook is laid out; `flat`, every chapter in one folder with no
sub-folders and no part leads, as many people keep notes and advisories.

Writes three trees under --out:

  site/     for site-gen and Hugo (the same files): <NN-part>/_part.md (the part's lead, as in
            content/handbook) and <NN-part>/<NNN-chapter>.md, or for `flat` <NNNNN-chapter>.md
            at the top, each with `+++` TOML front matter (`title`, `number`).
  zola/     for Zola: config.toml and templates/ from bench/zola/, and content/ with the same
            text; front matter `title` with the number under `[extra]` (Zola refuses other
            keys), a part's lead as the section's `_index.md`, and a `content/_index.md`.
  mdbook/   for mdBook: book.toml + src/SUMMARY.md + the same files without front matter
            (the title becomes the page's first `#` heading, as mdBook expects).

Each chapter is about 6 KB of UTF-8: `##`/`###` headings, paragraphs, bullet and numbered
lists, a GFM table, a block quote, and 3-5 relative `.md` links to other chapters (same part
and other parts), as the handbook's chapters link to each other.
"""
import argparse
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

NOUNS = [
    "重要インフラ事業者", "所管省庁", "国家サイバー統括室", "情報連絡", "情報提供", "システムの不具合",
    "サイバー攻撃", "脆弱性情報", "予兆", "ヒヤリハット", "サービス障害", "制御システム", "セプター",
    "情報共有体制", "行動計画", "事業継続計画", "復旧手順", "連絡窓口", "初動対応", "被害状況",
    "影響範囲", "原因分析", "再発防止策", "演習", "訓練", "監視体制", "ログ", "認証情報", "委託先",
    "クラウドサービス", "業務システム", "通信事業者", "電力分野", "金融分野", "医療分野", "水道分野",
    "物流分野", "鉄道分野", "航空分野", "化学分野", "石油分野", "ガス分野", "政府・行政サービス",
    "ランサムウェア", "DDoS攻撃", "標的型メール", "不正アクセス", "マルウェア", "情報漏えい",
]
VERBS = [
    "を速やかに連絡します", "について確認してください", "を共有することが重要です", "を整理しておきます",
    "に留意する必要があります", "を定期的に見直します", "の把握に努めます", "を記録として残します",
    "を関係者に周知します", "を踏まえて判断します", "の対象となります", "を明確にしておくことが望まれます",
    "に基づいて対応します", "を可能な限り具体的に記載します", "の範囲を特定します",
]
CONNECTIVES = ["また、", "なお、", "このため、", "さらに、", "一方で、", "具体的には、", "例えば、", "その際、", ""]
ADVERBS = ["平時から", "発生時には", "必要に応じて", "可能な範囲で", "原則として", "速やかに", "継続的に", ""]
HEADWORDS = ["概要", "基本的な考え方", "対象範囲", "手順", "留意事項", "記載例", "関係機関との連携",
             "連絡の流れ", "判断の目安", "体制の整備", "様式の記載", "取扱い", "事後対応", "参考情報"]
PART_TOPICS = ["総論", "情報連絡", "情報提供", "連携体制", "インシデント対応", "関係法令", "用語",
               "分野別の取組", "演習と訓練", "付録"]
TABLE_HEADERS = [["区分", "内容", "連絡先", "期限"], ["項目", "説明", "例"], ["分類", "事象", "対応", "備考"]]
TABLE_CELLS = ["即時", "24時間以内", "1週間以内", "該当なし", "要確認", "第一報", "続報", "最終報",
               "所管省庁", "統括室", "事業者", "セプター事務局", "任意", "必須", "推奨"]
KANJI_NUM = "〇一二三四五六七八九"


def sentence(r):
    s = r.choice(CONNECTIVES) + r.choice(ADVERBS) + r.choice(NOUNS)
    for _ in range(r.randrange(0, 3)):
        s += "及び" if r.random() < 0.4 else "における"
        s += r.choice(NOUNS)
    return s + r.choice(VERBS) + "。"


def paragraph(r, n_min=3, n_max=7):
    return "".join(sentence(r) for _ in range(r.randrange(n_min, n_max + 1)))


FLAT = False  # set by generate(): every chapter in one folder


def part_slug(p):
    return f"{p + 1:02d}-part{p + 1}"


def chapter_file(c_in_part):
    if FLAT:
        return f"{c_in_part + 1:05d}-chapter{c_in_part + 1}.md"
    return f"{c_in_part + 1:03d}-chapter{c_in_part + 1}.md"


def chapter_body(r, p, c, layout, target_bytes=5500):
    """The Markdown body of chapter c of part p (links relative to the chapter's folder)."""
    parts = len(layout)
    out = []
    section = 0
    links_left = r.randrange(3, 6)
    while len("\n".join(out).encode()) < target_bytes:
        section += 1
        out.append(f"## {c + 1}.{section} {r.choice(HEADWORDS)}\n")
        out.append(paragraph(r) + "\n")
        kind = r.randrange(5)
        if kind == 0:
            out.append("\n".join(f"- {r.choice(NOUNS)}:{sentence(r)}" for _ in range(r.randrange(3, 7))) + "\n")
        elif kind == 1:
            out.append("\n".join(f"{i + 1}. {sentence(r)}" for i in range(r.randrange(3, 6))) + "\n")
        elif kind == 2:
            head = r.choice(TABLE_HEADERS)
            rows = [f"| {' | '.join(head)} |", "|" + "|".join("---" for _ in head) + "|"]
            for _ in range(r.randrange(3, 7)):
                rows.append("| " + r.choice(NOUNS) + " | " + " | ".join(r.choice(TABLE_CELLS) for _ in head[1:]) + " |")
            out.append("\n".join(rows) + "\n")
        elif kind == 3:
            out.append("> " + paragraph(r, 2, 3) + "\n")
        else:
            out.append(f"### {c + 1}.{section}.1 {r.choice(HEADWORDS)}\n")
            out.append(paragraph(r, 2, 5) + "\n")
        if links_left > 0:
            links_left -= 1
            if r.random() < 0.5 and layout[p] > 1:
                q, d = p, r.randrange(layout[p])
                href = chapter_file(d)
            else:
                q = r.randrange(parts)
                d = r.randrange(layout[q])
                href = chapter_file(d) if FLAT else f"../{part_slug(q)}/{chapter_file(d)}"
            out.append(f"詳しくは[第{q + 1}部 {d + 1} {r.choice(HEADWORDS)}]({href})を参照してください。"
                       + paragraph(r, 1, 2) + "\n")
        out.append(paragraph(r, 2, 4) + "\n")
    return "\n".join(out)


def generate(pages, seed, out, per_part, shape="folders"):
    global FLAT
    FLAT = shape == "flat"
    r = random.Random(seed)
    if FLAT:
        per_part = pages
    parts = max(1, (pages + per_part - 1) // per_part)
    layout = [per_part] * parts
    layout[-1] = pages - per_part * (parts - 1)
    site = os.path.join(out, "site")
    book = os.path.join(out, "mdbook")
    zola = os.path.join(out, "zola")
    for d in (site, book, zola):
        if os.path.exists(d):
            shutil.rmtree(d)
    os.makedirs(os.path.join(book, "src"))
    os.makedirs(os.path.join(zola, "content"))
    shutil.copytree(os.path.join(HERE, "zola", "templates"), os.path.join(zola, "templates"))
    shutil.copy(os.path.join(HERE, "zola", "config.toml"), os.path.join(zola, "config.toml"))
    write(os.path.join(zola, "content", "_index.md"), '+++\ntitle = "ベンチマーク"\nsort_by = "title"\n+++\n')
    summary = ["# Summary", ""]
    total = 0
    for p in range(parts):
        slug = "" if FLAT else part_slug(p)
        os.makedirs(os.path.join(site, slug), exist_ok=True)
        os.makedirs(os.path.join(book, "src", slug), exist_ok=True)
        os.makedirs(os.path.join(zola, "content", slug), exist_ok=True)
        ptitle = f"第{p + 1}部 {PART_TOPICS[p % len(PART_TOPICS)]}"
        lead = paragraph(r, 2, 4) + "\n\n" + "\n".join(
            f"- [{c + 1} {PART_TOPICS[(p + c) % len(PART_TOPICS)]}]({chapter_file(c)})" for c in range(min(layout[p], 10))) + "\n"
        if not FLAT:
            # The part's lead, as in content/handbook: site-gen's part page; Hugo renders it as an
            # ordinary page (it lists the section itself), Zola as the section's page, mdBook as
            # the part's page.
            write(os.path.join(site, slug, "_part.md"), front(ptitle, str(p + 1)) + lead)
            write(os.path.join(zola, "content", slug, "_index.md"), zola_front(ptitle, str(p + 1), section=True) + lead)
            write(os.path.join(book, "src", slug, "_part.md"), f"# {ptitle}\n\n" + lead)
            summary.append(f"- [{ptitle}]({slug}/_part.md)")
        for c in range(layout[p]):
            title = f"{c + 1} {r.choice(HEADWORDS)}と{r.choice(NOUNS)}"
            body = chapter_body(r, p, c, layout)
            name = chapter_file(c)
            number = f"{c + 1}" if FLAT else f"{p + 1}.{c + 1}"
            write(os.path.join(site, slug, name), front(title, number) + body)
            write(os.path.join(zola, "content", slug, name), zola_front(title, number) + body)
            write(os.path.join(book, "src", slug, name), f"# {title}\n\n" + body)
            summary.append(f"{'' if FLAT else '  '}- [{title}]({os.path.join(slug, name)})")
            total += 1
    write(os.path.join(book, "src", "SUMMARY.md"), "\n".join(summary) + "\n")
    write(os.path.join(book, "book.toml"),
          '[book]\ntitle = "ベンチマーク"\nlanguage = "ja"\n\n[output.html]\n')
    return total, parts


def zola_front(title, number, section=False):
    sort = 'sort_by = "title"\n' if section else ""
    return f'+++\ntitle = {toml_str(title)}\n{sort}[extra]\nnumber = "{number}"\n+++\n\n'


def front(title, number):
    return f'+++\ntitle = {toml_str(title)}\nnumber = "{number}"\n+++\n\n'


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, required=True, help="number of chapters")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-part", type=int, default=50, help="chapters per part (folder), for --shape folders")
    ap.add_argument("--shape", choices=["folders", "flat"], default="folders")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    total, parts = generate(a.pages, a.seed, a.out, a.per_part, a.shape)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(a.out, "site")) for f in fs)
    print(f"gen_corpus: {total} chapters ({a.shape}) in {parts} parts, {size / 1024 / 1024:.1f} MiB ({size / max(total, 1) / 1024:.1f} KiB/chapter) -> {a.out}")


if __name__ == "__main__":
    main()
