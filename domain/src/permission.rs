//! Who may do what: one table of permissions by role, which every check of the api asks instead
//! of comparing roles itself.
//!
//! Each permission is one kind of check the api makes; the grid in [`Role::may`] gives, for each,
//! the roles allowed. A tenant check (which organisation's rows) comes on top of it: a creditor
//! role acts on its own organisation's data only, see [`Permission::AccessEveryCreditor`].

use crate::identity::Role;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Something a caller may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Place cases, one by one or in bulk: the creditor's admins and members, whose claims they
    /// are.
    PlaceCases,
    /// Create and change debtors: the creditor's admins and members, who place cases against them.
    ChangeDebtors,
    /// Ask for a quote of a prospective placement: the creditor's admins and members, who also
    /// place the cases the quote prices.
    RequestQuotes,
    /// Read quotes: every creditor role (its own) and agency staff (all); not debtors, to whom a
    /// quote is the creditor's business.
    ReadQuotes,
    /// Send instructions to a case (pause, resume, escalate, close): the creditor's admins and
    /// members, and agency staff who work the case. Viewers only read.
    InstructCases,
    /// Approve legal action on a case waiting in `pre_legal`: only the creditor, because legal
    /// action needs the creditor's recorded approval (it bears the court costs).
    ApproveLegalAction,
    /// Withdraw a case: only the creditor, because a withdrawal charges the creditor a fee.
    WithdrawCases,
    /// Assign or reassign a case's collector: the agency administrator, who runs the agency's
    /// workload.
    AssignCases,
    /// Set which jurisdictions a collector covers: the agency administrator.
    SetCollectorCoverage,
    /// Read a collector's coverage: agency staff; to anyone else a collector does not exist.
    ReadCollectorCoverage,
    /// Write on a case's conversation (messages, documents): the creditor's admins and members,
    /// and agency staff. Viewers only read.
    ContributeToCase,
    /// Read a case's messages and documents: everyone but debtors, who never see the
    /// creditor-agency conversation (the tenant check then narrows it to the caller's own cases).
    ReadCaseConversation,
    /// Create, change and disable users: administrators (of the agency, or of a creditor for its
    /// own organisation).
    ManageUsers,
    /// List users: administrators, for the same reason.
    ListUsers,
    /// Create, list and revoke API keys: administrators, as a key acts with a role.
    ManageApiKeys,
    /// Create creditor organisations: the agency administrator, who onboards clients.
    CreateOrganisations,
    /// List organisations: agency staff, who work every creditor's cases.
    ListOrganisations,
    /// Read the operational metrics without the metrics token: the agency administrator, who runs
    /// the installation.
    ReadMetrics,
    /// Read every creditor's data rather than one's own organisation's: agency staff, as the
    /// agency works every creditor's cases.
    AccessEveryCreditor,
    /// List and see the users of every organisation, not only one's own: the agency
    /// administrator, who onboards every creditor.
    AdministerEveryOrganisation,
    /// Add a published reference rate (the next Basiszinssatz, an ECB decision) without a new
    /// release: the agency administrator, who runs the installation; every case's interest is
    /// computed from these rates.
    ManageReferenceRates,
    /// Record money the agency received on a case (a transfer, a card payment, cash): agency
    /// staff, who run the collection accounts.
    RecordPayments,
    /// Report money the creditor received directly from the debtor: the creditor's admins and
    /// members, who see their own bank account, and agency staff who take the report.
    ReportDirectPayments,
    /// Reverse a payment that bounced or was charged back: the agency administrator, and the
    /// creditor's administrator for a direct payment the creditor reported (the use case checks
    /// which).
    ReversePayments,
    /// Read a case's payments and their allocation: agency staff and every creditor role.
    ReadPayments,
    /// Move the test clock of a sandbox started with `--test-clock`: the agency administrator.
    MoveTestClock,
    /// Read and act on every case of the agency, not only the cases assigned to oneself: the
    /// agency administrator, who assigns the work. A collector's cases are their book.
    AccessEveryCase,
    /// Record what a debtor agreed to pay (promises, payment plans) and cancel a plan: agency
    /// staff, who negotiate with the debtor. Creditors read them with `read_payments`.
    ArrangePayments,
    /// Record a case's assessment and log contact attempts, and read one's work queue: agency
    /// staff, who work the cases (a collector their own book).
    WorkCases,
    /// Run a remittance, paying a creditor what the agency collected: the agency administrator,
    /// who runs the collection accounts.
    RunRemittances,
    /// Read remittance statements: the agency administrator (every creditor's) and the creditor's
    /// users (their own), whose finance team reconciles them.
    ReadRemittances,
    /// Refund credit held for a debtor (an overpayment): the agency administrator, who runs the
    /// collection accounts the money goes back from.
    RefundCredit,
    /// Record a debtor's dispute of the claim: the creditor's admins and members, to whom a
    /// debtor often complains first, and agency staff who hear it (a collector on their own
    /// book). Viewers only read.
    RaiseDisputes,
    /// Decide a dispute (upheld, in whole or in part, or rejected): the agency administrator, and
    /// the creditor's administrator, because whether the claim stands is the creditor's call (an
    /// upheld dispute closes the case or credits part of the claim). Collectors and members
    /// record disputes but do not decide them.
    ResolveDisputes,
    /// Read the scheduler's jobs and their failures: the agency administrator, who runs the
    /// installation.
    ReadJobs,
    /// Set the details fee invoices name an organisation by (legal name, address, VAT number,
    /// the agency's VAT rate): the agency administrator for every organisation, a creditor's
    /// administrator for its own, whose finance team knows where invoices must go.
    ManageBilling,
    /// Issue fee invoices and the credit notes that cancel them: the agency administrator, who
    /// runs the agency's books.
    IssueFeeInvoices,
    /// Read fee invoices: the agency administrator (every creditor's) and the creditor's users
    /// (their own), as for remittance statements.
    ReadFeeInvoices,
    /// Register, change, rotate and delete webhook endpoints, and retry or replay deliveries:
    /// the creditor's admin for its own organisation's events, the agency admin for the
    /// agency's own systems. An endpoint's secret signs money events, so members may not.
    ManageWebhooks,
    /// Read the event feed (`/v1/events`): every creditor role (its own events) and the agency
    /// admin (all), so an ERP with a read-only key can poll.
    ReadEvents,
    /// Issue a debtor's portal access code for a letter: agency staff (a collector on their own
    /// book), who send the letters. The new code replaces the old one.
    IssueDebtorAccess,
    /// Import the agency's bank statements (camt.053, camt.054): the agency administrator, who
    /// runs the collection accounts; an import posts the payments it identifies.
    ImportBankStatements,
    /// Read bank transactions and match, unmatch or ignore them by hand: the agency
    /// administrator, for the same reason.
    ReconcileBankTransactions,
    /// Set and read the limits within which a debtor's plan request in the portal is agreed at
    /// once: the agency administrator for any creditor, a creditor administrator for their own.
    ManagePlanLimits,
    /// Read and write the conversation with a case's debtor in the portal: agency staff (a
    /// collector on their own book), who negotiate with the debtor. The conversation is the
    /// agency's, so creditors do not see it: what a debtor writes about the agency's handling,
    /// or about paying, is not the creditor's to read unless the agency passes it on.
    ConverseWithDebtors,
    /// Read and answer debtors' complaints about the agency's conduct: the agency
    /// administrator, as the complaint may be about the collector working the case.
    HandleComplaints,
    /// Read and complete debtors' data-protection requests (GDPR art. 15 to 17): the agency
    /// administrator, who answers for the agency as controller of what it holds.
    HandleDataRequests,
}

