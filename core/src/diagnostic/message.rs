//! Every text Semaforo says about a problem, in Italian and English side by side: one
//! line of [`MESSAGES`] per code (and per sentence, where a code has several), the words
//! its parameters take ([`word`]), the notes and cell expectations of the importer, and
//! the few summary phrases the shells print. A translation is reviewed here, in one
//! place; nothing else in the workspace writes the text of a diagnostic.
//!
//! A message is a template filled with the diagnostic's [`Params`]: `{sum}` is the
//! parameter `sum`, written in the reader's notation (`50,5` or `50.5`); a word
//! parameter (`{siblings}`) is written in the reader's language, and may itself be a
//! template over the same parameters (`{found}` is “il testo {text}”). A `{` not
//! followed by a parameter's name and `}` is text (`{"op": ">=", …}`). How each
//! parameter is written (quoted, in backquotes, as a percent) is its style, declared in
//! `params.rs`.

use super::params::*;
use super::Code;
use crate::decimal::Decimal;
use crate::format;
use crate::labels::{self, Lang};
use crate::plan::Level;

/// Italian, English.
type Texts = (&'static str, &'static str);

/// One message: its code, its sentence (`None`: the code's only or usual one), Italian,
/// English.
type Message = (Code, Option<Case>, &'static str, &'static str);

const fn m(code: Code, case: Option<Case>, it: &'static str, en: &'static str) -> Message {
    (code, case, it, en)
}

use Case::*;

