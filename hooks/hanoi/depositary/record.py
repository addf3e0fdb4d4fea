"""The depositary record: the UN Treaty Collection's status of treaty XVIII-16
(the MTDSG XML file), read from its bytes into plain values, or refused with
what is wrong and what to do.

No maintained library reads these files (the few public readers are scripts
that each handle part of the quirks below), so the reader is our own, on
lxml. Everything it knows about the format is written down in
docs-dev/depositary-sync.md; in short:

- the bytes are ISO-8859-1 (the declaration says so); stray C0 control bytes
  and bare ``&`` seen in real files are cleaned before parsing, since they
  only occur in notes, never in the participants' table;
- a maintenance page, a truncated file, another treaty or an unexpected
  column heading is refused rather than guessed at;
- only ``Treaty/Participants/Table/TGroup/Tbody/Rows/Row`` holds participants
  (``Thead`` has a row too); a cell is ``None`` when empty;
- names may carry escaped footnote markup, ``China<superscript>1,2</superscript>``
  once parsed: the numbers are kept for a person to read the notes;
- a date cell is ``d Mon yyyy`` and an optional kind marker (the column
  heading is the legend: none = ratification, ``A``, ``AA``, ``a``), with
  tabs and odd spaces inside; in square brackets it was undone later;
- the declared counts (``Status/Signatories``, ``Status/Parties``, absent
  when 0) must agree with the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lxml import etree

from hanoi.problems import Refused

EXPECTED_CHAPTER = "CHAPTER XVIII"
EXPECTED_NUMBER = "16"
EXPECTED_TITLE = "United Nations Convention against Cybercrime"
EXPECTED_HEADINGS = ("Participant", "Signature", "Acceptance(A), Ratification, Approval(AA), Accession(a)")

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROWS_PATH = "Treaty/Participants/Table/TGroup/Tbody/Rows/Row"
HEADINGS_PATH = "Treaty/Participants/Table/TGroup/Thead/Row/Entry"
FOOTNOTE_OPEN, FOOTNOTE_CLOSE = "<superscript>", "</superscript>"
# XML's own entities, which a text may use; any other "&name;" is taken as text.
XML_ENTITIES = (b"amp", b"lt", b"gt", b"quot", b"apos")
# C0 control bytes other than tab, line feed and carriage return: not allowed in XML.
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))

ATTEMPT_AGAIN = "keep the data as they are and run the sync again later; if it persists, open the record in a browser"


class RecordRefused(Refused):
    """The record cannot be used: its message says what, its fix what to do."""


@dataclass(frozen=True)
class Action:
    """One dated cell of a participant's row."""

    day: date
    kind: str  # from the column's legend: signature, ratification, acceptance, approval, accession
    withdrawn: bool  # in square brackets: undone later (a withdrawal or denunciation); never counted
    cell: str  # the cell as read, whitespace collapsed, for messages


@dataclass(frozen=True)
class Participant:
    name: str  # as the depositary writes it, footnote markers removed
    notes: tuple[str, ...]  # the numbers of the footnotes on the name (``EndNotes``), for a person to read
    signature: Action | None
    consent: Action | None  # ratification, acceptance, approval or accession
    row: int  # its row in the table, from 1


@dataclass(frozen=True)
class Table:
    headings: tuple[str, ...]
    participants: tuple[Participant, ...]


@dataclass(frozen=True)
class DepositaryRecord:
    title: str
    declared_signatories: int  # Status/Signatories (absent: 0)
    declared_parties: int  # Status/Parties (absent: 0)
    participants: tuple[Participant, ...]
    end_notes: Mapping[str, str]  # footnote number -> its text

    @property
    def signatories(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.signature and not p.signature.withdrawn)

    @property
    def parties(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.consent and not p.consent.withdrawn)

    @property
    def withdrawn(self) -> tuple[Participant, ...]:
        """Rows with a bracketed date, for a person to look at."""
        return tuple(p for p in self.participants if any(a and a.withdrawn for a in (p.signature, p.consent)))


def read_record(data: bytes) -> DepositaryRecord:
    """The record of treaty XVIII-16 in ``data`` (the file's bytes), checked
    whole, or ``RecordRefused``."""
    document = load_document(data)
    title = _treaty_title(document)
    table = participant_table(document)
    if table.headings != EXPECTED_HEADINGS:
        raise RecordRefused(
            f"the participants' table has the columns {list(table.headings)}, not {list(EXPECTED_HEADINGS)}",
            "the depositary changed the table's layout: a developer must check the record and update "
            "hanoi.depositary.record (EXPECTED_HEADINGS and the kinds it reads) before the sync can run",
        )
    record = DepositaryRecord(
        title,
        _declared_count(document, "Signatories"),
        _declared_count(document, "Parties"),
        table.participants,
        _end_notes(document),
    )
    _check_counts(record)
    return record


