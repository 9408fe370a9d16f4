//! The command line in Chinese: the Chinese names of the subcommands (aliases, taken in both
//! languages) and the Chinese help of every command and argument, laid over the clap
//! definitions of `cli` (whose doc comments are the English help).
//!
//! The words are in `catalogue.rs` (`PAGES`: per command path, `""` for `yibao` itself or
//! `"rules show"`, its about line, its after-help with examples and exit statuses, and the help
//! of each argument by its clap id). `command(.., Lang::Zh)` applies them to the whole tree, clap's own words too (headings,
//! usage, `--help`, `--version`, `[possible values]`, `[default]`). A test holds every
//! argument of every command to a text in both languages, so a flag added without its
//! Chinese fails the build's tests, and a catalogue entry left behind by a removed flag too.

use clap::builder::PossibleValue;
use clap::{Arg, Command};

use super::catalogue::VALUE_NAMES;
pub use super::catalogue::{ALIASES, PAGES, Page};
use crate::text::Lang;

/// The language asked for, decided before parsing so that help and clap's own errors are in
/// it: the first `--lang X` or `--lang=X` (before a `--`), else `YIBAO_LANG` when set and not
/// empty, else Chinese. A value that is no language counts as Chinese here; clap then refuses
/// it (in Chinese), naming the value and the languages there are.
pub fn language(args: &[std::ffi::OsString]) -> Lang {
    use clap::ValueEnum;
    let mut rest = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    let mut typed = None;
    while let Some(arg) = rest.next() {
        match arg {
            "--" => break,
            "--lang" => {
                typed = rest.next();
                break;
            }
            _ => {
                if let Some(v) = arg.strip_prefix("--lang=") {
                    typed = Some(v);
                    break;
                }
            }
        }
    }
    let env = std::env::var("YIBAO_LANG").ok().filter(|v| !v.is_empty());
    match typed.or(env.as_deref()) {
        Some(v) if super::LangArg::from_str(v, false) == Ok(super::LangArg::En) => Lang::En,
        _ => Lang::Zh,
    }
}

/// The clap definitions with the Chinese aliases, in `lang`: English as the doc comments
/// wrote them, or Chinese from the catalogue.
pub fn command(base: Command, lang: Lang) -> Command {
    let cmd = with_aliases(base, "");
    match lang {
        Lang::En => cmd,
        Lang::Zh => {
            // The texts before clap builds the tree (it decides then whether there is a long
            // help, and copies the global flags down); clap's own --help, --version and help
            // command, and the usage lines, after (`mut_args`/`mut_subcommands` keep the
            // order its lookup tables were built on).
            let mut cmd = localize(cmd, "");
            cmd.build();
            finish(cmd, "")
        }
    }
}

/// Adds each command's aliases from `ALIASES`, at every level.
fn with_aliases(cmd: Command, path: &str) -> Command {
    let cmd = match aliases(path) {
        [] => cmd,
        names => cmd.aliases(names.iter().copied()),
    };
    cmd.mut_subcommands(|sub| {
        let p = join(path, sub.get_name());
        with_aliases(sub, &p)
    })
}

fn aliases(path: &str) -> &'static [&'static str] {
    ALIASES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, names)| names)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path} {name}")
    }
}

/// The Chinese page of a command path, if the catalogue has one. The copies of the commands
/// that clap puts under `help` share their command's page.
pub fn page(path: &str) -> Option<&'static Page> {
    let key = if path == "help" || path.ends_with(" help") {
        "help".to_string()
    } else {
        path.split(' ')
            .filter(|w| *w != "help")
            .collect::<Vec<_>>()
            .join(" ")
    };
    PAGES.iter().find(|p| p.path == key)
}

/// Whether a command path is clap's help command or lies under it.
fn under_help(path: &str) -> bool {
    path.split(' ').any(|w| w == "help")
}

/// An argument's Chinese help: its command's, else (for a global flag) `yibao`'s own.
pub fn arg_text(path: &str, id: &str) -> Option<&'static str> {
    let own = page(path).and_then(|p| p.args.iter().find(|(i, _)| *i == id));
    let global = || page("").and_then(|p| p.args.iter().find(|(i, _)| *i == id));
    own.or_else(global).map(|(_, text)| *text)
}

const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法: {usage}\n\n{all-args}{after-help}";

/// The catalogue's texts on a command and its subcommands, before clap builds them.
fn localize(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| localize_arg(a, path));
    if let Some(page) = page(path) {
        let about = match aliases(path).first() {
            Some(alias) => format!("{}(也可写 {alias})", page.about),
            None => page.about.to_string(),
        };
        cmd = cmd.about(about).long_about(None);
        if !page.after_help.is_empty() {
            cmd = cmd.after_help(page.after_help).after_long_help(None);
        }
    }
    cmd.mut_subcommands(|sub| {
        let p = join(path, sub.get_name());
        localize(sub, &p)
    })
}

/// After clap has built the tree: the words of what it added, and the usage lines.
fn finish(mut cmd: Command, path: &str) -> Command {
    if !under_help(path) {
        // clap's usage line, with its `[OPTIONS]` in Chinese.
        let usage = cmd.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        cmd = cmd.override_usage(usage.replace("[OPTIONS]", "[选项]"));
    }
    cmd.mut_args(|a| match a.get_id().as_str() {
        "help" => a.help("显示帮助").long_help(None).help_heading("选项"),
        "version" => a.help("显示版本").help_heading("选项"),
        _ => a,
    })
    .mut_subcommands(|sub| {
        let p = join(path, sub.get_name());
        // clap's help command, at every level, and the copies of the tree under it.
        let sub = match (sub.get_name(), page("help")) {
            ("help", Some(help)) => sub.about(help.about),
            _ => sub,
        };
        let sub = if under_help(&p) {
            sub.help_template(TEMPLATE)
                .subcommand_help_heading("命令")
                .subcommand_value_name("命令")
        } else {
            sub
        };
        finish(sub, &p)
    })
}

