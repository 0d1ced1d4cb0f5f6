// TEMPORARY scratch target (reliability faults, being written); removed shortly.
mod reliability {
    pub mod common;
    pub mod faults;
    pub mod network;
    pub mod stream;
}
