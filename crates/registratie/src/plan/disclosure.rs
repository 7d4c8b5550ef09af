//! Disclosure control: which figures of a report may be shown. The rule is the threshold rule
//! of statistical offices (CBS, Eurostat): a figure made of 1 to 4 questions is *primary
//! unsafe* and hidden ("<5"). Hiding it is not enough when totals and other figures give it
//! back by adding and subtracting, so more figures are hidden (*secondary suppression*, "x")
//! until no hidden figure is a linear combination of shown ones.
//!
//! Every figure is a sum of *atoms*: the finest counts the report is made of (one site, week,
//! channel, theme, page and urgency; or one site's group of unanswered terms). A reader knows
//! how each figure is made, so a hidden figure can be worked out exactly when its vector of
//! atoms lies in the span of the shown figures' vectors (plus the relations between atoms that
//! are known, such as "the unanswered questions are the online questions without a page").
//! That is checked with Gaussian elimination modulo a 61-bit prime: a vector in the span over
//! the rationals is in it modulo the prime too, so "not in the span" there means not solvable.
//!
//! The threshold rule holds for the cells a reader can derive too, not only for those printed:
//! "6 questions, 5 of them urgent" prints the 1 that was not. So each week's table of online
//! and desk, urgent and not, is checked in all its combinations ([`Figures::derived`]).
//!
//! The figures of one week are decided first, from that week's counts alone, so a week's
//! cells look the same in every report that shows the week. Then the period's figures (totals,
//! themes, pages, gaps) are decided with the weeks fixed, hiding period figures. Only when a
//! period figure would otherwise follow from the weeks alone is a week's figure hidden too.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// 2^61 − 1, a Mersenne prime.
const P: u64 = (1 << 61) - 1;

/// Figures of 1 to `DREMPEL − 1` are hidden.
pub(crate) const DREMPEL: u64 = 5;

fn mul(a: u64, b: u64) -> u64 {
    let x = u128::from(a) * u128::from(b);
    let r = (x as u64 & P) + (x >> 61) as u64;
    if r >= P {
        r - P
    } else {
        r
    }
}

fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + P - b
    }
}

fn inverse(a: u64) -> u64 {
    let (mut base, mut e, mut r) = (a, P - 2, 1u64);
    while e > 0 {
        if e & 1 == 1 {
            r = mul(r, base);
        }
        base = mul(base, base);
        e >>= 1;
    }
    r
}

fn residue(c: i64) -> u64 {
    if c >= 0 {
        c as u64 % P
    } else {
        P - ((-c) as u64 % P)
    }
}

/// A known relation between atoms: Σ coefficient × atom = 0.
type Relation = Vec<(u32, i64)>;
/// Cells that share atoms, with the relations among their atoms.
type Component = (Vec<usize>, Vec<Relation>);
/// A sparse vector modulo [`P`], column → value.
type Sparse = BTreeMap<u32, u64>;

/// When a figure is decided: with the cells of one week, or with the whole period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Stage {
    Week(usize),
    Period,
}

/// What a reader may see of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// The number (0, or 5 and more).
    Shown,
    /// 1 to 4: primary suppression, "<5".
    Small,
    /// Hidden so that no small figure can be worked out: secondary suppression, "x".
    Secondary,
}

/// All figures of a set of reports, over one space of atoms.
#[derive(Default)]
pub(crate) struct Figures {
    atoms: Vec<u64>,
    /// Each figure's atoms, stage, and whether it is printed (or only derivable).
    figures: Vec<(Vec<u32>, Stage, bool)>,
    identities: Vec<Relation>,
}

impl Figures {
    /// A new atom counting `aantal`; returns its index.
    pub fn atom(&mut self, aantal: u64) -> u32 {
        self.atoms.push(aantal);
        (self.atoms.len() - 1) as u32
    }

    /// A printed figure: the sum of `atoms`, decided at `stage`; returns its index.
    pub fn figure(&mut self, atoms: impl IntoIterator<Item = u32>, stage: Stage) -> usize {
        self.add(atoms, stage, true)
    }

