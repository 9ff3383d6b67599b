//! What a row is, from the evidence of its cells: the domain words it holds anywhere and
//! in any case (`Cruscotto`, `Totale`, `Obiettivo strategico`, `Dirigente`, `Dott.ssa`),
//! a numbered prefix, a group code (`01.01 - …`), whether it holds a target or an actual
//! (an indicator does; a heading does not), a figure standing alone, and the column its
//! label sits in. No single keyword at the start decides: `01 Cruscotto Segretario
//! generale - Dott.ssa ROSSI` and `CRUSCOTTO - Area Promozione` are both dashboards, and
//! an indicator named "Aggiornamento del cruscotto" is an indicator because it has a
//! target.
//!
//! Words are compared on a folded copy of the text (lower case, accents and ligatures
//! taken off) that is only ever compared, never used to cut the original.

use super::{Builder, Cell, Shape};
use crate::import::columns::{is_header_row, Field};
use crate::import::values::{group_label, is_code, is_rule};
use crate::import::RowRole;
use crate::plan::Level;

/// Where a row stands in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// Above the heading row (or in a table with no heading): titles.
    BeforeHeading,
    Body,
}

/// Phrases that open a total row (folded).
const TOTAL_PHRASES: &[&str] = &[
    "totale",
    "totali",
    "risultato complessivo",
    "risultato finale",
    "punteggio complessivo",
    "punteggio totale",
    "performance complessiva",
    "performance di ente",
    "performance organizzativa complessiva",
    "grado di raggiungimento complessivo",
    "valutazione complessiva",
    "media ponderata",
];

/// Labels of the value rows of a block that describes one objective (seed 004:
/// `Risultato misurato obiettivo | 97,33 %`, `Valutazione obiettivo | Raggiunto`): a
/// total when they open the row's text, with no code before them (`12.01 - Valutazione
/// e programmazione …` is an objective).
const RESULT_LABELS: &[&str] = &["risultato", "valutazione", "grado di raggiungimento", "percentuale di raggiungimento", "punteggio"];

/// Labels of the rows of a block that describes an objective without measuring it
/// (`Descrizione | …`, `Unità organizzative coinvolte | …`, `Stakeholder interni | …`):
/// not part of the plan's figures.
const BLOCK_LABELS: &[&str] = &[
    "descrizione",
    "unita organizzative coinvolte",
    "unita organizzativa",
    "strutture coinvolte",
    "stakeholder",
    "stakeholder esterni",
    "stakeholder interni",
    "arco temporale",
    "centro di responsabilita",
    "risorse finanziarie",
    "finalita",
    "note",
    "fonte",
    "risorse",
    "risorse economiche",
    "programma d.m.",
];

/// Words that open the heading of a level of the tree (folded), singular: a plural
/// ("Obiettivi operativi con indicatori") is a title, not a heading.
const LEVEL_PHRASES: &[(&str, RowRole)] = &[
    ("obiettivo strategico", RowRole::Strategic),
    ("obbiettivo strategico", RowRole::Strategic),
    ("obiettivo operativo", RowRole::Operational),
    ("obbiettivo operativo", RowRole::Operational),
    ("ambito strategico", RowRole::Area),
    ("area strategica", RowRole::Area),
    ("ambito", RowRole::Area),
    ("prospettiva", RowRole::Perspective),
];

/// Titles of the people a dashboard is assigned to (folded words): evidence of a
/// dashboard's heading on their own.
pub(super) const PERSON_TITLES: &[&str] =
    &["dott.", "dott.ssa", "dottssa", "dr.", "dr.ssa", "ing.", "avv.", "arch.", "prof.", "prof.ssa", "rag.", "sig.", "sig.ra", "interim"];

/// Roles that also occur in indicators' names ("Nomina del responsabile …"): evidence
/// only beside the word `cruscotto`.
const ROLE_WORDS: &[&str] = &["dirigente", "responsabile", "referente", "manager"];

/// Words that open the name of an organisational unit (folded).
const UNIT_WORDS: &[&str] = &["area", "servizio", "settore", "ufficio", "direzione", "dipartimento", "segreteria", "segretario", "u.o.", "unita"];

