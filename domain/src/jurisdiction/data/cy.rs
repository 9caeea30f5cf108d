//! Cyprus. Described in `docs/law.md`, "CY — Cyprus".

use super::common::{
    HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, NaiveDate, RateSeries, RuleTopic, date,
    dec, eur, flat_per_payment, from_date, from_due_date, gap, only_filing, reference_rule,
};

/// The day Law 123(I)/2012 was published; its transitional provisions were not read.
const CY_PUBLISHED: NaiveDate = date(2012, 12, 27);

/// Cyprus (`CY`).
pub(in crate::jurisdiction) const CY: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CY"),
    name: "Cyprus",
    languages: &["el", "tr"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        from_date(CY_PUBLISHED, "day interest starts to run"),
        "Late Payments in Commercial Transactions Law 123(I)/2012: the ECB main refinancing rate as at 1 January / \
         1 July + 8 pp, applying for the following six months; the reference rate is published each half-year by \
         the Ministry of Energy, Commerce, Industry and Tourism",
        "Example published for 2016-H1: 0.05 + 8 = 8.05 %. Simple interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        Some(CY_PUBLISHED),
        "Late Payments in Commercial Transactions Law 123(I)/2012: a minimum of EUR 40 for recovery costs, besides \
         further recovery costs (article not verified)",
        "Counted per late payment as Directive 2011/7/EU art. 6 reads.",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "contract claims",
        6,
        only_filing(
            "Limitation of Actionable Rights Law 66(I)/2012 (action brought within the period)",
        ),
        "Limitation of Actionable Rights Law 66(I)/2012 (in force 1 July 2012): 6 years for contract claims from the \
         completion of the basis of the claim, for an unpaid invoice the due date",
        "The court's power to extend by up to 2 years is not modelled; the transition for older claims ended on \
         31 December 2015.",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The same source also says that only one rate applies, the rate in force on the payment date; the \
             half-yearly reading is encoded until it is settled which one the Law adopts.",
        ),
        gap(
            RuleTopic::CollectionCosts,
            "Further recovery costs are recoverable, but how they are assessed was not read.",
        ),
        gap(
            RuleTopic::Allocation,
            "Not found (common-law appropriation assumed, unverified).",
        ),
        gap(
            RuleTopic::Prescription,
            "The effect of an acknowledgment or a part payment under Law 66(I)/2012 was not found.",
        ),
    ],
};
