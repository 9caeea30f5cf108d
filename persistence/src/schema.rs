//! Diesel table definitions, written by hand to match both migration sets. Only types both
//! backends share are used (Text, `BigInt`, Bool, Timestamp); money is `BigInt` minor units.

diesel::table! {
    organisations (id) {
        id -> Text,
        kind -> Text,
        name -> Text,
        country -> Text,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        plan_grace_days -> Integer,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        organisation_id -> Text,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        disabled -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_keys (id) {
        id -> Text,
        organisation_id -> Text,
        name -> Text,
        prefix -> Text,
        secret_hash -> Text,
        role -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    password_resets (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        issued_by -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (key) {
        key -> Text,
        failures -> Integer,
        last_failure_at -> Timestamp,
    }
}

diesel::table! {
    debtors (id) {
        id -> Text,
        organisation_id -> Text,
        legal_name -> Text,
        registration_number -> Nullable<Text>,
        vat_id -> Nullable<Text>,
        country -> Text,
        address_line1 -> Nullable<Text>,
        address_line2 -> Nullable<Text>,
        postal_code -> Nullable<Text>,
        city -> Nullable<Text>,
        region -> Nullable<Text>,
        address_country -> Nullable<Text>,
        contacts -> Text,
        preferred_language -> Nullable<Text>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    collector_coverage (user_id, country, language) {
        user_id -> Text,
        country -> Text,
        language -> Text,
    }
}

diesel::table! {
    sequences (name) {
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    quotes (id) {
        id -> Text,
        organisation_id -> Text,
        body -> Text,
        fee_terms -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    cases (id) {
        id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        debtor_country -> Text,
        case_number -> BigInt,
        rf_reference -> Text,
        creditor_reference -> Text,
        currency -> Text,
        jurisdiction -> Text,
        state -> Text,
        state_detail -> Text,
        outcome -> Nullable<Text>,
        collector_id -> Nullable<Text>,
        contractual_interest_rate -> Nullable<Text>,
        notes -> Nullable<Text>,
        quote_id -> Nullable<Text>,
        fee_schedule_id -> Text,
        resume_on -> Nullable<Date>,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        next_action_on -> Nullable<Date>,
        prescription_deadline -> Nullable<Date>,
        prescription_checked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    fee_schedules (id) {
        id -> Text,
        terms -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    invoices (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        number -> Text,
        issue_date -> Date,
        due_date -> Date,
        amount_minor -> BigInt,
        currency -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    ledger_postings (id) {
        id -> Text,
        case_id -> Text,
        invoice_id -> Nullable<Text>,
        account -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        effective_date -> Date,
        description -> Text,
        created_at -> Timestamp,
        payment_id -> Nullable<Text>,
    }
}

diesel::table! {
    payments (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        received_by -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        value_date -> Date,
        method -> Text,
        bank_reference -> Nullable<Text>,
        payer -> Nullable<Text>,
        designated_invoice_id -> Nullable<Text>,
        designation_honoured -> Bool,
        recorded_by -> Text,
        created_at -> Timestamp,
        reversed_at -> Nullable<Timestamp>,
        reversal_reason -> Nullable<Text>,
        reversed_by -> Nullable<Text>,
    }
}

diesel::table! {
    case_assessments (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        approach -> Text,
        expected_timeline -> Text,
        cost_structure -> Text,
        solvency -> Text,
        reachable -> Bool,
        findings -> Nullable<Text>,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    case_activities (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        channel -> Text,
        outcome -> Text,
        notes -> Nullable<Text>,
        next_action_on -> Nullable<Date>,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    remittances (id) {
        id -> Text,
        organisation_id -> Text,
        currency -> Text,
        period_end -> Date,
        collected_minor -> BigInt,
        costs_minor -> BigInt,
        unapplied_minor -> BigInt,
        commission_minor -> BigInt,
        net_minor -> BigInt,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    remittance_lines (id) {
        id -> Text,
        remittance_id -> Text,
        payment_id -> Text,
        case_id -> Text,
        kind -> Text,
        value_date -> Date,
        amount_minor -> BigInt,
        principal_minor -> BigInt,
        interest_minor -> BigInt,
        costs_minor -> BigInt,
        unapplied_minor -> BigInt,
        commission_minor -> BigInt,
        net_minor -> BigInt,
    }
}

diesel::table! {
    refunds (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        method -> Text,
        reference -> Nullable<Text>,
        reason -> Text,
        refunded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    scheduled_jobs (id) {
        id -> Text,
        kind -> Text,
        case_id -> Text,
        due_on -> Date,
        status -> Text,
        attempts -> Integer,
        last_error -> Nullable<Text>,
        next_attempt_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    legal_steps (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        kind -> Text,
        occurred_on -> Date,
        court -> Nullable<Text>,
        reference -> Nullable<Text>,
        administrator -> Nullable<Text>,
        notes -> Nullable<Text>,
        amount_minor -> Nullable<BigInt>,
        costs_awarded_minor -> Nullable<BigInt>,
        currency -> Text,
        recorded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    promises (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        due_date -> Date,
        status -> Text,
        note -> Nullable<Text>,
        recorded_by -> Text,
        created_at -> Timestamp,
        settled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    payment_plans (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        total_minor -> BigInt,
        currency -> Text,
        frequency -> Nullable<Text>,
        grace_days -> Integer,
        status -> Text,
        review_on -> Nullable<Date>,
        defaulted_instalment -> Nullable<Integer>,
        cancel_reason -> Nullable<Text>,
        recorded_by -> Text,
        created_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    disputes (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        category -> Text,
        text -> Text,
        disputed_amount_minor -> Nullable<BigInt>,
        currency -> Text,
        invoice_numbers -> Text,
        document_ids -> Text,
        raised_by -> Text,
        raised_at -> Timestamp,
        status -> Text,
        resolution_reasons -> Nullable<Text>,
        credited_amount_minor -> Nullable<BigInt>,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    payment_plan_instalments (plan_id, number) {
        plan_id -> Text,
        number -> Integer,
        due_date -> Date,
        amount_minor -> BigInt,
    }
}

diesel::table! {
    case_events (id) {
        id -> Text,
        case_id -> Text,
        occurred_at -> Timestamp,
        actor_kind -> Text,
        actor_id -> Nullable<Text>,
        kind -> Text,
        state_before -> Nullable<Text>,
        state_after -> Nullable<Text>,
        detail -> Text,
    }
}

diesel::table! {
    messages (id) {
        id -> Text,
        case_id -> Text,
        author_id -> Text,
        author_side -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    message_reads (message_id, reader_id) {
        message_id -> Text,
        reader_id -> Text,
        read_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> Text,
        case_id -> Text,
        kind -> Text,
        filename -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
        uploaded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    idempotency_keys (organisation_id, idempotency_key) {
        organisation_id -> Text,
        idempotency_key -> Text,
        request_hash -> Text,
        status_code -> Integer,
        response_body -> Text,
        created_at -> Timestamp,
        claimed_by -> Nullable<Text>,
        lease_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    idempotency_progress (organisation_id, idempotency_key, chunk_number) {
        organisation_id -> Text,
        idempotency_key -> Text,
        chunk_number -> Integer,
        outcomes -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(api_keys -> organisations (organisation_id));
diesel::joinable!(debtors -> organisations (organisation_id));
diesel::joinable!(collector_coverage -> users (user_id));
diesel::table! {
    rate_entries (id) {
        id -> Text,
        series -> Text,
        effective_date -> Date,
        rate -> Text,
        source -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    debtor_access (id) {
        id -> Text,
        case_id -> Text,
        code_hash -> Text,
        issued_by -> Text,
        issued_at -> Timestamp,
    }
}

diesel::joinable!(debtor_access -> cases (case_id));
diesel::joinable!(cases -> debtors (debtor_id));
diesel::joinable!(cases -> fee_schedules (fee_schedule_id));
diesel::joinable!(invoices -> cases (case_id));
diesel::joinable!(ledger_postings -> cases (case_id));
diesel::joinable!(payments -> cases (case_id));
diesel::joinable!(promises -> cases (case_id));
diesel::joinable!(legal_steps -> cases (case_id));
diesel::joinable!(scheduled_jobs -> cases (case_id));
diesel::joinable!(refunds -> cases (case_id));
diesel::joinable!(remittance_lines -> remittances (remittance_id));
diesel::joinable!(remittance_lines -> payments (payment_id));
diesel::joinable!(case_assessments -> cases (case_id));
diesel::joinable!(case_activities -> cases (case_id));
diesel::joinable!(payment_plans -> cases (case_id));
diesel::joinable!(disputes -> cases (case_id));
diesel::joinable!(payment_plan_instalments -> payment_plans (plan_id));
diesel::joinable!(case_events -> cases (case_id));
diesel::joinable!(messages -> cases (case_id));
diesel::joinable!(message_reads -> messages (message_id));
diesel::joinable!(documents -> cases (case_id));

diesel::table! {
    billing_details (organisation_id) {
        organisation_id -> Text,
        legal_name -> Text,
        address -> Text,
        vat_id -> Nullable<Text>,
        vat_rate_bp -> Nullable<Integer>,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    fee_invoice_numbers (series, year) {
        series -> Text,
        year -> Integer,
        last_sequence -> BigInt,
    }
}

diesel::table! {
    fee_invoices (id) {
        id -> Text,
        organisation_id -> Text,
        credits_id -> Nullable<Text>,
        reason -> Nullable<Text>,
        series -> Text,
        year -> Integer,
        sequence -> BigInt,
        currency -> Text,
        issue_date -> Date,
        period_end -> Date,
        vat_treatment -> Text,
        vat_rate_bp -> Integer,
        net_minor -> BigInt,
        vat_minor -> BigInt,
        withheld_minor -> BigInt,
        seller -> Text,
        buyer -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    fee_invoice_lines (id) {
        id -> Text,
        fee_invoice_id -> Text,
        position -> Integer,
        source -> Text,
        item -> Text,
        case_id -> Nullable<Text>,
        description -> Text,
        net_minor -> BigInt,
    }
}

diesel::table! {
    fee_invoice_items (item) {
        item -> Text,
        fee_invoice_id -> Text,
    }
}

diesel::joinable!(fee_invoice_lines -> fee_invoices (fee_invoice_id));

diesel::table! {
    events (id) {
        id -> Text,
        organisation_id -> Text,
        event_type -> Text,
        case_id -> Nullable<Text>,
        created_at -> Timestamp,
        data -> Text,
        position -> Nullable<BigInt>,
    }
}

diesel::table! {
    event_positions (name) {
        name -> Text,
        last_position -> BigInt,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        organisation_id -> Text,
        url -> Text,
        description -> Nullable<Text>,
        event_types -> Nullable<Text>,
        enabled -> Bool,
        disabled_reason -> Nullable<Text>,
        secret -> Text,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        failing_since -> Nullable<Timestamp>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> BigInt,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        endpoint_id -> Text,
        event_id -> Text,
        attempt -> Integer,
        trigger -> Text,
        status -> Text,
        due_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        attempted_at -> Nullable<Timestamp>,
        response_status -> Nullable<Integer>,
        response_body -> Nullable<Text>,
        latency_ms -> Nullable<BigInt>,
        error -> Nullable<Text>,
        next_attempt_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_deliveries -> events (event_id));

diesel::table! {
    bank_statements (id) {
        id -> Text,
        organisation_id -> Text,
        message_type -> Text,
        message_id -> Text,
        statement_id -> Text,
        account_iban -> Nullable<Text>,
        account_other_id -> Nullable<Text>,
        account_key -> Text,
        collection_account -> Bool,
        currency -> Text,
        opening_balance_minor -> Nullable<BigInt>,
        closing_balance_minor -> Nullable<BigInt>,
        entry_count -> BigInt,
        file_sha256 -> Text,
        imported_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    bank_transactions (id) {
        id -> Text,
        bank_statement_id -> Text,
        organisation_id -> Text,
        entry_number -> BigInt,
        detail_number -> BigInt,
        entry_status -> Text,
        booking_date -> Nullable<Date>,
        value_date -> Nullable<Date>,
        direction -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        reversal_indicator -> Bool,
        counterparty_name -> Nullable<Text>,
        counterparty_iban -> Nullable<Text>,
        end_to_end_id -> Nullable<Text>,
        bank_reference -> Nullable<Text>,
        creditor_references -> Text,
        remittance_text -> Nullable<Text>,
        return_reasons -> Text,
        status -> Text,
        match_method -> Nullable<Text>,
        status_reason -> Nullable<Text>,
        candidate_case_id -> Nullable<Text>,
        reverses_transaction_id -> Nullable<Text>,
        updated_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    bank_transaction_matches (id) {
        id -> Text,
        bank_transaction_id -> Text,
        case_id -> Text,
        payment_id -> Nullable<Text>,
        amount_minor -> BigInt,
        currency -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    plan_limits (organisation_id) {
        organisation_id -> Text,
        max_instalments -> Integer,
        min_instalment_minor -> BigInt,
        min_instalment_currency -> Text,
        max_duration_months -> Integer,
        updated_by -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    payment_plan_requests (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        instalment_count -> Integer,
        first_due_date -> Date,
        status -> Text,
        exceeded -> Nullable<Text>,
        counter_instalment_count -> Nullable<Integer>,
        counter_first_due_date -> Nullable<Date>,
        decline_reason -> Nullable<Text>,
        declined_by -> Nullable<Text>,
        plan_id -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    already_paid_claims (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        paid_on -> Date,
        amount_minor -> BigInt,
        currency -> Text,
        bank_reference -> Text,
        document_id -> Text,
        status -> Text,
        hold_until -> Date,
        reject_reason -> Nullable<Text>,
        payment_id -> Nullable<Text>,
        decided_by -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(bank_transactions -> bank_statements (bank_statement_id));
diesel::joinable!(bank_transaction_matches -> bank_transactions (bank_transaction_id));
diesel::joinable!(bank_transaction_matches -> cases (case_id));
diesel::joinable!(payment_plan_requests -> cases (case_id));
diesel::joinable!(already_paid_claims -> cases (case_id));

diesel::table! {
    card_payments (id) {
        id -> Text,
        case_id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        provider -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        status -> Text,
        checkout_session_id -> Nullable<Text>,
        checkout_url -> Nullable<Text>,
        payment_id -> Nullable<Text>,
        provider_reference -> Nullable<Text>,
        detail -> Nullable<Text>,
        created_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    provider_events (provider, event_id) {
        provider -> Text,
        event_id -> Text,
        event_type -> Text,
        received_at -> Timestamp,
    }
}

diesel::joinable!(card_payments -> cases (case_id));

diesel::allow_tables_to_appear_in_same_query!(
    organisations,
    users,
    sessions,
    refresh_tokens,
    api_keys,
    server_secrets,
    login_throttle,
    password_resets,
    debtors,
    debtor_access,
    collector_coverage,
    sequences,
    quotes,
    fee_schedules,
    cases,
    invoices,
    ledger_postings,
    payments,
    promises,
    legal_steps,
    scheduled_jobs,
    refunds,
    remittances,
    remittance_lines,
    case_assessments,
    case_activities,
    payment_plans,
    payment_plan_instalments,
    disputes,
    case_events,
    messages,
    message_reads,
    documents,
    idempotency_keys,
    idempotency_progress,
    rate_entries,
    billing_details,
    fee_invoice_numbers,
    fee_invoices,
    fee_invoice_lines,
    fee_invoice_items,
    events,
    event_positions,
    webhook_endpoints,
    webhook_deliveries,
    bank_statements,
    bank_transactions,
    bank_transaction_matches,
    card_payments,
    provider_events,
    plan_limits,
    payment_plan_requests,
    already_paid_claims,
);

diesel::table! {
    debtor_messages (id) {
        id -> Text,
        case_id -> Text,
        side -> Text,
        author_id -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    complaints (id) {
        id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        case_id -> Nullable<Text>,
        text -> Text,
        received_at -> Timestamp,
        status -> Text,
        resolution -> Nullable<Text>,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    data_requests (id) {
        id -> Text,
        organisation_id -> Text,
        debtor_id -> Text,
        case_id -> Text,
        kind -> Text,
        text -> Text,
        received_at -> Timestamp,
        due_on -> Date,
        status -> Text,
        completion_note -> Nullable<Text>,
        completed_by -> Nullable<Text>,
        completed_at -> Nullable<Timestamp>,
    }
}
