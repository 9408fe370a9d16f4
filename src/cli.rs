//! What the user can type: the clap definitions of every command and the global flags. Only
//! shape and help text live here; values are checked and resolved in `request`.

use std::path::PathBuf;

use clap::builder::FalseyValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::checks::transfer::{Reason, Scheme};
use crate::text::Lang;

mod catalogue;
pub mod help;
pub mod refusal;

/// The exit-code table shown at the end of every `--help`.
pub const EXIT_CODES: &str = "\
Exit status / 退出码:
  0    yes: eligible, covered, ready (informational commands: success)
  1    no: not eligible, blocked, not covered
  3    conditional: depends on local rules or unverified facts
  2    usage or input error (bad flag, date, region, missing fact)
  4    rules data error (rules files invalid, --rules-dir unusable)
  130  interrupted at a prompt";

#[derive(Debug, Parser)]
#[command(
    name = "yibao",
    version,
    about = "医保关系转移接续助手 — plans and answers for moving basic medical insurance between regions of mainland China",
    after_help = EXIT_CODES,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// The environment variables that stand for a flag. One set but empty counts as unset, as
/// with NO_COLOR (`YIBAO_LANG= yibao …` is plain `yibao …`).
const ENV_FLAGS: &[(&str, &str)] = &[
    ("lang", "YIBAO_LANG"),
    ("rules_dir", "YIBAO_RULES_DIR"),
    ("no_input", "YIBAO_NO_INPUT"),
];

impl Cli {
    /// Parses the arguments (the first is the program name) and the environment. Help and
    /// usage errors come in `lang` (`help::language`): the Chinese texts are laid on only
    /// when clap has something to show, so an answer costs no more in Chinese.
    pub fn parse_args<I, T>(args: I, lang: Lang) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        use clap::FromArgMatches;
        let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        let mut cmd = Cli::definitions(Lang::En);
        let mut matches = match cmd.try_get_matches_from_mut(&args) {
            Ok(m) => m,
            Err(e) if lang == Lang::En || e.kind() == clap::error::ErrorKind::DisplayVersion => {
                return Err(e);
            }
            Err(e) => {
                let mut zh = Cli::definitions(Lang::Zh);
                return Err(zh.try_get_matches_from_mut(&args).err().unwrap_or(e));
            }
        };
        // Taken out of the matches, not read from a copy of them (`from_arg_matches` clones).
        let cli = Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))?;
        // Parsed once a process, which ends soon after: freeing clap's definitions piece by
        // piece would cost a tenth of a check's start-up (callgrind: 3.14 M instructions).
        std::mem::forget(cmd);
        std::mem::forget(matches);
        Ok(cli)
    }

    /// The clap definitions as parsed and shown: the environment's flags, the Chinese
    /// aliases, and the help in `lang`.
    pub fn definitions(lang: Lang) -> clap::Command {
        use clap::CommandFactory;
        let mut cmd = Cli::command();
        for (id, var) in ENV_FLAGS {
            if std::env::var_os(var).is_some_and(|v| v.is_empty()) {
                cmd = cmd.mut_arg(*id, |a| a.env(None::<&str>));
            }
        }
        help::command(cmd, lang)
    }
}

/// An amount of yuan as typed, checked for what a number parser would misread: digits may be
/// grouped by thousands (`8,000`, `8，000`, `8 000`) but only in groups of three (`8,0,0,0`
/// is not 8000), and there are at most two decimals (fen: `0.001` is no amount, like `0`).
/// Full-width digits (a Chinese input method's) are folded first. The range is checked by the
/// command.
fn amount_text(text: &str) -> Result<String, String> {
    let text = crate::typed::halfwidth(text);
    let number = text
        .trim()
        .trim_end_matches('元')
        .trim_end_matches("yuan")
        .trim();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let mut groups = whole.split([',', '，', ' ']);
    let first = groups.next().unwrap_or("");
    let grouped = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !grouped || (first.len() > 3 && whole.contains([',', '，', ' '])) {
        return Err("digits may be grouped only by thousands, like 8,000".into());
    }
    if fraction.len() > 2 && fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err("give at most two decimals (fen), like 6000.50".into());
    }
    Ok(text.into_owned())
}

