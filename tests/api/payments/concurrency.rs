//! Payments posted at the same moment to one case all land and are allocated one after the
//! other: nothing is paid twice and every cent is accounted for.

use futures_util::future::join_all;

use super::{balance, parties, pay, place, transfer};
use crate::both_backends;
use crate::helpers::{Backend, body, spawn_app};

both_backends!(parallel_payments_on_one_case_are_all_allocated_in_turn);

async fn parallel_payments_on_one_case_are_all_allocated_in_turn(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Parallel GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-PAR-1",
        "DE",
        &[("DE-P", "2026-02-04", "1000.00")],
    )
    .await;

    // Eight payments of EUR 150 at once, 1,200 in all, against 1,072.64 owed on 2026-06-01.
    let body_of_each = transfer("150.00", "2026-06-01");
    let payments = (0..8).map(|_| pay(&app, &who.collector.token, &case, &body_of_each));
    let responses = join_all(payments).await;

    let mut allocated_cents = 0_i64;
    let mut unapplied_cents = 0_i64;
    for response in responses {
        assert_eq!(response.status(), 201);
        let paid = body(response).await;
        let mut own = 0;
        for line in paid["allocation"].as_array().unwrap() {
            own += cents(line["amount"]["amount"].as_str().unwrap());
        }
        let unapplied = cents(paid["unapplied"]["amount"].as_str().unwrap());
        assert_eq!(
            own + unapplied,
            15_000,
            "each payment is allocated or unapplied to the cent"
        );
        allocated_cents += own;
        unapplied_cents += unapplied;
    }
    assert_eq!(
        allocated_cents, 107_264,
        "exactly what was owed is allocated, once"
    );
    assert_eq!(unapplied_cents, 120_000 - 107_264);
    let after = balance(&app, &who.member.token, &case, "2026-06-30").await;
    assert_eq!(after["outstanding"]["amount"], "0.00");
    assert_eq!(after["unapplied"]["amount"], "127.36");
    assert_eq!(after["paid"]["amount"], "1200.00");
}

fn cents(amount: &str) -> i64 {
    let (units, fraction) = amount.split_once('.').unwrap();
    units.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}
