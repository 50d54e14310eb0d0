"""The page view for editors: the raw text, read only, beside the blocks it was parsed into."""
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render

from archive.admin.access import screen_object
from archive.models import Page
from archive.services.reparse import page_reparse_now

# The block kinds of archive.text.types, in Chinese.
BLOCK_ROLES = {
    "kicker": "引题", "headline": "标题", "subheadline": "副题", "byline": "署名", "body": "正文",
    "subheading": "小标题", "caption": "图片说明", "signoff": "落款", "jump_out": "转版", "jump_in": "接版",
    "banner": "栏目/通栏", "space": "空白", "noise": "其他",
}


def page_blocks_view(model_admin, request, object_id):
    page = screen_object(model_admin, request, Page.objects.select_related("issue__newspaper"), pk=object_id)
    if request.method == "POST":
        kept = page_reparse_now(page=page)
        model_admin.message_user(
            request, f"已用当前解析器重新解析本版；保留了 {kept} 个编辑的跨版决定，本期将重新拼接。", messages.SUCCESS
        )
        return HttpResponseRedirect(request.path)
    raw = page.raw_text
    blocks = page.blocks.select_related("fragment__article").order_by("order")
    rows = [
        {"role": BLOCK_ROLES.get(block.kind, block.kind), "kind": block.kind, "text": raw[block.start:block.end],
         "fragment": block.fragment, "article": block.fragment.article if block.fragment else None}
        for block in blocks if block.kind != "space"
    ]
    return render(request, "admin/archive/page/blocks.html", {
        **model_admin.admin_site.each_context(request),
        "title": f"版面原文与分块：{page}",
        "page": page, "raw": raw, "rows": rows, "opts": Page._meta,
        "can_change": model_admin.has_change_permission(request, page),
    })
