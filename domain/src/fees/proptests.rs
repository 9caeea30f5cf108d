//! Property tests: commission is never negative, never more than the recovery, and never falls
//! when more is recovered, for random valid schedules.

use super::*;
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use proptest::prelude::*;

/// A valid schedule: ascending bounds, rates that with the surcharge stay within 100 %.
fn schedule() -> impl Strategy<Value = FeeSchedule> {
    let tiers = prop::collection::vec((1_i64..5_000_000, 0_u32..8_000, 0_u32..8_000), 1..5);
    (tiers, 0_u32..2_000, 0_u32..400, 0_i64..20_000).prop_map(|(raw, surcharge, days, min)| {
        let mut s = FeeSchedule::default_for(Currency::EUR);
        let mut bound = 0;
        let count = raw.len();
        s.commission_tiers = raw
            .into_iter()
            .enumerate()
            .map(|(i, (step, domestic, international))| {
                bound += step;
                CommissionTier {
                    up_to: (i + 1 < count).then(|| Money::from_minor(bound, Currency::EUR)),
                    domestic_rate_bp: domestic,
                    international_rate_bp: international,
                }
            })
            .collect();
        s.age_surcharges = vec![AgeSurcharge {
            older_than_days: days,
            surcharge_bp: surcharge,
        }];
        s.minimum_commission = Money::from_minor(min, Currency::EUR);
        s
    })
}

fn total(s: &FeeSchedule, minor: i64, age: i64, scope: Scope) -> Money {
    let placed = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let part = RecoveredAmount {
        amount: Money::from_minor(minor, Currency::EUR),
        due_date: placed - chrono::Duration::days(age),
    };
    commission(s, &[part], placed, scope).unwrap().total
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![Just(Scope::Domestic), Just(Scope::International)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn commission_is_never_negative_nor_more_than_recovered(
        s in schedule(), minor in 0_i64..100_000_000_000, age in -30_i64..1000, scope in scope()
    ) {
        let fee = total(&s, minor, age, scope);
        prop_assert!(!fee.is_negative());
        prop_assert!(fee.to_minor().unwrap() <= minor);
    }

    #[test]
    fn commission_never_falls_when_more_is_recovered(
        s in schedule(), a in 0_i64..100_000_000_000, extra in 0_i64..1_000_000,
        age in -30_i64..1000, scope in scope()
    ) {
        let lower = total(&s, a, age, scope).to_minor().unwrap();
        let higher = total(&s, a + extra, age, scope).to_minor().unwrap();
        prop_assert!(lower <= higher, "{} -> {}, {} -> {}", a, lower, a + extra, higher);
    }
}
