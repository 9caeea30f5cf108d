"""Schemathesis hooks for `.ci/schemathesis` (loaded through SCHEMATHESIS_HOOKS).

The generator draws header values from a small pool, so two requests with different bodies often
carry the same `Idempotency-Key`. The server answers the second with `422
idempotency_key_reused`, as the IETF Idempotency-Key draft (draft-ietf-httpapi-idempotency-key-header,
s.2.7) asks of a key reused with another payload: the tool's reuse, not a wrong answer. A key that
fits the document is therefore made unique; a key that does not fit it (the negative tests) is
left as generated, so its refusal is still checked.
"""

import re
import uuid

import schemathesis

# The document's pattern for the header: 1 to 255 visible ASCII characters.
VALID_KEY = re.compile(r"^[!-~]{1,255}$")


@schemathesis.hook
def before_call(context, case, kwargs):
    # Every phase sends through here (the coverage phase's cases do not pass the `map_*` hooks).
    headers = case.headers or {}
    key = headers.get("Idempotency-Key")
    if isinstance(key, str) and VALID_KEY.match(key):
        headers["Idempotency-Key"] = f"{key[:200]}-{uuid.uuid4().hex}"
        case.headers = headers
