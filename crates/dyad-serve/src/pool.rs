//! Store connections for request handlers: SQLite calls block, so they run on tokio's
//! blocking threads, each with a connection taken from a small pool and returned after.

use crate::error::ApiError;
use dyad_store::{Interrupt, Store, StoreError};
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

    /// Runs `f` with a connection on a blocking thread. If the request's future is dropped
    /// before `f` is done (the request timed out, or its client went away), the statement the
    /// connection is running is interrupted, so that abandoned work does not hold a blocking
    /// thread and the store until it ends by itself.
    pub async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let pool = self.clone();
        let running: Arc<Mutex<Option<Interrupt>>> = Arc::default();
        let _stop = StopOnDrop(running.clone());
        tokio::task::spawn_blocking(move || {
            let store = match pool.idle.lock().ok().and_then(|mut v| v.pop()) {
                Some(s) => s,
                None => Store::open(pool.path.as_ref())?,
            };
            if let Ok(mut slot) = running.lock() {
                *slot = Some(store.interrupt_handle());
            }
            let out = f(&store);
            // done: the request's end must not interrupt the connection's next user
            if let Ok(mut slot) = running.lock() {
                *slot = None;
            }
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

/// Interrupts the statement of a request whose future is dropped while its store work runs.
struct StopOnDrop(Arc<Mutex<Option<Interrupt>>>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        if let Some(running) = self.0.lock().ok().as_ref().and_then(|slot| slot.as_ref()) {
            running.interrupt();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_request_dropped_while_it_reads_stops_its_statement() {
        let dir = std::env::temp_dir().join(format!("dyad-pool-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("s.db");
        Store::open(&path)
            .expect("store")
            .fill_synthetic(500)
            .expect("mentions");
        let pool = Pool::open(path).expect("pool");
        let ended = Arc::new(AtomicBool::new(false));
        let flag = ended.clone();
        // a slow reader: 500 rows at 20 ms each would take 10 s
        let slow = pool.with(move |store| {
            let read = store.each_mention_row(&dyad_store::EventFilter::default(), |_| {
                std::thread::sleep(Duration::from_millis(20));
                Ok(())
            });
            flag.store(true, Ordering::SeqCst);
            Ok(read.is_err())
        });
        assert!(tokio::time::timeout(Duration::from_millis(200), slow)
            .await
            .is_err());
        let t = Instant::now();
        while !ended.load(Ordering::SeqCst) && t.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(ended.load(Ordering::SeqCst), "the statement went on");
        // the connection serves the next request as usual
        let n = pool
            .with(|store| Ok(store.each_mention(&Default::default(), |_| Ok(()))?))
            .await
            .expect("next request");
        assert_eq!(n, 500);
    }
}
