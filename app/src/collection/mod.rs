//! What collectors do on a case: the assessment the creditor receives within 48 hours of
//! placement ([`assessment`]), the log of contact attempts with the next action's date
//! ([`activities`]), and the work queue of the caller's cases whose assessment or next action
//! is due ([`work_queue`]).

pub mod activities;
pub mod assessment;
pub mod input;
pub mod work_queue;

pub use assessment::{ASSESSMENT_HOURS, assessment_due_at};
pub use input::{ActivityOutcome, Channel, NewActivity, NewAssessment, NewFindings, Solvency};
pub use solvo_persistence::repositories::collection_work::{ActivityRow, AssessmentRow};
