//! The learned layer of the risk signals: a logistic regression over [`crate::features`],
//! trained by `cjg build` from the editors' examples, that catches urgent questions no rule
//! foresaw. It decides together with the rules: either one is enough.
//!
//! Training is deterministic (fixed order, fixed seed): the same examples give the same
//! model. The model is pruned to its strongest features and stored with one byte per weight,
//! so it adds little to the index bundle; judging a question is a few dozen hash lookups.
//! Its threshold is set for recall, "liever een keer te vaak": see [`Settings::threshold`].
//! A second, smaller set of weights per kind tells which kind of signal it most resembles,
//! so that the help that fits comes first.

use std::collections::HashMap;

#[cfg(any(test, feature = "index"))]
use rayon::prelude::*;

use crate::error::Error;

/// The knobs of training, each with its effect; [`Default`] is tuned by 10-fold
/// cross-validation on the example site's examples (the `risk_classifier` test prints it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Decision threshold on the model's probability of "urgent". Range 0–1, default 0.27:
    /// below one half, since a missed urgent question costs far more than a false alarm.
    pub threshold: f32,
    /// Passes over the examples. Range 5–100, default 30.
    pub epochs: usize,
    /// Passes over the urgent examples for the weights of each kind. Range 2–50, default 8.
    pub kind_epochs: usize,
    /// The learning rate at the start; it falls linearly to zero over the passes, so that the
    /// model does not hang on which examples came last. Range 0.01–2, default 0.5.
    pub learning_rate: f32,
    /// L2 regularisation per update. Range 0–0.01, default 0.00002.
    pub l2: f32,
    /// A feature must occur in at least this many examples to be learnt. Range 1–10, default 2.
    pub min_count: usize,
    /// How many features the stored model keeps (the strongest). Default 12,000.
    pub keep: usize,
    /// How many features each kind keeps. Default 250.
    pub keep_per_kind: usize,
    /// How much each feature is scaled by how much more often it occurs in one class than in
    /// the other (its naive-Bayes log-count ratio, as in NBSVM): 0 leaves features as they
    /// are, 1 scales each fully by its ratio. Range 0–1, default 0.5: a word that mostly
    /// occurs in urgent questions is learnt faster, a word of every kind of question slower.
    pub nb_weight: f32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            threshold: 0.27,
            epochs: 30,
            kind_epochs: 8,
            min_count: 2,
            learning_rate: 0.5,
            l2: 0.000_02,
            keep: 12_000,
            keep_per_kind: 250,
            nb_weight: 0.5,
        }
    }
}

/// Training buckets: features are hashed into this many.
const BUCKET_BITS: u32 = 20;
/// Magic and version of the stored model.
const MAGIC: &[u8; 4] = b"CJGR";
const VERSION: u8 = 1;
/// A stored weight is a whole multiple of its model's scale, from `-STEPS` to `STEPS`. With 127
/// steps a side the cross-validated figures were the same and the model 3.5 kB larger (brotli);
/// with 15 the smallest weights round to zero and recall drops.
#[cfg(any(test, feature = "index"))]
const STEPS: f32 = 31.0;

/// A trained model.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classifier {
    bias: f32,
    /// The decision threshold as a log-odds.
    cut: f32,
    scale: f32,
    weights: HashMap<u32, i8>,
    kinds: Vec<KindWeights>,
}

#[derive(Debug, Clone, PartialEq)]
struct KindWeights {
    name: String,
    scale: f32,
    weights: HashMap<u32, i8>,
}

/// What the classifier thinks of a question.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Judgement {
    /// The probability it gives "urgent".
    pub probability: f32,
    /// Whether that reaches the threshold.
    pub urgent: bool,
    /// The kind the question most resembles, when urgent.
    pub kind: Option<String>,
    /// The question's features that pushed most towards "urgent", strongest first.
    pub strongest: Vec<(String, f32)>,
}

#[cfg(any(test, feature = "index"))]
/// One training example: its features, whether it is urgent, and its kind.
#[derive(Debug, Clone)]
pub(crate) struct Sample<'a> {
    /// The question.
    pub text: &'a str,
    /// Its line in the examples file, 0 for a page's `vragen`.
    pub line: usize,
    /// The features of the question ([`crate::features::of`]).
    pub features: Vec<String>,
    /// Urgent or not.
    pub urgent: bool,
    /// The kind, for urgent ones.
    pub kind: Option<&'a str>,
}

fn bucket(feature: &str) -> u32 {
    // FNV-1a: the same in the browser and in `cjg build`, on every platform.
    let mut hash: u32 = 0x811c_9dc5;
    for byte in feature.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash & ((1 << BUCKET_BITS) - 1)
}

