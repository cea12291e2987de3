"""What the OpenAPI schema covers: our lists and records (api.views) only. Wagtail's
admin API is not public, and its pages API has a schema of its own making (see the
documentation page)."""


def only_ours(endpoints, **kwargs):
    """drf-spectacular's preprocessing hook."""
    return [
        endpoint
        for endpoint in endpoints
        if getattr(endpoint[3], "cls", None) is not None
        and endpoint[3].cls.__module__ == "api.views"
    ]


ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "What went wrong."}},
}
# A refused filter: each parameter's name, with why it was refused.
REFUSED_FILTERS = {"type": "object", "additionalProperties": {"type": "array"}}


def with_refusals(result, generator, request, public):
    """drf-spectacular's postprocessing hook: every answer an operation may give
    besides its 200, so a client (and schemathesis) knows them all."""
    for methods in result["paths"].values():
        for operation in methods.values():
            parameters = operation.get("parameters", [])
            refusals = {"429": ("Too many requests: see Retry-After.", ERROR)}
            naming = {"theme", "organisation", "tag", "statistic"}
            if any(p["in"] == "path" or p["name"] in naming for p in parameters):
                refusals["404"] = ("Not there, or not public.", ERROR)
            filters = {"limit", "offset"}
            if any(p["in"] == "query" and p["name"] not in filters for p in parameters):
                refusals["400"] = (
                    "A filter's value is not one of its options.",
                    REFUSED_FILTERS,
                )
            for status, (description, schema) in refusals.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": schema}},
                    },
                )
    return result
