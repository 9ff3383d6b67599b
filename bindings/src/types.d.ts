// Hand-written types of the package, emitted into semaforo_wasm.d.ts by
// `typescript_custom_section` (src/lib.rs). They mirror the serde shapes of the core
// (core/src/{plan,evaluate,explain,scenario,whatif,diagnostic}.rs); the golden shape of
// each is tested in src/api.rs and tests/e2e-bindings.

/** An exact decimal as the core writes it: a string with a dot, never a float (`"98.961234"`). */
export type Decimal = string;
/** A decimal in input: a string (`"97.87"`, exact) or a number (read through its JSON text). */
export type DecimalInput = string | number;
/** An ISO date: `"2023-12-31"`. */
export type IsoDate = string;

/** A plan: its JSON text, or the same document as an object (read through `JSON.stringify`). */
export type PlanInput = string | Plan;

/** A plan, format version 1 (docs/plan-format.md). Unknown fields are refused with their path. */
export interface Plan {
  version: 1;
  ente: Ente;
  policy?: Policy;
  units?: Unit[];
  /** Indicators outside the tree: measured once, weighed wherever a cruscotto item or an
   *  objective's `shared_indicators` names them; they do not count in the ente's score. */
  indicators?: Indicator[];
  cruscotti?: Cruscotto[];
  sources?: SourceDocument[];
}

export interface Ente {
  code: "ENTE";
  name: string;
  short_name?: string;
  year: number;
  description?: string;
  objectives?: Objective[];
  indicators?: Indicator[];
  /** The body's resources as the document totals them. */
  budget?: Budget;
  published?: Published;
  source?: SourceRef;
}

/** Resources in euro; on a node with children, the document's total for them. */
export interface Budget {
  planned?: DecimalInput;
  spent?: DecimalInput;
  promotional_planned?: DecimalInput;
  promotional_spent?: DecimalInput;
  /** Percent of the ente's promotional resources, as printed. */
  promotional_share?: DecimalInput;
}

export type Level = "area" | "strategic" | "operational";
export type ScoreFrom = "indicators" | "children" | "both";
export type Perspective = "utenti_imprese_territorio" | "processi_interni" | "apprendimento_crescita" | "economico_finanziaria";

export interface Objective {
  code: string;
  level: Level;
  name: string;
  description?: string;
  weight?: DecimalInput;
  score_from?: ScoreFrom;
  perspective?: Perspective;
  mission?: { code: string; name?: string };
  programme?: { code: string; name?: string };
  budget?: Budget;
  units?: string[];
  notes?: string[];
  indicators?: Indicator[];
  shared_indicators?: { indicator: string; weight?: DecimalInput }[];
  objectives?: Objective[];
  published?: Published;
  source?: SourceRef;
}

export type IndicatorKind = "efficacia" | "efficienza" | "qualita" | "volume" | "outcome" | "struttura" | "salute_economica";
export type MeasureUnit = "percent" | "number" | "days" | "euro" | "date" | "flag";

export interface Indicator {
  code: string;
  name: string;
  description?: string;
  algorithm?: string;
  kind?: IndicatorKind;
  unit: MeasureUnit;
  weight?: DecimalInput;
  target?: Target;
  /** Absent: not available yet (N/D). */
  actual?: Actual;
  baseline?: { value: DecimalInput; year?: number; note?: string };
  yearly_targets?: { year: number; target: Target }[];
  benchmarks?: { label: string; value?: DecimalInput; year?: number }[];
  data_source?: string;
  /** The code as the document prints it, where `code` had to differ to stay unique. */
  printed_code?: string;
  /** The same indicator as the document prints it in other places. */
  printed_elsewhere?: { name?: string; algorithm?: string; weight?: DecimalInput; target?: Target; source?: SourceRef }[];
  published?: Published;
  source?: SourceRef;
}

export type Comparison = ">=" | ">" | "<=" | "<" | "=";
export type Target = { op: Comparison; value: DecimalInput } | { op: "by"; date: IsoDate };

