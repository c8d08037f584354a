// argmap: defines <argument-map> and exports mount(element, options).
// Hosts need only: <script type="module" src=".../argmap.js"></script>
import init, { mount as mountWidget } from './pkg/argmap.js';

const here = new URL('.', import.meta.url);
let ready;
const start = () => (ready ??= init({ module_or_path: new URL('pkg/argmap_bg.wasm', here) }));

/** Mount a map into `element`: options { src } or { json }, and { lang }. Returns the widget. */
export async function mount(element, options = {}) {
  await start();
  return mountWidget(element, { css: new URL('argmap.css', here).href, ...options });
}

function optionsOf(element) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  return {
    src: element.getAttribute('src') ?? undefined,
    json: inline ? inline.textContent : undefined,
    lang: element.getAttribute('lang') ?? undefined,
  };
}

class ArgumentMapElement extends HTMLElement {
  static observedAttributes = ['src', 'lang'];

  async connectedCallback() {
    if (this.widget || this.mounting) return;
    this.mounting = true;
    try {
      this.widget = await mount(this, optionsOf(this));
    } catch (error) {
      // One broken widget must not stop the others or the host page.
      console.error('argmap:', error);
    } finally {
      this.mounting = false;
    }
  }

  attributeChangedCallback() {
    this.widget?.update(optionsOf(this));
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = undefined;
  }
}

if (!customElements.get('argument-map')) customElements.define('argument-map', ArgumentMapElement);