/// For a scheme given as the kind of work instead (`--scheme flexible`, `--scheme 灵活就业`):
/// that scheme and the flag that says the kind of work. A flexible worker told only
/// "employee, resident" would get an employee's plan, not their own.
pub fn scheme_hint(e: &clap::Error) -> Option<crate::text::Text> {
    use clap::error::{ContextKind, ContextValue};
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.to_lowercase(),
        _ => String::new(),
    };
    let (arg, value) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
    );
    let flexible = crate::vocab::Scheme::names_flexible_work(&value);
    let flag = arg.split_whitespace().next().unwrap_or_default();
    let applies = e.kind() == clap::error::ErrorKind::InvalidValue && flag.ends_with("scheme");
    (applies && flexible).then(|| {
        crate::text::Text::new(
            format!("灵活就业人员参加的是职工医保:请写 {flag} employee --flexible yes"),
            format!(
                "a flexible worker is in employee insurance: give {flag} employee --flexible yes"
            ),
        )
    })
}

/// For a usage error about a flag whose environment variable is set, a reminder of it: the
/// value may come from there (clap reads it even when the flag is typed before the command).
pub fn env_hint(message: &str) -> Option<String> {
    ENV_FLAGS.iter().find_map(|(id, var)| {
        let flag = format!("'--{} ", id.replace('_', "-"));
        let value = std::env::var(var).ok().filter(|v| !v.is_empty())?;
        message
            .contains(&flag)
            .then(|| format!("the environment variable {var} is set to '{value}': fix or unset it"))
    })
}

