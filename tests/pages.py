"""Sample pages: a small two-page issue whose articles jump from page 1 to page 3."""

PAGE_1 = """# 太原推进汾河生态修复治理工程

本报讯(记者 殷雪鸢 梁涛)6月1日,市领导调研汾河生态修复治理四期工程。汾河生态修复治理工程提高了汾河太原城区段的调蓄、防洪能力,景区内游人如织,岸绿水清。

调研组要求,进一步加强河道(下转第3版)

## 我市召开产业工人队伍建设改革会议

本报讯 6月1日,我市召开推进产业工人队伍建设改革再部署再提速会议。会议强调,要发挥企业主体作用,聚焦思想政治引领、激励创新创造,全力打造一支高素质的产业工(下转第3版)
"""

PAGE_3 = """## 全市统战部长会议召开

本报讯 2月21日,全市统战部长会议召开。会议强调,要推动我市统战工作在全省走在前、作表率。(尹 哲)

(上接第1版)人队伍,为全方位推动高质量发展提供坚实的产业人才支撑。(李俊华)

(上接第1版)管理,持续推进汾河生态保护修复,让汾河水清岸绿、造福人民。
"""


def write_issue(root, pages, date="2022-06-03", paper="taiyuan-daily"):
    folder = root / paper / date
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in pages.items():
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    return root
