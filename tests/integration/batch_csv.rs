//! `yibao batch --input csv` / `--output csv`, and JSON Lines input with a byte-order mark
//! and blank lines. The CSV written is read back with an independent reader (the `csv`
//! crate), byte-order mark included.

use serde_json::Value;

use crate::support::Yibao;

const ON: &str = "2026-10-20";

/// A spreadsheet of cases as Excel saves it: a byte-order mark, fact names written as flags,
/// a row of Chinese labels, a blank row, a quoted cell with a comma, CRLF line ends.
const SHEET: &str = "\u{feff}check,id,from,to,scheme,--origin-stopped,destination-enrolled,continuous_years\r\n\
检查项目,编号,转出地,转入地,险种,转出地已停保,转入地已参保,连续参保年数\r\n\
transfer,a1,西安,北京,employee,yes,yes,\r\n\
,,,,,,,\r\n\
transfer,\"a,2\",成都,深圳,employee,no,yes,3\r\n\
transfer,=HYPERLINK(\"x\"),西安,,,,,\r\n\
merge,@4,西安,北京,,,,\r\n";

struct Sheet {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Sheet {
    fn cell(&self, row: usize, column: &str) -> &str {
        let at = self.headers.iter().position(|h| h == column).unwrap();
        &self.rows[row][at]
    }
}

fn run(args: &[&str], input: &str, code: i32) -> String {
    Yibao::new()
        .arg("batch")
        .args(args)
        .on(ON)
        .stdin(input.as_bytes().to_vec())
        .run()
        .code(code)
        .stdout
}

/// Reads CSV output with the csv crate; the byte-order mark must be there, first.
fn read_csv(text: &str) -> Sheet {
    assert!(text.starts_with('\u{feff}'), "no byte-order mark: {text:?}");
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    Sheet { headers, rows }
}

#[test]
fn a_spreadsheet_of_cases_gives_a_spreadsheet_of_answers() {
    let sheet = read_csv(&run(&["--input", "csv", "--output", "csv"], SHEET, 2));
    assert_eq!(sheet.headers[..4], ["line", "id", "check", "outcome"]);
    // The second row: Chinese labels (zh is the default language).
    assert_eq!(sheet.rows[0][..4], ["行号", "编号", "检查项目", "结论"]);
    let answers = &sheet.rows[1..];
    // One row a case, in order, numbered as the spreadsheet numbers its rows (the blank row
    // 4 and the two header rows give none).
    let lines: Vec<&str> = answers.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(lines, ["3", "5", "6", "7"]);
    let sheet = Sheet {
        headers: sheet.headers,
        rows: answers.to_vec(),
    };
    assert_eq!(sheet.cell(0, "id"), "a1");
    assert_eq!(sheet.cell(0, "outcome"), "conditional");
    assert_eq!(sheet.cell(0, "transfer_out"), "2026-11-03");
    assert_eq!(sheet.cell(0, "transfer_complete"), "2026-11-10");
    assert!(!sheet.cell(0, "summary").is_empty());
    assert_eq!(sheet.cell(1, "id"), "a,2");
    assert_eq!(sheet.cell(1, "outcome"), "no");
    assert!(
        sheet.cell(1, "blockers").contains("origin_stopped"),
        "{}",
        sheet.cell(1, "blockers")
    );
    // A row that cannot be answered: its error in the error columns.
    assert_eq!(sheet.cell(2, "error_code"), "missing_fact");
    assert_eq!(sheet.cell(2, "outcome"), "");
    // Cells that would be formulas are text: an apostrophe first.
    assert_eq!(sheet.cell(2, "id"), "'=HYPERLINK(\"x\")");
    assert_eq!(sheet.cell(3, "id"), "'@4");
}

#[test]
fn csv_answers_say_what_the_json_lines_answers_say() {
    let csv = read_csv(&run(
        &["--input", "csv", "--output", "csv", "--lang", "en"],
        SHEET,
        2,
    ));
    // In English there is no label row.
    assert_eq!(csv.rows.len(), 4);
    let lines: Vec<Value> = run(&["--input", "csv"], SHEET, 2)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for (i, json) in lines.iter().enumerate() {
        assert_eq!(csv.cell(i, "line"), json["line"].to_string());
        let outcome = json["outcome"].as_str().unwrap_or("");
        assert_eq!(csv.cell(i, "outcome"), outcome, "row {i}");
        let first = json["deadlines"][0]["date"].as_str().unwrap_or("");
        assert_eq!(csv.cell(i, "transfer_out"), first, "row {i}");
        let code = json["error"]["code"].as_str().unwrap_or("");
        assert_eq!(csv.cell(i, "error_code"), code, "row {i}");
    }
}

#[test]
fn json_lines_in_csv_out_and_the_exit_rules_hold() {
    let input = "{\"check\":\"merge\",\"id\":1,\"from\":\"西安\",\"to\":\"北京\"}\n\
                 {\"check\":\"transfer\",\"id\":2,\"from\":\"成都\",\"to\":\"深圳\",\"scheme\":\"employee\",\"retired\":\"yes\"}\n";
    let sheet = read_csv(&run(&["--output", "csv", "--lang", "en"], input, 0));
    assert_eq!(sheet.cell(0, "id"), "1");
    assert_eq!(sheet.cell(1, "outcome"), "no");
    run(&["--output", "csv", "--fail-on", "no"], input, 1);
    run(&["--output", "csv", "--fail-on", "conditional"], input, 1);
    // An empty input: the header alone.
    let empty = run(&["--output", "csv", "--lang", "en"], "", 0);
    assert_eq!(read_csv(&empty).rows.len(), 0);
}

#[test]
fn json_lines_with_a_byte_order_mark_and_blank_lines_are_read() {
    let input = "\u{feff}{\"check\":\"merge\",\"id\":1,\"from\":\"西安\",\"to\":\"北京\"}\n\n  \r\n{\"check\":\"merge\",\"id\":2,\"from\":\"西安\",\"to\":\"北京\"}\n";
    for args in [&[][..], &["--input", "jsonl"][..]] {
        let out = run(args, input, 0);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(lines[1]["line"], 4, "lines keep their numbers in the file");
        assert!(lines.iter().all(|l| l.get("error").is_none()), "{out}");
    }
}

#[test]
fn bad_sheets_and_flags_are_reported() {
    // A misspelt column: each case says which fact it does not know.
    let sheet = "check,form,to\nmerge,西安,北京\n";
    let out = read_csv(&run(
        &["--input", "csv", "--output", "csv", "--lang", "en"],
        sheet,
        2,
    ));
    assert_eq!(out.cell(0, "error_code"), "bad_fact");
    assert!(out.cell(0, "error_message").contains("form"));
    // A cell that is not UTF-8: that row only.
    let mut bytes = b"check,from,to\nmerge,\xff\xfe,x\nmerge,xian,beijing\n".to_vec();
    let out = Yibao::new()
        .args(["batch", "--input", "csv", "--output", "csv", "--lang", "en"])
        .on(ON)
        .stdin(std::mem::take(&mut bytes))
        .run()
        .code(2)
        .stdout;
    let out = read_csv(&out);
    assert_eq!(out.cell(0, "error_code"), "not_utf8");
    assert_eq!(out.cell(1, "outcome"), "conditional");
    // --full is a JSON answer: not a spreadsheet row.
    Yibao::new()
        .args(["batch", "--full", "--output", "csv"])
        .stdin(Vec::new())
        .run()
        .code(2)
        .stderr_has("--full");
    Yibao::new()
        .args(["batch", "--input", "xlsx"])
        .stdin(Vec::new())
        .run()
        .code(2);
}

#[test]
fn blank_rows_before_the_header_and_an_unclosed_quote_are_handled() {
    let sheet = "\n,,\ncheck,id,from,to\n检查项目,编号,转出地,转入地\nmerge,1,西安,北京\nmerge,\"2,西安,北京\n";
    let out = read_csv(&run(
        &["--input", "csv", "--output", "csv", "--lang", "en"],
        sheet,
        2,
    ));
    // The label row under a header that is not the first row is still labels.
    assert_eq!(out.rows.len(), 2, "{:?}", out.rows);
    assert_eq!(out.cell(0, "line"), "5");
    assert_eq!(out.cell(0, "outcome"), "conditional");
    // The quote never closes: the rest of the input is that one cell, and the row is bad.
    assert_eq!(out.cell(1, "error_code"), "missing_fact");
}

#[test]
fn a_sheet_written_by_another_csv_writer_comes_back_through_another_reader() {
    let ids = [
        "plain",
        "with, comma",
        "say \"hi\"",
        "two\nlines",
        "中文 编号",
    ];
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    writer.write_record(["check", "id", "from", "to"]).unwrap();
    for id in ids {
        writer.write_record(["merge", id, "西安", "北京"]).unwrap();
    }
    let mut input = "\u{feff}".as_bytes().to_vec();
    input.extend(writer.into_inner().unwrap());
    let out = Yibao::new()
        .args(["batch", "--input", "csv", "--output", "csv", "--lang", "en"])
        .on(ON)
        .stdin(input)
        .run()
        .code(0)
        .stdout;
    let sheet = read_csv(&out);
    let back: Vec<&str> = (0..ids.len()).map(|i| sheet.cell(i, "id")).collect();
    assert_eq!(back, ids);
    // Rows are numbered as the sheet numbers them: the id with a line break is one row.
    let lines: Vec<&str> = (0..ids.len()).map(|i| sheet.cell(i, "line")).collect();
    assert_eq!(lines, ["2", "3", "4", "5", "6"]);
}

#[test]
fn a_bad_cell_says_no_place_in_the_record_made_from_its_row_and_flexible_work_names_the_columns() {
    // serde's "at line 1 column 73" points into the record made from the row: it is left out;
    // a scheme given as the kind of work is told which columns to fill instead.
    let sheet = "check,from,to,scheme,retired\ntransfer,海淀,昆山,灵活就业,no\ntransfer,海淀,昆山,emploee,no\n";
    let out = read_csv(&run(
        &["--input", "csv", "--output", "csv", "--lang", "en"],
        sheet,
        2,
    ));
    let flexible = out.cell(0, "error_message");
    assert!(
        flexible.ends_with(
            "put employee in the scheme (or new_scheme) column and yes in the flexible column"
        ),
        "{flexible}"
    );
    for row in 0..2 {
        let message = out.cell(row, "error_message");
        assert!(!message.contains(" at line "), "{message}");
        // The column is named instead.
        assert!(message.starts_with("scheme: "), "{message}");
        assert_eq!(out.cell(row, "error_code"), "bad_fact");
    }
}

#[test]
fn a_spreadsheet_s_true_false_and_yes_no_in_any_case_are_answers() {
    // Excel writes TRUE/FALSE; people type Yes, Y, 有 or 没有. Each reads as yes or no, and
    // every row gives the answer of the row written with yes and no. A number is no answer,
    // as on the command line.
    let mut sheet = String::from(
        "check,from,to,scheme,retired,origin_stopped,destination_enrolled,arrears,account_frozen\n",
    );
    for (yes, no) in [
        ("yes", "no"),
        ("TRUE", "FALSE"),
        ("Yes", "No"),
        ("Y", "n"),
        ("是", "否"),
        ("有", "没有"),
    ] {
        sheet.push_str(&format!(
            "transfer,西安,北京,employee,{no},{yes},{yes},{no},{no}\n"
        ));
    }
    sheet.push_str("transfer,西安,北京,employee,no,maybe,yes,no,no\n");
    sheet.push_str("transfer,西安,北京,employee,no,1,yes,no,no\n");
    let out = read_csv(&run(
        &["--input", "csv", "--output", "csv", "--lang", "en"],
        &sheet,
        2,
    ));
    for row in 0..6 {
        assert_eq!(
            out.cell(row, "outcome"),
            out.cell(0, "outcome"),
            "row {row}"
        );
        assert_eq!(out.cell(row, "error_code"), "", "row {row}");
    }
    assert_eq!(out.cell(0, "outcome"), "yes");
    for (row, typed) in [(6, "maybe"), (7, "1")] {
        let message = out.cell(row, "error_message");
        let wanted = format!("origin_stopped: '{typed}' is not an answer");
        assert!(message.starts_with(&wanted), "{message}");
    }
}

/// HR staff save a sheet as `cases.csv` and run `yibao batch cases.csv`: it is read as CSV
/// without `--input csv` (which still decides when given), and a CSV row that reaches the
/// JSON Lines reader anyway (piped, or named otherwise) says how to read it.
#[test]
fn a_file_named_csv_is_read_as_csv_and_a_csv_row_read_as_json_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("Cases.CSV");
    std::fs::write(&sheet, SHEET).unwrap();
    let path = sheet.to_str().unwrap();
    let by_name = run(&[path], "", 2);
    let given = run(&[path, "--input", "csv"], "", 2);
    assert_eq!(by_name, given);
    assert!(
        by_name.contains(r#""id":"a1","check":"transfer","outcome""#),
        "{by_name}"
    );
    // --input jsonl is obeyed, and each row's error says what to do.
    let forced = run(&[path, "--input", "jsonl", "--lang", "en"], "", 2);
    assert!(
        forced.contains("looks like a CSV row: add --input csv"),
        "{forced}"
    );
    let piped = run(&[], SHEET, 2);
    assert!(
        piped.contains("像是 CSV 表格的一行:请加 --input csv"),
        "{piped}"
    );
    // A JSON line that is merely broken gets no such hint.
    let broken = run(&["--lang", "en"], "{\"check\":\"transfer\",\n", 2);
    assert!(!broken.contains("CSV"), "{broken}");
}
