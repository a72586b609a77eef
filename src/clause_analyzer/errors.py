"""One exception root; every error a user can cause is a subclass with a French message."""

from __future__ import annotations


class ClauseAnalyzerError(Exception):
    """Root of every error raised on purpose by clause-analyzer."""


class ExtractionError(ClauseAnalyzerError):
    """A file could not be read: corrupt, encrypted, scanned, unsupported, too large…"""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path} : {cause}")
        self.path = path
        self.cause = cause


class ArchiveError(ExtractionError):
    """A ZIP archive, or one of its members, was refused (bomb, traversal, corrupt)."""


class ConfigError(ClauseAnalyzerError):
    """A user-supplied configuration file (axes, metadata) is invalid."""


class ModelError(ClauseAnalyzerError):
    """The classifier model is missing, corrupt, untrusted or incompatible."""
