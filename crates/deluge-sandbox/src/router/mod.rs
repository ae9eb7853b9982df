//! Which requests the simulator answers, and the `Layer` it is to the
//! connection router.

pub mod layer;
