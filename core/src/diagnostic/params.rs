//! What a diagnostic says, as data: its parameters ([`Param`]), each a named value of a
//! fixed type (a code, a text as the user wrote it, a decimal, a count, a word of a closed
//! vocabulary), so that a program reads `"params": {"sum": "503"}` instead of prose and
//! the core renders the same data in Italian or English (`message.rs`).
//!
//! Every parameter is declared once, below, with its JSON name and its type; the words
//! of each closed vocabulary ([`Case`], [`Problem`], [`Siblings`], [`Expected`], …) are
//! declared with their JSON names only: their texts in both languages are in
//! `message.rs`, beside the messages that use them. In JSON, [`Params`] is an object,
//! `{"siblings": "objectives", "sum": "50"}`: a decimal is a string, as in plans; a count
//! a number; a word its name; a list an array. It reads back to the same values; a
//! parameter it does not know (from a later version) is skipped.

use crate::decimal::Decimal;
use crate::plan::{Level, MeasureUnit, Perspective, Verdict};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares word enums: one variant per word, with its JSON name, so that the enum,
/// `ALL`, the names and the serde forms cannot disagree. Their texts are in `message.rs`.
macro_rules! words {
    ($( $(#[$doc:meta])* pub enum $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $text:literal, )* } )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
            pub enum $name {
                $( $(#[$vdoc])* $variant, )*
            }

            impl $name {
                /// Every word, in declaration order.
                pub const ALL: &'static [$name] = &[$($name::$variant),*];

                /// The word's name in JSON: `snake_case`, stable.
                pub const fn name(self) -> &'static str {
                    match self {
                        $($name::$variant => $text,)*
                    }
                }

                pub fn from_name(name: &str) -> Option<$name> {
                    $name::ALL.iter().copied().find(|w| w.name() == name)
                }
            }

            /// As its name (`"weight"`), where a word is a field of its own (`CellProblem`).
            impl Serialize for $name {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.name())
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let text = String::deserialize(deserializer)?;
                    $name::from_name(&text).ok_or_else(|| de::Error::custom(format_args!("`{text}` is not a {}", stringify!($name))))
                }
            }

            impl Value for $name {
                fn wire(&self) -> Wire<'_> {
                    Wire::Text(self.name())
                }

                fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                    Ok($name::from_name(&map.next_value::<String>()?))
                }
            }
        )*
    };
}

