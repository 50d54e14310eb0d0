"""What the browser sends when an editor saves an article's change form."""
import json


def article_form(article, **changes):
    """The change form as a browser posts it: text with CRLF line ends, JSON fields as shown."""
    data = {
        "kicker": article.kicker, "headline": article.headline, "subheadline": article.subheadline,
        "byline": article.byline, "kind": article.kind, "body": article.body.replace("\n", "\r\n"),
        "section_heads": json.dumps(article.section_heads),
        **caption_rows(article.captions),
        "credits-TOTAL_FORMS": "0", "credits-INITIAL_FORMS": "0",
        "fragments-TOTAL_FORMS": "0", "fragments-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def caption_rows(captions):
    """The caption rows as the form posts them (one empty row more, as shown)."""
    data = {"captions-rows": str(len(captions) + 1)}
    for i, caption in enumerate([*captions, {}]):
        data[f"captions-{i}-text"] = caption.get("text", "")
        data[f"captions-{i}-photographers"] = "、".join(caption.get("photographers", []))
    return data
