//! Paying by bank transfer: the agency's collection account for the case's currency, the RF
//! reference, what is owed, and the EPC QR code, read back by an independent QR decoder (rqrr)
//! from the PNG and compared with the payload written out by hand from EPC069-12.

use serde_json::{Value, json};

use super::{debtor_token, issue_code};
use crate::arrangements::{START, day};
use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, TestApp, assert_problem, body,
    spawn_app_with,
};
use crate::test_clock::move_clock;

both_backends!(
    a_euro_case_has_its_account_reference_amount_and_a_qr_code_a_bank_app_reads,
    a_currency_without_an_account_says_so_and_has_no_code,
);

const ACCOUNTS: &str = r#"[
    {"currency": "EUR", "holder": "Meridian Incasso B.V.", "iban": "DE89 3704 0044 0532 0130 00",
     "bic": "COBADEFFXXX", "bank": "Commerzbank AG"}
]"#;

async fn app(backend: Backend) -> TestApp {
    let app = spawn_app_with(backend, |config| {
        config.test_clock = true;
        config.collection_accounts = Some(ACCOUNTS.to_owned());
    })
    .await;
    move_clock(&app, day(START)).await;
    app
}

async fn get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
}

/// The text of the one QR code in a greyscale PNG.
fn decode_png(bytes: &[u8]) -> String {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(frame.color_type, png::ColorType::Grayscale);
    let width = frame.width as usize;
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, frame.height as usize, |x, y| {
            pixels[y * width + x]
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    let (meta, text) = grids[0].decode().unwrap();
    // EPC069-12: error correction level M, at most version 13.
    assert_eq!(meta.ecc_level, 0, "level M is ECC indicator 0");
    assert!(meta.version.0 <= 13, "version {}", meta.version.0);
    text
}

async fn a_euro_case_has_its_account_reference_amount_and_a_qr_code_a_bank_app_reads(
    backend: Backend,
) {
    let app = app(backend).await;
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "P-1").await;
    let case_id = case["id"].as_str().unwrap();
    let token = debtor_token(&app, &issue_code(&app, case_id).await).await;

    let response = get(
        &app,
        &token,
        &format!("/v1/portal/cases/{case_id}/payment-instructions"),
    )
    .await;
    assert_eq!(response.status(), 200);
    let instructions = body(response).await;
    let owed =
        body(get(&app, &token, &format!("/v1/portal/cases/{case_id}")).await).await["outstanding"]
            .clone();
    assert_eq!(
        instructions["amount"], owed,
        "what the case view says is outstanding"
    );
    let amount = owed["amount"].as_str().unwrap();
    let electronic = case["rf_reference"].as_str().unwrap().replace(' ', "");
    assert_eq!(instructions["reference_electronic"], electronic.as_str());
    assert_eq!(
        instructions["card_payment_available"], false,
        "no Stripe keys here"
    );
    assert_eq!(
        instructions["account"],
        json!({"holder": "Meridian Incasso B.V.", "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX", "bank": "Commerzbank AG"})
    );
    let reference = instructions["reference"].as_str().unwrap();
    assert_eq!(
        instructions["text"],
        format!(
            "Transfer {amount} EUR to Meridian Incasso B.V., IBAN DE89 3704 0044 0532 0130 00, quoting the reference {reference} exactly: it tells us which case your payment settles."
        )
    );
    let png_path = instructions["qr_png"].as_str().unwrap();
    assert_eq!(
        png_path,
        format!("/v1/portal/cases/{case_id}/payment-instructions/qr.png")
    );

    let image = get(&app, &token, png_path).await;
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/png");
    let text = decode_png(&image.bytes().await.unwrap());
    // EPC069-12 version 002, field by field: service tag, version, UTF-8, SEPA credit transfer,
    // BIC, beneficiary, IBAN, amount, purpose (none), the RF reference as structured remittance.
    let expected = format!(
        "BCD\n002\n1\nSCT\nCOBADEFFXXX\nMeridian Incasso B.V.\nDE89370400440532013000\nEUR{amount}\n\n{electronic}"
    );
    assert_eq!(text, expected);

    let svg = get(&app, &token, instructions["qr_svg"].as_str().unwrap()).await;
    assert_eq!(svg.status(), 200);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
}

async fn a_currency_without_an_account_says_so_and_has_no_code(backend: Backend) {
    let app = app(backend).await;
    let creditor = app.create_creditor("Acme Supplies Ltd").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let placed = app
        .post(
            "/v1/cases",
            &member.token,
            &CaseRequest::new("UK-1")
                .debtor(DebtorRequest::company("Initech Ltd", "GB").registration_number("01234567"))
                .currency("GBP")
                .invoice(InvoiceRequest::new("UK-1-1", "500.00", "2026-02-04")),
        )
        .await;
    assert_eq!(placed.status(), 201);
    let case_id = body(placed).await["id"].as_str().unwrap().to_owned();
    let token = debtor_token(&app, &issue_code(&app, &case_id).await).await;
    let instructions: Value = body(
        get(
            &app,
            &token,
            &format!("/v1/portal/cases/{case_id}/payment-instructions"),
        )
        .await,
    )
    .await;
    assert_eq!(instructions["account"], Value::Null);
    assert_eq!(instructions["qr_png"], Value::Null);
    assert_eq!(instructions["amount"]["currency"], "GBP");
    assert_eq!(
        instructions["text"],
        "Paying GBP by bank transfer is not set up here; send a message to your collector."
    );
    let no_code = get(
        &app,
        &token,
        &format!("/v1/portal/cases/{case_id}/payment-instructions/qr.png"),
    )
    .await;
    let problem = assert_problem(no_code, 404).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("no EPC QR code"),
        "{problem}"
    );

    let missing = get(
        &app,
        &token,
        "/v1/portal/cases/cas_00000000000000000000000000000000/payment-instructions",
    )
    .await;
    assert_problem(missing, 404).await;
}
