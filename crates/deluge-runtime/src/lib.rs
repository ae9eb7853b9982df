pub mod datetime;
pub mod numfmt;
