//! A debtor asks for a payment plan in the portal: so many monthly instalments of what the case
//! owes, from a first date. Within the creditor's limits ([`solvo_domain::portal::plan_limits`])
//! the plan is agreed at once, through the same path as a collector's plan
//! ([`crate::arrangements::plans`]), so the schedule, allocation and state rules are one.
//! Beyond them the request waits for the collector, who accepts it, counters with other terms
//! (which the debtor then accepts or declines in the portal) or declines it with a reason.
//!
//! The creditor's limits are set by its administrator or the agency's ([`set_limits`]); a
//! creditor without them gets the agency's defaults.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::arrangement::MAX_INSTALMENTS;
use solvo_domain::case::CaseState;
use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::plan_limits::{
    self, Exceeded, MAX_ALLOWED_DURATION_MONTHS, MAX_ALLOWED_INSTALMENTS, PlanLimits,
};
use solvo_domain::portal::wording::Refusal;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::page::{Page, PageRequest};
/// A stored plan request, as the views read it.
pub use solvo_persistence::repositories::portal_requests::PlanRequestRow;
use solvo_persistence::repositories::portal_requests::{
    self, PlanLimitsRow, PlanRequestAnswer, StaffScope,
};
use utoipa::ToSchema;
use validator::Validate;

use super::Debtor;
use super::scope::case_in_scope;
use crate::arrangements::plans::{Agreed, agree_on};
use crate::arrangements::{NewPlan, PlanFrequency};
use crate::cases::access::visible_case;
use crate::cases::balance;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::cases::transition::state_of;
use crate::error::{AppError, FieldError};
use crate::money::{parse_amount, to_minor};
use crate::payments::input::required_reason;
use crate::principal::{CaseBook, Principal};

/// What a debtor asks for: `instalment_count` monthly instalments of what the case owes today,
/// the first on `first_due_date`.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"instalment_count": 6, "first_due_date": "2030-02-01"}))]
pub struct NewPlanRequest {
    /// How many monthly instalments (1 to 120).
    #[schema(example = 6, minimum = 1, maximum = 120)]
    pub instalment_count: u32,
    /// The first instalment's day: today or later.
    #[schema(example = "2030-02-01")]
    pub first_due_date: NaiveDate,
}

/// A request as asked, and the plan agreed from it at once if it was within the limits.
#[derive(Debug, Clone)]
pub struct Requested {
    /// The stored request.
    pub request: PlanRequestRow,
    /// The plan and the case after it, when agreed at once.
    pub agreed: Option<Agreed>,
}

/// Why the portal refuses to arrange anything on `case` now; `None` when it may.
fn plan_refusal(case: &CaseRow) -> Result<Option<Refusal>, AppError> {
    Ok(match state_of(case)? {
        CaseState::Amicable | CaseState::PreLegal => None,
        CaseState::Closed { .. } => Some(Refusal::Closed),
        CaseState::Disputed { .. } => Some(Refusal::Disputed),
        CaseState::Legal | CaseState::Insolvency => Some(Refusal::LegalProceedings),
        CaseState::PaymentPlan => Some(Refusal::OnPlan),
        CaseState::Submitted | CaseState::Assessment | CaseState::Paused { .. } => {
            Some(Refusal::NotNow)
        }
    })
}

fn refused(refusal: Refusal, language: Language) -> AppError {
    AppError::PortalRefused {
        reason: refusal.as_str(),
        detail: refusal.text(language).to_owned(),
    }
}

fn monthly(count: u32, first: NaiveDate) -> NewPlan {
    NewPlan {
        instalment_count: Some(count),
        first_due_date: Some(first),
        frequency: Some(PlanFrequency::Monthly),
        instalments: None,
        total: None,
        currency: None,
        grace_days: None,
    }
}

