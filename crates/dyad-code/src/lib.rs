//! Event coding: the EventCoder stage interface and the shallow baseline coder.
