//! Reading the values of a table cell as the Italian documents write them: numbers with
//! thousands dots and decimal commas, quantities with units (`97,87 %`, `1.010 N.`,
//! `5,16 gg`), ratios (`46 N. / 47 N.`), dates (`31-12-2023`, `31/12/2023`), targets
//! (`>= 70,00 %`, `=> 8`, `<= 10 gg`, `Entro 31-12-2023`), `N.V.`, `N/D`, yes/no, and
//! the debris PDF extraction leaves behind (`$\geq 130,00$ %`, bullets, bold markers).
//!
//! Every reader takes the cell's text and returns `None` when it cannot read it; the
//! caller reports the cell with the [`Expected`] word saying what it was looking for.

use crate::decimal::Decimal;
use crate::parse::{self, Quantity};
use crate::plan::{MeasureUnit, Target, Verdict};
use chrono::NaiveDate;

/// What a reader was looking for: a word of the report (`"weight"`), whose text in each
/// language is in `diagnostic/message.rs` (`CellProblem::expectation`).
pub use crate::diagnostic::Expected;

/// The text with PDF debris removed: LaTeX math (`$\geq 130,00$ %`), `≥`/`≤`/`=>`/`=<`
/// written as `>=`/`<=`, bold markers, leading bullets, non-breaking spaces, runs of
/// spaces. Ordinary text is left as it is.
pub fn clean(text: &str) -> String {
    // Every reader cleans its input, and most cells are clean already: say so in one
    // pass over the bytes instead of rebuilding the text (this was 40 % of an import).
    if is_clean(text) {
        return text.to_string();
    }
    let mut s: String = text
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}' | '\t' | '\r' | '\n' => ' ',
            '\u{2265}' | '\u{2a7e}' => '\u{1}', // ≥ ⩾, expanded below
            '\u{2264}' | '\u{2a7d}' => '\u{2}', // ≤ ⩽
            '\u{2212}' => '-',                  // minus sign
            _ => c,
        })
        .collect();
    if s.contains('\u{1}') || s.contains('\u{2}') {
        s = s.replace('\u{1}', ">=").replace('\u{2}', "<=");
    }
    if s.contains('\\') || s.contains('$') {
        for (from, to) in [
            ("\\geqslant", ">="),
            ("\\leqslant", "<="),
            ("\\geq", ">="),
            ("\\leq", "<="),
            ("\\ge", ">="),
            ("\\le", "<="),
            ("\\%", "%"),
            ("\\,", " "),
            ("$", ""),
        ] {
            s = s.replace(from, to);
        }
    }
    for marker in ["**", "__"] {
        if s.contains(marker) {
            s = s.replace(marker, "");
        }
    }
    // Bold and italic tags of an HTML export (`<b>OBBIETTIVO</b>`).
    if s.contains('<') {
        for tag in ["<b>", "</b>", "<B>", "</B>", "<strong>", "</strong>", "<i>", "</i>", "<em>", "</em>", "<u>", "</u>"] {
            if s.contains(tag) {
                s = s.replace(tag, " ");
            }
        }
    }
    let mut out = collapse_spaces(&s);
    // Leading bullets: • ● ◦ ▪ ■ · ‣ and Wingdings' private-use bullet, or "- " / "* ".
    loop {
        let trimmed = out
            .strip_prefix(['•', '●', '◦', '▪', '■', '·', '‣', '\u{f0b7}', '\u{f0a7}', '➢', '►'])
            .or_else(|| out.strip_prefix("- "))
            .or_else(|| out.strip_prefix("* "))
            .or_else(|| out.strip_prefix("– "));
        match trimmed {
            Some(rest) => out = rest.trim_start().to_string(),
            None => break,
        }
    }
    // `=>` and `=<` are how some documents write >= and <=.
    if out.starts_with("=>") {
        out.replace_range(..2, ">=");
    } else if out.starts_with("=<") {
        out.replace_range(..2, "<=");
    }
    out
}

fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// `clean` would return `text` unchanged: no debris, no leading bullet or `=>`, no run
/// of spaces, no space at either end. (Conservative: any non-ASCII byte says no, except
/// in letters of the Latin-1 range, which `clean` never touches.)
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(|b| *b == b' ') || bytes.last().is_some_and(|b| *b == b' ') {
        return false;
    }
    if text.starts_with("=>") || text.starts_with("=<") || text.starts_with("- ") || text.starts_with("* ") {
        return false;
    }
    let mut previous_space = false;
    for c in text.chars() {
        let plain = match c {
            ' ' => !previous_space,
            '$' | '\\' | '<' | '*' | '\t' | '\r' | '\n' => false,
            c if c.is_ascii() => !c.is_ascii_control(),
            // Accented letters of Italian text; everything else goes the long way.
            'à'..='ÿ' | 'À'..='Þ' => true,
            _ => false,
        };
        if !plain {
            return false;
        }
        previous_space = c == ' ';
    }
    !text.contains("__")
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when a cleaned cell is only a rule of dashes or underscores (`-----`, `___`).
pub fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '_' | '=' | '–' | '—' | '─' | '━' | '.' | ' ' | '+' | '|'))
}

