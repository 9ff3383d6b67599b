//! serde's and serde_json's errors as data: what was found, what was wanted, which
//! field or value, where. Their English sentences ("invalid type: string \"2023\",
//! expected i32") are read back into [`Param`]s once, here, so that the message around
//! them is rendered in the reader's language (`message.rs`) and programs get the facts.
//!
//! The sentences are those of serde's `de::Error` defaults (`invalid_type`,
//! `unknown_variant`, `missing_field`, …), of serde_json's syntax errors, and of the
//! core's own readers (`Decimal`, the plan's dates): fixed formats, which the tests
//! below hold to what these libraries write. What fits none is kept as it is, quoted, in
//! `detail`.

use super::params::*;
use crate::decimal::ParseError;

/// The parameters of a serde_json error: a syntax error with its line and column, or
/// what a typed reading refused.
pub fn problem(error: &serde_json::Error) -> Vec<Param> {
    let message = without_position(&error.to_string());
    if error.is_syntax() || error.is_eof() {
        return syntax(&message, error.line(), error.column());
    }
    data(&message)
}

/// serde_json's message without its trailing ` at line L column C`.
pub fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => message[..at].to_string(),
        _ => message.to_string(),
    }
}

/// A syntax error (the text is not JSON) at `line`, `column`.
pub fn syntax(message: &str, line: usize, column: usize) -> Vec<Param> {
    let kind = syntax_kind(message);
    let mut params = vec![Param::Problem(Problem::Syntax), Param::Syntax(kind), Param::Line(line as u64), Param::Column(column as u64)];
    if kind == Syntax::Other {
        params.push(Param::Detail(message.to_string()));
    }
    params
}

fn syntax_kind(message: &str) -> Syntax {
    match message {
        "EOF while parsing a list" => Syntax::EofList,
        "EOF while parsing an object" => Syntax::EofObject,
        "EOF while parsing a string" => Syntax::EofString,
        "EOF while parsing a value" => Syntax::EofValue,
        "expected `:`" => Syntax::Colon,
        "expected `,` or `]`" => Syntax::ListComma,
        "expected `,` or `}`" => Syntax::ObjectComma,
        "expected ident" => Syntax::Ident,
        "expected value" => Syntax::Value,
        "expected `\"`" => Syntax::Quote,
        "invalid escape" => Syntax::Escape,
        "invalid number" => Syntax::Number,
        "number out of range" => Syntax::NumberRange,
        "invalid unicode code point" => Syntax::Unicode,
        "control character (\\u0000-\\u001F) found while parsing a string" => Syntax::Control,
        "key must be a string" => Syntax::KeyString,
        "lone leading surrogate in hex escape" => Syntax::Surrogate,
        "trailing comma" => Syntax::TrailingComma,
        "trailing characters" => Syntax::TrailingCharacters,
        "unexpected end of hex escape" => Syntax::HexEscape,
        "recursion limit exceeded" => Syntax::Recursion,
        _ => Syntax::Other,
    }
}

/// What a typed reading refused, from serde's message (without its position).
pub fn data(message: &str) -> Vec<Param> {
    classify(message).unwrap_or_else(|| vec![Param::Problem(Problem::Other), Param::Detail(message.to_string())])
}

fn classify(message: &str) -> Option<Vec<Param>> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return found_and_wanted(Problem::InvalidType, rest);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return found_and_wanted(Problem::InvalidValue, rest);
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (count, wanted) = rest.split_once(", expected ")?;
        let mut params = vec![Param::Problem(Problem::InvalidLength), Param::Count(count.parse().ok()?)];
        params.extend(wanted_params(wanted));
        return Some(params);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (variant, choices) = named_then_choices(rest, "there are no variants")?;
        return Some(vec![Param::Problem(Problem::UnknownVariant), Param::Json(variant), Param::Choices(choices)]);
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, choices) = named_then_choices(rest, "there are no fields")?;
        return Some(vec![Param::Problem(Problem::UnknownField), Param::Field(field), Param::Choices(choices)]);
    }
    if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return Some(vec![Param::Problem(Problem::MissingField), Param::Field(field.to_string())]);
    }
    if let Some(field) = message.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return Some(vec![Param::Problem(Problem::DuplicateField), Param::Field(field.to_string())]);
    }
    if let Some(text) = message.strip_prefix('`').and_then(|r| r.strip_suffix("` is not a date written as YYYY-MM-DD")) {
        return Some(vec![Param::Problem(Problem::Date), Param::Text(text.to_string())]);
    }
    if message == crate::decimal::NOT_FINITE {
        return Some(vec![Param::Problem(Problem::Decimal), Param::Reason(DecimalReason::TooLarge)]);
    }
    // The decimal reader's "`81,5`: write decimals with a dot, …".
    for reason in ParseError::ALL {
        let suffix = format!("`: {reason}");
        if let Some(text) = message.strip_prefix('`').and_then(|r| r.strip_suffix(suffix.as_str())) {
            return Some(vec![Param::Problem(Problem::Decimal), Param::Text(text.to_string()), Param::Reason(decimal_reason(reason))]);
        }
    }
    None
}

