from consultations.models.pages import (
    CONSULTATION_WORKFLOW,
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
    "ConsultationPage",
    "ConsultationResponse",
    "ResponseExport",
    "State",
]