/// Locks `case_id` and reads it again, so two answers to one case follow each other.
fn locked(
    conn: &mut AnyConnection,
    case_id: &str,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    cases::lock_for_change(conn, case_id, now)?;
    Ok(cases::find(conn, None, case_id)?)
}

/// The debtor asks for a plan on case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope; [`AppError::PortalRefused`] on a case
/// that is disputed, closed, in legal proceedings, on a plan, not in collection, or with a
/// request waiting; [`AppError::Validation`] for a schedule no plan may have.
pub fn request(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    input: &NewPlanRequest,
    language: Language,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Requested, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let case = locked(conn, &case.id, now)?;
    if let Some(refusal) = plan_refusal(&case)? {
        return Err(refused(refusal, language));
    }
    let waiting = portal_requests::requests_of_case(conn, &case.id)?
        .into_iter()
        .any(|row| row.status == "pending" || row.status == "countered");
    if waiting {
        return Err(refused(Refusal::RequestPending, language));
    }
    let today = now.date();
    let currency = case.currency;
    let plan = monthly(input.instalment_count, input.first_due_date);
    let owed = balance::load(conn, &case, rates, today)?.outstanding;
    let valid = plan.validate_for(currency, owed, today)?;
    let limits = limits_for(conn, &case.organisation_id, currency)?;
    let exceeded = plan_limits::exceeded(&limits, &valid.instalments, today);
    let principal = debtor.principal();
    let actor = ActorRef::from(&principal);
    let mut row = PlanRequestRow {
        id: new_id("ppr"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        debtor_id: debtor.debtor_id.clone(),
        instalment_count: i32::try_from(input.instalment_count).unwrap_or(i32::MAX),
        first_due_date: input.first_due_date,
        status: "pending".to_owned(),
        exceeded: (!exceeded.is_empty()).then(|| {
            exceeded
                .iter()
                .map(|e| e.as_str())
                .collect::<Vec<_>>()
                .join(",")
        }),
        counter_instalment_count: None,
        counter_first_due_date: None,
        decline_reason: None,
        declined_by: None,
        plan_id: None,
        decided_by: None,
        decided_at: None,
        created_at: now,
    };
    portal_requests::insert_request(conn, &row)?;
    record_activity(
        conn,
        &case,
        &actor,
        Activity::PaymentPlanRequested,
        &json!({
            "request_id": row.id,
            "instalment_count": input.instalment_count,
            "first_due_date": input.first_due_date,
            "within_limits": exceeded.is_empty(),
            "exceeded": exceeded.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
        }),
        now,
    )?;
    if !exceeded.is_empty() {
        // Bring the case to the collector's work queue today, unless it is there already.
        if case.next_action_on.is_none_or(|day| day > today) {
            cases::set_next_action(conn, &case.id, Some(today))?;
        }
        return Ok(Requested {
            request: row,
            agreed: None,
        });
    }
    let agreed = agree_on(conn, &case, &actor, principal.actor_id(), &plan, rates, now)?;
    let answer = PlanRequestAnswer {
        status: "accepted".to_owned(),
        counter_instalment_count: None,
        counter_first_due_date: None,
        decline_reason: None,
        declined_by: None,
        plan_id: Some(agreed.plan.row.id.clone()),
        decided_by: "system".to_owned(),
        decided_at: now,
    };
    if !portal_requests::answer_request(conn, &row.id, "pending", &answer)? {
        return Err(AppError::StaleVersion);
    }
    row.status = answer.status;
    row.plan_id = answer.plan_id;
    row.decided_by = Some(answer.decided_by);
    row.decided_at = Some(now);
    Ok(Requested {
        request: row,
        agreed: Some(agreed),
    })
}

/// The plan requests of case `case_id`, oldest first, as the debtor sees them.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope.
pub fn of_case(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
) -> Result<Vec<PlanRequestRow>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    Ok(portal_requests::requests_of_case(conn, &case.id)?)
}

