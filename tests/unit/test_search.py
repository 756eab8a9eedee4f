"""Search: query parsing, filters, ranking with reasons, similar incidents, and
the lean cache the command line reads (on a generated archive)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate_archive
from pmtui.model import iter_whys, lean, summary
from pmtui.model.lean import lean_record, tokens
from pmtui.model.search import Query, QueryError, parse_query, search
from pmtui.model.session import PostMortem
from pmtui.model.sieve import WordRows, sieve, sieve_text
from pmtui.model.similar import similar_incidents
from pmtui.store import Archive, load
from pmtui.store.lean_index import load_lean


def record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "title": "",
        "severity": "P2",
        "status": "draft",
        "incident_date": "2026-01-01T00:00:00+00:00",
        "tags": [],
        "services": [],
        "owner": "",
        "actions": [],
        "root_words": [],
        "words": {},
    }
    return {**base, **fields}


def test_lean_version_follows_the_summary_shape() -> None:
    assert lean.BUILT_FOR_SUMMARY == summary.SUMMARY_VERSION


class TestParse:
    def test_words_and_filters(self) -> None:
        q = parse_query(
            'TLS expiry tag:certificates owner:"Priya Raman" severity:p0,P1'
        )
        assert q.terms == ("tls", "expiry")
        assert q.filters == (
            ("tag", ("certificates",)),
            ("owner", ("priya raman",)),
            ("severity", ("P0", "P1")),
        )

    def test_unknown_key_is_words(self) -> None:
        assert parse_query("http://x.example").terms == ("http", "x", "example")

    @pytest.mark.parametrize(
        ("text", "message"),
        [("tag:", "tag: needs a value"), ("severity:P9", "not P9"), ("status:x", "x")],
    )
    def test_bad_filters_say_why(self, text: str, message: str) -> None:
        with pytest.raises(QueryError, match=message):
            parse_query(text)

    def test_empty(self) -> None:
        assert parse_query("  ").empty
        assert not parse_query("x").empty


class TestRanking:
    def test_title_outranks_timeline_and_reasons_say_where(self) -> None:
        recs = [
            ("a.json", record(title="Queue stuck", words={"timeline": " tls down "})),
            ("b.json", record(title="TLS certificate expired")),
        ]
        hits = search(recs, parse_query("tls"))
        assert [h.key for h in hits] == ["b.json", "a.json"]
        assert hits[0].reasons == ("title matched 'tls'",)
        assert hits[1].reasons == ("timeline matched 'tls'",)

    def test_start_of_a_word_matches_and_names_the_word(self) -> None:
        hits = search([("a", record(title="Certificate expired"))], parse_query("cert"))
        assert hits[0].reasons == ("title matched 'cert' (certificate)",)

    def test_every_word_must_match(self) -> None:
        recs = [("a", record(title="TLS outage")), ("b", record(title="TLS"))]
        assert [h.key for h in search(recs, parse_query("tls outage"))] == ["a"]

    def test_equal_scores_newest_first(self) -> None:
        recs = [
            ("old", record(title="dns", incident_date="2025-01-01T00:00:00+00:00")),
            ("new", record(title="dns", incident_date="2026-01-01T00:00:00+00:00")),
        ]
        assert [h.key for h in search(recs, parse_query("dns"))] == ["new", "old"]

    def test_filters(self) -> None:
        recs = [
            ("a", record(tags=["TLS"], severity="P1", owner="Priya Raman")),
            ("b", record(tags=["dns"], severity="P1", status="published")),
            ("c", record(actions=[{"owner": "Sam Priyadarshi", "status": "open"}])),
        ]
        assert [h.key for h in search(recs, parse_query("tag:tls"))] == ["a"]
        hits = search(recs, parse_query("severity:P1 status:published"))
        assert [h.key for h in hits] == ["b"]
        assert hits[0].reasons == ("severity P1", "status published")
        owners = search(recs, parse_query("owner:priya"))
        assert sorted(h.key for h in owners) == ["a", "c"]

    def test_sieve_never_drops_a_match(self) -> None:
        rec = record(
            title="TLS",
            tags=["Certificates", "config  change"],
            services=["cdn\tedge"],
            severity="P1",
            owner="Priya\n Raman",
            actions=[{"owner": "Sam Okafor", "status": "open"}],
            words={"timeline": " rolled back "},
        )
        text = sieve_text(rec)
        assert "\n" not in text
        queries = (
            "tls",
            "tl",
            "roll",
            "tag:certificates",
            'tag:"config  change"',
            "service:CDN",
            "severity:p1",
            'owner:"priya raman"',
            "owner:raman",
            "owner:okafor,nobody",
            "owner:nobody",
            "kafka",
            "ls",
        )
        for q in queries:
            query = parse_query(q)
            assert bool(search([("a", rec)], query)) <= sieve(query)(text), q
        for q in ("kafka", "ls", "owner:nobody", "tag:dns", "status:published"):
            assert not sieve(parse_query(q))(text), q


def test_word_rows_find_each_line_once() -> None:
    rows = WordRows(b" tls tls \t\n cert \n\n tls x\n", [10, 17, 18, 25])
    assert [rows.line(i) for i in range(4)] == [" tls tls \t", " cert ", "", " tls x"]
    assert rows.matching(parse_query("tls")) == [0, 3]
    assert rows.matching(parse_query("tls cert")) == []
    assert rows.matching(parse_query("x")) == [3]
    assert WordRows(b"\n", []).matching(parse_query("tls")) == []
    text = " café ünïcode\n ça\n".encode()
    unicode = WordRows(text, [text.index(b"\n"), len(text) - 1])
    assert unicode.line(0) == " café ünïcode" and unicode.line(1) == " ça"
    assert unicode.matching(parse_query("ça")) == [1]
    assert unicode.matching(parse_query("ünï")) == [0]


class TestOnAGeneratedArchive:
    @pytest.fixture(scope="class")
    def folder(self, tmp_path_factory: pytest.TempPathFactory) -> Path:
        folder = tmp_path_factory.mktemp("gen") / "archive"
        generate_archive(folder, 40, seed=5)
        return folder

    @pytest.fixture(scope="class")
    def pms(self, folder: Path) -> dict[str, PostMortem]:
        return {p.name: load(p) for p in Archive(folder).files()}

    def test_a_tag_filter_finds_exactly_the_tagged(
        self, folder: Path, pms: dict[str, PostMortem]
    ) -> None:
        tagged = {n for n, pm in pms.items() if "tls" in pm.incident.tags}
        assert tagged
        hits = search(load_lean(folder).records, parse_query("tag:tls"))
        assert {h.key for h in hits} == tagged

    def test_words_match_where_the_text_is(
        self, folder: Path, pms: dict[str, PostMortem]
    ) -> None:
        def has(pm: PostMortem, word: str) -> bool:
            texts = [pm.incident.title, pm.incident.summary]
            texts += [e.text for e in pm.timeline] + [a.text for a in pm.actions]
            texts += [f.text for f in pm.causes.factors] + [pm.causes.trigger]
            texts += [n.text for n, _ in iter_whys(pm.causes.whys)]
            texts += pm.incident.tags + pm.incident.services
            return any(w.startswith(word) for t in texts for w in tokens(t))

        records = load_lean(folder, words=True).records
        for word in ("certificate", "canary", "runbook"):
            expected = {n for n, pm in pms.items() if has(pm, word)}
            assert {h.key for h in search(records, parse_query(word))} == expected

    @pytest.mark.parametrize(
        "text",
        [
            "cert",
            "tag:tls",
            "owner:priya severity:P1,P2",
            'owner:"Sam Okafor" roll',
            "status:published",
            "tag:dns,tls canary",
            "5xx",
        ],
    )
    def test_the_sieve_on_the_cache_keeps_every_match(
        self, folder: Path, text: str
    ) -> None:
        """What `pmtui search` does (sieve the cached words, match the rest)
        finds what matching every full record finds."""
        query = parse_query(text)
        lean_archive = load_lean(folder, words=True)
        words = lean_archive.words
        assert words is not None
        keep = sieve(query)
        lines = words.lines()
        assert lines == [words.line(i) for i in range(len(words))]
        kept = words.matching(query)
        assert kept == [i for i, line in enumerate(lines) if keep(line)]
        quick = search(
            [(lean_archive.keys[i], lean_archive.record(i)) for i in kept], query
        )
        full = search(lean_archive.records, query)
        assert full
        assert [(h.key, h.score, h.reasons) for h in quick] == [
            (h.key, h.score, h.reasons) for h in full
        ]

    def test_service_in_title_ranks_first(self, folder: Path) -> None:
        records = load_lean(folder, words=True).records
        hits = search(records, parse_query("kafka"))
        assert hits
        in_title = [h for h in hits if "kafka" in h.title.lower()]
        assert hits[: len(in_title)] == in_title
        assert all(h.reasons[0].startswith("title matched") for h in in_title)


class TestSimilar:
    def test_earlier_with_shared_tags_services_or_cause_words(self) -> None:
        me = record(
            tags=["tls"],
            services=["cdn"],
            root_words=["expiry", "inbox", "alert"],
            incident_date="2026-06-01T00:00:00+00:00",
        )
        recs = [
            ("me.json", me),
            ("later.json", record(tags=["tls"], incident_date="2026-07-01T00:00Z")),
            ("tag.json", record(tags=["TLS"], actions=[{"status": "open"}])),
            ("svc.json", record(services=["cdn"])),
            ("words.json", record(root_words=["expiry", "inbox"])),
            ("oneword.json", record(root_words=["alert"])),
            ("none.json", record(tags=["dns"])),
        ]
        found = similar_incidents(me, recs, exclude="me.json")
        assert [s.key for s in found] == ["tag.json", "svc.json", "words.json"]
        assert found[0].reason == "tags TLS"
        assert found[2].reason == "cause words expiry, inbox"
        assert len(found[0].open_actions) == 1

    def test_root_words_come_from_marked_root_causes(
        self, sample_pm: PostMortem
    ) -> None:
        lean_rec = lean_record(summary.summarize(sample_pm))
        assert lean_rec["root_words"]
        assert "the" not in lean_rec["root_words"]
        assert Query() == parse_query("")
