//! Uploading, listing and downloading byte for byte, who may upload, and another tenant's
//! documents answering like missing ones.

use super::{PDF_SHA256, Part, documents_path, pdf_bytes, setting, upload, upload_pdf};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use serde_json::json;

both_backends!(
    a_document_round_trips_byte_for_byte,
    only_contributors_upload_and_every_reader_downloads,
    another_tenants_documents_answer_404_like_missing_ones,
);

async fn a_document_round_trips_byte_for_byte(backend: Backend) {
    let (app, _, member, collector, case_id) = setting(backend).await;
    let response = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::file(
                "..\\..\\secret/Invoice 7.pdf",
                "application/pdf",
                pdf_bytes(),
            ),
            Part::text("kind", "invoice"),
        ],
    )
    .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created = body(response).await;
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("doc_"));
    assert_eq!(location, format!("{}/{id}", documents_path(&case_id)));
    assert_eq!(created["case_id"], case_id);
    assert_eq!(created["kind"], "invoice");
    assert_eq!(created["filename"], "Invoice 7.pdf", "no path survives");
    assert_eq!(created["content_type"], "application/pdf");
    assert_eq!(created["size_bytes"], pdf_bytes().len());
    assert_eq!(created["sha256"], PDF_SHA256);
    assert_eq!(created["uploaded_by"], member.id);
    let timeline = body(
        app.get(&format!("/v1/cases/{case_id}/timeline"), &member.token)
            .await,
    )
    .await;
    let last = timeline["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["kind"].as_str(),
            last["detail"]["document_id"].as_str()
        ),
        (Some("document_uploaded"), Some(id))
    );
    assert_eq!(last["state_before"], last["state_after"]);

    let listed = body(app.get(&documents_path(&case_id), &collector.token).await).await;
    assert_eq!(
        listed["data"],
        json!([created]),
        "the list carries metadata, not content"
    );
    assert!(listed["next_cursor"].is_null());
    assert_eq!(body(app.get(&location, &member.token).await).await, created);

    let download = app
        .get(&format!("{location}/content"), &collector.token)
        .await;
    assert_eq!(download.status(), 200);
    let headers = download.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"Invoice 7.pdf\""
    );
    assert_eq!(
        headers["etag"].to_str().unwrap(),
        format!("\"{PDF_SHA256}\"")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        download.bytes().await.unwrap().to_vec(),
        pdf_bytes(),
        "byte for byte"
    );

    let cached = app
        .client
        .get(app.url(&format!("{location}/content")))
        .bearer_auth(&member.token)
        .header("if-none-match", format!("\"{PDF_SHA256}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), 304);

    let untyped = upload(
        &app,
        &collector.token,
        &case_id,
        &[
            Part::text("kind", "proof_of_delivery"),
            Part::file("scan", "application/octet-stream", pdf_bytes()),
        ],
    )
    .await;
    assert_eq!(
        untyped.status(),
        201,
        "an untyped PDF is recognised by its signature"
    );
    let untyped = body(untyped).await;
    assert_eq!(untyped["content_type"], "application/pdf");
    assert_eq!(untyped["uploaded_by"], collector.id);
    let invoices = body(
        app.get(
            &format!("{}?kind=invoice", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    assert_eq!(invoices["data"].as_array().unwrap().len(), 1);
    let page = body(
        app.get(
            &format!("{}?limit=1", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(
            &format!("{}?limit=1&cursor={cursor}", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    assert_eq!(rest["data"][0]["id"], untyped["id"]);
}

async fn only_contributors_upload_and_every_reader_downloads(backend: Backend) {
    let (app, creditor, member, _, case_id) = setting(backend).await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let refused = upload(
        &app,
        &viewer.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("a.txt", "text/plain", b"hi".to_vec()),
        ],
    )
    .await;
    assert_problem(refused, 403).await;
    let document = upload_pdf(&app, &member.token, &case_id).await;
    let content = format!(
        "{}/{}/content",
        documents_path(&case_id),
        document["id"].as_str().unwrap()
    );
    for token in [&viewer.token, &app.admin_token] {
        assert_eq!(app.get(&content, token).await.status(), 200);
    }
    let text = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "correspondence"),
            Part::file(
                "Brief an Müller.txt",
                "text/plain; charset=utf-8",
                b"Sehr geehrte".to_vec(),
            ),
        ],
    )
    .await;
    let text = body(text).await;
    assert_eq!(text["content_type"], "text/plain");
    let download = app
        .get(
            &format!(
                "{}/{}/content",
                documents_path(&case_id),
                text["id"].as_str().unwrap()
            ),
            &viewer.token,
        )
        .await;
    assert_eq!(
        download.headers()["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"Brief an M_ller.txt\"; filename*=UTF-8''Brief%20an%20M%C3%BCller.txt"
    );
}

async fn another_tenants_documents_answer_404_like_missing_ones(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let document_id = upload_pdf(&app, &member.token, &case_id).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let rival = app.create_creditor("Rival").await;
    let outsider = app.create_user(&rival, "creditor_admin").await;
    let missing_case = "case_00000000000000000000000000000000";
    let missing_document = "doc_00000000000000000000000000000000";

    for suffix in ["", "/DOC", "/DOC/content"] {
        let path = |case: &str, document: &str| {
            format!(
                "{}{}",
                documents_path(case),
                suffix.replace("DOC", document)
            )
        };
        let theirs = assert_problem(
            app.get(&path(&case_id, &document_id), &outsider.token)
                .await,
            404,
        )
        .await;
        let no_case = assert_problem(
            app.get(&path(missing_case, &document_id), &outsider.token)
                .await,
            404,
        )
        .await;
        assert_eq!(
            theirs, no_case,
            "GET …/documents{suffix}: the same answer as for a missing case"
        );
        if !suffix.is_empty() {
            let no_document = assert_problem(
                app.get(&path(&case_id, missing_document), &member.token)
                    .await,
                404,
            )
            .await;
            assert_eq!(
                theirs, no_document,
                "GET …/documents{suffix}: the same answer as for a missing document"
            );
        }
    }

    let parts = || {
        [
            Part::text("kind", "other"),
            Part::file("a.pdf", "application/pdf", pdf_bytes()),
        ]
    };
    let theirs = assert_problem(upload(&app, &outsider.token, &case_id, &parts()).await, 404).await;
    let no_case = assert_problem(
        upload(&app, &outsider.token, missing_case, &parts()).await,
        404,
    )
    .await;
    assert_eq!(theirs, no_case, "POST …/documents");

    let other_case = app.place_case(&member.token, "REF-2").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let elsewhere = app
        .get(
            &format!("{}/{document_id}", documents_path(&other_case)),
            &member.token,
        )
        .await;
    assert_problem(elsewhere, 404).await;
    let listed = body(app.get(&documents_path(&case_id), &member.token).await).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        1,
        "the outsider stored nothing"
    );
}