    /// A cell that is not printed but that a reader may derive from printed ones: it must not
    /// give away a number from 1 to 4 either.
    pub fn derived(&mut self, atoms: impl IntoIterator<Item = u32>, stage: Stage) {
        self.add(atoms, stage, false);
    }

    fn add(&mut self, atoms: impl IntoIterator<Item = u32>, stage: Stage, printed: bool) -> usize {
        let mut atoms: Vec<u32> = atoms.into_iter().collect();
        atoms.sort_unstable();
        atoms.dedup();
        self.figures.push((atoms, stage, printed));
        self.figures.len() - 1
    }

    /// A relation every reader knows: Σ coefficient × atom = 0.
    pub fn identity(&mut self, terms: Relation) {
        if !terms.is_empty() {
            self.identities.push(terms);
        }
    }

    /// The value of figure `index`.
    pub fn value(&self, index: usize) -> u64 {
        self.figures[index].0.iter().map(|a| self.atoms[*a as usize]).sum()
    }

    /// Decides every figure's status.
    pub fn protect(&self) -> Vec<Status> {
        // Figures made of the same atoms are one cell: they must look the same.
        let mut cell_of: HashMap<&[u32], usize> = HashMap::new();
        let mut cells: Vec<Cell> = Vec::new();
        let mut figure_cell = Vec::with_capacity(self.figures.len());
        for (atoms, stage, printed) in &self.figures {
            let printed = *printed;
            let cell = *cell_of.entry(atoms.as_slice()).or_insert_with(|| {
                let value = atoms.iter().map(|a| self.atoms[*a as usize]).sum();
                let status = if (1..DREMPEL).contains(&value) { Status::Small } else { Status::Shown };
                cells.push(Cell { atoms: atoms.clone(), value, stage: *stage, printed: false, printed_week: false, status });
                cells.len() - 1
            });
            // The earliest stage of any of its figures decides the cell; the week's pass looks
            // only at what the week's own figures print.
            cells[cell].stage = cells[cell].stage.min(*stage);
            cells[cell].printed |= printed;
            cells[cell].printed_week |= printed && matches!(stage, Stage::Week(_));
            figure_cell.push(cell);
        }
        let weken: BTreeSet<usize> = cells
            .iter()
            .filter_map(|c| match c.stage {
                Stage::Week(w) => Some(w),
                Stage::Period => None,
            })
            .collect();
        for week in weken {
            let in_week: Vec<usize> = (0..cells.len()).filter(|c| cells[*c].stage == Stage::Week(week)).collect();
            suppress(&mut cells, &in_week, &[], &|cell: &Cell| cell.printed_week, &|_| true);
        }
        let alle: Vec<usize> = (0..cells.len()).collect();
        suppress(&mut cells, &alle, &self.identities, &|cell: &Cell| cell.printed, &|cell: &Cell| !cell.printed_week);
        figure_cell.iter().map(|c| cells[*c].status).collect()
    }
}

struct Cell {
    atoms: Vec<u32>,
    value: u64,
    stage: Stage,
    /// Printed in a report; a derived cell is never shown, only protected when it is small.
    printed: bool,
    /// Printed as a week's figure (as opposed to a period's figure that happens to have the
    /// same atoms): these are fixed once the weeks are decided.
    printed_week: bool,
    status: Status,
}

