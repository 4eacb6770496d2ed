//! What request handlers share: the store's connection pool, the write token, and for posted
//! documents the coder, the store's path and its one writer.

use crate::auth::Token;
use crate::pool::Pool;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What handlers share.
#[derive(Clone)]
pub(crate) struct App {
    pub pool: Pool,
    pub token: Token,
    /// For posted documents: the coder, the store and one writer at a time.
    pub pipeline: Arc<dyad_code::Pipeline>,
    pub store_path: Arc<PathBuf>,
    pub writer: Arc<Mutex<()>>,
}