words! {
    /// Which of a code's sentences a diagnostic is, where a code has more than one (the
    /// reason a policy value is out of range, how a quote breaks the CSV rules, …).
    pub enum Case {
        /// A plan or scenario argument that is neither text nor `JSON.stringify`-able.
        NotJsonInput = "not_json_input",
        /// JSON nested deeper than the reader goes.
        TooDeep = "too_deep",
        /// A document that is not a JSON object.
        NotObject = "not_object",
        /// A what-if edit naming a code the plan lacks.
        Edit = "edit",
        /// `missing-reference`: what is missing.
        NoIndicator = "no_indicator",
        NoDocument = "no_document",
        NoUnit = "no_unit",
        NoObjective = "no_objective",
        /// `duplicate-code` without the first definition's path.
        DefinedTwice = "defined_twice",
        /// `duplicate-code` of own indicators or groups in one item list.
        TwiceHere = "twice_here",
        /// `policy-range`.
        Percentage = "percentage",
        NegativePenalty = "negative_penalty",
        DisplayDecimals = "display_decimals",
        /// `actual-target-mismatch`.
        DeadlineNumber = "deadline_number",
        NumberDate = "number_date",
        /// A share link that is not base64.
        NotBase64 = "not_base64",
        /// `unreadable-table`.
        NoXlsx = "no_xlsx",
        MalformedWorkbook = "malformed_workbook",
        NotXlsx = "not_xlsx",
        NoSheet = "no_sheet",
        SheetError = "sheet_error",
        BeyondLimits = "beyond_limits",
        TooManyCells = "too_many_cells",
        /// `unreadable-pdf`, `pdf-cut-short`, `no-pdf-tables`.
        NotPdf = "not_pdf",
        ZipPdf = "zip_pdf",
        TruncatedPdf = "truncated_pdf",
        TooLarge = "too_large",
        NoPages = "no_pages",
        NoText = "no_text",
        NoPdfFeature = "no_pdf_feature",
        TooManyPages = "too_many_pages",
        NoneChosen = "none_chosen",
        /// Past the problems listed one by one, how many more.
        More = "more",
        /// `invalid-utf8`: the replaced bytes are on a later line than the row's start.
        OtherLine = "other_line",
        /// `csv-quote`.
        Unclosed = "unclosed",
        TooLong = "too_long",
        AsWritten = "as_written",
        TextKept = "text_kept",
        /// `weights-normalised` of a node whose printed score is known.
        Printed = "printed",
        /// `bad-argument`.
        DecimalsRange = "decimals_range",
        NotDecimal = "not_decimal",
        Choice = "choice",
    }

    /// How a JSON value failed to read (serde's categories, and the format's own).
    pub enum Problem {
        /// A value of the wrong kind: `found` instead of `wanted`.
        InvalidType = "invalid_type",
        /// A value of the right kind outside what is accepted (`-1` for a count).
        InvalidValue = "invalid_value",
        /// A list of `count` elements where another length is wanted.
        InvalidLength = "invalid_length",
        /// A text that is none of `choices`.
        UnknownVariant = "unknown_variant",
        /// A `field` that is none of `choices`.
        UnknownField = "unknown_field",
        /// A required `field` that is absent.
        MissingField = "missing_field",
        /// A `field` written twice.
        DuplicateField = "duplicate_field",
        /// No value of the kind wanted (`choices` when known).
        MissingValue = "missing_value",
        /// An actual with more than one of its `choices`: `keys`.
        SeveralKeys = "several_keys",
        /// A `text` that is not a decimal, for a `reason`.
        Decimal = "decimal",
        /// A `text` that is not a date `YYYY-MM-DD`.
        Date = "date",
        /// JSON text that is not JSON: a `syntax` error at `line`, `column`.
        Syntax = "syntax",
        /// Anything else: serde's own words, in `detail`.
        Other = "other",
    }

    /// The kind of JSON value found.
    pub enum Found {
        Null = "null",
        Boolean = "boolean",
        Integer = "integer",
        Float = "float",
        String = "string",
        List = "list",
        Object = "object",
        /// Something else, said in `detail`.
        Other = "other",
    }

    /// The kind of value the format wants there.
    pub enum Wanted {
        Text = "text",
        /// A whole number (`i32`, `i64`).
        Integer = "integer",
        /// A whole number, 0 or more (`u32`, `usize`).
        Natural = "natural",
        Boolean = "boolean",
        Decimal = "decimal",
        Date = "date",
        List = "list",
        Object = "object",
        Target = "target",
        Actual = "actual",
        Edit = "edit",
        /// A list of two elements (a column and its field).
        Pair = "pair",
        /// What serde says, in `wanted_text`.
        Other = "other",
    }

    /// What makes JSON text not JSON (serde_json's syntax errors).
    pub enum Syntax {
        EofList = "eof_list",
        EofObject = "eof_object",
        EofString = "eof_string",
        EofValue = "eof_value",
        Colon = "colon",
        ListComma = "list_comma",
        ObjectComma = "object_comma",
        Ident = "ident",
        Value = "value",
        Quote = "quote",
        Escape = "escape",
        Number = "number",
        NumberRange = "number_range",
        Unicode = "unicode",
        Control = "control",
        KeyString = "key_string",
        Surrogate = "surrogate",
        TrailingComma = "trailing_comma",
        TrailingCharacters = "trailing_characters",
        HexEscape = "hex_escape",
        Recursion = "recursion",
        /// serde_json's own words, in `detail`.
        Other = "other",
    }

    /// Why a text is not a decimal (`decimal::ParseError`).
    pub enum DecimalReason {
        Empty = "empty",
        Comma = "comma",
        Invalid = "invalid",
        TooPrecise = "too_precise",
        TooLarge = "too_large",
    }

    /// What a code names.
    pub enum Subject {
        Objective = "objective",
        Indicator = "indicator",
        Source = "source",
        Unit = "unit",
        Cruscotto = "cruscotto",
        OwnIndicator = "own_indicator",
        Group = "group",
    }

    /// Which siblings a set of weights belongs to.
    pub enum Siblings {
        Objectives = "objectives",
        Indicators = "indicators",
        /// An objective's indicators with its `shared_indicators`.
        IndicatorsShared = "indicators_shared",
        /// The items of a cruscotto or group.
        Items = "items",
    }

    /// Why a code would take the id of another result (`evaluate::id_collision`).
    pub enum Collision {
        /// `ENTE` is the ente's.
        Ente = "ente",
        UnitPrefix = "unit_prefix",
        CruscottoPrefix = "cruscotto_prefix",
        /// A `/` in a cruscotto's, group's or own indicator's code.
        Slash = "slash",
    }

    /// What a cell of an imported table should have held (`import::CellProblem`).
    pub enum Expected {
        Weight = "weight",
        Target = "target",
        Actual = "actual",
        Percent = "percent",
        Verdict = "verdict",
        Unit = "unit",
        /// A cell that could not be placed under any heading.
        Nothing = "nothing",
        /// A cell of a row continuing the previous one that fits no empty column.
        EmptyColumn = "empty_column",
        /// A date as the actual of a numeric target.
        NumberNotDeadline = "number_not_deadline",
        /// A number as the actual of a deadline.
        DateForDeadline = "date_for_deadline",
        /// A value in another unit than the target's.
        TargetUnit = "target_unit",
        /// An indicator row without a name.
        Name = "name",
        /// An indicator without a weight among weighted siblings.
        SiblingWeight = "sibling_weight",
        /// An XLSX cell holding an error (`#REF!`): the `cell`, and the error as `text`.
        SpreadsheetError = "spreadsheet_error",
        /// An XLSX number that is NaN, in `cell`.
        Nan = "nan",
        /// An XLSX number that is infinite, in `cell`.
        Infinite = "infinite",
    }

    /// Why a row of an imported table was read as it was (`import::Note`).
    pub enum NoteKind {
        ColumnsNotRead = "columns_not_read",
        ContinuesRow = "continues_row",
        ContinuesRowFields = "continues_row_fields",
        ContinuesName = "continues_name",
        NothingToContinue = "nothing_to_continue",
        ContinuesAsSettings = "continues_as_settings",
        NoNameNoValue = "no_name_no_value",
        NotAnIndicator = "not_an_indicator",
        HeaderRepeated = "header_repeated",
        IgnoredBySettings = "ignored_by_settings",
        Ente = "ente",
        Title = "title",
        SameCruscotto = "same_cruscotto",
        Total = "total",
        TotalFigure = "total_figure",
        HeadingWithoutName = "heading_without_name",
        Mission = "mission",
        Perspective = "perspective",
        PerspectiveUnknown = "perspective_unknown",
        PrintedAgain = "printed_again",
    }
}

