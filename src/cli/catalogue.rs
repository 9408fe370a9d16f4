//! The words of the command line in Chinese, as data: the Chinese names of the commands, the
//! help page of each command (about, examples and exit statuses, each argument by its clap
//! id) and clap's value placeholders. `help` lays them on the clap tree; its tests hold every
//! command and argument to a text here.
//!
//! A new command or flag needs its line here (the English is its doc comment in `cli.rs`).

/// The Chinese names each command also answers to (in both languages), by command path. The
/// first is the one named in the Chinese help.
pub const ALIASES: &[(&str, &[&str])] = &[
    ("transfer", &["转移", "转移接续"]),
    ("filing", &["备案"]),
    ("route", &["路线"]),
    ("sources", &["来源"]),
    ("status", &["状态", "进度"]),
    ("balance", &["余额"]),
    ("merge", &["合并"]),
    ("refund", &["退费", "退款"]),
    ("dental", &["口腔", "牙科"]),
    ("batch", &["批量"]),
    ("guide", &["指南"]),
    ("regions", &["地区"]),
    ("calendar", &["日历"]),
    ("calendar is-workday", &["工作日"]),
    ("calendar add", &["推算"]),
    ("calendar days", &["列表"]),
    ("rules", &["规则"]),
    ("rules check", &["检查"]),
    ("rules show", &["查看"]),
    ("rules coverage", &["覆盖"]),
    ("completions", &["补全"]),
    ("schema", &["结构"]),
    ("man", &["手册"]),
];

/// One command's Chinese help.
pub struct Page {
    /// The command path: `""`, `"transfer"`, `"rules show"`.
    pub path: &'static str,
    pub about: &'static str,
    /// Examples and exit statuses; empty for commands that only group others.
    pub after_help: &'static str,
    /// Each argument's help by clap id (the field name). The global flags are `""`'s.
    pub args: &'static [(&'static str, &'static str)],
}

/// The exit-code table at the end of `yibao --help`, in Chinese (`cli::EXIT_CODES` in English).
const EXIT_CODES_ZH: &str = "\
退出码:
  0    是:符合条件、可以报销、可以办理(查询类命令:成功)
  1    否:不符合条件、受阻、不予报销
  3    视情况而定:取决于当地规定或尚未核实的情况
  2    用法或输入错误(参数、日期、地区有误,或缺少必要信息)
  4    规则数据错误(规则文件无效,或 --rules-dir 不可用)
  130  在提问时被中断";

