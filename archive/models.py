"""The archive's data: Newspaper → Issue → Page → Fragment → Article, with Continuations
between fragments and Contributors on articles (see DESIGN.md, "Data model")."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Newspaper(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField("报名", max_length=200, help_text="读者看到的名称，如“人民日报”")
    place = models.CharField("出版地", max_length=200, blank=True)
    language = models.CharField(max_length=16, default="zh-CN")

    class Meta:
        verbose_name = "报纸"
        verbose_name_plural = "报纸"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:paper", kwargs={"paper": self.slug})


class IssueQuerySet(models.QuerySet):
    def dated(self):
        return self.filter(date__isnull=False)


class Issue(models.Model):
    """One day's paper. An issue whose date could not be read has date NULL and is flagged."""

    newspaper = models.ForeignKey(Newspaper, on_delete=models.CASCADE, related_name="issues", verbose_name="报纸")
    date = models.DateField("日期", null=True, blank=True)
    edition = models.CharField("期号", max_length=32, blank=True)
    needs_review = models.BooleanField("待审核", default=False)
    review_reason = models.CharField("审核原因", max_length=300, blank=True)
    # Durable work (see archive/services/pending.py): set in the transaction that changed the
    # issue's pages or links, cleared by the reassembly that rebuilt it.
    reassembly_due = models.DateTimeField("待重新拼接（自）", null=True, blank=True,
                                          help_text="自何时起欠一次重新拼接（后台自动设置和清除）。")
    reassembly_sent = models.DateTimeField("已交给后台", null=True, blank=True,
                                           help_text="最近一次交给后台处理的时间。")
    # The workers' marks are no editor's change: kept out of the issue's history.
    history = HistoricalRecords(excluded_fields=["reassembly_due", "reassembly_sent"])

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "期"
        verbose_name_plural = "各期"
        ordering = ["newspaper", "date"]
        constraints = [
            models.UniqueConstraint(fields=["newspaper", "date"], name="unique_issue_per_paper_and_date"),
        ]
        indexes = [
            models.Index(
                fields=["reassembly_due"], condition=models.Q(reassembly_due__isnull=False), name="issue_reassembly_due"
            ),
        ]

    def __str__(self):
        return f"{self.newspaper} {self.date or '(date unknown)'}"

    def get_absolute_url(self):
        if self.date is None:
            return ""
        return reverse("archive:issue", kwargs={"paper": self.newspaper.slug, "date": self.date})


UNNUMBERED_PAGE = "版次未定"


def page_key(number, pk):
    """A page's address in its issue: its number, or ``u<id>`` until an editor sets the number
    (a reader can read its articles meanwhile; the old address then redirects)."""
    return number if number is not None else f"u{pk}"


def page_label(number):
    return f"第{number}版" if number is not None else UNNUMBERED_PAGE


class Page(models.Model):
    """One printed page (版). ``raw_text`` is the decoded file, verbatim, never edited."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="pages", verbose_name="期")
    number = models.PositiveSmallIntegerField("版次", null=True, blank=True)
    section = models.CharField("版名", max_length=64, blank=True)
    source_name = models.CharField("源文件", max_length=500)
    sha256 = models.CharField(max_length=64, db_index=True)
    encoding = models.CharField(max_length=32)
    raw_text = models.TextField("原文")
    parser_version = models.CharField(max_length=16)
    guesses = models.JSONField(default=dict, blank=True)
    needs_review = models.BooleanField("待审核", default=False)
    review_reasons = models.JSONField("审核原因", default=list, blank=True)
    # Which of the page's place fields (number, section, date, paper) an editor set: ingest
    # never moves the page back, and finds it where the editor put it.
    locked_fields = ArrayField(models.CharField(max_length=32), default=list, blank=True, verbose_name="编辑锁定")
    ingested_at = models.DateTimeField(auto_now_add=True)
    # The raw text never changes after ingest: history need not copy it on every correction.
    history = HistoricalRecords(excluded_fields=["raw_text", "guesses", "ingested_at"])

    class Meta:
        verbose_name = "版面"
        verbose_name_plural = "版面"
        ordering = ["issue", "number"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "number"], name="unique_page_per_issue_and_number"),
        ]

    def __str__(self):
        return f"{self.issue} {self.label}"

    @property
    def key(self):
        """The page's address in its issue (views.converters.PageKeyConverter)."""
        return page_key(self.number, self.pk)

    @property
    def label(self):
        return page_label(self.number)

    def get_absolute_url(self):
        if self.issue.date is None:
            return ""
        return reverse("archive:page", kwargs={"paper": self.issue.newspaper.slug, "date": self.issue.date, "page": self.key})