/// How a parameter is written into a message (`message.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// A code, field, key or path of the format: in backquotes, `` `A` ``.
    Code,
    /// Text as the user wrote it: in quotes, “Piano”.
    Quoted,
    /// As it is: a cell name (`D7`), column letters.
    Plain,
    /// A decimal in the reader's notation, with its own decimals (`50,5`, `50.5`).
    Number,
    /// A score: a percent with two decimals (`95,83 %`).
    Percent,
    /// A count as it is (`2023`, `12`).
    Count,
    /// A large count with the reader's thousands separator (`1.000.000`).
    Thousands,
    /// A word of a closed vocabulary, in the reader's language.
    Word,
    /// A list of codes: `` `a`, `b` o `c` ``.
    Choices,
    /// A list of codes found together: `` `a` e `b` ``.
    Keys,
    /// A list of texts: “A”, “B”.
    Texts,
    /// Bytes: `0xE0 0x80`.
    Bytes,
    /// A CSV delimiter: `` `;` ``, or a tab in words.
    Delimiter,
}

/// Declares [`Param`]: one line per parameter (variant, type, JSON name, accessor,
/// style), so that the enum, its names, its serde forms and its accessors agree.
macro_rules! params {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) = $name:literal, $getter:ident, $style:ident; )*) => {
        /// One parameter of a diagnostic (or of an import note): its name is the variant,
        /// its value of the type that name always has.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Param {
            $( $(#[$doc])* $variant($ty), )*
        }

        impl Param {
            /// The parameter's name in JSON and in message templates.
            pub const fn name(&self) -> &'static str {
                match self {
                    $(Param::$variant(_) => $name,)*
                }
            }

            pub(crate) const fn style(&self) -> Style {
                match self {
                    $(Param::$variant(_) => Style::$style,)*
                }
            }

            /// Every parameter name, for checking templates.
            pub const NAMES: &'static [&'static str] = &[$($name),*];
        }

        impl Params {
            $(
                /// The parameter's value, when the diagnostic has it.
                pub fn $getter(&self) -> Option<&$ty> {
                    self.0.iter().find_map(|p| match p {
                        Param::$variant(v) => Some(v),
                        _ => None,
                    })
                }
            )*
        }

        impl Param {
            /// The value as JSON writes it.
            pub(crate) fn wire(&self) -> Wire<'_> {
                match self {
                    $(Param::$variant(v) => v.wire(),)*
                }
            }

            /// The parameter `name` with its value, read as the type that name has; `None`
            /// for a name it does not know (read and left out) or a word it does not know.
            fn read<'de, A: MapAccess<'de>>(name: &str, map: &mut A) -> Result<Option<Param>, A::Error> {
                Ok(match name {
                    $($name => Value::read(map)?.map(Param::$variant),)*
                    _ => {
                        map.next_value::<de::IgnoredAny>()?;
                        None
                    }
                })
            }
        }
    };
}

