//! Indicator codes as these documents print them at the start of an indicator's name:
//! letters, digits, `.`, `_`, `-`, `/` (`IO_01.01.01.03`, `EC05.1`, `OC_TBS_03`,
//! `A3.1_02`), or letters and a number after one space (`DFP 1.3`). A code that is
//! only a prefix (`IS_ - Numero di …`, `IS:- Numero …`) is kept as printed, and the
//! indicator gets a stable code derived from it and its name, with a warning.

use super::roles::{fold, words};

/// Where an indicator's code came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum CodeOrigin {
    /// Printed in a CODICE column or at the start of the name.
    Printed,
    /// Derived from a printed prefix (kept here) and the name.
    Derived { printed: String },
    /// Not printed: `<objective>.<n>` when the plan is assembled.
    Numbered,
}

/// A code read at the start of a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Leading {
    Code(String),
    /// Only a prefix (`IS_`): its letters.
    Prefix(String),
}

/// One word that is a whole code by the grammar above.
pub(super) fn is_code_word(word: &str) -> bool {
    let w = word.trim_start_matches('(').trim_end_matches([':', ',', ')', ';']);
    let n = w.chars().count();
    if !(2..=30).contains(&n)
        || !w.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '/'))
        || !w.chars().any(|c| c.is_ascii_digit())
        || w.chars().any(|c| c.is_ascii_lowercase())
        || !w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        || !w.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    if w.chars().any(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    // Digits only: a dotted code (`1.2`, `01.01.3`), not a number (`2023`, `1.010`).
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())) && !(parts.len() == 2 && parts[1].len() == 3)
}

/// `IS_`, `IS:`, `IS_-`, `IS:-`: letters and the punctuation that should have been
/// followed by a number.
fn prefix_word(word: &str) -> Option<String> {
    let letters: String = word.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    let rest: String = word.chars().skip(letters.chars().count()).collect();
    ((1..=6).contains(&letters.len()) && !rest.is_empty() && rest.chars().all(|c| matches!(c, '_' | ':' | '-' | '.')) && rest.contains(['_', ':']))
        .then_some(letters)
}

fn is_separator(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | ":" | "|" | "_")
}

/// The code printed at the start of `text` and the rest of the text (the name), if the
/// first word (or two: `DFP 1.3`) is a code and a name follows.
pub(super) fn leading_code(text: &str) -> Option<(Leading, String)> {
    let mut tokens: Vec<&str> = text.split_whitespace().collect();
    // `IS_01.01_Rilevazione …`, `EC27_Indice …`, `DFP 1.3_Grado …`, `EC05.1_ …`: a code
    // glued to the name by `_`. Cut at the `_` before the first word with lower case.
    for at in 0..tokens.len().min(2) {
        let token = tokens[at];
        if let Some((code, word)) = glued(token) {
            tokens.splice(at..=at, [code, word].into_iter().filter(|t| !t.is_empty()));
            break;
        }
    }
    let first = *tokens.first()?;
    let (leading, used) = if is_code_word(first) {
        (Leading::Code(clean_code(first)), 1)
    } else if first.chars().all(|c| c.is_ascii_uppercase())
        && (1..=6).contains(&first.len())
        && tokens.get(1).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()) && is_code_word(t))
    {
        (Leading::Code(format!("{first} {}", clean_code(tokens[1]))), 2)
    } else if let Some(letters) = prefix_word(first) {
        (Leading::Prefix(letters), 1)
    } else {
        return None;
    };
    let rest: Vec<&str> = tokens[used..].iter().copied().skip_while(|t| is_separator(t)).collect();
    let rest = rest.join(" ");
    let rest = rest.trim_start_matches(['-', '–', ':', ' ']).trim().to_string();
    (!rest.is_empty()).then_some((leading, rest))
}

/// `IS_01.01_Rilevazione` → (`IS_01.01`, `Rilevazione`); `EC05.1_` → (`EC05.1`, ``);
/// `IS_Protocolli` → (`IS_`, `Protocolli`). Slices of the token itself.
fn glued(token: &str) -> Option<(&str, &str)> {
    for (i, c) in token.char_indices() {
        if c != '_' {
            continue;
        }
        let (head, tail) = (&token[..i], &token[i + 1..]);
        let word = tail.chars().next().is_some_and(char::is_alphabetic) && tail.chars().any(char::is_lowercase);
        if head.is_empty() || head.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        if word {
            // The prefix alone keeps its `_` (a prefix code, derived later).
            let head = if head.chars().all(|c| c.is_ascii_uppercase()) { &token[..=i] } else { head };
            return Some((head, tail));
        }
        if tail.is_empty() && head.chars().any(|c| c.is_ascii_digit()) {
            return Some((head, ""));
        }
    }
    None
}

