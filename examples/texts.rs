//! Every text of every language as JSON, `{"en": {key: text}, ...}`, for
//! the browser tests that check a rendered page shows no English (or no
//! key) where it should speak Japanese or Russian.
//!
//!     cargo run --example texts

use supportcalc::i18n::Lang;

fn main() {
    let all: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let texts = lang
                .texts()
                .entries()
                .into_iter()
                .map(|(key, text)| (key.to_owned(), text.into()))
                .collect::<serde_json::Map<_, _>>();
            (lang.code().to_owned(), texts.into())
        })
        .collect();
    println!("{}", serde_json::Value::Object(all));
}
