//! A person becomes a participant (spec 3.2): the whole path on a real node, the
//! council's refusal, organisations' fees, the import of existing members, and the same
//! path driven only by cleos with JSON.
mod participant {
    pub mod cleos_flow;
    pub mod imports;
    pub mod leaving;
    pub mod path;
}
