//! Every text of the audit in Italian and English side by side: what each finding says
//! ([`MESSAGES`], filled with its parameters as diagnostics' are), the likely causes of a
//! published figure that differs, why each code matters for the score ([`WHY`]), and the
//! few phrases the shells print around findings. Nothing else writes an audit's prose.

use super::{AuditCode, Cause, Finding, Location, Severity};
use crate::diagnostic::{render_texts, Param, Params};
use crate::labels::Lang;
use crate::plan::MissedRule;

/// Italian, English.
type Texts = (&'static str, &'static str);

use AuditCode::*;

/// One message per code (a second, keyed by a selector, where a code has two sentences).
#[rustfmt::skip]
pub(crate) const MESSAGES: &[(AuditCode, &str, &str, &str)] = &[
    (PublishedDiffers, "",
        "il documento pubblica {printed} per {code}; dai suoi stessi dati il calcolo dà {score}",
        "the document publishes {printed} for {code}; its own inputs give {score}"),
    (VerdictDiffers, "",
        "il documento giudica {code} {printed_verdict} con {score}, ma con le soglie del piano ({tolerance} % e {critical} %) il giudizio è {verdict}",
        "the document rates {code} {printed_verdict} at {score}, but the plan's thresholds ({tolerance} % and {critical} %) give {verdict}"),
    (DeviationDiffers, "",
        "lo scostamento stampato per {code} è {text}, ma consuntivo − target fa {value}",
        "the deviation printed for {code} is {text}, but actual − target is {value}"),
    (ImpliedActual, "indicator",
        "{printed} pubblicato contro il target {op} {target} {unit} implica un consuntivo di {code} da {low} fino a {high} escluso; il piano registra {actual}",
        "{printed} published against the target {op} {target} {unit} implies an actual of {code} from {low} up to, not including, {high}; the plan records {actual}"),
    (ImpliedActual, "node",
        "il punteggio pubblicato di {code}, {printed}, implica per {other} un consuntivo da {low} fino a {high} escluso; il documento stampa {actual}, arrotondato",
        "the published score of {code}, {printed}, implies an actual of {other} from {low} up to, not including, {high}; the document prints {actual}, rounded"),
    (CompositionMissing, "unit",
        "il documento pubblica {printed} per l'unità {code}, ma il piano non dice da cosa è composto: manca il suo cruscotto (o gli obiettivi assegnati in `units`, o le unità sottostanti)",
        "the document publishes {printed} for unit {code}, but the plan does not say what it is made of: its cruscotto is missing (or the objectives assigned to it in `units`, or the units below it)"),
    (CompositionMissing, "cruscotto",
        "il documento pubblica {printed} per il cruscotto {code}, ma nessuna delle sue voci ha un punteggio",
        "the document publishes {printed} for cruscotto {code}, but none of its items has a score"),
    (CompositionMissing, "objective",
        "il documento pubblica {printed} per {code}, ma il piano non ha indicatori misurati né obiettivi valutati da cui calcolarlo",
        "the document publishes {printed} for {code}, but the plan has no measured indicator or scored objective to compute it from"),
    (CompositionMissing, "keys",
        "il documento pubblica {printed} per {code}, ma nessuno dei suoi elementi ha un punteggio ({keys})",
        "the document publishes {printed} for {code}, but none of its items has a score ({keys})"),
    (ThresholdsDiffer, "",
        "qui il documento dichiara le soglie {stated_tolerance} % (raggiunto) e {stated_critical} % (critica); il piano valuta con {tolerance} % e {critical} %",
        "here the document states the thresholds {stated_tolerance} % (reached) and {stated_critical} % (critical); the plan scores with {tolerance} % and {critical} %"),
    (NotAvailableInFinalReport, "excluded",
        "{code} non ha consuntivo (N/D) in una relazione finale: per la regola N/D del piano è escluso e i pesi degli altri sono riproporzionati",
        "{code} has no actual (N/D) in a final report: under the plan's N/D rule it is left out and the other weights are rescaled"),
    (NotAvailableInFinalReport, "zero",
        "{code} non ha consuntivo (N/D) in una relazione finale: per la regola N/D del piano conta come 0 %",
        "{code} has no actual (N/D) in a final report: under the plan's N/D rule it counts as 0 %"),
    (PercentOver100, "",
        "{code} ha un consuntivo di {actual} % contro un target {op} {target} %: una quota, o un'attività svolta o non svolta, non supera il 100 %",
        "{code} has an actual of {actual} % against a target {op} {target} %: a share, or an activity done or not done, cannot exceed 100 %"),
    (NegativeCount, "",
        "{code} si misura in numero (N.), ma il consuntivo è negativo: {actual}",
        "{code} is measured in numbers (N.), but its actual is negative: {actual}"),
    (DateOutsideYear, "",
        "la data {text} di {code} è fuori dall'anno del piano ({year})",
        "the date {text} of {code} is outside the plan's year ({year})"),
    (RatioWithCountTarget, "",
        "l'algoritmo di {code} è un rapporto e il consuntivo ({actual}) lo conferma, ma il target {op} {target} N. è una quantità",
        "the algorithm of {code} is a ratio and its actual ({actual}) is one, but the target {op} {target} N. is a quantity"),
    (CodeDefinedTwice, "",
        "il codice {code} è stampato qui per un indicatore diverso (nome o algoritmo) da quello in {first}",
        "code {code} is printed here for another indicator (name or algorithm) than the one at {first}"),
    (TargetsDiffer, "",
        "{code} è stampato qui con un target diverso da quello in {first}",
        "{code} is printed here with another target than at {first}"),
    (WeightsDiffer, "",
        "{code} pesa {weight} qui e {value} in {first}",
        "{code} weighs {weight} here and {value} at {first}"),
    (WeightsNot100, "",
        "i pesi degli elementi di {code} ({siblings}) sommano a {sum}, non a 100",
        "the weights under {code} ({siblings}) sum to {sum}, not 100"),
    (ObjectiveWithoutIndicators, "",
        "{code} non ha indicatori né obiettivi sottostanti: non si può valutare",
        "{code} has no indicator and no objective below it: it cannot be scored"),
    (BudgetTotalDiffers, "planned",
        "{code} dichiara risorse a preventivo per € {total}, ma le voci sottostanti sommano a € {amount}",
        "{code} states resources planned of € {total}, but the items below it add up to € {amount}"),
    (BudgetTotalDiffers, "spent",
        "{code} dichiara risorse a consuntivo per € {total}, ma le voci sottostanti sommano a € {amount}",
        "{code} states resources spent of € {total}, but the items below it add up to € {amount}"),
    (BudgetTotalDiffers, "promotional_planned",
        "{code} dichiara risorse promozionali destinate per € {total}, ma le voci sottostanti sommano a € {amount}",
        "{code} states promotional resources planned of € {total}, but the items below it add up to € {amount}"),
    (BudgetTotalDiffers, "promotional_spent",
        "{code} dichiara risorse promozionali utilizzate per € {total}, ma le voci sottostanti sommano a € {amount}",
        "{code} states promotional resources used of € {total}, but the items below it add up to € {amount}"),
    (BudgetShareDiffers, "",
        "{code} stampa una quota delle risorse promozionali di {printed}, ma € {amount} su € {total} fanno {score}",
        "{code} prints a share of the promotional resources of {printed}, but € {amount} of € {total} is {score}"),
];