params! {
    /// Which of the code's sentences (where it has several).
    Case(Case) = "case", case, Word;
    /// How a JSON value failed to read.
    Problem(Problem) = "problem", problem, Word;
    /// The kind of JSON value found.
    Found(Found) = "found", found, Word;
    /// The kind of value wanted.
    Wanted(Wanted) = "wanted", wanted, Word;
    /// What serde says was wanted, when it is none of [`Wanted`].
    WantedText(String) = "wanted_text", wanted_text, Quoted;
    /// What makes a text not JSON.
    Syntax(Syntax) = "syntax", syntax, Word;
    /// Why a text is not a decimal.
    Reason(DecimalReason) = "reason", reason, Word;
    /// What a code names.
    Subject(Subject) = "subject", subject, Word;
    /// Which siblings the weights are of.
    Siblings(Siblings) = "siblings", siblings, Word;
    /// Why a code is reserved.
    Collision(Collision) = "collision", collision, Word;
    /// What a cell should have held.
    Expected(Expected) = "expected", expected, Word;
    /// A level of the tree.
    Level(Level) = "level", level, Word;
    /// The level of the parent.
    ParentLevel(Level) = "parent_level", parent_level, Word;
    /// A perspective of the balanced scorecard.
    Perspective(Perspective) = "perspective", perspective, Word;
    /// A verdict computed (an audit finding's).
    Verdict(Verdict) = "verdict", verdict, Word;
    /// A verdict the document printed.
    PrintedVerdict(Verdict) = "printed_verdict", printed_verdict, Word;
    /// An indicator's unit (`%`, `N.`, `gg`).
    Unit(MeasureUnit) = "unit", unit, Word;

    /// A code of the plan (an objective's, an indicator's, a unit's), or an id.
    Code(String) = "code", code, Code;
    /// A field's name.
    Field(String) = "field", field, Code;
    /// A key of a JSON object.
    Key(String) = "key", key, Code;
    /// A JSON value as written (`"1"`, `2`), or a word of the format (`zona`).
    Json(String) = "json", json, Code;
    /// The path of a first definition.
    First(String) = "first", first, Code;
    /// An argument of the JavaScript package (`lang`, `goal`).
    Argument(String) = "argument", argument, Code;
    /// Another code than the finding's own (the indicator a cause names, a first
    /// definition's).
    Other(String) = "other", other, Code;
    /// A target's operator as the format writes it (`>=`).
    Op(String) = "op", op, Plain;
    /// Text as the user wrote it: a cell, a value.
    Text(String) = "text", text, Quoted;
    /// A field of a CSV as it was read.
    Reading(String) = "reading", reading, Quoted;
    /// A column's heading as written.
    Header(String) = "header", header, Quoted;
    /// A name (of an objective, a cruscotto).
    Name(String) = "name", name, Quoted;
    /// A printed code that is only a prefix.
    Prefix(String) = "prefix", prefix, Quoted;
    /// A sheet of a workbook.
    Sheet(String) = "sheet", sheet, Quoted;
    /// Someone else's words (a library's error), quoted as they are.
    Detail(String) = "detail", detail, Quoted;
    /// A cell of a sheet: `D7`.
    Cell(String) = "cell", cell, Plain;
    /// A sheet's last column read: `ALL`.
    LastColumn(String) = "last_column", last_column, Plain;
    /// A CSV's delimiter.
    Delimiter(String) = "delimiter", delimiter, Delimiter;

    /// The values a field takes, or the fields an object has.
    Choices(Vec<String>) = "choices", choices, Choices;
    /// The keys found together.
    Keys(Vec<String>) = "keys", keys, Keys;
    /// Headings of a table.
    Headings(Vec<String>) = "headings", headings, Texts;
    /// Bytes, as `0xE0`.
    Bytes(Vec<String>) = "bytes", bytes, Bytes;

    /// A value found (a policy value, a budget).
    Value(Decimal) = "value", value, Number;
    /// A sum of weights.
    Sum(Decimal) = "sum", sum, Number;
    /// A weight.
    Weight(Decimal) = "weight", weight, Number;
    /// A computed score.
    Score(Decimal) = "score", score, Percent;
    /// A score the document printed.
    Printed(Decimal) = "printed", printed, Percent;
    /// The policy's critical threshold.
    Critical(Decimal) = "critical", critical, Number;
    /// The policy's tolerance threshold.
    Tolerance(Decimal) = "tolerance", tolerance, Number;
    Numerator(Decimal) = "numerator", numerator, Number;
    /// A tolerance threshold as a place of the document states it.
    StatedTolerance(Decimal) = "stated_tolerance", stated_tolerance, Number;
    /// A critical threshold as a place of the document states it.
    StatedCritical(Decimal) = "stated_critical", stated_critical, Number;
    /// The low end of an interval (included).
    Low(Decimal) = "low", low, Number;
    /// The high end of an interval (excluded).
    High(Decimal) = "high", high, Number;
    /// A target's value.
    Target(Decimal) = "target", target, Number;
    /// An actual as the plan records it.
    Actual(Decimal) = "actual", actual, Number;
    /// An amount in euro.
    Amount(Decimal) = "amount", amount, Number;
    /// A sum of amounts, or a total as printed.
    Total(Decimal) = "total", total, Number;
    Denominator(Decimal) = "denominator", denominator, Number;

    /// A 1-based row of a table.
    Row(u64) = "row", row, Count;
    /// Another 1-based row.
    OtherRow(u64) = "other_row", other_row, Count;
    /// A 1-based column.
    Column(u64) = "column", column, Count;
    /// A 1-based line of a text.
    Line(u64) = "line", line, Count;
    /// A 1-based character of a line.
    Character(u64) = "character", character, Count;
    /// How many.
    Count(u64) = "count", count, Count;
    /// A 1-based page of a PDF.
    Page(u64) = "page", page, Count;
    /// The last 1-based page of a range.
    LastPage(u64) = "last_page", last_page, Count;
    /// The most allowed.
    Max(u64) = "max", max, Count;
    /// A large bound (cells, rows of a sheet).
    Limit(u64) = "limit", limit, Thousands;
    /// Rows of a sheet read at most.
    Rows(u64) = "rows", rows, Thousands;
    /// Columns of a sheet read at most.
    Columns(u64) = "columns", columns, Thousands;
    /// A year.
    Year(u64) = "year", year, Count;
    /// The format's version.
    Version(u64) = "version", version, Count;
}