def load_document(data: bytes) -> etree._Element:
    """The XML document in ``data``, refused if it is not the depositary's."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"<?xml") or b"<Document" not in start:
        kind = "a maintenance page" if b"maintenance" in data.lower() else "not the depositary's XML"
        raise RecordRefused(
            f"what was read is {kind} (it starts with {start[:60]!r})",
            "the UN Treaty Collection is probably down or moved: " + ATTEMPT_AGAIN,
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(_cleaned(start), parser)
    except etree.XMLSyntaxError as error:
        raise RecordRefused(
            f"the record is not complete XML ({error.msg}): probably a truncated download",
            ATTEMPT_AGAIN,
        ) from None
    if root.getroottree().docinfo.doctype:
        raise RecordRefused("the record declares a DOCTYPE, which the depositary's files never do", ATTEMPT_AGAIN)
    if root.tag != "Document":
        raise RecordRefused(f"the record's root element is <{root.tag!s}>, not <Document>", ATTEMPT_AGAIN)
    return root


def _cleaned(data: bytes) -> bytes:
    """Control bytes dropped, and each ``&`` that starts no entity written as
    ``&amp;``; ``&nbsp;`` (not an XML entity) becomes a no-break space. Real
    files have both faults in their notes; a parser that stopped on them
    would lose the whole table."""
    data = data.translate(None, CONTROL_BYTES)
    parts = data.split(b"&")
    out = [parts[0]]
    for part in parts[1:]:
        name, semicolon, _ = part.partition(b";")
        if semicolon and (name in XML_ENTITIES or _is_character_reference(name)):
            out.append(b"&" + part)
        elif semicolon and name == b"nbsp":
            out.append(b"&#160;" + part[len(b"nbsp;") :])
        else:
            out.append(b"&amp;" + part)
    return b"".join(out)


def _is_character_reference(name: bytes) -> bool:
    if name.startswith(b"#x"):
        digits, allowed = name[2:], b"0123456789abcdefABCDEF"
    elif name.startswith(b"#"):
        digits, allowed = name[1:], b"0123456789"
    else:
        return False
    return bool(digits) and all(byte in allowed for byte in digits)


def _text(element: etree._Element | None) -> str:
    """An element's text, whitespace collapsed; "" when absent or empty."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _treaty_title(document: etree._Element) -> str:
    data = document.find("Treaty/Header/ExternalData")
    chapter = _text(document.find("Treaty/Header/Chapter/Header"))
    number = _text(data.find("Numsect") if data is not None else None)
    sub = _text(data.find("Subnumsect") if data is not None else None)
    # Main treaties have a Titlesect, protocols and amendments a Subtitlesect.
    title = _text(data.find("Titlesect") if data is not None else None) or _text(
        data.find("Subtitlesect") if data is not None else None
    )
    if (chapter, number, sub) != (EXPECTED_CHAPTER, EXPECTED_NUMBER, "") or not title.startswith(EXPECTED_TITLE):
        numbered = f"{number or '?'}{'-' + sub if sub else ''}"
        found = f"{chapter or 'no chapter'}, number {numbered}: {title[:80] or 'no title'}"
        raise RecordRefused(
            f"the record is of another treaty ({found}), not XVIII-16, {EXPECTED_TITLE}",
            "check the address of the record (depositary_record in data/treaty_status.yml, or FROM=): "
            "it must end in Chapter%20XVIII/XVIII-16.en.xml",
        )
    return title


def split_footnotes(text: str) -> tuple[str, tuple[str, ...]]:
    """A cell's text without its footnote markup, and the note numbers
    ("China<superscript>5,7,8</superscript>" -> "China", ("5", "7", "8"))."""
    notes: list[str] = []
    while FOOTNOTE_OPEN in text:
        before, _, rest = text.partition(FOOTNOTE_OPEN)
        inside, closed, after = rest.partition(FOOTNOTE_CLOSE)
        if not closed:
            raise RecordRefused(f"the cell '{text}' has an unclosed footnote", ATTEMPT_AGAIN)
        notes += [n.strip() for n in inside.split(",") if n.strip()]
        text = before + after
    return " ".join(text.split()), tuple(notes)