/// Flags every command accepts.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Print one JSON document on stdout (errors as JSON on stderr); never prompts
    #[arg(long, global = true)]
    pub json: bool,
    /// Output language: zh (中文, default) or en
    #[arg(
        long,
        global = true,
        value_enum,
        env = "YIBAO_LANG",
        default_value = "zh"
    )]
    pub lang: LangArg,
    /// Overlay the built-in rules with a directory of the same shape as rules/
    #[arg(long, global = true, value_name = "DIR", env = "YIBAO_RULES_DIR")]
    pub rules_dir: Option<PathBuf>,
    /// Evaluate as of this date (YYYY-MM-DD) instead of today (China time)
    #[arg(long, global = true, value_name = "DATE")]
    pub on: Option<String>,
    /// Never prompt; a missing fact is an error naming the flag to pass
    #[arg(long, global = true, env = "YIBAO_NO_INPUT", value_parser = FalseyValueParser::new())]
    pub no_input: bool,
    /// Show the rule trace: each condition checked and its result
    #[arg(long, global = true)]
    pub explain: bool,
    /// Show every source in full: issuer and the articles relied on
    #[arg(long, global = true)]
    pub sources: bool,
    /// Colour: auto (terminal only, honours NO_COLOR), always or never
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    #[value(alias = "中文")]
    Zh,
    #[value(alias = "英文", alias = "english")]
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    #[value(alias = "自动")]
    Auto,
    #[value(alias = "总是")]
    Always,
    #[value(alias = "从不")]
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List or search regions (code, Chinese name or pinyin) and their pooling areas
    #[command(after_help = concat!(
        "Examples:\n  yibao regions 北京\n  yibao regions chongqing --json\n  yibao regions 110105\n\n",
        "Exit status: 0 found, 2 nothing matches (with suggestions)"
    ))]
    #[command(display_order = 20)]
    Regions {
        /// Code prefix, part of a Chinese name, or pinyin; omit to list every pooling area
        query: Option<String>,
    },
    /// Check and inspect the rules files
    #[command(subcommand)]
    #[command(display_order = 22)]
    Rules(RulesCommand),
    /// Working days: the State Council holiday notices and make-up working days
    #[command(subcommand)]
    #[command(display_order = 21)]
    Calendar(CalendarCommand),
    /// Plan a move of your insurance between two places: blockers, steps, papers, dates
    #[command(after_help = concat!(
        "Examples:\n  yibao transfer                      (asks at a terminal, first which route: transfer, filing or nothing)\n",
        "  yibao transfer --from 西安 --to 北京 --scheme employee --reason job --origin-stopped yes \\\n",
        "      --destination-enrolled yes --arrears no --account-frozen no --retired no \\\n",
        "      --last-paid 2026-08 --paid-from 2026-09\n",
        "  yibao transfer --from 610100 --to 110000 --scheme employee --submitted 2026-09-28 --json\n",
        "  yibao transfer --from 110105 --to 110108        (same pooling area: no transfer needed)\n",
        "  yibao transfer … --save plan.json && yibao status plan.json\n\n",
        "Exit status: 0 ready to apply (or no transfer needed), 1 blocked, 3 conditional (a fact unknown or local rules decide), 2 bad input or missing --from/--to/--scheme off a terminal, 130 interrupted"
    ))]
    #[command(display_order = 1)]
    Transfer(Box<TransferArgs>),
    /// Re-evaluate a plan saved with `yibao transfer --save` as of today (or --on)
    #[command(after_help = concat!(
        "Examples:\n  yibao status plan.json\n  yibao status plan.json --submitted 2026-09-28\n  yibao status plan.json --on 2026-10-20 --json\n\n",
        "Exit status: as for transfer (0 yes, 1 no, 3 conditional); 2 the file is missing, unreadable or not a yibao plan"
    ))]
    #[command(display_order = 2)]
    Status {
        /// A plan file written by `yibao transfer --save`
        plan: PathBuf,
        /// The day the application was accepted (YYYY-MM-DD): recorded in the plan (the file is
        /// rewritten atomically) and the limits counted from it
        #[arg(long, value_name = "DATE")]
        submitted: Option<String>,
        /// Also write the dates as an iCalendar file (deadlines and reminders) for a calendar app
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        /// Print the plan as md (Markdown, one printable page) or text (short, to paste into a chat)
        #[arg(long, value_enum, value_name = "md|text")]
        format: Option<PrintFormat>,
    },
    /// Where to see the personal-account balance; when a moved balance arrives; the monthly credit
    #[command(after_help = concat!(
        "Examples:\n  yibao balance --region 北京\n  yibao balance --region 北京 --after-transfer --from 西安 --submitted 2026-09-28\n",
        "  yibao balance --region 西安 --monthly --base 6000\n  yibao balance --region 北京 --monthly --retired --age 72\n\n",
        "Exit status: 0 answered (--monthly: 0 a figure from the region's own rule), 3 --monthly estimate or depends on local rules, 1 --monthly: no personal account (resident scheme), 2 bad input"
    ))]
    #[command(display_order = 3)]
    Balance(BalanceArgs),
    /// Merge the medical-insurance accounts you hold in two places: can you, and how
    #[command(after_help = concat!(
        "Examples:\n  yibao merge                      (asks at a terminal)\n",
        "  yibao merge --from 西安 --to 北京 --arrears no --frozen no --from-stopped yes --to-insured yes\n",
        "  yibao merge --from 610100 --to 110000 --submitted 2026-09-28 --json\n\n",
        "Exit status: 0 yes, 1 no (a condition fails), 3 conditional (a condition unknown), 2 bad input or a missing --from/--to off a terminal, 130 interrupted"
    ))]
    #[command(display_order = 4)]
    Merge(MergeArgs),
    /// Paid twice (重复缴费)? Whether the money comes back, how much, and how to apply
    #[command(after_help = concat!(
        "Examples:\n  yibao refund                                  (asks at a terminal)\n",
        "  yibao refund --list\n",
        "  yibao refund --situation paid_twice --scheme resident --benefit-started no\n",
        "  yibao refund --region 重庆 --situation two_employers --json\n",
        "  yibao refund --case cq_unemployment --region 重庆 --lang en\n\n",
        "Exit status: 0 refundable, 1 not refundable, 3 conditional (partial, depends on the agency, a fact unknown or a source only reported), 2 bad input (unknown case or answer, with suggestions), 130 interrupted"
    ))]
    #[command(display_order = 5)]
    Refund(RefundArgs),
    /// Dental treatment (口腔): does basic medical insurance pay for it?
    #[command(after_help = concat!(
        "Examples:\n  yibao dental 补牙 --designated yes\n  yibao dental zhongzhiya --scheme resident\n",
        "  yibao dental 'root canal' --scheme employee --designated yes --imported-material no --lang en\n",
        "  yibao dental --list\n\n",
        "Exit status: 0 covered, 1 not covered, 3 conditional (personal account only, varies by region, a fact unknown or a source only reported), 2 bad input (unknown procedure, with suggestions), 130 interrupted"
    ))]
    #[command(display_order = 6)]
    Dental(DentalArgs),
    /// Cross-region medical care filing (异地就医备案): needed? which kind, proof, validity, rates
    #[command(after_help = concat!(
        "Examples:\n  yibao filing                                   (asks at a terminal)\n",
        "  yibao filing --from 成都 --to 深圳 --kind resettled_retiree\n",
        "  yibao filing --from 西安 --to 上海 --kind posted_worker --scheme employee --json\n",
        "  yibao filing --from 临沂 --to 北京 --kind temporary\n",
        "  yibao filing --from 西安 --to 杭州 --kind emergency --admitted yes\n\n",
        "Kinds: long-term resettled_retiree (异地安置退休), long_term_resident (异地长期居住), posted_worker\n",
        "(常驻异地工作); temporary referral (异地转诊), emergency (异地急诊抢救), temporary (其他临时外出就医).\n\n",
        "Exit status: 0 answered (\"needed\" says whether to file), 3 conditional (kind unknown, or care inside one province: its own rules), 2 bad input or a missing --from/--to off a terminal, 130 interrupted"
    ))]
    #[command(display_order = 2)]
    Filing(FilingArgs),
    /// Which route is yours: a transfer, a care filing (异地就医备案), or nothing to do
    #[command(after_help = concat!(
        "Examples:\n  yibao route                                    (asks at a terminal)\n",
        "  yibao route --from 成都 --to 深圳 --retired yes\n",
        "  yibao route --from 西安 --to 上海 --change no --posted yes --json\n",
        "  yibao route --from 西安 --to 北京 --change yes --retired no\n",
        "  yibao route --from 西安 --to 北京 --change no --stay short --care emergency\n\n",
        "Exit status: 0 decided (\"route\": transfer, filing or nothing), 3 a fact it depends on is missing, 2 bad input, 130 interrupted"
    ))]
    #[command(display_order = 0)]
    Route(RouteArgs),
    /// Answer many cases at once: JSON Lines in (one case a line), JSON Lines out, in order
    #[command(after_help = concat!(
        "Input: one JSON object a line: {\"check\":\"transfer\"|\"merge\"|\"refund\"|\"dental\"|\"filing\", \"id\": any JSON, facts…}; the facts are\n",
        "named as the command's flags, in snake_case (\"from\", \"origin_stopped\", \"last_paid\", …); places as\n",
        "code, Chinese or pinyin; dates YYYY-MM-DD, months YYYY-MM, answers \"yes\"/\"no\" or true/false.\n",
        "Output: one JSON line per input line, in order, with \"line\" (1-based) and \"id\" echoed: by default\n",
        "the outcome, deadlines, waiting period, blocker, condition and citation ids (schema yibao.batch/1);\n",
        "with --full the whole --json document of the single command. A line that cannot be evaluated\n",
        "gives {\"line\":N,\"id\":…,\"error\":{\"code\",\"message\"}} and the stream goes on. Evaluated as of --on.\n",
        "Blank lines are skipped (no answer), and so is a byte-order mark at the start.\n",
        "Spreadsheets: --input csv (the default for a file named *.csv) reads a header row of fact\n",
        "names (from, origin-stopped, …; a second row of labels is allowed) and one case a row,\n",
        "numbered as the sheet numbers its rows;\n",
        "--output csv writes one row a case (UTF-8 with a byte-order mark, a row of Chinese labels\n",
        "under the header in zh); a cell starting with = + - @ gets a leading ' so it is never a formula.\n\n",
        "Examples:\n  yibao batch cases.jsonl > answers.jsonl\n",
        "  echo '{\"check\":\"transfer\",\"id\":1,\"from\":\"西安\",\"to\":\"北京\",\"scheme\":\"employee\"}' | yibao batch\n",
        "  yibao batch cases.csv --output csv > answers.csv\n",
        "  yibao batch cases.jsonl --full --fail-on no | jq -c 'select(.outcome == \"no\")'\n\n",
        "Exit status: 0 every line evaluated; 2 any line bad (its error record says why), or the input\n",
        "unreadable; with --fail-on no: 1 if no line was bad but some case is no; with --fail-on\n",
        "conditional: 1 if some case is no, else 3 if some case is conditional; 4 rules invalid.\n",
        "A closed output (| head) ends quietly."
    ))]
    #[command(display_order = 8)]
    Batch(BatchArgs),
    /// Step-by-step guides: resetting the card password, family mutual aid (家庭共济), …
    #[command(after_help = concat!(
        "Examples:\n  yibao guide\n  yibao guide password\n  yibao guide family --lang en\n  yibao guide 家庭共济 --json\n\n",
        "Exit status: 0 shown, 2 unknown topic (with suggestions)"
    ))]
    #[command(display_order = 7)]
    Guide {
        /// The topic (e.g. password, family); omit to list the topics
        topic: Option<String>,
    },
    /// The documents behind every answer: level, number, issuer, date, addresses, what rests on each
    #[command(after_help = concat!(
        "Examples:\n  yibao sources\n  yibao sources ybbf-2021-43\n  yibao sources --json | jq '.sources[] | select(.evidence == \"reported\") | .id'\n\n",
        "Levels: official (read on a government host or a verbatim state-media page), full_text (the\n",
        "whole document on a non-official copy, agreeing with an independent restatement), reported\n",
        "(summaries and content sites only: an answer resting on it is conditional).\n\n",
        "Exit status: 0 shown, 2 unknown id (with a suggestion)"
    ))]
    #[command(display_order = 23)]
    Sources {
        /// A source id (as cited in answers, e.g. ybbf-2021-43); omit to list them all
        id: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  yibao completions bash > ~/.local/share/bash-completion/completions/yibao\n  yibao completions zsh > ~/.zfunc/_yibao\n  yibao completions fish > ~/.config/fish/completions/yibao.fish\n\nExit status: 0 printed, 2 unknown shell"
    )]
    #[command(display_order = 30)]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the JSON Schema of a command's --json output; without COMMAND, list them
    #[command(
        after_help = "Examples:\n  yibao schema\n  yibao schema regions > regions.schema.json\n\nExit status: 0 printed, 2 unknown command name"
    )]
    #[command(display_order = 31)]
    Schema {
        /// regions, calendar, rules-check, rules-show, error, or a check (transfer, refund, …)
        command: Option<String>,
    },
    /// Print the manual page (roff) for yibao
    #[command(
        after_help = "Examples:\n  yibao man > yibao.1 && man ./yibao.1\n\nExit status: 0 printed"
    )]
    #[command(display_order = 32)]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate the built-in rules, or DIR laid over them; every problem as path:line:col
    #[command(
        after_help = "Examples:\n  yibao rules check\n  yibao rules check ./my-rules\n\nExit status: 0 valid, 4 problems found, 2 bad arguments"
    )]
    Check {
        /// A directory shaped like rules/ (sources.toml, national.toml, regions/, calendar/)
        dir: Option<PathBuf>,
    },
    /// The resolved policy for a region on a date: each value with its source and file
    #[command(
        after_help = "Examples:\n  yibao rules show\n  yibao rules show 苏州 --on 2026-03-02\n  yibao rules show 320000 --json\n\nExit status: 0 shown, 2 unknown region or date, 4 rules invalid"
    )]
    Show {
        /// A province (its own file), or a city or county (rolled up to its pooling area); omit
        /// for national rules
        region: Option<String>,
    },
    /// How much of an answer for a place is local: its own values, those from its province or
    /// the national rules, and what yibao cannot answer there yet
    #[command(
        after_help = "Examples:\n  yibao rules coverage 北京\n  yibao rules coverage 成都 --json\n  yibao rules coverage 海口 --lang en\n\nExit status: 0 shown, 2 unknown region or date, 4 rules invalid"
    )]
    Coverage {
        /// A province, city or county (rolled up to its pooling area on the date)
        region: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Is DATE a working day? Exit 0 yes, 1 no, 3 estimated (year not covered)
    #[command(
        after_help = "Examples:\n  yibao calendar is-workday 2026-10-10\n  yibao calendar is-workday 2026-10-01 --json\n\nExit status: 0 working day, 1 rest day, 3 estimate (no notice for that year), 2 bad date"
    )]
    IsWorkday {
        /// YYYY-MM-DD
        date: String,
    },
    /// The N-th working day after DATE (DATE itself not counted)
    #[command(
        after_help = "Examples:\n  yibao calendar add 2026-09-30 1\n  yibao calendar add 2026-09-28 10 --json\n\nExit status: 0 computed, 2 bad date or number"
    )]
    Add {
        /// YYYY-MM-DD
        date: String,
        /// Number of working days, 0 to 100000
        #[arg(allow_negative_numbers = true)]
        n: String,
    },
    /// Every day from FROM to TO (inclusive) with its kind and holiday name
    #[command(
        after_help = "Examples:\n  yibao calendar days 2026-09-28 2026-10-11\n  yibao calendar days 2026-01-01 2026-12-31 --json\n\nExit status: 0 listed, 2 bad dates or range over 10 years"
    )]
    Days {
        /// YYYY-MM-DD
        from: String,
        /// YYYY-MM-DD
        to: String,
    },
}