/// Every message, by code in the order of `code.rs`.
#[rustfmt::skip]
pub(crate) const MESSAGES: &[Message] = &[
    // Reading a plan's structure.
    m(Code::MalformedJson, None,
        "il testo non è JSON valido (riga {line}, colonna {column}): {syntax}",
        "the text is not valid JSON (line {line}, column {column}): {syntax}"),
    m(Code::MalformedJson, Some(TooDeep),
        "il JSON annida array e oggetti per più di {max} livelli (riga {line}, colonna {column}); a un piano ne bastano meno di 20",
        "the JSON nests arrays and objects more than {max} levels deep (line {line}, column {column}); a plan needs fewer than 20"),
    m(Code::MalformedJson, Some(NotJsonInput),
        "il piano non è un testo JSON né un oggetto che `JSON.stringify` possa scrivere",
        "the plan is neither JSON text nor an object that `JSON.stringify` can write"),
    m(Code::MissingVersion, None,
        "manca la versione del formato: scrivere `\"version\": {version}` all'inizio del piano",
        "the format version is missing: write `\"version\": {version}` at the top of the plan"),
    m(Code::UnsupportedVersion, None,
        "questo Semaforo legge i piani nel formato versione {version} (`\"version\": {version}`); trovato {json}",
        "this Semaforo reads plans of format version {version} (`\"version\": {version}`); found {json}"),
    m(Code::WrongShape, None, "{problem}", "{problem}"),
    m(Code::WrongShape, Some(NotObject),
        "un piano è un oggetto JSON con `version`, `ente` e `policy`",
        "a plan is a JSON object with `version`, `ente` and `policy`"),
    m(Code::UnknownField, None, "{problem}", "{problem}"),
    m(Code::DuplicateKey, None,
        "la chiave {key} compare più di una volta in questo oggetto: un lettore JSON ne tiene una sola, quindi va scritta una volta sola",
        "{key} appears more than once in this object: a JSON reader keeps only one of them, so write it once"),

    // Validating a plan.
    m(Code::EnteCode, None,
        "il codice dell'ente è sempre `ENTE`; trovato {code}",
        "the ente's code is always `ENTE`; found {code}"),
    m(Code::ReservedCode, None,
        "{code} non si può usare come codice qui: {collision}",
        "{code} cannot be used as a code here: {collision}"),
    m(Code::DuplicateCode, None,
        "{subject} {code} compare già in {first}: un codice si definisce una volta sola",
        "{subject} {code} is already defined at {first}: a code is defined once"),
    m(Code::DuplicateCode, Some(DefinedTwice),
        "{subject} {code} compare due volte: un codice si definisce una volta sola",
        "{subject} {code} is defined twice: a code is defined once"),
    m(Code::DuplicateCode, Some(TwiceHere),
        "{subject} {code} compare due volte in questo elenco",
        "{subject} {code} appears twice in this list"),
    m(Code::EmptyCode, None,
        "{subject} non ha un codice: va indicato",
        "the {subject} has no code: give it one"),
    m(Code::MissingReference, Some(NoIndicator),
        "non c'è un indicatore {code} nell'albero né negli `indicators` del piano",
        "no indicator {code} in the tree or in the plan's `indicators`"),
    m(Code::MissingReference, Some(NoDocument),
        "non c'è un documento {code} in `sources`",
        "no document {code} in `sources`"),
    m(Code::MissingReference, Some(NoUnit),
        "non c'è un'unità organizzativa {code} in `units`",
        "no unit {code} in `units`"),
    m(Code::MissingReference, Some(NoObjective),
        "non c'è un obiettivo {code} nell'albero",
        "no objective {code} in the tree"),
    m(Code::MissingReference, Some(Edit),
        "il piano non ha {subject} {code}: questa modifica non è applicata",
        "the plan has no {subject} {code}: this edit is left out"),
    m(Code::UnitCycle, None,
        "la catena dei `parent` dell'unità organizzativa {code} torna all'unità stessa",
        "unit {code} is its own ancestor through `parent`"),
    m(Code::ItemShape, None,
        "una voce di cruscotto ha esattamente uno tra `indicator`, `objective`, `own` e `group`",
        "a cruscotto item has exactly one of `indicator`, `objective`, `own` or `group`"),
    m(Code::PolicyRange, Some(Percentage),
        "attesa una percentuale tra 0 e 100; trovato {value}",
        "expected a percentage between 0 and 100, found {value}"),
    m(Code::PolicyRange, Some(NegativePenalty),
        "la penalità per giorno di ritardo non può essere negativa; trovato {value}",
        "a penalty per day late cannot be negative, found {value}"),
    m(Code::PolicyRange, Some(DisplayDecimals),
        "si possono mostrare al massimo {max} decimali; trovato {count}",
        "at most {max} decimals can be shown, found {count}"),
    m(Code::PolicyOrder, None,
        "la soglia critica ({critical}) è sopra la soglia di tolleranza ({tolerance})",
        "the critical threshold ({critical}) is above the tolerance threshold ({tolerance})"),
    m(Code::NegativeBudget, None,
        "le risorse non possono essere negative; trovato {value}",
        "resources cannot be negative, found {value}"),
    m(Code::ActualTargetMismatch, Some(DeadlineNumber),
        "il target è una scadenza (`by`), quindi il consuntivo è una data (`date`) o un `flag`, non un numero",
        "the target is a deadline (`by`), so the actual must be a `date` (or a `flag`), not a number"),
    m(Code::ActualTargetMismatch, Some(NumberDate),
        "il target è un numero, quindi il consuntivo è un `value`, un `ratio` o un `flag`, non una data",
        "the target is a number, so the actual must be a `value`, a `ratio` or a `flag`, not a date"),
    m(Code::UnitMismatch, None,
        "un target a scadenza ha di norma l'unità di misura `date`, qui {json}",
        "a deadline target usually has unit `date`, here {json}"),
    m(Code::ZeroDenominator, None,
        "il denominatore di un rapporto non può essere zero",
        "a ratio's denominator cannot be zero"),
    m(Code::RatioOverflow, None,
        "{numerator} / {denominator} è troppo grande da calcolare: controllare il denominatore",
        "{numerator} / {denominator} is too large to compute: check the denominator"),
    m(Code::MissingActual, None,
        "l'indicatore {code} non ha ancora un consuntivo (N/D): non conta nel punteggio",
        "indicator {code} has no actual yet (N/D): it does not count"),
    m(Code::MissingReason, None,
        "indicare perché l'indicatore non è valutabile",
        "say why the indicator is not assessable"),
    m(Code::DuplicateYear, None,
        "due target per il {year}",
        "two targets for {year}"),
    m(Code::PublishedRange, None,
        "un punteggio pubblicato di {value} è fuori dall'intervallo 0-100",
        "a published score of {value} is outside 0-100"),
    m(Code::MissingWeight, None,
        "manca il peso, che altri elementi dello stesso elenco ({siblings}) hanno: indicare il peso di tutti, o di nessuno per avere pesi uguali",
        "some of these {siblings} have a weight and this one has none: give all a weight, or none for equal weights"),
    m(Code::NegativeWeight, None,
        "un peso non può essere negativo; trovato {weight}",
        "a weight cannot be negative, found {weight}"),
    m(Code::WeightsOverflow, None,
        "i pesi di questo elenco ({siblings}) sono troppo grandi per essere sommati: scriverli in percentuale (di solito sommano a 100)",
        "the weights of these {siblings} are too large to add up: write them in percent (they usually sum to 100)"),
    m(Code::ZeroWeights, None,
        "i pesi di questo elenco ({siblings}) sommano a zero: nulla può essere valutato",
        "the weights of these {siblings} sum to zero: nothing can be scored"),
    m(Code::WeightsNot100, None,
        "i pesi di questo elenco ({siblings}) sommano a {sum}, non a 100: sono usati in proporzione",
        "the weights of these {siblings} sum to {sum}, not 100: they are used in proportion"),
    m(Code::IgnoredWeight, None,
        "un indicatore degli `indicators` del piano si pesa dove è richiamato (con il peso della voce di cruscotto o di `shared_indicators`): questo peso non è usato",
        "an indicator of the plan's `indicators` is weighed where it is referenced (a cruscotto item's or a `shared_indicators` weight): this weight is not used"),
    m(Code::UnreferencedIndicator, None,
        "l'indicatore {code} è misurato ma non è pesato da nessuna parte: nessuna voce di cruscotto né `shared_indicators` lo richiama",
        "indicator {code} is measured but weighed nowhere: no cruscotto item or `shared_indicators` names it"),
    m(Code::UnusualNesting, None,
        "{level} sotto {parent_level}: una struttura insolita",
        "{level} under {parent_level}: an unusual nesting"),
    m(Code::EmptyPlan, None,
        "il piano non ha obiettivi, indicatori né cruscotti",
        "the plan has no objectives, indicators or cruscotti"),

    // What-if.
    m(Code::BadShareLink, None,
        "le modifiche del link non si leggono: {problem}",
        "the link's edits cannot be read: {problem}"),
    m(Code::BadShareLink, Some(NotBase64),
        "le modifiche del link non si leggono: il testo non è base64 valido ({detail})",
        "the link's edits cannot be read: the text is not valid base64 ({detail})"),

    // Importing a table: reading the bytes.
    m(Code::UnreadableTable, Some(NoXlsx),
        "questa versione di Semaforo non legge i file XLSX (la funzione `xlsx` è esclusa): salvare il foglio come CSV",
        "this build of Semaforo does not read XLSX files (the `xlsx` feature is off): save the sheet as CSV"),
    m(Code::UnreadableTable, Some(MalformedWorkbook),
        "il file XLSX non si legge (cartella di lavoro danneggiata)",
        "the XLSX file could not be read (malformed workbook)"),
    m(Code::UnreadableTable, Some(NotXlsx),
        "il file non è un XLSX leggibile: {detail}",
        "not a readable XLSX file: {detail}"),
    m(Code::UnreadableTable, Some(NoSheet),
        "la cartella di lavoro non ha fogli",
        "the workbook has no sheet"),
    m(Code::UnreadableTable, Some(SheetError),
        "foglio {sheet}: errore di lettura {detail}",
        "sheet {sheet}: read error {detail}"),
    m(Code::UnreadableTable, Some(BeyondLimits),
        "foglio {sheet}: la cella {cell} ha un contenuto oltre le {rows} righe e {columns} colonne (da A a {last_column}) che Semaforo legge: cancellarlo, o spostare la tabella, e importare di nuovo",
        "sheet {sheet}: cell {cell} has content beyond the {rows} rows and {columns} columns (A to {last_column}) that Semaforo reads: delete it, or move the table, and import again"),
    m(Code::UnreadableTable, Some(TooManyCells),
        "foglio {sheet}: più di {limit} celle (contando ogni riga fino all'ultima cella con contenuto): non è la tabella di un piano",
        "sheet {sheet}: more than {limit} cells (counting each row up to its last cell with content): this is not a plan's table"),
    m(Code::Windows1252, None,
        "il file non è UTF-8 (byte tra 0x80 e 0xFF: {count}; nessuna sequenza UTF-8): è stato letto come Windows-1252, la codifica dei CSV di Excel su Windows in italiano",
        "the file is not UTF-8 (bytes from 0x80 to 0xFF: {count}; no UTF-8 sequence): it was read as Windows-1252, the encoding of Excel's CSV on Italian Windows"),
    m(Code::InvalidUtf8, None,
        "riga {row}, colonna {column}, carattere {character} ({text}): {bytes} (atteso testo UTF-8, come nel resto del file): sostituito da “\u{fffd}”",
        "row {row}, column {column}, character {character} ({text}): {bytes} (expected UTF-8 text, as in the rest of the file): replaced by “\u{fffd}”"),
    m(Code::InvalidUtf8, Some(OtherLine),
        "riga {row}, colonna {column}, riga di testo {line}, carattere {character} ({text}): {bytes} (atteso testo UTF-8, come nel resto del file): sostituito da “\u{fffd}”",
        "row {row}, column {column}, line {line}, character {character} ({text}): {bytes} (expected UTF-8 text, as in the rest of the file): replaced by “\u{fffd}”"),
    m(Code::InvalidUtf8, Some(More),
        "altre {count} sequenze di byte non UTF-8 sono state sostituite da “\u{fffd}”",
        "{count} more byte sequences that are not UTF-8 were replaced by “\u{fffd}”"),
    m(Code::CsvQuote, Some(Unclosed),
        "riga {row}, colonna {column} ({text}): un campo tra virgolette non è chiuso prima della fine della riga (attesi un `\"` di chiusura e poi {delimiter} o la fine della riga): la virgoletta è stata letta come testo",
        "row {row}, column {column} ({text}): a quoted field is not closed before the end of the line (expected a closing `\"` followed by {delimiter} or the end of the line): the quote was read as text"),
    m(Code::CsvQuote, Some(TooLong),
        "riga {row}, colonna {column} ({text}): un campo tra virgolette non è chiuso entro 32.767 caratteri, il massimo di una cella di foglio di calcolo (attesi un `\"` di chiusura e poi {delimiter} o la fine della riga): la virgoletta è stata letta come testo",
        "row {row}, column {column} ({text}): a quoted field is not closed within 32,767 characters, the most a spreadsheet cell holds (expected a closing `\"` followed by {delimiter} or the end of the line): the quote was read as text"),
    m(Code::CsvQuote, Some(AsWritten),
        "riga {row}, colonna {column} ({text}): dopo la virgoletta di chiusura di un campo c'è altro testo (attesi {delimiter} o la fine della riga): il campo è stato letto così come è scritto, virgolette comprese",
        "row {row}, column {column} ({text}): text follows the closing quote of a quoted field (expected {delimiter} or the end of the line after it): the field was read as written, quotes included"),
    m(Code::CsvQuote, Some(TextKept),
        "riga {row}, colonna {column} ({text}): dopo la virgoletta di chiusura di un campo c'è altro testo (attesi {delimiter} o la fine della riga): il testo è stato tenuto, il campo si legge {reading}",
        "row {row}, column {column} ({text}): text follows the closing quote of a quoted field (expected {delimiter} or the end of the line after it): the text was kept, the field reads {reading}"),
    m(Code::CsvQuote, Some(More),
        "altri {count} campi con virgolette fuori dalle regole CSV sono stati letti come detto sopra",
        "{count} more fields with quotes that do not follow the CSV rules were read as said above"),
    m(Code::UnreadableCell, None,
        "riga {row}, colonna {column} {header}: {text} non si legge; atteso: {expected}; la riga è stata letta senza questa cella",
        "row {row}, column {column} {header}: cannot read {text}: expected {expected}; the row was read without this cell"),

    // Importing a PDF.
    m(Code::UnreadablePdf, None,
        "il PDF è danneggiato e non si legge: {detail}",
        "the PDF is damaged and cannot be read: {detail}"),
    m(Code::UnreadablePdf, Some(NotPdf),
        "il file non è un PDF (non comincia con “%PDF-”)",
        "the file is not a PDF (it does not start with “%PDF-”)"),
    m(Code::UnreadablePdf, Some(ZipPdf),
        "il file è un archivio ZIP (un XLSX, un DOCX o un ODT?) con il nome di un PDF: importarlo col suo formato, o esportare il documento in PDF",
        "the file is a ZIP archive (an XLSX, DOCX or ODT?) named as a PDF: import it in its own format, or export the document to PDF"),
    m(Code::UnreadablePdf, Some(TruncatedPdf),
        "il PDF è troncato (manca la sua fine, “%%EOF”) e non si legge: scaricarlo di nuovo",
        "the PDF is truncated (its end, “%%EOF”, is missing) and cannot be read: download it again"),
    m(Code::UnreadablePdf, Some(TooLarge),
        "il PDF supera i {max} MB che Semaforo legge: estrarne le pagine delle tabelle",
        "the PDF is larger than the {max} MB Semaforo reads: extract the pages of the tables"),
    m(Code::UnreadablePdf, Some(NoPages),
        "il PDF non ha pagine leggibili",
        "the PDF has no readable pages"),
    m(Code::UnreadablePdf, Some(NoText),
        "il PDF non contiene testo da leggere (né immagini di testo)",
        "the PDF holds no text to read (nor images of text)"),
    m(Code::UnreadablePdf, Some(NoPdfFeature),
        "questa versione di Semaforo non legge i PDF (la funzione `pdf` è esclusa)",
        "this build of Semaforo does not read PDF files (the `pdf` feature is off)"),
    m(Code::EncryptedPdf, None,
        "il PDF è protetto da password (cifrato): Semaforo non può leggerne il testo; salvarne una copia senza protezione e importare quella",
        "the PDF is protected by a password (encrypted): Semaforo cannot read its text; save a copy without protection and import that"),
    m(Code::ScannedPdf, None,
        "questo PDF contiene immagini del testo, non testo: Semaforo non può leggerlo senza OCR",
        "this PDF holds images of text, not text: Semaforo cannot read it without OCR"),
    m(Code::NoPdfTables, None,
        "nessuna tabella nelle pagine da {page} a {last_page} del PDF: indicare le pagine delle tabelle",
        "no table on pages {page} to {last_page} of the PDF: give the pages of the tables"),
    m(Code::NoPdfTables, Some(NoneChosen),
        "nessuna delle tabelle scelte è nel PDF, che ne ha {count}",
        "none of the tables chosen is in the PDF, which has {count}"),
    m(Code::PdfCutShort, None,
        "pagina {page}: il contenuto non è stato letto per intero (danneggiato, o oltre i limiti di Semaforo): le sue tabelle possono essere incomplete",
        "page {page}: its content was not read in full (damaged, or beyond Semaforo's limits): its tables may be incomplete"),
    m(Code::PdfCutShort, Some(TooManyPages),
        "il PDF ha {count} pagine: Semaforo ne legge al massimo {max} alla volta; indicare le pagine delle tabelle",
        "the PDF has {count} pages: Semaforo reads at most {max} at a time; give the pages of the tables"),
    m(Code::PdfCutShort, Some(TruncatedPdf),
        "il PDF è troncato (manca la sua fine, “%%EOF”): sono state lette le pagine rimaste, qualcuna può mancare",
        "the PDF is truncated (its end, “%%EOF”, is missing): the pages left were read, some may be missing"),
    // Importing a table: building the plan.
    m(Code::NoHeader, None,
        "nessuna riga indica le colonne (“PESO”, “INDICATORE”, “TARGET”, “CONSUNTIVO”…): assegnare le colonne a mano",
        "no row names the columns (“PESO”, “INDICATORE”, “TARGET”, “CONSUNTIVO”…): map the columns by hand"),
    m(Code::UnknownColumn, None,
        "la colonna {column} {header} non è riconosciuta: le sue celle restano nel resoconto ma non sono lette; assegnarla a un campo per leggerle",
        "column {column} {header} is not recognised: its cells are kept in the report but not read; map it to a field to read them"),
    m(Code::NoIndicators, None,
        "nessuna riga si legge come indicatore",
        "no row could be read as an indicator"),
    m(Code::SameCodeDifferentIndicator, None,
        "le righe {row} e {other_row} riportano un indicatore {code} con lo stesso nome ma target o consuntivi diversi: sono stati tenuti come due indicatori",
        "rows {row} and {other_row} print an indicator {code} with the same name but different targets or actuals: they were kept as two indicators"),
    m(Code::DerivedCode, None,
        "riga {row}: il codice stampato {prefix} è solo un prefisso: all'indicatore è stato dato il codice {code}, ricavato dal prefisso e dal nome",
        "row {row}: the printed code {prefix} is only a prefix: the indicator was given the code {code}, derived from it and its name"),
    m(Code::XlsxFractions, None,
        "pesi o raggiungimenti di 1 o meno, e consuntivi sotto target percentuali, scritti senza il segno % sono stati letti come frazioni del formato percentuale del foglio (0,3 come 30 %)",
        "weights or achievements of 1 or less, and actuals under percentage targets, written without a % sign were read as fractions of the sheet's percent format (0.3 as 30 %)"),
    m(Code::WeightsNormalised, None,
        "i pesi sommano a {sum}, non a 100: sono stati riproporzionati a 100 (proporzioni invariate)",
        "these weights sum to {sum}, not 100: they were scaled to sum to 100 (proportions unchanged)"),
    m(Code::WeightsNormalised, Some(Printed),
        "nel documento i pesi di {name} sommano a {sum}, non a 100: riproporzionati, il punteggio è {score}; il documento riporta {printed}",
        "the document's weights of {name} sum to {sum}, not 100: normalised, the score is {score}; the document prints {printed}"),
    m(Code::NoEnteName, None,
        "la tabella non indica il nome dell'ente: indicarlo nelle opzioni di importazione",
        "the table does not name the ente: give its name in the import options"),
    m(Code::NoYear, None,
        "la tabella non indica l'anno: indicarlo nelle opzioni di importazione",
        "the table gives no year: give it in the import options"),

    // The JavaScript package.
    m(Code::BadArgument, Some(DecimalsRange),
        "`decimals` va da 0 a {max}; trovato {count}",
        "decimals must be between 0 and {max}, not {count}"),
    m(Code::BadArgument, Some(NotDecimal),
        "{text} non è un decimale come “98.5” (con il punto): {reason}",
        "{text} is not a decimal such as “98.5” (with a dot): {reason}"),
    m(Code::BadArgument, Some(Choice),
        "{argument}: atteso uno tra {choices}",
        "{argument} must be one of {choices}"),
    m(Code::BadScenario, None,
        "lo scenario non si legge: {problem}",
        "the scenario cannot be read: {problem}"),
    m(Code::BadScenario, Some(NotJsonInput),
        "lo scenario non è un testo JSON né un oggetto che `JSON.stringify` possa scrivere",
        "the scenario is neither JSON text nor an object that `JSON.stringify` can write"),
    m(Code::UnknownId, None,
        "il piano non ha un nodo o un indicatore {code}",
        "the plan has no node or indicator {code}"),
    m(Code::Internal, None,
        "il risultato non si può passare a JavaScript: {detail}",
        "the result cannot be passed to JavaScript: {detail}"),

    // The app's import module.
    m(Code::BadImportOptions, None,
        "le opzioni di importazione non si leggono: {problem}",
        "the import options cannot be read: {problem}"),
];

