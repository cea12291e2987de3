from consultations.views import listing

app_name = "consultations"

urlpatterns = listing.urlpatterns
