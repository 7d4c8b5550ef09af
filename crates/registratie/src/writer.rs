//! Group commit: one thread owns the database connection and commits whatever events have
//! queued up while the previous commit was being made durable, in one transaction, then
//! acknowledges each. One fsync thus serves many events, which is how thousands of durable
//! events a second fit on two cores, on SQLite and on PostgreSQL alike.

use std::thread::JoinHandle;

use tokio::sync::{mpsc, oneshot};

use crate::error::Error;
use crate::gebeurtenis::Gebeurtenis;
use crate::store::Store;
use crate::telling::Telling;

/// The most events one transaction takes; more wait for the next.
const MAX_BATCH: usize = 4096;
/// How many events may wait for the writer before senders have to wait too.
const QUEUE_CAPACITY: usize = 8192;

/// One event of one site, and where to say that it was committed.
struct Job {
    site: String,
    gebeurtenis: Gebeurtenis,
    done: oneshot::Sender<Result<(), String>>,
}

/// The writer thread; it ends when every [`WriteQueue`] is gone and the queue is committed.
pub(crate) struct Writer {
    thread: JoinHandle<()>,
}

/// A handle to queue events for the writer.
#[derive(Clone)]
pub(crate) struct WriteQueue {
    tx: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer on `store`, on a thread of its own with a runtime of its own (SQLite
    /// blocks that thread while it fsyncs; PostgreSQL's connection lives on it).
    pub fn start(store: Store) -> Result<(Writer, WriteQueue), Error> {
        let (tx, rx) = mpsc::channel(QUEUE_CAPACITY);
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(Error::Serve)?;
        let thread = std::thread::Builder::new()
            .name("cjg-writer".into())
            .spawn(move || runtime.block_on(run(store, rx)))
            .map_err(Error::Serve)?;
        Ok((Writer { thread }, WriteQueue { tx }))
    }

    /// Waits until everything queued is committed (drop every [`WriteQueue`] first).
    pub fn stop(self) -> Result<(), Error> {
        self.thread.join().map_err(|_| Error::Writer("the writer thread panicked".into()))
    }
}

impl WriteQueue {
    /// Queues `gebeurtenis` of `site` and returns once it is committed, dated the day of its
    /// commit.
    pub async fn write(&self, site: &str, gebeurtenis: Gebeurtenis) -> Result<(), Error> {
        let (done, committed) = oneshot::channel();
        self.tx
            .send(Job { site: site.to_owned(), gebeurtenis, done })
            .await
            .map_err(|_| Error::Writer("the writer has stopped".into()))?;
        committed.await.map_err(|_| Error::Writer("the writer has stopped".into()))?.map_err(Error::Writer)
    }
}

async fn run(mut store: Store, mut rx: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let dag = crate::today();
        let mut telling = Telling::default();
        for job in &batch {
            telling.add(&job.site, dag, &job.gebeurtenis);
        }
        let uitkomst = store.add(&telling).await.map_err(|error| error.to_string());
        for job in batch.drain(..) {
            // A sender that gave up (its client went away) needs no answer; its event counts anyway.
            let _ = job.done.send(uitkomst.clone());
        }
    }
}