/// A diagnostic's parameters, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<Param>);

impl Params {
    pub fn iter(&self) -> std::slice::Iter<'_, Param> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The parameter named `name`.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|p| p.name() == name)
    }

    /// With one more parameter.
    pub fn with(mut self, param: Param) -> Params {
        self.0.push(param);
        self
    }
}

impl From<Vec<Param>> for Params {
    fn from(params: Vec<Param>) -> Params {
        Params(params)
    }
}

impl<const N: usize> From<[Param; N]> for Params {
    fn from(params: [Param; N]) -> Params {
        Params(params.into())
    }
}

/// A parameter's value as JSON writes it: every type goes through these few forms, so
/// that writing parameters is one small piece of code whatever their number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Wire<'a> {
    /// A text, a code, a word's name.
    Text(&'a str),
    /// A decimal, written as a string.
    Decimal(Decimal),
    Count(u64),
    List(&'a [String]),
}

/// A type a parameter's value has: how it is written, and read (with the reader of its
/// JSON type, which reading a plan compiles in anyway).
pub(crate) trait Value: Sized {
    fn wire(&self) -> Wire<'_>;
    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error>;
}

impl Value for String {
    fn wire(&self) -> Wire<'_> {
        Wire::Text(self)
    }

    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        map.next_value().map(Some)
    }
}

