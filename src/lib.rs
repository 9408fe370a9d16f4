//! yibao (医保): plans and answers for moving basic medical insurance between regions of
//! mainland China. `run()` is the one place that turns arguments into an exit code:
//! parse (`cli`) → resolve (`request`) → answer (`commands`, `checks`) → show (`render`).

pub mod batch;
pub mod bounded;
pub mod calendar;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod error;
pub mod plan;
pub mod prompt;
pub mod region;
pub mod render;
pub mod request;
pub mod rules;
pub mod text;
pub mod typed;
pub mod verdict;
pub mod vocab;

use cli::{Cli, Command, RulesCommand};
use error::Error;
use render::Report;
use request::Request;
use text::Lang;

/// Runs yibao with the process arguments and returns the exit code.
pub fn run() -> i32 {
    run_with(std::env::args_os())
}

/// Runs yibao with the given arguments (the first is the program name).
pub fn run_with<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // Decided before parsing, so that help and clap's errors are in it too.
    let early = cli::help::language(&args);
    let cli = match Cli::parse_args(&args, early) {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e, &args, early),
    };
    let lang = match cli.global.lang {
        cli::LangArg::Zh => Lang::Zh,
        cli::LangArg::En => Lang::En,
    };
    let result = Request::new(&cli.global).and_then(|req| {
        let unused = unused_rules(&cli.command, req.interactive);
        let req = req.skipping(unused);
        // A stdout closed before start would swallow the answer: refuse before any work.
        render::stdout_open()?;
        let report = dispatch(&cli.command, &req)?;
        render::emit(report.as_ref(), req.lang, req.output, req.explain)?;
        let code = report.exit_code();
        // The process ends next: freeing the parsed rules and the report piece by piece
        // would only cost start-up time.
        std::mem::forget(report);
        std::mem::forget(req);
        Ok(code)
    });
    match result {
        Ok(code) => code,
        Err(err) => {
            render::emit_error(&err, lang, cli.global.json);
            err.exit_code()
        }
    }
}

/// Help and version go to stdout (exit 0); a usage error clap found is an error like any
/// other: on stderr, tidied (`error::tidy`), and the JSON error object under `--json`.
fn clap_error(e: &clap::Error, args: &[std::ffi::OsString], lang: Lang) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return e.exit_code();
    }
    let json = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--json");
    // One line: clap's lines (plain text, its styling stripped) joined.
    let rendered = e.render().to_string();
    let mut lines: Vec<String> = rendered
        .lines()
        .map(|l| l.trim().trim_start_matches("error: ").to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if let Some(hint) = lines.first().and_then(|first| cli::env_hint(first)) {
        lines.insert(1, hint);
    }
    // What to type instead goes before clap's pointer to --help (in Chinese: `refusal`).
    if let Some(hint) = cli::scheme_hint(e) {
        let at = lines.len() - usize::from(lines.last().is_some_and(|l| l.contains("--help")));
        lines.insert(at, hint.en.to_string());
    }
    let message = lines.join("; ");
    // In Chinese, clap's error put in Chinese words (English if clap grows a kind unknown here).
    let zh = cli::refusal::chinese(e).unwrap_or_else(|| message.clone());
    let err = Error::usage(zh, message);
    render::emit_error(&err, lang, json);
    err.exit_code()
}

/// The embedded procedure files a command never reads, so it need not parse them. Only what
/// is listed is skipped: a new file is loaded by every command until listed here.
/// `interactive`: a walk-through may run (`transfer`'s hands a filing over to `filing`'s).
fn unused_rules(command: &Command, interactive: bool) -> &'static [&'static str] {
    const TRANSFER: [&str; 5] = [
        "guides.toml",
        "merge.toml",
        "refund.toml",
        "dental.toml",
        "leads.toml",
    ];
    match command {
        Command::Transfer(_) if interactive => &TRANSFER,
        // Off a terminal no route question is asked, so no filing is handed over.
        Command::Transfer(_) | Command::Status { .. } => &[
            "guides.toml",
            "merge.toml",
            "refund.toml",
            "dental.toml",
            "leads.toml",
            "filing.toml",
        ],
        Command::Merge(_) => &[
            "guides.toml",
            "transfer.toml",
            "refund.toml",
            "dental.toml",
            "filing.toml",
            "leads.toml",
        ],
        Command::Filing(_) | Command::Route(_) => &[
            "guides.toml",
            "merge.toml",
            "transfer.toml",
            "refund.toml",
            "dental.toml",
            "leads.toml",
        ],
        // leads.toml answers no question: only `sources`, `rules coverage` and `rules check`
        // read it.
        Command::Batch(_) => &["guides.toml", "leads.toml"],
        // Only the dated pooling areas (and the calendar they load with).
        Command::Regions { .. } => rules::procedures::FILES,
        _ => &[],
    }
}

fn dispatch<'r>(command: &Command, req: &'r Request) -> Result<Box<dyn Report + 'r>, Error> {
    Ok(match command {
        Command::Regions { query } => Box::new(commands::regions::run(query.as_deref(), req)?),
        Command::Rules(RulesCommand::Check { dir }) => {
            Box::new(commands::rules::check(dir.as_deref(), req)?)
        }
        Command::Rules(RulesCommand::Show { region }) => {
            Box::new(commands::rules::show(region.as_deref(), req)?)
        }
        Command::Rules(RulesCommand::Coverage { region }) => {
            Box::new(commands::coverage::run(region, req)?)
        }
        Command::Calendar(cmd) => Box::new(commands::calendar::run(cmd, req)?),
        Command::Sources { id } => Box::new(commands::sources::run(id.as_deref(), req)?),
        Command::Balance(args) => {
            let report = commands::balance::run(args, req)?;
            if let Some(path) = &args.ics {
                commands::ics::balance(path, &report.answer, report.rules, req)?;
            }
            Box::new(report)
        }
        Command::Merge(args) => {
            let report = commands::merge::run(args, req)?;
            if let Some(path) = &args.ics {
                commands::ics::merge(path, &report.answer, report.rules, req)?;
            }
            Box::new(report)
        }
        Command::Transfer(args) => commands::transfer::run(args, req)?,
        Command::Batch(args) => Box::new(batch::run(args, req)?),
        Command::Status {
            plan,
            submitted,
            ics,
            format,
        } => {
            let report = commands::status::run(plan, submitted.as_deref(), req)?;
            if let Some(path) = ics {
                let t = &report.transfer;
                commands::ics::transfer(path, &t.answer, t.rules, req)?;
            }
            render::print::printed(report, *format, req)?
        }
        Command::Refund(args) => commands::refund::run(args, req)?,
        Command::Dental(args) => commands::dental::run(args, req)?,
        Command::Filing(args) => Box::new(commands::filing::run(args, req)?),
        Command::Route(args) => Box::new(commands::route::run(args, req)?),
        Command::Guide { topic } => commands::guide::run(topic.as_deref(), req)?,
        Command::Completions { shell } => Box::new(commands::docs::completions(*shell, req.lang)),
        Command::Schema { command } => Box::new(commands::schema::run(command.as_deref())?),
        Command::Man => Box::new(commands::docs::man(req.lang)?),
    })
}