pub const PAGES: &[Page] = &[
    Page {
        path: "",
        about: "医保关系转移接续助手 — 在中国大陆跨地区流动时,基本医疗保险能不能转、怎么转、何时办完",
        after_help: EXIT_CODES_ZH,
        args: &[
            ("sources", "完整显示每个来源:发文机关和所依据的条文"),
            (
                "json",
                "在标准输出打印一份 JSON 文档(错误以 JSON 打印到标准错误);从不提问",
            ),
            ("lang", "输出语言:zh(中文,默认)或 en(英文)"),
            ("rules_dir", "用与 rules/ 结构相同的目录覆盖内置规则"),
            ("on", "按这一天(YYYY-MM-DD)评估,而不是今天(北京时间)"),
            ("no_input", "从不提问;缺少的信息报错,并说明该给哪个参数"),
            ("explain", "显示规则追踪:逐项检查的条件及其结果"),
            (
                "color",
                "颜色:auto(仅在终端显示,遵守 NO_COLOR)、always(总是)或 never(从不)",
            ),
        ],
    },
    Page {
        path: "regions",
        about: "列出或查找地区(代码、中文名或拼音)及其统筹地区",
        after_help: "示例:\n  yibao regions 北京\n  yibao 地区 chongqing --json\n  yibao regions 110105\n\n退出码: 0 找到,2 没有匹配(会给出建议)",
        args: &[(
            "query",
            "代码前缀、中文名的一部分或拼音;不给则列出全部统筹地区",
        )],
    },
    Page {
        path: "rules",
        about: "检查和查看规则文件",
        after_help: "",
        args: &[],
    },
    Page {
        path: "rules check",
        about: "校验内置规则,或叠加了 DIR 的规则;每处问题以 路径:行:列 列出",
        after_help: "示例:\n  yibao rules check\n  yibao rules check ./my-rules\n\n退出码: 0 有效,4 发现问题,2 参数有误",
        args: &[(
            "dir",
            "与 rules/ 结构相同的目录(sources.toml、national.toml、regions/、calendar/)",
        )],
    },
    Page {
        path: "filing",
        about: "异地就医备案:要不要备案、备哪一类、要什么证明、有效期多久、报销比例",
        after_help: "示例:\n  yibao filing                                   (在终端会逐项询问)\n  yibao 备案 --from 成都 --to 深圳 --kind resettled_retiree\n  yibao filing --from 西安 --to 上海 --kind posted_worker --scheme 职工 --json\n  yibao filing --from 临沂 --to 北京 --kind temporary\n  yibao filing --from 西安 --to 杭州 --kind emergency --admitted 是\n\n类别:长期 resettled_retiree(异地安置退休)、long_term_resident(异地长期居住)、posted_worker(常驻异地工作);\n临时 referral(异地转诊)、emergency(异地急诊抢救)、temporary(其他临时外出就医)。\n\n退出码: 0 已回答(\"needed\" 说明是否要备案),3 视情况而定(类别未知,或在省内就医:按本省规定),2 输入有误,或不在终端时缺少 --from/--to,130 被中断",
        args: &[
            ("from", "参保地(代码、中文名或拼音)"),
            ("to", "就医地或居住地"),
            (
                "kind",
                "类别:resettled_retiree(异地安置退休)、long_term_resident(异地长期居住)、posted_worker(常驻异地工作);referral(异地转诊)、emergency(异地急诊抢救)、temporary(其他临时外出就医)",
            ),
            ("scheme", "职工医保(employee)或居民医保(resident)"),
            ("admitted", "是否已在当地住院但还没备案?"),
        ],
    },
    Page {
        path: "route",
        about: "该走哪条路:转移医保关系、办异地就医备案,还是什么都不用办",
        after_help: "示例:\n  yibao route                                    (在终端会逐项询问)\n  yibao 路线 --from 成都 --to 深圳 --retired 是\n  yibao route --from 西安 --to 上海 --change 否 --posted 是 --json\n  yibao route --from 西安 --to 北京 --change 是 --retired 否\n  yibao route --from 西安 --to 北京 --change 否 --stay short --care emergency\n\n退出码: 0 已判断(\"route\": transfer 转移、filing 备案或 nothing 不用办),3 缺少判断所需的情况,2 输入有误,130 被中断",
        args: &[
            ("from", "现在参保的地方(代码、中文名或拼音)"),
            ("to", "另一个地方:要搬去、居住或就医的地方"),
            (
                "change",
                "是否要换参保地(新工作、新户口、新参保)?否:仍在这里参保",
            ),
            ("retired", "是否已退休?"),
            ("posted", "是否由单位派驻外地、仍由单位参保?"),
            ("stay", "在那里待多久:long(长期居住)或 short(短期就医)"),
            (
                "care",
                "短期就医的原因:referral(转诊)、emergency(急诊)或 other(其他)",
            ),
            ("scheme", "职工医保(employee)或居民医保(resident)"),
        ],
    },
    Page {
        path: "sources",
        about: "每个回答依据的文件:证据等级、文号、发文机关、日期、网址,以及哪些结论依据它",
        after_help: "示例:\n  yibao sources\n  yibao 来源 ybbf-2021-43\n  yibao sources --json | jq '.sources[] | select(.evidence == \"reported\") | .id'\n\n等级:official(在政府网站或国家媒体原文页面读到)、full_text(在非官方转载上读到全文,并与独立的转述一致)、\nreported(只见于摘要、问答或内容网站:依据它的回答为视情况而定)。\n\n退出码: 0 已显示,2 没有这个编号(会给出建议)",
        args: &[(
            "id",
            "来源编号(回答中引用的,例如 ybbf-2021-43);不给则全部列出",
        )],
    },
    Page {
        path: "rules coverage",
        about: "某地的回答有多少是本地的:本地自己的取值、来自省里或全国规则的取值,以及在那里还答不了的问题",
        after_help: "示例:\n  yibao rules coverage 北京\n  yibao rules coverage 成都 --json\n  yibao rules coverage 海口 --lang en\n\n退出码: 0 已显示,2 地区或日期无法识别,4 规则无效",
        args: &[("region", "省、市或县(按日期归到所属统筹地区)")],
    },
    Page {
        path: "rules show",
        about: "某地区在某日适用的政策:每个取值及其来源和文件",
        after_help: "示例:\n  yibao rules show\n  yibao rules show 苏州 --on 2026-03-02\n  yibao rules show 320000 --json\n\n退出码: 0 已显示,2 地区或日期无法识别,4 规则无效",
        args: &[(
            "region",
            "省(看它自己的规则文件),或市、县(归到所属统筹地区);不给则显示全国规则",
        )],
    },
    Page {
        path: "calendar",
        about: "工作日:国务院放假通知中的节假日和调休上班日",
        after_help: "",
        args: &[],
    },
    Page {
        path: "calendar is-workday",
        about: "DATE 是不是工作日?退出码 0 是,1 否,3 估算(该年尚无通知)",
        after_help: "示例:\n  yibao calendar is-workday 2026-10-10\n  yibao 日历 工作日 2026-10-01 --json\n\n退出码: 0 工作日,1 休息日,3 估算(该年尚无放假通知),2 日期有误",
        args: &[("date", "YYYY-MM-DD")],
    },
    Page {
        path: "calendar add",
        about: "DATE 之后第 N 个工作日(DATE 当天不算)",
        after_help: "示例:\n  yibao calendar add 2026-09-30 1\n  yibao calendar add 2026-09-28 10 --json\n\n退出码: 0 已算出,2 日期或天数有误",
        args: &[("date", "YYYY-MM-DD"), ("n", "工作日天数,0 到 100000")],
    },
    Page {
        path: "calendar days",
        about: "从 FROM 到 TO(含两端)的每一天:是工作日还是休息日,以及节日名称",
        after_help: "示例:\n  yibao calendar days 2026-09-28 2026-10-11\n  yibao calendar days 2026-01-01 2026-12-31 --json\n\n退出码: 0 已列出,2 日期有误或跨度超过 10 年",
        args: &[
            ("from", "起始日期 YYYY-MM-DD"),
            ("to", "结束日期 YYYY-MM-DD"),
        ],
    },
    Page {
        path: "transfer",
        about: "规划医保关系转移:有什么障碍、分几步、带什么材料、最迟哪天办完",
        after_help: "示例:\n  yibao transfer                      (在终端会逐项询问)\n  yibao 转移 --from 西安 --to 北京 --scheme 职工 --reason 工作 --origin-stopped 是 \\\n      --destination-enrolled 是 --arrears 否 --account-frozen 否 --retired 否 \\\n      --last-paid 2026-08 --paid-from 2026-09\n  yibao transfer --from 610100 --to 110000 --scheme employee --submitted 2026-09-28 --json\n  yibao transfer --from 110105 --to 110108        (同一统筹地区:无需转移)\n  yibao transfer … --save plan.json && yibao status plan.json\n\n退出码: 0 可以申请(或无需转移),1 受阻,3 视情况而定(有情况未知或取决于当地规定),2 输入有误,或不在终端时缺少 --from/--to/--scheme,130 被中断",
        args: &[
            ("flexible", "是否灵活就业(在转出地或转入地没有单位)?"),
            (
                "ics",
                "另把日期(时限和提醒)写成 iCalendar 文件,供日历应用导入",
            ),
            (
                "format",
                "把计划打印成 md(Markdown,一页可打印)或 text(简短文字,可贴到聊天里)",
            ),
            ("from", "现在参保的地方(代码、中文名或拼音)"),
            ("to", "要转去的地方"),
            (
                "scheme",
                "职工医保(employee,含灵活就业)或居民医保(resident)",
            ),
            (
                "reason",
                "为什么转:job 工作、relocation 搬家、hukou 户口、study 上学、other 其他",
            ),
            ("retired", "是否已退休?"),
            ("origin_stopped", "转出地是否已停保?"),
            ("destination_enrolled", "是否已在转入地参保?"),
            ("arrears", "是否有欠费?"),
            ("account_frozen", "个人账户是否冻结或异常?"),
            ("last_paid", "在转出地最后缴费的月份(YYYY-MM)"),
            ("paid_from", "在转入地开始缴费(或将要缴费)的月份(YYYY-MM)"),
            ("continuous_years", "连续参保的年数(换险种时用)"),
            ("new_scheme", "转入地的险种(险种有变化时)"),
            ("submitted", "申请被受理的日期(YYYY-MM-DD),已受理时给出"),
            (
                "save",
                "把情况和计划(原子地)写入 FILE,之后用 `yibao status FILE` 复查",
            ),
            ("force", "与 --save 同用:即使 FILE 不是 yibao 计划也覆盖它"),
        ],
    },
    Page {
        path: "status",
        about: "按今天(或 --on)重新评估用 `yibao transfer --save` 保存的计划",
        after_help: "示例:\n  yibao status plan.json\n  yibao 进度 plan.json --on 2026-10-20 --json\n\n退出码: 同 transfer(0 是,1 否,3 视情况而定);2 文件不存在、无法读取或不是 yibao 计划",
        args: &[
            (
                "submitted",
                "申请被受理的日期(YYYY-MM-DD):记入计划(文件原子地重写),并从这天起算时限",
            ),
            (
                "ics",
                "另把日期(时限和提醒)写成 iCalendar 文件,供日历应用导入",
            ),
            (
                "format",
                "把计划打印成 md(Markdown,一页可打印)或 text(简短文字,可贴到聊天里)",
            ),
            ("plan", "由 `yibao transfer --save` 写下的计划文件"),
        ],
    },
    Page {
        path: "balance",
        about: "在哪里查个人账户余额;转来的余额何时到账;每月划入多少",
        after_help: "示例:\n  yibao balance --region 北京\n  yibao 余额 --region 北京 --after-transfer --from 西安 --submitted 2026-09-28\n  yibao balance --region 西安 --monthly --base 6000\n  yibao balance --region 北京 --monthly --retired --age 72\n\n退出码: 0 已回答(--monthly:按本地区自己的规定算出的金额),3 --monthly 为估算或取决于当地规定,1 --monthly:没有个人账户(居民医保),2 输入有误",
        args: &[
            (
                "ics",
                "与 --after-transfer 同用:另把余额应到账的日期写成 iCalendar 文件",
            ),
            (
                "region",
                "账户所在地(代码、中文名或拼音);会加上该地区自己的查询渠道",
            ),
            (
                "after_transfer",
                "转移后的余额应在何时到账、怎样确认、没到账怎么办",
            ),
            (
                "submitted",
                "与 --after-transfer 同用:转移申请被受理的日期(YYYY-MM-DD)",
            ),
            (
                "from",
                "与 --after-transfer 同用:余额从哪个地区转来(用于它的办结时限)",
            ),
            ("monthly", "每月划入个人账户多少"),
            (
                "scheme",
                "与 --monthly 同用:职工医保(employee,默认)或居民医保(resident)",
            ),
            ("base", "与 --monthly 同用:每月缴费基数(元,在职职工)"),
            ("retired", "与 --monthly 同用:已退休"),
            (
                "age",
                "与 --monthly --retired 同用:年龄(按年龄划入的地区要用)",
            ),
        ],
    },
    Page {
        path: "merge",
        about: "两地各有一个医保账户时能否合并、怎样合并",
        after_help: "示例:\n  yibao merge                      (在终端会逐项询问)\n  yibao 合并 --from 西安 --to 北京 --arrears 否 --frozen 否 --from-stopped 是 --to-insured 是\n  yibao merge --from 610100 --to 110000 --submitted 2026-09-28 --json\n\n退出码: 0 可以,1 不可以(有条件不满足),3 视情况而定(有条件未知),2 输入有误,或不在终端时缺少 --from/--to,130 被中断",
        args: &[
            (
                "ics",
                "另把日期(时限和提醒)写成 iCalendar 文件,供日历应用导入",
            ),
            ("from", "要注销的账户所在地(代码、中文名或拼音)"),
            ("to", "要保留的账户所在地(通常是现在参保缴费的地方)"),
            ("arrears", "两个账户中是否有欠费?"),
            ("frozen", "两个账户中是否有冻结或异常?"),
            ("from_stopped", "要注销账户的所在地是否已停保?"),
            ("to_insured", "在保留账户的所在地是否已参保并在缴费?"),
            ("submitted", "转移申请被受理的日期(YYYY-MM-DD),用于计算时限"),
        ],
    },
    Page {
        path: "refund",
        about: "重复缴费了?钱能不能退、退多少、怎么申请",
        after_help: "示例:\n  yibao refund                                  (在终端会逐项询问)\n  yibao refund --list\n  yibao 退费 --situation paid_twice --scheme 居民 --benefit-started 否\n  yibao refund --region 重庆 --situation two_employers --json\n  yibao refund --case cq_unemployment --region 重庆 --lang en\n\n退出码: 0 可退,1 不可退,3 视情况而定(部分可退、取决于经办机构、有情况未知或依据仅为转述),2 输入有误(情形或回答无法识别,会给出建议),130 被中断",
        args: &[
            ("list", "列出全部情形(编号、名称、适用地区、结论)"),
            (
                "case",
                "按编号或 --list 中的名称直接选一种情形,不再逐项回答",
            ),
            (
                "region",
                "参保地(代码、中文名或拼音);有些情形是某地自己的规定",
            ),
            (
                "situation",
                "发生了什么:paid_twice、employee_and_resident、became_employee、died、two_employers、lump_sum、unemployment、retired_paying、left_before_wage、change_tier、within_city",
            ),
            (
                "scheme",
                "想退的是哪个险种的钱:职工医保(employee)或居民医保(resident)",
            ),
            ("benefit_started", "要终止的那份参保,待遇期是否已经开始?"),
            ("subsidised", "是否享受缴费优惠或补助?"),
            ("standard_base", "一次性缴费是否按规定的基数和比例缴纳?"),
            ("tier_one", "是否以个人身份按一档按年缴费?"),
            ("years_met", "缴费年限是否已满?"),
        ],
    },
    Page {
        path: "dental",
        about: "口腔治疗:基本医疗保险管不管?",
        after_help: "示例:\n  yibao dental 补牙 --designated 是\n  yibao 口腔 zhongzhiya --scheme 居民\n  yibao dental 'root canal' --scheme employee --designated yes --imported-material no --lang en\n  yibao dental --list\n\n退出码: 0 可以报销,1 不予报销,3 视情况而定(只能用个人账户、各地不同、有情况未知或依据仅为转述),2 输入有误(治疗项目无法识别,会给出建议),130 被中断",
        args: &[
            (
                "procedure",
                "治疗项目:中文(补牙)、拼音(buya)或英文(filling)",
            ),
            ("list", "列出治疗项目及可用的名称"),
            ("scheme", "险种:职工医保(employee)或居民医保(resident)"),
            ("region", "参保地(代码、中文名或拼音)"),
            ("designated", "是否在医保定点医院或诊所治疗?"),
            ("imported_material", "是否用了进口材料或特殊耗材?"),
        ],
    },
    Page {
        path: "batch",
        about: "一次回答许多情况:读入 JSON Lines(一行一个),按顺序输出 JSON Lines",
        after_help: "输入:每行一个 JSON 对象:{\"check\":\"transfer\"|\"merge\"|\"refund\"|\"dental\"(或 转移、合并、退费、口腔), \"id\": 任意 JSON, 各项情况…};\n情况按命令的参数命名,用 snake_case(\"from\"、\"origin_stopped\"、\"last_paid\" …);地点可用代码、中文或拼音;\n日期 YYYY-MM-DD,月份 YYYY-MM,回答 \"yes\"/\"no\"、\"是\"/\"否\"、\"不确定\" 或 true/false。\n输出:每个输入行一行 JSON,顺序不变,带 \"line\"(从 1 数起)和原样的 \"id\":默认给出结论、时限、等待期、\n障碍、条件和引用的编号(schema yibao.batch/1);加 --full 则是该命令 --json 的完整文档。无法评估的行\n输出 {\"line\":N,\"id\":…,\"error\":{\"code\",\"message\"}},其余照常。按 --on 的日期评估。\n\n示例:\n  yibao batch cases.jsonl > answers.jsonl\n  echo '{\"check\":\"转移\",\"id\":1,\"from\":\"西安\",\"to\":\"北京\",\"scheme\":\"职工\"}' | yibao batch\n  yibao batch cases.jsonl --full --fail-on no | jq -c 'select(.outcome == \"no\")'\n\n退出码: 0 每行都已评估;2 有一行有误(它的错误记录说明原因),或输入无法读取;加 --fail-on no:\n没有错误行但有结论为否的情况时为 1;加 --fail-on conditional:有结论为否的情况时为 1,否则有视情况而定的为 3;\n4 规则无效。输出被关闭(| head)时安静结束。",
        args: &[
            (
                "input_format",
                "输入格式:jsonl(每行一个 JSON 对象)或 csv(一行字段名表头,可再有一行标签,然后每行一个情况);不给时,文件名以 .csv 结尾的按 csv 读,否则按 jsonl",
            ),
            (
                "output_format",
                "输出格式:jsonl,或 csv(UTF-8 带 BOM,每行一个情况,供电子表格用)",
            ),
            (
                "input",
                "JSON Lines 文件,每行一个情况;`-` 或不给则读标准输入",
            ),
            (
                "full",
                "完整结论:每行是该命令的 --json 文档,另加 line 和 id",
            ),
            (
                "fail_on",
                "让结论也决定退出码:no(有结论为否时为 1)或 conditional(有否时为 1,否则有视情况而定时为 3);有错误行仍为 2",
            ),
            ("parse_only", "只把每行读成情况并计数(基准测试的下限)"),
        ],
    },
    Page {
        path: "guide",
        about: "分步指南:重置医保卡密码、家庭共济 …",
        after_help: "示例:\n  yibao guide\n  yibao guide password\n  yibao 指南 家庭共济\n  yibao guide family --lang en\n  yibao guide 家庭共济 --json\n\n退出码: 0 已显示,2 主题无法识别(会给出建议)",
        args: &[(
            "topic",
            "主题(例如 密码、家庭共济、password、family);不给则列出全部主题",
        )],
    },
    Page {
        path: "completions",
        about: "打印 shell 补全脚本(bash、zsh、fish、powershell、elvish)",
        after_help: "示例:\n  yibao completions bash > ~/.local/share/bash-completion/completions/yibao\n  yibao completions zsh > ~/.zfunc/_yibao\n  yibao completions fish > ~/.config/fish/completions/yibao.fish\n\n退出码: 0 已打印,2 不支持的 shell",
        args: &[("shell", "要补全的 shell")],
    },
    Page {
        path: "schema",
        about: "打印某个命令 --json 输出的 JSON Schema;不给 COMMAND 则列出全部",
        after_help: "示例:\n  yibao schema\n  yibao schema regions > regions.schema.json\n\n退出码: 0 已打印,2 命令名无法识别",
        args: &[(
            "command",
            "regions、calendar、rules-check、rules-show、error,或某项检查(transfer、refund …)",
        )],
    },
    Page {
        path: "man",
        about: "打印 yibao 的手册页(roff)",
        after_help: "示例:\n  yibao man > yibao.1 && man ./yibao.1\n\n退出码: 0 已打印",
        args: &[],
    },
    Page {
        path: "help",
        about: "显示本说明,或给定命令的说明",
        after_help: "",
        args: &[],
    },
];

/// clap's placeholders for values, in Chinese; others are shown as they are.
pub const VALUE_NAMES: &[(&str, &str)] = &[
    ("REGION", "地区"),
    ("DATE", "日期"),
    ("FILE", "文件"),
    ("FILE|-", "文件|-"),
    ("DIR", "目录"),
    ("AMOUNT", "金额"),
    ("YEARS", "岁数"),
    ("ID", "编号"),
    ("ANSWER", "情形"),
    ("yes|no", "是|否"),
    ("yes|no|unknown", "是|否|不确定"),
    ("SCHEME", "险种"),
    ("NEW_SCHEME", "险种"),
    ("REASON", "原因"),
    ("LANG", "语言"),
    ("COLOR", "颜色"),
    ("QUERY", "查询"),
    ("PLAN", "计划文件"),
    ("TOPIC", "主题"),
    ("COMMAND", "命令"),
    ("PROCEDURE", "治疗项目"),
    ("FROM", "起始日期"),
    ("TO", "结束日期"),
    // Shown as they are.
    ("N", "N"),
    ("YYYY-MM", "YYYY-MM"),
    ("SHELL", "SHELL"),
    ("no|conditional", "no|conditional"),
];
