from consultations.models.pages import (
    CONSULTATION_WORKFLOW,
    ConsultationGapLink,
    ConsultationPage,
    ConsultationThreadLink,
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
    "ConsultationGapLink",
    "ConsultationPage",
    "ConsultationResponse",
    "ConsultationThreadLink",
    "ResponseExport",
    "State",
]
