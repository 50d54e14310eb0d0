"""The article's 拆分 screen: its paragraphs fragment by fragment, a button before each."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from archive.admin.access import screen_object
from archive.models import Article, Fragment
from archive.services import restructure


def article_split_view(model_admin, request, object_id):
    article = screen_object(model_admin, request, Article.objects.select_related("issue__newspaper"), pk=object_id)
    if request.method == "POST":
        fragment = get_object_or_404(Fragment, pk=request.POST.get("fragment") or 0, article=article)
        try:
            paragraph = int(request.POST.get("paragraph", ""))
            restructure.article_split(fragment=fragment, paragraph=paragraph)
        except (ValueError, ValidationError) as problem:
            text = "；".join(problem.messages) if isinstance(problem, ValidationError) else "段落编号无效。"
            model_admin.message_user(request, text, messages.ERROR)
            return HttpResponseRedirect(request.path)
        what = "分离了这一版面片段" if paragraph == 0 else f"在第{paragraph + 1}段前拆成两篇"
        model_admin.message_user(request, f"已{what}；本期将重新拼接，新文章在审核队列“文章无标题”中。",
                                 messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:archive_article_change", args=[article.pk]))
    return render(request, "admin/archive/article/split.html", {
        **model_admin.admin_site.each_context(request),
        "title": f"拆分或分离：{article}",
        "article": article,
        "points": restructure.split_points(article),
        "opts": Article._meta,
        "can_change": model_admin.has_change_permission(request, article),
    })
