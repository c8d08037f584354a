// argmap: defines <argument-map> and exports mount(element, options).
// Hosts need only: <script type="module" src=".../argmap.js"></script>
//
//   <argument-map src="maps/x.json" lang="en" theme="auto" height="30rem" tour></argument-map>
//   <argument-map lang="zh"><script type="application/json">{ …the map… }</script></argument-map>
//
// Attributes: src (a map URL) or an inline <script type="application/json"> child; lang;
// loading (eager: load at once; else when within a screen of view, or when first touched);
// theme (light | dark | auto, pure CSS in argmap.css); height (a CSS length, or a number of
// pixels: the widget then scrolls inside it; else it grows with its content); tour (start in the
// guided tour, in large type); history (keep the view in the page URL: standalone page only);
// view (map | outline | auto: the map where the widget is at least 600 px wide, else the outline);
// exercise (predict, then see: a claim's relation and side hidden until the reader guesses).
// Any change after mount updates the widget in place. Every element is independent; elements
// added later mount by themselves. Any other children (e.g. the static fallback that
// `argmap render` writes) show until the widget mounts, and stay if it cannot.
//
// No eval, no inline script or style: works under
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// Written as `new URL('./file', import.meta.url)` and `import('./file')` literally, so that
// bundlers (Vite, webpack, Parcel) see every file and copy them next to the bundle.
const css = new URL('./argmap.css', import.meta.url).href;
let ready;
// One load for every element on the page; a failed one (the network dropped) is forgotten, so
// the next element, or the next change, tries again. The glue module is imported here, not at
// the top: this module then runs at once, so the element is defined and each map's fetch
// starts while the glue and the wasm are still on their way. Resolves with the glue's `mount`.
const start = () =>
  (ready ??= import('./pkg/argmap.js')
    .then((glue) => glue.default({ module_or_path: new URL('./pkg/argmap_bg.wasm', import.meta.url) }).then(() => glue.mount))
    .then((mount) => {
      whenIdle(setUpTheRest);
      return mount;
    })
    .catch((error) => {
      ready = undefined;
      throw error;
    }));
// Once the widget is here for one map, the page's other maps are set up too, one per idle
// moment: the weight (the wasm) is paid already, and a host script waiting on every map's
// `data-state` is not left waiting for a reader to scroll.
const waiting = new Set();
const whenIdle = (f) => ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200));
function setUpTheRest() {
  const [next] = waiting;
  if (!next) return;
  next();
  whenIdle(setUpTheRest);
}
// Nothing is fetched at once: each element asks for the widget when it comes within a screen of
// view, or when the reader first touches it (see `near`), so a map far down a post costs its
// readers nothing until they scroll there. `loading="eager"` asks at once.
// The stylesheet each shadow root links to: ask for it now, too.
if (!document.querySelector(`link[rel=preload][href="${css}"]`)) {
  const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'style', href: css });
  document.head.append(preload);
}

/**
 * The element's shadow root with the widget's stylesheet in it, and a slot that keeps the
 * element's own content (the fallback) on show meanwhile; resolves once the sheet has loaded, and
 * rejects if it cannot: the widget's first render then measures a styled box, and draws the view that box is
 * wide enough for, once, not one view and then another. A first view drawn from the page's HTML
 * (a declarative shadow root, `argmap render --element`) stays on show instead.
 */
function styled(element) {
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  let link = [...shadow.querySelectorAll('link[rel=stylesheet]')].find((l) => l.href === css);
  // A link the page wrote (a declarative first view) may have settled, loaded or failed, before
  // this script could listen: unless its sheet is there, ask again with a link of our own.
  if (link && !ownLinks.has(link) && !loaded(link)) link = undefined;
  if (!link) {
    link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css });
    ownLinks.add(link);
    if (firstView(element)) shadow.prepend(link);
    else shadow.replaceChildren(link, document.createElement('slot'));
  }
  if (loaded(link)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    // Unstyled, the widget would be a jumble of cards: say so, and keep the map as text.
    const failed = () => reject(new Error(`the stylesheet ${css} could not be loaded`));
    link.addEventListener('load', () => (loaded(link) ? resolve() : failed()), { once: true });
    link.addEventListener('error', failed, { once: true });
  });
}

