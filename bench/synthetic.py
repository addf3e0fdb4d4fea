"""Synthetic content for the build benchmark (bench/build.py) and the tests
of the build's budgets (tests/test_build_speed.py). Standard library only,
so that the tests can load it by path.

Press releases, one a day from 2 January 2023, in the three languages: the
same translation key, sources, a fact marker, and the translations record
the English text they follow (``source_hash``), as real ones do. The text
says plainly that it is synthetic. Written only into a copy of the project.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

FIRST_DAY = date(2023, 1, 2)  # one release a day from here

RELEASE_TEXT = {
    "en": {
        "title": "Synthetic release {n:04d} for the build benchmark",
        "description": "Synthetic press release {n:04d}, made by bench/build.py to measure the build; it is not news.",
        "summary": "Synthetic text for the build benchmark, not a real press release. It exists only in a temporary "
        "copy of the project and is never published.",
        "note": "*Synthetic text made by bench/build.py to measure the build. Not a real release.*",
        "lead": "This synthetic release number {n:04d} repeats facts already on the site: the Convention was "
        "adopted on <!-- fact id=adoption-date -->. It has the length and shape of a real release, with "
        "two sections, a list and a link to the archive of [press releases](index.md).",
        "heading_1": "What the benchmark checks",
        "heading_2": "What the benchmark does not check",
        "items": [
            "that the build time grows in proportion to the number of pages;",
            "that releases stay out of every page's navigation;",
            "that our hooks cost little next to the theme and the language plugin.",
        ],
        "closing": "Whether a real release says anything true: this text is synthetic and deliberately says "
        "nothing. Readers of the site never see it, as it is made in a temporary folder and deleted.",
    },
    "vi": {
        "title": "Thông cáo tổng hợp {n:04d} để đo tốc độ dựng trang",
        "description": "Thông cáo tổng hợp {n:04d}, do bench/build.py tạo ra để đo tốc độ dựng trang; "
        "không phải tin thật.",
        "summary": "Văn bản tổng hợp dùng để đo tốc độ dựng trang, không phải thông cáo báo chí thật. Văn bản chỉ "
        "có trong một bản sao tạm của dự án và không bao giờ được đăng.",
        "note": "*Văn bản tổng hợp do bench/build.py tạo ra để đo tốc độ dựng trang. Không phải thông cáo thật.*",
        "lead": "Thông cáo tổng hợp số {n:04d} này nhắc lại các sự kiện đã có trên trang: Công ước được thông qua "
        "ngày <!-- fact id=adoption-date -->. Nó có độ dài và hình thức của một thông cáo thật, với hai "
        "mục, một danh sách và một liên kết tới trang lưu trữ [thông cáo báo chí](index.md).",
        "heading_1": "Phép đo kiểm tra điều gì",
        "heading_2": "Phép đo không kiểm tra điều gì",
        "items": [
            "thời gian dựng trang tăng tỉ lệ thuận với số trang;",
            "các thông cáo không nằm trong thanh điều hướng của mọi trang;",
            "các hook của chúng tôi tốn ít thời gian so với giao diện và plugin ngôn ngữ.",
        ],
        "closing": "Một thông cáo thật có nói đúng hay không: văn bản này là tổng hợp và cố ý không nói gì. Người "
        "đọc không bao giờ thấy nó, vì nó được tạo trong một thư mục tạm rồi bị xoá.",
    },
    "fr": {
        "title": "Communiqué synthétique {n:04d} pour la mesure de la construction",
        "description": "Communiqué synthétique {n:04d}, créé par bench/build.py pour mesurer la construction ; "
        "ce n’est pas une information.",
        "summary": "Texte synthétique pour la mesure de la construction, pas un vrai communiqué de presse. Il "
        "n’existe que dans une copie temporaire du projet et n’est jamais publié.",
        "note": "*Texte synthétique créé par bench/build.py pour mesurer la construction. Pas un vrai communiqué.*",
        "lead": "Ce communiqué synthétique numéro {n:04d} reprend des faits déjà sur le site : la Convention a été "
        "adoptée le <!-- fact id=adoption-date -->. Il a la longueur et la forme d’un vrai communiqué, avec "
        "deux sections, une liste et un lien vers les archives des [communiqués de presse](index.md).",
        "heading_1": "Ce que la mesure vérifie",
        "heading_2": "Ce que la mesure ne vérifie pas",
        "items": [
            "que le temps de construction croît en proportion du nombre de pages ;",
            "que les communiqués restent hors de la navigation de chaque page ;",
            "que nos hooks coûtent peu à côté du thème et de l’extension des langues.",
        ],
        "closing": "Si un vrai communiqué dit vrai : ce texte est synthétique et ne dit délibérément rien. Les "
        "lecteurs du site ne le voient jamais : il est créé dans un dossier temporaire, puis supprimé.",
    },
}


def release_name(number: int) -> str:
    """File name without .md, which is also the translation key: 2023-01-02-synthetic-release-0001."""
    return f"{(FIRST_DAY + timedelta(days=number - 1)).isoformat()}-synthetic-release-{number:04d}"


def release_markdown(language: str, number: int, source_hash: str | None) -> str:
    text = {k: v.format(n=number) if isinstance(v, str) else v for k, v in RELEASE_TEXT[language].items()}
    name = release_name(number)
    front = [
        "---",
        f"title: {text['title']}",
        f'description: "{text["description"]}"',
        f'date: "{name[:10]}"',
        "timezone: Asia/Ho_Chi_Minh",
        f"summary: {text['summary']}",
        f"translation_key: {name}",
        "sources:",
        f"  - name: Synthetic source {number:04d} (benchmark)",
        f"    url: https://example.org/bench/synthetic-release-{number:04d}",
        *([f'source_hash: "{source_hash}"'] if source_hash else []),
        "---",
    ]
    body = [
        f"# {text['title']} {{#synthetic-release-{number:04d}}}",
        "",
        text["note"],
        "",
        text["lead"],
        "",
        f"## {text['heading_1']} {{#checks}}",
        "",
        *(f"- {item}" for item in text["items"]),
        "",
        f"## {text['heading_2']} {{#does-not-check}}",
        "",
        text["closing"],
        "",
    ]
    return "\n".join(front) + "\n\n" + "\n".join(body)


def install_synthetic_releases(project: Path, count: int) -> None:
    """`count` releases in each language, the translations recording the English text they follow."""
    for number in range(1, count + 1):
        name = release_name(number)
        english = release_markdown("en", number, None)
        digest = hashlib.sha256(english.encode("utf-8")).hexdigest()[:12]  # as hanoi.pages.translations.source_hash
        for language in RELEASE_TEXT:  # the site's languages (a test checks they agree)
            text = english if language == "en" else release_markdown(language, number, digest)
            (project / "docs" / language / "press" / f"{name}.md").write_text(text, encoding="utf-8")
