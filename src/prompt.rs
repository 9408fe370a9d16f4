//! The interactive walk-through's building blocks: questions asked with dialoguer on stderr.
//! The only module that touches the terminal. Callers must check `Request::interactive`
//! first (dialoguer blocks on /dev/tty when stdin is piped). Ctrl-C or Esc at a prompt
//! restores the cursor and becomes `Error::Interrupted` (exit 130).

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

use crate::error::Error;
use crate::region::{LookupError, Region};

/// Typed text → the place and the pooling area it is in (see `Prompter::region`).
pub type Resolve<'a> = dyn Fn(&str) -> Result<(&'static Region, &'static Region), Error> + 'a;
use crate::text::{Lang, Text};

/// Asks questions in one language.
pub struct Prompter {
    lang: Lang,
    term: Term,
    theme: ColorfulTheme,
}

impl Prompter {
    pub fn new(lang: Lang) -> Prompter {
        // dialoguer does not always see Ctrl-C as a key (the terminal may deliver SIGINT
        // instead); either way the cursor comes back and the exit code is 130. Setting the
        // handler a second time fails harmlessly.
        let _ = ctrlc::set_handler(|| {
            let term = Term::stderr();
            let _ = term.show_cursor();
            let _ = term.write_line("");
            std::process::exit(crate::error::exit::INTERRUPTED);
        });
        Prompter {
            lang,
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// One of several answers; returns the value of the chosen one.
    pub fn select<T: Clone>(&self, question: &Text, options: &[(T, Text)]) -> Result<T, Error> {
        let labels: Vec<&str> = options.iter().map(|(_, t)| t.get(self.lang)).collect();
        let chosen = Select::with_theme(&self.theme)
            .with_prompt(question.get(self.lang))
            .items(&labels)
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(|e| self.interrupted(e))?;
        match chosen {
            Some(i) => Ok(options[i].0.clone()),
            None => Err(self.interrupted_now()),
        }
    }

    /// A yes/no question, answered by choosing 是 / 否 (yes / no).
    pub fn yes_no(&self, question: &Text) -> Result<bool, Error> {
        self.select(
            question,
            &[
                (true, Text::new("是", "yes")),
                (false, Text::new("否", "no")),
            ],
        )
    }

    /// A yes/no question that may be left open: 是 / 否 / 不确定 (yes / no / not sure).
    pub fn yes_no_unsure(&self, question: &Text) -> Result<Option<bool>, Error> {
        self.answer(question, true)
    }

    /// Like `yes_no_unsure`, with "no" offered first (the usual answer, e.g. to "arrears?").
    pub fn no_yes_unsure(&self, question: &Text) -> Result<Option<bool>, Error> {
        self.answer(question, false)
    }

    fn answer(&self, question: &Text, first: bool) -> Result<Option<bool>, Error> {
        let word = |b: bool| {
            if b {
                Text::new("是", "yes")
            } else {
                Text::new("否", "no")
            }
        };
        self.select(
            question,
            &[
                (Some(first), word(first)),
                (Some(!first), word(!first)),
                (None, Text::new("不确定", "not sure")),
            ],
        )
    }

    /// Free text, checked by `parse`; a bad answer shows parse's message and asks again.
    pub fn input<T>(
        &self,
        question: &Text,
        hint: Option<&str>,
        parse: impl Fn(&str) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut prompt = question.get(self.lang).to_string();
        if let Some(h) = hint {
            prompt.push_str(&format!(" ({h})"));
        }
        self.ask(prompt, false, parse)
    }

    /// Free text that may be left empty (`None`); otherwise checked by `parse`.
    pub fn input_optional<T>(
        &self,
        question: &Text,
        hint: &str,
        parse: impl Fn(&str) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        let skip = match self.lang {
            Lang::Zh => "直接回车跳过",
            Lang::En => "Enter to skip",
        };
        let prompt = format!("{} ({hint}; {skip})", question.get(self.lang));
        self.ask(prompt, true, |s| {
            if s.is_empty() {
                Ok(None)
            } else {
                parse(s).map(Some)
            }
        })
    }

    /// One line of text (trimmed), asked again until `parse` accepts it.
    fn ask<T>(
        &self,
        prompt: String,
        allow_empty: bool,
        parse: impl Fn(&str) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let lang = self.lang;
        let answer: String = Input::with_theme(&self.theme)
            .with_prompt(prompt)
            .allow_empty(allow_empty)
            .validate_with(|s: &String| -> Result<(), String> {
                parse(s.trim())
                    .map(|_| ())
                    .map_err(|e| e.lines(lang).join(" "))
            })
            .interact_text_on(&self.term)
            .map_err(|e| self.interrupted(e))?;
        parse(answer.trim())
    }

    /// A pooling area typed as a code, Chinese name or pinyin; when the text is a near miss
    /// or names several places, the close matches are offered to choose from.
    /// `resolve` turns typed text into the place and the pooling area it is in (the caller's
    /// dated rules); the place settled on is echoed with its pooling area.
    pub fn region(&self, question: &Text, flag: &str, resolve: &Resolve) -> Result<String, Error> {
        let hint = match self.lang {
            Lang::Zh => "代码、中文名或拼音,如 西安、610100、xian",
            Lang::En => "code, Chinese name or pinyin, e.g. 西安, 610100, xian",
        };
        loop {
            let typed: String = self.input(question, Some(hint), |s| {
                if s.is_empty() {
                    Err(Error::usage("请输入一个地区", "type a place"))
                } else {
                    Ok(s.to_string())
                }
            })?;
            let err = match resolve(&typed) {
                Ok((place, area)) => return Ok(self.settled(flag, place, area)),
                Err(e) => e,
            };
            let choices: Vec<String> = match &err {
                Error::Region { source, .. } => match source {
                    LookupError::NotFound { suggestions, .. } => suggestions.clone(),
                    LookupError::Ambiguous { candidates, .. } => candidates.clone(),
                    LookupError::NotAPoolingArea { choices, .. } => choices.clone(),
                    LookupError::Empty => Vec::new(),
                },
                _ => Vec::new(),
            };
            let codes: Vec<(Option<String>, Text)> = choices
                .iter()
                .filter_map(|label| {
                    let code = label.rsplit_once('(')?.1.trim_end_matches(')').to_string();
                    crate::region::regions().get(&code)?;
                    Some((Some(code), Text::new(label.clone(), label.clone())))
                })
                .chain(std::iter::once((
                    None,
                    Text::new("都不是,重新输入", "none of these: type again"),
                )))
                .collect();
            self.say(&err.lines(self.lang).join(" "));
            if codes.len() == 1 {
                continue;
            }
            let which = Text::new("您指的是哪一个?", "Which one do you mean?");
            if let Some(code) = self.select(&which, &codes)? {
                match resolve(&code) {
                    Ok((place, area)) => return Ok(self.settled(flag, place, area)),
                    Err(e) => self.say(&e.lines(self.lang).join(" ")),
                }
            }
        }
    }

    /// Echoes the place a question settled on and the pooling area it is evaluated in
    /// ("✔ 转出地: 北京市朝阳区 → 统筹地区 北京市"); returns the pooling area's code.
    fn settled(&self, flag: &str, place: &Region, area: &Region) -> String {
        let what = match flag {
            "--from" => Text::new("转出地", "origin"),
            "--to" => Text::new("转入地", "destination"),
            _ => Text::new("地区", "place"),
        };
        let shown = |r: &Region| match self.lang {
            Lang::Zh => r.path_label(),
            Lang::En => crate::region::place_label(r, r, Lang::En),
        };
        self.say(&match self.lang {
            Lang::Zh => format!("✔ {}: {} → 统筹地区 {}", what.zh, shown(place), shown(area)),
            Lang::En => format!(
                "✔ {}: {} → pooling area {}",
                what.en,
                shown(place),
                shown(area)
            ),
        });
        area.code.clone()
    }

    /// After a walk-through: the one-line command that gives the same answer without questions.
    pub fn say_command(&self, cmd: &str) {
        self.say(&match self.lang {
            Lang::Zh => format!("下次可直接运行: {cmd}"),
            Lang::En => format!("To get this answer again without questions: {cmd} --lang en"),
        });
    }

    /// Prints a line on the prompt's terminal (stderr), e.g. the equivalent command.
    pub fn say(&self, text: &str) {
        let _ = self.term.write_line(text);
    }

    fn interrupted(&self, _e: dialoguer::Error) -> Error {
        self.interrupted_now()
    }

    fn interrupted_now(&self) -> Error {
        let _ = self.term.show_cursor();
        Error::Interrupted
    }
}
