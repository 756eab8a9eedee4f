"""The lean cache: its text format, that it says what the files say, that a
changed, added or removed file is noticed, and that a damaged cache is only
ever rebuilt, never believed or fatal."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate_archive
from pmtui.clock import FixedClock
from pmtui.model import ActionStatus, lean, new_postmortem
from pmtui.model.actions import add_action
from pmtui.model.search import parse_query, search
from pmtui.model.summary import summarize
from pmtui.store import Archive, PostMortemFile, load
from pmtui.store.lean_format import (
    PARTS,
    esc,
    list_cell,
    read_column,
    split_list,
    unesc,
)
from pmtui.store.lean_index import LEAN_NAME, load_lean

AWKWARD = [
    "",
    "plain",
    "tab\there",
    "new\nline",
    "cr\rlf\r\n",
    "back\\slash \\t not a tab",
    "unit\x1fseparator",
    "\\",
    "ends with \\",
    "lone \ud800 surrogate",
    "émoji 🔥 and\u2028line separator",
]


class TestFormat:
    @pytest.mark.parametrize("text", AWKWARD)
    def test_a_cell_comes_back_as_it_was(self, text: str) -> None:
        cell = esc(text)
        assert not any(c in cell for c in "\t\n\r\x1f")
        assert unesc(cell) == text

    def test_columns_and_lists(self) -> None:
        line = "\t".join(map(esc, AWKWARD))
        assert read_column(line, len(AWKWARD)) == AWKWARD
        cells = [list_cell(AWKWARD[1:]), list_cell([]), list_cell(["one"])]
        stored = read_column("\t".join(cells), 3, lists=True)
        assert [split_list(c) for c in stored] == [AWKWARD[1:], [], ["one"]]

    @pytest.mark.parametrize(
        ("line", "count"), [("a\tb", 3), ("a", 0), ("bad \\q escape", 1), ("\\", 1)]
    )
    def test_a_damaged_column_is_refused(self, line: str, count: int) -> None:
        with pytest.raises(ValueError):
            read_column(line, count)


def awkward_archive(archive: Archive, clock: FixedClock) -> None:
    """Post-mortems whose text holds every character the format escapes."""
    for n, text in enumerate(AWKWARD[1:]):
        pm = new_postmortem(f"Outage {n}: {text}", clock, timezone="UTC")
        pm.incident.tags = [text, "tls"] if text.strip() else ["tls"]
        pm.incident.services = [f"svc {text}"]
        pm.next_steps.owner = text
        pm.next_steps.follow_up = date(2026, 11, 1 + n)
        action = add_action(pm, f"Do {text}", owner=text, due=date(2026, 11, 1 + n))
        action.link = text  # as a file edited elsewhere may have it
        add_action(pm, "Undated", owner="Priya Raman")
        with archive.create(pm):
            pass


def expected(folder: Path) -> dict[str, dict[str, Any]]:
    """The lean records the files themselves give."""
    records = {}
    for entry in Archive(folder).entries():
        if entry.summary is not None:
            records[entry.path.name] = lean.lean_record(entry.summary)
    return records


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """A lean record with its actions in a fixed order (the cache keeps
    them in the tracker's order) and no words (compared apart)."""
    found = {k: v for k, v in record.items() if k not in ("words", "actions")}
    found["actions"] = sorted(
        ({**a, "due": a["due"] or None} for a in record["actions"]),
        key=lambda a: a["id"],
    )
    return found


class TestContents:
    def test_records_are_what_the_files_say(
        self, archive: Archive, clock: FixedClock
    ) -> None:
        generate_archive(archive.folder, 12, seed=11)
        awkward_archive(archive, clock)
        want = expected(archive.folder)
        for _ in range(2):  # rebuilt, then read back from the file
            got = load_lean(archive.folder, words=True)
            assert {k for k, _ in got.records} == set(want)
            for key, record in got.records:
                assert comparable(record) == comparable(want[key])
                assert record["words"] == want[key]["words"]
        assert not got.rebuilt

    def test_records_newest_incident_first(self, archive: Archive) -> None:
        generate_archive(archive.folder, 8, seed=12)
        records = load_lean(archive.folder).records
        days = [r["incident_date"] or r["created"] for _, r in records]
        assert days == sorted(days, reverse=True)

    def test_sections_not_asked_for_are_not_read(self, archive: Archive) -> None:
        generate_archive(archive.folder, 3, seed=13)
        load_lean(archive.folder)
        lean_archive = load_lean(archive.folder, actions=False)
        assert lean_archive.actions is None and lean_archive.words is None
        assert len(lean_archive.keys) == 3
        assert all("actions" not in r for _, r in lean_archive.records)

    def test_an_empty_archive(self, archive: Archive) -> None:
        for _ in range(2):
            empty = load_lean(archive.folder, words=True)
            assert empty.records == [] and empty.keys == [] and empty.broken == []
            assert empty.actions is not None and len(empty.actions) == 0


class TestStale:
    @pytest.fixture
    def folder(self, archive: Archive) -> Path:
        generate_archive(archive.folder, 4, seed=2)
        assert load_lean(archive.folder).rebuilt
        assert not load_lean(archive.folder).rebuilt
        return archive.folder

    def titles(self, folder: Path) -> set[str]:
        found = load_lean(folder)
        assert found.rebuilt
        return {r["title"] for _, r in found.records}

    def test_a_changed_file(self, folder: Path) -> None:
        path = Archive(folder).files()[1]
        with PostMortemFile.open(path) as handle:
            handle.pm.incident.title = "Renamed outage"
            handle.save()
        assert "Renamed outage" in self.titles(folder)

    def test_a_file_changed_in_place_with_the_same_size(self, folder: Path) -> None:
        path = Archive(folder).files()[0]
        before = path.stat()
        text = path.read_text()
        old = load(path).incident.title
        new = old[::-1]
        path.write_text(text.replace(f'"{old}"', f'"{new}"'))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1))
        assert path.stat().st_size == before.st_size
        assert new in self.titles(folder)

    def test_an_added_and_a_removed_file(self, folder: Path) -> None:
        first, second = Archive(folder).files()[:2]
        gone = load(first).incident.title
        first.unlink()
        copy = folder / "copy.json"
        copy.write_bytes(second.read_bytes())
        titles = self.titles(folder)
        assert gone not in titles
        assert len(load_lean(folder).records) == 4  # the copy counts

    def test_a_renamed_file(self, folder: Path) -> None:
        path = Archive(folder).files()[0]
        path.rename(folder / "renamed.json")
        found = load_lean(folder)
        assert found.rebuilt and "renamed.json" in found.keys

    def test_a_stamp_that_only_starts_alike(self, folder: Path) -> None:
        """size 12 and size 123 must not be mistaken for each other."""
        cache = folder / LEAN_NAME
        data = cache.read_bytes()
        line = data.split(b"\n")[1]
        name, size, mtime, inode = line.split(b"\t")
        cache.write_bytes(
            data.replace(line, b"\t".join((name, size, mtime, inode[:-1])))
        )
        assert load_lean(folder).rebuilt