/// Why each code matters for the score, as the OIV reads it.
#[rustfmt::skip]
pub(crate) const WHY: &[(AuditCode, &str, &str)] = &[
    (PublishedDiffers,
        "il punteggio validato deve essere quello che i dati e le regole del documento producono; se differisce, o un dato o una regola non sono quelli dichiarati",
        "the validated score must be the one the document's inputs and rules produce; where it differs, an input or a rule is not the one stated"),
    (VerdictDiffers,
        "il giudizio (e il semaforo) deriva dal punteggio con le soglie del SMVP: un giudizio diverso cambia l'esito comunicato",
        "the verdict (and its light) follows from the score under the SMVP's thresholds: another verdict changes the outcome reported"),
    (DeviationDiffers,
        "lo scostamento stampato non corrisponde ai valori stampati: uno dei due è sbagliato, o il consuntivo è arrotondato",
        "the printed deviation does not match the printed values: one of them is wrong, or the actual is rounded"),
    (ImpliedActual,
        "il punteggio pubblicato si riproduce solo con un consuntivo più preciso di quello stampato: il dato di partenza va chiesto all'ente",
        "the published score is reproduced only by an actual more precise than the one printed: ask the body for the underlying figure"),
    (CompositionMissing,
        "un punteggio che non si può ricalcolare non si può validare: il documento deve mostrare da cosa è composto",
        "a score that cannot be recomputed cannot be validated: the document must show what it is made of"),
    (ThresholdsDiffer,
        "con soglie diverse lo stesso punteggio riceve giudizi diversi: va chiarito quali valgono",
        "under different thresholds one score gets different verdicts: which ones apply must be made clear"),
    (NotAvailableInFinalReport,
        "nella relazione finale il SMVP esclude con riproporzionamento solo gli indicatori dichiarati non valutabili: un N/D cambia il punteggio secondo la regola adottata",
        "in the final report the SMVP excludes with re-weighting only indicators declared not assessable: an N/D moves the score according to the rule adopted"),
    (PercentOver100,
        "un consuntivo oltre il 100 % di una quota è quasi sempre un errore di inserimento; conta come target raggiunto e nasconde il dato vero",
        "an actual above 100 % of a share is almost always a typing error; it counts as met and hides the real figure"),
    (NegativeCount,
        "un conteggio negativo non esiste: il grado di raggiungimento che ne deriva è privo di significato",
        "a negative count does not exist: the achievement computed from it has no meaning"),
    (DateOutsideYear,
        "una data fuori dall'anno cambia i giorni di ritardo e quindi il punteggio della scadenza",
        "a date outside the year changes the days late, and so the deadline's score"),
    (RatioWithCountTarget,
        "un rapporto confrontato con una quantità è sempre raggiunto (o mai): il target non misura ciò che l'algoritmo misura",
        "a ratio compared with a quantity is always met (or never): the target does not measure what the algorithm measures"),
    (CodeDefinedTwice,
        "due misure con lo stesso codice si confondono: un consuntivo può finire nel punteggio dell'altra",
        "two measures under one code are easily confused: an actual can end up in the other's score"),
    (TargetsDiffer,
        "lo stesso indicatore con due target dà due gradi di raggiungimento: il punteggio dipende da quale si usa",
        "one indicator with two targets has two achievements: the score depends on which is used"),
    (WeightsDiffer,
        "pesi diversi per lo stesso indicatore cambiano quanto conta in ciascun punteggio: va verificato che sia voluto",
        "different weights for one indicator change how much it counts in each score: check that this is intended"),
    (WeightsNot100,
        "i pesi sono usati in proporzione: se il documento divide per 100, il suo punteggio differisce dal calcolo",
        "weights are used in proportion: if the document divides by 100, its score differs from the computation"),
    (ObjectiveWithoutIndicators,
        "un obiettivo senza indicatori non ha punteggio e non conta nel livello superiore",
        "an objective without indicators has no score and does not count in the level above"),
    (BudgetTotalDiffers,
        "i totali delle risorse che non tornano rendono inaffidabile il grado di assorbimento e il legame tra risorse e risultati",
        "resource totals that do not add up make the absorption rate, and the link between resources and results, unreliable"),
    (BudgetShareDiffers,
        "la quota stampata non corrisponde agli importi: il grado di assorbimento mostrato è sbagliato o calcolato su un altro totale",
        "the printed share does not match the amounts: the absorption shown is wrong or computed on another total"),
];

