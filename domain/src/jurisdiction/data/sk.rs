//! Slovakia. Described in `docs/law.md`, "SK — Slovakia" (NV 21/2013 read on
//! slov-lex.sk).

use super::common::{
    Applicability, CompensationSchedule, CompensationUnit, HALF_YEARLY_FIRST_DAY, Jurisdiction,
    JurisdictionCode, RateFixing, RateSeries, RecoveryCompensation, ReferenceDay, RuleTopic, date,
    dec, eur, gap, reference_rule,
};

const SK_APPLIES: Applicability = Applicability {
    from: Some(date(2015, 1, 1)),
    until: None,
    date_tested: "first day of the default",
};

/// Slovakia (`SK`).
pub(in crate::jurisdiction) const SK: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("SK"),
    name: "Slovakia",
    languages: &["sk"],
    currency_code: "EUR",
    interest: &[
        reference_rule(
            RateSeries::EcbMainRefinancing,
            dec(8, 0),
            HALF_YEARLY_FIRST_DAY,
            SK_APPLIES,
            "Obchodný zákonník s.369(2); nariadenie vlády 21/2013 Z.z. s.1 (as amended by 303/2014): ECB main \
             refinancing rate on the first day of each calendar half-year of the default + 8 pp",
            "The default method. Simple interest: Directive 2011/7/EU art. 2(6).",
        ),
        reference_rule(
            RateSeries::EcbMainRefinancing,
            dec(9, 0),
            RateFixing::FixedAtStart {
                reference_day: ReferenceDay::DayInterestStarts,
            },
            SK_APPLIES,
            "Nariadenie vlády 21/2013 Z.z. s.1 (as amended by 303/2014), creditor's option: ECB main refinancing rate \
             on the first day of the default + 9 pp, fixed for the whole default",
            "The creditor's alternative; the method chosen applies to the whole default (s.1(3)).",
        ),
    ],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat { amount: eur(40) },
        unit: CompensationUnit::OncePerDefault,
        valid_from: None,
        valid_until: None,
        legal_basis: "Obchodný zákonník s.369c(1); nariadenie vlády 21/2013 Z.z. s.2: EUR 40, once, whatever the \
                      length of the delay",
        note: "",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "The current ObZ text on allocation was not read.",
        ),
        gap(
            RuleTopic::Prescription,
            "4 years (ObZ s.397) and its interruptions were not verified.",
        ),
    ],
};