/// `yibao balance` flags.
#[derive(Debug, Args)]
pub struct BalanceArgs {
    /// Where the account is (code, Chinese name or pinyin); adds the region's own channels
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// When a transferred balance should arrive, how to confirm it, what to do if it has not
    #[arg(long, conflicts_with = "monthly")]
    pub after_transfer: bool,
    /// With --after-transfer: the day the transfer application was accepted (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", requires = "after_transfer")]
    pub submitted: Option<String>,
    /// With --after-transfer: the region the balance comes from (for its time limit)
    #[arg(long, value_name = "REGION", requires = "after_transfer")]
    pub from: Option<String>,
    /// With --after-transfer: also write when the balance is due as an iCalendar file
    #[arg(long, value_name = "FILE", requires = "after_transfer")]
    pub ics: Option<PathBuf>,
    /// What is credited to the personal account each month
    #[arg(long)]
    pub monthly: bool,
    /// With --monthly: employee (职工医保, default) or resident (居民医保)
    #[arg(long, value_enum, requires = "monthly")]
    pub scheme: Option<Scheme>,
    /// With --monthly: your monthly contribution base in yuan (in-service employees)
    #[arg(
        long,
        value_name = "AMOUNT",
        requires = "monthly",
        conflicts_with = "retired",
        value_parser = amount_text,
        allow_negative_numbers = true
    )]
    pub base: Option<String>,
    /// With --monthly: you are retired
    #[arg(long, requires = "monthly")]
    pub retired: bool,
    /// With --monthly --retired: your age, for regions that credit by age
    #[arg(
        long,
        value_name = "YEARS",
        requires = "retired",
        allow_negative_numbers = true
    )]
    pub age: Option<String>,
}

