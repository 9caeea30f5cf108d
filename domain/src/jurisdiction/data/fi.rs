//! Finland. Described in `docs/law.md`, "FI — Finland".

use super::common::{
    EventEffects, HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic,
    date, dec, eur, flat_per_payment, from_date, from_due_date, gap, halt, reference_rule, restart,
};

const FI_BASIS: &str =
    "Act on the limitation of debts (728/2003): interruption and a new 3-year period";

/// Finland (`FI`).
pub(in crate::jurisdiction) const FI: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("FI"),
    name: "Finland",
    languages: &["fi", "sv"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::FiReferenceRate,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        from_date(date(2013, 3, 16), "day interest starts to run"),
        "Korkolaki s.4 read with the Act on payment terms in commercial contracts (30/2013): the reference rate set \
         each half-year by Suomen Pankki + 8 pp for commercial debts",
        "The Suomen Pankki series is not embedded. Simple interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Laki saatavien perinnästä (Debt Collection Act) s.10 e: EUR 40 vakiokorvaus when a business or contracting \
         authority pays a business late",
        "",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "debts in general",
        3,
        EventEffects {
            written_acknowledgement: restart(3, FI_BASIS),
            oral_acknowledgement: restart(3, FI_BASIS),
            part_payment: restart(3, FI_BASIS),
            written_demand: restart(3, FI_BASIS),
            court_filing: halt(
                "Act on the limitation of debts (728/2003): a court claim interrupts",
            ),
        },
        "Act on the limitation of debts (728/2003): 3 years from the due date",
        "Any reminder that identifies the debt interrupts, even a text message; after a judgment 5 years. Section \
         numbers were not verified.",
    )],
    gaps: &[
        gap(
            RuleTopic::CollectionCosts,
            "Caps on non-consumer collection costs (HE 241/2021) were proposed; their in-force date is unverified.",
        ),
        gap(RuleTopic::Allocation, "No statute found."),
    ],
};
