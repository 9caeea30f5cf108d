//! CSV import as spreadsheets save it: Excel's German "CSV" (Windows-1252, `;`, CRLF, decimal
//! commas, DD.MM.YYYY) in one upload, row numbers for every line end, every error of a row at
//! once, ambiguous files refused with what to write, the template, and the form upload.

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};

both_backends!(
    an_excel_file_of_a_german_clerk_imports_in_one_upload,
    rows_are_numbered_from_the_header_as_row_1_for_every_line_end,
    every_problem_of_a_row_is_reported_at_once_with_its_column,
    ambiguous_or_unreadable_files_are_refused_with_what_to_do,
    the_template_imports_as_it_stands_and_needs_a_login,
    a_form_upload_imports_like_a_csv_body,
);

async fn member(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_member").await.token
}

async fn send(app: &TestApp, token: &str, content_type: &str, bytes: Vec<u8>) -> reqwest::Response {
    app.client
        .post(app.url("/v1/cases/import"))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

/// `text` in Windows-1252, as Excel's plain "CSV" writes it (the letters these tests use).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            'ä' => 0xE4,
            'ö' => 0xF6,
            'ü' => 0xFC,
            'ß' => 0xDF,
            'Ä' => 0xC4,
            c if c.is_ascii() => c as u8,
            other => panic!("{other} is not in this table"),
        })
        .collect()
}

/// What Excel (German locale) saves as "CSV (Trennzeichen-getrennt)": headers as a clerk types
/// them, a column Solvo does not read, amounts with thousands dots and the euro sign, the empty
/// row Excel leaves after formatted cells, each line ended by CRLF.
const CLERK: &str = "Creditor_Reference;Debtor_Legal_Name;Debtor_Country;Debtor_VAT_ID;Debtor_City;Currency;Invoice_Number;Issue_Date;Due_Date;Amount;Bemerkung\r\n\
    K-1001;Müller & Söhne GmbH;DE;DE123456789;Köln;EUR;RE-2026-001;05.01.2026;04.02.2026;1.250,00 €;zweite Mahnung\r\n\
    K-1001;Müller & Söhne GmbH;DE;DE123456789;Köln;EUR;RE-2026-002;15.01.2026;14.02.2026;\"12.345,67\";\r\n\
    K-1002;Bäckerei Weiß KG;DE;DE999999999;Düsseldorf;EUR;RE-2026-003;20.01.2026;19.02.2026;980,5;\r\n\
    ;;;;;;;;;;\r\n";