/// An answer to a yes/no question typed as a flag value, in English or Chinese; `unknown`
/// (不确定) says so outright: the fact stays unknown, as when the flag is left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNo {
    #[value(alias = "是")]
    Yes,
    #[value(alias = "否")]
    No,
    #[value(alias = "不确定", alias = "不知道", alias = "not-sure")]
    Unknown,
}

impl YesNo {
    /// The answer, or `None` for `unknown`.
    pub fn get(self) -> Option<bool> {
        match self {
            YesNo::Yes => Some(true),
            YesNo::No => Some(false),
            YesNo::Unknown => None,
        }
    }
}

/// The transfer's yes/no flags, which the walk-through's "run this next time" line may state
/// as `unknown`: the same answers as `YesNo`.
pub type YesNoUnknown = YesNo;

/// `yibao merge` flags.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The account to close: where it is (code, Chinese name or pinyin)
    #[arg(long, value_name = "REGION")]
    pub from: Option<String>,
    /// The account to keep: where it is (normally where you are insured and paying now)
    #[arg(long, value_name = "REGION")]
    pub to: Option<String>,
    /// Is either account in arrears (欠费)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub arrears: Option<YesNo>,
    /// Is either account frozen or otherwise abnormal (冻结/异常)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub frozen: Option<YesNo>,
    /// Has the insurance where the closed account is stopped (已停保)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub from_stopped: Option<YesNo>,
    /// Are you enrolled and paying where the kept account is (已参保)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub to_insured: Option<YesNo>,
    /// The day the transfer application was accepted (YYYY-MM-DD), for the deadlines
    #[arg(long, value_name = "DATE")]
    pub submitted: Option<String>,
    /// Also write the dates as an iCalendar file (deadlines and reminders) for a calendar app
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
}

