"""The shipped classifier (installed as the package `clause_analyzer.models`)."""