/// The texts a word parameter is written with; some depend on the other parameters
/// (an unknown field with no fields to choose from, a number found with its text).
#[inline(never)]
fn word(param: &Param, params: &Params) -> Option<Texts> {
    Some(match param {
        Param::Case(_) => return None,
        Param::Problem(problem) => match problem {
            Problem::InvalidType | Problem::InvalidValue => ("atteso {wanted}, trovato {found}", "expected {wanted}, found {found}"),
            Problem::InvalidLength => ("atteso {wanted}, trovato un elenco di {count} elementi", "expected {wanted}, found a list of {count} items"),
            Problem::UnknownVariant => ("valore {json} non previsto: atteso uno tra {choices}", "unknown value {json}: expected one of {choices}"),
            Problem::UnknownField if params.choices().is_some_and(|c| c.is_empty()) => {
                ("campo {field} sconosciuto: qui non sono previsti campi", "unknown field {field}: there are no fields here")
            }
            Problem::UnknownField => ("campo {field} sconosciuto: i campi previsti sono {choices}", "unknown field {field}: the fields here are {choices}"),
            Problem::MissingField => ("manca il campo obbligatorio {field}", "the required field {field} is missing"),
            Problem::DuplicateField => ("il campo {field} è scritto più di una volta", "the field {field} is written more than once"),
            Problem::MissingValue if params.choices().is_none() => {
                ("qui è atteso un valore di altro tipo: vedere `docs/plan-format.md`", "a value of another kind is expected here: see `docs/plan-format.md`")
            }
            Problem::MissingValue if params.wanted() == Some(&Wanted::Actual) => {
                ("atteso un oggetto con esattamente uno tra {choices}", "expected an object with exactly one of {choices}")
            }
            Problem::MissingValue => ("atteso uno tra {choices}", "expected one of {choices}"),
            Problem::SeveralKeys => {
                ("un consuntivo ha esattamente uno tra {choices}; qui ci sono {keys}", "an actual has exactly one of {choices}; found {keys}")
            }
            Problem::Decimal if params.text().is_none() => ("numero non rappresentabile: {reason}", "a number that cannot be held: {reason}"),
            Problem::Decimal => ("{text} non è un numero: {reason}", "{text} is not a number: {reason}"),
            Problem::Date => ("{text} non è una data scritta come AAAA-MM-GG", "{text} is not a date written as YYYY-MM-DD"),
            Problem::Syntax => ("JSON non valido alla riga {line}, colonna {column}: {syntax}", "invalid JSON at line {line}, column {column}: {syntax}"),
            Problem::Other => ("valore non leggibile: {detail}", "the value cannot be read: {detail}"),
        },
        Param::Found(found) => match found {
            Found::Null => ("`null`", "`null`"),
            Found::Boolean => ("il valore {json}", "the value {json}"),
            Found::Integer | Found::Float => ("il numero {json}", "the number {json}"),
            Found::String => ("il testo {text}", "the text {text}"),
            Found::List => ("un elenco (array JSON)", "a list (a JSON array)"),
            Found::Object => ("un oggetto JSON", "a JSON object"),
            Found::Other => ("{detail}", "{detail}"),
        },
        Param::Wanted(wanted) => match wanted {
            Wanted::Text => ("un testo", "a text"),
            Wanted::Integer => ("un numero intero", "a whole number"),
            Wanted::Natural => ("un numero intero non negativo", "a whole number, 0 or more"),
            Wanted::Boolean => ("`true` o `false`", "`true` or `false`"),
            Wanted::Decimal => ("un numero decimale, come testo (“97.87”) o come numero JSON", "a decimal number, as a string (“97.87”) or a JSON number"),
            Wanted::Date => ("un testo con una data AAAA-MM-GG", "a text with a date YYYY-MM-DD"),
            Wanted::List => ("un elenco (array JSON `[…]`)", "a list (a JSON array `[…]`)"),
            Wanted::Object => ("un oggetto JSON `{…}`", "a JSON object `{…}`"),
            Wanted::Target => (r#"un target come `{"op": ">=", "value": "90"}`"#, r#"a target such as `{"op": ">=", "value": "90"}`"#),
            Wanted::Actual => (r#"un consuntivo come `{"value": "97.87"}`"#, r#"an actual such as `{"value": "97.87"}`"#),
            Wanted::Edit => (
                r#"un oggetto di modifica come `{"edit": "set_actual", "indicator": "I1", "actual": {"value": "90"}}`"#,
                r#"an edit such as `{"edit": "set_actual", "indicator": "I1", "actual": {"value": "90"}}`"#,
            ),
            Wanted::Pair => ("un elenco di due elementi (la colonna e il campo)", "a list of two elements (a column and a field)"),
            Wanted::Other => ("{wanted_text}", "{wanted_text}"),
        },
        Param::Syntax(syntax) => match syntax {
            Syntax::EofList => ("un array `[` non è chiuso", "an array `[` is not closed"),
            Syntax::EofObject => ("un oggetto `{` non è chiuso", "an object `{` is not closed"),
            Syntax::EofString => ("un testo tra virgolette non è chiuso", "a quoted text is not closed"),
            Syntax::EofValue => ("il testo finisce dove è atteso un valore", "the text ends where a value is expected"),
            Syntax::Colon => ("manca `:` dopo il nome di un campo", "a `:` is missing after a key"),
            Syntax::ListComma => ("attesi `,` o `]`", "expected `,` or `]`"),
            Syntax::ObjectComma => ("attesi `,` o `}`", "expected `,` or `}`"),
            Syntax::Ident => {
                ("una parola che JSON non prevede (ammessi `true`, `false` e `null`)", "a word JSON does not have (it has `true`, `false` and `null`)")
            }
            Syntax::Value => ("manca un valore", "a value is missing"),
            Syntax::Quote => ("mancano le virgolette `\"` del nome di un campo", "a key's quotes `\"` are missing"),
            Syntax::Escape => ("una sequenza di escape `\\` non valida", "an invalid `\\` escape"),
            Syntax::Number => ("un numero scritto in modo non valido", "an invalid number"),
            Syntax::NumberRange => ("un numero fuori intervallo", "a number out of range"),
            Syntax::Unicode => ("un codice Unicode non valido", "an invalid Unicode code point"),
            Syntax::Control => ("un carattere di controllo dentro un testo tra virgolette", "a control character inside a quoted text"),
            Syntax::KeyString => ("il nome di un campo va scritto tra virgolette", "a key must be a quoted text"),
            Syntax::Surrogate => ("un surrogato Unicode isolato in un escape `\\u`", "a lone surrogate in a `\\u` escape"),
            Syntax::TrailingComma => ("una virgola di troppo prima di `]` o `}`", "a trailing comma before `]` or `}`"),
            Syntax::TrailingCharacters => ("altro testo dopo la fine del documento JSON", "more text after the end of the JSON document"),
            Syntax::HexEscape => ("un escape `\\u` incompleto", "an incomplete `\\u` escape"),
            Syntax::Recursion => ("annidamento troppo profondo", "nesting too deep"),
            Syntax::Other => ("{detail}", "{detail}"),
        },
        Param::Reason(reason) => match reason {
            DecimalReason::Empty => ("il testo è vuoto", "the text is empty"),
            DecimalReason::Comma => {
                ("i decimali si scrivono con il punto, non con la virgola (`81.5`, non `81,5`)", "write decimals with a dot, not a comma (`81.5`, not `81,5`)")
            }
            DecimalReason::Invalid => {
                ("sono attese cifre, con un eventuale `.` ed esponente (`97.87`, `1e3`)", "expected digits with an optional `.` and exponent (`97.87`, `1e3`)")
            }
            DecimalReason::TooPrecise => (
                "più di 28 cifre significative o decimali: non si può conservare esattamente",
                "more than 28 significant digits or decimal places: it cannot be kept exactly",
            ),
            DecimalReason::TooLarge => {
                ("troppo grande: un decimale arriva al massimo a circa 7,9 × 10²⁸", "too large: a decimal holds at most about 7.9 × 10²⁸")
            }
        },
        Param::Subject(subject) => match subject {
            Subject::Objective => ("l'obiettivo", "objective"),
            Subject::Indicator => ("l'indicatore", "indicator"),
            Subject::Source => ("la fonte", "source"),
            Subject::Unit => ("l'unità organizzativa", "unit"),
            Subject::Cruscotto => ("il cruscotto", "cruscotto"),
            Subject::OwnIndicator => ("l'indicatore proprio", "own indicator"),
            Subject::Group => ("il gruppo", "group"),
        },
        Param::Siblings(siblings) => match siblings {
            Siblings::Objectives => ("obiettivi", "objectives"),
            Siblings::Indicators => ("indicatori", "indicators"),
            Siblings::IndicatorsShared => ("indicatori, con quelli di `shared_indicators`", "indicators, with `shared_indicators`"),
            Siblings::Items => ("voci del cruscotto", "items"),
        },
        Param::Collision(collision) => match collision {
            Collision::Ente => ("`ENTE` è il codice dell'ente stesso", "`ENTE` is the code of the ente itself"),
            Collision::UnitPrefix => (
                "i codici che iniziano con `unit/` sono riservati ai risultati delle unità organizzative",
                "codes starting with `unit/` are reserved for the results of units",
            ),
            Collision::CruscottoPrefix => (
                "i codici che iniziano con `cruscotto/` sono riservati ai risultati dei cruscotti",
                "codes starting with `cruscotto/` are reserved for the results of cruscotti",
            ),
            Collision::Slash => (
                "una `/` qui renderebbe questo id (`cruscotto/C/VOCE`) uguale a quello di un altro",
                "a `/` here would make this id (`cruscotto/C/ITEM`) the same as another's",
            ),
        },
        Param::Expected(expected) => expected_texts(*expected),
        Param::Level(level) | Param::ParentLevel(level) => match level {
            Level::Area => ("un ambito strategico", "a strategic area"),
            Level::Strategic => ("un obiettivo strategico", "a strategic objective"),
            Level::Operational => ("un obiettivo operativo", "an operational objective"),
        },
        Param::Perspective(p) => (labels::perspective(Lang::It, *p), labels::perspective(Lang::En, *p)),
        Param::Unit(unit) => (labels::unit_name(Lang::It, *unit), labels::unit_name(Lang::En, *unit)),
        Param::Verdict(v) | Param::PrintedVerdict(v) => (labels::verdict(Lang::It, Some(*v)), labels::verdict(Lang::En, Some(*v))),
        _ => return None,
    })
}

/// What a cell of an imported table should have held, as the report says it after
/// “atteso:” / “expected”. Examples are quoted as the documents print them (in Italian).
#[inline(never)]
fn expected_texts(expected: Expected) -> Texts {
    match expected {
        Expected::Weight => ("un peso come “20,00 %” o “20”", "a weight such as “20,00 %” or “20”"),
        Expected::Target => (
            "un target come “>= 70,00 %”, “<= 10 gg”, “= 235 N.” o “Entro 31-12-2023”",
            "a target such as “>= 70,00 %”, “<= 10 gg”, “= 235 N.” or “Entro 31-12-2023”",
        ),
        Expected::Actual => (
            "un consuntivo come “97,87 %”, “1.010 N.”, “5,16 gg”, “46 N. / 47 N.”, “31/12/2023”, “N.V.” o “N/D”",
            "an actual such as “97,87 %”, “1.010 N.”, “5,16 gg”, “46 N. / 47 N.”, “31/12/2023”, “N.V.” or “N/D”",
        ),
        Expected::Percent => ("una percentuale come “100,00 %”", "a percentage such as “100,00 %”"),
        Expected::Verdict => (
            "“Raggiunto”, “Parzialmente raggiunto”, “Non raggiunto” o “Non valutabile”",
            "“Raggiunto”, “Parzialmente raggiunto”, “Non raggiunto” or “Non valutabile”",
        ),
        Expected::Unit => ("un'unità di misura: “%”, “N.”, “gg”, “€”, “data” o “SI/NO”", "a unit: “%”, “N.”, “gg”, “€”, “data” or “SI/NO”"),
        Expected::Nothing => (
            "nessun valore in questa colonna (la cella non si colloca sotto nessuna intestazione)",
            "nothing in this column (the cell could not be placed under any heading)",
        ),
        Expected::EmptyColumn => ("un valore per una colonna che la riga precedente ha lasciato vuota", "a value for a column the previous row left empty"),
        Expected::NumberNotDeadline => ("un numero, perché il target non è una scadenza", "a number, as the target is not a deadline"),
        Expected::DateForDeadline => {
            ("una data (o “N.V.”, “N/D”), perché il target è una scadenza (“Entro …”)", "a date (or “N.V.”, “N/D”), as the target is a deadline (“Entro …”)")
        }
        Expected::TargetUnit => ("un valore nell'unità di misura del target", "a value in the unit of the target"),
        Expected::Name => ("il nome dell'indicatore (colonna “INDICATORE”)", "the indicator's name (column “INDICATORE”)"),
        Expected::SiblingWeight => {
            ("un peso, come per gli altri indicatori dello stesso obiettivo", "a weight, as the other indicators of the same objective have one")
        }
        Expected::SpreadsheetError => (
            "un valore: la cella {cell} contiene l'errore {text} (una formula che non si è potuta calcolare)",
            "a value: cell {cell} holds the spreadsheet error {text} (a formula that could not be computed)",
        ),
        Expected::Nan => ("un numero finito: la cella {cell} contiene NaN (non è un numero)", "a finite number: cell {cell} holds NaN (not a number)"),
        Expected::Infinite => (
            "un numero finito: la cella {cell} contiene un numero infinito (oltre ciò che un numero può contenere)",
            "a finite number: cell {cell} holds an infinite number (beyond what a number can hold)",
        ),
    }
}

/// What a cell should have held, in `lang`: `un peso come “20,00 %” o “20”`. An XLSX
/// cell's problem names the `cell` (`D7`) and what it holds (`text`, `#REF!`).
pub(crate) fn expectation(expected: Expected, cell: Option<&str>, text: &str, lang: Lang) -> String {
    let mut params = Params::from([Param::Text(text.to_string())]);
    if let Some(cell) = cell {
        params = params.with(Param::Cell(cell.to_string()));
    }
    let mut missing = None;
    fill(pick(expected_texts(expected), lang), &params, lang, 0, &mut missing)
}

/// Why a row of an imported table was read as it was.
pub(crate) fn note_texts(kind: NoteKind) -> Texts {
    match kind {
        NoteKind::ColumnsNotRead => ("solo celle di colonne non lette", "only cells of columns not read"),
        NoteKind::ContinuesRow => ("continua la riga {row}", "continues row {row}"),
        NoteKind::ContinuesRowFields => ("continua la riga {row} ({headings})", "continues row {row} ({headings})"),
        NoteKind::ContinuesName => ("continua il nome di {code}", "continues the name of {code}"),
        NoteKind::NothingToContinue => ("nessuna riga prima di questa da continuare: non letta", "nothing before this row to continue: not read"),
        NoteKind::ContinuesAsSettings => ("continua la riga {row}, come dicono le impostazioni", "continues row {row}, as the settings say"),
        NoteKind::NoNameNoValue => ("nessun nome di indicatore e nessun valore", "no indicator name and no value"),
        NoteKind::NotAnIndicator => ("testo senza peso, target o valore: non è un indicatore", "text without a weight, target or value: not an indicator"),
        NoteKind::HeaderRepeated => ("riga di intestazione ripetuta", "heading row repeated"),
        NoteKind::IgnoredBySettings => ("ignorata, come dicono le impostazioni", "ignored, as the settings say"),
        NoteKind::Ente => ("l'ente", "the ente"),
        NoteKind::Title => ("titolo", "title"),
        NoteKind::SameCruscotto => ("lo stesso cruscotto, che continua", "the same dashboard, continued"),
        NoteKind::Total => ("totale", "total"),
        NoteKind::TotalFigure => ("il valore del totale qui sopra", "the figure of the total above"),
        NoteKind::HeadingWithoutName => ("intestazione senza nome: non letta", "a heading with no name: not read"),
        NoteKind::Mission => ("missione: i suoi programmi sono gli ambiti", "mission: its programmes are the ambiti"),
        NoteKind::Perspective => ("prospettiva “{perspective}”", "perspective “{perspective}”"),
        NoteKind::PerspectiveUnknown => ("prospettiva non riconosciuta", "perspective not recognised"),
        NoteKind::PrintedAgain => ("l'indicatore della riga {row}, stampato di nuovo", "the indicator of row {row}, printed again"),
    }
}

/// A parameter a template names and the diagnostic does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingParam {
    pub code: Option<Code>,
    pub name: String,
}

impl std::fmt::Display for MissingParam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code {
            Some(code) => write!(f, "{code}: no parameter `{}` for its message", self.name),
            None => write!(f, "no parameter `{}` for the text", self.name),
        }
    }
}