/// Secondary suppression among `members` (split into independent components) until no hidden
/// member is in the span of the shown ones and the `identities`. A shown cell is one `printed`
/// in this pass and not hidden. It hides shown cells that `preferred` allows; only when none of
/// those helps does it hide another shown cell.
fn suppress(
    cells: &mut [Cell],
    members: &[usize],
    identities: &[Relation],
    printed: &dyn Fn(&Cell) -> bool,
    preferred: &dyn Fn(&Cell) -> bool,
) {
    let shown = |cell: &Cell| printed(cell) && cell.status == Status::Shown;
    for (component, relaties) in components(cells, members, identities) {
        if component.iter().all(|c| cells[*c].status == Status::Shown) {
            continue;
        }
        // Cells shown again after hiding them protected nothing; they are not hidden again.
        let mut retired: BTreeSet<usize> = BTreeSet::new();
        loop {
            let mut basis = Basis::default();
            for relatie in &relaties {
                let vector = relatie.iter().map(|(a, c)| (*a, residue(*c))).collect();
                basis.insert(vector, BTreeMap::new());
            }
            // The cells this pass may not hide (the weeks, when the period is decided) go in
            // first; `vast` is what they and the relations give away on their own.
            let mut vast: Vec<usize> = component
                .iter()
                .copied()
                .filter(|c| shown(&cells[*c]) && !preferred(&cells[*c]) && !retired.contains(c))
                .collect();
            let mut vrij: Vec<usize> = component
                .iter()
                .copied()
                .filter(|c| shown(&cells[*c]) && preferred(&cells[*c]) && !retired.contains(c))
                .collect();
            // Small figures first: then the ways to work out a hidden one run through small
            // figures, and hiding one of those costs the reader little.
            vast.sort_by_key(|c| (cells[*c].value, *c));
            vrij.sort_by_key(|c| (cells[*c].value, *c));
            let mut in_basis = BTreeSet::new();
            let mut insert = |basis: &mut Basis, c: usize| {
                if basis.insert(ones(&cells[c].atoms), BTreeMap::from([(c as u32, 1)])).is_some() {
                    in_basis.insert(c);
                }
            };
            for c in &vast {
                insert(&mut basis, *c);
            }
            let alleen_vast = basis.clone();
            for c in &vrij {
                insert(&mut basis, *c);
            }
            // Last, so that what they give back is said by other cells where it can be.
            let terug: Vec<usize> = retired.iter().copied().filter(|c| shown(&cells[*c])).collect();
            for c in &terug {
                insert(&mut basis, *c);
            }
            // A shown cell that other shown cells give back is no use to hide alone; one that no
            // other gives back (a coloop) protects at once whatever it takes part in.
            let mut redundant = BTreeSet::new();
            for c in vast.iter().chain(&vrij).chain(&terug).filter(|c| !in_basis.contains(c)) {
                let (_, expressie) = basis.reduce(ones(&cells[*c].atoms), BTreeMap::from([(*c as u32, 1)]));
                redundant.extend(expressie.keys().map(|k| *k as usize));
            }
            let mut hide = BTreeSet::new();
            let mut unhide = BTreeSet::new();
            for c in component.iter().copied().filter(|c| cells[*c].status != Status::Shown) {
                let (rest, expressie) = basis.reduce(ones(&cells[c].atoms), BTreeMap::new());
                if !rest.is_empty() {
                    continue;
                }
                let kosten = |k: &usize| (redundant.contains(k), cells[*k].atoms.len(), cells[*k].value, *k);
                let alle_kandidaten = || expressie.keys().map(|k| *k as usize).filter(|k| shown(&cells[*k]));
                let kandidaten = || alle_kandidaten().filter(|k| !retired.contains(k));
                // Best: a cell this pass may hide that the fixed cells do not give back (hiding
                // one they give back protects nothing).
                let los = |k: &usize| !alleen_vast.reduce(ones(&cells[*k].atoms), BTreeMap::new()).0.is_empty();
                let gekozen = kandidaten()
                    .filter(|k| preferred(&cells[*k]) && los(k))
                    .min_by_key(kosten)
                    .or_else(|| kandidaten().filter(|k| preferred(&cells[*k])).min_by_key(kosten));
                match (gekozen, cells[c].status) {
                    (Some(k), _) => {
                        hide.insert(k);
                    }
                    // An "x" the fixed cells give back protects nothing: show it instead (that
                    // gives away nothing a reader could not work out).
                    (None, Status::Secondary) => {
                        unhide.insert(c);
                    }
                    // A small figure only the fixed cells give back: hide one of those after all
                    // rather than show too much. (None at all only if the relations alone give
                    // it, which true relations between positive counts cannot.)
                    (None, _) => {
                        if let Some(k) = kandidaten().min_by_key(kosten).or_else(|| alle_kandidaten().min_by_key(kosten)) {
                            hide.insert(k);
                        }
                    }
                }
            }
            if hide.is_empty() && unhide.is_empty() {
                break;
            }
            for k in hide {
                cells[k].status = Status::Secondary;
            }
            for c in unhide {
                cells[c].status = Status::Shown;
                retired.insert(c);
            }
        }
    }
}

