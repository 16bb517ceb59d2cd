"""Names and places for demo data: fictional schools in fictional districts."""

DISTRICTS = (("青山区", "Qingshan"), ("河西区", "Hexi"), ("城南区", "Chengnan"))
LEVELS = (("kindergarten", "幼儿园", "Kindergarten"), ("primary", "小学", "Primary School"),
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
         "Records checked on site; minor gaps explained by the principal.",
         "与分管副校长座谈，情况属实。", "抽查三个班级，情况一致。",
         "需补充近三个月的会议纪要。")
ACTIONS = (("补齐会议纪要并由参会人员签字", "Complete the minutes and have attendees sign"),
           ("更换过期灭火器并建立检查台账", "Replace expired extinguishers and keep a log"),
           ("完善留样记录，确保每餐每样不少于125克", "Keep samples of every dish, ≥125 g each"),
           ("在校门口公示收费项目和标准", "Post approved fees at the school gate"),
           ("组织教职工签订师德承诺书", "Have all staff sign the ethics commitment letter"),
           ("冷藏设备温度超标，立即维修并每日记录", "Repair the fridge and log temperatures"))
RECTIFIED = ("已按要求整改，附整改前后照片。", "已完成整改并建立台账，请复核。",
             "已更换设备，每日记录已上墙。")
RESPONSIBLE = ("校长", "分管副校长", "总务主任", "食堂负责人", "教务主任", "安全办主任")