impl Permission {
    /// Every permission, in declaration order.
    pub const ALL: [Permission; 47] = [
        Permission::PlaceCases,
        Permission::ChangeDebtors,
        Permission::RequestQuotes,
        Permission::ReadQuotes,
        Permission::InstructCases,
        Permission::ApproveLegalAction,
        Permission::WithdrawCases,
        Permission::AssignCases,
        Permission::SetCollectorCoverage,
        Permission::ReadCollectorCoverage,
        Permission::ContributeToCase,
        Permission::ReadCaseConversation,
        Permission::ManageUsers,
        Permission::ListUsers,
        Permission::ManageApiKeys,
        Permission::CreateOrganisations,
        Permission::ListOrganisations,
        Permission::ReadMetrics,
        Permission::AccessEveryCreditor,
        Permission::AdministerEveryOrganisation,
        Permission::ManageReferenceRates,
        Permission::RecordPayments,
        Permission::ReportDirectPayments,
        Permission::ReversePayments,
        Permission::ReadPayments,
        Permission::MoveTestClock,
        Permission::AccessEveryCase,
        Permission::ArrangePayments,
        Permission::WorkCases,
        Permission::RunRemittances,
        Permission::ReadRemittances,
        Permission::RefundCredit,
        Permission::RaiseDisputes,
        Permission::ResolveDisputes,
        Permission::ReadJobs,
        Permission::ManageBilling,
        Permission::IssueFeeInvoices,
        Permission::ReadFeeInvoices,
        Permission::ManageWebhooks,
        Permission::ReadEvents,
        Permission::IssueDebtorAccess,
        Permission::ImportBankStatements,
        Permission::ReconcileBankTransactions,
        Permission::ManagePlanLimits,
        Permission::ConverseWithDebtors,
        Permission::HandleComplaints,
        Permission::HandleDataRequests,
    ];