/// Words that say a title names a body (folded).
const ENTE_WORDS: &[&str] = &[
    "camera",
    "cciaa",
    "comune",
    "provincia",
    "regione",
    "universita",
    "azienda",
    "agenzia",
    "ministero",
    "istituto",
    "consorzio",
    "autorita",
    "asl",
    "ausl",
    "ente",
    "unione",
    "citta",
    "metropolitana",
    "inps",
    "inail",
    "aci",
];

/// Lower case without accents or ligatures, for comparing words: `Città` → `citta`,
/// `ﬁne` → `fine`, `İ` → `i`, `ı` → `i`.
pub(super) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ı' | 'İ' => out.push('i'),
            _ => {
                for l in c.to_lowercase() {
                    out.push(match l {
                        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
                        'è' | 'é' | 'ê' | 'ë' => 'e',
                        'ì' | 'í' | 'î' | 'ï' => 'i',
                        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
                        'ù' | 'ú' | 'û' | 'ü' => 'u',
                        '\u{307}' => continue, // the dot `İ` leaves after lower-casing
                        other => other,
                    });
                }
            }
        }
    }
    out
}

/// The words of a folded text: split at spaces and punctuation that separates words
/// (a `.` stays inside `dott.` and `01.01`).
pub(super) fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '-' | '–' | '—' | ':' | ';' | ',' | '(' | ')' | '"' | '“' | '”' | '«' | '»' | '\'' | '’' | '|' | '/' | '*' | '[' | ']')
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A number standing before a title: `01`, `1.`, `1)`, `n.`, `n°`, `nr.`.
pub(super) fn is_number_word(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ')', '°']);
    (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.')) || matches!(word, "n." | "n°" | "nr." | "n" | "num.")
}

fn starts_with_phrase<S: AsRef<str>>(words: &[S], phrase: &str) -> bool {
    let mut words = words.iter();
    phrase.split(' ').all(|p| words.next().is_some_and(|w| w.as_ref() == p))
}

/// What the cells of a row show.
#[derive(Debug, Default)]
pub(super) struct Evidence {
    /// The row's text cells (not figures), folded and split into words, in order.
    text_words: Vec<String>,
    /// The first text cell's code and name, when it is a group label (`01.01 - …`).
    label: Option<(String, String)>,
    /// A target, or an actual, measure or date under its heading: an indicator's values.
    values: bool,
    /// A target (a comparison or a deadline).
    target: bool,
    /// Cells that are figures (percentages, numbers, verdicts, statuses).
    figures: usize,
    /// Text cells.
    texts: usize,
    /// The first text cell sits in a grouping column (AMBITO, OBIETTIVO …).
    grouping_column: Option<Field>,
    /// The first text cell is a code alone (`AS 01`), perhaps followed by the name.
    code_cell: Option<String>,
    /// A group label in any text cell (`OBIETTIVO | TITOLO | 1.1 - …`).
    any_label: bool,
}

impl Evidence {
    /// The words after a leading number (`01 Cruscotto …` → `cruscotto …`).
    fn lead(&self) -> &[String] {
        let skip = self.text_words.iter().take_while(|w| is_number_word(w)).count();
        &self.text_words[skip..]
    }

    fn first_lead(&self) -> Option<&str> {
        self.lead().first().map(String::as_str)
    }

    fn has_word(&self, list: &[&str]) -> bool {
        self.text_words.iter().any(|w| list.contains(&w.as_str()))
    }

    /// `Cruscotto` opens the text (after a number), or stands anywhere in a row that
    /// also names a manager.
    fn cruscotto(&self) -> bool {
        let word = |w: &str| w == "cruscotto" || w == "cruscotti";
        // `CRUSCOTTOﬁnanza`: a PDF copy may glue the next word to it.
        self.first_lead().is_some_and(|w| w.starts_with("cruscotto"))
            || (self.text_words.iter().any(|w| word(w)) && (self.has_word(PERSON_TITLES) || self.has_word(ROLE_WORDS)))
    }

    fn total(&self) -> bool {
        TOTAL_PHRASES.iter().any(|p| starts_with_phrase(self.lead(), p))
            || (self.label.is_none() && RESULT_LABELS.iter().any(|p| starts_with_phrase(&self.text_words, p)))
    }