/// Why a text is not a decimal, as a word.
pub fn decimal_reason(error: &ParseError) -> DecimalReason {
    match error {
        ParseError::Empty => DecimalReason::Empty,
        ParseError::Comma => DecimalReason::Comma,
        ParseError::Invalid => DecimalReason::Invalid,
        ParseError::TooPrecise => DecimalReason::TooPrecise,
        ParseError::TooLarge => DecimalReason::TooLarge,
    }
}

/// `string "2023", expected i32`: what was found (with its text) and what was wanted.
fn found_and_wanted(problem: Problem, rest: &str) -> Option<Vec<Param>> {
    let (found, wanted) = unexpected(rest)?;
    let mut params = vec![Param::Problem(problem)];
    params.extend(found);
    params.extend(wanted_params(wanted));
    Some(params)
}

/// serde's `Unexpected` as written by serde_json, and the rest after `, expected `.
fn unexpected(text: &str) -> Option<(Vec<Param>, &str)> {
    let literal = |kind: Found, prefix: &str| -> Option<(Vec<Param>, &str)> {
        let rest = text.strip_prefix(prefix)?.strip_prefix('`')?;
        let (value, wanted) = rest.split_once("`, expected ")?;
        Some((vec![Param::Found(kind), Param::Json(value.to_string())], wanted))
    };
    if let Some(rest) = text.strip_prefix("string \"") {
        let (value, after) = debug_string(rest)?;
        let wanted = after.strip_prefix(", expected ")?;
        return Some((vec![Param::Found(Found::String), Param::Text(value)], wanted));
    }
    for (kind, prefix) in [(Found::Boolean, "boolean "), (Found::Integer, "integer "), (Found::Float, "floating point "), (Found::String, "character ")] {
        if let Some(found) = literal(kind, prefix) {
            return Some(found);
        }
    }
    let (what, wanted) = text.split_once(", expected ")?;
    let kind = match what {
        "null" | "unit value" => Found::Null,
        "sequence" => Found::List,
        "map" => Found::Object,
        _ => Found::Other,
    };
    let mut found = vec![Param::Found(kind)];
    if kind == Found::Other {
        found.push(Param::Detail(what.to_string()));
    }
    Some((found, wanted))
}