fn localize_arg(a: Arg, path: &str) -> Arg {
    let id = a.get_id().as_str();
    let Some(text) = arg_text(path, id) else {
        // Not translated yet: left in English (the catalogue test names it).
        return a;
    };
    let mut help = text.to_string();
    let takes_values = a.get_action().takes_values();
    if takes_values && !a.is_hide_possible_values_set() {
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(value_with_alias)
            .collect();
        if !values.is_empty() {
            help.push_str(&format!(" [可选: {}]", values.join("、")));
        }
    }
    if takes_values && !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
        let defaults: Vec<_> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect();
        help.push_str(&format!(" [默认: {}]", defaults.join(", ")));
    }
    if let Some(var) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        help.push_str(&format!(" [环境变量: {}]", var.to_string_lossy()));
    }
    let heading = if a.is_positional() {
        "参数"
    } else if a.get_help_heading().is_some() || a.is_global_set() {
        "全局选项"
    } else {
        "选项"
    };
    let names: Vec<String> = match a.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None if a.is_positional() => vec![id.to_uppercase()],
        None => Vec::new(),
    };
    // Only when each has a Chinese name (clap keeps value names as static strings).
    let translated: Option<Vec<&'static str>> = names
        .iter()
        .map(|n| {
            VALUE_NAMES
                .iter()
                .find(|(en, _)| en == n)
                .map(|(_, zh)| *zh)
        })
        .collect();
    let a = match translated {
        Some(zh) if !zh.is_empty() => a.value_names(zh),
        _ => a,
    };
    let a = a
        .help(help)
        .long_help(None)
        .hide_env(true)
        .help_heading(heading);
    if takes_values {
        // Shown above, in Chinese.
        a.hide_possible_values(true).hide_default_value(true)
    } else {
        a
    }
}

/// `yes(是)`: a value with its first Chinese alias.
fn value_with_alias(v: &PossibleValue) -> String {
    let name = v.get_name();
    let chinese = v
        .get_name_and_aliases()
        .find(|n| !n.is_ascii())
        .map(|n| format!("({n})"));
    format!("{name}{}", chinese.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command path and the command, `help` and its copies left out.
    fn commands(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        out.push((path.to_string(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            commands(sub, &join(path, sub.get_name()), out);
        }
    }

    fn all() -> Vec<(String, Command)> {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut out = Vec::new();
        commands(&cmd, "", &mut out);
        out
    }

    /// The test the lead relies on after merging branches that add commands and flags: each
    /// one needs its English doc comment and its Chinese line in `PAGES`.
    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut missing = Vec::new();
        for (path, cmd) in all() {
            let name = if path.is_empty() { "yibao" } else { &path };
            if cmd.get_about().is_none() {
                missing.push(format!("{name}: no English about (doc comment)"));
            }
            match page(&path) {
                None => missing.push(format!("{name}: no Chinese page in cli/catalogue.rs PAGES")),
                Some(p) => {
                    let leaf = cmd.get_subcommands().next().is_none();
                    if leaf && (p.after_help.is_empty() || cmd.get_after_help().is_none()) {
                        missing.push(format!("{name}: examples and exit statuses in zh and en"));
                    }
                }
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_hide_set() && id != "parse_only" || ["help", "version"].contains(&id) {
                    continue;
                }
                if arg.is_global_set() && !path.is_empty() {
                    continue; // yibao's own, checked there
                }
                if arg.get_help().is_none() {
                    missing.push(format!("{name} {id}: no English help (doc comment)"));
                }
                if arg_text(&path, id).is_none() {
                    missing.push(format!(
                        "{name} {id}: no Chinese help in cli/catalogue.rs PAGES"
                    ));
                }
            }
        }
        assert!(missing.is_empty(), "untranslated:\n{}", missing.join("\n"));
    }

    #[test]
    fn the_catalogue_names_only_commands_and_arguments_that_exist() {
        let all = all();
        for page in PAGES.iter().filter(|p| p.path != "help") {
            let Some((_, cmd)) = all.iter().find(|(p, _)| p == page.path) else {
                panic!("PAGES has '{}', which is no command", page.path);
            };
            for (id, _) in page.args {
                assert!(
                    cmd.get_arguments().any(|a| a.get_id() == *id),
                    "PAGES has '{} {id}', which is no argument",
                    page.path
                );
            }
        }
        for (path, _) in ALIASES {
            assert!(all.iter().any(|(p, _)| p == path), "ALIASES has '{path}'");
        }
    }

    #[test]
    fn the_chinese_help_of_every_command_renders_without_clap_english() {
        let top = command(crate::cli::Cli::command(), Lang::Zh);
        fn each(cmd: &Command, out: &mut Vec<Command>) {
            out.push(cmd.clone());
            for sub in cmd.get_subcommands() {
                each(sub, out);
            }
        }
        let mut all = Vec::new();
        each(&top, &mut all);
        assert!(all.len() > 30, "{}", all.len()); // the copies under `help` too
        for mut cmd in all {
            let help = cmd.render_help().to_string();
            for english in [
                "Usage:",
                "Options:",
                "Commands:",
                "Arguments:",
                "[OPTIONS]",
                "<COMMAND>",
                "Print help",
                "Print this message",
                "possible values",
                "default:",
            ] {
                assert!(!help.contains(english), "{english} in\n{help}");
            }
        }
        assert!(
            top.clone()
                .render_help()
                .to_string()
                .starts_with("医保关系转移接续助手")
        );
    }
}