export type Actual =
  | { value: DecimalInput }
  | { ratio: { numerator: DecimalInput; denominator: DecimalInput } }
  | { date: IsoDate }
  | { flag: boolean }
  | { not_evaluable: { reason: string } }
  | { not_available: { reason?: string } };

export type Verdict = "raggiunto" | "parzialmente_raggiunto" | "non_raggiunto" | "non_valutabile";

/** Figures as the document printed them, kept beside the computed ones. */
export interface Published {
  score?: Decimal;
  verdict?: Verdict;
  deviation?: string;
  discrepancy?: string;
}

export interface SourceRef { document: string; section?: string; page?: number; line?: number; note?: string }
export interface SourceDocument { id: string; title: string; date?: IsoDate; url?: string }

export type MissedRule = "zero" | "ratio";
export interface Policy {
  tolerance?: DecimalInput;
  critical?: DecimalInput;
  late_penalty_per_day?: DecimalInput;
  at_most_missed?: MissedRule;
  equal_missed?: MissedRule;
  score_from?: ScoreFrom;
  display_decimals?: number;
  /** An N/D indicator with a target: left out (default) or counted as 0 %. */
  not_available?: "excluded" | "zero";
  /** The document is the final report of the year. */
  final_report?: boolean;
  /** Thresholds as each place of the document states them. */
  stated_thresholds?: { tolerance: DecimalInput; critical: DecimalInput; printed?: string; source?: SourceRef }[];
}

export type UnitKind = "area" | "servizio" | "ufficio" | "azienda_speciale";
export interface Unit { code: string; name: string; kind: UnitKind; parent?: string; manager?: string; published?: Published }

export interface Cruscotto { code: string; name: string; unit?: string; manager?: string; items: CruscottoItem[]; published?: Published }
/** Exactly one of `indicator`, `objective`, `own`, `group`. */
export interface CruscottoItem {
  weight?: DecimalInput;
  indicator?: string;
  objective?: string;
  own?: Indicator;
  group?: { code: string; name: string; items: CruscottoItem[]; published?: Published };
}

// ---- Results -------------------------------------------------------------------------

export type Severity = "error" | "warning";

/** Every diagnostic code (docs/plan-format.md, section "Diagnostics"; core/src/diagnostic/code.rs). Stable. */
export type DiagnosticCode =
  | "malformed-json"
  | "missing-version"
  | "unsupported-version"
  | "wrong-shape"
  | "unknown-field"
  | "duplicate-key"
  | "ente-code"
  | "reserved-code"
  | "duplicate-code"
  | "empty-code"
  | "missing-reference"
  | "unit-cycle"
  | "item-shape"
  | "policy-range"
  | "policy-order"
  | "negative-budget"
  | "actual-target-mismatch"
  | "unit-mismatch"
  | "zero-denominator"
  | "ratio-overflow"
  | "missing-actual"
  | "missing-reason"
  | "duplicate-year"
  | "published-range"
  | "missing-weight"
  | "negative-weight"
  | "weights-overflow"
  | "zero-weights"
  | "weights-not-100"
  | "ignored-weight"
  | "unreferenced-indicator"
  | "unusual-nesting"
  | "empty-plan"
  | "bad-share-link"
  | "unreadable-table"
  | "windows-1252"
  | "invalid-utf8"
  | "csv-quote"
  | "unreadable-cell"
  | "unreadable-pdf"
  | "encrypted-pdf"
  | "scanned-pdf"
  | "no-pdf-tables"
  | "pdf-cut-short"
  | "no-header"
  | "unknown-column"
  | "no-indicators"
  | "same-code-different-indicator"
  | "derived-code"
  | "xlsx-fractions"
  | "weights-normalised"
  | "no-ente-name"
  | "no-year"
  | "bad-argument"
  | "bad-scenario"
  | "unknown-id"
  | "internal"
  | "bad-import-options";

/** What a diagnostic found, as data: a decimal is a string (`"sum": "50"`), a count, row or
 *  column a number, a word of a closed list its name (`"siblings": "objectives"`,
 *  `"problem": "invalid_type"`, `"case": "percentage"`), a list an array. Each name always
 *  has the same type (core/src/diagnostic/params.rs). */