fn pick(texts: Texts, lang: Lang) -> &'static str {
    lang.pick(texts.0, texts.1)
}

/// Which of a code's sentences a finding is.
fn selector(finding: &Finding) -> &'static str {
    let params = &finding.params;
    match finding.code {
        ImpliedActual if params.other().is_some() => "node",
        ImpliedActual => "indicator",
        CompositionMissing if params.keys().is_some() => "keys",
        BudgetTotalDiffers => match params.field().map(String::as_str) {
            Some("planned") => "planned",
            Some("spent") => "spent",
            Some("promotional_planned") => "promotional_planned",
            _ => "promotional_spent",
        },
        CompositionMissing | NotAvailableInFinalReport => match params.json().map(String::as_str) {
            Some("unit") => "unit",
            Some("cruscotto") => "cruscotto",
            Some("zero") => "zero",
            Some("excluded") => "excluded",
            _ => "objective",
        },
        _ => "",
    }
}

fn template(code: AuditCode, selector: &str) -> Option<Texts> {
    let found = MESSAGES.iter().find(|(c, s, _, _)| *c == code && *s == selector).or_else(|| MESSAGES.iter().find(|(c, _, _, _)| *c == code));
    found.map(|(_, _, it, en)| (*it, *en))
}

/// `template` filled with `params`; a missing parameter keeps its `{name}` (a bug caught
/// by `core/tests/audit_codes.rs`).
fn fill(texts: Texts, params: &Params, lang: Lang) -> String {
    render_texts(texts, params, lang).unwrap_or_else(|_| pick(texts, lang).to_string())
}