/// The debtor's answer to a collector's counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CounterAnswer {
    /// Agree the plan on the collector's terms.
    Accept,
    /// Refuse them; no plan is agreed.
    Decline,
}

/// The debtor's answer to a counter, as sent.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"answer": "accept"}))]
pub struct CounterResponse {
    /// `accept` or `decline`.
    pub answer: CounterAnswer,
}

/// The debtor answers the collector's counter to request `request_id` of case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope or for another case's request;
/// [`AppError::Conflict`] when the request is not countered; [`AppError::PortalRefused`] when
/// the case can no longer take a plan; [`AppError::Validation`] when the counter's schedule no
/// longer fits (its first day has passed).
#[expect(clippy::too_many_arguments, reason = "one use case with its context")]
pub fn respond(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    request_id: &str,
    answer: CounterAnswer,
    language: Language,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Decided, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let request = portal_requests::find_request(conn, request_id)?;
    if request.case_id != case.id {
        return Err(AppError::NotFound);
    }
    let case = locked(conn, &case.id, now)?;
    if request.status != "countered" {
        return Err(AppError::Conflict(format!(
            "The request is {}; only a countered request is answered.",
            request.status
        )));
    }
    let principal = debtor.principal();
    let actor = ActorRef::from(&principal);
    let (count, first) = counter_terms(&request)?;
    match answer {
        CounterAnswer::Accept => {
            if let Some(refusal) = plan_refusal(&case)? {
                return Err(refused(refusal, language));
            }
            record_activity(
                conn,
                &case,
                &actor,
                Activity::PaymentPlanCounterAccepted,
                &json!({"request_id": request.id}),
                now,
            )?;
            let agreed = agree_on(
                conn,
                &case,
                &actor,
                principal.actor_id(),
                &monthly(count, first),
                rates,
                now,
            )?;
            let answer = PlanRequestAnswer {
                plan_id: Some(agreed.plan.row.id.clone()),
                ..answer_of("accepted", principal.actor_id(), now)
            };
            finish(conn, &request, "countered", &answer, Some(agreed))
        }
        CounterAnswer::Decline => {
            record_activity(
                conn,
                &case,
                &actor,
                Activity::PaymentPlanCounterDeclined,
                &json!({"request_id": request.id}),
                now,
            )?;
            let answer = PlanRequestAnswer {
                declined_by: Some("debtor".to_owned()),
                ..answer_of("declined", principal.actor_id(), now)
            };
            finish(conn, &request, "countered", &answer, None)
        }
    }
}

fn counter_terms(request: &PlanRequestRow) -> Result<(u32, NaiveDate), AppError> {
    match (
        request.counter_instalment_count,
        request.counter_first_due_date,
    ) {
        (Some(count), Some(first)) => Ok((
            u32::try_from(count)
                .map_err(|err| AppError::corrupt("plan request", &request.id, err))?,
            first,
        )),
        _ => Err(AppError::corrupt(
            "plan request",
            &request.id,
            "countered without terms",
        )),
    }
}

fn answer_of(status: &str, by: &str, now: NaiveDateTime) -> PlanRequestAnswer {
    PlanRequestAnswer {
        status: status.to_owned(),
        counter_instalment_count: None,
        counter_first_due_date: None,
        decline_reason: None,
        declined_by: None,
        plan_id: None,
        decided_by: by.to_owned(),
        decided_at: now,
    }
}

/// A request answered, and the plan agreed if it was accepted.
#[derive(Debug, Clone)]
pub struct Decided {
    /// The request as it is now.
    pub request: PlanRequestRow,
    /// The plan and its case, for an acceptance.
    pub agreed: Option<Agreed>,
}

fn finish(
    conn: &mut AnyConnection,
    request: &PlanRequestRow,
    expected: &str,
    answer: &PlanRequestAnswer,
    agreed: Option<Agreed>,
) -> Result<Decided, AppError> {
    if !portal_requests::answer_request(conn, &request.id, expected, answer)? {
        return Err(AppError::StaleVersion);
    }
    Ok(Decided {
        request: portal_requests::find_request(conn, &request.id)?,
        agreed,
    })
}