/** Whether a link's sheet is there, with rules (an error page served as CSS has none). */
function loaded(link) {
  try {
    return link.sheet != null && link.sheet.cssRules.length > 0;
  } catch {
    return link.sheet != null; // another origin's sheet: there, though its rules are not ours to read
  }
}
const ownLinks = new WeakSet();

/** The first view the page drew from its HTML, while it shows. */
const firstView = (element) => [...(element.shadowRoot?.children ?? [])].find((e) => e.classList.contains('am-first')) ?? null;

/**
 * Browsers that do not read declarative shadow roots yet keep `<template shadowrootmode>` as a
 * plain template: attach it here, so they show the first view as soon as this script runs.
 */
function attachDeclared(element) {
  const template = element.querySelector(':scope > template[shadowrootmode]');
  if (!template || element.shadowRoot) return;
  element.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' }).append(template.content);
  template.remove();
}

/**
 * Where the reader is in the first view while the widget is on its way: the nodes they opened
 * (`<details data-node-id>`) and the one they last toggled or moved to, so the widget starts
 * there (`resume`), with keyboard focus if the reader had it in the view.
 */
function watchFirstView(element) {
  const view = firstView(element);
  if (!view) return () => undefined;
  let at;
  const on = (event) => {
    const node = event.target instanceof Element && event.target.closest('[data-node-id]');
    if (node) at = node.getAttribute('data-node-id');
  };
  view.addEventListener('toggle', on, true);
  view.addEventListener('focusin', on);
  return () => {
    const root = view.querySelector('[data-node-id]');
    const open = [...view.querySelectorAll('details[open][data-node-id]')].filter((d) => d !== root).map((d) => d.getAttribute('data-node-id'));
    const focused = view.contains(element.shadowRoot.activeElement);
    return open.length || at ? { open, at, focused } : undefined;
  };
}

// What the element says in its own box when the widget itself cannot load (no wasm, no glue):
// the only words outside the wasm's tables, since the wasm is what failed.
const CANNOT_LOAD = {
  en: ['The interactive map could not be loaded', 'The map as text is below.'],
  zh: ['交互式论证图未能加载', '下面是文字版的论证图。'],
};

/**
 * The widget could not load: a readable alert in the element's box, in the reader's language,
 * with the reason (for the page's author), above whatever the element shows instead (the first
 * view, or its own fallback), never a blank spot.
 */
function unloadable(element, reason) {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const [what, below] = CANNOT_LOAD[lang.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  if (!shadow.querySelector('slot') && !firstView(element)) shadow.append(document.createElement('slot'));
  let alert = [...shadow.children].find((e) => e.classList.contains('am-unloadable'));
  if (!alert) {
    alert = Object.assign(document.createElement('p'), { className: 'am-unloadable' });
    alert.setAttribute('role', 'alert');
    shadow.insertBefore(alert, firstView(element) ?? shadow.querySelector('slot'));
  }
  const shown = firstView(element) || element.querySelector(':scope > :not(script):not(template)');
  alert.textContent = `argmap: ${what} (${reason}).${shown ? ` ${below}` : ''}`;
}

/** The widget is ready beside the first view: the first view goes, the widget shows in its place. */
function takeOver(element, place) {
  const view = firstView(element);
  if (!view) return;
  view.remove();
  for (const e of element.shadowRoot.children) {
    if (!e.hasAttribute('data-pending')) continue;
    e.removeAttribute('data-pending');
    e.style.removeProperty('width');
  }
  if (place?.focused) element.shadowRoot.querySelector('[role=treeitem][tabindex="0"]')?.focus({ preventScroll: true });
}

// One watcher for every element: an element comes near when it is within a screen of view.
const nearing = new WeakMap();
const watcher =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            watcher.unobserve(entry.target);
            nearing.get(entry.target)?.();
          }
        },
        { rootMargin: '100% 0px' },
      )
    : null;