/// `yibao transfer` flags: the facts of the move, each asked for at a terminal when missing.
#[derive(Debug, Args)]
pub struct TransferArgs {
    /// Where you are insured now (code, Chinese name or pinyin)
    #[arg(long, value_name = "REGION")]
    pub from: Option<String>,
    /// Where you are moving to
    #[arg(long, value_name = "REGION")]
    pub to: Option<String>,
    /// employee (职工医保, includes flexible employment) or resident (居民医保)
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
    /// Why you move: job, relocation, hukou (household registration), study, other
    #[arg(long, value_enum)]
    pub reason: Option<Reason>,
    /// A flexible worker (灵活就业): no employer at the origin or the destination?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub flexible: Option<YesNoUnknown>,
    /// Are you retired (已退休)?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub retired: Option<YesNoUnknown>,
    /// Has the insurance at the origin been stopped (已停保)?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub origin_stopped: Option<YesNoUnknown>,
    /// Are you enrolled at the destination (已参保)?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub destination_enrolled: Option<YesNoUnknown>,
    /// Are contributions owed (欠费)?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub arrears: Option<YesNoUnknown>,
    /// Is the personal account frozen or abnormal (冻结/异常)?
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub account_frozen: Option<YesNoUnknown>,
    /// Last month paid at the origin (YYYY-MM; residents may give the year, e.g. 2024)
    #[arg(long, value_name = "YYYY-MM")]
    pub last_paid: Option<String>,
    /// First month paid, or to be paid, at the destination (YYYY-MM; residents: the year)
    #[arg(long, value_name = "YYYY-MM")]
    pub paid_from: Option<String>,
    /// Years insured without a break (for a change of scheme)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub continuous_years: Option<String>,
    /// The scheme at the destination, when it changes
    #[arg(long, value_enum)]
    pub new_scheme: Option<Scheme>,
    /// The day the application was accepted (YYYY-MM-DD), if it was
    #[arg(long, value_name = "DATE")]
    pub submitted: Option<String>,
    /// Write the facts and the plan to FILE (atomically), for `yibao status FILE`
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// With --save: replace FILE even if it is not a yibao plan
    #[arg(long, requires = "save")]
    pub force: bool,
    /// Also write the dates as an iCalendar file (deadlines and reminders) for a calendar app
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Print the plan as md (Markdown, one printable page) or text (short, to paste into a chat)
    #[arg(long, value_enum, value_name = "md|text")]
    pub format: Option<PrintFormat>,
}