/// A collector's decision on a pending request.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(tag = "decision", rename_all = "snake_case", deny_unknown_fields)]
#[schema(example = json!({"decision": "accept"}))]
pub enum PlanRequestDecision {
    /// Agree the plan as asked.
    Accept,
    /// Propose other terms; the debtor accepts or declines them in the portal.
    Counter {
        /// Monthly instalments proposed (1 to 120).
        #[schema(example = 4, minimum = 1, maximum = 120)]
        instalment_count: u32,
        /// The first one's day: today or later.
        #[schema(example = "2030-02-01")]
        first_due_date: NaiveDate,
    },
    /// Refuse it; the debtor reads the reason.
    Decline {
        /// Why, up to 1,000 characters.
        #[schema(example = "Please pay at least 200.00 a month", max_length = 1000)]
        reason: String,
    },
}

/// The collector decides request `request_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `arrange_payments`; [`AppError::NotFound`] for a request on
/// a case the caller may not see; [`AppError::Conflict`] when it is not pending;
/// [`AppError::Validation`] for a counter or acceptance whose schedule breaks a rule (a first
/// day now past), or a blank reason; [`AppError::TransitionRefused`] when the case can no
/// longer take a plan.
pub fn decide(
    conn: &mut AnyConnection,
    caller: &Principal,
    request_id: &str,
    decision: &PlanRequestDecision,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Decided, AppError> {
    caller.require(Permission::ArrangePayments)?;
    let request = portal_requests::find_request(conn, request_id)?;
    let case = visible_case(conn, caller, &request.case_id)?;
    let case = locked(conn, &case.id, now)?;
    if request.status != "pending" {
        return Err(AppError::Conflict(format!(
            "The request is {} already; only a pending request is decided.",
            request.status
        )));
    }
    let actor = ActorRef::from(caller);
    match decision {
        PlanRequestDecision::Accept => {
            let count = u32::try_from(request.instalment_count)
                .map_err(|err| AppError::corrupt("plan request", &request.id, err))?;
            record_activity(
                conn,
                &case,
                &actor,
                Activity::PaymentPlanRequestAccepted,
                &json!({"request_id": request.id}),
                now,
            )?;
            let agreed = agree_on(
                conn,
                &case,
                &actor,
                caller.actor_id(),
                &monthly(count, request.first_due_date),
                rates,
                now,
            )?;
            let answer = PlanRequestAnswer {
                plan_id: Some(agreed.plan.row.id.clone()),
                ..answer_of("accepted", caller.actor_id(), now)
            };
            finish(conn, &request, "pending", &answer, Some(agreed))
        }
        PlanRequestDecision::Counter {
            instalment_count,
            first_due_date,
        } => {
            // The counter must be a plan the case can take now, so the debtor's acceptance
            // cannot fail on terms the collector could have seen.
            let today = now.date();
            let owed = balance::load(conn, &case, rates, today)?.outstanding;
            monthly(*instalment_count, *first_due_date).validate_for(case.currency, owed, today)?;
            record_activity(
                conn,
                &case,
                &actor,
                Activity::PaymentPlanRequestCountered,
                &json!({
                    "request_id": request.id,
                    "instalment_count": instalment_count,
                    "first_due_date": first_due_date,
                }),
                now,
            )?;
            let answer = PlanRequestAnswer {
                counter_instalment_count: Some(
                    i32::try_from(*instalment_count).unwrap_or(i32::MAX),
                ),
                counter_first_due_date: Some(*first_due_date),
                ..answer_of("countered", caller.actor_id(), now)
            };
            finish(conn, &request, "pending", &answer, None)
        }
        PlanRequestDecision::Decline { reason } => {
            let reason = required_reason(reason)?;
            record_activity(
                conn,
                &case,
                &actor,
                Activity::PaymentPlanRequestDeclined,
                &json!({"request_id": request.id, "reason": reason}),
                now,
            )?;
            let answer = PlanRequestAnswer {
                decline_reason: Some(reason),
                declined_by: Some("collector".to_owned()),
                ..answer_of("declined", caller.actor_id(), now)
            };
            finish(conn, &request, "pending", &answer, None)
        }
    }
}

/// Which cases a staff list reaches for `caller`; `None` when none can be (a collector-role API
/// key, which no case is assigned to).
pub(crate) fn staff_scope(caller: &Principal) -> Option<StaffScope<'_>> {
    let collector_id = match caller.case_book() {
        CaseBook::Every => None,
        CaseBook::AssignedTo(id) => Some(id),
        CaseBook::Empty => return None,
    };
    Some(StaffScope {
        organisation_id: caller.tenant_scope(),
        collector_id,
    })
}