/// A number with its unit, as the documents print values: `97,87 %`, `1.010 N.`, after
/// the cell's debris is removed.
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    // Most cells are words: a quantity has a digit.
    if !has_digit(text) {
        return None;
    }
    parse::quantity(&clean(text))
}

/// A date in any of the ways tables write one (see [`parse::date`]), debris removed.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    if !has_digit(text) {
        return None;
    }
    parse::date(&clean(text))
}

/// A percentage: `100,00%`, `97,87 %`, `(Peso: 6,67%)`, or a bare number (`20`).
pub fn parse_percent(text: &str) -> Option<Decimal> {
    let t = clean(text);
    let t = t.trim_start_matches('(').trim_end_matches(')');
    let lower = t.to_lowercase();
    let t =
        ["peso:", "peso", "totale", "risultato:", "risultato", "punteggio:", "punteggio"].iter().find_map(|p| lower.strip_prefix(p)).unwrap_or(&lower).trim();
    match parse_quantity(t)? {
        Quantity { value, unit: None | Some(MeasureUnit::Percent) } => Some(value),
        _ => None,
    }
}

/// An actual as a table gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Quantity(Quantity),
    Ratio {
        numerator: Quantity,
        denominator: Quantity,
    },
    Date(NaiveDate),
    Flag(bool),
    /// `N.V.`: non valutabile.
    NotEvaluable,
    /// `N/D`, `n.d.`, `-`: not available.
    NotAvailable,
}

/// `N.V.`, `N/D`, `SI`, a date, a ratio `46 N. / 47 N.` or a quantity.
pub fn parse_actual(text: &str) -> Option<Reading> {
    // Text with no digit longer than any status word (`NON DISPONIBILE`) is no actual.
    if text.len() > 24 && !has_digit(text) {
        return None;
    }
    let t = clean(text);
    let key: String = t.to_uppercase().chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    match key.as_str() {
        "NV" | "NONVALUTABILE" => return Some(Reading::NotEvaluable),
        "N/D" | "ND" | "N/A" | "NA" | "-" | "–" | "—" | "NONDISPONIBILE" => return Some(Reading::NotAvailable),
        "SI" | "SÌ" | "1=SI" | "1=SÌ" | "YES" => return Some(Reading::Flag(true)),
        "NO" | "0=NO" => return Some(Reading::Flag(false)),
        _ => {}
    }
    if let Some(date) = parse_date(&t) {
        return Some(Reading::Date(date));
    }
    if let Some((a, b)) = t.split_once('/') {
        if let (Some(numerator), Some(denominator)) = (parse_quantity(a), parse_quantity(b)) {
            return Some(Reading::Ratio { numerator, denominator });
        }
    }
    parse_quantity(&t).map(Reading::Quantity)
}

/// A target read from a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetReading {
    pub target: Target,
    pub unit: Option<MeasureUnit>,
    /// No comparison was written (`70 %`): read as "at least".
    pub implicit: bool,
}