/// The message of `code` with `params`, in `lang`; `Err` names what is missing (a
/// parameter, or a message for the case).
pub(crate) fn render(code: Code, params: &Params, lang: Lang) -> Result<String, MissingParam> {
    let case = params.case().copied();
    let found = MESSAGES.iter().find(|(c, k, _, _)| *c == code && *k == case).or_else(|| MESSAGES.iter().find(|(c, k, _, _)| *c == code && k.is_none()));
    let Some((_, _, it, en)) = found else {
        return Err(MissingParam { code: Some(code), name: format!("case {}", case.map_or("(none)", Case::name)) });
    };
    let mut missing = None;
    let text = fill(pick((*it, *en), lang), params, lang, 0, &mut missing);
    match missing {
        Some(name) => Err(MissingParam { code: Some(code), name }),
        None => Ok(text),
    }
}

/// A template that is not a diagnostic's (a note), filled in `lang`.
pub(crate) fn render_texts(texts: Texts, params: &Params, lang: Lang) -> Result<String, MissingParam> {
    let mut missing = None;
    let text = fill(pick(texts, lang), params, lang, 0, &mut missing);
    match missing {
        Some(name) => Err(MissingParam { code: None, name }),
        None => Ok(text),
    }
}

fn pick(texts: Texts, lang: Lang) -> &'static str {
    lang.pick(texts.0, texts.1)
}