/// One page of the plan requests on the caller's cases (a collector's book, the agency, a
/// creditor's own), in `status` if given, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `arrange_payments`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<PlanRequestRow>, AppError> {
    caller.require(Permission::ArrangePayments)?;
    let Some(scope) = staff_scope(caller) else {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    };
    Ok(portal_requests::requests_in_scope(
        conn, scope, status, page,
    )?)
}

/// The limits that `exceeded` names, read back.
///
/// # Errors
/// [`AppError::Corrupt`] for a stored name that does not read.
pub fn exceeded_of(row: &PlanRequestRow) -> Result<Vec<Exceeded>, AppError> {
    row.exceeded
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter(|name| !name.is_empty())
        .map(|name| {
            Exceeded::parse(name).ok_or_else(|| AppError::corrupt("plan request", &row.id, name))
        })
        .collect()
}

/// A creditor's limits, and whether they are its own or the agency's defaults.
#[derive(Debug, Clone)]
pub struct LimitsRecord {
    /// The creditor.
    pub organisation_id: String,
    /// Most instalments.
    pub max_instalments: u32,
    /// The smallest instalment; `None` for the agency default of 25 in the case's currency.
    pub min_instalment: Option<Money>,
    /// Longest plan in months.
    pub max_duration_months: u32,
    /// `creditor` (set) or `agency_default`.
    pub source: &'static str,
}

/// The limits applying to a case of `organisation_id` in `currency`.
fn limits_for(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: Currency,
) -> Result<PlanLimits, AppError> {
    let Some(row) = portal_requests::limits_of(conn, organisation_id)? else {
        return Ok(PlanLimits::agency_defaults(currency));
    };
    Ok(limits_of_row(&row)?.for_currency(currency))
}

fn limits_of_row(row: &PlanLimitsRow) -> Result<PlanLimits, AppError> {
    let corrupt = |err: &dyn std::fmt::Display| {
        AppError::corrupt("plan limits", &row.organisation_id, err.to_string())
    };
    let currency = row.min_instalment_currency;
    Ok(PlanLimits {
        max_instalments: u32::try_from(row.max_instalments).map_err(|err| corrupt(&err))?,
        min_instalment: Money::from_minor(row.min_instalment_minor, currency),
        max_duration_months: u32::try_from(row.max_duration_months).map_err(|err| corrupt(&err))?,
    })
}