/// `>= 70,00 %`, `> 10 %`, `<= 10 gg`, `< 60 gg`, `= 235 N.`, `=> 8`, `=<1`, `≥ 5`,
/// `Entro 31-12-2023`, `entro il 31/12/2023`, `almeno 3`, `1=SI`; a bare quantity is
/// "at least" (flagged `implicit`), a bare date a deadline.
pub fn parse_target(text: &str) -> Option<TargetReading> {
    // Text with no digit longer than any yes/no target (`=1(SI)`) is no target.
    if text.len() > 16 && !has_digit(text) {
        return None;
    }
    let t = clean(text);
    let lower = t.to_lowercase();
    for prefix in ["entro il ", "entro ", "entro il", "entro", "scadenza ", "by "] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let date = parse_date(rest.trim())?;
            return Some(TargetReading { target: Target::Deadline { date }, unit: Some(MeasureUnit::Date), implicit: false });
        }
    }
    let key: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if matches!(key.as_str(), "1=si" | "si" | "sì" | "=1(si)" | "1(si)") {
        return Some(TargetReading { target: Target::Equal { value: Decimal::ONE }, unit: Some(MeasureUnit::Flag), implicit: false });
    }
    type Make = fn(Decimal) -> Target;
    const OPS: [(&str, Make); 11] = [
        (">=", |value| Target::AtLeast { value }),
        ("<=", |value| Target::AtMost { value }),
        ("almeno", |value| Target::AtLeast { value }),
        ("minimo", |value| Target::AtLeast { value }),
        ("non inferiore a", |value| Target::AtLeast { value }),
        ("non superiore a", |value| Target::AtMost { value }),
        ("massimo", |value| Target::AtMost { value }),
        ("max", |value| Target::AtMost { value }),
        (">", |value| Target::MoreThan { value }),
        ("<", |value| Target::LessThan { value }),
        ("=", |value| Target::Equal { value }),
    ];
    for (op, make) in OPS {
        if let Some(rest) = lower.strip_prefix(op) {
            let rest = rest.trim();
            if let Some(q) = parse_quantity(rest) {
                return Some(TargetReading { target: make(q.value), unit: q.unit, implicit: false });
            }
            // `<= 31/12/2023`: a deadline written as a comparison.
            if op.starts_with('<') {
                let date = parse_date(rest)?;
                return Some(TargetReading { target: Target::Deadline { date }, unit: Some(MeasureUnit::Date), implicit: false });
            }
            return None;
        }
    }
    if let Some(date) = parse_date(&t) {
        return Some(TargetReading { target: Target::Deadline { date }, unit: Some(MeasureUnit::Date), implicit: true });
    }
    let q = parse_quantity(&t)?;
    Some(TargetReading { target: Target::AtLeast { value: q.value }, unit: q.unit, implicit: true })
}

/// Raggiunto, Parzialmente raggiunto, Non raggiunto, Non valutabile (any case, bullets
/// and traffic-light symbols ignored).
pub fn parse_verdict(text: &str) -> Option<Verdict> {
    let t = clean(text).to_lowercase();
    let t: String = t.chars().filter(|c| c.is_alphabetic() || *c == ' ' || *c == '.').collect();
    let t = collapse_spaces(&t);
    match t.as_str() {
        "raggiunto" | "raggiunto." | "obiettivo raggiunto" => Some(Verdict::Raggiunto),
        "parzialmente raggiunto" | "raggiunto parzialmente" => Some(Verdict::ParzialmenteRaggiunto),
        "non raggiunto" => Some(Verdict::NonRaggiunto),
        "non valutabile" | "n.v." | "nv" => Some(Verdict::NonValutabile),
        _ => None,
    }
}

/// A unit written in its own column: `%`, `N.`, `gg`, `€`, `data`, `SI/NO`.
pub fn parse_unit(text: &str) -> Option<MeasureUnit> {
    let t = clean(text).to_lowercase();
    let t = t.trim_matches(|c: char| c == '(' || c == ')' || c == ' ');
    Some(match t {
        "%" | "percentuale" | "perc." | "percent" => MeasureUnit::Percent,
        "n." | "n" | "nr." | "numero" | "num." | "n°" => MeasureUnit::Number,
        "gg" | "gg." | "giorni" | "days" => MeasureUnit::Days,
        "€" | "euro" | "eur" => MeasureUnit::Euro,
        "data" | "date" | "scadenza" => MeasureUnit::Date,
        "si/no" | "sì/no" | "1=si, 0=no" | "1=si 0=no" | "flag" => MeasureUnit::Flag,
        _ => return None,
    })
}

/// What a cleaned, non-empty cell looks like, for placing it under a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A quantity with `%` (or `(Peso: …%)`).
    Percent,
    /// A number without a unit.
    Number,
    /// A quantity with another unit (`N.`, `gg`, `€`).
    Quantity,
    Ratio,
    Date,
    /// A target with a comparison or a deadline.
    Target,
    /// `N.V.`, `N/D`, `SI`, `NO`.
    Status,
    Verdict,
    /// `01.01 - name`, `BSC1 - name`, `AS_01 - name`.
    GroupLabel,
    Text,
}