/// The parameter names a template uses, for checking templates against [`Param::NAMES`].
#[cfg(test)]
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let name_end = rest.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(rest.len());
        if name_end > 0 && rest[name_end..].starts_with('}') {
            out.push(&rest[..name_end]);
            rest = &rest[name_end + 1..];
        }
    }
    out
}

/// `template` with each `{name}` replaced by that parameter in `lang`; the first name
/// that is not there is kept in `missing` (and left as written).
fn fill(template: &str, params: &Params, lang: Lang, depth: u8, missing: &mut Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find(|c: char| !(c.is_ascii_lowercase() || c == '_')).unwrap_or(after.len());
        if name_end == 0 || !after[name_end..].starts_with('}') {
            out.push('{');
            rest = after;
            continue;
        }
        let name = &after[..name_end];
        match params.get(name) {
            Some(param) => out.push_str(&value(param, params, lang, depth, missing)),
            None => {
                missing.get_or_insert_with(|| name.to_string());
                out.push_str(&rest[open..open + name_end + 2]);
            }
        }
        rest = &after[name_end + 1..];
    }
    out.push_str(rest);
    out
}

/// One parameter written in `lang`, in its style.
#[inline(never)]
fn value(param: &Param, params: &Params, lang: Lang, depth: u8, missing: &mut Option<String>) -> String {
    let it = lang == Lang::It;
    let code = |s: &str| format!("`{s}`");
    let quoted = |s: &str| format!("“{s}”");
    let list = |items: &[String], wrap: &dyn Fn(&str) -> String, last: &str| -> String {
        let items: Vec<String> = items.iter().map(|s| wrap(s)).collect();
        match items.split_last() {
            None => (if it { "nessuno" } else { "none" }).to_string(),
            Some((only, [])) => only.clone(),
            Some((tail, head)) => format!("{} {last} {tail}", head.join(", ")),
        }
    };
    match (param, param.style()) {
        (_, Style::Word) => match word(param, params) {
            Some(texts) if depth < 4 => fill(pick(texts, lang), params, lang, depth + 1, missing),
            _ => String::new(),
        },
        (Param::Choices(items), _) => list(items, &code, if it { "e" } else { "or" }),
        (Param::Keys(items), _) => list(items, &code, if it { "e" } else { "and" }),
        (Param::Headings(items), _) => items.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", "),
        (Param::Bytes(bytes), _) => {
            let bytes = bytes.join(" ");
            match (it, param_len(param) == 1) {
                (true, true) => format!("il byte {bytes} non è UTF-8"),
                (true, false) => format!("i byte {bytes} non sono UTF-8"),
                (false, true) => format!("byte {bytes} is not UTF-8"),
                (false, false) => format!("bytes {bytes} are not UTF-8"),
            }
        }
        (Param::Delimiter(d), _) if d == "\t" => (if it { "una tabulazione" } else { "a tab" }).to_string(),
        (_, style) => match param.wire() {
            Wire::Text(text) => match style {
                Style::Code | Style::Delimiter => code(text),
                Style::Quoted => quoted(text),
                _ => text.to_string(),
            },
            // Exactly as given: a diagnostic shows the value the author wrote.
            Wire::Decimal(number) => match style {
                Style::Percent => format::percent_in(lang, number, 2),
                _ => format::number_in(lang, number, number.normalize().scale()),
            },
            Wire::Count(count) => match style {
                Style::Thousands => format::number_in(lang, Decimal::from(count), 0),
                _ => count.to_string(),
            },
            Wire::List(items) => items.join(", "),
        },
    }
}

