//! Poland, ustawa z 8 marca 2013 r. o przeciwdziałaniu nadmiernym opóźnieniom w transakcjach
//! handlowych, art. 4 pkt 3 (text in force since 1 January 2020): the NBP reference rate + 8 pp
//! where the debtor is a public entity that is a healthcare provider (lit. a), + 10 pp otherwise
//! (lit. b); art. 11b: the rate in force on 1 January / 1 July. Only lit. b is encoded; lit. a and
//! transactions concluded before 2020 are gaps. Figures by hand: base x rate x days / 36 500.

use super::examples::{day, money};
use super::*;
use crate::jurisdiction::{self, JurisdictionCode};
use crate::money::Currency;
use crate::rates::RateTables;
use rust_decimal_macros::dec;

fn poland() -> &'static jurisdiction::Jurisdiction {
    jurisdiction::find(JurisdictionCode::from_static("PL")).unwrap()
}

#[test]
fn polish_interest_for_2021_h1_is_the_ministers_announced_ten_point_one_percent() {
    // NBP reference rate in force on 1 January 2021: 0.10 % (from 2020-05-29), + 10 pp (lit. b)
    // = 10.10 %, the rate M.P. 2020 poz. 1212 announced for debtors other than public healthcare
    // providers (it gives 8.1 % for those, lit. a). 2021-01-01 ..= 2021-06-30 is 181 days:
    // 10,000 x 10.10 x 181 / 36 500 = 500.849 -> 500.85.
    let rule = poland().interest_rule_for(day(2020, 12, 31)).unwrap();

    let result = statutory_interest(
        rule,
        &RateTables::embedded().unwrap(),
        &BalanceSchedule::constant(money(dec!(10000), Currency::PLN)),
        day(2021, 1, 1),
        day(2021, 7, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].rate_percent, dec!(10.10));
    assert_eq!(result.lines[0].days, 181);
    assert_eq!(result.total, money(dec!(500.85), Currency::PLN));
}

#[test]
fn a_polish_claim_due_before_2020_has_no_encoded_rule() {
    // The + 10 pp rule starts on 1 January 2020; what a transaction concluded before then keeps is
    // the open point (the 2019 amending act's transitional provision was not read).
    assert!(poland().interest_rule_for(day(2019, 12, 31)).is_none());
    assert!(poland().interest_rule_for(day(2020, 1, 1)).is_some());
}
