// Fits every Semaforo <iframe> on the page to its content.
//
// An embedded view posts {type: 'semaforo:height', height, view} to its parent on every
// resize. The message is trusted only from one of this page's iframes (event.source) and
// only from the origin of that iframe's src: another window, or a page the iframe was
// navigated to on another site, cannot resize anything. Only the height attribute is
// set, so the page needs no inline style either.
const MESSAGE = 'semaforo:height';
const MIN = 60;
const MAX = 20000;

function frameOf(source) {
  for (const frame of document.getElementsByTagName('iframe')) {
    if (frame.contentWindow === source) return frame;
  }
  return null;
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== MESSAGE) return;
  const frame = frameOf(event.source);
  if (!frame) return;
  if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < MIN || height > MAX) return;
  frame.height = String(Math.ceil(height));
});
