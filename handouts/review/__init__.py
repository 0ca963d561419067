"""Review records: who checked a topic's English and each translation, which text they
checked, until when, and which clinic approved what. ``build``, ``list``, ``batch`` and
``review status`` all ask this package; none re-derives a status itself."""
from .records import (
    APPROVAL_FIELDS,
    SHARED,
    Approval,
    Record,
    State,
    Status,
    judge,
    judge_approval,
    parse_record,
    topic_fingerprint,
    write_record,
)

__all__ = ["APPROVAL_FIELDS", "SHARED", "Approval", "Record", "State", "Status", "judge", "judge_approval",
           "parse_record", "topic_fingerprint", "write_record"]
