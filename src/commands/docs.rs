//! `yibao completions SHELL` and `yibao man`: documents generated from the clap definitions,
//! so they never drift from the real flags.

use serde_json::Value;

use crate::cli::Cli;
use crate::error::Error;
use crate::render::Report;
use crate::text::Lang;

/// A generated text document, printed as is.
pub struct Document {
    schema: &'static str,
    text: String,
}

impl Document {
    pub fn new(schema: &'static str, text: String) -> Document {
        Document { schema, text }
    }
}

/// The completion script, its descriptions in `lang`.
pub fn completions(shell: clap_complete::Shell, lang: Lang) -> Document {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::definitions(lang), "yibao", &mut buf);
    Document {
        schema: "yibao.completions/1",
        text: String::from_utf8_lossy(&buf).into_owned(),
    }
}

/// The manual page in `lang` (clap_mangen's section titles stay English, as man(1) expects).
pub fn man(lang: Lang) -> Result<Document, Error> {
    let mut buf = Vec::new();
    let top = Cli::definitions(lang);
    clap_mangen::Man::new(top.clone())
        .render(&mut buf)
        .map_err(|e| Error::File {
            path: "stdout".into(),
            reason: crate::text::Text::new(e.to_string(), e.to_string()),
        })?;
    // The subcommands, each with its own section, after the top-level page.
    for sub in top.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("yibao-{}", sub.get_name());
        let mut page = Vec::new();
        if clap_mangen::Man::new(sub.clone())
            .title(name)
            .render(&mut page)
            .is_ok()
        {
            buf.extend_from_slice(b"\n");
            buf.extend_from_slice(&page);
        }
    }
    Ok(Document {
        schema: "yibao.man/1",
        text: String::from_utf8_lossy(&buf).into_owned(),
    })
}

impl Report for Document {
    fn schema(&self) -> &'static str {
        self.schema
    }

    fn json(&self, _explain: bool) -> Value {
        serde_json::json!({ "text": self.text })
    }

    /// Generated documents are printed as they are, also under `--json`.
    fn raw(&self) -> bool {
        true
    }

    fn human(&self, _lang: Lang, _explain: bool) -> String {
        self.text.clone()
    }
}
