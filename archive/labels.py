"""Chinese names of the fields editors see (the admin speaks zh-hans, LANGUAGE_CODE)."""

ARTICLE_LABELS = {
    "kicker": "引题",
    "headline": "标题",
    "subheadline": "副题",
    "byline": "署名",
    "kind": "类型",
    "body": "正文",
    "section_heads": "小标题位置",
    "captions": "图片说明",
    "contributors": "作者与角色",
    "needs_review": "待审核",
    "review_reason": "审核原因",
    "issue": "期",
    "first_page": "首版",
    "number": "本版序号",
    "pages": "所在版次",
    "continuation_status": "跨版状态",
    "confidence": "拼接置信度",
    "locked_fields": "编辑锁定",
}

PAGE_LABELS = {
    "issue": "期",
    "number": "版次",
    "section": "版名",
    "source_name": "源文件",
    "needs_review": "待审核",
    "review_reasons": "审核原因",
    "raw_text": "原文",
    "locked_fields": "编辑锁定",
}

ISSUE_LABELS = {"newspaper": "报纸", "date": "日期", "edition": "期号", "needs_review": "待审核",
                "review_reason": "审核原因"}

LINK_LABELS = {"from_fragment": "转出段", "to_fragment": "续文段", "score": "得分", "confidence": "置信度",
               "evidence": "证据", "method": "决定方式", "status": "状态", "needs_review": "待审核"}

LABELS_BY_MODEL = {"article": ARTICLE_LABELS, "page": PAGE_LABELS, "issue": ISSUE_LABELS,
                   "continuation": LINK_LABELS}


def field_names(names) -> str:
    """``headline, body`` → ``标题、正文``."""
    return "、".join(ARTICLE_LABELS.get(name, name) for name in names)
