//! Chain tests of the operator: providers, requests, connecting a cooperative.
mod operator {
    pub mod connect;
    pub mod providers;
    pub mod requests;
}
