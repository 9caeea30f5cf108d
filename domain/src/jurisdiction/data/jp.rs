//! Japan. Described in `docs/law.md`, "JP — Japan"; art. 405 checked in an
//! English translation of the Civil Code (wikisource).

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, date, dec, fixed_rule,
    from_due_date, gap, halt,
};

/// Japan (`JP`).
pub(in crate::jurisdiction) const JP: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("JP"),
    name: "Japan",
    languages: &["ja"],
    currency_code: "JPY",
    interest: &[fixed_rule(
        dec(3, 0),
        Some(date(2020, 4, 1)),
        Some(date(2029, 3, 31)),
        "Civil Code art. 404 (statutory rate 3 % a year since 1 April 2020, reviewed every 3 years; unchanged for \
         1 April 2023 - 31 March 2029 by the Ministry of Justice's notices of the base rate, the latest Notice No. 73 \
         of 2025); art. 419(1) (damages for delay at the statutory rate in effect when the debtor first became \
         responsible for the delay, for the whole default, or a higher agreed one); art. 405 (unpaid interest is \
         added to the principal only after a year in arrears and the creditor's demand)",
        "A default that began from 1 April 2020 to 31 March 2029 bears 3 % until paid, also after a later \
         revision; one beginning later waits for the next notice. Defaults before 1 April 2020 keep the former \
         5 % or 6 % (not encoded). The Commercial Code's 6 % was abolished.",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "claims arising from 1 April 2020",
        5,
        EventEffects {
            written_acknowledgement: UNKNOWN,
            oral_acknowledgement: UNKNOWN,
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt("Civil Code art. 166(1) (the right exercised within the period)"),
            judgment: UNKNOWN,
        },
        "Civil Code art. 166(1): 5 years from when the creditor knew it could exercise the right (10 years from when \
         it could be exercised)",
        "For an invoice the creditor knows at the due date. The reform's renewal and postponement rules (arts. 150, \
         152) were not verified.",
    )],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "An agreement comes first (art. 490); the statutory order (art. 489) was not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Demand (art. 150) and acknowledgment (art. 152) effects were not verified.",
        ),
    ],
};
