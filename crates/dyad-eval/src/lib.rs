//! Evaluation of coded events against gold records (PLOVER GSR).
