//! The demo's cases, planned without the database: creditor, debtor, invoices, dates and story
//! of each one, as a pure function of its index and of now. Variety comes from [`mix`], a fixed
//! integer hash, so the same day always gives the same cases.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::catalogue::{self, CREDITORS, DEBTORS, DebtorSeed};
use super::story::Story;

/// One invoice of a planned case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct InvoiceSpec {
    /// The creditor's invoice number.
    pub number: String,
    /// Issue date.
    pub issue_date: NaiveDate,
    /// Due date.
    pub due_date: NaiveDate,
    /// Amount in minor units of the case currency.
    pub amount_minor: i64,
}

/// One planned case.
#[derive(Debug, Clone)]
pub(super) struct CaseSpec {
    /// Position in the plan before sorting, the seed of its variety.
    pub index: u64,
    /// Index into [`CREDITORS`].
    pub creditor: usize,
    /// The debtor.
    pub debtor: &'static DebtorSeed,
    /// ISO 4217 currency.
    pub currency: &'static str,
    /// The creditor's reference.
    pub reference: String,
    /// Invoices, newest first.
    pub invoices: Vec<InvoiceSpec>,
    /// When the creditor placed it.
    pub placed_at: NaiveDateTime,
    /// Whether the creditor's ERP placed it with the API key (else a finance user did).
    pub via_api_key: bool,
    /// Notes for the collector.
    pub notes: Option<&'static str>,
    /// Agreed contractual interest, percent per year.
    pub contractual_rate: Option<&'static str>,
    /// What happens after placement.
    pub story: Story,
    /// With [`Story::Paused`]: the automatic resume date, if any.
    pub resume_on: Option<NaiveDate>,
    /// Whether a collector covers the debtor (else the case stays `submitted`).
    pub covered: bool,
}

/// Oldest debt of the demo, in days past due.
const MAX_AGE_DAYS: u64 = 730;
/// Youngest debt of the demo: a creditor places after a reminder or two.
const MIN_AGE_DAYS: u64 = 5;

const NOTES: &[&str] = &[
    "Debtor's accounts payable is only reachable in the morning.",
    "Long-standing customer; please keep the tone friendly.",
    "Goods were delivered in full; signed delivery notes on file.",
    "Debtor promised payment twice by phone and did not pay.",
    "Second address: the debtor moved its warehouse last spring.",
];

/// Splitmix64 of `seed` and `salt`: the demo's only source of variety.
pub(super) fn mix(seed: u64, salt: u64) -> u64 {
    let mut z = seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xD1B5_4A32_D192_ED03))
        .wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a of a text, to seed [`mix`] from a name.
pub(super) fn hash_str(text: &str) -> u64 {
    text.bytes().fold(0xCBF2_9CE4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01B3)
    })
}

/// `count` cases, ordered by placement time so that their time-sortable ids follow it.
pub(super) fn plan(count: u64, now: NaiveDateTime) -> Vec<CaseSpec> {
    let mut specs: Vec<CaseSpec> = (0..count).map(|index| case(index, now)).collect();
    specs.sort_by_key(|spec| (spec.placed_at, spec.index));
    specs
}