/// `yibao refund` flags: a case by name, or the answers that lead to one.
#[derive(Debug, Args)]
pub struct RefundArgs {
    /// List every case (id, names, where it applies, answer)
    #[arg(long, conflicts_with = "case")]
    pub list: bool,
    /// Pick a case by its id or a name from --list instead of answering questions
    #[arg(long, value_name = "ID")]
    pub case: Option<String>,
    /// Where you are insured (code, Chinese name or pinyin); some cases are one region's rules
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// What happened: paid_twice, employee_and_resident, became_employee, died, two_employers, lump_sum, unemployment, retired_paying, left_before_wage, change_tier, within_city
    #[arg(long, value_name = "ANSWER")]
    pub situation: Option<String>,
    /// The scheme of the money you want back: employee (职工医保) or resident (居民医保)
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
    /// Had the benefit period of the enrolment being ended started (待遇期已开始)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub benefit_started: Option<YesNo>,
    /// Do you qualify for a contribution discount or subsidy (优惠/补助)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub subsidised: Option<YesNo>,
    /// Was the lump sum paid at the prescribed base and rate (按规定基数和比例)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub standard_base: Option<YesNo>,
    /// Individual participant paying tier 1 by the year (个体参保按一档按年缴费)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub tier_one: Option<YesNo>,
    /// Have you met the required contribution years (已满缴费年限)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub years_met: Option<YesNo>,
}

/// `yibao dental` flags.
#[derive(Debug, Args)]
pub struct DentalArgs {
    /// The treatment: Chinese (补牙), pinyin (buya) or English (filling)
    pub procedure: Option<String>,
    /// List the procedures and the names they answer to
    #[arg(long, conflicts_with = "procedure")]
    pub list: bool,
    /// Your scheme: employee (职工医保) or resident (居民医保)
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
    /// Where you are insured (code, Chinese name or pinyin)
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Treated at a hospital or clinic designated by the insurance (定点)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub designated: Option<YesNo>,
    /// Imported materials or special consumables used (进口材料/特殊耗材)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub imported_material: Option<YesNo>,
}

/// `yibao filing` flags.
#[derive(Debug, Args)]
pub struct FilingArgs {
    /// Where you are insured (参保地): code, Chinese name or pinyin
    #[arg(long, value_name = "REGION")]
    pub from: Option<String>,
    /// Where the care or the stay is (就医地)
    #[arg(long, value_name = "REGION")]
    pub to: Option<String>,
    /// resettled_retiree, long_term_resident, posted_worker (long-term); referral, emergency, temporary
    #[arg(long, value_enum)]
    pub kind: Option<crate::checks::filing::Kind>,
    /// employee (职工医保) or resident (居民医保)
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
    /// Already in hospital there without a filing (已住院未备案)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub admitted: Option<YesNo>,
}

