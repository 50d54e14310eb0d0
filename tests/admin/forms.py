"""What the browser sends when an editor saves an article's change form."""
import json


def article_form(article, **changes):
    """The change form as a browser posts it: text with CRLF line ends, JSON fields as shown."""
    data = {
        "kicker": article.kicker, "headline": article.headline, "subheadline": article.subheadline,
        "byline": article.byline, "kind": article.kind, "body": article.body.replace("\n", "\r\n"),
        "section_heads": json.dumps(article.section_heads), "captions": json.dumps(article.captions),
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
        "fragments-TOTAL_FORMS": "0", "fragments-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data
