"""Example texts several rules' example tables share."""

from __future__ import annotations

# seed 000 lines 1-3 (a headline and its lead), clean and long enough for every Q rule
CLEAN_NEWS = (
    "民生事项放心上 暖心服务到身边\n"
    "——我省各地干部深入基层为民解难题\n"
    "民生无小事，枝叶总关情。党史学习教育开展以来，全省各级部门聚焦群众关心关切的焦点，"
    "以“我为群众办实事”实践活动为抓手，把民生事项放在心上，不断推动党史学习教育与为民服务"
    "办实事相结合。今年以来，平鲁区以开展党史学习教育为契机，针对群众反映强烈的城市管理"
    "粗放化、城市品貌不高等问题，大力推进城市精细化管理。\n"
)
