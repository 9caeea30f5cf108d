//! Property tests: conversions round-trip and arithmetic never loses a minor unit.

use super::{Currency, Money};
use proptest::prelude::*;

fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![
        Just(Currency::EUR),
        Just(Currency::JPY),
        Just(Currency::KWD),
        Just(Currency::CHF)
    ]
}

/// Minor-unit amounts small enough that a sum of two cannot overflow i64.
const LIMIT: i64 = 1 << 60;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn minor_units_round_trip(minor in -LIMIT..LIMIT, c in currency()) {
        prop_assert_eq!(Money::from_minor(minor, c).to_minor(), Ok(minor));
    }

    #[test]
    fn the_wire_string_parses_back_to_the_same_amount(minor in -LIMIT..LIMIT, c in currency()) {
        let m = Money::from_minor(minor, c);
        prop_assert_eq!(Money::parse(&m.amount_string(), c), Ok(m));
        let decimals = m.amount_string().split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert_eq!(decimals, c.minor_units() as usize);
    }

    #[test]
    fn adding_and_subtracting_never_loses_a_minor_unit(
        a in -LIMIT..LIMIT, b in -LIMIT..LIMIT, c in currency()
    ) {
        let (ma, mb) = (Money::from_minor(a, c), Money::from_minor(b, c));
        prop_assert_eq!(ma.checked_add(mb).unwrap().to_minor(), Ok(a + b));
        prop_assert_eq!(ma.checked_sub(mb).unwrap().to_minor(), Ok(a - b));
        prop_assert_eq!(ma.checked_add(mb).unwrap().checked_sub(mb), Ok(ma));
    }

    #[test]
    fn serde_round_trips(minor in -LIMIT..LIMIT, c in currency()) {
        let m = Money::from_minor(minor, c);
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }
}