def in_part(name: str, change: Any) -> Any:
    """A damage that applies ``change`` to one part of the cache only."""

    def damage(data: bytes) -> bytes:
        head, _, rest = data.partition(b"\n")
        sizes = [int(s) for s in head.split(b" ")[-len(PARTS) :]]
        n = PARTS.index(name)
        start = sum(sizes[:n])
        part = rest[start : start + sizes[n]]
        changed = change(part)
        assert changed != part
        return head + b"\n" + rest[:start] + changed + rest[start + sizes[n] :]

    return damage


def month_13(part: bytes) -> bytes:
    """Month 13 in the first day of a column of days."""
    day = part.split(b"\t")[0]
    assert len(day) == 10, day
    return part.replace(day, day[:5] + b"13" + day[7:], 1)


class TestDamaged:
    @pytest.fixture
    def folder(self, archive: Archive) -> Path:
        generate_archive(archive.folder, 3, seed=3)
        load_lean(archive.folder)
        return archive.folder

    @pytest.mark.parametrize(
        "damage",
        [
            lambda d: d[: len(d) // 2],  # cut short
            lambda d: d + b"x",  # longer than its header says
            lambda d: b"",
            lambda d: b"\xff\x00garbage",
            lambda d: d.replace(b"pmtui lean index", b"pmtui lean index 0.9", 1),
            in_part("post.key", lambda p: p.replace(b"\t", b" ", 1)),  # a cell short
            in_part("post.title", lambda p: p.replace(b"\t", b"\\", 1)),  # escape
            in_part("post.key", lambda p: p[:-1] + b" "),  # runs into the next
            in_part("action.owner", lambda p: p.replace(b"\t", b"", 1) + b" "),
            in_part("action.due", month_13),  # not a day: days are counted
            in_part("post.follow_up", month_13),
            in_part("words", lambda p: p.replace(b"\n", b" ", 1)),  # a line short
            in_part("action.status", lambda p: p.replace(b"done", b"\xff\xfe\xfd\xfc")),
            in_part("broken", lambda p: b"x" + p),
            in_part("action.status", lambda p: p[:-2] + b"~\n"),  # a code of nothing
            in_part("action.owner", lambda p: p[:-2] + b"\n"),  # a code short
            in_part("action.type", lambda p: p.replace(b"\n", b" ", 1)),  # no codes
        ],
    )
    def test_it_is_rebuilt_never_believed(self, folder: Path, damage: Any) -> None:
        cache = folder / LEAN_NAME
        good = cache.read_bytes()
        cache.write_bytes(damage(good))
        found = load_lean(folder, words=True)
        assert found.rebuilt and len(found.records) == 3
        assert cache.read_bytes() == good  # and written again

    def test_words_that_are_not_utf8_never_stop_search(self, folder: Path) -> None:
        """Search's words are read as bytes, not checked: a damaged byte
        there shows as U+FFFD and nothing fails."""
        cache = folder / LEAN_NAME
        damage = in_part("words", lambda p: p.replace(b"e", b"\xff"))
        cache.write_bytes(damage(cache.read_bytes()))
        found = load_lean(folder, words=True)
        assert not found.rebuilt and found.words is not None
        assert "\ufffd" in found.words.line(0)
        assert len(search(found.records, parse_query("re"))) <= 3

    def test_a_cache_that_cannot_be_written_or_read(self, archive: Archive) -> None:
        generate_archive(archive.folder, 2, seed=5)
        (archive.folder / LEAN_NAME).mkdir()  # in the way: neither read nor written
        for _ in range(2):
            found = load_lean(archive.folder)
            assert found.rebuilt and len(found.records) == 2

    def test_broken_files_are_listed_apart(self, archive: Archive) -> None:
        generate_archive(archive.folder, 1, seed=4)
        (archive.folder / "bad.json").write_text("{not json")
        for _ in range(2):
            result = load_lean(archive.folder)
            assert [n for n, _ in result.broken] == ["bad.json"]
            assert len(result.records) == 1


def test_closing_an_action_is_seen(archive: Archive, clock: FixedClock) -> None:
    pm = new_postmortem("Queue stuck", clock, timezone="UTC")
    add_action(pm, "Alert on lag", due=date(2026, 11, 1))
    with archive.create(pm) as handle:
        path = handle.path
    assert load_lean(archive.folder).records[0][1]["actions"][0]["status"] == "open"
    with PostMortemFile.open(path) as handle:
        handle.pm.actions[0].status = ActionStatus.DONE
        handle.save()
    assert load_lean(archive.folder).records[0][1]["actions"][0]["status"] == "done"


def test_every_summary_field_a_record_needs_is_kept(sample_pm: Any) -> None:
    record = lean.lean_record(summarize(sample_pm))
    assert record["owners"][0] == sample_pm.next_steps.owner
    assert set(record["owners"]) == {sample_pm.next_steps.owner} | {
        a.owner for a in sample_pm.actions
    }
