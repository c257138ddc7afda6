"""The error vocabulary: every error the app raises on purpose has a stable ``code`` and
``params`` (non-personal values: a file path, an HTTP status, a version). Nothing here
is worded: the CLI's presenter (``cli/messages.py``: Dutch text and exit code) and the
UI's (``ui/messages.py``: Dutch source text through Qt's translator) turn a code and its
params into words. Standard library only, so every layer can raise these and the UI can
tell them apart without importing the layer that raised them.

Params are never ids or personal data: a path (see below), a field name, a number, or a
code that the presenters word (``Reason``, ``Thing``, a domain code in ``LABELLED_PARAMS``).

A path is a param, not part of ``str(exc)``: it may hold a coach's name (her home
folder), so logs get the code only, while the presenters show the path to the person
it belongs to, as the messages always did.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import ClassVar


class Code(StrEnum):
    """What went wrong. The values are stable: tests, logs and support use them."""

    # The vault (models)
    WRONG_PASSPHRASE = "vault.wrong_passphrase"
    INVALID_RECOVERY_KEY = "vault.invalid_recovery_key"
    WRONG_RECOVERY_KEY = "vault.wrong_recovery_key"
    KEY_HEADER_MISSING = "vault.key_header_missing"
    KEY_HEADER_DAMAGED = "vault.key_header_damaged"
    VAULT_MISSING = "vault.missing"
    VAULT_EXISTS = "vault.exists"
    NOT_A_VAULT = "vault.not_a_vault"
    VAULT_DAMAGED = "vault.damaged"
    VAULT_IO = "vault.io"
    VAULT_TOO_NEW = "vault.too_new"
    VAULT_LOCKED = "vault.locked"
    NO_SQLCIPHER = "vault.no_sqlcipher"
    SQLCIPHER_TOO_OLD = "vault.sqlcipher_too_old"
    WEAK_PASSPHRASE = "vault.weak_passphrase"
    # The use cases (services): bad input, a record that is gone, and one code per
    # refusal (the action is not allowed in this state)
    INVALID_INPUT = "service.invalid_input"
    NOT_FOUND = "service.not_found"
    PLACEMENT_OF_OTHER_CANDIDATE = "service.placement_of_other_candidate"
    VISIT_SIGNED_OFF = "service.visit_signed_off"
    CANDIDATE_NOT_IN_JOURNEY = "service.candidate_not_in_journey"
    ALREADY_IN_PHASE = "service.already_in_phase"
    ALREADY_DROPPED_OUT = "service.already_dropped_out"
    ALREADY_TAKING_PART = "service.already_taking_part"
    VACANCY_OF_OTHER_EMPLOYER = "service.vacancy_of_other_employer"
    MATCH_STEP_NOT_ALLOWED = "service.match_step_not_allowed"
    MATCH_CANNOT_BE_PLACED = "service.match_cannot_be_placed"
    CHECKPOINT_DONE = "service.checkpoint_done"
    PLACEMENT_ENDED = "service.placement_ended"
    PLAN_NOT_DRAFT = "service.plan_not_draft"
    PLAN_WITHOUT_GOALS = "service.plan_without_goals"
    PROCESSING_CONSENT_WITHDRAWN = "service.processing_consent_withdrawn"
    ROLE_NOT_HELD = "service.role_not_held"
    LOKET_NOT_YOURS = "service.loket_not_yours"
    HANDOVER_PENDING = "service.handover_pending"
    HANDOVER_NOT_YOURS = "service.handover_not_yours"
    HANDOVER_ACCEPTED = "service.handover_accepted"
    CONFLICT_CHOICE = "service.conflict_choice"
    # A demo vault (made-up people) is never linked to a server, and demo data never go
    # into a linked vault.
    DEMO_NOT_LINKED = "service.demo_not_linked"
    DEMO_INTO_LINKED = "service.demo_into_linked"
    EXPORT_IS_A_FOLDER = "service.export_is_a_folder"
    EXPORT_DISK_FULL = "service.export_disk_full"
    EXPORT_NOT_ALLOWED = "service.export_not_allowed"
    EXPORT_FOLDER_GONE = "service.export_folder_gone"
    EXPORT_FAILED = "service.export_failed"
    # The dossier's work (activities, scholing, visits, plan)
    FUND_NEEDS_WORK = "service.fund_needs_work"
    VISIT_NOT_SIGNED = "service.visit_not_signed"
    PLAN_VERSION_OLD = "service.plan_version_old"
    ACTIVITY_NOT_HELD_YET = "service.activity_not_held_yet"
    # Issue 16: referrals and the terugkoppeling to the referrer.
    REFERRER_CONSENT_MISSING = "service.referrer_consent_missing"
    REFERRAL_ACCEPTED = "service.referral_accepted"
    REFERRAL_NOT_YOURS = "service.referral_not_yours"
    # Sync (client side of the server's p.ERR_* codes, and the client's own)
    UNREACHABLE = "sync.unreachable"
    DEVICE_REVOKED = "sync.device_revoked"
    VAULT_WIPED = "sync.vault_wiped"
    ACCOUNT_INACTIVE = "sync.account_inactive"
    TOKEN_REUSED = "sync.token_reused"
    TOKEN_EXPIRED = "sync.token_expired"
    BAD_CREDENTIALS = "sync.bad_credentials"
    RATE_LIMITED = "sync.rate_limited"
    SIGNED_OUT = "sync.signed_out"
    SERVER_REFUSED = "sync.server_refused"
    OTHER_ACCOUNT = "sync.other_account"
    NOT_LINKED = "sync.not_linked"
    # The network of a real laptop (issue 17): a certificate the laptop does not trust,
    # and a server that asks for a newer SPT Desktop (the version handshake)
    CERTIFICATE = "sync.certificate"
    UPDATE_REQUIRED = "sync.update_required"
    # The coordinator's requests (issue 15): the server's forbidden / not_found / bad_coach
    NOT_COORDINATOR = "sync.not_coordinator"
    NOT_ON_SERVER = "sync.not_on_server"
    BAD_COACH = "sync.bad_coach"


class Reason(StrEnum):
    """The ``reason`` param: the part of a message that varies (why a file is not usable,
    why a passphrase is too weak, how long to wait), worded by the presenters like the
    codes."""

    # NOT_A_VAULT
    NO_VAULT_DATA = "no_vault_data"
    OTHER_VAULTS_HEADER = "other_vaults_header"
    PLAIN_SQLITE = "plain_sqlite"
    EMPTY_OR_SHORT = "empty_or_short"
    KEY_DOES_NOT_FIT = "key_does_not_fit"
    # VAULT_IO: what a coach can do something about; anything else as the OS says it
    DISK_FULL = "disk_full"
    NO_PERMISSION = "no_permission"
    READ_ONLY_DISK = "read_only_disk"
    IS_A_FOLDER = "is_a_folder"
    PATH_PART_IS_FILE = "path_part_is_file"
    DISK_IO = "disk_io"
    IN_USE = "in_use"
    READ_ONLY_VAULT = "read_only_vault"
    CANNOT_OPEN = "cannot_open"
    OS_SAYS = "os_says"  # param ``detail``: the OS's own words (strerror)
    UNKNOWN = "unknown"
    # WEAK_PASSPHRASE
    TOO_SHORT = "too_short"
    REPEATED = "repeated"
    # RATE_LIMITED: how long to wait (params ``seconds`` or ``minutes``)
    WAIT_ONE_SECOND = "wait_one_second"
    WAIT_SECONDS = "wait_seconds"
    WAIT_MINUTES = "wait_minutes"
    WAIT_AT_MOST_A_QUARTER = "wait_at_most_a_quarter"
    # UNREACHABLE: what the network said, in words a coach can act on
    NO_CONNECTION = "no_connection"  # no route, refused, no name: offline or wrong address
    NO_ANSWER = "no_answer"  # connected, but no answer in time: a slow or stuck link
    CONNECTION_BROKE = "connection_broke"  # the connection dropped halfway
    SERVER_FAULT = "server_fault"  # the server answered 5xx: its fault, not hers
    # CERTIFICATE: why the laptop does not trust the server's certificate
    CERT_UNKNOWN_ISSUER = "cert_unknown_issuer"  # an internal CA or an inspecting proxy
    CERT_EXPIRED = "cert_expired"  # expired, or not valid yet (a laptop clock far off)
    CERT_WRONG_HOST = "cert_wrong_host"  # made out to another name than the address
    CERT_OTHER = "cert_other"


class Thing(StrEnum):
    """The ``what`` param of NOT_FOUND: the kind of record that is gone (never its data),
    worded by the presenters like the reasons."""

    CANDIDATE = "candidate"
    COACH_PROFILE = "coach_profile"  # the coach's own
    COACH = "coach"
    COLLEAGUE = "colleague"
    JOBCOACH = "jobcoach"
    ACTIVITY = "activity"
    TRAINING = "training"
    INTAKE = "intake"
    PLAN = "plan"
    CANDIDATE_PLAN = "candidate_plan"  # any plan of the candidate (printing one)
    GOAL = "goal"
    ACTION = "action"
    VISIT = "visit"
    VISIT_EMPLOYER = "visit_employer"
    EMPLOYER = "employer"
    CONTACT = "contact"
    VACANCY = "vacancy"
    EMPLOYER_CONTACT = "employer_contact"
    MATCH = "match"
    PLACEMENT = "placement"
    CHECKPOINT = "checkpoint"
    HANDOVER = "handover"
    REFERRAL = "referral"
    LOKET_QUESTION = "loket_question"


class Problem(StrEnum):
    """What is wrong with one field of a form: a ValidationError's ``errors`` map each
    field to a ``FieldError`` of one of these, which the presenters word beside the field
    (the UI's forms) or after its name (the CLI). Params in ``PROBLEM_PARAMS``."""

    # Any field (services/validation.py's Checker)
    REQUIRED = "required"
    TOO_LONG = "too_long"  # maximum
    HAS_BSN = "has_bsn"
    BAD_EMAIL = "bad_email"
    BAD_PHONE = "bad_phone"
    UNKNOWN_VALUE = "unknown_value"  # choices: the codes allowed, comma-separated
    BAD_DATE = "bad_date"
    BAD_TIME = "bad_time"
    NOT_A_WHOLE_NUMBER = "not_a_whole_number"
    OUT_OF_RANGE = "out_of_range"  # low, high
    UNKNOWN_FIELD = "unknown_field"
    FIELD_CHANGED_ELSEWHERE = "field_changed_elsewhere"
    IN_FUTURE = "in_future"
    TIME_IN_FUTURE = "time_in_future"
    # Candidates, coaches, the vault and the link to the server
    MUNICIPALITY_OUTSIDE_AREA = "municipality_outside_area"
    BIRTH_DATE_UNLIKELY = "birth_date_unlikely"
    CONSENT_NEEDED = "consent_needed"
    REFERRAL_CONSENT_NEEDED = "referral_consent_needed"  # to share with the SPT (issue 16)
    CHOOSE_A_ROLE = "choose_a_role"
    WEAK_PASSPHRASE = "weak_passphrase"  # minimum
    MINUTES_OUT_OF_RANGE = "minutes_out_of_range"  # low, high
    BAD_SERVER_ADDRESS = "bad_server_address"
    CHOOSE_A_COLLEAGUE = "choose_a_colleague"
    NOT_TO_YOURSELF = "not_to_yourself"
    # The dossier's work and the journey
    VISIT_EMPTY = "visit_empty"
    INTAKE_EMPTY = "intake_empty"
    CHOOSE_FUND = "choose_fund"
    FUND_WITHOUT_FUND_FUNDING = "fund_without_fund_funding"
    ENDS_BEFORE_START = "ends_before_start"
    EXPLAIN_OTHER = "explain_other"
    BEFORE_REGISTRATION = "before_registration"
    CHOOSE_DROPOUT_CAUSE = "choose_dropout_cause"
    BEFORE_PLACEMENT_START = "before_placement_start"
    KLIK_AFTER_INTRODUCTION = "klik_after_introduction"
    BEFORE_PREVIOUS_STEP = "before_previous_step"  # day: the previous step's date (ISO)
    # Employers
    EMPLOYER_EXISTS = "employer_exists"
    MAX_BELOW_MIN = "max_below_min"
    SAY_WHEN_NEEDED = "say_when_needed"
    CONTACT_IN_FUTURE = "contact_in_future"
    FOLLOW_UP_BEFORE_CONTACT = "follow_up_before_contact"
    NOT_A_CONTACT_OF_EMPLOYER = "not_a_contact_of_employer"
    # Referrals and the loket register
    FOLLOW_UP_BEFORE_QUESTION = "follow_up_before_question"
    LINK_UNKNOWN = "link_unknown"
    LINK_MISMATCH = "link_mismatch"
    # A terugkoppeling reports a step the dossier holds: not one still to come
    INTAKE_NOT_RECORDED = "intake_not_recorded"
    PLACEMENT_NOT_RECORDED = "placement_not_recorded"
    DROPOUT_NOT_RECORDED = "dropout_not_recorded"
    CLOSING_NOT_RECORDED = "closing_not_recorded"


# The params each problem carries: the presenters may use these and only these.
PROBLEM_PARAMS: dict[Problem, frozenset[str]] = {problem: frozenset() for problem in Problem}
PROBLEM_PARAMS.update(
    {
        Problem.TOO_LONG: frozenset({"maximum"}),
        Problem.UNKNOWN_VALUE: frozenset({"choices"}),
        Problem.OUT_OF_RANGE: frozenset({"low", "high"}),
        Problem.WEAK_PASSPHRASE: frozenset({"minimum"}),
        Problem.MINUTES_OUT_OF_RANGE: frozenset({"low", "high"}),
        Problem.BEFORE_PREVIOUS_STEP: frozenset({"day"}),
    }
)
# Params that hold a date (ISO): the presenters show it as the app shows dates.
DAY_PARAMS = frozenset({"day"})


# Params that hold a code of the domain (``spt_common.enums``: a phase, a status, a role),
# not words: the presenters show its label, as the rest of the app does.
LABELLED_PARAMS = frozenset({"phase", "candidate_status", "match_status", "to_status", "role"})

# The params each code carries (beyond ``reason`` where listed): the presenters may use
# these and only these; a test checks every template against it.
PARAMS: dict[Code, frozenset[str]] = {code: frozenset() for code in Code}
PARAMS.update(
    {
        Code.KEY_HEADER_MISSING: frozenset({"path"}),
        Code.KEY_HEADER_DAMAGED: frozenset({"path"}),
        Code.VAULT_MISSING: frozenset({"path"}),
        Code.VAULT_EXISTS: frozenset({"path"}),
        Code.NOT_A_VAULT: frozenset({"path", "reason"}),
        Code.VAULT_DAMAGED: frozenset({"path"}),
        Code.VAULT_IO: frozenset({"path", "reason", "detail"}),
        Code.SQLCIPHER_TOO_OLD: frozenset({"version"}),
        Code.WEAK_PASSPHRASE: frozenset({"reason", "minimum"}),
        Code.INVALID_INPUT: frozenset({"fields"}),
        Code.NOT_FOUND: frozenset({"what"}),
        Code.CANDIDATE_NOT_IN_JOURNEY: frozenset({"candidate_status"}),
        Code.ALREADY_IN_PHASE: frozenset({"phase"}),
        Code.MATCH_STEP_NOT_ALLOWED: frozenset({"match_status", "to_status"}),
        Code.MATCH_CANNOT_BE_PLACED: frozenset({"match_status"}),
        Code.ROLE_NOT_HELD: frozenset({"role"}),
        Code.UNREACHABLE: frozenset({"reason"}),
        Code.RATE_LIMITED: frozenset({"reason", "seconds", "minutes"}),
        Code.SERVER_REFUSED: frozenset({"status"}),
        Code.CERTIFICATE: frozenset({"reason"}),
        Code.UPDATE_REQUIRED: frozenset({"version", "minimum"}),
    }
)

# Sync failures that mean "log in again" (the window says so instead of the message).
SIGNED_OUT_CODES = frozenset(
    {
        Code.ACCOUNT_INACTIVE,
        Code.TOKEN_REUSED,
        Code.BAD_CREDENTIALS,
        Code.RATE_LIMITED,
        Code.SIGNED_OUT,
        Code.NOT_LINKED,
    }
)

Param = str | int


class SptError(Exception):
    """Base of every error raised on purpose: a ``code`` and its ``params``. ``str()``
    gives the code only (safe for logs: params may hold a path)."""

    default_code: ClassVar[Code]

    def __init__(self, code: Code | None = None, **params: Param) -> None:
        self.code: Code = code or self.default_code
        self.params: dict[str, Param] = params
        super().__init__(self.code.value)

    def __str__(self) -> str:
        return self.code.value


def code_of(exc: BaseException) -> Code | None:
    """The code of an error raised on purpose, None for anything else (a bug)."""
    return exc.code if isinstance(exc, SptError) else None


class FieldError:
    """What is wrong with one field: a ``Problem`` and its params (numbers, codes, a
    date; never what was typed). Compared by value, so tests can say which."""

    __slots__ = ("params", "problem")

    def __init__(self, problem: Problem, **params: Param) -> None:
        self.problem = problem
        self.params: dict[str, Param] = params

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldError):
            return NotImplemented
        return (self.problem, self.params) == (other.problem, other.params)

    def __hash__(self) -> int:
        return hash((self.problem, tuple(sorted(self.params.items()))))

    def __repr__(self) -> str:
        params = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"FieldError({self.problem.value}{params})"


class InvalidInput(SptError):
    """Bad input: ``errors`` maps each field to its ``FieldError``, so a form can show
    each beside its field; nothing has been saved. The ``fields`` param names the fields
    (for logs); the presenters word it from ``errors`` (``field: problem; …``)."""

    default_code = Code.INVALID_INPUT

    def __init__(self, errors: Mapping[str, FieldError]) -> None:
        self.errors: dict[str, FieldError] = dict(errors)
        # SptError's, not super()'s: a subclass may also be a ServiceError, whose
        # __init__ wants a code.
        SptError.__init__(self, fields=", ".join(self.errors))