/// A string as Rust's `{:?}` writes it, after its opening quote: its value and the text
/// after the closing quote.
fn debug_string(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    // \u{1b}
                    let rest = &text[i + 2..];
                    let close = rest.find('}')?;
                    let code = u32::from_str_radix(rest.get(1..close)?, 16).ok()?;
                    out.push(char::from_u32(code)?);
                    for _ in 0..=close {
                        chars.next();
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// What serde says is expected, as a [`Wanted`] (or its words, when it is none).
fn wanted_params(text: &str) -> Vec<Param> {
    let wanted = match text {
        "a string" | "a borrowed string" | "variant identifier" | "field identifier" => Wanted::Text,
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Wanted::Integer,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Wanted::Natural,
        "a boolean" => Wanted::Boolean,
        "a sequence" => Wanted::List,
        "a map" => Wanted::Object,
        "internally tagged enum Target" => Wanted::Target,
        "enum Actual" => Wanted::Actual,
        "internally tagged enum Edit" => Wanted::Edit,
        "a tuple of size 2" | "tuple of 2 elements" => Wanted::Pair,
        crate::decimal::EXPECTING => Wanted::Decimal,
        _ if text.starts_with("struct ") => Wanted::Object,
        _ => return vec![Param::Wanted(Wanted::Other), Param::WantedText(text.to_string())],
    };
    vec![Param::Wanted(wanted)]
}

/// `` zona`, expected one of `a`, `b` `` (after the opening backquote): the name and the
/// choices (none when serde says `none`).
fn named_then_choices(rest: &str, none: &str) -> Option<(String, Vec<String>)> {
    if let Some(name) = rest.strip_suffix(&format!("`, {none}")) {
        return Some((name.to_string(), Vec::new()));
    }
    let at = rest.rfind("`, expected ")?;
    let name = rest[..at].to_string();
    let list = &rest[at + "`, expected ".len()..];
    Some((name, one_of(list)?))
}

/// serde's `OneOf`: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
pub fn one_of(list: &str) -> Option<Vec<String>> {
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let inner = list.strip_prefix('`')?.strip_suffix('`')?;
    Some(inner.split("`, `").flat_map(|s| s.split("` or `")).map(str::to_string).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Level, Plan};
    use serde::Deserialize;

    fn params_of<T: for<'de> Deserialize<'de>>(json: &str) -> Vec<Param> {
        problem(&serde_json::from_str::<T>(json).err().expect("an error"))
    }

    #[test]
    fn serdes_sentences_are_read_as_data() {
        assert_eq!(
            params_of::<i32>(r#""2023""#),
            [Param::Problem(Problem::InvalidType), Param::Found(Found::String), Param::Text("2023".into()), Param::Wanted(Wanted::Integer)]
        );
        assert_eq!(
            params_of::<Level>(r#""zona""#),
            [
                Param::Problem(Problem::UnknownVariant),
                Param::Json("zona".into()),
                Param::Choices(vec!["area".into(), "strategic".into(), "operational".into()])
            ]
        );
        assert_eq!(params_of::<u32>("-1")[..2], [Param::Problem(Problem::InvalidValue), Param::Found(Found::Integer)]);
        assert_eq!(params_of::<Vec<String>>("{}")[1..], [Param::Found(Found::Object), Param::Wanted(Wanted::List)]);
        assert_eq!(params_of::<String>("null")[1..], [Param::Found(Found::Null), Param::Wanted(Wanted::Text)]);
        assert_eq!(params_of::<(usize, String)>("[1]")[..2], [Param::Problem(Problem::InvalidLength), Param::Count(1)]);
        let missing = params_of::<Plan>(r#"{"version": 1}"#);
        assert_eq!(missing, [Param::Problem(Problem::MissingField), Param::Field("ente".into())]);
        let unknown = params_of::<Plan>(r#"{"version": 1, "colour": 1}"#);
        assert_eq!(unknown[..2], [Param::Problem(Problem::UnknownField), Param::Field("colour".into())]);
        let decimal = params_of::<crate::Decimal>(r#""81,5""#);
        assert_eq!(decimal, [Param::Problem(Problem::Decimal), Param::Text("81,5".into()), Param::Reason(DecimalReason::Comma)]);
        assert_eq!(params_of::<crate::Decimal>("true")[3], Param::Wanted(Wanted::Decimal));
    }

    #[test]
    fn a_text_with_quotes_and_escapes_is_found_as_written() {
        let found = params_of::<i32>(r#""a \"b\", expected c\u001b""#);
        assert_eq!(found[2], Param::Text("a \"b\", expected c\u{1b}".into()));
        assert_eq!(found[3], Param::Wanted(Wanted::Integer));
    }

    #[test]
    fn syntax_errors_have_their_line_and_column() {
        let params = params_of::<serde_json::Value>("{\"a\": 1,}");
        assert_eq!(params, [Param::Problem(Problem::Syntax), Param::Syntax(Syntax::TrailingComma), Param::Line(1), Param::Column(9)]);
        assert_eq!(params_of::<serde_json::Value>("")[1], Param::Syntax(Syntax::EofValue));
        assert_eq!(params_of::<serde_json::Value>("{\"a\" 1}")[1], Param::Syntax(Syntax::Colon));
        assert_eq!(params_of::<serde_json::Value>("[1 2]")[1], Param::Syntax(Syntax::ListComma));
        assert_eq!(params_of::<serde_json::Value>("nulx")[1], Param::Syntax(Syntax::Ident));
        assert_eq!(params_of::<serde_json::Value>("{} x")[1], Param::Syntax(Syntax::TrailingCharacters));
    }

    #[test]
    fn what_fits_no_category_is_quoted_as_it_is() {
        assert_eq!(data("something new"), [Param::Problem(Problem::Other), Param::Detail("something new".into())]);
    }
}
