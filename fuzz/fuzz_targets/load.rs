//! The fuzz target: every input through `drive` (fuzz_targets/drive.rs, which
//! tests/hostile.rs also replays on the seeds and on every input found).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod drive;

fuzz_target!(|data: &[u8]| drive::drive(data));
