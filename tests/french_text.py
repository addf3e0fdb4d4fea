"""French spacing around punctuation, as the site sets it: a no-break space
(U+00A0) before a colon and inside guillemets, a narrow one (U+202F) before
; ! ?. Used on the French pages' visible text (tests/test_content.py) and on
what leaves the site as text (feed titles, share-card alternatives)."""

from __future__ import annotations

import re

FRENCH_SPACING = [
    (re.compile(r"[^\s\u00a0\u202f\d/:]([;!?])(?=\s|$)"), "a narrow no-break space (U+202F) before ; ! ?"),
    (re.compile(r"[a-zà-ÿ»)][:](?=\s)"), "a no-break space (U+00A0) before :"),
    (re.compile(r"[ ]([:;!?»])"), "a no-break space, not an ordinary space, before : ; ! ? »"),
    (re.compile(r"«(?![\u00a0\u202f])"), "a no-break space after «"),
]


def french_spacing_problems(text: str) -> list[str]:
    """Each place in ``text`` that French spacing misses, in its context."""
    return [
        f"«{text[max(0, match.start() - 30) : match.end() + 10]}» needs {fix}".replace("\n", " ")
        for pattern, fix in FRENCH_SPACING
        for match in pattern.finditer(text)
    ]