#[cfg(any(test, feature = "index"))]
/// The features of one sample as (bucket, value), each feature weighing 1/(1 + ln n) so that
/// a long story does not outweigh a short cry for help, while its many features still count.
fn vector(features: &[String]) -> Vec<(u32, f32)> {
    let value = norm(features.len());
    features.iter().map(|f| (bucket(f), value)).collect()
}

fn norm(n: usize) -> f32 {
    1.0 / (1.0 + (n.max(1) as f32).ln())
}

#[cfg(any(test, feature = "index"))]
/// A small deterministic random generator (xorshift) for the order of training.
struct Shuffle(u64);

#[cfg(any(test, feature = "index"))]
impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn order(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        order
    }
}

#[cfg(any(test, feature = "index"))]
/// Logistic regression by stochastic gradient descent over `epochs` passes; `weight_of`
/// weighs each sample. Weights are dense over the buckets while training.
fn logistic(
    vectors: &[Vec<(u32, f32)>],
    labels: &[bool],
    weight_of: impl Fn(usize) -> f32,
    epochs: usize,
    settings: &Settings,
) -> (f32, HashMap<u32, f32>) {
    let mut weights = vec![0.0_f32; 1 << BUCKET_BITS];
    let mut bias = 0.0_f32;
    let mut shuffle = Shuffle(0x9e37_79b9_7f4a_7c15);
    let steps = (epochs * vectors.len()).max(1) as f32;
    let mut step = 0.0_f32;
    for _ in 0..epochs {
        for i in shuffle.order(vectors.len()) {
            let rate = settings.learning_rate * (1.0 - step / steps);
            step += 1.0;
            let z = bias + vectors[i].iter().map(|(b, v)| weights[*b as usize] * v).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let gradient = (p - f32::from(u8::from(labels[i]))) * weight_of(i);
            bias -= rate * gradient;
            for (b, v) in &vectors[i] {
                let w = &mut weights[*b as usize];
                *w -= rate * (gradient * v + settings.l2 * *w);
            }
        }
    }
    let touched = weights.iter().enumerate().filter(|(_, w)| **w != 0.0).map(|(b, w)| (b as u32, *w)).collect();
    (bias, touched)
}

#[cfg(any(test, feature = "index"))]
/// Per bucket, `1 - nb_weight + nb_weight · |r|` with `r` the smoothed log-count ratio of the
/// bucket in urgent and ordinary samples (see [`Settings::nb_weight`]).
fn nb_scales(vectors: &[Vec<(u32, f32)>], labels: &[bool], nb_weight: f32) -> HashMap<u32, f32> {
    let mut counts: HashMap<u32, (f32, f32)> = HashMap::new();
    for (vector, urgent) in vectors.iter().zip(labels) {
        for (b, _) in vector {
            let count = counts.entry(*b).or_default();
            if *urgent {
                count.0 += 1.0;
            } else {
                count.1 += 1.0;
            }
        }
    }
    let urgent = labels.iter().filter(|u| **u).count() as f32;
    let ordinary = labels.len() as f32 - urgent;
    counts
        .into_iter()
        .map(|(b, (u, o))| {
            let ratio = (((u + 1.0) / (urgent + 1.0)) / ((o + 1.0) / (ordinary + 1.0))).ln();
            (b, 1.0 - nb_weight + nb_weight * ratio.abs())
        })
        .collect()
}

#[cfg(any(test, feature = "index"))]
/// The `keep` strongest weights, quantised to [`STEPS`] with their scale; with `positive`,
/// only the ones that speak for the class.
fn prune(weights: &HashMap<u32, f32>, keep: usize, positive: bool) -> (f32, HashMap<u32, i8>) {
    let mut strongest: Vec<(u32, f32)> = weights.iter().map(|(b, w)| (*b, *w)).filter(|(_, w)| !positive || *w > 0.0).collect();
    strongest.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    strongest.truncate(keep);
    let max = strongest.iter().map(|(_, w)| w.abs()).fold(0.0_f32, f32::max).max(f32::MIN_POSITIVE);
    let scale = max / STEPS;
    let quantised = strongest
        .into_iter()
        .map(|(b, w)| (b, (w / scale).round().clamp(-STEPS, STEPS) as i8))
        .filter(|(_, q)| *q != 0)
        .collect();
    (scale, quantised)
}