class Block(models.Model):
    """A span of a page's raw text with its role; a page's blocks join back into its raw text."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="blocks")
    order = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=16)
    fragment = models.ForeignKey(
        "Fragment", null=True, blank=True, on_delete=models.SET_NULL, related_name="blocks"
    )

    class Meta:
        verbose_name = "分块"
        verbose_name_plural = "分块"
        ordering = ["page", "order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "order"], name="unique_block_order"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="block_span_ordered"),
        ]

    def __str__(self):
        return f"{self.kind} [{self.start}, {self.end})"


class Fragment(models.Model):
    """The part of one article printed on one page, with its jump lines."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="fragments")
    order = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kicker = models.CharField(max_length=300, blank=True)
    headline = models.CharField(max_length=300, blank=True)
    subheadline = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=16, default="news")
    text = models.TextField(
        help_text="The body exactly as printed: paragraphs separated by a blank line, jump lines and "
        "the byline prefix removed, section heads, labels, sign-offs and credits kept."
    )
    section_heads = models.JSONField(
        default=list, blank=True, help_text="0-based indexes of the section-head paragraphs in text."
    )
    captions = models.JSONField(default=list, blank=True)
    contributors = models.JSONField(
        default=list, blank=True, help_text='Every credit in printed order: [{"name": …, "role": …}].'
    )
    # How sure the page segmenter was of this fragment's boundaries, and why not when unsure.
    confidence = models.FloatField(default=1.0)
    review = models.CharField(max_length=300, blank=True)
    jump_to_page = models.PositiveSmallIntegerField(null=True, blank=True)
    jump_from_page = models.PositiveSmallIntegerField(null=True, blank=True)
    jump_out_line = models.CharField("转版行", max_length=64, blank=True)
    jump_in_line = models.CharField("接版行", max_length=64, blank=True)
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="fragments", verbose_name="文章"
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within its article.")

    class Meta:
        verbose_name = "版面片段"
        verbose_name_plural = "版面片段"
        ordering = ["page", "order"]
        constraints = [
            models.UniqueConstraint(fields=["page", "order"], name="unique_fragment_order"),
        ]

    def __str__(self):
        return f"{self.page} #{self.order} {self.headline or self.text[:20]}"


class Contributor(models.Model):
    name = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "作者"
        verbose_name_plural = "作者"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:contributor", kwargs={"name": self.name})


class ArticleQuerySet(models.QuerySet):
    def dated(self):
        return self.filter(issue__date__isnull=False)

    def in_print_order(self):
        return self.order_by("issue__date", "first_page_number", "number")


class Article(models.Model):
    class Kind(models.TextChoices):
        # Labels in Chinese: readers see them as search facets, editors in the admin.
        NEWS = "news", "新闻"
        COMMENTARY = "commentary", "评论"
        PHOTO = "photo", "图片"
        BRIEF = "brief", "简讯"
        FRAGMENT = "fragment", "续文"

    class ContinuationStatus(models.TextChoices):
        NONE = "none", "不跨版"
        LINKED = "linked", "已接上"
        DANGLING = "dangling", "断头"

    # Fields an editor may correct; once edited they are listed in ``locked_fields``
    # and never overwritten by re-parsing or reassembly.
    EDITABLE_FIELDS = ("kicker", "headline", "subheadline", "byline", "kind", "body", "section_heads", "captions")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="articles", verbose_name="期")
    first_page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="articles_starting", verbose_name="首版")
    first_page_number = models.PositiveSmallIntegerField(null=True, blank=True)
    number = models.PositiveSmallIntegerField("本版序号", help_text="n-th article starting on its first page.")
    kicker = models.CharField("引题", max_length=300, blank=True)
    headline = models.CharField("标题", max_length=300, blank=True)
    subheadline = models.CharField("副题", max_length=500, blank=True)
    byline = models.CharField("署名", max_length=300, blank=True)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.NEWS)
    body = models.TextField("正文", blank=True)
    section_heads = models.JSONField(
        "小标题位置", default=list, blank=True, help_text="0-based indexes of the section-head paragraphs in body."
    )
    captions = models.JSONField("图片说明", default=list, blank=True)
    pages = ArrayField(models.PositiveSmallIntegerField(), default=list, blank=True, verbose_name="所在版次")
    continuation_status = models.CharField(
        "跨版状态", max_length=16, choices=ContinuationStatus.choices, default=ContinuationStatus.NONE
    )
    confidence = models.FloatField("拼接置信度", null=True, blank=True)
    needs_review = models.BooleanField("待审核", default=False)
    review_reason = models.CharField("审核原因", max_length=300, blank=True)
    locked_fields = ArrayField(models.CharField(max_length=32), default=list, blank=True, verbose_name="编辑锁定")
    contributors = models.ManyToManyField(Contributor, through="Credit", related_name="articles", verbose_name="作者与角色")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "文章"
        verbose_name_plural = "文章"
        ordering = ["issue", "first_page_number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["first_page", "number"], name="unique_article_number_on_page"),
        ]
        indexes = [models.Index(fields=["needs_review"], name="article_needs_review")]

    def __str__(self):
        return self.headline or f"({self.get_kind_display()}) {self.body[:20]}"

    @property
    def page_key(self):
        """Its first page's address in the issue, read from this row alone (no query)."""
        return page_key(self.first_page_number, self.first_page_id)

    @property
    def page_label(self):
        return page_label(self.first_page_number)

    def get_absolute_url(self):
        if self.issue.date is None:
            return ""
        return reverse(
            "archive:article",
            kwargs={"paper": self.issue.newspaper.slug, "date": self.issue.date, "page": self.page_key, "n": self.number},
        )


