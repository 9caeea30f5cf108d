//! Austria. Described in `docs/law.md`, "AT — Austria".

use super::common::{
    AllocationOrder, AllocationRule, HALF_YEARLY_FIRST_DAY, InvoiceOrder, Jurisdiction,
    JurisdictionCode, RateSeries, RuleTopic, date, dec, eur, flat_per_payment, from_date, gap,
    reference_rule,
};

/// Austria (`AT`).
pub(in crate::jurisdiction) const AT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("AT"),
    name: "Austria",
    languages: &["de"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::AtBasiszinssatz,
        dec(92, 1),
        HALF_YEARLY_FIRST_DAY,
        from_date(date(2013, 3, 16), "date the contract was concluded"),
        "UGB s.456: 9.2 pp above the Basiszinssatz; the Basiszinssatz on the first calendar day of a half-year \
         governs that half-year. Zahlungsverzugsgesetz (BGBl. I 50/2013): for contracts concluded from 16 March 2013",
        "Only 4 % (ABGB s.1000(1)) when the debtor is not responsible for the delay. The embedded OeNB series is \
         derived from the ECB main refinancing rate by 1. Euro-JuBeG Art. I s.1 (see docs/law.md). Simple \
         interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "UGB s.458: EUR 40 flat",
        "",
    )],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::from_ranks(None, Some(0), Some(1)),
        invoice_order: InvoiceOrder::OldestDueFirst,
        debtor_designation_binds: false,
        legal_basis: "ABGB s.1416: first the interest, then the capital; of several capital sums the one demanded \
                      or at least due, then the one most burdensome to the debtor; s.1415: the debtor's designation \
                      counts only with the creditor's consent",
        note: "Where costs rank is not established. Case law: non-time-barred interest, then principal, last \
               time-barred interest; a claim already sued on ranks first (OGH 3 Ob 113/13h).",
    }),
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Contracts concluded before 16 March 2013 bear 8 pp over the Basiszinssatz (UGB s.352, repealed); that \
             rule is not encoded, and a quote tests the due date, not the contract date.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Where costs rank under s.1416 is not established.",
        ),
        gap(
            RuleTopic::Prescription,
            "3 years (ABGB s.1486 no.1) and s.1497 interruptions are verified, but the period runs from the invoice \
             (or when it could have been issued), not the due date, and invoice dates are not an input yet.",
        ),
    ],
};