/// The members that share atoms (directly or through a relation), each with its relations.
fn components(cells: &[Cell], members: &[usize], identities: &[Relation]) -> Vec<Component> {
    let mut ouder: HashMap<u32, u32> = HashMap::new();
    fn root(ouder: &mut HashMap<u32, u32>, a: u32) -> u32 {
        let mut r = a;
        while let Some(&o) = ouder.get(&r) {
            if o == r {
                break;
            }
            r = o;
        }
        let mut x = a;
        while x != r {
            let volgende = ouder.insert(x, r).unwrap_or(r);
            x = volgende;
        }
        r
    }
    fn join(ouder: &mut HashMap<u32, u32>, atoms: &mut dyn Iterator<Item = u32>) {
        let Some(eerste) = atoms.next() else { return };
        ouder.entry(eerste).or_insert(eerste);
        let r = root(ouder, eerste);
        for a in atoms {
            ouder.entry(a).or_insert(a);
            let ra = root(ouder, a);
            if ra != r {
                ouder.insert(ra, r);
            }
        }
    }
    for c in members {
        join(&mut ouder, &mut cells[*c].atoms.iter().copied());
    }
    let geraakt: BTreeSet<u32> = members.iter().flat_map(|c| cells[*c].atoms.iter().copied()).collect();
    let relevant: Vec<&Relation> = identities.iter().filter(|r| r.iter().any(|(a, _)| geraakt.contains(a))).collect();
    for relatie in &relevant {
        join(&mut ouder, &mut relatie.iter().map(|(a, _)| *a));
    }
    let mut per_root: BTreeMap<u32, Component> = BTreeMap::new();
    for c in members {
        // A figure without atoms is 0 and shown: nothing to decide.
        if let Some(eerste) = cells[*c].atoms.first() {
            let r = root(&mut ouder, *eerste);
            per_root.entry(r).or_default().0.push(*c);
        }
    }
    for relatie in relevant {
        let r = root(&mut ouder, relatie[0].0);
        if let Some(component) = per_root.get_mut(&r) {
            component.1.push(relatie.clone());
        }
    }
    per_root.into_values().collect()
}

fn ones(atoms: &[u32]) -> Sparse {
    atoms.iter().map(|a| (*a, 1)).collect()
}

/// Rows in echelon form, each under its pivot (its smallest column, coefficient 1), with the
/// combination of inserted figures it stands for.
#[derive(Default, Clone)]
struct Basis {
    rows: HashMap<u32, (Vec<(u32, u64)>, Sparse)>,
}

impl Basis {
    /// Eliminates every pivot column from `vector`, keeping `expressie` in step; what remains
    /// is empty exactly when `vector` was in the span.
    fn reduce(&self, mut vector: Sparse, mut expressie: Sparse) -> (Sparse, Sparse) {
        let mut vanaf = 0u32;
        while let Some((&kolom, &factor)) = vector.range(vanaf..).next() {
            if let Some((rij, rij_expressie)) = self.rows.get(&kolom) {
                for (k, v) in rij {
                    axpy(&mut vector, *k, factor, *v);
                }
                for (k, v) in rij_expressie {
                    axpy(&mut expressie, *k, factor, *v);
                }
            }
            match kolom.checked_add(1) {
                Some(volgende) => vanaf = volgende,
                None => break,
            }
        }
        (vector, expressie)
    }

