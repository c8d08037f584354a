//! How much heap `load_compact` (what the widget runs) needs for a map: the peak while it
//! parses and decodes, and what the loaded map keeps. Counted by a global allocator, natively
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
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
            let before = NOW.load(Relaxed);
            PEAK.store(before, Relaxed);
            let map = argmap::model::load_compact(&text);
            let peak = PEAK.load(Relaxed) - before;
            let kept = NOW.load(Relaxed) - before;
            let nodes = map.as_ref().map_or(0, |m| m.nodes.len());
            println!(
                "{file}: {} KB of text, {nodes} nodes: peak {} KB above the text, the map keeps {} KB",
                text.len() / 1024,
                peak / 1024,
                kept / 1024
            );
        }
    }
}