    /// The `snake_case` name, as serialised.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlaceCases => "place_cases",
            Self::ChangeDebtors => "change_debtors",
            Self::RequestQuotes => "request_quotes",
            Self::ReadQuotes => "read_quotes",
            Self::InstructCases => "instruct_cases",
            Self::ApproveLegalAction => "approve_legal_action",
            Self::WithdrawCases => "withdraw_cases",
            Self::AssignCases => "assign_cases",
            Self::SetCollectorCoverage => "set_collector_coverage",
            Self::ReadCollectorCoverage => "read_collector_coverage",
            Self::ContributeToCase => "contribute_to_case",
            Self::ReadCaseConversation => "read_case_conversation",
            Self::ManageUsers => "manage_users",
            Self::ListUsers => "list_users",
            Self::ManageApiKeys => "manage_api_keys",
            Self::CreateOrganisations => "create_organisations",
            Self::ListOrganisations => "list_organisations",
            Self::ReadMetrics => "read_metrics",
            Self::AccessEveryCreditor => "access_every_creditor",
            Self::AdministerEveryOrganisation => "administer_every_organisation",
            Self::ManageReferenceRates => "manage_reference_rates",
            Self::RecordPayments => "record_payments",
            Self::ReportDirectPayments => "report_direct_payments",
            Self::ReversePayments => "reverse_payments",
            Self::ReadPayments => "read_payments",
            Self::MoveTestClock => "move_test_clock",
            Self::AccessEveryCase => "access_every_case",
            Self::ArrangePayments => "arrange_payments",
            Self::WorkCases => "work_cases",
            Self::RunRemittances => "run_remittances",
            Self::ReadRemittances => "read_remittances",
            Self::RefundCredit => "refund_credit",
            Self::RaiseDisputes => "raise_disputes",
            Self::ResolveDisputes => "resolve_disputes",
            Self::ReadJobs => "read_jobs",
            Self::ManageBilling => "manage_billing",
            Self::IssueFeeInvoices => "issue_fee_invoices",
            Self::ReadFeeInvoices => "read_fee_invoices",
            Self::ManageWebhooks => "manage_webhooks",
            Self::ReadEvents => "read_events",
            Self::IssueDebtorAccess => "issue_debtor_access",
            Self::ImportBankStatements => "import_bank_statements",
            Self::ReconcileBankTransactions => "reconcile_bank_transactions",
            Self::ManagePlanLimits => "manage_plan_limits",
            Self::ConverseWithDebtors => "converse_with_debtors",
            Self::HandleComplaints => "handle_complaints",
            Self::HandleDataRequests => "handle_data_requests",
        }
    }

    /// Reads a `snake_case` name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|permission| permission.as_str() == raw)
    }

    /// The roles allowed, one column per role in the order of `identity::ALL_ROLES`.
    // Kept as an aligned grid so a row reads across the roles; rustfmt would break the columns.
    #[rustfmt::skip]
    #[expect(clippy::match_same_arms, reason = "a grid: each permission is its own row")]
    fn row(self) -> [bool; 6] {
        const Y: bool = true;
        const N: bool = false;
        use Permission as P;
        match self {
            //                                 agency    collector creditor  creditor  creditor  debtor
            //                                 admin               admin     member    viewer
            P::PlaceCases =>                  [N,        N,        Y,        Y,        N,        N],
            P::ChangeDebtors =>               [N,        N,        Y,        Y,        N,        N],
            P::RequestQuotes =>               [N,        N,        Y,        Y,        N,        N],
            P::ReadQuotes =>                  [Y,        Y,        Y,        Y,        Y,        N],
            P::InstructCases =>               [Y,        Y,        Y,        Y,        N,        N],
            P::ApproveLegalAction =>          [N,        N,        Y,        Y,        N,        N],
            P::WithdrawCases =>               [N,        N,        Y,        Y,        N,        N],
            P::AssignCases =>                 [Y,        N,        N,        N,        N,        N],
            P::SetCollectorCoverage =>        [Y,        N,        N,        N,        N,        N],
            P::ReadCollectorCoverage =>       [Y,        Y,        N,        N,        N,        N],
            P::ContributeToCase =>            [Y,        Y,        Y,        Y,        N,        N],
            P::ReadCaseConversation =>        [Y,        Y,        Y,        Y,        Y,        N],
            P::ManageUsers =>                 [Y,        N,        Y,        N,        N,        N],
            P::ListUsers =>                   [Y,        N,        Y,        N,        N,        N],
            P::ManageApiKeys =>               [Y,        N,        Y,        N,        N,        N],
            P::CreateOrganisations =>         [Y,        N,        N,        N,        N,        N],
            P::ListOrganisations =>           [Y,        Y,        N,        N,        N,        N],
            P::ReadMetrics =>                 [Y,        N,        N,        N,        N,        N],
            P::AccessEveryCreditor =>         [Y,        Y,        N,        N,        N,        N],
            P::AdministerEveryOrganisation => [Y,        N,        N,        N,        N,        N],
            P::ManageReferenceRates =>        [Y,        N,        N,        N,        N,        N],
            P::RecordPayments =>              [Y,        Y,        N,        N,        N,        N],
            P::ReportDirectPayments =>        [Y,        Y,        Y,        Y,        N,        N],
            P::ReversePayments =>             [Y,        N,        Y,        N,        N,        N],
            P::ReadPayments =>                [Y,        Y,        Y,        Y,        Y,        N],
            P::MoveTestClock =>               [Y,        N,        N,        N,        N,        N],
            P::AccessEveryCase =>             [Y,        N,        N,        N,        N,        N],
            P::ArrangePayments =>             [Y,        Y,        N,        N,        N,        N],
            P::WorkCases =>                   [Y,        Y,        N,        N,        N,        N],
            P::RunRemittances =>              [Y,        N,        N,        N,        N,        N],
            P::ReadRemittances =>             [Y,        N,        Y,        Y,        Y,        N],
            P::RefundCredit =>                [Y,        N,        N,        N,        N,        N],
            P::RaiseDisputes =>               [Y,        Y,        Y,        Y,        N,        N],
            P::ResolveDisputes =>             [Y,        N,        Y,        N,        N,        N],
            P::ReadJobs =>                    [Y,        N,        N,        N,        N,        N],
            P::ManageBilling =>               [Y,        N,        Y,        N,        N,        N],
            P::IssueFeeInvoices =>            [Y,        N,        N,        N,        N,        N],
            P::ReadFeeInvoices =>             [Y,        N,        Y,        Y,        Y,        N],
            P::ManageWebhooks =>              [Y,        N,        Y,        N,        N,        N],
            P::ReadEvents =>                  [Y,        N,        Y,        Y,        Y,        N],
            P::IssueDebtorAccess =>           [Y,        Y,        N,        N,        N,        N],
            P::ImportBankStatements =>        [Y,        N,        N,        N,        N,        N],
            P::ReconcileBankTransactions =>   [Y,        N,        N,        N,        N,        N],
            P::ManagePlanLimits =>            [Y,        N,        Y,        N,        N,        N],
            P::ConverseWithDebtors =>         [Y,        Y,        N,        N,        N,        N],
            P::HandleComplaints =>            [Y,        N,        N,        N,        N,        N],
            P::HandleDataRequests =>          [Y,        N,        N,        N,        N,        N],
        }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Role {
    /// Whether the role has the permission, read off the one grid of permissions by role.
    #[must_use]
    pub fn may(self, permission: Permission) -> bool {
        let column = match self {
            Self::AgencyAdmin => 0,
            Self::Collector => 1,
            Self::CreditorAdmin => 2,
            Self::CreditorMember => 3,
            Self::CreditorViewer => 4,
            Self::Debtor => 5,
        };
        permission.row().get(column).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::Permission;
    use crate::identity::{ALL_ROLES, Role};

    /// The grid written out once more, as the roles' names per permission, so a change to the
    /// table has to be made twice, on purpose.
    const EXPECTED: [(&str, &[&str]); 47] = [
        ("place_cases", &["creditor_admin", "creditor_member"]),
        ("change_debtors", &["creditor_admin", "creditor_member"]),
        ("request_quotes", &["creditor_admin", "creditor_member"]),
        (
            "read_quotes",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        (
            "instruct_cases",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
            ],
        ),
        (
            "approve_legal_action",
            &["creditor_admin", "creditor_member"],
        ),
        ("withdraw_cases", &["creditor_admin", "creditor_member"]),
        ("assign_cases", &["agency_admin"]),
        ("set_collector_coverage", &["agency_admin"]),
        ("read_collector_coverage", &["agency_admin", "collector"]),
        (
            "contribute_to_case",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
            ],
        ),
        (
            "read_case_conversation",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        ("manage_users", &["agency_admin", "creditor_admin"]),
        ("list_users", &["agency_admin", "creditor_admin"]),
        ("manage_api_keys", &["agency_admin", "creditor_admin"]),
        ("create_organisations", &["agency_admin"]),
        ("list_organisations", &["agency_admin", "collector"]),
        ("read_metrics", &["agency_admin"]),
        ("access_every_creditor", &["agency_admin", "collector"]),
        ("administer_every_organisation", &["agency_admin"]),
        ("manage_reference_rates", &["agency_admin"]),
        ("record_payments", &["agency_admin", "collector"]),
        (
            "report_direct_payments",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
            ],
        ),
        ("reverse_payments", &["agency_admin", "creditor_admin"]),
        (
            "read_payments",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        ("move_test_clock", &["agency_admin"]),
        ("access_every_case", &["agency_admin"]),
        ("arrange_payments", &["agency_admin", "collector"]),
        ("work_cases", &["agency_admin", "collector"]),
        ("run_remittances", &["agency_admin"]),
        (
            "read_remittances",
            &[
                "agency_admin",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        ("refund_credit", &["agency_admin"]),
        (
            "raise_disputes",
            &[
                "agency_admin",
                "collector",
                "creditor_admin",
                "creditor_member",
            ],
        ),
        ("resolve_disputes", &["agency_admin", "creditor_admin"]),
        ("read_jobs", &["agency_admin"]),
        ("manage_billing", &["agency_admin", "creditor_admin"]),
        ("issue_fee_invoices", &["agency_admin"]),
        (
            "read_fee_invoices",
            &[
                "agency_admin",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        ("manage_webhooks", &["agency_admin", "creditor_admin"]),
        (
            "read_events",
            &[
                "agency_admin",
                "creditor_admin",
                "creditor_member",
                "creditor_viewer",
            ],
        ),
        ("issue_debtor_access", &["agency_admin", "collector"]),
        ("import_bank_statements", &["agency_admin"]),
        ("reconcile_bank_transactions", &["agency_admin"]),
        ("manage_plan_limits", &["agency_admin", "creditor_admin"]),
        ("converse_with_debtors", &["agency_admin", "collector"]),
        ("handle_complaints", &["agency_admin"]),
        ("handle_data_requests", &["agency_admin"]),
    ];

    #[test]
    fn the_whole_grid_of_roles_and_permissions_is_as_written_out() {
        let names: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
        let expected_names: Vec<&str> = EXPECTED.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names, expected_names,
            "one expected row per permission, in order"
        );
        for (name, allowed) in EXPECTED {
            let permission = Permission::parse(name).unwrap();
            for role in ALL_ROLES {
                assert_eq!(
                    role.may(permission),
                    allowed.contains(&role.as_str()),
                    "{} may {}",
                    role.as_str(),
                    name
                );
            }
        }
    }

    #[test]
    fn the_grid_agrees_with_the_role_predicates_the_api_used() {
        for role in ALL_ROLES {
            let creditor_placer = matches!(role, Role::CreditorAdmin | Role::CreditorMember);
            assert_eq!(role.may(Permission::PlaceCases), creditor_placer);
            assert_eq!(role.may(Permission::ManageUsers), role.is_admin());
            assert_eq!(role.may(Permission::ManageApiKeys), role.is_admin());
            assert_eq!(
                role.may(Permission::ListOrganisations),
                role.is_agency_staff()
            );
            assert_eq!(
                role.may(Permission::AccessEveryCreditor),
                role.is_agency_staff()
            );
            assert_eq!(
                role.may(Permission::ReadCaseConversation),
                role != Role::Debtor
            );
        }
    }

    #[test]
    fn whoever_approves_legal_action_or_withdraws_may_also_instruct() {
        for role in ALL_ROLES {
            for special in [Permission::ApproveLegalAction, Permission::WithdrawCases] {
                assert!(!role.may(special) || role.may(Permission::InstructCases));
            }
        }
    }

    #[test]
    fn a_debtor_may_nothing_here() {
        assert!(Permission::ALL.into_iter().all(|p| !Role::Debtor.may(p)));
    }

    #[test]
    fn names_read_back_and_serialise_the_same() {
        for permission in Permission::ALL {
            assert_eq!(Permission::parse(permission.as_str()), Some(permission));
            assert_eq!(
                serde_json::to_string(&permission).unwrap(),
                format!("\"{}\"", permission.as_str())
            );
        }
    }
}
