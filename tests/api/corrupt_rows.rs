//! A stored value the domain does not know (a state, currency, jurisdiction or role that no
//! release writes) is a corrupt row: the request that reads it answers the fixed 500 body, never
//! a panic and never the stored text, and the rows beside it are still served.
//!
//! Raw SQL is the point here: the API cannot write such a row.

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, execute_sql, spawn_app};

both_backends!(
    each_typed_column_with_an_unknown_value_answers_the_fixed_500,
    the_cases_beside_a_corrupt_one_are_still_served,
);

async fn execute(app: &TestApp, sql: String) {
    execute_sql(&app.database_url, vec![sql]).await;
}

async fn each_typed_column_with_an_unknown_value_answers_the_fixed_500(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "CORRUPT-1").await;
    let id = case["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/cases/{id}");
    assert_eq!(app.get(&path, &member.token).await.status(), 200);

    for (column, bogus) in [
        ("state", "limbo_state"),
        ("currency", "ZZQ"),
        ("jurisdiction", "gb"),
    ] {
        let original = body(app.get(&path, &app.admin_token).await).await;
        let kept = original[column].as_str().unwrap().to_owned();
        execute(
            &app,
            format!("UPDATE cases SET {column} = '{bogus}' WHERE id = '{id}'"),
        )
        .await;

        let response = app.get(&path, &member.token).await;
        let problem = assert_problem(response, 500).await;
        assert_eq!(problem["code"], "internal", "{column}: {problem}");
        assert!(
            !problem.to_string().contains(bogus),
            "{column}: the stored text stays in the log: {problem}"
        );

        execute(
            &app,
            format!("UPDATE cases SET {column} = '{kept}' WHERE id = '{id}'"),
        )
        .await;
        assert_eq!(
            app.get(&path, &member.token).await.status(),
            200,
            "{column}"
        );
    }

    // A role no release writes: the user's requests fail closed rather than guessing a role.
    execute(
        &app,
        format!(
            "UPDATE users SET role = 'superuser' WHERE id = '{}'",
            member.id
        ),
    )
    .await;
    let problem = assert_problem(app.get("/v1/me", &member.token).await, 500).await;
    assert!(!problem.to_string().contains("superuser"), "{problem}");
}

async fn the_cases_beside_a_corrupt_one_are_still_served(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let corrupt = app.place_case(&member.token, "CORRUPT-2").await;
    let sound = app.place_case(&member.token, "SOUND-1").await;
    let corrupt_id = corrupt["id"].as_str().unwrap();
    execute(
        &app,
        format!("UPDATE cases SET state = 'limbo_state' WHERE id = '{corrupt_id}'"),
    )
    .await;

    let sound_path = format!("/v1/cases/{}", sound["id"].as_str().unwrap());
    let read = body(app.get(&sound_path, &member.token).await).await;

    assert_eq!(read["creditor_reference"], "SOUND-1");
    assert_eq!(read["state"], "submitted");
}
