"""The blameless-language hint engine, table-driven."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

from pmtui.model.blameless import (
    PhraseBook,
    PhraseBookError,
    clause_starts,
    find_hint,
    find_hints,
    name_variants,
    parse_phrase_book,
)
from pmtui.model.whys import walk
from pmtui.store.team_phrases import (
    TEAM_PHRASES_NAME,
    builtin_phrase_book,
    phrase_book,
)

NAMES = ["Mei Lin", "Lena Hoffmann", "Priya Raman", "Jonas Weber", "Sam Okafor"]


@pytest.fixture(scope="module")
def book() -> PhraseBook:
    return builtin_phrase_book()


def _raw_entries() -> list[dict[str, object]]:
    text = resources.files("pmtui").joinpath("data", "blameless.toml").read_text()
    entries: list[dict[str, object]] = tomllib.loads(text)["phrase"]
    return entries


def _every_phrasing() -> list[tuple[str, bool]]:
    found = []
    for entry in _raw_entries():
        match = entry["match"]
        phrasings = [match] if isinstance(match, str) else match
        assert isinstance(phrasings, list)
        found.extend((str(p), entry.get("subject") == "person") for p in phrasings)
    return found


# -- each phrase is caught -------------------------------------------------------


@pytest.mark.parametrize(("phrasing", "person"), _every_phrasing())
def test_every_phrasing_in_the_data_file_is_caught(
    book: PhraseBook, phrasing: str, person: bool
) -> None:
    words = phrasing.replace("*'s", "Jonas's").replace("*", "ly")
    text = f"He {words} the renewal" if person else f"Honestly, {words} here."
    hint = find_hint(text, book, names=NAMES)
    assert hint is not None, text
    assert hint.matched.casefold() == words.casefold()
    assert hint.suggestion and hint.matched in hint.message


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Root cause: human error during the rotation.", "human error"),
        ("Classic Human  Error, nothing more", "Human  Error"),
        ("It was Jonas's fault", "Jonas's fault"),
        ("It was Jonas’s fault", "Jonas’s fault"),
        ("nobody is at fault here", "at fault"),
        ("Jonas should have checked the chain", "should have"),
        ("The on-call should've rolled back sooner", "should've"),
        ("she shouldn't have merged it on a Friday", "shouldn't have"),
        ("Anyone should have known the CA changed", "should have known"),
        ("Priya failed to renew the certificate", "failed to"),
        ("the reviewer failed to spot the missing intermediate", "failed to"),
        ("At 09:30 he failed to page payments", "failed to"),
        ("A careless change to the routing rules", "careless"),
        ("He carelessly pushed the secret", "carelessly"),
        ("Somebody forgot to update the routing rule", "forgot to"),
        ("They forgot about the staging CA", "forgot about"),
        ("Why did you restart the pods?", "Why did you"),
        ("why didn't you page payments?", "why didn't you"),
        ("The engineer ignored the alert", "ignored"),
        ("Sam fat-fingered the rollback command", "fat-fingered"),
    ],
)
def test_phrases_in_context(book: PhraseBook, text: str, matched: str) -> None:
    hint = find_hint(text, book, names=NAMES)
    assert hint is not None
    assert text[hint.start : hint.end] == hint.matched == matched
    assert not hint.name


@pytest.mark.parametrize(
    "text",
    [
        "The health check failed to detect the expired certificate",
        "The deploy failed to roll back because of a missing permission",
        "The alert should have fired at 09:04 but the threshold was 5%",
        "Routing should have been updated when payments got its own rotation",
        "The warning was ignored by the dashboard's aggregation",
        "The job failed to start after the node was drained",
    ],
)
def test_person_phrases_need_a_person_as_subject(book: PhraseBook, text: str) -> None:
    assert find_hint(text, book, names=NAMES, cause=True) is None


# -- names only as the subject of a cause -----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jonas deployed the bad cert", "Jonas"),
        ("Jonas Weber deployed the bad cert", "Jonas Weber"),
        ("jonas deployed the bad cert", "jonas"),
        ("The cert expired because Sam rotated it early", "Sam"),
        ("The alert fired; Mei acknowledged it and went back to sleep", "Mei"),
        ("Priya merged the job, and then Jonas approved it", "Priya"),
        ("Then Lena restarted the gateway", "Lena"),
        ("The chain was short — Jonas copied only the leaf", "Jonas"),
        ("Jonas and Priya skipped the staging run", "Priya"),
        ("At 09:02 Sam rotated the certificate", "Sam"),
        ("09:44 Lena started the rollback without a dry run", "Lena"),
        ("Then, at 10am, Mei merged the routing change", "Mei"),
    ],
)
def test_a_name_as_subject_of_a_cause_is_flagged(
    book: PhraseBook, text: str, name: str
) -> None:
    hint = find_hint(text, book, names=NAMES, cause=True)
    assert hint is not None
    assert hint.name and hint.matched == name
    assert "system allowed" in hint.message


@pytest.mark.parametrize(
    "text",
    [
        "The payments on-call paged Jonas at 09:21",
        "Escalated to Priya Raman and Sam",
        "Jonas's script copies only the leaf certificate",
        "Jonas’ review came after the rotation",
        "Rollback approved by Lena at 09:44",
        "Handed over to Mei, who rolled back the secret",
        "Mei at 09:21 declared the incident",
        "The rotation job ran on the Jonas-2 runner",
    ],
)
def test_a_name_not_as_subject_is_not_flagged(book: PhraseBook, text: str) -> None:
    assert find_hint(text, book, names=NAMES, cause=True) is None


def test_a_name_as_subject_outside_a_cause_is_not_flagged(book: PhraseBook) -> None:
    text = "Jonas led the call calmly"
    assert find_hint(text, book, names=NAMES, cause=False) is None
    assert find_hint(text, book, names=NAMES, cause=True) is not None
    assert find_hint(text, book, names=(), cause=True) is None


# -- no hint on ordinary post-mortem sentences ------------------------------------

NEUTRAL = [
    "cert-manager rotated the client certificate used by checkout-api",
    "First TLS handshake failures appear in checkout-api logs",
    "The error-rate alert fired and was routed to the platform on-call",
    "Support escalated a spike of customer tickets in #incidents",
    "Payments on-call paged by hand; incident declared",
    "Incident commander assigned; status page updated",
    "The first hypothesis (a gateway outage) was ruled out with the provider",
    "The intermediate CA bundle was missing from the rotated secret",
    "The rollback was blocked for 4 minutes by a missing permission",
    "The previous certificate was restored and the error rate fell",
    "A fixed bundle was deployed and verified with a canary",
    "The rotation job copies only the leaf certificate into the secret",
    "The job was written for a CA that needed no intermediate",
    "Staging still used the old CA, so a staging run would not have shown it",
    "Routing rules were not updated when payments got its own rotation",
    "The on-call role lacked the permission to roll back a secret",
    "A configuration change pushed to the edge caused CPU exhaustion",
    "The database failover took 11 minutes because replication lag was high",
    "Disk usage on the primary reached 100% and writes stopped",
    "A regular expression in the WAF rules backtracked catastrophically",
    "The command to remove a small number of servers removed a larger set",
    "Capacity in the index subsystem had not been restarted for years",
    "Backups had been silently failing since the upgrade",
    "The load balancer kept sending traffic to unhealthy instances",
    "DNS TTLs of one hour slowed the recovery",
    "A retry storm from mobile clients amplified the load",
    "The runbook did not cover certificate chains",
    "The dashboard showed averages, which hid the failing region",
    "We rolled back the release at 14:32 and traffic recovered",
    "We got lucky: it happened before the Black Friday peak",
    "The provider answered within 5 minutes",
    "Once permitted, the rollback took 7 minutes",
    "The status page was kept current throughout",
    "Nobody was paged for 17 minutes because the alert went to another team",
    "Feature flags let us turn off the new path without a deploy",
    "The canary caught the bad build in the second region",
    "git blame pointed at the change that introduced the timeout",
    "The migration locked the orders table for 40 seconds",
    "An expired token made the cron job exit with code 1",
    "The failover script assumed the replica was in the same zone",
    "At 09:11 the alert fired and went to the platform on-call",
    "09:44 rollback started; blocked 4 minutes by a missing permission",
]


def test_the_neutral_set_is_large_enough() -> None:
    assert len(NEUTRAL) >= 30


@pytest.mark.parametrize("text", NEUTRAL)
def test_no_hint_on_neutral_sentences(book: PhraseBook, text: str) -> None:
    assert find_hints(text, book, names=NAMES, cause=True) == []


def test_no_hint_anywhere_in_the_sample(book: PhraseBook, sample_pm) -> None:
    names = [p.name for p in sample_pm.incident.participants]
    causes = [n.text for n, _ in walk(sample_pm.causes.whys)]
    causes += [f.text for f in sample_pm.causes.factors]
    causes.append(sample_pm.causes.trigger)
    for text in causes:
        assert find_hint(text, book, names=names, cause=True) is None, text
    others = [e.text for e in sample_pm.timeline]
    reflection = sample_pm.reflection
    for items in (reflection.went_well, reflection.could_improve, reflection.lucky):
        others += [item.text for item in items]
    for text in others:
        assert find_hint(text, book, names=names) is None, text


# -- helpers ----------------------------------------------------------------------


def test_name_variants() -> None:
    assert name_variants(["Jonas  Weber", "Mei Lin", "X", ""]) == (
        "Jonas Weber",
        "Jonas",
        "Mei Lin",
        "Mei",
    )


def test_clause_starts() -> None:
    text = "A broke; B fixed it because C"
    assert [text[s:].split()[0] for s in clause_starts(text)] == ["A", "B", "C"]


def test_empty_text_has_no_hint(book: PhraseBook) -> None:
    assert find_hints("   ", book, names=NAMES, cause=True) == []


# -- the data file and the team's file ---------------------------------------------


def test_the_data_file_ships_inside_the_package() -> None:
    path = Path(str(resources.files("pmtui").joinpath("data", "blameless.toml")))
    assert path.is_file()
    assert "pmtui" in path.parts


def test_a_team_file_extends_and_replaces(tmp_path: Path) -> None:
    (tmp_path / TEAM_PHRASES_NAME).write_text(
        'person_words = ["the new guy"]\n'
        "[[phrase]]\n"
        'match = ["cowboy*"]\n'
        'suggestion = "Say what the process let through."\n'
        "[[phrase]]\n"
        'match = ["human error*"]\n'
        'suggestion = "Our own wording."\n'
        "[[phrase]]\n"
        'match = "messed up"\n'
        'subject = "person"\n'
        'suggestion = "Say what happened."\n',
        encoding="utf-8",
    )
    book, problem = phrase_book(tmp_path)
    assert problem is None
    hint = find_hint("a cowboy deploy on Friday", book)
    assert hint is not None and hint.matched == "cowboy"
    hint = find_hint("pure human error", book)
    assert hint is not None and hint.suggestion == "Our own wording."
    assert find_hint("the new guy messed up", book) is not None
    assert find_hint("the cache messed up", book) is None
    builtin = builtin_phrase_book()
    assert len(book.phrases) == len(builtin.phrases) + 2


def test_no_team_file_means_the_builtin_book(tmp_path: Path) -> None:
    book, problem = phrase_book(tmp_path)
    assert problem is None
    assert book == builtin_phrase_book()
    assert phrase_book(None) == (book, None)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[[phrase", "blameless.toml"),
        ("[[phrase]]\nsuggestion = 'x'\n", "match"),
        ("[[phrase]]\nmatch = 'x'\n", "suggestion"),
        ("[[phrase]]\nmatch = 'x'\nsuggestion = 'y'\nsubject = 'who'\n", "subject"),
        ("[[phrase]]\nmatch = ['']\nsuggestion = 'y'\n", "empty"),
        ("phrase = 3\n", "list"),
    ],
)
def test_a_broken_team_file_is_reported_and_left_out(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / TEAM_PHRASES_NAME).write_text(text, encoding="utf-8")
    book, message = phrase_book(tmp_path)
    assert message is not None and problem in message
    assert book == builtin_phrase_book()


def test_parse_errors_name_the_source() -> None:
    with pytest.raises(PhraseBookError, match=r"mine\.toml: phrase 1"):
        parse_phrase_book("[[phrase]]\nmatch = 1\nsuggestion='x'", "mine.toml")