fn case(index: u64, now: NaiveDateTime) -> CaseSpec {
    let today = now.date();
    let roll = |salt| mix(index, salt);
    let creditor = usize::from(roll(1) % 5 >= 3);
    let terms = &CREDITORS[creditor];
    let debtor = pick_debtor(roll(2));
    let currency = catalogue::currency_of(debtor.country);
    // Squaring a uniform number skews ages toward the recent: most of a book is young debt.
    let uniform = roll(3) % 1_000;
    let age_days = MIN_AGE_DAYS + (MAX_AGE_DAYS - MIN_AGE_DAYS) * uniform * uniform / 1_000_000;
    let due = today - Days::new(age_days);
    let invoice_count = [1, 1, 1, 1, 1, 1, 2, 2, 3, 3][usize::try_from(roll(4) % 10).unwrap_or(0)];
    let invoices = (0..invoice_count)
        .map(|k| {
            let due_date = due - Days::new(30 * k);
            InvoiceSpec {
                number: format!("{}{}-{index:04}{k}", terms.invoice_prefix, due_date.year()),
                issue_date: due_date - Days::new(terms.payment_term_days),
                due_date,
                amount_minor: amount_minor(roll(10 + k), currency),
            }
        })
        .collect();
    let covered = catalogue::covered(debtor.country, debtor.language);
    let story = match Story::pick(i64::try_from(age_days).unwrap_or(0), roll(7)) {
        // Nobody works an uncovered case, so the most that happens is the creditor withdrawing it.
        story @ Story::Withdrawn => story,
        _ if !covered => Story::Fresh,
        story => story,
    };
    // A defaulted plan needs a month for its instalment to fall due and its grace to pass.
    let latest = if story == Story::PlanDefaulted {
        today - Days::new(30)
    } else {
        today
    };
    let placed_on = (due + Days::new(14 + roll(5) % 50)).min(latest);
    let placed_at = placed_on
        .and_time(NaiveTime::MIN)
        .checked_add_signed(TimeDelta::minutes(
            420 + i64::try_from(roll(6) % 600).unwrap_or(0),
        ))
        .unwrap_or(now)
        .min(now);
    let resume_on =
        (story == Story::Paused && roll(8) % 3 != 0).then(|| today + Days::new(1 + roll(9) % 45));
    CaseSpec {
        index,
        creditor,
        debtor,
        currency,
        reference: format!("{}-{}-{index:04}", terms.reference_prefix, due.year()),
        invoices,
        placed_at,
        via_api_key: index.is_multiple_of(3),
        notes: (roll(20) % 5 == 0).then(|| NOTES[usize::try_from(roll(21) % 5).unwrap_or(0)]),
        contractual_rate: (creditor == 1 && roll(22) % 4 == 0).then_some("9.5"),
        story,
        resume_on,
        covered,
    }
}

fn pick_debtor(roll: u64) -> &'static DebtorSeed {
    let total: u64 = DEBTORS.iter().map(|debtor| debtor.weight).sum();
    let mut left = roll % total.max(1);
    for debtor in DEBTORS {
        if left < debtor.weight {
            return debtor;
        }
        left -= debtor.weight;
    }
    &DEBTORS[0]
}

/// An invoice amount: mostly a few thousand euros, sometimes tens of thousands, in the local
/// currency at a round exchange rate.
fn amount_minor(roll: u64, currency: &str) -> i64 {
    const EUROS: [i64; 10] = [
        380, 950, 950, 1_850, 1_850, 3_400, 3_400, 7_200, 15_800, 42_000,
    ];
    let base = EUROS[usize::try_from(roll % 10).unwrap_or(0)];
    let spread = 80 + i64::try_from(mix(roll, 1) % 41).unwrap_or(0);
    let cents = i64::try_from(mix(roll, 2) % 100).unwrap_or(0);
    let euro_minor = base * spread + cents;
    euro_minor * catalogue::per_euro_percent(currency) / 100
}

#[cfg(test)]
mod tests {
    use super::*;
    use solvo_domain::case::StateName;
    use std::collections::BTreeSet;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|date| date.and_hms_opt(10, 30, 0))
            .unwrap_or_default()
    }

    #[test]
    fn the_plan_is_the_same_every_time() {
        let first = plan(300, now());
        let second = plan(300, now());
        let key = |specs: &[CaseSpec]| -> Vec<(String, NaiveDateTime)> {
            specs
                .iter()
                .map(|s| (s.reference.clone(), s.placed_at))
                .collect()
        };
        assert_eq!(key(&first), key(&second));
    }

    #[test]
    fn every_state_and_at_least_eight_jurisdictions_appear() {
        let specs = plan(300, now());
        let states: BTreeSet<StateName> = specs
            .iter()
            .map(|s| s.story.final_state(s.covered))
            .collect();
        assert_eq!(states.len(), StateName::ALL.len(), "{states:?}");
        let countries: BTreeSet<&str> = specs.iter().map(|s| s.debtor.country).collect();
        assert!(countries.len() >= 8, "{countries:?}");
    }

    #[test]
    fn dates_are_in_the_last_two_years_and_placement_follows_them() {
        let specs = plan(300, now());
        let today = now().date();
        let oldest = today - Days::new(MAX_AGE_DAYS + 60);
        for spec in &specs {
            assert!(spec.placed_at <= now());
            for invoice in &spec.invoices {
                assert!(invoice.due_date >= oldest && invoice.due_date <= today);
                assert!(invoice.issue_date < invoice.due_date);
                assert!(invoice.amount_minor > 0);
                assert!(spec.placed_at.date() >= invoice.due_date);
            }
        }
        let references: BTreeSet<&str> = specs.iter().map(|s| s.reference.as_str()).collect();
        assert_eq!(references.len(), specs.len());
        assert!(specs.windows(2).all(|w| w[0].placed_at <= w[1].placed_at));
    }
}
