// argmap-frame.js: the parent page's half of the iframe embed. Include it once, then any number of
//   <iframe data-argmap src="/argmap/embed.html?map=…&lang=en" title="…"></iframe>
// and each frame takes the height of the map inside it, as the reader opens and closes nodes.
// An external script (a classic one: `async`, `defer` or `type="module"` all work), so it
// runs under a strict Content-Security-Policy; sizes are set through the CSSOM, which CSP allows.
(() => {
  if (window.argmapFrames) return; // included twice: one listener is enough
  window.argmapFrames = true;

  const frames = () => document.querySelectorAll('iframe[data-argmap]');

  // Defaults only where the page has not styled the frame itself.
  const fit = (frame) => {
    const style = getComputedStyle(frame);
    if (!frame.hasAttribute('width') && style.width === '300px') frame.style.width = '100%';
    if (style.borderTopStyle === 'inset') frame.style.border = '0';
  };

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'argmap:height' || !Number.isFinite(data.height)) return;
    // Only the frame that sent it, and only frames marked for argmap.
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) {
        fit(frame);
        frame.style.height = `${Math.max(0, Math.min(Math.ceil(data.height), 100000))}px`;
        break;
      }
    }
  });

  // Frames that loaded before this script: ask them again.
  const ask = () => {
    for (const frame of frames()) {
      fit(frame);
      frame.contentWindow?.postMessage({ type: 'argmap:ask-height' }, '*');
    }
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', ask, { once: true });
  else ask();
})();
