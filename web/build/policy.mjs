// The Content-Security-Policy of the Semaforo app, in one place: csp.mjs writes it into
// the built index.html as a <meta>, and the test server (tests/e2e/server.mjs) sends it
// as a header with `frame-ancestors` added (a <meta> cannot carry that directive).
//
// - script-src 'self' 'wasm-unsafe-eval': the app's own files, and compiling its wasm;
//   no inline script, no eval.
// - style-src 'self': the stylesheet only; no <style> and no style="" attributes.
// - connect-src 'self': the wasm and `?plan=` fetches, nowhere else.
// - img-src data: for the empty favicon (`<link rel="icon" href="data:,">`).
// - frame-ancestors is not here: a <meta> cannot carry it (see headerPolicy).
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // Trusted Types: no string may reach innerHTML, eval or a script URL sink, so even a
  // future Html::from_html_unchecked with plan text would throw instead of injecting.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** The header form: who may frame the app (`'self'` on the test server). */
export function headerPolicy(frameAncestors = "'self'") {
  return `${POLICY}; frame-ancestors ${frameAncestors}`;
}
