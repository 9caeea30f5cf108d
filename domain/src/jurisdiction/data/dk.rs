//! Denmark. Described in `docs/law.md`, "DK — Denmark".

use super::common::{
    Applicability, CollectionCostBasis, CollectionCostRule, CompensationSchedule, CompensationUnit,
    Currency, EventEffects, HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries,
    RecoveryCompensation, RuleTopic, UNKNOWN, amount, date, dec, from_date, from_due_date, gap,
    halt, reference_rule, restart,
};

const DK_INTEREST_NOTE: &str = "The embedded Nationalbank fixings run from 1 January 2012 to 1 July 2023 (read back \
                                from the published morarente); earlier and later days are a gap until the fixings are \
                                entered. Simple interest: Directive 2011/7/EU art. 2(6). Claims due before 1 August \
                                2002 (an earlier rule) are not encoded.";

/// Denmark (`DK`).
pub(in crate::jurisdiction) const DK: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("DK"),
    name: "Denmark",
    languages: &["da"],
    currency_code: "DKK",
    interest: &[
        reference_rule(
            RateSeries::DkNationalbankLendingRate,
            dec(8, 0),
            HALF_YEARLY_FIRST_DAY,
            from_date(date(2013, 3, 1), "due date"),
            "Renteloven s.5(1): Danmarks Nationalbank's official lending rate on 1 January / 1 July + 8 pp, for \
             claims due from 1 March 2013; s.3: from the due date if one was fixed, otherwise 30 days after the \
             demand",
            DK_INTEREST_NOTE,
        ),
        reference_rule(
            RateSeries::DkNationalbankLendingRate,
            dec(7, 0),
            HALF_YEARLY_FIRST_DAY,
            Applicability {
                from: Some(date(2002, 8, 1)),
                until: Some(date(2013, 2, 28)),
                date_tested: "due date",
            },
            "Renteloven s.5(1) in its version for claims due from 1 August 2002 to 28 February 2013: the official \
             lending rate on 1 January / 1 July + 7 pp, which those claims keep after 1 March 2013",
            DK_INTEREST_NOTE,
        ),
    ],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat {
            amount: amount(310, Currency::DKK),
        },
        unit: CompensationUnit::PerLatePayment,
        valid_from: Some(date(2013, 2, 1)),
        valid_until: None,
        legal_basis: "Renteloven s.9 a stk. 3; bekendtgørelse nr. 105 of 31 January 2013 s.2 stk. 2: DKK 310 from a \
                      business debtor, without reminder",
        note: "For claims arising after 31 January 2013 (the due date is used here). Østre Landsret allowed it per \
               invoice; in a continuing relationship only once per running arrears.",
    }],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: false,
        },
        legal_basis: "Renteloven s.9 a stk. 1: reasonable extrajudicial recovery costs; the DKK 310 is due in \
                      addition to reminder and collection fees",
        note: "",
    }),
    allocation: None,
    prescription: &[from_due_date(
        "debts in general",
        3,
        EventEffects {
            written_acknowledgement: restart(
                3,
                "Forældelsesloven s.15 (acknowledgment), s.19 (new period)",
            ),
            oral_acknowledgement: restart(
                3,
                "Forældelsesloven s.15 (acknowledgment, express or by conduct), s.19",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Forældelsesloven s.16 (legal steps pursued within a reasonable time)",
            ),
            judgment: UNKNOWN,
        },
        "Forældelsesloven s.3(1) (3 years); s.2 (from when payment could be demanded, or the end of the payment term)",
        "s.5 gives 10 years when the debt's existence and amount were acknowledged in writing; Solvo keeps the \
         3-year restart, the earlier date. Extensions while suits or negotiations are pending (s.21) are not modelled.",
    )],
    gaps: &[
        gap(RuleTopic::Allocation, "No statute found."),
        gap(
            RuleTopic::Prescription,
            "A reminder is not among ss.15-18, but no source confirms it has no effect; part payment as \
             acknowledgment is not confirmed.",
        ),
    ],
};
