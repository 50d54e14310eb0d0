"""Kicker, headline, subheadline and banner roles in a headline group."""
import pytest

from archive.text.headlines import Line, assign_roles

B, K, H, S = "banner", "kicker", "headline", "subheadline"


@pytest.mark.parametrize("lines, roles", [
    ([Line("共抓发展机遇 共创美好未来"), Line("太忻座谈会举行", markdown=True), Line("韦韬出席并讲话")], [K, H, S]),
    ([Line("深化全方位合作 加快一体化发展"), Line("太原市党政代表团赴晋中市学习考察"), Line("韦韬出席座谈会")], [K, H, S]),
    ([Line("“锦绣太原城”召开第七次协商会议"), Line("操学诚讲话")], [H, S]),
    ([Line("范兆森在尖草坪区调研时强调"), Line("优环境 强产业 提能级")], [K, H]),
    ([Line("只争朝夕 奋发有为"), Line("为加快建设贡献力量"), Line("——与会人员谈全会精神")], [K, H, S]),
    ([Line("建设国家先进制造业重要承载地"), Line("——深入贯彻落实全会精神(一)")], [H, S]),
    ([Line("深入学习宣传贯彻"), Line("市委十二届五次全会精神"), Line("政务之要"), Line("我市举行颁奖仪式")], [B, B, B, H]),
    ([Line("市人大常委会开展观摩活动")], [H]),
])
def test_roles(lines, roles):
    """Markdown, —— lines, two-line cues and the banner lexicon decide the roles."""
    assert assign_roles(lines) == roles
