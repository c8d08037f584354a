//! The command line's library part: what its tests and the fuzz target use besides the binary.

pub mod locate;