/**
 * Resolves when the element should load: at once with `loading="eager"` (or no
 * IntersectionObserver), else when it comes within a screen of view or the reader first points,
 * touches, focuses or types in it, whichever is first; or, once the widget has loaded for
 * another map on the page, at an idle moment.
 */
function near(element) {
  if (!watcher || element.getAttribute('loading') === 'eager') return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      watcher.unobserve(element);
      nearing.delete(element);
      waiting.delete(go);
      for (const type of ['pointerdown', 'focusin', 'keydown', 'pointerover']) element.removeEventListener(type, go, true);
      resolve();
    };
    nearing.set(element, go);
    waiting.add(go);
    if (ready) ready.then(() => whenIdle(setUpTheRest), () => {});
    watcher.observe(element);
    for (const type of ['pointerdown', 'focusin', 'keydown', 'pointerover']) element.addEventListener(type, go, true);
  });
}

/**
 * Settles with the element's next `argmap:load` (resolves with its detail) or `argmap:error`
 * (rejects with an Error whose `problems` are the event's).
 */
function settled(element) {
  return new Promise((resolve, reject) => {
    const done = (event) => {
      element.removeEventListener('argmap:load', done);
      element.removeEventListener('argmap:error', done);
      if (event.type === 'argmap:load') resolve(event.detail);
      else reject(Object.assign(new Error('argmap: the map could not be shown'), { problems: event.detail?.problems ?? [] }));
    };
    element.addEventListener('argmap:load', done);
    element.addEventListener('argmap:error', done);
  });
}

/** The map's fetch, begun now so it runs while the wasm loads; the widget awaits it. */
function prefetch(options) {
  if (!options.src || options.json) return undefined;
  const response = fetch(new URL(options.src, document.baseURI));
  response.catch(() => {}); // the widget reports failures; an unused fetch must not
  return response;
}

/**
 * Mount a map into `element` (its shadow root): options { src } or { json }, { lang }, { tour }.
 * Resolves with the widget once the map is drawn and takes input (`argmap:load`): then
 * widget.reveal(id), widget.update(options) with the same options, widget.destroy(). Rejects
 * when the map cannot be shown (`error.problems`, as `argmap:error` gives them; the widget
 * stays, showing them).
 */
export async function mount(element, options = {}) {
  const prefetched = prefetch(options);
  element.setAttribute('data-state', 'loading');
  attachDeclared(element);
  const place = watchFirstView(element);
  const [mountWidget] = await Promise.all([start(), styled(element)]).catch((error) => {
    unloadable(element, String(error?.message ?? error));
    throw error;
  });
  const shown = settled(element);
  const resume = place();
  element.addEventListener('argmap:load', () => takeOver(element, resume), { once: true });
  const widget = mountWidget(element, { css, prefetched, resume, ...options });
  await shown;
  return widget;
}

/** A boolean attribute: present and not "false". */
const flag = (element, name) => element.hasAttribute(name) && element.getAttribute(name) !== 'false';

/**
 * Tells apart unnamed elements that show the same map, for the widget's per-tab storage: the
 * first keeps the plain key, the n-th of the same `src` gets "n". An element with an id uses it.
 */
function instanceOf(element) {
  if (element.id) return element.id;
  const src = element.getAttribute('src');
  const same = [...document.querySelectorAll('argument-map:not([id])')].filter((e) => e.getAttribute('src') === src);
  const at = same.indexOf(element);
  return at > 0 ? String(at + 1) : undefined;
}