impl Value for Decimal {
    fn wire(&self) -> Wire<'_> {
        Wire::Decimal(*self)
    }

    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        map.next_value().map(Some)
    }
}

impl Value for u64 {
    fn wire(&self) -> Wire<'_> {
        Wire::Count(*self)
    }

    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        map.next_value().map(Some)
    }
}

impl Value for Vec<String> {
    fn wire(&self) -> Wire<'_> {
        Wire::List(self)
    }

    fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
        map.next_value().map(Some)
    }
}

/// The plan's own words, by their names in the format (a test holds them to serde's).
macro_rules! plan_words {
    ($($t:ident { $($variant:ident = $text:literal,)* })*) => {$(
        impl Value for $t {
            fn wire(&self) -> Wire<'_> {
                Wire::Text(match self {
                    $($t::$variant => $text,)*
                })
            }

            fn read<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Self>, A::Error> {
                Ok(match map.next_value::<String>()?.as_str() {
                    $($text => Some($t::$variant),)*
                    _ => None,
                })
            }
        }
    )*};
}

plan_words! {
    Level { Area = "area", Strategic = "strategic", Operational = "operational", }
    MeasureUnit { Percent = "percent", Number = "number", Days = "days", Euro = "euro", Date = "date", Flag = "flag", }
    Verdict {
        Raggiunto = "raggiunto",
        ParzialmenteRaggiunto = "parzialmente_raggiunto",
        NonRaggiunto = "non_raggiunto",
        NonValutabile = "non_valutabile",
    }
    Perspective {
        UtentiImpreseTerritorio = "utenti_imprese_territorio",
        ProcessiInterni = "processi_interni",
        ApprendimentoCrescita = "apprendimento_crescita",
        EconomicoFinanziaria = "economico_finanziaria",
    }
}

impl Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Wire::Text(text) => serializer.serialize_str(text),
            Wire::Decimal(d) => d.serialize(serializer),
            Wire::Count(n) => serializer.serialize_u64(*n),
            Wire::List(items) => items.serialize(serializer),
        }
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for param in &self.0 {
            map.serialize_entry(param.name(), &param.wire())?;
        }
        map.end()
    }
}

/// A parameter of a later version, or a word it does not know, is skipped.
impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Params, D::Error> {
        struct ParamsVisitor;
        impl<'de> Visitor<'de> for ParamsVisitor {
            type Value = Params;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of parameters")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Params, A::Error> {
                let mut params = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    params.extend(Param::read(&key, &mut map)?);
                }
                Ok(Params(params))
            }
        }
        deserializer.deserialize_map(ParamsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_read_back_as_they_were_written() {
        let params = Params::from([
            Param::Siblings(Siblings::Items),
            Param::Sum(Decimal::parse("50.5").unwrap()),
            Param::Row(12),
            Param::Code("A".into()),
            Param::Choices(vec!["a".into(), "b".into()]),
            Param::Level(Level::Area),
        ]);
        let json = serde_json::to_string(&params).unwrap();
        assert_eq!(json, r#"{"siblings":"items","sum":"50.5","row":12,"code":"A","choices":["a","b"],"level":"area"}"#);
        assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), params);
        let later: Params = serde_json::from_str(r#"{"row": 3, "from_a_later_version": {"x": [1, {}]}, "siblings": "planets"}"#).unwrap();
        assert_eq!(later, Params::from([Param::Row(3)]));
    }

    #[test]
    fn the_plans_words_are_written_as_the_format_writes_them() {
        for level in [Level::Area, Level::Strategic, Level::Operational] {
            assert_eq!(serde_json::to_value(level).unwrap(), serde_json::to_value(level.wire()).unwrap());
        }
        for p in crate::labels::PERSPECTIVES {
            assert_eq!(serde_json::to_value(p).unwrap(), serde_json::to_value(p.wire()).unwrap());
        }
    }

    #[test]
    fn names_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for name in Param::NAMES {
            assert!(seen.insert(name), "{name} twice");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
        }
    }
}
