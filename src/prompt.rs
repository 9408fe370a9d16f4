//! The interactive walk-through's building blocks: questions asked with dialoguer on stderr.
//! The only module that touches the terminal. Callers must check `Request::interactive`
//! first (dialoguer blocks on /dev/tty when stdin is piped). Ctrl-C or Esc at a prompt
//! restores the cursor and becomes `Error::Interrupted` (exit 130); so does Ctrl-D (end of
//! input). Text and short choices are read key by key here (dialoguer ignores Ctrl-D).
//!
//! Every question after a walk-through's first offers 上一步 (back): a last choice in a
//! list, `<` typed in a text answer, or Esc in either (the prompt says so); `Prompter::walk`
//! then asks the question before again. A question using a term people may not know carries
//! its one-line explanation, shown on `?` (the prompt says so too).

use std::cell::{Cell, RefCell};

use console::Term;
use dialoguer::Select;
use dialoguer::theme::ColorfulTheme;

use crate::error::Error;
use crate::region::Region;

/// A message about a typed answer without the flag it starts with (`--last-paid: '2026-13'
/// …` → `'2026-13' …`): at a prompt the question stands above it, and the person typed no
/// flag.
fn unflagged(line: &str) -> &str {
    match line.split_once(": ") {
        Some((flag, rest))
            if flag.starts_with("--")
                && !flag.contains(char::is_whitespace)
                && !rest.is_empty() =>
        {
            rest
        }
        _ => line,
    }
}

/// Typed text → the place and the pooling area it is in (see `Prompter::region`).
pub type Resolve<'a> = dyn Fn(&str) -> Result<(&'static Region, &'static Region), Error> + 'a;
use crate::text::{Lang, Text};

/// Asks questions in one language.
pub struct Prompter {
    lang: Lang,
    term: Term,
    theme: ColorfulTheme,
    /// The questions asked now offer 上一步 (set by `Trail::mark`).
    back: Cell<bool>,
    /// The explanation the next question shows on `?` (set by `explain`).
    help: RefCell<Option<Text>>,
}

/// The states before each question a walk-through asked, to go back to (`Prompter::walk`).
pub struct Trail<S> {
    before: Vec<S>,
    /// Questions asked before this walk began (by another walk): its first question offers
    /// 上一步 too, which ends the walk with `Error::Back`.
    after_others: bool,
}

impl<S: Clone> Trail<S> {
    /// A trail for a walk that begins the questions.
    pub fn new() -> Trail<S> {
        Trail::following(false)
    }

    /// A trail for a walk that follows another one's questions when `after_others`.
    pub fn following(after_others: bool) -> Trail<S> {
        Trail {
            before: Vec::new(),
            after_others,
        }
    }

    /// Before asking a question: keeps the state and offers 上一步 unless it is the first.
    pub fn mark(&mut self, p: &Prompter, state: &S) {
        p.back.set(!self.before.is_empty() || self.after_others);
        self.before.push(state.clone());
    }

    /// Whether any question was asked on this trail.
    pub fn any(&self) -> bool {
        !self.before.is_empty()
    }

    /// Goes back to before the last question asked, to walk again from there (`resume`);
    /// false when none was asked.
    pub fn back(&mut self, state: &mut S) -> bool {
        match self.before.pop() {
            Some(earlier) => {
                *state = earlier;
                true
            }
            None => false,
        }
    }
}

/// A walk-through's state that keeps the facts left open (answered "not sure"): they are not
/// asked again, not even after 上一步 to an earlier question.
pub trait Asking: Clone {
    /// What the questions fill in.
    type Facts;
    fn facts(&mut self) -> &mut Self::Facts;
    /// The names of the facts left open.
    fn open(&mut self) -> &mut Vec<&'static str>;
}