def legend(heading: str) -> dict[str, str]:
    """What each marker means in a column, from its heading: "Acceptance(A),
    Ratification" -> {"A": "acceptance", "": "ratification"} (no marker)."""
    meanings = {}
    for item in heading.split(","):
        words, _, marker = item.strip().partition("(")
        meanings[marker.removesuffix(")").strip()] = words.strip().lower()
    return meanings


def participant_table(document: etree._Element) -> Table:
    """The participants' table of any MTDSG record: its headings (the legend
    of each column) and one participant per row of its body."""
    headings = tuple(split_footnotes(_text(entry))[0] for entry in document.findall(HEADINGS_PATH))
    if not headings:
        raise RecordRefused("the record has no participants' table", ATTEMPT_AGAIN)
    legends = [legend(heading) for heading in headings]
    participants = []
    for number, row in enumerate(document.findall(ROWS_PATH), 1):
        cells = [_text(entry) for entry in row.findall("Entry")]
        if len(cells) != len(headings):
            raise RecordRefused(
                f"row {number} of the participants' table has {len(cells)} cells, not {len(headings)}",
                ATTEMPT_AGAIN,
            )
        name, notes = split_footnotes(cells[0])
        if not name or "<" in name:
            raise RecordRefused(
                f"row {number} of the participants' table has no readable name ('{cells[0]}')",
                ATTEMPT_AGAIN,
            )
        actions = [_action(cell, name, meaning) for cell, meaning in zip(cells[1:], legends[1:], strict=True)]
        # A table without a signature column (Participant / Ratification) has consents only.
        signature = actions[0] if len(actions) > 1 else None
        participants.append(Participant(name, notes, signature, actions[-1] if actions else None, number))
    return Table(headings, tuple(participants))


def _action(cell: str, participant: str, meanings: Mapping[str, str]) -> Action | None:
    """A date cell: None when empty, else its day, kind and brackets."""
    text, _ = split_footnotes(cell)  # none seen in date cells, but a marker must not read as part of a date
    if not text:
        return None
    inner = text
    withdrawn = inner.startswith("[")
    if withdrawn != inner.endswith("]"):
        raise _cell_refused(participant, cell, "its square brackets are not paired")
    inner = inner.strip("[] ")
    words = inner.split()
    day_text, month, year = (words + ["", "", ""])[:3]
    marker = " ".join(words[3:])
    if not (day_text.isdigit() and month in MONTHS and len(year) == 4 and year.isdigit()):
        raise _cell_refused(participant, cell, "it is not a date written 'd Mon yyyy'")
    try:
        day = date(int(year), MONTHS.index(month) + 1, int(day_text))
    except ValueError:
        raise _cell_refused(participant, cell, "no such day exists") from None
    if marker not in meanings:
        known = ", ".join(f"'{m}' ({k})" if m else f"no marker ({k})" for m, k in meanings.items())
        raise RecordRefused(
            f"{participant}: the cell '{cell}' has the marker '{marker}', which this column does not define "
            f"(it defines {known})",
            "a developer must learn what the marker means from the record's legend before the sync can "
            "record it (hanoi.depositary.record); nothing was changed",
        )
    return Action(day, meanings[marker], withdrawn, text)


def _cell_refused(participant: str, cell: str, why: str) -> RecordRefused:
    return RecordRefused(
        f"{participant}: the date cell '{cell}' cannot be read: {why}",
        "check the row in the record on the UN Treaty Collection; " + ATTEMPT_AGAIN,
    )


def _declared_count(document: etree._Element, name: str) -> int:
    """Status/Signatories or Status/Parties: absent when there are none."""
    text = _text(document.find(f"Treaty/Header/ExternalData/Status/{name}"))
    if not text:
        return 0
    if not text.isdigit():
        raise RecordRefused(f"the record's count of {name.lower()} is '{text}', not a number", ATTEMPT_AGAIN)
    return int(text)


def _end_notes(document: etree._Element) -> dict[str, str]:
    return {
        _text(note.find("index")): _text(note.find("text"))
        for note in document.findall("Treaty/EndNotes/Note")
        if _text(note.find("index"))
    }


def _check_counts(record: DepositaryRecord) -> None:
    """The counts the record declares agree with its table, or nothing of it
    is used: a partial table would pass for the whole."""
    for what, declared, listed in (
        ("signatories", record.declared_signatories, len(record.signatories)),
        ("parties", record.declared_parties, len(record.parties)),
    ):
        if declared != listed:
            raise RecordRefused(
                f"the record declares {declared} {what} but its table lists {listed}",
                "the table was cut short or the depositary is updating it: " + ATTEMPT_AGAIN,
            )
