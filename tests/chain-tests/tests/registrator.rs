//! Chain tests of the registrator: one node for the whole binary, each test on fresh names.
mod registrator {
    pub mod accounts;
    pub mod agreement_rows;
    pub mod applications;
    pub mod branches;
    pub mod cancellations;
    pub mod consent;
    pub mod cooperatives;
    pub mod limits;
}
