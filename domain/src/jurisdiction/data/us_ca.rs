//! California. Described in `docs/law.md`, "US-CA — California".

use super::common::{
    Compounding, ContractualRatePolicy, DayCount, EventEffects, InterestRule, Jurisdiction,
    JurisdictionCode, RateFormula, RuleTopic, UNKNOWN, date, dec, from_date, from_due_date, gap,
    halt, no_effect, restart,
};

const CA_EFFECTS_4: EventEffects = california_effects(4);
const CA_EFFECTS_2: EventEffects = california_effects(2);

const fn california_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(
            years,
            "Code of Civil Procedure s.360 (written, signed acknowledgment or promise)",
        ),
        oral_acknowledgement: no_effect(
            "Code of Civil Procedure s.360 (must be in writing and signed)",
        ),
        part_payment: UNKNOWN,
        written_demand: UNKNOWN,
        court_filing: halt(
            "Code of Civil Procedure s.337 / s.339 (action commenced within the period)",
        ),
        judgment: UNKNOWN,
    }
}

/// California (`US-CA`).
pub(in crate::jurisdiction) const US_CA: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("US-CA"),
    name: "California",
    languages: &["en"],
    currency_code: "USD",
    interest: &[InterestRule {
        rate: RateFormula::Fixed {
            rate_percent: dec(10, 0),
            known_from: None,
            known_until: None,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: from_date(date(1986, 1, 1), "date the contract was made"),
        legal_basis: "Civil Code s.3289(b): 10 % per annum simple after breach, for contracts from 1 January 1986 \
                      that stipulate no rate; s.3287(a): interest on sums certain from the day they vest",
        note: "",
    }],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "written contracts",
            4,
            CA_EFFECTS_4,
            "Code of Civil Procedure s.337: 4 years for written contracts, from breach",
            "",
        ),
        from_due_date(
            "oral contracts",
            2,
            CA_EFFECTS_2,
            "Code of Civil Procedure s.339: 2 years for oral contracts, from breach",
            "",
        ),
        from_due_date(
            "sale of goods",
            4,
            CA_EFFECTS_4,
            "Commercial Code s.2725: 4 years for the sale of goods, from breach",
            "",
        ),
    ],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Civil Code s.1479 not verified."),
        gap(
            RuleTopic::Prescription,
            "A payment counts as acknowledgment only for promissory notes in the verified source (Eilke v. Rice).",
        ),
    ],
};
