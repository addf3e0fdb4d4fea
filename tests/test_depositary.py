"""The depositary record's parser (hanoi.depositary.record), on saved
fixtures only: the shared reference's two (real rows of 2025 and 2018), and
one of ours for each quirk of real files and each kind of record refused.
tests/fixtures/depositary/README.md says where each comes from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hanoi.depositary.record import (
    EXPECTED_HEADINGS,
    Action,
    RecordRefused,
    legend,
    load_document,
    participant_table,
    read_record,
    split_footnotes,
)

FIXTURES = Path(__file__).parent / "fixtures" / "depositary"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def table_of(name: str):
    return participant_table(load_document(fixture(name)))


@pytest.mark.parametrize("name", ["xviii-16-2025.en.xml", "xviii-16-2025.utf8.xml"])
def test_the_real_rows_of_2025_in_either_encoding(name: str) -> None:
    """31 real rows, every one signed on 25 October 2025 in Hanoi; the
    straight apostrophe of Côte d'Ivoire survives the ISO-8859-1 bytes."""
    if name.endswith(".en.xml"):
        assert "Côte".encode("iso-8859-1") in fixture(name), "the fixture must be in the record's own encoding"
    table = table_of(name)
    assert table.headings == EXPECTED_HEADINGS
    assert len(table.participants) == 31
    names = [p.name for p in table.participants]
    assert names[0] == "Algeria" and names[-1] == "Jamaica" and "Côte d'Ivoire" in names and "Czech Republic" in names
    assert {p.signature for p in table.participants} == {Action(date(2025, 10, 25), "signature", False, "25 Oct 2025")}
    assert all(p.consent is None and p.notes == () for p in table.participants)


def test_a_copy_cut_short_is_refused_by_its_own_count() -> None:
    """The 2025 copy declares 72 signatories but holds 31 rows: read whole,
    it is refused, never taken for the full list."""
    with pytest.raises(RecordRefused, match="declares 72 signatories but its table lists 31"):
        read_record(fixture("xviii-16-2025.en.xml"))


def test_the_quirks_of_real_rows_of_2018() -> None:
    """The reference's expected parse of its second fixture: accession
    without signature, a footnote on a name, the three markers, brackets
    (withdrawn) and tabs inside dates; the table's own legend is read from
    its headings (here 'Succession to signature(d)')."""
    table = table_of("quirks-2018.xml")
    rows = [
        (
            p.name,
            p.notes,
            p.signature and (p.signature.day, p.signature.withdrawn),
            p.consent and (p.consent.day, p.consent.kind, p.consent.withdrawn),
        )
        for p in table.participants
    ]
    usa = "United States of America"
    assert rows == [
        ("Algeria", (), None, (date(2011, 3, 3), "accession", False)),
        ("China", ("1",), (date(2005, 9, 14), False), (date(2010, 11, 8), "ratification", False)),
        (usa, (), (date(2016, 4, 22), False), (date(2016, 9, 3), "acceptance", False)),
        ("European Union", (), (date(2000, 12, 12), False), (date(2006, 9, 6), "approval", False)),
        (usa, ("1",), (date(1963, 4, 24), True), (date(1969, 11, 24), "ratification", True)),
        (usa, (), (date(2016, 4, 22), False), (date(2021, 1, 20), "acceptance", True)),
    ]
    assert legend(table.headings[1]) == {"": "signature", "d": "succession to signature"}


def test_the_quirks_on_the_convention_s_own_layout() -> None:
    """Control bytes and a bare '&' in the notes (which stop a strict parser),
    '&nbsp;' and a tab inside dates, footnotes on a name and inside a date
    cell, a bracketed signature: read whole, counts checked; the withdrawn
    one is listed for a person and never counted; the notes keep their text."""
    raw = fixture("quirks-xviii-16.xml")
    assert b"\x1c" in raw and b" & " in raw and b"&nbsp;" in raw and b"\t" in raw
    record = read_record(raw)
    by_name = {p.name: p for p in record.participants}
    assert by_name["China"].notes == ("1", "2")
    assert by_name["China"].signature == Action(date(2025, 10, 25), "signature", False, "25 Oct 2025")
    assert by_name["Algeria"].signature.cell == "25 Oct 2025"
    assert by_name["European Union"].consent == Action(date(2027, 3, 15), "approval", False, "15 Mar 2027 AA")
    assert [p.name for p in record.withdrawn] == ["Czech Republic"]
    assert [p.name for p in record.signatories] == ["Algeria", "China", "European Union"]
    assert [p.name for p in record.parties] == ["European Union"]
    assert record.end_notes["1"].startswith("With a territorial exclusion as notified")
    assert record.end_notes["2"] == "Macao & Hong Kong."


def test_a_complete_record_reads_whole() -> None:
    record = read_record(fixture("xviii-16-2027-11.xml"))
    assert record.title.startswith("United Nations Convention against Cybercrime")
    assert (record.declared_signatories, record.declared_parties) == (73, 41)
    assert (len(record.signatories), len(record.parties)) == (73, 41)
    kinds = {p.consent.kind for p in record.parties}
    assert kinds == {"ratification", "acceptance", "approval", "accession"}
    assert not any(p.name == "Participant" for p in record.participants), "the heading row is not a participant"


def test_footnote_numbers_are_kept_whole() -> None:
    """Several notes on one name (China, I-1 of 2018): a one-character
    pattern would leave 'China5,7,8'."""
    assert split_footnotes("China<superscript>5,7,8</superscript>") == ("China", ("5", "7", "8"))
    assert split_footnotes("Netherlands (Kingdom of the)<superscript>4</superscript> ") == (
        "Netherlands (Kingdom of the)",
        ("4",),
    )


@pytest.mark.parametrize(
    "name,message",
    [
        ("maintenance.html", "what was read is a maintenance page"),
        ("truncated.xml", "the record is not complete XML"),
        (
            "another-treaty.xml",
            "another treaty (CHAPTER XVIII, number 14: United Nations Convention against Corruption)",
        ),
        ("protocol.xml", "another treaty (CHAPTER XXVII, number 7-d: Paris Agreement)"),
        ("two-columns.xml", "the participants' table has the columns ['Participant', 'Ratification']"),
        (
            "unknown-marker.xml",
            "Australia: the cell '3 Mar 2027 d' has the marker 'd', which this column does not define",
        ),
        ("impossible-date.xml", "Australia: the date cell '31 Feb 2026' cannot be read: no such day exists"),
        ("count-mismatch.xml", "the record declares 2 parties but its table lists 1"),
        ("doctype.xml", "declares a DOCTYPE"),
    ],
)
def test_records_that_are_refused_say_why_and_what_to_do(name: str, message: str) -> None:
    with pytest.raises(RecordRefused) as refused:
        read_record(fixture(name))
    assert message in str(refused.value)
    assert refused.value.fix, "every refusal says what to do"
