//! Places the planned cases through the same placement use case as `POST /v1/cases` and moves
//! them along their stories through `apply_command`, as the people involved would have.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde_json::{Value, json};
use solvo_domain::case::{
    Command, DisputeResolution, Facts, LegalAssessment, LegalRecommendation, };
use solvo_domain::fees::{FeeSchedule, withdrawal_fee};
use solvo_domain::money::{Currency, Money};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::ledger::{self, PostingRow};

use super::DemoError;
use super::catalogue::{self, DebtorSeed};
use super::people::{CreditorPeople, People};
use super::plan::{CaseSpec, mix};
use super::story::Step;
use crate::cases::balance;
use crate::cases::events::ActorRef;
use crate::cases::input::{InvoiceInput, PlaceCase};
use crate::cases::placement::{PlacementContext, place};
use crate::cases::transition::{Extras, apply_command};
use crate::error::ApiError;
use crate::money::to_minor;
use crate::routes::debtors::{AddressInput, ContactInput, DebtorInput};

const DISPUTES: &[&str] = &[
    "Debtor says part of the delivery arrived damaged and refuses to pay for it.",
    "Debtor claims a 5 % volume discount was agreed and not applied.",
    "Debtor says the invoice was paid by bank transfer in the spring.",
    "Debtor contests the delivery date and the late-payment charges.",
];

const PAUSES: &[&str] = &[
    "We are negotiating a new supply contract with this customer.",
    "Customer asked for time until their quarterly close; we agreed.",
    "We are checking a credit note the customer mentions.",
];