pub(super) fn render(finding: &Finding, lang: Lang) -> String {
    let Some(texts) = template(finding.code, selector(finding)) else { return finding.code.to_string() };
    let mut text = fill(texts, &finding.params, lang);
    if let Some(cause) = &finding.cause {
        text.push_str(match lang {
            Lang::It => "; causa probabile: ",
            Lang::En => "; likely cause: ",
        });
        text.push_str(&cause_text(cause, lang));
    }
    text
}

/// The cause, in `lang`.
pub fn cause_text(cause: &Cause, lang: Lang) -> String {
    let (texts, params): (Texts, Params) = match cause {
        Cause::Weights { sum, implied } => (
            (
                "il punteggio pubblicato si ottiene con pesi che sommano a {value}, ma i pesi stampati sommano a {sum}",
                "the published score follows from weights summing to {value}, but the printed weights sum to {sum}",
            ),
            Params::from([Param::Value(*implied), Param::Sum(*sum)]),
        ),
        Cause::RoundedActual { indicator, printed, low, high } => (
            (
                "il consuntivo di {other} è stampato arrotondato ({actual}): un valore da {low} fino a {high} escluso riproduce il punteggio pubblicato",
                "the actual of {other} is printed rounded ({actual}): a value from {low} up to, not including, {high} reproduces the published score",
            ),
            Params::from([Param::Other(indicator.clone()), Param::Actual(*printed), Param::Low(*low), Param::High(*high)]),
        ),
        Cause::MissedRule { indicator, rule } => {
            let texts = match rule {
                MissedRule::Zero => (
                    "il target mancato di {other} vale 0 % per il documento (regola `zero`), non il rapporto",
                    "the document scores the missed target of {other} as 0 % (rule `zero`), not by ratio",
                ),
                MissedRule::Ratio => (
                    "il documento valuta il target mancato di {other} in proporzione (regola `ratio`), non 0 %",
                    "the document scores the missed target of {other} by ratio (rule `ratio`), not 0 %",
                ),
            };
            (texts, Params::from([Param::Other(indicator.clone())]))
        }
        Cause::Excluded { item } => (
            ("il punteggio pubblicato si ottiene escludendo {other}", "the published score is obtained leaving out {other}"),
            Params::from([Param::Other(item.clone())]),
        ),
        Cause::CountedAsZero { item } => (
            (
                "il punteggio pubblicato si ottiene contando {other}, non misurato, come 0 %",
                "the published score is obtained counting {other}, not measured, as 0 %",
            ),
            Params::from([Param::Other(item.clone())]),
        ),
    };
    fill(texts, &params, lang)
}

pub(super) fn why(code: AuditCode, lang: Lang) -> &'static str {
    WHY.iter().find(|(c, _, _)| *c == code).map_or("", |(_, it, en)| pick((*it, *en), lang))
}

/// The severity's word in `lang`.
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::It) => "errore",
        (Severity::Warning, Lang::It) => "avviso",
        (Severity::Notice, Lang::It) => "nota",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Notice, Lang::En) => "notice",
    }
}