    /// Adds `vector` (standing for `expressie`) to the span; returns its pivot, or `None`
    /// when it was in the span already.
    fn insert(&mut self, vector: Sparse, expressie: Sparse) -> Option<u32> {
        let (vector, expressie) = self.reduce(vector, expressie);
        let (&pivot, &waarde) = vector.iter().next()?;
        let schaal = inverse(waarde);
        let rij = vector.into_iter().map(|(k, v)| (k, mul(v, schaal))).collect();
        let expressie = expressie.into_iter().map(|(k, v)| (k, mul(v, schaal))).collect();
        self.rows.insert(pivot, (rij, expressie));
        Some(pivot)
    }
}

/// `vector[k] -= factor × v`, dropping zeros.
fn axpy(vector: &mut Sparse, k: u32, factor: u64, v: u64) {
    let waarde = vector.get(&k).copied().unwrap_or(0);
    let nieuw = sub(waarde, mul(factor, v));
    if nieuw == 0 {
        vector.remove(&k);
    } else {
        vector.insert(k, nieuw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2 × 2 table with its margins: rows a, b; columns x, y.
    fn table(waarden: [u64; 4]) -> (Figures, Vec<usize>) {
        let mut f = Figures::default();
        let atoms: Vec<u32> = waarden.iter().map(|w| f.atom(*w)).collect();
        let cells = vec![
            f.figure([atoms[0]], Stage::Period),
            f.figure([atoms[1]], Stage::Period),
            f.figure([atoms[2]], Stage::Period),
            f.figure([atoms[3]], Stage::Period),
            f.figure([atoms[0], atoms[1]], Stage::Period),
            f.figure([atoms[2], atoms[3]], Stage::Period),
            f.figure([atoms[0], atoms[2]], Stage::Period),
            f.figure([atoms[1], atoms[3]], Stage::Period),
            f.figure(atoms.clone(), Stage::Period),
        ];
        (f, cells)
    }

    #[test]
    fn a_small_cell_takes_a_rectangle_with_it() {
        let (f, cells) = table([3, 20, 30, 40]);
        let status = f.protect();
        assert_eq!(status[cells[0]], Status::Small);
        // The cheapest way to protect it: its row, its column and the opposite corner.
        let hidden: Vec<usize> = (0..4).filter(|c| status[cells[*c]] != Status::Shown).collect();
        assert_eq!(hidden, [0, 1, 2, 3], "{status:?}");
        assert!(cells[4..].iter().all(|c| status[*c] == Status::Shown), "the margins stay: {status:?}");
    }

    #[test]
    fn nothing_small_hides_nothing_and_zero_is_shown() {
        let (f, cells) = table([0, 20, 30, 40]);
        assert!(cells.iter().all(|c| f.protect()[*c] == Status::Shown));
    }

    #[test]
    fn the_same_atoms_are_one_cell() {
        let mut f = Figures::default();
        let a = f.atom(3);
        let b = f.atom(9);
        let x = f.figure([a], Stage::Period);
        let y = f.figure([a], Stage::Period);
        let totaal = f.figure([a, b], Stage::Period);
        let rest = f.figure([b], Stage::Period);
        let status = f.protect();
        assert_eq!((status[x], status[y]), (Status::Small, Status::Small));
        assert!(status[totaal] != Status::Shown || status[rest] != Status::Shown, "{status:?}");
    }

    #[test]
    fn weeks_are_decided_by_themselves_and_stay() {
        let mut f = Figures::default();
        // Two weeks of one series: 3 and 9, and their total 12.
        let w0 = f.atom(3);
        let w1 = f.atom(9);
        let week0 = f.figure([w0], Stage::Week(0));
        let week1 = f.figure([w1], Stage::Week(1));
        let totaal = f.figure([w0, w1], Stage::Period);
        let status = f.protect();
        assert_eq!((status[week0], status[week1]), (Status::Small, Status::Shown), "week 1 is fine on its own");
        assert_eq!(status[totaal], Status::Secondary, "so the period's total goes");
    }
}