fn param_len(param: &Param) -> usize {
    match param.wire() {
        Wire::List(items) => items.len(),
        _ => 1,
    }
}

// ---- Phrases the shells print around diagnostics -------------------------------------

/// `n` with the singular or the plural of its noun.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `2 errori, 1 avviso` / `2 errors, 1 warning`.
pub fn counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::It => format!("{}, {}", counted(errors, "errore", "errori"), counted(warnings, "avviso", "avvisi")),
        Lang::En => format!("{}, {}", counted(errors, "error", "errors"), counted(warnings, "warning", "warnings")),
    }
}

/// After the first of several problems: `(e altri 2: vedere .diagnostics)`.
pub fn and_more(lang: Lang, more: usize, property: &str) -> String {
    match lang {
        Lang::It if more == 1 => format!("(e un altro: vedere {property})"),
        Lang::It => format!("(e altri {more}: vedere {property})"),
        Lang::En => format!("(and {more} more: see {property})"),
    }
}

/// The path of a problem of the whole document.
pub fn document(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "(documento)",
        Lang::En => "(document)",
    }
}

/// How an import went, in one line: indicators, rows with errors, merged, skipped, read
/// as corrected, and whether there is a plan.
pub fn import_summary(lang: Lang, indicators: usize, errors: usize, merged: usize, skipped: usize, corrected: usize, plan: bool) -> String {
    let mut parts = match lang {
        Lang::It => vec![
            counted(indicators, "indicatore importato", "indicatori importati"),
            counted(errors, "riga con errori", "righe con errori"),
            counted(merged, "riga unita alla riga sopra", "righe unite alla riga sopra"),
            counted(skipped, "riga saltata", "righe saltate"),
        ],
        Lang::En => vec![
            counted(indicators, "indicator imported", "indicators imported"),
            counted(errors, "row with errors", "rows with errors"),
            counted(merged, "row merged into the row above", "rows merged into the row above"),
            counted(skipped, "row skipped", "rows skipped"),
        ],
    };
    if corrected > 0 {
        parts.push(match lang {
            Lang::It => counted(corrected, "riga letta come corretta", "righe lette come corrette"),
            Lang::En => counted(corrected, "row read as corrected", "rows read as corrected"),
        });
    }
    let mut line = parts.join(", ");
    if !plan {
        line.push_str(match lang {
            Lang::It => "; nessun piano",
            Lang::En => "; no plan",
        });
    }
    line
}