impl Classifier {
    #[cfg(any(test, feature = "index"))]
    /// Trains a model on `samples`; `kinds` are the kind names, in the order they are reported.
    pub(crate) fn train(samples: &[Sample<'_>], kinds: &[&str], settings: &Settings) -> Classifier {
        let vectors: Vec<Vec<(u32, f32)>> = samples.iter().map(|s| vector(&s.features)).collect();
        // A feature seen in fewer than `min_count` examples is left out: it can only be learnt by heart.
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for v in &vectors {
            for (b, _) in v {
                *counts.entry(*b).or_default() += 1;
            }
        }
        let vectors: Vec<Vec<(u32, f32)>> =
            vectors.into_iter().map(|v| v.into_iter().filter(|(b, _)| counts[b] >= settings.min_count).collect()).collect();
        let labels: Vec<bool> = samples.iter().map(|s| s.urgent).collect();
        let urgent = labels.iter().filter(|u| **u).count().max(1) as f32;
        let ordinary = (labels.len() as f32 - urgent).max(1.0);
        // Both classes weigh the same in total, however many examples each has.
        let urgent_or_not = || {
            // Features are scaled by their class ratio while learning; the scales are folded
            // back into the weights, so the stored model judges the plain features.
            let scales = nb_scales(&vectors, &labels, settings.nb_weight);
            let scaled: Vec<Vec<(u32, f32)>> =
                vectors.iter().map(|v| v.iter().map(|(b, x)| (*b, x * scales[b])).collect()).collect();
            let (bias, mut weights) =
                logistic(&scaled, &labels, |i| if labels[i] { ordinary / urgent } else { 1.0 }, settings.epochs, settings);
            for (b, w) in &mut weights {
                *w *= scales[b];
            }
            let (scale, weights) = prune(&weights, settings.keep, false);
            (bias, scale, weights)
        };
        // Which kind, learnt from the urgent examples only. Each model is trained on its own, so
        // they are trained side by side with the first and the result does not depend on the order.
        let urgent_only: Vec<usize> = (0..samples.len()).filter(|&i| labels[i]).collect();
        let urgent_vectors: Vec<Vec<(u32, f32)>> = urgent_only.iter().map(|&i| vectors[i].clone()).collect();
        let which_kind = || {
            kinds
                .par_iter()
                .map(|kind| {
                    let of_kind: Vec<bool> = urgent_only.iter().map(|&i| samples[i].kind == Some(*kind)).collect();
                    let share = of_kind.iter().filter(|k| **k).count().max(1) as f32 / of_kind.len().max(1) as f32;
                    let weight_of = |i: usize| if of_kind[i] { 1.0 - share } else { share };
                    let (_, weights) = logistic(&urgent_vectors, &of_kind, weight_of, settings.kind_epochs, settings);
                    let (scale, weights) = prune(&weights, settings.keep_per_kind, true);
                    KindWeights { name: kind.to_string(), scale, weights }
                })
                .collect()
        };
        let ((bias, scale, weights), kind_models) = rayon::join(urgent_or_not, which_kind);
        let cut = (settings.threshold / (1.0 - settings.threshold)).ln();
        Classifier { bias, cut, scale, weights, kinds: kind_models }
    }

    /// Judges a question by its features.
    pub(crate) fn judge(&self, features: &[String]) -> Judgement {
        let value = norm(features.len());
        let mut contributions: Vec<(String, f32)> = features
            .iter()
            .filter_map(|f| self.weights.get(&bucket(f)).map(|q| (f.clone(), f32::from(*q) * self.scale * value)))
            .collect();
        let z = self.bias + contributions.iter().map(|(_, c)| c).sum::<f32>();
        let urgent = z >= self.cut;
        let kind = urgent
            .then(|| {
                self.kinds
                    .iter()
                    .map(|k| {
                        let score: f32 =
                            features.iter().filter_map(|f| k.weights.get(&bucket(f))).map(|q| f32::from(*q) * k.scale).sum();
                        (k.name.clone(), score)
                    })
                    .filter(|(_, score)| *score > 0.0)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(name, _)| name)
            })
            .flatten();
        contributions.retain(|(_, c)| *c > 0.0);
        contributions.sort_by(|a, b| b.1.total_cmp(&a.1));
        contributions.truncate(5);
        Judgement { probability: 1.0 / (1.0 + (-z).exp()), urgent, kind, strongest: contributions }
    }