    fn level(&self) -> Option<RowRole> {
        let lead = self.lead();
        LEVEL_PHRASES
            .iter()
            .find(|(p, _)| starts_with_phrase(lead, p))
            .map(|(_, role)| *role)
            // The budget's classification (D.Lgs. 91/2011): each programme of a mission
            // is an ambito (`MISSIONE | 011 - …`, then `PROGRAMMA | 005 - …`).
            .or_else(|| {
                let numbered = lead.get(1).is_some_and(|w| is_number_word(w));
                ((self.any_label || numbered) && matches!(self.first_lead(), Some("missione" | "programma"))).then_some(RowRole::Area)
            })
    }

    /// `OBIETTIVO | TITOLO | 1.1 - …`: the word alone, and a label: an objective of the
    /// level below the one open.
    fn unqualified_objective(&self) -> bool {
        let lead = self.lead();
        let numbered = lead.iter().skip(1).take(2).any(|w| is_number_word(w) && w.chars().any(|c| c.is_ascii_digit()));
        (self.any_label || numbered) && matches!(self.first_lead(), Some("obiettivo" | "obbiettivo"))
    }

    /// A block's label and its value, no target: `Descrizione`, `Stakeholder interni | …`,
    /// `Risorse economiche 2023 | 518.253,97 Euro`.
    fn block_label(&self) -> bool {
        !self.target && self.label.is_none() && BLOCK_LABELS.iter().any(|p| starts_with_phrase(&self.text_words, p))
    }

    fn unit_name(&self) -> bool {
        self.first_lead().is_some_and(|w| UNIT_WORDS.contains(&w))
    }
}

/// The text opens with a total's or a result's words (`Totale …`, `Valutazione …`).
pub(super) fn opens_with_result(text: &str) -> bool {
    let folded = fold(text);
    let words = words(&folded);
    TOTAL_PHRASES.iter().chain(RESULT_LABELS).any(|p| starts_with_phrase(&words, p))
}

/// `--`, `------`: a cell the document left blank on purpose.
pub(super) fn is_placeholder(text: &str) -> bool {
    text.chars().all(|c| matches!(c, '-' | '–' | '—' | '_' | ' '))
}

/// `•`, `● ● ●` and other bullets alone in a cell.
pub(super) fn is_bullet_only(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '•' | '●' | '◦' | '▪' | '■' | '·' | '‣' | '*' | '○' | '◉' | '\u{f0b7}' | '\u{f0a7}'
                // what a bullet becomes in a Windows-1252 CSV
                | '?' | '\u{fffd}'
            )
    })
}

/// A title that names a public body (`Camera di Commercio …`, `Comune di …`).
pub(super) fn looks_like_ente(text: &str) -> bool {
    let folded = fold(text);
    words(&folded).iter().any(|w| ENTE_WORDS.contains(w))
}

