from consultations.models.pages import (
    CONSULTATION_WORKFLOW,
    ConsultationIndexPage,
    ConsultationPage,
    State,
)
from consultations.models.responses import (
    ConsultationFollow,
    ConsultationResponse,
    ResponseExport,
)

__all__ = [
    "CONSULTATION_WORKFLOW",
    "ConsultationFollow",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationResponse",
    "ResponseExport",
    "State",
]
