//! The interactive walk-through's building blocks: questions asked with dialoguer on stderr.
//! The only module that touches the terminal. Callers must check `Request::interactive`
//! first (dialoguer blocks on /dev/tty when stdin is piped). Ctrl-C or Esc at a prompt
//! restores the cursor and becomes `Error::Interrupted` (exit 130).

use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Input, Select};

use crate::error::Error;
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
        self.select(
            question,
            &[
                (Some(true), Text::new("是", "yes")),
                (Some(false), Text::new("否", "no")),
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
        let lang = self.lang;
        let mut prompt = question.get(lang).to_string();
        if let Some(h) = hint {
            prompt.push_str(&format!(" ({h})"));
        }
        let answer: String = Input::with_theme(&self.theme)
            .with_prompt(prompt)
            .validate_with(|s: &String| -> Result<(), String> {
                parse(s.trim())
                    .map(|_| ())
                    .map_err(|e| e.lines(lang).join(" "))
            })
            .interact_text_on(&self.term)
            .map_err(|e| self.interrupted(e))?;
        parse(answer.trim())
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
