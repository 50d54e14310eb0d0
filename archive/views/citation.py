"""Pure: a newspaper article's reference in GB/T 7714-2015 style (`著者. 题名[N]. 报纸名, 日期(版次).`)."""
import datetime

# GB/T 7714-2015 §8.1.2: list at most three authors, then "等".
MAX_AUTHORS = 3


def gbt7714(*, authors: list[str], title: str, paper: str, date: datetime.date, pages: list[int]) -> str:
    """The citation, e.g. `殷雪鸢, 梁涛, 胡引平. 我市举行纪念太原解放74周年活动[N]. 太原日报, 2023-04-25(1).`"""
    names = ", ".join(authors[:MAX_AUTHORS]) + (", 等" if len(authors) > MAX_AUTHORS else "")
    lead = f"{names}. " if names else ""
    page_list = f"({','.join(str(page) for page in pages)})" if pages else ""   # none while unnumbered
    return f"{lead}{title}[N]. {paper}, {date.isoformat()}{page_list}."
