// Injected into every benchmark page before its own scripts (playwright addInitScript).
// window.__bench: wasm memories, and "painted" timing helpers shared by argmap and Markmap.
//
// "Painted" means: the DOM state we wait for was present when a frame was rendered, and that
// frame's rendering is over. Two ways to know it:
// - the action runs inside a requestAnimationFrame callback (the start of frame N); if the state
//   holds after the microtasks the action queued (Yew renders in a microtask), it was in place
//   before frame N's style, layout and paint, so a task posted now runs after that paint;
// - otherwise, once per frame: a requestAnimationFrame callback registered from a task after the
//   previous frame (so it runs after the callbacks the page registered during that frame, e.g.
//   d3's transition timers) checks the state; when it holds, the frame about to render shows it,
//   and a task posted from there runs after its paint.
// The time is read in that posted task (a MessageChannel message, not setTimeout's 1 ms clamp).
(() => {
  const B = (window.__bench = { memories: [] });

  // Every wasm memory the page instantiates, to read its size.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result instanceof WebAssembly.Instance ? result : result.instance;
      for (const value of Object.values(instance?.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) B.memories.push(value);
      }
      return result;
    };
  }
  B.wasmBytes = () => B.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);

  const postTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  };
  const microtasks = async (n) => {
    for (let i = 0; i < n; i++) await null;
  };

  /** Resolves with performance.now() after the first frame painted while done() holds. */
  B.whenPainted = (done, timeout = 300000) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const nextFrame = () =>
        requestAnimationFrame(() => {
          let ok = false;
          try { ok = done(); } catch { ok = false; }
          if (ok) postTask(() => resolve(performance.now()));
          else if (performance.now() - start > timeout) reject(new Error(`not painted within ${timeout} ms`));
          else postTask(nextFrame);
        });
      postTask(nextFrame);
    });

  /** Runs action at the start of a frame; resolves with ms until done() is painted. */
  B.measure = (action, done, timeout) =>
    new Promise((resolve, reject) => {
      requestAnimationFrame(async () => {
        const t0 = (B.lastT0 = performance.now());
        try { action(); } catch (e) { reject(e); return; }
        await microtasks(50);
        let ok = false;
        try { ok = done(); } catch { ok = false; }
        // Diagnostics: the script part (the action and the microtasks it queued) when the view
        // was already complete then; the rest is style, layout and paint.
        B.lastScript = ok ? performance.now() - t0 : null;
        if (ok) postTask(() => resolve(performance.now() - t0));
        else B.whenPainted(done, timeout).then((t) => resolve(t - t0), reject);
      });
    });

  const params = new URLSearchParams(location.search);
  const expect = Number(params.get('expect'));

  // ------------------------------------------------------------------ argmap
  const shadow = () => document.querySelector('argument-map')?.shadowRoot;
  const rows = () => shadow()?.querySelectorAll('[role=treeitem]') ?? [];
  const row = (id) => shadow()?.querySelector(`[role=treeitem][data-node-id="${CSS.escape(id)}"]`);
  // The widget puts rows in the page a batch at a time (more as the reader scrolls): a view is
  // complete when every row it should have is there, or when the batch is full and the "more"
  // marker after the tree shows.
  const more = () => shadow()?.querySelector('.am-more');
  // The map view draws only the cards near the view on a huge map; its tree says how many rows
  // the view has (data-shown), and a drawn card is painted once placed.
  const mapTree = () => shadow()?.querySelector('[role=tree][data-view="map"]');
  const isMap = () => !!mapTree();
  const mapShows = (expected) =>
    Number(mapTree().dataset.shown) === expected && rows().length > 0 && [...rows()].every((r) => r.hasAttribute('data-placed'));
  const complete = (expected) => {
    if (isMap()) return mapShows(expected);
    const n = rows().length;
    return n === expected || (n > 0 && n < expected && more() != null && !more().hidden);
  };
  const open = (id) => row(id)?.getAttribute('aria-expanded') === 'true';
  B.argmap = {
    rows: () => rows().length,
    expandAllButton: () => !!shadow()?.querySelector('[data-action="expand-all"]'),
    /** Click a row; wait until its children's rows are painted. */
    expand: (id, children, expected) =>
      // (On a huge map the first child may be drawn only once the view comes near it.)
      B.measure(() => row(id).click(), () => open(id) && (isMap() || !!row(children[0])) && complete(expected)),
    /**
     * The toolbar's expand-all; resolves when its first rows are painted, none of them closed.
     * B.allRows then resolves with the ms (from the same click) until every row is in the page
     * and painted, or null if the widget stops adding rows before that (within 30 s).
     */
    expandAll: (total) => {
      const first = B.measure(
        () => shadow().querySelector('[data-action="expand-all"]').click(),
        () => {
          const ok = complete(total) && !shadow().querySelector('[role=treeitem][aria-expanded="false"]');
          if (ok) B.rowsAtDone = rows().length;
          return ok;
        },
      );
      B.allRows = first.then(() => {
        const t0 = B.lastT0;
        return B.whenPainted(() => (isMap() ? mapShows(total) : rows().length === total), 30000).then((t) => t - t0, () => null);
      });
      return first;
    },
    /** A click on an open row with everything shown: wait until the rows below it are gone. */
    collapse: (id, nextId, expected) =>
      B.measure(
        () => row(id).click(),
        () => row(id)?.getAttribute('aria-expanded') === 'false' && complete(expected) &&
          // The outline lists rows in tree order; the map view orders its cards by side.
          (isMap() || row(id).nextElementSibling?.getAttribute('data-node-id') === nextId),
      ),
    /**
     * No expand-all control: click the first closed row, press `*` (open every sibling), let the
     * widget render, and again, until no row is closed. Resolves with ms and the clicks + presses.
     */
    starSweep: (total, timeout) =>
      new Promise((resolve, reject) => {
        requestAnimationFrame(async () => {
          const t0 = performance.now();
          let presses = 0;
          for (;;) {
            const closed = shadow().querySelector('[role=treeitem][aria-expanded="false"]');
            if (!closed) break;
            // A click selects (and opens) it; `*` then opens its siblings (the key acts on the
            // selected row, not on the focused element).
            closed.click();
            await microtasks(50);
            const selected = shadow().querySelector('[role=treeitem][aria-selected="true"]') ?? closed;
            selected.dispatchEvent(new KeyboardEvent('keydown', { key: '*', bubbles: true, cancelable: true }));
            presses += 2;
            await microtasks(50);
            if (performance.now() - t0 > timeout) return resolve({ ms: null, presses, timedOut: true });
          }
          B.whenPainted(() => rows().length === total).then((t) => resolve({ ms: t - t0, presses }), reject);
        });
      }),
  };

  // ------------------------------------------------------------------ Markmap
  const nodes = () => document.querySelectorAll('svg#mm > g > g.markmap-node');
  const settled = (gs, expected) => {
    if (gs.length !== expected) return false;
    // foreignObject is each node's last child; its transition ends at opacity 1.
    for (const g of gs) if (g.lastElementChild?.style.opacity !== '1') return false;
    return true;
  };
  const gOf = (id) => [...nodes()].find((g) => g.__data__?.payload?.id === id);
  const click = (el, ctrl = false) =>
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window, ctrlKey: ctrl }));
  B.markmap = {
    nodes: () => nodes().length,
    expand: (id, children, expected) => B.measure(() => click(gOf(id).querySelector(':scope > circle')), () => settled(nodes(), expected)),
    /** markmap-view's own recursive toggle (what Ctrl+click does) on a folded root. */
    expandAll: (total) => {
      const all = B.measure(() => {
        const root = window.__mm.state.data;
        root.payload = { ...root.payload, fold: 1 };
        window.__mm.toggleNode(root, true);
      }, () => {
        const ok = settled(nodes(), total);
        if (ok) B.rowsAtDone = total;
        return ok;
      });
      B.allRows = all;
      return all;
    },
    collapse: (id, nextId, expected) => B.measure(() => click(gOf(id).querySelector(':scope > circle')), () => settled(nodes(), expected)),
  };

  // ------------------------------------------------------------------ first painted map
  const isMarkmap = location.pathname.includes('markmap');
  const isArgmap = !!expect && !isMarkmap;
  if (isArgmap || (isMarkmap && expect)) {
    B.firstPaint = B.whenPainted(() =>
      isArgmap
        ? complete(expect)
        : settled(nodes(), expect) && document.querySelector('svg#mm > g')?.hasAttribute('transform'),
    );
  }
})();