pub fn shape(cleaned: &str) -> Shape {
    if parse_verdict(cleaned).is_some() {
        return Shape::Verdict;
    }
    match parse_actual(cleaned) {
        Some(Reading::Quantity(Quantity { unit: Some(MeasureUnit::Percent), .. })) => return Shape::Percent,
        Some(Reading::Quantity(Quantity { unit: None, .. })) => return Shape::Number,
        Some(Reading::Quantity(_)) => return Shape::Quantity,
        Some(Reading::Ratio { .. }) => return Shape::Ratio,
        Some(Reading::Date(_)) => return Shape::Date,
        Some(_) => return Shape::Status,
        None => {}
    }
    if parse_target(cleaned).is_some() {
        return Shape::Target;
    }
    if parse_percent(cleaned).is_some() {
        return Shape::Percent;
    }
    if group_label(cleaned).is_some() {
        return Shape::GroupLabel;
    }
    Shape::Text
}

/// `01.01 - ARBITRATO: …` → (`01.01`, `ARBITRATO: …`); also `BSC1 - …`, `AS_01 - …`,
/// `OO_01.02.04 – …`, `011 - …`. The code is digits and dots, optionally after a short
/// prefix of capitals (`AS_`, `OS `, `BSC`).
pub fn group_label(cleaned: &str) -> Option<(String, String)> {
    let (code, name) = cleaned
        .split_once(" - ")
        .or_else(|| cleaned.split_once(" – "))
        .or_else(|| cleaned.split_once(" — "))
        .or_else(|| cleaned.split_once(" -"))
        .or_else(|| cleaned.split_once("- "))?;
    let code = code.trim();
    let name = name.trim();
    if name.is_empty() || !is_code(code) {
        return None;
    }
    Some((code.to_string(), name.to_string()))
}

