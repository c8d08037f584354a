// embed.html?map=<url>&lang=<tag>&theme=light|dark|auto&tour&exercise : one widget filling an iframe.
// Sets the <argument-map> from the query string, and posts the document's height to the parent
// page whenever it changes, as { type: "argmap:height", height } (www/argmap-frame.js there
// resizes the iframe), and forwards the reader's events (argmap:select, argmap:toggle,
// argmap:verdict, argmap:answer) as { type, detail }. No inline script: works under a strict Content-Security-Policy.
const params = new URLSearchParams(location.search);
const map = document.getElementById('map');

map.setAttribute('src', params.get('map') || 'maps/open-vs-closed.json');
const lang = params.get('lang');
if (lang) {
  map.setAttribute('lang', lang);
  document.documentElement.lang = lang;
}
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark' || theme === 'auto') map.setAttribute('theme', theme);
if (params.has('tour') && params.get('tour') !== 'false') map.setAttribute('tour', '');
if (params.has('exercise') && params.get('exercise') !== 'false') map.setAttribute('exercise', '');
const view = params.get('view');
if (view === 'map' || view === 'outline' || view === 'auto') map.setAttribute('view', view);

if (window.parent !== window) {
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // The height is no secret: any parent may have it.
    window.parent.postMessage({ type: 'argmap:height', height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  // The reader's actions, for the parent page (an LMS may turn them into xAPI statements): the
  // same events the element sends, as { type, detail }.
  for (const type of ['argmap:select', 'argmap:toggle', 'argmap:verdict', 'argmap:answer']) {
    map.addEventListener(type, (event) => window.parent.postMessage({ type, detail: event.detail }, '*'));
  }
  // The parent's listener may load after this frame: answer when it asks.
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === 'argmap:ask-height') {
      last = -1;
      report();
    }
  });
}