    #[cfg(any(test, feature = "index"))]
    /// The model as bytes, for the index bundle.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        for number in [self.bias, self.cut, self.scale] {
            out.extend_from_slice(&number.to_le_bytes());
        }
        write_weights(&mut out, &self.weights);
        out.extend_from_slice(&(self.kinds.len() as u32).to_le_bytes());
        for kind in &self.kinds {
            out.extend_from_slice(&(kind.name.len() as u32).to_le_bytes());
            out.extend_from_slice(kind.name.as_bytes());
            out.extend_from_slice(&kind.scale.to_le_bytes());
            write_weights(&mut out, &kind.weights);
        }
        out
    }

    /// Reads what [`Classifier::to_bytes`] wrote.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Classifier, Error> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(4)? != MAGIC || reader.take(1)? != [VERSION] {
            return Err(Error::Bundle("the risk model is not of this version of cjg".into()));
        }
        let bias = reader.f32()?;
        let cut = reader.f32()?;
        let scale = reader.f32()?;
        let weights = reader.weights()?;
        let mut kinds = Vec::new();
        for _ in 0..reader.u32()? {
            let len = reader.u32()? as usize;
            let name =
                String::from_utf8(reader.take(len)?.to_vec()).map_err(|_| Error::Bundle("a kind name is not UTF-8".into()))?;
            let scale = reader.f32()?;
            kinds.push(KindWeights { name, scale, weights: reader.weights()? });
        }
        Ok(Classifier { bias, cut, scale, weights, kinds })
    }
}

#[cfg(any(test, feature = "index"))]
/// Weights as a count, then the buckets in ascending order as LEB128 differences, then one
/// byte per weight: small and brotli-friendly.
fn write_weights(out: &mut Vec<u8>, weights: &HashMap<u32, i8>) {
    let mut sorted: Vec<(u32, i8)> = weights.iter().map(|(b, w)| (*b, *w)).collect();
    sorted.sort();
    out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    let mut previous = 0;
    for (b, _) in &sorted {
        let mut delta = b - previous;
        previous = *b;
        loop {
            let byte = (delta & 0x7f) as u8;
            delta >>= 7;
            if delta == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
    out.extend(sorted.iter().map(|(_, w)| *w as u8));
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| Error::Bundle("the risk model ends too soon".into()))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn weights(&mut self) -> Result<HashMap<u32, i8>, Error> {
        let count = self.u32()? as usize;
        let mut buckets = Vec::with_capacity(count);
        let mut previous = 0_u32;
        for _ in 0..count {
            let mut delta = 0_u32;
            let mut shift = 0;
            loop {
                let byte = self.take(1)?[0];
                delta |= u32::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 || shift > 28 {
                    break;
                }
            }
            previous += delta;
            buckets.push(previous);
        }
        let values = self.take(count)?;
        Ok(buckets.into_iter().zip(values.iter().map(|v| *v as i8)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample<'a>(words: &'a str, urgent: bool, kind: Option<&'a str>) -> Sample<'a> {
        Sample { text: words, line: 0, features: words.split(' ').map(|w| format!("w:{w}")).collect(), urgent, kind }
    }

    fn model() -> Classifier {
        let samples = [
            sample("ik wil dood", true, Some("zelfdoding")),
            sample("ik wil niet meer leven", true, Some("zelfdoding")),
            sample("liever dood", true, Some("zelfdoding")),
            sample("hij slaat me", true, Some("mishandeling")),
            sample("vader slaat me", true, Some("mishandeling")),
            sample("mijn kind heeft koorts", false, None),
            sample("hoeveel zakgeld", false, None),
            sample("ik wil een bijbaan", false, None),
            sample("mijn kind slaapt slecht", false, None),
        ];
        Classifier::train(&samples, &["zelfdoding", "mishandeling"], &Settings::default())
    }

    fn features(text: &str) -> Vec<String> {
        text.split(' ').map(|w| format!("w:{w}")).collect()
    }

    #[test]
    fn learns_urgent_from_ordinary_and_the_kind() {
        let m = model();
        let dood = m.judge(&features("ik wil dood"));
        assert!(dood.urgent && dood.kind.as_deref() == Some("zelfdoding"), "{dood:?}");
        assert!(dood.strongest.iter().any(|(f, _)| f == "w:dood"), "{dood:?}");
        let slaat = m.judge(&features("mijn vader slaat me"));
        assert!(slaat.urgent && slaat.kind.as_deref() == Some("mishandeling"), "{slaat:?}");
        assert!(!m.judge(&features("mijn kind heeft koorts")).urgent);
    }

    #[test]
    fn training_is_deterministic_and_survives_bytes() {
        let m = model();
        assert_eq!(m.to_bytes(), model().to_bytes(), "same examples, same model");
        let again = Classifier::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.judge(&features("ik wil dood")), m.judge(&features("ik wil dood")));
        assert!(Classifier::from_bytes(b"CJGR").is_err());
    }
}
