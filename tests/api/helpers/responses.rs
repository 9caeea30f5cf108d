//! Reading responses: the JSON body, a problem+json error, a throttled login.

use reqwest::Response;
use serde_json::Value;

/// The JSON body of a response.
pub async fn body(response: Response) -> Value {
    response.json().await.unwrap()
}

/// Asserts a problem+json response with `status` and returns its body.
pub async fn assert_problem(response: Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["status"], status);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .starts_with("https://solvo.dev/problems/")
    );
    problem
}

/// The `(field, code)` of each entry of a problem's `errors`, in the order given.
pub fn field_codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            (
                error["field"].as_str().unwrap().to_owned(),
                error["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Asserts a 429 `rate_limited` with a `Retry-After` of 1 to 900 seconds; returns the wait.
pub async fn assert_throttled(response: reqwest::Response) -> u64 {
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=900).contains(&retry_after),
        "Retry-After {retry_after}"
    );
    let problem = assert_problem(response, 429).await;
    assert_eq!(problem["code"], "rate_limited");
    retry_after
}
