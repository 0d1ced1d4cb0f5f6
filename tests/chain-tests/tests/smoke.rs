use antelope_test_harness::fixture::TestChain;

#[test]
fn chain_boots_and_contracts_deploy() {
    let chain = TestChain::shared();
    let info = chain.client.get_info().unwrap();
    assert!(info.head_block_num > 0);
}
