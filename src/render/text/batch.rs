//! The words of `yibao batch`: the label of each spreadsheet column, Chinese and English
//! (`--output csv` writes the Chinese labels as a second header row; `--input csv` accepts a
//! second row of these labels, either language, under the fact names), and what a record
//! with a wrong fact, or a line that is no record at all, is told.

use crate::text::Lang;

/// A record's fact serde refused (`said`: serde's words, after the key they are about), with
/// what a flexible worker who gave the kind of work as the scheme should write instead, and
/// the known key closest to a misspelt one (`typo`). `csv`: the record is a spreadsheet row,
/// so keys are columns.
pub fn bad_fact(said: &str, flexible: bool, typo: Option<&str>, csv: bool, lang: Lang) -> String {
    let mut message = match lang {
        Lang::Zh => format!("记录中的事实有误(名称拼错或类型不对): {said}"),
        Lang::En => said.to_string(),
    };
    if flexible {
        message.push_str(match (lang, csv) {
            (Lang::Zh, false) => ";灵活就业人员参加的是职工医保:请写 \"scheme\":\"employee\"(或 \"new_scheme\")并加 \"flexible\":\"yes\"",
            (Lang::En, false) => "; a flexible worker is in employee insurance: give \"scheme\":\"employee\" (or \"new_scheme\") and \"flexible\":\"yes\"",
            (Lang::Zh, true) => ";灵活就业人员参加的是职工医保:请在 scheme(或 new_scheme)列写 employee,在 flexible 列写 yes",
            (Lang::En, true) => "; a flexible worker is in employee insurance: put employee in the scheme (or new_scheme) column and yes in the flexible column",
        });
    }
    if let Some(best) = typo {
        message.push_str(&match lang {
            Lang::Zh => format!(";您是不是要写 `{best}`?"),
            Lang::En => format!("; did you mean `{best}`?"),
        });
    }
    message
}

/// A line that is not a JSON object (`record`: it is JSON, but its `check` or `id` is not
/// as a record has them), in serde's words; `csv_row`: it reads as a spreadsheet's row.
pub fn not_json(said: &str, record: bool, csv_row: bool, lang: Lang) -> String {
    let mut message = match (lang, record) {
        (Lang::Zh, true) => format!("记录应是一个 JSON 对象,\"check\" 为字符串: {said}"),
        (Lang::Zh, false) => format!("这一行不是有效的 JSON: {said}"),
        (Lang::En, _) => said.to_string(),
    };
    if csv_row {
        message.push_str(match lang {
            Lang::Zh => ";这一行像是 CSV 表格的一行:请加 --input csv(或把文件命名为 *.csv)",
            Lang::En => {
                "; this line looks like a CSV row: add --input csv (or name the file *.csv)"
            }
        });
    }
    message
}

/// The labels (zh, en) of a column: a fact of a case, or a column of the answers.
pub fn label(column: &str) -> Option<[&'static str; 2]> {
    Some(match column {
        // The cases' columns (the facts, as the commands' flags name them).
        "check" => ["检查项目", "check"],
        "id" => ["编号", "id"],
        "from" => ["转出地", "from"],
        "to" => ["转入地", "to"],
        "scheme" => ["险种", "scheme"],
        "reason" => ["转移原因", "reason"],
        "retired" => ["已退休", "retired"],
        "origin_stopped" => ["转出地已停保", "origin stopped"],
        "destination_enrolled" => ["转入地已参保", "destination enrolled"],
        "arrears" => ["有欠费", "arrears"],
        "account_frozen" => ["账户冻结或异常", "account frozen"],
        "last_paid" => ["转出地最后缴费月", "last month paid"],
        "paid_from" => ["转入地开始缴费月", "first month paid"],
        "continuous_years" => ["连续参保年数", "continuous years"],
        "new_scheme" => ["转入后险种", "new scheme"],
        "submitted" => ["受理日期", "accepted on"],
        "frozen" => ["账户冻结或异常", "frozen"],
        "from_stopped" => ["注销账户所在地已停保", "from stopped"],
        "to_insured" => ["保留账户所在地已参保", "to insured"],
        "region" => ["参保地", "region"],
        "situation" => ["情形", "situation"],
        "case" => ["情形编号", "case"],
        "benefit_started" => ["待遇期已开始", "benefit started"],
        "subsidised" => ["享受缴费补助", "subsidised"],
        "standard_base" => ["按规定基数和比例", "standard base"],
        "tier_one" => ["个体参保按一档按年缴费", "tier one"],
        "years_met" => ["已满缴费年限", "years met"],
        "procedure" => ["治疗项目", "procedure"],
        "designated" => ["定点机构", "designated"],
        "imported_material" => ["进口材料或特殊耗材", "imported material"],
        // The answers' columns.
        "line" => ["行号", "line"],
        "outcome" => ["结论", "outcome"],
        "summary" => ["说明", "summary"],
        "transfer_out" => ["转出地办结最迟日", "transfer out by"],
        "transfer_complete" => ["转入地办结最迟日", "transfer complete by"],
        "estimated" => ["日期为估算", "estimated"],
        "waiting_rule" => ["等待期情形", "waiting rule"],
        "waiting_months" => ["等待期月数", "waiting months"],
        "blockers" => ["需先解决", "blockers"],
        "conditions" => ["取决于", "conditions"],
        "citations" => ["依据", "citations"],
        "error_code" => ["错误代码", "error code"],
        "error_message" => ["错误说明", "error message"],
        _ => return None,
    })
}
