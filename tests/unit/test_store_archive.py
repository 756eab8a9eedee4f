"""The archive folder: listing, the summary index cache, copies, paths."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

import pmtui.store.document as document_module
from pmtui.model import KeyMoment, PostMortem
from pmtui.model.timeline import set_key_time
from pmtui.store import Archive, PostMortemFile, default_dir, load, slugify
from pmtui.store.archive import INDEX_NAME
from pmtui.store.storage import backup_path
from tests.fixtures.build_sample import build_checkout_outage

SAMPLE = Path(__file__).resolve().parents[2] / "sample_sessions/checkout-outage.json"


def _pm(title: str, began: str) -> PostMortem:
    pm = build_checkout_outage()
    pm.incident.title = title
    at = pendulum.parse(began)
    assert isinstance(at, pendulum.DateTime)
    set_key_time(pm, KeyMoment.IMPACT_BEGAN, at)
    return pm


@pytest.fixture
def arch(tmp_path: Path) -> Archive:
    archive = Archive(tmp_path / "archive")
    for title, began in [
        ("Middle", "2026-05-01T10:00:00+00:00"),
        ("Newest", "2026-09-01T10:00:00+00:00"),
        ("Oldest", "2025-01-01T10:00:00+00:00"),
    ]:
        archive.create(_pm(title, began)).close()
    return archive


class LoadCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real = document_module.load

        def counting(path: Path) -> PostMortem:
            self.calls.append(path.name)
            return real(path)

        monkeypatch.setattr(document_module, "load", counting)  # read lazily

    def take(self) -> list[str]:
        calls, self.calls = sorted(self.calls), []
        return calls


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> LoadCounter:
    return LoadCounter(monkeypatch)


def test_entries_are_summaries_newest_first(arch: Archive) -> None:
    entries = arch.entries()
    assert [e.summary["title"] for e in entries if e.summary] == [
        "Newest",
        "Middle",
        "Oldest",
    ]
    first = entries[0]
    assert not first.broken and first.error is None and first.summary is not None
    assert first.path.name == "2026-09-01-newest.json"
    assert first.summary["severity"] == "P1"
    assert first.summary["owner"] == "Mei Lin"
    assert len(first.summary["actions"]) == 6


def test_broken_files_are_listed_with_their_error(arch: Archive) -> None:
    (arch.folder / "2026-10-01-broken.json").write_bytes(b"{ not json")
    (arch.folder / "2026-10-02-empty.json").write_bytes(b"")
    entries = arch.entries()
    broken = {e.path.name: e.error for e in entries if e.broken}
    assert set(broken) == {"2026-10-01-broken.json", "2026-10-02-empty.json"}
    assert "not valid JSON" in (broken["2026-10-01-broken.json"] or "")
    assert "empty" in (broken["2026-10-02-empty.json"] or "")
    good = [e.summary["title"] for e in entries if e.summary]
    assert good == ["Newest", "Middle", "Oldest"]
    assert (arch.folder / "2026-10-01-broken.json").read_bytes() == b"{ not json"


def test_index_is_reused_when_nothing_changed(
    arch: Archive, counter: LoadCounter
) -> None:
    first = arch.entries()
    assert len(counter.take()) == 3
    second = arch.entries()
    assert counter.take() == []
    assert second == first


def test_broken_file_error_is_cached_too(arch: Archive, counter: LoadCounter) -> None:
    (arch.folder / "zz.json").write_bytes(b"[]")
    arch.entries()
    assert "zz.json" in counter.take()
    entries = arch.entries()
    assert counter.take() == []
    assert [e.path.name for e in entries if e.broken] == ["zz.json"]


def test_changed_file_is_summarised_again(arch: Archive, counter: LoadCounter) -> None:
    arch.entries()
    counter.take()
    path = arch.folder / "2025-01-01-oldest.json"
    with PostMortemFile.open(path) as handle:
        handle.pm.incident.title = "Oldest, renamed"
        handle.save()
    entries = arch.entries()
    assert counter.take() == ["2025-01-01-oldest.json"]
    titles = [e.summary["title"] for e in entries if e.summary]
    assert titles[-1] == "Oldest, renamed"


def test_added_and_removed_files_update_the_index(
    arch: Archive, counter: LoadCounter
) -> None:
    arch.entries()
    counter.take()
    arch.delete(arch.folder / "2026-05-01-middle.json")
    arch.create(_pm("Added", "2026-10-10T00:00:00+00:00")).close()
    entries = arch.entries()
    assert counter.take() == ["2026-10-10-added.json"]
    assert [e.summary["title"] for e in entries if e.summary] == [
        "Added",
        "Newest",
        "Oldest",
    ]
    index = json.loads((arch.folder / INDEX_NAME).read_bytes())
    assert sorted(index["files"]) == [
        "2025-01-01-oldest.json",
        "2026-09-01-newest.json",
        "2026-10-10-added.json",
    ]


@pytest.mark.parametrize(
    "damage",
    [
        b"not json at all",
        b"",
        b"[]",
        b'{"version": 1, "files": []}',
        b'{"version": -5, "files": {}}',
    ],
)
def test_corrupt_index_is_ignored_and_rebuilt(
    arch: Archive, counter: LoadCounter, damage: bytes
) -> None:
    expected = arch.entries()
    counter.take()
    (arch.folder / INDEX_NAME).write_bytes(damage)
    assert arch.entries() == expected
    assert len(counter.take()) == 3
    arch.entries()
    assert counter.take() == []  # the rebuilt index is used again


def test_index_entries_of_the_wrong_shape_are_rebuilt(
    arch: Archive, counter: LoadCounter
) -> None:
    expected = arch.entries()
    counter.take()
    index_path = arch.folder / INDEX_NAME
    index = json.loads(index_path.read_bytes())
    names = sorted(index["files"])
    index["files"][names[0]]["summary"] = "not a summary"
    index["files"][names[1]] = ["not", "an", "entry"]
    del index["files"][names[2]]["summary"]
    index_path.write_text(json.dumps(index))
    assert arch.entries() == expected
    assert counter.take() == names


def test_progress_reports_files_being_read(arch: Archive) -> None:
    seen: list[tuple[int, int]] = []
    arch.entries(progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    seen.clear()
    arch.entries(progress=lambda done, total: seen.append((done, total)))
    assert seen == []


def test_files_lists_only_post_mortems(arch: Archive) -> None:
    path = arch.folder / "2026-09-01-newest.json"
    with PostMortemFile.open(path) as handle:
        handle.save()
    assert backup_path(path).exists()
    (arch.folder / "2026-09-01-newest.json.broken-20261120-100000").write_text("x")
    (arch.folder / "exports").mkdir()
    (arch.folder / "notes.txt").write_text("x")
    names = [p.name for p in arch.files()]
    assert names == [
        "2025-01-01-oldest.json",
        "2026-05-01-middle.json",
        "2026-09-01-newest.json",
    ]


def test_missing_folder_lists_nothing_and_creates_nothing(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "nowhere")
    assert archive.entries() == []
    assert not archive.folder.exists()


def test_path_for_never_reuses_a_name(arch: Archive) -> None:
    pm = _pm("Newest", "2026-09-01T10:00:00+00:00")
    assert arch.path_for(pm).name == "2026-09-01-newest-2.json"
    arch.create(pm).close()
    assert arch.path_for(pm).name == "2026-09-01-newest-3.json"


def test_add_copy_leaves_the_source_alone(tmp_path: Path) -> None:
    source = tmp_path / "sample.json"
    source.write_bytes(SAMPLE.read_bytes())
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    archive = Archive(tmp_path / "archive")
    copy = archive.add_copy(source)
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "sample.json"]
    assert copy.parent == archive.folder
    assert copy.name == "2026-11-18-checkout-payments-failing-after-certificate.json"
    assert load(copy) == load(source)


def test_default_dir_honours_pmtui_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PMTUI_HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home"
    monkeypatch.delenv("PMTUI_HOME")
    assert default_dir().name == "pmtui"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Checkout payments failing", "checkout-payments-failing"),
        ("  Zürich: DNS / TLS!! ", "zurich-dns-tls"),
        ("???", "post-mortem"),
        ("a" * 60, "a" * 48),
        ("word " * 20, "-".join(["word"] * 9)),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slugify(title)) <= 48


def test_new_post_mortems_get_the_team_statement(tmp_path: Path) -> None:
    from pmtui.clock import FixedClock
    from pmtui.model import new_postmortem
    from pmtui.store.settings import set_team_statement

    archive = Archive(tmp_path / "team")
    archive.ensure()
    set_team_statement(archive.folder, "We learn together; we never blame.")
    with archive.create(
        new_postmortem("DNS flap", FixedClock("2026-11-20T10:00Z"))
    ) as h:
        assert h.pm.tone.statement == "We learn together; we never blame."