/// A correction of the import's settings for a row the table does not have.
pub fn unused_correction(lang: Lang, role: &str) -> String {
    match lang {
        Lang::It => format!("la tabella non ha questa riga (o la riga è vuota): la correzione in “{role}” non è stata usata"),
        Lang::En => format!("no such row (or an empty one): the correction to {role} was not used"),
    }
}

/// A cell the importer could not read, as the command line reports it under its row:
/// `colonna 5 “TARGET”: “almeno settanta” non si legge; atteso: un target come …`.
pub fn cell_problem(lang: Lang, column: usize, header: &str, text: &str, expected: &str) -> String {
    let text = text.trim();
    match lang {
        Lang::It if text.is_empty() => format!("colonna {column} “{header}”: la cella è vuota; atteso: {expected}"),
        Lang::It => format!("colonna {column} “{header}”: “{text}” non si legge; atteso: {expected}"),
        Lang::En if text.is_empty() => format!("column {column} “{header}”: the cell is empty: expected {expected}"),
        Lang::En => format!("column {column} “{header}”: cannot read “{text}”: expected {expected}"),
    }
}

/// One table found in a PDF, for the list the user chooses from: `tabella 2: pagine 3–5,
/// 40 righe, 5 colonne; intestazione: PESO | INDICATORE | …` (the number is 1-based).
pub fn pdf_table_line(lang: Lang, number: usize, pages: &[usize], rows: usize, columns: usize, header: Option<&[String]>) -> String {
    let several = pages.len() > 1;
    let pages = crate::import::listing::page_list(pages);
    let heading = header.map(|h| h.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" | "));
    match lang {
        Lang::It => {
            let mut line = format!(
                "tabella {number}: {} {pages}, {}, {}",
                if several { "pagine" } else { "pagina" },
                counted(rows, "riga", "righe"),
                counted(columns, "colonna", "colonne")
            );
            line.push_str(&heading.map_or_else(|| "; nessuna intestazione riconosciuta".to_string(), |h| format!("; intestazione: {h}")));
            line
        }
        Lang::En => {
            let mut line = format!(
                "table {number}: {} {pages}, {}, {}",
                if several { "pages" } else { "page" },
                counted(rows, "row", "rows"),
                counted(columns, "column", "columns")
            );
            line.push_str(&heading.map_or_else(|| "; no heading recognised".to_string(), |h| format!("; heading: {h}")));
            line
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every vocabulary, as a parameter, for checking their texts.
    fn every_word() -> Vec<Param> {
        let mut all: Vec<Param> = Vec::new();
        all.extend(Problem::ALL.iter().map(|w| Param::Problem(*w)));
        all.extend(Found::ALL.iter().map(|w| Param::Found(*w)));
        all.extend(Wanted::ALL.iter().map(|w| Param::Wanted(*w)));
        all.extend(Syntax::ALL.iter().map(|w| Param::Syntax(*w)));
        all.extend(DecimalReason::ALL.iter().map(|w| Param::Reason(*w)));
        all.extend(Subject::ALL.iter().map(|w| Param::Subject(*w)));
        all.extend(Siblings::ALL.iter().map(|w| Param::Siblings(*w)));
        all.extend(Collision::ALL.iter().map(|w| Param::Collision(*w)));
        all.extend(Expected::ALL.iter().map(|w| Param::Expected(*w)));
        all
    }

    #[test]
    fn every_template_names_real_parameters_and_every_code_has_a_message() {
        let mut templates: Vec<&str> = MESSAGES.iter().flat_map(|(_, _, it, en)| [*it, *en]).collect();
        let variants = [Params::default(), Params::from([Param::Choices(vec![]), Param::Wanted(Wanted::Actual), Param::Text("x".into())])];
        for params in &variants {
            for param in every_word() {
                let (it, en) = word(&param, params).expect("a word has texts");
                templates.extend([it, en]);
            }
        }
        templates.extend(NoteKind::ALL.iter().flat_map(|k| [note_texts(*k).0, note_texts(*k).1]));
        for template in templates {
            for name in placeholders(template) {
                assert!(Param::NAMES.contains(&name), "`{{{name}}}` in “{template}” is no parameter");
            }
            assert!(!template.is_empty());
        }
        for &code in Code::ALL {
            assert!(MESSAGES.iter().any(|(c, _, _, _)| *c == code), "{code} has no message");
        }
        for (i, (code, case, _, _)) in MESSAGES.iter().enumerate() {
            assert!(!MESSAGES[..i].iter().any(|(c, k, _, _)| c == code && k == case), "{code} {case:?} twice");
        }
    }

    #[test]
    fn parameters_are_written_in_the_readers_notation() {
        let params = Params::from([Param::Siblings(Siblings::Objectives), Param::Sum(Decimal::parse("1503.5").unwrap())]);
        assert_eq!(
            render(Code::WeightsNot100, &params, Lang::It).unwrap(),
            "i pesi di questo elenco (obiettivi) sommano a 1.503,5, non a 100: sono usati in proporzione"
        );
        assert_eq!(
            render(Code::WeightsNot100, &params, Lang::En).unwrap(),
            "the weights of these objectives sum to 1,503.5, not 100: they are used in proportion"
        );
        let missing = render(Code::WeightsNot100, &Params::default(), Lang::It).unwrap_err();
        assert_eq!(missing.name, "siblings");
        let choices = Params::from([
            Param::Problem(Problem::UnknownVariant),
            Param::Json("zona".into()),
            Param::Choices(vec!["area".into(), "strategic".into(), "operational".into()]),
        ]);
        assert_eq!(render(Code::WrongShape, &choices, Lang::It).unwrap(), "valore `zona` non previsto: atteso uno tra `area`, `strategic` e `operational`");
        assert_eq!(placeholders(r#"a {b} `{"op": 1}` {…} {c_d}"#), ["b", "c_d"]);
    }
}