/// A code of the tree: `01.01`, `011`, `BSC1`, `AS_01`, `OS_02.03`, `OO 01.02.04`.
pub fn is_code(code: &str) -> bool {
    if code.is_empty() || code.len() > 24 {
        return false;
    }
    let prefix_len = code.chars().take_while(|c| c.is_ascii_uppercase()).count();
    if prefix_len > 4 {
        return false;
    }
    let rest = code[prefix_len..].trim_start_matches(['_', ' ', '.']);
    !rest.is_empty()
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '_')
        && !rest.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// One reading, written compactly so that the table below reads like the documents.
    fn show(text: &str) -> String {
        match parse_target(text) {
            Some(t) if !t.implicit => return format!("target {}", show_target(&t)),
            _ => {}
        }
        match parse_actual(text) {
            Some(Reading::Quantity(q)) => format!("{} {}", q.value, unit(q.unit)),
            Some(Reading::Ratio { numerator, denominator }) => {
                format!("{} {} / {} {}", numerator.value, unit(numerator.unit), denominator.value, unit(denominator.unit))
            }
            Some(Reading::Date(d)) => format!("date {d}"),
            Some(Reading::Flag(f)) => format!("flag {f}"),
            Some(Reading::NotEvaluable) => "N.V.".into(),
            Some(Reading::NotAvailable) => "N/D".into(),
            None => match (parse_verdict(text), parse_unit(text)) {
                (Some(v), _) => format!("verdict {v:?}"),
                (None, Some(u)) => format!("unit {}", unit(Some(u))),
                (None, None) => "?".into(),
            },
        }
    }

    fn show_target(t: &TargetReading) -> String {
        let u = unit(t.unit);
        match &t.target {
            Target::AtLeast { value } => format!(">= {value} {u}"),
            Target::MoreThan { value } => format!("> {value} {u}"),
            Target::AtMost { value } => format!("<= {value} {u}"),
            Target::LessThan { value } => format!("< {value} {u}"),
            Target::Equal { value } => format!("= {value} {u}"),
            Target::Deadline { date } => format!("by {date}"),
        }
    }

    fn unit(u: Option<MeasureUnit>) -> &'static str {
        match u {
            None => "-",
            Some(MeasureUnit::Percent) => "%",
            Some(MeasureUnit::Number) => "N",
            Some(MeasureUnit::Days) => "gg",
            Some(MeasureUnit::Euro) => "€",
            Some(MeasureUnit::Date) => "date",
            Some(MeasureUnit::Flag) => "flag",
        }
    }

    fn check(input: &str, expected: &str) {
        assert_eq!(show(input), expected, "reading {input:?}");
    }

    /// Every value format of DOMAIN.md, and the debris of PDF extraction.
    #[test]
    fn every_value_format_of_the_documents() {
        for (input, expected) in [
            ("46 N. / 47 N.", "46 N / 47 N"),
            ("8.922 N. / 9.213 N.", "8922 N / 9213 N"),
            ("112 N. / 11.879 N.", "112 N / 11879 N"),
            ("46/47", "46 - / 47 -"),
            ("97,87 %", "97.87 %"),
            ("100,00%", "100.00 %"),
            ("1.010 N.", "1010 N"),
            ("5,16 gg", "5.16 gg"),
            ("1 gg", "1 gg"),
            ("3,46 N.", "3.46 N"),
            ("0,20 N.", "0.20 N"),
            ("-13,52", "-13.52 -"),
            ("+8,32 %", "8.32 %"),
            ("€ 1.200,50", "1200.50 €"),
            ("518.253,97 €", "518253.97 €"),
            ("3.46", "3.46 -"),
            ("31-12-2023", "date 2023-12-31"),
            ("31/12/2023", "date 2023-12-31"),
            ("6/4/23", "date 2023-04-06"),
            ("2023-12-31", "date 2023-12-31"),
            ("31/12/2023 00:00:00", "date 2023-12-31"),
            ("Entro 31-12-2023", "target by 2023-12-31"),
            ("Entro 31/05/2023", "target by 2023-05-31"),
            ("entro il 30/06/2023", "target by 2023-06-30"),
            (">= 70,00 %", "target >= 70.00 %"),
            ("=> 8", "target >= 8 -"),
            ("=<1", "target <= 1 -"),
            ("≥ 130,00 %", "target >= 130.00 %"),
            ("$\\geq 130,00$ %", "target >= 130.00 %"),
            ("$\\leq$ 10 gg", "target <= 10 gg"),
            ("<= 10 gg", "target <= 10 gg"),
            ("< 60 gg", "target < 60 gg"),
            ("> 10 %", "target > 10 %"),
            ("= 235 N.", "target = 235 N"),
            ("= 235,00 N.", "target = 235.00 N"),
            ("<= 0", "target <= 0 -"),
            (">= 2 N.", "target >= 2 N"),
            ("1=SI, 0=NO", "unit flag"),
            ("1=SI", "target = 1 flag"),
            ("N.V.", "N.V."),
            ("N/D", "N/D"),
            ("n.d.", "N/D"),
            ("NO", "flag false"),
            ("• 97,87 %", "97.87 %"),
            ("**100,00%**", "100.00 %"),
            ("- 5,16 gg", "5.16 gg"),
            ("\u{a0}97,87\u{a0}%", "97.87 %"),
            ("Raggiunto", "verdict Raggiunto"),
            ("● Parzialmente raggiunto", "verdict ParzialmenteRaggiunto"),
            ("1.5,3", "?"),
            ("12.34.5", "?"),
            ("Stato di attuazione", "?"),
        ] {
            check(input, expected);
        }
    }

    #[test]
    fn implicit_targets_are_at_least() {
        let t = parse_target("70 %").unwrap();
        assert!(t.implicit);
        assert_eq!(t.target, Target::AtLeast { value: d("70") });
        let t = parse_target("31/12/2023").unwrap();
        assert_eq!(t.target, Target::Deadline { date: date("2023-12-31") });
    }

    #[test]
    fn weights_and_percentages() {
        for (input, expected) in [("100,00%", "100.00"), ("(Peso: 6,67%)", "6.67"), ("20", "20"), ("33,34 %", "33.34"), ("Totale 96,49 %", "96.49")] {
            assert_eq!(parse_percent(input), Some(d(expected)), "{input}");
        }
        assert_eq!(parse_percent("5 gg"), None);
    }

    #[test]
    fn group_labels_and_codes() {
        assert_eq!(group_label("01.01 - ARBITRATO: assistenza"), Some(("01.01".into(), "ARBITRATO: assistenza".into())));
        assert_eq!(group_label("BSC1 - Utenti-imprese-territorio"), Some(("BSC1".into(), "Utenti-imprese-territorio".into())));
        assert_eq!(group_label("016 - Economico - Finanziaria"), Some(("016".into(), "Economico - Finanziaria".into())));
        assert_eq!(group_label("OO_01.02.04 – Migliorare"), Some(("OO_01.02.04".into(), "Migliorare".into())));
        assert_eq!(group_label("Impatto territoriale - n° utenti"), None);
        assert!(!is_code("2023."));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("100,00%"), Shape::Percent);
        assert_eq!(shape("46 N. / 47 N."), Shape::Ratio);
        assert_eq!(shape(">= 70,00 %"), Shape::Target);
        assert_eq!(shape("Entro 31-12-2023"), Shape::Target);
        assert_eq!(shape("31-12-2023"), Shape::Date);
        assert_eq!(shape("2 N."), Shape::Quantity);
        assert_eq!(shape("01.01 - Nome"), Shape::GroupLabel);
        assert_eq!(shape("n atti depositati"), Shape::Text);
        assert!(is_rule("-------"));
        assert!(!is_rule("-"));
    }
}
