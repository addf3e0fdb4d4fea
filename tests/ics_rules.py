"""RFC 5545's lexical rules, checked on the bytes of a calendar file.

Written from the RFC because no parser checks them: icalendar, vobject, ical.js
and libical all read a TEXT value with an unescaped comma or semicolon, each in
its own way (vobject cuts a NAME at its first comma), and none reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Section 3.1: lines end in CRLF and are folded at 75 octets.
MAX_OCTETS = 75

# Section 3.3.11: text = *(TSAFE-CHAR / ":" / DQUOTE / ESCAPED-CHAR), where
# TSAFE-CHAR is any character but the controls (HTAB excepted), "\", ";" and ",",
# and ESCAPED-CHAR is one of \\ \; \, \n \N.
_CONTROL = "\x00-\x08\x0a-\x1f\x7f"
TEXT = re.compile(rf"(?:[^{_CONTROL}\\;,]|\\[\\;,nN])*")
# A list of TEXT values (CATEGORIES, RESOURCES): the unescaped commas separate them.
TEXT_LIST = re.compile(rf"(?:[^{_CONTROL}\\;]|\\[\\;,nN])*")

# Properties whose value is not TEXT unless a VALUE parameter says otherwise
# (sections 3.7 and 3.8 of RFC 5545, section 5 of RFC 7986).
NOT_TEXT = frozenset(
    "ATTACH ATTENDEE COMPLETED CONFERENCE CREATED DTEND DTSTAMP DTSTART DUE DURATION EXDATE FREEBUSY GEO "
    "IMAGE LAST-MODIFIED ORGANIZER PERCENT-COMPLETE PRIORITY RDATE RECURRENCE-ID REFRESH-INTERVAL REPEAT "
    "RRULE SEQUENCE SOURCE TRIGGER TZOFFSETFROM TZOFFSETTO TZURL URL".split()
)
# TEXT properties (the same sections); X- properties are TEXT by default (3.8.8.2).
TEXT_PROPERTIES = frozenset(
    "ACTION CALSCALE CLASS COLOR COMMENT CONTACT DESCRIPTION LOCATION METHOD NAME PRODID RELATED-TO "
    "STATUS SUMMARY TRANSP TZID TZNAME UID VERSION".split()
)
LIST_PROPERTIES = frozenset({"CATEGORIES", "RESOURCES"})

# Section 3.6.5: what a VTIMEZONE may hold itself (its STANDARD and DAYLIGHT
# blocks hold the rest, COMMENT included).
VTIMEZONE_PROPERTIES = frozenset({"TZID", "LAST-MODIFIED", "TZURL"})

# A content line: name *(";" param) ":" value (section 3.1), where a
# parameter value may be a quoted string holding ":", ";" or ",".
_LINE = re.compile(r'(?P<name>[A-Za-z0-9-]+)(?P<params>(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:]*))*):(?P<value>.*)', re.S)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)')


@dataclass(frozen=True)
class ContentLine:
    number: int  # of its first physical line
    name: str
    params: dict[str, str]
    value: str


def content_lines(data: bytes) -> tuple[list[ContentLine], list[str]]:
    """The unfolded content lines, and the folding problems found on the way."""
    problems: list[str] = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    physical = data.split(b"\r\n")[:-1] if data.endswith(b"\r\n") else data.split(b"\r\n")
    logical: list[tuple[int, bytes]] = []
    for number, raw in enumerate(physical, start=1):
        if b"\n" in raw or b"\r" in raw:
            problems.append(f"line {number}: a line break that is not CRLF")
        if len(raw) > MAX_OCTETS:
            problems.append(f"line {number}: {len(raw)} octets, over {MAX_OCTETS}")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: folded inside a UTF-8 character, or not UTF-8")
        if raw[:1] in (b" ", b"\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + raw[1:])
        else:
            logical.append((number, raw))
    lines = []
    for number, raw in logical:
        text = raw.decode("utf-8", errors="replace")
        match = _LINE.fullmatch(text)
        if match is None:
            problems.append(f"line {number}: not a content line: {text[:60]!r}")
            continue
        params = {key.upper(): value for key, value in _PARAM.findall(match["params"])}
        lines.append(ContentLine(number, match["name"].upper(), params, match["value"]))
    return lines, problems


def text_problems(lines: list[ContentLine]) -> list[str]:
    """TEXT values that break section 3.3.11, and properties of unknown type."""
    problems = []
    for line in lines:
        if line.name in ("BEGIN", "END"):
            continue
        value_type = line.params.get("VALUE", "").upper()
        if value_type and value_type != "TEXT":
            continue
        if line.name in NOT_TEXT and not value_type:
            continue
        if line.name not in TEXT_PROPERTIES | LIST_PROPERTIES and not line.name.startswith("X-"):
            problems.append(f"line {line.number}: {line.name} is of no type these rules know; add it")
            continue
        grammar = TEXT_LIST if line.name in LIST_PROPERTIES else TEXT
        if not grammar.fullmatch(line.value):
            problems.append(f"line {line.number}: {line.name} is not escaped TEXT: {line.value[:80]!r}")
    return problems


def components(lines: list[ContentLine]) -> list[tuple[str, list[ContentLine]]]:
    """Each component (innermost first), with its own properties."""
    stack: list[tuple[str, list[ContentLine]]] = []
    done = []
    for line in lines:
        if line.name == "BEGIN":
            stack.append((line.value.upper(), []))
        elif line.name == "END":
            done.append(stack.pop())
        elif stack:
            stack[-1][1].append(line)
    return done


def structure_problems(lines: list[ContentLine]) -> list[str]:
    """A VTIMEZONE holds only its own properties (section 3.6.5), and a
    calendar with METHOD:PUBLISH is an iTIP message, each of whose events
    needs exactly one ORGANIZER (RFC 5546, section 3.2.1)."""
    problems = []
    found = components(lines)
    calendar = dict(found).get("VCALENDAR", [])
    methods = [line.value for line in calendar if line.name == "METHOD"]
    for name, properties in found:
        names = [p.name for p in properties]
        if name == "VTIMEZONE":
            extra = sorted({n for n in names if n not in VTIMEZONE_PROPERTIES and not n.startswith("X-")})
            if extra:
                problems.append(f"VTIMEZONE holds {', '.join(extra)}, allowed only in STANDARD and DAYLIGHT")
        if name == "VEVENT" and methods:
            if methods != ["PUBLISH"]:
                problems.append(f"METHOD {methods}: the site publishes; iTIP requests or replies are not its to send")
            elif names.count("ORGANIZER") != 1:
                uid = next((p.value for p in properties if p.name == "UID"), "?")
                problems.append(f"event {uid}: METHOD:PUBLISH needs one ORGANIZER, found {names.count('ORGANIZER')}")
    return problems
