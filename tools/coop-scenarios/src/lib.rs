//! The operator's tools that play the cooperative's flows on a chain: the demo and the
//! benchmark (the commands `demo` and `bench`, `src/bin/`, with `clap` command lines).
//!
//! They drive the chain through the test fixture's actors (`antelope_test_harness`:
//! `TestChain`, `TestCoop`, `Person`), which themselves stand on `coop-tools`; so they live
//! in this crate of their own, above both (cargo forbids a crate whose library the fixture
//! uses to also build commands on the fixture).
//!
//! - [`demo`]: the main job's scenario, also run by the indexer's chain test.
pub mod demo;
