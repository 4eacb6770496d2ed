//! Store connections for request handlers: SQLite calls block, so they run on tokio's
//! blocking threads, each with a connection taken from a small pool and returned after.

use crate::error::ApiError;
use dyad_store::{Store, StoreError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The most idle connections kept.
const KEEP: usize = 8;

#[derive(Clone)]
pub(crate) struct Pool {
    path: Arc<PathBuf>,
    idle: Arc<Mutex<Vec<Store>>>,
}

impl Pool {
    /// A pool over an existing store (opened once now, so that a bad path fails at start).
    pub fn open(path: PathBuf) -> Result<Pool, StoreError> {
        let first = Store::open(&path)?;
        Ok(Pool {
            path: Arc::new(path),
            idle: Arc::new(Mutex::new(vec![first])),
        })
    }

    /// Runs `f` with a connection on a blocking thread.
    pub async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = match pool.idle.lock().ok().and_then(|mut v| v.pop()) {
                Some(s) => s,
                None => Store::open(pool.path.as_ref())?,
            };
            let out = f(&store);
            if let Ok(mut idle) = pool.idle.lock() {
                if idle.len() < KEEP {
                    idle.push(store);
                }
            }
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("request task failed: {e}")))?
    }
}