/// The creditor `organisation_id` if the caller may manage its limits.
fn managed_creditor(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
) -> Result<(), AppError> {
    caller.require(Permission::ManagePlanLimits)?;
    if !caller.role.may(Permission::AdministerEveryOrganisation)
        && caller.organisation_id != organisation_id
    {
        return Err(AppError::NotFound);
    }
    let organisation = organisations::find(conn, organisation_id)?;
    if organisation.kind != "creditor" {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The plan limits of creditor `organisation_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_plan_limits`; [`AppError::NotFound`] for an
/// organisation that is not a creditor the caller administers.
pub fn get_limits(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
) -> Result<LimitsRecord, AppError> {
    managed_creditor(conn, caller, organisation_id)?;
    record_of(conn, organisation_id)
}

fn record_of(conn: &mut AnyConnection, organisation_id: &str) -> Result<LimitsRecord, AppError> {
    Ok(match portal_requests::limits_of(conn, organisation_id)? {
        Some(row) => {
            let limits = limits_of_row(&row)?;
            LimitsRecord {
                organisation_id: organisation_id.to_owned(),
                max_instalments: limits.max_instalments,
                min_instalment: Some(limits.min_instalment),
                max_duration_months: limits.max_duration_months,
                source: "creditor",
            }
        }
        None => LimitsRecord {
            organisation_id: organisation_id.to_owned(),
            max_instalments: plan_limits::DEFAULT_MAX_INSTALMENTS,
            min_instalment: None,
            max_duration_months: plan_limits::DEFAULT_MAX_DURATION_MONTHS,
            source: "agency_default",
        },
    })
}

/// A creditor's limits as set.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"currency": "EUR", "max_duration_months": 12, "max_instalments": 12, "min_instalment": "25.00"}))]
pub struct NewPlanLimits {
    /// Most instalments a debtor may agree alone (1 to 120).
    #[schema(example = 12, minimum = 1, maximum = 120)]
    pub max_instalments: u32,
    /// The smallest instalment, a positive decimal string in `currency`.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "25.00"
    )]
    pub min_instalment: String,
    /// The currency of `min_instalment`; cases in other currencies keep the agency's default
    /// (25 in their currency).
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// The last instalment falls due at most this many months after the request (1 to 120).
    #[schema(example = 12, minimum = 1, maximum = 120)]
    pub max_duration_months: u32,
}

/// Sets the plan limits of creditor `organisation_id`.
///
/// # Errors
/// As [`get_limits`]; [`AppError::Validation`] naming each field out of range.
pub fn set_limits(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
    input: &NewPlanLimits,
    now: NaiveDateTime,
) -> Result<LimitsRecord, AppError> {
    managed_creditor(conn, caller, organisation_id)?;
    let mut errors = Vec::new();
    if input.max_instalments == 0 || input.max_instalments > MAX_ALLOWED_INSTALMENTS {
        errors.push(FieldError::new(
            "max_instalments",
            "out_of_range",
            format!("1 to {MAX_INSTALMENTS} instalments."),
        ));
    }
    if input.max_duration_months == 0 || input.max_duration_months > MAX_ALLOWED_DURATION_MONTHS {
        errors.push(FieldError::new(
            "max_duration_months",
            "out_of_range",
            format!("1 to {MAX_ALLOWED_DURATION_MONTHS} months."),
        ));
    }
    let minimum = match Currency::parse(&input.currency) {
        Ok(currency) => parse_amount(&input.min_instalment, currency, "min_instalment", false)
            .map_err(|err| errors.push(err))
            .ok(),
        Err(err) => {
            errors.push(FieldError::new(
                "currency",
                "invalid_currency",
                err.to_string(),
            ));
            None
        }
    };
    let Some(minimum) = minimum.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let row = PlanLimitsRow {
        organisation_id: organisation_id.to_owned(),
        max_instalments: i32::try_from(input.max_instalments).unwrap_or(i32::MAX),
        min_instalment_minor: to_minor(minimum, "min_instalment")?,
        min_instalment_currency: minimum.currency(),
        max_duration_months: i32::try_from(input.max_duration_months).unwrap_or(i32::MAX),
        updated_by: caller.actor_id().to_owned(),
        updated_at: now,
    };
    portal_requests::set_limits(conn, &row)?;
    record_of(conn, organisation_id)
}

// Every field is checked by the use case, against the case; nothing is left for the derive.
impl Validate for PlanRequestDecision {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}