/// `Pagina 3`, `Pag. 3 di 7`, `3 di 7`, `- 3 -`, `3`, `3/7`.
pub(super) fn is_page_number(text: &str) -> bool {
    let folded = fold(text);
    let words = words(&folded);
    let words: Vec<&str> = words.into_iter().filter(|w| !matches!(*w, "pagina" | "pag." | "pag" | "di" | "page" | "of")).collect();
    !words.is_empty() && words.len() <= 2 && words.iter().all(|w| w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
}

impl Builder<'_> {
    /// Gathers what the cells of a row show.
    pub(super) fn evidence(&self, cells: &[Cell]) -> Evidence {
        let mut evidence = Evidence::default();
        for cell in cells {
            let field = self.field_of(cell.col);
            match cell.shape {
                Shape::Text | Shape::GroupLabel => {
                    if evidence.texts == 0 {
                        evidence.label = group_label(&cell.cleaned);
                        evidence.grouping_column = field.filter(|f| f.is_grouping());
                        evidence.code_cell = is_code(&cell.cleaned).then(|| cell.cleaned.clone());
                    } else if evidence.texts == 1 && evidence.label.is_none() {
                        // `AS 01 | OTTIMIZZAZIONE …`: the code and the name in two cells.
                        if let Some(code) = evidence.code_cell.take() {
                            evidence.label = Some((code, cell.cleaned.clone()));
                            evidence.texts -= 1; // one label, in two cells
                        }
                    }
                    evidence.texts += 1;
                    evidence.any_label |= group_label(&cell.cleaned).is_some();
                    let folded = fold(&cell.cleaned);
                    evidence.text_words.extend(words(&folded).into_iter().map(str::to_string));
                }
                Shape::Target => {
                    evidence.values = true;
                    evidence.target = true;
                }
                Shape::Ratio | Shape::Date | Shape::Quantity => {
                    // An indicator's measure; a date or quantity in a heading's text
                    // column (`Verifica al 31/12`) is text.
                    if !matches!(field, Some(f) if f.is_text() || f.is_grouping()) {
                        evidence.values = true;
                    }
                }
                // A percentage may be a heading's published score whatever column a
                // PDF copy shifted it to: a figure, not an indicator's value.
                Shape::Percent | Shape::Number | Shape::Verdict | Shape::Status => evidence.figures += 1,
            }
        }
        evidence
    }

    /// The role the cells of row `index` suggest.
    pub(super) fn decide(&self, index: usize, cells: &[Cell], place: Place) -> RowRole {
        if cells.iter().all(|c| is_rule(&c.cleaned) || is_placeholder(&c.cleaned)) {
            return RowRole::Ignore;
        }
        if cells.len() == 1 && (self.furniture.contains(&cells[0].cleaned) || is_page_number(&cells[0].cleaned)) {
            return RowRole::Ignore;
        }
        let evidence = self.evidence(cells);
        if place == Place::BeforeHeading && evidence.texts == 0 && self.total_awaiting_figure && evidence.figures > 0 {
            return RowRole::Total;
        }
        if place == Place::BeforeHeading {
            // Above the first heading row, only what says it is a heading is one (a
            // block layout opens each objective before its heading row); the rest is a
            // title.
            return if evidence.cruscotto() {
                RowRole::Cruscotto
            } else if evidence.block_label() {
                RowRole::Ignore
            } else if let Some(level) = evidence.level() {
                level
            } else if evidence.unqualified_objective() {
                self.level_below_open()
            } else if evidence.total() {
                RowRole::Total
            } else if let Some((code, _)) = evidence.label.as_ref().filter(|_| evidence.texts == 1 && !evidence.values) {
                // A code that names its level (`AS_01 - …`, `BSC1 - …`); a numbered
                // section title (`4.1 - Cruscotti degli obiettivi …`) is a title.
                if fold(code).starts_with("bsc") {
                    RowRole::Perspective
                } else if let Some(level) = super::groups::level_of_prefix(code) {
                    level_role(level)
                } else {
                    RowRole::Title
                }
            } else {
                RowRole::Title
            };
        }
        // (A heading row holds no target: checked first, it spares reading every row's
        // cells as headings.)
        if (!evidence.values && evidence.texts >= 3 && is_header_row(&self.rows[index].cells)) || self.heading_fragment(cells, &evidence) {
            return RowRole::Header;
        }
        if evidence.block_label() {
            return RowRole::Ignore;
        }
        if evidence.texts == 0 && self.total_awaiting_figure && evidence.figures > 0 {
            // `PERFORMANCE DI ENTE` on one line, `98,96%` on the next.
            return RowRole::Total;
        }
        if evidence.texts == 0 {
            // Figures alone: the tail of the previous indicator, or an indicator whose
            // name was lost (reported as such).
            return if self.pending.is_some() { RowRole::Continuation } else { RowRole::Indicator };
        }
        if evidence.values {
            return RowRole::Indicator;
        }
        if evidence.total() {
            return RowRole::Total;
        }
        if evidence.cruscotto() {
            return RowRole::Cruscotto;
        }
        if let Some(level) = evidence.level() {
            return level;
        }
        if evidence.unqualified_objective() {
            return self.level_below_open();
        }
        if let Some((code, _)) = &evidence.label {
            if evidence.texts == 1 {
                if fold(code).starts_with("bsc") {
                    return RowRole::Perspective;
                }
                // The level its code's prefix says (`OS_`), else its column (AMBITO,
                // OBIETTIVO …), else its code's shape.
                if let Some(level) = super::groups::level_of_prefix(code) {
                    return level_role(level);
                }
                return match evidence.grouping_column.and_then(role_of_column) {
                    Some(role) if role != RowRole::Perspective => role,
                    _ => level_role(super::groups::level_of(code, self.deep_codes)),
                };
            }
        }
        // A bare label in an AMBITO / OBIETTIVO column is a node of that level (in the
        // GRUPPO column, with no `BSC` code, it may be the ente's name: read on).
        if let Some(role) = evidence.grouping_column.and_then(role_of_column) {
            if evidence.texts == 1 && role != RowRole::Perspective {
                return role;
            }
        }
        let nothing_read = self.nodes.is_empty() && self.ente_indicators.is_empty() && self.cruscotti.is_empty() && self.pending.is_none();
        if evidence.has_word(PERSON_TITLES) && evidence.texts <= 2 && evidence.figures <= 2 {
            return RowRole::Cruscotto;
        }
        if evidence.unit_name() && !self.cruscotti.is_empty() && evidence.figures <= 2 {
            // `Area Servizi alle imprese  92,10 %` among dashboards: another dashboard.
            return RowRole::Cruscotto;
        }
        if nothing_read && evidence.figures <= 1 {
            return RowRole::Title;
        }
        // A line of text under a text heading continues the indicator above; right after
        // a heading, its name. A line elsewhere (a signature, a note under TIPOLOGIA) is
        // not part of either.
        if evidence.figures == 0 && evidence.texts == 1 {
            let under_text = self.field_of(cells[0].col).is_some_and(Field::is_text);
            if (self.pending.is_some() && under_text) || (self.pending.is_none() && self.last_group.is_some()) {
                return RowRole::Continuation;
            }
        }
        // Text only, each cell under a text heading (INDICATORE, ALGORITMO …), after an
        // indicator: the rest of its name and formula, wrapped over a page.
        if evidence.figures == 0 && self.pending.is_some() && cells.iter().all(|c| self.field_of(c.col).is_some_and(Field::is_text)) {
            return RowRole::Continuation;
        }
        RowRole::Indicator
    }
}