async fn an_excel_file_of_a_german_clerk_imports_in_one_upload(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let bytes = cp1252(CLERK);
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let response = send(&app, &token, "text/csv", bytes).await;
    assert_eq!(response.status(), 200);
    let outcome = body(response).await;
    assert_eq!(outcome["summary"]["rows"], 3, "{outcome}");
    assert_eq!(outcome["summary"]["rows_created"], 3, "{outcome}");
    assert_eq!(outcome["summary"]["cases_created"], 2);
    assert_eq!(outcome["format"]["encoding"], "windows-1252");
    assert_eq!(outcome["format"]["delimiter"], ";");
    assert_eq!(outcome["format"]["line_ending"], "CRLF");
    assert_eq!(
        outcome["format"]["date_formats"]["issue_date"],
        "DD.MM.YYYY"
    );
    assert_eq!(outcome["format"]["date_formats"]["due_date"], "DD.MM.YYYY");
    assert_eq!(outcome["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(outcome["warnings"][0]["column"], "bemerkung");
    let rows = outcome["results"].as_array().unwrap();
    let case_id = rows[0]["case_id"].as_str().unwrap();
    let case = body(app.get(&format!("/v1/cases/{case_id}"), &token).await).await;
    assert_eq!(case["debtor"]["legal_name"], "Müller & Söhne GmbH");
    assert_eq!(
        case["balance"]["principal"]["amount"], "13595.67",
        "1.250,00 + 12.345,67"
    );
    let other = rows[2]["case_id"].as_str().unwrap();
    let other = body(app.get(&format!("/v1/cases/{other}"), &token).await).await;
    assert_eq!(other["balance"]["principal"]["amount"], "980.50");
    assert_eq!(other["debtor"]["legal_name"], "Bäckerei Weiß KG");
}

/// A header and three rows (the second with a bad date) ended by `end`.
fn lines(end: &str) -> String {
    [
        "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount",
        "R-1,Globex GmbH,DE,DE123456789,EUR,INV-1,2026-01-05,2026-02-04,100.00",
        "R-2,Globex GmbH,DE,DE123456789,EUR,INV-2,2026-01-05,2026-02-30,100.00",
        "R-3,Globex GmbH,DE,DE123456789,EUR,INV-3,2026-01-05,2026-02-04,100.00",
    ]
    .iter()
    .fold(String::new(), |mut text, line| {
        text.push_str(line);
        text.push_str(end);
        text
    })
}

async fn rows_are_numbered_from_the_header_as_row_1_for_every_line_end(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    for (end, name) in [("\r\n", "CRLF"), ("\n", "LF"), ("\r", "CR")] {
        let key = format!("line-end-{name}");
        let response = app
            .client
            .post(app.url("/v1/cases/import"))
            .bearer_auth(&token)
            .header("content-type", "text/csv")
            .header("idempotency-key", key)
            .body(
                lines(end)
                    .replace("R-", &format!("R-{name}-"))
                    .replace("INV-", &format!("INV-{name}-")),
            )
            .send()
            .await
            .unwrap();
        let outcome = body(response).await;
        assert_eq!(outcome["format"]["line_ending"], name);
        let rows: Vec<(u64, &str)> = outcome["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| {
                (
                    row["row"].as_u64().unwrap(),
                    row["status"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [(2, "created"), (3, "rejected"), (4, "created")],
            "{name}: the first data row is row 2"
        );
        assert_eq!(
            outcome["results"][1]["invoice_number"],
            format!("INV-{name}-2")
        );
        assert_eq!(outcome["results"][1]["errors"][0]["column"], "due_date");
    }
}

async fn every_problem_of_a_row_is_reported_at_once_with_its_column(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let csv = "creditor_reference;debtor_legal_name;debtor_country;currency;invoice_number;issue_date;due_date;amount;debtor_kontakt\r\n\
               R-1;Globex GmbH;DE;EUR;;31.02.2026;04.02.2026;1,250;x\r\n\
               R-2;Initech BV;NL;EUR;INV-2;05.01.2026;04.02.2026;1.250,00 $;\r\n";
    let outcome = body(send(&app, &token, "text/csv", csv.as_bytes().to_vec()).await).await;
    let first = &outcome["results"][0];
    assert_eq!(first["row"], 2);
    let columns: Vec<&str> = first["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["column"].as_str().unwrap())
        .collect();
    for column in ["issue_date", "amount", "invoice_number", "debtor_vat_id"] {
        assert!(columns.contains(&column), "{column} in {columns:?}");
    }
    let message = |column: &str| {
        first["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|error| error["column"] == column)
            .and_then(|error| error["message"].as_str())
            .unwrap()
            .to_owned()
    };
    assert!(
        message("amount").contains("1.250,00 for 1250"),
        "{}",
        message("amount")
    );
    assert!(message("amount").contains("1,25 for 1.25"));
    assert!(message("issue_date").contains("no day"));
    let second = &outcome["results"][1];
    let amount = second["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|error| error["column"] == "amount")
        .unwrap();
    assert!(
        amount["message"]
            .as_str()
            .unwrap()
            .contains("the row's currency is EUR"),
        "{second}"
    );
    assert_eq!(outcome["warnings"][0]["column"], "debtor_kontakt");
    assert!(
        outcome["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ignored")
    );
    assert_eq!(outcome["summary"]["rows_rejected"], 2);
}

async fn ambiguous_or_unreadable_files_are_refused_with_what_to_do(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let header = "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount";
    let slashed = format!(
        "{header}\nR-1,Globex GmbH,DE,DE123456789,EUR,INV-1,05/01/2026,04/02/2026,100.00\n"
    );
    let problem = assert_problem(
        send(&app, &token, "text/csv", slashed.into_bytes()).await,
        422,
    )
    .await;
    assert_eq!(problem["code"], "validation_failed");
    assert_eq!(problem["errors"][0]["field"], "issue_date");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("YYYY-MM-DD or DD.MM.YYYY")
    );
    let american = format!(
        "{header}\nR-1,Globex GmbH,DE,DE123456789,EUR,INV-1,01/05/2026,01/31/2026,100.00\n"
    );
    let problem = assert_problem(
        send(&app, &token, "text/csv", american.into_bytes()).await,
        422,
    )
    .await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["issue_date", "due_date"]);
    let mut undefined = cp1252(&format!(
        "{header}\nR-1,Müller,DE,DE123456789,EUR,I,2026-01-05,2026-02-04,1.00\n"
    ));
    undefined.push(0x81);
    let problem = assert_problem(send(&app, &token, "text/csv", undefined).await, 422).await;
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("CSV UTF-8")
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            format!("{header}\r\nR-9,Müller GmbH,DE,DE123456789,EUR,INV-9,2026-01-05,2026-02-04,1250.00\r\n")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let outcome = body(send(&app, &token, "text/csv", utf16).await).await;
    assert_eq!(outcome["format"]["encoding"], "utf-16le");
    assert_eq!(outcome["summary"]["rows_created"], 1, "{outcome}");
    assert_eq!(outcome["results"][0]["row"], 2);
    let missing = assert_problem(
        send(
            &app,
            &token,
            "text/csv",
            b"creditor_reference\nR\n".to_vec(),
        )
        .await,
        422,
    )
    .await;
    assert!(
        missing["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("/v1/cases/import/template")
    );
}

async fn template(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .get(app.url("/v1/cases/import/template"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn the_template_imports_as_it_stands_and_needs_a_login(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let response = template(&app, &token).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bytes = response.bytes().await.unwrap().to_vec();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}creditor_reference,debtor_legal_name,"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2, "the header and one example row");
    let outcome = body(send(&app, &token, "text/csv", bytes.clone()).await).await;
    assert_eq!(outcome["summary"]["rows_created"], 1, "{outcome}");
    assert_eq!(outcome["warnings"], Value::Array(Vec::new()));
    let anonymous = app
        .client
        .get(app.url("/v1/cases/import/template"))
        .send()
        .await
        .unwrap();
    assert_problem(anonymous, 401).await;
    let creditor = body(app.get("/v1/me", &token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(template(&app, &viewer.token).await, 403).await;
}

const BOUNDARY: &str = "solvo-test-boundary";

fn form(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, content) in parts {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"cases.csv\"\r\nContent-Type: application/vnd.ms-excel\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn a_form_upload_imports_like_a_csv_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = member(&app).await;
    let multipart = format!("multipart/form-data; boundary={BOUNDARY}");
    let file = cp1252(CLERK);
    let outcome = body(send(&app, &token, &multipart, form(&[("file", &file)])).await).await;
    assert_eq!(outcome["summary"]["rows_created"], 3, "{outcome}");
    assert_eq!(outcome["format"]["encoding"], "windows-1252");
    let again = body(send(&app, &token, "text/csv", file.clone()).await).await;
    assert_eq!(
        again["summary"]["rows_duplicate"], 3,
        "the same rows as a body"
    );
    let none = assert_problem(
        send(&app, &token, &multipart, form(&[("sheet", b"1")])).await,
        422,
    )
    .await;
    let fields: Vec<&str> = none["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["sheet", "file"]);
    let extra = assert_problem(
        send(
            &app,
            &token,
            &multipart,
            form(&[("file", &file), ("sheet", b"1")]),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(extra["errors"][0]["field"], "sheet");
    assert_problem(send(&app, &token, "application/pdf", file).await, 415).await;
}