impl<S: Asking> Trail<S> {
    /// Asks `question` for the fact `slot` picks, unless it is known or was left open (an
    /// answer left open is noted under `name`); the state before it is kept for 上一步.
    pub fn ask<T>(
        &mut self,
        p: &Prompter,
        st: &mut S,
        name: &'static str,
        slot: fn(&mut S::Facts) -> &mut Option<T>,
        question: impl FnOnce(&S::Facts) -> Result<Option<T>, Error>,
    ) -> Result<(), Error> {
        if slot(st.facts()).is_some() || st.open().contains(&name) {
            return Ok(());
        }
        self.mark(p, st);
        let answer = question(st.facts())?;
        if answer.is_none() {
            st.open().push(name);
        }
        *slot(st.facts()) = answer;
        Ok(())
    }
}

impl<S: Clone> Default for Trail<S> {
    fn default() -> Trail<S> {
        Trail::new()
    }
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
            back: Cell::new(false),
            help: RefCell::new(None),
        }
    }

    /// Runs a walk-through that can go back. `run` asks for what `state` does not know yet,
    /// calling `Trail::mark` before each question; when one is answered with 上一步, the
    /// state before the question asked before it comes back and `run` starts again (so that
    /// question is the first one asked). A state must remember answers left open, or the
    /// question would be asked again.
    pub fn walk<S: Clone>(
        &self,
        state: &mut S,
        run: impl FnMut(&mut S, &mut Trail<S>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.resume(state, &mut Trail::new(), run)
    }

    /// `walk` on a trail kept by the caller: after it, `Trail::back` returns to before its
    /// last question and `resume` walks on from there. 上一步 at the first question ends
    /// the walk with `Error::Back` when the trail follows other questions, else stops it as
    /// Ctrl-C does.
    pub fn resume<S: Clone>(
        &self,
        state: &mut S,
        trail: &mut Trail<S>,
        mut run: impl FnMut(&mut S, &mut Trail<S>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let done = loop {
            match run(state, trail) {
                Err(Error::Back) => {
                    trail.before.pop();
                    if !trail.back(state) {
                        break Err(if trail.after_others {
                            Error::Back
                        } else {
                            Error::Interrupted
                        });
                    }
                }
                other => break other,
            }
        };
        self.back.set(false);
        self.help.replace(None);
        done
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// One of several answers; returns the value of the chosen one.
    pub fn select<T: Clone>(&self, question: &Text, options: &[(T, Text)]) -> Result<T, Error> {
        let mut labels: Vec<&str> = options.iter().map(|(_, t)| t.get(self.lang)).collect();
        let back = self.back.get();
        if back {
            labels.push(self.back_label());
        }
        let help = self.help.take();
        let help = help.as_ref().map(|h| h.get(self.lang));
        let prompt = question.get(self.lang);
        let rows = usize::from(self.term.size().0);
        let chosen = if labels.len() + 3 < rows {
            self.choose(prompt, &labels, help, back)?
        } else {
            // Longer than the terminal: dialoguer pages it (and ignores Ctrl-D); Esc goes
            // back where the list offers it.
            if let Some(h) = help {
                self.explained(h);
            }
            match Select::with_theme(&self.theme)
                .with_prompt(prompt)
                .items(&labels)
                .default(0)
                .interact_on_opt(&self.term)
                .map_err(|e| self.interrupted(e))?
            {
                Some(i) => i,
                None if back => options.len(),
                None => return Err(self.interrupted_now()),
            }
        };
        match options.get(chosen) {
            Some((value, _)) => Ok(value.clone()),
            None => Err(Error::Back),
        }
    }

    /// The last choice of a list that offers to go back.
    fn back_label(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "← 上一步(Esc)",
            Lang::En => "← back (Esc)",
        }
    }

    /// What the prompt says `?` does.
    fn help_hint(&self) -> &'static str {
        match self.lang {
            Lang::Zh => "? 看解释",
            Lang::En => "? explains",
        }
    }

    /// An explanation asked for with `?`, under its question.
    fn explained(&self, help: &str) {
        self.say(&format!("  ? {help}"));
    }

    /// The index of the answer chosen with the arrow keys (or j/k, Tab) and Enter, drawn as
    /// dialoguer's Select draws it; `?` shows `help` under the question; Esc chooses the last
    /// answer where it is 上一步 (`back`), else interrupts like Ctrl-D, Ctrl-C or q.
    fn choose(
        &self,
        prompt: &str,
        labels: &[&str],
        help: Option<&str>,
        back: bool,
    ) -> Result<usize, Error> {
        use console::Key;
        use dialoguer::theme::Theme;
        let columns = usize::from(self.term.size().1).max(1);
        let mut at = 0;
        let mut helping = false;
        let asked = match help {
            Some(_) => format!("{prompt} ({})", self.help_hint()),
            None => prompt.to_string(),
        };
        let _ = self.term.hide_cursor();
        loop {
            let mut lines = vec![String::new()];
            let _ = self.theme.format_select_prompt(&mut lines[0], &asked);
            if let (true, Some(h)) = (helping, help) {
                lines.push(format!("  ? {h}"));
            }
            for (i, label) in labels.iter().enumerate() {
                let mut line = String::new();
                let _ = self
                    .theme
                    .format_select_prompt_item(&mut line, label, i == at);
                lines.push(line);
            }
            for line in &lines {
                let _ = self.term.write_line(line);
            }
            let _ = self.term.flush();
            // Rows taken, a long label wrapping onto more than one.
            let height: usize = lines
                .iter()
                .map(|l| console::measure_text_width(l).div_ceil(columns).max(1))
                .sum();
            let key = self.term.read_key();
            let _ = self.term.clear_last_lines(height);
            match key {
                Ok(Key::ArrowDown | Key::Tab | Key::Char('j')) => at = (at + 1) % labels.len(),
                Ok(Key::ArrowUp | Key::BackTab | Key::Char('k')) => {
                    at = (at + labels.len() - 1) % labels.len();
                }
                Ok(Key::Char('?' | '？')) if help.is_some() => helping = !helping,
                Ok(Key::Escape) if back => {
                    let _ = self.term.show_cursor();
                    return Ok(labels.len() - 1);
                }
                Ok(Key::Enter | Key::Char(' ')) if back && at + 1 == labels.len() => {
                    let _ = self.term.show_cursor();
                    return Ok(at);
                }
                Ok(Key::Enter | Key::Char(' ')) => {
                    let mut done = String::new();
                    let _ = self
                        .theme
                        .format_select_prompt_selection(&mut done, prompt, labels[at]);
                    let _ = self.term.write_line(&done);
                    let _ = self.term.show_cursor();
                    return Ok(at);
                }
                Ok(Key::Char('\u{4}')) => return Err(self.end_of_input()),
                Ok(Key::Escape | Key::Char('q')) | Err(_) => return Err(self.interrupted_now()),
                Ok(_) => {}
            }
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
        self.ask(question, hint.into_iter().collect(), false, parse)
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
        self.ask(question, vec![hint, skip], true, |s| {
            if s.is_empty() {
                Ok(None)
            } else {
                parse(s).map(Some)
            }
        })
    }

    /// One line of text (trimmed), asked again until `parse` accepts it; the question is
    /// followed by `hints` and by what `?` and 上一步 do where they apply (`?` shows the
    /// explanation and asks again; `<`, "back" or "上一步" go back, as Esc does). Read key by
    /// key here rather than by dialoguer, which ignores Ctrl-D: end of input at a prompt is
    /// an interruption (exit 130) like Ctrl-C and, on a first question, Esc.
    fn ask<T>(
        &self,
        question: &Text,
        mut hints: Vec<&str>,
        allow_empty: bool,
        parse: impl Fn(&str) -> Result<T, Error>,
    ) -> Result<T, Error> {
        use dialoguer::theme::Theme;
        let help = self.help.take();
        let back = self.back.get();
        if help.is_some() {
            hints.push(self.help_hint());
        }
        if back {
            hints.push(match self.lang {
                Lang::Zh => "< 或 Esc 上一步",
                Lang::En => "< or Esc: back",
            });
        }
        let mut prompt = question.get(self.lang).to_string();
        if !hints.is_empty() {
            let sep = match self.lang {
                Lang::Zh => ";",
                Lang::En => "; ",
            };
            prompt.push_str(&format!(" ({})", hints.join(sep)));
        }
        loop {
            let mut shown = String::new();
            let _ = self.theme.format_input_prompt(&mut shown, &prompt, None);
            let _ = self.term.write_str(&shown);
            let typed = match self.read_text(back) {
                Err(Error::Back) => {
                    let _ = self.term.clear_line();
                    return Err(Error::Back);
                }
                other => other?,
            };
            let answer = typed.trim();
            let _ = self.term.clear_line();
            if back && matches!(answer, "<" | "＜" | "back" | "上一步") {
                return Err(Error::Back);
            }
            if let (Some(h), "?" | "？") = (&help, answer) {
                self.explained(h.get(self.lang));
                continue;
            }
            if answer.is_empty() && !allow_empty {
                continue;
            }
            match parse(answer) {
                Ok(value) => {
                    // Answered: the question and the answer, without the hints.
                    let mut done = String::new();
                    let _ = self.theme.format_input_prompt_selection(
                        &mut done,
                        question.get(self.lang),
                        answer,
                    );
                    let _ = self.term.write_line(&done);
                    return Ok(value);
                }
                Err(e) => {
                    let lines = e.lines(self.lang);
                    let said: Vec<&str> = lines.iter().map(|l| unflagged(l)).collect();
                    let mut message = String::new();
                    let _ = self.theme.format_error(&mut message, &said.join(" "));
                    let _ = self.term.write_line(&message);
                }
            }
        }
    }

    /// The keys typed up to Enter, echoed; Esc goes back where `back` is offered; Ctrl-D,
    /// Ctrl-C, Esc otherwise or the end of the terminal's input interrupt.
    fn read_text(&self, back: bool) -> Result<String, Error> {
        use console::Key;
        let mut text = String::new();
        loop {
            match self.term.read_key() {
                Ok(Key::Enter) => return Ok(text),
                Ok(Key::Backspace) => {
                    if let Some(c) = text.pop() {
                        let width = console::measure_text_width(c.encode_utf8(&mut [0; 4]));
                        let _ = self.term.clear_chars(width);
                    }
                }
                Ok(Key::Char('\u{4}')) => {
                    let _ = self.term.write_line("");
                    return Err(self.end_of_input());
                }
                Ok(Key::Char(c)) if !c.is_control() => {
                    text.push(c);
                    let _ = self.term.write_str(c.encode_utf8(&mut [0; 4]));
                }
                Ok(Key::Escape) if back => return Err(Error::Back),
                Ok(Key::Escape) | Err(_) => return Err(self.interrupted_now()),
                Ok(_) => {}
            }
        }
    }

    /// Ctrl-D: says so, then interrupts.
    fn end_of_input(&self) -> Error {
        self.say(match self.lang {
            Lang::Zh => "输入已结束(Ctrl-D)",
            Lang::En => "end of input (Ctrl-D)",
        });
        self.interrupted_now()
    }

    /// A pooling area typed as a code, Chinese name or pinyin; when the text is a near miss
    /// or names several places, the close matches are offered to choose from.
    /// `resolve` turns typed text into the place and the pooling area it is in (the caller's
    /// dated rules); the place settled on is echoed with its pooling area.
    pub fn region(
        &self,
        question: &Text,
        what: &Text,
        resolve: &Resolve,
    ) -> Result<(String, Option<String>), Error> {
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
                Ok((place, area)) => return Ok(self.settled(what, place, area)),
                Err(e) => e,
            };
            let offered = match &err {
                Error::Region { source, .. } => source.offered(Lang::Zh),
                _ => Vec::new(),
            };
            // In English each is named as English output names places: a city or district by
            // its pinyin where known, a district with the city or province above it.
            let codes: Vec<(Option<String>, Text)> = (offered.into_iter())
                .filter_map(|(code, label)| {
                    let r = crate::region::regions().get(code)?;
                    let county = r.level == crate::region::Level::County;
                    let above = r.above().filter(|_| county).unwrap_or(r);
                    let en = crate::region::place_label(r, above, Lang::En);
                    Some((Some(code.to_string()), Text::new(label, en)))
                })
                .chain(std::iter::once((
                    None,
                    Text::new("都不是,重新输入", "none of these: type again"),
                )))
                .collect();
            self.tell(&err);
            if codes.len() == 1 {
                continue;
            }
            let which = Text::new("您指的是哪一个?", "Which one do you mean?");
            if let Some(code) = self.select(&which, &codes)? {
                match resolve(&code) {
                    Ok((place, area)) => return Ok(self.settled(what, place, area)),
                    Err(e) => self.tell(&e),
                }
            }
        }
    }

    /// Echoes the place a question settled on, as `what` (the question's own word for it), and
    /// the pooling area it is evaluated in ("✔ 转出地: 北京市朝阳区 → 统筹地区 北京市"); returns
    /// the pooling area's code, and the place's own where it is a district or county inside it.
    fn settled(&self, what: &Text, place: &Region, area: &Region) -> (String, Option<String>) {
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
        let own = (place.code != area.code).then(|| place.code.clone());
        (area.code.clone(), own)
    }

    /// After a walk-through: the one-line command that gives the same answer without questions.
    /// `--no-input` is added: the line never asks, whatever it leaves unknown.
    pub fn say_command(&self, cmd: &str) {
        self.say(&match self.lang {
            Lang::Zh => format!("下次可直接运行: {cmd} --no-input"),
            Lang::En => {
                format!("To get this answer again without questions: {cmd} --lang en --no-input")
            }
        });
    }

    /// A one-line explanation of a term the next question uses, shown under it on `?`.
    pub fn explain(&self, text: &Text) {
        self.help.replace(Some(text.clone()));
    }

    /// An error about a typed answer, on the prompt's terminal, naming no flag.
    fn tell(&self, e: &Error) {
        let lines = e.lines(self.lang);
        let said: Vec<&str> = lines.iter().map(|l| unflagged(l)).collect();
        self.say(&said.join(" "));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A prompter that asks nothing (no Ctrl-C handler): for the walk's bookkeeping.
    fn quiet() -> Prompter {
        Prompter {
            lang: Lang::Zh,
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            back: Cell::new(false),
            help: RefCell::new(None),
        }
    }

    #[test]
    fn going_back_asks_the_question_before_again_and_only_later_ones_offer_it() {
        let p = quiet();
        // Three questions; the second is first answered with 上一步.
        let mut script = vec![Ok(1), Err(Error::Back), Ok(10), Ok(2), Ok(3)].into_iter();
        let mut asked = Vec::new();
        let mut state: Vec<u32> = Vec::new();
        p.walk(&mut state, |st, trail| {
            while st.len() < 3 {
                trail.mark(&p, st);
                asked.push((st.len(), p.back.get()));
                st.push(script.next().unwrap()?);
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(state, [10, 2, 3]);
        assert_eq!(
            asked,
            [(0, false), (1, true), (0, false), (1, true), (2, true)]
        );
        // After the walk nothing offers 上一步 (e.g. the offer to save).
        assert!(!p.back.get());
    }

    #[test]
    fn a_message_at_a_prompt_drops_the_flag_it_starts_with() {
        assert_eq!(
            unflagged("--last-paid: '2026-13' 不是有效月份"),
            "'2026-13' 不是有效月份"
        );
        assert_eq!(unflagged("请输入一个地区"), "请输入一个地区");
        assert_eq!(unflagged("a note: --x"), "a note: --x");
    }
}
