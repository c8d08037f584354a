//! The fuzz target: every input through `drive` (fuzz_targets/drive.rs, which
//! tests/hostile.rs also replays on the seeds and on every input found).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod drive;
// The command line's locator, compiled in here rather than pulling the command line (and its
// server-side renderer) into the fuzz build; `drive` calls it as `crate::locate`.
#[path = "../../cli/src/locate.rs"]
mod locate;

fuzz_target!(|data: &[u8]| drive::drive(data));