pub(super) fn in_document(location: &Location, lang: Lang) -> String {
    let it = lang == Lang::It;
    let mut parts = Vec::new();
    if let Some(section) = &location.section {
        parts.push(format!("{} {section}", if it { "sezione" } else { "section" }));
    }
    if let Some(page) = location.page {
        parts.push(format!("{} {page}", if it { "pagina" } else { "page" }));
    }
    if let Some(line) = location.line {
        parts.push(format!("{} {line}", if it { "riga" } else { "line" }));
    }
    parts.join(", ")
}

pub(super) fn line(finding: &Finding, lang: Lang) -> String {
    let place = finding.location.in_document(lang);
    let place = if place.is_empty() { String::new() } else { format!(" ({place})") };
    format!("{}[{}] {}{place}: {}", finding.severity.as_str(), finding.code, finding.location.path, finding.message(lang))
}

/// `2 errori, 5 avvisi, 1 nota` / `2 errors, 5 warnings, 1 notice`; `nessun problema` /
/// `no findings` when there are none.
pub fn summary(lang: Lang, findings: &[Finding]) -> String {
    let (errors, warnings, notices) = super::counts(findings);
    if errors + warnings + notices == 0 {
        return match lang {
            Lang::It => "nessun problema trovato".into(),
            Lang::En => "no findings".into(),
        };
    }
    let counted = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match lang {
        Lang::It => format!("{}, {}, {}", counted(errors, "errore", "errori"), counted(warnings, "avviso", "avvisi"), counted(notices, "nota", "note")),
        Lang::En => format!("{}, {}, {}", counted(errors, "error", "errors"), counted(warnings, "warning", "warnings"), counted(notices, "notice", "notices")),
    }
}

/// The CSV's column headings, in `lang`.
pub(super) fn csv_headings(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::It => ["gravità", "codice", "id", "codice nel piano", "percorso JSON", "sezione", "riga", "problema", "perché conta per il punteggio"],
        Lang::En => ["severity", "code", "id", "plan code", "JSON path", "section", "line", "problem", "why it matters for the score"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Decimal;

    #[test]
    fn every_code_has_a_message_and_a_why_and_every_cause_a_text_in_both_languages() {
        for &code in AuditCode::ALL {
            assert!(MESSAGES.iter().any(|(c, _, _, _)| *c == code), "{code}: no message");
            assert!(!why(code, Lang::It).is_empty() && why(code, Lang::It) != why(code, Lang::En), "{code}: why");
        }
        let d = |s: &str| Decimal::parse(s).unwrap();
        let causes = [
            Cause::Weights { sum: d("100"), implied: d("101") },
            Cause::RoundedActual { indicator: "A".into(), printed: d("24.64"), low: d("24.6425"), high: d("24.6475") },
            Cause::MissedRule { indicator: "A".into(), rule: MissedRule::Zero },
            Cause::MissedRule { indicator: "A".into(), rule: MissedRule::Ratio },
            Cause::Excluded { item: "A".into() },
            Cause::CountedAsZero { item: "A".into() },
        ];
        for cause in causes {
            let (it, en) = (cause_text(&cause, Lang::It), cause_text(&cause, Lang::En));
            assert!(!it.contains('{') && !en.contains('{') && it != en, "{cause:?}: {it} / {en}");
        }
        assert_eq!(
            cause_text(&Cause::RoundedActual { indicator: "A".into(), printed: d("24.64"), low: d("24.6425"), high: d("24.6475") }, Lang::It),
            "il consuntivo di `A` è stampato arrotondato (24,64): un valore da 24,6425 fino a 24,6475 escluso riproduce il punteggio pubblicato"
        );
        for (i, (code, selector, _, _)) in MESSAGES.iter().enumerate() {
            assert!(!MESSAGES[..i].iter().any(|(c, s, _, _)| c == code && s == selector), "{code} {selector} twice");
        }
    }

    #[test]
    fn a_summary_counts_each_severity() {
        assert_eq!(summary(Lang::It, &[]), "nessun problema trovato");
        let finding = Finding::new(AuditCode::NegativeCount, Location::default(), [Param::Code("I".into()), Param::Actual(Decimal::from(-3))]);
        assert_eq!(summary(Lang::En, &[finding.clone(), finding]), "0 errors, 2 warnings, 0 notices");
        assert_eq!(Severity::Notice.label(Lang::It), "nota");
    }
}