/** The widget's options as the element's attributes and inline JSON say now. */
function optionsOf(element, instance) {
  const inline = element.querySelector(':scope > script[type="application/json"]');
  const attr = (name) => element.getAttribute(name) || undefined;
  return {
    src: attr('src'),
    json: inline ? inline.textContent : undefined,
    // The element's own language, else the page's around it (`<html lang>`).
    lang: attr('lang') ?? (element.closest('[lang]')?.getAttribute('lang') || undefined),
    tour: flag(element, 'tour'),
    history: flag(element, 'history'),
    view: attr('view'),
    exercise: flag(element, 'exercise'),
    instance,
  };
}

/** `height` as CSS: a bare number means pixels; anything CSS cannot take is ignored. */
function cssHeight(value) {
  if (value == null) return '';
  const trimmed = value.trim();
  const length = /^\d+(\.\d+)?$/.test(trimmed) ? `${trimmed}px` : trimmed;
  return CSS.supports('height', length) ? length : '';
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

class ArgumentMapElement extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'tour', 'history', 'height', 'view', 'exercise'];

  #widget = null;     // the mounted widget, once mounted
  #options = null;    // the options it shows
  #busy = false;      // a mount is in flight
  #queued = false;    // a sync is queued for the next microtask
  #failed = null;     // options whose mount failed: not retried until they change
  #height = '';       // the height this element set on its own style, to undo only that
  #observer = null;   // watches the inline JSON child
  #instance;          // the storage key suffix, fixed at first mount
  #pendingReveal;     // a reveal() asked for before the widget was there
  #near;              // resolves once the element is near the screen or touched
  #place;             // where the reader is in the first view from the HTML, if there is one

  connectedCallback() {
    attachDeclared(this);
    this.#place ??= watchFirstView(this);
    this.#applyHeight();
    this.#observer ??= new MutationObserver(() => this.#sync());
    // Inline JSON may arrive after the element (streamed HTML, or a script filling it in).
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#sync();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    // Moving the element (removed and re-added at once) keeps the widget and the reader's place.
    this.#sync();
  }

  attributeChangedCallback(name) {
    if (name === 'height') this.#applyHeight();
    else this.#sync();
  }

  /** The mounted widget, for scripts that want to call it (undefined until mounted). */
  get widget() {
    return this.#widget ?? undefined;
  }

  /**
   * Open the path to node `id`, select it and bring it into view; keyboard focus stays where
   * the reader has it. Returns whether the node was found (an unknown id only warns in the
   * console; nothing throws). Before the map is ready (`data-state` not `ready`) the call is
   * queued and returns false: the last one asked is applied once, as the map comes up.
   */
  reveal(id) {
    if (!this.#widget) {
      this.#pendingReveal = String(id);
      return false;
    }
    try {
      return this.#widget.reveal(String(id));
    } catch (error) {
      console.warn('argmap: reveal failed', error);
      return false;
    }
  }

  #applyHeight() {
    const height = cssHeight(this.getAttribute('height'));
    // Leave alone any height the host page set on the element's style itself.
    if (this.style.height === this.#height || height) this.style.height = height;
    this.#height = height;
  }

  /** Bring the widget in line with the element, once per burst of changes. */
  #sync() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#reconcile();
    });
  }

  async #reconcile() {
    // One mount at a time; whatever changed meanwhile is applied when it lands (see finally).
    if (this.#busy) return;
    if (!this.isConnected) {
      this.#widget?.destroy();
      this.#widget = this.#options = null;
      return;
    }
    this.#instance ??= instanceOf(this);
    const options = optionsOf(this, this.#instance);
    if (!options.src && !options.json) {
      // Nothing to show (yet, or any more): take the widget down; it gives the element's own
      // content, such as the static fallback, back to the page.
      if (this.#widget) {
        this.#widget.destroy();
        this.#widget = this.#options = null;
      }
      this.removeAttribute('data-state');
      return;
    }
    if (this.#widget) {
      if (!same(options, this.#options)) {
        this.#widget.update(options);
        this.#options = options;
      }
      return;
    }
    if (this.#failed && same(options, this.#failed)) return;
    this.#busy = true;
    let tried = options;
    this.setAttribute('data-state', 'loading');
    try {
      await (this.#near ??= near(this));
      const wanted = optionsOf(this, this.#instance);
      const prefetched = prefetch(wanted);
      const [mountWidget] = await Promise.all([start(), styled(this)]);
      // The attributes as they are now, not as they were when loading began.
      tried = optionsOf(this, this.#instance);
      if (this.isConnected && (tried.src || tried.json)) {
        const early = tried.src === wanted.src ? prefetched : undefined;
        const resume = this.#place?.();
        this.addEventListener('argmap:load', () => takeOver(this, resume), { once: true });
        for (const alert of this.shadowRoot?.querySelectorAll('.am-unloadable') ?? []) alert.remove();
        this.#widget = mountWidget(this, { css, ...tried, prefetched: early, resume });
        this.#options = tried;
        this.#failed = null;
        // The widget queues it until its map is up.
        if (this.#pendingReveal) this.#widget.reveal(this.#pendingReveal);
        this.#pendingReveal = undefined;
      }
    } catch (error) {
      // One broken widget must not stop the others or the host page; any fallback stays.
      this.#failed = tried;
      console.error('argmap:', error);
      unloadable(this, String(error?.message ?? error));
      this.setAttribute('data-state', 'error');
      const problems = [{ path: '', line: null, column: null, message: String(error?.message ?? error), text: String(error?.message ?? error) }];
      this.dispatchEvent(new CustomEvent('argmap:error', { bubbles: true, composed: true, detail: { problems } }));
    } finally {
      this.#busy = false;
      this.#sync();
    }
  }
}

if (!customElements.get('argument-map')) customElements.define('argument-map', ArgumentMapElement);

// ---- the host's prose points into the map ----
// Any element with data-argmap-node="ID" (and data-argmap="element-id" when the page has several
// maps) is a link into the map: a click, or Enter on it, reveals that node and brings the map
// into view. With the `steps` attribute on the map, those elements also reveal their node as
// they reach the middle of the viewport (scrollytelling), unless the reader is using the map.

/** The map a pointer element means: the one it names, else the page's first. */
function mapFor(pointer) {
  const named = pointer.getAttribute('data-argmap');
  const map = named ? document.getElementById(named) : document.querySelector('argument-map');
  return map instanceof ArgumentMapElement ? map : null;
}

function follow(pointer, scroll) {
  const map = mapFor(pointer);
  const id = pointer.getAttribute('data-argmap-node');
  if (!map || !id) {
    console.warn('argmap: no map for', pointer);
    return;
  }
  map.reveal(id);
  if (scroll) map.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

if (!window.argmapPointers) {
  window.argmapPointers = true;
  document.addEventListener('click', (event) => {
    const pointer = event.target instanceof Element && event.target.closest('[data-argmap-node]');
    if (!pointer) return;
    // A real link keeps its own behaviour only when it goes somewhere else.
    if (pointer.matches('a[href]:not([href^="#"])')) return;
    event.preventDefault();
    follow(pointer, true);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.target instanceof Element)) return;
    const pointer = event.target.closest('[data-argmap-node]');
    // Buttons and links already turn Enter into a click.
    if (pointer && !pointer.matches('a[href], button')) follow(pointer, true);
  });
  // Scroll steps: the pointer elements of maps with `steps`, as they cross the middle.
  const steps = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const map = mapFor(entry.target);
        // Never fight a reader who is working in the map.
        if (!map || !map.hasAttribute('steps') || map.matches(':focus-within, :hover')) continue;
        follow(entry.target, false);
      }
    },
    { rootMargin: '-45% 0px -45% 0px' },
  );
  const watch = () => document.querySelectorAll('[data-argmap-node]').forEach((p) => steps.observe(p));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();
}
