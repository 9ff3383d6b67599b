//! Everything the command line writes. A plan's names, codes and messages, a table's
//! cells and the paths and arguments it was given are someone else's text: written raw,
//! an ESC or a C1 control would drive the terminal (move the cursor, rewrite a line,
//! set the window title), a CR or a backspace would overwrite what was printed before
//! it, and a bidi override (U+202E) would show the characters after it reversed. So text
//! reaches the terminal only through [`escape`], which writes each such character as an
//! escape, as `git` does for paths: `\x1b`, `\r`, `\u{202e}`. JSON is written through a
//! formatter that does the same inside strings, as JSON escapes (`\u202e`), so what a
//! program reads back is unchanged.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

/// `text` with every control character (C0, DEL, C1), bidi control and line or paragraph
/// separator written as an escape: `\t`, `\n`, `\r`, `\x1b`, `\u{9b}`, `\u{202e}`. Other
/// text, backslashes included, is unchanged, so escaping twice changes nothing more.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) && c.is_ascii() => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A character that acts on a terminal or on how the text around it is shown.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// Text made of lines: each line escaped, the line breaks kept. Every line of plan text is
/// escaped where it is put together (so a line break inside a name shows as `\n` and
/// cannot start a line of its own); this is the last pass before the terminal, so that
/// nothing else is ever written raw.
fn escape_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split('\n').map(escape).collect::<Vec<_>>().join("\n"))
}

/// Writes text to standard output. A closed pipe (`semaforo evaluate … | head`) is not an
/// error; any other failure to write (a full disk) is, with exit code 2: the output is
/// incomplete, and a site build must not take it for a result.
pub fn out(text: &str) -> Result<(), ExitCode> {
    let mut stdout = io::stdout().lock();
    written(stdout.write_all(escape_lines(text).as_bytes()).and_then(|()| stdout.flush()))
}

/// Writes CSV text (rows ending in CRLF, as RFC 4180 and spreadsheets want them) to
/// standard output: each row escaped as [`out`] does, its CRLF kept. A CR is written only
/// right before the LF that ends a row, where it cannot overwrite anything printed.
pub fn out_csv(text: &str) -> Result<(), ExitCode> {
    let rows: Vec<Cow<'_, str>> = text.split("\r\n").map(escape_lines).collect();
    let mut stdout = io::stdout().lock();
    written(stdout.write_all(rows.join("\r\n").as_bytes()).and_then(|()| stdout.flush()))
}

fn written(result: io::Result<()>) -> Result<(), ExitCode> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            err_line(&format!("semaforo: cannot write the output: {e}"));
            Err(ExitCode::from(2))
        }
        _ => Ok(()),
    }
}

/// Writes text to standard error.
pub fn err(text: &str) {
    let _ = io::stderr().lock().write_all(escape_lines(text).as_bytes());
}

/// Writes one line to standard error, escaped whole: a line break in it shows as `\n`.
pub fn err_line(text: &str) {
    err(&format!("{}\n", escape(text)));
}

/// Writes a value as JSON to standard output, streamed (a plan of two million indicators
/// is never held as one string), indented when `pretty`, with a final line break. As for
/// [`out`], a closed pipe is not an error and any other failure is, with exit code 2.
pub fn out_json<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<(), ExitCode> {
    let mut writer = io::BufWriter::new(io::stdout().lock());
    let result = if pretty {
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut writer, Safe(PrettyFormatter::new())))
    } else {
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut writer, Safe(CompactFormatter)))
    };
    match result {
        Ok(()) => written(writer.write_all(b"\n").and_then(|()| writer.flush())),
        Err(e) if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) => Ok(()),
        Err(e) => {
            err_line(&format!("semaforo: cannot write the output: {e}"));
            Err(ExitCode::from(2))
        }
    }
}

/// A JSON formatter that also escapes, inside strings, what serde_json writes raw: DEL,
/// the C1 controls, bidi controls and the line and paragraph separators (all in the
/// Basic Multilingual Plane, so `\uXXXX` holds each). Everything else is the inner
/// formatter's, byte for byte.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_and_the_rest_kept() {
        assert_eq!(escape("OS 1.2 – Qualità"), "OS 1.2 – Qualità");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(escape("x\ry\tz\n\x08\x7f"), "x\\ry\\tz\\n\\x08\\x7f");
        assert_eq!(escape("\u{9b}31m\u{202e}cba\u{2066}\u{2028}"), "\\u{9b}31m\\u{202e}cba\\u{2066}\\u{2028}");
        assert_eq!(escape(&escape("\x1b\u{202e}")), escape("\x1b\u{202e}"), "escaping twice changes nothing more");
        assert_eq!(escape_lines("a\x1b\nb\r\n"), "a\\x1b\nb\\r\n");
    }

    #[test]
    fn json_strings_keep_their_value_and_lose_their_raw_controls() {
        let value = serde_json::json!({ "name": "a\u{202e}b\u{9b}c\x1b\"\\d", "n": [1, 2] });
        let mut bytes = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut bytes, Safe(PrettyFormatter::new()))).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.chars().all(|c| c == '\n' || !is_unsafe(c)), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
        let plain = serde_json::json!({ "a": ["x", {"b": null}], "c": "Attività" });
        let mut bytes = Vec::new();
        plain.serialize(&mut serde_json::Serializer::with_formatter(&mut bytes, Safe(PrettyFormatter::new()))).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), serde_json::to_string_pretty(&plain).unwrap());
    }
}
