// Type-checked (never run) by types.test.mjs against the built bindings/pkg/*.d.ts: the
// package's TypeScript types accept correct use and refuse the mistakes marked below.
import init, {
  evaluate, explain, formatPercent, goalSeek, live, sensitivity, validate,
  type Diagnostic, type DiagnosticCode, type Edit, type Evaluation, type Explanation, type GoalSeek, type Plan, type SemaforoError,
} from '../../bindings/pkg/semaforo_wasm.js';

export async function use(): Promise<string[]> {
  await init();
  const plan: Plan = {
    version: 1,
    ente: {
      code: 'ENTE', name: 'Ente', year: 2023,
      objectives: [{ code: 'A', level: 'area', name: 'a', indicators: [
        { code: 'I', name: 'i', unit: 'number', weight: '50', target: { op: '>=', value: '10' }, actual: { value: 5 } },
        { code: 'D', name: 'd', unit: 'date', target: { op: 'by', date: '2023-05-31' }, actual: { date: '2023-06-26' } },
      ] }],
    },
  };
  const out: string[] = [];
  const evaluation: Evaluation = evaluate(plan);
  const withEdits: Evaluation = evaluate(JSON.stringify(plan), { name: 's', edits: [{ edit: 'exclude', indicator: 'I', reason: 'r' }] });
  const score: string | undefined = evaluation.nodes[0].score;
  const explanation: Explanation = evaluation.nodes[0].explanation;
  if (explanation.rule === 'weighted_mean') out.push(explanation.sum_products, ...explanation.terms.map((t) => t.weight));
  if (explanation.rule === 'deadline') out.push(String(explanation.days_late + 1));
  out.push(explain(plan, 'I').text, explain(plan, 'I', 'en').explanation.rule, formatPercent(score ?? '0'), formatPercent('1', 3));
  const seek: GoalSeek = goalSeek(plan, 'I', 'A', '90', 'actual');
  if (seek.outcome === 'found') { const edit: Edit = seek.edit; out.push(edit.edit); }
  if (seek.outcome === 'unreachable') out.push(seek.reason, seek.lowest ?? '');
  out.push(...sensitivity(plan, 'A').map((s) => s.weight_in_node), ...(withEdits.changes ?? []).map((c) => c.delta ?? ''));
  // A live plan: edits, then look-ups by id.
  const draft = live(plan, 'en');
  draft.edit({ edit: 'set_actual', indicator: 'I', actual: { value: '7' } });
  draft.edit(JSON.stringify({ edit: 'exclude', indicator: 'D', reason: 'r' }));
  out.push(draft.node('A')?.score ?? '', draft.indicator('I')?.achievement ?? '', String(draft.recomputed), String(draft.evaluation().nodes.length));
  const problems: Diagnostic[] = validate('{');
  out.push(...problems.map((d) => `${d.severity} ${d.path} ${d.code} ${d.message}`));
  // Messages in English where asked; codes a union, parameters data.
  const english: Diagnostic[] = validate('{', 'en');
  const code: DiagnosticCode = english[0].code;
  if (code === 'malformed-json') out.push(String(english[0].params.line ?? ''));
  out.push(evaluate(plan, null, 'en').warnings.map((w) => w.message).join(), formatPercent('1', 2, 'en'));
  out.push(goalSeek(plan, 'I', 'A', '90', 'actual', 'it').outcome, String(sensitivity(plan, 'A', 'en').length));
  try {
    evaluate('{');
  } catch (error) {
    out.push(...(error as SemaforoError).diagnostics.map((d) => d.path));
  }

  // @ts-expect-error: decimals are strings, not numbers
  const asNumber: number | undefined = evaluation.nodes[0].score;
  // @ts-expect-error: only "it" and "en"
  explain(plan, 'I', 'fr');
  // @ts-expect-error: only "it" and "en", for every call
  validate(plan, 'de');
  // @ts-expect-error: no such code
  const noCode: DiagnosticCode = 'no-such-code';
  // @ts-expect-error: no such edit
  evaluate(plan, { name: 's', edits: [{ edit: 'delete', indicator: 'I' }] });
  // @ts-expect-error: a live plan's edits are edits too
  draft.edit({ edit: 'delete', indicator: 'I' });
  // @ts-expect-error: an unknown field in a plan
  const typo: Plan = { version: 1, ente: { code: 'ENTE', name: 'E', year: 2023, yeer: 2023 } };
  // @ts-expect-error: goal seek changes the actual or the target
  goalSeek(plan, 'I', 'A', '90', 'weight');
  out.push(String(asNumber), String(typo), noCode);
  return out;
}
