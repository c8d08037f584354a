//! How much heap loading a map needs: the peak while it is parsed and decoded, the text
//! included, with the text held throughout (`load_compact`) and freed before linking (the
//! widget's `read_compact`, then `Unlinked::link`), and what the loaded map keeps. Counted by a global allocator, natively
//! (the wasm's allocator differs, the sizes of the values it holds do not).
//!
//! `cargo run --release --example load_memory -- FILE...`

// Natively only: the lint builds every target for wasm too, where the widget has its allocator.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    struct Counting;
    static NOW: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let now = NOW.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            NOW.fetch_sub(layout.size(), Relaxed);
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    pub fn main() {
        for file in std::env::args().skip(1) {
            let read = || std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
            let size = read().len();
            let held = measure(|| argmap::model::load_compact(&read()));
            // What the widget does: the text goes before the map is built.
            let freed = measure(|| {
                let text = read();
                let unlinked = argmap::model::read_compact(&text);
                drop(text);
                unlinked.and_then(argmap::model::Unlinked::link)
            });
            println!(
                "{file}: {} KB of text, {} nodes: peak {} KB with the text held throughout, {} KB with it freed before \
                 linking; the map keeps {} KB",
                size / 1024,
                freed.nodes,
                held.peak / 1024,
                freed.peak / 1024,
                freed.kept / 1024
            );
        }
    }

    struct Use {
        /// The most allocated at once, the text included.
        peak: usize,
        /// What the map keeps.
        kept: usize,
        nodes: usize,
    }

    fn measure(load: impl FnOnce() -> Result<argmap::model::ArgumentMap, Vec<argmap::model::Problem>>) -> Use {
        let before = NOW.load(Relaxed);
        PEAK.store(before, Relaxed);
        let map = load();
        Use { peak: PEAK.load(Relaxed) - before, kept: NOW.load(Relaxed) - before, nodes: map.map_or(0, |m| m.nodes.len()) }
    }
}
