"""Prints the benchmark's figures (Markdown) from the runs listed in figures.tsv.

Each line of figures.tsv: part, engine, round, path of a Gatling HTML report, and for some
parts an extra value. The per-request statistics are read from the report's statistics table
(Gatling 3.14 writes no JSON of them): count, OK, KO, count per second, percentiles.
"""
import html
import re
import sys
from collections import defaultdict

COLUMNS = {2: "total", 3: "ok", 4: "ko", 6: "per_second", 8: "p50", 9: "p75", 10: "p95", 11: "p99", 12: "max",
           13: "mean"}


def read_report(path):
    """Request name -> {column: number} from a Gatling index.html."""
    text = open(path, encoding="utf-8").read()
    stats = {}
    for row in re.findall(r'<tr id="[^"]*"[^>]*>(.*?)</tr>', text, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', row, re.S)
        if not name:
            continue
        values = {}
        for column, value in re.findall(r'<td class="value [a-z ]*col-(\d+)">([^<]*)</td>', row):
            column = int(column)
            if column in COLUMNS:
                value = value.replace(",", "").strip()
                values[COLUMNS[column]] = float(value) if value not in ("", "-") else 0.0
        stats[html.unescape(name.group(1)).strip()] = values
    return stats


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2


def main(figures_path):
    runs = defaultdict(list)
    for line in open(figures_path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 4:
            continue
        part, engine, round_, report = fields[:4]
        extra = fields[4:]
        runs[part].append((engine, round_, read_report(report), extra))
    if runs.get("simple"):
        simple(runs["simple"])
    if runs.get("intake"):
        intake(runs["intake"])
    if runs.get("cases"):
        cases(runs["cases"])
    if runs.get("tasklist"):
        tasklist(runs["tasklist"], runs.get("growth", []))


def simple(runs):
    print("## The same model on each engine (user task, service task, user task; REST, 8 users)\n")
    print("| engine | round | instances/s | start p50/p95/p99 ms | complete p50/p95/p99 ms | find task p50/p95/p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    rate = defaultdict(dict)
    for engine, round_, stats, _ in runs:
        done = stats.get("complete second task", {})
        rate[round_][engine] = done.get("per_second", 0.0)
        errors = stats.get("All Requests", {}).get("ko", 0)

        def p(name):
            s = stats.get(name, {})
            return f"{s.get('p50', 0):.0f} / {s.get('p95', 0):.0f} / {s.get('p99', 0):.0f}"

        print(f"| {engine} | {round_} | {rate[round_][engine]:.1f} | {p('start')} | {p('complete first task')} | "
              f"{p('find first task')} | {errors:.0f} |")
    print()
    print("| round | Aftersales Flow ÷ bare secured (target ≥ 1.0) | Aftersales Flow ÷ bare open (target ≥ 0.8) | bare secured ÷ bare open |")
    print("|---|---|---|---|")
    for round_, engines in sorted(rate.items()):
        ours, secured, open_ = (engines.get(k, 0.0) for k in ("aftersales", "bare-secured", "bare-open"))
        print(f"| {round_} | {ratio(ours, secured)} | {ratio(ours, open_)} | {ratio(secured, open_)} |")
    print()


def intake(runs):
    print("## Case intake against the secured bare engine's process starts (8 users)\n")
    print("| round | bare secured: starts/s (p50/p95/p99 ms) | Aftersales Flow: cases/s through POST /api/cases (p50/p95/p99 ms) | database commits per case | ratio (target ≥ 0.5) |")
    print("|---|---|---|---|---|")
    by_round = defaultdict(dict)
    for engine, round_, stats, extra in runs:
        by_round[round_][engine] = (stats, extra)
    for round_, engines in sorted(by_round.items()):
        bare = engines.get("bare-secured", ({}, []))[0].get("start", {})
        ours_stats, ours_extra = engines.get("aftersales", ({}, []))
        ours = ours_stats.get("open case", {})
        commits = float(ours_extra[0]) / ours.get("ok", 0) if ours_extra and ours.get("ok") else 0
        print(f"| {round_} | {bare.get('per_second', 0):.1f} ({percentiles(bare)}) | {ours.get('per_second', 0):.1f} "
              f"({percentiles(ours)}) | {commits:.1f} | {ratio(ours.get('per_second', 0), bare.get('per_second', 0))} |")
    print()


def cases(runs):
    print("## Whole cases through the API and the forms' task completions (8 users)\n")
    print("| kind | round | cases/s | case p50/p95/p99 ms per request | database commits per case | closed cases | history bytes per closed case (target ≤ 20 KB for consultation) |")
    print("|---|---|---|---|---|---|---|")
    for kind, round_, stats, extra in runs:
        rating = stats.get("customer's rating", {})
        done = rating.get("ok", 0)
        commits = float(extra[0]) / done if extra and done else 0
        closed, history = (int(extra[1]), int(extra[2])) if len(extra) >= 3 else (0, 0)
        per_case = history / closed if closed else 0
        print(f"| {kind} | {round_} | {rating.get('per_second', 0):.2f} | {percentiles(stats.get('All Requests', {}))} | "
              f"{commits:.1f} | {closed} | {per_case / 1024:.1f} KB |")
    print()


def tasklist(runs, growth):
    print("## Tasklist's own requests as staff users (service, lead; 8 sessions), and intake, as the database grows\n")
    print("| open tasks in the queue | the filters p50/p95 ms | one filter's count p50/p95 ms | Offered to me, first page p50/p95 ms | group queue, first page p50/p95 ms (target p95 < 50) | errors | case intake cases/s |")
    print("|---|---|---|---|---|---|---|")
    intake_at = {size: stats.get("open case", {}).get("per_second", 0) for size, _, stats, _ in growth}
    for size, _, stats, _ in runs:
        label = size.replace("+history", " + 1 000 000 historic instances")
        def p(name):
            s = stats.get(name, {})
            return f"{s.get('p50', 0):.0f} / {s.get('p95', 0):.0f}"
        errors = stats.get("All Requests", {}).get("ko", 0)
        print(f"| {label} | {p('filters')} | {p('filter count')} | {p('offered to me, first page')} | "
              f"{p('group queue, first page')} | {errors:.0f} | {intake_at.get(size, 0):.1f} |")
    print()


def percentiles(s):
    return f"{s.get('p50', 0):.0f} / {s.get('p95', 0):.0f} / {s.get('p99', 0):.0f}"


def ratio(a, b):
    return f"{a / b:.2f}" if b else "–"


if __name__ == "__main__":
    main(sys.argv[1])