class Credit(models.Model):
    class Role(models.TextChoices):
        REPORTER = "reporter", "记者"
        PHOTOGRAPHER = "photographer", "摄影"
        AUTHOR = "author", "作者"
        COMPILER = "compiler", "整理"
        TRANSLATOR = "translator", "编译"
        DESIGNER = "designer", "版式设计"
        GRAPHICS = "graphics", "制图"
        EDITOR = "editor", "责任编辑"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="credits")
    contributor = models.ForeignKey(Contributor, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=16, choices=Role.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        # By the key column, not "article": that would sort by Article's own ordering, joining
        # every credit query (an article's credits included) to articles, issues and papers.
        ordering = ["article_id", "role", "order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "contributor", "role"], name="unique_credit"),
        ]

    def __str__(self):
        return f"{self.contributor} ({self.get_role_display()})"


class Continuation(models.Model):
    """A link from a fragment that jumps out (下转) to the fragment that continues it (上接)."""

    class Method(models.TextChoices):
        AUTO = "auto", "机器"
        EDITOR = "editor", "编辑"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "待定"
        CONFIRMED = "confirmed", "已确认"
        REJECTED = "rejected", "已否决"

    from_fragment = models.ForeignKey(Fragment, on_delete=models.CASCADE, related_name="links_out", verbose_name="转出段")
    to_fragment = models.ForeignKey(Fragment, on_delete=models.CASCADE, related_name="links_in", verbose_name="续文段")
    score = models.FloatField("得分", default=0.0)
    confidence = models.FloatField("置信度", default=0.0)
    evidence = models.JSONField("证据", default=dict, blank=True)
    method = models.CharField("决定方式", max_length=8, choices=Method.choices, default=Method.AUTO)
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.PROPOSED)
    needs_review = models.BooleanField("待审核", default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "跨版链接"
        verbose_name_plural = "跨版链接"
        ordering = ["from_fragment_id"]     # the key column: see Credit.Meta
        constraints = [
            models.UniqueConstraint(fields=["from_fragment", "to_fragment"], name="unique_continuation"),
        ]

    def __str__(self):
        return f"{self.from_fragment} → {self.to_fragment} ({self.status})"


class ReviewItem(Article):
    """The review queue in the admin: articles flagged ``needs_review``."""

    class Meta:
        proxy = True
        verbose_name = "待审核条目"
        verbose_name_plural = "审核队列"


class MovedPath(models.Model):
    """A public URL that moved when an editor corrected a date or page number: the old path
    answers with a permanent redirect to the new one (archive.middleware)."""

    old_path = models.CharField(max_length=300, unique=True)
    new_path = models.CharField(max_length=300)
    moved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "旧网址转向"
        verbose_name_plural = "旧网址转向"
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class PendingIndex(models.Model):
    """An article whose search entry is stale: written in the transaction that changed or
    deleted the article, deleted by the indexing task once the index holds the change."""

    # Not a foreign key: a deleted article's entry must still leave the index.
    article_id = models.BigIntegerField(db_index=True)
    created = models.DateTimeField(auto_now_add=True)
    sent = models.DateTimeField(null=True, blank=True, help_text="When it was last sent to workers.")

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"index article {self.article_id}"


class WorkError(models.Model):
    """A failed attempt at background work or an internal error in ingest, kept for
    ``manage.py status`` (the log has the traceback)."""

    at = models.DateTimeField(auto_now_add=True)
    work = models.CharField(max_length=64)
    subject = models.CharField(max_length=500, blank=True)
    message = models.TextField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.work} {self.subject}: {self.message[:80]}"
