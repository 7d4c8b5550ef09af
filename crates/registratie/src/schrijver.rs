//! Group commit: one thread owns the database and commits whatever events have queued up while
//! the previous commit was being fsynced, in one transaction, then acknowledges each. One fsync
//! thus serves many events, which is how thousands of durable events a second fit on two cores.

use std::thread::JoinHandle;

use tokio::sync::{mpsc, oneshot};

use crate::error::Error;
use crate::gebeurtenis::Gebeurtenis;
use crate::store::Store;
use crate::telling::Telling;

/// The most events one transaction takes; more wait for the next.
const MAX_BATCH: usize = 4096;
/// How many events may wait for the writer before senders have to wait too.
const WACHTRIJ: usize = 8192;

struct Opdracht {
    gebeurtenis: Gebeurtenis,
    klaar: oneshot::Sender<Result<(), String>>,
}

/// The writer thread; it ends when every [`Afzender`] is gone and the queue is committed.
pub(crate) struct Schrijver {
    draad: JoinHandle<()>,
}

/// A handle to queue events for the writer.
#[derive(Clone)]
pub(crate) struct Afzender {
    tx: mpsc::Sender<Opdracht>,
}

impl Schrijver {
    /// Starts the writer on `store`.
    pub fn start(store: Store) -> Result<(Schrijver, Afzender), Error> {
        let (tx, rx) = mpsc::channel(WACHTRIJ);
        let draad = std::thread::Builder::new()
            .name("cjg-schrijver".into())
            .spawn(move || schrijf(store, rx))
            .map_err(Error::Dienst)?;
        Ok((Schrijver { draad }, Afzender { tx }))
    }

    /// Waits until everything queued is committed (drop every [`Afzender`] first).
    pub fn stop(self) -> Result<(), Error> {
        self.draad.join().map_err(|_| Error::Schrijver("the writer thread panicked".into()))
    }
}

impl Afzender {
    /// Queues `gebeurtenis` and returns once it is committed, dated the day of its commit.
    pub async fn schrijf(&self, gebeurtenis: Gebeurtenis) -> Result<(), Error> {
        let (klaar, ontvangen) = oneshot::channel();
        self.tx
            .send(Opdracht { gebeurtenis, klaar })
            .await
            .map_err(|_| Error::Schrijver("the writer has stopped".into()))?;
        ontvangen.await.map_err(|_| Error::Schrijver("the writer has stopped".into()))?.map_err(Error::Schrijver)
    }
}

fn schrijf(mut store: Store, mut rx: mpsc::Receiver<Opdracht>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while let Some(eerste) = rx.blocking_recv() {
        batch.push(eerste);
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(opdracht) => batch.push(opdracht),
                Err(_) => break,
            }
        }
        let dag = crate::vandaag();
        let mut telling = Telling::default();
        for opdracht in &batch {
            telling.tel(dag, &opdracht.gebeurtenis);
        }
        let uitkomst = store.voeg_toe(&telling).map_err(|error| error.to_string());
        for opdracht in batch.drain(..) {
            // A sender that gave up (its client went away) needs no answer; its event counts anyway.
            let _ = opdracht.klaar.send(uitkomst.clone());
        }
    }
}
