from django.urls import path

from consultations.views import listing

app_name = "consultations"

urlpatterns = [
    path("consultations/", listing.consultation_list, name="consultations"),
]