/// Places every case and tells its story; returns the cases as they end.
pub(super) fn place_all(
    conn: &mut AnyConnection,
    people: &People,
    specs: Vec<CaseSpec>,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Vec<CaseRow>, DemoError> {
    let mut placed = Vec::with_capacity(specs.len());
    for spec in specs {
        let creditor = people
            .creditors
            .get(spec.creditor)
            .ok_or_else(|| DemoError::Failed(format!("no creditor {}", spec.creditor)))?;
        let case = place_one(conn, creditor, &spec)?;
        let case = tell(conn, creditor, &spec, case, rates, now)?;
        // The plan promised a state (the demo's tests and its summary rely on it); a case that
        // ends elsewhere means placement or assignment changed under the demo.
        let expected = spec.story.final_state(spec.covered);
        if case.state != expected.as_str() {
            return Err(DemoError::Failed(format!(
                "case {} ended in {} instead of {}",
                spec.reference,
                case.state,
                expected.as_str()
            )));
        }
        placed.push(case);
    }
    Ok(placed)
}

fn place_one(
    conn: &mut AnyConnection,
    creditor: &CreditorPeople,
    spec: &CaseSpec,
) -> Result<CaseRow, DemoError> {
    let actor = if spec.via_api_key {
        ActorRef { kind: "api_key", id: Some(creditor.api_key_id.clone()) }
    } else {
        user(&creditor.member_id)
    };
    let context = PlacementContext { organisation_id: creditor.organisation_id.clone(), actor };
    let valid = request(spec)
        .validate_case(&creditor.organisation_id, "", spec.placed_at)
        .map_err(|errors| DemoError::Failed(format!("case {} is invalid: {errors:?}", spec.reference)))?;
    let placed = place(conn, &context, valid, None, spec.placed_at)
        .map_err(|err| failed(&spec.reference, ApiError::from(err)))?;
    Ok(placed.case)
}

/// The request body a creditor would have sent.
fn request(spec: &CaseSpec) -> PlaceCase {
    PlaceCase {
        debtor: Some(debtor(spec.debtor)),
        debtor_id: None,
        currency: spec.currency.to_owned(),
        creditor_reference: spec.reference.clone(),
        jurisdiction: None,
        invoices: spec
            .invoices
            .iter()
            .map(|invoice| InvoiceInput {
                number: invoice.number.clone(),
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount: format!("{}.{:02}", invoice.amount_minor / 100, invoice.amount_minor % 100),
            })
            .collect(),
        contractual_interest_rate: spec.contractual_rate.map(ToOwned::to_owned),
        notes: spec.notes.map(ToOwned::to_owned),
        quote_id: None,
    }
}

fn debtor(seed: &DebtorSeed) -> DebtorInput {
    let domain = format!("{}.example", catalogue::slug(seed.name));
    DebtorInput {
        kind: Default::default(),
        legal_name: seed.name.to_owned(),
        registration_number: None,
        vat_id: Some(catalogue::vat_id(seed)),
        country: seed.country.to_owned(),
        address: Some(AddressInput {
            line1: Some(seed.street.to_owned()),
            line2: None,
            postal_code: Some(seed.postal_code.to_owned()),
            city: Some(seed.city.to_owned()),
            region: None,
            country: None,
        }),
        contacts: vec![ContactInput {
            name: seed.contact.to_owned(),
            email: Some(format!("accounts@{domain}")),
            phone: None,
            role: Some("accounts payable".to_owned()),
        }],
        preferred_language: Some(seed.language.to_owned()),
    }
}

/// Applies the story's steps a few weeks apart, never later than now.
fn tell(
    conn: &mut AnyConnection,
    creditor: &CreditorPeople,
    spec: &CaseSpec,
    mut case: CaseRow,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseRow, DemoError> {
    let mut at = spec.placed_at;
    let mut assessment: Option<LegalAssessment> = None;
    for (number, step) in (0_u64..).zip(spec.story.steps()) {
        at = (at + Days::new(5 + mix(spec.index, 100 + number) % 40)).min(now);
        let balance = balance::load(conn, &case, rates, at.date())?;
        let facts = Facts {
            outstanding: balance.outstanding,
            paid_to_date: balance.paid,
            legal_assessment: assessment.clone(),
            prescribed: false,
        };
        let turn = Turn { creditor, case: &case, spec, roll: mix(spec.index, 200 + number), principal: balance.principal };
        let (command, actor, extras) = command_for(*step, &turn, &mut assessment)?;
        case = apply_command(conn, &case, &command, &facts, &actor, extras, at)
            .map_err(|err| failed(&spec.reference, err))?;
        if command == Command::Withdraw {
            post_withdrawal_fee(conn, &case, balance.principal, at)?;
        }
    }
    Ok(case)
}

/// What a step needs to know about its case.
struct Turn<'a> {
    creditor: &'a CreditorPeople,
    case: &'a CaseRow,
    spec: &'a CaseSpec,
    /// This step's share of the case's variety.
    roll: u64,
    /// Principal owed now.
    principal: Money,
}

/// The command of a step, who gives it, and the timeline detail: collectors work the case, the
/// creditor's admin gives the instructions (as `POST /v1/cases/{id}/instructions` would). An
/// escalation records its assessment in `assessment`, which a later approval is made on.
fn command_for(
    step: Step,
    turn: &Turn<'_>,
    assessment: &mut Option<LegalAssessment>,
) -> Result<(Command, ActorRef, Extras), DemoError> {
    let by_collector = |command| (command, collector(turn.case), Extras::default());
    let by_creditor = |command, extras| (command, user(&turn.creditor.admin_id), extras);
    let roll = turn.roll;
    Ok(match step {
        Step::StartAmicable => by_collector(Command::StartAmicable),
        Step::AgreePlan => by_collector(Command::AgreePaymentPlan),
        Step::DefaultPlan => by_collector(Command::DefaultPaymentPlan),
        Step::RaiseDispute => by_collector(Command::RaiseDispute { reason: pick(DISPUTES, roll).to_owned() }),
        Step::RejectDispute => by_collector(Command::ResolveDispute { resolution: DisputeResolution::Rejected }),
        Step::UpholdDispute => by_collector(Command::ResolveDispute { resolution: DisputeResolution::Upheld }),
        Step::DeclareInsolvency => by_collector(Command::DeclareInsolvency),
        Step::Close(outcome) => by_collector(Command::Close { outcome }),
        Step::Escalate(recommendation) => {
            let recorded = legal_assessment(recommendation, turn.principal, roll)?;
            *assessment = Some(recorded.clone());
            by_collector(Command::EscalatePreLegal { assessment: recorded })
        }
        Step::Pause => {
            let reason = pick(PAUSES, roll);
            by_creditor(Command::Pause { reason: reason.to_owned() }, instruction("pause", reason, turn.spec.resume_on))
        }
        Step::Withdraw => {
            by_creditor(Command::Withdraw, instruction("withdraw", "Settled with the customer ourselves.", None))
        }
        Step::ApproveLegal => by_creditor(
            Command::ApproveLegal { approved_by: turn.creditor.admin_id.clone() },
            instruction("escalate", "Approved on the assessment.", None),
        ),
        Step::DeclineLegal => by_creditor(
            Command::DeclineLegal { reason: "Costs too high for the amount; keep trying amicably.".to_owned() },
            Extras::default(),
        ),
    })
}

/// An assessment a collector would write: costs of roughly a tenth of the claim plus court fees,
/// and a chance that fits the recommendation.
fn legal_assessment(
    recommendation: LegalRecommendation,
    principal: Money,
    roll: u64,
) -> Result<LegalAssessment, DemoError> {
    let currency: Currency = principal.currency();
    let principal_minor = principal.to_minor().map_err(|err| DemoError::Failed(err.to_string()))?;
    let percent = 8 + i64::try_from(roll % 8).unwrap_or(0);
    let cost = Money::from_minor(principal_minor * percent / 100 + 45_000, currency);
    let (chance, summary) = match recommendation {
        LegalRecommendation::Proceed => (
            60 + (roll % 30) as u8,
            "The claim is documented and undisputed and the debtor is trading; proceedings are likely to succeed.",
        ),
        LegalRecommendation::Settle => (
            45 + (roll % 20) as u8,
            "The debtor is solvent but slow; a settlement offer before filing is the cheaper route.",
        ),
        LegalRecommendation::DoNotProceed => (
            10 + (roll % 15) as u8,
            "The debtor has ceased trading and holds no assets; court costs would not be recovered.",
        ),
    };
    Ok(LegalAssessment {
        recommendation,
        cost_estimate: cost,
        success_probability_pct: chance,
        summary: summary.to_owned(),
    })
}

/// The withdrawal fee `POST /v1/cases/{id}/instructions` charges on `withdraw`.
fn post_withdrawal_fee(
    conn: &mut AnyConnection,
    case: &CaseRow,
    principal: Money,
    at: NaiveDateTime,
) -> Result<(), DemoError> {
    let schedule: FeeSchedule = serde_json::from_str(&case.fee_terms)
        .map_err(|err| DemoError::Failed(format!("fee terms of {}: {err}", case.id)))?;
    let fee = withdrawal_fee(&schedule, principal).map_err(|err| DemoError::Failed(err.to_string()))?;
    let minor = to_minor(fee.amount, "fees")?;
    if minor == 0 {
        return Ok(());
    }
    let posting = PostingRow {
        id: new_id("pst"),
        case_id: case.id.clone(),
        invoice_id: None,
        account: "fees".to_owned(),
        amount_minor: minor,
        currency: case.currency.clone(),
        effective_date: at.date(),
        description: format!("Withdrawal fee: {}", fee.explanation),
        created_at: at,
    };
    ledger::insert_all(conn, &[posting])?;
    Ok(())
}

/// The case's collector; placement assigned one wherever a story goes beyond placement.
fn collector(case: &CaseRow) -> ActorRef {
    ActorRef { kind: "user", id: case.collector_id.clone() }
}

fn user(id: &str) -> ActorRef {
    ActorRef { kind: "user", id: Some(id.to_owned()) }
}

/// Timeline detail as the instructions endpoint writes it.
fn instruction(kind: &str, reason: &str, resume_on: Option<NaiveDate>) -> Extras {
    let detail: Value = json!({"instruction": kind, "reason": reason});
    Extras { resume_on, detail }
}

fn pick(texts: &'static [&'static str], roll: u64) -> &'static str {
    texts[usize::try_from(roll % texts.len() as u64).unwrap_or(0)]
}

fn failed(reference: &str, err: ApiError) -> DemoError {
    let detail = match &err {
        ApiError::Validation(errors) => format!("{errors:?}"),
        other => other.to_string(),
    };
    DemoError::Failed(format!("case {reference}: {detail}"))
}
