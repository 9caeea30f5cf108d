//! A webhook receiver: a real HTTP server in the test process that records every request and
//! answers with the status codes a test lines up (200 once the line is empty), and a signature
//! check written from the Standard Webhooks specification, apart from the server's code.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Received {
    pub id: String,
    pub timestamp: String,
    pub signature: String,
    pub content_type: String,
    pub body: Vec<u8>,
    /// What the receiver answered.
    pub answered: u16,
}

impl Received {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

#[derive(Default)]
struct State {
    received: Vec<Received>,
    answers: VecDeque<u16>,
}

/// A running receiver.
pub struct Receiver {
    /// `http://127.0.0.1:<port>/hook`
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Receiver {
    /// Starts a receiver on a free port.
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// Starts a receiver on `port` (0: a free one).
    #[expect(
        clippy::unused_async,
        reason = "it spawns onto the running actix system, so only async code may call it"
    )]
    pub async fn start_on(port: u16) -> Self {
        let state: Arc<Mutex<State>> = Arc::default();
        let shared = web::Data::from(Arc::clone(&state));
        let server = HttpServer::new(move || {
            App::new()
                .app_data(shared.clone())
                .default_service(web::to(receive))
        })
        .workers(1)
        .bind(("127.0.0.1", port))
        .unwrap();
        let port = server.addrs()[0].port();
        tokio::spawn(server.run());
        Self {
            url: format!("http://127.0.0.1:{port}/hook"),
            state,
        }
    }

    /// The next requests are answered with these statuses, in order.
    pub fn answer_next(&self, statuses: &[u16]) {
        self.state.lock().unwrap().answers.extend(statuses);
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// Waits (up to 20 s) until `count` requests satisfying `filter` have arrived.
    pub async fn wait_for(
        &self,
        count: usize,
        filter: impl Fn(&Received) -> bool,
    ) -> Vec<Received> {
        for _ in 0..1_000 {
            let matching: Vec<Received> = self.received().into_iter().filter(&filter).collect();
            if matching.len() >= count {
                return matching;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!(
            "{count} deliveries expected; received: {:#?}",
            self.received()
                .iter()
                .map(|r| (r.id.clone(), r.answered, r.json()["type"].clone()))
                .collect::<Vec<_>>()
        );
    }
}

async fn receive(
    request: HttpRequest,
    body: web::Bytes,
    state: web::Data<Mutex<State>>,
) -> HttpResponse {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut state = state.lock().unwrap();
    let answered = state.answers.pop_front().unwrap_or(200);
    state.received.push(Received {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        content_type: header("content-type"),
        body: body.to_vec(),
        answered,
    });
    HttpResponse::build(actix_web::http::StatusCode::from_u16(answered).unwrap())
        .body(format!("answered {answered}"))
}

/// Whether any `v1` signature of the header verifies `received` with `secret`, as the
/// specification says: HMAC-SHA256 keyed with the base64-decoded secret (without `whsec_`)
/// over `id.timestamp.body`, base64, compared in constant time by `verify_slice`.
pub fn verifies(secret: &str, id: &str, timestamp: &str, body: &[u8], header: &str) -> bool {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .unwrap();
    header.split(' ').any(|signature| {
        let Some(encoded) = signature.strip_prefix("v1,") else {
            return false;
        };
        let Ok(expected) = STANDARD.decode(encoded) else {
            return false;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body);
        mac.verify_slice(&expected).is_ok()
    })
}

/// The check itself accepts the specification's published vector and refuses its near miss, so
/// a test that relies on it cannot pass by a check that accepts everything.
#[test]
fn the_receivers_check_accepts_the_published_vector_and_nothing_else() {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    let body = br#"{"test": 2432232314}"#;
    let good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    assert!(verifies(secret, id, "1614265330", body, good));
    assert!(verifies(
        secret,
        id,
        "1614265330",
        body,
        &format!("v1,bm9wZQ== {good}")
    ));
    assert!(!verifies(
        secret,
        id,
        "1614265330",
        body,
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="
    ));
    assert!(!verifies(secret, id, "1614265331", body, good));
    assert!(!verifies(secret, id, "1614265330", body, "v1,"));
    assert!(!verifies(
        secret,
        id,
        "1614265330",
        body,
        &good.replace("v1,", "v2,")
    ));
}
