"""JSON Schema of the report (`clause-analyzer schema`), checked against real reports in tests."""

from __future__ import annotations

from typing import Any

_REF = {
    "type": "object",
    "required": ["document", "clause", "heading", "page"],
    "properties": {
        "document": {"type": "string"},
        "clause": {"type": ["string", "null"]},
        "heading": {"type": "string"},
        "page": {"type": ["integer", "null"]},
    },
}


def report_schema() -> dict[str, Any]:
    nullable_number = {"type": ["number", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "clause-analyzer tender report",
        "type": "object",
        "required": [
            "schema_version",
            "tender",
            "documents",
            "findings",
            "axes",
            "compliance",
            "errors",
        ],
        "properties": {
            "schema_version": {"const": "1"},
            "tender": {"type": "string"},
            "documents": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["path", "kind", "pages", "clauses", "error"],
                    "properties": {
                        "path": {"type": "string"},
                        "kind": {"enum": ["CCAP", "CCTP", "RC", "AE", "BPU", "other"]},
                        "pages": {"type": ["integer", "null"]},
                        "clauses": {"type": "integer"},
                        "error": {"type": ["string", "null"]},
                    },
                },
            },
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "document",
                        "clause",
                        "heading",
                        "page",
                        "text",
                        "family",
                        "axes",
                        "lever",
                        "score",
                        "evidence",
                        "quantities",
                    ],
                    "properties": {
                        "document": {"type": "string"},
                        "clause": {"type": ["string", "null"]},
                        "heading": {"type": "string"},
                        "page": {"type": ["integer", "null"]},
                        "text": {"type": "string"},
                        "family": {"enum": ["social", "environmental", "economic"]},
                        "axes": {"type": "array", "items": {"type": "string"}},
                        "lever": {
                            "enum": [
                                "specification",
                                "execution_condition",
                                "award_criterion",
                                "reserved",
                                "other",
                                None,
                            ]
                        },
                        "score": {"type": "number", "minimum": 0, "maximum": 1},
                        "evidence": {"type": "array", "items": {"type": "string"}},
                        "quantities": {
                            "type": "object",
                            "properties": {
                                "insertion_hours": {"type": "number"},
                                "criterion_weight_percent": {"type": "number"},
                            },
                            "additionalProperties": {"type": "number"},
                        },
                    },
                },
            },
            "axes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "label", "family", "addressed", "findings"],
                    "properties": {
                        "id": {"type": "string"},
                        "label": {"type": "string"},
                        "family": {"enum": ["social", "environmental", "economic"]},
                        "addressed": {"type": "boolean"},
                        "strength": {"enum": ["strong", "medium", "weak", "none"]},
                        "findings": {"type": "integer"},
                        "best": {"oneOf": [{"type": "null"}, _REF]},
                    },
                },
            },
            "compliance": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "status", "message"],
                    "properties": {
                        "id": {"type": "string"},
                        "status": {"enum": ["ok", "missing", "not_applicable", "unknown"]},
                        "message": {"type": "string"},
                        "advisory": {"type": "boolean"},
                    },
                },
            },
            "award": {
                "type": "object",
                "properties": {
                    "criteria": {"type": "array"},
                    "price_only": {"type": "boolean"},
                    "environmental_weight_percent": nullable_number,
                },
            },
            "quantities": {"type": "object", "additionalProperties": {"type": "number"}},
            "estimated_amount_eur": nullable_number,
            "declared": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["field", "value"],
                    "properties": {"field": {"type": "string"}, "value": {"type": "string"}},
                },
            },
            "errors": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["path", "message"],
                    "properties": {"path": {"type": "string"}, "message": {"type": "string"}},
                },
            },
        },
    }
