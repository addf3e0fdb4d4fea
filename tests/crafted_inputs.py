"""Crafted content, as an attacker with write access to content would try it
(/work/shared/reference/security-review.md, section 2; the numbers are its
cases), and variants of our own. Each input is one page's body, so that the
build's messages name it by its file (docs/en/probe/<case>.md).

- ``SOURCE_REFUSED``: the source checks (hanoi.pages.content) refuse them
  before anything renders, with the line;
- ``RENDERED_REFUSED``: they get past the source checks; the check of the
  rendered HTML (hanoi.pages.rendered), or MkDocs' own link checks, refuse
  them when the page renders;
- ``INERT``: accepted, because they are text, code or escaped: a browser
  must find no element or attribute of theirs live.

Each case: (name, body, what the error line holds after the file's name, or
None where MkDocs' own check names the file).
"""

from __future__ import annotations

EVIL = "https://evil.example"  # a reserved name: nothing is ever asked of it (every request is stopped)
PAGE_FRONT = "---\ntitle: Probe {name}\ndescription: A probe page that holds one crafted input of the tests.\n---\n\n"

SOURCE_REFUSED: list[tuple[str, str, str]] = [
    ("s01", "<script>alert(1)</script>", "[<script>]: a <script> element runs code"),
    ("s02", "<SCRIPT SRC=/x.js></SCRIPT>", "[<script>]"),
    ("s03", "<img src=x onerror=alert(1)>", "[<img onerror>]: inline event handler onerror= runs code"),
    ("s04", '<a href="&#106;avascript:alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s05", '<a href="JaVaScRiPt:alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s06", '<a href=" &#x09;java&#x0A;script:alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s07", '<a href="javascript&colon;alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s08", "[t](javascript:alert(1))", "[[](…)]: 'javascript:' link runs code"),
    ("s09", "[t](JaVaScRiPt:alert(1))", "[[](…)]: 'javascript:' link runs code"),
    ("s10", "[t][r10]\n\n[r10]: javascript:alert(1)", "[[r10]:]: 'javascript:' link runs code"),
    ("s11", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "'javascript:' URL"),
    ("s12", '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>', "'javascript:' URL"),
    ("s13", '<math href="javascript:alert(1)">x</math>', "'javascript:' URL"),
    ("s14", 'A paragraph.\n{ onclick="alert(1)" }', "[{ onclick= }]: inline event handler"),
    ("s15", "### A heading { onmouseover=alert(1) }", "[{ onmouseover= }]: inline event handler"),
    ("s16", '[t](#x){ href="javascript:alert(1)" }', "[{ href= }]: 'javascript:' URL"),
    ("s17", '<form action="javascript:alert(1)"><input type=submit></form>', "[<form action>]: 'javascript:' URL"),
    ("s18", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "[<iframe>]: an <iframe> element"),
    ("s19", '<object data="x.swf"></object> <embed src="x.swf">', "[<object>]: an <object> element"),
    ("s20", '<div style="background:url(&#47;&#47;evil.example/x.png)">x</div>', "[<div style>]: CSS loads"),
    ("s21", f"<style>@import url({EVIL}/x.css);</style>", "[<style>]: CSS loads"),
    ("s22", f'<img srcset="x.png 1x, {EVIL}/y.png 2x" alt="">', "[<img srcset>]: srcset= loads"),
    ("s23", f"![x]({EVIL}/x.png)", "[![](…)]: image loads"),
    ("s24", f"![x][i24]\n\n[i24]: {EVIL}/x.png", "[![][…]]: image loads"),
    ("s25", '<a href="&#1;javascript:alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s26", "<template><script>alert(1)</script></template>", "[<script>]"),
    ("s27", f'<frameset><frame src="{EVIL}/"></frameset>', "[<frame src>]: src= loads"),
    # Variants: other spellings of the same.
    ("s90", '<a href="jav&#x61;script:alert(1)">x</a>', "[<a href>]: 'javascript:' URL"),
    ("s91", "<IMG SRC=x ONERROR=alert(1)>", "[<img onerror>]"),
    ("s92", '<details open ontoggle="alert(1)"><summary>x</summary></details>', "[<details ontoggle>]"),
    ("s93", "[x](<javascript:alert(1)>)", "[[](…)]: 'javascript:' link runs code"),
    ("s94", '<p><a href="\tjavascript:alert(1)">x</a></p>', "[<a href>]: 'javascript:' URL"),
    ("s95", f"![a [b] c]({EVIL}/x.png)", "[![](…)]: image loads"),
    ("s96", '<img src="https:evil.example/x.png" alt="">', "[<img src>]: src= loads"),
    ("s97", '<img src="/\\evil.example/x.png" alt="">', "[<img src>]: raw HTML image"),
]

# Cases that get past the source checks (each reached the built HTML in the
# review); expected: the rendered-HTML check's place and message, or None
# where MkDocs' strict link check names the file first.
RENDERED_REFUSED: list[tuple[str, str, str | None]] = [
    ("r29", "[t](javascript&#58;alert(1))", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r30", "[t](<javascript&colon;alert(1)>)", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r31", "[t][r31]\n\n[r31]: javascript&#x3A;alert(1)", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r32", '[t](#x){ href="javascript&#58;alert(11)" }', "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r33", "![x](&#47;&#47;evil.example/x.png)", "[<img src>]: src= loads"),
    ("r34", "![x](\\\\evil.example/x.png)", None),
    ("r45", "[a \\] b04](javascript:alert(4))", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r46", "[a\nb05](javascript:alert(5))", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r47", "[t37][r37]\n\n[r37]:\n    javascript:alert(37)", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r48", "[t38][r38]\n\n> [r38]: javascript:alert(38)", "[<a href>]: 'javascript:' URL in href= runs code"),
    (
        "r49",
        "[t39][r39]\n\n!!! note\n\n    [r39]: javascript:alert(39)",
        "[<a href>]: 'javascript:' URL in href= runs code",
    ),
    ("r50", '[t40](#x){ href="javascript:alert(40)//}" }', "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r51", "[a [b [c] d] e41](javascript:alert(41))", "[<a href>]: 'javascript:' URL in href= runs code"),
    ("r52", "<!--><img src=x26 onerror=alert(26)>-->", "[<img onerror>]: inline event handler onerror= runs code"),
    ("r53", "<!-- --!><img src=x27 onerror=alert(27)> -->", "[<img onerror>]"),
    ("r54", '<noembed><img title="</noembed><img src=x23 onerror=alert(23)>"></noembed>', "[<noembed>]"),
    ("r55", '<noscript><p title="</noscript><img src=x24 onerror=alert(24)>"></noscript>', "[<noscript>]"),
    ("r56a", '<xmp><p title="</xmp><img src=x25 onerror=alert(25)>"></xmp>', "[<xmp>]"),
    ("r56b", '<textarea><p title="</textarea><img src=x28 onerror=alert(28)>"></textarea>', "[<textarea>]"),
    ("r56c", '<noframes><p title="</noframes><img src=x31 onerror=alert(31)>"></noframes>', "[<noframes>]"),
    ("r57", "<![CDATA[ ><img src=x34 onerror=alert(34)> ]]>", "[<img onerror>]"),
    ("r58", "Text \\`<img src=x29 onerror=alert(29)>\\` text", "[<img onerror>]"),
    ("r58b", "## A \\`<img src=x29 onerror=alert(29)>\\` heading {#h58}", "[<img onerror>]"),
    ("r59", "<div>`<img src=x30 onerror=alert(30)>`</div>", "[<img onerror>]"),
    ("r60", "<svg><style><img src=x32 onerror=alert(32)></style></svg>", "[<svg>]"),
    ("r60b", "<math><style><img src=x33 onerror=alert(33)></style></math>", "[<math>]"),
    ("r61", '<!--><script src="/evil.js"></script>-->', "[<script>]: a <script> element runs code"),
    ("r62", '<noscript><p title="</noscript><script src=/evil.js></script>"></noscript>', "[<noscript>]"),
    (
        "r62b",
        '## H <noscript><p title="</noscript><script src=/evil.js></script>"></noscript> {#h62}',
        "[<noscript>]",
    ),
    ("r63", '<svg><style><script src="/evil.js"></script></style></svg>', "[<svg>]"),
    ("r64", '<!--><script>document.title="inline ran"</script>-->', "[<script>]: a <script> element runs code"),
    ("r65", f'<meta http-equiv="refresh" content="0;url={EVIL}/landing">', "[<meta>]: a <meta> element"),
    ("r66a", f"![a \\] b42]({EVIL}/x42.png)", "[<img src>]: src= loads"),
    ("r66b", f"![a\nb43]({EVIL}/x43.png)", "[<img src>]: src= loads"),
    ("r66c", f"![a [b [c] d] e44]({EVIL}/x44.png)", "[<img src>]: src= loads"),
    ("r66d", f"![x][i45]\n\n> [i45]: {EVIL}/x45.png", "[<img src>]: src= loads"),
    ("r67a", '<video poster="\\\\evil.example/p.png" src="/\\evil.example/v.mp4"></video>', "[<video>]"),
    ("r67b", '<input type=image src="\\\\evil.example/i.png">', "[<input>]"),
    ("r68a", f"<svg><image href={EVIL}/s.png /></svg>", "[<svg>]"),
    ("r68b", f"<svg><filter id=f><feImage href={EVIL}/f.png /></filter></svg>", "[<svg>]"),
    ("r68c", f"<svg><use href={EVIL}/u.svg#a /></svg>", "[<svg>]"),
    ("r69a", f'<a ping="{EVIL}/track" href="#x">p</a>', "[<a ping>]: the attribute ping= is not allowed"),
    ("r69b", f"<link rel=stylesheet href={EVIL}/s.css>", "[<link>]"),
    ("r69c", f"<link rel=prefetch href={EVIL}/p>", "[<link>]"),
    ("r69d", f"<link rel=preconnect href={EVIL}>", "[<link>]"),
    ("r69e", f"<link rel=dns-prefetch href={EVIL}>", "[<link>]"),
    ("r69f", f"<link rel=import href={EVIL}/i.html>", "[<link>]"),
    ("r70a", '<p style="background:u\\72l(//evil.example/b.png)">s</p>', "[<p style>]"),
    ("r70b", f"<p style=\"background:image-set('{EVIL}/i.png' 1x)\">s</p>", "[<p style>]"),
    ("r70c", '<p style="width:expression(alert(1))">s</p>', "[<p style>]"),
    ("r70d", f"<style>p{{background:image-set('{EVIL}/s.png' 1x)}}</style>", "[<style>]"),
    ("r71", f'<base href="{EVIL}/">', "[<base>]"),
    ("r72", f'<form action="{EVIL}/"><button>Send</button></form>', "[<form>]"),
    ("r73a", "[t](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[<a href>]: 'data:' URL"),
    ("r73b", '<a href="data:text/html,<script>alert(1)</script>">d</a>', "[<a href>]: 'data:' URL"),
    ("r74a", "<svg><a><animate attributeName=href values=javascript:alert(74) /><text>x</text></a></svg>", "[<svg>]"),
    ("r74b", "<svg><a><set attributeName=href to=javascript:alert(74) /><text>y</text></a></svg>", "[<svg>]"),
    ("r75a", '<a href="vbscript:msgbox(1)">v</a>', "[<a href>]: 'vbscript:' URL in href= runs code"),
    ("r75b", '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="">', "[<img src>]: src= holds a picture"),
    # Variants: Material's own element names, a picture by a scheme with no
    # slashes, an unknown element, a heading that hides a script from the TOC.
    ("r80", '<span id="__config">{"search": "/evil.js"}</span>', "[<span id>]: the id '__config' is the site's own"),
    ("r83", "<javascript:alert(6)>", None),
    ("r84", "### H <!--><script>alert(48)</script>--> {#h84}", "[<script>]"),
    ("r85", '<a href="#x" style="color:red">x</a>', "[<a style>]"),
    ("r86", "<portal src=/x></portal>", "[<portal>]"),
]

# Text, code or escaped: accepted, and inert in a browser (the review's
# cases 40, 43 and 44, and our own). Front matter (cases 35 to 38) is in
# FRONT_MATTER_PAYLOADS, set on a real release.
INERT: list[tuple[str, str]] = [
    ("i40a", "### The `<img src=x46 onerror=alert(46)>` tag {#i40a}"),
    ("i40b", "### Use &lt;img src=x47 onerror=alert(47)&gt; here {#i40b}"),
    ("i43", "<div markdown>\n\n```html\n<script>alert(43)</script>\n```\n\n</div>"),
    ("i44", "A span ``code with ` and <img src=x44 onerror=alert(44)>`` here."),
    (
        "i90",
        '```html\n<script src="/evil.js"></script><meta http-equiv="refresh" content="0;url=https://e.example/">\n```',
    ),
    ("i91", "Entities are text: &lt;script&gt;alert(91)&lt;/script&gt; and &lt;!--&gt;."),
    ("i92", 'A <span lang="en">quotation</span>, 90<sup>e</sup>, and [a link](https://www.unodc.org/).'),
]

FRONT_MATTER_RELEASE = "docs/en/press/2025-10-26-closing-press-conference.md"
FRONT_MATTER_PAYLOADS = {
    "title": "</title><script>alert(101)</script><img src=x onerror=alert(102)> Closing",
    "description": '"><script>alert(103)</script><meta http-equiv=refresh content="0;url=https://evil.example/">',
    "summary": "<img src=x onerror=alert(104)> ]]></summary><script>alert(105)</script> A summary of the release.",
}