fn clean_code(word: &str) -> String {
    word.trim_start_matches('(').trim_end_matches([':', ',', ')', ';']).to_string()
}

/// Words left out of a derived code.
const MINOR_WORDS: &[&str] = &[
    "di", "del", "della", "dello", "dei", "degli", "delle", "e", "ed", "a", "al", "alla", "ai", "agli", "alle", "il", "lo", "la", "i", "gli", "le", "l", "per",
    "in", "con", "su", "da", "dal", "dalla", "un", "una", "uno", "entro", "nel", "nella", "nei", "sul", "sulla",
];

/// A stable code for an indicator printed with only a prefix: the prefix and the
/// initials of its name (`IS_` + "Numero di pratiche evase" → `IS_NPE`). The same name
/// gives the same code next year and in every dashboard that prints it.
pub(super) fn derived(prefix: &str, name: &str) -> String {
    let folded = fold(name);
    let initials: String = words(&folded)
        .into_iter()
        .filter(|w| !MINOR_WORDS.contains(w))
        .filter_map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                Some(w.to_string())
            } else {
                w.chars().find(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase().to_string())
            }
        })
        .collect::<String>()
        .chars()
        .take(8)
        .collect();
    if initials.is_empty() {
        format!("{prefix}_X")
    } else {
        format!("{prefix}_{initials}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<(String, String)> {
        match leading_code(text)? {
            (Leading::Code(c), rest) => Some((c, rest)),
            (Leading::Prefix(p), rest) => Some((format!("prefix {p}"), rest)),
        }
    }

    #[test]
    fn codes_in_the_shapes_the_documents_print() {
        let c = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(code("IO_01.01.01.03 Elaborazione dati"), c("IO_01.01.01.03", "Elaborazione dati"));
        assert_eq!(code("DFP 1.3 Tempestività dei pagamenti"), c("DFP 1.3", "Tempestività dei pagamenti"));
        assert_eq!(code("EC05.1 - Grado di copertura"), c("EC05.1", "Grado di copertura"));
        assert_eq!(code("EC19.1: Incidenza"), c("EC19.1", "Incidenza"));
        assert_eq!(code("OC_TBS_03 Tasso"), c("OC_TBS_03", "Tasso"));
        assert_eq!(code("A3.1_02 Quota"), c("A3.1_02", "Quota"));
        assert_eq!(code("1.2 Pratiche evase"), c("1.2", "Pratiche evase"));
        assert_eq!(code("IS_ - Numero di pratiche"), c("prefix IS", "Numero di pratiche"));
        assert_eq!(code("IS:- Numero pratiche"), c("prefix IS", "Numero pratiche"));
        assert_eq!(code("IS_01.01_Rilevazione benessere"), c("IS_01.01", "Rilevazione benessere"));
        assert_eq!(code("EC27_Indice equilibrio"), c("EC27", "Indice equilibrio"));
        assert_eq!(code("DFP 1.3_Grado di copertura"), c("DFP 1.3", "Grado di copertura"));
        assert_eq!(code("EC05.1_ Grado di copertura"), c("EC05.1", "Grado di copertura"));
        assert_eq!(code("IS_Protocolli di intesa"), c("prefix IS", "Protocolli di intesa"));
        assert_eq!(code("A3.1_02_Grado"), c("A3.1_02", "Grado"));
    }

    #[test]
    fn words_and_numbers_are_not_codes() {
        assert_eq!(code("Numero di pratiche"), None);
        assert_eq!(code("2023 pratiche"), None);
        assert_eq!(code("1.010 imprese"), None);
        assert_eq!(code("N. pratiche"), None);
        assert_eq!(code("EC05.1"), None, "a code with no name after it is a name");
        assert_eq!(code("ﬁ 12"), None);
    }

    #[test]
    fn derived_codes_are_stable_and_readable() {
        assert_eq!(derived("IS", "Numero di pratiche evase entro 5 giorni"), "IS_NPE5G");
        assert_eq!(derived("IS", "Numero di pratiche evase entro 5 giorni"), derived("IS", "numero  di pratiche evase entro 5 giorni"));
        assert_eq!(derived("IS", "— —"), "IS_X");
    }
}