/// `yibao route` flags.
#[derive(Debug, Args)]
pub struct RouteArgs {
    /// Where you are insured now (code, Chinese name or pinyin)
    #[arg(long, value_name = "REGION")]
    pub from: Option<String>,
    /// The other place: where you move, live or get care
    #[arg(long, value_name = "REGION")]
    pub to: Option<String>,
    /// Changing where you are insured (new job, new hukou, new enrolment)? no: staying insured here
    #[arg(long, value_enum, value_name = "yes|no")]
    pub change: Option<YesNo>,
    /// Are you retired (已退休)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub retired: Option<YesNo>,
    /// Posted elsewhere by your employer, still insured through it (单位派驻)?
    #[arg(long, value_enum, value_name = "yes|no")]
    pub posted: Option<YesNo>,
    /// How long you will be there: long (living there) or short (a trip for care)
    #[arg(long, value_enum)]
    pub stay: Option<crate::checks::route::Stay>,
    /// For a short stay, why the care there: referral, emergency or other
    #[arg(long, value_enum)]
    pub care: Option<crate::checks::route::Care>,
    /// employee (职工医保) or resident (居民医保)
    #[arg(long, value_enum)]
    pub scheme: Option<Scheme>,
}

/// `yibao batch` flags.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// A JSON Lines file of cases; `-` or nothing reads standard input
    #[arg(value_name = "FILE|-")]
    pub input: Option<PathBuf>,
    /// Whole verdicts: each line is the single command's --json document, plus line and id
    #[arg(long)]
    pub full: bool,
    /// Let outcomes set the exit status too: `no` (1 if any case is no) or `conditional`
    /// (1 if any case is no, else 3 if any is conditional); a bad line still gives 2
    #[arg(long, value_enum, value_name = "no|conditional")]
    pub fail_on: Option<FailOn>,
    /// The cases' format: jsonl (one JSON object a line) or csv (a header row of fact names,
    /// optionally a second row of labels, then one case a row); by default csv for a file
    /// whose name ends in .csv, else jsonl
    #[arg(long = "input", value_enum, value_name = "jsonl|csv")]
    pub input_format: Option<BatchFormat>,
    /// The answers' format: jsonl, or csv (UTF-8 with a BOM, one row a case, for spreadsheets)
    #[arg(
        long = "output",
        value_enum,
        value_name = "jsonl|csv",
        default_value = "jsonl"
    )]
    pub output_format: BatchFormat,
    /// Only read every line into its check's facts and count them (the benchmark's floor)
    #[arg(long, hide = true)]
    pub parse_only: bool,
}

impl BatchArgs {
    /// The cases' format: as given, else by the file's name (`cases.csv` is CSV).
    pub fn input_format(&self) -> BatchFormat {
        let named_csv = (self.input.as_ref())
            .and_then(|p| p.extension())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        match self.input_format {
            Some(f) => f,
            None if named_csv => BatchFormat::Csv,
            None => BatchFormat::Jsonl,
        }
    }
}

/// A printed form of a plan (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrintFormat {
    /// Markdown: the facts, steps as a checklist, deadlines as a table, the sources
    Md,
    /// Short plain text (at most 8 steps, no tables) to paste into a chat message
    Text,
}

/// A format of `yibao batch` input or output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    Jsonl,
    Csv,
}

/// Which outcomes `yibao batch --fail-on` counts as failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    #[value(alias = "否")]
    No,
    #[value(alias = "视情况而定")]
    Conditional,
}

#[cfg(test)]
mod tests {
    use super::amount_text;

    #[test]
    fn amounts_are_grouped_by_thousands_and_have_at_most_two_decimals() {
        for ok in [
            "6000",
            "8,000",
            "8，000",
            "1 234 567",
            "6000.5",
            "6000.50元",
            "12,345.67",
        ] {
            assert!(amount_text(ok).is_ok(), "{ok}");
        }
        for bad in [
            "8,0,0,0", "80,00", "8000,0", "0.001", "6000.505", "1234,567",
        ] {
            assert!(amount_text(bad).is_err(), "{bad}");
        }
    }
}
