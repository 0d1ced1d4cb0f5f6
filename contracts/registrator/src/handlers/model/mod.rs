//! The registrator's model: the reads and writes several actions share (the registry, the
//! braname rule and branch counts, agreements, members and their accounts). Action files use
//! these and never each other, so the handlers form no import cycle.
pub mod agreements;
pub mod branches;
pub mod cooperatives;
pub mod members;
