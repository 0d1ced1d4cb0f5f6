//! What the security tests share.
#![allow(dead_code)]
use antelope_test_harness::fixture::TestChain;

/// The node shared by this binary's tests.
pub fn chain() -> &'static TestChain {
    TestChain::shared()
}
