//! Columns: which heading means what. The documents write their headings in Italian
//! (`PESO`, `INDICATORE`, `ALGORITMO`, `VALORI MISURE`, `CONSUNTIVO`, `TARGET`, `GRADO
//! RAGGIUNGIMENTO`, …), with variants (`% RAGGIUNGIMENTO`, `Target 2023`, `OBBIETTIVO`);
//! [`recognise`] maps a heading to a [`Field`], and the user's mapping overrides it for
//! any column it does not recognise or recognises wrongly.

use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// GRUPPO / PROSPETTIVA: a column where grouping rows write their labels.
    Group,
    /// AMBITO STRATEGICO.
    Area,
    /// OBIETTIVO STRATEGICO.
    Strategic,
    /// OBIETTIVO OPERATIVO.
    Operational,
    /// CODICE (of the indicator).
    Code,
    /// PESO.
    Weight,
    /// INDICATORE: the indicator's name.
    Indicator,
    /// DESCRIZIONE.
    Description,
    /// ALGORITMO / FORMULA.
    Algorithm,
    /// VALORI MISURE: numerator and denominator (`46 N. / 47 N.`).
    Measures,
    /// CONSUNTIVO: the actual.
    Actual,
    /// TARGET.
    Target,
    /// GRADO RAGGIUNGIMENTO / % RAGGIUNGIMENTO / RISULTATO: the published achievement.
    Achievement,
    /// VALUTAZIONE: the published verdict.
    Verdict,
    /// SCOSTAMENTO: the published deviation, kept as text.
    Deviation,
    /// UNITÀ DI MISURA.
    Unit,
    /// A column to leave out (its cells are still shown in the report).
    Ignore,
}

impl Field {
    /// Every field a column can be mapped to, in the order of a table's headings.
    pub const ALL: [Field; 17] = [
        Field::Group,
        Field::Area,
        Field::Strategic,
        Field::Operational,
        Field::Code,
        Field::Weight,
        Field::Indicator,
        Field::Description,
        Field::Algorithm,
        Field::Measures,
        Field::Actual,
        Field::Target,
        Field::Achievement,
        Field::Verdict,
        Field::Deviation,
        Field::Unit,
        Field::Ignore,
    ];

    /// The field's name in the format and on the command line (`--map 3=actual`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Group => "group",
            Field::Area => "area",
            Field::Strategic => "strategic",
            Field::Operational => "operational",
            Field::Code => "code",
            Field::Weight => "weight",
            Field::Indicator => "indicator",
            Field::Description => "description",
            Field::Algorithm => "algorithm",
            Field::Measures => "measures",
            Field::Actual => "actual",
            Field::Target => "target",
            Field::Achievement => "achievement",
            Field::Verdict => "verdict",
            Field::Deviation => "deviation",
            Field::Unit => "unit",
            Field::Ignore => "ignore",
        }
    }
    /// The heading Semaforo expects for this field, for messages.
    pub fn heading(self) -> &'static str {
        match self {
            Field::Group => "GRUPPO",
            Field::Area => "AMBITO STRATEGICO",
            Field::Strategic => "OBIETTIVO STRATEGICO",
            Field::Operational => "OBIETTIVO OPERATIVO",
            Field::Code => "CODICE",
            Field::Weight => "PESO",
            Field::Indicator => "INDICATORE",
            Field::Description => "DESCRIZIONE",
            Field::Algorithm => "ALGORITMO",
            Field::Measures => "VALORI MISURE",
            Field::Actual => "CONSUNTIVO",
            Field::Target => "TARGET",
            Field::Achievement => "GRADO RAGGIUNGIMENTO",
            Field::Verdict => "VALUTAZIONE",
            Field::Deviation => "SCOSTAMENTO",
            Field::Unit => "UNITÀ DI MISURA",
            Field::Ignore => "(ignorata)",
        }
    }

    /// Grouping columns hold the labels of ambiti and objectives, not indicator values.
    pub fn is_grouping(self) -> bool {
        matches!(self, Field::Group | Field::Area | Field::Strategic | Field::Operational)
    }

    /// Free-text fields of an indicator.
    pub fn is_text(self) -> bool {
        matches!(self, Field::Indicator | Field::Description | Field::Algorithm)
    }
}

/// How a column was read: its heading as written and the field it holds, if known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnReading {
    /// 0-based position in the table.
    pub index: usize,
    /// The heading as written (empty when the table has none there).
    pub header: String,
    /// `None`: not recognised; map it with [`super::ImportOptions::mapping`] if it matters.
    pub field: Option<Field>,
    /// True when the field comes from the user's mapping rather than the heading.
    pub mapped: bool,
}

