//! No cross-tenant oracle: a creditor admin cannot learn that an email belongs to a user of
//! another organisation.

use crate::both_backends;
use crate::helpers::{Backend, UserRequest, assert_problem, spawn_app};

both_backends!(creating_a_user_with_another_tenants_email_says_nothing_of_the_tenant);

async fn creating_a_user_with_another_tenants_email_says_nothing_of_the_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let acme = app.create_creditor("Acme").await;
    let rival = app.create_creditor("Rival Secret Holdings").await;
    let admin = app.create_user(&acme, "creditor_admin").await;
    let rivals_user = app.create_user(&rival, "creditor_member").await;
    let own_user = app.create_user(&acme, "creditor_member").await;

    let mut answers = Vec::new();
    for email in [&rivals_user.email, &own_user.email] {
        let response = app
            .post(
                "/v1/users",
                &admin.token,
                &UserRequest::new(email.to_uppercase(), "creditor_member"),
            )
            .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["code"], "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "email");
        assert_eq!(problem["errors"][0]["code"], "unavailable");
        let text = problem.to_string();
        assert!(!text.contains(&rival) && !text.contains("Rival") && !text.contains("exists"));
        answers.push(problem);
    }
    assert_eq!(
        answers[0], answers[1],
        "another tenant's email is answered exactly like an own one"
    );

    let agency = app
        .post(
            "/v1/users",
            &app.admin_token,
            &UserRequest::new(rivals_user.email, "creditor_member").organisation(acme),
        )
        .await;
    let problem = assert_problem(agency, 409).await;
    assert_eq!(
        problem["code"], "conflict",
        "the agency, which sees everyone, is told"
    );
}
