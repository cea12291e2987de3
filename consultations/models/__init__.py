from consultations.models.pages import (
    CONSULTATION_WORKFLOW,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationStatistic,
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
    "ConsultationStatistic",
    "ResponseExport",
    "State",
]
