"""`pmtui search QUERY`: words and filters across the archive, ranked, each
result saying why it matched. Reads the lean cache's post-mortems and words
(not its actions): a quick sieve over all the words at once
(:mod:`pmtui.model.sieve`), then the full match on the few that pass. No
textual."""

from __future__ import annotations

import argparse

from pmtui.cli import UsageError, add_dir_option
from pmtui.commands._archive import cut, load_archive, one_line, width, write
from pmtui.model.search import QueryError, parse_query, search

# what matching and the results need of a post-mortem (read only those)
RECORD_FIELDS = (
    "title",
    "severity",
    "status",
    "created",
    "incident_date",
    "day",
    "services",
    "tags",
    "owners",
)


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help="words (all must be found) and filters tag:T service:S severity:P1 "
        'status:published owner:NAME; values may be quoted (owner:"Priya Raman") '
        "or list alternatives (severity:P0,P1)",
    )
    add_dir_option(parser)
    parser.add_argument(
        "--limit", type=int, default=20, metavar="N", help="at most N results (20)"
    )


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("pmtui search: --limit must be at least 1")
    try:
        query = parse_query(" ".join(args.query))
    except QueryError as error:
        raise UsageError(f"pmtui search: {error}") from None
    if query.empty:
        raise UsageError("pmtui search: give a word or a filter such as tag:tls")
    lean = load_archive(args, posts=RECORD_FIELDS, actions=False, words=True)
    assert lean.words is not None
    found = lean.words.matching(query)  # a quick sieve over all the words at once
    hits = search([(lean.keys[i], lean.record(i)) for i in found], query)
    if not hits:
        write("No post-mortem matches.\n")
        return 0
    room = (width() or 10_000) - 4
    lines = []
    for n, hit in enumerate(hits[: args.limit], 1):
        record = hit.record
        day = record.get("day") or ""  # in the post-mortem's own zone
        facts = f"{record.get('severity') or '?'} · {day} · {record.get('status')}"
        lines.append(
            f"{n:>2}. {cut(one_line(hit.title), room - len(facts) - 3)}  [{facts}]"
        )
        lines.append(f"    {cut('why: ' + '; '.join(hit.reasons), room)}")
        lines.append(f"    {lean.path(hit.key)}")
    more = len(hits) - args.limit
    shown = f"{min(len(hits), args.limit)} of {len(hits)} shown (--limit)"
    lines.append(shown if more > 0 else f"{len(hits)} found")
    write("\n".join(lines) + "\n")
    return 0
