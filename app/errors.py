"""One tree of known errors.

A `KnownError` is something the environment or the user caused (bad input, a full disk, a
locked database, a newer database): it carries a message that says what to do and is shown to
the user as it is. Anything else is a bug and goes to the crash handler with details.
"""


class KnownError(Exception):
    """An error with a message meant for the user."""


class ValidationError(KnownError):
    """Input that breaks a rule (a field, a value, a template)."""


class NotFoundError(KnownError):
    """A record asked for by id does not exist."""


class FrozenError(KnownError):
    """A signed inspection cannot be changed, only amended."""


class StateError(KnownError):
    """An operation that is not allowed in the record's current state."""


class DatabaseError(KnownError):
    """The database file cannot be used: locked, read-only, corrupt, full, or too new."""


class TemplateError(ValidationError):
    """A template file that is not valid; the message names the file, item and field."""


class BundleError(KnownError):
    """A sync bundle that is refused; the message names the problem."""


class TrustError(KnownError):
    """A signer that is not (yet) trusted."""


class PasswordError(KnownError):
    """The signing key's password is needed, or the one given is wrong."""


class PasswordRequiredError(PasswordError):
    """The signing key is protected and no password was given."""


class WrongPasswordError(PasswordError):
    """The password given does not open the signing key."""