export type DiagnosticParams = { [name: string]: string | number | string[] };

/** One problem, with where it is (`ente.objectives[0].indicators[2].weight`; `""` for the whole document). */
export interface Diagnostic {
  severity: Severity;
  /** JSON path into the plan, or into the argument named by it (`goal`, `edits[0].indicator`). */
  path: string;
  /** Stable, for programs: `duplicate-code`, `wrong-shape`, `unknown-field`, `missing-reference`, `bad-argument`, `unknown-id`, … */
  code: DiagnosticCode;
  /** What was found, for programs: read these rather than the message. */
  params: DiagnosticParams;
  /** For people, in the `lang` of the call (Italian unless `"en"`). */
  message: string;
}

/** What every function of the package throws: an `Error` that carries every problem. */
export interface SemaforoError extends Error {
  name: "SemaforoError";
  /** Every diagnostic, at least one of them an error. */
  diagnostics: Diagnostic[];
}

export type NodeKind = "ente" | "area" | "strategic" | "operational" | "unit" | "cruscotto" | "group";

/** One weighted line of a node's score. */
export interface Item { id: string; indicator: boolean; weight?: Decimal }

export interface NodeResult {
  /** Unique: the plan code for the ente and the tree; `unit/CODE`, `cruscotto/CODE`, `cruscotto/CODE/GROUP` otherwise. */
  id: string;
  code: string;
  name: string;
  kind: NodeKind;
  parent?: string;
  weight?: Decimal;
  /** 0-100, exact; absent when nothing below could be scored (see `explanation`). */
  score?: Decimal;
  verdict?: Verdict;
  explanation: Explanation;
  children?: string[];
  indicators?: string[];
  items?: Item[];
  published?: Published;
}

export interface IndicatorResult {
  id: string;
  code: string;
  name: string;
  /** Id of the node it is defined in; absent for one of the plan's `indicators`, which
   *  belongs to no node (the nodes that weigh it list it in their `items`). */
  parent?: string;
  weight?: Decimal;
  /** 0-100, exact; absent for N.V., N/D, or no target. */
  achievement?: Decimal;
  deviation?: { value: Decimal; unit: MeasureUnit };
  verdict?: Verdict;
  explanation: Explanation;
  published?: Published;
}

export interface Term { code: string; id?: string; score: Decimal; weight: Decimal }

/** The rule and inputs behind a number; `rule` tells which. */
export type Explanation =
  | { rule: "met"; comparison: Comparison; actual: Decimal; target: Decimal; unit: MeasureUnit }
  | { rule: "ratio"; comparison: Comparison; actual: Decimal; target: Decimal; unit: MeasureUnit; result: Decimal }
  | { rule: "inverse_ratio"; comparison: Comparison; actual: Decimal; target: Decimal; unit: MeasureUnit; result: Decimal }
  | { rule: "missed_zero"; comparison: Comparison; actual: Decimal; target: Decimal; unit: MeasureUnit; why: string }
  | { rule: "deadline"; deadline: IsoDate; done: IsoDate; days_late: number; penalty_per_day: Decimal; result: Decimal }
  | { rule: "done_flag"; deadline: IsoDate; done: boolean; result: Decimal }
  | { rule: "not_evaluable"; reason: string }
  | { rule: "not_available" }
  | { rule: "not_available_zero" }
  | { rule: "no_target" }
  | { rule: "unscorable"; reason: string }
  | { rule: "weighted_mean"; terms: Term[]; excluded: string[]; equal_weights: boolean; sum_products: Decimal; sum_weights: Decimal; result: Decimal }
  | { rule: "same"; code: string; result: Decimal }
  | { rule: "nothing_to_score"; excluded: string[] };

/** A score that a scenario changed. */
export interface Change {
  id: string;
  code: string;
  indicator: boolean;
  before: Decimal | null;
  after: Decimal | null;
  /** `after − before`, when both exist. */
  delta: Decimal | null;
}

