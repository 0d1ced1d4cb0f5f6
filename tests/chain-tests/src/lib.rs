//! Shared fixtures for the chain tests live in `tests/common`.