impl Builder<'_> {
    /// Two or more headings and nothing else (`Risultato 2020 | % Realizz`): the end of a
    /// heading row broken over a page.
    fn heading_fragment(&self, cells: &[Cell], evidence: &Evidence) -> bool {
        // (`Risultato 2020` also reads as a figure: compared as text here.)
        // (A labelled code, `OS_02.01 - Stimolare … (Peso: 100,00%)`, is a name, whatever
        // heading word it holds.)
        !evidence.values
            && cells.len() >= 2
            && cells.iter().all(|c| {
                c.shape != Shape::GroupLabel
                    && (crate::import::columns::recognise(&c.cleaned).is_some() || self.headers.get(c.col).is_some_and(|h| fold(h) == fold(&c.cleaned)))
            })
    }

    /// The level under the deepest node open: a strategic objective under an ambito,
    /// an operational one under a strategic one.
    fn level_below_open(&self) -> RowRole {
        match self.open {
            [None, Some(_), _] => RowRole::Operational,
            _ => RowRole::Strategic,
        }
    }
}

fn role_of_column(field: Field) -> Option<RowRole> {
    match field {
        Field::Group => Some(RowRole::Perspective),
        Field::Area => Some(RowRole::Area),
        Field::Strategic => Some(RowRole::Strategic),
        Field::Operational => Some(RowRole::Operational),
        _ => None,
    }
}

pub(super) fn level_role(level: Level) -> RowRole {
    match level {
        Level::Area => RowRole::Area,
        Level::Strategic => RowRole::Strategic,
        Level::Operational => RowRole::Operational,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_words_comparable_whatever_the_extraction_did() {
        assert_eq!(fold("Città"), "citta");
        assert_eq!(fold("Eﬃcienza"), "efficienza");
        assert_eq!(fold("İSTANBUL"), "istanbul");
        assert_eq!(fold("dıgıtale"), "digitale");
        assert_eq!(words(&fold("01 Cruscotto Segretario generale - Dott.ssa ROSSI")), ["01", "cruscotto", "segretario", "generale", "dott.ssa", "rossi"]);
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("Pagina 3"));
        assert!(is_page_number("Pag. 3 di 7"));
        assert!(is_page_number("- 12 -"));
        assert!(!is_page_number("Totale"));
        assert!(!is_page_number("Pagina"));
    }

    #[test]
    fn bodies_are_recognised_by_their_words() {
        assert!(looks_like_ente("Camera di Commercio della Maremma e del Tirreno"));
        assert!(looks_like_ente("COMUNE DI BOLOGNA"));
        assert!(!looks_like_ente("Relazione sulla performance 2023"));
    }
}