export interface Evaluation {
  /** Ente first, then the tree depth first, then cruscotti and units. */
  nodes: NodeResult[];
  /** The tree's, then the plan's own `indicators` (id = code), then the cruscotti's own. */
  indicators: IndicatorResult[];
  /** The plan's warnings (errors are thrown). */
  warnings: Diagnostic[];
  /** With a scenario: every node and indicator whose score its edits changed. */
  changes?: Change[];
}

/** One change to a plan; indicators are named by their evaluation id. */
export type Edit =
  | { edit: "set_target"; indicator: string; target: Target }
  /** `actual: null` makes the indicator not available (N/D). */
  | { edit: "set_actual"; indicator: string; actual?: Actual | null }
  | { edit: "set_indicator_weight"; indicator: string; weight: DecimalInput }
  | { edit: "set_objective_weight"; objective: string; weight: DecimalInput }
  | { edit: "exclude"; indicator: string; reason: string };

/** A named what-if variant: its edits, applied in order. */
export interface Scenario { name: string; edits?: Edit[]; undone?: Edit[] }

export interface ExplainResult {
  id: string;
  /** True when `id` named an indicator, false for a node. */
  indicator: boolean;
  /** One line a person can check: `242 N. / 400 N. = 60,50 %`. */
  text: string;
  explanation: Explanation;
}

export type Lang = "it" | "en";
export type Unknown = "actual" | "target";
export type SeekValue = { number: Decimal } | { date: IsoDate };

export type GoalSeek =
  | { outcome: "found"; value: SeekValue; achievement: Decimal; edit: Edit; reached: Decimal }
  | { outcome: "any_value"; reached: Decimal }
  | { outcome: "unreachable"; reason: string; lowest: Decimal | null; highest: Decimal | null };

export interface Sensitivity {
  indicator: string;
  /** Points of the node per point of the indicator's achievement. */
  weight_in_node: Decimal;
  /** Points of the node lost per unit the actual slips from its target; absent for a step rule. */
  per_unit?: Decimal;
  unit: MeasureUnit;
}

// ---- The audit (docs/audit.md) --------------------------------------------------------

/** Every audit code (docs/audit.md; core/src/audit/code.rs). Stable. */
export type AuditCode =
  | "published-differs"
  | "verdict-differs"
  | "deviation-differs"
  | "implied-actual"
  | "composition-missing"
  | "thresholds-differ"
  | "not-available-in-final-report"
  | "percent-over-100"
  | "negative-count"
  | "date-outside-year"
  | "ratio-with-count-target"
  | "code-defined-twice"
  | "targets-differ"
  | "weights-differ"
  | "weights-not-100"
  | "objective-without-indicators"
  | "budget-total-differs"
  | "budget-share-differs";

export type AuditSeverity = "error" | "warning" | "notice";

/** Where a finding is: the result (evaluation id and code), the JSON path, and where the plan records its source. */
export interface AuditLocation { id?: string; code?: string; path: string; document?: string; section?: string; page?: number; line?: number }

/** Why a published figure differs, when one explanation reproduces it. */
export type AuditCause =
  | { cause: "weights"; sum: Decimal; implied: Decimal }
  | { cause: "rounded_actual"; indicator: string; printed: Decimal; low: Decimal; high: Decimal }
  | { cause: "missed_rule"; indicator: string; rule: MissedRule }
  | { cause: "excluded"; item: string }
  | { cause: "counted_as_zero"; item: string };

export interface Finding {
  severity: AuditSeverity;
  code: AuditCode;
  location: AuditLocation;
  params: DiagnosticParams;
  cause: AuditCause | null;
  /** What is wrong, in the language asked. */
  message: string;
  /** Why it matters for the score, in the language asked. */
  why: string;
}

export interface AuditResult {
  /** Sorted by severity (errors first), then in the order of the plan. */
  findings: Finding[];
  errors: number;
  warnings: number;
  notices: number;
  /** `1 errore, 30 avvisi, 4 note`. */
  summary: string;
  /** The findings as CSV (CRLF lines, headings in the language asked). */
  csv: string;
}
