"""Names and places for demo data: fictional schools in fictional districts."""

DISTRICTS = (("青山区", "Qingshan"), ("河西区", "Hexi"), ("城南区", "Chengnan"))
LEVELS = (("primary", "小学", "Primary School"), ("kindergarten", "幼儿园", "Kindergarten"),
          ("primary", "实验小学", "Experimental Primary School"),
          ("junior", "中学", "Middle School"), ("senior", "高级中学", "Senior High School"),
          ("nine_year", "九年一贯制学校", "Nine-Year School"),
          ("vocational", "职业技术学校", "Vocational School"))
PLACES = (("育才", "Yucai"), ("实验", "Shiyan"), ("明德", "Mingde"), ("朝阳", "Chaoyang"),
          ("光明", "Guangming"), ("新华", "Xinhua"), ("东风", "Dongfeng"), ("春晖", "Chunhui"),
          ("启明", "Qiming"), ("博雅", "Boya"), ("星海", "Xinghai"), ("滨江", "Binjiang"))
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟",
         "涛", "明", "超", "秀英", "霞", "平", "建华", "晓燕", "志强", "海燕", "文博", "子涵")
SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治",
            "体育", "音乐", "美术", "信息技术", "科学")
INSPECTORS = ("张明华", "李晓东", "王静怡", "陈国栋", "刘思远")
NOTES = ("现场查阅台账，记录基本完整。", "部分记录缺少签字，已当场指出。",
         "现场核查，校长对个别缺漏作了说明。",
         "与分管副校长座谈，情况属实。", "抽查三个班级，情况一致。",
         "需补充近三个月的会议纪要。")

# Who answers for a corrective action, by the kind of checklist it comes from.
RESPONSIBLE_BY_KIND = {
    "food_safety": ("食堂负责人", "总务主任", "分管副校长"),
    "safety": ("安全办主任", "总务主任", "分管副校长"),
    "ethics": ("校长", "分管副校长"),
    "kindergarten": ("园长", "保教主任", "保健医生"),
    "supervision": ("校长", "分管副校长", "教务主任"),
    "inspection": ("校长", "分管副校长", "总务主任", "教务主任", "财务负责人"),
}
# Wording of a corrective action, around the failed item's short label (one language).
ACTION_PATTERNS = ("针对“{item}”存在的问题限期整改，整改完成后报送整改报告",
                   "落实“{item}”要求，补齐相关制度和台账",
                   "“{item}”未达标：明确责任人，立即整改并留存记录")
FACT_PATTERNS = ("现场核查“{item}”：不符合要求，已拍照取证并当场向学校指出。",
                 "查阅台账和现场询问发现“{item}”未落实，学校负责人已签字确认。")


def action_text(item, rng) -> str:
    return rng.choice(ACTION_PATTERNS).format(item=item.short_label("zh"))


def fact_note(item, kind: str = "") -> str:
    if kind == "ethics":
        return f"经调查核实，被考核教师存在违反“{item.short_label('zh')}”的行为，已按程序报告。"
    return FACT_PATTERNS[len(item.key) % len(FACT_PATTERNS)].format(item=item.short_label("zh"))


def responsible_for(kind: str, rng) -> str:
    return rng.choice(RESPONSIBLE_BY_KIND.get(kind, RESPONSIBLE_BY_KIND["inspection"]))
RECTIFIED = ("已按要求整改，附整改前后照片。", "已完成整改并建立台账，请复核。",
             "已更换设备，每日记录已上墙。")
