"""Every error policyparse raises, each with a stable code.

Codes:
    PP100 file not found        PP101 empty file          PP102 binary file
    PP103 undecodable text      PP104 unsupported format  PP105 file too large
    PP106 corrupt document      PP107 encrypted document  PP108 no text layer
    PP109 time limit exceeded   PP110 worker process died
    PP200 invalid gold file     PP201 invalid check config
    PP300 invalid rule data     PP400 usage error         PP500 output error
    PP401 missing optional dependency
"""

from __future__ import annotations

from pathlib import Path


class PolicyParseError(Exception):
    """Base of every policyparse error: a code and a one-line message."""

    code = "PP000"

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.detail = message
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{self.code} {where}{message}")


class ReadError(PolicyParseError):
    """A file could not be read into text."""

    code = "PP103"


class FileNotFound(ReadError):
    code = "PP100"


class EmptyFile(ReadError):
    code = "PP101"


class BinaryFile(ReadError):
    code = "PP102"


class UndecodableText(ReadError):
    code = "PP103"


class UnsupportedFormat(ReadError):
    code = "PP104"


class FileTooLarge(ReadError):
    code = "PP105"


class CorruptDocument(ReadError):
    code = "PP106"


class EncryptedDocument(ReadError):
    code = "PP107"


class NoTextLayer(ReadError):
    code = "PP108"


class TimeLimitExceeded(ReadError):
    """A file took longer than the batch's per-file time limit."""

    code = "PP109"


class WorkerDied(ReadError):
    """The worker process reading a file died (a crash, or killed by the system)."""

    code = "PP110"


class GoldError(PolicyParseError):
    """A gold annotation file does not validate."""

    code = "PP200"


class CheckConfigError(PolicyParseError):
    """A corpus check configuration does not validate."""

    code = "PP201"


class RuleDataError(PolicyParseError):
    """A packaged rule-data file does not validate."""

    code = "PP300"


class UsageError(PolicyParseError):
    """The caller asked for something that cannot be done."""

    code = "PP400"


class MissingDependency(UsageError):
    """An optional dependency (an extra such as ``policyparse[pandas]``) is not installed."""

    code = "PP401"


class OutputError(PolicyParseError):
    """An output file could not be written."""

    code = "PP500"