/// The heading in capitals, without accents, punctuation (but `%`) or a trailing year.
pub fn normalise(header: &str) -> String {
    let upper: String = super::values::clean(header)
        .to_uppercase()
        .chars()
        .map(|c| match c {
            'À' | 'Á' => 'A',
            'È' | 'É' => 'E',
            'Ì' | 'Í' => 'I',
            'Ò' | 'Ó' => 'O',
            'Ù' | 'Ú' => 'U',
            c if c.is_alphanumeric() || c == '%' => c,
            _ => ' ',
        })
        .collect();
    let words: Vec<&str> = upper.split_whitespace().filter(|w| !(w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit()))).collect();
    words.join(" ")
}

/// The field a heading names, if Semaforo knows it.
pub fn recognise(header: &str) -> Option<Field> {
    let h = normalise(header);
    if h.is_empty() || h.len() > 60 {
        return None;
    }
    let has = |word: &str| h.split(' ').any(|w| w == word);
    let contains = |part: &str| h.contains(part);
    let field = if contains("SCOSTAMENTO") {
        Field::Deviation
    } else if has("VALUTAZIONE") || has("ESITO") || has("SEMAFORO") {
        Field::Verdict
    } else if contains("RAGGIUNGIMENTO") || contains("CONSEGUIMENTO") || h == "RISULTATO" || h == "% RAGG" || h == "RISULTATO MISURATO" || h == "PERFORMANCE" {
        Field::Achievement
    } else if has("CODICE") || h == "COD" || h == "ID" {
        Field::Code
    } else if has("PESO") || has("PESI") {
        Field::Weight
    } else if contains("MISURE") || h == "VALORI" || h == "NUMERATORE DENOMINATORE" {
        Field::Measures
    } else if has("CONSUNTIVO") || contains("VALORE RILEVATO") || contains("VALORE EFFETTIVO") || has("REALIZZATO") || h == "VALORE" || h == "ACTUAL" {
        Field::Actual
    } else if has("TARGET") || contains("VALORE ATTESO") {
        Field::Target
    } else if has("ALGORITMO") || has("FORMULA") || contains("MODALITA DI CALCOLO") {
        Field::Algorithm
    } else if has("DESCRIZIONE") {
        Field::Description
    } else if contains("UNITA DI MISURA") || h == "U M" || h == "UM" {
        Field::Unit
    } else if has("INDICATORE") || has("INDICATORI") || h == "KPI" {
        Field::Indicator
    } else if has("GRUPPO") || has("PROSPETTIVA") || has("BSC") {
        Field::Group
    } else if has("AMBITO") || has("AREA STRATEGICA") {
        Field::Area
    } else if (has("OBIETTIVO") || has("OBBIETTIVO") || has("OBIETTIVI")) && has("STRATEGICO") || h == "OS" {
        Field::Strategic
    } else if has("OBIETTIVO") || has("OBBIETTIVO") || has("OBIETTIVI") || h == "OO" {
        Field::Operational
    } else {
        return None;
    };
    Some(field)
}

/// Whether a row is a heading row: at least three recognised headings, one of them an
/// indicator's (INDICATORE, TARGET, PESO, CONSUNTIVO), and no cell that is a value.
pub fn is_header_row(cells: &[String]) -> bool {
    let fields: Vec<Field> = cells.iter().filter_map(|c| recognise(c)).collect();
    fields.len() >= 3
        && fields.iter().any(|f| matches!(f, Field::Indicator | Field::Target | Field::Weight | Field::Actual))
        && cells.iter().all(|c| super::values::parse_quantity(c).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_under_its_serde_name() {
        for (i, field) in Field::ALL.iter().enumerate() {
            assert_eq!(serde_json::to_value(field).unwrap(), field.name());
            assert!(!Field::ALL[..i].contains(field));
        }
    }

    #[test]
    fn headings_of_the_documents() {
        for (header, field) in [
            ("GRUPPO", Field::Group),
            ("AMBITO STRATEGICO", Field::Area),
            ("OBBIETTIVO STRATEGICO", Field::Strategic),
            ("OBBIETTIVO OPERATIVO", Field::Operational),
            ("PESO", Field::Weight),
            ("Peso %", Field::Weight),
            ("INDICATORE", Field::Indicator),
            ("DESCRIZIONE", Field::Description),
            ("ALGORITMO", Field::Algorithm),
            ("VALORI MISURE", Field::Measures),
            ("CONSUNTIVO", Field::Actual),
            ("Consuntivo 2023", Field::Actual),
            ("TARGET", Field::Target),
            ("Target 2023", Field::Target),
            ("GRADO RAGGIUNGIMENTO", Field::Achievement),
            ("% RAGGIUNGIMENTO", Field::Achievement),
            ("RISULTATO", Field::Achievement),
            ("VALUTAZIONE", Field::Verdict),
            ("Scostamento rispetto al target", Field::Deviation),
            ("Unità di misura", Field::Unit),
            ("Codice indicatore", Field::Code),
        ] {
            assert_eq!(recognise(header), Some(field), "{header}");
        }
        assert_eq!(recognise("Note"), None);
    }
}
